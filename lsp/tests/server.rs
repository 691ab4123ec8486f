//! The server driven over stdio as an editor drives it: initialize, open, change, code
//! actions, hover, configuration, shutdown and exit.

mod common;

use common::{summary, Client};
use serde_json::{json, Value};
use std::time::Duration;

const URI: &str = "file:///case/review.txt";

fn utf16() -> Value {
    json!({})
}

fn utf8() -> Value {
    json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}})
}

/// Text whose finding comes after characters that are wider in UTF-8 than in UTF-16, and
/// one (the emoji) that is two UTF-16 units.
const PREFIX: &str = "Line one.\n\u{201C}Quoted\u{201D} \u{1F600}\u{A0}The ";
const TEXT: &str = "Line one.\n\u{201C}Quoted\u{201D} \u{1F600}\u{A0}The offender left.\n";

fn col16(s: &str) -> u64 {
    s.rsplit('\n').next().unwrap().encode_utf16().count() as u64
}

fn col8(s: &str) -> u64 {
    s.rsplit('\n').next().unwrap().len() as u64
}

fn offender(diags: &[Value]) -> &Value {
    diags.iter().find(|d| d["code"] == "offender-term").unwrap_or_else(|| panic!("no offender-term in {diags:#?}"))
}

#[test]
fn initialize_advertises_incremental_push_diagnostics_actions_and_hover() {
    let (c, result) = Client::initialized(utf16(), Value::Null);
    let caps = &result["capabilities"];
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync: {caps}");
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    assert!(caps["codeActionProvider"].is_object(), "{caps}");
    assert_eq!(caps["hoverProvider"], true);
    assert!(caps.get("diagnosticProvider").is_none(), "pull diagnostics would double every problem: {caps}");
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(result["serverInfo"]["name"], "sfo-lint-lsp");
    assert!(c.shutdown().success());
}

#[test]
fn utf8_is_chosen_when_offered() {
    let (c, result) = Client::initialized(utf8(), Value::Null);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    assert!(c.shutdown().success());
}

#[test]
fn diagnostics_have_exact_utf16_ranges() {
    let (mut c, _) = Client::initialized(utf16(), Value::Null);
    c.open(URI, "plaintext", 1, TEXT);
    let diags = c.diagnostics(URI, 1);
    let d = offender(&diags);
    let start = col16(PREFIX);
    assert_eq!(start, 16, "the test's own arithmetic");
    assert_eq!(summary(std::slice::from_ref(d)), vec![("offender-term".to_owned(), [1, start, 1, start + 8])]);
    assert_eq!(d["source"], "sfo-lint");
    assert_eq!(d["severity"], 2);
    assert_eq!(d["codeDescription"]["href"], "https://github.com/sfo-lint/sfo-lint/blob/main/rules/offender-term.toml");
    assert!(d["message"].as_str().unwrap().contains("service user"), "{d}");
}

#[test]
fn diagnostics_have_exact_utf8_ranges_when_negotiated() {
    let (mut c, _) = Client::initialized(utf8(), Value::Null);
    c.open(URI, "plaintext", 1, TEXT);
    let diags = c.diagnostics(URI, 1);
    let start = col8(PREFIX);
    assert_eq!(start, 23);
    assert_eq!(
        summary(std::slice::from_ref(offender(&diags))),
        vec![("offender-term".to_owned(), [1, start, 1, start + 8])]
    );
}

#[test]
fn incremental_changes_republish_with_the_new_version() {
    let (mut c, _) = Client::initialized(utf16(), Value::Null);
    c.open(URI, "plaintext", 1, "\u{1F600} The service user left.\nSecond line.\n");
    assert!(c.diagnostics(URI, 1).iter().all(|d| d["code"] != "offender-term"));
    // "service user" is at UTF-16 columns 7..19 (the emoji is two units).
    c.change(URI, 2, [0, 7, 0, 19], "offender");
    let diags = c.diagnostics(URI, 2);
    assert_eq!(summary(std::slice::from_ref(offender(&diags))), vec![("offender-term".to_owned(), [0, 7, 0, 15])]);
    // An edit on a later line leaves the finding where it is; one before it moves it.
    c.change(URI, 3, [1, 0, 1, 0], "Added. ");
    assert_eq!(summary(&[offender(&c.diagnostics(URI, 3)).clone()])[0].1, [0, 7, 0, 15]);
    c.change(URI, 4, [0, 0, 0, 0], "\u{201C}");
    assert_eq!(summary(&[offender(&c.diagnostics(URI, 4)).clone()])[0].1, [0, 8, 0, 16]);
    // Deleting across the line break joins the lines.
    c.change(URI, 5, [0, 8, 1, 0], "");
    let diags = c.diagnostics(URI, 5);
    assert!(diags.iter().all(|d| d["code"] != "offender-term"), "{diags:#?}");
}

#[test]
fn code_action_offers_the_preferred_term_and_disabling_the_line() {
    let (mut c, _) = Client::initialized(utf16(), Value::Null);
    c.open(URI, "plaintext", 1, TEXT);
    let diags = c.diagnostics(URI, 1);
    let d = offender(&diags).clone();
    let resp = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let actions = resp["result"].as_array().unwrap_or_else(|| panic!("{resp}"));
    let fix = actions.iter().find(|a| a["title"].as_str().unwrap().contains("service user")).expect("a quick fix");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    let edit = &fix["edit"]["changes"][URI][0];
    assert_eq!(edit["newText"], "service user");
    assert_eq!(edit["range"], d["range"]);
    let disable = actions.iter().find(|a| a["title"] == "Disable offender-term for this line").expect("disable");
    let edit = &disable["edit"]["changes"][URI][0];
    assert_eq!(edit["newText"], "sfo-lint-disable-next-line offender-term\n");
    assert_eq!(edit["range"], common::range_json([1, 0, 1, 0]));

    // Applying the marker silences the finding (and, whatever the core makes of the marker
    // line, the server lives on to answer).
    c.change(URI, 2, [1, 0, 1, 0], "sfo-lint-disable-next-line offender-term\n");
    assert!(c.diagnostics(URI, 2).iter().all(|d| d["code"] != "offender-term"));
    let resp =
        c.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}));
    assert!(resp.get("error").is_none(), "{resp}");
    assert!(c.shutdown().success());
}

#[test]
fn markdown_is_linted_as_markdown() {
    let (mut c, _) = Client::initialized(utf16(), Value::Null);
    let uri = "file:///case/review.md";
    c.open(uri, "markdown", 1, "# Review\n\n```\nthe offender\n```\n\nThe offender left.\n");
    let diags = c.diagnostics(uri, 1);
    let found: Vec<_> = summary(&diags).into_iter().filter(|(r, _)| r == "offender-term").collect();
    assert_eq!(found, vec![("offender-term".to_owned(), [6, 4, 6, 12])], "code blocks are not prose");
    let resp = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": common::range_json([6, 5, 6, 5]), "context": {"diagnostics": []}}),
    );
    let disable = resp["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Disable offender-term for this line")
        .cloned();
    assert_eq!(
        disable.unwrap()["edit"]["changes"][uri][0]["newText"],
        "<!-- sfo-lint-disable-next-line offender-term -->\n"
    );
}

#[test]
fn hover_explains_the_rule_and_cites_the_guidance() {
    let (mut c, _) = Client::initialized(utf16(), Value::Null);
    c.open(URI, "plaintext", 1, TEXT);
    c.diagnostics(URI, 1);
    let at = col16(PREFIX) as u32 + 3;
    let resp = c
        .request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": {"line": 1, "character": at}}));
    let value = resp["result"]["contents"]["value"].as_str().unwrap_or_else(|| panic!("{resp}"));
    assert!(value.contains("offender-term") && value.contains("section 4a") && value.contains("Instead"), "{value}");
    assert_eq!(resp["result"]["range"], common::range_json([1, 16, 1, 24]));
    let resp =
        c.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 1}}));
    assert!(resp["result"].is_null(), "nothing to explain: {resp}");
}

#[test]
fn exit_without_shutdown_is_an_error_exit() {
    let (mut c, _) = Client::initialized(utf16(), Value::Null);
    c.notify("exit", Value::Null);
    assert!(!c.wait_exit().success());
}

#[test]
fn requests_before_initialize_get_the_protocol_error() {
    let mut c = Client::start();
    let resp =
        c.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}));
    assert_eq!(resp["error"]["code"], -32002, "{resp}");
    c.initialize(utf16(), Value::Null);
    assert!(c.shutdown().success());
}

#[test]
fn bad_input_is_refused_and_the_server_keeps_serving() {
    let (mut c, _) = Client::initialized(utf16(), Value::Null);
    c.send_raw(b"{this is not json");
    c.send_raw(br#"{"jsonrpc":"2.0","id":99,"method":5}"#);
    assert_eq!(c.response(99)["error"]["code"], -32600);
    let resp = c.request("sfo/noSuchMethod", json!({}));
    assert_eq!(resp["error"]["code"], -32601, "{resp}");
    let resp = c.request("textDocument/hover", json!({"nonsense": true}));
    assert_eq!(resp["error"]["code"], -32602, "{resp}");
    c.notify("sfo/noSuchNotification", json!({"x": 1}));
    c.notify("textDocument/didChange", json!({"garbage": 1}));
    c.change("file:///never/opened.txt", 2, [0, 0, 0, 0], "The offender.");

    c.open(URI, "plaintext", 1, "\u{1F600}ab\nThe offender left.\n");
    c.diagnostics(URI, 1);
    // Out of range, inside the emoji's surrogate pair, backwards: each is refused whole.
    c.change(URI, 2, [40, 0, 40, 1], "x");
    c.change(URI, 3, [0, 1, 0, 1], "x");
    c.change(URI, 4, [0, 3, 0, 2], "x");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 5}, "contentChanges": [
            {"range": common::range_json([0, 2, 0, 2]), "text": "GOOD"},
            {"range": common::range_json([9, 0, 9, 0]), "text": "BAD"}]}),
    );
    // The text is as it was: a good edit now lands where the original text says.
    c.change(URI, 6, [1, 4, 1, 12], "service user");
    let diags = c.diagnostics(URI, 6);
    assert!(diags.iter().all(|d| d["code"] != "offender-term"), "{diags:#?}");
    c.change(URI, 7, [1, 4, 1, 16], "offender");
    assert_eq!(summary(&[offender(&c.diagnostics(URI, 7)).clone()])[0].1, [1, 4, 1, 12]);
    let warnings = c.notifications.iter().filter(|n| n["method"] == "window/showMessage").count();
    assert_eq!(warnings, 4, "each refused edit is reported: {:#?}", c.notifications);

    let resp = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": common::range_json([70, 0, 80, 0]), "context": {"diagnostics": []}}),
    );
    assert!(resp.get("error").is_none() && resp["result"].is_null(), "{resp}");
    let resp = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///x"}, "position": {"line": 0, "character": 0}}),
    );
    assert!(resp["result"].is_null(), "{resp}");
    assert!(c.shutdown().success());
}

#[test]
fn bursts_of_edits_are_linted_once_for_the_newest_version() {
    let (mut c, _) = Client::initialized(utf16(), Value::Null);
    let text = include_str!("../../examples/review.txt").repeat(6);
    c.open(URI, "plaintext", 1, &text);
    for v in 2..=31 {
        c.change(URI, v, [0, 0, 0, 0], "The offender. ");
    }
    let last = c.diagnostics(URI, 31);
    let first_line: Vec<_> =
        summary(&last).into_iter().filter(|(r, p)| r == "offender-term" && p[0] == 0).map(|(_, p)| p).collect();
    assert_eq!(first_line.len(), 30, "every edit applied");
    let versions: Vec<i64> = c
        .drain(Duration::from_millis(300))
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .map(|m| m["params"]["version"].as_i64().unwrap())
        .chain([31])
        .collect();
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "stale versions published: {versions:?}");
    assert!(versions.len() < 16, "edits were not coalesced: {versions:?}");
}

#[test]
fn settings_from_the_editor_apply_and_changes_relint() {
    let options = json!({"sfoLint": {"rules": {"offender-term": "off"}, "preferredTerm": "person on probation"}});
    let (mut c, _) = Client::initialized(utf16(), options);
    c.open(URI, "plaintext", 1, TEXT);
    assert!(c.diagnostics(URI, 1).iter().all(|d| d["code"] != "offender-term"));
    // Without the wrapper, as some clients send it; the same version is published again.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"rules": {"offender-term": "error"}, "preferredTerm": "person on probation"}}),
    );
    let diags = c.diagnostics(URI, 1);
    assert_eq!(offender(&diags)["severity"], 1);
    let resp = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": offender(&diags)["range"], "context": {"diagnostics": []}}),
    );
    assert_eq!(resp["result"][0]["edit"]["changes"][URI][0]["newText"], "person on probation");
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"sfoLint": {"rules": {"no-such-rule": "off"}}}}));
    let shown = c.wait("a warning", |m| m["method"] == "window/showMessage");
    assert!(shown["params"]["message"].as_str().unwrap().contains("no-such-rule"), "{shown}");
    assert_eq!(offender(&c.diagnostics(URI, 1))["severity"], 2);
}

#[test]
fn sfo_lint_toml_is_read_and_changes_to_it_relint() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().canonicalize().unwrap();
    let config = dir.join("sfo-lint.toml");
    std::fs::write(&config, "[rules]\noffender-term = \"error\"\n").unwrap();
    std::fs::create_dir(dir.join("case")).unwrap();
    let uri = format!("file://{}/case/review.txt", dir.display());
    let config_uri = format!("file://{}", config.display());

    let caps = json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    let (mut c, _) = Client::initialized(caps, Value::Null);
    let reg = c.wait("the watcher registration", |m| m["method"] == "client/registerCapability");
    let watcher = &reg["params"]["registrations"][0];
    assert_eq!(watcher["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(watcher["registerOptions"]["watchers"][0]["globPattern"], "**/sfo-lint.toml");

    c.open(&uri, "plaintext", 1, TEXT);
    assert_eq!(offender(&c.diagnostics(&uri, 1))["severity"], 1);

    // A broken file: an error message, and linting goes on with the defaults.
    std::fs::write(&config, "[rules\n").unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": config_uri, "type": 2}]}));
    let diags = c.diagnostics(&uri, 1);
    assert_eq!(offender(&diags)["severity"], 2);
    let shown = c.wait("an error message", |m| m["method"] == "window/showMessage" && m["params"]["type"] == 1);
    assert!(shown["params"]["message"].as_str().unwrap().contains("sfo-lint.toml"), "{shown}");

    // Saving the mended file is enough, for clients that do not watch files.
    std::fs::write(&config, "[rules]\noffender-term = \"hint\"\n").unwrap();
    c.notify("textDocument/didSave", json!({"textDocument": {"uri": config_uri}}));
    assert_eq!(offender(&c.diagnostics(&uri, 1))["severity"], 4);

    // Closing clears the document's diagnostics.
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    let cleared = c.wait("cleared diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["diagnostics"] == json!([])
    });
    assert!(cleared["params"].get("version").map_or(true, Value::is_null));
    assert!(c.shutdown().success());
}

#[test]
fn plain_words_can_be_added_to_the_case_file() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().canonicalize().unwrap();
    let uri = format!("file://{}/review.txt", dir.display());
    let config_uri = format!("file://{}/sfo-lint.toml", dir.display());
    let caps = json!({"workspace": {"workspaceEdit": {"documentChanges": true, "resourceOperations": ["create"]}}});
    let (mut c, _) = Client::initialized(caps, Value::Null);
    c.open(&uri, "plaintext", 1, "We will utilise the hostel.\n");
    let diags = c.diagnostics(&uri, 1);
    let d = diags.iter().find(|d| d["code"] == "plain-words").expect("plain-words");
    let ask = |c: &mut Client| {
        let resp = c.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": []}}),
        );
        resp["result"].as_array().unwrap().iter().find(|a| a["title"].as_str().unwrap().starts_with("Add")).cloned()
    };
    let add = ask(&mut c).expect("an add action");
    assert_eq!(add["title"], "Add \"utilise\" to [plain-words] allow in sfo-lint.toml");
    let ops = &add["edit"]["documentChanges"];
    assert_eq!(ops[0]["kind"], "create");
    assert_eq!(ops[0]["uri"], config_uri);
    assert_eq!(ops[1]["edits"][0]["newText"], "[plain-words]\nallow = [\"utilise\"]\n");

    // With the file in place, the same action edits it.
    std::fs::write(dir.join("sfo-lint.toml"), "[rules]\npassive-voice = \"off\"\n").unwrap();
    let add = ask(&mut c).expect("an add action");
    let edit = &add["edit"]["changes"][config_uri.as_str()][0];
    assert_eq!(edit["newText"], "\n[plain-words]\nallow = [\"utilise\"]\n");
    assert_eq!(edit["range"], common::range_json([2, 0, 2, 0]));
}

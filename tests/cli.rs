//! The `sfo-lint` command as a user runs it: exit codes, output formats, errors.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sfo-lint"))
}

fn run(args: &[&str], dir: &Path) -> Output {
    bin().args(args).current_dir(dir).output().expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, text: &[u8]) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

#[test]
fn json_contract() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Hello.\nThe \u{2018}offender\u{2019} left.".as_bytes());
    let o = run(&["check", "--format", "json", "--only", "offender-term", "a.txt"], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(v["files"][0]["path"], "a.txt");
    assert_eq!(d["rule"], "offender-term");
    assert_eq!(d["severity"], "warning");
    // "The ‘offender’": byte 7 + 4 + 3 = 14; columns count characters.
    assert_eq!((d["start"].as_u64(), d["end"].as_u64()), (Some(14), Some(22)));
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(2), Some(6)));
    assert_eq!((d["end_line"].as_u64(), d["end_column"].as_u64()), (Some(2), Some(14)));
    assert_eq!(d["suggestions"][0], "service user");
    assert!(d["message"].as_str().unwrap().contains("service user"));
    // The fields in the order the contract lists them, and no others.
    let out = stdout(&o);
    let at = |field: &str| out.find(&format!("\"{field}\":")).unwrap_or_else(|| panic!("no {field}"));
    let order =
        ["rule", "severity", "message", "start", "end", "line", "column", "end_line", "end_column", "suggestions"];
    assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{out}");
    assert_eq!(d.as_object().unwrap().len(), order.len());
}

#[test]
fn exit_codes_follow_deny() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "info.txt", b"The officer utilised a tool.");
    write(dir.path(), "clean.txt", b"The officer used a tool.");
    let only = ["--only", "plain-words"];
    assert_eq!(run(&[&["check", "info.txt"][..], &only].concat(), dir.path()).status.code(), Some(0));
    assert_eq!(run(&[&["check", "--deny", "info", "info.txt"][..], &only].concat(), dir.path()).status.code(), Some(1));
    assert_eq!(run(&["check", "clean.txt"], dir.path()).status.code(), Some(0));
}

#[test]
fn bad_input_is_a_clear_error_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bad.txt", b"The officer \xff\xfe met him.");
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    for (args, needle) in [
        (vec!["check", "bad.txt"], "not valid UTF-8"),
        (vec!["check", "missing.txt"], "no such file"),
        (vec!["check", "empty"], "no .txt"),
        (vec!["explain", "no-such-rule"], "unknown rule"),
        (vec!["check", "--only", "no-such-rule", "bad.txt"], "unknown rule"),
        (vec!["check", "--format", "xml", "bad.txt"], "xml"),
    ] {
        let o = run(&args, dir.path());
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(needle), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"));
    }
}

#[test]
fn bad_configuration_names_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "sfo-lint.toml", b"[rules]\npassive-voice = \"off\"\n\n[sentence-length]\nmaxx = 30\n");
    write(dir.path(), "a.txt", b"Text.");
    let o = run(&["check", "a.txt"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("sfo-lint.toml:5:") && e.contains("maxx"), "{e}");

    write(dir.path(), "sfo-lint.toml", b"[rules]\nno-such-rule = \"off\"\n");
    let e = stderr(&run(&["check", "a.txt"], dir.path()));
    assert!(e.contains("sfo-lint.toml:2:") && e.contains("no-such-rule"), "{e}");

    write(dir.path(), "sfo-lint.toml", b"[rules\n");
    let o = run(&["check", "a.txt"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("sfo-lint.toml:1"), "{}", stderr(&o));
}

#[test]
fn configuration_is_found_by_walking_up() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "sfo-lint.toml", b"[offender-term]\npreferred = \"person on probation\"\n");
    write(dir.path(), "case/deep/a.txt", b"The offender left.");
    let o = run(&["check", "--format", "json", "case/deep/a.txt"], dir.path());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let s = &v["files"][0]["diagnostics"].as_array().unwrap().iter().find(|d| d["rule"] == "offender-term").unwrap()
        ["suggestions"];
    assert_eq!(s[0], "person on probation");
    // --config overrides discovery.
    write(dir.path(), "other.toml", b"[rules]\noffender-term = \"off\"\n");
    let o = run(&["check", "--config", "other.toml", "--format", "json", "case/deep/a.txt"], dir.path());
    assert!(!stdout(&o).contains("offender-term"));
}

#[test]
fn directories_are_walked_honouring_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(dir.path(), ".gitignore", b"ignored/\n");
    write(dir.path(), "a.txt", b"The offender left.");
    write(dir.path(), "sub/b.md", b"# Notes\n\nThe offender left.");
    write(dir.path(), "ignored/c.txt", b"The offender left.");
    write(dir.path(), "d.rs", b"offender");
    let o = run(&["check", "--format", "json", "."], dir.path());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let paths: Vec<&str> = v["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, vec!["./a.txt", "./sub/b.md"]);
}

#[test]
fn standard_input_and_other_formats() {
    let mut child =
        bin().args(["check", "--format", "github", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"The offender left, 50% sure.").unwrap();
    let o = child.wait_with_output().unwrap();
    let out = stdout(&o);
    assert!(out.starts_with("::warning file=-,line=1,col=5,endLine=1,endColumn=13,title=offender-term::"), "{out}");

    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"The offender left.");
    let human = stdout(&run(&["check", "a.txt"], dir.path()));
    assert!(
        human.contains("warning[offender-term]") && human.contains("--> a.txt:1:5") && human.contains("^^^^^^^^"),
        "{human}"
    );
    assert!(!human.contains('\x1b'), "no colour when not on a terminal");
    assert!(human.contains("found 1 problem"));
}

#[test]
fn rules_and_explain() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&["rules"], dir.path());
    let out = stdout(&o);
    for spec in sfo_lint::rules::RULES {
        assert!(out.contains(spec.id), "{} missing from `rules`", spec.id);
    }
    let o = run(&["explain", "offender-term"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("section 4a") && out.contains("Flagged") && out.contains("The offender missed"), "{out}");
}

#[test]
fn suppression_markers_in_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"The offender left.\nsfo-lint-disable-next-line offender-term\nThe offender left.\n\nsfo-lint-disable\nThe offender left.\nsfo-lint-enable\nThe offender left.\n");
    let o = run(&["check", "--format", "json", "--only", "offender-term", "a.txt"], dir.path());
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let lines: Vec<u64> =
        v["files"][0]["diagnostics"].as_array().unwrap().iter().map(|d| d["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, vec![1, 8]);
}

#[test]
fn symlink_loops_in_a_directory_walk_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "case/a.txt", b"The offender left.");
    std::os::unix::fs::symlink("..", dir.path().join("case/up")).unwrap();
    std::os::unix::fs::symlink("loop", dir.path().join("case/loop")).unwrap();
    let o = run(&["check", "--format", "json", "case"], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 1);
}

#[test]
fn paths_that_are_not_utf8_are_read_and_shown_lossily() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(dir.path().join(name), b"The offender left.").unwrap();
    let o = bin().arg("check").arg("--format").arg("json").arg(name).current_dir(dir.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["files"][0]["path"], "caf\u{fffd}.txt");
    // And through a directory walk.
    let o = run(&["check", "--format", "json", "."], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

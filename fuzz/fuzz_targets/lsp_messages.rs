//! The language server's message handling, in process: bytes go through the real stdio
//! framing (`transport::read_loop`) into the real main loop (`server::run`), after an
//! `initialize` and a `didOpen` of a document with emoji, curly quotes and CRLF lines.
//!
//! The first byte picks what the rest is:
//! - 0: raw input after the handshake (frames, headers, lies about Content-Length);
//! - 1: message bodies separated by 0xFF bytes (never in UTF-8 JSON), each framed;
//! - 2: incremental edits, 9 bytes each (a range of four small numbers, a text from a
//!   palette of awkward ones, and what to ask afterwards), UTF-16 positions;
//! - 3: the same edits with UTF-8 positions.
//!
//! The server must not panic; after edits (modes 2 and 3) it must also answer the final
//! `shutdown` and end cleanly at `exit`.
//!
//! The server is a binary crate; its modules are compiled in here by path.
#![no_main]
#![allow(dead_code, clippy::mutable_key_type)]

#[path = "../../lsp/src/actions.rs"]
mod actions;
#[path = "../../lsp/src/config_edit.rs"]
mod config_edit;
#[path = "../../lsp/src/from_lsp.rs"]
mod from_lsp;
#[path = "../../lsp/src/hover.rs"]
mod hover;
#[path = "../../lsp/src/server.rs"]
mod server;
#[path = "../../lsp/src/settings.rs"]
mod settings;
#[path = "../../lsp/src/to_lsp.rs"]
mod to_lsp;
#[path = "../../lsp/src/transport.rs"]
mod transport;

use libfuzzer_sys::fuzz_target;
use lsp_server::{Connection, Message};
use serde_json::{json, Value};

const URI: &str = "untitled:review";
const TEXT: &str = "The offender \u{1F600} utilised MAPPA.\r\n\u{201C}She should have left\u{201D} \u{2014} \
said the victim\u{2019}s mother.\r\n\r\n# Heading\n\nHe was recalled.\u{00A0}End";
/// Replacement texts for edits: surrogate pairs, combining marks, line breaks of each kind.
const PALETTE: &[&str] =
    &["", "a", "\u{1F600}", "\r\n", "\n", "\r", "\u{301}", "\u{2019}", "offender ", "\u{201C}", "é", "\u{0}", "ACRO "];

fn frame(body: &Value) -> Vec<u8> {
    let body = body.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

fn notify(method: &str, params: Value) -> Vec<u8> {
    frame(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
}

fn request(id: i64, method: &str, params: Value) -> Vec<u8> {
    frame(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
}

fn handshake(utf8: bool) -> Vec<u8> {
    let encodings = if utf8 { json!(["utf-8", "utf-16"]) } else { json!(["utf-16"]) };
    let caps = json!({"general": {"positionEncodings": encodings}});
    [
        request(0, "initialize", json!({"capabilities": caps, "processId": null, "rootUri": null})),
        notify("initialized", json!({})),
        notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": URI, "languageId": "markdown", "version": 1, "text": TEXT}}),
        ),
    ]
    .concat()
}

fn pos(line: u8, character: u8) -> Value {
    json!({"line": line % 8, "character": character % 48})
}

/// Edits from 9-byte chunks; after each, maybe a hover or code actions at the range.
fn edits(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, c) in data.chunks_exact(9).enumerate() {
        let version = i as i64 + 2;
        let range = json!({"start": pos(c[0], c[1]), "end": pos(c[2], c[3])});
        let text = PALETTE[c[4] as usize % PALETTE.len()].repeat(1 + c[5] as usize % 3);
        let uri = if c[6] % 16 == 0 { "untitled:never-opened" } else { URI };
        let change = if c[7] % 32 == 0 { json!({"text": text}) } else { json!({"range": range, "text": text}) };
        out.extend(notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
        ));
        let doc = json!({"uri": URI});
        match c[8] % 4 {
            0 => out.extend(request(
                version,
                "textDocument/hover",
                json!({"textDocument": doc, "position": range["start"]}),
            )),
            1 => out.extend(request(
                version,
                "textDocument/codeAction",
                json!({"textDocument": doc, "range": range, "context": {"diagnostics": []}}),
            )),
            _ => {}
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let mut input = handshake(mode % 4 == 3);
    match mode % 4 {
        0 => input.extend_from_slice(rest),
        1 => {
            for body in rest.split(|&b| b == 0xFF) {
                input.extend(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
                input.extend_from_slice(body);
            }
        }
        _ => input.extend(edits(rest)),
    }
    // A fresh frame start, then a clean end; raw input may leave a frame half read.
    input.extend(b"\r\n\r\n");
    input.extend(request(i32::MAX.into(), "shutdown", Value::Null));
    input.extend(notify("exit", Value::Null));

    let (to_server, from_reader) = crossbeam_channel::unbounded::<Message>();
    transport::read_loop(&mut std::io::Cursor::new(input), &to_server);
    drop(to_server);
    let (to_client, from_server) = crossbeam_channel::unbounded::<Message>();
    let conn = Connection { sender: to_client, receiver: from_reader };
    let end = server::run(&conn);
    drop(conn);
    // Edits alone must never end the session: it runs to the clean `shutdown` and `exit`.
    if mode % 4 >= 2 {
        assert!(matches!(end, Ok(server::End::Clean)), "the session did not end cleanly");
        let answered = from_server.try_iter().any(|m| matches!(m, Message::Response(r) if r.id == i32::MAX.into()));
        assert!(answered, "no answer to shutdown");
    }
});

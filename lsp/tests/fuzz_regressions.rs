//! Inputs the `lsp_messages` fuzz target (fuzz/) found, replayed over stdio against the
//! built server: after each, the server still answers a request and shuts down cleanly.
//! The inputs are the raw bytes written after `initialize`, in
//! tests/fuzz-regressions/lsp-*.bin at the repository root.

mod common;

use common::Client;
use serde_json::{json, Value};
use std::io::Write;
use std::path::PathBuf;

fn inputs() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fuzz-regressions");
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("lsp-"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    found.sort();
    found
}

#[test]
fn the_server_survives_every_fuzz_finding() {
    let inputs = inputs();
    assert!(!inputs.is_empty(), "no lsp-*.bin inputs found");
    for (name, bytes) in inputs {
        let (mut c, _) = Client::initialized(json!({}), Value::Null);
        let stdin = c.stdin.as_mut().unwrap();
        stdin.write_all(&bytes).unwrap();
        // End any frame the input left half written, then carry on as an editor would.
        stdin.write_all(b"\r\n\r\n").unwrap();
        c.open("untitled:after", "plaintext", 1, "The offender left.");
        let hover = c.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": "untitled:after"}, "position": {"line": 0, "character": 6}}),
        );
        assert!(hover.get("error").is_none(), "{name}: {hover}");
        assert!(c.shutdown().success(), "{name}: the server did not exit cleanly");
    }
}

//! The server under abuse: a thousand random edits checked against a model of the text, and
//! a `Content-Length` header that lies.

mod common;

use common::Client;
use serde_json::{json, Value};
use std::io::Write;

const URI: &str = "file:///case/abuse.txt";

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// UTF-16 line/column of a char index in the model.
fn position(model: &[char], at: usize) -> [u32; 2] {
    let (mut line, mut col) = (0u32, 0u32);
    for &c in &model[..at] {
        if c == '\n' {
            line += 1;
            col = 0;
        } else {
            col += c.len_utf16() as u32;
        }
    }
    [line, col]
}

#[test]
fn a_thousand_random_edits_keep_the_server_copy_equal_to_the_client_copy() {
    let (mut c, _) = Client::initialized(json!({}), Value::Null);
    let start = "Ms A\u{2019}s \u{1F600} notes.\nThe officer met her.\n";
    let mut model: Vec<char> = start.chars().collect();
    c.open(URI, "plaintext", 1, start);
    let pieces = ["a", "b c", "\u{e9}", "\u{1F600}", "\n", "\u{a0}", "word ", "\u{2019}"];
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    for version in 2..=1001 {
        let a = rng.below(model.len() + 1);
        let b = (a + rng.below(4)).min(model.len());
        let text = if rng.below(3) == 0 { "" } else { pieces[rng.below(pieces.len())] };
        let (p, q) = (position(&model, a), position(&model, b));
        c.change(URI, version, [p[0], p[1], q[0], q[1]], text);
        model.splice(a..b, text.chars());
    }
    // A finding placed by the model's positions lands exactly where the model says.
    let end = model.len();
    let p = position(&model, end);
    c.change(URI, 1002, [p[0], p[1], p[0], p[1]], "\nThe offender left.");
    model.extend("\nThe offender left.".chars());
    let diags = c.diagnostics(URI, 1002);
    let offender = diags.iter().find(|d| d["code"] == "offender-term").expect("offender-term published");
    let at = model.len() - "offender left.".chars().count();
    let [line, col] = position(&model, at);
    assert_eq!(
        offender["range"]["start"],
        json!({"line": line, "character": col}),
        "server copy drifted from the client's"
    );
    assert!(c.shutdown().success());
}

#[test]
fn a_lying_content_length_does_not_stop_the_server() {
    let mut c = Client::start();
    {
        let stdin = c.stdin.as_mut().expect("stdin");
        // Claims 5 bytes for a longer body, then a header that claims more than is sent.
        stdin.write_all(b"Content-Length: 5\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}").unwrap();
        stdin.flush().unwrap();
    }
    // The server must still answer a well-formed initialize afterwards, or exit cleanly
    // without panicking; it must not hang forever.
    let resp = c.request("initialize", json!({"processId": null, "rootUri": null, "capabilities": {}}));
    assert!(resp.get("result").is_some() || resp.get("error").is_some(), "{resp}");
}

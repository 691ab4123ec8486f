//! Keystroke to diagnostics: the time from writing one `didChange` (a character typed into a
//! 12,000-word review) to reading the `publishDiagnostics` for that version, through the
//! real server binary over stdio, as an editor sees it.
//!
//! `cargo bench -p sfo-lint-lsp` (optionally `-- <samples>`). Prints p50, p90, p99 and max
//! for the frame read from the pipe, for the same with the client's JSON parse added, and for
//! the core's lint of the same text in process; the target is p99 under 10 ms.
//!
//! The client is a plain loop on this thread (no reader thread, no message queue), so the
//! figures are the server's and the pipe's, plus what the client itself must do.

#[path = "../tests/common/mod.rs"]
mod common;

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{ChildStdin, ChildStdout};
use std::time::{Duration, Instant};

const URI: &str = "file:///bench/review.txt";

struct Raw {
    input: ChildStdin,
    output: BufReader<ChildStdout>,
}

impl Raw {
    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.input.flush().unwrap();
    }

    /// The next frame's body, unparsed.
    fn frame(&mut self) -> Vec<u8> {
        let mut length = 0;
        loop {
            let mut line = String::new();
            assert!(self.output.read_line(&mut line).unwrap() > 0, "the server closed its output");
            match line.trim_end() {
                "" => break,
                l => length = l.strip_prefix("Content-Length: ").map_or(length, |n| n.parse().unwrap()),
            }
        }
        let mut body = vec![0; length];
        self.output.read_exact(&mut body).unwrap();
        body
    }

    /// Frames up to the publishDiagnostics for `version`, told apart without parsing them.
    fn diagnostics_frame(&mut self, version: i64) -> Vec<u8> {
        let tag = format!("\"version\":{version}");
        loop {
            let body = self.frame();
            let text = String::from_utf8_lossy(&body);
            if text.contains("textDocument/publishDiagnostics") && text.contains(&tag) {
                return body;
            }
        }
    }
}

fn main() {
    let samples: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(500);
    let one = include_str!("../../examples/review.txt");
    let per_copy = one.split_whitespace().count();
    let text = one.repeat(12_000usize.div_ceil(per_copy));
    let words = text.split_whitespace().count();

    let mut child = common::spawn_server();
    let mut c = Raw { input: child.stdin.take().unwrap(), output: BufReader::new(child.stdout.take().unwrap()) };
    c.send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}));
    while !String::from_utf8_lossy(&c.frame()).contains("\"id\":1") {}
    c.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    let doc = json!({"uri": URI, "languageId": "plaintext", "version": 1, "text": text});
    c.send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": doc}}));
    let first: Value = serde_json::from_slice(&c.diagnostics_frame(1)).unwrap();
    let found = first["params"]["diagnostics"].as_array().map_or(0, Vec::len);
    assert!(found > 100, "the server found only {found} problems");
    println!("document: {words} words, {} bytes, {} lines, {found} diagnostics", text.len(), text.lines().count());

    // Type a character into the middle of the text and delete it again, alternately, so the
    // document (and its diagnostics) stays the same size throughout.
    let line = text.lines().count() / 2;
    let (mut framed, mut parsed) = (Vec::with_capacity(samples), Vec::with_capacity(samples));
    for i in 0..samples + 20 {
        let version = i as i64 + 2;
        let (end, insert) = if i % 2 == 0 { (0, "x") } else { (1, "") };
        let range = json!({"start": {"line": line, "character": 0}, "end": {"line": line, "character": end}});
        let change = json!({"textDocument": {"uri": URI, "version": version},
                            "contentChanges": [{"range": range, "text": insert}]});
        let msg = json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": change});
        let start = Instant::now();
        c.send(msg);
        let body = c.diagnostics_frame(version);
        let read = start.elapsed();
        let v: Value = serde_json::from_slice(&body).unwrap();
        let done = start.elapsed();
        assert_eq!(v["params"]["diagnostics"].as_array().map_or(0, Vec::len), found);
        if i >= 20 {
            // after 20 rounds of warm-up
            framed.push(read);
            parsed.push(done);
        }
    }
    c.send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
    while !String::from_utf8_lossy(&c.frame()).contains("\"id\":2") {}
    c.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert!(child.wait().unwrap().success());
    report(&format!("didChange -> publishDiagnostics frame read, over {samples} keystrokes"), framed);
    report("  and parsed into JSON values by the client", parsed);

    // The same text linted in process, for how much of the above is the rules' own work.
    let linter = sfo_lint::Linter::default();
    let times = (0..samples / 5 + 5).map(|_| {
        let start = Instant::now();
        std::hint::black_box(linter.lint(&text, sfo_lint::Format::Plain));
        start.elapsed()
    });
    report("of which the core's lint (parse + rules, in process)", times.skip(5).collect());
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let pct = |p: f64| times[((times.len() as f64 * p).ceil() as usize).clamp(1, times.len()) - 1];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{what}: p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(pct(0.50)),
        ms(pct(0.90)),
        ms(pct(0.99)),
        ms(*times.last().unwrap())
    );
}

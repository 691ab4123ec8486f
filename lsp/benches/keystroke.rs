//! Keystroke to diagnostics: the time from writing one `didChange` (a character typed into a
//! 12,000-word review) to reading the `publishDiagnostics` for that version, through the
//! real server binary over stdio, as an editor sees it.
//!
//! `cargo bench -p sfo-lint-lsp` (optionally `-- <samples>`). Prints p50, p90, p99 and max;
//! the target is p99 under 10 ms.

#[path = "../tests/common/mod.rs"]
mod common;

use common::Client;
use serde_json::json;
use std::time::{Duration, Instant};

const URI: &str = "file:///bench/review.txt";

fn main() {
    let samples: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(500);
    let one = include_str!("../../examples/review.txt");
    let per_copy = one.split_whitespace().count();
    let text = one.repeat(12_000usize.div_ceil(per_copy));
    let words = text.split_whitespace().count();

    let (mut c, _) = Client::initialized(json!({}), json!(null));
    c.open(URI, "plaintext", 1, &text);
    let found = c.diagnostics(URI, 1).len();
    println!("document: {words} words, {} bytes, {} lines, {found} diagnostics", text.len(), text.lines().count());

    // Type a character into the middle of the text and delete it again, alternately, so the
    // document (and its diagnostics) stays the same size throughout.
    let line = (text.lines().count() / 2) as u32;
    let mut times = Vec::with_capacity(samples);
    for i in 0..samples + 20 {
        let version = i as i64 + 2;
        let start = Instant::now();
        if i % 2 == 0 {
            c.change(URI, version, [line, 0, line, 0], "x");
        } else {
            c.change(URI, version, [line, 0, line, 1], "");
        }
        c.diagnostics(URI, version);
        if i >= 20 {
            times.push(start.elapsed()); // after 20 rounds of warm-up
        }
    }
    assert!(c.shutdown().success());
    report(&format!("didChange -> publishDiagnostics over {samples} keystrokes"), times);

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

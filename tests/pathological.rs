//! Pathological input: huge files, endless sentences, floods of quotes and acronyms, deep
//! Markdown, megabyte lines, NUL bytes, a byte order mark and CRLF line endings.
//!
//! Each test bounds the *work*, not the wall time: it measures the CPU time of this thread
//! (not disturbed by other tests or processes) on an input and on one eight times larger, and
//! fails when the larger took more than 24 times as long. Linear work gives about 8;
//! quadratic work gives 64.

mod common;

use sfo_lint::document::{Encoding, LineIndex};
use sfo_lint::{Document, Format};

fn thread_cpu() -> std::time::Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime only writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    std::time::Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// The least CPU time of three runs of linting `text`.
fn cost(text: &str, format: Format) -> std::time::Duration {
    (0..3)
        .map(|_| {
            let t = thread_cpu();
            let d = common::linter().lint(text, format);
            std::hint::black_box(d);
            thread_cpu() - t
        })
        .min()
        .unwrap_or_default()
}

/// Asserts that linting `make(8n)` costs less than 24 times `make(n)`.
fn assert_linear(name: &str, n: usize, format: Format, make: impl Fn(usize) -> String) {
    let small = make(n);
    let large = make(8 * n);
    let (a, b) = (cost(&small, format), cost(&large, format));
    let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-6);
    assert!(
        ratio < 24.0,
        "{name}: {} bytes took {a:?}, {} bytes took {b:?} ({ratio:.1}x): not linear",
        small.len(),
        large.len()
    );
}

fn sound(text: &str, format: Format) -> Vec<sfo_lint::Diagnostic> {
    let d = common::linter().lint(text, format);
    for x in &d {
        assert!(x.span.end <= text.len() && text.is_char_boundary(x.span.start) && text.is_char_boundary(x.span.end));
    }
    d
}

#[test]
fn ten_megabytes_of_review() {
    let review = include_str!("../examples/review.txt");
    let mut text = String::new();
    while text.len() < 10_000_000 {
        text.push_str(review);
        text.push_str("\n\n");
    }
    let one = sound(review, Format::Plain).len();
    let all = sound(&text, Format::Plain).len();
    let copies = text.len() / (review.len() + 2);
    // First-use rules (acronyms, glossary) fire once per document, everything else per copy.
    assert!(all >= (one - 10) * copies && all <= one * copies + 10, "{all} findings for {copies} copies of {one}");
}

#[test]
fn one_endless_sentence_is_linear() {
    assert_linear("no punctuation", 25_000, Format::Plain, |n| {
        "the officer was seen by the manager and ".repeat(n / 8)
    });
    let d = sound(&"word ".repeat(200_000), Format::Plain);
    assert_eq!(d.iter().filter(|d| d.rule == "sentence-length").count(), 1);
}

#[test]
fn floods_of_apostrophes_and_unbalanced_quotes_are_linear() {
    assert_linear("apostrophes", 12_500, Format::Plain, |n| "users' O'Brien don't '90s \u{2018}a ".repeat(n / 5));
    assert_linear("quotes", 12_500, Format::Plain, |n| "' \" \u{201c} \u{2018}x ".repeat(n / 4));
    sound(&"'".repeat(100_000), Format::Plain);
}

#[test]
fn undefined_acronyms_are_linear() {
    let acronyms = |n: usize| -> String {
        (0..n)
            .map(|i| {
                format!(
                    "X{}{}{} ",
                    (b'A' + (i % 26) as u8) as char,
                    (b'A' + (i / 26 % 26) as u8) as char,
                    (b'A' + (i / 676 % 26) as u8) as char
                )
            })
            .collect()
    };
    assert_linear("acronyms", 6_250, Format::Plain, acronyms);
    sound(&acronyms(50_000), Format::Plain);
}

#[test]
fn deeply_nested_markdown_is_linear() {
    assert_linear("blockquotes", 2_500, Format::Markdown, |n| format!("{} text\n", ">".repeat(n)).repeat(4));
    assert_linear("brackets", 25_000, Format::Markdown, |n| "[".repeat(n) + &"]".repeat(n / 2));
    assert_linear("lists", 2_500, Format::Markdown, |n| {
        (0..n).map(|i| format!("{}- item {i}\n", "  ".repeat(i % 50))).collect()
    });
    assert_linear("links", 12_500, Format::Markdown, |n| "](](<a `` ` ".repeat(n / 4));
}

#[test]
fn megabyte_lines_are_linear() {
    assert_linear("long line", 125_000, Format::Plain, |n| "The RO used MAPPA and the risk rose. ".repeat(n / 36));
    let line = "The offender\u{2019}s risk rose \u{1F600}. ".repeat(1_000_000 / 30);
    let d = sound(&line, Format::Plain);
    assert!(!d.is_empty());
    // Positions on one long line, converted together, are linear too.
    let index = LineIndex::new(&line);
    let offsets: Vec<usize> = d.iter().map(|d| d.span.start).collect();
    let cols = index.line_cols(&line, &offsets, Encoding::Utf16);
    assert_eq!(cols.len(), d.len());
}

#[test]
fn nul_bytes_bom_and_crlf() {
    sound("The offender\0 was seen.\0\0", Format::Plain);
    let text = "The RO met him.\r\nThe offender was seen.\r\n";
    let d: Vec<_> = sound(text, Format::Plain).into_iter().filter(|d| d.rule == "offender-term").collect();
    assert_eq!(d.len(), 1);
    let doc = Document::parse(text, Format::Plain);
    let lc = doc.line_col(d[0].span.start, Encoding::Chars);
    assert_eq!((lc.line, lc.col), (1, 4), "CRLF must not shift columns");
}

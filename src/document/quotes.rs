//! Finds quoted spans and tells quotation marks from apostrophes.
//!
//! A mark between two letters or digits is an apostrophe (don’t, O'Brien, user’s). A single
//! mark opens a quotation when nothing word-like stands before it, and closes one when
//! nothing word-like follows; a closing candidate with no opening one before it in the block
//! is an apostrophe (users', Jones' car), and an opening one never closed is too. Some
//! elisions look like quotations and are not: a decade ('90s, ’80s) never opens one, and
//! the "n" of rock 'n' roll is not quoted. Straight double quotes alternate within a block.

use super::{Block, QuoteKind, QuotedSpan};
use crate::span::Span;

fn is_wordy(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

pub(super) fn find(prose: &str, blocks: &[Block]) -> Vec<QuotedSpan> {
    let mut out = Vec::new();
    for b in blocks {
        scan(prose, b.span, &mut out);
    }
    out.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    out
}

fn scan(prose: &str, block: Span, out: &mut Vec<QuotedSpan>) {
    let text = &prose[block.start..block.end];
    // Where an open quotation starts, and its mark's width in bytes.
    let mut single_open: Option<(usize, usize)> = None;
    let mut double_open: Option<(usize, usize)> = None;
    let bytes = text.as_bytes();
    // Every mark is `'`, `"` or starts with 0xE2: jump from one candidate to the next.
    for i in memchr::memchr3_iter(b'\'', b'"', 0xE2, bytes) {
        let Some(c) = text[i..].chars().next().filter(|c| is_mark(*c)) else { continue };
        let prev = text[..i].chars().next_back();
        let next = text[i + c.len_utf8()..].chars().next();
        let at = (block.start + i, c.len_utf8());
        match c {
            '\'' | '\u{2018}' | '\u{2019}' => {
                let after_space =
                    prev.is_none_or(|p| p.is_whitespace() || "([{\u{2014}\u{2013}\u{201c}\"/".contains(p));
                let opens = match c {
                    '\u{2019}' => after_space && is_wordy(next),
                    _ => !is_wordy(prev) && next.is_some_and(|n| !n.is_whitespace()),
                } && !is_decade(&text[i + c.len_utf8()..]);
                let closes = c != '\u{2018}' && !is_wordy(next) && prev.is_some_and(|p| !p.is_whitespace());
                if closes && single_open.is_some() {
                    let o = single_open.take().unwrap_or(at);
                    let inner = &prose[o.0 + o.1..at.0];
                    if !inner.eq_ignore_ascii_case("n") {
                        push(out, QuoteKind::Single, o, at);
                    }
                } else if opens {
                    single_open = Some(at);
                }
            }
            '"' => match double_open.take() {
                Some(o) => push(out, QuoteKind::Double, o, at),
                None => double_open = Some(at),
            },
            '\u{201c}' => double_open = Some(at),
            _ => {
                if let Some(o) = double_open.take() {
                    push(out, QuoteKind::Double, o, at);
                }
            }
        }
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\'' | '"' | '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}')
}

/// "90s", "80s": the decade after an elided century.
fn is_decade(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() >= 3
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && b[2] == b's'
        && !rest[3..].starts_with(|c: char| c.is_alphanumeric())
}

fn push(
    out: &mut Vec<QuotedSpan>,
    kind: QuoteKind,
    (open, open_len): (usize, usize),
    (close, close_len): (usize, usize),
) {
    out.push(QuotedSpan { kind, span: Span::new(open, close + close_len), inner: Span::new(open + open_len, close) });
}

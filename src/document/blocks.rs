//! Groups lines into paragraphs, headings and list items.
//!
//! A paragraph runs over consecutive lines unless a line ends a sentence (text pasted from
//! Word puts one paragraph on each line) ; a line break inside a paragraph is blanked to a
//! space so that sentence and word boundaries see one run of prose.

use super::{BlockKind, LineKind};
use crate::span::Span;

/// Classifies plain-text lines, blanking list markers ("- ", "• ", "1. ", "(a) ").
pub(super) fn plain_line_kinds(prose: &mut [u8]) -> Vec<LineKind> {
    let lines = line_ranges(prose);
    let mut kinds: Vec<LineKind> = Vec::with_capacity(lines.len());
    for (n, r) in lines.iter().enumerate() {
        let line = &prose[r.clone()];
        let t = line.trim_ascii();
        let kind = if t.is_empty() {
            LineKind::Blank
        } else if let Some(m) = list_marker(t) {
            let off = r.start + (line.len() - line.trim_ascii_start().len());
            prose[off..off + m].iter_mut().for_each(|b| *b = b' ');
            LineKind::ListItem
        } else {
            let prev_blank = n == 0 || kinds[n - 1] == LineKind::Blank;
            let next = lines.get(n + 1).map(|r| prose[r.clone()].trim_ascii());
            if looks_like_heading(t, prev_blank, next) {
                LineKind::Heading
            } else {
                LineKind::Text
            }
        };
        kinds.push(kind);
    }
    kinds
}

/// Makes exactly the lines that overlap one of `headings` (sorted spans) headings.
pub(super) fn set_headings(prose: &[u8], kinds: &mut [LineKind], headings: &[Span]) {
    let mut h = headings.iter().peekable();
    for (r, kind) in line_ranges(prose).into_iter().zip(kinds) {
        while h.next_if(|s| s.end < r.start).is_some() {}
        let in_heading = h.peek().is_some_and(|s| s.start <= r.end && r.start <= s.end);
        *kind = match *kind {
            LineKind::Blank => LineKind::Blank,
            _ if in_heading => LineKind::Heading,
            LineKind::Heading => LineKind::Text,
            other => other,
        };
    }
}

fn line_ranges(prose: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', prose) {
        out.push(start..i);
        start = i + 1;
    }
    out.push(start..prose.len());
    out
}

/// Length of a list marker at the start of a trimmed line.
fn list_marker(t: &[u8]) -> Option<usize> {
    for m in ["- ", "* ", "+ ", "\u{2022} ", "\u{2013} ", "\u{25aa} ", "\u{25cf} "] {
        if t.starts_with(m.as_bytes()) {
            return Some(m.len());
        }
    }
    let digits = t.iter().take_while(|b| b.is_ascii_digit()).count();
    if (1..=3).contains(&digits) && matches!(t.get(digits), Some(b'.' | b')')) && t.get(digits + 1) == Some(&b' ') {
        return Some(digits + 2);
    }
    // (a) (iv) (12)
    if t.first() == Some(&b'(') {
        let inner = t[1..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if (1..=4).contains(&inner) && t.get(inner + 1) == Some(&b')') && t.get(inner + 2) == Some(&b' ') {
            return Some(inner + 3);
        }
    }
    None
}

/// A short line without closing punctuation that stands apart from the text around it.
fn looks_like_heading(t: &[u8], prev_blank: bool, next: Option<&[u8]>) -> bool {
    let words = t.split(|b| b.is_ascii_whitespace()).filter(|w| !w.is_empty()).count();
    let last = *t.last().unwrap_or(&b'.');
    if words > 10 || matches!(last, b'.' | b',' | b';' | b':' | b'!' | b'?') {
        return false;
    }
    if !t[0].is_ascii_uppercase() && !t[0].is_ascii_digit() {
        return false;
    }
    let next_blank = next.is_none_or(|n| n.is_empty());
    let all_caps = t.iter().any(|b| b.is_ascii_alphabetic()) && !t.iter().any(|b| b.is_ascii_lowercase());
    // A long line running into the next is a hard-wrapped paragraph, not a heading.
    (prev_blank && (next_blank || t.len() < 50)) || all_caps
}

/// Closes a sentence at the end of a line: `.`, `!`, `?` or `:` before closing quotes.
fn ends_sentence(line: &[u8]) -> bool {
    let s = std::str::from_utf8(line).unwrap_or("");
    let s = s.trim_end().trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{2019}', ']']);
    s.ends_with(['.', '!', '?', ':'])
}

/// Groups lines into blocks, blanking the line breaks inside each.
pub(super) fn group(prose: &mut [u8], kinds: &[LineKind]) -> Vec<(BlockKind, Span)> {
    let lines = line_ranges(prose);
    let mut out: Vec<(BlockKind, Span)> = Vec::new();
    let mut open: Option<(BlockKind, Span)> = None;
    for (r, &kind) in lines.iter().zip(kinds) {
        let line = &prose[r.clone()];
        let lead = line.len() - line.trim_ascii_start().len();
        let trail = line.len() - line.trim_ascii_end().len();
        // A line blanked after it was classified (a suppression marker) is blank now.
        let kind = if lead == line.len() { LineKind::Blank } else { kind };
        let span = Span::new(r.start + lead, r.end - trail);
        let joins = |open: &Option<(BlockKind, Span)>, prose: &[u8]| match open {
            Some((BlockKind::Paragraph | BlockKind::ListItem, s)) => !ends_sentence(&prose[s.start..s.end]),
            _ => false,
        };
        match kind {
            LineKind::Blank => out.extend(open.take()),
            LineKind::Text if joins(&open, prose) => {
                let (k, s) = open.take().expect("joins implies an open block");
                // Blank the line break (and any `\r`) between the two lines.
                prose[s.end..span.start].iter_mut().for_each(|b| *b = b' ');
                open = Some((k, Span::new(s.start, span.end)));
            }
            LineKind::Text | LineKind::ListItem | LineKind::Heading => {
                out.extend(open.take());
                let k = match kind {
                    LineKind::Heading => BlockKind::Heading,
                    LineKind::ListItem => BlockKind::ListItem,
                    _ => BlockKind::Paragraph,
                };
                if span.is_empty() {
                    continue;
                }
                if k == BlockKind::Heading {
                    out.push((k, span));
                } else {
                    open = Some((k, span));
                }
            }
        }
    }
    out.extend(open);
    out
}

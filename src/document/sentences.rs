//! Sentence and word boundaries within a block.
//!
//! Both follow the main rules of Unicode text segmentation (UAX #29), written out here for
//! speed: the general state machines of `unicode-segmentation` cost more than everything
//! else in a lint put together, and reviews need only these rules.
//!
//! Sentences end at `.`, `!` or `?` (with any closing quotes and brackets after them) followed
//! by white space, except that a full stop followed by a lower-case word does not end one
//! ("e.g. the", UAX #29 rule SB8). Then a boundary after an abbreviation ("Mr.", "para.") or
//! an initial ("J. Smith") is removed. Decimals and dates (1.5, 03.05.2021) have no space
//! after the stop, so never break.
//!
//! Words are runs of letters, digits and `_`, joined across an apostrophe or full stop with a
//! letter or digit on both sides ("user’s", "e.g", "6.4", "R6.2") and across a comma between
//! digits ("1,000"), as UAX #29 joins them; hyphens and dashes split words.

use super::{Block, BlockKind, Document, Sentence, Word};
use crate::span::Span;
use std::collections::HashSet;
use std::sync::OnceLock;

fn abbreviations() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        crate::dictionaries::lines(crate::dictionaries::ABBREVIATIONS).map(|l| l.to_ascii_lowercase()).collect()
    })
}

pub(super) fn split_block(doc: &mut Document, kind: BlockKind, span: Span) {
    let block = doc.blocks.len();
    let first = doc.sentences.len();
    if kind == BlockKind::Heading {
        push_sentence(doc, block, span);
    } else {
        let mut pending: Option<Span> = None;
        let text = &doc.prose[span.start..span.end];
        let mut starts = sentence_starts(text);
        starts.push(text.len());
        let bounds: Vec<Span> = starts.windows(2).map(|w| Span::new(span.start + w[0], span.start + w[1])).collect();
        for (k, s) in bounds.iter().enumerate() {
            let s = match pending.take() {
                Some(p) => p.cover(*s),
                None => *s,
            };
            let next = bounds.get(k + 1).map_or("", |n| &doc.prose[n.start..n.end]);
            if ends_with_abbreviation(&doc.prose[s.start..s.end])
                || ends_with_number_sign(&doc.prose[s.start..s.end], next)
            {
                pending = Some(s);
            } else {
                push_trimmed(doc, block, s);
            }
        }
        if let Some(p) = pending {
            push_trimmed(doc, block, p);
        }
    }
    doc.blocks.push(Block { kind, span, sentences: first..doc.sentences.len() });
}

fn push_trimmed(doc: &mut Document, block: usize, s: Span) {
    let piece = &doc.prose[s.start..s.end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        push_sentence(doc, block, Span::new(s.start + lead, s.end - trail));
    }
}

fn push_sentence(doc: &mut Document, block: usize, span: Span) {
    let index = doc.sentences.len();
    let text = &doc.prose[span.start..span.end];
    let first = doc.words.len();
    let (lower, words) = (&doc.lower, &mut doc.words);
    each_word(text, |a, b| {
        let span = Span::new(span.start + a, span.start + b);
        let key = crate::key::key(&lower[span.start..span.end]);
        words.push(Word { span, sentence: index, key });
    });
    let token_count = token_count(text);
    doc.sentences.push(Sentence { span, words: first..doc.words.len(), block, token_count });
}

/// "No. 5", "Nos. 3 and 4": "No." abbreviates number only before a digit ("she said no." ends).
fn ends_with_number_sign(piece: &str, next: &str) -> bool {
    let t = piece.trim_end();
    (t.ends_with(" No.") || t.ends_with(" Nos.") || t == "No." || t == "Nos.")
        && next.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether a UAX #29 sentence ends in an abbreviation or an initial rather than a full stop.
fn ends_with_abbreviation(piece: &str) -> bool {
    let t = piece.trim_end();
    if !t.ends_with('.') {
        return false;
    }
    let last = t.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let lower = last.to_ascii_lowercase();
    if abbreviations().contains(&lower) {
        return true;
    }
    // A single capital initial: "J. Smith".
    let body = &last[..last.len() - 1];
    let mut chars = body.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whitespace-separated tokens that hold a letter or digit.
fn token_count(text: &str) -> usize {
    let (mut count, mut in_token, mut wordy) = (0, false, false);
    for c in text.chars() {
        if c.is_whitespace() {
            count += usize::from(in_token && wordy);
            (in_token, wordy) = (false, false);
        } else {
            in_token = true;
            wordy |= c.is_alphanumeric();
        }
    }
    count + usize::from(in_token && wordy)
}

/// Byte ranges of the words of `text`.
pub(crate) fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    each_word(text, |a, b| out.push((a, b)));
    out
}

/// Calls `f` with the byte range of each word of `text`, in order.
fn each_word(text: &str, mut f: impl FnMut(usize, usize)) {
    let mut chars = text.char_indices().peekable();
    let mut start: Option<usize> = None;
    // The previous char, when it was a word char.
    let mut prev_word: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            start.get_or_insert(i);
            prev_word = Some(c);
            continue;
        }
        if let (Some(_), Some(p)) = (start, prev_word) {
            let next = chars.peek().map(|&(_, n)| n);
            let joins = match c {
                '\'' | '\u{2019}' | '.' => next.is_some_and(is_word_char),
                ',' => p.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                _ => false,
            };
            if joins {
                prev_word = None;
                continue;
            }
        }
        if let Some(s) = start.take() {
            f(s, i);
        }
        prev_word = None;
    }
    if let Some(s) = start {
        f(s, text.len());
    }
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}' | '\u{203d}')
}

fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '"' | '\'' | '\u{2019}' | '\u{201d}' | '\u{bb}')
}

/// Offsets where sentences start in `text` (the first is always 0).
fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Terminators are ASCII or start with 0xE2 (… and ‽): skip other bytes quickly.
        let b = bytes[i];
        if !matches!(b, b'.' | b'!' | b'?' | 0xE2) {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next().filter(|&c| is_terminator(c)) else {
            i += 1;
            continue;
        };
        let full_stop = c == '.';
        let mut j = i + c.len_utf8();
        let mut rest = text[j..].chars().peekable();
        while let Some(&n) = rest.peek() {
            if is_terminator(n) || is_closer(n) {
                j += n.len_utf8();
                rest.next();
            } else {
                break;
            }
        }
        let mut k = j;
        while let Some(&n) = rest.peek() {
            if n.is_whitespace() {
                k += n.len_utf8();
                rest.next();
            } else {
                break;
            }
        }
        if k == j || k >= text.len() {
            // No space after it (1.5, e.g, U.K), or the end of the block.
            i = j.max(i + 1);
            continue;
        }
        // SB8: a full stop before a lower-case word is not the end ("e.g. the").
        let lower_next = rest.find(|n| n.is_alphanumeric()).is_some_and(char::is_lowercase);
        if !(full_stop && lower_next) {
            starts.push(k);
        }
        i = k;
    }
    starts
}

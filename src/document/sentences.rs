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

use super::{Block, BlockKind, Document, Gap, Sentence, Word};
use crate::key::{Key, KeyBuilder, KeySet};
use crate::span::Span;
use std::sync::OnceLock;

fn abbreviations() -> &'static KeySet {
    static SET: OnceLock<KeySet> = OnceLock::new();
    SET.get_or_init(|| crate::dictionaries::lines(crate::dictionaries::ABBREVIATIONS).map(crate::key::key).collect())
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
    let first = doc.words.len();
    let (prose, words) = (&doc.prose, &mut doc.words);
    let mut prev_end = None;
    let token_count = scan(&prose[span.start..span.end], |a, b, key| {
        let span = Span::new(span.start + a, span.start + b);
        let before = prev_end.map_or(Gap::Start, |p| Gap::of(&prose[p..span.start]));
        prev_end = Some(span.end);
        words.push(Word { span, sentence: index, key, before });
    });
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
    if abbreviations().contains(&crate::key::key(last)) {
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

/// The char at byte `i` of `text` and its length (a fast path for ASCII).
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    text[i..].chars().next().map(|c| (c, c.len_utf8()))
}

/// Byte ranges of the words of `text`.
pub(crate) fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    scan(text, |a, b, _| out.push((a, b)));
    out
}

/// ASCII bytes that are word characters: letters, digits and `_`.
fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// One pass over a sentence: calls `f` with the byte range and dictionary key of each word,
/// in order, and returns the number of whitespace-separated tokens holding a letter or digit
/// (the length a reader feels).
fn scan(text: &str, mut f: impl FnMut(usize, usize, Key)) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    // The current word's start and key so far.
    let mut word: Option<(usize, KeyBuilder)> = None;
    // The previous char, when it was a word char.
    let mut prev_word: Option<char> = None;
    let (mut tokens, mut in_token, mut wordy) = (0, false, false);
    while i < bytes.len() {
        // Most of a review is runs of ASCII letters: take a run in one go.
        if is_ascii_word(bytes[i]) {
            let (_, key) = word.get_or_insert((i, KeyBuilder::default()));
            while i < bytes.len() && is_ascii_word(bytes[i]) {
                key.push_ascii(bytes[i]);
                wordy |= bytes[i] != b'_';
                i += 1;
            }
            prev_word = Some(bytes[i - 1] as char);
            in_token = true;
            continue;
        }
        let Some((c, len)) = char_at(text, i) else { break };
        let at = i;
        i += len;
        if is_word_char(c) {
            let (_, key) = word.get_or_insert((at, KeyBuilder::default()));
            key.push_all(&bytes[at..i]);
            prev_word = Some(c);
            in_token = true;
            wordy = true;
            continue;
        }
        if c.is_whitespace() {
            tokens += usize::from(in_token && wordy);
            (in_token, wordy) = (false, false);
        } else {
            in_token = true;
        }
        if let (Some((_, key)), Some(p)) = (&mut word, prev_word) {
            let next = char_at(text, i).map(|(n, _)| n);
            let joins = match c {
                '\'' | '\u{2019}' | '.' => next.is_some_and(is_word_char),
                ',' => p.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                _ => false,
            };
            if joins {
                key.push_all(&bytes[at..i]);
                prev_word = None;
                continue;
            }
        }
        if let Some((s, key)) = word.take() {
            f(s, at, key.finish());
        }
        prev_word = None;
    }
    if let Some((s, key)) = word {
        f(s, text.len(), key.finish());
    }
    tokens + usize::from(in_token && wordy)
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

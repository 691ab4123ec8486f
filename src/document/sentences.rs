//! Sentence and word boundaries within a block.
//!
//! Unicode (UAX #29) sentence boundaries, then corrected: a boundary after an abbreviation
//! ("e.g.", "Mr.", "No.", "para.") or an initial ("J. Smith") is removed. Decimals and dates
//! such as 03.05.2021 never break under UAX #29 in the first place.

use super::{Block, BlockKind, Document, Sentence, Word};
use crate::span::Span;
use std::collections::HashSet;
use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

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
        let bounds: Vec<Span> = text
            .split_sentence_bound_indices()
            .map(|(off, piece)| Span::new(span.start + off, span.start + off + piece.len()))
            .collect();
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
    for (off, w) in text.split_word_bound_indices() {
        if w.chars().any(char::is_alphanumeric) {
            doc.words.push(Word { span: Span::new(span.start + off, span.start + off + w.len()), sentence: index });
        }
    }
    let token_count = text.split_whitespace().filter(|t| t.chars().any(char::is_alphanumeric)).count();
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

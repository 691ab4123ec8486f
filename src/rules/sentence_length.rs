//! `sentence-length`: a sentence of more than `max` words (25 unless configured).
//!
//! Words are the document's whitespace-separated tokens holding a letter or digit
//! ([`crate::document::Sentence::token_count`]); headings and list items are sentences of
//! their own, and abbreviations and decimals do not end sentences, because the document
//! model already splits that way. The message says where the sentence could be split: at a
//! semicolon, else at the conjunction nearest the middle ("but", "because", "which",
//! "although" anywhere; "and" or "so" only after a comma, since "coat and shoes" is a list).

use super::Rule;
use crate::diagnostic::Emitter;
use crate::document::Document;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    #[serde(default = "default_max")]
    max: usize,
}

fn default_max() -> usize {
    25
}

struct SentenceLength {
    max: usize,
}

pub fn build(table: &toml::Table) -> Result<Box<dyn Rule>, String> {
    let o: Options = super::options(table)?;
    if o.max == 0 {
        return Err("`max` must be at least 1".into());
    }
    Ok(Box::new(SentenceLength { max: o.max }))
}

/// Conjunctions that start a clause wherever they stand.
const CLAUSE_CONJUNCTIONS: &[&str] =
    &["but", "because", "which", "although", "though", "whereas", "while", "whilst", "however"];
/// Conjunctions that start a clause only after a comma.
const AFTER_COMMA: &[&str] = &["and", "or", "so", "yet", "when", "until", "after", "before", "as"];

impl Rule for SentenceLength {
    fn check(&self, doc: &Document, out: &mut Emitter) {
        for (s, sentence) in doc.sentences.iter().enumerate() {
            if sentence.token_count <= self.max {
                continue;
            }
            let mut message = format!(
                "This sentence has {} words (more than {}): short sentences are easier to follow",
                sentence.token_count, self.max
            );
            if let Some(hint) = split_hint(doc, s) {
                message.push_str("; ");
                message.push_str(&hint);
            }
            out.emit(sentence.span, message);
        }
    }
}

/// Where the sentence could be split, in words.
fn split_hint(doc: &Document, s: usize) -> Option<String> {
    let words = doc.sentences[s].words.clone();
    if words.len() < 4 {
        return None;
    }
    let gap_before = |i: usize| doc.gap(doc.words[i - 1].span.end, doc.words[i].span.start);
    // A semicolon: the nearest to the middle.
    let middle = (words.start + words.end) / 2;
    let by_middle = |i: &usize| i.abs_diff(middle);
    if let Some(i) = (words.start + 1..words.end).filter(|&i| gap_before(i).contains(';')).min_by_key(by_middle) {
        return Some(format!("it could end at the semicolon before \u{201c}{}\u{201d}", excerpt(doc, i, words.end)));
    }
    // Not at the very start or end: a split must leave two sentences.
    let candidates = (words.start + 3..words.end.saturating_sub(3)).filter(|&i| {
        let w = doc.word_lower(i);
        CLAUSE_CONJUNCTIONS.contains(&w) || (AFTER_COMMA.contains(&w) && gap_before(i).contains(','))
    });
    let i = candidates.min_by_key(by_middle)?;
    Some(format!("it could be split at \u{201c}{}\u{201d}", excerpt(doc, i, words.end)))
}

/// Up to four words from word `i`, as written.
fn excerpt(doc: &Document, i: usize, end: usize) -> String {
    let last = (i + 4).min(end) - 1;
    let text = doc.slice(crate::span::Span::new(doc.words[i].span.start, doc.words[last].span.end));
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if last + 1 < end {
        format!("{text} \u{2026}")
    } else {
        text
    }
}

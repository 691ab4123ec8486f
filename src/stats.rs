//! The readability report: the figures a manager signing off a review wants at a glance.
//!
//! Figures come from the [`Document`] and the diagnostics already found: nothing here
//! re-tokenises the text or re-runs a rule. Headings are not sentences: they count towards
//! `words` but not towards sentences, sentence lengths, the passive-voice share or the
//! Flesch score. Sentence length is counted as `sentence-length` counts it (tokens with a
//! letter or digit); the Flesch score counts the words with a letter, with syllables guessed
//! by spelling (vowel groups, a silent final "e", "-ed" and "-es" endings).

use crate::diagnostic::Diagnostic;
use crate::document::{BlockKind, Document};
use crate::span::Span;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    /// Tokens with a letter or digit, headings included.
    pub words: usize,
    /// Sentences outside headings.
    pub sentences: usize,
    /// Words per sentence, to one decimal place.
    pub average_sentence_length: f64,
    pub longest_sentence_length: usize,
    /// Where the longest sentence is (the first, if several tie).
    pub longest_sentence: Option<Span>,
    /// Sentences holding a `passive-voice` finding.
    pub passive_sentences: usize,
    /// `passive_sentences / sentences`, 0 to 1, to three decimal places.
    pub passive_share: f64,
    /// Distinct acronyms used (outside the glossary section).
    pub acronyms: usize,
    /// Flesch reading ease, to one decimal place: 60–70 is plain English; below 30 is hard
    /// going for a graduate. `None` for a text without sentences.
    pub flesch_reading_ease: Option<f64>,
    /// Findings per rule id.
    pub rules: BTreeMap<&'static str, usize>,
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

impl Stats {
    pub fn compute(doc: &Document, diagnostics: &[Diagnostic]) -> Stats {
        let is_heading = |s: usize| doc.block_of(s).kind == BlockKind::Heading;
        let prose: Vec<usize> = (0..doc.sentences.len()).filter(|&s| !is_heading(s)).collect();
        let words: usize = doc.sentences.iter().map(|s| s.token_count).sum();
        let prose_words: usize = prose.iter().map(|&s| doc.sentences[s].token_count).sum();
        let longest = prose.iter().copied().max_by(|&a, &b| {
            // The first of equals: compare lengths, then prefer the earlier index.
            doc.sentences[a].token_count.cmp(&doc.sentences[b].token_count).then(b.cmp(&a))
        });
        let passive: BTreeSet<usize> = diagnostics
            .iter()
            .filter(|d| d.rule == "passive-voice")
            .filter_map(|d| sentence_at(doc, d.span.start))
            .filter(|&s| !is_heading(s))
            .collect();
        let acronyms: BTreeSet<String> =
            crate::acronyms::uses(doc).iter().filter(|u| !u.in_glossary).map(|u| u.key.clone()).collect();
        let mut rules = BTreeMap::new();
        for d in diagnostics {
            *rules.entry(d.rule).or_insert(0) += 1;
        }
        let n = prose.len();
        Stats {
            words,
            sentences: n,
            average_sentence_length: if n == 0 { 0.0 } else { round(prose_words as f64 / n as f64, 1) },
            longest_sentence_length: longest.map_or(0, |s| doc.sentences[s].token_count),
            longest_sentence: longest.map(|s| doc.sentences[s].span),
            passive_sentences: passive.len(),
            passive_share: if n == 0 { 0.0 } else { round(passive.len() as f64 / n as f64, 3) },
            acronyms: acronyms.len(),
            flesch_reading_ease: flesch(doc, &prose),
            rules,
        }
    }
}

/// The sentence holding byte `offset`.
fn sentence_at(doc: &Document, offset: usize) -> Option<usize> {
    let i = doc.sentences.partition_point(|s| s.span.start <= offset).checked_sub(1)?;
    (offset < doc.sentences[i].span.end.max(doc.sentences[i].span.start + 1)).then_some(i)
}

/// 206.835 − 1.015 × words per sentence − 84.6 × syllables per word, over the words with a
/// letter in the given sentences.
fn flesch(doc: &Document, sentences: &[usize]) -> Option<f64> {
    let mut words = 0usize;
    let mut syl = 0usize;
    let mut counted = 0usize;
    for &s in sentences {
        let mut any = false;
        for w in doc.sentences[s].words.clone() {
            let word = doc.word_lower(w);
            if word.chars().any(char::is_alphabetic) {
                words += 1;
                syl += syllables(word);
                any = true;
            }
        }
        counted += usize::from(any);
    }
    if words == 0 || counted == 0 {
        return None;
    }
    let score = 206.835 - 1.015 * (words as f64 / counted as f64) - 84.6 * (syl as f64 / words as f64);
    Some(round(score, 1))
}

/// Syllables in a lower-case word, guessed by spelling; at least one. An acronym read out
/// letter by letter (MAPPA is "mappa", but RO is "R-O") is counted like any word.
pub fn syllables(word: &str) -> usize {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return 0;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'é' | 'è' | 'à' | 'ï' | 'ö' | 'ü');
    let mut groups = 0;
    let mut prev = false;
    for (i, &c) in letters.iter().enumerate() {
        // "y" starting a word is a consonant ("yes", "young").
        let v = vowel(c) && !(c == 'y' && i == 0);
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    let n = letters.len();
    let ends = |s: &str| word.ends_with(s);
    let consonant_before = |k: usize| n > k && !vowel(letters[n - k - 1]);
    // A silent final "e" (make, service) but not "-le" after a consonant (table, simple).
    if n > 2 && letters[n - 1] == 'e' && !vowel(letters[n - 2]) && !(letters[n - 2] == 'l' && consonant_before(2)) {
        groups -= 1;
    }
    // "-ed" is silent except after t or d (walked, but wanted); "-es" after most consonants
    // (makes) but not after s, x, z, ch, sh, ce, ge (buses, boxes, watches, places).
    let silent_ed = ends("ed") && !matches!(letters[n - 3], 't' | 'd');
    let silent_es =
        ends("es") && !matches!(letters[n - 3], 's' | 'x' | 'z' | 'c' | 'g') && !ends("ches") && !ends("shes");
    if n > 3 && consonant_before(2) && (silent_ed || silent_es) {
        groups -= 1;
    }
    groups.max(1)
}

#[cfg(test)]
mod tests {
    use super::syllables;

    #[test]
    fn syllables_by_spelling() {
        for (w, n) in [
            ("the", 1),
            ("make", 1),
            ("service", 2),
            ("table", 2),
            ("probation", 3),
            ("walked", 1),
            ("wanted", 2),
            ("makes", 1),
            ("boxes", 2),
            ("places", 2),
            ("yes", 1),
            ("every", 3),
            ("officer", 3),
            ("assessment", 3),
            ("rhythm", 1),
        ] {
            assert_eq!(syllables(w), n, "{w}");
        }
    }
}

//! `risk-unqualified`: "risk" that does not say of what or to whom.
//!
//! Qualified: a phrase from `[after-prepositions]` follows ("of", "to", "towards", "posed to" …); a
//! word from `[before]` precedes ("reoffending risk"); or the word names an instrument
//! with a noun from `[compound]` ("risk assessment", "risk management plan"). "At risk" is
//! left alone: it says who is at risk; so is the verb ("to risk losing her flat") and a clause
//! saying what may happen ("a risk that the address would be disclosed"). A level before the
//! word ("very high risk") is part of the finding.

use super::Rule;
use crate::diagnostic::Emitter;
use crate::dictionaries;
use crate::document::Document;
use crate::phrase::{normalize, PhraseSet};
use crate::span::Span;
use std::collections::HashSet;
use std::sync::OnceLock;

struct Lists {
    after: PhraseSet<()>,
    idioms: PhraseSet<()>,
    before: HashSet<String>,
    compound: PhraseSet<()>,
    levels: HashSet<String>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut l = Lists {
            after: PhraseSet::new(),
            idioms: PhraseSet::new(),
            before: HashSet::new(),
            compound: PhraseSet::new(),
            levels: HashSet::new(),
        };
        for (section, line) in dictionaries::sectioned(dictionaries::RISK_QUALIFIERS) {
            match section {
                "after-prepositions" => l.after.insert(line, ()),
                "idioms" => l.idioms.insert(line, ()),
                "before" => {
                    l.before.insert(normalize(line).into_owned());
                }
                "compound" => l.compound.insert(line, ()),
                "level" => {
                    l.levels.insert(normalize(line).into_owned());
                }
                _ => {}
            }
        }
        l
    })
}

struct RiskUnqualified;

pub fn build(table: &toml::Table) -> Result<Box<dyn Rule>, String> {
    super::no_options(table)?;
    Ok(Box::new(RiskUnqualified))
}

/// Words between "risk" and "to" that still make "to" say to whom: "the risk he posed to her".
const BRIDGE: &[&str] = &[
    "posed",
    "poses",
    "posing",
    "presented",
    "presents",
    "presenting",
    "he",
    "she",
    "they",
    "him",
    "her",
    "them",
    "was",
    "is",
    "were",
    "by",
];

/// Modal verbs that make "a risk that …" a clause about what may happen.
const MODALS: &[&str] = &["would", "might", "could", "will", "may", "can", "should"];

/// Words before "risk" that make it a verb when a verb in "-ing" follows: "did not want to
/// risk upsetting him", "she would risk losing her tenancy".
const BEFORE_VERB: &[&str] =
    &["to", "not", "would", "could", "might", "may", "will", "can", "cannot", "should", "i", "we", "they", "you"];

/// Whether "risk" at `i` is the verb: "to risk losing her tenancy".
fn is_verb(doc: &Document, i: usize, next_in_sentence: bool) -> bool {
    let next = if next_in_sentence { doc.word_lower(i + 1) } else { "" };
    doc.word_lower(i) == "risk"
        && i > 0
        && doc.words[i - 1].sentence == doc.words[i].sentence
        && BEFORE_VERB.contains(&doc.word_lower(i - 1))
        && next.len() > 4
        && next.ends_with("ing")
        && !matches!(next, "during" | "including" | "following" | "regarding" | "concerning" | "according" | "nothing")
}

impl Rule for RiskUnqualified {
    fn check(&self, doc: &Document, out: &mut Emitter) {
        let l = lists();
        // Everyday idioms ("take a risk", "at the risk of") are not the probation term.
        let mut idioms = l.idioms.find_all(doc).map(|m| m.words).peekable();
        for i in 0..doc.words.len() {
            if !matches!(doc.word_lower(i), "risk" | "risks") {
                continue;
            }
            while idioms.peek().is_some_and(|r| r.end <= i) {
                idioms.next();
            }
            if idioms.peek().is_some_and(|r| r.contains(&i)) {
                continue;
            }
            let s = doc.words[i].sentence;
            let same = |j: usize| j < doc.words.len() && doc.words[j].sentence == s;
            if is_verb(doc, i, same(i + 1)) {
                continue;
            }
            let joined = |a: usize, b: usize| doc.gap(doc.words[a].span.end, doc.words[b].span.start).to_owned();
            if same(i + 1) {
                let gap = joined(i, i + 1);
                if gap.trim().is_empty()
                    && (l.after.longest_at(doc, i + 1).is_some() || l.compound.longest_at(doc, i + 1).is_some())
                {
                    continue;
                }
                // "risk-assessed", "risk-taking": a compound, not a statement of risk.
                if gap == "-" {
                    continue;
                }
                // "the risk he posed to her".
                let bridged = (i + 1..i + 5).take_while(|&j| same(j)).any(|j| {
                    matches!(doc.word_lower(j), "to" | "towards")
                        && (i + 1..j).all(|k| BRIDGE.contains(&doc.word_lower(k)))
                        && j > i + 1
                });
                // "the risk posed by Mr Lane to children": a name between "by" and "to".
                let by = same(i + 2)
                    && matches!(doc.word_lower(i + 1), "posed" | "poses" | "presented" | "presents")
                    && doc.word_lower(i + 2) == "by";
                let named = by
                    && (i + 4..i + 8)
                        .take_while(|&j| same(j) && doc.joined(j))
                        .any(|j| matches!(doc.word_lower(j), "to" | "towards"));
                // "a risk that Ms Ray's new address will be disclosed": a clause with a modal
                // says what may happen, whoever its subject is.
                let clause = doc.word_lower(i + 1) == "that"
                    && (i + 3..i + 8).take_while(|&j| same(j)).any(|j| MODALS.contains(&doc.word_lower(j)));
                if bridged || named || clause {
                    continue;
                }
            }
            let mut start = i;
            if i > 0 && same(i - 1) {
                let prev = normalize(doc.word_lower(i - 1));
                if l.before.contains(prev.as_ref()) || prev == "at" {
                    continue;
                }
                // Take in the level: "very high risk", "high-risk".
                while start > 0 && same(start - 1) && l.levels.contains(normalize(doc.word_lower(start - 1)).as_ref()) {
                    start -= 1;
                }
            }
            let span = Span::new(doc.words[start].span.start, doc.words[i].span.end);
            let word = doc.word(i);
            let message = format!(
                "\u{201c}{}\u{201d} does not say of what or to whom: the guidance asks that risk is always qualified, for example \u{201c}risk of serious harm to Ms X\u{201d} or \u{201c}risk of reoffending\u{201d}",
                doc.slice(span)
            );
            let d = out.emit(span, message);
            let of = if word.ends_with('s') { "s of serious harm" } else { " of serious harm" };
            let replacement =
                format!("{}{}", &doc.text()[span.start..doc.words[i].span.start], format_args!("{}{of}", &word[..4]));
            d.replace(replacement, false);
        }
    }
}

//! `gang-naming`: a named gang, or a group named as a gang.
//!
//! The guidance asks for caution in naming gangs: a name can raise the risk of serious harm to
//! the people who read the review, and labels can glamorise a group. Generic words ("a gang",
//! "gang-related", "organised crime group") are fine; names are found four ways, with the
//! words from `dictionaries/gang-words.txt`:
//!
//! - capitalised words ending in a gang noun ("the Hillside Boys", "the Zone 9 Boys"), unless
//!   the name runs on ("the Boys' Brigade", "Hillside Boys Club") or is a known non-gang name;
//! - a number with "s" ("the 28s") after "the" or in a sentence about gangs; decades and ages
//!   ("the 1990s", "in his 20s") are not names;
//! - whatever follows "a gang known as" / "a group called", with its expansion ("OTB (Only
//!   The Brave)"), and capitalised plurals of capitals ("the OGs") in a sentence about gangs;
//! - the names listed for the case: `[gang-naming] names = ["Red Lane Crew"]`.

use super::Rule;
use crate::diagnostic::Emitter;
use crate::dictionaries;
use crate::document::Document;
use crate::key::{key, KeySet};
use crate::phrase::{match_case, PhraseSet};
use crate::span::Span;
use serde::Deserialize;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// The case's gangs, by name: every mention is flagged.
    #[serde(default)]
    names: Vec<String>,
}

struct GangNaming {
    names: PhraseSet<()>,
}

/// The word lists, parsed once.
struct Words {
    nouns: HashSet<&'static str>,
    /// Keys of `nouns`, to pass over most words with one integer probe.
    noun_keys: KeySet,
    /// Lower-cased, single-spaced.
    allow: HashSet<String>,
    /// Keys of words that show a sentence is about gangs.
    context: KeySet,
    called: PhraseSet<()>,
    not_name: HashSet<&'static str>,
    acronyms: HashSet<&'static str>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut w = Words {
            nouns: HashSet::new(),
            noun_keys: KeySet::default(),
            allow: HashSet::new(),
            context: KeySet::default(),
            called: PhraseSet::new(),
            not_name: HashSet::new(),
            acronyms: dictionaries::rows(dictionaries::ACRONYMS).filter_map(|r| r.first().copied()).collect(),
        };
        for (section, line) in dictionaries::sectioned(dictionaries::GANG_WORDS) {
            match section {
                "nouns" => {
                    w.nouns.insert(line);
                    w.noun_keys.insert(key(line));
                }
                "allow" => {
                    w.allow.insert(name_key(line.split_whitespace()));
                }
                "context" => {
                    w.context.insert(key(line));
                }
                "called" => w.called.insert(line, ()),
                "not-name" => {
                    w.not_name.insert(line);
                }
                _ => {}
            }
        }
        w
    })
}

/// A name as the allow list compares it: lower case, straight apostrophes, single spaces.
fn name_key<'a>(words: impl Iterator<Item = &'a str>) -> String {
    words.map(|w| w.to_lowercase().replace('\u{2019}', "'")).collect::<Vec<_>>().join(" ")
}

pub fn build(table: &toml::Table) -> Result<Box<dyn Rule>, String> {
    let o: Options = super::options(table)?;
    let mut names = PhraseSet::new();
    for n in &o.names {
        if n.trim().is_empty() {
            return Err("`names` must not hold an empty name".into());
        }
        names.insert(n, ());
    }
    Ok(Box::new(GangNaming { names }))
}

fn starts_upper(s: &str) -> bool {
    s.starts_with(|c: char| c.is_uppercase())
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The span of words `range`, with a "the" just before it when there is one.
fn with_article(doc: &Document, sentence: &Range<usize>, range: Range<usize>) -> Span {
    let mut start = range.start;
    if start > sentence.start && doc.word_lower(start - 1) == "the" && doc.linked(start) {
        start -= 1;
    }
    Span::new(doc.words[start].span.start, doc.words[range.end - 1].span.end)
}

impl GangNaming {
    fn find(&self, doc: &Document) -> Vec<Span> {
        let w = words();
        let mut spans: Vec<Span> = self.names.find_all(doc).map(|m| m.span).collect();
        for s in 0..doc.sentences.len() {
            let sentence = doc.sentences[s].words.clone();
            let about_gangs = sentence.clone().any(|i| w.context.contains(&doc.words[i].key));
            for i in sentence.clone() {
                let word = doc.word(i);
                if w.noun_keys.contains(&doc.words[i].key) && w.nouns.contains(word) {
                    if let Some(name) = named_with_noun(doc, &sentence, i, w) {
                        spans.push(with_article(doc, &sentence, name));
                    }
                } else if let Some(n) = word.strip_suffix('s').filter(|n| is_number(n) && n.len() <= 4) {
                    let decade = n.ends_with('0');
                    let after_the = i > sentence.start && doc.word_lower(i - 1) == "the";
                    if !decade && (after_the || about_gangs) {
                        spans.push(with_article(doc, &sentence, i..i + 1));
                    }
                } else if let Some(caps) =
                    word.strip_suffix('s').filter(|c| c.len() >= 2 && c.chars().all(|c| c.is_ascii_uppercase()))
                {
                    if about_gangs && !w.acronyms.contains(caps) && i > sentence.start && doc.word_lower(i - 1) == "the"
                    {
                        spans.push(with_article(doc, &sentence, i..i + 1));
                    }
                }
                if let Some(m) = w.called.longest_at(doc, i) {
                    let grouped = (sentence.start.max(i.saturating_sub(3))..i).any(|k| {
                        matches!(
                            doc.word_lower(k),
                            "gang" | "gangs" | "group" | "groups" | "crew" | "crews" | "network"
                        )
                    });
                    if grouped {
                        if let Some(span) = called_name(doc, &sentence, m.words.end, w) {
                            spans.push(span);
                        }
                    }
                }
            }
        }
        // Keep the first of overlapping spans, preferring the longer at the same start.
        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        let mut out: Vec<Span> = Vec::new();
        for s in spans {
            if out.last().is_none_or(|l| !l.overlaps(s)) {
                out.push(s);
            }
        }
        out
    }
}

/// The words of a name ending in gang noun `i`: capitalised words or numbers before it.
fn named_with_noun(doc: &Document, sentence: &Range<usize>, i: usize, w: &Words) -> Option<Range<usize>> {
    // A name that runs on is something else's name: "Boys' Brigade", "Hillside Boys Club".
    if i + 1 < sentence.end {
        let gap = doc.gap(doc.words[i].span.end, doc.words[i + 1].span.start).trim();
        let next = doc.word(i + 1);
        if matches!(gap, "" | "'" | "\u{2019}") && starts_upper(next) && !w.nouns.contains(next) {
            return None;
        }
    }
    let mut start = i;
    while start > sentence.start && doc.linked(start) {
        let prev = doc.word(start - 1);
        if w.not_name.contains(prev) || !(starts_upper(prev) || is_number(prev)) {
            break;
        }
        start -= 1;
    }
    if start == i {
        return None;
    }
    // Known non-gang names, as the whole name or its ending: "the Flying Squad".
    let words: Vec<&str> = (start..=i).map(|k| doc.word(k)).collect();
    if (0..words.len()).any(|k| w.allow.contains(&name_key(words[k..].iter().copied()))) {
        return None;
    }
    Some(start..i + 1)
}

/// The name after "a gang known as": capitals or capitalised words, with an expansion in
/// brackets straight after ("OTB (Only The Brave)").
fn called_name(doc: &Document, sentence: &Range<usize>, from: usize, w: &Words) -> Option<Span> {
    let mut i = from;
    if i < sentence.end && doc.word_lower(i) == "the" {
        i += 1;
    }
    let first = i;
    while i < sentence.end && (i == first || doc.linked(i)) {
        let word = doc.word(i);
        // A describing first word ("Young", "Rival") is part of the name when a capitalised
        // word follows it: "a group calling itself Young Norbridge".
        let describing = i == first
            && w.not_name.contains(word)
            && !(i + 1 < sentence.end && doc.linked(i + 1) && starts_upper(doc.word(i + 1)));
        if !(starts_upper(word) || is_number(word)) || describing {
            break;
        }
        i += 1;
    }
    if i == first {
        return None;
    }
    let mut end = doc.words[i - 1].span.end;
    let rest = &doc.text()[end..doc.sentences[doc.words[first].sentence].span.end];
    let trimmed = rest.trim_start();
    if trimmed.starts_with('(') {
        if let Some(close) = trimmed.find(')') {
            end += rest.len() - trimmed.len() + close + 1;
        }
    }
    Some(Span::new(doc.words[from].span.start, end))
}

impl Rule for GangNaming {
    fn check(&self, doc: &Document, out: &mut Emitter) {
        for span in self.find(doc) {
            let name = doc.slice(span);
            let message = format!(
                "\u{201c}{name}\u{201d} names a gang. The guidance asks for caution in naming gangs: name one only where \
                 it is needed to understand the risk, and never in a way that could raise the risk of serious harm \
                 to the people who read the review; otherwise write \u{201c}a gang\u{201d} or \u{201c}a group\u{201d}"
            );
            let d = out.emit(span, message);
            if name.get(..4).is_some_and(|t| t.eq_ignore_ascii_case("the ")) {
                d.replace(match_case(name, "a gang"), false);
            }
        }
    }
}

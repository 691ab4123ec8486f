//! `offender-term`: "offender" for a person; the guidance's term is "service user".
//!
//! Official names that contain the word (Prison Offender Manager, Offender Assessment
//! System …) come from `dictionaries/offender-names.txt` and are left alone. The suggestion
//! inflects the preferred term for plurals and possessives and fixes the article before it
//! ("an offender" → "a service user").

use super::Rule;
use crate::diagnostic::Emitter;
use crate::dictionaries;
use crate::document::Document;
use crate::inflect;
use crate::key::{key, KeySet};
use crate::phrase::{match_case, PhraseSet};
use crate::span::Span;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// The term to suggest: "service user" (the guidance's) or, for example, "person on
    /// probation" (the Ministry of Justice style guide's).
    #[serde(default = "default_term")]
    preferred: String,
    /// Its plural, when the rules of `inflect::plural` get it wrong.
    preferred_plural: Option<String>,
    /// More names to leave alone, for this case.
    #[serde(default)]
    allow: Vec<String>,
}

fn default_term() -> String {
    "service user".to_owned()
}

struct OffenderTerm {
    singular: String,
    plural: String,
    /// Official names, as phrases; extended by the configuration's `allow`.
    names: Option<PhraseSet<()>>,
}

fn builtin_names() -> &'static PhraseSet<()> {
    static SET: OnceLock<PhraseSet<()>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = PhraseSet::new();
        for name in dictionaries::lines(dictionaries::OFFENDER_NAMES) {
            set.insert(name, ());
        }
        set
    })
}

/// Keys of the word's forms: offender, offenders, offender's.
fn offender_keys() -> &'static KeySet {
    static KEYS: OnceLock<KeySet> = OnceLock::new();
    KEYS.get_or_init(|| ["offender", "offenders", "offender's", "offenders's"].into_iter().map(key).collect())
}

/// Whether word `i` lies inside an official name ("Prison Offender Manager") that starts
/// at most the longest name's length before it.
fn inside_name(names: &PhraseSet<()>, doc: &Document, i: usize) -> bool {
    let reach = names.max_words().saturating_sub(1);
    (i.saturating_sub(reach)..=i).any(|start| names.longest_at(doc, start).is_some_and(|m| m.words.contains(&i)))
}

/// Plural of a term: its head noun is the first word before a preposition ("people on
/// probation"), otherwise the last ("service users").
fn plural_term(term: &str) -> String {
    let words: Vec<&str> = term.split(' ').collect();
    let head = words.iter().position(|w| matches!(*w, "on" | "of" | "under" | "in" | "subject")).map_or(words.len() - 1, |p| p.saturating_sub(1));
    words.iter().enumerate().map(|(i, w)| if i == head { inflect::plural(w) } else { (*w).to_owned() }).collect::<Vec<_>>().join(" ")
}

pub fn build(table: &toml::Table) -> Result<Box<dyn Rule>, String> {
    let o: Options = super::options(table)?;
    let singular = o.preferred.trim().to_owned();
    if singular.is_empty() {
        return Err("`preferred` must not be empty".into());
    }
    let plural = o.preferred_plural.unwrap_or_else(|| plural_term(&singular));
    // A replacement the rule flags again would grow by one term each `--fix` pass.
    for term in [&singular, &plural] {
        if term.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|w| w.starts_with("offender")) {
            return Err(format!("the preferred term `{term}` must not use the word \"offender\" itself"));
        }
    }
    let names = (!o.allow.is_empty()).then(|| {
        let mut set = PhraseSet::new();
        for name in dictionaries::lines(dictionaries::OFFENDER_NAMES).chain(o.allow.iter().map(String::as_str)) {
            set.insert(name, ());
        }
        set
    });
    Ok(Box::new(OffenderTerm { singular, plural, names }))
}

impl Rule for OffenderTerm {
    fn check(&self, doc: &Document, out: &mut Emitter) {
        let names = self.names.as_ref().unwrap_or_else(|| builtin_names());
        let forms = offender_keys();
        for i in 0..doc.words.len() {
            // One integer probe per word; official names are looked for only around a hit.
            if !forms.contains(&doc.words[i].key) || inside_name(names, doc, i) {
                continue;
            }
            let word = doc.word(i);
            let lower = doc.word_lower(i);
            let (stem, apostrophe) = match lower.find(['\'', '\u{2019}']) {
                Some(p) => (&lower[..p], Some(&word[p..])),
                None => (lower, None),
            };
            let plural = match stem {
                "offender" => false,
                "offenders" => true,
                _ => continue,
            };
            let span = doc.words[i].span;
            // A plural possessive's apostrophe follows the word: "offenders' programme".
            let after = doc.text()[span.end..].chars().next();
            let after_len = after.map_or(0, char::len_utf8);
            let trailing = plural && matches!(after, Some('\'' | '\u{2019}')) && !doc.text()[span.end + after_len..].starts_with(char::is_alphanumeric);
            let span = if trailing { Span::new(span.start, span.end + after_len) } else { span };
            let mark = apostrophe.map(|a| a.chars().next().unwrap_or('\'')).or(if trailing { after } else { None });
            let base = if plural { &self.plural } else { &self.singular };
            let replacement = match (mark, plural) {
                (Some(m), true) if base.ends_with('s') => format!("{base}{m}"),
                (Some(m), _) => format!("{base}{m}s"),
                (None, _) => base.clone(),
            };
            let replacement = match_case(word, &replacement);
            let message = format!("Use \u{201c}{replacement}\u{201d} rather than \u{201c}{}\u{201d}: the guidance asks reviews not to label people as offenders", doc.slice(span));
            let d = out.emit(span, message);
            d.replace(replacement.clone(), true);
            // "an offender" → "a service user": the article changes with the noun.
            if let Some(fix) = article_fix(doc, i, &replacement) {
                d.suggestions.insert(0, fix);
                d.suggestions.truncate(1);
            }
        }
    }
}

/// A suggestion covering the article as well, when "a"/"an" before the word must change.
fn article_fix(doc: &Document, i: usize, replacement: &str) -> Option<crate::diagnostic::Suggestion> {
    let prev = i.checked_sub(1).filter(|&p| doc.words[p].sentence == doc.words[i].sentence)?;
    let article = doc.word(prev);
    if !doc.joined(i) {
        return None;
    }
    let wants_an = replacement.chars().next().is_some_and(|c| "aeiouAEIOU".contains(c));
    let new_article = match (article, wants_an) {
        ("an", false) => "a",
        ("An", false) => "A",
        ("a", true) => "an",
        ("A", true) => "An",
        _ => return None,
    };
    let span = Span::new(doc.words[prev].span.start, doc.words[i].span.end);
    let tail = &doc.text()[doc.words[prev].span.end..doc.words[i].span.start];
    Some(crate::diagnostic::Suggestion { span, replacement: format!("{new_article}{tail}{replacement}"), safe: true })
}

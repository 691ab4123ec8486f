//! `acronym-undefined`: the first use of an acronym that the document has not given in full.
//!
//! What counts as an acronym and as a definition is [`crate::acronyms`]'s to decide; this
//! rule walks its uses in order and reports, for each acronym, the first use in running text
//! (not a heading, not the glossary) that no earlier definition covers. A definition after
//! that use does not rescue it, and a glossary does not replace expansion at first use: the
//! guidance asks for both. The message gives the dictionary's expansion (each of them when
//! the acronym is ambiguous) and the suggestion writes "Full Name (ACR)" in its place, marked
//! safe only when there is a single expansion.

use super::Rule;
use crate::acronyms::{self, AcronymUse};
use crate::diagnostic::Emitter;
use crate::document::Document;
use crate::inflect;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Options {
    /// Acronyms this case's readers know (in addition to `dictionaries/acronym-allow.txt`).
    #[serde(default)]
    allow: Vec<String>,
    /// Expansions of acronyms the dictionary lacks, or the one meant where it has several.
    #[serde(default)]
    known: HashMap<String, String>,
}

struct AcronymUndefined {
    /// Upper-case keys.
    allow: HashSet<String>,
    /// Upper-case key → expansion.
    known: HashMap<String, String>,
}

pub fn build(table: &toml::Table) -> Result<Box<dyn Rule>, String> {
    let o: Options = super::options(table)?;
    let key = |s: &str| acronyms::acronym_key(s.trim()).unwrap_or_else(|| s.trim().to_uppercase());
    let allow = o.allow.iter().map(|a| key(a)).collect();
    let mut known = HashMap::new();
    for (acr, exp) in o.known {
        if exp.trim().is_empty() {
            return Err(format!("`known.{acr}` must give an expansion"));
        }
        known.insert(key(&acr), exp.trim().to_owned());
    }
    Ok(Box::new(AcronymUndefined { allow, known }))
}

impl AcronymUndefined {
    /// The expansions to offer for an acronym: the configuration's, else the dictionary's.
    fn expansions(&self, key: &str) -> Vec<String> {
        if let Some(e) = self.known.get(key) {
            return vec![e.clone()];
        }
        acronyms::lookup(key).map(|e| e.expansions.iter().map(|x| x.expansion.clone()).collect()).unwrap_or_default()
    }
}

impl Rule for AcronymUndefined {
    fn check(&self, doc: &Document, out: &mut Emitter) {
        let uses = acronyms::uses(doc);
        let mut done: HashSet<&str> = HashSet::new();
        for (n, u) in uses.iter().enumerate() {
            if u.in_glossary || u.in_heading || done.contains(u.key.as_str()) {
                continue;
            }
            done.insert(u.key.as_str());
            if u.defined_by_here(n) || acronyms::is_allowed(&u.key) || self.allow.contains(&u.key) {
                continue;
            }
            self.report(doc, u, out);
        }
    }
}

impl AcronymUndefined {
    fn report(&self, doc: &Document, u: &AcronymUse, out: &mut Emitter) {
        let written = doc.slice(u.span);
        let expansions: Vec<String> =
            self.expansions(&u.key).into_iter().map(|e| if u.plural { pluralise(&e) } else { e }).collect();
        let message = match expansions.as_slice() {
            [] => format!(
                "\u{201c}{written}\u{201d} is not given in full at its first use: write the full name, then \u{201c}({written})\u{201d}"
            ),
            [one] => format!("\u{201c}{written}\u{201d} is not given in full at its first use: write \u{201c}{one} ({written})\u{201d}"),
            many => format!(
                "\u{201c}{written}\u{201d} is not given in full at its first use; it can stand for {}: write the one meant, then \u{201c}({written})\u{201d}",
                or_list(many)
            ),
        };
        let d = out.emit(u.span, message);
        let safe = expansions.len() == 1;
        for e in &expansions {
            d.replace(format!("{e} ({written})"), safe);
        }
    }
}

/// "Responsible Officer" → "Responsible Officers", for a plural use (ROs).
fn pluralise(expansion: &str) -> String {
    match expansion.rsplit_once(' ') {
        Some((head, last)) if !last.ends_with('s') => format!("{head} {}", inflect::plural(last)),
        None if !expansion.ends_with('s') => inflect::plural(expansion),
        _ => expansion.to_owned(),
    }
}

/// "A, B or C".
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

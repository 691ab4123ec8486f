//! `plain-words`: complex words and phrases that have plain alternatives.
//!
//! Entries come from `dictionaries/plain-words.tsv`; verbs are listed in their base form and
//! inflected here on both sides ("utilised" → "used", "ascertaining" → "finding out").

use super::Rule;
use crate::diagnostic::Emitter;
use crate::dictionaries;
use crate::document::Document;
use crate::inflect::phrase_forms;
use crate::phrase::{match_case, normalize, PhraseSet};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::sync::{Arc, OnceLock};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// Entries to add: complex → plain (several alternatives separated by `|`).
    #[serde(default)]
    extra: BTreeMap<String, String>,
    /// Words and phrases not to flag in this case.
    #[serde(default)]
    allow: Vec<String>,
}

type Alternatives = Arc<[String]>;

struct PlainWords {
    custom: Option<PhraseSet<Alternatives>>,
    allow: HashSet<String>,
}

fn alternatives(plain: &str) -> Vec<String> {
    plain.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// Adds an entry, with every inflection when it is a verb.
fn add(set: &mut PhraseSet<Alternatives>, complex: &str, plain: &[String], verb: bool) {
    if !verb {
        set.insert(complex, plain.into());
        return;
    }
    let forms = phrase_forms(complex);
    let alts: Vec<_> = plain.iter().map(|p| phrase_forms(p)).collect();
    let pick =
        |f: fn(&crate::inflect::VerbForms) -> &String| -> Alternatives { alts.iter().map(|a| f(a).clone()).collect() };
    set.insert(&forms.base, pick(|f| &f.base));
    set.insert(&forms.third, pick(|f| &f.third));
    set.insert(&forms.ing, pick(|f| &f.ing));
    if forms.past == forms.participle {
        set.insert(&forms.past, pick(|f| &f.past));
    } else {
        set.insert(&forms.past, pick(|f| &f.past));
        set.insert(&forms.participle, pick(|f| &f.participle));
    }
}

fn load(set: &mut PhraseSet<Alternatives>) {
    for row in dictionaries::rows(dictionaries::PLAIN_WORDS) {
        if let [complex, plain, kind, ..] = row.as_slice() {
            add(set, complex, &alternatives(plain), *kind == "verb");
        }
    }
}

fn builtin() -> &'static PhraseSet<Alternatives> {
    static SET: OnceLock<PhraseSet<Alternatives>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = PhraseSet::new();
        load(&mut set);
        set
    })
}

pub fn build(table: &toml::Table) -> Result<Box<dyn Rule>, String> {
    let o: Options = super::options(table)?;
    let custom = (!o.extra.is_empty()).then(|| {
        let mut set = PhraseSet::new();
        load(&mut set);
        for (complex, plain) in &o.extra {
            set.insert(complex, alternatives(plain).into());
        }
        set
    });
    let allow = o.allow.iter().map(|a| normalize(a).into_owned()).collect();
    Ok(Box::new(PlainWords { custom, allow }))
}

impl Rule for PlainWords {
    fn check(&self, doc: &Document, out: &mut Emitter) {
        let set = self.custom.as_ref().unwrap_or_else(|| builtin());
        for m in set.find_all(doc) {
            let original = doc.slice(m.span);
            if !self.allow.is_empty() && self.allow.contains(normalize(original).as_ref()) {
                continue;
            }
            if resolved(doc, &m.words) {
                continue;
            }
            let alts: Vec<String> = m.value.iter().map(|a| match_case(original, a)).collect();
            let Some(first) = alts.first() else { continue };
            let listed = alts.iter().map(|a| format!("\u{201c}{a}\u{201d}")).collect::<Vec<_>>().join(" or ");
            let d = out.emit(m.span, format!("Plain English: write {listed} rather than \u{201c}{original}\u{201d}"));
            d.replace(first.clone(), true);
            for a in &alts[1..] {
                d.replace(a.clone(), false);
            }
        }
    }
}

/// "Staff were determined to get him into treatment": "determined" as an adjective (resolved),
/// after a form of "be" or "seem" and before "to", does not mean "decided".
fn resolved(doc: &Document, words: &std::ops::Range<usize>) -> bool {
    let (i, next) = (words.start, words.end);
    words.len() == 1
        && doc.word_lower(i) == "determined"
        && i > 0
        && next < doc.words.len()
        && doc.words[i - 1].sentence == doc.words[i].sentence
        && doc.words[next].sentence == doc.words[i].sentence
        && doc.word_lower(next) == "to"
        && matches!(
            doc.word_lower(i - 1),
            "was"
                | "were"
                | "is"
                | "are"
                | "am"
                | "be"
                | "been"
                | "being"
                | "seemed"
                | "seems"
                | "appeared"
                | "very"
                | "so"
                | "more"
                | "most"
                | "still"
                | "also"
                | "always"
        )
}

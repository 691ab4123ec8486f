//! `sfo-lint glossary`: drafts the case-specific glossary the guidance asks for.
//!
//! Lists, in order of first use, the acronyms the review uses (found by the shared
//! [`sfo_lint::acronyms`] module, as `acronym-undefined` finds them) and the terms of art it
//! writes out in full (a dictionary expansion with a plain-English meaning, such as "risk of
//! serious harm" or "Approved Premises", whose acronym the review does not use). An acronym
//! takes the full name the review itself gives it, else the dictionary's; acronyms that
//! neither knows are listed for the writer to fill in, and acronyms used once are listed
//! apart: the guidance says to use acronyms sparingly, so those are better spelt out.
//! Uses inside the review's own glossary section, and everyday acronyms a lay reader knows
//! (`dictionaries/acronym-allow.txt`), do not count.

use serde::Serialize;
use sfo_lint::acronyms::{self, AcronymUse};
use sfo_lint::document::{BlockKind, Encoding};
use sfo_lint::input::Source;
use sfo_lint::phrase::PhraseSet;
use sfo_lint::span::Span;
use sfo_lint::Document;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::OnceLock;

#[derive(clap::Args)]
pub struct Args {
    /// The review (.txt, .md, .docx); `-` reads standard input.
    path: PathBuf,
    #[arg(long, value_enum, default_value_t = GlossaryFormat::Markdown)]
    format: GlossaryFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum GlossaryFormat {
    Markdown,
    Csv,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Acronym,
    Term,
}

/// Where the expansion came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
enum Status {
    /// The review gives the full name.
    Review,
    Dictionary,
    /// The dictionary knows several meanings and the review gives none.
    Ambiguous,
    /// Nobody knows: for the writer to fill in.
    Unknown,
}

#[derive(Debug, Serialize)]
struct Item {
    term: String,
    kind: Kind,
    expansion: Option<String>,
    /// The dictionary's meanings, when it has several and the review does not choose.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    alternatives: Vec<String>,
    meaning: Option<String>,
    status: Status,
    uses: usize,
    /// Where it is first used: "line 12", "paragraph 4".
    first_use: String,
    /// The first use's byte offsets in the text (the extracted text of a Word document).
    #[serde(flatten)]
    first: Span,
}

/// White space collapsed to single spaces (a definition may run over a line break).
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The acronyms used, in order of first use.
fn acronym_items(doc: &Document, uses: &[AcronymUse], place: &dyn Fn(usize) -> String) -> Vec<Item> {
    let mut order: Vec<&str> = Vec::new();
    let mut by_key: HashMap<&str, Vec<&AcronymUse>> = HashMap::new();
    for u in uses.iter().filter(|u| !u.in_glossary) {
        by_key.entry(u.key.as_str()).or_insert_with(|| {
            order.push(u.key.as_str());
            Vec::new()
        });
        by_key.get_mut(u.key.as_str()).expect("inserted").push(u);
    }
    let mut items = Vec::new();
    for key in order {
        let list = &by_key[key];
        let first = list[0];
        let entry = acronyms::lookup(key);
        let written = doc.slice(first.span);
        let term = match entry {
            Some(e) => e.acronym.clone(),
            None if first.plural => written[..written.len() - 1].to_owned(),
            None => written.to_owned(),
        };
        if acronyms::is_allowed(&term) {
            continue;
        }
        let defined = list.iter().find_map(|u| u.expansion).map(|s| squash(doc.slice(s)));
        let known = entry.map(|e| e.expansions.as_slice()).unwrap_or_default();
        let (expansion, alternatives, meaning, status) = match (&defined, known) {
            (Some(d), _) => {
                let meaning = known.iter().find(|e| e.expansion.eq_ignore_ascii_case(d)).map(|e| e.meaning.clone());
                (Some(d.clone()), Vec::new(), meaning, Status::Review)
            }
            (None, [one]) => (Some(one.expansion.clone()), Vec::new(), Some(one.meaning.clone()), Status::Dictionary),
            (None, []) => (None, Vec::new(), None, Status::Unknown),
            (None, many) => (None, many.iter().map(|e| e.expansion.clone()).collect(), None, Status::Ambiguous),
        };
        items.push(Item {
            term,
            kind: Kind::Acronym,
            expansion,
            alternatives,
            meaning: meaning.filter(|m| !m.is_empty()),
            status,
            uses: list.len(),
            first_use: place(first.span.start),
            first: first.span,
        });
    }
    items
}

/// A dictionary full name with a meaning, and the acronym it belongs to.
struct TermOfArt {
    acronym_key: String,
    meaning: String,
}

/// Dictionary full names of two or more words that have a plain-English meaning.
fn terms_of_art() -> &'static PhraseSet<TermOfArt> {
    static SET: OnceLock<PhraseSet<TermOfArt>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = PhraseSet::new();
        let mut seen = HashSet::new();
        for row in sfo_lint::dictionaries::rows(sfo_lint::dictionaries::ACRONYMS) {
            let Some(entry) = row.first().and_then(|a| acronyms::lookup(a)) else { continue };
            for e in &entry.expansions {
                if e.meaning.is_empty()
                    || e.expansion.split_whitespace().count() < 2
                    || !seen.insert(e.expansion.to_ascii_lowercase())
                {
                    continue;
                }
                let acronym_key = entry.acronym.to_uppercase();
                set.insert(&e.expansion, TermOfArt { acronym_key, meaning: e.meaning.clone() });
            }
        }
        set
    })
}

/// Where the review's glossary section starts, if it has one: everything after it is the
/// glossary (it is normally the last section).
fn glossary_start(doc: &Document) -> usize {
    (0..doc.blocks.len())
        .find(|&b| doc.blocks[b].kind != BlockKind::ListItem && acronyms::is_glossary_heading(doc, b))
        .map_or(doc.text().len(), |b| doc.blocks[b].span.start)
}

/// Whether a capitalised match runs on into a longer name ("Domestic Violence" in "the
/// Domestic Violence Disclosure Scheme"): that name, not the part, is the term.
fn inside_longer_name(doc: &Document, words: std::ops::Range<usize>) -> bool {
    let capital = |w: usize| doc.word(w).starts_with(|c: char| c.is_uppercase());
    if !capital(words.start) {
        return false;
    }
    let sentence = &doc.sentences[doc.words[words.start].sentence].words;
    let next = words.end < sentence.end && capital(words.end);
    // The first word of a sentence is capitalised anyway.
    let prev = words.start > sentence.start + 1 && capital(words.start - 1);
    next || prev
}

/// Terms of art written in full whose acronym the review does not use, in order.
fn term_items(doc: &Document, uses: &[AcronymUse], place: &dyn Fn(usize) -> String) -> Vec<Item> {
    let used: HashSet<&str> = uses.iter().map(|u| u.key.as_str()).collect();
    let definitions: Vec<Span> = uses.iter().filter_map(|u| u.expansion).collect();
    let end = glossary_start(doc);
    let mut items: Vec<Item> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for m in terms_of_art().find_all(doc) {
        let term = m.value;
        if m.span.start >= end
            || used.contains(term.acronym_key.as_str())
            || definitions.iter().any(|d| d.contains(m.span))
            || inside_longer_name(doc, m.words.clone())
        {
            continue;
        }
        let written = squash(acronyms::strip_possessive(doc.slice(m.span)));
        let key = written.to_lowercase();
        if let Some(&i) = index.get(&key) {
            items[i].uses += 1;
            continue;
        }
        index.insert(key, items.len());
        items.push(Item {
            term: written,
            kind: Kind::Term,
            expansion: None,
            alternatives: Vec::new(),
            meaning: Some(term.meaning.clone()),
            status: Status::Dictionary,
            uses: 1,
            first_use: place(m.span.start),
            first: m.span,
        });
    }
    items
}

/// The glossary's entries in order of first use.
fn build(source: &Source, doc: &Document) -> Vec<Item> {
    let place = |offset: usize| match source.locations() {
        Some(l) => l.describe(offset),
        None => format!("line {}", doc.line_col(offset, Encoding::Chars).line + 1),
    };
    let uses = acronyms::uses(doc);
    let mut items = acronym_items(doc, uses, &place);
    items.extend(term_items(doc, uses, &place));
    items.sort_by_key(|i| i.first.start);
    items
}

pub fn run(args: Args) -> Result<i32, String> {
    let source = super::stats::read(&args.path, false)?;
    let doc = source.document();
    let items = build(&source, &doc);
    let out = match args.format {
        GlossaryFormat::Markdown => markdown(&items),
        GlossaryFormat::Csv => csv(&items),
        GlossaryFormat::Json => json(&source.name, &items)?,
    };
    print!("{out}");
    Ok(super::EXIT_OK)
}

fn sentence(s: &str) -> String {
    let s = s.trim();
    if s.ends_with(['.', '!', '?']) {
        s.to_owned()
    } else {
        format!("{s}.")
    }
}

fn markdown(items: &[Item]) -> String {
    let mut out = String::from("## Glossary\n\n");
    if items.is_empty() {
        out.push_str("The review uses no acronyms or terms of art that need explaining.\n");
        return out;
    }
    for i in items {
        let mut line = format!("- **{}**: ", i.term);
        match (&i.expansion, i.status) {
            (Some(e), _) => line.push_str(&sentence(e)),
            (None, Status::Ambiguous) => {
                line.push_str(&format!("_one of: {}; say which the review means._", i.alternatives.join("; ")))
            }
            (None, Status::Unknown) => line.push_str("_not in the dictionary: write what it stands for._"),
            (None, _) => {}
        }
        if let Some(m) = &i.meaning {
            if i.expansion.is_some() {
                line.push(' ');
            }
            line.push_str(&sentence(m));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let unknown: Vec<&Item> = items.iter().filter(|i| i.status == Status::Unknown).collect();
    if !unknown.is_empty() {
        out.push_str("\n### To fill in\n\nThe dictionary does not know these acronyms and the review does not spell them out:\n\n");
        for i in unknown {
            out.push_str(&format!("- {} (first used at {})\n", i.term, i.first_use));
        }
    }
    let once: Vec<&Item> = items.iter().filter(|i| i.kind == Kind::Acronym && i.uses == 1).collect();
    if !once.is_empty() {
        out.push_str("\n### Used only once: spell these out instead\n\n");
        for i in once {
            match &i.expansion {
                Some(e) => out.push_str(&format!("- {} ({e}), at {}\n", i.term, i.first_use)),
                None => out.push_str(&format!("- {}, at {}\n", i.term, i.first_use)),
            }
        }
    }
    out
}

/// A CSV field, quoted when it must be (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn csv(items: &[Item]) -> String {
    let mut out = String::from("term,kind,expansion,meaning,status,uses,first_use\n");
    for i in items {
        let expansion = i.expansion.clone().unwrap_or_else(|| i.alternatives.join("; "));
        let row = [
            field(&i.term),
            serde_json::to_value(i.kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
            field(&expansion),
            field(i.meaning.as_deref().unwrap_or("")),
            serde_json::to_value(i.status).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
            i.uses.to_string(),
            field(&i.first_use),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

fn json(path: &str, items: &[Item]) -> Result<String, String> {
    let names = |f: &dyn Fn(&Item) -> bool| items.iter().filter(|i| f(i)).map(|i| i.term.clone()).collect::<Vec<_>>();
    let value = serde_json::json!({
        "path": path,
        "entries": items,
        "unknown": names(&|i| i.status == Status::Unknown),
        "used_once": names(&|i| i.kind == Kind::Acronym && i.uses == 1),
    });
    serde_json::to_string_pretty(&value).map(|s| s + "\n").map_err(|e| e.to_string())
}

//! What the project knows about acronyms: the dictionary, how to tell an acronym from other
//! words in capitals, and where a document uses and defines each one.
//!
//! Shared by the `acronym-undefined` and `glossary-missing` rules and by the glossary
//! generator, so that they agree on what counts as an acronym.
//!
//! A word is an acronym when the dictionary (`dictionaries/acronyms.tsv`) knows it as
//! spelt, or when it looks like one: two or more capitals and nothing else (MASH), the same
//! with a plural "s" (ROs, LDUs), or mixed case in which capitals are at least as many as
//! lower-case letters and stand together or end the word (RoSH, CiN, ViSOR, but not
//! McAllister, WhatsApp, DeShawn). Roman numerals (IV, XIV), capitals used for emphasis
//! (NO, NOT, NEVER), runs of three or more words in capitals, all-capital headings and
//! sentences, and surnames in capitals after a title (Mr SMITH) are not acronyms.
//! "A&E" (two words in the document) counts only when the dictionary knows it: M&S, B&Q and
//! Q&A are brands and everyday words.
//!
//! A definition is "Full Name (ACR)", "ACR (Full Name)" or "Full Name, or ACR,". The full name is found as
//! Schwartz and Hearst do (A simple algorithm for identifying abbreviation definitions in
//! biomedical text, 2003): the acronym's letters, last to first, must appear in order in the
//! words before the bracket, the first letter starting a word, so the initials need not match
//! letter for letter (Offender Assessment System (OASys), Risk of Serious Harm (RoSH)).
//! Comparison ignores case. Each use looks only at its neighbouring words: the scan is linear.

use crate::document::{BlockKind, Document};
use crate::span::Span;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// One meaning of an acronym, from the dictionary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expansion {
    /// The full name, without the dictionary's bracketed notes: "Approved Premises".
    pub expansion: String,
    /// A plain-English line for a lay reader; may be empty.
    pub meaning: String,
}

/// An acronym the dictionary knows, with each of its meanings (several when ambiguous).
#[derive(Clone, Debug)]
pub struct Entry {
    /// The usual spelling: "OASys", "MAPPA".
    pub acronym: String,
    pub expansions: Vec<Expansion>,
}

/// A dictionary key: upper case.
fn key_of(s: &str) -> String {
    s.to_uppercase()
}

fn table() -> &'static HashMap<String, Entry> {
    static MAP: OnceLock<HashMap<String, Entry>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: HashMap<String, Entry> = HashMap::new();
        for row in crate::dictionaries::rows(crate::dictionaries::ACRONYMS) {
            let (Some(&acr), Some(&exp)) = (row.first(), row.get(1)) else { continue };
            // Entries of several words ("DASH RIC", "CJIA 2008") are not single tokens.
            if acr.is_empty() || acr.contains(char::is_whitespace) || acr.contains('/') {
                continue;
            }
            let expansion = without_brackets(exp);
            if expansion.is_empty() {
                continue;
            }
            let meaning = row.get(2).copied().unwrap_or("").to_owned();
            let entry =
                map.entry(key_of(acr)).or_insert_with(|| Entry { acronym: acr.to_owned(), expansions: Vec::new() });
            // "risk of serious harm" (RoSH) and "Risk of Serious Harm" (ROSH) are one meaning.
            if let Some(e) = entry.expansions.iter_mut().find(|e| e.expansion.eq_ignore_ascii_case(&expansion)) {
                if e.meaning.is_empty() {
                    e.meaning = meaning;
                }
            } else {
                entry.expansions.push(Expansion { expansion, meaning });
            }
        }
        map
    })
}

/// "Assistant Chief Officer (Probation)" → "Assistant Chief Officer": the dictionary's
/// bracketed notes are for people, not for the text a suggestion inserts.
fn without_brackets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn allow_list() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| crate::dictionaries::lines(crate::dictionaries::ACRONYM_ALLOW).map(key_of).collect())
}

/// The dictionary's entry for an acronym in any case ("ROSH" finds RoSH).
pub fn lookup(acronym: &str) -> Option<&'static Entry> {
    // Upper-cased on the stack: this runs for every capitalised word.
    let mut buf = [0u8; 24];
    match buf.get_mut(..acronym.len()) {
        Some(b) if acronym.is_ascii() => {
            b.copy_from_slice(acronym.as_bytes());
            b.make_ascii_uppercase();
            std::str::from_utf8(b).ok().and_then(|k| table().get(k))
        }
        _ => table().get(&key_of(acronym)),
    }
}

/// Whether the built-in allow-list (`dictionaries/acronym-allow.txt`) holds the acronym:
/// everyday ones a lay reader knows (UK, TV, NHS).
pub fn is_allowed(acronym: &str) -> bool {
    allow_list().contains(&key_of(acronym))
}

/// Words in capitals that are emphasis or ordinary words, not acronyms ("found NO record").
const NOT_ACRONYMS: &[&str] = &[
    "NO",
    "NOT",
    "ALL",
    "NEVER",
    "NONE",
    "ANY",
    "MUST",
    "ONLY",
    "EVERY",
    "ALWAYS",
    "DID",
    "DO",
    "DOES",
    "WAS",
    "WERE",
    "IS",
    "ARE",
    "BE",
    "HAS",
    "HAD",
    "HAVE",
    "AND",
    "OR",
    "BUT",
    "THE",
    "AN",
    "OF",
    "TO",
    "IN",
    "ON",
    "AT",
    "BY",
    "FOR",
    "WITH",
    "HE",
    "SHE",
    "WE",
    "HIM",
    "HER",
    "VERY",
    "MORE",
    "LESS",
    "NOW",
    "YES",
    "NOTE",
    "AM",
    "PM",
    "MY",
    "ME",
    "BEFORE",
    "AFTER",
    "WHY",
    "HOW",
    "WHAT",
    "WHO",
    "WHEN",
    "ASAP",
    "URGENT",
    "IMPORTANT",
    "WARNING",
    "PLEASE",
    "STOP",
    "NEW",
    "OFFICIAL",
    "SENSITIVE",
    "RESTRICTED",
    "CONFIDENTIAL",
    "SECRET",
    "DRAFT",
    "FINAL",
    "TIME",
    "THIS",
    "THAT",
    "IT",
    "WILL",
];

fn is_ordinary(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| NOT_ACRONYMS.iter().copied().collect()).contains(word)
}

/// Titles before a name: a word in capitals after one is a surname (Mr SMITH).
const TITLES: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lady", "lord"];

fn is_roman_numeral(w: &str) -> bool {
    // Value by subtraction, then a round trip: only canonical numerals survive.
    const DIGITS: [(&str, u32); 13] = [
        ("M", 1000),
        ("CM", 900),
        ("D", 500),
        ("CD", 400),
        ("C", 100),
        ("XC", 90),
        ("L", 50),
        ("XL", 40),
        ("X", 10),
        ("IX", 9),
        ("V", 5),
        ("IV", 4),
        ("I", 1),
    ];
    if w.is_empty() || !w.bytes().all(|b| b"MDCLXVI".contains(&b)) {
        return false;
    }
    let mut rest = w;
    let mut last = u32::MAX;
    for (sym, val) in DIGITS {
        let mut repeats = 0;
        while rest.starts_with(sym) {
            if val > last || (repeats == 1 && sym.len() == 2) || repeats == 3 {
                return false;
            }
            rest = &rest[sym.len()..];
            repeats += 1;
        }
        if repeats > 0 {
            last = val;
        }
        if matches!(sym, "D" | "L" | "V") && repeats > 1 {
            return false;
        }
    }
    rest.is_empty()
}

/// The word without a possessive ending: "CRC’s" → "CRC", "ROs'" → "ROs".
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    word
}

/// The key shared by every spelling of an acronym (upper case, singular: "ROs" → "RO",
/// "RoSH" → "ROSH"), or `None` when the word is not an acronym by its form. Context
/// (headings, emphasis) is for [`scan`] to judge.
/// The first test of [`acronym_key`], on the document's bytes: a capital in the first two
/// letters. Nearly every word fails it, and it runs at every word.
#[inline]
fn may_be_acronym(doc: &Document, i: usize) -> bool {
    let w = doc.words[i].span;
    doc.text().as_bytes()[w.start..w.end.min(w.start + 2)].iter().any(u8::is_ascii_uppercase)
}

pub fn acronym_key(word: &str) -> Option<String> {
    // Every acronym, known or not, has a capital in its first two letters and two capitals in
    // all: most words end here, without a look-up.
    let b = word.as_bytes();
    if !b.iter().take(2).any(u8::is_ascii_uppercase) {
        return None;
    }
    let upper = word.bytes().filter(u8::is_ascii_uppercase).count();
    if upper < 2 {
        return None;
    }
    let word = strip_possessive(word);
    let lower = word.bytes().filter(u8::is_ascii_lowercase).count();
    // Known as spelt (NDelius, dPER, FTR48), or in capitals throughout (OASYS, ROSH).
    if let Some(e) = lookup(word) {
        if e.acronym == word || (lower == 0 && upper >= 2 && !is_roman_numeral(word)) {
            return Some(key_of(&e.acronym));
        }
    }
    if !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    if lower == 0 {
        return (!is_roman_numeral(word)).then(|| word.to_owned());
    }
    // A plural: ROs, LDUs, POMs.
    if let Some(stem) = word.strip_suffix('s') {
        if stem.bytes().all(|b| b.is_ascii_uppercase()) {
            return Some(lookup(stem).map_or_else(|| stem.to_owned(), |e| key_of(&e.acronym)));
        }
    }
    // Mixed case: RoSH, CiN, ViSOR, OMiC; not McAllister, WhatsApp, DeShawn, PowerPoint.
    let b = word.as_bytes();
    let adjacent_capitals = b.windows(2).any(|p| p[0].is_ascii_uppercase() && p[1].is_ascii_uppercase());
    let looks_like =
        b[0].is_ascii_uppercase() && upper >= lower && (adjacent_capitals || b[b.len() - 1].is_ascii_uppercase());
    looks_like.then(|| key_of(word))
}

/// Whether a word looks like an acronym on its own (see [`acronym_key`]).
pub fn is_acronym_token(word: &str) -> bool {
    acronym_key(word).is_some()
}

/// One use of an acronym in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcronymUse {
    /// The acronym as written, without a possessive ending: "ROs", "CRC", "A&E".
    pub span: Span,
    /// The words it covers (indexes into [`Document::words`]); two for "A&E".
    pub words: Range<usize>,
    /// Upper case and singular, shared by every spelling: "RO" for "ROs", "ROSH" for "RoSH".
    pub key: String,
    /// Written as a plural ("ROs").
    pub plural: bool,
    /// A heading uses it: headings are not where an acronym is expanded.
    pub in_heading: bool,
    /// It lies in the document's glossary section, which lists acronyms rather than uses them.
    pub in_glossary: bool,
    /// When this use is written with its full name, the full name's span.
    pub expansion: Option<Span>,
    /// The first use outside a glossary that gives this acronym in full, before or after this
    /// one (an index into the list [`scan`] returns).
    pub defined_at: Option<usize>,
}

impl AcronymUse {
    /// Whether the acronym is given in full here or earlier in the document.
    pub fn defined_by_here(&self, index: usize) -> bool {
        self.defined_at.is_some_and(|d| d <= index)
    }
}

/// Words of a heading that name a glossary section.
const GLOSSARY_HEADINGS: &[&str] = &["glossary", "abbreviations", "acronyms", "terms used", "key terms"];

/// Whether a short block names a glossary section ("Glossary", "Glossary of terms",
/// "Terms used", "Abbreviations"), even when written as a paragraph ("Glossary:").
pub fn is_glossary_heading(doc: &Document, block: usize) -> bool {
    let b = &doc.blocks[block];
    let words = doc.blocks[block].sentences.clone().map(|s| doc.sentences[s].token_count).sum::<usize>();
    if b.kind == BlockKind::ListItem || words > 6 {
        return false;
    }
    let text = &doc.lower()[b.span.start..b.span.end];
    GLOSSARY_HEADINGS.iter().any(|g| text.contains(g))
}

/// Every acronym use in the document, in order, with where each is defined: [`scan`], done
/// once per document however many rules ask.
pub fn uses<'d>(doc: &'d Document) -> &'d [AcronymUse] {
    doc.acronym_uses.get_or_init(|| scan(doc))
}

/// Every acronym use in the document, in order, with where each is defined.
pub fn scan(doc: &Document) -> Vec<AcronymUse> {
    let glossary = glossary_sections(doc);
    let mut cx = Context::default();
    let mut uses: Vec<AcronymUse> = Vec::new();
    let mut i = 0;
    while i < doc.words.len() {
        let (range, key) = match compound_at(doc, i) {
            Some(found) => found,
            None => match may_be_acronym(doc, i)
                .then(|| acronym_key(doc.word(i)))
                .flatten()
                .filter(|_| !skipped(doc, i, &mut cx))
            {
                Some(key) => (i..i + 1, key),
                None => {
                    i += 1;
                    continue;
                }
            },
        };
        let first = doc.words[range.start].span;
        let last = doc.words[range.end - 1].span;
        let written = strip_possessive(&doc.text()[first.start..last.end]);
        let span = Span::new(first.start, first.start + written.len());
        let plural = written.ends_with('s') && !key.ends_with('S');
        let block = doc.sentences[doc.words[i].sentence].block;
        let expansion = definition(doc, range.clone(), &key);
        uses.push(AcronymUse {
            span,
            words: range.clone(),
            key,
            plural,
            in_heading: doc.blocks[block].kind == BlockKind::Heading,
            in_glossary: glossary.iter().any(|g| g.contains(span)),
            expansion,
            defined_at: None,
        });
        i = range.end;
    }
    let mut first_definition: HashMap<&str, usize> = HashMap::new();
    for (n, u) in uses.iter().enumerate() {
        if u.expansion.is_some() && !u.in_glossary {
            first_definition.entry(u.key.as_str()).or_insert(n);
        }
    }
    let defined: Vec<Option<usize>> = uses.iter().map(|u| first_definition.get(u.key.as_str()).copied()).collect();
    for (u, d) in uses.iter_mut().zip(defined) {
        u.defined_at = d;
    }
    uses
}

/// "A&E", "C-NOMIS": two words joined by "&" or "-" that the dictionary knows as one acronym.
fn compound_at(doc: &Document, i: usize) -> Option<(Range<usize>, String)> {
    let next = i + 1;
    if next >= doc.words.len() || doc.words[next].sentence != doc.words[i].sentence {
        return None;
    }
    let (a, b) = (doc.words[i].span, doc.words[next].span);
    // A one-byte test first: this runs at every word.
    if b.start != a.end + 1 || !matches!(doc.prose().as_bytes()[a.end], b'&' | b'-') {
        return None;
    }
    if !doc.word(i).starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let whole = strip_possessive(&doc.text()[a.start..b.end]);
    let entry = lookup(whole)?;
    (entry.acronym == whole || !whole.bytes().any(|c| c.is_ascii_lowercase()))
        .then(|| (i..next + 1, key_of(&entry.acronym)))
}

/// A word in capitals throughout.
fn caps(doc: &Document, i: usize) -> bool {
    let w = doc.word(i);
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

/// What [`skipped`] has worked out about the sentence and the run of capitals it last
/// looked at, so that a sentence in capitals or a long run costs one pass, not one per word.
#[derive(Default)]
struct Context {
    /// The sentence, and whether it is in capitals throughout.
    shouting: Option<(usize, bool)>,
    /// The last run of consecutive words in capitals.
    run: std::ops::Range<usize>,
}

/// Whether word `i`, an acronym by its form, is not one because of where it stands. Asked
/// only of such words, so the common case (no capitals) costs nothing here.
fn skipped(doc: &Document, i: usize, cx: &mut Context) -> bool {
    let sentence = doc.words[i].sentence;
    let s = &doc.sentences[sentence];
    let words = s.words.clone();
    // An all-capital heading, or a sentence in capitals ("NOT KNOWN."): no acronyms.
    let capitals = match cx.shouting {
        Some((at, capitals)) if at == sentence => capitals,
        _ => {
            let capitals = !doc.slice(s.span).chars().any(char::is_lowercase);
            cx.shouting = Some((sentence, capitals));
            capitals
        }
    };
    let shouting = capitals
        && (doc.blocks[s.block].kind == BlockKind::Heading || words.len() >= 2)
        && !(words.len() == 1 && lookup(doc.word(i)).is_some());
    if shouting || is_ordinary(doc.word(i)) {
        return true;
    }
    // Runs of three or more words in capitals, or of two with an ordinary word among them
    // ("ON TIME"), are emphasis or a heading run into the text.
    if !cx.run.contains(&i) {
        let mut from = i;
        while from > words.start && caps(doc, from - 1) {
            from -= 1;
        }
        let mut to = i + 1;
        while to < words.end && caps(doc, to) {
            to += 1;
        }
        cx.run = from..to;
    }
    let run = cx.run.clone();
    if run.len() >= 3 || (run.len() == 2 && run.clone().any(|k| is_ordinary(doc.word(k)))) {
        return true;
    }
    // Mr SMITH, Ms JANE DOE: surnames in capitals.
    let title = |k: usize| k >= words.start && TITLES.contains(&doc.word_lower(k));
    i > words.start
        && lookup(doc.word(i)).is_none()
        && (title(i - 1) || (i > words.start + 1 && caps(doc, i - 1) && title(i - 2)))
}

/// The spans of glossary sections: from a glossary heading to the next heading that is not
/// itself a glossary entry (one holding an acronym), or the end of the document.
fn glossary_sections(doc: &Document) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (n, b) in doc.blocks.iter().enumerate() {
        if is_glossary_heading(doc, n) {
            if open.is_none() {
                open = Some(b.span.start);
            }
            continue;
        }
        if let (Some(start), BlockKind::Heading) = (open, b.kind) {
            let entry =
                b.sentences.clone().flat_map(|s| doc.sentences[s].words.clone()).any(|w| is_acronym_token(doc.word(w)));
            if !entry {
                out.push(Span::new(start, b.span.start));
                open = None;
            }
        }
    }
    if let Some(start) = open {
        out.push(Span::new(start, doc.text().len()));
    }
    out
}

/// Trims white space and quotation marks: `(“MAPPA”)` defines as well as `(MAPPA)`.
fn trim_marks(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || "\"'\u{201c}\u{201d}\u{2018}\u{2019}".contains(c))
}

/// The longest acronym whose definition is looked for.
const MAX_LETTERS: usize = 12;

/// The span of the full name given with the use, if it is a definition.
fn definition(doc: &Document, range: Range<usize>, key: &str) -> Option<Span> {
    let letters: Vec<char> = key.chars().filter(char::is_ascii_alphabetic).map(|c| c.to_ascii_lowercase()).collect();
    // Real acronyms are short; a cap keeps the look-back window small on any input.
    if !(2..=MAX_LETTERS).contains(&letters.len()) {
        return None;
    }
    let sentence = &doc.sentences[doc.words[range.start].sentence];
    let (first, last) = (range.start, range.end - 1);
    let limit = (letters.len() + 5).min(letters.len() * 2);
    let before = if first > sentence.words.start {
        doc.gap(doc.words[first - 1].span.end, doc.words[first].span.start)
    } else {
        ""
    };
    let after_end = doc
        .words
        .get(last + 1)
        .filter(|w| w.sentence == doc.words[last].sentence)
        .map_or(sentence.span.end, |w| w.span.start);
    let after = doc.gap(doc.words[last].span.end, after_end);
    // "Full Name (ACR)", or "Full Name, or ACR," with the full name before "or".
    let bracketed = trim_marks(before).ends_with('(') && trim_marks(after).starts_with(')');
    let or = !bracketed
        && first >= sentence.words.start + 3
        && doc.word_lower(first - 1) == "or"
        && doc.gap(doc.words[first - 2].span.end, doc.words[first - 1].span.start).trim() == ","
        && matches!(after.trim_start().chars().next(), Some(',' | ')' | ';' | '.') | None);
    if bracketed || or {
        let end = if or { first - 1 } else { first };
        let mut start = end;
        while start > sentence.words.start && end - start < limit {
            let gap = doc.gap(doc.words[start - 1].span.end, doc.words[start].span.start);
            if start < end && (gap.contains(['(', ')', ';', ':']) || (or && gap.contains(','))) {
                break;
            }
            start -= 1;
        }
        if let Some(from) = long_form_start(doc, start..end, &letters) {
            return Some(Span::new(doc.words[from].span.start, doc.words[end - 1].span.end));
        }
    }
    // "ACR (Full Name)".
    if trim_marks(after) == "(" || after.trim() == "(" {
        let mut end = last + 1;
        while end < sentence.words.end && end - last <= limit + 1 {
            let gap_after = doc.words.get(end + 1).map_or(sentence.span.end, |w| w.span.start);
            let gap = doc.gap(doc.words[end].span.end, gap_after.max(doc.words[end].span.end));
            end += 1;
            if gap.contains(')') {
                let words = last + 1..end;
                // The full name starts the brackets (perhaps after "the").
                return long_form_start(doc, words.clone(), &letters)
                    .filter(|&from| from <= words.start + 1)
                    .map(|from| Span::new(doc.words[from].span.start, doc.words[end - 1].span.end));
            }
            if gap.contains(['(', ';', ':']) {
                break;
            }
        }
    }
    None
}

/// Schwartz–Hearst: the first word of `window` from which the acronym's letters can be read
/// in order, its first letter starting a word and the rest matching anywhere, last letter
/// first; the long form must have at least two words.
fn long_form_start(doc: &Document, window: Range<usize>, letters: &[char]) -> Option<usize> {
    if window.len() < 2 {
        return None;
    }
    let mut li = letters.len();
    // Position: (word index, char offset within the word's lowered text), walking backwards.
    let mut w = window.end;
    let mut chars: Vec<char> = Vec::new();
    let mut pos = 0usize;
    while li > 0 {
        let want = letters[li - 1];
        loop {
            if pos == 0 {
                if w == window.start {
                    return None;
                }
                w -= 1;
                chars = doc.word_lower(w).chars().collect();
                pos = chars.len();
                continue;
            }
            pos -= 1;
            if chars[pos] == want && (li > 1 || pos == 0) {
                break;
            }
        }
        li -= 1;
    }
    (window.end - w >= 2).then_some(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    #[test]
    fn acronyms_by_form() {
        for w in [
            "MAPPA",
            "ROs",
            "LDUs",
            "OASys",
            "RoSH",
            "ROSH",
            "CiN",
            "OMiC",
            "ViSOR",
            "NDelius",
            "RoTL",
            "CRC\u{2019}s",
            "XYZ",
        ] {
            assert!(is_acronym_token(w), "{w}");
        }
        for w in [
            "McAllister",
            "WhatsApp",
            "MacDonald",
            "DeShawn",
            "PowerPoint",
            "IV",
            "XIV",
            "II",
            "A",
            "Ndelius",
            "O'Brien",
            "R6",
            "iPhone",
        ] {
            assert!(!is_acronym_token(w), "{w}");
        }
        assert_eq!(acronym_key("ROs").as_deref(), Some("RO"));
        assert_eq!(acronym_key("RoSH").as_deref(), Some("ROSH"));
    }

    #[test]
    fn roman_numerals() {
        for w in ["II", "IV", "XIV", "MCMXC", "CD", "DC", "XL"] {
            assert!(is_roman_numeral(w), "{w}");
        }
        for w in ["IIII", "VV", "IC", "CID", "MAPPA", "VX"] {
            assert!(!is_roman_numeral(w), "{w}");
        }
    }

    #[test]
    fn definitions_in_both_orders_and_loosely_matched() {
        let text = "The Offender Assessment System (OASys) was used. Risk of Serious Harm (ROSH) was high. \
                    IDVA (Independent Domestic Violence Advisor) staff helped. Multi-Agency Public Protection \
                    Arrangements (MAPPA) applied. The RO met him (on Monday).";
        let doc = Document::parse(text, Format::Plain);
        let found: Vec<(&str, Option<&str>)> =
            scan(&doc).into_iter().map(|u| (doc.slice(u.span), u.expansion.map(|s| doc.slice(s)))).collect();
        assert_eq!(
            found,
            vec![
                ("OASys", Some("Offender Assessment System")),
                ("ROSH", Some("Risk of Serious Harm")),
                ("IDVA", Some("Independent Domestic Violence Advisor")),
                ("MAPPA", Some("Multi-Agency Public Protection Arrangements")),
                ("RO", None),
            ]
        );
    }

    #[test]
    fn ambiguous_entries_keep_each_meaning_and_drop_notes() {
        let ap = lookup("AP").expect("AP is in the dictionary");
        assert!(ap.expansions.len() >= 2);
        let rosh = lookup("rosh").expect("RoSH is in the dictionary");
        assert_eq!(rosh.expansions.len(), 1, "{:?}", rosh.expansions);
        assert!(!rosh.expansions[0].expansion.contains('('));
    }
}

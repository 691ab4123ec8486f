//! Victim-sensitive wording: the lexicons of the `victim-blaming` and `minimising-language`
//! rules, the context conditions their entries carry, and the exemptions they share.
//!
//! A lexicon (`dictionaries/victim-blaming.txt`, `dictionaries/minimising-language.txt`) is a
//! list of groups; each group is one piece of public guidance (why the wording harms, what to
//! write instead, its source) with the patterns it covers and the conditions they need. The
//! conditions are data: `victim` (the clause's subject is the victim), `child` / `child-near`
//! / `adult` (a child or an adult is named in the sentence, or a child within a few words),
//! and any slot name (a member occurs in the sentence), combined with `,` (all), `|` (any) and
//! `!` (not). Two exemptions are code, because they hold for every entry: wording inside
//! double quotation marks (a quotation is someone else's words), and reported speech
//! attributed to the perpetrator ("he told police she had provoked him", "Mr X claimed …").
//!
//! Everything is parsed once, on first use.

use crate::diagnostic::Emitter;
use crate::dictionaries;
use crate::document::{Document, QuoteKind};
use crate::pattern::{PatternSet, Slot, Slots};
use crate::phrase::match_case;
use crate::span::Span;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// How far (in words) `child-near` looks either side of a match.
const NEAR: usize = 5;
/// How far back (in words) a clause's subject is looked for.
const SUBJECT_REACH: usize = 12;
/// How far (in words) back from a reporting verb its speaker is looked for.
const SPEAKER_REACH: usize = 4;

/// One piece of guidance: why some wording harms, what to write instead, and its source.
#[derive(Debug)]
pub struct Group {
    pub id: String,
    pub why: String,
    pub instead: String,
    pub source: String,
}

#[derive(Clone, Debug)]
enum Cond {
    Child,
    ChildNear,
    Adult,
    Victim,
    InSentence(Arc<Slot>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
}

#[derive(Debug)]
struct Entry {
    group: usize,
    replacement: Option<String>,
    when: Vec<Cond>,
}

/// A lexicon, compiled.
pub struct Lexicon {
    groups: Vec<Group>,
    patterns: PatternSet<Entry>,
}

/// Wording a lexicon found.
#[derive(Debug)]
pub struct Finding<'a> {
    pub span: Span,
    pub group: &'a Group,
    /// A direct replacement for `span`, where the guidance offers one.
    pub replacement: Option<&'a str>,
}

impl Finding<'_> {
    /// The message: the wording, why it harms and what to write instead.
    pub fn message(&self, doc: &Document) -> String {
        format!(
            "\u{201c}{}\u{201d} {}. {}.",
            doc.slice(self.span),
            self.group.why,
            self.group.instead.trim_end_matches('.')
        )
    }
}

/// The slots shared by both lexicons and the code's conditions.
pub fn slots() -> &'static Slots {
    static SLOTS: OnceLock<Slots> = OnceLock::new();
    // The file is compiled in and checked by the tests: a bad one is a bug.
    SLOTS.get_or_init(|| Slots::parse(dictionaries::SLOTS).unwrap_or_else(|e| panic!("dictionaries/slots.tsv: {e}")))
}

fn slot(name: &str) -> &'static Slot {
    slots().require(name).unwrap_or_else(|e| panic!("dictionaries/slots.tsv: {e}"))
}

impl Lexicon {
    /// Parses a lexicon file (format: the header of `dictionaries/victim-blaming.txt`).
    pub fn parse(text: &str) -> Result<Lexicon, String> {
        let slots = slots();
        let mut groups: Vec<Group> = Vec::new();
        let mut group_when: Vec<Cond> = Vec::new();
        let mut patterns = PatternSet::new();
        for (n, line) in text.lines().enumerate() {
            let at = |e: String| format!("line {}: {e}", n + 1);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(id) = line.trim().strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                groups.push(Group {
                    id: id.to_owned(),
                    why: String::new(),
                    instead: String::new(),
                    source: String::new(),
                });
                group_when.clear();
                continue;
            }
            let group = groups.last_mut().ok_or_else(|| at("pattern before the first [group]".into()))?;
            if let Some((key, value)) = line.split_once(" = ").filter(|(k, _)| !k.contains('\t')) {
                let value = value.trim().to_owned();
                match key.trim() {
                    "why" => group.why = value,
                    "instead" => group.instead = value,
                    "source" => group.source = value,
                    "when" => group_when = parse_conds(&value, slots).map_err(at)?,
                    other => return Err(at(format!("unknown key `{other}`"))),
                }
                continue;
            }
            let mut cols = line.split('\t').map(str::trim);
            let pattern = cols.next().unwrap_or_default();
            let replacement = cols.next().filter(|r| !r.is_empty()).map(str::to_owned);
            let mut when = group_when.clone();
            if let Some(extra) = cols.next().filter(|w| !w.is_empty()) {
                when.extend(parse_conds(extra, slots).map_err(at)?);
            }
            let entry = Entry { group: groups.len() - 1, replacement, when };
            patterns.insert(pattern, slots, entry).map_err(at)?;
        }
        if let Some(g) = groups.iter().find(|g| g.why.is_empty() || g.instead.is_empty() || g.source.is_empty()) {
            return Err(format!("[{}] needs why, instead and source", g.id));
        }
        Ok(Lexicon { groups, patterns })
    }

    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// Every finding, left to right and not overlapping. At each word the longest pattern
    /// whose conditions hold wins; quoted words and the perpetrator's reported words are
    /// left alone.
    pub fn find<'a>(&'a self, doc: &Document) -> Vec<Finding<'a>> {
        let mut out = Vec::new();
        let mut ctx = Context::default();
        let mut i = 0;
        while i < doc.words.len() {
            let hit = self.patterns.matches_at(doc, i).into_iter().find(|m| {
                let span = m.span(doc);
                m.value.when.iter().all(|c| ctx.holds(c, doc, &m.report))
                    && !quoted(doc, span)
                    && !ctx.exempt_name(doc, &m.words)
                    && !ctx.perpetrators_words(doc, &m.report)
            });
            match hit {
                Some(m) => {
                    out.push(Finding {
                        span: m.span(doc),
                        group: &self.groups[m.value.group],
                        replacement: m.value.replacement.as_deref(),
                    });
                    i = m.words.end.max(i + 1);
                }
                None => i += 1,
            }
        }
        out
    }
}

/// Reports a lexicon's findings: the message says why and what instead; a direct
/// replacement, where the guidance has one, is offered as an unsafe suggestion (the writer
/// must check that it fits the facts).
pub fn emit(lexicon: &Lexicon, doc: &Document, out: &mut Emitter) {
    for f in lexicon.find(doc) {
        let message = f.message(doc);
        let d = out.emit(f.span, message);
        if let Some(r) = f.replacement {
            d.replace(match_case(doc.slice(f.span), r), false);
        }
    }
}

fn parse_conds(text: &str, slots: &Slots) -> Result<Vec<Cond>, String> {
    text.split(',').map(str::trim).filter(|c| !c.is_empty()).map(|c| parse_any(c, slots)).collect()
}

fn parse_any(text: &str, slots: &Slots) -> Result<Cond, String> {
    let alts: Vec<Cond> = text.split('|').map(|a| parse_one(a.trim(), slots)).collect::<Result<_, _>>()?;
    Ok(if alts.len() == 1 { alts.into_iter().next().expect("one") } else { Cond::Any(alts) })
}

fn parse_one(name: &str, slots: &Slots) -> Result<Cond, String> {
    if let Some(inner) = name.strip_prefix('!') {
        return Ok(Cond::Not(Box::new(parse_one(inner, slots)?)));
    }
    Ok(match name {
        "child" => Cond::Child,
        "child-near" => Cond::ChildNear,
        "adult" => Cond::Adult,
        "victim" => Cond::Victim,
        _ => Cond::InSentence(slots.require(name).map_err(|e| format!("condition `{name}`: {e}"))?.clone()),
    })
}

fn quoted(doc: &Document, span: Span) -> bool {
    doc.quote_around(span).is_some_and(|q| q.kind == QuoteKind::Double)
}

/// Who a clause is about, as far as its subject words tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Victim,
    Perpetrator,
    Agency,
    Unknown,
}

/// What one word says about who the subject is: titles and pronouns (Ms, she → victim; Mr,
/// he → perpetrator), "his partner" / "her partner", the victim, institutions.
fn classify(doc: &Document, i: usize) -> Who {
    let end = doc.sentences[doc.words[i].sentence].words.end;
    let is = |name: &str| slot(name).match_at(doc, i, end).is_some();
    if is("partner-person") {
        let before = i.checked_sub(1).filter(|&p| doc.words[p].sentence == doc.words[i].sentence);
        return match before.map(|p| doc.word_lower(p)) {
            Some("her") => Who::Perpetrator,
            _ => Who::Victim,
        };
    }
    if is("victim-person") {
        Who::Victim
    } else if is("perpetrator-person") {
        Who::Perpetrator
    } else if is("agency") {
        Who::Agency
    } else {
        Who::Unknown
    }
}

/// The subject of the clause ending before word `i`: the nearest word that says who, looking
/// back no further than `floor`.
fn subject_before(doc: &Document, i: usize, floor: usize) -> Who {
    (floor..i).rev().take(SUBJECT_REACH).map(|k| classify(doc, k)).find(|w| *w != Who::Unknown).unwrap_or(Who::Unknown)
}

/// Who speaks with reporting verb `i`: its subject stands right before it, within the same
/// clause ("Mr Ives told", "he later claimed", "the service user said").
fn speaker(doc: &Document, i: usize, floor: usize) -> Option<(usize, Who)> {
    let mut k = i;
    while k > floor && i - k < SPEAKER_REACH {
        k -= 1;
        match classify(doc, k) {
            Who::Unknown if joined_to_next(doc, k) => {}
            Who::Unknown => break,
            who => return Some((k, who)),
        }
    }
    None
}

/// Whether only white space separates word `k` from word `k + 1`.
fn joined_to_next(doc: &Document, k: usize) -> bool {
    k + 1 < doc.words.len() && doc.joined(k + 1)
}

/// Per-document caches of sentence-wide facts.
#[derive(Default)]
struct Context {
    in_sentence: HashMap<(usize, *const Slot), bool>,
    child: HashMap<usize, Vec<usize>>,
    adult: HashMap<usize, bool>,
    /// Per sentence, the perpetrator's reporting verbs and where their speakers stand.
    speeches: HashMap<usize, Vec<(usize, usize)>>,
}

impl Context {
    fn holds(&mut self, cond: &Cond, doc: &Document, report: &Range<usize>) -> bool {
        let s = doc.words[report.start].sentence;
        let sentence = doc.sentences[s].words.clone();
        match cond {
            Cond::Child => !self.children(doc, s).is_empty(),
            Cond::ChildNear => {
                let lo = report.start.saturating_sub(NEAR);
                let hi = report.end + NEAR;
                self.children(doc, s).iter().any(|&c| (lo..hi).contains(&c))
            }
            Cond::Adult => *self.adult.entry(s).or_insert_with(|| adult_in(doc, sentence)),
            Cond::Victim => subject_before(doc, report.start, sentence.start) == Who::Victim,
            Cond::InSentence(slot) => {
                *self.in_sentence.entry((s, Arc::as_ptr(slot))).or_insert_with(|| slot.occurs_in(doc, sentence))
            }
            Cond::Any(alts) => alts.iter().any(|c| self.holds(c, doc, report)),
            Cond::Not(c) => !self.holds(c, doc, report),
        }
    }

    fn children(&mut self, doc: &Document, s: usize) -> &[usize] {
        self.child.entry(s).or_insert_with(|| children_in(doc, doc.sentences[s].words.clone()))
    }

    /// Whether the match lies on an offence name or an official term ("sexual activity with
    /// a child" is an offence, not a description).
    fn exempt_name(&mut self, doc: &Document, words: &Range<usize>) -> bool {
        let s = doc.words[words.start].sentence;
        let sentence = doc.sentences[s].words.clone();
        let exempt = slot("exempt");
        let from = words.start.saturating_sub(8).max(sentence.start);
        (from..words.end).any(|k| exempt.match_at(doc, k, sentence.end).is_some_and(|e| e > words.start))
    }

    /// Whether the words are the perpetrator's, reported: "he told police (that) …",
    /// "Mr X claimed …", "…, he said", "according to him …".
    fn perpetrators_words(&mut self, doc: &Document, report: &Range<usize>) -> bool {
        let s = doc.words[report.start].sentence;
        let sentence = doc.sentences[s].words.clone();
        let account = slot("perpetrator-account");
        if *self
            .in_sentence
            .entry((s, account as *const Slot))
            .or_insert_with(|| account.occurs_in(doc, sentence.clone()))
        {
            return true;
        }
        let speeches = self.speeches.entry(s).or_insert_with(|| perpetrator_speech(doc, sentence));
        // A verb after the words needs its speaker after them too ("…, he said").
        speeches.iter().any(|&(verb, who)| verb < report.start || (verb >= report.end && who >= report.end))
    }
}

/// Reporting verbs in a sentence whose speaker is the perpetrator: (verb, speaker) positions.
fn perpetrator_speech(doc: &Document, sentence: Range<usize>) -> Vec<(usize, usize)> {
    let reporting = slot("reporting");
    sentence
        .clone()
        .filter(|&k| reporting.match_at(doc, k, sentence.end).is_some())
        .filter_map(|k| {
            speaker(doc, k, sentence.start).filter(|&(_, who)| who == Who::Perpetrator).map(|(at, _)| (k, at))
        })
        .collect()
}

/// An age given at word `i` ("14-year-old", "aged 14", "14 years old", "Mr Fox, 34,",
/// "who was 15.", "at 13."), if any.
fn age_at(doc: &Document, i: usize, end: usize) -> Option<u32> {
    let word = doc.word_lower(i);
    if word.len() > 3 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = word.parse().ok()?;
    let lower = |k: usize| (k < end).then(|| doc.word_lower(k));
    let prev = i.checked_sub(1).filter(|&p| p >= doc.sentences[doc.words[i].sentence].words.start);
    let gap_before = prev.map(|p| doc.gap(doc.words[p].span.end, doc.words[i].span.start));
    let gap_after = (i + 1 < end).then(|| doc.gap(doc.words[i].span.end, doc.words[i + 1].span.start));
    let clause_end_after = gap_after.is_none_or(|g| !g.trim().is_empty() && g.trim() != "-");
    let years_old = matches!(lower(i + 1), Some("year" | "years" | "yr" | "yrs")) && lower(i + 2) == Some("old");
    let prev_word = prev.map(|p| doc.word_lower(p));
    let after_aged = matches!(prev_word, Some("aged" | "age" | "ages"));
    let between_commas =
        gap_before.is_some_and(|g| g.contains(',')) && gap_after.is_some_and(|g| g.contains([',', ')']));
    let stated = matches!(prev_word, Some("was" | "is" | "at")) && clause_end_after;
    (years_old || after_aged || between_commas || stated).then_some(n)
}

/// Words naming a child in the sentence: child words used for a person (not "child
/// protection", not "harm to children"), "Child B", and ages under 18.
fn children_in(doc: &Document, sentence: Range<usize>) -> Vec<usize> {
    let (child, compound, not_before) = (slot("child"), slot("child-compound"), slot("not-a-child-before"));
    let mut out = Vec::new();
    for i in sentence.clone() {
        if age_at(doc, i, sentence.end).is_some_and(|a| a < 18) {
            out.push(i);
            continue;
        }
        let lower = doc.word_lower(i);
        let base = lower.trim_end_matches("'s").trim_end_matches("\u{2019}s");
        let is_child = child.has_word(base) || child.match_at(doc, i, sentence.end).is_some();
        if !is_child {
            continue;
        }
        let modifier = i + 1 < sentence.end && compound.match_at(doc, i + 1, sentence.end).is_some();
        // "Child B": a child named by a letter or name.
        let named = doc.word(i).starts_with(char::is_uppercase)
            && i + 1 < sentence.end
            && doc.word(i + 1).starts_with(char::is_uppercase);
        let someone_elses = i > sentence.start && not_before.has_word(doc.word_lower(i - 1));
        if named || (!modifier && !someone_elses) {
            out.push(i);
        }
    }
    out
}

fn adult_in(doc: &Document, sentence: Range<usize>) -> bool {
    let adult = slot("adult");
    sentence.clone().any(|i| {
        adult.match_at(doc, i, sentence.end).is_some() || age_at(doc, i, sentence.end).is_some_and(|a| a >= 18)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    #[test]
    fn lexicons_parse() {
        for (name, text) in [
            ("victim-blaming", dictionaries::VICTIM_BLAMING),
            ("minimising-language", dictionaries::MINIMISING_LANGUAGE),
        ] {
            let lex = Lexicon::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(lex.groups().len() > 3, "{name}");
        }
    }

    #[test]
    fn ages_and_children() {
        let doc = Document::parse(
            "Mr Fox, 34, met a 15-year-old girl. It was a risk to children, aged 14. She was 15.",
            Format::Plain,
        );
        let s0 = doc.sentences[0].words.clone();
        let kids: Vec<&str> = children_in(&doc, s0.clone()).into_iter().map(|i| doc.word(i)).collect();
        assert_eq!(kids, ["15", "girl"]);
        assert!(adult_in(&doc, s0));
        let kids: Vec<&str> =
            children_in(&doc, doc.sentences[1].words.clone()).into_iter().map(|i| doc.word(i)).collect();
        assert_eq!(kids, ["14"]);
        assert_eq!(children_in(&doc, doc.sentences[2].words.clone()).len(), 1);
    }

    #[test]
    fn subjects() {
        let doc = Document::parse(
            "In May Ms Grant then allowed him back. The hostel allowed him back. His partner let him in.",
            Format::Plain,
        );
        let at = |w: &str| {
            doc.words.iter().enumerate().filter(|(_, x)| doc.slice(x.span) == w).map(|(i, _)| i).collect::<Vec<_>>()
        };
        let allowed = at("allowed");
        assert_eq!(subject_before(&doc, allowed[0], 0), Who::Victim);
        assert_eq!(subject_before(&doc, allowed[1], doc.sentences[1].words.start), Who::Agency);
        assert_eq!(subject_before(&doc, at("let")[0], doc.sentences[2].words.start), Who::Victim);
    }
}

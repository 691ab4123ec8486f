//! Victim-sensitive wording: the lexicons of the `victim-blaming` and `minimising-language`
//! rules, the context conditions their entries carry, and the exemptions they share.
//!
//! A lexicon (`dictionaries/victim-blaming.txt`, `dictionaries/minimising-language.txt`) is a
//! list of groups; each group is one piece of public guidance (why the wording harms, what to
//! write instead, its source) with the patterns it covers and the conditions they need. The
//! conditions are data: `victim` (the clause's subject is the victim), `child` / `child-near`
//! / `adult` (a child or an adult is named in the sentence, or a child within a few words or
//! as the clause's subject),
//! and any slot name (a member occurs in the sentence), combined with `,` (all), `|` (any) and
//! `!` (not). Two exemptions are code, because they hold for every entry: wording inside
//! double quotation marks (a quotation is someone else's words), and reported speech
//! attributed to the perpetrator ("he told police she had provoked him", "Mr X claimed …"),
//! up to the end of the reported clause.
//!
//! Who is the victim is read from the document, not assumed: by default a woman ("Ms", "she")
//! is the victim and a man ("Mr", "he") the perpetrator, but where the document shows who
//! harmed whom ("Ms Lewis stabbed him", "he was assaulted by Ms Carr", "Mr Rudd strangled
//! Mr Bell") the people named and, where the sexes are the other way round, the pronouns and
//! titles take those roles.
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
/// How far (in words) back from a match `child-near` looks for the clause's subject.
const CHILD_SUBJECT_REACH: usize = 20;
/// How far (in words) back from a harming verb its doer is looked for.
const DOER_REACH: usize = 4;

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

impl Who {
    fn swapped(self) -> Who {
        match self {
            Who::Victim => Who::Perpetrator,
            Who::Perpetrator => Who::Victim,
            other => other,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sex {
    Female,
    Male,
}

/// A person a word names: their sex where the word says it, and the surname after a title.
#[derive(Clone, Copy, Debug, Default)]
struct Person {
    sex: Option<Sex>,
    /// The word index of a surname ("Lewis" in "Ms Lewis").
    name: Option<usize>,
}

/// Who the document shows harming whom.
#[derive(Debug, Default)]
pub(crate) struct Roles {
    /// Surnames (lower case) of the people shown harming (perpetrator) or harmed (victim);
    /// a name seen in both roles is left out.
    names: HashMap<String, Who>,
    /// The document shows women harming men more often than men harming women: the default
    /// reading of titles and pronouns (Ms, she → victim) is the wrong way round.
    swapped: bool,
}

impl Roles {
    /// One pass over the document: every harming verb ("stabbed", "assaulted") with a doer
    /// and a person harmed that the words around it name.
    fn of(doc: &Document) -> Roles {
        let act = slot("harm-act");
        let mut names: HashMap<String, Option<Who>> = HashMap::new();
        let (mut women, mut men) = (0usize, 0usize);
        for (k, w) in doc.words.iter().enumerate() {
            if !act.has_key(w.key) {
                continue;
            }
            let sentence = doc.sentences[w.sentence].words.clone();
            let passive = k > sentence.start
                && doc.joined(k)
                && matches!(doc.word_lower(k - 1), "was" | "were" | "been" | "being" | "is" | "are" | "got" | "get");
            let before = doer_before(doc, k, sentence.start);
            let (doer, harmed) = if passive {
                let by = k + 2 < sentence.end && doc.joined(k + 1) && doc.word_lower(k + 1) == "by";
                (if by { person_at(doc, k + 2, sentence.end) } else { None }, before)
            } else {
                let after = (k + 1 < sentence.end && doc.joined(k + 1)).then(|| person_at(doc, k + 1, sentence.end));
                (before, after.flatten())
            };
            let (Some(doer), Some(harmed)) = (doer, harmed) else { continue };
            match (doer.sex, harmed.sex) {
                (Some(Sex::Female), Some(Sex::Male)) => women += 1,
                (Some(Sex::Male), Some(Sex::Female)) => men += 1,
                _ => {}
            }
            for (p, role) in [(doer, Who::Perpetrator), (harmed, Who::Victim)] {
                if let Some(n) = p.name {
                    let seen = names.entry(doc.word_lower(n).to_owned()).or_insert(Some(role));
                    if *seen != Some(role) {
                        *seen = None;
                    }
                }
            }
        }
        Roles { names: names.into_iter().filter_map(|(n, r)| r.map(|r| (n, r))).collect(), swapped: women > men }
    }
}

fn is_title(word: &str) -> Option<Sex> {
    match word {
        "ms" | "mrs" | "miss" => Some(Sex::Female),
        "mr" => Some(Sex::Male),
        _ => None,
    }
}

/// The person word `i` names, if it names one by a title, a surname after a title or a
/// pronoun: "Ms Lewis", "Lewis" (after "Ms"), "she", "him", "his".
fn person_at(doc: &Document, i: usize, end: usize) -> Option<Person> {
    let word = doc.word_lower(i);
    if let Some(sex) = is_title(word) {
        let name =
            (i + 1 < end && doc.joined(i + 1) && doc.word(i + 1).starts_with(char::is_uppercase)).then_some(i + 1);
        return Some(Person { sex: Some(sex), name });
    }
    let start = doc.sentences[doc.words[i].sentence].words.start;
    if i > start && doc.joined(i) && doc.word(i).starts_with(char::is_uppercase) {
        if let Some(sex) = is_title(doc.word_lower(i - 1)) {
            return Some(Person { sex: Some(sex), name: Some(i) });
        }
    }
    let sex = match word {
        "she" | "her" | "herself" => Sex::Female,
        "he" | "him" | "his" | "himself" => Sex::Male,
        _ => return None,
    };
    Some(Person { sex: Some(sex), name: None })
}

/// The doer of the verb at `k`: the nearest person named just before it in its clause
/// ("Ms Reeves had broken", "she then stabbed").
fn doer_before(doc: &Document, k: usize, floor: usize) -> Option<Person> {
    let mut j = k;
    while j > floor && k - j < DOER_REACH {
        if !doc.joined(j) {
            return None;
        }
        j -= 1;
        if let Some(p) = person_at(doc, j, k) {
            return Some(p);
        }
    }
    None
}

/// Sex-specific words for a person: the ones whose role turns round when the document shows
/// a woman harming a man.
const GENDERED: &[&str] = &[
    "she",
    "he",
    "ms",
    "mrs",
    "miss",
    "mr",
    "wife",
    "ex-wife",
    "husband",
    "ex-husband",
    "girlfriend",
    "ex-girlfriend",
    "boyfriend",
    "ex-boyfriend",
    "fiancee",
    "fiancée",
];

/// What one word says about who the subject is: the people the document shows harming or
/// harmed, by name; titles and pronouns (Ms, she → victim; Mr, he → perpetrator, or the other
/// way round where the document shows a woman harming a man), "his partner" / "her partner",
/// the victim, institutions.
fn classify(doc: &Document, i: usize, roles: &Roles) -> Who {
    let end = doc.sentences[doc.words[i].sentence].words.end;
    if !roles.names.is_empty() {
        if let Some(who) = person_at(doc, i, end).and_then(|p| p.name).and_then(|n| roles.names.get(doc.word_lower(n)))
        {
            return *who;
        }
    }
    let turn = |who: Who| if roles.swapped { who.swapped() } else { who };
    let is = |name: &str| slot(name).match_at(doc, i, end).is_some();
    if is("partner-person") {
        let before = i.checked_sub(1).filter(|&p| doc.words[p].sentence == doc.words[i].sentence);
        return turn(match before.map(|p| doc.word_lower(p)) {
            Some("her") => Who::Perpetrator,
            _ => Who::Victim,
        });
    }
    let who = if is("victim-person") {
        Who::Victim
    } else if is("perpetrator-person") {
        Who::Perpetrator
    } else if is("agency") {
        Who::Agency
    } else {
        Who::Unknown
    };
    if GENDERED.contains(&doc.word_lower(i)) {
        turn(who)
    } else {
        who
    }
}

/// The subject of the clause ending before word `i`: the nearest word that says who, looking
/// back no further than `floor`.
fn subject_before(doc: &Document, i: usize, floor: usize, roles: &Roles) -> Who {
    (floor..i)
        .rev()
        .take(SUBJECT_REACH)
        .map(|k| classify(doc, k, roles))
        .find(|w| *w != Who::Unknown)
        .unwrap_or(Who::Unknown)
}

/// Who speaks with reporting verb `i`: its subject stands right before it, within the same
/// clause ("Mr Ives told", "he later claimed", "the service user said").
fn speaker(doc: &Document, i: usize, floor: usize, roles: &Roles) -> Option<(usize, Who)> {
    let mut k = i;
    while k > floor && i - k < SPEAKER_REACH {
        k -= 1;
        match classify(doc, k, roles) {
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

/// Who the document shows harming whom: found once per document, on first use, and shared by
/// both lexicons.
fn roles<'d>(doc: &'d Document) -> &'d Roles {
    doc.harm_roles.get_or_init(|| Roles::of(doc))
}

/// Per-document caches of sentence-wide facts.
#[derive(Default)]
struct Context {
    /// Per sentence, the words that begin a new clause ("…; she", "…, and Ms Jay").
    breaks: HashMap<usize, Vec<usize>>,
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
                if self.children(doc, s).iter().any(|&c| (lo..hi).contains(&c)) {
                    return true;
                }
                // The clause's subject is a child, however long the words between: "Child D,
                // who was then 14 and in year 9 at the academy, was in a relationship with …".
                let (children, roles) = (&self.child[&s], roles(doc));
                let adult = slot("adult");
                for k in (sentence.start..report.start).rev().take(CHILD_SUBJECT_REACH) {
                    // In word order, so a binary search: a long sentence costs no more per match.
                    if children.binary_search(&k).is_ok() {
                        return true;
                    }
                    let grown = adult.match_at(doc, k, sentence.end).is_some()
                        || age_at(doc, k, sentence.end).is_some_and(|a| a >= 18);
                    if grown || matches!(classify(doc, k, roles), Who::Victim | Who::Perpetrator) {
                        return false;
                    }
                }
                false
            }
            Cond::Adult => *self.adult.entry(s).or_insert_with(|| adult_in(doc, sentence)),
            Cond::Victim => subject_before(doc, report.start, sentence.start, roles(doc)) == Who::Victim,
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
        let speeches = self.speeches.entry(s).or_insert_with(|| perpetrator_speech(doc, sentence.clone(), roles(doc)));
        let breaks = self.breaks.entry(s).or_insert_with(|| clause_breaks(doc, sentence));
        // What he reported runs to the end of its clause: "Mr Dale claimed that she had provoked
        // him, and Ms Jay chose to stay" leaves the second clause to the writer.
        let reported = |verb: usize| {
            let after = breaks.partition_point(|&b| b <= verb);
            breaks.get(after).is_none_or(|&b| b > report.start)
        };
        // A verb after the words needs its speaker after them too ("…, he said").
        speeches
            .iter()
            .any(|&(verb, who)| (verb < report.start && reported(verb)) || (verb >= report.end && who >= report.end))
    }
}

/// Reporting verbs in a sentence whose speaker is the perpetrator: (verb, speaker) positions.
fn perpetrator_speech(doc: &Document, sentence: Range<usize>, roles: &Roles) -> Vec<(usize, usize)> {
    let reporting = slot("reporting");
    sentence
        .clone()
        .filter(|&k| reporting.match_at(doc, k, sentence.end).is_some())
        .filter_map(|k| {
            speaker(doc, k, sentence.start, roles).filter(|&(_, who)| who == Who::Perpetrator).map(|(at, _)| (k, at))
        })
        .collect()
}

/// Words that begin a new clause within a sentence, in order: after a semicolon or a dash, or
/// a conjunction after a comma ("…, and Ms Jay chose …"; not "…, and that she …", which goes
/// on reporting).
fn clause_breaks(doc: &Document, sentence: Range<usize>) -> Vec<usize> {
    (sentence.start + 1..sentence.end)
        .filter(|&k| {
            let gap = doc.gap(doc.words[k - 1].span.end, doc.words[k].span.start);
            if gap.contains([';', '\u{2014}', '\u{2013}']) {
                return true;
            }
            gap.contains(',')
                && matches!(
                    doc.word_lower(k),
                    "and" | "but" | "yet" | "so" | "although" | "though" | "while" | "whereas"
                )
                && (k + 1 >= sentence.end || doc.word_lower(k + 1) != "that")
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
    let stated = matches!(prev_word, Some("was" | "is" | "at" | "then" | "now")) && clause_end_after;
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
        let roles = Roles::of(&doc);
        assert_eq!(subject_before(&doc, allowed[0], 0, &roles), Who::Victim);
        assert_eq!(subject_before(&doc, allowed[1], doc.sentences[1].words.start, &roles), Who::Agency);
        assert_eq!(subject_before(&doc, at("let")[0], doc.sentences[2].words.start, &roles), Who::Victim);
    }
}

//! `passive-voice`: be or get, perhaps with adverbs or "not" between, then a past participle.
//!
//! "was assessed", "were not completed", "had been referred", "is being managed", "should
//! have been made", "got arrested". A word is a participle when `dictionaries/participles.txt`
//! (generated from WordNet and hunspell en-GB by `tools/gen-participles.py`, irregular forms
//! included) lists it, which is safer than guessing from "-ed". States and feelings are not
//! the target: `dictionaries/stative-participles.txt` names them ("was concerned", "is based
//! in", "was married"). A following "about" is no sign of a state: "was told about" is a
//! passive. "had referred" has no "be" and is active.
//!
//! The span runs from the first word of the verb group (a modal or "have" before "be", so
//! "should have been made") to the participle. When "by …" names who acted, the message
//! rewrites the verb group actively: "was seen by the duty officer" → "the duty officer saw".

use super::Rule;
use crate::diagnostic::Emitter;
use crate::dictionaries;
use crate::document::Document;
use crate::inflect;
use crate::key::{key, KeySet};
use crate::phrase::normalize;
use crate::span::Span;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

struct PassiveVoice;

pub fn build(table: &toml::Table) -> Result<Box<dyn Rule>, String> {
    super::no_options(table)?;
    Ok(Box::new(PassiveVoice))
}

/// By word key: the lexicon has thousands of entries, and keys build it without an
/// allocation each (start-up time) and match it with one integer probe.
fn participles() -> &'static KeySet {
    static SET: OnceLock<KeySet> = OnceLock::new();
    SET.get_or_init(|| dictionaries::lines(dictionaries::PARTICIPLES).map(key).collect())
}

fn stative() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| dictionaries::lines(dictionaries::STATIVE_PARTICIPLES).map(str::to_owned).collect())
}

/// Irregular participle → (base, past): "seen" → ("see", "saw").
fn irregular() -> &'static HashMap<String, (String, String)> {
    static MAP: OnceLock<HashMap<String, (String, String)>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for r in dictionaries::rows(dictionaries::IRREGULAR_VERBS).filter(|r| r.len() >= 3) {
            let past = r[1].split('|').next().unwrap_or(r[1]).trim().to_owned();
            for p in r[2].split('|') {
                // The first verb listed keeps a shared form: "found" is find's, not found's.
                map.entry(p.trim().to_owned()).or_insert_with(|| (r[0].to_owned(), past.clone()));
            }
        }
        map
    })
}

const BE: &[&str] = &["am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't"];
const GET: &[&str] = &["get", "gets", "got", "getting", "gotten"];
const MODALS: &[&str] = &[
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "won't",
    "wouldn't",
    "shouldn't",
    "can't",
    "cannot",
    "couldn't",
    "mustn't",
];
const HAVE: &[&str] = &["has", "have", "had", "having", "hasn't", "haven't", "hadn't"];
/// Words that may stand between the auxiliary and the participle.
const ADVERBS: &[&str] = &[
    "not",
    "never",
    // "was neither countersigned nor reviewed", "was either lost or destroyed".
    "neither",
    "either",
    "also",
    "still",
    "then",
    "later",
    "already",
    "always",
    "often",
    "sometimes",
    "just",
    "only",
    "ever",
    "soon",
    "again",
    "now",
    "even",
    "all",
    "both",
    "each",
    "well",
    "badly",
    "since",
    "once",
    "twice",
    "first",
    "further",
    "rarely",
    "seldom",
    "subsequently",
    "previously",
    "repeatedly",
    "eventually",
    "finally",
    "quickly",
    "immediately",
    "recently",
    "properly",
    "fully",
    "partly",
    "jointly",
    "rightly",
    "wrongly",
    "however",
    "therefore",
    "thus",
];
/// Words ending in "-ly" that are not adverbs.
const NOT_ADVERBS: &[&str] = &[
    "family", "early", "likely", "unlikely", "friendly", "lonely", "elderly", "supply", "apply", "reply", "rely",
    "ally", "bully", "rally", "fly", "holy", "ugly", "silly", "italy", "july",
];
/// Before "to", forms that describe a state of mind: "was prepared to talk", "is used to
/// living alone" (but "the knife was used to threaten her" is a passive: see [`adjectival_to`]).
const BEFORE_TO: &[&str] = &["prepared", "determined", "used"];
/// After get, forms that are idioms or states rather than passives: "got rid of", "got lost".
const GET_IDIOMS: &[&str] = &["rid", "used", "dressed", "lost", "started", "changed", "going"];

fn is_adverb(w: &str) -> bool {
    ADVERBS.contains(&w) || (w.len() > 4 && w.ends_with("ly") && !NOT_ADVERBS.contains(&w))
}

/// A word, lower-cased with straight apostrophes.
fn lower<'d>(doc: &'d Document, i: usize) -> Cow<'d, str> {
    normalize(doc.word_lower(i))
}

impl Rule for PassiveVoice {
    fn check(&self, doc: &Document, out: &mut Emitter) {
        for s in 0..doc.sentences.len() {
            let words = doc.sentences[s].words.clone();
            let mut i = words.start;
            while i < words.end {
                match passive_at(doc, i, words.end) {
                    Some(p) => {
                        report(doc, words.start, &p, out);
                        i = p.participle + 1;
                    }
                    None => i += 1,
                }
            }
        }
    }
}

/// A passive found at an auxiliary.
struct Passive {
    /// The be or get form.
    aux: usize,
    participle: usize,
}

/// Whether only white space separates words `a` and `a + 1`.
fn joined(doc: &Document, a: usize) -> bool {
    doc.joined(a + 1)
}

fn passive_at(doc: &Document, i: usize, end: usize) -> Option<Passive> {
    // Every be or get form starts with one of these letters: most words stop here.
    if !matches!(doc.word_lower(i).as_bytes().first(), Some(b'a' | b'b' | b'g' | b'i' | b'w')) {
        return None;
    }
    let aux = lower(doc, i);
    let get = GET.contains(&&*aux);
    if !get && !BE.contains(&&*aux) {
        return None;
    }
    // Up to three adverbs or "not" between; commas may set adverbs off ("was, however, seen").
    let mut j = i + 1;
    while j < end && j - i <= 3 && is_adverb(&lower(doc, j)) {
        j += 1;
    }
    if j >= end {
        return None;
    }
    let gaps_ok = (i..j).all(|k| {
        joined(doc, k) || (j > i + 1 && doc.gap(doc.words[k].span.end, doc.words[k + 1].span.start).trim() == ",")
    });
    let word = lower(doc, j);
    if !gaps_ok || !participles().contains(&doc.words[j].key) || stative().contains(&*word) {
        return None;
    }
    // A capital mid-sentence is a name ("was Read"), not a participle.
    if doc.word(j).starts_with(char::is_uppercase) {
        return None;
    }
    if get && GET_IDIOMS.contains(&&*word) {
        return None;
    }
    if adjectival_to(doc, j, end) || made_up_of(doc, j, end) {
        return None;
    }
    Some(Passive { aux: i, participle: j })
}

/// "the team is made up of six officers": what a thing consists of, not an action.
fn made_up_of(doc: &Document, j: usize, end: usize) -> bool {
    j + 2 < end && lower(doc, j) == "made" && lower(doc, j + 1) == "up" && lower(doc, j + 2) == "of"
}

/// "prepared to talk", "determined to leave", "used to living": an adjective before "to".
/// "used to" is one only before a gerund or a noun phrase, not before a verb.
fn adjectival_to(doc: &Document, j: usize, end: usize) -> bool {
    let word = lower(doc, j);
    if !BEFORE_TO.contains(&&*word) || j + 2 >= end || !joined(doc, j) || lower(doc, j + 1) != "to" {
        return false;
    }
    if word != "used" {
        return true;
    }
    let next = lower(doc, j + 2);
    next.ends_with("ing") || DETERMINERS.contains(&&*next) || matches!(&*next, "it" | "him" | "them")
}

/// Where the verb group starts: modals, "have" and "not" before the be form.
fn group_start(doc: &Document, sentence_start: usize, aux: usize) -> usize {
    let mut k = aux;
    while k > sentence_start && aux - k < 4 && joined(doc, k - 1) {
        let w = lower(doc, k - 1);
        if MODALS.contains(&&*w) || HAVE.contains(&&*w) || BE.contains(&&*w) || w == "not" {
            k -= 1;
        } else {
            break;
        }
    }
    k
}

fn report(doc: &Document, sentence_start: usize, p: &Passive, out: &mut Emitter) {
    let start = group_start(doc, sentence_start, p.aux);
    let span = Span::new(doc.words[start].span.start, doc.words[p.participle].span.end);
    let shown = doc.slice(span).split_whitespace().collect::<Vec<_>>().join(" ");
    let end = doc.sentences[doc.words[p.aux].sentence].words.end;
    let message = match agent(doc, p.participle, end) {
        Some(agent) => {
            let group: Vec<String> = (start..=p.participle).map(|k| lower(doc, k).into_owned()).collect();
            match active(&group, &agent) {
                Some(rewrite) => format!(
                    "Passive voice: \u{201c}{shown} by {agent}\u{201d}. Write it actively, with who acted first: \u{201c}{} \u{2026}\u{201d}",
                    rewrite
                ),
                None => format!(
                    "Passive voice: \u{201c}{shown} by {agent}\u{201d}. Write it actively, with \u{201c}{agent}\u{201d} as the subject"
                ),
            }
        }
        None => format!(
            "Passive voice: \u{201c}{shown}\u{201d} does not say who acted; name them and make them the subject"
        ),
    };
    out.emit(span, message);
}

/// Words that end an agent phrase.
const AGENT_STOP: &[&str] = &[
    "on", "in", "at", "for", "with", "without", "after", "before", "during", "because", "and", "but", "when", "while",
    "who", "which", "that", "to", "from", "until", "since", "as", "if", "than", "by", "of", "about", "was", "were",
    "is", "are", "had", "has", "did", "or", "into", "under", "over",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "this", "that", "these", "those", "each",
    "every", "another", "both",
];
/// Heads that make "by" a deadline or a means, not an agent: "by the end of May", "by phone".
const NOT_AGENTS: &[&str] = &[
    "end",
    "time",
    "way",
    "date",
    "deadline",
    "then",
    "now",
    "phone",
    "telephone",
    "email",
    "letter",
    "post",
    "mistake",
    "law",
    "chance",
    "accident",
    "far",
    "hand",
    "default",
    "text",
    "video",
];
const CALENDAR: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "tomorrow",
    "tonight",
    "noon",
    "midnight",
];

/// How far after the participle "by" may stand: "was shared with the police by the officer".
const AGENT_REACH: usize = 5;

/// The agent in "… by the duty officer", as written, with object pronouns made subjects.
fn agent(doc: &Document, participle: usize, end: usize) -> Option<String> {
    // "by" in the same clause: no punctuation between, no second verb group.
    let mut by = participle + 1;
    while by < end && by - participle <= AGENT_REACH && joined(doc, by - 1) {
        let w = lower(doc, by);
        if w == "by" || BE.contains(&&*w) || w == "and" || w == "but" {
            break;
        }
        by += 1;
    }
    if by + 1 >= end || lower(doc, by) != "by" || !joined(doc, by - 1) || !joined(doc, by) {
        return None;
    }
    let first = lower(doc, by + 1);
    if CALENDAR.contains(&&*first) || first.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let pronoun = match &*first {
        "him" => Some("he"),
        "her" => Some("she"),
        "them" => Some("they"),
        "us" => Some("we"),
        "me" => Some("I"),
        _ => None,
    };
    let single = by + 2 >= end || !joined(doc, by + 1);
    if let (Some(p), true) = (pronoun, single || first != "her") {
        return Some(p.to_owned());
    }
    let determiner = DETERMINERS.contains(&&*first);
    if !determiner && !doc.word(by + 1).starts_with(char::is_uppercase) {
        return None;
    }
    let mut last = by + 1;
    while last + 1 < end && last - by < 6 && joined(doc, last) {
        let next = lower(doc, last + 1);
        if AGENT_STOP.contains(&&*next) || CALENDAR.contains(&&*next) {
            break;
        }
        last += 1;
    }
    if determiner && last == by + 1 {
        return None;
    }
    if (by + 1..=last).any(|k| NOT_AGENTS.contains(&&*lower(doc, k))) {
        return None;
    }
    Some(
        doc.slice(Span::new(doc.words[by + 1].span.start, doc.words[last].span.end))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Whether an agent takes a plural verb: "the police", "staff", "the officers".
fn plural_agent(agent: &str) -> bool {
    let head = agent.rsplit(' ').next().unwrap_or(agent).to_ascii_lowercase();
    matches!(&*head, "police" | "staff" | "people" | "they" | "we" | "you" | "children" | "men" | "women" | "i")
        || (head.ends_with('s') && !head.ends_with("ss") && !head.ends_with("'s") && !head.ends_with('\u{2019}'))
}

/// The verb group rewritten actively with `agent` as subject, when its form is one we know.
fn active(group: &[String], agent: &str) -> Option<String> {
    let (participle, aux) = group.split_last()?;
    // "was never seen", "was later commended": the adverb's place in an active sentence varies.
    if aux.iter().any(|w| is_adverb(w) && w != "not") {
        return None;
    }
    let aux: Vec<&str> = aux.iter().map(String::as_str).collect();
    let negative = aux.iter().any(|w| *w == "not" || w.ends_with("n't") || *w == "cannot");
    let plural = plural_agent(agent);
    let not = if negative { " not" } else { "" };
    let base = || base_of(participle);
    let past = || irregular().get(participle).map_or_else(|| participle.clone(), |(_, past)| past.clone());
    let modal = aux.iter().find(|w| MODALS.contains(w)).map(|m| match *m {
        "won't" => "will",
        "wouldn't" => "would",
        "shouldn't" => "should",
        "can't" | "cannot" => "can",
        "couldn't" => "could",
        "mustn't" => "must",
        other => other,
    });
    let have = aux.iter().find(|w| HAVE.contains(w)).copied();
    let core: Vec<&str> = aux.iter().copied().filter(|w| *w != "not").collect();
    let verb = match (modal, have, core.as_slice()) {
        (Some(m), Some(_), _) => format!("{m}{not} have {participle}"),
        (Some(m), None, _) => format!("{m}{not} {}", base()?),
        (None, Some(h), _) => {
            let h = match h.trim_end_matches("n't") {
                "has" | "have" if plural => "have",
                "has" | "have" => "has",
                other => other,
            };
            format!("{h}{not} {participle}")
        }
        (None, None, [.., be, "being"]) => {
            let be = be.trim_end_matches("n't");
            let be = match be {
                "is" | "are" | "am" => be_present(agent, plural),
                _ if plural && agent != "I" => "were",
                _ => "was",
            };
            format!("{be}{not} {}", inflect::verb_forms(&base()?).ing)
        }
        (None, None, [one]) => match one.trim_end_matches("n't") {
            "was" | "were" | "got" if negative => format!("did not {}", base()?),
            "was" | "were" | "got" => past(),
            "is" | "are" | "am" | "get" | "gets" => {
                let b = base()?;
                match (negative, plural) {
                    (true, true) => format!("do not {b}"),
                    (true, false) => format!("does not {b}"),
                    (false, true) => b,
                    (false, false) => inflect::plural(&b),
                }
            }
            _ => return None,
        },
        _ => return None,
    };
    Some(format!("{agent} {verb}"))
}

fn be_present(agent: &str, plural: bool) -> &'static str {
    match (agent, plural) {
        ("I", _) => "am",
        (_, true) => "are",
        _ => "is",
    }
}

/// The base form of a participle, where the spelling makes it certain: irregular verbs from
/// the dictionary, and regular ones by the spelling rules of -ed that can be undone without
/// doubt (carried → carry, referred → refer, involved → involve, breached → breach). `None`
/// where English spelling leaves it open (visited / created, called / cancelled).
fn base_of(participle: &str) -> Option<String> {
    if let Some((base, _)) = irregular().get(participle) {
        return Some(base.clone());
    }
    let stem = participle.strip_suffix("ed")?;
    let b = stem.as_bytes();
    let n = b.len();
    if n < 2 {
        return None;
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let (prev, last) = (b[n - 2], b[n - 1]);
    if let Some(s) = stem.strip_suffix('i') {
        return Some(format!("{s}y"));
    }
    if matches!(last, b'e' | b'u' | b'y' | b'w') {
        // agreed → agree, continued → continue, delayed → delay, reviewed → review.
        return Some(if matches!(last, b'e' | b'u') { format!("{stem}e") } else { stem.to_owned() });
    }
    if last == prev && !vowel(last) {
        // Doubled: referred → refer; but passed, staffed, added are native; called / cancelled are not certain.
        return match last {
            _ if n <= 3 => Some(stem.to_owned()),
            b's' | b'f' | b'z' => Some(stem.to_owned()),
            b'l' => None,
            _ => Some(stem[..n - 1].to_owned()),
        };
    }
    match last {
        b'x' => return Some(stem.to_owned()),
        // involved, forced, seized, used, closed: English words do not end in these letters.
        b'v' | b'c' | b'z' | b's' => return Some(format!("{stem}e")),
        // judged, merged, managed; but "-ng" (changed / belonged) is not certain.
        b'g' if prev != b'n' => return Some(format!("{stem}e")),
        // handled, struggled; but not "-rl" (curled).
        b'l' if !vowel(prev) && !matches!(prev, b'r' | b'l') => return Some(format!("{stem}e")),
        _ => {}
    }
    // Endings that a base word has as it stands: breached, checked, arrested, informed.
    const CLUSTERS: &[&str] = &[
        "ch", "sh", "ck", "st", "nd", "rm", "rn", "rk", "lp", "lt", "mp", "nt", "ct", "pt", "ft", "rt", "sk", "sp",
        "wn", "rd", "ld", "lk", "rb", "rp", "lm", "ss", "ff", "ng", "ph", "gn",
    ];
    if CLUSTERS.iter().any(|c| stem.ends_with(c)) && !stem.ends_with("ng") {
        return Some(stem.to_owned());
    }
    // Two vowels and a consonant: trained, explained, revealed; but -iate and -uate verbs
    // (negotiated, evaluated) keep an "e", and "-eat" is open (treated / created).
    if n >= 3 && vowel(prev) && vowel(b[n - 3]) && !vowel(last) {
        return if stem.ends_with("iat") || stem.ends_with("uat") {
            Some(format!("{stem}e"))
        } else {
            (!stem.ends_with("eat")).then(|| stem.to_owned())
        };
    }
    // A single syllable ending vowel + consonant kept its "e": named → name, shared → share.
    let groups = b.iter().enumerate().filter(|&(k, &c)| vowel(c) && (k == 0 || !vowel(b[k - 1]))).count();
    if groups == 1 && vowel(prev) && !vowel(last) && (n < 3 || !vowel(b[n - 3])) {
        return Some(format!("{stem}e"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_forms() {
        for (p, b) in [
            ("seen", Some("see")),
            ("carried", Some("carry")),
            ("referred", Some("refer")),
            ("involved", Some("involve")),
            ("breached", Some("breach")),
            ("managed", Some("manage")),
            ("agreed", Some("agree")),
            ("continued", Some("continue")),
            ("reviewed", Some("review")),
            ("named", Some("name")),
            ("arrested", Some("arrest")),
            ("passed", Some("pass")),
            ("handled", Some("handle")),
            ("used", Some("use")),
            ("added", Some("add")),
            ("fixed", Some("fix")),
            ("trained", Some("train")),
            ("negotiated", Some("negotiate")),
            ("explained", Some("explain")),
            ("visited", None),
            ("called", None),
            ("treated", None),
        ] {
            assert_eq!(base_of(p).as_deref(), b, "{p}");
        }
    }

    #[test]
    fn active_rewrites() {
        let g = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(active(&g("was seen"), "the duty officer").as_deref(), Some("the duty officer saw"));
        assert_eq!(active(&g("was not informed"), "the police").as_deref(), Some("the police did not inform"));
        assert_eq!(active(&g("is managed"), "the officer").as_deref(), Some("the officer manages"));
        assert_eq!(active(&g("has been reviewed"), "the managers").as_deref(), Some("the managers have reviewed"));
        assert_eq!(active(&g("should have been made"), "she").as_deref(), Some("she should have made"));
        assert_eq!(active(&g("will be trained"), "the unit").as_deref(), Some("the unit will train"));
        assert_eq!(active(&g("is being managed"), "a new officer").as_deref(), Some("a new officer is managing"));
        assert_eq!(active(&g("was given"), "his officer").as_deref(), Some("his officer gave"));
        assert_eq!(active(&g("was visited"), "the officer").as_deref(), Some("the officer visited"));
        assert_eq!(active(&g("is visited"), "the officer"), None);
    }
}

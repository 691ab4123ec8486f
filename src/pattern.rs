//! Word patterns with slots, optional words and short gaps, matched over a document's words.
//!
//! [`crate::phrase::PhraseSet`] matches fixed phrases; the victim-sensitivity rules need a
//! little more: "{victim-verb} him back", "chose to {stay}", "lost {his} temper". A pattern is
//! a line of tokens separated by spaces:
//!
//! | token        | matches                                                              |
//! |--------------|----------------------------------------------------------------------|
//! | `word`       | the word, ignoring ASCII case; `a\|an\|the` any of them              |
//! | `{slot}`     | any member of a slot (a member may be several words)                 |
//! | `x?`         | `x` or nothing (any of the above)                                    |
//! | `*3`         | zero to three words of any kind                                      |
//! | `$`          | nothing: the clause ends here (end of sentence or punctuation)       |
//! | `!x`         | nothing, when the next word is not `x` (or the clause ends)          |
//! | `<` `>`      | nothing: the part of the match to report (all of it by default)      |
//!
//! Slots come from a slots file, one `name<TAB>member | member | …` a line; a member written
//! `{other}` brings in every member of slot `other`, and a name may appear on several lines.
//!
//! Optional tokens are expanded when a pattern is compiled, so every compiled pattern is a
//! fixed sequence anchored on its first word; patterns are indexed by every word their first
//! token can start with, and matching at a word tries only those. With bounded gaps the cost
//! is linear in the text for a fixed dictionary. Consecutive matched words may be separated
//! only by white space or a hyphen ("gang-related" matches `gang related`): a pattern never
//! runs across a comma or out of its sentence.

use crate::document::Document;
use crate::key::{key, Key, KeyFilter, KeyMap, KeySet};
use crate::span::Span;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

/// A set of words and word sequences, by name.
#[derive(Debug, Default)]
pub struct Slot {
    single: KeySet,
    /// Members of several words, by their first word's key.
    multi: KeyMap<Vec<Vec<Key>>>,
}

impl Slot {
    fn insert(&mut self, member: &str) {
        let words = split_words(member);
        match words.len() {
            0 => {}
            1 => {
                self.single.insert(words[0]);
            }
            _ => self.multi.entry(words[0]).or_default().push(words),
        }
    }

    /// Whether a single (normalised) word is a member.
    pub fn has_word(&self, word: &str) -> bool {
        self.single.contains(&key(word))
    }

    /// Whether a word with this key is a member.
    pub fn has_key(&self, k: Key) -> bool {
        self.single.contains(&k)
    }

    /// The end of the longest member starting at word `i`, within `..end`.
    pub fn match_at(&self, doc: &Document, i: usize, end: usize) -> Option<usize> {
        if i >= end {
            return None;
        }
        let first = doc.words[i].key;
        let mut best = self.single.contains(&first).then_some(i + 1);
        for m in self.multi.get(&first).map_or(&[][..], Vec::as_slice) {
            if i + m.len() <= end && best.is_none_or(|b| b < i + m.len()) {
                let fits = (1..m.len()).all(|k| doc.linked(i + k) && doc.words[i + k].key == m[k]);
                if fits {
                    best = Some(i + m.len());
                }
            }
        }
        best
    }

    /// Whether any member occurs among words `range`.
    pub fn occurs_in(&self, doc: &Document, range: Range<usize>) -> bool {
        range.clone().any(|i| self.match_at(doc, i, range.end).is_some())
    }

    fn first_words(&self) -> impl Iterator<Item = Key> + '_ {
        self.single.iter().copied().chain(self.multi.keys().copied())
    }
}

/// Named slots, parsed from a slots file.
#[derive(Debug, Default)]
pub struct Slots {
    by_name: HashMap<String, Arc<Slot>>,
}

impl Slots {
    /// Parses `name<TAB>member | member` lines; `#` starts a comment line.
    pub fn parse(text: &str) -> Result<Slots, String> {
        let mut raw: Vec<(String, Vec<String>)> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let (name, members) = line.split_once('\t').ok_or(format!("line {}: expected name<TAB>members", n + 1))?;
            let members = members.split('|').map(|m| m.trim().to_owned()).filter(|m| !m.is_empty());
            match raw.iter_mut().find(|(k, _)| k == name.trim()) {
                Some((_, v)) => v.extend(members),
                None => raw.push((name.trim().to_owned(), members.collect())),
            }
        }
        let mut by_name = HashMap::new();
        for (name, _) in &raw {
            let mut slot = Slot::default();
            let mut seen = HashSet::new();
            expand_members(&raw, name, &mut slot, &mut seen)?;
            by_name.insert(name.clone(), Arc::new(slot));
        }
        Ok(Slots { by_name })
    }

    pub fn get(&self, name: &str) -> Option<&Arc<Slot>> {
        self.by_name.get(name)
    }

    /// The slot, or an error naming it.
    pub fn require(&self, name: &str) -> Result<&Arc<Slot>, String> {
        self.get(name).ok_or_else(|| format!("unknown slot {{{name}}}"))
    }
}

fn expand_members(
    raw: &[(String, Vec<String>)],
    name: &str,
    slot: &mut Slot,
    seen: &mut HashSet<String>,
) -> Result<(), String> {
    if !seen.insert(name.to_owned()) {
        return Ok(());
    }
    let (_, members) = raw.iter().find(|(k, _)| k == name).ok_or_else(|| format!("unknown slot {{{name}}}"))?;
    for m in members {
        match m.strip_prefix('{').and_then(|m| m.strip_suffix('}')) {
            Some(inner) => expand_members(raw, inner, slot, seen)?,
            None => slot.insert(m),
        }
    }
    Ok(())
}

/// A pattern's words as the matcher compares them.
fn split_words(phrase: &str) -> Vec<Key> {
    phrase.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).map(key).collect()
}

/// Whether a clause boundary comes before word `i` (`end` is the sentence's end).
fn clause_ends_before(doc: &Document, i: usize, end: usize) -> bool {
    i >= end || !doc.linked(i)
}

#[derive(Clone, Debug)]
enum Token {
    /// Any of these words or sequences.
    Words(Arc<Slot>),
    Gap(usize),
    End,
    Not(Arc<Slot>),
    Open,
    Close,
}

#[derive(Debug)]
struct Compiled {
    tokens: Vec<Token>,
    value: usize,
}

/// A compiled set of patterns, each carrying a value.
pub struct PatternSet<T> {
    /// Patterns indexed by their first word alone: those that cannot be indexed by two.
    by_first: KeyMap<Vec<usize>>,
    /// The keys of `by_first` and of `by_pair`, to rule most words out without a look-up.
    firsts: KeyFilter,
    pairs: KeyFilter,
    /// Patterns indexed by their first two words ([`pair`]). Many patterns share a common
    /// first word ("was", "she"); the pair rules out nearly all of them with one look-up.
    by_pair: KeyMap<Vec<usize>>,
    compiled: Vec<Compiled>,
    values: Vec<T>,
}

impl<T> Default for PatternSet<T> {
    fn default() -> Self {
        PatternSet {
            by_first: KeyMap::default(),
            firsts: KeyFilter::default(),
            pairs: KeyFilter::default(),
            by_pair: KeyMap::default(),
            compiled: Vec::new(),
            values: Vec::new(),
        }
    }
}

/// A pattern found in a document.
#[derive(Debug)]
pub struct PatternMatch<'a, T> {
    /// All the words the pattern covered, as indexes into [`Document::words`].
    pub words: Range<usize>,
    /// The part to report (between `<` and `>`, or all of it).
    pub report: Range<usize>,
    pub value: &'a T,
}

impl<T> PatternMatch<'_, T> {
    pub fn span(&self, doc: &Document) -> Span {
        Span::new(doc.words[self.report.start].span.start, doc.words[self.report.end - 1].span.end)
    }
}

impl<T> PatternSet<T> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Compiles a pattern (see the module documentation) and adds it with its value.
    pub fn insert(&mut self, pattern: &str, slots: &Slots, value: T) -> Result<(), String> {
        let mut variants: Vec<Vec<Token>> = vec![Vec::new()];
        for raw in pattern.split_whitespace() {
            let (raw, optional) = match raw.strip_suffix('?') {
                Some(r) if !r.is_empty() => (r, true),
                _ => (raw, false),
            };
            let token = parse_token(raw, slots).map_err(|e| format!("{pattern:?}: {e}"))?;
            if optional {
                let without = variants.clone();
                for v in &mut variants {
                    v.push(token.clone());
                }
                variants.extend(without);
            } else {
                for v in &mut variants {
                    v.push(token.clone());
                }
            }
        }
        let value_index = self.values.len();
        self.values.push(value);
        for tokens in variants {
            let Some(Token::Words(first)) = tokens.iter().find(|t| !matches!(t, Token::Open)) else {
                return Err(format!("{pattern:?}: must start with a word or a slot"));
            };
            if !tokens.iter().any(|t| matches!(t, Token::Words(_))) {
                return Err(format!("{pattern:?}: matches no words"));
            }
            let index = self.compiled.len();
            match first_pairs(&tokens) {
                Some(pairs) => {
                    for p in pairs {
                        self.pairs.insert(p);
                        self.by_pair.entry(p).or_default().push(index);
                    }
                }
                None => {
                    let mut firsts: Vec<Key> = first.first_words().collect();
                    firsts.sort_unstable();
                    firsts.dedup();
                    for w in firsts {
                        self.firsts.insert(w);
                        self.by_first.entry(w).or_default().push(index);
                    }
                }
            }
            self.compiled.push(Compiled { tokens, value: value_index });
        }
        Ok(())
    }

    /// Every pattern matching from word `i`, longest first; never crossing a sentence.
    #[inline]
    pub fn matches_at(&self, doc: &Document, i: usize) -> Vec<PatternMatch<'_, T>> {
        // Most words start no pattern: rule them out before a call and a look-up.
        let key = doc.words[i].key;
        let next = doc.words.get(i + 1).map(|w| pair(key, w.key));
        match self.firsts.may_contain(key) || next.is_some_and(|p| self.pairs.may_contain(p)) {
            true => self.matches_from(doc, i),
            false => Vec::new(),
        }
    }

    fn matches_from(&self, doc: &Document, i: usize) -> Vec<PatternMatch<'_, T>> {
        let word = &doc.words[i];
        let end = doc.sentences[word.sentence].words.end;
        let by_first = match self.firsts.may_contain(word.key) {
            true => self.by_first.get(&word.key).map_or(&[][..], Vec::as_slice),
            false => &[],
        };
        let two = (i + 1 < end).then(|| pair(word.key, doc.words[i + 1].key)).filter(|&p| self.pairs.may_contain(p));
        let by_pair = two.and_then(|p| self.by_pair.get(&p)).map_or(&[][..], Vec::as_slice);
        let mut found: Vec<PatternMatch<'_, T>> = Vec::new();
        for &c in by_first.iter().chain(by_pair) {
            let p = &self.compiled[c];
            let mut marks = [None, None];
            if let Some(stop) = run(doc, &p.tokens, i, end, true, &mut marks) {
                let report = marks[0].unwrap_or(i)..marks[1].unwrap_or(stop);
                if report.start < report.end
                    && !found.iter().any(|f| f.words == (i..stop) && std::ptr::eq(f.value, &self.values[p.value]))
                {
                    found.push(PatternMatch { words: i..stop, report, value: &self.values[p.value] });
                }
            }
        }
        found.sort_by_key(|m| std::cmp::Reverse(m.words.end));
        found
    }
}

/// The key of two consecutive words.
fn pair(a: Key, b: Key) -> Key {
    a.rotate_left(31) ^ b
}

/// Most pairs one compiled pattern may add to the index; a pattern of two large slots is
/// indexed by its first word instead.
const MAX_PAIRS: usize = 4096;

/// Every pair of words a pattern can start with, or `None` when its second word is not fixed
/// (a gap follows the first word).
fn first_pairs(tokens: &[Token]) -> Option<Vec<Key>> {
    // Marks and clause conditions take no words: the matcher checks them.
    let mut words = tokens.iter().filter(|t| !matches!(t, Token::Open | Token::Close | Token::End | Token::Not(_)));
    let (Some(Token::Words(first)), Some(Token::Words(second))) = (words.next(), words.next()) else {
        return None;
    };
    let mut pairs: Vec<Key> = first.multi.values().flatten().map(|m| pair(m[0], m[1])).collect();
    for a in &first.single {
        pairs.extend(second.first_words().map(|b| pair(*a, b)));
        if pairs.len() > MAX_PAIRS {
            return None;
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    Some(pairs)
}

fn parse_token(raw: &str, slots: &Slots) -> Result<Token, String> {
    Ok(match raw {
        "<" => Token::Open,
        ">" => Token::Close,
        "$" => Token::End,
        _ if raw.starts_with('*') => Token::Gap(raw[1..].parse().map_err(|_| format!("bad gap `{raw}`"))?),
        _ if raw.starts_with('!') => match parse_token(&raw[1..], slots)? {
            Token::Words(s) => Token::Not(s),
            _ => return Err(format!("`{raw}`: `!` takes a word or a slot")),
        },
        _ => {
            if let Some(name) = raw.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
                Token::Words(slots.require(name)?.clone())
            } else {
                let mut slot = Slot::default();
                for alt in raw.split('|') {
                    slot.insert(alt);
                }
                if slot.single.is_empty() && slot.multi.is_empty() {
                    return Err(format!("empty token `{raw}`"));
                }
                Token::Words(Arc::new(slot))
            }
        }
    })
}

/// Matches `tokens` from word `i`; returns the end of the words consumed. `first` says no
/// word has been consumed yet (so no join to check before word `i`).
fn run(
    doc: &Document,
    tokens: &[Token],
    i: usize,
    end: usize,
    first: bool,
    marks: &mut [Option<usize>; 2],
) -> Option<usize> {
    let Some((token, rest)) = tokens.split_first() else {
        return Some(i);
    };
    match token {
        Token::Open => {
            marks[0] = Some(i);
            run(doc, rest, i, end, first, marks)
        }
        Token::Close => {
            marks[1] = Some(i);
            run(doc, rest, i, end, first, marks)
        }
        Token::End => clause_ends_before(doc, i, end).then(|| run(doc, rest, i, end, first, marks)).flatten(),
        Token::Not(slot) => {
            let blocked = !clause_ends_before(doc, i, end) && slot.match_at(doc, i, end).is_some();
            (!blocked).then(|| run(doc, rest, i, end, first, marks)).flatten()
        }
        Token::Words(slot) => {
            if i >= end || (!first && !doc.linked(i)) {
                return None;
            }
            let stop = slot.match_at(doc, i, end)?;
            run(doc, rest, stop, end, false, marks)
        }
        Token::Gap(n) => {
            for skip in 0..=*n {
                let at = i + skip;
                if skip > 0 {
                    // The word just skipped must lie in the sentence and run on from the last.
                    let k = at - 1;
                    if k >= end || ((k > i || !first) && !doc.linked(k)) {
                        break;
                    }
                }
                if let Some(stop) = run(doc, rest, at, end, first && skip == 0, marks) {
                    return Some(stop);
                }
            }
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn slots() -> Slots {
        Slots::parse("stay\tstay | stayed | remain | go back\nrefl\therself | {them}\nthem\tthemselves\n").unwrap()
    }

    fn find(patterns: &[&str], text: &str) -> Vec<String> {
        let slots = slots();
        let mut set = PatternSet::new();
        for p in patterns {
            set.insert(p, &slots, ()).unwrap();
        }
        let doc = Document::parse(text, Format::Plain);
        let mut out = Vec::new();
        let mut i = 0;
        while i < doc.words.len() {
            match set.matches_at(&doc, i).into_iter().next() {
                Some(m) => {
                    out.push(doc.slice(m.span(&doc)).to_owned());
                    i = m.words.end;
                }
                None => i += 1,
            }
        }
        out
    }

    #[test]
    fn slots_optional_words_and_report_marks() {
        let p = ["chose|decided to {stay}", "put {refl} at risk", "< lost his temper > !with", "< snapped > $"];
        assert_eq!(
            find(&p, "She chose to go back. They put themselves at risk."),
            ["chose to go back", "put themselves at risk"]
        );
        assert_eq!(find(&p, "He lost his temper and snapped."), ["lost his temper", "snapped"]);
        assert_eq!(find(&p, "He lost his temper with her. He snapped his ankle."), Vec::<String>::new());
        assert_eq!(find(&p, "She chose, to stay."), Vec::<String>::new());
    }

    #[test]
    fn gaps_and_hyphens() {
        let p = ["allowed him *2 back", "gang related"];
        assert_eq!(
            find(&p, "She allowed him to come back. It was gang-related."),
            ["allowed him to come back", "gang-related"]
        );
        assert_eq!(find(&p, "She allowed him to come straight back."), Vec::<String>::new());
    }

    #[test]
    fn patterns_indexed_by_two_words_still_match_every_way_they_can_start() {
        // A first slot of several words ("go back"), marks before the second word, a gap.
        let p = ["{stay} home", "< remained > !there home", "remain *1 here", "stay"];
        assert_eq!(
            find(&p, "She wanted to go back home. He remained home. Remain right here."),
            ["go back home", "remained", "Remain right here"]
        );
        assert_eq!(find(&p, "Go back, home. Stay."), ["Stay"]);
    }

    #[test]
    fn optional_first_word() {
        let p = ["the? Red Lane Crew"];
        assert_eq!(
            find(&p, "He joined the Red Lane Crew. Red Lane Crew members."),
            ["the Red Lane Crew", "Red Lane Crew"]
        );
    }
}

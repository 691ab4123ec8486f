//! Matching dictionary phrases against a document's words.
//!
//! A phrase is split into words once, when the dictionary is loaded; matching walks the
//! document's words and tries only the phrases whose first word is the current word (a hash
//! look-up), so the cost is linear in the text for a fixed dictionary. Words compare without
//! regard to ASCII case, and a curly apostrophe matches a straight one. Between two words of
//! a phrase the text may hold only white space, or the same joining mark as the phrase
//! ("re-offending").

use crate::document::{Document, Gap};
use crate::key::{key, Key, KeyFilter, KeyMap};
use crate::span::Span;
use std::borrow::Cow;
use std::ops::Range;

/// A word as phrases compare it: ASCII lower case, straight apostrophes.
pub fn normalize(word: &str) -> Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) || word.contains('\u{2019}') {
        Cow::Owned(word.to_ascii_lowercase().replace('\u{2019}', "'"))
    } else {
        Cow::Borrowed(word)
    }
}

struct Entry<T> {
    words: Vec<Key>,
    /// The last word's key with a possessive ending: "manager's".
    possessive: Key,
    /// What joins word `i` to word `i + 1`, trimmed ("" for white space).
    joins: Vec<String>,
    value: T,
}

pub struct PhraseSet<T> {
    first_words: KeyFilter,
    by_first: KeyMap<Vec<usize>>,
    entries: Vec<Entry<T>>,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet { first_words: KeyFilter::default(), by_first: KeyMap::default(), entries: Vec::new() }
    }
}

/// A phrase found in a document.
#[derive(Debug)]
pub struct Match<'a, T> {
    /// Indexes into [`Document::words`].
    pub words: Range<usize>,
    pub span: Span,
    pub value: &'a T,
}

impl<T> PhraseSet<T> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The number of words in the longest phrase.
    pub fn max_words(&self) -> usize {
        self.entries.iter().map(|e| e.words.len()).max().unwrap_or(0)
    }

    /// Adds a phrase; a phrase with no words is ignored. The phrase is split into words the
    /// way documents are, so every entry can match.
    pub fn insert(&mut self, phrase: &str, value: T) {
        let ranges = crate::document::word_ranges(phrase);
        let Some(&(_, last_end)) = ranges.last() else { return };
        let words: Vec<Key> = ranges.iter().map(|&(a, b)| key(&phrase[a..b])).collect();
        let joins = ranges.windows(2).map(|w| phrase[w[0].1..w[1].0].trim().to_owned()).collect();
        let last = &phrase[ranges[ranges.len() - 1].0..last_end];
        let possessive = key(&format!("{last}'s"));
        self.first_words.insert(words[0]);
        self.by_first.entry(words[0]).or_default().push(self.entries.len());
        self.entries.push(Entry { words, possessive, joins, value });
    }

    /// The longest phrase starting at word `i`, if any; it never crosses a sentence.
    #[inline]
    pub fn longest_at(&self, doc: &Document, i: usize) -> Option<Match<'_, T>> {
        // Most words start no phrase: rule them out before a call and a look-up.
        match self.first_words.may_contain(doc.words[i].key) {
            true => self.longest_from(doc, i),
            false => None,
        }
    }

    fn longest_from(&self, doc: &Document, i: usize) -> Option<Match<'_, T>> {
        let candidates = self.by_first.get(&doc.words[i].key)?;
        let sentence_end = doc.sentences[doc.words[i].sentence].words.end;
        let mut best: Option<(usize, &Entry<T>)> = None;
        'entry: for &e in candidates {
            let entry = &self.entries[e];
            let n = entry.words.len();
            if i + n > sentence_end || best.is_some_and(|(len, _)| len >= n) {
                continue;
            }
            for k in 1..n {
                let word = &doc.words[i + k];
                let same = word.key == entry.words[k] || (k == n - 1 && word.key == entry.possessive);
                let joined = match entry.joins[k - 1].as_str() {
                    "" => word.before == Gap::Space,
                    "-" => word.before == Gap::Hyphen,
                    join => doc.gap(doc.words[i + k - 1].span.end, word.span.start).trim() == join,
                };
                if !same || !joined {
                    continue 'entry;
                }
            }
            best = Some((n, entry));
        }
        best.map(|(n, entry)| Match {
            words: i..i + n,
            span: Span::new(doc.words[i].span.start, doc.words[i + n - 1].span.end),
            value: &entry.value,
        })
    }

    /// Every match in the document, leftmost-longest and not overlapping.
    pub fn find_all<'s>(&'s self, doc: &'s Document) -> impl Iterator<Item = Match<'s, T>> + 's {
        let mut i = 0;
        std::iter::from_fn(move || {
            while i < doc.words.len() {
                if let Some(m) = self.longest_at(doc, i) {
                    i = m.words.end;
                    return Some(m);
                }
                i += 1;
            }
            None
        })
    }
}

/// `replacement` in the capitalisation of `original`: "Utilise" → "Use", "UTILISE" → "USE".
pub fn match_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = replacement.chars();
        return match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
    }
    replacement.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    #[test]
    fn longest_match_without_crossing_punctuation() {
        let mut set = PhraseSet::new();
        set.insert("in order", 1);
        set.insert("in order to", 2);
        set.insert("re-offending", 3);
        set.insert("prison offender manager", 4);
        let doc = Document::parse(
            "In order to help. In order, to x. Re-offending fell. The Prison Offender Manager\u{2019}s notes.",
            Format::Plain,
        );
        let found: Vec<_> = set.find_all(&doc).map(|m| (*m.value, doc.slice(m.span))).collect();
        assert_eq!(
            found,
            vec![(2, "In order to"), (1, "In order"), (3, "Re-offending"), (4, "Prison Offender Manager\u{2019}s")]
        );
    }

    #[test]
    fn case_follows_the_original() {
        assert_eq!(match_case("Utilise", "use"), "Use");
        assert_eq!(match_case("UTILISE", "use"), "USE");
        assert_eq!(match_case("utilise", "use"), "use");
    }
}

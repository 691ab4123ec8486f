//! The document model: a text parsed once into blocks, sentences, words and quoted spans.
//!
//! Rules read this model and never tokenise text themselves. Analysis runs on `prose`, a
//! copy of the text of the same length in which Markdown syntax, suppression comments and
//! soft line breaks are replaced by spaces; so every span found in `prose` is a span of the
//! original text, and rules slice the original for what they show the user.

mod blocks;
pub mod line_index;
mod markdown;
mod quotes;
mod sentences;

use crate::span::Span;
pub use line_index::{Encoding, LineCol, LineIndex};
pub(crate) use sentences::word_ranges;
use std::ops::Range;

/// How to read the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Plain,
    Markdown,
}

impl Format {
    /// The format for a file name: Markdown for `.md` and `.markdown`, plain text otherwise.
    pub fn from_path(path: &std::path::Path) -> Format {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("md" | "markdown") => Format::Markdown,
            _ => Format::Plain,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
}

/// What a line is, before lines are grouped into blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineKind {
    Blank,
    Heading,
    ListItem,
    Text,
}

/// A paragraph, heading or list item.
#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
    /// Indexes into [`Document::sentences`].
    pub sentences: Range<usize>,
}

#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    /// Indexes into [`Document::words`].
    pub words: Range<usize>,
    /// Index into [`Document::blocks`].
    pub block: usize,
    /// Whitespace-separated tokens holding a letter or digit: the length a reader feels.
    pub token_count: usize,
}

/// A word as Unicode word boundaries find it: letters or digits, with inner apostrophes and
/// full stops ("user’s", "e.g", "6.4"); hyphens split words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    pub sentence: usize,
    /// The word's [`crate::key::key`], for dictionary look-ups.
    pub key: crate::key::Key,
    /// What separates it from the word before it in its sentence.
    pub before: Gap,
}

/// What separates a word from the word before it, in the same sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// The sentence's first word.
    Start,
    /// White space only.
    Space,
    /// A hyphen, with or without space around it ("re-offending", "gang-related").
    Hyphen,
    /// Punctuation: a comma, a dash, a bracket, a quotation mark …
    Other,
}

impl Gap {
    fn of(between: &str) -> Gap {
        if between.bytes().all(|b| b.is_ascii_whitespace()) {
            return Gap::Space;
        }
        match between.trim() {
            "" => Gap::Space,
            "-" | "\u{2010}" | "\u{2011}" => Gap::Hyphen,
            _ => Gap::Other,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Single,
    Double,
}

/// Text between a pair of quotation marks. Apostrophes never make one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuotedSpan {
    pub kind: QuoteKind,
    /// From the opening mark to the closing mark, inclusive.
    pub span: Span,
    /// Between the marks.
    pub inner: Span,
}

pub struct Document<'t> {
    text: &'t str,
    prose: String,
    lower: String,
    format: Format,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub words: Vec<Word>,
    pub quotes: Vec<QuotedSpan>,
    pub lines: LineIndex,
    /// Every acronym use, found on first demand ([`crate::acronyms::uses`]): two rules and
    /// the statistics read it, and one scan serves them all.
    pub(crate) acronym_uses: std::sync::OnceLock<Vec<crate::acronyms::AcronymUse>>,
    /// Who the text shows harming whom, found on first demand by the victim-sensitivity
    /// lexicons (both read it).
    pub(crate) harm_roles: std::sync::OnceLock<crate::sensitive::Roles>,
}

impl<'t> Document<'t> {
    pub fn parse(text: &'t str, format: Format) -> Self {
        Self::build(text, format, None)
    }

    /// Parses plain text whose headings the caller knows (a Word document's heading styles):
    /// the lines within `headings` are headings, and no other line is taken for one however
    /// short it is.
    pub fn parse_with_headings(text: &'t str, headings: &[Span]) -> Self {
        Self::build(text, Format::Plain, Some(headings))
    }

    fn build(text: &'t str, format: Format, headings: Option<&[Span]>) -> Self {
        let mut prose = text.as_bytes().to_vec();
        let kinds = match format {
            Format::Markdown => markdown::mask(&mut prose),
            Format::Plain => {
                let mut kinds = blocks::plain_line_kinds(&mut prose);
                if let Some(headings) = headings {
                    blocks::set_headings(&prose, &mut kinds, headings);
                }
                kinds
            }
        };
        crate::suppress::mask_markers(&mut prose);
        let blocks = blocks::group(&mut prose, &kinds);
        // Masking only writes ASCII spaces over whole characters, so this cannot fail.
        let prose = String::from_utf8(prose).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        debug_assert_eq!(prose.len(), text.len());
        let lower = prose.to_ascii_lowercase();
        let mut doc = Document {
            text,
            prose,
            lower,
            format,
            blocks: Vec::new(),
            // Reviews run to about six bytes a word and a hundred a sentence: reserving that
            // much saves copying the vectors as they grow.
            sentences: Vec::with_capacity(text.len() / 100),
            words: Vec::with_capacity(text.len() / 6),
            quotes: Vec::new(),
            lines: LineIndex::new(text),
            acronym_uses: std::sync::OnceLock::new(),
            harm_roles: std::sync::OnceLock::new(),
        };
        for (kind, span) in blocks {
            sentences::split_block(&mut doc, kind, span);
        }
        doc.quotes = quotes::find(&doc.prose, &doc.blocks);
        doc
    }

    /// The original text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// The text as analysed: same length, markup and soft line breaks blanked.
    pub fn prose(&self) -> &str {
        &self.prose
    }

    /// `prose` with ASCII letters lower-cased: for case-insensitive look-ups by span.
    pub fn lower(&self) -> &str {
        &self.lower
    }

    pub fn slice(&self, span: Span) -> &'t str {
        &self.text[span.start..span.end]
    }

    pub fn word(&self, i: usize) -> &'t str {
        self.slice(self.words[i].span)
    }

    /// The word, ASCII-lower-cased.
    pub fn word_lower(&self, i: usize) -> &str {
        let s = self.words[i].span;
        &self.lower[s.start..s.end]
    }

    /// The word's dictionary key ([`crate::key::key`] of its text).
    pub fn word_key(&self, i: usize) -> crate::key::Key {
        self.words[i].key
    }

    /// The words of sentence `s`.
    pub fn sentence_words(&self, s: usize) -> &[Word] {
        &self.words[self.sentences[s].words.clone()]
    }

    /// Whether only white space separates word `i` from the word before it in its sentence.
    pub fn joined(&self, i: usize) -> bool {
        self.words[i].before == Gap::Space
    }

    /// Whether only white space or a hyphen separates word `i` from the word before it in its
    /// sentence ("gang-related" reads as "gang related").
    pub fn linked(&self, i: usize) -> bool {
        matches!(self.words[i].before, Gap::Space | Gap::Hyphen)
    }

    /// The block holding sentence `s`.
    pub fn block_of(&self, s: usize) -> &Block {
        &self.blocks[self.sentences[s].block]
    }

    /// Prose between two byte offsets (what separates two words, for instance).
    pub fn gap(&self, from: usize, to: usize) -> &str {
        &self.prose[from..to.max(from)]
    }

    /// The quoted span containing `span`, innermost first.
    pub fn quote_around(&self, span: Span) -> Option<&QuotedSpan> {
        let i = self.quotes.partition_point(|q| q.span.start <= span.start);
        self.quotes[..i].iter().rev().find(|q| q.inner.contains(span))
    }

    pub fn line_col(&self, offset: usize, enc: Encoding) -> LineCol {
        self.lines.line_col(self.text, offset, enc)
    }
}

#[cfg(test)]
mod tests;

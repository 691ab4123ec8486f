//! `scare-quotes`: a word or short phrase in single inverted commas.
//!
//! The document model pairs quotation marks and tells them from apostrophes (users', ’90s,
//! O'Brien, rock 'n' roll). This rule takes each single-quoted span of one to eight words
//! that is not inside double-quoted speech and is not a whole sentence of reported speech
//! ('I'm not going back.') or a nickname ("known as 'Tiny'"): longer ones, sentences and
//! names are quotations, not what the guidance means by marks that "suggest something is
//! untrue". The safe suggestion drops the marks; a second, for a real quotation, puts double
//! marks in their place.

use super::Rule;
use crate::diagnostic::Emitter;
use crate::document::{Document, QuoteKind};
use crate::span::Span;

/// The longest phrase, in words, that the rule treats as scare-quoted.
const MAX_WORDS: usize = 8;

struct ScareQuotes;

pub fn build(table: &toml::Table) -> Result<Box<dyn Rule>, String> {
    super::no_options(table)?;
    Ok(Box::new(ScareQuotes))
}

impl Rule for ScareQuotes {
    fn check(&self, doc: &Document, out: &mut Emitter) {
        let doubles: Vec<Span> = doc.quotes.iter().filter(|q| q.kind == QuoteKind::Double).map(|q| q.inner).collect();
        for q in &doc.quotes {
            if q.kind != QuoteKind::Single {
                continue;
            }
            let inner = doc.slice(q.inner);
            let words = inner.split_whitespace().filter(|t| t.chars().any(char::is_alphanumeric)).count();
            if words == 0
                || words > MAX_WORDS
                || is_sentence(inner)
                || inside_double(&doubles, q.span)
                || in_run_of_marks(doc.text(), q.span)
                || is_nickname(doc, q.span, inner)
            {
                continue;
            }
            let message = format!(
                "\u{2018}{inner}\u{2019} is in single inverted commas: if you believe it is untrue, say so plainly; if you are quoting, use double quotation marks"
            );
            let curly = doc.slice(q.span).starts_with('\u{2018}') || doc.slice(q.span).starts_with('\u{2019}');
            let (open, close) = if curly { ('\u{201c}', '\u{201d}') } else { ('"', '"') };
            let d = out.emit(q.span, message);
            d.replace(inner, true);
            d.replace(format!("{open}{inner}{close}"), false);
        }
    }
}

/// Whether the span lies inside a double-quoted one: quoted speech may quote in its turn.
/// `doubles` are in order of their start and do not nest, so only the last one to open
/// before the span can hold it.
fn inside_double(doubles: &[Span], span: Span) -> bool {
    let i = doubles.partition_point(|d| d.start <= span.start);
    i > 0 && doubles[i - 1].contains(span)
}

/// Whether another quotation mark touches the span's marks (`''word''`): a run of marks is
/// not one pair of scare quotes, and dropping the outer pair as a fix would only uncover the
/// next, one `--fix` pass at a time.
fn in_run_of_marks(text: &str, span: Span) -> bool {
    let is_mark = |c: char| matches!(c, '\'' | '"' | '`' | '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}');
    text[..span.start].chars().next_back().is_some_and(is_mark) || text[span.end..].chars().next().is_some_and(is_mark)
}

/// A whole sentence in single marks is reported speech ('I'm not going back.'), not a word
/// held at arm's length.
fn is_sentence(inner: &str) -> bool {
    let t = inner.trim();
    t.starts_with(char::is_uppercase) && t.ends_with(['.', '?', '!']) && t.split_whitespace().count() >= 2
}

/// A name given as a nickname: "known to friends as 'Tiny'", "nicknamed 'Ghost'", "he called
/// himself 'Blade'". Quoting what someone is called says nothing about whether it is true.
fn is_nickname(doc: &Document, span: Span, inner: &str) -> bool {
    let mut words = inner.split_whitespace();
    let names = words.clone().count() <= 3 && words.all(|w| w.starts_with(char::is_uppercase));
    let k = doc.words.partition_point(|w| w.span.end <= span.start);
    if !names || k == 0 || k >= doc.words.len() || doc.words[k - 1].sentence != doc.words[k].sentence {
        return false;
    }
    let sentence = doc.words[k].sentence;
    let before = |n: usize| (k >= n && doc.words[k - n].sentence == sentence).then(|| doc.word_lower(k - n));
    match before(1) {
        Some("nicknamed" | "nickname" | "alias" | "aka") => true,
        Some("him" | "her" | "himself" | "herself" | "themselves") => {
            matches!(before(2), Some("called" | "calls" | "call" | "named" | "nicknamed"))
        }
        // "known as", "known locally as", "known on the estate as".
        Some("as") => (2..=5).any(|n| before(n) == Some("known")),
        _ => false,
    }
}

//! `glossary-missing`: a review that uses acronyms but has no glossary section.
//!
//! One diagnostic for the whole document, at the first acronym in running text. A glossary
//! section is a heading (or a short line) naming one: "Glossary", "Glossary of terms",
//! "Terms used", "Abbreviations", "Acronyms". Short texts are left alone: a paragraph or two
//! pasted into an editor is not a review, so the rule needs at least three distinct acronyms
//! (the allow-list's everyday ones not counted) and more than one paragraph.

use super::Rule;
use crate::acronyms;
use crate::diagnostic::Emitter;
use crate::document::{BlockKind, Document};
use std::collections::HashSet;

/// Distinct acronyms a text needs before a glossary is asked for.
const MIN_ACRONYMS: usize = 3;

struct GlossaryMissing;

pub fn build(table: &toml::Table) -> Result<Box<dyn Rule>, String> {
    super::no_options(table)?;
    Ok(Box::new(GlossaryMissing))
}

impl Rule for GlossaryMissing {
    fn check(&self, doc: &Document, out: &mut Emitter) {
        let paragraphs = doc.blocks.iter().filter(|b| b.kind != BlockKind::Heading).count();
        if paragraphs < 2 || (0..doc.blocks.len()).any(|b| acronyms::is_glossary_heading(doc, b)) {
            return;
        }
        let uses = acronyms::scan(doc);
        let mut distinct: Vec<&str> = Vec::new();
        let mut seen = HashSet::new();
        for u in uses.iter().filter(|u| !u.in_heading && !acronyms::is_allowed(&u.key)) {
            if seen.insert(u.key.as_str()) {
                distinct.push(doc.slice(u.span));
            }
        }
        if distinct.len() < MIN_ACRONYMS {
            return;
        }
        let Some(first) = uses.iter().find(|u| !u.in_heading && !acronyms::is_allowed(&u.key)) else { return };
        let shown = distinct.iter().take(5).copied().collect::<Vec<_>>().join(", ");
        let more = if distinct.len() > 5 { ", \u{2026}" } else { "" };
        out.emit(
            first.span,
            format!(
                "This review uses {} acronyms ({shown}{more}) but has no glossary: add a case-specific glossary for the lay reader, as well as giving each acronym in full at its first use",
                distinct.len()
            ),
        );
    }
}

//! `glossary-missing`: a review that uses acronyms but has no glossary section, or whose
//! glossary leaves out some of the acronyms it uses.
//!
//! Without a glossary: one diagnostic for the whole document, at the first acronym in running
//! text. A glossary section is a heading (or a short line) naming one: "Glossary", "Glossary
//! of terms", "Terms used", "Abbreviations", "Acronyms". Short texts are left alone: a
//! paragraph or two pasted into an editor is not a review, so the rule needs at least three
//! distinct acronyms (the allow-list's everyday ones not counted) and more than one paragraph.
//!
//! With a glossary: one diagnostic for each acronym of the running text that the glossary
//! does not list, at its first use. A lay reader who turns to the glossary for a term should
//! find it there.

use super::Rule;
use crate::acronyms::{self, AcronymUse};
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
        if paragraphs < 2 {
            return;
        }
        let uses = acronyms::uses(doc);
        let in_text: Vec<&AcronymUse> =
            uses.iter().filter(|u| !u.in_heading && !u.in_glossary && !acronyms::is_allowed(&u.key)).collect();
        if (0..doc.blocks.len()).any(|b| acronyms::is_glossary_heading(doc, b)) {
            return missing_entries(doc, uses, &in_text, out);
        }
        let mut distinct: Vec<&str> = Vec::new();
        let mut seen = HashSet::new();
        for u in &in_text {
            if seen.insert(u.key.as_str()) {
                distinct.push(doc.slice(u.span));
            }
        }
        if distinct.len() < MIN_ACRONYMS {
            return;
        }
        let shown = distinct.iter().take(5).copied().collect::<Vec<_>>().join(", ");
        let more = if distinct.len() > 5 { ", \u{2026}" } else { "" };
        out.emit(
            in_text[0].span,
            format!(
                "This review uses {} acronyms ({shown}{more}) but has no glossary: add a case-specific glossary for the lay reader, as well as giving each acronym in full at its first use",
                distinct.len()
            ),
        );
    }
}

/// Each acronym of the running text that the glossary does not list, at its first use.
fn missing_entries(doc: &Document, uses: &[AcronymUse], in_text: &[&AcronymUse], out: &mut Emitter) {
    let listed: HashSet<&str> = uses.iter().filter(|u| u.in_glossary).map(|u| u.key.as_str()).collect();
    let mut reported = HashSet::new();
    for u in in_text {
        if listed.contains(u.key.as_str()) || !reported.insert(u.key.as_str()) {
            continue;
        }
        // The review's own words for it where it gives them, else the dictionary's.
        let own = u.defined_at.and_then(|d| uses[d].expansion).map(|span| doc.slice(span));
        let known = || acronyms::lookup(&u.key).and_then(|e| e.expansions.first()).map(|x| x.expansion.as_str());
        let full = own.or_else(known).map_or(String::new(), |x| format!(" (\u{201c}{x}\u{201d})"));
        out.emit(
            u.span,
            format!(
                "\u{201c}{}\u{201d} is not in the review's glossary: add it{full}, so that a lay reader who looks it up finds it (`sfo-lint glossary` lists every acronym the review uses)",
                doc.slice(u.span)
            ),
        );
    }
}

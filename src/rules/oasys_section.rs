//! `oasys-section`: numbered OASys sections and question codes ("section 6.4 of OASys",
//! "OASys R6.2", "question 10.6"), which the guidance calls the minutiae of practice.
//!
//! A reference is a keyword (section, question, part …) then a number or code, near a
//! mention of OASys: in the same sentence or the two before it in the same block (a second
//! sentence often says "question 6.4" of the OASys just named). "OASys 11.4", OASys then a
//! code, needs no keyword; nor does a lettered question code ("R10.1") near a mention of OASys. Other documents' sections ("section 47 enquiries", "paragraph 4.3
//! of the MAPPA guidance") are left alone.

use super::Rule;
use crate::diagnostic::Emitter;
use crate::document::Document;
use crate::span::Span;

struct OasysSection;

pub fn build(table: &toml::Table) -> Result<Box<dyn Rule>, String> {
    super::no_options(table)?;
    Ok(Box::new(OasysSection))
}

const KEYWORDS: &[&str] = &["section", "sections", "question", "questions", "part", "box", "q"];
/// Other documents a numbered section may belong to.
const OTHER: &[&str] =
    &["mappa", "guidance", "act", "policy", "framework", "report", "review", "instruction", "pi", "licence", "order"];

/// Words after a section number that make it a section of an Act: "section 47 enquiries"
/// (Children Act 1989), "section 20 accommodation", "a section 37 order".
const ACT_USES: &[&str] =
    &["enquiries", "enquiry", "accommodation", "order", "orders", "notice", "warrant", "detention"];

/// A section number or question code: 6, 6.4, R6.2, 10.6.1 (not a time or a date).
fn is_code(w: &str) -> bool {
    let body = w.strip_prefix(['R', 'r', 'S', 's']).unwrap_or(w);
    let parts: Vec<&str> = body.split('.').collect();
    !body.is_empty()
        && parts.len() <= 3
        && parts.iter().all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// An OASys question code by its own shape: a letter, a section and a question ("R6.2",
/// "R10.1"), which no time, date or measure shares.
fn is_question_code(w: &str) -> bool {
    w.starts_with(['R', 'r']) && w.contains('.') && is_code(w)
}

fn is_oasys(w: &str) -> bool {
    w == "oasys"
}

impl Rule for OasysSection {
    fn check(&self, doc: &Document, out: &mut Emitter) {
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let words = sentence.words.clone();
            let here = words.clone().any(|i| is_oasys(doc.word_lower(i)));
            let block = &doc.blocks[sentence.block];
            let nearby = here
                || (s.saturating_sub(2).max(block.sentences.start)..s)
                    .any(|p| doc.sentences[p].words.clone().any(|i| is_oasys(doc.word_lower(i))));
            if !nearby {
                continue;
            }
            let mut i = words.start;
            while i < words.end {
                let w = doc.word_lower(i);
                let next_code = i + 1 < words.end && is_code(doc.word(i + 1));
                let act_use = i + 2 < words.end && ACT_USES.contains(&doc.word_lower(i + 2));
                let reference = if KEYWORDS.contains(&w) && next_code && !act_use {
                    // "section 7 of his OASys": take in the "of … OASys" that follows.
                    let mut end = i + 1;
                    let mut j = i + 2;
                    if j < words.end && doc.word_lower(j) == "of" {
                        while j < words.end && j <= i + 5 {
                            if is_oasys(doc.word_lower(j)) {
                                end = j;
                                break;
                            }
                            if OTHER.contains(&doc.word_lower(j)) {
                                break;
                            }
                            j += 1;
                        }
                        if j < words.end && OTHER.contains(&doc.word_lower(j)) {
                            i += 2;
                            continue;
                        }
                    }
                    Some((i, end))
                } else if is_oasys(w) && next_code && doc.joined(i + 1) {
                    Some((i, i + 1))
                } else if is_question_code(doc.word(i)) {
                    // "(OASys) R10.1": a lettered question code near a mention of OASys.
                    Some((i, i))
                } else {
                    None
                };
                if let Some((a, b)) = reference {
                    let span = Span::new(doc.words[a].span.start, doc.words[b].span.end);
                    out.emit(
                        span,
                        format!("\u{201c}{}\u{201d} points to a numbered part of OASys: the guidance asks reviews to avoid the minutiae of practice; say what the assessment found instead", doc.slice(span)),
                    );
                    i = b + 1;
                } else {
                    i += 1;
                }
            }
        }
    }
}

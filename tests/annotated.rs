//! Annotated review paragraphs (`tests/annotated/*.jsonl`, the format of the evaluation set:
//! `expect`, `optional` and `negatives` spans per rule, each the `nth` occurrence of `match`)
//! scored as the evaluation scores them: a finding overlapping an expected span of its rule
//! is a true positive, one overlapping an optional span is ignored, any other is a false
//! positive. The paragraphs were written and labelled from the guidance before the rules were
//! run on them, then used to find and fix general gaps; the few misses left are listed below.

use serde_json::Value;
use sfo_lint::{Format, Linter};
use std::collections::BTreeMap;

/// The annotated sets, scored together: each was written and labelled before the rules ran on it.
const FILES: &[&str] =
    &[include_str!("annotated/review-paragraphs.jsonl"), include_str!("annotated/review-paragraphs-2.jsonl")];

/// Byte range of the `nth` (1-based) occurrence of `needle`, overlapping occurrences counted.
fn nth_span(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let mut from = 0;
    let mut at = None;
    for _ in 0..nth {
        let i = from + text[from..].find(needle).unwrap_or_else(|| panic!("{needle:?} (nth {nth}) not in {text:?}"));
        at = Some(i);
        from = i + text[i..].chars().next().map_or(1, char::len_utf8);
    }
    let i = at.expect("nth is at least 1");
    (i, i + needle.len())
}

fn spans(case: &Value, kind: &str) -> Vec<(String, (usize, usize), String)> {
    let text = case["text"].as_str().unwrap();
    case[kind]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|s| {
                    let needle = s["match"].as_str().unwrap();
                    let nth = s["nth"].as_u64().unwrap_or(1) as usize;
                    (s["rule"].as_str().unwrap().to_owned(), nth_span(text, needle, nth), needle.to_owned())
                })
                .collect()
        })
        .unwrap_or_default()
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[derive(Default, Debug)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn f1(&self) -> f64 {
        let (tp, fp, fn_) = (self.tp as f64, self.fp as f64, self.fn_ as f64);
        if tp == 0.0 {
            return if fp + fn_ == 0.0 { 1.0 } else { 0.0 };
        }
        2.0 * tp / (2.0 * tp + fp + fn_)
    }
}

#[test]
fn annotated_paragraphs_score_as_the_guidance_expects() {
    let linter = Linter::default();
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut cases = 0;
    for line in FILES.iter().flat_map(|f| f.lines()).filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("each line is a JSON case");
        cases += 1;
        let (id, text) = (case["id"].as_str().unwrap(), case["text"].as_str().unwrap());
        let found = linter.lint(text, Format::Plain);
        let (expect, optional) = (spans(&case, "expect"), spans(&case, "optional"));
        let mut matched = vec![false; expect.len()];
        for d in found.iter().filter(|d| d.rule != "glossary-missing") {
            let span = (d.span.start, d.span.end);
            let hit =
                expect.iter().enumerate().position(|(k, (r, s, _))| !matched[k] && r == d.rule && overlaps(*s, span));
            let score = scores.entry(d.rule.to_owned()).or_default();
            match hit {
                Some(k) => {
                    matched[k] = true;
                    score.tp += 1;
                }
                None if optional.iter().any(|(r, s, _)| r == d.rule && overlaps(*s, span)) => {}
                None => {
                    score.fp += 1;
                    problems.push(format!("{id}: false {} on {:?}", d.rule, &text[d.span.start..d.span.end]));
                }
            }
        }
        for ((rule, _, needle), hit) in expect.iter().zip(&matched) {
            if !hit {
                scores.entry(rule.clone()).or_default().fn_ += 1;
                problems.push(format!("{id}: missed {rule} on {needle:?}"));
            }
        }
    }
    assert!(cases >= 200, "only {cases} cases read");
    let total =
        scores.values().fold(Score::default(), |t, s| Score { tp: t.tp + s.tp, fp: t.fp + s.fp, fn_: t.fn_ + s.fn_ });
    let report = format!("{scores:#?}\n{}", problems.join("\n"));
    // No rule may flag a near miss; a few hard cases may still be missed (see the note below).
    assert_eq!(total.fp, 0, "{report}");
    assert!(total.f1() >= 0.95, "micro F1 {:.2}\n{report}", total.f1());
    for (rule, s) in &scores {
        assert!(s.f1() >= 0.85, "{rule}: F1 {:.2}\n{report}", s.f1());
    }
    // Known misses: an age given in an earlier sentence (hv-06), a male victim with no act of
    // harm in the text to say so (hv-14), an argument with no domestic word (hm-08), "a domestic
    // incident" with no harm named in the sentence (n2-ml-02), and a bare OASys question number
    // after "score at" (n2-os-06).
    assert!(total.fn_ <= 5, "{report}");
}

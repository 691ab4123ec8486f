//! Every good and bad example in rules/*.toml runs: documentation cannot drift from behaviour.

mod common;

use sfo_lint::rules;

#[test]
fn every_rule_has_documentation_that_parses() {
    assert_eq!(rules::all_meta().len(), rules::RULES.len());
    for (spec, meta) in rules::RULES.iter().zip(rules::all_meta()) {
        assert_eq!(spec.id, meta.id, "rules/{}.toml names another rule", spec.id);
        assert!(!meta.guidance.is_empty() && !meta.rationale.trim().is_empty());
    }
}

#[test]
fn bad_examples_are_flagged_and_good_ones_are_not() {
    let mut failures = Vec::new();
    for meta in rules::all_meta() {
        for bad in &meta.examples.bad {
            if common::found(&meta.id, bad).is_empty() {
                failures.push(format!("{}: bad example not flagged: {bad:?}", meta.id));
            }
        }
        for good in &meta.examples.good {
            let got = common::found(&meta.id, good);
            if !got.is_empty() {
                failures.push(format!("{}: good example flagged {got:?}: {good:?}", meta.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_shipped_example_review_shows_every_rule_firing() {
    let linter = sfo_lint::Linter::default();
    let found = linter.lint(include_str!("../examples/review.txt"), sfo_lint::Format::Plain);
    for rule in linter.rule_ids() {
        assert!(found.iter().any(|d| d.rule == rule), "{rule} does not fire on examples/review.txt");
    }
}

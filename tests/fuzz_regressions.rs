//! Inputs the fuzz targets (fuzz/) found, kept as tests: each file under
//! tests/fuzz-regressions/ goes through the same checks as its target, named by prefix:
//! `lint-*` (text in both formats), `config-*` (an sfo-lint.toml), `docx-*` (a Word file).
//! Every span must lie in the text on character boundaries, diagnostics come sorted and
//! the same each time, and `fix` reaches a text that a second `fix` leaves alone.

use sfo_lint::{Config, Format, Linter, Span};
use std::path::PathBuf;

fn inputs(prefix: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    found.sort();
    found
}

fn assert_span(name: &str, text: &str, span: Span) {
    assert!(
        span.start <= span.end && text.get(span.start..span.end).is_some(),
        "{name}: span {span:?} is not a range of whole characters in a text of {} bytes",
        text.len()
    );
}

/// The fuzz targets' checks (fuzz/fuzz_targets/check.rs).
fn lint_soundly(name: &str, linter: &Linter, text: &str) {
    for format in [Format::Plain, Format::Markdown] {
        let found = linter.lint(text, format);
        for d in &found {
            assert_span(name, text, d.span);
            d.suggestions.iter().for_each(|s| assert_span(name, text, s.span));
        }
        assert!(found.windows(2).all(|w| w[0].sort_key() <= w[1].sort_key()), "{name}: out of order");
        assert_eq!(found, linter.lint(text, format), "{name}: not deterministic");
        let fixed = sfo_lint::fix::fix(linter, text, format);
        let again = sfo_lint::fix::fix(linter, &fixed.text, format);
        assert!(!again.changed(), "{name} ({format:?}): a second fix changed {:?} to {:?}", fixed.text, again.text);
    }
}

#[test]
fn lint_findings() {
    let linter = Linter::default();
    let inputs = inputs("lint-");
    assert!(!inputs.is_empty());
    for (name, bytes) in inputs {
        lint_soundly(&name, &linter, &String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn config_findings() {
    for (name, bytes) in inputs("config-") {
        let Ok(text) = std::str::from_utf8(&bytes) else { continue };
        if let Ok(linter) = Config::from_toml(text, None).and_then(|c| Linter::new(&c)) {
            lint_soundly(&name, &linter, "The offender 'utilised' MAPPA.");
        }
    }
}

#[test]
fn docx_findings() {
    let linter = Linter::default();
    for (name, bytes) in inputs("docx-") {
        if let Ok(extracted) = sfo_lint::docx::extract(&bytes) {
            lint_soundly(&name, &linter, &extracted.text);
        }
    }
}

/// The shape of the first finding, in words: a run of single marks around a word. Each
/// `--fix` pass dropped one pair of "scare quotes" and uncovered the next.
#[test]
fn a_run_of_single_marks_is_not_scare_quotes() {
    let linter = Linter::default();
    for text in ["'''w'''", "''w''", "\u{2018}\u{2018}word\u{2019}\u{2019}", "'''''''''''w'''''''''''"] {
        lint_soundly(text, &linter, text);
        assert!(!linter.lint(text, Format::Plain).iter().any(|d| d.rule == "scare-quotes"), "{text}");
    }
}

/// The second: a preferred term that uses the word it replaces ("offender" → "offender
/// manager") grew by one term each `--fix` pass. Such a configuration is refused.
#[test]
fn a_preferred_term_that_the_rule_flags_is_refused() {
    for preferred in ["offender manager", "ex-Offender", "person (offenders)"] {
        let text = format!("[offender-term]\npreferred = \"{preferred}\"\n");
        let config = Config::from_toml(&text, None).unwrap();
        let err = Linter::new(&config).err().unwrap_or_else(|| panic!("{preferred} was accepted"));
        assert!(err.to_string().contains("offender"), "{err}");
    }
    let config = Config::from_toml("[offender-term]\npreferred = \"person on licence\"\n", None).unwrap();
    assert!(Linter::new(&config).is_ok());
}

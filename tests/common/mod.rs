//! Helpers shared by the integration tests.
#![allow(dead_code)]

use sfo_lint::{Config, Diagnostic, Format, Linter};
use std::sync::OnceLock;

pub fn linter() -> &'static Linter {
    static L: OnceLock<Linter> = OnceLock::new();
    L.get_or_init(Linter::default)
}

pub fn lint(text: &str) -> Vec<Diagnostic> {
    linter().lint(text, Format::Plain)
}

/// The text of each finding of `rule` in `text`.
pub fn found(rule: &str, text: &str) -> Vec<String> {
    found_with(linter(), rule, text)
}

pub fn found_with(linter: &Linter, rule: &str, text: &str) -> Vec<String> {
    linter
        .lint(text, Format::Plain)
        .into_iter()
        .filter(|d| d.rule == rule)
        .map(|d| text[d.span.start..d.span.end].to_owned())
        .collect()
}

/// A linter with a configuration written as TOML.
pub fn linter_with(toml: &str) -> Linter {
    Linter::new(&Config::from_toml(toml, None).expect("valid test configuration")).expect("valid rules")
}

/// Asserts that each case draws exactly the findings listed (by the text they cover).
pub fn check_cases(rule: &str, cases: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let got = found(rule, text);
        if got.iter().map(String::as_str).collect::<Vec<_>>() != *expected {
            failures.push(format!("  {text:?}\n    expected {expected:?}\n    found    {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{rule}: {} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

/// Temporary files a fix left behind in `dir` (an atomic write leaves none).
pub fn temp_files(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

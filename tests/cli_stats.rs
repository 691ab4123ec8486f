//! `sfo-lint stats` end to end.

use std::process::Command;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/review.txt");

fn stats(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sfo-lint")).arg("stats").args(args).output().unwrap()
}

#[test]
fn human_report_of_the_example() {
    let out = stats(&[EXAMPLE]);
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).unwrap();
    for label in [
        "Words",
        "Sentences",
        "Average sentence",
        "Longest sentence",
        "Passive voice",
        "Acronyms",
        "Flesch reading ease",
        "Findings",
    ] {
        assert!(s.contains(&format!("  {label}")), "{label} missing:\n{s}");
    }
    assert!(s.contains("offender-term"), "{s}");
    assert!(s.contains("words (line "), "{s}");
}

#[test]
fn json_matches_the_library() {
    let out = stats(&["--format", "json", EXAMPLE]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let doc = sfo_lint::Document::parse(&text, sfo_lint::Format::Plain);
    let found = sfo_lint::Linter::default().lint_document(&doc);
    let lib = serde_json::to_value(sfo_lint::stats::Stats::compute(&doc, &found)).unwrap();
    assert_eq!(v["files"][0]["stats"], lib);
    assert!(v["files"][0]["stats"]["acronyms"].as_u64().unwrap() >= 9);
}

#[cfg(feature = "docx")]
#[test]
fn word_documents_and_errors() {
    #[path = "support/docx.rs"]
    mod support;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.docx");
    std::fs::write(&path, support::sample()).unwrap();
    let out = stats(&[path.to_str().unwrap()]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("(paragraph ") || s.contains("(table "), "{s}");
    std::fs::write(&path, b"broken").unwrap();
    assert_eq!(stats(&[path.to_str().unwrap()]).status.code(), Some(2));
    assert_eq!(stats(&[]).status.code(), Some(2), "a file is required");
}

//! `sfo-lint check` on Word documents: locations in the output, clean failures.
#![cfg(feature = "docx")]

#[path = "support/docx.rs"]
mod support;

use std::path::Path;
use std::process::{Command, Output};

fn check(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sfo-lint")).arg("check").args(args).current_dir(dir).output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn headings_are_known_from_word_styles() {
    // An acronym in a heading is not its first use; this heading ends in a colon, which a
    // plain-text reader would take for a paragraph, and the paragraph that follows defines it.
    let body = [
        support::styled("Heading1", "Work with MAPPA:"),
        support::p("Multi-Agency Public Protection Arrangements (MAPPA) managed the case."),
    ]
    .concat();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("review.docx"), support::docx(&body, &[("word/styles.xml", support::STYLES)]))
        .unwrap();
    let out = check(dir.path(), &["--format", "json", "--only", "acronym-undefined", "review.docx"]);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    // The same words as a plain paragraph are a first use before the definition.
    let body =
        [support::p("Work with MAPPA:"), support::p("Multi-Agency Public Protection Arrangements (MAPPA).")].concat();
    std::fs::write(dir.path().join("plain.docx"), support::docx(&body, &[])).unwrap();
    let out = check(dir.path(), &["--format", "json", "--only", "acronym-undefined", "plain.docx"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
}

#[test]
fn json_carries_offsets_and_locations() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("review.docx"), support::sample()).unwrap();
    let out = check(dir.path(), &["--format", "json", "--only", "offender-term", "review.docx"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(String, serde_json::Value)> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let (s, e) = (d["start"].as_u64().unwrap() as usize, d["end"].as_u64().unwrap() as usize);
            (support::SAMPLE_TEXT[s..e].to_owned(), d["location"].clone())
        })
        .collect();
    assert_eq!(
        found,
        [
            ("offender".to_owned(), serde_json::json!({"paragraph": 2})),
            ("offender".to_owned(), serde_json::json!({"table": 1, "row": 2, "cell": 2})),
            ("offender\u{2019}s".to_owned(), serde_json::json!({"footnote": 1})),
        ]
    );
}

#[test]
fn human_output_names_the_paragraph_and_shows_the_sentence() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("review.docx"), support::sample()).unwrap();
    let out = check(dir.path(), &["--only", "offender-term", "review.docx"]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("review.docx:paragraph 2"), "{stdout}");
    assert!(stdout.contains("The offender was recalled."), "{stdout}");
    // No line numbers of the extracted text in the gutter: the paragraph is the place.
    assert!(stdout.lines().any(|l| l == " | The offender was recalled."), "{stdout}");
    assert!(stdout.contains("review.docx:table 1, row 2, cell 2"), "{stdout}");
    assert!(stdout.contains("review.docx:footnote 1"), "{stdout}");
}

fn fails_cleanly(name: &str, bytes: &[u8], expect: &str) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    let out = check(dir.path(), &[name]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
    assert!(stderr.contains("cannot read Word document") && stderr.contains(expect), "{name}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn broken_documents_exit_2_with_a_clear_error() {
    let sample = support::sample();
    fails_cleanly("truncated.docx", &sample[..sample.len() * 2 / 3], "damaged");
    fails_cleanly("empty.docx", b"", "not a zip");
    fails_cleanly("text.docx", b"Just some text.", "not a zip");
    fails_cleanly("locked.docx", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0\0\0\0\0", "password-protected");
    fails_cleanly("nodoc.docx", &support::zip(&[("word/styles.xml", support::STYLES.as_bytes())]), "missing");
}

#[test]
fn a_zip_bomb_exits_2_quickly() {
    let started = std::time::Instant::now();
    fails_cleanly("bomb.docx", &support::bomb(200 << 20, 4096), "zip bomb");
    assert!(started.elapsed().as_secs() < 60);
}

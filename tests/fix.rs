//! Applying safe suggestions, and replacing a file atomically.

mod common;

use sfo_lint::fix::{apply, fix, unified_diff, write_atomic, Original, WriteError};
use sfo_lint::{Diagnostic, Format, Linter, Severity, Span, Suggestion};

fn diag(rule: &'static str, span: (usize, usize), suggestions: &[(&str, bool)]) -> Diagnostic {
    let span = Span::new(span.0, span.1);
    Diagnostic {
        rule,
        severity: Severity::Warning,
        message: String::new(),
        span,
        suggestions: suggestions
            .iter()
            .map(|(r, safe)| Suggestion { span, replacement: (*r).to_owned(), safe: *safe })
            .collect(),
    }
}

#[test]
fn applies_the_first_safe_suggestion_of_each_diagnostic() {
    let text = "The offender will utilise it.";
    let found = [
        diag("offender-term", (4, 12), &[("person", false), ("service user", true), ("client", true)]),
        diag("plain-words", (18, 25), &[("use", true)]),
        diag("risk-unqualified", (0, 3), &[("A", false)]),
    ];
    let (out, edits) = apply(text, &found);
    assert_eq!(out, "The service user will use it.");
    let summary: Vec<_> = edits.iter().map(|e| (e.rule, e.before.as_str(), e.after.as_str(), e.column)).collect();
    assert_eq!(summary, [("offender-term", "offender", "service user", 5), ("plain-words", "utilise", "use", 19)]);
}

#[test]
fn skips_overlaps_bad_spans_and_no_ops() {
    let text = "in order to start\nprior to it";
    let found = [
        diag("plain-words", (0, 11), &[("to", true)]),
        diag("plain-words", (3, 8), &[("sequence", true)]), // inside the first
        diag("plain-words", (12, 17), &[("start", true)]),  // replacement equal to the text
        diag("plain-words", (18, 26), &[("before", true)]),
        diag("plain-words", (40, 50), &[("past the end", true)]),
    ];
    let (out, edits) = apply(text, &found);
    assert_eq!(out, "to start\nbefore it");
    assert_eq!(edits.len(), 2);
    assert_eq!((edits[1].line, edits[1].column), (2, 1));
    // Two edits at the same place: the one that sorts first (the insertion) wins.
    let (out, _) = apply(text, &[diag("x", (0, 11), &[("to", true)]), diag("x", (0, 0), &[("X", true)])]);
    assert_eq!(out, "Xin order to start\nprior to it");
    // A span that splits a character is skipped, not a panic.
    let (out, edits) = apply("caf\u{e9}", &[diag("x", (3, 4), &[("e", true)])]);
    assert_eq!((out.as_str(), edits.len()), ("caf\u{e9}", 0));
}

#[test]
fn insertions_apply_back_to_front() {
    let text = "ab";
    let found =
        [diag("x", (2, 2), &[("!", true)]), diag("x", (0, 0), &[("> ", true)]), diag("x", (1, 1), &[("-", true)])];
    assert_eq!(apply(text, &found).0, "> a-b!");
}

const REVIEW: &str = "Case details\r\n\r\nThe offender\u{2019}s  licence began on 3 May.\tThe RO will utilise\u{a0}the hostel \
                      prior to his release, in order to help him.\r\nHis \u{2018}girlfriend\u{2019} was not told.   \r\n";

#[test]
fn fixing_twice_changes_nothing_the_second_time() {
    let linter = Linter::default();
    let first = fix(&linter, REVIEW, Format::Plain);
    assert!(first.changed(), "the review has safe fixes");
    let second = fix(&linter, &first.text, Format::Plain);
    assert!(!second.changed(), "second run edited: {:?}", second.passes);
    assert_eq!(second.text, first.text);
    // Nothing left to fix in what is reported.
    assert!(first
        .remaining
        .iter()
        .all(|d| !d.suggestions.iter().any(|s| s.safe) || apply(&first.text, std::slice::from_ref(d)).1.is_empty()));
}

#[test]
fn bytes_outside_the_edits_stay_identical() {
    let linter = Linter::default();
    let fixed = fix(&linter, REVIEW, Format::Plain);
    assert_eq!(fixed.passes.len(), 1, "one pass suffices here");
    // Rebuild the output from the original and the edits: every other byte is the original's.
    let mut rebuilt = String::new();
    let mut at = 0;
    for e in &fixed.passes[0] {
        assert_eq!(&REVIEW[e.span.start..e.span.end], e.before);
        rebuilt.push_str(&REVIEW[at..e.span.start]);
        rebuilt.push_str(&e.after);
        at = e.span.end;
    }
    rebuilt.push_str(&REVIEW[at..]);
    assert_eq!(rebuilt, fixed.text);
    for kept in ["\r\n\r\n", "\u{2019}s  licence", "\t", "\u{a0}", "   \r\n", "Case details"] {
        assert!(fixed.text.contains(kept), "{kept:?} lost");
    }
}

#[test]
fn a_diff_shows_the_changed_lines_with_context() {
    let old = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\ntwelve\n";
    let new = old.replace("two", "2").replace("eleven", "11");
    let d = unified_diff(old, &new, "a/x", "b/x");
    assert_eq!(
        d,
        "--- a/x\n+++ b/x\n@@ -1,5 +1,5 @@\n one\n-two\n+2\n three\n four\n five\n\
         @@ -8,5 +8,5 @@\n eight\n nine\n ten\n-eleven\n+11\n twelve\n"
    );
    // Changes six lines apart share a hunk, as in diff -u.
    let near = old.replace("two", "2").replace("nine", "9");
    assert_eq!(unified_diff(old, &near, "a", "b").matches("@@ -").count(), 1);
    assert_eq!(unified_diff(old, old, "a", "b"), "");
    let d = unified_diff("a\nb", "a\nc", "a", "b");
    assert!(d.ends_with("-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"), "{d}");
    let d = unified_diff("", "new\n", "a", "b");
    assert!(d.contains("@@ -0,0 +1 @@\n+new\n"), "{d}");
}

#[test]
fn writes_atomically_keeping_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.txt");
    std::fs::write(&path, "old").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let original = Original::read(&path).unwrap();
    write_atomic(&path, b"new", &original).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"new");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    }
    assert!(common::temp_files(dir.path()).is_empty());
}

#[test]
fn refuses_a_file_changed_on_disk_since_it_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.txt");
    std::fs::write(&path, "as read").unwrap();
    let original = Original::read(&path).unwrap();
    std::fs::write(&path, "edited meanwhile").unwrap();
    let err = write_atomic(&path, b"fixed", &original).unwrap_err();
    assert!(matches!(err, WriteError::Changed(_)), "{err}");
    assert!(err.to_string().contains("changed on disk"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited meanwhile");
    assert!(common::temp_files(dir.path()).is_empty());
}

#[test]
fn a_failed_write_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    // A path whose parent is a file: nothing can be created there.
    let blocker = dir.path().join("not-a-dir");
    std::fs::write(&blocker, "x").unwrap();
    let path = blocker.join("review.txt");
    let original = Original { bytes: b"x".to_vec(), modified: None };
    assert!(matches!(write_atomic(&path, b"fixed", &original), Err(WriteError::Io(..))));
    assert_eq!(std::fs::read(&blocker).unwrap(), b"x");
    // A directory that refuses new files (permissions do not stop root, so check first).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let ro = dir.path().join("ro");
        std::fs::create_dir(&ro).unwrap();
        let path = ro.join("review.txt");
        std::fs::write(&path, "keep me").unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
        let privileged = std::fs::write(ro.join("probe"), "").is_ok();
        if !privileged {
            let original = Original::read(&path).unwrap();
            assert!(matches!(write_atomic(&path, b"fixed", &original), Err(WriteError::Io(..))));
            assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
        }
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_is_followed_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.txt");
    let link = dir.path().join("link.txt");
    std::fs::write(&real, "old").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let original = Original::read(&link).unwrap();
    write_atomic(&link, b"new", &original).unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read(&real).unwrap(), b"new");
}

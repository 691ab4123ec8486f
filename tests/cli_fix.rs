//! `sfo-lint check --fix` end to end.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

const REVIEW: &str = "The offender was told to utilise the hostel.\nHe attended.\n";
const FIXED: &str = "The service user was told to use the hostel.\nHe attended.\n";

fn sfo(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sfo-lint")).args(args).current_dir(dir).output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn fixes_in_place_reports_the_rest_and_a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.txt"), REVIEW).unwrap();
    let out = sfo(&["check", "--fix", "r.txt"], dir.path());
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(std::fs::read_to_string(dir.path().join("r.txt")).unwrap(), FIXED);
    assert!(
        stderr.contains(
            "r.txt:1:5: fixed [offender-term] \u{201c}offender\u{201d} \u{2192} \u{201c}service user\u{201d}"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("fixed 2 problems in 1 file"), "{stderr}");
    // The report is of the fixed text: what is left is the passive voice.
    assert!(!stdout.contains("offender-term"), "{stdout}");
    assert!(stdout.contains("passive-voice"), "{stdout}");
    assert_eq!(out.status.code(), Some(1));

    let again = sfo(&["check", "--fix", "r.txt"], dir.path());
    assert!(!text(&again.stderr).contains("fixed"), "{}", text(&again.stderr));
    assert_eq!(std::fs::read_to_string(dir.path().join("r.txt")).unwrap(), FIXED);
    assert!(common::temp_files(dir.path()).is_empty());
}

#[test]
fn keeps_the_byte_order_mark_and_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.md");
    std::fs::write(&path, format!("\u{feff}{REVIEW}")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    sfo(&["check", "--fix", "r.md"], dir.path());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), format!("\u{feff}{FIXED}"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.txt"), REVIEW).unwrap();
    let out = sfo(&["check", "--fix", "--dry-run", "r.txt"], dir.path());
    assert_eq!(
        text(&out.stdout),
        "--- a/r.txt\n+++ b/r.txt\n@@ -1,2 +1,2 @@\n-The offender was told to utilise the hostel.\n\
         +The service user was told to use the hostel.\n He attended.\n"
    );
    let stderr = text(&out.stderr);
    assert!(stderr.contains("would fix 2 problems"), "{stderr}");
    assert!(stderr.contains("passive-voice"), "the report moves to stderr: {stderr}");
    assert_eq!(std::fs::read_to_string(dir.path().join("r.txt")).unwrap(), REVIEW);
    assert!(common::temp_files(dir.path()).is_empty());
}

#[test]
fn dry_run_needs_fix() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.txt"), REVIEW).unwrap();
    let out = sfo(&["check", "--dry-run", "r.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn standard_input_is_fixed_to_standard_output() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sfo-lint"))
        .args(["check", "--fix", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(REVIEW.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(text(&out.stdout), FIXED);
    let stderr = text(&out.stderr);
    let json_start = stderr.find('{').expect("the JSON report is on stderr");
    let report: serde_json::Value =
        serde_json::from_str(&stderr[json_start..=stderr.rfind('}').unwrap()]).expect(&stderr);
    assert!(report["files"][0]["diagnostics"].as_array().unwrap().iter().all(|d| d["rule"] != "offender-term"));
}

#[test]
fn json_report_stays_clean_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.txt"), REVIEW).unwrap();
    let out = sfo(&["check", "--fix", "--format", "json", "r.txt"], dir.path());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let d = &report["files"][0]["diagnostics"][0];
    // Offsets refer to the fixed file.
    let (s, e) = (d["start"].as_u64().unwrap() as usize, d["end"].as_u64().unwrap() as usize);
    assert_eq!(&FIXED[s..e], "was told");
}

#[cfg(feature = "docx")]
#[test]
fn word_documents_are_never_rewritten() {
    #[path = "support/docx.rs"]
    mod support;
    let dir = tempfile::tempdir().unwrap();
    let bytes = support::sample();
    std::fs::write(dir.path().join("r.docx"), &bytes).unwrap();
    let out = sfo(&["check", "--fix", "r.docx"], dir.path());
    assert!(
        text(&out.stderr).contains("r.docx: not fixed: Word documents are never rewritten"),
        "{}",
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("offender-term"));
    assert_eq!(std::fs::read(dir.path().join("r.docx")).unwrap(), bytes);
}

/// A failed write (here: no room for even one byte, which stops root too) leaves the file as
/// it was and no temporary file behind.
#[cfg(unix)]
#[test]
fn a_failed_write_leaves_the_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.txt"), REVIEW).unwrap();
    let script = format!("trap '' XFSZ; ulimit -f 0; exec '{}' check --fix r.txt", env!("CARGO_BIN_EXE_sfo-lint"));
    let out = Command::new("sh").args(["-c", &script]).current_dir(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("cannot write the fixed file"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(dir.path().join("r.txt")).unwrap(), REVIEW);
    assert!(common::temp_files(dir.path()).is_empty(), "{:?}", common::temp_files(dir.path()));
}

//! `sfo-lint glossary`: the draft case glossary.

use sfo_lint::{acronyms, Document, Format};
use std::io::Write;
use std::process::{Command, Output, Stdio};

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/review.txt");

fn glossary(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sfo-lint"))
        .arg("glossary")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn json(args: &[&str], stdin: Option<&str>) -> serde_json::Value {
    let out = glossary(args, stdin);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn entry<'a>(g: &'a serde_json::Value, term: &str) -> Option<&'a serde_json::Value> {
    g["entries"].as_array().unwrap().iter().find(|e| e["term"] == term)
}

#[test]
fn the_example_review_lists_every_acronym_it_uses_with_its_expansion() {
    let g = json(&["--format", "json", EXAMPLE], None);
    // Every acronym the shared detector finds outside the review's own glossary.
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let doc = Document::parse(&text, Format::Plain);
    let mut keys: Vec<String> = acronyms::scan(&doc).into_iter().filter(|u| !u.in_glossary).map(|u| u.key).collect();
    keys.dedup();
    assert!(keys.len() >= 9, "{keys:?}");
    for key in &keys {
        let e = g["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["kind"] == "acronym" && e["term"].as_str().unwrap().to_uppercase() == *key)
            .unwrap_or_else(|| panic!("{key} missing from {g:#}"));
        assert!(e["expansion"].as_str().is_some_and(|x| !x.is_empty()), "{key} has no expansion: {e}");
    }
    // The acronyms the review's own glossary explains, with the review's full names.
    for (term, expansion) in [
        ("SFO", "Serious Further Offence"),
        ("PDU", "Probation Delivery Unit"),
        ("MAPPA", "Multi-Agency Public Protection Arrangements"),
        ("MARAC", "Multi-Agency Risk Assessment Conference"),
        ("OASys", "Offender Assessment System"),
        ("IDVA", "Independent Domestic Violence Advisor"),
        ("SPO", "senior probation officer"),
    ] {
        let e = entry(&g, term).unwrap_or_else(|| panic!("{term}"));
        assert_eq!(e["expansion"], expansion);
        assert_eq!(e["status"], "review");
    }
    for term in ["RO", "UPW"] {
        assert!(entry(&g, term).is_some_and(|e| e["status"] == "dictionary"), "{term}");
    }
    assert!(g["unknown"].as_array().unwrap().is_empty());
}

#[test]
fn entries_come_in_order_of_first_use_with_counts() {
    let g = json(&["--format", "json", EXAMPLE], None);
    let starts: Vec<u64> = g["entries"].as_array().unwrap().iter().map(|e| e["start"].as_u64().unwrap()).collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
    assert_eq!(g["entries"][0]["term"], "SFO");
    assert_eq!(entry(&g, "SFO").unwrap()["uses"], 1, "the heading spells it out; the glossary does not count");
    assert!(g["used_once"].as_array().unwrap().contains(&serde_json::json!("SFO")));
    assert!(entry(&g, "RO").unwrap()["uses"].as_u64().unwrap() > 20);
}

#[test]
fn terms_of_art_written_in_full_are_explained() {
    let g = json(&["--format", "json", EXAMPLE], None);
    let e = entry(&g, "risk of serious harm").expect("a term of art");
    assert_eq!(e["kind"], "term");
    assert!(e["meaning"].as_str().unwrap().contains("serious harm"));
    let e = entry(&g, "Prison Offender Manager").expect("Prison Offender Manager");
    assert!(e["uses"].as_u64().unwrap() >= 3, "the possessive counts as a use: {e}");
    // Part of a longer name is not a term of its own.
    assert!(entry(&g, "Domestic Violence").is_none());
}

#[test]
fn unknown_ambiguous_and_review_defined_acronyms() {
    let text = "The XYZQ met the AP staff. Later the XYZQ left.\n\n\
                He moved to Approved Premises (AP) in May. The AP was full. The FTRQ came.\n";
    let g = json(&["--format", "json", "-"], Some(text));
    let x = entry(&g, "XYZQ").unwrap();
    assert_eq!((x["status"].as_str(), x["uses"].as_u64()), (Some("unknown"), Some(2)));
    assert_eq!(g["unknown"], serde_json::json!(["XYZQ", "FTRQ"]));
    // The review's own definition settles which meaning an ambiguous acronym has.
    let ap = entry(&g, "AP").unwrap();
    assert_eq!((ap["expansion"].as_str(), ap["status"].as_str()), (Some("Approved Premises"), Some("review")));
    assert!(ap["meaning"].as_str().unwrap().contains("hostel"));
    let md = String::from_utf8(glossary(&["-"], Some("The AP was full.")).stdout).unwrap();
    assert!(md.contains("- **AP**: _one of: Approved Premises; Accredited Programmes"), "{md}");
    let md = String::from_utf8(glossary(&["-"], Some(text)).stdout).unwrap();
    assert!(md.contains("### To fill in") && md.contains("- XYZQ (first used at line 1)"), "{md}");
    assert!(md.contains("### Used only once: spell these out instead\n\n- FTRQ, at line 3"), "{md}");
}

#[test]
fn markdown_and_csv() {
    let md = String::from_utf8(glossary(&[EXAMPLE], None).stdout).unwrap();
    assert!(md.starts_with("## Glossary\n\n- **SFO**: Serious Further Offence. "), "{md}");
    assert!(md.contains("- **MARAC**: Multi-Agency Risk Assessment Conference.\n"), "{md}");
    let csv = String::from_utf8(glossary(&["--format", "csv", EXAMPLE], None).stdout).unwrap();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("term,kind,expansion,meaning,status,uses,first_use"));
    let sfo = lines.next().unwrap();
    assert!(sfo.starts_with("SFO,acronym,Serious Further Offence,\"A serious"), "{sfo}");
    assert!(sfo.ends_with(",review,1,line 5"), "{sfo}");
}

#[test]
fn no_acronyms_and_missing_files() {
    let md = String::from_utf8(glossary(&["-"], Some("She met him on Monday.")).stdout).unwrap();
    assert!(md.contains("uses no acronyms"), "{md}");
    let out = glossary(&["/no/such/review.txt"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[cfg(feature = "docx")]
#[test]
fn word_documents_name_paragraphs() {
    #[path = "support/docx.rs"]
    mod support;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.docx");
    std::fs::write(&path, support::sample()).unwrap();
    let g = json(&["--format", "json", path.to_str().unwrap()], None);
    assert_eq!(entry(&g, "RO").unwrap()["first_use"], "paragraph 3");
    assert_eq!(entry(&g, "MARAC").unwrap()["first_use"], "paragraph 3");
}

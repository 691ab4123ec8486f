//! Reading Word documents: the text extracted, where it came from, and clean failures.
#![cfg(feature = "docx")]

#[path = "support/docx.rs"]
mod support;

use sfo_lint::document::BlockKind;
use sfo_lint::docx::{extract, Location};
use sfo_lint::report::Locate;
use sfo_lint::{Document, Format, Linter};
use support::*;

#[test]
fn extracts_paragraphs_headings_lists_tables_and_footnotes() {
    let got = extract(&sample()).expect("the fixture reads");
    assert_eq!(got.text, SAMPLE_TEXT);
}

#[test]
fn locates_paragraphs_cells_and_footnotes() {
    let got = extract(&sample()).unwrap();
    let at = |needle: &str| got.locations.get(got.text.find(needle).expect(needle)).cloned();
    assert_eq!(at("Case details"), Some(Location::Paragraph { paragraph: 1 }));
    assert_eq!(at("offender was recalled"), Some(Location::Paragraph { paragraph: 2 }));
    assert_eq!(at("The RO did not"), Some(Location::Paragraph { paragraph: 3 }));
    assert_eq!(at("Date"), Some(Location::Cell { table: 1, row: 1, cell: 1 }));
    assert_eq!(at("Event"), Some(Location::Cell { table: 1, row: 1, cell: 2 }));
    assert_eq!(at("03.05"), Some(Location::Cell { table: 1, row: 2, cell: 1 }));
    assert_eq!(at("supervised"), Some(Location::Cell { table: 1, row: 2, cell: 2 }));
    assert_eq!(at("She chose"), Some(Location::Paragraph { paragraph: 4 }));
    assert_eq!(at("Line two"), Some(Location::Paragraph { paragraph: 5 }));
    assert_eq!(at("girlfriend"), Some(Location::Paragraph { paragraph: 6 }));
    assert_eq!(at("record was checked"), Some(Location::Footnote { footnote: 1 }));
    // The JSON and human forms.
    let off = got.text.find("supervised").unwrap();
    assert_eq!(got.locations.locate(off), serde_json::json!({"table": 1, "row": 2, "cell": 2}));
    assert_eq!(got.locations.describe(off), "table 1, row 2, cell 2");
    let off = got.text.find("record").unwrap();
    assert_eq!(got.locations.locate(off), serde_json::json!({"footnote": 1}));
    assert_eq!(got.locations.describe(0), "paragraph 1");
}

#[test]
fn leaves_out_deletions_comments_and_separators() {
    let got = extract(&sample()).unwrap();
    for absent in ["Deleted words", "COMMENT", "SEPARATOR", "left\" w:pos"] {
        assert!(!got.text.contains(absent), "{absent:?} in {:?}", got.text);
    }
}

#[test]
fn the_document_sees_the_structure() {
    let got = extract(&sample()).unwrap();
    let doc = Document::parse(&got.text, Format::Plain);
    let kind_of = |needle: &str| {
        let off = got.text.find(needle).unwrap();
        doc.blocks.iter().find(|b| b.span.start <= off && off < b.span.end).map(|b| b.kind)
    };
    assert_eq!(kind_of("Case details"), Some(BlockKind::Heading));
    assert_eq!(kind_of("The RO did not"), Some(BlockKind::ListItem));
    assert_eq!(kind_of("She chose"), Some(BlockKind::Paragraph));
    // Cell and paragraph boundaries are sentence boundaries.
    let sentence = doc.sentences.iter().find(|s| doc.slice(s.span).contains("released")).unwrap();
    assert!(!doc.slice(sentence.span).contains("03.05"), "{:?}", doc.slice(sentence.span));
}

#[test]
fn word_styles_not_looks_decide_what_is_a_heading() {
    // A styled heading ending in a colon and one of twelve words; a short unstyled paragraph
    // with no full stop, which a plain-text file would take for a heading.
    let body = [
        styled("Heading1", "Analysis of practice:"),
        styled("Heading1", "What the reviewing manager found about the management of the case"),
        p("Mr Hale was released on licence"),
        p("He was seen weekly."),
    ]
    .concat();
    let got = extract(&docx(&body, &[("word/styles.xml", STYLES)])).unwrap();
    let kinds = |doc: &Document| -> Vec<BlockKind> { doc.blocks.iter().map(|b| b.kind).collect() };
    use BlockKind::*;
    assert_eq!(
        kinds(&Document::parse_with_headings(&got.text, &got.headings)),
        [Heading, Heading, Paragraph, Paragraph]
    );
    // Guessing from the look gets all but the last wrong.
    assert_eq!(kinds(&Document::parse(&got.text, Format::Plain)), [Paragraph, Paragraph, Heading, Paragraph]);
}

#[test]
fn diagnostics_locate_in_the_document() {
    let got = extract(&sample()).unwrap();
    let found = Linter::default().lint(&got.text, Format::Plain);
    let places: Vec<String> =
        found.iter().filter(|d| d.rule == "offender-term").map(|d| got.locations.describe(d.span.start)).collect();
    assert_eq!(places, ["paragraph 2", "table 1, row 2, cell 2", "footnote 1"]);
}

#[test]
fn headings_by_style_name_and_outline_level_lists_by_style() {
    let body = [
        styled("Kop2", "Analysis"),
        r#"<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Planning</w:t></w:r></w:p>"#.into(),
        styled("ListBullet", "First point."),
        r#"<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Not a list.</w:t></w:r></w:p>"#.into(),
        styled("Title", "Serious Further Offence review"),
    ]
    .concat();
    let got = extract(&docx(&body, &[("word/styles.xml", STYLES)])).unwrap();
    assert_eq!(got.text, "Analysis\n\nPlanning\n\n- First point.\n\nNot a list.\n\nSerious Further Offence review");
    // Without styles.xml, the usual style ids still make headings.
    let got = extract(&docx(&styled("Heading3", "Reviewing"), &[])).unwrap();
    assert_eq!(got.text, "Reviewing");
}

#[test]
fn skips_hidden_text_field_codes_and_fallbacks() {
    let body = concat!(
        r#"<w:p><w:r><w:t xml:space="preserve">Seen </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden </w:t></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        r#"<w:r><w:t>text.</w:t></w:r></w:p>"#,
        r#"<w:p><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:r><w:t>Box.</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>Box again.</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"#,
        r#"<w:p><w:r><w:t>Moved </w:t></w:r><w:moveFrom><w:r><w:t>away</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>here.</w:t></w:r></w:moveTo></w:p>"#,
    );
    let got = extract(&docx(body, &[])).unwrap();
    assert_eq!(got.text, "Seen text.\n\nBox.\n\nMoved here.");
}

#[test]
fn other_prefixes_and_relationship_targets() {
    // Any prefix bound to Word's namespace counts; a DrawingML `a:t` does not.
    let document = r#"<?xml version="1.0"?><x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><x:body><x:p><x:r><x:t>Prefixed.</x:t><a:t>Drawing.</a:t></x:r></x:p></x:body></x:document>"#;
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/></Relationships>"#;
    let bytes = zip(&[("_rels/.rels", rels.as_bytes()), ("word/main.xml", document.as_bytes())]);
    assert_eq!(extract(&bytes).unwrap().text, "Prefixed.");
}

fn error_of(bytes: &[u8]) -> String {
    extract(bytes).expect_err("should be refused")
}

#[test]
fn clear_errors_for_broken_files() {
    assert!(error_of(b"Hello").contains("not a zip"));
    assert!(error_of(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0").contains("password-protected"));
    let sample = sample();
    assert!(error_of(&sample[..sample.len() / 2]).contains("damaged"));
    let no_document = zip(&[("word/styles.xml", STYLES.as_bytes())]);
    assert!(error_of(&no_document).contains("word/document.xml is missing"));
    let malformed = zip(&[("word/document.xml", b"<w:document xmlns:w='x'><w:body><w:p></w:body></w:document>")]);
    assert!(error_of(&malformed).contains("not well-formed"), "{}", error_of(&malformed));
    let full = document(&p("Cut here"));
    let unfinished = zip(&[("word/document.xml", &full.as_bytes()[..full.find("here").unwrap()])]);
    assert!(error_of(&unfinished).contains("ends too early"), "{}", error_of(&unfinished));
    let bad_entity = zip(&[("word/document.xml", document(&p("a &bogus; b")).as_bytes())]);
    assert!(error_of(&bad_entity).contains("not well-formed"));
    let latin1 = zip(&[("word/document.xml", b"<w:document>\xe9</w:document>")]);
    assert!(error_of(&latin1).contains("not UTF-8"));
}

#[test]
fn zip_bombs_are_refused_without_trusting_declared_sizes() {
    for declared in [200 << 20, 1000] {
        let bomb = bomb(200 << 20, declared);
        assert!(bomb.len() < 2 << 20, "the fixture itself is small");
        let e = error_of(&bomb);
        assert!(e.contains("zip bomb"), "{e}");
    }
}

#[test]
fn truncation_anywhere_is_an_error_not_a_panic() {
    let sample = sample();
    for cut in (0..sample.len()).step_by(53) {
        let _ = extract(&sample[..cut]);
    }
    // Corrupt bytes inside the compressed data.
    for at in (40..sample.len()).step_by(97) {
        let mut bad = sample.clone();
        bad[at] ^= 0x5A;
        let _ = extract(&bad);
    }
}

mod props {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = sfo_lint::docx::extract(&bytes);
            let mut zipped = b"PK\x03\x04".to_vec();
            zipped.extend(bytes);
            let _ = sfo_lint::docx::extract(&zipped);
        }

        #[test]
        fn any_paragraph_text_survives(text in "[a-zA-Z0-9 .,\u{2019}\u{a0}]{0,60}") {
            let escaped = text.replace('&', "&amp;").replace('<', "&lt;");
            let got = sfo_lint::docx::extract(&super::support::docx(&super::support::p(&escaped), &[])).unwrap();
            prop_assert_eq!(got.text, text.trim());
        }
    }
}

//! Properties over arbitrary Unicode and over review-like text assembled from the
//! dictionaries: linting never panics, spans are sound, output is sorted and deterministic,
//! and positions round-trip in every encoding.

use proptest::prelude::*;
use sfo_lint::document::{BlockKind, Encoding, LineCol, LineIndex};
use sfo_lint::{Document, Format, Linter, Span};
use std::sync::OnceLock;

fn linter() -> &'static Linter {
    static L: OnceLock<Linter> = OnceLock::new();
    L.get_or_init(Linter::default)
}

/// Pieces that make text look like a review, including the awkward parts of Word-pasted
/// text: curly quotes, apostrophes, dashes, non-breaking spaces, CRLF.
fn fragment() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "The offender",
        "risk",
        "was assessed",
        "by the RO",
        "MAPPA",
        "Multi-Agency Public Protection Arrangements (MAPPA)",
        "utilise",
        "in order to",
        "section 6.4 of OASys",
        "his \u{2018}girlfriend\u{2019}",
        "the 'relationship'",
        "users'",
        "O'Brien",
        "\u{2019}90s",
        "she chose to stay",
        "a volatile relationship",
        "the Hillside Boys",
        "e.g.",
        "Mr.",
        "03.05.2021",
        "1.5",
        "\u{201c}I\u{2019}m fine\u{201d}",
        "\u{2014}",
        "\u{a0}",
        "\r\n",
        "\n\n",
        ". ",
        "; and",
        "# Heading\n",
        "- item ",
        "<!-- sfo-lint-disable-next-line offender-term -->\n",
        "\nsfo-lint-disable-next-line offender-term\n",
        "sfo-lint-disable\n",
        "sfo-lint-enable\n",
        "`code`",
        "[link](http://x)",
        "\u{1F600}",
        "\u{feff}",
        "\0",
        "'",
        "\"",
        "(",
        ")",
        "RoSH",
        "ROs",
        "II",
        "KEY FINDINGS",
    ]);
    words.prop_map(str::to_owned)
}

fn review_like() -> impl Strategy<Value = String> {
    prop::collection::vec((fragment(), prop::sample::select(vec![" ", "", ". ", ", "])), 0..60)
        .prop_map(|v| v.into_iter().map(|(a, b)| a + b).collect())
}

fn check_invariants(text: &str, format: Format) -> Result<(), TestCaseError> {
    let diags = linter().lint(text, format);
    for d in &diags {
        prop_assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "span {:?} out of text", d.span);
        prop_assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "span {:?} splits a char",
            d.span
        );
        for s in &d.suggestions {
            prop_assert!(s.span.start <= s.span.end && s.span.end <= text.len());
            prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        }
    }
    prop_assert!(diags.windows(2).all(|w| w[0].sort_key() <= w[1].sort_key()), "diagnostics not sorted");
    prop_assert_eq!(&diags, &linter().lint(text, format), "linting is not deterministic");
    Ok(())
}

fn check_round_trip(text: &str) -> Result<(), TestCaseError> {
    let index = LineIndex::new(text);
    let offsets: Vec<usize> = (0..=text.len()).filter(|&o| text.is_char_boundary(o)).collect();
    for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
        let batch = index.line_cols(text, &offsets, enc);
        for (&o, &lc) in offsets.iter().zip(&batch) {
            prop_assert_eq!(lc, index.line_col(text, o, enc));
            // A line break's own offset maps back to the end of its line.
            let back = index.offset(text, lc, enc);
            let line_end = index.line_end(text, lc.line);
            let expect = if o > line_end { line_end } else { o };
            prop_assert_eq!(back, Some(expect), "offset {} -> {:?} -> {:?} ({:?})", o, lc, back, enc);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_lints_soundly(text in "\\PC{0,400}") {
        check_invariants(&text, Format::Plain)?;
        check_invariants(&text, Format::Markdown)?;
    }

    #[test]
    fn arbitrary_unicode_with_controls_lints_soundly(text in any::<String>()) {
        check_invariants(&text, Format::Plain)?;
        check_invariants(&text, Format::Markdown)?;
    }

    #[test]
    fn review_like_text_lints_soundly(text in review_like()) {
        check_invariants(&text, Format::Plain)?;
        check_invariants(&text, Format::Markdown)?;
    }

    /// Headings given by the caller (a Word document's styles), in any order and anywhere,
    /// even past the end: the document stays well formed and every finding sound.
    #[test]
    fn known_headings_anywhere_keep_the_document_sound(
        text in review_like(),
        spans in proptest::collection::vec((0usize..2_000, 0usize..200), 0..6),
    ) {
        let headings: Vec<Span> = spans.iter().map(|&(a, n)| Span::new(a, a + n)).collect();
        let doc = Document::parse_with_headings(&text, &headings);
        let mut end = 0;
        for b in &doc.blocks {
            prop_assert!(end <= b.span.start && b.span.end <= text.len(), "block {:?} out of order or text", b.span);
            prop_assert!(text.is_char_boundary(b.span.start) && text.is_char_boundary(b.span.end));
            end = b.span.end;
        }
        for d in linter().lint_document(&doc) {
            prop_assert!(d.span.end <= text.len() && text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        }
        // With no headings known, no line is a heading.
        let none = Document::parse_with_headings(&text, &[]);
        prop_assert!(none.blocks.iter().all(|b| b.kind != BlockKind::Heading));
    }

    #[test]
    fn positions_round_trip(text in review_like()) {
        check_round_trip(&text)?;
    }

    #[test]
    fn positions_round_trip_on_arbitrary_text(text in "\\PC{0,200}") {
        check_round_trip(&text)?;
    }
}

#[test]
fn utf16_positions_never_land_inside_a_surrogate_pair() {
    let text = "a\u{1F600}b";
    let index = LineIndex::new(text);
    assert_eq!(index.offset(text, LineCol { line: 0, col: 2 }, Encoding::Utf16), None);
    assert_eq!(index.offset(text, LineCol { line: 0, col: 3 }, Encoding::Utf16), Some(5));
}

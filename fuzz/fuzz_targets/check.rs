//! The soundness checks every target applies to text it has: linting never panics, spans
//! lie in the text on character boundaries, diagnostics come sorted and the same each
//! time, and fixing reaches a text that a second fix leaves alone.

use sfo_lint::{Format, Linter, Span};
use std::sync::OnceLock;

#[allow(dead_code)] // the config target builds its own
/// Built once: a fresh linter per input would measure the dictionaries, not the rules.
pub fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(Linter::default)
}

fn assert_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what}: backwards span {span:?}");
    assert!(span.end <= text.len(), "{what}: span {span:?} past the end ({})", text.len());
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} splits a character"
    );
}

/// Lints `text` in both formats with `linter` and checks what comes back.
pub fn lint_soundly(linter: &Linter, text: &str) {
    for format in [Format::Plain, Format::Markdown] {
        let found = linter.lint(text, format);
        for d in &found {
            assert_span(text, d.span, d.rule);
            for s in &d.suggestions {
                assert_span(text, s.span, d.rule);
            }
        }
        assert!(found.windows(2).all(|w| w[0].sort_key() <= w[1].sort_key()), "diagnostics out of order");
        assert_eq!(found, linter.lint(text, format), "linting is not deterministic");

        let fixed = sfo_lint::fix::fix(linter, text, format);
        let again = sfo_lint::fix::fix(linter, &fixed.text, format);
        assert!(!again.changed(), "a second fix pass changed the text: {:?} -> {:?}", fixed.text, again.text);
    }
}

//! Arbitrary bytes as a Word document: the reader returns an error, never panics, and any
//! text it returns lints soundly and maps back to document locations without panicking.
#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(extracted) = sfo_lint::docx::extract(data) else { return };
    let text = &extracted.text;
    for offset in [0, text.len() / 2, text.len()] {
        let _ = extracted.locations.get(offset);
    }
    check::lint_soundly(check::linter(), text);
    // As the command line reads it: the Word headings known, not guessed.
    let doc = sfo_lint::Document::parse_with_headings(text, &extracted.headings);
    for d in check::linter().lint_document(&doc) {
        assert!(d.span.end <= text.len() && text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
    }
});

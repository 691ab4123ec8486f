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
});

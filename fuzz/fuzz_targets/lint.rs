//! Arbitrary bytes, as UTF-8 when they are and lossily decoded too, through the default
//! linter in plain and Markdown formats.
#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let linter = check::linter();
    match std::str::from_utf8(data) {
        Ok(text) => check::lint_soundly(linter, text),
        Err(_) => check::lint_soundly(linter, &String::from_utf8_lossy(data)),
    }
});

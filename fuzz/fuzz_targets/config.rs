//! Arbitrary text as `sfo-lint.toml`: parsing and building a linter return errors, never
//! panic; a linter that builds lints a short review soundly.
#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;
use sfo_lint::{Config, Linter};

const SAMPLE: &str = "The offender, Mr X, utilised the MAPPA process. He was recalled on 3 March.\n\n\
# Findings\n\n\"The victim's family\" said she should have left.\n";

fuzz_target!(|text: &str| {
    let Ok(config) = Config::from_toml(text, None) else { return };
    let Ok(linter) = Linter::new(&config) else { return };
    check::lint_soundly(&linter, SAMPLE);
});

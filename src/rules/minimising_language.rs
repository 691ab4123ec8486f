//! `minimising-language`: wording that minimises abuse or the perpetrator's responsibility.
//!
//! "a domestic", a "volatile relationship", "crime of passion", "lost his temper", "snapped",
//! a "tragic incident" for a killing, "fondled", "had sex with" a child. The phrases, their
//! conditions and their sources are data in `dictionaries/minimising-language.txt`; matching
//! and the shared exemptions (quotations, the perpetrator's reported words) are in
//! [`crate::sensitive`].

use super::Rule;
use crate::diagnostic::Emitter;
use crate::dictionaries;
use crate::document::Document;
use crate::sensitive::{self, Lexicon};
use std::sync::OnceLock;

struct MinimisingLanguage;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    // Compiled in and parsed by the tests: a bad file is a bug.
    LEX.get_or_init(|| {
        Lexicon::parse(dictionaries::MINIMISING_LANGUAGE)
            .unwrap_or_else(|e| panic!("dictionaries/minimising-language.txt: {e}"))
    })
}

pub fn build(table: &toml::Table) -> Result<Box<dyn Rule>, String> {
    super::no_options(table)?;
    Ok(Box::new(MinimisingLanguage))
}

impl Rule for MinimisingLanguage {
    fn check(&self, doc: &Document, out: &mut Emitter) {
        sensitive::emit(lexicon(), doc, out);
    }
}

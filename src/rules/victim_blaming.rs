//! `victim-blaming`: wording that puts responsibility for abuse on its victim.
//!
//! Domestic abuse ("chose to stay", "allowed him back", "put herself at risk"), child sexual
//! abuse ("child prostitute", a child "was sexually active", a "relationship" between an adult
//! and a child) and gang crime (a victim's gang involvement offered as the reason for the
//! attack). The phrases, their conditions and their sources are data in
//! `dictionaries/victim-blaming.txt`; matching and the shared exemptions (quotations, the
//! perpetrator's reported words) are in [`crate::sensitive`].

use super::Rule;
use crate::diagnostic::Emitter;
use crate::dictionaries;
use crate::document::Document;
use crate::sensitive::{self, Lexicon};
use std::sync::OnceLock;

struct VictimBlaming;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    // Compiled in and parsed by the tests: a bad file is a bug.
    LEX.get_or_init(|| {
        Lexicon::parse(dictionaries::VICTIM_BLAMING).unwrap_or_else(|e| panic!("dictionaries/victim-blaming.txt: {e}"))
    })
}

pub fn build(table: &toml::Table) -> Result<Box<dyn Rule>, String> {
    super::no_options(table)?;
    Ok(Box::new(VictimBlaming))
}

impl Rule for VictimBlaming {
    fn check(&self, doc: &Document, out: &mut Emitter) {
        sensitive::emit(lexicon(), doc, out);
    }
}

//! `minimising-language`: not written yet; emits nothing.

use super::Rule;
use crate::diagnostic::Emitter;
use crate::document::Document;

struct Pending;

pub fn build(table: &toml::Table) -> Result<Box<dyn Rule>, String> {
    super::no_options(table)?;
    Ok(Box::new(Pending))
}

impl Rule for Pending {
    fn check(&self, _doc: &Document, _out: &mut Emitter) {}
}

//! The rules, one module each, and the registry that names them.
//!
//! A rule reads a [`Document`] and emits diagnostics; it never reads files or re-tokenises
//! text. Its documentation (summary, rationale, the guidance it enforces, good and bad
//! examples) lives in `rules/<id>.toml`, which `sfo-lint explain`, the README and the
//! example tests all read.

use crate::config::ConfigError;
use crate::diagnostic::{Emitter, Severity};
use crate::document::Document;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

pub trait Rule: Send + Sync {
    fn check(&self, doc: &Document, out: &mut Emitter);
}

/// Builds a rule from its `sfo-lint.toml` table (empty when the file has none).
pub type Build = fn(&toml::Table) -> Result<Box<dyn Rule>, String>;

pub struct RuleSpec {
    pub id: &'static str,
    meta_source: &'static str,
    pub build: Build,
}

/// A rule's documentation, from `rules/<id>.toml`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleMeta {
    pub id: String,
    pub severity: Severity,
    pub summary: String,
    /// The part of the guidance the rule enforces, quoted or closely paraphrased.
    pub guidance: String,
    pub rationale: String,
    /// What to write instead.
    pub instead: String,
    /// Public sources of the rule's word lists.
    #[serde(default)]
    pub sources: Vec<String>,
    pub examples: Examples,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Each must draw at least one diagnostic from the rule.
    pub bad: Vec<String>,
    /// Each must draw none.
    pub good: Vec<String>,
}

macro_rules! registry {
    ($($module:ident => $id:literal,)*) => {
        $(pub mod $module;)*
        /// Every rule, in the order `sfo-lint rules` lists them.
        pub static RULES: &[RuleSpec] = &[
            $(RuleSpec { id: $id, meta_source: include_str!(concat!("../../rules/", $id, ".toml")), build: $module::build },)*
        ];
    };
}

registry! {
    acronym_undefined => "acronym-undefined",
    glossary_missing => "glossary-missing",
    risk_unqualified => "risk-unqualified",
    offender_term => "offender-term",
    scare_quotes => "scare-quotes",
    passive_voice => "passive-voice",
    sentence_length => "sentence-length",
    gang_naming => "gang-naming",
    victim_blaming => "victim-blaming",
    minimising_language => "minimising-language",
    plain_words => "plain-words",
    oasys_section => "oasys-section",
}

pub fn spec(id: &str) -> Option<&'static RuleSpec> {
    RULES.iter().find(|r| r.id == id)
}

/// Documentation of every rule, parsed once.
pub fn all_meta() -> &'static [RuleMeta] {
    static META: OnceLock<Vec<RuleMeta>> = OnceLock::new();
    META.get_or_init(|| {
        RULES
            .iter()
            .map(|r| {
                // The files are compiled in and checked by the test suite: a bad one is a bug.
                toml::from_str(r.meta_source).unwrap_or_else(|e| panic!("rules/{}.toml: {e}", r.id))
            })
            .collect()
    })
}

pub fn meta(id: &str) -> Option<&'static RuleMeta> {
    all_meta().iter().find(|m| m.id == id)
}

/// Options a rule does not take: an empty table is all it accepts.
pub fn no_options(table: &toml::Table) -> Result<(), String> {
    match table.keys().next() {
        Some(k) => Err(format!("unknown option `{k}`")),
        None => Ok(()),
    }
}

/// Deserialises a rule's options, rejecting unknown keys (the struct says `deny_unknown_fields`).
pub fn options<T: serde::de::DeserializeOwned>(table: &toml::Table) -> Result<T, String> {
    toml::Value::Table(table.clone()).try_into().map_err(|e: toml::de::Error| e.message().trim().to_owned())
}

pub(crate) fn build_error(config: &crate::config::Config, rule: &str, message: String) -> ConfigError {
    config.option_error(rule, message)
}

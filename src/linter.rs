//! The engine: builds the enabled rules from a configuration and runs them over a document.

use crate::config::{Config, ConfigError, RuleLevel};
use crate::diagnostic::{Diagnostic, Emitter, Severity};
use crate::document::{Document, Format};
use crate::rules::{self, Rule};
use crate::suppress::Suppressions;

struct Active {
    id: &'static str,
    severity: Severity,
    rule: Box<dyn Rule>,
}

/// The configured rules, built once and reused for every text.
pub struct Linter {
    rules: Vec<Active>,
}

impl Linter {
    pub fn new(config: &Config) -> Result<Linter, ConfigError> {
        let empty = toml::Table::new();
        let mut active = Vec::new();
        for (spec, meta) in rules::RULES.iter().zip(rules::all_meta()) {
            let severity = match config.rules.get(spec.id) {
                Some(RuleLevel::Off) => continue,
                Some(RuleLevel::Severity(s)) => *s,
                Some(RuleLevel::On) | None => meta.severity,
            };
            let options = config.options.get(spec.id).unwrap_or(&empty);
            let rule = (spec.build)(options).map_err(|m| rules::build_error(config, spec.id, m))?;
            active.push(Active { id: spec.id, severity, rule });
        }
        Ok(Linter { rules: active })
    }

    /// The ids of the rules that run, in registry order.
    pub fn rule_ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.rules.iter().map(|a| a.id)
    }

    /// Lints a text: parse, run every rule, drop suppressed findings, sort.
    pub fn lint(&self, text: &str, format: Format) -> Vec<Diagnostic> {
        self.lint_document(&Document::parse(text, format))
    }

    pub fn lint_document(&self, doc: &Document) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for a in &self.rules {
            let mut emitter = Emitter { rule: a.id, severity: a.severity, out: &mut out };
            a.rule.check(doc, &mut emitter);
        }
        Suppressions::parse(doc.text(), &doc.lines).apply(&mut out, &doc.lines);
        out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        out.dedup_by(|a, b| a.sort_key() == b.sort_key());
        out
    }
}

impl Default for Linter {
    /// Every rule at its default severity.
    fn default() -> Self {
        Linter::new(&Config::default()).expect("the default configuration is valid")
    }
}

//! What a rule finds: a diagnostic with a span, a message and suggested replacements.

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "hint" => Ok(Severity::Hint),
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(format!("unknown severity `{s}` (expected error, warning, info or hint)")),
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A replacement of `span` by `replacement`. `safe` marks edits that `--fix` may apply
/// without a person reading them: they keep the meaning and change only the wording.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub span: Span,
    pub replacement: String,
    pub safe: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    pub suggestions: Vec<Suggestion>,
}

impl Diagnostic {
    /// The order diagnostics are reported in: by position, then rule.
    pub fn sort_key(&self) -> (usize, usize, &'static str) {
        (self.span.start, self.span.end, self.rule)
    }
}

/// Collects one rule's diagnostics; the engine sets the rule id and severity.
pub struct Emitter<'a> {
    pub(crate) rule: &'static str,
    pub(crate) severity: Severity,
    pub(crate) out: &'a mut Vec<Diagnostic>,
}

impl Emitter<'_> {
    pub fn emit(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.out.push(Diagnostic {
            rule: self.rule,
            severity: self.severity,
            message: message.into(),
            span,
            suggestions: Vec::new(),
        });
        self.out.last_mut().expect("just pushed")
    }
}

impl Diagnostic {
    /// Adds a suggestion that replaces the diagnostic's own span.
    pub fn replace(&mut self, replacement: impl Into<String>, safe: bool) -> &mut Self {
        let span = self.span;
        self.replace_span(span, replacement, safe)
    }

    pub fn replace_span(&mut self, span: Span, replacement: impl Into<String>, safe: bool) -> &mut Self {
        self.suggestions.push(Suggestion { span, replacement: replacement.into(), safe });
        self
    }
}

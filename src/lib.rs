//! sfo-lint: a linter for the plain English and victim sensitivity of Serious Further
//! Offence (SFO) reviews, after HM Inspectorate of Probation's quality guidance.
//!
//! Text flows one way: source → [`Document`] (blocks, sentences, words, quoted spans, byte
//! spans) → rules → [`Diagnostic`]s → a front end (the CLI's formatters, the language
//! server, the web page).
//!
//! ```
//! use sfo_lint::{Format, Linter};
//! let linter = Linter::default();
//! let found = linter.lint("The offender was recalled.", Format::Plain);
//! assert!(found.iter().any(|d| d.rule == "offender-term"));
//! ```

pub mod acronyms;
pub mod config;
pub mod diagnostic;
pub mod dictionaries;
pub mod document;
#[cfg(feature = "docx")]
pub mod docx;
pub mod fix;
pub mod inflect;
pub mod input;
pub mod key;
pub mod linter;
pub mod pattern;
pub mod phrase;
pub mod report;
pub mod rules;
pub mod sensitive;
pub mod span;
pub mod stats;
pub mod suppress;

pub use config::{Config, ConfigError, RuleLevel};
pub use diagnostic::{Diagnostic, Severity, Suggestion};
pub use document::{Document, Format};
pub use linter::Linter;
pub use span::Span;

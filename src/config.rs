//! `sfo-lint.toml`: rules on and off, severities, rule options and the case's own words.
//!
//! ```toml
//! [rules]
//! passive-voice = "off"          # or "on", "error", "warning", "info", "hint"
//!
//! [offender-term]
//! preferred = "person on probation"
//!
//! [gang-naming]
//! names = ["Red Lane Crew"]
//! ```
//! Each rule's table is handed to the rule, which rejects keys it does not know; errors name
//! the file, the line and the key.

use crate::diagnostic::Severity;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "sfo-lint.toml";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleLevel {
    Off,
    On,
    Severity(Severity),
}

impl std::str::FromStr for RuleLevel {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "off" | "false" => Ok(RuleLevel::Off),
            "on" | "true" => Ok(RuleLevel::On),
            _ => s
                .parse()
                .map(RuleLevel::Severity)
                .map_err(|_| format!("unknown level `{s}` (expected off, on, error, warning, info or hint)")),
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Levels set in `[rules]`, by rule id.
    pub rules: BTreeMap<String, RuleLevel>,
    /// Each rule's own table, by rule id.
    pub options: BTreeMap<String, toml::Table>,
    /// Where the configuration came from, for error messages.
    pub path: Option<PathBuf>,
    /// The source text, to find the line of a key in later errors.
    source: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: Option<PathBuf>,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.as_deref().map_or_else(|| "configuration".to_owned(), |p| p.display().to_string());
        match self.line {
            Some(l) => write!(f, "{path}:{l}: {}", self.message),
            None => write!(f, "{path}: {}", self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Parses a configuration's text. `path` is only for messages.
    pub fn from_toml(text: &str, path: Option<&Path>) -> Result<Config, ConfigError> {
        let err =
            |line: Option<usize>, message: String| ConfigError { path: path.map(Path::to_path_buf), line, message };
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            err(line, e.message().trim().to_owned())
        })?;
        let mut config = Config { path: path.map(Path::to_path_buf), source: text.to_owned(), ..Config::default() };
        for (key, value) in table {
            if key == "rules" {
                let toml::Value::Table(levels) = value else {
                    return Err(err(locate(text, None, "rules"), "`rules` must be a table of rule = level".into()));
                };
                for (rule, level) in levels {
                    let line = locate(text, Some("rules"), &rule);
                    if crate::rules::spec(&rule).is_none() {
                        return Err(err(line, format!("unknown rule `{rule}` in [rules]")));
                    }
                    let level = match level {
                        toml::Value::String(s) => s.parse().map_err(|m| err(line, format!("[rules] {rule}: {m}")))?,
                        toml::Value::Boolean(b) => {
                            if b {
                                RuleLevel::On
                            } else {
                                RuleLevel::Off
                            }
                        }
                        _ => {
                            return Err(err(
                                line,
                                format!("[rules] {rule}: expected a level such as \"off\" or \"warning\""),
                            ))
                        }
                    };
                    config.rules.insert(rule, level);
                }
            } else if crate::rules::spec(&key).is_some() {
                let toml::Value::Table(t) = value else {
                    return Err(err(locate(text, None, &key), format!("`{key}` must be a table of options")));
                };
                config.options.insert(key, t);
            } else {
                return Err(err(
                    locate(text, None, &key),
                    format!("unknown key `{key}` (expected `rules` or a rule id)"),
                ));
            }
        }
        Ok(config)
    }

    /// Reads a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: Some(path.to_path_buf()),
            line: None,
            message: format!("cannot read: {e}"),
        })?;
        Config::from_toml(&text, Some(path))
    }

    /// The nearest `sfo-lint.toml` in `dir` or above it, as rustfmt finds `rustfmt.toml`.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
    }

    /// An error about a key of rule `rule`'s table, placed on the key's line.
    pub(crate) fn option_error(&self, rule: &str, message: String) -> ConfigError {
        // serde names the key in backquotes: "unknown field `maxx`" / "invalid type ... for key `max`".
        let key = message.split('`').nth(1).unwrap_or(rule);
        let line = locate(&self.source, Some(rule), key).or_else(|| locate(&self.source, None, rule));
        ConfigError { path: self.path.clone(), line, message: format!("[{rule}] {message}") }
    }

    /// Sets a rule's level (front ends use this for command-line and editor settings).
    pub fn set_level(&mut self, rule: &str, level: RuleLevel) {
        self.rules.insert(rule.to_owned(), level);
    }

    /// Sets one option of a rule.
    pub fn set_option(&mut self, rule: &str, key: &str, value: toml::Value) {
        self.options.entry(rule.to_owned()).or_default().insert(key.to_owned(), value);
    }
}

/// The 1-based line of `key` inside `[section]` (or at the top level), if it can be found.
fn locate(text: &str, section: Option<&str>, key: &str) -> Option<usize> {
    let mut current: Option<String> = None;
    for (n, line) in text.lines().enumerate() {
        let t = line.trim();
        if let Some(name) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            let name = name.trim().trim_matches('[').trim_matches(']').trim().to_owned();
            if section.is_none() && (name == key || name.starts_with(&format!("{key}."))) {
                return Some(n + 1);
            }
            current = Some(name);
            continue;
        }
        let k = t.split('=').next().unwrap_or("").trim().trim_matches('"');
        if k == key && current.as_deref() == section {
            return Some(n + 1);
        }
    }
    None
}

//! Editor settings, and the linters they make together with each case's `sfo-lint.toml`.
//!
//! Settings arrive as `initializationOptions` and in `workspace/didChangeConfiguration`, as
//! `{"sfoLint": {"rules": {...}, "preferredTerm": "...", "sentenceLength": {"max": 25}}}` (the
//! VS Code extension's shape) or the same object without the wrapper. They are laid over the
//! nearest `sfo-lint.toml`: the editor wins. An editor value equal to the built-in default is
//! treated as unset, because editors send every setting, defaults included, and a default
//! must not override what the case's file asks for.

use serde_json::Value;
use sfo_lint::{Config, Linter, RuleLevel};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

const DEFAULT_TERM: &str = "service user";
const DEFAULT_SENTENCE_MAX: i64 = 25;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct EditorSettings {
    rules: BTreeMap<String, RuleLevel>,
    preferred_term: Option<String>,
    sentence_max: Option<i64>,
}

impl EditorSettings {
    /// Reads settings, returning what was wrong with them alongside (unknown rules, bad
    /// levels): a bad entry is skipped, the rest still apply.
    pub fn from_json(value: &Value) -> (EditorSettings, Vec<String>) {
        let mut problems = Vec::new();
        let mut s = EditorSettings::default();
        let root = value.get("sfoLint").unwrap_or(value);
        if let Some(rules) = root.get("rules").and_then(Value::as_object) {
            for (rule, level) in rules {
                if sfo_lint::rules::spec(rule).is_none() {
                    problems.push(format!("sfoLint.rules: unknown rule `{rule}`"));
                    continue;
                }
                match level.as_str().map(str::parse::<RuleLevel>) {
                    Some(Ok(level)) => {
                        s.rules.insert(rule.clone(), level);
                    }
                    Some(Err(e)) => problems.push(format!("sfoLint.rules.{rule}: {e}")),
                    None => problems.push(format!("sfoLint.rules.{rule}: expected a string such as \"off\"")),
                }
            }
        }
        s.preferred_term = root
            .get("preferredTerm")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|t| !t.is_empty() && *t != DEFAULT_TERM)
            .map(str::to_owned);
        let max = root.get("sentenceLength").and_then(|v| v.get("max")).or_else(|| root.get("sentenceLength.max"));
        s.sentence_max = match max {
            None | Some(Value::Null) => None,
            Some(v) => match v.as_f64().filter(|m| m.fract() == 0.0 && *m >= 1.0 && *m <= 10_000.0) {
                Some(m) if m as i64 == DEFAULT_SENTENCE_MAX => None,
                Some(m) => Some(m as i64),
                None => {
                    problems.push(format!("sfoLint.sentenceLength.max: expected a whole number of words, got {v}"));
                    None
                }
            },
        };
        (s, problems)
    }

    /// Lays the settings over a configuration. An option that its rule does not take is
    /// left out (and reported) rather than making the whole configuration fail.
    fn apply(&self, config: &mut Config, problems: &mut Vec<String>) {
        for (rule, level) in &self.rules {
            config.set_level(rule, *level);
        }
        let options = [
            ("offender-term", "preferred", self.preferred_term.clone().map(toml::Value::String)),
            ("sentence-length", "max", self.sentence_max.map(toml::Value::Integer)),
        ];
        for (rule, key, value) in options {
            let Some(value) = value else { continue };
            let mut table = config.options.get(rule).cloned().unwrap_or_default();
            table.insert(key.to_owned(), value.clone());
            let accepted = sfo_lint::rules::spec(rule).is_some_and(|spec| (spec.build)(&table).is_ok());
            if accepted {
                config.set_option(rule, key, value);
            } else {
                problems.push(format!("editor setting for `{rule}` ignored: the rule does not take `{key}`"));
            }
        }
    }
}

/// A linter for the documents under one `sfo-lint.toml` (or none), and what went wrong
/// making it.
pub struct Built {
    pub linter: Arc<Linter>,
    pub problems: Vec<String>,
}

/// Builds the linter for a configuration file and the editor settings, falling back step
/// by step when the file is bad: the file and the settings, the settings alone, defaults.
pub fn build(file: Option<&Path>, settings: &EditorSettings) -> Built {
    let mut problems = Vec::new();
    let mut base = match file.map(Config::load) {
        Some(Ok(config)) => config,
        Some(Err(e)) => {
            problems.push(format!("{e} (linting with the default settings)"));
            Config::default()
        }
        None => Config::default(),
    };
    settings.apply(&mut base, &mut problems);
    let linter = match Linter::new(&base) {
        Ok(linter) => linter,
        Err(e) => {
            problems.push(format!("{e} (linting with the default settings)"));
            let mut config = Config::default();
            settings.apply(&mut config, &mut Vec::new());
            Linter::new(&config).unwrap_or_default()
        }
    };
    Built { linter: Arc::new(linter), problems }
}

/// The linters in use, by configuration file, and where each directory finds its file.
/// Both are dropped when settings or any `sfo-lint.toml` change.
#[derive(Default)]
pub struct Linters {
    by_file: HashMap<Option<PathBuf>, Arc<Linter>>,
    file_of_dir: HashMap<PathBuf, Option<PathBuf>>,
}

impl Linters {
    pub fn clear(&mut self) {
        self.by_file.clear();
        self.file_of_dir.clear();
    }

    /// The nearest `sfo-lint.toml` at or above `dir`, remembered.
    pub fn config_file(&mut self, dir: Option<&Path>) -> Option<PathBuf> {
        let dir = dir?;
        self.file_of_dir.entry(dir.to_path_buf()).or_insert_with(|| Config::discover(dir)).clone()
    }

    /// The linter for documents in `dir`; the problems are those of a linter built just now
    /// (so each is reported once, not on every keystroke).
    pub fn get(&mut self, dir: Option<&Path>, settings: &EditorSettings) -> (Arc<Linter>, Vec<String>) {
        let file = self.config_file(dir);
        if let Some(linter) = self.by_file.get(&file) {
            return (linter.clone(), Vec::new());
        }
        let built = build(file.as_deref(), settings);
        self.by_file.insert(file, built.linter.clone());
        (built.linter, built.problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_both_shapes_and_skips_bad_entries() {
        let wrapped = json!({"sfoLint": {"rules": {"passive-voice": "off", "nope": "off", "plain-words": "loud"},
            "preferredTerm": "person on probation", "sentenceLength": {"max": 30}}});
        let (s, problems) = EditorSettings::from_json(&wrapped);
        assert_eq!(s.rules.get("passive-voice"), Some(&RuleLevel::Off));
        assert_eq!(s.rules.len(), 1);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(s.preferred_term.as_deref(), Some("person on probation"));
        assert_eq!(s.sentence_max, Some(30));
        let (bare, _) = EditorSettings::from_json(&wrapped["sfoLint"]);
        assert_eq!(bare, s);
    }

    #[test]
    fn defaults_do_not_count_as_settings() {
        let (s, problems) = EditorSettings::from_json(
            &json!({"rules": {}, "preferredTerm": "service user", "sentenceLength": {"max": 25}}),
        );
        assert_eq!(s, EditorSettings::default());
        assert!(problems.is_empty());
        assert_eq!(EditorSettings::from_json(&Value::Null).0, EditorSettings::default());
    }

    #[test]
    fn editor_settings_win_over_the_file_and_a_bad_file_falls_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("sfo-lint.toml");
        std::fs::write(&file, "[rules]\noffender-term = \"error\"\n").unwrap();
        let (settings, _) = EditorSettings::from_json(&json!({"rules": {"offender-term": "hint"}}));
        let built = build(Some(&file), &settings);
        assert!(built.problems.is_empty(), "{:?}", built.problems);
        let found = built.linter.lint("The offender left.", sfo_lint::Format::Plain);
        assert_eq!(found[0].severity, sfo_lint::Severity::Hint);

        std::fs::write(&file, "[rules\n").unwrap();
        let built = build(Some(&file), &EditorSettings::default());
        assert_eq!(built.problems.len(), 1);
        assert!(built.problems[0].contains("sfo-lint.toml"), "{:?}", built.problems);
        assert!(!built.linter.lint("The offender left.", sfo_lint::Format::Plain).is_empty());
    }
}

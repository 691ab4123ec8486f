//! The JSON contract other tools read; keep it stable.
//!
//! `{"files":[{"path":…,"diagnostics":[{"rule","severity","message","start","end","line",
//! "column","end_line","end_column","suggestions":[…]}]}]}`: start and end are UTF-8 byte
//! offsets (end exclusive); lines and columns are 1-based, columns counted in characters.
//! Diagnostics from a Word document also carry `location`.

use super::{positions, FileReport};
use crate::diagnostic::Severity;
use serde::Serialize;

#[derive(Serialize)]
struct Report<'a> {
    files: Vec<File<'a>>,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    diagnostics: Vec<Entry<'a>>,
}

/// One diagnostic, its fields in the order the contract gives them.
#[derive(Serialize)]
struct Entry<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    suggestions: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<serde_json::Value>,
}

pub fn render(files: &[FileReport]) -> String {
    let report = Report { files: files.iter().map(file).collect() };
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}

fn file<'a>(f: &'a FileReport) -> File<'a> {
    let pos = positions(f.text, f.diagnostics);
    let diagnostics = f
        .diagnostics
        .iter()
        .zip(pos)
        .map(|(d, p)| Entry {
            rule: d.rule,
            severity: d.severity,
            message: &d.message,
            start: d.span.start,
            end: d.span.end,
            line: p.line,
            column: p.column,
            end_line: p.end_line,
            end_column: p.end_column,
            suggestions: d.suggestions.iter().map(|s| s.replacement.as_str()).collect(),
            location: f.locations.map(|l| l.locate(d.span.start)),
        })
        .collect();
    File { path: f.path, diagnostics }
}

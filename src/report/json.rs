//! The JSON contract other tools read; keep it stable.
//!
//! `{"files":[{"path":…,"diagnostics":[{"rule","severity","message","start","end","line",
//! "column","end_line","end_column","suggestions":[…]}]}]}`: start and end are UTF-8 byte
//! offsets (end exclusive); lines and columns are 1-based, columns counted in characters.
//! Diagnostics from a Word document also carry `location`.

use super::{positions, FileReport};
use serde_json::{json, Value};

pub fn render(files: &[FileReport]) -> String {
    let files: Vec<Value> = files.iter().map(file).collect();
    let mut out = serde_json::to_string_pretty(&json!({ "files": files })).unwrap_or_default();
    out.push('\n');
    out
}

fn file(f: &FileReport) -> Value {
    let pos = positions(f.text, f.diagnostics);
    let diagnostics: Vec<Value> = f
        .diagnostics
        .iter()
        .zip(pos)
        .map(|(d, p)| {
            let mut v = json!({
                "rule": d.rule,
                "severity": d.severity,
                "message": d.message,
                "start": d.span.start,
                "end": d.span.end,
                "line": p.line,
                "column": p.column,
                "end_line": p.end_line,
                "end_column": p.end_column,
                "suggestions": d.suggestions.iter().map(|s| s.replacement.as_str()).collect::<Vec<_>>(),
            });
            if let Some(l) = f.locations {
                v["location"] = l.locate(d.span.start);
            }
            v
        })
        .collect();
    json!({ "path": f.path, "diagnostics": diagnostics })
}

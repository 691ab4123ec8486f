//! SARIF 2.1.0, for code-scanning dashboards. Columns are counted in Unicode code points
//! (`columnKind: unicodeCodePoints`), matching the JSON contract.

use super::{positions, FileReport};
use crate::diagnostic::Severity;
use crate::rules;
use serde_json::{json, Value};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

pub fn render(files: &[FileReport]) -> String {
    let metas = rules::all_meta();
    let rule_list: Vec<Value> = metas
        .iter()
        .map(|m| {
            json!({
                "id": m.id,
                "shortDescription": { "text": m.summary },
                "fullDescription": { "text": m.rationale.trim() },
                "help": { "text": format!("{}\n\nInstead: {}", m.guidance, m.instead) },
                "defaultConfiguration": { "level": level(m.severity) },
            })
        })
        .collect();
    let mut results = Vec::new();
    for f in files {
        for (d, p) in f.diagnostics.iter().zip(positions(f.text, f.diagnostics)) {
            let index = metas.iter().position(|m| m.id == d.rule);
            let mut r = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": { "text": d.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(f.path) },
                        "region": {
                            "startLine": p.line,
                            "startColumn": p.column,
                            "endLine": p.end_line,
                            "endColumn": p.end_column,
                            "byteOffset": d.span.start,
                            "byteLength": d.span.len(),
                        }
                    }
                }],
            });
            if let Some(i) = index {
                r["ruleIndex"] = json!(i);
            }
            let fixes: Vec<Value> = d
                .suggestions
                .iter()
                .filter(|s| s.safe)
                .map(|s| {
                    json!({
                        "description": { "text": format!("Replace with \u{201c}{}\u{201d}", s.replacement) },
                        "artifactChanges": [{
                            "artifactLocation": { "uri": uri(f.path) },
                            "replacements": [{
                                "deletedRegion": { "byteOffset": s.span.start, "byteLength": s.span.len() },
                                "insertedContent": { "text": s.replacement },
                            }]
                        }]
                    })
                })
                .collect();
            if !fixes.is_empty() {
                r["fixes"] = json!(fixes);
            }
            results.push(r);
        }
    }
    let doc = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "sfo-lint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/sfo-lint/sfo-lint",
                "rules": rule_list,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

/// A relative URI reference for a path: forward slashes, spaces and other reserved
/// characters percent-encoded.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::new();
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

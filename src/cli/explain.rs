//! `sfo-lint rules` and `sfo-lint explain RULE`, both from `rules/<id>.toml`.

use sfo_lint::rules;
use std::fmt::Write;

pub fn list() -> Result<i32, String> {
    let mut out = String::new();
    for m in rules::all_meta() {
        let _ = writeln!(out, "{:<22} {:<8} {}", m.id, m.severity.as_str(), m.summary);
    }
    print!("{out}");
    Ok(super::EXIT_OK)
}

pub fn explain(id: &str) -> Result<i32, String> {
    let Some(m) = rules::meta(id) else {
        let known: Vec<&str> = rules::RULES.iter().map(|r| r.id).collect();
        return Err(format!("unknown rule `{id}`; the rules are: {}", known.join(", ")));
    };
    let mut out = String::new();
    let _ = writeln!(out, "{} ({} by default)\n\n{}\n", m.id, m.severity.as_str(), m.summary);
    let _ = writeln!(out, "Guidance\n  {}\n", m.guidance);
    let _ = writeln!(out, "Why\n{}", indent(m.rationale.trim()));
    let _ = writeln!(out, "Write instead\n  {}\n", m.instead);
    let _ = writeln!(out, "Flagged");
    for b in &m.examples.bad {
        let _ = writeln!(out, "  \u{2717} {b}");
    }
    let _ = writeln!(out, "\nNot flagged");
    for g in &m.examples.good {
        let _ = writeln!(out, "  \u{2713} {g}");
    }
    if !m.sources.is_empty() {
        let _ = writeln!(out, "\nSources");
        for s in &m.sources {
            let _ = writeln!(out, "  - {s}");
        }
    }
    print!("{out}");
    Ok(super::EXIT_OK)
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("  {l}\n")).collect()
}

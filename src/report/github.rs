//! GitHub Actions workflow commands: one `::warning file=…::message` line per finding.

use super::{positions, FileReport};
use crate::diagnostic::Severity;

fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(files: &[FileReport]) -> String {
    let mut out = String::new();
    for f in files {
        for (d, p) in f.diagnostics.iter().zip(positions(f.text, f.diagnostics)) {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Hint => "notice",
            };
            out.push_str(&format!(
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                escape_property(f.path),
                p.line,
                p.column,
                p.end_line,
                p.end_column,
                escape_property(d.rule),
                escape_data(&d.message)
            ));
        }
    }
    out
}

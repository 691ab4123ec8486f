//! Renders diagnostics for people and machines. Formatters never lint: they take the
//! findings and the text they were found in.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::diagnostic::Diagnostic;
use crate::document::{Encoding, LineIndex};

/// One linted file and what was found in it.
pub struct FileReport<'a> {
    /// As the user named it ("-" for standard input).
    pub path: &'a str,
    pub text: &'a str,
    pub diagnostics: &'a [Diagnostic],
    /// Where each diagnostic lies in a Word document, when the text came from one.
    pub locations: Option<&'a dyn Locate>,
}

/// Maps an offset in extracted text to a place in the source document.
pub trait Locate {
    /// A JSON object such as `{"paragraph": 12}` or `{"table": 2, "row": 5, "cell": 3}`.
    fn locate(&self, offset: usize) -> serde_json::Value;
    /// The same, for people: "paragraph 12", "table 2, row 5, cell 3".
    fn describe(&self, offset: usize) -> String;
}

/// 1-based start and end lines and columns, columns in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// Positions for sorted diagnostics, converting each offset once.
pub fn positions(text: &str, diagnostics: &[Diagnostic]) -> Vec<Position> {
    let index = LineIndex::new(text);
    let offsets: Vec<usize> = diagnostics.iter().flat_map(|d| [d.span.start, d.span.end]).collect();
    let cols = index.line_cols(text, &offsets, Encoding::Chars);
    cols.chunks(2)
        .map(|ab| Position {
            line: ab[0].line + 1,
            column: ab[0].col + 1,
            end_line: ab[1].line + 1,
            end_column: ab[1].col + 1,
        })
        .collect()
}

/// Counts by severity, most severe first.
pub fn summary(files: &[FileReport]) -> String {
    use crate::diagnostic::Severity::*;
    let all = files.iter().flat_map(|f| f.diagnostics.iter());
    let mut counts = [0usize; 4];
    let mut total = 0;
    for d in all {
        counts[d.severity as usize] += 1;
        total += 1;
    }
    let files_with = files.iter().filter(|f| !f.diagnostics.is_empty()).count();
    if total == 0 {
        return format!("no problems found in {} file{}", files.len(), plural(files.len()));
    }
    let parts: Vec<String> = [Error, Warning, Info, Hint]
        .iter()
        .filter(|s| counts[**s as usize] > 0)
        .map(|s| format!("{} {}{}", counts[*s as usize], s.as_str(), plural(counts[*s as usize])))
        .collect();
    format!(
        "found {total} problem{} ({}) in {files_with} of {} file{}",
        plural(total),
        parts.join(", "),
        files.len(),
        plural(files.len())
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

//! Human output, after rustc: the finding, where it is, the line with carets under it.

use super::{positions, FileReport};
use crate::diagnostic::Severity;
use crate::document::LineIndex;
use unicode_segmentation::UnicodeSegmentation;

/// ANSI styles, or none when output is not a terminal.
struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
}

fn colour(s: Severity) -> &'static str {
    match s {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
        Severity::Hint => "1;32",
    }
}

pub fn render(files: &[FileReport], colour_on: bool) -> String {
    let st = Style { on: colour_on };
    let mut out = String::new();
    for f in files {
        let index = LineIndex::new(f.text);
        for (d, p) in f.diagnostics.iter().zip(positions(f.text, f.diagnostics)) {
            let head = format!("{}[{}]", d.severity, d.rule);
            out.push_str(&format!(
                "{}{} {}\n",
                st.paint(colour(d.severity), &head),
                st.paint("1", ":"),
                st.paint("1", &d.message)
            ));
            let place = match f.locations {
                Some(l) => format!("{}:{}", f.path, l.describe(d.span.start)),
                None => format!("{}:{}:{}", f.path, p.line, p.column),
            };
            // A Word document's place is its paragraph, given above: the line number of the
            // extracted text would mean nothing to the reader.
            let label = if f.locations.is_some() { String::new() } else { p.line.to_string() };
            let gutter = label.len();
            out.push_str(&format!("{:gutter$}{} {place}\n", "", st.paint("1;34", "-->")));
            let line = p.line - 1;
            let start = index.line_start(line).unwrap_or(0);
            let end = index.line_end(f.text, line);
            let source = &f.text[start..end];
            // Long lines (a Word paragraph) are cut to a window around the finding.
            let (shown, lead) = window(source, d.span.start - start, 100);
            let bar = st.paint("1;34", "|");
            out.push_str(&format!("{:gutter$} {bar}\n", ""));
            out.push_str(&format!("{} {bar} {}\n", st.paint("1;34", &label), shown.replace('\t', " ")));
            // Carets count what the reader sees: grapheme clusters, not chars ("e\u{301}" is one).
            let flagged = &f.text[d.span.start..d.span.end.min(end).max(d.span.start)];
            let width = flagged.graphemes(true).count().max(1);
            let carets = "^".repeat(width.min(shown.graphemes(true).count().saturating_sub(lead).max(1)));
            out.push_str(&format!(
                "{:gutter$} {bar} {}{}\n",
                "",
                " ".repeat(lead),
                st.paint(colour(d.severity), &carets)
            ));
            if let Some(s) = d.suggestions.first() {
                out.push_str(&format!(
                    "{:gutter$} {} help: write \u{201c}{}\u{201d}\n",
                    "",
                    st.paint("1;34", "="),
                    s.replacement
                ));
            }
            out.push('\n');
        }
    }
    out.push_str(&st.paint("1", &super::summary(files)));
    out.push('\n');
    out
}

/// At most about `max` grapheme clusters of `line` around byte `at`; returns the text and
/// the column of `at` within it, in grapheme clusters. Scans only the window, so a 1 MB line costs no more than a short one.
fn window(line: &str, at: usize, max: usize) -> (String, usize) {
    let back: Vec<(usize, &str)> = line[..at].grapheme_indices(true).rev().take(max / 3 + 1).collect();
    let (from, lead) = if back.len() > max / 3 { (back[max / 3 - 1].0, max / 3) } else { (0, back.len()) };
    let to = line[at..].grapheme_indices(true).nth(max - lead).map_or(line.len(), |(i, _)| at + i);
    let prefix = if from > 0 { "\u{2026}" } else { "" };
    let suffix = if to < line.len() { "\u{2026}" } else { "" };
    (format!("{prefix}{}{suffix}", &line[from..to]), lead + prefix.chars().count())
}

//! From the core's types to the protocol's: byte spans to ranges in the negotiated encoding,
//! diagnostics, edits, paths to URIs. With `from_lsp`, the only code that knows LSP positions.

use lsp_types::{CodeDescription, NumberOrString, Position, PositionEncodingKind, Range, TextEdit, Uri};
use sfo_lint::document::{Encoding, LineCol, LineIndex};
use sfo_lint::{Diagnostic, Severity, Span};
use std::path::Path;

/// Where a rule's documentation lives.
pub const RULE_DOCS: &str = "https://github.com/sfo-lint/sfo-lint/blob/main/rules/";

pub fn encoding_kind(enc: Encoding) -> PositionEncodingKind {
    match enc {
        Encoding::Utf8 => PositionEncodingKind::UTF8,
        Encoding::Utf16 => PositionEncodingKind::UTF16,
        Encoding::Chars => PositionEncodingKind::UTF32,
    }
}

fn position(lc: LineCol) -> Position {
    Position::new(lc.line as u32, lc.col as u32)
}

pub fn range(text: &str, index: &LineIndex, span: Span, enc: Encoding) -> Range {
    let mut cursor = index.cursor(text, enc);
    Range::new(position(cursor.line_col(span.start)), position(cursor.line_col(span.end)))
}

pub fn severity(s: Severity) -> lsp_types::DiagnosticSeverity {
    match s {
        Severity::Error => lsp_types::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp_types::DiagnosticSeverity::WARNING,
        Severity::Info => lsp_types::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp_types::DiagnosticSeverity::HINT,
    }
}

/// The documentation page of a rule.
pub fn rule_docs(rule: &str) -> Option<Uri> {
    format!("{RULE_DOCS}{rule}.toml").parse().ok()
}

/// Diagnostics sorted by start (as the linter returns them), converted in one pass.
pub fn diagnostics(text: &str, index: &LineIndex, found: &[Diagnostic], enc: Encoding) -> Vec<lsp_types::Diagnostic> {
    let mut cursor = index.cursor(text, enc);
    found
        .iter()
        .map(|d| {
            let start = position(cursor.line_col(d.span.start));
            let end = position(cursor.line_col(d.span.end));
            diagnostic(d, Range::new(start, end))
        })
        .collect()
}

pub fn diagnostic(d: &Diagnostic, range: Range) -> lsp_types::Diagnostic {
    lsp_types::Diagnostic {
        range,
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.to_owned())),
        code_description: rule_docs(d.rule).map(|href| CodeDescription { href }),
        source: Some("sfo-lint".to_owned()),
        message: d.message.clone(),
        ..Default::default()
    }
}

pub fn text_edit(text: &str, index: &LineIndex, span: Span, new_text: String, enc: Encoding) -> TextEdit {
    TextEdit { range: range(text, index, span, enc), new_text }
}

/// The `file:` URI of an absolute path.
pub fn file_uri(path: &Path) -> Option<Uri> {
    let path = path.to_str()?;
    let path = path.replace('\\', "/");
    let mut out = String::from(if path.starts_with('/') { "file://" } else { "file:///" });
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_count_utf16_units_or_bytes() {
        let text = "\u{201C}Hi\u{201D} \u{1F600}\u{A0}offender";
        let idx = LineIndex::new(text);
        let at = text.find("offender").unwrap();
        let span = Span::new(at, at + 8);
        assert_eq!(range(text, &idx, span, Encoding::Utf16), Range::new(Position::new(0, 8), Position::new(0, 16)));
        assert_eq!(range(text, &idx, span, Encoding::Utf8), Range::new(Position::new(0, 15), Position::new(0, 23)));
    }

    #[test]
    fn paths_become_file_uris() {
        assert_eq!(file_uri(Path::new("/tmp/a b/sfo-lint.toml")).unwrap().as_str(), "file:///tmp/a%20b/sfo-lint.toml");
        assert_eq!(file_uri(Path::new("/café")).unwrap().as_str(), "file:///caf%C3%A9");
    }
}

//! From the protocol's types to the core's: positions to byte offsets, URIs to paths,
//! language ids to formats. With `to_lsp`, the only code that knows LSP positions.
//!
//! A position that does not name a character boundary of the text (a line past the end, a
//! UTF-16 column inside a surrogate pair) converts to `None`; callers refuse the request or
//! the edit rather than guess.

use lsp_types::{ClientCapabilities, Position, PositionEncodingKind, Range, Uri};
use sfo_lint::document::{Encoding, LineCol, LineIndex};
use sfo_lint::{Format, Span};
use std::path::PathBuf;

/// The encoding to use: UTF-8 when the client offers it (no conversion needed), else the
/// protocol's default UTF-16.
pub fn encoding(caps: &ClientCapabilities) -> Encoding {
    let offered = caps.general.as_ref().and_then(|g| g.position_encodings.as_deref()).unwrap_or_default();
    if offered.contains(&PositionEncodingKind::UTF8) {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    }
}

pub fn offset(text: &str, index: &LineIndex, pos: Position, enc: Encoding) -> Option<usize> {
    index.offset(text, LineCol { line: pos.line as usize, col: pos.character as usize }, enc)
}

/// The byte span of a range; `None` when either end is invalid or the range runs backwards.
pub fn span(text: &str, index: &LineIndex, range: Range, enc: Encoding) -> Option<Span> {
    let start = offset(text, index, range.start, enc)?;
    let end = offset(text, index, range.end, enc)?;
    (start <= end).then_some(Span::new(start, end))
}

/// How to read a document: by its language id, then by its file name.
pub fn format(language_id: &str, uri: &Uri) -> Format {
    match language_id {
        "markdown" => Format::Markdown,
        "plaintext" | "text" => Format::Plain,
        _ => file_path(uri).map_or(Format::Plain, |p| Format::from_path(&p)),
    }
}

/// The local path of a `file:` URI.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // An authority, if any, is empty or `localhost`; the path starts at the next slash.
    let path = &rest[rest.find('/')?..];
    let host = &rest[..rest.len() - path.len()];
    if !host.is_empty() && !host.eq_ignore_ascii_case("localhost") {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let decoded = percent_decode(path)?;
    // `file:///C:/dir` on Windows.
    let decoded = match decoded.as_bytes() {
        [b'/', d, b':', ..] if cfg!(windows) && d.is_ascii_alphabetic() => decoded[1..].to_owned(),
        _ => decoded,
    };
    Some(PathBuf::from(decoded))
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(s: &str) -> Uri {
        s.parse().unwrap()
    }

    #[test]
    fn file_uris_decode() {
        assert_eq!(file_path(&uri("file:///tmp/a%20b/c.md")), Some(PathBuf::from("/tmp/a b/c.md")));
        assert_eq!(file_path(&uri("file://localhost/x.txt")), Some(PathBuf::from("/x.txt")));
        assert_eq!(file_path(&uri("file:///caf%C3%A9.txt")), Some(PathBuf::from("/café.txt")));
        assert_eq!(file_path(&uri("untitled:Untitled-1")), None);
        assert_eq!(file_path(&uri("file://server/share/x")), None);
    }

    #[test]
    fn formats() {
        assert_eq!(format("markdown", &uri("untitled:1")), Format::Markdown);
        assert_eq!(format("plaintext", &uri("file:///a.md")), Format::Plain);
        assert_eq!(format("foo", &uri("file:///a.md")), Format::Markdown);
        assert_eq!(format("foo", &uri("file:///a.txt")), Format::Plain);
    }

    #[test]
    fn ranges_reject_split_characters_and_backwards_ranges() {
        let text = "\u{1F600}ab\ncd";
        let idx = LineIndex::new(text);
        let r = |l1, c1, l2, c2| Range::new(Position::new(l1, c1), Position::new(l2, c2));
        assert_eq!(span(text, &idx, r(0, 2, 0, 3), Encoding::Utf16), Some(Span::new(4, 5)));
        assert_eq!(span(text, &idx, r(0, 4, 0, 5), Encoding::Utf8), Some(Span::new(4, 5)));
        assert_eq!(span(text, &idx, r(0, 1, 0, 3), Encoding::Utf16), None);
        assert_eq!(span(text, &idx, r(0, 3, 0, 2), Encoding::Utf16), None);
        assert_eq!(span(text, &idx, r(9, 0, 9, 0), Encoding::Utf16), None);
    }
}

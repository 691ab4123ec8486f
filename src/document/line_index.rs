//! Maps byte offsets to lines and columns, in UTF-8 bytes, UTF-16 code units or chars.
//!
//! Built once per text. Column look-ups scan from the start of the line, so the cost of one
//! look-up is the length of its line; front ends that convert many sorted offsets on one very
//! long line use [`LineIndex::cursor`], which walks each line once.

/// How columns are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Chars,
}

impl Encoding {
    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Chars => 1,
        }
    }
}

/// A 0-based line and a 0-based column in some [`Encoding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub col: usize,
}

#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the start of each line. A line ends after `\n`; a lone `\r` does not
    /// end a line (as in LSP, where only `\n`, `\r\n` and `\r` do — see `line_end`).
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                starts.push(i + 1);
            }
        }
        LineIndex { starts, len: text.len() }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line holding `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Byte offset where `line` starts, or `None` past the last line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// Byte offset where `line`'s content ends (before its line break).
    pub fn line_end(&self, text: &str, line: usize) -> usize {
        let next = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        let mut end = next;
        if end > self.starts[line] && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > self.starts[line] && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        end
    }

    /// Line and column of a byte offset. `offset` must be on a char boundary.
    pub fn line_col(&self, text: &str, offset: usize, enc: Encoding) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.starts[line];
        let col = match enc {
            Encoding::Utf8 => offset - start,
            _ => text[start..offset].chars().map(|c| enc.width(c)).sum(),
        };
        LineCol { line, col }
    }

    /// The byte offset of a line and column, or `None` when the line does not exist or the
    /// column falls inside a character (a UTF-16 surrogate pair, a multi-byte UTF-8 char).
    /// A column past the end of the line is clamped to the line's end, as LSP asks.
    pub fn offset(&self, text: &str, pos: LineCol, enc: Encoding) -> Option<usize> {
        let start = self.line_start(pos.line)?;
        let end = self.line_end(text, pos.line);
        let mut col = 0;
        for (i, c) in text[start..end].char_indices() {
            if col == pos.col {
                return Some(start + i);
            }
            col += enc.width(c);
            if col > pos.col {
                return None;
            }
        }
        Some(end)
    }

    /// Line and column of many offsets at once, in the order given: linear in the text plus
    /// `k log k` for `k` offsets, however long the lines (one diagnostic per word of a 1 MB
    /// line would make separate look-ups quadratic).
    pub fn line_cols(&self, text: &str, offsets: &[usize], enc: Encoding) -> Vec<LineCol> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| offsets[i]);
        let mut cursor = self.cursor(text, enc);
        let mut out = vec![LineCol { line: 0, col: 0 }; offsets.len()];
        for i in order {
            out[i] = cursor.line_col(offsets[i]);
        }
        out
    }

    /// A converter for offsets given in ascending order: linear in the text overall.
    pub fn cursor<'a>(&'a self, text: &'a str, enc: Encoding) -> Cursor<'a> {
        Cursor { index: self, text, enc, offset: 0, pos: LineCol { line: 0, col: 0 } }
    }
}

/// Converts ascending byte offsets to [`LineCol`] without rescanning each line.
pub struct Cursor<'a> {
    index: &'a LineIndex,
    text: &'a str,
    enc: Encoding,
    offset: usize,
    pos: LineCol,
}

impl Cursor<'_> {
    pub fn line_col(&mut self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = self.index.line_of(offset);
        if offset < self.offset || line != self.pos.line {
            self.offset = self.index.starts[line];
            self.pos = LineCol { line, col: 0 };
        }
        if self.enc == Encoding::Utf8 {
            self.pos.col += offset - self.offset;
        } else {
            let enc = self.enc;
            self.pos.col += self.text[self.offset..offset].chars().map(|c| enc.width(c)).sum::<usize>();
        }
        self.offset = offset;
        self.pos
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_each_encoding() {
        let text = "a\u{2019}b\n\u{1F600}x\r\ny";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_col(text, x, Encoding::Utf8), LineCol { line: 1, col: 4 });
        assert_eq!(idx.line_col(text, x, Encoding::Utf16), LineCol { line: 1, col: 2 });
        assert_eq!(idx.line_col(text, x, Encoding::Chars), LineCol { line: 1, col: 1 });
        let y = text.find('y').unwrap();
        assert_eq!(idx.line_col(text, y, Encoding::Utf16), LineCol { line: 2, col: 0 });
    }

    #[test]
    fn offsets_round_trip_and_reject_split_chars() {
        let text = "\u{1F600}x\nz";
        let idx = LineIndex::new(text);
        assert_eq!(idx.offset(text, LineCol { line: 0, col: 1 }, Encoding::Utf16), None);
        assert_eq!(idx.offset(text, LineCol { line: 0, col: 2 }, Encoding::Utf16), Some(4));
        assert_eq!(idx.offset(text, LineCol { line: 0, col: 99 }, Encoding::Utf16), Some(5));
        assert_eq!(idx.offset(text, LineCol { line: 5, col: 0 }, Encoding::Utf16), None);
        let mut cur = idx.cursor(text, Encoding::Utf16);
        assert_eq!(cur.line_col(4), LineCol { line: 0, col: 2 });
        assert_eq!(cur.line_col(7), LineCol { line: 1, col: 1 });
    }
}

//! Masks Markdown syntax so that only prose is linted.
//!
//! Masking replaces bytes with spaces in a copy of the text, so every byte offset in the copy
//! is also an offset in the original: spans need no mapping back. Code blocks, inline code,
//! link targets, images, HTML and comments vanish; heading and list markers vanish but leave
//! their line marked as a heading or list item.

use super::LineKind;

/// Masks `prose` (a copy of the text) in place and returns a kind for each line.
pub(super) fn mask(prose: &mut [u8]) -> Vec<LineKind> {
    let mut kinds = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    let mut in_comment = false;
    let mut prev_blank = true;
    let mut prev_list = false;
    let mut start = 0;
    while start <= prose.len() {
        let end = prose[start..].iter().position(|&b| b == b'\n').map_or(prose.len(), |p| start + p);
        let line = start..end;
        let kind = classify(prose, line.clone(), &mut fence, &mut in_comment, prev_blank, prev_list);
        // A setext underline turns the line above into a heading.
        if kind == LineKind::Blank && is_setext(&prose[line.clone()]) && !prev_blank {
            if let Some(last) = kinds.last_mut() {
                *last = LineKind::Heading;
            }
        }
        prev_blank = kind == LineKind::Blank;
        if kind != LineKind::Blank {
            prev_list = kind == LineKind::ListItem || (prev_list && starts_indented(&prose[line.clone()]));
        }
        kinds.push(kind);
        if end == prose.len() {
            break;
        }
        start = end + 1;
    }
    kinds
}

fn blank(bytes: &mut [u8]) {
    for b in bytes {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

fn starts_indented(line: &[u8]) -> bool {
    line.starts_with(b"  ") || line.starts_with(b"\t")
}

fn is_setext(line: &[u8]) -> bool {
    let t = trim(line);
    t.len() >= 2 && (t.iter().all(|&b| b == b'=') || t.iter().all(|&b| b == b'-'))
}

fn trim(line: &[u8]) -> &[u8] {
    let s = line.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(line.len());
    let e = line.iter().rposition(|b| !b.is_ascii_whitespace()).map_or(s, |p| p + 1);
    &line[s..e]
}

fn classify(
    prose: &mut [u8],
    line: std::ops::Range<usize>,
    fence: &mut Option<(u8, usize)>,
    in_comment: &mut bool,
    prev_blank: bool,
    prev_list: bool,
) -> LineKind {
    let bytes = &prose[line.clone()];
    let indent = bytes.iter().take_while(|&&b| b == b' ').count();
    let body = &bytes[indent..];
    // Fenced code: ``` or ~~~, closed by a fence of the same kind at least as long.
    if let Some((ch, len)) = *fence {
        if indent < 4 && body.iter().take_while(|&&b| b == ch).count() >= len && trim(body).iter().all(|&b| b == ch) {
            *fence = None;
        }
        blank(&mut prose[line]);
        return LineKind::Blank;
    }
    if indent < 4 {
        for ch in [b'`', b'~'] {
            let n = body.iter().take_while(|&&b| b == ch).count();
            if n >= 3 {
                *fence = Some((ch, n));
                blank(&mut prose[line]);
                return LineKind::Blank;
            }
        }
    }
    // Indented code after a blank line, outside a list.
    if (indent >= 4 || bytes.first() == Some(&b'\t')) && prev_blank && !prev_list && !trim(bytes).is_empty() {
        blank(&mut prose[line]);
        return LineKind::Blank;
    }
    mask_inline(&mut prose[line.clone()], in_comment);
    let bytes = &prose[line.clone()];
    let t = trim(bytes);
    if t.is_empty() {
        return LineKind::Blank;
    }
    if is_setext(t) && !prev_blank {
        blank(&mut prose[line]);
        return LineKind::Blank;
    }
    // Thematic breaks and table separator rows.
    if t.iter().all(|&b| matches!(b, b'-' | b'*' | b'_' | b' ' | b'|' | b':')) {
        blank(&mut prose[line]);
        return LineKind::Blank;
    }
    let off = line.start + (bytes.len() - bytes.trim_ascii_start().len());
    let (kind, marker) = line_marker(&prose[off..line.end]);
    blank(&mut prose[off..off + marker]);
    // Blockquote markers.
    let mut i = off + marker;
    while i < line.end && (prose[i] == b'>' || prose[i] == b' ') {
        prose[i] = b' ';
        i += 1;
    }
    kind
}

/// Kind of a line from its leading marker, and the marker's length in bytes.
fn line_marker(t: &[u8]) -> (LineKind, usize) {
    let hashes = t.iter().take_while(|&&b| b == b'#').count();
    if (1..=6).contains(&hashes) && matches!(t.get(hashes), None | Some(b' ')) {
        return (LineKind::Heading, hashes);
    }
    if matches!(t.first(), Some(b'-' | b'*' | b'+')) && t.get(1) == Some(&b' ') {
        return (LineKind::ListItem, 2);
    }
    let digits = t.iter().take_while(|b| b.is_ascii_digit()).count();
    if (1..=9).contains(&digits) && matches!(t.get(digits), Some(b'.' | b')')) && t.get(digits + 1) == Some(&b' ') {
        return (LineKind::ListItem, digits + 2);
    }
    (LineKind::Text, 0)
}

/// Masks inline code, HTML comments and tags, link targets, images and emphasis markers.
fn mask_inline(line: &mut [u8], in_comment: &mut bool) {
    let mut f = Finders { bracket: NextByte::new(b']'), paren: NextByte::new(b')'), angle: NextByte::new(b'>') };
    let mut i = 0;
    while i < line.len() {
        if *in_comment {
            match find(&line[i..], b"-->") {
                Some(p) => {
                    blank(&mut line[i..i + p + 3]);
                    i += p + 3;
                    *in_comment = false;
                }
                None => {
                    blank(&mut line[i..]);
                    return;
                }
            }
            continue;
        }
        match line[i] {
            b'<' if line[i..].starts_with(b"<!--") => *in_comment = true,
            b'<' => {
                // An HTML tag or autolink: `<` then a letter, `/` or `!`, up to `>`.
                if matches!(line.get(i + 1), Some(c) if c.is_ascii_alphabetic() || *c == b'/') {
                    if let Some(p) = f.angle.find(line, i) {
                        blank(&mut line[i..p + 1]);
                        i = p + 1;
                        continue;
                    }
                }
                i += 1;
            }
            b'`' => {
                let n = line[i..].iter().take_while(|&&b| b == b'`').count();
                let close = reach(line, i + n).windows(n).position(|w| w.iter().all(|&b| b == b'`'));
                let end = close.map_or(i + n, |p| i + n + p + n);
                blank(&mut line[i..end]);
                i = end;
            }
            b'!' if line.get(i + 1) == Some(&b'[') => {
                let end = link_end(line, i + 1, &mut f).unwrap_or(i + 1);
                blank(&mut line[i..end]);
                i = end.max(i + 1);
            }
            b'[' => {
                if let Some(end) = link_end(line, i, &mut f) {
                    // Keep the link text; drop the brackets and the target.
                    let close = line[i..end].iter().position(|&b| b == b']').map_or(end, |p| i + p);
                    line[i] = b' ';
                    blank(&mut line[close..end]);
                    i = end;
                } else {
                    i += 1;
                }
            }
            b'*' => {
                line[i] = b' ';
                i += 1;
            }
            b'_' => {
                // Emphasis, not an underscore inside a word (snake_case).
                let before = i > 0 && line[i - 1].is_ascii_alphanumeric();
                let after = line.get(i + 1).is_some_and(|b| b.is_ascii_alphanumeric());
                if !(before && after) {
                    line[i] = b' ';
                }
                i += 1;
            }
            b'|' => {
                line[i] = b' ';
                i += 1;
            }
            b'\\' if line.get(i + 1).is_some_and(|b| b.is_ascii_punctuation()) => {
                line[i] = b' ';
                i += 2;
            }
            _ => i += 1,
        }
        if *in_comment {
            let end = (i + 4).min(line.len());
            blank(&mut line[i..end]);
            i += 4;
        }
    }
}

/// End (exclusive) of `[text](target)` or `[text][ref]` starting at `open`.
fn link_end(line: &[u8], open: usize, f: &mut Finders) -> Option<usize> {
    let close = f.bracket.find(line, open)?;
    match line.get(close + 1) {
        Some(b'(') => Some(f.paren.find(line, close + 2)? + 1),
        Some(b'[') => Some(f.bracket.find(line, close + 2)? + 1),
        _ => None,
    }
}

/// Finds the next `byte` at or after a position, remembering its last answer: queries from
/// increasing positions then scan each byte once, so a line of a million unclosed `[` stays
/// linear.
struct NextByte {
    byte: u8,
    scanned_from: usize,
    found: Option<usize>,
}

impl NextByte {
    fn new(byte: u8) -> Self {
        NextByte { byte, scanned_from: usize::MAX, found: None }
    }

    fn find(&mut self, line: &[u8], from: usize) -> Option<usize> {
        if self.scanned_from <= from {
            match self.found {
                Some(f) if f >= from => return Some(f),
                None => return None,
                _ => {}
            }
        }
        let from = from.min(line.len());
        self.scanned_from = from;
        self.found = line[from..].iter().position(|&b| b == self.byte).map(|p| from + p);
        self.found
    }
}

struct Finders {
    bracket: NextByte,
    paren: NextByte,
    angle: NextByte,
}

/// How far a closing run of backticks is looked for: real code spans are far shorter.
const REACH: usize = 4096;

fn reach(line: &[u8], from: usize) -> &[u8] {
    let from = from.min(line.len());
    &line[from..(from + REACH).min(line.len())]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(s: &str) -> (String, Vec<LineKind>) {
        let mut b = s.as_bytes().to_vec();
        let kinds = mask(&mut b);
        (String::from_utf8(b).unwrap(), kinds)
    }

    #[test]
    fn masks_code_links_and_comments_keeping_offsets() {
        let src = "# Title\n\nSee [the plan](http://x.y/z) and `code`.\n<!-- note -->\n```\nutilise\n```\n- item";
        let (m, kinds) = masked(src);
        assert_eq!(m.len(), src.len());
        assert!(!m.contains("http") && !m.contains("code") && !m.contains("utilise") && !m.contains("note"));
        assert!(m.contains("the plan"));
        assert_eq!(kinds[0], LineKind::Heading);
        assert_eq!(*kinds.last().unwrap(), LineKind::ListItem);
    }

    #[test]
    fn multi_line_comment_is_masked() {
        let (m, _) = masked("a <!-- x\ny --> b");
        assert_eq!(m, "a       \n      b");
    }
}

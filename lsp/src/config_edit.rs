//! Adds a word to a list in `sfo-lint.toml` by inserting text, keeping the user's layout
//! and comments: `[acronym-undefined] allow` and `[plain-words] allow`.
//!
//! The edit is an insertion at one offset. It is checked by parsing the result: when the
//! file's shape is one this simple editor does not handle (a dotted key, an inline table,
//! a value that is not a list) no edit is offered, rather than a wrong one.

use toml::{Table, Value};

/// The list a finding of `rule` can be added to: (section, key).
pub fn list_for(rule: &str) -> Option<(&'static str, &'static str)> {
    match rule {
        "acronym-undefined" => Some(("acronym-undefined", "allow")),
        "plain-words" => Some(("plain-words", "allow")),
        _ => None,
    }
}

/// The word to add for a finding: the acronym as written, the plain-words phrase in lower
/// case (as that rule compares them). Gang names are not offered: `[gang-naming] names`
/// lists gangs to flag, so adding a flagged one would change nothing.
pub fn entry_for(rule: &str, flagged: &str) -> String {
    let flagged = flagged.trim();
    match rule {
        "plain-words" => flagged.to_lowercase().replace('\u{2019}', "'"),
        _ => flagged.to_owned(),
    }
}

/// An insertion `(offset, text)` that adds `entry` to `[section] key`, or `None` when the
/// entry is already there or the file cannot be edited safely.
pub fn add_to_list(text: &str, section: &str, key: &str, entry: &str) -> Option<(usize, String)> {
    let before: Table = text.parse().ok()?;
    if list(&before, section, key).is_some_and(|l| l.iter().any(|v| v.as_str() == Some(entry))) {
        return None;
    }
    let quoted = quote(entry);
    let (offset, insert) = match find_section(text, section) {
        Some(body) => match find_key(text, body.clone(), key) {
            Some(value_start) => {
                let (close, last) = closing_bracket(text, value_start)?;
                let sep = match last {
                    b'[' => "",
                    b',' => " ",
                    _ => ", ",
                };
                (close, format!("{sep}{quoted}"))
            }
            None => {
                let newline = if text[..body.start].ends_with('\n') { "" } else { "\n" };
                (body.start, format!("{newline}{key} = [{quoted}]\n"))
            }
        },
        None => {
            let gap = match text {
                "" => "",
                t if t.ends_with("\n\n") => "",
                t if t.ends_with('\n') => "\n",
                _ => "\n\n",
            };
            (text.len(), format!("{gap}[{section}]\n{key} = [{quoted}]\n"))
        }
    };
    let mut after = text.to_owned();
    after.insert_str(offset, &insert);
    let after: Table = after.parse().ok()?;
    let added = list(&after, section, key)?;
    let was = list(&before, section, key).map_or(0, Vec::len);
    (added.len() == was + 1 && added.last()?.as_str() == Some(entry)).then_some((offset, insert))
}

fn list<'a>(table: &'a Table, section: &str, key: &str) -> Option<&'a Vec<Value>> {
    table.get(section)?.get(key)?.as_array()
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The byte range of the body of `[section]`: from after its header line to the next header.
fn find_section(text: &str, section: &str) -> Option<std::ops::Range<usize>> {
    let mut body_start = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let t = line.trim();
        if t.starts_with('[') {
            if body_start.is_some() {
                return body_start.map(|s| s..start);
            }
            let name = t.trim_start_matches('[').split(']').next().unwrap_or("").trim().trim_matches(['"', '\'']);
            if name == section && !t.starts_with("[[") {
                body_start = Some(offset);
            }
        }
    }
    body_start.map(|s| s..text.len())
}

/// The offset of the `[` that opens `key`'s value within `body`, when the key is set there
/// to a list.
fn find_key(text: &str, body: std::ops::Range<usize>, key: &str) -> Option<usize> {
    let mut offset = body.start;
    for line in text[body].split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let Some((k, v)) = line.split_once('=') else { continue };
        if k.trim().trim_matches(['"', '\'']) == key {
            let value = v.trim_start();
            // Not a list: `add_to_list`'s final check refuses any edit.
            return value.starts_with('[').then(|| start + line.len() - v.len() + (v.len() - value.len()));
        }
    }
    None
}

/// The offset of the `]` that closes the list opening at `open`, and the last byte before
/// it that is neither white space nor in a comment (`[` for an empty list), skipping
/// strings and comments.
fn closing_bracket(text: &str, open: usize) -> Option<(usize, u8)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut last = b'[';
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b']' if depth == 1 => return Some((i, last)),
            b'#' => {
                i += text[i..].find('\n').unwrap_or(text.len() - i);
                continue;
            }
            q @ (b'"' | b'\'') => {
                let triple = text[i..].starts_with(if q == b'"' { "\"\"\"" } else { "\'\'\'" });
                let delim = if triple { &text[i..i + 3] } else { &text[i..i + 1] };
                let mut j = i + delim.len();
                loop {
                    let end = j + text[j..].find(delim)?;
                    let escaped = q == b'"' && text[..end].bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1;
                    j = end + delim.len();
                    if !escaped {
                        break;
                    }
                }
                last = q;
                i = j;
                continue;
            }
            b'[' => depth += 1,
            b']' => depth -= 1,
            _ => {}
        }
        if !bytes[i].is_ascii_whitespace() {
            last = bytes[i];
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(text: &str, entry: &str) -> Option<String> {
        let (at, insert) = add_to_list(text, "acronym-undefined", "allow", entry)?;
        let mut out = text.to_owned();
        out.insert_str(at, &insert);
        Some(out)
    }

    #[test]
    fn creates_the_section_and_key() {
        assert_eq!(add("", "NDelius").unwrap(), "[acronym-undefined]\nallow = [\"NDelius\"]\n");
        assert_eq!(
            add("[rules]\npassive-voice = \"off\"", "PDU").unwrap(),
            "[rules]\npassive-voice = \"off\"\n\n[acronym-undefined]\nallow = [\"PDU\"]\n"
        );
        assert_eq!(
            add("[acronym-undefined] # ours\n\n[rules]\n", "PDU").unwrap(),
            "[acronym-undefined] # ours\nallow = [\"PDU\"]\n\n[rules]\n"
        );
    }

    #[test]
    fn extends_lists_of_every_layout() {
        assert_eq!(add("[acronym-undefined]\nallow = []\n", "A1").unwrap(), "[acronym-undefined]\nallow = [\"A1\"]\n");
        assert_eq!(
            add("[acronym-undefined]\nallow = [\"X\"] # note\n", "Y").unwrap(),
            "[acronym-undefined]\nallow = [\"X\", \"Y\"] # note\n"
        );
        assert_eq!(
            add("[acronym-undefined]\nallow = [\n  \"X\", # the [x]\n]\n", "Y").unwrap(),
            "[acronym-undefined]\nallow = [\n  \"X\", # the [x]\n \"Y\"]\n"
        );
        assert_eq!(
            add("[acronym-undefined]\nallow = ['a]', \"b\\\"]\"]\n", "Y").unwrap(),
            "[acronym-undefined]\nallow = ['a]', \"b\\\"]\", \"Y\"]\n"
        );
        assert_eq!(
            add("[acronym-undefined]\nallow = [\"X\"]\n", "quote\"d").unwrap().lines().nth(1),
            Some(r#"allow = ["X", "quote\"d"]"#)
        );
    }

    #[test]
    fn refuses_what_it_cannot_edit_safely() {
        assert_eq!(add("[acronym-undefined]\nallow = [\"X\"]\n", "X"), None, "already listed");
        assert_eq!(add("acronym-undefined = { allow = [] }\n", "X"), None, "inline table");
        assert_eq!(add("[acronym-undefined]\nallow = \"X\"\n", "Y"), None, "not a list");
        assert_eq!(add("[rules\n", "Y"), None, "not TOML");
    }

    #[test]
    fn entries() {
        assert_eq!(list_for("gang-naming"), None);
        assert_eq!(entry_for("plain-words", "Prior to"), "prior to");
        assert_eq!(entry_for("acronym-undefined", "OASys"), "OASys");
    }
}

//! Inline suppression comments.
//!
//! `sfo-lint-disable-next-line RULE[, RULE]`, `sfo-lint-disable-line RULE`, and
//! `sfo-lint-disable RULE` … `sfo-lint-enable RULE`, inside `<!-- -->` in Markdown or on a
//! line of their own in plain text. With no rule named, every rule is meant.

use crate::diagnostic::Diagnostic;
use crate::document::LineIndex;

const MARK: &str = "sfo-lint-";

#[derive(Debug)]
enum Scope {
    Line(usize),
    From(usize),
    Until(usize),
}

#[derive(Debug)]
struct Directive {
    scope: Scope,
    /// Empty: all rules.
    rules: Vec<String>,
}

/// The suppressions written in a text.
#[derive(Debug, Default)]
pub struct Suppressions {
    lines: Vec<(usize, Vec<String>)>,
    /// Byte ranges where rules are off: (start, end, rules).
    ranges: Vec<(usize, usize, Vec<String>)>,
}

fn names(rest: &str) -> Vec<String> {
    let rest = rest.split("-->").next().unwrap_or("");
    rest.split([',', ' ', '\t']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

fn directives(text: &str, lines: &LineIndex) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = text[from..].find(MARK) {
        let at = from + p;
        from = at + MARK.len();
        let line = lines.line_of(at);
        let end = lines.line_end(text, line).max(from);
        let rest = &text[from..end];
        let (word, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let word = word.trim_end_matches("-->");
        let scope = match word {
            "disable-next-line" => Scope::Line(line + 1),
            "disable-line" => Scope::Line(line),
            "disable" => Scope::From(at),
            "enable" => Scope::Until(at),
            _ => continue,
        };
        out.push(Directive { scope, rules: names(args) });
    }
    out
}

impl Suppressions {
    pub fn parse(text: &str, lines: &LineIndex) -> Self {
        let mut s = Suppressions::default();
        let mut open: Vec<(usize, Vec<String>)> = Vec::new();
        for d in directives(text, lines) {
            match d.scope {
                Scope::Line(l) => s.lines.push((l, d.rules)),
                Scope::From(at) => open.push((at, d.rules)),
                Scope::Until(at) => {
                    // `enable` closes the matching `disable` (same rules), or all with no rules named.
                    open.retain(|(start, rules)| {
                        let closes = d.rules.is_empty() || *rules == d.rules;
                        if closes {
                            s.ranges.push((*start, at, rules.clone()));
                        }
                        !closes
                    });
                }
            }
        }
        s.ranges.extend(open.into_iter().map(|(start, rules)| (start, usize::MAX, rules)));
        s
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty() && self.ranges.is_empty()
    }

    /// Drops the diagnostics that a suppression covers.
    pub fn apply(&self, diags: &mut Vec<Diagnostic>, lines: &LineIndex) {
        if self.is_empty() {
            return;
        }
        let names = |rules: &[String], rule: &str| rules.is_empty() || rules.iter().any(|r| r == rule);
        diags.retain(|d| {
            let line = lines.line_of(d.span.start);
            let by_line = self.lines.iter().any(|(l, rules)| *l == line && names(rules, d.rule));
            let by_range =
                self.ranges.iter().any(|(s, e, rules)| *s <= d.span.start && d.span.start < *e && names(rules, d.rule));
            !(by_line || by_range)
        });
    }
}

/// Blanks plain-text lines that hold only a suppression marker, so they are not linted.
pub(crate) fn mask_markers(prose: &mut [u8]) {
    let mut start = 0;
    while start < prose.len() {
        let end = memchr::memchr(b'\n', &prose[start..]).map_or(prose.len(), |p| start + p);
        let line = prose[start..end].trim_ascii();
        if line.starts_with(b"sfo-lint-disable") || line.starts_with(b"sfo-lint-enable") {
            prose[start..end].iter_mut().filter(|b| **b != b'\r').for_each(|b| *b = b' ');
        }
        start = end + 1;
    }
}

//! `sfo-lint check --fix`: applies the safe suggestions to .txt and .md files.
//!
//! Where things go:
//! - a file is rewritten in place (atomically; see [`sfo_lint::fix::write_atomic`]), and the
//!   report that follows lists what is left after fixing;
//! - standard input's fixed text goes to standard output;
//! - `--dry-run` writes nothing and prints a unified diff to standard output;
//! - what was changed (`file:line:column: fixed [rule] “before” → “after”`) always goes to
//!   standard error, so standard output stays the report (or the fixed text, or the diff)
//!   that a pipe or a tool reads. When fixed text or a diff takes standard output, the report
//!   moves to standard error.
//!
//! Word documents are never rewritten: the tool cannot edit them without risk to the
//! formatting, tracked changes and comments; they are linted as usual and a note says so.

use sfo_lint::fix::{self, Original};
use sfo_lint::input::Source;
use sfo_lint::{Diagnostic, Linter};
use std::io::Write;
use std::path::Path;

/// Runs `--fix` across the files of one `check`, and tells the user what it did.
#[derive(Default)]
pub struct Fixer {
    pub dry_run: bool,
    fixed: usize,
    files: usize,
    /// Whether fixed text or a diff was written to standard output.
    pub used_stdout: bool,
}

impl Fixer {
    pub fn new(dry_run: bool) -> Self {
        Fixer { dry_run, ..Fixer::default() }
    }

    /// Fixes one source (`path` is None for standard input) and returns the diagnostics of
    /// the fixed text; `source.text` becomes the fixed text, so the report matches it.
    pub fn fix(
        &mut self,
        path: Option<&Path>,
        source: &mut Source,
        linter: &Linter,
    ) -> Result<Vec<Diagnostic>, String> {
        if path.is_some_and(sfo_lint::input::is_docx) {
            eprintln!("{}: not fixed: Word documents are never rewritten; make the changes in Word", source.name);
            return Ok(linter.lint(&source.text, source.format));
        }
        let fixed = fix::fix(linter, &source.text, source.format);
        let verb = if self.dry_run { "would fix" } else { "fixed" };
        for e in fixed.edits() {
            eprintln!(
                "{}:{}:{}: {verb} [{}] \u{201c}{}\u{201d} \u{2192} \u{201c}{}\u{201d}",
                source.name, e.line, e.column, e.rule, e.before, e.after
            );
        }
        let count = fixed.edits().count();
        if count > 0 {
            self.fixed += count;
            self.files += 1;
        }
        let bom: &[u8] = if source.bom { b"\xEF\xBB\xBF" } else { b"" };
        match path {
            None => {
                // Standard input: the fixed text (even when unchanged) is the output.
                self.used_stdout = true;
                if !self.dry_run {
                    write_stdout(&[bom, fixed.text.as_bytes()].concat())?;
                } else {
                    write_stdout(fix::unified_diff(&source.text, &fixed.text, "a/-", "b/-").as_bytes())?;
                }
            }
            Some(p) if self.dry_run => {
                self.used_stdout = true;
                let name = p.display().to_string().replace('\\', "/");
                let diff = fix::unified_diff(&source.text, &fixed.text, &format!("a/{name}"), &format!("b/{name}"));
                write_stdout(diff.as_bytes())?;
            }
            Some(p) if fixed.changed() => {
                let modified = std::fs::metadata(p).and_then(|m| m.modified()).ok();
                let original = Original { bytes: [bom, source.text.as_bytes()].concat(), modified };
                fix::write_atomic(p, &[bom, fixed.text.as_bytes()].concat(), &original).map_err(|e| e.to_string())?;
            }
            Some(_) => {}
        }
        source.text = fixed.text;
        Ok(fixed.remaining)
    }

    /// A closing line on standard error, when anything was (or would be) fixed.
    pub fn finish(&self) {
        if self.fixed > 0 {
            let verb = if self.dry_run { "would fix" } else { "fixed" };
            eprintln!(
                "sfo-lint: {verb} {} problem{} in {} file{}",
                self.fixed,
                if self.fixed == 1 { "" } else { "s" },
                self.files,
                if self.files == 1 { "" } else { "s" }
            );
        }
    }
}

fn write_stdout(bytes: &[u8]) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
        _ => Ok(()),
    }
}

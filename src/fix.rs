//! Applying the suggestions marked safe: the edits `sfo-lint check --fix` makes.
//!
//! A safe suggestion keeps the meaning and changes only the wording (offender → service
//! user, utilise → use, an acronym written out at first use), so it may be applied without a
//! person reading it. Each diagnostic contributes its first safe suggestion; an edit that
//! overlaps one already taken is left for the next pass, which [`fix`] runs after linting
//! the edited text again, until nothing changes: so a second `--fix` changes nothing.
//!
//! Writing is the other half: [`write_atomic`] replaces a file through a temporary file in
//! the same directory and a rename, so a failure at any point leaves the original intact,
//! and it refuses to overwrite a file that changed on disk since it was read.

use crate::diagnostic::Diagnostic;
use crate::document::Format;
use crate::linter::Linter;
use crate::span::Span;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// One replacement made in a text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AppliedEdit {
    pub rule: &'static str,
    /// Where the replaced text was, in the text the edit was applied to.
    pub span: Span,
    /// 1-based line and column (in characters) of the span's start.
    pub line: usize,
    pub column: usize,
    pub before: String,
    pub after: String,
}

/// Applies the first safe suggestion of each diagnostic to `text`, skipping an edit that
/// overlaps (or inserts at the same place as) an earlier one and any span that does not fit
/// the text. Returns the new text and the edits made, in text order.
pub fn apply(text: &str, diagnostics: &[Diagnostic]) -> (String, Vec<AppliedEdit>) {
    let mut candidates: Vec<(Span, &str, &'static str)> = diagnostics
        .iter()
        .filter_map(|d| d.suggestions.iter().find(|s| s.safe).map(|s| (s.span, s.replacement.as_str(), d.rule)))
        .filter(|(span, replacement, _)| {
            span.start <= span.end && text.get(span.start..span.end).is_some_and(|before| before != *replacement)
        })
        .collect();
    // Stable: at equal spans the diagnostic reported first wins.
    candidates.sort_by_key(|(span, _, _)| (span.start, span.end));
    let mut edits: Vec<AppliedEdit> = Vec::new();
    for (span, replacement, rule) in candidates {
        if let Some(last) = edits.last() {
            if span.start < last.span.end || span.start == last.span.start {
                continue;
            }
        }
        edits.push(AppliedEdit {
            rule,
            span,
            line: 0,
            column: 0,
            before: text[span.start..span.end].to_owned(),
            after: replacement.to_owned(),
        });
    }
    // Lines and columns in one forward pass over the text.
    let (mut line, mut line_start, mut at) = (1, 0, 0);
    for e in &mut edits {
        for (i, b) in text.as_bytes()[at..e.span.start].iter().enumerate() {
            if *b == b'\n' {
                line += 1;
                line_start = at + i + 1;
            }
        }
        at = e.span.start;
        e.line = line;
        e.column = text[line_start..e.span.start].chars().count() + 1;
    }
    // Back to front, so each span still means what it meant in the original.
    let mut out = text.to_owned();
    for e in edits.iter().rev() {
        out.replace_range(e.span.start..e.span.end, &e.after);
    }
    (out, edits)
}

/// Passes of lint-and-apply before giving up on reaching a text with nothing left to fix.
const MAX_PASSES: usize = 10;

/// What [`fix`] did: the final text, each pass's edits (spans refer to the text that pass
/// started from), and the diagnostics of the final text.
#[derive(Debug)]
pub struct Fixed {
    pub text: String,
    pub passes: Vec<Vec<AppliedEdit>>,
    pub remaining: Vec<Diagnostic>,
}

impl Fixed {
    pub fn edits(&self) -> impl Iterator<Item = &AppliedEdit> {
        self.passes.iter().flatten()
    }

    pub fn changed(&self) -> bool {
        self.passes.iter().any(|p| !p.is_empty())
    }
}

/// Lints and applies safe suggestions until none are left (at most ten passes).
pub fn fix(linter: &Linter, text: &str, format: Format) -> Fixed {
    let mut current = text.to_owned();
    let mut passes = Vec::new();
    let mut diagnostics = linter.lint(&current, format);
    for _ in 0..MAX_PASSES {
        let (next, edits) = apply(&current, &diagnostics);
        if edits.is_empty() {
            break;
        }
        passes.push(edits);
        current = next;
        diagnostics = linter.lint(&current, format);
    }
    Fixed { text: current, passes, remaining: diagnostics }
}

/// A file's content and modification time as it was read, to detect a change on disk
/// before it is replaced.
#[derive(Clone, Debug)]
pub struct Original {
    pub bytes: Vec<u8>,
    pub modified: Option<SystemTime>,
}

impl Original {
    /// Reads a file's bytes, taking its modification time first so that a write between the
    /// two shows up as a change.
    pub fn read(path: &Path) -> std::io::Result<Original> {
        let modified = std::fs::metadata(path)?.modified().ok();
        Ok(Original { bytes: std::fs::read(path)?, modified })
    }
}

#[derive(Debug)]
pub enum WriteError {
    /// The file is not as it was read; nothing was written.
    Changed(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Changed(p) => {
                write!(f, "{}: changed on disk while it was being fixed; not written (run again)", p.display())
            }
            WriteError::Io(p, e) => {
                write!(f, "{}: cannot write the fixed file: {e}; the file is unchanged", p.display())
            }
        }
    }
}

impl std::error::Error for WriteError {}

/// Replaces the file at `path` with `contents`: a temporary file in the same directory,
/// written and synced, given the original's permissions, then renamed over the original
/// after checking the original still matches `original`. A symbolic link is followed, so the
/// file it points at is replaced. On any error the original is untouched and the temporary
/// file removed.
pub fn write_atomic(path: &Path, contents: &[u8], original: &Original) -> Result<(), WriteError> {
    let io = |e| WriteError::Io(path.to_path_buf(), e);
    let target = std::fs::canonicalize(path).map_err(io)?;
    let dir = target.parent().ok_or_else(|| io(std::io::ErrorKind::NotFound.into()))?;
    let meta = std::fs::metadata(&target).map_err(io)?;
    let (tmp_path, mut file) = create_temp(dir, &target).map_err(io)?;
    let result = (|| {
        use std::io::Write;
        file.write_all(contents)?;
        file.set_permissions(meta.permissions())?;
        keep_owner(&file, &meta);
        file.sync_all()?;
        drop(file);
        if !unchanged(&target, original)? {
            return Ok(false);
        }
        std::fs::rename(&tmp_path, &target)?;
        sync_dir(dir);
        Ok(true)
    })();
    match result {
        Ok(true) => Ok(()),
        Ok(false) => {
            let _ = std::fs::remove_file(&tmp_path);
            Err(WriteError::Changed(path.to_path_buf()))
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp_path);
            Err(io(e))
        }
    }
}

/// A new file beside `target`, named after it, that did not exist before.
fn create_temp(dir: &Path, target: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    let stem = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut last = None;
    for n in 0..100u32 {
        let p = dir.join(format!(".{stem}.sfo-lint-{}-{n}.tmp", std::process::id()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&p) {
            Ok(f) => return Ok((p, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::ErrorKind::AlreadyExists.into()))
}

/// Whether the file still has the content and modification time it had when read.
fn unchanged(path: &Path, original: &Original) -> std::io::Result<bool> {
    let modified = std::fs::metadata(path)?.modified().ok();
    Ok(modified == original.modified && std::fs::read(path)? == original.bytes)
}

/// Gives the new file the original's owner where the platform allows (best effort: only a
/// privileged user can, and then the file should not change hands).
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, meta: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_: &std::fs::File, _: &std::fs::Metadata) {}

/// Makes the rename durable (best effort; not possible on every platform).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// A unified diff of two texts by lines, with three lines of context; empty when equal.
pub fn unified_diff(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let ops = diff_lines(&a, &b);
    if ops.iter().all(|o| matches!(o, Op::Same(..))) {
        return String::new();
    }
    let mut out = format!("--- {old_name}\n+++ {new_name}\n");
    const CONTEXT: usize = 3;
    // Group changes into hunks that share context.
    let changed: Vec<usize> =
        ops.iter().enumerate().filter(|(_, o)| !matches!(o, Op::Same(..))).map(|(i, _)| i).collect();
    let mut i = 0;
    while i < changed.len() {
        let start = changed[i].saturating_sub(CONTEXT);
        let mut end = changed[i];
        while i < changed.len() && changed[i] <= end + 2 * CONTEXT + 1 {
            end = changed[i];
            i += 1;
        }
        let end = (end + CONTEXT + 1).min(ops.len());
        let hunk = &ops[start..end];
        let (a0, b0) = hunk_start(&ops[..start]);
        let a_len = hunk.iter().filter(|o| !matches!(o, Op::Insert(_))).count();
        let b_len = hunk.iter().filter(|o| !matches!(o, Op::Delete(_))).count();
        out.push_str(&format!("@@ -{} +{} @@\n", range(a0, a_len), range(b0, b_len)));
        for op in hunk {
            let (mark, line) = match *op {
                Op::Same(x, _) => (' ', a[x]),
                Op::Delete(x) => ('-', a[x]),
                Op::Insert(y) => ('+', b[y]),
            };
            out.push(mark);
            out.push_str(line);
            if !line.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
    out
}

fn range(start: usize, len: usize) -> String {
    // A hunk that adds to an empty side names the line before it.
    match len {
        0 => format!("{start},0"),
        1 => (start + 1).to_string(),
        _ => format!("{},{len}", start + 1),
    }
}

/// Lines consumed on each side before a hunk.
fn hunk_start(before: &[Op]) -> (usize, usize) {
    let a = before.iter().filter(|o| !matches!(o, Op::Insert(_))).count();
    let b = before.iter().filter(|o| !matches!(o, Op::Delete(_))).count();
    (a, b)
}

#[derive(Clone, Copy, Debug)]
enum Op {
    Same(usize, usize),
    Delete(usize),
    Insert(usize),
}

/// A shortest edit script between two line lists (Myers' algorithm, O((N+M)·D)), after
/// trimming the common head and tail: fixes touch few lines, so D is small.
fn diff_lines(a: &[&str], b: &[&str]) -> Vec<Op> {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..].iter().rev().zip(b[head..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (ma, mb) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut ops: Vec<Op> = (0..head).map(|i| Op::Same(i, i)).collect();
    for op in myers(ma, mb) {
        ops.push(match op {
            Op::Same(x, y) => Op::Same(x + head, y + head),
            Op::Delete(x) => Op::Delete(x + head),
            Op::Insert(y) => Op::Insert(y + head),
        });
    }
    ops.extend((0..tail).map(|i| Op::Same(a.len() - tail + i, b.len() - tail + i)));
    ops
}

fn myers(a: &[&str], b: &[&str]) -> Vec<Op> {
    /// Beyond this many differing lines, report the middle as replaced wholesale.
    const MAX_D: isize = 2000;
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (n + m).min(MAX_D);
    let off = max + 1;
    let idx = |k: isize| (off + k) as usize;
    let mut v = vec![0isize; (2 * max + 3) as usize];
    let mut trace = Vec::new();
    let mut done = false;
    for d in 0..=max {
        trace.push(v.clone());
        let mut k = -d;
        while k <= d {
            let down = k == -d || (k != d && v[idx(k - 1)] < v[idx(k + 1)]);
            let mut x = if down { v[idx(k + 1)] } else { v[idx(k - 1)] + 1 };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[idx(k)] = x;
            if x >= n && y >= m {
                done = true;
                break;
            }
            k += 2;
        }
        if done {
            break;
        }
    }
    if !done {
        return (0..a.len()).map(Op::Delete).chain((0..b.len()).map(Op::Insert)).collect();
    }
    // Walk back through the frontier each round started from.
    let mut ops = Vec::new();
    let (mut x, mut y) = (n, m);
    for (d, v) in trace.iter().enumerate().rev() {
        let d = d as isize;
        let k = x - y;
        let down = k == -d || (k != d && v[idx(k - 1)] < v[idx(k + 1)]);
        let pk = if down { k + 1 } else { k - 1 };
        let px = v[idx(pk)];
        let py = px - pk;
        while x > px && y > py {
            x -= 1;
            y -= 1;
            ops.push(Op::Same(x as usize, y as usize));
        }
        if d > 0 {
            ops.push(if down { Op::Insert(py as usize) } else { Op::Delete(px as usize) });
        }
        (x, y) = (px, py);
    }
    ops.reverse();
    ops
}

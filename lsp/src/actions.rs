//! Code actions for the findings in a range: each suggestion as a quick fix, "Disable `<rule>`
//! for this line" (a suppression marker on the line above), and for the case's own words
//! (acronyms and plain-words exceptions) "Add ... to sfo-lint.toml".

use crate::{config_edit, to_lsp};
use lsp_types::{
    CodeAction, CodeActionKind, CreateFile, CreateFileOptions, DocumentChangeOperation, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, ResourceOp, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};
use sfo_lint::document::{Encoding, LineIndex};
use sfo_lint::{Diagnostic, Format, Span};
use std::collections::HashMap;
use std::path::PathBuf;

/// The document the actions are for.
pub struct Context<'a> {
    pub uri: &'a Uri,
    pub text: &'a str,
    pub lines: &'a LineIndex,
    pub format: Format,
    pub enc: Encoding,
    /// Where "Add to sfo-lint.toml" writes.
    pub config: Option<ConfigTarget>,
    /// The client can create files in a workspace edit (needed when there is no file yet).
    pub can_create_files: bool,
}

/// A configuration file and its current text (`None`: it does not exist yet).
pub struct ConfigTarget {
    pub path: PathBuf,
    pub text: Option<String>,
}

/// The actions for the findings that touch `range`.
pub fn for_range(cx: &Context, found: &[Diagnostic], range: Span) -> Vec<CodeAction> {
    let here: Vec<&Diagnostic> =
        found.iter().filter(|d| d.span.start <= range.end && range.start <= d.span.end).collect();
    let mut fixes = Vec::new();
    let mut disables: Vec<CodeAction> = Vec::new();
    let mut additions: Vec<CodeAction> = Vec::new();
    for d in here {
        let lsp = to_lsp::diagnostic(d, to_lsp::range(cx.text, cx.lines, d.span, cx.enc));
        fixes.extend(quick_fixes(cx, d, &lsp));
        if let Some(a) = disable_line(cx, d, &lsp) {
            if !disables.iter().any(|b| b.title == a.title) {
                disables.push(a);
            }
        }
        if let Some(a) = add_to_config(cx, d, &lsp) {
            if !additions.iter().any(|b| b.title == a.title) {
                additions.push(a);
            }
        }
    }
    fixes.extend(disables);
    fixes.extend(additions);
    fixes
}

fn action(title: String, d: &lsp_types::Diagnostic, edit: WorkspaceEdit, preferred: bool) -> CodeAction {
    CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![d.clone()]),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..Default::default()
    }
}

fn edit_in(cx: &Context, span: Span, new_text: String) -> WorkspaceEdit {
    let edit = to_lsp::text_edit(cx.text, cx.lines, span, new_text, cx.enc);
    WorkspaceEdit { changes: Some(HashMap::from([(cx.uri.clone(), vec![edit])])), ..Default::default() }
}

/// Text for a title, cut short when long.
fn shown(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

fn quick_fixes(cx: &Context, d: &Diagnostic, lsp: &lsp_types::Diagnostic) -> Vec<CodeAction> {
    let preferred = d.suggestions.iter().position(|s| s.safe);
    d.suggestions
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let old = cx.text.get(s.span.start..s.span.end)?;
            let title = match (old.is_empty(), s.replacement.is_empty()) {
                (true, _) => format!("Insert \"{}\"", shown(&s.replacement)),
                (false, true) => format!("Remove \"{}\"", shown(old)),
                (false, false) => format!("Replace \"{}\" with \"{}\"", shown(old), shown(&s.replacement)),
            };
            Some(action(title, lsp, edit_in(cx, s.span, s.replacement.clone()), Some(i) == preferred))
        })
        .collect()
}

const NEXT_LINE: &str = "sfo-lint-disable-next-line";

fn disable_line(cx: &Context, d: &Diagnostic, lsp: &lsp_types::Diagnostic) -> Option<CodeAction> {
    let line = cx.lines.line_of(d.span.start);
    let start = cx.lines.line_start(line)?;
    let title = format!("Disable {} for this line", d.rule);
    // A marker already on the line above: name one more rule in it (a second marker line
    // would only suppress the first).
    if line > 0 {
        let above = cx.lines.line_start(line - 1)?;
        let text = &cx.text[above..cx.lines.line_end(cx.text, line - 1)];
        if let Some(p) = text.find(NEXT_LINE) {
            let rest = &text[p + NEXT_LINE.len()..];
            let names = rest[..rest.find("-->").unwrap_or(rest.len())].trim_end();
            let at = above + p + NEXT_LINE.len() + names.len();
            let insert = if names.trim().is_empty() { format!(" {}", d.rule) } else { format!(", {}", d.rule) };
            return Some(action(title, lsp, edit_in(cx, Span::new(at, at), insert), false));
        }
    }
    let end = cx.lines.line_end(cx.text, line);
    let content = &cx.text[start..end];
    let indent = &content[..content.len() - content.trim_start_matches([' ', '\t']).len()];
    // The line's own break; the last line has none, so follow the text's.
    let eol = match &cx.text[end..] {
        "" if cx.text.contains("\r\n") => "\r\n",
        rest if rest.starts_with("\r\n") => "\r\n",
        _ => "\n",
    };
    let marker = match cx.format {
        Format::Markdown => format!("{indent}<!-- {NEXT_LINE} {} -->{eol}", d.rule),
        Format::Plain => format!("{indent}{NEXT_LINE} {}{eol}", d.rule),
    };
    Some(action(title, lsp, edit_in(cx, Span::new(start, start), marker), false))
}

fn add_to_config(cx: &Context, d: &Diagnostic, lsp: &lsp_types::Diagnostic) -> Option<CodeAction> {
    let (section, key) = config_edit::list_for(d.rule)?;
    let target = cx.config.as_ref()?;
    let entry = config_edit::entry_for(d.rule, cx.text.get(d.span.start..d.span.end)?);
    if entry.is_empty() || (target.text.is_none() && !cx.can_create_files) {
        return None;
    }
    let current = target.text.as_deref().unwrap_or("");
    let (at, insert) = config_edit::add_to_list(current, section, key, &entry)?;
    let uri = to_lsp::file_uri(&target.path)?;
    let edit = to_lsp::text_edit(current, &LineIndex::new(current), Span::new(at, at), insert, cx.enc);
    let edit = match target.text {
        Some(_) => WorkspaceEdit { changes: Some(HashMap::from([(uri, vec![edit])])), ..Default::default() },
        None => create_with(uri, edit),
    };
    let title = format!("Add \"{}\" to [{section}] {key} in sfo-lint.toml", shown(&entry));
    Some(action(title, lsp, edit, false))
}

/// Creates the file (failing if it appeared meanwhile, rather than writing over it) and
/// inserts its text.
fn create_with(uri: Uri, edit: TextEdit) -> WorkspaceEdit {
    let create = CreateFile {
        uri: uri.clone(),
        options: Some(CreateFileOptions { overwrite: Some(false), ignore_if_exists: Some(false) }),
        annotation_id: None,
    };
    let insert = TextDocumentEdit {
        text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
        edits: vec![OneOf::Left(edit)],
    };
    WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(vec![
            DocumentChangeOperation::Op(ResourceOp::Create(create)),
            DocumentChangeOperation::Edit(insert),
        ])),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actions(text: &str, format: Format, config: Option<ConfigTarget>) -> Vec<CodeAction> {
        let uri: Uri = "file:///case/review.txt".parse().unwrap();
        let lines = LineIndex::new(text);
        let cx =
            Context { uri: &uri, text, lines: &lines, format, enc: Encoding::Utf16, config, can_create_files: true };
        let found = sfo_lint::Linter::default().lint(text, format);
        for_range(&cx, &found, Span::new(0, text.len()))
    }

    fn new_text(a: &CodeAction) -> String {
        let changes = a.edit.as_ref().unwrap().changes.as_ref().unwrap();
        changes.values().next().unwrap()[0].new_text.clone()
    }

    #[test]
    fn suggestion_is_a_preferred_quick_fix() {
        let acts = actions("Intro.\n  The offender left.\n", Format::Plain, None);
        assert_eq!(acts[0].title, "Replace \"offender\" with \"service user\"");
        assert_eq!(acts[0].is_preferred, Some(true));
        assert_eq!(new_text(&acts[0]), "service user");
        let disable = acts.iter().find(|a| a.title == "Disable offender-term for this line").unwrap();
        assert_eq!(new_text(disable), "  sfo-lint-disable-next-line offender-term\n");
        let edit = &disable.edit.as_ref().unwrap().changes.as_ref().unwrap().values().next().unwrap()[0];
        assert_eq!(edit.range.start, lsp_types::Position::new(1, 0));
    }

    #[test]
    fn markdown_marker_and_extending_an_existing_one() {
        let acts = actions("The offender left.\r\n", Format::Markdown, None);
        let disable = acts.iter().find(|a| a.title.starts_with("Disable")).unwrap();
        assert_eq!(new_text(disable), "<!-- sfo-lint-disable-next-line offender-term -->\r\n");
        let acts =
            actions("<!-- sfo-lint-disable-next-line plain-words -->\nThe offender left.\n", Format::Markdown, None);
        let disable = acts.iter().find(|a| a.title.starts_with("Disable")).unwrap();
        assert_eq!(new_text(disable), ", offender-term");
        let edit = &disable.edit.as_ref().unwrap().changes.as_ref().unwrap().values().next().unwrap()[0];
        assert_eq!(edit.range.start, lsp_types::Position::new(0, 43));
    }

    #[test]
    fn plain_words_can_be_allowed_in_the_case_file() {
        let target = ConfigTarget { path: "/case/sfo-lint.toml".into(), text: None };
        let acts = actions("We will utilise the hostel.", Format::Plain, Some(target));
        let add = acts.iter().find(|a| a.title.starts_with("Add")).expect("an add action");
        assert_eq!(add.title, "Add \"utilise\" to [plain-words] allow in sfo-lint.toml");
        let Some(DocumentChanges::Operations(ops)) = &add.edit.as_ref().unwrap().document_changes else { panic!() };
        assert_eq!(ops.len(), 2);
        let DocumentChangeOperation::Edit(e) = &ops[1] else { panic!() };
        let OneOf::Left(edit) = &e.edits[0] else { panic!() };
        assert_eq!(edit.new_text, "[plain-words]\nallow = [\"utilise\"]\n");

        let target = ConfigTarget { path: "/case/sfo-lint.toml".into(), text: Some("[plain-words]\n".into()) };
        let acts = actions("We will utilise the hostel.", Format::Plain, Some(target));
        let add = acts.iter().find(|a| a.title.starts_with("Add")).unwrap();
        assert_eq!(new_text(add), "allow = [\"utilise\"]\n");
    }
}

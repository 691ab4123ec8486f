//! The server: a state that owns the open documents, and one loop over the connection.
//!
//! The loop takes every message that is waiting, handles them in order, and only then lints
//! the documents that changed: a burst of `didChange` notifications (fast typing, a paste)
//! costs one lint of the newest version, and no diagnostics are published for versions
//! already replaced. A request about a document (code actions, hover) lints it first if an
//! edit came since, so answers always match the text the client has.

use crate::settings::{EditorSettings, Linters};
use crate::{actions, from_lsp, hover, to_lsp, transport};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    ClientCapabilities, CodeActionOptions, CodeActionOrCommand, CodeActionParams, CodeActionProviderCapability,
    DidChangeConfigurationParams, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, FileSystemWatcher, GlobPattern, Hover, HoverContents, HoverParams,
    HoverProviderCapability, InitializeParams, InitializeResult, MarkupContent, MarkupKind, MessageType,
    PublishDiagnosticsParams, Registration, RegistrationParams, ResourceOperationKind, ServerCapabilities, ServerInfo,
    ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use sfo_lint::document::{Encoding, LineIndex};
use sfo_lint::{Diagnostic, Document, Format};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const CONFIG_FILE: &str = sfo_lint::config::FILE_NAME;

/// An open document and, once linted, what was found in its current text.
struct OpenDocument {
    text: String,
    version: i32,
    format: Format,
    path: Option<PathBuf>,
    /// `None` while an edit waits to be linted.
    linted: Option<Linted>,
}

struct Linted {
    found: Vec<Diagnostic>,
    lines: LineIndex,
}

impl OpenDocument {
    /// A `sfo-lint.toml` sent to us is configuration, not prose.
    fn is_config(&self) -> bool {
        self.path.as_deref().and_then(Path::file_name).is_some_and(|n| n == CONFIG_FILE)
    }
}

/// What the client said it can do, as far as the server cares.
struct ClientFeatures {
    create_files: bool,
    watch_files: bool,
    markdown_hover: bool,
}

impl ClientFeatures {
    fn new(caps: &ClientCapabilities) -> Self {
        let ws = caps.workspace.as_ref();
        let edit = ws.and_then(|w| w.workspace_edit.as_ref());
        let create_files = edit.is_some_and(|e| {
            e.document_changes == Some(true)
                && e.resource_operations.as_ref().is_some_and(|ops| ops.contains(&ResourceOperationKind::Create))
        });
        let watch_files =
            ws.and_then(|w| w.did_change_watched_files.as_ref()).and_then(|d| d.dynamic_registration) == Some(true);
        let formats =
            caps.text_document.as_ref().and_then(|t| t.hover.as_ref()).and_then(|h| h.content_format.as_ref());
        let markdown_hover = formats.map_or(true, |f| f.contains(&MarkupKind::Markdown));
        ClientFeatures { create_files, watch_files, markdown_hover }
    }
}

pub struct Server<'c> {
    conn: &'c Connection,
    enc: Encoding,
    client: ClientFeatures,
    roots: Vec<PathBuf>,
    settings: EditorSettings,
    linters: Linters,
    docs: HashMap<Uri, OpenDocument>,
    shut_down: bool,
    next_id: i32,
}

/// How the session ended.
pub enum End {
    /// `exit` after `shutdown`.
    Clean,
    /// `exit` without `shutdown`, or the client went away.
    Abrupt,
}

/// Runs a session: initialize, then the main loop until `exit`.
pub fn run(conn: &Connection) -> Result<End, String> {
    let params = loop {
        let (id, params) = conn.initialize_start().map_err(|e| e.to_string())?;
        match serde_json::from_value::<InitializeParams>(params) {
            Ok(params) => {
                let server = Server::new(conn, &params);
                let result = InitializeResult {
                    capabilities: server.capabilities(),
                    server_info: Some(ServerInfo {
                        name: "sfo-lint-lsp".into(),
                        version: Some(env!("CARGO_PKG_VERSION").into()),
                    }),
                };
                send(conn, Response::new_ok(id, result));
                break (server, params);
            }
            Err(e) => send(conn, Response::new_err(id, ErrorCode::InvalidParams as i32, format!("initialize: {e}"))),
        }
    };
    let (mut server, params) = params;
    if let Some(options) = &params.initialization_options {
        server.set_settings(options);
    }
    server.main_loop()
}

fn send(conn: &Connection, msg: impl Into<Message>) {
    // The writer only goes away when the process is ending; nothing to do then.
    let _ = conn.sender.send(msg.into());
}

impl<'c> Server<'c> {
    fn new(conn: &'c Connection, params: &InitializeParams) -> Self {
        #[allow(deprecated)] // root_uri: clients that know no workspace folders still send it
        let roots = match &params.workspace_folders {
            Some(folders) => folders.iter().filter_map(|f| from_lsp::file_path(&f.uri)).collect(),
            None => params.root_uri.iter().filter_map(from_lsp::file_path).collect(),
        };
        Server {
            conn,
            enc: from_lsp::encoding(&params.capabilities),
            client: ClientFeatures::new(&params.capabilities),
            roots,
            settings: EditorSettings::default(),
            linters: Linters::default(),
            docs: HashMap::new(),
            shut_down: false,
            next_id: 0,
        }
    }

    fn capabilities(&self) -> ServerCapabilities {
        ServerCapabilities {
            position_encoding: Some(to_lsp::encoding_kind(self.enc)),
            text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            })),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![lsp_types::CodeActionKind::QUICKFIX]),
                resolve_provider: Some(false),
                ..Default::default()
            })),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            // No diagnostic_provider: diagnostics are pushed; pulling too doubles them in VS Code.
            ..Default::default()
        }
    }

    fn main_loop(&mut self) -> Result<End, String> {
        loop {
            let Ok(first) = self.conn.receiver.recv() else { return Ok(End::Abrupt) };
            let pending = std::iter::once(first).chain(self.conn.receiver.try_iter());
            // `try_iter` borrows the receiver, not `self`: collect before handling.
            let batch: Vec<Message> = pending.collect();
            for msg in batch {
                let exit = match msg {
                    Message::Request(r) => {
                        self.on_request(r);
                        None
                    }
                    Message::Notification(n) if n.method == notif::Exit::METHOD => {
                        Some(if self.shut_down { End::Clean } else { End::Abrupt })
                    }
                    Message::Notification(n) => {
                        self.on_notification(n);
                        None
                    }
                    Message::Response(_) => None, // to our registerCapability; nothing to do
                };
                if let Some(end) = exit {
                    return Ok(end);
                }
            }
            self.publish_changed();
        }
    }

    // ---- requests ----

    fn on_request(&mut self, r: Request) {
        if self.shut_down {
            return self.reply_err(r.id, ErrorCode::InvalidRequest, "the server is shutting down");
        }
        match r.method.as_str() {
            req::Shutdown::METHOD => {
                self.shut_down = true;
                send(self.conn, Response::new_ok(r.id, ()));
            }
            req::CodeActionRequest::METHOD => self.answer(r, Self::code_actions),
            req::HoverRequest::METHOD => self.answer(r, Self::hover),
            req::Initialize::METHOD => self.reply_err(r.id, ErrorCode::InvalidRequest, "already initialized"),
            _ => self.reply_err(r.id, ErrorCode::MethodNotFound, &format!("unknown method `{}`", r.method)),
        }
    }

    fn answer<P: DeserializeOwned, R: Serialize>(&mut self, r: Request, f: impl FnOnce(&mut Self, P) -> R) {
        match serde_json::from_value::<P>(r.params) {
            Ok(params) => {
                let result = f(self, params);
                send(self.conn, Response::new_ok(r.id, result));
            }
            Err(e) => self.reply_err(r.id, ErrorCode::InvalidParams, &format!("{}: {e}", r.method)),
        }
    }

    fn reply_err(&self, id: RequestId, code: ErrorCode, message: &str) {
        send(self.conn, Response::new_err(id, code as i32, message.to_owned()));
    }

    fn code_actions(&mut self, p: CodeActionParams) -> Option<Vec<CodeActionOrCommand>> {
        if let Some(only) = &p.context.only {
            if !only.iter().any(|k| lsp_types::CodeActionKind::QUICKFIX.as_str().starts_with(k.as_str())) {
                return Some(Vec::new());
            }
        }
        let uri = p.text_document.uri;
        self.lint(&uri);
        let doc = self.docs.get(&uri)?;
        let linted = doc.linted.as_ref()?;
        let range = from_lsp::span(&doc.text, &linted.lines, p.range, self.enc)?;
        let config = self.config_target(doc);
        let cx = actions::Context {
            uri: &uri,
            text: &doc.text,
            lines: &linted.lines,
            format: doc.format,
            enc: self.enc,
            config,
            can_create_files: self.client.create_files,
        };
        Some(actions::for_range(&cx, &linted.found, range).into_iter().map(CodeActionOrCommand::CodeAction).collect())
    }

    /// The `sfo-lint.toml` that "Add to sfo-lint.toml" edits: the nearest one above the
    /// document, else a new one at the root of the workspace folder holding the document.
    fn config_target(&self, doc: &OpenDocument) -> Option<actions::ConfigTarget> {
        let dir = doc.path.as_deref()?.parent()?;
        if let Some(path) = sfo_lint::Config::discover(dir) {
            let open = open_text(&self.docs, &path);
            let text = open.or_else(|| std::fs::read_to_string(&path).ok())?;
            return Some(actions::ConfigTarget { path, text: Some(text) });
        }
        let root = self.roots.iter().filter(|r| dir.starts_with(r)).max_by_key(|r| r.as_os_str().len());
        Some(actions::ConfigTarget { path: root.map_or(dir, |r| r.as_path()).join(CONFIG_FILE), text: None })
    }

    fn hover(&mut self, p: HoverParams) -> Option<Hover> {
        let uri = p.text_document_position_params.text_document.uri;
        self.lint(&uri);
        let doc = self.docs.get(&uri)?;
        let linted = doc.linted.as_ref()?;
        let pos = p.text_document_position_params.position;
        let offset = from_lsp::offset(&doc.text, &linted.lines, pos, self.enc)?;
        let (span, value) = hover::at(&linted.found, offset, self.client.markdown_hover)?;
        let kind = if self.client.markdown_hover { MarkupKind::Markdown } else { MarkupKind::PlainText };
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent { kind, value }),
            range: Some(to_lsp::range(&doc.text, &linted.lines, span, self.enc)),
        })
    }

    // ---- notifications ----

    fn on_notification(&mut self, n: Notification) {
        match n.method.as_str() {
            notif::DidOpenTextDocument::METHOD => self.with(n, Self::did_open),
            notif::DidChangeTextDocument::METHOD => self.with(n, Self::did_change),
            notif::DidCloseTextDocument::METHOD => self.with(n, Self::did_close),
            notif::DidSaveTextDocument::METHOD => self.with(n, |s, p: DidSaveTextDocumentParams| {
                if from_lsp::file_path(&p.text_document.uri).is_some_and(|p| is_config_file(&p)) {
                    s.reload("saved");
                }
            }),
            notif::DidChangeConfiguration::METHOD => self.with(n, |s, p: DidChangeConfigurationParams| {
                // Some clients send null and expect to be asked; keep what we have then.
                if !p.settings.is_null() {
                    s.set_settings(&p.settings);
                }
            }),
            notif::DidChangeWatchedFiles::METHOD => self.with(n, |s, p: DidChangeWatchedFilesParams| {
                if p.changes.iter().any(|c| from_lsp::file_path(&c.uri).is_some_and(|p| is_config_file(&p))) {
                    s.reload("changed");
                }
            }),
            notif::Initialized::METHOD => self.register_watcher(),
            transport::INVALID_MESSAGE => {
                let p = n.params;
                self.log(MessageType::WARNING, &format!("ignored a message: {}", p["message"].as_str().unwrap_or("")));
                if let Ok(id) = serde_json::from_value::<RequestId>(p["id"].clone()) {
                    let code = p["code"].as_i64().unwrap_or(ErrorCode::InvalidRequest as i64) as i32;
                    send(self.conn, Response::new_err(id, code, p["message"].as_str().unwrap_or("").to_owned()));
                }
            }
            _ => {} // $/cancelRequest, $/setTrace and anything unknown
        }
    }

    fn with<P: DeserializeOwned>(&mut self, n: Notification, f: impl FnOnce(&mut Self, P)) {
        match serde_json::from_value::<P>(n.params) {
            Ok(p) => f(self, p),
            Err(e) => self.log(MessageType::WARNING, &format!("ignored {}: {e}", n.method)),
        }
    }

    fn did_open(&mut self, p: DidOpenTextDocumentParams) {
        let item = p.text_document;
        let format = from_lsp::format(&item.language_id, &item.uri);
        let path = from_lsp::file_path(&item.uri);
        let doc = OpenDocument { text: item.text, version: item.version, format, path, linted: None };
        self.docs.insert(item.uri, doc);
    }

    fn did_change(&mut self, p: DidChangeTextDocumentParams) {
        let uri = p.text_document.uri;
        let Some(doc) = self.docs.get_mut(&uri) else {
            return self.log(MessageType::WARNING, &format!("ignored an edit to {}, which is not open", uri.as_str()));
        };
        match apply_changes(&doc.text, &p.content_changes, self.enc) {
            Ok(text) => {
                doc.text = text;
                doc.version = p.text_document.version;
                doc.linted = None;
                if doc.is_config() {
                    self.reload("edited");
                }
            }
            Err(why) => {
                let message = format!(
                    "sfo-lint ignored an edit to {} ({why}); its findings may be out of date until the file is reopened",
                    uri.as_str()
                );
                self.show(MessageType::WARNING, &message);
            }
        }
    }

    fn did_close(&mut self, p: DidCloseTextDocumentParams) {
        if self.docs.remove(&p.text_document.uri).is_some() {
            let params = PublishDiagnosticsParams { uri: p.text_document.uri, diagnostics: Vec::new(), version: None };
            self.notify::<notif::PublishDiagnostics>(params);
        }
    }

    fn set_settings(&mut self, value: &serde_json::Value) {
        let (settings, problems) = EditorSettings::from_json(value);
        for p in problems {
            self.show(MessageType::WARNING, &format!("sfo-lint: {p}"));
        }
        if settings != self.settings {
            self.settings = settings;
            self.reload("settings changed");
        }
    }

    /// Drops every linter so each is rebuilt from the files and settings as they are now,
    /// and marks every document for linting.
    fn reload(&mut self, why: &str) {
        self.log(MessageType::INFO, &format!("configuration {why}: linting open documents again"));
        self.linters.clear();
        for doc in self.docs.values_mut() {
            doc.linted = None;
        }
    }

    fn register_watcher(&mut self) {
        if !self.client.watch_files {
            return;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!("**/{CONFIG_FILE}")),
                kind: None,
            }],
        };
        let registration = Registration {
            id: "sfo-lint-config-watcher".into(),
            method: notif::DidChangeWatchedFiles::METHOD.into(),
            register_options: serde_json::to_value(options).ok(),
        };
        self.next_id += 1;
        let id = RequestId::from(format!("sfo-lint-{}", self.next_id));
        let params = RegistrationParams { registrations: vec![registration] };
        send(self.conn, Request::new(id, req::RegisterCapability::METHOD.into(), params));
    }

    // ---- linting ----

    fn publish_changed(&mut self) {
        let stale: Vec<Uri> = self.docs.iter().filter(|(_, d)| d.linted.is_none()).map(|(u, _)| u.clone()).collect();
        for uri in stale {
            self.lint(&uri);
        }
    }

    /// Lints a document whose text changed since its last lint, and publishes the findings.
    fn lint(&mut self, uri: &Uri) {
        let Some(doc) = self.docs.get(uri) else { return };
        if doc.linted.is_some() {
            return;
        }
        let dir = doc.path.as_deref().and_then(Path::parent).or_else(|| self.roots.first().map(PathBuf::as_path));
        let (linter, problems) = self.linters.get(dir, &self.settings);
        for p in problems {
            self.show(MessageType::ERROR, &format!("sfo-lint: {p}"));
        }
        let mut failure = None;
        let Some(doc) = self.docs.get_mut(uri) else { return };
        let (found, lines) = if doc.is_config() {
            (Vec::new(), LineIndex::new(&doc.text))
        } else {
            // A bug in a rule must not take the editor's server down with it: report it,
            // and show no findings for this version rather than stale ones.
            let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let parsed = Document::parse(&doc.text, doc.format);
                (linter.lint_document(&parsed), parsed.lines)
            }));
            run.unwrap_or_else(|panic| {
                let why = panic
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| panic.downcast_ref::<&str>().copied())
                    .unwrap_or("unknown error");
                failure = Some(format!("sfo-lint could not check {} ({why}); please report this", uri.as_str()));
                (Vec::new(), LineIndex::new(&doc.text))
            })
        };
        let diagnostics = to_lsp::diagnostics(&doc.text, &lines, &found, self.enc);
        let params = PublishDiagnosticsParams { uri: uri.clone(), diagnostics, version: Some(doc.version) };
        doc.linted = Some(Linted { found, lines });
        self.notify::<notif::PublishDiagnostics>(params);
        if let Some(message) = failure {
            self.show(MessageType::ERROR, &message);
        }
    }

    // ---- talking to the client ----

    fn notify<N: notif::Notification>(&self, params: N::Params) {
        send(self.conn, Notification::new(N::METHOD.into(), params));
    }

    fn log(&self, typ: MessageType, message: &str) {
        self.notify::<notif::LogMessage>(lsp_types::LogMessageParams { typ, message: message.to_owned() });
    }

    fn show(&self, typ: MessageType, message: &str) {
        self.log(typ, message);
        self.notify::<notif::ShowMessage>(ShowMessageParams { typ, message: message.to_owned() });
    }
}

fn is_config_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == CONFIG_FILE)
}

/// The text of the open document at `path`, if the editor has it open.
fn open_text(docs: &HashMap<Uri, OpenDocument>, path: &Path) -> Option<String> {
    docs.values().find(|d| d.path.as_deref() == Some(path)).map(|d| d.text.clone())
}

/// The text after a `didChange`'s edits, applied in order; an error (and the text left as
/// it was) when any range is out of the text or splits a character.
fn apply_changes(
    text: &str,
    changes: &[lsp_types::TextDocumentContentChangeEvent],
    enc: Encoding,
) -> Result<String, String> {
    let mut text = text.to_owned();
    for change in changes {
        match change.range {
            None => text.clone_from(&change.text),
            Some(range) => {
                let lines = LineIndex::new(&text);
                let span = from_lsp::span(&text, &lines, range, enc).ok_or_else(|| {
                    format!(
                        "range {}:{}-{}:{} is not in the document",
                        range.start.line, range.start.character, range.end.line, range.end.character
                    )
                })?;
                text.replace_range(span.start..span.end, &change.text);
            }
        }
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range, TextDocumentContentChangeEvent};

    fn change(l1: u32, c1: u32, l2: u32, c2: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn edits_apply_in_order_and_bad_ones_change_nothing() {
        let text = "a\u{1F600}b\ncd";
        let out = apply_changes(text, &[change(0, 3, 0, 4, "B"), change(1, 0, 1, 0, "x")], Encoding::Utf16).unwrap();
        assert_eq!(out, "a\u{1F600}B\nxcd");
        assert!(apply_changes(text, &[change(0, 0, 0, 1, "A"), change(0, 2, 0, 3, "!")], Encoding::Utf16).is_err());
        assert!(apply_changes(text, &[change(7, 0, 7, 0, "!")], Encoding::Utf16).is_err());
        let out = apply_changes(text, &[change(0, 5, 0, 6, "B")], Encoding::Utf8).unwrap();
        assert_eq!(out, "a\u{1F600}B\ncd");
    }
}

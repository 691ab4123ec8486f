//! A small LSP client that drives the built server over stdio, for the integration tests
//! and the keystroke benchmark. Every wait is bounded, so a broken server fails a test
//! instead of hanging it.

#![allow(dead_code)] // each test file uses a different part

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

pub const TIMEOUT: Duration = Duration::from_secs(20);

pub struct Client {
    child: Child,
    pub stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications read while waiting for something else.
    pub notifications: Vec<Value>,
}

/// One framed message from the server, or `None` at end of output.
fn read_message(out: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if out.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse().ok();
        }
    }
    let mut body = vec![0; length?];
    out.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The built server, started as an editor starts it, its stdin and stdout piped.
pub fn spawn_server() -> Child {
    Command::new(env!("CARGO_BIN_EXE_sfo-lint-lsp"))
        .arg("--stdio")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start sfo-lint-lsp")
}

impl Client {
    pub fn start() -> Client {
        let mut child = spawn_server();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut out = BufReader::new(stdout);
            while let Some(msg) = read_message(&mut out) {
                if tx.send(msg).is_err() {
                    return;
                }
            }
        });
        let stdin = child.stdin.take();
        Client { child, stdin, incoming, next_id: 0, notifications: Vec::new() }
    }

    /// Starts the server and initializes it with these client capabilities.
    pub fn initialized(capabilities: Value, options: Value) -> (Client, Value) {
        let mut c = Client::start();
        let result = c.initialize(capabilities, options);
        (c, result)
    }

    pub fn initialize(&mut self, capabilities: Value, options: Value) -> Value {
        let resp = self.request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": capabilities, "initializationOptions": options}),
        );
        let result = resp.get("result").cloned().unwrap_or_else(|| panic!("initialize failed: {resp}"));
        self.notify("initialized", json!({}));
        result
    }

    pub fn send_raw(&mut self, body: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        stdin.write_all(body).unwrap();
        stdin.flush().unwrap();
    }

    pub fn send(&mut self, msg: Value) {
        self.send_raw(msg.to_string().as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request without waiting; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Sends a request and returns the whole response message.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.response(id)
    }

    pub fn response(&mut self, id: i64) -> Value {
        self.wait(&format!("the response to request {id}"), |m| m.get("method").is_none() && m["id"] == id)
    }

    /// The next message that `pred` accepts; notifications passed over are kept, and
    /// requests from the server are answered with `null`.
    pub fn wait(&mut self, what: &str, mut pred: impl FnMut(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        if let Some(i) = self.notifications.iter().position(&mut pred) {
            return self.notifications.remove(i);
        }
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = match self.incoming.recv_timeout(left) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => {
                    panic!("timed out waiting for {what}; seen: {:#?}", self.notifications)
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("the server closed its output while we waited for {what}")
                }
            };
            if pred(&msg) {
                return msg;
            }
            if msg.get("method").is_some() && msg.get("id").is_some() {
                let reply = json!({"jsonrpc": "2.0", "id": msg["id"], "result": null});
                self.send(reply);
            } else if msg.get("method").is_some() {
                self.notifications.push(msg);
            }
        }
    }

    /// Messages that arrive within `quiet` (for checking that nothing more is sent).
    pub fn drain(&mut self, quiet: Duration) -> Vec<Value> {
        let mut out = std::mem::take(&mut self.notifications);
        while let Ok(m) = self.incoming.recv_timeout(quiet) {
            out.push(m);
        }
        out
    }

    pub fn open(&mut self, uri: &str, language: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
        );
    }

    /// Sends one incremental change.
    pub fn change(&mut self, uri: &str, version: i64, range: [u32; 4], text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"range": range_json(range), "text": text}]}),
        );
    }

    /// The diagnostics published for `uri` at `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let msg = self.wait(&format!("diagnostics for {uri} v{version}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        msg["params"]["diagnostics"].as_array().cloned().unwrap_or_default()
    }

    /// `shutdown`, `exit`, and the server's exit status.
    pub fn shutdown(mut self) -> ExitStatus {
        let resp = self.request("shutdown", Value::Null);
        assert!(resp.get("error").is_none(), "{resp}");
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    pub fn wait_exit(&mut self) -> ExitStatus {
        self.stdin.take();
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn range_json([l1, c1, l2, c2]: [u32; 4]) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}

/// (rule id, [start line, start col, end line, end col]) of each diagnostic.
pub fn summary(diags: &[Value]) -> Vec<(String, [u64; 4])> {
    diags
        .iter()
        .map(|d| {
            let r = &d["range"];
            let n = |v: &Value| v.as_u64().unwrap();
            (
                d["code"].as_str().unwrap().to_owned(),
                [n(&r["start"]["line"]), n(&r["start"]["character"]), n(&r["end"]["line"]), n(&r["end"]["character"])],
            )
        })
        .collect()
}

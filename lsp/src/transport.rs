//! Stdio transport that survives bad input.
//!
//! lsp-server's own stdio reader stops at the first malformed message, which would leave the
//! editor talking to a dead server. This reader skips a bad frame instead: a body that is not
//! JSON-RPC is handed to the main loop as an [`INVALID_MESSAGE`] notification (carrying the
//! request id when one can be read, so the loop can answer it with an error), and the reader
//! carries on with the next frame. The channels are lsp-server's, so the rest of the server
//! is an ordinary loop over [`Connection`].

use crossbeam_channel::{bounded, unbounded, Sender};
use lsp_server::{Connection, ErrorCode, Message, Notification};
use std::io::{self, BufRead, Write};
use std::thread;

/// The method of the notification that stands for a message the reader could not parse.
pub const INVALID_MESSAGE: &str = "$/sfo-lint/invalidMessage";

/// A frame larger than this is not read into memory (no editor buffer comes near it).
const MAX_FRAME: usize = 256 << 20;

/// The writer thread; join it after dropping the connection so every reply is flushed.
pub struct Writer(thread::JoinHandle<io::Result<()>>);

impl Writer {
    pub fn join(self) -> io::Result<()> {
        self.0.join().unwrap_or_else(|_| Err(io::Error::other("writer thread panicked")))
    }
}

/// A connection over stdin and stdout. The reader thread is not joined: it ends by itself
/// after `exit` or end of input, and is otherwise blocked reading stdin.
pub fn stdio() -> (Connection, Writer) {
    let (to_writer, from_server) = bounded::<Message>(0);
    let writer = thread::Builder::new()
        .name("sfo-lint-lsp writer".into())
        .spawn(move || {
            let stdout = io::stdout();
            let mut out = stdout.lock();
            for msg in from_server {
                msg.write(&mut out)?;
                out.flush()?;
            }
            Ok(())
        })
        .expect("cannot start the writer thread");
    // Unbounded: the reader keeps parsing while the server lints, so the main loop can drain
    // every pending edit before it lints again.
    let (to_server, from_reader) = unbounded::<Message>();
    thread::Builder::new()
        .name("sfo-lint-lsp reader".into())
        .spawn(move || read_loop(&mut io::stdin().lock(), &to_server))
        .expect("cannot start the reader thread");
    (Connection { sender: to_writer, receiver: from_reader }, Writer(writer))
}

/// Reads frames until end of input, `exit`, or the server hanging up.
pub fn read_loop(input: &mut impl BufRead, to_server: &Sender<Message>) {
    loop {
        let body = match read_frame(input) {
            Ok(Some(Ok(body))) => body,
            Ok(Some(Err(problem))) => {
                eprintln!("sfo-lint-lsp: skipped a frame: {problem}");
                continue;
            }
            Ok(None) => return,
            Err(e) => {
                eprintln!("sfo-lint-lsp: cannot read input: {e}");
                return;
            }
        };
        let msg = parse(&body);
        let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
        if to_server.send(msg).is_err() || exit {
            return;
        }
    }
}

/// A message, or an [`INVALID_MESSAGE`] notification describing why the body is not one.
/// The body is read as JSON first, so a request whose shape is wrong can still be answered
/// by its id (lsp-server's untagged parse would take it for a response and drop it).
fn parse(body: &[u8]) -> Message {
    let value: serde_json::Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => return invalid(None, ErrorCode::ParseError, format!("malformed JSON: {e}")),
    };
    let id = value.get("id").filter(|id| id.is_i64() || id.is_string()).cloned();
    let parsed = match (value.get("method").is_some(), id.is_some()) {
        (true, true) => serde_json::from_value(value).map(Message::Request),
        (true, false) => serde_json::from_value(value).map(Message::Notification),
        (false, _) => serde_json::from_value(value).map(Message::Response),
    };
    parsed.unwrap_or_else(|e| invalid(id, ErrorCode::InvalidRequest, format!("not a JSON-RPC message: {e}")))
}

fn invalid(id: Option<serde_json::Value>, code: ErrorCode, message: String) -> Message {
    let params = serde_json::json!({ "id": id, "code": code as i32, "message": message });
    Message::Notification(Notification::new(INVALID_MESSAGE.to_owned(), params))
}

/// One frame: `Ok(None)` at end of input, `Ok(Some(Err(_)))` for a frame to skip.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Result<Vec<u8>, String>>> {
    let mut length: Option<Result<usize, String>> = None;
    let mut raw = Vec::new();
    let mut header_lines = 0;
    loop {
        raw.clear();
        // Bytes, not `read_line`: a header that is not UTF-8 is a bad frame, not the end.
        if input.read_until(b'\n', &mut raw)? == 0 {
            return Ok(None);
        }
        let line = String::from_utf8_lossy(&raw);
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if header_lines == 0 {
                continue; // stray blank line between frames
            }
            break;
        }
        header_lines += 1;
        // After a frame whose Content-Length lied, the next header follows the leftover bytes
        // on the same line: pick it up there, so the stream resynchronises.
        let header = match header.find("Content-Length:") {
            Some(p) if p > 0 => &header[p..],
            _ => header,
        };
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = Some(value.trim().parse().map_err(|_| format!("bad Content-Length `{}`", value.trim())));
            }
        }
    }
    let length = match length {
        None => return Ok(Some(Err("no Content-Length header".into()))),
        Some(Err(e)) => return Ok(Some(Err(e))),
        Some(Ok(n)) if n > MAX_FRAME => return Ok(Some(Err(format!("frame of {n} bytes is too large")))),
        Some(Ok(n)) => n,
    };
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(Ok(body)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<Message> {
        let (tx, rx) = unbounded();
        read_loop(&mut io::Cursor::new(input.as_bytes()), &tx);
        drop(tx);
        rx.into_iter().collect()
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn bad_frames_are_skipped_and_reading_goes_on() {
        let ok = r#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#;
        let input = [
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","id":3,"method":42}"#),
            "Content-Type: x\r\n\r\n".to_owned(),
            "Content-Length: many\r\n\r\n".to_owned(),
            frame(ok),
        ]
        .concat();
        let msgs = frames(&input);
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        let Message::Notification(n) = &msgs[0] else { panic!("{msgs:?}") };
        assert_eq!(n.method, INVALID_MESSAGE);
        assert!(n.params["id"].is_null());
        let Message::Notification(n) = &msgs[1] else { panic!("{msgs:?}") };
        assert_eq!(n.params["id"], 3);
        assert!(matches!(&msgs[2], Message::Request(r) if r.method == "shutdown"));
    }

    #[test]
    fn exit_ends_reading() {
        let input =
            [frame(r#"{"jsonrpc":"2.0","method":"exit"}"#), frame(r#"{"jsonrpc":"2.0","method":"x"}"#)].concat();
        assert_eq!(frames(&input).len(), 1);
    }
}

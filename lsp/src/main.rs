//! `sfo-lint-lsp`: the sfo-lint language server, over stdio.
//!
//! Squiggles while a review is written, a quick fix a click away and the reason a hover
//! away. The rules are the core library's; this crate converts between them and the
//! protocol (`to_lsp`, `from_lsp`), keeps the open documents (`server`) and builds the
//! editor's actions (`actions`, `config_edit`) and hovers (`hover`).

// lsp_types::Uri caches its parse inside, which clippy takes for a mutable map key; its
// Hash and Eq use only the string, which never changes.
#![allow(clippy::mutable_key_type)]

mod actions;
mod config_edit;
mod from_lsp;
mod hover;
mod server;
mod settings;
mod to_lsp;
mod transport;

use std::process::ExitCode;

const USAGE: &str = "\
sfo-lint-lsp: the sfo-lint language server (Language Server Protocol over stdio)

Usage: sfo-lint-lsp [--stdio]

Options:
  --stdio      talk LSP over stdin and stdout (the default)
  --version    print the version
  --help       print this help
";

fn main() -> ExitCode {
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--stdio" => {}
            "--version" | "-V" => {
                println!("sfo-lint-lsp {}", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            "--help" | "-h" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("sfo-lint-lsp: unknown argument `{other}`\n\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let (conn, writer) = transport::stdio();
    let end = server::run(&conn);
    // Dropping the connection closes the writer's channel; join it so every reply is sent.
    drop(conn);
    let _ = writer.join();
    match end {
        Ok(server::End::Clean) => ExitCode::SUCCESS,
        Ok(server::End::Abrupt) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("sfo-lint-lsp: {e}");
            ExitCode::FAILURE
        }
    }
}

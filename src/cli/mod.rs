//! Command-line front end. Errors are values until here, where they become exit codes:
//! 0 nothing at or above `--deny`, 1 findings, 2 usage, input or configuration errors.

mod check;
mod explain;
mod fix;
mod glossary;
mod stats;

use clap::{Parser, Subcommand};

pub const EXIT_OK: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

#[derive(Parser)]
#[command(
    name = "sfo-lint",
    version,
    about = "Plain English and victim sensitivity for Serious Further Offence reviews"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint files, directories (.txt, .md, .markdown, .docx) or standard input (-).
    Check(check::Args),
    /// List the rules.
    Rules,
    /// Explain a rule: why it exists, the guidance it enforces, good and bad examples.
    Explain {
        /// A rule id, such as offender-term.
        rule: String,
    },
    /// Draft a case glossary: the acronyms and terms of art a review uses, in order of first use.
    Glossary(glossary::Args),
    /// Readability report: words, sentences, passive voice, acronyms, Flesch reading ease, findings.
    Stats(stats::Args),
}

pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
            let _ = e.print();
            return code;
        }
    };
    let result = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Rules => explain::list(),
        Command::Explain { rule } => explain::explain(&rule),
        Command::Glossary(args) => glossary::run(args),
        Command::Stats(args) => stats::run(args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("sfo-lint: error: {message}");
            EXIT_ERROR
        }
    }
}

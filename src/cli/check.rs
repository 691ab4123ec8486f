//! `sfo-lint check`: lint files, directories and standard input.

use sfo_lint::config::{Config, RuleLevel};
use sfo_lint::input::{self, Source};
use sfo_lint::report::{self, FileReport};
use sfo_lint::{Diagnostic, Format, Linter, Severity};
use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories to lint; `-` reads standard input. Defaults to the current directory.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Exit 1 when anything at or above this severity is found.
    #[arg(long, value_enum, default_value_t = Level::Warning)]
    deny: Level,
    /// Use this configuration instead of looking for sfo-lint.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Read standard input as Markdown.
    #[arg(long)]
    stdin_markdown: bool,
    /// Turn a rule off (repeatable).
    #[arg(long = "disable", value_name = "RULE")]
    disable: Vec<String>,
    /// Run only these rules (repeatable).
    #[arg(long = "only", value_name = "RULE")]
    only: Vec<String>,
    /// Apply the suggestions marked safe to .txt and .md files (never .docx), then report
    /// what is left. Changes are listed on standard error; fixed standard input is written to
    /// standard output (and the report to standard error).
    #[arg(long)]
    fix: bool,
    /// With --fix: write nothing, print a unified diff to standard output (and the report to
    /// standard error).
    #[arg(long, requires = "fix")]
    dry_run: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum OutputFormat {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Level {
    Error,
    Warning,
    Info,
    Hint,
}

impl From<Level> for Severity {
    fn from(l: Level) -> Severity {
        match l {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info => Severity::Info,
            Level::Hint => Severity::Hint,
        }
    }
}

/// What to lint: a file or standard input.
enum Target {
    File(PathBuf),
    Stdin,
}

fn targets(paths: &[PathBuf]) -> Result<Vec<Target>, String> {
    let defaults = [PathBuf::from(".")];
    let paths = if paths.is_empty() { &defaults[..] } else { paths };
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Target::Stdin);
        } else if p.is_dir() {
            let before = out.len();
            walk(p, &mut out)?;
            if out.len() == before {
                return Err(format!("{}: no .txt, .md, .markdown or .docx files to lint", p.display()));
            }
        } else if p.exists() {
            out.push(Target::File(p.clone()));
        } else {
            return Err(format!("{}: no such file or directory", p.display()));
        }
    }
    Ok(out)
}

fn lintable(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("txt" | "md" | "markdown" | "docx")
    )
}

/// Files under a directory, honouring .gitignore, in a stable order.
fn walk(dir: &Path, out: &mut Vec<Target>) -> Result<(), String> {
    let mut files = Vec::new();
    for entry in ignore::WalkBuilder::new(dir).follow_links(false).sort_by_file_name(|a, b| a.cmp(b)).build() {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        if entry.file_type().is_some_and(|t| t.is_file()) && lintable(entry.path()) {
            files.push(entry.into_path());
        }
    }
    out.extend(files.into_iter().map(Target::File));
    Ok(())
}

/// Linters by configuration file, so each directory's sfo-lint.toml is read once.
struct Linters<'a> {
    args: &'a Args,
    explicit: Option<Linter>,
    by_config: HashMap<Option<PathBuf>, Linter>,
}

impl<'a> Linters<'a> {
    fn new(args: &'a Args) -> Result<Self, String> {
        let explicit = match &args.config {
            Some(p) => Some(build(args, Config::load(p).map_err(|e| e.to_string())?)?),
            None => None,
        };
        Ok(Linters { args, explicit, by_config: HashMap::new() })
    }

    fn for_dir(&mut self, dir: &Path) -> Result<&Linter, String> {
        if let Some(l) = &self.explicit {
            return Ok(l);
        }
        let found = Config::discover(dir);
        if !self.by_config.contains_key(&found) {
            let config = match &found {
                Some(p) => Config::load(p).map_err(|e| e.to_string())?,
                None => Config::default(),
            };
            self.by_config.insert(found.clone(), build(self.args, config)?);
        }
        Ok(&self.by_config[&found])
    }
}

fn build(args: &Args, mut config: Config) -> Result<Linter, String> {
    for id in &args.disable {
        config.set_level(id, RuleLevel::Off);
    }
    if !args.only.is_empty() {
        for spec in sfo_lint::rules::RULES {
            if !args.only.iter().any(|o| o == spec.id) {
                config.set_level(spec.id, RuleLevel::Off);
            }
        }
    }
    Linter::new(&config).map_err(|e| e.to_string())
}

struct Linted {
    source: Source,
    diagnostics: Vec<Diagnostic>,
}

pub fn run(args: Args) -> Result<i32, String> {
    // Usage errors first: an unknown rule is reported before any file is read.
    for id in args.disable.iter().chain(&args.only) {
        if sfo_lint::rules::spec(id).is_none() {
            return Err(format!("unknown rule `{id}`"));
        }
    }
    let targets = targets(&args.paths)?;
    let mut linters = Linters::new(&args)?;
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let mut linted = Vec::new();
    let mut fixer = args.fix.then(|| super::fix::Fixer::new(args.dry_run));
    for t in &targets {
        let (mut source, dir) = match t {
            Target::Stdin => {
                let format = if args.stdin_markdown { Format::Markdown } else { Format::Plain };
                (input::read_stdin(format).map_err(|e| e.to_string())?, cwd.clone())
            }
            Target::File(p) => {
                let dir =
                    p.parent().filter(|d| !d.as_os_str().is_empty()).map_or_else(|| cwd.clone(), |d| d.to_path_buf());
                (input::read_path(p).map_err(|e| e.to_string())?, dir)
            }
        };
        let linter = linters.for_dir(&dir)?;
        let diagnostics = match (&mut fixer, t) {
            (Some(f), Target::File(p)) => f.fix(Some(p), &mut source, linter)?,
            (Some(f), Target::Stdin) => f.fix(None, &mut source, linter)?,
            (None, _) => linter.lint_document(&source.document()),
        };
        linted.push(Linted { source, diagnostics });
    }
    let reports: Vec<FileReport> = linted
        .iter()
        .map(|l| FileReport {
            path: &l.source.name,
            text: &l.source.text,
            diagnostics: &l.diagnostics,
            locations: l.source.locations(),
        })
        .collect();
    // When --fix puts fixed text or a diff on standard output, the report goes to stderr.
    let to_stderr = fixer.as_ref().is_some_and(|f| f.used_stdout);
    let terminal = if to_stderr { std::io::stderr().is_terminal() } else { std::io::stdout().is_terminal() };
    let out = match args.format {
        OutputFormat::Human => report::human::render(&reports, terminal && std::env::var_os("NO_COLOR").is_none()),
        OutputFormat::Json => report::json::render(&reports),
        OutputFormat::Sarif => report::sarif::render(&reports),
        OutputFormat::Github => report::github::render(&reports),
    };
    if to_stderr {
        eprint!("{out}");
    } else {
        print_all(&out)?;
    }
    if let Some(f) = &fixer {
        f.finish();
    }
    let deny: Severity = args.deny.into();
    let failed = linted.iter().flat_map(|l| &l.diagnostics).any(|d| d.severity >= deny);
    Ok(if failed { super::EXIT_FINDINGS } else { super::EXIT_OK })
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a message.
fn print_all(s: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
        _ => Ok(()),
    }
}

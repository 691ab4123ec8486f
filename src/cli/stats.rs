//! `sfo-lint stats`: the readability report for one or more reviews.

use sfo_lint::config::Config;
use sfo_lint::input::{self, Source};
use sfo_lint::stats::Stats;
use sfo_lint::{Document, Format, Linter};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// Reviews to measure (.txt, .md, .docx); `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = StatsFormat::Human)]
    format: StatsFormat,
    /// Use this configuration instead of looking for sfo-lint.toml (it decides which rules
    /// are counted).
    #[arg(long)]
    config: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum StatsFormat {
    Human,
    Json,
}

/// Reads a file, or standard input for `-` (as Markdown when `markdown`).
pub(super) fn read(path: &Path, markdown: bool) -> Result<Source, String> {
    if path.as_os_str() == "-" {
        input::read_stdin(if markdown { Format::Markdown } else { Format::Plain })
    } else {
        input::read_path(path)
    }
    .map_err(|e| e.to_string())
}

/// The linter `check` would use for a file: `--config`, else the nearest sfo-lint.toml.
fn linter_for(path: &Path, config: Option<&Path>) -> Result<Linter, String> {
    let found = match config {
        Some(c) => Some(c.to_path_buf()),
        None => {
            let dir = path.parent().filter(|d| !d.as_os_str().is_empty() && path.as_os_str() != "-");
            let dir = dir.map_or_else(|| std::env::current_dir().unwrap_or_else(|_| ".".into()), Path::to_path_buf);
            Config::discover(&dir)
        }
    };
    let config = match found {
        Some(p) => Config::load(&p).map_err(|e| e.to_string())?,
        None => Config::default(),
    };
    Linter::new(&config).map_err(|e| e.to_string())
}

pub fn run(args: Args) -> Result<i32, String> {
    let mut human = String::new();
    let mut json = Vec::new();
    for path in &args.paths {
        let source = read(path, false)?;
        let linter = linter_for(path, args.config.as_deref())?;
        let doc = source.document();
        let diagnostics = linter.lint_document(&doc);
        let stats = Stats::compute(&doc, &diagnostics);
        match args.format {
            StatsFormat::Human => render(&mut human, &source, &doc, &stats),
            StatsFormat::Json => json.push(serde_json::json!({ "path": source.name, "stats": stats })),
        }
    }
    let out = match args.format {
        StatsFormat::Human => human,
        StatsFormat::Json => {
            serde_json::to_string_pretty(&serde_json::json!({ "files": json })).map_err(|e| e.to_string())? + "\n"
        }
    };
    print!("{out}");
    Ok(super::EXIT_OK)
}

/// What a Flesch score means for a reader.
fn flesch_band(score: f64) -> &'static str {
    match score {
        s if s >= 80.0 => "easy",
        s if s >= 70.0 => "fairly easy",
        s if s >= 60.0 => "plain English",
        s if s >= 50.0 => "fairly difficult",
        s if s >= 30.0 => "difficult",
        _ => "very difficult",
    }
}

fn render(out: &mut String, source: &Source, doc: &Document, s: &Stats) {
    let _ = writeln!(out, "{}", source.name);
    let row = |out: &mut String, label: &str, value: String| {
        let _ = writeln!(out, "  {label:<22}{value}");
    };
    row(out, "Words", s.words.to_string());
    row(out, "Sentences", s.sentences.to_string());
    row(out, "Average sentence", format!("{:.1} words", s.average_sentence_length));
    if let Some(span) = s.longest_sentence {
        let place = match source.locations() {
            Some(l) => l.describe(span.start),
            None => format!("line {}", doc.line_col(span.start, sfo_lint::document::Encoding::Chars).line + 1),
        };
        let text: String = doc.slice(span).split_whitespace().collect::<Vec<_>>().join(" ");
        let excerpt: String =
            if text.chars().count() > 60 { text.chars().take(60).collect::<String>() + "\u{2026}" } else { text };
        row(
            out,
            "Longest sentence",
            format!("{} words ({place}: \u{201c}{excerpt}\u{201d})", s.longest_sentence_length),
        );
    }
    row(
        out,
        "Passive voice",
        format!("{} of {} sentences ({:.1}%)", s.passive_sentences, s.sentences, s.passive_share * 100.0),
    );
    row(out, "Acronyms", format!("{} distinct", s.acronyms));
    row(
        out,
        "Flesch reading ease",
        s.flesch_reading_ease.map_or_else(|| "n/a".into(), |f| format!("{f:.1} ({})", flesch_band(f))),
    );
    if s.rules.is_empty() {
        row(out, "Findings", "none".into());
    } else {
        let total: usize = s.rules.values().sum();
        row(out, "Findings", total.to_string());
        for (rule, n) in &s.rules {
            let _ = writeln!(out, "    {rule:<20}{n:>4}");
        }
    }
    out.push('\n');
}

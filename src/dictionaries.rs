//! The built-in dictionaries, compiled into the binary from `dictionaries/`.
//!
//! Each is plain text that people edit; parsing into sets and automata happens once, in the
//! rule that owns the data. Comment lines start with `#`.

pub const ABBREVIATIONS: &str = include_str!("../dictionaries/abbreviations.txt");
pub const ACRONYMS: &str = include_str!("../dictionaries/acronyms.tsv");
pub const ACRONYM_ALLOW: &str = include_str!("../dictionaries/acronym-allow.txt");
pub const PLAIN_WORDS: &str = include_str!("../dictionaries/plain-words.tsv");
pub const IRREGULAR_VERBS: &str = include_str!("../dictionaries/irregular-verbs.tsv");
pub const PARTICIPLES: &str = include_str!("../dictionaries/participles.txt");
pub const STATIVE_PARTICIPLES: &str = include_str!("../dictionaries/stative-participles.txt");
pub const OFFENDER_NAMES: &str = include_str!("../dictionaries/offender-names.txt");
pub const RISK_QUALIFIERS: &str = include_str!("../dictionaries/risk-qualifiers.txt");
/// Word sets for the victim-sensitivity patterns (src/pattern.rs, src/sensitive.rs).
pub const SLOTS: &str = include_str!("../dictionaries/slots.tsv");
pub const VICTIM_BLAMING: &str = include_str!("../dictionaries/victim-blaming.txt");
pub const MINIMISING_LANGUAGE: &str = include_str!("../dictionaries/minimising-language.txt");
pub const GANG_WORDS: &str = include_str!("../dictionaries/gang-words.txt");

/// Non-empty, non-comment lines, trimmed.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Rows of a tab-separated file, without comments and without its header row.
pub fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Sections of a `[name]`-sectioned list: (section, line) pairs.
pub fn sectioned(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut section = "";
    lines(text).filter_map(move |l| {
        if let Some(name) = l.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            None
        } else {
            Some((section, l))
        }
    })
}

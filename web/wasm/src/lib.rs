//! sfo-lint in the browser: the core crate behind plain `extern "C"` exports, answering in JSON.
//!
//! Plain exports with a few lines of hand-written glue (`web/sfo-lint.js`) keep the module
//! small and the build free of wasm-bindgen's tool chain. The calling convention:
//!
//! 1. the page asks [`alloc`] for room, copies UTF-8 (or a .docx's bytes) in, calls an export
//!    and gives the room back with [`dealloc`];
//! 2. every export leaves its JSON answer in one buffer that [`out_ptr`] and [`out_len`]
//!    describe until the next call; a failure is `{"error": "…"}`, never a trap.
//!
//! Offsets are given twice: as UTF-8 byte offsets (what the CLI and the core use) and as
//! UTF-16 code units (`start16`/`end16`: what JavaScript strings, `textarea.selectionStart`
//! and `String.prototype.slice` use), so curly quotes and emoji never shift a highlight.
//!
//! The pure functions ([`lint_json`], [`stats_json`], [`rules_json`], [`lint_docx_json`]) are
//! the whole behaviour; the exports only move bytes, so the behaviour is tested natively.

use serde::Serialize;
use serde_json::{json, Value};
use sfo_lint::stats::Stats;
use sfo_lint::{Config, Diagnostic, Document, Format, Linter};
use std::cell::RefCell;

thread_local! {
    /// The last answer, read by the page through `out_ptr`/`out_len`.
    static OUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// The linter built for the last configuration: settings change rarely, text often.
    static LINTER: RefCell<Option<(String, Linter)>> = const { RefCell::new(None) };
}

/// Runs `f` with the linter for `config` (TOML), building it only when the text changed.
fn with_linter<R>(config: &str, f: impl FnOnce(&Linter) -> R) -> Result<R, String> {
    LINTER.with(|cell| {
        let mut cached = cell.borrow_mut();
        if cached.as_ref().map(|(c, _)| c.as_str()) != Some(config) {
            let parsed = Config::from_toml(config, None).map_err(|e| e.to_string())?;
            let linter = Linter::new(&parsed).map_err(|e| e.to_string())?;
            *cached = Some((config.to_owned(), linter));
        }
        Ok(f(&cached.as_ref().expect("set above").1))
    })
}

/// UTF-8 byte offsets of one text mapped to UTF-16 code-unit offsets, for the offsets asked.
struct Utf16Offsets {
    /// (byte offset, UTF-16 offset), sorted by byte offset.
    pairs: Vec<(usize, usize)>,
}

impl Utf16Offsets {
    /// One pass over the text for all the offsets a set of diagnostics needs.
    fn new(text: &str, diagnostics: &[Diagnostic]) -> Self {
        let mut wanted: Vec<usize> = diagnostics
            .iter()
            .flat_map(|d| {
                let spans = std::iter::once(d.span).chain(d.suggestions.iter().map(|s| s.span));
                spans.flat_map(|s| [s.start, s.end])
            })
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut pairs = Vec::with_capacity(wanted.len());
        let mut units = 0;
        let mut chars = text.char_indices().peekable();
        for w in wanted {
            while let Some(&(b, c)) = chars.peek() {
                if b >= w {
                    break;
                }
                units += c.len_utf16();
                chars.next();
            }
            pairs.push((w, units));
        }
        Utf16Offsets { pairs }
    }

    fn get(&self, byte: usize) -> usize {
        let i = self.pairs.partition_point(|&(b, _)| b < byte);
        self.pairs.get(i).map_or(0, |&(_, u)| u)
    }
}

/// The rule documentation the page shows beside a finding.
#[derive(Serialize)]
struct RuleInfo<'a> {
    severity: sfo_lint::Severity,
    summary: &'a str,
    guidance: &'a str,
    instead: &'a str,
}

/// Diagnostics, the documentation of the rules they come from, and the text's statistics.
/// `locate` names where an offset lies in a Word document, when the text came from one.
fn report(doc: &Document, found: &[Diagnostic], locate: Option<&dyn Fn(usize) -> String>) -> Value {
    let u16s = Utf16Offsets::new(doc.text(), found);
    let diagnostics: Vec<Value> = found
        .iter()
        .map(|d| {
            let suggestions: Vec<Value> = d
                .suggestions
                .iter()
                .map(|s| {
                    json!({
                        "start": s.span.start, "end": s.span.end,
                        "start16": u16s.get(s.span.start), "end16": u16s.get(s.span.end),
                        "replacement": s.replacement, "safe": s.safe,
                    })
                })
                .collect();
            let mut v = json!({
                "rule": d.rule, "severity": d.severity, "message": d.message,
                "start": d.span.start, "end": d.span.end,
                "start16": u16s.get(d.span.start), "end16": u16s.get(d.span.end),
                "suggestions": suggestions,
            });
            if let Some(locate) = locate {
                v["location"] = Value::String(locate(d.span.start));
            }
            v
        })
        .collect();
    let mut rules = serde_json::Map::new();
    for d in found {
        if let (false, Some(m)) = (rules.contains_key(d.rule), sfo_lint::rules::meta(d.rule)) {
            let info =
                RuleInfo { severity: m.severity, summary: &m.summary, guidance: &m.guidance, instead: &m.instead };
            rules.insert(d.rule.to_owned(), serde_json::to_value(info).unwrap_or_default());
        }
    }
    json!({
        "diagnostics": diagnostics,
        "rules": rules,
        "stats": Stats::compute(doc, found),
    })
}

fn error(message: impl Into<String>) -> String {
    json!({ "error": message.into() }).to_string()
}

/// Lints plain text with a configuration in `sfo-lint.toml` form (empty for the defaults).
pub fn lint_json(text: &str, config: &str) -> String {
    let doc = Document::parse(text, Format::Plain);
    match with_linter(config, |l| l.lint_document(&doc)) {
        Ok(found) => report(&doc, &found, None).to_string(),
        Err(e) => error(e),
    }
}

/// The text's statistics alone: words, sentences, sentence length, passive share, reading ease.
pub fn stats_json(text: &str, config: &str) -> String {
    let doc = Document::parse(text, Format::Plain);
    match with_linter(config, |l| l.lint_document(&doc)) {
        Ok(found) => serde_json::to_string(&Stats::compute(&doc, &found)).unwrap_or_else(|e| error(e.to_string())),
        Err(e) => error(e),
    }
}

/// Every rule's documentation, in registry order.
pub fn rules_json() -> String {
    serde_json::to_string(sfo_lint::rules::all_meta()).unwrap_or_else(|e| error(e.to_string()))
}

/// Reads a Word document with the command line's reader and lints its text; the answer adds
/// `text` (what the offsets refer to) and each finding's `location` in the document.
#[cfg(feature = "docx")]
pub fn lint_docx_json(bytes: &[u8], config: &str) -> String {
    let extracted = match sfo_lint::docx::extract(bytes) {
        Ok(x) => x,
        Err(e) => return error(format!("cannot read Word document: {e}")),
    };
    let doc = Document::parse(&extracted.text, Format::Plain);
    match with_linter(config, |l| l.lint_document(&doc)) {
        Ok(found) => {
            let locate = |o: usize| extracted.locations.get(o).map_or_else(String::new, ToString::to_string);
            let mut v = report(&doc, &found, Some(&locate));
            v["text"] = Value::String(extracted.text.clone());
            v.to_string()
        }
        Err(e) => error(e),
    }
}

// ---- The exports: bytes in and out, nothing else. ----

/// Room for `len` bytes of input; the page frees it with [`dealloc`].
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut v = std::mem::ManuallyDrop::new(Vec::<u8>::with_capacity(len.max(1)));
    v.as_mut_ptr()
}

/// Frees room from [`alloc`].
///
/// # Safety
/// `ptr` and `len` must be exactly what [`alloc`] was given and returned.
#[no_mangle]
pub unsafe extern "C" fn dealloc(ptr: *mut u8, len: usize) {
    drop(Vec::from_raw_parts(ptr, 0, len.max(1)));
}

#[no_mangle]
pub extern "C" fn out_ptr() -> *const u8 {
    OUT.with(|o| o.borrow().as_ptr())
}

#[no_mangle]
pub extern "C" fn out_len() -> usize {
    OUT.with(|o| o.borrow().len())
}

fn answer(json: String) {
    OUT.with(|o| *o.borrow_mut() = json.into_bytes());
}

/// # Safety
/// `ptr..ptr + len` must be readable (a block from [`alloc`], or empty).
unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    if len == 0 {
        &[]
    } else {
        std::slice::from_raw_parts(ptr, len)
    }
}

/// Text and configuration from the page, both UTF-8 (TextEncoder guarantees it).
unsafe fn strings<'a>(t: *const u8, tl: usize, c: *const u8, cl: usize) -> Result<(&'a str, &'a str), String> {
    let text = std::str::from_utf8(bytes(t, tl)).map_err(|e| format!("text is not UTF-8: {e}"))?;
    let config = std::str::from_utf8(bytes(c, cl)).map_err(|e| format!("configuration is not UTF-8: {e}"))?;
    Ok((text, config))
}

/// # Safety
/// Both ranges must come from [`alloc`] (or be empty).
#[no_mangle]
pub unsafe extern "C" fn lint(text: *const u8, text_len: usize, config: *const u8, config_len: usize) {
    answer(match strings(text, text_len, config, config_len) {
        Ok((t, c)) => lint_json(t, c),
        Err(e) => error(e),
    });
}

/// # Safety
/// Both ranges must come from [`alloc`] (or be empty).
#[no_mangle]
pub unsafe extern "C" fn stats(text: *const u8, text_len: usize, config: *const u8, config_len: usize) {
    answer(match strings(text, text_len, config, config_len) {
        Ok((t, c)) => stats_json(t, c),
        Err(e) => error(e),
    });
}

#[no_mangle]
pub extern "C" fn rules() {
    answer(rules_json());
}

/// # Safety
/// Both ranges must come from [`alloc`] (or be empty).
#[cfg(feature = "docx")]
#[no_mangle]
pub unsafe extern "C" fn lint_docx(data: *const u8, data_len: usize, config: *const u8, config_len: usize) {
    answer(match std::str::from_utf8(bytes(config, config_len)) {
        Ok(c) => lint_docx_json(bytes(data, data_len), c),
        Err(e) => error(format!("configuration is not UTF-8: {e}")),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Value {
        serde_json::from_str(s).expect("valid JSON")
    }

    /// Slices a JavaScript string (as UTF-16) the way the page does.
    fn js_slice(text: &str, start: u64, end: u64) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16(&units[start as usize..end as usize]).expect("whole characters")
    }

    #[test]
    fn offsets_in_bytes_and_utf16_agree_after_emoji_and_curly_quotes() {
        let text = "😀 “Mr Hale” — the offender’s flat. 👍🏽 The offenders were seen.";
        let v = parse(&lint_json(text, ""));
        let ds = v["diagnostics"].as_array().expect("diagnostics");
        let offender: Vec<&Value> = ds.iter().filter(|d| d["rule"] == "offender-term").collect();
        assert_eq!(offender.len(), 2, "{v}");
        for d in &offender {
            let (s, e) = (d["start"].as_u64().unwrap() as usize, d["end"].as_u64().unwrap() as usize);
            let by_bytes = &text[s..e];
            assert_eq!(js_slice(text, d["start16"].as_u64().unwrap(), d["end16"].as_u64().unwrap()), by_bytes);
            assert!(by_bytes.starts_with("offender"), "{by_bytes}");
            for sug in d["suggestions"].as_array().unwrap() {
                let (s, e) = (sug["start"].as_u64().unwrap() as usize, sug["end"].as_u64().unwrap() as usize);
                assert_eq!(
                    js_slice(text, sug["start16"].as_u64().unwrap(), sug["end16"].as_u64().unwrap()),
                    &text[s..e]
                );
            }
        }
        assert!(v["rules"]["offender-term"]["guidance"].as_str().unwrap().contains("service user"));
    }

    #[test]
    fn configuration_reaches_the_rules_and_errors_are_reported() {
        let text = "The offender was recalled.";
        let v = parse(&lint_json(text, "[offender-term]\npreferred = \"person on probation\"\n"));
        let d = &v["diagnostics"].as_array().unwrap().iter().find(|d| d["rule"] == "offender-term").unwrap().clone();
        assert_eq!(d["suggestions"][0]["replacement"], "person on probation");
        let off = parse(&lint_json(text, "[rules]\noffender-term = \"off\"\n"));
        assert!(off["diagnostics"].as_array().unwrap().iter().all(|d| d["rule"] != "offender-term"));
        let bad = parse(&lint_json(text, "[rules]\nno-such-rule = \"off\"\n"));
        assert!(bad["error"].as_str().unwrap().contains("no-such-rule"), "{bad}");
    }

    #[test]
    fn stats_and_rules_are_json() {
        let s = parse(&stats_json("The offender was seen. He left.", ""));
        assert_eq!(s["sentences"], 2, "{s}");
        let r = parse(&rules_json());
        assert!(r.as_array().unwrap().iter().any(|m| m["id"] == "offender-term"));
    }

    #[test]
    fn the_exports_round_trip_bytes() {
        let text = "The offender’s flat.";
        let p = alloc(text.len());
        unsafe {
            std::ptr::copy_nonoverlapping(text.as_ptr(), p, text.len());
            lint(p, text.len(), std::ptr::null(), 0);
            dealloc(p, text.len());
        }
        let out = unsafe { std::slice::from_raw_parts(out_ptr(), out_len()) };
        let v = parse(std::str::from_utf8(out).unwrap());
        assert_eq!(v["diagnostics"][0]["rule"], "offender-term");
    }

    #[cfg(feature = "docx")]
    #[test]
    fn a_word_document_that_is_not_one_is_an_error() {
        let v = parse(&lint_docx_json(b"not a zip", ""));
        assert!(v["error"].as_str().unwrap().contains("Word"), "{v}");
    }
}

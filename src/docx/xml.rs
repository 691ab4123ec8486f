//! WordprocessingML: paragraphs and their text from a document, footnotes or endnotes part;
//! styles; package relationships.
//!
//! One streaming pass per part with a small state machine; namespaces are resolved so that
//! only Word's own elements count (a DrawingML `a:t` is not a `w:t`).

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use std::collections::{HashMap, HashSet};

const WORD: &[&[u8]] = &[
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const COMPAT: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Where a paragraph sits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Place {
    Body,
    Cell {
        table: usize,
        row: usize,
        cell: usize,
    },
    /// In the footnote or endnote with this id.
    Note(String),
}

/// A paragraph with text.
#[derive(Clone, Debug)]
pub(super) struct Para {
    pub text: String,
    pub place: Place,
    style: Option<String>,
    num_id: Option<String>,
    outline: Option<u8>,
}

/// The paragraphs of a part, and the notes the part refers to, each id once in order.
#[derive(Debug, Default)]
pub(super) struct Part {
    pub paras: Vec<Para>,
    pub footnote_refs: Vec<String>,
    pub endnote_refs: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ns {
    Word,
    Compat,
    Other,
}

/// An element opening or closing, or text. Empty elements open and close.
enum Ev<'a, 'x> {
    Open(Ns, &'a [u8], &'a BytesStart<'x>),
    Close(Ns, &'a [u8]),
    Text(&'a str),
}

/// Streams a part's XML to `f`, checking that it is well formed and complete.
fn walk(bytes: &[u8], part: &str, mut f: impl FnMut(Ev)) -> Result<(), String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("{part} is not UTF-8 text (at byte {}); the file is damaged", e.valid_up_to()))?;
    let mut reader = NsReader::from_str(text);
    let bad = |reader: &NsReader<&[u8]>, e: &dyn std::fmt::Display| {
        format!("{part} is not well-formed XML (near byte {}): {e}; the file is damaged", reader.buffer_position())
    };
    let ns_of = |r: &ResolveResult| match r {
        ResolveResult::Bound(ns) if WORD.contains(&ns.as_ref()) => Ns::Word,
        ResolveResult::Bound(ns) if ns.as_ref() == COMPAT => Ns::Compat,
        _ => Ns::Other,
    };
    let mut depth = 0usize;
    loop {
        let (ns, event) = match reader.read_resolved_event() {
            Ok((ns, event)) => (ns_of(&ns), event),
            Err(e) => return Err(bad(&reader, &e)),
        };
        match event {
            Event::Start(e) => {
                depth += 1;
                f(Ev::Open(ns, e.local_name().into_inner(), &e));
            }
            Event::Empty(e) => {
                let local = e.local_name().into_inner();
                f(Ev::Open(ns, local, &e));
                f(Ev::Close(ns, local));
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                f(Ev::Close(ns, e.local_name().into_inner()));
            }
            Event::Text(t) => {
                let t = t.unescape().map_err(|e| bad(&reader, &e))?;
                f(Ev::Text(&t));
            }
            Event::CData(t) => {
                let t = std::str::from_utf8(&t).map_err(|e| bad(&reader, &e))?;
                f(Ev::Text(t));
            }
            Event::Eof if depth > 0 => return Err(format!("{part} ends too early; the file is damaged or truncated")),
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The value of the attribute with this local name (`w:val`, `w:id`, ...).
fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner() == local)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// Whether an on/off property (`<w:vanish/>`, `<w:vanish w:val="false"/>`) is on.
fn on(e: &BytesStart) -> bool {
    !matches!(attr(e, b"val").as_deref(), Some("0" | "false" | "off"))
}

/// Elements whose content is not the document's current text.
fn skipped(ns: Ns, local: &[u8], e: &BytesStart) -> bool {
    match ns {
        Ns::Word => match local {
            // Tracked deletions and moves away, field codes, records of old formatting.
            b"del" | b"delText" | b"delInstrText" | b"moveFrom" | b"instrText" | b"pPrChange" | b"rPrChange"
            | b"sectPrChange" | b"tblPrChange" | b"trPrChange" | b"tcPrChange" | b"numberingChange" => true,
            b"footnote" | b"endnote" => {
                matches!(
                    attr(e, b"type").as_deref(),
                    Some("separator" | "continuationSeparator" | "continuationNotice")
                )
            }
            _ => false,
        },
        // Markup compatibility repeats content for old readers: read only the first choice.
        Ns::Compat => local == b"Fallback",
        Ns::Other => false,
    }
}

/// A paragraph being read, with the state of its current run.
struct Open {
    para: Para,
    in_run: bool,
    hidden: bool,
}

#[derive(Default)]
struct Walker {
    part: Part,
    open: Vec<Open>,
    /// (table, row, cell) of each table we are inside, innermost last.
    tables: Vec<(usize, usize, usize)>,
    table_count: usize,
    note: Option<String>,
    depth: usize,
    /// The depth at which a skipped element opened.
    skip: Option<usize>,
    in_text: bool,
    in_ppr: usize,
    seen_refs: HashSet<(bool, String)>,
}

impl Walker {
    fn event(&mut self, ev: Ev) {
        match ev {
            Ev::Open(ns, local, e) => {
                self.depth += 1;
                if self.skip.is_none() && skipped(ns, local, e) {
                    self.skip = Some(self.depth);
                }
                if self.skip.is_none() && ns == Ns::Word {
                    self.open_word(local, e);
                }
            }
            Ev::Close(ns, local) => {
                if self.skip == Some(self.depth) {
                    self.skip = None;
                } else if self.skip.is_none() && ns == Ns::Word {
                    self.close_word(local);
                }
                self.depth = self.depth.saturating_sub(1);
            }
            Ev::Text(t) => {
                if self.in_text && self.skip.is_none() {
                    self.push_text(t);
                }
            }
        }
    }

    fn place(&self) -> Place {
        match (&self.note, self.tables.last()) {
            (Some(id), _) => Place::Note(id.clone()),
            (None, Some(&(table, row, cell))) => Place::Cell { table, row, cell },
            (None, None) => Place::Body,
        }
    }

    /// The run text goes to: the innermost paragraph, inside a run that is not hidden.
    fn run(&mut self) -> Option<&mut Para> {
        let in_ppr = self.in_ppr > 0;
        self.open.last_mut().filter(|o| o.in_run && !o.hidden && !in_ppr).map(|o| &mut o.para)
    }

    fn push_text(&mut self, t: &str) {
        if let Some(p) = self.run() {
            p.text.push_str(t);
        }
    }

    fn open_word(&mut self, local: &[u8], e: &BytesStart) {
        let in_ppr = self.in_ppr > 0;
        match local {
            b"p" => {
                let para = Para { text: String::new(), place: self.place(), style: None, num_id: None, outline: None };
                self.open.push(Open { para, in_run: false, hidden: false });
            }
            b"pPr" => self.in_ppr += 1,
            b"pStyle" | b"numId" | b"outlineLvl" if in_ppr => {
                if let (Some(o), Some(v)) = (self.open.last_mut(), attr(e, b"val")) {
                    match local {
                        b"pStyle" => o.para.style = Some(v),
                        b"numId" => o.para.num_id = Some(v),
                        _ => o.para.outline = v.parse().ok(),
                    }
                }
            }
            b"r" => {
                if let Some(o) = self.open.last_mut() {
                    o.in_run = true;
                    o.hidden = false;
                }
            }
            b"vanish" if !in_ppr => {
                if let Some(o) = self.open.last_mut().filter(|o| o.in_run) {
                    o.hidden = on(e);
                }
            }
            b"t" => self.in_text = true,
            b"tab" => self.push_text("\t"),
            b"br" | b"cr" => self.push_text("\n"),
            b"noBreakHyphen" => self.push_text("-"),
            b"footnoteReference" | b"endnoteReference" => {
                let foot = local == b"footnoteReference";
                if let (Some(id), true) = (attr(e, b"id"), self.run().is_some()) {
                    if self.seen_refs.insert((foot, id.clone())) {
                        let refs = if foot { &mut self.part.footnote_refs } else { &mut self.part.endnote_refs };
                        refs.push(id);
                    }
                }
            }
            b"tbl" => {
                self.table_count += 1;
                self.tables.push((self.table_count, 0, 0));
            }
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.1 += 1;
                    t.2 = 0;
                }
            }
            b"tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.2 += 1;
                }
            }
            b"footnote" | b"endnote" => self.note = attr(e, b"id"),
            _ => {}
        }
    }

    fn close_word(&mut self, local: &[u8]) {
        match local {
            b"p" => {
                if let Some(mut o) = self.open.pop() {
                    let trimmed = o.para.text.trim();
                    if !trimmed.is_empty() {
                        o.para.text = trimmed.to_owned();
                        self.part.paras.push(o.para);
                    }
                }
            }
            b"pPr" => self.in_ppr = self.in_ppr.saturating_sub(1),
            b"r" => {
                if let Some(o) = self.open.last_mut() {
                    o.in_run = false;
                    o.hidden = false;
                }
            }
            b"t" => self.in_text = false,
            b"tbl" => {
                self.tables.pop();
            }
            b"footnote" | b"endnote" => self.note = None,
            _ => {}
        }
    }
}

/// The paragraphs of a document, footnotes or endnotes part.
pub(super) fn parse(bytes: &[u8], name: &str) -> Result<Part, String> {
    let mut w = Walker::default();
    walk(bytes, name, |ev| w.event(ev))?;
    Ok(w.part)
}

/// A paragraph style: what makes a heading or a list item.
#[derive(Clone, Debug, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num_id: Option<String>,
}

/// Paragraph styles by id.
#[derive(Debug, Default)]
pub(super) struct Styles {
    by_id: HashMap<String, Style>,
}

pub(super) fn styles(bytes: &[u8], name: &str) -> Result<Styles, String> {
    let mut styles = Styles::default();
    let mut current: Option<(String, Style)> = None;
    walk(bytes, name, |ev| match ev {
        Ev::Open(Ns::Word, b"style", e) => current = attr(e, b"styleId").map(|id| (id, Style::default())),
        Ev::Open(Ns::Word, local, e) => {
            if let (Some((_, s)), Some(v)) = (current.as_mut(), attr(e, b"val")) {
                match local {
                    b"name" => s.name = v,
                    b"basedOn" => s.based_on = Some(v),
                    b"outlineLvl" => s.outline = v.parse().ok(),
                    b"numId" => s.num_id = Some(v),
                    _ => {}
                }
            }
        }
        Ev::Close(Ns::Word, b"style") => {
            if let Some((id, s)) = current.take() {
                styles.by_id.insert(id, s);
            }
        }
        _ => {}
    })?;
    Ok(styles)
}

/// "Heading 1" .. "Heading 9", "Title", "Subtitle", by style name or id.
fn heading_name(name: &str) -> bool {
    let n: String = name.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    n == "title"
        || n == "subtitle"
        || n.strip_prefix("heading").is_some_and(|d| d.len() == 1 && d.as_bytes()[0].is_ascii_digit())
}

impl Styles {
    /// The style and those it is based on, nearest first (cycles cut short).
    fn chain<'s>(&'s self, id: &'s str) -> impl Iterator<Item = &'s Style> + 's {
        let mut next = Some(id);
        std::iter::from_fn(move || {
            let s = self.by_id.get(next?)?;
            next = s.based_on.as_deref();
            Some(s)
        })
        .take(16)
    }

    pub(super) fn is_heading(&self, p: &Para) -> bool {
        if let Some(level) = p.outline {
            // Level 9 is body text.
            return level < 9;
        }
        let Some(id) = p.style.as_deref() else { return false };
        if heading_name(id) {
            return true;
        }
        for s in self.chain(id) {
            if heading_name(&s.name) {
                return true;
            }
            if let Some(level) = s.outline {
                return level < 9;
            }
        }
        false
    }

    pub(super) fn is_list(&self, p: &Para) -> bool {
        if let Some(n) = &p.num_id {
            // numId 0 switches numbering off.
            return n != "0";
        }
        let Some(id) = p.style.as_deref() else { return false };
        for s in self.chain(id) {
            if let Some(n) = &s.num_id {
                return n != "0";
            }
            let name = s.name.to_ascii_lowercase();
            if name.starts_with("list bullet") || name.starts_with("list number") {
                return true;
            }
        }
        false
    }
}

/// (kind, target) of each internal relationship; the kind is the last segment of the type
/// URI ("officeDocument", "styles", "footnotes").
pub(super) fn relationships(bytes: &[u8], name: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    walk(bytes, name, |ev| {
        if let Ev::Open(_, b"Relationship", e) = ev {
            if attr(e, b"TargetMode").as_deref() == Some("External") {
                return;
            }
            if let (Some(kind), Some(target)) = (attr(e, b"Type"), attr(e, b"Target")) {
                let kind = kind.rsplit('/').next().unwrap_or_default().to_owned();
                out.push((kind, target));
            }
        }
    })?;
    Ok(out)
}

//! Word documents: the text of a .docx and where each part of it came from.
//!
//! A .docx is a zip of XML parts. We read the main document (found through the package
//! relationships, `word/document.xml` by default), its styles, footnotes and endnotes, and
//! nothing else: comments, headers and footers are not part of the review's prose.
//!
//! The extracted text is plain text shaped so that [`crate::Document`] sees Word's structure:
//! every paragraph, heading, list item and table-cell paragraph is separated from the next by
//! a blank line; list items start with `- ` (Word draws the bullet or number; the Document
//! blanks the marker); a line break inside a paragraph (`w:br`) is a newline and a tab is a
//! tab. Headings (by style or outline level) stand on their own line, and their spans are
//! returned so that the Document takes them, and only them, for headings. Footnotes and endnotes follow the body, in the order their references
//! appear. Tracked deletions, moved-from text, field codes and hidden text are left out;
//! tracked insertions are kept.
//!
//! A [`LocationMap`] maps offsets in that text back to the document: `paragraph N` counts the
//! paragraphs with text outside tables (headings and list items included) from 1; table
//! cells are `table T, row R, cell C` (all 1-based, tables counted in document order).
//!
//! Untrusted input: parts are read through a size-limited reader (declared sizes are not
//! trusted), so a zip bomb costs at most [`MAX_TOTAL`] bytes of memory; every failure is an
//! error message, never a panic.

mod xml;

use serde::Serialize;
use std::collections::HashMap;
use std::io::Read;

/// The most one part may decompress to.
pub const MAX_PART: u64 = 32 << 20;
/// The most all the parts read may decompress to together.
pub const MAX_TOTAL: u64 = 64 << 20;

/// Where a stretch of extracted text lies in the document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Location {
    Paragraph { paragraph: usize },
    Cell { table: usize, row: usize, cell: usize },
    Footnote { footnote: usize },
    Endnote { endnote: usize },
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Paragraph { paragraph } => write!(f, "paragraph {paragraph}"),
            Location::Cell { table, row, cell } => write!(f, "table {table}, row {row}, cell {cell}"),
            Location::Footnote { footnote } => write!(f, "footnote {footnote}"),
            Location::Endnote { endnote } => write!(f, "endnote {endnote}"),
        }
    }
}

/// Offsets in the extracted text mapped to their place in the document.
#[derive(Clone, Debug, Default)]
pub struct LocationMap {
    /// (start offset, location), sorted by offset.
    pub entries: Vec<(usize, Location)>,
}

impl LocationMap {
    /// The place holding byte `offset` of the extracted text.
    pub fn get(&self, offset: usize) -> Option<&Location> {
        let i = self.entries.partition_point(|(o, _)| *o <= offset);
        i.checked_sub(1).map(|i| &self.entries[i].1)
    }
}

/// A Word document's text and where each paragraph of it came from.
#[derive(Clone, Debug)]
pub struct Extracted {
    pub text: String,
    pub locations: LocationMap,
    /// The spans of the paragraphs Word styles as headings: the text's layout says which
    /// lines are headings, so the reader need not guess ([`crate::Document::parse_with_headings`]).
    pub headings: Vec<crate::Span>,
}

/// Reads a .docx. The error says what is wrong in words a user can act on.
pub fn extract(bytes: &[u8]) -> Result<Extracted, String> {
    const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if bytes.starts_with(OLE) {
        // Word saves password-protected documents (and old .doc files) as OLE compound files.
        return Err("password-protected or not a .docx (this is an encrypted or Word 97-2003 file); \
                    remove the password or save it as a .docx"
            .into());
    }
    if !bytes.starts_with(b"PK") {
        return Err("not a .docx (not a zip archive)".into());
    }
    let mut package = Package::open(bytes)?;
    let main = package.main_document()?;
    let rels = package.part_relationships(&main)?;
    let styles = match rels.iter().find(|(kind, _)| kind == "styles") {
        Some((_, target)) => package.read_optional(target)?.map(|x| xml::styles(&x, target)).transpose()?,
        None => None,
    }
    .unwrap_or_default();
    let body = xml::parse(&package.read(&main)?, &main)?;
    let mut notes = Vec::new();
    for (kind, refs) in [("footnotes", &body.footnote_refs), ("endnotes", &body.endnote_refs)] {
        if refs.is_empty() {
            continue;
        }
        if let Some((_, target)) = rels.iter().find(|(k, _)| k == kind) {
            if let Some(x) = package.read_optional(target)? {
                notes.push((kind, refs, xml::parse(&x, target)?));
            }
        }
    }
    Ok(assemble(&body, &notes, &styles))
}

/// Lays out the paragraphs as text, recording where each starts.
fn assemble(body: &xml::Part, notes: &[(&str, &Vec<String>, xml::Part)], styles: &xml::Styles) -> Extracted {
    let mut out = Extracted { text: String::new(), locations: LocationMap::default(), headings: Vec::new() };
    let mut paragraph = 0;
    for p in &body.paras {
        let location = match p.place {
            xml::Place::Cell { table, row, cell } => Location::Cell { table, row, cell },
            _ => {
                paragraph += 1;
                Location::Paragraph { paragraph }
            }
        };
        push(&mut out, location, p, styles);
    }
    for (kind, refs, part) in notes {
        let mut by_id: HashMap<&str, Vec<&xml::Para>> = HashMap::new();
        for p in &part.paras {
            if let xml::Place::Note(id) = &p.place {
                by_id.entry(id).or_default().push(p);
            }
        }
        // Word numbers notes in the order of their (distinct) references.
        for (i, id) in refs.iter().enumerate() {
            let Some(paras) = by_id.remove(id.as_str()) else { continue };
            let n = i + 1;
            let location = if *kind == "footnotes" {
                Location::Footnote { footnote: n }
            } else {
                Location::Endnote { endnote: n }
            };
            for p in paras {
                push(&mut out, location.clone(), p, styles);
            }
        }
    }
    out
}

fn push(out: &mut Extracted, location: Location, p: &xml::Para, styles: &xml::Styles) {
    if !out.text.is_empty() {
        out.text.push_str("\n\n");
    }
    out.locations.entries.push((out.text.len(), location));
    let heading = styles.is_heading(p);
    if styles.is_list(p) && !heading {
        out.text.push_str("- ");
    }
    let start = out.text.len();
    out.text.push_str(&p.text);
    if heading {
        out.headings.push(crate::Span::new(start, out.text.len()));
    }
}

/// The zip archive, with a budget for what may be decompressed from it.
struct Package<'b> {
    zip: zip::ZipArchive<std::io::Cursor<&'b [u8]>>,
    budget: u64,
}

impl<'b> Package<'b> {
    fn open(bytes: &'b [u8]) -> Result<Self, String> {
        let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| match e {
            zip::result::ZipError::Io(_) | zip::result::ZipError::InvalidArchive(_) => {
                format!("the file is damaged or incomplete (a truncated zip archive?): {e}")
            }
            e => format!("not a readable .docx: {e}"),
        })?;
        Ok(Package { zip, budget: MAX_TOTAL })
    }

    /// A part's bytes, or None when the package has no such part.
    fn read_optional(&mut self, name: &str) -> Result<Option<Vec<u8>>, String> {
        let entry = match self.zip.by_name(name) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(zip::result::ZipError::UnsupportedArchive(m)) if m == zip::result::ZipError::PASSWORD_REQUIRED => {
                return Err("password-protected or not a .docx (the archive is encrypted)".into())
            }
            Err(e) => return Err(format!("{name}: cannot open: {e}")),
        };
        let limit = self.budget.min(MAX_PART);
        let mut data = Vec::new();
        // Read one byte past the limit to tell "exactly at the limit" from "over it".
        entry
            .take(limit + 1)
            .read_to_end(&mut data)
            .map_err(|e| format!("{name}: the file is damaged (cannot decompress: {e})"))?;
        if data.len() as u64 > limit {
            return Err(format!(
                "{name} decompresses to more than {} MiB; refusing it (a damaged file or a zip bomb)",
                limit >> 20
            ));
        }
        self.budget -= data.len() as u64;
        Ok(Some(data))
    }

    fn read(&mut self, name: &str) -> Result<Vec<u8>, String> {
        self.read_optional(name)?.ok_or_else(|| format!("not a Word document: {name} is missing"))
    }

    /// The main document part's name, from `_rels/.rels`.
    fn main_document(&mut self) -> Result<String, String> {
        const DEFAULT: &str = "word/document.xml";
        let Some(rels) = self.read_optional("_rels/.rels")? else { return Ok(DEFAULT.into()) };
        let found = xml::relationships(&rels, "_rels/.rels")?;
        Ok(found
            .into_iter()
            .find(|(kind, _)| kind == "officeDocument")
            .map(|(_, target)| resolve("", &target))
            .unwrap_or_else(|| DEFAULT.into()))
    }

    /// (relationship kind, part name) pairs of a part, such as ("footnotes",
    /// "word/footnotes.xml"); the usual names when the package does not say.
    fn part_relationships(&mut self, part: &str) -> Result<Vec<(String, String)>, String> {
        let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
        let rels_name = if dir.is_empty() { format!("_rels/{file}.rels") } else { format!("{dir}/_rels/{file}.rels") };
        let mut found = match self.read_optional(&rels_name)? {
            Some(x) => xml::relationships(&x, &rels_name)?
                .into_iter()
                .map(|(kind, target)| (kind, resolve(dir, &target)))
                .collect(),
            None => Vec::new(),
        };
        for kind in ["styles", "footnotes", "endnotes"] {
            if !found.iter().any(|(k, _)| k == kind) {
                let name = if dir.is_empty() { format!("{kind}.xml") } else { format!("{dir}/{kind}.xml") };
                found.push((kind.to_owned(), name));
            }
        }
        Ok(found)
    }
}

/// A relationship target as a part name: absolute targets start at the package root,
/// others are relative to the source part's directory.
fn resolve(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') || dir.is_empty() {
        Vec::new()
    } else {
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

impl crate::report::Locate for LocationMap {
    fn locate(&self, offset: usize) -> serde_json::Value {
        self.get(offset).map_or(serde_json::Value::Null, |l| serde_json::to_value(l).unwrap_or_default())
    }

    fn describe(&self, offset: usize) -> String {
        self.get(offset).map_or_else(|| "start".into(), Location::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_targets() {
        assert_eq!(resolve("word", "footnotes.xml"), "word/footnotes.xml");
        assert_eq!(resolve("word", "/word/document2.xml"), "word/document2.xml");
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(resolve("word", "../customXml/item.xml"), "customXml/item.xml");
        assert_eq!(resolve("word", "../../../x.xml"), "x.xml");
    }

    #[test]
    fn refuses_what_is_not_a_docx() {
        assert!(extract(b"").unwrap_err().contains("not a zip"));
        assert!(extract(b"plain text").unwrap_err().contains("not a zip"));
        assert!(extract(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest").unwrap_err().contains("password-protected"));
        assert!(extract(b"PK\x03\x04garbage").unwrap_err().contains("damaged"));
    }
}

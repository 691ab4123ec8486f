//! Reading what the user asks to lint: a file, standard input, or (with the `docx` feature)
//! a Word document, into text plus the format to read it in.

use crate::document::Format;
use std::fmt;
use std::path::{Path, PathBuf};

/// A text to lint.
pub struct Source {
    /// As the user named it; "-" for standard input.
    pub name: String,
    pub text: String,
    pub format: Format,
    /// Whether the file began with a UTF-8 byte order mark (removed from `text`).
    pub bom: bool,
    /// The spans of the text's headings, when its source marks them (a Word document's
    /// heading styles); `None` when the reader should tell headings by their look.
    pub headings: Option<Vec<crate::Span>>,
    /// Where offsets in `text` lie in a Word document.
    #[cfg(feature = "docx")]
    pub docx: Option<crate::docx::LocationMap>,
}

#[derive(Debug)]
pub enum InputError {
    Io { path: PathBuf, error: std::io::Error },
    NotUtf8 { path: PathBuf, offset: usize },
    Docx { path: PathBuf, message: String },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io { path, error } => write!(f, "{}: cannot read: {error}", path.display()),
            InputError::NotUtf8 { path, offset } => {
                write!(f, "{}: not valid UTF-8 (at byte {offset}); save the file as UTF-8", path.display())
            }
            InputError::Docx { path, message } => write!(f, "{}: cannot read Word document: {message}", path.display()),
        }
    }
}

impl std::error::Error for InputError {}

/// Text from bytes: UTF-8 required, a byte order mark removed.
pub fn decode(bytes: Vec<u8>, path: &Path) -> Result<(String, bool), InputError> {
    let (bytes, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest.to_vec(), true),
        None => (bytes, false),
    };
    String::from_utf8(bytes).map(|t| (t, bom)).map_err(|e| InputError::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to() + if bom { 3 } else { 0 },
    })
}

/// Whether a path names a Word document.
pub fn is_docx(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("docx"))
}

/// Reads a file to lint.
pub fn read_path(path: &Path) -> Result<Source, InputError> {
    let bytes = std::fs::read(path).map_err(|error| InputError::Io { path: path.to_path_buf(), error })?;
    let name = path.display().to_string();
    #[cfg(feature = "docx")]
    if is_docx(path) {
        let doc =
            crate::docx::extract(&bytes).map_err(|message| InputError::Docx { path: path.to_path_buf(), message })?;
        return Ok(Source {
            name,
            text: doc.text,
            format: Format::Plain,
            bom: false,
            headings: Some(doc.headings),
            docx: Some(doc.locations),
        });
    }
    let (text, bom) = decode(bytes, path)?;
    Ok(Source {
        name,
        text,
        format: Format::from_path(path),
        bom,
        headings: None,
        #[cfg(feature = "docx")]
        docx: None,
    })
}

/// Reads standard input as plain text (or Markdown, when asked).
pub fn read_stdin(format: Format) -> Result<Source, InputError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let path = PathBuf::from("<stdin>");
    std::io::stdin().read_to_end(&mut bytes).map_err(|error| InputError::Io { path: path.clone(), error })?;
    let (text, bom) = decode(bytes, &path)?;
    Ok(Source {
        name: "-".into(),
        text,
        format,
        bom,
        headings: None,
        #[cfg(feature = "docx")]
        docx: None,
    })
}

impl Source {
    /// The text parsed into a document, with the headings its source marks.
    pub fn document(&self) -> crate::Document<'_> {
        match &self.headings {
            Some(headings) => crate::Document::parse_with_headings(&self.text, headings),
            None => crate::Document::parse(&self.text, self.format),
        }
    }

    /// Where diagnostics lie in the original document, when that is not the text itself.
    pub fn locations(&self) -> Option<&dyn crate::report::Locate> {
        #[cfg(feature = "docx")]
        if let Some(map) = &self.docx {
            return Some(map);
        }
        None
    }
}

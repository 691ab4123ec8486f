//! Word documents: the text of a .docx and where each part of it came from.
//!
//! Placeholder until the reader lands: every .docx is refused with a clear error.

use serde::Serialize;

/// Where a stretch of extracted text lies in the document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Location {
    Paragraph { paragraph: usize },
    Cell { table: usize, row: usize, cell: usize },
}

/// Offsets in the extracted text mapped to their place in the document.
#[derive(Clone, Debug, Default)]
pub struct LocationMap {
    /// (start offset, location), sorted by offset.
    pub entries: Vec<(usize, Location)>,
}

pub struct Extracted {
    pub text: String,
    pub locations: LocationMap,
}

pub fn extract(_bytes: &[u8]) -> Result<Extracted, String> {
    Err("reading .docx is not supported yet".into())
}

impl crate::report::Locate for LocationMap {
    fn locate(&self, offset: usize) -> serde_json::Value {
        let i = self.entries.partition_point(|(o, _)| *o <= offset);
        i.checked_sub(1)
            .map_or(serde_json::Value::Null, |i| serde_json::to_value(&self.entries[i].1).unwrap_or_default())
    }

    fn describe(&self, offset: usize) -> String {
        let i = self.entries.partition_point(|(o, _)| *o <= offset);
        match i.checked_sub(1).map(|i| &self.entries[i].1) {
            Some(Location::Paragraph { paragraph }) => format!("paragraph {paragraph}"),
            Some(Location::Cell { table, row, cell }) => {
                format!("table {table}, row {row}, cell {cell}")
            }
            None => "start".into(),
        }
    }
}

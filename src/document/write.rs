//! Canonical writing: the same value always gives the same bytes.

use std::io::{self, Write};

use crate::study::Document;
use crate::util::canonical;

impl Document {
    /// Canonical pretty JSON: fields in fixed order, two-space indent, map
    /// keys sorted, empty and absent fields omitted, a trailing newline.
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        let mut out = Vec::with_capacity(self.estimated_size());
        // Writing to a Vec cannot fail, and every type here serializes
        // infallibly (no maps with non-string keys, no non-finite floats).
        let _ = self.write_json_pretty(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Canonical compact JSON: as [`Document::to_json_pretty`] without
    /// whitespace or trailing newline.
    #[must_use]
    pub fn to_json_compact(&self) -> String {
        let mut out = Vec::with_capacity(self.estimated_size());
        let _ = self.write_json_compact(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Writes canonical pretty JSON (with the trailing newline) to `writer`.
    ///
    /// # Errors
    ///
    /// Any I/O error from `writer`.
    pub fn write_json_pretty<W: Write>(&self, mut writer: W) -> io::Result<()> {
        canonical::write_pretty(&mut writer, self)?;
        writer.write_all(b"\n")
    }

    /// Writes canonical compact JSON to `writer`.
    ///
    /// # Errors
    ///
    /// Any I/O error from `writer`.
    pub fn write_json_compact<W: Write>(&self, writer: W) -> io::Result<()> {
        canonical::write_compact(writer, self).map_err(io::Error::from)
    }

    /// A cheap guess at the serialized size, to size the output buffer once.
    fn estimated_size(&self) -> usize {
        self.studies
            .iter()
            .map(|s| {
                512 + s.excerpts.iter().map(|e| e.text.len() + 160).sum::<usize>()
                    + 120 * (s.participants.len() + s.sources.len() + s.themes.len())
                    + 300 * s.findings.len()
            })
            .sum::<usize>()
            + 128
    }
}

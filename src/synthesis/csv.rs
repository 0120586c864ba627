//! The matrix as tidy CSV for R, pandas and spreadsheets.

use std::io::{self, Write};

use super::{EvidenceMatrix, StudyEvidence};

/// The columns of [`EvidenceMatrix::to_csv`], in order: its header, and the
/// fields of each tidy record (the Python package's `synthesize` rows carry
/// the same keys).
pub const CSV_COLUMNS: [&str; 18] = [
    "kind",
    "code",
    "label",
    "known",
    "study",
    "study_id",
    "study_title",
    "study_sample",
    "stances",
    "absent_stances",
    "findings",
    "participants",
    "reported_by",
    "study_kind",
    "sample_unit",
    "count",
    "confidence",
    "not_independent_of",
];

impl EvidenceMatrix {
    /// Tidy CSV: a header, then one record per concept × study that reports
    /// it, rows in canonical order and studies in study order.
    ///
    /// Columns: `kind`, `code`, `label`, `known` (`true`/`false`), `study`
    /// (1-based, the `S` number of the table), `study_id`, `study_title`,
    /// `study_sample` (in the study's `sample_unit`; empty when unknown),
    /// `stances` and `absent_stances` (the stances the study reports the
    /// concept's presence and absence with, `;`-separated, possibly empty),
    /// `findings`, `participants` (empty when unknown, and for a review,
    /// whose count is not of people), `reported_by` (`;`-separated
    /// stakeholder codes), `study_kind` (`primary`, `review`), `sample_unit`
    /// (`participants`, `studies`, `reviews`), `count` (at least how much of
    /// the sample stands behind the concept, in `sample_unit`),
    /// `confidence` (the best GRADE-CERQual confidence among a review's
    /// findings linking the concept) and `not_independent_of` (the `study`
    /// numbers, `;`-separated, of the studies in the matrix this review
    /// includes, or of the reviews including this study, that also report
    /// the concept). Studies that do not report a concept have no record.
    ///
    /// The columns after `reported_by` came with format 1.1; they are
    /// appended so that scripts reading columns by position keep working.
    ///
    /// RFC 4180: records end in CRLF; a field containing a comma, a double
    /// quote, CR or LF is enclosed in double quotes, with its quotes doubled.
    /// Empty fields load as missing values in R (`read.csv`) and pandas.
    ///
    /// ```
    /// use peer_support::synthesis::EvidenceMatrix;
    ///
    /// let seeds = peer_support::catalog::seed_studies()?;
    /// let csv = EvidenceMatrix::from_document(&seeds.document).to_csv();
    /// let mut lines = csv.lines();
    /// assert!(lines.next().unwrap().starts_with("kind,code,label,known,study,"));
    /// assert!(csv.contains("facilitator,formal_recruitment_process,"));
    /// # Ok::<(), peer_support::document::ReadError>(())
    /// ```
    pub fn to_csv(&self) -> String {
        let mut out = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = self.write_csv(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Writes [`EvidenceMatrix::to_csv`] to `writer`.
    ///
    /// # Errors
    ///
    /// Any I/O error from `writer`.
    pub fn write_csv<W: Write>(&self, mut writer: W) -> io::Result<()> {
        record(&mut writer, CSV_COLUMNS.iter().copied())?;
        for row in self.concepts() {
            let concept = row.concept();
            for e in row.evidence() {
                let Some(study) = self.studies().get(e.study()) else {
                    continue;
                };
                let (present, absent) = stance_lists(e);
                let reported_by: Vec<&str> = e.reported_by().iter().map(|g| g.code()).collect();
                let not_independent: Vec<String> = self
                    .overlaps_in(row)
                    .filter_map(|o| {
                        if o.review == e.study() {
                            Some(o.primary)
                        } else if o.primary == e.study() {
                            Some(o.review)
                        } else {
                            None
                        }
                    })
                    .map(|s| (s + 1).to_string())
                    .collect();
                let fields = [
                    concept.kind_code().to_owned(),
                    concept.code().to_owned(),
                    row.label().to_owned(),
                    concept.is_known().to_string(),
                    (e.study() + 1).to_string(),
                    study.id.to_string(),
                    study.title.to_string(),
                    study.sample.map(|n| n.to_string()).unwrap_or_default(),
                    present,
                    absent,
                    e.findings().to_string(),
                    e.participants().map(|n| n.to_string()).unwrap_or_default(),
                    reported_by.join(";"),
                    study.kind.code().to_owned(),
                    study.unit.code().to_owned(),
                    e.count().map(|n| n.to_string()).unwrap_or_default(),
                    e.confidence()
                        .map(|c| c.code().to_owned())
                        .unwrap_or_default(),
                    not_independent.join(";"),
                ];
                record(&mut writer, fields.iter().map(String::as_str))?;
            }
        }
        Ok(())
    }
}

/// The cell's stances on the concept's presence and on its absence.
fn stance_lists(e: &StudyEvidence) -> (String, String) {
    let list = |absent: bool| {
        e.stances()
            .iter()
            .filter(|m| m.absent == absent)
            .map(|m| m.stance.code())
            .collect::<Vec<_>>()
            .join(";")
    };
    (list(false), list(true))
}

pub(super) fn record<'a, W: Write>(
    writer: &mut W,
    fields: impl Iterator<Item = &'a str>,
) -> io::Result<()> {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            writer.write_all(b",")?;
        }
        write_field(writer, field)?;
    }
    writer.write_all(b"\r\n")
}

/// One field, quoted when RFC 4180 requires it.
fn write_field<W: Write>(writer: &mut W, field: &str) -> io::Result<()> {
    if field.contains([',', '"', '\r', '\n']) {
        writer.write_all(b"\"")?;
        writer.write_all(field.replace('"', "\"\"").as_bytes())?;
        writer.write_all(b"\"")
    } else {
        writer.write_all(field.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(s: &str) -> String {
        let mut out = Vec::new();
        write_field(&mut out, s).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(field("plain text"), "plain text");
        assert_eq!(field(""), "");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(field("cr\rhere"), "\"cr\rhere\"");
    }
}

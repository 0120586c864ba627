//! The matrix as an aligned text table.

use std::fmt::{self, Write as _};

use super::{ConceptRow, Disagreement, EvidenceMatrix, StanceMark, StudyColumn, StudyEvidence};
use crate::diagnostics::one_line;
use crate::vocabulary::SampleUnit;

impl EvidenceMatrix {
    /// The aligned text table [`Display`](fmt::Display) prints.
    ///
    /// One line per concept with a column per study (`S1`, `S2`, … in study
    /// order) showing its stances, then the number of studies and findings,
    /// the totals per sample unit (`participants`, and when a review is in
    /// the matrix `incl. studies` or `incl. reviews`; `-` when unknown,
    /// never added across units), the best GRADE-CERQual confidence when a
    /// review assessed one, and the strongest [`Disagreement`] that holds
    /// (`polarity` or `stance`, blank when studies agree). A review's cell is
    /// marked `^` where it includes a primary study of the matrix that also
    /// reports the concept. Concepts not in this version's codebook are
    /// marked `*`.
    ///
    /// Then a legend naming the studies (a review with its type and what it
    /// includes), the overlaps and the studies left out as duplicates, and
    /// the per-kind summaries.
    pub fn to_table(&self) -> String {
        self.to_string()
    }
}

/// The count columns: participants always, included studies and reviews
/// when a study of the matrix counts them.
fn count_columns(matrix: &EvidenceMatrix) -> Vec<(SampleUnit, &'static str)> {
    let mut columns = vec![(SampleUnit::Participants, "participants")];
    for (unit, header) in [
        (SampleUnit::Studies, "incl. studies"),
        (SampleUnit::Reviews, "incl. reviews"),
    ] {
        if matrix.studies().iter().any(|s| s.unit == unit) {
            columns.push((unit, header));
        }
    }
    columns
}

impl fmt::Display for EvidenceMatrix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let counts = count_columns(self);
        let assessed = self
            .concepts()
            .iter()
            .any(|r| r.best_confidence().is_some());
        let mut header = vec!["kind".to_owned(), "concept".to_owned()];
        header.extend((1..=self.studies().len()).map(|i| format!("S{i}")));
        header.extend(["studies", "findings"].map(String::from));
        header.extend(counts.iter().map(|(_, h)| (*h).to_owned()));
        if assessed {
            header.push("confidence".to_owned());
        }
        header.push("disagreement".to_owned());
        let mut rows = Vec::with_capacity(self.concepts().len());
        for row in self.concepts() {
            let mut cells = vec![row.concept().kind_code().to_owned(), {
                let mut code = row.concept().code().to_owned();
                if row.is_declared() {
                    code.push('+');
                } else if !row.concept().is_known() {
                    code.push('*');
                }
                for other in row.exact_matches() {
                    code.push('=');
                    code.push_str(other.code());
                }
                code
            }];
            let overlapping: Vec<usize> = self.overlaps_in(row).map(|o| o.review).collect();
            let mut evidence = row.evidence().iter().peekable();
            for study in 0..self.studies().len() {
                match evidence.next_if(|e| e.study() == study) {
                    Some(e) => {
                        let mut cell = cell_stances(e);
                        if overlapping.contains(&study) {
                            cell.push('^');
                        }
                        cells.push(cell);
                    }
                    None => cells.push(String::new()),
                }
            }
            cells.push(row.study_count().to_string());
            cells.push(row.finding_count().to_string());
            for (unit, _) in &counts {
                cells.push(row.total(unit).map_or("-".to_owned(), |n| n.to_string()));
            }
            if assessed {
                cells.push(
                    row.best_confidence()
                        .map(|c| c.code().to_owned())
                        .unwrap_or_default(),
                );
            }
            cells.push(
                row.disagreement()
                    .map(Disagreement::code)
                    .unwrap_or_default()
                    .to_owned(),
            );
            rows.push(cells);
        }
        let first_count = 2 + self.studies().len();
        let numeric = |c: usize| (first_count..first_count + 2 + counts.len()).contains(&c);
        write_aligned(f, &header, &rows, numeric)?;
        if rows.is_empty() {
            writeln!(f, "(no concepts)")?;
        }

        writeln!(f)?;
        self.write_legend(f)?;
        if self.concepts().iter().any(ConceptRow::is_declared) {
            writeln!(f, "+   declared in a document's project codebook")?;
        }
        if self
            .concepts()
            .iter()
            .any(|r| !r.concept().is_known() && !r.is_declared())
        {
            writeln!(f, "*   not in this version's codebook")?;
        }
        if self
            .concepts()
            .iter()
            .any(|r| !r.exact_matches().is_empty())
        {
            writeln!(f, "=   exact matches counted in the same row")?;
        }

        let summaries = self.kind_summaries();
        if !summaries.is_empty() {
            writeln!(f)?;
            let header = [
                "kind",
                "concepts",
                "studies",
                "shared",
                "stance disagreements",
                "polarity disagreements",
            ]
            .map(String::from);
            let rows: Vec<Vec<String>> = summaries
                .iter()
                .map(|s| {
                    vec![
                        s.kind.clone(),
                        s.concepts.to_string(),
                        s.studies.to_string(),
                        s.shared.to_string(),
                        s.stance_disagreements.to_string(),
                        s.polarity_disagreements.to_string(),
                    ]
                })
                .collect();
            write_aligned(f, &header, &rows, |c| c > 0)?;
        }
        Ok(())
    }
}

/// One legend line per study: its number, title, what kind it is and what
/// its sample counts.
pub(super) fn write_study_legend(
    f: &mut fmt::Formatter<'_>,
    studies: &[StudyColumn],
) -> fmt::Result {
    for (i, study) in studies.iter().enumerate() {
        write!(f, "S{}  {}", i + 1, one_line(study.title.as_str()))?;
        let mut about = Vec::new();
        if study.kind_is_review() {
            about.push(match &study.review_type {
                Some(t) => format!("review: {}", t.label().to_lowercase()),
                None => "review".to_owned(),
            });
        }
        if let Some(sample) = study.sample_text() {
            about.push(sample);
        }
        if about.is_empty() {
            writeln!(f)?;
        } else {
            writeln!(f, " ({})", about.join("; "))?;
        }
    }
    Ok(())
}

impl EvidenceMatrix {
    /// The study legend: each study, what kind it is and what its sample
    /// counts; then the overlaps and the duplicates left out.
    fn write_legend(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_study_legend(f, self.studies())?;
        for overlap in self.overlaps() {
            writeln!(
                f,
                "^   S{} includes S{}: where both report a concept, their evidence is not independent",
                overlap.review + 1,
                overlap.primary + 1
            )?;
        }
        for duplicate in self.duplicates() {
            writeln!(
                f,
                "=   left out, the same study as S{} ({}): {}",
                duplicate.kept + 1,
                duplicate.reason.description(),
                one_line(duplicate.title.as_str())
            )?;
        }
        Ok(())
    }
}

/// A cell's stances, `/`-separated.
fn cell_stances(e: &StudyEvidence) -> String {
    stances(e.stances())
}

/// Stances, `/`-separated.
pub(super) fn stances(marks: &[StanceMark]) -> String {
    let mut text = String::new();
    for (i, mark) in marks.iter().enumerate() {
        if i > 0 {
            text.push('/');
        }
        let _ = write!(text, "{mark}");
    }
    text
}

/// Writes rows under a header, columns padded to their widest cell (counted
/// in chars), two spaces apart, numeric columns right-aligned, no trailing
/// spaces.
pub(super) fn write_aligned(
    f: &mut fmt::Formatter<'_>,
    header: &[String],
    rows: &[Vec<String>],
    right: impl Fn(usize) -> bool,
) -> fmt::Result {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        let mut line = String::new();
        for (c, (cell, width)) in row.iter().zip(&widths).enumerate() {
            if c > 0 {
                line.push_str("  ");
            }
            let pad = width.saturating_sub(cell.chars().count());
            if right(c) {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        writeln!(f, "{}", line.trim_end())?;
    }
    Ok(())
}

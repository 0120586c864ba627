//! The matrix as an aligned text table.

use std::fmt::{self, Write as _};

use super::{Disagreement, EvidenceMatrix, StudyEvidence};

impl EvidenceMatrix {
    /// The aligned text table [`Display`](fmt::Display) prints: one line per
    /// concept with a column per study (`S1`, `S2`, … in study order) showing
    /// its stances, then the number of studies, findings and participants
    /// (`-` when unknown) and the strongest [`Disagreement`] that holds
    /// (`polarity` or `stance`, blank when studies agree); a legend naming
    /// the studies; and the per-kind summaries. Concepts not in this version's codebook are marked `*`.
    pub fn to_table(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for EvidenceMatrix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut header = vec!["kind".to_owned(), "concept".to_owned()];
        header.extend((1..=self.studies().len()).map(|i| format!("S{i}")));
        header.extend(["studies", "findings", "participants", "disagreement"].map(String::from));
        let mut rows = Vec::with_capacity(self.concepts().len());
        for row in self.concepts() {
            let mut cells = vec![row.concept().kind_code().to_owned(), {
                let mut code = row.concept().code().to_owned();
                if !row.concept().is_known() {
                    code.push('*');
                }
                code
            }];
            let mut evidence = row.evidence().iter().peekable();
            for study in 0..self.studies().len() {
                match evidence.next_if(|e| e.study() == study) {
                    Some(e) => cells.push(stances(e)),
                    None => cells.push(String::new()),
                }
            }
            cells.push(row.study_count().to_string());
            cells.push(row.finding_count().to_string());
            cells.push(row.participants().map_or("-".to_owned(), |n| n.to_string()));
            cells.push(
                row.disagreement()
                    .map(Disagreement::code)
                    .unwrap_or_default()
                    .to_owned(),
            );
            rows.push(cells);
        }
        let first_count = 2 + self.studies().len();
        let numeric = |c: usize| (first_count..first_count + 3).contains(&c);
        write_aligned(f, &header, &rows, numeric)?;
        if rows.is_empty() {
            writeln!(f, "(no concepts)")?;
        }

        writeln!(f)?;
        for (i, study) in self.studies().iter().enumerate() {
            write!(f, "S{}  {}", i + 1, study.title)?;
            match study.sample {
                Some(n) => writeln!(f, " (sample {n})")?,
                None => writeln!(f)?,
            }
        }
        if self.concepts().iter().any(|r| !r.concept().is_known()) {
            writeln!(f, "*   not in this version's codebook")?;
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

/// A cell's stances, `/`-separated.
fn stances(e: &StudyEvidence) -> String {
    let mut text = String::new();
    for (i, mark) in e.stances().iter().enumerate() {
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
fn write_aligned(
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

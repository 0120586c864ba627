//! The GRADE-CERQual tables of reviews: the Summary of Qualitative Findings
//! and the Evidence Profile.
//!
//! For each review, the **Summary of Qualitative Findings** opens with the
//! review's objective (its aims) and perspective, then lists each assessed
//! finding with the included studies that contribute to it, the overall
//! confidence and its explanation. The **Evidence Profile** adds the four
//! components (methodological limitations, coherence, adequacy of data,
//! relevance), each with its level of concern and explanation.
//!
//! Only findings that carry a GRADE-CERQual assessment are listed; how many
//! of a review's findings do not is kept ([`ReviewAssessments::unassessed`]),
//! so a table can say so rather than look complete. Studies that are not
//! reviews are left out: validation refuses assessments on their findings.
//!
//! ```
//! use peer_support::document::ReadOptions;
//! use peer_support::synthesis::cerqual::{CerqualTables, Table};
//!
//! let json = std::fs::read_to_string("tests/fixtures/1.1/cerqual.json").unwrap();
//! let loaded = ReadOptions::new().load_str(&json)?;
//! let tables = CerqualTables::from_document(&loaded.document);
//! let review = &tables.reviews()[0];
//! assert_eq!(review.findings.len(), 2);
//! let markdown = tables.to_markdown(Table::SummaryOfFindings);
//! assert!(markdown.contains("| Summary of review finding | Contributing studies |"));
//! # Ok::<(), peer_support::document::ReadError>(())
//! ```

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;
use uuid::Uuid;

use super::csv::record;
use super::{DuplicateStudy, distinct_studies};
use crate::study::{CERQUAL_COMPONENTS, Cerqual, Citation, Document, IncludedStudy, Study, Text};

/// Which of the two GRADE-CERQual tables to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Table {
    /// The Summary of Qualitative Findings: finding, contributing studies,
    /// confidence, explanation.
    SummaryOfFindings,
    /// The Evidence Profile: the summary's columns with the four components
    /// and their explanations between contributing studies and confidence.
    EvidenceProfile,
}

/// The GRADE-CERQual assessments of every review among some studies.
///
/// Serializes as `{"reviews": [...]}`, each review with its `id`, `title`,
/// `objective`, `perspective`, `unassessed` count and `findings`, each
/// finding with its `id`, `finding`, `contributing` studies (`id`, `label`)
/// and the whole `cerqual` assessment: JSON always carries the Evidence
/// Profile. A study given twice is listed once ([`distinct_studies`]); the
/// copies left out are under `"duplicates"`, present only when there are
/// any.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CerqualTables {
    reviews: Vec<ReviewAssessments>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    duplicates: Vec<DuplicateStudy>,
}

/// One review's assessed findings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ReviewAssessments {
    /// The review's id.
    pub id: Uuid,
    /// Its title.
    pub title: Text,
    /// Its aims, joined: the Summary of Qualitative Findings' objective line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub objective: Option<String>,
    /// The perspective it takes (its `review.perspective`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub perspective: Option<Text>,
    /// How many of its findings carry no GRADE-CERQual assessment (not
    /// listed).
    pub unassessed: usize,
    /// The assessed findings, in the review's order.
    pub findings: Vec<AssessedFinding>,
}

/// One assessed review finding: a row of both tables.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AssessedFinding {
    /// The finding's id.
    pub id: Uuid,
    /// The summary of the review finding (its statement).
    pub finding: Text,
    /// The included studies it names as contributing, in its order.
    pub contributing: Vec<ContributingStudy>,
    /// The assessment.
    pub cerqual: Cerqual,
}

/// An included study as the tables name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ContributingStudy {
    /// The included study's id.
    pub id: Uuid,
    /// How the tables cite it: `"first author et al. (year)"`, or its title
    /// when it lists no author; its id when the review does not include a
    /// study with that id (validation reports the reference as dangling).
    pub label: String,
}

impl CerqualTables {
    /// The tables of every review in `document`.
    pub fn from_document(document: &Document) -> Self {
        Self::from_studies(&document.studies)
    }

    /// The tables of every review among `studies`, in the order given, each
    /// study once.
    pub fn from_studies<'a>(studies: impl IntoIterator<Item = &'a Study>) -> Self {
        let (studies, duplicates) = distinct_studies(studies);
        let reviews = studies
            .into_iter()
            .filter(|s| s.is_review())
            .map(ReviewAssessments::of)
            .collect();
        CerqualTables {
            reviews,
            duplicates,
        }
    }

    /// The studies left out because they repeat one given before them, in
    /// the order given; [`DuplicateStudy::kept`] is the position of the
    /// first copy among the distinct studies given.
    pub fn duplicates(&self) -> &[DuplicateStudy] {
        &self.duplicates
    }

    /// The reviews, in the order given (also those with no assessed
    /// finding).
    pub fn reviews(&self) -> &[ReviewAssessments] {
        &self.reviews
    }

    /// How many findings are assessed, over all reviews.
    pub fn assessed(&self) -> usize {
        self.reviews.iter().map(|r| r.findings.len()).sum()
    }

    /// Canonical pretty JSON with a trailing newline.
    pub fn to_json_pretty(&self) -> String {
        // Strings, integers and vocabulary codes only: cannot fail.
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }

    /// The table as Markdown (GitHub-flavoured pipe tables): for each review
    /// with an assessed finding, a heading, the objective and perspective
    /// lines, the table, and a note of the findings not assessed.
    ///
    /// A `|` in a cell is escaped and line breaks become `<br>`, so a cell
    /// never breaks the table.
    pub fn to_markdown(&self, table: Table) -> String {
        let mut out = String::new();
        for review in self.reviews.iter().filter(|r| !r.findings.is_empty()) {
            if !out.is_empty() {
                out.push('\n');
            }
            let _ = writeln!(
                out,
                "## {}: {}\n",
                title(table),
                cell(review.title.as_str())
            );
            for (label, value) in review.context() {
                let _ = writeln!(out, "**{label}:** {}  ", cell(value));
            }
            if review.objective.is_some() || review.perspective.is_some() {
                out.push('\n');
            }
            let header = headers(table);
            let _ = writeln!(out, "| {} |", header.join(" | "));
            let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
            for (i, finding) in review.findings.iter().enumerate() {
                let cells = finding.cells(i + 1, table);
                let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
                let _ = writeln!(out, "| {} |", cells.join(" | "));
            }
            if review.unassessed > 0 {
                let _ = writeln!(out, "\n{}", review.unassessed_note());
            }
        }
        if out.is_empty() {
            out.push_str("No review finding has a GRADE-CERQual assessment.\n");
        }
        out
    }

    /// The table as CSV (RFC 4180, CRLF): one record per assessed finding,
    /// with the review's `review_id` and `review_title`, then the table's
    /// columns ([`CerqualTables::csv_header`]). Contributing studies are
    /// `;`-separated; levels are codes (`moderate`, `no_or_very_minor`).
    pub fn to_csv(&self, table: Table) -> String {
        let mut out = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = self.write_csv(&mut out, table);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Writes [`CerqualTables::to_csv`] to `writer`.
    ///
    /// # Errors
    ///
    /// Any I/O error from `writer`.
    pub fn write_csv<W: Write>(&self, mut writer: W, table: Table) -> io::Result<()> {
        record(
            &mut writer,
            Self::csv_header(table).iter().map(String::as_str),
        )?;
        for review in &self.reviews {
            for finding in &review.findings {
                let mut fields = vec![
                    review.id.to_string(),
                    review.title.to_string(),
                    finding.id.to_string(),
                    finding.finding.to_string(),
                    finding.contributing_labels("; "),
                    finding.contributing.len().to_string(),
                ];
                if table == Table::EvidenceProfile {
                    for component in finding.cerqual.components() {
                        fields.push(
                            component
                                .map(|c| c.concern.code().to_owned())
                                .unwrap_or_default(),
                        );
                        fields.push(text(component.and_then(|c| c.explanation.as_ref())));
                    }
                }
                fields.push(
                    finding
                        .cerqual
                        .confidence
                        .as_ref()
                        .map(|c| c.code().to_owned())
                        .unwrap_or_default(),
                );
                fields.push(text(finding.cerqual.explanation.as_ref()));
                record(&mut writer, fields.iter().map(String::as_str))?;
            }
        }
        Ok(())
    }

    /// The CSV header of `table`: `review_id`, `review_title`,
    /// `finding_id`, `finding`, `contributing`, `contributing_count`; for
    /// the Evidence Profile `<component>_concern` and
    /// `<component>_explanation` for each of the four components (their
    /// wire names); then `confidence` and `explanation`.
    pub fn csv_header(table: Table) -> Vec<String> {
        let mut header: Vec<String> = [
            "review_id",
            "review_title",
            "finding_id",
            "finding",
            "contributing",
            "contributing_count",
        ]
        .map(String::from)
        .to_vec();
        if table == Table::EvidenceProfile {
            for (name, _) in CERQUAL_COMPONENTS {
                header.push(format!("{name}_concern"));
                header.push(format!("{name}_explanation"));
            }
        }
        header.extend(["confidence", "explanation"].map(String::from));
        header
    }
}

/// The title of `table`, as GRADE-CERQual names it.
pub fn title(table: Table) -> &'static str {
    match table {
        Table::SummaryOfFindings => "Summary of Qualitative Findings",
        Table::EvidenceProfile => "Evidence Profile",
    }
}

/// The column headings of `table`, as GRADE-CERQual names them.
pub fn headers(table: Table) -> Vec<&'static str> {
    let mut header = vec!["#", "Summary of review finding", "Contributing studies"];
    if table == Table::EvidenceProfile {
        header.extend(CERQUAL_COMPONENTS.iter().map(|(_, label)| *label));
        header.push("Overall CERQual assessment");
    } else {
        header.push("CERQual assessment of confidence");
    }
    header.push("Explanation of CERQual assessment");
    header
}

impl ReviewAssessments {
    fn of(study: &Study) -> Self {
        let included: &[IncludedStudy] = study.review.as_ref().map_or(&[], |r| &r.included);
        let mut unassessed = 0;
        let mut findings = Vec::new();
        for finding in &study.findings {
            let Some(cerqual) = &finding.cerqual else {
                unassessed += 1;
                continue;
            };
            let contributing = finding
                .contributing
                .iter()
                .map(|id| ContributingStudy {
                    id: *id,
                    label: included
                        .iter()
                        .find(|s| s.id == *id)
                        .map_or_else(|| id.to_string(), |s| short_citation(&s.citation)),
                })
                .collect();
            findings.push(AssessedFinding {
                id: finding.id,
                finding: finding.statement.clone(),
                contributing,
                cerqual: cerqual.clone(),
            });
        }
        let objective = (!study.aims.is_empty()).then(|| {
            study
                .aims
                .iter()
                .map(Text::as_str)
                .collect::<Vec<_>>()
                .join(" ")
        });
        ReviewAssessments {
            id: study.id,
            title: study.citation.title.clone(),
            objective,
            perspective: study.review.as_ref().and_then(|r| r.perspective.clone()),
            unassessed,
            findings,
        }
    }

    /// The objective and perspective lines, where known.
    pub fn context(&self) -> Vec<(&'static str, &str)> {
        let mut lines = Vec::new();
        if let Some(objective) = &self.objective {
            lines.push(("Objective", objective.as_str()));
        }
        if let Some(perspective) = &self.perspective {
            lines.push(("Perspective", perspective.as_str()));
        }
        lines
    }

    /// The note saying how many findings are not listed, e.g. `"2 findings
    /// of this review have no GRADE-CERQual assessment and are not
    /// listed."`.
    pub fn unassessed_note(&self) -> String {
        match self.unassessed {
            1 => "1 finding of this review has no GRADE-CERQual assessment and is not listed."
                .to_owned(),
            n => format!(
                "{n} findings of this review have no GRADE-CERQual assessment and are not listed."
            ),
        }
    }
}

impl AssessedFinding {
    /// The contributing studies' labels joined by `separator`.
    pub fn contributing_labels(&self, separator: &str) -> String {
        self.contributing
            .iter()
            .map(|c| c.label.as_str())
            .collect::<Vec<_>>()
            .join(separator)
    }

    /// The row of `table` for this finding, numbered `number`: one string
    /// per [`headers`] column. A component cell is its level's label, then
    /// its explanation (`"Minor concerns: two studies …"`); an unassessed
    /// component is `"Not assessed"`.
    pub fn cells(&self, number: usize, table: Table) -> Vec<String> {
        let mut cells = vec![
            number.to_string(),
            self.finding.to_string(),
            match self.contributing.len() {
                0 => "Not stated".to_owned(),
                _ => self.contributing_labels("; "),
            },
        ];
        if table == Table::EvidenceProfile {
            for component in self.cerqual.components() {
                cells.push(match component {
                    None => "Not assessed".to_owned(),
                    Some(c) => match &c.explanation {
                        Some(why) => format!("{}: {why}", c.concern.label()),
                        None => c.concern.label().to_owned(),
                    },
                });
            }
        }
        cells.push(
            self.cerqual
                .confidence
                .as_ref()
                .map_or_else(|| "Not assessed".to_owned(), |c| c.label().to_owned()),
        );
        cells.push(text(self.cerqual.explanation.as_ref()));
        cells
    }
}

/// `"Ibrahim N et al. (2020)"`: the first author as written, `et al.` when
/// there are more, the year; the title when no author is listed.
fn short_citation(citation: &Citation) -> String {
    let mut label = match citation.authors.first() {
        Some(first) if citation.authors.len() > 1 => format!("{first} et al."),
        Some(first) => first.to_string(),
        None => citation.title.to_string(),
    };
    if let Some(year) = citation.year {
        let _ = write!(label, " ({year})");
    }
    label
}

fn text(value: Option<&Text>) -> String {
    value.map(ToString::to_string).unwrap_or_default()
}

/// A Markdown table cell: pipes escaped, line breaks as `<br>`.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace(['\n', '\r'], "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(cell("a | b"), "a \\| b");
        assert_eq!(cell("one\ntwo\r\nthree"), "one<br>two<br>three");
        assert_eq!(cell("back\\slash"), "back\\\\slash");
    }

    #[test]
    fn short_citations_name_the_first_author_and_the_year() {
        let mut citation = Citation::new("A study".parse().unwrap());
        assert_eq!(short_citation(&citation), "A study");
        citation.year = Some(2019);
        assert_eq!(short_citation(&citation), "A study (2019)");
        citation.authors = vec!["Smith J".parse().unwrap()];
        assert_eq!(short_citation(&citation), "Smith J (2019)");
        citation.authors.push("Jones K".parse().unwrap());
        assert_eq!(short_citation(&citation), "Smith J et al. (2019)");
    }

    #[test]
    fn headers_and_cells_line_up() {
        let finding = AssessedFinding {
            id: Uuid::nil(),
            finding: "Peer workers valued supervision.".parse().unwrap(),
            contributing: Vec::new(),
            cerqual: Cerqual::default(),
        };
        for table in [Table::SummaryOfFindings, Table::EvidenceProfile] {
            assert_eq!(headers(table).len(), finding.cells(1, table).len());
            assert_eq!(
                CerqualTables::csv_header(table).len(),
                // review_id, review_title, finding_id replace "#"
                headers(table).len() + 2 + usize::from(table == Table::EvidenceProfile) * 4 + 1
            );
        }
        assert_eq!(finding.cells(1, Table::SummaryOfFindings)[2], "Not stated");
    }
}

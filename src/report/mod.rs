//! The evidence report: one self-contained HTML page (feature `report`).
//!
//! [`render`] turns documents into a page that a researcher can open, read,
//! print and share as a single file: the studies, the evidence map (concepts
//! by studies, each cell's stance shown by colour *and* a text glyph), the
//! Summary of Qualitative Findings of reviews, every validation issue of every
//! input, and where the page came from.
//!
//! ```
//! use peer_support::catalog;
//! use peer_support::report::{self, Input, Options};
//!
//! let seeds = catalog::seed_studies()?;
//! let html = report::render(&[Input::new("seed-studies.json", &seeds)], &Options::default());
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert!(html.contains(r#"<section id="evidence-map""#));
//! // The same inputs always give the same bytes.
//! assert_eq!(html, report::render(&[Input::new("seed-studies.json", &seeds)], &Options::default()));
//! # Ok::<(), peer_support::document::ReadError>(())
//! ```
//!
//! # What the page holds
//!
//! - **Studies**: one row per study (`S1`, `S2`, … in input order): title,
//!   authors and journal, year, whether it is primary research or a review,
//!   design, sample with its unit, a link to `https://doi.org/…` when the
//!   DOI is DOI syntax ([`Doi::is_valid`](crate::study::Doi::is_valid); any
//!   other value is shown as text), and its input file.
//! - **Evidence map**: the [`EvidenceMatrix`] of all studies. Concepts are
//!   grouped by kind; the page also offers them grouped by CFIR 2.0 domain and
//!   construct and by CHIME process, from the codebook's mappings (the
//!   choice works without JavaScript). Each concept's definition opens from
//!   its name (hover shows it as a tooltip; focus and Enter open it). A cell
//!   shows each stance as a coloured chip with a glyph and the number of
//!   findings; rows on which studies disagree carry a badge, `polarity` or
//!   `stance` (see [`Disagreement`](crate::synthesis::Disagreement)).
//! - **Summary of Qualitative Findings**: for each review with GRADE-CERQual
//!   assessments, its assessed findings in the review's order, each with the
//!   four components and their explanations, the overall confidence and its
//!   explanation, and the contributing included studies
//!   ([`CerqualTables`](crate::synthesis::cerqual::CerqualTables)); a line
//!   saying there are none when no input has any.
//! - **Validation issues** of each input, at most
//!   [`Options::max_issues_per_file`] listed per file.
//! - **Provenance**: the crate and format versions and the input names, and
//!   the time of generation only when [`Options::generated_at`] is set, so by
//!   default the same inputs give the same bytes.
//!
//! # Size
//!
//! With up to [`Options::max_matrix_studies`] studies (default
//! [`DEFAULT_MAX_MATRIX_STUDIES`]) the map has a column per study. Past that
//! a table a thousand columns wide is not readable, so each concept shows
//! instead its *stance profile* — how many studies report it with each
//! stance — and the list of the studies that report it, each with its
//! glyphs, behind a disclosure. The page then grows with the number of
//! (concept, study) pairs that hold evidence, not with concepts × studies:
//! the report of a generated corpus of 1,000 studies (56 concepts, 7,511
//! cells with evidence) is about 1.9 MB and 42,000 elements, where a column
//! per study would be 3.7 MB and 131,000 (`docs/performance.md`). At most
//! [`Options::max_issues_per_file`] issues are listed per input.
//!
//! # Safety of the output
//!
//! Every text that comes from an input — titles, authors, codes, file names,
//! issue messages quoting the input — is escaped by the template engine
//! (maud). Ids and anchors are built from indices, never from input text;
//! the only link made from input is a DOI of valid syntax, percent-encoded
//! under `https://doi.org/`. The page loads nothing: its Content Security
//! Policy (`default-src 'none'`) allows only its own inline style and its
//! one inline script (by hash), which adds sorting and filtering and is not
//! needed to read the page.

mod doi;
mod issues;
mod map;
mod palette;
mod provenance;
mod studies;
mod summary_of_findings;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::codebook::{Codebook, Entry};
use crate::diagnostics::Report;
use crate::document::{Loaded, SchemaVersion};
use crate::study::{Document, Study};
use crate::synthesis::EvidenceMatrix;
use crate::vocabulary::Kind;

/// The default of [`Options::max_matrix_studies`].
pub const DEFAULT_MAX_MATRIX_STUDIES: usize = 60;

/// The default of [`Options::max_issues_per_file`].
pub const DEFAULT_MAX_ISSUES_PER_FILE: usize = 200;

/// One input of the report: a document, the name it goes by, and what
/// reading and validating it found.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Input<'a> {
    /// The name shown for the input (a file name as the user gave it, say).
    pub name: &'a str,
    /// The document.
    pub document: &'a Document,
    /// Its issues.
    pub report: &'a Report,
    /// The `schema_version` it declared, when it was read from JSON.
    pub version: Option<SchemaVersion>,
}

impl<'a> Input<'a> {
    /// A document as read by [`document::from_str`](crate::document::from_str)
    /// and its kin, with its report and declared version.
    pub fn new(name: &'a str, loaded: &'a Loaded) -> Self {
        Input {
            name,
            document: &loaded.document,
            report: &loaded.report,
            version: Some(loaded.version),
        }
    }

    /// A document built in code, with the report of
    /// [`Document::validate`] (or any other).
    pub fn from_document(name: &'a str, document: &'a Document, report: &'a Report) -> Self {
        Input {
            name,
            document,
            report,
            version: None,
        }
    }
}

/// How to render the report. [`Options::default`] gives a reproducible page.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The time shown as the generation time. `None` (the default) shows
    /// none, so that the same inputs always give the same bytes.
    pub generated_at: Option<DateTime<Utc>>,
    /// Show only concepts that at least this many studies report (default 1).
    pub min_studies: usize,
    /// Up to this many studies the evidence map has one column per study;
    /// with more, it shows each concept's stance profile and the list of
    /// studies that report it (default [`DEFAULT_MAX_MATRIX_STUDIES`]).
    pub max_matrix_studies: usize,
    /// At most this many issues are listed per input; the rest are counted
    /// (default [`DEFAULT_MAX_ISSUES_PER_FILE`]).
    pub max_issues_per_file: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            generated_at: None,
            min_studies: 1,
            max_matrix_studies: DEFAULT_MAX_MATRIX_STUDIES,
            max_issues_per_file: DEFAULT_MAX_ISSUES_PER_FILE,
        }
    }
}

/// The report of `inputs` as one HTML document: inline style and SVG, one
/// small inline script, no external resource of any kind.
///
/// Never fails and never panics: any document renders, whatever its issues.
///
/// ```
/// use peer_support::report::{self, Input, Options};
///
/// let json = r#"{"schema": "urn:peer-support:study-document", "schema_version": "1.1.0",
///   "studies": [{"id": "a0000000-0000-4000-8000-000000000001",
///                "citation": {"title": "<script>alert(1)</script>", "doi": "10.1111/hex.13151"}}]}"#;
/// let loaded = peer_support::from_str(json)?;
/// let html = report::render(&[Input::new("study.json", &loaded)], &Options::default());
/// assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
/// assert!(html.contains(r#"href="https://doi.org/10.1111/hex.13151""#));
/// # Ok::<(), peer_support::ReadError>(())
/// ```
pub fn render(inputs: &[Input<'_>], options: &Options) -> String {
    let codebook = Codebook::standard();
    let context = Context::new(inputs, options, &codebook);
    page(&context).into_string()
}

/// A study as a column of the report: the study and the input it came from.
pub(super) struct Column<'a> {
    pub study: &'a Study,
    pub input: usize,
}

/// What every section reads: the inputs, the studies in column order, the
/// matrix, and the codebook entries by kind and code.
pub(super) struct Context<'a> {
    pub inputs: &'a [Input<'a>],
    pub options: &'a Options,
    pub columns: Vec<Column<'a>>,
    pub matrix: EvidenceMatrix,
    entries: HashMap<Kind, HashMap<&'a str, &'a Entry>>,
}

impl<'a> Context<'a> {
    fn new(inputs: &'a [Input<'a>], options: &'a Options, codebook: &'a Codebook) -> Self {
        let columns: Vec<Column<'a>> = inputs
            .iter()
            .enumerate()
            .flat_map(|(input, i)| {
                i.document
                    .studies
                    .iter()
                    .map(move |study| Column { study, input })
            })
            .collect();
        // The same studies in the same order, with the documents' declared
        // concepts and relations (exact matches share a row).
        let mut matrix = EvidenceMatrix::from_documents(inputs.iter().map(|i| i.document));
        // The matrix counts a study given twice once; the columns follow it,
        // so that a cell's study index is a column index.
        let left_out: Vec<usize> = matrix.duplicates().iter().map(|d| d.given).collect();
        let columns: Vec<Column<'a>> = columns
            .into_iter()
            .enumerate()
            .filter(|(given, _)| !left_out.contains(given))
            .map(|(_, column)| column)
            .collect();
        matrix.retain_min_studies(options.min_studies);
        let mut entries: HashMap<Kind, HashMap<&'a str, &'a Entry>> = HashMap::new();
        for e in codebook.entries() {
            entries.entry(e.kind).or_default().insert(e.code, e);
        }
        Context {
            inputs,
            options,
            columns,
            matrix,
            entries,
        }
    }

    /// The codebook entry of a concept this version knows.
    pub fn entry(&self, concept: &crate::study::Concept) -> Option<&'a Entry> {
        let kind = concept.kind()?;
        if !concept.is_known() {
            return None;
        }
        self.entries.get(&kind)?.get(concept.code()).copied()
    }

    /// Whether the map has one column per study.
    pub fn matrix_layout(&self) -> bool {
        self.columns.len() <= self.options.max_matrix_studies
    }
}

/// A study's short name: `S1`, `S2`, … in column order.
pub(super) fn study_label(index: usize) -> String {
    format!("S{}", index + 1)
}

/// The anchor of a study's row in the studies table.
pub(super) fn study_anchor(index: usize) -> String {
    format!("#study-{}", index + 1)
}

/// `1 finding`, `2 findings`.
pub(super) fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The page's own stylesheet; the colour rules come from [`palette::css`].
const STYLE: &str = include_str!("report.css");

/// The page's one script: progressive enhancements only (filtering the map,
/// sorting the studies, and timings when the URL asks for `?timing`).
const SCRIPT: &str = include_str!("report.js");

/// The SHA-256 of [`SCRIPT`], base64, as the Content Security Policy allows
/// it; a test recomputes it.
const SCRIPT_SHA256: &str = "LEXcRin0VqyUwDitbcXyERpLBu0dSiU5JNJF8PgqtnY=";

/// The Content Security Policy: nothing may load; only the inline style and
/// the script with [`SCRIPT_SHA256`] apply.
fn content_security_policy() -> String {
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{SCRIPT_SHA256}'; \
         base-uri 'none'; form-action 'none'"
    )
}

fn page(ctx: &Context<'_>) -> Markup {
    let css = format!("{STYLE}{}", palette::css());
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(content_security_policy());
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content=(format!("peer-support {}", env!("CARGO_PKG_VERSION")));
                title { "Peer support evidence report" }
                style { (PreEscaped(css)) }
            }
            body {
                header {
                    h1 { "Peer support evidence report" }
                    (overview(ctx))
                    nav aria-label="Sections" {
                        ul {
                            li { a href="#studies" { "Studies" } }
                            li { a href="#evidence-map" { "Evidence map" } }
                            li { a href="#summary-of-findings" { "Summary of Qualitative Findings" } }
                            li { a href="#issues" { "Validation issues" } }
                            li { a href="#provenance" { "Provenance" } }
                        }
                    }
                }
                main {
                    (studies::section(ctx))
                    (map::section(ctx))
                    (summary_of_findings::section(ctx))
                    (issues::section(ctx))
                    (provenance::section(ctx))
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    }
}

/// One line under the title: how much the report covers.
fn overview(ctx: &Context<'_>) -> Markup {
    let polarity = ctx
        .matrix
        .disagreements(crate::synthesis::Disagreement::Polarity)
        .count();
    let errors: usize = ctx.inputs.iter().map(|i| i.report.errors().count()).sum();
    let warnings: usize = ctx.inputs.iter().map(|i| i.report.warnings().count()).sum();
    html! {
        p #overview .lede {
            (count(ctx.columns.len() as u64, "study", "studies")) " from "
            (count(ctx.inputs.len() as u64, "input", "inputs")) "; "
            (count(ctx.matrix.concepts().len() as u64, "concept", "concepts")) " in the evidence map, "
            (count(polarity as u64, "with a polarity disagreement", "with polarity disagreements")) "; "
            (count(errors as u64, "error", "errors")) " and "
            (count(warnings as u64, "warning", "warnings")) " in validation."
        }
    }
}

#[cfg(test)]
mod tests;

//! `synthesize`: the crate's evidence matrix as tidy rows of Python values.

use peer_support::Document;
use peer_support::synthesis::{EvidenceMatrix, StudyEvidence};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// Every `by` value `synthesize` accepts, in the order its message lists them.
pub(crate) const BY: [&str; 6] = [
    "concept",
    "broader",
    "cfir-construct",
    "cfir-domain",
    "chime",
    "kind",
];

/// What a row of `synthesize` is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Grouping {
    /// One row per concept and reporting study: the evidence matrix.
    Concept,
}

/// The grouping a `by` value names. Only `"concept"` has one today; the
/// other names in [`BY`] are accepted spellings for groupings not built yet.
pub(crate) fn grouping(by: &str) -> PyResult<Grouping> {
    match by {
        "concept" => Ok(Grouping::Concept),
        other => {
            let accepted: Vec<String> = BY.iter().map(|b| format!("{b:?}")).collect();
            let status = if BY.contains(&other) {
                "is not available in this version; only \"concept\" is"
            } else {
                "is not a grouping"
            };
            Err(PyValueError::new_err(format!(
                "by={other:?} {status} (accepted values: {})",
                accepted.join(", ")
            )))
        }
    }
}

/// One row: the columns of `EvidenceMatrix::to_csv`, typed.
pub(crate) struct Record {
    kind: String,
    code: String,
    label: String,
    known: bool,
    study: usize,
    study_id: String,
    study_title: String,
    study_sample: Option<u32>,
    stances: Vec<String>,
    absent_stances: Vec<String>,
    findings: usize,
    participants: Option<u64>,
    reported_by: Vec<String>,
    study_kind: String,
    sample_unit: String,
    count: Option<u64>,
    confidence: Option<String>,
    not_independent_of: Vec<usize>,
}

/// The rows of the documents' studies, in the matrix's order: concepts in
/// canonical order, studies in the order given.
pub(crate) fn records(documents: &[Document], grouping: Grouping) -> Vec<Record> {
    match grouping {
        Grouping::Concept => concept_records(documents),
    }
}

fn concept_records(documents: &[Document]) -> Vec<Record> {
    // With the documents' declared concepts: their labels, and exact
    // matches in one row.
    let matrix = EvidenceMatrix::from_documents(documents);
    let mut out = Vec::new();
    for row in matrix.concepts() {
        let concept = row.concept();
        for e in row.evidence() {
            let Some(study) = matrix.studies().get(e.study()) else {
                continue;
            };
            let not_independent_of = matrix
                .overlaps_in(row)
                .filter_map(|o| match e.study() {
                    s if s == o.review => Some(o.primary + 1),
                    s if s == o.primary => Some(o.review + 1),
                    _ => None,
                })
                .collect();
            out.push(Record {
                kind: concept.kind_code().to_owned(),
                code: concept.code().to_owned(),
                label: row.label().to_owned(),
                known: concept.is_known(),
                study: e.study() + 1,
                study_id: study.id.to_string(),
                study_title: study.title.to_string(),
                study_sample: study.sample,
                stances: stances(e, false),
                absent_stances: stances(e, true),
                findings: e.findings(),
                participants: e.participants(),
                reported_by: e
                    .reported_by()
                    .iter()
                    .map(|g| g.code().to_owned())
                    .collect(),
                study_kind: study.kind.code().to_owned(),
                sample_unit: study.unit.code().to_owned(),
                count: e.count(),
                confidence: e.confidence().map(|c| c.code().to_owned()),
                not_independent_of,
            });
        }
    }
    out
}

fn stances(e: &StudyEvidence, absent: bool) -> Vec<String> {
    e.stances()
        .iter()
        .filter(|m| m.absent == absent)
        .map(|m| m.stance.code().to_owned())
        .collect()
}

/// The rows as a list of dicts, keys in column order.
pub(crate) fn to_python<'py>(py: Python<'py>, records: &[Record]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for r in records {
        let d = PyDict::new(py);
        d.set_item("kind", &r.kind)?;
        d.set_item("code", &r.code)?;
        d.set_item("label", &r.label)?;
        d.set_item("known", r.known)?;
        d.set_item("study", r.study)?;
        d.set_item("study_id", &r.study_id)?;
        d.set_item("study_title", &r.study_title)?;
        d.set_item("study_sample", r.study_sample)?;
        d.set_item("stances", &r.stances)?;
        d.set_item("absent_stances", &r.absent_stances)?;
        d.set_item("findings", r.findings)?;
        d.set_item("participants", r.participants)?;
        d.set_item("reported_by", &r.reported_by)?;
        d.set_item("study_kind", &r.study_kind)?;
        d.set_item("sample_unit", &r.sample_unit)?;
        d.set_item("count", r.count)?;
        d.set_item("confidence", &r.confidence)?;
        d.set_item("not_independent_of", &r.not_independent_of)?;
        list.append(d)?;
    }
    Ok(list)
}

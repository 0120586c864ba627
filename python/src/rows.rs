//! `synthesize`: the crate's evidence matrix as tidy rows of Python values.

use peer_support::Document;
use peer_support::synthesis::{self, EvidenceMatrix, Rollup, StanceMark, StudyEvidence};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// What a row of `synthesize` is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Grouping {
    /// One row per concept and reporting study: the evidence matrix.
    Concept,
    /// One row per group and reporting study: the matrix rolled up.
    Rollup(synthesis::Grouping),
}

/// Every `by` value `synthesize` accepts: the crate's groupings, in its order.
pub(crate) fn by_values() -> Vec<&'static str> {
    synthesis::Grouping::ALL.iter().map(|g| g.code()).collect()
}

/// The columns of a rolled-up row, in order: the crate's roll-up CSV
/// columns, with the stances split as in the concept rows.
pub(crate) fn group_columns() -> Vec<&'static str> {
    let mut columns = Vec::with_capacity(synthesis::ROLLUP_CSV_COLUMNS.len() + 1);
    for column in synthesis::ROLLUP_CSV_COLUMNS {
        columns.push(column);
        if column == "stances" {
            columns.push("absent_stances");
        }
    }
    columns
}

/// The grouping a `by` value names.
pub(crate) fn grouping(by: &str) -> PyResult<Grouping> {
    match by.parse::<synthesis::Grouping>() {
        Ok(synthesis::Grouping::Concept) => Ok(Grouping::Concept),
        Ok(grouping) => Ok(Grouping::Rollup(grouping)),
        Err(_) => {
            let accepted: Vec<String> = by_values().iter().map(|b| format!("{b:?}")).collect();
            Err(PyValueError::new_err(format!(
                "by={by:?} is not a grouping (accepted values: {})",
                accepted.join(", ")
            )))
        }
    }
}

/// The rows of either shape.
pub(crate) enum Rows {
    /// Concept rows.
    Concepts(Vec<Record>),
    /// Group rows.
    Groups(Vec<GroupRecord>),
}

/// One rolled-up row: a group and one study reporting a member.
pub(crate) struct GroupRecord {
    by: &'static str,
    group: Option<String>,
    group_label: String,
    study: usize,
    study_id: String,
    study_title: String,
    stances: Vec<String>,
    absent_stances: Vec<String>,
    findings: usize,
    concepts: Vec<String>,
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
/// canonical order (or groups in framework order), studies in the order
/// given.
pub(crate) fn records(documents: &[Document], grouping: Grouping) -> Rows {
    // With the documents' declared concepts: their labels, and exact
    // matches in one row.
    let matrix = EvidenceMatrix::from_documents(documents);
    match grouping {
        Grouping::Concept => Rows::Concepts(concept_records(&matrix)),
        Grouping::Rollup(by) => Rows::Groups(group_records(&matrix.rollup(by))),
    }
}

fn group_records(rollup: &Rollup) -> Vec<GroupRecord> {
    let mut out = Vec::new();
    for g in &rollup.groups {
        for e in &g.evidence {
            let Some(study) = rollup.studies.get(e.study) else {
                continue;
            };
            out.push(GroupRecord {
                by: rollup.by.code(),
                group: g.group.clone(),
                group_label: g.label.clone(),
                study: e.study + 1,
                study_id: study.id.to_string(),
                study_title: study.title.to_string(),
                stances: stance_codes(&e.stances, false),
                absent_stances: stance_codes(&e.stances, true),
                findings: e.findings,
                concepts: e
                    .concepts
                    .iter()
                    .filter_map(|&m| g.members.get(m))
                    .map(|m| format!("{}:{}", m.kind, m.code))
                    .collect(),
            });
        }
    }
    out
}

fn concept_records(matrix: &EvidenceMatrix) -> Vec<Record> {
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
    stance_codes(e.stances(), absent)
}

fn stance_codes(marks: &[StanceMark], absent: bool) -> Vec<String> {
    marks
        .iter()
        .filter(|m| m.absent == absent)
        .map(|m| m.stance.code().to_owned())
        .collect()
}

/// The rows as a list of dicts, keys in column order.
pub(crate) fn to_python<'py>(py: Python<'py>, rows: &Rows) -> PyResult<Bound<'py, PyList>> {
    match rows {
        Rows::Concepts(records) => concepts_to_python(py, records),
        Rows::Groups(records) => groups_to_python(py, records),
    }
}

fn groups_to_python<'py>(py: Python<'py>, records: &[GroupRecord]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for r in records {
        let d = PyDict::new(py);
        d.set_item("by", r.by)?;
        d.set_item("group", &r.group)?;
        d.set_item("group_label", &r.group_label)?;
        d.set_item("study", r.study)?;
        d.set_item("study_id", &r.study_id)?;
        d.set_item("study_title", &r.study_title)?;
        d.set_item("stances", &r.stances)?;
        d.set_item("absent_stances", &r.absent_stances)?;
        d.set_item("findings", r.findings)?;
        d.set_item("concepts", &r.concepts)?;
        list.append(d)?;
    }
    Ok(list)
}

fn concepts_to_python<'py>(py: Python<'py>, records: &[Record]) -> PyResult<Bound<'py, PyList>> {
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

//! The same study counted once: studies given twice (the same id or DOI),
//! and reviews that include a primary study that is also in the set.

use serde::Serialize;
use uuid::Uuid;

use super::{ConceptRow, EvidenceMatrix};
use crate::study::Text;

/// Why a study was recognised as one already in the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DuplicateReason {
    /// It has the id of a study already in the matrix.
    SameId,
    /// It has the DOI of a study already in the matrix (compared without
    /// regard to case, as DOIs are).
    SameDoi,
}

impl DuplicateReason {
    /// `"same_id"` or `"same_doi"`, as the JSON output writes it.
    pub fn code(self) -> &'static str {
        match self {
            DuplicateReason::SameId => "same_id",
            DuplicateReason::SameDoi => "same_doi",
        }
    }

    /// `"same id"` or `"same DOI"`, as the table legend writes it.
    pub fn description(self) -> &'static str {
        match self {
            DuplicateReason::SameId => "same id",
            DuplicateReason::SameDoi => "same DOI",
        }
    }
}

impl std::fmt::Display for DuplicateReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A study left out of the matrix because it is one already in it: the same
/// document given twice, or the same paper in two documents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DuplicateStudy {
    /// Its position among the studies given (0-based), before any was left
    /// out.
    pub given: usize,
    /// The column of the study it duplicates (kept: the first given).
    pub kept: usize,
    /// The id of the study left out.
    pub id: Uuid,
    /// Its title.
    pub title: Text,
    /// How it was recognised.
    pub reason: DuplicateReason,
}

/// A review in the matrix that includes a primary study that is also in the
/// matrix (recognised by DOI): their evidence is not independent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct Overlap {
    /// The review's column.
    pub review: usize,
    /// The primary study's column.
    pub primary: usize,
}

impl EvidenceMatrix {
    /// The studies left out because they are already in the matrix, in the
    /// order they were given.
    pub fn duplicates(&self) -> &[DuplicateStudy] {
        &self.duplicates
    }

    /// Every review of the matrix that includes a primary study of the
    /// matrix, by column, in column order.
    pub fn overlaps(&self) -> &[Overlap] {
        &self.overlaps
    }

    /// The overlaps within one row: pairs of a review and a primary study it
    /// includes that both report the concept, so that the row's studies are
    /// not all independent.
    pub fn overlaps_in<'a>(&'a self, row: &'a ConceptRow) -> impl Iterator<Item = &'a Overlap> {
        self.overlaps
            .iter()
            .filter(move |o| row.in_study(o.review).is_some() && row.in_study(o.primary).is_some())
    }

    /// How many of the studies reporting the concept are independent of one
    /// another: each review that includes a primary study also reporting it
    /// counts once with that study, not twice.
    pub fn independent_studies(&self, row: &ConceptRow) -> usize {
        let mut counted_with: Vec<usize> = self.overlaps_in(row).map(|o| o.review).collect();
        counted_with.sort_unstable();
        counted_with.dedup();
        row.study_count() - counted_with.len()
    }
}

//! Synthesis across studies: the evidence matrix.
//!
//! For every concept any finding links — codebook entries and concepts this
//! version does not know alike, never dropped — the matrix records which
//! studies report it, with which stances (and whether by its absence), how
//! many findings and how many participants stand behind it.
//!
//! ```
//! use peer_support::catalog;
//! use peer_support::synthesis::{Disagreement, EvidenceMatrix};
//!
//! let seeds = catalog::seed_studies()?;
//! let matrix = EvidenceMatrix::from_document(&seeds.document);
//! assert_eq!(matrix.studies().len(), 4);
//!
//! // Emotional demands are a barrier in both 000 and 001.
//! let shared: Vec<&str> = matrix.reported_by_at_least(2).map(|r| r.concept().code()).collect();
//! assert!(shared.contains(&"emotional_demands"));
//!
//! // 001 reports supervision as a facilitator; 002 as a barrier, where it
//! // maintains protective boundaries that dilute peer practice.
//! let contested: Vec<&str> = matrix
//!     .disagreements(Disagreement::Polarity)
//!     .map(|r| r.concept().code())
//!     .collect();
//! assert_eq!(contested, ["supervision"]);
//!
//! println!("{matrix}"); // an aligned text table; also to_csv() and to_json_pretty()
//! # Ok::<(), peer_support::document::ReadError>(())
//! ```
//!
//! # Rows, cells and order
//!
//! One [`ConceptRow`] per distinct concept (kind and code), in canonical
//! order: by kind as [`Kind::ALL`](crate::vocabulary::Kind::ALL) lists them,
//! kinds this version does not know after them (by kind code), then by code.
//! Each row holds one [`StudyEvidence`] per study that reports the concept, in
//! the order the studies were given; studies that do not report it have no
//! entry. Stances in a cell are sorted and distinct; so are the stakeholder
//! groups (`reported_by`, the union over the cell's findings).
//!
//! # Which findings count
//!
//! Every finding counts except those whose `basis` is
//! [`background`](crate::vocabulary::Basis::Background): evidence a paper
//! cites from earlier work is that earlier work's finding, and counting it
//! would credit the citing study with it. Findings without a recorded basis
//! count.
//!
//! # Counting findings
//!
//! A cell counts the findings of its study that link the concept; a finding
//! linking the same concept twice (with two stances, say) counts once.
//!
//! # Counting participants
//!
//! A finding names its participants by id (`participants`), or gives only a
//! count (`endorsement_count`), or neither. Within a study, one participant
//! may stand behind several findings, and counts cannot be told apart, so a
//! cell reports a lower bound that never counts anyone twice: the larger of
//! (a) the number of *distinct* participant ids listed over the cell's
//! findings and (b) the largest single `endorsement_count` among them. It is
//! exact when one finding stands behind the cell, or when every finding lists
//! its participants. With neither field on any finding it is `None`
//! (unknown), never 0. A row's total adds its cells' known values, assuming
//! different studies have different participants; it is `None` when no cell
//! knows.
//!
//! # Disagreement
//!
//! Each stance has a polarity for the concept's *presence*
//! ([`StanceMark::polarity`]): `facilitator`, `benefit` and `value_held` are
//! positive, `barrier` and `harm` negative, `caveat`, `practice` and unknown
//! stances neutral; `absent: true` flips the sign. Two senses of disagreement
//! ([`Disagreement`]):
//!
//! - **stance**: at least two studies report the concept with different sets
//!   of (stance, absent) marks. Supervision as a facilitator in one study and
//!   *its absence* as a barrier in another differ in stance.
//! - **polarity**: one study reports the concept with positive polarity and a
//!   different study with negative polarity — a contradiction about whether
//!   the concept helps. The example above is *not* one (both say supervision
//!   helps); supervision as a facilitator in one study and as a barrier in
//!   another is. A study that reports both polarities by itself is not a
//!   disagreement between studies. Every polarity disagreement is also a
//!   stance disagreement.
//!
//! # Cost
//!
//! Building visits every concept link once, with one hash lookup per link and
//! set insertions bounded by the cell's size, then sorts the rows:
//! O(L + P + R log R) for L links, P listed participant ids and R distinct
//! concepts. No step scans all findings per concept. The queries are single
//! passes over the rows.
//!
//! # Output
//!
//! [`EvidenceMatrix`] serializes with serde (see
//! [`EvidenceMatrix::to_json_pretty`]), prints as an aligned text table
//! ([`Display`](std::fmt::Display), [`EvidenceMatrix::to_table`]) and as tidy
//! CSV, one row per concept × reporting study ([`EvidenceMatrix::to_csv`]).

mod build;
mod csv;
mod evidence;
mod row;
mod summary;
mod table;

pub use evidence::{Polarity, StanceMark, StudyEvidence};
pub use row::{ConceptRow, Disagreement};
pub use summary::KindSummary;

use serde::Serialize;
use uuid::Uuid;

use crate::study::{Concept, Document, Study, Text};

/// A study as a column of the matrix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct StudyColumn {
    /// The study's id.
    pub id: Uuid,
    /// The study's title.
    pub title: Text,
    /// Its sample size: the sample's total, else the sum of its groups,
    /// else `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sample: Option<u32>,
}

impl StudyColumn {
    fn of(study: &Study) -> Self {
        let sample = study.sample.as_ref().and_then(crate::study::Sample::size);
        StudyColumn {
            id: study.id,
            title: study.citation.title.clone(),
            sample,
        }
    }
}

/// For each concept, which studies report it, how, and on how much evidence.
/// See the [module docs](self) for the counting rules and definitions.
///
/// Serializes as `{"studies": [...], "concepts": [...], "kinds": [...]}`:
/// the study columns, the rows (each cell's `study` an index into `studies`),
/// and the [per-kind summaries](EvidenceMatrix::kind_summaries).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvidenceMatrix {
    studies: Vec<StudyColumn>,
    concepts: Vec<ConceptRow>,
}

impl EvidenceMatrix {
    /// The matrix of every study in `document`.
    pub fn from_document(document: &Document) -> Self {
        build::build(&document.studies)
    }

    /// The matrix of `studies`, which become the columns in the order given
    /// (from several documents, say).
    pub fn from_studies<'a>(studies: impl IntoIterator<Item = &'a Study>) -> Self {
        build::build(studies)
    }

    /// The studies, in the order given.
    pub fn studies(&self) -> &[StudyColumn] {
        &self.studies
    }

    /// The rows, in canonical order.
    pub fn concepts(&self) -> &[ConceptRow] {
        &self.concepts
    }

    /// The row of `concept`, if any study reports it.
    pub fn get(&self, concept: &Concept) -> Option<&ConceptRow> {
        let key = ConceptRow::sort_key(concept);
        self.concepts
            .binary_search_by(|row| ConceptRow::sort_key(&row.concept).cmp(&key))
            .ok()
            .map(|i| &self.concepts[i])
    }

    /// The concepts reported by at least `n` studies.
    pub fn reported_by_at_least(&self, n: usize) -> impl Iterator<Item = &ConceptRow> {
        self.concepts.iter().filter(move |r| r.study_count() >= n)
    }

    /// Keeps only the concepts reported by at least `n` studies (the studies
    /// stay, so indices into them remain valid).
    pub fn retain_min_studies(&mut self, n: usize) {
        self.concepts.retain(|r| r.study_count() >= n);
    }

    /// The concepts on which studies disagree, in the given sense.
    pub fn disagreements(&self, sense: Disagreement) -> impl Iterator<Item = &ConceptRow> {
        self.concepts.iter().filter(move |r| r.disagrees(sense))
    }

    /// Canonical pretty JSON with a trailing newline.
    pub fn to_json_pretty(&self) -> String {
        // Only strings, integers and booleans: serialization cannot fail.
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }
}

impl Serialize for EvidenceMatrix {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            studies: &'a [StudyColumn],
            concepts: &'a [ConceptRow],
            kinds: Vec<KindSummary>,
        }
        Wire {
            studies: &self.studies,
            concepts: &self.concepts,
            kinds: self.kind_summaries(),
        }
        .serialize(serializer)
    }
}

impl<'a> FromIterator<&'a Study> for EvidenceMatrix {
    fn from_iter<I: IntoIterator<Item = &'a Study>>(studies: I) -> Self {
        build::build(studies)
    }
}

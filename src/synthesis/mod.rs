//! Synthesis across studies: the evidence matrix.
//!
//! For every concept any finding links — codebook entries and concepts this
//! version does not know alike, never dropped — the matrix records which
//! studies report it, with which stances (and whether by its absence), how
//! many findings stand behind it, and how much of each study's sample:
//! participants for primary research, included studies for a review, never
//! added together. Reviews sit beside primary studies, with the best
//! GRADE-CERQual confidence they give each concept; a study given twice
//! counts once, and a review that includes a primary study of the matrix is
//! shown as overlapping it.
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
//! # Counting the sample
//!
//! What a cell counts depends on the study's sample unit
//! ([`Study::sample_unit`]): participants for primary research, included
//! studies for a review, included reviews for an umbrella review. A count
//! in one unit is never added to a count in another: articles are not
//! people, and the reviews an umbrella review includes are not the primary
//! studies they include.
//!
//! A primary study's finding names its participants by id
//! (`participants`), or gives only a count (`endorsement_count`), or
//! neither; a review's finding names the included studies that contribute
//! to it (`contributing`), or gives a count, or neither. Within a study, one
//! participant (or included study) may stand behind several findings, and
//! counts cannot be told apart, so a cell reports a lower bound that never
//! counts anyone twice: the larger of (a) the number of *distinct* ids
//! listed over the cell's findings and (b) the largest single
//! `endorsement_count` among them. It is exact when one finding stands
//! behind the cell, or when every finding lists its ids. With neither field
//! on any finding it is `None` (unknown), never 0.
//!
//! A row's total in a unit ([`ConceptRow::total`]) adds its cells' known
//! values in that unit, assuming different studies have different
//! participants (or include different studies); it is `None` when no cell
//! in that unit knows. [`ConceptRow::participants`] is the total in
//! participants, so a review never adds to it: not even a review whose
//! sample says it counts participants (validation warns,
//! `sample_unit_mismatch`), because those pool the participants of its
//! included studies, which may be in the matrix too. Such a review's cell
//! keeps its count, in participants, and counts it from `endorsement_count`
//! only, never from its contributing studies.
//!
//! # Primary and review evidence
//!
//! Each column says what the study is ([`StudyColumn::kind`], and for a
//! review its [`review_type`](StudyColumn::review_type)), and each cell what
//! its count counts ([`StudyEvidence::unit`]). Where a review assessed a
//! finding with GRADE-CERQual, the cell carries the highest overall
//! confidence among the review's findings linking the concept
//! ([`StudyEvidence::confidence`]), and the row the highest over its cells
//! ([`ConceptRow::best_confidence`]). Concerns and explanations are in the
//! [`cerqual`] tables.
//!
//! # Each study once
//!
//! A study is counted once however often it is given:
//!
//! - **Duplicates.** A study with the id of a study already in the matrix,
//!   or with its DOI (compared without regard to case), is left out and
//!   listed in [`EvidenceMatrix::duplicates`] with the column it duplicates.
//!   The first one given is kept. Loading the same file twice, or the same
//!   paper encoded in two documents, therefore adds nothing.
//! - **Overlaps.** A review that includes a primary study which is also a
//!   column (matched by the DOI of the included study's citation) is not
//!   independent of it. Both stay — they are different analyses — but the
//!   pair is listed in [`EvidenceMatrix::overlaps`];
//!   [`EvidenceMatrix::overlaps_in`] gives the pairs that both report one
//!   concept, and [`EvidenceMatrix::independent_studies`] counts the row's
//!   studies with each such review counted together with the primary
//!   studies it includes. The review's count of included studies is kept
//!   apart from the primary study's count of participants, as everywhere.
//!
//! [`Study::sample_unit`]: crate::study::Study::sample_unit
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
pub mod cerqual;
mod csv;
mod evidence;
mod lookup;
mod overlap;
mod rollup;
mod row;
mod summary;
mod table;

pub use build::distinct_studies;
pub use csv::CSV_COLUMNS;
pub use evidence::{Polarity, StanceMark, StudyEvidence};
pub use overlap::{DuplicateReason, DuplicateStudy, Overlap};
pub use rollup::{
    Group, GroupCell, GroupEvidence, Grouping, Member, ROLLUP_CSV_COLUMNS, Rollup, UnknownGrouping,
};
pub use row::{ConceptRow, Disagreement};
pub use summary::KindSummary;

use serde::Serialize;
use uuid::Uuid;

use crate::study::{Concept, Document, Doi, Study, StudyKind, Text};
use crate::vocabulary::{ReviewType, SampleUnit};

/// A study as a column of the matrix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct StudyColumn {
    /// The study's id.
    pub id: Uuid,
    /// The study's title.
    pub title: Text,
    /// Primary research or a review.
    pub kind: StudyKind,
    /// For a review, its type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_type: Option<ReviewType>,
    /// Its year of publication.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Its DOI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doi: Option<Doi>,
    /// Its sample size, in `unit`: the sample's total, else the sum of its
    /// groups, else `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sample: Option<u32>,
    /// What its sample counts.
    pub unit: SampleUnit,
}

impl StudyColumn {
    fn of(study: &Study) -> Self {
        let sample = study.sample.as_ref().and_then(crate::study::Sample::size);
        StudyColumn {
            id: study.id,
            title: study.citation.title.clone(),
            kind: study.kind.clone(),
            review_type: study.review.as_ref().and_then(|r| r.review_type.clone()),
            year: study.citation.year,
            doi: study.citation.doi.clone(),
            sample,
            unit: study.sample_unit(),
        }
    }

    /// Whether the column is a review.
    pub fn kind_is_review(&self) -> bool {
        self.kind == StudyKind::Review
    }

    /// The sample in words: `"35 participants"`, `"53 included studies"`;
    /// `None` when the size is unknown.
    pub fn sample_text(&self) -> Option<String> {
        self.sample.map(|n| self.unit.count(u64::from(n)))
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
    duplicates: Vec<DuplicateStudy>,
    overlaps: Vec<Overlap>,
}

impl EvidenceMatrix {
    /// The matrix of every study in `document`, which knows the
    /// document's declared concepts and relations.
    pub fn from_document(document: &Document) -> Self {
        Self::from_documents([document])
    }

    /// The matrix of the studies of several documents, which become the
    /// columns in the order given; every document's declared concepts and
    /// relations apply to all of them (the first declaration of a code wins).
    pub fn from_documents<'a>(documents: impl IntoIterator<Item = &'a Document> + Clone) -> Self {
        let lookup = lookup::Lookup::new(documents.clone().into_iter().flat_map(|d| &d.concepts));
        build::build(documents.into_iter().flat_map(|d| &d.studies), &lookup)
    }

    /// The matrix of `studies`, which become the columns in the order given,
    /// with the standard codebook's relations only.
    pub fn from_studies<'a>(studies: impl IntoIterator<Item = &'a Study>) -> Self {
        build::build(studies, &lookup::Lookup::new(std::iter::empty()))
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
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            duplicates: &'a [DuplicateStudy],
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            overlaps: &'a [Overlap],
        }
        Wire {
            studies: &self.studies,
            concepts: &self.concepts,
            kinds: self.kind_summaries(),
            duplicates: &self.duplicates,
            overlaps: &self.overlaps,
        }
        .serialize(serializer)
    }
}

impl<'a> FromIterator<&'a Study> for EvidenceMatrix {
    fn from_iter<I: IntoIterator<Item = &'a Study>>(studies: I) -> Self {
        Self::from_studies(studies)
    }
}

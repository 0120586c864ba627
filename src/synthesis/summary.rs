//! Per-kind summaries of the matrix.

use serde::Serialize;

use super::{ConceptRow, Disagreement, EvidenceMatrix};

/// What the matrix holds for one kind of concept (all facilitators, say).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct KindSummary {
    /// The kind code (`"facilitator"`), as written for kinds this version
    /// does not know.
    pub kind: String,
    /// How many distinct concepts of the kind some study reports.
    pub concepts: usize,
    /// How many of them are not in this version's codebook.
    pub unknown: usize,
    /// How many studies report at least one concept of the kind.
    pub studies: usize,
    /// How many concepts of the kind at least two studies report.
    pub shared: usize,
    /// How many concepts of the kind studies disagree on in stance.
    pub stance_disagreements: usize,
    /// How many concepts of the kind studies disagree on in polarity.
    pub polarity_disagreements: usize,
}

impl KindSummary {
    fn new(kind: &str) -> Self {
        KindSummary {
            kind: kind.to_owned(),
            concepts: 0,
            unknown: 0,
            studies: 0,
            shared: 0,
            stance_disagreements: 0,
            polarity_disagreements: 0,
        }
    }

    fn add(&mut self, row: &ConceptRow, seen: &mut [bool]) {
        self.concepts += 1;
        self.unknown += usize::from(!row.concept().is_known());
        self.shared += usize::from(row.study_count() >= 2);
        self.stance_disagreements += usize::from(row.disagrees(Disagreement::Stance));
        self.polarity_disagreements += usize::from(row.disagrees(Disagreement::Polarity));
        for e in row.evidence() {
            if let Some(slot) = seen.get_mut(e.study()) {
                self.studies += usize::from(!*slot);
                *slot = true;
            }
        }
    }
}

impl EvidenceMatrix {
    /// One summary per kind present, in canonical kind order.
    ///
    /// Rows are sorted by kind, so this is one pass over them.
    ///
    /// ```
    /// use peer_support::synthesis::EvidenceMatrix;
    ///
    /// let seeds = peer_support::catalog::seed_studies()?;
    /// let matrix = EvidenceMatrix::from_document(&seeds.document);
    /// let barriers = matrix.kind_summaries().into_iter().find(|k| k.kind == "barrier").unwrap();
    /// assert_eq!(barriers.concepts, 13);
    /// assert_eq!(barriers.studies, 4);
    /// # Ok::<(), peer_support::document::ReadError>(())
    /// ```
    pub fn kind_summaries(&self) -> Vec<KindSummary> {
        let mut summaries: Vec<KindSummary> = Vec::new();
        let mut seen = vec![false; self.studies().len()];
        for row in self.concepts() {
            let kind = row.concept().kind_code();
            if summaries.last().is_none_or(|s| s.kind != kind) {
                summaries.push(KindSummary::new(kind));
                seen.fill(false);
            }
            if let Some(summary) = summaries.last_mut() {
                summary.add(row, &mut seen);
            }
        }
        summaries
    }
}

//! One concept's row of the matrix, and what it means for studies to disagree.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::{Polarity, StudyEvidence};
use crate::study::Concept;
use crate::vocabulary::{CerqualConfidence, Kind, Mappings, SampleUnit};

/// How two studies' reports of a concept must differ to count as a
/// disagreement. See the [module docs](super#disagreement) for examples.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Disagreement {
    /// At least two studies report the concept with different sets of
    /// [`StanceMark`](super::StanceMark)s (stance and absence together). The
    /// broad sense: supervision as a facilitator in one study and its absence
    /// as a barrier in another differ in stance, although they agree that
    /// supervision helps.
    Stance,
    /// Studies contradict each other on whether the concept's presence helps
    /// or hurts: one study reports it with [`Polarity::Positive`] and a
    /// *different* study with [`Polarity::Negative`]. Supervision as a
    /// facilitator in one study and as a barrier in another is a polarity
    /// disagreement; a study that reports both on its own is not.
    Polarity,
}

impl Disagreement {
    /// `"stance"` or `"polarity"`, as the JSON and table outputs write it.
    pub fn code(self) -> &'static str {
        match self {
            Disagreement::Stance => "stance",
            Disagreement::Polarity => "polarity",
        }
    }
}

impl std::fmt::Display for Disagreement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A concept as synthesis outputs name it: `{"kind", "code"}`.
#[derive(Serialize)]
pub(super) struct ConceptRef<'a> {
    kind: &'a str,
    code: &'a str,
}

impl<'a> ConceptRef<'a> {
    pub(super) fn of(concept: &'a Concept) -> Self {
        ConceptRef {
            kind: concept.kind_code(),
            code: concept.code(),
        }
    }
}

/// One concept and every study that reports it, in study order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConceptRow {
    pub(super) concept: Concept,
    pub(super) label: String,
    pub(super) declared: bool,
    pub(super) merged: Vec<Concept>,
    pub(super) mappings: Mappings,
    /// The topmost broader concepts, with their labels (the concept itself
    /// when it has none).
    pub(super) broader: Vec<(Concept, String)>,
    pub(super) evidence: Vec<StudyEvidence>,
}

impl ConceptRow {
    /// The concept (for exact matches merged into one row, their
    /// representative: the standard concept when one of them is).
    pub fn concept(&self) -> &Concept {
        &self.concept
    }

    /// The label: the standard entry's, a declared concept's own, or else
    /// the code.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// Whether a document declares the concept in its project codebook.
    pub fn is_declared(&self) -> bool {
        self.declared
    }

    /// The concept's framework mappings (a declared concept's own).
    pub fn mappings(&self) -> &Mappings {
        &self.mappings
    }

    /// The topmost broader concepts the concept rolls up into (the concept
    /// itself when it has no broader concept).
    pub fn broadest(&self) -> impl Iterator<Item = &Concept> {
        self.broader.iter().map(|(c, _)| c)
    }

    /// The other concepts whose links count in this row, as exact matches
    /// of its concept, in concept order.
    pub fn exact_matches(&self) -> &[Concept] {
        &self.merged
    }

    /// One entry per study that reports the concept, in study order.
    pub fn evidence(&self) -> &[StudyEvidence] {
        &self.evidence
    }

    /// The report of the study at `study` (an index into the matrix's
    /// studies), if it reports the concept.
    pub fn in_study(&self, study: usize) -> Option<&StudyEvidence> {
        self.evidence
            .binary_search_by_key(&study, StudyEvidence::study)
            .ok()
            .map(|i| &self.evidence[i])
    }

    /// How many studies report the concept.
    pub fn study_count(&self) -> usize {
        self.evidence.len()
    }

    /// How many findings link the concept, over all studies.
    pub fn finding_count(&self) -> usize {
        self.evidence.iter().map(StudyEvidence::findings).sum()
    }

    /// At least how many participants stand behind the concept: the sum over
    /// the primary studies that say, or `None` when none does. Studies are
    /// assumed to have distinct participants; a review's count is never added
    /// to it, not even when the review says its sample counts participants
    /// (those pool the participants of its included studies, which may be in
    /// the matrix too).
    pub fn participants(&self) -> Option<u64> {
        self.total(&SampleUnit::Participants)
    }

    /// The sum of the cells' counts in `unit` (participants, included
    /// studies, included reviews), or `None` when no cell in that unit says.
    /// Counts in different units are never added together, and a review's
    /// count never adds to participants.
    pub fn total(&self, unit: &SampleUnit) -> Option<u64> {
        self.evidence
            .iter()
            .filter(|e| e.adds_to(unit))
            .filter_map(StudyEvidence::count)
            .reduce(|a, b| a.saturating_add(b))
    }

    /// Every unit some cell counts in, with its total, in the order of the
    /// sample-unit table (participants, included studies, included reviews,
    /// then units this version does not know).
    pub fn totals(&self) -> Vec<(SampleUnit, u64)> {
        let mut units: Vec<SampleUnit> = Vec::new();
        for e in &self.evidence {
            if e.count().is_some() && e.adds_to(e.unit()) && !units.contains(e.unit()) {
                units.push(e.unit().clone());
            }
        }
        units.sort_by_key(|u| {
            SampleUnit::ALL
                .iter()
                .position(|k| k == u)
                .unwrap_or(usize::MAX)
        });
        units
            .into_iter()
            .filter_map(|u| self.total(&u).map(|n| (u, n)))
            .collect()
    }

    /// The highest GRADE-CERQual confidence any review gives a finding that
    /// reports the concept.
    pub fn best_confidence(&self) -> Option<&CerqualConfidence> {
        self.evidence
            .iter()
            .filter_map(StudyEvidence::confidence)
            .max_by_key(|c| c.rank())
    }

    /// Whether the studies reporting the concept disagree in the given sense.
    pub fn disagrees(&self, sense: Disagreement) -> bool {
        match sense {
            Disagreement::Stance => self
                .evidence
                .windows(2)
                .any(|pair| pair[0].stances() != pair[1].stances()),
            Disagreement::Polarity => {
                // Two studies each way suffice, or one each way if they differ.
                let with = |p| {
                    let mut studies = self.evidence.iter().filter(move |e| e.has_polarity(p));
                    (
                        studies.next().map(StudyEvidence::study),
                        studies.next().is_some(),
                    )
                };
                match (with(Polarity::Positive), with(Polarity::Negative)) {
                    ((Some(_), true), (Some(_), _)) | ((Some(_), _), (Some(_), true)) => true,
                    ((Some(a), false), (Some(b), false)) => a != b,
                    _ => false,
                }
            }
        }
    }

    /// The strongest sense in which the studies disagree:
    /// [`Disagreement::Polarity`] if that holds, else
    /// [`Disagreement::Stance`] if that does, else `None`.
    pub fn disagreement(&self) -> Option<Disagreement> {
        [Disagreement::Polarity, Disagreement::Stance]
            .into_iter()
            .find(|sense| self.disagrees(*sense))
    }

    /// The canonical order: kind (as [`Kind::ALL`] lists them, unknown kinds
    /// last, by code), then code.
    pub(super) fn sort_key(concept: &Concept) -> (usize, &str, &str) {
        let rank = concept
            .kind()
            .and_then(|k| Kind::ALL.iter().position(|x| *x == k))
            .unwrap_or(Kind::ALL.len());
        (rank, concept.kind_code(), concept.code())
    }
}

impl Serialize for ConceptRow {
    /// `{kind, code, label, known, studies, findings, participants?,
    /// included_studies?, included_reviews?, confidence?, disagreement?,
    /// evidence}`: the totals per unit (never added across units), the best
    /// GRADE-CERQual confidence; `disagreement` is `"polarity"` or `"stance"`
    /// (the stronger that holds) and is omitted when studies agree.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ConceptRow", 14)?;
        s.serialize_field("kind", self.concept.kind_code())?;
        s.serialize_field("code", self.concept.code())?;
        s.serialize_field("label", &self.label)?;
        s.serialize_field("known", &self.concept.is_known())?;
        if self.declared {
            s.serialize_field("declared", &true)?;
        } else {
            s.skip_field("declared")?;
        }
        if self.merged.is_empty() {
            s.skip_field("exact_matches")?;
        } else {
            let merged: Vec<_> = self.merged.iter().map(ConceptRef::of).collect();
            s.serialize_field("exact_matches", &merged)?;
        }
        s.serialize_field("studies", &self.study_count())?;
        s.serialize_field("findings", &self.finding_count())?;
        match self.participants() {
            Some(n) => s.serialize_field("participants", &n)?,
            None => s.skip_field("participants")?,
        }
        for (unit, field) in [
            (SampleUnit::Studies, "included_studies"),
            (SampleUnit::Reviews, "included_reviews"),
        ] {
            match self.total(&unit) {
                Some(n) => s.serialize_field(field, &n)?,
                None => s.skip_field(field)?,
            }
        }
        match self.best_confidence() {
            Some(c) => s.serialize_field("confidence", c)?,
            None => s.skip_field("confidence")?,
        }
        match self.disagreement() {
            Some(sense) => s.serialize_field("disagreement", sense.code())?,
            None => s.skip_field("disagreement")?,
        }
        s.serialize_field("evidence", &self.evidence)?;
        s.end()
    }
}

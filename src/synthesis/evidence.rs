//! What one study reports about one concept.

use serde::Serialize;

use crate::vocabulary::{CerqualConfidence, SampleUnit, Stakeholder, Stance};

/// One way a study reports a concept: a stance, and whether it is the
/// concept's absence that is reported.
///
/// Orders by stance (in the stance table's order) and then present before
/// absent, which is the order cells list them in.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[non_exhaustive]
pub struct StanceMark {
    /// The stance.
    pub stance: Stance,
    /// Whether the concept's absence is what is reported with `stance`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub absent: bool,
}

impl StanceMark {
    /// A stance on the concept (`absent` = reported by its absence).
    pub fn new(stance: Stance, absent: bool) -> Self {
        StanceMark { stance, absent }
    }

    /// Whether the mark says the concept's *presence* helps or hurts.
    ///
    /// `facilitator`, `benefit` and `value_held` are [`Polarity::Positive`];
    /// `barrier` and `harm` are [`Polarity::Negative`]; `caveat`, `practice`
    /// and stances this version does not know are [`Polarity::Neutral`]. An
    /// absence flips the sign: "no formal recruitment process" reported as a
    /// barrier says the process, when present, helps.
    pub fn polarity(&self) -> Polarity {
        let base = match self.stance {
            Stance::Facilitator | Stance::Benefit | Stance::ValueHeld => Polarity::Positive,
            Stance::Barrier | Stance::Harm => Polarity::Negative,
            _ => Polarity::Neutral,
        };
        if self.absent { base.flipped() } else { base }
    }
}

impl std::fmt::Display for StanceMark {
    /// `barrier`, or `barrier (absent)` for an absence.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.absent {
            write!(f, "{} (absent)", self.stance)
        } else {
            write!(f, "{}", self.stance)
        }
    }
}

/// Whether a report says a concept's presence helps, hurts, or neither.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Polarity {
    /// The concept's presence helps or is good for someone.
    Positive,
    /// The concept's presence hinders or harms.
    Negative,
    /// Neither: a caveat, a description of practice, or an unknown stance.
    Neutral,
}

impl Polarity {
    fn flipped(self) -> Self {
        match self {
            Polarity::Positive => Polarity::Negative,
            Polarity::Negative => Polarity::Positive,
            Polarity::Neutral => Polarity::Neutral,
        }
    }
}

/// Everything one study reports about one concept: one cell of the matrix.
///
/// Serializes as `{study, stances, findings, count?, unit, reported_by?,
/// confidence?}`: `count` is in the study's `unit` (participants for primary
/// research, included studies or reviews for a review).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StudyEvidence {
    pub(super) study: usize,
    pub(super) stances: Vec<StanceMark>,
    pub(super) findings: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) count: Option<u64>,
    pub(super) unit: SampleUnit,
    /// Whether the study is a review (its columns say so on the wire).
    #[serde(skip)]
    pub(super) review: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) reported_by: Vec<Stakeholder>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) confidence: Option<CerqualConfidence>,
    /// The positions of the counted findings in their study, so that a
    /// roll-up counts a finding linking two concepts of a group once.
    #[serde(skip)]
    pub(super) finding_at: Vec<usize>,
}

impl StudyEvidence {
    /// The study, as an index into [`EvidenceMatrix::studies`](super::EvidenceMatrix::studies).
    pub fn study(&self) -> usize {
        self.study
    }

    /// The distinct stances the study's findings report the concept with, sorted.
    pub fn stances(&self) -> &[StanceMark] {
        &self.stances
    }

    /// How many of the study's findings link the concept (a finding linking
    /// it twice counts once).
    pub fn findings(&self) -> usize {
        self.findings
    }

    /// At least how much of the study's sample stands behind the concept,
    /// in its [`unit`](StudyEvidence::unit), or `None` when no finding says;
    /// see the [module docs](super#counting-the-sample).
    pub fn count(&self) -> Option<u64> {
        self.count
    }

    /// What [`count`](StudyEvidence::count) counts: the study's sample unit.
    pub fn unit(&self) -> &SampleUnit {
        &self.unit
    }

    /// [`count`](StudyEvidence::count) when it counts a primary study's
    /// participants; `None` for a review, whose count is of included studies
    /// or reviews, or, when the review says it counts participants, pools the
    /// participants of studies that may also be in the matrix.
    pub fn participants(&self) -> Option<u64> {
        self.count
            .filter(|_| !self.review && self.unit == SampleUnit::Participants)
    }

    /// Whether [`count`](StudyEvidence::count) adds to a total in `unit`:
    /// a count in that unit, and never a review's count of participants.
    pub(super) fn adds_to(&self, unit: &SampleUnit) -> bool {
        &self.unit == unit && !(self.review && *unit == SampleUnit::Participants)
    }

    /// The highest GRADE-CERQual confidence among the review's findings that
    /// report the concept, when any is assessed.
    pub fn confidence(&self) -> Option<&CerqualConfidence> {
        self.confidence.as_ref()
    }

    /// The stakeholder groups the findings come from, sorted and distinct.
    pub fn reported_by(&self) -> &[Stakeholder] {
        &self.reported_by
    }

    /// Whether any of the study's stances says the concept's presence has `polarity`.
    pub fn has_polarity(&self, polarity: Polarity) -> bool {
        self.stances.iter().any(|m| m.polarity() == polarity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absence_flips_polarity() {
        let cases = [
            (Stance::Facilitator, false, Polarity::Positive),
            (Stance::Facilitator, true, Polarity::Negative),
            (Stance::Barrier, false, Polarity::Negative),
            (Stance::Barrier, true, Polarity::Positive),
            (Stance::Benefit, false, Polarity::Positive),
            (Stance::Harm, true, Polarity::Positive),
            (Stance::ValueHeld, false, Polarity::Positive),
            (Stance::Caveat, true, Polarity::Neutral),
            (Stance::Practice, false, Polarity::Neutral),
        ];
        for (stance, absent, polarity) in cases {
            let mark = StanceMark::new(stance, absent);
            assert_eq!(mark.polarity(), polarity, "{mark}");
        }
        let custom = StanceMark::new("contested".parse().unwrap(), false);
        assert_eq!(custom.polarity(), Polarity::Neutral);
    }

    #[test]
    fn marks_display_their_absence() {
        assert_eq!(
            StanceMark::new(Stance::Barrier, true).to_string(),
            "barrier (absent)"
        );
        assert_eq!(
            StanceMark::new(Stance::Benefit, false).to_string(),
            "benefit"
        );
    }
}

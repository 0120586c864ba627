//! Building the matrix in one pass over the concept links.

use std::collections::{BTreeSet, HashMap, HashSet};

use uuid::Uuid;

use super::{ConceptRow, EvidenceMatrix, StanceMark, StudyColumn, StudyEvidence};
use crate::study::{Concept, Finding, Study};
use crate::util::hash::IdHashState;
use crate::vocabulary::{Basis, Stakeholder};

/// A cell while it is being filled.
struct Cell {
    study: usize,
    /// The index of the last finding counted, so a finding linking the
    /// concept twice counts once.
    last_finding: Option<usize>,
    findings: usize,
    stances: BTreeSet<StanceMark>,
    reported_by: BTreeSet<Stakeholder>,
    listed: HashSet<Uuid, IdHashState>,
    largest_count: Option<u32>,
}

impl Cell {
    fn new(study: usize, ids: &IdHashState) -> Self {
        Cell {
            study,
            last_finding: None,
            findings: 0,
            stances: BTreeSet::new(),
            reported_by: BTreeSet::new(),
            // Ids are hashed per listed participant of every finding: the
            // validator's fast keyed hasher, not SipHash.
            listed: HashSet::with_hasher(ids.clone()),
            largest_count: None,
        }
    }

    fn count(&mut self, finding: &Finding) {
        self.findings += 1;
        self.reported_by.extend(finding.reported_by.iter().cloned());
        self.listed.extend(finding.participants.iter().copied());
        if let Some(n) = finding.endorsement_count {
            self.largest_count = Some(self.largest_count.map_or(n, |m| m.max(n)));
        }
    }

    fn finish(self) -> StudyEvidence {
        let listed = self.listed.len() as u64;
        let participants = match self.largest_count {
            Some(n) => Some(listed.max(u64::from(n))),
            None if listed > 0 => Some(listed),
            None => None,
        };
        StudyEvidence {
            study: self.study,
            stances: self.stances.into_iter().collect(),
            findings: self.findings,
            participants,
            reported_by: self.reported_by.into_iter().collect(),
        }
    }
}

/// Builds the matrix: each link is visited once, with one hash lookup for its
/// row; a row's cells are appended in study order, so the current study's cell
/// is always the row's last.
pub(super) fn build<'a>(studies: impl IntoIterator<Item = &'a Study>) -> EvidenceMatrix {
    let ids = IdHashState::new();
    let mut columns = Vec::new();
    let mut index: HashMap<Concept, usize> = HashMap::new();
    let mut rows: Vec<(Concept, Vec<Cell>)> = Vec::new();
    for (si, study) in studies.into_iter().enumerate() {
        columns.push(StudyColumn::of(study));
        for (fi, finding) in study.findings.iter().enumerate() {
            // Cited background is another study's evidence, not this one's.
            if finding.basis == Some(Basis::Background) {
                continue;
            }
            for link in &finding.concepts {
                let r = match index.get(&link.concept) {
                    Some(&r) => r,
                    None => {
                        index.insert(link.concept.clone(), rows.len());
                        rows.push((link.concept.clone(), Vec::new()));
                        rows.len() - 1
                    }
                };
                let cells = &mut rows[r].1;
                if !matches!(cells.last(), Some(cell) if cell.study == si) {
                    cells.push(Cell::new(si, &ids));
                }
                let Some(cell) = cells.last_mut() else {
                    continue;
                };
                if cell.last_finding != Some(fi) {
                    cell.last_finding = Some(fi);
                    cell.count(finding);
                }
                cell.stances
                    .insert(StanceMark::new(link.stance.clone(), link.absent));
            }
        }
    }
    let mut concepts: Vec<ConceptRow> = rows
        .into_iter()
        .map(|(concept, cells)| ConceptRow {
            concept,
            evidence: cells.into_iter().map(Cell::finish).collect(),
        })
        .collect();
    concepts.sort_unstable_by(|a, b| {
        ConceptRow::sort_key(&a.concept).cmp(&ConceptRow::sort_key(&b.concept))
    });
    EvidenceMatrix {
        studies: columns,
        concepts,
    }
}

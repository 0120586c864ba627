//! Building the matrix in one pass over the concept links.

use std::collections::{BTreeSet, HashMap, HashSet};

use uuid::Uuid;

use super::lookup::Lookup;
use super::{
    ConceptRow, DuplicateReason, DuplicateStudy, EvidenceMatrix, Overlap, StanceMark, StudyColumn,
    StudyEvidence,
};
use crate::study::{Citation, Concept, Finding, Study};
use crate::util::hash::IdHashState;
use crate::vocabulary::{Basis, CerqualConfidence, SampleUnit, Stakeholder};

/// A cell while it is being filled.
struct Cell {
    study: usize,
    unit: SampleUnit,
    /// Whether the study is a review: its counts, in whatever unit, pool the
    /// samples of other studies and are never added to a primary study's.
    review: bool,
    /// Which ids count the sample: listed participants (primary research),
    /// contributing included studies (a review counting studies or reviews),
    /// or none (a review that says it counts participants: its contributing
    /// studies are not people).
    listed_ids: Listed,
    /// The index of the last finding counted, so a finding linking the
    /// concept twice counts once.
    last_finding: Option<usize>,
    finding_at: Vec<usize>,
    stances: BTreeSet<StanceMark>,
    reported_by: BTreeSet<Stakeholder>,
    listed: HashSet<Uuid, IdHashState>,
    largest_count: Option<u32>,
    confidence: Option<CerqualConfidence>,
}

impl Cell {
    fn new(study: usize, unit: SampleUnit, review: bool, ids: &IdHashState) -> Self {
        let listed_ids = match (review, unit == SampleUnit::Participants) {
            (false, _) => Listed::Participants,
            (true, false) => Listed::Contributing,
            (true, true) => Listed::None,
        };
        Cell {
            study,
            unit,
            review,
            listed_ids,
            last_finding: None,
            finding_at: Vec::new(),
            stances: BTreeSet::new(),
            reported_by: BTreeSet::new(),
            // Ids are hashed per listed participant of every finding: the
            // validator's fast keyed hasher, not SipHash.
            listed: HashSet::with_hasher(ids.clone()),
            largest_count: None,
            confidence: None,
        }
    }

    fn count(&mut self, at: usize, finding: &Finding) {
        self.finding_at.push(at);
        self.reported_by.extend(finding.reported_by.iter().cloned());
        let listed: &[Uuid] = match self.listed_ids {
            Listed::Participants => &finding.participants,
            Listed::Contributing => &finding.contributing,
            Listed::None => &[],
        };
        self.listed.extend(listed.iter().copied());
        if let Some(confidence) = finding.cerqual.as_ref().and_then(|c| c.confidence.as_ref()) {
            let better = match &self.confidence {
                None => confidence.rank().is_some(),
                Some(best) => confidence.rank() > best.rank(),
            };
            if better {
                self.confidence = Some(confidence.clone());
            }
        }
        if let Some(n) = finding.endorsement_count {
            self.largest_count = Some(self.largest_count.map_or(n, |m| m.max(n)));
        }
    }

    fn finish(self) -> StudyEvidence {
        let listed = self.listed.len() as u64;
        let count = match self.largest_count {
            Some(n) => Some(listed.max(u64::from(n))),
            None if listed > 0 => Some(listed),
            None => None,
        };
        StudyEvidence {
            study: self.study,
            stances: self.stances.into_iter().collect(),
            findings: self.finding_at.len(),
            count,
            unit: self.unit,
            review: self.review,
            reported_by: self.reported_by.into_iter().collect(),
            confidence: self.confidence,
            finding_at: self.finding_at,
        }
    }
}

/// The ids a cell counts its sample by.
#[derive(Clone, Copy)]
enum Listed {
    Participants,
    Contributing,
    None,
}

/// Builds the matrix: each link is visited once, with one hash lookup for its
/// row; a row's cells are appended in study order, so the current study's cell
/// is always the row's last.
///
/// A link counts under its concept's exact-match representative (see
/// [`Lookup::canonical`]), so exact matches share one row.
pub(super) fn build<'a>(
    studies: impl IntoIterator<Item = &'a Study>,
    lookup: &Lookup<'_>,
) -> EvidenceMatrix {
    let ids = IdHashState::new();
    let mut columns = Vec::new();
    let mut index: HashMap<Concept, usize> = HashMap::new();
    // (the row's concept, its cells, the other concepts linked into it)
    let mut rows: Vec<(Concept, Vec<Cell>, BTreeSet<Concept>)> = Vec::new();
    let (studies, duplicates) = distinct_studies(studies);
    // The column of each DOI, for the reviews' included studies.
    let mut columns_by_doi: HashMap<String, usize> = HashMap::new();
    for (si, study) in studies.iter().enumerate() {
        if let Some(doi) = doi_key(&study.citation) {
            columns_by_doi.entry(doi).or_insert(si);
        }
    }
    // (review column, DOIs of what it includes)
    let mut included: Vec<(usize, Vec<String>)> = Vec::new();
    for (si, study) in studies.into_iter().enumerate() {
        columns.push(StudyColumn::of(study));
        if let Some(review) = study.review.as_ref().filter(|_| study.is_review()) {
            let dois = review
                .included
                .iter()
                .filter_map(|s| doi_key(&s.citation))
                .collect();
            included.push((si, dois));
        }
        let unit = study.sample_unit();
        let is_review = study.is_review();
        for (fi, finding) in study.findings.iter().enumerate() {
            // Cited background is another study's evidence, not this one's.
            if finding.basis == Some(Basis::Background) {
                continue;
            }
            for link in &finding.concepts {
                let concept = lookup.canonical(&link.concept);
                let r = match index.get(concept) {
                    Some(&r) => r,
                    None => {
                        index.insert(concept.clone(), rows.len());
                        rows.push((concept.clone(), Vec::new(), BTreeSet::new()));
                        rows.len() - 1
                    }
                };
                if *concept != link.concept {
                    rows[r].2.insert(link.concept.clone());
                }
                let cells = &mut rows[r].1;
                if !matches!(cells.last(), Some(cell) if cell.study == si) {
                    cells.push(Cell::new(si, unit.clone(), is_review, &ids));
                }
                let Some(cell) = cells.last_mut() else {
                    continue;
                };
                if cell.last_finding != Some(fi) {
                    cell.last_finding = Some(fi);
                    cell.count(fi, finding);
                }
                cell.stances
                    .insert(StanceMark::new(link.stance.clone(), link.absent));
            }
        }
    }
    let mut concepts: Vec<ConceptRow> = rows
        .into_iter()
        .map(|(concept, cells, merged)| ConceptRow {
            label: lookup.label(&concept).to_owned(),
            mappings: lookup.mappings(&concept),
            broader: lookup
                .roots(&concept)
                .into_iter()
                .map(|root| {
                    let label = lookup.label(&root).to_owned();
                    (root, label)
                })
                .collect(),
            declared: !concept.is_known() && lookup.declared(&concept).is_some(),
            concept,
            merged: merged.into_iter().collect(),
            evidence: cells.into_iter().map(Cell::finish).collect(),
        })
        .collect();
    concepts.sort_unstable_by(|a, b| {
        ConceptRow::sort_key(&a.concept).cmp(&ConceptRow::sort_key(&b.concept))
    });
    let overlaps = included
        .into_iter()
        .flat_map(|(review, dois)| {
            let mut primaries: Vec<usize> = dois
                .iter()
                .filter_map(|doi| columns_by_doi.get(doi).copied())
                .filter(|&p| !columns[p].kind_is_review())
                .collect();
            primaries.sort_unstable();
            primaries.dedup();
            primaries
                .into_iter()
                .map(move |primary| Overlap { review, primary })
        })
        .collect();
    EvidenceMatrix {
        studies: columns,
        concepts,
        duplicates,
        overlaps,
    }
}

/// Each study once: `studies` in the order given without those that repeat
/// an earlier one (the same id, or the same DOI in any letter case), and the
/// ones left out. The rule the matrix and the CERQual tables count by.
///
/// ```
/// use peer_support::synthesis::{DuplicateReason, distinct_studies};
///
/// let seeds = peer_support::catalog::seed_studies()?.document;
/// let (kept, left_out) = distinct_studies(seeds.studies.iter().chain(&seeds.studies));
/// assert_eq!(kept.len(), 4);
/// assert_eq!(left_out.len(), 4);
/// assert_eq!((left_out[0].given, left_out[0].kept), (4, 0));
/// assert_eq!(left_out[0].reason, DuplicateReason::SameId);
/// # Ok::<(), peer_support::document::ReadError>(())
/// ```
pub fn distinct_studies<'a>(
    studies: impl IntoIterator<Item = &'a Study>,
) -> (Vec<&'a Study>, Vec<DuplicateStudy>) {
    let mut seen = Seen::default();
    let mut kept = Vec::new();
    let mut left_out = Vec::new();
    for (given, study) in studies.into_iter().enumerate() {
        match seen.check(study, given) {
            Some(duplicate) => left_out.push(duplicate),
            None => {
                seen.add(study, kept.len());
                kept.push(study);
            }
        }
    }
    (kept, left_out)
}

/// The ids and DOIs of the studies taken so far, and their columns.
#[derive(Default)]
struct Seen {
    ids: HashMap<Uuid, usize>,
    dois: HashMap<String, usize>,
}

impl Seen {
    /// Whether `study` is one already taken, and how it was recognised.
    fn check(&self, study: &Study, given: usize) -> Option<DuplicateStudy> {
        let found = match self.ids.get(&study.id) {
            Some(&kept) => Some((kept, DuplicateReason::SameId)),
            None => doi_key(&study.citation)
                .and_then(|doi| self.dois.get(&doi))
                .map(|&kept| (kept, DuplicateReason::SameDoi)),
        };
        found.map(|(kept, reason)| DuplicateStudy {
            given,
            kept,
            id: study.id,
            title: study.citation.title.clone(),
            reason,
        })
    }

    fn add(&mut self, study: &Study, column: usize) {
        self.ids.insert(study.id, column);
        if let Some(doi) = doi_key(&study.citation) {
            self.dois.entry(doi).or_insert(column);
        }
    }
}

/// A citation's DOI as compared: when it is DOI syntax, in lower case (DOIs
/// are case-insensitive).
fn doi_key(citation: &Citation) -> Option<String> {
    citation
        .doi
        .as_ref()
        .filter(|d| d.is_valid())
        .map(|d| d.as_str().to_ascii_lowercase())
}

//! Validation: every problem in a document at once, each with a severity, a
//! stable code and a JSON Pointer to the offending value.
//!
//! [`validate`] runs in time linear in the size of the document: one pass
//! indexes every id, one more checks every reference against the index.
//!
//! ```
//! use peer_support::{document, validate::IssueCode};
//!
//! let json = r#"{
//!   "schema": "urn:peer-support:study-document",
//!   "schema_version": "1.0.0",
//!   "studies": [{
//!     "id": "5d8ebf13-d301-4143-ac31-bebb0249d387",
//!     "citation": {"title": "A study", "doi": "10.11/typo"},
//!     "themes": [{"id": "00000000-0000-0000-0000-000000000001", "label": "T",
//!                 "parent": "00000000-0000-0000-0000-000000000001"}]
//!   }]
//! }"#;
//! let loaded = document::from_str(json)?;
//! let codes: Vec<_> = loaded.report.errors().map(|i| (i.code, i.path.as_str())).collect();
//! assert_eq!(codes, [
//!     (IssueCode::InvalidDoi, "/studies/0/citation/doi"),
//!     (IssueCode::CyclicTheme, "/studies/0/themes/0/parent"),
//! ]);
//! # Ok::<(), peer_support::document::ReadError>(())
//! ```

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use uuid::Uuid;

use crate::diagnostics::pointer;
pub use crate::diagnostics::{Issue, IssueCode, Report, Severity};
use crate::privacy;
use crate::study::{Document, Extensions, Study};
use crate::util::hash::IdHashState;
use crate::vocabulary::Vocabulary;

impl Document {
    /// Validates the document: every issue, each with its severity, stable
    /// code and JSON Pointer path. The same as [`validate`].
    pub fn validate(&self) -> Report {
        validate(self)
    }
}

/// Validates a document, returning every issue found.
pub fn validate(document: &Document) -> Report {
    let mut v = Validator {
        report: Report::new(),
        index: HashMap::with_capacity_and_hasher(count_ids(document), IdHashState::new()),
    };
    v.run(document);
    v.report
}

/// The earliest year a study date may carry: qualitative research on peer
/// support workers postdates it by decades, so anything earlier is a typo.
const EARLIEST_YEAR: i32 = 1900;
/// The latest year a study date may carry. A fixed bound keeps validation
/// deterministic (it never reads the clock).
const LATEST_YEAR: i32 = 2200;

/// The kinds of entity that have ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EntityKind {
    Study,
    Participant,
    Source,
    Excerpt,
    Theme,
    Finding,
}

impl EntityKind {
    fn name(self) -> &'static str {
        match self {
            EntityKind::Study => "study",
            EntityKind::Participant => "participant",
            EntityKind::Source => "source",
            EntityKind::Excerpt => "excerpt",
            EntityKind::Theme => "theme",
            EntityKind::Finding => "finding",
        }
    }

    /// The name with its indefinite article, for messages.
    fn with_article(self) -> &'static str {
        match self {
            EntityKind::Study => "a study",
            EntityKind::Participant => "a participant",
            EntityKind::Source => "a source",
            EntityKind::Excerpt => "an excerpt",
            EntityKind::Theme => "a theme",
            EntityKind::Finding => "a finding",
        }
    }

    /// The study field holding entities of this kind.
    fn field(self) -> &'static str {
        match self {
            EntityKind::Study => "",
            EntityKind::Participant => "participants",
            EntityKind::Source => "sources",
            EntityKind::Excerpt => "excerpts",
            EntityKind::Theme => "themes",
            EntityKind::Finding => "findings",
        }
    }
}

/// Where an entity is: enough to build its pointer when an issue needs it.
#[derive(Clone, Copy, Debug)]
struct Location {
    kind: EntityKind,
    study: usize,
    index: usize,
}

impl Location {
    fn pointer(self) -> String {
        match self.kind {
            EntityKind::Study => format!("/studies/{}", self.study),
            kind => format!("/studies/{}/{}/{}", self.study, kind.field(), self.index),
        }
    }
}

fn count_ids(document: &Document) -> usize {
    document
        .studies
        .iter()
        .map(|s| {
            1 + s.participants.len()
                + s.sources.len()
                + s.excerpts.len()
                + s.themes.len()
                + s.findings.len()
        })
        .sum()
}

struct Validator {
    report: Report,
    index: HashMap<Uuid, Location, IdHashState>,
}

impl Validator {
    fn run(&mut self, document: &Document) {
        if document.studies.is_empty() {
            self.report.push(Issue::warning(
                IssueCode::EmptyDocument,
                "/studies",
                "the document holds no studies",
            ));
        }
        self.extensions(&document.extensions, String::from("/extensions"));
        for (si, study) in document.studies.iter().enumerate() {
            self.index_study(si, study);
        }
        for (si, study) in document.studies.iter().enumerate() {
            self.study(si, study);
        }
        privacy::lint::check(document, &mut self.report);
    }

    fn index_study(&mut self, si: usize, study: &Study) {
        let ids = std::iter::once((EntityKind::Study, 0, study.id))
            .chain(
                study
                    .participants
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (EntityKind::Participant, i, p.id)),
            )
            .chain(
                study
                    .sources
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (EntityKind::Source, i, s.id)),
            )
            .chain(
                study
                    .excerpts
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (EntityKind::Excerpt, i, e.id)),
            )
            .chain(
                study
                    .themes
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (EntityKind::Theme, i, t.id)),
            )
            .chain(
                study
                    .findings
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (EntityKind::Finding, i, f.id)),
            );
        for (kind, index, id) in ids {
            let here = Location {
                kind,
                study: si,
                index,
            };
            match self.index.entry(id) {
                Entry::Vacant(slot) => {
                    slot.insert(here);
                }
                Entry::Occupied(first) => {
                    let first = *first.get();
                    self.report.push(Issue::error(
                        IssueCode::DuplicateId,
                        format!("{}/id", here.pointer()),
                        format!(
                            "id {id} of this {} is already the id of the {} at {}",
                            kind.name(),
                            first.kind.name(),
                            first.pointer()
                        ),
                    ));
                }
            }
        }
    }

    /// Checks that `id`, found at `path`, names an entity of `expected` kind
    /// in study `si`, and returns where that entity is when it does.
    fn reference(
        &mut self,
        si: usize,
        id: &Uuid,
        expected: EntityKind,
        path: impl FnOnce() -> String,
    ) -> Option<Location> {
        let problem = match self.index.get(id) {
            Some(found) if found.kind == expected && found.study == si => return Some(*found),
            Some(found) if found.kind == expected => (
                IssueCode::DanglingReference,
                format!(
                    "{} {id} belongs to another study ({}); references must stay within their study",
                    expected.name(),
                    found.pointer()
                ),
            ),
            Some(found) => (
                IssueCode::WrongReferenceKind,
                format!(
                    "expected {} id, but {id} is the id of the {} at {}",
                    expected.with_article(),
                    found.kind.name(),
                    found.pointer()
                ),
            ),
            None => (
                IssueCode::DanglingReference,
                format!("no {} has id {id}", expected.name()),
            ),
        };
        self.report.push(Issue::error(problem.0, path(), problem.1));
        None
    }

    fn study(&mut self, si: usize, study: &Study) {
        let at = |rest: &str| format!("/studies/{si}{rest}");
        self.citation(si, study);
        self.sample(si, study);
        for (i, source) in study.sources.iter().enumerate() {
            for (j, p) in source.participants.iter().enumerate() {
                self.reference(si, p, EntityKind::Participant, || {
                    at(&format!("/sources/{i}/participants/{j}"))
                });
            }
            if let (Some(round), Some(rounds)) = (source.round, study.design.interview_rounds) {
                if round == 0 || round > rounds {
                    self.report.push(Issue::error(
                        IssueCode::RoundOutOfRange,
                        at(&format!("/sources/{i}/round")),
                        format!("round {round} is outside the study's {rounds} interview round(s), counted from 1"),
                    ));
                }
            }
            if let Some(date) = source.date {
                self.date(date, || at(&format!("/sources/{i}/date")));
                if let Some(published) = study.citation.published {
                    if date > published {
                        self.report.push(Issue::error(
                            IssueCode::DateOutOfRange,
                            at(&format!("/sources/{i}/date")),
                            format!("data collected on {date}, after the study was published on {published}"),
                        ));
                    }
                }
            }
        }
        for (i, excerpt) in study.excerpts.iter().enumerate() {
            let source = self.reference(si, &excerpt.source, EntityKind::Source, || {
                at(&format!("/excerpts/{i}/source"))
            });
            if let Some(p) = &excerpt.participant {
                self.reference(si, p, EntityKind::Participant, || {
                    at(&format!("/excerpts/{i}/participant"))
                });
                if let Some(source) = source {
                    self.speaker_in_source(si, study, i, source, p);
                }
            }
        }
        for (i, theme) in study.themes.iter().enumerate() {
            if let Some(parent) = &theme.parent {
                self.reference(si, parent, EntityKind::Theme, || {
                    at(&format!("/themes/{i}/parent"))
                });
            }
        }
        self.theme_cycles(si, study);
        for (i, finding) in study.findings.iter().enumerate() {
            for (j, t) in finding.themes.iter().enumerate() {
                self.reference(si, t, EntityKind::Theme, || {
                    at(&format!("/findings/{i}/themes/{j}"))
                });
            }
            for (j, e) in finding.excerpts.iter().enumerate() {
                self.reference(si, e, EntityKind::Excerpt, || {
                    at(&format!("/findings/{i}/excerpts/{j}"))
                });
            }
            for (j, p) in finding.participants.iter().enumerate() {
                self.reference(si, p, EntityKind::Participant, || {
                    at(&format!("/findings/{i}/participants/{j}"))
                });
            }
            if let (Some(count), Some(total)) = (finding.endorsement_count, sample_total(study)) {
                if count > total {
                    self.report.push(Issue::error(
                        IssueCode::CountExceedsSample,
                        at(&format!("/findings/{i}/endorsement_count")),
                        format!(
                            "{count} participants endorse the finding, but the study had {total}"
                        ),
                    ));
                }
            }
        }
        self.vocabulary(si, study);
        self.extensions(&study.extensions, at("/extensions"));
    }

    fn citation(&mut self, si: usize, study: &Study) {
        let citation = &study.citation;
        if let Some(doi) = &citation.doi {
            if !doi.is_valid() {
                self.report.push(Issue::error(
                    IssueCode::InvalidDoi,
                    format!("/studies/{si}/citation/doi"),
                    format!(
                        "{:?} is not a DOI: expected \"10.<registrant>/<suffix>\", e.g. \"10.1111/hex.13151\"",
                        crate::util::truncate(doi.as_str(), 200)
                    ),
                ));
            }
        }
        if let Some(year) = citation.year {
            if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&year) {
                self.report.push(Issue::error(
                    IssueCode::DateOutOfRange,
                    format!("/studies/{si}/citation/year"),
                    format!("year {year} is outside {EARLIEST_YEAR}-{LATEST_YEAR}"),
                ));
            }
        }
        if let Some(published) = citation.published {
            self.date(published, || format!("/studies/{si}/citation/published"));
        }
    }

    fn date(&mut self, date: chrono::NaiveDate, path: impl FnOnce() -> String) {
        use chrono::Datelike;
        if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&date.year()) {
            self.report.push(Issue::error(
                IssueCode::DateOutOfRange,
                path(),
                format!("{date} is outside the years {EARLIEST_YEAR}-{LATEST_YEAR}"),
            ));
        }
    }

    fn sample(&mut self, si: usize, study: &Study) {
        let Some(sample) = &study.sample else {
            return;
        };
        // Listed participants per group, counted once: O(participants + groups).
        let mut listed: HashMap<&crate::vocabulary::Stakeholder, u64> = HashMap::new();
        for p in &study.participants {
            *listed.entry(&p.group).or_default() += 1;
        }
        let mut seen = HashMap::with_capacity(sample.groups.len());
        let mut sum: u64 = 0;
        let mut uncounted = 0;
        for (i, g) in sample.groups.iter().enumerate() {
            match g.count {
                Some(count) => sum += u64::from(count),
                None => uncounted += 1,
            }
            if let Some(first) = seen.insert(&g.group, i) {
                self.report.push(Issue::error(
                    IssueCode::DuplicateGroup,
                    format!("/studies/{si}/sample/groups/{i}/group"),
                    format!(
                        "group {} is already counted at /studies/{si}/sample/groups/{first}",
                        g.group
                    ),
                ));
            }
            let n = listed.get(&g.group).copied().unwrap_or(0);
            if let Some(count) = g.count.filter(|&c| n > u64::from(c)) {
                self.report.push(Issue::error(
                    IssueCode::SampleSizeMismatch,
                    format!("/studies/{si}/sample/groups/{i}/count"),
                    format!(
                        "{} {} participants are listed, but the sample counts {}",
                        n, g.group, count
                    ),
                ));
            }
        }
        if let Some(total) = sample.total {
            let counted_all = !sample.groups.is_empty() && uncounted == 0;
            if counted_all && sum != u64::from(total) {
                self.report.push(Issue::error(
                    IssueCode::SampleSizeMismatch,
                    format!("/studies/{si}/sample/total"),
                    format!("the groups add up to {sum}, but the total is {total}"),
                ));
            } else if uncounted > 0 && sum > u64::from(total) {
                self.report.push(Issue::error(
                    IssueCode::SampleSizeMismatch,
                    format!("/studies/{si}/sample/total"),
                    format!(
                        "the counted groups already add up to {sum}, more than the total of {total}"
                    ),
                ));
            }
            let n = study.participants.len() as u64;
            if n > u64::from(total) {
                self.report.push(Issue::error(
                    IssueCode::SampleSizeMismatch,
                    format!("/studies/{si}/sample/total"),
                    format!("{n} participants are listed, but the total is {total}"),
                ));
            }
        }
    }

    /// Checks that excerpt `i`'s speaker is among the participants of its
    /// source, found (by [`Validator::reference`]) at `found`.
    fn speaker_in_source(
        &mut self,
        si: usize,
        study: &Study,
        i: usize,
        found: Location,
        participant: &Uuid,
    ) {
        let source = &study.sources[found.index];
        // Sources list few participants (one, or a focus group's handful), so a scan is O(1) in practice.
        if !source.participants.is_empty() && !source.participants.contains(participant) {
            self.report.push(Issue::warning(
                IssueCode::ParticipantNotInSource,
                format!("/studies/{si}/excerpts/{i}/participant"),
                format!(
                    "participant {participant} is not among the participants of source /studies/{si}/sources/{}",
                    found.index
                ),
            ));
        }
    }

    /// Reports each theme whose parent chain loops, once per cycle, in linear
    /// time: every theme is walked at most once (colouring).
    fn theme_cycles(&mut self, si: usize, study: &Study) {
        const UNSEEN: u8 = 0;
        const ON_PATH: u8 = 1;
        const DONE: u8 = 2;
        let parent_of = |i: usize| -> Option<usize> {
            let parent = study.themes[i].parent.as_ref()?;
            let found = self.index.get(parent)?;
            (found.kind == EntityKind::Theme && found.study == si).then_some(found.index)
        };
        let parents: Vec<Option<usize>> = (0..study.themes.len()).map(parent_of).collect();
        let mut state = vec![UNSEEN; study.themes.len()];
        let mut path = Vec::new();
        for start in 0..study.themes.len() {
            let mut at = Some(start);
            while let Some(i) = at {
                match state[i] {
                    UNSEEN => {
                        state[i] = ON_PATH;
                        path.push(i);
                        at = parents[i];
                    }
                    ON_PATH => {
                        // `i` is on the current path: the cycle is path[from..].
                        let from = path.iter().position(|&p| p == i).unwrap_or(0);
                        let cycle: Vec<String> = path[from..]
                            .iter()
                            .map(|&t| format!("/studies/{si}/themes/{t}"))
                            .collect();
                        self.report.push(Issue::error(
                            IssueCode::CyclicTheme,
                            format!("/studies/{si}/themes/{i}/parent"),
                            format!(
                                "themes form a cycle through their parents: {}",
                                cycle.join(" -> ")
                            ),
                        ));
                        break;
                    }
                    _ => break,
                }
            }
            for &t in &path {
                state[t] = DONE;
            }
            path.clear();
        }
    }

    fn vocabulary(&mut self, si: usize, study: &Study) {
        let base = format!("/studies/{si}");
        for (i, m) in study.design.methods.iter().enumerate() {
            self.code(m, || format!("{base}/design/methods/{i}"));
        }
        for (i, a) in study.design.analyses.iter().enumerate() {
            self.code(a, || format!("{base}/design/analyses/{i}"));
        }
        for (i, s) in study.settings.iter().enumerate() {
            self.code(s, || format!("{base}/settings/{i}"));
        }
        if let Some(sample) = &study.sample {
            for (i, g) in sample.groups.iter().enumerate() {
                self.code(&g.group, || format!("{base}/sample/groups/{i}/group"));
            }
        }
        for (i, p) in study.participants.iter().enumerate() {
            self.code(&p.group, || format!("{base}/participants/{i}/group"));
            if let Some(r) = &p.role_title {
                self.code(r, || format!("{base}/participants/{i}/role_title"));
            }
            if let Some(s) = &p.setting {
                self.code(s, || format!("{base}/participants/{i}/setting"));
            }
            if let Some(e) = &p.employment {
                self.code(e, || format!("{base}/participants/{i}/employment"));
            }
        }
        for (i, s) in study.sources.iter().enumerate() {
            if let Some(m) = &s.method {
                self.code(m, || format!("{base}/sources/{i}/method"));
            }
        }
        for (i, f) in study.findings.iter().enumerate() {
            if let Some(basis) = &f.basis {
                self.code(basis, || format!("{base}/findings/{i}/basis"));
            }
            if !f.extensions.is_empty() {
                self.extensions(&f.extensions, format!("{base}/findings/{i}/extensions"));
            }
            for (j, g) in f.reported_by.iter().enumerate() {
                self.code(g, || format!("{base}/findings/{i}/reported_by/{j}"));
            }
            for (j, link) in f.concepts.iter().enumerate() {
                self.code(&link.stance, || {
                    format!("{base}/findings/{i}/concepts/{j}/stance")
                });
                if link.concept.kind().is_none() {
                    self.report.push(Issue::warning(
                        IssueCode::UnknownConceptKind,
                        format!("{base}/findings/{i}/concepts/{j}/kind"),
                        format!(
                            "concept kind {:?} is not one this version knows; the link is kept as written",
                            link.concept.kind_code()
                        ),
                    ));
                } else if !link.concept.is_known() {
                    self.report.push(Issue::warning(
                        IssueCode::UnknownVocabularyCode,
                        format!("{base}/findings/{i}/concepts/{j}/code"),
                        format!(
                            "{} code {:?} is not in this version's codebook; it is kept as written",
                            link.concept.kind_code(),
                            link.concept.code()
                        ),
                    ));
                }
            }
        }
    }

    fn code<T: Vocabulary>(&mut self, value: &T, path: impl FnOnce() -> String) {
        if value.definition().is_none() {
            self.report.push(Issue::warning(
                IssueCode::UnknownVocabularyCode,
                path(),
                format!(
                    "{} code {:?} is not in this version's codebook; it is kept as written",
                    T::KIND,
                    value.code()
                ),
            ));
        }
    }

    fn extensions(&mut self, extensions: &Extensions, base: String) {
        for key in extensions.0.keys() {
            if !Extensions::is_namespaced(key) {
                let mut path = base.clone();
                pointer::push_segment(&mut path, key);
                self.report.push(Issue::error(
                    IssueCode::InvalidExtensionKey,
                    path,
                    format!(
                        "extension key {:?} has no namespace; use \"namespace:name\", e.g. \"nvivo:node_id\"",
                        crate::util::truncate(key, 200)
                    ),
                ));
            }
        }
    }
}

fn sample_total(study: &Study) -> Option<u32> {
    study.sample.as_ref()?.size()
}

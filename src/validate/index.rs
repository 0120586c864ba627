//! The id index: every entity's id, where it is, and whether a reference
//! names an entity of the right kind in the same study.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use uuid::Uuid;

use super::Validator;
use crate::diagnostics::pointer::Path;
use crate::diagnostics::{Issue, IssueCode, Report};
use crate::study::{Document, Study};
use crate::util::hash::IdHashState;

/// Every id of a document and where its first holder is.
pub(super) type IdIndex = HashMap<Uuid, Location, IdHashState>;

/// The kinds of entity that have ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum EntityKind {
    Study,
    Participant,
    Source,
    Excerpt,
    Theme,
    Finding,
    IncludedStudy,
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
            EntityKind::IncludedStudy => "included study",
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
            EntityKind::IncludedStudy => "an included study",
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
            EntityKind::IncludedStudy => "review/included",
        }
    }
}

/// Where an entity is: enough to build its pointer when an issue needs it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Location {
    pub(super) kind: EntityKind,
    pub(super) study: usize,
    pub(super) index: usize,
}

impl Location {
    pub(super) fn pointer(self) -> String {
        match self.kind {
            EntityKind::Study => format!("/studies/{}", self.study),
            kind => format!("/studies/{}/{}/{}", self.study, kind.field(), self.index),
        }
    }
}

pub(super) fn count_ids(document: &Document) -> usize {
    document
        .studies
        .iter()
        .map(|s| {
            1 + s.participants.len()
                + s.sources.len()
                + s.excerpts.len()
                + s.themes.len()
                + s.findings.len()
                + s.review.as_ref().map_or(0, |r| r.included.len())
        })
        .sum()
}

/// Adds study `si`'s ids to `index`, with a `duplicate_id` error in
/// `report` for each id already there.
pub(super) fn index_study(into: &mut IdIndex, report: &mut Report, si: usize, study: &Study) {
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
        )
        .chain(
            study
                .review
                .iter()
                .flat_map(|r| r.included.iter().enumerate())
                .map(|(i, s)| (EntityKind::IncludedStudy, i, s.id)),
        );
    for (kind, index, id) in ids {
        let here = Location {
            kind,
            study: si,
            index,
        };
        match into.entry(id) {
            Entry::Vacant(slot) => {
                slot.insert(here);
            }
            Entry::Occupied(first) => {
                let first = *first.get();
                report.push(Issue::error(
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

impl Validator<'_> {
    /// Checks that `id`, found at `path`, names an entity of `expected` kind
    /// in study `si`, and returns where that entity is when it does.
    pub(super) fn reference(
        &mut self,
        si: usize,
        id: &Uuid,
        expected: EntityKind,
        path: &Path<'_>,
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
        self.report
            .push(Issue::error(problem.0, path.to_pointer(), problem.1));
        None
    }
}

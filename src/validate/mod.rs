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
//! let codes: Vec<_> = loaded.report.errors().map(|i| (i.code.clone(), i.path.as_str())).collect();
//! assert_eq!(codes, [
//!     (IssueCode::InvalidDoi, "/studies/0/citation/doi"),
//!     (IssueCode::CyclicTheme, "/studies/0/themes/0/parent"),
//! ]);
//! # Ok::<(), peer_support::document::ReadError>(())
//! ```

mod cerqual;
mod codebook;
mod dates;
mod index;
mod references;
mod review;
mod sample;
mod themes;
mod unknown;
mod vocabulary;

use std::collections::HashSet;
use std::thread;

use crate::diagnostics::pointer::Path;
pub use crate::diagnostics::{Issue, IssueCode, Report, Severity};
use crate::privacy;
use crate::study::{Concept, Document, Study};
use crate::util::hash::IdHashState;
use index::{EntityKind, IdIndex, count_ids, index_study};

impl Document {
    /// Validates the document: every issue, each with its severity, stable
    /// code and JSON Pointer path. The same as [`validate`].
    pub fn validate(&self) -> Report {
        validate(self)
    }
}

/// Validates a document, returning every issue found.
///
/// A document of [`PARALLEL_FROM_EXCERPTS`] excerpts or more is validated
/// on two threads when the machine has more than one core (a scoped thread,
/// joined before this returns); the report is the same, issue for issue and
/// in the same order, as [`validate_on_one_thread`]'s.
pub fn validate(document: &Document) -> Report {
    let two = document
        .studies
        .iter()
        .map(|s| s.excerpts.len())
        .sum::<usize>()
        >= PARALLEL_FROM_EXCERPTS
        && thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    run(document, two)
}

/// Validates a document on the calling thread only: the same report as
/// [`validate`], for callers that do not want a library to start threads.
///
/// ```
/// use peer_support::{Document, validate};
///
/// let document = Document::default();
/// assert_eq!(validate::validate_on_one_thread(&document), validate::validate(&document));
/// ```
pub fn validate_on_one_thread(document: &Document) -> Report {
    run(document, false)
}

/// The number of excerpts from which [`validate`] uses a second thread.
/// Below it, validation takes well under a millisecond and starting a
/// thread would cost a noticeable part of that.
pub const PARALLEL_FROM_EXCERPTS: usize = 5_000;

/// Runs every check. With `two`, the personal-data lint runs on a second
/// thread while this one indexes the ids (neither needs the other), and the
/// studies' checks are then split between the two threads at about half the
/// excerpts; each part reports into its own `Report`, and the parts are
/// joined in the order the sequential run produces them.
fn run(document: &Document, two: bool) -> Report {
    // Outside the scope, so the second thread can borrow it once it is built.
    let mut index = IdIndex::with_capacity_and_hasher(count_ids(document), IdHashState::new());
    let building = &mut index;
    let declared: HashSet<Concept> = document
        .concepts
        .iter()
        .map(|d| d.concept.clone())
        .collect();
    let declared = &declared;
    thread::scope(|scope| {
        let lint = two.then(|| scope.spawn(|| lint(document)));
        let mut duplicates = Report::new();
        for (si, study) in document.studies.iter().enumerate() {
            index_study(building, &mut duplicates, si, study);
        }
        let index: &IdIndex = building;
        let mut v = Validator {
            report: Report::new(),
            index,
            declared,
        };
        v.unknown_fields(document);
        if document.studies.is_empty() {
            v.report.push(Issue::warning(
                IssueCode::EmptyDocument,
                "/studies",
                "the document holds no studies",
            ));
        }
        v.document_extensions(&document.extensions);
        v.project_codebook(document);
        v.report.extend(duplicates.issues);
        let split = if two {
            half_the_excerpts(document)
        } else {
            document.studies.len()
        };
        let (first, second) = document.studies.split_at(split);
        let second = (!second.is_empty()).then(|| {
            scope.spawn(move || {
                let mut v = Validator {
                    report: Report::new(),
                    index,
                    declared,
                };
                for (si, study) in second.iter().enumerate() {
                    v.study(split + si, study);
                }
                v.report
            })
        });
        for (si, study) in first.iter().enumerate() {
            v.study(si, study);
        }
        if let Some(second) = second {
            v.report.extend(joined(second).issues);
        }
        review::duplicate_dois(document, &mut v);
        match lint {
            Some(lint) => v.report.extend(joined(lint).issues),
            None => v.report.extend(self::lint(document).issues),
        }
        v.report
    })
}

fn lint(document: &Document) -> Report {
    let mut report = Report::new();
    privacy::lint::check(document, &mut report);
    report
}

/// The thread's result, or its panic passed on.
fn joined<T>(handle: thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// The first study of the second half: the first one, after the first,
/// whose middle excerpt is at or past the middle of all of them.
fn half_the_excerpts(document: &Document) -> usize {
    let studies = &document.studies;
    let total: usize = studies.iter().map(|s| s.excerpts.len()).sum();
    let mut before = 0;
    for (i, study) in studies.iter().enumerate() {
        if i > 0 && before * 2 + study.excerpts.len() >= total {
            return i;
        }
        before += study.excerpts.len();
    }
    studies.len()
}

/// The checks of one part of a document, reporting into their own `report`
/// and reading the shared id index.
struct Validator<'i> {
    report: Report,
    index: &'i IdIndex,
    /// The concepts the document declares: known codes to its findings.
    declared: &'i HashSet<Concept>,
}

impl Validator<'_> {
    fn study(&mut self, si: usize, study: &Study) {
        let studies = Path::ROOT.key("studies");
        let here = studies.index(si);
        self.study_kind(study, &here);
        self.citation(study, &here.key("citation"));
        self.search_period(study, &here);
        self.included_citations(study, &here);
        self.sample(study, &here);
        let sources = here.key("sources");
        for (i, source) in study.sources.iter().enumerate() {
            let at = sources.index(i);
            let participants = at.key("participants");
            for (j, p) in source.participants.iter().enumerate() {
                self.reference(si, p, EntityKind::Participant, &participants.index(j));
            }
            self.round(source, study, &at.key("round"));
            self.source_date(source, study, &at.key("date"));
        }
        let excerpts = here.key("excerpts");
        for (i, excerpt) in study.excerpts.iter().enumerate() {
            let at = excerpts.index(i);
            let source = self.reference(si, &excerpt.source, EntityKind::Source, &at.key("source"));
            if let Some(p) = &excerpt.participant {
                let speaker = at.key("participant");
                self.reference(si, p, EntityKind::Participant, &speaker);
                if let Some(source) = source {
                    self.speaker_in_source(study, source, p, &speaker);
                }
            }
        }
        let themes = here.key("themes");
        for (i, theme) in study.themes.iter().enumerate() {
            if let Some(parent) = &theme.parent {
                self.reference(
                    si,
                    parent,
                    EntityKind::Theme,
                    &themes.index(i).key("parent"),
                );
            }
        }
        self.theme_cycles(si, study);
        let findings = here.key("findings");
        for (i, finding) in study.findings.iter().enumerate() {
            let at = findings.index(i);
            let refs = [
                (&finding.themes, EntityKind::Theme, "themes"),
                (&finding.excerpts, EntityKind::Excerpt, "excerpts"),
                (
                    &finding.participants,
                    EntityKind::Participant,
                    "participants",
                ),
                (
                    &finding.contributing,
                    EntityKind::IncludedStudy,
                    "contributing",
                ),
            ];
            for (ids, kind, field) in refs {
                let list = at.key(field);
                for (j, id) in ids.iter().enumerate() {
                    self.reference(si, id, kind, &list.index(j));
                }
            }
            self.endorsement(finding, study, &at);
            self.cerqual(finding, study, &at);
        }
        self.vocabulary(study, &here);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::{Citation, DataSource, Excerpt, Finding, Text};
    use uuid::Uuid;

    fn text(s: &str) -> Text {
        Text::new(s).unwrap()
    }

    /// Four studies with issues of every phase in several of them: ids
    /// repeated across studies, references dangling, into another study and
    /// of the wrong kind, and personal data.
    fn troubled() -> Document {
        let id = Uuid::from_u128;
        let mut studies = Vec::new();
        for s in 0..4u128 {
            let mut study = Study::new(id(1000 * s + 1), Citation::new(text("A study")));
            study.sources.push(DataSource::new(id(1000 * s + 2)));
            for e in 0..3u128 {
                study.excerpts.push(Excerpt::new(
                    id(1000 * s + 10 + e),
                    text(if e == 1 { "call 07700 900123" } else { "fine" }),
                    id(1000 * s + 2),
                ));
            }
            let mut finding = Finding::new(id(1000 * s + 100), text("A finding"));
            finding.excerpts = vec![id(1000 * s + 10), id(999), id(1000 * ((s + 1) % 4) + 11)];
            finding.themes = vec![id(1000 * s + 2)];
            study.findings.push(finding);
            studies.push(study);
        }
        // The same excerpt id in the second and the fourth study.
        studies[3].excerpts[0].id = studies[1].excerpts[0].id;
        Document::new(studies)
    }

    #[test]
    fn two_threads_report_exactly_what_one_does() {
        let document = troubled();
        let one = run(&document, false);
        let two = run(&document, true);
        assert_eq!(two, one);
        assert_eq!(half_the_excerpts(&document), 2);
        let studies_with_issues: std::collections::BTreeSet<_> = one
            .issues
            .iter()
            .filter_map(|i| i.path.strip_prefix("/studies/")?.split('/').next())
            .collect();
        assert_eq!(studies_with_issues.len(), 4, "{one}");
        for code in [
            IssueCode::DuplicateId,
            IssueCode::DanglingReference,
            IssueCode::WrongReferenceKind,
            IssueCode::PossiblePersonalData,
        ] {
            assert!(one.issues.iter().any(|i| i.code == code), "{code:?}: {one}");
        }
        assert_eq!(validate_on_one_thread(&document), one);
        assert_eq!(validate(&document), one);
    }

    #[test]
    fn the_split_leaves_a_study_on_each_side() {
        let one = Document::new(vec![Study::new(
            Uuid::from_u128(1),
            Citation::new(text("A study")),
        )]);
        assert_eq!(half_the_excerpts(&one), 1);
        assert_eq!(half_the_excerpts(&Document::default()), 0);
        let mut document = troubled();
        document.studies[0].excerpts.clear();
        assert_eq!(half_the_excerpts(&document), 2);
        document.studies[1].excerpts.clear();
        document.studies[2].excerpts.clear();
        assert_eq!(half_the_excerpts(&document), 3);
    }
}

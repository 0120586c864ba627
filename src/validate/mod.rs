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

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use crate::diagnostics::pointer::Path;
pub use crate::diagnostics::{Issue, IssueCode, Report, Severity};
use crate::privacy;
use crate::study::{Concept, Document, Study};
use crate::util::hash::IdHashState;
use index::{EntityKind, Location, count_ids};

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
        declared: document
            .concepts
            .iter()
            .map(|d| d.concept.clone())
            .collect(),
    };
    v.run(document);
    v.report
}

struct Validator {
    report: Report,
    index: HashMap<Uuid, Location, IdHashState>,
    /// The concepts the document declares: known codes to its findings.
    declared: HashSet<Concept>,
}

impl Validator {
    fn run(&mut self, document: &Document) {
        self.unknown_fields(document);
        if document.studies.is_empty() {
            self.report.push(Issue::warning(
                IssueCode::EmptyDocument,
                "/studies",
                "the document holds no studies",
            ));
        }
        self.document_extensions(&document.extensions);
        self.project_codebook(document);
        for (si, study) in document.studies.iter().enumerate() {
            self.index_study(si, study);
        }
        for (si, study) in document.studies.iter().enumerate() {
            self.study(si, study);
        }
        review::duplicate_dois(document, self);
        privacy::lint::check(document, &mut self.report);
    }

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

//! Codes this version does not know (kept, and reported as warnings) and
//! extension keys without a namespace.

use super::Validator;
use crate::diagnostics::pointer::{self, Path};
use crate::diagnostics::{Issue, IssueCode, Report};
use crate::study::walk::{self, Visit};
use std::collections::HashSet;

use crate::study::{Concept, ConceptLink, Extensions, Study};
use crate::vocabulary::Vocabulary;

impl Validator<'_> {
    /// Every code, concept link and extensions object of the study at `path`.
    pub(super) fn vocabulary(&mut self, study: &Study, path: &Path<'_>) {
        walk::walk_study(
            study,
            path,
            &mut Codes {
                report: &mut self.report,
                declared: self.declared,
            },
        );
    }

    /// The document's own extensions.
    pub(super) fn document_extensions(&mut self, extensions: &Extensions) {
        Codes {
            report: &mut self.report,
            declared: &HashSet::new(),
        }
        .extensions(extensions, &Path::ROOT.key("extensions"));
    }
}

struct Codes<'r> {
    report: &'r mut Report,
    /// The document's declared concepts, which its findings may link.
    declared: &'r HashSet<Concept>,
}

impl<'d> Visit<'d> for Codes<'_> {
    fn code<V: Vocabulary>(&mut self, value: &'d V, path: &Path<'_>) {
        if value.definition().is_none() {
            self.report.push(Issue::warning(
                IssueCode::UnknownVocabularyCode,
                path.to_pointer(),
                format!(
                    "{} code {:?} is not in this version's codebook; it is kept as written",
                    V::KIND,
                    value.code()
                ),
            ));
        }
    }

    fn concept(&mut self, link: &'d ConceptLink, path: &Path<'_>) {
        if link.concept.kind().is_none() {
            self.report.push(Issue::warning(
                IssueCode::UnknownConceptKind,
                path.key("kind").to_pointer(),
                format!(
                    "concept kind {:?} is not one this version knows; the link is kept as written",
                    link.concept.kind_code()
                ),
            ));
        } else if !link.concept.is_known() && !self.declared.contains(&link.concept) {
            self.report.push(Issue::warning(
                IssueCode::UnknownVocabularyCode,
                path.key("code").to_pointer(),
                format!(
                    "{} code {:?} is not in this version's codebook; it is kept as written",
                    link.concept.kind_code(),
                    link.concept.code()
                ),
            ));
        }
    }

    fn extensions(&mut self, extensions: &'d Extensions, path: &Path<'_>) {
        for key in extensions.keys() {
            if !Extensions::is_namespaced(key) {
                let mut at = path.to_pointer();
                pointer::push_segment(&mut at, key);
                self.report.push(Issue::error(
                    IssueCode::InvalidExtensionKey,
                    at,
                    format!(
                        "extension key {:?} has no namespace; use \"namespace:name\", e.g. \"nvivo:node_id\"",
                        crate::util::truncate(key, 200)
                    ),
                ));
            }
        }
    }
}

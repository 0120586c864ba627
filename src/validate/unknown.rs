//! Fields this version of the format does not define: kept on their
//! objects, and reported so that nobody relies on them unawares.

use super::Validator;
use crate::diagnostics::pointer::Path;
use crate::diagnostics::{Issue, IssueCode, Report};
use crate::study::walk::{self, Visit};
use crate::study::{Document, UnknownFields};

impl Validator<'_> {
    /// One `unknown_field` warning per unknown field, in document order.
    pub(super) fn unknown_fields(&mut self, document: &Document) {
        walk::walk(document, &mut Unknown(&mut self.report));
    }
}

struct Unknown<'r>(&'r mut Report);

impl<'d> Visit<'d> for Unknown<'_> {
    fn unknown(&mut self, fields: &'d UnknownFields, path: &Path<'_>) {
        for (key, _) in fields {
            self.0.push(Issue::warning(
                IssueCode::UnknownField,
                path.key(key).to_pointer(),
                format!(
                    "field {:?} is not defined by this version of the format; it is kept and written back as it is",
                    crate::util::truncate(key, 200)
                ),
            ));
        }
    }
}

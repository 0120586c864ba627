//! The report that collects a document's issues.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Issue, IssueCode};

/// Every issue found in a document, in document order within each check.
///
/// ```
/// use peer_support::validate::{Issue, IssueCode, Report};
///
/// let mut report = Report::new();
/// report.push(Issue::warning(IssueCode::EmptyDocument, "/studies", "no studies"));
/// assert!(!report.has_errors());
/// assert_eq!(report.warnings().count(), 1);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
#[must_use = "a report lists the problems found; dropping it ignores them"]
pub struct Report {
    /// The issues.
    pub issues: Vec<Issue>,
}

impl Report {
    /// An empty report.
    pub fn new() -> Self {
        Report::default()
    }

    /// Adds an issue.
    pub fn push(&mut self, issue: Issue) {
        self.issues.push(issue);
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.is_error())
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| !i.is_error())
    }

    /// Whether any issue is an error.
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(Issue::is_error)
    }

    /// Whether there are no issues at all.
    pub fn is_empty(&self) -> bool {
        self.issues.is_empty()
    }

    /// The issues with a given code.
    pub fn with_code(&self, code: IssueCode) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(move |i| i.code == code)
    }
}

impl fmt::Display for Report {
    /// One issue per line; nothing for an empty report.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for issue in &self.issues {
            writeln!(f, "{issue}")?;
        }
        Ok(())
    }
}

impl Extend<Issue> for Report {
    fn extend<T: IntoIterator<Item = Issue>>(&mut self, iter: T) {
        self.issues.extend(iter);
    }
}

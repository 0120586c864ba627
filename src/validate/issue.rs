//! Validation issues and the report that collects them.

use std::fmt;

use serde::{Deserialize, Serialize};

closed_codes! {
    /// How serious an issue is.
    pub enum Severity: kind "severity" {
        /// The document breaks the format's rules; tools should not trust it.
        Error = "error", "Error",
        /// The document loads and is usable, but something deserves a look.
        Warning = "warning", "Warning",
    }
}

closed_codes! {
    /// The stable, machine-readable code of a validation issue. Codes are part
    /// of the public contract: tools match on them, so they never change.
    #[non_exhaustive]
    pub enum IssueCode: kind "issue code" {
        /// Error: an id is used by more than one entity in the document.
        DuplicateId = "duplicate_id", "Duplicate id",
        /// Error: a reference names no entity of the study.
        DanglingReference = "dangling_reference", "Dangling reference",
        /// Error: a reference names an entity of the wrong kind.
        WrongReferenceKind = "wrong_reference_kind", "Wrong reference kind",
        /// Error: themes are their own ancestors.
        CyclicTheme = "cyclic_theme", "Cyclic theme",
        /// Error: sample counts disagree with each other or with the listed participants.
        SampleSizeMismatch = "sample_size_mismatch", "Sample size mismatch",
        /// Error: a stakeholder group appears twice in a sample.
        DuplicateGroup = "duplicate_group", "Duplicate group",
        /// Error: a finding is endorsed by more participants than the study had.
        CountExceedsSample = "count_exceeds_sample", "Count exceeds sample",
        /// Warning: a vocabulary code this version does not know (kept as written).
        UnknownVocabularyCode = "unknown_vocabulary_code", "Unknown vocabulary code",
        /// Warning: a concept link of a kind this version does not know, or not a concept kind.
        UnknownConceptKind = "unknown_concept_kind", "Unknown concept kind",
        /// Warning (error in strict mode): a field this version does not know; it was not loaded.
        UnknownField = "unknown_field", "Unknown field",
        /// Warning: the document is a newer minor version than this reader.
        NewerMinorVersion = "newer_minor_version", "Newer minor version",
        /// Warning: the document was migrated from an older schema version.
        MigratedDocument = "migrated_document", "Migrated document",
        /// Error: a DOI that is not DOI syntax.
        InvalidDoi = "invalid_doi", "Invalid DOI",
        /// Error: a date that cannot be right (data collected after publication, an implausible year).
        DateOutOfRange = "date_out_of_range", "Date out of range",
        /// Error: an interview round beyond the study's number of rounds.
        RoundOutOfRange = "round_out_of_range", "Round out of range",
        /// Error: an extension key without a `namespace:` prefix.
        InvalidExtensionKey = "invalid_extension_key", "Invalid extension key",
        /// Warning: an excerpt's participant is not among its source's participants.
        ParticipantNotInSource = "participant_not_in_source", "Participant not in source",
        /// Warning: free text that looks like personal data (email, phone, NHS number, postcode, date of birth).
        PossiblePersonalData = "possible_personal_data", "Possible personal data",
        /// Warning: the document holds no studies.
        EmptyDocument = "empty_document", "Empty document",
    }
}

/// One problem found in a document.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Issue {
    /// Error or warning.
    pub severity: Severity,
    /// The stable code.
    pub code: IssueCode,
    /// JSON Pointer (RFC 6901) to the offending value; `""` is the whole document.
    pub path: String,
    /// What is wrong, for people.
    pub message: String,
}

impl Issue {
    /// An error.
    pub fn error(code: IssueCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        Issue {
            severity: Severity::Error,
            code,
            path: path.into(),
            message: message.into(),
        }
    }

    /// A warning.
    pub fn warning(code: IssueCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        Issue {
            severity: Severity::Warning,
            code,
            path: path.into(),
            message: message.into(),
        }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(document)"
        } else {
            &self.path
        };
        write!(
            f,
            "{}[{}] {}: {}",
            self.severity, self.code, path, self.message
        )
    }
}

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

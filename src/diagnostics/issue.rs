//! One problem found in a document.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{IssueCode, Severity};

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

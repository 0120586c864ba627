//! Why a document could not be read.

use std::fmt;

use serde_json::error::Category;

use super::{MigrationError, SCHEMA_ID, SchemaVersion};
use crate::diagnostics::Issue;

/// Why a document could not be read.
///
/// Validation problems are not read errors: a document that parses is
/// returned with its [`Report`](crate::Report). These are the cases where
/// there is no document to return.
///
/// Each message says what happened; the underlying error, when there is
/// one, is its [`source`](std::error::Error::source), not repeated in the
/// message, so a reporter that prints the chain prints each part once.
///
/// ```
/// use std::error::Error;
/// use peer_support::document::ReadError;
///
/// let json = r#"{"schema": "urn:peer-support:study-document", "schema_version": "1.0.0",
///   "studies": [{"id": "a0000000-0000-4000-8000-000000000001", "citation": {"title": " "}}]}"#;
/// let ReadError::Json(error) = peer_support::from_str(json).unwrap_err() else { panic!() };
/// assert_eq!(error.path(), "/studies/0/citation/title");
/// assert_eq!((error.line(), error.column()), (2, 87));
/// assert_eq!(error.to_string(), "invalid value at /studies/0/citation/title");
/// assert_eq!(
///     error.source().unwrap().to_string(),
///     "text must not be empty or only whitespace at line 2 column 87"
/// );
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The input is not valid JSON, or a value has the wrong shape.
    #[error(transparent)]
    Json(JsonError),
    /// The input could not be read.
    #[error("could not read the document")]
    Io(#[source] std::io::Error),
    /// The `schema` field names another format.
    #[error("not a peer-support document: \"schema\" is {found:?}, expected {SCHEMA_ID:?}")]
    WrongSchema {
        /// The `schema` value found.
        found: String,
    },
    /// The document's major version is not one this reader can load.
    #[error(
        "unsupported schema_version {found}: this reader understands {supported} (major version {}); {}",
        supported.major,
        if found > supported { "upgrade peer-support to read it" } else { "no migration exists from it" }
    )]
    UnsupportedVersion {
        /// The version the document declares.
        found: SchemaVersion,
        /// The newest version this reader understands.
        supported: SchemaVersion,
    },
    /// Strict mode, and the document has fields this version does not know.
    #[error("{}", unknown_fields(issues))]
    UnknownFields {
        /// One `unknown_field` error per field, with its path.
        issues: Vec<Issue>,
    },
    /// Migrating an older document failed.
    #[error(transparent)]
    Migration(#[from] MigrationError),
}

impl From<std::io::Error> for ReadError {
    fn from(error: std::io::Error) -> Self {
        ReadError::Io(error)
    }
}

fn unknown_fields(issues: &[Issue]) -> String {
    match issues.first() {
        Some(first) => format!(
            "{} unknown field(s) in strict mode, the first at {}",
            issues.len(),
            display_path(&first.path)
        ),
        None => "unknown fields in strict mode".to_owned(),
    }
}

fn display_path(path: &str) -> &str {
    if path.is_empty() { "(document)" } else { path }
}

/// Input that is not JSON, or a JSON value of the wrong shape: where, and
/// the `serde_json` error (its [`source`](std::error::Error::source)).
#[derive(Debug)]
pub struct JsonError {
    path: String,
    error: serde_json::Error,
}

impl JsonError {
    pub(crate) fn new(path: String, error: serde_json::Error) -> Self {
        JsonError { path, error }
    }

    /// JSON Pointer to the value being read when it failed (`""` = the
    /// document).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// 1-based line of the failure; 0 when there is no position (a document
    /// migrated from an older version is read from a value, not from text).
    pub fn line(&self) -> usize {
        self.error.line()
    }

    /// 1-based column of the failure; 0 when there is no position.
    pub fn column(&self) -> usize {
        self.error.column()
    }

    /// What kind of failure: malformed JSON ([`Category::Syntax`]), input
    /// that ended too soon ([`Category::Eof`]), or a value the format does
    /// not allow ([`Category::Data`]).
    pub fn category(&self) -> Category {
        self.error.classify()
    }

    /// What went wrong, without the position `serde_json` appends to its
    /// messages (see [`JsonError::line`] and [`JsonError::column`]).
    pub fn message(&self) -> String {
        let message = self.error.to_string();
        let suffix = format!(" at line {} column {}", self.line(), self.column());
        match message.strip_suffix(&suffix) {
            Some(stripped) => stripped.to_owned(),
            None => message,
        }
    }

    /// The `serde_json` error.
    pub fn json_error(&self) -> &serde_json::Error {
        &self.error
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.category() {
            Category::Syntax => "malformed JSON",
            Category::Eof => "the document ends early",
            Category::Data => "invalid value",
            Category::Io => "could not read the document",
        };
        write!(f, "{what} at {}", display_path(&self.path))
    }
}

impl std::error::Error for JsonError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_displays_without_panicking() {
        let empty = ReadError::UnknownFields { issues: Vec::new() };
        assert_eq!(empty.to_string(), "unknown fields in strict mode");
        let io = ReadError::from(std::io::Error::other("disk on fire"));
        assert_eq!(io.to_string(), "could not read the document");
        assert_eq!(
            std::error::Error::source(&io).unwrap().to_string(),
            "disk on fire"
        );
    }

    #[test]
    fn json_errors_have_a_category_and_a_position() {
        let error = serde_json::from_str::<serde_json::Value>("{\n  \"a\": ").unwrap_err();
        let error = JsonError::new(String::new(), error);
        assert_eq!(error.category(), Category::Eof);
        assert_eq!((error.line(), error.column()), (2, 7));
        assert_eq!(error.to_string(), "the document ends early at (document)");
        assert_eq!(error.message(), "EOF while parsing a value");
        let error = serde_json::from_str::<serde_json::Value>("[1,]").unwrap_err();
        let error = JsonError::new("/0".into(), error);
        assert_eq!(error.category(), Category::Syntax);
        assert_eq!(error.to_string(), "malformed JSON at /0");
    }
}

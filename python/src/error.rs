//! `peer_support.ReadError`: a document that cannot be read.

use peer_support::document::ReadError as CrateReadError;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::Issue;

pyo3::create_exception!(
    peer_support,
    ReadError,
    PyValueError,
    "A document that cannot be read: malformed JSON, a value of the wrong \
     shape, another format, an unsupported major version, or unknown fields \
     in strict mode.\n\n\
     Attributes: `kind` (`\"syntax\"`, `\"eof\"`, `\"data\"`, `\"io\"`, \
     `\"wrong_schema\"`, `\"unsupported_version\"`, `\"unknown_fields\"`, \
     `\"migration\"`), `path` (JSON Pointer to the value being read, `\"\"` \
     for the document), `line` and `column` (1-based position in the input, \
     `None` when there is none) and `issues` (for `\"unknown_fields\"`, one \
     error per field)."
);

/// The Python exception for a crate read error. `positions` is false when
/// the JSON was written from Python values, whose line and column would
/// point into text the caller never saw.
pub(crate) fn read_error(py: Python<'_>, error: &CrateReadError, positions: bool) -> PyErr {
    let mut message = error.to_string();
    let mut path = String::new();
    let mut position = None;
    let mut issues = Vec::new();
    let kind = match error {
        CrateReadError::Json(json) => {
            path = json.path().to_owned();
            message = format!("{message}: {}", json.message());
            if positions && json.line() > 0 {
                position = Some((json.line(), json.column()));
                message = format!("{message} (line {}, column {})", json.line(), json.column());
            }
            match json.category() {
                serde_json::error::Category::Syntax => "syntax",
                serde_json::error::Category::Eof => "eof",
                serde_json::error::Category::Data => "data",
                serde_json::error::Category::Io => "io",
            }
        }
        CrateReadError::Io(_) => "io",
        CrateReadError::WrongSchema { .. } => {
            path = "/schema".to_owned();
            "wrong_schema"
        }
        CrateReadError::UnsupportedVersion { .. } => {
            path = "/schema_version".to_owned();
            "unsupported_version"
        }
        CrateReadError::UnknownFields { issues: found } => {
            path = found.first().map(|i| i.path.clone()).unwrap_or_default();
            issues = found.iter().map(Issue::from).collect();
            "unknown_fields"
        }
        CrateReadError::Migration(migration) => {
            path = migration.path.clone();
            "migration"
        }
        // The crate's enum is non-exhaustive: a newer kind of failure.
        _ => "other",
    };
    let err = ReadError::new_err(message);
    let value = err.value(py);
    let (line, column) = position.unzip();
    // Setting attributes on a fresh exception instance cannot fail short
    // of memory exhaustion; if it does, that error is raised instead.
    let set = (|| -> PyResult<()> {
        value.setattr("kind", kind)?;
        value.setattr("path", path)?;
        value.setattr("line", line)?;
        value.setattr("column", column)?;
        value.setattr("issues", issues)?;
        Ok(())
    })();
    match set {
        Ok(()) => err,
        Err(other) => other,
    }
}

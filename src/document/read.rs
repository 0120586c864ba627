//! Reading documents: version checks, migration, unknown-field reporting and
//! error positions. Validation is the load step's job (`load.rs`).

mod hooks;
mod wrap;

use std::cell::Cell;

use serde::Deserialize;

use hooks::{ReadAll, StopAtIgnored};
use wrap::Wrap;

use super::envelope::EnvelopeIn;
use super::{CURRENT_VERSION, JsonError, ReadError, SCHEMA_ID, SchemaVersion};
use crate::diagnostics::{Issue, IssueCode, Report, pointer};
use crate::study::Document;

/// A document read and validated.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Loaded {
    /// The document.
    pub document: Document,
    /// The `schema_version` the input declared (before any migration).
    pub version: SchemaVersion,
    /// Every issue: what reading noticed (unknown fields, a newer minor
    /// version, a migration) followed by what validation found.
    pub report: Report,
}

/// How to read documents.
///
/// ```
/// use peer_support::document::{ReadOptions, ReadError};
///
/// let json = r#"{"schema": "urn:peer-support:study-document", "schema_version": "1.0.0",
///                "studies": [], "colour": "blue"}"#;
/// // Default: the unknown field is a warning with its path.
/// let loaded = ReadOptions::new().load_str(json)?;
/// assert_eq!(loaded.report.issues[0].path, "/colour");
/// // Strict: it is an error.
/// assert!(matches!(ReadOptions::new().strict(true).load_str(json), Err(ReadError::UnknownFields { .. })));
/// # Ok::<(), ReadError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Refuse unknown fields instead of warning about them.
    pub strict: bool,
}

impl ReadOptions {
    /// Default options: lenient about unknown fields.
    #[must_use]
    pub fn new() -> Self {
        ReadOptions::default()
    }

    /// Sets strict mode.
    #[must_use = "the options are returned, not changed in place"]
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Reads a document without validating it: version checks, migration and
    /// unknown-field reporting only. [`Loaded::report`] holds the reading
    /// warnings.
    ///
    /// # Errors
    ///
    /// As [`ReadOptions::load_str`].
    pub fn parse_slice(&self, json: &[u8]) -> Result<Loaded, ReadError> {
        // Windows tools often start UTF-8 files with a byte-order mark; RFC
        // 8259 section 8.1 lets a parser ignore it, and it carries no data.
        let json = json.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(json);
        if let Some(envelope) = deserialize_untracked(json) {
            envelope.check()?;
            return self.finish(envelope, Vec::new());
        }
        let mut unknown = Vec::new();
        let mut de = serde_json::Deserializer::from_slice(json);
        let result = deserialize_tracked(&mut de, &mut unknown).and_then(|envelope| {
            de.end()
                .map(|()| envelope)
                .map_err(|e| json_error(String::new(), e))
        });
        let envelope = match result {
            Ok(envelope) if envelope.schema_version >= CURRENT_VERSION => envelope,
            // An older document, or one that failed to parse: its header says
            // whether another format, a migration or a version explains it.
            other => match header(json) {
                Some(Header {
                    schema: Some(schema),
                    ..
                }) if schema != SCHEMA_ID => {
                    return Err(ReadError::WrongSchema {
                        found: crate::util::truncate(&schema, 200).to_owned(),
                    });
                }
                Some(Header {
                    schema_version: Some(version),
                    ..
                }) if version < CURRENT_VERSION => {
                    unknown.clear();
                    self.migrated(json, version, &mut unknown)?
                }
                Some(Header {
                    schema_version: Some(version),
                    ..
                }) if version.major > CURRENT_VERSION.major && other.is_err() => {
                    return Err(ReadError::UnsupportedVersion {
                        found: version,
                        supported: CURRENT_VERSION,
                    });
                }
                _ => other?,
            },
        };
        envelope.check()?;
        self.finish(envelope, unknown)
    }

    fn migrated(
        &self,
        json: &[u8],
        from: SchemaVersion,
        unknown: &mut Vec<String>,
    ) -> Result<EnvelopeIn, ReadError> {
        // Strict: a repeated key is an error here too, not the last copy
        // silently winning before the migration sees it.
        let value = strict_value(json).map_err(|e| json_error(String::new(), e))?;
        let value = super::migrate(value)?;
        let mut envelope = deserialize_tracked(value, unknown)?;
        // Remember where it came from for the report.
        envelope.migrated_from = Some(from);
        Ok(envelope)
    }

    fn finish(&self, envelope: EnvelopeIn, unknown: Vec<String>) -> Result<Loaded, ReadError> {
        let mut report = Report::new();
        if let Some(from) = envelope.migrated_from {
            report.push(Issue::warning(
                IssueCode::MigratedDocument,
                "/schema_version",
                format!("migrated from schema_version {from} to {CURRENT_VERSION}; writing it out saves it as {CURRENT_VERSION}"),
            ));
        } else if envelope.schema_version > CURRENT_VERSION {
            report.push(Issue::warning(
                IssueCode::NewerMinorVersion,
                "/schema_version",
                format!(
                    "the document is schema_version {}, newer than this reader's {CURRENT_VERSION}; what this version does not understand is reported below",
                    envelope.schema_version
                ),
            ));
        }
        let unknown_issues = unknown.into_iter().map(|path| {
            let message = format!(
                "field {:?} is not part of schema {CURRENT_VERSION}; it was not loaded",
                path.rsplit('/').next().unwrap_or_default()
            );
            if self.strict {
                Issue::error(IssueCode::UnknownField, path, message)
            } else {
                Issue::warning(IssueCode::UnknownField, path, message)
            }
        });
        if self.strict {
            let issues: Vec<Issue> = unknown_issues.collect();
            if !issues.is_empty() {
                return Err(ReadError::UnknownFields { issues });
            }
        } else {
            report.extend(unknown_issues);
        }
        Ok(Loaded {
            version: envelope.migrated_from.unwrap_or(envelope.schema_version),
            document: Document {
                studies: envelope.studies,
                extensions: envelope.extensions,
            },
            report,
        })
    }
}

/// The happy path: a current-version document with no unknown field, read
/// without path bookkeeping (serde_ignored and serde_path_to_error copy
/// every map key, which makes a large document's parse take about 1.7 times
/// as long; see docs/performance.md). `None` sends the caller to the tracked
/// path, which parses again to find out where the unknown fields or the
/// error are, so no warning is lost and errors keep their paths. The first
/// pass stops at the first ignored value, so a document with unknown fields
/// pays little more than the tracked parse.
fn deserialize_untracked(json: &[u8]) -> Option<EnvelopeIn> {
    let ignored = Cell::new(false);
    let mut de = serde_json::Deserializer::from_slice(json);
    let envelope = EnvelopeIn::deserialize(Wrap::new(&mut de, StopAtIgnored(&ignored))).ok()?;
    de.end().ok()?;
    (!ignored.get() && envelope.schema_version >= CURRENT_VERSION).then_some(envelope)
}

/// Deserializes the envelope, recording the JSON Pointer of every field the
/// types do not know (serde_ignored) and the path of any failure
/// (serde_path_to_error).
fn deserialize_tracked<'de, D>(
    deserializer: D,
    unknown: &mut Vec<String>,
) -> Result<EnvelopeIn, ReadError>
where
    D: serde::Deserializer<'de, Error = serde_json::Error>,
{
    let mut track = serde_path_to_error::Track::new();
    let mut record = |path: serde_ignored::Path<'_>| {
        unknown.push(pointer::from_ignored_path(&path));
    };
    // Innermost, the adapter only makes structs objects-only (see hooks.rs).
    let objects_only = Wrap::new(deserializer, ReadAll);
    let ignored = serde_ignored::Deserializer::new(objects_only, &mut record);
    let tracked = serde_path_to_error::Deserializer::new(ignored, &mut track);
    EnvelopeIn::deserialize(tracked)
        .map_err(|e| json_error(pointer::from_serde_path(&track.path()), e))
}

fn json_error(path: String, e: serde_json::Error) -> ReadError {
    ReadError::Json(JsonError::new(path, e))
}

/// Parses JSON into a value, refusing a key repeated within an object.
fn strict_value(json: &[u8]) -> Result<serde_json::Value, serde_json::Error> {
    use serde::de::DeserializeSeed;
    let mut de = serde_json::Deserializer::from_slice(json);
    let value = crate::util::json::StrictValue.deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// What a document says it is: its `schema` and `schema_version`, where
/// they are strings (and the version parses).
struct Header {
    schema: Option<String>,
    schema_version: Option<SchemaVersion>,
}

/// The header of a document that may not load as the current version, read
/// without building anything else.
fn header(json: &[u8]) -> Option<Header> {
    #[derive(Deserialize)]
    struct Raw {
        schema: Option<serde_json::Value>,
        schema_version: Option<serde_json::Value>,
    }
    let raw: Raw = serde_json::from_slice(json).ok()?;
    Some(Header {
        schema: raw.schema.and_then(|s| s.as_str().map(str::to_owned)),
        schema_version: raw
            .schema_version
            .and_then(|v| v.as_str().and_then(|v| v.parse().ok())),
    })
}

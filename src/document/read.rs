//! Reading documents: version checks, migration, unknown-field reporting and
//! error positions. Validation is the load step's job (`load.rs`).

pub(crate) mod capture;
mod hooks;
mod wrap;

use std::cell::Cell;

use serde::Deserialize;

use capture::UnknownField;
use hooks::StopAtIgnored;
use wrap::Wrap;

use super::envelope::EnvelopeIn;
use super::{CURRENT_VERSION, JsonError, ReadError, SCHEMA_ID, SchemaVersion};
use crate::diagnostics::{Issue, IssueCode, Report, pointer};
use crate::study::{Document, nodes};

/// A document read and validated.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Loaded {
    /// The document.
    pub document: Document,
    /// The `schema_version` the input declared (before any migration).
    pub version: SchemaVersion,
    /// Every issue: what reading noticed (a newer minor version, a
    /// migration) followed by what validation found (the fields this
    /// version does not define among them).
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
    /// Validate on the calling thread only. By default, loading a large
    /// document validates it on two threads (see [`crate::validate::validate`]);
    /// the report is the same either way.
    pub one_thread: bool,
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

    /// Sets whether validation stays on the calling thread, for programs
    /// that must not have a library start threads.
    ///
    /// ```
    /// use peer_support::document::ReadOptions;
    ///
    /// let json = r#"{"schema": "urn:peer-support:study-document", "schema_version": "1.0.0", "studies": []}"#;
    /// let loaded = ReadOptions::new().one_thread(true).load_str(json)?;
    /// assert_eq!(loaded.report, ReadOptions::new().load_str(json)?.report);
    /// # Ok::<(), peer_support::document::ReadError>(())
    /// ```
    #[must_use = "the options are returned, not changed in place"]
    pub fn one_thread(mut self, one_thread: bool) -> Self {
        self.one_thread = one_thread;
        self
    }

    /// Reads a document without validating it: version checks, migration,
    /// and keeping unknown fields (refusing them in strict mode).
    /// [`Loaded::report`] holds what reading noticed (a migration, a newer
    /// minor version); the unknown fields are kept on the document, and
    /// [`Document::validate`] reports them.
    ///
    /// # Errors
    ///
    /// As [`ReadOptions::load_str`].
    pub fn parse_slice(&self, json: &[u8]) -> Result<Loaded, ReadError> {
        // Windows tools often start UTF-8 files with a byte-order mark; RFC
        // 8259 section 8.1 lets a parser ignore it, and it carries no data.
        let json = json.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(json);
        if let Ok(envelope) = deserialize_untracked(json) {
            envelope.check()?;
            return self.finish(envelope, Vec::new());
        }
        let mut unknown = Vec::new();
        let result = tracked_slice(json, &mut unknown);
        let envelope = match result {
            Ok(envelope) if envelope.schema_version.major >= CURRENT_VERSION.major => envelope,
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
                }) if version.major < CURRENT_VERSION.major => {
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
        unknown: &mut Vec<UnknownField>,
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

    fn finish(
        &self,
        envelope: EnvelopeIn,
        unknown: Vec<UnknownField>,
    ) -> Result<Loaded, ReadError> {
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
        let version = envelope.migrated_from.unwrap_or(envelope.schema_version);
        let mut document = envelope.into_document();
        if self.strict && !unknown.is_empty() {
            let issues = unknown
                .into_iter()
                .map(|field| {
                    let message = format!(
                        "field {:?} is not part of schema {CURRENT_VERSION}, and strict mode refuses it",
                        crate::util::truncate(&field.key, 200)
                    );
                    Issue::error(IssueCode::UnknownField, field.pointer, message)
                })
                .collect();
            return Err(ReadError::UnknownFields { issues });
        }
        // Validation reports the fields that are kept (they are part of the
        // document now); a field that had nowhere to go is reported here.
        for field in unknown {
            let key = crate::util::truncate(&field.key, 200).to_owned();
            if nodes::attach(&mut document, &field.parent, field.key, field.value).is_err() {
                report.push(Issue::warning(
                    IssueCode::UnknownField,
                    field.pointer,
                    format!("field {key:?} is not part of schema {CURRENT_VERSION}, and it could not be kept"),
                ));
            }
        }
        Ok(Loaded {
            version,
            document,
            report,
        })
    }
}

/// The happy path: a current-version document with no unknown field, read
/// without path bookkeeping (serde_ignored and serde_path_to_error copy
/// every map key, which makes a large document's parse take about 1.7 times
/// as long; see docs/performance.md). An `Err` sends the caller to the
/// tracked path, which parses again to find out where the unknown fields or
/// the error are, so no warning is lost and errors keep their paths: `None`
/// when a value was ignored or the document is older, else the parse error
/// (which the tracked pass gives again, with its path). The first pass stops
/// at the first ignored value, so a document with unknown fields pays little
/// more than the tracked parse.
fn deserialize_untracked(json: &[u8]) -> Result<EnvelopeIn, Option<serde_json::Error>> {
    let ignored = Cell::new(false);
    let mut de = serde_json::Deserializer::from_slice(json);
    let parsed = EnvelopeIn::deserialize(Wrap::new(&mut de, StopAtIgnored(&ignored)))
        .and_then(|envelope| de.end().map(|()| envelope));
    match parsed {
        _ if ignored.get() => Err(None),
        // An older minor version is this major's: no migration, no warning.
        Ok(envelope) if envelope.schema_version.major >= CURRENT_VERSION.major => Ok(envelope),
        Ok(_) => Err(None),
        Err(error) => Err(Some(error)),
    }
}

/// The tracked pass over a whole input: the envelope and nothing after it.
fn tracked_slice(json: &[u8], unknown: &mut Vec<UnknownField>) -> Result<EnvelopeIn, ReadError> {
    let mut de = serde_json::Deserializer::from_slice(json);
    let envelope = deserialize_tracked(&mut de, unknown)?;
    de.end().map_err(|e| json_error(String::new(), e))?;
    Ok(envelope)
}

/// Deserializes the envelope, keeping every field the types do not know
/// with its place (see capture.rs) and the path of any failure.
fn deserialize_tracked<'de, D>(
    deserializer: D,
    unknown: &mut Vec<UnknownField>,
) -> Result<EnvelopeIn, ReadError>
where
    D: serde::Deserializer<'de, Error = serde_json::Error>,
{
    let mut track = serde_path_to_error::Track::new();
    capture::deserialize(deserializer, unknown, &mut track)
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;
    use proptest::sample::{Index, select};

    const SEEDS: &[&str] = &[
        include_str!("../../tests/fixtures/1.0/full.json"),
        include_str!("../../tests/fixtures/1.0/minimal.json"),
        include_str!("../../tests/fixtures/1.0/forward_compat.json"),
        include_str!("../../tests/fixtures/lenient/unknown_fields.json"),
        include_str!("../../tests/fixtures/lenient/newer_minor.json"),
    ];

    /// Edits that make documents of every kind: unknown fields, wrong
    /// types, broken syntax, early ends, structs written as arrays.
    const TOKENS: &[&str] = &[
        "",
        "\"",
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "1e999",
        "null",
        "-1",
        "3.0",
        "\"x\": 1,",
        "\"zz\": [1, {}],",
        "\"\\ud800\"",
        "\u{feff}",
        "[\"a\", 1]",
        "\"0.9.0\"",
        "\"2.0.0\"",
    ];

    fn mutated() -> impl Strategy<Value = Vec<u8>> {
        (
            select(SEEDS),
            vec((any::<Index>(), 0usize..6, select(TOKENS)), 0..3),
        )
            .prop_map(|(seed, edits)| {
                let mut bytes = seed.as_bytes().to_vec();
                for (at, cut, token) in edits {
                    let at = at.index(bytes.len() + 1);
                    let end = (at + cut).min(bytes.len());
                    bytes.splice(at..end, token.bytes());
                }
                bytes
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

        /// The fast pass is only a shortcut: where it accepts, the tracked
        /// pass accepts the same document with no unknown field; where it
        /// fails, the tracked pass fails with the same error at the same
        /// place; where the tracked pass accepts a current document with no
        /// unknown field, so does the fast one.
        #[test]
        fn the_fast_and_the_tracked_pass_agree(json in mutated()) {
            let mut unknown = Vec::new();
            let tracked = tracked_slice(&json, &mut unknown);
            match (deserialize_untracked(&json), &tracked) {
                (Ok(fast), Ok(slow)) => {
                    prop_assert!(unknown.is_empty(), "{unknown:?}");
                    prop_assert_eq!(&fast.schema, &slow.schema);
                    prop_assert_eq!(fast.schema_version, slow.schema_version);
                    prop_assert_eq!(&fast.studies, &slow.studies);
                    prop_assert_eq!(&fast.extensions, &slow.extensions);
                }
                (Ok(_), Err(e)) => prop_assert!(false, "only the fast pass accepts: {e}"),
                (Err(Some(fast)), Err(ReadError::Json(slow))) => {
                    prop_assert_eq!((fast.line(), fast.column()), (slow.line(), slow.column()));
                    prop_assert_eq!(fast.to_string(), slow.json_error().to_string());
                }
                (Err(Some(fast)), other) => prop_assert!(false, "fast failed ({fast}), tracked: {other:?}"),
                (Err(None), Ok(slow)) => prop_assert!(
                    !unknown.is_empty() || slow.schema_version.major < CURRENT_VERSION.major,
                    "the fast pass gave up on a clean current document"
                ),
                (Err(None), Err(_)) => {}
            }
        }
    }
}

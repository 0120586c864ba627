//! The wire envelope: `schema`, `schema_version`, the studies and the
//! document-level extensions, and the serde and JSON Schema impls of
//! [`Document`] that go through it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::read::capture;
use super::{CURRENT_VERSION, ReadError, SCHEMA_ID, SchemaVersion};
use crate::study::nodes;
use crate::study::{DeclaredConcept, Document, Extensions, Study, UnknownFields};

/// The wire envelope, in canonical field order.
#[derive(Serialize)]
struct EnvelopeOut<'a> {
    schema: &'static str,
    schema_version: SchemaVersion,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    concepts: &'a [DeclaredConcept],
    studies: &'a [Study],
    #[serde(skip_serializing_if = "Extensions::is_empty")]
    extensions: &'a Extensions,
    #[serde(flatten)]
    unknown: &'a UnknownFields,
}

/// The wire envelope as read.
#[derive(Debug, Deserialize)]
#[serde(
    expecting = "a peer-support document (a JSON object with \"schema\", \"schema_version\" and \"studies\")"
)]
pub(crate) struct EnvelopeIn {
    pub(crate) schema: String,
    pub(crate) schema_version: SchemaVersion,
    #[serde(default)]
    pub(crate) concepts: Vec<DeclaredConcept>,
    pub(crate) studies: Vec<Study>,
    #[serde(default)]
    pub(crate) extensions: Extensions,
    /// Set by the reader when the envelope came out of a migration.
    #[serde(skip)]
    pub(crate) migrated_from: Option<SchemaVersion>,
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        EnvelopeOut {
            schema: SCHEMA_ID,
            schema_version: written_version(self),
            concepts: &self.concepts,
            studies: &self.studies,
            extensions: &self.extensions,
            unknown: self.unknown_fields(),
        }
        .serialize(serializer)
    }
}

/// The version a document is written as: this crate's, or the newer minor
/// version it was read as (see `Document::newer_version`).
fn written_version(document: &Document) -> SchemaVersion {
    match document.newer_version {
        Some([major, minor, patch]) => {
            let read_as = SchemaVersion::new(major, minor, patch);
            if read_as > CURRENT_VERSION && read_as.major == CURRENT_VERSION.major {
                read_as
            } else {
                CURRENT_VERSION
            }
        }
        None => CURRENT_VERSION,
    }
}

impl<'de> Deserialize<'de> for Document {
    /// Reads a current-major document, keeping fields this version does not
    /// define (without reporting them). Older versions need
    /// [`from_str`](super::from_str) (which migrates); the wrong `schema` or
    /// a newer major version is an error.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut unknown = Vec::new();
        let mut track = serde_path_to_error::Track::new();
        let envelope = capture::deserialize(deserializer, &mut unknown, &mut track)?;
        envelope.check().map_err(serde::de::Error::custom)?;
        let mut document = envelope.into_document();
        for field in unknown {
            nodes::attach(&mut document, &field.parent, field.key, field.value).map_err(
                |(key, _)| {
                    serde::de::Error::custom(format_args!("field {key:?} could not be kept"))
                },
            )?;
        }
        Ok(document)
    }
}

// The envelope's serde is hand-written, so its schema is too; the reader
// accepts any 1.x `schema_version` (a newer minor with a warning).
json_schema_impl!(Document, |generator| {
    let mut extensions = generator.subschema_for::<Extensions>();
    extensions.insert(
        "description".into(),
        "Document-level tool-specific data.".into(),
    );
    schemars::json_schema!({
        "type": "object",
        "properties": {
            "schema": {
                "description": "The format identifier; it names the format, not a version.",
                "const": SCHEMA_ID,
            },
            "schema_version": {
                "description": format!(
                    "The format version the document was written in. A reader of {CURRENT_VERSION} loads any {}.x.y version (a newer minor one with a `newer_minor_version` warning) and refuses another major version.",
                    CURRENT_VERSION.major
                ),
                "allOf": [
                    generator.subschema_for::<SchemaVersion>(),
                    // The type again: strict validators (ajv's strict mode)
                    // refuse a `pattern` in a branch that does not say it
                    // applies to strings.
                    {
                        "type": "string",
                        "pattern": format!("^{}\\.", CURRENT_VERSION.major),
                    },
                ],
                "examples": [CURRENT_VERSION.to_string()],
            },
            "concepts": {
                "description": "The project's own codebook (format 1.1): concepts the standard codebook does not have, each with its label, definition, framework mapping, sources and relations.",
                "type": "array",
                "items": generator.subschema_for::<DeclaredConcept>(),
            },
            "studies": {
                "description": "The studies.",
                "type": "array",
                "items": generator.subschema_for::<Study>(),
            },
            "extensions": extensions,
        },
        "required": ["schema", "schema_version", "studies"],
    })
});

impl EnvelopeIn {
    /// The document the envelope holds (its unknown fields are put back by
    /// the caller, which has them).
    pub(crate) fn into_document(self) -> Document {
        let mut document = Document::new(self.studies);
        document.concepts = self.concepts;
        document.extensions = self.extensions;
        let v = self.schema_version;
        if self.migrated_from.is_none() && v > CURRENT_VERSION {
            document.newer_version = Some([v.major, v.minor, v.patch]);
        }
        document
    }

    /// The envelope checks every read path shares.
    pub(crate) fn check(&self) -> Result<(), ReadError> {
        if self.schema != SCHEMA_ID {
            return Err(ReadError::WrongSchema {
                found: crate::util::truncate(&self.schema, 200).to_owned(),
            });
        }
        if !self.schema_version.is_compatible_with(CURRENT_VERSION) {
            return Err(ReadError::UnsupportedVersion {
                found: self.schema_version,
                supported: CURRENT_VERSION,
            });
        }
        Ok(())
    }
}

//! The wire envelope: `schema`, `schema_version`, the studies and the
//! document-level extensions, and the serde and JSON Schema impls of
//! [`Document`] that go through it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{CURRENT_VERSION, ReadError, SCHEMA_ID, SchemaVersion};
use crate::study::{Document, Extensions, Study};

/// The wire envelope, in canonical field order.
#[derive(Serialize)]
struct EnvelopeOut<'a> {
    schema: &'static str,
    schema_version: SchemaVersion,
    studies: &'a [Study],
    #[serde(skip_serializing_if = "Extensions::is_empty")]
    extensions: &'a Extensions,
}

/// The wire envelope as read.
#[derive(Debug, Deserialize)]
#[serde(
    expecting = "a peer-support document (a JSON object with \"schema\", \"schema_version\" and \"studies\")"
)]
pub(crate) struct EnvelopeIn {
    pub(crate) schema: String,
    pub(crate) schema_version: SchemaVersion,
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
            schema_version: CURRENT_VERSION,
            studies: &self.studies,
            extensions: &self.extensions,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Document {
    /// Reads a current-major document. Older versions need [`from_str`](super::from_str) (which
    /// migrates); the wrong `schema` or a newer major version is an error.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let envelope = EnvelopeIn::deserialize(deserializer)?;
        envelope.check().map_err(serde::de::Error::custom)?;
        Ok(Document {
            studies: envelope.studies,
            extensions: envelope.extensions,
        })
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

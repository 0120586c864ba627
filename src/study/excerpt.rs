//! Excerpts: coded quotations from the data.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Text, UnknownFields};

/// A quotation from a data source.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Excerpt {
    /// Unique id within the document.
    pub id: Uuid,
    /// The quoted text.
    pub text: Text,
    /// The data source it is quoted from.
    pub source: Uuid,
    /// The participant speaking, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant: Option<Uuid>,
    /// Where in the source (`"p. 4"`, `"00:12:31"`, `"lines 120-131"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Text>,
    /// Fields this version does not define, kept from reading and written
    /// back after the known ones.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "json-schema", schemars(skip))]
    pub(crate) unknown: UnknownFields,
}

impl Excerpt {
    /// An excerpt with the required fields only.
    pub fn new(id: Uuid, text: Text, source: Uuid) -> Self {
        Excerpt {
            id,
            text,
            source,
            participant: None,
            location: None,
            unknown: UnknownFields::default(),
        }
    }
}

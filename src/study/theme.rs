//! Themes: the analytic structure a study reports, as a hierarchy.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Text, UnknownFields};

/// A theme or sub-theme of a study's analysis.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Theme {
    /// Unique id within the document.
    pub id: Uuid,
    /// The theme's name as the paper gives it.
    pub label: Text,
    /// What the theme covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The theme this one is a sub-theme of; validation refuses cycles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Uuid>,
    /// Fields this version does not define, kept from reading and written
    /// back after the known ones.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "json-schema", schemars(skip))]
    pub(crate) unknown: UnknownFields,
}

impl Theme {
    /// A top-level theme.
    pub fn new(id: Uuid, label: Text) -> Self {
        Theme {
            id,
            label,
            description: None,
            parent: None,
            unknown: UnknownFields::default(),
        }
    }
}

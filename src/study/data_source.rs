//! Data sources: the interviews (or other data) excerpts come from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::UnknownFields;
use crate::vocabulary::Method;

/// One piece of collected data, typically an interview.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DataSource {
    /// Unique id within the document.
    pub id: Uuid,
    /// How it was collected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<Method>,
    /// The participants it involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Uuid>,
    /// Interview round, counting from 1, for studies that interview repeatedly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<u32>,
    /// When it was collected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Whether the interviewer had lived experience of mental health problems.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interviewer_lived_experience: Option<bool>,
    /// Fields this version does not define, kept from reading and written
    /// back after the known ones.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "json-schema", schemars(skip))]
    pub(crate) unknown: UnknownFields,
}

impl DataSource {
    /// A source with only an id.
    pub fn new(id: Uuid) -> Self {
        DataSource {
            id,
            method: None,
            participants: Vec::new(),
            round: None,
            date: None,
            interviewer_lived_experience: None,
            unknown: UnknownFields::default(),
        }
    }
}

//! Participants: pseudonymous, and nothing more.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{ParticipantCode, UnknownFields};
use crate::vocabulary::{Employment, RoleTitle, Setting, Stakeholder};

/// A person who took part in a study, known only by a pseudonymous code.
///
/// There is deliberately no field for a name, contact details or date of
/// birth: a document cannot carry them (an unknown field holding one is
/// reported, and refused in strict mode).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Participant {
    /// Unique id within the document.
    pub id: Uuid,
    /// The pseudonymous code (`P07`).
    pub code: ParticipantCode,
    /// The stakeholder group they took part as.
    pub group: Stakeholder,
    /// Their role title, for peer workers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_title: Option<RoleTitle>,
    /// The setting they work or receive care in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setting: Option<Setting>,
    /// Paid or volunteer, for peer workers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<Employment>,
    /// Fields this version does not define, kept from reading and written
    /// back after the known ones.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "json-schema", schemars(skip))]
    pub(crate) unknown: UnknownFields,
}

impl Participant {
    /// A participant with the required fields only.
    pub fn new(id: Uuid, code: ParticipantCode, group: Stakeholder) -> Self {
        Participant {
            id,
            code,
            group,
            role_title: None,
            setting: None,
            employment: None,
            unknown: UnknownFields::default(),
        }
    }
}

//! Findings: what a study reports, linked to vocabulary concepts and to the
//! evidence behind it.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Cerqual, ConceptLink, Extensions, Text, UnknownFields};
use crate::vocabulary::{Basis, Stakeholder};

/// One result a study reports, with the concepts it speaks to and the evidence
/// behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Finding {
    /// Unique id within the document.
    pub id: Uuid,
    /// The finding in words, as the paper states it.
    pub statement: Text,
    /// Where in the paper it comes from: the study's results, the authors'
    /// conclusions, or cited background evidence. Absent means not recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
    /// The themes the finding belongs to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Uuid>,
    /// The vocabulary concepts the finding reports, each with a stance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concepts: Vec<ConceptLink>,
    /// The stakeholder groups whose accounts the finding comes from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported_by: Vec<Stakeholder>,
    /// Excerpts supporting the finding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excerpts: Vec<Uuid>,
    /// Participants who endorsed the finding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Uuid>,
    /// How many endorsed it, when the paper gives only a count: participants
    /// for primary research, included studies for a review (the sample's
    /// unit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endorsement_count: Option<u32>,
    /// What share of the sample endorsed it, in whole percent, when the
    /// paper gives a percentage rather than a count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "json-schema", schemars(range(max = 100)))]
    pub endorsement_percent: Option<u8>,
    /// A review finding's contributing studies: ids of the review's
    /// included studies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributing: Vec<Uuid>,
    /// A review finding's GRADE-CERQual assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cerqual: Option<Cerqual>,
    /// Free-text notes by whoever encoded the finding (judgement calls, page
    /// references).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
    /// Tool-specific data about this finding.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
    /// Fields this version does not define, kept from reading and written
    /// back after the known ones.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "json-schema", schemars(skip))]
    pub(crate) unknown: UnknownFields,
}

impl Finding {
    /// A finding with only an id and a statement.
    pub fn new(id: Uuid, statement: Text) -> Self {
        Finding {
            id,
            statement,
            basis: None,
            themes: Vec::new(),
            concepts: Vec::new(),
            reported_by: Vec::new(),
            excerpts: Vec::new(),
            participants: Vec::new(),
            endorsement_count: None,
            endorsement_percent: None,
            contributing: Vec::new(),
            cerqual: None,
            notes: None,
            extensions: Extensions::new(),
            unknown: UnknownFields::default(),
        }
    }
}

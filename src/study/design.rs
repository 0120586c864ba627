//! How a study was designed, and who took part in aggregate.

use serde::{Deserialize, Serialize};

use crate::vocabulary::{Analysis, Method, Stakeholder};

/// How a study collected and analysed its data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct StudyDesign {
    /// Data-collection methods.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub methods: Vec<Method>,
    /// Analysis approaches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub analyses: Vec<Analysis>,
    /// Co-produced or participatory research (people with lived experience
    /// shaping the research itself).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub co_production: bool,
    /// Interviews carried out by researchers with lived experience.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub lived_experience_interviewers: bool,
    /// Patient and public involvement (PPI) groups consulted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub public_involvement: bool,
    /// How many times each participant was interviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interview_rounds: Option<u32>,
}

impl StudyDesign {
    /// Whether nothing is recorded (the default).
    pub fn is_empty(&self) -> bool {
        *self == StudyDesign::default()
    }
}

/// The sample a study reports: counts per stakeholder group and in total.
///
/// Either may be given without the other. When both are given, validation
/// checks that the groups add up to the total, and that listed participants
/// do not outnumber them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Sample {
    /// Total number of participants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    /// Participants per stakeholder group, each group at most once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupCount>,
}

/// How many participants of one stakeholder group took part.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct GroupCount {
    /// The stakeholder group.
    pub group: Stakeholder,
    /// How many took part.
    pub count: u32,
}

impl GroupCount {
    /// `count` participants of `group`.
    pub fn new(group: Stakeholder, count: u32) -> Self {
        GroupCount { group, count }
    }
}

//! How a study was designed, and who took part in aggregate.

use serde::{Deserialize, Serialize};

use super::UnknownFields;
use crate::vocabulary::{Analysis, Method, SampleUnit, Stakeholder};

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
    /// Fields this version does not define, kept from reading and written
    /// back after the known ones.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "json-schema", schemars(skip))]
    pub(crate) unknown: UnknownFields,
}

impl StudyDesign {
    /// Whether nothing is recorded (the default).
    pub fn is_empty(&self) -> bool {
        *self == StudyDesign::default()
    }
}

/// The sample a study reports: counts per stakeholder group and in total.
///
/// Either may be given without the other, and a group may be named without
/// its count. Validation checks that counted groups add up to the total (or
/// stay below it when some group is uncounted), and that listed participants
/// do not outnumber them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Sample {
    /// What the sample counts; absent, participants for primary research
    /// and included studies for a review (see `Study::sample_unit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<SampleUnit>,
    /// Total size of the sample, in its unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    /// Participants per stakeholder group, each group at most once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupCount>,
    /// Fields this version does not define, kept from reading and written
    /// back after the known ones.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "json-schema", schemars(skip))]
    pub(crate) unknown: UnknownFields,
}

impl Sample {
    /// The number of participants: the total when given, otherwise the sum
    /// of the group counts when every group has one (saturating at
    /// `u32::MAX`), otherwise unknown.
    pub fn size(&self) -> Option<u32> {
        self.total.or_else(|| {
            if self.groups.is_empty() {
                return None;
            }
            self.groups
                .iter()
                .try_fold(0u32, |sum, g| g.count.map(|c| sum.saturating_add(c)))
        })
    }
}

/// A stakeholder group that took part, and how many of its members did when
/// the study says.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct GroupCount {
    /// The stakeholder group.
    pub group: Stakeholder,
    /// How many took part; absent when a study names the group without
    /// giving its number (Gillard et al. 2013: 41 participants across four
    /// groups, with no split given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Fields this version does not define, kept from reading and written
    /// back after the known ones.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "json-schema", schemars(skip))]
    pub(crate) unknown: UnknownFields,
}

impl GroupCount {
    /// `count` participants of `group`.
    pub fn new(group: Stakeholder, count: u32) -> Self {
        GroupCount {
            group,
            count: Some(count),
            unknown: UnknownFields::default(),
        }
    }

    /// A group that took part in a number the study does not give.
    pub fn uncounted(group: Stakeholder) -> Self {
        GroupCount {
            group,
            count: None,
            unknown: UnknownFields::default(),
        }
    }
}

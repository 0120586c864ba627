//! GRADE-CERQual: how confident one can be that a review finding is a
//! reasonable representation of the phenomenon of interest.

use serde::{Deserialize, Serialize};

use super::{Text, UnknownFields};
use crate::vocabulary::{CerqualConcern, CerqualConfidence};

/// A GRADE-CERQual assessment of one review finding: each of the four
/// components with its level of concern and an explanation, and the overall
/// confidence with its explanation.
///
/// Only a review's findings can carry one (validation refuses it on primary
/// research). An assessment starts at high confidence and is rated down for
/// concerns; validation warns when a component has no explanation and when
/// the overall confidence is high although a component raises serious
/// concerns. Older applications of the approach called the highest level of
/// concern "substantial" and used three overall levels: both read as they
/// are (`substantial` counts as serious, and the three levels are three of
/// the four).
///
/// ```
/// use peer_support::study::{Cerqual, CerqualComponent};
/// use peer_support::vocabulary::{CerqualConcern, CerqualConfidence};
///
/// let mut cerqual = Cerqual::default();
/// cerqual.coherence = Some(CerqualComponent::new(CerqualConcern::Minor, "Two studies disagreed on timing.".parse()?));
/// cerqual.confidence = Some(CerqualConfidence::Moderate);
/// assert!(cerqual.most_serious_concern().is_some());
/// # Ok::<(), peer_support::study::EmptyText>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Cerqual {
    /// Concerns about the design or conduct of the contributing studies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub methodological_limitations: Option<CerqualComponent>,
    /// How clear and cogent the fit is between the contributing studies'
    /// data and the finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coherence: Option<CerqualComponent>,
    /// How rich and how plentiful the data behind the finding are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adequacy: Option<CerqualComponent>,
    /// How far the contributing studies' contexts apply to the review
    /// question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relevance: Option<CerqualComponent>,
    /// The overall confidence in the finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<CerqualConfidence>,
    /// Why the overall confidence is what it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Text>,
    /// Fields this version does not define, kept from reading.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "json-schema", schemars(skip))]
    pub(crate) unknown: UnknownFields,
}

/// The four components in the order the Evidence Profile lists them, with
/// their wire names and labels.
pub const CERQUAL_COMPONENTS: [(&str, &str); 4] = [
    ("methodological_limitations", "Methodological limitations"),
    ("coherence", "Coherence"),
    ("adequacy", "Adequacy of data"),
    ("relevance", "Relevance"),
];

impl Cerqual {
    /// The four components, in [`CERQUAL_COMPONENTS`] order (`None` where
    /// not assessed).
    pub fn components(&self) -> [Option<&CerqualComponent>; 4] {
        [
            self.methodological_limitations.as_ref(),
            self.coherence.as_ref(),
            self.adequacy.as_ref(),
            self.relevance.as_ref(),
        ]
    }

    /// The component raising the most serious concern, and its index in
    /// [`CERQUAL_COMPONENTS`]; components at a level this version does not
    /// know are left out.
    pub fn most_serious_concern(&self) -> Option<(usize, &CerqualComponent)> {
        self.components()
            .into_iter()
            .enumerate()
            .filter_map(|(i, c)| c.map(|c| (i, c)))
            .filter(|(_, c)| c.concern.rank().is_some())
            .max_by_key(|(i, c)| (c.concern.rank(), std::cmp::Reverse(*i)))
    }
}

/// One GRADE-CERQual component of an assessment.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CerqualComponent {
    /// How much concern the component raises.
    pub concern: CerqualConcern,
    /// Why (validation warns when there is none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Text>,
    /// Fields this version does not define, kept from reading.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "json-schema", schemars(skip))]
    pub(crate) unknown: UnknownFields,
}

impl CerqualComponent {
    /// A component at `concern`, explained.
    pub fn new(concern: CerqualConcern, explanation: Text) -> Self {
        CerqualComponent {
            concern,
            explanation: Some(explanation),
            unknown: UnknownFields::default(),
        }
    }
}

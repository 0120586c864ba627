//! Reviews: what kind of study a study is, and what a review records about
//! its search and the studies it includes.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Citation, PartialDate, Text, UnknownFields};
use crate::vocabulary::{AppraisalTool, ReviewType};

open_codes! {
    /// Whether a study is primary research or a review of other studies.
    /// Absent on the wire means primary research, as every 1.0 document's
    /// studies are.
    #[non_exhaustive]
    pub enum StudyKind: kind "study kind" {
        /// Research that collected its own data (interviews, focus groups).
        Primary = "primary", "Primary research",
        /// A review of other studies (or of other reviews); its sample
        /// counts what it includes, and its findings can carry GRADE-CERQual
        /// assessments.
        Review = "review", "Review",
    }
}

impl Default for StudyKind {
    /// Primary research.
    fn default() -> Self {
        StudyKind::Primary
    }
}

impl StudyKind {
    /// Whether this is primary research (the default, omitted on the wire).
    pub fn is_primary(&self) -> bool {
        *self == StudyKind::Primary
    }
}

json_schema_impl!(StudyKind, |generator| {
    schemars::json_schema!({
        "description": "Whether the study is primary research (`primary`, the default when absent) or a review (`review`). A well-formed code this version does not know is kept as written.",
        "type": "string",
        "anyOf": [
            { "title": "Known kind", "enum": ["primary", "review"] },
            crate::vocabulary::schema::code_schema("A kind this version does not know."),
        ],
    })
});

/// What a review records about itself beyond what every study has: its type,
/// method, search, registration, appraisal, and the studies it includes.
///
/// ```
/// use peer_support::study::{Review, SearchPeriod};
/// use peer_support::vocabulary::{AppraisalTool, ReviewType};
///
/// let mut review = Review::new(ReviewType::UmbrellaReview);
/// review.search = Some(SearchPeriod::new("2012-01".parse()?, "2022-11".parse()?));
/// review.appraisal_tool = Some(AppraisalTool::Amstar2);
/// review.primary_studies = Some(426);
/// assert_eq!(serde_json::to_value(&review)?["search"]["to"], "2022-11");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Review {
    /// The kind of review.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub review_type: Option<ReviewType>,
    /// How it synthesised the included studies, in the paper's words
    /// (the analysis codes go in the study's `design`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<Text>,
    /// The perspective of the review (whose experiences, in which services),
    /// as a Summary of Qualitative Findings table states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perspective: Option<Text>,
    /// When the searches covered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<SearchPeriod>,
    /// The protocol's registration, as written (`"PROSPERO CRD42018094838"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<Text>,
    /// How many records the searches found and were screened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records_screened: Option<u32>,
    /// For a review of reviews: how many primary studies the included
    /// reviews cover between them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_studies: Option<u32>,
    /// The languages of the included publications.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Text>,
    /// The tool the review appraised what it included with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appraisal_tool: Option<AppraisalTool>,
    /// The included studies (or reviews) the document lists; a review's
    /// findings cite them by id in `contributing`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub included: Vec<IncludedStudy>,
    /// Fields this version does not define, kept from reading.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "json-schema", schemars(skip))]
    pub(crate) unknown: UnknownFields,
}

impl Review {
    /// A review of `review_type` and nothing else recorded.
    pub fn new(review_type: ReviewType) -> Self {
        Review {
            review_type: Some(review_type),
            ..Review::default()
        }
    }
}

/// The period a review's searches covered, each end as precise as the paper
/// gives it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SearchPeriod {
    /// The start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<PartialDate>,
    /// The end (validation refuses an end before the start).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<PartialDate>,
    /// Fields this version does not define, kept from reading.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "json-schema", schemars(skip))]
    pub(crate) unknown: UnknownFields,
}

impl SearchPeriod {
    /// Searches from `from` to `to`.
    pub fn new(from: PartialDate, to: PartialDate) -> Self {
        SearchPeriod {
            from: Some(from),
            to: Some(to),
            unknown: UnknownFields::default(),
        }
    }
}

/// A study (or, for an umbrella review, a review) that a review includes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct IncludedStudy {
    /// Unique id within the document.
    pub id: Uuid,
    /// How it is cited; its DOI is how synthesis recognises it among other
    /// studies.
    pub citation: Citation,
    /// Its design, in the review's words (`"qualitative interview study"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub design: Option<Text>,
    /// Where it was done.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<Text>,
    /// How many it sampled, in its own unit (participants for a primary
    /// study).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample_size: Option<u32>,
    /// How the review appraised it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appraisal: Option<Appraisal>,
    /// Fields this version does not define, kept from reading.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "json-schema", schemars(skip))]
    pub(crate) unknown: UnknownFields,
}

impl IncludedStudy {
    /// An included study with an id and a citation.
    pub fn new(id: Uuid, citation: Citation) -> Self {
        IncludedStudy {
            id,
            citation,
            design: None,
            countries: Vec::new(),
            sample_size: None,
            appraisal: None,
            unknown: UnknownFields::default(),
        }
    }
}

/// A review's appraisal of one included study.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Appraisal {
    /// The tool; absent, the review's `appraisal_tool`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool: Option<AppraisalTool>,
    /// The rating, in the tool's terms (`"critically low"`, `"8/10"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Text>,
    /// Fields this version does not define, kept from reading.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "json-schema", schemars(skip))]
    pub(crate) unknown: UnknownFields,
}

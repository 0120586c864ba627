//! The study evidence model: a study, its design and sample, its pseudonymous
//! participants, data sources, coded excerpts, themes, and findings that link
//! to vocabulary concepts with the evidence behind them.
//!
//! ```
//! use peer_support::study::{Citation, ConceptLink, Finding, Study, Text};
//! use peer_support::vocabulary::{Facilitator, Stance};
//! use uuid::Uuid;
//!
//! let mut study = Study::new(
//!     Uuid::from_u128(1),
//!     Citation::new(Text::new("Barriers and facilitators to peer support")?),
//! );
//! let mut finding = Finding::new(Uuid::from_u128(2), Text::new("Supervision helps")?);
//! finding.concepts.push(ConceptLink::new(Facilitator::Supervision, Stance::Facilitator));
//! study.findings.push(finding);
//! assert_eq!(study.findings[0].concepts[0].concept.code(), "supervision");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cerqual;
mod citation;
mod concept;
mod concept_link;
mod data_source;
mod declared_concept;
mod design;
mod document;
mod excerpt;
mod extensions;
mod finding;
mod members;
pub(crate) mod nodes;
mod partial_date;
mod participant;
mod review;
mod text;
mod theme;
#[macro_use]
mod unknown;
pub(crate) mod walk;

pub use cerqual::{CERQUAL_COMPONENTS, Cerqual, CerqualComponent};
pub use citation::{Citation, Doi, InvalidDoi};
pub use concept::{Concept, OtherConcept};
pub use concept_link::ConceptLink;
pub use data_source::DataSource;
pub use declared_concept::{DeclaredConcept, Relation};
pub use design::{GroupCount, Sample, StudyDesign};
pub use document::Document;
pub use excerpt::Excerpt;
pub use extensions::{Extensions, InvalidExtensionKey};
pub use finding::Finding;
pub use members::MembersIter;
pub use partial_date::{InvalidPartialDate, PartialDate};
pub use participant::Participant;
pub use review::{Appraisal, IncludedStudy, Review, SearchPeriod, StudyKind};
pub use text::{
    EmptyText, InvalidParticipantCode, MAX_PARTICIPANT_CODE_LEN, ParticipantCode, Text,
};
pub use theme::Theme;
pub use unknown::UnknownFields;

unknown_fields_accessors!(
    Study,
    Citation,
    StudyDesign,
    Sample,
    GroupCount,
    Participant,
    DataSource,
    Excerpt,
    Theme,
    Finding,
    ConceptLink,
    Document,
    DeclaredConcept,
    Relation,
    Review,
    SearchPeriod,
    IncludedStudy,
    Appraisal,
    Cerqual,
    CerqualComponent,
);

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::vocabulary::{ReportingGuideline, ReviewType, SampleUnit, Setting};

/// What a sample counts, from the sample's unit or else the study's kind and
/// review type (see [`Study::sample_unit`]).
pub(crate) fn sample_unit(
    kind: &StudyKind,
    review: Option<&Review>,
    sample: Option<&Sample>,
) -> SampleUnit {
    if let Some(unit) = sample.and_then(|s| s.unit.clone()) {
        return unit;
    }
    match (kind, review.and_then(|r| r.review_type.as_ref())) {
        (StudyKind::Review, Some(ReviewType::UmbrellaReview)) => SampleUnit::Reviews,
        (StudyKind::Review, _) => SampleUnit::Studies,
        _ => SampleUnit::Participants,
    }
}

/// One study: what it is, how it was done, who took part, and what it found.
///
/// Fields serialize in declaration order; empty lists, absent options and
/// empty extensions are omitted, so the canonical form is as short as the
/// data allows.
///
/// Only a review (`"kind": "review"`) may carry `review` details or
/// GRADE-CERQual assessments on its findings; the JSON Schema says so with
/// `if`/`else`, and validation reports either on other studies as an error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "json-schema",
    schemars(extend(
        "if" = {
            "type": "object",
            "properties": { "kind": { "const": "review" } },
            "required": ["kind"]
        },
        "else" = {
            "type": "object",
            "properties": {
                "review": false,
                "findings": {
                    "type": "array",
                    "items": { "type": "object", "properties": { "cerqual": false } }
                }
            }
        }
    ))
)]
#[non_exhaustive]
pub struct Study {
    /// Unique id within the document.
    pub id: Uuid,
    /// Primary research (the default, omitted on the wire) or a review.
    #[serde(default, skip_serializing_if = "StudyKind::is_primary")]
    pub kind: StudyKind,
    /// How the study is cited.
    pub citation: Citation,
    /// The country or countries where it was done.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<Text>,
    /// Its aims, as the paper states them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aims: Vec<Text>,
    /// How it collected and analysed data.
    #[serde(default, skip_serializing_if = "StudyDesign::is_empty")]
    pub design: StudyDesign,
    /// The reporting guidelines it says it followed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reporting_guidelines: Vec<ReportingGuideline>,
    /// The settings studied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settings: Vec<Setting>,
    /// The sample in aggregate: participants, or what a review includes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample: Option<Sample>,
    /// What a review records about its type, search and included studies
    /// (reviews only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    /// Pseudonymous participants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    /// Interviews and other data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<DataSource>,
    /// Coded quotations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excerpts: Vec<Excerpt>,
    /// The theme hierarchy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Theme>,
    /// What the study found.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
    /// Free-text notes by whoever encoded the study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
    /// Tool-specific data.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
    /// Fields this version does not define, kept from reading and written
    /// back after the known ones.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "json-schema", schemars(skip))]
    pub(crate) unknown: UnknownFields,
}

impl Study {
    /// Whether the study is a review.
    pub fn is_review(&self) -> bool {
        self.kind == StudyKind::Review
    }

    /// What the study's sample counts: the sample's unit when given, else
    /// included studies for a review (included reviews for an umbrella
    /// review) and participants for primary research.
    pub fn sample_unit(&self) -> SampleUnit {
        sample_unit(&self.kind, self.review.as_ref(), self.sample.as_ref())
    }

    /// A study with an id and a citation and nothing else.
    pub fn new(id: Uuid, citation: Citation) -> Self {
        Study {
            id,
            kind: StudyKind::Primary,
            citation,
            countries: Vec::new(),
            aims: Vec::new(),
            design: StudyDesign::default(),
            reporting_guidelines: Vec::new(),
            settings: Vec::new(),
            sample: None,
            review: None,
            participants: Vec::new(),
            sources: Vec::new(),
            excerpts: Vec::new(),
            themes: Vec::new(),
            findings: Vec::new(),
            notes: None,
            extensions: Extensions::new(),
            unknown: UnknownFields::default(),
        }
    }
}

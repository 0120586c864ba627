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

mod citation;
mod concept;
mod concept_link;
mod data_source;
mod design;
mod document;
mod excerpt;
mod extensions;
mod finding;
mod members;
pub(crate) mod nodes;
mod participant;
mod text;
mod theme;
#[macro_use]
mod unknown;
pub(crate) mod walk;

pub use citation::{Citation, Doi, InvalidDoi};
pub use concept::{Concept, OtherConcept};
pub use concept_link::ConceptLink;
pub use data_source::DataSource;
pub use design::{GroupCount, Sample, StudyDesign};
pub use document::Document;
pub use excerpt::Excerpt;
pub use extensions::{Extensions, InvalidExtensionKey};
pub use finding::Finding;
pub use members::MembersIter;
pub use participant::Participant;
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
);

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::vocabulary::Setting;

/// One study: what it is, how it was done, who took part, and what it found.
///
/// Fields serialize in declaration order; empty lists, absent options and
/// empty extensions are omitted, so the canonical form is as short as the
/// data allows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Study {
    /// Unique id within the document.
    pub id: Uuid,
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
    /// The settings studied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settings: Vec<Setting>,
    /// The sample in aggregate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample: Option<Sample>,
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
    /// A study with an id and a citation and nothing else.
    pub fn new(id: Uuid, citation: Citation) -> Self {
        Study {
            id,
            citation,
            countries: Vec::new(),
            aims: Vec::new(),
            design: StudyDesign::default(),
            settings: Vec::new(),
            sample: None,
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

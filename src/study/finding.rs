//! Findings: what a study reports, linked to vocabulary concepts and to the
//! evidence behind it.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

use super::{Extensions, Text};
use crate::vocabulary::{
    Analysis, Barrier, Basis, Code, Employment, Facilitator, InvalidCode, Kind, Method, Outcome,
    PeerValue, RoleTitle, Setting, Stakeholder, Stance, WayOfWorking,
};

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
    /// How many participants endorsed it, when the paper gives only a count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endorsement_count: Option<u32>,
    /// Free-text notes by whoever encoded the finding (judgement calls, page
    /// references).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
    /// Tool-specific data about this finding.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
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
            notes: None,
            extensions: Extensions::new(),
        }
    }
}

/// A finding's link to one vocabulary concept.
///
/// On the wire: `{"kind": "facilitator", "code": "supervision", "stance": "facilitator"}`,
/// plus `"absent": true` when the paper reports the concept by its absence.
///
/// ```
/// use peer_support::study::{Concept, ConceptLink};
/// use peer_support::vocabulary::{Facilitator, Stance};
///
/// let link: ConceptLink = serde_json::from_str(
///     r#"{"kind": "facilitator", "code": "formal_recruitment_process", "stance": "barrier", "absent": true}"#,
/// )?;
/// assert_eq!(link.concept, Concept::Facilitator(Facilitator::FormalRecruitmentProcess));
/// assert_eq!(link.stance, Stance::Barrier);
/// assert!(link.absent);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ConceptLink {
    /// The concept.
    pub concept: Concept,
    /// How the finding reports it.
    pub stance: Stance,
    /// Whether it is the concept's absence that is reported.
    pub absent: bool,
}

impl ConceptLink {
    /// A link reporting `concept` with `stance`.
    pub fn new(concept: impl Into<Concept>, stance: Stance) -> Self {
        ConceptLink {
            concept: concept.into(),
            stance,
            absent: false,
        }
    }

    /// A link reporting the *absence* of `concept` with `stance`.
    pub fn absent(concept: impl Into<Concept>, stance: Stance) -> Self {
        ConceptLink {
            absent: true,
            ..ConceptLink::new(concept, stance)
        }
    }
}

/// Declares [`Concept`] and everything that dispatches over its variants from
/// one list of `Variant(Type)` pairs; each variant's `Kind` has the same name.
macro_rules! concepts {
    ($($variant:ident($ty:ty)),* $(,)?) => {
        /// A vocabulary concept of any kind: the typed value of a `{"kind", "code"}` pair.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Concept {
            $(
                #[doc = concat!("A [`", stringify!($ty), "`].")]
                $variant($ty),
            )*
            /// A kind this version does not know (or one that is not a concept
            /// kind, such as `stance`); kept exactly and reported by validation.
            Other {
                /// The kind as written.
                kind: Code,
                /// The code as written.
                code: Code,
            },
        }

        impl Concept {
            /// Builds a concept from its kind and code strings.
            ///
            /// # Errors
            ///
            /// [`InvalidCode`] when either string is not a well-formed code.
            pub fn from_codes(kind: &str, code: &str) -> Result<Self, InvalidCode> {
                match Kind::from_code(kind) {
                    $(Ok(Kind::$variant) => Ok(Concept::$variant(<$ty>::from_code(code)?)),)*
                    _ => Ok(Concept::Other {
                        kind: Code::new(kind)
                            .map_err(|e| InvalidCode { kind: Some("concept kind"), ..e })?,
                        code: Code::new(code)?,
                    }),
                }
            }

            /// The kind, or `None` for [`Concept::Other`].
            pub fn kind(&self) -> Option<Kind> {
                match self {
                    $(Concept::$variant(_) => Some(Kind::$variant),)*
                    Concept::Other { .. } => None,
                }
            }

            /// The kind code (`"facilitator"`), as written for unknown kinds.
            pub fn kind_code(&self) -> &str {
                match self {
                    $(Concept::$variant(_) => Kind::$variant.code(),)*
                    Concept::Other { kind, .. } => kind.as_str(),
                }
            }

            /// The code.
            pub fn code(&self) -> &str {
                match self {
                    $(Concept::$variant(v) => v.code(),)*
                    Concept::Other { code, .. } => code.as_str(),
                }
            }

            /// The human label (the code for unknown concepts).
            pub fn label(&self) -> &str {
                match self {
                    $(Concept::$variant(v) => v.label(),)*
                    Concept::Other { code, .. } => code.as_str(),
                }
            }

            /// Whether this version of the crate knows the concept (its kind and its code).
            pub fn is_known(&self) -> bool {
                match self {
                    $(Concept::$variant(v) => !v.is_custom(),)*
                    Concept::Other { .. } => false,
                }
            }
        }

        $(impl From<$ty> for Concept {
            fn from(value: $ty) -> Self {
                Concept::$variant(value)
            }
        })*

        #[cfg(feature = "json-schema")]
        impl Concept {
            /// The kind codes that name a concept vocabulary, in table order.
            fn schema_kind_codes() -> Vec<&'static str> {
                vec![$(Kind::$variant.code()),*]
            }

            /// For each concept kind: when `kind` is it, `code` is a code of its vocabulary.
            fn schema_code_by_kind(generator: &mut schemars::SchemaGenerator) -> Vec<serde_json::Value> {
                vec![$(schema_code_for_kind::<$ty>(generator)),*]
            }
        }
    };
}

concepts!(
    Role(RoleTitle),
    Employment(Employment),
    WayOfWorking(WayOfWorking),
    Stakeholder(Stakeholder),
    Setting(Setting),
    Value(PeerValue),
    Facilitator(Facilitator),
    Barrier(Barrier),
    Outcome(Outcome),
    Method(Method),
    Analysis(Analysis),
);

/// The wire shape of a [`ConceptLink`]; field order is the canonical order.
#[derive(Serialize, Deserialize)]
struct WireLink<'a> {
    #[serde(borrow)]
    kind: Cow<'a, str>,
    #[serde(borrow)]
    code: Cow<'a, str>,
    stance: Stance,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    absent: bool,
}

impl Serialize for ConceptLink {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        WireLink {
            kind: Cow::Borrowed(self.concept.kind_code()),
            code: Cow::Borrowed(self.concept.code()),
            stance: self.stance.clone(),
            absent: self.absent,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ConceptLink {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = WireLink::deserialize(deserializer)?;
        let concept =
            Concept::from_codes(&wire.kind, &wire.code).map_err(serde::de::Error::custom)?;
        Ok(ConceptLink {
            concept,
            stance: wire.stance,
            absent: wire.absent,
        })
    }
}

#[cfg(feature = "json-schema")]
fn schema_code_for_kind<T>(generator: &mut schemars::SchemaGenerator) -> serde_json::Value
where
    T: crate::vocabulary::Vocabulary + schemars::JsonSchema,
{
    serde_json::json!({
        "if": { "properties": { "kind": { "const": T::KIND.code() } }, "required": ["kind"] },
        "then": { "properties": { "code": generator.subschema_for::<T>() } },
    })
}

#[cfg(feature = "json-schema")]
impl schemars::JsonSchema for ConceptLink {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ConceptLink".into()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        concat!(module_path!(), "::ConceptLink").into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        use crate::vocabulary::schema::code_schema;
        let mut stance = generator.subschema_for::<Stance>();
        stance.insert(
            "description".into(),
            "How the finding reports the concept.".into(),
        );
        schemars::json_schema!({
            "description": "A finding's link to one vocabulary concept, named by `kind` and `code`, with the stance the finding takes on it. When `kind` names a vocabulary this version knows, `code` is a code of that vocabulary.",
            "type": "object",
            "properties": {
                "kind": {
                    "description": "The vocabulary the concept belongs to.",
                    "type": "string",
                    "anyOf": [
                        { "title": "Known kind", "enum": Concept::schema_kind_codes() },
                        code_schema("A kind this version does not know (or one that is not a concept kind, such as `stance`): kept as written and reported as an `unknown_concept_kind` warning."),
                    ],
                },
                "code": code_schema("The concept's code in the vocabulary named by `kind`."),
                "stance": stance,
                "absent": {
                    "description": "Whether it is the concept's absence that the finding reports (no formal recruitment process, as a barrier).",
                    "type": "boolean",
                    "default": false,
                },
            },
            "required": ["kind", "code", "stance"],
            "allOf": Concept::schema_code_by_kind(generator),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_round_trip_including_unknown_kinds_and_codes() {
        for json in [
            r#"{"kind":"barrier","code":"low_pay","stance":"barrier"}"#,
            r#"{"kind":"facilitator","code":"formal_recruitment_process","stance":"barrier","absent":true}"#,
            r#"{"kind":"outcome","code":"reduced_loneliness","stance":"benefit"}"#,
            r#"{"kind":"policy_lever","code":"ring_fenced_budget","stance":"new_stance"}"#,
        ] {
            let link: ConceptLink = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&link).unwrap(), json);
        }
    }

    #[test]
    fn malformed_codes_are_errors() {
        let err = serde_json::from_str::<ConceptLink>(
            r#"{"kind":"barrier","code":"Low Pay","stance":"barrier"}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("invalid barrier code"), "{err}");
        let err = serde_json::from_str::<ConceptLink>(
            r#"{"kind":"Bad Kind","code":"x","stance":"barrier"}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("concept kind"), "{err}");
    }
}

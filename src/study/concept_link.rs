//! A finding's link to one concept, with the stance the finding takes.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Concept, UnknownFields};
use crate::vocabulary::{Level, Stance};

/// A finding's link to one vocabulary concept.
///
/// On the wire: `{"kind": "facilitator", "code": "supervision", "stance": "facilitator"}`,
/// plus `"absent": true` when the paper reports the concept by its absence,
/// and `"level": "macro"` where a multilevel framework places it (format 1.1).
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
    /// The level of a multilevel framework at which the finding places the
    /// concept (macro, meso, micro); absent, the declared concept's level,
    /// if any.
    pub level: Option<Level>,
    /// Fields this version does not define, kept from reading.
    pub(crate) unknown: UnknownFields,
}

impl ConceptLink {
    /// A link reporting `concept` with `stance`.
    pub fn new(concept: impl Into<Concept>, stance: Stance) -> Self {
        ConceptLink {
            concept: concept.into(),
            stance,
            absent: false,
            level: None,
            unknown: UnknownFields::default(),
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

/// The wire shape of a [`ConceptLink`] as written; field order is the
/// canonical order, unknown fields last.
#[derive(Serialize)]
struct WireLinkOut<'a> {
    kind: &'a str,
    code: &'a str,
    stance: &'a Stance,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    absent: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<Level>,
    #[serde(flatten)]
    unknown: &'a UnknownFields,
}

/// The wire shape of a [`ConceptLink`] as read (unknown fields are the
/// reader's to keep).
#[derive(Deserialize)]
// Errors name the public type: "expected struct ConceptLink".
#[serde(expecting = "struct ConceptLink")]
struct WireLinkIn<'a> {
    #[serde(borrow)]
    kind: Cow<'a, str>,
    #[serde(borrow)]
    code: Cow<'a, str>,
    stance: Stance,
    #[serde(default)]
    absent: bool,
    #[serde(default)]
    level: Option<Level>,
}

impl Serialize for ConceptLink {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        WireLinkOut {
            kind: self.concept.kind_code(),
            code: self.concept.code(),
            stance: &self.stance,
            absent: self.absent,
            level: self.level,
            unknown: &self.unknown,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ConceptLink {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = WireLinkIn::deserialize(deserializer)?;
        let concept = Concept::from_wire(&wire.kind, &wire.code)?;
        Ok(ConceptLink {
            concept,
            stance: wire.stance,
            absent: wire.absent,
            level: wire.level,
            unknown: UnknownFields::default(),
        })
    }
}

json_schema_impl!(ConceptLink, |generator| {
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
            "kind": Concept::schema_kind(),
            "code": code_schema("The concept's code in the vocabulary named by `kind`."),
            "stance": stance,
            "absent": {
                "description": "Whether it is the concept's absence that the finding reports (no formal recruitment process, as a barrier).",
                "type": "boolean",
                "default": false,
            },
            "level": generator.subschema_for::<Level>(),
        },
        "required": ["kind", "code", "stance"],
        "allOf": Concept::schema_code_by_kind(generator),
    })
});

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
            r#"{"kind":"barrier","code":"insufficient_funding","stance":"influence","level":"macro"}"#,
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

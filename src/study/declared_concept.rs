//! A document's own codebook: the concepts a project declares beyond the
//! standard codebook, and how they relate to it and to each other.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Citation, Concept, Text, UnknownFields};
use crate::vocabulary::{
    Beneficiary, CfirConstruct, ChimeProcess, Direction, Level, Mappings, RelationKind,
};

/// A concept a document declares for itself: a code the standard codebook
/// does not have, with what the standard entries carry (label, definition,
/// framework mapping, sources) and its relations to other concepts.
///
/// On the wire, one element of the document's `concepts`:
/// `{"kind": "barrier", "code": "hr_management_policies", "label": "...",
/// "cfir_construct": "policies_and_laws", "relations": [...]}`. Findings link
/// a declared concept by its kind and code like any other; validation then
/// knows it, and synthesis shows its label and places it in CFIR or CHIME.
/// Its code may not be a standard one: declaring `supervision` again is an
/// error.
///
/// ```
/// use peer_support::study::{Citation, DeclaredConcept, Document, Relation, Text};
/// use peer_support::vocabulary::{Barrier, CfirConstruct, Facilitator, Level, RelationKind};
///
/// // A code the standard codebook does not have parses as a custom barrier.
/// let code = Barrier::from_code("hr_management_policies")?;
/// let mut hr = DeclaredConcept::new(code, Text::new("Human resource management policies")?);
/// hr.definition = Some(Text::new(
///     "Organisational policies on recruiting, paying and promoting staff applied to peer roles.",
/// )?);
/// hr.cfir_construct = Some(CfirConstruct::WorkInfrastructure);
/// hr.level = Some(Level::Meso);
/// let mut source = Citation::new(Text::new("A systematic review of influences")?);
/// source.doi = Some("10.1007/s00127-019-01739-1".parse()?);
/// hr.sources.push(source);
/// // The standard entries it groups are narrower than it.
/// hr.relations.push(Relation::new(RelationKind::Narrower, Barrier::LowPay));
/// hr.relations.push(Relation::new(RelationKind::Narrower, Facilitator::FormalRecruitmentProcess));
///
/// let mut document = Document::new(Vec::new());
/// document.concepts.push(hr);
/// let json = serde_json::to_value(&document)?;
/// assert_eq!(json["concepts"][0]["code"], "hr_management_policies");
/// assert_eq!(json["concepts"][0]["relations"][0]["relation"], "narrower");
/// assert_eq!(json["concepts"][0]["relations"][0]["code"], "low_pay");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct DeclaredConcept {
    /// The concept's kind and its code (a code of no standard entry).
    pub concept: Concept,
    /// The human label.
    pub label: Text,
    /// What the concept means, in the project's words.
    pub definition: Option<Text>,
    /// For a determinant (facilitator or barrier): its CFIR 2.0 construct;
    /// the domain follows from it.
    pub cfir_construct: Option<CfirConstruct>,
    /// For an outcome that is a personal-recovery process: its CHIME process.
    pub chime: Option<ChimeProcess>,
    /// For an outcome: who it falls on.
    pub beneficiary: Option<Beneficiary>,
    /// For an outcome: benefit, harm or caveat.
    pub direction: Option<Direction>,
    /// The level of a multilevel framework it sits at (macro, meso, micro).
    pub level: Option<Level>,
    /// The papers that report it.
    pub sources: Vec<Citation>,
    /// How it relates to standard and to other declared concepts.
    pub relations: Vec<Relation>,
    /// Fields this version does not define, kept from reading.
    pub(crate) unknown: UnknownFields,
}

impl DeclaredConcept {
    /// A declared `concept` with a label and nothing else.
    pub fn new(concept: impl Into<Concept>, label: Text) -> Self {
        DeclaredConcept {
            concept: concept.into(),
            label,
            definition: None,
            cfir_construct: None,
            chime: None,
            beneficiary: None,
            direction: None,
            level: None,
            sources: Vec::new(),
            relations: Vec::new(),
            unknown: UnknownFields::default(),
        }
    }

    /// The framework mappings in the codebook's flattened form (the CFIR
    /// domain derived from the construct).
    pub fn mappings(&self) -> Mappings {
        Mappings {
            cfir_domain: self.cfir_construct.map(CfirConstruct::domain),
            cfir_construct: self.cfir_construct,
            chime: self.chime,
            beneficiary: self.beneficiary,
            direction: self.direction,
        }
    }
}

/// One relation of a concept to a target concept, standard or declared,
/// with SKOS meaning.
///
/// On the wire: `{"relation": "broader", "kind": "barrier", "code":
/// "insufficient_funding"}`, the target named as a concept link names it.
///
/// ```
/// use peer_support::study::{Concept, Relation};
/// use peer_support::vocabulary::{Barrier, RelationKind};
///
/// let relation: Relation =
///     serde_json::from_str(r#"{"relation": "broader", "kind": "barrier", "code": "insufficient_funding"}"#)?;
/// assert_eq!(relation.relation, RelationKind::Broader);
/// assert_eq!(relation.target, Concept::Barrier(Barrier::InsufficientFunding));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Relation {
    /// How the concept relates to the target.
    pub relation: RelationKind,
    /// The concept related to.
    pub target: Concept,
    /// Fields this version does not define, kept from reading.
    pub(crate) unknown: UnknownFields,
}

impl Relation {
    /// `relation` to `target`.
    pub fn new(relation: RelationKind, target: impl Into<Concept>) -> Self {
        Relation {
            relation,
            target: target.into(),
            unknown: UnknownFields::default(),
        }
    }
}

/// The wire shape of a [`DeclaredConcept`] as written, in canonical order.
#[derive(Serialize)]
struct DeclaredOut<'a> {
    kind: &'a str,
    code: &'a str,
    label: &'a Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    definition: &'a Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cfir_construct: &'a Option<CfirConstruct>,
    #[serde(skip_serializing_if = "Option::is_none")]
    chime: &'a Option<ChimeProcess>,
    #[serde(skip_serializing_if = "Option::is_none")]
    beneficiary: &'a Option<Beneficiary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    direction: &'a Option<Direction>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: &'a Option<Level>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    sources: &'a [Citation],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    relations: &'a [Relation],
    #[serde(flatten)]
    unknown: &'a UnknownFields,
}

/// The wire shape of a [`DeclaredConcept`] as read.
#[derive(Deserialize)]
// Errors name the public type: "expected struct DeclaredConcept".
#[serde(expecting = "struct DeclaredConcept")]
struct DeclaredIn<'a> {
    #[serde(borrow)]
    kind: Cow<'a, str>,
    #[serde(borrow)]
    code: Cow<'a, str>,
    label: Text,
    #[serde(default)]
    definition: Option<Text>,
    #[serde(default)]
    cfir_construct: Option<CfirConstruct>,
    #[serde(default)]
    chime: Option<ChimeProcess>,
    #[serde(default)]
    beneficiary: Option<Beneficiary>,
    #[serde(default)]
    direction: Option<Direction>,
    #[serde(default)]
    level: Option<Level>,
    #[serde(default)]
    sources: Vec<Citation>,
    #[serde(default)]
    relations: Vec<Relation>,
}

impl Serialize for DeclaredConcept {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        DeclaredOut {
            kind: self.concept.kind_code(),
            code: self.concept.code(),
            label: &self.label,
            definition: &self.definition,
            cfir_construct: &self.cfir_construct,
            chime: &self.chime,
            beneficiary: &self.beneficiary,
            direction: &self.direction,
            level: &self.level,
            sources: &self.sources,
            relations: &self.relations,
            unknown: &self.unknown,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for DeclaredConcept {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = DeclaredIn::deserialize(deserializer)?;
        let concept = Concept::from_wire(&wire.kind, &wire.code)?;
        Ok(DeclaredConcept {
            concept,
            label: wire.label,
            definition: wire.definition,
            cfir_construct: wire.cfir_construct,
            chime: wire.chime,
            beneficiary: wire.beneficiary,
            direction: wire.direction,
            level: wire.level,
            sources: wire.sources,
            relations: wire.relations,
            unknown: UnknownFields::default(),
        })
    }
}

/// The wire shape of a [`Relation`] as written.
#[derive(Serialize)]
struct RelationOut<'a> {
    relation: &'a RelationKind,
    kind: &'a str,
    code: &'a str,
    #[serde(flatten)]
    unknown: &'a UnknownFields,
}

/// The wire shape of a [`Relation`] as read.
#[derive(Deserialize)]
// Errors name the public type: "expected struct Relation".
#[serde(expecting = "struct Relation")]
struct RelationIn<'a> {
    relation: RelationKind,
    #[serde(borrow)]
    kind: Cow<'a, str>,
    #[serde(borrow)]
    code: Cow<'a, str>,
}

impl Serialize for Relation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RelationOut {
            relation: &self.relation,
            kind: self.target.kind_code(),
            code: self.target.code(),
            unknown: &self.unknown,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Relation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = RelationIn::deserialize(deserializer)?;
        let target = Concept::from_wire(&wire.kind, &wire.code)?;
        Ok(Relation {
            relation: wire.relation,
            target,
            unknown: UnknownFields::default(),
        })
    }
}

#[cfg(feature = "json-schema")]
fn codes_schema(description: &str, codes: Vec<&'static str>) -> serde_json::Value {
    serde_json::json!({ "description": description, "type": "string", "enum": codes })
}

json_schema_impl!(DeclaredConcept, |generator| {
    use crate::vocabulary::schema::code_schema;
    let mut level = generator.subschema_for::<Level>();
    level.insert(
        "description".into(),
        "The level of a multilevel framework the concept sits at: `macro` (system and policy), `meso` (organisation and team) or `micro` (individuals).".into(),
    );
    schemars::json_schema!({
        "description": "A concept the document declares for itself: a code of no standard codebook entry, with its label, definition, framework mapping, sources and relations. Findings link it by `kind` and `code`; validation and synthesis then know it.",
        "type": "object",
        "properties": {
            "kind": Concept::schema_kind(),
            "code": code_schema("The concept's code; it may not be the code of a standard entry of the same kind (`reused_standard_code`)."),
            "label": generator.subschema_for::<Text>(),
            "definition": generator.subschema_for::<Text>(),
            "cfir_construct": codes_schema(
                "For a facilitator or barrier: its CFIR 2.0 construct (the domain follows from it).",
                CfirConstruct::ALL.iter().map(|c| c.code()).collect(),
            ),
            "chime": codes_schema(
                "For an outcome that is a personal-recovery process: its CHIME process.",
                ChimeProcess::ALL.iter().map(|c| c.code()).collect(),
            ),
            "beneficiary": codes_schema(
                "For an outcome: who it falls on.",
                Beneficiary::ALL.iter().map(|c| c.code()).collect(),
            ),
            "direction": codes_schema(
                "For an outcome: benefit, harm or caveat.",
                Direction::ALL.iter().map(|c| c.code()).collect(),
            ),
            "level": level,
            "sources": {
                "description": "The papers that report the concept.",
                "type": "array",
                "items": generator.subschema_for::<Citation>(),
            },
            "relations": {
                "description": "How the concept relates to standard and to other declared concepts.",
                "type": "array",
                "items": generator.subschema_for::<Relation>(),
            },
        },
        "required": ["kind", "code", "label"],
        "allOf": Concept::schema_new_code_by_kind(),
    })
});

json_schema_impl!(Relation, |generator| {
    use crate::vocabulary::schema::code_schema;
    schemars::json_schema!({
        "description": "A relation of the concept to a target concept (standard or declared), named by `kind` and `code`, with SKOS meaning. The target must exist (`dangling_relation`), and `broader` may not form a cycle (`cyclic_broader`).",
        "type": "object",
        "properties": {
            "relation": generator.subschema_for::<RelationKind>(),
            "kind": code_schema("The target's vocabulary."),
            "code": code_schema("The target's code."),
        },
        "required": ["relation", "kind", "code"],
    })
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_concepts_round_trip_in_canonical_order() {
        let json = r#"{"kind":"barrier","code":"benefits_trap","label":"Benefits trap","definition":"Paid work puts social security benefits at risk.","cfir_construct":"policies_and_laws","level":"macro","sources":[{"title":"An umbrella review","doi":"10.1186/s12916-024-03260-y"}],"relations":[{"relation":"related","kind":"barrier","code":"low_pay"},{"relation":"broader","kind":"barrier","code":"benefit_rules"}]}"#;
        let declared: DeclaredConcept = serde_json::from_str(json).unwrap();
        assert!(declared.concept.kind().is_some() && !declared.concept.is_known());
        assert_eq!(
            declared.mappings().cfir_domain.map(|d| d.code()),
            Some("outer_setting")
        );
        assert_eq!(serde_json::to_string(&declared).unwrap(), json);
    }

    #[test]
    fn malformed_codes_and_missing_labels_are_errors() {
        let err = serde_json::from_str::<DeclaredConcept>(
            r#"{"kind":"barrier","code":"Bad","label":"x"}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("invalid barrier code"), "{err}");
        let err = serde_json::from_str::<DeclaredConcept>(r#"{"kind":"barrier","code":"ok"}"#)
            .unwrap_err();
        assert!(err.to_string().contains("missing field `label`"), "{err}");
        let err = serde_json::from_str::<Relation>(
            r#"{"relation":"Broader","kind":"barrier","code":"low_pay"}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("relation"), "{err}");
    }
}

//! The codebook: every entry of every vocabulary, as data.
//!
//! ```
//! use peer_support::Codebook;
//! use peer_support::vocabulary::Kind;
//!
//! let codebook = Codebook::standard();
//! let supervision = codebook.get(Kind::Facilitator, "supervision").unwrap();
//! assert_eq!(supervision.label, "Supervision");
//! assert_eq!(supervision.mappings.cfir_domain.unwrap().code(), "inner_setting");
//!
//! let json = codebook.to_json_pretty();
//! assert!(json.contains(r#""code": "supervision""#));
//!
//! // Relations to other entries, with SKOS meaning.
//! let role_clarity = codebook.get(Kind::Facilitator, "role_clarity").unwrap();
//! assert!(role_clarity.relations.iter().any(|r| r.code == "role_expectation_mismatch"));
//! ```
//!
//! Given a document, [`Codebook::with_document`] adds the concepts the
//! document declares (its project codebook) after the standard entries:
//!
//! ```
//! use peer_support::Codebook;
//!
//! let json = r#"{"schema": "urn:peer-support:study-document", "schema_version": "1.1.0",
//!   "concepts": [{"kind": "barrier", "code": "benefits_trap", "label": "Benefits trap",
//!                 "cfir_construct": "policies_and_laws",
//!                 "relations": [{"relation": "exact_match", "kind": "barrier", "code": "benefits_interference"}]}],
//!   "studies": []}"#;
//! let document = peer_support::from_str(json)?.document;
//! let codebook = Codebook::with_document(&document);
//! let declared = &codebook.declared()[0];
//! assert_eq!(declared.label.as_str(), "Benefits trap");
//! assert!(codebook.to_json_pretty().contains(r#""declared": true"#));
//! assert!(codebook.to_markdown().contains("| `barrier` | `benefits_trap` | Benefits trap |"));
//! # Ok::<(), peer_support::ReadError>(())
//! ```

use std::fmt::Write as _;

use serde::Serialize;

use crate::study::{DeclaredConcept, Document};
use crate::vocabulary::{
    Analysis, AppraisalTool, Barrier, Basis, CerqualConcern, CerqualConfidence, Employment,
    Facilitator, Kind, Mappings, Method, Outcome, PeerValue, ReportingGuideline, ReviewType,
    RoleTitle, SampleUnit, Setting, Source, Stakeholder, Stance, StandardRelation, Vocabulary,
    WayOfWorking,
};

/// One vocabulary entry, flattened for listing and serialization.
///
/// Serializes as `{"kind", "code", "label", "definition", "sources", ...mappings}`,
/// mappings present only where the entry has them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Entry {
    /// Which vocabulary the entry belongs to.
    pub kind: Kind,
    /// The stable wire code.
    pub code: &'static str,
    /// The human label.
    pub label: &'static str,
    /// The definition, written from the source papers.
    pub definition: &'static str,
    /// The papers that report it.
    pub sources: &'static [Source],
    /// CFIR 2.0, CHIME, beneficiary and direction, where they apply.
    #[serde(flatten)]
    pub mappings: Mappings,
    /// Relations to other standard entries, with SKOS meaning.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub relations: &'static [StandardRelation],
}

/// Every known entry of every vocabulary, in a fixed order: by kind as listed
/// in [`Kind`], then in each vocabulary's table order; and, for a codebook
/// [`with_document`](Codebook::with_document), the document's declared
/// concepts after them.
///
/// Serializes as one array: the standard entries, then the declared
/// concepts as the document writes them with `"declared": true`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Codebook {
    entries: Vec<Entry>,
    declared: Vec<DeclaredConcept>,
}

impl Serialize for Codebook {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;

        #[derive(Serialize)]
        struct Declared<'a> {
            #[serde(flatten)]
            concept: &'a DeclaredConcept,
            declared: bool,
        }
        let mut seq = serializer.serialize_seq(Some(self.entries.len() + self.declared.len()))?;
        for e in &self.entries {
            seq.serialize_element(e)?;
        }
        for concept in &self.declared {
            seq.serialize_element(&Declared {
                concept,
                declared: true,
            })?;
        }
        seq.end()
    }
}

impl Codebook {
    /// The codebook of this version of the crate.
    pub fn standard() -> Self {
        let mut entries = Vec::new();
        push::<RoleTitle>(&mut entries);
        push::<Employment>(&mut entries);
        push::<WayOfWorking>(&mut entries);
        push::<Stakeholder>(&mut entries);
        push::<Setting>(&mut entries);
        push::<PeerValue>(&mut entries);
        push::<Facilitator>(&mut entries);
        push::<Barrier>(&mut entries);
        push::<Outcome>(&mut entries);
        push::<Method>(&mut entries);
        push::<Analysis>(&mut entries);
        push::<Stance>(&mut entries);
        push::<Basis>(&mut entries);
        push::<ReviewType>(&mut entries);
        push::<ReportingGuideline>(&mut entries);
        push::<AppraisalTool>(&mut entries);
        push::<SampleUnit>(&mut entries);
        push::<CerqualConcern>(&mut entries);
        push::<CerqualConfidence>(&mut entries);
        Codebook {
            entries,
            declared: Vec::new(),
        }
    }

    /// The standard codebook with the concepts `document` declares, in the
    /// document's order.
    pub fn with_document(document: &Document) -> Self {
        Codebook {
            declared: document.concepts.clone(),
            ..Codebook::standard()
        }
    }

    /// The declared concepts (empty for [`Codebook::standard`]).
    pub fn declared(&self) -> &[DeclaredConcept] {
        &self.declared
    }

    /// All standard entries, in codebook order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries of one kind, in table order.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.kind == kind)
    }

    /// Looks up an entry by kind and code.
    pub fn get(&self, kind: Kind, code: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.kind == kind && e.code == code)
    }

    /// The number of entries, declared concepts included.
    pub fn len(&self) -> usize {
        self.entries.len() + self.declared.len()
    }

    /// Whether the codebook has no entries (never true for [`Codebook::standard`]).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Pretty JSON: an array of entry objects, two-space indented, with a
    /// trailing newline.
    pub fn to_json_pretty(&self) -> String {
        // Serializing &'static strs and closed enums cannot fail.
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }

    /// Markdown reference: one section per kind with a table of entries.
    ///
    /// `docs/codebook.md` is this output; a test fails when the file is stale.
    pub fn to_markdown(&self) -> String {
        let mut md = String::from(
            "# The peer-support codebook\n\n\
             Generated by `Codebook::to_markdown()` (`cargo run --features cli -- codebook \
             --format markdown`); do not edit by hand. Codes are the wire format and never \
             change once released.\n\n## Sources\n\n",
        );
        for source in crate::vocabulary::source::ALL_SOURCES {
            let _ = writeln!(
                md,
                "- `{}`: {} <{}>",
                source.key,
                source.reference(),
                source.url()
            );
        }
        for kind in Kind::ALL {
            let mut rows = self.of_kind(*kind).peekable();
            if rows.peek().is_none() {
                continue;
            }
            let _ = write!(
                md,
                "\n## {} (`{}`)\n\n| code | label | definition | mapping | relations | sources |\n|---|---|---|---|---|---|\n",
                kind.label(),
                kind.code()
            );
            for e in rows {
                let sources: Vec<&str> = e.sources.iter().map(|s| s.key).collect();
                let relations: Vec<String> = e
                    .relations
                    .iter()
                    .map(|r| relation(&r.relation, r.kind.code(), r.code))
                    .collect();
                let _ = writeln!(
                    md,
                    "| `{}` | {} | {} | {} | {} | {} |",
                    e.code,
                    e.label,
                    cell(e.definition),
                    describe(&e.mappings),
                    relations.join("; "),
                    sources.join(", ")
                );
            }
        }
        if !self.declared.is_empty() {
            md.push_str(
                "\n## Project concepts (declared in the document)\n\n\
                 | kind | code | label | definition | mapping | level | relations | sources |\n\
                 |---|---|---|---|---|---|---|---|\n",
            );
            for d in &self.declared {
                let relations: Vec<String> = d
                    .relations
                    .iter()
                    .map(|r| relation(&r.relation, r.target.kind_code(), r.target.code()))
                    .collect();
                let sources: Vec<String> = d
                    .sources
                    .iter()
                    .map(|s| match &s.doi {
                        Some(doi) => format!("doi:{}", doi.as_str()),
                        None => s.title.as_str().to_owned(),
                    })
                    .collect();
                let _ = writeln!(
                    md,
                    "| `{}` | `{}` | {} | {} | {} | {} | {} | {} |",
                    d.concept.kind_code(),
                    d.concept.code(),
                    cell(d.label.as_str()),
                    cell(d.definition.as_ref().map_or("", |t| t.as_str())),
                    describe(&d.mappings()),
                    d.level.map_or("", |l| l.code()),
                    relations.join("; "),
                    cell(&sources.join(", "))
                );
            }
        }
        md
    }
}

fn push<T: Vocabulary>(entries: &mut Vec<Entry>) {
    for value in T::all() {
        entries.push(Entry {
            kind: T::KIND,
            code: static_code(value),
            label: static_label(value),
            definition: value.definition().unwrap_or_default(),
            sources: value.sources(),
            mappings: value.mappings(),
            relations: value.relations(),
        });
    }
}

// `T::all()` is `&'static [T]`, so the strings of its known entries are
// `'static` too; the trait returns them tied to `&self` because custom values
// own theirs.
fn static_code<T: Vocabulary>(value: &'static T) -> &'static str {
    value.code()
}

fn static_label<T: Vocabulary>(value: &'static T) -> &'static str {
    value.label()
}

/// Text in a Markdown table cell: pipes escaped, lines joined.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// A relation as the Markdown tables write it (`broader barrier:low_pay`).
fn relation(kind: &crate::vocabulary::RelationKind, target_kind: &str, code: &str) -> String {
    format!("{kind} {target_kind}:`{code}`")
}

fn describe(m: &Mappings) -> String {
    let mut parts = Vec::new();
    if let (Some(d), Some(c)) = (m.cfir_domain, m.cfir_construct) {
        parts.push(format!("CFIR {} / {}", d.label(), c.label()));
    }
    if let (Some(b), Some(d)) = (m.beneficiary, m.direction) {
        parts.push(format!("{} for {}", d.label(), b.label().to_lowercase()));
    }
    if let Some(c) = m.chime {
        parts.push(format!("CHIME {}", c.label()));
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_present_and_in_order() {
        let codebook = Codebook::standard();
        let mut last = 0;
        for e in codebook.entries() {
            let at = Kind::ALL.iter().position(|k| *k == e.kind).unwrap();
            assert!(at >= last, "{} out of kind order", e.code);
            last = at;
        }
        for kind in Kind::ALL {
            assert!(codebook.of_kind(*kind).count() > 0, "no entries of {kind}");
        }
    }

    #[test]
    fn json_entries_carry_the_required_fields() {
        let json: serde_json::Value =
            serde_json::from_str(&Codebook::standard().to_json_pretty()).unwrap();
        let entries = json.as_array().unwrap();
        assert_eq!(entries.len(), Codebook::standard().len());
        for e in entries {
            for field in ["kind", "code", "label", "definition", "sources"] {
                assert!(e.get(field).is_some(), "{e} lacks {field}");
            }
            let kind = e["kind"].as_str().unwrap();
            if kind == "facilitator" || kind == "barrier" {
                assert!(
                    e["cfir_domain"].is_string() && e["cfir_construct"].is_string(),
                    "{e}"
                );
            }
            if kind == "outcome" {
                assert!(
                    e["beneficiary"].is_string() && e["direction"].is_string(),
                    "{e}"
                );
            }
        }
    }
}

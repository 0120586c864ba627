//! The project codebook: declared concepts are new codes, each declared
//! once; relations name concepts that exist, `broader` never loops, and no
//! two relations between the same concepts contradict each other.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::Validator;
use crate::diagnostics::{Issue, IssueCode};
use crate::study::concept_graph::{Edge, Origin, describe, edges};
use crate::study::{Concept, Document};
use crate::vocabulary::RelationKind;

impl Validator<'_> {
    /// Every check of the document's `concepts`.
    pub(super) fn project_codebook(&mut self, document: &Document) {
        let mut first_at: HashMap<&Concept, usize> = HashMap::new();
        for (ci, declared) in document.concepts.iter().enumerate() {
            let at = format!("/concepts/{ci}");
            let concept = &declared.concept;
            if concept.kind().is_none() {
                self.report.push(Issue::warning(
                    IssueCode::UnknownConceptKind,
                    format!("{at}/kind"),
                    format!(
                        "concept kind {:?} is not one this version knows; the declared concept is kept as written",
                        concept.kind_code()
                    ),
                ));
            } else if concept.is_known() {
                self.report.push(Issue::error(
                    IssueCode::ReusedStandardCode,
                    format!("{at}/code"),
                    format!(
                        "{} is a standard concept; a declared concept needs a code of its own (relate it with exact_match to say it is the same)",
                        describe(concept)
                    ),
                ));
            }
            if let Some(first) = first_at.insert(concept, ci) {
                first_at.insert(concept, first);
                self.report.push(Issue::error(
                    IssueCode::DuplicateConcept,
                    format!("{at}/code"),
                    format!(
                        "{} is already declared at /concepts/{first}",
                        describe(concept)
                    ),
                ));
            }
            for (ri, relation) in declared.relations.iter().enumerate() {
                let at = format!("{at}/relations/{ri}");
                if relation.relation.is_custom() {
                    self.report.push(Issue::warning(
                        IssueCode::UnknownVocabularyCode,
                        format!("{at}/relation"),
                        format!(
                            "relation {:?} is not one this version knows; it is kept as written and not used",
                            relation.relation.code()
                        ),
                    ));
                }
                let target = &relation.target;
                if !target.is_known() && !document.concepts.iter().any(|d| d.concept == *target) {
                    self.report.push(Issue::error(
                        IssueCode::DanglingRelation,
                        at,
                        format!(
                            "the target {} is neither a standard concept nor declared in this document's concepts",
                            describe(target)
                        ),
                    ));
                }
            }
        }
        let edges = edges(&document.concepts);
        self.broader_cycles(&edges);
        self.contradictions(&edges);
    }

    /// Reports each cycle of child-to-broader steps once, at a declared
    /// relation on it (the standard codebook has none: tests/vocabulary.rs).
    fn broader_cycles(&mut self, edges: &[Edge]) {
        let mut parents: BTreeMap<&Concept, Vec<(&Concept, Origin)>> = BTreeMap::new();
        for e in edges {
            if let Some((child, parent)) = e.child_parent() {
                parents.entry(child).or_default().push((parent, e.origin));
            }
        }
        // Depth-first, colouring: every concept is finished at most once.
        let mut done: BTreeSet<&Concept> = BTreeSet::new();
        let starts: Vec<&Concept> = parents.keys().copied().collect();
        for start in starts {
            if done.contains(start) {
                continue;
            }
            // The path: each concept with the index of the next parent to try.
            let mut path: Vec<(&Concept, usize)> = vec![(start, 0)];
            // How each step on the path was taken.
            let mut via: Vec<Origin> = Vec::new();
            while let Some((concept, next)) = path.last().copied() {
                let options = parents.get(concept).map(Vec::as_slice).unwrap_or(&[]);
                let Some(&(parent, origin)) = options.get(next) else {
                    done.insert(concept);
                    path.pop();
                    via.pop();
                    continue;
                };
                if let Some(last) = path.last_mut() {
                    last.1 += 1;
                }
                if done.contains(parent) {
                    continue;
                }
                if let Some(from) = path.iter().position(|(c, _)| *c == parent) {
                    let mut steps = via[from..].to_vec();
                    steps.push(origin);
                    let mut names: Vec<String> =
                        path[from..].iter().map(|(c, _)| describe(c)).collect();
                    names.push(describe(parent));
                    let at = steps.iter().rev().find_map(|o| o.pointer());
                    self.report.push(Issue::error(
                        IssueCode::CyclicBroader,
                        at.unwrap_or_else(|| "/concepts".to_owned()),
                        format!("broader relations form a cycle, each concept narrower than the next: {}", names.join(" -> ")),
                    ));
                    continue;
                }
                path.push((parent, 0));
                via.push(origin);
            }
        }
    }

    /// Reports a relation that cannot hold together with an earlier one
    /// between the same two concepts.
    fn contradictions(&mut self, edges: &[Edge]) {
        // What is stated about each unordered pair, as seen from its first
        // concept, with the first statement of each kind.
        let mut stated: BTreeMap<(&Concept, &Concept), Vec<(Stated, &Edge)>> = BTreeMap::new();
        for e in edges {
            let Some(mut s) = Stated::of(&e.relation) else {
                continue;
            };
            if e.from == e.to {
                continue;
            }
            let key = if e.from < e.to {
                (&e.from, &e.to)
            } else {
                s = s.flipped();
                (&e.to, &e.from)
            };
            let earlier = stated.entry(key).or_default();
            if let Some((_, first)) = earlier.iter().find(|(t, _)| t.contradicts(s)) {
                if let Some(at) = e.origin.pointer() {
                    let first_at = first
                        .origin
                        .pointer()
                        .unwrap_or_else(|| "the standard codebook".to_owned());
                    self.report.push(Issue::warning(
                        IssueCode::ContradictoryRelations,
                        at,
                        format!(
                            "{} {} {} contradicts {} {} {} ({first_at})",
                            describe(&e.from),
                            e.relation,
                            describe(&e.to),
                            describe(&first.from),
                            first.relation,
                            describe(&first.to),
                        ),
                    ));
                }
            } else if !earlier.iter().any(|(t, _)| *t == s) {
                earlier.push((s, e));
            }
        }
    }
}

/// What a relation says about an ordered pair (a, b).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stated {
    Same,
    /// b is broader than a.
    AUnderB,
    /// a is broader than b.
    BUnderA,
    Related,
}

impl Stated {
    fn of(relation: &RelationKind) -> Option<Stated> {
        match relation {
            RelationKind::ExactMatch => Some(Stated::Same),
            RelationKind::Broader => Some(Stated::AUnderB),
            RelationKind::Narrower => Some(Stated::BUnderA),
            RelationKind::Related => Some(Stated::Related),
            _ => None,
        }
    }

    fn flipped(self) -> Stated {
        match self {
            Stated::AUnderB => Stated::BUnderA,
            Stated::BUnderA => Stated::AUnderB,
            other => other,
        }
    }

    /// SKOS keeps exact matches, hierarchy and association apart, and a
    /// hierarchy has one direction.
    fn contradicts(self, other: Stated) -> bool {
        self != other
    }
}

#[cfg(test)]
mod tests {
    fn messages(json: &str) -> Vec<(String, String)> {
        let loaded = crate::from_str(json).unwrap();
        loaded
            .report
            .issues
            .iter()
            .map(|i| (i.path.as_str().to_owned(), i.message.clone()))
            .collect()
    }

    #[test]
    fn codebook_problems_are_named_with_their_paths() {
        let found = messages(include_str!(
            "../../tests/fixtures/invalid/cyclic_broader.json"
        ));
        assert_eq!(
            found,
            [
                (
                    "/concepts/4/code".to_owned(),
                    "barrier \"short_term_contracts\" is already declared at /concepts/3".to_owned()
                ),
                (
                    "/concepts/2/relations/0".to_owned(),
                    "broader relations form a cycle, each concept narrower than the next: barrier \"commissioning\" -> barrier \"funding_policy\" -> barrier \"national_policy\" -> barrier \"commissioning\"".to_owned()
                ),
                (
                    "/concepts/3/relations/1".to_owned(),
                    "barrier \"short_term_contracts\" broader barrier \"insufficient_funding\" contradicts barrier \"short_term_contracts\" exact_match barrier \"insufficient_funding\" (/concepts/3/relations/0)".to_owned()
                ),
            ]
        );
        let found = messages(include_str!(
            "../../tests/fixtures/invalid/reused_standard_code.json"
        ));
        assert_eq!(
            found[0].1,
            "barrier \"low_pay\" is a standard concept; a declared concept needs a code of its own (relate it with exact_match to say it is the same)"
        );
        let found = messages(include_str!(
            "../../tests/fixtures/invalid/dangling_relation.json"
        ));
        assert_eq!(
            found[0].1,
            "the target facilitator \"formal_recruitement_process\" is neither a standard concept nor declared in this document's concepts"
        );
        assert_eq!(
            found[2].1,
            "relation \"close_match\" is not one this version knows; it is kept as written and not used"
        );
    }

    #[test]
    fn unknown_fields_of_declared_concepts_are_kept_and_reported() {
        let json = r#"{"schema": "urn:peer-support:study-document", "schema_version": "1.2.0",
          "concepts": [{"kind": "barrier", "code": "benefits_trap", "label": "Benefits trap",
            "synonyms": ["welfare trap"],
            "relations": [{"relation": "related", "kind": "barrier", "code": "low_pay", "weight": 2}]}],
          "studies": []}"#;
        let found = messages(json);
        let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        assert!(paths.contains(&"/concepts/0/synonyms"), "{paths:?}");
        assert!(
            paths.contains(&"/concepts/0/relations/0/weight"),
            "{paths:?}"
        );
        let document = crate::from_str(json).unwrap().document;
        let written = document.to_json_compact();
        assert!(
            written.contains(r#""synonyms":["welfare trap"]"#),
            "{written}"
        );
        assert!(written.contains(r#""weight":2"#), "{written}");
    }
}

//! The relations among a document's concepts, standard and declared, as one
//! graph: what validation checks (targets, cycles, contradictions) and what
//! synthesis rolls rows up along (exact matches, broader concepts).

use std::collections::{BTreeMap, BTreeSet};

use super::{Concept, DeclaredConcept};
use crate::vocabulary::RelationKind;

/// Where a relation was stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    /// In the standard codebook's tables.
    Standard,
    /// In the document: relation `relation` of declared concept `concept`.
    Declared { concept: usize, relation: usize },
}

impl Origin {
    /// The JSON Pointer of a declared relation; `None` for a standard one.
    pub(crate) fn pointer(self) -> Option<String> {
        match self {
            Origin::Standard => None,
            Origin::Declared { concept, relation } => {
                Some(format!("/concepts/{concept}/relations/{relation}"))
            }
        }
    }
}

/// One stated relation: `from` is `relation` to `to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Edge {
    pub(crate) from: Concept,
    pub(crate) relation: RelationKind,
    pub(crate) to: Concept,
    pub(crate) origin: Origin,
}

impl Edge {
    /// The edge as "child has parent" when it is a broader or narrower
    /// relation (`A broader B` and `B narrower A` both say B contains A).
    pub(crate) fn child_parent(&self) -> Option<(&Concept, &Concept)> {
        match self.relation {
            RelationKind::Broader => Some((&self.from, &self.to)),
            RelationKind::Narrower => Some((&self.to, &self.from)),
            _ => None,
        }
    }
}

/// Every relation the standard codebook and the declared `concepts` (a
/// document's, in its order) state, standard ones first. A standard
/// relation's target is always a standard concept (tests/vocabulary.rs
/// checks this).
pub(crate) fn edges<'d>(concepts: impl IntoIterator<Item = &'d DeclaredConcept>) -> Vec<Edge> {
    let mut edges = Vec::new();
    for from in Concept::standard() {
        for r in from.standard_relations() {
            if let Ok(to) = Concept::from_codes(r.kind.code(), r.code) {
                edges.push(Edge {
                    from: from.clone(),
                    relation: r.relation.clone(),
                    to,
                    origin: Origin::Standard,
                });
            }
        }
    }
    for (ci, declared) in concepts.into_iter().enumerate() {
        for (ri, r) in declared.relations.iter().enumerate() {
            edges.push(Edge {
                from: declared.concept.clone(),
                relation: r.relation.clone(),
                to: r.target.clone(),
                origin: Origin::Declared {
                    concept: ci,
                    relation: ri,
                },
            });
        }
    }
    edges
}

/// A concept in messages: its kind and code (`barrier "low_pay"`).
pub(crate) fn describe(concept: &Concept) -> String {
    format!("{} {:?}", concept.kind_code(), concept.code())
}

/// The concepts merged by exact matches, and the broader concepts of each.
///
/// Each set of concepts joined by `exact_match` (transitively) is one
/// concept, represented by its first member in concept order, a standard
/// concept whenever the set has one (standard before declared, then by
/// kind and code), so that a project's synonym of a standard entry lines up
/// under the standard entry.
#[derive(Clone, Debug, Default)]
pub(crate) struct ConceptGraph {
    /// Each merged concept's representative (only for concepts in a set of
    /// two or more).
    representative: BTreeMap<Concept, Concept>,
    /// The representatives' direct broader representatives.
    parents: BTreeMap<Concept, BTreeSet<Concept>>,
}

impl ConceptGraph {
    /// The graph of the standard concepts and the declared `concepts`.
    pub(crate) fn new<'d>(concepts: impl IntoIterator<Item = &'d DeclaredConcept>) -> Self {
        let edges = edges(concepts);
        let mut sets: Vec<BTreeSet<Concept>> = Vec::new();
        for e in edges
            .iter()
            .filter(|e| e.relation == RelationKind::ExactMatch)
        {
            let a = sets.iter().position(|s| s.contains(&e.from));
            let b = sets.iter().position(|s| s.contains(&e.to));
            match (a, b) {
                (Some(a), Some(b)) if a == b => {}
                (Some(a), Some(b)) => {
                    let (keep, gone) = (a.min(b), a.max(b));
                    let moved = sets.swap_remove(gone);
                    sets[keep].extend(moved);
                }
                (Some(a), None) => {
                    sets[a].insert(e.to.clone());
                }
                (None, Some(b)) => {
                    sets[b].insert(e.from.clone());
                }
                (None, None) => sets.push([e.from.clone(), e.to.clone()].into()),
            }
        }
        let mut representative = BTreeMap::new();
        for set in sets {
            let first = set
                .iter()
                .find(|c| c.is_known())
                .or_else(|| set.first())
                .cloned();
            if let Some(first) = first {
                for member in set {
                    representative.insert(member, first.clone());
                }
            }
        }
        let mut graph = ConceptGraph {
            representative,
            parents: BTreeMap::new(),
        };
        for (child, parent) in edges.iter().filter_map(Edge::child_parent) {
            let (child, parent) = (graph.canonical(child).clone(), graph.canonical(parent));
            if child != *parent {
                let parent = parent.clone();
                graph.parents.entry(child).or_default().insert(parent);
            }
        }
        graph
    }

    /// The concept that stands for `concept` once exact matches are merged.
    pub(crate) fn canonical<'a>(&'a self, concept: &'a Concept) -> &'a Concept {
        self.representative.get(concept).unwrap_or(concept)
    }

    /// The topmost broader concepts of `concept` (itself when it has none),
    /// after merging exact matches; a cycle (which validation reports) ends
    /// the climb where it closes.
    pub(crate) fn roots(&self, concept: &Concept) -> BTreeSet<Concept> {
        let start = self.canonical(concept).clone();
        let mut roots = BTreeSet::new();
        let mut seen = BTreeSet::new();
        let mut stack = vec![start.clone()];
        while let Some(c) = stack.pop() {
            if !seen.insert(c.clone()) {
                continue;
            }
            match self.parents.get(&c) {
                Some(parents) => stack.extend(parents.iter().cloned()),
                None => {
                    roots.insert(c);
                }
            }
        }
        if roots.is_empty() {
            // Only a cycle above: the concept stands for itself.
            roots.insert(start);
        }
        roots
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::{Document, Relation, Text};
    use crate::vocabulary::{Barrier, Facilitator};

    fn declared(code: &str, relations: Vec<Relation>) -> DeclaredConcept {
        let mut d =
            DeclaredConcept::new(Barrier::from_code(code).unwrap(), Text::new(code).unwrap());
        d.relations = relations;
        d
    }

    #[test]
    fn exact_matches_merge_under_the_standard_concept_and_roots_climb() {
        let mut document = Document::new(Vec::new());
        let hr = Concept::from(Barrier::from_code("hr_policies").unwrap());
        document.concepts = vec![
            declared(
                "hr_policies",
                vec![
                    Relation::new(RelationKind::Narrower, Barrier::LowPay),
                    Relation::new(
                        RelationKind::Narrower,
                        Facilitator::FormalRecruitmentProcess,
                    ),
                ],
            ),
            declared(
                "poor_pay",
                vec![Relation::new(RelationKind::ExactMatch, Barrier::LowPay)],
            ),
        ];
        let graph = ConceptGraph::new(&document.concepts);
        let poor_pay = Concept::from(Barrier::from_code("poor_pay").unwrap());
        let low_pay = Concept::from(Barrier::LowPay);
        assert_eq!(graph.canonical(&poor_pay), &low_pay);
        assert_eq!(graph.roots(&poor_pay), [hr.clone()].into());
        assert_eq!(graph.roots(&hr), [hr.clone()].into());
        assert_eq!(
            graph.roots(&Facilitator::FormalRecruitmentProcess.into()),
            [hr].into()
        );
    }

    #[test]
    fn a_cycle_ends_the_climb() {
        let mut document = Document::new(Vec::new());
        document.concepts = vec![
            declared(
                "a",
                vec![Relation::new(
                    RelationKind::Broader,
                    Barrier::from_code("b").unwrap(),
                )],
            ),
            declared(
                "b",
                vec![Relation::new(
                    RelationKind::Broader,
                    Barrier::from_code("a").unwrap(),
                )],
            ),
        ];
        let graph = ConceptGraph::new(&document.concepts);
        let a = Concept::from(Barrier::from_code("a").unwrap());
        assert_eq!(graph.roots(&a).len(), 1);
    }
}

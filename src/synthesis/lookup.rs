//! What synthesis knows about a concept beyond its code: the label and
//! framework mapping of a declared concept, and where exact matches and
//! broader relations place it.

use std::collections::{BTreeSet, HashMap};

use crate::study::concept_graph::ConceptGraph;
use crate::study::{Concept, DeclaredConcept};
use crate::vocabulary::Mappings;

/// The standard codebook with the declared concepts of the documents being
/// synthesised (the first declaration of a code wins).
#[derive(Clone, Debug)]
pub(super) struct Lookup<'d> {
    graph: ConceptGraph,
    declared: HashMap<&'d Concept, &'d DeclaredConcept>,
}

impl<'d> Lookup<'d> {
    pub(super) fn new(concepts: impl IntoIterator<Item = &'d DeclaredConcept>) -> Self {
        let concepts: Vec<&DeclaredConcept> = concepts.into_iter().collect();
        let mut declared = HashMap::new();
        for d in &concepts {
            declared.entry(&d.concept).or_insert(*d);
        }
        Lookup {
            graph: ConceptGraph::new(concepts.iter().copied()),
            declared,
        }
    }

    /// The concept a link's concept is counted as: the representative of
    /// its exact matches.
    pub(super) fn canonical<'a>(&'a self, concept: &'a Concept) -> &'a Concept {
        self.graph.canonical(concept)
    }

    /// The topmost broader concepts of a concept (itself when none).
    pub(super) fn roots(&self, concept: &Concept) -> BTreeSet<Concept> {
        self.graph.roots(concept)
    }

    /// The document's declaration of a concept, if it has one.
    pub(super) fn declared(&self, concept: &Concept) -> Option<&'d DeclaredConcept> {
        self.declared.get(concept).copied()
    }

    /// The label: the standard entry's, else the declaration's, else the code.
    pub(super) fn label<'a>(&self, concept: &'a Concept) -> &'a str
    where
        'd: 'a,
    {
        match self.declared(concept) {
            Some(d) if !concept.is_known() => d.label.as_str(),
            _ => concept.label(),
        }
    }

    /// The framework mappings: the standard entry's, else the declaration's.
    pub(super) fn mappings(&self, concept: &Concept) -> Mappings {
        match self.declared(concept) {
            Some(d) if !concept.is_known() => d.mappings(),
            _ => concept.mappings(),
        }
    }
}

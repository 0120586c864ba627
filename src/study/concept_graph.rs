//! The relations among a document's concepts, standard and declared, as one
//! graph: what validation checks (targets, cycles, contradictions) and what
//! synthesis rolls rows up along (exact matches, broader concepts).

use std::collections::{BTreeMap, BTreeSet, HashMap};

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

/// Each concept that an `exact_match` edge names, with the representative
/// of the set of concepts exact matches join it to (transitively): the
/// set's first standard concept in concept order, else its first concept.
///
/// A union-find over the edges, so linear (but for the inverse Ackermann
/// factor) in their number.
pub(crate) fn exact_match_representatives(edges: &[Edge]) -> BTreeMap<Concept, Concept> {
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        let mut root = x;
        while parent[root] != root {
            root = parent[root];
        }
        while parent[x] != root {
            let next = parent[x];
            parent[x] = root;
            x = next;
        }
        root
    }
    let mut index: HashMap<&Concept, usize> = HashMap::new();
    let mut members: Vec<&Concept> = Vec::new();
    let mut parent: Vec<usize> = Vec::new();
    let mut size: Vec<usize> = Vec::new();
    for e in edges
        .iter()
        .filter(|e| e.relation == RelationKind::ExactMatch)
    {
        let mut ends = [0; 2];
        for (end, concept) in ends.iter_mut().zip([&e.from, &e.to]) {
            *end = *index.entry(concept).or_insert_with(|| {
                members.push(concept);
                parent.push(members.len() - 1);
                size.push(1);
                members.len() - 1
            });
        }
        let (a, b) = (find(&mut parent, ends[0]), find(&mut parent, ends[1]));
        if a != b {
            let (big, small) = if size[a] >= size[b] { (a, b) } else { (b, a) };
            parent[small] = big;
            size[big] += size[small];
        }
    }
    // The representative of each set, by the set's root.
    let mut best: HashMap<usize, &Concept> = HashMap::new();
    for (i, &concept) in members.iter().enumerate() {
        let root = find(&mut parent, i);
        let key = |c: &Concept| (!c.is_known(), c.clone());
        best.entry(root)
            .and_modify(|b| {
                if key(concept) < key(b) {
                    *b = concept;
                }
            })
            .or_insert(concept);
    }
    let mut representative = BTreeMap::new();
    for (i, &concept) in members.iter().enumerate() {
        let root = find(&mut parent, i);
        if let Some(&first) = best.get(&root) {
            representative.insert(concept.clone(), first.clone());
        }
    }
    representative
}

/// The concepts merged by exact matches, and the broader concepts of each.
///
/// Each set of concepts joined by `exact_match` (transitively) is one
/// concept, represented by its first member in concept order, a standard
/// concept whenever the set has one (standard before declared, then by
/// kind and code), so that a project's synonym of a standard entry lines up
/// under the standard entry.
///
/// The topmost broader concepts of every concept are worked out once, when
/// the graph is built, in time linear in the number of relations (and in
/// the size of the answers): a matrix asks for them once per row.
#[derive(Clone, Debug)]
pub(crate) struct ConceptGraph {
    /// Each merged concept's representative (only for concepts in a set of
    /// two or more).
    representative: BTreeMap<Concept, Concept>,
    /// Each representative with a broader concept: an index into
    /// `root_sets`.
    roots: BTreeMap<Concept, usize>,
    /// The topmost broader concepts of each strongly connected component
    /// of the child-to-parent graph, empty when only a cycle is above.
    root_sets: Vec<BTreeSet<Concept>>,
}

impl ConceptGraph {
    /// The graph of the standard concepts and the declared `concepts`.
    pub(crate) fn new<'d>(concepts: impl IntoIterator<Item = &'d DeclaredConcept>) -> Self {
        let edges = edges(concepts);
        let representative = exact_match_representatives(&edges);
        let canonical = |c: &Concept| representative.get(c).unwrap_or(c).clone();
        // The child-to-parent graph of the representatives, by index.
        let mut index: HashMap<Concept, usize> = HashMap::new();
        let mut nodes: Vec<Concept> = Vec::new();
        let mut parents: Vec<Vec<usize>> = Vec::new();
        let mut node = |c: Concept, nodes: &mut Vec<Concept>, parents: &mut Vec<Vec<usize>>| {
            *index.entry(c).or_insert_with_key(|c| {
                nodes.push(c.clone());
                parents.push(Vec::new());
                nodes.len() - 1
            })
        };
        for (child, parent) in edges.iter().filter_map(Edge::child_parent) {
            let (child, parent) = (canonical(child), canonical(parent));
            if child != parent {
                let child = node(child, &mut nodes, &mut parents);
                let parent = node(parent, &mut nodes, &mut parents);
                parents[child].push(parent);
            }
        }
        let (component, components) = strongly_connected(&parents);
        // Tarjan's algorithm finishes a component only after every component
        // it reaches, so each one's parents' roots are known by its turn.
        let mut root_sets: Vec<BTreeSet<Concept>> = Vec::with_capacity(components.len());
        for (id, members) in components.iter().enumerate() {
            let mut set = BTreeSet::new();
            for &m in members {
                if parents[m].is_empty() {
                    set.insert(nodes[m].clone());
                }
                for &p in &parents[m] {
                    let above = component[p];
                    if above != id {
                        set.extend(root_sets[above].iter().cloned());
                    }
                }
            }
            root_sets.push(set);
        }
        let roots = nodes
            .iter()
            .enumerate()
            .filter(|&(i, _)| !parents[i].is_empty())
            .map(|(i, c)| (c.clone(), component[i]))
            .collect();
        ConceptGraph {
            representative,
            roots,
            root_sets,
        }
    }

    /// The concept that stands for `concept` once exact matches are merged.
    pub(crate) fn canonical<'a>(&'a self, concept: &'a Concept) -> &'a Concept {
        self.representative.get(concept).unwrap_or(concept)
    }

    /// The topmost broader concepts of `concept` (itself when it has none),
    /// after merging exact matches; a cycle (which validation reports) ends
    /// the climb where it closes.
    pub(crate) fn roots(&self, concept: &Concept) -> BTreeSet<Concept> {
        let start = self.canonical(concept);
        match self.roots.get(start).and_then(|&i| self.root_sets.get(i)) {
            Some(set) if !set.is_empty() => set.clone(),
            // No broader concept, or only a cycle above: the concept stands
            // for itself.
            _ => [start.clone()].into(),
        }
    }
}

/// The strongly connected components of the graph whose node `i` has the
/// edges `edges[i]`, by Tarjan's algorithm without recursion (a chain of a
/// hundred thousand concepts must not overflow the stack): each node's
/// component, and the components' members, each component after every
/// component it reaches.
pub(crate) fn strongly_connected(edges: &[Vec<usize>]) -> (Vec<usize>, Vec<Vec<usize>>) {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut component = vec![UNSEEN; n];
    let mut components: Vec<Vec<usize>> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut counter = 0;
    for start in 0..n {
        if order[start] != UNSEEN {
            continue;
        }
        // Each node being visited, with the index of its next edge.
        let mut calls: Vec<(usize, usize)> = vec![(start, 0)];
        order[start] = counter;
        low[start] = counter;
        counter += 1;
        stack.push(start);
        on_stack[start] = true;
        while let Some(&(v, next)) = calls.last() {
            if let Some(&w) = edges[v].get(next) {
                if let Some(call) = calls.last_mut() {
                    call.1 += 1;
                }
                if order[w] == UNSEEN {
                    order[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(order[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(u, _)) = calls.last() {
                low[u] = low[u].min(low[v]);
            }
            if low[v] == order[v] {
                let id = components.len();
                let mut members = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component[w] = id;
                    members.push(w);
                    if w == v {
                        break;
                    }
                }
                components.push(members);
            }
        }
    }
    (component, components)
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

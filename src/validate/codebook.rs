//! The project codebook: declared concepts are new codes, each declared
//! once; relations name concepts that exist, `broader` never loops, and no
//! relations contradict each other, counting exact matches as one concept.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use super::Validator;
use crate::diagnostics::{Issue, IssueCode};
use crate::study::concept_graph::{Edge, Origin, describe, edges, exact_match_representatives};
use crate::study::{Concept, Document};
use crate::vocabulary::RelationKind;

impl Validator<'_> {
    /// Every check of the document's `concepts`.
    pub(super) fn project_codebook(&mut self, document: &Document) {
        let mut first_at: HashMap<&Concept, usize> = HashMap::new();
        let declared_concepts: HashSet<&Concept> =
            document.concepts.iter().map(|d| &d.concept).collect();
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
                if !target.is_known() && !declared_concepts.contains(target) {
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
        let merged = Merged::new(&edges);
        self.broader_cycles(&edges, &merged);
        self.contradictions(&edges);
        self.merged_contradictions(&edges, &merged);
    }

    /// Reports each cycle of child-to-broader steps once, at a declared
    /// relation on it (the standard codebook has none: tests/vocabulary.rs),
    /// with exact matches merged first, as synthesis merges them: a step
    /// between two concepts of one exact-match set is a contradiction, not
    /// a cycle, and [`Self::merged_contradictions`] reports it.
    fn broader_cycles(&mut self, edges: &[Edge], merged: &Merged) {
        let mut parents: BTreeMap<&Concept, Vec<(&Concept, &Edge)>> = BTreeMap::new();
        for e in edges {
            if let Some((child, parent)) = e.child_parent() {
                let (child, parent) = (merged.canonical(child), merged.canonical(parent));
                if child != parent {
                    parents.entry(child).or_default().push((parent, e));
                }
            }
        }
        // Depth-first, colouring: every concept is finished at most once.
        let mut done: HashSet<&Concept> = HashSet::new();
        // Where each concept on the path is on it.
        let mut on_path: HashMap<&Concept, usize> = HashMap::new();
        let starts: Vec<&Concept> = parents.keys().copied().collect();
        for start in starts {
            if done.contains(start) {
                continue;
            }
            // The path: each concept with the index of the next parent to try.
            let mut path: Vec<(&Concept, usize)> = vec![(start, 0)];
            on_path.insert(start, 0);
            // How each step on the path was taken.
            let mut via: Vec<&Edge> = Vec::new();
            while let Some((concept, next)) = path.last().copied() {
                let options = parents.get(concept).map(Vec::as_slice).unwrap_or(&[]);
                let Some(&(parent, edge)) = options.get(next) else {
                    done.insert(concept);
                    on_path.remove(concept);
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
                if let Some(&from) = on_path.get(parent) {
                    let mut steps = via[from..].to_vec();
                    steps.push(edge);
                    let mut names: Vec<String> =
                        path[from..].iter().map(|(c, _)| describe(c)).collect();
                    names.push(describe(parent));
                    // The concepts of the cycle's relations that it names by
                    // their exact matches, each once, in concept order.
                    let mut renamed: Vec<&Concept> = steps
                        .iter()
                        .flat_map(|e| [&e.from, &e.to])
                        .filter(|c| merged.canonical(c) != *c)
                        .collect();
                    renamed.sort_unstable();
                    renamed.dedup();
                    let at = steps.iter().rev().find_map(|e| e.origin.pointer());
                    let message = if renamed.is_empty() {
                        format!(
                            "broader relations form a cycle, each concept narrower than the next: {}",
                            names.join(" -> ")
                        )
                    } else {
                        let renamed: Vec<String> = renamed
                            .iter()
                            .map(|c| {
                                format!(
                                    "{} as its exact match {}",
                                    describe(c),
                                    describe(merged.canonical(c))
                                )
                            })
                            .collect();
                        format!(
                            "broader relations form a cycle once exact matches are merged, each concept narrower than the next: {} (with {})",
                            names.join(" -> "),
                            renamed.join(", ")
                        )
                    };
                    self.report.push(Issue::error(
                        IssueCode::CyclicBroader,
                        at.unwrap_or_else(|| "/concepts".to_owned()),
                        message,
                    ));
                    continue;
                }
                on_path.insert(parent, path.len());
                path.push((parent, 0));
                via.push(edge);
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

    /// Reports what only shows once exact matches are merged, as synthesis
    /// merges them: a declared relation other than `exact_match` between two
    /// concepts of one exact-match set (unless an exact match between the
    /// same two says so directly, which [`Self::contradictions`] reports),
    /// and two standard concepts made one, which the standard codebook keeps
    /// apart. SKOS keeps exact matches apart from hierarchy and association.
    fn merged_contradictions(&mut self, edges: &[Edge], merged: &Merged) {
        let pair = |a: &'_ Concept, b: &'_ Concept| -> (Concept, Concept) {
            if a < b {
                (a.clone(), b.clone())
            } else {
                (b.clone(), a.clone())
            }
        };
        let direct: HashSet<(Concept, Concept)> = edges
            .iter()
            .filter(|e| e.relation == RelationKind::ExactMatch)
            .map(|e| pair(&e.from, &e.to))
            .collect();
        for e in edges {
            if !matches!(
                Stated::of(&e.relation),
                Some(Stated::AUnderB | Stated::BUnderA | Stated::Related)
            ) || e.from == e.to
                || merged.canonical(&e.from) != merged.canonical(&e.to)
            {
                continue;
            }
            // A standard relation joins two standard concepts: reported below.
            let Some(at) = e.origin.pointer() else {
                continue;
            };
            if direct.contains(&pair(&e.from, &e.to)) {
                continue;
            }
            self.report.push(Issue::warning(
                IssueCode::ContradictoryRelations,
                at,
                format!(
                    "{} {} {} contradicts the exact matches that make them one concept: {}",
                    describe(&e.from),
                    e.relation,
                    describe(&e.to),
                    describe_chain(&merged.chain(&e.from, &e.to)),
                ),
            ));
        }
        for (member, representative) in &merged.representative {
            if member == representative || !member.is_known() {
                continue;
            }
            let chain = merged.chain(representative, member);
            let last = chain
                .iter()
                .filter_map(|e| match e.origin {
                    Origin::Declared { concept, relation } => Some((concept, relation)),
                    Origin::Standard => None,
                })
                .max();
            let Some((concept, relation)) = last else {
                continue;
            };
            let at = Origin::Declared { concept, relation }
                .pointer()
                .unwrap_or_else(|| "/concepts".to_owned());
            self.report.push(Issue::warning(
                IssueCode::ContradictoryRelations,
                at,
                format!(
                    "exact matches make the standard concepts {} and {} one concept, which the standard codebook keeps apart: {}",
                    describe(representative),
                    describe(member),
                    describe_chain(&chain),
                ),
            ));
        }
    }
}

/// The document's exact-match sets: each concept's representative, and the
/// exact-match edges at each concept, to name the chain that joins two.
struct Merged<'e> {
    representative: BTreeMap<Concept, Concept>,
    exact: HashMap<&'e Concept, Vec<&'e Edge>>,
}

impl<'e> Merged<'e> {
    fn new(edges: &'e [Edge]) -> Self {
        let mut exact: HashMap<&Concept, Vec<&Edge>> = HashMap::new();
        for e in edges
            .iter()
            .filter(|e| e.relation == RelationKind::ExactMatch)
        {
            exact.entry(&e.from).or_default().push(e);
            exact.entry(&e.to).or_default().push(e);
        }
        Merged {
            representative: exact_match_representatives(edges),
            exact,
        }
    }

    fn canonical<'a>(&'a self, concept: &'a Concept) -> &'a Concept {
        self.representative.get(concept).unwrap_or(concept)
    }

    /// The shortest chain of exact matches from `a` to `b` (breadth-first,
    /// in edge order, so always the same one), in the order walked.
    fn chain<'a>(&'a self, a: &'a Concept, b: &Concept) -> Vec<&'a Edge> {
        let mut came_by: HashMap<&Concept, &Edge> = HashMap::new();
        let mut queue: VecDeque<&Concept> = VecDeque::from([a]);
        let mut seen: HashSet<&Concept> = HashSet::from([a]);
        while let Some(c) = queue.pop_front() {
            if c == b {
                break;
            }
            for &e in self.exact.get(c).map(Vec::as_slice).unwrap_or(&[]) {
                let other = if e.from == *c { &e.to } else { &e.from };
                if seen.insert(other) {
                    came_by.insert(other, e);
                    queue.push_back(other);
                }
            }
        }
        let mut chain = Vec::new();
        let mut at = b;
        while let Some(&e) = came_by.get(at) {
            chain.push(e);
            at = if e.to == *at { &e.from } else { &e.to };
        }
        chain.reverse();
        chain
    }
}

/// The relations of an exact-match chain in a message, each with where it
/// is stated.
fn describe_chain(chain: &[&Edge]) -> String {
    chain
        .iter()
        .map(|e| {
            format!(
                "{} {} {} ({})",
                describe(&e.from),
                e.relation,
                describe(&e.to),
                e.origin
                    .pointer()
                    .unwrap_or_else(|| "the standard codebook".to_owned())
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
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
    fn cycles_and_contradictions_count_exact_matches_as_one_concept() {
        let found = messages(include_str!(
            "../../tests/fixtures/invalid/cyclic_broader_through_exact_match.json"
        ));
        assert_eq!(
            found,
            [(
                "/concepts/1/relations/0".to_owned(),
                "broader relations form a cycle once exact matches are merged, each concept narrower than the next: barrier \"low_pay\" -> barrier \"money\" -> barrier \"low_pay\" (with barrier \"poor_pay\" as its exact match barrier \"low_pay\")".to_owned()
            )]
        );
        let found = messages(include_str!(
            "../../tests/fixtures/invalid/merged_standard_concepts.json"
        ));
        assert_eq!(
            found,
            [
                (
                    "/concepts/1/relations/1".to_owned(),
                    "barrier \"poor_pay\" related barrier \"low_pay\" contradicts the exact matches that make them one concept: barrier \"poor_pay\" exact_match barrier \"money\" (/concepts/1/relations/0), barrier \"money\" exact_match barrier \"low_pay\" (/concepts/0/relations/0)".to_owned()
                ),
                (
                    "/concepts/0/relations/1".to_owned(),
                    "exact matches make the standard concepts barrier \"insufficient_funding\" and barrier \"low_pay\" one concept, which the standard codebook keeps apart: barrier \"money\" exact_match barrier \"insufficient_funding\" (/concepts/0/relations/1), barrier \"money\" exact_match barrier \"low_pay\" (/concepts/0/relations/0)".to_owned()
                ),
            ]
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

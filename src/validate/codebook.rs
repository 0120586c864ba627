//! The project codebook: declared concepts are new codes, each declared
//! once; relations name concepts that exist, `broader` never loops, and no
//! relations contradict each other, counting exact matches as one concept.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

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
            if let Some((stated_child, stated_parent)) = e.child_parent() {
                let (child, parent) = (
                    merged.canonical(stated_child),
                    merged.canonical(stated_parent),
                );
                // A concept stated broader than itself is a cycle of one
                // step; two concepts merged by exact matches are not.
                if child != parent || stated_child == stated_parent {
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
                    // A long cycle is named by its ends: each message stays
                    // short however long the chain, so a document of long
                    // chains cannot make the report grow with their square.
                    let shown = shown_steps(via.len() + 1 - from);
                    let step = |i: usize| via.get(from + i).copied().unwrap_or(edge);
                    let steps: Vec<&Edge> = shown.iter().flatten().map(|&i| step(i)).collect();
                    let mut names: Vec<String> = Vec::new();
                    for (part, indices) in shown.iter().enumerate() {
                        if part == 1 && !indices.is_empty() {
                            let left_out = via.len() + 1 - from - shown[0].len() - shown[1].len();
                            names.push(format!("({left_out} more)"));
                        }
                        names.extend(indices.iter().map(|&i| describe(path[from + i].0)));
                    }
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

/// The document's exact-match sets: each concept's representative, and a
/// breadth-first tree of each set's exact-match edges from its
/// representative, to name the chain that joins two members.
struct Merged<'e> {
    representative: BTreeMap<Concept, Concept>,
    /// Each member's step towards its set's representative: the edge, the
    /// member it leads to, and the member's depth (the root has none).
    tree: HashMap<&'e Concept, (&'e Edge, &'e Concept, usize)>,
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
        let representative = exact_match_representatives(edges);
        // One tree per set, from its representative, in edge order: the same
        // tree, and so the same chains, every time.
        let roots: BTreeSet<&Concept> = representative.values().collect();
        let mut tree: HashMap<&Concept, (&Edge, &Concept, usize)> = HashMap::new();
        for root in roots {
            let Some((&root, _)) = exact.get_key_value(root) else {
                continue;
            };
            let mut seen: HashSet<&Concept> = HashSet::from([root]);
            let mut queue: VecDeque<(&Concept, usize)> = VecDeque::from([(root, 0)]);
            while let Some((c, depth)) = queue.pop_front() {
                for &e in exact.get(c).map(Vec::as_slice).unwrap_or(&[]) {
                    let other = if e.from == *c { &e.to } else { &e.from };
                    if seen.insert(other) {
                        tree.insert(other, (e, c, depth + 1));
                        queue.push_back((other, depth + 1));
                    }
                }
            }
        }
        Merged {
            representative,
            tree,
        }
    }

    fn canonical<'a>(&'a self, concept: &'a Concept) -> &'a Concept {
        self.representative.get(concept).unwrap_or(concept)
    }

    /// The chain of exact matches from `a` to `b` through their set's tree,
    /// in the order walked: as long as the two members' paths to where they
    /// meet, never a search of the whole set.
    fn chain(&self, a: &Concept, b: &Concept) -> Vec<&'e Edge> {
        let depth = |c: &Concept| self.tree.get(c).map_or(0, |&(_, _, d)| d);
        let up = |c: &Concept| self.tree.get(c).map(|&(e, parent, _)| (e, parent));
        let (mut x, mut y): (&Concept, &Concept) = (a, b);
        let (mut from_a, mut from_b) = (Vec::new(), Vec::new());
        while depth(x) > depth(y) {
            let Some((e, parent)) = up(x) else { break };
            from_a.push(e);
            x = parent;
        }
        while depth(y) > depth(x) {
            let Some((e, parent)) = up(y) else { break };
            from_b.push(e);
            y = parent;
        }
        while x != y {
            let (Some((ex, px)), Some((ey, py))) = (up(x), up(y)) else {
                break;
            };
            from_a.push(ex);
            from_b.push(ey);
            x = px;
            y = py;
        }
        from_b.reverse();
        from_a.extend(from_b);
        from_a
    }
}

/// The most concepts of a cycle a message names one by one.
const CYCLE_NAMED: usize = 20;

/// Which steps of a cycle of `len` steps a message names: all of them, or
/// the first and the last [`CYCLE_NAMED`]` / 2` (the second list is empty
/// when nothing is left out).
fn shown_steps(len: usize) -> [Vec<usize>; 2] {
    if len <= CYCLE_NAMED {
        [(0..len).collect(), Vec::new()]
    } else {
        let half = CYCLE_NAMED / 2;
        [(0..half).collect(), (len - half..len).collect()]
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
    fn a_concept_broader_or_narrower_than_itself_is_a_cycle() {
        for relation in ["broader", "narrower"] {
            let json = format!(
                r#"{{"schema": "urn:peer-support:study-document", "schema_version": "1.1.0", "studies": [],
                  "concepts": [{{"kind": "barrier", "code": "poor_pay", "label": "Poor pay",
                    "relations": [{{"relation": "{relation}", "kind": "barrier", "code": "poor_pay"}}]}}]}}"#
            );
            let found = messages(&json);
            assert!(
                found.contains(&(
                    "/concepts/0/relations/0".to_owned(),
                    "broader relations form a cycle, each concept narrower than the next: barrier \"poor_pay\" -> barrier \"poor_pay\"".to_owned()
                )),
                "{relation}: {found:?}"
            );
        }
    }

    #[test]
    fn a_long_cycle_is_named_by_its_ends() {
        let n = 30;
        let concepts: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"kind": "barrier", "code": "c{i}", "label": "C{i}",
                      "relations": [{{"relation": "broader", "kind": "barrier", "code": "c{}"}}]}}"#,
                    (i + 1) % n
                )
            })
            .collect();
        let json = format!(
            r#"{{"schema": "urn:peer-support:study-document", "schema_version": "1.1.0", "studies": [],
              "concepts": [{}]}}"#,
            concepts.join(",")
        );
        let found = messages(&json);
        assert_eq!(found[0].1, "the document holds no studies");
        let names = |range: std::ops::Range<usize>| {
            range
                .map(|i| format!("barrier \"c{i}\""))
                .collect::<Vec<_>>()
                .join(" -> ")
        };
        assert_eq!(
            found[1..],
            [(
                "/concepts/29/relations/0".to_owned(),
                format!(
                    "broader relations form a cycle, each concept narrower than the next: {} -> (10 more) -> {} -> barrier \"c0\"",
                    names(0..10),
                    names(20..30)
                )
            )]
        );
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

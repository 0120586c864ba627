//! Rows rolled up into groups: by broader concept, CFIR 2.0 construct or
//! domain, CHIME process or kind, each study counted once per group.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use serde::Serialize;

use super::csv::record;
use super::table::{stances, write_aligned, write_study_legend};
use super::{ConceptRow, EvidenceMatrix, StanceMark, StudyColumn};
use crate::vocabulary::{CfirConstruct, CfirDomain, ChimeProcess, Kind};

/// What a [`Rollup`] groups the matrix's rows by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Grouping {
    /// Each concept its own group (exact matches already merged).
    Concept,
    /// The topmost broader concept (the concept itself when it has none);
    /// a concept under two broader concepts counts in both.
    Broader,
    /// The CFIR 2.0 construct of a facilitator or barrier.
    CfirConstruct,
    /// The CFIR 2.0 domain of a facilitator or barrier.
    CfirDomain,
    /// The CHIME process of a personal-recovery outcome.
    Chime,
    /// The concept's kind.
    Kind,
}

impl Grouping {
    /// Every grouping, in the order the CLI lists them.
    pub const ALL: &'static [Grouping] = &[
        Grouping::Concept,
        Grouping::Broader,
        Grouping::CfirConstruct,
        Grouping::CfirDomain,
        Grouping::Chime,
        Grouping::Kind,
    ];

    /// The code, as `--by` and the JSON output write it (`cfir-domain`).
    pub fn code(self) -> &'static str {
        match self {
            Grouping::Concept => "concept",
            Grouping::Broader => "broader",
            Grouping::CfirConstruct => "cfir-construct",
            Grouping::CfirDomain => "cfir-domain",
            Grouping::Chime => "chime",
            Grouping::Kind => "kind",
        }
    }

    /// The groups a row belongs to: (order, code, label); `None` for the
    /// unmapped group.
    fn groups(self, row: &ConceptRow) -> Vec<Option<(usize, String, String)>> {
        fn rank<T: PartialEq>(all: &[T], x: &T) -> usize {
            all.iter().position(|y| y == x).unwrap_or(all.len())
        }
        let concept = |c: &crate::study::Concept, label: &str| {
            let (kind_rank, _, _) = ConceptRow::sort_key(c);
            Some((
                kind_rank,
                format!("{}:{}", c.kind_code(), c.code()),
                label.to_owned(),
            ))
        };
        let m = row.mappings();
        match self {
            Grouping::Concept => vec![concept(row.concept(), row.label())],
            Grouping::Broader => row.broader.iter().map(|(c, l)| concept(c, l)).collect(),
            Grouping::CfirConstruct => vec![m.cfir_construct.map(|c| {
                (
                    rank(CfirConstruct::ALL, &c),
                    c.code().to_owned(),
                    c.label().to_owned(),
                )
            })],
            Grouping::CfirDomain => vec![m.cfir_domain.map(|d| {
                (
                    rank(CfirDomain::ALL, &d),
                    d.code().to_owned(),
                    d.label().to_owned(),
                )
            })],
            Grouping::Chime => vec![m.chime.map(|c| {
                (
                    rank(ChimeProcess::ALL, &c),
                    c.code().to_owned(),
                    c.label().to_owned(),
                )
            })],
            Grouping::Kind => vec![Some(match row.concept().kind() {
                Some(k) => (
                    rank(Kind::ALL, &k),
                    k.code().to_owned(),
                    k.label().to_owned(),
                ),
                None => (
                    Kind::ALL.len(),
                    row.concept().kind_code().to_owned(),
                    row.concept().kind_code().to_owned(),
                ),
            })],
        }
    }
}

impl fmt::Display for Grouping {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A grouping code that is not one of [`Grouping::ALL`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown grouping {0:?}: expected one of concept, broader, cfir-construct, cfir-domain, chime, kind"
)]
pub struct UnknownGrouping(String);

impl FromStr for Grouping {
    type Err = UnknownGrouping;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Grouping::ALL
            .iter()
            .copied()
            .find(|g| g.code() == s)
            .ok_or_else(|| UnknownGrouping(crate::util::truncate(s, 200).to_owned()))
    }
}

impl Serialize for Grouping {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// The columns of [`Rollup::write_csv`], in order: its header, and the
/// fields of each record.
pub const ROLLUP_CSV_COLUMNS: [&str; 9] = [
    "by",
    "group",
    "group_label",
    "study",
    "study_id",
    "study_title",
    "stances",
    "findings",
    "concepts",
];

/// The matrix's rows rolled up into groups; see [`EvidenceMatrix::rollup`].
///
/// Serializes as `{"by", "studies", "groups", "cells"}`: each group with its
/// code (`null` for the concepts without a mapping of that kind), label,
/// number of studies and findings, member concepts and one entry per study;
/// `cells` lists every member concept × study with the group, the stances
/// and the number of findings, which is what a heat map draws.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Rollup {
    /// What the rows are grouped by.
    pub by: Grouping,
    /// The matrix's studies.
    pub studies: Vec<StudyColumn>,
    /// The groups, in framework order (CFIR, CHIME and kind tables; concept
    /// order for concepts), the unmapped group last.
    pub groups: Vec<Group>,
    /// Every member concept × reporting study.
    pub cells: Vec<GroupCell>,
}

/// One group of a [`Rollup`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Group {
    /// The group's code (`inner_setting`, `barrier:low_pay`); `None` for the
    /// concepts without such a mapping, which are shown, never dropped.
    pub group: Option<String>,
    /// The group's label (`"(unmapped)"` for the unmapped group).
    pub label: String,
    /// How many studies report any member: each study once.
    pub studies: usize,
    /// How many findings link any member (a finding linking two counts once).
    pub findings: usize,
    /// The member concepts, in concept order.
    pub members: Vec<Member>,
    /// One entry per study reporting a member, in study order.
    pub evidence: Vec<GroupEvidence>,
}

/// A concept counted in a group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Member {
    /// The concept's kind code.
    pub kind: String,
    /// Its code.
    pub code: String,
    /// Its label.
    pub label: String,
}

/// What one study reports about a group's members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct GroupEvidence {
    /// The study, an index into [`Rollup::studies`].
    pub study: usize,
    /// The distinct stances over the members, sorted.
    pub stances: Vec<StanceMark>,
    /// How many of the study's findings link a member.
    pub findings: usize,
    /// The members the study reports, as indices into [`Group::members`].
    pub concepts: Vec<usize>,
}

/// One member concept × study of a group: a heat map's cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct GroupCell {
    /// The group's code (`None`: unmapped).
    pub group: Option<String>,
    /// The concept's kind code.
    pub kind: String,
    /// The concept's code.
    pub code: String,
    /// The study, an index into [`Rollup::studies`].
    pub study: usize,
    /// The study's stances on the concept.
    pub stances: Vec<StanceMark>,
    /// How many of the study's findings link the concept.
    pub findings: usize,
}

/// A group while it is being filled.
#[derive(Default)]
struct Building {
    label: String,
    members: Vec<Member>,
    cells: BTreeMap<usize, BuildingCell>,
}

/// One study's evidence for a group while it is being filled.
#[derive(Default)]
struct BuildingCell {
    stances: BTreeSet<StanceMark>,
    /// Positions of the findings in the study.
    findings: BTreeSet<usize>,
    /// Indices into the group's members.
    members: BTreeSet<usize>,
}

impl EvidenceMatrix {
    /// The rows rolled up by `by`. A study counts once per group however
    /// many of its members it reports; rows with no mapping of that kind
    /// form one unmapped group.
    ///
    /// ```
    /// use peer_support::catalog;
    /// use peer_support::synthesis::{EvidenceMatrix, Grouping};
    ///
    /// let seeds = catalog::seed_studies()?;
    /// let matrix = EvidenceMatrix::from_document(&seeds.document);
    /// let domains = matrix.rollup(Grouping::CfirDomain);
    /// let inner = domains.groups.iter().find(|g| g.group.as_deref() == Some("inner_setting")).unwrap();
    /// assert!(inner.studies <= matrix.studies().len());
    /// assert!(domains.groups.last().unwrap().group.is_none(), "unmapped concepts come last");
    /// # Ok::<(), peer_support::document::ReadError>(())
    /// ```
    pub fn rollup(&self, by: Grouping) -> Rollup {
        let mut building: BTreeMap<(bool, usize, String), Building> = BTreeMap::new();
        let mut cells = Vec::new();
        for row in self.concepts() {
            for group in by.groups(row) {
                let (key, label) = match &group {
                    Some((rank, code, label)) => ((false, *rank, code.clone()), label.clone()),
                    None => ((true, 0, String::new()), "(unmapped)".to_owned()),
                };
                let b = building.entry(key).or_default();
                b.label = label;
                let member = b.members.len();
                b.members.push(Member {
                    kind: row.concept().kind_code().to_owned(),
                    code: row.concept().code().to_owned(),
                    label: row.label().to_owned(),
                });
                for e in row.evidence() {
                    let cell = b.cells.entry(e.study()).or_default();
                    cell.stances.extend(e.stances().iter().cloned());
                    cell.findings.extend(e.finding_at.iter().copied());
                    cell.members.insert(member);
                    cells.push(GroupCell {
                        group: group.as_ref().map(|(_, code, _)| code.clone()),
                        kind: row.concept().kind_code().to_owned(),
                        code: row.concept().code().to_owned(),
                        study: e.study(),
                        stances: e.stances().to_vec(),
                        findings: e.findings(),
                    });
                }
            }
        }
        let groups = building
            .into_iter()
            .map(|((unmapped, _, code), b)| {
                let evidence: Vec<GroupEvidence> = b
                    .cells
                    .into_iter()
                    .map(|(study, cell)| GroupEvidence {
                        study,
                        stances: cell.stances.into_iter().collect(),
                        findings: cell.findings.len(),
                        concepts: cell.members.into_iter().collect(),
                    })
                    .collect();
                Group {
                    group: (!unmapped).then_some(code),
                    label: b.label,
                    studies: evidence.len(),
                    findings: evidence.iter().map(|e| e.findings).sum(),
                    members: b.members,
                    evidence,
                }
            })
            .collect();
        Rollup {
            by,
            studies: self.studies().to_vec(),
            groups,
            cells,
        }
    }
}

impl Rollup {
    /// Keeps only the groups reported by at least `n` studies (and their
    /// cells).
    pub fn retain_min_studies(&mut self, n: usize) {
        self.groups.retain(|g| g.studies >= n);
        let kept: BTreeSet<Option<&str>> = self.groups.iter().map(|g| g.group.as_deref()).collect();
        let cells = std::mem::take(&mut self.cells);
        self.cells = cells
            .into_iter()
            .filter(|c| kept.contains(&c.group.as_deref()))
            .collect();
    }

    /// Canonical pretty JSON with a trailing newline.
    pub fn to_json_pretty(&self) -> String {
        // Strings, integers and booleans only: serialization cannot fail.
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }

    /// Tidy CSV (RFC 4180, CRLF), one record per group and reporting study:
    /// `by, group, group_label, study, study_id, study_title, stances,
    /// findings, concepts` (the members the study reports, `;`-separated).
    ///
    /// # Errors
    ///
    /// Whatever writing to `writer` returns.
    pub fn write_csv<W: Write>(&self, mut writer: W) -> io::Result<()> {
        record(&mut writer, ROLLUP_CSV_COLUMNS.into_iter())?;
        for g in &self.groups {
            for e in &g.evidence {
                let study = &self.studies[e.study];
                let concepts: Vec<&str> = e
                    .concepts
                    .iter()
                    .map(|&m| g.members[m].code.as_str())
                    .collect();
                let fields = [
                    self.by.code().to_owned(),
                    g.group.clone().unwrap_or_default(),
                    g.label.clone(),
                    (e.study + 1).to_string(),
                    study.id.to_string(),
                    study.title.to_string(),
                    stances(&e.stances),
                    e.findings.to_string(),
                    concepts.join(";"),
                ];
                record(&mut writer, fields.iter().map(String::as_str))?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for Rollup {
    /// An aligned table: one line per group with its stances per study, the
    /// numbers of studies and findings, and its members.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut header = vec![self.by.code().to_owned()];
        header.extend((1..=self.studies.len()).map(|i| format!("S{i}")));
        header.extend(["studies", "findings", "concepts"].map(String::from));
        let rows: Vec<Vec<String>> = self
            .groups
            .iter()
            .map(|g| {
                let mut cells = vec![g.label.clone()];
                let mut evidence = g.evidence.iter().peekable();
                for study in 0..self.studies.len() {
                    cells.push(
                        evidence
                            .next_if(|e| e.study == study)
                            .map(|e| stances(&e.stances))
                            .unwrap_or_default(),
                    );
                }
                cells.push(g.studies.to_string());
                cells.push(g.findings.to_string());
                let members: Vec<&str> = g.members.iter().map(|m| m.code.as_str()).collect();
                cells.push(members.join(", "));
                cells
            })
            .collect();
        let first = 1 + self.studies.len();
        write_aligned(f, &header, &rows, |c| c == first || c == first + 1)?;
        if rows.is_empty() {
            writeln!(f, "(no groups)")?;
        }
        writeln!(f)?;
        write_study_legend(f, &self.studies)
    }
}

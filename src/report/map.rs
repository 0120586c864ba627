//! The evidence map: concepts by studies, in groups.
//!
//! The map is drawn once per [`Grouping`]; the page shows one at a time
//! (radio buttons and CSS, no script needed). Each grouping is a list of
//! [`Group`]s, possibly nested (CFIR domains hold constructs), whose header
//! row carries a [`Rollup`] of its rows. A new grouping — by a project
//! codebook's broader concepts, say — is a variant of [`Grouping`] and the
//! function that lists its groups.

use std::collections::BTreeMap;

use maud::{Markup, html};

use super::palette::{self, ABSENT, STANCES};
use super::{Context, count, study_anchor, study_label};
use crate::synthesis::{ConceptRow, Disagreement, StanceMark, StudyEvidence};
use crate::vocabulary::{CfirConstruct, CfirDomain, ChimeProcess, Stance, Vocabulary};

pub(super) fn section(ctx: &Context<'_>) -> Markup {
    let studies = ctx.columns.len();
    html! {
        section #evidence-map aria-labelledby="map-h" {
            h2 #map-h { "Evidence map" }
            p {
                "Each row is a concept some study reports; "
                @if ctx.matrix_layout() {
                    "each column a study. A cell shows the stances the study reports the concept with, "
                    "as coloured chips with a glyph, and how many of its findings do."
                } @else {
                    "with " (count(studies as u64, "study", "studies")) " (more than "
                    (ctx.options.max_matrix_studies) "), a column per study would not be readable, so each row shows its "
                    strong { "stance profile" } " (how many studies report the concept with each stance) "
                    "and, behind “which studies”, every study that reports it with its stances."
                }
                " Open a concept's name for its definition. "
                @if ctx.options.min_studies > 1 {
                    "Only concepts reported by at least " (ctx.options.min_studies) " studies are shown."
                }
            }
            (legend())
            div .filter {}
            div .groupings data-layout=(if ctx.matrix_layout() { "matrix" } else { "profile" }) {
                span .group-by { "Group concepts by:" }
                @for (i, grouping) in Grouping::ALL.iter().enumerate() {
                    input type="radio" name="grouping" id=(format!("group-{}", grouping.id()))
                        checked[i == 0];
                    label for=(format!("group-{}", grouping.id())) { (grouping.label()) }
                }
                @for grouping in Grouping::ALL {
                    div .map id=(format!("map-{}", grouping.id())) {
                        h3 { "Grouped by " (grouping.label()) }
                        (map(ctx, grouping))
                    }
                }
            }
        }
    }
}

fn legend() -> Markup {
    let barrier = palette::style(&Stance::Barrier);
    html! {
        div .legend {
            h3 { "Legend" }
            ul {
                @for (stance, style) in <Stance as Vocabulary>::all().iter().zip(&STANCES) {
                    li { span .m .(style.class) { (style.glyph) } " " (stance.label()) }
                }
                li { span .m .(palette::OTHER.class) { (palette::OTHER.glyph) } " A stance this version does not know" }
                li {
                    span .m .(barrier.class) { (ABSENT) (barrier.glyph) }
                    " " (ABSENT) " before a glyph: the concept's " em { "absence" }
                    " is reported with that stance (no supervision, as a barrier)"
                }
                li { span .n { "3" } " after the chips: the number of the study's findings" }
                li {
                    span .badge .b-polarity { "polarity" }
                    " one study reports the concept as helping, another as hindering"
                }
                li { span .badge .b-stance { "stance" } " studies report the concept with different stances" }
            }
        }
    }
}

/// A way of grouping the map's rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Grouping {
    /// By vocabulary kind, in canonical order (the matrix's own order).
    Kind,
    /// By CFIR 2.0 domain, then construct (facilitators and barriers).
    Cfir,
    /// By CHIME personal-recovery process (outcomes that map to one).
    Chime,
}

impl Grouping {
    pub(super) const ALL: [Grouping; 3] = [Grouping::Kind, Grouping::Cfir, Grouping::Chime];

    fn id(self) -> &'static str {
        match self {
            Grouping::Kind => "kind",
            Grouping::Cfir => "cfir",
            Grouping::Chime => "chime",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Grouping::Kind => "kind",
            Grouping::Cfir => "CFIR 2.0 domain and construct",
            Grouping::Chime => "CHIME process",
        }
    }

    /// The groups, and how many rows fall in none of them.
    pub(super) fn groups(self, ctx: &Context<'_>) -> (Vec<Group>, usize) {
        match self {
            Grouping::Kind => (by_kind(ctx.matrix.concepts()), 0),
            Grouping::Cfir => by_cfir(ctx),
            Grouping::Chime => by_chime(ctx),
        }
    }
}

/// Rows under one heading, or headings under one heading.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Group {
    pub label: String,
    /// Indices into the matrix's rows (all of them, for a group of groups).
    pub rows: Vec<usize>,
    pub subgroups: Vec<Group>,
}

fn by_kind(rows: &[ConceptRow]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut last_kind = None;
    for (i, row) in rows.iter().enumerate() {
        let kind = row.concept().kind_code();
        if last_kind != Some(kind) {
            let label = match row.concept().kind() {
                Some(k) => k.label().to_owned(),
                None => format!("{kind} (a kind this version does not know)"),
            };
            groups.push(Group {
                label,
                rows: Vec::new(),
                subgroups: Vec::new(),
            });
            last_kind = Some(kind);
        }
        if let Some(group) = groups.last_mut() {
            group.rows.push(i);
        }
    }
    groups
}

fn by_cfir(ctx: &Context<'_>) -> (Vec<Group>, usize) {
    let position = |all: &[CfirConstruct], c: CfirConstruct| all.iter().position(|x| *x == c);
    let mut keyed: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    let mut unmapped = 0;
    for (i, row) in ctx.matrix.concepts().iter().enumerate() {
        // The row's own mappings: a declared concept's count too.
        let m = row.mappings();
        match m.cfir_domain.zip(m.cfir_construct) {
            Some((domain, construct)) => {
                let d = CfirDomain::ALL.iter().position(|x| *x == domain);
                let c = position(CfirConstruct::ALL, construct);
                keyed
                    .entry((d.unwrap_or(usize::MAX), c.unwrap_or(usize::MAX)))
                    .or_default()
                    .push(i);
            }
            None => unmapped += 1,
        }
    }
    let mut domains: Vec<Group> = Vec::new();
    let mut last_domain = None;
    for ((d, c), rows) in keyed {
        if last_domain != Some(d) {
            domains.push(Group {
                label: CfirDomain::ALL.get(d).map_or("", |x| x.label()).to_owned(),
                rows: Vec::new(),
                subgroups: Vec::new(),
            });
            last_domain = Some(d);
        }
        if let Some(domain) = domains.last_mut() {
            domain.rows.extend(&rows);
            domain.subgroups.push(Group {
                label: CfirConstruct::ALL
                    .get(c)
                    .map_or("", |x| x.label())
                    .to_owned(),
                rows,
                subgroups: Vec::new(),
            });
        }
    }
    (domains, unmapped)
}

fn by_chime(ctx: &Context<'_>) -> (Vec<Group>, usize) {
    let mut keyed: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut unmapped = 0;
    for (i, row) in ctx.matrix.concepts().iter().enumerate() {
        let chime = row.mappings().chime;
        match chime.and_then(|p| ChimeProcess::ALL.iter().position(|x| *x == p)) {
            Some(p) => keyed.entry(p).or_default().push(i),
            None => unmapped += 1,
        }
    }
    let groups = keyed
        .into_iter()
        .map(|(p, rows)| Group {
            label: ChimeProcess::ALL
                .get(p)
                .map_or("", |x| x.label())
                .to_owned(),
            rows,
            subgroups: Vec::new(),
        })
        .collect();
    (groups, unmapped)
}

/// What a group's header says about its rows.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Rollup {
    pub concepts: usize,
    /// Distinct studies that report any of the rows.
    pub studies: usize,
    pub findings: usize,
    pub polarity_disagreements: usize,
}

impl Rollup {
    pub(super) fn of(ctx: &Context<'_>, rows: &[usize]) -> Self {
        let mut seen = vec![false; ctx.matrix.studies().len()];
        let mut rollup = Rollup {
            concepts: 0,
            studies: 0,
            findings: 0,
            polarity_disagreements: 0,
        };
        for row in rows.iter().filter_map(|&r| ctx.matrix.concepts().get(r)) {
            rollup.concepts += 1;
            rollup.findings += row.finding_count();
            rollup.polarity_disagreements += usize::from(row.disagrees(Disagreement::Polarity));
            for e in row.evidence() {
                if let Some(slot) = seen.get_mut(e.study()) {
                    rollup.studies += usize::from(!*slot);
                    *slot = true;
                }
            }
        }
        rollup
    }

    fn text(&self) -> String {
        let mut text = format!(
            "{} · {} · {}",
            count(self.concepts as u64, "concept", "concepts"),
            count(self.studies as u64, "study", "studies"),
            count(self.findings as u64, "finding", "findings"),
        );
        if self.polarity_disagreements > 0 {
            text.push_str(" · ");
            text.push_str(&count(
                self.polarity_disagreements as u64,
                "polarity disagreement",
                "polarity disagreements",
            ));
        }
        text
    }
}

fn map(ctx: &Context<'_>, grouping: Grouping) -> Markup {
    let (groups, unmapped) = grouping.groups(ctx);
    let width = if ctx.matrix_layout() {
        ctx.columns.len() + 5
    } else {
        7
    };
    html! {
        @if groups.is_empty() {
            p .empty {
                @if grouping == Grouping::Kind {
                    "No concepts to show."
                } @else {
                    "No concept in the map has a " (grouping.label()) " mapping."
                }
            }
        } @else {
            div .scroll {
                table .map-table data-grouping=(grouping.id()) {
                    thead { (header(ctx)) }
                    @for group in &groups { (group_rows(ctx, group, width, 1)) }
                }
            }
        }
        @if unmapped > 0 {
            p .muted {
                (count(unmapped as u64, "concept has", "concepts have")) " no " (grouping.label())
                " mapping and appear only when grouped by kind."
            }
        }
    }
}

fn header(ctx: &Context<'_>) -> Markup {
    html! {
        tr {
            th scope="col" .concept { "Concept" }
            @if ctx.matrix_layout() {
                @for (i, column) in ctx.columns.iter().enumerate() {
                    th scope="col" .study {
                        a href=(study_anchor(i)) title=(column.study.citation.title.as_str()) { (study_label(i)) }
                    }
                }
            } @else {
                th scope="col" { "Stance profile (studies)" }
            }
            th scope="col" .num { "Studies" }
            th scope="col" .num { "Findings" }
            th scope="col" .num { "Participants" }
            th scope="col" { "Disagreement" }
            @if !ctx.matrix_layout() {
                th scope="col" { "Reported by" }
            }
        }
    }
}

fn group_rows(ctx: &Context<'_>, group: &Group, width: usize, depth: u8) -> Markup {
    let rollup = Rollup::of(ctx, &group.rows);
    html! {
        tbody {
            tr .group .(format!("depth-{depth}")) {
                th scope="rowgroup" colspan=(width) {
                    (group.label) " " span .rollup { (rollup.text()) }
                }
            }
            @if group.subgroups.is_empty() {
                @for row in group.rows.iter().filter_map(|&r| ctx.matrix.concepts().get(r)) {
                    (concept_row(ctx, row))
                }
            }
        }
        @for sub in &group.subgroups {
            (group_rows(ctx, sub, width, depth.saturating_add(1)))
        }
    }
}

fn concept_row(ctx: &Context<'_>, row: &ConceptRow) -> Markup {
    let concept = row.concept();
    let search = format!(
        "{} {}:{}",
        row.label().to_lowercase(),
        concept.kind_code(),
        concept.code()
    );
    let disagreement = row.disagreement();
    html! {
        tr .row
            .dis-polarity[disagreement == Some(Disagreement::Polarity)]
            .dis-stance[disagreement == Some(Disagreement::Stance)]
            data-search=(search) {
            (concept_cell(ctx, row))
            @if ctx.matrix_layout() {
                @for study in 0..ctx.columns.len() {
                    @match row.in_study(study) {
                        Some(e) => (cell(e)),
                        None => td {},
                    }
                }
            } @else {
                td .profile { (profile(row)) }
            }
            td .num { (row.study_count()) }
            td .num { (row.finding_count()) }
            td .num {
                @match row.participants() {
                    Some(n) => (n),
                    None => span .muted title="no finding says how many participants" { "–" },
                }
            }
            td {
                @match disagreement {
                    Some(Disagreement::Polarity) => span .badge .b-polarity { "polarity" },
                    Some(_) => span .badge .b-stance { "stance" },
                    None => "",
                }
            }
            @if !ctx.matrix_layout() {
                td { (reported_by(row)) }
            }
        }
    }
}

/// The concept's name, opening onto its definition and mappings.
fn concept_cell(ctx: &Context<'_>, row: &ConceptRow) -> Markup {
    let concept = row.concept();
    let entry = ctx.entry(concept);
    let definition = entry.map(|e| e.definition);
    let mappings = *row.mappings();
    html! {
        th scope="row" .concept {
            details {
                summary title=[definition] {
                    (row.label())
                    @if !concept.is_known() && !row.is_declared() { span .muted { " *" } }
                }
                div .def {
                    @match definition {
                        Some(d) => p { (d) },
                        None if row.is_declared() => p .muted { "Declared in a document's project codebook." },
                        None => p .muted { "Not in this version's codebook, so no definition." },
                    }
                    p .muted {
                        (concept.kind().map_or(concept.kind_code(), |k| k.label()))
                        " · " code { (concept.kind_code()) ":" (concept.code()) }
                        @if let (Some(d), Some(c)) = (mappings.cfir_domain, mappings.cfir_construct) {
                            " · CFIR " (d.label()) " / " (c.label())
                        }
                        @if let Some(p) = mappings.chime {
                            " · CHIME " (p.label())
                        }
                    }
                }
            }
        }
    }
}

/// The chips of a cell's marks.
fn chips(marks: &[StanceMark]) -> Markup {
    html! {
        @for mark in marks {
            span .m .(palette::style(&mark.stance).class) title=(mark.to_string()) { (palette::glyph(mark)) }
        }
    }
}

/// One study's report of the concept.
fn cell(e: &StudyEvidence) -> Markup {
    let marks: Vec<String> = e.stances().iter().map(ToString::to_string).collect();
    let mut title = format!(
        "{}: {}; {}",
        study_label(e.study()),
        marks.join(", "),
        count(e.findings() as u64, "finding", "findings")
    );
    if let Some(n) = e.participants() {
        title.push_str("; ");
        title.push_str(&count(n, "participant", "participants"));
    }
    html! {
        td .c title=(title) {
            (chips(e.stances()))
            span .n { (e.findings()) }
        }
    }
}

/// How many studies report the concept with each mark.
fn profile(row: &ConceptRow) -> Markup {
    let mut marks: BTreeMap<&StanceMark, usize> = BTreeMap::new();
    for e in row.evidence() {
        for mark in e.stances() {
            *marks.entry(mark).or_default() += 1;
        }
    }
    let total: usize = marks.values().sum();
    html! {
        (bar(&marks, total))
        @for (mark, n) in &marks {
            span .m .(palette::style(&mark.stance).class)
                title=(format!("{mark}: {}", count(*n as u64, "study", "studies"))) {
                (palette::glyph(mark)) " " (n)
            }
        }
    }
}

/// The width of a profile's bar, in pixels.
const BAR_WIDTH: usize = 96;

/// A profile as a stacked bar: each mark's share of the marks, in the
/// chips' order and colours. Decoration only: the chips say the same in text.
fn bar(marks: &BTreeMap<&StanceMark, usize>, total: usize) -> Markup {
    let mut x = 0;
    let mut rects = Vec::with_capacity(marks.len());
    for (mark, n) in marks {
        let end = (x + n * BAR_WIDTH / total.max(1)).min(BAR_WIDTH);
        rects.push((x, end - x, palette::style(&mark.stance).fill.hex()));
        x = end;
    }
    // Rounding down leaves the last mark any remainder.
    if let Some(last) = rects.last_mut() {
        last.1 += BAR_WIDTH - x;
    }
    html! {
        svg .bar width=(BAR_WIDTH) height="10" viewBox=(format!("0 0 {BAR_WIDTH} 10")) aria-hidden="true" {
            @for (x, width, fill) in rects {
                rect x=(x) width=(width) height="10" fill=(fill) {}
            }
        }
    }
}

/// Every study that reports the concept, with its marks.
fn reported_by(row: &ConceptRow) -> Markup {
    html! {
        details {
            summary { "which studies" }
            p .who {
                @for e in row.evidence() {
                    a href=(study_anchor(e.study())) { (study_label(e.study())) }
                    (chips(e.stances()))
                    " "
                }
            }
        }
    }
}

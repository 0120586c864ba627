//! The studies table.

use maud::{Markup, html};

use super::{Context, count, doi, study_label};
use crate::study::{Study, StudyDesign, StudyKind};

/// The "primary or review" column: `primary`, the review's type
/// (`review: scoping review`), or a kind this version does not know as
/// written.
pub(super) fn study_type(study: &Study) -> String {
    match (
        &study.kind,
        study.review.as_ref().and_then(|r| r.review_type.as_ref()),
    ) {
        (StudyKind::Review, Some(t)) => format!("review: {}", t.label().to_lowercase()),
        (kind, _) => kind.code().to_owned(),
    }
}

pub(super) fn section(ctx: &Context<'_>) -> Markup {
    html! {
        section #studies aria-labelledby="studies-h" {
            h2 #studies-h { "Studies" }
            p .muted {
                (count(ctx.columns.len() as u64, "study", "studies"))
                ", in input order. The evidence map names them by the number in the first column."
            }
            @if !ctx.matrix.duplicates().is_empty() {
                p #duplicates {
                    "Left out as the same study given again, and counted once: "
                    @for (i, d) in ctx.matrix.duplicates().iter().enumerate() {
                        @if i > 0 { "; " }
                        (d.title.as_str()) " (" (study_label(d.kept)) ", " (d.reason.description()) ")"
                    }
                    "."
                }
            }
            div .scroll {
                table #studies-table {
                    thead {
                        tr {
                            th scope="col" { "Study" }
                            th scope="col" { "Title" }
                            th scope="col" .num { "Year" }
                            th scope="col" { "Primary or review" }
                            th scope="col" { "Design" }
                            th scope="col" .num { "Sample" }
                            th scope="col" { "DOI" }
                            th scope="col" { "Input" }
                        }
                    }
                    tbody {
                        @for (i, column) in ctx.columns.iter().enumerate() {
                            (row(ctx, i, column.study, column.input))
                        }
                    }
                }
            }
        }
    }
}

fn row(ctx: &Context<'_>, index: usize, study: &Study, input: usize) -> Markup {
    let citation = &study.citation;
    let kind = study_type(study);
    let unit = study.sample_unit();
    let sample = study.sample.as_ref().and_then(crate::study::Sample::size);
    let input_name = ctx.inputs.get(input).map_or("", |i| i.name);
    html! {
        tr id=(format!("study-{}", index + 1)) {
            th scope="row" { (study_label(index)) }
            td .title {
                (citation.title.as_str())
                @if !citation.authors.is_empty() || citation.journal.is_some() {
                    br;
                    span .muted {
                        @for (i, author) in citation.authors.iter().enumerate() {
                            @if i > 0 { "; " }
                            (author.as_str())
                        }
                        @if let Some(journal) = &citation.journal {
                            @match citation.authors.last() {
                                Some(a) if a.as_str().ends_with('.') => " ",
                                Some(_) => ". ",
                                None => "",
                            }
                            i { (journal.as_str()) }
                        }
                    }
                }
            }
            td .num { @if let Some(year) = citation.year { (year) } @else { span .muted { "–" } } }
            td { (kind) }
            td { (design(&study.design)) }
            td .num data-sort=[sample] {
                @match sample {
                    Some(n) => (unit.count(u64::from(n))),
                    None => span .muted { "not reported" },
                }
                @if let Some(groups) = study.sample.as_ref().map(|s| &s.groups).filter(|g| !g.is_empty()) {
                    br;
                    span .muted {
                        @for (i, g) in groups.iter().enumerate() {
                            @if i > 0 { ", " }
                            (g.group.label())
                            @if let Some(n) = g.count { " " (n) }
                        }
                    }
                }
            }
            td .doi {
                @if let Some(doi) = &citation.doi {
                    @match doi::url(doi) {
                        Some(url) => a href=(url) rel="noreferrer" { (doi.as_str()) },
                        None => {
                            span .invalid title="not DOI syntax, so not a link" { (doi.as_str()) }
                            " " span .muted { "(not a DOI)" }
                        },
                    }
                } @else {
                    span .muted { "–" }
                }
            }
            td { (input_name) }
        }
    }
}

/// Methods and analyses by label, then the design flags.
fn design(design: &StudyDesign) -> Markup {
    let mut parts: Vec<String> = design
        .methods
        .iter()
        .map(|m| m.label().to_owned())
        .chain(design.analyses.iter().map(|a| a.label().to_owned()))
        .collect();
    if design.co_production {
        parts.push("co-produced".to_owned());
    }
    if design.lived_experience_interviewers {
        parts.push("lived-experience interviewers".to_owned());
    }
    if design.public_involvement {
        parts.push("public involvement".to_owned());
    }
    if let Some(n) = design.interview_rounds {
        parts.push(count(u64::from(n), "interview round", "interview rounds"));
    }
    html! {
        @if parts.is_empty() {
            span .muted { "not recorded" }
        } @else {
            (parts.join("; "))
        }
    }
}

//! The Summary of Qualitative Findings of reviews.
//!
//! A qualitative evidence synthesis reports each review finding with a
//! GRADE-CERQual assessment: a level of concern about each of four
//! components — methodological limitations, coherence, adequacy of data and
//! relevance — with an explanation, and from them an overall confidence
//! (high, moderate, low or very low). This section lays those out as the
//! CERQual guidance's Summary of Qualitative Findings table.
//!
//! Rows come from [`CerqualTables`]: one per finding of a review (a study
//! with `"kind": "review"`) that carries an assessment, in study order, each
//! naming its review by the number the studies table gives it.

use maud::{Markup, html};

use super::{Context, study_anchor, study_label};
use crate::study::CerqualComponent;
use crate::synthesis::cerqual::CerqualTables;

/// The columns of the table, in order.
pub(super) const COLUMNS: [&str; 8] = [
    "Summarised review finding",
    "Methodological limitations",
    "Coherence",
    "Adequacy of data",
    "Relevance",
    "CERQual assessment of confidence",
    "Explanation of assessment",
    "Studies contributing",
];

pub(super) fn section(ctx: &Context<'_>) -> Markup {
    html! {
        section #summary-of-findings aria-labelledby="sqf-h" {
            h2 #sqf-h { "Summary of Qualitative Findings" }
            p .muted {
                "Review findings with their GRADE-CERQual assessment: the level of concern about "
                "methodological limitations, coherence, adequacy of data and relevance, and the "
                "overall confidence that the finding reflects the phenomenon of interest."
            }
            (table(&assessed_findings(ctx)))
        }
    }
}

/// One `<tr>` per review finding with a confidence assessment, in study
/// order, with a cell per entry of [`COLUMNS`].
fn assessed_findings(ctx: &Context<'_>) -> Vec<Markup> {
    let mut rows = Vec::new();
    for (index, column) in ctx.columns.iter().enumerate() {
        let tables = CerqualTables::from_studies([column.study]);
        for review in tables.reviews() {
            for finding in &review.findings {
                let cerqual = &finding.cerqual;
                rows.push(html! {
                    tr {
                        td {
                            (finding.finding.as_str())
                            br;
                            a .muted href=(study_anchor(index)) { (study_label(index)) }
                        }
                        @for component in cerqual.components() {
                            td { (concern(component)) }
                        }
                        td {
                            @match &cerqual.confidence {
                                Some(c) => (c.label()),
                                None => span .muted { "not assessed" },
                            }
                        }
                        td {
                            @match &cerqual.explanation {
                                Some(why) => (why.as_str()),
                                None => span .muted { "none given" },
                            }
                        }
                        td {
                            @if finding.contributing.is_empty() {
                                span .muted { "not stated" }
                            } @else {
                                (finding.contributing_labels("; "))
                            }
                        }
                    }
                });
            }
        }
    }
    rows
}

/// A component's level of concern and, under it, its explanation.
fn concern(component: Option<&CerqualComponent>) -> Markup {
    html! {
        @match component {
            None => span .muted { "not assessed" },
            Some(c) => {
                (c.concern.label())
                @if let Some(why) = &c.explanation {
                    br;
                    span .muted { (why.as_str()) }
                }
            }
        }
    }
}

fn table(rows: &[Markup]) -> Markup {
    html! {
        @if rows.is_empty() {
            p #sqf-none .empty { "No review findings with a confidence assessment." }
        } @else {
            div .scroll {
                table #sqf-table {
                    thead { tr { @for column in COLUMNS { th scope="col" { (column) } } } }
                    tbody { @for row in rows { (row) } }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_fill_the_table_under_its_head() {
        let row = html! { tr { @for _ in COLUMNS { td { "x" } } } };
        let html = table(&[row]).into_string();
        assert!(html.starts_with(r#"<div class="scroll"><table id="sqf-table"><thead><tr><th scope="col">Summarised review finding</th>"#), "{html}");
        assert_eq!(html.matches("<th ").count(), COLUMNS.len());
        assert_eq!(html.matches("<td>x</td>").count(), COLUMNS.len());
        assert!(!html.contains("sqf-none"));
    }

    #[test]
    fn without_rows_it_says_there_are_none() {
        assert_eq!(
            table(&[]).into_string(),
            r#"<p class="empty" id="sqf-none">No review findings with a confidence assessment.</p>"#
        );
    }
}

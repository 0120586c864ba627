//! The validation issues of each input.

use maud::{Markup, html};

use super::{Context, Input, count};

pub(super) fn section(ctx: &Context<'_>) -> Markup {
    html! {
        section #issues aria-labelledby="issues-h" {
            h2 #issues-h { "Validation issues" }
            p .muted {
                "What reading and validating each input found. Errors make a document invalid; "
                "warnings do not. Paths are JSON Pointers into the input."
            }
            @for (i, input) in ctx.inputs.iter().enumerate() {
                (file(ctx, i, input))
            }
        }
    }
}

fn file(ctx: &Context<'_>, index: usize, input: &Input<'_>) -> Markup {
    let report = input.report;
    let errors = report.errors().count();
    let warnings = report.warnings().count();
    let shown = report.issues.len().min(ctx.options.max_issues_per_file);
    html! {
        div .input-issues id=(format!("issues-{}", index + 1)) {
            h3 { (input.name) }
            p .issue-count data-errors=(errors) data-warnings=(warnings) {
                @if report.is_empty() {
                    "No issues."
                } @else {
                    (count(errors as u64, "error", "errors")) ", " (count(warnings as u64, "warning", "warnings")) "."
                    @if shown < report.issues.len() {
                        " The first " (shown) " are listed; "
                        code { "peer-support validate" } " lists them all."
                    }
                }
            }
            @if shown > 0 {
                div .scroll {
                    table .issue-table {
                        thead {
                            tr {
                                th scope="col" { "Severity" }
                                th scope="col" { "Code" }
                                th scope="col" { "Path" }
                                th scope="col" { "Message" }
                            }
                        }
                        tbody {
                            @for issue in report.issues.iter().take(shown) {
                                tr {
                                    td {
                                        @if issue.is_error() {
                                            span .badge .b-error { "error" }
                                        } @else {
                                            "warning"
                                        }
                                    }
                                    td { code { (issue.code.code()) } }
                                    td { code { @if issue.path.is_empty() { "(document)" } @else { (issue.path) } } }
                                    td { (issue.message) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

//! `peer-support cerqual`: the GRADE-CERQual tables of reviews.

use std::io::Write;
use std::path::PathBuf;

use comfy_table::{ContentArrangement, Table as TextTable, presets};
use peer_support::synthesis::cerqual::{self, CerqualTables, Table};

use crate::exit::{CliError, Status};
use crate::input;
use crate::output::{Output, diagnostic, one_line, printable};

/// The `cerqual` subcommand's arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {
    /// Documents whose reviews to tabulate (`-` reads standard input).
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// Print the Evidence Profile (the four components with their
    /// explanations) instead of the Summary of Qualitative Findings.
    #[arg(long)]
    evidence_profile: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Width of the text table, in columns (format `table` only; default
    /// 100, and 160 for the Evidence Profile's nine columns).
    #[arg(long, value_name = "COLUMNS")]
    width: Option<u16>,
}

const HELP: &str = concat!(
    "\
Prints the GRADE-CERQual tables of every review (a study with \"kind\":
\"review\") in the FILEs, in the order given: for each review with an assessed
finding, its title, objective (its aims) and perspective, then one row per
assessed finding.

Summary of Qualitative Findings (the default): finding, contributing studies
(the included studies the finding names), CERQual assessment of confidence,
explanation. Evidence Profile (--evidence-profile): the same with the four
components between contributing studies and confidence (methodological
limitations, coherence, adequacy of data, relevance), each with its level of
concern and explanation. Findings without an assessment are not listed; a line
under the table says how many there are.

Output formats:
  table     word-wrapped text tables, --width columns wide
  markdown  pipe tables under a heading per review
  csv       one record per assessed finding (RFC 4180, CRLF), with review_id,
            review_title, finding_id, finding, contributing (`; `-separated),
            contributing_count, [<component>_concern, <component>_explanation
            for each component,] confidence, explanation; levels as codes
  json      {\"reviews\": [...]} with every assessment in full (the Evidence
            Profile whatever the flag)

Every issue a document has is printed on standard error. The tables are printed
even when a document has validation errors, but the exit status is then 1.

",
    crate::exit::exit_codes_help!()
);

/// Output format of `cerqual`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Word-wrapped text tables.
    Table,
    /// Markdown pipe tables.
    Markdown,
    /// CSV, one record per assessed finding.
    Csv,
    /// Pretty JSON.
    Json,
}

/// Runs `cerqual`.
pub fn run(args: &Args, out: &mut Output) -> Result<Status, CliError> {
    let documents = input::load_all_or_bundled(&args.files)?;
    let status = input::report_issues(&documents);
    let tables =
        CerqualTables::from_studies(documents.iter().flat_map(|(_, l)| &l.document.studies));
    for duplicate in tables.duplicates() {
        diagnostic(format_args!(
            "warning: study {} ({}) was given before ({}); it is listed once",
            duplicate.id,
            one_line(duplicate.title.as_str()),
            duplicate.reason.description(),
        ));
    }
    if tables.assessed() == 0 {
        diagnostic(if tables.reviews().is_empty() {
            "no study is a review (\"kind\": \"review\"), so there is nothing to assess"
        } else {
            "no review finding has a GRADE-CERQual assessment (\"cerqual\")"
        });
    }
    let table = if args.evidence_profile {
        Table::EvidenceProfile
    } else {
        Table::SummaryOfFindings
    };
    match args.format {
        Format::Table => {
            let width = args.width.unwrap_or(match table {
                Table::EvidenceProfile => 160,
                _ => 100,
            });
            out.write_all(text_tables(&tables, table, width).as_bytes())?;
        }
        Format::Markdown => out.write_all(tables.to_markdown(table).as_bytes())?,
        Format::Csv => tables.write_csv(&mut *out, table)?,
        Format::Json => out.write_all(tables.to_json_pretty().as_bytes())?,
    }
    Ok(status)
}

/// The tables as word-wrapped text, one per review with an assessed finding.
fn text_tables(tables: &CerqualTables, table: Table, width: u16) -> String {
    let mut out = String::new();
    for review in tables.reviews().iter().filter(|r| !r.findings.is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        // Input text reaches a terminal: no escape sequence gets through.
        let title = one_line(review.title.as_str());
        out.push_str(&format!("{}: {title}\n", cerqual::title(table)));
        for (label, value) in review.context() {
            out.push_str(&format!("{label}: {}\n", one_line(value)));
        }
        let mut text = TextTable::new();
        text.load_preset(presets::ASCII_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(width)
            .set_header(cerqual::headers(table));
        for (i, finding) in review.findings.iter().enumerate() {
            text.add_row(
                finding
                    .cells(i + 1, table)
                    .iter()
                    .map(|cell| printable(cell)),
            );
        }
        out.push_str(&text.to_string());
        out.push('\n');
        if review.unassessed > 0 {
            out.push_str(&review.unassessed_note());
            out.push('\n');
        }
    }
    out
}

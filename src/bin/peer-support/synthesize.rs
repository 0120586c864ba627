//! `peer-support synthesize`: the cross-study evidence matrix.

use std::io::Write;
use std::path::PathBuf;

use peer_support::synthesis::{EvidenceMatrix, Grouping};

use crate::exit::{CliError, Status};
use crate::input;
use crate::output::{Output, diagnostic, one_line};

/// The `synthesize` subcommand's arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {
    /// Documents whose studies to line up (`-` reads standard input); with
    /// none, the four bundled seed studies and the two bundled reviews.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Show only concepts (or groups) reported by at least N studies.
    #[arg(long, value_name = "N", default_value_t = 1)]
    min_studies: usize,
    /// Roll the concepts up into groups, each study counted once per group:
    /// concept, broader, cfir-construct, cfir-domain, chime or kind.
    #[arg(long, value_name = "GROUPING", value_parser = |s: &str| s.parse::<Grouping>())]
    by: Option<Grouping>,
}

const HELP: &str = concat!(
    "\
For every concept the findings link, which studies report it and with which
stances, on how many findings and how much of each study's sample:
participants for primary research, included studies (or reviews) for a review,
never added together. The studies of all FILEs become the columns, in the
order given; with no FILE, the four seed studies and the two reviews bundled
with the crate (`peer-support catalog` and `catalog --reviews` print them). A
study given twice (the same id, or the same DOI) is counted once, with a warning on standard error. Concepts the
documents declare in their project codebooks (`concepts`) are known, with
their labels and mappings, and concepts related by `exact_match` share one row.

With --by, the concepts are rolled up into groups: `broader` (the topmost
broader concept, itself when it has none), `cfir-construct`, `cfir-domain`,
`chime` (a declared concept's own mapping counts), `kind`, or `concept`. A
study counts once per group, however many members it reports; the members are
listed, and concepts without such a mapping form an `(unmapped)` group, last.
The table has one line per group; the JSON is {\"by\", \"studies\", \"groups\",
\"cells\"} (cells: group, kind, code, study, stances, findings, for a heat
map); the CSV has one record per group and reporting study: by, group,
group_label, study, study_id, study_title, stances, findings, concepts.

Output formats:
  table  an aligned table: one line per concept, a column S1, S2, ... per study
         with its stances (`barrier (absent)` = the concept's absence reported
         as a barrier; `^` = a review that includes a primary study of the
         table also reporting it), the numbers of studies and findings, the
         totals of participants (and, with reviews, of included studies or
         reviews; `-` = unknown), the best GRADE-CERQual confidence a review
         gives it, and where studies disagree (`stance`: different stances;
         `polarity`: one study says the concept helps, another that it hurts);
         then the study legend (reviews marked with their type), overlaps,
         studies left out as duplicates, and a summary per kind
  json   {\"studies\", \"concepts\", \"kinds\", \"duplicates\"?, \"overlaps\"?},
         pretty-printed; a concept's `evidence[].study` indexes `studies`
  csv    tidy CSV (RFC 4180, CRLF), one record per concept and reporting study:
         kind, code, label, known, study, study_id, study_title, study_sample,
         stances, absent_stances, findings, participants, reported_by,
         study_kind, sample_unit, count, confidence, not_independent_of

Every issue a document has is printed on standard error. The matrix is printed
even when a document has validation errors, but the exit status is then 1.

",
    crate::exit::exit_codes_help!()
);

/// Output format of `synthesize`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// An aligned text table.
    Table,
    /// Pretty JSON.
    Json,
    /// Tidy CSV.
    Csv,
}

/// Runs `synthesize`.
pub fn run(args: &Args, out: &mut Output) -> Result<Status, CliError> {
    let documents = input::load_all_or_bundled(&args.files)?;
    let status = input::report_issues(&documents);
    let mut matrix =
        EvidenceMatrix::from_documents(documents.iter().map(|(_, loaded)| &loaded.document));
    for duplicate in matrix.duplicates() {
        diagnostic(format_args!(
            "warning: study {} ({}) is S{} again ({}); it is counted once",
            duplicate.id,
            one_line(duplicate.title.as_str()),
            duplicate.kept + 1,
            duplicate.reason.description(),
        ));
    }
    if let Some(by) = args.by {
        let mut rollup = matrix.rollup(by);
        rollup.retain_min_studies(args.min_studies);
        match args.format {
            Format::Table => out.write_all(rollup.to_string().as_bytes())?,
            Format::Json => out.write_all(rollup.to_json_pretty().as_bytes())?,
            Format::Csv => rollup.write_csv(&mut *out)?,
        }
        return Ok(status);
    }
    matrix.retain_min_studies(args.min_studies);
    match args.format {
        Format::Table => out.write_all(matrix.to_table().as_bytes())?,
        Format::Json => out.write_all(matrix.to_json_pretty().as_bytes())?,
        Format::Csv => matrix.write_csv(&mut *out)?,
    }
    Ok(status)
}

//! `peer-support synthesize`: the cross-study evidence matrix.

use std::io::Write;
use std::path::PathBuf;

use peer_support::catalog;
use peer_support::document::{Loaded, ReadOptions};
use peer_support::synthesis::EvidenceMatrix;

use crate::exit::{CliError, Status};
use crate::input;
use crate::output::{Output, diagnostic};

/// The `synthesize` subcommand's arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {
    /// Documents whose studies to line up (`-` reads standard input); with
    /// none, the four bundled seed studies.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Show only concepts reported by at least N studies.
    #[arg(long, value_name = "N", default_value_t = 1)]
    min_studies: usize,
}

const HELP: &str = concat!(
    "\
For every concept the findings link, which studies report it and with which
stances, on how many findings and participants. The studies of all FILEs
become the columns, in the order given; with no FILE, the four seed studies
bundled with the crate (`peer-support catalog` prints them).

Output formats:
  table  an aligned table: one line per concept, a column S1, S2, ... per study
         with its stances (`barrier (absent)` = the concept's absence reported
         as a barrier), the numbers of studies, findings and participants (`-`
         = unknown) and where studies disagree (`stance`: different stances;
         `polarity`: one study says the concept helps, another that it hurts);
         then the study legend and a summary per kind
  json   {\"studies\", \"concepts\", \"kinds\"}, pretty-printed; a concept's
         `evidence[].study` indexes `studies`
  csv    tidy CSV (RFC 4180, CRLF), one record per concept and reporting study:
         kind, code, label, known, study, study_id, study_title, study_sample,
         stances, absent_stances, findings, participants, reported_by

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

/// The name the bundled document goes by in messages.
const BUNDLED: &str = "(bundled seed studies)";

/// Runs `synthesize`.
pub fn run(args: &Args, out: &mut Output) -> Result<Status, CliError> {
    let documents = if args.files.is_empty() {
        vec![(BUNDLED.to_owned(), bundled()?)]
    } else {
        args.files
            .iter()
            .map(|file| load(file).map(|loaded| (input::display_name(file), loaded)))
            .collect::<Result<Vec<_>, _>>()?
    };
    let mut status = Status::Success;
    for (file, loaded) in &documents {
        for issue in &loaded.report.issues {
            diagnostic(format_args!("{file}: {issue}"));
        }
        if loaded.report.has_errors() {
            status = Status::Invalid;
        }
    }
    let mut matrix = EvidenceMatrix::from_studies(
        documents
            .iter()
            .flat_map(|(_, loaded)| &loaded.document.studies),
    );
    matrix.retain_min_studies(args.min_studies);
    match args.format {
        Format::Table => out.write_all(matrix.to_table().as_bytes())?,
        Format::Json => out.write_all(matrix.to_json_pretty().as_bytes())?,
        Format::Csv => matrix.write_csv(&mut *out)?,
    }
    Ok(status)
}

fn bundled() -> Result<Loaded, CliError> {
    catalog::seed_studies().map_err(|source| CliError::Document {
        file: BUNDLED.to_owned(),
        source,
    })
}

fn load(file: &std::path::Path) -> Result<Loaded, CliError> {
    input::load(file, ReadOptions::new()).map(|(_, loaded)| loaded)
}

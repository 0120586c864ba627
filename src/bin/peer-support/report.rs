//! `peer-support report`: the evidence report as one self-contained HTML file.

use std::io::Write;
use std::path::PathBuf;

use peer_support::report::{self, DEFAULT_MAX_MATRIX_STUDIES, Input, Options};

use crate::exit::{CliError, Status};
use crate::input;
use crate::output::Output;

/// The `report` subcommand's arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {
    /// Documents whose studies to report on (`-` reads standard input); with
    /// none, the four bundled seed studies and the two bundled reviews.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Write the report to FILE instead of standard output (`-` is standard
    /// output).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Show the time of generation in the report (by default it shows none,
    /// so that the same inputs give the same bytes).
    #[arg(long)]
    timestamp: bool,
    /// Show only concepts reported by at least N studies in the evidence map.
    #[arg(long, value_name = "N", default_value_t = 1)]
    min_studies: usize,
    /// With up to N studies the evidence map has a column per study; with
    /// more, each concept shows its stance profile and the studies reporting it.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_MATRIX_STUDIES)]
    max_matrix_studies: usize,
}

const HELP: &str = concat!(
    "\
Writes one HTML file that holds everything and loads nothing: open it in any
browser, offline, with or without JavaScript. It shows:

  Studies             one row per study (S1, S2, ... in the order the FILEs
                      give them): title, year, primary research or review,
                      design, sample, a doi.org link for a valid DOI, input
  Evidence map        concepts by studies, grouped by kind, CFIR 2.0 domain
                      and construct, or CHIME process; each cell's stances as
                      coloured chips with a glyph, its number of findings;
                      disagreements between studies marked
  Summary of Qualitative Findings
                      review findings with their GRADE-CERQual confidence
  Validation issues   every issue of every input
  Provenance          crate and format versions, the inputs

Every issue a document has is also printed on standard error. The report is
written even when a document has validation errors, but the exit status is
then 1. Without --timestamp the same inputs always give the same bytes.

Example:
  peer-support report study.json other.json -o report.html

",
    crate::exit::exit_codes_help!()
);

/// Runs `report`.
pub fn run(args: &Args, out: &mut Output) -> Result<Status, CliError> {
    let documents = input::load_all_or_bundled(&args.files)?;
    let status = input::report_issues(&documents);
    let inputs: Vec<Input<'_>> = documents
        .iter()
        .map(|(name, loaded)| Input::new(name, loaded))
        .collect();
    let mut options = Options::default();
    options.min_studies = args.min_studies;
    options.max_matrix_studies = args.max_matrix_studies;
    if args.timestamp {
        options.generated_at = Some(std::time::SystemTime::now().into());
    }
    let html = report::render(&inputs, &options);
    match &args.output {
        Some(file) if file.as_os_str() != input::STDIN => {
            std::fs::write(file, html).map_err(|source| CliError::OutputFile {
                file: input::display_name(file),
                source,
            })?;
        }
        _ => out.write_all(html.as_bytes())?,
    }
    Ok(status)
}

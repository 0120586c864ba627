//! `peer-support codebook`: print the vocabulary.

use std::io::Write;
use std::path::PathBuf;

use peer_support::Codebook;
use peer_support::document::ReadOptions;

use crate::exit::{CliError, Status};
use crate::input;
use crate::output::Output;

/// The `codebook` subcommand's arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {
    /// A document whose declared concepts (its project codebook) to list
    /// after the standard entries (`-` reads standard input).
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

const HELP: &str = concat!(
    "\
The standard codebook, each entry with its relations to other entries
(exact_match, broader, narrower, related). Given a FILE, the concepts the
document declares follow the standard entries, marked as declared; the
document's issues are printed on standard error.

Output formats:
  json      an array of entry objects {\"kind\", \"code\", \"label\", \"definition\",
            \"sources\", ...framework mappings, \"relations\"?}, pretty-printed;
            declared concepts as the document writes them, with
            \"declared\": true
  markdown  one section per vocabulary with a table of entries (the text of
            docs/codebook.md), then a section of the declared concepts

",
    crate::exit::exit_codes_help!()
);

/// Output format of `codebook`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Pretty JSON.
    Json,
    /// Markdown tables.
    Markdown,
}

/// Runs `codebook`.
pub fn run(args: &Args, out: &mut Output) -> Result<Status, CliError> {
    let (codebook, status) = match &args.file {
        Some(file) => {
            let loaded = vec![input::load(file, ReadOptions::new())?];
            let status = input::report_issues(&loaded);
            (Codebook::with_document(&loaded[0].1.document), status)
        }
        None => (Codebook::standard(), Status::Success),
    };
    let text = match args.format {
        Format::Json => codebook.to_json_pretty(),
        Format::Markdown => codebook.to_markdown(),
    };
    out.write_all(text.as_bytes())?;
    Ok(status)
}

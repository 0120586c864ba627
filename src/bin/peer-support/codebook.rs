//! `peer-support codebook`: print the vocabulary.

use std::io::Write;

use peer_support::Codebook;

use crate::exit::{CliError, Status};
use crate::output::Output;

/// The `codebook` subcommand's arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

const HELP: &str = concat!(
    "\
Output formats:
  json      an array of entry objects {\"kind\", \"code\", \"label\", \"definition\",
            \"sources\", ...framework mappings}, pretty-printed
  markdown  one section per vocabulary with a table of entries (the text of
            docs/codebook.md)

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
    let codebook = Codebook::standard();
    let text = match args.format {
        Format::Json => codebook.to_json_pretty(),
        Format::Markdown => codebook.to_markdown(),
    };
    out.write_all(text.as_bytes())?;
    Ok(Status::Success)
}

//! `peer-support catalog`: print the bundled seed studies.

use crate::exit::{CliError, Status};
use crate::input;
use crate::output::Output;

/// The `catalog` subcommand's arguments (none).
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {}

const HELP: &str = concat!(
    "\
Prints the document bundled with the crate: the four seed papers the vocabulary
is drawn from, encoded as studies with their citations, designs, samples,
themes and findings linked to the codebook. The output is canonical pretty JSON
(`peer-support fmt` leaves it unchanged) and a valid schema-1.0 document, so it
can be piped into `validate`, `synthesize -` or any other tool.

",
    crate::exit::exit_codes_help!()
);

/// Runs `catalog`.
pub fn run(_args: &Args, out: &mut Output) -> Result<Status, CliError> {
    let loaded = input::bundled()?;
    loaded.document.write_json_pretty(&mut *out)?;
    Ok(Status::Success)
}

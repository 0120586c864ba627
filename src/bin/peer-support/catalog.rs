//! `peer-support catalog`: print the bundled seed studies or reviews.

use crate::exit::{CliError, Status};
use crate::input;
use crate::output::Output;

/// The `catalog` subcommand's arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {
    /// Print the bundled reviews instead of the seed studies.
    #[arg(long)]
    reviews: bool,
}

const HELP: &str = concat!(
    "\
Prints a document bundled with the crate: the four seed papers the vocabulary
is drawn from, encoded as studies with their citations, designs, samples,
themes and findings linked to the codebook; or, with --reviews, the two reviews
of the implementation of peer support work (Ibrahim et al. 2020, Cooper et al.
2024) with their review details and findings. The output is canonical pretty
JSON (`peer-support fmt` leaves it unchanged) and a valid document, so it can be
piped into `validate`, `synthesize -` or any other tool.

",
    crate::exit::exit_codes_help!()
);

/// Runs `catalog`.
pub fn run(args: &Args, out: &mut Output) -> Result<Status, CliError> {
    let loaded = if args.reviews {
        input::bundled_reviews()?
    } else {
        input::bundled()?
    };
    loaded.document.write_json_pretty(&mut *out)?;
    Ok(Status::Success)
}

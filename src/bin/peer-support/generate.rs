//! `peer-support generate`: print a deterministic synthetic document.

use peer_support::synthetic::Corpus;

use crate::exit::{CliError, Status};
use crate::output::{Output, write_document};

/// The `generate` subcommand's arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {
    /// Number of studies (at least 1).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..))]
    studies: u64,
    /// Total number of excerpts, spread evenly over the studies.
    #[arg(long, default_value_t = 100)]
    excerpts: u64,
    /// Seed of the generator: the same seed and sizes print the same bytes.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Print the compact form (one line) instead of the pretty one.
    #[arg(long)]
    compact: bool,
}

const HELP: &str = concat!(
    "\
Prints a synthetic document in canonical form, for benchmarks, load tests and
demonstrations. Each study has the shape of a qualitative interview study:
stakeholder groups, pseudonymous participants, one interview each (two rounds
for some studies), excerpts of 20 to 120 words, a theme hierarchy, and findings
linking vocabulary concepts to the excerpts and participants behind them. The
text is made of plain words from a built-in list: no real data, no personal
data. The document validates with no issues. Output is deterministic: the same
--seed, --studies and --excerpts always print the same bytes.

Size: about 0.9 KB of pretty JSON per excerpt (1,000,000 excerpts is about
900 MB); the whole document is built in memory before it is printed.

Example:
  peer-support generate --studies 10 --excerpts 100000 --seed 1 > corpus.json

",
    crate::exit::exit_codes_help!()
);

/// Runs `generate`.
pub fn run(args: &Args, out: &mut Output) -> Result<Status, CliError> {
    let document = Corpus::new(args.seed)
        .studies(usize::try_from(args.studies).unwrap_or(usize::MAX))
        .excerpts(usize::try_from(args.excerpts).unwrap_or(usize::MAX))
        .build();
    write_document(out, &document, args.compact)?;
    Ok(Status::Success)
}

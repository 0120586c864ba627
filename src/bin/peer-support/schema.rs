//! `peer-support schema`: print the JSON Schema of the format.

use std::io::Write;

use crate::exit::{CliError, Status};
use crate::output::Output;

/// The schema of the format version this crate writes, compiled in so the
/// binary needs no schema generator. tests/cli.rs checks that it is what the
/// types generate, so a version bump that forgets this path fails there.
const SCHEMA: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/docs/schema/1.1/peer-support.schema.json"
));

/// The `schema` subcommand's arguments (none yet).
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {}

const HELP: &str = concat!(
    "\
Prints the JSON Schema of the document format version this crate writes
(1.1), the checked-in file docs/schema/1.1/peer-support.schema.json, to
standard output. The schema of every released version is checked in under
docs/schema/<MAJOR.MINOR>/ and never changes.

",
    crate::exit::exit_codes_help!()
);

/// Runs `schema`.
pub fn run(_args: &Args, out: &mut Output) -> Result<Status, CliError> {
    out.write_all(SCHEMA.as_bytes())?;
    if !SCHEMA.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    Ok(Status::Success)
}

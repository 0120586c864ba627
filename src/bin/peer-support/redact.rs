//! `peer-support redact`: print a shareable, redacted copy of a document.

use std::path::PathBuf;

use peer_support::RedactionLevel;
use peer_support::document::ReadOptions;

use crate::exit::{CliError, Status};
use crate::input;
use crate::output::{Output, diagnostic, write_document};

/// The `redact` subcommand's arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {
    /// The document to redact (`-` reads standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// How much to remove: `quotes` (participants' words) or `aggregate`
    /// (every participant-level record).
    #[arg(long, value_name = "quotes|aggregate")]
    level: RedactionLevel,
    /// Print the compact form (one line) instead of the pretty one.
    #[arg(long)]
    compact: bool,
    /// Refuse documents with unknown fields instead of dropping them with a
    /// warning.
    #[arg(long)]
    strict: bool,
}

const HELP: &str = concat!(
    "\
Prints a redacted copy of the document in canonical form.

  quotes     excerpt texts become \"[redacted]\"; excerpt locations, study notes
             and all extensions are removed; participants, sources and every
             link are kept.
  aggregate  everything quotes removes, plus participants, data sources and
             excerpts; their counts move into each study's sample and each
             finding's endorsement_count, and participant codes in the remaining
             text become \"[participant]\".

Citations are kept: they describe published papers. Fields this version does
not define (a newer version's) are dropped at every level, since redaction
cannot tell what they hold; how many is said on standard error. Redaction removes the structured records
it knows about; it cannot find names or other identifying details inside the
text it keeps (finding statements, theme labels, aims), so read the output
before sharing it. `peer-support validate` warns about text that looks like an
email address, a UK phone number, an NHS number, a postcode or a date of birth.

Issues found in the input are counted on standard error, not listed: their
messages can quote the input.

",
    crate::exit::exit_codes_help!()
);

/// Runs `redact`.
pub fn run(args: &Args, out: &mut Output) -> Result<Status, CliError> {
    let (file, loaded) = input::load(&args.file, ReadOptions::new().strict(args.strict))?;
    // Messages can quote the input (an invalid DOI, an unknown code), and the
    // point of this command is not to repeat it: only the count goes out.
    let errors = loaded.report.errors().count();
    let warnings = loaded.report.issues.len() - errors;
    if errors + warnings > 0 {
        diagnostic(format_args!(
            "{file}: the input has {errors} validation error(s) and {warnings} warning(s); run `peer-support validate` on it to see them"
        ));
    }
    let redaction = loaded.document.into_redaction(args.level);
    if redaction.unknown_fields_dropped > 0 {
        diagnostic(format_args!(
            "{file}: dropped {} field(s) this version does not define, which redaction cannot vouch for",
            redaction.unknown_fields_dropped
        ));
    }
    write_document(out, &redaction.document, args.compact)?;
    Ok(Status::Success)
}

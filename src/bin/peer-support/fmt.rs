//! `peer-support fmt`: print a document in canonical form.

use std::path::PathBuf;

use peer_support::document::ReadOptions;

use crate::exit::{CliError, Status};
use crate::input;
use crate::output::{Output, diagnostic, write_document};

/// The `fmt` subcommand's arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {
    /// The document to format (`-` reads standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Print the compact form (one line) instead of the pretty one.
    #[arg(long)]
    compact: bool,
    /// Refuse documents with unknown fields instead of keeping them with a
    /// warning.
    #[arg(long)]
    strict: bool,
}

const HELP: &str = concat!(
    "\
Prints the canonical form: fixed field order, sorted map keys, empty and absent
fields omitted, numbers as docs/format.md specifies. Older documents are
migrated and written as the current version; a newer minor version's document
keeps its version. The pretty form uses two-space indentation; --compact prints
one line. Both end with a newline. Formatting the output again gives the same
bytes.

fmt is a formatter, not a gate: a document that loads is printed even when it
has validation issues, and every issue is listed on standard error first.
Fields this version does not define (a newer version's) are kept and written
back after the known fields of their object; each one is reported on standard
error (use --strict to refuse such documents). Use `peer-support validate` to
check documents.

A document that cannot be loaded gets a one-line error on standard error with
its JSON Pointer path and line/column (exit status 1); nothing is printed on
standard output.

",
    crate::exit::exit_codes_help!()
);

/// Runs `fmt`.
pub fn run(args: &Args, out: &mut Output) -> Result<Status, CliError> {
    let (file, loaded) = input::load(&args.file, ReadOptions::new().strict(args.strict))?;
    for issue in &loaded.report.issues {
        diagnostic(format_args!("{file}: {issue}"));
    }
    let errors = loaded.report.errors().count();
    if errors > 0 {
        diagnostic(format_args!(
            "{file}: has {errors} validation error(s); printed anyway"
        ));
    }
    write_document(out, &loaded.document, args.compact)?;
    Ok(Status::Success)
}

//! The `peer-support` command line (built with `--features cli`).
//!
//! Each subcommand lives in its own module with an `Args` struct (clap) and a
//! `run(&Args, &mut Output) -> Result<Status, CliError>` function; adding one
//! is a new file, a variant of [`Command`] and an arm in [`run`].

mod catalog;
mod cerqual;
mod codebook;
mod exit;
mod fmt;
#[cfg(feature = "synthetic")]
mod generate;
mod input;
mod output;
mod redact;
mod refi;
mod report;
mod schema;
mod synthesize;
mod validate;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::exit::{CliError, Status};
use crate::output::Output;

/// Typed, validated, versioned data for mental-health peer support research.
#[derive(Debug, Parser)]
#[command(name = "peer-support", version, after_help = exit::exit_codes_help!())]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check documents and report every issue (exit 1 if any has an error).
    Validate(validate::Args),
    /// Print a document in canonical form.
    Fmt(fmt::Args),
    /// Print the JSON Schema of the document format.
    Schema(schema::Args),
    /// Print the codebook (every vocabulary entry) as JSON or Markdown.
    Codebook(codebook::Args),
    /// Print a deterministic synthetic document (for benchmarks and load tests).
    #[cfg(feature = "synthetic")]
    Generate(generate::Args),
    /// Print a shareable copy of a document without participants' words (quotes) or records (aggregate).
    Redact(redact::Args),
    /// Line up studies in a cross-study evidence matrix (default: the bundled seed studies and reviews).
    Synthesize(synthesize::Args),
    /// Print the bundled seed studies (the four source papers), or the bundled reviews, as a document.
    Catalog(catalog::Args),
    /// Print the GRADE-CERQual Summary of Qualitative Findings (or Evidence Profile) of reviews.
    Cerqual(cerqual::Args),
    /// Write the evidence report as one self-contained HTML file (default: the bundled seed studies and reviews).
    Report(report::Args),
    /// Print the codebook (or a document's) as a REFI-QDA codebook (.qdc).
    Qdc(refi::QdcArgs),
    /// Read a REFI-QDA project (.qdpx) into a document; what was not imported goes to stderr.
    #[command(name = "import-qdpx")]
    ImportQdpx(refi::ImportArgs),
    /// Write a document as a REFI-QDA project (.qdpx).
    #[command(name = "export-qdpx")]
    ExportQdpx(refi::ExportArgs),
}

fn run(command: &Command, out: &mut Output) -> Result<Status, CliError> {
    match command {
        Command::Validate(args) => validate::run(args, out),
        Command::Fmt(args) => fmt::run(args, out),
        Command::Schema(args) => schema::run(args, out),
        Command::Codebook(args) => codebook::run(args, out),
        #[cfg(feature = "synthetic")]
        Command::Generate(args) => generate::run(args, out),
        Command::Redact(args) => redact::run(args, out),
        Command::Synthesize(args) => synthesize::run(args, out),
        Command::Catalog(args) => catalog::run(args, out),
        Command::Cerqual(args) => cerqual::run(args, out),
        Command::Report(args) => report::run(args, out),
        Command::Qdc(args) => refi::run_qdc(args, out),
        Command::ImportQdpx(args) => refi::run_import(args, out),
        Command::ExportQdpx(args) => refi::run_export(args, out),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version are "errors" with status 0; usage errors are 2.
            // Printing may hit a closed pipe, which is not worth a panic.
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    let mut out = Output::stdout();
    let result = run(&cli.command, &mut out);
    // Whatever the command printed goes out before any error message.
    let flushed = out.flush().map_err(CliError::Output);
    match result.and_then(|status| flushed.map(|()| status)) {
        Ok(status) => status.into(),
        Err(error) => {
            output::diagnostic(output::chain(&error));
            error.status().into()
        }
    }
}

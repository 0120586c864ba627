//! Exit statuses, and the errors that end a command early.

use std::io;
use std::process::ExitCode;

use peer_support::document::ReadError;

/// The exit statuses, as a string literal for `--help` texts (a macro so that
/// subcommands can `concat!` it onto their own help).
macro_rules! exit_codes_help {
    () => {
        "\
Exit status:
  0  success (for validate: no file has an error; warnings are fine)
  1  a document has a validation error or cannot be loaded as a document
  2  usage error, or a file could not be opened or the output not written

A closed output pipe (e.g. `| head`) ends the output quietly; the exit status
still describes the documents."
    };
}
pub(crate) use exit_codes_help;

/// How a command ended. The numbers are part of the command line's contract.
///
/// Ordered by severity so that several results combine with `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Everything checked out.
    Success,
    /// A document has an error, or is not a readable document.
    Invalid,
    /// A usage error, or a file or the output could not be read or written.
    Failure,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        ExitCode::from(match status {
            Status::Success => 0,
            Status::Invalid => 1,
            Status::Failure => 2,
        })
    }
}

/// Why a command stopped before finishing.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// An input file could not be opened or read.
    #[error("cannot read {file}")]
    Input {
        /// The file as the user named it.
        file: String,
        /// The I/O error.
        source: io::Error,
    },
    /// An input was read but is not a document that can be loaded.
    #[error("{file}")]
    Document {
        /// The file as the user named it.
        file: String,
        /// Why it could not be loaded.
        source: ReadError,
    },
    /// An output file could not be written.
    #[error("cannot write {file}")]
    OutputFile {
        /// The file as the user named it.
        file: String,
        /// The I/O error.
        source: io::Error,
    },
    /// A REFI-QDA file could not be read, mapped or written.
    #[error("{file}")]
    Exchange {
        /// The file as the user named it.
        file: String,
        /// Why.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// Standard output could not be written (other than a closed pipe,
    /// which [`crate::output::Output`] absorbs).
    #[error("cannot write the output")]
    Output(#[from] io::Error),
}

impl CliError {
    /// The exit status this error ends the command with.
    pub fn status(&self) -> Status {
        match self {
            CliError::Document { .. } | CliError::Exchange { .. } => Status::Invalid,
            CliError::Input { .. } | CliError::OutputFile { .. } | CliError::Output(_) => {
                Status::Failure
            }
        }
    }
}

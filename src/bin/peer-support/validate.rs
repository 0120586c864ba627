//! `peer-support validate`: check documents and report every issue.

use std::io::Write;
use std::path::PathBuf;

use peer_support::document::{ReadError, ReadOptions};
use peer_support::{Issue, IssueCode};
use serde::Serialize;

use crate::exit::{CliError, Status};
use crate::input;
use crate::output::{Output, one_line};

/// The `validate` subcommand's arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {
    /// Documents to check (`-` reads standard input).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Treat unknown fields as errors (by default they are warnings).
    #[arg(long)]
    strict: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

const HELP: &str = concat!(
    "\
Output formats:
  text  per file a line `FILE: valid|invalid|cannot be read ...`, then one line
        per issue `severity[code] /json/pointer: message`, then a summary line.
  json  JSON Lines: one compact JSON object per file, one per line, in the order
        given: {\"file\", \"valid\", \"issues\": [{\"severity\", \"code\", \"path\",
        \"message\"}]}. `valid` is false when the file has an error or could not be
        read. `path` is a JSON Pointer (\"\" = the whole document).

Issue codes are the library's validation codes, plus two for files that never
became a document:
  read_error  the file is not a loadable document (malformed JSON, wrong shape,
              another format, an unsupported schema_version); `path` points at the
              value being read, and a parse failure's message ends with
              (line L, column C)
  io_error    the file could not be opened or read (exit status 2)
With --strict, each unknown field is reported as an `unknown_field` error.

",
    crate::exit::exit_codes_help!()
);

/// Output format of `validate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Human-readable lines.
    Text,
    /// JSON Lines, one object per file.
    Json,
}

/// The result for one file, in the shape `--format json` prints.
#[derive(Debug, Serialize)]
struct FileReport {
    file: String,
    valid: bool,
    /// Each issue in the library's own serde form, the one a `Report`
    /// reads back.
    issues: Vec<Issue>,
    #[serde(skip)]
    outcome: Outcome,
}

/// What happened to one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    /// Loaded; the issues (if any) are its report.
    Loaded,
    /// Read but not loadable as a document.
    NotADocument,
    /// Could not be opened or read.
    Unreadable,
}

/// Runs `validate`.
pub fn run(args: &Args, out: &mut Output) -> Result<Status, CliError> {
    let options = ReadOptions::new().strict(args.strict);
    let mut status = Status::Success;
    let mut tally = Tally::default();
    for file in &args.files {
        let report = check(file, options);
        status = status.max(match (report.outcome, report.valid) {
            (Outcome::Unreadable, _) => Status::Failure,
            (_, true) => Status::Success,
            (_, false) => Status::Invalid,
        });
        tally.add(&report);
        match args.format {
            Format::Text => write_text(out, &report)?,
            Format::Json => {
                serde_json::to_writer(&mut *out, &report).map_err(std::io::Error::from)?;
                out.write_all(b"\n")?;
            }
        }
    }
    if args.format == Format::Text {
        tally.write(out)?;
    }
    Ok(status)
}

fn check(file: &std::path::Path, options: ReadOptions) -> FileReport {
    let name = input::display_name(file);
    let bytes = match input::read(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            return FileReport {
                file: name,
                valid: false,
                issues: vec![Issue::error(IssueCode::IoError, "", error.to_string())],
                outcome: Outcome::Unreadable,
            };
        }
    };
    match options.load_slice(&bytes) {
        Ok(loaded) => FileReport {
            file: name,
            valid: !loaded.report.has_errors(),
            issues: loaded.report.issues,
            outcome: Outcome::Loaded,
        },
        Err(error) => FileReport {
            file: name,
            valid: false,
            issues: read_error_lines(error),
            outcome: Outcome::NotADocument,
        },
    }
}

/// The issues a load failure becomes: strict mode's unknown fields keep their
/// own code and path; everything else is one `read_error`.
fn read_error_lines(error: ReadError) -> Vec<Issue> {
    let (path, message) = match error {
        ReadError::UnknownFields { issues } => return issues,
        ReadError::Json(ref json) if json.line() > 0 => (
            json.path().to_owned(),
            format!(
                "{} (line {}, column {})",
                json.message(),
                json.line(),
                json.column()
            ),
        ),
        ReadError::Json(ref json) => (json.path().to_owned(), json.message()),
        ReadError::WrongSchema { .. } => ("/schema".to_owned(), error.to_string()),
        ReadError::UnsupportedVersion { .. } => ("/schema_version".to_owned(), error.to_string()),
        ReadError::Migration(ref migration) => (migration.path.clone(), error.to_string()),
        other => (String::new(), crate::output::chain(&other)),
    };
    vec![Issue::error(IssueCode::ReadError, path, message)]
}

fn write_text(out: &mut Output, report: &FileReport) -> Result<(), CliError> {
    let errors = report.issues.iter().filter(|i| i.is_error()).count();
    let warnings = report.issues.len() - errors;
    let file = one_line(&report.file);
    match report.outcome {
        Outcome::Unreadable => {
            let reason = report.issues.first().map_or("", |i| i.message.as_str());
            writeln!(out, "{file}: cannot be read: {}", one_line(reason))?;
            return Ok(());
        }
        Outcome::NotADocument => writeln!(out, "{file}: invalid, not a loadable document")?,
        Outcome::Loaded if report.valid => {
            writeln!(out, "{file}: valid, {}", plural(warnings, "warning"))?;
        }
        Outcome::Loaded => writeln!(
            out,
            "{file}: invalid, {}, {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        )?,
    }
    for issue in &report.issues {
        let path = if issue.path.is_empty() {
            "(document)"
        } else {
            &issue.path
        };
        writeln!(
            out,
            "  {}[{}] {}: {}",
            issue.severity,
            issue.code,
            one_line(path),
            one_line(&issue.message)
        )?;
    }
    Ok(())
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Counts for the summary line.
#[derive(Debug, Default)]
struct Tally {
    valid: usize,
    invalid: usize,
    unreadable: usize,
}

impl Tally {
    fn add(&mut self, report: &FileReport) {
        match (report.outcome, report.valid) {
            (Outcome::Unreadable, _) => self.unreadable += 1,
            (_, true) => self.valid += 1,
            (_, false) => self.invalid += 1,
        }
    }

    fn write(&self, out: &mut Output) -> Result<(), CliError> {
        let total = self.valid + self.invalid + self.unreadable;
        write!(
            out,
            "{}: {} valid, {} invalid",
            plural(total, "file"),
            self.valid,
            self.invalid
        )?;
        if self.unreadable > 0 {
            write!(out, ", {} could not be read", self.unreadable)?;
        }
        writeln!(out)?;
        Ok(())
    }
}

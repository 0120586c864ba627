//! `peer-support qdc`, `import-qdpx` and `export-qdpx`: REFI-QDA codebooks
//! and projects.

use std::io::{Cursor, Write};
use std::path::PathBuf;

use peer_support::document::ReadOptions;
use peer_support::interchange::refi::{self, CodeMap, ImportOptions};
use peer_support::refi_qda;

use crate::exit::{CliError, Status};
use crate::input;
use crate::output::{self, Output};

/// The `qdc` subcommand's arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = QDC_HELP)]
pub struct QdcArgs {
    /// A document whose codebook to write (the standard codebook plus the
    /// concepts it uses that the standard lacks); with none, the standard
    /// codebook.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
}

const QDC_HELP: &str = concat!(
    "\
Writes a REFI-QDA codebook (.qdc, valid against Codebook.xsd) on standard
output: each concept kind a non-codable parent code, each entry a codable
code whose description holds its label, definition, `peer-support code:
KIND/CODE`, framework mappings and sources; CFIR 2.0 domains and CHIME
processes as sets. GUIDs are UUID v5 names, the same in every release.

Example:
  peer-support qdc > codebook.qdc

",
    crate::exit::exit_codes_help!()
);

/// Runs `qdc`.
pub fn run_qdc(args: &QdcArgs, out: &mut Output) -> Result<Status, CliError> {
    let (book, status) = match &args.file {
        None => (refi::standard_codebook(), Status::Success),
        Some(file) => {
            let documents = vec![input::load(file, ReadOptions::new())?];
            let status = input::report_issues(&documents);
            (refi::document_codebook(&documents[0].1.document), status)
        }
    };
    let xml = refi_qda::write_codebook(&book).map_err(|e| CliError::Exchange {
        file: "(codebook)".to_owned(),
        source: Box::new(e),
    })?;
    out.write_all(&xml)?;
    Ok(status)
}

/// The `import-qdpx` subcommand's arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = IMPORT_HELP)]
pub struct ImportArgs {
    /// The REFI-QDA project (.qdpx).
    #[arg(value_name = "PROJECT.qdpx")]
    project: PathBuf,
    /// A JSON object mapping code names or GUIDs to concepts
    /// (`{"Stigma": "barrier/stigma"}`), for codes the import does not
    /// recognise.
    #[arg(long, value_name = "M.json")]
    map: Option<PathBuf>,
    /// The title of the study (default: the project's name).
    #[arg(long, value_name = "T")]
    study_title: Option<String>,
    /// Keep case names in the study extension `refi-qda:case_names` (by
    /// default they are left out: they are often people's names).
    #[arg(long)]
    keep_case_names: bool,
    /// Write compact JSON instead of pretty JSON.
    #[arg(long)]
    compact: bool,
}

const IMPORT_HELP: &str = concat!(
    "\
Reads a REFI-QDA project and prints it as a document on standard output;
what was and was not imported (counts, elements the model cannot hold,
warnings) and the document's validation issues go to standard error.

Codes are recognised by their GUID (those `peer-support qdc` writes), by a
concept code in their name or description (`barrier/stigma`), or by --map;
every other code becomes a project concept and is never dropped. Cases become
pseudonymous participants. Hostile archives (path traversal, zip bombs, a
project.qde over 64 MiB, DTDs) are refused.

Example:
  peer-support import-qdpx project.qdpx --map mapping.json > doc.json

",
    crate::exit::exit_codes_help!()
);

/// Runs `import-qdpx`.
pub fn run_import(args: &ImportArgs, out: &mut Output) -> Result<Status, CliError> {
    let mut options = ImportOptions::new();
    options.study_title = args.study_title.clone();
    options.keep_case_names = args.keep_case_names;
    if let Some(map) = &args.map {
        let name = input::display_name(map);
        let text = std::fs::read_to_string(map).map_err(|source| CliError::Input {
            file: name.clone(),
            source,
        })?;
        options.map = CodeMap::from_json(&text).map_err(|e| CliError::Exchange {
            file: name,
            source: Box::new(e),
        })?;
    }
    let name = input::display_name(&args.project);
    let bytes = input::read(&args.project).map_err(|source| CliError::Input {
        file: name.clone(),
        source,
    })?;
    let imported =
        refi::read_document_qdpx(Cursor::new(bytes), &options).map_err(|e| CliError::Exchange {
            file: name.clone(),
            source: Box::new(e),
        })?;
    for line in imported.summary.to_string().lines() {
        output::diagnostic(format_args!("{name}: {line}"));
    }
    let report = imported.document.validate();
    for issue in &report.issues {
        output::diagnostic(format_args!("{name}: {issue}"));
    }
    output::write_document(out, &imported.document, args.compact)?;
    Ok(if report.has_errors() {
        Status::Invalid
    } else {
        Status::Success
    })
}

/// The `export-qdpx` subcommand's arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = EXPORT_HELP)]
pub struct ExportArgs {
    /// The document to export (`-` reads standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The project file to write.
    #[arg(short, long, value_name = "PROJECT.qdpx")]
    output: PathBuf,
}

const EXPORT_HELP: &str = concat!(
    "\
Writes a document as a REFI-QDA project (.qdpx, its project.qde valid against
Project.xsd): each data source a text source holding its excerpts' texts, one
selection per excerpt coded with the concepts of the findings citing it, the
document's codebook, a case per participant, and the study notes.

Example:
  peer-support export-qdpx doc.json -o project.qdpx

",
    crate::exit::exit_codes_help!()
);

/// Runs `export-qdpx`.
pub fn run_export(args: &ExportArgs, _out: &mut Output) -> Result<Status, CliError> {
    let documents = vec![input::load(&args.file, ReadOptions::new())?];
    let status = input::report_issues(&documents);
    let mut qdpx = Cursor::new(Vec::new());
    refi::write_document_qdpx(&documents[0].1.document, &mut qdpx).map_err(|e| {
        CliError::Exchange {
            file: documents[0].0.clone(),
            source: Box::new(e),
        }
    })?;
    std::fs::write(&args.output, qdpx.into_inner()).map_err(|source| CliError::OutputFile {
        file: input::display_name(&args.output),
        source,
    })?;
    Ok(status)
}

//! Reading input files.

use std::io::{self, Read};
use std::path::Path;

use peer_support::catalog;
use peer_support::document::{Loaded, ReadOptions};

use crate::exit::{CliError, Status};
use crate::output::diagnostic;

/// The name that reads standard input instead of a file.
pub const STDIN: &str = "-";

/// The bytes of `file`, or of standard input when it is [`STDIN`].
pub fn read(file: &Path) -> io::Result<Vec<u8>> {
    if file.as_os_str() == STDIN {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(file)
    }
}

/// How a file is named in messages: as the user gave it.
pub fn display_name(file: &Path) -> String {
    file.display().to_string()
}

/// Reads and loads `file` with `options`; returns its display name too.
pub fn load(file: &Path, options: ReadOptions) -> Result<(String, Loaded), CliError> {
    let name = display_name(file);
    let bytes = read(file).map_err(|source| CliError::Input {
        file: name.clone(),
        source,
    })?;
    match options.load_slice(&bytes) {
        Ok(loaded) => Ok((name, loaded)),
        Err(source) => Err(CliError::Document { file: name, source }),
    }
}

/// The name the bundled seed document goes by in messages.
pub const BUNDLED: &str = "(bundled seed studies)";

/// The name the bundled reviews go by in messages.
pub const BUNDLED_REVIEWS: &str = "(bundled reviews)";

/// The bundled seed studies, read like any other document.
pub fn bundled() -> Result<Loaded, CliError> {
    catalog::seed_studies().map_err(|source| CliError::Document {
        file: BUNDLED.to_owned(),
        source,
    })
}

/// The bundled reviews, read like any other document.
pub fn bundled_reviews() -> Result<Loaded, CliError> {
    catalog::reviews().map_err(|source| CliError::Document {
        file: BUNDLED_REVIEWS.to_owned(),
        source,
    })
}

/// Every file loaded with default options, each with its display name; with
/// no file, the bundled seed studies and the bundled reviews.
pub fn load_all_or_bundled(
    files: &[std::path::PathBuf],
) -> Result<Vec<(String, Loaded)>, CliError> {
    if files.is_empty() {
        return Ok(vec![
            (BUNDLED.to_owned(), bundled()?),
            (BUNDLED_REVIEWS.to_owned(), bundled_reviews()?),
        ]);
    }
    files
        .iter()
        .map(|file| load(file, ReadOptions::new()))
        .collect()
}

/// Prints every issue of every document on standard error, prefixed with its
/// name; [`Status::Invalid`] when a document has an error.
pub fn report_issues(documents: &[(String, Loaded)]) -> Status {
    let mut status = Status::Success;
    for (file, loaded) in documents {
        for issue in &loaded.report.issues {
            diagnostic(format_args!("{file}: {issue}"));
        }
        if loaded.report.has_errors() {
            status = Status::Invalid;
        }
    }
    status
}

//! Reading input files.

use std::io::{self, Read};
use std::path::Path;

use peer_support::document::{Loaded, ReadOptions};

use crate::exit::CliError;

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

//! Reading input files.

use std::io::{self, Read};
use std::path::Path;

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

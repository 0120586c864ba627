//! The load step: read a document, then validate it. The only place where
//! the format layer calls validation.

use std::io::Read;

use super::{Loaded, ReadError, ReadOptions};

impl ReadOptions {
    /// Reads and validates a document from a string.
    ///
    /// # Errors
    ///
    /// [`ReadError`] when there is no document to return; validation problems
    /// are in [`Loaded::report`].
    pub fn load_str(&self, json: &str) -> Result<Loaded, ReadError> {
        self.load_slice(json.as_bytes())
    }

    /// Reads and validates a document from bytes (UTF-8 JSON; a leading
    /// byte-order mark is skipped).
    ///
    /// # Errors
    ///
    /// As [`ReadOptions::load_str`].
    pub fn load_slice(&self, json: &[u8]) -> Result<Loaded, ReadError> {
        let mut loaded = self.parse_slice(json)?;
        let report = if self.one_thread {
            crate::validate::validate_on_one_thread(&loaded.document)
        } else {
            loaded.document.validate()
        };
        loaded.report.extend(report.issues);
        Ok(loaded)
    }

    /// Reads and validates a document from a reader. The input is read into
    /// memory first: parsing from a buffer is several times faster than from
    /// a stream, and documents are read whole anyway.
    ///
    /// # Errors
    ///
    /// As [`ReadOptions::load_str`], plus [`ReadError::Io`].
    pub fn load_reader<R: Read>(&self, mut reader: R) -> Result<Loaded, ReadError> {
        let mut buffer = Vec::new();
        reader.read_to_end(&mut buffer)?;
        self.load_slice(&buffer)
    }
}

/// Reads and validates a document from a string with default options.
///
/// # Errors
///
/// [`ReadError`] when there is no document to return; validation problems
/// are in [`Loaded::report`].
pub fn from_str(json: &str) -> Result<Loaded, ReadError> {
    ReadOptions::new().load_str(json)
}

/// Reads and validates a document from bytes with default options.
///
/// # Errors
///
/// As [`from_str`].
pub fn from_slice(json: &[u8]) -> Result<Loaded, ReadError> {
    ReadOptions::new().load_slice(json)
}

/// Reads and validates a document from a reader with default options.
///
/// # Errors
///
/// As [`from_str`], plus [`ReadError::Io`].
pub fn from_reader<R: Read>(reader: R) -> Result<Loaded, ReadError> {
    ReadOptions::new().load_reader(reader)
}

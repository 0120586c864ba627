//! Errors: what went wrong and where, for reading and for writing.

use std::fmt;

use super::Guid;

/// Where in an XML file something was found.
///
/// Displays as `project.qde: Project/Sources/TextSource[3]/PlainTextSelection[12] (byte 4711)`:
/// the file (when the XML came out of an archive), the element path with
/// 1-based positions among same-named siblings (as in XPath), and the byte
/// offset of the element's start tag in the file, when known.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Location {
    /// The archive entry the XML came from (`project.qde`), if any.
    pub file: Option<String>,
    /// The element path, e.g. `Project/Sources/TextSource[3]`; `(document)`
    /// before the root element.
    pub element: String,
    /// Byte offset in the file, when the parser knows it.
    pub offset: Option<u64>,
}

impl Location {
    pub(crate) fn new(element: String, offset: Option<u64>) -> Self {
        Location {
            file: None,
            element,
            offset,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}: ")?;
        }
        f.write_str(&self.element)?;
        if let Some(offset) = self.offset {
            write!(f, " (byte {offset})")?;
        }
        Ok(())
    }
}

/// Why an XML file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum XmlProblem {
    /// The XML is not well-formed.
    #[error("not well-formed XML: {0}")]
    Syntax(String),
    /// The file has a document type declaration. REFI-QDA files never do,
    /// and the entities a DTD declares are the classic way to make a small
    /// file expand to gigabytes, so the reader refuses it outright.
    #[error(
        "a <!DOCTYPE> (DTD) is refused: REFI-QDA files have none, and its entities are not expanded"
    )]
    Doctype,
    /// A reference to an entity that is neither one of the five predefined
    /// XML entities nor a character reference.
    #[error(
        "undeclared entity &{0}; (only &lt; &gt; &amp; &apos; &quot; and character references are known)"
    )]
    UndeclaredEntity(String),
    /// The bytes are not UTF-8.
    #[error("not UTF-8 (REFI-QDA XML is UTF-8)")]
    NotUtf8,
    /// The file starts with a UTF-16 byte order mark or looks like UTF-16.
    #[error("UTF-16 encoded; REFI-QDA XML is UTF-8")]
    Utf16,
    /// The XML declaration names an encoding other than UTF-8.
    #[error("the XML declaration says encoding {0:?}; REFI-QDA XML is UTF-8")]
    Encoding(String),
    /// The file has no root element.
    #[error("no root element")]
    NoRoot,
    /// The root element is not the expected one.
    #[error("root element is <{found}>, expected <{expected}>")]
    WrongRoot {
        /// `CodeBook` or `Project`.
        expected: &'static str,
        /// What the file has.
        found: String,
    },
    /// A second element after the root element closed.
    #[error("content after the root element")]
    AfterRoot,
    /// The file ends inside an element.
    #[error("the file ends before </{0}>")]
    Unclosed(String),
    /// A required attribute is missing.
    #[error("missing required attribute {0:?}")]
    MissingAttribute(&'static str),
    /// A required child element is missing.
    #[error("missing required element <{0}>")]
    MissingElement(&'static str),
    /// A required attribute (or a reference) has a value that cannot be used.
    #[error("attribute {attribute:?} = {value:?}: {reason}")]
    InvalidAttribute {
        /// The attribute.
        attribute: &'static str,
        /// Its value (cut to 80 bytes).
        value: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Elements nest deeper than [`Limits::max_depth`](super::Limits::max_depth).
    #[error("elements nest deeper than the limit of {limit}")]
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// The XML is larger than [`Limits::max_xml_bytes`](super::Limits::max_xml_bytes).
    #[error("larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit.
        limit: u64,
    },
}

/// Why a `.qdpx` archive could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ArchiveProblem {
    /// Not a ZIP archive the reader can open.
    #[error("not a readable ZIP archive: {0}")]
    NotZip(String),
    /// An entry's data is damaged (bad checksum, truncated, bad deflate stream).
    #[error("damaged entry: {0}")]
    Damaged(String),
    /// Compression, encryption or another feature the reader does not handle.
    #[error("unsupported: {0}")]
    Unsupported(String),
    /// An entry name that could escape a folder if extracted (`../`, an
    /// absolute path, a backslash, a drive letter), or holds control characters.
    #[error("unsafe entry name {name:?}: {reason}")]
    UnsafeName {
        /// The name (cut to 200 bytes).
        name: String,
        /// What makes it unsafe.
        reason: &'static str,
    },
    /// Two entries have the same name, so which one is meant is ambiguous.
    #[error(
        "the central directory lists {listed} entries but only {distinct} distinct names: duplicate entry names"
    )]
    DuplicateNames {
        /// Entries in the central directory.
        listed: u64,
        /// Distinct names among them.
        distinct: u64,
    },
    /// Two entries differ only in letter case and a lookup matched both.
    #[error("{0:?} matches more than one entry when letter case is ignored")]
    AmbiguousName(String),
    /// More entries than [`Limits::max_entries`](super::Limits::max_entries).
    #[error("{count} entries, more than the limit of {limit}")]
    TooManyEntries {
        /// Entries the archive declares.
        count: u64,
        /// The limit.
        limit: u64,
    },
    /// A central directory larger than
    /// [`Limits::max_central_directory_bytes`](super::Limits::max_central_directory_bytes).
    #[error("central directory of {size} bytes, more than the limit of {limit}")]
    CentralDirectoryTooLarge {
        /// Its declared size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// One entry decompressed past its size limit.
    #[error("decompresses to more than the limit of {limit} bytes")]
    EntryTooLarge {
        /// The limit that applied.
        limit: u64,
    },
    /// The archive decompressed past [`Limits::max_total_bytes`](super::Limits::max_total_bytes).
    #[error("the archive decompresses to more than the limit of {limit} bytes in total")]
    TotalTooLarge {
        /// The limit.
        limit: u64,
    },
    /// An entry decompressed past [`Limits::max_ratio`](super::Limits::max_ratio)
    /// times its compressed size (a zip bomb).
    #[error(
        "decompresses to more than {ratio} times its {compressed} compressed bytes (a zip bomb?)"
    )]
    RatioTooHigh {
        /// The entry's compressed size.
        compressed: u64,
        /// The limit.
        ratio: u64,
    },
    /// There is no `project.qde`.
    #[error("no project.qde in the archive")]
    NoProject,
    /// A text file is not UTF-8.
    #[error("not UTF-8 at byte {valid_up_to} (REFI-QDA plain text is UTF-8)")]
    NotUtf8 {
        /// Length of the valid UTF-8 prefix.
        valid_up_to: usize,
    },
}

/// Why a value could not be written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WriteProblem {
    /// A character XML 1.0 does not allow, even escaped (U+0000–U+001F other
    /// than tab, line feed and carriage return; U+FFFE; U+FFFF). The writer
    /// refuses rather than strips it: stripping would move every later
    /// character, and so every selection position after it.
    #[error("character U+{code:04X} at byte {at} cannot be written in XML 1.0")]
    ForbiddenChar {
        /// The character's code point.
        code: u32,
        /// Its byte offset in the text.
        at: usize,
    },
    /// A `.qdc` needs at least one code (`Codes` has `Code` with `minOccurs=1`).
    #[error("a codebook file needs at least one code")]
    NoCodes,
    /// Something the target format has no place for.
    #[error("{0}")]
    NotRepresentable(&'static str),
    /// Two text sources with the same GUID: their `sources/<guid>.txt` files would collide.
    #[error("two text sources have GUID {0}")]
    DuplicateSource(Guid),
    /// The ZIP library failed.
    #[error("ZIP: {0}")]
    Zip(String),
}

/// Any failure of the REFI-QDA layer.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The XML (`.qdc`, `project.qde`) cannot be read.
    #[error("{location}: {problem}")]
    Xml {
        /// Where (boxed to keep `Result`s small).
        location: Box<Location>,
        /// What.
        problem: XmlProblem,
    },
    /// The archive (`.qdpx`) cannot be read.
    #[error("{}: {problem}", entry.as_deref().unwrap_or("archive"))]
    Archive {
        /// The entry concerned, if any.
        entry: Option<String>,
        /// What.
        problem: ArchiveProblem,
    },
    /// A value cannot be written as valid REFI-QDA.
    #[error("cannot write {path}: {problem}")]
    Write {
        /// Element path (and `@attribute` or `/text()`) of what failed.
        path: String,
        /// What.
        problem: WriteProblem,
    },
    /// Reading from or writing to the caller's reader or writer failed.
    #[error("I/O: {0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    pub(crate) fn archive(entry: Option<&str>, problem: ArchiveProblem) -> Self {
        Error::Archive {
            entry: entry.map(|e| crate::util::truncate(e, 200).to_owned()),
            problem,
        }
    }

    pub(crate) fn write(path: impl Into<String>, problem: WriteProblem) -> Self {
        Error::Write {
            path: path.into(),
            problem,
        }
    }
}

//! What a read left out or had to interpret, so nothing is lost silently.
//!
//! REFI-QDA §7 asks an importer to tell the user which elements it discards.
//! The layer models only what the crate needs (text sources, codes, cases,
//! notes, sets, users, variables); everything else in a file is counted here
//! by element name, and every value it had to drop or read leniently is a
//! [`Warning`] with its location.

use std::collections::BTreeMap;
use std::fmt;

use super::Location;

/// A value read from a REFI-QDA file, with the summary of what reading it
/// did not keep.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Parsed<T> {
    /// The value.
    pub value: T,
    /// What was counted, skipped or interpreted on the way.
    pub summary: ReadSummary,
}

/// Counts of what a read did not model, and warnings about what it changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadSummary {
    /// The namespace the root element declares (`urn:QDA-XML:project:1.0`);
    /// `None` when it declares none. Elements are matched by local name
    /// whatever the namespace, since early producers (Transana's
    /// `urn:QDA-XML:project:0:10`) used others; a namespace other than the
    /// expected one also gives a warning.
    pub namespace: Option<String>,
    /// REFI-QDA elements this layer does not model, by element name, with
    /// everything inside them: `PictureSource`, `PDFSource`, `AudioSource`,
    /// `VideoSource` and their selections, transcripts and codings, `Links`,
    /// `Graphs`, and the selections and codings of notes.
    pub not_modelled: BTreeMap<String, u64>,
    /// Elements that REFI-QDA does not define where they were found (vendor
    /// extensions, misspellings, a `Sets` inside a project's `CodeBook`),
    /// with everything inside them, by element name.
    pub unknown: BTreeMap<String, u64>,
    /// Attributes not read, as `Element@attribute` (namespace declarations
    /// and `xsi:` attributes are not counted).
    pub unknown_attributes: BTreeMap<String, u64>,
    /// Text sources and notes whose `plainTextPath` could not be resolved
    /// (`relative://` and `absolute://` paths, `internal://` ones when only
    /// the XML was read or the file is missing): their text is
    /// [`PlainText::Unresolved`](super::PlainText::Unresolved).
    pub unresolved_paths: u64,
    /// Archive entries never read (the DOCX, PDF and media files of the
    /// sources this layer does not model, and anything else).
    pub unread_entries: u64,
    /// What reading dropped or interpreted, in document order, up to
    /// [`Limits::max_warnings`](super::Limits::max_warnings).
    pub warnings: Vec<Warning>,
    /// Warnings past that limit, counted only.
    pub more_warnings: u64,
}

impl ReadSummary {
    /// Whether the file held nothing this layer left out or changed: no
    /// element or attribute counted, no unresolved path, no warning.
    /// (Unread archive entries do not count: a `.qdpx` may carry files such
    /// as a source's original DOCX that the modelled elements never name.)
    pub fn is_complete(&self) -> bool {
        self.not_modelled.is_empty()
            && self.unknown.is_empty()
            && self.unknown_attributes.is_empty()
            && self.unresolved_paths == 0
            && self.warnings.is_empty()
            && self.more_warnings == 0
    }

    pub(crate) fn warn(&mut self, limit: usize, location: Location, kind: WarningKind) {
        if self.warnings.len() < limit {
            self.warnings.push(Warning { location, kind });
        } else {
            self.more_warnings += 1;
        }
    }
}

/// Something a read dropped or interpreted, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Warning {
    /// Where.
    pub location: Location,
    /// What.
    pub kind: WarningKind,
}

/// What a [`Warning`] is about.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WarningKind {
    /// An optional attribute with a value that cannot be used was dropped
    /// (a colour `red`, a date `27/03/2018`). Required attributes with bad
    /// values are errors instead.
    DroppedAttribute {
        /// The attribute.
        attribute: String,
        /// Its value (cut to 80 bytes).
        value: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// A variable value whose content does not parse as its element type
    /// (`<IntegerValue>twelve</IntegerValue>`) was dropped.
    DroppedValue {
        /// The element (`IntegerValue`, ...).
        element: String,
        /// The content (cut to 80 bytes).
        value: String,
    },
    /// A reference was read from a place the schema does not put it:
    /// `<MemberSource guid="...">` instead of `targetGUID`, or the GUID as
    /// element text, as some producers write.
    LenientReference {
        /// Where the GUID was found instead (`guid` or `text`).
        found_in: &'static str,
    },
    /// A `plainTextPath` that could not be resolved; the text is
    /// [`PlainText::Unresolved`](super::PlainText::Unresolved).
    UnresolvedPath {
        /// The path as written.
        path: String,
        /// Why: an external path, XML read without its archive, or a missing entry.
        reason: &'static str,
    },
    /// A text source with both `PlainTextContent` and `plainTextPath` (the
    /// schema says one or the other): the content was kept, the path ignored.
    ContentAndPath {
        /// The ignored path.
        path: String,
    },
    /// An element that may appear once appeared again; the first was kept.
    Duplicate {
        /// The repeated element.
        element: String,
    },
    /// Text inside an element that holds no text was ignored.
    IgnoredText,
    /// The root element declares an unexpected namespace (it was read anyway).
    Namespace {
        /// The namespace found.
        found: String,
        /// The one the file kind requires.
        expected: &'static str,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.location)?;
        match &self.kind {
            WarningKind::DroppedAttribute {
                attribute,
                value,
                reason,
            } => write!(f, "dropped attribute {attribute:?} = {value:?}: {reason}"),
            WarningKind::DroppedValue { element, value } => {
                write!(f, "dropped <{element}> value {value:?}: not of that type")
            }
            WarningKind::LenientReference { found_in } => {
                write!(f, "reference read from {found_in} instead of targetGUID")
            }
            WarningKind::UnresolvedPath { path, reason } => {
                write!(f, "text at {path:?} not read: {reason}")
            }
            WarningKind::ContentAndPath { path } => write!(
                f,
                "has both PlainTextContent and plainTextPath {path:?}; kept the content"
            ),
            WarningKind::Duplicate { element } => {
                write!(f, "repeated <{element}> ignored; kept the first")
            }
            WarningKind::IgnoredText => f.write_str("text in an element that holds none, ignored"),
            WarningKind::Namespace { found, expected } => {
                write!(f, "namespace {found:?}, expected {expected:?}; read anyway")
            }
        }
    }
}

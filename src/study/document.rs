//! The document value: the studies, and document-level extensions.

use super::{DeclaredConcept, Extensions, Study, UnknownFields};

/// A peer-support document: one or more studies, the concepts the project
/// declares beyond the standard codebook, and document-level extensions.
///
/// On the wire it also carries `schema` and `schema_version`; those belong to
/// the format, not to the value: the writer always writes the current
/// version and the reader checks them (see [`crate::document`]), so they are
/// not fields here.
///
/// `Document` implements serde directly, which is the fastest way in (no
/// unknown-field reporting, no migration); [`crate::from_str`] and the other
/// readers add both, plus error positions and validation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Document {
    /// The studies.
    pub studies: Vec<Study>,
    /// The project's own codebook: concepts the standard codebook does not
    /// have, with their relations (format 1.1).
    pub concepts: Vec<DeclaredConcept>,
    /// Tool-specific data.
    pub extensions: Extensions,
    /// Top-level fields this version does not define, kept from reading.
    pub(crate) unknown: UnknownFields,
    /// The format version (`[major, minor, patch]`) the document was read
    /// as, when it is a newer minor version than this crate's: the writer
    /// keeps it, so that a newer document is never relabelled as an older
    /// one while it still holds what only the newer version defines.
    pub(crate) newer_version: Option<[u64; 3]>,
}

impl Document {
    /// A document holding `studies`.
    pub fn new(studies: Vec<Study>) -> Self {
        Document {
            studies,
            concepts: Vec::new(),
            extensions: Extensions::new(),
            unknown: UnknownFields::default(),
            newer_version: None,
        }
    }
}

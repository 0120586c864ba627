//! Text sources, their selections and codings.

use super::{Guid, VariableValue, XsdDateTime};

/// Who created and last changed an object, and when (`creatingUser`,
/// `creationDateTime`, `modifyingUser`, `modifiedDateTime`; on `Project` the
/// user attributes are `creatingUserGUID` and `modifyingUserGUID`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Provenance {
    /// The creating user's GUID (a [`User`](super::User) of the project).
    pub creating_user: Option<Guid>,
    /// When it was created.
    pub created: Option<XsdDateTime>,
    /// The last modifying user's GUID.
    pub modifying_user: Option<Guid>,
    /// When it was last modified.
    pub modified: Option<XsdDateTime>,
}

impl Provenance {
    /// No user or time known.
    pub fn new() -> Self {
        Provenance::default()
    }
}

/// The plain text of a [`TextSource`] or [`Note`](super::Note).
///
/// REFI-QDA carries it either inline (`<PlainTextContent>`) or as a file
/// (`@plainTextPath`): `internal://NAME` inside the archive's `sources/`
/// folder, or `relative://` / `absolute://` outside it. Once read, inline
/// text and resolved internal files are the same thing, the text; where the
/// text came from is not part of the value, so a value reads back equal
/// whichever way it was written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PlainText {
    /// The text, from `PlainTextContent` or a resolved `internal://` file.
    ///
    /// Line ends are kept exactly as written (CRLF stays CRLF), and a
    /// leading byte order mark of a file is removed: selection positions are
    /// counted in the text as the producer held it, which had neither
    /// normalised line ends nor a BOM.
    Text(String),
    /// A `plainTextPath` that was not resolved, kept as written: an external
    /// (`relative://`, `absolute://`) path, an `internal://` path read from a
    /// bare `project.qde`, or one whose file the archive lacks. Counted in
    /// [`ReadSummary::unresolved_paths`](super::ReadSummary::unresolved_paths).
    Unresolved(String),
    /// Neither content nor path (the schema comment forbids this, but the
    /// XSD allows it and notes often have no text).
    None,
}

impl PlainText {
    /// The text, when it is known.
    pub fn text(&self) -> Option<&str> {
        match self {
            PlainText::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// A plain-text source document (`<TextSource>`), such as an interview transcript.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TextSource {
    /// `@guid`.
    pub guid: Guid,
    /// `@name`.
    pub name: Option<String>,
    /// `<Description>`.
    pub description: Option<String>,
    /// The text.
    pub text: PlainText,
    /// `@richTextPath`, kept as written (the DOCX itself is not read).
    pub rich_text_path: Option<String>,
    /// `<PlainTextSelection>`s, in order.
    pub selections: Vec<PlainTextSelection>,
    /// `<Coding>`s of the whole source.
    pub codings: Vec<Coding>,
    /// `<NoteRef targetGUID>`.
    pub note_refs: Vec<Guid>,
    /// `<VariableValue>`s of the source.
    pub variable_values: Vec<VariableValue>,
    /// Creating and modifying user and time.
    pub provenance: Provenance,
}

impl TextSource {
    /// A source holding `text`, with nothing else.
    pub fn new(guid: Guid, text: impl Into<String>) -> Self {
        TextSource {
            guid,
            name: None,
            description: None,
            text: PlainText::Text(text.into()),
            rich_text_path: None,
            selections: Vec::new(),
            codings: Vec::new(),
            note_refs: Vec::new(),
            variable_values: Vec::new(),
            provenance: Provenance::new(),
        }
    }
}

/// A span of a text source (`<PlainTextSelection>`), with its codings.
///
/// Positions are as written. The specification (§10.2) counts Unicode code
/// points from 0, and the end is exclusive: the specification's own ATLAS.ti
/// example selects 139–195 for a 56-character quotation. Some producers
/// count UTF-16 code units instead; [`position`](super::position) cuts the
/// text and says which reading fits.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PlainTextSelection {
    /// `@guid`.
    pub guid: Guid,
    /// `@name` (producers often put the start of the quoted text here).
    pub name: Option<String>,
    /// `<Description>`.
    pub description: Option<String>,
    /// `@startPosition`.
    pub start: u64,
    /// `@endPosition` (exclusive).
    pub end: u64,
    /// `<Coding>`s.
    pub codings: Vec<Coding>,
    /// `<NoteRef targetGUID>`.
    pub note_refs: Vec<Guid>,
    /// Creating and modifying user and time.
    pub provenance: Provenance,
}

impl PlainTextSelection {
    /// A selection of `start..end` with no codings.
    pub fn new(guid: Guid, start: u64, end: u64) -> Self {
        PlainTextSelection {
            guid,
            name: None,
            description: None,
            start,
            end,
            codings: Vec::new(),
            note_refs: Vec::new(),
            provenance: Provenance::new(),
        }
    }
}

/// A code applied to a selection or source (`<Coding>` with its `<CodeRef>`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Coding {
    /// `@guid`.
    pub guid: Guid,
    /// `<CodeRef targetGUID>`: the code applied.
    pub code: Guid,
    /// `@creatingUser`.
    pub creating_user: Option<Guid>,
    /// `@creationDateTime`.
    pub created: Option<XsdDateTime>,
    /// `<NoteRef targetGUID>`.
    pub note_refs: Vec<Guid>,
}

impl Coding {
    /// The coding `guid` applying `code`.
    pub fn new(guid: Guid, code: Guid) -> Self {
        Coding {
            guid,
            code,
            creating_user: None,
            created: None,
            note_refs: Vec::new(),
        }
    }
}

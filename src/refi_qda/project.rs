//! The project (`project.qde`), its users and notes.

use super::codebook::walk;
use super::{Case, Code, CodeBook, Guid, PlainText, Provenance, Set, TextSource, Variable};

/// A person who worked on the project (`<User>`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct User {
    /// `@guid`.
    pub guid: Guid,
    /// `@name`.
    pub name: Option<String>,
    /// `@id`: the producer's own identifier (a login, an initial).
    pub id: Option<String>,
}

impl User {
    /// A user with no name or id.
    pub fn new(guid: Guid) -> Self {
        User {
            guid,
            name: None,
            id: None,
        }
    }
}

/// A memo (`<Note>`), which sources, selections, codes and codings refer to
/// by `NoteRef`.
///
/// The schema gives notes the whole `TextSourceType`; selections, codings,
/// note references and variable values *of a note* are not modelled and are
/// counted in [`ReadSummary::not_modelled`](super::ReadSummary::not_modelled).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Note {
    /// `@guid`.
    pub guid: Guid,
    /// `@name`.
    pub name: Option<String>,
    /// `<Description>`.
    pub description: Option<String>,
    /// The note's text (`PlainTextContent`, or a `plainTextPath` file).
    pub text: PlainText,
    /// `@richTextPath`, kept as written.
    pub rich_text_path: Option<String>,
    /// Creating and modifying user and time.
    pub provenance: Provenance,
}

impl Note {
    /// A note holding `text`.
    pub fn new(guid: Guid, text: impl Into<String>) -> Self {
        Note {
            guid,
            name: None,
            description: None,
            text: PlainText::Text(text.into()),
            rich_text_path: None,
            provenance: Provenance::new(),
        }
    }
}

/// A whole project: what `project.qde` (inside a `.qdpx`) holds.
///
/// Only the elements the crate needs are modelled; a read counts the rest in
/// its [`ReadSummary`](super::ReadSummary).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Project {
    /// `@name` (required by the schema).
    pub name: String,
    /// `@origin`: the software that wrote the file.
    pub origin: Option<String>,
    /// `@basePath`: the folder `relative://` paths are relative to.
    pub base_path: Option<String>,
    /// `@creatingUserGUID`, `@creationDateTime`, `@modifyingUserGUID`, `@modifiedDateTime`.
    pub provenance: Provenance,
    /// `<Users>`.
    pub users: Vec<User>,
    /// `<CodeBook><Codes>`: the top-level codes.
    pub codes: Vec<Code>,
    /// `<Variables>`.
    pub variables: Vec<Variable>,
    /// `<Cases>`.
    pub cases: Vec<Case>,
    /// The `<TextSource>`s of `<Sources>`, in order (other source kinds are counted, not kept).
    pub sources: Vec<TextSource>,
    /// `<Notes>`.
    pub notes: Vec<Note>,
    /// `<Sets>` (a project's sets sit beside its codebook, not in it).
    pub sets: Vec<Set>,
    /// `<Description>`.
    pub description: Option<String>,
    /// `<NoteRef targetGUID>`: notes about the whole project.
    pub note_refs: Vec<Guid>,
}

impl Project {
    /// An empty project; `name` is the only required attribute.
    pub fn new(name: impl Into<String>) -> Self {
        Project {
            name: name.into(),
            origin: None,
            base_path: None,
            provenance: Provenance::new(),
            users: Vec::new(),
            codes: Vec::new(),
            variables: Vec::new(),
            cases: Vec::new(),
            sources: Vec::new(),
            notes: Vec::new(),
            sets: Vec::new(),
            description: None,
            note_refs: Vec::new(),
        }
    }

    /// Every code, depth first, parents before children.
    pub fn walk_codes(&self) -> impl Iterator<Item = &Code> {
        walk(&self.codes)
    }

    /// The project's codebook as a `.qdc` can hold it: the codes without
    /// their note references, and the sets that have member codes, with
    /// only those members (a `.qdc` set holds codes only).
    pub fn codebook(&self) -> CodeBook {
        fn strip(code: &Code) -> Code {
            // Bounded by the reader's depth limit for parsed projects; the
            // clone itself recurses the same way.
            let mut copy = Code::new(code.guid, code.name.clone());
            copy.is_codable = code.is_codable;
            copy.color = code.color;
            copy.description = code.description.clone();
            copy.children = code.children.iter().map(strip).collect();
            copy
        }
        let mut book = CodeBook::new();
        book.origin = self.origin.clone();
        book.codes = self.codes.iter().map(strip).collect();
        book.sets = self
            .sets
            .iter()
            .filter(|set| !set.member_codes.is_empty())
            .map(|set| {
                let mut copy = Set::new(set.guid, set.name.clone());
                copy.description = set.description.clone();
                copy.member_codes = set.member_codes.clone();
                copy
            })
            .collect();
        book
    }
}

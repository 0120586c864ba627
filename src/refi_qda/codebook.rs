//! Codes, sets and the codebook (`.qdc`, and a project's `CodeBook`).

use super::{Color, Guid};

/// A code: a label that can be attached to sources and selections.
///
/// Codes nest (`children`) to form the hierarchy; a code with
/// `is_codable == false` is a folder that groups others and is never applied.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Code {
    /// `@guid`.
    pub guid: Guid,
    /// `@name`.
    pub name: String,
    /// `@isCodable`: whether the code may be applied.
    pub is_codable: bool,
    /// `@color`.
    pub color: Option<Color>,
    /// `<Description>`.
    pub description: Option<String>,
    /// `<NoteRef targetGUID>`: notes about the code (projects only; a `.qdc`
    /// has no notes).
    pub note_refs: Vec<Guid>,
    /// Nested `<Code>`s, in order.
    pub children: Vec<Code>,
}

impl Code {
    /// A codable code with no colour, description, notes or children.
    pub fn new(guid: Guid, name: impl Into<String>) -> Self {
        Code {
            guid,
            name: name.into(),
            is_codable: true,
            color: None,
            description: None,
            note_refs: Vec::new(),
            children: Vec::new(),
        }
    }

    /// This code and all its descendants, depth first, parents before
    /// children, without recursion (codes may nest as deep as the reader's
    /// [`Limits::max_depth`](super::Limits::max_depth)).
    pub fn walk(&self) -> impl Iterator<Item = &Code> {
        walk(std::slice::from_ref(self))
    }
}

/// Every code in `codes` and below, depth first, parents before children.
pub(crate) fn walk(codes: &[Code]) -> impl Iterator<Item = &Code> {
    let mut stack: Vec<std::slice::Iter<'_, Code>> = vec![codes.iter()];
    std::iter::from_fn(move || {
        loop {
            let top = stack.last_mut()?;
            match top.next() {
                Some(code) => {
                    stack.push(code.children.iter());
                    return Some(code);
                }
                None => {
                    stack.pop();
                }
            }
        }
    })
}

/// A named group of codes (and, in a project, of sources and notes).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Set {
    /// `@guid`.
    pub guid: Guid,
    /// `@name`.
    pub name: String,
    /// `<Description>`.
    pub description: Option<String>,
    /// `<MemberCode>`: codes in the set (`@guid` in a `.qdc`, `@targetGUID`
    /// in a project).
    pub member_codes: Vec<Guid>,
    /// `<MemberSource targetGUID>`: sources in the set (projects only).
    pub member_sources: Vec<Guid>,
    /// `<MemberNote targetGUID>`: notes in the set (projects only).
    pub member_notes: Vec<Guid>,
}

impl Set {
    /// An empty set.
    pub fn new(guid: Guid, name: impl Into<String>) -> Self {
        Set {
            guid,
            name: name.into(),
            description: None,
            member_codes: Vec::new(),
            member_sources: Vec::new(),
            member_notes: Vec::new(),
        }
    }
}

/// A codebook: what a `.qdc` file holds.
///
/// ```
/// use peer_support::refi_qda::{self, Code, CodeBook, Guid};
///
/// let xml = br##"<?xml version="1.0" encoding="UTF-8"?>
/// <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Example">
///   <Codes>
///     <Code guid="{5215CC69-B628-4E02-AFB9-9BEEAEE55808}" name="Barriers" isCodable="false">
///       <Code guid="d7aa29da-519b-4946-9b90-253b6db8fd0a" name="Stigma" isCodable="true" color="#ff0000">
///         <Description>Being treated as less because of a diagnosis</Description>
///       </Code>
///     </Code>
///   </Codes>
/// </CodeBook>"##;
/// let parsed = refi_qda::read_codebook(xml)?;
/// assert!(parsed.summary.is_complete());
/// let book: CodeBook = parsed.value;
/// assert_eq!(book.origin.as_deref(), Some("Example"));
/// let stigma = &book.codes[0].children[0];
/// assert_eq!(stigma.name, "Stigma");
/// assert_eq!(stigma.guid, "D7AA29DA-519B-4946-9B90-253B6DB8FD0A".parse::<Guid>()?);
///
/// // Writing gives canonical XML that reads back to the same value.
/// let written = refi_qda::write_codebook(&book)?;
/// assert_eq!(refi_qda::read_codebook(&written)?.value, book);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CodeBook {
    /// `@origin`: the software that wrote the file.
    pub origin: Option<String>,
    /// The top-level codes, in order.
    pub codes: Vec<Code>,
    /// `<Sets>`.
    pub sets: Vec<Set>,
}

impl CodeBook {
    /// An empty codebook (which cannot be written until it has a code: the
    /// schema requires one).
    pub fn new() -> Self {
        CodeBook::default()
    }

    /// Every code, depth first, parents before children.
    pub fn walk(&self) -> impl Iterator<Item = &Code> {
        walk(&self.codes)
    }
}

/// Codes `0` to `depth - 1`, each the only child of the one before.
#[cfg(test)]
pub(crate) fn chain(depth: u128) -> Code {
    let mut root = Code::new(Guid::from_u128(0), "0");
    let mut cursor = &mut root;
    for level in 1..depth {
        cursor
            .children
            .push(Code::new(Guid::from_u128(level), level.to_string()));
        cursor = &mut cursor.children[0];
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_is_depth_first_and_handles_deep_trees() {
        let mut root = chain(200);
        root.children
            .push(Code::new(Guid::from_u128(1000), "sibling"));
        let names: Vec<&str> = root.walk().map(|c| c.name.as_str()).collect();
        assert_eq!(names.len(), 201);
        assert_eq!(names[..3], ["0", "1", "2"]);
        assert_eq!(names[199], "199");
        assert_eq!(names[200], "sibling");
    }
}

//! Writing `.qdc` and `project.qde` XML.
//!
//! Output is canonical: the same value always gives the same bytes (UTF-8,
//! no BOM, two-space indentation, attributes and elements in schema order,
//! GUIDs in lower case without braces, colours as `#RRGGBB`), and it
//! validates against the standard's XSDs.
//!
//! Escaping: `&`, `<` and `>` everywhere; in attributes also `"`, and tab,
//! line feed and carriage return as character references, so that attribute
//! normalisation in the reading parser does not turn them into spaces; in
//! text, carriage return as `&#13;`, so that line-end normalisation does not
//! turn CRLF into LF. Characters XML 1.0 cannot carry at all, escaped or not
//! (most C0 controls, U+FFFE, U+FFFF), are refused with
//! [`WriteProblem::ForbiddenChar`]: stripping them would shift every later
//! character, and with it every selection position.

use std::borrow::Cow;

use super::xml_nodes::single;
use super::{
    CODEBOOK_NAMESPACE, Code, CodeBook, Coding, Error, Guid, Note, PROJECT_NAMESPACE, PlainText,
    PlainTextSelection, Project, Provenance, Set, TextSource, Value, VariableValue, WriteProblem,
};

/// Writes `book` as a `.qdc` file (namespace `urn:QDA-XML:codebook:1.0`).
///
/// ```
/// use peer_support::refi_qda::{write_codebook, Code, CodeBook, Color, Guid};
///
/// let mut book = CodeBook::new();
/// book.origin = Some("peer-support".into());
/// let mut code = Code::new(Guid::from_u128(0x2a), "Hope & \"recovery\"");
/// code.color = Some(Color::rgb(0, 128, 255));
/// book.codes.push(code);
///
/// let xml = String::from_utf8(write_codebook(&book)?).unwrap();
/// assert_eq!(xml, r##"<?xml version="1.0" encoding="UTF-8"?>
/// <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="peer-support">
///   <Codes>
///     <Code guid="00000000-0000-0000-0000-00000000002a" name="Hope &amp; &quot;recovery&quot;" isCodable="true" color="#0080FF"/>
///   </Codes>
/// </CodeBook>
/// "##);
/// # Ok::<(), peer_support::refi_qda::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::Write`] naming the element when the codebook has no code (the
/// schema requires one), a code has note references or a set has member
/// sources or notes (a `.qdc` has no place for them; see
/// [`Project::codebook`]), or a text holds a character XML 1.0 forbids.
pub fn write_codebook(book: &CodeBook) -> Result<Vec<u8>, Error> {
    let mut out = Out::new();
    out.open(
        "CodeBook",
        [
            ("xmlns", Some(CODEBOOK_NAMESPACE.into())),
            ("origin", book.origin.as_deref().map(Cow::from)),
        ],
    )?;
    out.open("Codes", [])?;
    if book.codes.is_empty() {
        return Err(Error::write(out.path(), WriteProblem::NoCodes));
    }
    write_codes(&mut out, &book.codes, false)?;
    out.close();
    if !book.sets.is_empty() {
        out.open("Sets", [])?;
        for set in &book.sets {
            write_set(&mut out, set, false)?;
        }
        out.close();
    }
    out.close();
    Ok(out.finish())
}

/// Writes `project` as a bare `project.qde` (namespace
/// `urn:QDA-XML:project:1.0`), with the text of every source and note inline
/// as `PlainTextContent`, since there is no archive to hold files.
/// [`write_qdpx`](super::write_qdpx) writes source texts as files instead.
///
/// # Errors
///
/// [`Error::Write`] naming the element when a text holds a character XML 1.0
/// forbids.
pub fn write_project_qde(project: &Project) -> Result<Vec<u8>, Error> {
    write_project(project, false)
}

/// `project.qde`; with `internal_texts`, each source whose text is known
/// points at `internal://<guid>.txt` instead of holding it.
pub(crate) fn write_project(project: &Project, internal_texts: bool) -> Result<Vec<u8>, Error> {
    let mut out = Out::new();
    let p = &project.provenance;
    out.open(
        "Project",
        [
            ("xmlns", Some(PROJECT_NAMESPACE.into())),
            ("name", Some(project.name.as_str().into())),
            ("origin", project.origin.as_deref().map(Cow::from)),
        ]
        .into_iter()
        .chain(stamps(p, "creatingUserGUID", "modifyingUserGUID"))
        .chain([("basePath", project.base_path.as_deref().map(Cow::from))]),
    )?;
    if !project.users.is_empty() {
        out.open("Users", [])?;
        for user in &project.users {
            out.leaf(
                "User",
                [
                    ("guid", Some(guid(user.guid))),
                    ("name", user.name.as_deref().map(Cow::from)),
                    ("id", user.id.as_deref().map(Cow::from)),
                ],
            )?;
        }
        out.close();
    }
    if !project.codes.is_empty() {
        out.open("CodeBook", [])?;
        out.open("Codes", [])?;
        write_codes(&mut out, &project.codes, true)?;
        out.close();
        out.close();
    }
    if !project.variables.is_empty() {
        out.open("Variables", [])?;
        for variable in &project.variables {
            out.open(
                "Variable",
                [
                    ("guid", Some(guid(variable.guid))),
                    ("name", Some(variable.name.as_str().into())),
                    ("typeOfVariable", Some(variable.kind.as_str().into())),
                ],
            )?;
            out.optional_text("Description", variable.description.as_deref())?;
            out.close();
        }
        out.close();
    }
    if !project.cases.is_empty() {
        out.open("Cases", [])?;
        for case in &project.cases {
            out.open(
                "Case",
                [
                    ("guid", Some(guid(case.guid))),
                    ("name", case.name.as_deref().map(Cow::from)),
                ],
            )?;
            out.optional_text("Description", case.description.as_deref())?;
            out.refs("CodeRef", &case.code_refs)?;
            write_values(&mut out, &case.variable_values)?;
            out.refs("SourceRef", &case.source_refs)?;
            out.refs("SelectionRef", &case.selection_refs)?;
            out.close();
        }
        out.close();
    }
    if !project.sources.is_empty() {
        out.open("Sources", [])?;
        for source in &project.sources {
            write_source(&mut out, source, internal_texts)?;
        }
        out.close();
    }
    if !project.notes.is_empty() {
        out.open("Notes", [])?;
        for note in &project.notes {
            write_note(&mut out, note)?;
        }
        out.close();
    }
    if !project.sets.is_empty() {
        out.open("Sets", [])?;
        for set in &project.sets {
            write_set(&mut out, set, true)?;
        }
        out.close();
    }
    out.optional_text("Description", project.description.as_deref())?;
    out.refs("NoteRef", &project.note_refs)?;
    out.close();
    Ok(out.finish())
}

/// The file name a source's text gets inside a `.qdpx`.
pub(crate) fn internal_name(source: Guid) -> String {
    format!("{source}.txt")
}

fn guid(guid: Guid) -> Cow<'static, str> {
    Cow::Owned(guid.to_string())
}

/// The four provenance attributes, under the names the element uses.
fn stamps<'v>(p: &'v Provenance, creating: &'static str, modifying: &'static str) -> [Attr<'v>; 4] {
    [
        (creating, p.creating_user.map(guid)),
        (
            "creationDateTime",
            p.created.as_ref().map(|t| t.as_str().into()),
        ),
        (modifying, p.modifying_user.map(guid)),
        (
            "modifiedDateTime",
            p.modified.as_ref().map(|t| t.as_str().into()),
        ),
    ]
}

/// The codes and their descendants, with an explicit stack rather than
/// recursion, however deep they nest.
fn write_codes(out: &mut Out, codes: &[Code], in_project: bool) -> Result<(), Error> {
    let mut stack = vec![codes.iter()];
    while let Some(siblings) = stack.last_mut() {
        let Some(code) = siblings.next() else {
            stack.pop();
            if !stack.is_empty() {
                out.close();
            }
            continue;
        };
        out.open(
            "Code",
            [
                ("guid", Some(guid(code.guid))),
                ("name", Some(code.name.as_str().into())),
                (
                    "isCodable",
                    Some(if code.is_codable { "true" } else { "false" }.into()),
                ),
                ("color", code.color.map(|c| c.to_string().into())),
            ],
        )?;
        out.optional_text("Description", code.description.as_deref())?;
        if in_project {
            out.refs("NoteRef", &code.note_refs)?;
        } else if !code.note_refs.is_empty() {
            let problem = WriteProblem::NotRepresentable(
                "a .qdc code has no NoteRef (see Project::codebook)",
            );
            return Err(Error::write(out.path(), problem));
        }
        stack.push(code.children.iter());
    }
    Ok(())
}

fn write_set(out: &mut Out, set: &Set, in_project: bool) -> Result<(), Error> {
    out.open(
        "Set",
        [
            ("guid", Some(guid(set.guid))),
            ("name", Some(set.name.as_str().into())),
        ],
    )?;
    out.optional_text("Description", set.description.as_deref())?;
    if in_project {
        out.refs("MemberCode", &set.member_codes)?;
        out.refs("MemberSource", &set.member_sources)?;
        out.refs("MemberNote", &set.member_notes)?;
    } else {
        if !set.member_sources.is_empty() || !set.member_notes.is_empty() {
            let problem = WriteProblem::NotRepresentable(
                "a .qdc set holds codes only (see Project::codebook)",
            );
            return Err(Error::write(out.path(), problem));
        }
        for member in &set.member_codes {
            out.leaf("MemberCode", [("guid", Some(guid(*member)))])?;
        }
    }
    out.close();
    Ok(())
}

/// Opens a `TextSourceType` element (a source or a note) and writes its
/// attributes, description and inline text; the caller writes the rest and
/// closes it.
#[allow(clippy::too_many_arguments)]
fn open_text_element(
    out: &mut Out,
    element: &'static str,
    id: Guid,
    name: Option<&str>,
    description: Option<&str>,
    text: &PlainText,
    rich_text_path: Option<&str>,
    provenance: &Provenance,
    internal: bool,
) -> Result<(), Error> {
    let (path, content) = match text {
        PlainText::Text(_) if internal => (
            Some(Cow::Owned(format!("internal://{}", internal_name(id)))),
            None,
        ),
        PlainText::Text(text) => (None, Some(text.as_str())),
        PlainText::Unresolved(path) => (Some(Cow::from(path.as_str())), None),
        PlainText::None => (None, None),
    };
    out.open(
        element,
        [
            ("guid", Some(guid(id))),
            ("name", name.map(Cow::from)),
            ("richTextPath", rich_text_path.map(Cow::from)),
            ("plainTextPath", path),
        ]
        .into_iter()
        .chain(stamps(provenance, "creatingUser", "modifyingUser")),
    )?;
    out.optional_text("Description", description)?;
    out.optional_text("PlainTextContent", content)?;
    Ok(())
}

fn write_source(out: &mut Out, source: &TextSource, internal: bool) -> Result<(), Error> {
    open_text_element(
        out,
        "TextSource",
        source.guid,
        source.name.as_deref(),
        source.description.as_deref(),
        &source.text,
        source.rich_text_path.as_deref(),
        &source.provenance,
        internal,
    )?;
    for selection in &source.selections {
        write_selection(out, selection)?;
    }
    for coding in &source.codings {
        write_coding(out, coding)?;
    }
    out.refs("NoteRef", &source.note_refs)?;
    write_values(out, &source.variable_values)?;
    out.close();
    Ok(())
}

/// Notes are written inline even in a `.qdpx`: they are short memos, and
/// importers (and the standard's own examples) expect their text in
/// `PlainTextContent`.
fn write_note(out: &mut Out, note: &Note) -> Result<(), Error> {
    open_text_element(
        out,
        "Note",
        note.guid,
        note.name.as_deref(),
        note.description.as_deref(),
        &note.text,
        note.rich_text_path.as_deref(),
        &note.provenance,
        false,
    )?;
    out.close();
    Ok(())
}

fn write_selection(out: &mut Out, selection: &PlainTextSelection) -> Result<(), Error> {
    let p = &selection.provenance;
    out.open(
        "PlainTextSelection",
        [
            ("guid", Some(guid(selection.guid))),
            ("name", selection.name.as_deref().map(Cow::from)),
            ("startPosition", Some(selection.start.to_string().into())),
            ("endPosition", Some(selection.end.to_string().into())),
        ]
        .into_iter()
        .chain(stamps(p, "creatingUser", "modifyingUser")),
    )?;
    out.optional_text("Description", selection.description.as_deref())?;
    for coding in &selection.codings {
        write_coding(out, coding)?;
    }
    out.refs("NoteRef", &selection.note_refs)?;
    out.close();
    Ok(())
}

fn write_coding(out: &mut Out, coding: &Coding) -> Result<(), Error> {
    out.open(
        "Coding",
        [
            ("guid", Some(guid(coding.guid))),
            ("creatingUser", coding.creating_user.map(guid)),
            (
                "creationDateTime",
                coding.created.as_ref().map(|t| t.as_str().into()),
            ),
        ],
    )?;
    out.refs("CodeRef", std::slice::from_ref(&coding.code))?;
    out.refs("NoteRef", &coding.note_refs)?;
    out.close();
    Ok(())
}

fn write_values(out: &mut Out, values: &[VariableValue]) -> Result<(), Error> {
    for value in values {
        out.open("VariableValue", [])?;
        out.refs("VariableRef", std::slice::from_ref(&value.variable))?;
        if let Some(held) = &value.value {
            let text = match held {
                Value::Text(text) => Cow::from(text.as_str()),
                Value::Boolean(b) => Cow::from(if *b { "true" } else { "false" }),
                Value::Integer(i) => Cow::from(i.to_string()),
                Value::Float(f) => Cow::from(f.to_string()),
                Value::Date(d) => Cow::from(d.as_str()),
                Value::DateTime(t) => Cow::from(t.as_str()),
            };
            out.text_element(held.kind().value_element(), &text)?;
        }
        out.close();
    }
    Ok(())
}

/// An attribute: its name and, when present, its value.
type Attr<'v> = (&'static str, Option<Cow<'v, str>>);

struct Level {
    name: &'static str,
    index: usize,
    children: Vec<(&'static str, usize)>,
}

/// A pretty-printing XML writer that knows the path of what it writes, for
/// error messages.
struct Out {
    buf: String,
    stack: Vec<Level>,
    /// A start tag was written without its closing `>`: it becomes `/>` if
    /// the element turns out empty.
    open_tag: bool,
}

impl Out {
    fn new() -> Self {
        Out {
            buf: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            stack: Vec::new(),
            open_tag: false,
        }
    }

    fn finish(mut self) -> Vec<u8> {
        debug_assert!(self.stack.is_empty(), "every element is closed");
        self.buf.push('\n');
        self.buf.into_bytes()
    }

    fn path(&self) -> String {
        let mut path = String::new();
        for (i, level) in self.stack.iter().enumerate() {
            if i > 0 {
                path.push('/');
            }
            path.push_str(level.name);
            if level.index > 1 || !single(level.name) {
                path.push_str(&format!("[{}]", level.index));
            }
        }
        path
    }

    fn indent(&mut self) {
        if self.open_tag {
            self.buf.push('>');
            self.open_tag = false;
        }
        if !self.stack.is_empty() {
            self.buf.push('\n');
        }
        for _ in 0..self.stack.len() {
            self.buf.push_str("  ");
        }
    }

    fn open<'v>(
        &mut self,
        name: &'static str,
        attrs: impl IntoIterator<Item = Attr<'v>>,
    ) -> Result<(), Error> {
        self.indent();
        let index = match self.stack.last_mut() {
            Some(parent) => match parent.children.iter_mut().find(|(n, _)| *n == name) {
                Some((_, count)) => {
                    *count += 1;
                    *count
                }
                None => {
                    parent.children.push((name, 1));
                    1
                }
            },
            None => 1,
        };
        self.stack.push(Level {
            name,
            index,
            children: Vec::new(),
        });
        self.buf.push('<');
        self.buf.push_str(name);
        for (key, value) in attrs {
            let Some(value) = value else { continue };
            self.buf.push(' ');
            self.buf.push_str(key);
            self.buf.push_str("=\"");
            escape(&mut self.buf, &value, true)
                .map_err(|problem| Error::write(format!("{}@{key}", self.path()), problem))?;
            self.buf.push('"');
        }
        self.open_tag = true;
        Ok(())
    }

    fn close(&mut self) {
        let level = self.stack.pop().expect("close matches open");
        if self.open_tag {
            self.buf.push_str("/>");
            self.open_tag = false;
        } else {
            self.buf.push('\n');
            for _ in 0..self.stack.len() {
                self.buf.push_str("  ");
            }
            self.buf.push_str("</");
            self.buf.push_str(level.name);
            self.buf.push('>');
        }
    }

    fn leaf<'v>(
        &mut self,
        name: &'static str,
        attrs: impl IntoIterator<Item = Attr<'v>>,
    ) -> Result<(), Error> {
        self.open(name, attrs)?;
        self.close();
        Ok(())
    }

    /// `<name>text</name>`, the text exactly as given.
    fn text_element(&mut self, name: &'static str, text: &str) -> Result<(), Error> {
        self.open(name, [])?;
        if text.is_empty() {
            self.close();
            return Ok(());
        }
        self.buf.push('>');
        self.open_tag = false;
        escape(&mut self.buf, text, false)
            .map_err(|problem| Error::write(format!("{}/text()", self.path()), problem))?;
        let level = self.stack.pop().expect("just opened");
        self.buf.push_str("</");
        self.buf.push_str(level.name);
        self.buf.push('>');
        Ok(())
    }

    fn optional_text(&mut self, name: &'static str, text: Option<&str>) -> Result<(), Error> {
        match text {
            Some(text) => self.text_element(name, text),
            None => Ok(()),
        }
    }

    /// One `<name targetGUID="..."/>` per GUID.
    fn refs(&mut self, name: &'static str, targets: &[Guid]) -> Result<(), Error> {
        for target in targets {
            self.leaf(name, [("targetGUID", Some(guid(*target)))])?;
        }
        Ok(())
    }
}

/// Appends `text` escaped for an attribute value (`attr`) or element text.
fn escape(out: &mut String, text: &str, attr: bool) -> Result<(), WriteProblem> {
    for (at, ch) in text.char_indices() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\t' if attr => out.push_str("&#9;"),
            '\n' if attr => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(ch),
            '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => {
                return Err(WriteProblem::ForbiddenChar {
                    code: u32::from(ch),
                    at,
                });
            }
            _ => out.push(ch),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str, attr: bool) -> Result<String, WriteProblem> {
        let mut out = String::new();
        escape(&mut out, text, attr).map(|()| out)
    }

    #[test]
    fn escaping() {
        assert_eq!(
            escaped("a<b>&\"'\t\n\r", false).unwrap(),
            "a&lt;b&gt;&amp;\"'\t\n&#13;"
        );
        assert_eq!(
            escaped("a<b>&\"'\t\n\r", true).unwrap(),
            "a&lt;b&gt;&amp;&quot;'&#9;&#10;&#13;"
        );
        assert_eq!(escaped("]]>", false).unwrap(), "]]&gt;");
        assert_eq!(
            escaped("😀\u{85}\u{2028}", true).unwrap(),
            "😀\u{85}\u{2028}"
        );
        for (text, code, at) in [
            ("ab\u{0}", 0, 2),
            ("\u{1}", 1, 0),
            ("é\u{B}", 0xB, 2),
            ("\u{1F}", 0x1F, 0),
            ("x\u{FFFE}", 0xFFFE, 1),
            ("\u{FFFF}", 0xFFFF, 0),
        ] {
            assert_eq!(
                escaped(text, false),
                Err(WriteProblem::ForbiddenChar { code, at }),
                "{text:?}"
            );
        }
    }

    #[test]
    fn forbidden_characters_are_refused_with_their_path() {
        let mut project = Project::new("p");
        project
            .sources
            .push(TextSource::new(Guid::from_u128(1), "ok"));
        let mut selection = PlainTextSelection::new(Guid::from_u128(2), 0, 1);
        selection.name = Some("bell\u{7}".into());
        project.sources[0].selections.push(selection);
        let err = write_project_qde(&project).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot write Project/Sources/TextSource[1]/PlainTextSelection[1]@name: character U+0007 at byte 4 cannot be written in XML 1.0"
        );
        project.sources[0].selections.clear();
        project.sources[0].text = PlainText::Text("form\u{C}feed".into());
        let err = write_project_qde(&project).unwrap_err();
        assert!(
            err.to_string()
                .contains("TextSource[1]/PlainTextContent/text()"),
            "{err}"
        );
        // In a .qdpx the text goes to a file, where any character is fine.
        assert!(write_project(&project, true).is_ok());
    }

    #[test]
    fn codebook_without_codes_or_with_project_only_parts_is_refused() {
        let err = write_codebook(&CodeBook::new()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot write CodeBook/Codes: a codebook file needs at least one code"
        );
        let mut book = CodeBook::new();
        let mut code = Code::new(Guid::from_u128(1), "a");
        code.children.push(Code::new(Guid::from_u128(2), "b"));
        code.children[0].note_refs.push(Guid::from_u128(3));
        book.codes.push(code);
        let err = write_codebook(&book).unwrap_err();
        assert!(
            err.to_string().starts_with(
                "cannot write CodeBook/Codes/Code[1]/Code[1]: a .qdc code has no NoteRef"
            ),
            "{err}"
        );
    }

    #[test]
    fn deep_codes_are_written_without_recursion() {
        let mut book = CodeBook::new();
        book.codes.push(crate::refi_qda::codebook::chain(100));
        let xml = String::from_utf8(write_codebook(&book).unwrap()).unwrap();
        assert_eq!(xml.matches("<Code ").count(), 100);
        assert_eq!(xml.matches("</Code>").count(), 99);
        assert!(xml.contains(&format!("\n{}<Code guid=\"00000000-0000-0000-0000-000000000063\" name=\"99\" isCodable=\"true\"/>", "  ".repeat(101))));
    }
}

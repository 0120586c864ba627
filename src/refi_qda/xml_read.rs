//! Reading `.qdc` and `project.qde` XML.
//!
//! One streaming pass over quick-xml events with an explicit stack of open
//! elements: nesting costs heap (bounded by [`Limits::max_depth`]), never
//! native stack, so codes nested hundreds deep are no problem.
//!
//! What the reader accepts, beyond the XSD:
//!
//! - any namespace (or none) on the root, and prefixed names: elements are
//!   matched by local name, and an unexpected namespace is a warning;
//! - children in any order, and repeated single elements (a warning; the
//!   first is kept);
//! - references whose GUID is in `guid` instead of `targetGUID`, or in the
//!   element text (Transana's `<MemberNote>GUID</MemberNote>`), with a warning;
//! - optional attributes with unusable values, dropped with a warning.
//!
//! What it refuses: a `<!DOCTYPE>` (no DTD is ever processed and no custom
//! entity expanded; the five predefined entities and character references
//! are the only references resolved), encodings other than UTF-8, missing or
//! invalid required attributes, and nesting or size past the [`Limits`].
//!
//! Line ends in element text are kept as written: XML 1.0 §2.11 would turn
//! CRLF into LF, but selection positions were counted by the producer in its
//! own text, which had CRLF. (The writer escapes CR as `&#13;`, so conforming
//! parsers read its output the same way.) Attribute values are normalised as
//! XML requires (tab, CR and LF become spaces; the writer escapes them).

use std::borrow::Cow;
use std::io::Read;

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::escape::EscapeError;
use quick_xml::events::{BytesStart, Event};

use super::summary::WarningKind;
use super::xml_nodes::{
    CodingBuilder, Node, RefKind, Root, TextBuilder, TextTarget, attach, classify, parse_value,
    single, trim_xml,
};
use super::{
    Case, Code, CodeBook, Coding, Color, Error, Guid, Limits, Location, Parsed, PlainText,
    PlainTextSelection, Project, Provenance, ReadSummary, Set, TextSource, User, Variable,
    VariableType, XmlProblem, XsdDateTime,
};

/// The namespace of `.qdc` files.
pub const CODEBOOK_NAMESPACE: &str = "urn:QDA-XML:codebook:1.0";
/// The namespace of `project.qde` files.
pub const PROJECT_NAMESPACE: &str = "urn:QDA-XML:project:1.0";

/// Reads a `.qdc` codebook with the default [`Limits`].
///
/// ```
/// use peer_support::refi_qda::{read_codebook, Error, XmlProblem};
///
/// let parsed = read_codebook(br#"<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
///     <Code guid="{0DCEF2F5-E55C-49DA-8C33-9B0803C7AEB4}" name="Health care" isCodable="true"/>
///   </Codes></CodeBook>"#)?;
/// assert_eq!(parsed.value.codes[0].name, "Health care");
///
/// // Bad input is an error that says what and where.
/// let err = read_codebook(br#"<CodeBook><Codes><Code name="x" isCodable="true"/></Codes></CodeBook>"#)
///     .unwrap_err();
/// assert_eq!(err.to_string(), r#"CodeBook/Codes/Code[1] (byte 17): missing required attribute "guid""#);
/// # Ok::<(), Error>(())
/// ```
///
/// # Errors
///
/// [`Error::Xml`] with the element path and byte offset of the problem.
pub fn read_codebook(xml: &[u8]) -> Result<Parsed<CodeBook>, Error> {
    read_codebook_with(xml, &Limits::DEFAULT)
}

/// Reads a `.qdc` codebook with the given limits.
///
/// # Errors
///
/// As [`read_codebook`].
pub fn read_codebook_with(xml: &[u8], limits: &Limits) -> Result<Parsed<CodeBook>, Error> {
    match parse(xml, Root::CodeBook, limits, None)? {
        (Document::CodeBook(value), summary) => Ok(Parsed { value, summary }),
        (Document::Project(_), _) => unreachable!("the root was checked"),
    }
}

/// Reads a `.qdc` codebook from `reader`, at most
/// [`Limits::max_xml_bytes`] of it.
///
/// # Errors
///
/// As [`read_codebook`], and [`Error::Io`] when reading fails.
pub fn read_codebook_from(reader: impl Read, limits: &Limits) -> Result<Parsed<CodeBook>, Error> {
    let bytes = read_bounded(reader, limits.max_xml_bytes)?;
    read_codebook_with(&bytes, limits)
}

/// Reads a bare `project.qde` with the default [`Limits`].
///
/// With no archive around it, `internal://` text paths cannot be resolved:
/// those sources keep [`PlainText::Unresolved`] and are counted in
/// [`ReadSummary::unresolved_paths`]. Use [`read_qdpx`](super::read_qdpx)
/// for a whole project.
///
/// # Errors
///
/// [`Error::Xml`] with the element path and byte offset of the problem.
pub fn read_project_qde(xml: &[u8]) -> Result<Parsed<Project>, Error> {
    read_project_qde_with(xml, &Limits::DEFAULT)
}

/// Reads a bare `project.qde` with the given limits.
///
/// # Errors
///
/// As [`read_project_qde`].
pub fn read_project_qde_with(xml: &[u8], limits: &Limits) -> Result<Parsed<Project>, Error> {
    let (mut value, mut summary) = parse_project(xml, limits, None)?;
    resolve_texts(
        &mut value,
        &mut summary,
        limits,
        |_| Ok(None),
        "project.qde read without its archive",
    )?;
    Ok(Parsed { value, summary })
}

/// Reads a bare `project.qde` from `reader`, at most
/// [`Limits::max_xml_bytes`] of it.
///
/// # Errors
///
/// As [`read_project_qde`], and [`Error::Io`] when reading fails.
pub fn read_project_qde_from(reader: impl Read, limits: &Limits) -> Result<Parsed<Project>, Error> {
    let bytes = read_bounded(reader, limits.max_xml_bytes)?;
    read_project_qde_with(&bytes, limits)
}

/// All of `reader`, refusing more than `limit` bytes without reading them.
fn read_bounded(reader: impl Read, limit: u64) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(xml_error(
            Location::new("(document)".into(), None),
            XmlProblem::TooLarge { limit },
        ));
    }
    Ok(bytes)
}

fn xml_error(location: Location, problem: XmlProblem) -> Error {
    Error::Xml {
        location: Box::new(location),
        problem,
    }
}

/// Parses `project.qde` (from an archive when `file` names the entry).
pub(crate) fn parse_project(
    xml: &[u8],
    limits: &Limits,
    file: Option<&str>,
) -> Result<(Project, ReadSummary), Error> {
    match parse(xml, Root::Project, limits, file)? {
        (Document::Project(project), summary) => Ok((*project, summary)),
        (Document::CodeBook(_), _) => unreachable!("the root was checked"),
    }
}

/// Resolves every [`PlainText::Unresolved`] path of `project`'s sources and
/// notes: `internal://NAME` through `internal` (which returns the text of
/// `sources/NAME`, or `None` when there is no such entry); the rest stay
/// unresolved, counted and warned about.
pub(crate) fn resolve_texts(
    project: &mut Project,
    summary: &mut ReadSummary,
    limits: &Limits,
    mut internal: impl FnMut(&str) -> Result<Option<String>, Error>,
    missing_reason: &'static str,
) -> Result<(), Error> {
    let texts = project
        .sources
        .iter_mut()
        .map(|s| ("Project/Sources/TextSource", s.guid, &mut s.text))
        .chain(
            project
                .notes
                .iter_mut()
                .map(|n| ("Project/Notes/Note", n.guid, &mut n.text)),
        );
    for (element, guid, text) in texts {
        let PlainText::Unresolved(path) = text else {
            continue;
        };
        let location = || Location::new(format!("{element}[@guid='{guid}']"), None);
        let reason = if let Some(name) = path.strip_prefix("internal://") {
            if let Some(problem) = unsafe_internal_name(name) {
                return Err(xml_error(
                    location(),
                    XmlProblem::InvalidAttribute {
                        attribute: "plainTextPath",
                        value: crate::util::truncate(path, 80).to_owned(),
                        reason: problem.to_owned(),
                    },
                ));
            }
            match internal(name)? {
                Some(found) => {
                    *text = PlainText::Text(found);
                    continue;
                }
                None => missing_reason,
            }
        } else if path.starts_with("relative://") || path.starts_with("absolute://") {
            "an external file, outside the archive"
        } else {
            "not an internal://, relative:// or absolute:// path"
        };
        summary.unresolved_paths += 1;
        let kind = WarningKind::UnresolvedPath {
            path: crate::util::truncate(path, 200).to_owned(),
            reason,
        };
        summary.warn(limits.max_warnings, location(), kind);
    }
    Ok(())
}

/// Why an `internal://` file name cannot name a file of the flat `sources/`
/// folder (§8.1), or `None` when it can.
fn unsafe_internal_name(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        Some("empty file name")
    } else if name.contains(['/', '\\']) {
        Some("internal files are in the flat sources folder: no / or \\ in the name")
    } else if name == "." || name == ".." {
        Some("not a file name")
    } else if name.chars().any(char::is_control) {
        Some("control characters in the file name")
    } else {
        None
    }
}

enum Document {
    CodeBook(CodeBook),
    Project(Box<Project>),
}

struct Frame {
    name: Box<str>,
    /// 1-based position among same-named siblings.
    index: u32,
    offset: u64,
    /// Children seen so far, by name, for their positions.
    children: Vec<(Box<str>, u32)>,
    warned_text: bool,
    node: Node,
}

/// The attributes of one start tag, taken one by one by the node that
/// reads them; what is left over is counted as unknown.
struct Attrs<'x> {
    list: Vec<(&'x str, Cow<'x, str>)>,
}

impl<'x> Attrs<'x> {
    fn take(&mut self, name: &str) -> Option<Cow<'x, str>> {
        let at = self.list.iter().position(|(key, _)| *key == name)?;
        Some(self.list.swap_remove(at).1)
    }
}

struct Parser<'a> {
    root: Root,
    limits: &'a Limits,
    file: Option<&'a str>,
    summary: ReadSummary,
    stack: Vec<Frame>,
    done: Option<Document>,
    /// Offset of the event being handled.
    offset: u64,
}

fn parse(
    xml: &[u8],
    root: Root,
    limits: &Limits,
    file: Option<&str>,
) -> Result<(Document, ReadSummary), Error> {
    let at = |offset: u64, problem| {
        let mut location = Location::new("(document)".into(), Some(offset));
        location.file = file.map(str::to_owned);
        xml_error(location, problem)
    };
    if xml.len() as u64 > limits.max_xml_bytes {
        return Err(at(
            0,
            XmlProblem::TooLarge {
                limit: limits.max_xml_bytes,
            },
        ));
    }
    if xml.starts_with(&[0xFE, 0xFF])
        || xml.starts_with(&[0xFF, 0xFE])
        || xml.starts_with(&[0, b'<'])
        || xml.starts_with(&[b'<', 0])
    {
        return Err(at(0, XmlProblem::Utf16));
    }
    let (base, body) = match xml.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, xml),
    };
    let text = std::str::from_utf8(body)
        .map_err(|e| at(base + e.valid_up_to() as u64, XmlProblem::NotUtf8))?;

    let mut parser = Parser {
        root,
        limits,
        file,
        summary: ReadSummary::default(),
        stack: Vec::new(),
        done: None,
        offset: base,
    };
    let mut reader = Reader::from_str(text);
    loop {
        parser.offset = base + reader.buffer_position();
        let event = reader.read_event().map_err(|e| {
            let offset = base + reader.error_position();
            parser.error_at(Some(offset), syntax_problem(e))
        })?;
        match event {
            Event::Decl(decl) => {
                if let Some(encoding) = decl.encoding() {
                    let encoding = encoding.map_err(|e| parser.error(syntax_problem(e.into())))?;
                    let name = String::from_utf8_lossy(&encoding).into_owned();
                    if !matches!(
                        name.to_ascii_lowercase().as_str(),
                        "utf-8" | "utf8" | "us-ascii" | "ascii"
                    ) {
                        return Err(parser.error(XmlProblem::Encoding(
                            crate::util::truncate(&name, 80).to_owned(),
                        )));
                    }
                }
            }
            Event::DocType(_) => return Err(parser.error(XmlProblem::Doctype)),
            Event::PI(_) | Event::Comment(_) => {}
            Event::Start(start) => parser.start(&start)?,
            Event::Empty(start) => {
                parser.start(&start)?;
                parser.end()?;
            }
            Event::End(_) => parser.end()?,
            Event::Text(text) => {
                let text = text
                    .decode()
                    .map_err(|e| parser.error(XmlProblem::Syntax(e.to_string())))?;
                parser.text(&text)?;
            }
            Event::CData(data) => {
                let data = data
                    .decode()
                    .map_err(|e| parser.error(XmlProblem::Syntax(e.to_string())))?;
                parser.text(&data)?;
            }
            Event::GeneralRef(reference) => {
                let ch = resolve_reference(&reference).map_err(|p| parser.error(p))?;
                parser.text(ch.encode_utf8(&mut [0; 4]))?;
            }
            Event::Eof => break,
        }
    }
    if let Some(open) = parser.stack.last() {
        let name = open.name.to_string();
        return Err(parser.error(XmlProblem::Unclosed(name)));
    }
    let document = parser
        .done
        .take()
        .ok_or_else(|| parser.error(XmlProblem::NoRoot))?;
    Ok((document, parser.summary))
}

/// The character a `&...;` reference stands for: a character reference or
/// one of the five predefined entities. Nothing else is ever expanded.
fn resolve_reference(reference: &quick_xml::events::BytesRef<'_>) -> Result<char, XmlProblem> {
    let name = reference
        .decode()
        .map_err(|e| XmlProblem::Syntax(e.to_string()))?;
    if reference.is_char_ref() {
        return match reference.resolve_char_ref() {
            Ok(Some(ch)) => Ok(ch),
            _ => Err(XmlProblem::Syntax(format!(
                "invalid character reference &{};",
                crate::util::truncate(&name, 40)
            ))),
        };
    }
    match &*name {
        "lt" => Ok('<'),
        "gt" => Ok('>'),
        "amp" => Ok('&'),
        "apos" => Ok('\''),
        "quot" => Ok('"'),
        other => Err(XmlProblem::UndeclaredEntity(
            crate::util::truncate(other, 80).to_owned(),
        )),
    }
}

fn syntax_problem(error: quick_xml::Error) -> XmlProblem {
    match error {
        quick_xml::Error::Escape(EscapeError::UnrecognizedEntity(_, name)) => {
            XmlProblem::UndeclaredEntity(crate::util::truncate(&name, 80).to_owned())
        }
        other => XmlProblem::Syntax(crate::util::truncate(&other.to_string(), 300).to_owned()),
    }
}

impl<'a> Parser<'a> {
    fn path(&self) -> String {
        let mut path = String::new();
        for (i, frame) in self.stack.iter().enumerate() {
            if i > 0 {
                path.push('/');
            }
            path.push_str(&frame.name);
            if frame.index > 1 || !single(&frame.name) {
                path.push_str(&format!("[{}]", frame.index));
            }
        }
        if path.is_empty() {
            path.push_str("(document)");
        }
        path
    }

    /// The location of the innermost open element (or of the event being
    /// read, before the root).
    fn location(&self) -> Location {
        let offset = self.stack.last().map_or(self.offset, |frame| frame.offset);
        self.location_at(Some(offset))
    }

    fn location_at(&self, offset: Option<u64>) -> Location {
        let mut location = Location::new(self.path(), offset);
        location.file = self.file.map(str::to_owned);
        location
    }

    fn error(&self, problem: XmlProblem) -> Error {
        xml_error(self.location(), problem)
    }

    fn error_at(&self, offset: Option<u64>, problem: XmlProblem) -> Error {
        xml_error(self.location_at(offset), problem)
    }

    fn warn(&mut self, kind: WarningKind) {
        let location = self.location();
        self.summary.warn(self.limits.max_warnings, location, kind);
    }

    fn start(&mut self, start: &BytesStart<'_>) -> Result<(), Error> {
        let local = start.local_name();
        let name = local_str(local.into_inner());
        let index = match self.stack.last_mut() {
            Some(parent) => match parent.children.iter_mut().find(|(n, _)| &**n == name) {
                Some((_, count)) => {
                    *count += 1;
                    *count
                }
                None => {
                    parent.children.push((name.into(), 1));
                    1
                }
            },
            None => {
                if self.done.is_some() {
                    return Err(self.error(XmlProblem::AfterRoot));
                }
                1
            }
        };
        // Push first, so that errors and warnings about this element's
        // attributes name the element itself.
        self.stack.push(Frame {
            name: name.into(),
            index,
            offset: self.offset,
            children: Vec::new(),
            warned_text: false,
            node: Node::Skip { unknown: true },
        });
        if self.stack.len() > self.limits.max_depth {
            return Err(self.error(XmlProblem::TooDeep {
                limit: self.limits.max_depth,
            }));
        }

        let parent = self.stack.len().checked_sub(2).map(|i| &self.stack[i].node);
        let skip = match parent {
            None => None,
            Some(Node::Skip { unknown }) => Some(*unknown),
            Some(parent) => classify(self.root, parent, name),
        };
        if let Some(unknown) = skip {
            let map = if unknown {
                &mut self.summary.unknown
            } else {
                &mut self.summary.not_modelled
            };
            *map.entry(name.to_owned()).or_insert(0) += 1;
            self.stack.last_mut().expect("just pushed").node = Node::Skip { unknown };
            return Ok(());
        }

        let mut attrs = Attrs { list: Vec::new() };
        for attr in start.attributes() {
            let attr = attr.map_err(|e| self.error(syntax_problem(e.into())))?;
            let key = local_str(attr.key.into_inner());
            let value = attr
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| self.error(syntax_problem(e)))?;
            attrs.list.push((key, value));
        }

        let node = if self.stack.len() == 1 {
            self.root_node(name, start, &mut attrs)?
        } else {
            self.node(name, &mut attrs)?
        };
        for (key, _) in attrs.list {
            if key == "xmlns" || key.starts_with("xmlns:") || key.starts_with("xsi:") {
                continue;
            }
            *self
                .summary
                .unknown_attributes
                .entry(format!("{name}@{key}"))
                .or_insert(0) += 1;
        }
        self.stack.last_mut().expect("just pushed").node = node;
        Ok(())
    }

    fn root_node(
        &mut self,
        name: &str,
        start: &BytesStart<'_>,
        attrs: &mut Attrs<'_>,
    ) -> Result<Node, Error> {
        if name != self.root.name() {
            return Err(self.error(XmlProblem::WrongRoot {
                expected: self.root.name(),
                found: crate::util::truncate(name, 80).to_owned(),
            }));
        }
        // The namespace of the root: `xmlns`, or `xmlns:p` for a `p:` prefix.
        let qname = start.name();
        let full = local_str(qname.into_inner());
        let declaration = match full.split_once(':') {
            Some((prefix, _)) => format!("xmlns:{prefix}"),
            None => "xmlns".to_owned(),
        };
        let namespace = attrs
            .list
            .iter()
            .find(|(key, _)| *key == declaration)
            .map(|(_, v)| v.to_string());
        if let Some(found) = &namespace {
            if found != self.root.namespace() {
                let kind = WarningKind::Namespace {
                    found: crate::util::truncate(found, 200).to_owned(),
                    expected: self.root.namespace(),
                };
                self.warn(kind);
            }
        }
        self.summary.namespace = namespace;
        Ok(match self.root {
            Root::CodeBook => {
                let mut book = CodeBook::new();
                book.origin = attrs.take("origin").map(Cow::into_owned);
                Node::CodeBookFile(book)
            }
            Root::Project => {
                let mut project = Project::new(self.required(attrs, "name")?);
                project.origin = attrs.take("origin").map(Cow::into_owned);
                project.base_path = attrs.take("basePath").map(Cow::into_owned);
                project.provenance =
                    self.provenance(attrs, "creatingUserGUID", "modifyingUserGUID");
                Node::Project(Box::new(project))
            }
        })
    }

    /// The node for a modelled element (`classify` said it is one).
    fn node(&mut self, name: &str, attrs: &mut Attrs<'_>) -> Result<Node, Error> {
        if let Some(kind) = VariableType::from_value_element(name) {
            return Ok(Node::Text {
                target: TextTarget::Value(kind),
                buf: String::new(),
            });
        }
        if let Some(kind) = RefKind::from_element(name) {
            return self.reference(kind, attrs);
        }
        Ok(match name {
            "Description" => Node::Text {
                target: TextTarget::Description,
                buf: String::new(),
            },
            "PlainTextContent" => Node::Text {
                target: TextTarget::PlainTextContent,
                buf: String::new(),
            },
            "CodeBook" => Node::ProjectCodeBook(Vec::new()),
            "Codes" => Node::Codes(Vec::new()),
            "Sets" => Node::Sets(Vec::new()),
            "Users" => Node::Users(Vec::new()),
            "Variables" => Node::Variables(Vec::new()),
            "Cases" => Node::Cases(Vec::new()),
            "Sources" => Node::Sources(Vec::new()),
            "Notes" => Node::Notes(Vec::new()),
            "Code" => {
                let guid = self.required_guid(attrs, "guid")?;
                let mut code = Code::new(guid, self.required(attrs, "name")?);
                code.is_codable = self.required_bool(attrs, "isCodable")?;
                code.color = self.optional_parsed(attrs, "color", Color::parse);
                Node::Code(Box::new(code))
            }
            "Set" => {
                let guid = self.required_guid(attrs, "guid")?;
                Node::Set(Set::new(guid, self.required(attrs, "name")?))
            }
            "User" => {
                let mut user = User::new(self.required_guid(attrs, "guid")?);
                user.name = attrs.take("name").map(Cow::into_owned);
                user.id = attrs.take("id").map(Cow::into_owned);
                Node::User(user)
            }
            "Variable" => {
                let guid = self.required_guid(attrs, "guid")?;
                let var_name = self.required(attrs, "name")?;
                let kind_text = self.required(attrs, "typeOfVariable")?;
                let kind = VariableType::from_name(&kind_text).ok_or_else(|| {
                    self.error(XmlProblem::InvalidAttribute {
                        attribute: "typeOfVariable",
                        value: crate::util::truncate(&kind_text, 80).to_owned(),
                        reason: "expected Text, Boolean, Integer, Float, Date or DateTime".into(),
                    })
                })?;
                Node::Variable(Variable::new(guid, var_name, kind))
            }
            "Case" => {
                let mut case = Case::new(self.required_guid(attrs, "guid")?);
                case.name = attrs.take("name").map(Cow::into_owned);
                Node::Case(Box::new(case))
            }
            "VariableValue" => Node::VariableValue {
                variable: None,
                value: None,
                seen_value: false,
            },
            "TextSource" | "Note" => {
                let mut source = TextSource::new(self.required_guid(attrs, "guid")?, String::new());
                source.text = PlainText::None;
                source.name = attrs.take("name").map(Cow::into_owned);
                source.rich_text_path = attrs.take("richTextPath").map(Cow::into_owned);
                source.provenance = self.provenance(attrs, "creatingUser", "modifyingUser");
                let builder = Box::new(TextBuilder {
                    source,
                    content: None,
                    path: attrs.take("plainTextPath").map(Cow::into_owned),
                });
                if name == "Note" {
                    Node::Note(builder)
                } else {
                    Node::TextSource(builder)
                }
            }
            "PlainTextSelection" => {
                let guid = self.required_guid(attrs, "guid")?;
                let start = self.required_position(attrs, "startPosition")?;
                let end = self.required_position(attrs, "endPosition")?;
                let mut selection = PlainTextSelection::new(guid, start, end);
                selection.name = attrs.take("name").map(Cow::into_owned);
                selection.provenance = self.provenance(attrs, "creatingUser", "modifyingUser");
                Node::Selection(Box::new(selection))
            }
            "Coding" => {
                let guid = self.required_guid(attrs, "guid")?;
                let mut coding = Coding::new(guid, guid);
                coding.creating_user = self.optional_parsed(attrs, "creatingUser", Guid::parse);
                coding.created = self.optional_parsed(attrs, "creationDateTime", XsdDateTime::new);
                Node::Coding(Box::new(CodingBuilder { coding, code: None }))
            }
            _ => unreachable!("classify admits only the elements handled here, got {name}"),
        })
    }

    fn reference(&mut self, kind: RefKind, attrs: &mut Attrs<'_>) -> Result<Node, Error> {
        // A `.qdc`'s MemberCode keeps its GUID in `guid`; everything else in `targetGUID`.
        let (expected, other) = if kind == RefKind::MemberCode && self.root == Root::CodeBook {
            ("guid", "targetGUID")
        } else {
            ("targetGUID", "guid")
        };
        let target = match attrs.take(expected) {
            Some(value) => Some(self.guid_value(expected, &value)?),
            None => match attrs.take(other) {
                Some(value) => {
                    let guid = self.guid_value(other, &value)?;
                    self.warn(WarningKind::LenientReference { found_in: other });
                    Some(guid)
                }
                None => None,
            },
        };
        Ok(Node::Ref {
            kind,
            target,
            text: String::new(),
        })
    }

    fn required(&self, attrs: &mut Attrs<'_>, name: &'static str) -> Result<String, Error> {
        attrs
            .take(name)
            .map(Cow::into_owned)
            .ok_or_else(|| self.error(XmlProblem::MissingAttribute(name)))
    }

    fn invalid(&self, attribute: &'static str, value: &str, reason: String) -> Error {
        self.error(XmlProblem::InvalidAttribute {
            attribute,
            value: crate::util::truncate(value, 80).to_owned(),
            reason,
        })
    }

    fn guid_value(&self, attribute: &'static str, value: &str) -> Result<Guid, Error> {
        Guid::parse(value).map_err(|e| self.invalid(attribute, value, e.to_string()))
    }

    fn required_guid(&self, attrs: &mut Attrs<'_>, name: &'static str) -> Result<Guid, Error> {
        let value = self.required(attrs, name)?;
        self.guid_value(name, &value)
    }

    fn required_bool(&self, attrs: &mut Attrs<'_>, name: &'static str) -> Result<bool, Error> {
        let value = self.required(attrs, name)?;
        match trim_xml(&value) {
            "true" | "1" => Ok(true),
            "false" | "0" => Ok(false),
            _ => Err(self.invalid(name, &value, "expected true, false, 1 or 0".into())),
        }
    }

    fn required_position(&self, attrs: &mut Attrs<'_>, name: &'static str) -> Result<u64, Error> {
        let value = self.required(attrs, name)?;
        trim_xml(&value)
            .parse()
            .map_err(|_| self.invalid(name, &value, "expected a non-negative integer".into()))
    }

    /// An optional attribute parsed by `parse`; a value that does not parse
    /// is dropped with a warning.
    fn optional_parsed<T, E: std::fmt::Display>(
        &mut self,
        attrs: &mut Attrs<'_>,
        name: &'static str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        let value = attrs.take(name)?;
        match parse(&value) {
            Ok(parsed) => Some(parsed),
            Err(e) => {
                let kind = WarningKind::DroppedAttribute {
                    attribute: name.to_owned(),
                    value: crate::util::truncate(&value, 80).to_owned(),
                    reason: e.to_string(),
                };
                self.warn(kind);
                None
            }
        }
    }

    fn provenance(
        &mut self,
        attrs: &mut Attrs<'_>,
        creating: &'static str,
        modifying: &'static str,
    ) -> Provenance {
        let mut provenance = Provenance::new();
        provenance.creating_user = self.optional_parsed(attrs, creating, Guid::parse);
        provenance.created = self.optional_parsed(attrs, "creationDateTime", XsdDateTime::new);
        provenance.modifying_user = self.optional_parsed(attrs, modifying, Guid::parse);
        provenance.modified = self.optional_parsed(attrs, "modifiedDateTime", XsdDateTime::new);
        provenance
    }

    fn text(&mut self, text: &str) -> Result<(), Error> {
        let Some(frame) = self.stack.last_mut() else {
            if trim_xml(text).is_empty() {
                return Ok(());
            }
            return Err(self.error(XmlProblem::Syntax("text outside the root element".into())));
        };
        match &mut frame.node {
            Node::Text { buf, .. } => buf.push_str(text),
            Node::Ref { text: buf, .. } => buf.push_str(text),
            Node::Skip { .. } => {}
            _ => {
                if !frame.warned_text && !trim_xml(text).is_empty() {
                    frame.warned_text = true;
                    self.warn(WarningKind::IgnoredText);
                }
            }
        }
        Ok(())
    }

    fn end(&mut self) -> Result<(), Error> {
        // Finish the node while its frame is still on the stack, so errors
        // and warnings name it.
        let node = match &mut self
            .stack
            .last_mut()
            .expect("quick-xml checks end tags")
            .node
        {
            Node::Skip { .. } => Node::Skip { unknown: true },
            node => std::mem::replace(node, Node::Skip { unknown: true }),
        };
        let node = self.finish(node)?;
        self.stack.pop();
        match self.stack.last_mut() {
            None => {
                self.done = Some(match node {
                    Node::CodeBookFile(book) => Document::CodeBook(book),
                    Node::Project(project) => Document::Project(project),
                    _ => unreachable!("the root node is a codebook or a project"),
                });
                Ok(())
            }
            Some(parent) => {
                let duplicate = attach(&mut parent.node, node);
                if let Some(element) = duplicate {
                    self.warn(WarningKind::Duplicate {
                        element: element.to_owned(),
                    });
                }
                Ok(())
            }
        }
    }

    /// Checks a closing element's content and turns builders into values.
    fn finish(&mut self, node: Node) -> Result<Node, Error> {
        Ok(match node {
            Node::Ref {
                kind,
                target: None,
                text,
            } => {
                let trimmed = trim_xml(&text);
                if trimmed.is_empty() {
                    return Err(self.error(XmlProblem::MissingAttribute("targetGUID")));
                }
                let guid = self.guid_value("targetGUID", trimmed)?;
                self.warn(WarningKind::LenientReference { found_in: "text" });
                Node::Ref {
                    kind,
                    target: Some(guid),
                    text: String::new(),
                }
            }
            Node::Coding(builder) if builder.code.is_none() => {
                return Err(self.error(XmlProblem::MissingElement("CodeRef")));
            }
            Node::VariableValue { variable: None, .. } => {
                return Err(self.error(XmlProblem::MissingElement("VariableRef")));
            }
            Node::Text {
                target: TextTarget::Value(kind),
                buf,
            } => match parse_value(kind, buf) {
                Ok(value) => Node::ParsedValue(Some(value)),
                Err(bad) => {
                    let kind = WarningKind::DroppedValue {
                        element: kind.value_element().to_owned(),
                        value: crate::util::truncate(&bad, 80).to_owned(),
                    };
                    self.warn(kind);
                    Node::ParsedValue(None)
                }
            },
            Node::TextSource(mut builder) => {
                self.content_or_path(&mut builder);
                Node::TextSource(builder)
            }
            Node::Note(mut builder) => {
                self.content_or_path(&mut builder);
                Node::Note(builder)
            }
            other => other,
        })
    }

    /// The schema allows content or path, not both: keep the content.
    fn content_or_path(&mut self, builder: &mut TextBuilder) {
        if builder.content.is_some() {
            if let Some(path) = builder.path.take() {
                self.warn(WarningKind::ContentAndPath {
                    path: crate::util::truncate(&path, 200).to_owned(),
                });
            }
        }
    }
}

/// Names come from a `&str` input, so they are UTF-8.
fn local_str(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(result: Result<impl std::fmt::Debug, Error>) -> (Location, XmlProblem) {
        match result.unwrap_err() {
            Error::Xml { location, problem } => (*location, problem),
            other => panic!("not an XML error: {other:?}"),
        }
    }

    const G1: &str = "5215cc69-b628-4e02-afb9-9beeaee55808";

    #[test]
    fn entities_decode_and_doctype_is_refused() {
        let xml = format!(
            r#"<CodeBook origin="a &amp; b &#x41;&#66; &lt;&gt;&apos;&quot;"><Codes><Code guid="{G1}" name="x" isCodable="true"><Description>1 &lt; 2 &amp;&#x1F600;<![CDATA[<raw>&amp;]]></Description></Code></Codes></CodeBook>"#
        );
        let book = read_codebook(xml.as_bytes()).unwrap().value;
        assert_eq!(book.origin.as_deref(), Some("a & b AB <>'\""));
        assert_eq!(
            book.codes[0].description.as_deref(),
            Some("1 < 2 &😀<raw>&amp;")
        );

        let laughs = br#"<?xml version="1.0"?>
<!DOCTYPE CodeBook [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<CodeBook><Codes><Code guid="5215cc69-b628-4e02-afb9-9beeaee55808" name="&lol2;" isCodable="true"/></Codes></CodeBook>"#;
        let (location, p) = problem(read_codebook(laughs));
        assert_eq!(p, XmlProblem::Doctype);
        assert_eq!(location.offset, Some(22));

        let custom = format!(
            r#"<CodeBook><Codes><Code guid="{G1}" name="&lol;" isCodable="true"/></Codes></CodeBook>"#
        );
        let (location, p) = problem(read_codebook(custom.as_bytes()));
        assert_eq!(p, XmlProblem::UndeclaredEntity("lol".into()));
        assert_eq!(location.element, "CodeBook/Codes/Code[1]");
        let in_text = format!(
            r#"<CodeBook><Codes><Code guid="{G1}" name="x" isCodable="true"><Description>&lol;</Description></Code></Codes></CodeBook>"#
        );
        assert_eq!(
            problem(read_codebook(in_text.as_bytes())).1,
            XmlProblem::UndeclaredEntity("lol".into())
        );
    }

    #[test]
    fn encodings() {
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "<CodeBook/>".encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        assert_eq!(problem(read_codebook(&utf16)).1, XmlProblem::Utf16);
        let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><CodeBook/>";
        assert_eq!(
            problem(read_codebook(latin1)).1,
            XmlProblem::Encoding("ISO-8859-1".into())
        );
        let (location, p) = problem(read_codebook(b"\xEF\xBB\xBF<CodeBook origin=\"\xFF\"/>"));
        assert_eq!((p, location.offset), (XmlProblem::NotUtf8, Some(21)));
        let bom = b"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?><CodeBook origin=\"o\"/>";
        assert_eq!(
            read_codebook(bom).unwrap().value.origin.as_deref(),
            Some("o")
        );
    }

    #[test]
    fn structure_errors_locate_the_element() {
        let cases: [(&str, &str, XmlProblem); 7] = [
            ("", "(document)", XmlProblem::NoRoot),
            ("<Project name='x'/>", "Project", XmlProblem::WrongRoot { expected: "CodeBook", found: "Project".into() }),
            ("<CodeBook/><CodeBook/>", "(document)", XmlProblem::AfterRoot),
            ("<CodeBook><Codes>", "CodeBook/Codes", XmlProblem::Unclosed("Codes".into())),
            (
                "<CodeBook><Codes><Code guid='x' name='n' isCodable='true'/></Codes></CodeBook>",
                "CodeBook/Codes/Code[1]",
                XmlProblem::InvalidAttribute {
                    attribute: "guid",
                    value: "x".into(),
                    reason: "\"x\" is not a GUID: expected 8-4-4-4-12 hexadecimal digits, optionally in braces".into(),
                },
            ),
            (
                "<CodeBook><Codes><Code guid='5215cc69-b628-4e02-afb9-9beeaee55808' name='n' isCodable='yes'/></Codes></CodeBook>",
                "CodeBook/Codes/Code[1]",
                XmlProblem::InvalidAttribute { attribute: "isCodable", value: "yes".into(), reason: "expected true, false, 1 or 0".into() },
            ),
            ("<CodeBook>text</CodeBook>x", "(document)", XmlProblem::Syntax("text outside the root element".into())),
        ];
        for (xml, element, expected) in cases {
            let (location, p) = problem(read_codebook(xml.as_bytes()));
            assert_eq!((location.element.as_str(), p), (element, expected), "{xml}");
        }
        let (location, p) = problem(read_codebook(b"<CodeBook><Codes></Code></CodeBook>"));
        assert!(matches!(p, XmlProblem::Syntax(_)), "{p:?}");
        assert_eq!(location.offset, Some(17));
    }

    #[test]
    fn selection_errors_name_the_selection_path() {
        let sel = |i: u32| {
            format!(r#"<PlainTextSelection guid="{G1}" startPosition="{i}" endPosition="9"/>"#)
        };
        let good: String = (0..11).map(sel).collect();
        let xml = format!(
            r#"<Project name="p"><Sources><TextSource guid="{G1}"/><PictureSource guid="{G1}"/><TextSource guid="{G1}"/><TextSource guid="{G1}">{good}<PlainTextSelection guid="{G1}" startPosition="-1" endPosition="2"/></TextSource></Sources></Project>"#
        );
        let (location, p) = problem(read_project_qde(xml.as_bytes()));
        assert_eq!(
            location.element,
            "Project/Sources/TextSource[3]/PlainTextSelection[12]"
        );
        assert_eq!(
            location.offset,
            Some(xml.rfind("<PlainTextSelection").unwrap() as u64)
        );
        assert!(matches!(
            p,
            XmlProblem::InvalidAttribute {
                attribute: "startPosition",
                ..
            }
        ));
    }

    #[test]
    fn depth_is_limited_with_a_clear_error() {
        let limits = Limits {
            max_depth: 10,
            ..Limits::default()
        };
        // CodeBook and Codes, then the ninth code is the eleventh level.
        let open = format!(r#"<Code guid="{G1}" name="n" isCodable="true">"#).repeat(9);
        let xml = format!(
            "<CodeBook><Codes>{open}{}</Codes></CodeBook>",
            "</Code>".repeat(9)
        );
        let ok = format!(
            "<CodeBook><Codes>{}{}</Codes></CodeBook>",
            &open[..open.len() / 9 * 8],
            "</Code>".repeat(8)
        );
        assert!(read_codebook_with(ok.as_bytes(), &limits).is_ok());
        let (location, p) = problem(read_codebook_with(xml.as_bytes(), &limits));
        assert_eq!(p, XmlProblem::TooDeep { limit: 10 });
        assert!(
            location.element.ends_with("Code[1]/Code[1]"),
            "{}",
            location.element
        );
        // Unknown elements count towards the depth too.
        let xml = format!("<CodeBook>{}</CodeBook>", "<x>".repeat(20));
        assert_eq!(
            problem(read_codebook_with(xml.as_bytes(), &limits)).1,
            XmlProblem::TooDeep { limit: 10 }
        );
    }

    #[test]
    fn size_is_limited() {
        let limits = Limits {
            max_xml_bytes: 10,
            ..Limits::default()
        };
        let xml = b"<CodeBook origin='long enough'/>";
        assert_eq!(
            problem(read_codebook_with(xml, &limits)).1,
            XmlProblem::TooLarge { limit: 10 }
        );
        assert_eq!(
            problem(read_codebook_from(&xml[..], &limits)).1,
            XmlProblem::TooLarge { limit: 10 }
        );
    }

    #[test]
    fn lenient_references_and_dropped_values_are_warnings() {
        let xml = format!(
            r#"<Project name="p" creationDateTime="yesterday"><Sets><Set guid="{G1}" name="s"><MemberSource guid="{G1}"/><MemberNote>{{{G1}}}</MemberNote></Set></Sets></Project>"#
        );
        let parsed = read_project_qde(xml.as_bytes()).unwrap();
        let set = &parsed.value.sets[0];
        assert_eq!(set.member_sources, [Guid::parse(G1).unwrap()]);
        assert_eq!(set.member_notes, [Guid::parse(G1).unwrap()]);
        let kinds: Vec<String> = parsed
            .summary
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(kinds.len(), 3, "{kinds:?}");
        assert!(
            kinds[0].starts_with("Project (byte 0): dropped attribute \"creationDateTime\""),
            "{kinds:?}"
        );
        assert_eq!(
            kinds[1],
            format!(
                "Project/Sets/Set[1]/MemberSource[1] (byte {}): reference read from guid instead of targetGUID",
                xml.find("<MemberSource").unwrap()
            )
        );
        assert!(kinds[2].contains("MemberNote[1]"));
    }

    #[test]
    fn warnings_are_capped_and_counted() {
        let limits = Limits {
            max_warnings: 2,
            ..Limits::default()
        };
        let users: String = (0..5)
            .map(|_| format!(r#"<User guid="{G1}">text</User>"#))
            .collect();
        let xml = format!(r#"<Project name="p"><Users>{users}</Users></Project>"#);
        let summary = read_project_qde_with(xml.as_bytes(), &limits)
            .unwrap()
            .summary;
        assert_eq!((summary.warnings.len(), summary.more_warnings), (2, 3));
    }
}

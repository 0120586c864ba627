//! The reader's element machine: what each open element builds, which
//! children each admits, and how a finished child joins its parent.
//!
//! [`classify`] and [`attach`] are two views of one table (the schema's
//! content models, as far as this layer models them): `classify` admits a
//! child only where `attach` has a place for it, which is why `attach`'s
//! fall-through arms are unreachable.

use super::xml_read::{CODEBOOK_NAMESPACE, PROJECT_NAMESPACE};
use super::{
    Case, Code, CodeBook, Coding, Decimal, Guid, Note, PlainText, PlainTextSelection, Project, Set,
    TextSource, User, Value, Variable, VariableType, VariableValue, XsdDate, XsdDateTime,
};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Root {
    CodeBook,
    Project,
}

impl Root {
    pub(super) fn name(self) -> &'static str {
        match self {
            Root::CodeBook => "CodeBook",
            Root::Project => "Project",
        }
    }

    pub(super) fn namespace(self) -> &'static str {
        match self {
            Root::CodeBook => CODEBOOK_NAMESPACE,
            Root::Project => PROJECT_NAMESPACE,
        }
    }
}

/// Where element text goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TextTarget {
    Description,
    PlainTextContent,
    Value(VariableType),
}

/// The value `text` of a `kind` value element holds, or the text back
/// when it does not parse as that kind.
pub(super) fn parse_value(kind: VariableType, text: String) -> Result<Value, String> {
    let token = trim_xml(&text);
    let parsed = match kind {
        VariableType::Text => return Ok(Value::Text(text)),
        VariableType::Boolean => match token {
            "true" | "1" => Some(Value::Boolean(true)),
            "false" | "0" => Some(Value::Boolean(false)),
            _ => None,
        },
        VariableType::Integer => token.parse().ok().map(Value::Integer),
        VariableType::Float => token.parse().ok().and_then(Decimal::new).map(Value::Float),
        VariableType::Date => XsdDate::new(token).ok().map(Value::Date),
        VariableType::DateTime => XsdDateTime::new(token).ok().map(Value::DateTime),
    };
    parsed.ok_or(text)
}

/// Which reference element, by where its GUID goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum RefKind {
    NoteRef,
    CodeRef,
    SourceRef,
    SelectionRef,
    VariableRef,
    MemberCode,
    MemberSource,
    MemberNote,
}

impl RefKind {
    pub(super) fn from_element(name: &str) -> Option<Self> {
        Some(match name {
            "NoteRef" => RefKind::NoteRef,
            "CodeRef" => RefKind::CodeRef,
            "SourceRef" => RefKind::SourceRef,
            "SelectionRef" => RefKind::SelectionRef,
            "VariableRef" => RefKind::VariableRef,
            "MemberCode" => RefKind::MemberCode,
            "MemberSource" => RefKind::MemberSource,
            "MemberNote" => RefKind::MemberNote,
            _ => return None,
        })
    }
}

/// A text source or note being read: the value, plus both ways its text may
/// be given, decided when the element closes.
pub(super) struct TextBuilder {
    pub(super) source: TextSource,
    pub(super) content: Option<String>,
    pub(super) path: Option<String>,
}

pub(super) struct CodingBuilder {
    pub(super) coding: Coding,
    pub(super) code: Option<Guid>,
}

/// What an open element is building.
pub(super) enum Node {
    CodeBookFile(CodeBook),
    Project(Box<Project>),
    ProjectCodeBook(Vec<Code>),
    Codes(Vec<Code>),
    Code(Box<Code>),
    Sets(Vec<Set>),
    Set(Set),
    Users(Vec<User>),
    User(User),
    Variables(Vec<Variable>),
    Variable(Variable),
    Cases(Vec<Case>),
    Case(Box<Case>),
    VariableValue {
        variable: Option<Guid>,
        value: Option<Value>,
        seen_value: bool,
    },
    Sources(Vec<TextSource>),
    TextSource(Box<TextBuilder>),
    Notes(Vec<Note>),
    Note(Box<TextBuilder>),
    Selection(Box<PlainTextSelection>),
    Coding(Box<CodingBuilder>),
    Text {
        target: TextTarget,
        buf: String,
    },
    /// A closed value element (`TextValue`...): its value, if it parsed.
    ParsedValue(Option<Value>),
    Ref {
        kind: RefKind,
        target: Option<Guid>,
        text: String,
    },
    /// A subtree that is not modelled (`unknown == false`) or not REFI-QDA
    /// (`unknown == true`): its elements are counted, nothing else.
    Skip {
        unknown: bool,
    },
}

/// Elements the schema allows once in their parent: their paths show no
/// `[n]` unless they are repeated anyway.
pub(crate) fn single(name: &str) -> bool {
    matches!(
        name,
        "Project"
            | "CodeBook"
            | "Codes"
            | "Sets"
            | "Users"
            | "Variables"
            | "Cases"
            | "Sources"
            | "Notes"
            | "Links"
            | "Graphs"
            | "Description"
            | "PlainTextContent"
            | "VariableRef"
            | "TextDescription"
            | "Representation"
            | "TextValue"
            | "BooleanValue"
            | "IntegerValue"
            | "FloatValue"
            | "DateValue"
            | "DateTimeValue"
    )
}

pub(super) fn trim_xml(s: &str) -> &str {
    s.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
}

/// Adds a finished child to its parent. Returns the element name when the
/// child repeats one the parent holds once (the first is kept).
pub(super) fn attach(parent: &mut Node, child: Node) -> Option<&'static str> {
    fn once<T>(slot: &mut Option<T>, value: T, element: &'static str) -> Option<&'static str> {
        if slot.is_some() {
            return Some(element);
        }
        *slot = Some(value);
        None
    }
    match (parent, child) {
        (_, Node::Skip { .. }) => None,
        (Node::CodeBookFile(book), Node::Codes(codes)) => extend(&mut book.codes, codes),
        (Node::CodeBookFile(book), Node::Sets(sets)) => extend(&mut book.sets, sets),
        (Node::ProjectCodeBook(all), Node::Codes(codes)) => extend(all, codes),
        (Node::Codes(codes), Node::Code(code)) => add(codes, *code),
        (Node::Code(parent), Node::Code(code)) => add(&mut parent.children, *code),
        (Node::Sets(sets), Node::Set(set)) => add(sets, set),
        (Node::Users(users), Node::User(user)) => add(users, user),
        (Node::Variables(variables), Node::Variable(variable)) => add(variables, variable),
        (Node::Cases(cases), Node::Case(case)) => add(cases, *case),
        (Node::Sources(sources), Node::TextSource(builder)) => add(sources, into_source(*builder)),
        (Node::Notes(notes), Node::Note(builder)) => {
            let source = into_source(*builder);
            let mut note = Note::new(source.guid, String::new());
            note.name = source.name;
            note.description = source.description;
            note.text = source.text;
            note.rich_text_path = source.rich_text_path;
            note.provenance = source.provenance;
            notes.push(note);
            None
        }
        (Node::Project(project), child) => match child {
            Node::Users(users) => extend(&mut project.users, users),
            Node::ProjectCodeBook(codes) => extend(&mut project.codes, codes),
            Node::Variables(variables) => extend(&mut project.variables, variables),
            Node::Cases(cases) => extend(&mut project.cases, cases),
            Node::Sources(sources) => extend(&mut project.sources, sources),
            Node::Notes(notes) => extend(&mut project.notes, notes),
            Node::Sets(sets) => extend(&mut project.sets, sets),
            Node::Text { buf, .. } => once(&mut project.description, buf, "Description"),
            Node::Ref {
                target: Some(guid), ..
            } => {
                project.note_refs.push(guid);
                None
            }
            _ => unreachable!("classify admits no other child of Project"),
        },
        (
            Node::VariableValue {
                variable,
                value,
                seen_value,
            },
            child,
        ) => match child {
            Node::Ref {
                target: Some(guid), ..
            } => once(variable, guid, "VariableRef"),
            Node::ParsedValue(parsed) => {
                if *seen_value {
                    return Some("value element");
                }
                *seen_value = true;
                *value = parsed;
                None
            }
            _ => unreachable!("classify admits no other child of VariableValue"),
        },
        (parent, Node::Text { target, buf }) => {
            let slot = match (parent, target) {
                (Node::Code(code), TextTarget::Description) => &mut code.description,
                (Node::Set(set), TextTarget::Description) => &mut set.description,
                (Node::Variable(variable), TextTarget::Description) => &mut variable.description,
                (Node::Case(case), TextTarget::Description) => &mut case.description,
                (Node::Selection(selection), TextTarget::Description) => &mut selection.description,
                (Node::TextSource(b) | Node::Note(b), TextTarget::Description) => {
                    &mut b.source.description
                }
                (Node::TextSource(b) | Node::Note(b), TextTarget::PlainTextContent) => {
                    return once(&mut b.content, buf, "PlainTextContent");
                }
                _ => unreachable!("classify admits text elements only where they have a slot"),
            };
            once(slot, buf, "Description")
        }
        (
            parent,
            Node::VariableValue {
                variable: Some(variable),
                value,
                ..
            },
        ) => {
            let value = VariableValue::new(variable, value);
            match parent {
                Node::Case(case) => case.variable_values.push(value),
                Node::TextSource(b) => b.source.variable_values.push(value),
                _ => unreachable!("classify admits VariableValue only in cases and sources"),
            }
            None
        }
        (parent, Node::Coding(builder)) => {
            let CodingBuilder { mut coding, code } = *builder;
            coding.code = code.expect("finish checked the CodeRef");
            match parent {
                Node::Selection(selection) => selection.codings.push(coding),
                Node::TextSource(b) => b.source.codings.push(coding),
                _ => unreachable!("classify admits Coding only in selections and sources"),
            }
            None
        }
        (Node::TextSource(b), Node::Selection(selection)) => {
            add(&mut b.source.selections, *selection)
        }
        (
            parent,
            Node::Ref {
                kind,
                target: Some(guid),
                ..
            },
        ) => {
            let list = match (parent, kind) {
                (Node::Coding(b), RefKind::CodeRef) => return once(&mut b.code, guid, "CodeRef"),
                (Node::Code(code), RefKind::NoteRef) => &mut code.note_refs,
                (Node::TextSource(b), RefKind::NoteRef) => &mut b.source.note_refs,
                (Node::Selection(s), RefKind::NoteRef) => &mut s.note_refs,
                (Node::Coding(b), RefKind::NoteRef) => &mut b.coding.note_refs,
                (Node::Case(case), RefKind::CodeRef) => &mut case.code_refs,
                (Node::Case(case), RefKind::SourceRef) => &mut case.source_refs,
                (Node::Case(case), RefKind::SelectionRef) => &mut case.selection_refs,
                (Node::Set(set), RefKind::MemberCode) => &mut set.member_codes,
                (Node::Set(set), RefKind::MemberSource) => &mut set.member_sources,
                (Node::Set(set), RefKind::MemberNote) => &mut set.member_notes,
                _ => unreachable!("classify admits references only where they have a list"),
            };
            list.push(guid);
            None
        }
        _ => unreachable!("classify admits only children attach handles"),
    }
}

fn extend<T>(into: &mut Vec<T>, items: Vec<T>) -> Option<&'static str> {
    into.extend(items);
    None
}

fn add<T>(into: &mut Vec<T>, item: T) -> Option<&'static str> {
    into.push(item);
    None
}

/// The finished source: its text from the content or the path (the
/// content wins when both are given; `finish` warned about it).
pub(super) fn into_source(builder: TextBuilder) -> TextSource {
    let TextBuilder {
        mut source,
        content,
        path,
    } = builder;
    source.text = match (content, path) {
        (Some(content), _) => PlainText::Text(content),
        (None, Some(path)) => PlainText::Unresolved(path),
        (None, None) => PlainText::None,
    };
    source
}

/// Whether `name` under `parent` is skipped: `None` for a modelled child,
/// `Some(false)` for a REFI-QDA element this layer does not model,
/// `Some(true)` for one REFI-QDA does not define there.
pub(super) fn classify(root: Root, parent: &Node, name: &str) -> Option<bool> {
    const MODELLED: Option<bool> = None;
    const NOT_MODELLED: Option<bool> = Some(false);
    const UNKNOWN: Option<bool> = Some(true);
    let admitted = |names: &[&str]| {
        if names.contains(&name) {
            MODELLED
        } else {
            UNKNOWN
        }
    };
    match parent {
        Node::CodeBookFile(_) => admitted(&["Codes", "Sets"]),
        Node::Project(_) => match name {
            "Links" | "Graphs" => NOT_MODELLED,
            _ => admitted(&[
                "Users",
                "CodeBook",
                "Variables",
                "Cases",
                "Sources",
                "Notes",
                "Sets",
                "Description",
                "NoteRef",
            ]),
        },
        Node::ProjectCodeBook(_) => admitted(&["Codes"]),
        Node::Codes(_) => admitted(&["Code"]),
        Node::Code(_) => match root {
            Root::CodeBook => admitted(&["Description", "Code"]),
            Root::Project => admitted(&["Description", "NoteRef", "Code"]),
        },
        Node::Sets(_) => admitted(&["Set"]),
        Node::Set(_) => match root {
            Root::CodeBook => admitted(&["Description", "MemberCode"]),
            Root::Project => admitted(&["Description", "MemberCode", "MemberSource", "MemberNote"]),
        },
        Node::Users(_) => admitted(&["User"]),
        Node::Variables(_) => admitted(&["Variable"]),
        Node::Variable(_) => admitted(&["Description"]),
        Node::Cases(_) => admitted(&["Case"]),
        Node::Case(_) => admitted(&[
            "Description",
            "CodeRef",
            "VariableValue",
            "SourceRef",
            "SelectionRef",
        ]),
        Node::VariableValue { .. } => admitted(&[
            "VariableRef",
            "TextValue",
            "BooleanValue",
            "IntegerValue",
            "FloatValue",
            "DateValue",
            "DateTimeValue",
        ]),
        Node::Sources(_) => match name {
            "PictureSource" | "PDFSource" | "AudioSource" | "VideoSource" => NOT_MODELLED,
            _ => admitted(&["TextSource"]),
        },
        Node::TextSource(_) => admitted(&[
            "Description",
            "PlainTextContent",
            "PlainTextSelection",
            "Coding",
            "NoteRef",
            "VariableValue",
        ]),
        Node::Notes(_) => admitted(&["Note"]),
        Node::Note(_) => match name {
            "PlainTextSelection" | "Coding" | "NoteRef" | "VariableValue" => NOT_MODELLED,
            _ => admitted(&["Description", "PlainTextContent"]),
        },
        Node::Selection(_) => admitted(&["Description", "Coding", "NoteRef"]),
        Node::Coding(_) => admitted(&["CodeRef", "NoteRef"]),
        Node::User(_) | Node::Text { .. } | Node::Ref { .. } | Node::ParsedValue(_) => UNKNOWN,
        Node::Skip { unknown } => Some(*unknown),
    }
}

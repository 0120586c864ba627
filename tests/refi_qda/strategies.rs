//! proptest strategies for REFI-QDA values: whatever the types can hold
//! that the writer accepts, with text full of what escaping has to get
//! right (markup characters, quotes, tab, CR, LF, astral characters, a BOM,
//! combining marks, NEL and LINE SEPARATOR).

use std::collections::HashSet;

use peer_support::refi_qda::{
    Case, Code, CodeBook, Coding, Color, Decimal, Guid, Note, PlainText, PlainTextSelection,
    Project, Provenance, Set, TextSource, User, Value, Variable, VariableType, VariableValue,
    XsdDate, XsdDateTime,
};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

/// Whether XML 1.0 can carry `c` at all.
pub fn xml_allowed(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

fn xml_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            'a', 'Z', '0', ' ', '<', '&', '>', '"', '\'', ']', ';', '#', '\t', '\n', '\r', 'é', '中',
            '😀', '\u{FEFF}', '\u{301}', '\u{85}', '\u{2028}', '\u{1F3FD}',
        ]),
        1 => any::<char>().prop_map(|c| if xml_allowed(c) { c } else { '?' }),
    ]
}

/// Text XML can carry.
pub fn xml_text(max: usize) -> impl Strategy<Value = String> {
    vec(xml_char(), 0..max).prop_map(|chars| chars.into_iter().collect())
}

/// Any text at all (for source files inside an archive).
fn any_text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        xml_text(max),
        vec(any::<char>(), 0..max).prop_map(|c| c.into_iter().collect())
    ]
}

pub fn guid() -> impl Strategy<Value = Guid> {
    any::<u128>().prop_map(Guid::from_u128)
}

fn guids(max: usize) -> impl Strategy<Value = Vec<Guid>> {
    vec(guid(), 0..max)
}

fn color() -> impl Strategy<Value = Color> {
    (any::<u8>(), any::<u8>(), any::<u8>()).prop_map(|(r, g, b)| Color::rgb(r, g, b))
}

fn date_text() -> impl Strategy<Value = String> {
    (
        1u32..=9999,
        1u32..=12,
        1u32..=28,
        prop::sample::select(vec!["", "Z", "+02:00", "-14:00"]),
    )
        .prop_map(|(y, m, d, tz)| format!("{y:04}-{m:02}-{d:02}{tz}"))
}

fn date() -> impl Strategy<Value = XsdDate> {
    date_text().prop_map(|t| XsdDate::new(&t).expect("generated dates are valid"))
}

fn date_time() -> impl Strategy<Value = XsdDateTime> {
    (
        1u32..=9999,
        1u32..=12,
        1u32..=28,
        0u32..24,
        0u32..60,
        0u32..60,
        prop::sample::select(vec!["", ".5", ".000123"]),
        prop::sample::select(vec!["", "Z", "+05:30", "-14:00"]),
    )
        .prop_map(|(y, mo, d, h, mi, s, frac, tz)| {
            XsdDateTime::new(&format!(
                "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{frac}{tz}"
            ))
            .expect("generated date-times are valid")
        })
}

fn provenance() -> impl Strategy<Value = Provenance> {
    (
        option::of(guid()),
        option::of(date_time()),
        option::of(guid()),
        option::of(date_time()),
    )
        .prop_map(|(creating_user, created, modifying_user, modified)| {
            let mut p = Provenance::new();
            p.creating_user = creating_user;
            p.created = created;
            p.modifying_user = modifying_user;
            p.modified = modified;
            p
        })
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        xml_text(12).prop_map(Value::Text),
        any::<bool>().prop_map(Value::Boolean),
        any::<i64>().prop_map(Value::Integer),
        any::<f64>()
            .prop_filter_map("finite", Decimal::new)
            .prop_map(Value::Float),
        date().prop_map(Value::Date),
        date_time().prop_map(Value::DateTime),
    ]
}

fn variable_value() -> impl Strategy<Value = VariableValue> {
    (guid(), option::of(value())).prop_map(|(variable, value)| VariableValue::new(variable, value))
}

/// A code tree up to four levels deep; in a project codes may have note references.
pub fn code(in_project: bool) -> impl Strategy<Value = Code> {
    let fields = (
        guid(),
        xml_text(10),
        any::<bool>(),
        option::of(color()),
        option::of(xml_text(12)),
        guids(if in_project { 3 } else { 1 }),
    )
        .prop_map(|(guid, name, is_codable, color, description, note_refs)| {
            let mut code = Code::new(guid, name);
            code.is_codable = is_codable;
            code.color = color;
            code.description = description;
            code.note_refs = note_refs;
            code
        })
        .boxed();
    fields.clone().prop_recursive(3, 16, 3, move |inner| {
        (fields.clone(), vec(inner, 0..3)).prop_map(|(mut code, children)| {
            code.children = children;
            code
        })
    })
}

fn set(in_project: bool) -> impl Strategy<Value = Set> {
    let limit = if in_project { 3 } else { 1 };
    (
        guid(),
        xml_text(10),
        option::of(xml_text(10)),
        guids(4),
        guids(limit),
        guids(limit),
    )
        .prop_map(
            |(guid, name, description, member_codes, member_sources, member_notes)| {
                let mut set = Set::new(guid, name);
                set.description = description;
                set.member_codes = member_codes;
                set.member_sources = member_sources;
                set.member_notes = member_notes;
                set
            },
        )
}

/// A codebook the `.qdc` format can hold: at least one code, no note
/// references, sets of codes only.
pub fn codebook() -> impl Strategy<Value = CodeBook> {
    (
        option::of(xml_text(12)),
        vec(code(false), 1..4),
        vec(set(false), 0..3),
    )
        .prop_map(|(origin, codes, sets)| {
            let mut book = CodeBook::new();
            book.origin = origin;
            book.codes = codes;
            book.sets = sets;
            book
        })
}

/// Known text (inline-safe unless `files`), an external path, or none.
fn plain_text(files: bool) -> impl Strategy<Value = PlainText> {
    let text = if files {
        any_text(30).boxed()
    } else {
        xml_text(30).boxed()
    };
    prop_oneof![
        3 => text.prop_map(PlainText::Text),
        1 => (prop::sample::select(vec!["relative:///", "absolute:///C:/"]), xml_text(10))
            .prop_map(|(scheme, rest)| PlainText::Unresolved(format!("{scheme}{rest}"))),
        1 => Just(PlainText::None),
    ]
}

fn coding() -> impl Strategy<Value = Coding> {
    (
        guid(),
        guid(),
        option::of(guid()),
        option::of(date_time()),
        guids(2),
    )
        .prop_map(|(guid, code, creating_user, created, note_refs)| {
            let mut coding = Coding::new(guid, code);
            coding.creating_user = creating_user;
            coding.created = created;
            coding.note_refs = note_refs;
            coding
        })
}

fn selection() -> impl Strategy<Value = PlainTextSelection> {
    (
        guid(),
        option::of(xml_text(10)),
        option::of(xml_text(10)),
        any::<u64>(),
        any::<u64>(),
        vec(coding(), 0..3),
        guids(2),
        provenance(),
    )
        .prop_map(
            |(guid, name, description, start, end, codings, note_refs, provenance)| {
                let mut s = PlainTextSelection::new(guid, start, end);
                s.name = name;
                s.description = description;
                s.codings = codings;
                s.note_refs = note_refs;
                s.provenance = provenance;
                s
            },
        )
}

fn source(files: bool) -> impl Strategy<Value = TextSource> {
    (
        (
            guid(),
            option::of(xml_text(10)),
            option::of(xml_text(10)),
            plain_text(files),
            option::of(xml_text(10)),
        ),
        (
            vec(selection(), 0..4),
            vec(coding(), 0..2),
            guids(2),
            vec(variable_value(), 0..3),
            provenance(),
        ),
    )
        .prop_map(
            |(
                (guid, name, description, text, rich),
                (selections, codings, note_refs, values, provenance),
            )| {
                let mut source = TextSource::new(guid, "");
                source.name = name;
                source.description = description;
                source.text = text;
                source.rich_text_path = rich;
                source.selections = selections;
                source.codings = codings;
                source.note_refs = note_refs;
                source.variable_values = values;
                source.provenance = provenance;
                source
            },
        )
}

fn note() -> impl Strategy<Value = Note> {
    (
        guid(),
        option::of(xml_text(10)),
        option::of(xml_text(10)),
        plain_text(false),
        option::of(xml_text(8)),
        provenance(),
    )
        .prop_map(|(guid, name, description, text, rich, provenance)| {
            let mut note = Note::new(guid, "");
            note.name = name;
            note.description = description;
            note.text = text;
            note.rich_text_path = rich;
            note.provenance = provenance;
            note
        })
}

fn user() -> impl Strategy<Value = User> {
    (guid(), option::of(xml_text(8)), option::of(xml_text(8))).prop_map(|(guid, name, id)| {
        let mut user = User::new(guid);
        user.name = name;
        user.id = id;
        user
    })
}

fn variable() -> impl Strategy<Value = Variable> {
    (
        guid(),
        xml_text(8),
        prop::sample::select(VariableType::ALL.to_vec()),
        option::of(xml_text(10)),
    )
        .prop_map(|(guid, name, kind, description)| {
            let mut variable = Variable::new(guid, name, kind);
            variable.description = description;
            variable
        })
}

fn case() -> impl Strategy<Value = Case> {
    (
        guid(),
        option::of(xml_text(8)),
        option::of(xml_text(8)),
        guids(2),
        vec(variable_value(), 0..3),
        guids(3),
        guids(3),
    )
        .prop_map(
            |(guid, name, description, code_refs, variable_values, source_refs, selection_refs)| {
                let mut case = Case::new(guid);
                case.name = name;
                case.description = description;
                case.code_refs = code_refs;
                case.variable_values = variable_values;
                case.source_refs = source_refs;
                case.selection_refs = selection_refs;
                case
            },
        )
}

/// A project; with `files`, source texts may hold any character (they go
/// to files in a `.qdpx`), otherwise only what XML can carry. Source GUIDs
/// are unique, as a `.qdpx` needs.
pub fn project(files: bool) -> impl Strategy<Value = Project> {
    (
        (
            xml_text(12),
            option::of(xml_text(12)),
            option::of(xml_text(12)),
            provenance(),
            vec(user(), 0..3),
        ),
        (
            vec(code(true), 0..3),
            vec(variable(), 0..3),
            vec(case(), 0..3),
            vec(source(files), 0..4),
        ),
        (
            vec(note(), 0..3),
            vec(set(true), 0..3),
            option::of(xml_text(12)),
            guids(2),
        ),
    )
        .prop_map(
            |(
                (name, origin, base_path, provenance, users),
                (codes, variables, cases, sources),
                (notes, sets, description, note_refs),
            )| {
                let mut project = Project::new(name);
                project.origin = origin;
                project.base_path = base_path;
                project.provenance = provenance;
                project.users = users;
                project.codes = codes;
                project.variables = variables;
                project.cases = cases;
                let mut seen = HashSet::new();
                project.sources = sources
                    .into_iter()
                    .filter(|s| seen.insert(s.guid))
                    .collect();
                project.notes = notes;
                project.sets = sets;
                project.description = description;
                project.note_refs = note_refs;
                project
            },
        )
}

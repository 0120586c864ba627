//! A REFI-QDA project as a document.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::{Read, Seek};

use serde_json::{Value as Json, json};
use uuid::Uuid;

use crate::codebook::Codebook;
use crate::refi_qda::position::{self, PositionError, Unit};
use crate::refi_qda::{
    self, Code, Guid, Limits, PlainText, Project, ReadSummary, TextSource, Value, VariableValue,
};
use crate::study::{
    Citation, Concept, ConceptLink, DataSource, DeclaredConcept, Document, Excerpt, Extensions,
    Finding, Participant, ParticipantCode, Relation, Study, Text,
};
use crate::vocabulary::{
    Beneficiary, CfirConstruct, ChimeProcess, Direction, Employment, Kind, Level, Method,
    RelationKind, RoleTitle, Setting, Stakeholder, Stance,
};

use super::export::DATE_VARIABLE;
use super::ids::{code_guid, derived, kind_guid};
use super::qdc::{
    BENEFICIARY_LINE, CHIME_LINE, CONSTRUCT_LINE, DIRECTION_LINE, DOMAIN_LINE, LEVEL_LINE, MARKER,
    is_concept_kind,
};

/// The kind of the declared concepts that codes matching nothing become
/// when no parent code gives them a kind of ours.
pub const PROJECT_CODE_KIND: &str = "refi_code";

/// The study extension that keeps, for each concept (`"kind/code"`), the
/// GUID of the project's code it came from, when that is not the GUID an
/// export writes ([`code_guid`](super::code_guid)).
pub const CODES_EXTENSION: &str = "refi-qda:code_guids";

/// Codes of the project (by name or GUID) mapped to concepts: what a
/// `--map mapping.json` file holds.
///
/// The JSON is an object whose keys are code names (matched exactly, after
/// trimming) or GUIDs (any spelling) and whose values are `"kind/code"`
/// strings or `{"kind": ..., "code": ...}` objects:
///
/// ```
/// use peer_support::interchange::refi::CodeMap;
///
/// let map = CodeMap::from_json(r#"{
///   "Stigma": "barrier/stigma",
///   "{D7AA29DA-519B-4946-9B90-253B6DB8FD0A}": {"kind": "facilitator", "code": "supervision"}
/// }"#)?;
/// assert_eq!(map.len(), 2);
/// assert!(CodeMap::from_json(r#"{"Stigma": "Barrier / Stigma"}"#).is_err());
/// # Ok::<(), peer_support::interchange::refi::MapError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodeMap {
    by_guid: HashMap<Guid, Concept>,
    by_name: HashMap<String, Concept>,
}

/// A mapping file that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("mapping {key:?}: {problem}")]
#[non_exhaustive]
pub struct MapError {
    /// The key concerned (empty for the file as a whole).
    pub key: String,
    /// What is wrong.
    pub problem: String,
}

impl CodeMap {
    /// An empty map.
    pub fn new() -> Self {
        CodeMap::default()
    }

    /// How many codes it maps.
    pub fn len(&self) -> usize {
        self.by_guid.len() + self.by_name.len()
    }

    /// Whether it maps none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Maps the code named, or with the GUID, `key` to `concept`.
    pub fn insert(&mut self, key: &str, concept: Concept) {
        match Guid::parse(key) {
            Ok(guid) => self.by_guid.insert(guid, concept),
            Err(_) => self.by_name.insert(key.trim().to_owned(), concept),
        };
    }

    /// Reads a mapping file (see the [type's documentation](CodeMap)).
    ///
    /// # Errors
    ///
    /// [`MapError`] naming the key whose value is not a concept, or saying
    /// why the file is not a JSON object.
    pub fn from_json(json: &str) -> Result<Self, MapError> {
        let whole = |problem: String| MapError {
            key: String::new(),
            problem,
        };
        let value: Json =
            serde_json::from_str(json).map_err(|e| whole(format!("not JSON: {e}")))?;
        let Json::Object(members) = value else {
            return Err(whole(
                "expected an object of code name or GUID to concept".into(),
            ));
        };
        let mut map = CodeMap::new();
        for (key, value) in members {
            let error = |problem: String| MapError {
                key: key.clone(),
                problem,
            };
            let (kind, code) = match &value {
                Json::String(text) => text.split_once('/').ok_or_else(|| {
                    error(format!(
                        "{text:?} is not \"kind/code\" (e.g. \"barrier/stigma\")"
                    ))
                })?,
                Json::Object(object) => match (object.get("kind"), object.get("code")) {
                    (Some(Json::String(kind)), Some(Json::String(code))) => {
                        (kind.as_str(), code.as_str())
                    }
                    _ => {
                        return Err(error(
                            "expected {\"kind\": ..., \"code\": ...} with two strings".into(),
                        ));
                    }
                },
                _ => {
                    return Err(error(
                        "expected \"kind/code\" or {\"kind\": ..., \"code\": ...}".into(),
                    ));
                }
            };
            let concept = Concept::from_codes(kind, code).map_err(|e| error(e.to_string()))?;
            map.insert(&key, concept);
        }
        Ok(map)
    }
}

/// How [`project_to_document`] and [`read_document_qdpx`] map a project.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportOptions {
    /// Codes mapped to concepts by hand.
    pub map: CodeMap,
    /// The title of the study (default: the project's name).
    pub study_title: Option<String>,
    /// Keep case names in the study extension `refi-qda:case_names` (by
    /// default they are left out: a case name is often a person's name).
    pub keep_case_names: bool,
    /// Limits for reading the archive.
    pub limits: Limits,
}

impl ImportOptions {
    /// The defaults: no map, the project's name as title, case names left out.
    pub fn new() -> Self {
        ImportOptions::default()
    }
}

/// Something the import guessed or could not carry, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportWarning {
    /// The object concerned (`TextSource 0f…`, `Case 3a…`).
    pub subject: String,
    /// What happened.
    pub message: String,
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.subject, self.message)
    }
}

/// What an import did: counts of what became what, what the model cannot
/// hold, and warnings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportSummary {
    /// What reading the file left out (elements not modelled, unknown
    /// elements and attributes, unresolved paths) and its warnings.
    pub read: ReadSummary,
    /// Text sources imported as data sources.
    pub sources: usize,
    /// Selections imported as excerpts.
    pub excerpts: usize,
    /// Codes recognised by their GUID.
    pub codes_by_guid: usize,
    /// Codes recognised by a concept code in their name or description.
    pub codes_by_text: usize,
    /// Codes mapped by the [`CodeMap`].
    pub codes_by_map: usize,
    /// Codes that match no concept of ours, kept as project concepts.
    pub codes_declared: usize,
    /// Cases imported as participants.
    pub participants: usize,
    /// Users kept as coders.
    pub users: usize,
    /// Notes imported into the study's notes.
    pub notes: usize,
    /// What the model cannot hold, by what it is, with counts.
    pub not_imported: BTreeMap<String, u64>,
    /// Warnings, in the order they arose.
    pub warnings: Vec<ImportWarning>,
}

impl ImportSummary {
    fn skip(&mut self, what: &str, count: u64) {
        if count > 0 {
            *self.not_imported.entry(what.to_owned()).or_default() += count;
        }
    }

    fn warn(&mut self, subject: impl Into<String>, message: impl Into<String>) {
        self.warnings.push(ImportWarning {
            subject: subject.into(),
            message: message.into(),
        });
    }
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "imported: {} sources, {} excerpts, {} participants, {} users, {} notes",
            self.sources, self.excerpts, self.participants, self.users, self.notes
        )?;
        writeln!(
            f,
            "codes: {} by GUID, {} by code in name or description, {} by the mapping file, {} declared as project concepts",
            self.codes_by_guid, self.codes_by_text, self.codes_by_map, self.codes_declared
        )?;
        let read = &self.read;
        let groups = [
            (
                "not imported (the model cannot hold them)",
                &self.not_imported,
            ),
            ("REFI-QDA elements not modelled", &read.not_modelled),
            ("unknown elements", &read.unknown),
            ("unknown attributes", &read.unknown_attributes),
        ];
        for (title, counts) in groups {
            if !counts.is_empty() {
                writeln!(f, "{title}:")?;
                for (what, n) in counts {
                    writeln!(f, "  {what}: {n}")?;
                }
            }
        }
        if read.unresolved_paths > 0 {
            writeln!(f, "unresolved text paths: {}", read.unresolved_paths)?;
        }
        if read.unread_entries > 0 {
            writeln!(f, "archive entries not read: {}", read.unread_entries)?;
        }
        for warning in &read.warnings {
            writeln!(f, "warning: {warning}")?;
        }
        if read.more_warnings > 0 {
            writeln!(f, "warning: {} more read warnings", read.more_warnings)?;
        }
        for warning in &self.warnings {
            writeln!(f, "warning: {warning}")?;
        }
        Ok(())
    }
}

/// A document imported from a project, with what the import did.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Imported {
    /// The document: one study.
    pub document: Document,
    /// What was and was not imported.
    pub summary: ImportSummary,
}

/// Why a project cannot be imported.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The file cannot be read (or is refused as hostile).
    #[error(transparent)]
    Read(#[from] refi_qda::Error),
    /// A selection's positions fit its source's text neither as code
    /// points nor as UTF-16 units.
    #[error("TextSource {source_guid}: {error}")]
    Position {
        /// The source.
        source_guid: Guid,
        /// The selection and its positions.
        error: PositionError,
    },
}

/// Reads a `.qdpx` project into a document ([`refi_qda::read_qdpx_with`],
/// then [`project_to_document`]); the summary includes what reading left out.
///
/// # Errors
///
/// [`ImportError`] when the archive cannot be read or is hostile, or a
/// selection's positions fit neither unit.
pub fn read_document_qdpx<R: Read + Seek>(
    reader: R,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let parsed = refi_qda::read_qdpx_with(reader, &options.limits)?;
    let mut imported = project_to_document(&parsed.value, options)?;
    imported.summary.read = parsed.summary;
    Ok(imported)
}

/// What a code of the project became.
#[derive(Clone, Debug)]
enum Mapped {
    /// A kind's parent code of ours (with the kind): structure, nothing
    /// to import.
    Folder(String),
    /// A concept.
    Concept(Concept, &'static str),
}

/// The codes of the standard codebook and their kinds' folders, by GUID.
fn our_guids() -> HashMap<Guid, Mapped> {
    let mut ours = HashMap::new();
    for kind in Kind::ALL.iter().copied().filter(|k| is_concept_kind(*k)) {
        ours.insert(
            kind_guid(kind.code()),
            Mapped::Folder(kind.code().to_owned()),
        );
    }
    for entry in Codebook::standard().entries() {
        if is_concept_kind(entry.kind) {
            if let Ok(concept) = Concept::from_codes(entry.kind.code(), entry.code) {
                ours.insert(
                    code_guid(entry.kind.code(), entry.code),
                    Mapped::Concept(concept, "guid"),
                );
            }
        }
    }
    ours
}

/// A concept named in `text`: after the marker line, or as a `kind/code`
/// token of a known concept.
fn concept_in_text(text: &str) -> Option<Concept> {
    for line in text.lines() {
        if let Some(rest) = line.trim().strip_prefix(MARKER.trim_end()) {
            if let Some((kind, code)) = rest.trim().split_once('/') {
                if let Ok(concept) = Concept::from_codes(kind, code) {
                    return Some(concept);
                }
            }
        }
    }
    let token = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '/';
    text.split(|c: char| !token(c))
        .filter_map(|word| word.split_once('/'))
        .filter_map(|(kind, code)| Concept::from_codes(kind, code).ok())
        .find(|c| c.is_known())
}

/// The kind a kind's parent code of ours names in its description
/// (`peer-support code: KIND`).
fn folder_marker(description: Option<&str>) -> Option<String> {
    description?.lines().find_map(|line| {
        let rest = line.trim().strip_prefix(MARKER.trim_end())?.trim();
        (!rest.contains('/') && crate::vocabulary::Code::new(rest).is_ok()).then(|| rest.to_owned())
    })
}

/// The code of a `Label (code)` line's value.
fn code_in_parentheses(value: &str) -> Option<&str> {
    let (_, code) = value.trim_end().strip_suffix(')')?.rsplit_once(" (")?;
    Some(code)
}

/// A `- Title <https://doi.org/DOI>` or `- Title` line of a description's
/// sources.
fn source_line(line: &str) -> Option<Citation> {
    let entry = line.strip_prefix("- ")?;
    let (title, doi) = match entry
        .strip_suffix('>')
        .and_then(|e| e.rsplit_once(" <https://doi.org/"))
    {
        // Kept as written, as a document keeps a DOI that is not valid.
        Some((title, doi)) => (title, Some(serde_json::from_value(json!(doi)).ok()?)),
        None => (entry, None),
    };
    let mut citation = Citation::new(Text::new(title).ok()?);
    citation.doi = doi;
    Some(citation)
}

/// A relation line (`Broader concept: facilitator/peer_mentoring`).
fn relation_line(line: &str) -> Option<Relation> {
    RelationKind::ALL.iter().find_map(|relation| {
        let (kind, code) = line
            .strip_prefix(relation.label())?
            .strip_prefix(": ")?
            .split_once('/')?;
        let target = Concept::from_codes(kind, code).ok()?;
        Some(Relation::new(relation.clone(), target))
    })
}

/// Reads one line of what follows the marker line in a declared concept's
/// description this crate wrote into `declared`; false when the line is
/// none of those an export writes.
fn read_declared_line(line: &str, declared: &mut DeclaredConcept) -> bool {
    let value = |prefix: &str| line.strip_prefix(prefix).and_then(code_in_parentheses);
    if let Some(code) = value(CONSTRUCT_LINE) {
        declared.cfir_construct = CfirConstruct::from_code(code).ok();
        return declared.cfir_construct.is_some();
    }
    if let Some(code) = value(CHIME_LINE) {
        declared.chime = ChimeProcess::from_code(code).ok();
        return declared.chime.is_some();
    }
    if let Some(code) = value(BENEFICIARY_LINE) {
        declared.beneficiary = Beneficiary::from_code(code).ok();
        return declared.beneficiary.is_some();
    }
    if let Some(code) = value(DIRECTION_LINE) {
        declared.direction = Direction::from_code(code).ok();
        return declared.direction.is_some();
    }
    if let Some(code) = line.strip_prefix(LEVEL_LINE) {
        declared.level = Level::from_code(code.trim()).ok();
        return declared.level.is_some();
    }
    if let Some(relation) = relation_line(line) {
        declared.relations.push(relation);
        return true;
    }
    false
}

/// The declared concept of a code that is not one of ours, and the lines
/// of its description that could not be read back.
///
/// Its name is the label. For a code this crate wrote (its description
/// has the `peer-support code: KIND/CODE` line), the text between the
/// label paragraph and that line is the definition, and the lines after
/// it give the mappings, level, relations and sources; a line that is none
/// of these is returned. For other codes the description is the
/// definition (less a first paragraph repeating the name), and its
/// relation lines are read. The concept of the parent code is `broader`.
fn declare(
    code: &Code,
    concept: &Concept,
    parent: Option<&Mapped>,
) -> (DeclaredConcept, Vec<String>) {
    let label = Text::new(code.name.as_str())
        .unwrap_or_else(|_| Text::new(concept.code()).expect("a code is not blank"));
    let mut declared = DeclaredConcept::new(concept.clone(), label);
    let mut unread = Vec::new();
    let description = code.description.as_deref().unwrap_or("");
    let mut offset = 0;
    let mut marker_at = None;
    for line in description.split_inclusive('\n') {
        if line.trim_start().starts_with(MARKER.trim_end()) {
            marker_at = Some(offset);
            break;
        }
        offset += line.len();
    }
    let head = &description[..marker_at.unwrap_or(description.len())];
    let head = match head.strip_prefix(code.name.as_str()) {
        Some(rest) if rest.starts_with("\n\n") => &rest[2..],
        Some(rest) if rest.trim().is_empty() => rest,
        _ => head,
    };
    match marker_at {
        Some(at) => {
            let definition = head.strip_suffix("\n\n").unwrap_or(head);
            declared.definition = Text::new(definition).ok();
            let mut lines = description[at..].lines().skip(1);
            let mut domains = Vec::new();
            while let Some(line) = lines.next() {
                if line.starts_with(DOMAIN_LINE) {
                    domains.push(line);
                } else if line == "Sources:" {
                    for line in lines.by_ref() {
                        match source_line(line) {
                            Some(citation) => declared.sources.push(citation),
                            None => unread.push(line.to_owned()),
                        }
                    }
                } else if !line.trim().is_empty() && !read_declared_line(line, &mut declared) {
                    unread.push(line.to_owned());
                }
            }
            // The domain follows from the construct: read only to check it.
            let domain = declared
                .cfir_construct
                .map(|c| c.domain().code().to_owned());
            for line in domains {
                let code = line.strip_prefix(DOMAIN_LINE).and_then(code_in_parentheses);
                if code != domain.as_deref() {
                    unread.push(line.to_owned());
                }
            }
        }
        None => {
            declared.definition = Text::new(head).ok();
            declared
                .relations
                .extend(description.lines().filter_map(relation_line));
        }
    }
    if let Some(Mapped::Concept(parent, _)) = parent {
        let broader = Relation::new(RelationKind::Broader, parent.clone());
        if !declared.relations.contains(&broader) {
            declared.relations.push(broader);
        }
    }
    (declared, unread)
}

/// A code string made from a name: lower-case ASCII letters and digits,
/// the rest `_`, starting with a letter.
fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('_') && !slug.is_empty() {
            slug.push('_');
        }
    }
    let mut slug = slug.trim_end_matches('_').to_owned();
    if !slug.starts_with(|c: char| c.is_ascii_lowercase()) {
        slug.insert_str(0, "code_");
    }
    slug.truncate(56);
    slug.trim_end_matches('_').to_owned()
}

/// Whether `name` looks like a person's name: one to four words, each a
/// capital letter followed by letters, at least one lower-case (`Jane`, `Mary O'Neil`).
pub(crate) fn looks_like_person_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|word| {
            let mut chars = word.chars();
            chars.next().is_some_and(char::is_uppercase)
                && word.chars().count() >= 2
                && chars.clone().any(char::is_lowercase)
                && chars.all(|c| c.is_alphabetic() || c == '\'' || c == '-')
        })
}

/// The stance a finding built from a code takes, by the concept's kind.
fn default_stance(concept: &Concept) -> Stance {
    match concept.kind() {
        Some(Kind::Facilitator) => Stance::Facilitator,
        Some(Kind::Barrier) => Stance::Barrier,
        Some(Kind::Outcome) => Stance::Benefit,
        Some(Kind::Value) => Stance::ValueHeld,
        Some(_) => Stance::Practice,
        None => Stance::Influence,
    }
}

fn variable_key(name: &str) -> String {
    name.trim().to_lowercase().replace([' ', '-'], "_")
}

fn value_json(value: &Option<Value>) -> Json {
    match value {
        None => Json::Null,
        Some(Value::Text(text)) => json!(text),
        Some(Value::Boolean(b)) => json!(b),
        Some(Value::Integer(i)) => json!(i),
        Some(Value::Float(f)) => json!(f.get()),
        Some(Value::Date(d)) => json!(d.as_str()),
        Some(Value::DateTime(d)) => json!(d.as_str()),
    }
}

fn value_text(value: &Option<Value>) -> Option<&str> {
    match value {
        Some(Value::Text(text)) => Some(text.trim()),
        _ => None,
    }
}

/// Reads a vocabulary value from a variable's text: the code itself, or
/// the code made from a label (`Peer worker` → `peer_worker`).
fn vocabulary_value<T>(value: &Option<Value>, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
    let text = value_text(value)?;
    parse(text).or_else(|| parse(&slug(text)))
}

struct Context<'p> {
    project: &'p Project,
    options: &'p ImportOptions,
    summary: ImportSummary,
    extensions: Extensions,
    declared: Vec<DeclaredConcept>,
}

impl Context<'_> {
    fn extension(&mut self, key: &str, value: Json) {
        if value != Json::Null && value != json!({}) && value != json!([]) {
            self.extensions
                .insert(key, value)
                .expect("the mapping's extension keys are namespaced");
        }
    }

    /// Maps every code to a concept, declaring project concepts for the rest.
    fn codes(&mut self) -> HashMap<Guid, Mapped> {
        let ours = our_guids();
        let mut mapped: HashMap<Guid, Mapped> = HashMap::new();
        let mut guids = serde_json::Map::new();
        let mut taken = HashSet::new();
        // The last suffix tried for each `kind/slug`: the ones below it are
        // taken, so the search resumes there (codes often share a name).
        let mut suffixes: HashMap<String, u64> = HashMap::new();
        let mut declared: HashSet<Concept> = HashSet::new();
        // Depth-first with parents, without recursion (codes nest deep):
        // a parent is mapped before its children.
        let mut stack: Vec<(&Code, Option<Guid>)> = self
            .project
            .codes
            .iter()
            .rev()
            .map(|code| (code, None))
            .collect();
        while let Some((code, parent)) = stack.pop() {
            stack.extend(code.children.iter().rev().map(|c| (c, Some(code.guid))));
            let parent = parent.and_then(|p| mapped.get(&p)).cloned();
            let by_map = self
                .options
                .map
                .by_guid
                .get(&code.guid)
                .or_else(|| self.options.map.by_name.get(code.name.trim()));
            let found = if let Some(known) = ours.get(&code.guid) {
                Some(known.clone())
            } else if let Some(concept) = by_map {
                Some(Mapped::Concept(concept.clone(), "map"))
            } else if let Some(kind) = folder_marker(code.description.as_deref()) {
                Some(Mapped::Folder(kind))
            } else {
                concept_in_text(&code.name)
                    .or_else(|| code.description.as_deref().and_then(concept_in_text))
                    .map(|c| Mapped::Concept(c, "text"))
            };
            // A code nested under a kind of ours (its parent code, or a code
            // mapped to a concept of that kind) is of that kind.
            let kind = match &parent {
                Some(Mapped::Folder(kind)) => kind.clone(),
                Some(Mapped::Concept(concept, _)) => concept.kind_code().to_owned(),
                None => PROJECT_CODE_KIND.to_owned(),
            };
            let found = match found {
                Some(found) => found,
                None => {
                    let base = slug(&code.name);
                    let n = suffixes.entry(format!("{kind}/{base}")).or_insert(1);
                    let mut code_slug = if *n == 1 {
                        base.clone()
                    } else {
                        format!("{base}_{n}")
                    };
                    while !taken.insert(format!("{kind}/{code_slug}")) {
                        *n += 1;
                        code_slug = format!("{base}_{n}");
                    }
                    let concept = Concept::from_codes(&kind, &code_slug)
                        .expect("a slug and a kind code are well-formed codes");
                    if concept.is_known() {
                        // `Supervision` under our Facilitator parent code.
                        Mapped::Concept(concept, "text")
                    } else {
                        Mapped::Concept(concept, "declared")
                    }
                }
            };
            match &found {
                Mapped::Concept(_, "guid") => self.summary.codes_by_guid += 1,
                Mapped::Concept(_, "map") => self.summary.codes_by_map += 1,
                Mapped::Concept(_, "text") => self.summary.codes_by_text += 1,
                Mapped::Concept(..) => self.summary.codes_declared += 1,
                Mapped::Folder(_) => {}
            }
            if let Mapped::Concept(concept, _) = &found {
                if !concept.is_known() && declared.insert(concept.clone()) {
                    let (concept, unread) = declare(code, concept, parent.as_ref());
                    for line in unread {
                        self.summary.warn(
                            format!("Code {}", code.guid),
                            format!(
                                "description line {line:?} could not be read back; not imported"
                            ),
                        );
                        self.summary
                            .skip("Code description line (not read back)", 1);
                    }
                    self.declared.push(concept);
                }
                guids.insert(
                    format!("{}/{}", concept.kind_code(), concept.code()),
                    json!(code.guid.to_string()),
                );
            }
            mapped.insert(code.guid, found);
        }
        // Only the GUIDs that are not the ones an export would write.
        guids.retain(|concept, guid| {
            let (kind, code) = concept.split_once('/').unwrap_or_default();
            code_guid(kind, code).to_string() != guid.as_str().unwrap_or_default()
        });
        self.extension(CODES_EXTENSION, Json::Object(guids));
        mapped
    }

    /// Participants from cases.
    fn participants(&mut self) -> Vec<Participant> {
        let names: HashMap<Guid, &str> = self
            .project
            .variables
            .iter()
            .map(|v| (v.guid, v.name.as_str()))
            .collect();
        let mut taken: HashSet<String> = self
            .project
            .cases
            .iter()
            .filter_map(|c| c.name.as_deref())
            .map(str::to_owned)
            .collect();
        let mut next = 0;
        let mut participants = Vec::new();
        let mut kept_names = serde_json::Map::new();
        let mut extra = serde_json::Map::new();
        for case in &self.project.cases {
            let subject = format!("Case {}", case.guid);
            let name = case.name.as_deref().map(str::trim).unwrap_or("");
            let name_like = looks_like_person_name(name);
            if name_like {
                self.summary.warn(
                    &subject,
                    "the case name looks like a person's name; a participant code was derived and the name left out of the document unless --keep-case-names",
                );
            }
            let code = match ParticipantCode::new(name) {
                Ok(code) if !name_like && name.bytes().any(|b| b.is_ascii_digit()) => code,
                _ => loop {
                    next += 1;
                    let candidate = format!("P{next:02}");
                    if taken.insert(candidate.clone()) {
                        break ParticipantCode::new(candidate).expect("P and digits");
                    }
                },
            };
            if self.options.keep_case_names && !name.is_empty() {
                kept_names.insert(case.guid.to_string(), json!(name));
            }
            let mut group = None;
            let mut role_title = None;
            let mut setting = None;
            let mut employment = None;
            let mut others = serde_json::Map::new();
            for value in &case.variable_values {
                let Some(name) = names.get(&value.variable) else {
                    self.summary.warn(&subject, format!("a value of variable {} which the project does not declare, not imported", value.variable));
                    self.summary.skip("VariableValue (undeclared variable)", 1);
                    continue;
                };
                let used = match variable_key(name).as_str() {
                    "group" | "stakeholder" | "stakeholder_group" => {
                        group = vocabulary_value(&value.value, |t| Stakeholder::from_code(t).ok());
                        group.is_some()
                    }
                    "role_title" | "role" => {
                        role_title =
                            vocabulary_value(&value.value, |t| RoleTitle::from_code(t).ok());
                        role_title.is_some()
                    }
                    "setting" => {
                        setting = vocabulary_value(&value.value, |t| Setting::from_code(t).ok());
                        setting.is_some()
                    }
                    "employment" => {
                        employment =
                            vocabulary_value(&value.value, |t| Employment::from_code(t).ok());
                        employment.is_some()
                    }
                    _ => false,
                };
                if !used {
                    others.insert((*name).to_owned(), value_json(&value.value));
                }
            }
            let group = group.unwrap_or_else(|| {
                self.summary.warn(
                    &subject,
                    "no group (stakeholder) variable: the participant's group is not_recorded",
                );
                Stakeholder::from_code("not_recorded").expect("a well-formed code")
            });
            let mut participant = Participant::new(*case.guid.as_uuid(), code, group);
            participant.role_title = role_title;
            participant.setting = setting;
            participant.employment = employment;
            if !others.is_empty() {
                extra.insert(participant.id.to_string(), Json::Object(others));
            }
            self.summary.skip(
                "Case CodeRef (codes of a whole case)",
                case.code_refs.len() as u64,
            );
            if case.description.is_some() {
                self.summary.skip("Case Description", 1);
            }
            participants.push(participant);
        }
        self.summary.participants = participants.len();
        self.extension("refi-qda:case_names", Json::Object(kept_names));
        self.extension("refi-qda:case_variables", Json::Object(extra));
        participants
    }

    /// The data source of a text source, with its variables.
    fn data_source(
        &mut self,
        source: &TextSource,
        names: &HashMap<Guid, &str>,
        cases: &[Uuid],
    ) -> DataSource {
        let mut data = DataSource::new(*source.guid.as_uuid());
        data.participants = cases.to_vec();
        let mut others = serde_json::Map::new();
        for VariableValue {
            variable, value, ..
        } in &source.variable_values
        {
            let name = names.get(variable).copied().unwrap_or("");
            let used = match (variable_key(name).as_str(), value) {
                ("method", _) => {
                    data.method = vocabulary_value(value, |t| Method::from_code(t).ok());
                    data.method.is_some()
                }
                ("round", Some(Value::Integer(n))) => {
                    data.round = u32::try_from(*n).ok();
                    data.round.is_some()
                }
                (DATE_VARIABLE, Some(Value::Date(date))) => {
                    data.date = chrono::NaiveDate::parse_from_str(date.as_str(), "%Y-%m-%d").ok();
                    data.date.is_some()
                }
                ("interviewer_lived_experience", Some(Value::Boolean(b))) => {
                    data.interviewer_lived_experience = Some(*b);
                    true
                }
                _ => false,
            };
            if !used {
                let key = if name.is_empty() {
                    variable.to_string()
                } else {
                    name.to_owned()
                };
                others.insert(key, value_json(value));
            }
        }
        if !others.is_empty() {
            let mut all = self
                .extensions
                .remove("refi-qda:source_variables")
                .unwrap_or_else(|| json!({}));
            all[source.guid.to_string()] = Json::Object(others);
            self.extension("refi-qda:source_variables", all);
        }
        data
    }
}

/// The id of the study a project becomes: the UUID v5 of
/// `study:{name}:{source GUIDs, sorted, comma-separated}`, so that projects
/// sharing a name (tools default to "Project") differ, and importing the
/// same project again gives the same id.
fn study_id(project: &Project) -> Uuid {
    let mut guids: Vec<String> = project.sources.iter().map(|s| s.guid.to_string()).collect();
    guids.sort_unstable();
    guids.dedup();
    *derived(&format!("study:{}:{}", project.name, guids.join(","))).as_uuid()
}

/// A REFI-QDA project as a document holding one study.
///
/// - Each `TextSource` is a data source (id: its GUID); each
///   `PlainTextSelection` an excerpt (id: its GUID) whose text is cut from
///   the source's text by code points (§10.2), or by UTF-16 units when
///   only those fit (with a warning). The speaker is the case listing the
///   selection, else (in files not written by this crate) the only case
///   listing the source.
/// - Codes become concepts: by GUID (the [standard codebook's
///   GUIDs](super::code_guid)), by the `options.map`, or by a concept code in
///   the name or description (`peer-support code: barrier/stigma`, or a
///   `kind/code` token of a known concept). Every other code becomes a
///   declared concept whose code is made from its name, of the kind of
///   the nearest parent code of ours (a code under our Facilitator parent
///   is a facilitator), else of kind [`PROJECT_CODE_KIND`], with its name
///   as label, its description as definition (and, for codes this crate
///   wrote, the mappings, level, sources and relations read back from
///   it), and the concept of its parent code as `broader`. Never dropped.
///   The study extension [`CODES_EXTENSION`] (`refi-qda:code_guids`)
///   keeps the project's GUID of each concept whose GUID is not the one an
///   export writes.
/// - For each concept coded on selections, one finding (id: UUID v5 of
///   `finding:{study}:{kind}/{code}`, statement: the code's name) links
///   the concept, with a stance from its kind, to the coded excerpts.
/// - Cases become pseudonymous participants (id: the case's GUID): a case
///   name that is a valid participant code with a digit (`P07`) is kept
///   as the code; others get a derived code (`P01`...), a warning when the
///   name looks like a person's name, and the name is kept only with
///   `keep_case_names`. Variables `group`, `role_title`, `setting` and
///   `employment` fill the participant's fields; the rest go to the
///   extension `refi-qda:case_variables`.
/// - Users go to the extension `refi-qda:coders`; notes and the project's
///   description to the study's notes.
///
/// Everything else is counted in the summary's `not_imported`.
///
/// # Errors
///
/// [`ImportError::Position`] naming the source and selection whose
/// positions fit its text neither as code points nor as UTF-16 units.
pub fn project_to_document(
    project: &Project,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let mut cx = Context {
        project,
        options,
        summary: ImportSummary::default(),
        extensions: Extensions::new(),
        declared: Vec::new(),
    };
    let title = options
        .study_title
        .as_deref()
        .and_then(|t| Text::new(t).ok())
        .or_else(|| Text::new(project.name.as_str()).ok())
        .unwrap_or_else(|| Text::new("Imported REFI-QDA project").expect("not blank"));
    let study_id = study_id(project);
    let mut study = Study::new(study_id, Citation::new(title));
    let ours = project
        .origin
        .as_deref()
        .is_some_and(|o| o.starts_with("peer-support "));

    let codes = cx.codes();
    study.participants = cx.participants();
    let names: HashMap<Guid, &str> = project
        .variables
        .iter()
        .map(|v| (v.guid, v.name.as_str()))
        .collect();
    // The cases listing each source, in case order, each once.
    let mut source_cases: HashMap<Guid, Vec<Uuid>> = HashMap::new();
    for case in &project.cases {
        for source in &case.source_refs {
            let cases = source_cases.entry(*source).or_default();
            if cases.last() != Some(case.guid.as_uuid()) {
                cases.push(*case.guid.as_uuid());
            }
        }
    }
    // The name of each code (the first, should GUIDs repeat).
    let mut code_names: HashMap<Guid, &str> = HashMap::new();
    for code in project.walk_codes() {
        code_names.entry(code.guid).or_insert(code.name.as_str());
    }
    let selection_case: HashMap<Guid, Uuid> = project
        .cases
        .iter()
        .flat_map(|c| c.selection_refs.iter().map(|s| (*s, *c.guid.as_uuid())))
        .collect();

    // Findings by concept, in first-coded order.
    let mut findings: Vec<(Concept, String, Vec<Uuid>)> = Vec::new();
    let mut finding_at: HashMap<Concept, usize> = HashMap::new();
    let mut cited: HashSet<(usize, Uuid)> = HashSet::new();
    for source in &project.sources {
        let subject = format!("TextSource {}", source.guid);
        let cases = source_cases
            .get(&source.guid)
            .map_or(&[][..], Vec::as_slice);
        let data = cx.data_source(source, &names, cases);
        cx.summary.skip(
            "TextSource Coding (codes of a whole source)",
            source.codings.len() as u64,
        );
        cx.summary
            .skip("TextSource NoteRef", source.note_refs.len() as u64);
        let text = match &source.text {
            PlainText::Text(text) => text.as_str(),
            _ => {
                cx.summary.warn(
                    &subject,
                    format!(
                        "no text could be read, so its {} selections are not imported",
                        source.selections.len()
                    ),
                );
                cx.summary.skip(
                    "PlainTextSelection of a source without text",
                    source.selections.len() as u64,
                );
                study.sources.push(data);
                continue;
            }
        };
        let position_error = |error| ImportError::Position {
            source_guid: source.guid,
            error,
        };
        // Our own files count code points; no need to guess.
        let cuts = if ours {
            source
                .selections
                .iter()
                .map(|s| {
                    position::cut_as(text, s.start, s.end, Unit::CodePoints).map_err(|mut e| {
                        e.selection = Some(s.guid);
                        position_error(e)
                    })
                })
                .collect::<Result<Vec<_>, _>>()?
        } else {
            position::cut_selections(text, &source.selections).map_err(position_error)?
        };
        if cuts.first().is_some_and(|c| c.unit == Unit::Utf16) {
            cx.summary.warn(&subject, "selection positions count UTF-16 code units, not code points as REFI-QDA §10.2 says; the selections were cut as UTF-16");
        }
        let sole_case = match cases {
            [case] => Some(*case),
            _ => None,
        };
        let mut covered = 0u64;
        for (selection, cut) in source.selections.iter().zip(&cuts) {
            let Ok(quote) = Text::new(cut.text) else {
                cx.summary.warn(
                    format!("PlainTextSelection {}", selection.guid),
                    "selects only whitespace; not imported",
                );
                cx.summary.skip("PlainTextSelection of only whitespace", 1);
                continue;
            };
            covered += cut.text.chars().count() as u64;
            let mut excerpt = Excerpt::new(*selection.guid.as_uuid(), quote, data.id);
            // Our files list each excerpt's speaker; others often only the
            // case of the whole source.
            excerpt.participant = selection_case.get(&selection.guid).copied().or(if ours {
                None
            } else {
                sole_case
            });
            excerpt.location = match selection.description.as_deref() {
                Some(d) if d.starts_with("location: ") => Text::new(&d["location: ".len()..]).ok(),
                Some(_) | None if ours => None,
                _ => Text::new(format!("characters {}-{}", selection.start, selection.end)).ok(),
            };
            if selection
                .description
                .as_deref()
                .is_some_and(|d| !d.starts_with("location: "))
            {
                cx.summary.skip("PlainTextSelection Description", 1);
            }
            cx.summary.skip(
                "PlainTextSelection NoteRef",
                selection.note_refs.len() as u64,
            );
            for coding in &selection.codings {
                cx.summary
                    .skip("Coding NoteRef", coding.note_refs.len() as u64);
                let Some(Mapped::Concept(concept, _)) = codes.get(&coding.code) else {
                    let why = if codes.contains_key(&coding.code) {
                        "a folder code of ours"
                    } else {
                        "a code the codebook does not hold"
                    };
                    cx.summary.warn(
                        format!("Coding {}", coding.guid),
                        format!("refers to {why} ({}); not imported", coding.code),
                    );
                    cx.summary.skip("Coding with an unusable code", 1);
                    continue;
                };
                match finding_at.get(concept) {
                    Some(&at) => {
                        if cited.insert((at, excerpt.id)) {
                            findings[at].2.push(excerpt.id);
                        }
                    }
                    None => {
                        let name = code_names.get(&coding.code).copied().unwrap_or_default();
                        finding_at.insert(concept.clone(), findings.len());
                        cited.insert((findings.len(), excerpt.id));
                        findings.push((concept.clone(), name.to_owned(), vec![excerpt.id]));
                    }
                }
            }
            study.excerpts.push(excerpt);
        }
        let length = text.chars().count() as u64;
        if !ours {
            cx.summary.skip("source text characters outside selections (the model keeps excerpts, not transcripts)", length.saturating_sub(covered));
        }
        study.sources.push(data);
    }
    cx.summary.sources = study.sources.len();
    cx.summary.excerpts = study.excerpts.len();
    for (concept, name, excerpts) in findings {
        let id = derived(&format!(
            "finding:{study_id}:{}/{}",
            concept.kind_code(),
            concept.code()
        ));
        let statement = Text::new(name.as_str())
            .or_else(|_| Text::new(concept.label()))
            .expect("a concept label is not blank");
        let mut finding = Finding::new(*id.as_uuid(), statement);
        finding
            .concepts
            .push(ConceptLink::new(concept.clone(), default_stance(&concept)));
        finding.excerpts = excerpts;
        study.findings.push(finding);
    }

    let coders: Vec<Json> = project
        .users
        .iter()
        .map(|u| {
            let mut user = json!({"guid": u.guid.to_string()});
            if let Some(name) = &u.name {
                user["name"] = json!(name);
            }
            if let Some(id) = &u.id {
                user["id"] = json!(id);
            }
            user
        })
        .collect();
    cx.summary.users = coders.len();
    cx.extension("refi-qda:coders", Json::Array(coders));

    let mut notes = Vec::new();
    if let Some(description) = project
        .description
        .as_deref()
        .filter(|d| !d.trim().is_empty())
    {
        notes.push(description.to_owned());
    }
    for note in &project.notes {
        let text = note.text.text().unwrap_or("").trim();
        let name = note.name.as_deref().unwrap_or("").trim();
        let block = match (name.is_empty(), text.is_empty()) {
            (true, true) => continue,
            (true, false) => text.to_owned(),
            (false, true) => name.to_owned(),
            (false, false) if ours && name.starts_with("Notes: ") => text.to_owned(),
            (false, false) => format!("{name}: {text}"),
        };
        notes.push(block);
        cx.summary.notes += 1;
    }
    study.notes = Text::new(notes.join("\n\n")).ok();
    cx.summary.skip(
        "Set (groups of codes, sources and notes)",
        project
            .sets
            .iter()
            .filter(|s| !ours || !s.member_sources.is_empty() || !s.member_notes.is_empty())
            .count() as u64,
    );
    cx.summary.skip(
        "Code NoteRef",
        project.walk_codes().map(|c| c.note_refs.len() as u64).sum(),
    );
    cx.summary.skip(
        "Project NoteRef",
        if ours {
            0
        } else {
            project.note_refs.len() as u64
        },
    );
    study.extensions = cx.extensions;
    let mut document = Document::new(vec![study]);
    document.concepts = cx.declared;
    Ok(Imported {
        document,
        summary: cx.summary,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_codes() {
        assert_eq!(slug("Peer Mentoring!"), "peer_mentoring");
        assert_eq!(slug("42 things"), "code_42_things");
        assert_eq!(slug("Стигма"), "code");
        for name in ["", "___", "Ä", &"x".repeat(200)] {
            assert!(
                Concept::from_codes(PROJECT_CODE_KIND, &slug(name)).is_ok(),
                "{name}"
            );
        }
    }

    #[test]
    fn person_names_are_spotted() {
        for name in ["Jane", "Jane Doe", "Mary O'Neil", "José García"] {
            assert!(looks_like_person_name(name), "{name}");
        }
        for name in ["P07", "PW-12", "participant 3", "A", "GROUP ONE", ""] {
            assert!(!looks_like_person_name(name), "{name}");
        }
    }

    #[test]
    fn concepts_are_found_in_text() {
        assert_eq!(
            concept_in_text("x\npeer-support code: barrier/low_pay\n")
                .unwrap()
                .code(),
            "low_pay"
        );
        assert_eq!(
            concept_in_text("Supervision (facilitator/supervision)")
                .unwrap()
                .code(),
            "supervision"
        );
        assert!(concept_in_text("and/or facilitator/no_such_code").is_none());
    }
}

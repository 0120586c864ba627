//! A document as a REFI-QDA project.

use std::collections::{HashMap, HashSet};
use std::io::{Seek, Write};

use uuid::Uuid;

use crate::refi_qda::{
    self, Case, Coding, Guid, Note, PlainTextSelection, Project, TextSource, Value, Variable,
    VariableType, VariableValue, XsdDate,
};
use crate::study::{Concept, Document, Study};

use super::ids::{code_guid, derived};
use super::qdc::{ORIGIN, document_codebook};

/// What goes between two excerpts in an exported source's text.
pub(crate) const SEPARATOR: &str = "\n\n";

/// The variables the mapping writes, by name: participant attributes on
/// cases, data-source attributes on sources.
pub(crate) const VARIABLES: [(&str, VariableType); 7] = [
    ("group", VariableType::Text),
    ("role_title", VariableType::Text),
    ("setting", VariableType::Text),
    ("employment", VariableType::Text),
    ("method", VariableType::Text),
    ("round", VariableType::Integer),
    ("interviewer_lived_experience", VariableType::Boolean),
];

/// The GUID of the variable named `name`: the UUID v5 of `variable:{name}`.
pub(crate) fn variable_guid(name: &str) -> Guid {
    derived(&format!("variable:{name}"))
}

/// The date variable of a data source (kept apart: its value type differs).
pub(crate) const DATE_VARIABLE: &str = "date";

/// Why a document cannot be exported.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// An excerpt names a data source its study does not have.
    #[error(
        "excerpt {excerpt}: its source {data_source} is not a data source of study {study}; a REFI-QDA selection must sit in a text source"
    )]
    MissingSource {
        /// The excerpt.
        excerpt: Uuid,
        /// The source it names.
        data_source: Uuid,
        /// Its study.
        study: Uuid,
    },
    /// Two objects of the document share an id, which a project's GUIDs
    /// cannot.
    #[error("id {0} is used twice (REFI-QDA GUIDs must be unique)")]
    DuplicateId(Uuid),
    /// Writing the project failed.
    #[error(transparent)]
    Refi(#[from] refi_qda::Error),
}

fn text_value(guid: Guid, value: &str) -> VariableValue {
    VariableValue::new(guid, Some(Value::Text(value.to_owned())))
}

/// The concepts linked to each excerpt of `study`, by excerpt id: those of
/// the findings that cite it, in finding order, each once.
fn excerpt_concepts(study: &Study) -> HashMap<Uuid, Vec<&Concept>> {
    let mut concepts: HashMap<Uuid, Vec<&Concept>> = HashMap::new();
    let mut linked: HashSet<(Uuid, &Concept)> = HashSet::new();
    for finding in &study.findings {
        for excerpt in &finding.excerpts {
            for link in &finding.concepts {
                if linked.insert((*excerpt, &link.concept)) {
                    concepts.entry(*excerpt).or_default().push(&link.concept);
                }
            }
        }
    }
    concepts
}

/// The GUID of the coding of `excerpt` with `concept`: the UUID v5 of
/// `coding:{excerpt}:{kind}/{code}`.
fn coding_guid(excerpt: Uuid, concept: &Concept) -> Guid {
    derived(&format!(
        "coding:{excerpt}:{}/{}",
        concept.kind_code(),
        concept.code()
    ))
}

/// A document as a REFI-QDA project.
///
/// - Codes: the [document's codebook](super::document_codebook).
/// - Each data source is a `TextSource` (GUID: the source's id) whose text
///   is its excerpts' texts in document order, separated by a blank line;
///   each excerpt is one `PlainTextSelection` (GUID: the excerpt's id,
///   positions in code points, its location as the description) coded
///   with the concepts of every finding that cites it.
/// - Each participant is a `Case` (GUID: the participant's id, name: the
///   pseudonymous code) holding the sources that list them and the
///   excerpts they speak in, with `group`, `role_title`, `setting` and
///   `employment` as text variables. A source's `method`, `round`, `date`
///   and `interviewer_lived_experience` are variables of the source.
/// - Study notes become `Note`s.
///
/// All studies of the document go into one project, named by their titles.
///
/// # Errors
///
/// [`ExportError`] when an excerpt's source is not in its study or an id
/// is used twice.
pub fn document_to_project(document: &Document) -> Result<Project, ExportError> {
    let titles: Vec<&str> = document
        .studies
        .iter()
        .map(|s| s.citation.title.as_str())
        .collect();
    let name = if titles.is_empty() {
        "peer-support document".to_owned()
    } else {
        titles.join("; ")
    };
    let mut project = Project::new(name);
    project.origin = Some(ORIGIN.to_owned());
    let book = document_codebook(document);
    project.codes = book.codes;
    project.sets = book.sets;
    for (name, kind) in VARIABLES {
        project
            .variables
            .push(Variable::new(variable_guid(name), name, kind));
    }
    project.variables.push(Variable::new(
        variable_guid(DATE_VARIABLE),
        DATE_VARIABLE,
        VariableType::Date,
    ));

    let mut ids = HashSet::new();
    let mut unique = |id: Uuid| {
        if ids.insert(id) {
            Ok(())
        } else {
            Err(ExportError::DuplicateId(id))
        }
    };
    for study in &document.studies {
        let first_source = project.sources.len();
        for source in &study.sources {
            unique(source.id)?;
            let mut text_source = TextSource::new(Guid::from_uuid(source.id), String::new());
            text_source.name = Some(format!(
                "{} {}",
                source.method.as_ref().map_or("Source", |m| m.label()),
                project.sources.len() - first_source + 1
            ));
            if let Some(method) = &source.method {
                text_source
                    .variable_values
                    .push(text_value(variable_guid("method"), method.code()));
            }
            if let Some(round) = source.round {
                text_source.variable_values.push(VariableValue::new(
                    variable_guid("round"),
                    Some(Value::Integer(i64::from(round))),
                ));
            }
            if let Some(date) = source.date {
                let date = XsdDate::new(&date.format("%Y-%m-%d").to_string())
                    .expect("a calendar date is an xsd:date");
                text_source.variable_values.push(VariableValue::new(
                    variable_guid(DATE_VARIABLE),
                    Some(Value::Date(date)),
                ));
            }
            if let Some(lived) = source.interviewer_lived_experience {
                text_source.variable_values.push(VariableValue::new(
                    variable_guid("interviewer_lived_experience"),
                    Some(Value::Boolean(lived)),
                ));
            }
            project.sources.push(text_source);
        }
        let mut lengths = vec![0u64; study.sources.len()];
        let mut source_at: HashMap<Uuid, usize> = HashMap::new();
        for (at, source) in study.sources.iter().enumerate() {
            source_at.entry(source.id).or_insert(at);
        }
        let concepts = excerpt_concepts(study);
        for excerpt in &study.excerpts {
            unique(excerpt.id)?;
            let Some(&at) = source_at.get(&excerpt.source) else {
                return Err(ExportError::MissingSource {
                    excerpt: excerpt.id,
                    data_source: excerpt.source,
                    study: study.id,
                });
            };
            let text_source = &mut project.sources[first_source + at];
            let refi_qda::PlainText::Text(text) = &mut text_source.text else {
                unreachable!("built as text above");
            };
            if !text.is_empty() {
                text.push_str(SEPARATOR);
                lengths[at] += SEPARATOR.chars().count() as u64;
            }
            text.push_str(excerpt.text.as_str());
            let start = lengths[at];
            lengths[at] += excerpt.text.chars().count() as u64;
            let mut selection =
                PlainTextSelection::new(Guid::from_uuid(excerpt.id), start, lengths[at]);
            selection.description = excerpt
                .location
                .as_ref()
                .map(|l| format!("location: {}", l.as_str()));
            for concept in concepts.get(&excerpt.id).into_iter().flatten() {
                selection.codings.push(Coding::new(
                    coding_guid(excerpt.id, concept),
                    code_guid(concept.kind_code(), concept.code()),
                ));
            }
            text_source.selections.push(selection);
        }
        // The sources listing each participant and the excerpts each
        // speaks in, in document order, each once.
        let mut source_refs: HashMap<Uuid, Vec<Guid>> = HashMap::new();
        for source in &study.sources {
            for participant in &source.participants {
                let refs = source_refs.entry(*participant).or_default();
                let guid = Guid::from_uuid(source.id);
                if refs.last() != Some(&guid) {
                    refs.push(guid);
                }
            }
        }
        let mut selection_refs: HashMap<Uuid, Vec<Guid>> = HashMap::new();
        for excerpt in &study.excerpts {
            if let Some(participant) = excerpt.participant {
                selection_refs
                    .entry(participant)
                    .or_default()
                    .push(Guid::from_uuid(excerpt.id));
            }
        }
        for participant in &study.participants {
            unique(participant.id)?;
            let mut case = Case::new(Guid::from_uuid(participant.id));
            case.name = Some(participant.code.as_str().to_owned());
            case.variable_values
                .push(text_value(variable_guid("group"), participant.group.code()));
            if let Some(role) = &participant.role_title {
                case.variable_values
                    .push(text_value(variable_guid("role_title"), role.code()));
            }
            if let Some(setting) = &participant.setting {
                case.variable_values
                    .push(text_value(variable_guid("setting"), setting.code()));
            }
            if let Some(employment) = &participant.employment {
                case.variable_values
                    .push(text_value(variable_guid("employment"), employment.code()));
            }
            case.source_refs = source_refs
                .get(&participant.id)
                .cloned()
                .unwrap_or_default();
            case.selection_refs = selection_refs
                .get(&participant.id)
                .cloned()
                .unwrap_or_default();
            project.cases.push(case);
        }
        if let Some(notes) = &study.notes {
            let guid = derived(&format!("note:study:{}", study.id));
            let mut note = Note::new(guid, notes.as_str());
            note.name = Some(format!("Notes: {}", study.citation.title.as_str()));
            project.notes.push(note);
            project.note_refs.push(guid);
        }
    }
    Ok(project)
}

/// Writes `document` as a `.qdpx` project ([`document_to_project`], then
/// [`refi_qda::write_qdpx`]).
///
/// ```
/// use peer_support::interchange::refi;
///
/// let document = peer_support::catalog::seed_studies()?.document;
/// let mut qdpx = std::io::Cursor::new(Vec::new());
/// refi::write_document_qdpx(&document, &mut qdpx)?;
/// let read = peer_support::refi_qda::read_qdpx(std::io::Cursor::new(qdpx.into_inner()))?;
/// assert!(read.summary.is_complete());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`ExportError`] as for [`document_to_project`], or when writing fails.
pub fn write_document_qdpx<W: Write + Seek>(
    document: &Document,
    writer: W,
) -> Result<(), ExportError> {
    let project = document_to_project(document)?;
    refi_qda::write_qdpx(&project, writer)?;
    Ok(())
}

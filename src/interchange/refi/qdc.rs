//! The codebook as REFI-QDA codes and sets.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use crate::codebook::{Codebook, Entry};
use crate::refi_qda::{Code, CodeBook, Color, Set};
use crate::study::{Concept, DeclaredConcept, Document};
use crate::vocabulary::{Kind, Mappings};

use super::ids::{code_guid, derived, kind_guid};

/// The line of a code's description that names its concept; an import
/// reads it back.
pub(crate) const MARKER: &str = "peer-support code: ";

/// The `origin` attribute of what the mapping writes.
pub(crate) const ORIGIN: &str = concat!("peer-support ", env!("CARGO_PKG_VERSION"));

/// Whether `kind` names a vocabulary findings link to (a [`Concept`] kind),
/// rather than one that describes findings or studies (stance, basis,
/// review metadata).
pub(crate) fn is_concept_kind(kind: Kind) -> bool {
    Concept::from_codes(kind.code(), "x").is_ok_and(|c| c.kind().is_some())
}

/// One colour per concept kind, so a tool shows the kinds apart.
pub(crate) fn kind_color(kind: &str) -> Color {
    let rgb: (u8, u8, u8) = match kind {
        "role" => (0x1f, 0x77, 0xb4),
        "employment" => (0xae, 0xc7, 0xe8),
        "way_of_working" => (0x17, 0xbe, 0xcf),
        "stakeholder" => (0x94, 0x67, 0xbd),
        "setting" => (0x8c, 0x56, 0x4b),
        "value" => (0xe3, 0x77, 0xc2),
        "facilitator" => (0x2c, 0xa0, 0x2c),
        "barrier" => (0xd6, 0x27, 0x28),
        "outcome" => (0xff, 0x7f, 0x0e),
        "method" => (0x7f, 0x7f, 0x7f),
        "analysis" => (0xbc, 0xbd, 0x22),
        _ => (0x55, 0x55, 0x55),
    };
    Color::rgb(rgb.0, rgb.1, rgb.2)
}

/// The description of an entry's code: label, definition, the concept's
/// code, framework mappings and sources, one per line.
fn entry_description(entry: &Entry) -> String {
    let mut text = format!("{}\n\n{}\n\n", entry.label, entry.definition);
    let _ = writeln!(text, "{MARKER}{}/{}", entry.kind.code(), entry.code);
    mapping_lines(&entry.mappings, &mut text);
    if !entry.sources.is_empty() {
        text.push_str("Sources:\n");
        for source in entry.sources {
            let _ = writeln!(text, "- {} <{}>", source.reference(), source.url());
        }
    }
    text.truncate(text.trim_end().len());
    text
}

/// How the description lines of an entry's framework mappings start; the
/// import reads back what these begin.
pub(super) const DOMAIN_LINE: &str = "CFIR 2.0 domain: ";
pub(super) const CONSTRUCT_LINE: &str = "CFIR 2.0 construct: ";
pub(super) const CHIME_LINE: &str = "CHIME: ";
pub(super) const BENEFICIARY_LINE: &str = "Beneficiary: ";
pub(super) const DIRECTION_LINE: &str = "Direction: ";
pub(super) const LEVEL_LINE: &str = "Level: ";

fn mapping_lines(mappings: &Mappings, text: &mut String) {
    let lines = [
        (
            DOMAIN_LINE,
            mappings.cfir_domain.map(|m| (m.label(), m.code())),
        ),
        (
            CONSTRUCT_LINE,
            mappings.cfir_construct.map(|m| (m.label(), m.code())),
        ),
        (CHIME_LINE, mappings.chime.map(|m| (m.label(), m.code()))),
        (
            BENEFICIARY_LINE,
            mappings.beneficiary.map(|m| (m.label(), m.code())),
        ),
        (
            DIRECTION_LINE,
            mappings.direction.map(|m| (m.label(), m.code())),
        ),
    ];
    for (prefix, value) in lines {
        if let Some((label, code)) = value {
            let _ = writeln!(text, "{prefix}{label} ({code})");
        }
    }
}

/// The description of a declared concept's code, laid out as an entry's.
fn declared_description(declared: &DeclaredConcept) -> String {
    let mut text = format!("{}\n\n", declared.label.as_str());
    if let Some(definition) = &declared.definition {
        let _ = write!(text, "{}\n\n", definition.as_str());
    }
    let concept = &declared.concept;
    let _ = writeln!(text, "{MARKER}{}/{}", concept.kind_code(), concept.code());
    mapping_lines(&declared.mappings(), &mut text);
    if let Some(level) = &declared.level {
        let _ = writeln!(text, "{LEVEL_LINE}{}", level.code());
    }
    for relation in &declared.relations {
        let _ = writeln!(
            text,
            "{}: {}/{}",
            relation.relation.label(),
            relation.target.kind_code(),
            relation.target.code()
        );
    }
    if !declared.sources.is_empty() {
        text.push_str("Sources:\n");
        for source in &declared.sources {
            match &source.doi {
                Some(doi) => {
                    let _ = writeln!(
                        text,
                        "- {} <https://doi.org/{}>",
                        source.title.as_str(),
                        doi
                    );
                }
                None => {
                    let _ = writeln!(text, "- {}", source.title.as_str());
                }
            }
        }
    }
    text.truncate(text.trim_end().len());
    text
}

/// The codable code of a concept the codebook does not hold (a custom code
/// or a kind this version does not know): named by its code.
pub(crate) fn other_concept_code(concept: &Concept) -> Code {
    let mut code = Code::new(
        code_guid(concept.kind_code(), concept.code()),
        concept.code(),
    );
    code.color = Some(kind_color(concept.kind_code()));
    code.description = Some(format!(
        "{MARKER}{}/{}",
        concept.kind_code(),
        concept.code()
    ));
    code
}

fn kind_folder(kind: &str, label: &str) -> Code {
    let mut folder = Code::new(kind_guid(kind), label);
    folder.is_codable = false;
    folder.color = Some(kind_color(kind));
    folder.description = Some(format!("{MARKER}{kind}"));
    folder
}

/// Builds the tree and the sets from the codebook's concept entries, the
/// `declared` concepts, and `extra` concepts (custom codes and unknown
/// kinds a document uses without declaring them).
fn build(codebook: &Codebook, declared: &[DeclaredConcept], extra: &[Concept]) -> CodeBook {
    let mut folders: Vec<(String, Code)> = Vec::new();
    let mut cfir: BTreeMap<&str, (&str, Vec<_>)> = BTreeMap::new();
    let mut chime: BTreeMap<&str, (&str, Vec<_>)> = BTreeMap::new();
    for kind in Kind::ALL.iter().copied().filter(|k| is_concept_kind(*k)) {
        let mut folder = kind_folder(kind.code(), kind.label());
        for entry in codebook.of_kind(kind) {
            let guid = code_guid(kind.code(), entry.code);
            let mut code = Code::new(guid, entry.label);
            code.color = Some(kind_color(kind.code()));
            code.description = Some(entry_description(entry));
            folder.children.push(code);
            if let Some(domain) = entry.mappings.cfir_domain {
                let set = cfir
                    .entry(domain.code())
                    .or_insert((domain.label(), Vec::new()));
                set.1.push(guid);
            }
            if let Some(process) = entry.mappings.chime {
                let set = chime
                    .entry(process.code())
                    .or_insert((process.label(), Vec::new()));
                set.1.push(guid);
            }
        }
        folders.push((kind.code().to_owned(), folder));
    }
    let mut relations = Vec::new();
    let declared_codes = declared.iter().map(|d| {
        let concept = &d.concept;
        let guid = code_guid(concept.kind_code(), concept.code());
        let mut code = Code::new(guid, d.label.as_str());
        code.color = Some(kind_color(concept.kind_code()));
        code.description = Some(declared_description(d));
        for relation in &d.relations {
            relations.push((d, relation));
        }
        (concept, code)
    });
    let declared_codes: Vec<_> = declared_codes.collect();
    let extra_codes = extra.iter().map(|c| (c, other_concept_code(c)));
    let mut folder_at: HashMap<String, usize> = folders
        .iter()
        .enumerate()
        .map(|(at, (kind, _))| (kind.clone(), at))
        .collect();
    let mut placed: HashSet<_> = folders
        .iter()
        .flat_map(|(_, folder)| folder.children.iter().map(|c| c.guid))
        .collect();
    for (concept, code) in declared_codes.into_iter().chain(extra_codes) {
        let kind = concept.kind_code();
        let at = *folder_at.entry(kind.to_owned()).or_insert_with(|| {
            folders.push((kind.to_owned(), kind_folder(kind, kind)));
            folders.len() - 1
        });
        if placed.insert(code.guid) {
            folders[at].1.children.push(code);
        }
    }
    let mut book = CodeBook::new();
    book.origin = Some(ORIGIN.to_owned());
    book.codes = folders.into_iter().map(|(_, folder)| folder).collect();
    for (prefix, title, groups) in [
        ("cfir_domain", "CFIR 2.0 domain", cfir),
        ("chime", "CHIME process", chime),
    ] {
        for (code, (label, members)) in groups {
            let mut set = Set::new(
                derived(&format!("set:{prefix}:{code}")),
                format!("{title}: {label}"),
            );
            set.description = Some(format!(
                "The codes that map to the {title} {label} ({code})."
            ));
            set.member_codes = members;
            book.sets.push(set);
        }
    }
    // Each relation of a declared concept: a set holding the concept and
    // its target (the REFI-QDA codebook has no relations of its own). A
    // relation stated twice is one set: GUIDs are unique in a project.
    let mut relation_sets = HashSet::new();
    for (declared, relation) in relations {
        let from = &declared.concept;
        let to = &relation.target;
        let name = format!(
            "{}/{} {} {}/{}",
            from.kind_code(),
            from.code(),
            relation.relation.code(),
            to.kind_code(),
            to.code()
        );
        let guid = derived(&format!("set:relation:{name}"));
        if !relation_sets.insert(guid) {
            continue;
        }
        let mut set = Set::new(guid, name.clone());
        set.description = Some(format!(
            "{}: {} ({name}); the first member is the declared concept.",
            relation.relation.label(),
            declared.label.as_str()
        ));
        set.member_codes = vec![code_guid(from.kind_code(), from.code())];
        let target = code_guid(to.kind_code(), to.code());
        if !set.member_codes.contains(&target) {
            set.member_codes.push(target);
        }
        book.sets.push(set);
    }
    book
}

/// The standard codebook as a REFI-QDA codebook (`.qdc`).
///
/// Each concept kind (role, facilitator, barrier, outcome...) is a
/// non-codable parent code; each entry of it a codable code named by its
/// label, whose description holds the label, the definition, the line
/// `peer-support code: KIND/CODE`, the framework mappings and the sources.
/// CFIR 2.0 domains and CHIME processes are sets of the codes mapped to
/// them. GUIDs are [`code_guid`](super::code_guid) and
/// [`kind_guid`](super::kind_guid) (UUID v5 in
/// [`GUID_NAMESPACE`](super::GUID_NAMESPACE)); set GUIDs are the UUID v5 of
/// `set:cfir_domain:{domain}` and `set:chime:{process}`. Each kind has its
/// colour.
///
/// The vocabularies that describe findings and studies rather than what
/// the data says (stance, finding basis, review metadata, GRADE-CERQual)
/// are not codes one applies to text and are left out.
///
/// ```
/// use peer_support::interchange::refi;
/// use peer_support::refi_qda;
///
/// let book = refi::standard_codebook();
/// let facilitators = book.codes.iter().find(|c| c.name == "Facilitator").unwrap();
/// assert!(!facilitators.is_codable);
/// let supervision = facilitators.children.iter().find(|c| c.name == "Supervision").unwrap();
/// assert_eq!(supervision.guid, refi::code_guid("facilitator", "supervision"));
/// assert!(supervision.description.as_deref().unwrap().contains("peer-support code: facilitator/supervision"));
///
/// let xml = refi_qda::write_codebook(&book)?;
/// assert_eq!(refi_qda::read_codebook(&xml)?.value, book);
/// # Ok::<(), refi_qda::Error>(())
/// ```
pub fn standard_codebook() -> CodeBook {
    build(&Codebook::standard(), &[], &[])
}

/// A document's codebook as a REFI-QDA codebook: the
/// [standard codebook](standard_codebook) plus the document's declared
/// concepts (each under its kind's parent code, named by its label, its
/// description laid out as an entry's, with its level and relations), a
/// set for each relation (`KIND/CODE broader KIND/CODE`, the declared
/// concept first), and a code for every concept the document links to
/// without declaring it that the standard codebook does not hold (custom
/// codes, kinds this version does not know), named by its code.
pub fn document_codebook(document: &Document) -> CodeBook {
    build(
        &Codebook::standard(),
        &document.concepts,
        &extra_concepts(document),
    )
}

/// The concepts `document` links to that the standard codebook lacks, in
/// first-use order.
pub(crate) fn extra_concepts(document: &Document) -> Vec<Concept> {
    let declared: HashSet<&Concept> = document.concepts.iter().map(|d| &d.concept).collect();
    let mut seen: HashSet<&Concept> = HashSet::new();
    let mut extra: Vec<Concept> = Vec::new();
    for study in &document.studies {
        for finding in &study.findings {
            for link in &finding.concepts {
                let concept = &link.concept;
                if !concept.is_known() && !declared.contains(concept) && seen.insert(concept) {
                    extra.push(concept.clone());
                }
            }
        }
    }
    extra
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refi_qda;

    #[test]
    fn every_concept_entry_has_a_code_and_the_folders_are_not_codable() {
        let book = standard_codebook();
        let codebook = Codebook::standard();
        let concept_entries = codebook
            .entries()
            .iter()
            .filter(|e| is_concept_kind(e.kind))
            .count();
        let codable = book
            .codes
            .iter()
            .flat_map(|folder| {
                assert!(!folder.is_codable, "{}", folder.name);
                folder.children.iter()
            })
            .filter(|c| c.is_codable)
            .count();
        assert_eq!(codable, concept_entries);
        assert!(book.codes.iter().all(|f| f.name != "Stance"));
        assert!(
            book.sets
                .iter()
                .any(|s| s.name == "CFIR 2.0 domain: Inner Setting")
        );
    }

    #[test]
    fn the_codebook_reads_back_and_is_deterministic() {
        let xml = refi_qda::write_codebook(&standard_codebook()).unwrap();
        assert_eq!(xml, refi_qda::write_codebook(&standard_codebook()).unwrap());
        let read = refi_qda::read_codebook(&xml).unwrap();
        assert!(read.summary.is_complete(), "{:?}", read.summary);
        assert_eq!(read.value, standard_codebook());
    }

    #[test]
    fn a_description_carries_the_code_mappings_and_sources() {
        let codebook = Codebook::standard();
        let entry = codebook.get(Kind::Facilitator, "supervision").unwrap();
        let text = entry_description(entry);
        assert!(text.starts_with("Supervision\n\n"), "{text}");
        assert!(
            text.contains("\npeer-support code: facilitator/supervision\n"),
            "{text}"
        );
        assert!(
            text.contains("CFIR 2.0 domain: Inner Setting (inner_setting)"),
            "{text}"
        );
        assert!(text.contains("\nSources:\n- "), "{text}");
    }
}

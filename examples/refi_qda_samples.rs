//! Writes REFI-QDA sample files for checking against the standard's XSDs
//! with a third-party validator (`tests/refi_qda/validate_xsd.py`):
//!
//! ```sh
//! cargo run --features refi-qda --example refi_qda_samples -- target/refi-qda-samples
//! ```
//!
//! The samples: a codebook and project using every element and attribute
//! the layer writes (as `.qdc`, bare `project.qde` and `.qdpx`), each test
//! fixture read and written again, and 32 projects and codebooks from the
//! property tests' strategies (a fixed seed, so the same files every run),
//! whose text is full of what escaping has to get right; and the mapping's
//! output: the standard codebook, and the bundled catalog and a coded
//! study as projects with their codebooks (`mapped-*`).

use std::error::Error;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use serde_json::json;

use peer_support::interchange::refi;
use peer_support::refi_qda::position;
use peer_support::refi_qda::{
    self, Case, Code, Coding, Color, Decimal, Guid, Note, PlainText, PlainTextSelection, Project,
    Provenance, Set, TextSource, User, Value, Variable, VariableType, VariableValue, XsdDate,
    XsdDateTime,
};
use peer_support::study::{
    Citation, Concept, ConceptLink, DataSource, DeclaredConcept, Document, Excerpt, Finding,
    Participant, ParticipantCode, Relation, Study, Text,
};
use peer_support::vocabulary::{
    Barrier, Facilitator, Method, RelationKind, RoleTitle, Stakeholder, Stance,
};
use uuid::Uuid;

fn main() -> Result<(), Box<dyn Error>> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or("usage: refi_qda_samples OUTPUT_DIR")?,
    );
    std::fs::create_dir_all(&out)?;
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/refi-qda");

    let project = sample_project()?;
    write(
        &out,
        "generated-codebook.qdc",
        &refi_qda::write_codebook(&project.codebook())?,
    )?;
    write(
        &out,
        "generated-project.qde",
        &refi_qda::write_project_qde(&project)?,
    )?;
    write(&out, "generated-project.qdpx", &qdpx(&project)?)?;
    write(
        &out,
        "generated-project.qdpx.expected.jsonl",
        &expectations(&project)?,
    )?;

    for name in [
        "spec-example-codebook.qdc",
        "bom-crlf-codebook.qdc",
        "deep-codebook.qdc",
    ] {
        let book = refi_qda::read_codebook(&std::fs::read(fixtures.join(name))?)?.value;
        write(
            &out,
            &format!("rewritten-{name}"),
            &refi_qda::write_codebook(&book)?,
        )?;
    }
    let quirks =
        refi_qda::read_project_qde(&std::fs::read(fixtures.join("project-quirks.qde"))?)?.value;
    write(
        &out,
        "rewritten-project-quirks.qde",
        &refi_qda::write_project_qde(&quirks)?,
    )?;
    let archive =
        refi_qda::read_qdpx(Cursor::new(zip_folder(&fixtures.join("project-archive"))?))?.value;
    write(&out, "rewritten-project-archive.qdpx", &qdpx(&archive)?)?;
    write(
        &out,
        "rewritten-project-archive.qdpx.expected.jsonl",
        &expectations(&archive)?,
    )?;

    // The mapping's output: the standard codebook, and documents as projects.
    write(
        &out,
        "mapped-standard-codebook.qdc",
        &refi_qda::write_codebook(&refi::standard_codebook())?,
    )?;
    let catalog = peer_support::catalog::seed_studies()?.document;
    let coded = coded_document()?;
    for (name, document) in [("catalog", &catalog), ("coded-study", &coded)] {
        let project = refi::document_to_project(document)?;
        write(&out, &format!("mapped-{name}.qdpx"), &qdpx(&project)?)?;
        write(
            &out,
            &format!("mapped-{name}.qdpx.expected.jsonl"),
            &expectations(&project)?,
        )?;
        write(
            &out,
            &format!("mapped-{name}-codebook.qdc"),
            &refi_qda::write_codebook(&refi::document_codebook(document))?,
        )?;
    }

    let mut runner = TestRunner::deterministic();
    for i in 0..32 {
        let project = strategies::project(false)
            .new_tree(&mut runner)
            .map_err(|e| e.to_string())?
            .current();
        write(
            &out,
            &format!("random-{i:02}.qde"),
            &refi_qda::write_project_qde(&project)?,
        )?;
        let book = strategies::codebook()
            .new_tree(&mut runner)
            .map_err(|e| e.to_string())?
            .current();
        write(
            &out,
            &format!("random-{i:02}.qdc"),
            &refi_qda::write_codebook(&book)?,
        )?;
    }
    Ok(())
}

/// A study with sources, participants, excerpts (emoji, CRLF, markup
/// characters), findings citing them and a declared concept.
fn coded_document() -> Result<Document, Box<dyn Error>> {
    let id = Uuid::from_u128;
    let mut study = Study::new(
        id(1),
        Citation::new(Text::new("Peer support in crisis teams")?),
    );
    let mut p1 = Participant::new(
        id(10),
        ParticipantCode::new("P01")?,
        Stakeholder::PeerWorker,
    );
    p1.role_title = Some(RoleTitle::PeerSupportWorker);
    study.participants.push(p1);
    study.participants.push(Participant::new(
        id(11),
        ParticipantCode::new("SU-02")?,
        Stakeholder::ServiceUser,
    ));
    for (n, participant) in [(20, 10), (21, 11)] {
        let mut source = DataSource::new(id(n));
        source.method = Some(Method::SemiStructuredInterview);
        source.participants.push(id(participant));
        study.sources.push(source);
    }
    let quotes = [
        (
            30,
            20,
            10,
            "My supervisor listened 😀 and that <kept> me going.",
        ),
        (31, 20, 10, "The pay was low &\r\nthe hours were long."),
        (32, 21, 11, "She had been there too: hope 🇬🇧 was real."),
    ];
    for (n, source, participant, text) in quotes {
        let mut excerpt = Excerpt::new(id(n), Text::new(text)?, id(source));
        excerpt.participant = Some(id(participant));
        excerpt.location = Some(Text::new(format!("p. {n}"))?);
        study.excerpts.push(excerpt);
    }
    let circles = Facilitator::from_code("peer_mentoring_circles")?;
    for (n, concept, stance, excerpts) in [
        (
            40,
            Concept::from(Facilitator::Supervision),
            Stance::Facilitator,
            vec![30],
        ),
        (
            41,
            Concept::from(Barrier::LowPay),
            Stance::Barrier,
            vec![31],
        ),
        (
            42,
            Concept::from(circles.clone()),
            Stance::Facilitator,
            vec![30, 32],
        ),
    ] {
        let mut finding = Finding::new(id(n), Text::new("A finding")?);
        finding.concepts.push(ConceptLink::new(concept, stance));
        finding.excerpts = excerpts.into_iter().map(id).collect();
        study.findings.push(finding);
    }
    let mut document = Document::new(vec![study]);
    let mut declared = DeclaredConcept::new(circles, Text::new("Peer mentoring circles")?);
    declared.definition = Some(Text::new("Peer workers meeting to support each other.")?);
    declared.relations.push(Relation::new(
        RelationKind::Broader,
        Facilitator::Supervision,
    ));
    document.concepts.push(declared);
    Ok(document)
}

#[path = "../tests/refi_qda/strategies.rs"]
mod strategies;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(dir.join(name), bytes)?;
    println!("{}", dir.join(name).display());
    Ok(())
}

fn qdpx(project: &Project) -> Result<Vec<u8>, refi_qda::Error> {
    let mut bytes = Cursor::new(Vec::new());
    refi_qda::write_qdpx(project, &mut bytes)?;
    Ok(bytes.into_inner())
}

/// What another reader should find in the `.qdpx` of `project`, one JSON
/// object a line, for `tests/refi_qda/check_pyrefiqda.py`: every code, every
/// text source with its text, and every selection with the text this crate
/// cuts for it and the unit its positions were read in.
fn expectations(project: &Project) -> Result<Vec<u8>, Box<dyn Error>> {
    let mut lines = Vec::new();
    for code in project.walk_codes() {
        lines.push(json!({"kind": "code", "guid": code.guid.to_string(), "name": code.name}));
    }
    for source in &project.sources {
        let Some(text) = source.text.text() else {
            continue;
        };
        lines.push(json!({"kind": "source", "guid": source.guid.to_string(), "name": source.name, "text": text}));
        let cuts = position::cut_selections(text, &source.selections)?;
        for (selection, cut) in source.selections.iter().zip(cuts) {
            let codes: Vec<String> = selection
                .codings
                .iter()
                .map(|c| c.code.to_string())
                .collect();
            lines.push(json!({
                "kind": "selection",
                "guid": selection.guid.to_string(),
                "source": source.guid.to_string(),
                "start": selection.start,
                "end": selection.end,
                "unit": format!("{:?}", cut.unit),
                "text": cut.text,
                "codes": codes,
            }));
        }
    }
    Ok(lines
        .iter()
        .map(|line| format!("{line}\n"))
        .collect::<String>()
        .into_bytes())
}

/// A folder holding `project.qde` and `sources/` as a `.qdpx`.
fn zip_folder(folder: &Path) -> Result<Vec<u8>, Box<dyn Error>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("project.qde", options)?;
    zip.write_all(&std::fs::read(folder.join("project.qde"))?)?;
    let mut sources: Vec<PathBuf> = std::fs::read_dir(folder.join("sources"))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    sources.sort();
    for path in sources {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or("file name")?;
        zip.start_file(format!("sources/{name}"), options)?;
        zip.write_all(&std::fs::read(&path)?)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// A project with every element, attribute and value type the layer writes.
fn sample_project() -> Result<Project, Box<dyn Error>> {
    let id = |n: u128| Guid::from_u128(0x5eed_0000_0000_4000_8000_0000_0000_0000 | n);
    let when = XsdDateTime::new("2024-05-01T09:30:00Z")?;
    let mut provenance = Provenance::new();
    provenance.creating_user = Some(id(1));
    provenance.created = Some(when.clone());
    provenance.modifying_user = Some(id(2));
    provenance.modified = Some(XsdDateTime::new("2024-05-02T10:00:00.25+02:00")?);

    let mut project = Project::new("Peer support \"evaluation\" <2024> & more");
    project.origin = Some("peer-support refi_qda_samples".into());
    project.base_path = Some("/data/peer-support".into());
    project.provenance = provenance.clone();
    let mut user = User::new(id(1));
    user.name = Some("Researcher A".into());
    user.id = Some("ra".into());
    project.users = vec![user, User::new(id(2))];

    let mut barriers = Code::new(id(10), "Barriers");
    barriers.is_codable = false;
    barriers.description = Some("What makes peer work harder:\r\n\tstigma, role confusion".into());
    let mut stigma = Code::new(id(11), "Stigma");
    stigma.color = Some(Color::rgb(0xF0, 0, 0x82));
    stigma.note_refs = vec![id(60)];
    barriers.children.push(stigma);
    let mut hope = Code::new(id(12), "Hope");
    hope.color = Some(Color::rgb(0x33, 0xCC, 0x33));
    project.codes = vec![barriers, hope];

    let kinds = VariableType::ALL;
    project.variables = kinds
        .iter()
        .enumerate()
        .map(|(i, &kind)| {
            let mut variable = Variable::new(id(20 + i as u128), kind.as_str(), kind);
            variable.description = Some(format!("A {kind} variable"));
            variable
        })
        .collect();
    let values = [
        Value::Text("Peer support worker".into()),
        Value::Boolean(true),
        Value::Integer(-34),
        Value::Float(Decimal::new(0.000_012_5).ok_or("finite")?),
        Value::Date(XsdDate::new("2021-09-01")?),
        Value::DateTime(when.clone()),
    ];
    let mut case = Case::new(id(30));
    case.name = Some("Participant 01".into());
    case.description = Some("One participant".into());
    case.code_refs = vec![id(12)];
    case.variable_values = values
        .into_iter()
        .enumerate()
        .map(|(i, value)| VariableValue::new(id(20 + i as u128), Some(value)))
        .chain([VariableValue::new(id(20), None)])
        .collect();
    case.source_refs = vec![id(40)];
    case.selection_refs = vec![id(50)];
    project.cases = vec![case];

    let text = "Interviewer: How was it?\r\nParticipant: 😞 at first I felt judged; now 💙.\n";
    let mut source = TextSource::new(id(40), text);
    source.name = Some("Interview 01".into());
    source.description = Some("Transcript".into());
    source.rich_text_path = Some("internal://5eed0000-0000-4000-8000-0000000000ff.docx".into());
    source.provenance = provenance.clone();
    // Code points, as the standard counts them.
    let start = text[..text.find("felt judged").ok_or("quote")?]
        .chars()
        .count() as u64;
    let mut selection = PlainTextSelection::new(id(50), start, start + 11);
    selection.name = Some("felt judged".into());
    selection.description = Some("Stigma, in their words".into());
    selection.provenance = provenance;
    let mut coding = Coding::new(id(51), id(11));
    coding.creating_user = Some(id(1));
    coding.created = Some(when);
    coding.note_refs = vec![id(60)];
    selection.codings.push(coding);
    selection.note_refs = vec![id(61)];
    source.selections.push(selection);
    source.codings.push(Coding::new(id(52), id(12)));
    source.note_refs = vec![id(60)];
    source.variable_values = vec![VariableValue::new(id(22), Some(Value::Integer(1)))];
    let mut external = TextSource::new(id(41), "");
    external.text = PlainText::Unresolved("relative:///transcripts/02.txt".into());
    let mut empty = TextSource::new(id(42), "");
    empty.text = PlainText::None;
    project.sources = vec![source, external, empty];

    let mut memo = Note::new(id(60), "Stigma comes up in every interview.");
    memo.name = Some("Memo".into());
    memo.description = Some("Analytic memo".into());
    let mut file_note = Note::new(id(61), "");
    file_note.text = PlainText::Unresolved("absolute:///data/notes/61.txt".into());
    project.notes = vec![memo, file_note];

    let mut set = Set::new(id(70), "Interviews");
    set.description = Some("Everything from the interviews".into());
    set.member_codes = vec![id(11), id(12)];
    set.member_sources = vec![id(40)];
    set.member_notes = vec![id(60)];
    project.sets = vec![set, Set::new(id(71), "Empty set")];
    project.description = Some("A generated sample".into());
    project.note_refs = vec![id(60)];
    Ok(project)
}

//! REFI-QDA exchange files: the hand-written fixtures in
//! `tests/fixtures/refi-qda/` (quirks real producers write), archives built
//! from them, round trips of generated projects and codebooks, and reading
//! damaged input without panicking. Hostile archives are in
//! `tests/refi_qda_hostile.rs`.
#![cfg(feature = "refi-qda")]

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use peer_support::refi_qda::position::{self, Evidence, Unit};
use peer_support::refi_qda::{
    self, Code, CodeBook, Coding, Color, Error, Guid, Limits, PlainText, PlainTextSelection,
    Project, TextSource, Value, WarningKind, XmlProblem,
};
use proptest::prelude::*;

mod common;
#[path = "refi_qda/strategies.rs"]
mod strategies;

/// 64 cases, or `PROPTEST_CASES`; failures are reproduced from the printed
/// seed, with no files written to the tree.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: common::cases(64),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/refi-qda")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(name)).unwrap()
}

fn guid(text: &str) -> Guid {
    text.parse().unwrap()
}

/// The `project-archive` fixture folder as a `.qdpx`, with `project.qde`
/// and `sources/` renamed by `rename` (to test how names are matched).
fn zip_fixture_folder(rename: impl Fn(&str) -> String) -> Vec<u8> {
    let root = fixtures().join("project-archive");
    let mut names = vec!["project.qde".to_owned()];
    let mut sources: Vec<String> = std::fs::read_dir(root.join("sources"))
        .unwrap()
        .map(|e| format!("sources/{}", e.unwrap().file_name().to_str().unwrap()))
        .collect();
    sources.sort();
    names.extend(sources);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for name in names {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file(rename(&name), options).unwrap();
        zip.write_all(&std::fs::read(root.join(&name)).unwrap())
            .unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn read_fixture_archive() -> refi_qda::Parsed<Project> {
    refi_qda::read_qdpx(Cursor::new(zip_fixture_folder(str::to_owned))).unwrap()
}

fn qdpx_bytes(project: &Project) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    refi_qda::write_qdpx(project, &mut out).unwrap();
    out.into_inner()
}

#[test]
fn the_specification_codebook_example_reads_with_every_guid_spelling() {
    let parsed = refi_qda::read_codebook(&fixture("spec-example-codebook.qdc")).unwrap();
    assert!(parsed.summary.is_complete(), "{:?}", parsed.summary);
    assert_eq!(
        parsed.summary.namespace.as_deref(),
        Some(refi_qda::CODEBOOK_NAMESPACE)
    );
    let book = parsed.value;
    let names: Vec<&str> = book.codes.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Topics",
            "Economy",
            "Health care",
            "Values",
            "Conservatives",
            "Liberals"
        ]
    );
    assert_eq!(
        book.codes[1].guid,
        guid("D7AA29DA-519B-4946-9B90-253B6DB8FD0A")
    );
    assert_eq!(
        book.codes[3].guid.to_string(),
        "9fa9bcb7-5b59-47a9-8c3e-f65cffdc7520"
    );
    assert_eq!(book.codes[1].color, Some(Color::rgb(255, 255, 0)));
    assert!(!book.codes[0].is_codable && book.codes[0].description.is_none());
    assert_eq!(
        book.codes[2].description.as_deref(),
        Some("Health care issues, doctor, patients, etc.")
    );
}

#[test]
fn a_bom_crlf_codebook_keeps_its_line_ends_and_counts_extensions() {
    let parsed = refi_qda::read_codebook(&fixture("bom-crlf-codebook.qdc")).unwrap();
    let book = &parsed.value;
    assert_eq!(book.origin.as_deref(), Some("Hand-written fixture"));
    let barriers = &book.codes[0];
    assert_eq!(barriers.guid, guid("a1b2c3d4-0001-4000-8000-00000000000a"));
    let stigma = &barriers.children[0];
    assert!(stigma.is_codable);
    assert_eq!(stigma.color, None);
    assert_eq!(
        stigma.description.as_deref(),
        Some("Being treated as less\r\nbecause of a diagnosis.")
    );
    let role = &barriers.children[1];
    assert_eq!(role.name, "Role confusion & \"boundaries\"");
    assert_eq!(role.color, Some(Color::rgb(0, 255, 0)));
    let facilitators = &book.codes[1];
    assert!(!facilitators.is_codable);
    assert_eq!(facilitators.children[0].description.as_deref(), Some(""));
    assert_eq!(
        book.sets[0].member_codes,
        [role.guid, facilitators.children[0].guid]
    );
    // The vendor element (and what is inside it) and attribute are counted.
    let summary = &parsed.summary;
    assert_eq!(summary.unknown.get("VendorExtension"), Some(&1));
    assert_eq!(summary.unknown.get("Inner"), Some(&1));
    assert_eq!(summary.unknown_attributes.get("Code@vendor:rank"), Some(&1));
    assert!(summary.not_modelled.is_empty() && summary.warnings.is_empty());
    // Written out, it reads back the same, CRLF included.
    let written = refi_qda::write_codebook(book).unwrap();
    assert!(
        String::from_utf8(written.clone())
            .unwrap()
            .contains("less&#13;\nbecause")
    );
    assert_eq!(&refi_qda::read_codebook(&written).unwrap().value, book);
}

#[test]
fn codes_nested_25_deep_read_write_and_hit_a_clear_depth_limit() {
    let xml = fixture("deep-codebook.qdc");
    let book = refi_qda::read_codebook(&xml).unwrap().value;
    let depth = std::iter::successors(book.codes.first(), |c| c.children.first()).count();
    assert_eq!(depth, 25);
    assert_eq!(book.walk().count(), 25);
    assert_eq!(book.walk().last().unwrap().name, "Level 25");
    let written = refi_qda::write_codebook(&book).unwrap();
    assert_eq!(refi_qda::read_codebook(&written).unwrap().value, book);

    let mut limits = Limits::default();
    limits.max_depth = 20;
    match refi_qda::read_codebook_with(&xml, &limits).unwrap_err() {
        Error::Xml { location, problem } => {
            assert_eq!(problem, XmlProblem::TooDeep { limit: 20 });
            assert!(
                location
                    .element
                    .starts_with("CodeBook/Codes/Code[1]/Code[1]/"),
                "{location}"
            );
            // Level 18 is at depth 20; its Description is the first element deeper.
            assert_eq!(location.element.matches("Code[1]").count(), 18);
            assert!(location.element.ends_with("/Description"), "{location}");
        }
        other => panic!("{other}"),
    }
}

#[test]
fn a_doctype_with_entities_is_refused_not_expanded() {
    let err = refi_qda::read_codebook(&fixture("doctype-entities.qdc")).unwrap_err();
    let Error::Xml { location, problem } = &err else {
        panic!("{err}")
    };
    assert_eq!(*problem, XmlProblem::Doctype);
    assert_eq!(location.element, "(document)");
    assert!(location.offset.is_some());
    assert!(
        err.to_string().contains("<!DOCTYPE> (DTD) is refused"),
        "{err}"
    );
}

#[test]
fn a_quirky_project_reads_and_counts_everything_it_does_not_model() {
    let parsed = refi_qda::read_project_qde(&fixture("project-quirks.qde")).unwrap();
    let project = &parsed.value;
    let summary = &parsed.summary;
    assert_eq!(project.name, "Quirks");
    assert_eq!(project.base_path.as_deref(), Some("C:/PROJECT/Sources"));
    assert_eq!(
        project.provenance.creating_user,
        Some(guid("c0000000-0000-4000-8000-000000000001"))
    );
    assert_eq!(
        project.provenance.created, None,
        "an unusable date is dropped"
    );
    assert_eq!(project.users.len(), 2);
    assert_eq!(project.users[1].name, None);
    let recovery = &project.codes[0].children[0];
    assert_eq!(recovery.color, None);
    assert_eq!(
        recovery.note_refs,
        [guid("c0000000-0000-4000-8000-0000000000a1")]
    );
    assert_eq!(
        project.cases[0].variable_values[0].value, None,
        "twelve is no integer"
    );

    let texts: Vec<&PlainText> = project.sources.iter().map(|s| &s.text).collect();
    assert_eq!(
        texts,
        [
            &PlainText::Text("Inline text wins over the path.".into()),
            &PlainText::Unresolved("relative:///transcripts/03.txt".into()),
            &PlainText::Unresolved("absolute:///C:/PROJECT/Sources/04.txt".into()),
            &PlainText::Unresolved("internal://c0000000-0000-4000-8000-00000000005b.txt".into()),
        ]
    );
    assert_eq!(
        project.sources[0].selections[0].codings[0].code,
        recovery.guid
    );
    assert_eq!(
        project.notes[0].text.text(),
        Some("Recovery is not linear.")
    );
    let set = &project.sets[0];
    assert_eq!(set.member_sources, [project.sources[0].guid]);
    assert_eq!(set.member_notes, [project.notes[0].guid]);

    let count = |map: &std::collections::BTreeMap<String, u64>, name: &str| {
        map.get(name).copied().unwrap_or(0)
    };
    for (name, n) in [
        ("PictureSource", 1),
        ("PictureSelection", 1),
        ("PDFSource", 1),
        ("Representation", 1),
        ("AudioSource", 1),
        ("VideoSource", 1),
        ("Transcript", 1),
        ("SyncPoint", 1),
        ("VideoSelection", 1),
        ("Links", 1),
        ("Link", 1),
        ("Graphs", 1),
        ("Graph", 1),
        ("Vertex", 2),
        ("Edge", 1),
        // The picture's coding, and the PDF's and the note's selections.
        ("Coding", 1),
        ("CodeRef", 1),
        ("PlainTextSelection", 2),
    ] {
        assert_eq!(
            count(&summary.not_modelled, name),
            n,
            "{name}: {:?}",
            summary.not_modelled
        );
    }
    assert_eq!(summary.not_modelled.values().sum::<u64>(), 20);
    for name in ["VendorSettings", "Setting", "Sets", "Set"] {
        assert_eq!(
            count(&summary.unknown, name),
            1,
            "{name}: {:?}",
            summary.unknown
        );
    }
    assert_eq!(
        count(&summary.unknown_attributes, "TextSource@vendor:pages"),
        1
    );
    assert_eq!(summary.unresolved_paths, 3);
    assert_eq!(
        summary.namespace.as_deref(),
        Some("urn:QDA-XML:project:0:10")
    );

    let kinds: Vec<&WarningKind> = summary.warnings.iter().map(|w| &w.kind).collect();
    assert!(
        matches!(kinds[0], WarningKind::Namespace { .. }),
        "{kinds:?}"
    );
    assert!(
        matches!(kinds[1], WarningKind::DroppedAttribute { attribute, .. } if attribute == "creationDateTime")
    );
    assert!(
        matches!(kinds[2], WarningKind::DroppedAttribute { attribute, .. } if attribute == "color")
    );
    assert!(
        matches!(kinds[3], WarningKind::DroppedValue { element, .. } if element == "IntegerValue")
    );
    assert!(matches!(kinds[4], WarningKind::ContentAndPath { .. }));
    assert!(matches!(
        kinds[5],
        WarningKind::LenientReference { found_in: "guid" }
    ));
    assert!(matches!(
        kinds[6],
        WarningKind::LenientReference { found_in: "text" }
    ));
    assert_eq!(kinds.len(), 10, "{kinds:?}");
    assert!(
        kinds[7..]
            .iter()
            .all(|k| matches!(k, WarningKind::UnresolvedPath { .. }))
    );
    let lines: Vec<String> = summary.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines[2],
        format!(
            "Project/CodeBook/Codes/Code[1]/Code[1] (byte {}): dropped attribute \"color\" = \"red\": \"red\" is not a colour: expected #RRGGBB or #RGB",
            String::from_utf8(fixture("project-quirks.qde"))
                .unwrap()
                .find("<Code guid=\"{c0000000")
                .unwrap()
        )
    );
    assert_eq!(
        lines[9],
        "Project/Sources/TextSource[@guid='c0000000-0000-4000-8000-00000000005b']: text at \"internal://c0000000-0000-4000-8000-00000000005b.txt\" not read: project.qde read without its archive"
    );

    // What was read writes out and reads back the same, now complete but
    // for the unresolved paths.
    let written = refi_qda::write_project_qde(project).unwrap();
    let again = refi_qda::read_project_qde(&written).unwrap();
    assert_eq!(&again.value, project);
    assert!(again.summary.not_modelled.is_empty() && again.summary.unknown.is_empty());
    assert_eq!(again.summary.unresolved_paths, 3);
}

#[test]
fn a_qdpx_resolves_internal_texts_with_bom_crlf_and_utf16_positions() {
    let parsed = read_fixture_archive();
    let project = &parsed.value;
    let summary = &parsed.summary;
    assert_eq!(
        summary.unresolved_paths, 1,
        "only the relative path: {:?}",
        summary.warnings
    );
    assert_eq!(summary.unread_entries, 2, "the DOCX and the JPEG");
    assert_eq!(
        summary.not_modelled.keys().collect::<Vec<_>>(),
        [
            "Graph",
            "Graphs",
            "PictureSelection",
            "PictureSource",
            "Vertex"
        ]
    );
    assert!(summary.unknown.is_empty() && summary.unknown_attributes.is_empty());
    assert_eq!(summary.warnings.len(), 1);

    // Windows text: the BOM is gone, CRLF stays, code-point positions.
    let interview = &project.sources[0];
    assert_eq!(interview.guid, guid("d0000000-0000-4000-8000-000000000001"));
    let text = interview.text.text().unwrap();
    assert!(text.starts_with("Interviewer:") && text.contains("group?\r\nParticipant"));
    let cuts = position::cut_selections(text, &interview.selections).unwrap();
    assert_eq!(
        cuts.iter().map(|c| c.text).collect::<Vec<_>>(),
        ["felt judged", "gave me hope"]
    );
    assert_eq!(
        (cuts[0].unit, cuts[0].evidence),
        (Unit::CodePoints, Evidence::Same)
    );
    assert_eq!(
        interview.selections[1].codings[0].note_refs,
        [guid("d0000000-0000-4000-8000-0000000000a1")]
    );
    assert_eq!(
        interview.rich_text_path.as_deref(),
        Some("internal://D0000000-0000-4000-8000-000000000003.docx")
    );

    // Emoji, and a producer that counted UTF-16 units.
    let second = &project.sources[1];
    let text = second.text.text().unwrap();
    let cuts = position::cut_selections(text, &second.selections).unwrap();
    assert_eq!(
        cuts.iter().map(|c| c.text).collect::<Vec<_>>(),
        ["before", "help others"]
    );
    assert_eq!(
        (cuts[1].unit, cuts[1].evidence),
        (Unit::Utf16, Evidence::OnlyFit)
    );
    // Read as code points, the same positions are wrong, and say so.
    let err = position::cut_as(
        text,
        second.selections[1].start,
        second.selections[1].end,
        Unit::CodePoints,
    )
    .unwrap_err();
    assert_eq!(
        err.kind,
        position::PositionErrorKind::NotIn(Unit::CodePoints)
    );

    assert_eq!(
        project.sources[2].text,
        PlainText::Unresolved("relative:///elsewhere/05.txt".into())
    );
    assert_eq!(
        project.notes[1].text.text(),
        Some("A memo kept as a file.\r\n")
    );

    let case = &project.cases[0];
    let values: Vec<Option<&Value>> = case
        .variable_values
        .iter()
        .map(|v| v.value.as_ref())
        .collect();
    assert_eq!(values.len(), 7);
    assert_eq!(values[0], Some(&Value::Integer(34)));
    assert_eq!(values[2], Some(&Value::Boolean(true)));
    assert!(matches!(values[3], Some(Value::Float(f)) if f.get() == 22.5));
    assert_eq!(values[6], None);
    assert_eq!(case.source_refs, [interview.guid]);
    assert_eq!(project.users[0].id.as_deref(), Some("ia"));
    assert_eq!(
        project.description.as_deref(),
        Some("Two interviews from a peer support evaluation")
    );
}

#[test]
fn archive_names_match_ignoring_case() {
    // ATLAS.ti writes Project.qde and Sources/ (the standard's own example).
    let capitalised = zip_fixture_folder(|name| {
        name.replace("project.qde", "Project.qde")
            .replace("sources/", "Sources/")
    });
    let parsed = refi_qda::read_qdpx(Cursor::new(capitalised)).unwrap();
    assert_eq!(parsed.value, read_fixture_archive().value);
}

#[test]
fn written_archives_are_deterministic_and_hold_texts_as_files() {
    let project = read_fixture_archive().value;
    let bytes = qdpx_bytes(&project);
    assert_eq!(bytes, qdpx_bytes(&project));
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
    assert_eq!(
        names,
        [
            "project.qde",
            "sources/d0000000-0000-4000-8000-000000000001.txt",
            "sources/d0000000-0000-4000-8000-000000000002.txt",
        ]
    );
    for i in 0..archive.len() {
        let entry = archive.by_index(i).unwrap();
        let time = entry.last_modified().unwrap();
        assert_eq!(
            (
                time.year(),
                time.month(),
                time.day(),
                time.hour(),
                time.minute()
            ),
            (1980, 1, 1, 0, 0)
        );
    }
    let qde = std::io::read_to_string(archive.by_name("project.qde").unwrap()).unwrap();
    assert!(qde.contains(r#"plainTextPath="internal://d0000000-0000-4000-8000-000000000001.txt""#));
    assert!(
        !qde.contains("Interviewer:"),
        "source texts are files, not inline"
    );
    assert!(
        qde.contains("<PlainTextContent>Stigma comes up in every interview.</PlainTextContent>"),
        "notes stay inline"
    );
    let text = std::io::read_to_string(
        archive
            .by_name("sources/d0000000-0000-4000-8000-000000000001.txt")
            .unwrap(),
    )
    .unwrap();
    assert!(text.starts_with("Interviewer:"), "no BOM");

    let again = refi_qda::read_qdpx(Cursor::new(bytes)).unwrap();
    assert_eq!(again.value, project);
    assert_eq!(again.summary.unresolved_paths, 1);
}

#[test]
fn two_text_sources_with_one_guid_cannot_share_an_archive() {
    let mut project = Project::new("p");
    project
        .sources
        .push(TextSource::new(Guid::from_u128(7), "a"));
    project
        .sources
        .push(TextSource::new(Guid::from_u128(7), "b"));
    let err = refi_qda::write_qdpx(&project, Cursor::new(Vec::new())).unwrap_err();
    assert!(
        err.to_string()
            .contains("two text sources have GUID 00000000-0000-0000-0000-000000000007"),
        "{err}"
    );
}

#[test]
fn ten_thousand_selections_read_write_and_cut_quickly() {
    let paragraph = "Peer support helped 💙 me find work again. ";
    let text = paragraph.repeat(10_000);
    let mut project = Project::new("Large");
    let code = Guid::from_u128(1);
    project.codes.push(Code::new(code, "Work"));
    let mut source = TextSource::new(Guid::from_u128(2), text.clone());
    let per = paragraph.chars().count() as u64;
    assert_eq!(
        paragraph.chars().skip(25).take(9).collect::<String>(),
        "find work"
    );
    for i in 0..10_000u64 {
        let start = i * per + 25;
        let mut selection =
            PlainTextSelection::new(Guid::from_u128(u128::from(i) + 10), start, start + 9);
        selection
            .codings
            .push(Coding::new(Guid::from_u128(u128::from(i) + 100_000), code));
        source.selections.push(selection);
    }
    project.sources.push(source);
    let started = std::time::Instant::now();
    let bytes = qdpx_bytes(&project);
    let read = refi_qda::read_qdpx(Cursor::new(bytes)).unwrap().value;
    assert_eq!(read, project);
    let source = &read.sources[0];
    let cuts = position::cut_selections(source.text.text().unwrap(), &source.selections).unwrap();
    assert!(cuts.iter().all(|c| c.text == "find work"));
    assert_eq!(cuts[0].unit, Unit::CodePoints);
    // Generous for a debug build on a busy machine; quadratic work would take minutes.
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn projects_round_trip_through_qdpx(project in strategies::project(true)) {
        let bytes = qdpx_bytes(&project);
        prop_assert_eq!(&bytes, &qdpx_bytes(&project));
        let read = refi_qda::read_qdpx(Cursor::new(bytes)).unwrap();
        prop_assert_eq!(&read.value, &project);
        prop_assert!(read.summary.not_modelled.is_empty() && read.summary.unknown.is_empty());
        prop_assert!(read.summary.unknown_attributes.is_empty());
    }

    #[test]
    fn projects_round_trip_through_project_qde(project in strategies::project(false)) {
        let xml = refi_qda::write_project_qde(&project).unwrap();
        let read = refi_qda::read_project_qde(&xml).unwrap();
        prop_assert_eq!(&read.value, &project);
        prop_assert_eq!(refi_qda::write_project_qde(&read.value).unwrap(), xml);
    }

    #[test]
    fn codebooks_round_trip_through_qdc(book in strategies::codebook()) {
        let xml = refi_qda::write_codebook(&book).unwrap();
        let read = refi_qda::read_codebook(&xml).unwrap();
        prop_assert!(read.summary.is_complete(), "{:?}", read.summary);
        prop_assert_eq!(&read.value, &book);
    }

    #[test]
    fn a_projects_codebook_is_always_writable(project in strategies::project(false)) {
        let mut book = project.codebook();
        if book.codes.is_empty() {
            book.codes.push(Code::new(Guid::from_u128(1), "placeholder"));
        }
        let xml = refi_qda::write_codebook(&book).unwrap();
        prop_assert_eq!(refi_qda::read_codebook(&xml).unwrap().value, book);
    }

    #[test]
    fn reading_damaged_xml_never_panics(
        which in 0usize..4,
        cuts in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let names = ["spec-example-codebook.qdc", "bom-crlf-codebook.qdc", "project-quirks.qde", "project-archive/project.qde"];
        let mut bytes = fixture(names[which]);
        for (at, len, byte) in cuts {
            let at = at.index(bytes.len());
            match byte % 3 {
                0 => bytes[at] = byte,
                1 => { let end = (at + len.index(16)).min(bytes.len()); bytes.drain(at..end); }
                _ => { let copy = bytes[at..(at + len.index(64)).min(bytes.len())].to_vec(); bytes.splice(at..at, copy); }
            }
            if bytes.is_empty() { break; }
        }
        let _ = refi_qda::read_codebook(&bytes);
        let _ = refi_qda::read_project_qde(&bytes);
    }

    #[test]
    fn reading_damaged_archives_never_panics(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = zip_fixture_folder(str::to_owned);
        for (at, byte) in flips {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        let _ = refi_qda::read_qdpx(Cursor::new(bytes));
    }

    #[test]
    fn reading_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = refi_qda::read_codebook(&bytes);
        let _ = refi_qda::read_project_qde(&bytes);
        let _ = refi_qda::read_qdpx(Cursor::new(bytes));
    }
}

#[test]
fn codebook_write_is_canonical() {
    let mut book = CodeBook::new();
    let mut code = Code::new(guid("{D7AA29DA-519B-4946-9B90-253B6DB8FD0A}"), "Économie");
    code.color = Some("#ff0".parse().unwrap());
    code.description = Some("line 1\r\nline 2\ttab <&>".into());
    book.codes.push(code);
    let xml = String::from_utf8(refi_qda::write_codebook(&book).unwrap()).unwrap();
    assert_eq!(
        xml,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\">\n  <Codes>\n    <Code guid=\"d7aa29da-519b-4946-9b90-253b6db8fd0a\" name=\"Économie\" isCodable=\"true\" color=\"#FFFF00\">\n      <Description>line 1&#13;\nline 2\ttab &lt;&amp;&gt;</Description>\n    </Code>\n  </Codes>\n</CodeBook>\n"
    );
}

//! The mapping between documents and REFI-QDA projects: the round trip
//! (property-tested), and imports of hand-written projects with the quirks
//! real producers write.

#![cfg(feature = "refi-qda")]

#[allow(dead_code)]
#[path = "refi_qda/raw_zip.rs"]
mod raw_zip;

use std::collections::BTreeSet;
use std::io::Cursor;

use peer_support::interchange::refi::{self, CodeMap, ImportError, ImportOptions, Imported};
use peer_support::study::{
    Citation, Concept, ConceptLink, DataSource, DeclaredConcept, Document, Excerpt, Finding,
    Participant, ParticipantCode, Relation, Study, Text,
};
use peer_support::vocabulary::{
    Beneficiary, CfirConstruct, ChimeProcess, Direction, Level, Method, RelationKind, RoleTitle,
    Stakeholder, Stance,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use raw_zip::{Entry, build};
use uuid::Uuid;

fn import(qdpx: Vec<u8>, options: &ImportOptions) -> Result<Imported, ImportError> {
    refi::read_document_qdpx(Cursor::new(qdpx), options)
}

fn export(document: &Document) -> Vec<u8> {
    let mut qdpx = Cursor::new(Vec::new());
    refi::write_document_qdpx(document, &mut qdpx).unwrap();
    qdpx.into_inner()
}

/// The concepts linked to each excerpt, through the findings citing it.
fn links(study: &Study) -> BTreeSet<(Uuid, String)> {
    study
        .findings
        .iter()
        .flat_map(|f| {
            f.excerpts.iter().flat_map(move |e| {
                f.concepts.iter().map(move |l| {
                    (
                        *e,
                        format!("{}/{}", l.concept.kind_code(), l.concept.code()),
                    )
                })
            })
        })
        .collect()
}

const CONCEPTS: [(&str, &str); 6] = [
    ("facilitator", "supervision"),
    ("barrier", "low_pay"),
    ("outcome", "reduced_loneliness"),
    ("way_of_working", "sharing_lived_experience"),
    ("facilitator", "peer_mentoring_circles"),
    ("policy_lever", "ring_fenced_budget"),
];

fn quote() -> impl Strategy<Value = String> {
    let pieces = select(vec![
        "I felt ",
        "judged",
        " 😞",
        "é",
        "e\u{301}",
        "\r\n",
        "\n",
        "<&>\"'",
        "日本語",
        "👩🏽‍⚕️",
        " ",
        "peer",
        "🇬🇧",
        "\t",
    ]);
    vec(pieces, 1..8)
        .prop_map(|p| p.concat())
        .prop_filter("not blank", |s| !s.trim().is_empty())
}

prop_compose! {
    fn study()(
        quotes in vec((quote(), 0usize..3, 0usize..4, any::<bool>()), 0..12),
        participants in 0usize..4,
        sources in 1usize..4,
        findings in vec((vec(0usize..CONCEPTS.len(), 1..3), vec(any::<prop::sample::Index>(), 0..5)), 0..5),
    ) -> Study {
        let id = |n: u128| Uuid::from_u128(n);
        let mut study = Study::new(id(1), Citation::new(Text::new("A study").unwrap()));
        for p in 0..participants {
            let mut participant = Participant::new(
                id(100 + p as u128),
                ParticipantCode::new(format!("P{:02}", p + 1)).unwrap(),
                if p % 2 == 0 { Stakeholder::PeerWorker } else { Stakeholder::ServiceUser },
            );
            if p % 2 == 0 {
                participant.role_title = Some(RoleTitle::PeerSupportWorker);
            }
            study.participants.push(participant);
        }
        for s in 0..sources {
            let mut source = DataSource::new(id(200 + s as u128));
            source.method = (s % 2 == 0).then_some(Method::SemiStructuredInterview);
            source.round = (s == 1).then_some(2);
            if participants > 0 {
                source.participants.push(id(100 + (s % participants) as u128));
            }
            study.sources.push(source);
        }
        for (n, (text, source, participant, located)) in quotes.into_iter().enumerate() {
            let mut excerpt = Excerpt::new(
                id(300 + n as u128),
                Text::new(text).unwrap(),
                id(200 + (source % sources) as u128),
            );
            if participant < participants {
                excerpt.participant = Some(id(100 + participant as u128));
            }
            if located {
                excerpt.location = Some(Text::new(format!("p. {n}")).unwrap());
            }
            study.excerpts.push(excerpt);
        }
        for (n, (concepts, cited)) in findings.into_iter().enumerate() {
            let mut finding = Finding::new(id(400 + n as u128), Text::new("A finding").unwrap());
            for c in concepts {
                let (kind, code) = CONCEPTS[c];
                let link = ConceptLink::new(Concept::from_codes(kind, code).unwrap(), Stance::Practice);
                if !finding.concepts.contains(&link) {
                    finding.concepts.push(link);
                }
            }
            if !study.excerpts.is_empty() {
                for index in cited {
                    let excerpt = study.excerpts[index.index(study.excerpts.len())].id;
                    if !finding.excerpts.contains(&excerpt) {
                        finding.excerpts.push(excerpt);
                    }
                }
            }
            study.findings.push(finding);
        }
        study
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(48),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Importing what we export gives back the same excerpts, concept links,
    /// participants and data sources, and the file is complete.
    #[test]
    fn round_trip(study in study(), declared in any::<bool>()) {
        let mut document = Document::new(vec![study.clone()]);
        if declared {
            document.concepts.push(full_declared("barrier", "rota_gaps", "Gaps in the rota."));
        }
        let imported = import(export(&document), &ImportOptions::new()).unwrap();
        // Declared concepts come back whole (custom codes used without
        // being declared come back declared as well).
        for declared in &document.concepts {
            prop_assert!(imported.document.concepts.contains(declared), "{:?}", imported.document.concepts);
        }
        let back = &imported.document.studies[0];
        // Excerpts come back source by source.
        let sorted = |excerpts: &[Excerpt]| {
            let mut excerpts = excerpts.to_vec();
            excerpts.sort_by_key(|e| e.id);
            excerpts
        };
        prop_assert_eq!(sorted(&back.excerpts), sorted(&study.excerpts));
        prop_assert_eq!(&back.participants, &study.participants);
        prop_assert_eq!(&back.sources, &study.sources);
        prop_assert_eq!(links(back), links(&study));
        prop_assert!(imported.summary.read.is_complete(), "{}", imported.summary);
        prop_assert!(imported.summary.not_imported.is_empty(), "{}", imported.summary);
        prop_assert!(imported.summary.warnings.is_empty(), "{}", imported.summary);
        prop_assert_eq!(imported.summary.codes_declared, 0);
    }
}

// Hand-written projects.

const HEAD: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Quirks" origin="Hand written">"#;

fn qdpx(project_qde: &str, files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut entries = vec![Entry::stored("project.qde", project_qde.as_bytes())];
    for (name, data) in files {
        entries.push(Entry::stored(name, data));
    }
    build(&entries, None)
}

const SUPERVISION: &str = "e706b88c-8726-5ccf-9dd4-d91ce8ff82e7";

#[test]
fn quirks_braced_guids_bom_crlf_and_codes_found_every_way() {
    let source =
        "\u{feff}Interviewer: Hello.\r\nP: My supervisor listened 😀 and the pay was low.\r\n";
    let text = source.trim_start_matches('\u{feff}');
    let start = text.find("My").unwrap();
    let cp = |byte: usize| text[..byte].chars().count();
    let (s1, e1) = (cp(start), cp(text.find(" and").unwrap()));
    let (s2, e2) = (
        cp(text.find("the pay").unwrap()),
        cp(text.rfind(".\r\n").unwrap()),
    );
    let upper = SUPERVISION.to_uppercase();
    let xml = format!(
        r#"{HEAD}
  <Users><User guid="{{AAAAAAAA-0000-4000-8000-000000000001}}" name="Coder One"/></Users>
  <CodeBook><Codes>
    <Code guid="{{{upper}}}" name="Supervision (ours)" isCodable="true"/>
    <Code guid="00000000-0000-4000-8000-0000000000c2" name="Pay" isCodable="true"><Description>barrier/low_pay</Description></Code>
    <Code guid="00000000-0000-4000-8000-0000000000c3" name="Mapped" isCodable="true"/>
    <Code guid="00000000-0000-4000-8000-0000000000c4" name="Belonging" isCodable="true"><Description>Feeling part of a team</Description></Code>
  </Codes></CodeBook>
  <Cases><Case guid="00000000-0000-4000-8000-0000000000a1" name="Jane Doe"><SourceRef targetGUID="00000000-0000-4000-8000-0000000000b1"/></Case></Cases>
  <Sources>
    <TextSource guid="{{00000000-0000-4000-8000-0000000000B1}}" name="Interview" plainTextPath="internal://one.txt">
      <PlainTextSelection guid="00000000-0000-4000-8000-0000000000d1" startPosition="{s1}" endPosition="{e1}">
        <Coding guid="00000000-0000-4000-8000-0000000000e1"><CodeRef targetGUID="{SUPERVISION}"/></Coding>
        <Coding guid="00000000-0000-4000-8000-0000000000e2"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000c4"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="00000000-0000-4000-8000-0000000000d2" startPosition="{s2}" endPosition="{e2}">
        <Coding guid="00000000-0000-4000-8000-0000000000e3"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000c2"/></Coding>
        <Coding guid="00000000-0000-4000-8000-0000000000e4"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000c3"/></Coding>
      </PlainTextSelection>
      <VendorThing a="1"/>
    </TextSource>
    <PictureSource guid="00000000-0000-4000-8000-0000000000f1" path="internal://x.png"/>
  </Sources>
  <Notes><Note guid="00000000-0000-4000-8000-0000000000f2" name="Memo"><PlainTextContent>Saturation reached.</PlainTextContent></Note></Notes>
  <Links><Link guid="00000000-0000-4000-8000-0000000000f3"/></Links>
</Project>"#
    );
    let mut options = ImportOptions::new();
    options.map = CodeMap::from_json(r#"{"Mapped": "value/mutuality"}"#).unwrap();
    let imported = import(
        qdpx(&xml, &[("sources/one.txt", source.as_bytes())]),
        &options,
    )
    .unwrap();
    let study = &imported.document.studies[0];
    assert_eq!(study.excerpts.len(), 2);
    assert_eq!(study.excerpts[0].text.as_str(), "My supervisor listened 😀");
    assert_eq!(study.excerpts[1].text.as_str(), "the pay was low");
    assert_eq!(
        study.excerpts[0].location.as_ref().map(|l| l.as_str()),
        Some(format!("characters {s1}-{e1}").as_str())
    );
    let summary = &imported.summary;
    assert_eq!(
        (
            summary.codes_by_guid,
            summary.codes_by_text,
            summary.codes_by_map,
            summary.codes_declared
        ),
        (1, 1, 1, 1)
    );
    let linked: BTreeSet<String> = links(study).into_iter().map(|(_, c)| c).collect();
    assert_eq!(
        linked.into_iter().collect::<Vec<_>>(),
        [
            "barrier/low_pay",
            "facilitator/supervision",
            "refi_code/belonging",
            "value/mutuality"
        ]
    );
    // The unmatched code is a declared concept with its name and description.
    let declared = &imported.document.concepts;
    assert_eq!(declared.len(), 1);
    assert_eq!(declared[0].concept.kind_code(), "refi_code");
    assert_eq!(declared[0].label.as_str(), "Belonging");
    assert_eq!(
        declared[0].definition.as_ref().unwrap().as_str(),
        "Feeling part of a team"
    );
    let guids = study.extensions.get(refi::CODES_EXTENSION).unwrap();
    assert_eq!(
        guids["refi_code/belonging"],
        "00000000-0000-4000-8000-0000000000c4"
    );
    // The case became a pseudonymous participant; the name is not in the document.
    assert_eq!(study.participants[0].code.as_str(), "P01");
    assert_eq!(
        study.excerpts[0].participant,
        Some(study.participants[0].id)
    );
    let json = imported.document.to_json_pretty();
    assert!(!json.contains("Jane Doe"), "{json}");
    assert!(
        summary.warnings.iter().any(|w| w.to_string()
            == "Case 00000000-0000-4000-8000-0000000000a1: the case name looks like a person's name; a participant code was derived and the name left out of the document unless --keep-case-names"),
        "{summary}"
    );
    // Users, notes and what the model cannot hold.
    assert_eq!(
        study.extensions.get("refi-qda:coders").unwrap()[0]["name"],
        "Coder One"
    );
    assert_eq!(
        study.notes.as_ref().unwrap().as_str(),
        "Memo: Saturation reached."
    );
    assert_eq!(summary.read.not_modelled.get("PictureSource"), Some(&1));
    assert_eq!(summary.read.not_modelled.get("Links"), Some(&1));
    assert_eq!(summary.read.unknown.get("VendorThing"), Some(&1));
    assert!(
        summary.not_imported.contains_key(
            "source text characters outside selections (the model keeps excerpts, not transcripts)"
        ),
        "{summary}"
    );
    let text = summary.to_string();
    assert!(text.contains("  PictureSource: 1\n"), "{text}");

    // With --keep-case-names the name is kept, in the extension only.
    options.keep_case_names = true;
    let kept = import(
        qdpx(&xml, &[("sources/one.txt", source.as_bytes())]),
        &options,
    )
    .unwrap();
    let names = kept.document.studies[0]
        .extensions
        .get("refi-qda:case_names")
        .unwrap();
    assert_eq!(names["00000000-0000-4000-8000-0000000000a1"], "Jane Doe");
}

fn one_selection(text: &str, start: usize, end: usize) -> String {
    format!(
        r#"{HEAD}
  <Sources><TextSource guid="00000000-0000-4000-8000-0000000000b1"><PlainTextContent>{text}</PlainTextContent>
    <PlainTextSelection guid="00000000-0000-4000-8000-0000000000d1" startPosition="{start}" endPosition="{end}"/>
  </TextSource></Sources>
</Project>"#
    )
}

#[test]
fn utf16_positions_are_detected_cut_and_warned_about() {
    // "hope" is 3..7 in code points, 5..9 in UTF-16 units.
    let imported = import(
        qdpx(&one_selection("😀😀 hope", 5, 9), &[]),
        &ImportOptions::new(),
    )
    .unwrap();
    assert_eq!(
        imported.document.studies[0].excerpts[0].text.as_str(),
        "hope"
    );
    assert_eq!(
        imported.summary.warnings[0].to_string(),
        "TextSource 00000000-0000-4000-8000-0000000000b1: selection positions count UTF-16 code units, not code points as REFI-QDA §10.2 says; the selections were cut as UTF-16"
    );
}

#[test]
fn positions_that_fit_neither_unit_are_an_error_naming_the_selection() {
    let error = import(
        qdpx(&one_selection("😀😀 hope", 5, 10), &[]),
        &ImportOptions::new(),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "TextSource 00000000-0000-4000-8000-0000000000b1: selection 00000000-0000-4000-8000-0000000000d1: positions 5..10 fit neither as code points nor as UTF-16 units (past the end, or inside a surrogate pair) (the text has 7 code points, 9 UTF-16 units)"
    );
}

#[test]
fn a_20_deep_code_tree_becomes_a_broader_chain() {
    let mut codes = String::new();
    for depth in 0..20 {
        codes.push_str(&format!(
            r#"<Code guid="00000000-0000-4000-8000-{depth:012}" name="Level {depth}" isCodable="true">"#
        ));
    }
    codes.push_str(&"</Code>".repeat(20));
    let xml = format!("{HEAD}<CodeBook><Codes>{codes}</Codes></CodeBook></Project>");
    let imported = import(qdpx(&xml, &[]), &ImportOptions::new()).unwrap();
    assert_eq!(imported.summary.codes_declared, 20);
    let declared = &imported.document.concepts;
    assert_eq!(declared.len(), 20);
    assert!(declared[0].relations.is_empty());
    for depth in 1..20 {
        assert_eq!(declared[depth].concept.code(), format!("level_{depth}"));
        assert_eq!(declared[depth].relations.len(), 1);
        let broader = &declared[depth].relations[0];
        assert_eq!(broader.relation.code(), "broader");
        assert_eq!(broader.target, declared[depth - 1].concept, "{depth}");
    }
}

#[test]
fn codes_under_our_kinds_take_the_kind_and_declared_concepts_export_and_return() {
    let facilitators = refi::kind_guid("facilitator");
    let xml = format!(
        r#"{HEAD}<CodeBook><Codes>
  <Code guid="{facilitators}" name="Facilitators" isCodable="false">
    <Code guid="00000000-0000-4000-8000-000000000001" name="Peer mentoring circles" isCodable="true">
      <Code guid="00000000-0000-4000-8000-000000000002" name="Online circles" isCodable="true"/>
    </Code>
    <Code guid="00000000-0000-4000-8000-000000000003" name="Supervision" isCodable="true"/>
  </Code>
</Codes></CodeBook></Project>"#
    );
    let imported = import(qdpx(&xml, &[]), &ImportOptions::new()).unwrap();
    let declared = &imported.document.concepts;
    let codes: Vec<String> = declared
        .iter()
        .map(|d| format!("{}/{}", d.concept.kind_code(), d.concept.code()))
        .collect();
    assert_eq!(
        codes,
        [
            "facilitator/peer_mentoring_circles",
            "facilitator/online_circles"
        ]
    );
    assert_eq!(declared[1].relations[0].target, declared[0].concept);
    // "Supervision" under our facilitator parent is the standard concept.
    assert_eq!(imported.summary.codes_by_text, 1);

    // Exported, the declared concepts come back with their labels and relations.
    let mut study = Study::new(Uuid::from_u128(1), Citation::new(Text::new("S").unwrap()));
    study.sources.push(DataSource::new(Uuid::from_u128(2)));
    let mut document = Document::new(vec![study]);
    document.concepts = declared.clone();
    let book = refi::document_codebook(&document);
    assert!(
        book.sets
            .iter()
            .any(|s| s.name
                == "facilitator/online_circles broader facilitator/peer_mentoring_circles")
    );
    let again = import(export(&document), &ImportOptions::new()).unwrap();
    assert_eq!(again.document.concepts.len(), 2);
    assert_eq!(
        again.document.concepts[0].label.as_str(),
        "Peer mentoring circles"
    );
    assert_eq!(again.document.concepts[1].relations, declared[1].relations);
    assert_eq!(again.summary.codes_declared, 0, "{}", again.summary);
}

#[test]
fn ten_thousand_selections_import() {
    let text = "word ".repeat(10_000);
    let mut selections = String::new();
    for n in 0..10_000u64 {
        selections.push_str(&format!(
            r#"<PlainTextSelection guid="00000000-0000-4000-8000-{n:012}" startPosition="{}" endPosition="{}"><Coding guid="00000000-0000-4001-8000-{n:012}"><CodeRef targetGUID="{SUPERVISION}"/></Coding></PlainTextSelection>"#,
            n * 5,
            n * 5 + 4
        ));
    }
    let xml = format!(
        r#"{HEAD}<CodeBook><Codes><Code guid="{SUPERVISION}" name="Supervision" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="00000000-0000-4000-9000-000000000001" plainTextPath="internal://t.txt">{selections}</TextSource></Sources></Project>"#
    );
    let imported = import(
        qdpx(&xml, &[("sources/t.txt", text.as_bytes())]),
        &ImportOptions::new(),
    )
    .unwrap();
    let study = &imported.document.studies[0];
    assert_eq!(study.excerpts.len(), 10_000);
    assert!(study.excerpts.iter().all(|e| e.text.as_str() == "word"));
    assert_eq!(study.findings.len(), 1);
    assert_eq!(study.findings[0].excerpts.len(), 10_000);
}

/// 50,000 codes, each on its own selection: import and export index codes
/// and concepts instead of scanning for each one, so this takes seconds
/// (a scan per code took half a minute at 20,000, and a 64 MiB
/// `project.qde` holds hundreds of thousands). No timing is asserted; the
/// size is what makes a quadratic step far too slow to finish.
#[test]
fn fifty_thousand_codes_each_coded_once_import_and_export() {
    const N: u64 = 50_000;
    let text = "word ".repeat(N as usize);
    let mut codes = String::new();
    let mut selections = String::new();
    for n in 0..N {
        codes.push_str(&format!(
            r#"<Code guid="00000000-0000-4002-8000-{n:012}" name="Theme {n}" isCodable="true"/>"#
        ));
        selections.push_str(&format!(
            r#"<PlainTextSelection guid="00000000-0000-4000-8000-{n:012}" startPosition="{}" endPosition="{}"><Coding guid="00000000-0000-4001-8000-{n:012}"><CodeRef targetGUID="00000000-0000-4002-8000-{n:012}"/></Coding></PlainTextSelection>"#,
            n * 5,
            n * 5 + 4
        ));
    }
    let xml = format!(
        r#"{HEAD}<CodeBook><Codes>{codes}</Codes></CodeBook>
<Sources><TextSource guid="00000000-0000-4000-9000-000000000001" plainTextPath="internal://t.txt">{selections}</TextSource></Sources></Project>"#
    );
    let imported = import(
        qdpx(&xml, &[("sources/t.txt", text.as_bytes())]),
        &ImportOptions::new(),
    )
    .unwrap();
    assert_eq!(imported.summary.codes_declared, N as usize);
    let document = &imported.document;
    assert_eq!(document.concepts.len(), N as usize);
    let study = &document.studies[0];
    assert_eq!(study.findings.len(), N as usize);
    assert_eq!(study.findings[7].statement.as_str(), "Theme 7");
    assert_eq!(study.findings[7].excerpts, [study.excerpts[7].id]);

    let project = refi::document_to_project(document).unwrap();
    let codable = project.walk_codes().filter(|c| c.is_codable).count();
    assert!(codable >= N as usize, "{codable}");
}

/// A declared concept with every field an export writes.
fn full_declared(kind: &str, code: &str, definition: &str) -> DeclaredConcept {
    let mut declared = DeclaredConcept::new(
        Concept::from_codes(kind, code).unwrap(),
        Text::new(format!("Label of {code}")).unwrap(),
    );
    declared.definition = Some(Text::new(definition).unwrap());
    declared.cfir_construct = Some(CfirConstruct::InnovationSource);
    declared.chime = Some(ChimeProcess::Hope);
    declared.beneficiary = Some(Beneficiary::ServiceUser);
    declared.direction = Some(Direction::Benefit);
    declared.level = Some(Level::Meso);
    let mut cited = Citation::new(Text::new("A paper (2021) <review>").unwrap());
    cited.doi = Some("10.1111/hex.13151".parse().unwrap());
    declared.sources = vec![cited, Citation::new(Text::new("Another").unwrap())];
    declared.relations = vec![
        Relation::new(
            RelationKind::Broader,
            Concept::from_codes("facilitator", "supervision").unwrap(),
        ),
        Relation::new(
            RelationKind::Related,
            Concept::from_codes("barrier", "low_pay").unwrap(),
        ),
    ];
    declared
}

#[test]
fn a_declared_concept_with_every_field_survives_the_round_trip() {
    let mut study = Study::new(Uuid::from_u128(1), Citation::new(Text::new("S").unwrap()));
    study.sources.push(DataSource::new(Uuid::from_u128(2)));
    let mut document = Document::new(vec![study]);
    document.concepts = vec![
        full_declared(
            "facilitator",
            "peer_mentoring_circles",
            "Two paragraphs.\n\nOf definition.",
        ),
        full_declared("outcome", "feeling_heard", "One."),
    ];
    let imported = import(export(&document), &ImportOptions::new()).unwrap();
    assert_eq!(imported.document.concepts, document.concepts);
    assert!(imported.summary.warnings.is_empty(), "{}", imported.summary);
    assert!(
        imported.summary.not_imported.is_empty(),
        "{}",
        imported.summary
    );
}

#[test]
fn description_lines_that_do_not_read_back_are_reported() {
    let xml = format!(
        r#"{HEAD}<CodeBook><Codes>
  <Code guid="00000000-0000-4000-8000-000000000001" name="Circles" isCodable="true"><Description>Circles

peer-support code: facilitator/circles
Level: galactic
Sources:
-no space</Description></Code>
</Codes></CodeBook></Project>"#
    );
    let imported = import(qdpx(&xml, &[]), &ImportOptions::new()).unwrap();
    assert_eq!(imported.document.concepts.len(), 1);
    let warnings: Vec<String> = imported
        .summary
        .warnings
        .iter()
        .map(|w| w.to_string())
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("\"Level: galactic\""), "{warnings:?}");
    assert!(warnings[1].contains("\"-no space\""), "{warnings:?}");
    assert_eq!(
        imported.summary.not_imported["Code description line (not read back)"],
        2
    );
}

#[test]
fn a_relation_stated_twice_is_one_set_and_guids_stay_unique() {
    let mut declared = DeclaredConcept::new(
        Concept::from_codes("facilitator", "peer_mentoring_circles").unwrap(),
        Text::new("Peer mentoring circles").unwrap(),
    );
    let supervision = Concept::from_codes("facilitator", "supervision").unwrap();
    for _ in 0..2 {
        declared
            .relations
            .push(Relation::new(RelationKind::Broader, supervision.clone()));
    }
    // A concept related to itself: one member, not the same GUID twice.
    declared.relations.push(Relation::new(
        RelationKind::Related,
        declared.concept.clone(),
    ));
    let mut document = Document::new(Vec::new());
    document.concepts.push(declared);
    let project = refi::document_to_project(&document).unwrap();
    let mut guids = BTreeSet::new();
    for guid in project
        .walk_codes()
        .map(|c| c.guid)
        .chain(project.sets.iter().map(|s| s.guid))
    {
        assert!(guids.insert(guid), "GUID {guid} is used twice");
    }
    let relation_sets: Vec<_> = project
        .sets
        .iter()
        .filter(|s| s.name.starts_with("facilitator/peer_mentoring_circles "))
        .collect();
    assert_eq!(relation_sets.len(), 2, "{relation_sets:?}");
    for set in relation_sets {
        let members: BTreeSet<_> = set.member_codes.iter().collect();
        assert_eq!(members.len(), set.member_codes.len(), "{set:?}");
    }
    // The file still reads back.
    let mut qdpx = Cursor::new(Vec::new());
    refi::write_document_qdpx(&document, &mut qdpx).unwrap();
    import(qdpx.into_inner(), &ImportOptions::new()).unwrap();
}

fn named_project(name: &str, source: &str) -> Vec<u8> {
    qdpx(
        &format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="{name}">
  <Sources><TextSource guid="{source}"><PlainTextContent>Hello</PlainTextContent></TextSource></Sources>
</Project>"#
        ),
        &[],
    )
}

#[test]
fn projects_sharing_a_name_get_different_study_ids_and_a_reimport_the_same() {
    let id = |qdpx: Vec<u8>| {
        import(qdpx, &ImportOptions::new())
            .unwrap()
            .document
            .studies[0]
            .id
    };
    let first = named_project("Interview study", "00000000-0000-4000-8000-0000000000b1");
    let second = named_project("Interview study", "00000000-0000-4000-8000-0000000000b2");
    assert_ne!(id(first.clone()), id(second));
    assert_eq!(id(first.clone()), id(first));
    // A GUID spelt another way is the same GUID.
    assert_eq!(
        id(named_project("P", "00000000-0000-4000-8000-0000000000b1")),
        id(named_project("P", "{00000000-0000-4000-8000-0000000000B1}"))
    );
}

#[test]
fn hostile_archives_are_refused_through_the_importer() {
    let archive = build(
        &[
            Entry::stored("project.qde", one_selection("x", 0, 1).as_bytes()),
            Entry::stored("sources/../../etc/passwd", b"x"),
        ],
        None,
    );
    let error = import(archive, &ImportOptions::new()).unwrap_err();
    assert!(matches!(error, ImportError::Read(_)), "{error}");
    let dtd = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY a \"aaaa\">]>{}",
        &one_selection("x", 0, 1)["<?xml version=\"1.0\" encoding=\"utf-8\"?>".len()..]
    );
    let error = import(qdpx(&dtd, &[]), &ImportOptions::new()).unwrap_err();
    assert!(matches!(error, ImportError::Read(_)), "{error}");
}

#[test]
fn mapping_files_name_the_bad_key() {
    assert_eq!(
        CodeMap::from_json(r#"{"Stigma": "stigma"}"#)
            .unwrap_err()
            .to_string(),
        r#"mapping "Stigma": "stigma" is not "kind/code" (e.g. "barrier/stigma")"#
    );
    assert_eq!(
        CodeMap::from_json(r#"[1]"#).unwrap_err().to_string(),
        r#"mapping "": expected an object of code name or GUID to concept"#
    );
    let error = CodeMap::from_json(r#"{"Stigma": "Barrier/stigma"}"#).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with(r#"mapping "Stigma": invalid concept kind code "Barrier""#),
        "{error}"
    );
}

#[test]
fn exporting_an_excerpt_of_a_missing_source_is_an_error() {
    let mut study = Study::new(Uuid::from_u128(1), Citation::new(Text::new("S").unwrap()));
    study.excerpts.push(Excerpt::new(
        Uuid::from_u128(2),
        Text::new("quote").unwrap(),
        Uuid::from_u128(3),
    ));
    let error = refi::document_to_project(&Document::new(vec![study])).unwrap_err();
    assert_eq!(
        error.to_string(),
        "excerpt 00000000-0000-0000-0000-000000000002: its source 00000000-0000-0000-0000-000000000003 is not a data source of study 00000000-0000-0000-0000-000000000001; a REFI-QDA selection must sit in a text source"
    );
}

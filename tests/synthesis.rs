//! The evidence matrix: what it counts, how it orders, the two senses of
//! disagreement, and its three outputs (table, JSON, CSV).

use peer_support::catalog;
use peer_support::document::{self, Document};
use peer_support::study::Concept;
use peer_support::synthesis::{Disagreement, EvidenceMatrix, StanceMark};
use peer_support::vocabulary::{Barrier, Basis, Facilitator, Kind, Outcome, Stance};
use peer_support::{Codebook, study::Study};

/// Builds a document from studies written as JSON, each
/// `(title, sample total, [finding...])`, a finding being its JSON minus the id.
fn doc(studies: &[(&str, Option<u32>, &[&str])]) -> Document {
    let mut next_id = 0u32;
    let mut id = || {
        next_id += 1;
        format!("00000000-0000-4000-8000-{next_id:012}")
    };
    let studies: Vec<String> = studies
        .iter()
        .map(|(title, total, findings)| {
            let findings: Vec<String> = findings
                .iter()
                .map(|f| format!(r#"{{"id": "{}", "statement": "s", {f}}}"#, id()))
                .collect();
            let sample = total.map_or(String::new(), |n| format!(r#""sample": {{"total": {n}}},"#));
            format!(
                r#"{{"id": "{}", "citation": {{"title": {}}}, {sample} "findings": [{}]}}"#,
                id(),
                serde_json::to_string(title).unwrap(),
                findings.join(",")
            )
        })
        .collect();
    let json = format!(
        r#"{{"schema": "urn:peer-support:study-document", "schema_version": "1.0.0", "studies": [{}]}}"#,
        studies.join(",")
    );
    let loaded = document::from_str(&json).expect("test document reads");
    assert!(!loaded.report.has_errors(), "{}", loaded.report);
    loaded.document
}

fn link(kind: &str, code: &str, stance: &str) -> String {
    format!(r#"{{"kind": "{kind}", "code": "{code}", "stance": "{stance}"}}"#)
}

fn absent(kind: &str, code: &str, stance: &str) -> String {
    format!(r#"{{"kind": "{kind}", "code": "{code}", "stance": "{stance}", "absent": true}}"#)
}

fn finding(links: &[String], extra: &str) -> String {
    let sep = if extra.is_empty() { "" } else { ", " };
    format!(r#""concepts": [{}]{sep}{extra}"#, links.join(","))
}

fn seeds() -> EvidenceMatrix {
    EvidenceMatrix::from_document(&catalog::seed_studies().unwrap().document)
}

#[test]
fn seed_matrix_covers_all_four_studies_and_the_codebook() {
    let m = seeds();
    assert_eq!(m.studies().len(), 4);
    let samples: Vec<_> = m.studies().iter().map(|s| s.sample).collect();
    assert_eq!(samples, [Some(35), Some(35), Some(41), Some(5)]);
    // Every study contributes at least one row.
    for i in 0..4 {
        assert!(
            m.concepts().iter().any(|r| r.in_study(i).is_some()),
            "S{}",
            i + 1
        );
    }
    // Every codebook concept the seed papers report has a row, except the
    // three that 002 reports only as cited background evidence, which
    // synthesis does not count. (The entries drawn from the two bundled
    // reviews alone are the reviews' rows.)
    use peer_support::vocabulary::source::{
        IMPLEMENTATION_INFLUENCES_REVIEW, PEER_SUPPORT_UMBRELLA_REVIEW,
    };
    let reviews = [
        IMPLEMENTATION_INFLUENCES_REVIEW,
        PEER_SUPPORT_UMBRELLA_REVIEW,
    ];
    let codebook = Codebook::standard();
    let mut missing = Vec::new();
    for kind in [Kind::Value, Kind::Facilitator, Kind::Barrier, Kind::Outcome] {
        for e in codebook
            .of_kind(kind)
            .filter(|e| e.sources.iter().any(|s| !reviews.contains(s)))
        {
            let concept = Concept::from_codes(e.kind.code(), e.code).unwrap();
            if m.get(&concept).is_none() {
                missing.push(e.code);
            }
        }
    }
    assert_eq!(
        missing,
        [
            "empowerment",
            "reduced_inpatient_admission",
            "stronger_social_networks"
        ]
    );
}

#[test]
fn background_findings_are_not_counted() {
    let mut doc = catalog::seed_studies().unwrap().document;
    let with = EvidenceMatrix::from_document(&doc);
    assert!(
        with.get(&Outcome::ReducedInpatientAdmission.into())
            .is_none()
    );
    // The same finding recorded as a result is counted.
    for f in &mut doc.studies[2].findings {
        if f.basis == Some(Basis::Background) {
            f.basis = Some(Basis::Result);
        }
    }
    let without = EvidenceMatrix::from_document(&doc);
    let row = without
        .get(&Outcome::ReducedInpatientAdmission.into())
        .unwrap();
    assert!(row.in_study(2).is_some());
}

#[test]
fn seed_matrix_shared_and_contested_concepts() {
    let m = seeds();
    let shared: Vec<&str> = m
        .reported_by_at_least(2)
        .map(|r| r.concept().code())
        .collect();
    assert_eq!(shared, ["supervision", "emotional_demands"]);

    let supervision = m.get(&Facilitator::Supervision.into()).unwrap();
    assert_eq!(
        supervision.in_study(1).unwrap().stances(),
        [StanceMark::new(Stance::Facilitator, false)]
    );
    assert_eq!(
        supervision.in_study(2).unwrap().stances(),
        [StanceMark::new(Stance::Barrier, false)]
    );
    assert_eq!(supervision.disagreement(), Some(Disagreement::Polarity));

    let recruitment = m
        .get(&Facilitator::FormalRecruitmentProcess.into())
        .unwrap();
    assert_eq!(
        recruitment.evidence()[0].stances(),
        [StanceMark::new(Stance::Barrier, true)]
    );

    // 000 links recovery from two findings.
    let recovery = m.get(&Outcome::Recovery.into()).unwrap();
    assert_eq!((recovery.study_count(), recovery.finding_count()), (1, 2));
    // No seed finding gives participants or a count: unknown, not zero.
    assert!(m.concepts().iter().all(|r| r.participants().is_none()));
}

#[test]
fn rows_are_in_kind_order_then_code_and_unknown_concepts_are_kept_last() {
    let d = doc(&[(
        "Custom things",
        None,
        &[&finding(
            &[
                link("outcome", "hope", "benefit"),
                link("policy_lever", "ring_fenced_budget", "facilitator"),
                link("barrier", "rota_instability", "barrier"),
                link("barrier", "low_pay", "contested"),
                link("facilitator", "supervision", "facilitator"),
                link("barrier", "emotional_demands", "barrier"),
                link("audience", "commissioners", "practice"),
            ],
            "",
        )],
    )]);
    let m = EvidenceMatrix::from_document(&d);
    let keys: Vec<(&str, &str, bool)> = m
        .concepts()
        .iter()
        .map(|r| {
            (
                r.concept().kind_code(),
                r.concept().code(),
                r.concept().is_known(),
            )
        })
        .collect();
    assert_eq!(
        keys,
        [
            ("facilitator", "supervision", true),
            ("barrier", "emotional_demands", true),
            ("barrier", "low_pay", true),
            ("barrier", "rota_instability", false),
            ("outcome", "hope", true),
            ("audience", "commissioners", false),
            ("policy_lever", "ring_fenced_budget", false),
        ]
    );
    let custom = m
        .get(&Barrier::from_code("rota_instability").unwrap().into())
        .unwrap();
    assert_eq!(custom.study_count(), 1);
    let low_pay = m.get(&Barrier::LowPay.into()).unwrap();
    assert_eq!(
        low_pay.evidence()[0].stances()[0].stance.code(),
        "contested"
    );
    let table = m.to_table();
    assert!(table.contains("rota_instability*"), "{table}");
    assert!(table.contains("not in this version's codebook"), "{table}");
    let summaries = m.kind_summaries();
    let kinds: Vec<(&str, usize, usize)> = summaries
        .iter()
        .map(|s| (s.kind.as_str(), s.concepts, s.unknown))
        .collect();
    assert_eq!(
        kinds,
        [
            ("facilitator", 1, 0),
            ("barrier", 3, 1),
            ("outcome", 1, 0),
            ("audience", 1, 1),
            ("policy_lever", 1, 1)
        ]
    );
}

#[test]
fn findings_count_once_per_cell_and_participants_are_never_double_counted() {
    let ids = |ns: &[u32]| {
        let v: Vec<String> = ns
            .iter()
            .map(|n| format!(r#""00000000-0000-4000-8000-{:012}""#, 900 + n))
            .collect();
        format!(r#""participants": [{}]"#, v.join(","))
    };
    let participants: String = (1..=4)
        .map(|n| {
            format!(
                r#"{{"id": "00000000-0000-4000-8000-{:012}", "code": "P{n}", "group": "peer_worker"}}"#,
                900 + n
            )
        })
        .collect::<Vec<_>>()
        .join(",");
    let sup = || link("facilitator", "supervision", "facilitator");
    let json = format!(
        r#"{{"schema": "urn:peer-support:study-document", "schema_version": "1.0.0", "studies": [
            {{"id": "00000000-0000-4000-8000-000000000001", "citation": {{"title": "Listed"}},
              "participants": [{participants}],
              "findings": [
                {{"id": "00000000-0000-4000-8000-000000000011", "statement": "a", {}}},
                {{"id": "00000000-0000-4000-8000-000000000012", "statement": "b", {}}}
              ]}},
            {{"id": "00000000-0000-4000-8000-000000000002", "citation": {{"title": "Counted"}},
              "findings": [
                {{"id": "00000000-0000-4000-8000-000000000021", "statement": "c", {}}},
                {{"id": "00000000-0000-4000-8000-000000000022", "statement": "d", {}}}
              ]}},
            {{"id": "00000000-0000-4000-8000-000000000003", "citation": {{"title": "Unknown"}},
              "findings": [{{"id": "00000000-0000-4000-8000-000000000031", "statement": "e", {}}}]}}
        ]}}"#,
        // Same concept twice in one finding, participants 1-3.
        finding(
            &[sup(), absent("facilitator", "supervision", "barrier")],
            &ids(&[1, 2, 3])
        ),
        // Overlapping participants 2-4: four distinct in all.
        finding(&[sup()], &ids(&[2, 3, 4])),
        finding(&[sup()], r#""endorsement_count": 7"#),
        finding(&[sup()], r#""endorsement_count": 5"#),
        finding(&[sup()], ""),
    );
    let loaded = document::from_str(&json).unwrap();
    assert!(!loaded.report.has_errors(), "{}", loaded.report);
    let m = EvidenceMatrix::from_document(&loaded.document);
    let row = m.get(&Facilitator::Supervision.into()).unwrap();
    let cells: Vec<(usize, usize, Option<u64>)> = row
        .evidence()
        .iter()
        .map(|e| (e.study(), e.findings(), e.participants()))
        .collect();
    assert_eq!(cells, [(0, 2, Some(4)), (1, 2, Some(7)), (2, 1, None)]);
    assert_eq!(row.finding_count(), 5);
    assert_eq!(row.participants(), Some(11));
    assert_eq!(
        row.evidence()[0].stances(),
        [
            StanceMark::new(Stance::Facilitator, false),
            StanceMark::new(Stance::Barrier, true)
        ]
    );
}

#[test]
fn the_two_senses_of_disagreement() {
    let sup = |stance: &str| link("facilitator", "supervision", stance);
    let no_sup = |stance: &str| absent("facilitator", "supervision", stance);
    let case = |a: &[String], b: &[String]| {
        let (fa, fb) = (finding(a, ""), finding(b, ""));
        let mut studies: Vec<(&str, Option<u32>, &[&str])> = vec![("A", None, &[])];
        let fa = [fa.as_str()];
        let fb = [fb.as_str()];
        studies[0].2 = &fa;
        if !b.is_empty() {
            studies.push(("B", None, &fb));
        }
        let m = EvidenceMatrix::from_document(&doc(&studies));
        let row = m.get(&Facilitator::Supervision.into()).unwrap();
        (
            row.disagrees(Disagreement::Stance),
            row.disagrees(Disagreement::Polarity),
        )
    };
    // Facilitator in one study, its absence a barrier in another: both say it helps.
    assert_eq!(
        case(&[sup("facilitator")], &[no_sup("barrier")]),
        (true, false)
    );
    // Facilitator in one, barrier in another: a contradiction.
    assert_eq!(case(&[sup("facilitator")], &[sup("barrier")]), (true, true));
    // Its absence a facilitator contradicts it being a facilitator.
    assert_eq!(
        case(&[sup("facilitator")], &[no_sup("facilitator")]),
        (true, true)
    );
    // Same stance in both: agreement.
    assert_eq!(
        case(&[sup("facilitator")], &[sup("facilitator")]),
        (false, false)
    );
    // Neutral stances never contradict.
    assert_eq!(
        case(&[sup("facilitator")], &[sup("practice")]),
        (true, false)
    );
    // One study with both polarities, alone: no disagreement between studies.
    assert_eq!(
        case(&[sup("facilitator"), sup("barrier")], &[]),
        (false, false)
    );
    // ... and with a second study agreeing with one side, there is one.
    assert_eq!(
        case(&[sup("facilitator"), sup("barrier")], &[sup("facilitator")]),
        (true, true)
    );
}

#[test]
fn min_studies_filters_rows_but_keeps_the_columns() {
    let mut m = seeds();
    let before = m.concepts().len();
    let expected = m.reported_by_at_least(2).count();
    m.retain_min_studies(2);
    assert_eq!(m.concepts().len(), expected);
    assert!(expected > 0 && expected < before);
    assert_eq!(m.studies().len(), 4);
    m.retain_min_studies(5);
    assert!(m.concepts().is_empty());
    assert!(m.to_table().contains("(no concepts)"));
}

#[test]
fn studies_from_several_documents_line_up() {
    let seeds = catalog::seed_studies().unwrap().document;
    let (a, b) = seeds.studies.split_at(2);
    let merged = EvidenceMatrix::from_studies(a.iter().chain(b));
    assert_eq!(merged, EvidenceMatrix::from_document(&seeds));
    let collected: EvidenceMatrix = seeds.studies.iter().collect::<EvidenceMatrix>();
    assert_eq!(collected, merged);
    let empty = EvidenceMatrix::from_studies(std::iter::empty::<&Study>());
    assert!(empty.concepts().is_empty() && empty.kind_summaries().is_empty());
}

#[test]
fn the_table_is_aligned() {
    let table = seeds().to_table();
    let mut lines = table.lines();
    let header = lines.next().unwrap();
    // Right-aligned count columns end where their header ends.
    let end_of = |name: &str| header.find(name).unwrap() + name.len();
    let ends = [
        end_of("studies"),
        end_of("findings"),
        end_of("participants"),
    ];
    let rows: Vec<&str> = lines.take_while(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), seeds().concepts().len());
    for row in rows {
        let chars: Vec<char> = row.chars().collect();
        let header_chars = header.chars().count();
        assert!(chars.len() <= header_chars + "polarity".len(), "{row}");
        for end in ends {
            // Byte offsets of the ASCII header equal char offsets.
            assert!(
                chars[end - 1] != ' ',
                "column ending at {end} misaligned: {row}"
            );
            assert!(chars.get(end).is_none_or(|c| *c == ' '), "{row}");
        }
    }
    assert!(table.contains("S4  More ‘milk’"), "{table}");
    let supervision = table.lines().find(|l| l.contains(" supervision ")).unwrap();
    assert!(supervision.ends_with("polarity"), "{supervision}");
}

#[test]
fn json_output_is_self_consistent() {
    let m = seeds();
    let json: serde_json::Value = serde_json::from_str(&m.to_json_pretty()).unwrap();
    let studies = json["studies"].as_array().unwrap();
    assert_eq!(studies.len(), 4);
    let concepts = json["concepts"].as_array().unwrap();
    assert_eq!(concepts.len(), m.concepts().len());
    for c in concepts {
        let evidence = c["evidence"].as_array().unwrap();
        assert_eq!(c["studies"].as_u64().unwrap() as usize, evidence.len());
        for e in evidence {
            assert!((e["study"].as_u64().unwrap() as usize) < studies.len());
        }
        assert!(c.get("participants").is_none(), "{c}");
    }
    let rec = concepts
        .iter()
        .find(|c| c["code"] == "formal_recruitment_process")
        .unwrap();
    assert_eq!(
        rec["evidence"][0]["stances"][0],
        serde_json::json!({"stance": "barrier", "absent": true})
    );
    let sup = concepts
        .iter()
        .find(|c| c["code"] == "supervision")
        .unwrap();
    assert_eq!(sup["disagreement"], "polarity");
    assert_eq!(
        json["kinds"].as_array().unwrap().len(),
        m.kind_summaries().len()
    );
    // Canonical: the same matrix always gives the same bytes.
    assert_eq!(m.to_json_pretty(), seeds().to_json_pretty());
}

/// A minimal RFC 4180 reader, independent of the writer: records end in CRLF
/// outside quotes; a quoted field may hold commas, CR, LF and doubled quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, '"') => panic!("bare quote inside an unquoted field: {field:?}"),
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("bare LF outside quotes"),
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(
        field.is_empty() && record.is_empty(),
        "last record lacks CRLF"
    );
    records
}

#[test]
fn csv_with_commas_quotes_and_newlines_parses_back() {
    let title = "Peer work, \"as we see it\"\nand, yes, \"more\"";
    let d = doc(&[
        (
            title,
            Some(12),
            &[&finding(
                &[
                    link("facilitator", "supervision", "facilitator"),
                    absent("facilitator", "formal_recruitment_process", "barrier"),
                    link("barrier", "rota_instability", "barrier"),
                ],
                r#""reported_by": ["peer_worker", "manager"], "endorsement_count": 3"#,
            )],
        ),
        (
            "Plain",
            None,
            &[&finding(
                &[link("facilitator", "supervision", "barrier")],
                "",
            )],
        ),
    ]);
    let m = EvidenceMatrix::from_document(&d);
    let csv = m.to_csv();
    let records = parse_csv(&csv);
    assert_eq!(records[0].len(), 18);
    assert_eq!(records[0][0], "kind");
    let cells: usize = m.concepts().iter().map(|r| r.study_count()).sum();
    assert_eq!(records.len(), 1 + cells);
    for r in &records {
        assert_eq!(r.len(), 18, "{r:?}");
    }
    let col = |name: &str| records[0].iter().position(|h| h == name).unwrap();
    let find = |code: &str, study: &str| {
        records
            .iter()
            .find(|r| r[col("code")] == code && r[col("study")] == study)
            .unwrap_or_else(|| panic!("no record for {code} in study {study}"))
    };
    let sup = find("supervision", "1");
    assert_eq!(sup[col("study_title")], title);
    assert_eq!(sup[col("study_sample")], "12");
    assert_eq!(sup[col("stances")], "facilitator");
    assert_eq!(sup[col("participants")], "3");
    assert_eq!(sup[col("reported_by")], "peer_worker;manager");
    assert_eq!(
        [
            sup[col("study_kind")].as_str(),
            sup[col("sample_unit")].as_str(),
            sup[col("count")].as_str(),
            sup[col("confidence")].as_str(),
            sup[col("not_independent_of")].as_str(),
        ],
        ["primary", "participants", "3", "", ""]
    );
    assert_eq!(sup[col("known")], "true");
    let rec = find("formal_recruitment_process", "1");
    assert_eq!(
        (
            rec[col("stances")].as_str(),
            rec[col("absent_stances")].as_str()
        ),
        ("", "barrier")
    );
    let custom = find("rota_instability", "1");
    assert_eq!(custom[col("known")], "false");
    assert_eq!(custom[col("label")], "rota_instability");
    let plain = find("supervision", "2");
    assert_eq!(plain[col("study_title")], "Plain");
    assert_eq!(
        (
            plain[col("study_sample")].as_str(),
            plain[col("participants")].as_str()
        ),
        ("", "")
    );
}

#[test]
fn seed_csv_has_one_record_per_concept_and_study() {
    let m = seeds();
    let records = parse_csv(&m.to_csv());
    let cells: usize = m.concepts().iter().map(|r| r.study_count()).sum();
    assert_eq!(records.len(), 1 + cells);
    let titles: std::collections::BTreeSet<&str> =
        records[1..].iter().map(|r| r[6].as_str()).collect();
    assert_eq!(titles.len(), 4);
}

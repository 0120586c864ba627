//! Synthesis over a document with a project codebook: declared concepts
//! known and labelled, exact matches merged, rows rolled up by broader
//! concept and by framework, each study once per group.

use peer_support::synthesis::{EvidenceMatrix, Grouping};
use peer_support::vocabulary::{Barrier, Kind, RelationKind};
use serde_json::Value;

fn golden() -> peer_support::Document {
    let json = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/1.1/codebook.json"
    ));
    let loaded = peer_support::from_str(json).unwrap();
    assert!(loaded.report.is_empty(), "{}", loaded.report);
    loaded.document
}

#[test]
fn the_golden_codebook_uses_every_relation_kind_and_round_trips() {
    let document = golden();
    for kind in RelationKind::ALL {
        assert!(
            document
                .concepts
                .iter()
                .flat_map(|c| &c.relations)
                .any(|r| r.relation == *kind),
            "no {kind} relation"
        );
    }
    let again = peer_support::from_str(&document.to_json_pretty()).unwrap();
    assert_eq!(again.document, document);
}

#[test]
fn exact_matches_share_the_standard_row_and_declared_concepts_keep_their_labels() {
    let matrix = EvidenceMatrix::from_document(&golden());
    let low_pay = matrix.get(&Barrier::LowPay.into()).unwrap();
    assert_eq!(low_pay.study_count(), 2);
    let merged: Vec<&str> = low_pay.exact_matches().iter().map(|c| c.code()).collect();
    assert_eq!(merged, ["poor_pay"]);
    assert!(
        matrix
            .concepts()
            .iter()
            .all(|r| r.concept().code() != "poor_pay")
    );
    let hr = matrix
        .concepts()
        .iter()
        .find(|r| r.concept().code() == "hr_management_policies")
        .unwrap();
    assert!(hr.is_declared());
    assert_eq!(hr.label(), "Human resource management policies");
    let json: Value = serde_json::from_str(&matrix.to_json_pretty()).unwrap();
    let row = json["concepts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "low_pay")
        .unwrap();
    assert_eq!(
        row["exact_matches"],
        serde_json::json!([{"kind": "barrier", "code": "poor_pay"}])
    );
}

#[test]
fn broader_rolls_narrower_concepts_up_and_counts_each_study_once() {
    let rollup = EvidenceMatrix::from_document(&golden()).rollup(Grouping::Broader);
    let groups: Vec<(Option<&str>, usize, usize)> = rollup
        .groups
        .iter()
        .map(|g| (g.group.as_deref(), g.studies, g.findings))
        .collect();
    assert_eq!(
        groups,
        [
            (Some("barrier:hr_management_policies"), 2, 2),
            (Some("barrier:welfare_rules"), 2, 2),
            (Some("outcome:reduced_self_stigma"), 1, 1),
        ]
    );
    let hr = &rollup.groups[0];
    let members: Vec<&str> = hr.members.iter().map(|m| m.code.as_str()).collect();
    assert_eq!(
        members,
        [
            "hr_management_policies",
            "limited_career_progression",
            "low_pay"
        ]
    );
    // S1's one finding links both hr_management_policies and poor_pay (low_pay).
    assert_eq!(hr.evidence[0].findings, 1);
    assert_eq!(hr.evidence[0].concepts, [0, 2]);
}

#[test]
fn framework_groupings_use_declared_mappings_and_show_the_unmapped() {
    let matrix = EvidenceMatrix::from_document(&golden());
    let domains = matrix.rollup(Grouping::CfirDomain);
    let found: Vec<(Option<&str>, usize)> = domains
        .groups
        .iter()
        .map(|g| (g.group.as_deref(), g.studies))
        .collect();
    assert_eq!(
        found,
        [
            (Some("outer_setting"), 2),
            (Some("inner_setting"), 2),
            (None, 1)
        ]
    );
    assert_eq!(domains.groups[2].label, "(unmapped)");
    let chime = matrix.rollup(Grouping::Chime);
    assert_eq!(chime.groups[0].group.as_deref(), Some("identity"));
    let kinds = matrix.rollup(Grouping::Kind);
    assert_eq!(kinds.groups[0].group.as_deref(), Some(Kind::Barrier.code()));
    // The heat-map cells: every member concept x study, with its group.
    let json: Value = serde_json::from_str(&domains.to_json_pretty()).unwrap();
    assert_eq!(json["by"], "cfir-domain");
    let cell = &json["cells"][0];
    for field in ["group", "kind", "code", "study", "stances", "findings"] {
        assert!(cell.get(field).is_some(), "{cell} lacks {field}");
    }
    assert!(
        json["cells"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["group"].is_null() && c["code"] == "reduced_self_stigma")
    );
}

#[test]
fn groupings_parse_from_their_codes() {
    for g in Grouping::ALL {
        assert_eq!(g.code().parse::<Grouping>().unwrap(), *g);
        assert_eq!(g.to_string(), g.code());
    }
    assert_eq!(
        "domain".parse::<Grouping>().unwrap_err().to_string(),
        "unknown grouping \"domain\": expected one of concept, broader, cfir-construct, cfir-domain, chime, kind"
    );
}

#[test]
fn rollup_csv_has_one_record_per_group_and_study() {
    let rollup = EvidenceMatrix::from_document(&golden()).rollup(Grouping::CfirDomain);
    let mut csv = Vec::new();
    rollup.write_csv(&mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "by,group,group_label,study,study_id,study_title,stances,findings,concepts"
    );
    assert_eq!(lines.len(), 1 + 5);
    assert!(
        lines[3].ends_with(",barrier,1,hr_management_policies;low_pay"),
        "{}",
        lines[3]
    );
}

#[test]
fn studies_alone_roll_up_along_the_standard_codebook() {
    let json = r#"{"schema": "urn:peer-support:study-document", "schema_version": "1.1.0",
      "studies": [{"id": "a0000000-0000-4000-8000-000000000001", "citation": {"title": "Study 1"},
        "findings": [{"id": "f0000000-0000-4000-8000-000000000001", "statement": "A finding.",
          "concepts": [{"kind": "role", "code": "peer_support_worker", "stance": "facilitator"}]}]}]}"#;
    let loaded = peer_support::from_str(json).unwrap();
    assert!(loaded.report.is_empty(), "{}", loaded.report);
    let document = loaded.document;
    let groups = |matrix: EvidenceMatrix| -> Vec<Option<String>> {
        matrix
            .rollup(Grouping::Broader)
            .groups
            .into_iter()
            .map(|g| g.group)
            .collect()
    };
    let expected = [Some("role:peer_worker".to_owned())];
    assert_eq!(groups(EvidenceMatrix::from_document(&document)), expected);
    assert_eq!(
        groups(EvidenceMatrix::from_studies(&document.studies)),
        expected
    );
    assert_eq!(groups(document.studies.iter().collect()), expected);
}

/// A document whose declared concepts `chain_0` … `chain_{n-1}` form one
/// `broader` chain (`chain_i broader chain_{i+1}`), each linked by a finding
/// of its own.
fn chain_document(n: usize) -> String {
    let mut concepts = Vec::with_capacity(n);
    let mut findings = Vec::with_capacity(n);
    for i in 0..n {
        let relations = if i + 1 < n {
            format!(
                r#", "relations": [{{"relation": "broader", "kind": "barrier", "code": "chain_{}"}}]"#,
                i + 1
            )
        } else {
            String::new()
        };
        concepts.push(format!(
            r#"{{"kind": "barrier", "code": "chain_{i}", "label": "Chain {i}"{relations}}}"#
        ));
        findings.push(format!(
            r#"{{"id": "f0000000-0000-4000-8000-{i:012}", "statement": "A finding.",
              "concepts": [{{"kind": "barrier", "code": "chain_{i}", "stance": "barrier"}}]}}"#
        ));
    }
    format!(
        r#"{{"schema": "urn:peer-support:study-document", "schema_version": "1.1.0",
          "concepts": [{}],
          "studies": [{{"id": "a0000000-0000-4000-8000-000000000001", "citation": {{"title": "Study 1"}},
            "findings": [{}]}}]}}"#,
        concepts.join(","),
        findings.join(",")
    )
}

/// 100,000 concepts: large enough that a quadratic step (climbing the whole
/// chain for every row, a linear search per relation) would take hours, and
/// that recursion along the chain would overflow the stack, yet linear work
/// finishes in seconds even in a debug build. No timing is asserted: shared
/// machines are too noisy for that; the test simply has to finish.
const LONG_CHAIN: usize = 100_000;

#[test]
fn a_long_broader_chain_is_validated_and_rolled_up() {
    let loaded = peer_support::from_str(&chain_document(LONG_CHAIN)).unwrap();
    assert!(loaded.report.is_empty(), "{}", loaded.report);
    let matrix = EvidenceMatrix::from_document(&loaded.document);
    assert_eq!(matrix.concepts().len(), LONG_CHAIN);
    let top = format!("chain_{}", LONG_CHAIN - 1);
    assert!(matrix.concepts().iter().all(|row| {
        let broadest: Vec<&str> = row.broadest().map(|c| c.code()).collect();
        broadest == [top.as_str()]
    }));
    let rollup = matrix.rollup(Grouping::Broader);
    assert_eq!(rollup.groups.len(), 1);
    assert_eq!(rollup.groups[0].findings, LONG_CHAIN);
}

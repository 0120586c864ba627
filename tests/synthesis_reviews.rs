//! Reviews in the evidence matrix: their counts kept apart from
//! participants, their best GRADE-CERQual confidence, studies given twice
//! counted once, and reviews that include a primary study of the matrix
//! shown as overlapping it; and the GRADE-CERQual tables.

use peer_support::document::{self, Document};
use peer_support::study::Concept;
use peer_support::synthesis::cerqual::{CerqualTables, Table};
use peer_support::synthesis::{DuplicateReason, EvidenceMatrix};
use peer_support::vocabulary::{CerqualConfidence, Facilitator, SampleUnit};

fn load(json: &str) -> Document {
    let loaded = document::from_str(json).expect("test document reads");
    assert!(!loaded.report.has_errors(), "{}", loaded.report);
    loaded.document
}

fn document(studies: &[String]) -> Document {
    load(&format!(
        r#"{{"schema": "urn:peer-support:study-document", "schema_version": "1.1.0", "studies": [{}]}}"#,
        studies.join(",")
    ))
}

fn id(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}

/// A primary study with one finding on supervision by `participants` of its
/// `total` participants.
fn primary(n: u32, doi: &str, total: u32, participants: u32) -> String {
    let people: Vec<String> = (0..participants).map(|p| id(n * 100 + 50 + p)).collect();
    let records: Vec<String> = people
        .iter()
        .enumerate()
        .map(|(i, p)| format!(r#"{{"id": "{p}", "code": "P{i}", "group": "peer_worker"}}"#))
        .collect();
    format!(
        r#"{{"id": "{}", "citation": {{"title": "Primary {n}", "doi": "{doi}"}},
            "sample": {{"total": {total}}}, "participants": [{}],
            "findings": [{{"id": "{}", "statement": "s", "participants": [{}],
              "concepts": [{{"kind": "facilitator", "code": "supervision", "stance": "facilitator"}}]}}]}}"#,
        id(n * 100),
        records.join(","),
        id(n * 100 + 1),
        people
            .iter()
            .map(|p| format!("\"{p}\""))
            .collect::<Vec<_>>()
            .join(",")
    )
}

/// A review of `included` DOIs whose one finding on supervision is
/// supported by all of them and assessed at `confidence`.
fn review(n: u32, included: &[&str], confidence: &str) -> String {
    let studies: Vec<String> = included
        .iter()
        .enumerate()
        .map(|(i, doi)| {
            format!(
                r#"{{"id": "{}", "citation": {{"title": "Included {i}", "doi": "{doi}"}}}}"#,
                id(n * 100 + 10 + i as u32)
            )
        })
        .collect();
    let contributing: Vec<String> = (0..included.len())
        .map(|i| format!("\"{}\"", id(n * 100 + 10 + i as u32)))
        .collect();
    format!(
        r#"{{"id": "{}", "kind": "review", "citation": {{"title": "Review {n}"}},
            "sample": {{"unit": "studies", "total": {}}},
            "review": {{"type": "systematic_review", "included": [{}]}},
            "findings": [{{"id": "{}", "statement": "s", "contributing": [{}],
              "concepts": [{{"kind": "facilitator", "code": "supervision", "stance": "facilitator"}}],
              "cerqual": {{"confidence": "{confidence}", "explanation": "e"}}}}]}}"#,
        id(n * 100),
        included.len(),
        studies.join(","),
        id(n * 100 + 1),
        contributing.join(",")
    )
}

fn supervision() -> Concept {
    Concept::Facilitator(Facilitator::Supervision)
}

#[test]
fn review_counts_are_included_studies_and_never_participants() {
    let d = document(&[
        primary(1, "10.5555/p1", 12, 3),
        review(2, &["10.5555/a", "10.5555/b"], "moderate"),
        review(3, &["10.5555/c", "10.5555/d", "10.5555/e"], "low"),
    ]);
    let m = EvidenceMatrix::from_document(&d);
    let row = m.get(&supervision()).unwrap();
    assert_eq!(row.participants(), Some(3));
    assert_eq!(row.total(&SampleUnit::Studies), Some(5));
    assert_eq!(row.total(&SampleUnit::Reviews), None);
    assert_eq!(
        row.totals(),
        [(SampleUnit::Participants, 3), (SampleUnit::Studies, 5)]
    );
    let cells: Vec<_> = row
        .evidence()
        .iter()
        .map(|e| (e.count(), e.unit().clone(), e.participants()))
        .collect();
    assert_eq!(
        cells,
        [
            (Some(3), SampleUnit::Participants, Some(3)),
            (Some(2), SampleUnit::Studies, None),
            (Some(3), SampleUnit::Studies, None),
        ]
    );
    assert_eq!(row.best_confidence(), Some(&CerqualConfidence::Moderate));
    assert_eq!(
        row.evidence()[2].confidence(),
        Some(&CerqualConfidence::Low)
    );

    let json: serde_json::Value = serde_json::from_str(&m.to_json_pretty()).unwrap();
    let concept = &json["concepts"][0];
    assert_eq!(concept["participants"], 3);
    assert_eq!(concept["included_studies"], 5);
    assert!(concept.get("included_reviews").is_none());
    assert_eq!(concept["confidence"], "moderate");
    assert_eq!(json["studies"][1]["kind"], "review");
    assert_eq!(json["studies"][1]["review_type"], "systematic_review");
    assert_eq!(json["studies"][1]["unit"], "studies");
    assert_eq!(json["studies"][0]["unit"], "participants");
    assert_eq!(concept["evidence"][1]["unit"], "studies");
    assert_eq!(concept["evidence"][1]["count"], 2);

    let table = m.to_table();
    assert!(
        table.contains("S1  Primary 1 (12 participants)\n"),
        "{table}"
    );
    assert!(
        table.contains("S2  Review 2 (review: systematic review; 2 included studies)\n"),
        "{table}"
    );
    let header = table.lines().next().unwrap();
    assert!(
        header.contains("participants  incl. studies  confidence  disagreement"),
        "{header}"
    );
    assert!(!header.contains("incl. reviews"), "{header}");
}

/// A review that says its sample counts participants (a warning) pools the
/// participants of its included studies: its counts stay in its own cell and
/// never add to the primary studies' participants.
#[test]
fn a_review_counting_participants_never_adds_to_participants() {
    let mut review = review(2, &["10.1000/P1"], "high");
    review = review.replace(
        r#""unit": "studies", "total": 1"#,
        r#""unit": "participants", "total": 500"#,
    );
    review = review.replace(
        r#""statement": "s", "contributing""#,
        r#""statement": "s", "endorsement_count": 300, "contributing""#,
    );
    let doc = document(&[primary(1, "10.1000/p1", 10, 10), review]);
    let matrix = EvidenceMatrix::from_document(&doc);
    let row = matrix.get(&supervision()).unwrap();
    let review_cell = row.in_study(1).unwrap();
    assert_eq!(review_cell.unit(), &SampleUnit::Participants);
    // The endorsement count, not the one contributing study.
    assert_eq!(review_cell.count(), Some(300));
    assert_eq!(review_cell.participants(), None);
    assert_eq!(row.in_study(0).unwrap().participants(), Some(10));
    assert_eq!(row.participants(), Some(10));
    assert_eq!(row.totals(), [(SampleUnit::Participants, 10)]);
}

#[test]
fn a_matrix_without_reviews_keeps_its_columns() {
    let m = EvidenceMatrix::from_document(&document(&[primary(1, "10.5555/p1", 12, 3)]));
    let header = m.to_table().lines().next().unwrap().to_owned();
    assert!(
        header.ends_with("studies  findings  participants  disagreement"),
        "{header}"
    );
}

#[test]
fn a_study_given_twice_counts_once_and_is_reported() {
    let d = document(&[primary(1, "10.5555/p1", 12, 3)]);
    let m = EvidenceMatrix::from_studies(d.studies.iter().chain(&d.studies));
    assert_eq!(m.studies().len(), 1);
    assert_eq!(m.get(&supervision()).unwrap().participants(), Some(3));
    let dups = m.duplicates();
    assert_eq!(dups.len(), 1);
    assert_eq!(
        (dups[0].kept, dups[0].reason, dups[0].title.as_str()),
        (0, DuplicateReason::SameId, "Primary 1")
    );
    assert!(
        m.to_table()
            .contains("=   left out, the same study as S1 (same id): Primary 1\n")
    );
    let json: serde_json::Value = serde_json::from_str(&m.to_json_pretty()).unwrap();
    assert_eq!(json["duplicates"][0]["reason"], "same_id");
    assert_eq!(json["duplicates"][0]["kept"], 0);
}

#[test]
fn the_same_doi_in_another_case_is_the_same_study() {
    let a = document(&[primary(1, "10.5555/ABC", 12, 3)]);
    let b = document(&[primary(2, "10.5555/abc", 20, 5)]);
    let m = EvidenceMatrix::from_studies(a.studies.iter().chain(&b.studies));
    assert_eq!(m.studies().len(), 1);
    assert_eq!(m.duplicates()[0].reason, DuplicateReason::SameDoi);
    assert_eq!(m.get(&supervision()).unwrap().participants(), Some(3));
}

#[test]
fn a_review_including_a_primary_study_of_the_matrix_overlaps_it() {
    let d = document(&[
        primary(1, "10.5555/p1", 12, 3),
        primary(2, "10.5555/p2", 8, 2),
        review(3, &["10.5555/P1", "10.5555/other"], "high"),
    ]);
    let m = EvidenceMatrix::from_document(&d);
    let overlaps: Vec<(usize, usize)> =
        m.overlaps().iter().map(|o| (o.review, o.primary)).collect();
    assert_eq!(overlaps, [(2, 0)]);
    let row = m.get(&supervision()).unwrap();
    assert_eq!(row.study_count(), 3);
    assert_eq!(m.independent_studies(row), 2);
    assert_eq!(m.overlaps_in(row).count(), 1);
    // Both kept, in their own units: nothing is added across them.
    assert_eq!(row.participants(), Some(5));
    assert_eq!(row.total(&SampleUnit::Studies), Some(2));

    let table = m.to_table();
    let line = table.lines().find(|l| l.contains("supervision")).unwrap();
    assert!(line.contains("facilitator^"), "{line}");
    assert!(
        table.contains(
            "^   S3 includes S1: where both report a concept, their evidence is not independent\n"
        ),
        "{table}"
    );
    let csv = m.to_csv();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let col = header
        .iter()
        .position(|h| *h == "not_independent_of")
        .unwrap();
    let values: Vec<String> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(col).unwrap_or_default().to_owned())
        .collect();
    assert_eq!(values, ["3", "", "1"]);
}

#[test]
fn cerqual_tables_of_the_golden_fixture() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/1.1/cerqual.json"
    ))
    .unwrap();
    let d = load(&text);
    let tables = CerqualTables::from_document(&d);
    assert_eq!(tables.reviews().len(), 1);
    assert_eq!(tables.assessed(), 2);
    let review = &tables.reviews()[0];
    assert_eq!(review.unassessed, 1);
    assert_eq!(
        review.objective.as_deref(),
        Some("To synthesise how peer workers in mental health services experience supervision.")
    );
    assert_eq!(
        review.findings[0].contributing_labels("; "),
        "First C et al. (2015); Fourth F et al. (2022)"
    );

    let soqf = tables.to_markdown(Table::SummaryOfFindings);
    assert!(soqf.starts_with(
        "## Summary of Qualitative Findings: An illustrative qualitative evidence synthesis"
    ));
    assert!(
        soqf.contains(
            "**Perspective:** Peer workers employed in adult mental health services.  \n"
        )
    );
    assert!(soqf.contains(
        "| # | Summary of review finding | Contributing studies | CERQual assessment of confidence | Explanation of CERQual assessment |\n|---|---|---|---|---|\n"
    ));
    assert!(soqf.contains("| 2 | Supervision focused on risk made peer workers feel their role was diluted. | Third E (2019) | Low confidence | Low confidence because"));
    assert!(soqf.contains(
        "\n1 finding of this review has no GRADE-CERQual assessment and is not listed.\n"
    ));
    assert!(!soqf.contains("Adequacy of data"));

    let profile = tables.to_markdown(Table::EvidenceProfile);
    assert!(profile.contains("| Methodological limitations | Coherence | Adequacy of data | Relevance | Overall CERQual assessment |"));
    assert!(profile.contains("| Serious concerns: One study with thin data. |"));

    let csv = tables.to_csv(Table::EvidenceProfile);
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "review_id,review_title,finding_id,finding,contributing,contributing_count,\
         methodological_limitations_concern,methodological_limitations_explanation,\
         coherence_concern,coherence_explanation,adequacy_concern,adequacy_explanation,\
         relevance_concern,relevance_explanation,confidence,explanation"
    );
    let second = lines.nth(1).unwrap();
    assert!(
        second.contains(",1,moderate,The single contributing study"),
        "{second}"
    );
    assert!(
        second.contains(",serious,One study with thin data.,"),
        "{second}"
    );
    assert!(second.contains(",low,Low confidence because"), "{second}");

    let json: serde_json::Value = serde_json::from_str(&tables.to_json_pretty()).unwrap();
    assert_eq!(json["reviews"][0]["unassessed"], 1);
    assert_eq!(
        json["reviews"][0]["findings"][1]["cerqual"]["adequacy"]["concern"],
        "serious"
    );
}

#[test]
fn cerqual_tables_without_reviews_say_so() {
    let d = document(&[primary(1, "10.5555/p1", 12, 3)]);
    let tables = CerqualTables::from_document(&d);
    assert!(tables.reviews().is_empty());
    assert_eq!(
        tables.to_markdown(Table::SummaryOfFindings),
        "No review finding has a GRADE-CERQual assessment.\n"
    );
    assert_eq!(tables.to_csv(Table::SummaryOfFindings).lines().count(), 1);
}

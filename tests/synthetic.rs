//! The synthetic corpus generator: valid at every size, deterministic, and
//! shaped like the studies it imitates.

use peer_support::document;
use peer_support::synthetic::Corpus;

const SIZES: &[(u64, usize, usize)] = &[
    // (seed, studies, excerpts)
    (0, 1, 0),
    (1, 1, 1),
    (2, 3, 7),
    (3, 4, 1_000),
    (u64::MAX, 7, 5_003),
    (42, 2, 20_000),
];

#[test]
fn generated_documents_validate_without_issues_at_several_sizes_and_seeds() {
    for &(seed, studies, excerpts) in SIZES {
        let doc = Corpus::new(seed)
            .studies(studies)
            .excerpts(excerpts)
            .build();
        let report = doc.validate();
        assert!(
            report.issues.is_empty(),
            "seed {seed}, {studies} studies, {excerpts} excerpts: {:#?}",
            &report.issues[..report.issues.len().min(5)]
        );
        assert_eq!(doc.studies.len(), studies);
        let total: usize = doc.studies.iter().map(|s| s.excerpts.len()).sum();
        assert_eq!(total, excerpts);
    }
}

#[test]
fn the_public_reader_loads_a_generated_document_back_unchanged_and_clean() {
    let doc = Corpus::new(9).studies(3).excerpts(2_000).build();
    let json = doc.to_json_pretty();
    let loaded = document::from_str(&json).unwrap();
    assert!(
        loaded.report.issues.is_empty(),
        "{:?}",
        loaded.report.issues
    );
    assert_eq!(loaded.document, doc);
    assert_eq!(loaded.document.to_json_pretty(), json);
}

/// The SHA-256 of the canonical compact JSON of
/// `Corpus::new(2024).studies(5).excerpts(3_000)`. Pinned, so a change to
/// the generator's stream, or one that depends on the platform, fails here
/// (the benchmarks' figures are only comparable on the same stream). Update
/// it deliberately when the generator changes, and say so in CHANGELOG.
const CORPUS_2024_SHA256: &str = "b1b50743ce1bb4eee3e02ef9a6c947cd9c3b0810546d3fd5b0758a1894787a07";

#[test]
fn a_seed_gives_the_same_bytes_everywhere() {
    use sha2::{Digest, Sha256};
    let document = Corpus::new(2024).studies(5).excerpts(3_000).build();
    let digest = Sha256::digest(document.to_json_compact().as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, CORPUS_2024_SHA256);
    let other = Corpus::new(2025).studies(5).excerpts(3_000).build();
    assert_ne!(document.to_json_compact(), other.to_json_compact());
}

#[test]
fn a_study_does_not_depend_on_the_studies_around_it() {
    // Study k is drawn from its own stream: adding studies after it, or
    // resizing them, leaves its shape (ids, participants, themes) alone.
    let small = Corpus::new(5).studies(2).excerpts(200).build();
    let large = Corpus::new(5).studies(4).excerpts(400).build();
    assert_eq!(small.studies[0].id, large.studies[0].id);
    assert_eq!(small.studies[1].citation, large.studies[1].citation);
    assert_eq!(small.studies[0].excerpts, large.studies[0].excerpts);
}

#[test]
fn studies_have_the_shape_of_interview_studies() {
    let doc = Corpus::new(11).studies(12).excerpts(12_000).build();
    let mut two_round_studies = 0;
    let mut multi_group_studies = 0;
    for study in &doc.studies {
        let published = study.citation.published.unwrap();
        let sample = study.sample.as_ref().unwrap();
        assert!(sample.total.unwrap() as usize >= study.participants.len());
        if sample.groups.len() > 1 {
            multi_group_studies += 1;
        }
        assert!(study.participants.len() >= 3);
        assert!(study.sources.len() >= study.participants.len());
        for source in &study.sources {
            assert_eq!(source.participants.len(), 1);
            assert!(source.date.unwrap() < published);
        }
        if study.design.interview_rounds == Some(2) {
            two_round_studies += 1;
            assert!(study.sources.iter().any(|s| s.round == Some(2)));
        }
        for excerpt in &study.excerpts {
            let words = excerpt.text.split_whitespace().count();
            assert!((20..=120).contains(&words), "{words} words");
            assert!(
                !excerpt
                    .text
                    .contains(|c: char| c.is_ascii_digit() || c == '@'),
                "{}",
                excerpt.text
            );
        }
        assert!(study.themes.iter().any(|t| t.parent.is_some()));
        assert!(study.themes.iter().any(|t| t.parent.is_none()));
        assert!(study.findings.len() >= 4);
        let cited: usize = study.findings.iter().map(|f| f.excerpts.len()).sum();
        assert_eq!(cited, study.excerpts.len(), "every excerpt is cited once");
        for finding in &study.findings {
            assert!(!finding.concepts.is_empty());
            assert!(finding.concepts.iter().all(|c| c.concept.is_known()));
        }
    }
    assert!(two_round_studies > 0, "some studies interview twice");
    assert!(
        multi_group_studies > 0,
        "some studies span stakeholder groups"
    );
}

#[test]
fn an_unknown_field_deep_in_a_large_document_is_still_reported_with_its_path() {
    let doc = Corpus::new(3).studies(2).excerpts(500).build();
    let mut value = serde_json::to_value(&doc).unwrap();
    value["studies"][1]["excerpts"][123]["speaker_name"] = serde_json::json!("x");
    let json = serde_json::to_vec(&value).unwrap();

    let loaded = document::from_slice(&json).unwrap();
    let paths: Vec<&str> = loaded
        .report
        .issues
        .iter()
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(paths, ["/studies/1/excerpts/123/speaker_name"]);
    // Kept on its excerpt, and nothing else differs.
    let mut document = loaded.document;
    let excerpt = &mut document.studies[1].excerpts[123];
    assert_eq!(
        excerpt.unknown_fields().get("speaker_name"),
        Some(&"x".into())
    );
    excerpt.clear_unknown_fields();
    assert_eq!(document, doc);

    let strict = document::ReadOptions::new().strict(true).load_slice(&json);
    assert!(
        matches!(strict, Err(document::ReadError::UnknownFields { ref issues }) if issues.len() == 1),
        "{strict:?}"
    );
}

#[test]
fn a_type_error_deep_in_a_large_document_keeps_its_path_and_position() {
    let doc = Corpus::new(4).studies(2).excerpts(500).build();
    let json = doc.to_json_pretty();
    let id = doc.studies[1].excerpts[200].id.to_string();
    let broken = json.replacen(&format!("\"id\": \"{id}\""), "\"id\": 17", 1);
    match document::from_str(&broken) {
        Err(document::ReadError::Json(e)) => {
            assert_eq!(e.path(), "/studies/1/excerpts/200/id");
            assert!(e.line() > 1);
        }
        other => panic!("{other:?}"),
    }
}

/// `peer-support generate` prints exactly what the library builds.
#[cfg(feature = "cli")]
mod generate_command {
    use std::process::Command;

    use peer_support::synthetic::Corpus;

    fn run(args: &[&str]) -> std::process::Output {
        Command::new(env!("CARGO_BIN_EXE_peer-support"))
            .arg("generate")
            .args(args)
            .output()
            .unwrap()
    }

    #[test]
    fn prints_the_canonical_document_pretty_or_compact() {
        let doc = Corpus::new(9).studies(2).excerpts(50).build();
        let pretty = run(&["--studies", "2", "--excerpts", "50", "--seed", "9"]);
        assert!(pretty.status.success(), "{pretty:?}");
        assert_eq!(
            String::from_utf8(pretty.stdout).unwrap(),
            doc.to_json_pretty()
        );
        let compact = run(&[
            "--studies",
            "2",
            "--excerpts",
            "50",
            "--seed",
            "9",
            "--compact",
        ]);
        assert!(compact.status.success(), "{compact:?}");
        assert_eq!(
            String::from_utf8(compact.stdout).unwrap(),
            doc.to_json_compact() + "\n"
        );
    }

    #[test]
    fn zero_studies_is_a_usage_error() {
        let out = run(&["--studies", "0"]);
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        assert!(out.stdout.is_empty());
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("--studies"),
            "{out:?}"
        );
    }
}

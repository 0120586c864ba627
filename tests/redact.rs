//! Redaction: what each level removes and keeps, as properties over generated
//! documents and on the fixtures, plus the `redact` command.

mod common;

use std::collections::HashSet;

use common::strategies::{self, LOCATION_MARK, NOTE_MARK, QUOTE_MARK, Style};
use peer_support::RedactionLevel;
use peer_support::document::{self, Document};
use peer_support::redact::{PARTICIPANT, REDACTED};
use peer_support::study::Extensions;
use peer_support::vocabulary::SampleUnit;
use proptest::prelude::*;

fn config() -> ProptestConfig {
    let cases = common::cases(64);
    ProptestConfig {
        cases,
        // About one in three "any" documents has no error; room for that
        // rate at any case count, so a long run is not aborted.
        max_global_rejects: cases.saturating_mul(16),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// `text` as it appears inside a JSON string in canonical output.
fn escaped(text: &str) -> String {
    let quoted = serde_json::to_string(text).unwrap();
    quoted[1..quoted.len() - 1].to_owned()
}

/// The redacted copy validates without errors and round-trips canonically.
fn check_shareable(redacted: &Document) -> Result<String, TestCaseError> {
    let report = redacted.validate();
    prop_assert!(!report.has_errors(), "{}", report);
    let compact = redacted.to_json_compact();
    let back = document::from_str(&compact).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back.document, redacted);
    Ok(compact)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn quotes_removes_every_excerpt_text_location_note_and_extension(
        doc in strategies::document(Style::VALID),
    ) {
        let redaction = doc.clone().into_redaction(RedactionLevel::Quotes);
        let redacted = &redaction.document;
        let out = check_shareable(redacted)?;
        // Unknown fields are dropped at every level, and counted; what is
        // kept is compared with the original without them.
        let mut doc = doc;
        prop_assert_eq!(redaction.unknown_fields_dropped, doc.clear_all_unknown_fields());
        prop_assert!(!out.contains("\"x-unknown-"), "an unknown field survived");
        for study in &doc.studies {
            for excerpt in &study.excerpts {
                prop_assert!(!out.contains(&escaped(&excerpt.text)), "excerpt text survived");
                if let Some(location) = &excerpt.location {
                    prop_assert!(!out.contains(&escaped(location)), "location survived");
                }
            }
            let finding_notes = study.findings.iter().filter_map(|f| f.notes.as_ref());
            for notes in study.notes.iter().chain(finding_notes) {
                prop_assert!(!out.contains(&escaped(notes)), "notes survived");
            }
        }
        for mark in [QUOTE_MARK, NOTE_MARK, LOCATION_MARK] {
            prop_assert!(!out.contains(mark), "{} survived", mark);
        }
        prop_assert!(!out.contains("\"extensions\":"), "extensions survived");
        // Structure and links are kept.
        prop_assert_eq!(redacted.studies.len(), doc.studies.len());
        for (r, o) in redacted.studies.iter().zip(&doc.studies) {
            prop_assert_eq!(&r.participants, &o.participants);
            prop_assert_eq!(&r.sources, &o.sources);
            prop_assert_eq!(&r.themes, &o.themes);
            // Findings lose their notes and extensions, and nothing else.
            prop_assert_eq!(r.findings.len(), o.findings.len());
            for (rf, of) in r.findings.iter().zip(&o.findings) {
                let mut stripped = of.clone();
                stripped.notes = None;
                stripped.extensions = Extensions::new();
                prop_assert_eq!(rf, &stripped);
            }
            prop_assert_eq!(&r.sample, &o.sample);
            prop_assert_eq!(r.excerpts.len(), o.excerpts.len());
            for (re, oe) in r.excerpts.iter().zip(&o.excerpts) {
                prop_assert_eq!((re.id, re.source, re.participant), (oe.id, oe.source, oe.participant));
                prop_assert_eq!(re.text.as_str(), REDACTED);
            }
        }
    }

    #[test]
    fn aggregate_leaves_no_participant_level_record_and_keeps_the_counts(
        doc in strategies::document(Style::VALID),
    ) {
        let redaction = doc.clone().into_redaction(RedactionLevel::Aggregate);
        let redacted = &redaction.document;
        let out = check_shareable(redacted)?;
        let mut doc = doc;
        prop_assert_eq!(redaction.unknown_fields_dropped, doc.clear_all_unknown_fields());
        prop_assert!(!out.contains("\"x-unknown-"), "an unknown field survived");
        for mark in [QUOTE_MARK, NOTE_MARK, LOCATION_MARK] {
            prop_assert!(!out.contains(mark), "{} survived", mark);
        }
        // The studies' records; a declared concept's `sources` are the
        // papers that report it, which redaction keeps.
        let studies = serde_json::to_string(&redacted.studies).unwrap();
        for key in ["participants", "sources", "excerpts", "notes", "extensions"] {
            prop_assert!(!studies.contains(&format!("\"{key}\":")), "{} survived", key);
        }
        prop_assert!(!out.contains("\"notes\":") && !out.contains("\"extensions\":"));
        for (r, o) in redacted.studies.iter().zip(&doc.studies) {
            for p in &o.participants {
                prop_assert!(!out.contains(p.code.as_str()), "participant code {} survived", p.code);
                prop_assert!(!out.contains(&p.id.to_string()), "participant id survived");
            }
            for id in o.sources.iter().map(|s| s.id).chain(o.excerpts.iter().map(|e| e.id)) {
                prop_assert!(!out.contains(&id.to_string()), "source or excerpt id survived");
            }
            // How many took part is still known, where the sample counts
            // people; a review's counts of included studies are left as
            // they are (people are never added to them).
            let counts_people = o.sample_unit() == SampleUnit::Participants;
            let listed = o.participants.len() as u64;
            let total = r.sample.as_ref().and_then(|s| s.size());
            if counts_people && listed > 0 {
                prop_assert!(total.is_some_and(|t| u64::from(t) >= listed), "sample lost the count of {}", listed);
            }
            if !counts_people {
                prop_assert_eq!(&r.sample, &o.sample);
            }
            prop_assert_eq!(r.findings.len(), o.findings.len());
            for (rf, of) in r.findings.iter().zip(&o.findings) {
                let endorsers: HashSet<_> = of.participants.iter().collect();
                if counts_people {
                    prop_assert!(
                        rf.endorsement_count.unwrap_or(0) as usize >= endorsers.len(),
                        "endorsement count lost"
                    );
                } else {
                    prop_assert_eq!(rf.endorsement_count, of.endorsement_count);
                }
                prop_assert_eq!(&rf.concepts, &of.concepts);
                prop_assert_eq!(&rf.themes, &of.themes);
            }
            prop_assert_eq!(&r.themes.len(), &o.themes.len());
            prop_assert_eq!(&r.citation, &o.citation);
        }
    }

    #[test]
    fn redaction_is_idempotent_and_aggregate_includes_quotes(doc in strategies::document(Style::ANY)) {
        let quotes = doc.redact(RedactionLevel::Quotes);
        let aggregate = doc.redact(RedactionLevel::Aggregate);
        prop_assert_eq!(&quotes.redact(RedactionLevel::Quotes), &quotes);
        prop_assert_eq!(&aggregate.redact(RedactionLevel::Aggregate), &aggregate);
        prop_assert_eq!(&quotes.redact(RedactionLevel::Aggregate), &aggregate);
        prop_assert_eq!(&doc.clone().into_redacted(RedactionLevel::Aggregate), &aggregate);
    }

    #[test]
    fn redacting_any_valid_document_gives_a_valid_one(doc in strategies::document(Style::ANY)) {
        // Rejected, not skipped: proptest fails the test if too few generated
        // documents are valid, so the property cannot pass vacuously.
        prop_assume!(!doc.validate().has_errors());
        for level in RedactionLevel::ALL {
            check_shareable(&doc.redact(*level))?;
        }
    }
}

fn full_fixture() -> Document {
    let json = std::fs::read_to_string("tests/fixtures/1.0/full.json").unwrap();
    document::from_str(&json).unwrap().document
}

#[test]
fn quotes_on_the_full_fixture() {
    let original = full_fixture();
    let redacted = original.redact(RedactionLevel::Quotes);
    assert!(redacted.validate().is_empty(), "{}", redacted.validate());
    let study = &redacted.studies[0];
    assert!(
        study
            .excerpts
            .iter()
            .all(|e| e.text.as_str() == REDACTED && e.location.is_none())
    );
    assert!(study.notes.is_none() && study.extensions.is_empty() && redacted.extensions.is_empty());
    assert_eq!(study.participants, original.studies[0].participants);
    let out = redacted.to_json_pretty();
    assert!(
        !out.contains("keeps me going") && !out.contains("lines 120-131") && !out.contains("nvivo")
    );
}

#[test]
fn aggregate_on_the_full_fixture() {
    let original = full_fixture();
    let redacted = original.redact(RedactionLevel::Aggregate);
    assert!(redacted.validate().is_empty(), "{}", redacted.validate());
    let study = &redacted.studies[0];
    assert!(study.participants.is_empty() && study.sources.is_empty() && study.excerpts.is_empty());
    // The sample gave counts already: kept as they were.
    assert_eq!(study.sample, original.studies[0].sample);
    // Counts: kept where given (2, although one endorser is listed), filled
    // from the listed endorsers where not.
    let counts: Vec<_> = study.findings.iter().map(|f| f.endorsement_count).collect();
    assert_eq!(counts, [Some(2), Some(1), Some(1)]);
    assert!(
        study
            .findings
            .iter()
            .all(|f| f.participants.is_empty() && f.excerpts.is_empty())
    );
    assert_eq!(study.design, original.studies[0].design);
    let out = redacted.to_json_pretty();
    for code in ["P01", "P02", "M01", "b0000000-", "c0000000-", "d0000000-"] {
        assert!(!out.contains(code), "{code} survived");
    }
}

#[test]
fn aggregate_folds_sources_into_the_design_and_scrubs_codes_from_text() {
    let json = r#"{
      "schema": "urn:peer-support:study-document", "schema_version": "1.0.0",
      "studies": [{
        "id": "a0000000-0000-4000-8000-000000000001",
        "citation": {"title": "P1 in the title stays: citations are public"},
        "aims": ["To hear from P1 and P2"],
        "participants": [
          {"id": "b0000000-0000-4000-8000-000000000001", "code": "P1", "group": "peer_worker"},
          {"id": "b0000000-0000-4000-8000-000000000002", "code": "P2", "group": "manager"},
          {"id": "b0000000-0000-4000-8000-000000000003", "code": "P3", "group": "peer_worker"}
        ],
        "sources": [
          {"id": "c0000000-0000-4000-8000-000000000001", "method": "semi_structured_interview", "round": 1},
          {"id": "c0000000-0000-4000-8000-000000000002", "method": "focus_group", "round": 2, "interviewer_lived_experience": true}
        ],
        "themes": [{"id": "e0000000-0000-4000-8000-000000000001", "label": "What P3 said", "description": "P10 is not a participant"}],
        "findings": [{"id": "f0000000-0000-4000-8000-000000000001", "statement": "P1's and P2's accounts agreed (P1, P2).",
                      "participants": ["b0000000-0000-4000-8000-000000000001", "b0000000-0000-4000-8000-000000000002",
                                       "b0000000-0000-4000-8000-000000000001"]}]
      }]
    }"#;
    let redacted = document::from_str(json)
        .unwrap()
        .document
        .redact(RedactionLevel::Aggregate);
    assert!(!redacted.validate().has_errors(), "{}", redacted.validate());
    let study = &redacted.studies[0];
    let design = &study.design;
    let methods: Vec<_> = design.methods.iter().map(|m| m.code()).collect();
    assert_eq!(methods, ["semi_structured_interview", "focus_group"]);
    assert_eq!(design.interview_rounds, Some(2));
    assert!(design.lived_experience_interviewers);
    let sample = study.sample.as_ref().unwrap();
    assert_eq!(sample.total, Some(3));
    let groups: Vec<_> = sample
        .groups
        .iter()
        .map(|g| (g.group.code(), g.count))
        .collect();
    assert_eq!(groups, [("peer_worker", Some(2)), ("manager", Some(1))]);
    assert_eq!(study.findings[0].endorsement_count, Some(2));
    assert_eq!(
        study.findings[0].statement.as_str(),
        format!(
            "{PARTICIPANT}'s and {PARTICIPANT}'s accounts agreed ({PARTICIPANT}, {PARTICIPANT})."
        )
    );
    assert_eq!(
        study.aims[0].as_str(),
        format!("To hear from {PARTICIPANT} and {PARTICIPANT}")
    );
    assert_eq!(
        study.themes[0].label.as_str(),
        format!("What {PARTICIPANT} said")
    );
    assert_eq!(
        study.themes[0].description.as_deref(),
        Some("P10 is not a participant")
    );
    assert_eq!(
        study.citation.title.as_str(),
        "P1 in the title stays: citations are public"
    );
}

#[test]
fn the_seed_studies_redact_to_valid_documents() {
    let seeds = peer_support::catalog::seed_studies().unwrap().document;
    for level in RedactionLevel::ALL {
        let redacted = seeds.redact(*level);
        let report = redacted.validate();
        assert!(!report.has_errors(), "{level}: {report}");
    }
}

#[cfg(feature = "cli")]
mod cli {
    use std::process::Command;

    fn peer_support(args: &[&str]) -> (i32, String, String) {
        let output = Command::new(env!("CARGO_BIN_EXE_peer-support"))
            .args(args)
            .output()
            .unwrap();
        (
            output.status.code().unwrap(),
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap(),
        )
    }

    #[test]
    fn redact_prints_a_redacted_canonical_document() {
        let (status, out, err) = peer_support(&[
            "redact",
            "tests/fixtures/1.0/full.json",
            "--level",
            "aggregate",
        ]);
        assert_eq!(status, 0, "{err}");
        assert!(err.is_empty(), "{err}");
        let loaded = peer_support::document::from_str(&out).unwrap();
        assert!(loaded.report.is_empty(), "{}", loaded.report);
        assert_eq!(out, loaded.document.to_json_pretty());
        assert!(loaded.document.studies[0].participants.is_empty());
        assert!(!out.contains("P01"));

        let (status, out, _) = peer_support(&[
            "redact",
            "tests/fixtures/1.0/full.json",
            "--level",
            "quotes",
            "--compact",
        ]);
        assert_eq!(status, 0);
        assert_eq!(out.lines().count(), 1);
        assert!(out.contains("\"[redacted]\"") && out.contains("P01"));
    }

    #[test]
    fn redact_drops_unknown_fields_everywhere_and_says_how_many() {
        let (status, out, err) = peer_support(&[
            "redact",
            "tests/fixtures/lenient/unknown_at_every_level.json",
            "--level",
            "quotes",
        ]);
        assert_eq!(status, 0, "{err}");
        assert!(
            err.contains("dropped 12 field(s) this version does not define"),
            "{err}"
        );
        let loaded = peer_support::document::from_str(&out).unwrap();
        assert_eq!(
            loaded
                .report
                .with_code(peer_support::IssueCode::UnknownField)
                .count(),
            0
        );
        assert!(!out.contains("confidence_note") && !out.contains("generator"));
    }

    #[test]
    fn redact_counts_input_issues_without_quoting_them() {
        let (status, out, err) = peer_support(&[
            "redact",
            "tests/fixtures/invalid/invalid_doi.json",
            "--level",
            "quotes",
        ]);
        assert_eq!(status, 0, "{err}");
        assert!(!out.is_empty());
        assert!(err.contains("1 validation error(s)"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }

    #[test]
    fn redact_refuses_an_unknown_level_and_a_missing_one() {
        let (status, _, err) =
            peer_support(&["redact", "tests/fixtures/1.0/full.json", "--level", "names"]);
        assert_eq!(status, 2);
        assert!(err.contains("quotes, aggregate"), "{err}");
        let (status, _, err) = peer_support(&["redact", "tests/fixtures/1.0/full.json"]);
        assert_eq!(status, 2);
        assert!(err.contains("--level"), "{err}");
    }

    #[test]
    fn redact_reports_an_unreadable_document_with_its_position() {
        let (status, out, err) = peer_support(&[
            "redact",
            "tests/fixtures/invalid/truncated.json",
            "--level",
            "quotes",
        ]);
        assert_eq!(status, 1);
        assert!(out.is_empty());
        assert!(err.contains("line"), "{err}");
    }
}

//! The bundled seed studies and reviews: they load cleanly, are canonical,
//! cover the whole codebook, and say what the papers say.

use std::collections::BTreeSet;

use peer_support::Codebook;
use peer_support::catalog::{self, REVIEWS_JSON, SEED_STUDIES_JSON};
use peer_support::diagnostics::Severity;
use peer_support::document::{Document, ReadOptions};
use peer_support::study::{Study, StudyKind};
use peer_support::vocabulary::source::{
    IMPLEMENTATION_INFLUENCES_REVIEW, PEER_SUPPORT_UMBRELLA_REVIEW,
};
use peer_support::vocabulary::{
    AppraisalTool, Basis, Kind, ReviewType, SampleUnit, Source, Stance,
};

fn seeds() -> Document {
    let loaded = catalog::seed_studies().expect("the bundled seed document reads");
    loaded.document
}

#[test]
fn loads_with_no_errors_and_no_warnings_even_in_strict_mode() {
    let loaded = catalog::seed_studies().unwrap();
    assert!(
        loaded.report.is_empty(),
        "seed document has issues:\n{}",
        loaded.report
    );
    let strict = ReadOptions::new().strict(true).load_str(SEED_STUDIES_JSON);
    assert!(strict.is_ok_and(|l| l.report.is_empty()));
}

#[test]
fn the_file_is_canonical() {
    let on_disk = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/seed-studies.json"
    ))
    .unwrap();
    assert_eq!(on_disk, SEED_STUDIES_JSON, "the compiled-in copy is stale");
    let rewritten = seeds().to_json_pretty();
    if rewritten != on_disk {
        let line = rewritten
            .lines()
            .zip(on_disk.lines())
            .position(|(a, b)| a != b)
            .map_or(0, |i| i + 1);
        panic!(
            "data/seed-studies.json is not canonical; first difference at line {line}. \
             Rewrite it with Document::to_json_pretty()."
        );
    }
}

/// Every value, facilitator, barrier and outcome of the codebook is linked from
/// at least one finding of the bundled studies (the seeds, or the reviews the
/// implementation influences come from); the failure lists every orphan at
/// once.
#[test]
fn no_codebook_entry_is_an_orphan() {
    let doc = seeds();
    let reviews = peer_support::catalog::reviews().unwrap().document;
    let linked: BTreeSet<(&str, &str)> = doc
        .studies
        .iter()
        .chain(&reviews.studies)
        .flat_map(|s| &s.findings)
        .flat_map(|f| &f.concepts)
        .filter(|l| l.concept.is_known())
        .map(|l| (l.concept.kind_code(), l.concept.code()))
        .collect();
    let codebook = Codebook::standard();
    let kinds = [Kind::Value, Kind::Facilitator, Kind::Barrier, Kind::Outcome];
    let mut checked = 0;
    let orphans: Vec<String> = kinds
        .iter()
        .flat_map(|k| codebook.of_kind(*k))
        .inspect(|_| checked += 1)
        .filter(|e| !linked.contains(&(e.kind.code(), e.code)))
        .map(|e| format!("{}:{}", e.kind, e.code))
        .collect();
    assert!(
        orphans.is_empty(),
        "{} codebook entries are linked from no bundled finding: {}",
        orphans.len(),
        orphans.join(", ")
    );
    // 7 values, 10 facilitators, 13 barriers, 19 outcomes in the checklist.
    assert!(checked >= 49, "only {checked} entries checked");
}

#[test]
fn every_link_is_to_a_known_concept_with_a_known_stance() {
    for study in &seeds().studies {
        for f in &study.findings {
            for l in &f.concepts {
                assert!(l.concept.is_known(), "{} links {:?}", f.id, l.concept);
                assert!(!l.stance.is_custom(), "{} uses stance {}", f.id, l.stance);
            }
        }
    }
}

fn sample(study: &Study) -> (Option<u32>, Vec<(String, Option<u32>)>) {
    let s = study
        .sample
        .as_ref()
        .expect("every seed study has a sample");
    let groups = s
        .groups
        .iter()
        .map(|g| (g.group.to_string(), g.count))
        .collect();
    (s.total, groups)
}

#[test]
fn samples_match_the_seeds() {
    let doc = seeds();
    let samples: Vec<_> = doc.studies.iter().map(sample).collect();
    let pw = || vec![("peer_worker".to_owned(), Some(35))];
    assert_eq!(samples[0], (Some(35), pw()));
    assert_eq!(samples[1], (Some(35), pw()));
    // 002 names four groups but gives no split: the groups without counts.
    let uncounted = ["service_user", "peer_worker", "non_peer_staff", "manager"]
        .map(|g| (g.to_owned(), None))
        .to_vec();
    assert_eq!(samples[2], (Some(41), uncounted));
    assert_eq!(
        samples[3],
        (
            Some(5),
            vec![("mental_health_professional".to_owned(), Some(5))]
        )
    );
}

#[test]
fn designs_match_the_seeds() {
    let doc = seeds();
    let [s0, s1, s2, s3] = &doc.studies[..] else {
        panic!("expected four studies, found {}", doc.studies.len());
    };
    assert_eq!(s3.design.interview_rounds, Some(2));
    for s in [s0, s1, s2] {
        assert_eq!(s.design.interview_rounds, None, "{}", s.citation.title);
    }
    assert!(s0.design.co_production && s0.design.lived_experience_interviewers);
    assert!(s1.design.co_production && s1.design.lived_experience_interviewers);
    assert!(s3.design.public_involvement && !s3.design.co_production);
    let codes = |s: &Study| -> Vec<String> {
        s.design
            .methods
            .iter()
            .map(ToString::to_string)
            .chain(s.design.analyses.iter().map(ToString::to_string))
            .collect()
    };
    assert_eq!(
        codes(s0),
        ["semi_structured_interview", "thematic_analysis"]
    );
    assert_eq!(
        codes(s2),
        [
            "secondary_analysis",
            "qualitative_interview",
            "grounded_theory"
        ]
    );
    assert_eq!(
        codes(s3),
        [
            "repeat_interview",
            "qualitative_interview",
            "discourse_analysis",
            "psychosocial_analysis"
        ]
    );
}

/// `study` is cited as the vocabulary cites `source`, field by field: one
/// record of each paper, not two that can drift apart.
fn assert_cited_as(study: &Study, source: &Source) {
    let c = &study.citation;
    assert_eq!(c.title.as_str(), source.title);
    let authors: Vec<&str> = c.authors.iter().map(|a| a.as_str()).collect();
    assert_eq!(authors, source.authors, "{}", source.key);
    assert_eq!(c.year, Some(i32::from(source.year)), "{}", source.key);
    assert_eq!(c.journal.as_deref(), Some(source.journal), "{}", source.key);
    assert_eq!(c.doi.as_ref().map(|d| d.as_str()), Some(source.doi));
}

/// Each seed study is cited as the vocabulary cites its paper.
#[test]
fn citations_are_the_published_records_the_vocabulary_cites() {
    use peer_support::vocabulary::source::SEED_SOURCES;
    let doc = seeds();
    assert_eq!(doc.studies.len(), SEED_SOURCES.len());
    for (study, source) in doc.studies.iter().zip(SEED_SOURCES) {
        assert_cited_as(study, source);
        // Where the record is incomplete, the notes say so.
        if !source.authors_complete {
            let notes = study.notes.as_deref().unwrap_or_default();
            assert!(notes.contains("author"), "{}: {notes}", source.key);
        }
    }
    let published: Vec<Option<String>> = doc
        .studies
        .iter()
        .map(|s| s.citation.published.map(|d| d.to_string()))
        .collect();
    assert_eq!(
        published,
        [
            None,
            Some("2025-05-12".into()),
            None,
            Some("2020-12-12".into())
        ]
    );
}

#[test]
fn no_invented_evidence() {
    for s in &seeds().studies {
        assert!(s.participants.is_empty() && s.sources.is_empty() && s.excerpts.is_empty());
        for f in &s.findings {
            assert!(f.participants.is_empty() && f.excerpts.is_empty());
            assert_eq!(f.endorsement_count, None, "{}", f.statement);
        }
    }
}

#[test]
fn absence_is_recorded_for_formal_recruitment() {
    let doc = seeds();
    let absent: Vec<_> = doc
        .studies
        .iter()
        .flat_map(|s| &s.findings)
        .flat_map(|f| &f.concepts)
        .filter(|l| l.absent)
        .map(|l| (l.concept.code(), l.stance.clone()))
        .collect();
    assert!(!absent.is_empty(), "no link records an absence");
    assert!(absent.contains(&("formal_recruitment_process", Stance::Barrier)));
}

#[test]
fn themes_follow_the_abstracts() {
    let doc = seeds();
    let s0 = &doc.studies[0];
    let top: Vec<_> = s0.themes.iter().filter(|t| t.parent.is_none()).collect();
    assert_eq!(top.len(), 3, "000 has three overarching themes");
    let values = &top[1];
    let subs: Vec<&str> = s0
        .themes
        .iter()
        .filter(|t| t.parent == Some(values.id))
        .map(|t| t.label.as_str())
        .collect();
    assert_eq!(
        subs.len(),
        4,
        "000's values theme has four sub-themes: {subs:?}"
    );
    assert_eq!(doc.studies[1].themes.len(), 4);
    assert!(doc.studies[2].themes.is_empty() && doc.studies[3].themes.is_empty());
}

#[test]
fn every_finding_has_a_basis_and_conclusions_name_no_group() {
    for s in &seeds().studies {
        for f in &s.findings {
            match &f.basis {
                Some(Basis::Result) => assert!(!f.reported_by.is_empty(), "{}", f.statement),
                Some(Basis::Conclusion | Basis::Background) => {
                    assert!(f.reported_by.is_empty(), "{}", f.statement);
                }
                other => panic!("finding {} has basis {other:?}", f.id),
            }
        }
    }
}

// The bundled reviews.

fn reviews() -> Document {
    catalog::reviews()
        .expect("the bundled reviews read")
        .document
}

#[test]
fn reviews_load_with_no_errors_and_only_vocabulary_warnings() {
    let loaded = catalog::reviews().unwrap();
    assert!(!loaded.report.has_errors(), "{}", loaded.report);
    for issue in &loaded.report.issues {
        assert_eq!(issue.severity, Severity::Warning, "{issue}");
        assert_eq!(issue.code.code(), "unknown_vocabulary_code", "{issue}");
    }
}

#[test]
fn the_reviews_file_is_canonical() {
    let on_disk =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/reviews.json")).unwrap();
    assert_eq!(on_disk, REVIEWS_JSON, "the compiled-in copy is stale");
    assert_eq!(
        reviews().to_json_pretty(),
        on_disk,
        "data/reviews.json is not canonical: rewrite it with Document::to_json_pretty()"
    );
}

#[test]
fn reviews_are_cited_as_the_vocabulary_cites_them() {
    let doc = reviews();
    let sources = [
        IMPLEMENTATION_INFLUENCES_REVIEW,
        PEER_SUPPORT_UMBRELLA_REVIEW,
    ];
    assert_eq!(doc.studies.len(), sources.len());
    for (study, source) in doc.studies.iter().zip(&sources) {
        assert_cited_as(study, source);
    }
}

fn review_type(study: &Study) -> Option<&ReviewType> {
    study.review.as_ref()?.review_type.as_ref()
}

#[test]
fn the_systematic_review_is_recorded_as_published() {
    let doc = reviews();
    let s = &doc.studies[0];
    assert_eq!(s.kind, StudyKind::Review);
    assert_eq!(review_type(s), Some(&ReviewType::SystematicReview));
    assert_eq!(s.sample_unit(), SampleUnit::Studies);
    assert_eq!(s.sample.as_ref().and_then(|x| x.total), Some(53));
    let review = s.review.as_ref().unwrap();
    assert_eq!(
        review.registration.as_deref(),
        Some("PROSPERO CRD42018094838")
    );
    assert_eq!(review.records_screened, Some(5813));
    let languages: Vec<&str> = review.languages.iter().map(|l| l.as_str()).collect();
    assert_eq!(
        languages,
        [
            "English", "French", "German", "Hebrew", "Luganda", "Spanish", "Swahili"
        ]
    );
    let guidelines: Vec<&str> = s.reporting_guidelines.iter().map(|g| g.code()).collect();
    assert_eq!(guidelines, ["prisma_2009"]);
    let percents: Vec<Option<u8>> = s.findings.iter().map(|f| f.endorsement_percent).collect();
    assert_eq!(percents, [Some(53), Some(42), Some(40), None]);
    assert_eq!(s.findings[3].basis, Some(Basis::Conclusion));
}

#[test]
fn the_umbrella_review_counts_reviews_not_people() {
    let doc = reviews();
    let s = &doc.studies[1];
    assert_eq!(review_type(s), Some(&ReviewType::UmbrellaReview));
    assert_eq!(s.sample_unit(), SampleUnit::Reviews);
    assert_eq!(s.sample.as_ref().and_then(|x| x.total), Some(35));
    let review = s.review.as_ref().unwrap();
    assert_eq!(review.primary_studies, Some(426));
    assert_eq!(review.appraisal_tool, Some(AppraisalTool::Amstar2));
    let search = review.search.as_ref().unwrap();
    let from = search.from.as_ref().unwrap();
    let to = search.to.as_ref().unwrap();
    assert_eq!((from.year_number(), from.month()), (2012, Some(1)));
    assert_eq!((to.year_number(), to.month()), (2022, Some(11)));
    // The implementation table's fourteen factors, one finding each.
    assert_eq!(s.findings.len(), 14);
    assert!(s.findings.iter().all(|f| f.basis == Some(Basis::Result)));
}

/// The summaries give no included-study list, no quotes, no participants and
/// no GRADE-CERQual assessment; none is made up.
#[test]
fn no_invented_review_evidence() {
    for s in &reviews().studies {
        let review = s.review.as_ref().unwrap();
        assert!(review.included.is_empty(), "{}", s.citation.title);
        assert!(s.participants.is_empty() && s.sources.is_empty() && s.excerpts.is_empty());
        for f in &s.findings {
            assert!(f.cerqual.is_none() && f.contributing.is_empty());
            assert!(f.participants.is_empty() && f.excerpts.is_empty());
            assert_eq!(f.endorsement_count, None, "{}", f.statement);
        }
        assert!(s.notes.is_some(), "the notes say what was left out");
    }
}

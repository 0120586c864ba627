#![cfg(feature = "cli")]
//! `peer-support synthesize` and `peer-support catalog`, run as a user would.

#[path = "support/cli.rs"]
mod support;

use peer_support::Document;
use peer_support::catalog::{self, SEED_STUDIES_JSON};
use peer_support::synthesis::EvidenceMatrix;
use peer_support::vocabulary::{Basis, Kind};
use support::{Scratch, run, run_with};

fn seeds() -> Document {
    catalog::seed_studies().unwrap().document
}

fn reviews() -> Document {
    catalog::reviews().unwrap().document
}

/// What `synthesize` builds with no file: the seed studies, then the reviews.
fn bundled_matrix() -> EvidenceMatrix {
    let (seeds, reviews) = (seeds(), reviews());
    EvidenceMatrix::from_documents([&seeds, &reviews])
}

/// The bundled documents' own warnings, which `synthesize` prints as given.
fn bundled_warnings() -> usize {
    [catalog::seed_studies(), catalog::reviews()]
        .iter()
        .map(|l| l.as_ref().unwrap().report.issues.len())
        .sum()
}

fn one_study(id: u32, title: &str, doi: Option<&str>) -> String {
    let doi = doi.map_or(String::new(), |d| format!(r#", "doi": "{d}""#));
    format!(
        r#"{{"schema": "urn:peer-support:study-document", "schema_version": "1.0.0", "studies": [
            {{"id": "00000000-0000-4000-8000-{id:012}", "citation": {{"title": "{title}"{doi}}},
              "findings": [{{"id": "00000000-0000-4000-8000-{:012}", "statement": "s",
                "concepts": [{{"kind": "facilitator", "code": "supervision", "stance": "barrier"}}]}}]}}]}}"#,
        id + 1
    )
}

#[test]
fn synthesize_with_no_files_prints_the_bundled_matrix() {
    let r = run(&["synthesize"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), bundled_warnings(), "{}", r.stderr);
    assert_eq!(r.stdout, bundled_matrix().to_table());
    for study in seeds().studies.iter().chain(&reviews().studies) {
        assert!(r.stdout.contains(study.citation.title.as_str()));
    }
    // Every concept a seed study reports as its own evidence has a line;
    // cited background (002's introduction) is not the study's evidence.
    let own = seeds()
        .studies
        .iter()
        .flat_map(|s| &s.findings)
        .filter(|f| f.basis != Some(Basis::Background))
        .flat_map(|f| &f.concepts)
        .filter(|l| {
            matches!(
                l.concept.kind(),
                Some(Kind::Value | Kind::Facilitator | Kind::Barrier | Kind::Outcome)
            )
        })
        .map(|l| l.concept.code().to_owned())
        .collect::<Vec<_>>();
    assert!(own.len() > 40, "{own:?}");
    for code in own {
        assert!(
            r.stdout.contains(&format!("  {code}  ")),
            "no line for {code}"
        );
    }
    assert!(!r.stdout.contains("  reduced_inpatient_admission  "));
    let header = r.stdout.lines().next().unwrap();
    assert!(header.contains("S1") && header.contains("S4"), "{header}");
}

#[test]
fn synthesize_json_and_csv_match_the_library() {
    let mut matrix = bundled_matrix();
    let json = run(&["synthesize", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    assert_eq!(json.stdout, matrix.to_json_pretty());

    matrix.retain_min_studies(2);
    let csv = run(&["synthesize", "--format", "csv", "--min-studies", "2"]);
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    assert_eq!(csv.stdout, matrix.to_csv());
    // Header plus one line per cell of the five concepts two studies report:
    // organisational culture, access to a peer network, peer-specific
    // training, supervision and emotional demands (hope is 002's only as
    // cited background; the umbrella review's leadership is leadership from
    // the top, narrower than 001's supportive leadership).
    assert_eq!(
        csv.stdout.matches("\r\n").count(),
        1 + 5 * 2,
        "{}",
        csv.stdout
    );
}

#[test]
fn catalog_prints_the_bundled_document_canonically() {
    let r = run(&["catalog"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, SEED_STUDIES_JSON);
    assert_eq!(r.stdout, seeds().to_json_pretty());
    // Piped back in, it synthesizes to the seed studies' matrix.
    let piped = run_with(&["synthesize", "-"], Some(&r.stdout));
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    assert_eq!(
        piped.stdout,
        EvidenceMatrix::from_document(&seeds()).to_table()
    );
}

#[test]
fn catalog_reviews_prints_the_bundled_reviews_canonically() {
    let r = run(&["catalog", "--reviews"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, catalog::REVIEWS_JSON);
    assert_eq!(r.stdout, reviews().to_json_pretty());
    // The seed studies and the reviews piped back in are the default matrix.
    let scratch = Scratch::new("cli-synthesis");
    let seeds_file = scratch.file("seeds.json", SEED_STUDIES_JSON);
    let piped = run_with(&["synthesize", &seeds_file, "-"], Some(&r.stdout));
    assert_eq!(piped.stdout, run(&["synthesize"]).stdout);
}

#[test]
fn studies_of_several_files_become_columns_in_order() {
    let scratch = Scratch::new("cli-synthesis");
    let a = scratch.file("a.json", &one_study(100, "Alpha", None));
    let b = scratch.file("b.json", &one_study(200, "Beta", None));
    let r = run(&["synthesize", &b, &a, "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let titles: Vec<&str> = json["studies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Beta", "Alpha"]);
    assert_eq!(json["concepts"][0]["studies"], 2);
}

#[test]
fn a_document_with_errors_is_synthesized_but_exits_1() {
    let scratch = Scratch::new("cli-synthesis");
    let bad = scratch.file("bad.json", &one_study(300, "Typo", Some("10.11/x")));
    let r = run(&["synthesize", &bad]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("invalid_doi"), "{}", r.stderr);
    assert!(r.stderr.contains("bad.json"), "{}", r.stderr);
    assert!(r.stdout.contains("supervision"), "{}", r.stdout);
}

#[test]
fn unreadable_inputs_and_bad_usage() {
    let scratch = Scratch::new("cli-synthesis");
    let missing = scratch.missing();
    let r = run(&["synthesize", &missing]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("missing.json"), "{}", r.stderr);

    let broken = scratch.file("broken.json", "{\"schema\": ");
    let r = run(&["synthesize", &broken]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("line 1"), "{}", r.stderr);

    for args in [
        &["synthesize", "--format", "xml"][..],
        &["synthesize", "--min-studies", "-1"],
        &["catalog", "extra"],
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn the_same_file_twice_counts_each_study_once_and_says_so() {
    let scratch = Scratch::new("cli-synthesis");
    let seeds_file = scratch.file("seeds.json", SEED_STUDIES_JSON);
    let once = run(&["synthesize", &seeds_file]);
    let twice = run(&["synthesize", &seeds_file, &seeds_file]);
    assert_eq!(twice.code, 0, "{}", twice.stderr);
    let warnings: Vec<&str> = twice.stderr.lines().collect();
    assert_eq!(warnings.len(), seeds().studies.len(), "{}", twice.stderr);
    for (i, (line, study)) in warnings.iter().zip(&seeds().studies).enumerate() {
        assert_eq!(
            *line,
            format!(
                "peer-support: warning: study {} ({}) is S{} again (same id); it is counted once",
                study.id,
                study.citation.title,
                i + 1
            )
        );
    }
    // The matrix is the one of a single copy, plus the legend's lines for
    // the copies left out.
    let (table, left_out) = twice.stdout.split_at(
        twice
            .stdout
            .find("=   left out")
            .expect("the legend lists the duplicates"),
    );
    assert!(once.stdout.starts_with(table), "{}", twice.stdout);
    assert_eq!(
        left_out.lines().filter(|l| l.starts_with("=   ")).count(),
        4
    );
    let json = run(&["synthesize", &seeds_file, &seeds_file, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["studies"].as_array().unwrap().len(), 4);
    assert_eq!(json["duplicates"].as_array().unwrap().len(), 4);
}

const CERQUAL_FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/1.1/cerqual.json"
);

#[test]
fn cerqual_prints_the_summary_of_findings_and_the_evidence_profile() {
    let soqf = run(&["cerqual", CERQUAL_FIXTURE]);
    assert_eq!(soqf.code, 0, "{}", soqf.stderr);
    assert!(soqf.stderr.is_empty(), "{}", soqf.stderr);
    let mut lines = soqf.stdout.lines();
    assert_eq!(
        lines.next().unwrap(),
        "Summary of Qualitative Findings: An illustrative qualitative evidence synthesis of peer workers' experiences of supervision"
    );
    assert_eq!(
        lines.next().unwrap(),
        "Objective: To synthesise how peer workers in mental health services experience supervision."
    );
    assert!(
        soqf.stdout
            .lines()
            .all(|l| l.chars().count() <= 100 || !l.starts_with(['|', '+']))
    );
    assert!(
        soqf.stdout.contains("| Moderate confidence "),
        "{}",
        soqf.stdout
    );
    assert!(soqf.stdout.contains("| Third E (2019) "), "{}", soqf.stdout);
    assert!(!soqf.stdout.contains("Coherence"));

    let profile = run(&["cerqual", "--evidence-profile", CERQUAL_FIXTURE]);
    assert_eq!(profile.code, 0, "{}", profile.stderr);
    assert!(profile.stdout.starts_with("Evidence Profile: "));
    for heading in ["Coherence", "Relevance", "Adequacy of", "Methodological"] {
        assert!(
            profile.stdout.contains(heading),
            "{heading}: {}",
            profile.stdout
        );
    }
    assert!(profile.stdout.contains("| Serious "), "{}", profile.stdout);

    let text = std::fs::read_to_string(CERQUAL_FIXTURE).unwrap();
    let tables = peer_support::synthesis::cerqual::CerqualTables::from_document(
        &peer_support::document::from_str(&text).unwrap().document,
    );
    use peer_support::synthesis::cerqual::Table;
    for (args, expected) in [
        (
            &["--format", "markdown"][..],
            tables.to_markdown(Table::SummaryOfFindings),
        ),
        (
            &["--format", "markdown", "--evidence-profile"],
            tables.to_markdown(Table::EvidenceProfile),
        ),
        (
            &["--format", "csv"],
            tables.to_csv(Table::SummaryOfFindings),
        ),
        (
            &["--format", "csv", "--evidence-profile"],
            tables.to_csv(Table::EvidenceProfile),
        ),
        (&["--format", "json"], tables.to_json_pretty()),
    ] {
        let mut all = vec!["cerqual", CERQUAL_FIXTURE];
        all.extend_from_slice(args);
        let r = run(&all);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, expected, "{args:?}");
    }
}

#[test]
fn cerqual_without_assessments_says_why() {
    let scratch = Scratch::new("cli-synthesis");
    let seeds_file = scratch.file("seeds.json", SEED_STUDIES_JSON);
    let r = run(&["cerqual", &seeds_file]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert_eq!(
        r.stderr,
        "peer-support: no study is a review (\"kind\": \"review\"), so there is nothing to assess\n"
    );
    let r = run(&["cerqual"]);
    assert_eq!(r.code, 2, "a FILE is required: {}", r.stderr);
}

/// `--by cfir-domain` over the bundled studies: every CFIR domain any study
/// touches, each study counted once per domain, the unmapped concepts last.
#[test]
fn synthesize_by_cfir_domain_counts_each_study_once_per_domain() {
    let out = run(&["synthesize", "--by", "cfir-domain", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let seeds = catalog::seed_studies().unwrap().document;
    let reviews = catalog::reviews().unwrap().document;
    let matrix = EvidenceMatrix::from_documents([&seeds, &reviews]);
    let mut touched: Vec<&str> = Vec::new();
    for row in matrix.concepts() {
        if let Some(d) = row.mappings().cfir_domain {
            if !touched.contains(&d.code()) {
                touched.push(d.code());
            }
        }
    }
    let groups = json["groups"].as_array().unwrap();
    let printed: Vec<&str> = groups.iter().filter_map(|g| g["group"].as_str()).collect();
    touched.sort_unstable();
    let mut sorted = printed.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, touched);
    for g in groups {
        let studies: Vec<u64> = g["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["study"].as_u64().unwrap())
            .collect();
        let mut distinct = studies.clone();
        distinct.dedup();
        assert_eq!(studies, distinct, "{}", g["label"]);
        assert_eq!(g["studies"].as_u64().unwrap() as usize, studies.len());
    }
    assert!(groups.last().unwrap()["group"].is_null());
    let table = run(&["synthesize", "--by", "cfir-domain"]);
    assert!(
        table.stdout.starts_with("cfir-domain  "),
        "{}",
        table.stdout
    );
    assert!(table.stdout.contains("\nInner Setting "));
    // The legend names each study's kind and sample unit, as the matrix's does.
    assert!(
        table.stdout.contains(
            "systematic umbrella review (review: umbrella review; 35 included reviews)\n"
        ),
        "{}",
        table.stdout
    );
    let bad = run(&["synthesize", "--by", "domain"]);
    assert_eq!(bad.code, 2);
}

#[test]
fn cerqual_lists_a_review_given_twice_once() {
    let once = run(&["cerqual", CERQUAL_FIXTURE, "--format", "csv"]);
    let twice = run(&[
        "cerqual",
        CERQUAL_FIXTURE,
        CERQUAL_FIXTURE,
        "--format",
        "csv",
    ]);
    assert_eq!(twice.code, 0, "{}", twice.stderr);
    assert_eq!(twice.stdout, once.stdout);
    assert_eq!(
        twice.stderr,
        "peer-support: warning: study b1000000-0000-4000-8000-000000000001 (An illustrative \
         qualitative evidence synthesis of peer workers' experiences of supervision) was given \
         before (same id); it is listed once\n"
    );
}

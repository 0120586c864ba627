#![cfg(feature = "cli")]
//! `peer-support report`, run as a user would.

#[path = "support/cli.rs"]
mod support;

use peer_support::catalog;
use peer_support::report::{self, Input, Options};
use support::{Scratch, run};

const HOSTILE: &str = include_str!("fixtures/report/hostile.json");

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn with_no_file_it_writes_the_report_of_the_bundled_documents() {
    let scratch = Scratch::new("report");
    let out = scratch.missing().replace("missing.json", "report.html");
    let r = run(&["report", "-o", &out]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    let seeds = catalog::seed_studies().unwrap();
    let reviews = catalog::reviews().unwrap();
    // The bundled documents' own warnings, if any, and nothing else.
    let warnings: usize = [&seeds, &reviews]
        .iter()
        .map(|l| l.report.issues.len())
        .sum();
    assert_eq!(r.stderr.lines().count(), warnings, "{}", r.stderr);
    let expected = report::render(
        &[
            Input::new("(bundled seed studies)", &seeds),
            Input::new("(bundled reviews)", &reviews),
        ],
        &Options::default(),
    );
    assert_eq!(read(&out), expected);
    for id in [
        "studies",
        "evidence-map",
        "summary-of-findings",
        "issues",
        "provenance",
    ] {
        assert!(expected.contains(&format!(r#"<section id="{id}""#)), "{id}");
    }
}

#[test]
fn two_runs_write_the_same_bytes_and_timestamp_adds_the_time() {
    let scratch = Scratch::new("report");
    let seeds = scratch.file("seeds.json", catalog::SEED_STUDIES_JSON);
    let first = scratch.missing().replace("missing.json", "a.html");
    let second = scratch.missing().replace("missing.json", "b.html");
    assert_eq!(run(&["report", &seeds, "-o", &first]).code, 0);
    assert_eq!(run(&["report", &seeds, "--output", &second]).code, 0);
    let bytes = std::fs::read(&first).unwrap();
    assert_eq!(bytes, std::fs::read(&second).unwrap());
    assert!(!read(&first).contains("Generated at"));

    let stamped = run(&["report", &seeds, "--timestamp"]);
    assert_eq!(stamped.code, 0, "{}", stamped.stderr);
    assert!(
        stamped
            .stdout
            .contains("<dt>Generated at</dt><dd><time datetime=\"")
    );
    assert_ne!(stamped.stdout.as_bytes(), bytes);
}

#[test]
fn without_an_output_file_it_prints_the_page() {
    let r = run(&["report", "--min-studies", "2", "-o", "-"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("<!DOCTYPE html>"));
    assert!(r.stdout.ends_with("</html>"));
    // By kind: organisational culture, access to a peer network, peer-specific
    // training, supervision, supportive leadership and emotional demands; by
    // CFIR construct the four of them that have one.
    assert_eq!(r.stdout.matches(r#"<tr class="row"#).count(), 6 + 4);
}

#[test]
fn a_hostile_document_and_file_name_render_as_text_with_exit_status_1() {
    let scratch = Scratch::new("report");
    let name = "\"><img src=x onerror=alert(1)>&<script>alert(2)<\\script>.json";
    let file = scratch.file(name, HOSTILE);
    let r = run(&["report", &file]);
    assert_eq!(r.code, 1, "a document with errors: {}", r.stderr);
    assert!(r.stderr.contains("error[invalid_doi]"), "{}", r.stderr);
    let html = &r.stdout;
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;&lt;script&gt;alert(2)&lt;\\script&gt;.json"));
    assert_eq!(html.matches("<script").count(), 1);
    assert!(!html.contains("<img"));
    assert!(!html.contains("href=\"javascript"));
    assert!(html.contains(r#"<a href="https://doi.org/10.1234/%22%3E%3Csvg/onload=alert(16)%3E" rel="noreferrer">10.1234/&quot;&gt;&lt;svg/onload=alert(16)&gt;</a>"#));
}

#[test]
fn many_studies_switch_the_map_to_stance_profiles() {
    let r = run(&["report", "--max-matrix-studies", "3"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(r#"data-layout="profile""#));
    assert!(!r.stdout.contains(r#"<td class="c""#));
}

#[test]
fn unreadable_input_and_unwritable_output_fail_with_status_2() {
    let scratch = Scratch::new("report");
    let r = run(&["report", &scratch.missing()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot read"), "{}", r.stderr);

    let nowhere = scratch
        .missing()
        .replace("missing.json", "no/such/dir/report.html");
    let r = run(&["report", "-o", &nowhere]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("cannot write") && r.stderr.contains("report.html"),
        "{}",
        r.stderr
    );
}

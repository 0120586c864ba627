#![cfg(feature = "cli")]
//! `peer-support qdc`, `export-qdpx` and `import-qdpx`, run as a user would.

#[path = "support/cli.rs"]
mod support;

use support::{Scratch, run};

const DOC: &str = r#"{
  "schema": "urn:peer-support:study-document",
  "schema_version": "1.1.0",
  "studies": [{
    "id": "a0000000-0000-4000-8000-000000000001",
    "citation": {"title": "Crisis teams"},
    "participants": [{"id": "b0000000-0000-4000-8000-000000000001", "code": "P01", "group": "peer_worker"}],
    "sources": [{"id": "c0000000-0000-4000-8000-000000000001", "participants": ["b0000000-0000-4000-8000-000000000001"]}],
    "excerpts": [{"id": "d0000000-0000-4000-8000-000000000001", "text": "My supervisor listened.", "source": "c0000000-0000-4000-8000-000000000001", "participant": "b0000000-0000-4000-8000-000000000001"}],
    "findings": [{
      "id": "e0000000-0000-4000-8000-000000000001",
      "statement": "Supervision helped.",
      "concepts": [{"kind": "facilitator", "code": "supervision", "stance": "facilitator"}],
      "excerpts": ["d0000000-0000-4000-8000-000000000001"]
    }]
  }]
}"#;

#[test]
fn qdc_prints_the_standard_codebook() {
    let out = run(&["qdc"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("<?xml"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains(r#"name="Supervision" isCodable="true""#)
    );
}

#[test]
fn export_then_import_gives_the_excerpts_back_and_a_summary() {
    let dir = Scratch::new("cli-refi");
    let doc = dir.file("doc.json", DOC);
    let qdpx = doc.replace("doc.json", "project.qdpx");
    let out = run(&["export-qdpx", &doc, "-o", &qdpx]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run(&["import-qdpx", &qdpx, "--study-title", "Back again"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let back: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let study = &back["studies"][0];
    assert_eq!(study["citation"]["title"], "Back again");
    assert_eq!(study["excerpts"][0]["text"], "My supervisor listened.");
    assert_eq!(study["participants"][0]["code"], "P01");
    assert_eq!(study["findings"][0]["concepts"][0]["code"], "supervision");
    assert!(
        out.stderr
            .contains("imported: 1 sources, 1 excerpts, 1 participants, 0 users, 0 notes"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_bad_mapping_file_is_an_error_naming_the_key() {
    let dir = Scratch::new("cli-refi-map");
    let doc = dir.file("doc.json", DOC);
    let map = dir.file("map.json", r#"{"Stigma": "stigma"}"#);
    let qdpx = doc.replace("doc.json", "project.qdpx");
    assert_eq!(run(&["export-qdpx", &doc, "-o", &qdpx]).code, 0);
    let out = run(&["import-qdpx", &qdpx, "--map", &map]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains(r#"mapping "Stigma": "stigma" is not "kind/code" (e.g. "barrier/stigma")"#),
        "{}",
        out.stderr
    );
}

#![cfg(feature = "cli")]
//! The `peer-support` binary, run as a user would run it.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

#[path = "support/cli.rs"]
mod support;

use peer_support::Codebook;
use serde_json::Value;
use support::{Scratch, run, run_with};

const VALID: &str = r#"{
  "schema": "urn:peer-support:study-document",
  "schema_version": "1.0.0",
  "studies": [{"id": "5d8ebf13-d301-4143-ac31-bebb0249d387", "citation": {"title": "A study"}}]
}"#;

/// Loads, but `/studies/0/citation/doi` is not DOI syntax.
const BAD_DOI: &str = r#"{
  "schema": "urn:peer-support:study-document",
  "schema_version": "1.0.0",
  "studies": [{"id": "5d8ebf13-d301-4143-ac31-bebb0249d387",
               "citation": {"title": "A study", "doi": "10.11/typo"}}]
}"#;

/// Not loadable: the id on line 5 is a number.
const WRONG_TYPE: &str = "{\n  \"schema\": \"urn:peer-support:study-document\",\n  \"schema_version\": \"1.0.0\",\n  \"studies\": [\n    {\"id\": 5, \"citation\": {\"title\": \"A study\"}}\n  ]\n}\n";

/// Not JSON: cut off after line 4 (the end of input is on line 5).
const TRUNCATED: &str = "{\n  \"schema\": \"urn:peer-support:study-document\",\n  \"schema_version\": \"1.0.0\",\n  \"studies\": [\n";

/// Valid, plus a field the format does not define.
const UNKNOWN_FIELD: &str = r#"{
  "schema": "urn:peer-support:study-document",
  "schema_version": "1.0.0",
  "colour": "blue",
  "studies": [{"id": "5d8ebf13-d301-4143-ac31-bebb0249d387", "citation": {"title": "A study"}}]
}"#;

/// Every stdout line parsed as JSON (and each line must parse).
fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON: {line:?}: {e}"))
        })
        .collect()
}

/// `(severity, code, path)` of every issue of one JSON report.
fn issue_triples(report: &Value) -> Vec<(String, String, String)> {
    report["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["severity"].as_str().unwrap().to_owned(),
                i["code"].as_str().unwrap().to_owned(),
                i["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn validate_accepts_a_valid_document() {
    let dir = Scratch::new("cli");
    let file = dir.file("valid.json", VALID);
    let text = run(&["validate", &file]);
    assert_eq!(text.code, 0, "{}", text.stdout);
    assert!(
        text.stdout
            .starts_with(&format!("{file}: valid, 0 warnings\n"))
    );
    assert!(text.stdout.ends_with("1 file: 1 valid, 0 invalid\n"));

    let json = run(&["validate", "--format", "json", &file]);
    assert_eq!(json.code, 0);
    let reports = json_lines(&json.stdout);
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0]["file"], file.as_str());
    assert_eq!(reports[0]["valid"], true);
    assert_eq!(reports[0]["issues"], Value::Array(vec![]));
}

#[test]
fn validate_reports_a_validation_error_with_code_and_path() {
    let dir = Scratch::new("cli");
    let file = dir.file("bad_doi.json", BAD_DOI);
    let json = run(&["validate", "--format=json", &file]);
    assert_eq!(json.code, 1);
    let reports = json_lines(&json.stdout);
    assert_eq!(reports[0]["valid"], false);
    assert_eq!(
        issue_triples(&reports[0]),
        [(
            "error".to_owned(),
            "invalid_doi".to_owned(),
            "/studies/0/citation/doi".to_owned()
        )]
    );
    assert!(
        reports[0]["issues"][0]["message"]
            .as_str()
            .unwrap()
            .contains("10.11/typo")
    );

    let text = run(&["validate", &file]);
    assert_eq!(text.code, 1);
    assert!(
        text.stdout
            .contains("  error[invalid_doi] /studies/0/citation/doi: "),
        "{}",
        text.stdout
    );
}

#[test]
fn validate_reports_malformed_json_with_path_line_and_column() {
    let dir = Scratch::new("cli");
    let wrong_type = dir.file("wrong_type.json", WRONG_TYPE);
    let truncated = dir.file("truncated.json", TRUNCATED);

    let json = run(&["validate", "--format", "json", &wrong_type, &truncated]);
    assert_eq!(json.code, 1);
    let reports = json_lines(&json.stdout);
    assert_eq!(reports.len(), 2);
    let issue = &reports[0]["issues"][0];
    assert_eq!(reports[0]["issues"].as_array().unwrap().len(), 1);
    assert_eq!(issue["severity"], "error");
    assert_eq!(issue["code"], "read_error");
    assert_eq!(issue["path"], "/studies/0/id");
    let message = issue["message"].as_str().unwrap();
    assert!(message.contains("(line 5, column "), "{message}");
    assert_eq!(reports[1]["issues"][0]["code"], "read_error");
    let message = reports[1]["issues"][0]["message"].as_str().unwrap();
    assert!(message.contains("(line 5, column 0)"), "{message}");

    let text = run(&["validate", &wrong_type]);
    assert_eq!(text.code, 1);
    let line = text
        .stdout
        .lines()
        .find(|l| l.contains("read_error"))
        .unwrap();
    assert!(
        line.starts_with("  error[read_error] /studies/0/id: ")
            && line.contains("(line 5, column "),
        "{line}"
    );
}

#[test]
fn validate_exits_2_when_a_file_cannot_be_read() {
    let dir = Scratch::new("cli");
    let valid = dir.file("valid.json", VALID);
    let bad = dir.file("bad_doi.json", BAD_DOI);
    let missing = dir.missing();

    // An unreadable file outranks an invalid one, and the others are still checked.
    let json = run(&["validate", "--format", "json", &missing, &bad, &valid]);
    assert_eq!(json.code, 2);
    let reports = json_lines(&json.stdout);
    assert_eq!(reports.len(), 3);
    assert_eq!(reports[0]["valid"], false);
    assert_eq!(reports[0]["issues"][0]["code"], "io_error");
    assert_eq!(reports[1]["issues"][0]["code"], "invalid_doi");
    assert_eq!(reports[2]["valid"], true);

    let text = run(&["validate", &missing]);
    assert_eq!(text.code, 2);
    assert!(
        text.stdout
            .starts_with(&format!("{missing}: cannot be read: "))
    );
    assert!(text.stdout.contains("1 could not be read"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["validate"],
        &["validate", "--format", "yaml", "x.json"],
        &["no-such-command"],
        &["fmt"],
        &["codebook", "--format", "csv"],
    ] {
        let run = run(args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stdout.is_empty(), "{args:?}");
        assert!(!run.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn help_explains_exit_status_and_formats() {
    let top = run(&["--help"]);
    assert_eq!(top.code, 0);
    assert!(top.stdout.contains("Exit status:"));
    for command in ["validate", "fmt", "schema", "codebook"] {
        assert!(top.stdout.contains(command), "{command}");
    }
    let validate = run(&["validate", "--help"]);
    assert_eq!(validate.code, 0);
    for needle in ["JSON Lines", "read_error", "io_error", "Exit status:"] {
        assert!(validate.stdout.contains(needle), "{needle}");
    }
}

#[test]
fn strict_makes_unknown_fields_errors() {
    let dir = Scratch::new("cli");
    let file = dir.file("unknown.json", UNKNOWN_FIELD);

    let lenient = run(&["validate", "--format", "json", &file]);
    assert_eq!(lenient.code, 0);
    let reports = json_lines(&lenient.stdout);
    assert_eq!(
        issue_triples(&reports[0]),
        [(
            "warning".to_owned(),
            "unknown_field".to_owned(),
            "/colour".to_owned()
        )]
    );

    let strict = run(&["validate", "--strict", "--format", "json", &file]);
    assert_eq!(strict.code, 1);
    let reports = json_lines(&strict.stdout);
    assert_eq!(reports[0]["valid"], false);
    assert_eq!(
        issue_triples(&reports[0]),
        [(
            "error".to_owned(),
            "unknown_field".to_owned(),
            "/colour".to_owned()
        )]
    );
}

#[test]
fn validate_reads_standard_input() {
    let run = run_with(&["validate", "--format", "json", "-"], Some(BAD_DOI));
    assert_eq!(run.code, 1);
    let reports = json_lines(&run.stdout);
    assert_eq!(reports[0]["file"], "-");
    assert_eq!(reports[0]["issues"][0]["code"], "invalid_doi");
}

#[test]
fn every_json_output_line_is_one_json_object() {
    let dir = Scratch::new("cli");
    let files = [
        dir.file("valid.json", VALID),
        dir.file("bad_doi.json", BAD_DOI),
        dir.file("wrong_type.json", WRONG_TYPE),
        dir.file("truncated.json", TRUNCATED),
        dir.file("unknown.json", UNKNOWN_FIELD),
        dir.file("line\nbreak.json", "{\"a\":\n"),
        dir.missing(),
    ];
    let mut args = vec!["validate", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let run = run(&args);
    assert_eq!(run.code, 2);
    let reports = json_lines(&run.stdout);
    assert_eq!(reports.len(), files.len());
    for (report, file) in reports.iter().zip(&files) {
        assert_eq!(report["file"], file.as_str());
        assert!(report["valid"].is_boolean());
        for issue in report["issues"].as_array().unwrap() {
            let mut keys: Vec<&str> = issue
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            // Sorted: with serde_json's preserve_order the parsed keys keep
            // the output's order.
            keys.sort_unstable();
            assert_eq!(keys, ["code", "message", "path", "severity"]);
            let path = issue["path"].as_str().unwrap();
            assert!(path.is_empty() || path.starts_with('/'), "{path}");
            // One definition: each line's issues are the library's Issue.
            let parsed: peer_support::Issue = serde_json::from_value(issue.clone()).unwrap();
            assert_eq!(&serde_json::to_value(&parsed).unwrap(), issue);
        }
    }
}

#[test]
fn text_output_keeps_one_line_per_issue() {
    let dir = Scratch::new("cli");
    // A field name with a newline in it ends up in a path and a message.
    let file = dir.file(
        "newline_field.json",
        &UNKNOWN_FIELD.replace("colour", "col\\nour"),
    );
    let run = run(&["validate", &file]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);
    assert!(run.stdout.contains("/col\\nour"), "{}", run.stdout);
}

#[test]
fn fmt_output_is_canonical_and_a_fixed_point() {
    let dir = Scratch::new("cli");
    let file = dir.file("valid.json", VALID);
    for compact in [false, true] {
        let flag: &[&str] = if compact { &["--compact"] } else { &[] };
        let first = run(&[&["fmt", file.as_str()][..], flag].concat());
        assert_eq!(first.code, 0, "{}", first.stderr);
        assert!(first.stderr.is_empty(), "{}", first.stderr);
        let loaded = peer_support::document::from_str(&first.stdout).unwrap();
        let expected = if compact {
            loaded.document.to_json_compact() + "\n"
        } else {
            loaded.document.to_json_pretty()
        };
        assert_eq!(first.stdout, expected);
        assert_eq!(first.stdout.lines().count() == 1, compact);

        let again = dir.file("again.json", &first.stdout);
        let second = run(&[&["fmt", again.as_str()][..], flag].concat());
        assert_eq!(second.code, 0);
        assert_eq!(second.stdout, first.stdout);
    }
}

#[test]
fn fmt_writes_a_newer_documents_unknown_fields_back_byte_for_byte() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lenient/unknown_at_every_level.json");
    let run = run(&["fmt", fixture.to_str().unwrap()]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, std::fs::read_to_string(&fixture).unwrap());
    assert_eq!(
        run.stderr.matches("warning[unknown_field]").count(),
        12,
        "{}",
        run.stderr
    );
}

#[test]
fn fmt_keeps_unknown_fields_and_warns_about_them() {
    let dir = Scratch::new("cli");
    let unknown = dir.file("unknown.json", UNKNOWN_FIELD);
    let run_lenient = run(&["fmt", &unknown]);
    assert_eq!(run_lenient.code, 0);
    assert!(
        run_lenient.stdout.contains("\"colour\""),
        "{}",
        run_lenient.stdout
    );
    assert!(
        run_lenient
            .stderr
            .contains("warning[unknown_field] /colour"),
        "{}",
        run_lenient.stderr
    );

    let strict = run(&["fmt", "--strict", &unknown]);
    assert_eq!(strict.code, 1);
    assert!(strict.stdout.is_empty());

    let bad_doi = dir.file("bad_doi.json", BAD_DOI);
    let invalid = run(&["fmt", &bad_doi]);
    assert_eq!(invalid.code, 0);
    assert!(invalid.stdout.contains("10.11/typo"));
    assert!(invalid.stderr.contains("error[invalid_doi]"));
    assert!(invalid.stderr.contains("printed anyway"));
}

#[test]
fn fmt_gives_a_one_line_error_for_malformed_and_missing_files() {
    let dir = Scratch::new("cli");
    let wrong_type = dir.file("wrong_type.json", WRONG_TYPE);
    let malformed = run(&["fmt", &wrong_type]);
    assert_eq!(malformed.code, 1);
    assert!(malformed.stdout.is_empty());
    assert_eq!(malformed.stderr.lines().count(), 1, "{}", malformed.stderr);
    // The error, then its source, each once.
    assert!(
        malformed.stderr.ends_with(
            "wrong_type.json: invalid value at /studies/0/id: invalid type: integer `5`, \
             expected a formatted UUID string at line 5 column 12\n"
        ),
        "{}",
        malformed.stderr
    );

    let missing = run(&["fmt", &dir.missing()]);
    assert_eq!(missing.code, 2);
    assert!(missing.stdout.is_empty());
    assert_eq!(missing.stderr.lines().count(), 1, "{}", missing.stderr);
    assert!(missing.stderr.contains("missing.json"));
    // The I/O error's text appears once, after the file name.
    let (_, reason) = missing.stderr.split_once("missing.json: ").unwrap();
    assert!(!reason.contains("missing.json"), "{}", missing.stderr);
}

#[test]
fn codebook_prints_every_entry() {
    let codebook = Codebook::standard();
    let json = run(&["codebook"]);
    assert_eq!(json.code, 0);
    let entries: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(entries.as_array().unwrap().len(), codebook.len());
    assert_eq!(json.stdout, codebook.to_json_pretty());
    assert_eq!(run(&["codebook", "--format", "json"]).stdout, json.stdout);

    let markdown = run(&["codebook", "--format", "markdown"]);
    assert_eq!(markdown.code, 0);
    assert_eq!(markdown.stdout, codebook.to_markdown());
}

/// Given a document, the codebook lists its declared concepts after the
/// standard entries.
#[test]
fn codebook_of_a_document_adds_its_declared_concepts() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/1.1/codebook.json"
    );
    let json = run(&["codebook", file]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let entries: Value = serde_json::from_str(&json.stdout).unwrap();
    let entries = entries.as_array().unwrap();
    assert_eq!(entries.len(), Codebook::standard().len() + 5);
    let last = entries.last().unwrap();
    assert_eq!(last["code"], "reduced_self_stigma");
    assert_eq!(last["declared"], true);
    let markdown = run(&["codebook", file, "--format", "markdown"]);
    assert!(markdown.stdout.contains(
        "| `barrier` | `poor_pay` | Poor pay | The project's name for pay that does not reflect the role. |  |  | exact_match barrier:`low_pay` |  |\n"
    ));
}

/// The command prints the schema the library generates from its types (the
/// binary embeds a checked-in copy; tests/json_schema.rs holds that copy to
/// the types).
#[cfg(feature = "json-schema")]
#[test]
fn schema_prints_the_schema_of_the_types() {
    let run = run(&["schema"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.ends_with('\n'));
    let schema: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(schema, peer_support::schema::json_schema());
    let id = schema["$id"].as_str().unwrap();
    assert!(id.starts_with(peer_support::document::SCHEMA_ID), "{id}");
    assert!(schema["properties"]["studies"].is_object());
}

#[test]
fn a_closed_output_pipe_ends_quietly() {
    let dir = Scratch::new("cli");
    let valid = dir.file("valid.json", VALID);
    let bad = dir.file("bad_doi.json", BAD_DOI);
    for (args, status) in [
        (vec!["codebook"], 0),
        (vec!["schema"], 0),
        (vec!["validate", valid.as_str(), bad.as_str()], 1),
        (vec!["--help"], 0),
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_peer-support"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Closing the read end first makes every write the child does fail
        // with EPIPE, whatever the timing.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(status), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

/// The lead's invalid fixtures, with the issues `expected.json` lists for them.
#[test]
fn validate_agrees_with_the_invalid_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let expected: BTreeMap<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(root.join("expected.json")).unwrap())
            .unwrap();
    assert!(!expected.is_empty());
    for (name, expect) in &expected {
        let file = root.join(format!("{name}.json"));
        let run = run(&["validate", "--format", "json", file.to_str().unwrap()]);
        let report = &json_lines(&run.stdout)[0];
        match expect {
            Value::Array(triples) => {
                let mut want: Vec<(String, String, String)> = triples
                    .iter()
                    .map(|t| serde_json::from_value(t.clone()).unwrap())
                    .collect();
                let mut got = issue_triples(report);
                want.sort();
                got.sort();
                assert_eq!(got, want, "{name}");
                let has_error = want.iter().any(|(severity, ..)| severity == "error");
                assert_eq!(run.code, i32::from(has_error), "{name}");
                assert_eq!(report["valid"], !has_error, "{name}");
            }
            Value::Object(read_error) => {
                assert_eq!(run.code, 1, "{name}");
                assert_eq!(report["valid"], false, "{name}");
                let issue = &report["issues"][0];
                assert_eq!(issue["code"], "read_error", "{name}");
                if let Some(path) = read_error.get("path") {
                    assert_eq!(&issue["path"], path, "{name}");
                }
                if let Some(line) = read_error.get("line") {
                    let message = issue["message"].as_str().unwrap();
                    assert!(
                        message.contains(&format!("(line {line}, column ")),
                        "{name}: {message}"
                    );
                }
            }
            other => panic!("{name}: unexpected expectation {other}"),
        }
    }
}

/// Every 1.0 fixture validates, and formatting is a fixed point on it.
#[test]
fn the_1_0_fixtures_validate_and_format_stably() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/1.0");
    let mut checked = 0;
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let file = path.to_str().unwrap();
        let validate = run(&["validate", file]);
        assert_eq!(validate.code, 0, "{file}: {}", validate.stdout);
        let first = run(&["fmt", file]);
        assert_eq!(first.code, 0, "{file}");
        let second = run_with(&["fmt", "-"], Some(&first.stdout));
        assert_eq!(second.stdout, first.stdout, "{file}");
        checked += 1;
    }
    assert!(
        checked >= 3,
        "expected minimal, full and forward_compat fixtures"
    );
}

//! The wire-format contract, checked against the golden fixtures.
//!
//! - `tests/fixtures/1.0/`: released golden documents. They load forever, and
//!   their canonical re-serialization is byte-identical to the file.
//! - `tests/fixtures/lenient/`: documents with fields 1.0 does not define or a
//!   newer minor version: they load with warnings naming each path.
//! - `tests/fixtures/0.9/`: a pre-release draft and its migrated 1.0 form.
//! - `tests/fixtures/invalid/`: documents and the exact issues (or read error)
//!   each must produce, listed in `expected.json`.
//!
//! Fixtures are never edited once released; new cases get new files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use peer_support::document::{self, CURRENT_VERSION, ReadError, ReadOptions, SchemaVersion};
use peer_support::validate::{IssueCode, Severity};
use serde_json::Value;

fn fixtures(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json") && !p.ends_with("expected.json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {dir}");
    files
}

/// `text`, a document of an older 1.x version, as this version writes it:
/// the same bytes but for its `schema_version`. (Minor versions only add,
/// so an older document is a current one; it is written as current.)
fn as_written_now(text: &str) -> String {
    let line = regex_free_version_line(text);
    text.replacen(
        &line,
        &format!("\"schema_version\": \"{CURRENT_VERSION}\""),
        1,
    )
}

/// The `"schema_version": "…"` line of a pretty document.
fn regex_free_version_line(text: &str) -> String {
    let start = text
        .find("\"schema_version\": \"")
        .expect("a schema_version");
    let end = start + text[start..].find("\",").expect("a string value") + 1;
    text[start..end].to_owned()
}

fn issue_list(report: &peer_support::Report) -> Vec<(Severity, IssueCode, String)> {
    report
        .issues
        .iter()
        .map(|i| (i.severity.clone(), i.code.clone(), i.path.clone()))
        .collect()
}

/// The golden fixtures of every released and the current 1.x version load
/// without errors and are written back byte for byte (older versions with
/// the current `schema_version`).
#[test]
fn golden_fixtures_load_without_errors_and_reserialize_byte_identically() {
    let dirs: Vec<String> = (0..=CURRENT_VERSION.minor)
        .map(|minor| format!("{}.{minor}", CURRENT_VERSION.major))
        .filter(|dir| fixtures(dir).is_dir())
        .collect();
    assert!(dirs.len() >= 2, "{dirs:?}");
    for path in dirs.iter().flat_map(|dir| json_files(dir)) {
        let original = read(&path);
        let text = as_written_now(&original);
        let loaded =
            document::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            !loaded.report.has_errors(),
            "{}:\n{}",
            path.display(),
            loaded.report
        );
        assert_eq!(loaded.version.major, CURRENT_VERSION.major);
        assert!(
            loaded.document.to_json_pretty() == text,
            "{} is not canonical: re-serialization differs",
            path.display()
        );
        // The compact form carries the same value.
        let compact = loaded.document.to_json_compact();
        assert!(!compact.contains('\n'));
        let again = document::from_str(&compact).unwrap();
        assert_eq!(again.document, loaded.document, "{}", path.display());
        assert_eq!(again.document.to_json_pretty(), text);
        // The plain serde path (no tracking) reads the same value.
        let raw: peer_support::Document = serde_json::from_str(&original).unwrap();
        assert_eq!(raw, loaded.document);
        // Strict mode accepts every golden fixture: they have no unknown fields.
        assert!(ReadOptions::new().strict(true).load_str(&original).is_ok());
    }
}

#[test]
fn minimal_and_full_are_clean() {
    for name in [
        "minimal.json",
        "full.json",
        "finding_details.json",
        "uncounted_groups.json",
    ] {
        let loaded = document::from_str(&read(&fixtures("1.0").join(name))).unwrap();
        assert!(loaded.report.is_empty(), "{name}:\n{}", loaded.report);
    }
}

/// Every optional field of the model is present in full.json, so a change to
/// any field's name or shape shows up against the golden file.
#[test]
fn full_fixture_uses_every_field() {
    let full: Value = serde_json::from_str(&read(&fixtures("1.0").join("full.json"))).unwrap();
    let study = "/studies/0";
    let pointers = [
        "/schema",
        "/schema_version",
        "/extensions",
        "/citation/title",
        "/citation/authors",
        "/citation/year",
        "/citation/journal",
        "/citation/doi",
        "/citation/published",
        "/countries",
        "/aims",
        "/design/methods",
        "/design/analyses",
        "/design/co_production",
        "/design/lived_experience_interviewers",
        "/design/public_involvement",
        "/design/interview_rounds",
        "/settings",
        "/sample/total",
        "/sample/groups/0/group",
        "/sample/groups/0/count",
        "/participants/0/id",
        "/participants/0/code",
        "/participants/0/group",
        "/participants/0/role_title",
        "/participants/0/setting",
        "/participants/0/employment",
        "/sources/0/id",
        "/sources/0/method",
        "/sources/0/participants",
        "/sources/0/round",
        "/sources/0/date",
        "/sources/0/interviewer_lived_experience",
        "/excerpts/0/id",
        "/excerpts/0/text",
        "/excerpts/0/source",
        "/excerpts/0/participant",
        "/excerpts/0/location",
        "/themes/0/description",
        "/themes/1/parent",
        "/findings/0/themes",
        "/findings/0/concepts/0/kind",
        "/findings/0/concepts/0/code",
        "/findings/0/concepts/0/stance",
        "/findings/1/concepts/0/absent",
        "/findings/0/reported_by",
        "/findings/0/excerpts",
        "/findings/0/participants",
        "/findings/0/endorsement_count",
        "/notes",
        "/extensions",
    ];
    for (i, p) in pointers.iter().enumerate() {
        // The first three are document-level, the rest study-level.
        let pointer = if i < 3 {
            (*p).to_owned()
        } else {
            format!("{study}{p}")
        };
        assert!(
            full.pointer(&pointer).is_some(),
            "full.json lacks {pointer}"
        );
    }
    // Fields added to findings after full.json was written live in their own
    // fixture (golden files are never edited).
    let details: Value =
        serde_json::from_str(&read(&fixtures("1.0").join("finding_details.json"))).unwrap();
    for pointer in [
        "/studies/0/findings/0/basis",
        "/studies/0/findings/0/notes",
        "/studies/0/findings/0/extensions",
        "/studies/0/findings/1/basis",
        "/studies/0/findings/2/basis",
    ] {
        assert!(
            details.pointer(pointer).is_some(),
            "finding_details.json lacks {pointer}"
        );
    }
}

#[test]
fn forward_compatible_fixture_keeps_unknown_codes_and_warns_at_each() {
    let text = read(&fixtures("1.0").join("forward_compat.json"));
    let loaded = document::from_str(&text).unwrap();
    assert!(!loaded.report.has_errors(), "{}", loaded.report);
    let warned: Vec<String> = loaded.report.warnings().map(|i| i.path.clone()).collect();
    let s = "/studies/0";
    let expected: Vec<String> = [
        "/design/methods/0",
        "/design/analyses/0",
        "/settings/0",
        "/sample/groups/0/group",
        "/participants/0/group",
        "/participants/0/role_title",
        "/participants/0/employment",
        "/findings/0/reported_by/0",
        "/findings/0/concepts/0/code",
        "/findings/0/concepts/1/code",
        "/findings/0/concepts/2/stance",
        "/findings/0/concepts/2/kind",
    ]
    .iter()
    .map(|p| format!("{s}{p}"))
    .collect();
    assert_eq!(warned, expected);
    assert_eq!(loaded.document.to_json_pretty(), as_written_now(&text));
    // Extensions survive untouched, including nested values and unicode.
    let ext = &loaded.document.studies[0]
        .extensions
        .get("newer-tool:provenance")
        .unwrap();
    assert_eq!(ext["unicode"], "café – 🙂");
    assert_eq!(ext["nested"]["list"][1], 2.5);
}

#[test]
fn unknown_fields_are_kept_reported_and_refused_in_strict_mode() {
    let text = read(&fixtures("lenient").join("unknown_fields.json"));
    let unknown = [
        "/generator",
        "/studies/0/citation/issue",
        "/studies/0/participants/0/age_band",
        "/studies/0/findings/0/concepts/0/weight",
    ];
    let loaded = document::from_str(&text).unwrap();
    let expected: Vec<_> = unknown
        .iter()
        .map(|p| (Severity::Warning, IssueCode::UnknownField, (*p).to_owned()))
        .collect();
    assert_eq!(issue_list(&loaded.report), expected);

    // What is written back is the input, those fields included.
    let input: Value = serde_json::from_str(&as_written_now(&text)).unwrap();
    let written: Value = serde_json::from_str(&loaded.document.to_json_pretty()).unwrap();
    assert_eq!(written, input);
    for p in unknown {
        assert!(written.pointer(p).is_some(), "{p} was not written back");
    }

    match ReadOptions::new().strict(true).load_str(&text) {
        Err(ReadError::UnknownFields { issues }) => {
            let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
            assert_eq!(paths, unknown);
            assert!(issues.iter().all(|i| i.severity == Severity::Error));
        }
        other => panic!("strict mode accepted unknown fields: {other:?}"),
    }
}

/// A newer minor version's fields on every kind of object come back byte for
/// byte, its version label included; each is reported once, with its path.
#[test]
fn unknown_fields_at_every_level_round_trip_byte_for_byte() {
    let text = read(&fixtures("lenient").join("unknown_at_every_level.json"));
    let loaded = document::from_str(&text).unwrap();
    assert_eq!(loaded.document.to_json_pretty(), text);
    let compact = loaded.document.to_json_compact();
    assert_eq!(
        document::from_str(&compact).unwrap().document,
        loaded.document
    );
    let unknown: Vec<&str> = loaded
        .report
        .with_code(IssueCode::UnknownField)
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(
        unknown,
        [
            "/generator",
            "/studies/0/registration",
            "/studies/0/citation/issue",
            "/studies/0/design/sampling",
            "/studies/0/sample/response_rate",
            "/studies/0/sample/groups/0/recruited_via",
            "/studies/0/participants/0/age_band",
            "/studies/0/sources/0/duration_minutes",
            "/studies/0/excerpts/0/transcript_line",
            "/studies/0/themes/0/colour",
            "/studies/0/findings/0/confidence_note",
            "/studies/0/findings/0/concepts/0/weight",
        ]
    );
    let study = &loaded.document.studies[0];
    assert_eq!(
        study.findings[0].unknown_fields().get("confidence_note"),
        Some(&serde_json::json!({"rater": "second coder", "score": 1e16}))
    );
    match ReadOptions::new().strict(true).load_str(&text) {
        Err(ReadError::UnknownFields { issues }) => assert_eq!(issues.len(), unknown.len()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn newer_minor_version_loads_with_warnings() {
    let text = read(&fixtures("lenient").join("newer_minor.json"));
    let loaded = document::from_str(&text).unwrap();
    assert_eq!(loaded.version, SchemaVersion::new(1, 3, 0));
    assert_eq!(
        issue_list(&loaded.report),
        [
            (
                Severity::Warning,
                IssueCode::NewerMinorVersion,
                "/schema_version".to_owned()
            ),
            (
                Severity::Warning,
                IssueCode::UnknownField,
                "/studies/0/citation/preprint_server".to_owned()
            ),
            (
                Severity::Warning,
                IssueCode::UnknownField,
                "/studies/0/findings/0/certainty".to_owned()
            ),
        ]
    );
    assert!(loaded.report.issues[0].message.contains("1.3.0"));
    // Written back as the newer version it is, with the fields only that
    // version defines: not relabelled as this version's.
    let written = loaded.document.to_json_pretty();
    assert!(
        written.contains("\"schema_version\": \"1.3.0\""),
        "{written}"
    );
    assert!(written.contains("\"preprint_server\""), "{written}");
    // A document built in code is this version's.
    let built = peer_support::Document::new(loaded.document.studies.clone());
    assert!(
        built
            .to_json_pretty()
            .contains(&format!("\"schema_version\": \"{CURRENT_VERSION}\""))
    );
}

#[test]
fn draft_0_9_migrates_to_the_golden_1_0_form() {
    let draft = read(&fixtures("0.9").join("draft.json"));
    let migrated = read(&fixtures("0.9").join("draft.migrated.json"));
    let loaded = document::from_str(&draft).unwrap();
    assert_eq!(loaded.version, SchemaVersion::new(0, 9, 0));
    assert_eq!(
        issue_list(&loaded.report),
        [(
            Severity::Warning,
            IssueCode::MigratedDocument,
            "/schema_version".to_owned()
        )]
    );
    // The golden 1.0 form, written as this version.
    assert_eq!(loaded.document.to_json_pretty(), as_written_now(&migrated));

    // The public migrate() gives the same value.
    let value = document::migrate(serde_json::from_str(&draft).unwrap()).unwrap();
    assert_eq!(value, serde_json::from_str::<Value>(&migrated).unwrap());
    // And the migrated form is itself a clean current document.
    assert!(document::from_str(&migrated).unwrap().report.is_empty());
}

#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Expected {
    Issues(Vec<(String, String, String)>),
    ReadError {
        read_error: String,
        path: Option<String>,
        line: Option<usize>,
    },
}

#[test]
fn invalid_fixtures_produce_exactly_their_expected_issues() {
    let manifest: BTreeMap<String, Expected> =
        serde_json::from_str(&read(&fixtures("invalid").join("expected.json"))).unwrap();
    let files = json_files("invalid");
    assert_eq!(
        files.len(),
        manifest.len(),
        "every invalid fixture needs an entry in expected.json"
    );
    for path in files {
        let name = path.file_stem().unwrap().to_str().unwrap();
        let expected = manifest
            .get(name)
            .unwrap_or_else(|| panic!("{name} is not in expected.json"));
        let result = document::from_str(&read(&path));
        match (expected, result) {
            (Expected::Issues(issues), Ok(loaded)) => {
                let got: Vec<(String, String, String)> = loaded
                    .report
                    .issues
                    .iter()
                    .map(|i| (i.severity.to_string(), i.code.to_string(), i.path.clone()))
                    .collect();
                assert_eq!(&got, issues, "{name}:\n{}", loaded.report);
                for issue in &loaded.report.issues {
                    assert!(issue.message.len() > 10, "{name}: terse message {issue}");
                }
            }
            (
                Expected::ReadError {
                    read_error,
                    path: want_path,
                    line,
                },
                Err(err),
            ) => {
                let kind = match &err {
                    ReadError::Json(_) => "json",
                    ReadError::UnsupportedVersion { .. } => "unsupported_version",
                    ReadError::WrongSchema { .. } => "wrong_schema",
                    ReadError::UnknownFields { .. } => "unknown_fields",
                    ReadError::Io(_) => "io",
                    ReadError::Migration(_) => "migration",
                    _ => "other",
                };
                assert_eq!(kind, read_error, "{name}: {err}");
                if let ReadError::Json(json) = &err {
                    let (path, l, column) = (json.path().to_owned(), &json.line(), &json.column());
                    assert_eq!(Some(&path), want_path.as_ref(), "{name}: {err}");
                    // serde_json counts columns from 1; column 0 means the
                    // input ended at the start of that line.
                    assert!(*l > 0, "{name}: no position in {err}");
                    assert!(
                        *column > 0 || name == "truncated",
                        "{name}: no column in {err}"
                    );
                    if let Some(line) = line {
                        assert_eq!(l, line, "{name}: {err}");
                    }
                }
            }
            (expected, result) => panic!(
                "{name}: expected {}, got {result:?}",
                match expected {
                    Expected::Issues(_) => "issues",
                    Expected::ReadError { .. } => "a read error",
                }
            ),
        }
    }
}

#[test]
fn read_errors_name_what_and_where() {
    let err = document::from_str(&read(&fixtures("invalid").join("newer_major.json"))).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("2.0.0") && msg.contains(&CURRENT_VERSION.to_string()),
        "{msg}"
    );

    // What and where in the message; why, with the position, in its source.
    let err = document::from_str(&read(&fixtures("invalid").join("empty_title.json"))).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid value at /studies/0/citation/title"
    );
    let source = std::error::Error::source(&err).unwrap().to_string();
    assert!(
        source.starts_with("text must not be empty or only whitespace at line "),
        "{source}"
    );

    let err =
        document::from_str(&read(&fixtures("invalid").join("malformed_code.json"))).unwrap_err();
    let ReadError::Json(json) = &err else {
        panic!("{err:?}")
    };
    assert!(
        json.message()
            .starts_with("invalid barrier code \"Low Pay\""),
        "{err}"
    );
    assert_eq!(json.category(), serde_json::error::Category::Data);
}

#[test]
fn another_format_is_refused_as_such_whatever_version_it_declares() {
    // Another format that happens to declare an old version is not put
    // through this format's migrations.
    for version in ["0.9.0", "0.1.0", "1.0.0", "7.0.0"] {
        let json = format!(
            r#"{{"schema": "urn:example:other", "schema_version": "{version}", "items": [1]}}"#
        );
        match document::from_str(&json) {
            Err(ReadError::WrongSchema { found }) => assert_eq!(found, "urn:example:other"),
            other => panic!("{version}: {other:?}"),
        }
    }
}

#[test]
fn reader_entry_points_agree() {
    let text = read(&fixtures("1.0").join("full.json"));
    let a = document::from_str(&text).unwrap();
    let b = document::from_slice(text.as_bytes()).unwrap();
    let c = document::from_reader(text.as_bytes()).unwrap();
    assert_eq!(a, b);
    assert_eq!(b, c);
}

//! The JSON Schema of the current format version: the checked-in file
//! `docs/schema/{MAJOR}.{MINOR}/peer-support.schema.json` matches the types,
//! it is itself a valid draft 2020-12 schema, it accepts every golden fixture
//! and every document the crate writes, and it rejects what the reader or the
//! validator rejects for a single bad value, at the right path.
//!
//! While the version is not released, regenerate the file with
//! `PEER_SUPPORT_BLESS=1 cargo test --all-features --test json_schema`. Once
//! `docs/schema/SHA256SUMS` pins it, the variable refuses to rewrite it and
//! the types must generate it byte for byte (`tests/released.rs` checks the
//! files of every released version).
#![cfg(feature = "json-schema")]

#[path = "support/released.rs"]
mod released;

use std::path::Path;
use std::str::FromStr;

use peer_support::document::{CURRENT_VERSION, SCHEMA_ID, SchemaVersion};
use peer_support::schema::json_schema;
use peer_support::study::{Doi, Extensions, ParticipantCode, Text};
#[cfg(feature = "synthetic")]
use peer_support::synthetic::Corpus;
use peer_support::vocabulary::Code;
use serde_json::{Value, json};

use released::{json_files, name, root};

fn validator() -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&json_schema())
        .expect("the generated schema compiles")
}

/// The instance paths of every schema error, empty when the document is valid.
fn error_paths(validator: &jsonschema::Validator, document: &Value) -> Vec<String> {
    validator
        .iter_errors(document)
        .map(|e| e.instance_path().as_str().to_owned())
        .collect()
}

fn read_json(path: &Path) -> Result<Value, serde_json::Error> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text)
}

#[test]
fn checked_in_schema_matches_the_types() {
    released::compare_or_bless(
        &released::schema_path(&released::current()),
        &peer_support::schema::json_schema_pretty(),
        "json_schema",
    );
}

#[test]
fn schema_is_valid_draft_2020_12() {
    let schema = json_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(
        schema["$id"],
        format!("{SCHEMA_ID}:{}", released::current())
    );
    if let Err(error) = jsonschema::meta::validate(&schema) {
        panic!(
            "not a valid JSON Schema: {error} at {}",
            error.instance_path()
        );
    }
}

/// Every `format` is one the specification defines: strict validators (ajv's
/// strict mode, which CI runs) refuse a schema with a format they do not know,
/// such as the `uint32` schemars writes for a `u32`.
#[test]
fn uses_only_formats_the_specification_defines() {
    fn formats<'a>(value: &'a Value, found: &mut Vec<&'a str>) {
        match value {
            Value::Object(map) => {
                for (key, value) in map {
                    match (key.as_str(), value) {
                        ("format", Value::String(format)) => found.push(format),
                        _ => formats(value, found),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|item| formats(item, found)),
            _ => {}
        }
    }
    let schema = json_schema();
    let mut found = Vec::new();
    formats(&schema, &mut found);
    assert!(
        found.contains(&"uuid") && found.contains(&"date"),
        "{found:?}"
    );
    let unknown: Vec<_> = found
        .iter()
        .filter(|format| !["uuid", "date"].contains(format))
        .collect();
    assert!(
        unknown.is_empty(),
        "formats no validator knows: {unknown:?}"
    );
}

/// The golden fixtures of every minor version of the current major one up to
/// the current one, `tests/fixtures/{MAJOR}.{MINOR}/`: a minor version only
/// adds, so its schema accepts the documents of the versions before it.
#[test]
fn every_golden_fixture_is_valid() {
    let validator = validator();
    let files: Vec<_> = (0..=CURRENT_VERSION.minor)
        .flat_map(|minor| json_files(&format!("tests/fixtures/{}.{minor}", CURRENT_VERSION.major)))
        .collect();
    assert!(
        files.len() >= 3,
        "expected the golden fixtures (minimal, full, forward-compatible) in tests/fixtures/1.0, found {files:?}"
    );
    for path in files {
        let document = read_json(&path).unwrap();
        let errors = error_paths(&validator, &document);
        assert!(
            errors.is_empty(),
            "{}: schema errors at {errors:?}",
            path.display()
        );
    }
}

/// Documents that load with warnings only (newer minor version, unknown
/// fields) are valid: the schema describes what a default-mode reader accepts.
#[test]
fn lenient_fixtures_are_valid() {
    let validator = validator();
    let files = json_files("tests/fixtures/lenient");
    assert!(!files.is_empty(), "no fixtures in tests/fixtures/lenient");
    for path in files {
        let document = read_json(&path).unwrap();
        let errors = error_paths(&validator, &document);
        assert!(
            errors.is_empty(),
            "{}: schema errors at {errors:?}",
            path.display()
        );
    }
}

#[test]
fn a_0_9_draft_is_not_1_0_but_its_migration_is() {
    let validator = validator();
    let draft = read_json(&root().join("tests/fixtures/0.9/draft.json")).unwrap();
    assert!(!validator.is_valid(&draft));
    let migrated = read_json(&root().join("tests/fixtures/0.9/draft.migrated.json")).unwrap();
    let errors = error_paths(&validator, &migrated);
    assert!(
        errors.is_empty(),
        "migrated draft: schema errors at {errors:?}"
    );
}

/// The invalid fixtures the reader refuses, or whose validation errors are
/// about a single value, are invalid under the schema; those whose errors
/// need the whole document (references, cycles, sums) are beyond it.
#[test]
fn invalid_fixtures_are_rejected_when_the_problem_is_local() {
    let validator = validator();
    let files = released::invalid_fixtures();
    assert!(!files.is_empty(), "no fixtures in tests/fixtures/invalid");
    let (mut rejected, mut beyond) = (0, 0);
    for (path, local) in files {
        let name = name(&path);
        let Ok(document) = read_json(&path) else {
            // Not JSON at all (a truncated file): no schema can accept it.
            assert!(
                local,
                "{name}: unparseable but not expected to fail reading"
            );
            rejected += 1;
            continue;
        };
        let valid = validator.is_valid(&document);
        if local {
            assert!(
                !valid,
                "{name}: the schema accepts it, but tests/fixtures/invalid/expected.json says \
                 the reader refuses it or finds a single bad value"
            );
            rejected += 1;
        } else {
            assert!(
                valid,
                "{name}: the schema rejects a document whose problems need the whole document: {:?}",
                error_paths(&validator, &document)
            );
            beyond += 1;
        }
    }
    assert!(
        rejected > 0 && beyond > 0,
        "rejected {rejected}, beyond the schema {beyond}"
    );
}

/// A valid document with one of everything the inline cases below break.
fn base() -> Value {
    json!({
        "schema": "urn:peer-support:study-document",
        "schema_version": CURRENT_VERSION.to_string(),
        "studies": [{
            "id": "a0000000-0000-4000-8000-000000000001",
            "citation": {
                "title": "Barriers and facilitators",
                "doi": "10.1111/hex.13151",
                "published": "2021-01-20"
            },
            "design": { "methods": ["semi_structured_interview"], "interview_rounds": 2 },
            "settings": ["community_team"],
            "sample": { "total": 1, "groups": [{ "group": "peer_worker", "count": 1 }] },
            "participants": [{
                "id": "b0000000-0000-4000-8000-000000000001",
                "code": "P07",
                "group": "peer_worker"
            }],
            "sources": [{
                "id": "c0000000-0000-4000-8000-000000000001",
                "participants": ["b0000000-0000-4000-8000-000000000001"],
                "round": 1,
                "date": "2019-05-01"
            }],
            "excerpts": [{
                "id": "d0000000-0000-4000-8000-000000000001",
                "text": "It helped to have someone to talk to.",
                "source": "c0000000-0000-4000-8000-000000000001"
            }],
            "themes": [{ "id": "e0000000-0000-4000-8000-000000000001", "label": "Supervision" }],
            "findings": [{
                "id": "f0000000-0000-4000-8000-000000000001",
                "statement": "Supervision helps.",
                "concepts": [{ "kind": "facilitator", "code": "supervision", "stance": "facilitator" }],
                "endorsement_count": 1
            }],
            "extensions": { "nvivo:node_id": 12 }
        }],
        "extensions": { "org.example.app:flags": ["a"] }
    })
}

/// The base document with the value at `pointer` set to `value`, or removed
/// when `value` is `None`.
fn with(pointer: &str, value: Option<Value>) -> Value {
    let mut document = base();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let key = key.replace("~1", "/").replace("~0", "~");
    let parent = document.pointer_mut(parent).expect(pointer);
    match (parent, value) {
        (Value::Object(map), Some(value)) => {
            map.insert(key, value);
        }
        (Value::Object(map), None) => {
            map.remove(&key).expect(pointer);
        }
        (Value::Array(items), Some(value)) => items[key.parse::<usize>().unwrap()] = value,
        _ => panic!("cannot edit {pointer}"),
    }
    document
}

#[test]
fn base_document_is_valid_and_loads_cleanly() {
    let document = base();
    let errors = error_paths(&validator(), &document);
    assert!(errors.is_empty(), "schema errors at {errors:?}");
    let loaded = peer_support::document::from_str(&document.to_string()).unwrap();
    assert!(loaded.report.is_empty(), "{:?}", loaded.report);
}

#[test]
fn rejects_single_bad_values_at_their_path() {
    let validator = validator();
    let study = "/studies/0";
    let cases: Vec<(&str, String, Option<Value>)> = vec![
        (
            "wrong identifier",
            "/schema".into(),
            Some(json!("urn:other")),
        ),
        (
            "newer major version",
            "/schema_version".into(),
            Some(json!("2.0.0")),
        ),
        (
            "version with leading zero",
            "/schema_version".into(),
            Some(json!("1.01.0")),
        ),
        ("missing version", "/schema_version".into(), None),
        ("studies not a list", "/studies".into(), Some(json!({}))),
        ("bad uuid", format!("{study}/id"), Some(json!("not-a-uuid"))),
        (
            "uuid without hyphens in a reference",
            format!("{study}/excerpts/0/source"),
            Some(json!("c0000000000040008000000000000001")),
        ),
        ("missing citation", format!("{study}/citation"), None),
        (
            "empty title",
            format!("{study}/citation/title"),
            Some(json!("")),
        ),
        (
            "blank title",
            format!("{study}/citation/title"),
            Some(json!(" \n\t")),
        ),
        (
            "title not a string",
            format!("{study}/citation/title"),
            Some(json!(7)),
        ),
        (
            "doi with prefix",
            format!("{study}/citation/doi"),
            Some(json!("doi:10.1111/hex.13151")),
        ),
        (
            "doi with short registrant",
            format!("{study}/citation/doi"),
            Some(json!("10.11/x")),
        ),
        (
            "impossible date",
            format!("{study}/citation/published"),
            Some(json!("2021-02-30")),
        ),
        (
            "date in another format",
            format!("{study}/sources/0/date"),
            Some(json!("01/05/2019")),
        ),
        (
            "code with uppercase",
            format!("{study}/settings/0"),
            Some(json!("Community_team")),
        ),
        (
            "code with a space",
            format!("{study}/design/methods/0"),
            Some(json!("semi structured")),
        ),
        (
            "code too long",
            format!("{study}/participants/0/group"),
            Some(json!("a".repeat(65))),
        ),
        (
            "participant named",
            format!("{study}/participants/0/code"),
            Some(json!("Jane Doe")),
        ),
        (
            "participant code too long",
            format!("{study}/participants/0/code"),
            Some(json!("P".repeat(33))),
        ),
        (
            "missing participant group",
            format!("{study}/participants/0/group"),
            None,
        ),
        (
            "negative endorsement count",
            format!("{study}/findings/0/endorsement_count"),
            Some(json!(-1)),
        ),
        (
            "count beyond 32 bits",
            format!("{study}/findings/0/endorsement_count"),
            Some(json!(u64::from(u32::MAX) + 1)),
        ),
        (
            "year beyond 32 bits",
            format!("{study}/citation/year"),
            Some(json!(i64::from(i32::MAX) + 1)),
        ),
        (
            "negative count",
            format!("{study}/sample/groups/0/count"),
            Some(json!(-1)),
        ),
        (
            "fractional round",
            format!("{study}/sources/0/round"),
            Some(json!(1.5)),
        ),
        (
            "flag not a boolean",
            format!("{study}/design/co_production"),
            Some(json!("yes")),
        ),
        (
            "missing excerpt text",
            format!("{study}/excerpts/0/text"),
            None,
        ),
        (
            "missing stance",
            format!("{study}/findings/0/concepts/0/stance"),
            None,
        ),
        (
            "malformed kind",
            format!("{study}/findings/0/concepts/0/kind"),
            Some(json!("Bad Kind")),
        ),
        (
            "malformed concept code",
            format!("{study}/findings/0/concepts/0/code"),
            Some(json!("Low Pay")),
        ),
        (
            "absent not a boolean",
            format!("{study}/findings/0/concepts/0/absent"),
            Some(json!(1)),
        ),
        (
            "extension key without namespace",
            format!("{study}/extensions/node_id"),
            Some(json!(1)),
        ),
        (
            "document extension key with a slash",
            "/extensions/tool~1flags".into(),
            Some(json!(true)),
        ),
        (
            "extensions not an object",
            "/extensions".into(),
            Some(json!([])),
        ),
    ];
    for (what, pointer, value) in cases {
        let document = with(&pointer, value.clone());
        let errors = error_paths(&validator, &document);
        // A missing field is reported on its parent, a bad extension key on
        // the map, and anything inside the optional `sample` object on that
        // object (its schema is `anyOf: [Sample, null]`, which fails as a whole).
        let expected = if pointer.starts_with(&format!("{study}/sample/")) {
            format!("{study}/sample")
        } else if value.is_none() || pointer.contains("extensions/") {
            pointer.rsplit_once('/').unwrap().0.to_owned()
        } else {
            pointer.clone()
        };
        assert!(
            errors.contains(&expected),
            "{what}: expected a schema error at {expected:?}, got {errors:?}"
        );
    }
}

/// Forward compatibility: unknown codes, kinds, fields and namespaced
/// extensions are valid, as they are for the reader.
#[test]
fn accepts_what_a_newer_writer_may_add() {
    let validator = validator();
    let study = "/studies/0";
    let cases: Vec<(String, Value)> = vec![
        (format!("{study}/settings/0"), json!("prison_in_reach")),
        (
            format!("{study}/findings/0/concepts/0/code"),
            json!("local_service_knowledge"),
        ),
        (
            format!("{study}/findings/0/concepts/0/kind"),
            json!("policy_lever"),
        ),
        (
            format!("{study}/findings/0/concepts/0/stance"),
            json!("enabler"),
        ),
        (
            format!("{study}/citation/preprint_server"),
            json!("example"),
        ),
        ("/generator".into(), json!("some other tool")),
        ("/schema_version".into(), json!("1.3.0")),
        (
            "/extensions/newer-tool:nested".into(),
            json!({ "a": [1, null] }),
        ),
        (format!("{study}/citation/journal"), Value::Null),
    ];
    for (pointer, value) in cases {
        let document = with(&pointer, Some(value));
        let errors = error_paths(&validator, &document);
        assert!(errors.is_empty(), "{pointer}: schema errors at {errors:?}");
    }
}

/// Each hand-written pattern says what the Rust type accepts, checked on the
/// edge cases of its grammar.
#[test]
fn patterns_agree_with_the_rust_types() {
    let validator = validator();
    let study = "/studies/0";
    let agrees = |pointer: &str, candidate: &str, rust_accepts: bool| {
        let document = with(pointer, Some(json!(candidate)));
        assert_eq!(
            validator.is_valid(&document),
            rust_accepts,
            "{pointer} = {candidate:?}: the Rust type says {rust_accepts}"
        );
    };
    let texts = [
        "", " ", "\t\n\r", "\u{85}", "\u{a0}", "\u{2028}", "\u{3000}", "\u{1680}", "\u{feff}",
        "\u{200b}", " a ", "é", "🙂", "a\u{85}",
    ];
    for text in texts {
        agrees(
            &format!("{study}/citation/title"),
            text,
            Text::new(text).is_ok(),
        );
    }
    for code in [
        "P07",
        "PW-12",
        "a.b_c",
        "1",
        "-P1",
        "P 7",
        "x@y.z",
        "é",
        &"P".repeat(32),
        &"P".repeat(33),
    ] {
        agrees(
            &format!("{study}/participants/0/code"),
            code,
            ParticipantCode::new(code).is_ok(),
        );
    }
    for doi in [
        "10.1111/hex.13151",
        "10.1186/1472-6963-13-188",
        "10.1000.10/abc",
        "10.123456789/x",
        "10.1234567890/x",
        "10.1111",
        "10.11/x",
        "11.1111/x",
        "10.1111/",
        "10.1111/a b",
        "10.1111/a\u{a0}b",
        "10.1111/é",
        "10.1111./x",
        "doi:10.1111/x",
        " 10.1111/x",
    ] {
        agrees(&format!("{study}/citation/doi"), doi, Doi::new(doi).is_ok());
    }
    for code in [
        "a",
        "supervision",
        "a1_b2",
        "x_",
        "",
        "1abc",
        "_abc",
        "Supervision",
        "super-vision",
        "supervisión",
        &"a".repeat(64),
        &"a".repeat(65),
    ] {
        agrees(
            &format!("{study}/settings/0"),
            code,
            Code::new(code).is_ok(),
        );
    }
    for key in [
        "nvivo:node_id",
        "org.example.app:flags",
        "r-pkg:x",
        "a:b:c",
        "node_id",
        ":x",
        "nvivo:",
        "1x:y",
        "a b:c",
        "nvivo:a b",
        "nvivo:a\u{2028}",
        "ns:é",
    ] {
        let document = with(
            &format!("/extensions/{}", key.replace('~', "~0").replace('/', "~1")),
            Some(json!(1)),
        );
        assert_eq!(
            validator.is_valid(&document),
            Extensions::is_namespaced(key),
            "extension key {key:?}"
        );
    }
    for version in [
        "1.0.0",
        "1.10.3",
        "0.9.0",
        "2.0.0",
        "1.0",
        "1.0.0.0",
        "01.0.0",
        "1.0.0-rc1",
        "+1.0.0",
        "1..0",
    ] {
        let reader_accepts =
            SchemaVersion::from_str(version).is_ok_and(|v| v.major == CURRENT_VERSION.major);
        agrees("/schema_version", version, reader_accepts);
    }
}

/// Whatever the crate writes is valid: synthetic corpora of several shapes.
#[cfg(feature = "synthetic")]
#[test]
fn documents_the_crate_writes_are_valid() {
    let validator = validator();
    for seed in 0..8 {
        let document = Corpus::new(seed).studies(3).excerpts(120).build();
        let value: Value = serde_json::from_str(&document.to_json_compact()).unwrap();
        let errors = error_paths(&validator, &value);
        assert!(
            errors.is_empty(),
            "synthetic corpus {seed}: schema errors at {errors:?}"
        );
    }
}

/// Review details and GRADE-CERQual belong to reviews: the schema's
/// `if`/`else` on the study's `kind` agrees with validation, which reports
/// either on any other study as an error.
#[test]
fn review_details_and_cerqual_only_on_reviews() {
    let validator = validator();
    let cerqual = json!({ "confidence": "moderate", "explanation": "Minor concerns only." });
    let review = json!({ "type": "systematic_review" });
    for kind in [None, Some("primary"), Some("case_series"), Some("review")] {
        for (what, pointer, value) in [
            ("review details", "/studies/0/review", review.clone()),
            (
                "an assessment",
                "/studies/0/findings/0/cerqual",
                cerqual.clone(),
            ),
        ] {
            let mut document = with(pointer, Some(value));
            if let Some(kind) = kind {
                document["studies"][0]["kind"] = json!(kind);
            }
            let schema_accepts = validator.is_valid(&document);
            let report = peer_support::document::from_str(&document.to_string())
                .unwrap()
                .report;
            assert_eq!(
                schema_accepts,
                kind == Some("review"),
                "{what} on kind {kind:?}: {:?}",
                error_paths(&validator, &document)
            );
            assert_eq!(
                report.has_errors(),
                !schema_accepts,
                "{what} on kind {kind:?}: {report}"
            );
            // `null` reads as absent, on any kind, in both.
            let mut document = with(pointer, Some(serde_json::Value::Null));
            if let Some(kind) = kind {
                document["studies"][0]["kind"] = json!(kind);
            }
            assert!(
                validator.is_valid(&document),
                "null {what} on kind {kind:?}: {:?}",
                error_paths(&validator, &document)
            );
            let loaded = peer_support::document::from_str(&document.to_string()).unwrap();
            assert!(
                !loaded.report.has_errors(),
                "null {what}: {}",
                loaded.report
            );
        }
    }
}

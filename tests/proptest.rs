//! Property tests over generated documents: canonical output round-trips byte
//! for byte, validation never panics and every issue points into the document,
//! and reading mutated JSON never panics.

mod common;

use std::fmt::Debug;

use common::strategies::{self, Style};
use peer_support::document::{self, Document};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use serde::Serialize;
use serde::de::DeserializeOwned;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: common::cases(cases),
        // Failures are reproduced from the printed seed; no files in the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn read(json: &[u8]) -> Result<document::Loaded, TestCaseError> {
    document::from_slice(json)
        .map_err(|e| TestCaseError::fail(format!("{e}\n{}", String::from_utf8_lossy(json))))
}

/// The canonical forms of `doc` load back to `doc`, and writing that again
/// gives the same bytes; reading canonical output reports exactly what
/// validation reports.
fn assert_canonical_round_trip(doc: &Document) -> Result<(), TestCaseError> {
    let pretty = doc.to_json_pretty();
    let compact = doc.to_json_compact();
    let from_pretty = read(pretty.as_bytes())?;
    let from_compact = read(compact.as_bytes())?;
    prop_assert_eq!(&from_pretty.document, doc);
    prop_assert_eq!(&from_compact.document, doc);
    prop_assert_eq!(from_pretty.document.to_json_pretty(), pretty);
    prop_assert_eq!(from_compact.document.to_json_compact(), compact);
    prop_assert_eq!(&from_pretty.report, &doc.validate());
    Ok(())
}

fn serde_round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(
    value: &T,
) -> Result<(), TestCaseError> {
    let json = serde_json::to_string(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back: T =
        serde_json::from_str(&json).map_err(|e| TestCaseError::fail(format!("{e}: {json}")))?;
    prop_assert_eq!(&back, value);
    prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
    Ok(())
}

/// One edit to a JSON text.
#[derive(Clone, Debug)]
enum Mutation {
    FlipBit(Index, u8),
    Delete(Index, usize),
    Insert(Index, &'static str),
    Duplicate(Index, Index),
}

const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "null",
    "true",
    "-",
    "0",
    "1e999",
    "-1",
    "4294967296",
    "18446744073709551616",
    "0.1",
    "\\u0000",
    "\\ud800",
    "\u{feff}",
    "\"x:y\"",
    "\"id\"",
    "\"schema_version\"",
    "\"2.0.0\"",
    "\"0.9.0\"",
    "\u{0}",
    "\u{ff}",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), 0u8..8).prop_map(|(i, bit)| Mutation::FlipBit(i, bit)),
        (any::<Index>(), 1usize..16).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<Index>(), select(TOKENS)).prop_map(|(i, t)| Mutation::Insert(i, t)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::Duplicate(a, b)),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    let at = |i: &Index| i.index(bytes.len());
    match mutation {
        Mutation::FlipBit(i, bit) => {
            let i = at(i);
            bytes[i] ^= 1 << bit;
        }
        Mutation::Delete(i, n) => {
            let i = at(i);
            bytes.drain(i..(i + n).min(bytes.len()));
        }
        Mutation::Insert(i, token) => {
            let i = at(i);
            bytes.splice(i..i, token.bytes());
        }
        Mutation::Duplicate(a, b) => {
            let (a, b) = (at(a), at(b));
            let (from, to) = (a.min(b), a.max(b).min(a.min(b) + 64));
            let copy = bytes[from..to].to_vec();
            bytes.splice(to..to, copy);
        }
    }
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn canonical_output_round_trips_byte_for_byte(doc in strategies::document(Style::ANY)) {
        assert_canonical_round_trip(&doc)?;
    }

    #[test]
    fn valid_style_documents_validate_without_errors(doc in strategies::document(Style::VALID)) {
        let report = doc.validate();
        prop_assert!(!report.has_errors(), "{}", report);
        assert_canonical_round_trip(&doc)?;
    }

    #[test]
    fn validation_is_deterministic_and_every_issue_points_into_the_document(
        doc in strategies::document(Style::ANY),
    ) {
        let report = doc.validate();
        prop_assert_eq!(&report, &doc.validate());
        let value: serde_json::Value = serde_json::from_str(&doc.to_json_compact()).unwrap();
        for issue in &report.issues {
            prop_assert!(value.pointer(&issue.path).is_some(), "{} points at nothing", issue);
        }
    }

    #[test]
    fn reading_mutated_json_never_panics(
        doc in strategies::document(Style::ANY),
        pretty in any::<bool>(),
        mutations in vec(mutation(), 1..6),
    ) {
        let json = if pretty { doc.to_json_pretty() } else { doc.to_json_compact() };
        let mut bytes = json.into_bytes();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        if let Ok(loaded) = document::from_slice(&bytes) {
            let _ = loaded.report.to_string();
            assert_canonical_round_trip(&loaded.document)?;
        }
    }

    #[test]
    fn reading_arbitrary_bytes_never_panics(bytes in vec(any::<u8>(), 0..256)) {
        if let Ok(loaded) = document::from_slice(&bytes) {
            assert_canonical_round_trip(&loaded.document)?;
        }
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn every_document_type_round_trips_through_serde(
        text in strategies::text(),
        code in strategies::participant_code(Style::ANY),
        doi in strategies::doi(Style::ANY),
        link in strategies::concept_link(),
        citation in strategies::citation(Style::ANY),
        design in strategies::design(),
        extensions in strategies::extensions(Style::ANY),
        study in strategies::study(Style::ANY),
    ) {
        serde_round_trip(&text)?;
        serde_round_trip(&code)?;
        serde_round_trip(&doi)?;
        serde_round_trip(&link)?;
        serde_round_trip(&citation)?;
        serde_round_trip(&design)?;
        serde_round_trip(&extensions)?;
        serde_round_trip(&study)?;
        for p in &study.participants { serde_round_trip(p)?; }
        for s in &study.sources { serde_round_trip(s)?; }
        for e in &study.excerpts { serde_round_trip(e)?; }
        for t in &study.themes { serde_round_trip(t)?; }
        for f in &study.findings { serde_round_trip(f)?; }
        if let Some(sample) = &study.sample {
            serde_round_trip(sample)?;
            for g in &sample.groups { serde_round_trip(g)?; }
        }
    }

    // Apart from the test above, whose strategy is already as large as a
    // test thread's stack allows in a debug build.
    #[test]
    fn declared_concepts_round_trip_through_serde(
        declared in strategies::declared_concept(Style::ANY),
    ) {
        serde_round_trip(&declared)?;
        for r in &declared.relations { serde_round_trip(r)?; }
    }
}

/// Every property the JSON Schema gives any object (generated from the
/// types, so a new field appears there by itself) shows up in some
/// generated document: the strategies cannot silently skip a field.
#[cfg(feature = "json-schema")]
#[test]
fn the_strategies_generate_every_field_the_schema_knows() {
    use std::collections::BTreeSet;

    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    use serde_json::Value;

    let schema = peer_support::schema::json_schema();
    let resolve = |node: &Value| -> Vec<String> {
        // The definitions a node stands for: a `$ref`, or the `$ref`s among
        // its `anyOf` branches (an optional field).
        let mut names = Vec::new();
        let mut refs = vec![node];
        refs.extend(node["anyOf"].as_array().into_iter().flatten());
        for r in refs {
            if let Some(name) = r["$ref"].as_str().and_then(|r| r.strip_prefix("#/$defs/")) {
                names.push(name.to_owned());
            }
        }
        names
    };
    let mut expected = BTreeSet::new();
    for (name, def) in schema["$defs"].as_object().unwrap() {
        for field in def["properties"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(k, _)| k)
        {
            expected.insert(format!("{name}.{field}"));
        }
    }
    for field in schema["properties"].as_object().unwrap().keys() {
        expected.insert(format!("Document.{field}"));
    }

    // Walks a generated document alongside the schema, recording each
    // (definition, field) it meets.
    fn walk(
        value: &Value,
        def: &str,
        node: &Value,
        schema: &Value,
        resolve: &dyn Fn(&Value) -> Vec<String>,
        seen: &mut BTreeSet<String>,
    ) {
        if let Value::Object(members) = value {
            for (key, child) in members {
                let Some(property) = node["properties"].get(key) else {
                    continue;
                };
                seen.insert(format!("{def}.{key}"));
                let items = &property["items"];
                let target = if items.is_null() { property } else { items };
                for name in resolve(target) {
                    let next = &schema["$defs"][&name];
                    match child {
                        Value::Array(elements) => {
                            for e in elements {
                                walk(e, &name, next, schema, resolve, seen);
                            }
                        }
                        _ => walk(child, &name, next, schema, resolve, seen),
                    }
                }
            }
        }
    }

    let mut seen = BTreeSet::new();
    let mut runner = TestRunner::deterministic();
    for style in [Style::ANY, Style::VALID] {
        let strategy = strategies::document(style);
        for _ in 0..200 {
            let document = strategy.new_tree(&mut runner).unwrap().current();
            let value: Value = serde_json::from_str(&document.to_json_compact()).unwrap();
            walk(&value, "Document", &schema, &schema, &resolve, &mut seen);
        }
    }
    let missing: Vec<&String> = expected.difference(&seen).collect();
    assert!(missing.is_empty(), "never generated: {missing:?}");
}

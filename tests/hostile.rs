//! Hostile input: every case gives a clear error (kind, JSON Pointer path,
//! line and column) or a documented acceptance, never a panic, and memory
//! proportional to the input. `docs/testing.md` lists each case and its
//! outcome; keep the two in step.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use peer_support::document::{self, ReadError, SchemaVersion};
use peer_support::validate::IssueCode;

/// The system allocator, counting the bytes live now and at the peak, so a
/// test can check that reading costs memory proportional to the input.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let grow = new_size - layout.size();
                let live = LIVE.fetch_add(grow, Ordering::Relaxed) + grow;
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Tests in this file run one at a time, so that one test's allocations do
/// not show up in another's peak.
fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs `f`, returning its result and the most memory it had allocated at
/// once beyond what was live when it started.
fn peak_during<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let result = f();
    (result, PEAK.load(Ordering::Relaxed) - before)
}

const ID: &str = "5d8ebf13-d301-4143-ac31-bebb0249d387";

/// A 1.0.0 document with `studies` and envelope `extra` spliced in as JSON.
fn doc(studies: &str, extra: &str) -> String {
    format!(
        r#"{{"schema": "urn:peer-support:study-document", "schema_version": "1.0.0", "studies": [{studies}]{extra}}}"#
    )
}

/// One study with `fields` spliced in after its id and citation.
fn study(fields: &str) -> String {
    format!(r#"{{"id": "{ID}", "citation": {{"title": "A study"}}{fields}}}"#)
}

/// The JSON error reading `bytes` gives: (path, line, column, message).
fn json_error(bytes: impl AsRef<[u8]>) -> (String, usize, usize, String) {
    match document::from_slice(bytes.as_ref()) {
        Err(ReadError::Json(e)) => (e.path().to_owned(), e.line(), e.column(), e.message()),
        Err(other) => panic!("expected a JSON error, got {other:?}"),
        Ok(loaded) => panic!("expected a JSON error, but it loaded: {}", loaded.report),
    }
}

/// Asserts a JSON error at `path` whose message contains `message`, with a
/// position (line 1 for the one-line documents built here).
fn assert_json_error(bytes: impl AsRef<[u8]>, path: &str, message: &str) {
    let (p, line, column, m) = json_error(bytes);
    assert_eq!(p, path, "path of: {m}");
    assert!(m.contains(message), "{m:?} should contain {message:?}");
    // Column 0 is serde_json's position for an input that ends before any character.
    assert!(line >= 1, "position {line}:{column} for {m}");
}

#[test]
fn nesting_10_000_levels_deep_is_an_error_with_a_path_never_a_stack_overflow() {
    let _serial = serial();
    let depth = 10_000;
    let arrays = format!("{}0{}", "[".repeat(depth), "]".repeat(depth));
    let objects = format!("{}0{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
    for nested in [&arrays, &objects] {
        // Inside extensions every value is kept, so serde_json's recursion
        // limit (128) turns the nesting into an error with a path.
        let (path, _, _, message) =
            json_error(doc("", &format!(r#", "extensions": {{"x:y": {nested}}}"#)));
        assert!(path.starts_with("/extensions/x:y/"), "{path}");
        assert_eq!(message, "recursion limit exceeded");
        // A field the format does not define is kept too, so the same limit
        // applies to it.
        let (path, _, _, message) = json_error(doc("", &format!(r#", "x-deep": {nested}"#)));
        assert_eq!(path, "/x-deep");
        assert_eq!(message, "recursion limit exceeded");
    }
    // Where the format expects something else, the first wrong level is the error.
    assert_json_error(
        doc(&arrays, ""),
        "/studies/0",
        "invalid type: sequence, expected struct Study",
    );
    assert_json_error(
        &arrays,
        "",
        "invalid type: sequence, expected a peer-support document",
    );
}

/// Reads `json`, checking that reading and writing each peak below three
/// times the input (the input's bytes are not counted: the caller holds them).
fn load_within_memory_bound(json: &str) -> document::Loaded {
    let (loaded, peak) = peak_during(|| document::from_slice(json.as_bytes()).unwrap());
    assert!(!loaded.report.has_errors(), "{}", loaded.report);
    assert!(
        peak < 3 * json.len(),
        "peak {peak} bytes reading {} bytes",
        json.len()
    );
    let (compact, peak) = peak_during(|| loaded.document.to_json_compact());
    assert!(
        peak < 3 * json.len(),
        "peak {peak} bytes writing {} bytes",
        compact.len()
    );
    loaded
}

fn long_text(size: usize) -> String {
    let sentence = "I felt listened to, and that made all the difference. ";
    let mut text = sentence.repeat(size / sentence.len() + 1);
    text.truncate(size);
    text
}

#[test]
fn a_50_mb_string_loads_with_memory_proportional_to_the_input() {
    let _serial = serial();
    let size = 50 * 1024 * 1024;
    // In the title: held like any text, but not scanned for personal data,
    // which at 50 MB would take most of a minute in an unoptimised test build.
    let json = doc(&study("").replace("A study", &long_text(size)), "");
    let loaded = load_within_memory_bound(&json);
    assert_eq!(loaded.document.studies[0].citation.title.len(), size);
    let compact = loaded.document.to_json_compact();
    assert_eq!(
        document::from_str(&compact).unwrap().document,
        loaded.document
    );
}

#[test]
fn a_long_excerpt_is_scanned_for_personal_data_with_memory_proportional_to_the_input() {
    let _serial = serial();
    let size = 4 * 1024 * 1024;
    let mut quote = long_text(size);
    quote.push_str(" ring me on 07700 900123");
    let json = doc(
        &study(&format!(
            r#", "sources": [{{"id": "00000000-0000-0000-0000-000000000002"}}],
               "excerpts": [{{"id": "00000000-0000-0000-0000-000000000003", "source": "00000000-0000-0000-0000-000000000002", "text": "{quote}"}}]"#
        )),
        "",
    );
    let loaded = load_within_memory_bound(&json);
    let found: Vec<_> = loaded
        .report
        .with_code(IssueCode::PossiblePersonalData)
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(found, ["/studies/0/excerpts/0/text"]);
}

#[test]
fn invalid_utf8_and_bad_escapes_are_errors_at_the_string() {
    let _serial = serial();
    let mut bytes = doc(&study(""), "").into_bytes();
    let at = bytes.windows(7).position(|w| w == b"A study").unwrap();
    bytes[at + 1] = 0xFF;
    assert_json_error(
        &bytes,
        "/studies/0/citation/title",
        "invalid unicode code point",
    );
    // Overlong encodings and unpaired surrogates encoded as UTF-8 are invalid too.
    bytes[at + 1] = 0xC0;
    bytes[at + 2] = 0xA0;
    assert_json_error(
        &bytes,
        "/studies/0/citation/title",
        "invalid unicode code point",
    );
    let mut bytes = doc(&study(""), "").into_bytes();
    bytes.splice(at..at + 1, *b"\xED\xA0\x80");
    assert_json_error(
        &bytes,
        "/studies/0/citation/title",
        "invalid unicode code point",
    );
    // An escaped lone surrogate has no UTF-8 form.
    assert_json_error(
        doc(&study("").replace("A study", r"A \ud800 study"), ""),
        "/studies/0/citation/title",
        "hex escape",
    );
    // Raw control characters must be escaped in JSON strings.
    assert_json_error(
        doc(&study("").replace("A study", "A\u{1}study"), ""),
        "/studies/0/citation/title",
        "control character",
    );
    // Invalid UTF-8 in a field name.
    let mut bytes = doc(&study(""), "").into_bytes();
    let at = bytes.windows(8).position(|w| w == b"citation").unwrap();
    bytes[at] = 0xFF;
    assert_json_error(&bytes, "/studies/0", "invalid unicode code point");
}

#[test]
fn a_leading_byte_order_mark_is_skipped_and_anywhere_else_is_an_error() {
    let _serial = serial();
    let plain = doc(&study(""), "");
    let with_bom = format!("\u{feff}{plain}");
    let loaded = document::from_str(&with_bom).unwrap();
    assert_eq!(
        loaded.document,
        document::from_str(&plain).unwrap().document
    );
    assert!(loaded.report.is_empty(), "{}", loaded.report);
    assert!(!loaded.document.to_json_pretty().starts_with('\u{feff}'));
    let via_reader = document::from_reader(with_bom.as_bytes()).unwrap();
    assert_eq!(via_reader.document, loaded.document);
    // Only one, only at the start.
    assert_json_error(format!("\u{feff}\u{feff}{plain}"), "", "expected value");
    assert_json_error(
        plain.replacen("\"studies\"", "\u{feff}\"studies\"", 1),
        "",
        "key must be a string",
    );
    assert_json_error("\u{feff}", "", "EOF while parsing");
}

#[test]
fn repeated_keys_are_errors_everywhere_they_would_lose_data() {
    let _serial = serial();
    let dup = |json: String| json_error(json);
    let (path, _, _, message) = dup(doc("", r#", "schema": "urn:peer-support:study-document""#));
    assert_eq!(
        (path.as_str(), message.as_str()),
        ("", "duplicate field `schema`")
    );
    let (path, _, _, message) = dup(doc(
        &study(r#", "id": "5d8ebf13-d301-4143-ac31-bebb0249d388""#),
        "",
    ));
    assert_eq!(
        (path.as_str(), message.as_str()),
        ("/studies/0", "duplicate field `id`")
    );
    let (path, _, _, message) = dup(doc(
        &study("").replace(r#""A study""#, r#""A study", "title": "B""#),
        "",
    ));
    assert_eq!(
        (path.as_str(), message.as_str()),
        ("/studies/0/citation", "duplicate field `title`")
    );
    // Extensions are a map, which serde would let the last copy win:
    // the reader refuses the repeat instead, at the top and at any depth.
    let (path, _, _, message) = dup(doc("", r#", "extensions": {"a:b": 1, "a:b": 2}"#));
    assert_eq!(path, "/extensions");
    assert!(message.starts_with(r#"duplicate key "a:b""#), "{message}");
    let (path, _, _, message) = dup(doc(
        &study(r#", "extensions": {"a:b": [{"k": 1, "k": 1}]}"#),
        "",
    ));
    assert_eq!(path, "/studies/0/extensions/a:b/0");
    assert!(message.starts_with(r#"duplicate key "k""#), "{message}");
    // Documents migrated from 0.9 are read as JSON values first: same rule.
    let draft = std::fs::read_to_string("tests/fixtures/0.9/draft.json").unwrap();
    assert!(document::from_str(&draft).is_ok());
    let (_, line, _, message) =
        dup(draft.replacen(r#""year": 2023,"#, r#""year": 2023, "year": 2024,"#, 1));
    assert_eq!(line, 9);
    assert!(message.starts_with(r#"duplicate key "year""#), "{message}");
    // A field the format does not define is kept, so it may not repeat
    // either; a field it defines never may (serde's "duplicate field").
    let (path, _, _, message) = dup(doc("", r#", "colour": 1, "colour": 2"#));
    assert_eq!(path, "/colour");
    assert!(
        message.starts_with(r#"duplicate key "colour""#),
        "{message}"
    );
}

#[test]
fn numbers_that_do_not_fit_are_errors_at_the_field() {
    let _serial = serial();
    for (fields, path, message) in [
        (
            r#", "sample": {"total": 4294967296}"#,
            "/studies/0/sample/total",
            "expected u32",
        ),
        (
            r#", "sample": {"total": -1}"#,
            "/studies/0/sample/total",
            "expected u32",
        ),
        (
            r#", "sample": {"total": 3.0}"#,
            "/studies/0/sample/total",
            "expected u32",
        ),
        (
            r#", "sample": {"groups": [{"group": "manager", "count": 99999999999999999999}]}"#,
            "/studies/0/sample/groups/0/count",
            "expected u32",
        ),
        (
            r#", "design": {"interview_rounds": 4294967296}"#,
            "/studies/0/design/interview_rounds",
            "expected u32",
        ),
        (
            r#", "extensions": {"a:b": 1e400}"#,
            "/studies/0/extensions/a:b",
            "number out of range",
        ),
        (
            r#", "extensions": {"a:b": -1e400}"#,
            "/studies/0/extensions/a:b",
            "number out of range",
        ),
    ] {
        assert_json_error(doc(&study(fields), ""), path, message);
    }
    let year = study("").replace(r#""A study""#, r#""A study", "year": 2147483648"#);
    assert_json_error(doc(&year, ""), "/studies/0/citation/year", "expected i32");
    // A year that fits but cannot be right is a validation error, not a read error.
    let year = study("").replace(r#""A study""#, r#""A study", "year": -2147483648"#);
    let loaded = document::from_str(&doc(&year, "")).unwrap();
    assert_eq!(
        loaded.report.errors().next().unwrap().code,
        IssueCode::DateOutOfRange
    );
}

#[test]
fn numbers_inside_extensions_keep_64_bit_integers_exactly_and_others_as_doubles() {
    let _serial = serial();
    // 2.291712365432881e-9 and -1.527077339613215e-236 read back one unit in
    // the last place off without serde_json's float_roundtrip feature.
    let values = r#"[18446744073709551615, -9223372036854775808, 0.1, 1e300, 5e-324, -0.0,
                     2.291712365432881e-9, -1.527077339613215e-236]"#;
    let loaded =
        document::from_str(&doc("", &format!(r#", "extensions": {{"a:b": {values}}}"#))).unwrap();
    let written = loaded.document.to_json_compact();
    assert!(
        written.contains(
            r#"[18446744073709551615,-9223372036854775808,0.1,1e+300,5e-324,-0.0,2.291712365432881e-9,-1.527077339613215e-236]"#
        ),
        "{written}"
    );
    // The documented limit: beyond 64 bits, or beyond a double's 17
    // significant digits, a number is held as the nearest double.
    let loaded = document::from_str(&doc(
        "",
        r#", "extensions": {"a:b": [18446744073709551617, 0.10000000000000000001]}"#,
    ))
    .unwrap();
    assert!(
        loaded
            .document
            .to_json_compact()
            .contains("[1.8446744073709552e+19,0.1]"),
        "{}",
        loaded.document.to_json_compact()
    );
}

#[test]
fn nan_and_infinity_literals_are_errors() {
    let _serial = serial();
    for literal in ["NaN", "Infinity", "-Infinity", "nan", "inf"] {
        assert_json_error(
            doc(
                &study(&format!(r#", "sample": {{"total": {literal}}}"#)),
                "",
            ),
            "/studies/0/sample/total",
            "",
        );
        assert_json_error(
            doc("", &format!(r#", "extensions": {{"a:b": [1, {literal}]}}"#)),
            "/extensions/a:b/1",
            "",
        );
    }
}

#[test]
fn empty_and_non_object_input_is_an_error_at_the_document() {
    let _serial = serial();
    for (input, message) in [
        ("", "EOF while parsing a value"),
        (" \n\t", "EOF while parsing a value"),
        (
            "[]",
            "invalid type: sequence, expected a peer-support document",
        ),
        ("null", "invalid type: null"),
        ("\"document\"", "invalid type: string"),
        ("42", "invalid type: integer"),
        ("true", "invalid type: boolean"),
        ("{}", "missing field `schema`"),
    ] {
        let (path, line, _, m) = json_error(input);
        assert_eq!(path, "", "{input:?}");
        assert!(m.contains(message), "{input:?}: {m}");
        assert!(line >= 1, "{input:?}: {m}");
    }
    // Trailing data after the document.
    assert_json_error(format!("{} {{}}", doc("", "")), "", "trailing characters");
}

#[test]
fn ids_reused_across_entity_kinds_are_duplicate_id_errors() {
    let _serial = serial();
    let reused = "00000000-0000-0000-0000-000000000001";
    let json = doc(
        &study(&format!(
            r#", "participants": [{{"id": "{reused}", "code": "P1", "group": "peer_worker"}}],
               "themes": [{{"id": "{reused}", "label": "T"}}],
               "findings": [{{"id": "{ID}", "statement": "S"}}]"#
        )),
        "",
    );
    let loaded = document::from_str(&json).unwrap();
    let duplicates: Vec<_> = loaded
        .report
        .with_code(IssueCode::DuplicateId)
        .map(|i| (i.path.as_str(), i.is_error()))
        .collect();
    assert_eq!(
        duplicates,
        [
            ("/studies/0/themes/0/id", true),
            ("/studies/0/findings/0/id", true)
        ],
        "{}",
        loaded.report
    );
}

#[test]
fn self_referencing_themes_are_cycle_errors() {
    let _serial = serial();
    let (a, b) = (
        "00000000-0000-0000-0000-00000000000a",
        "00000000-0000-0000-0000-00000000000b",
    );
    let json = doc(
        &study(&format!(
            r#", "themes": [{{"id": "{a}", "label": "Self", "parent": "{a}"}},
                           {{"id": "{b}", "label": "Child of self", "parent": "{a}"}}]"#
        )),
        "",
    );
    let loaded = document::from_str(&json).unwrap();
    let cycles: Vec<_> = loaded
        .report
        .with_code(IssueCode::CyclicTheme)
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(cycles, ["/studies/0/themes/0/parent"], "{}", loaded.report);
}

#[test]
fn an_unknown_major_version_is_refused_naming_both_versions() {
    let _serial = serial();
    for body in [
        r#""studies": []"#,
        r#""studies": 7, "whatever": {"new": "shape"}"#,
    ] {
        let json = format!(
            r#"{{"schema": "urn:peer-support:study-document", "schema_version": "2.0.0", {body}}}"#
        );
        match document::from_str(&json) {
            Err(
                error @ ReadError::UnsupportedVersion {
                    found, supported, ..
                },
            ) => {
                assert_eq!(found, SchemaVersion::new(2, 0, 0));
                assert_eq!(supported, document::CURRENT_VERSION);
                let message = error.to_string();
                let current = document::CURRENT_VERSION.to_string();
                assert!(
                    message.contains("2.0.0") && message.contains(&current),
                    "{message}"
                );
            }
            other => panic!("{other:?}"),
        }
    }
    for (version, message) in [
        ("99999999999999999999.0.0", "invalid schema_version"),
        ("1.0", "invalid schema_version"),
        ("v1.0.0", "invalid schema_version"),
    ] {
        let json = format!(
            r#"{{"schema": "urn:peer-support:study-document", "schema_version": "{version}", "studies": []}}"#
        );
        assert_json_error(json, "/schema_version", message);
    }
    let json = r#"{"schema": "urn:peer-support:study-document", "schema_version": "0.1.0", "studies": []}"#;
    assert!(matches!(
        document::from_str(json),
        Err(ReadError::Migration(_))
    ));
}

#[test]
fn structs_written_as_arrays_are_type_errors() {
    let _serial = serial();
    // serde's derived Deserialize would accept a struct as an array of its
    // field values; the format is objects only, and the reader refuses the
    // array form at every level, in both of its passes (the second one runs
    // when the document also has an unknown field).
    let array_form =
        format!(r#"["urn:peer-support:study-document", "1.0.0", [["{ID}", ["A study"]]]]"#);
    assert_json_error(
        &array_form,
        "",
        "invalid type: sequence, expected a peer-support document",
    );
    for extra in ["", r#", "x-unknown": 1"#] {
        let nested = doc(&format!(r#"["{ID}", ["A study"]]"#), extra);
        assert_json_error(
            &nested,
            "/studies/0",
            "invalid type: sequence, expected struct Study",
        );
        let citation = doc(
            &format!(r#"{{"id": "{ID}", "citation": ["A study"]}}"#),
            extra,
        );
        assert_json_error(
            &citation,
            "/studies/0/citation",
            "invalid type: sequence, expected struct Citation",
        );
    }
}

/// The 1.1 objects name their public type when the shape is wrong, not the
/// reader's own wire structs.
#[test]
fn project_codebook_shape_errors_name_the_public_types() {
    let _serial = serial();
    for extra in ["", r#", "x-unknown": 1"#] {
        let concepts = doc("", &format!(r#", "concepts": ["nvivo-node-1"]{extra}"#));
        assert_json_error(
            &concepts,
            "/concepts/0",
            "invalid type: string \"nvivo-node-1\", expected struct DeclaredConcept",
        );
        let relation = doc(
            "",
            &format!(
                r#", "concepts": [{{"kind": "barrier", "code": "pay", "label": "Pay", "relations": [7]}}]{extra}"#
            ),
        );
        assert_json_error(
            &relation,
            "/concepts/0/relations/0",
            "invalid type: integer `7`, expected struct Relation",
        );
    }
}

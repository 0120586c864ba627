//! Bytes → load + validate; when they load, canonical output must load back
//! to the same document, the same bytes and the same validation issues, and
//! redaction must never add an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peer_support::RedactionLevel;
use peer_support::document::{self, Document};

fuzz_target!(|data: &[u8]| {
    let Ok(loaded) = document::from_slice(data) else {
        return;
    };
    // Formatting every message exercises the code that quotes input.
    let _ = loaded.report.to_string();
    let original = &loaded.document;
    check_round_trip(original);

    let had_errors = loaded.report.has_errors();
    for level in RedactionLevel::ALL {
        let redacted = original.redact(*level);
        check_round_trip(&redacted);
        if !had_errors {
            let report = redacted.validate();
            assert!(
                !report.has_errors(),
                "redaction at {level} added errors:\n{report}"
            );
        }
    }
});

fn check_round_trip(document: &Document) {
    let pretty = document.to_json_pretty();
    let compact = document.to_json_compact();
    let from_pretty = document::from_str(&pretty).expect("canonical pretty output loads");
    let from_compact = document::from_str(&compact).expect("canonical compact output loads");
    assert_eq!(
        from_pretty.document.to_json_pretty(),
        pretty,
        "pretty output is not canonical"
    );
    assert_eq!(
        from_compact.document.to_json_compact(),
        compact,
        "compact output is not canonical"
    );
    assert_eq!(
        &from_pretty.document, document,
        "pretty round trip changed the document"
    );
    assert_eq!(
        &from_compact.document, document,
        "compact round trip changed the document"
    );
    assert_eq!(
        from_pretty.report,
        document.validate(),
        "round trip changed the issues"
    );
}

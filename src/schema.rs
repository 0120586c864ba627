//! The JSON Schema of the document format (feature `json-schema`).
//!
//! [`json_schema()`] generates the schema of the current format version from
//! the Rust types, so the two cannot disagree. In the repository:
//!
//! - `docs/schema/{MAJOR}.{MINOR}/peer-support.schema.json` is the schema of
//!   one format version. The current version's file is generated: it is what
//!   [`json_schema()`] returns, and a test fails when the two drift (while the
//!   version is not released, `PEER_SUPPORT_BLESS=1 cargo test --all-features
//!   --test json_schema` rewrites it).
//! - `docs/schema/{MAJOR}.{MINOR}/codes.json` lists the codes that version
//!   knows, per vocabulary kind and closed code set.
//! - `docs/schema/SHA256SUMS` pins, by SHA-256, every file a released version
//!   published: its schema, its code list and its golden fixtures. These are
//!   frozen. Format 1.0 is released, so `docs/schema/1.0/` never changes and
//!   takes no new file, the bless variable refuses to rewrite it, and the
//!   types must generate it byte for byte for as long as 1.0 is the current
//!   version; a later minor version adds a directory of its own.
//!
//! Besides the Rust tests, CI compiles every released schema with ajv in
//! strict mode and with Python's `jsonschema`, and checks their verdicts on
//! the fixtures (see "Released artifacts" in `docs/format.md`).
//!
//! ```
//! let schema = peer_support::schema::json_schema();
//! assert!(schema["$id"].as_str().unwrap().starts_with("urn:peer-support:study-document:1."));
//! assert_eq!(schema["properties"]["schema"]["const"], "urn:peer-support:study-document");
//! ```
//!
//! The schema checks what one value at a time can show: shapes, types,
//! required fields, non-blank text, id, date, code, participant-code and DOI
//! syntax, and namespaced extension keys. Rules that need the whole document
//! (unique ids, references that resolve, acyclic themes, sample counts that
//! add up, plausible dates) are [`validate`](crate::validate())'s job.

use schemars::Schema;
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use serde_json::Value;

use crate::document::{CURRENT_VERSION, Document, SCHEMA_ID};

/// The `$id` of the schema [`json_schema()`] returns: the document identifier
/// plus the format's `MAJOR.MINOR`.
pub fn schema_id() -> String {
    format!(
        "{SCHEMA_ID}:{}.{}",
        CURRENT_VERSION.major, CURRENT_VERSION.minor
    )
}

/// The JSON Schema (draft 2020-12) of a document in the current format.
///
/// Pretty-printed with a trailing newline, it is byte for byte the current
/// version's file, `docs/schema/1.0/peer-support.schema.json` for format 1.0.
///
/// ```
/// use serde_json::json;
///
/// let schema = peer_support::schema::json_schema();
/// // Any draft 2020-12 validator will do; this is the `jsonschema` crate.
/// let validator = jsonschema::validator_for(&schema)?;
///
/// let mut document = json!({
///     "schema": "urn:peer-support:study-document",
///     "schema_version": "1.0.0",
///     "studies": [{
///         "id": "a0000000-0000-4000-8000-000000000001",
///         "citation": { "title": "Peer support workers' experiences" }
///     }]
/// });
/// assert!(validator.is_valid(&document));
///
/// document["studies"][0]["citation"]["title"] = json!("   ");
/// assert!(!validator.is_valid(&document));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn json_schema() -> Value {
    let generator = SchemaSettings::draft2020_12()
        .with_transform(RecursiveTransform(finish))
        .into_generator();
    let mut schema = generator.into_root_schema_for::<Document>();
    schema.insert("$id".into(), schema_id().into());
    schema.insert(
        "title".into(),
        format!(
            "peer-support study document, format {}.{}",
            CURRENT_VERSION.major, CURRENT_VERSION.minor
        )
        .into(),
    );
    schema.insert("description".into(), DESCRIPTION.into());
    schema.to_value()
}

/// [`json_schema()`] as the checked-in file of the current version holds
/// it: pretty JSON (two-space indent) with every object's keys in byte order
/// and a trailing newline, the same bytes whatever features serde_json is
/// built with (`preserve_order` would otherwise keep the generator's order).
///
/// ```
/// let text = peer_support::schema::json_schema_pretty();
/// assert!(text.starts_with("{\n  \"$defs\": {"));
/// assert!(text.ends_with("}\n"));
/// ```
pub fn json_schema_pretty() -> String {
    let schema = json_schema();
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and a schema holds no non-finite number.
    let _ = crate::util::canonical::write_pretty(&mut out, &crate::util::json::Canonical(&schema));
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}

const DESCRIPTION: &str = "\
A peer-support study document: studies of mental-health peer support, each with its citation, \
design, sample, pseudonymous participants, data sources, coded excerpts, themes and findings \
linked to codebook concepts. This file is a published artifact: once its format version is \
released it never changes; a later minor version gets a file of its own.\n\n\
What it checks: shapes, types and required fields; text that must not be blank; ids \
(hyphenated UUIDs), dates (YYYY-MM-DD), vocabulary codes, participant codes and DOIs; \
namespaced extension keys. Rules that need the whole document are left to the validator \
(peer_support::validate, `peer-support validate`): unique ids, references that resolve to the \
right kind of entity, an acyclic theme hierarchy, sample counts that add up, plausible dates \
and interview rounds.\n\n\
Forward compatibility: objects do not forbid properties they do not list. A reader loads a \
newer 1.x document, keeps each field it does not know on its object and writes it back, and \
reports it as an `unknown_field` warning (the reader's strict mode refuses such documents, \
which is how to insist on this version's fields only). Tool-specific \
data belongs under `extensions`, with `namespace:name` keys. A well-formed vocabulary code this \
version does not know is valid: it is kept as written and reported as an \
`unknown_vocabulary_code` warning.";

/// Applied to every subschema once generation is done.
fn finish(schema: &mut Schema) {
    spell_out_format(schema);
    unwrap_description(schema);
}

/// `format` is only an annotation in draft 2020-12, and many validators skip
/// it by default; a pattern or bounds make ids, dates and integer widths
/// checkable everywhere. The integer widths schemars writes (`uint32`,
/// `int32`) are no format the specification defines, and strict validators
/// (ajv's strict mode) refuse a format they do not know, so the bounds
/// replace them.
fn spell_out_format(schema: &mut Schema) {
    let (pattern, bounds) = match schema.get("format").and_then(Value::as_str) {
        Some("uuid") => (Some(UUID_PATTERN), None),
        Some("date") => (Some("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), None),
        Some("uint8") => (None, Some((0, i64::from(u8::MAX)))),
        Some("uint32") => (None, Some((0, i64::from(u32::MAX)))),
        Some("int32") => (None, Some((i64::from(i32::MIN), i64::from(i32::MAX)))),
        _ => return,
    };
    if let Some(pattern) = pattern {
        schema.insert("pattern".into(), pattern.into());
    }
    if let Some((minimum, maximum)) = bounds {
        schema.remove("format");
        // A narrower range the type declares (a percentage) stays.
        if schema.get("minimum").is_none() {
            schema.insert("minimum".into(), minimum.into());
        }
        if schema.get("maximum").is_none() {
            schema.insert("maximum".into(), maximum.into());
        }
    }
}

/// The hyphenated form the writer uses. The reader also takes the other
/// forms the `uuid` crate parses, but documents should not rely on that.
const UUID_PATTERN: &str =
    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/// Doc comments are wrapped at 80 columns; a description reads better as
/// paragraphs (blank lines kept, single line breaks joined). Their Rust
/// examples are for readers of the crate's API, not of the schema, so
/// fenced code blocks are left out.
fn unwrap_description(schema: &mut Schema) {
    if let Some(Value::String(text)) = schema.get_mut("description") {
        *text = without_code_blocks(text)
            .split("\n\n")
            .map(|paragraph| paragraph.trim().replace('\n', " "))
            .filter(|paragraph| !paragraph.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
    }
}

/// `text` without its fenced (```) code blocks.
fn without_code_blocks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_block = false;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            in_block = !in_block;
        } else if !in_block {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_leave_out_rust_examples() {
        let text = "A thing.\n\n```\nlet x = 1;\n\nassert!(x > 0);\n```\n\nMore about\nit.";
        let mut schema = Schema::try_from(serde_json::json!({ "description": text })).unwrap();
        unwrap_description(&mut schema);
        assert_eq!(
            schema.get("description").unwrap(),
            "A thing.\n\nMore about it."
        );
        let json = json_schema_pretty();
        assert!(!json.contains("```"), "a code block in a description");
    }
}

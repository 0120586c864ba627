//! The JSON Schema of an open vocabulary (feature `json-schema`).

use schemars::{Schema, json_schema};
use serde_json::Value;

use super::{MAX_CODE_LEN, Vocabulary};

/// The grammar of every vocabulary code, as an ECMA-262 pattern.
pub(crate) const CODE_PATTERN: &str = "^[a-z][a-z0-9_]*$";

/// The schema of any well-formed code, known or not.
pub(crate) fn code_schema(description: &str) -> Value {
    serde_json::json!({
        "description": description,
        "type": "string",
        "pattern": CODE_PATTERN,
        "maxLength": MAX_CODE_LEN,
    })
}

/// The schema of an open vocabulary: its known codes, or any other
/// well-formed code (kept as written and reported as a warning).
pub(crate) fn vocabulary_schema<T: Vocabulary>() -> Schema {
    let known: Vec<&str> = T::all().iter().map(T::code).collect();
    let kind = T::KIND;
    json_schema!({
        "description": format!(
            "{} (vocabulary `{}`): a code string. The first branch lists the codes this version \
             knows (defined in docs/codebook.md); any other code matching {CODE_PATTERN} of at \
             most {MAX_CODE_LEN} bytes is also valid, kept as written and reported as an \
             `unknown_vocabulary_code` warning.",
            kind.label(),
            kind.code()
        ),
        "type": "string",
        "anyOf": [
            { "title": "Known code", "enum": known },
            code_schema("A code this version does not know.")
        ],
    })
}

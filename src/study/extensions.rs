//! Tool-specific data carried untouched.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::util::json::{StrictValue, duplicate_key};

/// Tool-specific data under namespaced keys (`"nvivo:node_id"`,
/// `"org.example.app:flags"`), carried through reading and writing untouched.
///
/// Keys are `namespace:name`; validation reports other keys as
/// `invalid_extension_key`. Values are any JSON. Keys are kept sorted so
/// output is canonical. Numbers inside values are held as `serde_json` holds
/// them: integers within 64 bits exactly, others as `f64`.
///
/// A key repeated in the same object, at the top or anywhere inside a value,
/// is an error when reading: JSON parsers disagree on which copy wins, so
/// keeping either would silently drop the other.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Extensions(pub BTreeMap<String, serde_json::Value>);

impl Extensions {
    /// No extensions.
    pub fn new() -> Self {
        Extensions::default()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `key` has the `namespace:name` form: a namespace of ASCII
    /// letters, digits, `.`, `-` or `_` starting with a letter, a colon, and a
    /// non-empty name without whitespace.
    pub fn is_namespaced(key: &str) -> bool {
        let Some((namespace, name)) = key.split_once(':') else {
            return false;
        };
        namespace
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphabetic)
            && namespace
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
            && !name.is_empty()
            && !name.chars().any(char::is_whitespace)
    }
}

impl<'de> Deserialize<'de> for Extensions {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ExtensionsVisitor;
        impl<'de> Visitor<'de> for ExtensionsVisitor {
            type Value = Extensions;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of extensions")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Extensions, A::Error> {
                let mut extensions = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value_seed(StrictValue)?;
                    if extensions.contains_key(&key) {
                        return Err(duplicate_key(&key));
                    }
                    extensions.insert(key, value);
                }
                Ok(Extensions(extensions))
            }
        }
        deserializer.deserialize_map(ExtensionsVisitor)
    }
}

#[cfg(feature = "json-schema")]
impl schemars::JsonSchema for Extensions {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Extensions".into()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        concat!(module_path!(), "::Extensions").into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // The pattern spells out `is_namespaced`; tests/json_schema.rs checks they agree.
        schemars::json_schema!({
            "description": "Tool-specific data, carried through reading and writing untouched. Keys are `namespace:name` (\"nvivo:node_id\", \"org.example.app:flags\"): a namespace of ASCII letters, digits, '.', '-' or '_' starting with a letter, a colon, and a non-empty name without whitespace. Values are any JSON.",
            "type": "object",
            "propertyNames": {
                "pattern": format!("^[A-Za-z][A-Za-z0-9._-]*:{}+$", crate::util::schema::non_whitespace_class()),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn namespaced_keys() {
        for ok in ["nvivo:node_id", "org.example.app:flags", "r-pkg:x"] {
            assert!(Extensions::is_namespaced(ok), "{ok}");
        }
        for bad in ["node_id", ":x", "nvivo:", "1x:y", "a b:c", "nvivo:a b"] {
            assert!(!Extensions::is_namespaced(bad), "{bad}");
        }
    }

    #[test]
    fn repeated_keys_are_errors_at_any_depth() {
        for json in [
            r#"{"a:b": 1, "a:b": 2}"#,
            r#"{"a:b": {"x": 1, "y": [{"z": 1, "z": 1}]}}"#,
        ] {
            let err = serde_json::from_str::<Extensions>(json).unwrap_err();
            assert!(err.to_string().starts_with("duplicate key"), "{err}");
            assert!(err.line() > 0, "the error has a position: {err}");
        }
    }

    #[test]
    fn values_load_as_serde_json_loads_them() {
        let json = r#"{"a:b": [null, true, -1, 18446744073709551615, 0.5, 1e300, "s", {"k": {}}]}"#;
        let ours = serde_json::from_str::<Extensions>(json).unwrap();
        let theirs: BTreeMap<String, Value> = serde_json::from_str(json).unwrap();
        assert_eq!(ours.0, theirs);
    }
}

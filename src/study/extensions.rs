//! Tool-specific data carried untouched.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use serde_json::Value;

use super::members::{Members, MembersIter};

/// Tool-specific data under namespaced keys (`"nvivo:node_id"`,
/// `"org.example.app:flags"`), carried through reading and writing untouched.
///
/// Keys are `namespace:name` ([`Extensions::is_namespaced`]). [`insert`]
/// refuses any other key; a document read from JSON may still hold one (so
/// that one bad key does not reject a whole document), and validation
/// reports it as `invalid_extension_key`. Values are any JSON. Keys are kept
/// sorted so output is canonical. Numbers inside values are held as the
/// values they denote, whatever features `serde_json` is built with:
/// integers within 64 bits exactly, others as `f64` (`docs/format.md`,
/// Numbers).
///
/// A key repeated in the same object, at the top or anywhere inside a value,
/// is an error when reading: JSON parsers disagree on which copy wins, so
/// keeping either would silently drop the other.
///
/// ```
/// use peer_support::study::Extensions;
/// use serde_json::json;
///
/// let mut extensions = Extensions::new();
/// extensions.insert("nvivo:node_id", json!(42))?;
/// assert_eq!(extensions.get("nvivo:node_id"), Some(&json!(42)));
/// assert!(extensions.insert("node_id", json!(1)).is_err());
/// assert_eq!(extensions.len(), 1);
/// # Ok::<(), peer_support::study::InvalidExtensionKey>(())
/// ```
///
/// [`insert`]: Extensions::insert
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Extensions(Members);

/// An extension key without the `namespace:name` form.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("extension key {key:?} has no namespace; use \"namespace:name\", e.g. \"nvivo:node_id\"")]
#[non_exhaustive]
pub struct InvalidExtensionKey {
    /// The rejected key, truncated to 200 bytes.
    pub key: String,
}

impl InvalidExtensionKey {
    pub(crate) fn new(key: &str) -> Self {
        InvalidExtensionKey {
            key: crate::util::truncate(key, 200).to_owned(),
        }
    }
}

impl Extensions {
    /// No extensions.
    pub fn new() -> Self {
        Extensions::default()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// The value under `key`, to change in place.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0.get_mut(key)
    }

    /// Sets `key` to `value`, returning the value it replaces.
    ///
    /// # Errors
    ///
    /// [`InvalidExtensionKey`] when `key` is not `namespace:name`; nothing
    /// is inserted.
    pub fn insert(
        &mut self,
        key: impl Into<String>,
        value: impl Into<Value>,
    ) -> Result<Option<Value>, InvalidExtensionKey> {
        let key = key.into();
        if !Extensions::is_namespaced(&key) {
            return Err(InvalidExtensionKey::new(&key));
        }
        Ok(self
            .0
            .insert(key, crate::util::json::normalized(value.into())))
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.0.remove(key)
    }

    /// The keys and values, in key order.
    pub fn iter(&self) -> MembersIter<'_> {
        self.0.iter()
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(key, _)| key)
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

impl<'a> IntoIterator for &'a Extensions {
    type Item = (&'a str, &'a Value);
    type IntoIter = MembersIter<'a>;

    fn into_iter(self) -> MembersIter<'a> {
        self.iter()
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
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Extensions, A::Error> {
                Members::read(map).map(Extensions)
            }
        }
        deserializer.deserialize_map(ExtensionsVisitor)
    }
}

json_schema_impl!(Extensions, |generator| {
    // The pattern spells out `is_namespaced`; tests/json_schema.rs checks they agree.
    schemars::json_schema!({
        "description": "Tool-specific data, carried through reading and writing untouched. Keys are `namespace:name` (\"nvivo:node_id\", \"org.example.app:flags\"): a namespace of ASCII letters, digits, '.', '-' or '_' starting with a letter, a colon, and a non-empty name without whitespace. Values are any JSON.",
        "type": "object",
        "propertyNames": {
            "pattern": format!("^[A-Za-z][A-Za-z0-9._-]*:{}+$", crate::util::schema::non_whitespace_class()),
        },
    })
});

#[cfg(test)]
mod tests {
    use super::*;

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
        let theirs: std::collections::BTreeMap<String, Value> = serde_json::from_str(json).unwrap();
        let ours: std::collections::BTreeMap<String, Value> = ours
            .iter()
            .map(|(k, v)| (k.to_owned(), v.clone()))
            .collect();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn insert_checks_the_key_and_nothing_else_changes() {
        let mut e = Extensions::new();
        let err = e.insert("no namespace", 1).unwrap_err();
        assert_eq!(
            err.to_string(),
            "extension key \"no namespace\" has no namespace; use \"namespace:name\", e.g. \"nvivo:node_id\""
        );
        assert!(e.is_empty());
        assert_eq!(e.insert("a:b", 1).unwrap(), None);
        assert_eq!(e.insert("a:b", 2).unwrap(), Some(1.into()));
        assert_eq!(e.iter().collect::<Vec<_>>(), [("a:b", &Value::from(2))]);
        assert_eq!(e.remove("a:b"), Some(2.into()));
        assert!(e.is_empty());
    }
}

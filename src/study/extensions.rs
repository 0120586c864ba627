//! Tool-specific data carried untouched.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Tool-specific data under namespaced keys (`"nvivo:node_id"`,
/// `"org.example.app:flags"`), carried through reading and writing untouched.
///
/// Keys are `namespace:name`; validation reports other keys as
/// `invalid_extension_key`. Values are any JSON. Keys are kept sorted so
/// output is canonical. Numbers inside values are held as `serde_json` holds
/// them: integers within 64 bits exactly, others as `f64`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
}

//! The reader's passes, as hooks on the forwarding adapter (`wrap.rs`):
//! what each does when a value is ignored. Both keep the adapter's rule that
//! structs are JSON objects.

use std::cell::Cell;

use serde::de::{self, Deserializer, Visitor};

use super::wrap::Hook;

/// The fast pass: sets the flag at the first ignored value and stops the
/// parse there, since the reader will parse again with paths. No key is
/// copied and nothing is allocated, so the happy path costs next to nothing.
#[derive(Clone, Copy, Debug)]
pub(super) struct StopAtIgnored<'a>(pub(super) &'a Cell<bool>);

impl Hook for StopAtIgnored<'_> {
    /// The flag stays set even if some `Deserialize` impl were to swallow
    /// the error.
    fn deserialize_ignored_any<'de, D: Deserializer<'de>, V: Visitor<'de>>(
        self,
        _deserializer: D,
        _visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.set(true);
        Err(de::Error::custom("a value was ignored"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::read::wrap::Wrap;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Inner {
        a: u32,
        #[serde(default)]
        b: Option<Vec<String>>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(tag = "t")]
    enum Tagged {
        One { x: u8 },
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Outer {
        inner: Vec<Inner>,
        #[serde(default)]
        tagged: Option<Tagged>,
        #[serde(default)]
        value: Option<serde_json::Value>,
    }

    /// The value when nothing was ignored, and whether something was.
    fn flagged(json: &str) -> (Option<Outer>, bool) {
        let ignored = Cell::new(false);
        let mut de = serde_json::Deserializer::from_str(json);
        let outer = Outer::deserialize(Wrap::new(&mut de, StopAtIgnored(&ignored)));
        assert_eq!(outer.is_err(), ignored.get(), "{json}");
        (outer.ok(), ignored.get())
    }

    fn reported(json: &str) -> Vec<String> {
        let mut paths = Vec::new();
        let _: Outer =
            serde_ignored::deserialize(&mut serde_json::Deserializer::from_str(json), |path| {
                paths.push(path.to_string())
            })
            .unwrap();
        paths
    }

    #[test]
    fn flags_exactly_when_serde_ignored_reports() {
        for json in [
            r#"{"inner": [{"a": 1}]}"#,
            r#"{"inner": [{"a": 1, "b": ["x"]}], "value": {"any": [1, {"deep": true}]}}"#,
            r#"{"inner": [], "tagged": {"t": "One", "x": 3}}"#,
            r#"{"inner": [{"a": 1, "zzz": {"nested": [1, 2]}}]}"#,
            r#"{"inner": [{"a": 1}], "extra": null}"#,
            r#"{"inner": [{"a": 1}, {"a": 2, "b": null, "c": 3}]}"#,
        ] {
            let (value, flag) = flagged(json);
            let paths = reported(json);
            assert_eq!(flag, !paths.is_empty(), "{json}: {paths:?}");
            let Some(value) = value else { continue };
            assert_eq!(
                value,
                serde_json::from_str::<Outer>(json).unwrap(),
                "{json}"
            );
        }
    }

    #[test]
    fn structs_are_objects_only_in_every_pass() {
        let json = r#"{"inner": [[1, null]]}"#;
        assert!(
            serde_json::from_str::<Outer>(json).is_ok(),
            "serde's derive takes arrays"
        );
        let ignored = Cell::new(false);
        let mut de = serde_json::Deserializer::from_str(json);
        let err = Outer::deserialize(Wrap::new(&mut de, StopAtIgnored(&ignored))).unwrap_err();
        assert!(err.to_string().contains("invalid type: sequence"), "{err}");
        let mut found = Vec::new();
        let mut track = serde_path_to_error::Track::new();
        let mut de = serde_json::Deserializer::from_str(
            r#"{"schema": "s", "schema_version": "1.0.0", "studies": [["a"]]}"#,
        );
        let err = crate::document::read::capture::deserialize(&mut de, &mut found, &mut track)
            .unwrap_err();
        assert!(err.to_string().contains("invalid type: sequence"), "{err}");
    }
}

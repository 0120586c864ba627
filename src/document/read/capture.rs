//! Keeping the fields the types do not know: where each was found (from
//! `serde_ignored`'s path) and its value (read by a hook on the forwarding
//! adapter instead of being skipped), so that the reader can put it back on
//! its object.
//!
//! `serde_ignored` reports a field's path and then asks the deserializer it
//! wraps, this module's adapter, to skip the value; the hook reads the value
//! instead. So paths and values arrive in the same order, one of each per
//! field.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, Visitor};
use serde_json::Value;

use super::wrap::{Hook, Wrap};
use crate::diagnostics::pointer;
use crate::document::envelope::EnvelopeIn;
use crate::study::nodes::Step;
use crate::util::json::StrictValue;

/// A field the types do not know, found while reading.
#[derive(Debug)]
pub(crate) struct UnknownField {
    /// JSON Pointer to the field.
    pub(crate) pointer: String,
    /// The steps from the document to the object that holds it.
    pub(crate) parent: Vec<Step>,
    /// Its key.
    pub(crate) key: String,
    /// Its value.
    pub(crate) value: Value,
}

/// What the hook and the path callback share while one document is read.
#[derive(Default)]
struct Shared {
    /// The key of a field seen twice in one object, set by the callback for
    /// the hook to refuse.
    repeated: Cell<Option<String>>,
    values: RefCell<Vec<Value>>,
}

/// The hook: reads an ignored value instead of skipping it.
#[derive(Clone, Copy)]
struct Capture<'a>(&'a Shared);

impl Hook for Capture<'_> {
    fn deserialize_ignored_any<'de, D: Deserializer<'de>, V: Visitor<'de>>(
        self,
        deserializer: D,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        // Neither copy of a repeated key can be kept without losing the
        // other, as for extensions.
        if let Some(key) = self.0.repeated.take() {
            return Err(de::Error::custom(format_args!(
                "duplicate key {:?}: a key may appear only once in an object",
                crate::util::truncate(&key, 200)
            )));
        }
        let value = StrictValue.deserialize(deserializer)?;
        self.0.values.borrow_mut().push(value);
        visitor.visit_unit()
    }
}

/// Deserializes the envelope from `deserializer`, keeping every field the
/// types do not know in `found` and the path of any failure in `track`.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
    found: &mut Vec<UnknownField>,
    track: &mut serde_path_to_error::Track,
) -> Result<EnvelopeIn, D::Error> {
    let shared = Shared::default();
    let mut places: Vec<(String, Vec<Step>, String)> = Vec::new();
    let mut seen = HashSet::new();
    let mut record = |path: serde_ignored::Path<'_>| {
        let pointer = pointer::from_ignored_path(&path);
        let (parent, key) = steps(&path);
        if seen.insert(pointer.clone()) {
            places.push((pointer, parent, key));
        } else {
            shared.repeated.set(Some(key));
        }
    };
    // Innermost, the adapter reads what serde_ignored reports and keeps
    // structs objects-only; outermost, serde_path_to_error tracks where a
    // failure happened.
    let capture = Wrap::new(deserializer, Capture(&shared));
    let ignored = serde_ignored::Deserializer::new(capture, &mut record);
    let envelope = EnvelopeIn::deserialize(serde_path_to_error::Deserializer::new(ignored, track))?;
    let values = shared.values.into_inner();
    debug_assert_eq!(places.len(), values.len());
    found.extend(
        places
            .into_iter()
            .zip(values)
            .map(|((pointer, parent, key), value)| UnknownField {
                pointer,
                parent,
                key,
                value,
            }),
    );
    Ok(envelope)
}

/// The steps to the object holding the field `path` names, and its key.
fn steps(path: &serde_ignored::Path<'_>) -> (Vec<Step>, String) {
    use serde_ignored::Path;
    let mut steps = Vec::new();
    let mut at = path;
    loop {
        match at {
            Path::Root => break,
            Path::Seq { parent, index } => {
                steps.push(Step::Index(*index));
                at = parent;
            }
            Path::Map { parent, key } => {
                steps.push(Step::Key(key.clone()));
                at = parent;
            }
            Path::Some { parent }
            | Path::NewtypeStruct { parent }
            | Path::NewtypeVariant { parent } => at = parent,
        }
    }
    steps.reverse();
    match steps.pop() {
        Some(Step::Key(key)) => (steps, key),
        // An ignored value is always an object member's.
        Some(Step::Index(i)) => (steps, i.to_string()),
        None => (steps, String::new()),
    }
}

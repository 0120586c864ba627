//! Reading arbitrary JSON values strictly: a key repeated within one object
//! is an error, never silently resolved.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

fn duplicate_key<E: de::Error>(key: &str) -> E {
    E::custom(format_args!(
        "duplicate key {:?}: a key may appear only once in an object",
        crate::util::truncate(key, 200)
    ))
}

/// Deserializes any JSON into a [`Value`] as `Value::deserialize` does, except
/// that a key repeated within one object is an error instead of the last copy
/// silently replacing the others.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StrictValue;

impl<'de> DeserializeSeed<'de> for StrictValue {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // JSON has no NaN or infinity, so a parser never hands one over.
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element_seed(StrictValue)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        read_members(map, |key, value| match members.entry(key) {
            serde_json::map::Entry::Vacant(slot) => {
                slot.insert(value);
                None
            }
            serde_json::map::Entry::Occupied(slot) => Some(slot.key().clone()),
        })?;
        Ok(Value::Object(members))
    }
}

/// Reads every member of a JSON object as a strict value and hands it to
/// `insert`, which returns the key back when the object already had it: a
/// repeated key is an error, whatever map the members go into.
pub(crate) fn read_members<'de, A: MapAccess<'de>>(
    mut map: A,
    mut insert: impl FnMut(String, Value) -> Option<String>,
) -> Result<(), A::Error> {
    while let Some(key) = map.next_key::<String>()? {
        let value = map.next_value_seed(StrictValue)?;
        if let Some(repeated) = insert(key, value) {
            return Err(duplicate_key(&repeated));
        }
    }
    Ok(())
}

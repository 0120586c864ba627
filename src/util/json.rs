//! Arbitrary JSON values, read strictly (a key repeated within one object is
//! an error, never silently resolved) and held and written the same way
//! whatever features other crates turn on in `serde_json`.
//!
//! Two `serde_json` features change how values behave: `arbitrary_precision`
//! hands numbers to a visitor as a map with one private key and keeps their
//! text, and `preserve_order` keeps object members in input order. Reading
//! turns every number into the `Number` the default build would make, and
//! [`Canonical`] writes members in key order and numbers from their value,
//! so the bytes of canonical output are the same in every build.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Number, Value};

/// The key `serde_json` gives a number when `arbitrary_precision` is on and
/// the number is read through `deserialize_any`: the value is a one-member
/// map from this key to the number's text. Not part of serde_json's
/// documented API, but what its own `Value` relies on; the CI builds with
/// the feature on and the tests then read such numbers.
const ARBITRARY_PRECISION_NUMBER: &str = "$serde_json::private::Number";

/// The number the default `serde_json` build reads from `text` (JSON number
/// syntax, already checked by the parser): an integer when it is one within
/// 64 bits, otherwise the nearest double; `None` beyond the doubles.
fn number_from_text(text: &str) -> Option<Number> {
    if let Ok(n) = text.parse::<u64>() {
        return Some(n.into());
    }
    // serde_json reads "-0" as the double -0.0, not the integer 0.
    if text != "-0" {
        if let Ok(n) = text.parse::<i64>() {
            return Some(n.into());
        }
    }
    text.parse::<f64>().ok().and_then(Number::from_f64)
}

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
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let Some(first) = map.next_key::<String>()? else {
            return Ok(Value::Object(Map::new()));
        };
        if first == ARBITRARY_PRECISION_NUMBER {
            let text: String = map.next_value()?;
            return number_from_text(&text)
                .map(Value::Number)
                .ok_or_else(|| de::Error::custom("number out of range"));
        }
        let mut members = Map::new();
        read_members_after(first, map, |key, value| match members.entry(key) {
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
    insert: impl FnMut(String, Value) -> Option<String>,
) -> Result<(), A::Error> {
    match map.next_key::<String>()? {
        Some(first) => read_members_after(first, map, insert),
        None => Ok(()),
    }
}

/// [`read_members`] once the first key has been read.
fn read_members_after<'de, A: MapAccess<'de>>(
    first: String,
    mut map: A,
    mut insert: impl FnMut(String, Value) -> Option<String>,
) -> Result<(), A::Error> {
    let mut key = Some(first);
    while let Some(k) = key {
        let value = map.next_value_seed(StrictValue)?;
        if let Some(repeated) = insert(k, value) {
            return Err(duplicate_key(&repeated));
        }
        key = map.next_key::<String>()?;
    }
    Ok(())
}

/// `value` with every number made the `Number` the default serde_json build
/// would read from its text (a no-op without `arbitrary_precision`), so a
/// value built in code compares equal to the same value read back.
pub(crate) fn normalized(mut value: Value) -> Value {
    // An explicit stack: a value built in code may nest deeper than any
    // parser would allow.
    let mut stack = vec![&mut value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Number(n) => {
                if let Some(m) = number_from_text(&n.to_string()) {
                    *n = m;
                }
            }
            Value::Array(items) => stack.extend(items.iter_mut()),
            Value::Object(members) => stack.extend(members.iter_mut().map(|(_, v)| v)),
            Value::Null | Value::Bool(_) | Value::String(_) => {}
        }
    }
    value
}

/// Serializes a JSON value canonically: object members in byte order of
/// their keys, integers within 64 bits as integers, every other number as
/// the double it is (formatted by the writer; see `docs/format.md`).
pub(crate) struct Canonical<'a>(pub(crate) &'a Value);

impl Serialize for Canonical<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Number(n) => {
                // A number built under `arbitrary_precision` holds its text
                // ("-0", "1e2"): written as the default build would read it.
                let n = number_from_text(&n.to_string()).unwrap_or_else(|| n.clone());
                match (n.as_u64(), n.as_i64()) {
                    (Some(u), _) => serializer.serialize_u64(u),
                    (None, Some(i)) => serializer.serialize_i64(i),
                    // Every finite Number has a double; a NaN cannot be built.
                    (None, None) => serializer.serialize_f64(n.as_f64().unwrap_or(f64::NAN)),
                }
            }
            Value::String(s) => serializer.serialize_str(s),
            Value::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&Canonical(item))?;
                }
                seq.end()
            }
            Value::Object(members) => serialize_members(serializer, members.iter()),
        }
    }
}

/// Serializes members as a map in byte order of their keys (already sorted
/// when they come from a `BTreeMap`, or a `serde_json::Map` without
/// `preserve_order`; sorted here otherwise).
pub(crate) fn serialize_members<'a, S: Serializer>(
    serializer: S,
    members: impl ExactSizeIterator<Item = (&'a String, &'a Value)>,
) -> Result<S::Ok, S::Error> {
    let mut members: Vec<(&String, &Value)> = members.collect();
    if !members.is_sorted_by(|a, b| a.0 <= b.0) {
        members.sort_unstable_by(|a, b| a.0.cmp(b.0));
    }
    let mut map = serializer.serialize_map(Some(members.len()))?;
    for (key, value) in members {
        map.serialize_entry(key, &Canonical(value))?;
    }
    map.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compact(value: &Value) -> String {
        let mut out = Vec::new();
        crate::util::canonical::write_compact(&mut out, &Canonical(value)).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_read_from_text_as_the_default_build_reads_them() {
        for (text, expected) in [
            ("0", "0"),
            ("18446744073709551615", "18446744073709551615"),
            ("-9223372036854775808", "-9223372036854775808"),
            ("-0", "-0.0"),
            ("1.0", "1.0"),
            ("0.5", "0.5"),
            ("1e2", "100.0"),
            ("18446744073709551616", "1.8446744073709552e+19"),
            ("5e-324", "5e-324"),
            ("2.291712365432881e-9", "2.291712365432881e-9"),
        ] {
            let number = number_from_text(text).unwrap();
            let ours = compact(&Value::Number(number));
            // serde_json's own reading of the text, in this build (which may
            // keep the text itself, under arbitrary_precision).
            let theirs: Value = serde_json::from_str(text).unwrap();
            assert_eq!(ours, expected, "{text}");
            assert_eq!(ours, compact(&theirs), "{text}");
        }
        assert_eq!(number_from_text("1e400"), None);
    }

    #[test]
    fn members_are_written_in_key_order_at_every_depth() {
        let mut inner = Map::new();
        inner.insert("b".into(), 1.into());
        inner.insert("a".into(), Value::Array(vec![Value::Object(inner.clone())]));
        let mut outer = Map::new();
        outer.insert("z".into(), Value::Object(inner));
        outer.insert("y".into(), Value::Null);
        let json = compact(&Value::Object(outer));
        assert_eq!(json, r#"{"y":null,"z":{"a":[{"b":1}],"b":1}}"#);
    }
}

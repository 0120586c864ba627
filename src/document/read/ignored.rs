//! A deserializer adapter that only notes *whether* any value was ignored.
//!
//! Derived `Deserialize` impls skip a field they do not know by calling
//! `deserialize_ignored_any` on its value, and that call is the only thing
//! `serde_ignored` reports. This adapter intercepts exactly that call, the
//! same way, but keeps no path: no key is copied and nothing is allocated,
//! so wrapping the happy path costs next to nothing. When it meets an
//! ignored value it stops the parse, and the reader parses again with
//! `serde_ignored` to learn where.
//!
//! It also reads every struct as a JSON object only. serde's derived
//! `Deserialize` would also take a struct written as an array of its field
//! values (`["urn:peer-support:study-document", "1.0.0", []]`), which the
//! format does not allow; sending `deserialize_struct` to `deserialize_map`
//! makes such input a type error with its position. The tracked path uses
//! the adapter in its observing mode ([`Flag::observe`]) for that alone.

use std::cell::Cell;
use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// Wraps a deserializer, visitor, access or seed, setting `ignored` when any
/// value below it is skipped as unknown.
pub(super) struct Flag<'a, X> {
    inner: X,
    ignored: &'a Cell<bool>,
    /// Stop the parse at the first ignored value (the untracked pass), or
    /// only note it and read on (the tracked pass, where serde_ignored,
    /// wrapped around this adapter, records the paths).
    stop: bool,
}

impl<'a, X> Flag<'a, X> {
    /// The untracked pass: stops at the first ignored value.
    pub(super) fn new(inner: X, ignored: &'a Cell<bool>) -> Self {
        Flag {
            inner,
            ignored,
            stop: true,
        }
    }

    /// The tracked pass: reads everything, structs as objects only.
    pub(super) fn observe(inner: X, ignored: &'a Cell<bool>) -> Self {
        Flag {
            inner,
            ignored,
            stop: false,
        }
    }

    fn wrap<Y>(&self, inner: Y) -> Flag<'a, Y> {
        Flag {
            inner,
            ignored: self.ignored,
            stop: self.stop,
        }
    }
}

/// Forwards `deserialize_*` methods, wrapping the visitor.
macro_rules! forward_deserialize {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            let visitor = self.wrap(visitor);
            self.inner.$method($($arg,)* visitor)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Flag<'_, D> {
    type Error = D::Error;

    forward_deserialize! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier();
    }

    /// Notes the ignored value and stops the parse there: the reader will
    /// parse again with paths, so reading on would be wasted. The flag stays
    /// set even if some `Deserialize` impl were to swallow the error.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.ignored.set(true);
        if self.stop {
            Err(de::Error::custom("a value was ignored"))
        } else {
            self.inner.deserialize_ignored_any(visitor)
        }
    }

    /// A struct is an object: reading it as a map refuses the array form
    /// serde would otherwise accept.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor);
        self.inner.deserialize_map(visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// Forwards `visit_*` methods that carry a plain value.
macro_rules! forward_visit {
    ($($method:ident($($arg:ident: $ty:ty)?);)*) => {$(
        fn $method<E: de::Error>(self, $($arg: $ty)?) -> Result<V::Value, E> {
            self.inner.$method($($arg)?)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Flag<'_, V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(formatter)
    }

    forward_visit! {
        visit_bool(v: bool);
        visit_i8(v: i8);
        visit_i16(v: i16);
        visit_i32(v: i32);
        visit_i64(v: i64);
        visit_i128(v: i128);
        visit_u8(v: u8);
        visit_u16(v: u16);
        visit_u32(v: u32);
        visit_u64(v: u64);
        visit_u128(v: u128);
        visit_f32(v: f32);
        visit_f64(v: f64);
        visit_char(v: char);
        visit_str(v: &str);
        visit_borrowed_str(v: &'de str);
        visit_string(v: String);
        visit_bytes(v: &[u8]);
        visit_borrowed_bytes(v: &'de [u8]);
        visit_byte_buf(v: Vec<u8>);
        visit_none();
        visit_unit();
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        let deserializer = self.wrap(deserializer);
        self.inner.visit_some(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        let deserializer = self.wrap(deserializer);
        self.inner.visit_newtype_struct(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        let seq = self.wrap(seq);
        self.inner.visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let map = self.wrap(map);
        self.inner.visit_map(map)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        let data = self.wrap(data);
        self.inner.visit_enum(data)
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Flag<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        let deserializer = self.wrap(deserializer);
        self.inner.deserialize(deserializer)
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Flag<'_, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let seed = self.wrap(seed);
        self.inner.next_element_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Flag<'_, A> {
    type Error = A::Error;

    /// Keys are identifiers or strings: nothing in them can be ignored.
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.inner.next_key_seed(seed)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        let seed = self.wrap(seed);
        self.inner.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'a, 'de, A: EnumAccess<'de>> EnumAccess<'de> for Flag<'a, A> {
    type Error = A::Error;
    type Variant = Flag<'a, A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        let (ignored, stop) = (self.ignored, self.stop);
        let (value, variant) = self.inner.variant_seed(seed)?;
        Ok((
            value,
            Flag {
                inner: variant,
                ignored,
                stop,
            },
        ))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Flag<'_, A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.inner.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        let seed = self.wrap(seed);
        self.inner.newtype_variant_seed(seed)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let visitor = self.wrap(visitor);
        self.inner.tuple_variant(len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let visitor = self.wrap(visitor);
        self.inner.struct_variant(fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let outer = Outer::deserialize(Flag::new(&mut de, &ignored));
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
}

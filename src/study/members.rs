//! A JSON object's members in key order: what extensions and unknown fields
//! are made of.

use std::collections::BTreeMap;
use std::collections::btree_map::{self, Entry};
use std::hash::{Hash, Hasher};

use serde::de::MapAccess;
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::util::json::{read_members, serialize_members};

/// Members keyed by name, in byte order of their keys; written canonically
/// (see `util::json::Canonical`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Members(BTreeMap<String, Value>);

impl Members {
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    pub(crate) fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0.get_mut(key)
    }

    pub(crate) fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        self.0.insert(key, value)
    }

    pub(crate) fn remove(&mut self, key: &str) -> Option<Value> {
        self.0.remove(key)
    }

    pub(crate) fn iter(&self) -> MembersIter<'_> {
        MembersIter(self.0.iter())
    }

    /// Reads the members of a JSON object, refusing a repeated key at any
    /// depth.
    pub(crate) fn read<'de, A: MapAccess<'de>>(map: A) -> Result<Members, A::Error> {
        let mut members = BTreeMap::new();
        read_members(map, |key, value| match members.entry(key) {
            Entry::Vacant(slot) => {
                slot.insert(value);
                None
            }
            Entry::Occupied(slot) => Some(slot.key().clone()),
        })?;
        Ok(Members(members))
    }
}

/// Hashes the keys only: equal members have equal keys, and JSON values
/// have no hash of their own.
impl Hash for Members {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.len().hash(state);
        for key in self.0.keys() {
            key.hash(state);
        }
    }
}

impl Serialize for Members {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_members(serializer, self.0.iter())
    }
}

/// The members of an [`Extensions`](super::Extensions) or
/// [`UnknownFields`](super::UnknownFields) object, in key order.
#[derive(Clone, Debug)]
pub struct MembersIter<'a>(btree_map::Iter<'a, String, Value>);

impl<'a> Iterator for MembersIter<'a> {
    type Item = (&'a str, &'a Value);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k.as_str(), v))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl ExactSizeIterator for MembersIter<'_> {}

impl DoubleEndedIterator for MembersIter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k.as_str(), v))
    }
}

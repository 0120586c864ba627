//! Fields this version of the format does not define, kept.

use serde::Serialize;
use serde_json::Value;

use super::members::{Members, MembersIter};

/// The fields of one object of a document that this version of the format
/// does not define, as they were read: a newer minor version's fields, or a
/// tool's own.
///
/// The reader keeps them on the object they were found on (and reports each
/// as an `unknown_field` warning, or refuses the document in strict mode);
/// the writer puts them back after the known fields, in byte order of their
/// keys, so that formatting a newer document with this version loses
/// nothing. They can be read here but not added to: a field is unknown only
/// because a document held it. Redaction drops them, since it cannot tell
/// what they hold.
///
/// ```
/// let json = r#"{"schema": "urn:peer-support:study-document", "schema_version": "1.9.0",
///   "studies": [{"id": "a0000000-0000-4000-8000-000000000001",
///                "citation": {"title": "A study", "preprint_server": "medRxiv"}}]}"#;
/// let loaded = peer_support::from_str(json)?;
/// let citation = &loaded.document.studies[0].citation;
/// assert_eq!(citation.unknown_fields().get("preprint_server"), Some(&"medRxiv".into()));
/// assert!(loaded.document.to_json_compact().contains(r#""preprint_server":"medRxiv""#));
/// # Ok::<(), peer_support::ReadError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct UnknownFields(Members);

impl UnknownFields {
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The value of the field `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// The fields and their values, in key order.
    pub fn iter(&self) -> MembersIter<'_> {
        self.0.iter()
    }

    /// Adds a field the reader found; the caller knows the object's type
    /// does not define `key`.
    pub(crate) fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        self.0.insert(key, value)
    }
}

impl<'a> IntoIterator for &'a UnknownFields {
    type Item = (&'a str, &'a Value);
    type IntoIter = MembersIter<'a>;

    fn into_iter(self) -> MembersIter<'a> {
        self.iter()
    }
}

/// The accessors of the unknown fields an object type keeps in its
/// `unknown` field.
macro_rules! unknown_fields_accessors {
    ($($name:ident),* $(,)?) => {$(
        impl $name {
            /// The fields of this object that this version of the format
            /// does not define, kept from reading; see
            /// [`UnknownFields`](crate::study::UnknownFields).
            pub fn unknown_fields(&self) -> &$crate::study::UnknownFields {
                &self.unknown
            }

            /// Drops the unknown fields of this object (not of the objects
            /// inside it), so that writing it leaves them out.
            pub fn clear_unknown_fields(&mut self) {
                self.unknown = $crate::study::UnknownFields::default();
            }
        }
    )*};
}

//! Leaf utilities: small helpers with no knowledge of the data model.

pub(crate) mod canonical;
pub(crate) mod code;
pub(crate) mod hash;
pub(crate) mod json;
#[cfg(feature = "json-schema")]
pub(crate) mod schema;
mod truncate;

pub(crate) use truncate::truncate;

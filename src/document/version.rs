//! The schema identifier and version every document carries.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The fixed identifier in every document's `schema` field.
///
/// It names the format, not a version: the version is `schema_version`. It is
/// a URN rather than a web address so that it never depends on a domain
/// staying registered.
pub const SCHEMA_ID: &str = "urn:peer-support:study-document";

/// The schema version this crate writes, and the newest it fully understands.
pub const CURRENT_VERSION: SchemaVersion = SchemaVersion::new(1, 1, 0);

/// A `schema_version`: `MAJOR.MINOR.PATCH` as in Semantic Versioning 2.0.0
/// (no pre-release or build metadata).
///
/// A reader refuses a newer major version, loads a newer minor version with a
/// warning, and migrates an older one; see `docs/format.md`.
///
/// ```
/// use peer_support::document::{SchemaVersion, CURRENT_VERSION};
///
/// let v: SchemaVersion = "1.2.0".parse()?;
/// assert!(v.is_compatible_with(CURRENT_VERSION));
/// assert!(!"2.0.0".parse::<SchemaVersion>()?.is_compatible_with(CURRENT_VERSION));
/// # Ok::<(), peer_support::document::InvalidVersion>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct SchemaVersion {
    /// Incompatible changes.
    pub major: u64,
    /// Backwards-compatible additions.
    pub minor: u64,
    /// Clarifications that change no document's meaning.
    pub patch: u64,
}

impl SchemaVersion {
    /// `major.minor.patch`.
    pub const fn new(major: u64, minor: u64, patch: u64) -> Self {
        SchemaVersion {
            major,
            minor,
            patch,
        }
    }

    /// Whether a reader of `reader` can load a document of this version
    /// without migration: same major version (a newer minor loads with warnings).
    pub fn is_compatible_with(self, reader: SchemaVersion) -> bool {
        self.major == reader.major
    }
}

/// A `schema_version` that is not `MAJOR.MINOR.PATCH`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid schema_version {found:?}: expected MAJOR.MINOR.PATCH such as \"1.0.0\"")]
#[non_exhaustive]
pub struct InvalidVersion {
    /// The rejected input, truncated to 64 bytes.
    pub found: String,
}

impl FromStr for SchemaVersion {
    type Err = InvalidVersion;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || InvalidVersion {
            found: crate::util::truncate(s, 64).to_owned(),
        };
        // Semver forbids leading zeros and signs; u64::from_str would accept "+1".
        let number = |p: &str| -> Result<u64, InvalidVersion> {
            let digits = !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
            if !digits || (p.len() > 1 && p.starts_with('0')) {
                return Err(err());
            }
            p.parse().map_err(|_| err())
        };
        let mut parts = s.split('.');
        let (Some(major), Some(minor), Some(patch), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(err());
        };
        Ok(SchemaVersion::new(
            number(major)?,
            number(minor)?,
            number(patch)?,
        ))
    }
}

impl fmt::Display for SchemaVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

impl Serialize for SchemaVersion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SchemaVersion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

json_schema_impl!(SchemaVersion, |generator| {
    schemars::json_schema!({
        "description": "MAJOR.MINOR.PATCH as in Semantic Versioning 2.0.0, without pre-release or build metadata and without leading zeros.",
        "type": "string",
        "pattern": SEMVER_PATTERN,
    })
});

/// `MAJOR.MINOR.PATCH`, each a number without leading zeros.
#[cfg(feature = "json-schema")]
const SEMVER_PATTERN: &str = "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_displays() {
        let v: SchemaVersion = "1.10.3".parse().unwrap();
        assert_eq!(v, SchemaVersion::new(1, 10, 3));
        assert_eq!(v.to_string(), "1.10.3");
        for bad in [
            "",
            "1",
            "1.0",
            "1.0.0.0",
            "01.0.0",
            "1.0.0-rc1",
            "+1.0.0",
            "a.b.c",
            "1..0",
        ] {
            assert!(bad.parse::<SchemaVersion>().is_err(), "{bad}");
        }
        assert!(SchemaVersion::new(1, 0, 0) < SchemaVersion::new(1, 0, 1));
        assert!(SchemaVersion::new(0, 9, 0) < CURRENT_VERSION);
    }
}

//! REFI-QDA GUIDs: 8-4-4-4-12 hex digits, with or without braces, either case.

use std::fmt;
use std::str::FromStr;

use uuid::Uuid;

/// The identifier of every REFI-QDA object (code, source, selection, user...).
///
/// The XSD `GUIDType` accepts `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in either
/// case, optionally inside `{}`. Producers use all four spellings (ATLAS.ti
/// writes upper case, the specification's codebook example mixes braced and
/// bare), and a reference must match its target whatever the spelling, so a
/// `Guid` keeps only the 128-bit value: two spellings of the same GUID are
/// equal, and [`Display`](fmt::Display) always gives the canonical lower-case,
/// unbraced form that is written back.
///
/// ```
/// use peer_support::refi_qda::Guid;
///
/// let braced: Guid = "{D7AA29DA-519B-4946-9B90-253B6DB8FD0A}".parse()?;
/// let bare: Guid = "d7aa29da-519b-4946-9b90-253b6db8fd0a".parse()?;
/// assert_eq!(braced, bare);
/// assert_eq!(braced.to_string(), "d7aa29da-519b-4946-9b90-253b6db8fd0a");
/// # Ok::<(), peer_support::refi_qda::GuidError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Guid(Uuid);

/// A string that is not a REFI-QDA GUID.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a GUID: expected 8-4-4-4-12 hexadecimal digits, optionally in braces")]
pub struct GuidError {
    /// The offending text (cut to 80 bytes).
    pub value: String,
}

impl Guid {
    /// The GUID holding `uuid`.
    pub const fn from_uuid(uuid: Uuid) -> Self {
        Guid(uuid)
    }

    /// The GUID whose 128-bit value is `value` (handy for tests and for
    /// deterministic identifiers).
    pub const fn from_u128(value: u128) -> Self {
        Guid(Uuid::from_u128(value))
    }

    /// The GUID as a [`Uuid`].
    pub const fn as_uuid(&self) -> &Uuid {
        &self.0
    }

    /// Parses `8-4-4-4-12` hex, optionally in braces, either case.
    ///
    /// Leading and trailing XML whitespace is ignored, as the XSD's
    /// `xsd:token` base type collapses it. Other forms [`Uuid`] would accept
    /// (no hyphens, `urn:uuid:` prefix) are refused: the schema does not
    /// allow them, so accepting them here would let an invalid file through
    /// unnoticed.
    ///
    /// # Errors
    ///
    /// [`GuidError`] for anything else.
    pub fn parse(text: &str) -> Result<Self, GuidError> {
        let trimmed = text.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'));
        let inner = match trimmed.strip_prefix('{') {
            Some(rest) => rest.strip_suffix('}'),
            None => Some(trimmed),
        };
        let error = || GuidError {
            value: crate::util::truncate(text, 80).to_owned(),
        };
        let inner = inner.ok_or_else(error)?;
        let shape_ok = inner.len() == 36
            && inner.bytes().enumerate().all(|(i, b)| match i {
                8 | 13 | 18 | 23 => b == b'-',
                _ => b.is_ascii_hexdigit(),
            });
        if !shape_ok {
            return Err(error());
        }
        Uuid::parse_str(inner).map(Guid).map_err(|_| error())
    }
}

impl fmt::Display for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `Uuid`'s Display is the lower-case hyphenated form.
        fmt::Display::fmt(&self.0, f)
    }
}

impl FromStr for Guid {
    type Err = GuidError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Guid::parse(s)
    }
}

impl From<Uuid> for Guid {
    fn from(uuid: Uuid) -> Self {
        Guid(uuid)
    }
}

impl From<Guid> for Uuid {
    fn from(guid: Guid) -> Self {
        guid.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOWER: &str = "5215cc69-b628-4e02-afb9-9beeaee55808";

    #[test]
    fn all_four_spellings_are_the_same_guid() {
        let canonical = Guid::parse(LOWER).unwrap();
        for spelling in [
            LOWER.to_owned(),
            LOWER.to_uppercase(),
            format!("{{{LOWER}}}"),
            format!("{{{}}}", LOWER.to_uppercase()),
            format!("  {LOWER}\n"),
            "5215CC69-b628-4E02-afb9-9BEEaee55808".to_owned(),
        ] {
            let guid = Guid::parse(&spelling).unwrap();
            assert_eq!(guid, canonical, "{spelling}");
            assert_eq!(guid.to_string(), LOWER);
        }
    }

    #[test]
    fn other_forms_are_refused() {
        for bad in [
            "",
            "{}",
            "5215cc69b6284e02afb99beeaee55808",
            "urn:uuid:5215cc69-b628-4e02-afb9-9beeaee55808",
            "{5215cc69-b628-4e02-afb9-9beeaee55808",
            "5215cc69-b628-4e02-afb9-9beeaee55808}",
            "5215cc69-b628-4e02-afb9-9beeaee5580g",
            "5215cc69-b628-4e02-afb9_9beeaee55808",
            "5215cc69-b628-4e02-afb9-9beeaee558080",
            "{{5215cc69-b628-4e02-afb9-9beeaee55808}}",
            "５215cc69-b628-4e02-afb9-9beeaee5580",
        ] {
            let err = Guid::parse(bad).unwrap_err();
            assert!(err.to_string().contains("is not a GUID"), "{bad}");
        }
    }

    #[test]
    fn error_quotes_are_bounded() {
        let long = "x".repeat(10_000);
        assert!(Guid::parse(&long).unwrap_err().value.len() <= 80);
    }
}

//! How a study is cited.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use super::{Text, UnknownFields};

/// The bibliographic reference of a study.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Citation {
    /// The paper's title.
    pub title: Text,
    /// Authors in byline order, as written (`"Moore, T."`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Text>,
    /// Year of publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Journal name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal: Option<Text>,
    /// Digital Object Identifier. Any non-empty string loads; validation
    /// reports one that is not DOI syntax as `invalid_doi`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<Doi>,
    /// Date of first publication (online or in print, whichever came first).
    /// Validation refuses data collected after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// Fields this version does not define, kept from reading and written
    /// back after the known ones.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "json-schema", schemars(skip))]
    pub(crate) unknown: UnknownFields,
}

impl Citation {
    /// A citation with only a title.
    pub fn new(title: Text) -> Self {
        Citation {
            title,
            authors: Vec::new(),
            year: None,
            journal: None,
            doi: None,
            published: None,
            unknown: UnknownFields::default(),
        }
    }
}

/// A Digital Object Identifier such as `10.1111/hex.13151`.
///
/// [`Doi::new`] insists on DOI syntax (`10.` + a registrant code of 4–9
/// digits, optionally dotted sub-codes, `/`, and a non-empty suffix without
/// whitespace). Deserialization is deliberately lenient — any non-empty string
/// loads, so a document with a typo is not rejected wholesale — and
/// [`validate`](crate::validate()) reports the typo as `invalid_doi` with its path.
///
/// ```
/// use peer_support::study::Doi;
///
/// let doi: Doi = "10.1111/hex.13151".parse()?;
/// assert!(doi.is_valid());
/// assert!("doi:10.1111".parse::<Doi>().is_err());
/// # Ok::<(), peer_support::study::InvalidDoi>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Doi(Box<str>);

/// A string that is not DOI syntax.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid DOI {doi:?}: expected \"10.<registrant>/<suffix>\" with a 4-9 digit registrant code and no whitespace, e.g. \"10.1111/hex.13151\""
)]
#[non_exhaustive]
pub struct InvalidDoi {
    /// The rejected input, truncated to 200 bytes.
    pub doi: String,
}

impl Doi {
    /// Checks DOI syntax and wraps it.
    ///
    /// # Errors
    ///
    /// [`InvalidDoi`] when `doi` is not DOI syntax.
    pub fn new(doi: impl Into<String>) -> Result<Self, InvalidDoi> {
        let doi = doi.into();
        if is_doi(&doi) {
            Ok(Doi(doi.into_boxed_str()))
        } else {
            Err(InvalidDoi {
                doi: crate::util::truncate(&doi, 200).to_owned(),
            })
        }
    }

    /// The DOI as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the DOI is valid syntax (always true for one built with
    /// [`Doi::new`]; false for a malformed one read from a document).
    pub fn is_valid(&self) -> bool {
        is_doi(&self.0)
    }
}

/// DOI syntax as Crossref recommends matching it: `10.\d{4,9}(\.\d+)*/\S+`.
fn is_doi(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("10.") else {
        return false;
    };
    let Some((registrant, suffix)) = rest.split_once('/') else {
        return false;
    };
    let mut parts = registrant.split('.');
    let first = parts.next().unwrap_or_default();
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    (4..=9).contains(&first.len())
        && digits(first)
        && parts.all(digits)
        && !suffix.is_empty()
        && !suffix.chars().any(char::is_whitespace)
}

checked_string!(Doi, InvalidDoi);

impl<'de> Deserialize<'de> for Doi {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = Text::deserialize(deserializer)?;
        Ok(Doi(s.as_str().into()))
    }
}

// The schema enforces DOI syntax although the reader is lenient: it
// describes *valid* documents, and a malformed DOI is a validation error.
json_schema_impl!(Doi, |generator| {
    schemars::json_schema!({
        "description": "A Digital Object Identifier without a \"doi:\" or URL prefix: \"10.\", a registrant code of 4 to 9 digits with optional dotted sub-codes, \"/\", and a suffix without whitespace. Readers load any non-blank string here so that one typo does not reject a whole document, and validation reports it as an `invalid_doi` error.",
        "type": "string",
        "pattern": format!("^10\\.[0-9]{{4,9}}(\\.[0-9]+)*/{}+$", crate::util::schema::non_whitespace_class()),
        "examples": ["10.1111/hex.13151"],
    })
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doi_syntax() {
        for ok in [
            "10.1111/hex.13151",
            "10.1186/1472-6963-13-188",
            "10.1000.10/abc",
        ] {
            assert!(Doi::new(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "10.1111",
            "10.11/x",
            "11.1111/x",
            "10.1111/",
            "10.1111/a b",
            "doi:10.1111/x",
        ] {
            assert!(Doi::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn lenient_load_keeps_malformed_doi_for_validation() {
        let doi: Doi = serde_json::from_str(r#""10.11/oops""#).unwrap();
        assert!(!doi.is_valid());
        assert_eq!(serde_json::to_string(&doi).unwrap(), r#""10.11/oops""#);
    }
}

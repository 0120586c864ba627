//! Text that must not be empty, and pseudonymous participant codes.

use std::ops::Deref;

/// A text field that cannot be empty or only whitespace (a title, a quote, a
/// theme label).
///
/// ```
/// use peer_support::study::Text;
///
/// let title = Text::new("Understanding the roles of peer support workers")?;
/// assert_eq!(title.as_str(), "Understanding the roles of peer support workers");
/// assert!(Text::new("  ").is_err());
/// # Ok::<(), peer_support::study::EmptyText>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text(Box<str>);

/// The error for an empty or whitespace-only [`Text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("text must not be empty or only whitespace")]
#[non_exhaustive]
pub struct EmptyText;

impl Text {
    /// Wraps `text`, refusing an empty or whitespace-only string. The text is
    /// kept exactly as given (not trimmed), so nothing is lost on a round trip.
    ///
    /// # Errors
    ///
    /// [`EmptyText`] when `text` has no non-whitespace character.
    pub fn new(text: impl Into<String>) -> Result<Self, EmptyText> {
        let text = text.into();
        if text.trim().is_empty() {
            Err(EmptyText)
        } else {
            Ok(Text(text.into_boxed_str()))
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

checked_string!(Text, EmptyText, deserialize);

/// The longest participant code accepted, in bytes.
pub const MAX_PARTICIPANT_CODE_LEN: usize = 32;

/// A pseudonymous participant code such as `P07` or `PW-12`.
///
/// 1 to 32 ASCII letters, digits, `-`, `_` or `.`, starting with a letter or
/// digit. The format has no field for names or contact details; the code is
/// the only handle on a participant, and its grammar leaves no room for a
/// sentence or an email address.
///
/// ```
/// use peer_support::study::ParticipantCode;
///
/// assert!(ParticipantCode::new("P07").is_ok());
/// assert!(ParticipantCode::new("jane.doe@example.org").is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ParticipantCode(Box<str>);

/// The error for a malformed [`ParticipantCode`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid participant code {code:?}: use 1 to {MAX_PARTICIPANT_CODE_LEN} ASCII letters, digits, '-', '_' or '.', starting with a letter or digit (for example \"P07\")"
)]
#[non_exhaustive]
pub struct InvalidParticipantCode {
    /// The rejected input, truncated to 64 bytes.
    pub code: String,
}

impl ParticipantCode {
    /// Checks and wraps a participant code.
    ///
    /// # Errors
    ///
    /// [`InvalidParticipantCode`] when the grammar is not met.
    pub fn new(code: impl Into<String>) -> Result<Self, InvalidParticipantCode> {
        let code = code.into();
        let b = code.as_bytes();
        let ok = !b.is_empty()
            && b.len() <= MAX_PARTICIPANT_CODE_LEN
            && b[0].is_ascii_alphanumeric()
            && b.iter()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'));
        if ok {
            Ok(ParticipantCode(code.into_boxed_str()))
        } else {
            Err(InvalidParticipantCode {
                code: crate::util::truncate(&code, 64).to_owned(),
            })
        }
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

checked_string!(ParticipantCode, InvalidParticipantCode, deserialize);

json_schema_impl!(Text, |generator| {
    schemars::json_schema!({
        "description": "Text that is not empty and not only whitespace; kept exactly as written (not trimmed).",
        "type": "string",
        "minLength": 1,
        "pattern": crate::util::schema::non_whitespace_class(),
    })
});

json_schema_impl!(ParticipantCode, |generator| {
    schemars::json_schema!({
        "description": format!(
            "A pseudonymous participant code such as \"P07\": 1 to {MAX_PARTICIPANT_CODE_LEN} ASCII letters, digits, '-', '_' or '.', starting with a letter or digit. The format has no field for names or contact details."
        ),
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_PARTICIPANT_CODE_LEN,
        "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$",
        "examples": ["P07", "PW-12"],
    })
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_refuses_blank_and_keeps_spacing() {
        assert_eq!(Text::new("").unwrap_err(), EmptyText);
        assert!(Text::new(" \n\t").is_err());
        assert_eq!(Text::new(" a ").unwrap().as_str(), " a ");
        let err = serde_json::from_str::<Text>(r#""   ""#).unwrap_err();
        assert!(err.to_string().contains("must not be empty"), "{err}");
    }

    #[test]
    fn participant_code_grammar() {
        for ok in ["P07", "PW-12", "a.b_c", "1"] {
            assert!(ParticipantCode::new(ok).is_ok(), "{ok}");
        }
        for bad in ["", "-P1", "P 7", "Jane Doe", "x@y.z", &"P".repeat(33)] {
            let err = ParticipantCode::new(bad).unwrap_err();
            assert!(err.to_string().contains("P07"), "{err}");
        }
    }
}

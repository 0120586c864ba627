//! The validated code string every vocabulary value and issue code is
//! written as, and the errors for malformed and unknown codes.

use std::borrow::Borrow;
use std::fmt;
use std::marker::PhantomData;

/// The longest code accepted, in bytes.
///
/// Long enough for every descriptive code in the literature
/// (`hierarchy_reinforced_by_working_arrangements` is 44), short enough that a
/// hostile document cannot smuggle a paragraph into a code position.
pub const MAX_CODE_LEN: usize = 64;

/// A vocabulary code: `^[a-z][a-z0-9_]*$`, at most [`MAX_CODE_LEN`] bytes.
///
/// Codes are the wire format of every vocabulary value. A `Code` can only be
/// built through [`Code::new`] (or [`FromStr`](std::str::FromStr) / serde), so holding one proves
/// it is well formed.
///
/// ```
/// use peer_support::vocabulary::Code;
///
/// let code = Code::new("supervision")?;
/// assert_eq!(code.as_str(), "supervision");
/// assert!(Code::new("Supervision").is_err());
/// # Ok::<(), peer_support::vocabulary::InvalidCode>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(Box<str>);

impl Code {
    /// Checks `code` and wraps it.
    ///
    /// # Errors
    ///
    /// [`InvalidCode`] naming the code and the rule it breaks.
    pub fn new(code: impl Into<String>) -> Result<Self, InvalidCode> {
        let code = code.into();
        match check(&code) {
            Ok(()) => Ok(Code(code.into_boxed_str())),
            Err(problem) => Err(InvalidCode {
                kind: None,
                code,
                problem,
            }),
        }
    }

    /// The code as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Wraps a code the caller has already run through [`check`].
    pub(crate) fn new_unchecked(code: &str) -> Self {
        debug_assert!(check(code).is_ok());
        Code(code.into())
    }
}

/// Checks the code grammar without allocating.
pub(crate) fn check(code: &str) -> Result<(), CodeProblem> {
    let bytes = code.as_bytes();
    let Some(first) = bytes.first() else {
        return Err(CodeProblem::Empty);
    };
    if bytes.len() > MAX_CODE_LEN {
        return Err(CodeProblem::TooLong(bytes.len()));
    }
    if !first.is_ascii_lowercase() {
        return Err(CodeProblem::BadStart);
    }
    match bytes
        .iter()
        .position(|b| !(b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_'))
    {
        Some(at) => Err(CodeProblem::BadChar(at)),
        None => Ok(()),
    }
}

/// What is wrong with a rejected code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CodeProblem {
    /// The code is the empty string.
    Empty,
    /// The code is longer than [`MAX_CODE_LEN`]; holds its length in bytes.
    TooLong(usize),
    /// The code does not start with a lowercase ASCII letter.
    BadStart,
    /// The byte at this offset is not `a`–`z`, `0`–`9` or `_`.
    BadChar(usize),
}

impl fmt::Display for CodeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeProblem::Empty => f.write_str("it is empty"),
            CodeProblem::TooLong(len) => {
                write!(
                    f,
                    "it is {len} bytes long, more than the {MAX_CODE_LEN} allowed"
                )
            }
            CodeProblem::BadStart => f.write_str("it does not start with a lowercase letter a-z"),
            CodeProblem::BadChar(at) => write!(
                f,
                "byte {at} is not a lowercase letter, digit or underscore"
            ),
        }
    }
}

/// A string that is not a valid vocabulary code.
///
/// The message names the code, the vocabulary it was meant for (when known),
/// what is wrong, and what is allowed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid {} code {code:?}: {problem}; codes match ^[a-z][a-z0-9_]*$ and are at most {MAX_CODE_LEN} bytes",
    kind.unwrap_or("vocabulary")
)]
#[non_exhaustive]
pub struct InvalidCode {
    /// The vocabulary kind the code was parsed for (`"facilitator"`), if any.
    pub kind: Option<&'static str>,
    /// The rejected input. Truncated to 200 bytes so a huge input does not
    /// make a huge message.
    pub code: String,
    /// What is wrong with it.
    pub problem: CodeProblem,
}

impl InvalidCode {
    pub(crate) fn for_kind(kind: &'static str, code: &str, problem: CodeProblem) -> Self {
        InvalidCode {
            kind: Some(kind),
            code: super::truncate(code, 200).to_owned(),
            problem,
        }
    }
}

/// A code that is not one of a closed set's codes.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} code {code:?}; expected one of: {}", allowed.join(", "))]
#[non_exhaustive]
pub struct UnknownCode {
    /// The closed set (`"CFIR domain"`).
    pub kind: &'static str,
    /// The rejected input, truncated to 200 bytes.
    pub code: String,
    /// Every code the set allows.
    pub allowed: &'static [&'static str],
}

impl UnknownCode {
    pub(crate) fn new(kind: &'static str, code: &str, allowed: &'static [&'static str]) -> Self {
        UnknownCode {
            kind,
            code: super::truncate(code, 200).to_owned(),
            allowed,
        }
    }
}

impl Borrow<str> for Code {
    fn borrow(&self) -> &str {
        &self.0
    }
}

checked_string!(Code, InvalidCode, deserialize);

/// A well-formed code that the open code set `V` (a vocabulary, the issue
/// codes, the severities) does not know: what `V::Custom` holds.
///
/// It cannot be built directly. [`FromStr`](std::str::FromStr), serde and
/// each vocabulary's `from_code` return the known variant for a known code
/// and a `Custom` value only for an unknown one, so every code has exactly
/// one representation: a `Custom` value never holds a code its vocabulary
/// knows, and a round trip through the wire format never changes a value.
///
/// ```
/// use peer_support::vocabulary::Facilitator;
///
/// let newer: Facilitator = "peer_network".parse()?;
/// let Facilitator::Custom(code) = &newer else { panic!("unknown to this version") };
/// assert_eq!(code.as_str(), "peer_network");
///
/// // A known code always parses as its variant.
/// assert_eq!("supervision".parse::<Facilitator>()?, Facilitator::Supervision);
/// # Ok::<(), peer_support::vocabulary::InvalidCode>(())
/// ```
pub struct CustomCode<V> {
    code: Code,
    // `fn() -> V`: the code belongs to `V` without holding one, so the auto
    // traits do not depend on `V`.
    vocabulary: PhantomData<fn() -> V>,
}

impl<V> CustomCode<V> {
    /// Wraps a code the caller has checked is well formed and unknown to `V`.
    pub(crate) fn new_unchecked(code: &str) -> Self {
        CustomCode {
            code: Code::new_unchecked(code),
            vocabulary: PhantomData,
        }
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        self.code.as_str()
    }

    /// The code as a [`Code`].
    pub fn as_code(&self) -> &Code {
        &self.code
    }

    /// The code, unwrapped.
    pub fn into_code(self) -> Code {
        self.code
    }
}

// Written out rather than derived: derives would require `V` to implement
// each trait, which the marker does not need.
impl<V> Clone for CustomCode<V> {
    fn clone(&self) -> Self {
        CustomCode {
            code: self.code.clone(),
            vocabulary: PhantomData,
        }
    }
}

impl<V> fmt::Debug for CustomCode<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("CustomCode")
            .field(&self.code.as_str())
            .finish()
    }
}

impl<V> fmt::Display for CustomCode<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code.as_str())
    }
}

impl<V> PartialEq for CustomCode<V> {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl<V> Eq for CustomCode<V> {}

impl<V> PartialOrd for CustomCode<V> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<V> Ord for CustomCode<V> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.code.cmp(&other.code)
    }
}

impl<V> std::hash::Hash for CustomCode<V> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.code.hash(state);
    }
}

impl<V> AsRef<str> for CustomCode<V> {
    fn as_ref(&self) -> &str {
        self.code.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_grammar() {
        for ok in ["a", "supervision", "a1_b2", "x_"] {
            assert_eq!(Code::new(ok).unwrap().as_str(), ok);
        }
    }

    #[test]
    fn rejects_with_the_reason() {
        let cases = [
            ("", CodeProblem::Empty),
            ("1abc", CodeProblem::BadStart),
            ("_abc", CodeProblem::BadStart),
            ("Supervision", CodeProblem::BadStart),
            ("super vision", CodeProblem::BadChar(5)),
            ("super-vision", CodeProblem::BadChar(5)),
            ("supervisión", CodeProblem::BadChar(9)),
        ];
        for (input, problem) in cases {
            let err = Code::new(input).unwrap_err();
            assert_eq!(err.problem, problem, "{input:?}");
            assert!(err.to_string().contains("^[a-z][a-z0-9_]*$"));
        }
        let long = "a".repeat(MAX_CODE_LEN + 1);
        assert_eq!(
            Code::new(long).unwrap_err().problem,
            CodeProblem::TooLong(MAX_CODE_LEN + 1)
        );
        assert!(Code::new("a".repeat(MAX_CODE_LEN)).is_ok());
    }

    #[test]
    fn error_message_is_bounded_for_huge_input() {
        let huge = "é".repeat(10_000);
        let err = InvalidCode::for_kind("barrier", &huge, CodeProblem::BadStart);
        assert!(err.code.len() <= 200);
        assert!(err.to_string().starts_with("invalid barrier code"));
    }
}

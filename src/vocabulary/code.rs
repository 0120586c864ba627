//! Reading open vocabulary values from code strings, and the code an open
//! vocabulary's `Custom` variant holds.

use std::fmt;
use std::marker::PhantomData;

use super::Code;

/// Deserializes any open vocabulary from a borrowed or owned string without
/// allocating for known codes.
pub(crate) struct CodeVisitor<T>(std::marker::PhantomData<T>);

impl<T> CodeVisitor<T> {
    pub(crate) fn new() -> Self {
        CodeVisitor(std::marker::PhantomData)
    }
}

impl<T: super::Vocabulary> serde::de::Visitor<'_> for CodeVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} code string", T::KIND)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        T::from_code(v).map_err(E::custom)
    }
}

/// A well-formed code that vocabulary `V` does not know: what
/// `V::Custom` holds.
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

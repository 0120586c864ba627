//! Reading open vocabulary values from code strings.

use std::fmt;

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

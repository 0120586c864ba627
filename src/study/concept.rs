//! Concepts: a vocabulary value of any kind, the typed value of a
//! `{"kind", "code"}` pair.

use crate::vocabulary::{
    Analysis, Barrier, Code, Employment, Facilitator, InvalidCode, Kind, Method, Outcome,
    PeerValue, RoleTitle, Setting, Stakeholder, WayOfWorking,
};

/// Declares [`Concept`] and everything that dispatches over its variants from
/// one list of `Variant(Type)` pairs; each variant's `Kind` has the same name.
macro_rules! concepts {
    ($($variant:ident($ty:ty)),* $(,)?) => {
        /// A vocabulary concept of any kind: the typed value of a `{"kind", "code"}` pair.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Concept {
            $(
                #[doc = concat!("A [`", stringify!($ty), "`].")]
                $variant($ty),
            )*
            /// A kind this version does not know (or one that is not a concept
            /// kind, such as `stance`); kept exactly and reported by validation.
            Other(OtherConcept),
        }

        impl Concept {
            /// Builds a concept from its kind and code strings.
            ///
            /// # Errors
            ///
            /// [`InvalidCode`] when either string is not a well-formed code.
            pub fn from_codes(kind: &str, code: &str) -> Result<Self, InvalidCode> {
                match Kind::from_code(kind) {
                    $(Ok(Kind::$variant) => Ok(Concept::$variant(<$ty>::from_code(code)?)),)*
                    _ => Ok(Concept::Other(OtherConcept {
                        kind: Code::new(kind)
                            .map_err(|e| InvalidCode { kind: Some("concept kind"), ..e })?,
                        code: Code::new(code)?,
                    })),
                }
            }

            /// The kind, or `None` for [`Concept::Other`].
            pub fn kind(&self) -> Option<Kind> {
                match self {
                    $(Concept::$variant(_) => Some(Kind::$variant),)*
                    Concept::Other(_) => None,
                }
            }

            /// The kind code (`"facilitator"`), as written for unknown kinds.
            pub fn kind_code(&self) -> &str {
                match self {
                    $(Concept::$variant(_) => Kind::$variant.code(),)*
                    Concept::Other(other) => other.kind(),
                }
            }

            /// The code.
            pub fn code(&self) -> &str {
                match self {
                    $(Concept::$variant(v) => v.code(),)*
                    Concept::Other(other) => other.code(),
                }
            }

            /// The human label (the code for unknown concepts).
            pub fn label(&self) -> &str {
                match self {
                    $(Concept::$variant(v) => v.label(),)*
                    Concept::Other(other) => other.code(),
                }
            }

            /// Whether this version of the crate knows the concept (its kind and its code).
            pub fn is_known(&self) -> bool {
                match self {
                    $(Concept::$variant(v) => !v.is_custom(),)*
                    Concept::Other(_) => false,
                }
            }
        }

        $(impl From<$ty> for Concept {
            fn from(value: $ty) -> Self {
                Concept::$variant(value)
            }
        })*

        #[cfg(feature = "json-schema")]
        impl Concept {
            /// The schema of a `kind` field naming a concept's vocabulary.
            pub(super) fn schema_kind() -> serde_json::Value {
                serde_json::json!({
                    "description": "The vocabulary the concept belongs to.",
                    "type": "string",
                    "anyOf": [
                        { "title": "Known kind", "enum": Concept::schema_kind_codes() },
                        crate::vocabulary::schema::code_schema("A kind this version does not know (or one that is not a concept kind, such as `stance`): kept as written and reported as an `unknown_concept_kind` warning."),
                    ],
                })
            }

            /// The kind codes that name a concept vocabulary, in table order.
            pub(super) fn schema_kind_codes() -> Vec<&'static str> {
                vec![$(Kind::$variant.code()),*]
            }

            /// For each concept kind: when `kind` is it, `code` is a code of its vocabulary.
            pub(super) fn schema_code_by_kind(generator: &mut schemars::SchemaGenerator) -> Vec<serde_json::Value> {
                vec![$(schema_code_for_kind::<$ty>(generator)),*]
            }
        }
    };
}

concepts!(
    Role(RoleTitle),
    Employment(Employment),
    WayOfWorking(WayOfWorking),
    Stakeholder(Stakeholder),
    Setting(Setting),
    Value(PeerValue),
    Facilitator(Facilitator),
    Barrier(Barrier),
    Outcome(Outcome),
    Method(Method),
    Analysis(Analysis),
);

#[cfg(feature = "json-schema")]
fn schema_code_for_kind<T>(generator: &mut schemars::SchemaGenerator) -> serde_json::Value
where
    T: crate::vocabulary::Vocabulary + schemars::JsonSchema,
{
    serde_json::json!({
        "if": { "properties": { "kind": { "const": T::KIND.code() } }, "required": ["kind"] },
        "then": { "properties": { "code": generator.subschema_for::<T>() } },
    })
}

impl Concept {
    /// The concept a wire object's `kind` and `code` name, or the
    /// deserializer's error for a malformed one.
    pub(super) fn from_wire<E: serde::de::Error>(kind: &str, code: &str) -> Result<Self, E> {
        Concept::from_codes(kind, code).map_err(E::custom)
    }
}

/// A concept of a kind this version does not know (or of a kind that is not
/// a concept kind, such as `stance`): what [`Concept::Other`] holds.
///
/// It cannot be built directly: [`Concept::from_codes`] returns the typed
/// variant for every kind this version knows, so a known concept always has
/// exactly one representation.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OtherConcept {
    kind: Code,
    code: Code,
}

impl OtherConcept {
    /// The kind, as written.
    pub fn kind(&self) -> &str {
        self.kind.as_str()
    }

    /// The code, as written.
    pub fn code(&self) -> &str {
        self.code.as_str()
    }
}

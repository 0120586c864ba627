//! The table macro every open vocabulary is declared with.
//!
//! Each vocabulary is written once, as a table of `Variant = "code" { label,
//! definition, sources, mapping }` rows; the macro derives the enum, its
//! accessors, the list of entries, the `Vocabulary` trait, `FromStr`,
//! `Display`, serde and the JSON Schema from that table.

/// An *open* vocabulary: known entries plus a `Custom(Code)` variant that keeps
/// any well-formed code this version does not know, so a newer document loses
/// nothing in an older reader.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : kind $kind:ident, mapping $mty:ty {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $code:literal {
                    label: $label:literal,
                    definition: $def:literal,
                    sources: [$($src:ident),* $(,)?],
                    mapping: $mapping:expr
                    $(, relations: [$($rel:ident($rkind:ident, $rcode:literal)),* $(,)?])? $(,)?
                }
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        ///
        /// Serializes as its code string; [`FromStr`](std::str::FromStr),
        /// [`Display`](std::fmt::Display) and serde all use the same code. A
        /// well-formed code this version does not know parses as
        #[doc = concat!("[`", stringify!($name), "::Custom`]")]
        /// and is written back unchanged.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        $vis enum $name {
            $(
                #[doc = concat!("**", $label, "** (`", $code, "`): ", $def)]
                #[doc = ""]
                #[doc = concat!("Sources:" $(, " [`", stringify!($src), "`](crate::vocabulary::source::", stringify!($src), ")")*, ".")]
                $(#[$vmeta])*
                $variant,
            )*
            /// A well-formed code this version of the crate does not know.
            ///
            /// Kept exactly as read and serialized back unchanged. The
            /// [`CustomCode`](crate::vocabulary::CustomCode) cannot be built
            /// directly: parse the code with
            #[doc = concat!("[`", stringify!($name), "::from_code`],")]
            /// which returns the known variant for a known code.
            Custom($crate::vocabulary::CustomCode<$name>),
        }

        impl $name {
            /// The `kind` this vocabulary has in the codebook and in concept links.
            pub const KIND: $crate::vocabulary::Kind = $crate::vocabulary::Kind::$kind;

            /// Every known entry, in table order (never includes `Custom`).
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// Parses a code: a known code gives its variant, any other
            /// well-formed code gives `Custom`.
            ///
            /// # Errors
            ///
            /// [`InvalidCode`](crate::vocabulary::InvalidCode) when `code` is not
            /// `^[a-z][a-z0-9_]*$` or is too long.
            pub fn from_code(code: &str) -> Result<Self, $crate::vocabulary::InvalidCode> {
                match code {
                    $($code => Ok($name::$variant),)*
                    _ => match $crate::util::code::check(code) {
                        Ok(()) => Ok($name::Custom($crate::vocabulary::CustomCode::new_unchecked(code))),
                        Err(problem) => Err($crate::vocabulary::InvalidCode::for_kind(Self::KIND.code(), code, problem)),
                    },
                }
            }

            /// The wire code.
            pub fn code(&self) -> &str {
                match self {
                    $($name::$variant => $code,)*
                    $name::Custom(code) => code.as_str(),
                }
            }

            /// The human label; a custom value's label is its code.
            pub fn label(&self) -> &str {
                match self {
                    $($name::$variant => $label,)*
                    $name::Custom(code) => code.as_str(),
                }
            }

            /// The definition, written from the source papers (`None` for custom values).
            pub fn definition(&self) -> Option<&'static str> {
                match self {
                    $($name::$variant => Some($def),)*
                    $name::Custom(_) => None,
                }
            }

            /// The papers that report this entry (empty for custom values).
            pub fn sources(&self) -> &'static [$crate::vocabulary::Source] {
                use $crate::vocabulary::source::*;
                match self {
                    $($name::$variant => &[$($src),*],)*
                    $name::Custom(_) => &[],
                }
            }

            /// The entry's framework mapping (`None` for custom values).
            pub fn mapping(&self) -> Option<$mty> {
                #[allow(unused_imports)]
                use $crate::vocabulary::*;
                match self {
                    $($name::$variant => Some($mapping),)*
                    $name::Custom(_) => None,
                }
            }

            /// Whether this is a code this version does not know.
            pub fn is_custom(&self) -> bool {
                matches!(self, $name::Custom(_))
            }

            /// The entry's relations to other standard entries, with SKOS
            /// meaning (empty for custom values); each is justified by the
            /// entry's definition or sources.
            pub fn relations(&self) -> &'static [$crate::vocabulary::StandardRelation] {
                #[allow(unused_imports)]
                use $crate::vocabulary::{Kind, RelationKind, StandardRelation};
                match self {
                    $($name::$variant => {
                        const RELATIONS: &[StandardRelation] = &[
                            $($(StandardRelation::new(RelationKind::$rel, Kind::$rkind, $rcode)),*)?
                        ];
                        RELATIONS
                    })*
                    $name::Custom(_) => &[],
                }
            }
        }

        impl $crate::vocabulary::sealed::Sealed for $name {}

        impl $crate::vocabulary::Vocabulary for $name {
            const KIND: $crate::vocabulary::Kind = $crate::vocabulary::Kind::$kind;
            fn all() -> &'static [Self] {
                $name::ALL
            }
            fn from_code(code: &str) -> Result<Self, $crate::vocabulary::InvalidCode> {
                $name::from_code(code)
            }
            fn code(&self) -> &str {
                $name::code(self)
            }
            fn label(&self) -> &str {
                $name::label(self)
            }
            fn definition(&self) -> Option<&'static str> {
                $name::definition(self)
            }
            fn sources(&self) -> &'static [$crate::vocabulary::Source] {
                $name::sources(self)
            }
            fn mappings(&self) -> $crate::vocabulary::Mappings {
                self.mapping()
                    .map($crate::vocabulary::Mapping::mappings)
                    .unwrap_or_default()
            }
            fn relations(&self) -> &'static [$crate::vocabulary::StandardRelation] {
                $name::relations(self)
            }
        }

        code_string_traits!($name, $crate::vocabulary::InvalidCode);

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str($crate::vocabulary::code::CodeVisitor::<$name>::new())
            }
        }

        json_schema_impl!($name, |generator| {
            $crate::vocabulary::schema::vocabulary_schema::<$name>()
        });
    };
}

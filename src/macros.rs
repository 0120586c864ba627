//! The two table macros every code-valued enum in the crate is declared with.
//!
//! Each enum is written once, as a table of `Variant = "code"` rows; the macros
//! derive the enum, its accessors, the list of entries, `FromStr`, `Display`
//! and serde from that table, so the code a value is parsed from, displayed as
//! and serialized as can never disagree.

/// `Display`, `AsRef<str>`, `FromStr` and `Serialize` for a string newtype
/// `T(Box<str>)` whose `T::new` checks its input: the text is displayed and
/// serialized as is, and parsed through the same check as `new`.
macro_rules! checked_string {
    ($name:ident, $err:ty) => {
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = $err;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::new(s)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }
    };
}

/// `Display`, `FromStr` and `Serialize` through the type's `code()` and
/// `from_code()`, shared by both table macros so the three always agree.
macro_rules! code_string_traits {
    ($name:ident, $err:ty) => {
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $err;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::from_code(s)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }
    };
}

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
                    mapping: $mapping:expr $(,)?
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
            /// Kept exactly as read and serialized back unchanged. Build one with
            #[doc = concat!("[`", stringify!($name), "::from_code`],")]
            /// which returns the known variant for a known code.
            Custom($crate::vocabulary::Code),
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
                    _ => match $crate::vocabulary::code::check(code) {
                        Ok(()) => Ok($name::Custom($crate::vocabulary::Code::new_unchecked(code))),
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

            /// The seed papers that report this entry (empty for custom values).
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
        }

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
        }

        code_string_traits!($name, $crate::vocabulary::InvalidCode);

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str($crate::vocabulary::code::CodeVisitor::<$name>::new())
            }
        }

        #[cfg(feature = "json-schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($name))
            }
            fn schema_id() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(concat!(module_path!(), "::", stringify!($name)))
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                $crate::schema::vocabulary_schema::<$name>()
            }
        }
    };
}

/// A *closed* set of codes (framework categories, severities): a plain enum
/// whose unknown codes are errors. Same table form as `vocabulary!`, without
/// definitions, sources or a custom variant.
macro_rules! closed_codes {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : kind $kind:literal {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $code:literal, $label:literal
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        ///
        /// Serializes as its code string; [`FromStr`](std::str::FromStr),
        /// [`Display`](std::fmt::Display) and serde all use the same code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $(
                #[doc = concat!("**", $label, "** (`", $code, "`).")]
                $(#[$vmeta])*
                $variant,
            )*
        }

        impl $name {
            /// Every value, in table order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The wire code.
            pub const fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)*
                }
            }

            /// The human label.
            pub const fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)*
                }
            }

            /// Parses a code.
            ///
            /// # Errors
            ///
            /// [`UnknownCode`](crate::vocabulary::UnknownCode) naming the code
            /// and listing the codes allowed.
            pub fn from_code(code: &str) -> Result<Self, $crate::vocabulary::UnknownCode> {
                match code {
                    $($code => Ok($name::$variant),)*
                    _ => Err($crate::vocabulary::UnknownCode::new($kind, code, &[$($code),*])),
                }
            }
        }

        code_string_traits!($name, $crate::vocabulary::UnknownCode);

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct V;
                impl serde::de::Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("a ", $kind, " code"))
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        $name::from_code(v).map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(V)
            }
        }
    };
}

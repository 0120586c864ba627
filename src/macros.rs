//! The table macros for code-valued enums and checked string newtypes,
//! shared by every layer. Open vocabularies have a macro of their own in
//! `vocabulary/macros.rs`.
//!
//! Each enum is written once, as a table of `Variant = "code"` rows; the macros
//! derive the enum, its accessors, the list of entries, `FromStr`, `Display`
//! and serde from that table, so the code a value is parsed from, displayed as
//! and serialized as can never disagree.
//!
//! These expansions may name only the leaf utilities (`$crate::util`): the
//! macros are used from the bottom layers up.

/// The conversions of a checked string newtype `T(Box<str>)` whose `T::new`
/// checks its input: `Display`, `AsRef<str>`, `Serialize` (the text as is),
/// `FromStr`, `TryFrom<&str>` and `TryFrom<String>` (through the same check
/// as `new`), and `into_string`. With `deserialize`, also a `Deserialize`
/// through the same check; without, the type writes its own (a lenient one).
macro_rules! checked_string {
    ($name:ident, $err:ty, deserialize) => {
        checked_string!($name, $err);

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                $name::new(s.into_owned()).map_err(serde::de::Error::custom)
            }
        }
    };
    ($name:ident, $err:ty) => {
        impl $name {
            /// The text, unwrapped.
            pub fn into_string(self) -> String {
                self.0.into_string()
            }
        }

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

        impl TryFrom<&str> for $name {
            type Error = $err;
            fn try_from(s: &str) -> Result<Self, Self::Error> {
                $name::new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = $err;
            fn try_from(s: String) -> Result<Self, Self::Error> {
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

/// A hand-written `JsonSchema` impl (feature `json-schema`): the name, the
/// id from the module path, and the schema from `$body`, which may use the
/// generator bound to `$generator`.
macro_rules! json_schema_impl {
    ($name:ident, |$generator:ident| $body:expr) => {
        #[cfg(feature = "json-schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($name))
            }
            fn schema_id() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(concat!(module_path!(), "::", stringify!($name)))
            }
            #[allow(unused_variables)]
            fn json_schema($generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                $body
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
            pub fn from_code(code: &str) -> Result<Self, $crate::util::code::UnknownCode> {
                match code {
                    $($code => Ok($name::$variant),)*
                    _ => Err($crate::util::code::UnknownCode::new($kind, code, &[$($code),*])),
                }
            }
        }

        code_string_traits!($name, $crate::util::code::UnknownCode);

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

/// An *open* set of codes without definitions (the issue codes, the
/// severities): the same table form as `closed_codes!`, plus a `Custom`
/// variant that keeps any well-formed code this version does not know, so a
/// report written by a newer version reads back whole. Only a malformed code
/// is an error.
macro_rules! open_codes {
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
        /// [`Display`](std::fmt::Display) and serde all use the same code. A
        /// well-formed code this version does not know parses as
        #[doc = concat!("[`", stringify!($name), "::Custom`]")]
        /// and is written back unchanged.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $(
                #[doc = concat!("**", $label, "** (`", $code, "`).")]
                $(#[$vmeta])*
                $variant,
            )*
            /// A well-formed code this version does not know (a newer
            /// version's), kept as read.
            Custom($crate::util::code::CustomCode<$name>),
        }

        impl $name {
            /// Every known value, in table order (never includes `Custom`).
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

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

            /// Whether this is a code this version does not know.
            pub fn is_custom(&self) -> bool {
                matches!(self, $name::Custom(_))
            }

            /// Parses a code: a known code gives its variant, any other
            /// well-formed code gives `Custom`.
            ///
            /// # Errors
            ///
            /// [`InvalidCode`](crate::vocabulary::InvalidCode) when `code` is
            /// not `^[a-z][a-z0-9_]*$` or is too long.
            pub fn from_code(code: &str) -> Result<Self, $crate::util::code::InvalidCode> {
                match code {
                    $($code => Ok($name::$variant),)*
                    _ => match $crate::util::code::check(code) {
                        Ok(()) => Ok($name::Custom($crate::util::code::CustomCode::new_unchecked(code))),
                        Err(problem) => Err($crate::util::code::InvalidCode::for_kind($kind, code, problem)),
                    },
                }
            }
        }

        code_string_traits!($name, $crate::util::code::InvalidCode);

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

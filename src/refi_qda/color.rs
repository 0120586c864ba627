//! Code and link colours (`RGBType`).

use std::fmt;
use std::str::FromStr;

/// A colour, `#RRGGBB`.
///
/// The XSD's `RGBType` also allows the short `#RGB`; it is read as the
/// colour it abbreviates (`#f0a` is `#FF00AA`). Output is always the six-digit
/// upper-case form, the one most producers write.
///
/// ```
/// use peer_support::refi_qda::Color;
///
/// let c: Color = "#ffff00".parse()?;
/// assert_eq!(c, Color::rgb(255, 255, 0));
/// assert_eq!(c.to_string(), "#FFFF00");
/// assert_eq!("#f0a".parse::<Color>()?.to_string(), "#FF00AA");
/// # Ok::<(), peer_support::refi_qda::ColorError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Color {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
}

/// A string that is not an `RGBType` colour.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a colour: expected #RRGGBB or #RGB")]
pub struct ColorError {
    /// The offending text (cut to 80 bytes).
    pub value: String,
}

impl Color {
    /// The colour with these components.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Color { r, g, b }
    }

    /// Parses `#RRGGBB` or `#RGB`, either case, ignoring surrounding XML
    /// whitespace (the XSD type is an `xsd:token`).
    ///
    /// # Errors
    ///
    /// [`ColorError`] for anything else.
    pub fn parse(text: &str) -> Result<Self, ColorError> {
        let error = || ColorError {
            value: crate::util::truncate(text, 80).to_owned(),
        };
        let trimmed = text.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'));
        let hex = trimmed.strip_prefix('#').ok_or_else(error)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(error());
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).map_err(|_| error());
        match hex.len() {
            6 => {
                let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| error());
                Ok(Color::rgb(byte(0)?, byte(2)?, byte(4)?))
            }
            3 => Ok(Color::rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            _ => Err(error()),
        }
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }
}

impl FromStr for Color {
    type Err = ColorError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Color::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_and_short_forms() {
        assert_eq!(Color::parse("#F00082").unwrap(), Color::rgb(0xF0, 0, 0x82));
        assert_eq!(
            Color::parse(" #33cc33 ").unwrap(),
            Color::rgb(0x33, 0xCC, 0x33)
        );
        assert_eq!(Color::parse("#abc").unwrap(), Color::rgb(0xAA, 0xBB, 0xCC));
        assert_eq!(Color::rgb(1, 2, 255).to_string(), "#0102FF");
    }

    #[test]
    fn malformed_colours_are_refused() {
        for bad in [
            "", "#", "red", "FF0000", "#12345", "#1234567", "#GG0000", "#+1+2+3", "#ééé",
        ] {
            assert!(Color::parse(bad).is_err(), "{bad}");
        }
    }
}

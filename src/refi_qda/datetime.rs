//! `xsd:dateTime` and `xsd:date` values, checked but kept as written.
//!
//! REFI-QDA stamps creation and modification times and allows date-valued
//! variables. The layer keeps them as the text the producer wrote (a time
//! zone, fractional seconds or its absence all survive a round trip) and only
//! checks the lexical form, so that what it writes always validates against
//! the XSD. Converting to a calendar type is left to the caller.

use std::fmt;
use std::str::FromStr;

/// An `xsd:dateTime`: `[-]YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm]`.
///
/// ```
/// use peer_support::refi_qda::XsdDateTime;
///
/// let t: XsdDateTime = "2018-03-27T17:46:39Z".parse()?;
/// assert_eq!(t.as_str(), "2018-03-27T17:46:39Z");
/// assert!("2018-03-27 17:46:39".parse::<XsdDateTime>().is_err());
/// assert!("2019-02-29T00:00:00".parse::<XsdDateTime>().is_err()); // not a leap year
/// # Ok::<(), peer_support::refi_qda::DateTimeError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct XsdDateTime(Box<str>);

/// An `xsd:date`: `[-]YYYY-MM-DD[Z|±hh:mm]`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct XsdDate(Box<str>);

/// Text that is not an `xsd:dateTime` (or `xsd:date`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not an xsd:{kind}")]
pub struct DateTimeError {
    /// `"dateTime"` or `"date"`.
    pub kind: &'static str,
    /// The offending text (cut to 80 bytes).
    pub value: String,
}

fn trim_token(text: &str) -> &str {
    text.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
}

impl XsdDateTime {
    /// Checks and keeps `text` (without surrounding whitespace).
    ///
    /// # Errors
    ///
    /// [`DateTimeError`] when the text is not an `xsd:dateTime`, including
    /// impossible dates such as 30 February.
    pub fn new(text: &str) -> Result<Self, DateTimeError> {
        checked(text, "dateTime", |t| {
            date_part(t)
                .and_then(|rest| rest.strip_prefix('T'))
                .and_then(time_part)
                .is_some_and(timezone)
        })
        .map(XsdDateTime)
    }
}

impl XsdDate {
    /// Checks and keeps `text` (without surrounding whitespace).
    ///
    /// # Errors
    ///
    /// [`DateTimeError`] when the text is not an `xsd:date`.
    pub fn new(text: &str) -> Result<Self, DateTimeError> {
        checked(text, "date", |t| date_part(t).is_some_and(timezone)).map(XsdDate)
    }
}

/// `text` without surrounding whitespace, if `valid` accepts it.
fn checked(
    text: &str,
    kind: &'static str,
    valid: impl FnOnce(&str) -> bool,
) -> Result<Box<str>, DateTimeError> {
    let t = trim_token(text);
    if valid(t) {
        Ok(t.into())
    } else {
        Err(DateTimeError {
            kind,
            value: crate::util::truncate(text, 80).to_owned(),
        })
    }
}

/// `as_str`, `Display` and `FromStr` (through `new`) for a checked text value.
macro_rules! text_value {
    ($name:ident) => {
        impl $name {
            /// The value as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl FromStr for $name {
            type Err = DateTimeError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::new(s)
            }
        }
    };
}

text_value!(XsdDateTime);
text_value!(XsdDate);

/// Exactly `n` ASCII digits at the start of `s`, as a number, and the rest.
fn digits(s: &str, n: usize) -> Option<(u32, &str)> {
    let head = s.get(..n)?;
    if !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((head.parse().ok()?, &s[n..]))
}

/// `[-]YYYY-MM-DD`; returns what follows.
fn date_part(s: &str) -> Option<&str> {
    let s = s.strip_prefix('-').unwrap_or(s);
    let year_len = s.bytes().take_while(u8::is_ascii_digit).count();
    // Four digits at least; more only without a leading zero; no year 0000.
    if year_len < 4 || (year_len > 4 && s.starts_with('0')) || year_len > 9 {
        return None;
    }
    let (year, rest) = digits(s, year_len)?;
    if year == 0 {
        return None;
    }
    let (month, rest) = digits(rest.strip_prefix('-')?, 2)?;
    let (day, rest) = digits(rest.strip_prefix('-')?, 2)?;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then_some(rest)
}

/// `hh:mm:ss[.f+]`; returns what follows. `24:00:00` is allowed, as in XSD.
fn time_part(s: &str) -> Option<&str> {
    let (hour, rest) = digits(s, 2)?;
    let (minute, rest) = digits(rest.strip_prefix(':')?, 2)?;
    let (second, mut rest) = digits(rest.strip_prefix(':')?, 2)?;
    let mut fraction_nonzero = false;
    if let Some(frac) = rest.strip_prefix('.') {
        let len = frac.bytes().take_while(u8::is_ascii_digit).count();
        if len == 0 {
            return None;
        }
        fraction_nonzero = frac[..len].bytes().any(|b| b != b'0');
        rest = &frac[len..];
    }
    let ok = if hour == 24 {
        minute == 0 && second == 0 && !fraction_nonzero
    } else {
        hour < 24 && minute < 60 && second < 60
    };
    ok.then_some(rest)
}

/// Nothing, `Z` or `±hh:mm` (at most ±14:00), and nothing after.
fn timezone(s: &str) -> bool {
    if s.is_empty() || s == "Z" {
        return true;
    }
    let Some(rest) = s.strip_prefix('+').or_else(|| s.strip_prefix('-')) else {
        return false;
    };
    let Some((hour, rest)) = digits(rest, 2) else {
        return false;
    };
    let Some((minute, rest)) = rest.strip_prefix(':').and_then(|r| digits(r, 2)) else {
        return false;
    };
    rest.is_empty() && minute < 60 && (hour < 14 || (hour == 14 && minute == 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times_producers_write() {
        for ok in [
            "2018-03-27T17:46:39Z",
            "2018-10-04T22:56:11",
            "2018-10-04T22:56:11.1234",
            "2018-10-04T22:56:11+02:00",
            "2018-10-04T22:56:11-14:00",
            "2000-02-29T24:00:00",
            "-0044-03-15T12:00:00",
            "12019-01-01T00:00:00Z",
            " 2018-03-27T17:46:39Z\n",
        ] {
            let t = XsdDateTime::new(ok).unwrap();
            assert_eq!(t.as_str(), ok.trim());
        }
    }

    #[test]
    fn malformed_date_times_are_refused() {
        for bad in [
            "",
            "2018-03-27",
            "2018-03-27 17:46:39",
            "2018-3-27T17:46:39",
            "0000-01-01T00:00:00",
            "02018-01-01T00:00:00",
            "2018-13-01T00:00:00",
            "2018-04-31T00:00:00",
            "1900-02-29T00:00:00",
            "2018-01-01T24:00:01",
            "2018-01-01T23:60:00",
            "2018-01-01T23:00:00.",
            "2018-01-01T23:00:00+15:00",
            "2018-01-01T23:00:00+1:00",
            "2018-01-01T23:00:00ZZ",
            "2018-01-01T23:00:00 Z",
            "２018-01-01T00:00:00",
        ] {
            assert!(XsdDateTime::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(XsdDate::new("2024-02-29").unwrap().as_str(), "2024-02-29");
        assert!(XsdDate::new("2024-02-29Z").is_ok());
        assert!(XsdDate::new("2023-02-29").is_err());
        assert!(XsdDate::new("2023-02-28T00:00:00").is_err());
    }
}

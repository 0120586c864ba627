//! Dates as precise as a paper gives them: a year, a month, or a day.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date of a year (`"2012"`), a month (`"2012-01"`) or a day
/// (`"2012-01-31"`): what a paper says when it gives searches "from January
/// 2012 to November 2022".
///
/// Orders by its start (a year before its months, a month before its days).
///
/// ```
/// use peer_support::study::PartialDate;
///
/// let from: PartialDate = "2012-01".parse()?;
/// let to: PartialDate = "2022-11".parse()?;
/// assert!(from < to);
/// assert_eq!(to.to_string(), "2022-11");
/// assert!("2022-13".parse::<PartialDate>().is_err());
/// # Ok::<(), peer_support::study::InvalidPartialDate>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

/// A string that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or names no such
/// month or day.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {found:?}: expected YYYY, YYYY-MM or YYYY-MM-DD, such as \"2022-11\"")]
#[non_exhaustive]
pub struct InvalidPartialDate {
    /// The rejected input, truncated to 64 bytes.
    pub found: String,
}

impl PartialDate {
    /// A whole year.
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// The year.
    pub fn year_number(&self) -> i32 {
        self.year
    }

    /// The month (1-12), when given.
    pub fn month(&self) -> Option<u32> {
        self.month
    }

    /// The day of the month, when given.
    pub fn day(&self) -> Option<u32> {
        self.day
    }

    /// Whether the whole of this date's period is over before `other`'s
    /// begins: what makes a search period run backwards. Dates of different
    /// precision compare at the coarser one where this date is coarser, so
    /// a month does not end before one of its own days.
    ///
    /// ```
    /// use peer_support::study::PartialDate;
    ///
    /// let date = |s: &str| s.parse::<PartialDate>().unwrap();
    /// assert!(date("2022-10").ends_before(&date("2022-11-15")));
    /// assert!(!date("2022-11").ends_before(&date("2022-11-15")));
    /// assert!(!date("2022").ends_before(&date("2022-11")));
    /// assert!(date("2021-12-31").ends_before(&date("2022")));
    /// ```
    pub fn ends_before(&self, other: &PartialDate) -> bool {
        let other_at_this_precision = PartialDate {
            year: other.year,
            month: self.month.and(other.month),
            day: self.day.and(other.day),
        };
        *self < other_at_this_precision
    }
}

impl FromStr for PartialDate {
    type Err = InvalidPartialDate;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || InvalidPartialDate {
            found: crate::util::truncate(s, 64).to_owned(),
        };
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        let parts: Vec<&str> = s.split('-').collect();
        let (year, month, day) = match parts[..] {
            [y] if digits(y, 4) => (y, None, None),
            [y, m] if digits(y, 4) && digits(m, 2) => (y, Some(m), None),
            [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => (y, Some(m), Some(d)),
            _ => return Err(err()),
        };
        let year: i32 = year.parse().map_err(|_| err())?;
        let month = month
            .map(|m| m.parse::<u32>())
            .transpose()
            .map_err(|_| err())?;
        let day = day
            .map(|d| d.parse::<u32>())
            .transpose()
            .map_err(|_| err())?;
        // The day, or the first of the month, must exist.
        NaiveDate::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1)).ok_or_else(err)?;
        Ok(PartialDate { year, month, day })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

json_schema_impl!(PartialDate, |generator| {
    schemars::json_schema!({
        "description": "A date as precise as the paper gives it: a year (YYYY), a month (YYYY-MM) or a day (YYYY-MM-DD). The day must exist in its month: readers refuse 2022-02-30 and 2023-02-29, which the pattern cannot tell from real days.",
        "type": "string",
        "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
        "examples": ["2012-01", "2022"],
    })
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_papers_give_and_nothing_else() {
        for ok in ["2012", "2012-01", "2022-11-30", "2024-02-29"] {
            assert_eq!(ok.parse::<PartialDate>().unwrap().to_string(), ok);
        }
        for bad in [
            "",
            "12",
            "2012-1",
            "2012-13",
            "2012-00",
            "2023-02-29",
            "2012-01-32",
            "2012/01",
            "+2012",
            "2012-01-01-01",
            "２０１２",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad:?}");
        }
        let err = "nope".parse::<PartialDate>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid date \"nope\": expected YYYY, YYYY-MM or YYYY-MM-DD, such as \"2022-11\""
        );
    }

    #[test]
    fn orders_by_start() {
        let d = |s: &str| s.parse::<PartialDate>().unwrap();
        assert!(d("2012") < d("2012-01"));
        assert!(d("2012-01") < d("2012-01-01"));
        assert!(d("2012-12-31") < d("2013"));
    }
}

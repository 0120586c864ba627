//! Dates and years that cannot be right, and interview rounds beyond the
//! study's.

use super::Validator;
use crate::diagnostics::{Issue, IssueCode};
use chrono::{Datelike, NaiveDate};

use crate::diagnostics::pointer::Path;
use crate::study::{Citation, DataSource, Study};

/// The earliest year a study date may carry: qualitative research on peer
/// support workers postdates it by decades, so anything earlier is a typo.
const EARLIEST_YEAR: i32 = 1900;
/// The latest year a study date may carry. A fixed bound keeps validation
/// deterministic (it never reads the clock).
const LATEST_YEAR: i32 = 2200;

impl Validator<'_> {
    /// The study's citation: DOI syntax, year and publication date.
    pub(super) fn citation(&mut self, study: &Study, path: &Path<'_>) {
        self.cited(&study.citation, path);
    }

    /// A citation's DOI syntax, year and publication date.
    pub(super) fn cited(&mut self, citation: &Citation, path: &Path<'_>) {
        if let Some(doi) = &citation.doi {
            if !doi.is_valid() {
                self.report.push(Issue::error(
                    IssueCode::InvalidDoi,
                    path.key("doi").to_pointer(),
                    format!(
                        "{:?} is not a DOI: expected \"10.<registrant>/<suffix>\", e.g. \"10.1111/hex.13151\"",
                        crate::util::truncate(doi.as_str(), 200)
                    ),
                ));
            }
        }
        if let Some(year) = citation.year {
            self.year(year, &path.key("year"));
        }
        if let Some(published) = citation.published {
            self.date(published, &path.key("published"));
        }
    }

    /// A source's interview round within the study's number of rounds.
    pub(super) fn round(&mut self, source: &DataSource, study: &Study, path: &Path<'_>) {
        if let (Some(round), Some(rounds)) = (source.round, study.design.interview_rounds) {
            if round == 0 || round > rounds {
                self.report.push(Issue::error(
                    IssueCode::RoundOutOfRange,
                    path.to_pointer(),
                    format!(
                        "round {round} is outside the study's {rounds} interview round(s), counted from 1"
                    ),
                ));
            }
        }
    }

    /// A source's date: plausible, and not after the study was published.
    pub(super) fn source_date(&mut self, source: &DataSource, study: &Study, path: &Path<'_>) {
        let Some(date) = source.date else {
            return;
        };
        self.date(date, path);
        if let Some(published) = study.citation.published {
            if date > published {
                self.report.push(Issue::error(
                    IssueCode::DateOutOfRange,
                    path.to_pointer(),
                    format!(
                        "data collected on {date}, after the study was published on {published}"
                    ),
                ));
            }
        }
    }

    /// A year within the bounds every date of a document keeps to.
    pub(super) fn year(&mut self, year: i32, path: &Path<'_>) {
        if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&year) {
            self.report.push(Issue::error(
                IssueCode::DateOutOfRange,
                path.to_pointer(),
                format!("year {year} is outside {EARLIEST_YEAR}-{LATEST_YEAR}"),
            ));
        }
    }

    fn date(&mut self, date: NaiveDate, path: &Path<'_>) {
        if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&date.year()) {
            self.report.push(Issue::error(
                IssueCode::DateOutOfRange,
                path.to_pointer(),
                format!("{date} is outside the years {EARLIEST_YEAR}-{LATEST_YEAR}"),
            ));
        }
    }
}

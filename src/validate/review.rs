//! Reviews: review details only on reviews, a sample unit that fits the
//! study, search periods that run forwards, the same study not listed twice.

use std::collections::HashMap;

use super::Validator;
use crate::diagnostics::pointer::Path;
use crate::diagnostics::{Issue, IssueCode};
use crate::study::{Document, Study, StudyKind};
use crate::vocabulary::SampleUnit;

impl Validator<'_> {
    /// The study's kind against its review details and its sample's unit.
    pub(super) fn study_kind(&mut self, study: &Study, path: &Path<'_>) {
        if let StudyKind::Custom(kind) = &study.kind {
            self.report.push(Issue::warning(
                IssueCode::UnknownVocabularyCode,
                path.key("kind").to_pointer(),
                format!(
                    "study kind {:?} is not one this version knows; it is kept as written, and the study is treated as neither primary research nor a review",
                    kind.as_str()
                ),
            ));
        }
        if study.review.is_some() && !study.is_review() {
            self.report.push(Issue::error(
                IssueCode::ReviewDetailsOnPrimary,
                path.key("review").to_pointer(),
                format!(
                    "the study has review details but its kind is {:?}; a study with `review` is a review: set \"kind\": \"review\"",
                    study.kind.code()
                ),
            ));
        }
        let Some(unit) = study.sample.as_ref().and_then(|s| s.unit.as_ref()) else {
            return;
        };
        let mismatch = match (&study.kind, unit) {
            (StudyKind::Review, SampleUnit::Participants) => Some(
                "a review's sample counts what it includes (\"studies\", or \"reviews\" for an umbrella review), not participants",
            ),
            (StudyKind::Primary, SampleUnit::Studies | SampleUnit::Reviews) => Some(
                "primary research counts its participants; only a review counts included studies or reviews",
            ),
            _ => None,
        };
        if let Some(why) = mismatch {
            let sample = path.key("sample");
            self.report.push(Issue::warning(
                IssueCode::SampleUnitMismatch,
                sample.key("unit").to_pointer(),
                format!("the sample counts {}, but {why}", unit.label()),
            ));
        }
    }

    /// A review's search period: plausible years, and an end not before the
    /// start.
    pub(super) fn search_period(&mut self, study: &Study, path: &Path<'_>) {
        let Some(search) = study.review.as_ref().and_then(|r| r.search.as_ref()) else {
            return;
        };
        let at = path.key("review");
        let at = at.key("search");
        for (end, date) in [("from", &search.from), ("to", &search.to)] {
            if let Some(date) = date {
                self.year(date.year_number(), &at.key(end));
            }
        }
        if let (Some(from), Some(to)) = (search.from, search.to) {
            // "2022-11" does not end before "2022-11-15" starts.
            if to.ends_before(&from) {
                self.report.push(Issue::error(
                    IssueCode::DateOutOfRange,
                    at.key("to").to_pointer(),
                    format!("the search ends ({to}) before it starts ({from})"),
                ));
            }
        }
    }

    /// Included studies' citations: DOI syntax and plausible years, as for
    /// studies.
    pub(super) fn included_citations(&mut self, study: &Study, path: &Path<'_>) {
        let Some(review) = &study.review else {
            return;
        };
        let review_path = path.key("review");
        let included = review_path.key("included");
        for (i, s) in review.included.iter().enumerate() {
            self.cited(&s.citation, &included.index(i).key("citation"));
        }
    }
}

/// The studies of the document that share a DOI with an earlier one: one
/// `duplicate_study` warning each, at the later study's DOI.
pub(super) fn duplicate_dois(document: &Document, validator: &mut Validator<'_>) {
    let mut first: HashMap<String, usize> = HashMap::new();
    for (si, study) in document.studies.iter().enumerate() {
        let Some(doi) = study.citation.doi.as_ref().filter(|d| d.is_valid()) else {
            continue;
        };
        // DOIs are case-insensitive (the DOI Handbook, 2.4).
        match first.entry(doi.as_str().to_ascii_lowercase()) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(si);
            }
            std::collections::hash_map::Entry::Occupied(earlier) => {
                validator.report.push(Issue::warning(
                    IssueCode::DuplicateStudy,
                    format!("/studies/{si}/citation/doi"),
                    format!(
                        "DOI {} is also the DOI of /studies/{}: the same study is in the document twice, and synthesis counts it once",
                        doi.as_str(),
                        earlier.get()
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::study::Document;

    /// The search-period issues of a review searched `from` to `to`.
    fn backwards(from: &str, to: &str) -> Vec<String> {
        let json = format!(
            r#"{{"schema": "urn:peer-support:study-document", "schema_version": "1.1.0",
              "studies": [{{"id": "00000000-0000-4000-8000-000000000001", "kind": "review",
                "citation": {{"title": "R"}},
                "review": {{"type": "systematic_review", "search": {{"from": "{from}", "to": "{to}"}}}}}}]}}"#
        );
        let document: Document = serde_json::from_str(&json).unwrap();
        document
            .validate()
            .issues
            .iter()
            .map(|i| format!("{} {}: {}", i.code, i.path, i.message))
            .collect()
    }

    #[test]
    fn a_search_ends_before_it_starts_only_when_its_whole_end_is_earlier() {
        for (from, to) in [
            ("2022-11-15", "2022-11"),
            ("2022-11", "2022"),
            ("2022-11-15", "2022"),
            ("2022", "2022-01"),
            ("2022-11", "2022-11-30"),
        ] {
            assert_eq!(backwards(from, to), Vec::<String>::new(), "{from} to {to}");
        }
        assert_eq!(
            backwards("2022-11-15", "2022-10"),
            [
                "date_out_of_range /studies/0/review/search/to: the search ends (2022-10) before it starts (2022-11-15)"
            ]
        );
        assert_eq!(
            backwards("2022", "2021-12-31"),
            [
                "date_out_of_range /studies/0/review/search/to: the search ends (2021-12-31) before it starts (2022)"
            ]
        );
    }
}

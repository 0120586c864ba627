//! Sample counts: groups that add up to the total, listed participants
//! that do not outnumber them, endorsement counts within the sample.

use std::collections::HashMap;

use super::Validator;
use crate::diagnostics::pointer::Path;
use crate::diagnostics::{Issue, IssueCode};
use crate::study::{Finding, Study};
use crate::vocabulary::SampleUnit;

impl Validator<'_> {
    pub(super) fn sample(&mut self, study: &Study, path: &Path<'_>) {
        let Some(sample) = &study.sample else {
            return;
        };
        let at = path.key("sample");
        let groups = at.key("groups");
        let total_path = || at.key("total").to_pointer();
        // Listed participants per group, counted once: O(participants + groups).
        let mut listed: HashMap<&crate::vocabulary::Stakeholder, u64> = HashMap::new();
        for p in &study.participants {
            *listed.entry(&p.group).or_default() += 1;
        }
        let mut seen = HashMap::with_capacity(sample.groups.len());
        let mut sum: u64 = 0;
        let mut uncounted = 0;
        for (i, g) in sample.groups.iter().enumerate() {
            match g.count {
                Some(count) => sum += u64::from(count),
                None => uncounted += 1,
            }
            if let Some(first) = seen.insert(&g.group, i) {
                self.report.push(Issue::error(
                    IssueCode::DuplicateGroup,
                    groups.index(i).key("group").to_pointer(),
                    format!(
                        "group {} is already counted at {}",
                        g.group,
                        groups.index(first).to_pointer()
                    ),
                ));
            }
            let n = listed.get(&g.group).copied().unwrap_or(0);
            if let Some(count) = g.count.filter(|&c| n > u64::from(c)) {
                self.report.push(Issue::error(
                    IssueCode::SampleSizeMismatch,
                    groups.index(i).key("count").to_pointer(),
                    format!(
                        "{} {} participants are listed, but the sample counts {}",
                        n, g.group, count
                    ),
                ));
            }
        }
        if let Some(total) = sample.total {
            let counted_all = !sample.groups.is_empty() && uncounted == 0;
            if counted_all && sum != u64::from(total) {
                self.report.push(Issue::error(
                    IssueCode::SampleSizeMismatch,
                    total_path(),
                    format!("the groups add up to {sum}, but the total is {total}"),
                ));
            } else if uncounted > 0 && sum > u64::from(total) {
                self.report.push(Issue::error(
                    IssueCode::SampleSizeMismatch,
                    total_path(),
                    format!(
                        "the counted groups already add up to {sum}, more than the total of {total}"
                    ),
                ));
            }
            // What the document lists of the sample: participants, or a
            // review's included studies.
            let unit = study.sample_unit();
            let n = match unit {
                SampleUnit::Participants => study.participants.len(),
                _ => study.review.as_ref().map_or(0, |r| r.included.len()),
            } as u64;
            if n > u64::from(total) {
                self.report.push(Issue::error(
                    IssueCode::SampleSizeMismatch,
                    total_path(),
                    format!("{} are listed, but the total is {total}", unit.count(n)),
                ));
            }
        }
    }

    /// A finding's endorsement within the study's sample: its count, its
    /// contributing studies and its percentage. `path` is the finding's.
    pub(super) fn endorsement(&mut self, finding: &Finding, study: &Study, path: &Path<'_>) {
        let unit = study.sample_unit();
        let whole = if study.is_review() {
            "the review included"
        } else {
            "the study had"
        };
        let total = sample_total(study);
        if let (Some(count), Some(total)) = (finding.endorsement_count, total) {
            if count > total {
                self.report.push(Issue::error(
                    IssueCode::CountExceedsSample,
                    path.key("endorsement_count").to_pointer(),
                    format!(
                        "{} endorse the finding, but {whole} {total}",
                        unit.count(u64::from(count))
                    ),
                ));
            }
        }
        let contributing = finding.contributing.len() as u64;
        if let Some(total) = total.filter(|&t| contributing > u64::from(t)) {
            self.report.push(Issue::error(
                IssueCode::CountExceedsSample,
                path.key("contributing").to_pointer(),
                format!(
                    "{} contribute to the finding, but {whole} {total}",
                    unit.count(contributing)
                ),
            ));
        }
        if let Some(percent) = finding.endorsement_percent.filter(|&p| p > 100) {
            self.report.push(Issue::error(
                IssueCode::CountExceedsSample,
                path.key("endorsement_percent").to_pointer(),
                format!("{percent}% endorse the finding, more than the whole sample"),
            ));
        }
    }
}

fn sample_total(study: &Study) -> Option<u32> {
    study.sample.as_ref()?.size()
}

//! GRADE-CERQual assessments: only on review findings, every judgement
//! explained, and an overall confidence that agrees with its components.

use super::Validator;
use crate::diagnostics::pointer::Path;
use crate::diagnostics::{Issue, IssueCode};
use crate::study::{CERQUAL_COMPONENTS, Finding, Study};
use crate::vocabulary::CerqualConfidence;

impl Validator<'_> {
    /// The finding's assessment, at `path` (the finding).
    pub(super) fn cerqual(&mut self, finding: &Finding, study: &Study, path: &Path<'_>) {
        let Some(cerqual) = &finding.cerqual else {
            return;
        };
        let at = path.key("cerqual");
        if !study.is_review() {
            self.report.push(Issue::error(
                IssueCode::CerqualOnPrimaryFinding,
                at.to_pointer(),
                "GRADE-CERQual assesses findings of reviews; this study is not a review (set \"kind\": \"review\" if it is one)",
            ));
        }
        let mut assessed = 0;
        for ((name, label), component) in CERQUAL_COMPONENTS.iter().zip(cerqual.components()) {
            let Some(component) = component else {
                continue;
            };
            assessed += 1;
            if component.explanation.is_none() {
                self.report.push(Issue::warning(
                    IssueCode::CerqualMissingExplanation,
                    at.key(name).to_pointer(),
                    format!(
                        "{label}: {} without an explanation; GRADE-CERQual explains every judgement",
                        component.concern.label().to_lowercase()
                    ),
                ));
            }
        }
        match &cerqual.confidence {
            Some(confidence) => {
                if cerqual.explanation.is_none() {
                    self.report.push(Issue::warning(
                        IssueCode::CerqualMissingExplanation,
                        at.key("confidence").to_pointer(),
                        format!(
                            "{} without an explanation; GRADE-CERQual explains the overall assessment",
                            confidence.label().to_lowercase()
                        ),
                    ));
                }
                if *confidence == CerqualConfidence::High {
                    if let Some((i, worst)) = cerqual.most_serious_concern() {
                        if worst.concern.rank() == Some(3) {
                            let (name, label) = CERQUAL_COMPONENTS[i];
                            self.report.push(Issue::warning(
                                IssueCode::CerqualInconsistent,
                                at.key("confidence").to_pointer(),
                                format!(
                                    "high confidence, although there are {} about {} (at {}): an assessment starts at high and is rated down for concerns",
                                    worst.concern.label().to_lowercase(),
                                    label.to_lowercase(),
                                    at.key(name).to_pointer()
                                ),
                            ));
                        }
                    }
                }
            }
            None if assessed > 0 => {
                self.report.push(Issue::warning(
                    IssueCode::CerqualIncomplete,
                    at.to_pointer(),
                    format!(
                        "{} assessed but no overall confidence (`confidence`: high, moderate, low or very_low)",
                        match assessed {
                            1 => "1 component".to_owned(),
                            n => format!("{n} components"),
                        }
                    ),
                ));
            }
            None => {}
        }
    }
}

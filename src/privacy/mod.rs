//! Personal data: the detectors, the `possible_personal_data` lint built on
//! them, and redaction for sharing.
//!
//! The detectors are crate-private: their public face is the warning
//! ([`IssueCode::PossiblePersonalData`](crate::diagnostics::IssueCode::PossiblePersonalData)),
//! so they can be tuned without a breaking change.

mod detect;
pub(crate) mod lint;
pub mod redact;

use detect::{PersonalData, scan};

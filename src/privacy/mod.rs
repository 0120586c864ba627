//! Personal data in free text: the detectors behind the
//! `possible_personal_data` validation warning.
//!
//! Crate-private for now: the public face of this module is the warning
//! ([`IssueCode::PossiblePersonalData`](crate::validate::IssueCode::PossiblePersonalData)),
//! so the detectors can be tuned without a breaking change.

mod detect;

pub(crate) use detect::{PersonalData, scan};

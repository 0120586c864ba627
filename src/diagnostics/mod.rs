//! Diagnostics: the issues validation and reading report, each with a
//! severity, a stable code and a JSON Pointer to the offending value, and the
//! report that collects them.
//!
//! Everything else in the crate builds on this module; it depends on nothing
//! but the table macros and the leaf utilities.

mod code;
mod issue;
mod one_line;
pub(crate) mod pointer;
mod report;
mod severity;

pub use code::IssueCode;
pub use issue::Issue;
pub use one_line::one_line;
pub use report::Report;
pub use severity::Severity;

//! # peer-support
//!
//! One typed, validated, versioned data model for mental-health peer support
//! research and services.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[macro_use]
mod macros;

// The layers, bottom to top: each module uses only those declared before
// it (tests/layers.rs checks this, and so that there is no import cycle).
// Each sits in a block of its own so that rustfmt keeps this order.

// Leaf utilities: truncation, hashing, code strings, strict JSON values.
mod util;
// Issues, severities, reports, JSON Pointers.
pub mod diagnostics;
// The codebook's vocabularies and the frameworks they map to.
pub mod vocabulary;
// The model: studies and the document value.
pub mod study;
// Personal-data detection, the lint, redaction.
mod privacy;
// Validation.
pub mod validate;
// The versioned JSON format: envelope, read, write, migrate.
pub mod document;
// Consumers of the model.
pub mod codebook;
// Cross-study synthesis.
pub mod synthesis;
// The bundled studies.
pub mod catalog;
// The JSON Schema of the format.
#[cfg(feature = "json-schema")]
#[cfg_attr(docsrs, doc(cfg(feature = "json-schema")))]
pub mod schema;
// Synthetic corpora for benchmarks.
#[cfg(feature = "synthetic")]
#[cfg_attr(docsrs, doc(cfg(feature = "synthetic")))]
pub mod synthetic;

pub use privacy::redact;

pub use codebook::Codebook;
pub use diagnostics::{Issue, IssueCode, Report, Severity};
pub use document::{Document, Loaded, ReadError, from_reader, from_slice, from_str};
pub use redact::RedactionLevel;
#[doc(hidden)]
pub use validate::validate;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

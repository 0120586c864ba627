//! # peer-support
//!
//! One typed, validated, versioned data model for mental-health peer support
//! research and services.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[macro_use]
mod macros;

pub mod catalog;
pub mod codebook;
pub mod document;
mod privacy;
pub mod redact;
#[cfg(feature = "refi-qda")]
pub mod refi_qda;
#[cfg(feature = "json-schema")]
pub mod schema;
pub mod study;
pub mod synthesis;
pub mod synthetic;
mod util;
pub mod validate;
pub mod vocabulary;

pub use codebook::Codebook;
pub use document::Document;
pub use redact::RedactionLevel;
pub use validate::{Report, validate};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

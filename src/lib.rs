//! # peer-support
//!
//! One typed, validated, versioned data model for mental-health peer support
//! research and services.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[macro_use]
mod macros;

pub mod codebook;
pub mod vocabulary;

pub use codebook::Codebook;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

//! # peer-support
//!
//! One typed, validated, versioned data model for mental-health **peer
//! support** research: the roles, values, facilitators, barriers and
//! outcomes of peer support work, the studies that report them, and a
//! stable JSON format that other tools and languages read and write.
//!
//! Research on peer support workers is qualitative and scattered: each study
//! names what it found in its own words. This crate gives the field one
//! codebook, in which every concept has a stable code, a label, a
//! definition, the papers that report it and its place in CFIR 2.0 or
//! CHIME; a study model that links findings to those concepts with the
//! evidence behind them; validation that reports every problem at once with
//! a JSON Pointer; and synthesis that lines studies up concept by concept.
//!
//! ## Quick start
//!
//! Read a document, look at what validation found, and write it back in
//! canonical form:
//!
//! ```
//! let json = r#"{
//!   "schema": "urn:peer-support:study-document",
//!   "schema_version": "1.0.0",
//!   "studies": [{
//!     "id": "a0000000-0000-4000-8000-000000000001",
//!     "citation": {"title": "Barriers and facilitators to peer support", "doi": "10.1186/s12888-025-06850-z"},
//!     "findings": [{
//!       "id": "f0000000-0000-4000-8000-000000000001",
//!       "statement": "Supervision helped peer support workers in their role.",
//!       "concepts": [{"kind": "facilitator", "code": "supervision", "stance": "facilitator"}]
//!     }]
//!   }]
//! }"#;
//! let loaded = peer_support::from_str(json)?;
//! assert!(loaded.report.is_empty(), "{}", loaded.report);
//!
//! let finding = &loaded.document.studies[0].findings[0];
//! assert_eq!(finding.concepts[0].concept.label(), "Supervision");
//!
//! let canonical = loaded.document.to_json_pretty();
//! assert_eq!(peer_support::from_str(&canonical)?.document, loaded.document);
//! # Ok::<(), peer_support::ReadError>(())
//! ```
//!
//! Validation runs as part of reading ([`from_str`], [`from_slice`],
//! [`from_reader`], and [`ReadOptions`](document::ReadOptions) for strict
//! mode). For a document built or changed in code, call
//! [`Document::validate`]: it returns the same [`Report`].
//!
//! ## Modules
//!
//! Listed bottom to top: each module builds only on those before it.
//!
//! | module | what it holds |
//! |---|---|
//! | [`diagnostics`] | [`Issue`], [`IssueCode`], [`Severity`], [`Report`]: what validation and reading report |
//! | [`vocabulary`] | the codebook's vocabularies as typed enums, and the frameworks (CFIR 2.0, CHIME) they map to |
//! | [`study`] | the model: [`Document`], studies, citations, participants, sources, excerpts, themes, findings |
//! | [`redact`] | shareable copies without participants' words or records |
//! | [`validate`](mod@validate) | the checks behind [`Document::validate`] |
//! | [`document`] | the versioned JSON format: envelope, reading, canonical writing, migrations |
//! | [`codebook`] | every vocabulary entry as data, as JSON or Markdown |
//! | [`synthesis`] | the cross-study evidence matrix |
//! | [`catalog`] | the bundled seed studies and reviews, read through the public reader |
//! | `schema` | the JSON Schema of the format (feature `json-schema`) |
//! | `synthetic` | deterministic synthetic corpora for benchmarks (feature `synthetic`) |
//! | `refi_qda` | a typed mirror of REFI-QDA codebooks and projects, independent of the model (feature `refi-qda`) |
//! | `interchange` | the mapping between documents and REFI-QDA codebooks and projects (feature `refi-qda`) |
//! | `report` | the evidence report as one self-contained HTML page (feature `report`) |
//!
//! ## Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `json-schema` | no | `peer_support::schema::json_schema()`, the JSON Schema generated from the types (schemars) |
//! | `cli` | no | the `peer-support` command-line binary (clap); turns on `report` |
//! | `report` | no | `peer_support::report::render`, the evidence report as one HTML page (maud), and `peer-support report` |
//! | `refi-qda` | no | `peer_support::refi_qda` and `peer_support::interchange::refi`: REFI-QDA `.qdc` and `.qdpx` (quick-xml, zip), and the `qdc`, `import-qdpx` and `export-qdpx` commands |
//! | `synthetic` | no | `peer_support::synthetic`, a generator of realistic documents for benchmarks and load tests, and `peer-support generate` |
//!
//! ## The format
//!
//! `docs/format.md` in the repository is the contract of the JSON format:
//! fields, versioning, canonical form and issue codes. The JSON Schema and
//! the code list of each format version are checked in under
//! `docs/schema/{MAJOR}.{MINOR}/` (format 1.0:
//! `docs/schema/1.0/peer-support.schema.json` and `codes.json`); those of a
//! released version are frozen, pinned by `docs/schema/SHA256SUMS`.
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
// The bundled studies and reviews.
pub mod catalog;
// The JSON Schema of the format.
#[cfg(feature = "json-schema")]
#[cfg_attr(docsrs, doc(cfg(feature = "json-schema")))]
pub mod schema;
// Synthetic corpora for benchmarks.
#[cfg(feature = "synthetic")]
#[cfg_attr(docsrs, doc(cfg(feature = "synthetic")))]
pub mod synthetic;
// REFI-QDA exchange files (.qdc, .qdpx).
#[cfg(feature = "refi-qda")]
#[cfg_attr(docsrs, doc(cfg(feature = "refi-qda")))]
pub mod refi_qda;
// The mapping between the model and other tools' formats (REFI-QDA).
#[cfg(feature = "refi-qda")]
#[cfg_attr(docsrs, doc(cfg(feature = "refi-qda")))]
pub mod interchange;
// The evidence report as one HTML page.
#[cfg(feature = "report")]
#[cfg_attr(docsrs, doc(cfg(feature = "report")))]
pub mod report;

pub use privacy::redact;

pub use codebook::Codebook;
pub use diagnostics::{Issue, IssueCode, Report, Severity};
pub use document::{Document, Loaded, ReadError, from_reader, from_slice, from_str};
pub use redact::{Redaction, RedactionLevel};
// The free function is kept for code written against earlier releases; the
// documented way is `Document::validate`.
#[doc(hidden)]
pub use validate::validate;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

//! The versioned JSON format: the envelope (`schema`, `schema_version`),
//! reading with version checks, migration and error positions, canonical
//! writing, and migrations.
//!
//! ```
//! use peer_support::document;
//!
//! let json = r#"{"schema": "urn:peer-support:study-document", "schema_version": "1.0.0", "studies": []}"#;
//! let loaded = document::from_str(json)?;
//! assert!(!loaded.report.has_errors());
//!
//! // Canonical output: the same value always gives the same bytes, written as
//! // the current version (an older 1.x document is one).
//! let pretty = loaded.document.to_json_pretty();
//! assert_eq!(pretty, "{\n  \"schema\": \"urn:peer-support:study-document\",\n  \"schema_version\": \"1.1.0\",\n  \"studies\": []\n}\n");
//! # Ok::<(), document::ReadError>(())
//! ```

mod envelope;
mod error;
mod load;
mod migrate;
mod read;
mod version;
mod write;

pub use crate::study::Document;
pub use error::{JsonError, ReadError};
pub use load::{from_reader, from_slice, from_str};
pub use migrate::{MIGRATIONS, Migration, MigrationError, migrate};
pub use read::{Loaded, ReadOptions};
pub use version::{CURRENT_VERSION, InvalidVersion, SCHEMA_ID, SchemaVersion};

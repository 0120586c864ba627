//! REFI-QDA exchange files: `.qdc` codebooks and `.qdpx` projects.
//!
//! A typed mirror of the parts of the REFI-QDA 1.0 standard (what NVivo,
//! ATLAS.ti, MAXQDA, QualCoder and Taguette exchange) that qualitative
//! peer-support research uses: codes and sets, plain-text sources with their
//! selections and codings, cases, variables, users and notes. It stands on
//! its own, independent of the crate's document model.
//!
//! - Reading: [`read_codebook`] (`.qdc`), [`read_project_qde`] (a bare
//!   `project.qde`) and [`read_qdpx`] (the ZIP), each returning the value with
//!   a [`ReadSummary`] that counts every element not modelled
//!   (picture, PDF, audio and video sources, graphs, links...) and every
//!   value dropped or read leniently.
//! - Writing: [`write_codebook`], [`write_project_qde`] and [`write_qdpx`]:
//!   deterministic output, valid against the standard's XSDs.
//! - [`position`]: cutting a selection out of its text, checking whether the
//!   producer counted code points (as the standard says) or UTF-16 units.
//! - [`Limits`]: bounds that keep hostile files (zip bombs, path traversal,
//!   entity expansion, deep nesting) cheap to refuse.
//!
//! Choices where the standard leaves room, each documented where it applies:
//!
//! - Reading is lenient where producers differ (GUID spelling, namespace,
//!   element order, Transana-style references, unusable optional values)
//!   and strict where meaning would be lost (a missing or invalid GUID,
//!   position or required name is an error naming the element).
//! - Text is kept exactly: CRLF stays CRLF, in files and in XML text, because
//!   selection positions count it; a file's leading BOM is removed.
//! - A `.qdpx` holds source texts as `sources/<guid>.txt` files (§9.1.2) and
//!   notes inline; a bare `project.qde` holds everything inline.
//! - The writer refuses characters XML 1.0 cannot carry instead of stripping
//!   them, which would shift selection positions.
//! - Positions are code points (§10.2); [`position`] detects UTF-16 ones.
//!
//! ```
//! use peer_support::refi_qda::{self, Code, Coding, Guid, PlainTextSelection, Project, TextSource};
//!
//! let mut project = Project::new("Peer support interviews");
//! let stigma = Guid::from_u128(1);
//! project.codes.push(Code::new(stigma, "Stigma"));
//! let mut interview = TextSource::new(Guid::from_u128(2), "I felt judged 😞 at first.");
//! let mut selection = PlainTextSelection::new(Guid::from_u128(3), 2, 13);
//! selection.codings.push(Coding::new(Guid::from_u128(4), stigma));
//! interview.selections.push(selection);
//! project.sources.push(interview);
//!
//! let mut qdpx = std::io::Cursor::new(Vec::new());
//! refi_qda::write_qdpx(&project, &mut qdpx)?;
//! let read = refi_qda::read_qdpx(std::io::Cursor::new(qdpx.into_inner()))?;
//! assert_eq!(read.value, project);
//! assert!(read.summary.is_complete());
//!
//! let source = &read.value.sources[0];
//! let cut = refi_qda::position::cut(source.text.text().unwrap(), 2, 13)?;
//! assert_eq!(cut.text, "felt judged");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod archive;
mod case;
mod codebook;
mod color;
mod datetime;
mod error;
mod guid;
mod limits;
pub mod position;
mod project;
mod source;
mod summary;
mod xml_nodes;
mod xml_read;
mod xml_write;

pub use archive::{read_qdpx, read_qdpx_with, write_qdpx};
pub use case::{Case, Decimal, Value, Variable, VariableType, VariableValue};
pub use codebook::{Code, CodeBook, Set};
pub use color::{Color, ColorError};
pub use datetime::{DateTimeError, XsdDate, XsdDateTime};
pub use error::{ArchiveProblem, Error, Location, WriteProblem, XmlProblem};
pub use guid::{Guid, GuidError};
pub use limits::Limits;
pub use project::{Note, Project, User};
pub use source::{Coding, PlainText, PlainTextSelection, Provenance, TextSource};
pub use summary::{Parsed, ReadSummary, Warning, WarningKind};
pub use xml_read::{
    CODEBOOK_NAMESPACE, PROJECT_NAMESPACE, read_codebook, read_codebook_from, read_codebook_with,
    read_project_qde, read_project_qde_from, read_project_qde_with,
};
pub use xml_write::{write_codebook, write_project_qde};

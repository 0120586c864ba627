//! REFI-QDA exchange files: `.qdc` codebooks and `.qdpx` projects.
//!
//! A typed mirror of the parts of the REFI-QDA 1.0 standard (what NVivo,
//! ATLAS.ti, MAXQDA, QualCoder and Taguette exchange) that qualitative
//! peer-support research uses: codes and sets, plain-text sources with their
//! selections and codings, cases, variables, users and notes. It stands on
//! its own, independent of the crate's document model.

mod archive;
mod case;
mod codebook;
mod color;
mod datetime;
mod error;
mod guid;
mod limits;
mod project;
mod source;
mod summary;
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

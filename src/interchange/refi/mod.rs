//! The mapping between documents and REFI-QDA codebooks and projects.
//!
//! Built on [`refi_qda`](crate::refi_qda) (the typed mirror of the
//! standard, which knows nothing of the model) and the public model; it sits
//! above both in the crate's layers.
//!
//! - [`standard_codebook`] and [`document_codebook`]: the codebook as a
//!   `.qdc` (write it with [`refi_qda::write_codebook`](crate::refi_qda::write_codebook)).
//! - [`document_to_project`] and [`write_document_qdpx`]: a document as a
//!   project.
//! - [`project_to_document`] and [`read_document_qdpx`]: a project as a
//!   document, with an [`ImportSummary`] of what was and was not imported.
//!
//! GUIDs are deterministic: UUID version 5 names in [`GUID_NAMESPACE`]
//! (`code:{kind}/{code}` for a concept's code, `kind:{kind}` for a kind's
//! parent code), so a code has the same GUID in every release and an
//! import recognises it. Ids of the model (sources, excerpts,
//! participants) are UUIDs and are used as GUIDs as they are.
//!
//! # The REFI-QDA elements
//!
//! *Imported*: becomes part of the document. *Exported*: written from the
//! document. *Reported*: counted in the [`ImportSummary`] (never dropped
//! silently). *Neither*: not written, and counted when read.
//!
//! | element | import | export |
//! |---|---|---|
//! | `Project@name` | study title (unless `study_title`) | study titles |
//! | `Project@origin` | decides whether a file is ours | `peer-support VERSION` |
//! | `Project/Description` | study notes | no |
//! | `Users/User` | study extension `refi-qda:coders` | no (the model has no coders) |
//! | `CodeBook/Codes/Code` | concepts: by GUID, `--map`, a code in name or description; others declared concepts, `broader` from the tree | the standard codebook and the declared concepts |
//! | `Code@color` | reported as read | one colour per kind |
//! | `Code/NoteRef` | reported | no |
//! | `Variables/Variable` | by name: participant and data-source fields, else extensions | `group`, `role_title`, `setting`, `employment`, `method`, `round`, `date`, `interviewer_lived_experience` |
//! | `Cases/Case` | pseudonymous participants | participants |
//! | `Case/VariableValue` | participant fields, else `refi-qda:case_variables` | participant fields |
//! | `Case/SourceRef`, `SelectionRef` | data-source participants, excerpt speaker | yes |
//! | `Case/CodeRef`, `Case/Description` | reported | no |
//! | `Sources/TextSource` | data sources | data sources, text = their excerpts |
//! | `TextSource` text outside selections | reported (the model keeps excerpts, not transcripts) | — |
//! | `TextSource/VariableValue` | data-source fields, else `refi-qda:source_variables` | data-source fields |
//! | `TextSource/Coding` (whole source) | reported | no |
//! | `PlainTextSelection` | excerpts, cut by code points (UTF-16 detected, warned) | one per excerpt |
//! | `PlainTextSelection/Description` | `location: …` as the excerpt's location, else reported | the location |
//! | `PlainTextSelection/Coding` | a finding per concept citing the excerpts | the concepts of the findings citing the excerpt |
//! | `NoteRef` (of sources, selections, codings) | reported | no |
//! | `Notes/Note` | study notes | study notes |
//! | `Sets/Set` | reported (ours: structure, skipped; relations come back from the descriptions) | CFIR 2.0 domains, CHIME processes, declared concepts' relations |
//! | `PictureSource`, `PDFSource`, `AudioSource`, `VideoSource` and their selections | reported (not modelled) | neither |
//! | `Links`, `Graphs` | reported (not modelled) | neither |
//! | unknown elements and attributes | reported | neither |
//!
//! Findings, themes, citations beyond the title, the design and sample,
//! and concept-link stances have no REFI-QDA element: an export leaves
//! them out, and an import gives each finding the stance of its concept's
//! kind (facilitator, barrier, benefit for outcomes, value held for
//! values, influence for kinds this version does not know, practice for
//! the rest).
//!
//! Codes that match none of ours become the document's declared concepts
//! (`concepts`): label from the name, definition from the description,
//! `broader` the concept of the parent code. Their kind is that of the
//! nearest parent code of ours (a code under our Facilitator parent is a
//! facilitator), else [`PROJECT_CODE_KIND`]. The study extension
//! [`CODES_EXTENSION`] keeps the original GUID of each whose GUID differs
//! from the one an export would give it. Nothing of the code
//! tree is dropped. An export writes declared concepts as codes under
//! their kind, with their relations as description lines and as sets.
//!
//! ```
//! use peer_support::interchange::refi::{self, ImportOptions};
//!
//! let document = peer_support::catalog::seed_studies()?.document;
//! let mut qdpx = std::io::Cursor::new(Vec::new());
//! refi::write_document_qdpx(&document, &mut qdpx)?;
//!
//! let imported = refi::read_document_qdpx(
//!     std::io::Cursor::new(qdpx.into_inner()),
//!     &ImportOptions::new(),
//! )?;
//! let excerpts: usize = document.studies.iter().map(|s| s.excerpts.len()).sum();
//! assert_eq!(imported.document.studies[0].excerpts.len(), excerpts);
//! assert_eq!(imported.summary.codes_declared, 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod export;
mod ids;
mod import;
mod qdc;

pub use export::{ExportError, document_to_project, write_document_qdpx};
pub use ids::{GUID_NAMESPACE, code_guid, kind_guid};
pub use import::{
    CODES_EXTENSION, CodeMap, ImportError, ImportOptions, ImportSummary, ImportWarning, Imported,
    MapError, PROJECT_CODE_KIND, project_to_document, read_document_qdpx,
};
pub use qdc::{document_codebook, standard_codebook};

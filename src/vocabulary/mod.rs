//! The peer-support vocabulary (the *codebook*): every role, value, facilitator,
//! barrier, outcome and study-design concept the source papers name.
//!
//! Each module declares its entries once, in one table. Every entry has a
//! stable wire [`Code`], a label, a definition written from the papers, the
//! [`Source`] papers that report it, and — for facilitators, barriers and
//! outcomes — its mapping to CFIR 2.0 or CHIME.
//!
//! ```
//! use peer_support::vocabulary::{Barrier, Facilitator, CfirDomain};
//!
//! let supervision: Facilitator = "supervision".parse()?;
//! assert_eq!(supervision, Facilitator::Supervision);
//! assert_eq!(supervision.to_string(), "supervision");
//! assert!(supervision.definition().is_some());
//!
//! let funding = Barrier::InsufficientFunding;
//! assert_eq!(funding.mapping().unwrap().domain(), CfirDomain::OuterSetting);
//!
//! // A code this version does not know is kept, not rejected.
//! let newer: Barrier = "rota_instability".parse()?;
//! assert!(newer.is_custom());
//! assert_eq!(serde_json::to_string(&newer)?, r#""rota_instability""#);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[macro_use]
mod macros;

mod barriers;
mod basis;
mod cerqual;
mod code;
mod design;
mod facilitators;
mod frameworks;
mod kind;
mod outcomes;
mod relation;
mod review;
mod roles;
#[cfg(feature = "json-schema")]
pub(crate) mod schema;
pub mod source;
mod stance;
mod values;

pub use crate::util::code::{
    Code, CodeProblem, CustomCode, InvalidCode, MAX_CODE_LEN, UnknownCode,
};
pub use barriers::Barrier;
pub use basis::Basis;
pub use cerqual::{CerqualConcern, CerqualConfidence};
pub use design::{Analysis, Method, SampleUnit};
pub use facilitators::Facilitator;
pub use frameworks::{
    Beneficiary, CfirConstruct, CfirDomain, ChimeProcess, Direction, Mapping, Mappings,
    OutcomeMapping,
};
pub use kind::Kind;
pub use outcomes::Outcome;
pub use relation::{Level, RelationKind, StandardRelation};
pub use review::{AppraisalTool, ReportingGuideline, ReviewType};
pub use roles::{Employment, RoleTitle, Setting, Stakeholder, WayOfWorking};
pub use source::Source;
pub use stance::Stance;
pub use values::PeerValue;

/// Keeps [`Vocabulary`] and [`Mapping`] implementable only inside this
/// crate, so methods can be added to them without breaking anyone.
mod sealed {
    pub trait Sealed {}
}

/// What every open vocabulary enum offers, for code that handles them generically
/// (the codebook, validation, synthesis).
///
/// Each enum also has the same methods as inherent methods, so users need not
/// import this trait. The trait is sealed: only this crate's vocabularies
/// implement it.
pub trait Vocabulary:
    sealed::Sealed
    + Sized
    + Clone
    + std::fmt::Debug
    + Eq
    + std::hash::Hash
    + Ord
    + Send
    + Sync
    + 'static
{
    /// The kind of this vocabulary ([`Kind::Facilitator`]).
    const KIND: Kind;
    /// Every known entry, in table order.
    fn all() -> &'static [Self];
    /// Parses a code (unknown well-formed codes become custom values).
    ///
    /// # Errors
    ///
    /// [`InvalidCode`] for malformed codes.
    fn from_code(code: &str) -> Result<Self, InvalidCode>;
    /// The wire code.
    fn code(&self) -> &str;
    /// The human label.
    fn label(&self) -> &str;
    /// The definition (`None` for custom values).
    fn definition(&self) -> Option<&'static str>;
    /// The papers reporting the entry.
    fn sources(&self) -> &'static [Source];
    /// The framework mappings, flattened (all `None` when there are none).
    fn mappings(&self) -> Mappings;
    /// The relations to other standard entries (empty for custom values).
    fn relations(&self) -> &'static [StandardRelation];
}

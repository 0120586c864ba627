//! The bundled data: the four seed studies the vocabulary is drawn from
//! ([`seed_studies`]) and two reviews of the implementation of peer support
//! work ([`reviews`]).
//!
//! `data/seed-studies.json` is one schema-1.0 document holding the four papers
//! of the project's seed corpus (see [`vocabulary::source`](crate::vocabulary::source)),
//! encoded from what each seed text says and nothing more: citations as far
//! as the seed gives them, design, sample counts, themes as the abstracts
//! state them, and one finding per reported result linked to the codebook
//! with a stance. There are no quotes, participants, data sources or excerpts,
//! because the seeds are abstracts and hold none; where a paper gives only a
//! count, the count is recorded. Each study's `notes` say what its seed left
//! out and which judgement calls the encoding made.
//!
//! Every finding records its `basis`: where in the paper it comes from —
//! `result` (the study's own results), `conclusion` (the authors'
//! conclusions, which name no reporting group) or `background` (earlier
//! evidence the paper cites, which synthesis does not count as the study's).
//!
//! The file is compiled into the crate and read through the public reader
//! ([`document::from_str`]), so the bundled data gets exactly the checks any
//! other document gets.
//!
//! ```
//! use peer_support::catalog;
//!
//! let seeds = catalog::seed_studies()?;
//! assert!(seeds.report.is_empty());
//! assert_eq!(seeds.document.studies.len(), 4);
//! let samples: Vec<_> = seeds
//!     .document
//!     .studies
//!     .iter()
//!     .map(|s| s.sample.as_ref().and_then(|s| s.total))
//!     .collect();
//! assert_eq!(samples, [Some(35), Some(35), Some(41), Some(5)]);
//! # Ok::<(), peer_support::document::ReadError>(())
//! ```

use crate::document::{self, Loaded, ReadError};

/// The bundled seed document, byte for byte as checked in: canonical pretty
/// JSON, equal to the [`Document::to_json_pretty`](crate::Document::to_json_pretty)
/// of itself (a test holds it to that).
pub const SEED_STUDIES_JSON: &str = include_str!("../data/seed-studies.json");

/// Reads and validates the bundled seed studies through the public reader.
///
/// The document is fixed at compile time and the crate's tests prove it loads
/// with an empty report, so this never returns an error in a released crate.
/// It still returns a `Result` rather than unwrapping: the library keeps no
/// panic path, and a caller that bundles its own fork of the data gets the
/// reader's error instead of an abort.
///
/// # Errors
///
/// [`ReadError`] if the bundled document could not be read (see above).
///
/// ```
/// let seeds = peer_support::catalog::seed_studies()?;
/// let titles: Vec<&str> = seeds
///     .document
///     .studies
///     .iter()
///     .map(|s| s.citation.title.as_str())
///     .collect();
/// assert!(titles[0].starts_with("Understanding the roles and experiences"));
/// # Ok::<(), peer_support::document::ReadError>(())
/// ```
pub fn seed_studies() -> Result<Loaded, ReadError> {
    document::from_str(SEED_STUDIES_JSON)
}

/// The bundled reviews, byte for byte as checked in: two reviews of the
/// implementation of peer support work (see [`reviews`]).
pub const REVIEWS_JSON: &str = include_str!("../data/reviews.json");

/// Reads and validates the bundled reviews through the public reader.
///
/// `data/reviews.json` holds the two reviews the codebook's review-level
/// entries are drawn from: the systematic review of influences on
/// implementation of peer support work (Ibrahim et al. 2020; 53 included
/// publications) and the umbrella review of peer support approaches (Cooper
/// et al. 2024; 35 included reviews covering 426 primary studies). Each is
/// encoded from its published summary and nothing more: citation, review
/// type, method, registration, search period, screening and appraisal as
/// reported, the sample in its own unit (included studies, included
/// reviews), and one finding per reported influence. Neither lists its
/// included studies, because the summary does not, and neither carries a
/// GRADE-CERQual assessment, because the reviews made none. Each study's
/// `notes` say what was left out and which judgement calls the encoding
/// made.
///
/// # Errors
///
/// [`ReadError`] if the bundled document could not be read; as for
/// [`seed_studies`], the crate's tests prove it reads.
///
/// ```
/// use peer_support::vocabulary::SampleUnit;
///
/// let reviews = peer_support::catalog::reviews()?;
/// let units: Vec<_> = reviews
///     .document
///     .studies
///     .iter()
///     .map(|s| (s.sample_unit(), s.sample.as_ref().and_then(|s| s.total)))
///     .collect();
/// assert_eq!(units, [(SampleUnit::Studies, Some(53)), (SampleUnit::Reviews, Some(35))]);
/// # Ok::<(), peer_support::document::ReadError>(())
/// ```
pub fn reviews() -> Result<Loaded, ReadError> {
    document::from_str(REVIEWS_JSON)
}

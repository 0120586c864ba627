//! Deterministic synthetic corpora: realistic-looking documents of any size,
//! for benchmarks, load tests and examples (feature `synthetic`).
//!
//! The generated stream is a tool, not a promise: a later release may
//! generate different documents from the same seed. Within one release, the
//! same seed and sizes always give the same bytes.
//!
//! A [`Corpus`] is a seed plus a size. [`Corpus::build`] lays out each study
//! the way a qualitative interview study is shaped: one to four stakeholder
//! groups, pseudonymous participants (about one per twelve excerpts), one
//! interview per participant and a second round for about half of them in
//! repeat-interview studies, excerpts of 20 to 120 words listed interview by
//! interview (as coding tools export them), a two-level theme hierarchy, and
//! findings (about one per 25 excerpts) that cite excerpts from across the
//! study and their speakers and link vocabulary concepts with the stance
//! their kind is usually reported with. Sample counts cover the listed
//! participants and interviews predate publication, so a generated document
//! validates without errors.
//!
//! The text is strung together from a small built-in list of plain English
//! words: it holds no digits, no `@` and no real personal data.
//!
//! Generation is deterministic: the same seed and sizes give the same
//! document, and so the same canonical JSON bytes, on every platform. Each
//! study draws from its own stream of a hand-written SplitMix64 generator.
//!
//! ```
//! use peer_support::synthetic::Corpus;
//!
//! let document = Corpus::new(7).studies(3).excerpts(300).build();
//! assert_eq!(document.studies.len(), 3);
//! let excerpts: usize = document.studies.iter().map(|s| s.excerpts.len()).sum();
//! assert_eq!(excerpts, 300);
//! assert!(!document.validate().has_errors());
//!
//! // Same seed, same bytes.
//! let again = Corpus::new(7).studies(3).excerpts(300).build();
//! assert_eq!(document.to_json_compact(), again.to_json_compact());
//! ```

mod rng;
mod study;
mod words;

use crate::study::Document;

/// The recipe for a synthetic document: a seed, a number of studies and a
/// total number of excerpts.
///
/// Defaults: one study, 100 excerpts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Corpus {
    seed: u64,
    studies: usize,
    excerpts: usize,
}

impl Corpus {
    /// A corpus generated from `seed`: one study of 100 excerpts until
    /// [`studies`](Corpus::studies) and [`excerpts`](Corpus::excerpts) say otherwise.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Corpus {
            seed,
            studies: 1,
            excerpts: 100,
        }
    }

    /// Sets the number of studies (at least one: zero is taken as one).
    #[must_use = "the recipe is returned, not changed in place"]
    pub fn studies(mut self, studies: usize) -> Self {
        self.studies = studies.max(1);
        self
    }

    /// Sets the total number of excerpts, spread as evenly as possible over
    /// the studies (the first studies take the remainder).
    #[must_use = "the recipe is returned, not changed in place"]
    pub fn excerpts(mut self, excerpts: usize) -> Self {
        self.excerpts = excerpts;
        self
    }

    /// The seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The number of studies the document will hold.
    pub fn study_count(&self) -> usize {
        self.studies
    }

    /// The total number of excerpts the document will hold.
    pub fn excerpt_count(&self) -> usize {
        self.excerpts
    }

    /// Generates the document.
    #[must_use]
    pub fn build(&self) -> Document {
        let per_study = self.excerpts / self.studies;
        let remainder = self.excerpts % self.studies;
        Document::new(
            (0..self.studies)
                .map(|k| study::study(self.seed, k, per_study + usize::from(k < remainder)))
                .collect(),
        )
    }
}

impl Default for Corpus {
    /// `Corpus::new(0)`.
    fn default() -> Self {
        Corpus::new(0)
    }
}

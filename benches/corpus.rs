//! The document pipeline on synthetic corpora of 1k, 10k, 100k and 1M
//! excerpts: the raw serde baseline, the public load path, validation alone,
//! canonical writing, and cross-study synthesis.
//!
//! ```text
//! cargo bench --features synthetic --bench corpus                                # every size (GBs of RAM at 1M)
//! PEER_SUPPORT_BENCH_MAX=100000 cargo bench --features synthetic --bench corpus  # up to 100k excerpts
//! cargo bench --bench report                                # the table of the last run
//! ```
//!
//! Each corpus is generated once per size (seed 2024, ten studies) and kept
//! in memory with its canonical pretty JSON. Every timed iteration includes
//! dropping its result, for every operation alike. JSON-facing operations
//! report bytes per second of that JSON; validation and synthesis report
//! excerpts per second (`report` gives both units for every row). Up to 10k
//! excerpts, `validate_digits` validates the corpus with a number added to
//! every excerpt, which the personal-data lint must then scan in full.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use peer_support::Document;
use peer_support::document;
use peer_support::study::Text;
use peer_support::synthesis::EvidenceMatrix;
use peer_support::synthetic::Corpus;

/// The sizes, in excerpts.
const SIZES: &[usize] = &[1_000, 10_000, 100_000, 1_000_000];
/// Studies per corpus: a multi-study evaluation dataset.
const STUDIES: usize = 10;
const SEED: u64 = 2024;
/// Caps the sizes run (`PEER_SUPPORT_BENCH_MAX=10000` for a quick run).
const MAX_ENV: &str = "PEER_SUPPORT_BENCH_MAX";

fn max_size() -> usize {
    match std::env::var(MAX_ENV) {
        Ok(value) => value
            .trim()
            .replace('_', "")
            .parse()
            .unwrap_or_else(|_| panic!("{MAX_ENV} must be a number of excerpts, got {value:?}")),
        Err(_) => usize::MAX,
    }
}

fn corpus(c: &mut Criterion) {
    let max = max_size();
    for &excerpts in SIZES.iter().filter(|&&n| n <= max) {
        let document = Corpus::new(SEED)
            .studies(STUDIES)
            .excerpts(excerpts)
            .build();
        let json = document.to_json_pretty().into_bytes();
        let mut group = c.benchmark_group(format!("corpus_{excerpts}"));
        if excerpts >= 100_000 {
            // One iteration takes from a tenth of a second to seconds: ten
            // samples of one or a few iterations are enough to compare.
            group.sample_size(10);
            group.warm_up_time(Duration::from_secs(1));
            group.measurement_time(Duration::from_secs(5));
        }

        group.throughput(Throughput::Bytes(json.len() as u64));
        group.bench_function("raw_deserialize", |b| {
            b.iter(|| serde_json::from_slice::<Document>(black_box(&json)).unwrap())
        });
        group.bench_function("load", |b| {
            b.iter(|| document::from_slice(black_box(&json)).unwrap())
        });
        group.bench_function("write_pretty", |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(json.len());
                black_box(&document).write_json_pretty(&mut out).unwrap();
                out
            })
        });

        group.throughput(Throughput::Elements(excerpts as u64));
        group.bench_function("validate", |b| b.iter(|| black_box(&document).validate()));
        group.bench_function("synthesis", |b| {
            b.iter(|| EvidenceMatrix::from_document(black_box(&document)))
        });
        if excerpts <= 10_000 {
            // The same corpus with a number in every excerpt, so the
            // personal-data lint cannot skip any of them: the full scan's cost.
            let with_digits = with_a_number_in_every_excerpt(&document);
            group.bench_function("validate_digits", |b| {
                b.iter(|| black_box(&with_digits).validate())
            });
        }
        group.finish();
    }
}

fn with_a_number_in_every_excerpt(document: &Document) -> Document {
    let mut document = document.clone();
    for excerpt in document.studies.iter_mut().flat_map(|s| &mut s.excerpts) {
        excerpt.text = Text::new(format!("{} It was 3 years ago.", excerpt.text)).unwrap();
    }
    document
}

criterion_group!(benches, corpus);
criterion_main!(benches);

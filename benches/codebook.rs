//! Building, looking up and serializing the codebook.
//!
//! `cargo bench --bench codebook`

use criterion::{Criterion, criterion_group, criterion_main};
use peer_support::Codebook;
use peer_support::vocabulary::{Barrier, Facilitator, Kind};
use std::hint::black_box;

fn codebook(c: &mut Criterion) {
    c.bench_function("codebook/standard", |b| b.iter(Codebook::standard));
    let codebook = Codebook::standard();
    c.bench_function("codebook/to_json_pretty", |b| {
        b.iter(|| black_box(&codebook).to_json_pretty())
    });
    c.bench_function("codebook/get", |b| {
        b.iter(|| black_box(&codebook).get(Kind::Barrier, black_box("peers_as_isolated_solution")))
    });
    c.bench_function("vocabulary/from_code_known", |b| {
        b.iter(|| Facilitator::from_code(black_box("team_commitment_to_integration")))
    });
    c.bench_function("vocabulary/from_code_custom", |b| {
        b.iter(|| Barrier::from_code(black_box("rota_instability")))
    });
}

criterion_group!(benches, codebook);
criterion_main!(benches);

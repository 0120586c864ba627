//! Shared by the integration tests that need generated documents.
// Each test binary uses a different part of this module.
#![allow(dead_code)]

pub mod strategies;

/// `default`, or the `PROPTEST_CASES` environment variable when set, for a
/// longer run (`PROPTEST_CASES=5000 cargo test --test proptest`).
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

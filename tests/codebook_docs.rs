//! `docs/codebook.md` is generated from the codebook; this fails when it is stale.
//!
//! Regenerate with `PEER_SUPPORT_BLESS=1 cargo test --test codebook_docs`.

use peer_support::Codebook;

#[test]
fn docs_codebook_md_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/codebook.md");
    let expected = Codebook::standard().to_markdown();
    if std::env::var_os("PEER_SUPPORT_BLESS").is_some() {
        std::fs::write(path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/codebook.md is stale; run PEER_SUPPORT_BLESS=1 cargo test --test codebook_docs"
    );
}

//! Prints the standard codebook — every vocabulary entry with its kind, code,
//! label, definition, sources and framework mappings — as pretty JSON.
//!
//! ```text
//! cargo run --example codebook
//! ```

fn main() {
    print!("{}", peer_support::Codebook::standard().to_json_pretty());
}

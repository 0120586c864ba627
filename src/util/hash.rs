//! A fast keyed hasher for id sets and maps (the validator's index, synthesis).
//!
//! The index hashes several ids per excerpt (its own, its source, its
//! speaker, the findings citing it), and with std's SipHash that hashing was
//! the largest cost of validation after the personal-data lint. Ids are
//! UUIDs: 16 bytes, usually random already. Each 8-byte word is mixed in by
//! a folded multiply (the 128-bit product of the state and a key, its two
//! halves xor-ed), a few cycles each. The keys are drawn per index from
//! std's `RandomState`, so a hostile document cannot be crafted to make its
//! ids collide without knowing them.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

/// An odd constant with well-spread bits (the fractional part of pi), mixed
/// into the key so that it is never zero.
const SPREAD: u64 = 0x243F_6A88_85A3_08D3;

/// Builds [`IdHasher`]s sharing one pair of random keys.
#[derive(Clone, Debug)]
pub(crate) struct IdHashState {
    seed: u64,
    key: u64,
}

impl IdHashState {
    /// Fresh random keys.
    pub(crate) fn new() -> Self {
        let random = RandomState::new();
        IdHashState {
            seed: random.hash_one(1_u64),
            key: random.hash_one(2_u64) | 1,
        }
    }
}

impl BuildHasher for IdHashState {
    type Hasher = IdHasher;

    fn build_hasher(&self) -> IdHasher {
        IdHasher {
            state: self.seed,
            key: self.key,
        }
    }
}

/// The hasher [`IdHashState`] builds.
#[derive(Clone, Debug)]
pub(crate) struct IdHasher {
    state: u64,
    key: u64,
}

/// The 128-bit product of `a` and `b`, its halves xor-ed: every input bit
/// reaches many output bits in both halves.
fn folded_multiply(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut buf = [0; 8];
            buf.copy_from_slice(word);
            self.write_u64(u64::from_le_bytes(buf));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut buf = [0; 8];
            buf[..rest.len()].copy_from_slice(rest);
            // The length keeps "a" and "a\0" apart.
            self.write_u64(u64::from_le_bytes(buf) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.state = folded_multiply(self.state ^ n, self.key ^ SPREAD);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        folded_multiply(self.state, self.key).rotate_left(23)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use uuid::Uuid;

    #[test]
    fn distinct_ids_hash_apart_and_keys_differ_per_state() {
        let state = IdHashState::new();
        // Sequential ids, the least random ids a tool may write.
        let hashes: HashSet<u64> = (0..100_000u128)
            .map(|n| state.hash_one(Uuid::from_u128(n)))
            .collect();
        assert_eq!(hashes.len(), 100_000);
        // Top and bottom bits (hashbrown uses both) take every value.
        let top: HashSet<u64> = hashes.iter().map(|h| h >> 57).collect();
        let bottom: HashSet<u64> = hashes.iter().map(|h| h & 127).collect();
        assert_eq!((top.len(), bottom.len()), (128, 128));
        let id = Uuid::from_u128(42);
        assert_eq!(state.hash_one(id), state.hash_one(id));
        assert_ne!(state.hash_one(id), IdHashState::new().hash_one(id));
    }

    #[test]
    fn short_writes_differ_by_length() {
        let state = IdHashState::new();
        let hash = |bytes: &[u8]| {
            let mut hasher = state.build_hasher();
            hasher.write(bytes);
            hasher.finish()
        };
        assert_ne!(hash(b"a"), hash(b"a\0"));
        assert_ne!(hash(b"12345678a"), hash(b"12345678a\0"));
    }
}

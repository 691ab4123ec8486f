//! Word keys: a 64-bit hash of a word as dictionaries compare it (ASCII letters lower-cased,
//! a curly apostrophe read as a straight one).
//!
//! The document computes each word's key once; dictionaries key their entries the same way.
//! A look-up is then one integer hash-map probe instead of hashing and comparing strings,
//! which is most of the cost of matching a dictionary against every word. Two different
//! words share a key with probability about 2⁻⁶⁴ per pair: treated as impossible.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

pub type Key = u64;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

fn mix(h: u64, b: u64) -> u64 {
    (h.rotate_left(5) ^ b).wrapping_mul(SEED)
}

/// The key of a word (or of several words: the key of the exact string).
pub fn key(word: &str) -> Key {
    let mut k = KeyBuilder::default();
    k.push_all(word.as_bytes());
    k.finish()
}

/// A key built a piece at a time, as a scanner reads a word: pushing a word's bytes in any
/// number of pieces, each piece whole characters, gives [`key`] of the word.
#[derive(Default, Clone, Copy)]
pub struct KeyBuilder {
    h: u64,
    n: u64,
}

impl KeyBuilder {
    pub fn push_all(&mut self, bytes: &[u8]) {
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // U+2019 (E2 80 99) reads as an apostrophe.
            let (b, len) = if b == 0xE2 && bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0x99) {
                (b'\'', 3)
            } else {
                (b.to_ascii_lowercase(), 1)
            };
            self.h = mix(self.h, b as u64);
            self.n += 1;
            i += len;
        }
    }

    /// Pushes one ASCII byte (a character of its own).
    #[inline]
    pub fn push_ascii(&mut self, b: u8) {
        self.h = mix(self.h, b.to_ascii_lowercase() as u64);
        self.n += 1;
    }

    pub fn finish(self) -> Key {
        // Finalise so that short keys spread over all 64 bits.
        let mut x = mix(self.h, self.n) ^ (self.h >> 29);
        x ^= x >> 32;
        x.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

/// Keys are already well mixed: hash maps over them need no further hashing.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, k: u64) {
        self.0 = k;
    }
}

pub type KeyMap<V> = HashMap<Key, V, BuildHasherDefault<KeyHasher>>;
pub type KeySet = HashSet<Key, BuildHasherDefault<KeyHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_apostrophes_do_not_matter() {
        assert_eq!(key("Offender\u{2019}s"), key("offender's"));
        assert_ne!(key("offender"), key("offenders"));
        assert_ne!(key("ab"), key("ba"));
    }
}

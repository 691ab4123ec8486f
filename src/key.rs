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

/// A one-hash Bloom filter over keys, in 4,096 bits: `may_contain` is true for every key
/// inserted and for about n/4,096 of the others. Most words are in no dictionary, and a bit
/// test rules them out far more cheaply than a hash-map probe.
#[derive(Clone)]
pub struct KeyFilter(Box<[u64; 64]>);

impl Default for KeyFilter {
    fn default() -> Self {
        KeyFilter(Box::new([0; 64]))
    }
}

impl KeyFilter {
    fn bit(k: Key) -> (usize, u64) {
        // Keys are well mixed: their top twelve bits pick the bit.
        let b = (k >> 52) as usize;
        (b >> 6, 1 << (b & 63))
    }

    pub fn insert(&mut self, k: Key) {
        let (word, mask) = Self::bit(k);
        self.0[word] |= mask;
    }

    #[inline]
    pub fn may_contain(&self, k: Key) -> bool {
        let (word, mask) = Self::bit(k);
        self.0[word] & mask != 0
    }
}

pub type KeyMap<V> = HashMap<Key, V, BuildHasherDefault<KeyHasher>>;
pub type KeySet = HashSet<Key, BuildHasherDefault<KeyHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_never_lose_a_key_and_pass_few_others() {
        let mut f = KeyFilter::default();
        let words: Vec<Key> = (0..200).map(|n| key(&format!("word{n}"))).collect();
        words.iter().for_each(|&k| f.insert(k));
        assert!(words.iter().all(|&k| f.may_contain(k)));
        let passed = (0..10_000).filter(|n| f.may_contain(key(&format!("other{n}")))).count();
        assert!(passed < 1_000, "{passed} of 10,000 passed a filter of 200 keys");
    }

    #[test]
    fn case_and_apostrophes_do_not_matter() {
        assert_eq!(key("Offender\u{2019}s"), key("offender's"));
        assert_ne!(key("offender"), key("offenders"));
        assert_ne!(key("ab"), key("ba"));
    }
}

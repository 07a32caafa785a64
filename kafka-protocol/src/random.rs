//! Seeded random messages for property tests, fuzz corpora and the Java cross-check.
//!
//! [`Random::random`] fills every field a version carries (nulls only where the version allows
//! them, tagged fields only in their tagged versions, plus a few unknown tagged fields in flexible
//! versions), so `decode(encode(m)) == m` must hold for every generated message.

use bytes::Bytes;

use crate::{RawTaggedField, Uuid};

/// A value that can be generated at random for a protocol version.
pub trait Random: Sized {
    /// A random value valid at `version`.
    fn random(rng: &mut Rng, version: i16) -> Self;
}

/// A small deterministic generator (SplitMix64): the same seed gives the same messages.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
    depth: u32,
}

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng { state: seed, depth: 0 }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e3779b97f4a7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// A random boolean.
    pub fn bool(&mut self) -> bool {
        self.next_u64() & 1 == 1
    }

    /// A finite float with an exact short decimal form.
    pub fn f64(&mut self) -> f64 {
        (self.below(2_000_000) as f64 - 1_000_000.0) / 8.0
    }

    /// A non-zero UUID.
    pub fn uuid(&mut self) -> Uuid {
        Uuid::from_u128(((self.next_u64() as u128) << 64 | self.next_u64() as u128) | 1)
    }

    /// A short string, sometimes with multi-byte characters.
    pub fn string(&mut self) -> String {
        const ALPHABET: &[&str] = &["a", "b", "k", "z", "0", "7", "-", "_", ".", "é", "ß", "日"];
        let len = self.below(12) as usize;
        (0..len).map(|_| ALPHABET[self.below(ALPHABET.len() as u64) as usize]).collect()
    }

    /// A short byte string.
    pub fn bytes(&mut self) -> Bytes {
        let len = self.below(24) as usize;
        (0..len).map(|_| self.next_u64() as u8).collect::<Vec<u8>>().into()
    }

    /// A short vector; shorter the deeper the nesting, so messages stay small.
    pub fn vec<T>(&mut self, mut item: impl FnMut(&mut Rng) -> T) -> Vec<T> {
        let max = if self.depth > 2 { 1 } else { 3 };
        let len = self.below(max + 1) as usize;
        self.depth += 1;
        let v = (0..len).map(|_| item(self)).collect();
        self.depth -= 1;
        v
    }

    /// `None` one time in four.
    pub fn option<T>(&mut self, item: impl FnOnce(&mut Rng) -> T) -> Option<T> {
        if self.below(4) == 0 {
            None
        } else {
            Some(item(self))
        }
    }

    /// Zero to two unknown tagged fields with tags far above any the spec uses, in tag order.
    pub fn raw_tagged_fields(&mut self) -> Vec<RawTaggedField> {
        let n = self.below(3);
        let mut tag = 10_000;
        (0..n)
            .map(|_| {
                tag += 1 + self.below(100) as u32;
                RawTaggedField { tag, data: self.bytes() }
            })
            .collect()
    }
}

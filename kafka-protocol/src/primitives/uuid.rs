//! 128-bit identifiers (topic ids, directory ids, member ids in KIP-848).

use std::fmt;

use bytes::{Buf, BufMut};

use super::ensure;
use crate::DecodeErrorKind;

/// A Kafka UUID. The all-zero value means "no id".
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Uuid(pub [u8; 16]);

impl Uuid {
    /// The all-zero id, Kafka's sentinel for "none".
    pub const ZERO: Uuid = Uuid([0; 16]);

    /// Builds an id from its 128-bit value.
    pub const fn from_u128(v: u128) -> Self {
        Uuid(v.to_be_bytes())
    }

    /// The id as a 128-bit value.
    pub const fn as_u128(&self) -> u128 {
        u128::from_be_bytes(self.0)
    }

    /// The id in Kafka's text form: URL-safe base64 without padding (22 characters).
    pub fn to_base64(&self) -> String {
        use base64::Engine as _;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(self.0)
    }
}

impl fmt::Debug for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Uuid({})", self.to_base64())
    }
}

impl fmt::Display for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_base64())
    }
}

/// Reads a 16-byte UUID.
#[inline]
pub fn read_uuid(buf: &mut impl Buf) -> Result<Uuid, DecodeErrorKind> {
    ensure(buf.remaining(), 16)?;
    let mut id = [0u8; 16];
    buf.copy_to_slice(&mut id);
    Ok(Uuid(id))
}

/// Writes a 16-byte UUID.
#[inline]
pub fn write_uuid(buf: &mut impl BufMut, id: &Uuid) {
    buf.put_slice(&id.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_kafka_text_form() {
        // Kafka's Uuid.toString of (0, 1): URL-safe base64 of 16 bytes, unpadded.
        assert_eq!(Uuid::from_u128(1).to_base64(), "AAAAAAAAAAAAAAAAAAAAAQ");
        assert_eq!(Uuid::from_u128(u128::MAX).to_base64(), "_____________________w");
    }
}

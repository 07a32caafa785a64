//! `AbortedTxn` (data schema; versions 0; flexible none).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/AbortedTxn.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `AbortedTxn`: data schema; versions 0; flexible none.
#[derive(Debug, Clone, PartialEq)]
pub struct AbortedTxn {
    /// `ProducerId`: int64; versions 0+.
    pub producer_id: i64,
    /// `FirstOffset`: int64; versions 0+.
    pub first_offset: i64,
    /// `LastOffset`: int64; versions 0+.
    pub last_offset: i64,
    /// `LastStableOffset`: int64; versions 0+.
    pub last_stable_offset: i64,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AbortedTxn {
    fn default() -> Self {
        Self {
            producer_id: 0,
            first_offset: 0,
            last_offset: 0,
            last_stable_offset: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AbortedTxn {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i64(buf, self.producer_id);
        p::write_i64(buf, self.first_offset);
        p::write_i64(buf, self.last_offset);
        p::write_i64(buf, self.last_stable_offset);
        if !self.unknown_tagged_fields.is_empty() {
            return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += 8;
        len += 8;
        len += 8;
        len += 8;
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.producer_id = p::read_i64(buf).ctx("producer_id")?;
        this.first_offset = p::read_i64(buf).ctx("first_offset")?;
        this.last_offset = p::read_i64(buf).ctx("last_offset")?;
        this.last_stable_offset = p::read_i64(buf).ctx("last_stable_offset")?;
        Ok(this)
    }
}

impl crate::Encode for AbortedTxn {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("AbortedTxn", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("AbortedTxn", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AbortedTxn {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("AbortedTxn", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("AbortedTxn", version))
    }
}

impl crate::Message for AbortedTxn {
    const NAME: &'static str = "AbortedTxn";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = None;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AbortedTxn {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("producerId".into(), serde_json::Value::from(self.producer_id));
        map.insert("firstOffset".into(), serde_json::Value::from(self.first_offset));
        map.insert("lastOffset".into(), serde_json::Value::from(self.last_offset));
        map.insert("lastStableOffset".into(), serde_json::Value::from(self.last_stable_offset));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AbortedTxn {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.producer_id = rng.next_u64() as i64;
        this.first_offset = rng.next_u64() as i64;
        this.last_offset = rng.next_u64() as i64;
        this.last_stable_offset = rng.next_u64() as i64;
        this
    }
}


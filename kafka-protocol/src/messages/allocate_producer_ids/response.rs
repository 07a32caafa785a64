//! `AllocateProducerIdsResponse` (response, API key 67; versions 0; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/AllocateProducerIdsResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `AllocateProducerIdsResponse`: response, API key 67; versions 0; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct AllocateProducerIdsResponse {
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ProducerIdStart`: int64; versions 0+; entity type producerId.
    pub producer_id_start: i64,
    /// `ProducerIdLen`: int32; versions 0+.
    pub producer_id_len: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AllocateProducerIdsResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            error_code: 0,
            producer_id_start: 0,
            producer_id_len: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AllocateProducerIdsResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        p::write_i16(buf, self.error_code);
        p::write_i64(buf, self.producer_id_start);
        p::write_i32(buf, self.producer_id_len);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += 4;
        len += 2;
        len += 8;
        len += 4;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.producer_id_start = p::read_i64(buf).ctx("producer_id_start")?;
        this.producer_id_len = p::read_i32(buf).ctx("producer_id_len")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AllocateProducerIdsResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("AllocateProducerIdsResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("AllocateProducerIdsResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AllocateProducerIdsResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("AllocateProducerIdsResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("AllocateProducerIdsResponse", version))
    }
}

impl crate::Message for AllocateProducerIdsResponse {
    const NAME: &'static str = "AllocateProducerIdsResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AllocateProducerIdsResponse {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("producerIdStart".into(), serde_json::Value::from(self.producer_id_start));
        map.insert("producerIdLen".into(), serde_json::Value::from(self.producer_id_len));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AllocateProducerIdsResponse {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.producer_id_start = rng.next_u64() as i64;
        this.producer_id_len = rng.next_u64() as i32;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


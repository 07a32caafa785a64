//! `HeartbeatResponse` (response, API key 12; versions 0-4; flexible 4+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/HeartbeatResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `HeartbeatResponse`: response, API key 12; versions 0-4; flexible 4+.
#[derive(Debug, Clone, PartialEq)]
pub struct HeartbeatResponse {
    /// `ThrottleTimeMs`: int32; versions 1+; ignorable.
    pub throttle_time_ms: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for HeartbeatResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            error_code: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl HeartbeatResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 1 {
            p::write_i32(buf, self.throttle_time_ms);
        }
        p::write_i16(buf, self.error_code);
        if version >= 4 {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        else if !self.unknown_tagged_fields.is_empty() {
            return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        if version >= 1 {
            len += 4;
        }
        len += 2;
        if version >= 4 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 1 {
            this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        }
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for HeartbeatResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("HeartbeatResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("HeartbeatResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for HeartbeatResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("HeartbeatResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("HeartbeatResponse", version))
    }
}

impl crate::Message for HeartbeatResponse {
    const NAME: &'static str = "HeartbeatResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 4 };
    const FLEXIBLE_SINCE: Option<i16> = Some(4);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for HeartbeatResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 1 {
            map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        }
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for HeartbeatResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 1 {
            this.throttle_time_ms = rng.next_u64() as i32;
        }
        this.error_code = rng.next_u64() as i16;
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


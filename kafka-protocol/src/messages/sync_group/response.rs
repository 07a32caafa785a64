//! `SyncGroupResponse` (response, API key 14; versions 0-5; flexible 4+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/SyncGroupResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `SyncGroupResponse`: response, API key 14; versions 0-5; flexible 4+.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncGroupResponse {
    /// `ThrottleTimeMs`: int32; versions 1+; ignorable.
    pub throttle_time_ms: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ProtocolType`: string; versions 5+; nullable 5+; default null; ignorable.
    pub protocol_type: Option<String>,
    /// `ProtocolName`: string; versions 5+; nullable 5+; default null; ignorable.
    pub protocol_name: Option<String>,
    /// `Assignment`: bytes; versions 0+.
    pub assignment: bytes::Bytes,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for SyncGroupResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            error_code: 0,
            protocol_type: None,
            protocol_name: None,
            assignment: bytes::Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl SyncGroupResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 1 {
            p::write_i32(buf, self.throttle_time_ms);
        }
        p::write_i16(buf, self.error_code);
        if version >= 5 {
            match &self.protocol_type {
                Some(v) => {
                    p::write_string(buf, v, version >= 4).ctx("protocol_type")?;
                }
                None if version >= 5 => {
                    p::write_nullable_string(buf, None, version >= 4).ctx("protocol_type")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("protocol_type")),
            }
        }
        if version >= 5 {
            match &self.protocol_name {
                Some(v) => {
                    p::write_string(buf, v, version >= 4).ctx("protocol_name")?;
                }
                None if version >= 5 => {
                    p::write_nullable_string(buf, None, version >= 4).ctx("protocol_name")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("protocol_name")),
            }
        }
        p::write_bytes(buf, &self.assignment, version >= 4).ctx("assignment")?;
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
        if version >= 5 {
            len += match &self.protocol_type { Some(v) => p::string_len(v, version >= 4), None => if version >= 4 { 1 } else { 2 } };
        }
        if version >= 5 {
            len += match &self.protocol_name { Some(v) => p::string_len(v, version >= 4), None => if version >= 4 { 1 } else { 2 } };
        }
        len += p::bytes_len(&self.assignment, version >= 4);
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
        if version >= 5 {
            this.protocol_type = if version >= 5 { p::read_nullable_string(buf, version >= 4).ctx("protocol_type")? } else { Some(p::read_string(buf, version >= 4).ctx("protocol_type")?) };
        }
        if version >= 5 {
            this.protocol_name = if version >= 5 { p::read_nullable_string(buf, version >= 4).ctx("protocol_name")? } else { Some(p::read_string(buf, version >= 4).ctx("protocol_name")?) };
        }
        this.assignment = p::read_bytes(buf, version >= 4).ctx("assignment")?;
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for SyncGroupResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("SyncGroupResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("SyncGroupResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for SyncGroupResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("SyncGroupResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("SyncGroupResponse", version))
    }
}

impl crate::Message for SyncGroupResponse {
    const NAME: &'static str = "SyncGroupResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 5 };
    const FLEXIBLE_SINCE: Option<i16> = Some(4);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for SyncGroupResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 1 {
            map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        }
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        if version >= 5 {
            map.insert("protocolType".into(), match &self.protocol_type { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        if version >= 5 {
            map.insert("protocolName".into(), match &self.protocol_name { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        map.insert("assignment".into(), crate::json::binary(&self.assignment));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for SyncGroupResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 1 {
            this.throttle_time_ms = rng.next_u64() as i32;
        }
        this.error_code = rng.next_u64() as i16;
        if version >= 5 {
            this.protocol_type = if version >= 5 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 5 {
            this.protocol_name = if version >= 5 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        this.assignment = rng.bytes();
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


//! `EnvelopeResponse` (response, API key 58; versions 0; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/EnvelopeResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `EnvelopeResponse`: response, API key 58; versions 0; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct EnvelopeResponse {
    /// `ResponseData`: bytes; versions 0+; nullable 0+; default null.
    pub response_data: Option<bytes::Bytes>,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for EnvelopeResponse {
    fn default() -> Self {
        Self {
            response_data: None,
            error_code: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl EnvelopeResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        match &self.response_data {
            Some(v) => {
                p::write_bytes(buf, v, true).ctx("response_data")?;
            }
            None => {
                p::write_nullable_bytes(buf, None, true).ctx("response_data")?;
            }
        }
        p::write_i16(buf, self.error_code);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += match &self.response_data { Some(v) => p::bytes_len(v, true), None => if true { 1 } else { 4 } };
        len += 2;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.response_data = p::read_nullable_bytes(buf, true).ctx("response_data")?;
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for EnvelopeResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("EnvelopeResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("EnvelopeResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for EnvelopeResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("EnvelopeResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("EnvelopeResponse", version))
    }
}

impl crate::Message for EnvelopeResponse {
    const NAME: &'static str = "EnvelopeResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for EnvelopeResponse {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("responseData".into(), match &self.response_data { Some(v) => crate::json::binary(v), None => serde_json::Value::Null });
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for EnvelopeResponse {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.response_data = rng.option(|rng| rng.bytes());
        this.error_code = rng.next_u64() as i16;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


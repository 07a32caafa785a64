//! `SaslAuthenticateResponse` (response, API key 36; versions 0-2; flexible 2+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/SaslAuthenticateResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `SaslAuthenticateResponse`: response, API key 36; versions 0-2; flexible 2+.
#[derive(Debug, Clone, PartialEq)]
pub struct SaslAuthenticateResponse {
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ErrorMessage`: string; versions 0+; nullable 0+.
    pub error_message: Option<String>,
    /// `AuthBytes`: bytes; versions 0+.
    pub auth_bytes: bytes::Bytes,
    /// `SessionLifetimeMs`: int64; versions 1+; default 0; ignorable.
    pub session_lifetime_ms: i64,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for SaslAuthenticateResponse {
    fn default() -> Self {
        Self {
            error_code: 0,
            error_message: Some(String::new()),
            auth_bytes: bytes::Bytes::new(),
            session_lifetime_ms: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl SaslAuthenticateResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.error_code);
        match &self.error_message {
            Some(v) => {
                p::write_string(buf, v, version >= 2).ctx("error_message")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 2).ctx("error_message")?;
            }
        }
        p::write_bytes(buf, &self.auth_bytes, version >= 2).ctx("auth_bytes")?;
        if version >= 1 {
            p::write_i64(buf, self.session_lifetime_ms);
        }
        if version >= 2 {
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
        len += 2;
        len += match &self.error_message { Some(v) => p::string_len(v, version >= 2), None => if version >= 2 { 1 } else { 2 } };
        len += p::bytes_len(&self.auth_bytes, version >= 2);
        if version >= 1 {
            len += 8;
        }
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.error_message = p::read_nullable_string(buf, version >= 2).ctx("error_message")?;
        this.auth_bytes = p::read_bytes(buf, version >= 2).ctx("auth_bytes")?;
        if version >= 1 {
            this.session_lifetime_ms = p::read_i64(buf).ctx("session_lifetime_ms")?;
        }
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for SaslAuthenticateResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("SaslAuthenticateResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("SaslAuthenticateResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for SaslAuthenticateResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("SaslAuthenticateResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("SaslAuthenticateResponse", version))
    }
}

impl crate::Message for SaslAuthenticateResponse {
    const NAME: &'static str = "SaslAuthenticateResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for SaslAuthenticateResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("authBytes".into(), crate::json::binary(&self.auth_bytes));
        if version >= 1 {
            map.insert("sessionLifetimeMs".into(), serde_json::Value::from(self.session_lifetime_ms));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for SaslAuthenticateResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.option(|rng| rng.string());
        this.auth_bytes = rng.bytes();
        if version >= 1 {
            this.session_lifetime_ms = rng.next_u64() as i64;
        }
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


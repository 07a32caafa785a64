//! `SaslAuthenticateRequest` (request, API key 36; versions 0-2; flexible 2+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/SaslAuthenticateRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `SaslAuthenticateRequest`: request, API key 36; versions 0-2; flexible 2+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct SaslAuthenticateRequest {
    /// `AuthBytes`: bytes; versions 0+.
    pub auth_bytes: bytes::Bytes,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for SaslAuthenticateRequest {
    fn default() -> Self {
        Self {
            auth_bytes: bytes::Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl SaslAuthenticateRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_bytes(buf, &self.auth_bytes, version >= 2).ctx("auth_bytes")?;
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
        len += p::bytes_len(&self.auth_bytes, version >= 2);
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.auth_bytes = p::read_bytes(buf, version >= 2).ctx("auth_bytes")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for SaslAuthenticateRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("SaslAuthenticateRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("SaslAuthenticateRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for SaslAuthenticateRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("SaslAuthenticateRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("SaslAuthenticateRequest", version))
    }
}

impl crate::Message for SaslAuthenticateRequest {
    const NAME: &'static str = "SaslAuthenticateRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);
}

impl crate::Request for SaslAuthenticateRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::SaslAuthenticate;
    type Response = super::SaslAuthenticateResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for SaslAuthenticateRequest {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("authBytes".into(), crate::json::binary(&self.auth_bytes));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for SaslAuthenticateRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.auth_bytes = rng.bytes();
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


//! `ExpireDelegationTokenRequest` (request, API key 40; versions 1-2; flexible 2+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ExpireDelegationTokenRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ExpireDelegationTokenRequest`: request, API key 40; versions 1-2; flexible 2+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpireDelegationTokenRequest {
    /// `Hmac`: bytes; versions 0+.
    pub hmac: bytes::Bytes,
    /// `ExpiryTimePeriodMs`: int64; versions 0+.
    pub expiry_time_period_ms: i64,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ExpireDelegationTokenRequest {
    fn default() -> Self {
        Self {
            hmac: bytes::Bytes::new(),
            expiry_time_period_ms: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ExpireDelegationTokenRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_bytes(buf, &self.hmac, version >= 2).ctx("hmac")?;
        p::write_i64(buf, self.expiry_time_period_ms);
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
        len += p::bytes_len(&self.hmac, version >= 2);
        len += 8;
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.hmac = p::read_bytes(buf, version >= 2).ctx("hmac")?;
        this.expiry_time_period_ms = p::read_i64(buf).ctx("expiry_time_period_ms")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ExpireDelegationTokenRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ExpireDelegationTokenRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ExpireDelegationTokenRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ExpireDelegationTokenRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ExpireDelegationTokenRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ExpireDelegationTokenRequest", version))
    }
}

impl crate::Message for ExpireDelegationTokenRequest {
    const NAME: &'static str = "ExpireDelegationTokenRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);
}

impl crate::Request for ExpireDelegationTokenRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::ExpireDelegationToken;
    type Response = super::ExpireDelegationTokenResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ExpireDelegationTokenRequest {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("hmac".into(), crate::json::binary(&self.hmac));
        map.insert("expiryTimePeriodMs".into(), serde_json::Value::from(self.expiry_time_period_ms));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ExpireDelegationTokenRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.hmac = rng.bytes();
        this.expiry_time_period_ms = rng.next_u64() as i64;
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


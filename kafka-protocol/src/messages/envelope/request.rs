//! `EnvelopeRequest` (request, API key 58; versions 0; flexible 0+; listeners: controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/EnvelopeRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `EnvelopeRequest`: request, API key 58; versions 0; flexible 0+; listeners: controller.
#[derive(Debug, Clone, PartialEq)]
pub struct EnvelopeRequest {
    /// `RequestData`: bytes; versions 0+.
    pub request_data: bytes::Bytes,
    /// `RequestPrincipal`: bytes; versions 0+; nullable 0+.
    pub request_principal: Option<bytes::Bytes>,
    /// `ClientHostAddress`: bytes; versions 0+.
    pub client_host_address: bytes::Bytes,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for EnvelopeRequest {
    fn default() -> Self {
        Self {
            request_data: bytes::Bytes::new(),
            request_principal: Some(bytes::Bytes::new()),
            client_host_address: bytes::Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl EnvelopeRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_bytes(buf, &self.request_data, true).ctx("request_data")?;
        match &self.request_principal {
            Some(v) => {
                p::write_bytes(buf, v, true).ctx("request_principal")?;
            }
            None => {
                p::write_nullable_bytes(buf, None, true).ctx("request_principal")?;
            }
        }
        p::write_bytes(buf, &self.client_host_address, true).ctx("client_host_address")?;
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += p::bytes_len(&self.request_data, true);
        len += match &self.request_principal { Some(v) => p::bytes_len(v, true), None => if true { 1 } else { 4 } };
        len += p::bytes_len(&self.client_host_address, true);
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.request_data = p::read_bytes(buf, true).ctx("request_data")?;
        this.request_principal = p::read_nullable_bytes(buf, true).ctx("request_principal")?;
        this.client_host_address = p::read_bytes(buf, true).ctx("client_host_address")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for EnvelopeRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("EnvelopeRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("EnvelopeRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for EnvelopeRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("EnvelopeRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("EnvelopeRequest", version))
    }
}

impl crate::Message for EnvelopeRequest {
    const NAME: &'static str = "EnvelopeRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for EnvelopeRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::Envelope;
    type Response = super::EnvelopeResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for EnvelopeRequest {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("requestData".into(), crate::json::binary(&self.request_data));
        map.insert("requestPrincipal".into(), match &self.request_principal { Some(v) => crate::json::binary(v), None => serde_json::Value::Null });
        map.insert("clientHostAddress".into(), crate::json::binary(&self.client_host_address));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for EnvelopeRequest {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.request_data = rng.bytes();
        this.request_principal = rng.option(|rng| rng.bytes());
        this.client_host_address = rng.bytes();
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


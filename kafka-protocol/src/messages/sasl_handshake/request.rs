//! `SaslHandshakeRequest` (request, API key 17; versions 0-1; flexible none; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/SaslHandshakeRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `SaslHandshakeRequest`: request, API key 17; versions 0-1; flexible none; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct SaslHandshakeRequest {
    /// `Mechanism`: string; versions 0+.
    pub mechanism: String,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for SaslHandshakeRequest {
    fn default() -> Self {
        Self {
            mechanism: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl SaslHandshakeRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.mechanism, false).ctx("mechanism")?;
        if !self.unknown_tagged_fields.is_empty() {
            return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += p::string_len(&self.mechanism, false);
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.mechanism = p::read_string(buf, false).ctx("mechanism")?;
        Ok(this)
    }
}

impl crate::Encode for SaslHandshakeRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("SaslHandshakeRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("SaslHandshakeRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for SaslHandshakeRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("SaslHandshakeRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("SaslHandshakeRequest", version))
    }
}

impl crate::Message for SaslHandshakeRequest {
    const NAME: &'static str = "SaslHandshakeRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = None;
}

impl crate::Request for SaslHandshakeRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::SaslHandshake;
    type Response = super::SaslHandshakeResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for SaslHandshakeRequest {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("mechanism".into(), serde_json::Value::from(self.mechanism.as_str()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for SaslHandshakeRequest {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.mechanism = rng.string();
        this
    }
}


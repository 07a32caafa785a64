//! `SaslHandshakeResponse` (response, API key 17; versions 0-1; flexible none).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/SaslHandshakeResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `SaslHandshakeResponse`: response, API key 17; versions 0-1; flexible none.
#[derive(Debug, Clone, PartialEq)]
pub struct SaslHandshakeResponse {
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `Mechanisms`: []string; versions 0+.
    pub mechanisms: Vec<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for SaslHandshakeResponse {
    fn default() -> Self {
        Self {
            error_code: 0,
            mechanisms: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl SaslHandshakeResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.error_code);
        p::write_array_len(buf, Some(self.mechanisms.len()), false).ctx("mechanisms")?;
        for e in &self.mechanisms {
            p::write_string(buf, e, false).ctx("mechanisms")?;
        }
        if !self.unknown_tagged_fields.is_empty() {
            return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += 2;
        len += p::array_len_len(Some(self.mechanisms.len()), false) + self.mechanisms.iter().map(|e| p::string_len(e, false)).sum::<usize>();
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.mechanisms = p::read_array(buf, false, |buf| p::read_string(buf, false).map_err(crate::DecodeError::from)).ctx("mechanisms")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("mechanisms")?;
        Ok(this)
    }
}

impl crate::Encode for SaslHandshakeResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("SaslHandshakeResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("SaslHandshakeResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for SaslHandshakeResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("SaslHandshakeResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("SaslHandshakeResponse", version))
    }
}

impl crate::Message for SaslHandshakeResponse {
    const NAME: &'static str = "SaslHandshakeResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = None;

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for SaslHandshakeResponse {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("mechanisms".into(), serde_json::Value::Array(self.mechanisms.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for SaslHandshakeResponse {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.mechanisms = rng.vec(|rng| rng.string());
        this
    }
}


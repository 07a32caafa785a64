//! `ResponseHeader` (header; versions 0-1; flexible 1+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ResponseHeader.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ResponseHeader`: header; versions 0-1; flexible 1+.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseHeader {
    /// `CorrelationId`: int32; versions 0+.
    pub correlation_id: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ResponseHeader {
    fn default() -> Self {
        Self {
            correlation_id: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ResponseHeader {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.correlation_id);
        if version >= 1 {
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
        len += 4;
        if version >= 1 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.correlation_id = p::read_i32(buf).ctx("correlation_id")?;
        if version >= 1 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ResponseHeader {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ResponseHeader", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ResponseHeader", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ResponseHeader {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ResponseHeader", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ResponseHeader", version))
    }
}

impl crate::Message for ResponseHeader {
    const NAME: &'static str = "ResponseHeader";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(1);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ResponseHeader {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("correlationId".into(), serde_json::Value::from(self.correlation_id));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ResponseHeader {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.correlation_id = rng.next_u64() as i32;
        if version >= 1 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


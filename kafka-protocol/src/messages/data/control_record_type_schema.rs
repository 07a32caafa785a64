//! `ControlRecordTypeSchema` (data schema; versions 0; flexible none).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ControlRecordTypeSchema.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ControlRecordTypeSchema`: data schema; versions 0; flexible none.
#[derive(Debug, Clone, PartialEq)]
pub struct ControlRecordTypeSchema {
    /// `Type`: int16; versions 0+.
    pub r#type: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ControlRecordTypeSchema {
    fn default() -> Self {
        Self {
            r#type: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ControlRecordTypeSchema {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.r#type);
        if !self.unknown_tagged_fields.is_empty() {
            return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += 2;
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.r#type = p::read_i16(buf).ctx("type")?;
        Ok(this)
    }
}

impl crate::Encode for ControlRecordTypeSchema {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ControlRecordTypeSchema", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ControlRecordTypeSchema", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ControlRecordTypeSchema {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ControlRecordTypeSchema", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ControlRecordTypeSchema", version))
    }
}

impl crate::Message for ControlRecordTypeSchema {
    const NAME: &'static str = "ControlRecordTypeSchema";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = None;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ControlRecordTypeSchema {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("type".into(), serde_json::Value::from(self.r#type));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ControlRecordTypeSchema {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.r#type = rng.next_u64() as i16;
        this
    }
}


//! `EndTxnMarker` (data schema; versions 0; flexible none).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/EndTxnMarker.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `EndTxnMarker`: data schema; versions 0; flexible none.
#[derive(Debug, Clone, PartialEq)]
pub struct EndTxnMarker {
    /// `CoordinatorEpoch`: int32; versions 0+.
    pub coordinator_epoch: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for EndTxnMarker {
    fn default() -> Self {
        Self {
            coordinator_epoch: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl EndTxnMarker {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.coordinator_epoch);
        if !self.unknown_tagged_fields.is_empty() {
            return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += 4;
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.coordinator_epoch = p::read_i32(buf).ctx("coordinator_epoch")?;
        Ok(this)
    }
}

impl crate::Encode for EndTxnMarker {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("EndTxnMarker", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("EndTxnMarker", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for EndTxnMarker {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("EndTxnMarker", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("EndTxnMarker", version))
    }
}

impl crate::Message for EndTxnMarker {
    const NAME: &'static str = "EndTxnMarker";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = None;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for EndTxnMarker {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("coordinatorEpoch".into(), serde_json::Value::from(self.coordinator_epoch));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for EndTxnMarker {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.coordinator_epoch = rng.next_u64() as i32;
        this
    }
}


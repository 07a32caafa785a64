//! `SnapshotHeaderRecord` (data schema; versions 0; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/SnapshotHeaderRecord.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `SnapshotHeaderRecord`: data schema; versions 0; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotHeaderRecord {
    /// `Version`: int16; versions 0+.
    pub version: i16,
    /// `LastContainedLogTimestamp`: int64; versions 0+.
    pub last_contained_log_timestamp: i64,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for SnapshotHeaderRecord {
    fn default() -> Self {
        Self {
            version: 0,
            last_contained_log_timestamp: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl SnapshotHeaderRecord {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.version);
        p::write_i64(buf, self.last_contained_log_timestamp);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += 2;
        len += 8;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.version = p::read_i16(buf).ctx("version")?;
        this.last_contained_log_timestamp = p::read_i64(buf).ctx("last_contained_log_timestamp")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for SnapshotHeaderRecord {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("SnapshotHeaderRecord", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("SnapshotHeaderRecord", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for SnapshotHeaderRecord {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("SnapshotHeaderRecord", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("SnapshotHeaderRecord", version))
    }
}

impl crate::Message for SnapshotHeaderRecord {
    const NAME: &'static str = "SnapshotHeaderRecord";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for SnapshotHeaderRecord {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("version".into(), serde_json::Value::from(self.version));
        map.insert("lastContainedLogTimestamp".into(), serde_json::Value::from(self.last_contained_log_timestamp));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for SnapshotHeaderRecord {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.version = rng.next_u64() as i16;
        this.last_contained_log_timestamp = rng.next_u64() as i64;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


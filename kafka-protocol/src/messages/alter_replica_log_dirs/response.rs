//! `AlterReplicaLogDirsResponse` (response, API key 34; versions 1-2; flexible 2+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/AlterReplicaLogDirsResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `AlterReplicaLogDirsResponse`: response, API key 34; versions 1-2; flexible 2+.
#[derive(Debug, Clone, PartialEq)]
pub struct AlterReplicaLogDirsResponse {
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// `Results`: []AlterReplicaLogDirTopicResult; versions 0+.
    pub results: Vec<AlterReplicaLogDirTopicResult>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterReplicaLogDirsResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            results: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AlterReplicaLogDirsResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        p::write_array_len(buf, Some(self.results.len()), version >= 2).ctx("results")?;
        for e in &self.results {
            (*e).encode_fields(buf, version).ctx("results")?;
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
        len += 4;
        len += p::array_len_len(Some(self.results.len()), version >= 2) + self.results.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        this.results = p::read_array(buf, version >= 2, |buf| AlterReplicaLogDirTopicResult::decode_fields(buf, version)).ctx("results")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("results")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AlterReplicaLogDirsResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("AlterReplicaLogDirsResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("AlterReplicaLogDirsResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AlterReplicaLogDirsResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("AlterReplicaLogDirsResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("AlterReplicaLogDirsResponse", version))
    }
}

impl crate::Message for AlterReplicaLogDirsResponse {
    const NAME: &'static str = "AlterReplicaLogDirsResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AlterReplicaLogDirsResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("results".into(), serde_json::Value::Array(self.results.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AlterReplicaLogDirsResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.results = rng.vec(|rng| <AlterReplicaLogDirTopicResult as crate::random::Random>::random(rng, version));
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `AlterReplicaLogDirPartitionResult`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct AlterReplicaLogDirPartitionResult {
    /// `PartitionIndex`: int32; versions 0+.
    pub partition_index: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterReplicaLogDirPartitionResult {
    fn default() -> Self {
        Self {
            partition_index: 0,
            error_code: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AlterReplicaLogDirPartitionResult {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        p::write_i16(buf, self.error_code);
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
        len += 4;
        len += 2;
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.partition_index = p::read_i32(buf).ctx("partition_index")?;
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AlterReplicaLogDirPartitionResult {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AlterReplicaLogDirPartitionResult {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AlterReplicaLogDirPartitionResult {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AlterReplicaLogDirPartitionResult {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `AlterReplicaLogDirTopicResult`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct AlterReplicaLogDirTopicResult {
    /// `TopicName`: string; versions 0+; entity type topicName.
    pub topic_name: String,
    /// `Partitions`: []AlterReplicaLogDirPartitionResult; versions 0+.
    pub partitions: Vec<AlterReplicaLogDirPartitionResult>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterReplicaLogDirTopicResult {
    fn default() -> Self {
        Self {
            topic_name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AlterReplicaLogDirTopicResult {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.topic_name, version >= 2).ctx("topic_name")?;
        p::write_array_len(buf, Some(self.partitions.len()), version >= 2).ctx("partitions")?;
        for e in &self.partitions {
            (*e).encode_fields(buf, version).ctx("partitions")?;
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
        len += p::string_len(&self.topic_name, version >= 2);
        len += p::array_len_len(Some(self.partitions.len()), version >= 2) + self.partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.topic_name = p::read_string(buf, version >= 2).ctx("topic_name")?;
        this.partitions = p::read_array(buf, version >= 2, |buf| AlterReplicaLogDirPartitionResult::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AlterReplicaLogDirTopicResult {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AlterReplicaLogDirTopicResult {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AlterReplicaLogDirTopicResult {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topicName".into(), serde_json::Value::from(self.topic_name.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AlterReplicaLogDirTopicResult {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.topic_name = rng.string();
        this.partitions = rng.vec(|rng| <AlterReplicaLogDirPartitionResult as crate::random::Random>::random(rng, version));
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


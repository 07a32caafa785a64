//! `ListOffsetsResponse` (response, API key 2; versions 1-11; flexible 6+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ListOffsetsResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ListOffsetsResponse`: response, API key 2; versions 1-11; flexible 6+.
#[derive(Debug, Clone, PartialEq)]
pub struct ListOffsetsResponse {
    /// `ThrottleTimeMs`: int32; versions 2+; ignorable.
    pub throttle_time_ms: i32,
    /// `Topics`: []ListOffsetsTopicResponse; versions 0+.
    pub topics: Vec<ListOffsetsTopicResponse>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListOffsetsResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ListOffsetsResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 2 {
            p::write_i32(buf, self.throttle_time_ms);
        }
        p::write_array_len(buf, Some(self.topics.len()), version >= 6).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        if version >= 6 {
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
        if version >= 2 {
            len += 4;
        }
        len += p::array_len_len(Some(self.topics.len()), version >= 6) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 6 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 2 {
            this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        }
        this.topics = p::read_array(buf, version >= 6, |buf| ListOffsetsTopicResponse::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ListOffsetsResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ListOffsetsResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ListOffsetsResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ListOffsetsResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ListOffsetsResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ListOffsetsResponse", version))
    }
}

impl crate::Message for ListOffsetsResponse {
    const NAME: &'static str = "ListOffsetsResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 11 };
    const FLEXIBLE_SINCE: Option<i16> = Some(6);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ListOffsetsResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 2 {
            map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        }
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ListOffsetsResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 2 {
            this.throttle_time_ms = rng.next_u64() as i32;
        }
        this.topics = rng.vec(|rng| <ListOffsetsTopicResponse as crate::random::Random>::random(rng, version));
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `ListOffsetsPartitionResponse`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct ListOffsetsPartitionResponse {
    /// `PartitionIndex`: int32; versions 0+.
    pub partition_index: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `Timestamp`: int64; versions 1+; default -1.
    pub timestamp: i64,
    /// `Offset`: int64; versions 1+; default -1.
    pub offset: i64,
    /// `LeaderEpoch`: int32; versions 4+; default -1.
    pub leader_epoch: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListOffsetsPartitionResponse {
    fn default() -> Self {
        Self {
            partition_index: 0,
            error_code: 0,
            timestamp: -1,
            offset: -1,
            leader_epoch: -1,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ListOffsetsPartitionResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        p::write_i16(buf, self.error_code);
        p::write_i64(buf, self.timestamp);
        p::write_i64(buf, self.offset);
        if version >= 4 {
            p::write_i32(buf, self.leader_epoch);
        } else if self.leader_epoch != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("leader_epoch"));
        }
        if version >= 6 {
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
        len += 8;
        len += 8;
        if version >= 4 {
            len += 4;
        }
        if version >= 6 {
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
        this.timestamp = p::read_i64(buf).ctx("timestamp")?;
        this.offset = p::read_i64(buf).ctx("offset")?;
        if version >= 4 {
            this.leader_epoch = p::read_i32(buf).ctx("leader_epoch")?;
        }
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ListOffsetsPartitionResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ListOffsetsPartitionResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ListOffsetsPartitionResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("timestamp".into(), serde_json::Value::from(self.timestamp));
        map.insert("offset".into(), serde_json::Value::from(self.offset));
        if version >= 4 {
            map.insert("leaderEpoch".into(), serde_json::Value::from(self.leader_epoch));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ListOffsetsPartitionResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.timestamp = rng.next_u64() as i64;
        this.offset = rng.next_u64() as i64;
        if version >= 4 {
            this.leader_epoch = rng.next_u64() as i32;
        }
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `ListOffsetsTopicResponse`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct ListOffsetsTopicResponse {
    /// `Name`: string; versions 0+; entity type topicName.
    pub name: String,
    /// `Partitions`: []ListOffsetsPartitionResponse; versions 0+.
    pub partitions: Vec<ListOffsetsPartitionResponse>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListOffsetsTopicResponse {
    fn default() -> Self {
        Self {
            name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ListOffsetsTopicResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, version >= 6).ctx("name")?;
        p::write_array_len(buf, Some(self.partitions.len()), version >= 6).ctx("partitions")?;
        for e in &self.partitions {
            (*e).encode_fields(buf, version).ctx("partitions")?;
        }
        if version >= 6 {
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
        len += p::string_len(&self.name, version >= 6);
        len += p::array_len_len(Some(self.partitions.len()), version >= 6) + self.partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 6 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.name = p::read_string(buf, version >= 6).ctx("name")?;
        this.partitions = p::read_array(buf, version >= 6, |buf| ListOffsetsPartitionResponse::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ListOffsetsTopicResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ListOffsetsTopicResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ListOffsetsTopicResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ListOffsetsTopicResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = rng.vec(|rng| <ListOffsetsPartitionResponse as crate::random::Random>::random(rng, version));
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


//! `DescribeQuorumRequest` (request, API key 55; versions 0-2; flexible 0+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeQuorumRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeQuorumRequest`: request, API key 55; versions 0-2; flexible 0+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeQuorumRequest {
    /// `Topics`: []TopicData; versions 0+.
    pub topics: Vec<TopicData>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeQuorumRequest {
    fn default() -> Self {
        Self {
            topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeQuorumRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.topics.len()), true).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += p::array_len_len(Some(self.topics.len()), true) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.topics = p::read_array(buf, true, |buf| TopicData::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeQuorumRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeQuorumRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeQuorumRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeQuorumRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeQuorumRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeQuorumRequest", version))
    }
}

impl crate::Message for DescribeQuorumRequest {
    const NAME: &'static str = "DescribeQuorumRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for DescribeQuorumRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::DescribeQuorum;
    type Response = super::DescribeQuorumResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeQuorumRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeQuorumRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.topics = rng.vec(|rng| <TopicData as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `PartitionData`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct PartitionData {
    /// `PartitionIndex`: int32; versions 0+.
    pub partition_index: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionData {
    fn default() -> Self {
        Self {
            partition_index: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl PartitionData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += 4;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.partition_index = p::read_i32(buf).ctx("partition_index")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for PartitionData {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for PartitionData {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for PartitionData {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for PartitionData {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TopicData`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicData {
    /// `TopicName`: string; versions 0+; entity type topicName.
    pub topic_name: String,
    /// `Partitions`: []PartitionData; versions 0+.
    pub partitions: Vec<PartitionData>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicData {
    fn default() -> Self {
        Self {
            topic_name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopicData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.topic_name, true).ctx("topic_name")?;
        p::write_array_len(buf, Some(self.partitions.len()), true).ctx("partitions")?;
        for e in &self.partitions {
            (*e).encode_fields(buf, version).ctx("partitions")?;
        }
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += p::string_len(&self.topic_name, true);
        len += p::array_len_len(Some(self.partitions.len()), true) + self.partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.topic_name = p::read_string(buf, true).ctx("topic_name")?;
        this.partitions = p::read_array(buf, true, |buf| PartitionData::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TopicData {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TopicData {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TopicData {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topicName".into(), serde_json::Value::from(self.topic_name.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopicData {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.topic_name = rng.string();
        this.partitions = rng.vec(|rng| <PartitionData as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


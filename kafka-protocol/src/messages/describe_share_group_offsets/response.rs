//! `DescribeShareGroupOffsetsResponse` (response, API key 90; versions 0-1; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeShareGroupOffsetsResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeShareGroupOffsetsResponse`: response, API key 90; versions 0-1; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeShareGroupOffsetsResponse {
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// `Groups`: []DescribeShareGroupOffsetsResponseGroup; versions 0+.
    pub groups: Vec<DescribeShareGroupOffsetsResponseGroup>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeShareGroupOffsetsResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            groups: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeShareGroupOffsetsResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        p::write_array_len(buf, Some(self.groups.len()), true).ctx("groups")?;
        for e in &self.groups {
            (*e).encode_fields(buf, version).ctx("groups")?;
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
        len += 4;
        len += p::array_len_len(Some(self.groups.len()), true) + self.groups.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        this.groups = p::read_array(buf, true, |buf| DescribeShareGroupOffsetsResponseGroup::decode_fields(buf, version)).ctx("groups")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("groups")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeShareGroupOffsetsResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeShareGroupOffsetsResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeShareGroupOffsetsResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeShareGroupOffsetsResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeShareGroupOffsetsResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeShareGroupOffsetsResponse", version))
    }
}

impl crate::Message for DescribeShareGroupOffsetsResponse {
    const NAME: &'static str = "DescribeShareGroupOffsetsResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeShareGroupOffsetsResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("groups".into(), serde_json::Value::Array(self.groups.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeShareGroupOffsetsResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.groups = rng.vec(|rng| <DescribeShareGroupOffsetsResponseGroup as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `DescribeShareGroupOffsetsResponsePartition`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeShareGroupOffsetsResponsePartition {
    /// `PartitionIndex`: int32; versions 0+.
    pub partition_index: i32,
    /// `StartOffset`: int64; versions 0+.
    pub start_offset: i64,
    /// `LeaderEpoch`: int32; versions 0+.
    pub leader_epoch: i32,
    /// `Lag`: int64; versions 1+; default -1; ignorable.
    pub lag: i64,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ErrorMessage`: string; versions 0+; nullable 0+; default null.
    pub error_message: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeShareGroupOffsetsResponsePartition {
    fn default() -> Self {
        Self {
            partition_index: 0,
            start_offset: 0,
            leader_epoch: 0,
            lag: -1,
            error_code: 0,
            error_message: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeShareGroupOffsetsResponsePartition {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        p::write_i64(buf, self.start_offset);
        p::write_i32(buf, self.leader_epoch);
        if version >= 1 {
            p::write_i64(buf, self.lag);
        }
        p::write_i16(buf, self.error_code);
        match &self.error_message {
            Some(v) => {
                p::write_string(buf, v, true).ctx("error_message")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("error_message")?;
            }
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
        len += 4;
        len += 8;
        len += 4;
        if version >= 1 {
            len += 8;
        }
        len += 2;
        len += match &self.error_message { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.partition_index = p::read_i32(buf).ctx("partition_index")?;
        this.start_offset = p::read_i64(buf).ctx("start_offset")?;
        this.leader_epoch = p::read_i32(buf).ctx("leader_epoch")?;
        if version >= 1 {
            this.lag = p::read_i64(buf).ctx("lag")?;
        }
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.error_message = p::read_nullable_string(buf, true).ctx("error_message")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeShareGroupOffsetsResponsePartition {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeShareGroupOffsetsResponsePartition {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeShareGroupOffsetsResponsePartition {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        map.insert("startOffset".into(), serde_json::Value::from(self.start_offset));
        map.insert("leaderEpoch".into(), serde_json::Value::from(self.leader_epoch));
        if version >= 1 {
            map.insert("lag".into(), serde_json::Value::from(self.lag));
        }
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeShareGroupOffsetsResponsePartition {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.start_offset = rng.next_u64() as i64;
        this.leader_epoch = rng.next_u64() as i32;
        if version >= 1 {
            this.lag = rng.next_u64() as i64;
        }
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.option(|rng| rng.string());
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `DescribeShareGroupOffsetsResponseTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeShareGroupOffsetsResponseTopic {
    /// `TopicName`: string; versions 0+; entity type topicName.
    pub topic_name: String,
    /// `TopicId`: uuid; versions 0+.
    pub topic_id: crate::Uuid,
    /// `Partitions`: []DescribeShareGroupOffsetsResponsePartition; versions 0+.
    pub partitions: Vec<DescribeShareGroupOffsetsResponsePartition>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeShareGroupOffsetsResponseTopic {
    fn default() -> Self {
        Self {
            topic_name: String::new(),
            topic_id: crate::Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeShareGroupOffsetsResponseTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.topic_name, true).ctx("topic_name")?;
        p::write_uuid(buf, &self.topic_id);
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
        len += 16;
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
        this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
        this.partitions = p::read_array(buf, true, |buf| DescribeShareGroupOffsetsResponsePartition::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeShareGroupOffsetsResponseTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeShareGroupOffsetsResponseTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeShareGroupOffsetsResponseTopic {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topicName".into(), serde_json::Value::from(self.topic_name.as_str()));
        map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeShareGroupOffsetsResponseTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.topic_name = rng.string();
        this.topic_id = rng.uuid();
        this.partitions = rng.vec(|rng| <DescribeShareGroupOffsetsResponsePartition as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `DescribeShareGroupOffsetsResponseGroup`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeShareGroupOffsetsResponseGroup {
    /// `GroupId`: string; versions 0+; entity type groupId.
    pub group_id: String,
    /// `Topics`: []DescribeShareGroupOffsetsResponseTopic; versions 0+.
    pub topics: Vec<DescribeShareGroupOffsetsResponseTopic>,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ErrorMessage`: string; versions 0+; nullable 0+; default null.
    pub error_message: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeShareGroupOffsetsResponseGroup {
    fn default() -> Self {
        Self {
            group_id: String::new(),
            topics: Vec::new(),
            error_code: 0,
            error_message: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeShareGroupOffsetsResponseGroup {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.group_id, true).ctx("group_id")?;
        p::write_array_len(buf, Some(self.topics.len()), true).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        p::write_i16(buf, self.error_code);
        match &self.error_message {
            Some(v) => {
                p::write_string(buf, v, true).ctx("error_message")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("error_message")?;
            }
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
        len += p::string_len(&self.group_id, true);
        len += p::array_len_len(Some(self.topics.len()), true) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += 2;
        len += match &self.error_message { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.group_id = p::read_string(buf, true).ctx("group_id")?;
        this.topics = p::read_array(buf, true, |buf| DescribeShareGroupOffsetsResponseTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.error_message = p::read_nullable_string(buf, true).ctx("error_message")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeShareGroupOffsetsResponseGroup {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeShareGroupOffsetsResponseGroup {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeShareGroupOffsetsResponseGroup {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("groupId".into(), serde_json::Value::from(self.group_id.as_str()));
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeShareGroupOffsetsResponseGroup {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.group_id = rng.string();
        this.topics = rng.vec(|rng| <DescribeShareGroupOffsetsResponseTopic as crate::random::Random>::random(rng, version));
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.option(|rng| rng.string());
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


//! `OffsetCommitRequest` (request, API key 8; versions 2-10; flexible 8+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/OffsetCommitRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `OffsetCommitRequest`: request, API key 8; versions 2-10; flexible 8+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct OffsetCommitRequest {
    /// `GroupId`: string; versions 0+; entity type groupId.
    pub group_id: String,
    /// `GenerationIdOrMemberEpoch`: int32; versions 1+; default -1; ignorable.
    pub generation_id_or_member_epoch: i32,
    /// `MemberId`: string; versions 1+; ignorable.
    pub member_id: String,
    /// `GroupInstanceId`: string; versions 7+; nullable 7+; default null.
    pub group_instance_id: Option<String>,
    /// `RetentionTimeMs`: int64; versions 2-4; default -1; ignorable.
    pub retention_time_ms: i64,
    /// `Topics`: []OffsetCommitRequestTopic; versions 0+.
    pub topics: Vec<OffsetCommitRequestTopic>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetCommitRequest {
    fn default() -> Self {
        Self {
            group_id: String::new(),
            generation_id_or_member_epoch: -1,
            member_id: String::new(),
            group_instance_id: None,
            retention_time_ms: -1,
            topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl OffsetCommitRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.group_id, version >= 8).ctx("group_id")?;
        p::write_i32(buf, self.generation_id_or_member_epoch);
        p::write_string(buf, &self.member_id, version >= 8).ctx("member_id")?;
        if version >= 7 {
            match &self.group_instance_id {
                Some(v) => {
                    p::write_string(buf, v, version >= 8).ctx("group_instance_id")?;
                }
                None if version >= 7 => {
                    p::write_nullable_string(buf, None, version >= 8).ctx("group_instance_id")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("group_instance_id")),
            }
        } else if self.group_instance_id.is_some() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("group_instance_id"));
        }
        if version <= 4 {
            p::write_i64(buf, self.retention_time_ms);
        }
        p::write_array_len(buf, Some(self.topics.len()), version >= 8).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        if version >= 8 {
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
        len += p::string_len(&self.group_id, version >= 8);
        len += 4;
        len += p::string_len(&self.member_id, version >= 8);
        if version >= 7 {
            len += match &self.group_instance_id { Some(v) => p::string_len(v, version >= 8), None => if version >= 8 { 1 } else { 2 } };
        }
        if version <= 4 {
            len += 8;
        }
        len += p::array_len_len(Some(self.topics.len()), version >= 8) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 8 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.group_id = p::read_string(buf, version >= 8).ctx("group_id")?;
        this.generation_id_or_member_epoch = p::read_i32(buf).ctx("generation_id_or_member_epoch")?;
        this.member_id = p::read_string(buf, version >= 8).ctx("member_id")?;
        if version >= 7 {
            this.group_instance_id = if version >= 7 { p::read_nullable_string(buf, version >= 8).ctx("group_instance_id")? } else { Some(p::read_string(buf, version >= 8).ctx("group_instance_id")?) };
        }
        if version <= 4 {
            this.retention_time_ms = p::read_i64(buf).ctx("retention_time_ms")?;
        }
        this.topics = p::read_array(buf, version >= 8, |buf| OffsetCommitRequestTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        if version >= 8 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for OffsetCommitRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("OffsetCommitRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("OffsetCommitRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for OffsetCommitRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("OffsetCommitRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("OffsetCommitRequest", version))
    }
}

impl crate::Message for OffsetCommitRequest {
    const NAME: &'static str = "OffsetCommitRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 2, max: 10 };
    const FLEXIBLE_SINCE: Option<i16> = Some(8);
}

impl crate::Request for OffsetCommitRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::OffsetCommit;
    type Response = super::OffsetCommitResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for OffsetCommitRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("groupId".into(), serde_json::Value::from(self.group_id.as_str()));
        map.insert("generationIdOrMemberEpoch".into(), serde_json::Value::from(self.generation_id_or_member_epoch));
        map.insert("memberId".into(), serde_json::Value::from(self.member_id.as_str()));
        if version >= 7 {
            map.insert("groupInstanceId".into(), match &self.group_instance_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        if version <= 4 {
            map.insert("retentionTimeMs".into(), serde_json::Value::from(self.retention_time_ms));
        }
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for OffsetCommitRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.group_id = rng.string();
        this.generation_id_or_member_epoch = rng.next_u64() as i32;
        this.member_id = rng.string();
        if version >= 7 {
            this.group_instance_id = if version >= 7 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version <= 4 {
            this.retention_time_ms = rng.next_u64() as i64;
        }
        this.topics = rng.vec(|rng| <OffsetCommitRequestTopic as crate::random::Random>::random(rng, version));
        if version >= 8 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `OffsetCommitRequestPartition`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct OffsetCommitRequestPartition {
    /// `PartitionIndex`: int32; versions 0+.
    pub partition_index: i32,
    /// `CommittedOffset`: int64; versions 0+.
    pub committed_offset: i64,
    /// `CommittedLeaderEpoch`: int32; versions 6+; default -1; ignorable.
    pub committed_leader_epoch: i32,
    /// `CommittedMetadata`: string; versions 0+; nullable 0+.
    pub committed_metadata: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetCommitRequestPartition {
    fn default() -> Self {
        Self {
            partition_index: 0,
            committed_offset: 0,
            committed_leader_epoch: -1,
            committed_metadata: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl OffsetCommitRequestPartition {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        p::write_i64(buf, self.committed_offset);
        if version >= 6 {
            p::write_i32(buf, self.committed_leader_epoch);
        }
        match &self.committed_metadata {
            Some(v) => {
                p::write_string(buf, v, version >= 8).ctx("committed_metadata")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 8).ctx("committed_metadata")?;
            }
        }
        if version >= 8 {
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
        len += 8;
        if version >= 6 {
            len += 4;
        }
        len += match &self.committed_metadata { Some(v) => p::string_len(v, version >= 8), None => if version >= 8 { 1 } else { 2 } };
        if version >= 8 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.partition_index = p::read_i32(buf).ctx("partition_index")?;
        this.committed_offset = p::read_i64(buf).ctx("committed_offset")?;
        if version >= 6 {
            this.committed_leader_epoch = p::read_i32(buf).ctx("committed_leader_epoch")?;
        }
        this.committed_metadata = p::read_nullable_string(buf, version >= 8).ctx("committed_metadata")?;
        if version >= 8 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for OffsetCommitRequestPartition {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for OffsetCommitRequestPartition {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for OffsetCommitRequestPartition {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        map.insert("committedOffset".into(), serde_json::Value::from(self.committed_offset));
        if version >= 6 {
            map.insert("committedLeaderEpoch".into(), serde_json::Value::from(self.committed_leader_epoch));
        }
        map.insert("committedMetadata".into(), match &self.committed_metadata { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for OffsetCommitRequestPartition {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.committed_offset = rng.next_u64() as i64;
        if version >= 6 {
            this.committed_leader_epoch = rng.next_u64() as i32;
        }
        this.committed_metadata = rng.option(|rng| rng.string());
        if version >= 8 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `OffsetCommitRequestTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct OffsetCommitRequestTopic {
    /// `Name`: string; versions 0-9; entity type topicName; ignorable.
    pub name: String,
    /// `TopicId`: uuid; versions 10+; ignorable.
    pub topic_id: crate::Uuid,
    /// `Partitions`: []OffsetCommitRequestPartition; versions 0+.
    pub partitions: Vec<OffsetCommitRequestPartition>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetCommitRequestTopic {
    fn default() -> Self {
        Self {
            name: String::new(),
            topic_id: crate::Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl OffsetCommitRequestTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version <= 9 {
            p::write_string(buf, &self.name, version >= 8).ctx("name")?;
        }
        if version >= 10 {
            p::write_uuid(buf, &self.topic_id);
        }
        p::write_array_len(buf, Some(self.partitions.len()), version >= 8).ctx("partitions")?;
        for e in &self.partitions {
            (*e).encode_fields(buf, version).ctx("partitions")?;
        }
        if version >= 8 {
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
        if version <= 9 {
            len += p::string_len(&self.name, version >= 8);
        }
        if version >= 10 {
            len += 16;
        }
        len += p::array_len_len(Some(self.partitions.len()), version >= 8) + self.partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 8 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version <= 9 {
            this.name = p::read_string(buf, version >= 8).ctx("name")?;
        }
        if version >= 10 {
            this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
        }
        this.partitions = p::read_array(buf, version >= 8, |buf| OffsetCommitRequestPartition::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        if version >= 8 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for OffsetCommitRequestTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for OffsetCommitRequestTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for OffsetCommitRequestTopic {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version <= 9 {
            map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        }
        if version >= 10 {
            map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        }
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for OffsetCommitRequestTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version <= 9 {
            this.name = rng.string();
        }
        if version >= 10 {
            this.topic_id = rng.uuid();
        }
        this.partitions = rng.vec(|rng| <OffsetCommitRequestPartition as crate::random::Random>::random(rng, version));
        if version >= 8 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


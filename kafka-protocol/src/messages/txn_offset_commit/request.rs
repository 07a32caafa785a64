//! `TxnOffsetCommitRequest` (request, API key 28; versions 0-6; flexible 3+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/TxnOffsetCommitRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `TxnOffsetCommitRequest`: request, API key 28; versions 0-6; flexible 3+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct TxnOffsetCommitRequest {
    /// `TransactionalId`: string; versions 0+; entity type transactionalId.
    pub transactional_id: String,
    /// `GroupId`: string; versions 0+; entity type groupId.
    pub group_id: String,
    /// `ProducerId`: int64; versions 0+; entity type producerId.
    pub producer_id: i64,
    /// `ProducerEpoch`: int16; versions 0+.
    pub producer_epoch: i16,
    /// `GenerationIdOrMemberEpoch`: int32; versions 3+; default -1.
    pub generation_id_or_member_epoch: i32,
    /// `MemberId`: string; versions 3+; default .
    pub member_id: String,
    /// `GroupInstanceId`: string; versions 3+; nullable 3+; default null.
    pub group_instance_id: Option<String>,
    /// `Topics`: []TxnOffsetCommitRequestTopic; versions 0+.
    pub topics: Vec<TxnOffsetCommitRequestTopic>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TxnOffsetCommitRequest {
    fn default() -> Self {
        Self {
            transactional_id: String::new(),
            group_id: String::new(),
            producer_id: 0,
            producer_epoch: 0,
            generation_id_or_member_epoch: -1,
            member_id: String::new(),
            group_instance_id: None,
            topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TxnOffsetCommitRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.transactional_id, version >= 3).ctx("transactional_id")?;
        p::write_string(buf, &self.group_id, version >= 3).ctx("group_id")?;
        p::write_i64(buf, self.producer_id);
        p::write_i16(buf, self.producer_epoch);
        if version >= 3 {
            p::write_i32(buf, self.generation_id_or_member_epoch);
        } else if self.generation_id_or_member_epoch != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("generation_id_or_member_epoch"));
        }
        if version >= 3 {
            p::write_string(buf, &self.member_id, version >= 3).ctx("member_id")?;
        } else if !self.member_id.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("member_id"));
        }
        if version >= 3 {
            match &self.group_instance_id {
                Some(v) => {
                    p::write_string(buf, v, version >= 3).ctx("group_instance_id")?;
                }
                None if version >= 3 => {
                    p::write_nullable_string(buf, None, version >= 3).ctx("group_instance_id")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("group_instance_id")),
            }
        } else if self.group_instance_id.is_some() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("group_instance_id"));
        }
        p::write_array_len(buf, Some(self.topics.len()), version >= 3).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        if version >= 3 {
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
        len += p::string_len(&self.transactional_id, version >= 3);
        len += p::string_len(&self.group_id, version >= 3);
        len += 8;
        len += 2;
        if version >= 3 {
            len += 4;
        }
        if version >= 3 {
            len += p::string_len(&self.member_id, version >= 3);
        }
        if version >= 3 {
            len += match &self.group_instance_id { Some(v) => p::string_len(v, version >= 3), None => if version >= 3 { 1 } else { 2 } };
        }
        len += p::array_len_len(Some(self.topics.len()), version >= 3) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 3 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.transactional_id = p::read_string(buf, version >= 3).ctx("transactional_id")?;
        this.group_id = p::read_string(buf, version >= 3).ctx("group_id")?;
        this.producer_id = p::read_i64(buf).ctx("producer_id")?;
        this.producer_epoch = p::read_i16(buf).ctx("producer_epoch")?;
        if version >= 3 {
            this.generation_id_or_member_epoch = p::read_i32(buf).ctx("generation_id_or_member_epoch")?;
        }
        if version >= 3 {
            this.member_id = p::read_string(buf, version >= 3).ctx("member_id")?;
        }
        if version >= 3 {
            this.group_instance_id = if version >= 3 { p::read_nullable_string(buf, version >= 3).ctx("group_instance_id")? } else { Some(p::read_string(buf, version >= 3).ctx("group_instance_id")?) };
        }
        this.topics = p::read_array(buf, version >= 3, |buf| TxnOffsetCommitRequestTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TxnOffsetCommitRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("TxnOffsetCommitRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("TxnOffsetCommitRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TxnOffsetCommitRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("TxnOffsetCommitRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("TxnOffsetCommitRequest", version))
    }
}

impl crate::Message for TxnOffsetCommitRequest {
    const NAME: &'static str = "TxnOffsetCommitRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 6 };
    const FLEXIBLE_SINCE: Option<i16> = Some(3);
}

impl crate::Request for TxnOffsetCommitRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::TxnOffsetCommit;
    type Response = super::TxnOffsetCommitResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TxnOffsetCommitRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("transactionalId".into(), serde_json::Value::from(self.transactional_id.as_str()));
        map.insert("groupId".into(), serde_json::Value::from(self.group_id.as_str()));
        map.insert("producerId".into(), serde_json::Value::from(self.producer_id));
        map.insert("producerEpoch".into(), serde_json::Value::from(self.producer_epoch));
        if version >= 3 {
            map.insert("generationIdOrMemberEpoch".into(), serde_json::Value::from(self.generation_id_or_member_epoch));
        }
        if version >= 3 {
            map.insert("memberId".into(), serde_json::Value::from(self.member_id.as_str()));
        }
        if version >= 3 {
            map.insert("groupInstanceId".into(), match &self.group_instance_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TxnOffsetCommitRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.transactional_id = rng.string();
        this.group_id = rng.string();
        this.producer_id = rng.next_u64() as i64;
        this.producer_epoch = rng.next_u64() as i16;
        if version >= 3 {
            this.generation_id_or_member_epoch = rng.next_u64() as i32;
        }
        if version >= 3 {
            this.member_id = rng.string();
        }
        if version >= 3 {
            this.group_instance_id = if version >= 3 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        this.topics = rng.vec(|rng| <TxnOffsetCommitRequestTopic as crate::random::Random>::random(rng, version));
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `TxnOffsetCommitRequestPartition`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TxnOffsetCommitRequestPartition {
    /// `PartitionIndex`: int32; versions 0+.
    pub partition_index: i32,
    /// `CommittedOffset`: int64; versions 0+.
    pub committed_offset: i64,
    /// `CommittedLeaderEpoch`: int32; versions 2+; default -1; ignorable.
    pub committed_leader_epoch: i32,
    /// `CommittedMetadata`: string; versions 0+; nullable 0+.
    pub committed_metadata: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TxnOffsetCommitRequestPartition {
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

impl TxnOffsetCommitRequestPartition {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        p::write_i64(buf, self.committed_offset);
        if version >= 2 {
            p::write_i32(buf, self.committed_leader_epoch);
        }
        match &self.committed_metadata {
            Some(v) => {
                p::write_string(buf, v, version >= 3).ctx("committed_metadata")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 3).ctx("committed_metadata")?;
            }
        }
        if version >= 3 {
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
        if version >= 2 {
            len += 4;
        }
        len += match &self.committed_metadata { Some(v) => p::string_len(v, version >= 3), None => if version >= 3 { 1 } else { 2 } };
        if version >= 3 {
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
        if version >= 2 {
            this.committed_leader_epoch = p::read_i32(buf).ctx("committed_leader_epoch")?;
        }
        this.committed_metadata = p::read_nullable_string(buf, version >= 3).ctx("committed_metadata")?;
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TxnOffsetCommitRequestPartition {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TxnOffsetCommitRequestPartition {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TxnOffsetCommitRequestPartition {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        map.insert("committedOffset".into(), serde_json::Value::from(self.committed_offset));
        if version >= 2 {
            map.insert("committedLeaderEpoch".into(), serde_json::Value::from(self.committed_leader_epoch));
        }
        map.insert("committedMetadata".into(), match &self.committed_metadata { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TxnOffsetCommitRequestPartition {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.committed_offset = rng.next_u64() as i64;
        if version >= 2 {
            this.committed_leader_epoch = rng.next_u64() as i32;
        }
        this.committed_metadata = rng.option(|rng| rng.string());
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `TxnOffsetCommitRequestTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TxnOffsetCommitRequestTopic {
    /// `Name`: string; versions 0-5; entity type topicName; ignorable.
    pub name: String,
    /// `TopicId`: uuid; versions 6+; ignorable.
    pub topic_id: crate::Uuid,
    /// `Partitions`: []TxnOffsetCommitRequestPartition; versions 0+.
    pub partitions: Vec<TxnOffsetCommitRequestPartition>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TxnOffsetCommitRequestTopic {
    fn default() -> Self {
        Self {
            name: String::new(),
            topic_id: crate::Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TxnOffsetCommitRequestTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version <= 5 {
            p::write_string(buf, &self.name, version >= 3).ctx("name")?;
        }
        if version >= 6 {
            p::write_uuid(buf, &self.topic_id);
        }
        p::write_array_len(buf, Some(self.partitions.len()), version >= 3).ctx("partitions")?;
        for e in &self.partitions {
            (*e).encode_fields(buf, version).ctx("partitions")?;
        }
        if version >= 3 {
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
        if version <= 5 {
            len += p::string_len(&self.name, version >= 3);
        }
        if version >= 6 {
            len += 16;
        }
        len += p::array_len_len(Some(self.partitions.len()), version >= 3) + self.partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 3 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version <= 5 {
            this.name = p::read_string(buf, version >= 3).ctx("name")?;
        }
        if version >= 6 {
            this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
        }
        this.partitions = p::read_array(buf, version >= 3, |buf| TxnOffsetCommitRequestPartition::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TxnOffsetCommitRequestTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TxnOffsetCommitRequestTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TxnOffsetCommitRequestTopic {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version <= 5 {
            map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        }
        if version >= 6 {
            map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        }
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TxnOffsetCommitRequestTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version <= 5 {
            this.name = rng.string();
        }
        if version >= 6 {
            this.topic_id = rng.uuid();
        }
        this.partitions = rng.vec(|rng| <TxnOffsetCommitRequestPartition as crate::random::Random>::random(rng, version));
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


//! `VoteRequest` (request, API key 52; versions 0-2; flexible 0+; listeners: controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/VoteRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `VoteRequest`: request, API key 52; versions 0-2; flexible 0+; listeners: controller.
#[derive(Debug, Clone, PartialEq)]
pub struct VoteRequest {
    /// `ClusterId`: string; versions 0+; nullable 0+; default null.
    pub cluster_id: Option<String>,
    /// `VoterId`: int32; versions 1+; default -1; entity type brokerId; ignorable.
    pub voter_id: i32,
    /// `Topics`: []TopicData; versions 0+.
    pub topics: Vec<TopicData>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for VoteRequest {
    fn default() -> Self {
        Self {
            cluster_id: None,
            voter_id: -1,
            topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl VoteRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        match &self.cluster_id {
            Some(v) => {
                p::write_string(buf, v, true).ctx("cluster_id")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("cluster_id")?;
            }
        }
        if version >= 1 {
            p::write_i32(buf, self.voter_id);
        }
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
        len += match &self.cluster_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        if version >= 1 {
            len += 4;
        }
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
        this.cluster_id = p::read_nullable_string(buf, true).ctx("cluster_id")?;
        if version >= 1 {
            this.voter_id = p::read_i32(buf).ctx("voter_id")?;
        }
        this.topics = p::read_array(buf, true, |buf| TopicData::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for VoteRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("VoteRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("VoteRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for VoteRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("VoteRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("VoteRequest", version))
    }
}

impl crate::Message for VoteRequest {
    const NAME: &'static str = "VoteRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for VoteRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::Vote;
    type Response = super::VoteResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for VoteRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("clusterId".into(), match &self.cluster_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        if version >= 1 {
            map.insert("voterId".into(), serde_json::Value::from(self.voter_id));
        }
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for VoteRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.cluster_id = rng.option(|rng| rng.string());
        if version >= 1 {
            this.voter_id = rng.next_u64() as i32;
        }
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
    /// `ReplicaEpoch`: int32; versions 0+.
    pub replica_epoch: i32,
    /// `ReplicaId`: int32; versions 0+; entity type brokerId.
    pub replica_id: i32,
    /// `ReplicaDirectoryId`: uuid; versions 1+; ignorable.
    pub replica_directory_id: crate::Uuid,
    /// `VoterDirectoryId`: uuid; versions 1+; ignorable.
    pub voter_directory_id: crate::Uuid,
    /// `LastOffsetEpoch`: int32; versions 0+.
    pub last_offset_epoch: i32,
    /// `LastOffset`: int64; versions 0+.
    pub last_offset: i64,
    /// `PreVote`: bool; versions 2+.
    pub pre_vote: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionData {
    fn default() -> Self {
        Self {
            partition_index: 0,
            replica_epoch: 0,
            replica_id: 0,
            replica_directory_id: crate::Uuid::ZERO,
            voter_directory_id: crate::Uuid::ZERO,
            last_offset_epoch: 0,
            last_offset: 0,
            pre_vote: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl PartitionData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        p::write_i32(buf, self.replica_epoch);
        p::write_i32(buf, self.replica_id);
        if version >= 1 {
            p::write_uuid(buf, &self.replica_directory_id);
        }
        if version >= 1 {
            p::write_uuid(buf, &self.voter_directory_id);
        }
        p::write_i32(buf, self.last_offset_epoch);
        p::write_i64(buf, self.last_offset);
        if version >= 2 {
            p::write_bool(buf, self.pre_vote);
        } else if self.pre_vote != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("pre_vote"));
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
        len += 4;
        len += 4;
        if version >= 1 {
            len += 16;
        }
        if version >= 1 {
            len += 16;
        }
        len += 4;
        len += 8;
        if version >= 2 {
            len += 1;
        }
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
        this.replica_epoch = p::read_i32(buf).ctx("replica_epoch")?;
        this.replica_id = p::read_i32(buf).ctx("replica_id")?;
        if version >= 1 {
            this.replica_directory_id = p::read_uuid(buf).ctx("replica_directory_id")?;
        }
        if version >= 1 {
            this.voter_directory_id = p::read_uuid(buf).ctx("voter_directory_id")?;
        }
        this.last_offset_epoch = p::read_i32(buf).ctx("last_offset_epoch")?;
        this.last_offset = p::read_i64(buf).ctx("last_offset")?;
        if version >= 2 {
            this.pre_vote = p::read_bool(buf).ctx("pre_vote")?;
        }
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
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        map.insert("replicaEpoch".into(), serde_json::Value::from(self.replica_epoch));
        map.insert("replicaId".into(), serde_json::Value::from(self.replica_id));
        if version >= 1 {
            map.insert("replicaDirectoryId".into(), serde_json::Value::from(self.replica_directory_id.to_base64()));
        }
        if version >= 1 {
            map.insert("voterDirectoryId".into(), serde_json::Value::from(self.voter_directory_id.to_base64()));
        }
        map.insert("lastOffsetEpoch".into(), serde_json::Value::from(self.last_offset_epoch));
        map.insert("lastOffset".into(), serde_json::Value::from(self.last_offset));
        if version >= 2 {
            map.insert("preVote".into(), serde_json::Value::from(self.pre_vote));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for PartitionData {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.replica_epoch = rng.next_u64() as i32;
        this.replica_id = rng.next_u64() as i32;
        if version >= 1 {
            this.replica_directory_id = rng.uuid();
        }
        if version >= 1 {
            this.voter_directory_id = rng.uuid();
        }
        this.last_offset_epoch = rng.next_u64() as i32;
        this.last_offset = rng.next_u64() as i64;
        if version >= 2 {
            this.pre_vote = rng.bool();
        }
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


//! `OffsetForLeaderEpochRequest` (request, API key 23; versions 2-4; flexible 4+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/OffsetForLeaderEpochRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `OffsetForLeaderEpochRequest`: request, API key 23; versions 2-4; flexible 4+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct OffsetForLeaderEpochRequest {
    /// `ReplicaId`: int32; versions 3+; default -2; entity type brokerId; ignorable.
    pub replica_id: i32,
    /// `Topics`: []OffsetForLeaderTopic; versions 0+.
    pub topics: Vec<OffsetForLeaderTopic>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetForLeaderEpochRequest {
    fn default() -> Self {
        Self {
            replica_id: -2,
            topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl OffsetForLeaderEpochRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 3 {
            p::write_i32(buf, self.replica_id);
        }
        p::write_array_len(buf, Some(self.topics.len()), version >= 4).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        if version >= 4 {
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
        if version >= 3 {
            len += 4;
        }
        len += p::array_len_len(Some(self.topics.len()), version >= 4) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 4 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 3 {
            this.replica_id = p::read_i32(buf).ctx("replica_id")?;
        }
        this.topics = p::read_array(buf, version >= 4, |buf| OffsetForLeaderTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for OffsetForLeaderEpochRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("OffsetForLeaderEpochRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("OffsetForLeaderEpochRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for OffsetForLeaderEpochRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("OffsetForLeaderEpochRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("OffsetForLeaderEpochRequest", version))
    }
}

impl crate::Message for OffsetForLeaderEpochRequest {
    const NAME: &'static str = "OffsetForLeaderEpochRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 2, max: 4 };
    const FLEXIBLE_SINCE: Option<i16> = Some(4);
}

impl crate::Request for OffsetForLeaderEpochRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::OffsetForLeaderEpoch;
    type Response = super::OffsetForLeaderEpochResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for OffsetForLeaderEpochRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 3 {
            map.insert("replicaId".into(), serde_json::Value::from(self.replica_id));
        }
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for OffsetForLeaderEpochRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 3 {
            this.replica_id = rng.next_u64() as i32;
        }
        this.topics = rng.vec(|rng| <OffsetForLeaderTopic as crate::random::Random>::random(rng, version));
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `OffsetForLeaderPartition`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct OffsetForLeaderPartition {
    /// `Partition`: int32; versions 0+.
    pub partition: i32,
    /// `CurrentLeaderEpoch`: int32; versions 2+; default -1; ignorable.
    pub current_leader_epoch: i32,
    /// `LeaderEpoch`: int32; versions 0+.
    pub leader_epoch: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetForLeaderPartition {
    fn default() -> Self {
        Self {
            partition: 0,
            current_leader_epoch: -1,
            leader_epoch: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl OffsetForLeaderPartition {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition);
        p::write_i32(buf, self.current_leader_epoch);
        p::write_i32(buf, self.leader_epoch);
        if version >= 4 {
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
        len += 4;
        len += 4;
        if version >= 4 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.partition = p::read_i32(buf).ctx("partition")?;
        this.current_leader_epoch = p::read_i32(buf).ctx("current_leader_epoch")?;
        this.leader_epoch = p::read_i32(buf).ctx("leader_epoch")?;
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for OffsetForLeaderPartition {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for OffsetForLeaderPartition {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for OffsetForLeaderPartition {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partition".into(), serde_json::Value::from(self.partition));
        map.insert("currentLeaderEpoch".into(), serde_json::Value::from(self.current_leader_epoch));
        map.insert("leaderEpoch".into(), serde_json::Value::from(self.leader_epoch));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for OffsetForLeaderPartition {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition = rng.next_u64() as i32;
        this.current_leader_epoch = rng.next_u64() as i32;
        this.leader_epoch = rng.next_u64() as i32;
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `OffsetForLeaderTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct OffsetForLeaderTopic {
    /// `Topic`: string; versions 0+; entity type topicName; map key.
    pub topic: String,
    /// `Partitions`: []OffsetForLeaderPartition; versions 0+.
    pub partitions: Vec<OffsetForLeaderPartition>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetForLeaderTopic {
    fn default() -> Self {
        Self {
            topic: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl OffsetForLeaderTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.topic, version >= 4).ctx("topic")?;
        p::write_array_len(buf, Some(self.partitions.len()), version >= 4).ctx("partitions")?;
        for e in &self.partitions {
            (*e).encode_fields(buf, version).ctx("partitions")?;
        }
        if version >= 4 {
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
        len += p::string_len(&self.topic, version >= 4);
        len += p::array_len_len(Some(self.partitions.len()), version >= 4) + self.partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 4 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.topic = p::read_string(buf, version >= 4).ctx("topic")?;
        this.partitions = p::read_array(buf, version >= 4, |buf| OffsetForLeaderPartition::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for OffsetForLeaderTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for OffsetForLeaderTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for OffsetForLeaderTopic {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topic".into(), serde_json::Value::from(self.topic.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for OffsetForLeaderTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.topic = rng.string();
        this.partitions = rng.vec(|rng| <OffsetForLeaderPartition as crate::random::Random>::random(rng, version));
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


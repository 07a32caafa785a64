//! `ShareAcknowledgeRequest` (request, API key 79; versions 1-2; flexible 0+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ShareAcknowledgeRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ShareAcknowledgeRequest`: request, API key 79; versions 1-2; flexible 0+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareAcknowledgeRequest {
    /// `GroupId`: string; versions 0+; nullable 0+; default null; entity type groupId.
    pub group_id: Option<String>,
    /// `MemberId`: string; versions 0+; nullable 0+.
    pub member_id: Option<String>,
    /// `ShareSessionEpoch`: int32; versions 0+.
    pub share_session_epoch: i32,
    /// `IsRenewAck`: bool; versions 2+; default false.
    pub is_renew_ack: bool,
    /// `Topics`: []AcknowledgeTopic; versions 0+.
    pub topics: Vec<AcknowledgeTopic>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ShareAcknowledgeRequest {
    fn default() -> Self {
        Self {
            group_id: None,
            member_id: Some(String::new()),
            share_session_epoch: 0,
            is_renew_ack: false,
            topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ShareAcknowledgeRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        match &self.group_id {
            Some(v) => {
                p::write_string(buf, v, true).ctx("group_id")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("group_id")?;
            }
        }
        match &self.member_id {
            Some(v) => {
                p::write_string(buf, v, true).ctx("member_id")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("member_id")?;
            }
        }
        p::write_i32(buf, self.share_session_epoch);
        if version >= 2 {
            p::write_bool(buf, self.is_renew_ack);
        } else if self.is_renew_ack != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("is_renew_ack"));
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
        len += match &self.group_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += match &self.member_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += 4;
        if version >= 2 {
            len += 1;
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
        this.group_id = p::read_nullable_string(buf, true).ctx("group_id")?;
        this.member_id = p::read_nullable_string(buf, true).ctx("member_id")?;
        this.share_session_epoch = p::read_i32(buf).ctx("share_session_epoch")?;
        if version >= 2 {
            this.is_renew_ack = p::read_bool(buf).ctx("is_renew_ack")?;
        }
        this.topics = p::read_array(buf, true, |buf| AcknowledgeTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ShareAcknowledgeRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ShareAcknowledgeRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ShareAcknowledgeRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ShareAcknowledgeRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ShareAcknowledgeRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ShareAcknowledgeRequest", version))
    }
}

impl crate::Message for ShareAcknowledgeRequest {
    const NAME: &'static str = "ShareAcknowledgeRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(1);
}

impl crate::Request for ShareAcknowledgeRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::ShareAcknowledge;
    type Response = super::ShareAcknowledgeResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ShareAcknowledgeRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("groupId".into(), match &self.group_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("memberId".into(), match &self.member_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("shareSessionEpoch".into(), serde_json::Value::from(self.share_session_epoch));
        if version >= 2 {
            map.insert("isRenewAck".into(), serde_json::Value::from(self.is_renew_ack));
        }
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ShareAcknowledgeRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.group_id = rng.option(|rng| rng.string());
        this.member_id = rng.option(|rng| rng.string());
        this.share_session_epoch = rng.next_u64() as i32;
        if version >= 2 {
            this.is_renew_ack = rng.bool();
        }
        this.topics = rng.vec(|rng| <AcknowledgeTopic as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `AcknowledgementBatch`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct AcknowledgementBatch {
    /// `FirstOffset`: int64; versions 0+.
    pub first_offset: i64,
    /// `LastOffset`: int64; versions 0+.
    pub last_offset: i64,
    /// `AcknowledgeTypes`: []int8; versions 0+.
    pub acknowledge_types: Vec<i8>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AcknowledgementBatch {
    fn default() -> Self {
        Self {
            first_offset: 0,
            last_offset: 0,
            acknowledge_types: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AcknowledgementBatch {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i64(buf, self.first_offset);
        p::write_i64(buf, self.last_offset);
        p::write_array_len(buf, Some(self.acknowledge_types.len()), true).ctx("acknowledge_types")?;
        for e in &self.acknowledge_types {
            p::write_i8(buf, *e);
        }
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += 8;
        len += 8;
        len += p::array_len_len(Some(self.acknowledge_types.len()), true) + self.acknowledge_types.len() * 1;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.first_offset = p::read_i64(buf).ctx("first_offset")?;
        this.last_offset = p::read_i64(buf).ctx("last_offset")?;
        this.acknowledge_types = p::read_array(buf, true, |buf| p::read_i8(buf).map_err(crate::DecodeError::from)).ctx("acknowledge_types")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("acknowledge_types")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AcknowledgementBatch {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AcknowledgementBatch {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AcknowledgementBatch {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("firstOffset".into(), serde_json::Value::from(self.first_offset));
        map.insert("lastOffset".into(), serde_json::Value::from(self.last_offset));
        map.insert("acknowledgeTypes".into(), serde_json::Value::Array(self.acknowledge_types.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AcknowledgementBatch {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.first_offset = rng.next_u64() as i64;
        this.last_offset = rng.next_u64() as i64;
        this.acknowledge_types = rng.vec(|rng| rng.next_u64() as i8);
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `AcknowledgePartition`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct AcknowledgePartition {
    /// `PartitionIndex`: int32; versions 0+; map key.
    pub partition_index: i32,
    /// `AcknowledgementBatches`: []AcknowledgementBatch; versions 0+.
    pub acknowledgement_batches: Vec<AcknowledgementBatch>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AcknowledgePartition {
    fn default() -> Self {
        Self {
            partition_index: 0,
            acknowledgement_batches: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AcknowledgePartition {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        p::write_array_len(buf, Some(self.acknowledgement_batches.len()), true).ctx("acknowledgement_batches")?;
        for e in &self.acknowledgement_batches {
            (*e).encode_fields(buf, version).ctx("acknowledgement_batches")?;
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
        len += p::array_len_len(Some(self.acknowledgement_batches.len()), true) + self.acknowledgement_batches.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        this.acknowledgement_batches = p::read_array(buf, true, |buf| AcknowledgementBatch::decode_fields(buf, version)).ctx("acknowledgement_batches")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("acknowledgement_batches")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AcknowledgePartition {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AcknowledgePartition {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AcknowledgePartition {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        map.insert("acknowledgementBatches".into(), serde_json::Value::Array(self.acknowledgement_batches.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AcknowledgePartition {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.acknowledgement_batches = rng.vec(|rng| <AcknowledgementBatch as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `AcknowledgeTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct AcknowledgeTopic {
    /// `TopicId`: uuid; versions 0+; map key.
    pub topic_id: crate::Uuid,
    /// `Partitions`: []AcknowledgePartition; versions 0+.
    pub partitions: Vec<AcknowledgePartition>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AcknowledgeTopic {
    fn default() -> Self {
        Self {
            topic_id: crate::Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AcknowledgeTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
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
        this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
        this.partitions = p::read_array(buf, true, |buf| AcknowledgePartition::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AcknowledgeTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AcknowledgeTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AcknowledgeTopic {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AcknowledgeTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.topic_id = rng.uuid();
        this.partitions = rng.vec(|rng| <AcknowledgePartition as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


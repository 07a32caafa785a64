//! `ShareFetchRequest` (request, API key 78; versions 1-2; flexible 0+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ShareFetchRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ShareFetchRequest`: request, API key 78; versions 1-2; flexible 0+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareFetchRequest {
    /// `GroupId`: string; versions 0+; nullable 0+; default null; entity type groupId.
    pub group_id: Option<String>,
    /// `MemberId`: string; versions 0+; nullable 0+.
    pub member_id: Option<String>,
    /// `ShareSessionEpoch`: int32; versions 0+.
    pub share_session_epoch: i32,
    /// `MaxWaitMs`: int32; versions 0+.
    pub max_wait_ms: i32,
    /// `MinBytes`: int32; versions 0+.
    pub min_bytes: i32,
    /// `MaxBytes`: int32; versions 0+; default 0x7fffffff.
    pub max_bytes: i32,
    /// `MaxRecords`: int32; versions 1+.
    pub max_records: i32,
    /// `BatchSize`: int32; versions 1+.
    pub batch_size: i32,
    /// `ShareAcquireMode`: int8; versions 2+; default 0; ignorable.
    pub share_acquire_mode: i8,
    /// `IsRenewAck`: bool; versions 2+; default false.
    pub is_renew_ack: bool,
    /// `Topics`: []FetchTopic; versions 0+.
    pub topics: Vec<FetchTopic>,
    /// `ForgottenTopicsData`: []ForgottenTopic; versions 0+.
    pub forgotten_topics_data: Vec<ForgottenTopic>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ShareFetchRequest {
    fn default() -> Self {
        Self {
            group_id: None,
            member_id: Some(String::new()),
            share_session_epoch: 0,
            max_wait_ms: 0,
            min_bytes: 0,
            max_bytes: i32::MAX,
            max_records: 0,
            batch_size: 0,
            share_acquire_mode: 0,
            is_renew_ack: false,
            topics: Vec::new(),
            forgotten_topics_data: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ShareFetchRequest {
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
        p::write_i32(buf, self.max_wait_ms);
        p::write_i32(buf, self.min_bytes);
        p::write_i32(buf, self.max_bytes);
        p::write_i32(buf, self.max_records);
        p::write_i32(buf, self.batch_size);
        if version >= 2 {
            p::write_i8(buf, self.share_acquire_mode);
        }
        if version >= 2 {
            p::write_bool(buf, self.is_renew_ack);
        } else if self.is_renew_ack != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("is_renew_ack"));
        }
        p::write_array_len(buf, Some(self.topics.len()), true).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        p::write_array_len(buf, Some(self.forgotten_topics_data.len()), true).ctx("forgotten_topics_data")?;
        for e in &self.forgotten_topics_data {
            (*e).encode_fields(buf, version).ctx("forgotten_topics_data")?;
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
        len += 4;
        len += 4;
        len += 4;
        len += 4;
        len += 4;
        if version >= 2 {
            len += 1;
        }
        if version >= 2 {
            len += 1;
        }
        len += p::array_len_len(Some(self.topics.len()), true) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += p::array_len_len(Some(self.forgotten_topics_data.len()), true) + self.forgotten_topics_data.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        this.max_wait_ms = p::read_i32(buf).ctx("max_wait_ms")?;
        this.min_bytes = p::read_i32(buf).ctx("min_bytes")?;
        this.max_bytes = p::read_i32(buf).ctx("max_bytes")?;
        this.max_records = p::read_i32(buf).ctx("max_records")?;
        this.batch_size = p::read_i32(buf).ctx("batch_size")?;
        if version >= 2 {
            this.share_acquire_mode = p::read_i8(buf).ctx("share_acquire_mode")?;
        }
        if version >= 2 {
            this.is_renew_ack = p::read_bool(buf).ctx("is_renew_ack")?;
        }
        this.topics = p::read_array(buf, true, |buf| FetchTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        this.forgotten_topics_data = p::read_array(buf, true, |buf| ForgottenTopic::decode_fields(buf, version)).ctx("forgotten_topics_data")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("forgotten_topics_data")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ShareFetchRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ShareFetchRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ShareFetchRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ShareFetchRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ShareFetchRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ShareFetchRequest", version))
    }
}

impl crate::Message for ShareFetchRequest {
    const NAME: &'static str = "ShareFetchRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(1);
}

impl crate::Request for ShareFetchRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::ShareFetch;
    type Response = super::ShareFetchResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ShareFetchRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("groupId".into(), match &self.group_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("memberId".into(), match &self.member_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("shareSessionEpoch".into(), serde_json::Value::from(self.share_session_epoch));
        map.insert("maxWaitMs".into(), serde_json::Value::from(self.max_wait_ms));
        map.insert("minBytes".into(), serde_json::Value::from(self.min_bytes));
        map.insert("maxBytes".into(), serde_json::Value::from(self.max_bytes));
        map.insert("maxRecords".into(), serde_json::Value::from(self.max_records));
        map.insert("batchSize".into(), serde_json::Value::from(self.batch_size));
        if version >= 2 {
            map.insert("shareAcquireMode".into(), serde_json::Value::from(self.share_acquire_mode));
        }
        if version >= 2 {
            map.insert("isRenewAck".into(), serde_json::Value::from(self.is_renew_ack));
        }
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("forgottenTopicsData".into(), serde_json::Value::Array(self.forgotten_topics_data.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ShareFetchRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.group_id = rng.option(|rng| rng.string());
        this.member_id = rng.option(|rng| rng.string());
        this.share_session_epoch = rng.next_u64() as i32;
        this.max_wait_ms = rng.next_u64() as i32;
        this.min_bytes = rng.next_u64() as i32;
        this.max_bytes = rng.next_u64() as i32;
        this.max_records = rng.next_u64() as i32;
        this.batch_size = rng.next_u64() as i32;
        if version >= 2 {
            this.share_acquire_mode = rng.next_u64() as i8;
        }
        if version >= 2 {
            this.is_renew_ack = rng.bool();
        }
        this.topics = rng.vec(|rng| <FetchTopic as crate::random::Random>::random(rng, version));
        this.forgotten_topics_data = rng.vec(|rng| <ForgottenTopic as crate::random::Random>::random(rng, version));
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

/// `FetchPartition`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchPartition {
    /// `PartitionIndex`: int32; versions 0+; map key.
    pub partition_index: i32,
    /// `AcknowledgementBatches`: []AcknowledgementBatch; versions 0+.
    pub acknowledgement_batches: Vec<AcknowledgementBatch>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchPartition {
    fn default() -> Self {
        Self {
            partition_index: 0,
            acknowledgement_batches: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl FetchPartition {
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

impl crate::Encode for FetchPartition {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for FetchPartition {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for FetchPartition {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        map.insert("acknowledgementBatches".into(), serde_json::Value::Array(self.acknowledgement_batches.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for FetchPartition {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.acknowledgement_batches = rng.vec(|rng| <AcknowledgementBatch as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `FetchTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchTopic {
    /// `TopicId`: uuid; versions 0+; map key.
    pub topic_id: crate::Uuid,
    /// `Partitions`: []FetchPartition; versions 0+.
    pub partitions: Vec<FetchPartition>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchTopic {
    fn default() -> Self {
        Self {
            topic_id: crate::Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl FetchTopic {
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
        this.partitions = p::read_array(buf, true, |buf| FetchPartition::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for FetchTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for FetchTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for FetchTopic {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for FetchTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.topic_id = rng.uuid();
        this.partitions = rng.vec(|rng| <FetchPartition as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `ForgottenTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct ForgottenTopic {
    /// `TopicId`: uuid; versions 0+.
    pub topic_id: crate::Uuid,
    /// `Partitions`: []int32; versions 0+.
    pub partitions: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ForgottenTopic {
    fn default() -> Self {
        Self {
            topic_id: crate::Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ForgottenTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_uuid(buf, &self.topic_id);
        p::write_array_len(buf, Some(self.partitions.len()), true).ctx("partitions")?;
        for e in &self.partitions {
            p::write_i32(buf, *e);
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
        len += 16;
        len += p::array_len_len(Some(self.partitions.len()), true) + self.partitions.len() * 4;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
        this.partitions = p::read_array(buf, true, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ForgottenTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ForgottenTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ForgottenTopic {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ForgottenTopic {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.topic_id = rng.uuid();
        this.partitions = rng.vec(|rng| rng.next_u64() as i32);
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


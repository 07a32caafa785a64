//! `DescribeProducersResponse` (response, API key 61; versions 0; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeProducersResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeProducersResponse`: response, API key 61; versions 0; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeProducersResponse {
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// `Topics`: []TopicResponse; versions 0+.
    pub topics: Vec<TopicResponse>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeProducersResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeProducersResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
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
        len += 4;
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
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        this.topics = p::read_array(buf, true, |buf| TopicResponse::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeProducersResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeProducersResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeProducersResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeProducersResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeProducersResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeProducersResponse", version))
    }
}

impl crate::Message for DescribeProducersResponse {
    const NAME: &'static str = "DescribeProducersResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeProducersResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeProducersResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.topics = rng.vec(|rng| <TopicResponse as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `ProducerState`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct ProducerState {
    /// `ProducerId`: int64; versions 0+; entity type producerId.
    pub producer_id: i64,
    /// `ProducerEpoch`: int32; versions 0+.
    pub producer_epoch: i32,
    /// `LastSequence`: int32; versions 0+; default -1.
    pub last_sequence: i32,
    /// `LastTimestamp`: int64; versions 0+; default -1.
    pub last_timestamp: i64,
    /// `CoordinatorEpoch`: int32; versions 0+.
    pub coordinator_epoch: i32,
    /// `CurrentTxnStartOffset`: int64; versions 0+; default -1.
    pub current_txn_start_offset: i64,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ProducerState {
    fn default() -> Self {
        Self {
            producer_id: 0,
            producer_epoch: 0,
            last_sequence: -1,
            last_timestamp: -1,
            coordinator_epoch: 0,
            current_txn_start_offset: -1,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ProducerState {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i64(buf, self.producer_id);
        p::write_i32(buf, self.producer_epoch);
        p::write_i32(buf, self.last_sequence);
        p::write_i64(buf, self.last_timestamp);
        p::write_i32(buf, self.coordinator_epoch);
        p::write_i64(buf, self.current_txn_start_offset);
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
        len += 4;
        len += 4;
        len += 8;
        len += 4;
        len += 8;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.producer_id = p::read_i64(buf).ctx("producer_id")?;
        this.producer_epoch = p::read_i32(buf).ctx("producer_epoch")?;
        this.last_sequence = p::read_i32(buf).ctx("last_sequence")?;
        this.last_timestamp = p::read_i64(buf).ctx("last_timestamp")?;
        this.coordinator_epoch = p::read_i32(buf).ctx("coordinator_epoch")?;
        this.current_txn_start_offset = p::read_i64(buf).ctx("current_txn_start_offset")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ProducerState {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ProducerState {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ProducerState {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("producerId".into(), serde_json::Value::from(self.producer_id));
        map.insert("producerEpoch".into(), serde_json::Value::from(self.producer_epoch));
        map.insert("lastSequence".into(), serde_json::Value::from(self.last_sequence));
        map.insert("lastTimestamp".into(), serde_json::Value::from(self.last_timestamp));
        map.insert("coordinatorEpoch".into(), serde_json::Value::from(self.coordinator_epoch));
        map.insert("currentTxnStartOffset".into(), serde_json::Value::from(self.current_txn_start_offset));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ProducerState {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.producer_id = rng.next_u64() as i64;
        this.producer_epoch = rng.next_u64() as i32;
        this.last_sequence = rng.next_u64() as i32;
        this.last_timestamp = rng.next_u64() as i64;
        this.coordinator_epoch = rng.next_u64() as i32;
        this.current_txn_start_offset = rng.next_u64() as i64;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `PartitionResponse`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct PartitionResponse {
    /// `PartitionIndex`: int32; versions 0+.
    pub partition_index: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ErrorMessage`: string; versions 0+; nullable 0+; default null.
    pub error_message: Option<String>,
    /// `ActiveProducers`: []ProducerState; versions 0+.
    pub active_producers: Vec<ProducerState>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionResponse {
    fn default() -> Self {
        Self {
            partition_index: 0,
            error_code: 0,
            error_message: None,
            active_producers: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl PartitionResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        p::write_i16(buf, self.error_code);
        match &self.error_message {
            Some(v) => {
                p::write_string(buf, v, true).ctx("error_message")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("error_message")?;
            }
        }
        p::write_array_len(buf, Some(self.active_producers.len()), true).ctx("active_producers")?;
        for e in &self.active_producers {
            (*e).encode_fields(buf, version).ctx("active_producers")?;
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
        len += 2;
        len += match &self.error_message { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += p::array_len_len(Some(self.active_producers.len()), true) + self.active_producers.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.error_message = p::read_nullable_string(buf, true).ctx("error_message")?;
        this.active_producers = p::read_array(buf, true, |buf| ProducerState::decode_fields(buf, version)).ctx("active_producers")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("active_producers")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for PartitionResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for PartitionResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for PartitionResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("activeProducers".into(), serde_json::Value::Array(self.active_producers.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for PartitionResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.option(|rng| rng.string());
        this.active_producers = rng.vec(|rng| <ProducerState as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TopicResponse`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicResponse {
    /// `Name`: string; versions 0+; entity type topicName.
    pub name: String,
    /// `Partitions`: []PartitionResponse; versions 0+.
    pub partitions: Vec<PartitionResponse>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicResponse {
    fn default() -> Self {
        Self {
            name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopicResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, true).ctx("name")?;
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
        len += p::string_len(&self.name, true);
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
        this.name = p::read_string(buf, true).ctx("name")?;
        this.partitions = p::read_array(buf, true, |buf| PartitionResponse::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TopicResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TopicResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TopicResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopicResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = rng.vec(|rng| <PartitionResponse as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


//! `DescribeTransactionsResponse` (response, API key 65; versions 0; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeTransactionsResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeTransactionsResponse`: response, API key 65; versions 0; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeTransactionsResponse {
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// `TransactionStates`: []TransactionState; versions 0+.
    pub transaction_states: Vec<TransactionState>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeTransactionsResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            transaction_states: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeTransactionsResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        p::write_array_len(buf, Some(self.transaction_states.len()), true).ctx("transaction_states")?;
        for e in &self.transaction_states {
            (*e).encode_fields(buf, version).ctx("transaction_states")?;
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
        len += p::array_len_len(Some(self.transaction_states.len()), true) + self.transaction_states.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        this.transaction_states = p::read_array(buf, true, |buf| TransactionState::decode_fields(buf, version)).ctx("transaction_states")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("transaction_states")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeTransactionsResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeTransactionsResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeTransactionsResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeTransactionsResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeTransactionsResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeTransactionsResponse", version))
    }
}

impl crate::Message for DescribeTransactionsResponse {
    const NAME: &'static str = "DescribeTransactionsResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeTransactionsResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("transactionStates".into(), serde_json::Value::Array(self.transaction_states.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeTransactionsResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.transaction_states = rng.vec(|rng| <TransactionState as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TopicData`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicData {
    /// `Topic`: string; versions 0+; entity type topicName; map key.
    pub topic: String,
    /// `Partitions`: []int32; versions 0+.
    pub partitions: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicData {
    fn default() -> Self {
        Self {
            topic: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopicData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.topic, true).ctx("topic")?;
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
        len += p::string_len(&self.topic, true);
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
        this.topic = p::read_string(buf, true).ctx("topic")?;
        this.partitions = p::read_array(buf, true, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
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
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topic".into(), serde_json::Value::from(self.topic.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopicData {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.topic = rng.string();
        this.partitions = rng.vec(|rng| rng.next_u64() as i32);
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TransactionState`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TransactionState {
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `TransactionalId`: string; versions 0+; entity type transactionalId.
    pub transactional_id: String,
    /// `TransactionState`: string; versions 0+.
    pub transaction_state: String,
    /// `TransactionTimeoutMs`: int32; versions 0+.
    pub transaction_timeout_ms: i32,
    /// `TransactionStartTimeMs`: int64; versions 0+.
    pub transaction_start_time_ms: i64,
    /// `ProducerId`: int64; versions 0+; entity type producerId.
    pub producer_id: i64,
    /// `ProducerEpoch`: int16; versions 0+.
    pub producer_epoch: i16,
    /// `Topics`: []TopicData; versions 0+.
    pub topics: Vec<TopicData>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TransactionState {
    fn default() -> Self {
        Self {
            error_code: 0,
            transactional_id: String::new(),
            transaction_state: String::new(),
            transaction_timeout_ms: 0,
            transaction_start_time_ms: 0,
            producer_id: 0,
            producer_epoch: 0,
            topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TransactionState {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.error_code);
        p::write_string(buf, &self.transactional_id, true).ctx("transactional_id")?;
        p::write_string(buf, &self.transaction_state, true).ctx("transaction_state")?;
        p::write_i32(buf, self.transaction_timeout_ms);
        p::write_i64(buf, self.transaction_start_time_ms);
        p::write_i64(buf, self.producer_id);
        p::write_i16(buf, self.producer_epoch);
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
        len += 2;
        len += p::string_len(&self.transactional_id, true);
        len += p::string_len(&self.transaction_state, true);
        len += 4;
        len += 8;
        len += 8;
        len += 2;
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
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.transactional_id = p::read_string(buf, true).ctx("transactional_id")?;
        this.transaction_state = p::read_string(buf, true).ctx("transaction_state")?;
        this.transaction_timeout_ms = p::read_i32(buf).ctx("transaction_timeout_ms")?;
        this.transaction_start_time_ms = p::read_i64(buf).ctx("transaction_start_time_ms")?;
        this.producer_id = p::read_i64(buf).ctx("producer_id")?;
        this.producer_epoch = p::read_i16(buf).ctx("producer_epoch")?;
        this.topics = p::read_array(buf, true, |buf| TopicData::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TransactionState {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TransactionState {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TransactionState {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("transactionalId".into(), serde_json::Value::from(self.transactional_id.as_str()));
        map.insert("transactionState".into(), serde_json::Value::from(self.transaction_state.as_str()));
        map.insert("transactionTimeoutMs".into(), serde_json::Value::from(self.transaction_timeout_ms));
        map.insert("transactionStartTimeMs".into(), serde_json::Value::from(self.transaction_start_time_ms));
        map.insert("producerId".into(), serde_json::Value::from(self.producer_id));
        map.insert("producerEpoch".into(), serde_json::Value::from(self.producer_epoch));
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TransactionState {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.transactional_id = rng.string();
        this.transaction_state = rng.string();
        this.transaction_timeout_ms = rng.next_u64() as i32;
        this.transaction_start_time_ms = rng.next_u64() as i64;
        this.producer_id = rng.next_u64() as i64;
        this.producer_epoch = rng.next_u64() as i16;
        this.topics = rng.vec(|rng| <TopicData as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


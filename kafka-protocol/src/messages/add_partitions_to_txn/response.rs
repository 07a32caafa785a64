//! `AddPartitionsToTxnResponse` (response, API key 24; versions 0-5; flexible 3+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/AddPartitionsToTxnResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `AddPartitionsToTxnResponse`: response, API key 24; versions 0-5; flexible 3+.
#[derive(Debug, Clone, PartialEq)]
pub struct AddPartitionsToTxnResponse {
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// `ErrorCode`: int16; versions 4+; ignorable.
    pub error_code: i16,
    /// `ResultsByTransaction`: []AddPartitionsToTxnResult; versions 4+.
    pub results_by_transaction: Vec<AddPartitionsToTxnResult>,
    /// `ResultsByTopicV3AndBelow`: []AddPartitionsToTxnTopicResult; versions 0-3.
    pub results_by_topic_v3_and_below: Vec<AddPartitionsToTxnTopicResult>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AddPartitionsToTxnResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            error_code: 0,
            results_by_transaction: Vec::new(),
            results_by_topic_v3_and_below: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AddPartitionsToTxnResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        if version >= 4 {
            p::write_i16(buf, self.error_code);
        }
        if version >= 4 {
            p::write_array_len(buf, Some(self.results_by_transaction.len()), version >= 3).ctx("results_by_transaction")?;
            for e in &self.results_by_transaction {
                (*e).encode_fields(buf, version).ctx("results_by_transaction")?;
            }
        } else if !self.results_by_transaction.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("results_by_transaction"));
        }
        if version <= 3 {
            p::write_array_len(buf, Some(self.results_by_topic_v3_and_below.len()), version >= 3).ctx("results_by_topic_v3_and_below")?;
            for e in &self.results_by_topic_v3_and_below {
                (*e).encode_fields(buf, version).ctx("results_by_topic_v3_and_below")?;
            }
        } else if !self.results_by_topic_v3_and_below.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("results_by_topic_v3_and_below"));
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
        if version >= 4 {
            len += 2;
        }
        if version >= 4 {
            len += p::array_len_len(Some(self.results_by_transaction.len()), version >= 3) + self.results_by_transaction.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        if version <= 3 {
            len += p::array_len_len(Some(self.results_by_topic_v3_and_below.len()), version >= 3) + self.results_by_topic_v3_and_below.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        if version >= 3 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        if version >= 4 {
            this.error_code = p::read_i16(buf).ctx("error_code")?;
        }
        if version >= 4 {
            this.results_by_transaction = p::read_array(buf, version >= 3, |buf| AddPartitionsToTxnResult::decode_fields(buf, version)).ctx("results_by_transaction")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("results_by_transaction")?;
        }
        if version <= 3 {
            this.results_by_topic_v3_and_below = p::read_array(buf, version >= 3, |buf| AddPartitionsToTxnTopicResult::decode_fields(buf, version)).ctx("results_by_topic_v3_and_below")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("results_by_topic_v3_and_below")?;
        }
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AddPartitionsToTxnResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("AddPartitionsToTxnResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("AddPartitionsToTxnResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AddPartitionsToTxnResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("AddPartitionsToTxnResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("AddPartitionsToTxnResponse", version))
    }
}

impl crate::Message for AddPartitionsToTxnResponse {
    const NAME: &'static str = "AddPartitionsToTxnResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 5 };
    const FLEXIBLE_SINCE: Option<i16> = Some(3);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AddPartitionsToTxnResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        if version >= 4 {
            map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        }
        if version >= 4 {
            map.insert("resultsByTransaction".into(), serde_json::Value::Array(self.results_by_transaction.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        if version <= 3 {
            map.insert("resultsByTopicV3AndBelow".into(), serde_json::Value::Array(self.results_by_topic_v3_and_below.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AddPartitionsToTxnResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        if version >= 4 {
            this.error_code = rng.next_u64() as i16;
        }
        if version >= 4 {
            this.results_by_transaction = rng.vec(|rng| <AddPartitionsToTxnResult as crate::random::Random>::random(rng, version));
        }
        if version <= 3 {
            this.results_by_topic_v3_and_below = rng.vec(|rng| <AddPartitionsToTxnTopicResult as crate::random::Random>::random(rng, version));
        }
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `AddPartitionsToTxnResult`, versions 4+.
#[derive(Debug, Clone, PartialEq)]
pub struct AddPartitionsToTxnResult {
    /// `TransactionalId`: string; versions 4+; entity type transactionalId; map key.
    pub transactional_id: String,
    /// `TopicResults`: []AddPartitionsToTxnTopicResult; versions 4+.
    pub topic_results: Vec<AddPartitionsToTxnTopicResult>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AddPartitionsToTxnResult {
    fn default() -> Self {
        Self {
            transactional_id: String::new(),
            topic_results: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AddPartitionsToTxnResult {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 4 {
            p::write_string(buf, &self.transactional_id, version >= 3).ctx("transactional_id")?;
        } else if !self.transactional_id.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("transactional_id"));
        }
        if version >= 4 {
            p::write_array_len(buf, Some(self.topic_results.len()), version >= 3).ctx("topic_results")?;
            for e in &self.topic_results {
                (*e).encode_fields(buf, version).ctx("topic_results")?;
            }
        } else if !self.topic_results.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("topic_results"));
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
        if version >= 4 {
            len += p::string_len(&self.transactional_id, version >= 3);
        }
        if version >= 4 {
            len += p::array_len_len(Some(self.topic_results.len()), version >= 3) + self.topic_results.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        if version >= 3 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 4 {
            this.transactional_id = p::read_string(buf, version >= 3).ctx("transactional_id")?;
        }
        if version >= 4 {
            this.topic_results = p::read_array(buf, version >= 3, |buf| AddPartitionsToTxnTopicResult::decode_fields(buf, version)).ctx("topic_results")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topic_results")?;
        }
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AddPartitionsToTxnResult {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AddPartitionsToTxnResult {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AddPartitionsToTxnResult {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 4 {
            map.insert("transactionalId".into(), serde_json::Value::from(self.transactional_id.as_str()));
        }
        if version >= 4 {
            map.insert("topicResults".into(), serde_json::Value::Array(self.topic_results.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AddPartitionsToTxnResult {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 4 {
            this.transactional_id = rng.string();
        }
        if version >= 4 {
            this.topic_results = rng.vec(|rng| <AddPartitionsToTxnTopicResult as crate::random::Random>::random(rng, version));
        }
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `AddPartitionsToTxnTopicResult`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct AddPartitionsToTxnTopicResult {
    /// `Name`: string; versions 0+; entity type topicName; map key.
    pub name: String,
    /// `ResultsByPartition`: []AddPartitionsToTxnPartitionResult; versions 0+.
    pub results_by_partition: Vec<AddPartitionsToTxnPartitionResult>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AddPartitionsToTxnTopicResult {
    fn default() -> Self {
        Self {
            name: String::new(),
            results_by_partition: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AddPartitionsToTxnTopicResult {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, version >= 3).ctx("name")?;
        p::write_array_len(buf, Some(self.results_by_partition.len()), version >= 3).ctx("results_by_partition")?;
        for e in &self.results_by_partition {
            (*e).encode_fields(buf, version).ctx("results_by_partition")?;
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
        len += p::string_len(&self.name, version >= 3);
        len += p::array_len_len(Some(self.results_by_partition.len()), version >= 3) + self.results_by_partition.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 3 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.name = p::read_string(buf, version >= 3).ctx("name")?;
        this.results_by_partition = p::read_array(buf, version >= 3, |buf| AddPartitionsToTxnPartitionResult::decode_fields(buf, version)).ctx("results_by_partition")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("results_by_partition")?;
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AddPartitionsToTxnTopicResult {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AddPartitionsToTxnTopicResult {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AddPartitionsToTxnTopicResult {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("resultsByPartition".into(), serde_json::Value::Array(self.results_by_partition.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AddPartitionsToTxnTopicResult {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.results_by_partition = rng.vec(|rng| <AddPartitionsToTxnPartitionResult as crate::random::Random>::random(rng, version));
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `AddPartitionsToTxnPartitionResult`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct AddPartitionsToTxnPartitionResult {
    /// `PartitionIndex`: int32; versions 0+; map key.
    pub partition_index: i32,
    /// `PartitionErrorCode`: int16; versions 0+.
    pub partition_error_code: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AddPartitionsToTxnPartitionResult {
    fn default() -> Self {
        Self {
            partition_index: 0,
            partition_error_code: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AddPartitionsToTxnPartitionResult {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        p::write_i16(buf, self.partition_error_code);
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
        len += 2;
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
        this.partition_error_code = p::read_i16(buf).ctx("partition_error_code")?;
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AddPartitionsToTxnPartitionResult {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AddPartitionsToTxnPartitionResult {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AddPartitionsToTxnPartitionResult {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        map.insert("partitionErrorCode".into(), serde_json::Value::from(self.partition_error_code));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AddPartitionsToTxnPartitionResult {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.partition_error_code = rng.next_u64() as i16;
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


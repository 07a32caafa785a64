//! `AddPartitionsToTxnRequest` (request, API key 24; versions 0-5; flexible 3+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/AddPartitionsToTxnRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `AddPartitionsToTxnRequest`: request, API key 24; versions 0-5; flexible 3+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct AddPartitionsToTxnRequest {
    /// `Transactions`: []AddPartitionsToTxnTransaction; versions 4+.
    pub transactions: Vec<AddPartitionsToTxnTransaction>,
    /// `V3AndBelowTransactionalId`: string; versions 0-3; entity type transactionalId.
    pub v3_and_below_transactional_id: String,
    /// `V3AndBelowProducerId`: int64; versions 0-3; entity type producerId.
    pub v3_and_below_producer_id: i64,
    /// `V3AndBelowProducerEpoch`: int16; versions 0-3.
    pub v3_and_below_producer_epoch: i16,
    /// `V3AndBelowTopics`: []AddPartitionsToTxnTopic; versions 0-3.
    pub v3_and_below_topics: Vec<AddPartitionsToTxnTopic>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AddPartitionsToTxnRequest {
    fn default() -> Self {
        Self {
            transactions: Vec::new(),
            v3_and_below_transactional_id: String::new(),
            v3_and_below_producer_id: 0,
            v3_and_below_producer_epoch: 0,
            v3_and_below_topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AddPartitionsToTxnRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 4 {
            p::write_array_len(buf, Some(self.transactions.len()), version >= 3).ctx("transactions")?;
            for e in &self.transactions {
                (*e).encode_fields(buf, version).ctx("transactions")?;
            }
        } else if !self.transactions.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("transactions"));
        }
        if version <= 3 {
            p::write_string(buf, &self.v3_and_below_transactional_id, version >= 3).ctx("v3_and_below_transactional_id")?;
        } else if !self.v3_and_below_transactional_id.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("v3_and_below_transactional_id"));
        }
        if version <= 3 {
            p::write_i64(buf, self.v3_and_below_producer_id);
        } else if self.v3_and_below_producer_id != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("v3_and_below_producer_id"));
        }
        if version <= 3 {
            p::write_i16(buf, self.v3_and_below_producer_epoch);
        } else if self.v3_and_below_producer_epoch != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("v3_and_below_producer_epoch"));
        }
        if version <= 3 {
            p::write_array_len(buf, Some(self.v3_and_below_topics.len()), version >= 3).ctx("v3_and_below_topics")?;
            for e in &self.v3_and_below_topics {
                (*e).encode_fields(buf, version).ctx("v3_and_below_topics")?;
            }
        } else if !self.v3_and_below_topics.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("v3_and_below_topics"));
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
            len += p::array_len_len(Some(self.transactions.len()), version >= 3) + self.transactions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        if version <= 3 {
            len += p::string_len(&self.v3_and_below_transactional_id, version >= 3);
        }
        if version <= 3 {
            len += 8;
        }
        if version <= 3 {
            len += 2;
        }
        if version <= 3 {
            len += p::array_len_len(Some(self.v3_and_below_topics.len()), version >= 3) + self.v3_and_below_topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
            this.transactions = p::read_array(buf, version >= 3, |buf| AddPartitionsToTxnTransaction::decode_fields(buf, version)).ctx("transactions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("transactions")?;
        }
        if version <= 3 {
            this.v3_and_below_transactional_id = p::read_string(buf, version >= 3).ctx("v3_and_below_transactional_id")?;
        }
        if version <= 3 {
            this.v3_and_below_producer_id = p::read_i64(buf).ctx("v3_and_below_producer_id")?;
        }
        if version <= 3 {
            this.v3_and_below_producer_epoch = p::read_i16(buf).ctx("v3_and_below_producer_epoch")?;
        }
        if version <= 3 {
            this.v3_and_below_topics = p::read_array(buf, version >= 3, |buf| AddPartitionsToTxnTopic::decode_fields(buf, version)).ctx("v3_and_below_topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("v3_and_below_topics")?;
        }
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AddPartitionsToTxnRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("AddPartitionsToTxnRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("AddPartitionsToTxnRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AddPartitionsToTxnRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("AddPartitionsToTxnRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("AddPartitionsToTxnRequest", version))
    }
}

impl crate::Message for AddPartitionsToTxnRequest {
    const NAME: &'static str = "AddPartitionsToTxnRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 5 };
    const FLEXIBLE_SINCE: Option<i16> = Some(3);
}

impl crate::Request for AddPartitionsToTxnRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::AddPartitionsToTxn;
    type Response = super::AddPartitionsToTxnResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AddPartitionsToTxnRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 4 {
            map.insert("transactions".into(), serde_json::Value::Array(self.transactions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        if version <= 3 {
            map.insert("v3AndBelowTransactionalId".into(), serde_json::Value::from(self.v3_and_below_transactional_id.as_str()));
        }
        if version <= 3 {
            map.insert("v3AndBelowProducerId".into(), serde_json::Value::from(self.v3_and_below_producer_id));
        }
        if version <= 3 {
            map.insert("v3AndBelowProducerEpoch".into(), serde_json::Value::from(self.v3_and_below_producer_epoch));
        }
        if version <= 3 {
            map.insert("v3AndBelowTopics".into(), serde_json::Value::Array(self.v3_and_below_topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AddPartitionsToTxnRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 4 {
            this.transactions = rng.vec(|rng| <AddPartitionsToTxnTransaction as crate::random::Random>::random(rng, version));
        }
        if version <= 3 {
            this.v3_and_below_transactional_id = rng.string();
        }
        if version <= 3 {
            this.v3_and_below_producer_id = rng.next_u64() as i64;
        }
        if version <= 3 {
            this.v3_and_below_producer_epoch = rng.next_u64() as i16;
        }
        if version <= 3 {
            this.v3_and_below_topics = rng.vec(|rng| <AddPartitionsToTxnTopic as crate::random::Random>::random(rng, version));
        }
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `AddPartitionsToTxnTransaction`, versions 4+.
#[derive(Debug, Clone, PartialEq)]
pub struct AddPartitionsToTxnTransaction {
    /// `TransactionalId`: string; versions 4+; entity type transactionalId; map key.
    pub transactional_id: String,
    /// `ProducerId`: int64; versions 4+; entity type producerId.
    pub producer_id: i64,
    /// `ProducerEpoch`: int16; versions 4+.
    pub producer_epoch: i16,
    /// `VerifyOnly`: bool; versions 4+; default false.
    pub verify_only: bool,
    /// `Topics`: []AddPartitionsToTxnTopic; versions 4+.
    pub topics: Vec<AddPartitionsToTxnTopic>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AddPartitionsToTxnTransaction {
    fn default() -> Self {
        Self {
            transactional_id: String::new(),
            producer_id: 0,
            producer_epoch: 0,
            verify_only: false,
            topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AddPartitionsToTxnTransaction {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 4 {
            p::write_string(buf, &self.transactional_id, version >= 3).ctx("transactional_id")?;
        } else if !self.transactional_id.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("transactional_id"));
        }
        if version >= 4 {
            p::write_i64(buf, self.producer_id);
        } else if self.producer_id != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("producer_id"));
        }
        if version >= 4 {
            p::write_i16(buf, self.producer_epoch);
        } else if self.producer_epoch != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("producer_epoch"));
        }
        if version >= 4 {
            p::write_bool(buf, self.verify_only);
        } else if self.verify_only != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("verify_only"));
        }
        if version >= 4 {
            p::write_array_len(buf, Some(self.topics.len()), version >= 3).ctx("topics")?;
            for e in &self.topics {
                (*e).encode_fields(buf, version).ctx("topics")?;
            }
        } else if !self.topics.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("topics"));
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
            len += 8;
        }
        if version >= 4 {
            len += 2;
        }
        if version >= 4 {
            len += 1;
        }
        if version >= 4 {
            len += p::array_len_len(Some(self.topics.len()), version >= 3) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
            this.producer_id = p::read_i64(buf).ctx("producer_id")?;
        }
        if version >= 4 {
            this.producer_epoch = p::read_i16(buf).ctx("producer_epoch")?;
        }
        if version >= 4 {
            this.verify_only = p::read_bool(buf).ctx("verify_only")?;
        }
        if version >= 4 {
            this.topics = p::read_array(buf, version >= 3, |buf| AddPartitionsToTxnTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        }
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AddPartitionsToTxnTransaction {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AddPartitionsToTxnTransaction {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AddPartitionsToTxnTransaction {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 4 {
            map.insert("transactionalId".into(), serde_json::Value::from(self.transactional_id.as_str()));
        }
        if version >= 4 {
            map.insert("producerId".into(), serde_json::Value::from(self.producer_id));
        }
        if version >= 4 {
            map.insert("producerEpoch".into(), serde_json::Value::from(self.producer_epoch));
        }
        if version >= 4 {
            map.insert("verifyOnly".into(), serde_json::Value::from(self.verify_only));
        }
        if version >= 4 {
            map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AddPartitionsToTxnTransaction {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 4 {
            this.transactional_id = rng.string();
        }
        if version >= 4 {
            this.producer_id = rng.next_u64() as i64;
        }
        if version >= 4 {
            this.producer_epoch = rng.next_u64() as i16;
        }
        if version >= 4 {
            this.verify_only = rng.bool();
        }
        if version >= 4 {
            this.topics = rng.vec(|rng| <AddPartitionsToTxnTopic as crate::random::Random>::random(rng, version));
        }
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `AddPartitionsToTxnTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct AddPartitionsToTxnTopic {
    /// `Name`: string; versions 0+; entity type topicName; map key.
    pub name: String,
    /// `Partitions`: []int32; versions 0+.
    pub partitions: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AddPartitionsToTxnTopic {
    fn default() -> Self {
        Self {
            name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AddPartitionsToTxnTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, version >= 3).ctx("name")?;
        p::write_array_len(buf, Some(self.partitions.len()), version >= 3).ctx("partitions")?;
        for e in &self.partitions {
            p::write_i32(buf, *e);
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
        len += p::array_len_len(Some(self.partitions.len()), version >= 3) + self.partitions.len() * 4;
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
        this.partitions = p::read_array(buf, version >= 3, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AddPartitionsToTxnTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AddPartitionsToTxnTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AddPartitionsToTxnTopic {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AddPartitionsToTxnTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = rng.vec(|rng| rng.next_u64() as i32);
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


//! `ProduceRequest` (request, API key 0; versions 3-13; flexible 9+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ProduceRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ProduceRequest`: request, API key 0; versions 3-13; flexible 9+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct ProduceRequest {
    /// `TransactionalId`: string; versions 3+; nullable 3+; default null; entity type transactionalId.
    pub transactional_id: Option<String>,
    /// `Acks`: int16; versions 0+.
    pub acks: i16,
    /// `TimeoutMs`: int32; versions 0+.
    pub timeout_ms: i32,
    /// `TopicData`: []TopicProduceData; versions 0+.
    pub topic_data: Vec<TopicProduceData>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ProduceRequest {
    fn default() -> Self {
        Self {
            transactional_id: None,
            acks: 0,
            timeout_ms: 0,
            topic_data: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ProduceRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        match &self.transactional_id {
            Some(v) => {
                p::write_string(buf, v, version >= 9).ctx("transactional_id")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 9).ctx("transactional_id")?;
            }
        }
        p::write_i16(buf, self.acks);
        p::write_i32(buf, self.timeout_ms);
        p::write_array_len(buf, Some(self.topic_data.len()), version >= 9).ctx("topic_data")?;
        for e in &self.topic_data {
            (*e).encode_fields(buf, version).ctx("topic_data")?;
        }
        if version >= 9 {
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
        len += match &self.transactional_id { Some(v) => p::string_len(v, version >= 9), None => if version >= 9 { 1 } else { 2 } };
        len += 2;
        len += 4;
        len += p::array_len_len(Some(self.topic_data.len()), version >= 9) + self.topic_data.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 9 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.transactional_id = p::read_nullable_string(buf, version >= 9).ctx("transactional_id")?;
        this.acks = p::read_i16(buf).ctx("acks")?;
        this.timeout_ms = p::read_i32(buf).ctx("timeout_ms")?;
        this.topic_data = p::read_array(buf, version >= 9, |buf| TopicProduceData::decode_fields(buf, version)).ctx("topic_data")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topic_data")?;
        if version >= 9 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ProduceRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ProduceRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ProduceRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ProduceRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ProduceRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ProduceRequest", version))
    }
}

impl crate::Message for ProduceRequest {
    const NAME: &'static str = "ProduceRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 3, max: 13 };
    const FLEXIBLE_SINCE: Option<i16> = Some(9);
}

impl crate::Request for ProduceRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::Produce;
    type Response = super::ProduceResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ProduceRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("transactionalId".into(), match &self.transactional_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("acks".into(), serde_json::Value::from(self.acks));
        map.insert("timeoutMs".into(), serde_json::Value::from(self.timeout_ms));
        map.insert("topicData".into(), serde_json::Value::Array(self.topic_data.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ProduceRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.transactional_id = rng.option(|rng| rng.string());
        this.acks = rng.next_u64() as i16;
        this.timeout_ms = rng.next_u64() as i32;
        this.topic_data = rng.vec(|rng| <TopicProduceData as crate::random::Random>::random(rng, version));
        if version >= 9 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `PartitionProduceData`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct PartitionProduceData {
    /// `Index`: int32; versions 0+.
    pub index: i32,
    /// `Records`: records; versions 0+; nullable 0+.
    pub records: Option<bytes::Bytes>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionProduceData {
    fn default() -> Self {
        Self {
            index: 0,
            records: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl PartitionProduceData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.index);
        match &self.records {
            Some(v) => {
                p::write_bytes(buf, v, version >= 9).ctx("records")?;
            }
            None => {
                p::write_nullable_bytes(buf, None, version >= 9).ctx("records")?;
            }
        }
        if version >= 9 {
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
        len += match &self.records { Some(v) => p::bytes_len(v, version >= 9), None => if version >= 9 { 1 } else { 4 } };
        if version >= 9 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.index = p::read_i32(buf).ctx("index")?;
        this.records = p::read_nullable_bytes(buf, version >= 9).ctx("records")?;
        if version >= 9 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for PartitionProduceData {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for PartitionProduceData {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for PartitionProduceData {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("index".into(), serde_json::Value::from(self.index));
        match &self.records { Some(v) => map.insert("recordsSizeInBytes".into(), serde_json::Value::from(v.len())), None => map.insert("records".into(), serde_json::Value::Null) };
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for PartitionProduceData {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.index = rng.next_u64() as i32;
        this.records = rng.option(|rng| rng.bytes());
        if version >= 9 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `TopicProduceData`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicProduceData {
    /// `Name`: string; versions 0-12; entity type topicName; map key; ignorable.
    pub name: String,
    /// `TopicId`: uuid; versions 13+; map key; ignorable.
    pub topic_id: crate::Uuid,
    /// `PartitionData`: []PartitionProduceData; versions 0+.
    pub partition_data: Vec<PartitionProduceData>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicProduceData {
    fn default() -> Self {
        Self {
            name: String::new(),
            topic_id: crate::Uuid::ZERO,
            partition_data: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopicProduceData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version <= 12 {
            p::write_string(buf, &self.name, version >= 9).ctx("name")?;
        }
        if version >= 13 {
            p::write_uuid(buf, &self.topic_id);
        }
        p::write_array_len(buf, Some(self.partition_data.len()), version >= 9).ctx("partition_data")?;
        for e in &self.partition_data {
            (*e).encode_fields(buf, version).ctx("partition_data")?;
        }
        if version >= 9 {
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
        if version <= 12 {
            len += p::string_len(&self.name, version >= 9);
        }
        if version >= 13 {
            len += 16;
        }
        len += p::array_len_len(Some(self.partition_data.len()), version >= 9) + self.partition_data.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 9 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version <= 12 {
            this.name = p::read_string(buf, version >= 9).ctx("name")?;
        }
        if version >= 13 {
            this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
        }
        this.partition_data = p::read_array(buf, version >= 9, |buf| PartitionProduceData::decode_fields(buf, version)).ctx("partition_data")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partition_data")?;
        if version >= 9 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TopicProduceData {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TopicProduceData {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TopicProduceData {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version <= 12 {
            map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        }
        if version >= 13 {
            map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        }
        map.insert("partitionData".into(), serde_json::Value::Array(self.partition_data.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopicProduceData {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version <= 12 {
            this.name = rng.string();
        }
        if version >= 13 {
            this.topic_id = rng.uuid();
        }
        this.partition_data = rng.vec(|rng| <PartitionProduceData as crate::random::Random>::random(rng, version));
        if version >= 9 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


//! `CreatePartitionsRequest` (request, API key 37; versions 0-3; flexible 2+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/CreatePartitionsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `CreatePartitionsRequest`: request, API key 37; versions 0-3; flexible 2+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct CreatePartitionsRequest {
    /// `Topics`: []CreatePartitionsTopic; versions 0+.
    pub topics: Vec<CreatePartitionsTopic>,
    /// `TimeoutMs`: int32; versions 0+.
    pub timeout_ms: i32,
    /// `ValidateOnly`: bool; versions 0+.
    pub validate_only: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatePartitionsRequest {
    fn default() -> Self {
        Self {
            topics: Vec::new(),
            timeout_ms: 0,
            validate_only: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl CreatePartitionsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.topics.len()), version >= 2).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        p::write_i32(buf, self.timeout_ms);
        p::write_bool(buf, self.validate_only);
        if version >= 2 {
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
        len += p::array_len_len(Some(self.topics.len()), version >= 2) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += 4;
        len += 1;
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.topics = p::read_array(buf, version >= 2, |buf| CreatePartitionsTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        this.timeout_ms = p::read_i32(buf).ctx("timeout_ms")?;
        this.validate_only = p::read_bool(buf).ctx("validate_only")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for CreatePartitionsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("CreatePartitionsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("CreatePartitionsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for CreatePartitionsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("CreatePartitionsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("CreatePartitionsRequest", version))
    }
}

impl crate::Message for CreatePartitionsRequest {
    const NAME: &'static str = "CreatePartitionsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 3 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);
}

impl crate::Request for CreatePartitionsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::CreatePartitions;
    type Response = super::CreatePartitionsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for CreatePartitionsRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("timeoutMs".into(), serde_json::Value::from(self.timeout_ms));
        map.insert("validateOnly".into(), serde_json::Value::from(self.validate_only));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for CreatePartitionsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.topics = rng.vec(|rng| <CreatePartitionsTopic as crate::random::Random>::random(rng, version));
        this.timeout_ms = rng.next_u64() as i32;
        this.validate_only = rng.bool();
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `CreatePartitionsAssignment`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct CreatePartitionsAssignment {
    /// `BrokerIds`: []int32; versions 0+; entity type brokerId.
    pub broker_ids: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatePartitionsAssignment {
    fn default() -> Self {
        Self {
            broker_ids: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl CreatePartitionsAssignment {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.broker_ids.len()), version >= 2).ctx("broker_ids")?;
        for e in &self.broker_ids {
            p::write_i32(buf, *e);
        }
        if version >= 2 {
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
        len += p::array_len_len(Some(self.broker_ids.len()), version >= 2) + self.broker_ids.len() * 4;
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.broker_ids = p::read_array(buf, version >= 2, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("broker_ids")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("broker_ids")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for CreatePartitionsAssignment {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for CreatePartitionsAssignment {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for CreatePartitionsAssignment {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("brokerIds".into(), serde_json::Value::Array(self.broker_ids.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for CreatePartitionsAssignment {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.broker_ids = rng.vec(|rng| rng.next_u64() as i32);
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `CreatePartitionsTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct CreatePartitionsTopic {
    /// `Name`: string; versions 0+; entity type topicName; map key.
    pub name: String,
    /// `Count`: int32; versions 0+.
    pub count: i32,
    /// `Assignments`: []CreatePartitionsAssignment; versions 0+; nullable 0+.
    pub assignments: Option<Vec<CreatePartitionsAssignment>>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatePartitionsTopic {
    fn default() -> Self {
        Self {
            name: String::new(),
            count: 0,
            assignments: Some(Vec::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl CreatePartitionsTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, version >= 2).ctx("name")?;
        p::write_i32(buf, self.count);
        match &self.assignments {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), version >= 2).ctx("assignments")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("assignments")?;
                }
            }
            None => {
                p::write_array_len(buf, None, version >= 2).ctx("assignments")?;
            }
        }
        if version >= 2 {
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
        len += p::string_len(&self.name, version >= 2);
        len += 4;
        len += match &self.assignments { Some(v) => p::array_len_len(Some((*v).len()), version >= 2) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if version >= 2 { 1 } else { 4 } };
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.name = p::read_string(buf, version >= 2).ctx("name")?;
        this.count = p::read_i32(buf).ctx("count")?;
        this.assignments = p::read_array(buf, version >= 2, |buf| CreatePartitionsAssignment::decode_fields(buf, version)).ctx("assignments")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for CreatePartitionsTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for CreatePartitionsTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for CreatePartitionsTopic {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("count".into(), serde_json::Value::from(self.count));
        map.insert("assignments".into(), match &self.assignments { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for CreatePartitionsTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.count = rng.next_u64() as i32;
        this.assignments = rng.option(|rng| rng.vec(|rng| <CreatePartitionsAssignment as crate::random::Random>::random(rng, version)));
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


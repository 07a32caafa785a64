//! `CreateTopicsRequest` (request, API key 19; versions 2-7; flexible 5+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/CreateTopicsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `CreateTopicsRequest`: request, API key 19; versions 2-7; flexible 5+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateTopicsRequest {
    /// `Topics`: []CreatableTopic; versions 0+.
    pub topics: Vec<CreatableTopic>,
    /// `timeoutMs`: int32; versions 0+; default 60000.
    pub timeout_ms: i32,
    /// `validateOnly`: bool; versions 1+; default false.
    pub validate_only: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreateTopicsRequest {
    fn default() -> Self {
        Self {
            topics: Vec::new(),
            timeout_ms: 60000,
            validate_only: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl CreateTopicsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.topics.len()), version >= 5).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        p::write_i32(buf, self.timeout_ms);
        p::write_bool(buf, self.validate_only);
        if version >= 5 {
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
        len += p::array_len_len(Some(self.topics.len()), version >= 5) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += 4;
        len += 1;
        if version >= 5 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.topics = p::read_array(buf, version >= 5, |buf| CreatableTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        this.timeout_ms = p::read_i32(buf).ctx("timeout_ms")?;
        this.validate_only = p::read_bool(buf).ctx("validate_only")?;
        if version >= 5 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for CreateTopicsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("CreateTopicsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("CreateTopicsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for CreateTopicsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("CreateTopicsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("CreateTopicsRequest", version))
    }
}

impl crate::Message for CreateTopicsRequest {
    const NAME: &'static str = "CreateTopicsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 2, max: 7 };
    const FLEXIBLE_SINCE: Option<i16> = Some(5);
}

impl crate::Request for CreateTopicsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::CreateTopics;
    type Response = super::CreateTopicsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for CreateTopicsRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("timeoutMs".into(), serde_json::Value::from(self.timeout_ms));
        map.insert("validateOnly".into(), serde_json::Value::from(self.validate_only));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for CreateTopicsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.topics = rng.vec(|rng| <CreatableTopic as crate::random::Random>::random(rng, version));
        this.timeout_ms = rng.next_u64() as i32;
        this.validate_only = rng.bool();
        if version >= 5 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `CreatableReplicaAssignment`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct CreatableReplicaAssignment {
    /// `PartitionIndex`: int32; versions 0+; map key.
    pub partition_index: i32,
    /// `BrokerIds`: []int32; versions 0+; entity type brokerId.
    pub broker_ids: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatableReplicaAssignment {
    fn default() -> Self {
        Self {
            partition_index: 0,
            broker_ids: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl CreatableReplicaAssignment {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        p::write_array_len(buf, Some(self.broker_ids.len()), version >= 5).ctx("broker_ids")?;
        for e in &self.broker_ids {
            p::write_i32(buf, *e);
        }
        if version >= 5 {
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
        len += p::array_len_len(Some(self.broker_ids.len()), version >= 5) + self.broker_ids.len() * 4;
        if version >= 5 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.partition_index = p::read_i32(buf).ctx("partition_index")?;
        this.broker_ids = p::read_array(buf, version >= 5, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("broker_ids")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("broker_ids")?;
        if version >= 5 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for CreatableReplicaAssignment {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for CreatableReplicaAssignment {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for CreatableReplicaAssignment {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        map.insert("brokerIds".into(), serde_json::Value::Array(self.broker_ids.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for CreatableReplicaAssignment {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.broker_ids = rng.vec(|rng| rng.next_u64() as i32);
        if version >= 5 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `CreatableTopicConfig`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct CreatableTopicConfig {
    /// `Name`: string; versions 0+; map key.
    pub name: String,
    /// `Value`: string; versions 0+; nullable 0+.
    pub value: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatableTopicConfig {
    fn default() -> Self {
        Self {
            name: String::new(),
            value: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl CreatableTopicConfig {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, version >= 5).ctx("name")?;
        match &self.value {
            Some(v) => {
                p::write_string(buf, v, version >= 5).ctx("value")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 5).ctx("value")?;
            }
        }
        if version >= 5 {
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
        len += p::string_len(&self.name, version >= 5);
        len += match &self.value { Some(v) => p::string_len(v, version >= 5), None => if version >= 5 { 1 } else { 2 } };
        if version >= 5 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.name = p::read_string(buf, version >= 5).ctx("name")?;
        this.value = p::read_nullable_string(buf, version >= 5).ctx("value")?;
        if version >= 5 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for CreatableTopicConfig {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for CreatableTopicConfig {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for CreatableTopicConfig {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("value".into(), match &self.value { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for CreatableTopicConfig {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.value = rng.option(|rng| rng.string());
        if version >= 5 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `CreatableTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct CreatableTopic {
    /// `Name`: string; versions 0+; entity type topicName; map key.
    pub name: String,
    /// `NumPartitions`: int32; versions 0+.
    pub num_partitions: i32,
    /// `ReplicationFactor`: int16; versions 0+.
    pub replication_factor: i16,
    /// `Assignments`: []CreatableReplicaAssignment; versions 0+.
    pub assignments: Vec<CreatableReplicaAssignment>,
    /// `Configs`: []CreatableTopicConfig; versions 0+.
    pub configs: Vec<CreatableTopicConfig>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatableTopic {
    fn default() -> Self {
        Self {
            name: String::new(),
            num_partitions: 0,
            replication_factor: 0,
            assignments: Vec::new(),
            configs: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl CreatableTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, version >= 5).ctx("name")?;
        p::write_i32(buf, self.num_partitions);
        p::write_i16(buf, self.replication_factor);
        p::write_array_len(buf, Some(self.assignments.len()), version >= 5).ctx("assignments")?;
        for e in &self.assignments {
            (*e).encode_fields(buf, version).ctx("assignments")?;
        }
        p::write_array_len(buf, Some(self.configs.len()), version >= 5).ctx("configs")?;
        for e in &self.configs {
            (*e).encode_fields(buf, version).ctx("configs")?;
        }
        if version >= 5 {
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
        len += p::string_len(&self.name, version >= 5);
        len += 4;
        len += 2;
        len += p::array_len_len(Some(self.assignments.len()), version >= 5) + self.assignments.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += p::array_len_len(Some(self.configs.len()), version >= 5) + self.configs.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 5 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.name = p::read_string(buf, version >= 5).ctx("name")?;
        this.num_partitions = p::read_i32(buf).ctx("num_partitions")?;
        this.replication_factor = p::read_i16(buf).ctx("replication_factor")?;
        this.assignments = p::read_array(buf, version >= 5, |buf| CreatableReplicaAssignment::decode_fields(buf, version)).ctx("assignments")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("assignments")?;
        this.configs = p::read_array(buf, version >= 5, |buf| CreatableTopicConfig::decode_fields(buf, version)).ctx("configs")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("configs")?;
        if version >= 5 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for CreatableTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for CreatableTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for CreatableTopic {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("numPartitions".into(), serde_json::Value::from(self.num_partitions));
        map.insert("replicationFactor".into(), serde_json::Value::from(self.replication_factor));
        map.insert("assignments".into(), serde_json::Value::Array(self.assignments.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("configs".into(), serde_json::Value::Array(self.configs.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for CreatableTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.num_partitions = rng.next_u64() as i32;
        this.replication_factor = rng.next_u64() as i16;
        this.assignments = rng.vec(|rng| <CreatableReplicaAssignment as crate::random::Random>::random(rng, version));
        this.configs = rng.vec(|rng| <CreatableTopicConfig as crate::random::Random>::random(rng, version));
        if version >= 5 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


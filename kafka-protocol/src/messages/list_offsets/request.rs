//! `ListOffsetsRequest` (request, API key 2; versions 1-11; flexible 6+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ListOffsetsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ListOffsetsRequest`: request, API key 2; versions 1-11; flexible 6+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct ListOffsetsRequest {
    /// `ReplicaId`: int32; versions 0+; entity type brokerId.
    pub replica_id: i32,
    /// `IsolationLevel`: int8; versions 2+.
    pub isolation_level: i8,
    /// `Topics`: []ListOffsetsTopic; versions 0+.
    pub topics: Vec<ListOffsetsTopic>,
    /// `TimeoutMs`: int32; versions 10+; ignorable.
    pub timeout_ms: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListOffsetsRequest {
    fn default() -> Self {
        Self {
            replica_id: 0,
            isolation_level: 0,
            topics: Vec::new(),
            timeout_ms: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ListOffsetsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.replica_id);
        if version >= 2 {
            p::write_i8(buf, self.isolation_level);
        } else if self.isolation_level != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("isolation_level"));
        }
        p::write_array_len(buf, Some(self.topics.len()), version >= 6).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        if version >= 10 {
            p::write_i32(buf, self.timeout_ms);
        }
        if version >= 6 {
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
        if version >= 2 {
            len += 1;
        }
        len += p::array_len_len(Some(self.topics.len()), version >= 6) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 10 {
            len += 4;
        }
        if version >= 6 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.replica_id = p::read_i32(buf).ctx("replica_id")?;
        if version >= 2 {
            this.isolation_level = p::read_i8(buf).ctx("isolation_level")?;
        }
        this.topics = p::read_array(buf, version >= 6, |buf| ListOffsetsTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        if version >= 10 {
            this.timeout_ms = p::read_i32(buf).ctx("timeout_ms")?;
        }
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ListOffsetsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ListOffsetsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ListOffsetsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ListOffsetsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ListOffsetsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ListOffsetsRequest", version))
    }
}

impl crate::Message for ListOffsetsRequest {
    const NAME: &'static str = "ListOffsetsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 11 };
    const FLEXIBLE_SINCE: Option<i16> = Some(6);
}

impl crate::Request for ListOffsetsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::ListOffsets;
    type Response = super::ListOffsetsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ListOffsetsRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("replicaId".into(), serde_json::Value::from(self.replica_id));
        if version >= 2 {
            map.insert("isolationLevel".into(), serde_json::Value::from(self.isolation_level));
        }
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        if version >= 10 {
            map.insert("timeoutMs".into(), serde_json::Value::from(self.timeout_ms));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ListOffsetsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.replica_id = rng.next_u64() as i32;
        if version >= 2 {
            this.isolation_level = rng.next_u64() as i8;
        }
        this.topics = rng.vec(|rng| <ListOffsetsTopic as crate::random::Random>::random(rng, version));
        if version >= 10 {
            this.timeout_ms = rng.next_u64() as i32;
        }
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `ListOffsetsPartition`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct ListOffsetsPartition {
    /// `PartitionIndex`: int32; versions 0+.
    pub partition_index: i32,
    /// `CurrentLeaderEpoch`: int32; versions 4+; default -1; ignorable.
    pub current_leader_epoch: i32,
    /// `Timestamp`: int64; versions 0+.
    pub timestamp: i64,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListOffsetsPartition {
    fn default() -> Self {
        Self {
            partition_index: 0,
            current_leader_epoch: -1,
            timestamp: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ListOffsetsPartition {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        if version >= 4 {
            p::write_i32(buf, self.current_leader_epoch);
        }
        p::write_i64(buf, self.timestamp);
        if version >= 6 {
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
            len += 4;
        }
        len += 8;
        if version >= 6 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.partition_index = p::read_i32(buf).ctx("partition_index")?;
        if version >= 4 {
            this.current_leader_epoch = p::read_i32(buf).ctx("current_leader_epoch")?;
        }
        this.timestamp = p::read_i64(buf).ctx("timestamp")?;
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ListOffsetsPartition {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ListOffsetsPartition {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ListOffsetsPartition {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        if version >= 4 {
            map.insert("currentLeaderEpoch".into(), serde_json::Value::from(self.current_leader_epoch));
        }
        map.insert("timestamp".into(), serde_json::Value::from(self.timestamp));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ListOffsetsPartition {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        if version >= 4 {
            this.current_leader_epoch = rng.next_u64() as i32;
        }
        this.timestamp = rng.next_u64() as i64;
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `ListOffsetsTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct ListOffsetsTopic {
    /// `Name`: string; versions 0+; entity type topicName.
    pub name: String,
    /// `Partitions`: []ListOffsetsPartition; versions 0+.
    pub partitions: Vec<ListOffsetsPartition>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListOffsetsTopic {
    fn default() -> Self {
        Self {
            name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ListOffsetsTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, version >= 6).ctx("name")?;
        p::write_array_len(buf, Some(self.partitions.len()), version >= 6).ctx("partitions")?;
        for e in &self.partitions {
            (*e).encode_fields(buf, version).ctx("partitions")?;
        }
        if version >= 6 {
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
        len += p::string_len(&self.name, version >= 6);
        len += p::array_len_len(Some(self.partitions.len()), version >= 6) + self.partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 6 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.name = p::read_string(buf, version >= 6).ctx("name")?;
        this.partitions = p::read_array(buf, version >= 6, |buf| ListOffsetsPartition::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ListOffsetsTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ListOffsetsTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ListOffsetsTopic {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ListOffsetsTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = rng.vec(|rng| <ListOffsetsPartition as crate::random::Random>::random(rng, version));
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


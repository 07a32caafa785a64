//! `ListPartitionReassignmentsRequest` (request, API key 46; versions 0; flexible 0+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ListPartitionReassignmentsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ListPartitionReassignmentsRequest`: request, API key 46; versions 0; flexible 0+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct ListPartitionReassignmentsRequest {
    /// `TimeoutMs`: int32; versions 0+; default 60000.
    pub timeout_ms: i32,
    /// `Topics`: []ListPartitionReassignmentsTopics; versions 0+; nullable 0+; default null.
    pub topics: Option<Vec<ListPartitionReassignmentsTopics>>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListPartitionReassignmentsRequest {
    fn default() -> Self {
        Self {
            timeout_ms: 60000,
            topics: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ListPartitionReassignmentsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.timeout_ms);
        match &self.topics {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), true).ctx("topics")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("topics")?;
                }
            }
            None => {
                p::write_array_len(buf, None, true).ctx("topics")?;
            }
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
        len += match &self.topics { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if true { 1 } else { 4 } };
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.timeout_ms = p::read_i32(buf).ctx("timeout_ms")?;
        this.topics = p::read_array(buf, true, |buf| ListPartitionReassignmentsTopics::decode_fields(buf, version)).ctx("topics")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ListPartitionReassignmentsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ListPartitionReassignmentsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ListPartitionReassignmentsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ListPartitionReassignmentsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ListPartitionReassignmentsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ListPartitionReassignmentsRequest", version))
    }
}

impl crate::Message for ListPartitionReassignmentsRequest {
    const NAME: &'static str = "ListPartitionReassignmentsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for ListPartitionReassignmentsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::ListPartitionReassignments;
    type Response = super::ListPartitionReassignmentsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ListPartitionReassignmentsRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("timeoutMs".into(), serde_json::Value::from(self.timeout_ms));
        map.insert("topics".into(), match &self.topics { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ListPartitionReassignmentsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.timeout_ms = rng.next_u64() as i32;
        this.topics = rng.option(|rng| rng.vec(|rng| <ListPartitionReassignmentsTopics as crate::random::Random>::random(rng, version)));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `ListPartitionReassignmentsTopics`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct ListPartitionReassignmentsTopics {
    /// `Name`: string; versions 0+; entity type topicName.
    pub name: String,
    /// `PartitionIndexes`: []int32; versions 0+.
    pub partition_indexes: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListPartitionReassignmentsTopics {
    fn default() -> Self {
        Self {
            name: String::new(),
            partition_indexes: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ListPartitionReassignmentsTopics {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, true).ctx("name")?;
        p::write_array_len(buf, Some(self.partition_indexes.len()), true).ctx("partition_indexes")?;
        for e in &self.partition_indexes {
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
        len += p::string_len(&self.name, true);
        len += p::array_len_len(Some(self.partition_indexes.len()), true) + self.partition_indexes.len() * 4;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.name = p::read_string(buf, true).ctx("name")?;
        this.partition_indexes = p::read_array(buf, true, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("partition_indexes")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partition_indexes")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ListPartitionReassignmentsTopics {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ListPartitionReassignmentsTopics {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ListPartitionReassignmentsTopics {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("partitionIndexes".into(), serde_json::Value::Array(self.partition_indexes.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ListPartitionReassignmentsTopics {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.partition_indexes = rng.vec(|rng| rng.next_u64() as i32);
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


//! `ConsumerProtocolAssignment` (data schema; versions 0-3; flexible none).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ConsumerProtocolAssignment.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ConsumerProtocolAssignment`: data schema; versions 0-3; flexible none.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerProtocolAssignment {
    /// `AssignedPartitions`: []TopicPartition; versions 0+.
    pub assigned_partitions: Vec<TopicPartition>,
    /// `UserData`: bytes; versions 0+; nullable 0+; default null.
    pub user_data: Option<bytes::Bytes>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ConsumerProtocolAssignment {
    fn default() -> Self {
        Self {
            assigned_partitions: Vec::new(),
            user_data: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ConsumerProtocolAssignment {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.assigned_partitions.len()), false).ctx("assigned_partitions")?;
        for e in &self.assigned_partitions {
            (*e).encode_fields(buf, version).ctx("assigned_partitions")?;
        }
        match &self.user_data {
            Some(v) => {
                p::write_bytes(buf, v, false).ctx("user_data")?;
            }
            None => {
                p::write_nullable_bytes(buf, None, false).ctx("user_data")?;
            }
        }
        if !self.unknown_tagged_fields.is_empty() {
            return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += p::array_len_len(Some(self.assigned_partitions.len()), false) + self.assigned_partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += match &self.user_data { Some(v) => p::bytes_len(v, false), None => if false { 1 } else { 4 } };
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.assigned_partitions = p::read_array(buf, false, |buf| TopicPartition::decode_fields(buf, version)).ctx("assigned_partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("assigned_partitions")?;
        this.user_data = p::read_nullable_bytes(buf, false).ctx("user_data")?;
        Ok(this)
    }
}

impl crate::Encode for ConsumerProtocolAssignment {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ConsumerProtocolAssignment", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ConsumerProtocolAssignment", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ConsumerProtocolAssignment {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ConsumerProtocolAssignment", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ConsumerProtocolAssignment", version))
    }
}

impl crate::Message for ConsumerProtocolAssignment {
    const NAME: &'static str = "ConsumerProtocolAssignment";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 3 };
    const FLEXIBLE_SINCE: Option<i16> = None;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ConsumerProtocolAssignment {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("assignedPartitions".into(), serde_json::Value::Array(self.assigned_partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("userData".into(), match &self.user_data { Some(v) => crate::json::binary(v), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ConsumerProtocolAssignment {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.assigned_partitions = rng.vec(|rng| <TopicPartition as crate::random::Random>::random(rng, version));
        this.user_data = rng.option(|rng| rng.bytes());
        this
    }
}

/// `TopicPartition`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicPartition {
    /// `Topic`: string; versions 0+; entity type topicName; map key.
    pub topic: String,
    /// `Partitions`: []int32; versions 0+.
    pub partitions: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicPartition {
    fn default() -> Self {
        Self {
            topic: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopicPartition {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.topic, false).ctx("topic")?;
        p::write_array_len(buf, Some(self.partitions.len()), false).ctx("partitions")?;
        for e in &self.partitions {
            p::write_i32(buf, *e);
        }
        if !self.unknown_tagged_fields.is_empty() {
            return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += p::string_len(&self.topic, false);
        len += p::array_len_len(Some(self.partitions.len()), false) + self.partitions.len() * 4;
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.topic = p::read_string(buf, false).ctx("topic")?;
        this.partitions = p::read_array(buf, false, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        Ok(this)
    }
}

impl crate::Encode for TopicPartition {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TopicPartition {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TopicPartition {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topic".into(), serde_json::Value::from(self.topic.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopicPartition {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.topic = rng.string();
        this.partitions = rng.vec(|rng| rng.next_u64() as i32);
        this
    }
}


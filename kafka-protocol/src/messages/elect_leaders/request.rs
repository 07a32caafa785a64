//! `ElectLeadersRequest` (request, API key 43; versions 0-2; flexible 2+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ElectLeadersRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ElectLeadersRequest`: request, API key 43; versions 0-2; flexible 2+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct ElectLeadersRequest {
    /// `ElectionType`: int8; versions 1+.
    pub election_type: i8,
    /// `TopicPartitions`: []TopicPartitions; versions 0+; nullable 0+.
    pub topic_partitions: Option<Vec<TopicPartitions>>,
    /// `TimeoutMs`: int32; versions 0+; default 60000.
    pub timeout_ms: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ElectLeadersRequest {
    fn default() -> Self {
        Self {
            election_type: 0,
            topic_partitions: Some(Vec::new()),
            timeout_ms: 60000,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ElectLeadersRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 1 {
            p::write_i8(buf, self.election_type);
        } else if self.election_type != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("election_type"));
        }
        match &self.topic_partitions {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), version >= 2).ctx("topic_partitions")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("topic_partitions")?;
                }
            }
            None => {
                p::write_array_len(buf, None, version >= 2).ctx("topic_partitions")?;
            }
        }
        p::write_i32(buf, self.timeout_ms);
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
        if version >= 1 {
            len += 1;
        }
        len += match &self.topic_partitions { Some(v) => p::array_len_len(Some((*v).len()), version >= 2) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if version >= 2 { 1 } else { 4 } };
        len += 4;
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 1 {
            this.election_type = p::read_i8(buf).ctx("election_type")?;
        }
        this.topic_partitions = p::read_array(buf, version >= 2, |buf| TopicPartitions::decode_fields(buf, version)).ctx("topic_partitions")?;
        this.timeout_ms = p::read_i32(buf).ctx("timeout_ms")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ElectLeadersRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ElectLeadersRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ElectLeadersRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ElectLeadersRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ElectLeadersRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ElectLeadersRequest", version))
    }
}

impl crate::Message for ElectLeadersRequest {
    const NAME: &'static str = "ElectLeadersRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);
}

impl crate::Request for ElectLeadersRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::ElectLeaders;
    type Response = super::ElectLeadersResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ElectLeadersRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 1 {
            map.insert("electionType".into(), serde_json::Value::from(self.election_type));
        }
        map.insert("topicPartitions".into(), match &self.topic_partitions { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        map.insert("timeoutMs".into(), serde_json::Value::from(self.timeout_ms));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ElectLeadersRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 1 {
            this.election_type = rng.next_u64() as i8;
        }
        this.topic_partitions = rng.option(|rng| rng.vec(|rng| <TopicPartitions as crate::random::Random>::random(rng, version)));
        this.timeout_ms = rng.next_u64() as i32;
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `TopicPartitions`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicPartitions {
    /// `Topic`: string; versions 0+; entity type topicName; map key.
    pub topic: String,
    /// `Partitions`: []int32; versions 0+.
    pub partitions: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicPartitions {
    fn default() -> Self {
        Self {
            topic: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopicPartitions {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.topic, version >= 2).ctx("topic")?;
        p::write_array_len(buf, Some(self.partitions.len()), version >= 2).ctx("partitions")?;
        for e in &self.partitions {
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
        len += p::string_len(&self.topic, version >= 2);
        len += p::array_len_len(Some(self.partitions.len()), version >= 2) + self.partitions.len() * 4;
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.topic = p::read_string(buf, version >= 2).ctx("topic")?;
        this.partitions = p::read_array(buf, version >= 2, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TopicPartitions {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TopicPartitions {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TopicPartitions {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topic".into(), serde_json::Value::from(self.topic.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopicPartitions {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.topic = rng.string();
        this.partitions = rng.vec(|rng| rng.next_u64() as i32);
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


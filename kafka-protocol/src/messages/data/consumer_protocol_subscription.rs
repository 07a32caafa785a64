//! `ConsumerProtocolSubscription` (data schema; versions 0-3; flexible none).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ConsumerProtocolSubscription.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ConsumerProtocolSubscription`: data schema; versions 0-3; flexible none.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerProtocolSubscription {
    /// `Topics`: []string; versions 0+.
    pub topics: Vec<String>,
    /// `UserData`: bytes; versions 0+; nullable 0+; default null.
    pub user_data: Option<bytes::Bytes>,
    /// `OwnedPartitions`: []TopicPartition; versions 1+; ignorable.
    pub owned_partitions: Vec<TopicPartition>,
    /// `GenerationId`: int32; versions 2+; default -1; ignorable.
    pub generation_id: i32,
    /// `RackId`: string; versions 3+; nullable 3+; default null; ignorable.
    pub rack_id: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ConsumerProtocolSubscription {
    fn default() -> Self {
        Self {
            topics: Vec::new(),
            user_data: None,
            owned_partitions: Vec::new(),
            generation_id: -1,
            rack_id: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ConsumerProtocolSubscription {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.topics.len()), false).ctx("topics")?;
        for e in &self.topics {
            p::write_string(buf, e, false).ctx("topics")?;
        }
        match &self.user_data {
            Some(v) => {
                p::write_bytes(buf, v, false).ctx("user_data")?;
            }
            None => {
                p::write_nullable_bytes(buf, None, false).ctx("user_data")?;
            }
        }
        if version >= 1 {
            p::write_array_len(buf, Some(self.owned_partitions.len()), false).ctx("owned_partitions")?;
            for e in &self.owned_partitions {
                (*e).encode_fields(buf, version).ctx("owned_partitions")?;
            }
        }
        if version >= 2 {
            p::write_i32(buf, self.generation_id);
        }
        if version >= 3 {
            match &self.rack_id {
                Some(v) => {
                    p::write_string(buf, v, false).ctx("rack_id")?;
                }
                None if version >= 3 => {
                    p::write_nullable_string(buf, None, false).ctx("rack_id")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("rack_id")),
            }
        }
        if !self.unknown_tagged_fields.is_empty() {
            return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += p::array_len_len(Some(self.topics.len()), false) + self.topics.iter().map(|e| p::string_len(e, false)).sum::<usize>();
        len += match &self.user_data { Some(v) => p::bytes_len(v, false), None => if false { 1 } else { 4 } };
        if version >= 1 {
            len += p::array_len_len(Some(self.owned_partitions.len()), false) + self.owned_partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        if version >= 2 {
            len += 4;
        }
        if version >= 3 {
            len += match &self.rack_id { Some(v) => p::string_len(v, false), None => if false { 1 } else { 2 } };
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.topics = p::read_array(buf, false, |buf| p::read_string(buf, false).map_err(crate::DecodeError::from)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        this.user_data = p::read_nullable_bytes(buf, false).ctx("user_data")?;
        if version >= 1 {
            this.owned_partitions = p::read_array(buf, false, |buf| TopicPartition::decode_fields(buf, version)).ctx("owned_partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("owned_partitions")?;
        }
        if version >= 2 {
            this.generation_id = p::read_i32(buf).ctx("generation_id")?;
        }
        if version >= 3 {
            this.rack_id = if version >= 3 { p::read_nullable_string(buf, false).ctx("rack_id")? } else { Some(p::read_string(buf, false).ctx("rack_id")?) };
        }
        Ok(this)
    }
}

impl crate::Encode for ConsumerProtocolSubscription {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ConsumerProtocolSubscription", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ConsumerProtocolSubscription", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ConsumerProtocolSubscription {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ConsumerProtocolSubscription", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ConsumerProtocolSubscription", version))
    }
}

impl crate::Message for ConsumerProtocolSubscription {
    const NAME: &'static str = "ConsumerProtocolSubscription";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 3 };
    const FLEXIBLE_SINCE: Option<i16> = None;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ConsumerProtocolSubscription {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        map.insert("userData".into(), match &self.user_data { Some(v) => crate::json::binary(v), None => serde_json::Value::Null });
        if version >= 1 {
            map.insert("ownedPartitions".into(), serde_json::Value::Array(self.owned_partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        if version >= 2 {
            map.insert("generationId".into(), serde_json::Value::from(self.generation_id));
        }
        if version >= 3 {
            map.insert("rackId".into(), match &self.rack_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ConsumerProtocolSubscription {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.topics = rng.vec(|rng| rng.string());
        this.user_data = rng.option(|rng| rng.bytes());
        if version >= 1 {
            this.owned_partitions = rng.vec(|rng| <TopicPartition as crate::random::Random>::random(rng, version));
        }
        if version >= 2 {
            this.generation_id = rng.next_u64() as i32;
        }
        if version >= 3 {
            this.rack_id = if version >= 3 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        this
    }
}

/// `TopicPartition`, versions 1+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicPartition {
    /// `Topic`: string; versions 1+; entity type topicName; map key.
    pub topic: String,
    /// `Partitions`: []int32; versions 1+.
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
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 1 {
            p::write_string(buf, &self.topic, false).ctx("topic")?;
        } else if !self.topic.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("topic"));
        }
        if version >= 1 {
            p::write_array_len(buf, Some(self.partitions.len()), false).ctx("partitions")?;
            for e in &self.partitions {
                p::write_i32(buf, *e);
            }
        } else if !self.partitions.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("partitions"));
        }
        if !self.unknown_tagged_fields.is_empty() {
            return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        if version >= 1 {
            len += p::string_len(&self.topic, false);
        }
        if version >= 1 {
            len += p::array_len_len(Some(self.partitions.len()), false) + self.partitions.len() * 4;
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 1 {
            this.topic = p::read_string(buf, false).ctx("topic")?;
        }
        if version >= 1 {
            this.partitions = p::read_array(buf, false, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        }
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
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 1 {
            map.insert("topic".into(), serde_json::Value::from(self.topic.as_str()));
        }
        if version >= 1 {
            map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| serde_json::Value::from(*e)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopicPartition {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 1 {
            this.topic = rng.string();
        }
        if version >= 1 {
            this.partitions = rng.vec(|rng| rng.next_u64() as i32);
        }
        this
    }
}


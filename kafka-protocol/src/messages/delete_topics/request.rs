//! `DeleteTopicsRequest` (request, API key 20; versions 1-6; flexible 4+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DeleteTopicsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DeleteTopicsRequest`: request, API key 20; versions 1-6; flexible 4+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct DeleteTopicsRequest {
    /// `Topics`: []DeleteTopicState; versions 6+.
    pub topics: Vec<DeleteTopicState>,
    /// `TopicNames`: []string; versions 0-5; entity type topicName; ignorable.
    pub topic_names: Vec<String>,
    /// `TimeoutMs`: int32; versions 0+.
    pub timeout_ms: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DeleteTopicsRequest {
    fn default() -> Self {
        Self {
            topics: Vec::new(),
            topic_names: Vec::new(),
            timeout_ms: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DeleteTopicsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 6 {
            p::write_array_len(buf, Some(self.topics.len()), version >= 4).ctx("topics")?;
            for e in &self.topics {
                (*e).encode_fields(buf, version).ctx("topics")?;
            }
        } else if !self.topics.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("topics"));
        }
        if version <= 5 {
            p::write_array_len(buf, Some(self.topic_names.len()), version >= 4).ctx("topic_names")?;
            for e in &self.topic_names {
                p::write_string(buf, e, version >= 4).ctx("topic_names")?;
            }
        }
        p::write_i32(buf, self.timeout_ms);
        if version >= 4 {
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
        if version >= 6 {
            len += p::array_len_len(Some(self.topics.len()), version >= 4) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        if version <= 5 {
            len += p::array_len_len(Some(self.topic_names.len()), version >= 4) + self.topic_names.iter().map(|e| p::string_len(e, version >= 4)).sum::<usize>();
        }
        len += 4;
        if version >= 4 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 6 {
            this.topics = p::read_array(buf, version >= 4, |buf| DeleteTopicState::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        }
        if version <= 5 {
            this.topic_names = p::read_array(buf, version >= 4, |buf| p::read_string(buf, version >= 4).map_err(crate::DecodeError::from)).ctx("topic_names")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topic_names")?;
        }
        this.timeout_ms = p::read_i32(buf).ctx("timeout_ms")?;
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DeleteTopicsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DeleteTopicsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DeleteTopicsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DeleteTopicsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DeleteTopicsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DeleteTopicsRequest", version))
    }
}

impl crate::Message for DeleteTopicsRequest {
    const NAME: &'static str = "DeleteTopicsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 6 };
    const FLEXIBLE_SINCE: Option<i16> = Some(4);
}

impl crate::Request for DeleteTopicsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::DeleteTopics;
    type Response = super::DeleteTopicsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DeleteTopicsRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 6 {
            map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        if version <= 5 {
            map.insert("topicNames".into(), serde_json::Value::Array(self.topic_names.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        }
        map.insert("timeoutMs".into(), serde_json::Value::from(self.timeout_ms));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DeleteTopicsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 6 {
            this.topics = rng.vec(|rng| <DeleteTopicState as crate::random::Random>::random(rng, version));
        }
        if version <= 5 {
            this.topic_names = rng.vec(|rng| rng.string());
        }
        this.timeout_ms = rng.next_u64() as i32;
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `DeleteTopicState`, versions 6+.
#[derive(Debug, Clone, PartialEq)]
pub struct DeleteTopicState {
    /// `Name`: string; versions 6+; nullable 6+; default null; entity type topicName.
    pub name: Option<String>,
    /// `TopicId`: uuid; versions 6+.
    pub topic_id: crate::Uuid,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DeleteTopicState {
    fn default() -> Self {
        Self {
            name: None,
            topic_id: crate::Uuid::ZERO,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DeleteTopicState {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 6 {
            match &self.name {
                Some(v) => {
                    p::write_string(buf, v, version >= 4).ctx("name")?;
                }
                None if version >= 6 => {
                    p::write_nullable_string(buf, None, version >= 4).ctx("name")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("name")),
            }
        } else if self.name.is_some() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("name"));
        }
        if version >= 6 {
            p::write_uuid(buf, &self.topic_id);
        } else if self.topic_id != crate::Uuid::ZERO {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("topic_id"));
        }
        if version >= 4 {
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
        if version >= 6 {
            len += match &self.name { Some(v) => p::string_len(v, version >= 4), None => if version >= 4 { 1 } else { 2 } };
        }
        if version >= 6 {
            len += 16;
        }
        if version >= 4 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 6 {
            this.name = if version >= 6 { p::read_nullable_string(buf, version >= 4).ctx("name")? } else { Some(p::read_string(buf, version >= 4).ctx("name")?) };
        }
        if version >= 6 {
            this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
        }
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DeleteTopicState {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DeleteTopicState {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DeleteTopicState {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 6 {
            map.insert("name".into(), match &self.name { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        if version >= 6 {
            map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DeleteTopicState {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 6 {
            this.name = if version >= 6 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 6 {
            this.topic_id = rng.uuid();
        }
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


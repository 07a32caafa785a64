//! `MetadataRequest` (request, API key 3; versions 0-13; flexible 9+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/MetadataRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `MetadataRequest`: request, API key 3; versions 0-13; flexible 9+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct MetadataRequest {
    /// `Topics`: []MetadataRequestTopic; versions 0+; nullable 1+.
    pub topics: Option<Vec<MetadataRequestTopic>>,
    /// `AllowAutoTopicCreation`: bool; versions 4+; default true.
    pub allow_auto_topic_creation: bool,
    /// `IncludeClusterAuthorizedOperations`: bool; versions 8-10.
    pub include_cluster_authorized_operations: bool,
    /// `IncludeTopicAuthorizedOperations`: bool; versions 8+.
    pub include_topic_authorized_operations: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for MetadataRequest {
    fn default() -> Self {
        Self {
            topics: Some(Vec::new()),
            allow_auto_topic_creation: true,
            include_cluster_authorized_operations: false,
            include_topic_authorized_operations: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl MetadataRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        match &self.topics {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), version >= 9).ctx("topics")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("topics")?;
                }
            }
            None if version >= 1 => {
                p::write_array_len(buf, None, version >= 9).ctx("topics")?;
            }
            None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("topics")),
        }
        if version >= 4 {
            p::write_bool(buf, self.allow_auto_topic_creation);
        } else if self.allow_auto_topic_creation != true {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("allow_auto_topic_creation"));
        }
        if (8..=10).contains(&version) {
            p::write_bool(buf, self.include_cluster_authorized_operations);
        } else if self.include_cluster_authorized_operations != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("include_cluster_authorized_operations"));
        }
        if version >= 8 {
            p::write_bool(buf, self.include_topic_authorized_operations);
        } else if self.include_topic_authorized_operations != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("include_topic_authorized_operations"));
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
        len += match &self.topics { Some(v) => p::array_len_len(Some((*v).len()), version >= 9) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if version >= 9 { 1 } else { 4 } };
        if version >= 4 {
            len += 1;
        }
        if (8..=10).contains(&version) {
            len += 1;
        }
        if version >= 8 {
            len += 1;
        }
        if version >= 9 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.topics = if version >= 1 { p::read_array(buf, version >= 9, |buf| MetadataRequestTopic::decode_fields(buf, version)).ctx("topics")? } else { Some(p::read_array(buf, version >= 9, |buf| MetadataRequestTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?) };
        if version >= 4 {
            this.allow_auto_topic_creation = p::read_bool(buf).ctx("allow_auto_topic_creation")?;
        }
        if (8..=10).contains(&version) {
            this.include_cluster_authorized_operations = p::read_bool(buf).ctx("include_cluster_authorized_operations")?;
        }
        if version >= 8 {
            this.include_topic_authorized_operations = p::read_bool(buf).ctx("include_topic_authorized_operations")?;
        }
        if version >= 9 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for MetadataRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("MetadataRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("MetadataRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for MetadataRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("MetadataRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("MetadataRequest", version))
    }
}

impl crate::Message for MetadataRequest {
    const NAME: &'static str = "MetadataRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 13 };
    const FLEXIBLE_SINCE: Option<i16> = Some(9);
}

impl crate::Request for MetadataRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::Metadata;
    type Response = super::MetadataResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for MetadataRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topics".into(), match &self.topics { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        if version >= 4 {
            map.insert("allowAutoTopicCreation".into(), serde_json::Value::from(self.allow_auto_topic_creation));
        }
        if (8..=10).contains(&version) {
            map.insert("includeClusterAuthorizedOperations".into(), serde_json::Value::from(self.include_cluster_authorized_operations));
        }
        if version >= 8 {
            map.insert("includeTopicAuthorizedOperations".into(), serde_json::Value::from(self.include_topic_authorized_operations));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for MetadataRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.topics = if version >= 1 { rng.option(|rng| rng.vec(|rng| <MetadataRequestTopic as crate::random::Random>::random(rng, version))) } else { Some(rng.vec(|rng| <MetadataRequestTopic as crate::random::Random>::random(rng, version))) };
        if version >= 4 {
            this.allow_auto_topic_creation = rng.bool();
        }
        if (8..=10).contains(&version) {
            this.include_cluster_authorized_operations = rng.bool();
        }
        if version >= 8 {
            this.include_topic_authorized_operations = rng.bool();
        }
        if version >= 9 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `MetadataRequestTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct MetadataRequestTopic {
    /// `TopicId`: uuid; versions 10+; ignorable.
    pub topic_id: crate::Uuid,
    /// `Name`: string; versions 0+; nullable 10+; entity type topicName.
    pub name: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for MetadataRequestTopic {
    fn default() -> Self {
        Self {
            topic_id: crate::Uuid::ZERO,
            name: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl MetadataRequestTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 10 {
            p::write_uuid(buf, &self.topic_id);
        }
        match &self.name {
            Some(v) => {
                p::write_string(buf, v, version >= 9).ctx("name")?;
            }
            None if version >= 10 => {
                p::write_nullable_string(buf, None, version >= 9).ctx("name")?;
            }
            None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("name")),
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
        if version >= 10 {
            len += 16;
        }
        len += match &self.name { Some(v) => p::string_len(v, version >= 9), None => if version >= 9 { 1 } else { 2 } };
        if version >= 9 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 10 {
            this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
        }
        this.name = if version >= 10 { p::read_nullable_string(buf, version >= 9).ctx("name")? } else { Some(p::read_string(buf, version >= 9).ctx("name")?) };
        if version >= 9 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for MetadataRequestTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for MetadataRequestTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for MetadataRequestTopic {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 10 {
            map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        }
        map.insert("name".into(), match &self.name { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for MetadataRequestTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 10 {
            this.topic_id = rng.uuid();
        }
        this.name = if version >= 10 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        if version >= 9 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


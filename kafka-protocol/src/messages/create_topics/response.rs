//! `CreateTopicsResponse` (response, API key 19; versions 2-7; flexible 5+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/CreateTopicsResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `CreateTopicsResponse`: response, API key 19; versions 2-7; flexible 5+.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateTopicsResponse {
    /// `ThrottleTimeMs`: int32; versions 2+; ignorable.
    pub throttle_time_ms: i32,
    /// `Topics`: []CreatableTopicResult; versions 0+.
    pub topics: Vec<CreatableTopicResult>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreateTopicsResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl CreateTopicsResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        p::write_array_len(buf, Some(self.topics.len()), version >= 5).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
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
        len += p::array_len_len(Some(self.topics.len()), version >= 5) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 5 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        this.topics = p::read_array(buf, version >= 5, |buf| CreatableTopicResult::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        if version >= 5 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for CreateTopicsResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("CreateTopicsResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("CreateTopicsResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for CreateTopicsResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("CreateTopicsResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("CreateTopicsResponse", version))
    }
}

impl crate::Message for CreateTopicsResponse {
    const NAME: &'static str = "CreateTopicsResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 2, max: 7 };
    const FLEXIBLE_SINCE: Option<i16> = Some(5);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for CreateTopicsResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for CreateTopicsResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.topics = rng.vec(|rng| <CreatableTopicResult as crate::random::Random>::random(rng, version));
        if version >= 5 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `CreatableTopicConfigs`, versions 5+.
#[derive(Debug, Clone, PartialEq)]
pub struct CreatableTopicConfigs {
    /// `Name`: string; versions 5+.
    pub name: String,
    /// `Value`: string; versions 5+; nullable 5+.
    pub value: Option<String>,
    /// `ReadOnly`: bool; versions 5+.
    pub read_only: bool,
    /// `ConfigSource`: int8; versions 5+; default -1; ignorable.
    pub config_source: i8,
    /// `IsSensitive`: bool; versions 5+.
    pub is_sensitive: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatableTopicConfigs {
    fn default() -> Self {
        Self {
            name: String::new(),
            value: Some(String::new()),
            read_only: false,
            config_source: -1,
            is_sensitive: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl CreatableTopicConfigs {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 5 {
            p::write_string(buf, &self.name, version >= 5).ctx("name")?;
        } else if !self.name.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("name"));
        }
        if version >= 5 {
            match &self.value {
                Some(v) => {
                    p::write_string(buf, v, version >= 5).ctx("value")?;
                }
                None if version >= 5 => {
                    p::write_nullable_string(buf, None, version >= 5).ctx("value")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("value")),
            }
        } else if self.value.as_ref().is_none_or(|v| !v.is_empty()) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("value"));
        }
        if version >= 5 {
            p::write_bool(buf, self.read_only);
        } else if self.read_only != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("read_only"));
        }
        if version >= 5 {
            p::write_i8(buf, self.config_source);
        }
        if version >= 5 {
            p::write_bool(buf, self.is_sensitive);
        } else if self.is_sensitive != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("is_sensitive"));
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
        if version >= 5 {
            len += p::string_len(&self.name, version >= 5);
        }
        if version >= 5 {
            len += match &self.value { Some(v) => p::string_len(v, version >= 5), None => if version >= 5 { 1 } else { 2 } };
        }
        if version >= 5 {
            len += 1;
        }
        if version >= 5 {
            len += 1;
        }
        if version >= 5 {
            len += 1;
        }
        if version >= 5 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 5 {
            this.name = p::read_string(buf, version >= 5).ctx("name")?;
        }
        if version >= 5 {
            this.value = if version >= 5 { p::read_nullable_string(buf, version >= 5).ctx("value")? } else { Some(p::read_string(buf, version >= 5).ctx("value")?) };
        }
        if version >= 5 {
            this.read_only = p::read_bool(buf).ctx("read_only")?;
        }
        if version >= 5 {
            this.config_source = p::read_i8(buf).ctx("config_source")?;
        }
        if version >= 5 {
            this.is_sensitive = p::read_bool(buf).ctx("is_sensitive")?;
        }
        if version >= 5 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for CreatableTopicConfigs {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for CreatableTopicConfigs {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for CreatableTopicConfigs {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 5 {
            map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        }
        if version >= 5 {
            map.insert("value".into(), match &self.value { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        if version >= 5 {
            map.insert("readOnly".into(), serde_json::Value::from(self.read_only));
        }
        if version >= 5 {
            map.insert("configSource".into(), serde_json::Value::from(self.config_source));
        }
        if version >= 5 {
            map.insert("isSensitive".into(), serde_json::Value::from(self.is_sensitive));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for CreatableTopicConfigs {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 5 {
            this.name = rng.string();
        }
        if version >= 5 {
            this.value = if version >= 5 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 5 {
            this.read_only = rng.bool();
        }
        if version >= 5 {
            this.config_source = rng.next_u64() as i8;
        }
        if version >= 5 {
            this.is_sensitive = rng.bool();
        }
        if version >= 5 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `CreatableTopicResult`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct CreatableTopicResult {
    /// `Name`: string; versions 0+; entity type topicName; map key.
    pub name: String,
    /// `TopicId`: uuid; versions 7+; ignorable.
    pub topic_id: crate::Uuid,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ErrorMessage`: string; versions 1+; nullable 0+; ignorable.
    pub error_message: Option<String>,
    /// `TopicConfigErrorCode`: int16; versions 5+; tag 0 in versions 5+; ignorable.
    pub topic_config_error_code: i16,
    /// `NumPartitions`: int32; versions 5+; default -1; ignorable.
    pub num_partitions: i32,
    /// `ReplicationFactor`: int16; versions 5+; default -1; ignorable.
    pub replication_factor: i16,
    /// `Configs`: []CreatableTopicConfigs; versions 5+; nullable 5+; ignorable.
    pub configs: Option<Vec<CreatableTopicConfigs>>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatableTopicResult {
    fn default() -> Self {
        Self {
            name: String::new(),
            topic_id: crate::Uuid::ZERO,
            error_code: 0,
            error_message: Some(String::new()),
            topic_config_error_code: 0,
            num_partitions: -1,
            replication_factor: -1,
            configs: Some(Vec::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl CreatableTopicResult {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, version >= 5).ctx("name")?;
        if version >= 7 {
            p::write_uuid(buf, &self.topic_id);
        }
        p::write_i16(buf, self.error_code);
        match &self.error_message {
            Some(v) => {
                p::write_string(buf, v, version >= 5).ctx("error_message")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 5).ctx("error_message")?;
            }
        }
        if version >= 5 {
            p::write_i32(buf, self.num_partitions);
        }
        if version >= 5 {
            p::write_i16(buf, self.replication_factor);
        }
        if version >= 5 {
            match &self.configs {
                Some(v) => {
                    p::write_array_len(buf, Some((*v).len()), version >= 5).ctx("configs")?;
                    for e in v {
                        (*e).encode_fields(buf, version).ctx("configs")?;
                    }
                }
                None if version >= 5 => {
                    p::write_array_len(buf, None, version >= 5).ctx("configs")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("configs")),
            }
        }
        if version >= 5 {
            let mut count = self.unknown_tagged_fields.len();
            let tagged_topic_config_error_code = (version >= 5) && self.topic_config_error_code != 0;
            count += tagged_topic_config_error_code as usize;
            p::write_unsigned_varint(buf, count as u32);
            let mut raw = 0;
            if tagged_topic_config_error_code {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 0);
                p::write_unsigned_varint(buf, 0);
                p::write_unsigned_varint(buf, (2) as u32);
                p::write_i16(buf, self.topic_config_error_code);
            }
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, u64::MAX);
        }
        else if !self.unknown_tagged_fields.is_empty() {
            return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += p::string_len(&self.name, version >= 5);
        if version >= 7 {
            len += 16;
        }
        len += 2;
        len += match &self.error_message { Some(v) => p::string_len(v, version >= 5), None => if version >= 5 { 1 } else { 2 } };
        if version >= 5 {
            len += 4;
        }
        if version >= 5 {
            len += 2;
        }
        if version >= 5 {
            len += match &self.configs { Some(v) => p::array_len_len(Some((*v).len()), version >= 5) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if version >= 5 { 1 } else { 4 } };
        }
        if version >= 5 {
            let mut count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            if (version >= 5) && self.topic_config_error_code != 0 {
                count += 1;
                len += p::tagged_field_len(0, 2);
            }
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.name = p::read_string(buf, version >= 5).ctx("name")?;
        if version >= 7 {
            this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
        }
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.error_message = p::read_nullable_string(buf, version >= 5).ctx("error_message")?;
        if version >= 5 {
            this.num_partitions = p::read_i32(buf).ctx("num_partitions")?;
        }
        if version >= 5 {
            this.replication_factor = p::read_i16(buf).ctx("replication_factor")?;
        }
        if version >= 5 {
            this.configs = if version >= 5 { p::read_array(buf, version >= 5, |buf| CreatableTopicConfigs::decode_fields(buf, version)).ctx("configs")? } else { Some(p::read_array(buf, version >= 5, |buf| CreatableTopicConfigs::decode_fields(buf, version)).ctx("configs")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("configs")?) };
        }
        if version >= 5 {
            let unknown = p::read_tagged_fields(buf, |tag, buf| {
                match tag {
                    0 if version >= 5 => {
                        this.topic_config_error_code = p::read_i16(buf).ctx("topic_config_error_code")?;
                        Ok(true)
                    }
                    _ => Ok(false),
                }
            })?;
            this.unknown_tagged_fields = unknown;
        }
        Ok(this)
    }
}

impl crate::Encode for CreatableTopicResult {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for CreatableTopicResult {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for CreatableTopicResult {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        if version >= 7 {
            map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        }
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        if version >= 5 && self.topic_config_error_code != 0 {
            map.insert("topicConfigErrorCode".into(), serde_json::Value::from(self.topic_config_error_code));
        }
        if version >= 5 {
            map.insert("numPartitions".into(), serde_json::Value::from(self.num_partitions));
        }
        if version >= 5 {
            map.insert("replicationFactor".into(), serde_json::Value::from(self.replication_factor));
        }
        if version >= 5 {
            map.insert("configs".into(), match &self.configs { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for CreatableTopicResult {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        if version >= 7 {
            this.topic_id = rng.uuid();
        }
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.option(|rng| rng.string());
        if version >= 5 {
            this.topic_config_error_code = rng.next_u64() as i16;
        }
        if version >= 5 {
            this.num_partitions = rng.next_u64() as i32;
        }
        if version >= 5 {
            this.replication_factor = rng.next_u64() as i16;
        }
        if version >= 5 {
            this.configs = if version >= 5 { rng.option(|rng| rng.vec(|rng| <CreatableTopicConfigs as crate::random::Random>::random(rng, version))) } else { Some(rng.vec(|rng| <CreatableTopicConfigs as crate::random::Random>::random(rng, version))) };
        }
        if version >= 5 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


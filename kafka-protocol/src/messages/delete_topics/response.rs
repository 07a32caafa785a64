//! `DeleteTopicsResponse` (response, API key 20; versions 1-6; flexible 4+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DeleteTopicsResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DeleteTopicsResponse`: response, API key 20; versions 1-6; flexible 4+.
#[derive(Debug, Clone, PartialEq)]
pub struct DeleteTopicsResponse {
    /// `ThrottleTimeMs`: int32; versions 1+; ignorable.
    pub throttle_time_ms: i32,
    /// `Responses`: []DeletableTopicResult; versions 0+.
    pub responses: Vec<DeletableTopicResult>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DeleteTopicsResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            responses: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DeleteTopicsResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        p::write_array_len(buf, Some(self.responses.len()), version >= 4).ctx("responses")?;
        for e in &self.responses {
            (*e).encode_fields(buf, version).ctx("responses")?;
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
        len += 4;
        len += p::array_len_len(Some(self.responses.len()), version >= 4) + self.responses.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 4 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        this.responses = p::read_array(buf, version >= 4, |buf| DeletableTopicResult::decode_fields(buf, version)).ctx("responses")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("responses")?;
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DeleteTopicsResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DeleteTopicsResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DeleteTopicsResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DeleteTopicsResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DeleteTopicsResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DeleteTopicsResponse", version))
    }
}

impl crate::Message for DeleteTopicsResponse {
    const NAME: &'static str = "DeleteTopicsResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 6 };
    const FLEXIBLE_SINCE: Option<i16> = Some(4);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DeleteTopicsResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("responses".into(), serde_json::Value::Array(self.responses.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DeleteTopicsResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.responses = rng.vec(|rng| <DeletableTopicResult as crate::random::Random>::random(rng, version));
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `DeletableTopicResult`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DeletableTopicResult {
    /// `Name`: string; versions 0+; nullable 6+; entity type topicName; map key.
    pub name: Option<String>,
    /// `TopicId`: uuid; versions 6+; ignorable.
    pub topic_id: crate::Uuid,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ErrorMessage`: string; versions 5+; nullable 5+; default null; ignorable.
    pub error_message: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DeletableTopicResult {
    fn default() -> Self {
        Self {
            name: Some(String::new()),
            topic_id: crate::Uuid::ZERO,
            error_code: 0,
            error_message: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DeletableTopicResult {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        match &self.name {
            Some(v) => {
                p::write_string(buf, v, version >= 4).ctx("name")?;
            }
            None if version >= 6 => {
                p::write_nullable_string(buf, None, version >= 4).ctx("name")?;
            }
            None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("name")),
        }
        if version >= 6 {
            p::write_uuid(buf, &self.topic_id);
        }
        p::write_i16(buf, self.error_code);
        if version >= 5 {
            match &self.error_message {
                Some(v) => {
                    p::write_string(buf, v, version >= 4).ctx("error_message")?;
                }
                None if version >= 5 => {
                    p::write_nullable_string(buf, None, version >= 4).ctx("error_message")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("error_message")),
            }
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
        len += match &self.name { Some(v) => p::string_len(v, version >= 4), None => if version >= 4 { 1 } else { 2 } };
        if version >= 6 {
            len += 16;
        }
        len += 2;
        if version >= 5 {
            len += match &self.error_message { Some(v) => p::string_len(v, version >= 4), None => if version >= 4 { 1 } else { 2 } };
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
        this.name = if version >= 6 { p::read_nullable_string(buf, version >= 4).ctx("name")? } else { Some(p::read_string(buf, version >= 4).ctx("name")?) };
        if version >= 6 {
            this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
        }
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        if version >= 5 {
            this.error_message = if version >= 5 { p::read_nullable_string(buf, version >= 4).ctx("error_message")? } else { Some(p::read_string(buf, version >= 4).ctx("error_message")?) };
        }
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DeletableTopicResult {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DeletableTopicResult {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DeletableTopicResult {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), match &self.name { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        if version >= 6 {
            map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        }
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        if version >= 5 {
            map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DeletableTopicResult {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = if version >= 6 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        if version >= 6 {
            this.topic_id = rng.uuid();
        }
        this.error_code = rng.next_u64() as i16;
        if version >= 5 {
            this.error_message = if version >= 5 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


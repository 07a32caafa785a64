//! `DescribeLogDirsRequest` (request, API key 35; versions 1-5; flexible 2+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeLogDirsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeLogDirsRequest`: request, API key 35; versions 1-5; flexible 2+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeLogDirsRequest {
    /// `Topics`: []DescribableLogDirTopic; versions 0+; nullable 0+.
    pub topics: Option<Vec<DescribableLogDirTopic>>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeLogDirsRequest {
    fn default() -> Self {
        Self {
            topics: Some(Vec::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeLogDirsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        match &self.topics {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), version >= 2).ctx("topics")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("topics")?;
                }
            }
            None => {
                p::write_array_len(buf, None, version >= 2).ctx("topics")?;
            }
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
        len += match &self.topics { Some(v) => p::array_len_len(Some((*v).len()), version >= 2) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if version >= 2 { 1 } else { 4 } };
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.topics = p::read_array(buf, version >= 2, |buf| DescribableLogDirTopic::decode_fields(buf, version)).ctx("topics")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeLogDirsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeLogDirsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeLogDirsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeLogDirsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeLogDirsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeLogDirsRequest", version))
    }
}

impl crate::Message for DescribeLogDirsRequest {
    const NAME: &'static str = "DescribeLogDirsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 5 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);
}

impl crate::Request for DescribeLogDirsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::DescribeLogDirs;
    type Response = super::DescribeLogDirsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeLogDirsRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topics".into(), match &self.topics { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeLogDirsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.topics = rng.option(|rng| rng.vec(|rng| <DescribableLogDirTopic as crate::random::Random>::random(rng, version)));
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `DescribableLogDirTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribableLogDirTopic {
    /// `Topic`: string; versions 0+; entity type topicName; map key.
    pub topic: String,
    /// `Partitions`: []int32; versions 0+.
    pub partitions: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribableLogDirTopic {
    fn default() -> Self {
        Self {
            topic: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribableLogDirTopic {
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

impl crate::Encode for DescribableLogDirTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribableLogDirTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribableLogDirTopic {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topic".into(), serde_json::Value::from(self.topic.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribableLogDirTopic {
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


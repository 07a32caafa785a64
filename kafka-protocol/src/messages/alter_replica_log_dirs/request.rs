//! `AlterReplicaLogDirsRequest` (request, API key 34; versions 1-2; flexible 2+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/AlterReplicaLogDirsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `AlterReplicaLogDirsRequest`: request, API key 34; versions 1-2; flexible 2+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct AlterReplicaLogDirsRequest {
    /// `Dirs`: []AlterReplicaLogDir; versions 0+.
    pub dirs: Vec<AlterReplicaLogDir>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterReplicaLogDirsRequest {
    fn default() -> Self {
        Self {
            dirs: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AlterReplicaLogDirsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.dirs.len()), version >= 2).ctx("dirs")?;
        for e in &self.dirs {
            (*e).encode_fields(buf, version).ctx("dirs")?;
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
        len += p::array_len_len(Some(self.dirs.len()), version >= 2) + self.dirs.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.dirs = p::read_array(buf, version >= 2, |buf| AlterReplicaLogDir::decode_fields(buf, version)).ctx("dirs")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("dirs")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AlterReplicaLogDirsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("AlterReplicaLogDirsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("AlterReplicaLogDirsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AlterReplicaLogDirsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("AlterReplicaLogDirsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("AlterReplicaLogDirsRequest", version))
    }
}

impl crate::Message for AlterReplicaLogDirsRequest {
    const NAME: &'static str = "AlterReplicaLogDirsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);
}

impl crate::Request for AlterReplicaLogDirsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::AlterReplicaLogDirs;
    type Response = super::AlterReplicaLogDirsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AlterReplicaLogDirsRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("dirs".into(), serde_json::Value::Array(self.dirs.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AlterReplicaLogDirsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.dirs = rng.vec(|rng| <AlterReplicaLogDir as crate::random::Random>::random(rng, version));
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `AlterReplicaLogDirTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct AlterReplicaLogDirTopic {
    /// `Name`: string; versions 0+; entity type topicName; map key.
    pub name: String,
    /// `Partitions`: []int32; versions 0+.
    pub partitions: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterReplicaLogDirTopic {
    fn default() -> Self {
        Self {
            name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AlterReplicaLogDirTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, version >= 2).ctx("name")?;
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
        len += p::string_len(&self.name, version >= 2);
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
        this.name = p::read_string(buf, version >= 2).ctx("name")?;
        this.partitions = p::read_array(buf, version >= 2, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AlterReplicaLogDirTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AlterReplicaLogDirTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AlterReplicaLogDirTopic {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AlterReplicaLogDirTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = rng.vec(|rng| rng.next_u64() as i32);
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `AlterReplicaLogDir`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct AlterReplicaLogDir {
    /// `Path`: string; versions 0+; map key.
    pub path: String,
    /// `Topics`: []AlterReplicaLogDirTopic; versions 0+.
    pub topics: Vec<AlterReplicaLogDirTopic>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterReplicaLogDir {
    fn default() -> Self {
        Self {
            path: String::new(),
            topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AlterReplicaLogDir {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.path, version >= 2).ctx("path")?;
        p::write_array_len(buf, Some(self.topics.len()), version >= 2).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
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
        len += p::string_len(&self.path, version >= 2);
        len += p::array_len_len(Some(self.topics.len()), version >= 2) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.path = p::read_string(buf, version >= 2).ctx("path")?;
        this.topics = p::read_array(buf, version >= 2, |buf| AlterReplicaLogDirTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AlterReplicaLogDir {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AlterReplicaLogDir {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AlterReplicaLogDir {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("path".into(), serde_json::Value::from(self.path.as_str()));
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AlterReplicaLogDir {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.path = rng.string();
        this.topics = rng.vec(|rng| <AlterReplicaLogDirTopic as crate::random::Random>::random(rng, version));
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


//! `OffsetFetchResponse` (response, API key 9; versions 1-10; flexible 6+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/OffsetFetchResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `OffsetFetchResponse`: response, API key 9; versions 1-10; flexible 6+.
#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponse {
    /// `ThrottleTimeMs`: int32; versions 3+; ignorable.
    pub throttle_time_ms: i32,
    /// `Topics`: []OffsetFetchResponseTopic; versions 0-7.
    pub topics: Vec<OffsetFetchResponseTopic>,
    /// `ErrorCode`: int16; versions 2-7; default 0; ignorable.
    pub error_code: i16,
    /// `Groups`: []OffsetFetchResponseGroup; versions 8+.
    pub groups: Vec<OffsetFetchResponseGroup>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            topics: Vec::new(),
            error_code: 0,
            groups: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl OffsetFetchResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 3 {
            p::write_i32(buf, self.throttle_time_ms);
        }
        if version <= 7 {
            p::write_array_len(buf, Some(self.topics.len()), version >= 6).ctx("topics")?;
            for e in &self.topics {
                (*e).encode_fields(buf, version).ctx("topics")?;
            }
        } else if !self.topics.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("topics"));
        }
        if (2..=7).contains(&version) {
            p::write_i16(buf, self.error_code);
        }
        if version >= 8 {
            p::write_array_len(buf, Some(self.groups.len()), version >= 6).ctx("groups")?;
            for e in &self.groups {
                (*e).encode_fields(buf, version).ctx("groups")?;
            }
        } else if !self.groups.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("groups"));
        }
        if version >= 6 {
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
        if version >= 3 {
            len += 4;
        }
        if version <= 7 {
            len += p::array_len_len(Some(self.topics.len()), version >= 6) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        if (2..=7).contains(&version) {
            len += 2;
        }
        if version >= 8 {
            len += p::array_len_len(Some(self.groups.len()), version >= 6) + self.groups.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        if version >= 6 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 3 {
            this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        }
        if version <= 7 {
            this.topics = p::read_array(buf, version >= 6, |buf| OffsetFetchResponseTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        }
        if (2..=7).contains(&version) {
            this.error_code = p::read_i16(buf).ctx("error_code")?;
        }
        if version >= 8 {
            this.groups = p::read_array(buf, version >= 6, |buf| OffsetFetchResponseGroup::decode_fields(buf, version)).ctx("groups")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("groups")?;
        }
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for OffsetFetchResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("OffsetFetchResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("OffsetFetchResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for OffsetFetchResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("OffsetFetchResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("OffsetFetchResponse", version))
    }
}

impl crate::Message for OffsetFetchResponse {
    const NAME: &'static str = "OffsetFetchResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 10 };
    const FLEXIBLE_SINCE: Option<i16> = Some(6);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for OffsetFetchResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 3 {
            map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        }
        if version <= 7 {
            map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        if (2..=7).contains(&version) {
            map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        }
        if version >= 8 {
            map.insert("groups".into(), serde_json::Value::Array(self.groups.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for OffsetFetchResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 3 {
            this.throttle_time_ms = rng.next_u64() as i32;
        }
        if version <= 7 {
            this.topics = rng.vec(|rng| <OffsetFetchResponseTopic as crate::random::Random>::random(rng, version));
        }
        if (2..=7).contains(&version) {
            this.error_code = rng.next_u64() as i16;
        }
        if version >= 8 {
            this.groups = rng.vec(|rng| <OffsetFetchResponseGroup as crate::random::Random>::random(rng, version));
        }
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `OffsetFetchResponsePartition`, versions 0-7.
#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponsePartition {
    /// `PartitionIndex`: int32; versions 0-7.
    pub partition_index: i32,
    /// `CommittedOffset`: int64; versions 0-7.
    pub committed_offset: i64,
    /// `CommittedLeaderEpoch`: int32; versions 5-7; default -1; ignorable.
    pub committed_leader_epoch: i32,
    /// `Metadata`: string; versions 0-7; nullable 0-7.
    pub metadata: Option<String>,
    /// `ErrorCode`: int16; versions 0-7.
    pub error_code: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchResponsePartition {
    fn default() -> Self {
        Self {
            partition_index: 0,
            committed_offset: 0,
            committed_leader_epoch: -1,
            metadata: Some(String::new()),
            error_code: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl OffsetFetchResponsePartition {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version <= 7 {
            p::write_i32(buf, self.partition_index);
        } else if self.partition_index != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("partition_index"));
        }
        if version <= 7 {
            p::write_i64(buf, self.committed_offset);
        } else if self.committed_offset != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("committed_offset"));
        }
        if (5..=7).contains(&version) {
            p::write_i32(buf, self.committed_leader_epoch);
        }
        if version <= 7 {
            match &self.metadata {
                Some(v) => {
                    p::write_string(buf, v, version >= 6).ctx("metadata")?;
                }
                None if version <= 7 => {
                    p::write_nullable_string(buf, None, version >= 6).ctx("metadata")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("metadata")),
            }
        } else if self.metadata.as_ref().is_none_or(|v| !v.is_empty()) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("metadata"));
        }
        if version <= 7 {
            p::write_i16(buf, self.error_code);
        } else if self.error_code != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("error_code"));
        }
        if version >= 6 {
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
        if version <= 7 {
            len += 4;
        }
        if version <= 7 {
            len += 8;
        }
        if (5..=7).contains(&version) {
            len += 4;
        }
        if version <= 7 {
            len += match &self.metadata { Some(v) => p::string_len(v, version >= 6), None => if version >= 6 { 1 } else { 2 } };
        }
        if version <= 7 {
            len += 2;
        }
        if version >= 6 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version <= 7 {
            this.partition_index = p::read_i32(buf).ctx("partition_index")?;
        }
        if version <= 7 {
            this.committed_offset = p::read_i64(buf).ctx("committed_offset")?;
        }
        if (5..=7).contains(&version) {
            this.committed_leader_epoch = p::read_i32(buf).ctx("committed_leader_epoch")?;
        }
        if version <= 7 {
            this.metadata = if version <= 7 { p::read_nullable_string(buf, version >= 6).ctx("metadata")? } else { Some(p::read_string(buf, version >= 6).ctx("metadata")?) };
        }
        if version <= 7 {
            this.error_code = p::read_i16(buf).ctx("error_code")?;
        }
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for OffsetFetchResponsePartition {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for OffsetFetchResponsePartition {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for OffsetFetchResponsePartition {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version <= 7 {
            map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        }
        if version <= 7 {
            map.insert("committedOffset".into(), serde_json::Value::from(self.committed_offset));
        }
        if (5..=7).contains(&version) {
            map.insert("committedLeaderEpoch".into(), serde_json::Value::from(self.committed_leader_epoch));
        }
        if version <= 7 {
            map.insert("metadata".into(), match &self.metadata { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        if version <= 7 {
            map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for OffsetFetchResponsePartition {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version <= 7 {
            this.partition_index = rng.next_u64() as i32;
        }
        if version <= 7 {
            this.committed_offset = rng.next_u64() as i64;
        }
        if (5..=7).contains(&version) {
            this.committed_leader_epoch = rng.next_u64() as i32;
        }
        if version <= 7 {
            this.metadata = if version <= 7 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version <= 7 {
            this.error_code = rng.next_u64() as i16;
        }
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `OffsetFetchResponseTopic`, versions 0-7.
#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponseTopic {
    /// `Name`: string; versions 0-7; entity type topicName.
    pub name: String,
    /// `Partitions`: []OffsetFetchResponsePartition; versions 0-7.
    pub partitions: Vec<OffsetFetchResponsePartition>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchResponseTopic {
    fn default() -> Self {
        Self {
            name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl OffsetFetchResponseTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version <= 7 {
            p::write_string(buf, &self.name, version >= 6).ctx("name")?;
        } else if !self.name.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("name"));
        }
        if version <= 7 {
            p::write_array_len(buf, Some(self.partitions.len()), version >= 6).ctx("partitions")?;
            for e in &self.partitions {
                (*e).encode_fields(buf, version).ctx("partitions")?;
            }
        } else if !self.partitions.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("partitions"));
        }
        if version >= 6 {
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
        if version <= 7 {
            len += p::string_len(&self.name, version >= 6);
        }
        if version <= 7 {
            len += p::array_len_len(Some(self.partitions.len()), version >= 6) + self.partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        if version >= 6 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version <= 7 {
            this.name = p::read_string(buf, version >= 6).ctx("name")?;
        }
        if version <= 7 {
            this.partitions = p::read_array(buf, version >= 6, |buf| OffsetFetchResponsePartition::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        }
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for OffsetFetchResponseTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for OffsetFetchResponseTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for OffsetFetchResponseTopic {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version <= 7 {
            map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        }
        if version <= 7 {
            map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for OffsetFetchResponseTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version <= 7 {
            this.name = rng.string();
        }
        if version <= 7 {
            this.partitions = rng.vec(|rng| <OffsetFetchResponsePartition as crate::random::Random>::random(rng, version));
        }
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `OffsetFetchResponsePartitions`, versions 8+.
#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponsePartitions {
    /// `PartitionIndex`: int32; versions 8+.
    pub partition_index: i32,
    /// `CommittedOffset`: int64; versions 8+.
    pub committed_offset: i64,
    /// `CommittedLeaderEpoch`: int32; versions 8+; default -1; ignorable.
    pub committed_leader_epoch: i32,
    /// `Metadata`: string; versions 8+; nullable 8+.
    pub metadata: Option<String>,
    /// `ErrorCode`: int16; versions 8+.
    pub error_code: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchResponsePartitions {
    fn default() -> Self {
        Self {
            partition_index: 0,
            committed_offset: 0,
            committed_leader_epoch: -1,
            metadata: Some(String::new()),
            error_code: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl OffsetFetchResponsePartitions {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 8 {
            p::write_i32(buf, self.partition_index);
        } else if self.partition_index != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("partition_index"));
        }
        if version >= 8 {
            p::write_i64(buf, self.committed_offset);
        } else if self.committed_offset != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("committed_offset"));
        }
        if version >= 8 {
            p::write_i32(buf, self.committed_leader_epoch);
        }
        if version >= 8 {
            match &self.metadata {
                Some(v) => {
                    p::write_string(buf, v, version >= 6).ctx("metadata")?;
                }
                None if version >= 8 => {
                    p::write_nullable_string(buf, None, version >= 6).ctx("metadata")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("metadata")),
            }
        } else if self.metadata.as_ref().is_none_or(|v| !v.is_empty()) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("metadata"));
        }
        if version >= 8 {
            p::write_i16(buf, self.error_code);
        } else if self.error_code != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("error_code"));
        }
        if version >= 6 {
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
        if version >= 8 {
            len += 4;
        }
        if version >= 8 {
            len += 8;
        }
        if version >= 8 {
            len += 4;
        }
        if version >= 8 {
            len += match &self.metadata { Some(v) => p::string_len(v, version >= 6), None => if version >= 6 { 1 } else { 2 } };
        }
        if version >= 8 {
            len += 2;
        }
        if version >= 6 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 8 {
            this.partition_index = p::read_i32(buf).ctx("partition_index")?;
        }
        if version >= 8 {
            this.committed_offset = p::read_i64(buf).ctx("committed_offset")?;
        }
        if version >= 8 {
            this.committed_leader_epoch = p::read_i32(buf).ctx("committed_leader_epoch")?;
        }
        if version >= 8 {
            this.metadata = if version >= 8 { p::read_nullable_string(buf, version >= 6).ctx("metadata")? } else { Some(p::read_string(buf, version >= 6).ctx("metadata")?) };
        }
        if version >= 8 {
            this.error_code = p::read_i16(buf).ctx("error_code")?;
        }
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for OffsetFetchResponsePartitions {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for OffsetFetchResponsePartitions {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for OffsetFetchResponsePartitions {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 8 {
            map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        }
        if version >= 8 {
            map.insert("committedOffset".into(), serde_json::Value::from(self.committed_offset));
        }
        if version >= 8 {
            map.insert("committedLeaderEpoch".into(), serde_json::Value::from(self.committed_leader_epoch));
        }
        if version >= 8 {
            map.insert("metadata".into(), match &self.metadata { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        if version >= 8 {
            map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for OffsetFetchResponsePartitions {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 8 {
            this.partition_index = rng.next_u64() as i32;
        }
        if version >= 8 {
            this.committed_offset = rng.next_u64() as i64;
        }
        if version >= 8 {
            this.committed_leader_epoch = rng.next_u64() as i32;
        }
        if version >= 8 {
            this.metadata = if version >= 8 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 8 {
            this.error_code = rng.next_u64() as i16;
        }
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `OffsetFetchResponseTopics`, versions 8+.
#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponseTopics {
    /// `Name`: string; versions 8-9; entity type topicName; ignorable.
    pub name: String,
    /// `TopicId`: uuid; versions 10+; ignorable.
    pub topic_id: crate::Uuid,
    /// `Partitions`: []OffsetFetchResponsePartitions; versions 8+.
    pub partitions: Vec<OffsetFetchResponsePartitions>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchResponseTopics {
    fn default() -> Self {
        Self {
            name: String::new(),
            topic_id: crate::Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl OffsetFetchResponseTopics {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if (8..=9).contains(&version) {
            p::write_string(buf, &self.name, version >= 6).ctx("name")?;
        }
        if version >= 10 {
            p::write_uuid(buf, &self.topic_id);
        }
        if version >= 8 {
            p::write_array_len(buf, Some(self.partitions.len()), version >= 6).ctx("partitions")?;
            for e in &self.partitions {
                (*e).encode_fields(buf, version).ctx("partitions")?;
            }
        } else if !self.partitions.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("partitions"));
        }
        if version >= 6 {
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
        if (8..=9).contains(&version) {
            len += p::string_len(&self.name, version >= 6);
        }
        if version >= 10 {
            len += 16;
        }
        if version >= 8 {
            len += p::array_len_len(Some(self.partitions.len()), version >= 6) + self.partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        if version >= 6 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if (8..=9).contains(&version) {
            this.name = p::read_string(buf, version >= 6).ctx("name")?;
        }
        if version >= 10 {
            this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
        }
        if version >= 8 {
            this.partitions = p::read_array(buf, version >= 6, |buf| OffsetFetchResponsePartitions::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        }
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for OffsetFetchResponseTopics {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for OffsetFetchResponseTopics {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for OffsetFetchResponseTopics {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if (8..=9).contains(&version) {
            map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        }
        if version >= 10 {
            map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        }
        if version >= 8 {
            map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for OffsetFetchResponseTopics {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if (8..=9).contains(&version) {
            this.name = rng.string();
        }
        if version >= 10 {
            this.topic_id = rng.uuid();
        }
        if version >= 8 {
            this.partitions = rng.vec(|rng| <OffsetFetchResponsePartitions as crate::random::Random>::random(rng, version));
        }
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `OffsetFetchResponseGroup`, versions 8+.
#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponseGroup {
    /// `GroupId`: string; versions 8+; entity type groupId.
    pub group_id: String,
    /// `Topics`: []OffsetFetchResponseTopics; versions 8+.
    pub topics: Vec<OffsetFetchResponseTopics>,
    /// `ErrorCode`: int16; versions 8+; default 0.
    pub error_code: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchResponseGroup {
    fn default() -> Self {
        Self {
            group_id: String::new(),
            topics: Vec::new(),
            error_code: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl OffsetFetchResponseGroup {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 8 {
            p::write_string(buf, &self.group_id, version >= 6).ctx("group_id")?;
        } else if !self.group_id.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("group_id"));
        }
        if version >= 8 {
            p::write_array_len(buf, Some(self.topics.len()), version >= 6).ctx("topics")?;
            for e in &self.topics {
                (*e).encode_fields(buf, version).ctx("topics")?;
            }
        } else if !self.topics.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("topics"));
        }
        if version >= 8 {
            p::write_i16(buf, self.error_code);
        } else if self.error_code != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("error_code"));
        }
        if version >= 6 {
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
        if version >= 8 {
            len += p::string_len(&self.group_id, version >= 6);
        }
        if version >= 8 {
            len += p::array_len_len(Some(self.topics.len()), version >= 6) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        if version >= 8 {
            len += 2;
        }
        if version >= 6 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 8 {
            this.group_id = p::read_string(buf, version >= 6).ctx("group_id")?;
        }
        if version >= 8 {
            this.topics = p::read_array(buf, version >= 6, |buf| OffsetFetchResponseTopics::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        }
        if version >= 8 {
            this.error_code = p::read_i16(buf).ctx("error_code")?;
        }
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for OffsetFetchResponseGroup {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for OffsetFetchResponseGroup {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for OffsetFetchResponseGroup {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 8 {
            map.insert("groupId".into(), serde_json::Value::from(self.group_id.as_str()));
        }
        if version >= 8 {
            map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        if version >= 8 {
            map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for OffsetFetchResponseGroup {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 8 {
            this.group_id = rng.string();
        }
        if version >= 8 {
            this.topics = rng.vec(|rng| <OffsetFetchResponseTopics as crate::random::Random>::random(rng, version));
        }
        if version >= 8 {
            this.error_code = rng.next_u64() as i16;
        }
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


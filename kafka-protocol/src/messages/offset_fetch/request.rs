//! `OffsetFetchRequest` (request, API key 9; versions 1-10; flexible 6+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/OffsetFetchRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `OffsetFetchRequest`: request, API key 9; versions 1-10; flexible 6+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchRequest {
    /// `GroupId`: string; versions 0-7; entity type groupId.
    pub group_id: String,
    /// `Topics`: []OffsetFetchRequestTopic; versions 0-7; nullable 2-7.
    pub topics: Option<Vec<OffsetFetchRequestTopic>>,
    /// `Groups`: []OffsetFetchRequestGroup; versions 8+.
    pub groups: Vec<OffsetFetchRequestGroup>,
    /// `RequireStable`: bool; versions 7+; default false.
    pub require_stable: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchRequest {
    fn default() -> Self {
        Self {
            group_id: String::new(),
            topics: Some(Vec::new()),
            groups: Vec::new(),
            require_stable: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl OffsetFetchRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version <= 7 {
            p::write_string(buf, &self.group_id, version >= 6).ctx("group_id")?;
        } else if !self.group_id.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("group_id"));
        }
        if version <= 7 {
            match &self.topics {
                Some(v) => {
                    p::write_array_len(buf, Some((*v).len()), version >= 6).ctx("topics")?;
                    for e in v {
                        (*e).encode_fields(buf, version).ctx("topics")?;
                    }
                }
                None if (2..=7).contains(&version) => {
                    p::write_array_len(buf, None, version >= 6).ctx("topics")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("topics")),
            }
        } else if self.topics.as_ref().is_none_or(|v| !v.is_empty()) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("topics"));
        }
        if version >= 8 {
            p::write_array_len(buf, Some(self.groups.len()), version >= 6).ctx("groups")?;
            for e in &self.groups {
                (*e).encode_fields(buf, version).ctx("groups")?;
            }
        } else if !self.groups.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("groups"));
        }
        if version >= 7 {
            p::write_bool(buf, self.require_stable);
        } else if self.require_stable != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("require_stable"));
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
            len += p::string_len(&self.group_id, version >= 6);
        }
        if version <= 7 {
            len += match &self.topics { Some(v) => p::array_len_len(Some((*v).len()), version >= 6) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if version >= 6 { 1 } else { 4 } };
        }
        if version >= 8 {
            len += p::array_len_len(Some(self.groups.len()), version >= 6) + self.groups.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        if version >= 7 {
            len += 1;
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
            this.group_id = p::read_string(buf, version >= 6).ctx("group_id")?;
        }
        if version <= 7 {
            this.topics = if (2..=7).contains(&version) { p::read_array(buf, version >= 6, |buf| OffsetFetchRequestTopic::decode_fields(buf, version)).ctx("topics")? } else { Some(p::read_array(buf, version >= 6, |buf| OffsetFetchRequestTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?) };
        }
        if version >= 8 {
            this.groups = p::read_array(buf, version >= 6, |buf| OffsetFetchRequestGroup::decode_fields(buf, version)).ctx("groups")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("groups")?;
        }
        if version >= 7 {
            this.require_stable = p::read_bool(buf).ctx("require_stable")?;
        }
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for OffsetFetchRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("OffsetFetchRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("OffsetFetchRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for OffsetFetchRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("OffsetFetchRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("OffsetFetchRequest", version))
    }
}

impl crate::Message for OffsetFetchRequest {
    const NAME: &'static str = "OffsetFetchRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 10 };
    const FLEXIBLE_SINCE: Option<i16> = Some(6);
}

impl crate::Request for OffsetFetchRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::OffsetFetch;
    type Response = super::OffsetFetchResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for OffsetFetchRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version <= 7 {
            map.insert("groupId".into(), serde_json::Value::from(self.group_id.as_str()));
        }
        if version <= 7 {
            map.insert("topics".into(), match &self.topics { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        }
        if version >= 8 {
            map.insert("groups".into(), serde_json::Value::Array(self.groups.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        if version >= 7 {
            map.insert("requireStable".into(), serde_json::Value::from(self.require_stable));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for OffsetFetchRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version <= 7 {
            this.group_id = rng.string();
        }
        if version <= 7 {
            this.topics = if (2..=7).contains(&version) { rng.option(|rng| rng.vec(|rng| <OffsetFetchRequestTopic as crate::random::Random>::random(rng, version))) } else { Some(rng.vec(|rng| <OffsetFetchRequestTopic as crate::random::Random>::random(rng, version))) };
        }
        if version >= 8 {
            this.groups = rng.vec(|rng| <OffsetFetchRequestGroup as crate::random::Random>::random(rng, version));
        }
        if version >= 7 {
            this.require_stable = rng.bool();
        }
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `OffsetFetchRequestTopic`, versions 0-7.
#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchRequestTopic {
    /// `Name`: string; versions 0-7; entity type topicName.
    pub name: String,
    /// `PartitionIndexes`: []int32; versions 0-7.
    pub partition_indexes: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchRequestTopic {
    fn default() -> Self {
        Self {
            name: String::new(),
            partition_indexes: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl OffsetFetchRequestTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version <= 7 {
            p::write_string(buf, &self.name, version >= 6).ctx("name")?;
        } else if !self.name.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("name"));
        }
        if version <= 7 {
            p::write_array_len(buf, Some(self.partition_indexes.len()), version >= 6).ctx("partition_indexes")?;
            for e in &self.partition_indexes {
                p::write_i32(buf, *e);
            }
        } else if !self.partition_indexes.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("partition_indexes"));
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
            len += p::array_len_len(Some(self.partition_indexes.len()), version >= 6) + self.partition_indexes.len() * 4;
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
            this.partition_indexes = p::read_array(buf, version >= 6, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("partition_indexes")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partition_indexes")?;
        }
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for OffsetFetchRequestTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for OffsetFetchRequestTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for OffsetFetchRequestTopic {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version <= 7 {
            map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        }
        if version <= 7 {
            map.insert("partitionIndexes".into(), serde_json::Value::Array(self.partition_indexes.iter().map(|e| serde_json::Value::from(*e)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for OffsetFetchRequestTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version <= 7 {
            this.name = rng.string();
        }
        if version <= 7 {
            this.partition_indexes = rng.vec(|rng| rng.next_u64() as i32);
        }
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `OffsetFetchRequestTopics`, versions 8+.
#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchRequestTopics {
    /// `Name`: string; versions 8-9; entity type topicName; ignorable.
    pub name: String,
    /// `TopicId`: uuid; versions 10+; ignorable.
    pub topic_id: crate::Uuid,
    /// `PartitionIndexes`: []int32; versions 8+.
    pub partition_indexes: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchRequestTopics {
    fn default() -> Self {
        Self {
            name: String::new(),
            topic_id: crate::Uuid::ZERO,
            partition_indexes: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl OffsetFetchRequestTopics {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if (8..=9).contains(&version) {
            p::write_string(buf, &self.name, version >= 6).ctx("name")?;
        }
        if version >= 10 {
            p::write_uuid(buf, &self.topic_id);
        }
        if version >= 8 {
            p::write_array_len(buf, Some(self.partition_indexes.len()), version >= 6).ctx("partition_indexes")?;
            for e in &self.partition_indexes {
                p::write_i32(buf, *e);
            }
        } else if !self.partition_indexes.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("partition_indexes"));
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
            len += p::array_len_len(Some(self.partition_indexes.len()), version >= 6) + self.partition_indexes.len() * 4;
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
            this.partition_indexes = p::read_array(buf, version >= 6, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("partition_indexes")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partition_indexes")?;
        }
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for OffsetFetchRequestTopics {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for OffsetFetchRequestTopics {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for OffsetFetchRequestTopics {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if (8..=9).contains(&version) {
            map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        }
        if version >= 10 {
            map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        }
        if version >= 8 {
            map.insert("partitionIndexes".into(), serde_json::Value::Array(self.partition_indexes.iter().map(|e| serde_json::Value::from(*e)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for OffsetFetchRequestTopics {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if (8..=9).contains(&version) {
            this.name = rng.string();
        }
        if version >= 10 {
            this.topic_id = rng.uuid();
        }
        if version >= 8 {
            this.partition_indexes = rng.vec(|rng| rng.next_u64() as i32);
        }
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `OffsetFetchRequestGroup`, versions 8+.
#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchRequestGroup {
    /// `GroupId`: string; versions 8+; entity type groupId.
    pub group_id: String,
    /// `MemberId`: string; versions 9+; nullable 9+; default null; ignorable.
    pub member_id: Option<String>,
    /// `MemberEpoch`: int32; versions 9+; default -1; ignorable.
    pub member_epoch: i32,
    /// `Topics`: []OffsetFetchRequestTopics; versions 8+; nullable 8+.
    pub topics: Option<Vec<OffsetFetchRequestTopics>>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchRequestGroup {
    fn default() -> Self {
        Self {
            group_id: String::new(),
            member_id: None,
            member_epoch: -1,
            topics: Some(Vec::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl OffsetFetchRequestGroup {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 8 {
            p::write_string(buf, &self.group_id, version >= 6).ctx("group_id")?;
        } else if !self.group_id.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("group_id"));
        }
        if version >= 9 {
            match &self.member_id {
                Some(v) => {
                    p::write_string(buf, v, version >= 6).ctx("member_id")?;
                }
                None if version >= 9 => {
                    p::write_nullable_string(buf, None, version >= 6).ctx("member_id")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("member_id")),
            }
        }
        if version >= 9 {
            p::write_i32(buf, self.member_epoch);
        }
        if version >= 8 {
            match &self.topics {
                Some(v) => {
                    p::write_array_len(buf, Some((*v).len()), version >= 6).ctx("topics")?;
                    for e in v {
                        (*e).encode_fields(buf, version).ctx("topics")?;
                    }
                }
                None if version >= 8 => {
                    p::write_array_len(buf, None, version >= 6).ctx("topics")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("topics")),
            }
        } else if self.topics.as_ref().is_none_or(|v| !v.is_empty()) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("topics"));
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
        if version >= 9 {
            len += match &self.member_id { Some(v) => p::string_len(v, version >= 6), None => if version >= 6 { 1 } else { 2 } };
        }
        if version >= 9 {
            len += 4;
        }
        if version >= 8 {
            len += match &self.topics { Some(v) => p::array_len_len(Some((*v).len()), version >= 6) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if version >= 6 { 1 } else { 4 } };
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
        if version >= 9 {
            this.member_id = if version >= 9 { p::read_nullable_string(buf, version >= 6).ctx("member_id")? } else { Some(p::read_string(buf, version >= 6).ctx("member_id")?) };
        }
        if version >= 9 {
            this.member_epoch = p::read_i32(buf).ctx("member_epoch")?;
        }
        if version >= 8 {
            this.topics = if version >= 8 { p::read_array(buf, version >= 6, |buf| OffsetFetchRequestTopics::decode_fields(buf, version)).ctx("topics")? } else { Some(p::read_array(buf, version >= 6, |buf| OffsetFetchRequestTopics::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?) };
        }
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for OffsetFetchRequestGroup {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for OffsetFetchRequestGroup {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for OffsetFetchRequestGroup {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 8 {
            map.insert("groupId".into(), serde_json::Value::from(self.group_id.as_str()));
        }
        if version >= 9 {
            map.insert("memberId".into(), match &self.member_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        if version >= 9 {
            map.insert("memberEpoch".into(), serde_json::Value::from(self.member_epoch));
        }
        if version >= 8 {
            map.insert("topics".into(), match &self.topics { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for OffsetFetchRequestGroup {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 8 {
            this.group_id = rng.string();
        }
        if version >= 9 {
            this.member_id = if version >= 9 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 9 {
            this.member_epoch = rng.next_u64() as i32;
        }
        if version >= 8 {
            this.topics = if version >= 8 { rng.option(|rng| rng.vec(|rng| <OffsetFetchRequestTopics as crate::random::Random>::random(rng, version))) } else { Some(rng.vec(|rng| <OffsetFetchRequestTopics as crate::random::Random>::random(rng, version))) };
        }
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


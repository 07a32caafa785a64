//! `SyncGroupRequest` (request, API key 14; versions 0-5; flexible 4+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/SyncGroupRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `SyncGroupRequest`: request, API key 14; versions 0-5; flexible 4+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncGroupRequest {
    /// `GroupId`: string; versions 0+; entity type groupId.
    pub group_id: String,
    /// `GenerationId`: int32; versions 0+.
    pub generation_id: i32,
    /// `MemberId`: string; versions 0+.
    pub member_id: String,
    /// `GroupInstanceId`: string; versions 3+; nullable 3+; default null.
    pub group_instance_id: Option<String>,
    /// `ProtocolType`: string; versions 5+; nullable 5+; default null; ignorable.
    pub protocol_type: Option<String>,
    /// `ProtocolName`: string; versions 5+; nullable 5+; default null; ignorable.
    pub protocol_name: Option<String>,
    /// `Assignments`: []SyncGroupRequestAssignment; versions 0+.
    pub assignments: Vec<SyncGroupRequestAssignment>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for SyncGroupRequest {
    fn default() -> Self {
        Self {
            group_id: String::new(),
            generation_id: 0,
            member_id: String::new(),
            group_instance_id: None,
            protocol_type: None,
            protocol_name: None,
            assignments: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl SyncGroupRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.group_id, version >= 4).ctx("group_id")?;
        p::write_i32(buf, self.generation_id);
        p::write_string(buf, &self.member_id, version >= 4).ctx("member_id")?;
        if version >= 3 {
            match &self.group_instance_id {
                Some(v) => {
                    p::write_string(buf, v, version >= 4).ctx("group_instance_id")?;
                }
                None if version >= 3 => {
                    p::write_nullable_string(buf, None, version >= 4).ctx("group_instance_id")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("group_instance_id")),
            }
        } else if self.group_instance_id.is_some() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("group_instance_id"));
        }
        if version >= 5 {
            match &self.protocol_type {
                Some(v) => {
                    p::write_string(buf, v, version >= 4).ctx("protocol_type")?;
                }
                None if version >= 5 => {
                    p::write_nullable_string(buf, None, version >= 4).ctx("protocol_type")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("protocol_type")),
            }
        }
        if version >= 5 {
            match &self.protocol_name {
                Some(v) => {
                    p::write_string(buf, v, version >= 4).ctx("protocol_name")?;
                }
                None if version >= 5 => {
                    p::write_nullable_string(buf, None, version >= 4).ctx("protocol_name")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("protocol_name")),
            }
        }
        p::write_array_len(buf, Some(self.assignments.len()), version >= 4).ctx("assignments")?;
        for e in &self.assignments {
            (*e).encode_fields(buf, version).ctx("assignments")?;
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
        len += p::string_len(&self.group_id, version >= 4);
        len += 4;
        len += p::string_len(&self.member_id, version >= 4);
        if version >= 3 {
            len += match &self.group_instance_id { Some(v) => p::string_len(v, version >= 4), None => if version >= 4 { 1 } else { 2 } };
        }
        if version >= 5 {
            len += match &self.protocol_type { Some(v) => p::string_len(v, version >= 4), None => if version >= 4 { 1 } else { 2 } };
        }
        if version >= 5 {
            len += match &self.protocol_name { Some(v) => p::string_len(v, version >= 4), None => if version >= 4 { 1 } else { 2 } };
        }
        len += p::array_len_len(Some(self.assignments.len()), version >= 4) + self.assignments.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 4 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.group_id = p::read_string(buf, version >= 4).ctx("group_id")?;
        this.generation_id = p::read_i32(buf).ctx("generation_id")?;
        this.member_id = p::read_string(buf, version >= 4).ctx("member_id")?;
        if version >= 3 {
            this.group_instance_id = if version >= 3 { p::read_nullable_string(buf, version >= 4).ctx("group_instance_id")? } else { Some(p::read_string(buf, version >= 4).ctx("group_instance_id")?) };
        }
        if version >= 5 {
            this.protocol_type = if version >= 5 { p::read_nullable_string(buf, version >= 4).ctx("protocol_type")? } else { Some(p::read_string(buf, version >= 4).ctx("protocol_type")?) };
        }
        if version >= 5 {
            this.protocol_name = if version >= 5 { p::read_nullable_string(buf, version >= 4).ctx("protocol_name")? } else { Some(p::read_string(buf, version >= 4).ctx("protocol_name")?) };
        }
        this.assignments = p::read_array(buf, version >= 4, |buf| SyncGroupRequestAssignment::decode_fields(buf, version)).ctx("assignments")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("assignments")?;
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for SyncGroupRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("SyncGroupRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("SyncGroupRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for SyncGroupRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("SyncGroupRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("SyncGroupRequest", version))
    }
}

impl crate::Message for SyncGroupRequest {
    const NAME: &'static str = "SyncGroupRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 5 };
    const FLEXIBLE_SINCE: Option<i16> = Some(4);
}

impl crate::Request for SyncGroupRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::SyncGroup;
    type Response = super::SyncGroupResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for SyncGroupRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("groupId".into(), serde_json::Value::from(self.group_id.as_str()));
        map.insert("generationId".into(), serde_json::Value::from(self.generation_id));
        map.insert("memberId".into(), serde_json::Value::from(self.member_id.as_str()));
        if version >= 3 {
            map.insert("groupInstanceId".into(), match &self.group_instance_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        if version >= 5 {
            map.insert("protocolType".into(), match &self.protocol_type { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        if version >= 5 {
            map.insert("protocolName".into(), match &self.protocol_name { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        map.insert("assignments".into(), serde_json::Value::Array(self.assignments.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for SyncGroupRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.group_id = rng.string();
        this.generation_id = rng.next_u64() as i32;
        this.member_id = rng.string();
        if version >= 3 {
            this.group_instance_id = if version >= 3 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 5 {
            this.protocol_type = if version >= 5 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 5 {
            this.protocol_name = if version >= 5 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        this.assignments = rng.vec(|rng| <SyncGroupRequestAssignment as crate::random::Random>::random(rng, version));
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `SyncGroupRequestAssignment`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncGroupRequestAssignment {
    /// `MemberId`: string; versions 0+.
    pub member_id: String,
    /// `Assignment`: bytes; versions 0+.
    pub assignment: bytes::Bytes,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for SyncGroupRequestAssignment {
    fn default() -> Self {
        Self {
            member_id: String::new(),
            assignment: bytes::Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl SyncGroupRequestAssignment {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.member_id, version >= 4).ctx("member_id")?;
        p::write_bytes(buf, &self.assignment, version >= 4).ctx("assignment")?;
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
        len += p::string_len(&self.member_id, version >= 4);
        len += p::bytes_len(&self.assignment, version >= 4);
        if version >= 4 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.member_id = p::read_string(buf, version >= 4).ctx("member_id")?;
        this.assignment = p::read_bytes(buf, version >= 4).ctx("assignment")?;
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for SyncGroupRequestAssignment {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for SyncGroupRequestAssignment {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for SyncGroupRequestAssignment {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("memberId".into(), serde_json::Value::from(self.member_id.as_str()));
        map.insert("assignment".into(), crate::json::binary(&self.assignment));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for SyncGroupRequestAssignment {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.member_id = rng.string();
        this.assignment = rng.bytes();
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


//! `JoinGroupResponse` (response, API key 11; versions 0-9; flexible 6+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/JoinGroupResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `JoinGroupResponse`: response, API key 11; versions 0-9; flexible 6+.
#[derive(Debug, Clone, PartialEq)]
pub struct JoinGroupResponse {
    /// `ThrottleTimeMs`: int32; versions 2+; ignorable.
    pub throttle_time_ms: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `GenerationId`: int32; versions 0+; default -1.
    pub generation_id: i32,
    /// `ProtocolType`: string; versions 7+; nullable 7+; default null; ignorable.
    pub protocol_type: Option<String>,
    /// `ProtocolName`: string; versions 0+; nullable 7+.
    pub protocol_name: Option<String>,
    /// `Leader`: string; versions 0+.
    pub leader: String,
    /// `SkipAssignment`: bool; versions 9+; default false.
    pub skip_assignment: bool,
    /// `MemberId`: string; versions 0+.
    pub member_id: String,
    /// `Members`: []JoinGroupResponseMember; versions 0+.
    pub members: Vec<JoinGroupResponseMember>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for JoinGroupResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            error_code: 0,
            generation_id: -1,
            protocol_type: None,
            protocol_name: Some(String::new()),
            leader: String::new(),
            skip_assignment: false,
            member_id: String::new(),
            members: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl JoinGroupResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 2 {
            p::write_i32(buf, self.throttle_time_ms);
        }
        p::write_i16(buf, self.error_code);
        p::write_i32(buf, self.generation_id);
        if version >= 7 {
            match &self.protocol_type {
                Some(v) => {
                    p::write_string(buf, v, version >= 6).ctx("protocol_type")?;
                }
                None if version >= 7 => {
                    p::write_nullable_string(buf, None, version >= 6).ctx("protocol_type")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("protocol_type")),
            }
        }
        match &self.protocol_name {
            Some(v) => {
                p::write_string(buf, v, version >= 6).ctx("protocol_name")?;
            }
            None if version >= 7 => {
                p::write_nullable_string(buf, None, version >= 6).ctx("protocol_name")?;
            }
            None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("protocol_name")),
        }
        p::write_string(buf, &self.leader, version >= 6).ctx("leader")?;
        if version >= 9 {
            p::write_bool(buf, self.skip_assignment);
        } else if self.skip_assignment != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("skip_assignment"));
        }
        p::write_string(buf, &self.member_id, version >= 6).ctx("member_id")?;
        p::write_array_len(buf, Some(self.members.len()), version >= 6).ctx("members")?;
        for e in &self.members {
            (*e).encode_fields(buf, version).ctx("members")?;
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
        if version >= 2 {
            len += 4;
        }
        len += 2;
        len += 4;
        if version >= 7 {
            len += match &self.protocol_type { Some(v) => p::string_len(v, version >= 6), None => if version >= 6 { 1 } else { 2 } };
        }
        len += match &self.protocol_name { Some(v) => p::string_len(v, version >= 6), None => if version >= 6 { 1 } else { 2 } };
        len += p::string_len(&self.leader, version >= 6);
        if version >= 9 {
            len += 1;
        }
        len += p::string_len(&self.member_id, version >= 6);
        len += p::array_len_len(Some(self.members.len()), version >= 6) + self.members.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 6 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 2 {
            this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        }
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.generation_id = p::read_i32(buf).ctx("generation_id")?;
        if version >= 7 {
            this.protocol_type = if version >= 7 { p::read_nullable_string(buf, version >= 6).ctx("protocol_type")? } else { Some(p::read_string(buf, version >= 6).ctx("protocol_type")?) };
        }
        this.protocol_name = if version >= 7 { p::read_nullable_string(buf, version >= 6).ctx("protocol_name")? } else { Some(p::read_string(buf, version >= 6).ctx("protocol_name")?) };
        this.leader = p::read_string(buf, version >= 6).ctx("leader")?;
        if version >= 9 {
            this.skip_assignment = p::read_bool(buf).ctx("skip_assignment")?;
        }
        this.member_id = p::read_string(buf, version >= 6).ctx("member_id")?;
        this.members = p::read_array(buf, version >= 6, |buf| JoinGroupResponseMember::decode_fields(buf, version)).ctx("members")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("members")?;
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for JoinGroupResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("JoinGroupResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("JoinGroupResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for JoinGroupResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("JoinGroupResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("JoinGroupResponse", version))
    }
}

impl crate::Message for JoinGroupResponse {
    const NAME: &'static str = "JoinGroupResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 9 };
    const FLEXIBLE_SINCE: Option<i16> = Some(6);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for JoinGroupResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 2 {
            map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        }
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("generationId".into(), serde_json::Value::from(self.generation_id));
        if version >= 7 {
            map.insert("protocolType".into(), match &self.protocol_type { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        map.insert("protocolName".into(), match &self.protocol_name { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("leader".into(), serde_json::Value::from(self.leader.as_str()));
        if version >= 9 {
            map.insert("skipAssignment".into(), serde_json::Value::from(self.skip_assignment));
        }
        map.insert("memberId".into(), serde_json::Value::from(self.member_id.as_str()));
        map.insert("members".into(), serde_json::Value::Array(self.members.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for JoinGroupResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 2 {
            this.throttle_time_ms = rng.next_u64() as i32;
        }
        this.error_code = rng.next_u64() as i16;
        this.generation_id = rng.next_u64() as i32;
        if version >= 7 {
            this.protocol_type = if version >= 7 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        this.protocol_name = if version >= 7 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        this.leader = rng.string();
        if version >= 9 {
            this.skip_assignment = rng.bool();
        }
        this.member_id = rng.string();
        this.members = rng.vec(|rng| <JoinGroupResponseMember as crate::random::Random>::random(rng, version));
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `JoinGroupResponseMember`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct JoinGroupResponseMember {
    /// `MemberId`: string; versions 0+.
    pub member_id: String,
    /// `GroupInstanceId`: string; versions 5+; nullable 5+; default null; ignorable.
    pub group_instance_id: Option<String>,
    /// `Metadata`: bytes; versions 0+.
    pub metadata: bytes::Bytes,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for JoinGroupResponseMember {
    fn default() -> Self {
        Self {
            member_id: String::new(),
            group_instance_id: None,
            metadata: bytes::Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl JoinGroupResponseMember {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.member_id, version >= 6).ctx("member_id")?;
        if version >= 5 {
            match &self.group_instance_id {
                Some(v) => {
                    p::write_string(buf, v, version >= 6).ctx("group_instance_id")?;
                }
                None if version >= 5 => {
                    p::write_nullable_string(buf, None, version >= 6).ctx("group_instance_id")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("group_instance_id")),
            }
        }
        p::write_bytes(buf, &self.metadata, version >= 6).ctx("metadata")?;
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
        len += p::string_len(&self.member_id, version >= 6);
        if version >= 5 {
            len += match &self.group_instance_id { Some(v) => p::string_len(v, version >= 6), None => if version >= 6 { 1 } else { 2 } };
        }
        len += p::bytes_len(&self.metadata, version >= 6);
        if version >= 6 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.member_id = p::read_string(buf, version >= 6).ctx("member_id")?;
        if version >= 5 {
            this.group_instance_id = if version >= 5 { p::read_nullable_string(buf, version >= 6).ctx("group_instance_id")? } else { Some(p::read_string(buf, version >= 6).ctx("group_instance_id")?) };
        }
        this.metadata = p::read_bytes(buf, version >= 6).ctx("metadata")?;
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for JoinGroupResponseMember {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for JoinGroupResponseMember {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for JoinGroupResponseMember {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("memberId".into(), serde_json::Value::from(self.member_id.as_str()));
        if version >= 5 {
            map.insert("groupInstanceId".into(), match &self.group_instance_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        map.insert("metadata".into(), crate::json::binary(&self.metadata));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for JoinGroupResponseMember {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.member_id = rng.string();
        if version >= 5 {
            this.group_instance_id = if version >= 5 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        this.metadata = rng.bytes();
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


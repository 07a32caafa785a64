//! `LeaveGroupRequest` (request, API key 13; versions 0-5; flexible 4+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/LeaveGroupRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `LeaveGroupRequest`: request, API key 13; versions 0-5; flexible 4+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct LeaveGroupRequest {
    /// `GroupId`: string; versions 0+; entity type groupId.
    pub group_id: String,
    /// `MemberId`: string; versions 0-2.
    pub member_id: String,
    /// `Members`: []MemberIdentity; versions 3+.
    pub members: Vec<MemberIdentity>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaveGroupRequest {
    fn default() -> Self {
        Self {
            group_id: String::new(),
            member_id: String::new(),
            members: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl LeaveGroupRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.group_id, version >= 4).ctx("group_id")?;
        if version <= 2 {
            p::write_string(buf, &self.member_id, version >= 4).ctx("member_id")?;
        } else if !self.member_id.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("member_id"));
        }
        if version >= 3 {
            p::write_array_len(buf, Some(self.members.len()), version >= 4).ctx("members")?;
            for e in &self.members {
                (*e).encode_fields(buf, version).ctx("members")?;
            }
        } else if !self.members.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("members"));
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
        if version <= 2 {
            len += p::string_len(&self.member_id, version >= 4);
        }
        if version >= 3 {
            len += p::array_len_len(Some(self.members.len()), version >= 4) + self.members.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        this.group_id = p::read_string(buf, version >= 4).ctx("group_id")?;
        if version <= 2 {
            this.member_id = p::read_string(buf, version >= 4).ctx("member_id")?;
        }
        if version >= 3 {
            this.members = p::read_array(buf, version >= 4, |buf| MemberIdentity::decode_fields(buf, version)).ctx("members")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("members")?;
        }
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for LeaveGroupRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("LeaveGroupRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("LeaveGroupRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for LeaveGroupRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("LeaveGroupRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("LeaveGroupRequest", version))
    }
}

impl crate::Message for LeaveGroupRequest {
    const NAME: &'static str = "LeaveGroupRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 5 };
    const FLEXIBLE_SINCE: Option<i16> = Some(4);
}

impl crate::Request for LeaveGroupRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::LeaveGroup;
    type Response = super::LeaveGroupResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for LeaveGroupRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("groupId".into(), serde_json::Value::from(self.group_id.as_str()));
        if version <= 2 {
            map.insert("memberId".into(), serde_json::Value::from(self.member_id.as_str()));
        }
        if version >= 3 {
            map.insert("members".into(), serde_json::Value::Array(self.members.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for LeaveGroupRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.group_id = rng.string();
        if version <= 2 {
            this.member_id = rng.string();
        }
        if version >= 3 {
            this.members = rng.vec(|rng| <MemberIdentity as crate::random::Random>::random(rng, version));
        }
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `MemberIdentity`, versions 3+.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberIdentity {
    /// `MemberId`: string; versions 3+.
    pub member_id: String,
    /// `GroupInstanceId`: string; versions 3+; nullable 3+; default null.
    pub group_instance_id: Option<String>,
    /// `Reason`: string; versions 5+; nullable 5+; default null; ignorable.
    pub reason: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for MemberIdentity {
    fn default() -> Self {
        Self {
            member_id: String::new(),
            group_instance_id: None,
            reason: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl MemberIdentity {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 3 {
            p::write_string(buf, &self.member_id, version >= 4).ctx("member_id")?;
        } else if !self.member_id.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("member_id"));
        }
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
            match &self.reason {
                Some(v) => {
                    p::write_string(buf, v, version >= 4).ctx("reason")?;
                }
                None if version >= 5 => {
                    p::write_nullable_string(buf, None, version >= 4).ctx("reason")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("reason")),
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
        if version >= 3 {
            len += p::string_len(&self.member_id, version >= 4);
        }
        if version >= 3 {
            len += match &self.group_instance_id { Some(v) => p::string_len(v, version >= 4), None => if version >= 4 { 1 } else { 2 } };
        }
        if version >= 5 {
            len += match &self.reason { Some(v) => p::string_len(v, version >= 4), None => if version >= 4 { 1 } else { 2 } };
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
        if version >= 3 {
            this.member_id = p::read_string(buf, version >= 4).ctx("member_id")?;
        }
        if version >= 3 {
            this.group_instance_id = if version >= 3 { p::read_nullable_string(buf, version >= 4).ctx("group_instance_id")? } else { Some(p::read_string(buf, version >= 4).ctx("group_instance_id")?) };
        }
        if version >= 5 {
            this.reason = if version >= 5 { p::read_nullable_string(buf, version >= 4).ctx("reason")? } else { Some(p::read_string(buf, version >= 4).ctx("reason")?) };
        }
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for MemberIdentity {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for MemberIdentity {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for MemberIdentity {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 3 {
            map.insert("memberId".into(), serde_json::Value::from(self.member_id.as_str()));
        }
        if version >= 3 {
            map.insert("groupInstanceId".into(), match &self.group_instance_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        if version >= 5 {
            map.insert("reason".into(), match &self.reason { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for MemberIdentity {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 3 {
            this.member_id = rng.string();
        }
        if version >= 3 {
            this.group_instance_id = if version >= 3 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 5 {
            this.reason = if version >= 5 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


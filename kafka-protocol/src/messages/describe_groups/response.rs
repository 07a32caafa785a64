//! `DescribeGroupsResponse` (response, API key 15; versions 0-6; flexible 5+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeGroupsResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeGroupsResponse`: response, API key 15; versions 0-6; flexible 5+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeGroupsResponse {
    /// `ThrottleTimeMs`: int32; versions 1+; ignorable.
    pub throttle_time_ms: i32,
    /// `Groups`: []DescribedGroup; versions 0+.
    pub groups: Vec<DescribedGroup>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeGroupsResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            groups: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeGroupsResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 1 {
            p::write_i32(buf, self.throttle_time_ms);
        }
        p::write_array_len(buf, Some(self.groups.len()), version >= 5).ctx("groups")?;
        for e in &self.groups {
            (*e).encode_fields(buf, version).ctx("groups")?;
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
        if version >= 1 {
            len += 4;
        }
        len += p::array_len_len(Some(self.groups.len()), version >= 5) + self.groups.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 5 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 1 {
            this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        }
        this.groups = p::read_array(buf, version >= 5, |buf| DescribedGroup::decode_fields(buf, version)).ctx("groups")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("groups")?;
        if version >= 5 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeGroupsResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeGroupsResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeGroupsResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeGroupsResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeGroupsResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeGroupsResponse", version))
    }
}

impl crate::Message for DescribeGroupsResponse {
    const NAME: &'static str = "DescribeGroupsResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 6 };
    const FLEXIBLE_SINCE: Option<i16> = Some(5);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeGroupsResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 1 {
            map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        }
        map.insert("groups".into(), serde_json::Value::Array(self.groups.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeGroupsResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 1 {
            this.throttle_time_ms = rng.next_u64() as i32;
        }
        this.groups = rng.vec(|rng| <DescribedGroup as crate::random::Random>::random(rng, version));
        if version >= 5 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `DescribedGroupMember`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribedGroupMember {
    /// `MemberId`: string; versions 0+.
    pub member_id: String,
    /// `GroupInstanceId`: string; versions 4+; nullable 4+; default null; ignorable.
    pub group_instance_id: Option<String>,
    /// `ClientId`: string; versions 0+.
    pub client_id: String,
    /// `ClientHost`: string; versions 0+.
    pub client_host: String,
    /// `MemberMetadata`: bytes; versions 0+.
    pub member_metadata: bytes::Bytes,
    /// `MemberAssignment`: bytes; versions 0+.
    pub member_assignment: bytes::Bytes,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribedGroupMember {
    fn default() -> Self {
        Self {
            member_id: String::new(),
            group_instance_id: None,
            client_id: String::new(),
            client_host: String::new(),
            member_metadata: bytes::Bytes::new(),
            member_assignment: bytes::Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribedGroupMember {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.member_id, version >= 5).ctx("member_id")?;
        if version >= 4 {
            match &self.group_instance_id {
                Some(v) => {
                    p::write_string(buf, v, version >= 5).ctx("group_instance_id")?;
                }
                None if version >= 4 => {
                    p::write_nullable_string(buf, None, version >= 5).ctx("group_instance_id")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("group_instance_id")),
            }
        }
        p::write_string(buf, &self.client_id, version >= 5).ctx("client_id")?;
        p::write_string(buf, &self.client_host, version >= 5).ctx("client_host")?;
        p::write_bytes(buf, &self.member_metadata, version >= 5).ctx("member_metadata")?;
        p::write_bytes(buf, &self.member_assignment, version >= 5).ctx("member_assignment")?;
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
        len += p::string_len(&self.member_id, version >= 5);
        if version >= 4 {
            len += match &self.group_instance_id { Some(v) => p::string_len(v, version >= 5), None => if version >= 5 { 1 } else { 2 } };
        }
        len += p::string_len(&self.client_id, version >= 5);
        len += p::string_len(&self.client_host, version >= 5);
        len += p::bytes_len(&self.member_metadata, version >= 5);
        len += p::bytes_len(&self.member_assignment, version >= 5);
        if version >= 5 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.member_id = p::read_string(buf, version >= 5).ctx("member_id")?;
        if version >= 4 {
            this.group_instance_id = if version >= 4 { p::read_nullable_string(buf, version >= 5).ctx("group_instance_id")? } else { Some(p::read_string(buf, version >= 5).ctx("group_instance_id")?) };
        }
        this.client_id = p::read_string(buf, version >= 5).ctx("client_id")?;
        this.client_host = p::read_string(buf, version >= 5).ctx("client_host")?;
        this.member_metadata = p::read_bytes(buf, version >= 5).ctx("member_metadata")?;
        this.member_assignment = p::read_bytes(buf, version >= 5).ctx("member_assignment")?;
        if version >= 5 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribedGroupMember {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribedGroupMember {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribedGroupMember {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("memberId".into(), serde_json::Value::from(self.member_id.as_str()));
        if version >= 4 {
            map.insert("groupInstanceId".into(), match &self.group_instance_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        map.insert("clientId".into(), serde_json::Value::from(self.client_id.as_str()));
        map.insert("clientHost".into(), serde_json::Value::from(self.client_host.as_str()));
        map.insert("memberMetadata".into(), crate::json::binary(&self.member_metadata));
        map.insert("memberAssignment".into(), crate::json::binary(&self.member_assignment));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribedGroupMember {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.member_id = rng.string();
        if version >= 4 {
            this.group_instance_id = if version >= 4 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        this.client_id = rng.string();
        this.client_host = rng.string();
        this.member_metadata = rng.bytes();
        this.member_assignment = rng.bytes();
        if version >= 5 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `DescribedGroup`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribedGroup {
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ErrorMessage`: string; versions 6+; nullable 6+; default null.
    pub error_message: Option<String>,
    /// `GroupId`: string; versions 0+; entity type groupId.
    pub group_id: String,
    /// `GroupState`: string; versions 0+.
    pub group_state: String,
    /// `ProtocolType`: string; versions 0+.
    pub protocol_type: String,
    /// `ProtocolData`: string; versions 0+.
    pub protocol_data: String,
    /// `Members`: []DescribedGroupMember; versions 0+.
    pub members: Vec<DescribedGroupMember>,
    /// `AuthorizedOperations`: int32; versions 3+; default -2147483648.
    pub authorized_operations: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribedGroup {
    fn default() -> Self {
        Self {
            error_code: 0,
            error_message: None,
            group_id: String::new(),
            group_state: String::new(),
            protocol_type: String::new(),
            protocol_data: String::new(),
            members: Vec::new(),
            authorized_operations: i32::MIN,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribedGroup {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.error_code);
        if version >= 6 {
            match &self.error_message {
                Some(v) => {
                    p::write_string(buf, v, version >= 5).ctx("error_message")?;
                }
                None if version >= 6 => {
                    p::write_nullable_string(buf, None, version >= 5).ctx("error_message")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("error_message")),
            }
        } else if self.error_message.is_some() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("error_message"));
        }
        p::write_string(buf, &self.group_id, version >= 5).ctx("group_id")?;
        p::write_string(buf, &self.group_state, version >= 5).ctx("group_state")?;
        p::write_string(buf, &self.protocol_type, version >= 5).ctx("protocol_type")?;
        p::write_string(buf, &self.protocol_data, version >= 5).ctx("protocol_data")?;
        p::write_array_len(buf, Some(self.members.len()), version >= 5).ctx("members")?;
        for e in &self.members {
            (*e).encode_fields(buf, version).ctx("members")?;
        }
        if version >= 3 {
            p::write_i32(buf, self.authorized_operations);
        } else if self.authorized_operations != i32::MIN {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("authorized_operations"));
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
        len += 2;
        if version >= 6 {
            len += match &self.error_message { Some(v) => p::string_len(v, version >= 5), None => if version >= 5 { 1 } else { 2 } };
        }
        len += p::string_len(&self.group_id, version >= 5);
        len += p::string_len(&self.group_state, version >= 5);
        len += p::string_len(&self.protocol_type, version >= 5);
        len += p::string_len(&self.protocol_data, version >= 5);
        len += p::array_len_len(Some(self.members.len()), version >= 5) + self.members.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 3 {
            len += 4;
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
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        if version >= 6 {
            this.error_message = if version >= 6 { p::read_nullable_string(buf, version >= 5).ctx("error_message")? } else { Some(p::read_string(buf, version >= 5).ctx("error_message")?) };
        }
        this.group_id = p::read_string(buf, version >= 5).ctx("group_id")?;
        this.group_state = p::read_string(buf, version >= 5).ctx("group_state")?;
        this.protocol_type = p::read_string(buf, version >= 5).ctx("protocol_type")?;
        this.protocol_data = p::read_string(buf, version >= 5).ctx("protocol_data")?;
        this.members = p::read_array(buf, version >= 5, |buf| DescribedGroupMember::decode_fields(buf, version)).ctx("members")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("members")?;
        if version >= 3 {
            this.authorized_operations = p::read_i32(buf).ctx("authorized_operations")?;
        }
        if version >= 5 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribedGroup {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribedGroup {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribedGroup {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        if version >= 6 {
            map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        map.insert("groupId".into(), serde_json::Value::from(self.group_id.as_str()));
        map.insert("groupState".into(), serde_json::Value::from(self.group_state.as_str()));
        map.insert("protocolType".into(), serde_json::Value::from(self.protocol_type.as_str()));
        map.insert("protocolData".into(), serde_json::Value::from(self.protocol_data.as_str()));
        map.insert("members".into(), serde_json::Value::Array(self.members.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        if version >= 3 {
            map.insert("authorizedOperations".into(), serde_json::Value::from(self.authorized_operations));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribedGroup {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        if version >= 6 {
            this.error_message = if version >= 6 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        this.group_id = rng.string();
        this.group_state = rng.string();
        this.protocol_type = rng.string();
        this.protocol_data = rng.string();
        this.members = rng.vec(|rng| <DescribedGroupMember as crate::random::Random>::random(rng, version));
        if version >= 3 {
            this.authorized_operations = rng.next_u64() as i32;
        }
        if version >= 5 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


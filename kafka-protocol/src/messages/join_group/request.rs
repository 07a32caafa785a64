//! `JoinGroupRequest` (request, API key 11; versions 0-9; flexible 6+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/JoinGroupRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `JoinGroupRequest`: request, API key 11; versions 0-9; flexible 6+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct JoinGroupRequest {
    /// `GroupId`: string; versions 0+; entity type groupId.
    pub group_id: String,
    /// `SessionTimeoutMs`: int32; versions 0+.
    pub session_timeout_ms: i32,
    /// `RebalanceTimeoutMs`: int32; versions 1+; default -1; ignorable.
    pub rebalance_timeout_ms: i32,
    /// `MemberId`: string; versions 0+.
    pub member_id: String,
    /// `GroupInstanceId`: string; versions 5+; nullable 5+; default null.
    pub group_instance_id: Option<String>,
    /// `ProtocolType`: string; versions 0+.
    pub protocol_type: String,
    /// `Protocols`: []JoinGroupRequestProtocol; versions 0+.
    pub protocols: Vec<JoinGroupRequestProtocol>,
    /// `Reason`: string; versions 8+; nullable 8+; default null; ignorable.
    pub reason: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for JoinGroupRequest {
    fn default() -> Self {
        Self {
            group_id: String::new(),
            session_timeout_ms: 0,
            rebalance_timeout_ms: -1,
            member_id: String::new(),
            group_instance_id: None,
            protocol_type: String::new(),
            protocols: Vec::new(),
            reason: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl JoinGroupRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.group_id, version >= 6).ctx("group_id")?;
        p::write_i32(buf, self.session_timeout_ms);
        if version >= 1 {
            p::write_i32(buf, self.rebalance_timeout_ms);
        }
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
        } else if self.group_instance_id.is_some() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("group_instance_id"));
        }
        p::write_string(buf, &self.protocol_type, version >= 6).ctx("protocol_type")?;
        p::write_array_len(buf, Some(self.protocols.len()), version >= 6).ctx("protocols")?;
        for e in &self.protocols {
            (*e).encode_fields(buf, version).ctx("protocols")?;
        }
        if version >= 8 {
            match &self.reason {
                Some(v) => {
                    p::write_string(buf, v, version >= 6).ctx("reason")?;
                }
                None if version >= 8 => {
                    p::write_nullable_string(buf, None, version >= 6).ctx("reason")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("reason")),
            }
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
        len += p::string_len(&self.group_id, version >= 6);
        len += 4;
        if version >= 1 {
            len += 4;
        }
        len += p::string_len(&self.member_id, version >= 6);
        if version >= 5 {
            len += match &self.group_instance_id { Some(v) => p::string_len(v, version >= 6), None => if version >= 6 { 1 } else { 2 } };
        }
        len += p::string_len(&self.protocol_type, version >= 6);
        len += p::array_len_len(Some(self.protocols.len()), version >= 6) + self.protocols.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 8 {
            len += match &self.reason { Some(v) => p::string_len(v, version >= 6), None => if version >= 6 { 1 } else { 2 } };
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
        this.group_id = p::read_string(buf, version >= 6).ctx("group_id")?;
        this.session_timeout_ms = p::read_i32(buf).ctx("session_timeout_ms")?;
        if version >= 1 {
            this.rebalance_timeout_ms = p::read_i32(buf).ctx("rebalance_timeout_ms")?;
        }
        this.member_id = p::read_string(buf, version >= 6).ctx("member_id")?;
        if version >= 5 {
            this.group_instance_id = if version >= 5 { p::read_nullable_string(buf, version >= 6).ctx("group_instance_id")? } else { Some(p::read_string(buf, version >= 6).ctx("group_instance_id")?) };
        }
        this.protocol_type = p::read_string(buf, version >= 6).ctx("protocol_type")?;
        this.protocols = p::read_array(buf, version >= 6, |buf| JoinGroupRequestProtocol::decode_fields(buf, version)).ctx("protocols")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("protocols")?;
        if version >= 8 {
            this.reason = if version >= 8 { p::read_nullable_string(buf, version >= 6).ctx("reason")? } else { Some(p::read_string(buf, version >= 6).ctx("reason")?) };
        }
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for JoinGroupRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("JoinGroupRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("JoinGroupRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for JoinGroupRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("JoinGroupRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("JoinGroupRequest", version))
    }
}

impl crate::Message for JoinGroupRequest {
    const NAME: &'static str = "JoinGroupRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 9 };
    const FLEXIBLE_SINCE: Option<i16> = Some(6);
}

impl crate::Request for JoinGroupRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::JoinGroup;
    type Response = super::JoinGroupResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for JoinGroupRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("groupId".into(), serde_json::Value::from(self.group_id.as_str()));
        map.insert("sessionTimeoutMs".into(), serde_json::Value::from(self.session_timeout_ms));
        if version >= 1 {
            map.insert("rebalanceTimeoutMs".into(), serde_json::Value::from(self.rebalance_timeout_ms));
        }
        map.insert("memberId".into(), serde_json::Value::from(self.member_id.as_str()));
        if version >= 5 {
            map.insert("groupInstanceId".into(), match &self.group_instance_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        map.insert("protocolType".into(), serde_json::Value::from(self.protocol_type.as_str()));
        map.insert("protocols".into(), serde_json::Value::Array(self.protocols.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        if version >= 8 {
            map.insert("reason".into(), match &self.reason { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for JoinGroupRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.group_id = rng.string();
        this.session_timeout_ms = rng.next_u64() as i32;
        if version >= 1 {
            this.rebalance_timeout_ms = rng.next_u64() as i32;
        }
        this.member_id = rng.string();
        if version >= 5 {
            this.group_instance_id = if version >= 5 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        this.protocol_type = rng.string();
        this.protocols = rng.vec(|rng| <JoinGroupRequestProtocol as crate::random::Random>::random(rng, version));
        if version >= 8 {
            this.reason = if version >= 8 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `JoinGroupRequestProtocol`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct JoinGroupRequestProtocol {
    /// `Name`: string; versions 0+; map key.
    pub name: String,
    /// `Metadata`: bytes; versions 0+.
    pub metadata: bytes::Bytes,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for JoinGroupRequestProtocol {
    fn default() -> Self {
        Self {
            name: String::new(),
            metadata: bytes::Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl JoinGroupRequestProtocol {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, version >= 6).ctx("name")?;
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
        len += p::string_len(&self.name, version >= 6);
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
        this.name = p::read_string(buf, version >= 6).ctx("name")?;
        this.metadata = p::read_bytes(buf, version >= 6).ctx("metadata")?;
        if version >= 6 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for JoinGroupRequestProtocol {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for JoinGroupRequestProtocol {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for JoinGroupRequestProtocol {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("metadata".into(), crate::json::binary(&self.metadata));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for JoinGroupRequestProtocol {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.metadata = rng.bytes();
        if version >= 6 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


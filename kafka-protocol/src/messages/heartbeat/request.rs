//! `HeartbeatRequest` (request, API key 12; versions 0-4; flexible 4+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/HeartbeatRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `HeartbeatRequest`: request, API key 12; versions 0-4; flexible 4+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct HeartbeatRequest {
    /// `GroupId`: string; versions 0+; entity type groupId.
    pub group_id: String,
    /// `GenerationId`: int32; versions 0+.
    pub generation_id: i32,
    /// `MemberId`: string; versions 0+.
    pub member_id: String,
    /// `GroupInstanceId`: string; versions 3+; nullable 3+; default null.
    pub group_instance_id: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for HeartbeatRequest {
    fn default() -> Self {
        Self {
            group_id: String::new(),
            generation_id: 0,
            member_id: String::new(),
            group_instance_id: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl HeartbeatRequest {
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
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for HeartbeatRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("HeartbeatRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("HeartbeatRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for HeartbeatRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("HeartbeatRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("HeartbeatRequest", version))
    }
}

impl crate::Message for HeartbeatRequest {
    const NAME: &'static str = "HeartbeatRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 4 };
    const FLEXIBLE_SINCE: Option<i16> = Some(4);
}

impl crate::Request for HeartbeatRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::Heartbeat;
    type Response = super::HeartbeatResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for HeartbeatRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("groupId".into(), serde_json::Value::from(self.group_id.as_str()));
        map.insert("generationId".into(), serde_json::Value::from(self.generation_id));
        map.insert("memberId".into(), serde_json::Value::from(self.member_id.as_str()));
        if version >= 3 {
            map.insert("groupInstanceId".into(), match &self.group_instance_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for HeartbeatRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.group_id = rng.string();
        this.generation_id = rng.next_u64() as i32;
        this.member_id = rng.string();
        if version >= 3 {
            this.group_instance_id = if version >= 3 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


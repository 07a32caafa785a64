//! `DeleteGroupsRequest` (request, API key 42; versions 0-3; flexible 2+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DeleteGroupsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DeleteGroupsRequest`: request, API key 42; versions 0-3; flexible 2+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct DeleteGroupsRequest {
    /// `GroupsNames`: []string; versions 0+; entity type groupId.
    pub groups_names: Vec<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DeleteGroupsRequest {
    fn default() -> Self {
        Self {
            groups_names: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DeleteGroupsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.groups_names.len()), version >= 2).ctx("groups_names")?;
        for e in &self.groups_names {
            p::write_string(buf, e, version >= 2).ctx("groups_names")?;
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
        len += p::array_len_len(Some(self.groups_names.len()), version >= 2) + self.groups_names.iter().map(|e| p::string_len(e, version >= 2)).sum::<usize>();
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.groups_names = p::read_array(buf, version >= 2, |buf| p::read_string(buf, version >= 2).map_err(crate::DecodeError::from)).ctx("groups_names")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("groups_names")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DeleteGroupsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DeleteGroupsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DeleteGroupsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DeleteGroupsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DeleteGroupsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DeleteGroupsRequest", version))
    }
}

impl crate::Message for DeleteGroupsRequest {
    const NAME: &'static str = "DeleteGroupsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 3 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);
}

impl crate::Request for DeleteGroupsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::DeleteGroups;
    type Response = super::DeleteGroupsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DeleteGroupsRequest {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("groupsNames".into(), serde_json::Value::Array(self.groups_names.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DeleteGroupsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.groups_names = rng.vec(|rng| rng.string());
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


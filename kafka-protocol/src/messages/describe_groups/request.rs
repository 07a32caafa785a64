//! `DescribeGroupsRequest` (request, API key 15; versions 0-6; flexible 5+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeGroupsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeGroupsRequest`: request, API key 15; versions 0-6; flexible 5+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeGroupsRequest {
    /// `Groups`: []string; versions 0+; entity type groupId.
    pub groups: Vec<String>,
    /// `IncludeAuthorizedOperations`: bool; versions 3+.
    pub include_authorized_operations: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeGroupsRequest {
    fn default() -> Self {
        Self {
            groups: Vec::new(),
            include_authorized_operations: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeGroupsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.groups.len()), version >= 5).ctx("groups")?;
        for e in &self.groups {
            p::write_string(buf, e, version >= 5).ctx("groups")?;
        }
        if version >= 3 {
            p::write_bool(buf, self.include_authorized_operations);
        } else if self.include_authorized_operations != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("include_authorized_operations"));
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
        len += p::array_len_len(Some(self.groups.len()), version >= 5) + self.groups.iter().map(|e| p::string_len(e, version >= 5)).sum::<usize>();
        if version >= 3 {
            len += 1;
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
        this.groups = p::read_array(buf, version >= 5, |buf| p::read_string(buf, version >= 5).map_err(crate::DecodeError::from)).ctx("groups")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("groups")?;
        if version >= 3 {
            this.include_authorized_operations = p::read_bool(buf).ctx("include_authorized_operations")?;
        }
        if version >= 5 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeGroupsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeGroupsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeGroupsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeGroupsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeGroupsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeGroupsRequest", version))
    }
}

impl crate::Message for DescribeGroupsRequest {
    const NAME: &'static str = "DescribeGroupsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 6 };
    const FLEXIBLE_SINCE: Option<i16> = Some(5);
}

impl crate::Request for DescribeGroupsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::DescribeGroups;
    type Response = super::DescribeGroupsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeGroupsRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("groups".into(), serde_json::Value::Array(self.groups.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        if version >= 3 {
            map.insert("includeAuthorizedOperations".into(), serde_json::Value::from(self.include_authorized_operations));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeGroupsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.groups = rng.vec(|rng| rng.string());
        if version >= 3 {
            this.include_authorized_operations = rng.bool();
        }
        if version >= 5 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


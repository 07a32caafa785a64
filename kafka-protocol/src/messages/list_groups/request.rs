//! `ListGroupsRequest` (request, API key 16; versions 0-5; flexible 3+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ListGroupsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ListGroupsRequest`: request, API key 16; versions 0-5; flexible 3+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct ListGroupsRequest {
    /// `StatesFilter`: []string; versions 4+.
    pub states_filter: Vec<String>,
    /// `TypesFilter`: []string; versions 5+.
    pub types_filter: Vec<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListGroupsRequest {
    fn default() -> Self {
        Self {
            states_filter: Vec::new(),
            types_filter: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ListGroupsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 4 {
            p::write_array_len(buf, Some(self.states_filter.len()), version >= 3).ctx("states_filter")?;
            for e in &self.states_filter {
                p::write_string(buf, e, version >= 3).ctx("states_filter")?;
            }
        } else if !self.states_filter.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("states_filter"));
        }
        if version >= 5 {
            p::write_array_len(buf, Some(self.types_filter.len()), version >= 3).ctx("types_filter")?;
            for e in &self.types_filter {
                p::write_string(buf, e, version >= 3).ctx("types_filter")?;
            }
        } else if !self.types_filter.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("types_filter"));
        }
        if version >= 3 {
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
        if version >= 4 {
            len += p::array_len_len(Some(self.states_filter.len()), version >= 3) + self.states_filter.iter().map(|e| p::string_len(e, version >= 3)).sum::<usize>();
        }
        if version >= 5 {
            len += p::array_len_len(Some(self.types_filter.len()), version >= 3) + self.types_filter.iter().map(|e| p::string_len(e, version >= 3)).sum::<usize>();
        }
        if version >= 3 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 4 {
            this.states_filter = p::read_array(buf, version >= 3, |buf| p::read_string(buf, version >= 3).map_err(crate::DecodeError::from)).ctx("states_filter")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("states_filter")?;
        }
        if version >= 5 {
            this.types_filter = p::read_array(buf, version >= 3, |buf| p::read_string(buf, version >= 3).map_err(crate::DecodeError::from)).ctx("types_filter")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("types_filter")?;
        }
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ListGroupsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ListGroupsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ListGroupsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ListGroupsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ListGroupsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ListGroupsRequest", version))
    }
}

impl crate::Message for ListGroupsRequest {
    const NAME: &'static str = "ListGroupsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 5 };
    const FLEXIBLE_SINCE: Option<i16> = Some(3);
}

impl crate::Request for ListGroupsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::ListGroups;
    type Response = super::ListGroupsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ListGroupsRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 4 {
            map.insert("statesFilter".into(), serde_json::Value::Array(self.states_filter.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        }
        if version >= 5 {
            map.insert("typesFilter".into(), serde_json::Value::Array(self.types_filter.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ListGroupsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 4 {
            this.states_filter = rng.vec(|rng| rng.string());
        }
        if version >= 5 {
            this.types_filter = rng.vec(|rng| rng.string());
        }
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


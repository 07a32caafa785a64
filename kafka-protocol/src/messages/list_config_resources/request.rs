//! `ListConfigResourcesRequest` (request, API key 74; versions 0-1; flexible 0+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ListConfigResourcesRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ListConfigResourcesRequest`: request, API key 74; versions 0-1; flexible 0+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct ListConfigResourcesRequest {
    /// `ResourceTypes`: []int8; versions 1+.
    pub resource_types: Vec<i8>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListConfigResourcesRequest {
    fn default() -> Self {
        Self {
            resource_types: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ListConfigResourcesRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 1 {
            p::write_array_len(buf, Some(self.resource_types.len()), true).ctx("resource_types")?;
            for e in &self.resource_types {
                p::write_i8(buf, *e);
            }
        } else if !self.resource_types.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("resource_types"));
        }
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        if version >= 1 {
            len += p::array_len_len(Some(self.resource_types.len()), true) + self.resource_types.len() * 1;
        }
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 1 {
            this.resource_types = p::read_array(buf, true, |buf| p::read_i8(buf).map_err(crate::DecodeError::from)).ctx("resource_types")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("resource_types")?;
        }
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ListConfigResourcesRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ListConfigResourcesRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ListConfigResourcesRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ListConfigResourcesRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ListConfigResourcesRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ListConfigResourcesRequest", version))
    }
}

impl crate::Message for ListConfigResourcesRequest {
    const NAME: &'static str = "ListConfigResourcesRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for ListConfigResourcesRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::ListConfigResources;
    type Response = super::ListConfigResourcesResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ListConfigResourcesRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 1 {
            map.insert("resourceTypes".into(), serde_json::Value::Array(self.resource_types.iter().map(|e| serde_json::Value::from(*e)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ListConfigResourcesRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 1 {
            this.resource_types = rng.vec(|rng| rng.next_u64() as i8);
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


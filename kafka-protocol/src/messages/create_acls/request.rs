//! `CreateAclsRequest` (request, API key 30; versions 1-3; flexible 2+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/CreateAclsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `CreateAclsRequest`: request, API key 30; versions 1-3; flexible 2+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateAclsRequest {
    /// `Creations`: []AclCreation; versions 0+.
    pub creations: Vec<AclCreation>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreateAclsRequest {
    fn default() -> Self {
        Self {
            creations: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl CreateAclsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.creations.len()), version >= 2).ctx("creations")?;
        for e in &self.creations {
            (*e).encode_fields(buf, version).ctx("creations")?;
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
        len += p::array_len_len(Some(self.creations.len()), version >= 2) + self.creations.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.creations = p::read_array(buf, version >= 2, |buf| AclCreation::decode_fields(buf, version)).ctx("creations")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("creations")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for CreateAclsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("CreateAclsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("CreateAclsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for CreateAclsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("CreateAclsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("CreateAclsRequest", version))
    }
}

impl crate::Message for CreateAclsRequest {
    const NAME: &'static str = "CreateAclsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 3 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);
}

impl crate::Request for CreateAclsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::CreateAcls;
    type Response = super::CreateAclsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for CreateAclsRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("creations".into(), serde_json::Value::Array(self.creations.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for CreateAclsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.creations = rng.vec(|rng| <AclCreation as crate::random::Random>::random(rng, version));
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `AclCreation`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct AclCreation {
    /// `ResourceType`: int8; versions 0+.
    pub resource_type: i8,
    /// `ResourceName`: string; versions 0+.
    pub resource_name: String,
    /// `ResourcePatternType`: int8; versions 1+; default 3.
    pub resource_pattern_type: i8,
    /// `Principal`: string; versions 0+.
    pub principal: String,
    /// `Host`: string; versions 0+.
    pub host: String,
    /// `Operation`: int8; versions 0+.
    pub operation: i8,
    /// `PermissionType`: int8; versions 0+.
    pub permission_type: i8,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AclCreation {
    fn default() -> Self {
        Self {
            resource_type: 0,
            resource_name: String::new(),
            resource_pattern_type: 3,
            principal: String::new(),
            host: String::new(),
            operation: 0,
            permission_type: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AclCreation {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i8(buf, self.resource_type);
        p::write_string(buf, &self.resource_name, version >= 2).ctx("resource_name")?;
        p::write_i8(buf, self.resource_pattern_type);
        p::write_string(buf, &self.principal, version >= 2).ctx("principal")?;
        p::write_string(buf, &self.host, version >= 2).ctx("host")?;
        p::write_i8(buf, self.operation);
        p::write_i8(buf, self.permission_type);
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
        len += 1;
        len += p::string_len(&self.resource_name, version >= 2);
        len += 1;
        len += p::string_len(&self.principal, version >= 2);
        len += p::string_len(&self.host, version >= 2);
        len += 1;
        len += 1;
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.resource_type = p::read_i8(buf).ctx("resource_type")?;
        this.resource_name = p::read_string(buf, version >= 2).ctx("resource_name")?;
        this.resource_pattern_type = p::read_i8(buf).ctx("resource_pattern_type")?;
        this.principal = p::read_string(buf, version >= 2).ctx("principal")?;
        this.host = p::read_string(buf, version >= 2).ctx("host")?;
        this.operation = p::read_i8(buf).ctx("operation")?;
        this.permission_type = p::read_i8(buf).ctx("permission_type")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AclCreation {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AclCreation {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AclCreation {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("resourceType".into(), serde_json::Value::from(self.resource_type));
        map.insert("resourceName".into(), serde_json::Value::from(self.resource_name.as_str()));
        map.insert("resourcePatternType".into(), serde_json::Value::from(self.resource_pattern_type));
        map.insert("principal".into(), serde_json::Value::from(self.principal.as_str()));
        map.insert("host".into(), serde_json::Value::from(self.host.as_str()));
        map.insert("operation".into(), serde_json::Value::from(self.operation));
        map.insert("permissionType".into(), serde_json::Value::from(self.permission_type));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AclCreation {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.resource_type = rng.next_u64() as i8;
        this.resource_name = rng.string();
        this.resource_pattern_type = rng.next_u64() as i8;
        this.principal = rng.string();
        this.host = rng.string();
        this.operation = rng.next_u64() as i8;
        this.permission_type = rng.next_u64() as i8;
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


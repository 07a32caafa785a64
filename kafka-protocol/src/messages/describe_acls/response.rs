//! `DescribeAclsResponse` (response, API key 29; versions 1-3; flexible 2+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeAclsResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeAclsResponse`: response, API key 29; versions 1-3; flexible 2+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeAclsResponse {
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ErrorMessage`: string; versions 0+; nullable 0+.
    pub error_message: Option<String>,
    /// `Resources`: []DescribeAclsResource; versions 0+.
    pub resources: Vec<DescribeAclsResource>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeAclsResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            error_code: 0,
            error_message: Some(String::new()),
            resources: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeAclsResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        p::write_i16(buf, self.error_code);
        match &self.error_message {
            Some(v) => {
                p::write_string(buf, v, version >= 2).ctx("error_message")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 2).ctx("error_message")?;
            }
        }
        p::write_array_len(buf, Some(self.resources.len()), version >= 2).ctx("resources")?;
        for e in &self.resources {
            (*e).encode_fields(buf, version).ctx("resources")?;
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
        len += 4;
        len += 2;
        len += match &self.error_message { Some(v) => p::string_len(v, version >= 2), None => if version >= 2 { 1 } else { 2 } };
        len += p::array_len_len(Some(self.resources.len()), version >= 2) + self.resources.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.error_message = p::read_nullable_string(buf, version >= 2).ctx("error_message")?;
        this.resources = p::read_array(buf, version >= 2, |buf| DescribeAclsResource::decode_fields(buf, version)).ctx("resources")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("resources")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeAclsResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeAclsResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeAclsResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeAclsResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeAclsResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeAclsResponse", version))
    }
}

impl crate::Message for DescribeAclsResponse {
    const NAME: &'static str = "DescribeAclsResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 3 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeAclsResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("resources".into(), serde_json::Value::Array(self.resources.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeAclsResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.option(|rng| rng.string());
        this.resources = rng.vec(|rng| <DescribeAclsResource as crate::random::Random>::random(rng, version));
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `AclDescription`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct AclDescription {
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

impl Default for AclDescription {
    fn default() -> Self {
        Self {
            principal: String::new(),
            host: String::new(),
            operation: 0,
            permission_type: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AclDescription {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
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

impl crate::Encode for AclDescription {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AclDescription {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AclDescription {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("principal".into(), serde_json::Value::from(self.principal.as_str()));
        map.insert("host".into(), serde_json::Value::from(self.host.as_str()));
        map.insert("operation".into(), serde_json::Value::from(self.operation));
        map.insert("permissionType".into(), serde_json::Value::from(self.permission_type));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AclDescription {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
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

/// `DescribeAclsResource`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeAclsResource {
    /// `ResourceType`: int8; versions 0+.
    pub resource_type: i8,
    /// `ResourceName`: string; versions 0+.
    pub resource_name: String,
    /// `PatternType`: int8; versions 1+; default 3.
    pub pattern_type: i8,
    /// `Acls`: []AclDescription; versions 0+.
    pub acls: Vec<AclDescription>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeAclsResource {
    fn default() -> Self {
        Self {
            resource_type: 0,
            resource_name: String::new(),
            pattern_type: 3,
            acls: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeAclsResource {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i8(buf, self.resource_type);
        p::write_string(buf, &self.resource_name, version >= 2).ctx("resource_name")?;
        p::write_i8(buf, self.pattern_type);
        p::write_array_len(buf, Some(self.acls.len()), version >= 2).ctx("acls")?;
        for e in &self.acls {
            (*e).encode_fields(buf, version).ctx("acls")?;
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
        len += 1;
        len += p::string_len(&self.resource_name, version >= 2);
        len += 1;
        len += p::array_len_len(Some(self.acls.len()), version >= 2) + self.acls.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        this.pattern_type = p::read_i8(buf).ctx("pattern_type")?;
        this.acls = p::read_array(buf, version >= 2, |buf| AclDescription::decode_fields(buf, version)).ctx("acls")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("acls")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeAclsResource {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeAclsResource {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeAclsResource {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("resourceType".into(), serde_json::Value::from(self.resource_type));
        map.insert("resourceName".into(), serde_json::Value::from(self.resource_name.as_str()));
        map.insert("patternType".into(), serde_json::Value::from(self.pattern_type));
        map.insert("acls".into(), serde_json::Value::Array(self.acls.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeAclsResource {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.resource_type = rng.next_u64() as i8;
        this.resource_name = rng.string();
        this.pattern_type = rng.next_u64() as i8;
        this.acls = rng.vec(|rng| <AclDescription as crate::random::Random>::random(rng, version));
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


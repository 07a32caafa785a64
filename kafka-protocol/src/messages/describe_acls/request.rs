//! `DescribeAclsRequest` (request, API key 29; versions 1-3; flexible 2+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeAclsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeAclsRequest`: request, API key 29; versions 1-3; flexible 2+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeAclsRequest {
    /// `ResourceTypeFilter`: int8; versions 0+.
    pub resource_type_filter: i8,
    /// `ResourceNameFilter`: string; versions 0+; nullable 0+.
    pub resource_name_filter: Option<String>,
    /// `PatternTypeFilter`: int8; versions 1+; default 3.
    pub pattern_type_filter: i8,
    /// `PrincipalFilter`: string; versions 0+; nullable 0+.
    pub principal_filter: Option<String>,
    /// `HostFilter`: string; versions 0+; nullable 0+.
    pub host_filter: Option<String>,
    /// `Operation`: int8; versions 0+.
    pub operation: i8,
    /// `PermissionType`: int8; versions 0+.
    pub permission_type: i8,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeAclsRequest {
    fn default() -> Self {
        Self {
            resource_type_filter: 0,
            resource_name_filter: Some(String::new()),
            pattern_type_filter: 3,
            principal_filter: Some(String::new()),
            host_filter: Some(String::new()),
            operation: 0,
            permission_type: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeAclsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i8(buf, self.resource_type_filter);
        match &self.resource_name_filter {
            Some(v) => {
                p::write_string(buf, v, version >= 2).ctx("resource_name_filter")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 2).ctx("resource_name_filter")?;
            }
        }
        p::write_i8(buf, self.pattern_type_filter);
        match &self.principal_filter {
            Some(v) => {
                p::write_string(buf, v, version >= 2).ctx("principal_filter")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 2).ctx("principal_filter")?;
            }
        }
        match &self.host_filter {
            Some(v) => {
                p::write_string(buf, v, version >= 2).ctx("host_filter")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 2).ctx("host_filter")?;
            }
        }
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
        len += match &self.resource_name_filter { Some(v) => p::string_len(v, version >= 2), None => if version >= 2 { 1 } else { 2 } };
        len += 1;
        len += match &self.principal_filter { Some(v) => p::string_len(v, version >= 2), None => if version >= 2 { 1 } else { 2 } };
        len += match &self.host_filter { Some(v) => p::string_len(v, version >= 2), None => if version >= 2 { 1 } else { 2 } };
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
        this.resource_type_filter = p::read_i8(buf).ctx("resource_type_filter")?;
        this.resource_name_filter = p::read_nullable_string(buf, version >= 2).ctx("resource_name_filter")?;
        this.pattern_type_filter = p::read_i8(buf).ctx("pattern_type_filter")?;
        this.principal_filter = p::read_nullable_string(buf, version >= 2).ctx("principal_filter")?;
        this.host_filter = p::read_nullable_string(buf, version >= 2).ctx("host_filter")?;
        this.operation = p::read_i8(buf).ctx("operation")?;
        this.permission_type = p::read_i8(buf).ctx("permission_type")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeAclsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeAclsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeAclsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeAclsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeAclsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeAclsRequest", version))
    }
}

impl crate::Message for DescribeAclsRequest {
    const NAME: &'static str = "DescribeAclsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 3 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);
}

impl crate::Request for DescribeAclsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::DescribeAcls;
    type Response = super::DescribeAclsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeAclsRequest {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("resourceTypeFilter".into(), serde_json::Value::from(self.resource_type_filter));
        map.insert("resourceNameFilter".into(), match &self.resource_name_filter { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("patternTypeFilter".into(), serde_json::Value::from(self.pattern_type_filter));
        map.insert("principalFilter".into(), match &self.principal_filter { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("hostFilter".into(), match &self.host_filter { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("operation".into(), serde_json::Value::from(self.operation));
        map.insert("permissionType".into(), serde_json::Value::from(self.permission_type));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeAclsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.resource_type_filter = rng.next_u64() as i8;
        this.resource_name_filter = rng.option(|rng| rng.string());
        this.pattern_type_filter = rng.next_u64() as i8;
        this.principal_filter = rng.option(|rng| rng.string());
        this.host_filter = rng.option(|rng| rng.string());
        this.operation = rng.next_u64() as i8;
        this.permission_type = rng.next_u64() as i8;
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


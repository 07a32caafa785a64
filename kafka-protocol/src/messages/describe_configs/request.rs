//! `DescribeConfigsRequest` (request, API key 32; versions 1-4; flexible 4+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeConfigsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeConfigsRequest`: request, API key 32; versions 1-4; flexible 4+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeConfigsRequest {
    /// `Resources`: []DescribeConfigsResource; versions 0+.
    pub resources: Vec<DescribeConfigsResource>,
    /// `IncludeSynonyms`: bool; versions 1+; default false.
    pub include_synonyms: bool,
    /// `IncludeDocumentation`: bool; versions 3+; default false.
    pub include_documentation: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeConfigsRequest {
    fn default() -> Self {
        Self {
            resources: Vec::new(),
            include_synonyms: false,
            include_documentation: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeConfigsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.resources.len()), version >= 4).ctx("resources")?;
        for e in &self.resources {
            (*e).encode_fields(buf, version).ctx("resources")?;
        }
        p::write_bool(buf, self.include_synonyms);
        if version >= 3 {
            p::write_bool(buf, self.include_documentation);
        } else if self.include_documentation != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("include_documentation"));
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
        len += p::array_len_len(Some(self.resources.len()), version >= 4) + self.resources.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += 1;
        if version >= 3 {
            len += 1;
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
        this.resources = p::read_array(buf, version >= 4, |buf| DescribeConfigsResource::decode_fields(buf, version)).ctx("resources")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("resources")?;
        this.include_synonyms = p::read_bool(buf).ctx("include_synonyms")?;
        if version >= 3 {
            this.include_documentation = p::read_bool(buf).ctx("include_documentation")?;
        }
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeConfigsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeConfigsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeConfigsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeConfigsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeConfigsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeConfigsRequest", version))
    }
}

impl crate::Message for DescribeConfigsRequest {
    const NAME: &'static str = "DescribeConfigsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 4 };
    const FLEXIBLE_SINCE: Option<i16> = Some(4);
}

impl crate::Request for DescribeConfigsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::DescribeConfigs;
    type Response = super::DescribeConfigsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeConfigsRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("resources".into(), serde_json::Value::Array(self.resources.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("includeSynonyms".into(), serde_json::Value::from(self.include_synonyms));
        if version >= 3 {
            map.insert("includeDocumentation".into(), serde_json::Value::from(self.include_documentation));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeConfigsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.resources = rng.vec(|rng| <DescribeConfigsResource as crate::random::Random>::random(rng, version));
        this.include_synonyms = rng.bool();
        if version >= 3 {
            this.include_documentation = rng.bool();
        }
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `DescribeConfigsResource`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeConfigsResource {
    /// `ResourceType`: int8; versions 0+.
    pub resource_type: i8,
    /// `ResourceName`: string; versions 0+.
    pub resource_name: String,
    /// `ConfigurationKeys`: []string; versions 0+; nullable 0+.
    pub configuration_keys: Option<Vec<String>>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeConfigsResource {
    fn default() -> Self {
        Self {
            resource_type: 0,
            resource_name: String::new(),
            configuration_keys: Some(Vec::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeConfigsResource {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i8(buf, self.resource_type);
        p::write_string(buf, &self.resource_name, version >= 4).ctx("resource_name")?;
        match &self.configuration_keys {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), version >= 4).ctx("configuration_keys")?;
                for e in v {
                    p::write_string(buf, e, version >= 4).ctx("configuration_keys")?;
                }
            }
            None => {
                p::write_array_len(buf, None, version >= 4).ctx("configuration_keys")?;
            }
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
        len += 1;
        len += p::string_len(&self.resource_name, version >= 4);
        len += match &self.configuration_keys { Some(v) => p::array_len_len(Some((*v).len()), version >= 4) + (*v).iter().map(|e| p::string_len(e, version >= 4)).sum::<usize>(), None => if version >= 4 { 1 } else { 4 } };
        if version >= 4 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.resource_type = p::read_i8(buf).ctx("resource_type")?;
        this.resource_name = p::read_string(buf, version >= 4).ctx("resource_name")?;
        this.configuration_keys = p::read_array(buf, version >= 4, |buf| p::read_string(buf, version >= 4).map_err(crate::DecodeError::from)).ctx("configuration_keys")?;
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeConfigsResource {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeConfigsResource {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeConfigsResource {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("resourceType".into(), serde_json::Value::from(self.resource_type));
        map.insert("resourceName".into(), serde_json::Value::from(self.resource_name.as_str()));
        map.insert("configurationKeys".into(), match &self.configuration_keys { Some(v) => serde_json::Value::Array((*v).iter().map(|e| serde_json::Value::from((*e).as_str())).collect()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeConfigsResource {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.resource_type = rng.next_u64() as i8;
        this.resource_name = rng.string();
        this.configuration_keys = rng.option(|rng| rng.vec(|rng| rng.string()));
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


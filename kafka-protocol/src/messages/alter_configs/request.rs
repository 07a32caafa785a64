//! `AlterConfigsRequest` (request, API key 33; versions 0-2; flexible 2+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/AlterConfigsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `AlterConfigsRequest`: request, API key 33; versions 0-2; flexible 2+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct AlterConfigsRequest {
    /// `Resources`: []AlterConfigsResource; versions 0+.
    pub resources: Vec<AlterConfigsResource>,
    /// `ValidateOnly`: bool; versions 0+.
    pub validate_only: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterConfigsRequest {
    fn default() -> Self {
        Self {
            resources: Vec::new(),
            validate_only: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AlterConfigsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.resources.len()), version >= 2).ctx("resources")?;
        for e in &self.resources {
            (*e).encode_fields(buf, version).ctx("resources")?;
        }
        p::write_bool(buf, self.validate_only);
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
        len += p::array_len_len(Some(self.resources.len()), version >= 2) + self.resources.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        this.resources = p::read_array(buf, version >= 2, |buf| AlterConfigsResource::decode_fields(buf, version)).ctx("resources")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("resources")?;
        this.validate_only = p::read_bool(buf).ctx("validate_only")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AlterConfigsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("AlterConfigsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("AlterConfigsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AlterConfigsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("AlterConfigsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("AlterConfigsRequest", version))
    }
}

impl crate::Message for AlterConfigsRequest {
    const NAME: &'static str = "AlterConfigsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);
}

impl crate::Request for AlterConfigsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::AlterConfigs;
    type Response = super::AlterConfigsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AlterConfigsRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("resources".into(), serde_json::Value::Array(self.resources.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("validateOnly".into(), serde_json::Value::from(self.validate_only));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AlterConfigsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.resources = rng.vec(|rng| <AlterConfigsResource as crate::random::Random>::random(rng, version));
        this.validate_only = rng.bool();
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `AlterableConfig`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct AlterableConfig {
    /// `Name`: string; versions 0+; map key.
    pub name: String,
    /// `Value`: string; versions 0+; nullable 0+.
    pub value: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterableConfig {
    fn default() -> Self {
        Self {
            name: String::new(),
            value: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AlterableConfig {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, version >= 2).ctx("name")?;
        match &self.value {
            Some(v) => {
                p::write_string(buf, v, version >= 2).ctx("value")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 2).ctx("value")?;
            }
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
        len += p::string_len(&self.name, version >= 2);
        len += match &self.value { Some(v) => p::string_len(v, version >= 2), None => if version >= 2 { 1 } else { 2 } };
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.name = p::read_string(buf, version >= 2).ctx("name")?;
        this.value = p::read_nullable_string(buf, version >= 2).ctx("value")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AlterableConfig {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AlterableConfig {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AlterableConfig {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("value".into(), match &self.value { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AlterableConfig {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.value = rng.option(|rng| rng.string());
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `AlterConfigsResource`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct AlterConfigsResource {
    /// `ResourceType`: int8; versions 0+; map key.
    pub resource_type: i8,
    /// `ResourceName`: string; versions 0+; map key.
    pub resource_name: String,
    /// `Configs`: []AlterableConfig; versions 0+.
    pub configs: Vec<AlterableConfig>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterConfigsResource {
    fn default() -> Self {
        Self {
            resource_type: 0,
            resource_name: String::new(),
            configs: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AlterConfigsResource {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i8(buf, self.resource_type);
        p::write_string(buf, &self.resource_name, version >= 2).ctx("resource_name")?;
        p::write_array_len(buf, Some(self.configs.len()), version >= 2).ctx("configs")?;
        for e in &self.configs {
            (*e).encode_fields(buf, version).ctx("configs")?;
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
        len += p::array_len_len(Some(self.configs.len()), version >= 2) + self.configs.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        this.configs = p::read_array(buf, version >= 2, |buf| AlterableConfig::decode_fields(buf, version)).ctx("configs")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("configs")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AlterConfigsResource {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AlterConfigsResource {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AlterConfigsResource {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("resourceType".into(), serde_json::Value::from(self.resource_type));
        map.insert("resourceName".into(), serde_json::Value::from(self.resource_name.as_str()));
        map.insert("configs".into(), serde_json::Value::Array(self.configs.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AlterConfigsResource {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.resource_type = rng.next_u64() as i8;
        this.resource_name = rng.string();
        this.configs = rng.vec(|rng| <AlterableConfig as crate::random::Random>::random(rng, version));
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


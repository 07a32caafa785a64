//! `DescribeClientQuotasRequest` (request, API key 48; versions 0-1; flexible 1+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeClientQuotasRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeClientQuotasRequest`: request, API key 48; versions 0-1; flexible 1+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeClientQuotasRequest {
    /// `Components`: []ComponentData; versions 0+.
    pub components: Vec<ComponentData>,
    /// `Strict`: bool; versions 0+.
    pub strict: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeClientQuotasRequest {
    fn default() -> Self {
        Self {
            components: Vec::new(),
            strict: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeClientQuotasRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.components.len()), version >= 1).ctx("components")?;
        for e in &self.components {
            (*e).encode_fields(buf, version).ctx("components")?;
        }
        p::write_bool(buf, self.strict);
        if version >= 1 {
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
        len += p::array_len_len(Some(self.components.len()), version >= 1) + self.components.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += 1;
        if version >= 1 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.components = p::read_array(buf, version >= 1, |buf| ComponentData::decode_fields(buf, version)).ctx("components")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("components")?;
        this.strict = p::read_bool(buf).ctx("strict")?;
        if version >= 1 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeClientQuotasRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeClientQuotasRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeClientQuotasRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeClientQuotasRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeClientQuotasRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeClientQuotasRequest", version))
    }
}

impl crate::Message for DescribeClientQuotasRequest {
    const NAME: &'static str = "DescribeClientQuotasRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(1);
}

impl crate::Request for DescribeClientQuotasRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::DescribeClientQuotas;
    type Response = super::DescribeClientQuotasResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeClientQuotasRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("components".into(), serde_json::Value::Array(self.components.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("strict".into(), serde_json::Value::from(self.strict));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeClientQuotasRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.components = rng.vec(|rng| <ComponentData as crate::random::Random>::random(rng, version));
        this.strict = rng.bool();
        if version >= 1 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `ComponentData`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentData {
    /// `EntityType`: string; versions 0+.
    pub entity_type: String,
    /// `MatchType`: int8; versions 0+.
    pub match_type: i8,
    /// `Match`: string; versions 0+; nullable 0+.
    pub r#match: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ComponentData {
    fn default() -> Self {
        Self {
            entity_type: String::new(),
            match_type: 0,
            r#match: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ComponentData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.entity_type, version >= 1).ctx("entity_type")?;
        p::write_i8(buf, self.match_type);
        match &self.r#match {
            Some(v) => {
                p::write_string(buf, v, version >= 1).ctx("match")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 1).ctx("match")?;
            }
        }
        if version >= 1 {
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
        len += p::string_len(&self.entity_type, version >= 1);
        len += 1;
        len += match &self.r#match { Some(v) => p::string_len(v, version >= 1), None => if version >= 1 { 1 } else { 2 } };
        if version >= 1 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.entity_type = p::read_string(buf, version >= 1).ctx("entity_type")?;
        this.match_type = p::read_i8(buf).ctx("match_type")?;
        this.r#match = p::read_nullable_string(buf, version >= 1).ctx("match")?;
        if version >= 1 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ComponentData {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ComponentData {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ComponentData {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("entityType".into(), serde_json::Value::from(self.entity_type.as_str()));
        map.insert("matchType".into(), serde_json::Value::from(self.match_type));
        map.insert("match".into(), match &self.r#match { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ComponentData {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.entity_type = rng.string();
        this.match_type = rng.next_u64() as i8;
        this.r#match = rng.option(|rng| rng.string());
        if version >= 1 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


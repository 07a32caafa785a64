//! `DefaultPrincipalData` (data schema; versions 0; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DefaultPrincipalData.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DefaultPrincipalData`: data schema; versions 0; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DefaultPrincipalData {
    /// `Type`: string; versions 0+.
    pub r#type: String,
    /// `Name`: string; versions 0+.
    pub name: String,
    /// `TokenAuthenticated`: bool; versions 0+.
    pub token_authenticated: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DefaultPrincipalData {
    fn default() -> Self {
        Self {
            r#type: String::new(),
            name: String::new(),
            token_authenticated: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DefaultPrincipalData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.r#type, true).ctx("type")?;
        p::write_string(buf, &self.name, true).ctx("name")?;
        p::write_bool(buf, self.token_authenticated);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += p::string_len(&self.r#type, true);
        len += p::string_len(&self.name, true);
        len += 1;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.r#type = p::read_string(buf, true).ctx("type")?;
        this.name = p::read_string(buf, true).ctx("name")?;
        this.token_authenticated = p::read_bool(buf).ctx("token_authenticated")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DefaultPrincipalData {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DefaultPrincipalData", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DefaultPrincipalData", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DefaultPrincipalData {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DefaultPrincipalData", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DefaultPrincipalData", version))
    }
}

impl crate::Message for DefaultPrincipalData {
    const NAME: &'static str = "DefaultPrincipalData";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DefaultPrincipalData {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("type".into(), serde_json::Value::from(self.r#type.as_str()));
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("tokenAuthenticated".into(), serde_json::Value::from(self.token_authenticated));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DefaultPrincipalData {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.r#type = rng.string();
        this.name = rng.string();
        this.token_authenticated = rng.bool();
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


//! `DescribeUserScramCredentialsRequest` (request, API key 50; versions 0; flexible 0+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeUserScramCredentialsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeUserScramCredentialsRequest`: request, API key 50; versions 0; flexible 0+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeUserScramCredentialsRequest {
    /// `Users`: []UserName; versions 0+; nullable 0+.
    pub users: Option<Vec<UserName>>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeUserScramCredentialsRequest {
    fn default() -> Self {
        Self {
            users: Some(Vec::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeUserScramCredentialsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        match &self.users {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), true).ctx("users")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("users")?;
                }
            }
            None => {
                p::write_array_len(buf, None, true).ctx("users")?;
            }
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
        len += match &self.users { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if true { 1 } else { 4 } };
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.users = p::read_array(buf, true, |buf| UserName::decode_fields(buf, version)).ctx("users")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeUserScramCredentialsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeUserScramCredentialsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeUserScramCredentialsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeUserScramCredentialsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeUserScramCredentialsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeUserScramCredentialsRequest", version))
    }
}

impl crate::Message for DescribeUserScramCredentialsRequest {
    const NAME: &'static str = "DescribeUserScramCredentialsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for DescribeUserScramCredentialsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::DescribeUserScramCredentials;
    type Response = super::DescribeUserScramCredentialsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeUserScramCredentialsRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("users".into(), match &self.users { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeUserScramCredentialsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.users = rng.option(|rng| rng.vec(|rng| <UserName as crate::random::Random>::random(rng, version)));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `UserName`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct UserName {
    /// `Name`: string; versions 0+.
    pub name: String,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for UserName {
    fn default() -> Self {
        Self {
            name: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl UserName {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, true).ctx("name")?;
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += p::string_len(&self.name, true);
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.name = p::read_string(buf, true).ctx("name")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for UserName {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for UserName {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for UserName {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for UserName {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


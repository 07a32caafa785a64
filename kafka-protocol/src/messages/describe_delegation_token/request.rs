//! `DescribeDelegationTokenRequest` (request, API key 41; versions 1-3; flexible 2+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeDelegationTokenRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeDelegationTokenRequest`: request, API key 41; versions 1-3; flexible 2+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeDelegationTokenRequest {
    /// `Owners`: []DescribeDelegationTokenOwner; versions 0+; nullable 0+.
    pub owners: Option<Vec<DescribeDelegationTokenOwner>>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeDelegationTokenRequest {
    fn default() -> Self {
        Self {
            owners: Some(Vec::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeDelegationTokenRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        match &self.owners {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), version >= 2).ctx("owners")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("owners")?;
                }
            }
            None => {
                p::write_array_len(buf, None, version >= 2).ctx("owners")?;
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
        len += match &self.owners { Some(v) => p::array_len_len(Some((*v).len()), version >= 2) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if version >= 2 { 1 } else { 4 } };
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.owners = p::read_array(buf, version >= 2, |buf| DescribeDelegationTokenOwner::decode_fields(buf, version)).ctx("owners")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeDelegationTokenRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeDelegationTokenRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeDelegationTokenRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeDelegationTokenRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeDelegationTokenRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeDelegationTokenRequest", version))
    }
}

impl crate::Message for DescribeDelegationTokenRequest {
    const NAME: &'static str = "DescribeDelegationTokenRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 3 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);
}

impl crate::Request for DescribeDelegationTokenRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::DescribeDelegationToken;
    type Response = super::DescribeDelegationTokenResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeDelegationTokenRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("owners".into(), match &self.owners { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeDelegationTokenRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.owners = rng.option(|rng| rng.vec(|rng| <DescribeDelegationTokenOwner as crate::random::Random>::random(rng, version)));
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `DescribeDelegationTokenOwner`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeDelegationTokenOwner {
    /// `PrincipalType`: string; versions 0+.
    pub principal_type: String,
    /// `PrincipalName`: string; versions 0+.
    pub principal_name: String,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeDelegationTokenOwner {
    fn default() -> Self {
        Self {
            principal_type: String::new(),
            principal_name: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeDelegationTokenOwner {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.principal_type, version >= 2).ctx("principal_type")?;
        p::write_string(buf, &self.principal_name, version >= 2).ctx("principal_name")?;
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
        len += p::string_len(&self.principal_type, version >= 2);
        len += p::string_len(&self.principal_name, version >= 2);
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.principal_type = p::read_string(buf, version >= 2).ctx("principal_type")?;
        this.principal_name = p::read_string(buf, version >= 2).ctx("principal_name")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeDelegationTokenOwner {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeDelegationTokenOwner {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeDelegationTokenOwner {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("principalType".into(), serde_json::Value::from(self.principal_type.as_str()));
        map.insert("principalName".into(), serde_json::Value::from(self.principal_name.as_str()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeDelegationTokenOwner {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.principal_type = rng.string();
        this.principal_name = rng.string();
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


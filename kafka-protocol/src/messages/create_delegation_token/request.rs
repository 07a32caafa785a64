//! `CreateDelegationTokenRequest` (request, API key 38; versions 1-3; flexible 2+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/CreateDelegationTokenRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `CreateDelegationTokenRequest`: request, API key 38; versions 1-3; flexible 2+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateDelegationTokenRequest {
    /// `OwnerPrincipalType`: string; versions 3+; nullable 3+.
    pub owner_principal_type: Option<String>,
    /// `OwnerPrincipalName`: string; versions 3+; nullable 3+.
    pub owner_principal_name: Option<String>,
    /// `Renewers`: []CreatableRenewers; versions 0+.
    pub renewers: Vec<CreatableRenewers>,
    /// `MaxLifetimeMs`: int64; versions 0+.
    pub max_lifetime_ms: i64,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreateDelegationTokenRequest {
    fn default() -> Self {
        Self {
            owner_principal_type: Some(String::new()),
            owner_principal_name: Some(String::new()),
            renewers: Vec::new(),
            max_lifetime_ms: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl CreateDelegationTokenRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 3 {
            match &self.owner_principal_type {
                Some(v) => {
                    p::write_string(buf, v, version >= 2).ctx("owner_principal_type")?;
                }
                None if version >= 3 => {
                    p::write_nullable_string(buf, None, version >= 2).ctx("owner_principal_type")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("owner_principal_type")),
            }
        } else if self.owner_principal_type.as_ref().is_none_or(|v| !v.is_empty()) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("owner_principal_type"));
        }
        if version >= 3 {
            match &self.owner_principal_name {
                Some(v) => {
                    p::write_string(buf, v, version >= 2).ctx("owner_principal_name")?;
                }
                None if version >= 3 => {
                    p::write_nullable_string(buf, None, version >= 2).ctx("owner_principal_name")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("owner_principal_name")),
            }
        } else if self.owner_principal_name.as_ref().is_none_or(|v| !v.is_empty()) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("owner_principal_name"));
        }
        p::write_array_len(buf, Some(self.renewers.len()), version >= 2).ctx("renewers")?;
        for e in &self.renewers {
            (*e).encode_fields(buf, version).ctx("renewers")?;
        }
        p::write_i64(buf, self.max_lifetime_ms);
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
        if version >= 3 {
            len += match &self.owner_principal_type { Some(v) => p::string_len(v, version >= 2), None => if version >= 2 { 1 } else { 2 } };
        }
        if version >= 3 {
            len += match &self.owner_principal_name { Some(v) => p::string_len(v, version >= 2), None => if version >= 2 { 1 } else { 2 } };
        }
        len += p::array_len_len(Some(self.renewers.len()), version >= 2) + self.renewers.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += 8;
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 3 {
            this.owner_principal_type = if version >= 3 { p::read_nullable_string(buf, version >= 2).ctx("owner_principal_type")? } else { Some(p::read_string(buf, version >= 2).ctx("owner_principal_type")?) };
        }
        if version >= 3 {
            this.owner_principal_name = if version >= 3 { p::read_nullable_string(buf, version >= 2).ctx("owner_principal_name")? } else { Some(p::read_string(buf, version >= 2).ctx("owner_principal_name")?) };
        }
        this.renewers = p::read_array(buf, version >= 2, |buf| CreatableRenewers::decode_fields(buf, version)).ctx("renewers")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("renewers")?;
        this.max_lifetime_ms = p::read_i64(buf).ctx("max_lifetime_ms")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for CreateDelegationTokenRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("CreateDelegationTokenRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("CreateDelegationTokenRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for CreateDelegationTokenRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("CreateDelegationTokenRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("CreateDelegationTokenRequest", version))
    }
}

impl crate::Message for CreateDelegationTokenRequest {
    const NAME: &'static str = "CreateDelegationTokenRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 3 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);
}

impl crate::Request for CreateDelegationTokenRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::CreateDelegationToken;
    type Response = super::CreateDelegationTokenResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for CreateDelegationTokenRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 3 {
            map.insert("ownerPrincipalType".into(), match &self.owner_principal_type { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        if version >= 3 {
            map.insert("ownerPrincipalName".into(), match &self.owner_principal_name { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        map.insert("renewers".into(), serde_json::Value::Array(self.renewers.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("maxLifetimeMs".into(), serde_json::Value::from(self.max_lifetime_ms));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for CreateDelegationTokenRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 3 {
            this.owner_principal_type = if version >= 3 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 3 {
            this.owner_principal_name = if version >= 3 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        this.renewers = rng.vec(|rng| <CreatableRenewers as crate::random::Random>::random(rng, version));
        this.max_lifetime_ms = rng.next_u64() as i64;
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `CreatableRenewers`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct CreatableRenewers {
    /// `PrincipalType`: string; versions 0+.
    pub principal_type: String,
    /// `PrincipalName`: string; versions 0+.
    pub principal_name: String,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatableRenewers {
    fn default() -> Self {
        Self {
            principal_type: String::new(),
            principal_name: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl CreatableRenewers {
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

impl crate::Encode for CreatableRenewers {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for CreatableRenewers {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for CreatableRenewers {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("principalType".into(), serde_json::Value::from(self.principal_type.as_str()));
        map.insert("principalName".into(), serde_json::Value::from(self.principal_name.as_str()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for CreatableRenewers {
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


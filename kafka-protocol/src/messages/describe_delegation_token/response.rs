//! `DescribeDelegationTokenResponse` (response, API key 41; versions 1-3; flexible 2+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeDelegationTokenResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeDelegationTokenResponse`: response, API key 41; versions 1-3; flexible 2+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeDelegationTokenResponse {
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `Tokens`: []DescribedDelegationToken; versions 0+.
    pub tokens: Vec<DescribedDelegationToken>,
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeDelegationTokenResponse {
    fn default() -> Self {
        Self {
            error_code: 0,
            tokens: Vec::new(),
            throttle_time_ms: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeDelegationTokenResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.error_code);
        p::write_array_len(buf, Some(self.tokens.len()), version >= 2).ctx("tokens")?;
        for e in &self.tokens {
            (*e).encode_fields(buf, version).ctx("tokens")?;
        }
        p::write_i32(buf, self.throttle_time_ms);
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
        len += 2;
        len += p::array_len_len(Some(self.tokens.len()), version >= 2) + self.tokens.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += 4;
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.tokens = p::read_array(buf, version >= 2, |buf| DescribedDelegationToken::decode_fields(buf, version)).ctx("tokens")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("tokens")?;
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeDelegationTokenResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeDelegationTokenResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeDelegationTokenResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeDelegationTokenResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeDelegationTokenResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeDelegationTokenResponse", version))
    }
}

impl crate::Message for DescribeDelegationTokenResponse {
    const NAME: &'static str = "DescribeDelegationTokenResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 3 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeDelegationTokenResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("tokens".into(), serde_json::Value::Array(self.tokens.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeDelegationTokenResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.tokens = rng.vec(|rng| <DescribedDelegationToken as crate::random::Random>::random(rng, version));
        this.throttle_time_ms = rng.next_u64() as i32;
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `DescribedDelegationTokenRenewer`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribedDelegationTokenRenewer {
    /// `PrincipalType`: string; versions 0+.
    pub principal_type: String,
    /// `PrincipalName`: string; versions 0+.
    pub principal_name: String,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribedDelegationTokenRenewer {
    fn default() -> Self {
        Self {
            principal_type: String::new(),
            principal_name: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribedDelegationTokenRenewer {
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

impl crate::Encode for DescribedDelegationTokenRenewer {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribedDelegationTokenRenewer {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribedDelegationTokenRenewer {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("principalType".into(), serde_json::Value::from(self.principal_type.as_str()));
        map.insert("principalName".into(), serde_json::Value::from(self.principal_name.as_str()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribedDelegationTokenRenewer {
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

/// `DescribedDelegationToken`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribedDelegationToken {
    /// `PrincipalType`: string; versions 0+.
    pub principal_type: String,
    /// `PrincipalName`: string; versions 0+.
    pub principal_name: String,
    /// `TokenRequesterPrincipalType`: string; versions 3+.
    pub token_requester_principal_type: String,
    /// `TokenRequesterPrincipalName`: string; versions 3+.
    pub token_requester_principal_name: String,
    /// `IssueTimestamp`: int64; versions 0+.
    pub issue_timestamp: i64,
    /// `ExpiryTimestamp`: int64; versions 0+.
    pub expiry_timestamp: i64,
    /// `MaxTimestamp`: int64; versions 0+.
    pub max_timestamp: i64,
    /// `TokenId`: string; versions 0+.
    pub token_id: String,
    /// `Hmac`: bytes; versions 0+.
    pub hmac: bytes::Bytes,
    /// `Renewers`: []DescribedDelegationTokenRenewer; versions 0+.
    pub renewers: Vec<DescribedDelegationTokenRenewer>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribedDelegationToken {
    fn default() -> Self {
        Self {
            principal_type: String::new(),
            principal_name: String::new(),
            token_requester_principal_type: String::new(),
            token_requester_principal_name: String::new(),
            issue_timestamp: 0,
            expiry_timestamp: 0,
            max_timestamp: 0,
            token_id: String::new(),
            hmac: bytes::Bytes::new(),
            renewers: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribedDelegationToken {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.principal_type, version >= 2).ctx("principal_type")?;
        p::write_string(buf, &self.principal_name, version >= 2).ctx("principal_name")?;
        if version >= 3 {
            p::write_string(buf, &self.token_requester_principal_type, version >= 2).ctx("token_requester_principal_type")?;
        } else if !self.token_requester_principal_type.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("token_requester_principal_type"));
        }
        if version >= 3 {
            p::write_string(buf, &self.token_requester_principal_name, version >= 2).ctx("token_requester_principal_name")?;
        } else if !self.token_requester_principal_name.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("token_requester_principal_name"));
        }
        p::write_i64(buf, self.issue_timestamp);
        p::write_i64(buf, self.expiry_timestamp);
        p::write_i64(buf, self.max_timestamp);
        p::write_string(buf, &self.token_id, version >= 2).ctx("token_id")?;
        p::write_bytes(buf, &self.hmac, version >= 2).ctx("hmac")?;
        p::write_array_len(buf, Some(self.renewers.len()), version >= 2).ctx("renewers")?;
        for e in &self.renewers {
            (*e).encode_fields(buf, version).ctx("renewers")?;
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
        len += p::string_len(&self.principal_type, version >= 2);
        len += p::string_len(&self.principal_name, version >= 2);
        if version >= 3 {
            len += p::string_len(&self.token_requester_principal_type, version >= 2);
        }
        if version >= 3 {
            len += p::string_len(&self.token_requester_principal_name, version >= 2);
        }
        len += 8;
        len += 8;
        len += 8;
        len += p::string_len(&self.token_id, version >= 2);
        len += p::bytes_len(&self.hmac, version >= 2);
        len += p::array_len_len(Some(self.renewers.len()), version >= 2) + self.renewers.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        if version >= 3 {
            this.token_requester_principal_type = p::read_string(buf, version >= 2).ctx("token_requester_principal_type")?;
        }
        if version >= 3 {
            this.token_requester_principal_name = p::read_string(buf, version >= 2).ctx("token_requester_principal_name")?;
        }
        this.issue_timestamp = p::read_i64(buf).ctx("issue_timestamp")?;
        this.expiry_timestamp = p::read_i64(buf).ctx("expiry_timestamp")?;
        this.max_timestamp = p::read_i64(buf).ctx("max_timestamp")?;
        this.token_id = p::read_string(buf, version >= 2).ctx("token_id")?;
        this.hmac = p::read_bytes(buf, version >= 2).ctx("hmac")?;
        this.renewers = p::read_array(buf, version >= 2, |buf| DescribedDelegationTokenRenewer::decode_fields(buf, version)).ctx("renewers")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("renewers")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribedDelegationToken {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribedDelegationToken {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribedDelegationToken {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("principalType".into(), serde_json::Value::from(self.principal_type.as_str()));
        map.insert("principalName".into(), serde_json::Value::from(self.principal_name.as_str()));
        if version >= 3 {
            map.insert("tokenRequesterPrincipalType".into(), serde_json::Value::from(self.token_requester_principal_type.as_str()));
        }
        if version >= 3 {
            map.insert("tokenRequesterPrincipalName".into(), serde_json::Value::from(self.token_requester_principal_name.as_str()));
        }
        map.insert("issueTimestamp".into(), serde_json::Value::from(self.issue_timestamp));
        map.insert("expiryTimestamp".into(), serde_json::Value::from(self.expiry_timestamp));
        map.insert("maxTimestamp".into(), serde_json::Value::from(self.max_timestamp));
        map.insert("tokenId".into(), serde_json::Value::from(self.token_id.as_str()));
        map.insert("hmac".into(), crate::json::binary(&self.hmac));
        map.insert("renewers".into(), serde_json::Value::Array(self.renewers.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribedDelegationToken {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.principal_type = rng.string();
        this.principal_name = rng.string();
        if version >= 3 {
            this.token_requester_principal_type = rng.string();
        }
        if version >= 3 {
            this.token_requester_principal_name = rng.string();
        }
        this.issue_timestamp = rng.next_u64() as i64;
        this.expiry_timestamp = rng.next_u64() as i64;
        this.max_timestamp = rng.next_u64() as i64;
        this.token_id = rng.string();
        this.hmac = rng.bytes();
        this.renewers = rng.vec(|rng| <DescribedDelegationTokenRenewer as crate::random::Random>::random(rng, version));
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


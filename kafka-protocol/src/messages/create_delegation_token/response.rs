//! `CreateDelegationTokenResponse` (response, API key 38; versions 1-3; flexible 2+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/CreateDelegationTokenResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `CreateDelegationTokenResponse`: response, API key 38; versions 1-3; flexible 2+.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateDelegationTokenResponse {
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `PrincipalType`: string; versions 0+.
    pub principal_type: String,
    /// `PrincipalName`: string; versions 0+.
    pub principal_name: String,
    /// `TokenRequesterPrincipalType`: string; versions 3+.
    pub token_requester_principal_type: String,
    /// `TokenRequesterPrincipalName`: string; versions 3+.
    pub token_requester_principal_name: String,
    /// `IssueTimestampMs`: int64; versions 0+.
    pub issue_timestamp_ms: i64,
    /// `ExpiryTimestampMs`: int64; versions 0+.
    pub expiry_timestamp_ms: i64,
    /// `MaxTimestampMs`: int64; versions 0+.
    pub max_timestamp_ms: i64,
    /// `TokenId`: string; versions 0+.
    pub token_id: String,
    /// `Hmac`: bytes; versions 0+.
    pub hmac: bytes::Bytes,
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreateDelegationTokenResponse {
    fn default() -> Self {
        Self {
            error_code: 0,
            principal_type: String::new(),
            principal_name: String::new(),
            token_requester_principal_type: String::new(),
            token_requester_principal_name: String::new(),
            issue_timestamp_ms: 0,
            expiry_timestamp_ms: 0,
            max_timestamp_ms: 0,
            token_id: String::new(),
            hmac: bytes::Bytes::new(),
            throttle_time_ms: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl CreateDelegationTokenResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.error_code);
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
        p::write_i64(buf, self.issue_timestamp_ms);
        p::write_i64(buf, self.expiry_timestamp_ms);
        p::write_i64(buf, self.max_timestamp_ms);
        p::write_string(buf, &self.token_id, version >= 2).ctx("token_id")?;
        p::write_bytes(buf, &self.hmac, version >= 2).ctx("hmac")?;
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
        this.principal_type = p::read_string(buf, version >= 2).ctx("principal_type")?;
        this.principal_name = p::read_string(buf, version >= 2).ctx("principal_name")?;
        if version >= 3 {
            this.token_requester_principal_type = p::read_string(buf, version >= 2).ctx("token_requester_principal_type")?;
        }
        if version >= 3 {
            this.token_requester_principal_name = p::read_string(buf, version >= 2).ctx("token_requester_principal_name")?;
        }
        this.issue_timestamp_ms = p::read_i64(buf).ctx("issue_timestamp_ms")?;
        this.expiry_timestamp_ms = p::read_i64(buf).ctx("expiry_timestamp_ms")?;
        this.max_timestamp_ms = p::read_i64(buf).ctx("max_timestamp_ms")?;
        this.token_id = p::read_string(buf, version >= 2).ctx("token_id")?;
        this.hmac = p::read_bytes(buf, version >= 2).ctx("hmac")?;
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for CreateDelegationTokenResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("CreateDelegationTokenResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("CreateDelegationTokenResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for CreateDelegationTokenResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("CreateDelegationTokenResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("CreateDelegationTokenResponse", version))
    }
}

impl crate::Message for CreateDelegationTokenResponse {
    const NAME: &'static str = "CreateDelegationTokenResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 3 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for CreateDelegationTokenResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("principalType".into(), serde_json::Value::from(self.principal_type.as_str()));
        map.insert("principalName".into(), serde_json::Value::from(self.principal_name.as_str()));
        if version >= 3 {
            map.insert("tokenRequesterPrincipalType".into(), serde_json::Value::from(self.token_requester_principal_type.as_str()));
        }
        if version >= 3 {
            map.insert("tokenRequesterPrincipalName".into(), serde_json::Value::from(self.token_requester_principal_name.as_str()));
        }
        map.insert("issueTimestampMs".into(), serde_json::Value::from(self.issue_timestamp_ms));
        map.insert("expiryTimestampMs".into(), serde_json::Value::from(self.expiry_timestamp_ms));
        map.insert("maxTimestampMs".into(), serde_json::Value::from(self.max_timestamp_ms));
        map.insert("tokenId".into(), serde_json::Value::from(self.token_id.as_str()));
        map.insert("hmac".into(), crate::json::binary(&self.hmac));
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for CreateDelegationTokenResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.principal_type = rng.string();
        this.principal_name = rng.string();
        if version >= 3 {
            this.token_requester_principal_type = rng.string();
        }
        if version >= 3 {
            this.token_requester_principal_name = rng.string();
        }
        this.issue_timestamp_ms = rng.next_u64() as i64;
        this.expiry_timestamp_ms = rng.next_u64() as i64;
        this.max_timestamp_ms = rng.next_u64() as i64;
        this.token_id = rng.string();
        this.hmac = rng.bytes();
        this.throttle_time_ms = rng.next_u64() as i32;
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


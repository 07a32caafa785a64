//! `ApiVersionsResponse` (response, API key 18; versions 0-5; flexible 3+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ApiVersionsResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ApiVersionsResponse`: response, API key 18; versions 0-5; flexible 3+.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiVersionsResponse {
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ApiKeys`: []ApiVersion; versions 0+.
    pub api_keys: Vec<ApiVersion>,
    /// `ThrottleTimeMs`: int32; versions 1+; ignorable.
    pub throttle_time_ms: i32,
    /// `SupportedFeatures`: []SupportedFeatureKey; versions 3+; tag 0 in versions 3+; ignorable.
    pub supported_features: Vec<SupportedFeatureKey>,
    /// `FinalizedFeaturesEpoch`: int64; versions 3+; tag 1 in versions 3+; default -1; ignorable.
    pub finalized_features_epoch: i64,
    /// `FinalizedFeatures`: []FinalizedFeatureKey; versions 3+; tag 2 in versions 3+; ignorable.
    pub finalized_features: Vec<FinalizedFeatureKey>,
    /// `ZkMigrationReady`: bool; versions 3+; tag 3 in versions 3+; default false; ignorable.
    pub zk_migration_ready: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ApiVersionsResponse {
    fn default() -> Self {
        Self {
            error_code: 0,
            api_keys: Vec::new(),
            throttle_time_ms: 0,
            supported_features: Vec::new(),
            finalized_features_epoch: -1,
            finalized_features: Vec::new(),
            zk_migration_ready: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ApiVersionsResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.error_code);
        p::write_array_len(buf, Some(self.api_keys.len()), version >= 3).ctx("api_keys")?;
        for e in &self.api_keys {
            (*e).encode_fields(buf, version).ctx("api_keys")?;
        }
        if version >= 1 {
            p::write_i32(buf, self.throttle_time_ms);
        }
        if version >= 3 {
            let mut count = self.unknown_tagged_fields.len();
            let tagged_supported_features = (version >= 3) && !self.supported_features.is_empty();
            count += tagged_supported_features as usize;
            let tagged_finalized_features_epoch = (version >= 3) && self.finalized_features_epoch != -1;
            count += tagged_finalized_features_epoch as usize;
            let tagged_finalized_features = (version >= 3) && !self.finalized_features.is_empty();
            count += tagged_finalized_features as usize;
            let tagged_zk_migration_ready = (version >= 3) && self.zk_migration_ready != false;
            count += tagged_zk_migration_ready as usize;
            p::write_unsigned_varint(buf, count as u32);
            let mut raw = 0;
            if tagged_supported_features {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 0);
                p::write_unsigned_varint(buf, 0);
                p::write_unsigned_varint(buf, (p::array_len_len(Some(self.supported_features.len()), true) + self.supported_features.iter().map(|e| (*e).fields_len(version)).sum::<usize>()) as u32);
                p::write_array_len(buf, Some(self.supported_features.len()), true).ctx("supported_features")?;
                for e in &self.supported_features {
                    (*e).encode_fields(buf, version).ctx("supported_features")?;
                }
            }
            if tagged_finalized_features_epoch {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 1);
                p::write_unsigned_varint(buf, 1);
                p::write_unsigned_varint(buf, (8) as u32);
                p::write_i64(buf, self.finalized_features_epoch);
            }
            if tagged_finalized_features {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 2);
                p::write_unsigned_varint(buf, 2);
                p::write_unsigned_varint(buf, (p::array_len_len(Some(self.finalized_features.len()), true) + self.finalized_features.iter().map(|e| (*e).fields_len(version)).sum::<usize>()) as u32);
                p::write_array_len(buf, Some(self.finalized_features.len()), true).ctx("finalized_features")?;
                for e in &self.finalized_features {
                    (*e).encode_fields(buf, version).ctx("finalized_features")?;
                }
            }
            if tagged_zk_migration_ready {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 3);
                p::write_unsigned_varint(buf, 3);
                p::write_unsigned_varint(buf, (1) as u32);
                p::write_bool(buf, self.zk_migration_ready);
            }
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, u64::MAX);
        }
        else if !self.unknown_tagged_fields.is_empty() {
            return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += 2;
        len += p::array_len_len(Some(self.api_keys.len()), version >= 3) + self.api_keys.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 1 {
            len += 4;
        }
        if version >= 3 {
            let mut count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            if (version >= 3) && !self.supported_features.is_empty() {
                count += 1;
                len += p::tagged_field_len(0, p::array_len_len(Some(self.supported_features.len()), true) + self.supported_features.iter().map(|e| (*e).fields_len(version)).sum::<usize>());
            }
            if (version >= 3) && self.finalized_features_epoch != -1 {
                count += 1;
                len += p::tagged_field_len(1, 8);
            }
            if (version >= 3) && !self.finalized_features.is_empty() {
                count += 1;
                len += p::tagged_field_len(2, p::array_len_len(Some(self.finalized_features.len()), true) + self.finalized_features.iter().map(|e| (*e).fields_len(version)).sum::<usize>());
            }
            if (version >= 3) && self.zk_migration_ready != false {
                count += 1;
                len += p::tagged_field_len(3, 1);
            }
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.api_keys = p::read_array(buf, version >= 3, |buf| ApiVersion::decode_fields(buf, version)).ctx("api_keys")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("api_keys")?;
        if version >= 1 {
            this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        }
        if version >= 3 {
            let unknown = p::read_tagged_fields(buf, |tag, buf| {
                match tag {
                    0 if version >= 3 => {
                        this.supported_features = p::read_array(buf, true, |buf| SupportedFeatureKey::decode_fields(buf, version)).ctx("supported_features")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("supported_features")?;
                        Ok(true)
                    }
                    1 if version >= 3 => {
                        this.finalized_features_epoch = p::read_i64(buf).ctx("finalized_features_epoch")?;
                        Ok(true)
                    }
                    2 if version >= 3 => {
                        this.finalized_features = p::read_array(buf, true, |buf| FinalizedFeatureKey::decode_fields(buf, version)).ctx("finalized_features")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("finalized_features")?;
                        Ok(true)
                    }
                    3 if version >= 3 => {
                        this.zk_migration_ready = p::read_bool(buf).ctx("zk_migration_ready")?;
                        Ok(true)
                    }
                    _ => Ok(false),
                }
            })?;
            this.unknown_tagged_fields = unknown;
        }
        Ok(this)
    }
}

impl crate::Encode for ApiVersionsResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ApiVersionsResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ApiVersionsResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ApiVersionsResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ApiVersionsResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ApiVersionsResponse", version))
    }
}

impl crate::Message for ApiVersionsResponse {
    const NAME: &'static str = "ApiVersionsResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 5 };
    const FLEXIBLE_SINCE: Option<i16> = Some(3);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ApiVersionsResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("apiKeys".into(), serde_json::Value::Array(self.api_keys.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        if version >= 1 {
            map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        }
        if version >= 3 && !self.supported_features.is_empty() {
            map.insert("supportedFeatures".into(), serde_json::Value::Array(self.supported_features.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        if version >= 3 && self.finalized_features_epoch != -1 {
            map.insert("finalizedFeaturesEpoch".into(), serde_json::Value::from(self.finalized_features_epoch));
        }
        if version >= 3 && !self.finalized_features.is_empty() {
            map.insert("finalizedFeatures".into(), serde_json::Value::Array(self.finalized_features.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        if version >= 3 && self.zk_migration_ready != false {
            map.insert("zkMigrationReady".into(), serde_json::Value::from(self.zk_migration_ready));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ApiVersionsResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.api_keys = rng.vec(|rng| <ApiVersion as crate::random::Random>::random(rng, version));
        if version >= 1 {
            this.throttle_time_ms = rng.next_u64() as i32;
        }
        if version >= 3 {
            this.supported_features = rng.vec(|rng| <SupportedFeatureKey as crate::random::Random>::random(rng, version));
        }
        if version >= 3 {
            this.finalized_features_epoch = rng.next_u64() as i64;
        }
        if version >= 3 {
            this.finalized_features = rng.vec(|rng| <FinalizedFeatureKey as crate::random::Random>::random(rng, version));
        }
        if version >= 3 {
            this.zk_migration_ready = rng.bool();
        }
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `ApiVersion`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiVersion {
    /// `ApiKey`: int16; versions 0+; map key.
    pub api_key: i16,
    /// `MinVersion`: int16; versions 0+.
    pub min_version: i16,
    /// `MaxVersion`: int16; versions 0+.
    pub max_version: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ApiVersion {
    fn default() -> Self {
        Self {
            api_key: 0,
            min_version: 0,
            max_version: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ApiVersion {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.api_key);
        p::write_i16(buf, self.min_version);
        p::write_i16(buf, self.max_version);
        if version >= 3 {
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
        len += 2;
        len += 2;
        if version >= 3 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.api_key = p::read_i16(buf).ctx("api_key")?;
        this.min_version = p::read_i16(buf).ctx("min_version")?;
        this.max_version = p::read_i16(buf).ctx("max_version")?;
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ApiVersion {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ApiVersion {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ApiVersion {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("apiKey".into(), serde_json::Value::from(self.api_key));
        map.insert("minVersion".into(), serde_json::Value::from(self.min_version));
        map.insert("maxVersion".into(), serde_json::Value::from(self.max_version));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ApiVersion {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.api_key = rng.next_u64() as i16;
        this.min_version = rng.next_u64() as i16;
        this.max_version = rng.next_u64() as i16;
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `SupportedFeatureKey`, versions 3+.
#[derive(Debug, Clone, PartialEq)]
pub struct SupportedFeatureKey {
    /// `Name`: string; versions 3+; map key.
    pub name: String,
    /// `MinVersion`: int16; versions 3+.
    pub min_version: i16,
    /// `MaxVersion`: int16; versions 3+.
    pub max_version: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for SupportedFeatureKey {
    fn default() -> Self {
        Self {
            name: String::new(),
            min_version: 0,
            max_version: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl SupportedFeatureKey {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 3 {
            p::write_string(buf, &self.name, version >= 3).ctx("name")?;
        } else if !self.name.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("name"));
        }
        if version >= 3 {
            p::write_i16(buf, self.min_version);
        } else if self.min_version != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("min_version"));
        }
        if version >= 3 {
            p::write_i16(buf, self.max_version);
        } else if self.max_version != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("max_version"));
        }
        if version >= 3 {
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
            len += p::string_len(&self.name, version >= 3);
        }
        if version >= 3 {
            len += 2;
        }
        if version >= 3 {
            len += 2;
        }
        if version >= 3 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 3 {
            this.name = p::read_string(buf, version >= 3).ctx("name")?;
        }
        if version >= 3 {
            this.min_version = p::read_i16(buf).ctx("min_version")?;
        }
        if version >= 3 {
            this.max_version = p::read_i16(buf).ctx("max_version")?;
        }
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for SupportedFeatureKey {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for SupportedFeatureKey {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for SupportedFeatureKey {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 3 {
            map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        }
        if version >= 3 {
            map.insert("minVersion".into(), serde_json::Value::from(self.min_version));
        }
        if version >= 3 {
            map.insert("maxVersion".into(), serde_json::Value::from(self.max_version));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for SupportedFeatureKey {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 3 {
            this.name = rng.string();
        }
        if version >= 3 {
            this.min_version = rng.next_u64() as i16;
        }
        if version >= 3 {
            this.max_version = rng.next_u64() as i16;
        }
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `FinalizedFeatureKey`, versions 3+.
#[derive(Debug, Clone, PartialEq)]
pub struct FinalizedFeatureKey {
    /// `Name`: string; versions 3+; map key.
    pub name: String,
    /// `MaxVersionLevel`: int16; versions 3+.
    pub max_version_level: i16,
    /// `MinVersionLevel`: int16; versions 3+.
    pub min_version_level: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FinalizedFeatureKey {
    fn default() -> Self {
        Self {
            name: String::new(),
            max_version_level: 0,
            min_version_level: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl FinalizedFeatureKey {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 3 {
            p::write_string(buf, &self.name, version >= 3).ctx("name")?;
        } else if !self.name.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("name"));
        }
        if version >= 3 {
            p::write_i16(buf, self.max_version_level);
        } else if self.max_version_level != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("max_version_level"));
        }
        if version >= 3 {
            p::write_i16(buf, self.min_version_level);
        } else if self.min_version_level != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("min_version_level"));
        }
        if version >= 3 {
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
            len += p::string_len(&self.name, version >= 3);
        }
        if version >= 3 {
            len += 2;
        }
        if version >= 3 {
            len += 2;
        }
        if version >= 3 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 3 {
            this.name = p::read_string(buf, version >= 3).ctx("name")?;
        }
        if version >= 3 {
            this.max_version_level = p::read_i16(buf).ctx("max_version_level")?;
        }
        if version >= 3 {
            this.min_version_level = p::read_i16(buf).ctx("min_version_level")?;
        }
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for FinalizedFeatureKey {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for FinalizedFeatureKey {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for FinalizedFeatureKey {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 3 {
            map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        }
        if version >= 3 {
            map.insert("maxVersionLevel".into(), serde_json::Value::from(self.max_version_level));
        }
        if version >= 3 {
            map.insert("minVersionLevel".into(), serde_json::Value::from(self.min_version_level));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for FinalizedFeatureKey {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 3 {
            this.name = rng.string();
        }
        if version >= 3 {
            this.max_version_level = rng.next_u64() as i16;
        }
        if version >= 3 {
            this.min_version_level = rng.next_u64() as i16;
        }
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


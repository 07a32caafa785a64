//! `UpdateFeaturesRequest` (request, API key 57; versions 0-2; flexible 0+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/UpdateFeaturesRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `UpdateFeaturesRequest`: request, API key 57; versions 0-2; flexible 0+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateFeaturesRequest {
    /// `timeoutMs`: int32; versions 0+; default 60000.
    pub timeout_ms: i32,
    /// `FeatureUpdates`: []FeatureUpdateKey; versions 0+.
    pub feature_updates: Vec<FeatureUpdateKey>,
    /// `ValidateOnly`: bool; versions 1+; default false.
    pub validate_only: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for UpdateFeaturesRequest {
    fn default() -> Self {
        Self {
            timeout_ms: 60000,
            feature_updates: Vec::new(),
            validate_only: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl UpdateFeaturesRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.timeout_ms);
        p::write_array_len(buf, Some(self.feature_updates.len()), true).ctx("feature_updates")?;
        for e in &self.feature_updates {
            (*e).encode_fields(buf, version).ctx("feature_updates")?;
        }
        if version >= 1 {
            p::write_bool(buf, self.validate_only);
        } else if self.validate_only != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("validate_only"));
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
        len += 4;
        len += p::array_len_len(Some(self.feature_updates.len()), true) + self.feature_updates.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 1 {
            len += 1;
        }
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.timeout_ms = p::read_i32(buf).ctx("timeout_ms")?;
        this.feature_updates = p::read_array(buf, true, |buf| FeatureUpdateKey::decode_fields(buf, version)).ctx("feature_updates")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("feature_updates")?;
        if version >= 1 {
            this.validate_only = p::read_bool(buf).ctx("validate_only")?;
        }
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for UpdateFeaturesRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("UpdateFeaturesRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("UpdateFeaturesRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for UpdateFeaturesRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("UpdateFeaturesRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("UpdateFeaturesRequest", version))
    }
}

impl crate::Message for UpdateFeaturesRequest {
    const NAME: &'static str = "UpdateFeaturesRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for UpdateFeaturesRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::UpdateFeatures;
    type Response = super::UpdateFeaturesResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for UpdateFeaturesRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("timeoutMs".into(), serde_json::Value::from(self.timeout_ms));
        map.insert("featureUpdates".into(), serde_json::Value::Array(self.feature_updates.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        if version >= 1 {
            map.insert("validateOnly".into(), serde_json::Value::from(self.validate_only));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for UpdateFeaturesRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.timeout_ms = rng.next_u64() as i32;
        this.feature_updates = rng.vec(|rng| <FeatureUpdateKey as crate::random::Random>::random(rng, version));
        if version >= 1 {
            this.validate_only = rng.bool();
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `FeatureUpdateKey`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureUpdateKey {
    /// `Feature`: string; versions 0+; map key.
    pub feature: String,
    /// `MaxVersionLevel`: int16; versions 0+.
    pub max_version_level: i16,
    /// `AllowDowngrade`: bool; versions 0.
    pub allow_downgrade: bool,
    /// `UpgradeType`: int8; versions 1+; default 1.
    pub upgrade_type: i8,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FeatureUpdateKey {
    fn default() -> Self {
        Self {
            feature: String::new(),
            max_version_level: 0,
            allow_downgrade: false,
            upgrade_type: 1,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl FeatureUpdateKey {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.feature, true).ctx("feature")?;
        p::write_i16(buf, self.max_version_level);
        if version <= 0 {
            p::write_bool(buf, self.allow_downgrade);
        } else if self.allow_downgrade != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("allow_downgrade"));
        }
        if version >= 1 {
            p::write_i8(buf, self.upgrade_type);
        } else if self.upgrade_type != 1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("upgrade_type"));
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
        len += p::string_len(&self.feature, true);
        len += 2;
        if version <= 0 {
            len += 1;
        }
        if version >= 1 {
            len += 1;
        }
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.feature = p::read_string(buf, true).ctx("feature")?;
        this.max_version_level = p::read_i16(buf).ctx("max_version_level")?;
        if version <= 0 {
            this.allow_downgrade = p::read_bool(buf).ctx("allow_downgrade")?;
        }
        if version >= 1 {
            this.upgrade_type = p::read_i8(buf).ctx("upgrade_type")?;
        }
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for FeatureUpdateKey {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for FeatureUpdateKey {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for FeatureUpdateKey {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("feature".into(), serde_json::Value::from(self.feature.as_str()));
        map.insert("maxVersionLevel".into(), serde_json::Value::from(self.max_version_level));
        if version <= 0 {
            map.insert("allowDowngrade".into(), serde_json::Value::from(self.allow_downgrade));
        }
        if version >= 1 {
            map.insert("upgradeType".into(), serde_json::Value::from(self.upgrade_type));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for FeatureUpdateKey {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.feature = rng.string();
        this.max_version_level = rng.next_u64() as i16;
        if version <= 0 {
            this.allow_downgrade = rng.bool();
        }
        if version >= 1 {
            this.upgrade_type = rng.next_u64() as i8;
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


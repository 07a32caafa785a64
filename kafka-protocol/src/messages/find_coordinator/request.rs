//! `FindCoordinatorRequest` (request, API key 10; versions 0-6; flexible 3+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/FindCoordinatorRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `FindCoordinatorRequest`: request, API key 10; versions 0-6; flexible 3+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct FindCoordinatorRequest {
    /// `Key`: string; versions 0-3.
    pub key: String,
    /// `KeyType`: int8; versions 1+; default 0.
    pub key_type: i8,
    /// `CoordinatorKeys`: []string; versions 4+.
    pub coordinator_keys: Vec<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FindCoordinatorRequest {
    fn default() -> Self {
        Self {
            key: String::new(),
            key_type: 0,
            coordinator_keys: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl FindCoordinatorRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version <= 3 {
            p::write_string(buf, &self.key, version >= 3).ctx("key")?;
        } else if !self.key.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("key"));
        }
        if version >= 1 {
            p::write_i8(buf, self.key_type);
        } else if self.key_type != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("key_type"));
        }
        if version >= 4 {
            p::write_array_len(buf, Some(self.coordinator_keys.len()), version >= 3).ctx("coordinator_keys")?;
            for e in &self.coordinator_keys {
                p::write_string(buf, e, version >= 3).ctx("coordinator_keys")?;
            }
        } else if !self.coordinator_keys.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("coordinator_keys"));
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
        if version <= 3 {
            len += p::string_len(&self.key, version >= 3);
        }
        if version >= 1 {
            len += 1;
        }
        if version >= 4 {
            len += p::array_len_len(Some(self.coordinator_keys.len()), version >= 3) + self.coordinator_keys.iter().map(|e| p::string_len(e, version >= 3)).sum::<usize>();
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
        if version <= 3 {
            this.key = p::read_string(buf, version >= 3).ctx("key")?;
        }
        if version >= 1 {
            this.key_type = p::read_i8(buf).ctx("key_type")?;
        }
        if version >= 4 {
            this.coordinator_keys = p::read_array(buf, version >= 3, |buf| p::read_string(buf, version >= 3).map_err(crate::DecodeError::from)).ctx("coordinator_keys")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("coordinator_keys")?;
        }
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for FindCoordinatorRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("FindCoordinatorRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("FindCoordinatorRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for FindCoordinatorRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("FindCoordinatorRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("FindCoordinatorRequest", version))
    }
}

impl crate::Message for FindCoordinatorRequest {
    const NAME: &'static str = "FindCoordinatorRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 6 };
    const FLEXIBLE_SINCE: Option<i16> = Some(3);
}

impl crate::Request for FindCoordinatorRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::FindCoordinator;
    type Response = super::FindCoordinatorResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for FindCoordinatorRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version <= 3 {
            map.insert("key".into(), serde_json::Value::from(self.key.as_str()));
        }
        if version >= 1 {
            map.insert("keyType".into(), serde_json::Value::from(self.key_type));
        }
        if version >= 4 {
            map.insert("coordinatorKeys".into(), serde_json::Value::Array(self.coordinator_keys.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for FindCoordinatorRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version <= 3 {
            this.key = rng.string();
        }
        if version >= 1 {
            this.key_type = rng.next_u64() as i8;
        }
        if version >= 4 {
            this.coordinator_keys = rng.vec(|rng| rng.string());
        }
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}


//! `UnregisterControllerRequest` (request, API key 94; versions 0; flexible 0+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/UnregisterControllerRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `UnregisterControllerRequest`: request, API key 94; versions 0; flexible 0+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct UnregisterControllerRequest {
    /// `ControllerId`: int32; versions 0+.
    pub controller_id: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for UnregisterControllerRequest {
    fn default() -> Self {
        Self {
            controller_id: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl UnregisterControllerRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.controller_id);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += 4;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.controller_id = p::read_i32(buf).ctx("controller_id")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for UnregisterControllerRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("UnregisterControllerRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("UnregisterControllerRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for UnregisterControllerRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("UnregisterControllerRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("UnregisterControllerRequest", version))
    }
}

impl crate::Message for UnregisterControllerRequest {
    const NAME: &'static str = "UnregisterControllerRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for UnregisterControllerRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::UnregisterController;
    type Response = super::UnregisterControllerResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for UnregisterControllerRequest {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("controllerId".into(), serde_json::Value::from(self.controller_id));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for UnregisterControllerRequest {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.controller_id = rng.next_u64() as i32;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


//! `GetTelemetrySubscriptionsRequest` (request, API key 71; versions 0; flexible 0+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/GetTelemetrySubscriptionsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `GetTelemetrySubscriptionsRequest`: request, API key 71; versions 0; flexible 0+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct GetTelemetrySubscriptionsRequest {
    /// `ClientInstanceId`: uuid; versions 0+.
    pub client_instance_id: crate::Uuid,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for GetTelemetrySubscriptionsRequest {
    fn default() -> Self {
        Self {
            client_instance_id: crate::Uuid::ZERO,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl GetTelemetrySubscriptionsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_uuid(buf, &self.client_instance_id);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += 16;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.client_instance_id = p::read_uuid(buf).ctx("client_instance_id")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for GetTelemetrySubscriptionsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("GetTelemetrySubscriptionsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("GetTelemetrySubscriptionsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for GetTelemetrySubscriptionsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("GetTelemetrySubscriptionsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("GetTelemetrySubscriptionsRequest", version))
    }
}

impl crate::Message for GetTelemetrySubscriptionsRequest {
    const NAME: &'static str = "GetTelemetrySubscriptionsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for GetTelemetrySubscriptionsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::GetTelemetrySubscriptions;
    type Response = super::GetTelemetrySubscriptionsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for GetTelemetrySubscriptionsRequest {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("clientInstanceId".into(), serde_json::Value::from(self.client_instance_id.to_base64()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for GetTelemetrySubscriptionsRequest {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.client_instance_id = rng.uuid();
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


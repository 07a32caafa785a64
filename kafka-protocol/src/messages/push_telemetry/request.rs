//! `PushTelemetryRequest` (request, API key 72; versions 0; flexible 0+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/PushTelemetryRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `PushTelemetryRequest`: request, API key 72; versions 0; flexible 0+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct PushTelemetryRequest {
    /// `ClientInstanceId`: uuid; versions 0+.
    pub client_instance_id: crate::Uuid,
    /// `SubscriptionId`: int32; versions 0+.
    pub subscription_id: i32,
    /// `Terminating`: bool; versions 0+.
    pub terminating: bool,
    /// `CompressionType`: int8; versions 0+.
    pub compression_type: i8,
    /// `Metrics`: bytes; versions 0+.
    pub metrics: bytes::Bytes,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PushTelemetryRequest {
    fn default() -> Self {
        Self {
            client_instance_id: crate::Uuid::ZERO,
            subscription_id: 0,
            terminating: false,
            compression_type: 0,
            metrics: bytes::Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl PushTelemetryRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_uuid(buf, &self.client_instance_id);
        p::write_i32(buf, self.subscription_id);
        p::write_bool(buf, self.terminating);
        p::write_i8(buf, self.compression_type);
        p::write_bytes(buf, &self.metrics, true).ctx("metrics")?;
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
        len += 4;
        len += 1;
        len += 1;
        len += p::bytes_len(&self.metrics, true);
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
        this.subscription_id = p::read_i32(buf).ctx("subscription_id")?;
        this.terminating = p::read_bool(buf).ctx("terminating")?;
        this.compression_type = p::read_i8(buf).ctx("compression_type")?;
        this.metrics = p::read_bytes(buf, true).ctx("metrics")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for PushTelemetryRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("PushTelemetryRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("PushTelemetryRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for PushTelemetryRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("PushTelemetryRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("PushTelemetryRequest", version))
    }
}

impl crate::Message for PushTelemetryRequest {
    const NAME: &'static str = "PushTelemetryRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for PushTelemetryRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::PushTelemetry;
    type Response = super::PushTelemetryResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for PushTelemetryRequest {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("clientInstanceId".into(), serde_json::Value::from(self.client_instance_id.to_base64()));
        map.insert("subscriptionId".into(), serde_json::Value::from(self.subscription_id));
        map.insert("terminating".into(), serde_json::Value::from(self.terminating));
        map.insert("compressionType".into(), serde_json::Value::from(self.compression_type));
        map.insert("metrics".into(), crate::json::binary(&self.metrics));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for PushTelemetryRequest {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.client_instance_id = rng.uuid();
        this.subscription_id = rng.next_u64() as i32;
        this.terminating = rng.bool();
        this.compression_type = rng.next_u64() as i8;
        this.metrics = rng.bytes();
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


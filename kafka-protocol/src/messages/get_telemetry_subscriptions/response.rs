//! `GetTelemetrySubscriptionsResponse` (response, API key 71; versions 0; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/GetTelemetrySubscriptionsResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `GetTelemetrySubscriptionsResponse`: response, API key 71; versions 0; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct GetTelemetrySubscriptionsResponse {
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ClientInstanceId`: uuid; versions 0+.
    pub client_instance_id: crate::Uuid,
    /// `SubscriptionId`: int32; versions 0+.
    pub subscription_id: i32,
    /// `AcceptedCompressionTypes`: []int8; versions 0+.
    pub accepted_compression_types: Vec<i8>,
    /// `PushIntervalMs`: int32; versions 0+.
    pub push_interval_ms: i32,
    /// `TelemetryMaxBytes`: int32; versions 0+.
    pub telemetry_max_bytes: i32,
    /// `DeltaTemporality`: bool; versions 0+.
    pub delta_temporality: bool,
    /// `RequestedMetrics`: []string; versions 0+.
    pub requested_metrics: Vec<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for GetTelemetrySubscriptionsResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            error_code: 0,
            client_instance_id: crate::Uuid::ZERO,
            subscription_id: 0,
            accepted_compression_types: Vec::new(),
            push_interval_ms: 0,
            telemetry_max_bytes: 0,
            delta_temporality: false,
            requested_metrics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl GetTelemetrySubscriptionsResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        p::write_i16(buf, self.error_code);
        p::write_uuid(buf, &self.client_instance_id);
        p::write_i32(buf, self.subscription_id);
        p::write_array_len(buf, Some(self.accepted_compression_types.len()), true).ctx("accepted_compression_types")?;
        for e in &self.accepted_compression_types {
            p::write_i8(buf, *e);
        }
        p::write_i32(buf, self.push_interval_ms);
        p::write_i32(buf, self.telemetry_max_bytes);
        p::write_bool(buf, self.delta_temporality);
        p::write_array_len(buf, Some(self.requested_metrics.len()), true).ctx("requested_metrics")?;
        for e in &self.requested_metrics {
            p::write_string(buf, e, true).ctx("requested_metrics")?;
        }
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
        len += 2;
        len += 16;
        len += 4;
        len += p::array_len_len(Some(self.accepted_compression_types.len()), true) + self.accepted_compression_types.len() * 1;
        len += 4;
        len += 4;
        len += 1;
        len += p::array_len_len(Some(self.requested_metrics.len()), true) + self.requested_metrics.iter().map(|e| p::string_len(e, true)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.client_instance_id = p::read_uuid(buf).ctx("client_instance_id")?;
        this.subscription_id = p::read_i32(buf).ctx("subscription_id")?;
        this.accepted_compression_types = p::read_array(buf, true, |buf| p::read_i8(buf).map_err(crate::DecodeError::from)).ctx("accepted_compression_types")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("accepted_compression_types")?;
        this.push_interval_ms = p::read_i32(buf).ctx("push_interval_ms")?;
        this.telemetry_max_bytes = p::read_i32(buf).ctx("telemetry_max_bytes")?;
        this.delta_temporality = p::read_bool(buf).ctx("delta_temporality")?;
        this.requested_metrics = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("requested_metrics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("requested_metrics")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for GetTelemetrySubscriptionsResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("GetTelemetrySubscriptionsResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("GetTelemetrySubscriptionsResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for GetTelemetrySubscriptionsResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("GetTelemetrySubscriptionsResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("GetTelemetrySubscriptionsResponse", version))
    }
}

impl crate::Message for GetTelemetrySubscriptionsResponse {
    const NAME: &'static str = "GetTelemetrySubscriptionsResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for GetTelemetrySubscriptionsResponse {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("clientInstanceId".into(), serde_json::Value::from(self.client_instance_id.to_base64()));
        map.insert("subscriptionId".into(), serde_json::Value::from(self.subscription_id));
        map.insert("acceptedCompressionTypes".into(), serde_json::Value::Array(self.accepted_compression_types.iter().map(|e| serde_json::Value::from(*e)).collect()));
        map.insert("pushIntervalMs".into(), serde_json::Value::from(self.push_interval_ms));
        map.insert("telemetryMaxBytes".into(), serde_json::Value::from(self.telemetry_max_bytes));
        map.insert("deltaTemporality".into(), serde_json::Value::from(self.delta_temporality));
        map.insert("requestedMetrics".into(), serde_json::Value::Array(self.requested_metrics.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for GetTelemetrySubscriptionsResponse {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.client_instance_id = rng.uuid();
        this.subscription_id = rng.next_u64() as i32;
        this.accepted_compression_types = rng.vec(|rng| rng.next_u64() as i8);
        this.push_interval_ms = rng.next_u64() as i32;
        this.telemetry_max_bytes = rng.next_u64() as i32;
        this.delta_temporality = rng.bool();
        this.requested_metrics = rng.vec(|rng| rng.string());
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}


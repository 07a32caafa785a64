//! GetTelemetrySubscriptions and PushTelemetry (KIP-714): the receiver's rules are in
//! [`crate::telemetry`].

use std::time::Instant;

use kfk_protocol::compression::Compression;
use kfk_protocol::messages::{
    GetTelemetrySubscriptionsRequest, GetTelemetrySubscriptionsResponse, PushTelemetryRequest, PushTelemetryResponse,
};
use kfk_protocol::{ErrorCode, Uuid};
use tracing::debug;

use crate::handlers::Ctx;
use crate::state::{random_uuid, Shared};
use crate::telemetry::{ClientAttributes, TelemetryPush};

/// What a client-metrics `match` can see of the client of `ctx`, instance `id`.
fn attributes(ctx: &Ctx, id: Uuid) -> ClientAttributes {
    ClientAttributes {
        client_instance_id: id.to_string(),
        client_id: ctx.client_id.clone(),
        client_software_name: ctx.client_software.as_ref().map(|(name, _)| name.clone()),
        client_software_version: ctx.client_software.as_ref().map(|(_, version)| version.clone()),
        client_source_address: ctx.client_host.trim_start_matches('/').to_owned(),
        client_source_port: ctx.client_port.to_string(),
    }
}

pub(crate) fn get_subscriptions(
    shared: &Shared,
    ctx: &Ctx,
    request: GetTelemetrySubscriptionsRequest,
) -> GetTelemetrySubscriptionsResponse {
    let answer = |code: ErrorCode| GetTelemetrySubscriptionsResponse { error_code: code.0, ..Default::default() };
    let mut telemetry = shared.telemetry();
    let Some(base) = telemetry.subscription.clone() else {
        return answer(ErrorCode::UNSUPPORTED_VERSION);
    };
    let id = if request.client_instance_id == Uuid::ZERO {
        let mut id = random_uuid();
        while telemetry.instances.contains_key(&id) {
            id = random_uuid();
        }
        id
    } else {
        // An id another broker assigned (or one from before a restart) is taken as it is, as Kafka.
        request.client_instance_id
    };
    let Some(instance) = telemetry.instance(id, attributes(ctx, id)) else {
        return answer(ErrorCode::UNSUPPORTED_VERSION);
    };
    let after_refusal = [ErrorCode::UNKNOWN_SUBSCRIPTION_ID.0, ErrorCode::UNSUPPORTED_COMPRESSION_TYPE.0]
        .contains(&instance.last_error);
    if !instance.get_on_time(Instant::now()) && !after_refusal {
        debug!(client = %ctx.client_id, instance = %id, "telemetry subscription asked before the push interval");
        return answer(ErrorCode::THROTTLING_QUOTA_EXCEEDED);
    }
    instance.last_error = 0;
    let subscription = instance.subscription.clone();
    debug!(client = %ctx.client_id, instance = %id, subscription = subscription.id, "telemetry subscription");
    GetTelemetrySubscriptionsResponse {
        client_instance_id: id,
        subscription_id: subscription.id,
        accepted_compression_types: base.accepted_compression.iter().map(|c| c.code() as i8).collect(),
        push_interval_ms: subscription.interval_ms,
        telemetry_max_bytes: base.max_bytes,
        delta_temporality: base.delta_temporality,
        requested_metrics: subscription.metrics,
        ..Default::default()
    }
}

pub(crate) fn push(shared: &Shared, ctx: &Ctx, request: PushTelemetryRequest) -> PushTelemetryResponse {
    let answer = |code: ErrorCode| PushTelemetryResponse { error_code: code.0, ..Default::default() };
    let mut telemetry = shared.telemetry();
    let Some(base) = telemetry.subscription.clone() else {
        return answer(ErrorCode::UNSUPPORTED_VERSION);
    };
    let id = request.client_instance_id;
    if id == Uuid::ZERO {
        return answer(ErrorCode::INVALID_REQUEST);
    }
    let Some(instance) = telemetry.instance(id, attributes(ctx, id)) else {
        return answer(ErrorCode::UNSUPPORTED_VERSION);
    };
    // Kafka's order of checks; the push's `terminating` is recorded whatever the outcome.
    let refused = if instance.terminating {
        // A push after the client's terminating one.
        Some(ErrorCode::INVALID_REQUEST)
    } else if !instance.push_on_time(Instant::now()) && !request.terminating {
        Some(ErrorCode::THROTTLING_QUOTA_EXCEEDED)
    } else if request.subscription_id != instance.subscription.id {
        Some(ErrorCode::UNKNOWN_SUBSCRIPTION_ID)
    } else if !Compression::from_code(i16::from(request.compression_type))
        .is_ok_and(|c| c == Compression::None || base.accepted_compression.contains(&c))
    {
        Some(ErrorCode::UNSUPPORTED_COMPRESSION_TYPE)
    } else if request.metrics.len() > usize::try_from(base.max_bytes).unwrap_or(0) {
        Some(ErrorCode::TELEMETRY_TOO_LARGE)
    } else {
        None
    };
    instance.terminating = request.terminating;
    if let Some(code) = refused {
        debug!(client = %ctx.client_id, instance = %id, code = code.name(), "telemetry push refused");
        instance.last_error = code.0;
        return answer(code);
    }
    let codec = Compression::from_code(i16::from(request.compression_type)).unwrap_or(Compression::None);
    let metrics = match codec.decompress(&request.metrics, kfk_protocol::compression::DEFAULT_MAX_DECOMPRESSED_SIZE) {
        Ok(raw) => bytes::Bytes::from(raw),
        Err(e) => {
            debug!(client = %ctx.client_id, error = %e, "telemetry payload does not decompress");
            instance.last_error = ErrorCode::INVALID_RECORD.0;
            return answer(ErrorCode::INVALID_RECORD);
        }
    };
    instance.last_error = 0;
    debug!(
        client = %ctx.client_id,
        instance = %id,
        terminating = request.terminating,
        bytes = metrics.len(),
        "telemetry received"
    );
    telemetry.pushes.push(TelemetryPush {
        client_instance_id: id,
        client_id: ctx.client_id.clone(),
        broker: ctx.broker,
        subscription_id: request.subscription_id,
        terminating: request.terminating,
        compression: codec,
        metrics,
    });
    answer(ErrorCode::NONE)
}

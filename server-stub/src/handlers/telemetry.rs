//! GetTelemetrySubscriptions and PushTelemetry (KIP-714): the receiver's rules are in
//! [`crate::telemetry`].

use kfk_protocol::compression::Compression;
use kfk_protocol::messages::{
    GetTelemetrySubscriptionsRequest, GetTelemetrySubscriptionsResponse, PushTelemetryRequest, PushTelemetryResponse,
};
use kfk_protocol::{ErrorCode, Uuid};
use tracing::debug;

use crate::handlers::Ctx;
use crate::state::{random_uuid, Shared};
use crate::telemetry::TelemetryPush;

pub(crate) fn get_subscriptions(
    shared: &Shared,
    ctx: &Ctx,
    request: GetTelemetrySubscriptionsRequest,
) -> GetTelemetrySubscriptionsResponse {
    let mut telemetry = shared.telemetry();
    let Some(subscription) = telemetry.subscription.clone() else {
        return GetTelemetrySubscriptionsResponse {
            error_code: ErrorCode::UNSUPPORTED_VERSION.0,
            ..Default::default()
        };
    };
    let id = if request.client_instance_id == Uuid::ZERO {
        let mut id = random_uuid();
        while telemetry.instances.contains_key(&id) {
            id = random_uuid();
        }
        id
    } else {
        request.client_instance_id
    };
    // An id another broker assigned (or one from before a restart) is taken as it is, as Kafka.
    telemetry.instances.entry(id).or_insert(false);
    debug!(client = %ctx.client_id, instance = %id, subscription = telemetry.generation, "telemetry subscription");
    GetTelemetrySubscriptionsResponse {
        client_instance_id: id,
        subscription_id: telemetry.generation,
        accepted_compression_types: subscription.accepted_compression.iter().map(|c| c.code() as i8).collect(),
        push_interval_ms: i32::try_from(subscription.push_interval.as_millis()).unwrap_or(i32::MAX),
        telemetry_max_bytes: subscription.max_bytes,
        delta_temporality: subscription.delta_temporality,
        requested_metrics: subscription.metrics.clone(),
        ..Default::default()
    }
}

pub(crate) fn push(shared: &Shared, ctx: &Ctx, request: PushTelemetryRequest) -> PushTelemetryResponse {
    let answer = |code: ErrorCode| PushTelemetryResponse { error_code: code.0, ..Default::default() };
    let mut telemetry = shared.telemetry();
    let Some(subscription) = telemetry.subscription.clone() else {
        return answer(ErrorCode::UNSUPPORTED_VERSION);
    };
    let id = request.client_instance_id;
    if id == Uuid::ZERO || telemetry.instances.get(&id) == Some(&true) {
        // No id, or a push after the client's terminating one.
        return answer(ErrorCode::INVALID_REQUEST);
    }
    if request.subscription_id != telemetry.generation {
        return answer(ErrorCode::UNKNOWN_SUBSCRIPTION_ID);
    }
    let codec = match Compression::from_code(i16::from(request.compression_type)) {
        Ok(c) if c == Compression::None || subscription.accepted_compression.contains(&c) => c,
        _ => return answer(ErrorCode::UNSUPPORTED_COMPRESSION_TYPE),
    };
    let max = usize::try_from(subscription.max_bytes).unwrap_or(0);
    if request.metrics.len() > max {
        return answer(ErrorCode::TELEMETRY_TOO_LARGE);
    }
    let metrics = match codec.decompress(&request.metrics, kfk_protocol::compression::DEFAULT_MAX_DECOMPRESSED_SIZE) {
        Ok(raw) => bytes::Bytes::from(raw),
        Err(e) => {
            debug!(client = %ctx.client_id, error = %e, "telemetry payload does not decompress");
            return answer(ErrorCode::INVALID_RECORD);
        }
    };
    telemetry.instances.insert(id, request.terminating);
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

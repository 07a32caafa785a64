//! The stub's client telemetry receiver (KIP-714): the subscription it hands clients, the
//! client instance ids it assigned, and every push it accepted, decompressed, for tests to read.
//!
//! As a Kafka broker does only with a receiver plugin configured, the stub serves
//! GetTelemetrySubscriptions and PushTelemetry (and advertises them) only once a
//! [`TelemetrySubscription`] is set: [`crate::StubClusterBuilder::client_telemetry`] or
//! [`crate::StubCluster::set_client_telemetry`]. What it checks, as Kafka's
//! `ClientMetricsManager`: a push names an instance id (not zero) that has not already sent its
//! terminating push (INVALID_REQUEST), the current subscription id (UNKNOWN_SUBSCRIPTION_ID:
//! every change of the subscription makes a new one), a codec it accepts
//! (UNSUPPORTED_COMPRESSION_TYPE), a payload within `max_bytes` (TELEMETRY_TOO_LARGE) that
//! decompresses (INVALID_RECORD, where Kafka's plugin would fail). It does not throttle pushes
//! that come early (Kafka answers THROTTLING_QUOTA_EXCEEDED); fault injection can.

use std::collections::HashMap;
use std::time::Duration;

use bytes::Bytes;
use kfk_protocol::compression::Compression;
use kfk_protocol::Uuid;

/// What the stub's receiver asks clients to push (one subscription for every client, as if
/// one client-metrics resource matched them all).
#[derive(Debug, Clone, PartialEq)]
pub struct TelemetrySubscription {
    /// Metric name prefixes (`org.apache.kafka.producer.`); empty: nothing; `*`: all.
    pub metrics: Vec<String>,
    /// `interval.ms` (Kafka's default 5 minutes).
    pub push_interval: Duration,
    /// The codecs pushes may use, in order of preference (Kafka's: zstd, lz4, gzip, snappy).
    pub accepted_compression: Vec<Compression>,
    /// Whether sums are to be sent as deltas (Kafka asks for deltas).
    pub delta_temporality: bool,
    /// The largest payload accepted, compressed (Kafka's `telemetry.max.bytes`, 1 MiB).
    pub max_bytes: i32,
}

impl Default for TelemetrySubscription {
    /// What a Kafka broker with a receiver plugin and no client-metrics resource answers:
    /// no metrics, a 5 minute interval, every codec, deltas, 1 MiB.
    fn default() -> Self {
        TelemetrySubscription {
            metrics: Vec::new(),
            push_interval: Duration::from_secs(300),
            accepted_compression: vec![Compression::Zstd, Compression::Lz4, Compression::Gzip, Compression::Snappy],
            delta_temporality: true,
            max_bytes: 1024 * 1024,
        }
    }
}

impl TelemetrySubscription {
    /// A subscription to the metrics whose names start with one of `prefixes` (`*`: all),
    /// pushed every `interval`.
    pub fn metrics<I, S>(prefixes: I, interval: Duration) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        TelemetrySubscription {
            metrics: prefixes.into_iter().map(Into::into).collect(),
            push_interval: interval,
            ..TelemetrySubscription::default()
        }
    }
}

/// One accepted push.
#[derive(Debug, Clone, PartialEq)]
pub struct TelemetryPush {
    /// The client instance id it named.
    pub client_instance_id: Uuid,
    /// The request header's client id.
    pub client_id: String,
    /// The broker it reached.
    pub broker: i32,
    /// The subscription id it named.
    pub subscription_id: i32,
    /// Whether it was the client's last (sent on close).
    pub terminating: bool,
    /// The codec the client used.
    pub compression: Compression,
    /// The payload, decompressed: an OTLP `MetricsData` in protobuf.
    pub metrics: Bytes,
}

/// The receiver's state: a leaf lock in [`crate::state::Shared`].
#[derive(Debug, Default)]
pub(crate) struct TelemetryState {
    /// `None`: telemetry is not served (no receiver).
    pub subscription: Option<TelemetrySubscription>,
    /// Bumped at every change of the subscription: the subscription id.
    pub generation: i32,
    /// Assigned instance ids, and whether each sent its terminating push.
    pub instances: HashMap<Uuid, bool>,
    pub pushes: Vec<TelemetryPush>,
}

impl TelemetryState {
    pub(crate) fn new(subscription: Option<TelemetrySubscription>) -> Self {
        TelemetryState { subscription, generation: 1, ..TelemetryState::default() }
    }

    /// Replaces the subscription (`None` stops serving telemetry); ids of the old one become
    /// unknown.
    pub(crate) fn set(&mut self, subscription: Option<TelemetrySubscription>) {
        self.subscription = subscription;
        self.generation = self.generation.wrapping_add(1).max(1);
    }
}

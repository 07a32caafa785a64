//! The stub's client telemetry receiver (KIP-714): client-metrics subscriptions, the client
//! instances it knows, and every push it accepted, decompressed, for tests to read.
//!
//! As a Kafka broker does only with a receiver plugin configured, the stub serves
//! GetTelemetrySubscriptions and PushTelemetry (and advertises them) only once a
//! [`TelemetrySubscription`] is set: [`crate::StubClusterBuilder::client_telemetry`] or
//! [`crate::StubCluster::set_client_telemetry`]. That subscription is what a client gets when
//! no client-metrics resource selects it (Kafka's: no metrics, 5 minutes), and it sets what
//! Kafka's broker configs set (codecs, `telemetry.max.bytes`, deltas).
//!
//! Client-metrics resources (DescribeConfigs and IncrementalAlterConfigs of resource type
//! CLIENT_METRICS, as `kafka-configs.sh --entity-type client-metrics` makes them) are kept
//! whether or not the receiver is on, as Kafka keeps them. As Kafka's `ClientMetricsManager`,
//! a client instance gets the union of the `metrics` of every resource whose `match` selects
//! it (every `key=regex` must match the whole of the client's value; no match: every client),
//! added to the builder's subscription's, `*` standing for all when any asks for it, and the
//! smallest `interval.ms` among them and the builder's. A client instance's subscription is
//! worked out when it first asks and again after any change of the resources or the builder's
//! subscription; its id is derived from what it asks (metrics, interval) and the instance id,
//! so a change of what a client is asked makes a new one.
//!
//! What it checks, as `ClientMetricsManager`: a GetTelemetrySubscriptions sooner than the push
//! interval after the instance's last request is THROTTLING_QUOTA_EXCEEDED, unless its last
//! push failed with UNKNOWN_SUBSCRIPTION_ID or UNSUPPORTED_COMPRESSION_TYPE; a push names an
//! instance id (not zero: INVALID_REQUEST) that has not already sent its terminating push
//! (INVALID_REQUEST), comes a push interval after the previous push or is the first push after
//! a GetTelemetrySubscriptions (otherwise THROTTLING_QUOTA_EXCEEDED, unless it is the
//! terminating push: clients jitter their first push between 0.5 and 1.5 intervals), names the
//! instance's current subscription id (UNKNOWN_SUBSCRIPTION_ID), a codec it accepts
//! (UNSUPPORTED_COMPRESSION_TYPE), a payload within `max_bytes` (TELEMETRY_TOO_LARGE) that
//! decompresses (INVALID_RECORD, where Kafka's plugin would fail). Unlike Kafka, whose brokers
//! each keep their own instances, the stub's brokers share them; and instances are never
//! forgotten (Kafka drops one after three push intervals, at least a minute, of silence).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::{Duration, Instant};

use bytes::Bytes;
use kfk_protocol::compression::Compression;
use kfk_protocol::Uuid;

/// What the stub's receiver asks clients to push when no client-metrics resource selects them
/// (and what matching resources add to), with the receiver's settings.
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

/// `interval.ms` of a client-metrics resource: Kafka's default and bounds.
pub(crate) const INTERVAL_MS_DEFAULT: i32 = 300_000;
pub(crate) const INTERVAL_MS_MIN: i32 = 100;
pub(crate) const INTERVAL_MS_MAX: i32 = 3_600_000;

/// The client attributes a `match` may name (Kafka's `ClientMetricsConfigs`).
pub(crate) const MATCH_KEYS: &[&str] = &[
    "client_instance_id",
    "client_id",
    "client_software_name",
    "client_software_version",
    "client_source_address",
    "client_source_port",
];

/// A Kafka LIST config's items: split at commas, trimmed, empties dropped.
pub(crate) fn list_items(value: &str) -> Vec<String> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

/// A client-metrics resource, parsed from its configs.
#[derive(Debug, Clone)]
pub(crate) struct ClientMetricsResource {
    /// The configs as set (`metrics`, `interval.ms`, `match`).
    pub configs: BTreeMap<String, String>,
    metrics: Vec<String>,
    interval_ms: i32,
    /// `(attribute, whole-value pattern)`.
    patterns: Vec<(String, regex::Regex)>,
}

impl ClientMetricsResource {
    /// The resource the configs `configs` make, or Kafka's refusal: INVALID_REQUEST for an
    /// unknown key or an interval out of bounds, INVALID_CONFIG for a value that does not
    /// parse or a bad match pattern.
    pub(crate) fn parse(configs: BTreeMap<String, String>) -> Result<Self, (kfk_protocol::ErrorCode, String)> {
        use kfk_protocol::ErrorCode;
        if let Some(key) = configs.keys().find(|k| !["metrics", "interval.ms", "match"].contains(&k.as_str())) {
            return Err((ErrorCode::INVALID_REQUEST, format!("Unknown client metrics configuration: {key}")));
        }
        let interval_ms = match configs.get("interval.ms") {
            None => INTERVAL_MS_DEFAULT,
            Some(v) => {
                let n: i32 = v.trim().parse().map_err(|_| {
                    (
                        ErrorCode::INVALID_CONFIG,
                        format!("Invalid value {v} for configuration interval.ms: Not a number of type INT"),
                    )
                })?;
                if !(INTERVAL_MS_MIN..=INTERVAL_MS_MAX).contains(&n) {
                    return Err((
                        ErrorCode::INVALID_REQUEST,
                        format!("Invalid value {n} for interval.ms, interval must be between 100 and 3600000 (1 hour)"),
                    ));
                }
                n
            }
        };
        let mut patterns = Vec::new();
        for pattern in configs.get("match").map(|v| list_items(v)).unwrap_or_default() {
            let illegal = || (ErrorCode::INVALID_CONFIG, format!("Illegal client matching pattern: {pattern}"));
            // As Java's `split("=")`: trailing empty parts dropped, exactly two left.
            let mut parts: Vec<&str> = pattern.split('=').collect();
            while parts.last() == Some(&"") {
                parts.pop();
            }
            let [key, regex] = parts[..] else { return Err(illegal()) };
            let key = key.trim();
            if !MATCH_KEYS.contains(&key) {
                return Err(illegal());
            }
            let whole = regex::Regex::new(&format!("^(?:{})$", regex.trim())).map_err(|_| illegal())?;
            patterns.retain(|(k, _): &(String, regex::Regex)| k != key);
            patterns.push((key.to_owned(), whole));
        }
        let metrics = configs.get("metrics").map(|v| list_items(v)).unwrap_or_default();
        Ok(ClientMetricsResource { configs, metrics, interval_ms, patterns })
    }

    /// Whether the resource selects a client with these attributes (every pattern matches the
    /// attribute it names; a missing attribute matches none).
    fn selects(&self, client: &ClientAttributes) -> bool {
        self.patterns.iter().all(|(key, re)| client.get(key).is_some_and(|v| re.is_match(v)))
    }
}

/// What a client-metrics `match` can select a client by.
#[derive(Debug, Clone, Default)]
pub(crate) struct ClientAttributes {
    pub client_instance_id: String,
    pub client_id: String,
    pub client_software_name: Option<String>,
    pub client_software_version: Option<String>,
    pub client_source_address: String,
    pub client_source_port: String,
}

impl ClientAttributes {
    fn get(&self, key: &str) -> Option<&str> {
        match key {
            "client_instance_id" => Some(&self.client_instance_id),
            "client_id" => Some(&self.client_id),
            "client_software_name" => self.client_software_name.as_deref(),
            "client_software_version" => self.client_software_version.as_deref(),
            "client_source_address" => Some(&self.client_source_address),
            "client_source_port" => Some(&self.client_source_port),
            _ => None,
        }
    }
}

/// What one client instance is asked to push.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Effective {
    pub id: i32,
    pub metrics: Vec<String>,
    pub interval_ms: i32,
}

/// A client instance the receiver knows (Kafka's `ClientMetricsInstance`).
#[derive(Debug, Clone)]
pub(crate) struct ClientInstance {
    pub attributes: ClientAttributes,
    /// The receiver's generation its subscription was worked out at.
    pub generation: u64,
    pub subscription: Effective,
    pub last_get: Option<Instant>,
    pub last_push: Option<Instant>,
    /// Its last push was its terminating one.
    pub terminating: bool,
    /// The error of its last push (0: none).
    pub last_error: i16,
}

impl ClientInstance {
    /// Whether a GetTelemetrySubscriptions now is on time (and then records it).
    pub(crate) fn get_on_time(&mut self, now: Instant) -> bool {
        let last = self.last_get.max(self.last_push);
        let on_time = last.is_none_or(|t| now.duration_since(t) >= self.interval());
        if on_time {
            self.last_get = Some(now);
        }
        on_time
    }

    /// Whether a push now is on time (and then records it): the first after a
    /// GetTelemetrySubscriptions always is, as clients jitter it.
    pub(crate) fn push_on_time(&mut self, now: Instant) -> bool {
        let after_get = match (self.last_get, self.last_push) {
            (Some(get), Some(push)) => get > push,
            (Some(_), None) => true,
            _ => false,
        };
        let on_time = after_get || self.last_push.is_none_or(|t| now.duration_since(t) >= self.interval());
        if on_time {
            self.last_push = Some(now);
        }
        on_time
    }

    fn interval(&self) -> Duration {
        Duration::from_millis(u64::try_from(self.subscription.interval_ms).unwrap_or(0))
    }
}

/// The receiver's state: a leaf lock in [`crate::state::Shared`].
#[derive(Debug, Default)]
pub(crate) struct TelemetryState {
    /// `None`: telemetry is not served (no receiver).
    pub subscription: Option<TelemetrySubscription>,
    /// Client-metrics resources by name.
    pub resources: BTreeMap<String, ClientMetricsResource>,
    /// Bumped at every change of the subscription or the resources: instances work theirs
    /// out again.
    pub generation: u64,
    pub instances: HashMap<Uuid, ClientInstance>,
    pub pushes: Vec<TelemetryPush>,
}

impl TelemetryState {
    pub(crate) fn new(subscription: Option<TelemetrySubscription>) -> Self {
        TelemetryState { subscription, generation: 1, ..TelemetryState::default() }
    }

    /// Replaces the subscription (`None` stops serving telemetry).
    pub(crate) fn set(&mut self, subscription: Option<TelemetrySubscription>) {
        self.subscription = subscription;
        self.generation += 1;
    }

    /// Sets (or, with no configs left, removes) the client-metrics resource `name`.
    pub(crate) fn set_resource(&mut self, name: &str, resource: ClientMetricsResource) {
        if resource.configs.is_empty() {
            if self.resources.remove(name).is_none() {
                return;
            }
        } else {
            self.resources.insert(name.to_owned(), resource);
        }
        self.generation += 1;
    }

    /// What a client with `attributes` is asked under `base`: Kafka's union of the matching
    /// resources' metrics (`*` alone if any asks for all) and the smallest interval.
    fn effective(&self, base: &TelemetrySubscription, instance: Uuid, attributes: &ClientAttributes) -> Effective {
        let mut metrics: BTreeSet<String> = base.metrics.iter().cloned().collect();
        let mut interval_ms = i32::try_from(base.push_interval.as_millis()).unwrap_or(i32::MAX);
        for resource in self.resources.values().filter(|r| r.selects(attributes)) {
            metrics.extend(resource.metrics.iter().cloned());
            interval_ms = interval_ms.min(resource.interval_ms);
        }
        let metrics: Vec<String> =
            if metrics.contains("*") { vec!["*".to_owned()] } else { metrics.into_iter().collect() };
        // An id of what is asked (and the receiver's settings), per instance.
        let mut key = Vec::new();
        for m in &metrics {
            key.extend_from_slice(m.as_bytes());
            key.push(0);
        }
        key.extend_from_slice(&interval_ms.to_be_bytes());
        key.extend(base.accepted_compression.iter().map(|c| c.code() as u8));
        key.push(u8::from(base.delta_temporality));
        key.extend_from_slice(&base.max_bytes.to_be_bytes());
        let v = instance.as_u128();
        let folded = (v ^ (v >> 64)) as u64;
        let id = (crc32c::crc32c(&key) ^ folded as u32 ^ (folded >> 32) as u32) as i32;
        Effective { id, metrics, interval_ms }
    }

    /// The instance `id`, made (with `attributes`) if unknown, its subscription worked out
    /// again (and its request times forgotten, as Kafka makes it anew) if anything changed
    /// since. `None` without a receiver.
    pub(crate) fn instance(&mut self, id: Uuid, attributes: ClientAttributes) -> Option<&mut ClientInstance> {
        let base = self.subscription.clone()?;
        let generation = self.generation;
        let stale = self.instances.get(&id).is_none_or(|i| i.generation != generation);
        if stale {
            let attributes = self.instances.get(&id).map_or(attributes, |i| i.attributes.clone());
            let subscription = self.effective(&base, id, &attributes);
            self.instances.insert(
                id,
                ClientInstance {
                    attributes,
                    generation,
                    subscription,
                    last_get: None,
                    last_push: None,
                    terminating: false,
                    last_error: 0,
                },
            );
        }
        self.instances.get_mut(&id)
    }
}

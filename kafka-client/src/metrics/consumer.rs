//! The consumer's sensors: `consumer-fetch-manager-metrics` (recorded by the fetcher once per
//! Fetch answer, and by `poll`/`recv` once per call as records are handed out) and
//! `consumer-coordinator-metrics` (recorded by the group task and commits). They live in the
//! registry, made at first use, so the fetcher, the consumer's state and the group code reach
//! them through the cluster they share without the consumer handing them around.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::sensor::{Group, Sensor, Stat, StatSpec};
use super::window::SampleWindow;
use super::Registry;
use crate::types::TopicPartition;

const FETCH_MANAGER: Group = Group::Named("consumer-fetch-manager-metrics");
const COORDINATOR: Group = Group::Named("consumer-coordinator-metrics");
/// `consumer-metrics`, where Java keeps the poll timings (KIP-517).
const CONSUMER: Group = Group::Client;

#[derive(Debug)]
pub(crate) struct ConsumerSensors {
    consumed_records: Arc<Sensor>,
    consumed_bytes: Arc<Sensor>,
    /// Every partition's lag as records are handed out: `records-lag-max` over the window.
    lag: Arc<Sensor>,
    /// Every partition's lead as records are handed out: `records-lead-min` over the window.
    lead: Arc<Sensor>,
    /// Per partition, made when its first records are handed out and dropped from a snapshot
    /// once it is no longer assigned (as Java removes a revoked partition's sensors).
    partitions: Mutex<HashMap<TopicPartition, Arc<PartitionSensors>>>,
    /// Per topic, made with its first partition's sensors and kept (they hold totals).
    topics: Mutex<HashMap<Arc<str>, Arc<TopicSensors>>>,
    window: SampleWindow,
    fetch_latency: Arc<Sensor>,
    fetch_size: Arc<Sensor>,
    fetch_throttle: Arc<Sensor>,
    commit: Arc<Sensor>,
    rebalance: Arc<Sensor>,
    heartbeat: Arc<Sensor>,
    last_heartbeat: LastSeen,
    last_rebalance: LastSeen,
    time_between_poll: Arc<Sensor>,
    poll_idle: Arc<Sensor>,
    /// When the last poll started (KIP-517 measures start to start).
    last_poll_start: Mutex<Option<Instant>>,
    last_poll: LastSeen,
}

/// A poll under way: when it started, and how long after the one before.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PollStart {
    at: Instant,
    since_last: Duration,
}

/// When something last happened, for a `last-*-seconds-ago` gauge: ms after a base instant in
/// an atomic (0: never), so recording is one store.
#[derive(Debug)]
struct LastSeen {
    base: Instant,
    at_ms: AtomicU64,
}

impl LastSeen {
    fn new() -> LastSeen {
        LastSeen { base: Instant::now(), at_ms: AtomicU64::new(0) }
    }

    fn saw(&self, now: Instant) {
        // At least 1, so that 0 keeps meaning "never".
        let at = now.saturating_duration_since(self.base).as_millis().max(1) as u64;
        self.at_ms.store(at, Ordering::Relaxed);
    }

    /// Seconds since; NaN before the first (Java reports -1 there; NaN says "no value" to
    /// Prometheus without looking like a time).
    fn seconds_ago(&self) -> f64 {
        match self.at_ms.load(Ordering::Relaxed) {
            0 => f64::NAN,
            at => self.base.elapsed().as_secs_f64() - at as f64 / 1000.0,
        }
    }
}

/// One partition's windowed lag and lead (`consumer-fetch-manager-metrics`, tagged `topic` and
/// `partition`), held by the partition's state so that recording needs no lookup.
#[derive(Debug)]
pub(crate) struct PartitionSensors {
    lag: Sensor,
    lead: Sensor,
    /// Its topic's consumption sensors (shared by the topic's partitions).
    topic: Arc<TopicSensors>,
}

/// One topic's consumption (`consumer-fetch-manager-metrics` tagged `topic`).
#[derive(Debug)]
struct TopicSensors {
    records: Sensor,
    bytes: Sensor,
}

const PARTITION_LAG: &[StatSpec] = &[
    ("records-lag-avg", Stat::Avg, "The average lag of the partition"),
    ("records-lag-max", Stat::Max, "The max lag of the partition"),
];
const TOPIC_RECORDS: &[StatSpec] = &[
    ("records-consumed-rate", Stat::Rate, "The average number of records consumed per second for a topic"),
    ("records-consumed-total", Stat::Total, "The total number of records consumed for a topic"),
];
const TOPIC_BYTES: &[StatSpec] = &[
    ("bytes-consumed-rate", Stat::Rate, "The average number of bytes consumed per second for a topic"),
    ("bytes-consumed-total", Stat::Total, "The total number of bytes consumed for a topic"),
];
const PARTITION_LEAD: &[StatSpec] = &[
    ("records-lead-avg", Stat::Avg, "The average lead of the partition."),
    ("records-lead-min", Stat::Min, "The min lead of the partition."),
];

impl ConsumerSensors {
    pub(crate) fn new(registry: &Registry) -> ConsumerSensors {
        ConsumerSensors {
            lag: registry.sensor(
                FETCH_MANAGER,
                Vec::new(),
                &[(
                    "records-lag-max",
                    Stat::Max,
                    "The maximum lag in terms of number of records for any partition in this window.",
                )],
            ),
            lead: registry.sensor(
                FETCH_MANAGER,
                Vec::new(),
                &[(
                    "records-lead-min",
                    Stat::Min,
                    "The minimum lead in terms of number of records for any partition in this window.",
                )],
            ),
            partitions: Mutex::new(HashMap::new()),
            topics: Mutex::new(HashMap::new()),
            window: registry.window(),
            consumed_records: registry.sensor(
                FETCH_MANAGER,
                Vec::new(),
                &[
                    ("records-consumed-rate", Stat::Rate, "The average number of records consumed per second."),
                    ("records-consumed-total", Stat::Total, "The total number of records consumed."),
                ],
            ),
            consumed_bytes: registry.sensor(
                FETCH_MANAGER,
                Vec::new(),
                &[
                    ("bytes-consumed-rate", Stat::Rate, "The average number of bytes consumed per second."),
                    ("bytes-consumed-total", Stat::Total, "The total number of bytes consumed."),
                ],
            ),
            fetch_latency: registry.sensor(
                FETCH_MANAGER,
                Vec::new(),
                &[
                    ("fetch-latency-avg", Stat::Avg, "The average time taken for a fetch request, in ms."),
                    ("fetch-latency-max", Stat::Max, "The max time taken for any fetch request, in ms."),
                    ("fetch-rate", Stat::CountRate, "The number of fetch requests per second."),
                    ("fetch-total", Stat::CountTotal, "The total number of fetch requests."),
                ],
            ),
            fetch_size: registry.sensor(
                FETCH_MANAGER,
                Vec::new(),
                &[
                    ("fetch-size-avg", Stat::Avg, "The average number of bytes fetched per request."),
                    ("fetch-size-max", Stat::Max, "The maximum number of bytes fetched per request."),
                ],
            ),
            fetch_throttle: registry.sensor(
                FETCH_MANAGER,
                Vec::new(),
                &[
                    ("fetch-throttle-time-avg", Stat::Avg, "The average throttle time in ms."),
                    ("fetch-throttle-time-max", Stat::Max, "The maximum throttle time in ms."),
                ],
            ),
            commit: registry.sensor(
                COORDINATOR,
                Vec::new(),
                &[
                    ("commit-latency-avg", Stat::Avg, "The average time taken for a commit request, in ms."),
                    ("commit-latency-max", Stat::Max, "The max time taken for a commit request, in ms."),
                    ("commit-rate", Stat::CountRate, "The number of commit calls per second."),
                    ("commit-total", Stat::CountTotal, "The total number of commit calls."),
                ],
            ),
            rebalance: registry.sensor(
                COORDINATOR,
                Vec::new(),
                &[
                    ("rebalance-total", Stat::CountTotal, "The total number of successful rebalance events."),
                    ("rebalance-latency-avg", Stat::Avg, "The average time taken for a group rebalance, in ms."),
                    ("rebalance-latency-max", Stat::Max, "The max time taken for a group rebalance, in ms."),
                ],
            ),
            heartbeat: registry.sensor(
                COORDINATOR,
                Vec::new(),
                &[
                    ("heartbeat-rate", Stat::CountRate, "The number of heartbeats per second."),
                    ("heartbeat-total", Stat::CountTotal, "The total number of heartbeats."),
                    (
                        "heartbeat-response-time-max",
                        Stat::Max,
                        "The max time taken to receive a response to a heartbeat request, in ms.",
                    ),
                ],
            ),
            last_heartbeat: LastSeen::new(),
            last_rebalance: LastSeen::new(),
            time_between_poll: registry.sensor(
                CONSUMER,
                Vec::new(),
                &[
                    (
                        "time-between-poll-avg",
                        Stat::Avg,
                        "The average delay between invocations of poll() in milliseconds.",
                    ),
                    (
                        "time-between-poll-max",
                        Stat::Max,
                        "The max delay between invocations of poll() in milliseconds.",
                    ),
                ],
            ),
            poll_idle: registry.sensor(
                CONSUMER,
                Vec::new(),
                &[(
                    "poll-idle-ratio-avg",
                    Stat::Avg,
                    "The average fraction of time the consumer's poll() is idle as opposed to waiting for the user \
                     code to process records.",
                )],
            ),
            last_poll_start: Mutex::new(None),
            last_poll: LastSeen::new(),
        }
    }

    /// The sensors of `topic`-`partition`, made at first use.
    pub(crate) fn partition(&self, tp: &TopicPartition) -> Arc<PartitionSensors> {
        let mut partitions = self.partitions.lock().unwrap_or_else(|p| p.into_inner());
        partitions
            .entry(tp.clone())
            .or_insert_with(|| {
                let tags = || vec![("topic", tp.topic.to_string()), ("partition", tp.partition.to_string())];
                Arc::new(PartitionSensors {
                    lag: Sensor::new(FETCH_MANAGER, tags(), PARTITION_LAG, self.window),
                    lead: Sensor::new(FETCH_MANAGER, tags(), PARTITION_LEAD, self.window),
                    topic: self.topic(&tp.topic),
                })
            })
            .clone()
    }

    fn topic(&self, topic: &Arc<str>) -> Arc<TopicSensors> {
        let mut topics = self.topics.lock().unwrap_or_else(|p| p.into_inner());
        topics
            .entry(topic.clone())
            .or_insert_with(|| {
                let tags = || vec![("topic", topic.to_string())];
                Arc::new(TopicSensors {
                    records: Sensor::new(FETCH_MANAGER, tags(), TOPIC_RECORDS, self.window),
                    bytes: Sensor::new(FETCH_MANAGER, tags(), TOPIC_BYTES, self.window),
                })
            })
            .clone()
    }

    /// `records` records of `bytes` bytes were handed out of a partition, leaving it `lag`
    /// records behind its end and `lead` ahead of its start (Java records both at the same
    /// moment).
    pub(crate) fn handed_out(
        &self,
        partition: &PartitionSensors,
        records: usize,
        bytes: usize,
        lag: Option<i64>,
        lead: Option<i64>,
    ) {
        let now = Instant::now();
        partition.topic.records.record_at(records as f64, now);
        partition.topic.bytes.record_at(bytes as f64, now);
        if let Some(lag) = lag {
            partition.lag.record_at(lag as f64, now);
            self.lag.record_at(lag as f64, now);
        }
        if let Some(lead) = lead {
            partition.lead.record_at(lead as f64, now);
            self.lead.record_at(lead as f64, now);
        }
    }

    /// A `poll` or `recv` call begins: records the time since the previous one began (0 for
    /// the first, as Java).
    pub(crate) fn poll_started(&self) -> PollStart {
        let at = Instant::now();
        let previous = self.last_poll_start.lock().unwrap_or_else(|p| p.into_inner()).replace(at);
        let since_last = previous.map_or(Duration::ZERO, |p| at.saturating_duration_since(p));
        self.time_between_poll.record_at(ms(since_last), at);
        self.last_poll.saw(at);
        PollStart { at, since_last }
    }

    /// The call begun at `poll` returns: the share of the time since the previous poll that
    /// was spent waiting in this one, rather than in the application.
    pub(crate) fn poll_ended(&self, poll: PollStart) {
        let now = Instant::now();
        let in_poll = now.saturating_duration_since(poll.at);
        let cycle = in_poll + poll.since_last;
        if !cycle.is_zero() {
            self.poll_idle.record_at(in_poll.as_secs_f64() / cycle.as_secs_f64(), now);
        }
    }

    /// `poll` or `recv` handed out `records` records of `bytes` bytes (keys and values).
    pub(crate) fn consumed(&self, records: usize, bytes: usize) {
        let now = Instant::now();
        self.consumed_records.record_at(records as f64, now);
        self.consumed_bytes.record_at(bytes as f64, now);
    }

    /// A Fetch was answered after `latency` with `bytes` of record data, throttled `throttle_ms`.
    pub(crate) fn fetched(&self, latency: Duration, bytes: usize, throttle_ms: i32) {
        let now = Instant::now();
        self.fetch_latency.record_at(ms(latency), now);
        self.fetch_size.record_at(bytes as f64, now);
        self.fetch_throttle.record_at(f64::from(throttle_ms.max(0)), now);
    }

    /// An OffsetCommit was answered after `latency`.
    pub(crate) fn committed(&self, latency: Duration) {
        self.commit.record(ms(latency));
    }

    /// A rebalance completed after `latency` (join to assignment).
    pub(crate) fn rebalanced(&self, latency: Duration) {
        let now = Instant::now();
        self.rebalance.record_at(ms(latency), now);
        self.last_rebalance.saw(now);
    }

    /// A heartbeat was answered after `latency`.
    pub(crate) fn heartbeat(&self, latency: Duration) {
        let now = Instant::now();
        self.heartbeat.record_at(ms(latency), now);
        self.last_heartbeat.saw(now);
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// Where one assigned partition stands, read for a snapshot.
#[derive(Debug)]
pub(crate) struct PartitionStanding {
    pub(crate) topic: Arc<str>,
    pub(crate) partition: i32,
    /// Log end (high watermark, or last stable offset under `read_committed`) minus position.
    pub(crate) lag: Option<i64>,
    /// Position minus log start offset.
    pub(crate) lead: Option<i64>,
}

impl ConsumerSensors {
    /// Every metric of the consumer, with the gauges read now: per-partition `records-lag`
    /// and `records-lead` (the latest values), `assigned-partitions` and the `last-*` gauges.
    /// `records-lag-max`, `records-lead-min` and their per-partition forms are windowed, as
    /// Java's: recorded whenever records are handed out.
    pub(crate) fn snapshot(&self, registry: &Registry, partitions: &[PartitionStanding]) -> super::MetricsSnapshot {
        let mut snapshot = registry.snapshot();
        let metrics = &mut snapshot.metrics;
        for p in partitions {
            let partition = p.partition.to_string();
            let tagged = |name, description, value: i64| {
                registry
                    .gauge(name, FETCH_MANAGER, description, value as f64)
                    .tag("topic", &p.topic)
                    .tag("partition", &partition)
            };
            if let Some(lag) = p.lag {
                metrics.push(tagged("records-lag", "The latest lag of the partition.", lag));
            }
            if let Some(lead) = p.lead {
                metrics.push(tagged("records-lead", "The latest lead of the partition.", lead));
            }
        }
        // The windowed per-partition metrics of the partitions still assigned; the others'
        // sensors go.
        let now = Instant::now();
        let kind = registry.kind_prefix();
        let mut sensors = self.partitions.lock().unwrap_or_else(|p| p.into_inner());
        sensors.retain(|tp, _| partitions.iter().any(|p| p.partition == tp.partition && p.topic == tp.topic));
        for p in partitions {
            if let Some(s) = sensors.get(&TopicPartition { topic: p.topic.clone(), partition: p.partition }) {
                s.lag.read(now, kind, registry.client_id(), metrics);
                s.lead.read(now, kind, registry.client_id(), metrics);
            }
        }
        drop(sensors);
        for topic in self.topics.lock().unwrap_or_else(|p| p.into_inner()).values() {
            topic.records.read(now, kind, registry.client_id(), metrics);
            topic.bytes.read(now, kind, registry.client_id(), metrics);
        }
        metrics.push(registry.gauge(
            "assigned-partitions",
            COORDINATOR,
            "The number of partitions currently assigned to this consumer.",
            partitions.len() as f64,
        ));
        metrics.push(registry.gauge(
            "last-heartbeat-seconds-ago",
            COORDINATOR,
            "The number of seconds since the last coordinator heartbeat was sent.",
            self.last_heartbeat.seconds_ago(),
        ));
        metrics.push(registry.gauge(
            "last-poll-seconds-ago",
            CONSUMER,
            "The number of seconds since the last poll() invocation.",
            self.last_poll.seconds_ago(),
        ));
        metrics.push(registry.gauge(
            "last-rebalance-seconds-ago",
            COORDINATOR,
            "The number of seconds since the last successful rebalance event.",
            self.last_rebalance.seconds_ago(),
        ));
        snapshot
    }
}

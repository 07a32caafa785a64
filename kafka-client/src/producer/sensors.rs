//! The producer's metrics (`producer-metrics`, and `producer-topic-metrics` tagged `topic`),
//! recorded by the sender once per request or batch, never per record: `send` stays
//! allocation-free and untouched.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::accumulator::ProducerBatch;
use crate::metrics::sensor::{Group, Sensor, Stat};
use crate::metrics::{Metric, MetricsSnapshot, Registry};

#[derive(Debug)]
pub(crate) struct ProducerSensors {
    registry: Arc<Registry>,
    /// Records per Produce request: `record-send-*` and `records-per-request-avg`, as Java's.
    records_per_request: Arc<Sensor>,
    batch_size: Arc<Sensor>,
    /// Per batch: the sealed size over the size before compression.
    compression: Arc<Sensor>,
    /// Per batch: the size bound of its largest record.
    record_size: Arc<Sensor>,
    queue_time: Arc<Sensor>,
    /// Time a send waited for `buffer.memory` (ns), recorded only when it had to wait.
    buffer_wait: Arc<Sensor>,
    /// Records refused because `buffer.memory` stayed full (one event each).
    buffer_exhausted: Arc<Sensor>,
    errors: Arc<Sensor>,
    retries: Arc<Sensor>,
    throttle: Arc<Sensor>,
    /// Time spent in each transactional call, indexed by [`TxnCall`].
    txn_calls: [Arc<Sensor>; 5],
    /// Each topic's sensors, made at its first batch. Looked up once per batch, by the sender
    /// (and by a failing batch's settlement): a short lock, no allocation once made.
    topics: Mutex<HashMap<Arc<str>, Arc<TopicSensors>>>,
}

/// One topic's sensors (`producer-topic-metrics`).
#[derive(Debug)]
struct TopicSensors {
    records: Arc<Sensor>,
    bytes: Arc<Sensor>,
    compression: Arc<Sensor>,
    errors: Arc<Sensor>,
    retries: Arc<Sensor>,
}

impl ProducerSensors {
    pub(crate) fn new(registry: Arc<Registry>) -> ProducerSensors {
        let sensor = |stats| registry.sensor(Group::Client, Vec::new(), stats);
        ProducerSensors {
            records_per_request: sensor(&[
                ("record-send-rate", Stat::Rate, "The average number of records sent per second."),
                ("record-send-total", Stat::Total, "The total number of records sent."),
                ("records-per-request-avg", Stat::Avg, "The average number of records per request."),
            ]),
            batch_size: sensor(&[
                ("batch-size-avg", Stat::Avg, "The average number of bytes sent per partition per-request."),
                ("batch-size-max", Stat::Max, "The max number of bytes sent per partition per-request."),
            ]),
            compression: sensor(&[(
                "compression-rate-avg",
                Stat::Avg,
                "The average compression rate of record batches, defined as the average ratio of the compressed batch \
                 size over the uncompressed size.",
            )]),
            record_size: sensor(&[
                ("record-size-avg", Stat::Avg, "The average record size"),
                ("record-size-max", Stat::Max, "The maximum record size"),
            ]),
            buffer_wait: sensor(&[
                (
                    "bufferpool-wait-ratio",
                    Stat::NanosRatio,
                    "The fraction of time an appender waits for space allocation.",
                ),
                (
                    "bufferpool-wait-time-ns-total",
                    Stat::Total,
                    "The total time in nanoseconds an appender waits for space allocation.",
                ),
            ]),
            buffer_exhausted: sensor(&[
                (
                    "buffer-exhausted-rate",
                    Stat::CountRate,
                    "The average per-second number of record sends that are dropped due to buffer exhaustion",
                ),
                (
                    "buffer-exhausted-total",
                    Stat::CountTotal,
                    "The total number of record sends that are dropped due to buffer exhaustion",
                ),
            ]),
            queue_time: sensor(&[
                ("record-queue-time-avg", Stat::Avg, "The average time in ms record batches spent in the send buffer."),
                ("record-queue-time-max", Stat::Max, "The maximum time in ms record batches spent in the send buffer."),
            ]),
            errors: sensor(&[
                (
                    "record-error-rate",
                    Stat::Rate,
                    "The average per-second number of record sends that resulted in errors.",
                ),
                ("record-error-total", Stat::Total, "The total number of record sends that resulted in errors."),
            ]),
            retries: sensor(&[
                ("record-retry-rate", Stat::Rate, "The average per-second number of retried record sends."),
                ("record-retry-total", Stat::Total, "The total number of retried record sends."),
            ]),
            throttle: sensor(&[
                ("produce-throttle-time-avg", Stat::Avg, "The average time in ms a request was throttled by a broker."),
                ("produce-throttle-time-max", Stat::Max, "The maximum time in ms a request was throttled by a broker."),
            ]),
            txn_calls: [
                sensor(&[(
                    "txn-init-time-ns-total",
                    Stat::Total,
                    "Total time producer has spent in initTransactions in nanoseconds.",
                )]),
                sensor(&[(
                    "txn-begin-time-ns-total",
                    Stat::Total,
                    "Total time producer has spent in beginTransaction in nanoseconds.",
                )]),
                sensor(&[(
                    "txn-send-offsets-time-ns-total",
                    Stat::Total,
                    "Total time producer has spent in sendOffsetsToTransaction in nanoseconds.",
                )]),
                sensor(&[(
                    "txn-commit-time-ns-total",
                    Stat::Total,
                    "Total time producer has spent in commitTransaction in nanoseconds.",
                )]),
                sensor(&[(
                    "txn-abort-time-ns-total",
                    Stat::Total,
                    "Total time producer has spent in abortTransaction in nanoseconds.",
                )]),
            ],
            topics: Mutex::new(HashMap::new()),
            registry,
        }
    }

    fn topic(&self, topic: &Arc<str>) -> Arc<TopicSensors> {
        let mut topics = self.topics.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(sensors) = topics.get(topic) {
            return sensors.clone();
        }
        let sensor = |stats| self.registry.sensor(TOPIC, vec![("topic", topic.to_string())], stats);
        let sensors = Arc::new(TopicSensors {
            records: sensor(&[
                ("record-send-rate", Stat::Rate, "The average number of records sent per second for a topic."),
                ("record-send-total", Stat::Total, "The total number of records sent for a topic."),
            ]),
            bytes: sensor(&[
                ("byte-rate", Stat::Rate, "The average number of bytes sent per second for a topic."),
                ("byte-total", Stat::Total, "The total number of bytes sent for a topic."),
            ]),
            compression: sensor(&[(
                "compression-rate",
                Stat::Avg,
                "The average compression rate of record batches for a topic, defined as the average ratio of the \
                 compressed batch size over the uncompressed size.",
            )]),
            errors: sensor(&[
                (
                    "record-error-rate",
                    Stat::Rate,
                    "The average per-second number of record sends that resulted in errors for a topic.",
                ),
                (
                    "record-error-total",
                    Stat::Total,
                    "The total number of record sends that resulted in errors for a topic.",
                ),
            ]),
            retries: sensor(&[
                ("record-retry-rate", Stat::Rate, "The average per-second number of retried record sends for a topic."),
                ("record-retry-total", Stat::Total, "The total number of retried record sends for a topic."),
            ]),
        });
        topics.insert(topic.clone(), sensors.clone());
        sensors
    }

    /// A Produce request leaves with `batches`.
    pub(crate) fn request_sent<'a>(&self, batches: impl Iterator<Item = &'a ProducerBatch>) {
        let now = Instant::now();
        let mut records = 0u64;
        for batch in batches {
            records += u64::from(batch.records);
            let topic = self.topic(&batch.completion.topic);
            topic.records.record_at(f64::from(batch.records), now);
            topic.bytes.record_at(batch.size() as f64, now);
            self.batch_size.record_at(batch.size() as f64, now);
            self.record_size.record_at(batch.max_record as f64, now);
            // A batch sealed before this producer's sensors saw it (none today) has no
            // uncompressed size: it is left out rather than counted as 0.
            if batch.uncompressed > 0 {
                let rate = batch.size() as f64 / batch.uncompressed as f64;
                self.compression.record_at(rate, now);
                topic.compression.record_at(rate, now);
            }
            self.queue_time.record_at(ms(now.saturating_duration_since(batch.created)), now);
        }
        self.records_per_request.record_at(records as f64, now);
    }

    /// A batch of `records` records failed for good.
    pub(crate) fn failed(&self, topic: &Arc<str>, records: u32) {
        self.errors.record(f64::from(records));
        self.topic(topic).errors.record(f64::from(records));
    }

    /// A batch of `records` records goes back to be sent again.
    pub(crate) fn retried(&self, topic: &Arc<str>, records: u32) {
        self.retries.record(f64::from(records));
        self.topic(topic).retries.record(f64::from(records));
    }

    /// A send waited `waited` for `buffer.memory`; `exhausted` when it gave up (the record
    /// was refused).
    pub(crate) fn buffer_waited(&self, waited: Duration, exhausted: bool) {
        self.buffer_wait.record(waited.as_nanos() as f64);
        if exhausted {
            self.buffer_exhausted.record(1.0);
        }
    }

    /// A transactional call returned successfully after `took` (Java counts only calls that
    /// succeed).
    pub(crate) fn transaction_call(&self, call: TxnCall, took: Duration) {
        self.txn_calls[call as usize].record(took.as_nanos() as f64);
    }

    /// A broker answered a Produce request throttled for `throttle_ms` (0: not throttled).
    pub(crate) fn throttled(&self, throttle_ms: i32) {
        self.throttle.record(f64::from(throttle_ms.max(0)));
    }

    /// Every metric of the producer, with the buffer gauges read now.
    pub(crate) fn snapshot(&self, buffer_total: usize, buffer_used: usize) -> MetricsSnapshot {
        let mut snapshot = self.registry.snapshot();
        let gauge = |name, description, value: usize| -> Metric {
            self.registry.gauge(name, Group::Client, description, value as f64)
        };
        snapshot.metrics.push(gauge(
            "buffer-total-bytes",
            "The maximum amount of buffer memory the client can use (whether or not it is currently used).",
            buffer_total,
        ));
        snapshot.metrics.push(gauge(
            "buffer-available-bytes",
            "The total amount of buffer memory that is not being used (either unallocated or in the free list).",
            buffer_total.saturating_sub(buffer_used),
        ));
        snapshot
    }
}

const TOPIC: Group = Group::Named("producer-topic-metrics");

/// The transactional calls whose time is totalled (`txn-*-time-ns-total`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TxnCall {
    Init = 0,
    Begin = 1,
    SendOffsets = 2,
    Commit = 3,
    Abort = 4,
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

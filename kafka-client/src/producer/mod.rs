//! The producer: records in, acknowledged offsets out.
//!
//! [`Producer::send`] picks a partition, reserves buffer memory, encodes the record into that
//! partition's open batch, and resolves once the broker acknowledged it (or it failed for
//! good). To send many records without waiting on each, [`Producer::enqueue`] returns a
//! [`Delivery`] you may await later or drop; failures of dropped deliveries are reported by
//! [`Producer::flush`]. One background task (the sender) batches, compresses, sends, retries and
//! settles every record.
//!
//! Guarantees follow the Java client: with `acks=all` and idempotence (the defaults) records of
//! a partition are written once each and in send order, retried on retriable errors until
//! `delivery.timeout.ms`. Every record's outcome is reported: delivered with its offset, or a
//! [`ProduceError`] that says whether it may have been written anyway.
//!
//! ```
//! use kfk_client::config::ProducerConfig;
//! use kfk_client::producer::{Producer, ProducerRecord};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let stub = kfk_stub::StubCluster::builder().start().await?;
//! # stub.create_topic("orders", 1)?;
//! # let bootstrap = stub.bootstrap();
//! let config = ProducerConfig::from_properties([("bootstrap.servers", bootstrap.as_str()), ("linger.ms", "10")])?;
//! let producer = Producer::new(config)?;
//! let meta = producer.send(ProducerRecord::new("orders").key("k1").value("hello")).await?;
//! println!("written to {}-{} at offset {}", meta.topic, meta.partition, meta.offset);
//! producer.close(std::time::Duration::from_secs(5)).await?;
//! # Ok(()) }
//! ```

mod accumulator;
mod delivery;
mod idempotence;
mod memory;
pub mod partitioner;
mod record;
mod sender;
pub(crate) mod sensors;
mod transaction;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use kfk_protocol::messages::ApiKey;
use kfk_protocol::ErrorCode;
use tracing::debug;

pub use crate::error::TransactionError;
pub use crate::types::TransactionState;
pub use delivery::{Delivery, Persistence, ProduceError, RecordMetadata};
pub use kfk_protocol::compression::{Codec, Compression};
pub use partitioner::{murmur2, partition_for_key, Partitioner, RoundRobinPartitioner};
pub use record::{Headers, HeadersRef, ProducerRecord, RecordHeaders, RecordHeadersIter};

use crate::backoff::{Decision, GaveUp, Retry};
use crate::cluster::Cluster;
use crate::config::{BuiltinPartitioner, ProducerConfig};
use crate::error::{Error, ErrorContext, Result};
use crate::interceptor::EditableRecord;
use crate::telemetry::{Collected, Telemetry};
use accumulator::{Accumulator, ProducerBatch, TopicQueues};
use transaction::Transactions;

/// Failures of records whose [`Delivery`] may have been dropped, reported by `flush`.
#[derive(Debug, Default)]
struct FailureLog {
    count: usize,
    first: Option<ProduceError>,
}

/// State shared by the handles and the sender task.
pub(crate) struct Shared {
    pub(crate) config: ProducerConfig,
    pub(crate) cluster: Cluster,
    pub(crate) accumulator: Accumulator,
    partitioner: Option<Arc<dyn Partitioner>>,
    failures: Mutex<FailureLog>,
    abort: AtomicBool,
    /// The transaction state, for a producer with a `transactional.id`.
    pub(crate) txn: Option<Transactions>,
    pub(crate) sensors: sensors::ProducerSensors,
}

impl Shared {
    /// Settles `batch` as failed.
    pub(crate) fn fail(&self, batch: &ProducerBatch, failure: ProduceError) {
        debug!(topic = %failure.topic, partition = failure.partition, error = %failure.error, "batch failed");
        {
            let mut log = self.failures.lock().unwrap_or_else(|p| p.into_inner());
            log.count += batch.records as usize;
            log.first.get_or_insert_with(|| failure.clone());
        }
        self.sensors.failed(&batch.completion.topic, batch.records);
        if let Some(txn) = &self.txn {
            txn.on_batch_failed(&failure.error);
        }
        batch.completion.complete(Err(failure));
        self.accumulator.finish(batch);
    }

    /// Takes the failures recorded since the last flush.
    fn take_failures(&self) -> FailureLog {
        std::mem::take(&mut *self.failures.lock().unwrap_or_else(|p| p.into_inner()))
    }

    pub(crate) fn aborted(&self) -> bool {
        self.abort.load(Ordering::SeqCst)
    }

    fn metrics(&self) -> crate::metrics::MetricsSnapshot {
        let memory = &self.accumulator.memory;
        self.sensors.snapshot(memory.limit(), memory.used())
    }
}

/// Records that failed since the last [`Producer::flush`].
#[derive(Debug, Clone, thiserror::Error)]
#[error("{count} record(s) were not delivered; first failure: {first}")]
#[non_exhaustive]
pub struct FlushError {
    /// How many records failed.
    pub count: usize,
    /// The first failure.
    pub first: ProduceError,
}

/// A Kafka producer. Cheap to clone: clones share batches, connections and the sender task.
/// When the last clone is dropped without [`Producer::close`], the sender still delivers what
/// was handed to it (their [`Delivery`] handles stay valid), then stops.
#[derive(Clone)]
pub struct Producer {
    shared: Arc<Shared>,
    _last: Arc<CloseOnDrop>,
}

/// Lets the sender task finish and stop when the last producer handle goes; stops the
/// telemetry task (KIP-714) too.
struct CloseOnDrop(Arc<Shared>, Telemetry);

impl Drop for CloseOnDrop {
    fn drop(&mut self) {
        self.0.accumulator.closing.store(true, Ordering::SeqCst);
        self.0.accumulator.wake.notify_one();
    }
}

impl std::fmt::Debug for Producer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Producer").field("client_id", &self.shared.config.common.client_id).finish()
    }
}

impl Producer {
    /// A producer with `config`; connects lazily. Must be called within a tokio runtime.
    pub fn new(config: ProducerConfig) -> Result<Producer> {
        let partitioner: Option<Arc<dyn Partitioner>> = match config.partitioner {
            BuiltinPartitioner::Default => None,
            BuiltinPartitioner::RoundRobin => Some(Arc::new(RoundRobinPartitioner::default())),
        };
        Self::build(config, partitioner)
    }

    /// A producer with a custom partitioner (returning `None` falls back to the default); it
    /// takes the place of any `partitioner.class` the configuration names.
    pub fn with_partitioner(config: ProducerConfig, partitioner: impl Partitioner) -> Result<Producer> {
        Self::build(config, Some(Arc::new(partitioner)))
    }

    fn build(config: ProducerConfig, partitioner: Option<Arc<dyn Partitioner>>) -> Result<Producer> {
        let cluster = Cluster::new(config.cluster_config()?);
        let txn = config.transactional_id.clone().map(|id| Transactions::new(id, config.transaction_timeout));
        let accumulator = Accumulator::new(config.batch_size, config.compression, config.buffer_memory, txn.is_some())
            .with_interceptors(&config.interceptors);
        cluster.metrics().set_kind(crate::metrics::ClientKind::Producer);
        let sensors = sensors::ProducerSensors::new(cluster.metrics().clone());
        let shared = Arc::new(Shared {
            sensors,
            config,
            cluster,
            accumulator,
            partitioner,
            failures: Mutex::new(FailureLog::default()),
            abort: AtomicBool::new(false),
            txn,
        });
        tokio::spawn(sender::Sender::new(shared.clone()).run());
        tokio::spawn(forget_idle_topics(Arc::downgrade(&shared)));
        let weak = Arc::downgrade(&shared);
        let telemetry = Telemetry::start(&shared.cluster, shared.config.common.enable_metrics_push, move || {
            let shared = weak.upgrade()?;
            let resource = shared.config.transactional_id.iter().map(|id| ("transactional_id", id.clone())).collect();
            Some(Collected { metrics: shared.metrics(), resource })
        });
        Ok(Producer { _last: Arc::new(CloseOnDrop(shared.clone(), telemetry)), shared })
    }

    /// The configuration.
    pub fn config(&self) -> &ProducerConfig {
        &self.shared.config
    }

    /// The producer's metrics, with the Java producer's names and groups
    /// (`producer-metrics`, `producer-node-metrics`): records sent, errors and retries, batch
    /// sizes, queue time, buffer memory, throttling, connections and request latency. See
    /// [`crate::metrics`] for their semantics.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # stub.create_topic("orders", 1)?;
    /// # let bootstrap = stub.bootstrap();
    /// # let producer = kfk_client::producer::Producer::new(
    /// #     kfk_client::config::ProducerConfig::builder().bootstrap_servers(&bootstrap).build()?,
    /// # )?;
    /// producer.send(kfk_client::producer::ProducerRecord::new("orders").value("v")).await?;
    /// let snapshot = producer.metrics();
    /// let sent = snapshot.value("record-send-total", "producer-metrics");
    /// assert_eq!(sent, Some(1.0));
    /// # Ok(()) }
    /// ```
    pub fn metrics(&self) -> crate::metrics::MetricsSnapshot {
        self.shared.metrics()
    }

    /// The id the cluster assigned this producer instance for its metrics (KIP-714, Java's
    /// `clientInstanceId`), waiting up to `timeout` for it. `None` with
    /// `enable.metrics.push=false`, when the brokers do not serve client telemetry, or when
    /// none came in time.
    pub async fn client_instance_id(&self, timeout: Duration) -> Option<kfk_protocol::Uuid> {
        self._last.1.client_instance_id(timeout).await
    }

    /// The cluster layer (metadata, connections), shared with this producer.
    pub fn cluster(&self) -> &Cluster {
        &self.shared.cluster
    }

    /// Sends a record and waits for its acknowledgement.
    pub async fn send(&self, record: ProducerRecord<'_>) -> std::result::Result<RecordMetadata, ProduceError> {
        let delivery = self.enqueue(record).await.map_err(|e| ProduceError {
            topic: Arc::from(record.topic),
            partition: record.partition.unwrap_or(-1),
            persistence: Persistence::NotWritten,
            error: Arc::new(e),
        })?;
        delivery.await
    }

    /// Adds a record to its batch and returns at once with its [`Delivery`]; waits only for the
    /// topic's metadata and for buffer memory, each at most `max.block.ms`.
    pub async fn enqueue(&self, record: ProducerRecord<'_>) -> Result<Delivery> {
        let interceptors = &self.shared.config.interceptors;
        if interceptors.is_empty() {
            return self.enqueue_record(record).await;
        }
        let mut edited = EditableRecord::from(record);
        interceptors.on_send(&mut edited);
        let headers = edited.header_refs();
        let record = edited.as_record(&headers);
        let result = self.enqueue_record(record).await;
        self.report_refused(&record, &result);
        result
    }

    /// Tells the interceptors of a record that failed before it reached a batch (Java calls
    /// `onAcknowledgement` for those too); a batched record is reported by its batch.
    fn report_refused(&self, record: &ProducerRecord<'_>, result: &Result<Delivery>) {
        if let Err(e) = result {
            let metadata = RecordMetadata {
                topic: Arc::from(record.topic),
                partition: record.partition.unwrap_or(-1),
                offset: -1,
                timestamp: -1,
            };
            self.shared.config.interceptors.on_acknowledgement(&metadata, Some(e));
        }
    }

    async fn enqueue_record(&self, record: ProducerRecord<'_>) -> Result<Delivery> {
        // The clock is read only when something has to be waited for (the common case waits for
        // nothing). One deadline covers both waits, as in the Java client.
        let max_block = self.shared.config.max_block;
        let mut started: Option<Instant> = None;
        let (size, txn) = self.check_size(&record)?;
        let topic = self.shared.accumulator.topic(record.topic);
        let partitions = match self.cached_partition_count(&topic)? {
            Some(n) => n,
            None => {
                let start = *started.get_or_insert_with(Instant::now);
                self.partition_count(record.topic, start, start + max_block).await?
            }
        };
        let partition = self.choose_partition(&topic, &record, partitions, size)?;
        let memory = &self.shared.accumulator.memory;
        if !memory.try_reserve(size) {
            let start = *started.get_or_insert_with(Instant::now);
            let waiting = Instant::now();
            let reserved = memory.reserve(size, start + max_block).await;
            self.shared.sensors.buffer_waited(waiting.elapsed(), !reserved);
            if !reserved {
                return Err(Error::Timeout {
                    what: format!(
                        "buffer.memory ({} bytes) to free up (max.block.ms = {max_block:?})",
                        self.shared.config.buffer_memory
                    ),
                    after: start.elapsed(),
                });
            }
        }
        self.append(&topic, &record, partition, size, txn)
    }

    /// As [`Producer::enqueue`], but fails at once instead of waiting for metadata or memory.
    pub fn try_enqueue(&self, record: ProducerRecord<'_>) -> Result<Delivery> {
        let interceptors = &self.shared.config.interceptors;
        if interceptors.is_empty() {
            return self.try_enqueue_record(record);
        }
        let mut edited = EditableRecord::from(record);
        interceptors.on_send(&mut edited);
        let headers = edited.header_refs();
        let record = edited.as_record(&headers);
        let result = self.try_enqueue_record(record);
        self.report_refused(&record, &result);
        result
    }

    fn try_enqueue_record(&self, record: ProducerRecord<'_>) -> Result<Delivery> {
        let (size, txn) = self.check_size(&record)?;
        let topic = self.shared.accumulator.topic(record.topic);
        let partitions = self.cached_partition_count(&topic)?.ok_or_else(|| Error::Timeout {
            what: format!("metadata for topic {} (try_enqueue does not wait)", record.topic),
            after: Duration::ZERO,
        })?;
        let partition = self.choose_partition(&topic, &record, partitions, size)?;
        if !self.shared.accumulator.memory.try_reserve(size) {
            self.shared.sensors.buffer_waited(Duration::ZERO, true);
            return Err(Error::Timeout {
                what: "buffer.memory is full (try_enqueue does not wait)".into(),
                after: Duration::ZERO,
            });
        }
        self.append(&topic, &record, partition, size, txn)
    }

    /// Adds the record to its batch; `txn` is the number of the transaction it joins (0 without
    /// transactions).
    fn append(
        &self,
        topic: &TopicQueues,
        record: &ProducerRecord<'_>,
        partition: i32,
        size: usize,
        txn: u64,
    ) -> Result<Delivery> {
        let now = now_ms();
        let timestamp = record.timestamp.unwrap_or(now);
        topic.last_send_ms.store(now, Ordering::Relaxed);
        let open = match &self.shared.txn {
            Some(t) => t.check_still_open(txn),
            None => Ok(()),
        };
        let result = open.and_then(|()| self.shared.accumulator.append(topic, partition, record, timestamp, size, txn));
        if result.is_err() {
            self.shared.accumulator.memory.release(size);
        }
        result
    }

    /// The record's encoded size bound, and the number of the transaction it joins (0 without
    /// transactions).
    fn check_size(&self, record: &ProducerRecord<'_>) -> Result<(usize, u64)> {
        if self.shared.accumulator.closing.load(Ordering::SeqCst) {
            return Err(Error::Closed);
        }
        let txn = match &self.shared.txn {
            Some(t) => t.check_send()?,
            None => 0,
        };
        let size = record.max_encoded_size();
        let config = &self.shared.config;
        if size + 61 > config.max_request_size || size > config.buffer_memory {
            return Err(Error::kafka(
                ErrorCode::MESSAGE_TOO_LARGE,
                Some(format!(
                    "the record is {size} bytes, more than max.request.size ({}) or buffer.memory ({}) allows",
                    config.max_request_size, config.buffer_memory
                )),
                record.topic,
            ));
        }
        Ok((size, txn))
    }

    fn choose_partition(
        &self,
        topic: &TopicQueues,
        record: &ProducerRecord<'_>,
        partitions: i32,
        size: usize,
    ) -> Result<i32> {
        if let Some(p) = record.partition {
            if p < 0 || p >= partitions {
                return Err(Error::kafka(
                    ErrorCode::UNKNOWN_TOPIC_OR_PARTITION,
                    Some(format!("partition {p} does not exist; the topic has {partitions}")),
                    ErrorContext::for_topic(record.topic),
                ));
            }
            return Ok(p);
        }
        if let Some(custom) = &self.shared.partitioner {
            if let Some(p) = custom.partition(record.topic, record.key, record.value, partitions) {
                return Ok(p.rem_euclid(partitions));
            }
        }
        match record.key {
            Some(key) if !self.shared.config.partitioner_ignore_keys => Ok(partition_for_key(key, partitions)),
            _ => Ok(topic.sticky.next(partitions, size, self.shared.config.batch_size)),
        }
    }

    /// The topic's partition count if metadata has it: from the topic's cache while metadata
    /// is unchanged (no metadata lookup per record), else from the snapshot.
    fn cached_partition_count(&self, topic: &TopicQueues) -> Result<Option<i32>> {
        let generation = self.shared.cluster.metadata_generation();
        if let Some(n) = topic.partition_count(generation) {
            return Ok(Some(n));
        }
        let known = self.known_partition_count(&topic.name)?;
        if let Some(n) = known {
            topic.cache_partition_count(generation, n);
        }
        Ok(known)
    }

    fn known_partition_count(&self, topic: &str) -> Result<Option<i32>> {
        let metadata = self.shared.cluster.metadata();
        match metadata.topic(topic) {
            Some(t) if t.error.is_ok() && !t.partitions.is_empty() => Ok(Some(t.partitions.len() as i32)),
            Some(t) if !t.error.is_ok() && !t.error.is_retriable() => {
                Err(Error::kafka(t.error, None, ErrorContext::request(ApiKey::Metadata).with_topic(topic)))
            }
            _ => Ok(None),
        }
    }

    /// The topic's partition count, fetching metadata until `deadline` if it is not known.
    /// Every refresh and backoff sleep ends by the deadline, and the error says how long the
    /// wait since `started` actually took.
    async fn partition_count(&self, topic: &str, started: Instant, deadline: Instant) -> Result<i32> {
        if let Some(n) = self.known_partition_count(topic)? {
            return Ok(n);
        }
        let cluster = &self.shared.cluster;
        cluster.track_topics([topic]);
        let max_block = self.shared.config.max_block;
        let timed_out = |last: &str| Error::Timeout {
            what: format!("topic {topic} to appear in metadata (max.block.ms = {max_block:?}); last answer: {last}"),
            after: started.elapsed(),
        };
        /// Why an attempt found no partition count.
        enum Miss {
            /// Waiting cannot help (the topic's error is not retriable, or the credentials
            /// were refused).
            Fatal(Error),
            /// The topic may still appear: what the last answer said.
            NotYet(String),
        }
        // The topic may still appear (auto-creation, a slow controller): keep asking until the
        // deadline, sleeping at most the time left, as the Java client does. A hung Metadata
        // request must not outlive the deadline: it is abandoned there (the connection stays
        // usable; its late answer is dropped).
        let outcome = Retry::new(self.shared.config.common.retry_backoff, deadline)
            .run(
                || async {
                    let refreshed = cluster.refresh().await;
                    if let Some(n) = self.known_partition_count(topic).map_err(Miss::Fatal)? {
                        return Ok(n);
                    }
                    Err(match refreshed {
                        // The same credentials or certificates fail again: report at once.
                        Err(e) if e.is_authentication() => Miss::Fatal(e),
                        Err(e) => Miss::NotYet(e.to_string()),
                        Ok(m) => Miss::NotYet(
                            m.topic(topic).map(|t| t.error.to_string()).unwrap_or_else(|| "not listed".into()),
                        ),
                    })
                },
                |miss| match miss {
                    Miss::Fatal(_) => Decision::Stop,
                    Miss::NotYet(_) => Decision::Retry,
                },
            )
            .await;
        outcome.map_err(|gave_up| match gave_up {
            GaveUp::Failed(Miss::Fatal(e)) => e,
            GaveUp::NoAnswer { .. } => timed_out("no Metadata answer before the deadline"),
            GaveUp::Failed(Miss::NotYet(last)) | GaveUp::OutOfTime { last: Miss::NotYet(last) } => timed_out(&last),
            GaveUp::OutOfTime { last: Miss::Fatal(e) } => e,
        })
    }

    /// Sends every batched record now and waits until all records handed to the producer
    /// before and during the call are settled. Fails if any record failed since the last flush
    /// (including records whose [`Delivery`] was dropped).
    pub async fn flush(&self) -> std::result::Result<(), FlushError> {
        let acc = &self.shared.accumulator;
        acc.flushing.fetch_add(1, Ordering::SeqCst);
        acc.wake.notify_one();
        loop {
            let completed = acc.completed.notified();
            tokio::pin!(completed);
            completed.as_mut().enable();
            if acc.incomplete() == 0 {
                break;
            }
            completed.await;
        }
        acc.flushing.fetch_sub(1, Ordering::SeqCst);
        let log = self.shared.take_failures();
        match log.first {
            None => Ok(()),
            Some(first) => Err(FlushError { count: log.count, first }),
        }
    }

    /// Stops accepting records, delivers what is batched (waiting at most `timeout`), then
    /// fails whatever is left, sends the terminating metrics push when a KIP-714 subscription
    /// asks for metrics (within what is left of `timeout`) and closes the connections.
    /// Interceptors hear `on_close` once, after the first call.
    pub async fn close(&self, timeout: Duration) -> std::result::Result<(), FlushError> {
        let started = Instant::now();
        let acc = &self.shared.accumulator;
        let first = !acc.closing.swap(true, Ordering::SeqCst);
        acc.wake.notify_one();
        let result = tokio::time::timeout(timeout, self.flush()).await;
        if result.is_err() {
            self.shared.abort.store(true, Ordering::SeqCst);
            acc.wake.notify_one();
            // The sender fails the rest; wait briefly for it to do so.
            let _ = tokio::time::timeout(Duration::from_secs(1), self.flush()).await;
        }
        // The terminating metrics push (KIP-714), with what is left of the close timeout.
        let left = timeout.saturating_sub(started.elapsed());
        self._last.1.close(left).await;
        self.shared.cluster.close(Duration::from_millis(100)).await;
        if first {
            self.shared.config.interceptors.on_close();
        }
        match result {
            Ok(r) => r,
            Err(_) => {
                let log = self.shared.take_failures();
                match log.first {
                    Some(first) => Err(FlushError { count: log.count, first }),
                    None => Ok(()),
                }
            }
        }
    }
}

/// `metadata.max.idle.ms`: a topic nothing was sent to for that long, with nothing queued for
/// it, leaves the metadata requests (and the snapshot), as in Java, so a producer that once
/// wrote to many topics does not keep asking about them all. The next send asks again.
async fn forget_idle_topics(shared: std::sync::Weak<Shared>) {
    loop {
        let Some(idle) = shared.upgrade().map(|s| s.config.metadata_max_idle) else { return };
        // Checked a few times per idle period: a topic is forgotten at most a quarter late.
        tokio::time::sleep((idle / 4).max(Duration::from_millis(100))).await;
        let Some(shared) = shared.upgrade() else { return };
        if shared.accumulator.closing.load(Ordering::SeqCst) {
            return;
        }
        let cutoff = now_ms() - idle.as_millis() as i64;
        let idle_topics: Vec<Arc<str>> = shared
            .accumulator
            .topics()
            .into_iter()
            .filter(|t| t.last_send_ms.load(Ordering::Relaxed) < cutoff && t.is_idle())
            .map(|t| t.name.clone())
            .collect();
        if !idle_topics.is_empty() {
            debug!(topics = ?idle_topics, "no record sent for metadata.max.idle.ms; dropping them from metadata");
            let names: Vec<&str> = idle_topics.iter().map(|t| &**t).collect();
            shared.cluster.forget_topics(&names);
        }
    }
}

fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::config::{ConsumerConfig, IsolationLevel, OffsetReset};
    use crate::consumer::Consumer;

    fn is_ended(e: &Error) -> bool {
        matches!(e, Error::Transaction(TransactionError::Ended))
    }

    /// A send that passed its checks while its transaction was open, but reaches its batch
    /// only after that transaction ended and the next began (a rebalance aborting the
    /// transaction of a consume-transform-produce loop on another task), must join neither:
    /// it fails, and read_committed readers never see it.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_record_racing_with_the_end_of_its_transaction_joins_no_other() {
        let stub = kfk_stub::StubCluster::builder().brokers(1).start().await.unwrap();
        stub.create_topic("race", 1).unwrap();
        let config =
            ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).transactional_id("race").build().unwrap();
        let producer = Producer::new(config).unwrap();
        producer.init_transactions().await.unwrap();
        let memory = &producer.shared.accumulator.memory;
        let topic = producer.shared.accumulator.topic("race");
        for commit in [false, true] {
            producer.begin_transaction().unwrap();
            producer.send(ProducerRecord::new("race").value(b"in")).await.unwrap();
            let straggler = ProducerRecord::new("race").value(b"straggler");
            let (size, number) = producer.check_size(&straggler).unwrap();
            if commit {
                producer.commit_transaction().await.unwrap();
            } else {
                producer.abort_transaction().await.unwrap();
            }
            producer.begin_transaction().unwrap();
            // Caught just before the batch...
            assert!(memory.try_reserve(size));
            let err = producer.append(&topic, &straggler, 0, size, number).unwrap_err();
            assert!(is_ended(&err), "{err}");
            // ... and, if the end came after that check, by the sender.
            assert!(memory.try_reserve(size));
            let late = producer.shared.accumulator.append(&topic, 0, &straggler, now_ms(), size, number).unwrap();
            producer.send(ProducerRecord::new("race").value(b"next")).await.unwrap();
            producer.commit_transaction().await.unwrap();
            let err = late.await.unwrap_err();
            assert!(is_ended(&err.error), "{err}");
            assert_eq!(err.persistence, Persistence::NotWritten);
        }

        let mut config = ConsumerConfig::new(stub.bootstrap());
        config.auto_offset_reset = OffsetReset::Earliest;
        config.isolation_level = IsolationLevel::ReadCommitted;
        let consumer = Consumer::new(config).unwrap();
        consumer.assign([("race", 0)]);
        let mut values = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            let records = consumer.poll(Duration::from_millis(200)).await.unwrap();
            if records.is_empty() && values.len() >= 3 {
                break;
            }
            values.extend(records.into_iter().map(|r| r.value.unwrap_or_default().to_vec()));
        }
        assert_eq!(values, [b"next".to_vec(), b"in".to_vec(), b"next".to_vec()]);
        consumer.close().await;
        producer.close(Duration::from_secs(5)).await.unwrap();
    }

    fn assert_send<T: Send>(_: T) {}

    /// Users spawn these futures: they must stay `Send`.
    #[allow(dead_code)]
    fn futures_are_send(producer: Producer) {
        assert_send(async move {
            let _ = producer.enqueue(ProducerRecord::new("t")).await;
            let _ = producer.send(ProducerRecord::new("t")).await;
            let _ = producer.flush().await;
        });
    }
}

//! The consumer: assigned partitions in, records out.
//!
//! [`Consumer::assign`] takes explicit partitions; [`Consumer::subscribe`] and
//! [`Consumer::subscribe_pattern`] join a consumer group (see [`crate::group`]).
//! A background fetcher keeps one Fetch in flight per broker, each broker's within a fetch
//! session (KIP-227), asks for more as soon as a response is parsed and buffers what arrives
//! (bounded by `fetch.max.bytes`); [`Consumer::poll`] hands out up to `max.poll.records` records, in
//! offset order per partition, and moves each partition's position past them. Partitions
//! without a position start where `auto.offset.reset` says; [`Consumer::seek`] moves a position.
//! Keys, values and headers are slices of the fetched buffers, never copied.
//! [`Consumer::partition_stream`] splits a partition off into a stream of its own, for
//! processing partitions in parallel tasks.
//!
//! ```
//! use std::time::Duration;
//! use kfk_client::config::ConsumerConfig;
//! use kfk_client::consumer::Consumer;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let stub = kfk_stub::StubCluster::builder().start().await?;
//! # stub.create_topic("orders", 2)?;
//! # let producer = kfk_client::producer::Producer::new(
//! #     kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).build()?,
//! # )?;
//! # producer.send(kfk_client::producer::ProducerRecord::new("orders").partition(1).value("a")).await?;
//! # let bootstrap = stub.bootstrap();
//! let config = ConsumerConfig::from_properties([
//!     ("bootstrap.servers", bootstrap.as_str()),
//!     ("auto.offset.reset", "earliest"),
//! ])?;
//! let consumer = Consumer::new(config)?;
//! consumer.assign([("orders", 0), ("orders", 1)]);
//! for record in consumer.poll(Duration::from_secs(10)).await? {
//!     println!("{}-{}@{}: {:?}", record.topic, record.partition, record.offset, record.value);
//! }
//! # Ok(()) }
//! ```

mod async_commit;
mod fetch_state;
mod fetcher;
mod group_view;
pub(crate) mod listener;
mod log_offsets;
mod partition_stream;
mod record;
mod rejoin;
mod session;
mod state;
mod stream;
mod validation;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use kfk_protocol::records::ParseOptions;
use tokio::sync::Notify;
use tracing::{debug, warn};

pub use crate::types::{OffsetAndMetadata, TopicPartition};
pub use async_commit::CommitHandle;
pub use kfk_protocol::records::{Header, Headers, TimestampType};
pub use partition_stream::PartitionStream;
pub use record::{ConsumerRecord, NotUtf8};
pub use session::FetchStats;
pub use stream::RecordStream;

use crate::backoff::{Decision, Retry};
use crate::cluster::{Cluster, CoordinatorType};
use crate::config::GroupProtocol;
use crate::config::{ConsumerConfig, OffsetReset};
use crate::error::{Error, ErrorContext, Result};
use crate::group::host::GroupHost;
use crate::group::subscription::Subscription;
use crate::group::{assignor, consumer_protocol, member::Member, offsets};
use crate::net::Connection;
use crate::telemetry::{Collected, Telemetry};
use crate::types::Membership;
use group_view::GroupView;
pub(crate) use listener::RebalanceListener;
use log_offsets::Spec;
use state::{PartitionState, State};
pub(crate) use stop::Stop;

mod stop;

/// State shared by the consumer handle and its fetcher task.
pub(crate) struct Shared {
    pub(crate) config: ConsumerConfig,
    pub(crate) cluster: Cluster,
    state: Mutex<State>,
    /// Signals poll: data or an error arrived, or a position was found.
    pub(crate) data: Notify,
    /// Signals the fetcher: assignment, positions or buffer room changed.
    pub(crate) wake: Notify,
    pub(crate) closed: AtomicBool,
    refresh_wanted: AtomicBool,
    /// Wakes the group task when the consumer closes.
    closed_notify: Notify,
    membership: Mutex<Membership>,
    last_poll: Mutex<Instant>,
    /// Set by [`Consumer::wakeup`]; the next wait in `poll` or `recv` returns [`Error::Wakeup`].
    woken: AtomicBool,
    /// The queue of `commit_async`, started with the first one.
    commit_queue: Mutex<Option<async_commit::Queue>>,
    /// What runs for the group: the member of a subscription, or the auto-commit of assigned
    /// partitions. Stopped by `unsubscribe` and `close`.
    group_task: Mutex<Option<GroupTask>>,
    pub(crate) fetch_counters: session::FetchCounters,
    /// Records interceptors added in `recv` beyond the one it returns, for the next call.
    intercepted: Mutex<std::collections::VecDeque<ConsumerRecord>>,
    /// The fetcher's last retriable failure (a refused connection, a failed metadata refresh,
    /// a ListOffsets error), for a wait that times out to say what kept it from an answer.
    last_failure: Mutex<Option<String>>,
}

impl Shared {
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Asks the fetcher to refresh metadata (a leader moved or a partition went missing).
    pub(crate) fn cluster_needs_refresh(&self) {
        self.refresh_wanted.store(true, Ordering::SeqCst);
        self.wake.notify_one();
    }

    pub(crate) fn take_refresh_wanted(&self) -> bool {
        self.refresh_wanted.swap(false, Ordering::SeqCst)
    }

    /// Notes a failure the fetcher retries by itself (only on failure paths: it formats).
    pub(crate) fn note_failure(&self, failure: impl std::fmt::Display) {
        *self.last_failure.lock().unwrap_or_else(|p| p.into_inner()) = Some(failure.to_string());
    }

    /// The fetcher's last retriable failure, if any.
    fn last_failure(&self) -> Option<String> {
        self.last_failure.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn update_membership(&self, f: impl FnOnce(&mut Membership)) {
        f(&mut self.membership.lock().unwrap_or_else(|p| p.into_inner()));
    }

    fn is_closed(&self) -> bool {
        self.closed.load(Ordering::SeqCst)
    }

    async fn closed_signal(&self) {
        let notified = self.closed_notify.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        if !self.is_closed() {
            notified.await;
        }
    }
}

/// The consumer's metrics (`Consumer::metrics`, and each telemetry push).
fn consumer_metrics(shared: &Shared) -> crate::metrics::MetricsSnapshot {
    let registry = shared.cluster.metrics();
    registry.set_kind(crate::metrics::ClientKind::Consumer);
    let committed = shared.config.isolation_level == crate::config::IsolationLevel::ReadCommitted;
    let mut standings: Vec<crate::metrics::PartitionStanding> = {
        let state = shared.lock();
        state
            .partitions
            .iter()
            .map(|(tp, p)| {
                let end = if committed { p.last_stable_offset } else { p.high_watermark };
                crate::metrics::PartitionStanding {
                    topic: tp.topic.clone(),
                    partition: tp.partition,
                    lag: end.zip(p.position).map(|(end, position)| (end - position).max(0)),
                    lead: p.position.zip(p.log_start_offset).map(|(position, start)| position - start),
                }
            })
            .collect()
    };
    standings.sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
    registry.consumer().snapshot(registry, &standings)
}

/// KIP-714's client resource labels of a consumer, read at each push.
fn consumer_resource(shared: &Shared) -> Vec<(&'static str, String)> {
    let config = &shared.config;
    let mut labels = Vec::new();
    if let Some(group) = &config.group_id {
        labels.push(("group_id", group.clone()));
    }
    if let Some(instance) = &config.group.instance_id {
        labels.push(("group_instance_id", instance.clone()));
    }
    let member = shared.membership.lock().unwrap_or_else(|p| p.into_inner()).member_id.clone();
    if !member.is_empty() {
        labels.push(("group_member_id", member));
    }
    if !config.client_rack.is_empty() {
        labels.push(("client_rack", config.client_rack.clone()));
    }
    labels
}

/// The task running for the group, and what stops it without closing the consumer.
struct GroupTask {
    handle: tokio::task::JoinHandle<()>,
    stop: Arc<Stop>,
    /// What kind of task it is, for `enforce_rebalance`.
    kind: GroupTaskKind,
}

/// Which task runs for the group.
enum GroupTaskKind {
    /// Auto-commit of assigned partitions: no membership.
    AssignedAutoCommit,
    /// A classic protocol member, which rejoins when asked.
    Classic(Arc<rejoin::RejoinRequest>),
    /// A KIP-848 member: the coordinator alone starts rebalances.
    ConsumerProtocol,
}

/// A Kafka consumer. Clones share the assignment, positions and fetcher; the background tasks
/// stop when the last clone is dropped.
#[derive(Clone)]
pub struct Consumer {
    shared: Arc<Shared>,
    /// `None` for the group task's own view, which must not keep the consumer alive.
    _last: Option<Arc<StopOnDrop>>,
}

/// Stops the fetcher task when the last consumer handle goes, and the telemetry task
/// (KIP-714) with it.
struct StopOnDrop(Arc<Shared>, Telemetry);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.closed.store(true, Ordering::SeqCst);
        self.0.wake.notify_one();
        self.0.closed_notify.notify_waiters();
        // Partition streams end with the consumer.
        self.0.data.notify_waiters();
    }
}

impl std::fmt::Debug for Consumer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Consumer").field("client_id", &self.shared.config.common.client_id).finish()
    }
}

impl Consumer {
    /// A consumer with `config`; connects lazily. Must be called within a tokio runtime.
    pub fn new(config: ConsumerConfig) -> Result<Consumer> {
        config.validate()?;
        let cluster = Cluster::new(config.common.cluster_config()?);
        let shared = Arc::new(Shared {
            config,
            cluster,
            state: Mutex::new(State::default()),
            data: Notify::new(),
            wake: Notify::new(),
            closed: AtomicBool::new(false),
            refresh_wanted: AtomicBool::new(false),
            closed_notify: Notify::new(),
            membership: Mutex::new(Membership { generation: -1, ..Membership::default() }),
            last_poll: Mutex::new(Instant::now()),
            woken: AtomicBool::new(false),
            commit_queue: Mutex::new(None),
            group_task: Mutex::new(None),
            fetch_counters: session::FetchCounters::default(),
            intercepted: Mutex::new(std::collections::VecDeque::new()),
            last_failure: Mutex::new(None),
        });
        tokio::spawn(fetcher::run(shared.clone()));
        let weak = Arc::downgrade(&shared);
        let telemetry = Telemetry::start(&shared.cluster, shared.config.common.enable_metrics_push, move || {
            let shared = weak.upgrade()?;
            Some(Collected { metrics: consumer_metrics(&shared), resource: consumer_resource(&shared) })
        });
        Ok(Consumer { _last: Some(Arc::new(StopOnDrop(shared.clone(), telemetry))), shared })
    }

    /// The consumer's metrics, with the Java consumer's names and groups
    /// (`consumer-metrics`, `consumer-node-metrics`, `consumer-fetch-manager-metrics`,
    /// `consumer-coordinator-metrics`): records and bytes consumed, fetch latency and size,
    /// per-partition `records-lag` (tags `topic`, `partition`), commits, rebalances,
    /// heartbeats, connections. See [`crate::metrics`] for their semantics.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # stub.create_topic("orders", 2)?;
    /// # let producer = kfk_client::producer::Producer::new(
    /// #     kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).build()?,
    /// # )?;
    /// # for (p, v) in [(0, "a"), (1, "b"), (0, "c")] {
    /// #     producer.send(kfk_client::producer::ProducerRecord::new("orders").partition(p).value(v)).await?;
    /// # }
    /// # let consumer = kfk_client::consumer::Consumer::new(
    /// #     kfk_client::config::ConsumerConfig::builder()
    /// #         .bootstrap_servers(stub.bootstrap())
    /// #         .group_id("billing")
    /// #         .auto_offset_reset(kfk_client::config::OffsetReset::Earliest)
    /// #         .build()?,
    /// # )?;
    /// consumer.assign([("orders", 0)]);
    /// let first = consumer.recv().await?;
    /// let snapshot = consumer.metrics();
    /// let group = "consumer-fetch-manager-metrics";
    /// let lag = snapshot.value_tagged("records-lag", group, &[("topic", "orders"), ("partition", "0")]);
    /// assert_eq!((first.offset, lag), (0, Some(1.0))); // "c" is still to read
    /// # Ok(()) }
    /// ```
    pub fn metrics(&self) -> crate::metrics::MetricsSnapshot {
        consumer_metrics(&self.shared)
    }

    /// The id the cluster assigned this consumer instance for its metrics (KIP-714, Java's
    /// `clientInstanceId`), waiting up to `timeout` for it. `None` with
    /// `enable.metrics.push=false`, when the brokers do not serve client telemetry, or when
    /// none came in time.
    pub async fn client_instance_id(&self, timeout: Duration) -> Option<kfk_protocol::Uuid> {
        self._last.as_ref()?.1.client_instance_id(timeout).await
    }

    /// The cluster layer (metadata, connections) this consumer uses.
    pub fn cluster(&self) -> &Cluster {
        &self.shared.cluster
    }

    /// Replaces the assignment with `partitions`. Partitions kept keep their positions; new ones
    /// start per `auto.offset.reset` unless [`Consumer::seek`] says otherwise.
    ///
    /// With a `group.id` and `enable.auto.commit=true` (as in the Java client), the positions
    /// are committed every `auto.commit.interval.ms` and on [`Consumer::close`]; the group is
    /// only used to store offsets, no member joins it. Assigning rules out subscribing on the
    /// same consumer.
    pub fn assign<P: Into<TopicPartition>>(&self, partitions: impl IntoIterator<Item = P>) {
        self.start_assigned_auto_commit();
        let wanted: Vec<TopicPartition> = partitions.into_iter().map(Into::into).collect();
        let topics: Vec<&str> = wanted.iter().map(|tp| &*tp.topic).collect();
        self.shared.cluster.track_topics(topics);
        let reset = self.shared.config.auto_offset_reset;
        let mut state = self.shared.lock();
        let gone: Vec<TopicPartition> = state.partitions.keys().filter(|tp| !wanted.contains(tp)).cloned().collect();
        let unassigned = !gone.is_empty();
        for tp in gone {
            state.drop_buffered(&tp);
            state.partitions.remove(&tp);
        }
        for tp in wanted {
            // With auto.offset.reset=none a partition waits for a seek.
            let reset = (reset != OffsetReset::None).then_some(reset);
            state.partitions.entry(tp).or_insert_with(|| PartitionState { reset, ..Default::default() });
        }
        drop(state);
        if unassigned {
            // Their partition streams end.
            self.shared.data.notify_waiters();
        }
        self.shared.cluster_needs_refresh();
    }

    /// The assigned partitions.
    pub fn assignment(&self) -> Vec<TopicPartition> {
        let mut v: Vec<TopicPartition> = self.shared.lock().partitions.keys().cloned().collect();
        v.sort();
        v
    }

    fn with_partition<R>(
        &self,
        topic: &str,
        partition: i32,
        f: impl FnOnce(&mut State, &TopicPartition) -> R,
    ) -> Result<R> {
        let tp = TopicPartition::new(topic, partition);
        let mut state = self.shared.lock();
        if !state.partitions.contains_key(&tp) {
            return Err(Error::kafka(
                kfk_protocol::ErrorCode::UNKNOWN_TOPIC_OR_PARTITION,
                Some("the partition is not assigned to this consumer".into()),
                ErrorContext::for_partition(&tp),
            ));
        }
        let r = f(&mut state, &tp);
        drop(state);
        self.shared.wake.notify_one();
        Ok(r)
    }

    /// Moves the position of an assigned partition: the next poll returns records from `offset`.
    pub fn seek(&self, topic: &str, partition: i32, offset: i64) -> Result<()> {
        self.with_partition(topic, partition, |state, tp| {
            state.drop_buffered(tp);
            if let Some(p) = state.partitions.get_mut(tp) {
                p.position = Some(offset);
                p.offset_epoch = None;
                p.reset = None;
                p.fetch.progressed();
            }
        })
    }

    fn seek_to<P: Into<TopicPartition>>(
        &self,
        partitions: impl IntoIterator<Item = P>,
        reset: OffsetReset,
    ) -> Result<()> {
        for tp in partitions {
            let tp: TopicPartition = tp.into();
            self.with_partition(&tp.topic, tp.partition, |state, tp| {
                state.drop_buffered(tp);
                if let Some(p) = state.partitions.get_mut(tp) {
                    p.position = None;
                    p.offset_epoch = None;
                    p.reset = Some(reset);
                    p.fetch.progressed();
                }
            })?;
        }
        Ok(())
    }

    /// Moves positions to the log start (evaluated lazily, on the next fetch).
    pub fn seek_to_beginning<P: Into<TopicPartition>>(&self, partitions: impl IntoIterator<Item = P>) -> Result<()> {
        self.seek_to(partitions, OffsetReset::Earliest)
    }

    /// Moves positions to the log end (evaluated lazily, on the next fetch).
    pub fn seek_to_end<P: Into<TopicPartition>>(&self, partitions: impl IntoIterator<Item = P>) -> Result<()> {
        self.seek_to(partitions, OffsetReset::Latest)
    }

    /// The position of an assigned partition: the offset of the next record to be returned,
    /// finding it first (per `auto.offset.reset`) if needed, waiting at most `timeout`.
    pub async fn position(&self, topic: &str, partition: i32, timeout: Duration) -> Result<i64> {
        let started = Instant::now();
        let deadline = started + timeout;
        loop {
            let notified = self.shared.data.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            let position = self.with_partition(topic, partition, |state, tp| {
                state.partitions.get(tp).map(|p| (p.position, p.reset))
            })?;
            match position {
                Some((Some(offset), _)) => return Ok(offset),
                Some((None, None | Some(OffsetReset::None))) => {
                    return Err(Error::kafka(
                        kfk_protocol::ErrorCode::OFFSET_OUT_OF_RANGE,
                        Some("no position and auto.offset.reset=none; seek first".into()),
                        ErrorContext::default().with_partition(topic, partition),
                    ))
                }
                _ => {}
            }
            if tokio::time::timeout_at(deadline.into(), notified).await.is_err() {
                // Time alone says little: name what the fetcher last ran into (an unreachable
                // broker, a missing leader), as the producer's metadata wait does.
                let what = match self.shared.last_failure() {
                    Some(last) => format!("the position of {topic}-{partition}; last failure: {last}"),
                    None => format!("the position of {topic}-{partition}"),
                };
                return Err(Error::Timeout { what, after: started.elapsed() });
            }
        }
    }

    /// For each partition, the earliest offset whose timestamp is at or after `timestamp` (ms
    /// since the epoch), with that record's timestamp; `None` when no such record exists.
    /// Partitions need not be assigned. Waits at most `default.api.timeout.ms`.
    pub async fn offsets_for_times<P: Into<TopicPartition>>(
        &self,
        partitions: impl IntoIterator<Item = P>,
        timestamp: i64,
    ) -> Result<Vec<Option<(i64, i64)>>> {
        let tps: Vec<TopicPartition> = partitions.into_iter().map(Into::into).collect();
        let timeout = self.shared.config.default_api_timeout;
        let found = log_offsets::list(&self.shared, &tps, Spec::Time(timestamp), timeout).await?;
        Ok(tps.iter().map(|tp| found.get(tp).copied().flatten()).collect())
    }

    /// The first offset of each partition's log (its log start offset), as Java's
    /// `beginningOffsets`. Partitions need not be assigned; one request goes to each leader.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # stub.create_topic("orders", 2)?;
    /// # let bootstrap = stub.bootstrap();
    /// use std::time::Duration;
    /// use kfk_client::config::ConsumerConfig;
    /// use kfk_client::consumer::{Consumer, TopicPartition};
    ///
    /// let consumer = Consumer::new(ConsumerConfig::new(&bootstrap))?;
    /// let partitions = [TopicPartition::new("orders", 0), TopicPartition::new("orders", 1)];
    /// let start = consumer.beginning_offsets(&partitions, Duration::from_secs(5)).await?;
    /// let end = consumer.end_offsets(&partitions, Duration::from_secs(5)).await?;
    /// let total: i64 = partitions.iter().map(|tp| end[tp] - start[tp]).sum();
    /// assert_eq!(total, 0);
    /// # Ok(()) }
    /// ```
    pub async fn beginning_offsets<P: Into<TopicPartition>>(
        &self,
        partitions: impl IntoIterator<Item = P>,
        timeout: Duration,
    ) -> Result<HashMap<TopicPartition, i64>> {
        self.log_offsets(partitions, Spec::Earliest, timeout).await
    }

    /// The end of each partition's log, as Java's `endOffsets`: the offset the next record
    /// written will get (the high watermark), or under `isolation.level=read_committed` the
    /// last stable offset (the first offset of a transaction still open). Partitions need not
    /// be assigned.
    pub async fn end_offsets<P: Into<TopicPartition>>(
        &self,
        partitions: impl IntoIterator<Item = P>,
        timeout: Duration,
    ) -> Result<HashMap<TopicPartition, i64>> {
        self.log_offsets(partitions, Spec::Latest, timeout).await
    }

    async fn log_offsets<P: Into<TopicPartition>>(
        &self,
        partitions: impl IntoIterator<Item = P>,
        spec: Spec,
        timeout: Duration,
    ) -> Result<HashMap<TopicPartition, i64>> {
        let tps: Vec<TopicPartition> = partitions.into_iter().map(Into::into).collect();
        let found = log_offsets::list(&self.shared, &tps, spec, timeout).await?;
        Ok(found.into_iter().map(|(tp, offset)| (tp, offset.map_or(-1, |(offset, _)| offset))).collect())
    }

    /// How far an assigned partition's position is behind the end of its log, as of the last
    /// fetch (no request is sent), as Java's `currentLag`: the high watermark (the last stable
    /// offset under `read_committed`) minus the position. `None` until the partition has a
    /// position and a fetch has answered for it, or when it is not assigned.
    pub fn current_lag(&self, partition: impl Into<TopicPartition>) -> Option<i64> {
        let tp = partition.into();
        let state = self.shared.lock();
        let p = state.partitions.get(&tp)?;
        let end = match self.shared.config.isolation_level {
            crate::config::IsolationLevel::ReadCommitted => p.last_stable_offset?,
            crate::config::IsolationLevel::ReadUncommitted => p.high_watermark?,
        };
        Some((end - p.position?).max(0))
    }

    /// Stops returning records of these partitions (fetched data is kept out of poll) until
    /// [`Consumer::resume`].
    pub fn pause<P: Into<TopicPartition>>(&self, partitions: impl IntoIterator<Item = P>) -> Result<()> {
        for tp in partitions {
            let tp: TopicPartition = tp.into();
            self.with_partition(&tp.topic, tp.partition, |state, tp| {
                state.drop_buffered(tp);
                if let Some(p) = state.partitions.get_mut(tp) {
                    p.fetch.set_paused(true);
                }
            })?;
        }
        Ok(())
    }

    /// Resumes paused partitions.
    pub fn resume<P: Into<TopicPartition>>(&self, partitions: impl IntoIterator<Item = P>) -> Result<()> {
        for tp in partitions {
            let tp: TopicPartition = tp.into();
            self.with_partition(&tp.topic, tp.partition, |state, tp| {
                if let Some(p) = state.partitions.get_mut(tp) {
                    p.fetch.set_paused(false);
                }
            })?;
        }
        Ok(())
    }

    /// The paused partitions.
    pub fn paused(&self) -> Vec<TopicPartition> {
        let mut v: Vec<TopicPartition> = self
            .shared
            .lock()
            .partitions
            .iter()
            .filter(|(_, p)| p.fetch.is_paused())
            .map(|(tp, _)| tp.clone())
            .collect();
        v.sort();
        v
    }

    /// Up to `max.poll.records` records, waiting at most `timeout` for some to arrive (an empty
    /// batch when none did). Fails with what went wrong fetching (corrupt data, an offset out
    /// of range under `auto.offset.reset=none`, authorization...), with [`Error::Wakeup`] after
    /// [`Consumer::wakeup`], and with [`Error::Closed`] once the consumer is closed.
    pub async fn poll(&self, timeout: Duration) -> Result<Vec<ConsumerRecord>> {
        let max = self.shared.config.max_poll_records;
        let options = self.parse_options();
        if let Some(left) = self.take_intercepted(max) {
            return Ok(left);
        }
        let records = self
            .wait_for(Some(Instant::now() + timeout), |state| {
                let mut out = Vec::new();
                state.drain(max, &options, &mut out);
                (!out.is_empty()).then_some(out)
            })
            .await?;
        let mut records = records.unwrap_or_default();
        let interceptors = &self.shared.config.interceptors;
        // As Java: the interceptors see what a poll returns, never an empty poll.
        if !interceptors.is_empty() && !records.is_empty() {
            interceptors.on_consume(&mut records);
        }
        Ok(records)
    }

    /// Records an interceptor added while `recv` handed out one at a time, not handed out yet
    /// (at most `max`); they go before anything fetched since.
    fn take_intercepted(&self, max: usize) -> Option<Vec<ConsumerRecord>> {
        if self.shared.config.interceptors.is_empty() {
            return None;
        }
        let mut left = self.shared.intercepted.lock().unwrap_or_else(|p| p.into_inner());
        if left.is_empty() {
            return None;
        }
        let n = left.len().min(max.max(1));
        Some(left.drain(..n).collect())
    }

    /// The next record, waiting until one arrives; fails as [`Consumer::poll`] does. Records
    /// come in the same order as from `poll`, one at a time and without allocating; a record
    /// counts as consumed (for [`Consumer::commit`]) once returned.
    pub async fn recv(&self) -> Result<ConsumerRecord> {
        let options = self.parse_options();
        loop {
            if let Some(record) = self.take_intercepted(1).and_then(|mut left| left.pop()) {
                return Ok(record);
            }
            let record = self.wait_for(None, |state| state.drain_one(&options)).await?;
            let record = record.expect("a wait without a deadline ends with a record or an error");
            let interceptors = &self.shared.config.interceptors;
            if interceptors.is_empty() {
                return Ok(record);
            }
            let mut records = vec![record];
            interceptors.on_consume(&mut records);
            let mut records = records.into_iter();
            if let Some(first) = records.next() {
                self.shared.intercepted.lock().unwrap_or_else(|p| p.into_inner()).extend(records);
                return Ok(first);
            }
            // The interceptors dropped it: wait for the next one.
        }
    }

    /// The records as a stream, which wakes as soon as records arrive (as [`Consumer::recv`]).
    /// Fetching errors are yielded as items and the stream goes on; it ends when the consumer
    /// closes. The stream is `Unpin` and `Send`, so `stream.next().await` works without pinning.
    pub fn stream(&self) -> RecordStream<'_> {
        RecordStream::new(self)
    }

    /// Splits `partition` off into a [`PartitionStream`] of its own, so partitions can be
    /// processed in parallel tasks, each in offset order (rust-rdkafka's
    /// `split_partition_queue`). From now on `poll`, `recv` and [`Consumer::stream`] hand out
    /// none of its records; its stream does, from the partition's position, and moves the
    /// position as it goes (so [`Consumer::commit`] and [`Consumer::commit_record`] work as
    /// before). The stream ends (`None`) when the partition is revoked, lost or unassigned, or
    /// the consumer closes; split again after it is assigned again (in
    /// `on_partitions_assigned`, for instance). Dropping the stream gives the partition back
    /// to `poll`. [`Consumer::wakeup`] does not interrupt it.
    ///
    /// Fails with UNKNOWN_TOPIC_OR_PARTITION if the partition is not assigned, INVALID_REQUEST
    /// if it is already split (drop the other stream first).
    ///
    /// ```
    /// use futures_util::StreamExt;
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # stub.create_topic("orders", 2)?;
    /// # let producer = kfk_client::producer::Producer::new(
    /// #     kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).build()?,
    /// # )?;
    /// # for (p, v) in [(0, "a"), (1, "b"), (0, "c")] {
    /// #     producer.send(kfk_client::producer::ProducerRecord::new("orders").partition(p).value(v)).await?;
    /// # }
    /// # let consumer = kfk_client::consumer::Consumer::new(
    /// #     kfk_client::config::ConsumerConfig::builder()
    /// #         .bootstrap_servers(stub.bootstrap())
    /// #         .group_id("billing")
    /// #         .auto_offset_reset(kfk_client::config::OffsetReset::Earliest)
    /// #         .build()?,
    /// # )?;
    /// consumer.assign([("orders", 0), ("orders", 1)]);
    /// let mut tasks = Vec::new();
    /// for partition in consumer.assignment() {
    ///     let mut records = consumer.partition_stream(partition)?;
    ///     let consumer = consumer.clone();
    ///     tasks.push(tokio::spawn(async move {
    ///         // A service reads on while the partition is assigned; this one stops after one.
    ///         if let Some(record) = records.next().await {
    ///             let record = record?;
    ///             // ... process it, in this partition's order ...
    ///             consumer.commit_record(&record).await?;
    ///         }
    ///         Ok::<_, kfk_client::Error>(())
    ///     }));
    /// }
    /// # let tasks = async { for task in tasks { task.await??; } Ok::<_, Box<dyn std::error::Error>>(()) };
    /// # tokio::time::timeout(std::time::Duration::from_secs(30), tasks).await??;
    /// # Ok(()) }
    /// ```
    pub fn partition_stream(&self, partition: impl Into<TopicPartition>) -> Result<PartitionStream> {
        let tp: TopicPartition = partition.into();
        let mut state = self.shared.lock();
        state.last_split += 1;
        let token = state.last_split;
        match state.partitions.get_mut(&tp) {
            None => {
                return Err(Error::kafka(
                    kfk_protocol::ErrorCode::UNKNOWN_TOPIC_OR_PARTITION,
                    Some("the partition is not assigned to this consumer: split it once assigned".into()),
                    ErrorContext::for_partition(&tp).with_detail("for partition_stream"),
                ))
            }
            Some(p) if p.split.is_some() => {
                return Err(Error::kafka(
                    kfk_protocol::ErrorCode::INVALID_REQUEST,
                    Some("the partition is already split: drop its other stream first".into()),
                    ErrorContext::for_partition(&tp).with_detail("for partition_stream"),
                ))
            }
            Some(p) => p.split = Some(token),
        }
        drop(state);
        let view = Consumer { shared: self.shared.clone(), _last: None };
        Ok(PartitionStream::new(view, tp, token, self.parse_options()))
    }

    /// Makes a `poll` or `recv` that is waiting return [`Error::Wakeup`] at once, or, if none
    /// is waiting, the next one (as Java's `wakeup`). Use it to stop a consume loop from
    /// another task or a signal handler without closing the consumer.
    pub fn wakeup(&self) {
        self.shared.woken.store(true, Ordering::SeqCst);
        self.shared.data.notify_waiters();
    }

    fn parse_options(&self) -> ParseOptions {
        ParseOptions { verify_crc: self.shared.config.check_crcs, ..ParseOptions::default() }
    }

    /// Waits until `take` finds something in the consumer's state, an error is due, or
    /// `deadline` passes (`Ok(None)`). Each call is one poll for `time-between-poll-*` and
    /// `poll-idle-ratio-avg`.
    async fn wait_for<R>(
        &self,
        deadline: Option<Instant>,
        take: impl FnMut(&mut State) -> Option<R>,
    ) -> Result<Option<R>> {
        let sensors = self.shared.cluster.metrics().consumer();
        let poll = sensors.poll_started();
        let result = self.wait_in_poll(deadline, take).await;
        sensors.poll_ended(poll);
        result
    }

    async fn wait_in_poll<R>(
        &self,
        deadline: Option<Instant>,
        mut take: impl FnMut(&mut State) -> Option<R>,
    ) -> Result<Option<R>> {
        if self.shared.is_closed() {
            return Err(Error::Closed);
        }
        *self.shared.last_poll.lock().unwrap_or_else(|p| p.into_inner()) = Instant::now();
        loop {
            let notified = self.shared.data.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.shared.woken.swap(false, Ordering::SeqCst) {
                return Err(Error::Wakeup);
            }
            {
                let mut state = self.shared.lock();
                if let Some(e) = state.errors.pop_front() {
                    return Err(e);
                }
                if let Some(tp) =
                    state.partitions.iter().find(|(_, p)| p.position.is_none() && p.reset.is_none()).map(|(tp, _)| tp)
                {
                    return Err(Error::kafka(
                        kfk_protocol::ErrorCode::OFFSET_OUT_OF_RANGE,
                        Some("no position and auto.offset.reset=none: seek first".into()),
                        ErrorContext::for_partition(tp),
                    ));
                }
                let found = take(&mut state);
                if found.is_none() {
                    if let Some(e) = state.errors.pop_front() {
                        return Err(e);
                    }
                }
                if found.is_some() {
                    drop(state);
                    self.shared.wake.notify_one();
                    return Ok(found);
                }
            }
            self.shared.wake.notify_one();
            match deadline {
                Some(deadline) => {
                    if tokio::time::timeout_at(deadline.into(), notified).await.is_err() {
                        return Ok(None);
                    }
                }
                None => {
                    tokio::select! {
                        _ = notified => {}
                        _ = self.shared.closed_signal() => return Err(Error::Closed),
                    }
                }
            }
        }
    }

    /// Leaves the group (committing first with auto-commit on, also for assigned partitions),
    /// stops the fetcher and closes the connections, waiting at most 30 seconds for the group
    /// to be left (as Java's `close()`); see [`Consumer::close_with_timeout`].
    pub async fn close(&self) {
        self.close_with_timeout(Duration::from_secs(30)).await
    }

    /// As [`Consumer::close`], waiting at most `timeout` for the revocation callbacks, the
    /// final commit and the LeaveGroup; past it, the member is left to expire with its session.
    pub async fn close_with_timeout(&self, timeout: Duration) {
        let started = Instant::now();
        let first = !self.shared.closed.swap(true, Ordering::SeqCst);
        self.shared.wake.notify_one();
        self.shared.closed_notify.notify_waiters();
        self.shared.data.notify_waiters();
        let task = self.shared.group_task.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(task) = task {
            task.stop.set();
            if tokio::time::timeout(timeout, task.handle).await.is_err() {
                warn!(?timeout, "the group was not left within the close timeout; the member expires with its session");
            }
        }
        // The terminating metrics push (KIP-714), with what is left of the close timeout.
        if let Some(last) = &self._last {
            last.1.close(timeout.saturating_sub(started.elapsed())).await;
        }
        self.shared.cluster.close(Duration::from_millis(100)).await;
        if first {
            self.shared.config.interceptors.on_close();
        }
    }

    /// Leaves the group, or stops the auto-commit of assigned partitions, and drops the whole
    /// assignment, as Java's `unsubscribe`: the rebalance listener is told the partitions are
    /// revoked and, with auto-commit on, their positions are committed first. The consumer
    /// stays open: [`Consumer::subscribe`] or [`Consumer::assign`] may follow. Waits at most
    /// `default.api.timeout.ms` for the group to be left, then fails saying so (the member
    /// then expires with its session).
    pub async fn unsubscribe(&self) -> Result<()> {
        let task = self.shared.group_task.lock().unwrap_or_else(|p| p.into_inner()).take();
        let mut result = Ok(());
        if let Some(mut task) = task {
            task.stop.set();
            let timeout = self.shared.config.default_api_timeout;
            if tokio::time::timeout(timeout, &mut task.handle).await.is_err() {
                task.handle.abort();
                result = Err(Error::Timeout {
                    what: format!(
                        "leaving group {} (default.api.timeout.ms); the member expires with its session",
                        self.membership().group_id
                    ),
                    after: timeout,
                });
            }
        }
        let mut state = self.shared.lock();
        let assigned: Vec<TopicPartition> = state.partitions.keys().cloned().collect();
        for tp in &assigned {
            state.drop_buffered(tp);
        }
        state.partitions.clear();
        drop(state);
        self.shared.update_membership(|m| *m = Membership { generation: -1, ..Membership::default() });
        self.shared.wake.notify_one();
        result
    }

    /// How the Fetch requests went so far: how many, how many were incremental (KIP-227 fetch
    /// sessions), how many sessions were reset after an error.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # stub.create_topic("orders", 2)?;
    /// # let producer = kfk_client::producer::Producer::new(
    /// #     kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).build()?,
    /// # )?;
    /// # for (p, v) in [(0, "a"), (1, "b"), (0, "c")] {
    /// #     producer.send(kfk_client::producer::ProducerRecord::new("orders").partition(p).value(v)).await?;
    /// # }
    /// # let consumer = kfk_client::consumer::Consumer::new(
    /// #     kfk_client::config::ConsumerConfig::builder()
    /// #         .bootstrap_servers(stub.bootstrap())
    /// #         .group_id("billing")
    /// #         .auto_offset_reset(kfk_client::config::OffsetReset::Earliest)
    /// #         .build()?,
    /// # )?;
    /// consumer.assign([("orders", 0), ("orders", 1)]);
    /// consumer.recv().await?;
    /// let stats = consumer.fetch_stats();
    /// assert!(stats.requests >= 1 && stats.incremental <= stats.requests);
    /// println!("{} of {} fetches were incremental", stats.incremental, stats.requests);
    /// # Ok(()) }
    /// ```
    pub fn fetch_stats(&self) -> FetchStats {
        self.shared.fetch_counters.snapshot()
    }

    /// The configuration.
    pub fn config(&self) -> &ConsumerConfig {
        &self.shared.config
    }

    /// Joins the consumer group (`group.id`) and consumes the partitions of `topics` the group
    /// assigns to this member; the assignment changes as members come and go.
    pub fn subscribe<T: AsRef<str>>(&self, topics: impl IntoIterator<Item = T>) -> Result<()> {
        self.subscribe_inner(Subscription::Topics(topics.into_iter().map(|t| t.as_ref().to_string()).collect()), None)
    }

    /// As [`Consumer::subscribe`], with a listener told about assignments and revocations.
    pub fn subscribe_with_listener<T: AsRef<str>>(
        &self,
        topics: impl IntoIterator<Item = T>,
        listener: impl RebalanceListener,
    ) -> Result<()> {
        let topics = Subscription::Topics(topics.into_iter().map(|t| t.as_ref().to_string()).collect());
        self.subscribe_inner(topics, Some(Arc::new(listener)))
    }

    /// Joins the consumer group and consumes every topic whose whole name matches the regular
    /// expression `pattern` (internal topics excepted). The cluster's topics are listed again
    /// every `metadata.max.age.ms`; when the matching set changes, the member rejoins so the
    /// group reassigns partitions.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # stub.create_topic("orders", 2)?;
    /// # let producer = kfk_client::producer::Producer::new(
    /// #     kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).build()?,
    /// # )?;
    /// # for (p, v) in [(0, "a"), (1, "b"), (0, "c")] {
    /// #     producer.send(kfk_client::producer::ProducerRecord::new("orders").partition(p).value(v)).await?;
    /// # }
    /// # let consumer = kfk_client::consumer::Consumer::new(
    /// #     kfk_client::config::ConsumerConfig::builder()
    /// #         .bootstrap_servers(stub.bootstrap())
    /// #         .group_id("billing")
    /// #         .auto_offset_reset(kfk_client::config::OffsetReset::Earliest)
    /// #         .build()?,
    /// # )?;
    /// consumer.subscribe_pattern("ord.*")?;
    /// let record = consumer.recv().await?; // the group assigned both partitions of "orders"
    /// assert_eq!(&*record.topic, "orders");
    /// # Ok(()) }
    /// ```
    pub fn subscribe_pattern(&self, pattern: &str) -> Result<()> {
        self.subscribe_inner(Subscription::pattern(pattern)?, None)
    }

    /// As [`Consumer::subscribe_pattern`], with a listener.
    pub fn subscribe_pattern_with_listener(&self, pattern: &str, listener: impl RebalanceListener) -> Result<()> {
        self.subscribe_inner(Subscription::pattern(pattern)?, Some(Arc::new(listener)))
    }

    /// Starts committing the positions of manually assigned partitions in the background, when
    /// the configuration asks for auto-commit in a group and nothing else runs for the group.
    fn start_assigned_auto_commit(&self) {
        let Some(group_id) = self.shared.config.group_id.clone() else { return };
        if !self.shared.config.group.enable_auto_commit {
            return;
        }
        let mut task = self.shared.group_task.lock().unwrap_or_else(|p| p.into_inner());
        if task.is_some() {
            return;
        }
        self.shared.update_membership(|m| m.group_id = group_id);
        let view = Consumer { shared: self.shared.clone(), _last: None };
        let stop = Arc::new(Stop::default());
        let stopped = stop.clone();
        let handle = tokio::spawn(async move {
            let interval = view.config().group.auto_commit_interval;
            while !view.shared.is_closed() && !stopped.is_set() {
                tokio::select! {
                    _ = tokio::time::sleep(interval) => {}
                    _ = view.shared.closed_signal() => break,
                    _ = stopped.signal() => break,
                }
                if let Err(e) = view.commit_positions_once().await {
                    debug!(error = %e, "auto-commit of assigned partitions failed; retried at the next interval");
                }
            }
            if let Err(e) = view.commit_positions_once().await {
                warn!(error = %e, "commit on close failed");
            }
        });
        *task = Some(GroupTask { handle, stop, kind: GroupTaskKind::AssignedAutoCommit });
    }

    fn subscribe_inner(&self, subscription: Subscription, listener: Option<Arc<dyn RebalanceListener>>) -> Result<()> {
        let Some(group_id) = self.shared.config.group_id.clone() else {
            return Err(Error::Config(crate::error::ConfigError::Missing { key: "group.id".into() }));
        };
        let mut task = self.shared.group_task.lock().unwrap_or_else(|p| p.into_inner());
        if task.is_some() {
            return Err(Error::kafka(
                kfk_protocol::ErrorCode::INVALID_REQUEST,
                Some(
                    "already subscribed, or assigned partitions with auto-commit in the group: unsubscribe first"
                        .into(),
                ),
                group_id,
            ));
        }
        self.shared.update_membership(|m| {
            m.group_id = group_id.clone();
            m.instance_id = self.shared.config.group.instance_id.clone();
        });
        match &subscription {
            Subscription::Topics(topics) => {
                self.shared.cluster.track_topics(topics.iter().map(String::as_str));
            }
            Subscription::Pattern(_) => self.shared.cluster.set_auto_create_topics(false),
        }
        let stop = Arc::new(Stop::default());
        let rejoin = Arc::new(rejoin::RejoinRequest::default());
        let view: Arc<dyn GroupHost> = Arc::new(GroupView {
            consumer: Consumer { shared: self.shared.clone(), _last: None },
            listener,
            stop: stop.clone(),
            rejoin: rejoin.clone(),
        });
        let handle = match self.shared.config.group.protocol {
            GroupProtocol::Classic => {
                // `validate` made sure every name resolves.
                let group = &self.shared.config.group;
                let assignors: Vec<Arc<dyn assignor::Assignor>> =
                    group.assignment_strategies.iter().filter_map(|n| group.assignor(n)).collect();
                (tokio::spawn(Member::new(view, subscription, assignors).run()), GroupTaskKind::Classic(rejoin))
            }
            GroupProtocol::Consumer => (
                tokio::spawn(consumer_protocol::Member::new(view, subscription).run()),
                GroupTaskKind::ConsumerProtocol,
            ),
        };
        let (handle, kind) = handle;
        *task = Some(GroupTask { handle, stop, kind });
        Ok(())
    }

    /// Asks the group for a new rebalance, as Java's `enforceRebalance(reason)`: with the
    /// classic protocol this member rejoins at once (the group task does not wait for the next
    /// poll; it runs beside the application), `reason` travels in its JoinGroup (KIP-800, shown
    /// by the broker's logs), and the group moves to a new generation
    /// ([`Membership::generation`]). Under the eager protocol every member revokes and is
    /// assigned again (the listener hears both); under the cooperative one members keep their
    /// partitions and revoke only what the new assignment moves. Useful when an assignor's
    /// input changed outside the group's view (its user data); otherwise a rebalance only
    /// costs a pause. Returns before the rebalance happens; calls made before the member
    /// rejoined count once.
    ///
    /// Errors ([`EnforceRebalanceError`](crate::error::EnforceRebalanceError)): `NotSubscribed`
    /// without a subscription (Java throws `IllegalStateException`); `ConsumerProtocol` with
    /// `group.protocol=consumer` (KIP-848), where a member cannot ask for a rebalance: Java's
    /// consumer logs a warning and does nothing, this one says so and does nothing.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # stub.create_topic("orders", 2)?;
    /// # let producer = kfk_client::producer::Producer::new(
    /// #     kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).build()?,
    /// # )?;
    /// # for (p, v) in [(0, "a"), (1, "b"), (0, "c")] {
    /// #     producer.send(kfk_client::producer::ProducerRecord::new("orders").partition(p).value(v)).await?;
    /// # }
    /// # let consumer = kfk_client::consumer::Consumer::new(
    /// #     kfk_client::config::ConsumerConfig::builder()
    /// #         .bootstrap_servers(stub.bootstrap())
    /// #         .group_id("billing")
    /// #         .auto_offset_reset(kfk_client::config::OffsetReset::Earliest)
    /// #         .build()?,
    /// # )?;
    /// consumer.subscribe(["orders"])?;
    /// consumer.recv().await?; // joined
    /// // ... the assignor's user data changed (say, this member's capacity) ...
    /// consumer.enforce_rebalance("capacity changed")?;
    /// # Ok(()) }
    /// ```
    pub fn enforce_rebalance(&self, reason: &str) -> Result<()> {
        use crate::error::EnforceRebalanceError;
        let task = self.shared.group_task.lock().unwrap_or_else(|p| p.into_inner());
        match task.as_ref().map(|t| &t.kind) {
            Some(GroupTaskKind::Classic(rejoin)) => {
                // Java's reason when the caller gives none.
                let reason = if reason.is_empty() { "rebalance enforced by user" } else { reason };
                rejoin.request(reason.to_string());
                Ok(())
            }
            Some(GroupTaskKind::ConsumerProtocol) => {
                Err(EnforceRebalanceError::ConsumerProtocol { group: self.membership().group_id }.into())
            }
            Some(GroupTaskKind::AssignedAutoCommit) | None => Err(EnforceRebalanceError::NotSubscribed.into()),
        }
    }

    /// Who this consumer is in its group.
    pub fn membership(&self) -> Membership {
        self.shared.membership.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Runs `request` on the coordinator of `group` (cached by the cluster), forgetting the
    /// coordinator when the error says it moved.
    async fn on_coordinator<T, F, Fut>(&self, group: &str, request: F) -> Result<T>
    where
        F: FnOnce(Connection) -> Fut,
        Fut: std::future::Future<Output = Result<T>>,
    {
        let cluster = &self.shared.cluster;
        let result = match cluster.coordinator(CoordinatorType::Group, group).await {
            Ok((_, conn)) => request(conn).await,
            Err(e) => Err(e),
        };
        if let Err(e) = &result {
            cluster.coordinator_failed(CoordinatorType::Group, group, e);
        }
        result
    }

    /// Commits the positions of every assigned partition: the next offset each will return,
    /// so only records already handed out by `poll` count as consumed. Each carries the leader
    /// epoch of the last record handed out, for the next owner to validate (KIP-320).
    pub async fn commit(&self) -> Result<()> {
        let offsets = self.positions();
        self.commit_positions(&offsets).await
    }

    /// Commits the given offsets (the next offset to read, per partition).
    pub async fn commit_offsets(&self, offsets: &[(&str, i32, i64)]) -> Result<()> {
        let offsets: Vec<(TopicPartition, OffsetAndMetadata)> =
            offsets.iter().map(|(t, p, o)| (TopicPartition::new(t, *p), OffsetAndMetadata::new(*o))).collect();
        self.commit_positions(&offsets).await
    }

    /// Commits the given offsets with their metadata and leader epochs.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # stub.create_topic("orders", 2)?;
    /// # let producer = kfk_client::producer::Producer::new(
    /// #     kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).build()?,
    /// # )?;
    /// # for (p, v) in [(0, "a"), (1, "b"), (0, "c")] {
    /// #     producer.send(kfk_client::producer::ProducerRecord::new("orders").partition(p).value(v)).await?;
    /// # }
    /// # let consumer = kfk_client::consumer::Consumer::new(
    /// #     kfk_client::config::ConsumerConfig::builder()
    /// #         .bootstrap_servers(stub.bootstrap())
    /// #         .group_id("billing")
    /// #         .auto_offset_reset(kfk_client::config::OffsetReset::Earliest)
    /// #         .build()?,
    /// # )?;
    /// use kfk_client::consumer::OffsetAndMetadata;
    ///
    /// consumer.commit_with_metadata(&[("orders", 0, OffsetAndMetadata::new(1200).with_metadata("checkpoint 12"))]).await?;
    /// let committed = consumer.committed_with_metadata(&[("orders", 0)]).await?;
    /// assert_eq!(committed[0].as_ref().map(|c| c.metadata.as_str()), Some("checkpoint 12"));
    /// # Ok(()) }
    /// ```
    pub async fn commit_with_metadata(&self, offsets: &[(&str, i32, OffsetAndMetadata)]) -> Result<()> {
        let offsets: Vec<(TopicPartition, OffsetAndMetadata)> =
            offsets.iter().map(|(t, p, o)| (TopicPartition::new(t, *p), o.clone())).collect();
        self.commit_positions(&offsets).await
    }

    /// Commits the positions of every assigned partition, as [`Consumer::commit`], without
    /// waiting (Java's `commitAsync`): the offsets are taken now, the commit is queued and sent
    /// in order after any earlier one, and the returned handle completes with its outcome.
    /// Drop the handle to fire and forget; a failure then only shows in the log, so commit
    /// synchronously before closing or handing partitions over.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # stub.create_topic("orders", 2)?;
    /// # let producer = kfk_client::producer::Producer::new(
    /// #     kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).build()?,
    /// # )?;
    /// # for (p, v) in [(0, "a"), (1, "b"), (0, "c")] {
    /// #     producer.send(kfk_client::producer::ProducerRecord::new("orders").partition(p).value(v)).await?;
    /// # }
    /// # let consumer = kfk_client::consumer::Consumer::new(
    /// #     kfk_client::config::ConsumerConfig::builder()
    /// #         .bootstrap_servers(stub.bootstrap())
    /// #         .group_id("billing")
    /// #         .auto_offset_reset(kfk_client::config::OffsetReset::Earliest)
    /// #         .build()?,
    /// # )?;
    /// consumer.subscribe(["orders"])?;
    /// loop {
    ///     let records = consumer.poll(std::time::Duration::from_secs(1)).await?;
    ///     // ... process them ...
    ///     let _ = consumer.commit_async(); // the next poll does not wait for the commit
    /// #   break;
    /// }
    /// consumer.commit().await?; // before closing: wait for the last one
    /// # Ok(()) }
    /// ```
    pub fn commit_async(&self) -> CommitHandle {
        let offsets = self.positions();
        let (done, outcome) = tokio::sync::oneshot::channel();
        let mut queue = self.shared.commit_queue.lock().unwrap_or_else(|p| p.into_inner());
        let tx =
            queue.get_or_insert_with(|| async_commit::start(Consumer { shared: self.shared.clone(), _last: None }));
        if let Err(refused) = tx.send(async_commit::Queued { offsets, done }) {
            let _ = refused.0.done.send(Err(Error::Closed));
        }
        CommitHandle { done: outcome }
    }

    /// The position of every assigned partition, as a commit carries it.
    fn positions(&self) -> Vec<(TopicPartition, OffsetAndMetadata)> {
        let state = self.shared.lock();
        state
            .partitions
            .iter()
            .filter_map(|(tp, p)| {
                let offset = OffsetAndMetadata { leader_epoch: p.offset_epoch, ..OffsetAndMetadata::new(p.position?) };
                Some((tp.clone(), offset))
            })
            .collect()
    }

    /// Commits `record` as consumed: the offset after it, with its leader epoch, so that the
    /// group resumes at the next record (no need to remember `offset + 1`).
    pub async fn commit_record(&self, record: &ConsumerRecord) -> Result<()> {
        self.commit_records([record]).await
    }

    /// Commits `records` as consumed: per partition, the offset after the last of them (the
    /// highest offset, whatever their order), with that record's leader epoch.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # stub.create_topic("orders", 2)?;
    /// # let producer = kfk_client::producer::Producer::new(
    /// #     kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).build()?,
    /// # )?;
    /// # for (p, v) in [(0, "a"), (1, "b"), (0, "c")] {
    /// #     producer.send(kfk_client::producer::ProducerRecord::new("orders").partition(p).value(v)).await?;
    /// # }
    /// # let consumer = kfk_client::consumer::Consumer::new(
    /// #     kfk_client::config::ConsumerConfig::builder()
    /// #         .bootstrap_servers(stub.bootstrap())
    /// #         .group_id("billing")
    /// #         .auto_offset_reset(kfk_client::config::OffsetReset::Earliest)
    /// #         .build()?,
    /// # )?;
    /// consumer.subscribe(["orders"])?;
    /// let records = consumer.poll(std::time::Duration::from_secs(10)).await?;
    /// // ... process them ...
    /// consumer.commit_records(&records).await?;
    /// # Ok(()) }
    /// ```
    pub async fn commit_records<'r>(&self, records: impl IntoIterator<Item = &'r ConsumerRecord>) -> Result<()> {
        let mut next: HashMap<TopicPartition, OffsetAndMetadata> = HashMap::new();
        for record in records {
            let tp = TopicPartition { topic: record.topic.clone(), partition: record.partition };
            let offset =
                OffsetAndMetadata { leader_epoch: record.leader_epoch, ..OffsetAndMetadata::new(record.offset + 1) };
            let entry = next.entry(tp).or_insert_with(|| offset.clone());
            if offset.offset > entry.offset {
                *entry = offset;
            }
        }
        let offsets: Vec<(TopicPartition, OffsetAndMetadata)> = next.into_iter().collect();
        self.commit_positions(&offsets).await
    }

    /// Commits `offsets`, sending the commit again while the coordinator is not ready (a new
    /// cluster still creating `__consumer_offsets`, a coordinator loading or moving) or the
    /// request got no answer, as Java's `commitSync` does, until `default.api.timeout.ms`.
    /// Committing the same offsets twice is harmless. Anything else (a generation error, an
    /// unknown or unauthorized topic) goes to the caller at once.
    async fn commit_positions(&self, offsets: &[(TopicPartition, OffsetAndMetadata)]) -> Result<()> {
        let timeout = self.shared.config.default_api_timeout;
        let coordinator_not_ready = |e: &Error| match e.code() {
            Some(code) => matches!(
                code,
                kfk_protocol::ErrorCode::COORDINATOR_NOT_AVAILABLE
                    | kfk_protocol::ErrorCode::NOT_COORDINATOR
                    | kfk_protocol::ErrorCode::COORDINATOR_LOAD_IN_PROGRESS
                    | kfk_protocol::ErrorCode::REQUEST_TIMED_OUT
            ),
            None => e.is_retriable(),
        };
        Retry::new(self.shared.config.common.retry_backoff, Instant::now() + timeout)
            .unbounded_attempts()
            .give_up_before_deadline()
            .run(
                || self.commit_once(offsets),
                |e| if coordinator_not_ready(e) { Decision::Retry } else { Decision::Stop },
            )
            .await
            .map_err(|gave_up| {
                gave_up.last().unwrap_or_else(|| Error::Timeout {
                    what: format!(
                        "committing offsets of group {} (default.api.timeout.ms)",
                        self.membership().group_id
                    ),
                    after: timeout,
                })
            })
    }

    /// Commits the positions of every assigned partition in one attempt: what the group tasks
    /// do before a rebalance, which runs on its own clock (the rebalance timeout) and must not
    /// wait out `default.api.timeout.ms`.
    pub(crate) async fn commit_positions_once(&self) -> Result<()> {
        let offsets = self.positions();
        self.commit_once(&offsets).await
    }

    async fn commit_once(&self, offsets: &[(TopicPartition, OffsetAndMetadata)]) -> Result<()> {
        if self.shared.config.group_id.is_none() {
            return Err(Error::Config(crate::error::ConfigError::Missing { key: "group.id".into() }));
        }
        if offsets.is_empty() {
            return Ok(());
        }
        if self.membership().group_id.is_empty() {
            let group = self.shared.config.group_id.clone().unwrap_or_default();
            self.shared.update_membership(|m| m.group_id = group);
        }
        let member = &self.membership();
        let cluster = &self.shared.cluster;
        self.on_coordinator(
            &member.group_id,
            |conn| async move { offsets::commit(&conn, cluster, member, offsets).await },
        )
        .await?;
        let interceptors = &self.shared.config.interceptors;
        if !interceptors.is_empty() {
            interceptors.on_commit(offsets);
        }
        Ok(())
    }

    /// The committed offsets of `partitions` for this consumer's group (`None`: none).
    pub async fn committed<P: Into<TopicPartition>>(
        &self,
        partitions: impl IntoIterator<Item = P>,
    ) -> Result<Vec<Option<i64>>> {
        let committed = self.committed_with_metadata(partitions).await?;
        Ok(committed.into_iter().map(|c| c.map(|c| c.offset)).collect())
    }

    /// The committed offsets of `partitions`, with their leader epochs and metadata.
    pub async fn committed_with_metadata<P: Into<TopicPartition>>(
        &self,
        partitions: impl IntoIterator<Item = P>,
    ) -> Result<Vec<Option<OffsetAndMetadata>>> {
        let Some(group) = self.shared.config.group_id.clone() else {
            return Err(Error::Config(crate::error::ConfigError::Missing { key: "group.id".into() }));
        };
        let tps: Vec<TopicPartition> = partitions.into_iter().map(Into::into).collect();
        let timeout = self.shared.config.default_api_timeout;
        let cluster = &self.shared.cluster;
        let (group, tps) = (&group, &tps);
        // UNSTABLE_OFFSET_COMMIT: a transaction's offsets are being committed; they will be
        // stable in a moment. Coordinator moves and loads also pass. Each attempt ends by its
        // request timeout; a retry that would end past `default.api.timeout.ms` is not made.
        let found = Retry::new(self.shared.config.common.retry_backoff, Instant::now() + timeout)
            .unbounded_attempts()
            .give_up_before_deadline()
            .run(
                || self.on_coordinator(group, |conn| async move { offsets::fetch(&conn, cluster, group, tps).await }),
                |e| if e.is_retriable() { Decision::Retry } else { Decision::Stop },
            )
            .await
            .map_err(|gave_up| {
                gave_up.last().unwrap_or_else(|| Error::Timeout {
                    what: format!("committed offsets of group {group} (default.api.timeout.ms)"),
                    after: timeout,
                })
            })?;
        Ok(tps.iter().map(|tp| found.get(tp).cloned().flatten()).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send<T: Send>(_: T) {}

    /// Users spawn these futures: they must stay `Send`.
    #[allow(dead_code)]
    fn futures_are_send(consumer: Consumer) {
        assert_send(async move {
            let _ = consumer.poll(Duration::from_millis(1)).await;
            let _ = consumer.commit().await;
            let _ = consumer.position("t", 0, Duration::from_millis(1)).await;
            consumer.close().await;
        });
    }
}

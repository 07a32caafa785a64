//! The cluster handle and its builder.
//!
//! [`StubCluster::builder`] configures brokers, topic defaults, retention and the API versions
//! to advertise; [`StubClusterBuilder::start`] binds every broker's port and spawns its
//! listener. The handle is a cheap `Arc` clone; when the last clone is dropped every listener
//! and connection task is aborted (use [`StubCluster::shutdown`] to also wait until the ports
//! are free).

use std::collections::{BTreeMap, HashMap};
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use kafka_protocol::messages::ApiKey;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use crate::broker::BrokerSlot;
use crate::faults::Faults;
use crate::groups::{timers, GroupConfig};
use crate::limits::Limits;
use crate::state::{now_ms, validate_topic_name, Config, CoordinatorKind, Shared};
use crate::{Error, Result};

/// Configures a [`StubCluster`].
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), server_stub::Error> {
/// use std::time::Duration;
/// use kafka_protocol::messages::ApiKey;
/// use server_stub::StubCluster;
///
/// let cluster = StubCluster::builder()
///     .brokers(3)                            // broker ids 0, 1, 2
///     .auto_create_topics(false)             // Metadata for unknown topics: UNKNOWN_TOPIC_OR_PARTITION
///     .default_partitions(4)                 // CreateTopics with num_partitions = -1
///     .retention_bytes_per_partition(1 << 20)
///     .max_version(ApiKey::Fetch, 12)        // behave like a broker without topic ids in Fetch
///     .group_session_timeout_range(          // accept 500 ms sessions (Kafka's minimum is 6 s)
///         Duration::from_millis(100),
///         Duration::from_secs(300),
///     )
///     .port_base(0)                          // ephemeral ports
///     .start()
///     .await?;
/// assert_eq!(cluster.bootstrap().split(',').count(), 3);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct StubClusterBuilder {
    config: Config,
    replication_factor_set: bool,
}

impl Default for StubClusterBuilder {
    fn default() -> Self {
        StubClusterBuilder {
            config: Config {
                brokers: 1,
                auto_create_topics: true,
                default_partitions: 1,
                default_replication_factor: 1,
                retention_bytes: 64 * 1024 * 1024,
                port_base: 0,
                max_versions: HashMap::new(),
                global_max_version: None,
                cluster_id: "stub-cluster-0000000000".to_owned(),
                groups: GroupConfig::default(),
                racks: Vec::new(),
                rack_aware_replica_selector: false,
                limits: Limits::default(),
            },
            replication_factor_set: false,
        }
    }
}

impl StubClusterBuilder {
    /// Number of brokers, ids `0..n` (default 1).
    pub fn brokers(mut self, n: usize) -> Self {
        self.config.brokers = n;
        self
    }

    /// Whether Metadata requests create unknown topics when they allow it (default true, as
    /// Kafka's `auto.create.topics.enable`).
    pub fn auto_create_topics(mut self, enabled: bool) -> Self {
        self.config.auto_create_topics = enabled;
        self
    }

    /// Partitions of auto-created topics and of CreateTopics with -1 (default 1, Kafka's
    /// `num.partitions`).
    pub fn default_partitions(mut self, n: i32) -> Self {
        self.config.default_partitions = n;
        self
    }

    /// Replication factor of auto-created topics and of CreateTopics with -1. Default:
    /// `min(3, brokers)` so that stopping a broker fails its partitions over (Kafka's
    /// `default.replication.factor` is 1).
    pub fn default_replication_factor(mut self, n: i16) -> Self {
        self.config.default_replication_factor = n;
        self.replication_factor_set = true;
        self
    }

    /// Bytes kept per partition (default 64 MiB); past it the oldest batches are dropped and
    /// the log start offset advances. A topic's `retention.bytes` config overrides it.
    pub fn retention_bytes_per_partition(mut self, bytes: usize) -> Self {
        self.config.retention_bytes = bytes;
        self
    }

    /// Advertises and accepts `api` only up to `version`, to emulate an older broker.
    /// A cap below the API's lowest version removes the API.
    pub fn max_version(mut self, api: ApiKey, version: i16) -> Self {
        self.config.max_versions.insert(api, version);
        self
    }

    /// Caps every API at `version` (ApiVersions keeps at least version 0).
    pub fn max_version_all(mut self, version: i16) -> Self {
        self.config.global_max_version = Some(version);
        self
    }

    /// First port: broker i listens on `port + i` (default 0: ephemeral ports).
    pub fn port_base(mut self, port: u16) -> Self {
        self.config.port_base = port;
        self
    }

    /// Racks of brokers `0..racks.len()` (Kafka's `broker.rack`), reported by Metadata. Brokers
    /// past the list have no rack.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), server_stub::Error> {
    /// let cluster = server_stub::StubCluster::builder()
    ///     .brokers(3)
    ///     .racks(["a", "b", "c"])
    ///     .rack_aware_replica_selector(true) // leaders send consumers to a replica in their rack
    ///     .start()
    ///     .await?;
    /// # drop(cluster);
    /// # Ok(())
    /// # }
    /// ```
    pub fn racks<I, S>(mut self, racks: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.config.racks = racks.into_iter().map(|r| Some(r.into())).collect();
        self
    }

    /// The rack of one broker (Kafka's `broker.rack`).
    pub fn broker_rack(mut self, broker: i32, rack: impl Into<String>) -> Self {
        if let Ok(i) = usize::try_from(broker) {
            if self.config.racks.len() <= i {
                self.config.racks.resize(i + 1, None);
            }
            self.config.racks[i] = Some(rack.into());
        }
        self
    }

    /// Whether leaders pick a preferred read replica for consumers that send a `rack_id`
    /// (Fetch v11+, KIP-392): a live replica in the consumer's rack, as Kafka does with
    /// `replica.selector.class=org.apache.kafka.common.replica.RackAwareReplicaSelector`.
    /// Default false (Kafka's default selector always reads from the leader). Followers serve
    /// consumer fetches (v11+) either way.
    pub fn rack_aware_replica_selector(mut self, enabled: bool) -> Self {
        self.config.rack_aware_replica_selector = enabled;
        self
    }

    /// The cluster id Metadata reports.
    pub fn cluster_id(mut self, id: impl Into<String>) -> Self {
        self.config.cluster_id = id.into();
        self
    }

    /// How long the first rebalance of an empty group waits for more members
    /// (`group.initial.rebalance.delay.ms`). Default 0, as test set-ups configure Kafka
    /// (Kafka's own default is 3 s).
    pub fn group_initial_rebalance_delay(mut self, delay: Duration) -> Self {
        self.config.groups.initial_rebalance_delay_ms = duration_ms(delay);
        self
    }

    /// The session timeouts JoinGroup accepts (`group.min.session.timeout.ms` and
    /// `group.max.session.timeout.ms`; Kafka's defaults 6 s and 30 min). Others get
    /// INVALID_SESSION_TIMEOUT. Tests of session expiry lower the minimum.
    pub fn group_session_timeout_range(mut self, min: Duration, max: Duration) -> Self {
        self.config.groups.min_session_timeout_ms = duration_ms(min).min(i64::from(i32::MAX)) as i32;
        self.config.groups.max_session_timeout_ms = duration_ms(max).min(i64::from(i32::MAX)) as i32;
        self
    }

    /// How long a KIP-848 consumer group member may go without a ConsumerGroupHeartbeat before
    /// it is removed and its partitions reassigned (`group.consumer.session.timeout.ms`,
    /// default 45 s). Tests of crashed members set a few seconds.
    pub fn consumer_group_session_timeout(mut self, timeout: Duration) -> Self {
        self.config.groups.consumer_session_timeout_ms = duration_ms(timeout).clamp(1, i64::from(i32::MAX)) as i32;
        self
    }

    /// The heartbeat interval ConsumerGroupHeartbeat tells members
    /// (`group.consumer.heartbeat.interval.ms`, default 5 s). Members learn about partitions
    /// to take or give up at their next heartbeat, so a shorter interval settles groups faster.
    /// Members are told at most half the session timeout, so that one late heartbeat does not
    /// expire them.
    pub fn consumer_group_heartbeat_interval(mut self, interval: Duration) -> Self {
        self.config.groups.consumer_heartbeat_interval_ms = duration_ms(interval).clamp(1, i64::from(i32::MAX)) as i32;
        self
    }

    /// How long committed offsets of an empty (or simple) group are kept
    /// (`offsets.retention.minutes`, default 7 days), and how often expired ones are removed
    /// (`offsets.retention.check.interval.ms`, default 10 min).
    pub fn offsets_retention(mut self, retention: Duration, check_interval: Duration) -> Self {
        self.config.groups.offsets_retention_ms = duration_ms(retention);
        self.config.groups.offsets_retention_check_interval_ms = duration_ms(check_interval).max(1);
        self
    }

    /// Partitions of `__consumer_offsets` (`offsets.topic.num.partitions`, default 50), which
    /// spread groups over coordinators.
    pub fn offsets_topic_partitions(mut self, n: i32) -> Self {
        self.config.groups.offsets_partitions = n;
        self
    }

    /// Partitions one CreateTopics or CreatePartitions may create over all its topics
    /// (default 10,000, the bound of Kafka's controller). Past it every topic of the request is
    /// refused with POLICY_VIOLATION.
    pub fn max_partitions_per_request(mut self, n: i32) -> Self {
        self.config.limits.max_partitions_per_request = n;
        self
    }

    /// Partitions the cluster may hold over all topics (default 100,000; Kafka's limit is
    /// the operator's policy). A topic that would take the cluster past it is refused with
    /// POLICY_VIOLATION; so is an auto-creation.
    pub fn max_partitions(mut self, n: i32) -> Self {
        self.config.limits.max_partitions = n;
        self
    }

    /// How long a connection may go without a request before the broker closes it (Kafka's
    /// `connections.max.idle.ms`, default 10 minutes). A connection whose request the broker
    /// is holding (a long-polling Fetch, a JoinGroup) is not idle.
    pub fn connections_max_idle(mut self, idle: Duration) -> Self {
        self.config.limits.connections_max_idle = idle;
        self
    }

    /// How long the bytes of one request may take to arrive after its first byte (default
    /// 30 s, the clients' default `request.timeout.ms`); a slower sender's connection is
    /// closed.
    pub fn request_read_timeout(mut self, timeout: Duration) -> Self {
        self.config.limits.request_read_timeout = timeout;
        self
    }

    /// Record batches decompressed at the same time, cluster-wide, to check a Produce or
    /// answer a ListOffsets timestamp lookup (default: one fewer than the cores, at least
    /// one). The work runs on blocking threads, outside the cluster lock; requests beyond this
    /// many wait their turn.
    pub fn decompression_threads(mut self, n: usize) -> Self {
        self.config.limits.decompression_threads = n;
        self
    }

    /// Binds every broker's port and starts serving.
    pub async fn start(mut self) -> Result<StubCluster> {
        let c = &mut self.config;
        if c.brokers == 0 || c.brokers > 1000 {
            return Err(Error::Config(format!("brokers must be 1..=1000, not {}", c.brokers)));
        }
        if c.default_partitions < 1 {
            return Err(Error::Config(format!("default_partitions must be >= 1, not {}", c.default_partitions)));
        }
        let limits = &c.limits;
        if limits.max_partitions_per_request < 1 || limits.max_partitions < 1 {
            return Err(Error::Config(format!(
                "max_partitions_per_request ({}) and max_partitions ({}) must be >= 1",
                limits.max_partitions_per_request, limits.max_partitions
            )));
        }
        if c.default_partitions > limits.max_partitions_per_request.min(limits.max_partitions) {
            return Err(Error::Config(format!(
                "default_partitions ({}) exceeds the partition limits",
                c.default_partitions
            )));
        }
        if limits.connections_max_idle.is_zero() || limits.request_read_timeout.is_zero() {
            return Err(Error::Config("connections_max_idle and request_read_timeout must be > 0".to_owned()));
        }
        if limits.decompression_threads == 0 {
            return Err(Error::Config("decompression_threads must be >= 1".to_owned()));
        }
        if !self.replication_factor_set {
            c.default_replication_factor = c.brokers.min(3) as i16;
        }
        if c.default_replication_factor < 1 || c.default_replication_factor as usize > c.brokers {
            return Err(Error::Config(format!(
                "default_replication_factor must be 1..={}, not {}",
                c.brokers, c.default_replication_factor
            )));
        }
        if c.groups.offsets_partitions < 1 {
            return Err(Error::Config(format!(
                "offsets_topic_partitions must be >= 1, not {}",
                c.groups.offsets_partitions
            )));
        }
        if c.groups.min_session_timeout_ms > c.groups.max_session_timeout_ms {
            return Err(Error::Config("the minimum session timeout exceeds the maximum".to_owned()));
        }
        if c.racks.len() > c.brokers {
            return Err(Error::Config(format!("{} racks for {} brokers", c.racks.len(), c.brokers)));
        }
        if c.port_base != 0 && c.port_base as usize + c.brokers > 65536 {
            return Err(Error::Config(format!("ports {}.. do not fit {} brokers", c.port_base, c.brokers)));
        }
        let mut listeners = Vec::with_capacity(c.brokers);
        for i in 0..c.brokers {
            let port = if c.port_base == 0 { 0 } else { c.port_base + i as u16 };
            let listener = bind(i as i32, port).await?;
            listeners.push(listener);
        }
        let ports: Vec<u16> = listeners.iter().map(|l| l.local_addr().map_or(0, |a| a.port())).collect();
        let shared = Arc::new(Shared::new(self.config, ports.clone()));
        let brokers: Vec<BrokerSlot> =
            ports.iter().enumerate().map(|(i, &port)| BrokerSlot::new(i as i32, port)).collect();
        for (slot, listener) in brokers.iter().zip(listeners) {
            slot.start(shared.clone(), listener);
        }
        let timer_task = tokio::spawn(timers::run(Arc::downgrade(&shared), shared.groups_wake.clone()));
        tracing::info!(bootstrap = %bootstrap_of(&ports), "stub cluster started");
        Ok(StubCluster { inner: Arc::new(Inner { shared, brokers, timer_task }) })
    }
}

fn duration_ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

async fn bind(broker: i32, port: u16) -> Result<TcpListener> {
    TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await.map_err(|source| Error::Bind { broker, port, source })
}

fn bootstrap_of(ports: &[u16]) -> String {
    ports.iter().map(|p| format!("127.0.0.1:{p}")).collect::<Vec<_>>().join(",")
}

/// A running in-memory Kafka cluster. Cheap to clone (`Arc`); `Send + Sync`. Dropping the
/// last clone stops every broker.
#[derive(Debug, Clone)]
pub struct StubCluster {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    shared: Arc<Shared>,
    brokers: Vec<BrokerSlot>,
    /// The group coordinator's timer task.
    timer_task: JoinHandle<()>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        for slot in &self.brokers {
            slot.abort();
        }
        self.timer_task.abort();
    }
}

impl StubCluster {
    /// A builder with Kafka's defaults (1 broker, auto-create on, 1 partition per topic).
    pub fn builder() -> StubClusterBuilder {
        StubClusterBuilder::default()
    }

    pub(crate) fn shared(&self) -> &Arc<Shared> {
        &self.inner.shared
    }

    fn slot(&self, broker: i32) -> Result<&BrokerSlot> {
        usize::try_from(broker).ok().and_then(|i| self.inner.brokers.get(i)).ok_or(Error::UnknownBroker(broker))
    }

    /// `127.0.0.1:p0,127.0.0.1:p1,...`, every broker, stopped ones included.
    pub fn bootstrap(&self) -> String {
        bootstrap_of(&self.inner.shared.ports)
    }

    /// The address of broker `id`.
    pub fn broker_addr(&self, id: i32) -> Result<SocketAddr> {
        Ok(SocketAddr::from((Ipv4Addr::LOCALHOST, self.slot(id)?.port)))
    }

    /// Number of brokers (running or stopped).
    pub fn broker_count(&self) -> usize {
        self.inner.brokers.len()
    }

    /// The cluster id Metadata reports.
    pub fn cluster_id(&self) -> &str {
        &self.inner.shared.config.cluster_id
    }

    /// The fault-injection handle.
    pub fn faults(&self) -> Faults {
        Faults::new(self.clone())
    }

    /// Requests of `api` received by all brokers so far (faulted and dropped ones included).
    pub fn request_count(&self, api: ApiKey) -> u64 {
        self.inner.shared.faults().count(None, api)
    }

    /// Requests of `api` received by `broker` so far.
    pub fn broker_request_count(&self, broker: i32, api: ApiKey) -> u64 {
        self.inner.shared.faults().count(Some(broker), api)
    }

    /// Creates a topic directly (no request), with the default replication factor.
    pub fn create_topic(&self, name: &str, partitions: i32) -> Result<()> {
        validate_topic_name(name).map_err(Error::Config)?;
        if partitions < 1 {
            return Err(Error::Config(format!("partitions must be >= 1, not {partitions}")));
        }
        let shared = &self.inner.shared;
        let limits = &shared.config.limits;
        let requested = partitions as u64;
        limits.check_request(requested).map_err(|(_, message)| Error::Config(message))?;
        let mut state = shared.state();
        if state.topic(name).is_some() {
            return Err(Error::Config(format!("topic {name} already exists")));
        }
        limits.check_cluster(state.partition_count(), requested).map_err(|(_, message)| Error::Config(message))?;
        let assignment = state.default_assignment(0, partitions, shared.config.default_replication_factor);
        state.create_topic(name, assignment, BTreeMap::new(), shared.config.retention_bytes);
        Ok(())
    }

    /// The leader of a partition (-1: offline), with its leader epoch.
    pub fn leader(&self, topic: &str, partition: i32) -> Result<(i32, i32)> {
        let state = self.inner.shared.state();
        state
            .topic(topic)
            .and_then(|t| usize::try_from(partition).ok().and_then(|i| t.partitions.get(i)))
            .map(|p| (p.leader, p.leader_epoch))
            .ok_or_else(|| Error::UnknownPartition { topic: topic.to_owned(), partition })
    }

    /// The broker coordinating `group` (the leader of its `__consumer_offsets` partition), or
    /// `None` when no replica of that partition is live.
    pub fn group_coordinator(&self, group: &str) -> Option<i32> {
        let leader = self.inner.shared.state().coordinator(CoordinatorKind::Group, group);
        (leader >= 0).then_some(leader)
    }

    pub(crate) fn drop_connections(&self, broker: i32) -> Result<()> {
        self.slot(broker)?.drop_connections();
        Ok(())
    }

    pub(crate) async fn stop_broker(&self, broker: i32) -> Result<()> {
        let slot = self.slot(broker)?;
        slot.stop().await;
        let moved = self.inner.shared.state().broker_down(broker);
        self.coordinators_moved(&moved);
        Ok(())
    }

    /// Groups whose coordinator changed are reloaded by the new one (never under the state lock).
    fn coordinators_moved(&self, moved: &[(i32, i32)]) {
        if !moved.is_empty() {
            self.inner.shared.groups().coordinators_moved(moved, tokio::time::Instant::now(), now_ms());
        }
    }

    pub(crate) async fn restart_broker(&self, broker: i32) -> Result<()> {
        let slot = self.slot(broker)?;
        if slot.is_running() {
            return Ok(());
        }
        // The old socket is closed; a few retries cover a slow release by the OS.
        let mut attempt = 0;
        let listener = loop {
            match bind(broker, slot.port).await {
                Ok(l) => break l,
                Err(e) if attempt >= 50 => return Err(e),
                Err(_) => {
                    attempt += 1;
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            }
        };
        slot.start(self.inner.shared.clone(), listener);
        let moved = self.inner.shared.state().broker_up(broker);
        self.coordinators_moved(&moved);
        Ok(())
    }

    /// Stops every broker and waits until their ports are closed. Other clones of the handle
    /// see a cluster whose brokers are all stopped.
    pub async fn shutdown(&self) {
        for slot in &self.inner.brokers {
            slot.stop().await;
        }
    }
}

//! The client's view of the cluster: bootstrap, metadata, and one connection per broker.
//!
//! [`Cluster`] owns a metadata snapshot and a pool of connections keyed by node id.
//! - **Bootstrap**: addresses are tried in order until one answers; an unreachable one is skipped
//!   with a warning. After the first Metadata response, brokers are known by node id.
//! - **Refresh**: [`Cluster::refresh`] asks for the topics the client uses. Concurrent callers
//!   share one request: whoever waits while a refresh runs returns when it completes.
//!   Metadata older than `metadata.max.age.ms` is refreshed on next use. Refreshes are paced:
//!   never closer than `retry.backoff.ms`, and further apart (doubling up to
//!   `retry.backoff.max.ms`) while the answers stay the same, so a condition metadata cannot fix
//!   (a partition led by a broker the answer does not list, as happens briefly while a broker
//!   restarts) costs a few requests a second, not thousands; such a condition is logged.
//! - **Connections**: [`Cluster::connection`] returns the open connection to a node or opens one;
//!   repeated failures to connect back off exponentially (`reconnect.backoff.ms` up to
//!   `reconnect.backoff.max.ms`).
//! - **Lanes**: a broker answers the requests of one connection one at a time, in order, and
//!   holds a Fetch for up to `fetch.max.wait.ms` (a JoinGroup for the rebalance timeout). So a
//!   client keeps up to three connections per broker, one per [`Lane`]: Fetch alone on one,
//!   group and transaction coordinator traffic on another, everything else on the main one.
//!   Nothing a caller waits on (a commit, a heartbeat, a position lookup, a metadata refresh)
//!   queues behind a Fetch the broker holds.
//!
//! Locks: `metadata` (std `RwLock`, held only to swap or clone an `Arc`), `topics` (std
//! `Mutex`), `slots` (std `Mutex` around the map; each slot has its own tokio `Mutex` held while
//! connecting, so one node's slow connect does not block the others), `refresh_lock` (tokio
//! `Mutex`, held for one Metadata round trip), `coordinators` (std `Mutex` around the
//! coordinator cache, held to read or change one entry). No std lock is held across an `.await`.
//! - **Coordinators**: [`Cluster::coordinator`] finds and caches group and transaction
//!   coordinators for every user of the cluster; `coordinator.rs` holds the one rule for
//!   forgetting one.

pub mod coordinator;
pub mod metadata;

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use kfk_protocol::messages::metadata::request::MetadataRequestTopic;
use kfk_protocol::messages::MetadataRequest;
use kfk_protocol::ErrorCode;
use tracing::{debug, info, warn};

pub use coordinator::CoordinatorType;
pub use metadata::{BrokerMeta, Metadata, MetadataRef, PartitionMeta, TopicMeta};

use crate::backoff::Backoff;
use crate::error::{BrokerId, Error, ErrorContext, Result};
use crate::net::{Connection, ConnectionConfig};

/// How the cluster layer behaves.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ClusterConfig {
    /// `bootstrap.servers`.
    pub bootstrap: Vec<String>,
    /// Per-connection settings.
    pub connection: ConnectionConfig,
    /// `metadata.max.age.ms`.
    pub metadata_max_age: Duration,
    /// `reconnect.backoff.ms` .. `reconnect.backoff.max.ms`.
    pub reconnect_backoff: Backoff,
    /// `socket.connection.setup.timeout.max.ms`: each consecutive failure to connect to a
    /// broker doubles the next attempt's setup timeout (`connection.connect_timeout`, with
    /// ±20% jitter) up to this, as Java does, so a broker that is slow to accept gets longer
    /// and a dead one does not hold callers for long at first.
    pub connect_timeout_max: Duration,
    /// `retry.backoff.ms` .. `retry.backoff.max.ms`: the pacing of metadata refreshes.
    pub refresh_backoff: Backoff,
    /// `allow.auto.create.topics` for Metadata requests.
    pub allow_auto_topic_creation: bool,
    /// `connections.max.idle.ms`: a connection with nothing sent or awaited for this long is
    /// closed (the next request opens a new one); `None` (Java's -1) keeps them open.
    pub connections_max_idle: Option<Duration>,
    /// `metadata.recovery.strategy` (KIP-899): what to do when no broker of the last metadata
    /// answers.
    pub metadata_recovery: MetadataRecovery,
    /// `metrics.num.samples` / `metrics.sample.window.ms`: the window of the client's
    /// windowed metrics.
    pub metrics_window: crate::metrics::SampleWindow,
}

/// `metadata.recovery.strategy` with `metadata.recovery.rebootstrap.trigger.ms` (KIP-899).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum MetadataRecovery {
    /// `none`: keep trying the brokers of the last metadata; the bootstrap list serves only
    /// the first connection.
    None,
    /// `rebootstrap` (the default since Kafka 4.0): once no broker of the last metadata has
    /// answered a Metadata request for `trigger`, or a broker answers REBOOTSTRAP_REQUIRED,
    /// start again from `bootstrap.servers` (names resolved again), as after a cluster's
    /// brokers were all replaced.
    Rebootstrap {
        /// `metadata.recovery.rebootstrap.trigger.ms` (default 5 minutes).
        trigger: Duration,
    },
}

impl Default for MetadataRecovery {
    fn default() -> Self {
        MetadataRecovery::Rebootstrap { trigger: Duration::from_secs(300) }
    }
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            bootstrap: vec!["127.0.0.1:9092".into()],
            connection: ConnectionConfig::default(),
            metadata_max_age: Duration::from_secs(300),
            reconnect_backoff: Backoff::new(Duration::from_millis(50), Duration::from_millis(1000)),
            connect_timeout_max: Duration::from_secs(30),
            refresh_backoff: Backoff::new(Duration::from_millis(100), Duration::from_millis(1000)),
            allow_auto_topic_creation: true,
            connections_max_idle: Some(Duration::from_secs(540)),
            metadata_recovery: MetadataRecovery::default(),
            metrics_window: crate::metrics::SampleWindow::default(),
        }
    }
}

/// Which of a broker's connections a request travels on (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lane {
    /// Requests the broker answers at once: Metadata, Produce, ListOffsets,
    /// OffsetForLeaderEpoch, FindCoordinator and admin requests.
    Main,
    /// Fetch, which the broker holds for up to `fetch.max.wait.ms` when there is no data.
    Fetch,
    /// Group and transaction coordinator traffic: joins, syncs, heartbeats (classic and
    /// KIP-848), offset commits and fetches, AddPartitionsToTxn, TxnOffsetCommit, EndTxn. The
    /// Java client gives the coordinator a connection of its own for the same reason.
    Coordinator,
}

/// A broker slot: the open connection, if any, and the reconnect backoff state.
#[derive(Default)]
struct SlotState {
    conn: Option<Connection>,
    failures: u32,
    next_attempt: Option<Instant>,
}

type Slot = Arc<tokio::sync::Mutex<SlotState>>;

struct Inner {
    config: ClusterConfig,
    /// Whether Metadata requests may create topics: `allow_auto_topic_creation` unless turned
    /// off (a pattern subscription never creates topics).
    auto_create: AtomicBool,
    metadata: RwLock<MetadataRef>,
    topics: Mutex<BTreeSet<String>>,
    /// A topic was added since the last refresh: the next one goes at once (a first send to a
    /// topic must not wait out a backoff earned by answers about other topics, as in Java).
    new_topics: AtomicBool,
    slots: Mutex<HashMap<(i32, Lane), Slot>>,
    /// Held for one refresh, pacing included; guards the pacing state.
    refresh_lock: tokio::sync::Mutex<Pacing>,
    refreshes: AtomicU64,
    /// Bumped after every change of `metadata`: lets callers cache what they derive from a
    /// snapshot (the producer's partition count per topic) and notice when it is stale.
    generation: AtomicU64,
    /// Whether the idle-connection reaper runs (started with the first connection).
    reaper: AtomicBool,
    /// Group and transaction coordinators found so far (`coordinator.rs`).
    coordinators: coordinator::Coordinators,
    /// When a Metadata request last succeeded (or the cluster was created): the rebootstrap
    /// trigger counts from it.
    last_metadata: Mutex<Instant>,
    /// A broker answered REBOOTSTRAP_REQUIRED: the next connection starts from the bootstrap
    /// list.
    rebootstrap_now: AtomicBool,
    metrics: Arc<crate::metrics::Registry>,
}

/// When the last refresh completed, and how many answers in a row changed nothing.
#[derive(Default)]
struct Pacing {
    last: Option<Instant>,
    unchanged: u32,
    /// Partitions (topic, partition, leader) whose leader the last answer named but did not list.
    missing_leaders: BTreeSet<(String, i32, i32)>,
    /// Those of them that persisted and were warned about.
    warned: BTreeSet<(String, i32, i32)>,
}

/// The cluster layer. Cheap to clone; clones share metadata and connections.
#[derive(Clone)]
pub struct Cluster {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Cluster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cluster").field("bootstrap", &self.inner.config.bootstrap).finish()
    }
}

/// Logs, once per partition and leader, a partition whose leader two answers in a row name but
/// do not list among their brokers: refreshing cannot fix it, only the cluster can (a broker
/// restarting, or fenced while still named leader). Requests for it wait, paced. One answer
/// alone is the ordinary moment of a leader change and is not worth a warning.
fn warn_missing_leaders(pacing: &mut Pacing, metadata: &Metadata) {
    let missing: BTreeSet<(String, i32, i32)> = metadata.missing_leaders().collect();
    let persisting: Vec<_> = missing.intersection(&pacing.missing_leaders).cloned().collect();
    for (topic, partition, leader) in persisting.iter().filter(|m| !pacing.warned.contains(*m)) {
        warn!(
            topic = %topic,
            partition,
            leader,
            "metadata names broker {leader} as the leader of {topic}-{partition} but does not list it; \
             requests for the partition wait until the cluster elects a listed leader or the broker returns"
        );
    }
    for (topic, partition, leader) in pacing.warned.difference(&missing) {
        info!(topic = %topic, partition, leader, "the leader of {topic}-{partition} is listed again");
    }
    pacing.warned = persisting.into_iter().collect();
    pacing.missing_leaders = missing;
}

/// Node ids below this are bootstrap addresses (index `-2 - i`), not real brokers.
const BOOTSTRAP_ID_BASE: i32 = -2;

impl Cluster {
    /// A cluster handle; nothing is contacted until the first request.
    pub fn new(config: ClusterConfig) -> Cluster {
        // Metrics are tagged with `client.id` (never a credential), as Java's.
        let client_id = config.connection.client_id.clone().unwrap_or_default();
        Cluster {
            inner: Arc::new(Inner {
                metrics: Arc::new(crate::metrics::Registry::with_window(client_id, config.metrics_window)),
                auto_create: AtomicBool::new(config.allow_auto_topic_creation),
                config,
                metadata: RwLock::new(Arc::new(Metadata::default())),
                topics: Mutex::new(BTreeSet::new()),
                new_topics: AtomicBool::new(false),
                slots: Mutex::new(HashMap::new()),
                refresh_lock: tokio::sync::Mutex::new(Pacing::default()),
                refreshes: AtomicU64::new(0),
                generation: AtomicU64::new(1),
                reaper: AtomicBool::new(false),
                coordinators: Default::default(),
                last_metadata: Mutex::new(Instant::now()),
                rebootstrap_now: AtomicBool::new(false),
            }),
        }
    }

    /// The client's metrics: every connection of this cluster records into it, and so do the
    /// producer or consumer built on it.
    pub fn metrics(&self) -> &Arc<crate::metrics::Registry> {
        &self.inner.metrics
    }

    /// The configuration.
    pub fn config(&self) -> &ClusterConfig {
        &self.inner.config
    }

    /// The current metadata snapshot (possibly empty before the first refresh).
    pub fn metadata(&self) -> MetadataRef {
        self.inner.metadata.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The number of the current metadata snapshot: it changes (after the snapshot does)
    /// whenever metadata changes, never goes back to an earlier value, and is never 0.
    pub(crate) fn metadata_generation(&self) -> u64 {
        self.inner.generation.load(Ordering::Acquire)
    }

    /// How many Metadata requests this handle has completed.
    pub fn refresh_count(&self) -> u64 {
        self.inner.refreshes.load(Ordering::SeqCst)
    }

    /// Adds topics to those kept in metadata.
    pub fn track_topics<'a>(&self, topics: impl IntoIterator<Item = &'a str>) -> bool {
        let mut set = self.inner.topics.lock().unwrap_or_else(|p| p.into_inner());
        let mut added = false;
        for t in topics {
            added |= set.insert(t.to_string());
        }
        if added {
            self.inner.new_topics.store(true, Ordering::SeqCst);
        }
        added
    }

    /// Stops keeping `topics` in metadata (a pattern subscription no longer matches them).
    pub fn untrack_topics<'a>(&self, topics: impl IntoIterator<Item = &'a str>) {
        let mut set = self.inner.topics.lock().unwrap_or_else(|p| p.into_inner());
        for t in topics {
            set.remove(t);
        }
    }

    /// Stops keeping `topics` in metadata and drops what the snapshot knows of them, so that
    /// the next use of one asks for its metadata afresh (`metadata.max.idle.ms`).
    pub fn forget_topics(&self, topics: &[&str]) {
        self.untrack_topics(topics.iter().copied());
        let mut metadata = self.inner.metadata.write().unwrap_or_else(|p| p.into_inner());
        if topics.iter().any(|t| metadata.topics.contains_key(*t)) {
            let mut pruned = Metadata::clone(&metadata);
            for t in topics {
                pruned.topics.remove(*t);
            }
            *metadata = Arc::new(pruned);
            self.inner.generation.fetch_add(1, Ordering::Release);
        }
    }

    /// Whether Metadata requests may create the topics they ask for (at most what
    /// `allow.auto.create.topics` allows). A consumer subscribed to a pattern turns it off, as
    /// the Java consumer does: a matching topic that was deleted must not come back.
    pub fn set_auto_create_topics(&self, allow: bool) {
        self.inner.auto_create.store(allow && self.inner.config.allow_auto_topic_creation, Ordering::SeqCst);
    }

    /// Metadata no older than `metadata.max.age.ms`, refreshing if needed.
    pub async fn fresh_metadata(&self) -> Result<MetadataRef> {
        let current = self.metadata();
        if current.brokers.is_empty() || current.fetched_at.elapsed() > self.inner.config.metadata_max_age {
            self.refresh().await?;
        }
        Ok(self.metadata())
    }

    /// Refreshes metadata for the tracked topics. Callers that arrive while a refresh is in
    /// flight wait for it instead of sending their own. A refresh soon after the last one waits
    /// out the pacing backoff first (see the module docs).
    pub async fn refresh(&self) -> Result<MetadataRef> {
        let seen = self.inner.refreshes.load(Ordering::SeqCst);
        let mut pacing = self.inner.refresh_lock.lock().await;
        if self.inner.refreshes.load(Ordering::SeqCst) != seen {
            return Ok(self.metadata());
        }
        let backoff = self.inner.config.refresh_backoff;
        if self.inner.new_topics.swap(false, Ordering::SeqCst) {
            pacing.unchanged = 0;
        } else if let Some(last) = pacing.last {
            // A quiet spell ends a run of unchanged answers: the next burst starts gently.
            if last.elapsed() > backoff.max() * 2 {
                pacing.unchanged = 0;
            }
            let due = last + backoff.delay(pacing.unchanged);
            tokio::time::sleep_until(due.into()).await;
        }
        let before = self.metadata();
        let outcome = self.fetch_metadata().await;
        pacing.last = Some(Instant::now());
        let merged = match outcome {
            Ok(merged) => merged,
            Err(e) => {
                pacing.unchanged = pacing.unchanged.saturating_add(1);
                return Err(e);
            }
        };
        if merged.same_view(&before) {
            pacing.unchanged = pacing.unchanged.saturating_add(1);
        } else {
            pacing.unchanged = 0;
        }
        warn_missing_leaders(&mut pacing, &merged);
        Ok(merged)
    }

    /// One Metadata round trip for the tracked topics, merged into the snapshot.
    async fn fetch_metadata(&self) -> Result<MetadataRef> {
        let topics: Vec<String> = self.inner.topics.lock().unwrap_or_else(|p| p.into_inner()).iter().cloned().collect();
        let request = MetadataRequest {
            topics: Some(
                topics.iter().map(|t| MetadataRequestTopic { name: Some(t.clone()), ..Default::default() }).collect(),
            ),
            allow_auto_topic_creation: self.inner.auto_create.load(Ordering::SeqCst),
            ..Default::default()
        };
        let mut response = self.send_any(&request).await?;
        if ErrorCode(response.error_code) == ErrorCode::REBOOTSTRAP_REQUIRED
            && matches!(self.inner.config.metadata_recovery, MetadataRecovery::Rebootstrap { .. })
        {
            // The cluster says what it knows of itself no longer holds (KIP-1102): ask the
            // bootstrap brokers instead, at once.
            info!("a broker answered REBOOTSTRAP_REQUIRED; starting again from bootstrap.servers");
            self.inner.rebootstrap_now.store(true, Ordering::SeqCst);
            response = self.send_any(&request).await?;
        }
        if let Some(code) = ErrorCode(response.error_code).err() {
            return Err(Error::kafka(code, None, "Metadata"));
        }
        self.inner.rebootstrap_now.store(false, Ordering::SeqCst);
        *self.inner.last_metadata.lock().unwrap_or_else(|p| p.into_inner()) = Instant::now();
        let merged = Arc::new(self.metadata().merged(&response, false));
        debug!(brokers = merged.brokers.len(), topics = merged.topics.len(), "metadata refreshed");
        *self.inner.metadata.write().unwrap_or_else(|p| p.into_inner()) = merged.clone();
        self.inner.generation.fetch_add(1, Ordering::Release);
        self.inner.refreshes.fetch_add(1, Ordering::SeqCst);
        Ok(merged)
    }

    /// Sends a request to any reachable broker: a known one if metadata lists any, else the
    /// bootstrap addresses in order.
    pub async fn send_any<R: kfk_protocol::Request>(&self, request: &R) -> Result<R::Response> {
        let conn = self.any_connection().await?;
        match conn.send(request).await {
            Ok(r) => Ok(r),
            Err(e) if e.is_retriable() => {
                // One more try elsewhere: the broker we picked may just have gone away.
                let conn = self.any_connection().await?;
                conn.send(request).await
            }
            Err(e) => Err(e),
        }
    }

    /// A connection to some broker, preferring ones already open. Before any metadata, and
    /// when `metadata.recovery.strategy=rebootstrap` says so, from the bootstrap list.
    pub async fn any_connection(&self) -> Result<Connection> {
        let metadata = self.metadata();
        let rebootstrap_now = self.inner.rebootstrap_now.load(Ordering::SeqCst);
        let mut nodes: Vec<i32> = if rebootstrap_now { Vec::new() } else { metadata.brokers.keys().copied().collect() };
        fastrand::shuffle(&mut nodes);
        // Prefer an open connection.
        for &node in &nodes {
            if let Some(conn) = self.open_connection(node) {
                return Ok(conn);
            }
        }
        let mut last = None;
        for &node in &nodes {
            let Some(addr) = metadata.brokers.get(&node).map(BrokerMeta::addr) else { continue };
            match self.connect_slot(node, Lane::Main, addr).await {
                Ok(conn) => return Ok(conn),
                // Every broker would refuse the same credentials: report it, not a retriable
                // "no broker reachable".
                Err(e) if e.is_authentication() => return Err(e),
                Err(e) => last = Some(e),
            }
        }
        // No known broker answered. The bootstrap list serves the first connection, and later
        // ones only per `metadata.recovery.strategy`.
        if !nodes.is_empty() {
            let silent_for = self.inner.last_metadata.lock().unwrap_or_else(|p| p.into_inner()).elapsed();
            match self.inner.config.metadata_recovery {
                MetadataRecovery::Rebootstrap { trigger } if silent_for >= trigger => {
                    info!(
                        silent_ms = silent_for.as_millis() as u64,
                        "no broker of the last metadata answered; rebootstrapping from bootstrap.servers"
                    );
                }
                recovery => {
                    let known: Vec<String> = nodes.iter().map(|n| n.to_string()).collect();
                    let when = match recovery {
                        MetadataRecovery::Rebootstrap { trigger } => {
                            format!("; bootstrap.servers is tried again once none has answered for {trigger:?}")
                        }
                        _ => "; metadata.recovery.strategy=none: bootstrap.servers is not tried again".into(),
                    };
                    return Err(Error::NoBrokerReachable {
                        tried: format!("the brokers of the last metadata: {}{when}", known.join(", ")),
                        last: Box::new(last.unwrap_or(Error::Closed)),
                    });
                }
            }
        }
        let bootstrap = &self.inner.config.bootstrap;
        for (i, addr) in bootstrap.iter().enumerate() {
            match self.connect_slot(BOOTSTRAP_ID_BASE - i as i32, Lane::Main, addr.clone()).await {
                Ok(conn) => return Ok(conn),
                Err(e) if e.is_authentication() => return Err(e),
                Err(e) => {
                    warn!(addr = %addr, error = %e, "bootstrap broker unreachable; trying the next");
                    last = Some(e);
                }
            }
        }
        Err(Error::NoBrokerReachable { tried: bootstrap.join(","), last: Box::new(last.unwrap_or(Error::Closed)) })
    }

    /// An open main-lane connection to any broker (bootstrap addresses included), without
    /// connecting: for background work that must not be the first to reach the cluster
    /// (KIP-714 telemetry waits for the client's own first connection).
    pub(crate) fn any_open_connection(&self) -> Option<Connection> {
        let slots: Vec<Slot> = self
            .inner
            .slots
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .filter(|((_, lane), _)| *lane == Lane::Main)
            .map(|(_, slot)| slot.clone())
            .collect();
        slots.iter().find_map(|slot| slot.try_lock().ok()?.conn.as_ref().filter(|c| !c.is_closed()).cloned())
    }

    fn open_connection(&self, node: i32) -> Option<Connection> {
        let slot = self.inner.slots.lock().unwrap_or_else(|p| p.into_inner()).get(&(node, Lane::Main)).cloned()?;
        let state = slot.try_lock().ok()?;
        state.conn.as_ref().filter(|c| !c.is_closed()).cloned()
    }

    /// The main-lane connection to broker `node` (by metadata), opening it if needed.
    pub async fn connection(&self, node: i32) -> Result<Connection> {
        self.connection_on(node, Lane::Main).await
    }

    /// The connection to broker `node` for the requests of `lane`, opening it if needed.
    pub async fn connection_on(&self, node: i32, lane: Lane) -> Result<Connection> {
        let metadata = self.metadata();
        let broker = match metadata.brokers.get(&node) {
            Some(b) => b.addr(),
            None => {
                // Unknown node: refresh once, then give up.
                let metadata = self.refresh().await?;
                metadata.brokers.get(&node).map(BrokerMeta::addr).ok_or(Error::UnknownBroker { node })?
            }
        };
        self.connect_slot(node, lane, broker).await
    }

    async fn connect_slot(&self, node: i32, lane: Lane, addr: String) -> Result<Connection> {
        self.start_reaper();
        let slot = {
            let mut slots = self.inner.slots.lock().unwrap_or_else(|p| p.into_inner());
            slots.entry((node, lane)).or_default().clone()
        };
        let mut state = slot.lock().await;
        if let Some(conn) = state.conn.as_ref().filter(|c| !c.is_closed() && c.broker().addr == addr) {
            conn.mark_used();
            return Ok(conn.clone());
        }
        if let Some(at) = state.next_attempt {
            let now = Instant::now();
            if at > now {
                tokio::time::sleep(at - now).await;
            }
        }
        let broker = BrokerId { node_id: node.max(-1), addr: addr.clone() };
        let mut connection = self.inner.config.connection.clone();
        connection.connect_timeout =
            Backoff::new(connection.connect_timeout, self.inner.config.connect_timeout_max).delay(state.failures);
        match Connection::connect_metered(broker, connection, Some(self.inner.metrics.clone())).await {
            Ok(conn) => {
                if state.failures > 0 {
                    info!(node, ?lane, addr = %addr, "reconnected");
                }
                state.failures = 0;
                state.next_attempt = None;
                state.conn = Some(conn.clone());
                Ok(conn)
            }
            Err(e) => {
                let delay = self.inner.config.reconnect_backoff.delay(state.failures);
                state.failures = state.failures.saturating_add(1);
                state.next_attempt = Some(Instant::now() + delay);
                state.conn = None;
                debug!(node, ?lane, addr = %addr, error = %e, backoff_ms = delay.as_millis() as u64, "connect failed");
                Err(e)
            }
        }
    }

    /// Starts, once, the task that closes connections idle for `connections.max.idle.ms` (as
    /// Java's selector does, so that brokers are not left holding sockets nobody uses). It
    /// looks at each slot it can lock without waiting (a slot being connected is in use) and
    /// ends when the cluster is dropped. A handle someone still holds to a closed connection
    /// fails with `Disconnected`, which callers already treat as a broker closing an idle
    /// connection (Kafka's brokers close theirs after ten minutes).
    fn start_reaper(&self) {
        let Some(idle) = self.inner.config.connections_max_idle else { return };
        if self.inner.reaper.swap(true, Ordering::SeqCst) || tokio::runtime::Handle::try_current().is_err() {
            return;
        }
        let inner = Arc::downgrade(&self.inner);
        let period = (idle / 4).clamp(Duration::from_millis(10), Duration::from_secs(30));
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(period).await;
                let Some(inner) = inner.upgrade() else { return };
                let slots: Vec<((i32, Lane), Slot)> = {
                    let slots = inner.slots.lock().unwrap_or_else(|p| p.into_inner());
                    slots.iter().map(|(key, slot)| (*key, slot.clone())).collect()
                };
                for ((node, lane), slot) in slots {
                    let Ok(mut state) = slot.try_lock() else { continue };
                    let idle_for = state.conn.as_ref().and_then(Connection::idle_for);
                    if idle_for.is_some_and(|d| d >= idle) {
                        if let Some(conn) = state.conn.take() {
                            debug!(node, ?lane, ?idle, "closing an idle connection (connections.max.idle.ms)");
                            conn.close(Duration::ZERO).await;
                        }
                    }
                }
            }
        });
    }

    /// The leader of `topic`-`partition` and a connection to it, refreshing metadata when the
    /// leader is unknown.
    pub async fn leader_connection(&self, topic: &str, partition: i32) -> Result<(i32, Connection)> {
        let mut metadata = self.fresh_metadata().await?;
        if metadata.leader(topic, partition).is_none() {
            self.track_topics([topic]);
            metadata = self.refresh().await?;
        }
        let leader = match metadata.partition(topic, partition) {
            Some(p) if p.leader >= 0 => p.leader,
            Some(p) => {
                return Err(Error::kafka(
                    if p.error.is_ok() { ErrorCode::LEADER_NOT_AVAILABLE } else { p.error },
                    None,
                    ErrorContext::default().with_partition(topic, partition),
                ))
            }
            None => {
                let code = metadata
                    .topic(topic)
                    .map(|t| t.error)
                    .filter(|c| !c.is_ok())
                    .unwrap_or(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION);
                return Err(Error::kafka(code, None, ErrorContext::default().with_partition(topic, partition)));
            }
        };
        Ok((leader, self.connection(leader).await?))
    }

    /// Closes every connection, letting requests in flight finish within `grace`.
    pub async fn close(&self, grace: Duration) {
        let slots: Vec<Slot> =
            self.inner.slots.lock().unwrap_or_else(|p| p.into_inner()).drain().map(|(_, s)| s).collect();
        for slot in slots {
            let conn = slot.lock().await.conn.take();
            if let Some(conn) = conn {
                conn.close(grace).await;
            }
        }
    }
}

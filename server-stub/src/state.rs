//! The cluster's shared state: topics, partitions (leader, leader epoch, replicas, log,
//! idempotent producer state), which brokers are live, which broker coordinates which
//! internal-topic partition, producer id allocation, and the transaction coordinator's state.
//!
//! # Locks
//!
//! [`Shared::state`] is the one lock around all of it (a `std::sync::Mutex`): every handler
//! takes it, reads or changes what it needs, and releases it before any `.await`. Fault rules
//! and request counters have their own small lock ([`Shared::faults`]), and so do the group
//! coordinator ([`Shared::groups`]) and the client telemetry receiver ([`Shared::telemetry`]);
//! no code holds two of these locks at once, so there is no
//! lock order to get wrong. Fetch requests that wait for data register a `Notify` with the
//! partitions they read (under the state lock) and await it after releasing the lock.

use std::collections::hash_map::RandomState;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use kfk_protocol::messages::ApiKey;
use kfk_protocol::Uuid;
use tokio::sync::{Notify, Semaphore};

use crate::faults::FaultState;
use crate::fetch_session::FetchSessions;
use crate::groups::{partition_for, GroupConfig, GroupCoordinator};
use crate::idempotence::ProducerStates;
use crate::limits::Limits;
use crate::log::PartitionLog;
use crate::security::{ListenerPorts, SecurityConfig};
use crate::txn::TxnCoordinator;

/// The settings a cluster was built with.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub brokers: usize,
    pub auto_create_topics: bool,
    pub default_partitions: i32,
    pub default_replication_factor: i16,
    pub retention_bytes: usize,
    pub port_base: u16,
    /// Per-API version caps.
    pub max_versions: HashMap<ApiKey, i16>,
    /// A cap on every API's version.
    pub global_max_version: Option<i16>,
    pub cluster_id: String,
    /// The group coordinator's settings.
    pub groups: GroupConfig,
    /// Each broker's `broker.rack` (index = broker id; missing or `None`: no rack).
    pub racks: Vec<Option<String>>,
    /// Whether leaders name a preferred read replica in the consumer's rack (Kafka's
    /// `replica.selector.class=RackAwareReplicaSelector`).
    pub rack_aware_replica_selector: bool,
    /// Partition bounds, connection timeouts, produce validation threads.
    pub limits: Limits,
    /// Listeners beside PLAINTEXT, SASL mechanisms and credentials, TLS.
    pub security: SecurityConfig,
    /// The client telemetry subscription the cluster starts with (`None`: not served).
    pub telemetry: Option<crate::telemetry::TelemetrySubscription>,
}

impl Config {
    /// A plain cluster of `brokers` for unit tests: no auto-creation, one partition and one
    /// replica by default, no limits, security or telemetry; tests change what they need.
    #[cfg(test)]
    pub(crate) fn for_tests(brokers: usize) -> Config {
        Config {
            brokers,
            auto_create_topics: false,
            default_partitions: 1,
            default_replication_factor: 1,
            retention_bytes: 1 << 20,
            port_base: 0,
            max_versions: std::collections::HashMap::new(),
            global_max_version: None,
            cluster_id: "test".into(),
            groups: Default::default(),
            racks: Vec::new(),
            rack_aware_replica_selector: false,
            limits: Default::default(),
            security: Default::default(),
            telemetry: None,
        }
    }

    /// The rack of `broker`, if it has one.
    pub(crate) fn rack(&self, broker: i32) -> Option<&str> {
        usize::try_from(broker).ok().and_then(|i| self.racks.get(i)).and_then(|r| r.as_deref())
    }
}

/// Kafka's default `max.message.bytes`.
pub(crate) const DEFAULT_MAX_MESSAGE_BYTES: usize = 1_048_588;

/// Everything the brokers of one cluster share. Owned through an `Arc` by the cluster handle,
/// the listener tasks and the connection tasks.
#[derive(Debug)]
pub(crate) struct Shared {
    pub config: Config,
    /// Every listener's port on each broker, fixed for the cluster's life; listener 0 is
    /// PLAINTEXT, the others are the builder's, in its order.
    pub listeners: Vec<ListenerPorts>,
    /// SCRAM credentials (the builder's, then AlterUserScramCredentials'): a leaf lock.
    pub scram: crate::security::scram::Store,
    /// The authorizer and its ACLs (a leaf lock), when the builder asked for one.
    pub authorizer: Option<crate::security::acl::Authorizer>,
    /// The TLS acceptor and the stub's CA, when a listener speaks TLS.
    #[cfg(feature = "tls")]
    pub tls: Option<crate::security::tls::Tls>,
    state: Mutex<ClusterState>,
    /// Fault rules and request counters.
    pub faults: Mutex<FaultState>,
    groups: Mutex<GroupCoordinator>,
    /// Wakes the coordinator's timer task when an earlier deadline is scheduled.
    pub groups_wake: Arc<Notify>,
    /// Turns on the blocking threads that check produced batches
    /// (`Limits::decompression_threads` permits).
    pub decompression: Arc<Semaphore>,
    /// The client telemetry receiver (KIP-714): a leaf lock.
    telemetry: Mutex<crate::telemetry::TelemetryState>,
}

impl Shared {
    /// A cluster whose brokers listen on `ports` (PLAINTEXT) alone; see [`Shared::with_listener`]
    /// and `with_tls` for the others.
    pub(crate) fn new(config: Config, ports: Vec<u16>) -> Self {
        let state =
            ClusterState::new(config.brokers, config.groups.offsets_partitions, config.groups.transaction_partitions);
        let groups_wake = Arc::new(Notify::new());
        let groups = GroupCoordinator::new(config.groups.clone(), groups_wake.clone());
        Shared {
            listeners: vec![ListenerPorts { protocol: crate::SecurityProtocol::Plaintext, ports }],
            scram: crate::security::scram::Store::new(config.security.scram.clone()),
            authorizer: config.security.authorizer.clone().map(crate::security::acl::Authorizer::new),
            #[cfg(feature = "tls")]
            tls: None,
            state: Mutex::new(state),
            faults: Mutex::new(FaultState::default()),
            groups: Mutex::new(groups),
            groups_wake,
            telemetry: Mutex::new(crate::telemetry::TelemetryState::new(config.telemetry.clone())),
            decompression: Arc::new(Semaphore::new(
                config.limits.decompression_threads.clamp(1, Semaphore::MAX_PERMITS),
            )),
            config,
        }
    }

    /// Adds a listener (its port on each broker).
    pub(crate) fn with_listener(mut self, listener: ListenerPorts) -> Self {
        self.listeners.push(listener);
        self
    }

    /// Sets the TLS acceptor of the TLS listeners.
    #[cfg(feature = "tls")]
    pub(crate) fn with_tls(mut self, tls: Option<crate::security::tls::Tls>) -> Self {
        self.tls = tls;
        self
    }

    /// The port of `broker` on `listener` (the one a request came in on: Kafka answers with
    /// the endpoints of that listener), 0 if there is none.
    pub(crate) fn port(&self, listener: usize, broker: i32) -> u16 {
        let ports = self.listeners.get(listener).map(|l| l.ports.as_slice()).unwrap_or_default();
        usize::try_from(broker).ok().and_then(|i| ports.get(i)).copied().unwrap_or(0)
    }

    /// The cluster state. Never hold the guard across an `.await`.
    pub(crate) fn state(&self) -> MutexGuard<'_, ClusterState> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Fault rules and counters. Never hold the guard across an `.await`.
    pub(crate) fn faults(&self) -> MutexGuard<'_, FaultState> {
        self.faults.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The client telemetry receiver. Never hold the guard across an `.await`, nor with
    /// another lock.
    pub(crate) fn telemetry(&self) -> MutexGuard<'_, crate::telemetry::TelemetryState> {
        self.telemetry.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The group coordinator. Never hold the guard across an `.await`, nor with another lock.
    pub(crate) fn groups(&self) -> MutexGuard<'_, GroupCoordinator> {
        self.groups.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The kinds of coordinator FindCoordinator looks up (its `key_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CoordinatorKind {
    /// Consumer groups: partitions of `__consumer_offsets`.
    Group,
    /// Transactional ids: partitions of `__transaction_state`.
    Transaction,
}

/// The partitions of one internal topic (`__consumer_offsets` or `__transaction_state`): the
/// stub does not store them as topics, but places and fails them over like topic partitions,
/// and a partition's leader is the coordinator of the keys hashed to it.
#[derive(Debug)]
pub(crate) struct CoordinatorPartitions {
    replicas: Vec<Vec<i32>>,
    leaders: Vec<i32>,
}

impl CoordinatorPartitions {
    /// `count` partitions over `brokers` brokers, `min(3, brokers)` replicas each (Kafka's
    /// internal topics' replication factor), partition p led by broker `p mod brokers`.
    fn new(count: i32, brokers: usize) -> Self {
        let n = brokers.max(1);
        let rf = n.min(3);
        let replicas: Vec<Vec<i32>> =
            (0..count.max(1) as usize).map(|p| (0..rf).map(|r| ((p + r) % n) as i32).collect()).collect();
        let leaders = replicas.iter().map(|r| r[0]).collect();
        CoordinatorPartitions { replicas, leaders }
    }

    fn len(&self) -> i32 {
        self.leaders.len() as i32
    }

    /// Moves leadership off a stopped broker; returns `(partition, new leader or -1)` for each
    /// partition that changed.
    fn broker_down(&mut self, broker: i32, is_live: impl Fn(i32) -> bool) -> Vec<(i32, i32)> {
        let mut moved = Vec::new();
        for (p, (leader, replicas)) in self.leaders.iter_mut().zip(&self.replicas).enumerate() {
            if *leader == broker {
                *leader = replicas.iter().copied().find(|&b| is_live(b)).unwrap_or(-1);
                moved.push((p as i32, *leader));
            }
        }
        moved
    }

    /// A restarted broker leads the partitions that had no leader.
    fn broker_up(&mut self, broker: i32) -> Vec<(i32, i32)> {
        let mut moved = Vec::new();
        for (p, (leader, replicas)) in self.leaders.iter_mut().zip(&self.replicas).enumerate() {
            if *leader == -1 && replicas.contains(&broker) {
                *leader = broker;
                moved.push((p as i32, broker));
            }
        }
        moved
    }
}

/// Milliseconds since the Unix epoch.
pub(crate) fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

/// A random, non-zero topic id.
pub(crate) fn random_uuid() -> Uuid {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let word = || {
        let mut h = RandomState::new().build_hasher();
        h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        h.write_i64(now_ms());
        h.finish()
    };
    let v = (u128::from(word()) << 64) | u128::from(word());
    Uuid::from_u128(if v == 0 { 1 } else { v })
}

/// Kafka's topic name rules: 1..=249 of `[a-zA-Z0-9._-]`, not `.` or `..`.
pub(crate) fn validate_topic_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("Topic name is illegal, it can't be empty".into());
    }
    if name == "." || name == ".." {
        return Err("Topic name cannot be \".\" or \"..\"".into());
    }
    if name.len() > 249 {
        return Err(format!("Topic name is illegal, it can't be longer than 249 characters, topic name: {name}"));
    }
    if !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_' || b == b'-') {
        return Err(format!(
            "Topic name \"{name}\" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'"
        ));
    }
    Ok(())
}

/// One partition.
#[derive(Debug)]
pub(crate) struct Partition {
    /// The leading broker, or -1 when no replica is live.
    pub leader: i32,
    pub leader_epoch: i32,
    pub replicas: Vec<i32>,
    pub log: PartitionLog,
    pub producers: ProducerStates,
}

/// One topic.
#[derive(Debug)]
pub(crate) struct Topic {
    pub name: String,
    pub id: Uuid,
    pub configs: BTreeMap<String, String>,
    pub partitions: Vec<Partition>,
}

impl Topic {
    /// The byte bound of each partition's log: the topic's `retention.bytes` where it is set
    /// (not -1), never more than the cluster's bound, so that no topic config lets memory grow
    /// without limit.
    pub(crate) fn retention_bytes(&self, bound: usize) -> usize {
        self.configs
            .get("retention.bytes")
            .and_then(|v| v.parse::<i64>().ok())
            .and_then(|v| usize::try_from(v).ok())
            .map_or(bound, |v| v.min(bound))
    }

    /// Applies the topic's configs to its partitions' logs (after they changed).
    pub(crate) fn apply_configs(&mut self, bound: usize) {
        let retention = self.retention_bytes(bound);
        for p in &mut self.partitions {
            p.log.set_retention(retention);
        }
    }

    /// Whether batches get the broker's time (`message.timestamp.type=LogAppendTime`).
    pub(crate) fn log_append_time(&self) -> bool {
        self.configs.get("message.timestamp.type").is_some_and(|v| v == "LogAppendTime")
    }

    /// The topic's `max.message.bytes`.
    pub(crate) fn max_message_bytes(&self) -> usize {
        self.configs.get("max.message.bytes").and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_MAX_MESSAGE_BYTES)
    }
}

/// The loggers a broker lists before any is set, with their level.
pub(crate) const DEFAULT_LOGGERS: &[(&str, &str)] =
    &[("root", "INFO"), ("kafka", "INFO"), ("org.apache.kafka", "INFO")];

/// Dynamic broker configs and logger levels, as DescribeConfigs and IncrementalAlterConfigs
/// see and change them (`handlers/broker_configs.rs`); the stub keeps them, it does not act on
/// them.
#[derive(Debug, Default)]
pub(crate) struct BrokerConfigState {
    /// By resource name: "" for the cluster-wide default, else a broker id.
    pub dynamic: BTreeMap<String, BTreeMap<String, String>>,
    /// Logger levels set per broker (the others are as in [`DEFAULT_LOGGERS`]).
    pub loggers: BTreeMap<i32, BTreeMap<String, String>>,
}

impl BrokerConfigState {
    /// Every logger of `broker` with its level.
    pub(crate) fn logger_levels(&self, broker: i32) -> BTreeMap<String, String> {
        let mut levels: BTreeMap<String, String> =
            DEFAULT_LOGGERS.iter().map(|(name, level)| (name.to_string(), level.to_string())).collect();
        levels.extend(self.loggers.get(&broker).into_iter().flatten().map(|(k, v)| (k.clone(), v.clone())));
        levels
    }
}

/// Topics, partitions and brokers, behind [`Shared::state`].
#[derive(Debug)]
pub(crate) struct ClusterState {
    topics: BTreeMap<String, Topic>,
    topic_ids: HashMap<Uuid, String>,
    live: Vec<bool>,
    next_producer_id: i64,
    group_coordinators: CoordinatorPartitions,
    txn_coordinators: CoordinatorPartitions,
    /// Transactional ids and their transactions (module `txn`).
    pub txns: TxnCoordinator,
    /// Every broker's fetch sessions (KIP-227).
    pub(crate) fetch_sessions: FetchSessions,
    /// Dynamic broker configs and logger levels.
    pub(crate) broker_configs: BrokerConfigState,
}

impl ClusterState {
    fn new(brokers: usize, offsets_partitions: i32, txn_partitions: i32) -> Self {
        ClusterState {
            topics: BTreeMap::new(),
            topic_ids: HashMap::new(),
            live: vec![true; brokers],
            next_producer_id: 1000,
            group_coordinators: CoordinatorPartitions::new(offsets_partitions, brokers),
            txn_coordinators: CoordinatorPartitions::new(txn_partitions, brokers),
            txns: TxnCoordinator::default(),
            fetch_sessions: FetchSessions::default(),
            broker_configs: Default::default(),
        }
    }

    fn coordinator_partitions(&self, kind: CoordinatorKind) -> &CoordinatorPartitions {
        match kind {
            CoordinatorKind::Group => &self.group_coordinators,
            CoordinatorKind::Transaction => &self.txn_coordinators,
        }
    }

    /// The broker coordinating `key` (a group id or transactional id), or -1 when its
    /// internal-topic partition has no live replica.
    pub(crate) fn coordinator(&self, kind: CoordinatorKind, key: &str) -> i32 {
        let partitions = self.coordinator_partitions(kind);
        let p = partition_for(key, partitions.len());
        partitions.leaders.get(p as usize).copied().unwrap_or(-1)
    }

    /// The leader (or -1) of every `__consumer_offsets` partition, by partition.
    pub(crate) fn group_coordinator_leaders(&self) -> Vec<i32> {
        self.group_coordinators.leaders.clone()
    }

    pub(crate) fn broker_count(&self) -> usize {
        self.live.len()
    }

    pub(crate) fn is_live(&self, broker: i32) -> bool {
        usize::try_from(broker).ok().and_then(|i| self.live.get(i)).copied().unwrap_or(false)
    }

    /// Live broker ids, ascending.
    pub(crate) fn live_brokers(&self) -> Vec<i32> {
        (0..self.live.len() as i32).filter(|&b| self.is_live(b)).collect()
    }

    pub(crate) fn topics(&self) -> impl Iterator<Item = &Topic> {
        self.topics.values()
    }

    pub(crate) fn topic(&self, name: &str) -> Option<&Topic> {
        self.topics.get(name)
    }

    pub(crate) fn topic_mut(&mut self, name: &str) -> Option<&mut Topic> {
        self.topics.get_mut(name)
    }

    /// A topic to change, with the transaction coordinator to check its writes against.
    pub(crate) fn topic_mut_and_txns(&mut self, name: &str) -> (Option<&mut Topic>, &mut TxnCoordinator) {
        (self.topics.get_mut(name), &mut self.txns)
    }

    /// Partitions of every topic (internal topics not counted).
    pub(crate) fn partition_count(&self) -> u64 {
        self.topics.values().map(|t| t.partitions.len() as u64).sum()
    }

    pub(crate) fn topic_name(&self, id: Uuid) -> Option<&str> {
        self.topic_ids.get(&id).map(String::as_str)
    }

    /// Replicas for `count` new partitions numbered from `first`, `replication_factor` each:
    /// partition p is led by the (p mod n)-th live broker, followed by the next live ones.
    pub(crate) fn default_assignment(&self, first: i32, count: i32, replication_factor: i16) -> Vec<Vec<i32>> {
        let live = self.live_brokers();
        if live.is_empty() {
            return Vec::new();
        }
        let rf = (replication_factor.max(1) as usize).min(live.len());
        (first..first + count).map(|p| (0..rf).map(|r| live[(p as usize + r) % live.len()]).collect()).collect()
    }

    /// Creates a topic with one partition per entry of `assignments` (replica lists, the first
    /// live replica leads).
    pub(crate) fn create_topic(
        &mut self,
        name: &str,
        assignments: Vec<Vec<i32>>,
        configs: BTreeMap<String, String>,
        default_retention: usize,
    ) -> Uuid {
        let id = random_uuid();
        let mut topic = Topic { name: name.to_owned(), id, configs, partitions: Vec::with_capacity(assignments.len()) };
        self.push_partitions(&mut topic, assignments, default_retention);
        self.topic_ids.insert(id, name.to_owned());
        self.topics.insert(name.to_owned(), topic);
        id
    }

    /// Adds partitions to an existing topic.
    pub(crate) fn add_partitions(&mut self, name: &str, assignments: Vec<Vec<i32>>, default_retention: usize) {
        if let Some(mut topic) = self.topics.remove(name) {
            self.push_partitions(&mut topic, assignments, default_retention);
            self.topics.insert(name.to_owned(), topic);
        }
    }

    fn push_partitions(&self, topic: &mut Topic, assignments: Vec<Vec<i32>>, default_retention: usize) {
        let retention = topic.retention_bytes(default_retention);
        for replicas in assignments {
            let leader = replicas.iter().copied().find(|&b| self.is_live(b)).unwrap_or(-1);
            topic.partitions.push(Partition {
                leader,
                leader_epoch: 0,
                replicas,
                log: PartitionLog::new(retention, 0),
                producers: ProducerStates::default(),
            });
        }
    }

    /// Deletes a topic, waking fetches parked on it. Returns its id.
    pub(crate) fn delete_topic(&mut self, name: &str) -> Option<Uuid> {
        let mut topic = self.topics.remove(name)?;
        self.topic_ids.remove(&topic.id);
        for p in &mut topic.partitions {
            p.log.wake_waiters();
        }
        Some(topic.id)
    }

    /// Makes `leader` (or nobody, -1) the partition's leader, bumping the leader epoch.
    fn change_leader(partition: &mut Partition, leader: i32) {
        partition.leader = leader;
        partition.leader_epoch += 1;
        partition.log.new_leader_epoch(partition.leader_epoch);
    }

    /// Moves leadership of `topic`-`partition` to `broker` (a live replica).
    pub(crate) fn move_leader(&mut self, topic: &str, partition: i32, broker: i32) -> crate::Result<()> {
        let live = self.is_live(broker);
        let unknown = || crate::Error::UnknownPartition { topic: topic.to_owned(), partition };
        let p = self
            .topics
            .get_mut(topic)
            .and_then(|t| usize::try_from(partition).ok().and_then(|i| t.partitions.get_mut(i)))
            .ok_or_else(unknown)?;
        if !live || !p.replicas.contains(&broker) {
            return Err(crate::Error::NotAReplica { broker, topic: topic.to_owned(), partition });
        }
        if p.leader != broker {
            Self::change_leader(p, broker);
        }
        Ok(())
    }

    /// An unclean leader election on `topic`-`partition`: the log loses everything from
    /// `offset` (rounded down to a batch start) and the leader starts a new epoch at the new
    /// end. Returns the new log end.
    pub(crate) fn truncate_partition(&mut self, topic: &str, partition: i32, offset: i64) -> crate::Result<i64> {
        let p = self
            .topics
            .get_mut(topic)
            .and_then(|t| usize::try_from(partition).ok().and_then(|i| t.partitions.get_mut(i)))
            .ok_or_else(|| crate::Error::UnknownPartition { topic: topic.to_owned(), partition })?;
        let end = p.log.truncate_to(offset);
        let leader = p.leader;
        Self::change_leader(p, leader);
        Ok(end)
    }

    /// Gives every topic partition whose preferred (first) replica is live but not leading back
    /// to it, with a new leader epoch, as Kafka's preferred leader election does. Returns how
    /// many partitions moved.
    pub(crate) fn elect_preferred_leaders(&mut self) -> usize {
        let live = self.live.clone();
        let is_live = |b: i32| usize::try_from(b).ok().and_then(|i| live.get(i)).copied().unwrap_or(false);
        let mut moved = 0;
        for topic in self.topics.values_mut() {
            for p in &mut topic.partitions {
                match p.replicas.first().copied() {
                    Some(preferred) if preferred != p.leader && is_live(preferred) => {
                        Self::change_leader(p, preferred);
                        moved += 1;
                    }
                    _ => {}
                }
            }
        }
        moved
    }

    /// A broker stopped: it leaves every ISR; partitions it led move to another live replica
    /// (or go offline), with a new leader epoch. Returns the `__consumer_offsets` partitions
    /// whose leader (group coordinator) changed, with their new leader or -1.
    pub(crate) fn broker_down(&mut self, broker: i32) -> Vec<(i32, i32)> {
        self.fetch_sessions.clear_broker(broker);
        if let Some(l) = usize::try_from(broker).ok().and_then(|i| self.live.get_mut(i)) {
            *l = false;
        }
        let live = self.live.clone();
        let is_live = |b: i32| usize::try_from(b).ok().and_then(|i| live.get(i)).copied().unwrap_or(false);
        for topic in self.topics.values_mut() {
            for p in &mut topic.partitions {
                if p.leader == broker {
                    let next = p.replicas.iter().copied().find(|&b| is_live(b)).unwrap_or(-1);
                    Self::change_leader(p, next);
                }
            }
        }
        self.txn_coordinators.broker_down(broker, is_live);
        self.group_coordinators.broker_down(broker, is_live)
    }

    /// A broker came back: it rejoins the ISRs, and leads the partitions that had no leader.
    /// Returns the `__consumer_offsets` partitions it now leads that had no leader.
    pub(crate) fn broker_up(&mut self, broker: i32) -> Vec<(i32, i32)> {
        if let Some(l) = usize::try_from(broker).ok().and_then(|i| self.live.get_mut(i)) {
            *l = true;
        }
        for topic in self.topics.values_mut() {
            for p in &mut topic.partitions {
                if p.leader == -1 && p.replicas.contains(&broker) {
                    Self::change_leader(p, broker);
                }
            }
        }
        self.txn_coordinators.broker_up(broker);
        self.group_coordinators.broker_up(broker)
    }

    /// Runs `f` on the transaction coordinator with the producer id allocator at hand.
    pub(crate) fn with_txns<R>(&mut self, f: impl FnOnce(&mut TxnCoordinator, &mut dyn FnMut() -> i64) -> R) -> R {
        let next = &mut self.next_producer_id;
        let mut allocate = || {
            let id = *next;
            *next += 1;
            id
        };
        f(&mut self.txns, &mut allocate)
    }

    /// A fresh producer id.
    pub(crate) fn allocate_producer_id(&mut self) -> i64 {
        let id = self.next_producer_id;
        self.next_producer_id += 1;
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_name_rules() {
        assert!(validate_topic_name("orders.v1_x-2").is_ok());
        assert!(validate_topic_name("").is_err());
        assert!(validate_topic_name(".").is_err());
        assert!(validate_topic_name("..").is_err());
        assert!(validate_topic_name("a b").is_err());
        assert!(validate_topic_name(&"a".repeat(249)).is_ok());
        assert!(validate_topic_name(&"a".repeat(250)).is_err());
    }

    #[test]
    fn leaders_spread_and_fail_over() {
        let mut s = ClusterState::new(3, 50, 50);
        let assignment = s.default_assignment(0, 3, 2);
        assert_eq!(assignment, vec![vec![0, 1], vec![1, 2], vec![2, 0]]);
        s.create_topic("t", assignment, BTreeMap::new(), 1 << 20);
        s.broker_down(1);
        let t = s.topic("t").expect("created");
        assert_eq!((t.partitions[0].leader, t.partitions[0].leader_epoch), (0, 0));
        assert_eq!((t.partitions[1].leader, t.partitions[1].leader_epoch), (2, 1));
        s.broker_up(1);
        s.move_leader("t", 1, 1).expect("1 is a live replica");
        let t = s.topic("t").expect("created");
        assert_eq!((t.partitions[1].leader, t.partitions[1].leader_epoch), (1, 2));
        assert!(s.move_leader("t", 0, 2).is_err());
    }

    #[test]
    fn coordinators_fail_over_like_partitions_and_stay_put_on_restart() {
        let mut s = ClusterState::new(4, 50, 50);
        // "my-consumer-group" hashes to partition 13: replicas 1, 2, 3.
        let kind = CoordinatorKind::Group;
        assert_eq!(s.coordinator(kind, "my-consumer-group"), 1);
        assert_eq!(s.broker_down(1).iter().find(|(p, _)| *p == 13), Some(&(13, 2)));
        assert_eq!(s.coordinator(kind, "my-consumer-group"), 2);
        s.broker_down(2);
        s.broker_down(3);
        assert_eq!(s.coordinator(kind, "my-consumer-group"), -1, "no live replica");
        assert_eq!(s.broker_up(1).iter().find(|(p, _)| *p == 13), Some(&(13, 1)));
        s.broker_up(2);
        assert_eq!(s.coordinator(kind, "my-consumer-group"), 1, "a restart does not move leadership back");
        assert_eq!(s.coordinator(CoordinatorKind::Transaction, "my-consumer-group"), 1);
    }

    #[test]
    fn uuids_differ() {
        assert_ne!(random_uuid(), random_uuid());
        assert_ne!(random_uuid(), Uuid::ZERO);
    }
}

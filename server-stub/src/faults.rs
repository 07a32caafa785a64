//! Breaking the cluster on purpose, and counting what it was asked.
//!
//! A [`Faults`] handle (from [`StubCluster::faults`]) changes how brokers answer:
//!
//! - [`ErrorFault`]: answer the next N requests of an API with an error code, optionally only on
//!   one broker or only for one topic partition (Produce, Fetch, ListOffsets, DeleteRecords and
//!   DescribeProducers; the other partitions of the request are served normally);
//! - [`Faults::delay`] / [`Faults::latency`]: hold requests of an API, or every request of a
//!   broker, for a while before handling them; [`Faults::delay_answers`]: handle requests of an
//!   API at once but hold their answers (the effect comes first: a client timing out cannot
//!   tell whether its request took effect);
//! - [`Faults::drop_connections`] / [`Faults::drop_after_next`]: cut a broker's connections now,
//!   or right after the next request of an API arrives ([`DropMode`]: handled or not);
//! - [`Faults::stop_broker`] / [`Faults::restart_broker`] / [`Faults::move_leader`]: take a
//!   broker away (its partitions fail over to a live replica with a new leader epoch) and bring
//!   it back on the same port; [`Faults::elect_preferred_leaders`] then gives its partitions
//!   back, as Kafka's leader rebalance does; [`Faults::truncate_log`] plays an unclean leader
//!   election that loses the end of a log.
//!
//! Rules live in [`FaultState`] behind their own lock, taken briefly when a request arrives.

use std::collections::HashMap;
use std::time::Duration;

use kfk_protocol::messages::ApiKey;

use crate::cluster::StubCluster;

/// Answer requests of one API with an error code instead of serving them.
///
/// ```
/// use kfk_protocol::messages::ApiKey;
/// use kfk_stub::ErrorFault;
///
/// // The next 2 Produce requests to broker 1 for orders-0 get NOT_LEADER_OR_FOLLOWER.
/// let fault = ErrorFault::new(ApiKey::Produce, 6).times(2).on_broker(1).on_partition("orders", 0);
/// # let _ = fault;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorFault {
    api: ApiKey,
    error_code: i16,
    remaining: u32,
    broker: Option<i32>,
    partition: Option<(String, i32)>,
}

impl ErrorFault {
    /// The next request of `api` (on any broker) is answered with `error_code`.
    pub fn new(api: ApiKey, error_code: i16) -> Self {
        ErrorFault { api, error_code, remaining: 1, broker: None, partition: None }
    }

    /// Applies to the next `n` matching requests instead of one.
    pub fn times(mut self, n: u32) -> Self {
        self.remaining = n;
        self
    }

    /// Only requests to this broker.
    pub fn on_broker(mut self, broker: i32) -> Self {
        self.broker = Some(broker);
        self
    }

    /// Only this partition of requests that carry it (Produce, Fetch, ListOffsets, DeleteRecords,
    /// DescribeProducers); the rest of the request is served. For other APIs the rule never
    /// matches, and [`Faults::inject`] says so in a warning.
    pub fn on_partition(mut self, topic: impl Into<String>, partition: i32) -> Self {
        self.partition = Some((topic.into(), partition));
        self
    }

    fn matches(&self, broker: i32, api: ApiKey) -> bool {
        self.api == api && self.remaining > 0 && self.broker.is_none_or(|b| b == broker)
    }
}

/// The APIs whose error faults may be scoped to one partition.
const PARTITION_SCOPED: [ApiKey; 5] =
    [ApiKey::Produce, ApiKey::Fetch, ApiKey::ListOffsets, ApiKey::DeleteRecords, ApiKey::DescribeProducers];

/// What happens to the request after which a broker drops its connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DropMode {
    /// The request is read and discarded: it has no effect.
    BeforeHandling,
    /// The request takes effect (a Produce is appended) but its response is lost.
    AfterHandling,
}

#[derive(Debug, Clone)]
struct DropRule {
    api: ApiKey,
    broker: Option<i32>,
    mode: DropMode,
}

/// Fault rules and request counters, behind [`crate::state::Shared::faults`].
#[derive(Debug, Default)]
pub(crate) struct FaultState {
    errors: Vec<ErrorFault>,
    delays: HashMap<ApiKey, Duration>,
    answer_delays: HashMap<ApiKey, Duration>,
    latency: HashMap<i32, Duration>,
    drops: Vec<DropRule>,
    counts: HashMap<(i32, ApiKey), u64>,
    /// Brokers that Metadata answers leave out of their broker list.
    unlisted: std::collections::BTreeSet<i32>,
    /// Bytes that Fetch answers carry for a partition instead of its records.
    fetched: HashMap<(String, i32), bytes::Bytes>,
}

/// The faults that apply to one request, decided when it arrives.
#[derive(Debug, Default)]
pub(crate) struct RequestFaults {
    /// Answer the whole request with this code.
    pub error: Option<i16>,
    /// Close the connection after reading it.
    pub drop: Option<DropMode>,
    /// Wait this long before handling.
    pub delay: Duration,
    /// Wait this long after handling, before answering.
    pub answer_delay: Duration,
}

impl FaultState {
    /// Counts a request and decides which whole-request faults apply to it.
    pub(crate) fn on_request(&mut self, broker: i32, api: ApiKey) -> RequestFaults {
        *self.counts.entry((broker, api)).or_default() += 1;
        let mut faults = RequestFaults::default();
        if let Some(rule) = self.errors.iter_mut().find(|r| r.partition.is_none() && r.matches(broker, api)) {
            rule.remaining -= 1;
            faults.error = Some(rule.error_code);
        }
        if let Some(i) = self.drops.iter().position(|d| d.api == api && d.broker.is_none_or(|b| b == broker)) {
            faults.drop = Some(self.drops.remove(i).mode);
        }
        faults.delay =
            self.delays.get(&api).copied().unwrap_or_default() + self.latency.get(&broker).copied().unwrap_or_default();
        faults.answer_delay = self.answer_delays.get(&api).copied().unwrap_or_default();
        self.errors.retain(|r| r.remaining > 0);
        faults
    }

    /// Claims the partition-scoped error rules matching some of `partitions` (each rule counts
    /// once per request). Returns the error code per faulted partition.
    pub(crate) fn partition_errors(
        &mut self,
        broker: i32,
        api: ApiKey,
        partitions: &[(String, i32)],
    ) -> HashMap<(String, i32), i16> {
        let mut hit = HashMap::new();
        for rule in self.errors.iter_mut().filter(|r| r.partition.is_some() && r.matches(broker, api)) {
            if let Some(tp) = rule.partition.as_ref().filter(|tp| partitions.contains(tp)) {
                hit.entry(tp.clone()).or_insert(rule.error_code);
                rule.remaining -= 1;
            }
        }
        self.errors.retain(|r| r.remaining > 0);
        hit
    }

    /// Whether any partition-scoped error rule is armed for `api` (to skip the work otherwise).
    pub(crate) fn has_partition_rules(&self, api: ApiKey) -> bool {
        self.errors.iter().any(|r| r.api == api && r.partition.is_some())
    }

    /// The bytes Fetch answers carry instead of a partition's records, by (topic, partition).
    pub(crate) fn replaced_records(&self) -> HashMap<(String, i32), bytes::Bytes> {
        self.fetched.clone()
    }

    /// The brokers Metadata answers leave out of their broker list.
    pub(crate) fn unlisted_brokers(&self) -> std::collections::BTreeSet<i32> {
        self.unlisted.clone()
    }

    pub(crate) fn count(&self, broker: Option<i32>, api: ApiKey) -> u64 {
        self.counts.iter().filter(|((b, a), _)| *a == api && broker.is_none_or(|x| x == *b)).map(|(_, n)| n).sum()
    }
}

/// Handle to break a running cluster on purpose. Cheap to clone; it keeps the cluster alive.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), kfk_stub::Error> {
/// use std::time::Duration;
/// use kfk_protocol::messages::ApiKey;
/// use kfk_stub::{ErrorFault, StubCluster};
///
/// let cluster = StubCluster::builder().brokers(2).start().await?;
/// let faults = cluster.faults();
/// faults.inject(ErrorFault::new(ApiKey::Metadata, 7).times(3));
/// faults.delay(ApiKey::Fetch, Duration::from_millis(200));
/// faults.stop_broker(1).await?;
/// faults.restart_broker(1).await?;
/// faults.clear();
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Faults {
    cluster: StubCluster,
}

impl Faults {
    pub(crate) fn new(cluster: StubCluster) -> Self {
        Faults { cluster }
    }

    /// Arms an error rule.
    pub fn inject(&self, fault: ErrorFault) {
        if fault.partition.is_some() && !PARTITION_SCOPED.contains(&fault.api) {
            tracing::warn!(api = ?fault.api, "a partition-scoped fault on an API without partitions never fires");
        }
        self.cluster.shared().faults().errors.push(fault);
    }

    /// Answers the next `count` requests of `api` on any broker with `error_code`.
    pub fn fail_next(&self, api: ApiKey, count: u32, error_code: i16) {
        self.inject(ErrorFault::new(api, error_code).times(count));
    }

    /// Holds every request of `api` for `delay` before handling it (zero removes the delay).
    pub fn delay(&self, api: ApiKey, delay: Duration) {
        set_or_remove(&mut self.cluster.shared().faults().delays, api, delay);
    }

    /// Handles every request of `api` at once but holds its answer for `delay` (zero removes
    /// the delay): a client whose request times out meanwhile cannot know that it took effect.
    pub fn delay_answers(&self, api: ApiKey, delay: Duration) {
        set_or_remove(&mut self.cluster.shared().faults().answer_delays, api, delay);
    }

    /// Adds `latency` before handling every request of `broker` (zero removes it).
    pub fn latency(&self, broker: i32, latency: Duration) {
        set_or_remove(&mut self.cluster.shared().faults().latency, broker, latency);
    }

    /// Closes every open connection of `broker` now (the listener keeps accepting).
    pub fn drop_connections(&self, broker: i32) -> crate::Result<()> {
        self.cluster.drop_connections(broker)
    }

    /// After the next request of `api` (on `broker`, or any broker), close that connection
    /// without answering; `mode` says whether the request takes effect first.
    pub fn drop_after_next(&self, api: ApiKey, broker: Option<i32>, mode: DropMode) {
        self.cluster.shared().faults().drops.push(DropRule { api, broker, mode });
    }

    /// Stops a broker: its listener and connections close, and leadership of its partitions
    /// moves to another live replica (or the partition goes offline), with a new leader epoch.
    pub async fn stop_broker(&self, broker: i32) -> crate::Result<()> {
        self.cluster.stop_broker(broker).await
    }

    /// Restarts a stopped broker on the same port. It rejoins the ISRs and leads partitions
    /// that had no leader; use [`Faults::move_leader`] to give it back others.
    pub async fn restart_broker(&self, broker: i32) -> crate::Result<()> {
        self.cluster.restart_broker(broker).await
    }

    /// Leaves `broker` out of the broker list of every Metadata answer while partitions still
    /// name it as their leader (`false` lists it again). Real clusters answer like this for a
    /// moment while a broker restarts; clients must neither spin on it nor hide it.
    pub fn unlist_broker(&self, broker: i32, unlisted: bool) {
        let shared = self.cluster.shared();
        let mut f = shared.faults();
        if unlisted {
            f.unlisted.insert(broker);
        } else {
            f.unlisted.remove(&broker);
        }
    }

    /// Answers every Fetch of `topic`-`partition` that reads records with `records` instead
    /// (`None` restores the log's): a truncated or malformed batch, as a damaged log or a
    /// buggy broker would send it.
    pub fn replace_fetched_records(&self, topic: &str, partition: i32, records: Option<bytes::Bytes>) {
        let shared = self.cluster.shared();
        let mut f = shared.faults();
        match records {
            Some(r) => f.fetched.insert((topic.to_owned(), partition), r),
            None => f.fetched.remove(&(topic.to_owned(), partition)),
        };
    }

    /// Moves leadership of a partition to `broker` (a live replica), bumping the leader epoch.
    pub fn move_leader(&self, topic: &str, partition: i32, broker: i32) -> crate::Result<()> {
        self.cluster.shared().state().move_leader(topic, partition, broker)
    }

    /// Simulates an unclean leader election on `topic`-`partition`: the log loses every record
    /// from `offset` on (rounded down to the start of the batch holding it) and the leader
    /// epoch goes up, the new epoch starting at the new log end. Consumers that had read past
    /// it must notice the truncation (KIP-320). Producer sequence state is kept, so use it with
    /// fresh producers afterwards. Returns the new log end.
    pub fn truncate_log(&self, topic: &str, partition: i32, offset: i64) -> crate::Result<i64> {
        self.cluster.shared().state().truncate_partition(topic, partition, offset)
    }

    /// Moves the leadership of every topic partition back to its preferred (first) replica where
    /// that broker is live, as Kafka's automatic leader rebalance or `kafka-leader-election
    /// --election-type PREFERRED` does after a restart. Returns how many partitions moved.
    pub fn elect_preferred_leaders(&self) -> usize {
        self.cluster.shared().state().elect_preferred_leaders()
    }

    /// Removes every error, delay, latency, drop and unlisting rule (stopped brokers stay
    /// stopped).
    pub fn clear(&self) {
        let shared = self.cluster.shared();
        let mut f = shared.faults();
        f.errors.clear();
        f.delays.clear();
        f.answer_delays.clear();
        f.latency.clear();
        f.drops.clear();
        f.unlisted.clear();
        f.fetched.clear();
    }
}

/// Sets a delay rule, or removes it when `delay` is zero.
fn set_or_remove<K: std::hash::Hash + Eq>(rules: &mut HashMap<K, Duration>, key: K, delay: Duration) {
    if delay.is_zero() {
        rules.remove(&key);
    } else {
        rules.insert(key, delay);
    }
}

//! Where each request goes, and retrying within an operation's timeout.
//!
//! - **Controller APIs** (CreateTopics, DeleteTopics, CreatePartitions, ElectLeaders, ACLs,
//!   quotas, SCRAM, reassignments, non-broker config changes) go to the `controller_id` of the
//!   last Metadata response. In KRaft that is a broker chosen by the cluster, which forwards to
//!   the quorum; `NOT_CONTROLLER` means the choice is stale: metadata is refreshed and the
//!   request retried.
//! - **Broker resources** (a broker's configs, log dirs, API versions) go to that broker.
//! - **Group and transaction APIs** go to the coordinator FindCoordinator names;
//!   `NOT_COORDINATOR` / `COORDINATOR_NOT_AVAILABLE` look it up again.
//! - **Partition APIs** (ListOffsets, DeleteRecords, DescribeProducers, WriteTxnMarkers) go to
//!   each partition's leader, one request per leader.
//!
//! Every operation has one deadline (`default.api.timeout.ms` or the options' `timeout`),
//! carried through every wait it covers: metadata it needs first, connections, requests, the
//! refresh after a retriable error, and backoff sleeps (never past the deadline). Retriable
//! failures are retried with backoff (`retry.backoff.ms` .. `retry.backoff.max.ms`) until it
//! passes; a batch retries only the items that failed retriably, and an item still failing at
//! the deadline keeps its last error. A timeout reports the time the operation actually took.

use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::time::{Duration, Instant};

use kfk_client::backoff::{Decision, GaveUp, Retry};
use kfk_client::consumer::TopicPartition;
use kfk_client::net::Connection;
use kfk_protocol::ErrorCode;
use tracing::{Instrument, debug};

use crate::client::{Admin, Target};
use crate::error::{AdminError, ResourceKind, Result};

/// The kind of coordinator FindCoordinator looks up.
pub(crate) use kfk_client::cluster::CoordinatorType as CoordinatorKind;

/// The outcome of one round of a batch: a result per item it carried.
pub(crate) type Round<K, V> = Vec<(K, Result<V>)>;

/// Items that failed before anything was sent, as a round's results.
pub(crate) fn error_round<K, V>(failed: Vec<(K, AdminError)>) -> Round<K, V> {
    failed.into_iter().map(|(k, e)| (k, Err(e))).collect()
}

/// An operation's time budget: when it started and when it must be done. Every wait of the
/// operation (metadata, connections, requests, backoff sleeps) ends by `at`, and a timeout
/// reports the time since `started`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deadline {
    pub(crate) started: Instant,
    pub(crate) at: Instant,
}

impl Deadline {
    /// A timeout error for `operation`, saying how long it actually ran.
    pub(crate) fn timed_out(&self, operation: &str, last: Option<AdminError>) -> AdminError {
        AdminError::Timeout { operation: operation.into(), after: self.started.elapsed(), last: last.map(Box::new) }
    }

    /// Runs `work` until the deadline; past it, fails with a timeout for `operation`.
    pub(crate) async fn run<T>(&self, operation: &str, work: impl Future<Output = Result<T>>) -> Result<T> {
        match tokio::time::timeout_at(self.at.into(), work).await {
            Ok(result) => result,
            Err(_) => Err(self.timed_out(operation, None)),
        }
    }
}

impl Admin {
    /// The timeout of an operation given its options' timeout.
    pub(crate) fn timeout(&self, timeout: Option<Duration>) -> Duration {
        timeout.unwrap_or(self.inner.config.default_api_timeout)
    }

    /// The deadline of an operation starting now, given its options' timeout.
    pub(crate) fn deadline(&self, timeout: Option<Duration>) -> Deadline {
        let started = Instant::now();
        Deadline { started, at: started + self.timeout(timeout) }
    }

    /// Metadata no older than `metadata.max.age.ms`, fetched by `deadline`.
    pub(crate) async fn fresh_metadata_by(
        &self,
        operation: &str,
        deadline: Deadline,
    ) -> Result<kfk_client::cluster::MetadataRef> {
        deadline.run(operation, async { Ok(self.inner.cluster.fresh_metadata().await?) }).await
    }

    /// Runs `attempt` until it succeeds, fails for good, or the operation's timeout passes.
    pub(crate) async fn retry<T, F, Fut>(&self, operation: &str, timeout: Option<Duration>, attempt: F) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        self.retry_by(operation, self.deadline(timeout), attempt).await
    }

    /// As [`Admin::retry`], within an operation's `deadline` that may have started earlier.
    pub(crate) async fn retry_by<T, F, Fut>(&self, operation: &str, deadline: Deadline, attempt: F) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        let span = tracing::debug_span!("kafka.admin", operation);
        let config = &self.inner.config;
        // Each attempt and each backoff ends by the deadline: the operation fails there, not
        // earlier (a retry might still have succeeded) and not later.
        Retry::new(config.common.retry_backoff, deadline.at)
            .max_retries(config.retries)
            .run_with(
                attempt,
                |e: &AdminError| if e.is_retriable() { Decision::Retry } else { Decision::Stop },
                |error| async move {
                    debug!(operation, error = %error, "retriable failure; retrying");
                    self.after_retriable(&error, deadline).await;
                    error
                },
            )
            .instrument(span)
            .await
            .map_err(|gave_up| match gave_up {
                GaveUp::Failed(e) => e,
                GaveUp::NoAnswer { last } => deadline.timed_out(operation, last),
                GaveUp::OutOfTime { last } => deadline.timed_out(operation, Some(last)),
            })
    }

    /// Runs a batch: `attempt` gets the items still pending and returns a result for each it
    /// could settle (an item it leaves out gets [`AdminError::MissingResult`]). Items that
    /// failed retriably are sent again until the timeout; every item gets a result.
    pub(crate) async fn retry_batch<K, V, F, Fut>(
        &self,
        operation: &str,
        timeout: Option<Duration>,
        keys: Vec<K>,
        attempt: F,
    ) -> BTreeMap<K, Result<V>>
    where
        K: Ord + Clone + std::fmt::Display,
        F: FnMut(Vec<K>) -> Fut,
        Fut: Future<Output = Result<Round<K, V>>>,
    {
        self.retry_batch_by(operation, self.deadline(timeout), keys, attempt).await
    }

    /// As [`Admin::retry_batch`], within an operation's `deadline` that may have started
    /// earlier.
    pub(crate) async fn retry_batch_by<K, V, F, Fut>(
        &self,
        operation: &str,
        deadline: Deadline,
        keys: Vec<K>,
        mut attempt: F,
    ) -> BTreeMap<K, Result<V>>
    where
        K: Ord + Clone + std::fmt::Display,
        F: FnMut(Vec<K>) -> Fut,
        Fut: Future<Output = Result<Round<K, V>>>,
    {
        let span = tracing::debug_span!("kafka.admin", operation, items = keys.len());
        async move {
        let mut done: BTreeMap<K, Result<V>> = BTreeMap::new();
        let mut pending: Vec<K> = keys;
        pending.sort();
        pending.dedup();
        let config = &self.inner.config;
        let mut retry = Retry::new(config.common.retry_backoff, deadline.at).max_retries(config.retries);
        // Fails the items still pending with a timeout that keeps their last error.
        let time_out = |done: &mut BTreeMap<K, Result<V>>, keys: Vec<K>| {
            for k in keys {
                let last = done.remove(&k).and_then(|r| r.err());
                done.insert(k, Err(deadline.timed_out(operation, last)));
            }
        };
        while !pending.is_empty() {
            let round: Round<K, V> = match retry.attempt(attempt(pending.clone())).await {
                Some(Ok(round)) => round,
                Some(Err(e)) => pending.iter().map(|k| (k.clone(), Err(e.clone()))).collect(),
                None => {
                    time_out(&mut done, std::mem::take(&mut pending));
                    break;
                }
            };
            let mut results: BTreeMap<K, Result<V>> = round.into_iter().collect();
            let mut again = Vec::new();
            let mut retriable_seen = None;
            for k in pending.drain(..) {
                let result = results
                    .remove(&k)
                    .unwrap_or_else(|| Err(AdminError::MissingResult { context: format!("{operation} for {k}") }));
                match result {
                    Err(e) if e.is_retriable() && retry.may_retry() => {
                        retriable_seen.get_or_insert_with(|| e.clone());
                        done.insert(k.clone(), Err(e));
                        again.push(k);
                    }
                    other => {
                        done.insert(k, other);
                    }
                }
            }
            let Some(error) = retriable_seen else { break };
            debug!(operation, error = %error, items = again.len(), tries = retry.retries(), "retriable failures; retrying those items");
            self.after_retriable(&error, deadline).await;
            // Back off, but never past the deadline.
            if !retry.wait(Decision::Retry).await {
                time_out(&mut done, again);
                break;
            }
            pending = again;
        }
        let failed = done.values().filter(|r| r.is_err()).count();
        debug!(items = done.len(), failed, "done");
        done
        }
        .instrument(span)
        .await
    }

    /// What a retriable error tells us to forget: stale metadata (controller, leaders).
    async fn after_retriable(&self, error: &AdminError, deadline: Deadline) {
        let stale_metadata = matches!(
            error.code(),
            Some(
                ErrorCode::NOT_CONTROLLER
                    | ErrorCode::NOT_LEADER_OR_FOLLOWER
                    | ErrorCode::LEADER_NOT_AVAILABLE
                    | ErrorCode::UNKNOWN_TOPIC_OR_PARTITION
                    | ErrorCode::FENCED_LEADER_EPOCH
                    | ErrorCode::UNKNOWN_LEADER_EPOCH
            )
        ) || matches!(error, AdminError::Client(_));
        if stale_metadata {
            // Bounded by the operation's deadline: a hung Metadata request must not hold the
            // operation past it.
            match tokio::time::timeout_at(deadline.at.into(), self.inner.cluster.refresh()).await {
                Ok(Ok(_)) => {}
                Ok(Err(e)) => debug!(error = %e, "metadata refresh after a retriable error failed"),
                Err(_) => debug!("metadata refresh after a retriable error cut short by the deadline"),
            }
        }
    }

    /// A connection to `target`.
    pub(crate) async fn connection_for(&self, target: &Target) -> Result<Connection> {
        match target {
            Target::Any => Ok(self.inner.cluster.any_connection().await?),
            Target::Controller => self.controller().await,
            Target::Broker(node) => Ok(self.inner.cluster.connection(*node).await?),
            Target::GroupCoordinator(group) => self.coordinator(CoordinatorKind::Group, group).await,
            Target::TransactionCoordinator(id) => self.coordinator(CoordinatorKind::Transaction, id).await,
            Target::PartitionLeader(topic, partition) => {
                Ok(self.inner.cluster.leader_connection(topic, *partition).await?.1)
            }
        }
    }

    /// A connection to the controller Metadata names, or any broker when it names none.
    pub(crate) async fn controller(&self) -> Result<Connection> {
        let metadata = self.inner.cluster.fresh_metadata().await?;
        if metadata.controller_id >= 0 && metadata.brokers.contains_key(&metadata.controller_id) {
            return Ok(self.inner.cluster.connection(metadata.controller_id).await?);
        }
        Ok(self.inner.cluster.any_connection().await?)
    }

    /// The coordinator of `key` and a connection to it. The admin client looks it up for
    /// every attempt (FindCoordinator through the cluster layer, uncached), so a retry after
    /// NOT_COORDINATOR always asks again.
    pub(crate) async fn coordinator(&self, kind: CoordinatorKind, key: &str) -> Result<Connection> {
        let node = self.inner.cluster.find_coordinator(kind, key).await.map_err(|e| match e {
            kfk_client::Error::Kafka { code, message, .. } => {
                let resource =
                    if kind == CoordinatorKind::Group { ResourceKind::Group } else { ResourceKind::TransactionalId };
                AdminError::from_code(code, message, resource, key, "FindCoordinator")
            }
            e => e.into(),
        })?;
        Ok(self.inner.cluster.connection(node).await?)
    }

    /// Groups `partitions` by leader (refreshing metadata for topics not known yet); partitions
    /// without a leader or of unknown topics come back as errors.
    pub(crate) async fn by_leader(
        &self,
        partitions: &[TopicPartition],
    ) -> Result<(HashMap<i32, Vec<TopicPartition>>, Vec<(TopicPartition, AdminError)>)> {
        let cluster = &self.inner.cluster;
        let mut metadata = cluster.fresh_metadata().await?;
        let unknown = partitions.iter().any(|tp| metadata.leader(&tp.topic, tp.partition).is_none());
        if unknown {
            cluster.track_topics(partitions.iter().map(|tp| &*tp.topic));
            metadata = cluster.refresh().await?;
        }
        let mut leaders: HashMap<i32, Vec<TopicPartition>> = HashMap::new();
        let mut failed = Vec::new();
        for tp in partitions {
            match metadata.partition(&tp.topic, tp.partition) {
                Some(p) if p.leader >= 0 => leaders.entry(p.leader).or_default().push(tp.clone()),
                Some(p) => {
                    let code = if p.error.is_ok() { ErrorCode::LEADER_NOT_AVAILABLE } else { p.error };
                    failed.push((tp.clone(), AdminError::request(code, None, &format!("leader of {tp}"))));
                }
                None => {
                    let code = metadata
                        .topic(&tp.topic)
                        .map(|t| t.error)
                        .filter(|c| !c.is_ok())
                        .unwrap_or(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION);
                    let name = tp.to_string();
                    failed
                        .push((tp.clone(), AdminError::from_code(code, None, ResourceKind::Topic, &name, "Metadata")));
                }
            }
        }
        Ok((leaders, failed))
    }

    /// Sends one request per partition leader (concurrently) and gathers the per-partition
    /// results; a leader that cannot be reached fails its partitions (retriably).
    pub(crate) async fn per_leader<V, F, Fut>(
        &self,
        partitions: &[TopicPartition],
        send: F,
    ) -> Result<Round<TopicPartition, V>>
    where
        F: Fn(Connection, Vec<TopicPartition>) -> Fut,
        Fut: Future<Output = Result<Round<TopicPartition, V>>>,
    {
        let (leaders, failed) = self.by_leader(partitions).await?;
        let send = &send;
        let sends = leaders.into_iter().map(|(leader, tps)| async move {
            let outcome = match self.inner.cluster.connection(leader).await {
                Ok(conn) => send(conn, tps.clone()).await,
                Err(e) => Err(e.into()),
            };
            match outcome {
                Ok(round) => round,
                Err(e) => tps.into_iter().map(|tp| (tp, Err(e.clone()))).collect(),
            }
        });
        let mut round = error_round(failed);
        round.extend(futures_util::future::join_all(sends).await.into_iter().flatten());
        Ok(round)
    }
}

/// Partitions grouped by topic, in a stable order.
pub(crate) fn by_topic(partitions: &[TopicPartition]) -> BTreeMap<String, Vec<i32>> {
    let mut topics: BTreeMap<String, Vec<i32>> = BTreeMap::new();
    for tp in partitions {
        topics.entry(tp.topic.to_string()).or_default().push(tp.partition);
    }
    topics
}

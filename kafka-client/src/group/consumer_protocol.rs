//! The consumer group protocol (KIP-848, `group.protocol=consumer`): one RPC,
//! ConsumerGroupHeartbeat, carries the member's subscription and owned partitions to the
//! coordinator, which computes every member's target assignment itself and answers with this
//! member's target and epoch. The member reconciles towards it incrementally:
//!
//! ```text
//!   epoch 0 (join) --heartbeat--> epoch N, target T
//!       reconcile: revoke owned - T (freeze, commit, on_partitions_revoked),
//!                  then add T - owned (committed offsets, on_partitions_assigned),
//!                  then heartbeat at once to report what it now owns
//!   FENCED_MEMBER_EPOCH / UNKNOWN_MEMBER_ID --> lose everything (on_partitions_lost), rejoin at epoch 0
//!   close --> revoke everything, heartbeat with epoch -1 (-2 for a static member)
//! ```
//! The coordinator hands a partition to a new owner only after the previous owner reported it
//! gone, so no partition ever has two owners. Ownership follows the same state machine as the
//! classic cooperative protocol ([`Ownership`]), and the same [`RebalanceListener`] hears it.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use kfk_protocol::messages::consumer_group_heartbeat::request::TopicPartitions;
use kfk_protocol::messages::{ApiKey, ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatResponse};
use kfk_protocol::{ErrorCode, Uuid};
use tracing::{debug, info, info_span, warn, Instrument};

use super::handover;
use super::host::GroupHost;
use super::rebalance::{Ownership, Rejoin, Step};
use super::subscription::Subscription;
use super::trace;
use super::RebalanceProtocol;
use crate::cluster::CoordinatorType;
use crate::error::{Error, ErrorContext, Result};
use crate::net::Connection;
use crate::types::TopicPartition;

/// The epoch a member sends to join, and to leave (dynamic and static members).
const JOIN_EPOCH: i32 = 0;
const LEAVE_EPOCH: i32 = -1;
const STATIC_LEAVE_EPOCH: i32 = -2;

/// A target assignment as the coordinator sends it: topic ids and partitions.
type Target = Vec<(Uuid, Vec<i32>)>;

pub(crate) struct Member {
    consumer: Arc<dyn GroupHost>,
    subscription: Subscription,
    topics: Vec<String>,
    ownership: Ownership,
    member_id: String,
    epoch: i32,
    heartbeat_interval: Duration,
    /// A target not reconciled yet (waiting for its topic names).
    pending: Option<Target>,
}

impl Member {
    pub(crate) fn new(consumer: Arc<dyn GroupHost>, subscription: Subscription) -> Self {
        let topics = match &subscription {
            Subscription::Topics(topics) => topics.clone(),
            Subscription::Pattern(_) => Vec::new(),
        };
        // KIP-1082: the member names itself, once, for its whole life.
        let member_id = Uuid::from_u128(fastrand::u128(..)).to_string();
        Member {
            consumer,
            subscription,
            topics,
            ownership: Ownership::new(RebalanceProtocol::Cooperative),
            member_id,
            epoch: JOIN_EPOCH,
            heartbeat_interval: Duration::from_secs(5),
            pending: None,
        }
    }

    /// Runs the protocol until the consumer closes; then leaves the group.
    pub(crate) async fn run(mut self) {
        let group = self.consumer.membership().group_id;
        let span = info_span!("kafka.group", group = %group, protocol = "consumer", member = %self.member_id);
        async move {
            self.publish();
            let config = self.consumer.config().group.clone();
            let metadata_interval = self.consumer.config().common.metadata_max_age;
            let mut failures = 0u32;
            let mut next_heartbeat = Instant::now();
            let mut next_commit = Instant::now() + config.auto_commit_interval;
            let mut next_metadata = Instant::now();
            while !self.consumer.is_closed() {
                let now = Instant::now();
                if self.epoch > JOIN_EPOCH && self.consumer.since_last_poll() > config.max_poll_interval {
                    warn!("max.poll.interval.ms exceeded without a poll; leaving the group until the next poll");
                    self.leave().await;
                    self.wait_for_poll().await;
                    next_heartbeat = Instant::now();
                    continue;
                }
                if now >= next_metadata {
                    next_metadata = now + metadata_interval;
                    match self.subscription.topics(self.consumer.cluster()).await {
                        Ok(topics) if topics != self.topics => {
                            info!(?topics, "subscribed topics changed");
                            super::subscription::follow(self.consumer.cluster(), &self.topics, &topics);
                            self.topics = topics;
                            next_heartbeat = now;
                        }
                        Ok(_) => {}
                        Err(e) => debug!(error = %e, "listing topics failed"),
                    }
                }
                if config.enable_auto_commit && now >= next_commit && !self.ownership.owned().is_empty() {
                    next_commit = now + config.auto_commit_interval;
                    if let Err(e) = self.consumer.commit().await {
                        debug!(error = %e, "auto-commit failed");
                    }
                }
                if now >= next_heartbeat {
                    match self.heartbeat(self.epoch).await {
                        Ok(response) => {
                            failures = 0;
                            self.accept(response);
                            next_heartbeat = Instant::now() + self.heartbeat_interval;
                        }
                        Err(e) => {
                            let delay = self.consumer.config().common.retry_backoff.delay(failures);
                            failures += 1;
                            next_heartbeat = Instant::now() + self.on_error(e, delay).await;
                        }
                    }
                }
                if self.pending.is_some() {
                    match self.reconcile().await {
                        // Tell the coordinator at once what this member owns now.
                        Ok(true) => next_heartbeat = Instant::now(),
                        Ok(false) => {}
                        Err(e) => debug!(error = %e, "reconciliation failed; retrying"),
                    }
                }
                let wake = next_heartbeat.min(next_metadata).min(if config.enable_auto_commit {
                    next_commit
                } else {
                    next_heartbeat
                });
                tokio::select! {
                    _ = tokio::time::sleep_until(wake.into()) => {}
                    _ = self.consumer.closed() => {}
                }
            }
            self.leave().await;
        }
        .instrument(span)
        .await
    }

    /// Makes the member id and epoch what commits carry.
    fn publish(&self) {
        let (member_id, epoch) = (self.member_id.clone(), self.epoch);
        self.consumer.update_membership(&mut |m| {
            m.member_id.clone_from(&member_id);
            m.generation = epoch;
        });
    }

    /// The group's coordinator (cached by the cluster for every user of it), if it speaks
    /// the consumer group protocol.
    async fn coordinator(&self) -> Result<Connection> {
        let group = self.consumer.membership().group_id;
        let (_, conn) = self.consumer.cluster().coordinator(CoordinatorType::Group, &group).await?;
        if conn.version_for(ApiKey::ConsumerGroupHeartbeat).is_err() {
            return Err(Error::kafka(
                ErrorCode::UNSUPPORTED_VERSION,
                Some(
                    "the coordinator does not offer the consumer group protocol (KIP-848); use group.protocol=classic"
                        .into(),
                ),
                format!("group {group}"),
            ));
        }
        Ok(conn)
    }

    /// Forgets the coordinator if `error` says it moved (the cluster's one rule).
    fn coordinator_failed(&self, error: &Error) {
        let group = self.consumer.membership().group_id;
        self.consumer.cluster().coordinator_failed(CoordinatorType::Group, &group, error);
    }

    /// One heartbeat at `epoch`, with the full subscription and ownership (always valid; the
    /// protocol allows leaving unchanged fields out, but sending them keeps this stateless).
    async fn heartbeat(&mut self, epoch: i32) -> Result<ConsumerGroupHeartbeatResponse> {
        let conn = self.coordinator().await?;
        let config = self.consumer.config();
        let metadata = self.consumer.cluster().metadata();
        let mut owned: BTreeMap<Uuid, Vec<i32>> = BTreeMap::new();
        for tp in self.ownership.owned() {
            if let Some(topic) = metadata.topic(&tp.topic) {
                owned.entry(topic.id).or_default().push(tp.partition);
            }
        }
        let request = ConsumerGroupHeartbeatRequest {
            group_id: self.consumer.membership().group_id,
            member_id: self.member_id.clone(),
            member_epoch: epoch,
            instance_id: config.group.instance_id.clone(),
            rack_id: Some(config.client_rack.clone()).filter(|r| !r.is_empty()),
            rebalance_timeout_ms: config.group.rebalance_timeout.as_millis().min(i32::MAX as u128) as i32,
            subscribed_topic_names: Some(self.topics.clone()),
            server_assignor: config.group.remote_assignor.clone(),
            topic_partitions: Some(
                owned
                    .into_iter()
                    .map(|(topic_id, partitions)| TopicPartitions { topic_id, partitions, ..Default::default() })
                    .collect(),
            ),
            ..Default::default()
        };
        let started = std::time::Instant::now();
        let response = conn.send(&request).await?;
        self.consumer.cluster().metrics().consumer().heartbeat(started.elapsed());
        match ErrorCode(response.error_code).err() {
            None => Ok(response),
            Some(code) => Err(Error::kafka(
                code,
                response.error_message.clone(),
                ErrorContext::request(ApiKey::ConsumerGroupHeartbeat).with_group(&*request.group_id),
            )),
        }
    }

    fn accept(&mut self, response: ConsumerGroupHeartbeatResponse) {
        if let Some(id) = response.member_id.filter(|id| !id.is_empty()) {
            self.member_id = id;
        }
        if response.member_epoch != self.epoch {
            debug!(epoch = response.member_epoch, "new member epoch");
        }
        self.epoch = response.member_epoch;
        if response.heartbeat_interval_ms > 0 {
            self.heartbeat_interval = Duration::from_millis(response.heartbeat_interval_ms as u64);
        }
        if let Some(assignment) = response.assignment {
            self.pending = Some(assignment.topic_partitions.into_iter().map(|t| (t.topic_id, t.partitions)).collect());
        }
        self.publish();
    }

    /// Handles a failed heartbeat; returns how long to wait before the next one.
    async fn on_error(&mut self, e: Error, backoff: Duration) -> Duration {
        match e.code() {
            Some(ErrorCode::FENCED_MEMBER_EPOCH | ErrorCode::UNKNOWN_MEMBER_ID) => {
                warn!(error = %e, "fenced by the group; rejoining");
                self.lose_all().await;
                Duration::ZERO
            }
            // Coordinator moves and loads included: the cluster's rule decides whether the
            // coordinator is looked up again.
            _ if e.is_retriable() => {
                debug!(error = %e, "heartbeat failed");
                self.coordinator_failed(&e);
                backoff
            }
            _ => {
                // UNRELEASED_INSTANCE_ID, GROUP_MAX_SIZE_REACHED, UNSUPPORTED_ASSIGNOR,
                // authorization, an unsupported broker...: the application must hear it.
                warn!(error = %e, "cannot stay in the group");
                self.consumer.report(e);
                self.lose_all().await;
                self.consumer.config().group.max_poll_interval.min(Duration::from_secs(30)).max(backoff)
            }
        }
    }

    async fn lose_all(&mut self) {
        let step = self.ownership.prepare_join(Rejoin::Lost, |_| true);
        self.pending = None;
        self.epoch = JOIN_EPOCH;
        self.publish();
        self.perform(step, None).await;
    }

    /// Moves towards the pending target; whether ownership changed.
    /// Moves to the pending target assignment, if any; whether partitions changed hands. A
    /// change is a rebalance (Java's `rebalance-*` metrics count reconciliations under
    /// KIP-848), in a `kafka.rebalance` span.
    async fn reconcile(&mut self) -> Result<bool> {
        if self.pending.is_none() {
            return Ok(false);
        }
        let span = trace::rebalance_span("consumer");
        span.record("generation", self.epoch);
        let started = Instant::now();
        let result = self.reconcile_in(&span).instrument(span.clone()).await;
        trace::record_end(&span, started, &result);
        if let Ok(true) = result {
            self.consumer.cluster().metrics().consumer().rebalanced(started.elapsed());
        }
        result
    }

    async fn reconcile_in(&mut self, span: &tracing::Span) -> Result<bool> {
        let Some(target) = self.pending.clone() else { return Ok(false) };
        let cluster = self.consumer.cluster().clone();
        let mut metadata = cluster.metadata();
        let known = |m: &crate::cluster::Metadata, id: &Uuid| m.topics.values().any(|t| t.id == *id);
        if !target.iter().all(|(id, _)| known(&metadata, id)) {
            cluster.track_topics(self.topics.iter().map(String::as_str));
            metadata = cluster.refresh().await?;
            if !target.iter().all(|(id, _)| known(&metadata, id)) {
                // A topic the member does not know yet (just created): wait for metadata.
                return Ok(false);
            }
        }
        let mut assigned: Vec<TopicPartition> = Vec::new();
        for (id, partitions) in &target {
            if let Some(topic) = metadata.topics.values().find(|t| t.id == *id) {
                assigned.extend(partitions.iter().map(|p| TopicPartition::new(&topic.name, *p)));
            }
        }
        let conn = self.coordinator().await?;
        let step = self.ownership.complete(self.epoch, assigned);
        let changed = !step.revoke.is_empty() || !step.add.is_empty();
        trace::record_step(span, &step);
        if changed {
            info!(epoch = self.epoch, revoked = step.revoke.len(), added = step.add.len(), "reconciling");
        }
        let added = step.add.clone();
        if let Err(e) = handover::perform(&*self.consumer, step, Some(&conn)).await {
            // Still pending: the next attempt adds them again.
            self.ownership.abandon(&added);
            return Err(e);
        }
        self.pending = None;
        Ok(changed)
    }

    async fn perform(&self, step: Step, conn: Option<&Connection>) {
        if let Err(e) = handover::perform(&*self.consumer, step, conn).await {
            debug!(error = %e, "giving up partitions failed");
        }
    }

    /// Gives everything up cleanly and tells the coordinator this member is leaving (a static
    /// member only pauses: its partitions wait for it until the session times out).
    async fn leave(&mut self) {
        if self.epoch == JOIN_EPOCH && self.ownership.owned().is_empty() {
            return;
        }
        let step = self.ownership.leave(self.epoch > JOIN_EPOCH);
        self.perform(step, None).await;
        let epoch = if self.consumer.config().group.instance_id.is_some() { STATIC_LEAVE_EPOCH } else { LEAVE_EPOCH };
        match self.heartbeat(epoch).await {
            Ok(_) => info!("left the group"),
            Err(e) => debug!(error = %e, "leaving heartbeat failed"),
        }
        self.pending = None;
        self.epoch = JOIN_EPOCH;
        self.publish();
    }

    async fn wait_for_poll(&self) {
        let max = self.consumer.config().group.max_poll_interval;
        while !self.consumer.is_closed() && self.consumer.since_last_poll() > max {
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_millis(100)) => {}
                _ = self.consumer.closed() => {}
            }
        }
    }
}

//! The group member task: the classic group protocol for one consumer.
//!
//! ```text
//!   Unjoined --JoinGroup--> Joined --SyncGroup--> Stable --heartbeat: REBALANCE_IN_PROGRESS--> (revoke) rejoin
//!                                                   |--heartbeat: UNKNOWN_MEMBER_ID / ILLEGAL_GENERATION--> (lost) Unjoined
//!                                                   |--subscription or partition count changed--> (revoke) rejoin
//!                                                   |--enforce_rebalance (the application)--> (revoke) rejoin
//!                                                   |--close / max.poll.interval.ms exceeded--> LeaveGroup
//! ```
//! The leader (chosen by the coordinator) runs the assignor over every member's subscription.
//! What happens to the partitions is the [`Ownership`] state machine's call (see
//! `rebalance.rs`): under the eager protocol a member revokes all its partitions before
//! rejoining; under the cooperative one (KIP-429, with `cooperative-sticky`) it keeps them, and
//! after SyncGroup revokes only those assigned elsewhere, then rejoins at once. Revoking commits
//! the partitions' positions (with auto-commit on) and calls the listener's
//! `on_partitions_revoked`, so the next owner starts where this one stopped. Newly assigned
//! partitions start from their committed offsets, then `on_partitions_assigned` runs. A member
//! the group dropped (expired session, fenced) loses its partitions without committing, and the
//! listener hears `on_partitions_lost`.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use kfk_protocol::messages::data::consumer_protocol_assignment::TopicPartition as WireAssignedPartition;
use kfk_protocol::messages::data::consumer_protocol_subscription::TopicPartition as WireOwnedPartition;
use kfk_protocol::messages::data::{ConsumerProtocolAssignment, ConsumerProtocolSubscription};
use kfk_protocol::messages::join_group::request::JoinGroupRequestProtocol;
use kfk_protocol::messages::leave_group::request::MemberIdentity;
use kfk_protocol::messages::sync_group::request::SyncGroupRequestAssignment;
use kfk_protocol::messages::{ApiKey, HeartbeatRequest, JoinGroupRequest, LeaveGroupRequest, SyncGroupRequest};
use kfk_protocol::{Decode, Encode, ErrorCode};
use tracing::{debug, info, info_span, warn, Instrument};

use super::assignor::{Assignor, MemberInfo};
use super::handover;
use super::host::GroupHost;
use super::rebalance::{negotiate, Ownership, Rejoin, Step};
use super::subscription::Subscription;
use super::trace;
use crate::cluster::CoordinatorType;
use crate::error::{Error, ErrorContext, Result};
use crate::net::Connection;
use crate::types::Membership;
use crate::types::TopicPartition;

/// Subscription and assignment metadata are encoded at the newest version this client knows.
const SUBSCRIPTION_VERSION: i16 = 3;
const ASSIGNMENT_VERSION: i16 = 3;

pub(crate) struct Member {
    consumer: Arc<dyn GroupHost>,
    subscription: Subscription,
    /// The topics subscribed to as of the last check (sent in JoinGroup).
    topics: Vec<String>,
    assignors: Vec<Arc<dyn Assignor>>,
    ownership: Ownership,
    /// As leader: the partition counts the last assignment was computed from (a change means
    /// a new assignment is needed).
    assigned_counts: Option<BTreeMap<String, i32>>,
    /// FENCED_INSTANCE_ID seen while in the group: the member stops once its partitions are lost.
    fenced: Option<Error>,
    /// Why the application asked this member to rejoin (`enforce_rebalance`), sent in the next
    /// JoinGroup (KIP-800).
    join_reason: Option<String>,
}

impl Member {
    pub(crate) fn new(
        consumer: Arc<dyn GroupHost>,
        subscription: Subscription,
        assignors: Vec<Arc<dyn Assignor>>,
    ) -> Self {
        let supported: Vec<_> = assignors.iter().map(|a| a.supported_protocols()).collect();
        let ownership = Ownership::new(negotiate(&supported));
        let topics = match &subscription {
            Subscription::Topics(topics) => topics.clone(),
            Subscription::Pattern(_) => Vec::new(),
        };
        Member {
            consumer,
            subscription,
            topics,
            assignors,
            ownership,
            assigned_counts: None,
            fenced: None,
            join_reason: None,
        }
    }

    fn membership(&self) -> Membership {
        self.consumer.membership()
    }

    fn set_membership(&self, f: impl FnOnce(&mut Membership)) {
        let mut f = Some(f);
        self.consumer.update_membership(&mut |m| {
            if let Some(f) = f.take() {
                f(m)
            }
        });
    }

    /// Runs the protocol until the consumer closes; then leaves the group.
    pub(crate) async fn run(mut self) {
        let group = self.membership().group_id.clone();
        let span = info_span!("kafka.group", group = %group, protocol = ?self.ownership.protocol());
        async move {
            let mut failures = 0u32;
            while !self.consumer.is_closed() {
                match self.join_and_sync().await {
                    Ok(rejoin_now) => {
                        failures = 0;
                        let reason = if rejoin_now { Rejoin::Revoke } else { self.stay().await };
                        if self.consumer.is_closed() {
                            break;
                        }
                        self.prepare_rejoin(reason).await;
                        if let Some(e) = self.fenced.take() {
                            self.stop_fenced(e);
                            break;
                        }
                    }
                    Err(e) => {
                        self.coordinator_failed(&e);
                        let session_timeout = self.consumer.config().group.session_timeout;
                        let delay = self.consumer.config().common.retry_backoff.delay(failures);
                        failures += 1;
                        // Partitions still held (cooperative) after the group dropped this
                        // member may already be someone else's: they are lost.
                        if matches!(
                            e.code(),
                            Some(
                                ErrorCode::UNKNOWN_MEMBER_ID
                                    | ErrorCode::ILLEGAL_GENERATION
                                    | ErrorCode::FENCED_INSTANCE_ID
                            )
                        ) {
                            self.prepare_rejoin(Rejoin::Lost).await;
                        }
                        match e.code() {
                            Some(ErrorCode::UNKNOWN_MEMBER_ID) => self.set_membership(|m| {
                                m.member_id.clear();
                                m.generation = -1;
                            }),
                            Some(ErrorCode::FENCED_INSTANCE_ID) => {
                                self.stop_fenced(e);
                                break;
                            }
                            // Retrying at once changes nothing: the application must hear it
                            // (Java's poll throws), and the join is tried again later in case
                            // the other members change.
                            Some(
                                ErrorCode::GROUP_AUTHORIZATION_FAILED
                                | ErrorCode::INVALID_SESSION_TIMEOUT
                                | ErrorCode::INCONSISTENT_GROUP_PROTOCOL,
                            ) => {
                                warn!(error = %e, "cannot stay in the group");
                                self.consumer.report(e);
                                tokio::time::sleep(session_timeout).await;
                                continue;
                            }
                            // Wrong credentials or certificates: every retry fails alike.
                            _ if e.is_authentication() => {
                                warn!(error = %e, "cannot reach the group coordinator");
                                self.consumer.report(e);
                                tokio::time::sleep(session_timeout.max(delay)).await;
                                continue;
                            }
                            _ => {}
                        }
                        debug!(error = %e, retry_in_ms = delay.as_millis() as u64, "join failed");
                        tokio::time::sleep(delay).await;
                    }
                }
            }
            self.leave().await;
        }
        .instrument(span)
        .await
    }

    /// The group's coordinator (cached by the cluster for every user of it).
    async fn coordinator(&self) -> Result<Connection> {
        let group = self.membership().group_id;
        Ok(self.consumer.cluster().coordinator(CoordinatorType::Group, &group).await?.1)
    }

    /// Forgets the coordinator if `error` says it moved (the cluster's one rule).
    fn coordinator_failed(&self, error: &Error) {
        let group = self.membership().group_id;
        self.consumer.cluster().coordinator_failed(CoordinatorType::Group, &group, error);
    }

    /// This member's subscription metadata for `assignor`.
    fn subscription(&self, assignor: &dyn Assignor) -> Result<Bytes> {
        let owned = group_by_topic(&self.ownership.owned())
            .into_iter()
            .map(|(topic, partitions)| WireOwnedPartition { topic, partitions, ..Default::default() })
            .collect();
        let (last, last_generation) = self.ownership.last_assignment();
        let last: Vec<(String, i32)> = last.iter().map(|tp| (tp.topic.to_string(), tp.partition)).collect();
        let subscription = ConsumerProtocolSubscription {
            topics: self.topics.clone(),
            user_data: assignor.subscription_user_data(&last, last_generation),
            owned_partitions: owned,
            generation_id: self.membership().generation,
            rack_id: Some(self.consumer.config().client_rack.clone()).filter(|r| !r.is_empty()),
            ..Default::default()
        };
        versioned(&subscription, SUBSCRIPTION_VERSION)
    }

    /// Joins and syncs; `Ok(true)` if the member must rejoin at once (it revoked partitions
    /// under the cooperative protocol).
    async fn join_and_sync(&mut self) -> Result<bool> {
        let span = trace::rebalance_span("classic");
        let started = Instant::now();
        let result = self.join_and_sync_in(&span, started).instrument(span.clone()).await;
        trace::record_end(&span, started, &result);
        result
    }

    async fn join_and_sync_in(&mut self, span: &tracing::Span, started: Instant) -> Result<bool> {
        if matches!(self.subscription, Subscription::Pattern(_)) && self.topics.is_empty() {
            self.update_topics().await?;
        }
        let conn = self.coordinator().await?;
        let config = self.consumer.config().group.clone();
        let protocols = self
            .assignors
            .iter()
            .map(|a| {
                Ok(JoinGroupRequestProtocol {
                    name: a.name().into(),
                    metadata: self.subscription(a.as_ref())?,
                    ..Default::default()
                })
            })
            .collect::<Result<Vec<_>>>()?;
        // The coordinator holds JoinGroup until the rebalance completes.
        let join_timeout = config.rebalance_timeout + Duration::from_secs(5);
        let response = loop {
            let member = self.membership();
            let request = JoinGroupRequest {
                group_id: member.group_id.clone(),
                session_timeout_ms: millis(config.session_timeout),
                rebalance_timeout_ms: millis(config.rebalance_timeout),
                member_id: member.member_id.clone(),
                group_instance_id: member.instance_id.clone(),
                protocol_type: "consumer".into(),
                protocols: protocols.clone(),
                reason: self.join_reason.clone(),
                ..Default::default()
            };
            let response = conn.send_with_timeout(&request, join_timeout).await?;
            match ErrorCode(response.error_code) {
                ErrorCode::NONE => break response,
                // KIP-394: the first join only gets a member id; join again with it.
                ErrorCode::MEMBER_ID_REQUIRED => {
                    let id = response.member_id.clone();
                    self.set_membership(|m| m.member_id = id);
                }
                ErrorCode::INCONSISTENT_GROUP_PROTOCOL => {
                    let offered: Vec<&str> = self.assignors.iter().map(|a| a.name()).collect();
                    let hint = format!(
                        "the group's members share no assignor: this member offers [{}]; give every \
                         member one in common (partition.assignment.strategy, or \
                         ConsumerConfigBuilder::assignors for an assignor of your own)",
                        offered.join(", ")
                    );
                    return Err(Error::kafka(
                        ErrorCode::INCONSISTENT_GROUP_PROTOCOL,
                        Some(hint),
                        ErrorContext::request(ApiKey::JoinGroup).with_group(&*member.group_id),
                    ));
                }
                code => {
                    return Err(Error::kafka(
                        code,
                        None,
                        ErrorContext::request(ApiKey::JoinGroup).with_group(&*member.group_id),
                    ))
                }
            }
        };
        self.join_reason = None;
        let generation = response.generation_id;
        let member_id = response.member_id.clone();
        let protocol = response.protocol_name.clone().unwrap_or_default();
        self.set_membership(|m| {
            m.generation = generation;
            m.member_id = member_id.clone();
            m.protocol = Some(protocol.clone());
        });
        let leader = response.leader == member_id;
        span.record("generation", generation);
        span.record("leader", leader);
        span.record("assignor", protocol.as_str());
        info!(generation, leader, protocol = %protocol, members = response.members.len(), "joined");

        // KIP-814: a static leader that rejoined a stable group keeps the current assignment;
        // the coordinator asks it not to compute a new one.
        let assignments = if leader && !response.skip_assignment {
            self.assign(&protocol, &response.members).await?
        } else {
            Vec::new()
        };
        let member = self.membership();
        let sync = SyncGroupRequest {
            group_id: member.group_id.clone(),
            generation_id: generation,
            member_id: member.member_id.clone(),
            group_instance_id: member.instance_id.clone(),
            protocol_type: Some("consumer".into()),
            protocol_name: Some(protocol.clone()),
            assignments,
            ..Default::default()
        };
        let response = conn.send_with_timeout(&sync, join_timeout).await?;
        if let Some(code) = ErrorCode(response.error_code).err() {
            return Err(Error::kafka(
                code,
                None,
                ErrorContext::request(ApiKey::SyncGroup).with_group(&*member.group_id),
            ));
        }
        let assigned = decode_assignment(&response.assignment)?;
        let step = self.ownership.complete(generation, assigned);
        trace::record_step(span, &step);
        info!(
            generation,
            revoked = step.revoke.len(),
            added = step.add.len(),
            owned = self.ownership.owned().len(),
            "assignment received"
        );
        let (rejoin, added) = (step.rejoin, step.add.clone());
        if let Err(e) = self.perform(step, Some(&conn)).await {
            self.ownership.abandon(&added);
            return Err(e);
        }
        self.consumer.cluster().metrics().consumer().rebalanced(started.elapsed());
        Ok(rejoin)
    }

    /// Re-reads the subscription's topics; whether they changed.
    async fn update_topics(&mut self) -> Result<bool> {
        let topics = self.subscription.topics(self.consumer.cluster()).await?;
        if topics == self.topics {
            return Ok(false);
        }
        info!(?topics, "subscribed topics changed");
        super::subscription::follow(self.consumer.cluster(), &self.topics, &topics);
        self.topics = topics;
        Ok(true)
    }

    /// Whether the group needs a new assignment because of metadata: the subscribed topics
    /// changed (pattern subscriptions), or, on the leader, a partition count changed.
    async fn metadata_changed(&mut self) -> bool {
        if matches!(self.subscription, Subscription::Pattern(_)) {
            match self.update_topics().await {
                Ok(true) => return true,
                Ok(false) => {}
                Err(e) => debug!(error = %e, "listing topics failed"),
            }
        }
        let Some(counts) = &self.assigned_counts else { return false };
        let Ok(metadata) = self.consumer.cluster().refresh().await else { return false };
        counts.iter().any(|(topic, &count)| {
            metadata.topic(topic).filter(|m| m.error.is_ok()).is_some_and(|m| m.partitions.len() as i32 != count)
        })
    }

    /// The leader's job: run the chosen assignor over all members' subscriptions.
    async fn assign(
        &mut self,
        protocol: &str,
        members: &[kfk_protocol::messages::join_group::response::JoinGroupResponseMember],
    ) -> Result<Vec<SyncGroupRequestAssignment>> {
        let assignor = self.assignors.iter().find(|a| a.name() == protocol).ok_or_else(|| {
            Error::kafka(
                ErrorCode::INCONSISTENT_GROUP_PROTOCOL,
                Some(format!("no assignor named {protocol}")),
                "JoinGroup",
            )
        })?;
        let mut infos = Vec::new();
        for m in members {
            let mut metadata = m.metadata.clone();
            let subscription = decode_versioned::<ConsumerProtocolSubscription>(&mut metadata).map_err(|e| {
                Error::kafka(ErrorCode::INCONSISTENT_GROUP_PROTOCOL, Some(e.to_string()), "member subscription")
            })?;
            infos.push(MemberInfo {
                member_id: m.member_id.clone(),
                group_instance_id: m.group_instance_id.clone(),
                topics: subscription.topics,
                owned_partitions: subscription
                    .owned_partitions
                    .iter()
                    .flat_map(|t| t.partitions.iter().map(move |p| (t.topic.clone(), *p)))
                    .collect(),
                generation: Some(subscription.generation_id).filter(|g| *g >= 0),
                user_data: subscription.user_data,
            });
        }
        let mut all_topics: Vec<&str> = infos.iter().flat_map(|m| m.topics.iter().map(String::as_str)).collect();
        all_topics.sort();
        all_topics.dedup();
        let cluster = self.consumer.cluster();
        cluster.track_topics(all_topics.iter().copied());
        let metadata = cluster.refresh().await?;
        let partitions: BTreeMap<String, i32> = all_topics
            .iter()
            .filter_map(|t| {
                metadata.topic(t).filter(|m| m.error.is_ok()).map(|m| (t.to_string(), m.partitions.len() as i32))
            })
            .collect();
        let assignment = assignor.assign(&infos, &partitions);
        debug!(?assignment, "computed assignment");
        self.assigned_counts = Some(partitions);
        assignment
            .into_iter()
            .map(|(member_id, parts)| {
                let wire = ConsumerProtocolAssignment {
                    assigned_partitions: group_by_topic_pairs(&parts)
                        .into_iter()
                        .map(|(topic, partitions)| WireAssignedPartition { topic, partitions, ..Default::default() })
                        .collect(),
                    user_data: None,
                    ..Default::default()
                };
                Ok(SyncGroupRequestAssignment {
                    member_id,
                    assignment: versioned(&wire, ASSIGNMENT_VERSION)?,
                    ..Default::default()
                })
            })
            .collect()
    }

    async fn perform(&self, step: Step, conn: Option<&Connection>) -> Result<()> {
        handover::perform(&*self.consumer, step, conn).await
    }

    /// Heartbeats and auto-commits until the group needs this member to rejoin, or it closes.
    async fn stay(&mut self) -> Rejoin {
        let config = self.consumer.config().group.clone();
        let metadata_interval = self.consumer.config().common.metadata_max_age;
        let mut next_heartbeat = Instant::now();
        let mut next_commit = Instant::now() + config.auto_commit_interval;
        let mut next_metadata = Instant::now() + metadata_interval;
        loop {
            if self.consumer.is_closed() {
                return Rejoin::Revoke;
            }
            if let Some(reason) = self.consumer.take_rejoin_request() {
                info!(reason = %reason, "rebalance enforced by the application; rejoining");
                self.join_reason = Some(reason);
                return Rejoin::Revoke;
            }
            if self.consumer.since_last_poll() > config.max_poll_interval {
                warn!("max.poll.interval.ms exceeded without a poll; leaving the group");
                self.leave().await;
                return Rejoin::Lost;
            }
            let now = Instant::now();
            if config.enable_auto_commit && now >= next_commit {
                next_commit = now + config.auto_commit_interval;
                if let Err(e) = self.consumer.commit().await {
                    debug!(error = %e, "auto-commit failed");
                }
            }
            if now >= next_metadata {
                next_metadata = now + metadata_interval;
                if self.metadata_changed().await {
                    info!("subscription metadata changed; rejoining");
                    return Rejoin::Revoke;
                }
            }
            if now >= next_heartbeat {
                next_heartbeat = now + config.heartbeat_interval;
                match self.heartbeat().await {
                    Ok(()) => {}
                    Err(e) => match e.code() {
                        Some(ErrorCode::REBALANCE_IN_PROGRESS) => return Rejoin::Revoke,
                        Some(
                            ErrorCode::UNKNOWN_MEMBER_ID
                            | ErrorCode::ILLEGAL_GENERATION
                            | ErrorCode::FENCED_INSTANCE_ID,
                        ) => {
                            warn!(error = %e, "dropped by the group");
                            match e.code() {
                                Some(ErrorCode::UNKNOWN_MEMBER_ID) => self.set_membership(|m| m.member_id.clear()),
                                Some(ErrorCode::FENCED_INSTANCE_ID) => self.fenced = Some(e),
                                _ => {}
                            }
                            return Rejoin::Lost;
                        }
                        Some(ErrorCode::NOT_COORDINATOR | ErrorCode::COORDINATOR_NOT_AVAILABLE) => {
                            self.coordinator_failed(&e);
                            return Rejoin::Revoke;
                        }
                        _ => {
                            debug!(error = %e, "heartbeat failed");
                            self.coordinator_failed(&e);
                            if self.coordinator().await.is_err() {
                                return Rejoin::Revoke;
                            }
                        }
                    },
                }
            }
            let wake = next_heartbeat
                .min(if config.enable_auto_commit { next_commit } else { next_heartbeat })
                .min(next_metadata);
            tokio::select! {
                _ = tokio::time::sleep_until(wake.into()) => {}
                _ = self.consumer.closed() => {}
                _ = self.consumer.rejoin_requested() => {}
            }
        }
    }

    async fn heartbeat(&mut self) -> Result<()> {
        let conn = self.coordinator().await?;
        let member = self.membership();
        let started = Instant::now();
        let response = conn
            .send(&HeartbeatRequest {
                group_id: member.group_id.clone(),
                generation_id: member.generation,
                member_id: member.member_id.clone(),
                group_instance_id: member.instance_id.clone(),
                ..Default::default()
            })
            .await?;
        self.consumer.cluster().metrics().consumer().heartbeat(started.elapsed());
        match ErrorCode(response.error_code).err() {
            None => Ok(()),
            Some(code) => {
                Err(Error::kafka(code, None, ErrorContext::request(ApiKey::Heartbeat).with_group(&*member.group_id)))
            }
        }
    }

    /// Lets go of what the protocol says must go before rejoining.
    async fn prepare_rejoin(&mut self, reason: Rejoin) {
        let subscription = &self.subscription;
        let step = self.ownership.prepare_join(reason, |topic| subscription.wants(topic));
        debug!(?reason, state = ?self.ownership.state(), kept = self.ownership.owned().len(), "rejoining");
        if reason == Rejoin::Lost {
            self.set_membership(|m| m.generation = -1);
        }
        if let Err(e) = self.perform(step, None).await {
            debug!(error = %e, "giving up partitions failed");
        }
    }

    /// Leaves the group (dynamic members only: a static member keeps its place until its
    /// session times out, so a quick restart causes no rebalance).
    /// Another consumer joined with this one's `group.instance.id`: as in the Java client, this
    /// one is a zombie and stops taking part in the group (rejoining would fence the other in
    /// turn). The next poll reports it; the application should close this consumer.
    fn stop_fenced(&mut self, error: Error) {
        warn!(error = %error, "fenced by another member with the same group.instance.id; leaving the group to it");
        self.set_membership(|m| {
            m.member_id.clear();
            m.generation = -1;
        });
        self.consumer.report(error);
    }

    async fn leave(&mut self) {
        let member = self.membership();
        let step = self.ownership.leave(member.generation >= 0 && !member.member_id.is_empty());
        if !step.revoke.is_empty() || !step.lose.is_empty() {
            if let Err(e) = self.perform(step, None).await {
                debug!(error = %e, "giving up partitions failed");
            }
        }
        if member.member_id.is_empty() || member.instance_id.is_some() {
            return;
        }
        let Ok(conn) = self.coordinator().await else { return };
        let version = match conn.version_for(ApiKey::LeaveGroup) {
            Ok(version) => version,
            Err(e) => {
                debug!(error = %e, "LeaveGroup not offered; the member expires with its session");
                return;
            }
        };
        // v0-2 name the leaving member at the top; v3+ (KIP-345) only in `members`, whose
        // version leaves the top-level field out (setting both cannot be encoded).
        let request = if version >= 3 {
            LeaveGroupRequest {
                group_id: member.group_id.clone(),
                members: vec![MemberIdentity {
                    member_id: member.member_id.clone(),
                    group_instance_id: None,
                    reason: Some("the consumer is closing".into()),
                    ..Default::default()
                }],
                ..Default::default()
            }
        } else {
            LeaveGroupRequest {
                group_id: member.group_id.clone(),
                member_id: member.member_id.clone(),
                ..Default::default()
            }
        };
        match conn.send_at(&request, version).await {
            Ok(response) => match leave_error(&response) {
                ErrorCode::NONE => info!("left the group"),
                code => debug!(?code, "LeaveGroup refused; the member expires with its session"),
            },
            Err(e) => warn!(error = %e, "LeaveGroup failed; the member expires with its session"),
        }
        self.set_membership(|m| {
            m.member_id.clear();
            m.generation = -1;
        });
    }
}

/// The first error of a LeaveGroup answer: the top level, else the member's.
fn leave_error(response: &kfk_protocol::messages::LeaveGroupResponse) -> ErrorCode {
    let top = ErrorCode::from(response.error_code);
    if top != ErrorCode::NONE {
        return top;
    }
    response.members.iter().map(|m| ErrorCode::from(m.error_code)).find(|c| *c != ErrorCode::NONE).unwrap_or(top)
}

fn millis(d: Duration) -> i32 {
    d.as_millis().min(i32::MAX as u128) as i32
}

/// A data schema with its version prefix (how subscription and assignment bytes travel).
fn versioned<T: Encode>(value: &T, version: i16) -> Result<Bytes> {
    let mut buf = BytesMut::with_capacity(2 + value.encoded_len(version));
    buf.extend_from_slice(&version.to_be_bytes());
    value
        .encode(&mut buf, version)
        .map_err(|e| Error::kafka(ErrorCode::INVALID_REQUEST, Some(e.to_string()), "group protocol metadata"))?;
    Ok(buf.freeze())
}

/// Reads a version-prefixed data schema; a newer version than known is read as the newest
/// known one (its extra fields are ignored), as the Java client does.
fn decode_versioned<T: Decode + kfk_protocol::Message>(
    buf: &mut Bytes,
) -> std::result::Result<T, kfk_protocol::DecodeError> {
    if buf.len() < 2 {
        return Err(kfk_protocol::DecodeError::from(kfk_protocol::DecodeErrorKind::UnexpectedEof {
            needed: 2,
            remaining: buf.len(),
        }));
    }
    let version = i16::from_be_bytes([buf[0], buf[1]]);
    let _ = bytes::Buf::get_i16(buf);
    T::decode(buf, version.clamp(T::VERSIONS.min, T::VERSIONS.max))
}

fn decode_assignment(bytes: &Bytes) -> Result<Vec<TopicPartition>> {
    if bytes.is_empty() {
        return Ok(Vec::new());
    }
    let assignment = decode_versioned::<ConsumerProtocolAssignment>(&mut bytes.clone()).map_err(|e| {
        Error::kafka(ErrorCode::INCONSISTENT_GROUP_PROTOCOL, Some(e.to_string()), "SyncGroup assignment")
    })?;
    Ok(assignment
        .assigned_partitions
        .iter()
        .flat_map(|t| t.partitions.iter().map(move |p| TopicPartition::new(&t.topic, *p)))
        .collect())
}

fn group_by_topic(parts: &[TopicPartition]) -> Vec<(String, Vec<i32>)> {
    let pairs: Vec<(String, i32)> = parts.iter().map(|tp| (tp.topic.to_string(), tp.partition)).collect();
    group_by_topic_pairs(&pairs)
}

fn group_by_topic_pairs(parts: &[(String, i32)]) -> Vec<(String, Vec<i32>)> {
    let mut out: Vec<(String, Vec<i32>)> = Vec::new();
    for (topic, p) in parts {
        match out.iter_mut().find(|(t, _)| t == topic) {
            Some((_, list)) => list.push(*p),
            None => out.push((topic.clone(), vec![*p])),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscription_round_trips_with_its_version_prefix() {
        let s = ConsumerProtocolSubscription {
            topics: vec!["a".into(), "b".into()],
            generation_id: 4,
            ..Default::default()
        };
        let bytes = versioned(&s, SUBSCRIPTION_VERSION).unwrap();
        assert_eq!(&bytes[..2], &[0, 3]);
        let back: ConsumerProtocolSubscription = decode_versioned(&mut bytes.clone()).unwrap();
        assert_eq!(back.topics, s.topics);
        assert_eq!(back.generation_id, 4);
    }

    #[test]
    fn an_empty_assignment_means_no_partitions() {
        assert!(decode_assignment(&Bytes::new()).unwrap().is_empty());
        let a = ConsumerProtocolAssignment {
            assigned_partitions: vec![WireAssignedPartition {
                topic: "t".into(),
                partitions: vec![0, 2],
                ..Default::default()
            }],
            ..Default::default()
        };
        let parts = decode_assignment(&versioned(&a, 0).unwrap()).unwrap();
        assert_eq!(parts, vec![TopicPartition::new("t", 0), TopicPartition::new("t", 2)]);
    }
}

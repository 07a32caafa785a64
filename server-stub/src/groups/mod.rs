//! The group coordinator: consumer groups (classic and KIP-848), their committed offsets, and the
//! timers that drive rebalances and expire sessions.
//!
//! This file is the coordinator itself: its state, the routing of each request to the group it
//! names (the classic protocol's steps are [`rebalance`]'s), group deletion, and the firing of
//! deadlines. The rest lives in the file named for it: [`placement`] (which partition holds a
//! group, coordinator moves), [`consumer_heartbeat`] (KIP-848's ConsumerGroupHeartbeat),
//! [`offsets`] (the offset store and every commit), [`listing`] (ListGroups, DescribeGroups).
//!
//! # Placement
//!
//! As in Kafka, a group belongs to a partition of `__consumer_offsets` (Java's
//! `abs(groupId.hashCode()) % offsets.topic.num.partitions`) and that partition's leader is the
//! group's coordinator. The stub does not materialize the topic: [`crate::state::ClusterState`]
//! keeps its partitions' replicas and leaders, which fail over like any partition's when a
//! broker stops. Requests for a group reaching another broker get NOT_COORDINATOR. When a
//! partition's leader changes, its groups are unloaded (parked requests answered
//! NOT_COORDINATOR) and loaded again from what Kafka would have persisted ([`ClassicGroup`]
//! keeps that image): a rebalance in progress is lost, the last Stable generation is not.
//!
//! # Ownership and locks
//!
//! One [`GroupCoordinator`] per cluster, behind its own lock ([`crate::state::Shared::groups`]).
//! Handlers take it once per request, never with the cluster-state lock held (they read topic
//! metadata and coordinator placement from the state lock first, release it, then take this one).
//! Parked JoinGroup/SyncGroup requests hold only a `oneshot` receiver while they wait.
//! The timer task ([`timers::run`]) takes the same lock to fire deadlines.
//!
//! # Two group types
//!
//! KIP-848 consumer groups ([`consumer::ConsumerGroup`], driven by ConsumerGroupHeartbeat) live
//! next to the classic ones and share the [`offsets::OffsetStore`]; a group id names one or the
//! other (an empty classic group becomes a consumer group when a member heartbeats to it).
//! Their sessions and revocation deadlines use the same [`Timers`]. Members subscribe by topic
//! names or by regex (SubscribedTopicRegex, resolved at every heartbeat). Not modelled: mixed
//! groups of classic and consumer members, Kafka 4.3+'s assignment batching
//! (`group.consumer.assignment.interval.ms`): the stub computes the target assignment at the
//! heartbeat that changed the group.

pub(crate) mod classic;
pub(crate) mod consumer;
mod consumer_assignors;
mod consumer_heartbeat;
#[cfg(test)]
mod consumer_tests;
mod listing;
pub(crate) mod offsets;
mod placement;
pub(crate) mod rebalance;
#[cfg(test)]
mod tests;
pub(crate) mod timers;

pub(crate) use offsets::{CommitFrom, OffsetToCommit};
pub(crate) use placement::partition_for;

use std::collections::BTreeMap;
use std::sync::Arc;

use kfk_protocol::messages::leave_group::request::MemberIdentity;
use kfk_protocol::messages::leave_group::response::MemberResponse;
use kfk_protocol::messages::{
    HeartbeatRequest, JoinGroupRequest, JoinGroupResponse, SyncGroupRequest, SyncGroupResponse,
};
use kfk_protocol::ErrorCode;
use tokio::sync::Notify;
use tokio::time::Instant;

use classic::{ClassicGroup, GroupState};
use consumer::ConsumerGroup;
use offsets::OffsetStore;
use rebalance::{Env, JoinCtx, Reply};
use timers::{TimerOp, Timers};

/// The group coordinator's settings (Kafka's broker configs of the same meaning).
#[derive(Debug, Clone)]
pub(crate) struct GroupConfig {
    /// `group.initial.rebalance.delay.ms` (the stub's default is 0; Kafka's is 3000).
    pub initial_rebalance_delay_ms: i64,
    /// `group.min.session.timeout.ms` (6000).
    pub min_session_timeout_ms: i32,
    /// `group.max.session.timeout.ms` (1800000).
    pub max_session_timeout_ms: i32,
    /// How long a new member's JoinGroup may stay parked (Kafka: 5 minutes, fixed).
    pub new_member_join_timeout_ms: i64,
    /// `offsets.retention.minutes` in ms (7 days).
    pub offsets_retention_ms: i64,
    /// `offsets.retention.check.interval.ms` (600000).
    pub offsets_retention_check_interval_ms: i64,
    /// `offset.metadata.max.bytes` (4096).
    pub offset_metadata_max_bytes: usize,
    /// `offsets.topic.num.partitions` (50).
    pub offsets_partitions: i32,
    /// `transaction.state.log.num.partitions` (50).
    pub transaction_partitions: i32,
    /// `group.consumer.session.timeout.ms` (45000): how long a consumer group member may go
    /// without a heartbeat.
    pub consumer_session_timeout_ms: i32,
    /// `group.consumer.heartbeat.interval.ms` (5000): what ConsumerGroupHeartbeat tells members.
    pub consumer_heartbeat_interval_ms: i32,
}

impl Default for GroupConfig {
    fn default() -> Self {
        GroupConfig {
            initial_rebalance_delay_ms: 0,
            min_session_timeout_ms: 6_000,
            max_session_timeout_ms: 1_800_000,
            new_member_join_timeout_ms: 5 * 60 * 1000,
            offsets_retention_ms: 7 * 24 * 60 * 60 * 1000,
            offsets_retention_check_interval_ms: 600_000,
            offset_metadata_max_bytes: 4096,
            offsets_partitions: 50,
            transaction_partitions: 50,
            consumer_session_timeout_ms: 45_000,
            consumer_heartbeat_interval_ms: 5_000,
        }
    }
}

/// Groups, offsets and timers of one cluster.
#[derive(Debug)]
pub(crate) struct GroupCoordinator {
    config: GroupConfig,
    groups: BTreeMap<String, ClassicGroup>,
    /// KIP-848 consumer groups; a group id names a classic group or a consumer group, not both.
    consumer: BTreeMap<String, ConsumerGroup>,
    /// Names the members of v0 heartbeats, which the server names.
    member_seq: u64,
    offsets: OffsetStore,
    timers: Timers,
    /// Group configs (KIP-848's `consumer.session.timeout.ms` and
    /// `consumer.heartbeat.interval.ms`) set for a group id, whether or not the group exists.
    group_configs: BTreeMap<String, BTreeMap<String, String>>,
}

impl GroupCoordinator {
    /// A coordinator whose timer task is woken through `wake`.
    pub(crate) fn new(config: GroupConfig, wake: Arc<Notify>) -> Self {
        let mut timers = Timers::new(wake);
        let interval = u64::try_from(config.offsets_retention_check_interval_ms).unwrap_or(0);
        timers.schedule(Instant::now() + std::time::Duration::from_millis(interval), TimerOp::Cleanup);
        GroupCoordinator {
            config,
            groups: BTreeMap::new(),
            consumer: BTreeMap::new(),
            member_seq: 0,
            offsets: OffsetStore::default(),
            timers,
            group_configs: BTreeMap::new(),
        }
    }

    /// The configs set for group `id` (empty: none).
    pub(crate) fn group_configs(&self, id: &str) -> BTreeMap<String, String> {
        self.group_configs.get(id).cloned().unwrap_or_default()
    }

    /// Sets the configs of group `id` (empty: removes them); they apply from each member's next
    /// heartbeat.
    pub(crate) fn set_group_configs(&mut self, id: &str, configs: BTreeMap<String, String>) {
        if configs.is_empty() {
            self.group_configs.remove(id);
        } else {
            self.group_configs.insert(id.to_owned(), configs);
        }
    }

    /// The ids of the groups with configs set.
    pub(crate) fn group_config_ids(&self) -> Vec<String> {
        self.group_configs.keys().cloned().collect()
    }

    /// A group config's value as an int, if set (and valid: the handler checked it).
    fn group_config_int(&self, id: &str, key: &str) -> Option<i32> {
        self.group_configs.get(id)?.get(key)?.trim().parse().ok()
    }

    /// Group `id`'s consumer session timeout: its `consumer.session.timeout.ms`, else the
    /// coordinator's `group.consumer.session.timeout.ms`.
    pub(crate) fn consumer_session_timeout_ms(&self, id: &str) -> i32 {
        self.group_config_int(id, "consumer.session.timeout.ms").unwrap_or(self.config.consumer_session_timeout_ms)
    }

    /// Group `id`'s consumer heartbeat interval: its `consumer.heartbeat.interval.ms`, else the
    /// coordinator's `group.consumer.heartbeat.interval.ms`.
    pub(crate) fn consumer_heartbeat_interval_ms(&self, id: &str) -> i32 {
        self.group_config_int(id, "consumer.heartbeat.interval.ms")
            .unwrap_or(self.config.consumer_heartbeat_interval_ms)
    }

    pub(crate) fn config(&self) -> &GroupConfig {
        &self.config
    }

    /// A group, for inspection (tests, DescribeGroups).
    pub(crate) fn group(&self, id: &str) -> Option<&ClassicGroup> {
        self.groups.get(id)
    }

    /// Splits `self` into the group `id` and what the rebalance logic may touch.
    fn with_group<R>(
        &mut self,
        id: &str,
        now: Instant,
        now_ms: i64,
        f: impl FnOnce(&mut ClassicGroup, &mut Env<'_>) -> R,
    ) -> Option<R> {
        let GroupCoordinator { config, groups, timers, .. } = self;
        let group = groups.get_mut(id)?;
        let mut env = Env { timers, config, now, now_ms };
        Some(f(group, &mut env))
    }

    fn create_group(&mut self, id: &str, now_ms: i64) {
        let mut group = ClassicGroup::new(id, now_ms);
        group.persist();
        self.groups.insert(id.to_owned(), group);
    }

    // ---- Membership ----------------------------------------------------------------------

    /// The answer to a JoinGroup refused before it reaches a group: an empty group id, or a
    /// session timeout outside the configured range.
    pub(crate) fn refuse_join(&self, req: &JoinGroupRequest) -> Option<JoinGroupResponse> {
        if req.group_id.is_empty() {
            return Some(rebalance::join_error(ErrorCode::INVALID_GROUP_ID, &req.member_id));
        }
        if req.session_timeout_ms < self.config.min_session_timeout_ms
            || req.session_timeout_ms > self.config.max_session_timeout_ms
        {
            return Some(rebalance::join_error(ErrorCode::INVALID_SESSION_TIMEOUT, &req.member_id));
        }
        None
    }

    /// JoinGroup (already routed to this coordinator).
    pub(crate) fn join(
        &mut self,
        req: &JoinGroupRequest,
        ctx: JoinCtx<'_>,
        now: Instant,
        now_ms: i64,
    ) -> Reply<JoinGroupResponse> {
        if let Some(refused) = self.refuse_join(req) {
            return Reply::Now(refused);
        }
        if !self.groups.contains_key(&req.group_id) {
            if !req.member_id.is_empty() {
                return Reply::Now(rebalance::join_error(ErrorCode::UNKNOWN_MEMBER_ID, &req.member_id));
            }
            self.create_group(&req.group_id, now_ms);
        }
        self.with_group(&req.group_id, now, now_ms, |g, env| rebalance::join(g, env, req, ctx))
            .unwrap_or_else(|| Reply::Now(rebalance::join_error(ErrorCode::UNKNOWN_SERVER_ERROR, &req.member_id)))
    }

    /// SyncGroup (already routed).
    pub(crate) fn sync(&mut self, req: &SyncGroupRequest, now: Instant, now_ms: i64) -> Reply<SyncGroupResponse> {
        if req.group_id.is_empty() {
            return Reply::Now(SyncGroupResponse { error_code: ErrorCode::INVALID_GROUP_ID.0, ..Default::default() });
        }
        self.with_group(&req.group_id, now, now_ms, |g, env| rebalance::sync(g, env, req)).unwrap_or_else(|| {
            Reply::Now(SyncGroupResponse { error_code: ErrorCode::UNKNOWN_MEMBER_ID.0, ..Default::default() })
        })
    }

    /// Heartbeat (already routed); the error code.
    pub(crate) fn heartbeat(&mut self, req: &HeartbeatRequest, now: Instant, now_ms: i64) -> ErrorCode {
        if req.group_id.is_empty() {
            return ErrorCode::INVALID_GROUP_ID;
        }
        self.with_group(&req.group_id, now, now_ms, |g, env| rebalance::heartbeat(g, env, req))
            .unwrap_or(ErrorCode::UNKNOWN_MEMBER_ID)
    }

    /// LeaveGroup (already routed, normalized to a member list): top-level error and members.
    pub(crate) fn leave(
        &mut self,
        group_id: &str,
        members: &[MemberIdentity],
        now: Instant,
        now_ms: i64,
    ) -> (ErrorCode, Vec<MemberResponse>) {
        if group_id.is_empty() {
            return (ErrorCode::INVALID_GROUP_ID, Vec::new());
        }
        self.with_group(group_id, now, now_ms, |g, env| rebalance::leave(g, env, members)).unwrap_or_else(|| {
            let unknown = members
                .iter()
                .map(|m| MemberResponse {
                    member_id: m.member_id.clone(),
                    group_instance_id: m.group_instance_id.clone(),
                    error_code: ErrorCode::UNKNOWN_MEMBER_ID.0,
                    ..Default::default()
                })
                .collect();
            (ErrorCode::NONE, unknown)
        })
    }

    // ---- Consumer groups (KIP-848) -----------------------------------------------------------

    /// Whether a live group (of either type) has this id.
    fn has_group(&self, id: &str) -> bool {
        self.consumer.contains_key(id) || self.groups.get(id).is_some_and(|g| !g.is(GroupState::Dead))
    }

    /// A consumer group, for inspection (tests, ConsumerGroupDescribe).
    pub(crate) fn consumer_group(&self, id: &str) -> Option<&ConsumerGroup> {
        self.consumer.get(id)
    }

    /// OffsetFetch v9+ from `member_id` at `epoch`: for a consumer group, the member must be
    /// current (an empty id with a negative epoch is a client outside the group).
    pub(crate) fn validate_offset_fetch(&self, group: &str, member_id: &str, epoch: i32) -> Result<(), ErrorCode> {
        self.consumer.get(group).map_or(Ok(()), |g| g.validate_offsets(member_id, epoch))
    }

    /// DeleteGroups for one group: only empty groups (their offsets go with them).
    pub(crate) fn delete_group(&mut self, id: &str, now_ms: i64) -> Result<(), ErrorCode> {
        if let Some(cg) = self.consumer.get(id) {
            if !cg.members.is_empty() {
                return Err(ErrorCode::NON_EMPTY_GROUP);
            }
            self.consumer.remove(id);
            self.offsets.delete_group(id);
            self.timers.cancel_group(id);
            return Ok(());
        }
        let g = self.groups.get_mut(id).ok_or(ErrorCode::GROUP_ID_NOT_FOUND)?;
        match g.state() {
            GroupState::Dead => return Err(ErrorCode::GROUP_ID_NOT_FOUND),
            GroupState::Stable | GroupState::PreparingRebalance | GroupState::CompletingRebalance => {
                return Err(ErrorCode::NON_EMPTY_GROUP)
            }
            GroupState::Empty => {}
        }
        g.transition(GroupState::Dead, now_ms);
        self.groups.remove(id);
        self.offsets.delete_group(id);
        self.timers.cancel_group(id);
        Ok(())
    }

    // ---- Timers ---------------------------------------------------------------------------

    /// Fires every deadline due at `now`, one at a time in deadline order (a firing may
    /// reschedule or cancel the others), including those the firings schedule at `now` (an
    /// initial rebalance delay of 0). A bound on the firings per call keeps a degenerate group
    /// (a rebalance timeout of 0 and nobody rejoining) from holding the lock forever: what is
    /// left is due at the timer task's next turn.
    pub(crate) fn fire_expired(&mut self, now: Instant, now_ms: i64) {
        for _ in 0..10_000 {
            match self.timers.pop_expired(now) {
                Some(op) => self.fire(op, now, now_ms),
                None => return,
            }
        }
    }

    fn fire(&mut self, op: TimerOp, now: Instant, now_ms: i64) {
        match op {
            TimerOp::ExpireHeartbeat { group, member } => {
                if let Some(cg) = self.consumer.get_mut(&group) {
                    if cg.remove_member(&member) {
                        tracing::info!(group = %group, member = %member, "consumer group member's session expired");
                        self.timers.cancel(&timers::TimerKey::Revocation { group, member });
                    }
                    return;
                }
                self.with_group(&group, now, now_ms, |g, env| rebalance::heartbeat_expired(g, env, &member));
            }
            TimerOp::CompleteJoin { group } => {
                self.with_group(&group, now, now_ms, |g, env| {
                    if g.is(GroupState::PreparingRebalance) {
                        rebalance::complete_join(g, env)
                    }
                });
            }
            TimerOp::InitialRebalance { group, delay_ms, remaining_ms } => {
                self.with_group(&group, now, now_ms, |g, env| {
                    if g.is(GroupState::PreparingRebalance) {
                        rebalance::initial_rebalance_elapsed(g, env, delay_ms, remaining_ms)
                    }
                });
            }
            TimerOp::ExpireSync { group, generation } => {
                self.with_group(&group, now, now_ms, |g, env| rebalance::sync_expired(g, env, generation));
            }
            TimerOp::ExpireRevocation { group, member, epoch } => {
                let Some(cg) = self.consumer.get_mut(&group) else { return };
                let owes = cg
                    .members
                    .get(&member)
                    .is_some_and(|m| m.state == consumer::MemberState::UnrevokedPartitions && m.epoch == epoch);
                if owes && cg.remove_member(&member) {
                    tracing::info!(group = %group, member = %member, "member fenced: it did not revoke within its rebalance timeout");
                    self.timers.cancel(&timers::TimerKey::Heartbeat { group, member });
                }
            }
            TimerOp::Cleanup => {
                self.cleanup(now_ms);
                let interval = u64::try_from(self.config.offsets_retention_check_interval_ms).unwrap_or(0);
                self.timers.schedule(now + std::time::Duration::from_millis(interval), TimerOp::Cleanup);
            }
        }
    }

    pub(crate) fn next_deadline(&self) -> Option<Instant> {
        self.timers.next_deadline()
    }
}

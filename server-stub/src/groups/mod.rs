//! The group coordinator: consumer groups (classic protocol), their committed offsets, and the
//! timers that drive rebalances and expire sessions.
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
#[cfg(test)]
mod consumer_tests;
pub(crate) mod offsets;
pub(crate) mod rebalance;
#[cfg(test)]
mod tests;
pub(crate) mod timers;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use kafka_protocol::messages::describe_groups::response::{DescribedGroup, DescribedGroupMember};
use kafka_protocol::messages::leave_group::request::MemberIdentity;
use kafka_protocol::messages::leave_group::response::MemberResponse;
use kafka_protocol::messages::list_groups::response::ListedGroup;
use kafka_protocol::messages::{
    ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatResponse, HeartbeatRequest, JoinGroupRequest,
    JoinGroupResponse, SyncGroupRequest, SyncGroupResponse,
};
use kafka_protocol::ErrorCode;
use tokio::sync::Notify;
use tokio::time::Instant;

use classic::{ClassicGroup, GroupState};
use consumer::{ConsumerGroup, HeartbeatCtx, Session, TopicsView};
use offsets::{CommittedOffset, OffsetStore};
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

/// Java's `String.hashCode` (over UTF-16 code units).
fn java_hash(s: &str) -> i32 {
    s.encode_utf16().fold(0i32, |h, c| h.wrapping_mul(31).wrapping_add(i32::from(c)))
}

/// The internal-topic partition of a group id or transactional id, as Kafka computes it
/// (`Utils.abs(key.hashCode()) % partitions`).
pub(crate) fn partition_for(key: &str, partitions: i32) -> i32 {
    let h = java_hash(key);
    let abs = if h == i32::MIN { 0 } else { h.abs() };
    abs % partitions.max(1)
}

/// Per topic, an error code per partition.
pub(crate) type PartitionCodes = Vec<(String, Vec<(i32, ErrorCode)>)>;

/// One offset to commit.
#[derive(Debug, Clone)]
pub(crate) struct OffsetToCommit {
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    pub leader_epoch: i32,
    pub metadata: Option<String>,
}

/// An OffsetCommit's group fields.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CommitFrom<'a> {
    pub group_id: &'a str,
    pub generation: i32,
    pub member_id: &'a str,
    pub instance_id: Option<&'a str>,
    /// -1: the broker's retention.
    pub retention_ms: i64,
    pub version: i16,
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
        }
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

    /// ConsumerGroupHeartbeat (already routed); `topics` is the cluster's topics.
    pub(crate) fn consumer_heartbeat(
        &mut self,
        req: &ConsumerGroupHeartbeatRequest,
        version: i16,
        client: (&str, &str),
        topics: &TopicsView,
        now: Instant,
    ) -> ConsumerGroupHeartbeatResponse {
        let refused = |r: consumer::Refusal| ConsumerGroupHeartbeatResponse {
            error_code: r.code.0,
            error_message: Some(r.message),
            ..Default::default()
        };
        if let Err(r) = consumer::validate(req, version) {
            return refused(r);
        }
        if let Some(classic) = self.groups.get(&req.group_id).filter(|g| !g.is(GroupState::Dead)) {
            if !classic.is(GroupState::Empty) {
                return refused(consumer::Refusal {
                    code: ErrorCode::GROUP_ID_NOT_FOUND,
                    message: format!("Group {} is not a consumer group.", req.group_id),
                });
            }
            // An empty classic group becomes a consumer group; its offsets stay.
            self.timers.cancel_group(&req.group_id);
            self.groups.remove(&req.group_id);
        }
        if req.member_epoch != consumer::JOIN_EPOCH && !self.consumer.contains_key(&req.group_id) {
            return refused(consumer::Refusal {
                code: ErrorCode::UNKNOWN_MEMBER_ID,
                message: format!("Group {} does not exist.", req.group_id),
            });
        }
        self.member_seq += 1;
        let fresh = format!("{:016x}-{:016x}", now_ms_seed(), self.member_seq);
        let ctx = HeartbeatCtx {
            client_id: client.0,
            client_host: client.1,
            heartbeat_interval_ms: self
                .config
                .consumer_heartbeat_interval_ms
                .min(self.config.consumer_session_timeout_ms / 2)
                .max(1),
            fresh_member_id: &fresh,
        };
        let group = self.consumer.entry(req.group_id.clone()).or_insert_with(|| ConsumerGroup::new(&req.group_id));
        let result = group.heartbeat(req, ctx, topics);
        if group.members.is_empty() && group.group_epoch == 0 {
            // A join refused before it created anything leaves no group behind.
            self.consumer.remove(&req.group_id);
        }
        let (response, session) = match result {
            Ok(ok) => ok,
            Err(r) => return refused(r),
        };
        let session_ms = u64::try_from(self.config.consumer_session_timeout_ms).unwrap_or(0);
        let renew = |timers: &mut Timers, member: &str| {
            timers.schedule(
                now + std::time::Duration::from_millis(session_ms),
                TimerOp::ExpireHeartbeat { group: req.group_id.clone(), member: member.to_owned() },
            );
        };
        let forget = |timers: &mut Timers, member: &str| {
            timers.cancel(&timers::TimerKey::Heartbeat { group: req.group_id.clone(), member: member.to_owned() });
        };
        // A member asked to revoke has its rebalance timeout to confirm it, counted from the
        // request; otherwise nothing is owed.
        if let Some(m) = self.consumer.get(&req.group_id).and_then(|g| g.members.get(&req.member_id)) {
            let key = timers::TimerKey::Revocation { group: req.group_id.clone(), member: m.id.clone() };
            if m.state == consumer::MemberState::UnrevokedPartitions {
                if !self.timers.is_scheduled(&key) {
                    let timeout = u64::try_from(m.rebalance_timeout_ms.max(0)).unwrap_or(0);
                    self.timers.schedule(
                        now + std::time::Duration::from_millis(timeout),
                        TimerOp::ExpireRevocation { group: req.group_id.clone(), member: m.id.clone(), epoch: m.epoch },
                    );
                }
            } else {
                self.timers.cancel(&key);
            }
        }
        match session {
            Session::Renew(m) => renew(&mut self.timers, &m),
            Session::End(m) => {
                forget(&mut self.timers, &m);
                self.timers.cancel(&timers::TimerKey::Revocation { group: req.group_id.clone(), member: m });
            }
            Session::Replace { old, new } => {
                forget(&mut self.timers, &old);
                renew(&mut self.timers, &new);
            }
        }
        response
    }

    // ---- Groups --------------------------------------------------------------------------

    /// ListGroups over the groups `mine` accepts, filtered by state and type names (any case).
    pub(crate) fn list(&self, mine: impl Fn(&str) -> bool, states: &[String], types: &[String]) -> Vec<ListedGroup> {
        let states: BTreeSet<String> = states.iter().map(|s| s.trim().to_lowercase()).collect();
        let types: BTreeSet<String> = types.iter().map(|t| t.trim().to_lowercase()).collect();
        self.groups
            .values()
            .filter(|g| mine(&g.id) && !g.is(GroupState::Dead))
            .filter(|g| states.is_empty() || states.contains(&g.state().name().to_lowercase()))
            .filter(|_| types.is_empty() || types.contains("classic"))
            .map(|g| ListedGroup {
                group_id: g.id.clone(),
                protocol_type: g.protocol_type.clone().unwrap_or_default(),
                group_state: g.state().name().to_owned(),
                group_type: "classic".to_owned(),
                ..Default::default()
            })
            .chain(
                self.consumer
                    .values()
                    .filter(|g| mine(&g.id))
                    .filter(|g| states.is_empty() || states.contains(&g.state().name().to_lowercase()))
                    .filter(|_| types.is_empty() || types.contains("consumer"))
                    .map(|g| ListedGroup {
                        group_id: g.id.clone(),
                        protocol_type: "consumer".to_owned(),
                        group_state: g.state().name().to_owned(),
                        group_type: "consumer".to_owned(),
                        ..Default::default()
                    }),
            )
            .collect()
    }

    /// DescribeGroups for one group; `None` if there is no such group.
    pub(crate) fn describe(&self, id: &str) -> Option<DescribedGroup> {
        if self.consumer.contains_key(id) {
            // Kafka answers DescribeGroups for a consumer group as for an unknown one, with a
            // message pointing at ConsumerGroupDescribe.
            return Some(DescribedGroup {
                group_id: id.to_owned(),
                error_code: ErrorCode::GROUP_ID_NOT_FOUND.0,
                error_message: Some(format!("Group {id} is not a classic group.")),
                group_state: "Dead".to_owned(),
                ..Default::default()
            });
        }
        let g = self.groups.get(id).filter(|g| !g.is(GroupState::Dead))?;
        let stable_protocol = g.protocol_name.as_deref().filter(|_| g.is(GroupState::Stable));
        Some(DescribedGroup {
            group_id: id.to_owned(),
            group_state: g.state().name().to_owned(),
            protocol_type: g.protocol_type.clone().unwrap_or_default(),
            protocol_data: stable_protocol.unwrap_or_default().to_owned(),
            members: g
                .members()
                .map(|m| DescribedGroupMember {
                    member_id: m.id.clone(),
                    group_instance_id: m.instance_id.clone(),
                    client_id: m.client_id.clone(),
                    client_host: m.client_host.clone(),
                    member_metadata: stable_protocol.map(|p| m.metadata(p)).unwrap_or_default(),
                    member_assignment: m.assignment.clone(),
                    ..Default::default()
                })
                .collect(),
            error_message: None,
            ..Default::default()
        })
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

    // ---- Offsets -------------------------------------------------------------------------

    /// OffsetCommit of `offsets` (topics and partitions already checked to exist): one error
    /// code per offset, in order.
    pub(crate) fn commit(
        &mut self,
        from: CommitFrom<'_>,
        offsets: &[OffsetToCommit],
        now: Instant,
        now_ms: i64,
    ) -> Vec<ErrorCode> {
        let all = |code: ErrorCode| vec![code; offsets.len()];
        if let Some(cg) = self.consumer.get(from.group_id) {
            if let Err(code) = cg.validate_offsets(from.member_id, from.generation) {
                return all(code);
            }
            if from.version < 9 && !from.member_id.is_empty() {
                // Members of consumer groups commit with v9+ (member epochs).
                return all(ErrorCode::UNSUPPORTED_VERSION);
            }
        } else if !self.groups.contains_key(from.group_id) {
            if from.generation >= 0 {
                // v9+ say the group is unknown; older versions keep the historical answer.
                return all(if from.version >= 9 {
                    ErrorCode::GROUP_ID_NOT_FOUND
                } else {
                    ErrorCode::ILLEGAL_GENERATION
                });
            }
            // A simple group: committed to by a consumer that assigns partitions itself.
            self.create_group(from.group_id, now_ms);
        }
        let checked = self.with_group(from.group_id, now, now_ms, |g, env| {
            // (A consumer group was checked above: `with_group` finds no classic group.)
            rebalance::validate_offset_commit(g, env, from.member_id, from.instance_id, from.generation)
        });
        if let Some(Err(code)) = checked {
            return all(code);
        }
        let expire_ms = (from.retention_ms != -1).then(|| now_ms.saturating_add(from.retention_ms));
        offsets
            .iter()
            .map(|o| {
                if o.metadata.as_ref().is_some_and(|m| m.len() > self.config.offset_metadata_max_bytes) {
                    return ErrorCode::OFFSET_METADATA_TOO_LARGE;
                }
                let committed = CommittedOffset {
                    offset: o.offset,
                    leader_epoch: o.leader_epoch,
                    metadata: o.metadata.clone().unwrap_or_default(),
                    commit_ms: now_ms,
                    expire_ms,
                };
                self.offsets.commit(from.group_id, &o.topic, o.partition, committed);
                ErrorCode::NONE
            })
            .collect()
    }

    /// A committed offset; `None` if there is none (or no such group).
    /// Whether an open transaction holds an offset of the partition for the group.
    pub(crate) fn has_pending_offset(&self, group: &str, topic: &str, partition: i32) -> bool {
        self.offsets.has_pending(group, topic, partition)
    }

    pub(crate) fn committed(&self, group: &str, topic: &str, partition: i32) -> Option<&CommittedOffset> {
        if !self.has_group(group) {
            return None;
        }
        self.offsets.get(group, topic, partition)
    }

    /// Every committed offset of a group, by topic and partition.
    pub(crate) fn all_committed(&self, group: &str) -> Vec<(String, Vec<(i32, CommittedOffset)>)> {
        if !self.has_group(group) {
            return Vec::new();
        }
        self.offsets
            .group(group)
            .map(|(t, p)| (t.to_owned(), p.iter().map(|(i, o)| (*i, o.clone())).collect()))
            .collect()
    }

    /// OffsetDelete (topics and partitions already checked to exist): per topic, per partition
    /// error codes, or a group-level error.
    pub(crate) fn delete_offsets(
        &mut self,
        group: &str,
        topics: &[(String, Vec<i32>)],
    ) -> Result<PartitionCodes, ErrorCode> {
        let subscribed: Vec<bool> = if let Some(cg) = self.consumer.get(group) {
            topics.iter().map(|(t, _)| cg.is_subscribed_to(t)).collect()
        } else {
            let g = self.groups.get(group).filter(|g| !g.is(GroupState::Dead)).ok_or(ErrorCode::GROUP_ID_NOT_FOUND)?;
            if !g.is(GroupState::Empty) && !g.uses_consumer_protocol() {
                return Err(ErrorCode::NON_EMPTY_GROUP);
            }
            topics.iter().map(|(t, _)| g.is_subscribed_to(t)).collect()
        };
        Ok(topics
            .iter()
            .zip(subscribed)
            .map(|((topic, partitions), subscribed)| {
                let codes = partitions
                    .iter()
                    .map(|&p| {
                        if subscribed {
                            (p, ErrorCode::GROUP_SUBSCRIBED_TO_TOPIC)
                        } else {
                            self.offsets.delete(group, topic, p);
                            (p, ErrorCode::NONE)
                        }
                    })
                    .collect();
                (topic.clone(), codes)
            })
            .collect())
    }

    /// Topics were deleted: their committed offsets go too (as Kafka's coordinator does).
    pub(crate) fn topics_deleted(&mut self, topics: &[String]) {
        for t in topics {
            self.offsets.delete_topic(t);
        }
    }

    /// Expires offsets as Kafka's periodic cleanup does, and deletes empty groups left
    /// without offsets.
    fn cleanup(&mut self, now_ms: i64) {
        let retention = self.config.offsets_retention_ms;
        let mut dead = Vec::new();
        for g in self.groups.values() {
            // Simple groups count from each commit; consumer groups once empty; active groups never.
            let base_is_commit = g.protocol_type.is_none();
            if !base_is_commit && !g.is(GroupState::Empty) {
                continue;
            }
            let since = g.state_since_ms;
            self.offsets.expire(&g.id, |topic, o| {
                !g.is_subscribed_to(topic)
                    && o.is_expired(now_ms, if base_is_commit { o.commit_ms } else { since }, retention)
            });
            if g.is(GroupState::Empty) && !self.offsets.has_offsets(&g.id) {
                dead.push(g.id.clone());
            }
        }
        for id in dead {
            let _ = self.delete_group(&id, now_ms);
        }
    }

    // ---- Timers and coordinator moves ------------------------------------------------------

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

    /// Leaders of `__consumer_offsets` partitions changed (`(partition, new leader or -1)`):
    /// their groups are unloaded from the old coordinator and, if there is a new one, loaded
    /// from their persisted image with fresh session timers.
    pub(crate) fn coordinators_moved(&mut self, moved: &[(i32, i32)], now: Instant, now_ms: i64) {
        let partitions = self.config.offsets_partitions;
        let affected: Vec<(String, bool)> = self
            .groups
            .keys()
            .filter_map(|id| {
                let p = partition_for(id, partitions);
                moved.iter().find(|(q, _)| *q == p).map(|(_, leader)| (id.clone(), *leader >= 0))
            })
            .collect();
        // Consumer groups are persisted whole: the new coordinator has them as they were and
        // gives every member a fresh session.
        let session =
            std::time::Duration::from_millis(u64::try_from(self.config.consumer_session_timeout_ms).unwrap_or(0));
        for (id, g) in &self.consumer {
            let p = partition_for(id, partitions);
            if moved.iter().any(|(q, _)| *q == p) {
                self.timers.cancel_group(id);
                for member in g.members.keys() {
                    self.timers.schedule(
                        now + session,
                        TimerOp::ExpireHeartbeat { group: id.clone(), member: member.clone() },
                    );
                }
            }
        }
        for (id, has_leader) in affected {
            self.timers.cancel_group(&id);
            let Some(mut group) = self.groups.remove(&id) else {
                continue;
            };
            group.fail_all_waiters(ErrorCode::NOT_COORDINATOR.0);
            let mut loaded = group.loaded();
            if let Some(image) = loaded.as_mut().filter(|_| !has_leader) {
                // Nobody coordinates it for now: it waits, Dead, until a leader loads it.
                image.transition(GroupState::Dead, now_ms);
            }
            if let Some(image) = loaded {
                tracing::debug!(group = %id, state = image.state().name(), "group reloaded by its new coordinator");
                self.groups.insert(id.clone(), image);
                if has_leader {
                    self.with_group(&id, now, now_ms, |g, env| {
                        for member in g.member_ids() {
                            rebalance::reschedule_heartbeat(g, env, &member);
                        }
                    });
                }
            }
        }
    }
}

/// A per-process seed for server-named members, so that ids differ across stub runs.
fn now_ms_seed() -> u64 {
    u64::try_from(crate::state::now_ms()).unwrap_or(0)
}

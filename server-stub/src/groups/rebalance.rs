//! The classic protocol's decisions: what JoinGroup, SyncGroup, Heartbeat and LeaveGroup do to a
//! [`ClassicGroup`] and what they are answered, and what each timer does when it fires. The
//! logic follows Kafka's `GroupMetadataManager` (classic group paths) step by step, with
//! Kafka's names, so the two can be read side by side.
//!
//! Every function runs under the coordinator lock and never blocks: a request that must wait
//! (JoinGroup until the join phase completes, SyncGroup until the leader's assignment) leaves a
//! `oneshot` sender in its member and returns the receiver ([`Reply::Wait`]); whoever completes
//! the phase (another request, or a timer) answers through it. Every such wait ends when a
//! timer fires at the latest: the join phase after the rebalance timeout, the sync phase after
//! the rebalance timeout (members that did not sync are removed and a new rebalance answers the
//! others REBALANCE_IN_PROGRESS).

use std::collections::HashMap;
use std::time::Duration;

use bytes::Bytes;
use kfk_protocol::messages::leave_group::request::MemberIdentity;
use kfk_protocol::messages::leave_group::response::MemberResponse;
use kfk_protocol::messages::{
    HeartbeatRequest, JoinGroupRequest, JoinGroupResponse, SyncGroupRequest, SyncGroupResponse,
};
use kfk_protocol::ErrorCode;
use tokio::sync::oneshot;
use tokio::time::Instant;

use super::classic::{ClassicGroup, GroupState, Member, Protocol};
use super::timers::{TimerKey, TimerOp, Timers};
use super::GroupConfig;
use crate::state::random_uuid;

/// An answer now, or a parked request's answer later.
#[derive(Debug)]
pub(crate) enum Reply<T> {
    Now(T),
    Wait(oneshot::Receiver<T>),
}

/// What the coordinator's logic may touch besides the group: the timers, the settings, the time.
#[derive(Debug)]
pub(crate) struct Env<'a> {
    pub timers: &'a mut Timers,
    pub config: &'a GroupConfig,
    pub now: Instant,
    pub now_ms: i64,
}

impl Env<'_> {
    fn after(&self, ms: i64) -> Instant {
        self.now + Duration::from_millis(u64::try_from(ms).unwrap_or(0))
    }

    fn schedule(&mut self, ms: i64, op: TimerOp) {
        let at = self.after(ms);
        self.timers.schedule(at, op);
    }
}

/// Who sent a JoinGroup.
#[derive(Debug, Clone, Copy)]
pub(crate) struct JoinCtx<'a> {
    pub client_id: &'a str,
    pub client_host: &'a str,
    pub version: i16,
}

/// A JoinGroup error answer (Kafka's defaults: generation -1, no protocol, no leader).
pub(crate) fn join_error(code: ErrorCode, member_id: &str) -> JoinGroupResponse {
    JoinGroupResponse {
        error_code: code.0,
        member_id: member_id.to_owned(),
        protocol_type: None,
        protocol_name: None,
        ..Default::default()
    }
}

fn sync_error(code: ErrorCode) -> SyncGroupResponse {
    SyncGroupResponse { error_code: code.0, ..Default::default() }
}

/// A fresh member id: `<group instance id or client id>-<random UUID>`, as Kafka makes them.
fn generate_member_id(prefix: &str) -> String {
    let v = random_uuid().as_u128();
    let hex = format!("{v:032x}");
    format!("{prefix}-{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// The current generation as a JoinGroup answer (with the member list for the leader).
fn current_generation(g: &ClassicGroup, member_id: &str, with_members: bool) -> JoinGroupResponse {
    JoinGroupResponse {
        members: if with_members { g.join_members() } else { Vec::new() },
        member_id: member_id.to_owned(),
        generation_id: g.generation,
        protocol_name: g.protocol_name.clone(),
        protocol_type: g.protocol_type.clone(),
        leader: g.leader().unwrap_or_default().to_owned(),
        ..Default::default()
    }
}

// ---- JoinGroup -------------------------------------------------------------------------------

/// JoinGroup for an existing group (the coordinator created it if the member id was empty).
pub(crate) fn join(
    g: &mut ClassicGroup,
    env: &mut Env<'_>,
    req: &JoinGroupRequest,
    ctx: JoinCtx<'_>,
) -> Reply<JoinGroupResponse> {
    let protocols = Protocol::from_request(&req.protocols);
    // Before version 1 there was no rebalance timeout: the session timeout stands in.
    let rebalance_timeout_ms = if ctx.version == 0 { req.session_timeout_ms } else { req.rebalance_timeout_ms };
    let join = Join { req, ctx, protocols, rebalance_timeout_ms };
    if req.member_id.is_empty() {
        join_new_member(g, env, join)
    } else {
        join_existing_member(g, env, join)
    }
}

struct Join<'a> {
    req: &'a JoinGroupRequest,
    ctx: JoinCtx<'a>,
    protocols: Vec<Protocol>,
    rebalance_timeout_ms: i32,
}

fn join_new_member(g: &mut ClassicGroup, env: &mut Env<'_>, join: Join<'_>) -> Reply<JoinGroupResponse> {
    if g.is(GroupState::Dead) {
        return Reply::Now(join_error(ErrorCode::COORDINATOR_NOT_AVAILABLE, ""));
    }
    if !g.supports_protocols(&join.req.protocol_type, &join.protocols) {
        return Reply::Now(join_error(ErrorCode::INCONSISTENT_GROUP_PROTOCOL, ""));
    }
    let instance_id = join.req.group_instance_id.clone();
    let new_id = generate_member_id(instance_id.as_deref().unwrap_or(join.ctx.client_id));
    match instance_id {
        Some(instance) => match g.static_member_id(&instance).map(str::to_owned) {
            Some(old_id) => update_static_member(g, env, join, &instance, &old_id, &new_id),
            None => add_member(g, env, join, new_id),
        },
        None if join.ctx.version >= 4 => {
            // KIP-394: the member must come back with the id it is given.
            g.add_pending_member(&new_id);
            let session = i64::from(join.req.session_timeout_ms);
            env.schedule(session, TimerOp::ExpireHeartbeat { group: g.id.clone(), member: new_id.clone() });
            Reply::Now(join_error(ErrorCode::MEMBER_ID_REQUIRED, &new_id))
        }
        None => add_member(g, env, join, new_id),
    }
}

fn join_existing_member(g: &mut ClassicGroup, env: &mut Env<'_>, join: Join<'_>) -> Reply<JoinGroupResponse> {
    let member_id = join.req.member_id.as_str();
    if g.is(GroupState::Dead) {
        return Reply::Now(join_error(ErrorCode::COORDINATOR_NOT_AVAILABLE, member_id));
    }
    if !g.supports_protocols(&join.req.protocol_type, &join.protocols) {
        return Reply::Now(join_error(ErrorCode::INCONSISTENT_GROUP_PROTOCOL, member_id));
    }
    if g.is_pending_member(member_id) {
        if join.req.group_instance_id.is_some() {
            // Kafka: IllegalStateException (a pending member is never static).
            return Reply::Now(join_error(ErrorCode::UNKNOWN_SERVER_ERROR, member_id));
        }
        let id = member_id.to_owned();
        return add_member(g, env, join, id);
    }
    if let Err(e) = g.validate_member(member_id, join.req.group_instance_id.as_deref()) {
        return Reply::Now(join_error(ErrorCode(e.code()), member_id));
    }
    let matches = g.member(member_id).is_some_and(|m| m.protocols == join.protocols);
    match g.state() {
        GroupState::PreparingRebalance => update_member_and_rebalance(g, env, join),
        GroupState::CompletingRebalance if matches => {
            // The member lost the JoinGroup answer: same generation again.
            Reply::Now(current_generation(g, member_id, g.is_leader(member_id)))
        }
        GroupState::CompletingRebalance => update_member_and_rebalance(g, env, join),
        GroupState::Stable if g.is_leader(member_id) || !matches => {
            // The leader rejoining forces a rebalance (it may have seen metadata change).
            update_member_and_rebalance(g, env, join)
        }
        GroupState::Stable => Reply::Now(current_generation(g, member_id, false)),
        GroupState::Empty | GroupState::Dead => Reply::Now(join_error(ErrorCode::UNKNOWN_MEMBER_ID, member_id)),
    }
}

fn update_member_and_rebalance(g: &mut ClassicGroup, env: &mut Env<'_>, join: Join<'_>) -> Reply<JoinGroupResponse> {
    let (tx, rx) = oneshot::channel();
    let id = join.req.member_id.clone();
    g.update_member(&id, join.protocols, join.rebalance_timeout_ms, join.req.session_timeout_ms, Some(tx));
    maybe_prepare_rebalance_or_complete_join(g, env);
    Reply::Wait(rx)
}

fn add_member(g: &mut ClassicGroup, env: &mut Env<'_>, join: Join<'_>, id: String) -> Reply<JoinGroupResponse> {
    let member = Member {
        id: id.clone(),
        instance_id: join.req.group_instance_id.clone(),
        client_id: join.ctx.client_id.to_owned(),
        client_host: join.ctx.client_host.to_owned(),
        rebalance_timeout_ms: join.rebalance_timeout_ms,
        session_timeout_ms: join.req.session_timeout_ms,
        protocol_type: join.req.protocol_type.clone(),
        protocols: join.protocols,
        assignment: Bytes::new(),
        join_waiter: None,
        sync_waiter: None,
        is_new: true,
    };
    if g.is(GroupState::PreparingRebalance) && g.previous_state() == GroupState::Empty {
        g.new_member_added = true;
    }
    let (tx, rx) = oneshot::channel();
    g.add(member, Some(tx));
    // A new member cannot heartbeat yet; its parked join is bounded by this timeout instead.
    let timeout = env.config.new_member_join_timeout_ms;
    env.schedule(timeout, TimerOp::ExpireHeartbeat { group: g.id.clone(), member: id });
    maybe_prepare_rebalance_or_complete_join(g, env);
    Reply::Wait(rx)
}

/// A static member came back without its member id: it takes over the old member's place
/// (and assignment). A Stable group whose protocol this does not change is not rebalanced.
fn update_static_member(
    g: &mut ClassicGroup,
    env: &mut Env<'_>,
    join: Join<'_>,
    instance_id: &str,
    old_id: &str,
    new_id: &str,
) -> Reply<JoinGroupResponse> {
    let current_leader = g.leader().unwrap_or_default().to_owned();
    if g.replace_static_member(instance_id, old_id, new_id).is_none() {
        return Reply::Now(join_error(ErrorCode::UNKNOWN_SERVER_ERROR, ""));
    }
    reschedule_heartbeat(g, env, new_id);
    let (tx, rx) = oneshot::channel();
    g.update_member(new_id, join.protocols, join.rebalance_timeout_ms, join.req.session_timeout_ms, Some(tx));
    match g.state() {
        GroupState::Stable => {
            if g.protocol_name == g.select_protocol() {
                // No rebalance: persist the new member id and answer with the current generation.
                g.persist();
                let response = if join.ctx.version >= 9 {
                    // KIP-814: the leader learns it leads but need not assign.
                    let is_leader = g.is_leader(new_id);
                    JoinGroupResponse { skip_assignment: is_leader, ..current_generation(g, new_id, is_leader) }
                } else {
                    JoinGroupResponse { leader: current_leader, ..current_generation(g, new_id, false) }
                };
                g.complete_join(new_id, response);
            } else {
                maybe_prepare_rebalance_or_complete_join(g, env);
            }
        }
        // The leader may already have assigned with the old member id: rebalance.
        GroupState::CompletingRebalance => prepare_rebalance(g, env),
        GroupState::PreparingRebalance => maybe_complete_join_phase(g, env),
        GroupState::Empty | GroupState::Dead => {
            tracing::error!(group = %g.id, state = g.state().name(), "static member rejoined a group without members");
        }
    }
    Reply::Wait(rx)
}

// ---- Rebalance phases ------------------------------------------------------------------------

fn maybe_prepare_rebalance_or_complete_join(g: &mut ClassicGroup, env: &mut Env<'_>) {
    if g.can_rebalance() {
        prepare_rebalance(g, env);
    } else {
        maybe_complete_join_phase(g, env);
    }
}

/// Starts a rebalance: members parked in SyncGroup are told REBALANCE_IN_PROGRESS, and the
/// join phase gets its deadline (the initial delay for a group that was empty).
pub(crate) fn prepare_rebalance(g: &mut ClassicGroup, env: &mut Env<'_>) {
    if g.is(GroupState::CompletingRebalance) {
        for m in g.members_mut() {
            m.assignment = Bytes::new();
        }
        propagate_assignment(g, env, ErrorCode::REBALANCE_IN_PROGRESS);
    }
    g.clear_pending_sync();
    env.timers.cancel(&TimerKey::Sync { group: g.id.clone() });
    let initial = g.is(GroupState::Empty);
    if initial {
        let delay = env.config.initial_rebalance_delay_ms;
        let remaining = (g.rebalance_timeout_ms() - delay).max(0);
        env.schedule(
            delay,
            TimerOp::InitialRebalance { group: g.id.clone(), delay_ms: delay, remaining_ms: remaining },
        );
    }
    g.transition(GroupState::PreparingRebalance, env.now_ms);
    if !initial {
        if g.all_joined() {
            complete_join(g, env);
        } else {
            let timeout = g.rebalance_timeout_ms();
            env.schedule(timeout, TimerOp::CompleteJoin { group: g.id.clone() });
        }
    }
}

/// Completes the join phase if every member rejoined (never during the initial delay).
fn maybe_complete_join_phase(g: &mut ClassicGroup, env: &mut Env<'_>) {
    if g.is(GroupState::PreparingRebalance) && g.previous_state() != GroupState::Empty && g.all_joined() {
        complete_join(g, env);
    }
}

/// The initial rebalance delay elapsed: extend it while members keep arriving (up to the
/// rebalance timeout), else complete the join phase.
pub(crate) fn initial_rebalance_elapsed(g: &mut ClassicGroup, env: &mut Env<'_>, delay_ms: i64, remaining_ms: i64) {
    if g.new_member_added && remaining_ms != 0 {
        g.new_member_added = false;
        let new_delay = env.config.initial_rebalance_delay_ms.min(remaining_ms);
        let new_remaining = (remaining_ms - delay_ms).max(0);
        env.schedule(
            new_delay,
            TimerOp::InitialRebalance { group: g.id.clone(), delay_ms: new_delay, remaining_ms: new_remaining },
        );
    } else {
        complete_join(g, env);
    }
}

/// Ends the join phase: dynamic members that did not rejoin are removed, the generation is
/// bumped, every parked JoinGroup is answered (the leader gets the members' metadata), and the
/// sync phase gets its deadline.
pub(crate) fn complete_join(g: &mut ClassicGroup, env: &mut Env<'_>) {
    env.timers.cancel(&TimerKey::Join { group: g.id.clone() });
    for (id, is_static) in g.not_yet_rejoined() {
        if !is_static {
            g.remove(&id);
            env.timers.cancel(&TimerKey::Heartbeat { group: g.id.clone(), member: id });
        }
    }
    if g.is(GroupState::Dead) {
        return;
    }
    if !g.elect_joined_leader() && g.len() > 0 {
        // Nobody rejoined: try again later; session timeouts will remove the silent members.
        let timeout = g.rebalance_timeout_ms();
        env.schedule(timeout, TimerOp::CompleteJoin { group: g.id.clone() });
        return;
    }
    g.init_next_generation(env.now_ms);
    if g.is(GroupState::Empty) {
        g.persist();
        return;
    }
    let leader = g.leader().unwrap_or_default().to_owned();
    for id in g.member_ids() {
        let response = current_generation(g, &id, id == leader);
        g.complete_join(&id, response);
        reschedule_heartbeat(g, env, &id);
        if let Some(m) = g.member_mut(&id) {
            m.is_new = false;
        }
        g.add_pending_sync(&id);
    }
    let timeout = g.rebalance_timeout_ms();
    env.schedule(timeout, TimerOp::ExpireSync { group: g.id.clone(), generation: g.generation });
}

/// Answers every parked SyncGroup with its member's assignment (or the error).
fn propagate_assignment(g: &mut ClassicGroup, env: &mut Env<'_>, error: ErrorCode) {
    let ok = error == ErrorCode::NONE;
    let (protocol_type, protocol_name) =
        if ok { (g.protocol_type.clone(), g.protocol_name.clone()) } else { (None, None) };
    let answers: Vec<(String, Bytes)> = g.members().map(|m| (m.id.clone(), m.assignment.clone())).collect();
    for (id, assignment) in answers {
        let response = SyncGroupResponse {
            error_code: error.0,
            protocol_type: protocol_type.clone(),
            protocol_name: protocol_name.clone(),
            assignment,
            ..Default::default()
        };
        if g.complete_sync(&id, response) {
            reschedule_heartbeat(g, env, &id);
        }
    }
}

/// Restarts a member's session timer.
pub(crate) fn reschedule_heartbeat(g: &ClassicGroup, env: &mut Env<'_>, id: &str) {
    if let Some(m) = g.member(id) {
        let session = i64::from(m.session_timeout_ms);
        env.schedule(session, TimerOp::ExpireHeartbeat { group: g.id.clone(), member: id.to_owned() });
    }
}

/// A member's session timer fired.
pub(crate) fn heartbeat_expired(g: &mut ClassicGroup, env: &mut Env<'_>, id: &str) {
    if g.is(GroupState::Dead) {
        return;
    }
    if g.is_pending_member(id) {
        g.remove(id);
        if g.is(GroupState::PreparingRebalance) && g.all_joined() {
            complete_join(g, env);
        }
        return;
    }
    if g.member(id).is_some_and(|m| !m.has_satisfied_heartbeat()) {
        tracing::debug!(group = %g.id, member = id, "session expired, removing member");
        remove_member_and_update(g, env, id);
    }
}

fn remove_member_and_update(g: &mut ClassicGroup, env: &mut Env<'_>, id: &str) {
    // A new member may be parked in JoinGroup: tell it to rejoin.
    g.complete_join(id, join_error(ErrorCode::UNKNOWN_MEMBER_ID, ""));
    g.remove(id);
    match g.state() {
        GroupState::Stable | GroupState::CompletingRebalance => maybe_prepare_rebalance_or_complete_join(g, env),
        GroupState::PreparingRebalance if g.all_joined() => complete_join(g, env),
        _ => {}
    }
}

/// The sync phase's deadline: members that never sent SyncGroup are removed and the group
/// rebalances.
pub(crate) fn sync_expired(g: &mut ClassicGroup, env: &mut Env<'_>, generation: i32) {
    if generation != g.generation {
        return;
    }
    if matches!(g.state(), GroupState::CompletingRebalance | GroupState::Stable) && !g.has_received_all_syncs() {
        for id in g.pending_sync() {
            g.remove(&id);
            env.timers.cancel(&TimerKey::Heartbeat { group: g.id.clone(), member: id });
        }
        prepare_rebalance(g, env);
    }
}

fn remove_pending_sync(g: &mut ClassicGroup, env: &mut Env<'_>, id: &str) {
    g.remove_pending_sync(id);
    let done = match g.state() {
        GroupState::CompletingRebalance | GroupState::Stable => g.has_received_all_syncs(),
        _ => true,
    };
    if done {
        env.timers.cancel(&TimerKey::Sync { group: g.id.clone() });
    }
}

// ---- SyncGroup, Heartbeat, LeaveGroup --------------------------------------------------------

/// Kafka's protocol consistency check: both known and different.
fn inconsistent(requested: Option<&str>, current: Option<&str>) -> bool {
    matches!((requested, current), (Some(a), Some(b)) if a != b)
}

/// SyncGroup for an existing group.
pub(crate) fn sync(g: &mut ClassicGroup, env: &mut Env<'_>, req: &SyncGroupRequest) -> Reply<SyncGroupResponse> {
    if g.is(GroupState::Empty) {
        return Reply::Now(sync_error(ErrorCode::UNKNOWN_MEMBER_ID));
    }
    if g.is(GroupState::Dead) {
        return Reply::Now(sync_error(ErrorCode::COORDINATOR_NOT_AVAILABLE));
    }
    let id = req.member_id.as_str();
    if let Err(e) = g.validate_member(id, req.group_instance_id.as_deref()) {
        return Reply::Now(sync_error(ErrorCode(e.code())));
    }
    if req.generation_id != g.generation {
        return Reply::Now(sync_error(ErrorCode::ILLEGAL_GENERATION));
    }
    if inconsistent(req.protocol_type.as_deref(), g.protocol_type.as_deref())
        || inconsistent(req.protocol_name.as_deref(), g.protocol_name.as_deref())
    {
        return Reply::Now(sync_error(ErrorCode::INCONSISTENT_GROUP_PROTOCOL));
    }
    match g.state() {
        GroupState::PreparingRebalance => Reply::Now(sync_error(ErrorCode::REBALANCE_IN_PROGRESS)),
        GroupState::CompletingRebalance => {
            let (tx, rx) = oneshot::channel();
            if let Some(m) = g.member_mut(id) {
                m.sync_waiter = Some(tx);
            }
            remove_pending_sync(g, env, id);
            if g.is_leader(id) {
                // Members the leader left out get an empty assignment.
                let assignments: HashMap<&str, &Bytes> =
                    req.assignments.iter().map(|a| (a.member_id.as_str(), &a.assignment)).collect();
                for m in g.members_mut() {
                    m.assignment = assignments.get(m.id.as_str()).map(|a| (*a).clone()).unwrap_or_default();
                }
                propagate_assignment(g, env, ErrorCode::NONE);
                g.transition(GroupState::Stable, env.now_ms);
                g.persist();
            }
            Reply::Wait(rx)
        }
        GroupState::Stable => {
            remove_pending_sync(g, env, id);
            let assignment = g.member(id).map(|m| m.assignment.clone()).unwrap_or_default();
            Reply::Now(SyncGroupResponse {
                protocol_type: g.protocol_type.clone(),
                protocol_name: g.protocol_name.clone(),
                assignment,
                ..Default::default()
            })
        }
        GroupState::Empty | GroupState::Dead => Reply::Now(sync_error(ErrorCode::UNKNOWN_MEMBER_ID)),
    }
}

/// Heartbeat for an existing group; returns the error code.
pub(crate) fn heartbeat(g: &mut ClassicGroup, env: &mut Env<'_>, req: &HeartbeatRequest) -> ErrorCode {
    if g.is(GroupState::Dead) {
        return ErrorCode::COORDINATOR_NOT_AVAILABLE;
    }
    if let Err(e) = g.validate_member(&req.member_id, req.group_instance_id.as_deref()) {
        return ErrorCode(e.code());
    }
    if req.generation_id != g.generation {
        return ErrorCode::ILLEGAL_GENERATION;
    }
    match g.state() {
        GroupState::Empty | GroupState::Dead => ErrorCode::UNKNOWN_MEMBER_ID,
        GroupState::PreparingRebalance => {
            reschedule_heartbeat(g, env, &req.member_id);
            ErrorCode::REBALANCE_IN_PROGRESS
        }
        GroupState::CompletingRebalance | GroupState::Stable => {
            reschedule_heartbeat(g, env, &req.member_id);
            ErrorCode::NONE
        }
    }
}

/// LeaveGroup for an existing group: the top-level error and one answer per member.
pub(crate) fn leave(
    g: &mut ClassicGroup,
    env: &mut Env<'_>,
    members: &[MemberIdentity],
) -> (ErrorCode, Vec<MemberResponse>) {
    if g.is(GroupState::Dead) {
        return (ErrorCode::COORDINATOR_NOT_AVAILABLE, Vec::new());
    }
    let mut responses = Vec::with_capacity(members.len());
    let mut any_left = false;
    for m in members {
        let instance = m.group_instance_id.as_deref();
        let code = if m.member_id.is_empty() {
            // An administrative removal by group instance id.
            match instance.and_then(|i| g.static_member_id(i)).map(str::to_owned) {
                Some(id) => {
                    remove_current_member(g, env, &id);
                    ErrorCode::NONE
                }
                None => ErrorCode::UNKNOWN_MEMBER_ID,
            }
        } else if g.is_pending_member(&m.member_id) {
            g.remove(&m.member_id);
            env.timers.cancel(&TimerKey::Heartbeat { group: g.id.clone(), member: m.member_id.clone() });
            ErrorCode::NONE
        } else {
            match g.validate_member(&m.member_id, instance) {
                Ok(()) => {
                    remove_current_member(g, env, &m.member_id);
                    ErrorCode::NONE
                }
                Err(e) => ErrorCode(e.code()),
            }
        };
        any_left |= code == ErrorCode::NONE;
        responses.push(MemberResponse {
            member_id: m.member_id.clone(),
            group_instance_id: m.group_instance_id.clone(),
            error_code: code.0,
            ..Default::default()
        });
    }
    if any_left {
        match g.state() {
            GroupState::Stable | GroupState::CompletingRebalance => maybe_prepare_rebalance_or_complete_join(g, env),
            GroupState::PreparingRebalance => maybe_complete_join_phase(g, env),
            _ => {}
        }
    }
    (ErrorCode::NONE, responses)
}

fn remove_current_member(g: &mut ClassicGroup, env: &mut Env<'_>, id: &str) {
    env.timers.cancel(&TimerKey::Heartbeat { group: g.id.clone(), member: id.to_owned() });
    g.complete_join(id, join_error(ErrorCode::UNKNOWN_MEMBER_ID, ""));
    g.remove(id);
}

// ---- Offset commits --------------------------------------------------------------------------

/// Whether a (non-transactional) OffsetCommit may commit for this group (Kafka's
/// `ClassicGroup.validateOffsetCommit`), and if so keeps the member's session alive.
pub(crate) fn validate_offset_commit(
    g: &ClassicGroup,
    env: &mut Env<'_>,
    member_id: &str,
    instance_id: Option<&str>,
    generation: i32,
) -> Result<(), ErrorCode> {
    if g.is(GroupState::Dead) {
        return Err(ErrorCode::COORDINATOR_NOT_AVAILABLE);
    }
    if generation < 0 && g.is(GroupState::Empty) {
        // A simple (manual assignment) consumer or the admin client.
        return Ok(());
    }
    if generation >= 0 || !member_id.is_empty() || instance_id.is_some() {
        g.validate_member(member_id, instance_id).map_err(|e| ErrorCode(e.code()))?;
        if generation != g.generation {
            return Err(ErrorCode::ILLEGAL_GENERATION);
        }
    } else if !g.is(GroupState::Empty) {
        return Err(ErrorCode::UNKNOWN_MEMBER_ID);
    }
    if g.is(GroupState::CompletingRebalance) {
        return Err(ErrorCode::REBALANCE_IN_PROGRESS);
    }
    if matches!(g.state(), GroupState::Stable | GroupState::PreparingRebalance) {
        reschedule_heartbeat(g, env, member_id);
    }
    Ok(())
}

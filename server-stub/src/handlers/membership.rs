//! JoinGroup, SyncGroup, Heartbeat and LeaveGroup: routing, then the coordinator
//! ([`crate::groups`]), then the answer shaped for the request's version.
//!
//! JoinGroup and SyncGroup may be parked: the coordinator hands back a `oneshot` receiver and
//! the handler awaits it after releasing the coordinator lock. The coordinator's timers answer
//! every parked request within the group's rebalance timeout; the handler's own bound
//! ([`park_bound`]) is only a safety net against a stub bug, which it reports loudly.

use std::time::Duration;

use kfk_protocol::messages::leave_group::request::MemberIdentity;
use kfk_protocol::messages::{
    HeartbeatRequest, HeartbeatResponse, JoinGroupRequest, JoinGroupResponse, LeaveGroupRequest, LeaveGroupResponse,
    SyncGroupRequest, SyncGroupResponse,
};
use kfk_protocol::ErrorCode;
use tokio::sync::oneshot;
use tokio::time::Instant;

use super::coordinator::is_group_coordinator;
use crate::groups::rebalance::{join_error, JoinCtx, Reply};
use crate::handlers::Ctx;
use crate::state::{now_ms, Shared};

/// How long a parked request may wait before the handler gives up on the coordinator: well
/// past any deadline the coordinator's own timers can set for it.
fn park_bound(shared: &Shared, rebalance_timeout_ms: i32) -> Duration {
    let config = shared.groups().config().clone();
    let longest = i64::from(rebalance_timeout_ms.max(config.max_session_timeout_ms))
        .max(config.initial_rebalance_delay_ms)
        .max(config.new_member_join_timeout_ms);
    Duration::from_millis(u64::try_from(longest).unwrap_or(0)) * 2 + Duration::from_secs(5)
}

/// Awaits a parked answer. A dropped sender means the member was removed while it waited
/// (Kafka would leave the request unanswered until the client gives up): UNKNOWN_MEMBER_ID.
async fn await_reply<T>(rx: oneshot::Receiver<T>, bound: Duration, gone: impl FnOnce(ErrorCode) -> T) -> T {
    match tokio::time::timeout(bound, rx).await {
        Ok(Ok(response)) => response,
        Ok(Err(_)) => gone(ErrorCode::UNKNOWN_MEMBER_ID),
        Err(_) => {
            tracing::warn!(?bound, "stub bug: a parked group request outlived every coordinator deadline");
            gone(ErrorCode::UNKNOWN_SERVER_ERROR)
        }
    }
}

/// JoinGroup's per-version shape: a null protocol name is "" before v7, "" is null from v7;
/// the protocol type exists from v7 and `skip_assignment` from v9.
fn shape_join(mut r: JoinGroupResponse, version: i16) -> JoinGroupResponse {
    if version < 7 {
        r.protocol_name = Some(r.protocol_name.unwrap_or_default());
        r.protocol_type = None;
    } else if r.protocol_name.as_deref() == Some("") {
        r.protocol_name = None;
    }
    if version < 9 {
        r.skip_assignment = false;
    }
    if version < 5 {
        for m in &mut r.members {
            m.group_instance_id = None;
        }
    }
    r
}

fn shape_sync(mut r: SyncGroupResponse, version: i16) -> SyncGroupResponse {
    if version < 5 {
        r.protocol_type = None;
        r.protocol_name = None;
    }
    r
}

pub(crate) async fn join_group(shared: &Shared, ctx: &Ctx, request: JoinGroupRequest) -> JoinGroupResponse {
    let v = ctx.version;
    // Kafka checks the group id and session timeout before routing to the coordinator.
    let refused = shared.groups().refuse_join(&request);
    if let Some(refused) = refused {
        return shape_join(refused, v);
    }
    if !is_group_coordinator(shared, ctx.broker, &request.group_id) {
        return shape_join(join_error(ErrorCode::NOT_COORDINATOR, ""), v);
    }
    let join_ctx = JoinCtx { client_id: &ctx.client_id, client_host: &ctx.client_host, version: v };
    let reply = shared.groups().join(&request, join_ctx, Instant::now(), now_ms());
    let response = match reply {
        Reply::Now(r) => r,
        Reply::Wait(rx) => {
            let bound = park_bound(shared, request.rebalance_timeout_ms.max(request.session_timeout_ms));
            await_reply(rx, bound, |code| join_error(code, "")).await
        }
    };
    shape_join(response, v)
}

pub(crate) async fn sync_group(shared: &Shared, ctx: &Ctx, request: SyncGroupRequest) -> SyncGroupResponse {
    let v = ctx.version;
    let error = |code: ErrorCode| SyncGroupResponse { error_code: code.0, ..Default::default() };
    // From v5 the protocol type and name are mandatory.
    if v >= 5 && (request.protocol_type.is_none() || request.protocol_name.is_none()) {
        return error(ErrorCode::INCONSISTENT_GROUP_PROTOCOL);
    }
    if !request.group_id.is_empty() && !is_group_coordinator(shared, ctx.broker, &request.group_id) {
        return error(ErrorCode::NOT_COORDINATOR);
    }
    let (reply, rebalance_timeout_ms) = {
        let mut groups = shared.groups();
        let timeout = groups
            .group(&request.group_id)
            .and_then(|g| g.member(&request.member_id))
            .map_or(0, |m| m.rebalance_timeout_ms);
        (groups.sync(&request, Instant::now(), now_ms()), timeout)
    };
    let response = match reply {
        Reply::Now(r) => r,
        Reply::Wait(rx) => await_reply(rx, park_bound(shared, rebalance_timeout_ms), error).await,
    };
    shape_sync(response, v)
}

pub(crate) fn heartbeat(shared: &Shared, ctx: &Ctx, request: HeartbeatRequest) -> HeartbeatResponse {
    let code = if !request.group_id.is_empty() && !is_group_coordinator(shared, ctx.broker, &request.group_id) {
        ErrorCode::NOT_COORDINATOR
    } else {
        shared.groups().heartbeat(&request, Instant::now(), now_ms())
    };
    HeartbeatResponse { error_code: code.0, ..Default::default() }
}

pub(crate) fn leave_group(shared: &Shared, ctx: &Ctx, request: LeaveGroupRequest) -> LeaveGroupResponse {
    let v = ctx.version;
    if !request.group_id.is_empty() && !is_group_coordinator(shared, ctx.broker, &request.group_id) {
        return LeaveGroupResponse { error_code: ErrorCode::NOT_COORDINATOR.0, ..Default::default() };
    }
    // Before v3 one member leaves, by member id.
    let members = if v >= 3 {
        request.members
    } else {
        vec![MemberIdentity { member_id: request.member_id.clone(), ..Default::default() }]
    };
    let (error, mut responses) = shared.groups().leave(&request.group_id, &members, Instant::now(), now_ms());
    if v >= 3 {
        return LeaveGroupResponse {
            error_code: error.0,
            members: std::mem::take(&mut responses),
            ..Default::default()
        };
    }
    // Before v3 the one member's error is the top-level error.
    let code = if error != ErrorCode::NONE { error.0 } else { responses.first().map_or(0, |m| m.error_code) };
    LeaveGroupResponse { error_code: code, ..Default::default() }
}

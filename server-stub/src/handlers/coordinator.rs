//! FindCoordinator, and the routing check every group API starts with.
//!
//! As in Kafka, a key's coordinator is the leader of its internal-topic partition
//! (`__consumer_offsets` for groups, `__transaction_state` for transactional ids; see
//! [`crate::groups`]): stable while its brokers are up, moved to another replica when the
//! leader stops, COORDINATOR_NOT_AVAILABLE when no replica is live. Versions 0-3 look up one
//! key (an error answers with node -1); version 4+ a batch, one result per key. Key type 2
//! (share groups) is INVALID_REQUEST: the stub has no share coordinator, as a Kafka broker
//! without one answers; an unknown key type is INVALID_REQUEST too.

use kfk_protocol::messages::find_coordinator::response::Coordinator;
use kfk_protocol::messages::{FindCoordinatorRequest, FindCoordinatorResponse};
use kfk_protocol::ErrorCode;

use crate::handlers::Ctx;
use crate::state::{ClusterState, CoordinatorKind, Shared};

/// Whether `broker` coordinates `group` now (else the request gets NOT_COORDINATOR).
pub(crate) fn is_group_coordinator(shared: &Shared, broker: i32, group: &str) -> bool {
    shared.state().coordinator(CoordinatorKind::Group, group) == broker
}

/// Kafka's message of an error code in FindCoordinator v1-3 (`Errors.message()`).
fn message(code: ErrorCode) -> String {
    match code {
        ErrorCode::NONE => "NONE".to_owned(),
        ErrorCode::COORDINATOR_NOT_AVAILABLE => "The coordinator is not available.".to_owned(),
        ErrorCode::INVALID_REQUEST => {
            "This most likely occurs because of a request being malformed by the client library or the message was sent to an incompatible broker. See the broker logs for more details.".to_owned()
        }
        other => other.name().to_owned(),
    }
}

/// The coordinator of one key: error, node id, port.
fn lookup(shared: &Shared, listener: usize, state: &ClusterState, key_type: i8, key: &str) -> (ErrorCode, i32, i32) {
    let kind = match key_type {
        0 => CoordinatorKind::Group,
        1 => CoordinatorKind::Transaction,
        _ => return (ErrorCode::INVALID_REQUEST, -1, -1),
    };
    match state.coordinator(kind, key) {
        -1 => (ErrorCode::COORDINATOR_NOT_AVAILABLE, -1, -1),
        node => {
            let port = i32::from(shared.port(listener, node));
            (ErrorCode::NONE, node, port)
        }
    }
}

pub(crate) fn find_coordinator(shared: &Shared, ctx: &Ctx, request: FindCoordinatorRequest) -> FindCoordinatorResponse {
    let state = shared.state();
    if ctx.version >= 4 {
        let coordinators = request
            .coordinator_keys
            .iter()
            .map(|key| {
                let (error, node_id, port) = lookup(shared, ctx.listener, &state, request.key_type, key);
                let host = if error == ErrorCode::NONE { "127.0.0.1" } else { "" };
                Coordinator {
                    key: key.clone(),
                    node_id,
                    host: host.to_owned(),
                    port,
                    error_code: error.0,
                    // Kafka leaves the message at its default ("") in v4+ answers.
                    error_message: Some(String::new()),
                    ..Default::default()
                }
            })
            .collect();
        return FindCoordinatorResponse { coordinators, ..Default::default() };
    }
    let (error, node_id, port) = lookup(shared, ctx.listener, &state, request.key_type, &request.key);
    FindCoordinatorResponse {
        error_code: error.0,
        error_message: Some(message(error)),
        node_id,
        host: if error == ErrorCode::NONE { "127.0.0.1".to_owned() } else { String::new() },
        port,
        ..Default::default()
    }
}

//! ListGroups, DescribeGroups and DeleteGroups.
//!
//! ListGroups answers with the groups this broker coordinates (an admin client asks every
//! broker), filtered by state (v4+) and type (v5+). DescribeGroups and DeleteGroups answer per
//! group, NOT_COORDINATOR for the groups of other brokers. An unknown group is described as
//! Dead (v6+: with GROUP_ID_NOT_FOUND, KIP-1043) and cannot be deleted (GROUP_ID_NOT_FOUND); a
//! group with members cannot be deleted (NON_EMPTY_GROUP).

use std::collections::BTreeSet;

use kfk_protocol::messages::delete_groups::response::DeletableGroupResult;
use kfk_protocol::messages::describe_groups::response::DescribedGroup;
use kfk_protocol::messages::{
    DeleteGroupsRequest, DeleteGroupsResponse, DescribeGroupsRequest, DescribeGroupsResponse, ListGroupsRequest,
    ListGroupsResponse,
};
use kfk_protocol::ErrorCode;

use crate::groups::partition_for;
use crate::handlers::Ctx;
use crate::state::{now_ms, Shared};

/// The operations a client may perform on a group when no authorizer is configured (READ,
/// DELETE and DESCRIBE: bits 3, 6 and 8 of Kafka's `AclOperation` codes).
pub(crate) const GROUP_AUTHORIZED_OPERATIONS: i32 = (1 << 3) | (1 << 6) | (1 << 8);

/// Which groups `broker` coordinates: a predicate over group ids.
pub(crate) fn coordinated_by(shared: &Shared, broker: i32) -> impl Fn(&str) -> bool {
    let leaders = shared.state().group_coordinator_leaders();
    move |group: &str| {
        let p = partition_for(group, leaders.len() as i32);
        leaders.get(p as usize) == Some(&broker)
    }
}

pub(crate) fn list_groups(shared: &Shared, ctx: &Ctx, request: ListGroupsRequest) -> ListGroupsResponse {
    let v = ctx.version;
    let mine = coordinated_by(shared, ctx.broker);
    let states = if v >= 4 { request.states_filter } else { Vec::new() };
    let types = if v >= 5 { request.types_filter } else { Vec::new() };
    let mut groups = shared.groups().list(mine, &states, &types);
    for g in &mut groups {
        if v < 4 {
            g.group_state.clear();
        }
        if v < 5 {
            g.group_type.clear();
        }
    }
    ListGroupsResponse { groups, ..Default::default() }
}

pub(crate) fn describe_groups(shared: &Shared, ctx: &Ctx, request: DescribeGroupsRequest) -> DescribeGroupsResponse {
    let v = ctx.version;
    let mine = coordinated_by(shared, ctx.broker);
    let groups = shared.groups();
    let described = request
        .groups
        .iter()
        .map(|id| {
            if !mine(id) {
                let code = ErrorCode::NOT_COORDINATOR;
                return super::error_answer::described_group(id, code.0, (v >= 6).then(|| code.name()));
            }
            let mut d = groups.describe(id).unwrap_or_else(|| DescribedGroup {
                group_id: id.clone(),
                group_state: "Dead".to_owned(),
                error_code: if v >= 6 { ErrorCode::GROUP_ID_NOT_FOUND.0 } else { 0 },
                error_message: (v >= 6).then(|| format!("Group {id} not found.")),
                ..Default::default()
            });
            if v >= 3 && request.include_authorized_operations && d.error_code == 0 {
                d.authorized_operations = GROUP_AUTHORIZED_OPERATIONS;
            }
            if v < 4 {
                for m in &mut d.members {
                    m.group_instance_id = None;
                }
            }
            d
        })
        .collect();
    DescribeGroupsResponse { groups: described, ..Default::default() }
}

pub(crate) fn delete_groups(shared: &Shared, ctx: &Ctx, request: DeleteGroupsRequest) -> DeleteGroupsResponse {
    let v = ctx.version;
    let mine = coordinated_by(shared, ctx.broker);
    let mut seen = BTreeSet::new();
    let mut groups = shared.groups();
    let results = request
        .groups_names
        .iter()
        .filter(|id| seen.insert(id.as_str()))
        .map(|id| {
            let result = if mine(id) { groups.delete_group(id, now_ms()) } else { Err(ErrorCode::NOT_COORDINATOR) };
            let code = result.err().unwrap_or(ErrorCode::NONE);
            DeletableGroupResult {
                group_id: id.clone(),
                error_code: code.0,
                error_message: (v >= 3 && code != ErrorCode::NONE).then(|| code.name().to_owned()),
                ..Default::default()
            }
        })
        .collect();
    DeleteGroupsResponse { results, ..Default::default() }
}

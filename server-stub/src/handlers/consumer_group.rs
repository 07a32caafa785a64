//! ConsumerGroupHeartbeat and ConsumerGroupDescribe (KIP-848): routing, the cluster's topics
//! as the assignor sees them, then the coordinator ([`crate::groups::consumer`]).

use std::collections::BTreeMap;

use kfk_protocol::messages::consumer_group_describe::response::{
    Assignment, DescribedGroup, Member as DescribedMember, TopicPartitions as DescribedPartitions,
};
use kfk_protocol::messages::{
    ConsumerGroupDescribeRequest, ConsumerGroupDescribeResponse, ConsumerGroupHeartbeatRequest,
    ConsumerGroupHeartbeatResponse,
};
use kfk_protocol::{ErrorCode, Uuid};
use tokio::time::Instant;

use super::coordinator::is_group_coordinator;
use super::groups::{coordinated_by, GROUP_AUTHORIZED_OPERATIONS};
use crate::groups::consumer::{Partitions, TopicsView};
use crate::handlers::Ctx;
use crate::state::Shared;

pub(crate) fn heartbeat(
    shared: &Shared,
    ctx: &Ctx,
    request: ConsumerGroupHeartbeatRequest,
) -> ConsumerGroupHeartbeatResponse {
    if !request.group_id.is_empty() && !is_group_coordinator(shared, ctx.broker, &request.group_id) {
        return ConsumerGroupHeartbeatResponse { error_code: ErrorCode::NOT_COORDINATOR.0, ..Default::default() };
    }
    // The topics first, under the state lock alone; then the coordinator lock.
    let topics: TopicsView = {
        let state = shared.state();
        state.topics().map(|t| (t.name.clone(), (t.id, t.partitions.len() as i32))).collect()
    };
    let response = shared.groups().consumer_heartbeat(
        &request,
        ctx.version,
        (&ctx.client_id, &ctx.client_host),
        &topics,
        Instant::now(),
    );
    if response.error_code != 0 {
        tracing::debug!(
            group = %request.group_id,
            member = %request.member_id,
            error = ErrorCode(response.error_code).name(),
            "consumer group heartbeat refused"
        );
    }
    response
}

/// ConsumerGroupDescribe: each consumer group's epochs, assignor and members with their
/// current and target assignments.
pub(crate) fn describe(
    shared: &Shared,
    ctx: &Ctx,
    request: ConsumerGroupDescribeRequest,
) -> ConsumerGroupDescribeResponse {
    let mine = coordinated_by(shared, ctx.broker);
    let names: BTreeMap<Uuid, String> = shared.state().topics().map(|t| (t.id, t.name.clone())).collect();
    let assignment = |p: &Partitions| Assignment {
        topic_partitions: p
            .iter()
            .map(|(id, ps)| DescribedPartitions {
                topic_id: *id,
                topic_name: names.get(id).cloned().unwrap_or_default(),
                partitions: ps.iter().copied().collect(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    let groups = shared.groups();
    let error = |id: &str, code: ErrorCode, message: String| DescribedGroup {
        group_id: id.to_owned(),
        error_code: code.0,
        error_message: Some(message),
        ..Default::default()
    };
    let described = request
        .group_ids
        .iter()
        .map(|id| {
            if !mine(id) {
                return error(id, ErrorCode::NOT_COORDINATOR, "This is not the correct coordinator.".into());
            }
            let Some(g) = groups.consumer_group(id) else {
                let message = if groups.group(id).is_some() {
                    format!("Group {id} is not a consumer group.")
                } else {
                    format!("Group {id} not found.")
                };
                return error(id, ErrorCode::GROUP_ID_NOT_FOUND, message);
            };
            DescribedGroup {
                group_id: id.clone(),
                group_state: g.state().name().to_owned(),
                group_epoch: g.group_epoch,
                assignment_epoch: g.assignment_epoch,
                assignor_name: g.assignor().to_owned(),
                authorized_operations: if request.include_authorized_operations {
                    GROUP_AUTHORIZED_OPERATIONS
                } else {
                    i32::MIN
                },
                members: g
                    .members
                    .values()
                    .map(|m| DescribedMember {
                        member_id: m.id.clone(),
                        instance_id: m.instance_id.clone(),
                        rack_id: m.rack_id.clone(),
                        member_epoch: m.epoch,
                        client_id: m.client_id.clone(),
                        client_host: m.client_host.clone(),
                        subscribed_topic_names: m.subscribed_names.clone(),
                        subscribed_topic_regex: m.subscribed_regex.as_ref().map(|r| r.pattern.clone()),
                        assignment: assignment(&m.assigned),
                        target_assignment: assignment(&g.target.get(&m.id).cloned().unwrap_or_default()),
                        // KIP-1099: 1 = a member speaking the consumer protocol.
                        member_type: 1,
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            }
        })
        .collect();
    ConsumerGroupDescribeResponse { groups: described, ..Default::default() }
}

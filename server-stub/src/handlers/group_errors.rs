//! Whole-request error answers for the coordinator APIs, shaped as Kafka's `getErrorResponse`
//! of each request shapes them (every group, key or partition of the request gets the code).
//! Used by fault injection ([`crate::faults`]).

use kafka_protocol::messages::consumer_group_describe::response::DescribedGroup;
use kafka_protocol::messages::delete_groups::response::DeletableGroupResult;
use kafka_protocol::messages::find_coordinator::response::Coordinator;
use kafka_protocol::messages::offset_commit::response::{OffsetCommitResponsePartition, OffsetCommitResponseTopic};
use kafka_protocol::messages::offset_fetch::response::{
    OffsetFetchResponseGroup, OffsetFetchResponsePartition, OffsetFetchResponseTopic,
};
use kafka_protocol::messages::{
    ConsumerGroupDescribeResponse, ConsumerGroupHeartbeatResponse, DeleteGroupsResponse, DescribeGroupsResponse,
    FindCoordinatorResponse, HeartbeatResponse, JoinGroupResponse, LeaveGroupResponse, ListGroupsResponse,
    OffsetCommitResponse, OffsetDeleteResponse, OffsetFetchResponse, RequestBody, ResponseBody, SyncGroupResponse,
};
use kafka_protocol::{ErrorCode, Uuid};

use super::groups::describe_error;

/// The answer to `request` with `code` everywhere, or `None` if it is not a coordinator API.
pub(crate) fn error_response(request: &RequestBody, version: i16, code: i16) -> Option<ResponseBody> {
    let message = || Some(ErrorCode(code).name().to_owned());
    Some(match request {
        RequestBody::FindCoordinator(r) if version >= 4 => FindCoordinatorResponse {
            coordinators: r
                .coordinator_keys
                .iter()
                .map(|key| Coordinator {
                    key: key.clone(),
                    node_id: -1,
                    host: String::new(),
                    port: -1,
                    error_code: code,
                    error_message: message(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
        .into(),
        RequestBody::FindCoordinator(_) => FindCoordinatorResponse {
            error_code: code,
            error_message: message(),
            node_id: -1,
            host: String::new(),
            port: -1,
            ..Default::default()
        }
        .into(),
        RequestBody::JoinGroup(_) => JoinGroupResponse {
            error_code: code,
            protocol_name: if version >= 7 { None } else { Some(String::new()) },
            ..Default::default()
        }
        .into(),
        RequestBody::SyncGroup(_) => SyncGroupResponse { error_code: code, ..Default::default() }.into(),
        RequestBody::Heartbeat(_) => HeartbeatResponse { error_code: code, ..Default::default() }.into(),
        RequestBody::LeaveGroup(_) => LeaveGroupResponse { error_code: code, ..Default::default() }.into(),
        RequestBody::ListGroups(_) => ListGroupsResponse { error_code: code, ..Default::default() }.into(),
        RequestBody::DescribeGroups(r) => DescribeGroupsResponse {
            groups: r.groups.iter().map(|g| describe_error(g, ErrorCode(code), version)).collect(),
            ..Default::default()
        }
        .into(),
        RequestBody::DeleteGroups(r) => DeleteGroupsResponse {
            results: r
                .groups_names
                .iter()
                .map(|g| DeletableGroupResult {
                    group_id: g.clone(),
                    error_code: code,
                    error_message: if version >= 3 { message() } else { None },
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
        .into(),
        RequestBody::OffsetCommit(r) => OffsetCommitResponse {
            topics: r
                .topics
                .iter()
                .map(|t| OffsetCommitResponseTopic {
                    name: if version >= 10 { String::new() } else { t.name.clone() },
                    topic_id: if version >= 10 { t.topic_id } else { Uuid::ZERO },
                    partitions: t
                        .partitions
                        .iter()
                        .map(|p| OffsetCommitResponsePartition {
                            partition_index: p.partition_index,
                            error_code: code,
                            ..Default::default()
                        })
                        .collect(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
        .into(),
        RequestBody::OffsetFetch(r) if version >= 8 => OffsetFetchResponse {
            groups: r
                .groups
                .iter()
                .map(|g| OffsetFetchResponseGroup {
                    group_id: g.group_id.clone(),
                    error_code: code,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
        .into(),
        RequestBody::OffsetFetch(r) if version < 2 => OffsetFetchResponse {
            // No top-level error before v2: every requested partition carries it.
            topics: r
                .topics
                .iter()
                .flatten()
                .map(|t| OffsetFetchResponseTopic {
                    name: t.name.clone(),
                    partitions: t
                        .partition_indexes
                        .iter()
                        .map(|&p| OffsetFetchResponsePartition {
                            partition_index: p,
                            committed_offset: -1,
                            metadata: Some(String::new()),
                            error_code: code,
                            ..Default::default()
                        })
                        .collect(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
        .into(),
        RequestBody::OffsetFetch(_) => OffsetFetchResponse { error_code: code, ..Default::default() }.into(),
        RequestBody::OffsetDelete(_) => OffsetDeleteResponse { error_code: code, ..Default::default() }.into(),
        RequestBody::ConsumerGroupHeartbeat(_) => ConsumerGroupHeartbeatResponse {
            error_code: code,
            error_message: message(),
            member_epoch: -1,
            ..Default::default()
        }
        .into(),
        RequestBody::ConsumerGroupDescribe(r) => {
            super::unsupported::described_groups_error!(r, code, message, DescribedGroup, ConsumerGroupDescribeResponse)
        }
        _ => return None,
    })
}

//! Groups and transactions: FindCoordinator, ConsumerGroupHeartbeat, the offset APIs, the group
//! admin APIs, AddPartitionsToTxn, TxnOffsetCommit, DescribeTransactions, ListTransactions.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use kafka_protocol::messages::add_partitions_to_txn::response::{
    AddPartitionsToTxnPartitionResult, AddPartitionsToTxnTopicResult,
};
use kafka_protocol::messages::delete_groups::response::DeletableGroupResult;
use kafka_protocol::messages::describe_groups::response::DescribedGroup;
use kafka_protocol::messages::describe_transactions::response::TransactionState;
use kafka_protocol::messages::find_coordinator::response::Coordinator;
use kafka_protocol::messages::offset_commit::response::{OffsetCommitResponsePartition, OffsetCommitResponseTopic};
use kafka_protocol::messages::offset_delete::response::{OffsetDeleteResponsePartition, OffsetDeleteResponseTopic};
use kafka_protocol::messages::offset_fetch::response::{
    OffsetFetchResponseGroup, OffsetFetchResponsePartition, OffsetFetchResponsePartitions, OffsetFetchResponseTopic,
    OffsetFetchResponseTopics,
};
use kafka_protocol::messages::txn_offset_commit::response::{
    TxnOffsetCommitResponsePartition, TxnOffsetCommitResponseTopic,
};
use kafka_protocol::messages::{
    consumer_group_describe, AddPartitionsToTxnRequest, AddPartitionsToTxnResponse, ConsumerGroupDescribeRequest,
    ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatResponse, DeleteGroupsRequest, DescribeGroupsRequest,
    DescribeTransactionsRequest, FindCoordinatorRequest, ListGroupsRequest, ListTransactionsRequest,
    OffsetCommitRequest, OffsetDeleteRequest, OffsetFetchRequest, RequestBody, ResponseBody, TxnOffsetCommitRequest,
};
use kafka_protocol::ErrorCode;

use super::{authorized_operations, existing_topics, group_denied, topic_names, whole};
use crate::dispatch::{self, Ctx, Served};
use crate::security::acl::{AclOperation, ResourceType};
use crate::state::Shared;

const TOPIC_DENIED: i16 = ErrorCode::TOPIC_AUTHORIZATION_FAILED.0;
const GROUP_DENIED: i16 = ErrorCode::GROUP_AUTHORIZATION_FAILED.0;

pub(super) async fn find_coordinator(shared: &Arc<Shared>, ctx: &Ctx, mut request: FindCoordinatorRequest) -> Served {
    let (resource_type, code) = match request.key_type {
        0 => (ResourceType::Group, ErrorCode::GROUP_AUTHORIZATION_FAILED),
        1 => (ResourceType::TransactionalId, ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED),
        _ => return dispatch::serve(shared, ctx, RequestBody::FindCoordinator(request)).await,
    };
    if ctx.version < 4 {
        if ctx.allows(AclOperation::Describe, resource_type, &request.key) {
            return dispatch::serve(shared, ctx, RequestBody::FindCoordinator(request)).await;
        }
        return whole(shared, ctx, &RequestBody::FindCoordinator(request), code);
    }
    let keys = std::mem::take(&mut request.coordinator_keys);
    let allowed: Vec<String> =
        keys.iter().filter(|k| ctx.allows(AclOperation::Describe, resource_type, k)).cloned().collect();
    let mut found: HashMap<String, Coordinator> = HashMap::new();
    let mut response = if allowed.is_empty() {
        Default::default()
    } else {
        request.coordinator_keys = allowed;
        let mut r = served!(shared, ctx, FindCoordinator(request));
        found = std::mem::take(&mut r.coordinators).into_iter().map(|c| (c.key.clone(), c)).collect();
        r
    };
    // In the request's order, as Kafka answers.
    response.coordinators = keys
        .into_iter()
        .map(|key| match found.remove(&key) {
            Some(c) => c,
            None => Coordinator {
                key,
                node_id: -1,
                host: String::new(),
                port: -1,
                error_code: code.0,
                ..Default::default()
            },
        })
        .collect();
    Served::Reply(response.into())
}

pub(super) async fn consumer_group_heartbeat(
    shared: &Arc<Shared>,
    ctx: &Ctx,
    request: ConsumerGroupHeartbeatRequest,
) -> Served {
    if !ctx.allows(AclOperation::Read, ResourceType::Group, &request.group_id) {
        return group_denied(shared, ctx, &RequestBody::ConsumerGroupHeartbeat(request));
    }
    // Kafka 4.1 (KAFKA-18813): the subscribed topics must be describable.
    let hidden: Vec<&str> = request
        .subscribed_topic_names
        .iter()
        .flatten()
        .filter(|t| !ctx.allows(AclOperation::Describe, ResourceType::Topic, t))
        .map(String::as_str)
        .collect();
    if !hidden.is_empty() {
        let mut hidden = hidden;
        hidden.sort_unstable();
        return Served::Reply(
            ConsumerGroupHeartbeatResponse {
                error_code: TOPIC_DENIED,
                error_message: Some(format!("The client is not authorized to describe topics: {}", hidden.join(", "))),
                member_epoch: -1,
                heartbeat_interval_ms: 0,
                ..Default::default()
            }
            .into(),
        );
    }
    dispatch::serve(shared, ctx, RequestBody::ConsumerGroupHeartbeat(request)).await
}

pub(super) async fn offset_commit(shared: &Arc<Shared>, ctx: &Ctx, mut request: OffsetCommitRequest) -> Served {
    if !ctx.allows(AclOperation::Read, ResourceType::Group, &request.group_id) {
        return group_denied(shared, ctx, &RequestBody::OffsetCommit(request));
    }
    // v10+ names topics by id.
    let names = topic_names(shared, request.topics.iter().map(|t| t.topic_id));
    let (allowed, denied): (Vec<_>, Vec<_>) = std::mem::take(&mut request.topics)
        .into_iter()
        .partition(|t| ctx.allows(AclOperation::Read, ResourceType::Topic, names.get(&t.topic_id).unwrap_or(&t.name)));
    let errors = denied.into_iter().map(|t| OffsetCommitResponseTopic {
        name: t.name,
        topic_id: t.topic_id,
        partitions: t
            .partitions
            .iter()
            .map(|p| OffsetCommitResponsePartition {
                partition_index: p.partition_index,
                error_code: TOPIC_DENIED,
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    });
    let mut response = if allowed.is_empty() {
        Default::default()
    } else {
        request.topics = allowed;
        served!(shared, ctx, OffsetCommit(request))
    };
    response.topics.extend(errors);
    Served::Reply(response.into())
}

pub(super) async fn txn_offset_commit(shared: &Arc<Shared>, ctx: &Ctx, mut request: TxnOffsetCommitRequest) -> Served {
    if !ctx.allows(AclOperation::Write, ResourceType::TransactionalId, &request.transactional_id) {
        let code = ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
        return whole(shared, ctx, &RequestBody::TxnOffsetCommit(request), code);
    }
    if !ctx.allows(AclOperation::Read, ResourceType::Group, &request.group_id) {
        return group_denied(shared, ctx, &RequestBody::TxnOffsetCommit(request));
    }
    let names = topic_names(shared, request.topics.iter().map(|t| t.topic_id));
    let (allowed, denied): (Vec<_>, Vec<_>) = std::mem::take(&mut request.topics)
        .into_iter()
        .partition(|t| ctx.allows(AclOperation::Read, ResourceType::Topic, names.get(&t.topic_id).unwrap_or(&t.name)));
    let errors = denied.into_iter().map(|t| TxnOffsetCommitResponseTopic {
        name: t.name,
        topic_id: t.topic_id,
        partitions: t
            .partitions
            .iter()
            .map(|p| TxnOffsetCommitResponsePartition {
                partition_index: p.partition_index,
                error_code: TOPIC_DENIED,
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    });
    let mut response = if allowed.is_empty() {
        Default::default()
    } else {
        request.topics = allowed;
        served!(shared, ctx, TxnOffsetCommit(request))
    };
    response.topics.extend(errors);
    Served::Reply(response.into())
}

pub(super) async fn offset_delete(shared: &Arc<Shared>, ctx: &Ctx, mut request: OffsetDeleteRequest) -> Served {
    if !ctx.allows(AclOperation::Delete, ResourceType::Group, &request.group_id) {
        return group_denied(shared, ctx, &RequestBody::OffsetDelete(request));
    }
    let (allowed, denied): (Vec<_>, Vec<_>) = std::mem::take(&mut request.topics)
        .into_iter()
        .partition(|t| ctx.allows(AclOperation::Read, ResourceType::Topic, &t.name));
    let errors = denied.into_iter().map(|t| OffsetDeleteResponseTopic {
        name: t.name,
        partitions: t
            .partitions
            .iter()
            .map(|p| OffsetDeleteResponsePartition {
                partition_index: p.partition_index,
                error_code: TOPIC_DENIED,
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    });
    let mut response = if allowed.is_empty() {
        Default::default()
    } else {
        request.topics = allowed;
        served!(shared, ctx, OffsetDelete(request))
    };
    response.topics.extend(errors);
    Served::Reply(response.into())
}

/// OffsetFetch: a denied group is GROUP_AUTHORIZATION_FAILED; of a group's offsets, named topics
/// the principal may not describe are TOPIC_AUTHORIZATION_FAILED per partition, and with "all
/// topics" they are left out.
pub(super) async fn offset_fetch(shared: &Arc<Shared>, ctx: &Ctx, mut request: OffsetFetchRequest) -> Served {
    let describe = |topic: &str| ctx.allows(AclOperation::Describe, ResourceType::Topic, topic);
    if ctx.version < 8 {
        if !ctx.allows(AclOperation::Describe, ResourceType::Group, &request.group_id) {
            return group_denied(shared, ctx, &RequestBody::OffsetFetch(request));
        }
        let mut denied = Vec::new();
        if let Some(topics) = request.topics.as_mut() {
            let (allowed, refused): (Vec<_>, Vec<_>) =
                std::mem::take(topics).into_iter().partition(|t| describe(&t.name));
            *topics = allowed;
            denied = refused;
        }
        let mut response = served!(shared, ctx, OffsetFetch(request));
        response.topics.retain(|t| describe(&t.name));
        response.topics.extend(denied.into_iter().map(|t| {
            OffsetFetchResponseTopic {
                name: t.name,
                partitions: t
                    .partition_indexes
                    .iter()
                    .map(|p| OffsetFetchResponsePartition {
                        partition_index: *p,
                        committed_offset: -1,
                        committed_leader_epoch: -1,
                        metadata: Some(String::new()),
                        error_code: TOPIC_DENIED,
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            }
        }));
        return Served::Reply(response.into());
    }
    let groups = std::mem::take(&mut request.groups);
    // v10+ names topics by id, in the request and the answer.
    let names = topic_names(shared, groups.iter().flat_map(|g| g.topics.iter().flatten()).map(|t| t.topic_id));
    let mut denied_topics: HashMap<String, Vec<_>> = HashMap::new();
    let mut allowed_groups = Vec::new();
    for g in &groups {
        if !ctx.allows(AclOperation::Describe, ResourceType::Group, &g.group_id) {
            continue;
        }
        let mut g = g.clone();
        if let Some(topics) = g.topics.as_mut() {
            let (allowed, refused): (Vec<_>, Vec<_>) =
                std::mem::take(topics).into_iter().partition(|t| describe(names.get(&t.topic_id).unwrap_or(&t.name)));
            *topics = allowed;
            denied_topics.insert(g.group_id.clone(), refused);
        }
        allowed_groups.push(g);
    }
    let mut answered: HashMap<String, OffsetFetchResponseGroup> = HashMap::new();
    let mut response = if allowed_groups.is_empty() {
        Default::default()
    } else {
        request.groups = allowed_groups;
        let mut r = served!(shared, ctx, OffsetFetch(request));
        answered = std::mem::take(&mut r.groups).into_iter().map(|g| (g.group_id.clone(), g)).collect();
        r
    };
    response.groups = groups
        .into_iter()
        .map(|g| match answered.remove(&g.group_id) {
            None => OffsetFetchResponseGroup { group_id: g.group_id, error_code: GROUP_DENIED, ..Default::default() },
            Some(mut answer) => {
                if answer.error_code == 0 {
                    let by_id = topic_names(shared, answer.topics.iter().map(|t| t.topic_id));
                    answer.topics.retain(|t| describe(by_id.get(&t.topic_id).unwrap_or(&t.name)));
                    for t in denied_topics.remove(&g.group_id).unwrap_or_default() {
                        answer.topics.push(OffsetFetchResponseTopics {
                            name: t.name,
                            topic_id: t.topic_id,
                            partitions: t
                                .partition_indexes
                                .iter()
                                .map(|p| OffsetFetchResponsePartitions {
                                    partition_index: *p,
                                    committed_offset: -1,
                                    committed_leader_epoch: -1,
                                    metadata: Some(String::new()),
                                    error_code: TOPIC_DENIED,
                                    ..Default::default()
                                })
                                .collect(),
                            ..Default::default()
                        });
                    }
                }
                answer
            }
        })
        .collect();
    Served::Reply(response.into())
}

pub(super) async fn describe_groups(shared: &Arc<Shared>, ctx: &Ctx, request: DescribeGroupsRequest) -> Served {
    let include = request.include_authorized_operations;
    let mut response = served!(shared, ctx, DescribeGroups(request));
    for g in &mut response.groups {
        if !ctx.allows(AclOperation::Describe, ResourceType::Group, &g.group_id) {
            *g = DescribedGroup {
                group_id: std::mem::take(&mut g.group_id),
                error_code: GROUP_DENIED,
                authorized_operations: i32::MIN,
                ..Default::default()
            };
        } else if include && ctx.version >= 3 && g.error_code == 0 {
            g.authorized_operations = authorized_operations(ctx, ResourceType::Group, &g.group_id);
        }
    }
    Served::Reply(response.into())
}

pub(super) async fn consumer_group_describe(
    shared: &Arc<Shared>,
    ctx: &Ctx,
    request: ConsumerGroupDescribeRequest,
) -> Served {
    let include = request.include_authorized_operations;
    let mut response = served!(shared, ctx, ConsumerGroupDescribe(request));
    for g in &mut response.groups {
        if !ctx.allows(AclOperation::Describe, ResourceType::Group, &g.group_id) {
            *g = consumer_group_describe::response::DescribedGroup {
                group_id: std::mem::take(&mut g.group_id),
                error_code: GROUP_DENIED,
                authorized_operations: i32::MIN,
                ..Default::default()
            };
        } else if include && g.error_code == 0 {
            g.authorized_operations = authorized_operations(ctx, ResourceType::Group, &g.group_id);
        }
    }
    Served::Reply(response.into())
}

pub(super) async fn delete_groups(shared: &Arc<Shared>, ctx: &Ctx, mut request: DeleteGroupsRequest) -> Served {
    let (allowed, denied): (Vec<_>, Vec<_>) = std::mem::take(&mut request.groups_names)
        .into_iter()
        .partition(|g| ctx.allows(AclOperation::Delete, ResourceType::Group, g));
    let mut response = if allowed.is_empty() {
        Default::default()
    } else {
        request.groups_names = allowed;
        served!(shared, ctx, DeleteGroups(request))
    };
    response.results.extend(denied.into_iter().map(|group_id| DeletableGroupResult {
        group_id,
        error_code: GROUP_DENIED,
        ..Default::default()
    }));
    Served::Reply(response.into())
}

pub(super) async fn list_groups(shared: &Arc<Shared>, ctx: &Ctx, request: ListGroupsRequest) -> Served {
    let mut response = served!(shared, ctx, ListGroups(request));
    if !ctx.allows_cluster(AclOperation::Describe) {
        response.groups.retain(|g| ctx.allows(AclOperation::Describe, ResourceType::Group, &g.group_id));
    }
    Served::Reply(response.into())
}

/// AddPartitionsToTxn (v0-3, the clients' form): any partition refused fails the whole
/// transaction's request: the refused ones TOPIC_AUTHORIZATION_FAILED, unknown ones
/// UNKNOWN_TOPIC_OR_PARTITION, the others OPERATION_NOT_ATTEMPTED.
pub(super) async fn add_partitions_to_txn(
    shared: &Arc<Shared>,
    ctx: &Ctx,
    request: AddPartitionsToTxnRequest,
) -> Served {
    if ctx.version >= 4 {
        if !ctx.allows_cluster(AclOperation::ClusterAction) {
            return super::cluster_denied(shared, ctx, &RequestBody::AddPartitionsToTxn(request));
        }
        return dispatch::serve(shared, ctx, RequestBody::AddPartitionsToTxn(request)).await;
    }
    if !ctx.allows(AclOperation::Write, ResourceType::TransactionalId, &request.v3_and_below_transactional_id) {
        let code = ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
        return whole(shared, ctx, &RequestBody::AddPartitionsToTxn(request), code);
    }
    let write = |t: &str| ctx.allows(AclOperation::Write, ResourceType::Topic, t);
    if request.v3_and_below_topics.iter().all(|t| write(&t.name)) {
        return dispatch::serve(shared, ctx, RequestBody::AddPartitionsToTxn(request)).await;
    }
    let existing: HashSet<String> =
        existing_topics(shared, request.v3_and_below_topics.iter().map(|t| t.name.as_str())).into_iter().collect();
    let results = request
        .v3_and_below_topics
        .iter()
        .map(|t| {
            let code = if !write(&t.name) {
                TOPIC_DENIED
            } else if !existing.contains(&t.name) {
                ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0
            } else {
                ErrorCode::OPERATION_NOT_ATTEMPTED.0
            };
            AddPartitionsToTxnTopicResult {
                name: t.name.clone(),
                results_by_partition: t
                    .partitions
                    .iter()
                    .map(|p| AddPartitionsToTxnPartitionResult {
                        partition_index: *p,
                        partition_error_code: code,
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            }
        })
        .collect();
    Served::Reply(AddPartitionsToTxnResponse { results_by_topic_v3_and_below: results, ..Default::default() }.into())
}

pub(super) async fn describe_transactions(
    shared: &Arc<Shared>,
    ctx: &Ctx,
    request: DescribeTransactionsRequest,
) -> Served {
    let mut response = served!(shared, ctx, DescribeTransactions(request));
    for t in &mut response.transaction_states {
        if !ctx.allows(AclOperation::Describe, ResourceType::TransactionalId, &t.transactional_id) {
            *t = TransactionState {
                transactional_id: std::mem::take(&mut t.transactional_id),
                error_code: ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED.0,
                transaction_state: String::new(),
                transaction_timeout_ms: 0,
                transaction_start_time_ms: -1,
                producer_id: -1,
                producer_epoch: -1,
                ..Default::default()
            };
        } else {
            // Kafka leaves out the partitions of topics the principal may not describe.
            t.topics.retain(|d| ctx.allows(AclOperation::Describe, ResourceType::Topic, &d.topic));
        }
    }
    Served::Reply(response.into())
}

pub(super) async fn list_transactions(shared: &Arc<Shared>, ctx: &Ctx, request: ListTransactionsRequest) -> Served {
    let mut response = served!(shared, ctx, ListTransactions(request));
    response
        .transaction_states
        .retain(|t| ctx.allows(AclOperation::Describe, ResourceType::TransactionalId, &t.transactional_id));
    Served::Reply(response.into())
}

//! Groups and transactions: FindCoordinator, ConsumerGroupHeartbeat, the offset APIs, the group
//! admin APIs, AddPartitionsToTxn, TxnOffsetCommit, DescribeTransactions, ListTransactions.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use kfk_protocol::messages::find_coordinator::response::Coordinator;
use kfk_protocol::messages::offset_fetch::response::OffsetFetchResponseGroup;
use kfk_protocol::messages::{
    AddPartitionsToTxnRequest, AddPartitionsToTxnResponse, ConsumerGroupDescribeRequest, ConsumerGroupHeartbeatRequest,
    ConsumerGroupHeartbeatResponse, DeleteGroupsRequest, DescribeGroupsRequest, DescribeTransactionsRequest,
    FindCoordinatorRequest, ListGroupsRequest, ListTransactionsRequest, OffsetCommitRequest, OffsetDeleteRequest,
    OffsetFetchRequest, RequestBody, ResponseBody, TxnOffsetCommitRequest,
};
use kfk_protocol::ErrorCode;

use super::{authorized_operations, existing_topics, group_denied, topic_names, whole};
use crate::handlers::{self, error_answer, Ctx, Served};
use crate::security::acl::{AclOperation, ResourceType};
use crate::state::Shared;

const TOPIC_DENIED: i16 = ErrorCode::TOPIC_AUTHORIZATION_FAILED.0;
const GROUP_DENIED: i16 = ErrorCode::GROUP_AUTHORIZATION_FAILED.0;

pub(super) async fn find_coordinator(shared: &Arc<Shared>, ctx: &Ctx, mut request: FindCoordinatorRequest) -> Served {
    let (resource_type, code) = match request.key_type {
        0 => (ResourceType::Group, ErrorCode::GROUP_AUTHORIZATION_FAILED),
        1 => (ResourceType::TransactionalId, ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED),
        _ => return handlers::serve(shared, ctx, RequestBody::FindCoordinator(request)).await,
    };
    if ctx.version < 4 {
        if ctx.allows(AclOperation::Describe, resource_type, &request.key) {
            return handlers::serve(shared, ctx, RequestBody::FindCoordinator(request)).await;
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
            None => error_answer::coordinator(key, code.0, Some("")),
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
    handlers::serve(shared, ctx, RequestBody::ConsumerGroupHeartbeat(request)).await
}

pub(super) async fn offset_commit(shared: &Arc<Shared>, ctx: &Ctx, mut request: OffsetCommitRequest) -> Served {
    if !ctx.allows(AclOperation::Read, ResourceType::Group, &request.group_id) {
        return group_denied(shared, ctx, &RequestBody::OffsetCommit(request));
    }
    // v10+ names topics by id.
    let names = topic_names(shared, request.topics.iter().map(|t| t.topic_id));
    per_item!(
        shared,
        ctx,
        OffsetCommit(request).topics => topics,
        |t| ctx.allows(AclOperation::Read, ResourceType::Topic, names.get(&t.topic_id).unwrap_or(&t.name)),
        |denied| error_answer::offset_commit_topics(denied, TOPIC_DENIED)
    )
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
    per_item!(
        shared,
        ctx,
        TxnOffsetCommit(request).topics => topics,
        |t| ctx.allows(AclOperation::Read, ResourceType::Topic, names.get(&t.topic_id).unwrap_or(&t.name)),
        |denied| error_answer::txn_offset_commit_topics(denied, TOPIC_DENIED)
    )
}

pub(super) async fn offset_delete(shared: &Arc<Shared>, ctx: &Ctx, mut request: OffsetDeleteRequest) -> Served {
    if !ctx.allows(AclOperation::Delete, ResourceType::Group, &request.group_id) {
        return group_denied(shared, ctx, &RequestBody::OffsetDelete(request));
    }
    per_item!(
        shared,
        ctx,
        OffsetDelete(request).topics => topics,
        |t| ctx.allows(AclOperation::Read, ResourceType::Topic, &t.name),
        |denied| error_answer::offset_delete_topics(denied, TOPIC_DENIED)
    )
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
        response.topics.extend(error_answer::offset_fetch_topics(&denied, TOPIC_DENIED));
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
            None => error_answer::offset_fetch_group(g.group_id, GROUP_DENIED),
            Some(mut answer) => {
                if answer.error_code == 0 {
                    let by_id = topic_names(shared, answer.topics.iter().map(|t| t.topic_id));
                    answer.topics.retain(|t| describe(by_id.get(&t.topic_id).unwrap_or(&t.name)));
                    let denied = denied_topics.remove(&g.group_id).unwrap_or_default();
                    answer.topics.extend(error_answer::offset_fetch_group_topics(&denied, TOPIC_DENIED));
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
            *g = error_answer::described_group(&g.group_id, GROUP_DENIED, None);
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
            *g = error_answer::consumer_described_group(&g.group_id, GROUP_DENIED, None);
        } else if include && g.error_code == 0 {
            g.authorized_operations = authorized_operations(ctx, ResourceType::Group, &g.group_id);
        }
    }
    Served::Reply(response.into())
}

pub(super) async fn delete_groups(shared: &Arc<Shared>, ctx: &Ctx, mut request: DeleteGroupsRequest) -> Served {
    per_item!(
        shared,
        ctx,
        DeleteGroups(request).groups_names => results,
        |g| ctx.allows(AclOperation::Delete, ResourceType::Group, g),
        |denied| error_answer::deleted_groups(denied, GROUP_DENIED, None)
    )
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
        return handlers::serve(shared, ctx, RequestBody::AddPartitionsToTxn(request)).await;
    }
    if !ctx.allows(AclOperation::Write, ResourceType::TransactionalId, &request.v3_and_below_transactional_id) {
        let code = ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
        return whole(shared, ctx, &RequestBody::AddPartitionsToTxn(request), code);
    }
    let write = |t: &str| ctx.allows(AclOperation::Write, ResourceType::Topic, t);
    if request.v3_and_below_topics.iter().all(|t| write(&t.name)) {
        return handlers::serve(shared, ctx, RequestBody::AddPartitionsToTxn(request)).await;
    }
    let existing: HashSet<String> =
        existing_topics(shared, request.v3_and_below_topics.iter().map(|t| t.name.as_str())).into_iter().collect();
    let results = error_answer::txn_partitions(&request.v3_and_below_topics, |topic| {
        if !write(topic) {
            TOPIC_DENIED
        } else if !existing.contains(topic) {
            ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0
        } else {
            ErrorCode::OPERATION_NOT_ATTEMPTED.0
        }
    });
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
            let code = ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED.0;
            *t = error_answer::transaction_state(std::mem::take(&mut t.transactional_id), code);
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

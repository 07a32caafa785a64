//! Authorization of requests, as Kafka's request handler (`KafkaApis`, `AuthHelper`) does it,
//! for a cluster with an authorizer ([`crate::security::acl`]).
//!
//! It sits between dispatch and the handlers, which know nothing of ACLs: a request (or the
//! part of it) the principal may not make is answered here with Kafka's error, the rest is
//! handed to the handler, and the two answers are merged. The checks and their errors:
//!
//! | request | needs | refused with |
//! |---------|-------|--------------|
//! | Produce | WRITE on the transactional id (transactional batches), WRITE on each topic | TRANSACTIONAL_ID_AUTHORIZATION_FAILED (all); TOPIC_AUTHORIZATION_FAILED per partition |
//! | Fetch (consumer) | READ on each topic | TOPIC_AUTHORIZATION_FAILED per partition |
//! | Fetch (replica), OffsetForLeaderEpoch | CLUSTER_ACTION, else DESCRIBE on each topic (OffsetForLeaderEpoch) | TOPIC_AUTHORIZATION_FAILED per partition |
//! | ListOffsets | DESCRIBE on each topic | TOPIC_AUTHORIZATION_FAILED per partition |
//! | Metadata | DESCRIBE on each topic; auto-creation: CREATE on the cluster or the topic | named topics: TOPIC_AUTHORIZATION_FAILED; all topics: the others are left out |
//! | FindCoordinator | DESCRIBE on the group / transactional id | GROUP_ / TRANSACTIONAL_ID_AUTHORIZATION_FAILED per key |
//! | JoinGroup, SyncGroup, Heartbeat, LeaveGroup, ConsumerGroupHeartbeat | READ on the group (and DESCRIBE on subscribed topics) | GROUP_AUTHORIZATION_FAILED (TOPIC_AUTHORIZATION_FAILED) |
//! | OffsetCommit, TxnOffsetCommit, OffsetDelete | READ (OffsetDelete: DELETE) on the group, READ on each topic | GROUP_AUTHORIZATION_FAILED; TOPIC_AUTHORIZATION_FAILED per partition |
//! | OffsetFetch | DESCRIBE on the group, DESCRIBE on each topic | GROUP_AUTHORIZATION_FAILED per group; topics: per partition, or left out |
//! | DescribeGroups, ConsumerGroupDescribe, DeleteGroups, ListGroups | DESCRIBE (DeleteGroups: DELETE) on each group; ListGroups: DESCRIBE on the cluster or the group | GROUP_AUTHORIZATION_FAILED per group; ListGroups leaves them out |
//! | InitProducerId | WRITE on the transactional id; without one IDEMPOTENT_WRITE on the cluster or WRITE on some topic | TRANSACTIONAL_ID_ / CLUSTER_AUTHORIZATION_FAILED |
//! | AddPartitionsToTxn, AddOffsetsToTxn, EndTxn | WRITE on the transactional id (and WRITE on each topic, READ on the group) | TRANSACTIONAL_ID_AUTHORIZATION_FAILED; TOPIC_ (the others OPERATION_NOT_ATTEMPTED) / GROUP_AUTHORIZATION_FAILED |
//! | CreateTopics | CREATE on the cluster or the topic (DESCRIBE_CONFIGS for its configs) | TOPIC_AUTHORIZATION_FAILED per topic |
//! | DeleteTopics, CreatePartitions, DeleteRecords, DescribeProducers | DELETE, ALTER, DELETE, READ on each topic | TOPIC_AUTHORIZATION_FAILED per topic or partition |
//! | DescribeConfigs, IncrementalAlterConfigs | DESCRIBE_CONFIGS / ALTER_CONFIGS on the topic, the cluster (brokers, loggers) or the group | TOPIC_ / CLUSTER_ / GROUP_AUTHORIZATION_FAILED per resource |
//! | DescribeTransactions, ListTransactions | DESCRIBE on the transactional id | TRANSACTIONAL_ID_AUTHORIZATION_FAILED per id; ListTransactions leaves them out |
//! | WriteTxnMarkers | ALTER or CLUSTER_ACTION on the cluster | CLUSTER_AUTHORIZATION_FAILED |
//! | DescribeAcls, DescribeUserScramCredentials / CreateAcls, DeleteAcls, AlterUserScramCredentials | DESCRIBE / ALTER on the cluster | CLUSTER_AUTHORIZATION_FAILED |
//!
//! ApiVersions, DescribeCluster and the SASL requests need nothing. The authorized operations
//! Metadata, DescribeCluster, DescribeGroups and ConsumerGroupDescribe report when asked are
//! the principal's.

/// Serves `request` and returns its answer as the `$variant` response, or returns anything
/// else (another answer, a close) from the calling function as it is.
macro_rules! served {
    ($shared:expr, $ctx:expr, $variant:ident($request:expr)) => {
        match super::reply(crate::handlers::serve($shared, $ctx, RequestBody::$variant($request)).await) {
            Ok(ResponseBody::$variant(r)) => r,
            Ok(other) => return Served::Reply(other),
            Err(other) => return *other,
        }
    };
}

/// Serves the items of `$request.$items` that `$allowed` accepts and answers the others with the
/// error entries `$denied` builds for them, added to the answer's `$answers`; with no item
/// allowed, the handler is not asked.
macro_rules! per_item {
    ($shared:expr, $ctx:expr, $variant:ident($request:ident).$items:ident => $answers:ident, $allowed:expr, $denied:expr) => {{
        let (allowed, refused): (Vec<_>, Vec<_>) = std::mem::take(&mut $request.$items).into_iter().partition($allowed);
        let errors = $denied(&refused[..]);
        let mut response = if allowed.is_empty() {
            Default::default()
        } else {
            $request.$items = allowed;
            served!($shared, $ctx, $variant($request))
        };
        response.$answers.extend(errors);
        Served::Reply(response.into())
    }};
}

mod admin;
mod data;
mod groups;

use std::collections::HashMap;
use std::sync::Arc;

use kfk_protocol::messages::{RequestBody, ResponseBody};
use kfk_protocol::{ErrorCode, Uuid};

use crate::handlers::{self, error_answer, metadata::brokers_only, Ctx, Served};
use crate::security::acl::{AclOperation, ResourceType};
use crate::state::Shared;

/// Serves `request` as Kafka would for `ctx`'s principal.
pub(crate) async fn serve(shared: &Arc<Shared>, ctx: &Ctx, request: RequestBody) -> Served {
    use AclOperation::*;
    use RequestBody as R;
    match request {
        R::Produce(r) => data::produce(shared, ctx, r).await,
        R::Fetch(r) => data::fetch(shared, ctx, r).await,
        R::ListOffsets(r) => data::list_offsets(shared, ctx, r).await,
        R::OffsetForLeaderEpoch(r) => data::offset_for_leader_epoch(shared, ctx, r).await,
        R::Metadata(r) => data::metadata(shared, ctx, r).await,
        R::DeleteRecords(r) => data::delete_records(shared, ctx, r).await,
        R::DescribeProducers(r) => data::describe_producers(shared, ctx, r).await,
        R::FindCoordinator(r) => groups::find_coordinator(shared, ctx, r).await,
        R::JoinGroup(ref r) if !ctx.allows(Read, ResourceType::Group, &r.group_id) => {
            group_denied(shared, ctx, &request)
        }
        R::SyncGroup(ref r) if !ctx.allows(Read, ResourceType::Group, &r.group_id) => {
            group_denied(shared, ctx, &request)
        }
        R::Heartbeat(ref r) if !ctx.allows(Read, ResourceType::Group, &r.group_id) => {
            group_denied(shared, ctx, &request)
        }
        R::LeaveGroup(ref r) if !ctx.allows(Read, ResourceType::Group, &r.group_id) => {
            group_denied(shared, ctx, &request)
        }
        R::ConsumerGroupHeartbeat(r) => groups::consumer_group_heartbeat(shared, ctx, r).await,
        R::OffsetCommit(r) => groups::offset_commit(shared, ctx, r).await,
        R::OffsetFetch(r) => groups::offset_fetch(shared, ctx, r).await,
        R::OffsetDelete(r) => groups::offset_delete(shared, ctx, r).await,
        R::DescribeGroups(r) => groups::describe_groups(shared, ctx, r).await,
        R::ConsumerGroupDescribe(r) => groups::consumer_group_describe(shared, ctx, r).await,
        R::DeleteGroups(r) => groups::delete_groups(shared, ctx, r).await,
        R::ListGroups(r) => groups::list_groups(shared, ctx, r).await,
        R::InitProducerId(ref r) => {
            let denied = match &r.transactional_id {
                Some(id) => (!ctx.allows(Write, ResourceType::TransactionalId, id))
                    .then_some(ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED),
                None => (!ctx.allows_cluster(IdempotentWrite) && !ctx.allows_any(Write, ResourceType::Topic))
                    .then_some(ErrorCode::CLUSTER_AUTHORIZATION_FAILED),
            };
            match denied {
                Some(code) => whole(shared, ctx, &request, code),
                None => handlers::serve(shared, ctx, request).await,
            }
        }
        R::AddPartitionsToTxn(r) => groups::add_partitions_to_txn(shared, ctx, r).await,
        R::AddOffsetsToTxn(ref r) => {
            if !ctx.allows(Write, ResourceType::TransactionalId, &r.transactional_id) {
                whole(shared, ctx, &request, ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED)
            } else if !ctx.allows(Read, ResourceType::Group, &r.group_id) {
                group_denied(shared, ctx, &request)
            } else {
                handlers::serve(shared, ctx, request).await
            }
        }
        R::EndTxn(ref r) if !ctx.allows(Write, ResourceType::TransactionalId, &r.transactional_id) => {
            whole(shared, ctx, &request, ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED)
        }
        R::TxnOffsetCommit(r) => groups::txn_offset_commit(shared, ctx, r).await,
        R::DescribeTransactions(r) => groups::describe_transactions(shared, ctx, r).await,
        R::ListTransactions(r) => groups::list_transactions(shared, ctx, r).await,
        R::WriteTxnMarkers(_) if !ctx.allows_cluster(Alter) && !ctx.allows_cluster(ClusterAction) => {
            cluster_denied(shared, ctx, &request)
        }
        R::CreateTopics(r) => admin::create_topics(shared, ctx, r).await,
        R::DeleteTopics(r) => admin::delete_topics(shared, ctx, r).await,
        R::CreatePartitions(r) => admin::create_partitions(shared, ctx, r).await,
        R::DescribeConfigs(r) => admin::describe_configs(shared, ctx, r).await,
        R::IncrementalAlterConfigs(r) => admin::incremental_alter_configs(shared, ctx, r).await,
        R::DescribeCluster(r) => admin::describe_cluster(shared, ctx, r).await,
        R::CreateAcls(_) | R::DeleteAcls(_) | R::AlterUserScramCredentials(_) if !ctx.allows_cluster(Alter) => {
            cluster_denied(shared, ctx, &request)
        }
        R::ListConfigResources(_) if !ctx.allows_cluster(DescribeConfigs) => cluster_denied(shared, ctx, &request),
        R::DescribeAcls(_) | R::DescribeUserScramCredentials(_) if !ctx.allows_cluster(Describe) => {
            cluster_denied(shared, ctx, &request)
        }
        other => handlers::serve(shared, ctx, other).await,
    }
}

/// The whole request refused with `code` in every error field of its answer.
fn whole(shared: &Shared, ctx: &Ctx, request: &RequestBody, code: ErrorCode) -> Served {
    tracing::debug!(principal = %ctx.principal, api = request.api_key().name(), code = code.0, "not authorized");
    let brokers = brokers_only(shared, ctx.listener, ctx.version);
    match error_answer::answer(request, ctx.version, code.0, brokers) {
        Some(response) => Served::Reply(response),
        None => Served::Close,
    }
}

fn group_denied(shared: &Shared, ctx: &Ctx, request: &RequestBody) -> Served {
    whole(shared, ctx, request, ErrorCode::GROUP_AUTHORIZATION_FAILED)
}

fn cluster_denied(shared: &Shared, ctx: &Ctx, request: &RequestBody) -> Served {
    use kfk_protocol::messages::{AlterUserScramCredentialsResponse, CreateAclsResponse, DeleteAclsResponse};
    let code = ErrorCode::CLUSTER_AUTHORIZATION_FAILED;
    // Kafka's request handler gives no message with these per-item refusals.
    let response: ResponseBody = match request {
        RequestBody::CreateAcls(r) => CreateAclsResponse {
            results: error_answer::acl_creations(&r.creations, code.0, None),
            ..Default::default()
        }
        .into(),
        RequestBody::DeleteAcls(r) => DeleteAclsResponse {
            filter_results: error_answer::acl_deletions(&r.filters, code.0, None),
            ..Default::default()
        }
        .into(),
        RequestBody::AlterUserScramCredentials(r) => AlterUserScramCredentialsResponse {
            results: error_answer::scram_users(r, code.0, None),
            ..Default::default()
        }
        .into(),
        other => return whole(shared, ctx, other, code),
    };
    tracing::debug!(principal = %ctx.principal, api = request.api_key().name(), "not authorized on the cluster");
    Served::Reply(response)
}

/// The handler's answer to the (trimmed) request: `Err` passes anything else (a close, no
/// reply) on as it is.
fn reply(served: Served) -> Result<ResponseBody, Box<Served>> {
    match served {
        Served::Reply(response) => Ok(response),
        other => Err(Box::new(other)),
    }
}

/// Names of the topics with these ids (a brief look at the cluster state).
fn topic_names(shared: &Shared, ids: impl IntoIterator<Item = Uuid>) -> HashMap<Uuid, String> {
    let state = shared.state();
    ids.into_iter()
        .filter(|id| *id != Uuid::ZERO)
        .filter_map(|id| state.topic_name(id).map(|name| (id, name.to_owned())))
        .collect()
}

/// Which of `names` exist as topics.
fn existing_topics<'a>(shared: &Shared, names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let state = shared.state();
    names.into_iter().filter(|n| state.topic(n).is_some()).map(str::to_owned).collect()
}

/// The operations Kafka reports on a resource of `resource_type` (its `supportedOperations`).
fn supported_operations(resource_type: ResourceType) -> &'static [AclOperation] {
    use AclOperation::*;
    match resource_type {
        ResourceType::Topic => &[Read, Write, Create, Describe, Delete, Alter, DescribeConfigs, AlterConfigs],
        ResourceType::Group => &[Read, Describe, Delete, DescribeConfigs, AlterConfigs],
        ResourceType::Cluster => {
            &[Create, ClusterAction, DescribeConfigs, AlterConfigs, IdempotentWrite, Alter, Describe]
        }
        ResourceType::TransactionalId => &[Describe, Write],
        _ => &[],
    }
}

/// Kafka's authorized-operations bit field: bit `code` for each operation the principal may do
/// on the resource.
pub(crate) fn authorized_operations(ctx: &Ctx, resource_type: ResourceType, name: &str) -> i32 {
    supported_operations(resource_type)
        .iter()
        .filter(|op| ctx.allows(**op, resource_type, name))
        .fold(0, |bits, op| bits | op.bit())
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::security::acl::{Acl, Authorizer, AuthorizerConfig};

    fn ctx(acls: Vec<Acl>) -> Ctx {
        let authorizer = Authorizer::new(AuthorizerConfig { acls, ..Default::default() });
        Ctx {
            broker: 0,
            version: 0,
            client_id: String::new(),
            client_host: "/127.0.0.1".into(),
            client_port: 0,
            client_software: None,
            listener: 0,
            principal: "User:alice".into(),
            acls: Some(authorizer.snapshot()),
            partition_faults: HashMap::new(),
        }
    }

    #[test]
    fn authorized_operations_are_the_bits_of_the_allowed_supported_operations() {
        use AclOperation::*;
        let ctx = ctx(vec![
            Acl::allow(ResourceType::Topic, "t", "User:alice", Read),
            Acl::allow(ResourceType::Topic, "t", "User:alice", AlterConfigs),
        ]);
        let expected = [Read, Describe, AlterConfigs, DescribeConfigs].iter().fold(0, |b, op| b | op.bit());
        assert_eq!(authorized_operations(&ctx, ResourceType::Topic, "t"), expected);
        assert_eq!(authorized_operations(&ctx, ResourceType::Topic, "other"), 0);
        assert_eq!(authorized_operations(&ctx, ResourceType::Group, "t"), 0);
    }

    #[test]
    fn without_an_authorizer_everything_is_allowed() {
        let mut ctx = ctx(Vec::new());
        assert!(!ctx.allows(AclOperation::Read, ResourceType::Topic, "t"));
        ctx.acls = None;
        assert!(ctx.allows(AclOperation::Read, ResourceType::Topic, "t"));
        assert!(ctx.allows_cluster(AclOperation::Alter));
        assert!(ctx.allows_any(AclOperation::Write, ResourceType::Topic));
    }
}

//! One module per API family, and what they share: the request context ([`Ctx`]), what a
//! handler decides ([`Served`]) and the routing of a decoded request to its handler
//! ([`serve`]). Each handler takes the shared state, the context and the decoded request, and
//! returns the response for the request's version: it fills only fields that version carries.
//! None holds a lock across an `.await`.
//!
//! [`crate::dispatch`] gets a request here once it is decoded, authenticated and past the
//! faults; with an authorizer, through [`authorization`], which calls [`serve`] for what it
//! allows. Answers with one error everywhere are built in [`error_answer`].

pub(crate) mod acls;
pub(crate) mod admin_configs;
pub(crate) mod api_versions;
pub(crate) mod authorization;
pub(crate) mod broker_configs;
pub(crate) mod consumer_group;
pub(crate) mod coordinator;
pub(crate) mod delete_records;
pub(crate) mod entity_configs;
pub(crate) mod error_answer;
pub(crate) mod fetch;
pub(crate) mod groups;
pub(crate) mod list_offsets;
pub(crate) mod membership;
pub(crate) mod metadata;
pub(crate) mod offsets;
pub(crate) mod produce;
pub(crate) mod producer_id;
pub(crate) mod scram_users;
pub(crate) mod telemetry;
pub(crate) mod topics;
pub(crate) mod txn;
pub(crate) mod txn_admin;
pub(crate) mod txn_offsets;
#[cfg(test)]
mod txn_tests;
pub(crate) mod unsupported;

use std::collections::HashMap;
use std::sync::Arc;

use kfk_protocol::messages::{RequestBody, ResponseBody};
use tracing::debug;

use crate::security::acl::{AclOperation, Acls, ResourceType, CLUSTER_NAME};
use crate::state::Shared;

/// What a handler knows about the request it serves.
#[derive(Debug)]
pub(crate) struct Ctx {
    /// The broker the request arrived at.
    pub broker: i32,
    /// The request's API version.
    pub version: i16,
    /// The client id of the request header ("" when null).
    pub client_id: String,
    /// The client's address as Kafka reports it (`/127.0.0.1`).
    pub client_host: String,
    /// The client's port.
    pub client_port: u16,
    /// The client's software name and version from the connection's ApiVersions, if any.
    pub client_software: Option<(String, String)>,
    /// The listener the request came in on (index into `Shared::listeners`): answers name
    /// brokers by their endpoints on it.
    pub listener: usize,
    /// The connection's principal (`User:ANONYMOUS`, `User:alice`).
    pub principal: String,
    /// The ACLs when the request arrived, if the cluster has an authorizer.
    pub acls: Option<Arc<Acls>>,
    /// Partitions an armed fault answers with an error code, by (topic name, partition).
    pub partition_faults: HashMap<(String, i32), i16>,
}

impl Ctx {
    /// Whether the authorizer lets this request's principal do `operation` on the resource
    /// (always, without an authorizer).
    pub(crate) fn allows(&self, operation: AclOperation, resource_type: ResourceType, name: &str) -> bool {
        self.acls
            .as_ref()
            .is_none_or(|acls| acls.allows(&self.principal, self.client_ip(), operation, resource_type, name))
    }

    /// Whether the principal may do `operation` on some resource of `resource_type` (Kafka's
    /// `authorizeByResourceType`).
    pub(crate) fn allows_any(&self, operation: AclOperation, resource_type: ResourceType) -> bool {
        self.acls
            .as_ref()
            .is_none_or(|acls| acls.allows_any(&self.principal, self.client_ip(), operation, resource_type))
    }

    /// Whether the principal may do `operation` on the cluster.
    pub(crate) fn allows_cluster(&self, operation: AclOperation) -> bool {
        self.allows(operation, ResourceType::Cluster, CLUSTER_NAME)
    }

    /// The client's address as ACL hosts name it (`127.0.0.1`).
    fn client_ip(&self) -> &str {
        self.client_host.trim_start_matches('/')
    }

    pub(crate) fn partition_fault(&self, topic: &str, partition: i32) -> Option<i16> {
        if self.partition_faults.is_empty() {
            return None;
        }
        self.partition_faults.get(&(topic.to_owned(), partition)).copied()
    }
}

/// What a handler decided. One lives per request, briefly: its size does not matter.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub(crate) enum Served {
    Reply(ResponseBody),
    NoReply,
    Close,
}

impl<T: Into<ResponseBody>> From<T> for Served {
    fn from(r: T) -> Self {
        Served::Reply(r.into())
    }
}

/// Routes a request to its handler.
pub(crate) async fn serve(shared: &Arc<Shared>, ctx: &Ctx, request: RequestBody) -> Served {
    match request {
        RequestBody::ApiVersions(r) => api_versions::handle(shared, ctx, r).into(),
        RequestBody::Metadata(r) => metadata::handle(shared, ctx, r).into(),
        RequestBody::CreateTopics(r) => topics::create_topics(shared, ctx, r).into(),
        RequestBody::DeleteTopics(r) => topics::delete_topics(shared, ctx, r).into(),
        RequestBody::CreatePartitions(r) => topics::create_partitions(shared, ctx, r).into(),
        RequestBody::Produce(r) => produce::handle(shared, ctx, r).await,
        RequestBody::Fetch(r) => fetch::handle(shared, ctx, r).await.into(),
        RequestBody::ListOffsets(r) => list_offsets::handle(shared, ctx, r).await,
        RequestBody::OffsetForLeaderEpoch(r) => list_offsets::offset_for_leader_epoch(shared, ctx, r).into(),
        RequestBody::InitProducerId(r) => producer_id::handle(shared, ctx, r).into(),
        RequestBody::FindCoordinator(r) => coordinator::find_coordinator(shared, ctx, r).into(),
        RequestBody::JoinGroup(r) => membership::join_group(shared, ctx, r).await.into(),
        RequestBody::SyncGroup(r) => membership::sync_group(shared, ctx, r).await.into(),
        RequestBody::Heartbeat(r) => membership::heartbeat(shared, ctx, r).into(),
        RequestBody::LeaveGroup(r) => membership::leave_group(shared, ctx, r).into(),
        RequestBody::ConsumerGroupHeartbeat(r) => consumer_group::heartbeat(shared, ctx, r).into(),
        RequestBody::ConsumerGroupDescribe(r) => consumer_group::describe(shared, ctx, r).into(),
        RequestBody::ListGroups(r) => groups::list_groups(shared, ctx, r).into(),
        RequestBody::DescribeGroups(r) => groups::describe_groups(shared, ctx, r).into(),
        RequestBody::DeleteGroups(r) => groups::delete_groups(shared, ctx, r).into(),
        RequestBody::OffsetCommit(r) => offsets::offset_commit(shared, ctx, r).into(),
        RequestBody::OffsetFetch(r) => offsets::offset_fetch(shared, ctx, r).into(),
        RequestBody::OffsetDelete(r) => offsets::offset_delete(shared, ctx, r).into(),
        RequestBody::AddPartitionsToTxn(r) => txn::add_partitions_to_txn(shared, ctx, r).into(),
        RequestBody::AddOffsetsToTxn(r) => txn::add_offsets_to_txn(shared, ctx, r).into(),
        RequestBody::EndTxn(r) => txn::end_txn(shared, ctx, r).into(),
        RequestBody::TxnOffsetCommit(r) => txn_offsets::txn_offset_commit(shared, ctx, r).into(),
        RequestBody::DescribeConfigs(r) => admin_configs::describe_configs(shared, ctx, r).into(),
        RequestBody::IncrementalAlterConfigs(r) => admin_configs::incremental_alter_configs(shared, ctx, r).into(),
        RequestBody::ListConfigResources(r) => entity_configs::list_config_resources(shared, ctx, r).into(),
        RequestBody::DescribeCluster(r) => admin_configs::describe_cluster(shared, ctx, r).into(),
        RequestBody::DeleteRecords(r) => delete_records::handle(shared, ctx, r).into(),
        RequestBody::DescribeProducers(r) => txn_admin::describe_producers(shared, ctx, r).into(),
        RequestBody::WriteTxnMarkers(r) => txn_admin::write_txn_markers(shared, ctx, r).into(),
        RequestBody::DescribeTransactions(r) => txn_admin::describe_transactions(shared, ctx, r).into(),
        RequestBody::ListTransactions(r) => txn_admin::list_transactions(shared, ctx, r).into(),
        RequestBody::DescribeUserScramCredentials(r) => scram_users::describe(shared, ctx, r).into(),
        RequestBody::AlterUserScramCredentials(r) => scram_users::alter(shared, ctx, r).into(),
        RequestBody::CreateAcls(r) => acls::create(shared, ctx, r).into(),
        RequestBody::DescribeAcls(r) => acls::describe(shared, ctx, r).into(),
        RequestBody::DeleteAcls(r) => acls::delete(shared, ctx, r).into(),
        RequestBody::GetTelemetrySubscriptions(r) => telemetry::get_subscriptions(shared, ctx, r).into(),
        RequestBody::PushTelemetry(r) => telemetry::push(shared, ctx, r).into(),
        other => {
            debug!(api = other.api_key().name(), "no handler, closing");
            Served::Close
        }
    }
}

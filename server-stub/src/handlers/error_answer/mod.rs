//! The answer to a request with one error code in its error fields: at the top level where the
//! response has one, else on every item of the request (topic partition, group, key, resource),
//! shaped as Kafka's `getErrorResponse` of each request shapes it.
//!
//! One module, because three callers need the same shapes: fault injection answers a whole
//! request with the armed code ([`crate::faults`]), an unserved API or version is answered
//! UNSUPPORTED_VERSION ([`super::unsupported`]), and the authorizer refuses a request, or only
//! some of its items, with Kafka's code ([`super::authorization`]). [`answer`] builds the whole
//! answer; the per-item builders ([`items`]) build the error entries for a list of request
//! items, so that an answer for the refused items of a request has the same shape as a
//! whole-request one. The APIs the stub does not serve at all are in [`unserved`].
//!
//! Where a response carries an error message, the whole-request answers of the group and admin
//! APIs give the code's name (the stub has no exception text to give); the authorizer gives
//! what Kafka's request handler gives, usually nothing.

use kfk_protocol::messages::*;
use kfk_protocol::{ErrorCode, Uuid};

/// One answer entry per request item: `$entry` with the given fields, set from each `$item`,
/// and its defaults elsewhere (Kafka's "no value" where the schema has one: -1 offsets and
/// epochs, no authorized operations).
macro_rules! each {
    ($items:expr, |$item:ident| $($entry:ident)::+ { $($field:ident: $value:expr),* $(,)? }) => {
        $items.iter().map(|$item| $($entry)::+ { $($field: $value,)* ..Default::default() }).collect()
    };
}

mod items;
mod unserved;

pub(crate) use items::*;

/// `code` in every error field of `request`'s answer at `version`, or `None` when that response
/// has no error field (the caller closes the connection). A Metadata answer lists `brokers`.
pub(crate) fn answer(
    request: &RequestBody,
    version: i16,
    code: i16,
    brokers: MetadataResponse,
) -> Option<ResponseBody> {
    let named = Some(ErrorCode(code).name());
    Some(match request {
        RequestBody::Metadata(r) => {
            let mut response = brokers;
            response.topics = r
                .topics
                .iter()
                .flatten()
                .map(|t| metadata_topic(t.name.clone(), if version >= 10 { t.topic_id } else { Uuid::ZERO }, code))
                .collect();
            if version >= 13 && r.topics.as_ref().is_none_or(|t| t.is_empty()) {
                response.error_code = code;
            }
            response.into()
        }
        RequestBody::CreateTopics(r) => {
            CreateTopicsResponse { topics: created_topics(&r.topics, code, None), ..Default::default() }.into()
        }
        RequestBody::DeleteTopics(r) => {
            let responses = if version >= 6 {
                r.topics.iter().map(|t| deleted_topic(t.name.clone(), t.topic_id, code)).collect()
            } else {
                r.topic_names.iter().map(|n| deleted_topic(Some(n.clone()), Uuid::ZERO, code)).collect()
            };
            DeleteTopicsResponse { responses, ..Default::default() }.into()
        }
        RequestBody::CreatePartitions(r) => {
            CreatePartitionsResponse { results: created_partitions(&r.topics, code, None), ..Default::default() }.into()
        }
        RequestBody::Produce(r) => {
            ProduceResponse { responses: produce_topics(&r.topic_data, code), ..Default::default() }.into()
        }
        RequestBody::Fetch(r) => {
            if code == ErrorCode::FETCH_SESSION_ID_NOT_FOUND.0 || code == ErrorCode::INVALID_FETCH_SESSION_EPOCH.0 {
                // Session errors are the session's, not the partitions'.
                return Some(FetchResponse { error_code: code, ..Default::default() }.into());
            }
            FetchResponse { responses: fetch_topics(&r.topics, code), ..Default::default() }.into()
        }
        RequestBody::ListOffsets(r) => {
            ListOffsetsResponse { topics: list_offsets_topics(&r.topics, code), ..Default::default() }.into()
        }
        RequestBody::OffsetForLeaderEpoch(r) => {
            OffsetForLeaderEpochResponse { topics: epoch_topics(&r.topics, code), ..Default::default() }.into()
        }
        RequestBody::InitProducerId(_) => {
            InitProducerIdResponse { error_code: code, producer_id: -1, producer_epoch: -1, ..Default::default() }
                .into()
        }
        RequestBody::AddPartitionsToTxn(r) if version <= 3 => AddPartitionsToTxnResponse {
            results_by_topic_v3_and_below: txn_partitions(&r.v3_and_below_topics, |_| code),
            ..Default::default()
        }
        .into(),
        RequestBody::AddPartitionsToTxn(_) => {
            AddPartitionsToTxnResponse { error_code: code, ..Default::default() }.into()
        }
        RequestBody::AddOffsetsToTxn(_) => AddOffsetsToTxnResponse { error_code: code, ..Default::default() }.into(),
        RequestBody::EndTxn(_) => {
            EndTxnResponse { error_code: code, producer_id: -1, producer_epoch: -1, ..Default::default() }.into()
        }
        RequestBody::TxnOffsetCommit(r) => {
            TxnOffsetCommitResponse { topics: txn_offset_commit_topics(&r.topics, code), ..Default::default() }.into()
        }
        RequestBody::DeleteRecords(r) => {
            DeleteRecordsResponse { topics: delete_records_topics(&r.topics, code), ..Default::default() }.into()
        }
        RequestBody::DescribeConfigs(r) => DescribeConfigsResponse {
            results: described_configs(&r.resources, |_| code, Some("")),
            ..Default::default()
        }
        .into(),
        RequestBody::IncrementalAlterConfigs(r) => IncrementalAlterConfigsResponse {
            responses: altered_configs(&r.resources, |_| code, Some("")),
            ..Default::default()
        }
        .into(),
        RequestBody::DescribeCluster(_) => DescribeClusterResponse { error_code: code, ..Default::default() }.into(),
        RequestBody::FindCoordinator(r) if version >= 4 => FindCoordinatorResponse {
            coordinators: r.coordinator_keys.iter().map(|key| coordinator(key.clone(), code, named)).collect(),
            ..Default::default()
        }
        .into(),
        RequestBody::FindCoordinator(_) => FindCoordinatorResponse {
            error_code: code,
            error_message: named.map(str::to_owned),
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
        RequestBody::DescribeGroups(r) => DescribeGroupsResponse {
            groups: r.groups.iter().map(|g| described_group(g, code, named.filter(|_| version >= 6))).collect(),
            ..Default::default()
        }
        .into(),
        RequestBody::DeleteGroups(r) => DeleteGroupsResponse {
            results: deleted_groups(&r.groups_names, code, named.filter(|_| version >= 3)),
            ..Default::default()
        }
        .into(),
        RequestBody::OffsetCommit(r) => {
            OffsetCommitResponse { topics: offset_commit_topics(&r.topics, code), ..Default::default() }.into()
        }
        RequestBody::OffsetFetch(r) if version >= 8 => OffsetFetchResponse {
            groups: r.groups.iter().map(|g| offset_fetch_group(g.group_id.clone(), code)).collect(),
            ..Default::default()
        }
        .into(),
        // No top-level error before v2: every requested partition carries it.
        RequestBody::OffsetFetch(r) if version < 2 => OffsetFetchResponse {
            topics: offset_fetch_topics(r.topics.as_deref().unwrap_or_default(), code),
            ..Default::default()
        }
        .into(),
        RequestBody::ConsumerGroupHeartbeat(_) => ConsumerGroupHeartbeatResponse {
            error_code: code,
            error_message: named.map(str::to_owned),
            member_epoch: -1,
            ..Default::default()
        }
        .into(),
        RequestBody::ConsumerGroupDescribe(r) => ConsumerGroupDescribeResponse {
            groups: r.group_ids.iter().map(|g| consumer_described_group(g, code, named)).collect(),
            ..Default::default()
        }
        .into(),
        RequestBody::DescribeTransactions(r) => DescribeTransactionsResponse {
            transaction_states: r.transactional_ids.iter().map(|id| transaction_state(id.clone(), code)).collect(),
            ..Default::default()
        }
        .into(),
        RequestBody::DescribeProducers(r) => {
            DescribeProducersResponse { topics: describe_producers_topics(&r.topics, code), ..Default::default() }
                .into()
        }
        RequestBody::WriteTxnMarkers(r) => super::txn_admin::marker_results(&r.markers, |_, _, _| code).into(),
        RequestBody::CreateAcls(r) => {
            CreateAclsResponse { results: acl_creations(&r.creations, code, named), ..Default::default() }.into()
        }
        RequestBody::DeleteAcls(r) => {
            DeleteAclsResponse { filter_results: acl_deletions(&r.filters, code, named), ..Default::default() }.into()
        }
        RequestBody::AlterUserScramCredentials(r) => {
            AlterUserScramCredentialsResponse { results: scram_users(r, code, named), ..Default::default() }.into()
        }
        other => return top_level(other, version, code).or_else(|| unserved::unserved_items(other, code, named)),
    })
}

/// Responses with a top-level `error_code`, each with the first version that carries it.
macro_rules! top_level_error {
    ($request:expr, $version:expr, $code:expr; $($api:ident, $response:ident, $since:literal;)*) => {
        match $request {
            $(RequestBody::$api(_) if $version >= $since => {
                Some($response { error_code: $code, ..Default::default() }.into())
            })*
            _ => None,
        }
    };
}

fn top_level(request: &RequestBody, version: i16, code: i16) -> Option<ResponseBody> {
    top_level_error!(request, version, code;
        ApiVersions, ApiVersionsResponse, 0;
        SyncGroup, SyncGroupResponse, 0;
        Heartbeat, HeartbeatResponse, 0;
        LeaveGroup, LeaveGroupResponse, 0;
        ListGroups, ListGroupsResponse, 0;
        OffsetFetch, OffsetFetchResponse, 2;
        OffsetDelete, OffsetDeleteResponse, 0;
        ListTransactions, ListTransactionsResponse, 0;
        SaslHandshake, SaslHandshakeResponse, 0;
        DescribeAcls, DescribeAclsResponse, 0;
        DescribeLogDirs, DescribeLogDirsResponse, 3;
        SaslAuthenticate, SaslAuthenticateResponse, 0;
        CreateDelegationToken, CreateDelegationTokenResponse, 0;
        RenewDelegationToken, RenewDelegationTokenResponse, 0;
        ExpireDelegationToken, ExpireDelegationTokenResponse, 0;
        DescribeDelegationToken, DescribeDelegationTokenResponse, 0;
        ElectLeaders, ElectLeadersResponse, 1;
        AlterPartitionReassignments, AlterPartitionReassignmentsResponse, 0;
        ListPartitionReassignments, ListPartitionReassignmentsResponse, 0;
        DescribeClientQuotas, DescribeClientQuotasResponse, 0;
        DescribeUserScramCredentials, DescribeUserScramCredentialsResponse, 0;
        Vote, VoteResponse, 0;
        BeginQuorumEpoch, BeginQuorumEpochResponse, 0;
        EndQuorumEpoch, EndQuorumEpochResponse, 0;
        DescribeQuorum, DescribeQuorumResponse, 0;
        AlterPartition, AlterPartitionResponse, 0;
        UpdateFeatures, UpdateFeaturesResponse, 0;
        Envelope, EnvelopeResponse, 0;
        FetchSnapshot, FetchSnapshotResponse, 0;
        BrokerRegistration, BrokerRegistrationResponse, 0;
        BrokerHeartbeat, BrokerHeartbeatResponse, 0;
        UnregisterBroker, UnregisterBrokerResponse, 0;
        AllocateProducerIds, AllocateProducerIdsResponse, 0;
        ControllerRegistration, ControllerRegistrationResponse, 0;
        GetTelemetrySubscriptions, GetTelemetrySubscriptionsResponse, 0;
        PushTelemetry, PushTelemetryResponse, 0;
        AssignReplicasToDirs, AssignReplicasToDirsResponse, 0;
        ListConfigResources, ListConfigResourcesResponse, 0;
        ShareGroupHeartbeat, ShareGroupHeartbeatResponse, 0;
        ShareFetch, ShareFetchResponse, 0;
        ShareAcknowledge, ShareAcknowledgeResponse, 0;
        AddRaftVoter, AddRaftVoterResponse, 0;
        RemoveRaftVoter, RemoveRaftVoterResponse, 0;
        UpdateRaftVoter, UpdateRaftVoterResponse, 0;
        StreamsGroupHeartbeat, StreamsGroupHeartbeatResponse, 0;
        AlterShareGroupOffsets, AlterShareGroupOffsetsResponse, 0;
        DeleteShareGroupOffsets, DeleteShareGroupOffsetsResponse, 0;
        StreamsGroupTopologyDescriptionUpdate, StreamsGroupTopologyDescriptionUpdateResponse, 0;
        UnregisterController, UnregisterControllerResponse, 0;
    )
}

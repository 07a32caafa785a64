//! The answer to a request with one error code in its error fields: at the top level where the
//! response has one, else on every item of the request (topic partition, group, key, resource),
//! shaped as Kafka's `getErrorResponse` of each request shapes it.
//!
//! One module, because three callers need the same shapes: fault injection answers a whole
//! request with the armed code ([`crate::faults`]), an unserved API or version is answered
//! UNSUPPORTED_VERSION ([`super::unsupported`]), and the authorizer refuses a request, or only
//! some of its items, with Kafka's code ([`super::authorization`]). [`answer`] builds the whole
//! answer; the per-item builders below build the error entries for a list of request items, so
//! that an answer for the refused items of a request has the same shape as a whole-request one.
//!
//! Where a response carries an error message, the whole-request answers of the group and admin
//! APIs give the code's name (the stub has no exception text to give); the authorizer gives
//! what Kafka's request handler gives, usually nothing.

use std::collections::BTreeSet;

use kafka_protocol::messages::*;
use kafka_protocol::{ErrorCode, Uuid};

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
        other => return top_level(other, version, code).or_else(|| unserved_items(other, code, named)),
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

/// The share-group state APIs answer per topic id and partition, in one shape for all five.
macro_rules! share_state_error {
    ($request:expr, $code:expr, $message:expr, $module:ident, $response:ident, $result:ident) => {{
        use $module::response as s;
        $response {
            results: $request
                .topics
                .iter()
                .map(|t| s::$result {
                    topic_id: t.topic_id,
                    partitions: t
                        .partitions
                        .iter()
                        .map(|p| s::PartitionResult {
                            partition: p.partition,
                            error_code: $code,
                            error_message: $message.map(str::to_owned),
                            ..Default::default()
                        })
                        .collect(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
        .into()
    }};
}

/// The describe APIs of consumer, share and streams groups answer per group id.
macro_rules! described_groups_error {
    ($request:expr, $code:expr, $message:expr, $module:ident, $response:ident) => {
        $response {
            groups: $request
                .group_ids
                .iter()
                .map(|g| $module::response::DescribedGroup {
                    error_code: $code,
                    error_message: $message.map(str::to_owned),
                    group_id: g.clone(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
        .into()
    };
}

/// The APIs the stub does not serve whose errors live per item.
fn unserved_items(request: &RequestBody, code: i16, message: Option<&str>) -> Option<ResponseBody> {
    let text = || message.map(str::to_owned);
    Some(match request {
        RequestBody::InitializeShareGroupState(r) => share_state_error!(
            r,
            code,
            message,
            initialize_share_group_state,
            InitializeShareGroupStateResponse,
            InitializeStateResult
        ),
        RequestBody::ReadShareGroupState(r) => {
            share_state_error!(r, code, message, read_share_group_state, ReadShareGroupStateResponse, ReadStateResult)
        }
        RequestBody::WriteShareGroupState(r) => share_state_error!(
            r,
            code,
            message,
            write_share_group_state,
            WriteShareGroupStateResponse,
            WriteStateResult
        ),
        RequestBody::DeleteShareGroupState(r) => share_state_error!(
            r,
            code,
            message,
            delete_share_group_state,
            DeleteShareGroupStateResponse,
            DeleteStateResult
        ),
        RequestBody::ReadShareGroupStateSummary(r) => share_state_error!(
            r,
            code,
            message,
            read_share_group_state_summary,
            ReadShareGroupStateSummaryResponse,
            ReadStateSummaryResult
        ),
        RequestBody::ShareGroupDescribe(r) => {
            described_groups_error!(r, code, message, share_group_describe, ShareGroupDescribeResponse)
        }
        RequestBody::StreamsGroupDescribe(r) => {
            described_groups_error!(r, code, message, streams_group_describe, StreamsGroupDescribeResponse)
        }
        RequestBody::DescribeShareGroupOffsets(r) => DescribeShareGroupOffsetsResponse {
            groups: r
                .groups
                .iter()
                .map(|g| describe_share_group_offsets::response::DescribeShareGroupOffsetsResponseGroup {
                    group_id: g.group_id.clone(),
                    error_code: code,
                    error_message: text(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
        .into(),
        RequestBody::AlterReplicaLogDirs(r) => {
            use alter_replica_log_dirs::response as a;
            AlterReplicaLogDirsResponse {
                results: r
                    .dirs
                    .iter()
                    .flat_map(|d| &d.topics)
                    .map(|t| a::AlterReplicaLogDirTopicResult {
                        topic_name: t.name.clone(),
                        partitions: t
                            .partitions
                            .iter()
                            .map(|&p| a::AlterReplicaLogDirPartitionResult {
                                partition_index: p,
                                error_code: code,
                                ..Default::default()
                            })
                            .collect(),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            }
            .into()
        }
        // Version 0 has no top-level error code: every partition asked for carries it.
        RequestBody::ElectLeaders(r) => ElectLeadersResponse {
            replica_election_results: r
                .topic_partitions
                .iter()
                .flatten()
                .map(|t| elect_leaders::response::ReplicaElectionResult {
                    topic: t.topic.clone(),
                    partition_result: t
                        .partitions
                        .iter()
                        .map(|&p| elect_leaders::response::PartitionResult {
                            partition_id: p,
                            error_code: code,
                            error_message: text(),
                            ..Default::default()
                        })
                        .collect(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
        .into(),
        RequestBody::AlterConfigs(r) => AlterConfigsResponse {
            responses: r
                .resources
                .iter()
                .map(|res| alter_configs::response::AlterConfigsResourceResponse {
                    error_code: code,
                    error_message: text(),
                    resource_type: res.resource_type,
                    resource_name: res.resource_name.clone(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
        .into(),
        RequestBody::AlterClientQuotas(r) => {
            use alter_client_quotas::response as q;
            AlterClientQuotasResponse {
                entries: r
                    .entries
                    .iter()
                    .map(|e| q::EntryData {
                        error_code: code,
                        error_message: text(),
                        entity: e
                            .entity
                            .iter()
                            .map(|x| q::EntityData {
                                entity_type: x.entity_type.clone(),
                                entity_name: x.entity_name.clone(),
                                ..Default::default()
                            })
                            .collect(),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            }
            .into()
        }
        RequestBody::DescribeTopicPartitions(r) => DescribeTopicPartitionsResponse {
            topics: r
                .topics
                .iter()
                .map(|t| describe_topic_partitions::response::DescribeTopicPartitionsResponseTopic {
                    error_code: code,
                    name: Some(t.name.clone()),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
        .into(),
        _ => return None,
    })
}

// ---- Per-item error entries ---------------------------------------------------------------

/// One answer entry per request item: `$entry` with the given fields, set from each `$item`,
/// and its defaults elsewhere (Kafka's "no value" where the schema has one: -1 offsets and
/// epochs, no authorized operations).
macro_rules! each {
    ($items:expr, |$item:ident| $($entry:ident)::+ { $($field:ident: $value:expr),* $(,)? }) => {
        $items.iter().map(|$item| $($entry)::+ { $($field: $value,)* ..Default::default() }).collect()
    };
}

/// A Metadata topic refused or failed: no partitions, no authorized operations.
pub(crate) fn metadata_topic(
    name: Option<String>,
    topic_id: Uuid,
    code: i16,
) -> metadata::response::MetadataResponseTopic {
    metadata::response::MetadataResponseTopic { error_code: code, name, topic_id, ..Default::default() }
}

pub(crate) fn produce_topics(
    topics: &[produce::request::TopicProduceData],
    code: i16,
) -> Vec<produce::response::TopicProduceResponse> {
    use produce::response as p;
    each!(topics, |t| p::TopicProduceResponse {
        name: t.name.clone(),
        topic_id: t.topic_id,
        partition_responses: each!(t.partition_data, |d| p::PartitionProduceResponse {
            index: d.index,
            error_code: code,
            base_offset: -1,
        }),
    })
}

pub(crate) fn fetch_topics(
    topics: &[fetch::request::FetchTopic],
    code: i16,
) -> Vec<fetch::response::FetchableTopicResponse> {
    use fetch::response as f;
    each!(topics, |t| f::FetchableTopicResponse {
        topic: t.topic.clone(),
        topic_id: t.topic_id,
        partitions: each!(t.partitions, |p| f::PartitionData {
            partition_index: p.partition,
            error_code: code,
            high_watermark: -1,
            records: Some(bytes::Bytes::new()),
        }),
    })
}

pub(crate) fn list_offsets_topics(
    topics: &[list_offsets::request::ListOffsetsTopic],
    code: i16,
) -> Vec<list_offsets::response::ListOffsetsTopicResponse> {
    use list_offsets::response as l;
    each!(topics, |t| l::ListOffsetsTopicResponse {
        name: t.name.clone(),
        partitions: each!(t.partitions, |p| l::ListOffsetsPartitionResponse {
            partition_index: p.partition_index,
            error_code: code,
        }),
    })
}

pub(crate) fn epoch_topics(
    topics: &[offset_for_leader_epoch::request::OffsetForLeaderTopic],
    code: i16,
) -> Vec<offset_for_leader_epoch::response::OffsetForLeaderTopicResult> {
    use offset_for_leader_epoch::response as o;
    each!(topics, |t| o::OffsetForLeaderTopicResult {
        topic: t.topic.clone(),
        partitions: each!(t.partitions, |p| o::EpochEndOffset { error_code: code, partition: p.partition }),
    })
}

pub(crate) fn delete_records_topics(
    topics: &[delete_records::request::DeleteRecordsTopic],
    code: i16,
) -> Vec<delete_records::response::DeleteRecordsTopicResult> {
    use delete_records::response as d;
    each!(topics, |t| d::DeleteRecordsTopicResult {
        name: t.name.clone(),
        partitions: each!(t.partitions, |p| d::DeleteRecordsPartitionResult {
            partition_index: p.partition_index,
            low_watermark: -1,
            error_code: code,
        }),
    })
}

pub(crate) fn describe_producers_topics(
    topics: &[describe_producers::request::TopicRequest],
    code: i16,
) -> Vec<describe_producers::response::TopicResponse> {
    use describe_producers::response as d;
    each!(topics, |t| d::TopicResponse {
        name: t.name.clone(),
        partitions: each!(t.partition_indexes, |p| d::PartitionResponse { partition_index: *p, error_code: code }),
    })
}

pub(crate) fn coordinator(key: String, code: i16, message: Option<&str>) -> find_coordinator::response::Coordinator {
    find_coordinator::response::Coordinator {
        key,
        node_id: -1,
        host: String::new(),
        port: -1,
        error_code: code,
        error_message: message.map(str::to_owned),
        ..Default::default()
    }
}

pub(crate) fn described_group(
    group_id: &str,
    code: i16,
    message: Option<&str>,
) -> describe_groups::response::DescribedGroup {
    describe_groups::response::DescribedGroup {
        group_id: group_id.to_owned(),
        error_code: code,
        error_message: message.map(str::to_owned),
        ..Default::default()
    }
}

pub(crate) fn consumer_described_group(
    group_id: &str,
    code: i16,
    message: Option<&str>,
) -> consumer_group_describe::response::DescribedGroup {
    consumer_group_describe::response::DescribedGroup {
        group_id: group_id.to_owned(),
        error_code: code,
        error_message: message.map(str::to_owned),
        ..Default::default()
    }
}

pub(crate) fn deleted_groups(
    groups: &[String],
    code: i16,
    message: Option<&str>,
) -> Vec<delete_groups::response::DeletableGroupResult> {
    each!(groups, |g| delete_groups::response::DeletableGroupResult {
        group_id: g.clone(),
        error_code: code,
        error_message: message.map(str::to_owned),
    })
}

pub(crate) fn offset_commit_topics(
    topics: &[offset_commit::request::OffsetCommitRequestTopic],
    code: i16,
) -> Vec<offset_commit::response::OffsetCommitResponseTopic> {
    use offset_commit::response as o;
    // The request names each topic by name (v0-9) or by id (v10+), and the answer alike.
    each!(topics, |t| o::OffsetCommitResponseTopic {
        name: t.name.clone(),
        topic_id: t.topic_id,
        partitions: each!(t.partitions, |p| o::OffsetCommitResponsePartition {
            partition_index: p.partition_index,
            error_code: code,
        }),
    })
}

pub(crate) fn txn_offset_commit_topics(
    topics: &[txn_offset_commit::request::TxnOffsetCommitRequestTopic],
    code: i16,
) -> Vec<txn_offset_commit::response::TxnOffsetCommitResponseTopic> {
    use txn_offset_commit::response as o;
    each!(topics, |t| o::TxnOffsetCommitResponseTopic {
        name: t.name.clone(),
        topic_id: t.topic_id,
        partitions: each!(t.partitions, |p| o::TxnOffsetCommitResponsePartition {
            partition_index: p.partition_index,
            error_code: code,
        }),
    })
}

pub(crate) fn offset_delete_topics(
    topics: &[offset_delete::request::OffsetDeleteRequestTopic],
    code: i16,
) -> Vec<offset_delete::response::OffsetDeleteResponseTopic> {
    use offset_delete::response as o;
    each!(topics, |t| o::OffsetDeleteResponseTopic {
        name: t.name.clone(),
        partitions: each!(t.partitions, |p| o::OffsetDeleteResponsePartition {
            partition_index: p.partition_index,
            error_code: code,
        }),
    })
}

pub(crate) fn offset_fetch_group(group_id: String, code: i16) -> offset_fetch::response::OffsetFetchResponseGroup {
    offset_fetch::response::OffsetFetchResponseGroup { group_id, error_code: code, ..Default::default() }
}

/// OffsetFetch v0-7 topics: every partition with no offset and the code.
pub(crate) fn offset_fetch_topics(
    topics: &[offset_fetch::request::OffsetFetchRequestTopic],
    code: i16,
) -> Vec<offset_fetch::response::OffsetFetchResponseTopic> {
    use offset_fetch::response as o;
    each!(topics, |t| o::OffsetFetchResponseTopic {
        name: t.name.clone(),
        partitions: each!(t.partition_indexes, |p| o::OffsetFetchResponsePartition {
            partition_index: *p,
            committed_offset: -1,
            error_code: code,
        }),
    })
}

/// OffsetFetch v8+ topics of one group, the same way.
pub(crate) fn offset_fetch_group_topics(
    topics: &[offset_fetch::request::OffsetFetchRequestTopics],
    code: i16,
) -> Vec<offset_fetch::response::OffsetFetchResponseTopics> {
    use offset_fetch::response as o;
    each!(topics, |t| o::OffsetFetchResponseTopics {
        name: t.name.clone(),
        topic_id: t.topic_id,
        partitions: each!(t.partition_indexes, |p| o::OffsetFetchResponsePartitions {
            partition_index: *p,
            committed_offset: -1,
            error_code: code,
        }),
    })
}

/// AddPartitionsToTxn v0-3 topics, each partition with its topic's code.
pub(crate) fn txn_partitions(
    topics: &[add_partitions_to_txn::request::AddPartitionsToTxnTopic],
    code: impl Fn(&str) -> i16,
) -> Vec<add_partitions_to_txn::response::AddPartitionsToTxnTopicResult> {
    use add_partitions_to_txn::response as a;
    each!(topics, |t| a::AddPartitionsToTxnTopicResult {
        name: t.name.clone(),
        results_by_partition: each!(t.partitions, |p| a::AddPartitionsToTxnPartitionResult {
            partition_index: *p,
            partition_error_code: code(&t.name),
        }),
    })
}

pub(crate) fn transaction_state(
    transactional_id: String,
    code: i16,
) -> describe_transactions::response::TransactionState {
    describe_transactions::response::TransactionState { error_code: code, transactional_id, ..Default::default() }
}

pub(crate) fn created_topics(
    topics: &[create_topics::request::CreatableTopic],
    code: i16,
    message: Option<&str>,
) -> Vec<create_topics::response::CreatableTopicResult> {
    each!(topics, |t| create_topics::response::CreatableTopicResult {
        name: t.name.clone(),
        error_code: code,
        error_message: message.map(str::to_owned),
        configs: None,
    })
}

pub(crate) fn deleted_topic(
    name: Option<String>,
    topic_id: Uuid,
    code: i16,
) -> delete_topics::response::DeletableTopicResult {
    delete_topics::response::DeletableTopicResult { name, topic_id, error_code: code, ..Default::default() }
}

pub(crate) fn created_partitions(
    topics: &[create_partitions::request::CreatePartitionsTopic],
    code: i16,
    message: Option<&str>,
) -> Vec<create_partitions::response::CreatePartitionsTopicResult> {
    each!(topics, |t| create_partitions::response::CreatePartitionsTopicResult {
        name: t.name.clone(),
        error_code: code,
        error_message: message.map(str::to_owned),
    })
}

/// DescribeConfigs resources, each with the code `code` gives it.
pub(crate) fn described_configs(
    resources: &[describe_configs::request::DescribeConfigsResource],
    code: impl Fn(&describe_configs::request::DescribeConfigsResource) -> i16,
    message: Option<&str>,
) -> Vec<describe_configs::response::DescribeConfigsResult> {
    each!(resources, |r| describe_configs::response::DescribeConfigsResult {
        error_code: code(r),
        error_message: message.map(str::to_owned),
        resource_type: r.resource_type,
        resource_name: r.resource_name.clone(),
    })
}

/// IncrementalAlterConfigs resources, each with the code `code` gives it.
pub(crate) fn altered_configs(
    resources: &[incremental_alter_configs::request::AlterConfigsResource],
    code: impl Fn(&incremental_alter_configs::request::AlterConfigsResource) -> i16,
    message: Option<&str>,
) -> Vec<incremental_alter_configs::response::AlterConfigsResourceResponse> {
    each!(resources, |r| incremental_alter_configs::response::AlterConfigsResourceResponse {
        error_code: code(r),
        error_message: message.map(str::to_owned),
        resource_type: r.resource_type,
        resource_name: r.resource_name.clone(),
    })
}

pub(crate) fn acl_creations(
    creations: &[create_acls::request::AclCreation],
    code: i16,
    message: Option<&str>,
) -> Vec<create_acls::response::AclCreationResult> {
    each!(creations, |_c| create_acls::response::AclCreationResult {
        error_code: code,
        error_message: message.map(str::to_owned),
    })
}

pub(crate) fn acl_deletions(
    filters: &[delete_acls::request::DeleteAclsFilter],
    code: i16,
    message: Option<&str>,
) -> Vec<delete_acls::response::DeleteAclsFilterResult> {
    each!(filters, |_f| delete_acls::response::DeleteAclsFilterResult {
        error_code: code,
        error_message: message.map(str::to_owned),
    })
}

/// AlterUserScramCredentials: one result per user the request names, in the order first named.
pub(crate) fn scram_users(
    request: &AlterUserScramCredentialsRequest,
    code: i16,
    message: Option<&str>,
) -> Vec<alter_user_scram_credentials::response::AlterUserScramCredentialsResult> {
    let users = request.deletions.iter().map(|d| &d.name).chain(request.upsertions.iter().map(|u| &u.name));
    let mut seen = BTreeSet::new();
    let users: Vec<&String> = users.filter(|u| seen.insert(u.as_str())).collect();
    each!(users, |user| alter_user_scram_credentials::response::AlterUserScramCredentialsResult {
        user: (*user).clone(),
        error_code: code,
        error_message: message.map(str::to_owned),
    })
}

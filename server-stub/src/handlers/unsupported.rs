//! The answer to a request the stub does not serve: an API it does not implement, or a version
//! of a served API it does not advertise. As the issue asks (and unlike Kafka, which closes the
//! connection), such a request is decoded and answered at its own version with
//! UNSUPPORTED_VERSION where its response can carry an error:
//!
//! - a served API at an unserved version: every error field, shaped as fault injection shapes
//!   them ([`crate::faults::error_response`]: per partition, group or key where Kafka puts
//!   errors there);
//! - an unserved API whose response has a top-level `error_code` at that version: that field;
//! - an unserved API whose errors live per item: the request's items echoed with the code, for
//!   the APIs listed in [`per_item`].
//!
//! Any other request (a response with no error field at that version: DescribeLogDirs v0-2)
//! closes the connection.

use kafka_protocol::messages::*;
use kafka_protocol::ErrorCode;

/// The UNSUPPORTED_VERSION answer to `request` at `version`, or `None` if its response cannot
/// carry the error (the caller closes the connection).
pub(crate) fn response(request: &RequestBody, version: i16, brokers: MetadataResponse) -> Option<ResponseBody> {
    let code = ErrorCode::UNSUPPORTED_VERSION.0;
    crate::faults::error_response(request, version, code, brokers)
        .or_else(|| top_level(request, version, code))
        .or_else(|| per_item(request, code))
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
                            error_message: $message(),
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
    ($request:expr, $code:expr, $message:expr, $described:path, $response:ident) => {
        $response {
            groups: $request
                .group_ids
                .iter()
                .map(|g| {
                    use $described as Described;
                    Described {
                        error_code: $code,
                        error_message: $message(),
                        group_id: g.clone(),
                        ..Default::default()
                    }
                })
                .collect(),
            ..Default::default()
        }
        .into()
    };
}
pub(crate) use described_groups_error;

/// Responses whose errors live per item: every item of the request comes back with the code,
/// as Kafka's `getErrorResponse` of each request shapes it.
fn per_item(request: &RequestBody, code: i16) -> Option<ResponseBody> {
    let message = || Some(ErrorCode(code).name().to_owned());
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
            described_groups_error!(
                r,
                code,
                message,
                share_group_describe::response::DescribedGroup,
                ShareGroupDescribeResponse
            )
        }
        RequestBody::StreamsGroupDescribe(r) => {
            described_groups_error!(
                r,
                code,
                message,
                streams_group_describe::response::DescribedGroup,
                StreamsGroupDescribeResponse
            )
        }
        RequestBody::DescribeShareGroupOffsets(r) => DescribeShareGroupOffsetsResponse {
            groups: r
                .groups
                .iter()
                .map(|g| describe_share_group_offsets::response::DescribeShareGroupOffsetsResponseGroup {
                    group_id: g.group_id.clone(),
                    error_code: code,
                    error_message: message(),
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
                            error_message: message(),
                            ..Default::default()
                        })
                        .collect(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
        .into(),
        RequestBody::CreateAcls(r) => CreateAclsResponse {
            results: r
                .creations
                .iter()
                .map(|_| create_acls::response::AclCreationResult {
                    error_code: code,
                    error_message: message(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
        .into(),
        RequestBody::DeleteAcls(r) => DeleteAclsResponse {
            filter_results: r
                .filters
                .iter()
                .map(|_| delete_acls::response::DeleteAclsFilterResult {
                    error_code: code,
                    error_message: message(),
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
                    error_message: message(),
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
                        error_message: message(),
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
        RequestBody::AlterUserScramCredentials(r) => {
            let users: std::collections::BTreeSet<&str> = r
                .deletions
                .iter()
                .map(|d| d.name.as_str())
                .chain(r.upsertions.iter().map(|u| u.name.as_str()))
                .collect();
            AlterUserScramCredentialsResponse {
                results: users
                    .into_iter()
                    .map(|user| alter_user_scram_credentials::response::AlterUserScramCredentialsResult {
                        user: user.to_owned(),
                        error_code: code,
                        error_message: message(),
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

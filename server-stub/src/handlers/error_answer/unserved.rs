//! Error answers of the APIs the stub does not serve whose errors live per item.

use kfk_protocol::messages::*;

/// The share-group state APIs answer per topic id and partition, in one shape for all five.
macro_rules! share_state_error {
    ($request:expr, $code:expr, $message:expr, $module:ident, $response:ident, $result:ident) => {{
        use $module::response as s;
        $response {
            results: each!($request.topics, |t| s::$result {
                topic_id: t.topic_id,
                partitions: each!(t.partitions, |p| s::PartitionResult {
                    partition: p.partition,
                    error_code: $code,
                    error_message: $message.map(str::to_owned),
                }),
            }),
            ..Default::default()
        }
        .into()
    }};
}

/// The describe APIs of share and streams groups answer per group id.
macro_rules! described_groups_error {
    ($request:expr, $code:expr, $message:expr, $module:ident, $response:ident) => {
        $response {
            groups: each!($request.group_ids, |g| $module::response::DescribedGroup {
                error_code: $code,
                error_message: $message.map(str::to_owned),
                group_id: g.clone(),
            }),
            ..Default::default()
        }
        .into()
    };
}

/// The APIs the stub does not serve whose errors live per item.
pub(super) fn unserved_items(request: &RequestBody, code: i16, message: Option<&str>) -> Option<ResponseBody> {
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
        RequestBody::DescribeShareGroupOffsets(r) => {
            use describe_share_group_offsets::response as d;
            DescribeShareGroupOffsetsResponse {
                groups: each!(r.groups, |g| d::DescribeShareGroupOffsetsResponseGroup {
                    group_id: g.group_id.clone(),
                    error_code: code,
                    error_message: text(),
                }),
                ..Default::default()
            }
            .into()
        }
        RequestBody::AlterReplicaLogDirs(r) => {
            use alter_replica_log_dirs::response as a;
            let topics: Vec<_> = r.dirs.iter().flat_map(|d| &d.topics).collect();
            AlterReplicaLogDirsResponse {
                results: each!(topics, |t| a::AlterReplicaLogDirTopicResult {
                    topic_name: t.name.clone(),
                    partitions: each!(t.partitions, |p| a::AlterReplicaLogDirPartitionResult {
                        partition_index: *p,
                        error_code: code,
                    }),
                }),
                ..Default::default()
            }
            .into()
        }
        // Version 0 has no top-level error code: every partition asked for carries it.
        RequestBody::ElectLeaders(r) => {
            use elect_leaders::response as e;
            let topics = r.topic_partitions.as_deref().unwrap_or_default();
            ElectLeadersResponse {
                replica_election_results: each!(topics, |t| e::ReplicaElectionResult {
                    topic: t.topic.clone(),
                    partition_result: each!(t.partitions, |p| e::PartitionResult {
                        partition_id: *p,
                        error_code: code,
                        error_message: text(),
                    }),
                }),
                ..Default::default()
            }
            .into()
        }
        RequestBody::AlterConfigs(r) => AlterConfigsResponse {
            responses: each!(r.resources, |res| alter_configs::response::AlterConfigsResourceResponse {
                error_code: code,
                error_message: text(),
                resource_type: res.resource_type,
                resource_name: res.resource_name.clone(),
            }),
            ..Default::default()
        }
        .into(),
        RequestBody::AlterClientQuotas(r) => {
            use alter_client_quotas::response as q;
            AlterClientQuotasResponse {
                entries: each!(r.entries, |e| q::EntryData {
                    error_code: code,
                    error_message: text(),
                    entity: each!(e.entity, |x| q::EntityData {
                        entity_type: x.entity_type.clone(),
                        entity_name: x.entity_name.clone(),
                    }),
                }),
                ..Default::default()
            }
            .into()
        }
        RequestBody::DescribeTopicPartitions(r) => DescribeTopicPartitionsResponse {
            topics: each!(r.topics, |t| describe_topic_partitions::response::DescribeTopicPartitionsResponseTopic {
                error_code: code,
                name: Some(t.name.clone()),
            }),
            ..Default::default()
        }
        .into(),
        _ => return None,
    })
}

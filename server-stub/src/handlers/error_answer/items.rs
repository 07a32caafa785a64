//! The error entries for a list of request items: one builder per kind of item (the topics
//! and partitions of a Produce, the keys of a FindCoordinator, the resources of a
//! DescribeConfigs, ...), shared by whole-request answers and the authorizer's refusals of
//! some items.

use std::collections::BTreeSet;

use kfk_protocol::messages::*;
use kfk_protocol::Uuid;

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

//! Topic data: Produce, Fetch, ListOffsets, OffsetForLeaderEpoch, Metadata, DeleteRecords,
//! DescribeProducers.

use std::collections::HashSet;
use std::sync::Arc;

use kfk_protocol::messages::{
    DeleteRecordsRequest, DescribeProducersRequest, FetchRequest, FetchResponse, ListOffsetsRequest, MetadataRequest,
    OffsetForLeaderEpochRequest, ProduceRequest, RequestBody, ResponseBody,
};
use kfk_protocol::{ErrorCode, Uuid};

use super::{authorized_operations, existing_topics, topic_names, whole};
use crate::handlers::{self, error_answer, metadata::brokers_only, Ctx, Served};
use crate::security::acl::{AclOperation, ResourceType, CLUSTER_NAME};
use crate::state::Shared;

const TOPIC_DENIED: i16 = ErrorCode::TOPIC_AUTHORIZATION_FAILED.0;

/// Whether the first batch of a partition's records is transactional (Kafka looks at the
/// first batch of each partition): magic 2 and bit 4 of the attributes.
fn transactional(records: &[u8]) -> bool {
    const MAGIC: usize = 16;
    const ATTRIBUTES: usize = 21;
    records.get(MAGIC).is_some_and(|magic| *magic >= 2)
        && records.get(ATTRIBUTES..ATTRIBUTES + 2).is_some_and(|a| u16::from_be_bytes([a[0], a[1]]) & 0x10 != 0)
}

pub(super) async fn produce(shared: &Arc<Shared>, ctx: &Ctx, mut request: ProduceRequest) -> Served {
    let has_transactional = request
        .topic_data
        .iter()
        .flat_map(|t| &t.partition_data)
        .any(|p| p.records.as_deref().is_some_and(transactional));
    if has_transactional
        && !request
            .transactional_id
            .as_deref()
            .is_some_and(|id| ctx.allows(AclOperation::Write, ResourceType::TransactionalId, id))
    {
        return whole(shared, ctx, &RequestBody::Produce(request), ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    }
    let names = topic_names(shared, request.topic_data.iter().map(|t| t.topic_id));
    let name_of = |name: &str, id: Uuid| names.get(&id).cloned().unwrap_or_else(|| name.to_owned());
    let (allowed, denied): (Vec<_>, Vec<_>) = std::mem::take(&mut request.topic_data).into_iter().partition(|t| {
        // An unknown topic id (v13+) is the handler's to answer (UNKNOWN_TOPIC_ID).
        let unknown_id = t.topic_id != Uuid::ZERO && !names.contains_key(&t.topic_id);
        unknown_id || ctx.allows(AclOperation::Write, ResourceType::Topic, &name_of(&t.name, t.topic_id))
    });
    if denied.is_empty() {
        request.topic_data = allowed;
        return handlers::serve(shared, ctx, RequestBody::Produce(request)).await;
    }
    for t in &denied {
        tracing::debug!(principal = %ctx.principal, topic = %name_of(&t.name, t.topic_id), "produce: not authorized");
    }
    if request.acks == 0 {
        // acks=0 has no answer to carry the error: Kafka closes the connection.
        return Served::Close;
    }
    let errors = error_answer::produce_topics(&denied, TOPIC_DENIED);
    let mut response = if allowed.is_empty() {
        kfk_protocol::messages::ProduceResponse::default()
    } else {
        request.topic_data = allowed;
        served!(shared, ctx, Produce(request))
    };
    response.responses.extend(errors);
    Served::Reply(response.into())
}

pub(super) async fn fetch(shared: &Arc<Shared>, ctx: &Ctx, mut request: FetchRequest) -> Served {
    let replica = request.replica_id >= 0 || request.replica_state.replica_id >= 0;
    let names = topic_names(shared, request.topics.iter().map(|t| t.topic_id));
    let name_of = |name: &str, id: Uuid| names.get(&id).cloned().unwrap_or_else(|| name.to_owned());
    let all_denied = replica && !ctx.allows_cluster(AclOperation::ClusterAction);
    let unknown_id =
        |t: &kfk_protocol::messages::fetch::request::FetchTopic| ctx.version >= 13 && !names.contains_key(&t.topic_id);
    let (allowed, denied): (Vec<_>, Vec<_>) = std::mem::take(&mut request.topics).into_iter().partition(|t| {
        // An unknown topic id is the handler's to answer (UNKNOWN_TOPIC_ID).
        unknown_id(t)
            || (!all_denied
                && (replica || ctx.allows(AclOperation::Read, ResourceType::Topic, &name_of(&t.topic, t.topic_id))))
    });
    if !denied.is_empty() && allowed.is_empty() {
        // Nothing left to wait for: Kafka answers at once.
        request.max_wait_ms = 0;
    }
    request.topics = allowed;
    let mut response: FetchResponse = served!(shared, ctx, Fetch(request));
    if response.error_code != 0 {
        return Served::Reply(response.into());
    }
    response.responses.extend(error_answer::fetch_topics(&denied, TOPIC_DENIED));
    Served::Reply(response.into())
}

pub(super) async fn list_offsets(shared: &Arc<Shared>, ctx: &Ctx, mut request: ListOffsetsRequest) -> Served {
    per_item!(
        shared,
        ctx,
        ListOffsets(request).topics => topics,
        |t| ctx.allows(AclOperation::Describe, ResourceType::Topic, &t.name),
        |denied| error_answer::list_offsets_topics(denied, TOPIC_DENIED)
    )
}

pub(super) async fn offset_for_leader_epoch(
    shared: &Arc<Shared>,
    ctx: &Ctx,
    mut request: OffsetForLeaderEpochRequest,
) -> Served {
    let cluster = ctx.allows_cluster(AclOperation::ClusterAction);
    per_item!(
        shared,
        ctx,
        OffsetForLeaderEpoch(request).topics => topics,
        |t| cluster || ctx.allows(AclOperation::Describe, ResourceType::Topic, &t.topic),
        |denied| error_answer::epoch_topics(denied, TOPIC_DENIED)
    )
}

pub(super) async fn metadata(shared: &Arc<Shared>, ctx: &Ctx, mut request: MetadataRequest) -> Served {
    let all_topics = match &request.topics {
        None => true,
        Some(t) => t.is_empty() && ctx.version == 0,
    };
    let mut denied: Vec<String> = Vec::new();
    let mut create_denied: Vec<String> = Vec::new();
    if let Some(topics) = request.topics.as_mut().filter(|_| !all_topics) {
        // Topics asked for by id (v12+) are checked on the answer, by the name found.
        let (allowed, refused): (Vec<_>, Vec<_>) = std::mem::take(topics).into_iter().partition(|t| {
            t.name.as_deref().is_none_or(|name| ctx.allows(AclOperation::Describe, ResourceType::Topic, name))
        });
        denied = refused.into_iter().filter_map(|t| t.name).collect();
        *topics = allowed;
        let auto_create = request.allow_auto_topic_creation && shared.config.auto_create_topics;
        if auto_create && !ctx.allows_cluster(AclOperation::Create) {
            let named: Vec<&str> = topics.iter().filter_map(|t| t.name.as_deref()).collect();
            let existing: HashSet<String> = existing_topics(shared, named.iter().copied()).into_iter().collect();
            let (keep, refused): (Vec<_>, Vec<_>) = std::mem::take(topics).into_iter().partition(|t| {
                t.name.as_deref().is_none_or(|name| {
                    existing.contains(name) || ctx.allows(AclOperation::Create, ResourceType::Topic, name)
                })
            });
            create_denied = refused.into_iter().filter_map(|t| t.name).collect();
            *topics = keep;
        }
    }
    let nothing_left = !all_topics && request.topics.as_ref().is_some_and(|t| t.is_empty());
    let include_topic_operations = ctx.version >= 8 && request.include_topic_authorized_operations;
    let include_cluster_operations = (8..=10).contains(&ctx.version) && request.include_cluster_authorized_operations;
    let mut response = if nothing_left {
        // An empty list means every topic in v0: answer without asking the handler.
        brokers_only(shared, ctx.listener, ctx.version)
    } else {
        served!(shared, ctx, Metadata(request))
    };
    let served = std::mem::take(&mut response.topics);
    let by_id = topic_names(shared, served.iter().filter(|t| t.name.is_none()).map(|t| t.topic_id));
    for mut topic in served {
        let name = topic.name.clone().or_else(|| by_id.get(&topic.topic_id).cloned());
        let visible = name.as_deref().is_none_or(|n| ctx.allows(AclOperation::Describe, ResourceType::Topic, n));
        if !visible {
            if !all_topics {
                // Asked for by id: the id is no secret, the name is.
                response.topics.push(error_answer::metadata_topic(None, topic.topic_id, TOPIC_DENIED));
            }
            continue;
        }
        if include_topic_operations && topic.error_code == 0 {
            if let Some(n) = &name {
                topic.topic_authorized_operations = authorized_operations(ctx, ResourceType::Topic, n);
            }
        }
        response.topics.push(topic);
    }
    response
        .topics
        .extend(create_denied.into_iter().map(|n| error_answer::metadata_topic(Some(n), Uuid::ZERO, TOPIC_DENIED)));
    response.topics.extend(denied.into_iter().map(|n| error_answer::metadata_topic(Some(n), Uuid::ZERO, TOPIC_DENIED)));
    if include_cluster_operations {
        response.cluster_authorized_operations = if ctx.allows_cluster(AclOperation::Describe) {
            authorized_operations(ctx, ResourceType::Cluster, CLUSTER_NAME)
        } else {
            0
        };
    }
    Served::Reply(response.into())
}

pub(super) async fn delete_records(shared: &Arc<Shared>, ctx: &Ctx, mut request: DeleteRecordsRequest) -> Served {
    per_item!(
        shared,
        ctx,
        DeleteRecords(request).topics => topics,
        |t| ctx.allows(AclOperation::Delete, ResourceType::Topic, &t.name),
        |denied| error_answer::delete_records_topics(denied, TOPIC_DENIED)
    )
}

pub(super) async fn describe_producers(
    shared: &Arc<Shared>,
    ctx: &Ctx,
    mut request: DescribeProducersRequest,
) -> Served {
    per_item!(
        shared,
        ctx,
        DescribeProducers(request).topics => topics,
        |t| ctx.allows(AclOperation::Read, ResourceType::Topic, &t.name),
        |denied| error_answer::describe_producers_topics(denied, TOPIC_DENIED)
    )
}

#[cfg(test)]
mod tests {
    use kfk_protocol::compression::Compression;
    use kfk_protocol::records::RecordBatchBuilder;

    use super::transactional;

    fn batch(transactional: bool) -> bytes::Bytes {
        let mut b = RecordBatchBuilder::new(Compression::None).with_producer(1, 0, 0).with_transactional(transactional);
        b.append(1, None, Some(b"v")).expect("append");
        b.build().expect("build")
    }

    #[test]
    fn only_a_transactional_first_batch_counts() {
        assert!(transactional(&batch(true)));
        assert!(!transactional(&batch(false)));
        let mut both = batch(false).to_vec();
        both.extend_from_slice(&batch(true));
        assert!(!transactional(&both), "Kafka looks at the first batch only");
    }

    #[test]
    fn short_or_old_records_are_not_transactional() {
        let whole = batch(true);
        for len in 0..23 {
            assert!(!transactional(&whole[..len]), "{len} bytes");
        }
        let mut magic_1 = whole.to_vec();
        magic_1[16] = 1;
        assert!(!transactional(&magic_1));
    }
}

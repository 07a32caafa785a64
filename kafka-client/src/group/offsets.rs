//! A group's committed offsets: committing them (OffsetCommit) and reading them back
//! (OffsetFetch), on a connection to the group's coordinator (found by
//! [`Cluster::coordinator`]).

use std::collections::HashMap;

use kfk_protocol::messages::offset_commit::request::{OffsetCommitRequestPartition, OffsetCommitRequestTopic};
use kfk_protocol::messages::offset_fetch::request::{
    OffsetFetchRequestGroup, OffsetFetchRequestTopic, OffsetFetchRequestTopics,
};
use kfk_protocol::messages::{ApiKey, OffsetCommitRequest, OffsetFetchRequest};
use kfk_protocol::ErrorCode;

use crate::cluster::{Cluster, MetadataRef};
use crate::error::{Error, ErrorContext, Result};
use crate::net::Connection;
use crate::types::{Membership, OffsetAndMetadata, TopicPartition};

/// Metadata that knows every topic in `topics` (newer OffsetCommit/OffsetFetch versions name
/// topics by id), refreshing once if one is missing.
async fn metadata_for<'a>(cluster: &Cluster, topics: impl Iterator<Item = &'a str> + Clone) -> Result<MetadataRef> {
    let metadata = cluster.metadata();
    if topics.clone().all(|t| metadata.topic(t).is_some()) {
        return Ok(metadata);
    }
    cluster.track_topics(topics);
    cluster.refresh().await
}

/// Commits `offsets` (next offset to read, per partition) for the group.
pub async fn commit(
    conn: &Connection,
    cluster: &Cluster,
    member: &Membership,
    offsets: &[(TopicPartition, OffsetAndMetadata)],
) -> Result<()> {
    if offsets.is_empty() {
        return Ok(());
    }
    let metadata = metadata_for(cluster, offsets.iter().map(|(tp, _)| &*tp.topic)).await?;
    let mut topics: Vec<OffsetCommitRequestTopic> = Vec::new();
    for (tp, offset) in offsets {
        let partition = OffsetCommitRequestPartition {
            partition_index: tp.partition,
            committed_offset: offset.offset,
            committed_leader_epoch: offset.wire_epoch(),
            committed_metadata: Some(offset.metadata.clone()),
            ..Default::default()
        };
        match topics.iter_mut().find(|t| t.name == *tp.topic) {
            Some(t) => t.partitions.push(partition),
            None => topics.push(OffsetCommitRequestTopic {
                name: tp.topic.to_string(),
                topic_id: metadata.topic(&tp.topic).map(|t| t.id).unwrap_or_default(),
                partitions: vec![partition],
                ..Default::default()
            }),
        }
    }
    let request = OffsetCommitRequest {
        group_id: member.group_id.clone(),
        generation_id_or_member_epoch: member.generation,
        member_id: member.member_id.clone(),
        group_instance_id: member.instance_id.clone(),
        retention_time_ms: -1,
        topics,
        ..Default::default()
    };
    let ids_known = request.topics.iter().all(|t| t.topic_id != kfk_protocol::Uuid::ZERO);
    let version = conn.version_for(ApiKey::OffsetCommit)?.min(if ids_known { i16::MAX } else { 9 });
    let started = std::time::Instant::now();
    let response = conn.send_at(&request, version).await?;
    cluster.metrics().consumer().committed(started.elapsed());
    for topic in &response.topics {
        for p in &topic.partitions {
            if let Some(code) = ErrorCode(p.error_code).err() {
                return Err(Error::kafka(
                    code,
                    None,
                    ErrorContext::request(ApiKey::OffsetCommit)
                        .with_partition(&*topic.name, p.partition_index)
                        .with_group(&*member.group_id),
                ));
            }
        }
    }
    Ok(())
}

/// The committed offsets of `partitions` (`None`: nothing committed).
pub async fn fetch(
    conn: &Connection,
    cluster: &Cluster,
    group_id: &str,
    partitions: &[TopicPartition],
) -> Result<HashMap<TopicPartition, Option<OffsetAndMetadata>>> {
    let mut by_topic: Vec<(String, Vec<i32>)> = Vec::new();
    for tp in partitions {
        match by_topic.iter_mut().find(|(t, _)| t.as_str() == &*tp.topic) {
            Some((_, list)) => list.push(tp.partition),
            None => by_topic.push((tp.topic.to_string(), vec![tp.partition])),
        }
    }
    let metadata = metadata_for(cluster, partitions.iter().map(|tp| &*tp.topic)).await?;
    // Version 10 names topics by id only: use it when every topic's id is known.
    let ids_known = by_topic.iter().all(|(t, _)| metadata.topic(t).is_some_and(|m| m.id != kfk_protocol::Uuid::ZERO));
    let version = conn.version_for(ApiKey::OffsetFetch)?.min(if ids_known { i16::MAX } else { 9 });
    let request = if version >= 8 {
        OffsetFetchRequest {
            groups: vec![OffsetFetchRequestGroup {
                group_id: group_id.into(),
                topics: Some(
                    by_topic
                        .iter()
                        .map(|(t, ps)| OffsetFetchRequestTopics {
                            name: t.clone(),
                            topic_id: metadata.topic(t).map(|m| m.id).unwrap_or_default(),
                            partition_indexes: ps.clone(),
                            ..Default::default()
                        })
                        .collect(),
                ),
                ..Default::default()
            }],
            require_stable: true,
            ..Default::default()
        }
    } else {
        OffsetFetchRequest {
            group_id: group_id.into(),
            topics: Some(
                by_topic
                    .iter()
                    .map(|(t, ps)| OffsetFetchRequestTopic {
                        name: t.clone(),
                        partition_indexes: ps.clone(),
                        ..Default::default()
                    })
                    .collect(),
            ),
            require_stable: version >= 7,
            ..Default::default()
        }
    };
    let response = conn.send_at(&request, version).await?;
    let mut out = HashMap::new();
    let context = || ErrorContext::request(ApiKey::OffsetFetch).with_group(group_id);
    if version >= 8 {
        for group in &response.groups {
            if let Some(code) = ErrorCode(group.error_code).err() {
                return Err(Error::kafka(code, None, context()));
            }
            for topic in &group.topics {
                let name = if topic.name.is_empty() {
                    metadata
                        .topics
                        .values()
                        .find(|t| t.id == topic.topic_id)
                        .map(|t| t.name.clone())
                        .unwrap_or_default()
                } else {
                    topic.name.clone()
                };
                for p in &topic.partitions {
                    if let Some(code) = ErrorCode(p.error_code).err() {
                        return Err(Error::kafka(code, None, context()));
                    }
                    out.insert(
                        TopicPartition::new(&name, p.partition_index),
                        OffsetAndMetadata::from_wire(
                            p.committed_offset,
                            p.committed_leader_epoch,
                            p.metadata.as_deref(),
                        ),
                    );
                }
            }
        }
    } else {
        if let Some(code) = ErrorCode(response.error_code).err() {
            return Err(Error::kafka(code, None, context()));
        }
        for topic in &response.topics {
            for p in &topic.partitions {
                if let Some(code) = ErrorCode(p.error_code).err() {
                    return Err(Error::kafka(code, None, context()));
                }
                out.insert(
                    TopicPartition::new(&topic.name, p.partition_index),
                    OffsetAndMetadata::from_wire(p.committed_offset, p.committed_leader_epoch, p.metadata.as_deref()),
                );
            }
        }
    }
    Ok(out)
}

//! OffsetCommit, OffsetFetch and OffsetDelete.
//!
//! As Kafka's request layer does, topics and partitions are checked against the metadata first
//! (UNKNOWN_TOPIC_OR_PARTITION, or UNKNOWN_TOPIC_ID for v10's topic ids) and only the rest goes
//! to the coordinator; a commit with nothing valid left never reaches it. OffsetFetch does not
//! check names (an unknown topic has no committed offset: -1); v8+ fetches for several groups,
//! each with its own error; a null topic list fetches everything the group committed.
//! With `require_stable` (v7+), a partition whose offset an open transaction holds pending is
//! answered UNSTABLE_OFFSET_COMMIT (retriable), as Kafka does.

use std::collections::HashMap;

use kfk_protocol::messages::offset_commit::response::{OffsetCommitResponsePartition, OffsetCommitResponseTopic};
use kfk_protocol::messages::offset_delete::response::{OffsetDeleteResponsePartition, OffsetDeleteResponseTopic};
use kfk_protocol::messages::offset_fetch::response::{
    OffsetFetchResponseGroup, OffsetFetchResponsePartition, OffsetFetchResponsePartitions, OffsetFetchResponseTopic,
    OffsetFetchResponseTopics,
};
use kfk_protocol::messages::{
    OffsetCommitRequest, OffsetCommitResponse, OffsetDeleteRequest, OffsetDeleteResponse, OffsetFetchRequest,
    OffsetFetchResponse,
};
use kfk_protocol::{ErrorCode, Uuid};
use tokio::time::Instant;

use crate::groups::offsets::CommittedOffset;
use crate::groups::{CommitFrom, GroupCoordinator, OffsetToCommit};
use crate::handlers::Ctx;
use crate::state::{now_ms, ClusterState, CoordinatorKind, Shared};

/// Whether `topic`-`partition` exists.
fn partition_exists(state: &ClusterState, topic: &str, partition: i32) -> bool {
    state.topic(topic).is_some_and(|t| usize::try_from(partition).is_ok_and(|p| p < t.partitions.len()))
}

pub(crate) fn offset_commit(shared: &Shared, ctx: &Ctx, request: OffsetCommitRequest) -> OffsetCommitResponse {
    let v = ctx.version;
    // Per request partition: its fixed error, or the index of its offset in `to_commit`.
    let mut slots: Vec<Vec<(i32, Result<usize, ErrorCode>)>> = Vec::with_capacity(request.topics.len());
    let mut to_commit = Vec::new();
    let coordinator = {
        let state = shared.state();
        for t in &request.topics {
            let name = if v >= 10 { state.topic_name(t.topic_id).map(str::to_owned) } else { Some(t.name.clone()) };
            let topic_slots = t
                .partitions
                .iter()
                .map(|p| {
                    let slot = match &name {
                        Some(name) if partition_exists(&state, name, p.partition_index) => {
                            to_commit.push(OffsetToCommit {
                                topic: name.clone(),
                                partition: p.partition_index,
                                offset: p.committed_offset,
                                leader_epoch: p.committed_leader_epoch,
                                metadata: p.committed_metadata.clone(),
                            });
                            Ok(to_commit.len() - 1)
                        }
                        Some(_) => Err(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION),
                        None => Err(ErrorCode::UNKNOWN_TOPIC_ID),
                    };
                    (p.partition_index, slot)
                })
                .collect();
            slots.push(topic_slots);
        }
        state.coordinator(CoordinatorKind::Group, &request.group_id)
    };
    let codes = if to_commit.is_empty() {
        Vec::new()
    } else if coordinator != ctx.broker {
        vec![ErrorCode::NOT_COORDINATOR; to_commit.len()]
    } else {
        let from = CommitFrom {
            group_id: &request.group_id,
            generation: request.generation_id_or_member_epoch,
            member_id: &request.member_id,
            instance_id: request.group_instance_id.as_deref(),
            retention_ms: if (2..=4).contains(&v) { request.retention_time_ms } else { -1 },
            version: v,
        };
        shared.groups().commit(from, &to_commit, Instant::now(), now_ms())
    };
    let topics = request
        .topics
        .iter()
        .zip(slots)
        .map(|(t, topic_slots)| OffsetCommitResponseTopic {
            name: if v >= 10 { String::new() } else { t.name.clone() },
            topic_id: if v >= 10 { t.topic_id } else { Uuid::ZERO },
            partitions: topic_slots
                .into_iter()
                .map(|(partition_index, slot)| OffsetCommitResponsePartition {
                    partition_index,
                    error_code: match slot {
                        Ok(i) => codes.get(i).copied().unwrap_or(ErrorCode::UNKNOWN_SERVER_ERROR).0,
                        Err(code) => code.0,
                    },
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    OffsetCommitResponse { topics, ..Default::default() }
}

/// One group of an OffsetFetch, in the v8+ shape: (topic name or "", topic id, partitions).
type WantedTopics = Option<Vec<(String, Uuid, Vec<i32>)>>;

fn partition_answer(index: i32, offset: Option<&CommittedOffset>, error: ErrorCode) -> OffsetFetchResponsePartitions {
    OffsetFetchResponsePartitions {
        partition_index: index,
        committed_offset: offset.map_or(-1, |o| o.offset),
        committed_leader_epoch: offset.map_or(-1, |o| o.leader_epoch),
        metadata: Some(offset.map(|o| o.metadata.clone()).unwrap_or_default()),
        error_code: error.0,
        ..Default::default()
    }
}

/// Topic names and ids, for v10's topic ids.
struct TopicIds {
    names: HashMap<Uuid, String>,
    ids: HashMap<String, Uuid>,
}

fn fetch_group(
    groups: &GroupCoordinator,
    version: i16,
    ids: &TopicIds,
    group_id: &str,
    wanted: WantedTopics,
    require_stable: bool,
) -> OffsetFetchResponseGroup {
    let use_ids = version >= 10;
    let topics = match wanted {
        Some(topics) => topics
            .into_iter()
            .map(|(name, id, partitions)| {
                let resolved = if use_ids { ids.names.get(&id).cloned() } else { Some(name.clone()) };
                let partitions = partitions
                    .iter()
                    .map(|&p| match &resolved {
                        Some(topic) if require_stable && groups.has_pending_offset(group_id, topic, p) => {
                            partition_answer(p, None, ErrorCode::UNSTABLE_OFFSET_COMMIT)
                        }
                        Some(topic) => partition_answer(p, groups.committed(group_id, topic, p), ErrorCode::NONE),
                        None => partition_answer(p, None, ErrorCode::UNKNOWN_TOPIC_ID),
                    })
                    .collect();
                OffsetFetchResponseTopics {
                    name: if use_ids { String::new() } else { name },
                    topic_id: if use_ids { id } else { Uuid::ZERO },
                    partitions,
                    ..Default::default()
                }
            })
            .collect(),
        None => groups
            .all_committed(group_id)
            .into_iter()
            .filter_map(|(topic, offsets)| {
                let topic_id = if use_ids { *ids.ids.get(&topic)? } else { Uuid::ZERO };
                Some(OffsetFetchResponseTopics {
                    name: if use_ids { String::new() } else { topic },
                    topic_id,
                    partitions: offsets.iter().map(|(p, o)| partition_answer(*p, Some(o), ErrorCode::NONE)).collect(),
                    ..Default::default()
                })
            })
            .collect(),
    };
    OffsetFetchResponseGroup { group_id: group_id.to_owned(), topics, ..Default::default() }
}

pub(crate) fn offset_fetch(shared: &Shared, ctx: &Ctx, request: OffsetFetchRequest) -> OffsetFetchResponse {
    let v = ctx.version;
    let require_stable = v >= 7 && request.require_stable;
    // v9+: a consumer group member says who it is; its epoch must be current.
    let members: Vec<(String, i32)> = if v >= 9 {
        request.groups.iter().map(|g| (g.member_id.clone().unwrap_or_default(), g.member_epoch)).collect()
    } else {
        Vec::new()
    };
    let wanted: Vec<(String, WantedTopics)> = if v >= 8 {
        request
            .groups
            .into_iter()
            .map(|g| {
                let topics =
                    g.topics.map(|ts| ts.into_iter().map(|t| (t.name, t.topic_id, t.partition_indexes)).collect());
                (g.group_id, topics)
            })
            .collect()
    } else {
        let topics =
            request.topics.map(|ts| ts.into_iter().map(|t| (t.name, Uuid::ZERO, t.partition_indexes)).collect());
        vec![(request.group_id, topics)]
    };
    let (coordinators, ids) = {
        let state = shared.state();
        let coordinators: Vec<i32> = wanted.iter().map(|(g, _)| state.coordinator(CoordinatorKind::Group, g)).collect();
        let ids = if v >= 10 {
            TopicIds {
                names: state.topics().map(|t| (t.id, t.name.clone())).collect(),
                ids: state.topics().map(|t| (t.name.clone(), t.id)).collect(),
            }
        } else {
            TopicIds { names: HashMap::new(), ids: HashMap::new() }
        };
        (coordinators, ids)
    };
    let answers: Vec<OffsetFetchResponseGroup> = {
        let groups = shared.groups();
        wanted
            .into_iter()
            .zip(coordinators)
            .enumerate()
            .map(|(i, ((group_id, topics), coordinator))| {
                let member = members.get(i).map(|(m, e)| (m.as_str(), *e));
                let refused = member.and_then(|(m, e)| groups.validate_offset_fetch(&group_id, m, e).err());
                if coordinator != ctx.broker {
                    OffsetFetchResponseGroup {
                        group_id,
                        error_code: ErrorCode::NOT_COORDINATOR.0,
                        ..Default::default()
                    }
                } else if let Some(code) = refused {
                    OffsetFetchResponseGroup { group_id, error_code: code.0, ..Default::default() }
                } else {
                    fetch_group(&groups, v, &ids, &group_id, topics, require_stable)
                }
            })
            .collect()
    };
    if v >= 8 {
        return OffsetFetchResponse { groups: answers, ..Default::default() };
    }
    // Versions 1-7: one group, its error at the top level (v2+; v1 has nowhere to put it).
    let Some(group) = answers.into_iter().next() else {
        return OffsetFetchResponse::default();
    };
    let topics = group
        .topics
        .into_iter()
        .map(|t| OffsetFetchResponseTopic {
            name: t.name,
            partitions: t
                .partitions
                .into_iter()
                .map(|p| OffsetFetchResponsePartition {
                    partition_index: p.partition_index,
                    committed_offset: p.committed_offset,
                    committed_leader_epoch: if v >= 5 { p.committed_leader_epoch } else { -1 },
                    metadata: p.metadata,
                    error_code: p.error_code,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    OffsetFetchResponse { topics, error_code: if v >= 2 { group.error_code } else { 0 }, ..Default::default() }
}

pub(crate) fn offset_delete(shared: &Shared, ctx: &Ctx, request: OffsetDeleteRequest) -> OffsetDeleteResponse {
    if request.group_id.is_empty() {
        return OffsetDeleteResponse { error_code: ErrorCode::INVALID_GROUP_ID.0, ..Default::default() };
    }
    let mut topics: Vec<OffsetDeleteResponseTopic> = Vec::new();
    let mut valid: Vec<(String, Vec<i32>)> = Vec::new();
    let coordinator = {
        let state = shared.state();
        for t in &request.topics {
            let mut unknown = Vec::new();
            let mut known = Vec::new();
            for p in &t.partitions {
                if partition_exists(&state, &t.name, p.partition_index) {
                    known.push(p.partition_index);
                } else {
                    unknown.push(OffsetDeleteResponsePartition {
                        partition_index: p.partition_index,
                        error_code: ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0,
                        ..Default::default()
                    });
                }
            }
            if !unknown.is_empty() {
                topics.push(OffsetDeleteResponseTopic {
                    name: t.name.clone(),
                    partitions: unknown,
                    ..Default::default()
                });
            }
            if !known.is_empty() {
                valid.push((t.name.clone(), known));
            }
        }
        state.coordinator(CoordinatorKind::Group, &request.group_id)
    };
    if coordinator != ctx.broker {
        return OffsetDeleteResponse { error_code: ErrorCode::NOT_COORDINATOR.0, ..Default::default() };
    }
    let deleted = shared.groups().delete_offsets(&request.group_id, &valid);
    match deleted {
        // A group-level error replaces the whole answer, as in Kafka.
        Err(code) => OffsetDeleteResponse { error_code: code.0, ..Default::default() },
        Ok(results) => {
            for (name, codes) in results {
                let partitions = codes.into_iter().map(|(partition_index, code)| OffsetDeleteResponsePartition {
                    partition_index,
                    error_code: code.0,
                    ..Default::default()
                });
                match topics.iter_mut().find(|t| t.name == name) {
                    Some(t) => t.partitions.extend(partitions),
                    None => topics.push(OffsetDeleteResponseTopic {
                        name,
                        partitions: partitions.collect(),
                        ..Default::default()
                    }),
                }
            }
            OffsetDeleteResponse { topics, ..Default::default() }
        }
    }
}

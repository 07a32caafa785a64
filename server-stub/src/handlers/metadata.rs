//! Metadata: live brokers, cluster id, controller, and topics with their partitions' leaders,
//! leader epochs, replicas, ISR and offline replicas. Unknown topics are auto-created when the
//! cluster allows it and the request asks for it (v4+; always for v0-3); as in Kafka, the
//! response that triggers the creation says LEADER_NOT_AVAILABLE for that topic and the next
//! one describes it.

use std::collections::{BTreeMap, HashSet};

use kfk_protocol::messages::metadata::response::{
    MetadataResponseBroker, MetadataResponsePartition, MetadataResponseTopic,
};
use kfk_protocol::messages::{MetadataRequest, MetadataResponse};
use kfk_protocol::Uuid;

use crate::handlers::Ctx;
use crate::limits::requested_partitions;
use crate::state::{validate_topic_name, ClusterState, Shared, Topic};
use kfk_protocol::ErrorCode;

/// A Metadata response with brokers, cluster id and controller but no topics.
pub(crate) fn brokers_only(shared: &Shared, listener: usize, version: i16) -> MetadataResponse {
    let state = shared.state();
    brokers_of(shared, listener, &state, version)
}

/// The live brokers with their endpoints on `listener`: Kafka answers a request with the
/// brokers' addresses on the listener it came in on, so a SASL_SSL client stays on SASL_SSL.
fn brokers_of(shared: &Shared, listener: usize, state: &ClusterState, version: i16) -> MetadataResponse {
    let live = state.live_brokers();
    MetadataResponse {
        brokers: live
            .iter()
            .map(|&id| MetadataResponseBroker {
                node_id: id,
                host: "127.0.0.1".to_owned(),
                port: i32::from(shared.port(listener, id)),
                rack: shared.config.rack(id).map(str::to_owned),
                ..Default::default()
            })
            .collect(),
        cluster_id: (version >= 2).then(|| shared.config.cluster_id.clone()),
        controller_id: if version >= 1 { live.first().copied().unwrap_or(-1) } else { -1 },
        ..Default::default()
    }
}

/// Describes one topic at `version`.
pub(crate) fn describe(state: &ClusterState, topic: &Topic, version: i16) -> MetadataResponseTopic {
    MetadataResponseTopic {
        error_code: ErrorCode::NONE.0,
        name: Some(topic.name.clone()),
        topic_id: if version >= 10 { topic.id } else { Uuid::ZERO },
        is_internal: false,
        partitions: topic
            .partitions
            .iter()
            .enumerate()
            .map(|(i, p)| MetadataResponsePartition {
                error_code: if p.leader < 0 { ErrorCode::LEADER_NOT_AVAILABLE.0 } else { ErrorCode::NONE.0 },
                partition_index: i as i32,
                leader_id: p.leader,
                leader_epoch: if version >= 7 { p.leader_epoch } else { -1 },
                replica_nodes: p.replicas.clone(),
                isr_nodes: p.replicas.iter().copied().filter(|&b| state.is_live(b)).collect(),
                offline_replicas: if version >= 5 {
                    p.replicas.iter().copied().filter(|&b| !state.is_live(b)).collect()
                } else {
                    Vec::new()
                },
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

fn topic_error(name: Option<String>, topic_id: Uuid, code: i16, version: i16) -> MetadataResponseTopic {
    MetadataResponseTopic {
        error_code: code,
        name,
        topic_id: if version >= 10 { topic_id } else { Uuid::ZERO },
        ..Default::default()
    }
}

pub(crate) fn handle(shared: &Shared, ctx: &Ctx, request: MetadataRequest) -> MetadataResponse {
    let version = ctx.version;
    let config = &shared.config;
    // Read before the state lock: the stub never holds two locks at once.
    let unlisted = shared.faults().unlisted_brokers();
    let mut state = shared.state();
    let mut response = brokers_of(shared, ctx.listener, &state, version);
    response.brokers.retain(|b| !unlisted.contains(&b.node_id));
    let all_topics = match &request.topics {
        None => true,
        Some(t) => t.is_empty() && version == 0,
    };
    if all_topics {
        response.topics = state.topics().map(|t| describe(&state, t, version)).collect();
        return response;
    }
    let allow_auto_create = config.auto_create_topics && (version < 4 || request.allow_auto_topic_creation);
    let mut seen = HashSet::new();
    for wanted in request.topics.iter().flatten() {
        if version >= 10 && wanted.topic_id != Uuid::ZERO {
            if !seen.insert((wanted.name.clone(), wanted.topic_id)) {
                continue;
            }
            let topic = state.topic_name(wanted.topic_id).map(str::to_owned);
            match topic.as_deref().and_then(|n| state.topic(n)) {
                Some(t) => response.topics.push(describe(&state, t, version)),
                None => {
                    response.topics.push(topic_error(None, wanted.topic_id, ErrorCode::UNKNOWN_TOPIC_ID.0, version))
                }
            }
            continue;
        }
        let Some(name) = wanted.name.clone() else {
            response.topics.push(topic_error(None, Uuid::ZERO, ErrorCode::INVALID_REQUEST.0, version));
            continue;
        };
        if !seen.insert((Some(name.clone()), Uuid::ZERO)) {
            continue;
        }
        if let Some(t) = state.topic(&name) {
            response.topics.push(describe(&state, t, version));
        } else if !allow_auto_create {
            response.topics.push(topic_error(Some(name), Uuid::ZERO, ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0, version));
        } else if validate_topic_name(&name).is_err() {
            response.topics.push(topic_error(Some(name), Uuid::ZERO, ErrorCode::INVALID_TOPIC_EXCEPTION.0, version));
        } else if let Err((code, message)) =
            config.limits.check_cluster(state.partition_count(), requested_partitions(-1, 0, config.default_partitions))
        {
            // As Kafka answers an auto-creation its policy refuses.
            tracing::debug!(topic = %name, %message, "auto-creation refused");
            response.topics.push(topic_error(Some(name), Uuid::ZERO, code, version));
        } else {
            let assignment = state.default_assignment(0, config.default_partitions, config.default_replication_factor);
            state.create_topic(&name, assignment, BTreeMap::new(), config.retention_bytes);
            tracing::debug!(topic = %name, "auto-created topic");
            response.topics.push(topic_error(Some(name), Uuid::ZERO, ErrorCode::LEADER_NOT_AVAILABLE.0, version));
        }
    }
    response
}

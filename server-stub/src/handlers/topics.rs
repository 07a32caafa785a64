//! CreateTopics, DeleteTopics, CreatePartitions: Kafka's validation rules and error codes.
//!
//! Partition counts come from the request and are checked against the cluster's
//! [`Limits`](crate::limits::Limits) before anything is allocated for them: a request asking for
//! more partitions in total than `max_partitions_per_request` is refused for every topic with
//! POLICY_VIOLATION (Kafka's controller does so past 10,000); a topic that would take the
//! cluster past `max_partitions` is refused alone, with POLICY_VIOLATION, and the request's
//! other topics are handled as usual.

use std::collections::{BTreeMap, HashMap, HashSet};

use kfk_protocol::messages::create_partitions::response::CreatePartitionsTopicResult;
use kfk_protocol::messages::create_topics::request::CreatableTopic;
use kfk_protocol::messages::create_topics::response::{CreatableTopicConfigs, CreatableTopicResult};
use kfk_protocol::messages::delete_topics::response::DeletableTopicResult;
use kfk_protocol::messages::{
    CreatePartitionsRequest, CreatePartitionsResponse, CreateTopicsRequest, CreateTopicsResponse, DeleteTopicsRequest,
    DeleteTopicsResponse,
};
use kfk_protocol::Uuid;

use crate::handlers::Ctx;
use crate::limits::requested_partitions;
use crate::state::{validate_topic_name, ClusterState, Shared};
use kfk_protocol::ErrorCode;

/// A refusal: error code and message.
type Refusal = (i16, String);

/// What a valid CreateTopics entry creates: replica lists per partition, and configs.
type TopicPlan = (Vec<Vec<i32>>, BTreeMap<String, String>);

/// Config source `DYNAMIC_TOPIC_CONFIG` (set on the topic).
const DYNAMIC_TOPIC_CONFIG: i8 = 1;

fn duplicates<'a>(names: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for n in names {
        *counts.entry(n).or_default() += 1;
    }
    counts.into_iter().filter(|&(_, c)| c > 1).map(|(n, _)| n).collect()
}

/// Checks explicit replica lists: brokers exist, no broker twice, at least one replica each.
fn check_replicas(state: &ClusterState, replicas: &[i32]) -> Result<(), Refusal> {
    if replicas.is_empty() {
        return Err((ErrorCode::INVALID_REPLICA_ASSIGNMENT.0, "Replica assignment may not be empty.".into()));
    }
    let unique: HashSet<_> = replicas.iter().collect();
    if unique.len() != replicas.len() {
        return Err((
            ErrorCode::INVALID_REPLICA_ASSIGNMENT.0,
            format!("Duplicate brokers in replica assignment {replicas:?}."),
        ));
    }
    if let Some(b) = replicas.iter().find(|&&b| b < 0 || b as usize >= state.broker_count()) {
        return Err((
            ErrorCode::INVALID_REPLICA_ASSIGNMENT.0,
            format!("Broker {b} in replica assignment is not registered."),
        ));
    }
    Ok(())
}

/// Validates one CreateTopics entry; returns the replica lists and configs to create it with.
/// `existing` is the number of partitions the cluster holds.
fn plan_topic(shared: &Shared, state: &ClusterState, t: &CreatableTopic, existing: u64) -> Result<TopicPlan, Refusal> {
    let config = &shared.config;
    validate_topic_name(&t.name).map_err(|m| (ErrorCode::INVALID_TOPIC_EXCEPTION.0, m))?;
    if state.topic(&t.name).is_some() {
        return Err((ErrorCode::TOPIC_ALREADY_EXISTS.0, format!("Topic '{}' already exists.", t.name)));
    }
    // Before the assignment below allocates one replica list per partition.
    let requested = requested_partitions(t.num_partitions, t.assignments.len(), config.default_partitions);
    config.limits.check_cluster(existing, requested)?;
    let assignment = if !t.assignments.is_empty() {
        if t.num_partitions != -1 || t.replication_factor != -1 {
            return Err((
                ErrorCode::INVALID_REQUEST.0,
                "Both numPartitions or replicationFactor and replicasAssignments were specified. Both cannot be used at the same time.".into(),
            ));
        }
        let mut sorted: Vec<_> = t.assignments.iter().collect();
        sorted.sort_by_key(|a| a.partition_index);
        let mut out = Vec::with_capacity(sorted.len());
        for (i, a) in sorted.iter().enumerate() {
            if a.partition_index != i as i32 {
                return Err((
                    ErrorCode::INVALID_REPLICA_ASSIGNMENT.0,
                    "Partitions in the replica assignment must be numbered 0, 1, 2, ... without gaps.".into(),
                ));
            }
            check_replicas(state, &a.broker_ids)?;
            out.push(a.broker_ids.clone());
        }
        out
    } else {
        let partitions = if t.num_partitions == -1 { config.default_partitions } else { t.num_partitions };
        if partitions <= 0 {
            return Err((
                ErrorCode::INVALID_PARTITIONS.0,
                "Number of partitions was set to an invalid non-positive value.".into(),
            ));
        }
        let rf = if t.replication_factor == -1 { config.default_replication_factor } else { t.replication_factor };
        if rf <= 0 {
            return Err((
                ErrorCode::INVALID_REPLICATION_FACTOR.0,
                "Replication factor must be larger than 0, or -1 to use the default value.".into(),
            ));
        }
        let live = state.live_brokers().len();
        if rf as usize > live {
            return Err((
                ErrorCode::INVALID_REPLICATION_FACTOR.0,
                format!(
                    "Unable to replicate the partition {rf} time(s): The target replication factor of {rf} cannot be reached because only {live} broker(s) are registered."
                ),
            ));
        }
        state.default_assignment(0, partitions, rf)
    };
    let mut configs = BTreeMap::new();
    for c in &t.configs {
        let Some(value) = &c.value else {
            return Err((
                ErrorCode::INVALID_REQUEST.0,
                format!("Null value not supported for topic configs: {}", c.name),
            ));
        };
        let valid = match c.name.as_str() {
            "message.timestamp.type" => value == "CreateTime" || value == "LogAppendTime",
            "retention.bytes" => value.parse::<i64>().is_ok(),
            "max.message.bytes" => value.parse::<i32>().is_ok_and(|v| v >= 0),
            _ => true,
        };
        if !valid {
            return Err((ErrorCode::INVALID_CONFIG.0, format!("Invalid value {value} for configuration {}", c.name)));
        }
        configs.insert(c.name.clone(), value.clone());
    }
    Ok((assignment, configs))
}

pub(crate) fn create_topics(shared: &Shared, ctx: &Ctx, request: CreateTopicsRequest) -> CreateTopicsResponse {
    let v = ctx.version;
    let limits = &shared.config.limits;
    let mut response = CreateTopicsResponse::default();
    let requested = request.topics.iter().fold(0u64, |sum, t| {
        sum.saturating_add(requested_partitions(
            t.num_partitions,
            t.assignments.len(),
            shared.config.default_partitions,
        ))
    });
    if let Err((code, message)) = limits.check_request(requested) {
        tracing::debug!(requested, "CreateTopics refused: too many partitions");
        response.topics = request
            .topics
            .iter()
            .map(|t| CreatableTopicResult {
                name: t.name.clone(),
                error_code: code,
                error_message: Some(message.clone()),
                configs: None,
                ..Default::default()
            })
            .collect();
        return response;
    }
    let dups = duplicates(request.topics.iter().map(|t| t.name.as_str()));
    let mut state = shared.state();
    let mut existing = state.partition_count();
    for t in &request.topics {
        let mut result =
            CreatableTopicResult { name: t.name.clone(), error_message: None, configs: None, ..Default::default() };
        let planned = if dups.contains(t.name.as_str()) {
            Err((ErrorCode::INVALID_REQUEST.0, "Duplicate topic name.".to_owned()))
        } else {
            plan_topic(shared, &state, t, existing)
        };
        match planned {
            Err((code, message)) => {
                result.error_code = code;
                result.error_message = Some(message);
            }
            Ok((assignment, configs)) => {
                if v >= 5 {
                    result.num_partitions = assignment.len() as i32;
                    result.replication_factor = assignment.first().map_or(0, |r| r.len() as i16);
                    result.configs = Some(
                        configs
                            .iter()
                            .map(|(name, value)| CreatableTopicConfigs {
                                name: name.clone(),
                                value: Some(value.clone()),
                                read_only: false,
                                config_source: DYNAMIC_TOPIC_CONFIG,
                                is_sensitive: false,
                                ..Default::default()
                            })
                            .collect(),
                    );
                }
                if !request.validate_only {
                    existing = existing.saturating_add(assignment.len() as u64);
                    let id = state.create_topic(&t.name, assignment, configs, shared.config.retention_bytes);
                    if v >= 7 {
                        result.topic_id = id;
                    }
                }
            }
        }
        response.topics.push(result);
    }
    response
}

pub(crate) fn delete_topics(shared: &Shared, ctx: &Ctx, request: DeleteTopicsRequest) -> DeleteTopicsResponse {
    let v = ctx.version;
    let mut state = shared.state();
    let targets: Vec<(Option<String>, Uuid)> = if v >= 6 {
        request.topics.iter().map(|t| (t.name.clone(), t.topic_id)).collect()
    } else {
        request.topic_names.iter().map(|n| (Some(n.clone()), Uuid::ZERO)).collect()
    };
    let mut response = DeleteTopicsResponse::default();
    let mut deleted = Vec::new();
    for (name, id) in targets {
        let mut result = DeletableTopicResult { name: name.clone(), topic_id: id, ..Default::default() };
        let resolved = match (&name, id) {
            (Some(_), id) if id != Uuid::ZERO => {
                Err((ErrorCode::INVALID_REQUEST.0, "Both a topic name and a topic id were given.".to_owned()))
            }
            (_, id) if id != Uuid::ZERO => state
                .topic_name(id)
                .map(str::to_owned)
                .ok_or((ErrorCode::UNKNOWN_TOPIC_ID.0, "This server does not host this topic ID.".to_owned())),
            (Some(n), _) if state.topic(n).is_some() => Ok(n.clone()),
            _ => Err((
                ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0,
                "This server does not host this topic-partition.".to_owned(),
            )),
        };
        match resolved {
            Ok(n) => {
                let deleted_id = state.delete_topic(&n);
                if v >= 6 {
                    result.topic_id = deleted_id.unwrap_or(id);
                }
                deleted.push(n.clone());
                result.name = Some(n);
            }
            Err((code, message)) => {
                result.error_code = code;
                if v >= 5 {
                    result.error_message = Some(message);
                }
            }
        }
        response.responses.push(result);
    }
    drop(state);
    // Committed offsets of deleted topics go too (the coordinator's lock, after the state's).
    if !deleted.is_empty() {
        shared.groups().topics_deleted(&deleted);
    }
    response
}

pub(crate) fn create_partitions(
    shared: &Shared,
    _ctx: &Ctx,
    request: CreatePartitionsRequest,
) -> CreatePartitionsResponse {
    let limits = &shared.config.limits;
    let dups = duplicates(request.topics.iter().map(|t| t.name.as_str()));
    let mut state = shared.state();
    let mut response = CreatePartitionsResponse::default();
    let requested = request.topics.iter().fold(0u64, |sum, t| {
        let current = state.topic(&t.name).map_or(0, |topic| topic.partitions.len() as i64);
        sum.saturating_add(u64::try_from(i64::from(t.count) - current).unwrap_or(0))
    });
    if let Err((code, message)) = limits.check_request(requested) {
        tracing::debug!(requested, "CreatePartitions refused: too many partitions");
        response.results = request
            .topics
            .iter()
            .map(|t| CreatePartitionsTopicResult {
                name: t.name.clone(),
                error_code: code,
                error_message: Some(message.clone()),
                ..Default::default()
            })
            .collect();
        return response;
    }
    let mut existing = state.partition_count();
    for t in &request.topics {
        let planned: Result<Vec<Vec<i32>>, Refusal> = (|| {
            if dups.contains(t.name.as_str()) {
                return Err((ErrorCode::INVALID_REQUEST.0, "Duplicate topic name.".into()));
            }
            let topic = state
                .topic(&t.name)
                .ok_or((ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0, format!("The topic '{}' does not exist.", t.name)))?;
            let current = topic.partitions.len() as i32;
            if t.count < current {
                return Err((
                    ErrorCode::INVALID_PARTITIONS.0,
                    format!(
                        "The topic {} currently has {current} partition(s); {} would not be an increase.",
                        t.name, t.count
                    ),
                ));
            }
            if t.count == current {
                return Err((ErrorCode::INVALID_PARTITIONS.0, format!("Topic already has {current} partition(s).")));
            }
            let added = t.count - current;
            // Before the assignment below allocates one replica list per new partition.
            limits.check_cluster(existing, u64::try_from(added).unwrap_or(0))?;
            match &t.assignments {
                Some(assignments) => {
                    if assignments.len() as i32 != added {
                        return Err((
                            ErrorCode::INVALID_REPLICA_ASSIGNMENT.0,
                            format!(
                                "Attempted to add {added} additional partition(s), but only {} assignment(s) were specified.",
                                assignments.len()
                            ),
                        ));
                    }
                    assignments
                        .iter()
                        .map(|a| check_replicas(&state, &a.broker_ids).map(|()| a.broker_ids.clone()))
                        .collect()
                }
                None => {
                    let rf = topic.partitions.first().map_or(1, |p| p.replicas.len() as i16);
                    Ok(state.default_assignment(current, added, rf))
                }
            }
        })();
        let mut result = CreatePartitionsTopicResult { name: t.name.clone(), ..Default::default() };
        match planned {
            Ok(assignment) => {
                if !request.validate_only {
                    existing = existing.saturating_add(assignment.len() as u64);
                    state.add_partitions(&t.name, assignment, shared.config.retention_bytes);
                }
            }
            Err((code, message)) => {
                result.error_code = code;
                result.error_message = Some(message);
            }
        }
        response.results.push(result);
    }
    response
}

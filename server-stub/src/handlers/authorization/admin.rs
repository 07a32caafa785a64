//! Topic and config administration: CreateTopics, DeleteTopics, CreatePartitions,
//! DescribeConfigs, IncrementalAlterConfigs, DescribeCluster.

use std::collections::HashMap;
use std::sync::Arc;

use kfk_protocol::messages::delete_topics::response::DeletableTopicResult;
use kfk_protocol::messages::describe_configs::request::DescribeConfigsResource;
use kfk_protocol::messages::incremental_alter_configs::request::AlterConfigsResource;
use kfk_protocol::messages::{
    CreatePartitionsRequest, CreateTopicsRequest, DeleteTopicsRequest, DescribeClusterRequest, DescribeConfigsRequest,
    IncrementalAlterConfigsRequest, RequestBody, ResponseBody,
};
use kfk_protocol::{ErrorCode, Uuid};

use super::{authorized_operations, topic_names};
use crate::handlers::{error_answer, Ctx, Served};
use crate::security::acl::{AclOperation, ResourceType, CLUSTER_NAME};
use crate::state::Shared;

const TOPIC_DENIED: i16 = ErrorCode::TOPIC_AUTHORIZATION_FAILED.0;

pub(super) async fn create_topics(shared: &Arc<Shared>, ctx: &Ctx, mut request: CreateTopicsRequest) -> Served {
    let cluster = ctx.allows_cluster(AclOperation::Create);
    let mut count: HashMap<String, usize> = HashMap::new();
    for t in &request.topics {
        *count.entry(t.name.clone()).or_default() += 1;
    }
    // A name given twice is the handler's to refuse (INVALID_REQUEST), as Kafka checks it first.
    let (allowed, denied): (Vec<_>, Vec<_>) = std::mem::take(&mut request.topics).into_iter().partition(|t| {
        count.get(&t.name).is_some_and(|n| *n > 1)
            || cluster
            || ctx.allows(AclOperation::Create, ResourceType::Topic, &t.name)
    });
    let describe_configs = |name: &str| ctx.allows(AclOperation::DescribeConfigs, ResourceType::Topic, name);
    let mut response = if allowed.is_empty() {
        Default::default()
    } else {
        request.topics = allowed;
        served!(shared, ctx, CreateTopics(request))
    };
    for t in &mut response.topics {
        if ctx.version >= 5 && t.error_code == 0 && !describe_configs(&t.name) {
            t.topic_config_error_code = TOPIC_DENIED;
            t.configs = None;
        }
    }
    let mut errors = error_answer::created_topics(&denied, TOPIC_DENIED, Some("Authorization failed."));
    for t in &mut errors {
        t.topic_config_error_code = if describe_configs(&t.name) { 0 } else { TOPIC_DENIED };
    }
    response.topics.extend(errors);
    Served::Reply(response.into())
}

pub(super) async fn delete_topics(shared: &Arc<Shared>, ctx: &Ctx, mut request: DeleteTopicsRequest) -> Served {
    let delete = |name: &str| ctx.allows(AclOperation::Delete, ResourceType::Topic, name);
    let mut errors: Vec<DeletableTopicResult> = Vec::new();
    if ctx.version < 6 {
        let (allowed, denied): (Vec<_>, Vec<_>) =
            std::mem::take(&mut request.topic_names).into_iter().partition(|n| delete(n));
        request.topic_names = allowed;
        errors.extend(denied.into_iter().map(|name| error_answer::deleted_topic(Some(name), Uuid::ZERO, TOPIC_DENIED)));
    } else {
        let names = topic_names(shared, request.topics.iter().map(|t| t.topic_id));
        let mut allowed = Vec::new();
        for t in std::mem::take(&mut request.topics) {
            let by_id = t.topic_id != Uuid::ZERO;
            let name = if by_id { names.get(&t.topic_id).cloned() } else { t.name.clone() };
            match name {
                // An unknown id (or a malformed entry) is the handler's to answer.
                None => allowed.push(t),
                Some(name) if by_id && !ctx.allows(AclOperation::Describe, ResourceType::Topic, &name) => {
                    // Without DESCRIBE the name is not told; the id is no secret.
                    errors.push(error_answer::deleted_topic(None, t.topic_id, TOPIC_DENIED));
                }
                Some(name) if !delete(&name) => {
                    errors.push(error_answer::deleted_topic(Some(name), t.topic_id, TOPIC_DENIED))
                }
                Some(_) => allowed.push(t),
            }
        }
        request.topics = allowed;
    }
    let nothing_left = request.topics.is_empty() && request.topic_names.is_empty();
    let mut response = if nothing_left && !errors.is_empty() {
        Default::default()
    } else {
        served!(shared, ctx, DeleteTopics(request))
    };
    response.responses.extend(errors);
    Served::Reply(response.into())
}

pub(super) async fn create_partitions(shared: &Arc<Shared>, ctx: &Ctx, mut request: CreatePartitionsRequest) -> Served {
    per_item!(
        shared,
        ctx,
        CreatePartitions(request).topics => results,
        |t| ctx.allows(AclOperation::Alter, ResourceType::Topic, &t.name),
        |denied| error_answer::created_partitions(denied, TOPIC_DENIED, Some("The topic authorization is failed."))
    )
}

/// Config resource types (`ConfigResource.Type`).
const TOPIC: i8 = 2;
const BROKER: i8 = 4;
const BROKER_LOGGER: i8 = 8;
const CLIENT_METRICS: i8 = 16;
const GROUP: i8 = 32;

/// The error for `operation` on config resource `resource_type`/`name`, if refused (an
/// unknown type is the handler's to answer).
fn config_denied(ctx: &Ctx, operation: AclOperation, resource_type: i8, name: &str) -> Option<i16> {
    let (allowed, code) = match resource_type {
        TOPIC => (ctx.allows(operation, ResourceType::Topic, name), TOPIC_DENIED),
        BROKER | BROKER_LOGGER | CLIENT_METRICS => {
            (ctx.allows_cluster(operation), ErrorCode::CLUSTER_AUTHORIZATION_FAILED.0)
        }
        GROUP => (ctx.allows(operation, ResourceType::Group, name), ErrorCode::GROUP_AUTHORIZATION_FAILED.0),
        _ => (true, 0),
    };
    (!allowed).then_some(code)
}

pub(super) async fn describe_configs(shared: &Arc<Shared>, ctx: &Ctx, mut request: DescribeConfigsRequest) -> Served {
    let denied = |r: &DescribeConfigsResource| {
        config_denied(ctx, AclOperation::DescribeConfigs, r.resource_type, &r.resource_name)
    };
    per_item!(
        shared,
        ctx,
        DescribeConfigs(request).resources => results,
        |r| denied(r).is_none(),
        |refused| error_answer::described_configs(refused, |r| denied(r).unwrap_or(TOPIC_DENIED), None)
    )
}

pub(super) async fn incremental_alter_configs(
    shared: &Arc<Shared>,
    ctx: &Ctx,
    mut request: IncrementalAlterConfigsRequest,
) -> Served {
    let denied =
        |r: &AlterConfigsResource| config_denied(ctx, AclOperation::AlterConfigs, r.resource_type, &r.resource_name);
    per_item!(
        shared,
        ctx,
        IncrementalAlterConfigs(request).resources => responses,
        |r| denied(r).is_none(),
        |refused| error_answer::altered_configs(refused, |r| denied(r).unwrap_or(TOPIC_DENIED), None)
    )
}

pub(super) async fn describe_cluster(shared: &Arc<Shared>, ctx: &Ctx, request: DescribeClusterRequest) -> Served {
    let include = request.include_cluster_authorized_operations;
    let mut response = served!(shared, ctx, DescribeCluster(request));
    if include && response.error_code == 0 {
        response.cluster_authorized_operations = if ctx.allows_cluster(AclOperation::Describe) {
            authorized_operations(ctx, ResourceType::Cluster, CLUSTER_NAME)
        } else {
            0
        };
    }
    Served::Reply(response.into())
}

//! DescribeConfigs and IncrementalAlterConfigs for topics, and DescribeCluster.
//!
//! The stub knows a handful of topic configs (those its brokers act on, and the common ones
//! operators change), with Kafka's defaults, types and validation messages; an unknown key is
//! refused as Kafka refuses it. Broker, logger, group and client-metrics resources are not
//! modelled: they get `INVALID_REQUEST` saying so.

use kafka_protocol::messages::describe_cluster::response::DescribeClusterBroker;
use kafka_protocol::messages::describe_configs::response::{
    DescribeConfigsResourceResult, DescribeConfigsResult, DescribeConfigsSynonym,
};
use kafka_protocol::messages::incremental_alter_configs::response::AlterConfigsResourceResponse;
use kafka_protocol::messages::{
    DescribeClusterRequest, DescribeClusterResponse, DescribeConfigsRequest, DescribeConfigsResponse,
    IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse,
};
use kafka_protocol::ErrorCode;

use crate::dispatch::Ctx;
use crate::handlers::metadata::brokers_only;
use crate::state::Shared;

/// `ConfigResource.Type.TOPIC`.
const TOPIC: i8 = 2;
/// Config sources (`DescribeConfigsResponse.ConfigSource`).
const DYNAMIC_TOPIC_CONFIG: i8 = 1;
const DEFAULT_CONFIG: i8 = 5;
/// Config types (`DescribeConfigsResponse.ConfigType`).
const STRING: i8 = 2;
const INT: i8 = 3;
const LONG: i8 = 5;
const LIST: i8 = 7;

/// A topic config the stub knows: key, default, type, and the check of a value.
struct TopicConfig {
    name: &'static str,
    default: &'static str,
    config_type: i8,
    valid: fn(&str) -> Result<(), String>,
}

fn long_at_least(min: i64) -> impl Fn(&str) -> Result<(), String> {
    move |v| match v.trim().parse::<i64>() {
        Err(_) => Err("Not a number of type LONG".into()),
        Ok(n) if n < min => Err(format!("Value must be at least {min}")),
        Ok(_) => Ok(()),
    }
}

fn int_at_least(min: i64) -> impl Fn(&str) -> Result<(), String> {
    move |v| match v.trim().parse::<i32>() {
        Err(_) => Err("Not a number of type INT".into()),
        Ok(n) if i64::from(n) < min => Err(format!("Value must be at least {min}")),
        Ok(_) => Ok(()),
    }
}

fn one_of(allowed: &'static [&'static str]) -> impl Fn(&str) -> Result<(), String> {
    move |v| {
        if allowed.contains(&v) {
            Ok(())
        } else {
            Err(format!("String must be one of: {}", allowed.join(", ")))
        }
    }
}

const CLEANUP_POLICIES: &[&str] = &["compact", "delete"];
const COMPRESSION_TYPES: &[&str] = &["uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"];
const TIMESTAMP_TYPES: &[&str] = &["CreateTime", "LogAppendTime"];

const TOPIC_CONFIGS: &[TopicConfig] = &[
    TopicConfig {
        name: "cleanup.policy",
        default: "delete",
        config_type: LIST,
        valid: |v| {
            let items: Vec<&str> = v.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
            match items.iter().find(|i| !CLEANUP_POLICIES.contains(i)) {
                Some(bad) => Err(format!(
                    "Invalid value {bad} for configuration cleanup.policy: String must be one of: compact, delete"
                )),
                None => Ok(()),
            }
        },
    },
    TopicConfig {
        name: "compression.type",
        default: "producer",
        config_type: STRING,
        valid: |v| one_of(COMPRESSION_TYPES)(v),
    },
    TopicConfig { name: "max.message.bytes", default: "1048588", config_type: INT, valid: |v| int_at_least(0)(v) },
    TopicConfig {
        name: "message.timestamp.type",
        default: "CreateTime",
        config_type: STRING,
        valid: |v| one_of(TIMESTAMP_TYPES)(v),
    },
    TopicConfig { name: "min.insync.replicas", default: "1", config_type: INT, valid: |v| int_at_least(1)(v) },
    TopicConfig { name: "retention.bytes", default: "-1", config_type: LONG, valid: |v| long_at_least(i64::MIN)(v) },
    TopicConfig { name: "retention.ms", default: "604800000", config_type: LONG, valid: |v| long_at_least(-1)(v) },
    TopicConfig { name: "segment.bytes", default: "1073741824", config_type: INT, valid: |v| int_at_least(14)(v) },
];

fn known(name: &str) -> Option<&'static TopicConfig> {
    TOPIC_CONFIGS.iter().find(|c| c.name == name)
}

/// Kafka's message for a value a config refuses.
fn check_value(config: &TopicConfig, value: &str) -> Result<(), String> {
    (config.valid)(value).map_err(|why| {
        if why.starts_with("Invalid value") {
            why
        } else {
            format!("Invalid value {value} for configuration {}: {why}", config.name)
        }
    })
}

pub(crate) fn describe_configs(shared: &Shared, ctx: &Ctx, request: DescribeConfigsRequest) -> DescribeConfigsResponse {
    let state = shared.state();
    let results = request
        .resources
        .iter()
        .map(|r| {
            let mut result = DescribeConfigsResult {
                resource_type: r.resource_type,
                resource_name: r.resource_name.clone(),
                error_message: None,
                ..Default::default()
            };
            if r.resource_type != TOPIC {
                result.error_code = ErrorCode::INVALID_REQUEST.0;
                result.error_message =
                    Some(format!("the stub serves topic configs only, not resource type {}", r.resource_type));
                return result;
            }
            let Some(topic) = state.topic(&r.resource_name) else {
                result.error_code = ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0;
                result.error_message = Some(format!("Topic {} does not exist.", r.resource_name));
                return result;
            };
            let wanted = |name: &str| r.configuration_keys.as_ref().is_none_or(|keys| keys.iter().any(|k| k == name));
            result.configs = TOPIC_CONFIGS
                .iter()
                .filter(|c| wanted(c.name))
                .map(|c| {
                    let set = topic.configs.get(c.name);
                    let default = DescribeConfigsSynonym {
                        name: c.name.into(),
                        value: Some(c.default.into()),
                        source: DEFAULT_CONFIG,
                        ..Default::default()
                    };
                    let mut synonyms = Vec::new();
                    if request.include_synonyms {
                        if let Some(v) = set {
                            synonyms.push(DescribeConfigsSynonym {
                                name: c.name.into(),
                                value: Some(v.clone()),
                                source: DYNAMIC_TOPIC_CONFIG,
                                ..Default::default()
                            });
                        }
                        synonyms.push(default);
                    }
                    DescribeConfigsResourceResult {
                        name: c.name.into(),
                        value: Some(set.cloned().unwrap_or_else(|| c.default.into())),
                        read_only: false,
                        config_source: if set.is_some() { DYNAMIC_TOPIC_CONFIG } else { DEFAULT_CONFIG },
                        is_sensitive: false,
                        synonyms,
                        config_type: if ctx.version >= 3 { c.config_type } else { 0 },
                        documentation: None,
                        ..Default::default()
                    }
                })
                .collect();
            result
        })
        .collect();
    DescribeConfigsResponse { results, ..Default::default() }
}

pub(crate) fn incremental_alter_configs(
    shared: &Shared,
    _ctx: &Ctx,
    request: IncrementalAlterConfigsRequest,
) -> IncrementalAlterConfigsResponse {
    let mut state = shared.state();
    let responses = request
        .resources
        .iter()
        .map(|r| {
            let mut response = AlterConfigsResourceResponse {
                resource_type: r.resource_type,
                resource_name: r.resource_name.clone(),
                error_message: None,
                ..Default::default()
            };
            let outcome = if r.resource_type != TOPIC {
                Err((
                    ErrorCode::INVALID_REQUEST,
                    format!("the stub serves topic configs only, not resource type {}", r.resource_type),
                ))
            } else {
                match state.topic_mut(&r.resource_name) {
                    None => Err((
                        ErrorCode::UNKNOWN_TOPIC_OR_PARTITION,
                        format!("Topic {} does not exist.", r.resource_name),
                    )),
                    Some(topic) => {
                        let altered = alter(&topic.configs, r);
                        match altered {
                            Ok(configs) => {
                                if !request.validate_only {
                                    topic.configs = configs;
                                    topic.apply_configs(shared.config.retention_bytes);
                                }
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                }
            };
            if let Err((code, message)) = outcome {
                response.error_code = code.0;
                response.error_message = Some(message);
            }
            response
        })
        .collect();
    IncrementalAlterConfigsResponse { responses, ..Default::default() }
}

type Configs = std::collections::BTreeMap<String, String>;

/// The topic's configs after `resource`'s operations, or why they are refused (nothing is
/// applied then).
fn alter(
    current: &Configs,
    resource: &kafka_protocol::messages::incremental_alter_configs::request::AlterConfigsResource,
) -> Result<Configs, (ErrorCode, String)> {
    let mut configs = current.clone();
    let invalid = |m: String| (ErrorCode::INVALID_CONFIG, m);
    for op in &resource.configs {
        let Some(config) = known(&op.name) else {
            return Err(invalid(format!("Unknown topic config name: {}", op.name)));
        };
        let list = config.config_type == LIST;
        let current_items = |configs: &Configs| -> Vec<String> {
            configs
                .get(config.name)
                .map_or(config.default, String::as_str)
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        };
        match op.config_operation {
            0 | 2 | 3 if op.value.is_none() => {
                return Err((ErrorCode::INVALID_REQUEST, format!("Null value not supported for : {}", op.name)));
            }
            0 => {
                let value = op.value.clone().unwrap_or_default();
                check_value(config, &value).map_err(invalid)?;
                configs.insert(op.name.clone(), value);
            }
            1 => {
                configs.remove(&op.name);
            }
            2 | 3 if !list => {
                return Err(invalid(format!("Config value append is not allowed for config key: {}", op.name)));
            }
            2 => {
                let mut items = current_items(&configs);
                for v in op.value.iter().flat_map(|v| v.split(',')).map(str::trim).filter(|s| !s.is_empty()) {
                    if !items.iter().any(|i| i == v) {
                        items.push(v.to_string());
                    }
                }
                let value = items.join(",");
                check_value(config, &value).map_err(invalid)?;
                configs.insert(op.name.clone(), value);
            }
            3 => {
                let remove: Vec<&str> = op.value.iter().flat_map(|v| v.split(',')).map(str::trim).collect();
                let items: Vec<String> =
                    current_items(&configs).into_iter().filter(|i| !remove.contains(&i.as_str())).collect();
                configs.insert(op.name.clone(), items.join(","));
            }
            other => return Err((ErrorCode::INVALID_REQUEST, format!("Unknown config operation {other}"))),
        }
    }
    Ok(configs)
}

pub(crate) fn describe_cluster(shared: &Shared, ctx: &Ctx, request: DescribeClusterRequest) -> DescribeClusterResponse {
    let metadata = brokers_only(shared, 12);
    let mut response = DescribeClusterResponse {
        cluster_id: shared.config.cluster_id.clone(),
        controller_id: metadata.controller_id,
        brokers: metadata
            .brokers
            .into_iter()
            .map(|b| DescribeClusterBroker {
                broker_id: b.node_id,
                host: b.host,
                port: b.port,
                rack: b.rack,
                is_fenced: false,
                ..Default::default()
            })
            .collect(),
        cluster_authorized_operations: i32::MIN,
        error_message: None,
        ..Default::default()
    };
    // Version 1 added the endpoint type; the stub has broker endpoints only.
    if ctx.version >= 1 && request.endpoint_type != 1 {
        response.error_code = ErrorCode::UNSUPPORTED_ENDPOINT_TYPE.0;
        response.error_message = Some("The stub lists broker endpoints only.".into());
        response.brokers.clear();
    }
    if ctx.version >= 1 {
        response.endpoint_type = 1;
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_protocol::messages::incremental_alter_configs::request::{AlterConfigsResource, AlterableConfig};

    fn resource(ops: &[(&str, i8, Option<&str>)]) -> AlterConfigsResource {
        AlterConfigsResource {
            resource_type: TOPIC,
            resource_name: "t".into(),
            configs: ops
                .iter()
                .map(|(n, op, v)| AlterableConfig {
                    name: (*n).into(),
                    config_operation: *op,
                    value: v.map(String::from),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn operations_apply_in_order_and_invalid_values_are_refused() {
        let configs = alter(
            &Configs::new(),
            &resource(&[("retention.ms", 0, Some("1000")), ("cleanup.policy", 2, Some("compact"))]),
        )
        .expect("valid");
        assert_eq!(configs["retention.ms"], "1000");
        assert_eq!(configs["cleanup.policy"], "delete,compact");
        let configs = alter(&configs, &resource(&[("cleanup.policy", 3, Some("delete")), ("retention.ms", 1, None)]))
            .expect("valid");
        assert_eq!(configs["cleanup.policy"], "compact");
        assert!(!configs.contains_key("retention.ms"));
        let (code, message) = alter(&configs, &resource(&[("retention.ms", 0, Some("soon"))])).expect_err("invalid");
        assert_eq!(code, ErrorCode::INVALID_CONFIG);
        assert_eq!(message, "Invalid value soon for configuration retention.ms: Not a number of type LONG");
        let (code, _) = alter(&configs, &resource(&[("no.such.key", 0, Some("1"))])).expect_err("unknown");
        assert_eq!(code, ErrorCode::INVALID_CONFIG);
        let (code, _) = alter(&configs, &resource(&[("retention.ms", 2, Some("1"))])).expect_err("not a list");
        assert_eq!(code, ErrorCode::INVALID_CONFIG);
    }
}

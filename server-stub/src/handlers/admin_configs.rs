//! DescribeConfigs and IncrementalAlterConfigs for topics (brokers and their loggers: module
//! [`super::broker_configs`]; groups and client-metrics subscriptions:
//! [`super::entity_configs`]), and DescribeCluster.
//!
//! The stub knows a handful of topic configs (those its brokers act on, and the common ones
//! operators change), with Kafka's defaults, types and validation messages; an unknown key is
//! refused as Kafka refuses it. Other resource types get `INVALID_REQUEST` saying so.

use kfk_protocol::messages::describe_cluster::response::DescribeClusterBroker;
use kfk_protocol::messages::describe_configs::request::DescribeConfigsResource;
use kfk_protocol::messages::describe_configs::response::{
    DescribeConfigsResourceResult, DescribeConfigsResult, DescribeConfigsSynonym,
};
use kfk_protocol::messages::incremental_alter_configs::response::AlterConfigsResourceResponse;
use kfk_protocol::messages::{
    DescribeClusterRequest, DescribeClusterResponse, DescribeConfigsRequest, DescribeConfigsResponse,
    IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse,
};
use kfk_protocol::ErrorCode;

use crate::handlers::metadata::brokers_only;
use crate::handlers::Ctx;
use crate::state::Shared;

/// `ConfigResource.Type` values.
pub(crate) const TOPIC: i8 = 2;
use super::broker_configs::{BROKER, BROKER_LOGGER};
use super::entity_configs::{CLIENT_METRICS, GROUP};
/// Config sources (`DescribeConfigsResponse.ConfigSource`).
const DYNAMIC_TOPIC_CONFIG: i8 = 1;
pub(crate) const DEFAULT_CONFIG: i8 = 5;
/// Config types (`DescribeConfigsResponse.ConfigType`).
pub(crate) const BOOLEAN: i8 = 1;
pub(crate) const STRING: i8 = 2;
pub(crate) const INT: i8 = 3;
pub(crate) const LONG: i8 = 5;
pub(crate) const LIST: i8 = 7;

/// A config the stub knows: key, Kafka's default, type, and the check of a value.
pub(crate) struct ConfigDef {
    pub name: &'static str,
    pub default: &'static str,
    pub config_type: i8,
    pub valid: fn(&str) -> Result<(), String>,
}

pub(crate) fn long_at_least(min: i64) -> impl Fn(&str) -> Result<(), String> {
    move |v| match v.trim().parse::<i64>() {
        Err(_) => Err("Not a number of type LONG".into()),
        Ok(n) if n < min => Err(format!("Value must be at least {min}")),
        Ok(_) => Ok(()),
    }
}

pub(crate) fn int_at_least(min: i64) -> impl Fn(&str) -> Result<(), String> {
    move |v| match v.trim().parse::<i32>() {
        Err(_) => Err("Not a number of type INT".into()),
        Ok(n) if i64::from(n) < min => Err(format!("Value must be at least {min}")),
        Ok(_) => Ok(()),
    }
}

pub(crate) fn one_of(allowed: &'static [&'static str]) -> impl Fn(&str) -> Result<(), String> {
    move |v| {
        if allowed.contains(&v) {
            Ok(())
        } else {
            Err(format!("String must be one of: {}", allowed.join(", ")))
        }
    }
}

const CLEANUP_POLICIES: &[&str] = &["compact", "delete"];
pub(crate) const COMPRESSION_TYPES: &[&str] = &["uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"];
const TIMESTAMP_TYPES: &[&str] = &["CreateTime", "LogAppendTime"];

const TOPIC_CONFIGS: &[ConfigDef] = &[
    ConfigDef {
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
    ConfigDef {
        name: "compression.type",
        default: "producer",
        config_type: STRING,
        valid: |v| one_of(COMPRESSION_TYPES)(v),
    },
    ConfigDef { name: "max.message.bytes", default: "1048588", config_type: INT, valid: |v| int_at_least(0)(v) },
    ConfigDef {
        name: "message.timestamp.type",
        default: "CreateTime",
        config_type: STRING,
        valid: |v| one_of(TIMESTAMP_TYPES)(v),
    },
    ConfigDef { name: "min.insync.replicas", default: "1", config_type: INT, valid: |v| int_at_least(1)(v) },
    ConfigDef { name: "retention.bytes", default: "-1", config_type: LONG, valid: |v| long_at_least(i64::MIN)(v) },
    ConfigDef { name: "retention.ms", default: "604800000", config_type: LONG, valid: |v| long_at_least(-1)(v) },
    ConfigDef { name: "segment.bytes", default: "1073741824", config_type: INT, valid: |v| int_at_least(14)(v) },
];

/// The topic config `name`, or Kafka's refusal of an unknown one.
fn topic_config(name: &str) -> Result<&'static ConfigDef, (ErrorCode, String)> {
    TOPIC_CONFIGS
        .iter()
        .find(|c| c.name == name)
        .ok_or_else(|| (ErrorCode::INVALID_CONFIG, format!("Unknown topic config name: {name}")))
}

/// One described config: its value and source are the first of `chain` (highest precedence
/// first, Kafka's synonyms order), the synonyms the whole chain when asked for.
pub(crate) fn described(
    name: &str,
    chain: Vec<(i8, String)>,
    config_type: i8,
    read_only: bool,
    request: &DescribeConfigsRequest,
    version: i16,
    documentation: Option<&str>,
) -> DescribeConfigsResourceResult {
    let (config_source, value) = chain.first().cloned().unwrap_or((DEFAULT_CONFIG, String::new()));
    let synonyms = if request.include_synonyms {
        chain
            .into_iter()
            .map(|(source, value)| DescribeConfigsSynonym {
                name: name.into(),
                value: Some(value),
                source,
                ..Default::default()
            })
            .collect()
    } else {
        Vec::new()
    };
    DescribeConfigsResourceResult {
        name: name.into(),
        value: Some(value),
        read_only,
        config_source,
        is_sensitive: false,
        synonyms,
        config_type: if version >= 3 { config_type } else { 0 },
        documentation: documentation.filter(|_| request.include_documentation).map(String::from),
        ..Default::default()
    }
}

/// Kafka's message for a value a config refuses.
pub(crate) fn check_value(config: &ConfigDef, value: &str) -> Result<(), String> {
    (config.valid)(value).map_err(|why| {
        if why.starts_with("Invalid value") {
            why
        } else {
            format!("Invalid value {value} for configuration {}: {why}", config.name)
        }
    })
}

/// The answer to one resource of a DescribeConfigs request, before its configs are added.
pub(super) fn result_for(r: &DescribeConfigsResource) -> DescribeConfigsResult {
    DescribeConfigsResult {
        resource_type: r.resource_type,
        resource_name: r.resource_name.clone(),
        ..Default::default()
    }
}

/// Whether the request asks for config `name` of `r` (no key list: every config).
pub(super) fn asks_for(r: &DescribeConfigsResource, name: &str) -> bool {
    r.configuration_keys.as_ref().is_none_or(|keys| keys.iter().any(|k| k == name))
}

pub(crate) fn describe_configs(shared: &Shared, ctx: &Ctx, request: DescribeConfigsRequest) -> DescribeConfigsResponse {
    let results = request
        .resources
        .iter()
        .map(|r| {
            let mut result = result_for(r);
            if matches!(r.resource_type, GROUP | CLIENT_METRICS) {
                // Their own locks (the group coordinator's, the telemetry receiver's).
                return super::entity_configs::describe(shared, ctx, &request, r);
            }
            let state = shared.state();
            if matches!(r.resource_type, BROKER | BROKER_LOGGER) {
                return super::broker_configs::describe(shared, &state, ctx, &request, r);
            }
            if r.resource_type != TOPIC {
                result.error_code = ErrorCode::INVALID_REQUEST.0;
                result.error_message = Some(unserved(r.resource_type));
                return result;
            }
            let Some(topic) = state.topic(&r.resource_name) else {
                result.error_code = ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0;
                result.error_message = Some(format!("Topic {} does not exist.", r.resource_name));
                return result;
            };
            let wanted = |name: &str| asks_for(r, name);
            result.configs = TOPIC_CONFIGS
                .iter()
                .filter(|c| wanted(c.name))
                .map(|c| {
                    let mut chain = Vec::new();
                    if let Some(v) = topic.configs.get(c.name) {
                        chain.push((DYNAMIC_TOPIC_CONFIG, v.clone()));
                    }
                    chain.push((DEFAULT_CONFIG, c.default.to_owned()));
                    described(c.name, chain, c.config_type, false, &request, ctx.version, None)
                })
                .collect();
            result
        })
        .collect();
    DescribeConfigsResponse { results, ..Default::default() }
}

/// Why a resource type is refused.
fn unserved(resource_type: i8) -> String {
    format!(
        "the stub serves topic, broker, broker logger, group and client metrics configs, not resource type {resource_type}"
    )
}

pub(crate) fn incremental_alter_configs(
    shared: &Shared,
    ctx: &Ctx,
    request: IncrementalAlterConfigsRequest,
) -> IncrementalAlterConfigsResponse {
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
            if matches!(r.resource_type, GROUP | CLIENT_METRICS) {
                if let Err((code, message)) = super::entity_configs::alter_configs(shared, r, request.validate_only) {
                    response.error_code = code.0;
                    response.error_message = Some(message);
                }
                return response;
            }
            let mut state = shared.state();
            let outcome = if matches!(r.resource_type, BROKER | BROKER_LOGGER) {
                super::broker_configs::alter(&mut state, ctx, r, request.validate_only)
            } else if r.resource_type != TOPIC {
                Err((ErrorCode::INVALID_REQUEST, unserved(r.resource_type)))
            } else {
                match state.topic_mut(&r.resource_name) {
                    None => Err((
                        ErrorCode::UNKNOWN_TOPIC_OR_PARTITION,
                        format!("Topic {} does not exist.", r.resource_name),
                    )),
                    Some(topic) => {
                        let altered = alter(&topic.configs, r, topic_config);
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

pub(crate) type Configs = std::collections::BTreeMap<String, String>;

/// The configs after `resource`'s operations, or why they are refused (nothing is applied
/// then). `lookup` finds a key's definition, or refuses the key.
pub(crate) fn alter(
    current: &Configs,
    resource: &kfk_protocol::messages::incremental_alter_configs::request::AlterConfigsResource,
    lookup: impl Fn(&str) -> Result<&'static ConfigDef, (ErrorCode, String)>,
) -> Result<Configs, (ErrorCode, String)> {
    let mut configs = current.clone();
    let invalid = |m: String| (ErrorCode::INVALID_CONFIG, m);
    for op in &resource.configs {
        let config = lookup(&op.name)?;
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
    let metadata = brokers_only(shared, ctx.listener, 12);
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
pub(crate) mod tests {
    use super::*;
    use kfk_protocol::messages::incremental_alter_configs::request::{AlterConfigsResource, AlterableConfig};

    /// A resource of `resource_type` named `name` with `ops` (name, operation, value).
    pub(crate) fn resource_of(resource_type: i8, name: &str, ops: &[(&str, i8, Option<&str>)]) -> AlterConfigsResource {
        AlterConfigsResource {
            resource_type,
            resource_name: name.into(),
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

    fn resource(ops: &[(&str, i8, Option<&str>)]) -> AlterConfigsResource {
        resource_of(TOPIC, "t", ops)
    }

    #[test]
    fn operations_apply_in_order_and_invalid_values_are_refused() {
        let configs = alter(
            &Configs::new(),
            &resource(&[("retention.ms", 0, Some("1000")), ("cleanup.policy", 2, Some("compact"))]),
            topic_config,
        )
        .expect("valid");
        assert_eq!(configs["retention.ms"], "1000");
        assert_eq!(configs["cleanup.policy"], "delete,compact");
        let configs = alter(
            &configs,
            &resource(&[("cleanup.policy", 3, Some("delete")), ("retention.ms", 1, None)]),
            topic_config,
        )
        .expect("valid");
        assert_eq!(configs["cleanup.policy"], "compact");
        assert!(!configs.contains_key("retention.ms"));
        let (code, message) =
            alter(&configs, &resource(&[("retention.ms", 0, Some("soon"))]), topic_config).expect_err("invalid");
        assert_eq!(code, ErrorCode::INVALID_CONFIG);
        assert_eq!(message, "Invalid value soon for configuration retention.ms: Not a number of type LONG");
        let (code, _) =
            alter(&configs, &resource(&[("no.such.key", 0, Some("1"))]), topic_config).expect_err("unknown");
        assert_eq!(code, ErrorCode::INVALID_CONFIG);
        let (code, _) =
            alter(&configs, &resource(&[("retention.ms", 2, Some("1"))]), topic_config).expect_err("not a list");
        assert_eq!(code, ErrorCode::INVALID_CONFIG);
    }
}

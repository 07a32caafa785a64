//! DescribeConfigs and IncrementalAlterConfigs for brokers and their loggers.
//!
//! A broker's configs come, highest precedence first, from a dynamic value set for that broker,
//! a dynamic cluster-wide default (the resource named ""), the stub's own setting (what its
//! builder configured, reported as a static broker config, as if set in `server.properties`),
//! and Kafka's default. Only the configs Kafka can change while running accept dynamic values;
//! the stub keeps and describes them but does not act on them. A broker's loggers each have a
//! level (INFO unless set), which can be set and removed.

use std::collections::BTreeMap;

use kfk_protocol::messages::describe_configs::request::DescribeConfigsResource;
use kfk_protocol::messages::describe_configs::response::DescribeConfigsResult;
use kfk_protocol::messages::incremental_alter_configs::request::AlterConfigsResource;
use kfk_protocol::messages::DescribeConfigsRequest;
use kfk_protocol::ErrorCode;

use super::admin_configs::{
    alter as alter_configs, described, int_at_least, long_at_least, one_of, ConfigDef, BOOLEAN, COMPRESSION_TYPES,
    DEFAULT_CONFIG, INT, LONG, STRING,
};
use crate::handlers::Ctx;
use crate::state::{ClusterState, Config, Shared, DEFAULT_LOGGERS};

/// `ConfigResource.Type` values.
pub(crate) const BROKER: i8 = 4;
pub(crate) const BROKER_LOGGER: i8 = 8;
/// Config sources.
const DYNAMIC_BROKER_CONFIG: i8 = 2;
const DYNAMIC_DEFAULT_BROKER_CONFIG: i8 = 3;
const STATIC_BROKER_CONFIG: i8 = 4;
const DYNAMIC_BROKER_LOGGER_CONFIG: i8 = 6;

/// A broker config the stub knows.
struct BrokerConfig {
    def: ConfigDef,
    /// Kafka can change it while the broker runs (update mode per-broker or cluster-wide).
    dynamic: bool,
    documentation: &'static str,
    /// The stub's own setting for broker `id`, if it has one.
    stub: fn(&Config, i32) -> Option<String>,
}

const BOOLEANS: &[&str] = &["true", "false"];

const fn fixed(
    name: &'static str,
    default: &'static str,
    config_type: i8,
    documentation: &'static str,
    stub: fn(&Config, i32) -> Option<String>,
) -> BrokerConfig {
    BrokerConfig {
        def: ConfigDef { name, default, config_type, valid: |_| Ok(()) },
        dynamic: false,
        documentation,
        stub,
    }
}

const fn dynamic(
    name: &'static str,
    default: &'static str,
    config_type: i8,
    valid: fn(&str) -> Result<(), String>,
    documentation: &'static str,
) -> BrokerConfig {
    BrokerConfig {
        def: ConfigDef { name, default, config_type, valid },
        dynamic: true,
        documentation,
        stub: |_, _| None,
    }
}

const BROKER_CONFIGS: &[BrokerConfig] = &[
    fixed("node.id", "-1", INT, "This node's id.", |_, id| Some(id.to_string())),
    fixed("broker.id", "-1", INT, "This broker's id (the node id).", |_, id| Some(id.to_string())),
    fixed("num.partitions", "1", INT, "Partitions of a topic created without a count.", |c, _| {
        Some(c.default_partitions.to_string())
    }),
    fixed("default.replication.factor", "1", INT, "Replicas of a topic created without a factor.", |c, _| {
        Some(c.default_replication_factor.to_string())
    }),
    fixed("auto.create.topics.enable", "true", BOOLEAN, "Whether asking for an unknown topic creates it.", |c, _| {
        Some(c.auto_create_topics.to_string())
    }),
    fixed("offsets.topic.num.partitions", "50", INT, "Partitions of __consumer_offsets.", |c, _| {
        Some(c.groups.offsets_partitions.to_string())
    }),
    fixed("transaction.state.log.num.partitions", "50", INT, "Partitions of __transaction_state.", |c, _| {
        Some(c.groups.transaction_partitions.to_string())
    }),
    fixed("group.initial.rebalance.delay.ms", "3000", INT, "How long a new group waits for members.", |c, _| {
        Some(c.groups.initial_rebalance_delay_ms.to_string())
    }),
    fixed("group.min.session.timeout.ms", "6000", INT, "The shortest session a member may ask for.", |c, _| {
        Some(c.groups.min_session_timeout_ms.to_string())
    }),
    fixed("group.max.session.timeout.ms", "1800000", INT, "The longest session a member may ask for.", |c, _| {
        Some(c.groups.max_session_timeout_ms.to_string())
    }),
    fixed("transaction.max.timeout.ms", "900000", INT, "The longest transaction timeout allowed.", |_, _| None),
    dynamic("message.max.bytes", "1048588", INT, |v| int_at_least(0)(v), "The largest record batch accepted."),
    dynamic("log.retention.bytes", "-1", LONG, |v| long_at_least(i64::MIN)(v), "A partition's size bound."),
    dynamic("log.cleaner.threads", "1", INT, |v| int_at_least(0)(v), "Threads compacting logs."),
    dynamic("min.insync.replicas", "1", INT, |v| int_at_least(1)(v), "Replicas an acks=all write needs."),
    dynamic("compression.type", "producer", STRING, |v| one_of(COMPRESSION_TYPES)(v), "How logs are compressed."),
    dynamic(
        "auto.leader.rebalance.enable",
        "true",
        BOOLEAN,
        |v| one_of(BOOLEANS)(v),
        "Whether leadership returns to preferred replicas.",
    ),
];

const LOG_LEVELS: &[&str] = &["OFF", "FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"];

/// The broker a resource names, which must be the one asked (the admin client sends a broker's
/// configs to that broker), as Kafka checks it.
fn own_broker(ctx: &Ctx, name: &str) -> Result<i32, (ErrorCode, String)> {
    let id: i32 = name
        .parse()
        .map_err(|_| (ErrorCode::INVALID_REQUEST, format!("Broker id must be an integer, but it is: {name}")))?;
    if id != ctx.broker {
        return Err((
            ErrorCode::INVALID_REQUEST,
            format!("Unexpected broker id, expected {}, but received {id}", ctx.broker),
        ));
    }
    Ok(id)
}

/// Describes a broker (all its configs), the cluster-wide default (the dynamic defaults set),
/// or a broker's loggers.
pub(crate) fn describe(
    shared: &Shared,
    state: &ClusterState,
    ctx: &Ctx,
    request: &DescribeConfigsRequest,
    r: &DescribeConfigsResource,
) -> DescribeConfigsResult {
    let mut result = super::admin_configs::result_for(r);
    let wanted = |name: &str| super::admin_configs::asks_for(r, name);
    let store = &state.broker_configs;
    let cluster_default = store.dynamic.get("");
    if r.resource_type == BROKER && r.resource_name.is_empty() {
        result.configs = BROKER_CONFIGS
            .iter()
            .filter(|c| wanted(c.def.name))
            .filter_map(|c| {
                let value = cluster_default?.get(c.def.name)?;
                let chain =
                    vec![(DYNAMIC_DEFAULT_BROKER_CONFIG, value.clone()), (DEFAULT_CONFIG, c.def.default.into())];
                Some(described(
                    c.def.name,
                    chain,
                    c.def.config_type,
                    false,
                    request,
                    ctx.version,
                    Some(c.documentation),
                ))
            })
            .collect();
        return result;
    }
    let broker = match own_broker(ctx, &r.resource_name) {
        Ok(id) => id,
        Err((code, message)) => {
            result.error_code = code.0;
            result.error_message = Some(message);
            return result;
        }
    };
    if r.resource_type == BROKER_LOGGER {
        result.configs = store
            .logger_levels(broker)
            .into_iter()
            .filter(|(name, _)| wanted(name))
            .map(|(name, level)| {
                described(&name, vec![(DYNAMIC_BROKER_LOGGER_CONFIG, level)], STRING, false, request, ctx.version, None)
            })
            .collect();
        return result;
    }
    let own = store.dynamic.get(&r.resource_name);
    result.configs = BROKER_CONFIGS
        .iter()
        .filter(|c| wanted(c.def.name))
        .map(|c| {
            let name = c.def.name;
            let mut chain = Vec::new();
            if let Some(v) = own.and_then(|d| d.get(name)) {
                chain.push((DYNAMIC_BROKER_CONFIG, v.clone()));
            }
            if let Some(v) = cluster_default.and_then(|d| d.get(name)) {
                chain.push((DYNAMIC_DEFAULT_BROKER_CONFIG, v.clone()));
            }
            if let Some(v) = (c.stub)(&shared.config, broker) {
                chain.push((STATIC_BROKER_CONFIG, v));
            }
            chain.push((DEFAULT_CONFIG, c.def.default.into()));
            described(name, chain, c.def.config_type, !c.dynamic, request, ctx.version, Some(c.documentation))
        })
        .collect();
    result
}

/// Applies a broker's (or the cluster default's) config operations, or a broker's logger
/// level changes; nothing is applied if one is refused or `validate_only`.
pub(crate) fn alter(
    state: &mut ClusterState,
    ctx: &Ctx,
    r: &AlterConfigsResource,
    validate_only: bool,
) -> Result<(), (ErrorCode, String)> {
    let store = &mut state.broker_configs;
    if r.resource_type == BROKER_LOGGER {
        let broker = own_broker(ctx, &r.resource_name)?;
        let levels = alter_loggers(store.loggers.get(&broker).cloned().unwrap_or_default(), r)?;
        if !validate_only {
            store.loggers.insert(broker, levels);
        }
        return Ok(());
    }
    if !r.resource_name.is_empty() {
        own_broker(ctx, &r.resource_name)?;
    }
    let lookup = |name: &str| match BROKER_CONFIGS.iter().find(|c| c.def.name == name) {
        Some(c) if c.dynamic => Ok(&c.def),
        Some(_) => Err((ErrorCode::INVALID_REQUEST, format!("Cannot update these configs dynamically: Set({name})"))),
        None => Err((ErrorCode::INVALID_CONFIG, format!("Unknown broker config name: {name}"))),
    };
    let current = store.dynamic.get(&r.resource_name).cloned().unwrap_or_default();
    let configs = alter_configs(&current, r, lookup)?;
    if !validate_only {
        if configs.is_empty() {
            store.dynamic.remove(&r.resource_name);
        } else {
            store.dynamic.insert(r.resource_name.clone(), configs);
        }
    }
    Ok(())
}

/// Logger levels after `r`'s operations: SET a level, DELETE the level set (a listed logger
/// goes back to its default; the root logger's level cannot be removed).
fn alter_loggers(
    mut levels: BTreeMap<String, String>,
    r: &AlterConfigsResource,
) -> Result<BTreeMap<String, String>, (ErrorCode, String)> {
    for op in &r.configs {
        match op.config_operation {
            0 => {
                let level = op.value.clone().unwrap_or_default();
                if !LOG_LEVELS.contains(&level.as_str()) {
                    return Err((
                        ErrorCode::INVALID_CONFIG,
                        format!(
                            "Cannot set the log level of {} to {level} as it is not a supported log level. Valid \
                             log levels are {}",
                            op.name,
                            LOG_LEVELS.join(", ")
                        ),
                    ));
                }
                if !levels.contains_key(&op.name) && !DEFAULT_LOGGERS.iter().any(|(name, _)| *name == op.name) {
                    return Err((ErrorCode::INVALID_CONFIG, format!("Logger {} does not exist!", op.name)));
                }
                levels.insert(op.name.clone(), level);
            }
            1 if op.name == "root" => {
                return Err((
                    ErrorCode::INVALID_REQUEST,
                    "Removing the log level of the root logger is not allowed".into(),
                ))
            }
            1 => {
                levels.remove(&op.name);
            }
            other => {
                return Err((
                    ErrorCode::INVALID_REQUEST,
                    format!("Operation {other} is not allowed for logger configs"),
                ))
            }
        }
    }
    Ok(levels)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(ops: &[(&str, i8, Option<&str>)]) -> AlterConfigsResource {
        crate::handlers::admin_configs::tests::resource_of(BROKER_LOGGER, "0", ops)
    }

    #[test]
    fn logger_levels_are_set_checked_and_removed() {
        let levels = alter_loggers(BTreeMap::new(), &ops(&[("kafka", 0, Some("DEBUG"))])).expect("valid");
        assert_eq!(levels["kafka"], "DEBUG");
        let levels = alter_loggers(levels, &ops(&[("kafka", 1, None)])).expect("removed");
        assert!(!levels.contains_key("kafka"));
        let (code, _) = alter_loggers(levels.clone(), &ops(&[("x.y", 0, Some("WARN"))])).expect_err("unknown logger");
        assert_eq!(code, ErrorCode::INVALID_CONFIG);
        let (code, _) = alter_loggers(levels.clone(), &ops(&[("kafka", 0, Some("LOUD"))])).expect_err("bad level");
        assert_eq!(code, ErrorCode::INVALID_CONFIG);
        let (code, _) = alter_loggers(levels.clone(), &ops(&[("root", 1, None)])).expect_err("the root stays");
        assert_eq!(code, ErrorCode::INVALID_REQUEST);
        let (code, _) = alter_loggers(levels, &ops(&[("kafka", 2, Some("INFO"))])).expect_err("no append");
        assert_eq!(code, ErrorCode::INVALID_REQUEST);
    }

    #[test]
    fn every_default_is_a_valid_value() {
        for c in BROKER_CONFIGS {
            assert_eq!((c.def.valid)(c.def.default), Ok(()), "{}", c.def.name);
        }
    }
}

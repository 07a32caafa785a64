//! DescribeConfigs and IncrementalAlterConfigs for groups (resource type GROUP) and
//! client-metrics subscriptions (CLIENT_METRICS), and ListConfigResources, as Kafka 4.x
//! serves them.
//!
//! Groups: `consumer.session.timeout.ms` and `consumer.heartbeat.interval.ms` (of the keys a
//! Kafka 4.4 group has, the two KIP-848 consumer groups use; the share and streams group keys
//! are not modelled and are refused as unknown). A group's configs may be set whether or not
//! the group exists; unset, a key shows the coordinator's `group.consumer.*` setting (as a
//! static broker config when the builder set it, else Kafka's default). Values must lie within
//! the coordinator's bounds (Kafka's `group.consumer.min/max.session.timeout.ms` and
//! `group.consumer.min/max.heartbeat.interval.ms`: 45-60 s and 5-15 s, widened to the
//! builder's session timeout and heartbeat interval when those lie outside, as a broker
//! configured so would have to be), and the session must exceed the heartbeat interval. The
//! coordinator uses them from each member's next heartbeat.
//!
//! Client metrics: `metrics`, `interval.ms` and `match`; a name never set describes as the
//! defaults, as Kafka's does. The subscriptions drive the telemetry receiver
//! ([`crate::telemetry`]).

use std::collections::BTreeMap;

use kfk_protocol::messages::describe_configs::request::DescribeConfigsResource;
use kfk_protocol::messages::describe_configs::response::DescribeConfigsResult;
use kfk_protocol::messages::incremental_alter_configs::request::AlterConfigsResource;
use kfk_protocol::messages::list_config_resources::response::ConfigResource;
use kfk_protocol::messages::{DescribeConfigsRequest, ListConfigResourcesRequest, ListConfigResourcesResponse};
use kfk_protocol::ErrorCode;

use super::admin_configs::{
    alter, check_value, described, int_at_least, ConfigDef, Configs, DEFAULT_CONFIG, INT, LIST,
};
use crate::handlers::Ctx;
use crate::state::Shared;
use crate::telemetry::ClientMetricsResource;

/// `ConfigResource.Type` values.
pub(crate) const CLIENT_METRICS: i8 = 16;
pub(crate) const GROUP: i8 = 32;
/// Config sources.
const STATIC_BROKER_CONFIG: i8 = 4;
const CLIENT_METRICS_CONFIG: i8 = 7;
const GROUP_CONFIG: i8 = 8;

type Refusal = (ErrorCode, String);

const SESSION: &str = "consumer.session.timeout.ms";
const HEARTBEAT: &str = "consumer.heartbeat.interval.ms";

/// A group config: its definition, its broker synonym, Kafka's default bounds, documentation.
struct GroupKey {
    def: ConfigDef,
    broker: &'static str,
    kafka_range: (i32, i32),
    doc: &'static str,
}

/// In Kafka's order of definition.
const GROUP_KEYS: &[GroupKey] = &[
    GroupKey {
        def: ConfigDef { name: SESSION, default: "45000", config_type: INT, valid: |v| int_at_least(1)(v) },
        broker: "group.consumer.session.timeout.ms",
        kafka_range: (45_000, 60_000),
        doc: "The timeout to detect client failures when using the consumer group protocol.",
    },
    GroupKey {
        def: ConfigDef { name: HEARTBEAT, default: "5000", config_type: INT, valid: |v| int_at_least(1)(v) },
        broker: "group.consumer.heartbeat.interval.ms",
        kafka_range: (5_000, 15_000),
        doc: "The heartbeat interval given to the members of a consumer group.",
    },
];

/// The coordinator's own value of a group key (the builder's setting).
fn coordinator_value(shared: &Shared, key: &GroupKey) -> i32 {
    let groups = &shared.config.groups;
    if key.def.name == SESSION {
        groups.consumer_session_timeout_ms
    } else {
        groups.consumer_heartbeat_interval_ms
    }
}

/// The bounds a group's value must lie within: Kafka's, widened to the coordinator's own value.
fn bounds(shared: &Shared, key: &GroupKey) -> (i32, i32) {
    let own = coordinator_value(shared, key);
    (key.kafka_range.0.min(own), key.kafka_range.1.max(own))
}

fn group_key(name: &str) -> Result<&'static ConfigDef, Refusal> {
    GROUP_KEYS
        .iter()
        .find(|k| k.def.name == name)
        .map(|k| &k.def)
        .ok_or_else(|| (ErrorCode::INVALID_CONFIG, format!("Unknown group config name: {name}")))
}

/// Kafka's checks of a group's configs (all of them, after the operations).
fn validate_group(shared: &Shared, configs: &Configs) -> Result<(), Refusal> {
    let invalid = |m: String| (ErrorCode::INVALID_CONFIG, m);
    for name in configs.keys() {
        group_key(name)?;
    }
    let mut parsed = BTreeMap::new();
    for key in GROUP_KEYS {
        if let Some(v) = configs.get(key.def.name) {
            check_value(&key.def, v).map_err(invalid)?;
            parsed.insert(key.def.name, v.trim().parse::<i32>().unwrap_or_default());
        }
    }
    // Kafka checks the heartbeat interval's bounds first.
    for key in GROUP_KEYS.iter().rev() {
        if let Some(&v) = parsed.get(key.def.name) {
            let (min, max) = bounds(shared, key);
            if v < min || v > max {
                return Err(invalid(format!("{} must be in the range {min} to {max} inclusive.", key.def.name)));
            }
        }
    }
    if parsed.contains_key(SESSION) || parsed.contains_key(HEARTBEAT) {
        let session = parsed.get(SESSION).copied().unwrap_or(shared.config.groups.consumer_session_timeout_ms);
        let heartbeat = parsed.get(HEARTBEAT).copied().unwrap_or(shared.config.groups.consumer_heartbeat_interval_ms);
        if session <= heartbeat {
            return Err(invalid(format!("{SESSION} must be greater than {HEARTBEAT}")));
        }
    }
    Ok(())
}

/// The client-metrics keys: name, Kafka's default, type, documentation.
const CLIENT_METRICS_KEYS: &[(&str, &str, i8, &str)] = &[
    ("interval.ms", "300000", INT, "Metrics push interval in milliseconds"),
    ("match", "", LIST, "Client match criteria"),
    ("metrics", "", LIST, "Telemetry metric name prefix list"),
];

fn client_metrics_key(name: &str) -> Result<&'static ConfigDef, Refusal> {
    // Values are checked on the whole (`ClientMetricsResource::parse`), as Kafka does.
    const DEFS: &[ConfigDef] = &[
        ConfigDef { name: "interval.ms", default: "300000", config_type: INT, valid: |_| Ok(()) },
        ConfigDef { name: "match", default: "", config_type: LIST, valid: |_| Ok(()) },
        ConfigDef { name: "metrics", default: "", config_type: LIST, valid: |_| Ok(()) },
    ];
    DEFS.iter()
        .find(|d| d.name == name)
        .ok_or_else(|| (ErrorCode::INVALID_REQUEST, format!("Unknown client metrics configuration: {name}")))
}

/// Describes a group or a client-metrics subscription.
pub(crate) fn describe(
    shared: &Shared,
    ctx: &Ctx,
    request: &DescribeConfigsRequest,
    r: &DescribeConfigsResource,
) -> DescribeConfigsResult {
    let mut result = super::admin_configs::result_for(r);
    let wanted = |name: &str| super::admin_configs::asks_for(r, name);
    if r.resource_name.is_empty() {
        result.error_code = ErrorCode::INVALID_REQUEST.0;
        result.error_message = Some(
            if r.resource_type == GROUP {
                "Group name must not be empty"
            } else {
                "Client metrics subscription name must not be empty"
            }
            .into(),
        );
        return result;
    }
    if r.resource_type == GROUP {
        let set = shared.groups().group_configs(&r.resource_name);
        result.configs = GROUP_KEYS
            .iter()
            .filter(|k| wanted(k.def.name))
            .map(|k| {
                let own = coordinator_value(shared, k).to_string();
                let mut chain = Vec::new();
                let mut names = Vec::new();
                if let Some(v) = set.get(k.def.name) {
                    chain.push((GROUP_CONFIG, v.clone()));
                    names.push(k.def.name);
                }
                if own != k.def.default {
                    chain.push((STATIC_BROKER_CONFIG, own));
                    names.push(k.broker);
                }
                chain.push((DEFAULT_CONFIG, k.def.default.to_owned()));
                names.push(k.broker);
                let mut entry =
                    described(k.def.name, chain, k.def.config_type, false, request, ctx.version, Some(k.doc));
                for (synonym, name) in entry.synonyms.iter_mut().zip(names) {
                    synonym.name = name.to_owned();
                }
                entry
            })
            .collect();
        return result;
    }
    let set = shared.telemetry().resources.get(&r.resource_name).map(|res| res.configs.clone()).unwrap_or_default();
    result.configs = CLIENT_METRICS_KEYS
        .iter()
        .filter(|(name, ..)| wanted(name))
        .map(|&(name, default, config_type, doc)| {
            let chain = match set.get(name) {
                Some(v) => vec![(CLIENT_METRICS_CONFIG, v.clone())],
                None => vec![(DEFAULT_CONFIG, default.to_owned())],
            };
            let mut entry = described(name, chain, config_type, false, request, ctx.version, Some(doc));
            if !set.contains_key(name) {
                // Kafka names no synonym for a default.
                entry.synonyms.clear();
            }
            entry
        })
        .collect();
    result
}

/// Alters a group's or a client-metrics subscription's configs (all operations or none).
pub(crate) fn alter_configs(shared: &Shared, r: &AlterConfigsResource, validate_only: bool) -> Result<(), Refusal> {
    if r.resource_type == GROUP {
        if r.resource_name.is_empty() {
            return Err((ErrorCode::INVALID_REQUEST, "Group name can't be empty.".into()));
        }
        let current = shared.groups().group_configs(&r.resource_name);
        let configs = alter(&current, r, group_key)?;
        validate_group(shared, &configs)?;
        if !validate_only {
            shared.groups().set_group_configs(&r.resource_name, configs);
        }
        return Ok(());
    }
    if r.resource_name.is_empty() {
        return Err((ErrorCode::INVALID_REQUEST, "Subscription name can't be empty".into()));
    }
    let mut telemetry = shared.telemetry();
    let current = telemetry.resources.get(&r.resource_name).map(|res| res.configs.clone()).unwrap_or_default();
    let resource = ClientMetricsResource::parse(alter(&current, r, client_metrics_key)?)?;
    if !validate_only {
        telemetry.set_resource(&r.resource_name, resource);
    }
    Ok(())
}

/// ListConfigResources (v0: ListClientMetricsResources): the resources of the types asked
/// (none: all Kafka lists: topics, brokers, broker loggers, client metrics, groups with
/// configs); a type Kafka does not list is UNSUPPORTED_VERSION.
pub(crate) fn list_config_resources(
    shared: &Shared,
    ctx: &Ctx,
    request: ListConfigResourcesRequest,
) -> ListConfigResourcesResponse {
    use super::admin_configs::TOPIC;
    use super::broker_configs::{BROKER, BROKER_LOGGER};
    let supported: &[i8] =
        if ctx.version == 0 { &[CLIENT_METRICS] } else { &[TOPIC, BROKER, BROKER_LOGGER, CLIENT_METRICS, GROUP] };
    let types = if request.resource_types.is_empty() { supported.to_vec() } else { request.resource_types.clone() };
    if types.iter().any(|t| !supported.contains(t)) {
        return ListConfigResourcesResponse { error_code: ErrorCode::UNSUPPORTED_VERSION.0, ..Default::default() };
    }
    let mut config_resources = Vec::new();
    let mut add = |resource_type: i8, names: Vec<String>| {
        config_resources.extend(names.into_iter().map(|resource_name| ConfigResource {
            resource_name,
            resource_type,
            ..Default::default()
        }));
    };
    if types.contains(&GROUP) {
        add(GROUP, shared.groups().group_config_ids());
    }
    if types.contains(&CLIENT_METRICS) {
        add(CLIENT_METRICS, shared.telemetry().resources.keys().cloned().collect());
    }
    let brokers: Vec<String> = if types.contains(&BROKER) || types.contains(&BROKER_LOGGER) {
        shared.state().live_brokers().iter().map(i32::to_string).collect()
    } else {
        Vec::new()
    };
    if types.contains(&BROKER_LOGGER) {
        add(BROKER_LOGGER, brokers.clone());
    }
    if types.contains(&BROKER) {
        add(BROKER, brokers);
    }
    if types.contains(&TOPIC) {
        let names = shared.state().topics().map(|t| t.name.clone()).collect();
        add(TOPIC, names);
    }
    ListConfigResourcesResponse { config_resources, ..Default::default() }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::time::Duration;

    use kfk_protocol::messages::describe_configs::request::DescribeConfigsResource;
    use kfk_protocol::messages::describe_configs::response::DescribeConfigsResourceResult;
    use kfk_protocol::messages::{
        ConsumerGroupHeartbeatRequest, GetTelemetrySubscriptionsRequest, IncrementalAlterConfigsRequest,
        PushTelemetryRequest,
    };
    use kfk_protocol::Uuid;

    use super::*;
    use crate::handlers::admin_configs::tests::resource_of;
    use crate::handlers::admin_configs::{describe_configs, incremental_alter_configs};
    use crate::state::Config;
    use crate::TelemetrySubscription;

    fn shared() -> Shared {
        let config = Config { telemetry: Some(TelemetrySubscription::default()), ..Config::for_tests(1) };
        Shared::new(config, vec![0])
    }

    fn ctx(client_id: &str, version: i16) -> Ctx {
        Ctx {
            broker: 0,
            version,
            client_id: client_id.into(),
            client_host: "/127.0.0.1".into(),
            client_port: 50_000,
            client_software: Some(("apache-kafka-java".into(), "4.4.0".into())),
            listener: 0,
            principal: String::new(),
            acls: None,
            partition_faults: HashMap::new(),
        }
    }

    /// Describes `name` of `resource_type`: its configs by name, or its error.
    fn describe_one(
        shared: &Shared,
        resource_type: i8,
        name: &str,
    ) -> Result<BTreeMap<String, DescribeConfigsResourceResult>, (i16, String)> {
        let request = DescribeConfigsRequest {
            resources: vec![DescribeConfigsResource {
                resource_type,
                resource_name: name.into(),
                configuration_keys: None,
                ..Default::default()
            }],
            include_synonyms: true,
            ..Default::default()
        };
        let result = describe_configs(shared, &ctx("admin", 4), request).results.remove(0);
        if result.error_code != 0 {
            return Err((result.error_code, result.error_message.unwrap_or_default()));
        }
        Ok(result.configs.into_iter().map(|c| (c.name.clone(), c)).collect())
    }

    /// Applies `ops` (name, operation, value) to one resource: its outcome.
    fn alter_one(
        shared: &Shared,
        resource_type: i8,
        name: &str,
        ops: &[(&str, i8, Option<&str>)],
    ) -> Result<(), (ErrorCode, String)> {
        let request = IncrementalAlterConfigsRequest {
            resources: vec![resource_of(resource_type, name, ops)],
            ..Default::default()
        };
        let r = incremental_alter_configs(shared, &ctx("admin", 1), request).responses.remove(0);
        match r.error_code {
            0 => Ok(()),
            code => Err((ErrorCode(code), r.error_message.unwrap_or_default())),
        }
    }

    #[test]
    fn group_configs_describe_as_defaults_until_set_and_are_checked_as_kafka_checks_them() {
        let shared = shared();
        let configs = describe_one(&shared, GROUP, "g").expect("any group id describes");
        assert_eq!(configs.keys().collect::<Vec<_>>(), [HEARTBEAT, SESSION]);
        let session = &configs[SESSION];
        assert_eq!((session.value.as_deref(), session.config_source), (Some("45000"), DEFAULT_CONFIG));
        assert_eq!(session.config_type, INT);
        assert_eq!(session.synonyms[0].name, "group.consumer.session.timeout.ms");
        assert_eq!(configs[HEARTBEAT].value.as_deref(), Some("5000"));

        alter_one(&shared, GROUP, "g", &[(SESSION, 0, Some("50000")), (HEARTBEAT, 0, Some("6000"))]).expect("in range");
        let configs = describe_one(&shared, GROUP, "g").expect("described");
        let session = &configs[SESSION];
        assert_eq!((session.value.as_deref(), session.config_source), (Some("50000"), GROUP_CONFIG));
        assert_eq!((session.synonyms[0].source, session.synonyms[0].name.as_str()), (GROUP_CONFIG, SESSION));
        assert_eq!(configs[HEARTBEAT].config_source, GROUP_CONFIG);
        assert_eq!(describe_one(&shared, GROUP, "other").expect("described")[SESSION].config_source, DEFAULT_CONFIG);

        let refused = |ops: &[(&str, i8, Option<&str>)]| alter_one(&shared, GROUP, "g", ops).expect_err("refused");
        assert_eq!(
            refused(&[(SESSION, 0, Some("70000"))]),
            (
                ErrorCode::INVALID_CONFIG,
                "consumer.session.timeout.ms must be in the range 45000 to 60000 inclusive.".into()
            )
        );
        assert_eq!(
            refused(&[(HEARTBEAT, 0, Some("1000"))]),
            (
                ErrorCode::INVALID_CONFIG,
                "consumer.heartbeat.interval.ms must be in the range 5000 to 15000 inclusive.".into()
            )
        );
        assert_eq!(
            refused(&[("consumer.rebalance.timeout.ms", 0, Some("1"))]),
            (ErrorCode::INVALID_CONFIG, "Unknown group config name: consumer.rebalance.timeout.ms".into())
        );
        assert_eq!(
            refused(&[(SESSION, 0, Some("soon"))]),
            (
                ErrorCode::INVALID_CONFIG,
                "Invalid value soon for configuration consumer.session.timeout.ms: Not a number of type INT".into()
            )
        );
        assert_eq!(
            alter_one(&shared, GROUP, "h", &[(SESSION, 0, Some("45000")), (HEARTBEAT, 0, Some("15000"))]),
            Ok(())
        );
        let shared = self::shared();
        assert!(alter_one(&shared, GROUP, "g", &[(SESSION, 0, Some("15000"))]).is_err());
        // Nothing was kept of a refused alteration; deleting the keys removes the resource.
        assert!(shared.groups().group_configs("g").is_empty());
        alter_one(&shared, GROUP, "g", &[(SESSION, 0, Some("50000"))]).expect("set");
        assert_eq!(shared.groups().group_config_ids(), ["g"]);
        alter_one(&shared, GROUP, "g", &[(SESSION, 1, None)]).expect("deleted");
        assert!(shared.groups().group_config_ids().is_empty());
        assert_eq!(describe_one(&shared, GROUP, "").expect_err("no name").0, ErrorCode::INVALID_REQUEST.0);
    }

    #[test]
    fn the_session_must_exceed_the_heartbeat_interval() {
        let config_groups = crate::groups::GroupConfig {
            consumer_session_timeout_ms: 6_000,
            consumer_heartbeat_interval_ms: 500,
            ..Default::default()
        };
        let shared = {
            let s = shared();
            let mut config = s.config.clone();
            config.groups = config_groups;
            Shared::new(config, vec![0])
        };
        // The builder's 6 s session widens the range, and shows as a static broker config.
        let configs = describe_one(&shared, GROUP, "g").expect("described");
        assert_eq!(
            (configs[SESSION].value.as_deref(), configs[SESSION].config_source),
            (Some("6000"), STATIC_BROKER_CONFIG)
        );
        assert_eq!(configs[SESSION].synonyms.len(), 2);
        let (code, message) =
            alter_one(&shared, GROUP, "g", &[(HEARTBEAT, 0, Some("6000"))]).expect_err("not below the session");
        assert_eq!(
            (code, message.as_str()),
            (
                ErrorCode::INVALID_CONFIG,
                "consumer.session.timeout.ms must be greater than consumer.heartbeat.interval.ms"
            )
        );
        alter_one(&shared, GROUP, "g", &[(SESSION, 0, Some("8000")), (HEARTBEAT, 0, Some("700"))]).expect("in range");
    }

    #[test]
    fn the_coordinator_uses_a_groups_configured_heartbeat_interval_and_session() {
        let shared = shared();
        alter_one(&shared, GROUP, "g", &[(SESSION, 0, Some("50000")), (HEARTBEAT, 0, Some("7000"))]).expect("set");
        let join = ConsumerGroupHeartbeatRequest {
            group_id: "g".into(),
            member_id: "m".into(),
            member_epoch: 0,
            rebalance_timeout_ms: 30_000,
            subscribed_topic_names: Some(vec!["t".into()]),
            topic_partitions: Some(Vec::new()),
            ..Default::default()
        };
        let r = crate::handlers::consumer_group::heartbeat(&shared, &ctx("c", 1), join.clone());
        assert_eq!((r.error_code, r.heartbeat_interval_ms), (0, 7_000));
        assert_eq!(shared.groups().consumer_session_timeout_ms("g"), 50_000);
        let r = crate::handlers::consumer_group::heartbeat(
            &shared,
            &ctx("c", 1),
            ConsumerGroupHeartbeatRequest { group_id: "other".into(), ..join },
        );
        assert_eq!((r.error_code, r.heartbeat_interval_ms), (0, 5_000), "the coordinator's own");
    }

    #[test]
    fn client_metrics_describe_as_defaults_until_set_and_are_checked_as_kafka_checks_them() {
        let shared = shared();
        let configs = describe_one(&shared, CLIENT_METRICS, "never-set").expect("a name never set describes");
        let summary: Vec<(&str, Option<&str>, i8, i8)> =
            configs.values().map(|c| (c.name.as_str(), c.value.as_deref(), c.config_source, c.config_type)).collect();
        assert_eq!(
            summary,
            [
                ("interval.ms", Some("300000"), DEFAULT_CONFIG, INT),
                ("match", Some(""), DEFAULT_CONFIG, LIST),
                ("metrics", Some(""), DEFAULT_CONFIG, LIST)
            ]
        );
        alter_one(
            &shared,
            CLIENT_METRICS,
            "sub",
            &[("metrics", 0, Some("org.apache.kafka.producer.")), ("interval.ms", 0, Some("1000"))],
        )
        .expect("set");
        let configs = describe_one(&shared, CLIENT_METRICS, "sub").expect("described");
        assert_eq!(configs["interval.ms"].value.as_deref(), Some("1000"));
        assert_eq!(configs["interval.ms"].config_source, CLIENT_METRICS_CONFIG);
        assert_eq!(configs["metrics"].synonyms[0].source, CLIENT_METRICS_CONFIG);
        assert_eq!(configs["match"].config_source, DEFAULT_CONFIG);
        assert!(configs["match"].synonyms.is_empty(), "Kafka names no synonym for a default");

        let refused =
            |ops: &[(&str, i8, Option<&str>)]| alter_one(&shared, CLIENT_METRICS, "sub", ops).expect_err("refused");
        assert_eq!(
            refused(&[("interval.ms", 0, Some("50"))]),
            (
                ErrorCode::INVALID_REQUEST,
                "Invalid value 50 for interval.ms, interval must be between 100 and 3600000 (1 hour)".into()
            )
        );
        assert_eq!(
            refused(&[("color", 0, Some("blue"))]),
            (ErrorCode::INVALID_REQUEST, "Unknown client metrics configuration: color".into())
        );
        assert_eq!(
            refused(&[("match", 0, Some("client_colour=blue"))]),
            (ErrorCode::INVALID_CONFIG, "Illegal client matching pattern: client_colour=blue".into())
        );
        assert_eq!(
            refused(&[("match", 0, Some("client_id=a=b"))]),
            (ErrorCode::INVALID_CONFIG, "Illegal client matching pattern: client_id=a=b".into())
        );
    }

    #[test]
    fn subscriptions_are_listed_and_removed_with_their_last_config() {
        let shared = shared();
        alter_one(&shared, CLIENT_METRICS, "a", &[("metrics", 0, Some("*"))]).expect("set");
        alter_one(&shared, GROUP, "g", &[(SESSION, 0, Some("50000"))]).expect("set");
        let listed = |version: i16, types: Vec<i8>| {
            let r = list_config_resources(
                &shared,
                &ctx("admin", version),
                ListConfigResourcesRequest { resource_types: types, ..Default::default() },
            );
            (
                r.error_code,
                r.config_resources.iter().map(|c| (c.resource_type, c.resource_name.clone())).collect::<Vec<_>>(),
            )
        };
        assert_eq!(listed(0, vec![]), (0, vec![(CLIENT_METRICS, "a".to_string())]));
        assert_eq!(listed(1, vec![GROUP]), (0, vec![(GROUP, "g".to_string())]));
        assert_eq!(listed(1, vec![3]).0, ErrorCode::UNSUPPORTED_VERSION.0);
        let all = listed(1, vec![]).1;
        assert!(all.contains(&(4, "0".to_string())) && all.contains(&(GROUP, "g".to_string())), "{all:?}");
        alter_one(&shared, CLIENT_METRICS, "a", &[("metrics", 1, None)]).expect("deleted");
        assert_eq!(listed(0, vec![]), (0, vec![]));
    }

    /// GetTelemetrySubscriptions for a new client `client_id`: (instance, subscription id,
    /// metrics, interval).
    fn subscribe(shared: &Shared, client_id: &str) -> (Uuid, i32, Vec<String>, i32) {
        let r = crate::handlers::telemetry::get_subscriptions(
            shared,
            &ctx(client_id, 0),
            GetTelemetrySubscriptionsRequest::default(),
        );
        assert_eq!(r.error_code, 0);
        (r.client_instance_id, r.subscription_id, r.requested_metrics, r.push_interval_ms)
    }

    fn push(shared: &Shared, client_id: &str, id: Uuid, subscription: i32, terminating: bool) -> i16 {
        let request = PushTelemetryRequest {
            client_instance_id: id,
            subscription_id: subscription,
            terminating,
            compression_type: 0,
            metrics: bytes::Bytes::from_static(b"m"),
            ..Default::default()
        };
        crate::handlers::telemetry::push(shared, &ctx(client_id, 0), request).error_code
    }

    #[test]
    fn subscriptions_select_clients_by_their_match_and_combine() {
        let shared = shared();
        let (_, before, metrics, interval) = subscribe(&shared, "app-1");
        assert_eq!((metrics.len(), interval), (0, 300_000), "the builder's subscription: nothing");
        alter_one(
            &shared,
            CLIENT_METRICS,
            "producers",
            &[
                ("metrics", 0, Some("org.apache.kafka.producer.")),
                ("interval.ms", 0, Some("2000")),
                ("match", 0, Some("client_id=app-.*,client_software_name=apache-kafka-java")),
            ],
        )
        .expect("set");
        alter_one(
            &shared,
            CLIENT_METRICS,
            "connections",
            &[
                ("metrics", 0, Some("org.apache.kafka.producer.connection.,org.apache.kafka.consumer.")),
                ("interval.ms", 0, Some("5000")),
            ],
        )
        .expect("set");
        let (_, id1, metrics, interval) = subscribe(&shared, "app-1");
        assert_eq!(
            metrics,
            ["org.apache.kafka.consumer.", "org.apache.kafka.producer.", "org.apache.kafka.producer.connection."]
        );
        assert_eq!(interval, 2_000, "the smallest");
        assert_ne!(id1, before);
        let (_, _, metrics, interval) = subscribe(&shared, "other");
        assert_eq!(
            (metrics, interval),
            (
                vec!["org.apache.kafka.consumer.".to_string(), "org.apache.kafka.producer.connection.".to_string()],
                5_000
            ),
            "the match selects by the whole client id"
        );
        let (_, _, metrics, _) = subscribe(&shared, "my-app-1");
        assert!(!metrics.contains(&"org.apache.kafka.producer.".to_string()));
        alter_one(&shared, CLIENT_METRICS, "all", &[("metrics", 0, Some("*"))]).expect("set");
        assert_eq!(subscribe(&shared, "other").2, ["*"]);
    }

    #[test]
    fn a_push_before_the_interval_is_throttled_unless_it_terminates() {
        let shared = shared();
        alter_one(&shared, CLIENT_METRICS, "s", &[("metrics", 0, Some("*")), ("interval.ms", 0, Some("100000"))])
            .expect("set");
        let (id, subscription, ..) = subscribe(&shared, "c");
        assert_eq!(push(&shared, "c", id, subscription, false), 0, "the first push after a subscription");
        assert_eq!(push(&shared, "c", id, subscription, false), ErrorCode::THROTTLING_QUOTA_EXCEEDED.0);
        // Asking again before the interval is throttled too.
        let again = crate::handlers::telemetry::get_subscriptions(
            &shared,
            &ctx("c", 0),
            GetTelemetrySubscriptionsRequest { client_instance_id: id, ..Default::default() },
        );
        assert_eq!(again.error_code, ErrorCode::THROTTLING_QUOTA_EXCEEDED.0);
        assert_eq!(push(&shared, "c", id, subscription, true), 0, "the terminating push is taken");
        assert_eq!(push(&shared, "c", id, subscription, false), ErrorCode::INVALID_REQUEST.0, "after terminating");
        assert_eq!(shared.telemetry().pushes.len(), 2);

        // A changed subscription: the old id is unknown, and the client may ask at once.
        let (id, subscription, ..) = subscribe(&shared, "d");
        alter_one(&shared, CLIENT_METRICS, "s", &[("interval.ms", 0, Some("200"))]).expect("set");
        assert_eq!(push(&shared, "d", id, subscription, false), ErrorCode::UNKNOWN_SUBSCRIPTION_ID.0);
        let again = crate::handlers::telemetry::get_subscriptions(
            &shared,
            &ctx("d", 0),
            GetTelemetrySubscriptionsRequest { client_instance_id: id, ..Default::default() },
        );
        assert_eq!((again.error_code, again.push_interval_ms), (0, 200));
        assert_ne!(again.subscription_id, subscription);
        // As Kafka, that GetTelemetrySubscriptions does not count as one on time: the next push
        // is an interval after the refused one.
        std::thread::sleep(Duration::from_millis(250));
        assert_eq!(push(&shared, "d", id, again.subscription_id, false), 0, "a push an interval later");
        assert_eq!(push(&shared, "d", id, again.subscription_id, false), ErrorCode::THROTTLING_QUOTA_EXCEEDED.0);
    }
}

//! Configs of topics, brokers, broker loggers, groups and client-metrics subscriptions:
//! describe, and incremental alter (what `kafka-configs` does).
//!
//! A broker's (or broker logger's) configs are asked of that broker, since only it knows its
//! static and dynamic values; other resources go to any broker (describe) or the controller
//! (alter).

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use futures_util::future::join_all;
use kfk_protocol::messages::describe_configs::request::DescribeConfigsResource;
use kfk_protocol::messages::incremental_alter_configs::request::{AlterConfigsResource, AlterableConfig};
use kfk_protocol::messages::{DescribeConfigsRequest, IncrementalAlterConfigsRequest};

use crate::client::{Admin, Target};
use crate::error::{AdminError, ResourceKind, Result, check};
use crate::routing::{Round, error_round};

/// The type of a config resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum ConfigResourceType {
    /// A topic.
    Topic,
    /// A broker (name: its id; "" for the cluster-wide default).
    Broker,
    /// A broker's log4j loggers (name: the broker id).
    BrokerLogger,
    /// A client-metrics subscription (KIP-714).
    ClientMetrics,
    /// A consumer or share group (KIP-848).
    Group,
}

impl ConfigResourceType {
    fn wire(self) -> i8 {
        match self {
            ConfigResourceType::Topic => 2,
            ConfigResourceType::Broker => 4,
            ConfigResourceType::BrokerLogger => 8,
            ConfigResourceType::ClientMetrics => 16,
            ConfigResourceType::Group => 32,
        }
    }
}

/// A resource that has configs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub struct ConfigResource {
    /// Its type.
    pub resource_type: ConfigResourceType,
    /// Its name (topic name, broker id, group id, subscription name).
    pub name: String,
}

impl ConfigResource {
    /// The resource of `resource_type` named `name` (Java's `new ConfigResource(type, name)`);
    /// the other constructors name the type for you.
    pub fn new(resource_type: ConfigResourceType, name: impl Into<String>) -> ConfigResource {
        ConfigResource { resource_type, name: name.into() }
    }

    /// A topic's configs.
    pub fn topic(name: impl Into<String>) -> ConfigResource {
        ConfigResource { resource_type: ConfigResourceType::Topic, name: name.into() }
    }

    /// A broker's configs.
    pub fn broker(id: i32) -> ConfigResource {
        ConfigResource { resource_type: ConfigResourceType::Broker, name: id.to_string() }
    }

    /// The dynamic defaults of every broker.
    pub fn broker_defaults() -> ConfigResource {
        ConfigResource { resource_type: ConfigResourceType::Broker, name: String::new() }
    }

    /// A broker's log levels.
    pub fn broker_logger(id: i32) -> ConfigResource {
        ConfigResource { resource_type: ConfigResourceType::BrokerLogger, name: id.to_string() }
    }

    /// A group's configs.
    pub fn group(id: impl Into<String>) -> ConfigResource {
        ConfigResource { resource_type: ConfigResourceType::Group, name: id.into() }
    }

    /// A client-metrics subscription's configs.
    pub fn client_metrics(name: impl Into<String>) -> ConfigResource {
        ConfigResource { resource_type: ConfigResourceType::ClientMetrics, name: name.into() }
    }

    /// The broker that must serve requests about this resource, if one must.
    fn broker_id(&self) -> Result<Option<i32>> {
        match self.resource_type {
            ConfigResourceType::Broker if self.name.is_empty() => Ok(None),
            ConfigResourceType::Broker | ConfigResourceType::BrokerLogger => {
                self.name.parse().map(Some).map_err(|_| {
                    AdminError::InvalidRequest(format!(
                        "broker config resource name `{}` is not a broker id",
                        self.name
                    ))
                })
            }
            _ => Ok(None),
        }
    }
}

impl std::fmt::Display for ConfigResource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} `{}`", self.resource_type, self.name)
    }
}

/// Where a config value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ConfigSource {
    /// Set on the topic.
    DynamicTopic,
    /// Set dynamically for this broker.
    DynamicBroker,
    /// Set dynamically as every broker's default.
    DynamicDefaultBroker,
    /// From the broker's `server.properties`.
    StaticBroker,
    /// The built-in default.
    Default,
    /// Set dynamically on a broker logger.
    DynamicBrokerLogger,
    /// A client-metrics subscription's.
    ClientMetrics,
    /// Set on the group.
    Group,
    /// A source this client does not know.
    Unknown(i8),
}

impl ConfigSource {
    pub(crate) fn from_wire(v: i8) -> ConfigSource {
        match v {
            1 => ConfigSource::DynamicTopic,
            2 => ConfigSource::DynamicBroker,
            3 => ConfigSource::DynamicDefaultBroker,
            4 => ConfigSource::StaticBroker,
            5 => ConfigSource::Default,
            6 => ConfigSource::DynamicBrokerLogger,
            7 => ConfigSource::ClientMetrics,
            8 => ConfigSource::Group,
            other => ConfigSource::Unknown(other),
        }
    }
}

/// The type of a config's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ConfigType {
    /// `true` / `false`.
    Boolean,
    /// Text.
    String,
    /// 32-bit integer.
    Int,
    /// 16-bit integer.
    Short,
    /// 64-bit integer.
    Long,
    /// Floating point.
    Double,
    /// Comma-separated list.
    List,
    /// A Java class name.
    Class,
    /// A secret (its value is never returned).
    Password,
    /// A type this client does not know.
    Unknown(i8),
}

impl ConfigType {
    fn from_wire(v: i8) -> Option<ConfigType> {
        Some(match v {
            0 => return None,
            1 => ConfigType::Boolean,
            2 => ConfigType::String,
            3 => ConfigType::Int,
            4 => ConfigType::Short,
            5 => ConfigType::Long,
            6 => ConfigType::Double,
            7 => ConfigType::List,
            8 => ConfigType::Class,
            9 => ConfigType::Password,
            other => ConfigType::Unknown(other),
        })
    }
}

/// One config of a resource.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ConfigEntry {
    /// The key.
    pub name: String,
    /// The value (`None` for sensitive values and unset ones).
    pub value: Option<String>,
    /// Where the value comes from.
    pub source: ConfigSource,
    /// Whether it cannot be changed dynamically.
    pub read_only: bool,
    /// Whether its value is secret.
    pub sensitive: bool,
    /// The values it would have from other sources, highest precedence first (when asked for).
    pub synonyms: Vec<ConfigSynonym>,
    /// The value's type (when the broker says).
    pub config_type: Option<ConfigType>,
    /// The documentation (when asked for).
    pub documentation: Option<String>,
}

/// A value a config has from another source.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConfigSynonym {
    /// The key (a broker key may differ from the topic key, e.g. `log.retention.ms`).
    pub name: String,
    /// The value.
    pub value: Option<String>,
    /// The source.
    pub source: ConfigSource,
}

/// A resource's configs.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Config {
    /// The entries, by name.
    pub entries: BTreeMap<String, ConfigEntry>,
}

impl Config {
    /// The entry `name`.
    pub fn get(&self, name: &str) -> Option<&ConfigEntry> {
        self.entries.get(name)
    }

    /// The value of `name`, if set and not sensitive.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.entries.get(name)?.value.as_deref()
    }
}

/// Options of [`Admin::describe_configs`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct DescribeConfigsOptions {
    /// Only these keys (default: all).
    pub keys: Option<Vec<String>>,
    /// Include each entry's synonyms.
    pub include_synonyms: bool,
    /// Include each entry's documentation.
    pub include_documentation: bool,
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// What an [`AlterConfigOp`] does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AlterConfigOpType {
    /// Set the value.
    Set,
    /// Remove the value (back to the next source's).
    Delete,
    /// Add to a list value.
    Append,
    /// Remove from a list value.
    Subtract,
}

/// One change to one config.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AlterConfigOp {
    /// The key.
    pub name: String,
    /// What to do.
    pub op: AlterConfigOpType,
    /// The value (ignored for `Delete`).
    pub value: Option<String>,
}

impl AlterConfigOp {
    /// Sets `name` to `value`.
    pub fn set(name: impl Into<String>, value: impl Into<String>) -> AlterConfigOp {
        AlterConfigOp { name: name.into(), op: AlterConfigOpType::Set, value: Some(value.into()) }
    }

    /// Deletes `name`.
    pub fn delete(name: impl Into<String>) -> AlterConfigOp {
        AlterConfigOp { name: name.into(), op: AlterConfigOpType::Delete, value: None }
    }

    /// Appends `value` to the list `name`.
    pub fn append(name: impl Into<String>, value: impl Into<String>) -> AlterConfigOp {
        AlterConfigOp { name: name.into(), op: AlterConfigOpType::Append, value: Some(value.into()) }
    }

    /// Removes `value` from the list `name`.
    pub fn subtract(name: impl Into<String>, value: impl Into<String>) -> AlterConfigOp {
        AlterConfigOp { name: name.into(), op: AlterConfigOpType::Subtract, value: Some(value.into()) }
    }
}

/// Options of [`Admin::incremental_alter_configs`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct AlterConfigsOptions {
    /// Only check that the changes are valid.
    pub validate_only: bool,
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

options!(
    DescribeConfigsOptions,
    /// Includes each entry's synonyms.
    include_synonyms,
    /// Includes each entry's documentation.
    include_documentation,
);

impl DescribeConfigsOptions {
    /// Describes only these keys.
    pub fn keys<S: Into<String>>(mut self, keys: impl IntoIterator<Item = S>) -> Self {
        self.keys = Some(keys.into_iter().map(Into::into).collect());
        self
    }
}

options!(
    AlterConfigsOptions,
    /// Only checks that the changes are valid.
    validate_only,
);

/// Resources grouped by the broker that must serve them (`None`: any broker, or the
/// controller for alters), and those whose name is not a broker id.
type ByBroker = (HashMap<Option<i32>, Vec<ConfigResource>>, Vec<(ConfigResource, AdminError)>);

fn by_broker(resources: &[ConfigResource]) -> ByBroker {
    let mut groups: HashMap<Option<i32>, Vec<ConfigResource>> = HashMap::new();
    let mut failed = Vec::new();
    for r in resources {
        match r.broker_id() {
            Ok(node) => groups.entry(node).or_default().push(r.clone()),
            Err(e) => failed.push((r.clone(), e)),
        }
    }
    (groups, failed)
}

impl Admin {
    /// Describes the configs of resources, with each value's source and, when asked, its
    /// synonyms and documentation.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("orders", 1)?;
    /// use kfk_admin::{ConfigResource, DescribeConfigsOptions};
    /// let results = admin.describe_configs([ConfigResource::topic("orders")], DescribeConfigsOptions::default()).await;
    /// if let Ok(config) = &results[&ConfigResource::topic("orders")] {
    ///     println!("retention.ms = {:?}", config.value("retention.ms"));
    /// }
    /// # let orders = results[&ConfigResource::topic("orders")].as_ref().ok();
    /// # assert_eq!(orders.and_then(|c| c.value("retention.ms")), Some("604800000"));
    /// # Ok(()) }
    /// ```
    pub async fn describe_configs(
        &self,
        resources: impl IntoIterator<Item = ConfigResource>,
        options: DescribeConfigsOptions,
    ) -> BTreeMap<ConfigResource, Result<Config>> {
        let resources: Vec<ConfigResource> = resources.into_iter().collect();
        let options = &options;
        self.retry_batch("DescribeConfigs", options.timeout, resources, |pending| async move {
            let (groups, failed) = by_broker(&pending);
            let sends = groups.into_iter().map(|(node, group)| async move {
                let target = node.map(Target::Broker).unwrap_or(Target::Any);
                let request = DescribeConfigsRequest {
                    resources: group
                        .iter()
                        .map(|r| DescribeConfigsResource {
                            resource_type: r.resource_type.wire(),
                            resource_name: r.name.clone(),
                            configuration_keys: options.keys.clone(),
                            ..Default::default()
                        })
                        .collect(),
                    include_synonyms: options.include_synonyms,
                    include_documentation: options.include_documentation,
                    ..Default::default()
                };
                let response = match self.connection_for(&target).await {
                    Ok(conn) => conn.send(&request).await.map_err(AdminError::from),
                    Err(e) => Err(e),
                };
                let response = match response {
                    Ok(r) => r,
                    Err(e) => return group.into_iter().map(|r| (r, Err(e.clone()))).collect::<Vec<_>>(),
                };
                response
                    .results
                    .into_iter()
                    .filter_map(|res| {
                        let key = group
                            .iter()
                            .find(|r| r.resource_type.wire() == res.resource_type && r.name == res.resource_name)?;
                        let result = check(
                            res.error_code,
                            res.error_message.as_ref(),
                            ResourceKind::Other,
                            &key.to_string(),
                            "DescribeConfigs",
                        )
                        .map_err(|e| not_found_kind(e, key))
                        .map(|()| Config {
                            entries: res
                                .configs
                                .into_iter()
                                .map(|c| {
                                    (
                                        c.name.clone(),
                                        ConfigEntry {
                                            name: c.name,
                                            value: c.value,
                                            source: ConfigSource::from_wire(c.config_source),
                                            read_only: c.read_only,
                                            sensitive: c.is_sensitive,
                                            synonyms: c
                                                .synonyms
                                                .into_iter()
                                                .map(|s| ConfigSynonym {
                                                    name: s.name,
                                                    value: s.value,
                                                    source: ConfigSource::from_wire(s.source),
                                                })
                                                .collect(),
                                            config_type: ConfigType::from_wire(c.config_type),
                                            documentation: c.documentation,
                                        },
                                    )
                                })
                                .collect(),
                        });
                        Some((key.clone(), result))
                    })
                    .collect()
            });
            let mut round: Round<ConfigResource, Config> = error_round(failed);
            round.extend(join_all(sends).await.into_iter().flatten());
            Ok(round)
        })
        .await
    }

    /// Changes configs incrementally (`kafka-configs --alter --add-config/--delete-config`):
    /// set, delete, append to or subtract from values. Broker resources go to that broker,
    /// others to the controller. An invalid value fails that resource with the broker's reason.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("orders", 1)?;
    /// use kfk_admin::{AlterConfigOp, AlterConfigsOptions, ConfigResource};
    /// let changes = [(ConfigResource::topic("orders"), vec![AlterConfigOp::set("retention.ms", "3600000")])];
    /// for (resource, result) in admin.incremental_alter_configs(changes, AlterConfigsOptions::default()).await {
    ///     println!("{resource}: {result:?}");
    /// }
    /// # let after = admin.describe_configs([ConfigResource::topic("orders")], Default::default()).await;
    /// # let orders = after[&ConfigResource::topic("orders")].as_ref().ok();
    /// # assert_eq!(orders.and_then(|c| c.value("retention.ms")), Some("3600000"));
    /// # Ok(()) }
    /// ```
    pub async fn incremental_alter_configs(
        &self,
        changes: impl IntoIterator<Item = (ConfigResource, Vec<AlterConfigOp>)>,
        options: AlterConfigsOptions,
    ) -> BTreeMap<ConfigResource, Result<()>> {
        let changes: BTreeMap<ConfigResource, Vec<AlterConfigOp>> = changes.into_iter().collect();
        let changes = &changes;
        let options = &options;
        let keys: Vec<ConfigResource> = changes.keys().cloned().collect();
        self.retry_batch("IncrementalAlterConfigs", options.timeout, keys, |pending| async move {
            let (groups, failed) = by_broker(&pending);
            let sends = groups.into_iter().map(|(node, group)| async move {
                let target = node.map(Target::Broker).unwrap_or(Target::Controller);
                let request = IncrementalAlterConfigsRequest {
                    resources: group
                        .iter()
                        .map(|r| AlterConfigsResource {
                            resource_type: r.resource_type.wire(),
                            resource_name: r.name.clone(),
                            configs: changes[r]
                                .iter()
                                .map(|op| AlterableConfig {
                                    name: op.name.clone(),
                                    config_operation: match op.op {
                                        AlterConfigOpType::Set => 0,
                                        AlterConfigOpType::Delete => 1,
                                        AlterConfigOpType::Append => 2,
                                        AlterConfigOpType::Subtract => 3,
                                    },
                                    value: op.value.clone(),
                                    ..Default::default()
                                })
                                .collect(),
                            ..Default::default()
                        })
                        .collect(),
                    validate_only: options.validate_only,
                    ..Default::default()
                };
                let response = match self.connection_for(&target).await {
                    Ok(conn) => conn.send(&request).await.map_err(AdminError::from),
                    Err(e) => Err(e),
                };
                let response = match response {
                    Ok(r) => r,
                    Err(e) => return group.into_iter().map(|r| (r, Err(e.clone()))).collect::<Vec<_>>(),
                };
                response
                    .responses
                    .into_iter()
                    .filter_map(|res| {
                        let key = group
                            .iter()
                            .find(|r| r.resource_type.wire() == res.resource_type && r.name == res.resource_name)?;
                        let result = check(
                            res.error_code,
                            res.error_message.as_ref(),
                            ResourceKind::Other,
                            &key.to_string(),
                            "IncrementalAlterConfigs",
                        )
                        .map_err(|e| not_found_kind(e, key));
                        Some((key.clone(), result))
                    })
                    .collect()
            });
            let mut round: Round<ConfigResource, ()> = error_round(failed);
            round.extend(join_all(sends).await.into_iter().flatten());
            Ok(round)
        })
        .await
    }
}

/// An error about a topic or group resource names it as such (the broker's answer is keyed by
/// resource, not by kind).
fn not_found_kind(e: AdminError, resource: &ConfigResource) -> AdminError {
    let kind = match resource.resource_type {
        ConfigResourceType::Topic => ResourceKind::Topic,
        ConfigResourceType::Group => ResourceKind::Group,
        _ => return e,
    };
    let name = resource.name.clone();
    match e {
        AdminError::NotFound { code, message, .. } => AdminError::NotFound { kind, name, code, message },
        AdminError::InvalidConfig { message, .. } => AdminError::InvalidConfig { kind, name, message },
        other => other,
    }
}

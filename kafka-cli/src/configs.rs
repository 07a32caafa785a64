//! `kfk configs`: describe and alter the configs of topics, brokers (one or the cluster
//! default), broker loggers, groups and client-metrics subscriptions, and client quotas (of
//! users, clients, a user on a client, IPs), printed as `kafka-configs.sh` prints them:
//!
//! ```text
//! Dynamic configs for topic orders are:
//!   retention.ms=86400000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=86400000}
//! ```

use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use kfk_admin::{
    Admin, AlterClientQuotasOptions, AlterConfigOp, AlterConfigsOptions, ConfigResource, ConfigResourceType,
    ConfigSource, DescribeClientQuotasOptions, DescribeClusterOptions, DescribeConfigsOptions, ListGroupsOptions,
    ListTopicsOptions, QuotaAlteration, QuotaEntity, QuotaFilterComponent, QuotaMatch, ResourceKind,
};
use kfk_protocol::messages::ListConfigResourcesRequest;
use serde_json::json;

use crate::cli::{ConfigsArgs, Global, Output};
use crate::errors;
use crate::props;
use crate::table::print_json;

/// Java's name of a config source.
pub fn source_name(s: ConfigSource) -> &'static str {
    match s {
        ConfigSource::DynamicTopic => "DYNAMIC_TOPIC_CONFIG",
        ConfigSource::DynamicBroker => "DYNAMIC_BROKER_CONFIG",
        ConfigSource::DynamicDefaultBroker => "DYNAMIC_DEFAULT_BROKER_CONFIG",
        ConfigSource::StaticBroker => "STATIC_BROKER_CONFIG",
        ConfigSource::Default => "DEFAULT_CONFIG",
        ConfigSource::DynamicBrokerLogger => "DYNAMIC_BROKER_LOGGER_CONFIG",
        ConfigSource::ClientMetrics => "DYNAMIC_CLIENT_METRICS_CONFIG",
        ConfigSource::Group => "DYNAMIC_GROUP_CONFIG",
        // `Unknown`, and sources added to kafka-admin after this tool.
        _ => "UNKNOWN",
    }
}

/// The first --entity-type.
fn first_type(args: &ConfigsArgs) -> Option<&str> {
    args.entity_type.first().map(String::as_str)
}

/// The entity type and name the flags select (`None`: every entity of the type).
fn entity(args: &ConfigsArgs) -> Result<(ConfigResourceType, Option<String>)> {
    let shorthand = [
        (args.topic.as_ref(), ConfigResourceType::Topic),
        (args.broker.as_ref(), ConfigResourceType::Broker),
        (args.broker_logger.as_ref(), ConfigResourceType::BrokerLogger),
    ];
    if let Some((Some(name), kind)) = shorthand.iter().find(|(n, _)| n.is_some()) {
        return Ok((*kind, Some(name.to_string())));
    }
    let kind = match first_type(args) {
        Some("topics") => ConfigResourceType::Topic,
        Some("brokers") => ConfigResourceType::Broker,
        Some("broker-loggers") => ConfigResourceType::BrokerLogger,
        Some("groups") => ConfigResourceType::Group,
        Some("client-metrics") => ConfigResourceType::ClientMetrics,
        Some(other) => bail!(
            "--entity-type `{other}` is not supported; use topics, brokers, broker-loggers, groups, client-metrics, users, clients or ips"
        ),
        None => {
            bail!("give --entity-type (topics, brokers, broker-loggers, groups, client-metrics) or --topic/--broker/--broker-logger")
        }
    };
    if args.entity_type.len() > 1 {
        bail!("only users and clients combine (--entity-type users --entity-name U --entity-type clients --entity-name C)");
    }
    if args.entity_default {
        if kind != ConfigResourceType::Broker {
            bail!("--entity-default is only for --entity-type brokers, users, clients and ips");
        }
        return Ok((kind, Some(String::new())));
    }
    Ok((kind, args.entity_name.first().cloned()))
}

/// Java's word for an entity type: the plural without its last letter (`client-metric`).
fn type_word(kind: ConfigResourceType) -> &'static str {
    match kind {
        ConfigResourceType::Topic => "topic",
        ConfigResourceType::Broker => "broker",
        ConfigResourceType::BrokerLogger => "broker-logger",
        ConfigResourceType::Group => "group",
        ConfigResourceType::ClientMetrics => "client-metric",
        // Types added to kafka-admin after this tool; Java's tool has no word for them either.
        _ => "unknown",
    }
}

/// The quota entity type (`user`, `client-id`, `ip`) of `--entity-type users|clients|ips`.
fn quota_word(entity_type: &str) -> Option<&'static str> {
    match entity_type {
        "users" => Some("user"),
        "clients" => Some("client-id"),
        "ips" => Some("ip"),
        _ => None,
    }
}

/// A quota entity type (`user`, `client-id`, `ip`) and its name: `Some(None)` the default
/// entity, `None` any (describe only).
type QuotaComponent = (&'static str, Option<Option<String>>);

/// The quota entity the flags select, as Java pairs them: each --entity-type with the
/// --entity-name at its position; a type without one is the default entity with
/// --entity-default, any entity otherwise (describe only). `None`: not a quota entity.
fn quota_components(args: &ConfigsArgs) -> Result<Option<Vec<QuotaComponent>>> {
    if args.entity_type.is_empty() || !args.entity_type.iter().all(|t| quota_word(t).is_some()) {
        if args.entity_type.iter().skip(1).any(|t| quota_word(t).is_some())
            || (args.entity_type.len() > 1 && quota_word(&args.entity_type[0]).is_some())
        {
            bail!("only users and clients combine (--entity-type users --entity-name U --entity-type clients --entity-name C)");
        }
        return Ok(None);
    }
    let types: Vec<&str> = args.entity_type.iter().map(String::as_str).collect();
    match types[..] {
        [_] | ["users", "clients"] | ["clients", "users"] => {}
        _ => bail!("only users and clients combine (--entity-type users --entity-name U --entity-type clients --entity-name C)"),
    }
    if args.entity_name.len() > types.len() {
        bail!("More entity names specified than entity types");
    }
    let mut defaults_left = usize::from(args.entity_default);
    let components = types
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let word = quota_word(t).unwrap_or_default();
            let name = match args.entity_name.get(i) {
                Some(n) => Some(Some(n.clone())),
                None if defaults_left > 0 => {
                    defaults_left -= 1;
                    Some(None)
                }
                None => None,
            };
            (word, name)
        })
        .collect();
    Ok(Some(components))
}

/// Java's words for a quota entity: `user-principal 'alice'`, `the default client-id`.
fn quota_entity_label(entity: &QuotaEntity) -> String {
    let order = [("user", "user-principal"), ("client-id", "client-id"), ("ip", "ip")];
    order
        .iter()
        .filter_map(|(key, word)| {
            entity.get(*key).map(|name| match name {
                Some(n) if !n.is_empty() => format!("{word} '{n}'"),
                _ => format!("the default {word}"),
            })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A double as Java prints it (`1024.0`, `0.5`).
fn java_double(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e7 {
        format!("{v:.1}")
    } else {
        v.to_string()
    }
}

async fn quotas(
    admin: &Admin,
    bootstrap: &str,
    args: &ConfigsArgs,
    components: Vec<QuotaComponent>,
    output: Output,
) -> Result<()> {
    if args.describe {
        // Java's `ClientQuotaFilter.containsOnly`: entities of exactly these types.
        let filter = components
            .iter()
            .map(|(kind, name)| {
                let matching = match name {
                    Some(Some(n)) => QuotaMatch::Exact(n.clone()),
                    Some(None) => QuotaMatch::Default,
                    None => QuotaMatch::Any,
                };
                QuotaFilterComponent::new(*kind, matching)
            })
            .collect();
        let found = admin
            .describe_client_quotas(filter, DescribeClientQuotasOptions::default().strict(true))
            .await
            .map_err(|e| errors::admin(e, bootstrap))?;
        if output == Output::Json {
            print_json(&json!(found.iter().map(|(e, q)| json!({"entity": e, "quotas": q})).collect::<Vec<_>>()));
            return Ok(());
        }
        for (entity, values) in &found {
            let entries: Vec<String> = values.iter().map(|(k, v)| format!("{k}={}", java_double(*v))).collect();
            println!("Quota configs for {} are {}", quota_entity_label(entity), entries.join(", "));
        }
        return Ok(());
    }
    if components.iter().any(|(_, name)| name.is_none()) {
        bail!("An entity name must be specified for every entity type");
    }
    let mut ops = Vec::new();
    if let Some(add) = &args.add_config {
        for (k, v) in parse_add_config(add)? {
            let value: f64 = v.parse().with_context(|| format!("quota `{k}={v}`: the value is not a number"))?;
            ops.push(QuotaAlteration::set(k, value));
        }
    }
    if let Some(del) = &args.delete_config {
        ops.extend(del.split(',').map(str::trim).filter(|k| !k.is_empty()).map(QuotaAlteration::remove));
    }
    if ops.is_empty() {
        bail!("--alter needs --add-config k=v[,k=v] and/or --delete-config k[,k]");
    }
    let entity: QuotaEntity =
        components.iter().map(|(kind, name)| (kind.to_string(), name.clone().unwrap_or_default())).collect();
    for (label, r) in admin.alter_client_quotas([(entity.clone(), ops)], AlterClientQuotasOptions::default()).await {
        r.map_err(|e| errors::admin(e, bootstrap)).with_context(|| format!("cannot alter the quotas of {label}"))?;
    }
    // Java names the first entity only.
    let plural = first_type(args).unwrap_or_default();
    match &components[0].1 {
        Some(Some(n)) => println!("Completed updating config for {} {n}.", plural.trim_end_matches('s')),
        _ => println!("Completed updating default config for {plural} in the cluster."),
    }
    Ok(())
}

pub async fn run(global: &Global, args: ConfigsArgs) -> Result<ExitCode> {
    let (admin, bootstrap) = props::admin(global)?;
    if let Some(components) = quota_components(&args)? {
        let result = quotas(&admin, &bootstrap, &args, components, global.output).await;
        admin.close(Duration::from_millis(100)).await;
        return result.map(|()| ExitCode::SUCCESS);
    }
    let result = if args.describe {
        describe(&admin, &bootstrap, &args, global.output).await
    } else {
        alter(&admin, &bootstrap, &args).await
    };
    admin.close(Duration::from_millis(100)).await;
    result.map(|()| ExitCode::SUCCESS)
}

async fn describe(admin: &Admin, bootstrap: &str, args: &ConfigsArgs, output: Output) -> Result<()> {
    let (kind, name) = entity(args)?;
    let names: Vec<String> = match name {
        Some(n) => vec![n],
        None => match kind {
            ConfigResourceType::Topic => admin
                .list_topics(ListTopicsOptions::default().include_internal(true))
                .await
                .map_err(|e| errors::admin(e, bootstrap))?
                .into_iter()
                .map(|t| t.name)
                .collect(),
            ConfigResourceType::Broker | ConfigResourceType::BrokerLogger => {
                let cluster = admin
                    .describe_cluster(DescribeClusterOptions::default())
                    .await
                    .map_err(|e| errors::admin(e, bootstrap))?;
                let mut ids: Vec<i32> = cluster.nodes.iter().map(|n| n.id).collect();
                ids.sort();
                ids.into_iter().map(|i| i.to_string()).collect()
            }
            ConfigResourceType::ClientMetrics => {
                let mut names =
                    config_resource_names(admin, CLIENT_METRICS).await.map_err(|e| errors::admin(e, bootstrap))?;
                names.sort();
                names
            }
            ConfigResourceType::Group => {
                let mut names = crate::groups::group_ids(admin, bootstrap).await?;
                // Brokers before 4.1 list no group config resources: their groups alone then.
                names.extend(config_resource_names(admin, GROUP).await.unwrap_or_default());
                names.sort();
                names.dedup();
                names
            }
            _ => bail!("give --entity-name"),
        },
    };
    // Without --all, Java first checks that a named group or subscription exists.
    if let (false, [name]) = (args.all, names.as_slice()) {
        let exists = match kind {
            ConfigResourceType::ClientMetrics => config_resource_names(admin, CLIENT_METRICS)
                .await
                .map_err(|e| errors::admin(e, bootstrap))?
                .contains(name),
            ConfigResourceType::Group => {
                let groups =
                    admin.list_groups(ListGroupsOptions::default()).await.map_err(|e| errors::admin(e, bootstrap))?;
                groups.iter().any(|g| &g.group_id == name)
                    || config_resource_names(admin, GROUP).await.is_ok_and(|n| n.contains(name))
            }
            _ => true,
        };
        if !exists {
            println!("The {} '{name}' doesn't exist and doesn't have dynamic config.", type_word(kind));
            return Ok(());
        }
    }
    let options = DescribeConfigsOptions::default().include_synonyms(true);
    let resources: Vec<ConfigResource> = names.iter().map(|n| ConfigResource::new(kind, n.clone())).collect();
    let described = admin.describe_configs(resources.clone(), options).await;
    let mut json_out = Vec::new();
    for r in &resources {
        let config = match described.get(r) {
            Some(Ok(c)) => c,
            Some(Err(e)) => {
                return Err(errors::admin(e.clone(), bootstrap)).with_context(|| format!("cannot describe {r}"))
            }
            None => bail!("the broker did not describe {r}"),
        };
        let wanted: Option<ConfigSource> = if args.all {
            None
        } else {
            match kind {
                ConfigResourceType::Topic => Some(ConfigSource::DynamicTopic),
                ConfigResourceType::Broker if r.name.is_empty() => Some(ConfigSource::DynamicDefaultBroker),
                ConfigResourceType::Broker => Some(ConfigSource::DynamicBroker),
                ConfigResourceType::Group => Some(ConfigSource::Group),
                ConfigResourceType::ClientMetrics => Some(ConfigSource::ClientMetrics),
                _ => None,
            }
        };
        let entries: Vec<_> = config.entries.values().filter(|e| wanted.is_none_or(|w| e.source == w)).collect();
        if output == Output::Json {
            json_out.push(json!({
                "entity_type": type_word(kind), "entity_name": r.name,
                "configs": entries.iter().map(|e| json!({
                    "name": e.name, "value": e.value, "source": source_name(e.source), "sensitive": e.sensitive,
                    "read_only": e.read_only,
                })).collect::<Vec<_>>(),
            }));
            continue;
        }
        let what = if args.all { "All" } else { "Dynamic" };
        if kind == ConfigResourceType::Broker && r.name.is_empty() {
            println!("Default configs for brokers in the cluster are:");
        } else {
            println!("{what} configs for {} {} are:", type_word(kind), r.name);
        }
        for e in entries {
            let synonyms: Vec<String> = e
                .synonyms
                .iter()
                .map(|s| format!("{}:{}={}", source_name(s.source), s.name, s.value.as_deref().unwrap_or("null")))
                .collect();
            println!(
                "  {}={} sensitive={} synonyms={{{}}}",
                e.name,
                e.value.as_deref().unwrap_or("null"),
                e.sensitive,
                synonyms.join(", ")
            );
        }
    }
    if output == Output::Json {
        print_json(&json!(json_out));
    }
    Ok(())
}

/// `ConfigResource.Type` codes of ListConfigResources.
const CLIENT_METRICS: i8 = 16;
const GROUP: i8 = 32;

/// The names of the config resources of type `code` the cluster lists (ListConfigResources;
/// v0, ListClientMetricsResources, lists client-metrics subscriptions only).
async fn config_resource_names(admin: &Admin, code: i8) -> Result<Vec<String>, kfk_admin::AdminError> {
    let response = admin.send(&ListConfigResourcesRequest::default()).await?;
    if response.error_code != 0 {
        let code = kfk_protocol::ErrorCode(response.error_code);
        return Err(kfk_admin::AdminError::from_code(code, None, ResourceKind::Other, "", "ListConfigResources"));
    }
    Ok(response.config_resources.into_iter().filter(|r| r.resource_type == code).map(|r| r.resource_name).collect())
}

/// Java's `--add-config` syntax: `k1=v1,k2=[v1,v2,v3]` (brackets keep commas in a value).
pub fn parse_add_config(s: &str) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    let mut parts = Vec::new();
    for c in s.chars() {
        match c {
            '[' => depth += 1,
            ']' if depth > 0 => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    parts.push(current);
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        let Some((k, v)) = part.split_once('=') else {
            bail!("--add-config entry `{part}` is not of the form name=value (lists: name=[v1,v2])");
        };
        let v = v.trim();
        let v = v.strip_prefix('[').and_then(|v| v.strip_suffix(']')).unwrap_or(v);
        out.push((k.trim().to_string(), v.to_string()));
    }
    Ok(out)
}

async fn alter(admin: &Admin, bootstrap: &str, args: &ConfigsArgs) -> Result<()> {
    let (kind, name) = entity(args)?;
    let Some(name) = name else { bail!("--alter needs --entity-name (or --entity-default for brokers)") };
    let mut ops = Vec::new();
    if let Some(add) = &args.add_config {
        ops.extend(parse_add_config(add)?.into_iter().map(|(k, v)| AlterConfigOp::set(k, v)));
    }
    if let Some(file) = &args.add_config_file {
        ops.extend(props::read_properties_file(file)?.into_iter().map(|(k, v)| AlterConfigOp::set(k, v)));
    }
    if let Some(del) = &args.delete_config {
        ops.extend(del.split(',').map(str::trim).filter(|k| !k.is_empty()).map(AlterConfigOp::delete));
    }
    if ops.is_empty() {
        bail!("--alter needs --add-config k=v[,k=v] and/or --delete-config k[,k]");
    }
    let resource = ConfigResource::new(kind, name.clone());
    let mut results = admin.incremental_alter_configs([(resource.clone(), ops)], AlterConfigsOptions::default()).await;
    match results.remove(&resource) {
        Some(Ok(())) => {}
        Some(Err(e)) => return Err(errors::admin(e, bootstrap)).with_context(|| format!("cannot alter {resource}")),
        None => bail!("the broker did not answer for {resource}"),
    }
    if kind == ConfigResourceType::Broker && name.is_empty() {
        println!("Completed updating default config for brokers in the cluster.");
    } else {
        println!("Completed updating config for {} {name}.", type_word(kind));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(entity: &[(&str, Option<&str>)], default: bool) -> ConfigsArgs {
        use clap::Parser;
        let mut argv = vec!["kfk".to_string(), "configs".into(), "--describe".into()];
        for (t, n) in entity {
            argv.extend(["--entity-type".to_string(), t.to_string()]);
            if let Some(n) = n {
                argv.extend(["--entity-name".to_string(), n.to_string()]);
            }
        }
        if default {
            argv.push("--entity-default".into());
        }
        match crate::cli::Cli::parse_from(argv).command {
            crate::cli::Command::Configs(a) => a,
            _ => unreachable!(),
        }
    }

    #[test]
    fn users_and_clients_combine_into_one_quota_entity() {
        let both = quota_components(&args(&[("users", Some("alice")), ("clients", Some("app"))], false)).unwrap();
        assert_eq!(both, Some(vec![("user", Some(Some("alice".into()))), ("client-id", Some(Some("app".into())))]));
        let default_client = quota_components(&args(&[("users", Some("alice")), ("clients", None)], true)).unwrap();
        assert_eq!(default_client, Some(vec![("user", Some(Some("alice".into()))), ("client-id", Some(None))]));
        let any = quota_components(&args(&[("clients", None)], false)).unwrap();
        assert_eq!(any, Some(vec![("client-id", None)]));
        assert_eq!(quota_components(&args(&[("topics", Some("t"))], false)).unwrap(), None);
        assert!(quota_components(&args(&[("users", Some("a")), ("ips", Some("1.2.3.4"))], false)).is_err());
        assert!(quota_components(&args(&[("topics", Some("t")), ("clients", Some("c"))], false)).is_err());
    }

    #[test]
    fn add_config_keeps_commas_inside_brackets() {
        let p = parse_add_config("retention.ms=1000,cleanup.policy=[compact,delete]").unwrap();
        assert_eq!(p, vec![("retention.ms".into(), "1000".into()), ("cleanup.policy".into(), "compact,delete".into())]);
        assert!(parse_add_config("retention.ms").is_err());
    }
}

//! `kfk configs`: describe and alter the configs of topics, brokers (one or the cluster
//! default) and broker loggers, printed as `kafka-configs.sh` prints them:
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
    ConfigSource, DescribeClientQuotasOptions, DescribeClusterOptions, DescribeConfigsOptions, ListTopicsOptions,
    QuotaAlteration, QuotaEntity, QuotaFilterComponent, QuotaMatch,
};
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
        ConfigSource::ClientMetrics => "CLIENT_METRICS_CONFIG",
        ConfigSource::Group => "GROUP_CONFIG",
        // `Unknown`, and sources added to kafka-admin after this tool.
        _ => "UNKNOWN",
    }
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
    let kind = match args.entity_type.as_deref() {
        Some("topics") => ConfigResourceType::Topic,
        Some("brokers") => ConfigResourceType::Broker,
        Some("broker-loggers") => ConfigResourceType::BrokerLogger,
        Some("groups") => ConfigResourceType::Group,
        Some(other) => bail!(
            "--entity-type `{other}` is not supported; use topics, brokers, broker-loggers, groups, users, clients or ips"
        ),
        None => {
            bail!("give --entity-type (topics, brokers, broker-loggers, groups) or --topic/--broker/--broker-logger")
        }
    };
    if args.entity_default {
        if kind != ConfigResourceType::Broker {
            bail!("--entity-default is only for --entity-type brokers, users, clients and ips");
        }
        return Ok((kind, Some(String::new())));
    }
    Ok((kind, args.entity_name.clone()))
}

fn type_word(kind: ConfigResourceType) -> &'static str {
    match kind {
        ConfigResourceType::Topic => "topic",
        ConfigResourceType::Broker => "broker",
        ConfigResourceType::BrokerLogger => "broker-logger",
        ConfigResourceType::Group => "group",
        ConfigResourceType::ClientMetrics => "client-metrics",
        // Types added to kafka-admin after this tool; Java's tool has no word for them either.
        _ => "unknown",
    }
}

/// The quota entity type (`user`, `client-id`, `ip`) of `--entity-type users|clients|ips`.
fn quota_type(args: &ConfigsArgs) -> Option<&'static str> {
    match args.entity_type.as_deref() {
        Some("users") => Some("user"),
        Some("clients") => Some("client-id"),
        Some("ips") => Some("ip"),
        _ => None,
    }
}

/// Java's words for a quota entity: `user-principal 'alice'`, `the default client-id`.
fn quota_entity_label(entity: &QuotaEntity) -> String {
    let order = [("user", "user-principal"), ("client-id", "client-id"), ("ip", "ip")];
    order
        .iter()
        .filter_map(|(key, word)| {
            entity.get(*key).map(|name| match name {
                Some(n) => format!("{word} '{n}'"),
                None => format!("the default {word}"),
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

async fn quotas(admin: &Admin, bootstrap: &str, args: &ConfigsArgs, kind: &str, output: Output) -> Result<()> {
    let name: Option<Option<String>> =
        if args.entity_default { Some(None) } else { args.entity_name.clone().map(Some) };
    if args.describe {
        let matching = match &name {
            Some(Some(n)) => QuotaMatch::Exact(n.clone()),
            Some(None) => QuotaMatch::Default,
            None => QuotaMatch::Any,
        };
        let filter = vec![QuotaFilterComponent::new(kind, matching)];
        let found = admin
            .describe_client_quotas(filter, DescribeClientQuotasOptions::default())
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
    let Some(name) = name else { bail!("--alter needs --entity-name (or --entity-default)") };
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
    let entity: QuotaEntity = [(kind.to_string(), name.clone())].into_iter().collect();
    for (label, r) in admin.alter_client_quotas([(entity.clone(), ops)], AlterClientQuotasOptions::default()).await {
        r.map_err(|e| errors::admin(e, bootstrap)).with_context(|| format!("cannot alter the quotas of {label}"))?;
    }
    let plural = args.entity_type.as_deref().unwrap_or_default();
    match name {
        Some(n) => println!("Completed updating config for {} {n}.", plural.trim_end_matches('s')),
        None => println!("Completed updating default config for {plural} in the cluster."),
    }
    Ok(())
}

pub async fn run(global: &Global, args: ConfigsArgs) -> Result<ExitCode> {
    let (admin, bootstrap) = props::admin(global)?;
    if let Some(kind) = quota_type(&args) {
        let result = quotas(&admin, &bootstrap, &args, kind, global.output).await;
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
            _ => bail!("give --entity-name"),
        },
    };
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

    #[test]
    fn add_config_keeps_commas_inside_brackets() {
        let p = parse_add_config("retention.ms=1000,cleanup.policy=[compact,delete]").unwrap();
        assert_eq!(p, vec![("retention.ms".into(), "1000".into()), ("cleanup.policy".into(), "compact,delete".into())]);
        assert!(parse_add_config("retention.ms").is_err());
    }
}

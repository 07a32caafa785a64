//! The cluster at a glance: `kfk metadata` (brokers, controller, topics and partition leaders,
//! as `kcat -L` shows them) and `kfk broker-api-versions` (per broker, in Java's form:
//! `Produce(0): 3 to 13 [usable: 13]`).

use std::process::ExitCode;
use std::time::Duration;

use anyhow::Result;
use kfk_admin::{ApiVersionRange, ClusterOptions, DescribeClusterOptions, DescribeTopicsOptions, ListTopicsOptions};
use serde_json::json;

use crate::cli::{Global, MetadataArgs, Output};
use crate::errors;
use crate::props;
use crate::table::print_json;

fn ids(v: &[i32]) -> String {
    v.iter().map(i32::to_string).collect::<Vec<_>>().join(",")
}

pub async fn metadata(global: &Global, args: MetadataArgs) -> Result<ExitCode> {
    let (admin, bootstrap) = props::admin(global)?;
    let cluster =
        admin.describe_cluster(DescribeClusterOptions::default()).await.map_err(|e| errors::admin(e, &bootstrap))?;
    let names: Vec<String> = match &args.topic {
        Some(t) => vec![t.clone()],
        None => admin
            .list_topics(ListTopicsOptions::default().include_internal(true))
            .await
            .map_err(|e| errors::admin(e, &bootstrap))?
            .into_iter()
            .map(|t| t.name)
            .collect(),
    };
    let described = admin.describe_topics(names.iter().cloned(), DescribeTopicsOptions::default()).await;
    admin.close(Duration::from_millis(100)).await;
    let mut topics = Vec::new();
    for (name, d) in described {
        topics.push(d.map_err(|e| errors::admin(e, &bootstrap))?);
        let _ = name;
    }
    let mut nodes = cluster.nodes.clone();
    nodes.sort_by_key(|n| n.id);
    if global.output == Output::Json {
        print_json(&json!({
            "cluster_id": cluster.cluster_id,
            "controller": cluster.controller,
            "brokers": nodes.iter().map(|n| json!({"id": n.id, "host": n.host, "port": n.port, "rack": n.rack})).collect::<Vec<_>>(),
            "topics": topics.iter().map(|t| json!({
                "topic": t.name, "topic_id": t.topic_id.to_string(), "internal": t.internal,
                "partitions": t.partitions.iter().map(|p| json!({
                    "partition": p.partition, "leader": p.leader, "replicas": p.replicas, "isrs": p.isr,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        }));
        return Ok(ExitCode::SUCCESS);
    }
    let what = args.topic.as_deref().unwrap_or("all topics");
    println!("Metadata for {what} (from bootstrap {bootstrap}; cluster id {}):", cluster.cluster_id);
    println!(" {} brokers:", nodes.len());
    for n in &nodes {
        let controller = if cluster.controller == Some(n.id) { " (controller)" } else { "" };
        let rack = n.rack.as_deref().map(|r| format!(" rack {r}")).unwrap_or_default();
        println!("  broker {} at {}:{}{rack}{controller}", n.id, n.host, n.port);
    }
    println!(" {} topics:", topics.len());
    for t in &topics {
        let mut partitions = t.partitions.clone();
        partitions.sort_by_key(|p| p.partition);
        println!("  topic \"{}\" with {} partitions:", t.name, partitions.len());
        for p in partitions {
            let offline = if p.offline_replicas.is_empty() {
                String::new()
            } else {
                format!(", offline: {}", ids(&p.offline_replicas))
            };
            println!(
                "    partition {}, leader {}, replicas: {}, isrs: {}{offline}",
                p.partition,
                p.leader.unwrap_or(-1),
                ids(&p.replicas),
                ids(&p.isr)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One API as Java's `NodeApiVersions.toString` prints it.
pub fn api_line(v: &ApiVersionRange) -> String {
    let name = match v.name() {
        Some(n) => format!("{n}({})", v.api_key),
        None => format!("UNKNOWN({})", v.api_key),
    };
    let range = if v.min == v.max { v.min.to_string() } else { format!("{} to {}", v.min, v.max) };
    let usable = match (v.name(), v.usable) {
        (None, _) => String::new(),
        (Some(_), Some(u)) => format!(" [usable: {u}]"),
        (Some(_), None) => " [unusable: node too old]".into(),
    };
    format!("{name}: {range}{usable}")
}

pub async fn api_versions(global: &Global) -> Result<ExitCode> {
    let (admin, bootstrap) = props::admin(global)?;
    let cluster =
        admin.describe_cluster(DescribeClusterOptions::default()).await.map_err(|e| errors::admin(e, &bootstrap))?;
    let versions = admin.api_versions(ClusterOptions::default()).await.map_err(|e| errors::admin(e, &bootstrap))?;
    admin.close(Duration::from_millis(100)).await;
    let mut json_out = Vec::new();
    let mut failed = false;
    for (id, result) in versions {
        let node = cluster.nodes.iter().find(|n| n.id == id);
        let label = match node {
            Some(n) => format!(
                "{}:{} (id: {id} rack: {} isFenced: {})",
                n.host,
                n.port,
                n.rack.as_deref().unwrap_or("null"),
                n.fenced
            ),
            None => format!("(id: {id})"),
        };
        match result {
            Ok(mut apis) => {
                apis.sort_by_key(|a| a.api_key);
                if global.output == Output::Json {
                    json_out.push(json!({"broker": id, "apis": apis.iter().map(|a| json!({
                        "api_key": a.api_key, "name": a.name(), "min": a.min, "max": a.max, "usable": a.usable,
                    })).collect::<Vec<_>>()}));
                } else {
                    let lines: Vec<String> = apis.iter().map(api_line).collect();
                    print!("{label} -> (\n\t{}\n)\n", lines.join(",\n\t"));
                }
            }
            Err(e) => {
                failed = true;
                if global.output == Output::Json {
                    json_out.push(json!({"broker": id, "error": e.to_string()}));
                } else {
                    println!("{label} -> ERROR: {e}");
                }
            }
        }
    }
    if global.output == Output::Json {
        print_json(&json!(json_out));
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

//! `kfk topics`: what `kafka-topics.sh` does, printing the lines it prints.
//!
//! `--describe` prints, per topic, Java's topic line
//! (`Topic: t\tTopicId: ...\tPartitionCount: N\tReplicationFactor: R\tConfigs: k=v,...`, the
//! configs not at their default in the order Java's `HashMap` gives them) and one line per
//! partition (`\tTopic: t\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: \tLastKnownElr: `).
//! Java reads the eligible leader replicas (KIP-966) with DescribeTopicPartitions where the
//! broker has it and prints `N/A` where it does not; so do we.

use std::collections::BTreeMap;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use kfk_admin::{
    Admin, ConfigResource, ConfigSource, CreateTopicsOptions, DeleteTopicsOptions, DescribeConfigsOptions,
    DescribeTopicsOptions, ListTopicsOptions, NewPartitions, NewTopic, TopicDescription,
};
use kfk_protocol::messages::describe_configs::request::DescribeConfigsResource;
use kfk_protocol::messages::describe_topic_partitions::request::TopicRequest;
use kfk_protocol::messages::{ApiKey, DescribeConfigsRequest, DescribeTopicPartitionsRequest};
use serde_json::json;

use crate::cli::{Global, Output, TopicsArgs};
use crate::errors;
use crate::java_order::hash_map_order;
use crate::props::{self, parse_pairs};
use crate::table::print_json;

pub async fn run(global: &Global, args: TopicsArgs) -> Result<ExitCode> {
    let (admin, bootstrap) = props::admin(global)?;
    let result = if args.create {
        create(&admin, &bootstrap, &args).await
    } else if args.list {
        list(&admin, &bootstrap, &args, global.output).await
    } else if args.describe {
        describe(&admin, &bootstrap, &args, global.output).await
    } else if args.alter {
        alter(&admin, &bootstrap, &args).await
    } else {
        delete(&admin, &bootstrap, &args).await
    };
    admin.close(std::time::Duration::from_millis(100)).await;
    result.map(|()| ExitCode::SUCCESS)
}

async fn create(admin: &Admin, bootstrap: &str, args: &TopicsArgs) -> Result<()> {
    let Some(topic) = &args.topic else { bail!("--create needs --topic NAME") };
    if let Some(rf) = args.replication_factor.filter(|rf| *rf < 1) {
        bail!("the replication factor must be between 1 and 32767 inclusive (got {rf})");
    }
    if let Some(p) = args.partitions.filter(|p| *p < 1) {
        bail!("the partitions must be greater than 0 (got {p})");
    }
    let mut new = match &args.replica_assignment {
        Some(assignment) => {
            if args.partitions.is_some() || args.replication_factor.is_some() {
                bail!(
                    "--replica-assignment says the partitions and their replicas: leave out --partitions and \
                     --replication-factor"
                );
            }
            NewTopic::with_assignment(topic.as_str(), parse_replica_assignment(assignment)?)
        }
        None => NewTopic::new(topic.as_str(), args.partitions.unwrap_or(-1), args.replication_factor.unwrap_or(-1)),
    };
    for (k, v) in parse_pairs(&args.config, "--config")? {
        new = new.config(k, v);
    }
    if topic.contains('.') || topic.contains('_') {
        println!(
            "WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could \
             collide. To avoid issues it is best to use either, but not both."
        );
    }
    let mut results = admin.create_topics([new], CreateTopicsOptions::default()).await;
    match results.remove(topic.as_str()) {
        Some(Ok(_)) => {
            println!("Created topic {topic}.");
            Ok(())
        }
        Some(Err(kfk_admin::AdminError::TopicAlreadyExists { .. })) if args.if_not_exists => Ok(()),
        Some(Err(kfk_admin::AdminError::TopicAlreadyExists { .. })) => {
            bail!("topic `{topic}` already exists (--if-not-exists makes that a success)")
        }
        Some(Err(e)) => Err(errors::admin(e, bootstrap)).with_context(|| format!("cannot create topic `{topic}`")),
        None => bail!("the broker did not answer for topic `{topic}`"),
    }
}

/// The topics `--topic` (a regular expression, anchored as in Java) or `--topic-id` selects,
/// sorted.
async fn matching_topics(admin: &Admin, bootstrap: &str, args: &TopicsArgs) -> Result<Vec<String>> {
    let listed = admin
        .list_topics(ListTopicsOptions::default().include_internal(!args.exclude_internal))
        .await
        .map_err(|e| errors::admin(e, bootstrap))?;
    if let Some(id) = &args.topic_id {
        let wanted = id.trim();
        let found: Vec<String> =
            listed.into_iter().filter(|t| t.topic_id.to_string() == wanted).map(|t| t.name).collect();
        if found.is_empty() && !args.if_exists {
            bail!("no topic has the id {wanted}; `kfk topics --describe` shows each topic's TopicId");
        }
        return Ok(found);
    }
    let mut names: Vec<String> = listed.into_iter().map(|t| t.name).collect();
    names.sort();
    if let Some(pattern) = &args.topic {
        let re = topic_regex(pattern)?;
        names.retain(|n| re.is_match(n));
    }
    Ok(names)
}

/// `--replica-assignment` as Java reads it: partitions separated by commas, each a list of
/// broker ids separated by colons; every partition with the same number of distinct replicas.
pub fn parse_replica_assignment(text: &str) -> Result<Vec<Vec<i32>>> {
    let mut partitions = Vec::new();
    for (index, part) in text.split(',').enumerate() {
        let brokers =
            part.split(':').map(|b| b.trim().parse::<i32>()).collect::<Result<Vec<i32>, _>>().with_context(|| {
                format!("--replica-assignment: partition {index} (`{part}`) is not a list of broker ids")
            })?;
        let mut distinct = brokers.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() != brokers.len() {
            bail!("--replica-assignment: partition {index} (`{part}`) names a broker twice");
        }
        if let Some(first) = partitions.first().map(Vec::len).filter(|n| *n != brokers.len()) {
            bail!(
                "--replica-assignment: partition {index} has {} replicas, partition 0 has {first}; every partition \
                 needs the same replication factor",
                brokers.len()
            );
        }
        partitions.push(brokers);
    }
    Ok(partitions)
}

/// Java's `IncludeList`: commas mean alternatives, the whole name must match.
pub fn topic_regex(pattern: &str) -> Result<regex::Regex> {
    let alternatives = pattern.trim().replace(',', "|");
    regex::Regex::new(&format!("^(?:{alternatives})$"))
        .with_context(|| format!("--topic `{pattern}` is not a valid regular expression"))
}

/// Fails as Java does when `--topic` matched nothing (unless `--if-exists`).
fn ensure_exists(topics: &[String], args: &TopicsArgs) -> Result<()> {
    if topics.is_empty() && !args.if_exists {
        if let Some(t) = &args.topic {
            bail!(
                "Topic '{t}' does not exist as expected; list topics with `kfk topics --list`, or add --if-exists \
                 to make that a success"
            );
        }
    }
    Ok(())
}

async fn list(admin: &Admin, bootstrap: &str, args: &TopicsArgs, output: Output) -> Result<()> {
    let names = matching_topics(admin, bootstrap, args).await?;
    match output {
        Output::Json => print_json(&json!(names)),
        Output::Text => {
            for n in names {
                println!("{n}");
            }
        }
    }
    Ok(())
}

/// Eligible and last known eligible leader replicas per partition, when the brokers have
/// DescribeTopicPartitions (`None`: Java prints `N/A`).
type Elr = BTreeMap<(String, i32), (Vec<i32>, Vec<i32>)>;

async fn eligible_leader_replicas(admin: &Admin, topics: &[String]) -> Option<Elr> {
    let conn = admin.cluster().any_connection().await.ok()?;
    conn.version_for(ApiKey::DescribeTopicPartitions).ok()?;
    let mut out = Elr::new();
    let mut cursor = None;
    loop {
        let request = DescribeTopicPartitionsRequest {
            topics: topics.iter().map(|t| TopicRequest { name: t.clone(), ..Default::default() }).collect(),
            response_partition_limit: 2000,
            cursor: cursor.take(),
            ..Default::default()
        };
        let response = admin.send(&request).await.ok()?;
        for t in response.topics {
            let Some(name) = t.name else { continue };
            for p in t.partitions {
                out.insert(
                    (name.clone(), p.partition_index),
                    (p.eligible_leader_replicas.unwrap_or_default(), p.last_known_elr.unwrap_or_default()),
                );
            }
        }
        match response.next_cursor {
            Some(c) => {
                cursor = Some(kfk_protocol::messages::describe_topic_partitions::request::Cursor {
                    topic_name: c.topic_name,
                    partition_index: c.partition_index,
                    ..Default::default()
                })
            }
            None => return Some(out),
        }
    }
}

fn ids(v: &[i32]) -> String {
    v.iter().map(i32::to_string).collect::<Vec<_>>().join(",")
}

/// A topic's configs in the broker's order: (name, value, whether at its default).
type OrderedConfigs = BTreeMap<String, Vec<(String, Option<String>, bool)>>;

/// The topics' configs as the broker lists them. Java's `HashMap` keeps that order among keys
/// of one hash bucket, and the admin API's map does not keep it, so we ask with a
/// DescribeConfigs of our own. `None` when that fails (the admin API's answer is used then).
async fn configs_in_broker_order(admin: &Admin, topics: &[String]) -> Option<OrderedConfigs> {
    let request = DescribeConfigsRequest {
        resources: topics
            .iter()
            .map(|t| DescribeConfigsResource {
                resource_type: TOPIC_RESOURCE,
                resource_name: t.clone(),
                configuration_keys: None,
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    let response = admin.send(&request).await.ok()?;
    let mut out = OrderedConfigs::new();
    for r in response.results {
        if r.error_code != 0 {
            return None;
        }
        let entries = r.configs.into_iter().map(|c| (c.name, c.value, c.config_source == DEFAULT_SOURCE)).collect();
        out.insert(r.resource_name, entries);
    }
    Some(out)
}

/// DescribeConfigs' resource type of topics.
const TOPIC_RESOURCE: i8 = 2;
/// DescribeConfigs' `DEFAULT_CONFIG` source.
const DEFAULT_SOURCE: i8 = 5;

/// Java's `Configs:` value: the entries not at their default, in the order a `HashMap` of all
/// of them (inserted in the broker's order) iterates.
fn configs_line(entries: &[(String, Option<String>, bool)]) -> String {
    let names: Vec<&str> = entries.iter().map(|(n, _, _)| n.as_str()).collect();
    hash_map_order(&names)
        .into_iter()
        .filter_map(|i| {
            let (name, value, default) = &entries[i];
            (!default).then(|| format!("{name}={}", value.as_deref().unwrap_or("null")))
        })
        .collect::<Vec<_>>()
        .join(",")
}

async fn describe(admin: &Admin, bootstrap: &str, args: &TopicsArgs, output: Output) -> Result<()> {
    let topics = matching_topics(admin, bootstrap, args).await?;
    ensure_exists(&topics, args)?;
    if topics.is_empty() {
        return Ok(());
    }
    let described = admin.describe_topics(topics.iter().cloned(), DescribeTopicsOptions::default()).await;
    let configs =
        admin.describe_configs(topics.iter().map(ConfigResource::topic), DescribeConfigsOptions::default()).await;
    let ordered = configs_in_broker_order(admin, &topics).await;
    let elr = eligible_leader_replicas(admin, &topics).await;
    // As Java: a partition filter prints the matching partitions only; --topics-with-overrides
    // prints the topic lines of topics with overrides only.
    let filtered = args.under_replicated || args.unavailable || args.under_min_isr || args.at_min_isr;
    let mut json_topics = Vec::new();
    for name in &topics {
        let d: &TopicDescription = match described.get(name) {
            Some(Ok(d)) => d,
            // Deleted between listing and describing.
            Some(Err(e)) if e.is_not_found() => continue,
            Some(Err(e)) => return Err(errors::admin(e.clone(), bootstrap)),
            None => bail!("the broker did not describe topic `{name}`"),
        };
        let config = match configs.get(&ConfigResource::topic(name)) {
            Some(Ok(c)) => c.clone(),
            Some(Err(e)) => return Err(errors::admin(e.clone(), bootstrap)),
            None => kfk_admin::Config::default(),
        };
        let mut partitions = d.partitions.clone();
        partitions.sort_by_key(|p| p.partition);
        let rf = partitions.first().map(|p| p.replicas.len()).unwrap_or(0);
        if output == Output::Json {
            json_topics.push(json!({
                "topic": name,
                "topic_id": d.topic_id.to_string(),
                "internal": d.internal,
                "partition_count": partitions.len(),
                "replication_factor": rf,
                "configs": config.entries.values().filter(|e| e.source != ConfigSource::Default)
                    .map(|e| (e.name.clone(), json!(e.value))).collect::<serde_json::Map<_, _>>(),
                "partitions": partitions.iter().map(|p| json!({
                    "partition": p.partition, "leader": p.leader, "replicas": p.replicas, "isr": p.isr,
                    "offline_replicas": p.offline_replicas,
                })).collect::<Vec<_>>(),
            }));
            continue;
        }
        let entries = ordered_entries(ordered.as_ref(), name, &config);
        let overrides = configs_line(&entries);
        if args.topics_with_overrides {
            if !overrides.is_empty() {
                print_topic_line(name, d, partitions.len(), rf, &overrides);
            }
            continue;
        }
        let min_isr = config
            .entries
            .get("min.insync.replicas")
            .and_then(|e| e.value.as_deref())
            .and_then(|v| v.parse::<usize>().ok());
        if !filtered {
            print_topic_line(name, d, partitions.len(), rf, &overrides);
        }
        for p in &partitions {
            if args.under_replicated && p.isr.len() >= p.replicas.len() {
                continue;
            }
            if args.unavailable && p.leader.is_some() {
                continue;
            }
            if args.under_min_isr && p.leader.is_some() && min_isr.is_none_or(|m| p.isr.len() >= m) {
                continue;
            }
            if args.at_min_isr && min_isr != Some(p.isr.len()) {
                continue;
            }
            let (elr_text, last_text) = match &elr {
                Some(map) => {
                    let (e, l) = map.get(&(name.clone(), p.partition)).cloned().unwrap_or_default();
                    (ids(&e), ids(&l))
                }
                None => ("N/A".to_string(), "N/A".to_string()),
            };
            println!(
                "\tTopic: {name}\tPartition: {}\tLeader: {}\tReplicas: {}\tIsr: {}\tElr: {elr_text}\tLastKnownElr: {last_text}",
                p.partition,
                p.leader.map(|l| l.to_string()).unwrap_or_else(|| "none".into()),
                ids(&p.replicas),
                ids(&p.isr),
            );
        }
    }
    if output == Output::Json {
        print_json(&json!(json_topics));
    }
    Ok(())
}

/// Java's topic line.
fn print_topic_line(name: &str, d: &TopicDescription, partitions: usize, rf: usize, configs: &str) {
    let id = if d.topic_id == kfk_protocol::Uuid::ZERO { String::new() } else { format!("\tTopicId: {}", d.topic_id) };
    println!("Topic: {name}{id}\tPartitionCount: {partitions}\tReplicationFactor: {rf}\tConfigs: {configs}");
}

/// The entries of `name` in the broker's order when we have it, else in name order.
fn ordered_entries(
    ordered: Option<&OrderedConfigs>,
    name: &str,
    config: &kfk_admin::Config,
) -> Vec<(String, Option<String>, bool)> {
    match ordered.and_then(|o| o.get(name)) {
        Some(entries) => entries.clone(),
        None => config
            .entries
            .values()
            .map(|e| (e.name.clone(), e.value.clone(), e.source == ConfigSource::Default))
            .collect(),
    }
}

async fn alter(admin: &Admin, bootstrap: &str, args: &TopicsArgs) -> Result<()> {
    let Some(count) = args.partitions else {
        bail!("--alter needs --partitions N (the new total); to change configs use `kfk configs --alter`")
    };
    if !args.config.is_empty() {
        bail!("--config is only for --create; to change configs use `kfk configs --alter --topic T --add-config k=v`");
    }
    let topics = matching_topics(admin, bootstrap, args).await?;
    ensure_exists(&topics, args)?;
    let mut grow = Vec::with_capacity(topics.len());
    for t in &topics {
        let new = match &args.replica_assignment {
            None => NewPartitions::increase_to(count),
            Some(text) => {
                // As Java: the assignment covers every partition; the new ones' part is sent.
                let assignment = parse_replica_assignment(text)?;
                let existing = existing_partitions(admin, bootstrap, t).await?;
                if assignment.len() != count as usize || existing >= assignment.len() {
                    bail!(
                        "--replica-assignment lists {} partitions: it must list all {count} (--partitions) of `{t}`, \
                         which has {existing} now",
                        assignment.len()
                    );
                }
                NewPartitions::with_assignment(count, assignment[existing..].to_vec())
            }
        };
        grow.push((t.clone(), new));
    }
    let results = admin.create_partitions(grow, kfk_admin::CreatePartitionsOptions::default()).await;
    let mut failed = 0;
    for (topic, r) in results {
        if let Err(e) = r {
            eprintln!("error: cannot add partitions to `{topic}`: {}", errors::render(&errors::admin(e, bootstrap)));
            failed += 1;
        }
    }
    if failed > 0 {
        bail!("{failed} of {} topics not altered", topics.len());
    }
    Ok(())
}

/// How many partitions `topic` has now.
async fn existing_partitions(admin: &Admin, bootstrap: &str, topic: &str) -> Result<usize> {
    let mut described = admin.describe_topics([topic.to_string()], DescribeTopicsOptions::default()).await;
    match described.remove(topic) {
        Some(Ok(d)) => Ok(d.partitions.len()),
        Some(Err(e)) => Err(errors::admin(e, bootstrap)),
        None => bail!("the broker did not describe topic `{topic}`"),
    }
}

async fn delete(admin: &Admin, bootstrap: &str, args: &TopicsArgs) -> Result<()> {
    if args.topic.is_none() {
        bail!("--delete needs --topic NAME (a regular expression)");
    }
    let topics = matching_topics(admin, bootstrap, args).await?;
    ensure_exists(&topics, args)?;
    let results = admin.delete_topics(topics.iter().cloned(), DeleteTopicsOptions::default()).await;
    let mut failed = 0;
    for (topic, r) in results {
        if let Err(e) = r {
            eprintln!("error: cannot delete `{topic}`: {}", errors::render(&errors::admin(e, bootstrap)));
            failed += 1;
        }
    }
    if failed > 0 {
        bail!("{failed} of {} topics not deleted", topics.len());
    }
    Ok(())
}

//! The admin client: what `kafka-topics`, `kafka-configs` and `kafka-consumer-groups` print,
//! from code.
//!
//! ```sh
//! cargo run --example admin                                        # in-process stub broker
//! KAFKA_BOOTSTRAP_SERVERS=localhost:9092 cargo run --example admin # your cluster
//! ```
//!
//! It describes the cluster, creates a topic with a config, describes its partitions, writes
//! 100 records, changes and reads back the topic's retention, sets a consumer group's
//! committed offsets and prints the group's lag per partition, then deletes the group and the
//! topic.

use std::time::Duration;

use kfk_admin::{
    Admin, AlterConfigOp, AlterConfigsOptions, BatchResults, ConfigResource, CreateTopicsOptions, DeleteTopicsOptions,
    DescribeClusterOptions, DescribeConfigsOptions, DescribeTopicsOptions, GroupOptions, NewTopic, OffsetAndMetadata,
    TopicPartition,
};
use kfk_client::config::ProducerConfig;
use kfk_client::producer::{Producer, ProducerRecord};
use kfk_stub::StubCluster;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::from_default_env()).init();
    let (bootstrap, _stub) = match std::env::var("KAFKA_BOOTSTRAP_SERVERS") {
        Ok(servers) if !servers.is_empty() => (servers, None),
        _ => {
            let stub = StubCluster::builder().brokers(1).start().await?;
            (stub.bootstrap(), Some(stub))
        }
    };
    let admin = Admin::from_properties([("bootstrap.servers", bootstrap.as_str()), ("client.id", "admin-example")])?;

    // kafka-broker-api-versions / kafka-metadata: who is in the cluster.
    match admin.describe_cluster(DescribeClusterOptions::default()).await {
        Ok(cluster) => {
            println!("cluster {} (controller {:?})", cluster.cluster_id, cluster.controller);
            for node in &cluster.nodes {
                println!("  broker {} at {}:{}", node.id, node.host, node.port);
            }
        }
        Err(e) => println!("describe cluster: {e}"),
    }

    // kafka-topics --create / --describe.
    let topic = format!("admin-example-{}", std::process::id());
    let created = admin
        .create_topics(
            [NewTopic::new(&topic, 3, -1).config("cleanup.policy", "delete")],
            CreateTopicsOptions::default(),
        )
        .await
        .into_one(&topic)?;
    println!("created {topic} (id {})", created.topic_id);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    let description = loop {
        let described = admin.describe_topics([&topic], DescribeTopicsOptions::default()).await;
        match &described[&topic] {
            Ok(d) if d.partitions.iter().all(|p| p.leader.is_some()) => break d.clone(),
            _ if tokio::time::Instant::now() < deadline => tokio::time::sleep(Duration::from_millis(100)).await,
            other => return Err(format!("{topic} has no leaders after 30 s: {other:?}").into()),
        }
    };
    for p in &description.partitions {
        println!("  partition {} leader {:?} replicas {:?} isr {:?}", p.partition, p.leader, p.replicas, p.isr);
    }

    let producer = Producer::new(ProducerConfig::builder().bootstrap_servers(&bootstrap).build()?)?;
    for i in 0..100 {
        let value = format!("record-{i}");
        producer.send(ProducerRecord::new(&topic).partition(i % 3).value(value.as_bytes())).await?;
    }
    producer.close(Duration::from_secs(5)).await?;

    // kafka-configs --alter --add-config / --describe.
    let resource = ConfigResource::topic(&topic);
    let altered = admin
        .incremental_alter_configs(
            [(resource.clone(), vec![AlterConfigOp::set("retention.ms", "3600000")])],
            AlterConfigsOptions::default(),
        )
        .await;
    match &altered[&resource] {
        Ok(()) => {
            let described = admin.describe_configs([resource.clone()], DescribeConfigsOptions::default()).await;
            if let Ok(config) = &described[&resource] {
                let entry = config.get("retention.ms");
                println!("retention.ms = {:?} ({:?})", entry.and_then(|e| e.value.clone()), entry.map(|e| e.source));
            }
        }
        Err(e) => println!("alter configs: {e}"),
    }

    // kafka-consumer-groups --reset-offsets, then --describe.
    let group = format!("{topic}-group");
    let offsets = (0..3).map(|p| (TopicPartition::new(&topic, p), OffsetAndMetadata::new(10)));
    for (tp, result) in admin.alter_group_offsets(&group, offsets, GroupOptions::default()).await {
        result.map_err(|e| format!("commit {tp}: {e}"))?;
    }
    println!("group {group}:");
    println!("  {:<40} {:>9} {:>14} {:>6}", "PARTITION", "COMMITTED", "LOG-END-OFFSET", "LAG");
    for lag in admin.group_lag(&group, GroupOptions::default()).await? {
        println!(
            "  {:<40} {:>9} {:>14} {:>6}",
            lag.partition.to_string(),
            lag.committed.map_or("-".into(), |c| c.to_string()),
            lag.log_end,
            lag.lag.map_or("-".into(), |l| l.to_string())
        );
    }

    // Clean up.
    let deleted = admin.delete_groups([&group], GroupOptions::default()).await;
    println!("deleted group {group}: {:?}", deleted[&group].as_ref().map(|_| ()));
    let deleted = admin.delete_topics([topic.as_str()], DeleteTopicsOptions::default()).await;
    println!("deleted topic {topic}: {:?}", deleted.values().next().map(|r| r.as_ref().map(|_| ())));
    admin.close(Duration::from_secs(1)).await;
    Ok(())
}

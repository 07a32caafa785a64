//! The quickstart: produce 10,000 records, then consume them in a group of two.
//!
//! ```sh
//! cargo run --example quickstart                                   # in-process stub broker
//! KAFKA_BOOTSTRAP_SERVERS=localhost:9092 cargo run --example quickstart   # your cluster
//! ```
//!
//! With no `KAFKA_BOOTSTRAP_SERVERS`, it starts the bundled reference broker in this process.
//! It creates a 6-partition topic, produces 10,000 keyed records with the default (idempotent,
//! `acks=all`) producer, reads them back with two consumers in one group (each gets some of the
//! partitions), commits, and prints how many records each partition and each consumer saw.

use std::collections::BTreeMap;
use std::time::Duration;

use kfk_admin::{Admin, AdminConfig, BatchResults, CreateTopicsOptions, DeleteTopicsOptions, NewTopic};
use kfk_client::config::{ConsumerConfig, OffsetReset, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::producer::{Producer, ProducerRecord};

const RECORDS: usize = 10_000;

#[tokio::main]
async fn main() -> Result<(), examples::BoxError> {
    // `RUST_LOG=kfk_client=debug` shows what the client does.
    tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::from_default_env()).init();
    // A broker: yours, or the in-process stub.
    let (bootstrap, _stub) = examples::broker().await?;
    println!("broker: {bootstrap}{}", if _stub.is_some() { " (in-process stub)" } else { "" });

    // A fresh topic per run, so a shared cluster's leftovers never mix in: 6 partitions, the
    // broker's default replication factor.
    let topic = format!("quickstart-{}", std::process::id());
    let topic = topic.as_str();
    let admin = Admin::new(AdminConfig::builder().bootstrap_servers(&bootstrap).build()?)?;
    admin.create_topics([NewTopic::new(topic, 6, -1)], CreateTopicsOptions::default()).await.into_one(topic)?;

    let producer = Producer::new(ProducerConfig::builder().bootstrap_servers(&bootstrap).build()?)?;

    // Produce: enqueue everything, then collect the acknowledgements.
    let started = std::time::Instant::now();
    let mut deliveries = Vec::with_capacity(RECORDS);
    for i in 0..RECORDS {
        let key = format!("user-{}", i % 100);
        let value = format!("event {i}");
        deliveries
            .push(producer.enqueue(ProducerRecord::new(topic).key(key.as_bytes()).value(value.as_bytes())).await?);
    }
    let mut per_partition: BTreeMap<i32, usize> = BTreeMap::new();
    for delivery in deliveries {
        let meta = delivery.await?;
        *per_partition.entry(meta.partition).or_default() += 1;
    }
    producer.close(Duration::from_secs(10)).await?;

    println!("produced {RECORDS} records to {topic} in {:.0} ms", started.elapsed().as_secs_f64() * 1000.0);

    // Consume them in a group of two.
    let group = format!("quickstart-{}", std::process::id());
    let consumers: Vec<Consumer> = (0..2)
        .map(|_| -> Result<Consumer, kfk_client::Error> {
            let config = ConsumerConfig::builder()
                .bootstrap_servers(&bootstrap)
                .group_id(group.clone())
                .auto_offset_reset(OffsetReset::Earliest)
                .heartbeat_interval(Duration::from_millis(500))
                .build()?;
            Consumer::new(config)
        })
        .collect::<Result<_, _>>()?;
    for consumer in &consumers {
        consumer.subscribe([topic])?;
    }
    let started = std::time::Instant::now();
    let mut consumed: BTreeMap<i32, usize> = BTreeMap::new();
    let mut per_consumer = [0usize; 2];
    while consumed.values().sum::<usize>() < RECORDS {
        if started.elapsed() > Duration::from_secs(60) {
            return Err(
                format!("only {} of {RECORDS} records consumed in 60 s", consumed.values().sum::<usize>()).into()
            );
        }
        for (i, consumer) in consumers.iter().enumerate() {
            for record in consumer.poll(Duration::from_millis(100)).await? {
                *consumed.entry(record.partition).or_default() += 1;
                per_consumer[i] += 1;
            }
        }
    }
    for consumer in &consumers {
        consumer.commit().await?;
    }
    println!(
        "consumed {RECORDS} records in group {group} in {:.0} ms: consumer 1 read {}, consumer 2 read {}",
        started.elapsed().as_secs_f64() * 1000.0,
        per_consumer[0],
        per_consumer[1]
    );
    println!("partition  produced  consumed");
    for (partition, count) in &per_partition {
        println!("{partition:>9}  {count:>8}  {:>8}", consumed.get(partition).copied().unwrap_or(0));
    }
    for consumer in &consumers {
        consumer.close().await;
    }
    // Leave the cluster as we found it.
    admin.delete_topics([topic], DeleteTopicsOptions::default()).await.all()?;
    if per_partition != consumed {
        return Err("consumed counts differ from produced counts".into());
    }
    Ok(())
}

//! The quickstart: produce 10,000 records and see where they went.
//!
//! ```sh
//! cargo run --example quickstart                                   # in-process stub broker
//! KAFKA_BOOTSTRAP_SERVERS=localhost:9092 cargo run --example quickstart   # your cluster
//! ```
//!
//! With no `KAFKA_BOOTSTRAP_SERVERS`, it starts the bundled reference broker in this process.
//! It creates a 6-partition topic, produces 10,000 keyed records with the default (idempotent,
//! `acks=all`) producer, and prints how many landed in each partition. Consuming them back in a
//! consumer group joins this example when the consumer lands.

use std::collections::BTreeMap;
use std::time::Duration;

use kafka_client::config::ProducerConfig;
use kafka_client::producer::{Producer, ProducerRecord};
use kafka_protocol::messages::create_topics::request::CreatableTopic;
use kafka_protocol::messages::CreateTopicsRequest;
use kafka_protocol::ErrorCode;
use server_stub::StubCluster;

const TOPIC: &str = "quickstart";
const RECORDS: usize = 10_000;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A broker: yours, or the in-process stub.
    let (bootstrap, _stub) = match std::env::var("KAFKA_BOOTSTRAP_SERVERS") {
        Ok(servers) if !servers.is_empty() => (servers, None),
        _ => {
            let stub = StubCluster::builder().brokers(1).start().await?;
            (stub.bootstrap(), Some(stub))
        }
    };
    println!("broker: {bootstrap}{}", if _stub.is_some() { " (in-process stub)" } else { "" });

    let producer = Producer::new(ProducerConfig::builder().bootstrap_servers(&bootstrap).build()?)?;

    // A topic with 6 partitions (already existing is fine).
    let created = producer
        .cluster()
        .send_any(&CreateTopicsRequest {
            topics: vec![CreatableTopic {
                name: TOPIC.into(),
                num_partitions: 6,
                replication_factor: -1,
                ..Default::default()
            }],
            timeout_ms: 30_000,
            ..Default::default()
        })
        .await?;
    let code = ErrorCode(created.topics[0].error_code);
    if !code.is_ok() && code != ErrorCode::TOPIC_ALREADY_EXISTS {
        return Err(format!("creating {TOPIC}: {code}").into());
    }

    // Produce: enqueue everything, then collect the acknowledgements.
    let started = std::time::Instant::now();
    let mut deliveries = Vec::with_capacity(RECORDS);
    for i in 0..RECORDS {
        let key = format!("user-{}", i % 100);
        let value = format!("event {i}");
        deliveries
            .push(producer.enqueue(ProducerRecord::new(TOPIC).key(key.as_bytes()).value(value.as_bytes())).await?);
    }
    let mut per_partition: BTreeMap<i32, usize> = BTreeMap::new();
    for delivery in deliveries {
        let meta = delivery.await?;
        *per_partition.entry(meta.partition).or_default() += 1;
    }
    producer.close(Duration::from_secs(10)).await?;

    println!("produced {RECORDS} records to {TOPIC} in {:.0} ms", started.elapsed().as_secs_f64() * 1000.0);
    for (partition, count) in &per_partition {
        println!("  partition {partition}: {count} records");
    }
    assert_eq!(per_partition.values().sum::<usize>(), RECORDS);
    Ok(())
}

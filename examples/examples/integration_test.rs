//! Setting up an integration test with the harness: `TestCluster::start()` gives the cluster
//! `KAFKA_BOOTSTRAP_SERVERS` names, else the in-process stub (a JVM broker or a container only
//! when `KAFKA_TEST_BACKEND` asks for one), and says which it picked.
//!
//! ```text
//! cargo run -p examples --example integration_test
//! KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 cargo run -p examples --example integration_test
//! KAFKA_TEST_BACKEND=jvm cargo run -p examples --example integration_test
//! ```
//!
//! In a test of your own, the body of `run` goes in a `#[tokio::test]` returning
//! `Result<(), Box<dyn std::error::Error>>`, with
//! `kfk-stub = { version = "0.1", features = ["testing"] }` in `[dev-dependencies]`.
//! Here the code under test is `publish_order`, checked the way a test would: the record it
//! wrote is read back by a consumer, with its key and value.

use std::error::Error;
use std::time::Duration;

use kfk_admin::{Admin, AdminConfig, BatchResults, CreateTopicsOptions, NewTopic};
use kfk_client::config::{ConsumerConfig, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::producer::{Producer, ProducerRecord, RecordMetadata};
use kfk_stub::testing::TestCluster;

#[tokio::main]
async fn main() {
    if let Err(e) = run().await {
        // `TestingError`s explain themselves (what failed, what to do): print them as they are.
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

/// The code under test: publishes an order, keyed by its id.
async fn publish_order(
    producer: &Producer,
    topic: &str,
    id: &str,
    amount: &str,
) -> Result<RecordMetadata, Box<dyn Error>> {
    Ok(producer.send(ProducerRecord::new(topic).key(id).value(amount)).await?)
}

async fn run() -> Result<(), Box<dyn Error>> {
    let kafka = TestCluster::start().await?;
    println!("backend:   {} ({})", kafka.kind(), kafka.description());
    println!("bootstrap: {}", kafka.bootstrap());

    // A topic of the test's own, so that tests sharing a cluster do not see each other's records.
    let topic = format!("orders-{}", std::process::id());
    let admin = Admin::new(AdminConfig::builder().bootstrap_servers(kafka.bootstrap()).build()?)?;
    admin.create_topics([NewTopic::new(&topic, 1, -1)], CreateTopicsOptions::default()).await.into_one(&topic)?;

    let producer = Producer::new(ProducerConfig::builder().bootstrap_servers(kafka.bootstrap()).build()?)?;
    let written = publish_order(&producer, &topic, "order-1", "42 EUR").await?;
    println!("published: {}-{} at offset {}", written.topic, written.partition, written.offset);

    // Read it back from where it was written (no group needed for a check).
    let consumer = Consumer::new(ConsumerConfig::builder().bootstrap_servers(kafka.bootstrap()).build()?)?;
    consumer.assign([(topic.as_str(), written.partition)]);
    consumer.seek(&topic, written.partition, written.offset)?;
    let record = tokio::time::timeout(Duration::from_secs(30), consumer.recv())
        .await
        .map_err(|_| "the published record was not read back within 30 s")??;
    assert_eq!(record.key_str()?, Some("order-1"));
    assert_eq!(record.value_str()?, Some("42 EUR"));
    println!("read back: {:?} = {:?}", record.key_str()?, record.value_str()?);

    consumer.close().await;
    producer.close(Duration::from_secs(5)).await?;
    kafka.shutdown().await;
    Ok(())
}

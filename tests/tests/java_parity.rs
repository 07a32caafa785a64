//! Key-to-partition parity with the Java producer: for 10,000 keys, the Java client's default
//! partitioner (run from the kafka-clients jar against a real broker) and ours pick the same
//! partition. Needs a real broker and a JDK; skipped otherwise.

use std::time::Duration;

use kfk_client::config::ProducerConfig;
use kfk_client::producer::{partition_for_key, Producer, ProducerRecord};
use tests::java::{self, JavaProgram};
use tests::topics::create_topic;
use tests::{unique_topic, Backend, BackendKind, Conn};

const KEYS: usize = 10_000;
const PARTITIONS: i32 = 7;

#[tokio::test]
async fn our_partitions_match_the_java_producer() {
    let backend = Backend::from_env().await;
    if backend.kind != BackendKind::Kafka || !java::available() {
        kfk_stub::skip_test!("needs a real broker and a JDK");
        return;
    }
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("parity");
    create_topic(&mut conn, &topic, PARTITIONS).await;

    let program = JavaProgram::compile("KeyPartitions").await;
    let stdout = program.run("KeyPartitions", &[&backend.bootstrap, &topic, &KEYS.to_string()]).await;
    let java_partitions: Vec<(String, i32)> = stdout
        .lines()
        .filter_map(|l| {
            let (k, p) = l.split_once(' ')?;
            Some((k.to_string(), p.parse().ok()?))
        })
        .collect();
    assert_eq!(java_partitions.len(), KEYS);

    // Our partitioner, computed, and as our producer actually sends.
    let producer =
        Producer::new(ProducerConfig::builder().bootstrap_servers(&backend.bootstrap).build().expect("config"))
            .expect("producer");
    let mut deliveries = Vec::new();
    for (key, _) in &java_partitions {
        deliveries
            .push(producer.enqueue(ProducerRecord::new(&topic).key(key.as_bytes()).value("v")).await.expect("enqueue"));
    }
    let mut mismatches = Vec::new();
    for ((key, java), delivery) in java_partitions.iter().zip(deliveries) {
        let computed = partition_for_key(key.as_bytes(), PARTITIONS);
        let sent = delivery.await.expect("delivered").partition;
        if computed != *java || sent != *java {
            mismatches.push(format!("{key}: java {java}, ours {computed}, sent to {sent}"));
        }
    }
    producer.close(Duration::from_secs(5)).await.expect("close");
    assert!(
        mismatches.is_empty(),
        "{} of {KEYS} keys differ, e.g. {:?}",
        mismatches.len(),
        &mismatches[..mismatches.len().min(5)]
    );
}

//! Key-to-partition parity with the Java producer: for 10,000 keys, the Java client's default
//! partitioner (run from the kafka-clients jar against a real broker) and ours pick the same
//! partition. Needs a real broker and a JDK; skipped otherwise.

use std::process::Command;
use std::time::Duration;

use kafka_client::config::ProducerConfig;
use kafka_client::producer::{partition_for_key, Producer, ProducerRecord};
use server_stub::testing::maven;
use tests::topics::create_topic;
use tests::{unique_topic, Backend, BackendKind, Conn};

const KEYS: usize = 10_000;
const PARTITIONS: i32 = 7;

#[tokio::test]
async fn our_partitions_match_the_java_producer() {
    let backend = Backend::from_env().await;
    if backend.kind != BackendKind::Kafka || Command::new("javac").arg("-version").output().is_err() {
        eprintln!("skipped: needs a real broker and a JDK");
        return;
    }
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("parity");
    create_topic(&mut conn, &topic, PARTITIONS).await;

    let work = std::env::temp_dir().join(format!("kafka-rs-parity-{}", std::process::id()));
    std::fs::create_dir_all(&work).expect("work dir");
    let classpath = tokio::task::spawn_blocking({
        let work = work.clone();
        move || maven::classpath(&work, &[&format!("org.apache.kafka:kafka-clients:{}", maven::KAFKA_VERSION)])
    })
    .await
    .expect("join")
    .expect("kafka-clients classpath");
    let source = concat!(env!("CARGO_MANIFEST_DIR"), "/java/KeyPartitions.java");
    let javac = Command::new("javac")
        .args(["-nowarn", "-d"])
        .arg(&work)
        .args(["-cp", &classpath, source])
        .output()
        .expect("javac");
    assert!(javac.status.success(), "javac: {}", String::from_utf8_lossy(&javac.stderr));
    let java = tokio::task::spawn_blocking({
        let (work, bootstrap, topic) = (work.clone(), backend.bootstrap.clone(), topic.clone());
        move || {
            Command::new("java")
                .arg("-cp")
                .arg(format!("{}:{classpath}", work.display()))
                .args(["KeyPartitions", &bootstrap, &topic, &KEYS.to_string()])
                .output()
        }
    })
    .await
    .expect("join")
    .expect("java");
    assert!(java.status.success(), "java: {}", String::from_utf8_lossy(&java.stderr));
    let java_partitions: Vec<(String, i32)> = String::from_utf8_lossy(&java.stdout)
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
    let _ = std::fs::remove_dir_all(&work);
    assert!(
        mismatches.is_empty(),
        "{} of {KEYS} keys differ, e.g. {:?}",
        mismatches.len(),
        &mismatches[..mismatches.len().min(5)]
    );
}

//! Partitioners chosen by configuration, against a broker: Java's `partitioner.class` names.

use std::collections::BTreeSet;
use std::time::Duration;

use kfk_client::config::ProducerConfig;
use kfk_client::producer::{Producer, ProducerRecord};
use tests::topics::backend_with_topic;

/// `partitioner.class` naming Java's RoundRobinPartitioner spreads records with one key over
/// every partition, where the default partitioner keeps them on one.
#[tokio::test]
async fn the_java_round_robin_partitioner_class_spreads_one_key_over_every_partition() {
    let (backend, topic) = backend_with_topic("round-robin", 3).await;
    for (class, expected) in [("org.apache.kafka.clients.producer.RoundRobinPartitioner", 3), ("", 1)] {
        let config = ProducerConfig::from_properties([
            ("bootstrap.servers", backend.bootstrap.as_str()),
            ("partitioner.class", class),
        ])
        .expect("producer config");
        let producer = Producer::new(config).expect("producer");
        let mut partitions = BTreeSet::new();
        for _ in 0..9 {
            let sent = producer.send(ProducerRecord::new(&topic).key(b"one key").value(b"v")).await.expect("send");
            partitions.insert(sent.partition);
        }
        assert_eq!(partitions.len(), expected, "partitioner.class `{class}`: {partitions:?}");
        producer.close(Duration::from_secs(5)).await.expect("close");
    }
}

//! Producing test records through the client: settled in the ledger, or written to
//! partitions in counts a test chooses.

use std::time::Duration;

use kfk_client::config::ProducerConfig;
use kfk_client::producer::{Delivery, Producer, ProducerRecord};

use crate::delivery::Ledger;

/// Sends `n` keyed records with unique values through `producer` (enqueued first, then every
/// delivery awaited) and notes each send, acknowledgement and failure in `ledger`.
pub async fn send_all(producer: &Producer, topic: &str, n: usize, ledger: &mut Ledger) {
    let mut deliveries: Vec<(Vec<u8>, Delivery)> = Vec::with_capacity(n);
    for i in 0..n {
        let key = format!("key-{}", i % 97);
        let value = format!("{topic}-value-{}", ledger.sent_count());
        ledger.sent(value.as_bytes());
        let delivery = producer
            .enqueue(ProducerRecord::new(topic).key(key.as_bytes()).value(value.as_bytes()))
            .await
            .expect("enqueue");
        deliveries.push((value.into_bytes(), delivery));
    }
    for (value, delivery) in deliveries {
        match delivery.await {
            Ok(meta) => ledger.acked(meta.partition, meta.offset, &value),
            Err(e) => {
                eprintln!("send failed: {e}");
                ledger.failed(&value);
            }
        }
    }
}

/// As [`send_all`], with a default producer for `bootstrap` that is closed afterwards.
pub async fn produce(bootstrap: &str, topic: &str, n: usize, ledger: &mut Ledger) {
    let producer = Producer::new(ProducerConfig::builder().bootstrap_servers(bootstrap).build().expect("config"))
        .expect("producer");
    send_all(&producer, topic, n, ledger).await;
    producer.close(Duration::from_secs(5)).await.expect("close");
}

/// Writes `counts[p]` records to partition `p` of `topic`, valued `p-i`, and waits for every
/// acknowledgement (for tests that need partitions filled unevenly and know what to expect).
pub async fn produce_to(bootstrap: &str, topic: &str, counts: &[usize]) {
    let config = ProducerConfig::builder().bootstrap_servers(bootstrap).linger(Duration::ZERO).build();
    let producer = Producer::new(config.expect("producer config")).expect("producer");
    let mut deliveries = Vec::new();
    for (p, &n) in counts.iter().enumerate() {
        for i in 0..n {
            let value = format!("{p}-{i}");
            let record = ProducerRecord::new(topic).partition(p as i32).value(value.as_bytes());
            deliveries.push(producer.enqueue(record).await.expect("enqueue"));
        }
    }
    for delivery in deliveries {
        delivery.await.expect("delivered");
    }
    producer.close(Duration::from_secs(5)).await.expect("close");
}

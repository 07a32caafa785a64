//! `receive.message.max.bytes` on the wire: Fetch answers may use all of it, answers without
//! records (Metadata, ApiVersions, the group and admin APIs) an eighth. A consumer whose limit
//! is just above `fetch.max.bytes` still reads full fetches, whose answers are far above the
//! eighth. Runs on the stub and on real Kafka. (Refusals are tested against a hand-written
//! broker in `kafka-client/tests/connection.rs`.)

use std::time::Duration;

use kfk_client::config::{ConsumerConfig, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::producer::{Producer, ProducerRecord};
use kfk_protocol::compression::Compression;
use tests::read::poll_records;
use tests::topics::create_topic;
use tests::{unique_topic, Backend, Conn};

#[tokio::test]
async fn fetch_answers_may_use_the_whole_frame_limit() {
    let backend = Backend::from_env().await;
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("frame-limit");
    create_topic(&mut conn, &topic, 1).await;

    // 64 records of 1 KiB, uncompressed, in batches of about 8 KiB.
    let config = ProducerConfig::builder()
        .bootstrap_servers(&backend.bootstrap)
        .compression(Compression::None)
        .batch_size(8 * 1024)
        .linger(Duration::from_millis(20))
        .build()
        .expect("config");
    let producer = Producer::new(config).expect("producer");
    let value = vec![b'v'; 1024];
    for _ in 0..64 {
        producer.enqueue(ProducerRecord::new(&topic).value(&value)).await.expect("enqueue");
    }
    producer.flush().await.expect("flush");

    let fetch_max = 32 * 1024;
    let limit = fetch_max + 512;
    let config = ConsumerConfig::from_properties([
        ("bootstrap.servers", backend.bootstrap.as_str()),
        ("auto.offset.reset", "earliest"),
        ("fetch.max.bytes", &fetch_max.to_string()),
        ("max.partition.fetch.bytes", &fetch_max.to_string()),
        ("receive.message.max.bytes", &limit.to_string()),
    ])
    .expect("a limit of fetch.max.bytes + 512 is accepted");
    // Fetch answers of up to 32 KiB are well above what an answer without records may use
    // (`kfk_client::net::NON_RECORD_FRACTION`: an eighth, 4,160 bytes).
    assert!(fetch_max > limit / 8 * 4);
    let consumer = Consumer::new(config).expect("consumer");
    consumer.assign([(topic.as_str(), 0)]);
    // A fetch over the limit would fail the poll, and so the test.
    let read = poll_records(&consumer, 64, Duration::from_secs(30)).await;
    assert_eq!(read.len(), 64);
    consumer.close().await;
    producer.close(Duration::from_secs(5)).await.expect("close");

    // Below fetch.max.bytes + 512 the configuration is refused, naming the setting.
    let err = ConsumerConfig::from_properties([
        ("bootstrap.servers", backend.bootstrap.as_str()),
        ("fetch.max.bytes", &fetch_max.to_string()),
        ("receive.message.max.bytes", &(fetch_max + 100).to_string()),
    ])
    .expect_err("too small for a fetch");
    assert!(err.to_string().contains("receive.message.max.bytes"), "{err}");
}

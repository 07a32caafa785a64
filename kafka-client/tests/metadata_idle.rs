//! `metadata.max.idle.ms`: a topic the producer has not sent to for that long leaves the
//! Metadata requests and the snapshot; a later send asks for it again and succeeds.

use std::time::Duration;

use kfk_client::config::ProducerConfig;
use kfk_client::producer::{Producer, ProducerRecord};
use kfk_stub::StubCluster;

#[tokio::test]
async fn an_idle_topic_leaves_the_metadata_and_comes_back_on_the_next_send() {
    let stub = StubCluster::builder().start().await.expect("stub");
    stub.create_topic("busy", 1).expect("topic");
    stub.create_topic("quiet", 1).expect("topic");
    let config = ProducerConfig::from_properties([
        ("bootstrap.servers", stub.bootstrap().as_str()),
        ("metadata.max.idle.ms", "5000"),
        ("linger.ms", "0"),
    ])
    .expect("config");
    let producer = Producer::new(config).expect("producer");
    producer.send(ProducerRecord::new("quiet").value(b"once")).await.expect("send");

    // Keep "busy" in use for longer than the idle time; "quiet" gets nothing more.
    let mut quiet_forgotten = false;
    for _ in 0..40 {
        producer.send(ProducerRecord::new("busy").value(b"again")).await.expect("send");
        tokio::time::sleep(Duration::from_millis(250)).await;
        if producer.cluster().metadata().topic("quiet").is_none() {
            quiet_forgotten = true;
            break;
        }
    }
    assert!(quiet_forgotten, "the idle topic is still in the metadata after 10 s");
    assert!(producer.cluster().metadata().topic("busy").is_some(), "a topic in use was dropped");

    // The next send to it fetches its metadata again.
    let sent = producer.send(ProducerRecord::new("quiet").value(b"back")).await.expect("send after idle");
    assert_eq!(sent.offset, 1);
    assert!(producer.cluster().metadata().topic("quiet").is_some());
    producer.close(Duration::from_secs(5)).await.expect("close");

    let too_short = ProducerConfig::from_properties([("bootstrap.servers", "a:1"), ("metadata.max.idle.ms", "100")]);
    assert!(too_short.expect_err("below Java's minimum").to_string().contains("metadata.max.idle.ms"));
}

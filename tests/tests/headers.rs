//! Record headers round trip through a broker in both producer forms (borrowed pairs and a
//! built [`Headers`] list), and read back with the same calls on both sides: the last value of
//! a repeated name, null values kept apart from empty ones, order kept.

use std::time::Duration;

use kfk_client::config::{ConsumerConfig, OffsetReset, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::producer::{Headers, Producer, ProducerRecord};
use tests::read::poll_records;
use tests::topics::backend_with_topic;

/// Bounds every wait in this test.
const PATIENCE: Duration = Duration::from_secs(30);

#[tokio::test]
async fn headers_built_or_borrowed_read_back_alike_and_forward_unchanged() {
    let (backend, topic) = backend_with_topic("headers", 1).await;
    let config = ProducerConfig::builder().bootstrap_servers(&backend.bootstrap).linger(Duration::ZERO).build();
    let producer = Producer::new(config.expect("producer config")).expect("producer");

    let built = Headers::new().add("trace", "a").add_null("gone").add("empty", "").add("trace", "b");
    let pairs = [
        ("trace", Some(b"a".as_slice())),
        ("gone", None),
        ("empty", Some(b"".as_slice())),
        ("trace", Some(b"b".as_slice())),
    ];
    for record in [
        ProducerRecord::new(&topic).value("built").with_headers(&built),
        ProducerRecord::new(&topic).value("pairs").headers(&pairs),
    ] {
        // The producer side reads as the consumer side will.
        assert_eq!(record.headers.len(), 4);
        assert_eq!(record.headers.get_str("trace"), Some("b"));
        assert_eq!(record.headers.last("gone"), Some(None));
        producer.send(record).await.expect("send");
    }

    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.auto_offset_reset = OffsetReset::Earliest;
    config.fetch_max_wait = Duration::from_millis(100);
    let consumer = Consumer::new(config).expect("consumer");
    consumer.assign([(topic.as_str(), 0)]);
    let records = poll_records(&consumer, 2, PATIENCE).await;
    assert_eq!(records.len(), 2);
    let expected: Vec<(String, Option<Vec<u8>>)> = vec![
        ("trace".into(), Some(b"a".to_vec())),
        ("gone".into(), None),
        ("empty".into(), Some(Vec::new())),
        ("trace".into(), Some(b"b".to_vec())),
    ];
    for record in &records {
        let read: Vec<(String, Option<Vec<u8>>)> = record
            .headers
            .iter()
            .map(|h| (h.key_str().expect("UTF-8 name").to_string(), h.value.map(|v| v.to_vec())))
            .collect();
        assert_eq!(read, expected, "{:?}", record.value);
        assert_eq!(record.headers.get_str("trace").as_deref(), Some("b"));
        assert_eq!(record.headers.last(b"gone"), Some(None));
        assert_eq!(record.headers.get("empty").as_deref(), Some(b"".as_slice()));
    }
    assert_eq!(records[0].headers, built, "a built list reads back as the very same headers");

    // A consumed record's headers go out again as they came (forwarding, mirroring).
    let forwarded = records[0].headers.clone();
    producer.send(ProducerRecord::new(&topic).value("forwarded").with_headers(&forwarded)).await.expect("send");
    let again = poll_records(&consumer, 1, PATIENCE).await;
    assert_eq!(again[0].headers, built);
    producer.close(Duration::from_secs(5)).await.expect("close");
    consumer.close().await;
}

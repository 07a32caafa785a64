//! Log truncation (KIP-320) seen from the consumer: after an unclean leader election cut the end
//! of a log it had read, the consumer notices (through the leader epoch) and, as the Java
//! client does, goes on from the end of its epoch with `auto.offset.reset` earliest or latest,
//! or fails the poll with `none` until the application seeks. Stub only: truncation is a fault.

use std::time::Duration;

use kfk_client::config::{ConsumerConfig, OffsetReset, ProducerConfig};
use kfk_client::consumer::{Consumer, ConsumerRecord};
use kfk_client::producer::{Producer, ProducerRecord};
use tests::read::poll_records;
use tests::topics::create_topic;
use tests::{unique_topic, Backend, Conn, NotYet, Ready, Wait};

/// Sends `n` records valued `<prefix>-<i>` to partition 0 with a fresh producer.
async fn send(backend: &Backend, topic: &str, prefix: &str, n: usize) {
    let config = ProducerConfig::builder().bootstrap_servers(&backend.bootstrap).linger(Duration::from_millis(5));
    let producer = Producer::new(config.build().expect("config")).expect("producer");
    let mut deliveries = Vec::new();
    for i in 0..n {
        let value = format!("{prefix}-{i}");
        let record = ProducerRecord::new(topic).partition(0).value(value.as_bytes());
        deliveries.push(producer.enqueue(record).await.expect("enqueue"));
    }
    for d in deliveries {
        d.await.expect("delivered");
    }
    producer.close(Duration::from_secs(5)).await.expect("close");
}

fn values(records: &[ConsumerRecord]) -> Vec<String> {
    records.iter().map(|r| String::from_utf8_lossy(r.value.as_deref().unwrap_or_default()).into_owned()).collect()
}

/// A consumer (with `reset`, from offset 0) that read 300 records of a one-partition topic,
/// whose log then lost its end; returns it with the new log end.
async fn read_then_truncated(reset: OffsetReset) -> (Backend, String, Consumer, i64) {
    let backend = Backend::stub(1).await;
    let stub = backend.stub_handle().expect("a stub backend").clone();
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("truncation");
    create_topic(&mut conn, &topic, 1).await;
    send(&backend, &topic, "before", 300).await;
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.auto_offset_reset = reset;
    config.fetch_max_wait = Duration::from_millis(100);
    let consumer = Consumer::new(config).expect("consumer");
    consumer.assign([(topic.as_str(), 0)]);
    consumer.seek(&topic, 0, 0).expect("seek");
    assert_eq!(poll_records(&consumer, 300, Duration::from_secs(30)).await.len(), 300);
    let end = stub.faults().truncate_log(&topic, 0, 150).expect("truncated");
    assert!(end <= 150, "cut at {end}");
    (backend, topic, consumer, end)
}

#[tokio::test]
async fn reading_goes_on_from_the_end_of_the_epoch_after_a_truncation() {
    let (backend, topic, consumer, end) = read_then_truncated(OffsetReset::Earliest).await;
    send(&backend, &topic, "after", 20).await;
    let records = poll_records(&consumer, 20, Duration::from_secs(30)).await;
    assert_eq!(values(&records), (0..20).map(|i| format!("after-{i}")).collect::<Vec<_>>(), "only the new records");
    let offsets: Vec<i64> = records.iter().map(|r| r.offset).collect();
    assert_eq!(offsets, (end..end + 20).collect::<Vec<_>>(), "from the end of the epoch on");
    assert!(records.iter().all(|r| r.leader_epoch == Some(1)), "written by the new leader");
    assert!(consumer.poll(Duration::from_millis(300)).await.expect("poll").is_empty());
    consumer.close().await;
}

#[tokio::test]
async fn with_no_reset_policy_a_truncation_fails_the_poll_until_a_seek() {
    let (backend, topic, consumer, end) = read_then_truncated(OffsetReset::None).await;
    send(&backend, &topic, "after", 5).await;
    let error = Wait::new("the truncation reported", Duration::from_secs(30))
        .every(Duration::ZERO)
        .until(async || match consumer.poll(Duration::from_millis(300)).await {
            Ok(records) => {
                assert!(records.is_empty(), "records handed out past a truncation: {:?}", values(&records));
                NotYet("no error yet")
            }
            Err(e) => Ready(e),
        })
        .await;
    assert!(error.to_string().contains("truncation"), "{error}");
    consumer.seek(&topic, 0, end).expect("seek");
    let records = poll_records(&consumer, 5, Duration::from_secs(30)).await;
    assert_eq!(values(&records), (0..5).map(|i| format!("after-{i}")).collect::<Vec<_>>());
    consumer.close().await;
}

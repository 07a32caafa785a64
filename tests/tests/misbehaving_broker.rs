//! A broker that answers oddly must neither make the consumer spin nor leave it silent: a
//! Metadata answer naming a leader it does not list, and Fetch answers whose bytes hold no
//! complete record batch. Both conditions are set up with the stub's faults, so these tests run
//! on the stub whatever the backend.

use std::time::{Duration, Instant};

use bytes::Bytes;
use kfk_client::config::ProducerConfig;
use kfk_client::config::{ConsumerConfig, OffsetReset};
use kfk_client::consumer::Consumer;
use kfk_client::producer::{Producer, ProducerRecord};
use kfk_client::Error;
use kfk_protocol::compression::Compression;
use kfk_protocol::messages::ApiKey;
use kfk_protocol::records::RecordBatchBuilder;
use tests::delivery::Ledger;
use tests::produce::produce;
use tests::read::poll_records;
use tests::{unique_topic, Backend};

/// `retry.backoff.ms` of the consumers here: no refresh or refetch may come sooner than this.
const RETRY_BACKOFF: Duration = Duration::from_millis(100);

fn consumer(backend: &Backend) -> Consumer {
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.auto_offset_reset = OffsetReset::Earliest;
    config.fetch_max_wait = Duration::from_millis(100);
    config.common.retry_backoff = kfk_client::backoff::Backoff::new(RETRY_BACKOFF, Duration::from_secs(1));
    Consumer::new(config).expect("consumer")
}

/// Polls for `span`, returning the records and errors seen.
async fn poll_for(consumer: &Consumer, span: Duration) -> (usize, Vec<Error>) {
    let until = Instant::now() + span;
    let (mut records, mut errors) = (0, Vec::new());
    while Instant::now() < until {
        match consumer.poll(Duration::from_millis(100)).await {
            Ok(r) => records += r.len(),
            Err(e) => errors.push(e),
        }
    }
    (records, errors)
}

/// Polls until `n` records arrived (at most 20 s; an error fails the test): their partitions
/// and offsets.
async fn read(consumer: &Consumer, n: usize) -> Vec<(i32, i64)> {
    poll_records(consumer, n, Duration::from_secs(20)).await.iter().map(|r| (r.partition, r.offset)).collect()
}

#[tokio::test]
async fn a_leader_missing_from_metadata_is_refreshed_with_backoff_not_in_a_storm() {
    let backend = Backend::stub(2).await;
    let Some(stub) = backend.stub_handle() else { return };
    let topic = unique_topic("unlisted-leader");
    stub.create_topic(&topic, 2).expect("create topic");
    let leaders: Vec<i32> = (0..2).map(|p| stub.leader(&topic, p).expect("leader").0).collect();
    assert_ne!(leaders[0], leaders[1], "the stub spreads leaders over its brokers");

    let consumer = consumer(&backend);
    consumer.assign([(&topic, 0), (&topic, 1)]);
    let mut ledger = Ledger::default();
    produce(&backend.bootstrap, &topic, 200, &mut ledger).await;
    read(&consumer, 200).await;
    let mut config = ProducerConfig::builder().bootstrap_servers(&backend.bootstrap);
    config = config.retry_backoff(RETRY_BACKOFF, Duration::from_secs(1));
    let producer = Producer::new(config.build().expect("config")).expect("producer");

    // Broker `leaders[1]` drops out of the broker list while still leading partition 1. The
    // producer has records for both partitions, the consumer fetches both.
    stub.faults().unlist_broker(leaders[1], true);
    consumer.cluster().refresh().await.expect("refresh");
    let before = stub.request_count(ApiKey::Metadata);
    let mut waiting = Vec::new();
    for i in 0..50 {
        let value = format!("while-unlisted-{i}");
        for partition in [0, 1] {
            let record = ProducerRecord::new(&topic).partition(partition).value(value.as_bytes());
            waiting.push((partition, producer.enqueue(record).await.expect("enqueue")));
        }
    }
    let window = Duration::from_secs(3);
    let (records, errors) = poll_for(&consumer, window).await;
    let refreshes = stub.request_count(ApiKey::Metadata) - before;
    assert!(errors.is_empty(), "a leader missing for a moment is no error: {errors:?}");
    // Partition 0 keeps flowing meanwhile.
    assert_eq!(records, 50, "the partition with a listed leader was not read while the other's was missing");
    // Two clients, each at most one refresh per retry.backoff.ms.
    let most = 2 * (window.as_millis() / RETRY_BACKOFF.as_millis()) as u64;
    assert!(
        refreshes <= most,
        "{refreshes} Metadata requests in {window:?} from a producer and a consumer while a leader was \
         unlisted; at most {most} (one per client and retry.backoff.ms of {RETRY_BACKOFF:?}) were expected"
    );
    assert!(refreshes >= 1, "nobody asked for metadata while a leader was missing");

    // Listed again: partition 1's records are delivered and read.
    stub.faults().unlist_broker(leaders[1], false);
    for (partition, delivery) in waiting {
        let delivered = delivery.await.expect("delivered once the leader is listed again");
        assert_eq!(delivered.partition, partition);
    }
    let late = read(&consumer, 50).await;
    assert!(late.iter().all(|(p, _)| *p == 1));
    producer.close(Duration::from_secs(5)).await.expect("close");
    consumer.close().await;
}

/// One batch of `count` records starting at `base`.
fn batch(base: i64, count: usize) -> Vec<u8> {
    let mut b = RecordBatchBuilder::new(Compression::None).with_base_offset(base);
    for i in 0..count {
        b.append(i as i64, None, Some(b"value")).expect("append");
    }
    b.build().expect("build").to_vec()
}

#[tokio::test]
async fn fetch_answers_without_a_complete_batch_are_reported_and_retried_with_backoff() {
    let mut negative_length = batch(0, 3);
    negative_length[8..12].copy_from_slice(&(-1i32).to_be_bytes());
    let cases: [(&str, Vec<u8>); 3] = [
        ("a first batch cut short", batch(0, 3)[..40].to_vec()),
        ("a batch length of -1", negative_length),
        ("a base offset of i64::MAX", batch(i64::MAX, 1)),
    ];
    for (what, bytes) in cases {
        let backend = Backend::stub(1).await;
        let Some(stub) = backend.stub_handle() else { return };
        let topic = unique_topic("no-progress");
        stub.create_topic(&topic, 1).expect("create topic");
        let mut ledger = Ledger::default();
        produce(&backend.bootstrap, &topic, 10, &mut ledger).await;
        stub.faults().replace_fetched_records(&topic, 0, Some(Bytes::from(bytes)));

        let consumer = consumer(&backend);
        consumer.assign([(&topic, 0)]);
        let before = stub.request_count(ApiKey::Fetch);
        let window = Duration::from_secs(3);
        let (records, errors) = poll_for(&consumer, window).await;
        let fetches = stub.request_count(ApiKey::Fetch) - before;
        assert_eq!(records, 0, "{what}: records came out of bytes that hold none");
        let reported = errors.iter().find(|e| matches!(e, Error::FetchNoProgress { .. }));
        match reported {
            Some(Error::FetchNoProgress { topic: t, partition: 0, offset: 0, node: 0, .. }) if *t == topic => {}
            other => panic!("{what}: poll reported {other:?} (all errors: {errors:?}), not no progress at {topic}-0"),
        }
        let most = (window.as_millis() / RETRY_BACKOFF.as_millis()) as u64;
        assert!(fetches <= most, "{what}: {fetches} fetches in {window:?}; with backoff at most {most}");

        // Once the broker serves the log again, everything is read, from where it stopped.
        stub.faults().replace_fetched_records(&topic, 0, None);
        let read = read(&consumer, 10).await;
        assert_eq!(read.first(), Some(&(0, 0)), "{what}");
        assert_eq!(read.len(), 10, "{what}");
        consumer.close().await;
    }
}

#[tokio::test]
async fn a_fetch_answer_over_the_frame_limit_is_reported_to_poll() {
    let backend = Backend::stub(1).await;
    let Some(stub) = backend.stub_handle() else { return };
    let topic = unique_topic("oversized-fetch");
    stub.create_topic(&topic, 1).expect("create topic");
    let mut ledger = Ledger::default();
    produce(&backend.bootstrap, &topic, 10, &mut ledger).await;
    // An answer far larger than the consumer accepts (a broker ignoring fetch.max.bytes).
    stub.faults().replace_fetched_records(&topic, 0, Some(Bytes::from(vec![0u8; 256 * 1024])));

    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.auto_offset_reset = OffsetReset::Earliest;
    config.fetch_max_bytes = 16 * 1024;
    config.max_partition_fetch_bytes = 16 * 1024;
    config.common.receive_message_max_bytes = 64 * 1024;
    config.common.retry_backoff = kfk_client::backoff::Backoff::new(RETRY_BACKOFF, Duration::from_secs(1));
    let consumer = Consumer::new(config).expect("consumer");
    consumer.assign([(&topic, 0)]);
    let (records, errors) = poll_for(&consumer, Duration::from_secs(2)).await;
    assert_eq!(records, 0);
    assert!(
        errors.iter().any(|e| matches!(e, Error::ResponseTooLarge { max, .. } if *max == 64 * 1024)),
        "poll did not report the oversized answer: {errors:?}"
    );

    stub.faults().replace_fetched_records(&topic, 0, None);
    let read = read(&consumer, 10).await;
    assert_eq!(read.first(), Some(&(0, 0)));
    consumer.close().await;
}

#[tokio::test]
async fn a_record_for_a_leader_that_stays_unlisted_fails_naming_it() {
    let backend = Backend::stub(2).await;
    let Some(stub) = backend.stub_handle() else { return };
    let topic = unique_topic("unlisted-delivery");
    stub.create_topic(&topic, 2).expect("create topic");
    let (leader, _) = stub.leader(&topic, 1).expect("leader");
    let config = ProducerConfig::builder()
        .bootstrap_servers(&backend.bootstrap)
        .delivery_timeout(Duration::from_millis(1500))
        .request_timeout(Duration::from_millis(1000))
        .linger(Duration::ZERO)
        .build()
        .expect("config");
    let producer = Producer::new(config).expect("producer");
    producer.send(ProducerRecord::new(&topic).partition(1).value(b"before")).await.expect("delivered while listed");

    stub.faults().unlist_broker(leader, true);
    producer.cluster().refresh().await.expect("refresh");
    let failed = producer.send(ProducerRecord::new(&topic).partition(1).value(b"during")).await;
    let error = failed.expect_err("delivered to a broker nobody lists");
    assert_eq!((&*error.topic, error.partition), (topic.as_str(), 1));
    let text = error.to_string();
    assert!(
        text.contains(&format!("broker {leader} is not in the cluster metadata"))
            && text.contains("delivery.timeout.ms"),
        "the delivery error does not say why: {text}"
    );
    stub.faults().unlist_broker(leader, false);
    // `close` reports the failure once more: flush names every failure since the last flush.
    let flushed = producer.close(Duration::from_secs(5)).await.expect_err("the failure is reported again");
    assert_eq!((flushed.count, &*flushed.first.topic, flushed.first.partition), (1, topic.as_str(), 1), "{flushed}");
    // The same failure as the send's: delivery.timeout.ms ran out with the broker unlisted.
    assert!(
        matches!(&*flushed.first.error, Error::Timeout { what, .. }
            if what.contains(&format!("broker {leader} is not in the cluster metadata"))),
        "{flushed}"
    );
}

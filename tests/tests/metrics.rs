//! Client metrics move as the Java client's do: sends, lag, consumption, connections and
//! latency against any broker; errors, retries and latency faults on the stub.

use std::time::Duration;

use kfk_client::config::{ConsumerConfig, OffsetReset, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::group::GroupProtocol;
use kfk_client::metrics::MetricsSnapshot;
use kfk_client::producer::{Producer, ProducerRecord};
use kfk_protocol::messages::ApiKey;
use kfk_protocol::ErrorCode;
use tests::read::poll_records;
use tests::topics::backend_with_topic;
use tests::{ready_when, unique_topic, wait_until, Backend, Conn, NotYet, Ready};

/// Bounds every wait in these tests, so a broken metric fails rather than hangs.
const PATIENCE: Duration = Duration::from_secs(30);
const PRODUCER: &str = "producer-metrics";
const TOPIC: &str = "producer-topic-metrics";
const FETCH: &str = "consumer-fetch-manager-metrics";

fn producer(backend: &Backend, configure: impl FnOnce(&mut ProducerConfig)) -> Producer {
    let mut config = ProducerConfig::builder()
        .bootstrap_servers(&backend.bootstrap)
        .linger(Duration::ZERO)
        .build()
        .expect("producer config");
    configure(&mut config);
    Producer::new(config).expect("producer")
}

fn value(snapshot: &MetricsSnapshot, name: &str, group: &str) -> f64 {
    snapshot.value(name, group).unwrap_or_else(|| panic!("{name} in {group} missing from {snapshot:#?}"))
}

/// Sends `n` records to partition 0 one at a time; how many failed.
async fn send(producer: &Producer, topic: &str, n: usize) -> usize {
    let mut failed = 0;
    for i in 0..n {
        let value = format!("v{i}");
        let record = ProducerRecord::new(topic).partition(0).value(value.as_bytes());
        if producer.send(record).await.is_err() {
            failed += 1;
        }
    }
    failed
}

#[tokio::test]
async fn send_totals_connections_and_latency() {
    let (backend, topic) = backend_with_topic("metrics-send", 1).await;
    let producer = producer(&backend, |_| {});
    assert_eq!(send(&producer, &topic, 25).await, 0);
    let m = producer.metrics();
    assert_eq!(value(&m, "record-send-total", PRODUCER), 25.0);
    let this_topic = [("topic", topic.as_str())];
    assert_eq!(m.value_tagged("record-send-total", TOPIC, &this_topic), Some(25.0));
    assert!(m.value_tagged("byte-total", TOPIC, &this_topic) > Some(0.0));
    assert_eq!(value(&m, "record-error-total", PRODUCER), 0.0);
    assert!(value(&m, "record-send-rate", PRODUCER) > 0.0);
    assert!(value(&m, "connection-count", PRODUCER) >= 1.0);
    assert!(value(&m, "connection-creation-total", PRODUCER) >= 1.0);
    assert!(value(&m, "request-latency-avg", PRODUCER) > 0.0);
    assert!(value(&m, "outgoing-byte-total", PRODUCER) > 0.0);
    assert!(value(&m, "incoming-byte-total", PRODUCER) > 0.0);
    assert!(value(&m, "batch-size-max", PRODUCER) > 0.0);
    assert!(value(&m, "record-queue-time-avg", PRODUCER) >= 0.0);
    let total = value(&m, "buffer-total-bytes", PRODUCER);
    assert_eq!(total, 32.0 * 1024.0 * 1024.0);
    assert!(value(&m, "buffer-available-bytes", PRODUCER) <= total);
    // Per node: some broker answered requests.
    assert!(m.find("request-total", "producer-node-metrics").any(|n| n.value > 0.0 && n.tags.contains_key("node-id")));
    // Every metric names this client.
    let client_id = &producer.config().common.client_id;
    assert!(m.metrics.iter().all(|x| x.tags.get("client-id") == Some(client_id)));
    producer.close(Duration::from_secs(5)).await.expect("close");
}

#[tokio::test]
async fn lag_follows_the_position_and_consumption_counts() {
    let (backend, topic) = backend_with_topic("metrics-lag", 1).await;
    let producer = producer(&backend, |_| {});
    assert_eq!(send(&producer, &topic, 20).await, 0);
    producer.close(Duration::from_secs(5)).await.expect("close");

    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.auto_offset_reset = OffsetReset::Earliest;
    config.fetch_max_wait = Duration::from_millis(100);
    config.max_poll_records = 5;
    let consumer = Consumer::new(config).expect("consumer");
    consumer.assign([(topic.as_str(), 0)]);
    let read = poll_records(&consumer, 5, PATIENCE).await.len();
    assert!((5..20).contains(&read), "a partial read, got {read}");
    let tags = [("topic", topic.as_str()), ("partition", "0")];
    let m = consumer.metrics();
    assert_eq!(m.value_tagged("records-lag", FETCH, &tags), Some((20 - read) as f64), "{m:#?}");
    // Windowed, as Java's: the largest lag and the smallest lead were both recorded when the
    // first records were handed out, so they add up to the log's 20 records.
    let lag_max = value(&m, "records-lag-max", FETCH);
    let lead_min = value(&m, "records-lead-min", FETCH);
    assert!(lag_max >= (20 - read) as f64 && lag_max < 20.0, "records-lag-max {lag_max} after reading {read}");
    assert_eq!(lag_max + lead_min, 20.0, "records-lag-max {lag_max}, records-lead-min {lead_min}");
    assert_eq!(m.value_tagged("records-lag-max", FETCH, &tags), Some(lag_max));
    assert_eq!(m.value_tagged("records-lead-min", FETCH, &tags), Some(lead_min));
    assert_eq!(value(&m, "records-consumed-total", FETCH), read as f64);
    assert_eq!(
        value(&m, "bytes-consumed-total", FETCH),
        (0..read).map(|i| format!("v{i}").len()).sum::<usize>() as f64
    );
    assert!(value(&m, "fetch-total", FETCH) >= 1.0);
    assert!(value(&m, "fetch-latency-max", FETCH) > 0.0);
    assert!(value(&m, "fetch-size-avg", FETCH) > 0.0);
    assert_eq!(value(&m, "assigned-partitions", "consumer-coordinator-metrics"), 1.0);
    assert!(value(&m, "connection-count", "consumer-metrics") >= 1.0);

    let rest = poll_records(&consumer, 20 - read, PATIENCE).await.len();
    assert_eq!(read + rest, 20);
    let m = consumer.metrics();
    assert_eq!(m.value_tagged("records-lag", FETCH, &tags), Some(0.0));
    assert_eq!(value(&m, "records-consumed-total", FETCH), 20.0);
    let this_topic = [("topic", topic.as_str())];
    assert_eq!(m.value_tagged("records-consumed-total", FETCH, &this_topic), Some(20.0));
    assert_eq!(
        m.value_tagged("bytes-consumed-total", FETCH, &this_topic),
        Some(value(&m, "bytes-consumed-total", FETCH))
    );
    // Caught up: the latest lag is 0, but the window still holds the largest.
    assert_eq!(value(&m, "records-lag-max", FETCH), lag_max);
    assert_eq!(m.value_tagged("records-lag-max", FETCH, &tags), Some(lag_max));
    assert!(m.value_tagged("records-lag-avg", FETCH, &tags).is_some_and(|avg| avg > 0.0 && avg < lag_max));

    // A partition no longer assigned takes its metrics with it.
    consumer.assign(Vec::<(&str, i32)>::new());
    let m = consumer.metrics();
    assert_eq!(m.value_tagged("records-lag-max", FETCH, &tags), None, "{m:#?}");
}

#[tokio::test]
async fn record_sizes_compression_and_buffer_exhaustion_are_measured() {
    let (backend, topic) = backend_with_topic("metrics-buffer", 1).await;
    // Compressible values: lz4 must shrink the batches.
    let lz4 = producer(&backend, |c| c.compression = kfk_client::producer::Compression::Lz4.into());
    let value_of = |n: usize| "a".repeat(n);
    for n in [100, 400] {
        let v = value_of(n);
        lz4.send(ProducerRecord::new(&topic).partition(0).value(v.as_bytes())).await.expect("send");
    }
    let m = lz4.metrics();
    // Size bounds of the largest record of each batch (one record each here).
    let (size_avg, size_max) = (value(&m, "record-size-avg", PRODUCER), value(&m, "record-size-max", PRODUCER));
    assert!(size_max > 400.0 && size_max < 450.0, "record-size-max {size_max}");
    assert!(size_avg > 250.0 && size_avg < size_max, "record-size-avg {size_avg}");
    let rate = value(&m, "compression-rate-avg", PRODUCER);
    assert!(rate > 0.0 && rate < 0.8, "compression-rate-avg {rate}");
    assert_eq!(m.value_tagged("compression-rate", TOPIC, &[("topic", topic.as_str())]), Some(rate));
    assert_eq!(value(&m, "buffer-exhausted-total", PRODUCER), 0.0);
    assert_eq!(value(&m, "bufferpool-wait-time-ns-total", PRODUCER), 0.0);
    lz4.close(Duration::from_secs(5)).await.expect("close");

    // A buffer that holds one record, and a linger that keeps it there.
    let max_block = Duration::from_millis(300);
    let small = producer(&backend, |c| {
        c.buffer_memory = 1024;
        c.linger = Duration::from_secs(30);
        c.max_block = max_block;
    });
    let big = value_of(700);
    let record = || ProducerRecord::new(&topic).partition(0).value(big.as_bytes());
    let held = small.enqueue(record()).await.expect("the first record fits");
    assert!(small.try_enqueue(record()).is_err(), "the buffer is full");
    assert!(small.enqueue(record()).await.is_err(), "still full after max.block.ms");
    let m = small.metrics();
    assert_eq!(value(&m, "buffer-exhausted-total", PRODUCER), 2.0);
    assert!(value(&m, "buffer-exhausted-rate", PRODUCER) > 0.0);
    let waited = value(&m, "bufferpool-wait-time-ns-total", PRODUCER);
    assert!(waited >= max_block.as_nanos() as f64 * 0.9, "bufferpool-wait-time-ns-total {waited}");
    assert!(value(&m, "bufferpool-wait-ratio", PRODUCER) > 0.0);
    tokio::time::timeout(PATIENCE, small.flush()).await.expect("flush in time").expect("flush");
    held.await.expect("the held record is delivered");
    small.close(Duration::from_secs(5)).await.expect("close");
}

#[tokio::test]
async fn the_sample_window_is_configurable() {
    let (backend, topic) = backend_with_topic("metrics-window", 1).await;
    let config = ProducerConfig::from_properties([
        ("bootstrap.servers", backend.bootstrap.as_str()),
        ("linger.ms", "0"),
        ("metrics.num.samples", "2"),
        ("metrics.sample.window.ms", "100"),
    ])
    .expect("config");
    let producer = Producer::new(config).expect("producer");
    assert_eq!(send(&producer, &topic, 3).await, 0);
    let m = producer.metrics();
    assert!(value(&m, "record-send-rate", PRODUCER) > 0.0);
    assert!(value(&m, "batch-size-max", PRODUCER) > 0.0);
    // At least the 3 records (a real broker may have had one sent again, which counts too).
    let total = value(&m, "record-send-total", PRODUCER);
    assert!(total >= 3.0, "record-send-total {total}");
    // Two samples of 100 ms: after 300 ms quiet the window is empty; totals stay.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let m = producer.metrics();
    assert_eq!(value(&m, "record-send-rate", PRODUCER), 0.0);
    assert!(value(&m, "batch-size-max", PRODUCER).is_nan());
    assert_eq!(value(&m, "record-send-total", PRODUCER), total);
    assert!(ProducerConfig::from_properties([("bootstrap.servers", "h:1"), ("metrics.num.samples", "0")]).is_err());
    producer.close(Duration::from_secs(5)).await.expect("close");
}

#[tokio::test]
async fn a_group_counts_its_rebalances_and_commits() {
    let (backend, topic) = backend_with_topic("metrics-group", 1).await;
    // Records to read, so that the commit has positions to carry.
    let producer = producer(&backend, |_| {});
    assert_eq!(send(&producer, &topic, 3).await, 0);
    producer.close(Duration::from_secs(5)).await.expect("close");
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.auto_offset_reset = OffsetReset::Earliest;
    config.fetch_max_wait = Duration::from_millis(100);
    config.group_id = Some(unique_topic("metrics-group"));
    config.group.heartbeat_interval = Duration::from_millis(200);
    let consumer = Consumer::new(config).expect("consumer");
    consumer.subscribe([topic.as_str()]).expect("subscribe");
    let coordinator = "consumer-coordinator-metrics";
    wait_until("a rebalance, a heartbeat and the records", PATIENCE, async || {
        let _ = consumer.poll(Duration::from_millis(100)).await;
        let m = consumer.metrics();
        let seen = (
            m.value("rebalance-total", coordinator),
            m.value("heartbeat-total", coordinator),
            m.value("records-consumed-total", FETCH),
        );
        if seen.0 >= Some(1.0) && seen.1 >= Some(1.0) && seen.2 == Some(3.0) {
            Ready(())
        } else {
            NotYet(seen)
        }
    })
    .await;
    consumer.commit().await.expect("commit");
    let m = consumer.metrics();
    assert!(value(&m, "rebalance-latency-max", coordinator) > 0.0);
    assert!(value(&m, "commit-total", coordinator) >= 1.0);
    assert!(value(&m, "last-heartbeat-seconds-ago", coordinator) < 30.0);
    assert!(value(&m, "last-rebalance-seconds-ago", coordinator) < 30.0);
}

#[tokio::test]
async fn errors_and_retries_count_injected_faults() {
    let (backend, topic) = backend_with_topic("metrics-faults", 1).await;
    let Some(stub) = backend.stub_handle() else {
        kfk_stub::skip_test!("fault injection needs the stub backend");
        return;
    };
    let producer = producer(&backend, |c| c.retries = 5);
    assert_eq!(send(&producer, &topic, 1).await, 0, "warm-up");
    // Retriable twice: the record is retried twice, then written.
    stub.faults().fail_next(ApiKey::Produce, 2, ErrorCode::NOT_ENOUGH_REPLICAS.0);
    assert_eq!(send(&producer, &topic, 1).await, 0);
    let m = producer.metrics();
    assert_eq!(value(&m, "record-retry-total", PRODUCER), 2.0);
    assert_eq!(value(&m, "record-error-total", PRODUCER), 0.0);
    // Not retriable: the record fails.
    stub.faults().fail_next(ApiKey::Produce, 1, ErrorCode::INVALID_RECORD.0);
    assert_eq!(send(&producer, &topic, 1).await, 1);
    let m = producer.metrics();
    assert_eq!(value(&m, "record-error-total", PRODUCER), 1.0);
    assert_eq!(value(&m, "record-retry-total", PRODUCER), 2.0);
    let this_topic = [("topic", topic.as_str())];
    assert_eq!(m.value_tagged("record-error-total", TOPIC, &this_topic), Some(1.0));
    assert_eq!(m.value_tagged("record-retry-total", TOPIC, &this_topic), Some(2.0));
}

#[tokio::test]
async fn latency_grows_under_the_latency_fault() {
    let (backend, topic) = backend_with_topic("metrics-latency", 1).await;
    let Some(stub) = backend.stub_handle() else {
        kfk_stub::skip_test!("fault injection needs the stub backend");
        return;
    };
    let producer = producer(&backend, |_| {});
    assert_eq!(send(&producer, &topic, 1).await, 0, "warm-up");
    let before = value(&producer.metrics(), "request-latency-max", PRODUCER);
    assert!(before < 250.0, "no latency yet: {before}");
    let brokers: Vec<i32> = (-1..8).collect();
    for &broker in &brokers {
        stub.faults().latency(broker, Duration::from_millis(300));
    }
    assert_eq!(send(&producer, &topic, 1).await, 0);
    for &broker in &brokers {
        stub.faults().latency(broker, Duration::ZERO);
    }
    let m = producer.metrics();
    assert!(value(&m, "request-latency-max", PRODUCER) >= 300.0, "{m:#?}");
    assert!(m.find("request-latency-max", "producer-node-metrics").any(|n| n.value >= 300.0));
}

/// A transaction's calls are timed as Java's `txn-*-time-ns-total` are, and the transaction is
/// a span in which the coordinator requests of its end nest, each request span carrying its
/// API, correlation id, sizes, latency and error code.
#[tokio::test]
async fn transactions_are_timed_and_traced() {
    let (spans, _guard) = tests::spans::capture();
    let (backend, topic) = backend_with_topic("metrics-txn", 1).await;
    let id = unique_topic("metrics-txn");
    let config =
        ProducerConfig::from_properties([("bootstrap.servers", backend.bootstrap.as_str()), ("transactional.id", &id)])
            .expect("config");
    let producer = Producer::new(config).expect("producer");
    producer.init_transactions().await.expect("init");
    producer.begin_transaction().expect("begin");
    assert_eq!(send(&producer, &topic, 3).await, 0);
    producer.commit_transaction().await.expect("commit");
    producer.begin_transaction().expect("begin");
    producer.abort_transaction().await.expect("abort");

    let m = producer.metrics();
    for name in
        ["txn-init-time-ns-total", "txn-begin-time-ns-total", "txn-commit-time-ns-total", "txn-abort-time-ns-total"]
    {
        assert!(value(&m, name, PRODUCER) > 0.0, "{name}");
    }
    assert_eq!(value(&m, "txn-send-offsets-time-ns-total", PRODUCER), 0.0);

    let transactions = spans.named("kafka.transaction");
    let outcomes: Vec<Option<&str>> = transactions.iter().map(|s| s.field("outcome")).collect();
    assert_eq!(outcomes, [Some("committed"), Some("aborted")], "{transactions:#?}");
    assert!(transactions.iter().all(|s| s.field("transactional_id") == Some(id.as_str())), "{transactions:#?}");
    let requests = spans.named("kafka.request");
    let end_txn: Vec<_> = requests.iter().filter(|s| s.field("api") == Some("EndTxn")).collect();
    assert!(!end_txn.is_empty(), "no EndTxn request span in {requests:#?}");
    for span in end_txn {
        assert_eq!(span.parent.as_deref(), Some("kafka.transaction"), "{span:#?}");
        assert!(span.field("error_code").is_some_and(|c| c.starts_with("NONE")), "{span:#?}");
        for field in ["correlation", "request_bytes", "response_bytes", "latency_us", "node"] {
            assert!(span.field(field).is_some(), "{field} missing: {span:#?}");
        }
    }
    assert!(requests.iter().any(|s| s.field("api") == Some("Produce")), "no Produce request span");
}

/// Each rebalance is a `kafka.rebalance` span, inside the group's span, naming the protocol,
/// the generation (the member epoch under KIP-848), what moved and how long it took; a KIP-848
/// member counts its reconciliations as rebalances, as Java's does.
async fn rebalances_are_traced_and_counted(protocol: GroupProtocol) {
    let (spans, _guard) = tests::spans::capture();
    let (backend, topic) = backend_with_topic("metrics-rebalance", 2).await;
    let conn = Conn::connect(backend.first_address()).await.expect("connect");
    let name = if protocol == GroupProtocol::Consumer { "consumer" } else { "classic" };
    if !conn.offers_group_protocol(name) {
        kfk_stub::skip_test!("this broker does not offer the {name} group protocol");
        return;
    }
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.group_id = Some(unique_topic("metrics-rebalance"));
    config.group.protocol = protocol;
    let consumer = Consumer::new(config).expect("consumer");
    consumer.subscribe([topic.as_str()]).expect("subscribe");
    wait_until("both partitions assigned", PATIENCE, async || {
        let _ = consumer.poll(Duration::from_millis(100)).await;
        ready_when(consumer.assignment().len(), |n| *n == 2)
    })
    .await;
    let m = consumer.metrics();
    assert!(value(&m, "rebalance-total", "consumer-coordinator-metrics") >= 1.0, "{name}");
    let rebalances = spans.named("kafka.rebalance");
    let both = [format!("{topic}-0"), format!("{topic}-1")];
    let assigning = rebalances
        .iter()
        .find(|s| s.field("assigned").is_some_and(|a| both.iter().all(|tp| a.contains(tp.as_str()))))
        .unwrap_or_else(|| panic!("no rebalance span assigned {both:?}: {rebalances:#?}"));
    assert_eq!(assigning.field("protocol"), Some(name), "{assigning:#?}");
    assert_eq!(assigning.parent.as_deref(), Some("kafka.group"), "{assigning:#?}");
    assert!(assigning.field("generation").is_some_and(|g| g.parse::<i32>().is_ok_and(|g| g > 0)), "{assigning:#?}");
    assert!(assigning.field("duration_ms").is_some(), "{assigning:#?}");
    assert_eq!(assigning.field("error"), None, "{assigning:#?}");
    consumer.close().await;
}

#[tokio::test]
async fn classic_rebalances_are_traced_and_counted() {
    rebalances_are_traced_and_counted(GroupProtocol::Classic).await;
}

#[tokio::test]
async fn consumer_protocol_rebalances_are_traced_and_counted() {
    rebalances_are_traced_and_counted(GroupProtocol::Consumer).await;
}

/// KIP-517's poll timings: the delay between polls (start to start), and the share of it the
/// consumer spent waiting inside poll rather than in the application.
#[tokio::test]
async fn polls_are_timed_as_kip_517_says() {
    let (backend, topic) = backend_with_topic("metrics-poll", 1).await;
    let consumer = Consumer::new(ConsumerConfig::new(&backend.bootstrap)).expect("consumer");
    consumer.assign([(topic.as_str(), 0)]);
    for _ in 0..3 {
        consumer.poll(Duration::from_millis(50)).await.expect("poll");
        // The application's work between polls.
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let m = consumer.metrics();
    let group = "consumer-metrics";
    assert!(value(&m, "time-between-poll-max", group) >= 200.0, "{m:#?}");
    assert!(value(&m, "time-between-poll-avg", group) > 0.0, "{m:#?}");
    // The first poll is all waiting (ratio 1), the later ones mostly not.
    let idle = value(&m, "poll-idle-ratio-avg", group);
    assert!(idle > 0.0 && idle < 1.0, "poll-idle-ratio-avg {idle}");
    assert!(value(&m, "last-poll-seconds-ago", group) < 30.0);
    consumer.close().await;
}

//! Timeouts end when they say, and say how long they took: `max.block.ms` while Metadata hangs
//! or a topic is missing, `delivery.timeout.ms` while Produce answers hang, and an admin call's
//! `default.api.timeout.ms` while the metadata refresh after a retriable error hangs. Each
//! check allows the timeout plus max(250 ms, 10%), and the error's reported wait must match
//! the time measured around the call.

use std::time::{Duration, Instant};

use kfk_admin::{Admin, AdminConfig, AdminError, CreatePartitionsOptions, NewPartitions};
use kfk_client::config::{ConsumerConfig, OffsetReset, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::producer::{Persistence, ProduceError, Producer, ProducerRecord};
use kfk_client::Error;
use kfk_protocol::messages::ApiKey;
use kfk_protocol::ErrorCode;
use tests::{unique_topic, Backend};

/// Asserts that a wait of `elapsed` ended at `timeout` (not before, and not more than
/// max(250 ms, 10%) after), and that the error's `reported` wait matches it.
fn assert_on_time(what: &str, timeout: Duration, elapsed: Duration, reported: Duration) {
    let tolerance = Duration::from_millis(250).max(timeout / 10);
    assert!(elapsed >= timeout, "{what}: gave up after {elapsed:?}, before its timeout of {timeout:?}");
    assert!(elapsed <= timeout + tolerance, "{what}: took {elapsed:?}, more than {timeout:?} + {tolerance:?}");
    assert!(reported >= timeout, "{what}: reports {reported:?}, less than the timeout {timeout:?} it waited");
    assert!(
        reported <= elapsed && elapsed - reported <= Duration::from_millis(100),
        "{what}: reports {reported:?} but took {elapsed:?}"
    );
}

/// A stub of its own with a one-partition topic named after `prefix`: its fault injection makes
/// the broker hang, whatever the suite's backend.
async fn stub_with_topic(prefix: &str) -> (Backend, String) {
    let backend = Backend::stub(1).await;
    let topic = unique_topic(prefix);
    stub_of(&backend).create_topic(&topic, 1).expect("topic");
    (backend, topic)
}

fn stub_of(backend: &Backend) -> &kfk_stub::StubCluster {
    backend.stub_handle().expect("Backend::stub runs the stub")
}

fn timeout_of(err: &Error) -> Duration {
    match err {
        Error::Timeout { after, .. } => *after,
        other => panic!("expected a timeout, got {other}"),
    }
}

/// On a stub of its own: Metadata answers hang (longer than `request.timeout.ms`), so the partition-count
/// wait must give up at `max.block.ms` rather than after its refresh and the refresh's retry.
#[tokio::test]
async fn max_block_ends_on_time_while_metadata_hangs() {
    let (backend, topic) = stub_with_topic("hung-metadata").await;
    let stub = stub_of(&backend);
    stub.faults().delay(ApiKey::Metadata, Duration::from_secs(20));
    let max_block = Duration::from_secs(2);
    let config = ProducerConfig::builder()
        .bootstrap_servers(&backend.bootstrap)
        .request_timeout(Duration::from_millis(1500))
        .max_block(max_block)
        .build()
        .expect("config");
    let producer = Producer::new(config).expect("producer");
    let started = Instant::now();
    let err = producer.enqueue(ProducerRecord::new(&topic).value("x")).await.expect_err("no metadata");
    let elapsed = started.elapsed();
    assert!(err.to_string().contains(&topic) && err.to_string().contains("max.block.ms"), "{err}");
    assert_on_time("max.block.ms with Metadata hung", max_block, elapsed, timeout_of(&err));
    stub.faults().clear();
}

/// Sends one record to a topic that does not exist (auto-creation off) with `max.block.ms` =
/// `max_block`; the error, how long the send took, and the topic.
async fn send_to_a_missing_topic(max_block: Duration) -> (ProduceError, Duration, String) {
    let backend = Backend::from_env().await;
    let config = ProducerConfig::builder()
        .bootstrap_servers(&backend.bootstrap)
        .allow_auto_create_topics(false)
        .max_block(max_block)
        .build()
        .expect("config");
    let producer = Producer::new(config).expect("producer");
    let topic = unique_topic("never-created");
    let started = Instant::now();
    let err = producer.send(ProducerRecord::new(&topic).value("x")).await.expect_err("no such topic");
    (err, started.elapsed(), topic)
}

/// A topic that does not exist: the producer keeps asking until `max.block.ms` has passed, not
/// until the next backoff would overrun it, then says how long it waited. Runs on real Kafka
/// too.
#[tokio::test]
async fn max_block_waits_its_whole_time_for_a_missing_topic() {
    let max_block = Duration::from_secs(2);
    let (err, elapsed, topic) = send_to_a_missing_topic(max_block).await;
    assert_on_time("max.block.ms with a missing topic", max_block, elapsed, timeout_of(&err.error));
    assert_eq!(err.persistence, Persistence::NotWritten);
    // No partition was chosen: the record is named by its topic alone.
    assert!(err.to_string().starts_with(&format!("record for {topic} not delivered")), "{err}");
}

#[tokio::test]
async fn delivery_timeout_fires_on_time_while_produce_answers_hang() {
    let (backend, topic) = stub_with_topic("hung-produce").await;
    let stub = stub_of(&backend);
    let delivery = Duration::from_secs(2);
    let config = ProducerConfig::builder()
        .bootstrap_servers(&backend.bootstrap)
        .linger(Duration::from_millis(5))
        .request_timeout(Duration::from_millis(1500))
        .delivery_timeout(delivery)
        .build()
        .expect("config");
    let producer = Producer::new(config).expect("producer");
    // Metadata and the producer id first, so that only the delivery is timed.
    producer.send(ProducerRecord::new(&topic).value("warm-up")).await.expect("warm-up");
    stub.faults().delay_answers(ApiKey::Produce, Duration::from_secs(20));
    let started = Instant::now();
    let err = producer.send(ProducerRecord::new(&topic).value("x")).await.expect_err("answers hang");
    let elapsed = started.elapsed();
    let reported = match &*err.error {
        // Before the fix the retry's request timeout ended the wait: time that first.
        Error::RequestTimeout { after, .. } => *after,
        other => timeout_of(other),
    };
    assert_on_time("delivery.timeout.ms with Produce answers hung", delivery, elapsed, reported);
    assert_eq!(err.persistence, Persistence::MaybeWritten, "it was sent: {err}");
    let message = err.to_string();
    assert!(message.contains("delivery.timeout.ms") && message.contains(&format!("{topic}-0")), "{message}");
    stub.faults().clear();
    producer.close(Duration::from_secs(1)).await.ok();
}

/// On a stub of its own: an admin call whose retriable error asks for a metadata refresh, while Metadata
/// answers hang, ends at `default.api.timeout.ms` and reports how long it took.
#[tokio::test]
async fn an_admin_call_ends_at_its_timeout_while_metadata_hangs() {
    let (backend, topic) = stub_with_topic("admin-hung-metadata").await;
    let stub = stub_of(&backend);
    let timeout = Duration::from_millis(1500);
    let mut config = AdminConfig::new(&backend.bootstrap);
    config.default_api_timeout = timeout;
    let admin = Admin::new(config).expect("admin");
    admin.cluster().refresh().await.expect("metadata is known");
    // NOT_CONTROLLER makes the admin client refresh metadata before retrying.
    stub.faults().fail_next(ApiKey::CreatePartitions, u32::MAX, ErrorCode::NOT_CONTROLLER.0);
    stub.faults().delay(ApiKey::Metadata, Duration::from_secs(20));
    let started = Instant::now();
    let grown =
        admin.create_partitions([(&topic, NewPartitions::increase_to(2))], CreatePartitionsOptions::default()).await;
    let elapsed = started.elapsed();
    match &grown[&topic] {
        Err(AdminError::Timeout { after, last: Some(last), .. }) => {
            assert_eq!(last.code(), Some(ErrorCode::NOT_CONTROLLER), "{last}");
            assert_on_time("default.api.timeout.ms with Metadata hung", timeout, elapsed, *after);
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    stub.faults().clear();
}

/// On a stub of its own: the transaction coordinator cannot be found (FindCoordinator answers hang, longer
/// than `request.timeout.ms`): `init_transactions` ends at `max.block.ms`, not after its
/// attempt in flight, and says how long it waited.
#[tokio::test]
async fn init_transactions_ends_at_max_block_while_find_coordinator_hangs() {
    let backend = Backend::stub(1).await;
    let stub = stub_of(&backend);
    stub.faults().delay(ApiKey::FindCoordinator, Duration::from_secs(20));
    let max_block = Duration::from_secs(2);
    let config = ProducerConfig::builder()
        .bootstrap_servers(&backend.bootstrap)
        .transactional_id(unique_topic("hung-coordinator"))
        .request_timeout(Duration::from_millis(1500))
        .max_block(max_block)
        .build()
        .expect("config");
    let producer = Producer::new(config).expect("producer");
    let started = Instant::now();
    let err = producer.init_transactions().await.expect_err("no coordinator");
    let elapsed = started.elapsed();
    let reported = match &err {
        Error::Transaction(t) => match t.cause() {
            Some(cause) => timeout_of(cause),
            None => panic!("expected a timeout, got {err}"),
        },
        other => timeout_of(other),
    };
    assert_on_time("max.block.ms with FindCoordinator hung", max_block, elapsed, reported);
    stub.faults().clear();
}

/// A missing topic with the default backoff schedule (up to 1 s between refreshes) and a
/// longer `max.block.ms`: the producer still waits all of it (the last backoff is cut at the
/// deadline, not skipped with time to spare), and the error names what the last metadata
/// answer said about the topic. Runs on real Kafka too.
#[tokio::test]
async fn a_missing_topic_times_out_no_earlier_than_max_block_and_says_why() {
    let max_block = Duration::from_secs(5);
    let (err, elapsed, topic) = send_to_a_missing_topic(max_block).await;
    assert!(elapsed >= max_block, "gave up after {elapsed:?}, before max.block.ms = {max_block:?}: {err}");
    let reported = timeout_of(&err.error);
    assert!(reported >= max_block && reported <= elapsed, "reports {reported:?}, took {elapsed:?}: {err}");
    let message = err.to_string();
    assert!(message.contains("UNKNOWN_TOPIC_OR_PARTITION"), "the last reason is named: {message}");
    assert!(message.contains(&topic) && message.contains("max.block.ms"), "{message}");
}

/// A consumer whose only bootstrap address refuses connections: `position` waits its whole
/// timeout and its error carries what kept it from an answer (the refused connection, to which
/// address), not only that time ran out.
#[tokio::test]
async fn position_on_an_unreachable_cluster_names_the_last_failure() {
    // A port nothing listens on: bound, then released.
    let address = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("address")
    };
    let mut config = ConsumerConfig::new(address.to_string());
    config.auto_offset_reset = OffsetReset::Earliest;
    let consumer = Consumer::new(config).expect("consumer");
    consumer.assign([("t", 0)]);
    let timeout = Duration::from_secs(2);
    let started = Instant::now();
    let err = consumer.position("t", 0, timeout).await.expect_err("nothing answers");
    let elapsed = started.elapsed();
    assert!(elapsed >= timeout, "gave up after {elapsed:?}, before its timeout of {timeout:?}: {err}");
    let message = err.to_string();
    eprintln!("{message}");
    assert!(message.contains("t-0"), "{message}");
    assert!(message.contains(&address.to_string()), "the broker is named: {message}");
    assert!(message.to_lowercase().contains("refused"), "the last failure is named: {message}");
    consumer.close().await;
}

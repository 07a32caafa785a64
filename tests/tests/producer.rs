//! The producer against a broker: ordering, codecs, acks, unknown topics, and (on the stub)
//! idempotent delivery under injected faults. Every record is accounted for by the ledger.

use std::time::Duration;

use kfk_client::config::{Acks, ProducerConfig};
use kfk_client::producer::{Producer, ProducerRecord};
use kfk_client::Error;
use kfk_protocol::compression::Compression;
use kfk_protocol::messages::ApiKey;
use kfk_protocol::{ErrorCode, Uuid};
use kfk_stub::DropMode;
use tests::delivery::Ledger;
use tests::produce::send_all;
use tests::read::{read_partition, ReadRecord};
use tests::topics::create_topic;
use tests::{ready_when, unique_topic, wait_until, Backend, BackendKind, Conn};

fn config(backend: &Backend) -> kfk_client::config::ProducerConfigBuilder {
    ProducerConfig::builder().bootstrap_servers(&backend.bootstrap).linger(Duration::from_millis(5))
}

async fn setup(partitions: i32) -> (Backend, Conn, String, Uuid) {
    let backend = Backend::from_env().await;
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("producer");
    let id = create_topic(&mut conn, &topic, partitions).await;
    (backend, conn, topic, id)
}

async fn read_all(conn: &mut Conn, topic: &str, id: Uuid, partitions: i32) -> Vec<ReadRecord> {
    let mut all = Vec::new();
    for p in 0..partitions {
        all.extend(read_partition(conn, topic, id, p).await);
    }
    all
}

#[tokio::test]
async fn records_arrive_once_in_order_with_the_offsets_acknowledged() {
    let (_backend, mut conn, topic, id) = setup(3).await;
    let producer = Producer::new(config(&_backend).build().expect("config")).expect("producer");
    let mut ledger = Ledger::default();
    send_all(&producer, &topic, 3000, &mut ledger).await;
    producer.flush().await.expect("flush");
    let report = ledger.check(&read_all(&mut conn, &topic, id, 3).await);
    assert!(report.is_clean() && report.failed == 0 && report.read == 3000, "{report}");
    producer.close(Duration::from_secs(5)).await.expect("close");
}

#[tokio::test]
async fn every_codec_round_trips() {
    let (backend, mut conn, topic, id) = setup(1).await;
    let mut ledger = Ledger::default();
    for codec in [Compression::None, Compression::Gzip, Compression::Snappy, Compression::Lz4, Compression::Zstd] {
        let producer = Producer::new(config(&backend).compression(codec).build().expect("config")).expect("producer");
        send_all(&producer, &topic, 300, &mut ledger).await;
        producer.close(Duration::from_secs(5)).await.expect("close");
    }
    let reads = read_all(&mut conn, &topic, id, 1).await;
    let report = ledger.check(&reads);
    assert!(report.is_clean() && report.read == 1500, "{report}");
}

#[tokio::test]
async fn acks_zero_delivers_without_offsets() {
    let (backend, mut conn, topic, id) = setup(1).await;
    let producer = Producer::new(config(&backend).acks(Acks::None).build().expect("config")).expect("producer");
    let meta = producer.send(ProducerRecord::new(&topic).value("v0")).await.expect("send");
    assert_eq!(meta.offset, -1, "acks=0 gets no offset");
    for i in 1..100 {
        producer.enqueue(ProducerRecord::new(&topic).value(format!("v{i}").as_bytes())).await.expect("enqueue");
    }
    producer.close(Duration::from_secs(5)).await.expect("close");
    // Nothing acknowledges acks=0 writes: wait (bounded) until they are all readable.
    wait_until("the 100 acks=0 records readable", Duration::from_secs(10), async || {
        ready_when(read_all(&mut conn, &topic, id, 1).await.len(), |&n| n == 100)
    })
    .await;
}

#[tokio::test]
async fn an_unknown_topic_fails_after_max_block_when_auto_creation_is_off() {
    let backend = Backend::from_env().await;
    let producer = Producer::new(
        config(&backend)
            .allow_auto_create_topics(false)
            .max_block(Duration::from_millis(1500))
            .build()
            .expect("config"),
    )
    .expect("producer");
    let topic = unique_topic("absent");
    let err = producer.enqueue(ProducerRecord::new(&topic).value("x")).await.unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err}");
    assert!(err.to_string().contains(&topic), "the error names the topic: {err}");
    let err = producer.send(ProducerRecord::new(&topic).value("x")).await.unwrap_err();
    assert_eq!(err.persistence, kfk_client::producer::Persistence::NotWritten);
}

#[tokio::test]
async fn an_unknown_topic_is_created_when_auto_creation_is_on() {
    let backend = Backend::from_env().await;
    let producer = Producer::new(config(&backend).build().expect("config")).expect("producer");
    let topic = unique_topic("auto");
    let meta = producer.send(ProducerRecord::new(&topic).value("first")).await.expect("auto-created");
    assert_eq!(meta.offset, 0);
}

#[tokio::test]
async fn an_oversized_record_is_refused_with_a_clear_error() {
    let backend = Backend::from_env().await;
    let producer = Producer::new(config(&backend).max_request_size(1024).build().expect("config")).expect("producer");
    let big = vec![7u8; 4096];
    let err = producer.enqueue(ProducerRecord::new("any").value(&big)).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::MESSAGE_TOO_LARGE), "{err}");
    assert!(err.to_string().contains("max.request.size"), "{err}");
}

/// Stub only: leadership errors, lost responses and cut connections while producing with
/// idempotence; nothing may be lost, duplicated or reordered.
#[tokio::test]
async fn idempotent_delivery_survives_injected_faults() {
    let (backend, mut conn, topic, id) = setup(2).await;
    let Some(stub) = backend.stub_handle() else {
        kfk_stub::skip_test!("fault injection needs the stub backend");
        return;
    };
    assert_eq!(backend.kind, BackendKind::Stub);
    let faults = stub.faults();
    let producer = Producer::new(
        config(&backend).retry_backoff(Duration::from_millis(5), Duration::from_millis(50)).build().expect("config"),
    )
    .expect("producer");
    let mut ledger = Ledger::default();
    send_all(&producer, &topic, 200, &mut ledger).await;
    let produces_before = stub.request_count(ApiKey::Produce);

    faults.fail_next(ApiKey::Produce, 3, ErrorCode::NOT_LEADER_OR_FOLLOWER.0);
    send_all(&producer, &topic, 500, &mut ledger).await;
    // The append happens, the answer is lost: the retry must not duplicate.
    faults.drop_after_next(ApiKey::Produce, None, DropMode::AfterHandling);
    send_all(&producer, &topic, 500, &mut ledger).await;
    faults.drop_after_next(ApiKey::Produce, None, DropMode::BeforeHandling);
    send_all(&producer, &topic, 500, &mut ledger).await;
    faults.fail_next(ApiKey::Produce, 2, ErrorCode::NOT_ENOUGH_REPLICAS.0);
    send_all(&producer, &topic, 500, &mut ledger).await;
    producer.flush().await.expect("flush");

    let reads = read_all(&mut conn, &topic, id, 2).await;
    let report = ledger.check(&reads);
    assert!(report.is_clean() && report.failed == 0 && report.read == 2200, "{report}");
    assert!(stub.request_count(ApiKey::Produce) > produces_before + 5, "retries happened");
}

/// A burst into a topic created a moment ago (the quickstart's pattern): a new partition may
/// answer the first batches with retriable errors while it settles; every record must still
/// arrive once, in order, well within the delivery timeout.
#[tokio::test]
async fn a_burst_into_a_fresh_topic_is_delivered() {
    let backend = Backend::from_env().await;
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("burst");
    // Create the topic and produce at once, without waiting for its partitions to have leaders.
    let created = conn
        .send(&kfk_protocol::messages::CreateTopicsRequest {
            topics: vec![kfk_protocol::messages::create_topics::request::CreatableTopic {
                name: topic.clone(),
                num_partitions: 6,
                replication_factor: -1,
                ..Default::default()
            }],
            timeout_ms: 30_000,
            ..Default::default()
        })
        .await
        .expect("create");
    assert_eq!(created.topics[0].error_code, 0);
    let producer = Producer::new(config(&backend).delivery_timeout(Duration::from_secs(60)).build().expect("config"))
        .expect("producer");
    let mut ledger = Ledger::default();
    send_all(&producer, &topic, 10_000, &mut ledger).await;
    let id = tests::topics::wait_for_leaders(&mut conn, &topic, 6).await;
    let report = ledger.check(&read_all(&mut conn, &topic, id, 6).await);
    assert!(report.is_clean() && report.failed == 0 && report.read == 10_000, "{report}");
}

/// Stub only: the broker forgets the producer (UNKNOWN_PRODUCER_ID) mid-stream; the producer
/// bumps its epoch (KIP-360), restarts its sequences and resends: nothing lost or duplicated.
#[tokio::test]
async fn unknown_producer_id_bumps_the_epoch_and_resends() {
    let (backend, mut conn, topic, id) = setup(1).await;
    let Some(stub) = backend.stub_handle() else {
        kfk_stub::skip_test!("fault injection needs the stub backend");
        return;
    };
    let producer = Producer::new(
        config(&backend).retry_backoff(Duration::from_millis(5), Duration::from_millis(50)).build().expect("config"),
    )
    .expect("producer");
    let mut ledger = Ledger::default();
    send_all(&producer, &topic, 300, &mut ledger).await;
    let inits = stub.request_count(ApiKey::InitProducerId);
    stub.faults().fail_next(ApiKey::Produce, 1, ErrorCode::UNKNOWN_PRODUCER_ID.0);
    send_all(&producer, &topic, 300, &mut ledger).await;
    producer.flush().await.expect("flush");
    assert!(stub.request_count(ApiKey::InitProducerId) > inits, "the epoch was bumped");
    let report = ledger.check(&read_all(&mut conn, &topic, id, 1).await);
    assert!(report.is_clean() && report.failed == 0 && report.read == 600, "{report}");
}

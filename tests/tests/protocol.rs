//! The wire protocol against a broker, with nothing but `kfk-protocol` over a TCP socket:
//! version negotiation, topic lifecycle, one batch per codec produced and fetched back intact,
//! offsets. Runs against the backend `TEST_BACKEND` selects (see `tests::Backend`).

use std::time::Duration;

use bytes::Bytes;
use kfk_protocol::compression::Compression;
use kfk_protocol::messages::create_topics::request::CreatableTopic;
use kfk_protocol::messages::delete_topics::request::DeleteTopicState;
use kfk_protocol::messages::fetch::request::{FetchPartition, FetchTopic};
use kfk_protocol::messages::list_offsets::request::{ListOffsetsPartition, ListOffsetsTopic};
use kfk_protocol::messages::produce::request::{PartitionProduceData, TopicProduceData};
use kfk_protocol::messages::{
    ApiKey, CreateTopicsRequest, DeleteTopicsRequest, FetchRequest, InitProducerIdRequest, ListOffsetsRequest,
    MetadataRequest, ProduceRequest,
};
use kfk_protocol::records::{Batches, RecordBatchBuilder};
use kfk_protocol::{ErrorCode, Uuid};
use tests::topics::{metadata, wait_for_leaders};
use tests::{ready_when, unique_topic, Backend, BackendKind, Conn, Wait};

const NONE: i16 = 0;
const UNKNOWN_TOPIC_OR_PARTITION: i16 = 3;

const CODECS: [Compression; 5] =
    [Compression::None, Compression::Gzip, Compression::Snappy, Compression::Lz4, Compression::Zstd];

async fn connect() -> (Backend, Conn) {
    let backend = Backend::from_env().await;
    let conn = Conn::connect(backend.first_address()).await.expect("connect to the backend");
    (backend, conn)
}

/// Creates a topic and waits (bounded) until every partition has a leader; returns its id.
async fn create_topic(conn: &mut Conn, topic: &str, partitions: i32) -> Uuid {
    let request = CreateTopicsRequest {
        topics: vec![CreatableTopic {
            name: topic.into(),
            num_partitions: partitions,
            replication_factor: 1,
            ..Default::default()
        }],
        timeout_ms: 30_000,
        ..Default::default()
    };
    let response = conn.send(&request).await.expect("create topics");
    assert_eq!(response.topics.len(), 1);
    assert_eq!(response.topics[0].error_code, NONE, "create {topic}: {:?}", response.topics[0].error_message);
    wait_for_leaders(conn, topic, partitions).await
}

/// An idempotent batch (producer id and epoch, base sequence 0), so that a retry after an
/// ambiguous error (the broker may answer NOT_ENOUGH_REPLICAS_AFTER_APPEND while a new
/// partition settles) is recognised by the broker as a duplicate instead of appended twice.
fn batch(codec: Compression, n: usize, producer: (i64, i16)) -> Bytes {
    let mut builder = RecordBatchBuilder::new(codec).with_producer(producer.0, producer.1, 0);
    for i in 0..n {
        let key = format!("key-{i}");
        let value = format!("{codec}-value-{i}-{}", "x".repeat(i % 50));
        builder
            .append_with_headers(
                1_700_000_000_000 + i as i64,
                Some(key.as_bytes()),
                Some(value.as_bytes()),
                [("h", Some(b"v".as_slice()))],
            )
            .expect("append");
    }
    builder.build().expect("build batch")
}

#[tokio::test]
async fn api_versions_cover_what_the_broker_advertises() {
    let (backend, conn) = connect().await;
    let mut keys: Vec<i16> = conn.broker_versions.keys().copied().collect();
    keys.sort();
    println!("{:<34} {:>10} {:>10}  {:?}", "api", "ours", "broker", backend.kind);
    let mut overlapping = 0;
    for key in &keys {
        let (bmin, bmax) = conn.broker_versions[key];
        match ApiKey::from_i16(*key) {
            Some(api) => {
                let ours = api.versions();
                println!("{:<34} {:>4}..={:<4} {:>4}..={:<4}", api.name(), ours.min, ours.max, bmin, bmax);
                assert!(
                    ours.min <= bmax && bmin <= ours.max,
                    "{} ours {}..={} and the broker's {bmin}..={bmax} do not overlap",
                    api.name(),
                    ours.min,
                    ours.max
                );
                overlapping += 1;
            }
            None => println!("{:<34} {:>10} {:>4}..={:<4}", format!("unknown key {key}"), "-", bmin, bmax),
        }
    }
    for api in [ApiKey::Produce, ApiKey::Fetch, ApiKey::Metadata, ApiKey::ApiVersions, ApiKey::CreateTopics] {
        assert!(conn.version_for(api).is_some(), "{api:?} cannot be negotiated");
    }
    assert!(overlapping >= 5);
}

#[tokio::test]
async fn metadata_lists_brokers_and_unknown_topics_are_reported() {
    let (_backend, mut conn) = connect().await;
    let md = conn.send(&MetadataRequest { topics: Some(vec![]), ..Default::default() }).await.expect("metadata");
    assert!(!md.brokers.is_empty());
    assert!(md.brokers.iter().all(|b| b.port > 0 && !b.host.is_empty()));
    let missing = unique_topic("missing");
    let md = metadata(&mut conn, &missing).await;
    assert_eq!(md.topics.len(), 1);
    assert_eq!(md.topics[0].error_code, UNKNOWN_TOPIC_OR_PARTITION);
}

#[tokio::test]
async fn create_produce_fetch_list_offsets_delete() {
    let (backend, mut conn) = connect().await;
    let topic = unique_topic("codecs");
    let topic_id = create_topic(&mut conn, &topic, CODECS.len() as i32).await;
    assert_ne!(topic_id, Uuid::ZERO);

    let init = conn
        .send(&InitProducerIdRequest {
            transactional_id: None,
            transaction_timeout_ms: i32::MAX,
            producer_id: -1,
            producer_epoch: -1,
            ..Default::default()
        })
        .await
        .expect("init producer id");
    assert_eq!(init.error_code, NONE);
    let producer = (init.producer_id, init.producer_epoch);

    // One batch per codec, each to its own partition.
    let batches: Vec<Bytes> = CODECS.iter().map(|&c| batch(c, 20, producer)).collect();
    let produce = ProduceRequest {
        acks: -1,
        timeout_ms: 30_000,
        topic_data: vec![TopicProduceData {
            name: topic.clone(),
            topic_id,
            partition_data: batches
                .iter()
                .enumerate()
                .map(|(i, b)| PartitionProduceData { index: i as i32, records: Some(b.clone()), ..Default::default() })
                .collect(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let partitions = Wait::new("the produce answered without a retriable error", Duration::from_secs(30))
        .every(Duration::from_millis(200))
        .until(async || {
            let response = conn.send(&produce).await.expect("produce");
            let partitions = response.responses[0].partition_responses.clone();
            ready_when(partitions, |partitions| !partitions.iter().any(|p| ErrorCode(p.error_code).is_retriable()))
        })
        .await;
    assert_eq!(partitions.len(), CODECS.len());
    for p in &partitions {
        assert_eq!(p.error_code, NONE, "partition {}: {:?}", p.index, p.error_message);
        assert_eq!(p.base_offset, 0);
    }

    // Fetch everything back: each batch returns byte for byte, except the two fields the broker
    // assigns (base offset and partition leader epoch), which the CRC does not cover.
    let fetch = FetchRequest {
        replica_id: -1,
        max_wait_ms: 500,
        min_bytes: 1,
        max_bytes: 50 * 1024 * 1024,
        isolation_level: 0,
        topics: vec![FetchTopic {
            topic: topic.clone(),
            topic_id,
            partitions: (0..CODECS.len() as i32)
                .map(|p| FetchPartition {
                    partition: p,
                    fetch_offset: 0,
                    partition_max_bytes: 1024 * 1024,
                    current_leader_epoch: -1,
                    last_fetched_epoch: -1,
                    log_start_offset: -1,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let response = conn.send(&fetch).await.expect("fetch");
    assert_eq!(response.error_code, NONE);
    let partitions = &response.responses[0].partitions;
    assert_eq!(partitions.len(), CODECS.len());
    for p in partitions {
        let sent = &batches[p.partition_index as usize];
        assert_eq!(p.error_code, NONE, "partition {}", p.partition_index);
        assert_eq!(p.high_watermark, 20);
        let records = p.records.clone().expect("records");
        assert_eq!(records.len(), sent.len(), "{} batch size", CODECS[p.partition_index as usize]);
        assert_eq!(records[8..12], sent[8..12], "batch length");
        assert_eq!(records[16..], sent[16..], "{} batch bytes", CODECS[p.partition_index as usize]);
        let mut count = 0;
        for batch in Batches::new(records) {
            let batch = batch.expect("valid batch");
            for (i, record) in batch.records().expect("records").enumerate() {
                let record = record.expect("record");
                assert_eq!(record.offset, i as i64);
                assert_eq!(record.key.as_deref(), Some(format!("key-{i}").as_bytes()));
                count += 1;
            }
        }
        assert_eq!(count, 20);
    }

    // Offsets: earliest 0, latest 20 on every partition.
    for (timestamp, expected) in [(-2i64, 0i64), (-1, 20)] {
        let request = ListOffsetsRequest {
            replica_id: -1,
            topics: vec![ListOffsetsTopic {
                name: topic.clone(),
                partitions: (0..CODECS.len() as i32)
                    .map(|p| ListOffsetsPartition {
                        partition_index: p,
                        timestamp,
                        current_leader_epoch: -1,
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            }],
            timeout_ms: 30_000,
            ..Default::default()
        };
        let response = conn.send(&request).await.expect("list offsets");
        for p in &response.topics[0].partitions {
            assert_eq!(p.error_code, NONE);
            assert_eq!(p.offset, expected, "timestamp {timestamp} partition {}", p.partition_index);
        }
    }

    // Delete, then the topic is gone (a real broker may take a moment to propagate).
    let delete = DeleteTopicsRequest {
        topics: vec![DeleteTopicState { name: Some(topic.clone()), ..Default::default() }],
        topic_names: vec![topic.clone()],
        timeout_ms: 30_000,
        ..Default::default()
    };
    let response = conn.send(&delete).await.expect("delete topics");
    assert_eq!(response.responses[0].error_code, NONE, "{:?}", response.responses[0].error_message);
    Wait::new(format!("{topic} no longer listed after its deletion"), Duration::from_secs(30))
        .every(Duration::from_millis(200))
        .until(async || {
            ready_when(metadata(&mut conn, &topic).await, |md| md.topics[0].error_code == UNKNOWN_TOPIC_OR_PARTITION)
        })
        .await;
    if backend.kind == BackendKind::Stub {
        assert!(backend.stub_handle().is_some());
    }
}

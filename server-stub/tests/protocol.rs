//! The stub speaks Kafka: each test drives one API over a raw connection.

mod common;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use bytes::{BufMut, Bytes, BytesMut};
use common::*;
use kfk_protocol::compression::Compression;
use kfk_protocol::messages::create_partitions::request::CreatePartitionsTopic;
use kfk_protocol::messages::create_topics::request::{CreatableTopic, CreatableTopicConfig};
use kfk_protocol::messages::delete_topics::request::DeleteTopicState;
use kfk_protocol::messages::fetch::request::{FetchPartition, FetchTopic};
use kfk_protocol::messages::list_offsets::request::{ListOffsetsPartition, ListOffsetsTopic};
use kfk_protocol::messages::metadata::request::MetadataRequestTopic;
use kfk_protocol::messages::offset_for_leader_epoch::request::{OffsetForLeaderPartition, OffsetForLeaderTopic};
use kfk_protocol::messages::*;
use kfk_protocol::records::{Batches, RecordBatch};
use kfk_protocol::ErrorCode;
use kfk_protocol::{Decode, Encode, Uuid};
use kfk_stub::StubCluster;

fn api_versions_request() -> ApiVersionsRequest {
    ApiVersionsRequest {
        client_software_name: "stub-test".into(),
        client_software_version: "1.0".into(),
        ..Default::default()
    }
}

fn create_topic(name: &str, partitions: i32, rf: i16) -> CreatableTopic {
    CreatableTopic { name: name.into(), num_partitions: partitions, replication_factor: rf, ..Default::default() }
}

fn metadata_for(names: &[&str], auto_create: bool) -> MetadataRequest {
    MetadataRequest {
        topics: Some(
            names.iter().map(|n| MetadataRequestTopic { name: Some((*n).into()), ..Default::default() }).collect(),
        ),
        allow_auto_topic_creation: auto_create,
        ..Default::default()
    }
}

fn fetch(topic: &str, topic_id: Uuid, partition: i32, offset: i64, max_wait_ms: i32, min_bytes: i32) -> FetchRequest {
    FetchRequest {
        replica_id: -1,
        max_wait_ms,
        min_bytes,
        max_bytes: 50 << 20,
        topics: vec![FetchTopic {
            topic: topic.into(),
            topic_id,
            partitions: vec![FetchPartition {
                partition,
                fetch_offset: offset,
                partition_max_bytes: 10 << 20,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn list_offsets(topic: &str, partition: i32, timestamp: i64) -> ListOffsetsRequest {
    ListOffsetsRequest {
        replica_id: -1,
        topics: vec![ListOffsetsTopic {
            name: topic.into(),
            partitions: vec![ListOffsetsPartition { partition_index: partition, timestamp, ..Default::default() }],
            ..Default::default()
        }],
        ..Default::default()
    }
}

async fn cluster(brokers: usize) -> StubCluster {
    StubCluster::builder().brokers(brokers).start().await.expect("stub starts")
}

async fn conn(cluster: &StubCluster, broker: i32) -> Conn {
    Conn::connect(cluster.broker_addr(broker).expect("broker exists")).await.expect("connect")
}

#[tokio::test]
async fn api_versions_lists_exactly_what_is_implemented() {
    let cluster = cluster(1).await;
    let mut c = conn(&cluster, 0).await;
    for version in 0..=3 {
        let r = c.send(&api_versions_request(), version).await;
        assert_eq!(r.error_code, 0);
        let keys: BTreeSet<i16> = r.api_keys.iter().map(|k| k.api_key).collect();
        let expected: BTreeSet<i16> = [
            0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
            32, 36, 37, 42, 44, 47, 50, 51, 60, 61, 65, 66, 68, 69, 74,
        ]
        .into_iter()
        .collect();
        assert_eq!(keys, expected, "v{version}");
        for k in &r.api_keys {
            let api = ApiKey::try_from(k.api_key).expect("known key");
            // SaslHandshake from v0 (raw SASL tokens after it).
            assert_eq!(k.min_version, api.versions().min, "{api:?}");
            let max = match api {
                ApiKey::InitProducerId => api.versions().max - 1,
                ApiKey::AddPartitionsToTxn => 3,
                ApiKey::ListTransactions => 1,
                _ => api.versions().max,
            };
            assert_eq!(k.max_version, max, "{api:?}");
        }
    }
    // v3+ validates the client software name, as Kafka does.
    let bad = ApiVersionsRequest { client_software_name: "-bad name".into(), ..api_versions_request() };
    assert_eq!(c.send(&bad, 3).await.error_code, ErrorCode::INVALID_REQUEST.0);
}

#[tokio::test]
async fn api_versions_too_new_is_answered_at_v0_with_unsupported_version() {
    let cluster = cluster(1).await;
    let mut c = conn(&cluster, 0).await;
    // ApiVersions v99 by hand: header v2 (key, version, correlation id, client id, no tags),
    // then a body the broker never reads.
    let mut frame = BytesMut::new();
    frame.put_i16(18);
    frame.put_i16(99);
    frame.put_i32(77);
    frame.put_i16(1);
    frame.put_u8(b'x');
    frame.put_u8(0);
    frame.put_slice(&[1, 2, 3]);
    let mut wire = BytesMut::new();
    wire.put_i32(frame.len() as i32);
    wire.put_slice(&frame);
    c.write_raw(&wire).await;
    let mut response = c.read_frame().await.expect("an answer");
    assert_eq!(i32::from_be_bytes(response[..4].try_into().expect("4 bytes")), 77);
    let _ = response.split_to(4);
    let r = ApiVersionsResponse::decode(&mut response, 0).expect("a v0 response");
    assert_eq!(r.error_code, ErrorCode::UNSUPPORTED_VERSION.0);
    assert!(r.api_keys.iter().any(|k| k.api_key == 18 && k.max_version >= 3));
}

#[tokio::test]
async fn version_caps_emulate_an_older_broker_and_unserved_versions_get_unsupported_version() {
    let cluster = StubCluster::builder().max_version(ApiKey::Fetch, 12).start().await.expect("starts");
    let mut c = conn(&cluster, 0).await;
    let r = c.send(&api_versions_request(), 3).await;
    let fetch_range = r.api_keys.iter().find(|k| k.api_key == 1).expect("Fetch advertised");
    assert_eq!((fetch_range.min_version, fetch_range.max_version), (4, 12));
    // A version outside the advertised range is answered at that version, every partition
    // carrying UNSUPPORTED_VERSION.
    let r = c.send(&fetch("t", Uuid::ZERO, 0, 0, 0, 0), 13).await;
    let codes: Vec<(i32, i16)> =
        r.responses.iter().flat_map(|t| t.partitions.iter().map(|p| (p.partition_index, p.error_code))).collect();
    assert_eq!(codes, [(0, ErrorCode::UNSUPPORTED_VERSION.0)]);
    // The connection stays usable.
    assert_eq!(c.send(&fetch("t", Uuid::ZERO, 0, 0, 0, 0), 12).await.error_code, 0);
    // ListTransactions v2 (a Java regular expression filter) is not served.
    let r = c.send(&ListTransactionsRequest { duration_filter: -1, ..Default::default() }, 2).await;
    assert_eq!(r.error_code, ErrorCode::UNSUPPORTED_VERSION.0);
}

#[tokio::test]
async fn unserved_apis_get_unsupported_version_where_the_response_has_an_error_field() {
    let cluster = cluster(1).await;
    let mut c = conn(&cluster, 0).await;
    // A top-level error code.
    for version in 1..=3 {
        let r = c.send(&DescribeDelegationTokenRequest { owners: None, ..Default::default() }, version).await;
        assert_eq!(r.error_code, ErrorCode::UNSUPPORTED_VERSION.0, "v{version}");
    }
    // Errors per item: the request's items come back with the code.
    let resource = kfk_protocol::messages::alter_configs::request::AlterConfigsResource {
        resource_type: 2,
        resource_name: "t".into(),
        ..Default::default()
    };
    let r = c.send(&AlterConfigsRequest { resources: vec![resource.clone(), resource], ..Default::default() }, 2).await;
    let codes: Vec<i16> = r.responses.iter().map(|a| a.error_code).collect();
    let unsupported = ErrorCode::UNSUPPORTED_VERSION.0;
    assert_eq!(codes, [unsupported, unsupported]);
    // DescribeLogDirs has a top-level error code only from v3: v1 has nowhere to put it.
    let describe = DescribeLogDirsRequest { topics: None, ..Default::default() };
    assert_eq!(c.send(&describe, 3).await.error_code, unsupported);
    c.write(&describe, 1).await;
    assert!(c.is_closed().await);
    // None of it is advertised.
    let mut c = conn(&cluster, 0).await;
    let r = c.send(&api_versions_request(), 3).await;
    assert!(r.api_keys.iter().all(|k| ![33, 35, 41].contains(&k.api_key)));
}

/// Every version of every API the stub does not advertise gets an answer at that version (a
/// random request of each, so items are echoed with the code), except the one shape whose
/// response has nowhere to put an error.
#[tokio::test]
async fn every_unserved_api_and_version_is_answered() {
    use kfk_protocol::messages::RequestHeader;
    let cluster = cluster(1).await;
    let mut c = conn(&cluster, 0).await;
    let advertised: BTreeSet<i16> =
        c.send(&api_versions_request(), 3).await.api_keys.iter().map(|k| k.api_key).collect();
    let mut rng = kfk_protocol::random::Rng::new(42);
    let mut answered = 0;
    for &api in ApiKey::ALL {
        if advertised.contains(&api.key()) {
            continue;
        }
        let range = api.versions();
        for version in range.min..=range.max {
            let request = RequestBody::random(api, &mut rng, version);
            let header = RequestHeader {
                request_api_key: api.key(),
                request_api_version: version,
                correlation_id: 900,
                client_id: Some("stub-test".into()),
                ..Default::default()
            };
            let mut body = BytesMut::new();
            header.encode(&mut body, api.request_header_version(version)).expect("header");
            request.encode(&mut body, version).expect("encodable random request");
            let mut frame = BytesMut::new();
            frame.put_i32(body.len() as i32);
            frame.extend_from_slice(&body);
            c.write_raw(&frame).await;
            let closes = api == ApiKey::DescribeLogDirs && version < 3;
            match c.read_frame().await {
                None => {
                    assert!(closes, "{api:?} v{version}: connection closed without an answer");
                    c = conn(&cluster, 0).await;
                }
                Some(frame) => {
                    assert!(!closes, "{api:?} v{version}: answered though its response has no error field");
                    let (id, response) = kfk_protocol::frame::decode_response_body(frame, api, version)
                        .unwrap_or_else(|e| panic!("{api:?} v{version}: undecodable answer: {e}"));
                    assert_eq!(id, 900);
                    assert_eq!(response.api_key(), api);
                    answered += 1;
                }
            }
        }
    }
    assert!(answered >= 88, "only {answered} unserved (api, version) pairs answered");
}

/// After an unclean election cut the log, a fetch whose last fetched epoch ends before its
/// offset is told where that epoch ends now (KIP-320), with no records.
#[tokio::test]
async fn a_truncated_log_answers_fetches_with_the_diverging_epoch() {
    let cluster = cluster(1).await;
    cluster.create_topic("cut", 1).expect("created");
    let mut c = conn(&cluster, 0).await;
    for _ in 0..3 {
        c.send(&produce("cut", 0, -1, batch(Compression::None, 10, 0)), PRODUCE_V).await;
    }
    assert_eq!(cluster.faults().truncate_log("cut", 0, 25).expect("truncated"), 20, "rounded to the batch start");
    assert_eq!(cluster.leader("cut", 0).expect("exists"), (0, 1), "a new leader epoch");
    let fetch_at = |offset: i64, last_fetched_epoch: i32| {
        let mut request = fetch("cut", Uuid::ZERO, 0, offset, 0, 0);
        request.topics[0].partitions[0].last_fetched_epoch = last_fetched_epoch;
        request.topics[0].partitions[0].current_leader_epoch = 1;
        request
    };
    // A consumer that read all 30 records in epoch 0.
    let r = c.send(&fetch_at(30, 0), FETCH_V).await;
    let p = &r.responses[0].partitions[0];
    assert_eq!((p.error_code, p.diverging_epoch.epoch, p.diverging_epoch.end_offset), (0, 0, 20));
    assert!(p.records.as_ref().is_none_or(|r| r.is_empty()));
    // One that read only up to 20 is fine.
    let r = c.send(&fetch_at(20, 0), FETCH_V).await;
    assert_eq!(r.responses[0].partitions[0].diverging_epoch.epoch, -1);
}

#[tokio::test]
async fn unknown_api_and_garbage_close_the_connection() {
    let cluster = cluster(1).await;
    let mut c = conn(&cluster, 0).await;
    c.write_raw(&[0, 0, 0, 10, 0x7f, 0x00, 0, 0, 0, 0, 0, 1, 0xff, 0xff]).await;
    assert!(c.is_closed().await);
    // A known API whose body is cut short.
    let mut c = conn(&cluster, 0).await;
    c.write_raw(&[0, 0, 0, 12, 0, 3, 0, 12, 0, 0, 0, 1, 0, 0, 0, 5]).await;
    assert!(c.is_closed().await);
    // A frame size beyond the limit.
    let mut c = conn(&cluster, 0).await;
    c.write_raw(&[0x7f, 0xff, 0xff, 0xff]).await;
    assert!(c.is_closed().await);
    // The broker still serves.
    let mut c = conn(&cluster, 0).await;
    assert_eq!(c.send(&api_versions_request(), 3).await.error_code, 0);
}

#[tokio::test]
async fn create_topics_and_metadata() {
    let cluster = StubCluster::builder().brokers(3).auto_create_topics(false).start().await.expect("starts");
    let mut c = conn(&cluster, 1).await;
    let mut good = create_topic("orders", 3, 2);
    good.configs.push(CreatableTopicConfig {
        name: "retention.bytes".into(),
        value: Some("1000000".into()),
        ..Default::default()
    });
    let request = CreateTopicsRequest {
        topics: vec![
            good,
            create_topic("zero-partitions", 0, 1),
            create_topic("too-replicated", 1, 4),
            create_topic("bad/name", 1, 1),
            create_topic(&"x".repeat(250), 1, 1),
            create_topic("defaults", -1, -1),
        ],
        timeout_ms: 5000,
        ..Default::default()
    };
    let r = c.send(&request, 7).await;
    let codes: Vec<i16> = r.topics.iter().map(|t| t.error_code).collect();
    assert_eq!(
        codes,
        vec![
            0,
            ErrorCode::INVALID_PARTITIONS.0,
            ErrorCode::INVALID_REPLICATION_FACTOR.0,
            ErrorCode::INVALID_TOPIC_EXCEPTION.0,
            ErrorCode::INVALID_TOPIC_EXCEPTION.0,
            0
        ]
    );
    assert_ne!(r.topics[0].topic_id, Uuid::ZERO);
    assert_eq!((r.topics[0].num_partitions, r.topics[0].replication_factor), (3, 2));
    assert_eq!((r.topics[5].num_partitions, r.topics[5].replication_factor), (1, 3));
    let orders_id = r.topics[0].topic_id;

    let again =
        c.send(&CreateTopicsRequest { topics: vec![create_topic("orders", 3, 2)], ..Default::default() }, 7).await;
    assert_eq!(again.topics[0].error_code, ErrorCode::TOPIC_ALREADY_EXISTS.0);
    let validate = CreateTopicsRequest {
        topics: vec![create_topic("validated", 2, 1)],
        validate_only: true,
        ..Default::default()
    };
    assert_eq!(c.send(&validate, 7).await.topics[0].error_code, 0);

    let m = c.send(&metadata_for(&["orders", "validated"], true), 12).await;
    assert_eq!(m.brokers.len(), 3);
    assert_eq!(m.cluster_id.as_deref(), Some(cluster.cluster_id()));
    assert_eq!(m.topics[0].topic_id, orders_id);
    let leaders: Vec<i32> = m.topics[0].partitions.iter().map(|p| p.leader_id).collect();
    assert_eq!(leaders, vec![0, 1, 2]);
    assert_eq!(m.topics[0].partitions[0].replica_nodes, vec![0, 1]);
    assert_eq!(m.topics[0].partitions[2].isr_nodes, vec![2, 0]);
    assert_eq!(m.topics[0].partitions[1].leader_epoch, 0);
    assert_eq!(m.topics[1].error_code, ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0, "validate_only created nothing");

    // Lookup by topic id (v12+); unknown ids get UNKNOWN_TOPIC_ID.
    let by_id = MetadataRequest {
        topics: Some(vec![
            MetadataRequestTopic { topic_id: orders_id, name: None, ..Default::default() },
            MetadataRequestTopic { topic_id: Uuid::from_u128(42), name: None, ..Default::default() },
        ]),
        ..Default::default()
    };
    let m = c.send(&by_id, 12).await;
    assert_eq!(m.topics[0].name.as_deref(), Some("orders"));
    assert_eq!(m.topics[1].error_code, ErrorCode::UNKNOWN_TOPIC_ID.0);

    // Older versions: no leader epochs, no topic ids.
    let m = c.send(&metadata_for(&["orders"], false), 4).await;
    assert_eq!(m.topics[0].partitions.len(), 3);
    // All topics.
    let all = c.send(&MetadataRequest { topics: None, ..Default::default() }, 12).await;
    assert_eq!(all.topics.len(), 2);

    // CreatePartitions.
    let grow = CreatePartitionsRequest {
        topics: vec![
            CreatePartitionsTopic { name: "orders".into(), count: 5, assignments: None, ..Default::default() },
            CreatePartitionsTopic { name: "defaults".into(), count: 1, assignments: None, ..Default::default() },
            CreatePartitionsTopic { name: "nope".into(), count: 2, assignments: None, ..Default::default() },
        ],
        timeout_ms: 5000,
        ..Default::default()
    };
    let r = c.send(&grow, 3).await;
    let codes: Vec<i16> = r.results.iter().map(|t| t.error_code).collect();
    assert_eq!(codes, vec![0, ErrorCode::INVALID_PARTITIONS.0, ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0]);
    let m = c.send(&metadata_for(&["orders"], false), 12).await;
    assert_eq!(m.topics[0].partitions.len(), 5);

    // DeleteTopics by id (v6) and by name (v5).
    let del = DeleteTopicsRequest {
        topics: vec![
            DeleteTopicState { name: None, topic_id: orders_id, ..Default::default() },
            DeleteTopicState { name: None, topic_id: Uuid::from_u128(7), ..Default::default() },
        ],
        timeout_ms: 5000,
        ..Default::default()
    };
    let r = c.send(&del, 6).await;
    assert_eq!(r.responses[0].error_code, 0);
    assert_eq!(r.responses[0].name.as_deref(), Some("orders"));
    assert_eq!(r.responses[1].error_code, ErrorCode::UNKNOWN_TOPIC_ID.0);
    let del = DeleteTopicsRequest {
        topic_names: vec!["defaults".into(), "gone".into()],
        timeout_ms: 5000,
        ..Default::default()
    };
    let r = c.send(&del, 5).await;
    let codes: Vec<i16> = r.responses.iter().map(|t| t.error_code).collect();
    assert_eq!(codes, vec![0, ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0]);
    let all = c.send(&MetadataRequest { topics: None, ..Default::default() }, 12).await;
    assert!(all.topics.is_empty());
}

#[tokio::test]
async fn metadata_auto_creates_topics_when_allowed() {
    let cluster = StubCluster::builder().default_partitions(4).start().await.expect("starts");
    let mut c = conn(&cluster, 0).await;
    let m = c.send(&metadata_for(&["fresh"], false), 12).await;
    assert_eq!(m.topics[0].error_code, ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0);
    let m = c.send(&metadata_for(&["fresh", "bad name"], true), 12).await;
    assert_eq!(m.topics[0].error_code, ErrorCode::LEADER_NOT_AVAILABLE.0);
    assert_eq!(m.topics[1].error_code, ErrorCode::INVALID_TOPIC_EXCEPTION.0);
    let m = c.send(&metadata_for(&["fresh"], true), 12).await;
    assert_eq!(m.topics[0].error_code, 0);
    assert_eq!(m.topics[0].partitions.len(), 4);
    // v0-3 cannot say no: they always allow auto-creation.
    let m = c.send(&metadata_for(&["old-client"], true), 3).await;
    assert_eq!(m.topics[0].error_code, ErrorCode::LEADER_NOT_AVAILABLE.0);
}

#[tokio::test]
async fn produce_and_fetch_every_codec_byte_identical() {
    let cluster = cluster(1).await;
    cluster.create_topic("codecs", 1).expect("created");
    let mut c = conn(&cluster, 0).await;
    let mut sent = Vec::new();
    let mut next_offset = 0;
    for (i, codec) in Compression::ALL.into_iter().enumerate() {
        let records = batch(codec, 3 + i, 1_700_000_000_000);
        let r = c.send(&produce("codecs", 0, -1, records.clone()), PRODUCE_V).await;
        let p = &r.responses[0].partition_responses[0];
        assert_eq!((p.error_code, p.base_offset), (0, next_offset), "{codec:?}");
        assert_eq!(p.log_append_time_ms, -1);
        next_offset += 3 + i as i64;
        sent.push(records);
    }
    let topic_id = {
        let m = c.send(&metadata_for(&["codecs"], false), 12).await;
        m.topics[0].topic_id
    };
    for (version, name, id) in
        [(FETCH_V, "codecs", Uuid::ZERO), (newest(ApiKey::Fetch), "", topic_id), (4, "codecs", Uuid::ZERO)]
    {
        let r = c.send(&fetch(name, id, 0, 0, 0, 0), version).await;
        let p = &r.responses[0].partitions[0];
        assert_eq!(p.error_code, 0, "v{version}");
        assert_eq!(p.high_watermark, next_offset);
        let records = p.records.clone().expect("records");
        let got: Vec<RecordBatch> = Batches::new(records)
            .map(|b| match b.expect("whole batch") {
                kfk_protocol::records::Batch::V2(b) => b,
                other => panic!("unexpected legacy batch {other:?}"),
            })
            .collect();
        assert_eq!(got.len(), sent.len());
        let mut expected_base = 0;
        for (stored, original) in got.iter().zip(&sent) {
            // Only the base offset and partition leader epoch (outside the CRC) are rewritten.
            assert_eq!(stored.as_bytes()[16..], original[16..]);
            assert_eq!(stored.header().base_offset, expected_base);
            assert_eq!(stored.header().partition_leader_epoch, 0);
            stored.verify_crc().expect("CRC intact");
            expected_base = stored.header().next_offset();
            assert_eq!(stored.records().expect("readable").count(), stored.header().record_count as usize);
        }
    }
    // Fetching from the middle of a batch returns that whole batch.
    let r = c.send(&fetch("codecs", Uuid::ZERO, 0, 4, 0, 0), FETCH_V).await;
    let first = Batches::new(r.responses[0].partitions[0].records.clone().expect("records"))
        .next()
        .expect("a batch")
        .expect("whole");
    assert_eq!(first.last_offset(), 6);
    // Beyond the end: OFFSET_OUT_OF_RANGE.
    let r = c.send(&fetch("codecs", Uuid::ZERO, 0, next_offset + 1, 0, 0), FETCH_V).await;
    assert_eq!(r.responses[0].partitions[0].error_code, ErrorCode::OFFSET_OUT_OF_RANGE.0);
}

#[tokio::test]
async fn produce_validates_like_kafka() {
    let cluster = cluster(2).await;
    cluster.create_topic("v", 2).expect("created");
    let mut c = conn(&cluster, 0).await;
    let code = |r: &ProduceResponse| r.responses[0].partition_responses[0].error_code;
    // Partition 1 is led by broker 1.
    let r = c.send(&produce("v", 1, 1, batch(Compression::None, 1, 0)), PRODUCE_V).await;
    assert_eq!(code(&r), ErrorCode::NOT_LEADER_OR_FOLLOWER.0);
    assert_eq!(r.responses[0].partition_responses[0].current_leader.leader_id, 1);
    assert_eq!(r.node_endpoints.len(), 1);
    let r = c.send(&produce("nope", 0, 1, batch(Compression::None, 1, 0)), PRODUCE_V).await;
    assert_eq!(code(&r), ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0);
    // A flipped bit in the records breaks the CRC.
    let mut corrupt = BytesMut::from(&batch(Compression::None, 2, 0)[..]);
    let last = corrupt.len() - 1;
    corrupt[last] ^= 0xff;
    let r = c.send(&produce("v", 0, 1, corrupt.freeze()), PRODUCE_V).await;
    assert_eq!(code(&r), ErrorCode::CORRUPT_MESSAGE.0);
    // Two batches in one partition.
    let mut two = BytesMut::from(&batch(Compression::None, 1, 0)[..]);
    two.extend_from_slice(&batch(Compression::None, 1, 0));
    let r = c.send(&produce("v", 0, 1, two.freeze()), PRODUCE_V).await;
    assert_eq!(code(&r), ErrorCode::INVALID_RECORD.0);
    // zstd needs Produce v7+.
    let r = c.send(&produce("v", 0, 1, batch(Compression::Zstd, 1, 0)), 6).await;
    assert_eq!(code(&r), ErrorCode::UNSUPPORTED_COMPRESSION_TYPE.0);
    // Timestamps more than an hour ahead.
    let future = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("clock").as_millis() as i64
        + 2 * 3_600_000;
    let r = c.send(&produce("v", 0, 1, batch(Compression::None, 1, future)), PRODUCE_V).await;
    assert_eq!(code(&r), ErrorCode::INVALID_TIMESTAMP.0);
    // Nothing was appended.
    let r = c.send(&list_offsets("v", 0, -1), 7).await;
    assert_eq!(r.topics[0].partitions[0].offset, 0);
}

#[tokio::test]
async fn log_append_time_topics_stamp_batches() {
    let cluster = cluster(1).await;
    let mut c = conn(&cluster, 0).await;
    let mut t = create_topic("lat", 1, 1);
    t.configs.push(CreatableTopicConfig {
        name: "message.timestamp.type".into(),
        value: Some("LogAppendTime".into()),
        ..Default::default()
    });
    assert_eq!(c.send(&CreateTopicsRequest { topics: vec![t], ..Default::default() }, 7).await.topics[0].error_code, 0);
    let r = c.send(&produce("lat", 0, 1, batch(Compression::Lz4, 2, 5)), PRODUCE_V).await;
    let append_time = r.responses[0].partition_responses[0].log_append_time_ms;
    assert!(append_time > 1_600_000_000_000);
    let f = c.send(&fetch("lat", Uuid::ZERO, 0, 0, 0, 0), FETCH_V).await;
    let b = RecordBatch::parse(f.responses[0].partitions[0].records.clone().expect("records")).expect("one batch");
    b.verify_crc().expect("CRC recomputed");
    assert_eq!(b.header().max_timestamp, append_time);
    assert!(b.records().expect("readable").all(|r| r.expect("record").timestamp == append_time));
}

#[tokio::test]
async fn acks_zero_gets_no_response_and_errors_close_the_connection() {
    let cluster = cluster(1).await;
    cluster.create_topic("a0", 1).expect("created");
    let mut c = conn(&cluster, 0).await;
    c.write(&produce("a0", 0, 0, batch(Compression::None, 1, 0)), PRODUCE_V).await;
    // The next frame answers the next request.
    let id = c.write(&api_versions_request(), 3).await;
    let r = c.read::<ApiVersionsRequest>(id, 3).await;
    assert_eq!(r.error_code, 0);
    let lo = c.send(&list_offsets("a0", 0, -1), 7).await;
    assert_eq!(lo.topics[0].partitions[0].offset, 1, "the acks=0 batch was appended");
    c.write(&produce("unknown", 0, 0, batch(Compression::None, 1, 0)), PRODUCE_V).await;
    assert!(c.is_closed().await);
}

#[tokio::test]
async fn produce_by_topic_id_in_v13() {
    let cluster = cluster(1).await;
    cluster.create_topic("ids", 1).expect("created");
    let mut c = conn(&cluster, 0).await;
    let id = c.send(&metadata_for(&["ids"], false), 12).await.topics[0].topic_id;
    let mut request = produce("", 0, -1, batch(Compression::None, 2, 0));
    request.topic_data[0].topic_id = id;
    let r = c.send(&request, 13).await;
    assert_eq!(r.responses[0].topic_id, id);
    assert_eq!(r.responses[0].partition_responses[0].error_code, 0);
    request.topic_data[0].topic_id = Uuid::from_u128(5);
    let r = c.send(&request, 13).await;
    assert_eq!(r.responses[0].partition_responses[0].error_code, ErrorCode::UNKNOWN_TOPIC_ID.0);
}

async fn init_producer_id(c: &mut Conn) -> i64 {
    let r = c
        .send(
            &InitProducerIdRequest {
                transactional_id: None,
                transaction_timeout_ms: -1,
                producer_id: -1,
                producer_epoch: -1,
                ..Default::default()
            },
            4,
        )
        .await;
    assert_eq!((r.error_code, r.producer_epoch), (0, 0));
    r.producer_id
}

#[tokio::test]
async fn idempotent_duplicate_returns_the_original_offset() {
    let cluster = cluster(1).await;
    cluster.create_topic("idem", 1).expect("created");
    let mut c = conn(&cluster, 0).await;
    let pid = init_producer_id(&mut c).await;
    assert_ne!(init_producer_id(&mut c).await, pid, "each InitProducerId gets a fresh id");
    let offsets = |r: ProduceResponse| {
        let p = &r.responses[0].partition_responses[0];
        (p.error_code, p.base_offset)
    };
    assert_eq!(offsets(c.send(&produce("idem", 0, -1, idempotent_batch(pid, 0, 0, 5)), PRODUCE_V).await), (0, 0));
    assert_eq!(offsets(c.send(&produce("idem", 0, -1, idempotent_batch(pid, 0, 5, 5)), PRODUCE_V).await), (0, 5));
    // Retries of either batch are acknowledged with their first offsets, not appended again.
    assert_eq!(offsets(c.send(&produce("idem", 0, -1, idempotent_batch(pid, 0, 0, 5)), PRODUCE_V).await), (0, 0));
    assert_eq!(offsets(c.send(&produce("idem", 0, -1, idempotent_batch(pid, 0, 5, 5)), PRODUCE_V).await), (0, 5));
    let lo = c.send(&list_offsets("idem", 0, -1), 7).await;
    assert_eq!(lo.topics[0].partitions[0].offset, 10);
}

#[tokio::test]
async fn sequence_gap_and_fenced_epoch_are_rejected() {
    let cluster = cluster(1).await;
    cluster.create_topic("seq", 1).expect("created");
    let mut c = conn(&cluster, 0).await;
    let pid = init_producer_id(&mut c).await;
    let code = |r: ProduceResponse| r.responses[0].partition_responses[0].error_code;
    assert_eq!(code(c.send(&produce("seq", 0, -1, idempotent_batch(pid, 1, 0, 2)), PRODUCE_V).await), 0);
    assert_eq!(
        code(c.send(&produce("seq", 0, -1, idempotent_batch(pid, 1, 5, 1)), PRODUCE_V).await),
        ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER.0
    );
    assert_eq!(
        code(c.send(&produce("seq", 0, -1, idempotent_batch(pid, 0, 2, 1)), PRODUCE_V).await),
        ErrorCode::INVALID_PRODUCER_EPOCH.0
    );
    assert_eq!(
        code(c.send(&produce("seq", 0, -1, idempotent_batch(pid, 2, 3, 1)), PRODUCE_V).await),
        ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER.0,
        "a new epoch starts at sequence 0"
    );
    assert_eq!(code(c.send(&produce("seq", 0, -1, idempotent_batch(pid, 2, 0, 1)), PRODUCE_V).await), 0);
    // An unknown producer id is accepted at any sequence (Kafka since KIP-360).
    assert_eq!(code(c.send(&produce("seq", 0, -1, idempotent_batch(pid + 100, 0, 17, 1)), PRODUCE_V).await), 0);
}

#[tokio::test]
async fn list_offsets_earliest_latest_max_and_by_timestamp() {
    let cluster = cluster(1).await;
    cluster.create_topic("lo", 1).expect("created");
    let mut c = conn(&cluster, 0).await;
    c.send(&produce("lo", 0, 1, batch(Compression::None, 3, 1000)), PRODUCE_V).await; // 0..=2 @ 1000..1002
    c.send(&produce("lo", 0, 1, batch(Compression::Gzip, 3, 5000)), PRODUCE_V).await; // 3..=5 @ 5000..5002
    c.send(&produce("lo", 0, 1, batch(Compression::None, 1, 2000)), PRODUCE_V).await; // 6 @ 2000
    let ask = |ts| list_offsets("lo", 0, ts);
    for version in [1, 4, 7, newest(ApiKey::ListOffsets)] {
        let get = |r: ListOffsetsResponse| {
            let p = &r.topics[0].partitions[0];
            (p.error_code, p.offset, p.timestamp)
        };
        assert_eq!(get(c.send(&ask(-2), version).await), (0, 0, -1));
        assert_eq!(get(c.send(&ask(-1), version).await), (0, 7, -1));
        assert_eq!(get(c.send(&ask(1001), version).await), (0, 1, 1001));
        assert_eq!(get(c.send(&ask(3000), version).await), (0, 3, 5000));
        assert_eq!(get(c.send(&ask(9000), version).await), (0, -1, -1));
        if version >= 7 {
            assert_eq!(get(c.send(&ask(-3), version).await), (0, 5, 5002));
        }
        if version >= 4 {
            assert_eq!(c.send(&ask(-1), version).await.topics[0].partitions[0].leader_epoch, 0);
        }
    }
    let r = c.send(&list_offsets("nope", 0, -1), 7).await;
    assert_eq!(r.topics[0].partitions[0].error_code, ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0);
    // OffsetForLeaderEpoch.
    let ofle = OffsetForLeaderEpochRequest {
        replica_id: -2,
        topics: vec![OffsetForLeaderTopic {
            topic: "lo".into(),
            partitions: vec![OffsetForLeaderPartition {
                partition: 0,
                current_leader_epoch: 0,
                leader_epoch: 0,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let r = c.send(&ofle, 4).await;
    let p = &r.topics[0].partitions[0];
    assert_eq!((p.error_code, p.leader_epoch, p.end_offset), (0, 0, 7));
}

#[tokio::test]
async fn retention_drops_the_oldest_batches() {
    let one = batch(Compression::None, 10, 0).len();
    let cluster = StubCluster::builder().retention_bytes_per_partition(one * 3).start().await.expect("starts");
    cluster.create_topic("small", 1).expect("created");
    let mut c = conn(&cluster, 0).await;
    for _ in 0..10 {
        c.send(&produce("small", 0, 1, batch(Compression::None, 10, 0)), PRODUCE_V).await;
    }
    let r = c.send(&list_offsets("small", 0, -2), 7).await;
    assert_eq!(r.topics[0].partitions[0].offset, 70);
    let r = c.send(&fetch("small", Uuid::ZERO, 0, 0, 0, 0), FETCH_V).await;
    assert_eq!(r.responses[0].partitions[0].error_code, ErrorCode::OFFSET_OUT_OF_RANGE.0);
    let r = c.send(&fetch("small", Uuid::ZERO, 0, 70, 0, 0), FETCH_V).await;
    assert_eq!(r.responses[0].partitions[0].log_start_offset, 70);
}

/// A topic's `retention.bytes` applies below the cluster's bound (never above it), also when
/// altered on a topic that already holds data.
#[tokio::test]
async fn topic_retention_bytes_stays_under_the_bound_and_applies_when_altered() {
    use kfk_protocol::messages::incremental_alter_configs::request::{AlterConfigsResource, AlterableConfig};
    let one = batch(Compression::None, 10, 0).len();
    let cluster = StubCluster::builder().retention_bytes_per_partition(one * 4).start().await.expect("starts");
    let mut c = conn(&cluster, 0).await;
    let mut unbounded = create_topic("big", 1, 1);
    unbounded.configs.push(CreatableTopicConfig {
        name: "retention.bytes".into(),
        value: Some((one * 1000).to_string()),
        ..Default::default()
    });
    let r = c.send(&CreateTopicsRequest { topics: vec![unbounded], timeout_ms: 5000, ..Default::default() }, 7).await;
    assert_eq!(r.topics[0].error_code, 0);
    for _ in 0..10 {
        c.send(&produce("big", 0, 1, batch(Compression::None, 10, 0)), PRODUCE_V).await;
    }
    let earliest = |r: ListOffsetsResponse| r.topics[0].partitions[0].offset;
    assert_eq!(earliest(c.send(&list_offsets("big", 0, -2), 7).await), 60, "the cluster's bound wins");
    let alter = IncrementalAlterConfigsRequest {
        resources: vec![AlterConfigsResource {
            resource_type: 2,
            resource_name: "big".into(),
            configs: vec![AlterableConfig {
                name: "retention.bytes".into(),
                config_operation: 0,
                value: Some((one * 2).to_string()),
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    assert_eq!(c.send(&alter, 1).await.responses[0].error_code, 0);
    assert_eq!(earliest(c.send(&list_offsets("big", 0, -2), 7).await), 80, "applied to the data already there");
}

#[tokio::test]
async fn fetch_honours_max_bytes_like_kafka() {
    let cluster = cluster(1).await;
    cluster.create_topic("mb", 2).expect("created");
    let mut c = conn(&cluster, 0).await;
    let one = batch(Compression::None, 5, 0);
    for p in 0..2 {
        for _ in 0..3 {
            c.send(&produce("mb", p, 1, one.clone()), PRODUCE_V).await;
        }
    }
    let mut request = fetch("mb", Uuid::ZERO, 0, 0, 0, 0);
    let mut second = request.topics[0].partitions[0].clone();
    second.partition = 1;
    request.topics[0].partitions.push(second);
    // A tiny limit: the first partition still returns one whole batch, the second nothing.
    request.max_bytes = 10;
    let r = c.send(&request, FETCH_V).await;
    let sizes: Vec<usize> =
        r.responses[0].partitions.iter().map(|p| p.records.as_ref().map_or(0, Bytes::len)).collect();
    assert_eq!(sizes, vec![one.len(), 0]);
    // partition_max_bytes cuts the last batch short, as Kafka's log read does.
    request.max_bytes = 50 << 20;
    for p in &mut request.topics[0].partitions {
        p.partition_max_bytes = (one.len() + 10) as i32;
    }
    let r = c.send(&request, FETCH_V).await;
    let sizes: Vec<usize> =
        r.responses[0].partitions.iter().map(|p| p.records.as_ref().map_or(0, Bytes::len)).collect();
    assert_eq!(sizes, vec![one.len() + 10, one.len() + 10]);
}

#[tokio::test]
async fn fetch_long_poll_waits_for_data_within_its_bound() {
    let cluster = cluster(1).await;
    cluster.create_topic("lp", 1).expect("created");
    let mut consumer = conn(&cluster, 0).await;
    // Nothing arrives: the fetch returns empty after max_wait_ms.
    let started = Instant::now();
    let r = consumer.send(&fetch("lp", Uuid::ZERO, 0, 0, 300, 1), FETCH_V).await;
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(280) && waited < Duration::from_secs(3), "{waited:?}");
    assert_eq!(r.responses[0].partitions[0].records.as_ref().map(Bytes::len), Some(0));
    // Data arrives while the fetch is parked: it returns right away with it.
    let mut producer = conn(&cluster, 0).await;
    let started = Instant::now();
    let id = consumer.write(&fetch("lp", Uuid::ZERO, 0, 0, 5000, 1), FETCH_V).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    producer.send(&produce("lp", 0, 1, batch(Compression::Snappy, 4, 0)), PRODUCE_V).await;
    let r = consumer.read::<FetchRequest>(id, FETCH_V).await;
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(180) && waited < Duration::from_secs(3), "{waited:?}");
    assert_eq!(r.responses[0].partitions[0].high_watermark, 4);
    assert!(r.responses[0].partitions[0].records.as_ref().is_some_and(|b| !b.is_empty()));
}

#[tokio::test]
async fn fetch_sessions_open_with_a_full_fetch_and_then_carry_only_news() {
    let cluster = cluster(1).await;
    cluster.create_topic("s", 2).expect("created");
    let mut c = conn(&cluster, 0).await;
    let mut request = fetch("s", Uuid::ZERO, 0, 0, 0, 0);
    request.topics[0].partitions.push(FetchPartition {
        partition: 1,
        partition_max_bytes: 10 << 20,
        ..Default::default()
    });
    request.session_epoch = 0; // a full fetch asking for a new session
    let r = c.send(&request, FETCH_V).await;
    assert_eq!(r.error_code, 0);
    assert_ne!(r.session_id, 0, "a session was opened");
    assert_eq!(r.responses[0].partitions.len(), 2, "a full response has every partition");
    let id = r.session_id;

    // Incremental, nothing changed: nothing in the response.
    let mut incremental = FetchRequest { session_id: id, session_epoch: 1, topics: vec![], ..request.clone() };
    let r = c.send(&incremental, FETCH_V).await;
    assert_eq!((r.error_code, r.session_id), (0, id));
    assert!(r.responses.is_empty(), "{r:?}");

    // Records on partition 1: only it comes back, though the request named no partition.
    let mut producer = conn(&cluster, 0).await;
    producer.send(&produce("s", 1, 1, batch(Compression::None, 3, 0)), PRODUCE_V).await;
    incremental.session_epoch = 2;
    let r = c.send(&incremental, FETCH_V).await;
    assert_eq!(r.error_code, 0);
    assert_eq!(r.responses.len(), 1);
    assert_eq!(r.responses[0].partitions.len(), 1);
    assert_eq!(r.responses[0].partitions[0].partition_index, 1);
    assert_eq!(r.responses[0].partitions[0].high_watermark, 3);

    // A replayed epoch, an unknown session.
    let r = c.send(&incremental, FETCH_V).await;
    assert_eq!(r.error_code, ErrorCode::INVALID_FETCH_SESSION_EPOCH.0);
    incremental.session_id = id.wrapping_add(1).max(1);
    incremental.session_epoch = 3;
    let r = c.send(&incremental, FETCH_V).await;
    assert_eq!(r.error_code, ErrorCode::FETCH_SESSION_ID_NOT_FOUND.0);
}

//! Every fault kind, and the request counters tests use to see retries.

mod common;

use std::time::{Duration, Instant};

use common::*;
use kfk_protocol::compression::Compression;
use kfk_protocol::messages::metadata::request::MetadataRequestTopic;
use kfk_protocol::messages::produce::request::PartitionProduceData;
use kfk_protocol::messages::*;
use kfk_protocol::ErrorCode;
use kfk_stub::{DropMode, ErrorFault, StubCluster};

fn metadata(topic: &str) -> MetadataRequest {
    MetadataRequest {
        topics: Some(vec![MetadataRequestTopic { name: Some(topic.into()), ..Default::default() }]),
        allow_auto_topic_creation: false,
        ..Default::default()
    }
}

async fn conn(cluster: &StubCluster, broker: i32) -> Conn {
    Conn::connect(cluster.broker_addr(broker).expect("broker exists")).await.expect("connect")
}

fn produce_code(r: &ProduceResponse) -> i16 {
    r.responses[0].partition_responses[0].error_code
}

#[tokio::test]
async fn error_fault_answers_the_next_n_requests_and_counters_see_them() {
    let cluster = StubCluster::builder().brokers(2).start().await.expect("starts");
    cluster.create_topic("t", 1).expect("created");
    cluster.faults().fail_next(ApiKey::Metadata, 2, ErrorCode::REQUEST_TIMED_OUT.0);
    let mut c = conn(&cluster, 0).await;
    for _ in 0..2 {
        let m = c.send(&metadata("t"), 12).await;
        assert_eq!(m.topics[0].error_code, ErrorCode::REQUEST_TIMED_OUT.0);
        assert_eq!(m.brokers.len(), 2);
    }
    assert_eq!(c.send(&metadata("t"), 12).await.topics[0].error_code, 0);
    assert_eq!(cluster.request_count(ApiKey::Metadata), 3);
    assert_eq!(cluster.broker_request_count(0, ApiKey::Metadata), 3);
    assert_eq!(cluster.broker_request_count(1, ApiKey::Metadata), 0);

    // Only on broker 1.
    cluster.faults().inject(ErrorFault::new(ApiKey::Metadata, ErrorCode::REQUEST_TIMED_OUT.0).on_broker(1));
    assert_eq!(c.send(&metadata("t"), 12).await.topics[0].error_code, 0);
    let mut c1 = conn(&cluster, 1).await;
    assert_eq!(c1.send(&metadata("t"), 12).await.topics[0].error_code, ErrorCode::REQUEST_TIMED_OUT.0);

    // A faulted Produce is not appended.
    cluster.faults().fail_next(ApiKey::Produce, 1, ErrorCode::NOT_LEADER_OR_FOLLOWER.0);
    let r = c.send(&produce("t", 0, -1, batch(Compression::None, 1, 0)), PRODUCE_V).await;
    assert_eq!(produce_code(&r), ErrorCode::NOT_LEADER_OR_FOLLOWER.0);
    let r = c.send(&produce("t", 0, -1, batch(Compression::None, 1, 0)), PRODUCE_V).await;
    assert_eq!(r.responses[0].partition_responses[0].base_offset, 0);
}

#[tokio::test]
async fn partition_fault_hits_only_that_partition() {
    let cluster = StubCluster::builder().start().await.expect("starts");
    cluster.create_topic("p", 2).expect("created");
    cluster.faults().inject(ErrorFault::new(ApiKey::Produce, ErrorCode::NOT_LEADER_OR_FOLLOWER.0).on_partition("p", 1));
    let mut c = conn(&cluster, 0).await;
    let mut request = produce("p", 0, -1, batch(Compression::None, 1, 0));
    request.topic_data[0].partition_data.push(PartitionProduceData {
        index: 1,
        records: Some(batch(Compression::None, 1, 0)),
        ..Default::default()
    });
    let r = c.send(&request, PRODUCE_V).await;
    let codes: Vec<i16> = r.responses[0].partition_responses.iter().map(|p| p.error_code).collect();
    assert_eq!(codes, vec![0, ErrorCode::NOT_LEADER_OR_FOLLOWER.0]);
    let r = c.send(&request, PRODUCE_V).await;
    let codes: Vec<i16> = r.responses[0].partition_responses.iter().map(|p| p.error_code).collect();
    assert_eq!(codes, vec![0, 0], "the fault was used up");
}

#[tokio::test]
async fn delay_and_latency_hold_responses() {
    let cluster = StubCluster::builder().brokers(2).start().await.expect("starts");
    let faults = cluster.faults();
    faults.delay(ApiKey::Metadata, Duration::from_millis(300));
    let mut c = conn(&cluster, 0).await;
    let started = Instant::now();
    c.send(&metadata("x"), 12).await;
    assert!(started.elapsed() >= Duration::from_millis(290));
    faults.delay(ApiKey::Metadata, Duration::ZERO);
    faults.latency(1, Duration::from_millis(200));
    let started = Instant::now();
    c.send(&metadata("x"), 12).await;
    assert!(started.elapsed() < Duration::from_millis(200));
    let mut c1 = conn(&cluster, 1).await;
    let started = Instant::now();
    c1.send(&metadata("x"), 12).await;
    assert!(started.elapsed() >= Duration::from_millis(190));
    faults.clear();
    let started = Instant::now();
    c1.send(&metadata("x"), 12).await;
    assert!(started.elapsed() < Duration::from_millis(190));
}

#[tokio::test]
async fn drop_connections_closes_them_now() {
    let cluster = StubCluster::builder().start().await.expect("starts");
    let mut c = conn(&cluster, 0).await;
    c.send(&metadata("x"), 12).await;
    cluster.faults().drop_connections(0).expect("broker 0");
    assert!(c.is_closed().await);
    // The listener still accepts.
    let mut c = conn(&cluster, 0).await;
    c.send(&metadata("x"), 12).await;
}

#[tokio::test]
async fn drop_after_next_loses_the_response_and_the_retry_is_a_duplicate() {
    let cluster = StubCluster::builder().start().await.expect("starts");
    cluster.create_topic("d", 1).expect("created");
    let faults = cluster.faults();
    let mut c = conn(&cluster, 0).await;
    let pid = c
        .send(
            &InitProducerIdRequest {
                transactional_id: None,
                producer_id: -1,
                producer_epoch: -1,
                transaction_timeout_ms: -1,
                ..Default::default()
            },
            4,
        )
        .await
        .producer_id;
    assert!(pid >= 0);
    // Handled, then the connection drops: the batch is in the log but unacknowledged.
    faults.drop_after_next(ApiKey::Produce, Some(0), DropMode::AfterHandling);
    c.write(&produce("d", 0, -1, idempotent_batch(pid, 0, 0, 3)), PRODUCE_V).await;
    assert!(c.is_closed().await);
    let mut c = conn(&cluster, 0).await;
    let r = c.send(&produce("d", 0, -1, idempotent_batch(pid, 0, 0, 3)), PRODUCE_V).await;
    assert_eq!((produce_code(&r), r.responses[0].partition_responses[0].base_offset), (0, 0));
    // Dropped before handling: nothing happens.
    faults.drop_after_next(ApiKey::Produce, None, DropMode::BeforeHandling);
    c.write(&produce("d", 0, -1, idempotent_batch(pid, 0, 3, 1)), PRODUCE_V).await;
    assert!(c.is_closed().await);
    let mut c = conn(&cluster, 0).await;
    let r = c.send(&produce("d", 0, -1, idempotent_batch(pid, 0, 3, 1)), PRODUCE_V).await;
    assert_eq!((produce_code(&r), r.responses[0].partition_responses[0].base_offset), (0, 3));
    assert_eq!(cluster.request_count(ApiKey::Produce), 4);
}

#[tokio::test]
async fn stopped_broker_fails_over_and_comes_back_on_its_port() {
    let cluster = StubCluster::builder().brokers(3).start().await.expect("starts");
    cluster.create_topic("f", 3).expect("created");
    assert_eq!(cluster.leader("f", 0).expect("exists"), (0, 0));
    let faults = cluster.faults();
    let mut c0 = conn(&cluster, 0).await;
    // A fetch parked on broker 0 ends when the broker stops.
    let parked = c0
        .write(
            &FetchRequest {
                max_wait_ms: 5000,
                min_bytes: 1,
                max_bytes: 1 << 20,
                topics: vec![kfk_protocol::messages::fetch::request::FetchTopic {
                    topic: "f".into(),
                    partitions: vec![kfk_protocol::messages::fetch::request::FetchPartition {
                        partition: 0,
                        partition_max_bytes: 1 << 20,
                        ..Default::default()
                    }],
                    ..Default::default()
                }],
                ..Default::default()
            },
            FETCH_V,
        )
        .await;
    let _ = parked;
    faults.stop_broker(0).await.expect("stops");
    assert!(c0.is_closed().await);
    assert!(Conn::connect(cluster.broker_addr(0).expect("exists")).await.is_err());
    let (leader, epoch) = cluster.leader("f", 0).expect("exists");
    assert_eq!((leader, epoch), (1, 1));
    let mut c1 = conn(&cluster, 1).await;
    let m = c1.send(&metadata("f"), 12).await;
    assert_eq!(m.brokers.len(), 2);
    let p0 = &m.topics[0].partitions[0];
    assert_eq!(
        (p0.leader_id, p0.leader_epoch, p0.isr_nodes.clone(), p0.offline_replicas.clone()),
        (1, 1, vec![1, 2], vec![0])
    );
    let r = c1.send(&produce("f", 0, -1, batch(Compression::None, 1, 0)), PRODUCE_V).await;
    assert_eq!(produce_code(&r), 0);

    faults.restart_broker(0).await.expect("restarts");
    let mut c0 = conn(&cluster, 0).await;
    let r = c0.send(&produce("f", 0, -1, batch(Compression::None, 1, 0)), PRODUCE_V).await;
    assert_eq!(produce_code(&r), ErrorCode::NOT_LEADER_OR_FOLLOWER.0, "leadership does not move back by itself");
    assert_eq!(faults.elect_preferred_leaders(), 1, "f-0 goes back to its preferred replica");
    assert_eq!(cluster.leader("f", 0).expect("exists"), (0, 2));
    assert_eq!(faults.elect_preferred_leaders(), 0, "nothing left to move");
    let r = c0.send(&produce("f", 0, -1, batch(Compression::None, 1, 0)), PRODUCE_V).await;
    assert_eq!((produce_code(&r), r.responses[0].partition_responses[0].base_offset), (0, 1));
    faults.move_leader("f", 0, 1).expect("1 is a replica");
    assert_eq!(cluster.leader("f", 0).expect("exists"), (1, 3));
    assert!(faults.move_leader("f", 0, 7).is_err(), "7 is not a replica of f-0");
}

#[tokio::test]
async fn kip848_and_partition_scoped_faults_answer_with_the_error() {
    let cluster = StubCluster::builder().start().await.expect("starts");
    cluster.create_topic("d", 2).expect("created");
    let mut c = conn(&cluster, 0).await;
    cluster.faults().fail_next(ApiKey::ConsumerGroupHeartbeat, 1, ErrorCode::COORDINATOR_NOT_AVAILABLE.0);
    let hb = ConsumerGroupHeartbeatRequest {
        group_id: "g".into(),
        member_id: "m-1".into(),
        member_epoch: 0,
        rebalance_timeout_ms: 10_000,
        subscribed_topic_names: Some(vec!["d".into()]),
        ..Default::default()
    };
    let r = c.send(&hb, 0).await;
    assert_eq!(r.error_code, ErrorCode::COORDINATOR_NOT_AVAILABLE.0, "answered, not a closed connection");
    cluster.faults().fail_next(ApiKey::ConsumerGroupDescribe, 1, ErrorCode::NOT_COORDINATOR.0);
    let r = c.send(&ConsumerGroupDescribeRequest { group_ids: vec!["g".into()], ..Default::default() }, 0).await;
    assert_eq!(r.groups[0].error_code, ErrorCode::NOT_COORDINATOR.0);

    // DeleteRecords: only the faulted partition fails; the other's log start moves.
    for p in 0..2 {
        c.send(&produce("d", p, -1, batch(Compression::None, 3, 0)), PRODUCE_V).await;
    }
    cluster
        .faults()
        .inject(ErrorFault::new(ApiKey::DeleteRecords, ErrorCode::NOT_LEADER_OR_FOLLOWER.0).on_partition("d", 1));
    use kfk_protocol::messages::delete_records::request::{DeleteRecordsPartition, DeleteRecordsTopic};
    let request = DeleteRecordsRequest {
        topics: vec![DeleteRecordsTopic {
            name: "d".into(),
            partitions: (0..2)
                .map(|p| DeleteRecordsPartition { partition_index: p, offset: 2, ..Default::default() })
                .collect(),
            ..Default::default()
        }],
        timeout_ms: 1000,
        ..Default::default()
    };
    let r = c.send(&request, 2).await;
    let codes: Vec<(i16, i64)> = r.topics[0].partitions.iter().map(|p| (p.error_code, p.low_watermark)).collect();
    assert_eq!(codes, vec![(0, 2), (ErrorCode::NOT_LEADER_OR_FOLLOWER.0, -1)]);
}

#[tokio::test]
async fn delayed_answers_come_after_the_effect() {
    let cluster = StubCluster::builder().brokers(1).auto_create_topics(true).start().await.expect("starts");
    cluster.faults().delay_answers(ApiKey::Metadata, Duration::from_millis(1500));
    let mut slow = conn(&cluster, 0).await;
    let started = Instant::now();
    // Auto-creation is the Metadata request's effect: the topic exists before the answer comes.
    let mut request = metadata("auto");
    request.allow_auto_topic_creation = true;
    let answer = tokio::spawn(async move { slow.send(&request, 12).await });
    let deadline = Instant::now() + Duration::from_secs(1);
    while cluster.leader("auto", 0).is_err() {
        assert!(Instant::now() < deadline, "the request took no effect before its answer");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(!answer.is_finished(), "the answer is held");
    let m = answer.await.expect("answer");
    assert!(started.elapsed() >= Duration::from_millis(1450));
    // As from Kafka, the request that creates a topic answers that its leader is not there yet.
    assert_eq!(m.topics[0].error_code, ErrorCode::LEADER_NOT_AVAILABLE.0);
}

//! What one client can make the stub hold (issue 13): partitions per request and per cluster,
//! idle and slow connections, and the cluster lock during produce validation.

mod common;

use std::time::{Duration, Instant};

use common::*;
use kfk_protocol::messages::create_partitions::request::CreatePartitionsTopic;
use kfk_protocol::messages::create_topics::request::CreatableTopic;
use kfk_protocol::messages::metadata::request::MetadataRequestTopic;
use kfk_protocol::messages::*;
use kfk_protocol::ErrorCode;
use kfk_stub::StubCluster;

fn topic(name: &str, partitions: i32) -> CreatableTopic {
    CreatableTopic { name: name.into(), num_partitions: partitions, replication_factor: -1, ..Default::default() }
}

fn create_topics(topics: Vec<CreatableTopic>) -> CreateTopicsRequest {
    CreateTopicsRequest { topics, timeout_ms: 5000, ..Default::default() }
}

fn grow(topics: &[(&str, i32)]) -> CreatePartitionsRequest {
    CreatePartitionsRequest {
        topics: topics
            .iter()
            .map(|&(name, count)| CreatePartitionsTopic {
                name: name.into(),
                count,
                assignments: None,
                ..Default::default()
            })
            .collect(),
        timeout_ms: 5000,
        ..Default::default()
    }
}

fn metadata(names: &[&str]) -> MetadataRequest {
    MetadataRequest {
        topics: Some(
            names.iter().map(|n| MetadataRequestTopic { name: Some((*n).into()), ..Default::default() }).collect(),
        ),
        allow_auto_topic_creation: true,
        ..Default::default()
    }
}

/// Partition counts in the billions used to abort the process (an allocation of tens of GB)
/// or take it past GiBs of memory; with the default bounds they are refused at once.
#[tokio::test]
async fn huge_partition_counts_are_refused_with_the_default_bounds() {
    let cluster = StubCluster::builder().start().await.expect("stub starts");
    let mut c = Conn::connect(cluster.broker_addr(0).expect("broker 0")).await.expect("connect");
    let v = newest(ApiKey::CreateTopics);

    let r = c.send(&create_topics(vec![topic("huge", 2_000_000_000), topic("small", 1)]), v).await;
    let codes: Vec<i16> = r.topics.iter().map(|t| t.error_code).collect();
    assert_eq!(codes, vec![ErrorCode::POLICY_VIOLATION.0; 2], "the whole request is refused, as Kafka does");
    let message = r.topics[0].error_message.as_deref().unwrap_or_default();
    assert!(message.contains("limit 10000"), "the message names the limit: {message}");

    // Many topics whose sum overflows an i32 are refused too.
    let many = (0..4).map(|i| topic(&format!("t{i}"), i32::MAX)).collect();
    let r = c.send(&create_topics(many), v).await;
    assert!(r.topics.iter().all(|t| t.error_code == ErrorCode::POLICY_VIOLATION.0));

    let r = c.send(&create_topics(vec![topic("small", 1)]), v).await;
    assert_eq!(r.topics[0].error_code, 0);
    let r = c.send(&grow(&[("small", i32::MAX)]), newest(ApiKey::CreatePartitions)).await;
    assert_eq!(r.results[0].error_code, ErrorCode::POLICY_VIOLATION.0);
    let m = c.send(&metadata(&["small", "huge"]), 12).await;
    assert_eq!(m.topics[0].partitions.len(), 1);
    assert_eq!(m.topics[1].error_code, ErrorCode::LEADER_NOT_AVAILABLE.0, "auto-created just now, not before");
}

#[tokio::test]
async fn partition_bounds_per_request_and_per_cluster_are_configurable() {
    let cluster =
        StubCluster::builder().max_partitions_per_request(100).max_partitions(149).start().await.expect("stub starts");
    let mut c = Conn::connect(cluster.broker_addr(0).expect("broker 0")).await.expect("connect");
    let v = newest(ApiKey::CreateTopics);
    let pv = newest(ApiKey::CreatePartitions);

    // Per request: 101 in total is refused for every topic, 100 is fine.
    let r = c.send(&create_topics(vec![topic("a", 60), topic("b", 41)]), v).await;
    assert!(r.topics.iter().all(|t| t.error_code == ErrorCode::POLICY_VIOLATION.0));
    let r = c.send(&create_topics(vec![topic("a", 60), topic("b", 40)]), v).await;
    assert!(r.topics.iter().all(|t| t.error_code == 0), "{:?}", r.topics);

    // Per cluster (100 held): the topic that does not fit is refused alone.
    let r = c.send(&create_topics(vec![topic("c", 51), topic("d", 49)]), v).await;
    let codes: Vec<i16> = r.topics.iter().map(|t| t.error_code).collect();
    assert_eq!(codes, vec![ErrorCode::POLICY_VIOLATION.0, 0]);
    let message = r.topics[0].error_message.as_deref().unwrap_or_default();
    assert!(message.contains("limit of 149"), "{message}");

    // The cluster is full (149): more partitions and auto-creation are refused.
    let r = c.send(&grow(&[("a", 61), ("b", 39)]), pv).await;
    let codes: Vec<i16> = r.results.iter().map(|t| t.error_code).collect();
    assert_eq!(codes, vec![ErrorCode::POLICY_VIOLATION.0, ErrorCode::INVALID_PARTITIONS.0], "{:?}", r.results);
    let m = c.send(&metadata(&["auto"]), 12).await;
    assert_eq!(m.topics[0].error_code, ErrorCode::POLICY_VIOLATION.0);

    // Deleting a topic makes room; CreatePartitions counts per request too.
    let del = DeleteTopicsRequest { topic_names: vec!["d".into()], timeout_ms: 5000, ..Default::default() };
    assert_eq!(c.send(&del, 5).await.responses[0].error_code, 0);
    let r = c.send(&grow(&[("a", 120), ("b", 81)]), pv).await;
    assert!(r.results.iter().all(|t| t.error_code == ErrorCode::POLICY_VIOLATION.0), "101 in one request");
    let r = c.send(&grow(&[("a", 109)]), pv).await;
    assert_eq!(r.results[0].error_code, 0);
    let m = c.send(&metadata(&["a"]), 12).await;
    assert_eq!(m.topics[0].partitions.len(), 109);

    // The direct API keeps the same bounds.
    assert!(cluster.create_topic("direct", 1).is_err(), "the cluster holds 149");
}

/// Whether the stub closes `stream` within `within` (reading whatever it sends meanwhile).
async fn closed_within(stream: &mut tokio::net::TcpStream, within: Duration) -> bool {
    use tokio::io::AsyncReadExt;
    let mut buf = [0u8; 1024];
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
            Err(_) => return false,
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => {}
        }
    }
}

#[tokio::test]
async fn idle_connections_are_closed_and_busy_ones_are_not() {
    let idle = Duration::from_millis(400);
    let cluster = StubCluster::builder().connections_max_idle(idle).start().await.expect("stub starts");
    cluster.create_topic("t", 1).expect("created");
    let addr = cluster.broker_addr(0).expect("broker 0");
    let started = Instant::now();
    let mut silent = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let mut busy = Conn::connect(addr).await.expect("connect");
    let mut parked = Conn::connect(addr).await.expect("connect");

    // A Fetch parked for 3 idle periods is a request being served, not idleness.
    let fetch = kfk_protocol::messages::FetchRequest {
        replica_id: -1,
        max_wait_ms: 3 * idle.as_millis() as i32,
        min_bytes: 1,
        max_bytes: 1 << 20,
        topics: vec![kfk_protocol::messages::fetch::request::FetchTopic {
            topic: "t".into(),
            partitions: vec![kfk_protocol::messages::fetch::request::FetchPartition {
                partition: 0,
                fetch_offset: 0,
                partition_max_bytes: 1 << 20,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let fetch_id = parked.write(&fetch, FETCH_V).await;
    assert!(!closed_within(&mut silent, idle / 2).await, "not closed before it was idle long enough");

    // A connection sending a request every quarter idle period stays open throughout.
    while started.elapsed() < 3 * idle {
        let r = busy.send(&metadata(&["t"]), 12).await;
        assert_eq!(r.topics[0].error_code, 0);
        tokio::time::sleep(idle / 4).await;
    }
    let fetched = parked.read::<kfk_protocol::messages::FetchRequest>(fetch_id, FETCH_V).await;
    assert_eq!(fetched.error_code, 0, "the parked fetch is answered when its wait ends");
    assert!(!parked.has_response_within(Duration::from_millis(1)).await, "and its connection is open");
    assert_eq!(parked.send(&metadata(&["t"]), 12).await.topics[0].error_code, 0);

    // The silent one was closed after about one idle period.
    assert!(closed_within(&mut silent, Duration::from_millis(1)).await, "the idle connection is closed");
    assert!(!busy.is_closed_now().await, "the busy connection is open");
}

#[tokio::test]
async fn a_request_trickling_in_is_closed_after_the_read_timeout() {
    use tokio::io::AsyncWriteExt;
    let read_timeout = Duration::from_millis(500);
    let cluster = StubCluster::builder()
        .request_read_timeout(read_timeout)
        .connections_max_idle(Duration::from_secs(60))
        .start()
        .await
        .expect("stub starts");
    let addr = cluster.broker_addr(0).expect("broker 0");
    let mut frame = bytes::BytesMut::new();
    kfk_protocol::frame::encode_request(&mut frame, 1, Some("slow"), &metadata(&["t"]), 12).expect("encodes");
    let mut slow = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let started = Instant::now();
    let mut sent = 0;
    // One byte every 100 ms: the whole request would take seconds.
    for byte in frame.iter() {
        if slow.write_all(&[*byte]).await.is_err() || closed_within(&mut slow, Duration::from_millis(100)).await {
            break;
        }
        sent += 1;
    }
    let elapsed = started.elapsed();
    assert!(sent < frame.len(), "the stub read the whole trickled request ({sent} bytes in {elapsed:?})");
    assert!(elapsed >= read_timeout, "closed after the read timeout, not before: {elapsed:?}");
    assert!(elapsed < read_timeout * 4, "closed soon after the read timeout: {elapsed:?}");

    // A request sent at once on another connection is served as usual.
    let mut fast = Conn::connect(addr).await.expect("connect");
    assert_eq!(fast.send(&metadata(&["t"]), 12).await.topics.len(), 1);
}

/// A valid batch of one record whose value is `size` zero bytes: a few KiB on the wire, `size`
/// bytes once decompressed.
fn bomb(codec: kfk_protocol::compression::Compression, size: usize) -> bytes::Bytes {
    let mut b = kfk_protocol::records::RecordBatchBuilder::new(codec);
    b.append(now_ms(), None, Some(&vec![0u8; size])).expect("append");
    b.build().expect("build")
}

fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// What the flooding clients of [`flood_and_probe`] send.
#[derive(Clone)]
enum Flood {
    /// Produce this batch to `bombs`-0.
    Produce(bytes::Bytes),
    /// Look up timestamp 0 in `bombs`-0 (its first batch, a bomb, is read).
    ListOffsets,
}

const FLOODERS: usize = 3;
const PROBES: usize = 12;

/// Alternately a Metadata and a small produce, from a client of its own; their latency.
async fn probe(c: &mut Conn, i: usize) -> Duration {
    let t = Instant::now();
    if i.is_multiple_of(2) {
        assert_eq!(c.send(&metadata(&["t"]), 12).await.topics[0].error_code, 0);
    } else {
        let small = batch(kfk_protocol::compression::Compression::None, 1, now_ms());
        let r = c.send(&produce("t", 0, 1, small), PRODUCE_V).await;
        assert_eq!(r.responses[0].partition_responses[0].error_code, 0);
    }
    t.elapsed()
}

/// The median latency of [`probe`] while `FLOODERS` clients send `flood` back to back.
async fn flood_and_probe(cluster: &StubCluster, flood: Flood, prober: &mut Conn) -> Duration {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let addr = cluster.broker_addr(0).expect("broker 0");
    let api = match flood {
        Flood::Produce(_) => ApiKey::Produce,
        Flood::ListOffsets => ApiKey::ListOffsets,
    };
    let before = cluster.request_count(api);
    let stop = Arc::new(AtomicBool::new(false));
    let mut flooders = tokio::task::JoinSet::new();
    for _ in 0..FLOODERS {
        let (stop, flood) = (stop.clone(), flood.clone());
        let mut c = Conn::connect(addr).await.expect("connect");
        flooders.spawn(async move {
            let mut sent = 0;
            // Bounded in count as well as by the flag.
            while !stop.load(Ordering::Relaxed) && sent < 20 {
                match &flood {
                    Flood::Produce(bomb) => {
                        let r = c.send(&produce("bombs", 0, 1, bomb.clone()), PRODUCE_V).await;
                        let code = r.responses[0].partition_responses[0].error_code;
                        assert_eq!(code, 0, "a bomb under 64 MiB is valid");
                    }
                    Flood::ListOffsets => {
                        let lookup = ListOffsetsRequest {
                            replica_id: -1,
                            topics: vec![kfk_protocol::messages::list_offsets::request::ListOffsetsTopic {
                                name: "bombs".into(),
                                partitions: vec![kfk_protocol::messages::list_offsets::request::ListOffsetsPartition {
                                    partition_index: 0,
                                    timestamp: 0,
                                    ..Default::default()
                                }],
                                ..Default::default()
                            }],
                            ..Default::default()
                        };
                        let r = c.send(&lookup, newest(ApiKey::ListOffsets)).await;
                        assert_eq!(r.topics[0].partitions[0].offset, 0, "the first bomb");
                    }
                }
                sent += 1;
            }
        });
    }
    // Let every flooder's first request reach the stub.
    let deadline = Instant::now() + TIMEOUT;
    while cluster.request_count(api) < before + FLOODERS as u64 {
        assert!(Instant::now() < deadline, "the flood started");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let mut flooded = Vec::new();
    for i in 0..PROBES {
        flooded.push(probe(prober, i).await);
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    stop.store(true, Ordering::Relaxed);
    while let Some(done) = flooders.join_next().await {
        done.expect("flooder ran");
    }
    median(flooded)
}

/// Produce checks (decompression included) used to run under the cluster-wide lock, and so did
/// ListOffsets timestamp lookups (which read a batch's records): while a few clients sent
/// decompression bombs, or looked timestamps up in them, every other client's request waited,
/// for seconds. Now a small request is served about as fast as on an idle stub.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn decompression_bombs_do_not_stall_other_clients() {
    let cluster = StubCluster::builder().start().await.expect("stub starts");
    cluster.create_topic("bombs", 1).expect("created");
    cluster.create_topic("t", 1).expect("created");
    let addr = cluster.broker_addr(0).expect("broker 0");
    // 48 MiB of zeros in 48 KiB of gzip, built once (building is slow in debug builds).
    let bomb = tokio::task::spawn_blocking(|| bomb(kfk_protocol::compression::Compression::Gzip, 48 << 20))
        .await
        .expect("built");
    let mut prober = Conn::connect(addr).await.expect("connect");
    let mut baseline = Vec::new();
    for i in 0..PROBES {
        baseline.push(probe(&mut prober, i).await);
    }
    let baseline = median(baseline);

    for flood in [Flood::Produce(bomb), Flood::ListOffsets] {
        let name = match flood {
            Flood::Produce(_) => "producing bombs",
            Flood::ListOffsets => "looking timestamps up in bombs",
        };
        let flooded = flood_and_probe(&cluster, flood, &mut prober).await;
        eprintln!("baseline {baseline:?}, with {FLOODERS} clients {name}: {flooded:?}");
        assert!(
            flooded <= baseline * 20,
            "small requests took {flooded:?} (median) while {FLOODERS} clients were {name}, {baseline:?} on an idle stub"
        );
    }
}

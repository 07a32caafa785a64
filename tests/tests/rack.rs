//! Rack-aware follower fetching (KIP-392): a consumer with `client.rack` reads a partition from
//! the follower its leader names (`preferred_read_replica`), every record once and in order,
//! and goes back to the leader when the follower answers an error, losing nothing.
//!
//! The stub tests run their own 3-broker stub with racks "a", "b", "c" and the rack-aware
//! replica selector, whatever the backend. With the real-broker backend (`TEST_BACKEND=kafka`,
//! a JDK and Maven), `a_real_cluster_sends_the_consumer_to_its_rack` also starts its own
//! 3-node Kafka on ports 9700-9702 with `replica.selector.class` and a `broker.rack` per node
//! (ignored until it has been run against a real cluster: `-- --ignored`).

use std::time::Duration;

use kfk_client::config::{ConsumerConfig, OffsetReset};
use kfk_client::consumer::Consumer;
use kfk_protocol::messages::ApiKey;
use kfk_protocol::ErrorCode;
use kfk_stub::{ErrorFault, StubCluster};
use tests::delivery::Ledger;
use tests::produce::produce;
use tests::read::{poll_exactly, ReadRecord};
use tests::unique_topic;

const PARTITIONS: i32 = 3;
/// The consumer's rack: broker 1's.
const RACK: &str = "b";
const FOLLOWER: i32 = 1;

struct Setup {
    stub: StubCluster,
    topic: String,
    consumer: Consumer,
    /// A partition led by a broker outside the consumer's rack (so read from [`FOLLOWER`]).
    remote: i32,
    /// Its leader.
    remote_leader: i32,
}

async fn setup(selector: bool) -> Setup {
    let stub = StubCluster::builder()
        .brokers(3)
        .default_replication_factor(3)
        .racks(["a", RACK, "c"])
        .rack_aware_replica_selector(selector)
        .start()
        .await
        .expect("the stub starts");
    let topic = unique_topic("rack");
    stub.create_topic(&topic, PARTITIONS).expect("topic created");
    let (remote, remote_leader) = (0..PARTITIONS)
        .map(|p| (p, stub.leader(&topic, p).expect("partition exists").0))
        .find(|(_, leader)| *leader != FOLLOWER)
        .expect("some partition is led outside the consumer's rack");
    let mut config = ConsumerConfig::new(stub.bootstrap());
    config.auto_offset_reset = OffsetReset::Earliest;
    config.fetch_max_wait = Duration::from_millis(100);
    config.max_poll_records = 200;
    config.client_rack = RACK.to_owned();
    let consumer = Consumer::new(config).expect("consumer");
    consumer.assign((0..PARTITIONS).map(|p| (topic.as_str(), p)));
    Setup { stub, topic, consumer, remote, remote_leader }
}

/// Produces `n` records and reads them back, checking each arrives once and in order.
async fn round(s: &Setup, n: usize) {
    let mut ledger = Ledger::default();
    produce(&s.stub.bootstrap(), &s.topic, n, &mut ledger).await;
    let reads: Vec<ReadRecord> = poll_exactly(&s.consumer, n).await.iter().map(ReadRecord::from).collect();
    let report = ledger.check(&reads);
    assert!(report.is_clean() && report.read == n, "{report}");
}

fn fetches(stub: &StubCluster) -> [u64; 3] {
    [0, 1, 2].map(|b| stub.broker_request_count(b, ApiKey::Fetch))
}

#[tokio::test]
async fn metadata_reports_racks() {
    let s = setup(true).await;
    s.consumer.cluster().refresh().await.expect("metadata");
    let metadata = s.consumer.cluster().metadata();
    let racks: Vec<Option<&str>> = (0..3).map(|b| metadata.brokers[&b].rack.as_deref()).collect();
    assert_eq!(racks, [Some("a"), Some(RACK), Some("c")]);
    s.consumer.close().await;
}

#[tokio::test]
async fn a_consumer_reads_from_the_follower_in_its_rack() {
    let s = setup(true).await;
    // The first round finds the preferred replicas (the leaders outside rack b redirect).
    round(&s, 600).await;
    let before = fetches(&s.stub);
    round(&s, 600).await;
    let after = fetches(&s.stub);
    // Every partition now reads from broker 1: in its rack, and a replica of every partition.
    for b in [0, 2] {
        assert_eq!(after[b], before[b], "broker {b} (not in rack {RACK}) got fetches: {before:?} then {after:?}");
    }
    assert!(after[1] > before[1], "the follower served no fetch: {before:?} then {after:?}");
    let stats = s.consumer.fetch_stats();
    assert!(stats.follower_fetches > 0, "{stats:?}");
    s.consumer.close().await;
}

#[tokio::test]
async fn without_the_rack_aware_selector_the_leaders_serve() {
    let s = setup(false).await;
    round(&s, 600).await;
    let before = fetches(&s.stub);
    round(&s, 600).await;
    let after = fetches(&s.stub);
    assert!(
        after[s.remote_leader as usize] > before[s.remote_leader as usize],
        "the leader of partition {} was not fetched from: {before:?} then {after:?}",
        s.remote
    );
    assert_eq!(s.consumer.fetch_stats().follower_fetches, 0);
    s.consumer.close().await;
}

/// Each error the follower may answer sends the partition back to its leader, which redirects
/// to the follower again; records are neither lost nor (for OFFSET_OUT_OF_RANGE, which must not
/// reset the position from a follower's answer) read twice.
#[tokio::test]
async fn a_follower_error_goes_back_to_the_leader_without_losing_records() {
    let s = setup(true).await;
    round(&s, 300).await;
    for code in [
        ErrorCode::NOT_LEADER_OR_FOLLOWER,
        ErrorCode::OFFSET_NOT_AVAILABLE,
        ErrorCode::FENCED_LEADER_EPOCH,
        ErrorCode::OFFSET_OUT_OF_RANGE,
    ] {
        let before = fetches(&s.stub);
        s.stub
            .faults()
            .inject(ErrorFault::new(ApiKey::Fetch, code.0).on_broker(FOLLOWER).on_partition(&s.topic, s.remote));
        round(&s, 300).await;
        let mid = fetches(&s.stub);
        let leader = s.remote_leader as usize;
        assert!(mid[leader] > before[leader], "after {code} the leader was not asked: {before:?} then {mid:?}");
        // Redirected again: the leader is left alone from then on.
        round(&s, 300).await;
        let after = fetches(&s.stub);
        round(&s, 300).await;
        let last = fetches(&s.stub);
        assert_eq!(
            last[leader], after[leader],
            "after {code} the follower was not used again: {after:?} then {last:?}"
        );
        assert!(last[FOLLOWER as usize] > after[FOLLOWER as usize]);
    }
    s.consumer.close().await;
}

/// A follower that goes away (stopped: unreachable, then gone from metadata) hands its
/// partitions back to their leaders.
#[tokio::test]
async fn a_stopped_follower_hands_back_to_the_leader() {
    let s = setup(true).await;
    round(&s, 300).await;
    s.stub.faults().stop_broker(FOLLOWER).await.expect("stopped");
    // Partitions broker 1 led fail over; the others are read from their leaders again.
    round(&s, 600).await;
    s.consumer.close().await;
}

/// Stops the real cluster however the test ends.
struct Running(Option<kfk_stub::testing::jvm::Cluster>);

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(cluster) = self.0.take() {
            let _ = cluster.stop();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "not yet run against a real cluster; run with --ignored and TEST_BACKEND=kafka"]
async fn a_real_cluster_sends_the_consumer_to_its_rack() {
    use kfk_stub::testing::jvm::{Cluster, JvmError, Options};
    let real = std::env::var("TEST_BACKEND").is_ok_and(|b| b == "kafka");
    let tools = ["java", "mvn"].iter().all(|t| std::process::Command::new(t).arg("-version").output().is_ok());
    if !real || !tools {
        kfk_stub::skip_test!("needs the real-broker backend (TEST_BACKEND=kafka), java and mvn");
        return;
    }
    let version =
        std::env::var("KAFKA_TEST_VERSION").unwrap_or_else(|_| kfk_stub::testing::maven::KAFKA_VERSION.into());
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("rack");
    // A run killed before it could stop its cluster leaves it running: stop it first.
    let _ = kfk_stub::testing::jvm::stop(&dir);
    let options = Options { brokers: 3, base_port: 9700, version, ..Options::in_dir(&dir) };
    let cluster = tokio::task::spawn_blocking(move || {
        let selector = ("replica.selector.class", "org.apache.kafka.common.replica.RackAwareReplicaSelector");
        let mut cluster = Cluster::start_with_properties(&options, &[selector])?;
        // The launcher gives every node the same extra properties; the racks differ, so each
        // node is restarted in turn with its own `broker.rack` (the quorum stays up).
        for (i, rack) in ["a", RACK, "c"].into_iter().enumerate() {
            let config = cluster.node(i).config();
            let io = |action| {
                let path = config.clone();
                move |source| JvmError::Io { action, path, source }
            };
            let mut properties = std::fs::read_to_string(&config).map_err(io("reading"))?;
            properties.push_str(&format!("broker.rack={rack}\n"));
            std::fs::write(&config, properties).map_err(io("writing"))?;
            cluster.restart_node(i)?;
        }
        Ok::<_, JvmError>(cluster)
    })
    .await
    .expect("join")
    .expect("3-node cluster with racks");
    let bootstrap = cluster.bootstrap();
    let _running = Running(Some(cluster));

    let mut conn = tests::Conn::connect(bootstrap.split(',').next().expect("an address")).await.expect("connect");
    let topic = unique_topic("rack");
    tests::topics::create_topic(&mut conn, &topic, PARTITIONS).await;
    let mut config = ConsumerConfig::new(&bootstrap);
    config.auto_offset_reset = OffsetReset::Earliest;
    config.fetch_max_wait = Duration::from_millis(100);
    config.client_rack = RACK.to_owned();
    let consumer = Consumer::new(config).expect("consumer");
    consumer.assign((0..PARTITIONS).map(|p| (topic.as_str(), p)));
    let racks: Vec<Option<String>> = {
        let metadata = consumer.cluster().refresh().await.expect("metadata");
        (0..3).map(|b| metadata.brokers.get(&b).and_then(|m| m.rack.clone())).collect()
    };
    assert_eq!(racks, [Some("a".to_owned()), Some(RACK.to_owned()), Some("c".to_owned())]);

    for n in [600, 600] {
        let mut ledger = Ledger::default();
        produce(&bootstrap, &topic, n, &mut ledger).await;
        let reads: Vec<ReadRecord> = poll_exactly(&consumer, n).await.iter().map(ReadRecord::from).collect();
        let report = ledger.check(&reads);
        assert!(report.is_clean() && report.read == n, "{report}");
    }
    let stats = consumer.fetch_stats();
    assert!(stats.follower_fetches > 0, "no fetch went to the follower in rack {RACK}: {stats:?}");
    consumer.close().await;
}

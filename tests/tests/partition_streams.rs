//! Per-partition streams (`Consumer::partition_stream`): partitions read in parallel tasks,
//! each in order and exactly once, out of `poll`'s reach, ending when the partition is revoked.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::StreamExt;
use kfk_client::config::{ConsumerConfig, OffsetReset};
use kfk_client::consumer::{Consumer, PartitionStream, TopicPartition};
use tests::delivery::Ledger;
use tests::produce::produce;
use tests::read::{poll_records, ReadRecord};
use tests::topics::backend_with_topic;
use tests::wait::{ready_when, wait_until};
use tests::{unique_topic, Backend};

/// Bounds every wait in these tests, so a broken call fails rather than hangs.
const PATIENCE: Duration = Duration::from_secs(30);

fn config(backend: &Backend, group: &str) -> ConsumerConfig {
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.auto_offset_reset = OffsetReset::Earliest;
    config.fetch_max_wait = Duration::from_millis(100);
    config.common.allow_auto_create_topics = false;
    config.group_id = Some(group.into());
    config.group.enable_auto_commit = false;
    config.group.session_timeout = Duration::from_secs(10);
    config.group.heartbeat_interval = Duration::from_millis(500);
    config
}

type Reads = Arc<Mutex<Vec<ReadRecord>>>;

/// Reads `stream` to its end, noting each record and committing it; returns the offsets read.
fn spawn_reader(
    consumer: &Consumer,
    mut stream: PartitionStream,
    reads: &Reads,
    until: Option<usize>,
) -> tokio::task::JoinHandle<Vec<i64>> {
    let (consumer, reads) = (consumer.clone(), reads.clone());
    tokio::spawn(async move {
        let mut offsets = Vec::new();
        while until.is_none_or(|n| offsets.len() < n) {
            let Some(record) = stream.next().await else { break };
            let record = record.expect("a record");
            assert_eq!(record.partition, stream.partition().partition, "a record of another partition");
            consumer.commit_record(&record).await.expect("commit_record");
            offsets.push(record.offset);
            reads.lock().expect("reads").push(ReadRecord::from(&record));
        }
        offsets
    })
}

#[tokio::test]
async fn three_tasks_read_their_partitions_in_order_exactly_once_and_poll_sees_none() {
    let (backend, topic) = backend_with_topic("split", 3).await;
    let mut ledger = Ledger::default();
    produce(&backend.bootstrap, &topic, 300, &mut ledger).await;
    let counts: Vec<usize> = (0..3).map(|p| ledger.acked_in(p)).collect();
    assert!(counts.iter().all(|&n| n > 0), "every partition has records: {counts:?}");

    let group = unique_topic("split-group");
    let consumer = Consumer::new(config(&backend, &group)).expect("consumer");
    consumer.assign((0..3).map(|p| TopicPartition::new(&topic, p)));
    let reads = Reads::default();
    let mut tasks = Vec::new();
    for p in 0..3 {
        let stream = consumer.partition_stream((&topic, p)).expect("split");
        tasks.push(spawn_reader(&consumer, stream, &reads, Some(counts[p as usize])));
    }
    let again = consumer.partition_stream((&topic, 0)).expect_err("split twice");
    assert!(again.to_string().contains("already split"), "{again}");

    // While the tasks read, poll gets nothing: every partition is split.
    for _ in 0..3 {
        assert!(
            consumer.poll(Duration::from_millis(300)).await.expect("poll").is_empty(),
            "poll saw a split partition"
        );
    }
    for (p, task) in tasks.into_iter().enumerate() {
        let offsets = tokio::time::timeout(PATIENCE, task).await.expect("reader done").expect("reader");
        assert_eq!(offsets, (0..counts[p] as i64).collect::<Vec<_>>(), "partition {p}: every offset once, in order");
    }
    let reads = reads.lock().expect("reads").clone();
    let report = ledger.check(&reads);
    assert!(report.is_clean(), "{report:?}");
    assert_eq!(report.read, 300);

    // Commits per record landed: the group resumes after the last record of each partition.
    let committed = consumer.committed((0..3).map(|p| (&topic, p))).await.expect("committed");
    assert_eq!(committed, counts.iter().map(|&n| Some(n as i64)).collect::<Vec<_>>());
    consumer.close().await;
}

#[tokio::test]
async fn a_rebalance_that_revokes_a_split_partition_ends_its_stream() {
    let (backend, topic) = backend_with_topic("split-revoke", 2).await;
    let mut ledger = Ledger::default();
    produce(&backend.bootstrap, &topic, 40, &mut ledger).await;
    let group = unique_topic("split-revoke-group");
    let first = Consumer::new(config(&backend, &group)).expect("consumer");
    first.subscribe([&topic]).expect("subscribe");
    wait_until("both partitions assigned to the first member", PATIENCE, async || {
        ready_when(first.assignment(), |a| a.len() == 2)
    })
    .await;

    let reads = Reads::default();
    let tasks: BTreeMap<i32, _> = (0..2)
        .map(|p| {
            let stream = first.partition_stream((&topic, p)).expect("split");
            (p, spawn_reader(&first, stream, &reads, None))
        })
        .collect();
    wait_until("every record read through the streams", PATIENCE, async || {
        ready_when(reads.lock().expect("reads").len(), |n| *n == 40)
    })
    .await;

    // A second member joins: the (eager) rebalance revokes both partitions from the first,
    // and each stream ends after what it delivered.
    let second = Consumer::new(config(&backend, &group)).expect("consumer");
    second.subscribe([&topic]).expect("subscribe");
    for (p, task) in tasks {
        let offsets = tokio::time::timeout(PATIENCE, task).await.expect("the stream ended").expect("reader");
        assert_eq!(offsets, (0..ledger.acked_in(p) as i64).collect::<Vec<_>>(), "partition {p}");
    }
    let report = ledger.check(&reads.lock().expect("reads"));
    assert!(report.is_clean(), "{report:?}");
    first.close().await;
    second.close().await;
}

#[tokio::test]
async fn dropping_a_partition_stream_gives_the_partition_back_to_poll() {
    let (backend, topic) = backend_with_topic("split-drop", 1).await;
    let mut ledger = Ledger::default();
    produce(&backend.bootstrap, &topic, 10, &mut ledger).await;
    let consumer = Consumer::new(config(&backend, &unique_topic("split-drop-group"))).expect("consumer");
    consumer.assign([(&topic, 0)]);
    let mut stream = consumer.partition_stream((&topic, 0)).expect("split");
    let mut offsets = Vec::new();
    for _ in 0..4 {
        let record = tokio::time::timeout(PATIENCE, stream.next()).await.expect("a record in time");
        offsets.push(record.expect("not ended").expect("a record").offset);
    }
    assert_eq!(offsets, [0, 1, 2, 3]);
    drop(stream);
    // poll goes on from the stream's position, with nothing twice.
    let rest: Vec<i64> = poll_records(&consumer, 6, PATIENCE).await.iter().map(|r| r.offset).collect();
    assert_eq!(rest, (4..10).collect::<Vec<_>>());
    consumer.close().await;
}

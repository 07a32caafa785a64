//! The consumer calls long-running services lean on, against a broker: log start and end
//! offsets, current lag, `unsubscribe` and a second `subscribe`, `wakeup`, `recv` and the
//! `Unpin` stream, committing records, closing with a timeout.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::StreamExt;
use kfk_admin::{Admin, BatchResults, DeleteRecordsOptions, DescribeGroupsOptions, RecordsToDelete};
use kfk_client::config::{ConsumerConfig, OffsetReset};
use kfk_client::consumer::{Consumer, TopicPartition};
use kfk_client::group::{BoxFuture, RebalanceListener};
use kfk_client::Error;
use tests::produce::produce_to;
use tests::read::poll_records;
use tests::topics::{backend_with_topic, create_topic};
use tests::{unique_topic, Backend, Conn};

/// Bounds every wait in these tests, so a broken call fails rather than hangs.
const PATIENCE: Duration = Duration::from_secs(30);

fn config(backend: &Backend, group: Option<&str>) -> ConsumerConfig {
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.auto_offset_reset = OffsetReset::Earliest;
    config.fetch_max_wait = Duration::from_millis(100);
    config.common.allow_auto_create_topics = false;
    config.group_id = group.map(String::from);
    config.group.session_timeout = Duration::from_secs(10);
    config.group.heartbeat_interval = Duration::from_millis(500);
    config
}

#[tokio::test]
async fn beginning_and_end_offsets_follow_the_log_and_lag_follows_the_position() {
    let (backend, topic) = backend_with_topic("log-offsets", 2).await;
    produce_to(&backend.bootstrap, &topic, &[30, 10]).await;
    let (p0, p1) = (TopicPartition::new(&topic, 0), TopicPartition::new(&topic, 1));

    // Partitions need not be assigned.
    let consumer = Consumer::new(config(&backend, None)).expect("consumer");
    let end = consumer.end_offsets([&p0, &p1], PATIENCE).await.expect("end offsets");
    assert_eq!((end[&p0], end[&p1]), (30, 10));
    let start = consumer.beginning_offsets([&p0, &p1], PATIENCE).await.expect("beginning offsets");
    assert_eq!((start[&p0], start[&p1]), (0, 0));

    // Deleting records moves the log start: the beginning offset is asked, not assumed.
    let admin = Admin::from_properties([("bootstrap.servers", backend.bootstrap.as_str())]).expect("admin");
    let low = admin
        .delete_records([(p0.clone(), RecordsToDelete::before(12))], DeleteRecordsOptions::default())
        .await
        .into_one(&p0)
        .expect("delete records");
    assert_eq!(low, 12);
    let start = consumer.beginning_offsets([&p0], PATIENCE).await.expect("beginning offsets");
    assert_eq!(start[&p0], 12);

    // Lag is known once a fetch answered: the log end minus the position.
    assert_eq!(consumer.current_lag(&p0), None, "not assigned yet");
    let mut limited = config(&backend, None);
    limited.max_poll_records = 5;
    let reader = Consumer::new(limited).expect("consumer");
    reader.assign([&p0]);
    let first = poll_records(&reader, 1, PATIENCE).await;
    assert_eq!(first[0].offset, 12, "reading starts at the log start");
    let position = reader.position(&topic, 0, PATIENCE).await.expect("position");
    assert_eq!(reader.current_lag(&p0), Some(30 - position));
    poll_records(&reader, (30 - position) as usize, PATIENCE).await;
    assert_eq!(reader.current_lag(&p0), Some(0));
    assert_eq!(reader.current_lag(&p1), None, "not assigned");

    // A partition that does not exist: the timeout names it and what went wrong.
    let missing = TopicPartition::new(&topic, 7);
    let err = consumer.end_offsets([&missing], Duration::from_secs(2)).await.expect_err("no such partition");
    assert!(matches!(err, Error::Timeout { .. }), "{err}");
    let message = err.to_string();
    assert!(message.contains(&format!("{topic}-7")) && message.contains("last error"), "{message}");
    reader.close().await;
    consumer.close().await;
}

#[derive(Default, Clone)]
struct Revocations(Arc<Mutex<Vec<TopicPartition>>>);

impl RebalanceListener for Revocations {
    fn on_partitions_assigned<'a>(&'a self, _: &'a Consumer, _: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        Box::pin(async {})
    }

    fn on_partitions_revoked<'a>(&'a self, _: &'a Consumer, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        self.0.lock().expect("revocations").extend(partitions.iter().cloned());
        Box::pin(async {})
    }
}

#[tokio::test]
async fn unsubscribe_leaves_the_group_and_a_second_subscribe_joins_again() {
    let (backend, first) = backend_with_topic("unsub-a", 2).await;
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let second = unique_topic("unsub-b");
    create_topic(&mut conn, &second, 3).await;
    produce_to(&backend.bootstrap, &first, &[5, 5]).await;
    produce_to(&backend.bootstrap, &second, &[4, 4, 4]).await;
    let group = unique_topic("unsub-group");
    let mut with_commit = config(&backend, Some(&group));
    with_commit.group.enable_auto_commit = true;
    let consumer = Consumer::new(with_commit).expect("consumer");
    let revoked = Revocations::default();

    consumer.subscribe_with_listener([&first], revoked.clone()).expect("subscribe");
    let records = poll_records(&consumer, 10, PATIENCE).await;
    assert!(records.iter().all(|r| *r.topic == *first));
    let member = consumer.membership().member_id;
    assert!(!member.is_empty());

    consumer.unsubscribe().await.expect("unsubscribe");
    assert!(consumer.assignment().is_empty(), "the assignment is dropped");
    let told: BTreeSet<TopicPartition> = revoked.0.lock().expect("revocations").iter().cloned().collect();
    assert_eq!(told, (0..2).map(|p| TopicPartition::new(&first, p)).collect(), "the listener heard of the revocation");
    let admin = Admin::from_properties([("bootstrap.servers", backend.bootstrap.as_str())]).expect("admin");
    let described = admin.describe_groups([&group], DescribeGroupsOptions::default()).await.into_one(&group);
    let members: Vec<String> = described.expect("describe group").members.into_iter().map(|m| m.member_id).collect();
    assert!(!members.contains(&member), "unsubscribed but still a member: {members:?}");
    // Auto-commit committed what was read before leaving.
    let committed = consumer.committed([(&first, 0), (&first, 1)]).await.expect("committed");
    assert_eq!(committed, vec![Some(5), Some(5)]);

    // Subscribing again, to another topic, joins again and reads it.
    consumer.subscribe([&second]).expect("a second subscribe after unsubscribe");
    let records = poll_records(&consumer, 12, PATIENCE).await;
    assert!(records.iter().all(|r| *r.topic == *second), "only the new subscription is read");
    let assigned: BTreeSet<i32> = consumer.assignment().iter().map(|tp| tp.partition).collect();
    assert_eq!(assigned, BTreeSet::from([0, 1, 2]));

    // Subscribing twice without unsubscribing stays an error that says what to do.
    let err = consumer.subscribe([&first]).expect_err("already subscribed");
    assert!(err.to_string().contains("unsubscribe first"), "{err}");
    consumer.close().await;
}

#[tokio::test]
async fn wakeup_interrupts_a_waiting_poll_or_the_next_one() {
    let (backend, topic) = backend_with_topic("wakeup", 1).await;
    let consumer = Consumer::new(config(&backend, None)).expect("consumer");
    consumer.assign([(&topic, 0)]);

    let waiting = tokio::spawn({
        let consumer = consumer.clone();
        async move { consumer.poll(Duration::from_secs(600)).await }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    consumer.wakeup();
    let woken = tokio::time::timeout(PATIENCE, waiting).await.expect("poll returned").expect("task");
    assert!(matches!(woken, Err(Error::Wakeup)), "{woken:?}");

    // The wakeup is used up: the next poll waits normally and reads.
    produce_to(&backend.bootstrap, &topic, &[3]).await;
    assert_eq!(poll_records(&consumer, 3, PATIENCE).await.len(), 3);

    // Without a poll waiting, the next one is interrupted, and recv too.
    consumer.wakeup();
    assert!(matches!(consumer.poll(Duration::from_secs(5)).await, Err(Error::Wakeup)));
    consumer.wakeup();
    assert!(matches!(consumer.recv().await, Err(Error::Wakeup)));
    consumer.close().await;
}

#[tokio::test]
async fn recv_and_the_stream_hand_out_records_in_order_and_commit_record_resumes_after() {
    let (backend, topic) = backend_with_topic("recv", 1).await;
    produce_to(&backend.bootstrap, &topic, &[20]).await;
    let group = unique_topic("recv-group");
    let consumer = Consumer::new(config(&backend, Some(&group))).expect("consumer");
    consumer.assign([(&topic, 0)]);

    let mut offsets = Vec::new();
    let mut last = None;
    for _ in 0..10 {
        let record = tokio::time::timeout(PATIENCE, consumer.recv()).await.expect("a record").expect("recv");
        offsets.push(record.offset);
        last = Some(record);
    }
    assert_eq!(offsets, (0..10).collect::<Vec<_>>());
    consumer.commit_record(&last.expect("a record")).await.expect("commit record");
    assert_eq!(consumer.committed([(&topic, 0)]).await.expect("committed"), vec![Some(10)]);

    // The stream is Unpin: `next()` needs no pinning. It goes on where recv stopped.
    let mut stream = consumer.stream();
    let mut streamed = Vec::new();
    while streamed.len() < 10 {
        let record = tokio::time::timeout(PATIENCE, stream.next()).await.expect("a record");
        streamed.push(record.expect("the stream goes on").expect("record"));
    }
    assert_eq!(streamed.iter().map(|r| r.offset).collect::<Vec<_>>(), (10..20).collect::<Vec<_>>());
    // Records committed out of order: the highest offset wins.
    streamed.reverse();
    consumer.commit_records(&streamed).await.expect("commit records");
    assert_eq!(consumer.committed([(&topic, 0)]).await.expect("committed"), vec![Some(20)]);
    drop(stream);

    // Closing ends the stream.
    let mut stream_closed = consumer.stream();
    consumer.close_with_timeout(Duration::from_secs(5)).await;
    let ended = tokio::time::timeout(PATIENCE, stream_closed.next()).await.expect("the stream ends on close");
    assert!(ended.is_none(), "a closed consumer's stream ends");
    assert!(matches!(consumer.poll(Duration::from_millis(10)).await, Err(Error::Closed)));
}

#[tokio::test]
async fn async_commits_complete_in_order_and_the_last_one_wins() {
    let (backend, topic) = backend_with_topic("commit-async", 1).await;
    produce_to(&backend.bootstrap, &topic, &[30]).await;
    let group = unique_topic("commit-async-group");
    let mut limited = config(&backend, Some(&group));
    limited.max_poll_records = 10;
    let consumer = Consumer::new(limited).expect("consumer");
    consumer.assign([(&topic, 0)]);
    let mut handles = Vec::new();
    let mut read = 0;
    while read < 30 {
        read += poll_records(&consumer, 1, PATIENCE).await.len();
        handles.push(consumer.commit_async());
    }
    // Awaited in reverse: each still reports its own outcome.
    for handle in handles.into_iter().rev() {
        tokio::time::timeout(PATIENCE, handle).await.expect("commit outcome").expect("commit");
    }
    assert_eq!(consumer.committed([(&topic, 0)]).await.expect("committed"), vec![Some(30)]);
    // Fire and forget, then close: nothing hangs.
    drop(consumer.commit_async());
    consumer.close().await;
}

//! Consumer groups (classic protocol) against a broker: partitions shared between members,
//! handed over cleanly when a member leaves, committed offsets.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kfk_admin::{Admin, BatchResults, DescribeGroupsOptions};
use kfk_client::config::{ConsumerConfig, OffsetReset};
use kfk_client::consumer::{Consumer, ConsumerRecord, TopicPartition};
use kfk_client::group::{BoxFuture, RebalanceListener};
use tests::delivery::Ledger;
use tests::produce::produce;
use tests::read::as_reads;
use tests::topics::create_topic;
use tests::{unique_topic, Backend, Conn, NotYet, Ready, Wait};

/// Records which partitions a member holds.
#[derive(Default)]
struct Tracker(Mutex<BTreeSet<TopicPartition>>);

impl RebalanceListener for Tracker {
    fn on_partitions_assigned<'a>(&'a self, _: &'a Consumer, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        self.0.lock().expect("tracker lock").extend(partitions.iter().cloned());
        Box::pin(async {})
    }
    fn on_partitions_revoked<'a>(&'a self, _: &'a Consumer, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        let mut owned = self.0.lock().expect("tracker lock");
        for p in partitions {
            owned.remove(p);
        }
        Box::pin(async {})
    }
}

fn member(backend: &Backend, group: &str) -> Consumer {
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.group_id = Some(group.into());
    config.auto_offset_reset = OffsetReset::Earliest;
    config.fetch_max_wait = Duration::from_millis(100);
    config.group.heartbeat_interval = Duration::from_millis(300);
    config.group.session_timeout = Duration::from_secs(10);
    config.group.auto_commit_interval = Duration::from_millis(500);
    Consumer::new(config).expect("consumer")
}

/// Polls every consumer until `total` records arrived in all (at most 60 s).
async fn read_all(
    consumers: &[&Consumer],
    total: usize,
    seen: &mut Vec<ConsumerRecord>,
    per_member: &mut HashMap<usize, usize>,
) {
    Wait::new(format!("{total} records read"), Duration::from_secs(60))
        .every(Duration::ZERO)
        .until(async || {
            if seen.len() >= total {
                return Ready(());
            }
            for (i, c) in consumers.iter().enumerate() {
                let batch = c.poll(Duration::from_millis(100)).await.expect("poll");
                *per_member.entry(i).or_default() += batch.len();
                seen.extend(batch);
            }
            NotYet(seen.len())
        })
        .await;
}

/// Polls `member` until it holds `n` partitions (at most 60 s).
async fn poll_until_assigned(member: &Consumer, n: usize) {
    Wait::new(format!("{n} partitions assigned"), Duration::from_secs(60))
        .every(Duration::ZERO)
        .until(async || {
            if member.assignment().len() >= n {
                return Ready(());
            }
            member.poll(Duration::from_millis(100)).await.expect("poll");
            NotYet(member.assignment())
        })
        .await;
}

#[tokio::test]
async fn members_share_partitions_and_hand_over_on_leave() {
    let backend = Backend::from_env().await;
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    if conn.version_for(kfk_protocol::messages::ApiKey::JoinGroup).is_none() {
        kfk_stub::skip_test!("this broker does not offer the classic group protocol");
        return;
    }
    let topic = unique_topic("group");
    create_topic(&mut conn, &topic, 4).await;
    let group = unique_topic("g");
    let mut ledger = Ledger::default();
    produce(&backend.bootstrap, &topic, 1000, &mut ledger).await;

    let (a, b) = (member(&backend, &group), member(&backend, &group));
    let (ta, tb) = (Arc::new(Tracker::default()), Arc::new(Tracker::default()));
    a.subscribe_with_listener([&topic], ta.clone()).expect("subscribe a");
    b.subscribe_with_listener([&topic], tb.clone()).expect("subscribe b");

    let mut seen = Vec::new();
    let mut per_member = HashMap::new();
    read_all(&[&a, &b], 1000, &mut seen, &mut per_member).await;
    // Settled: two members, four partitions, disjoint and complete.
    Wait::new("a shared assignment of the four partitions", Duration::from_secs(30))
        .every(Duration::ZERO)
        .until(async || {
            let (pa, pb) = (ta.0.lock().unwrap().clone(), tb.0.lock().unwrap().clone());
            if pa.len() + pb.len() == 4 && pa.is_disjoint(&pb) && !pa.is_empty() && !pb.is_empty() {
                return Ready(());
            }
            let _ = a.poll(Duration::from_millis(100)).await;
            let _ = b.poll(Duration::from_millis(100)).await;
            NotYet((pa, pb))
        })
        .await;
    assert!(a.membership().generation >= 1 && a.membership().generation == b.membership().generation);

    // b leaves cleanly (committing what it read, then LeaveGroup): the group drops it at once,
    // not when its 10 s session expires, and a takes over everything from there.
    let b_id = b.membership().member_id;
    b.close().await;
    let admin = Admin::from_properties([("bootstrap.servers", backend.bootstrap.as_str())]).expect("admin");
    let described = admin.describe_groups([&group], DescribeGroupsOptions::default()).await.into_one(&group);
    let members: Vec<String> = described.expect("describe group").members.into_iter().map(|m| m.member_id).collect();
    assert!(!members.contains(&b_id), "b closed but is still a member (no LeaveGroup?): {members:?}");
    produce(&backend.bootstrap, &topic, 500, &mut ledger).await;
    read_all(&[&a], 1500, &mut seen, &mut per_member).await;
    let report = ledger.check(&as_reads(&seen));
    assert!(report.is_clean() && report.read == 1500, "{report}");
    Wait::new("all four partitions assigned to a", Duration::from_secs(30))
        .every(Duration::ZERO)
        .until(async || {
            let pa = ta.0.lock().unwrap().clone();
            if pa.len() == 4 {
                return Ready(());
            }
            let _ = a.poll(Duration::from_millis(100)).await;
            NotYet(pa)
        })
        .await;

    // Committed offsets follow what was handed out.
    a.commit().await.expect("commit");
    let committed = a.committed(&[(&topic, 0), (&topic, 1), (&topic, 2), (&topic, 3)]).await.expect("committed");
    let total: i64 = committed.iter().map(|c| c.expect("committed offset")).sum();
    assert_eq!(total, 1500);
    a.close().await;
}

#[tokio::test]
async fn subscribing_without_a_group_id_is_a_config_error() {
    let backend = Backend::from_env().await;
    let consumer = Consumer::new(ConsumerConfig::new(&backend.bootstrap)).expect("consumer");
    let err = consumer.subscribe(["t"]).unwrap_err();
    assert!(err.to_string().contains("group.id"), "{err}");
}

/// Two consumers with one `group.instance.id`: the later one takes over, the earlier one is
/// fenced (its poll says so) and stops, as in the Java client, instead of fencing the other
/// in turn.
#[tokio::test]
async fn a_duplicate_static_member_fences_the_first_for_good() {
    let backend = Backend::from_env().await;
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    if conn.version_for(kfk_protocol::messages::ApiKey::JoinGroup).is_none() {
        kfk_stub::skip_test!("this broker does not offer the classic group protocol");
        return;
    }
    let topic = unique_topic("group-fenced");
    create_topic(&mut conn, &topic, 2).await;
    let group = unique_topic("group-fenced");
    let static_member = || {
        let mut config = ConsumerConfig::new(&backend.bootstrap);
        config.group_id = Some(group.clone());
        config.group.instance_id = Some("the-one".into());
        config.auto_offset_reset = OffsetReset::Earliest;
        config.fetch_max_wait = Duration::from_millis(100);
        config.group.heartbeat_interval = Duration::from_millis(200);
        config.group.session_timeout = Duration::from_secs(10);
        Consumer::new(config).expect("consumer")
    };
    let first = static_member();
    first.subscribe([&topic]).expect("subscribe");
    poll_until_assigned(&first, 2).await;
    let second = static_member();
    second.subscribe([&topic]).expect("subscribe");
    let fenced = Wait::new("the first member told it was fenced", Duration::from_secs(60))
        .every(Duration::ZERO)
        .until(async || {
            second.poll(Duration::from_millis(50)).await.expect("the second member polls");
            match first.poll(Duration::from_millis(50)).await {
                Ok(records) => NotYet(records.len()),
                Err(e) => Ready(e),
            }
        })
        .await;
    assert_eq!(fenced.code(), Some(kfk_protocol::ErrorCode::FENCED_INSTANCE_ID), "{fenced}");
    // The second member settles with both partitions and keeps them: the first does not rejoin.
    poll_until_assigned(&second, 2).await;
    let generation = second.membership().generation;
    let quiet = Instant::now() + Duration::from_secs(3);
    while Instant::now() < quiet {
        second.poll(Duration::from_millis(100)).await.expect("the second member is not fenced back");
        assert!(first.poll(Duration::from_millis(100)).await.is_ok_and(|r| r.is_empty()));
    }
    assert_eq!(second.membership().generation, generation, "no rebalance after the takeover");
    assert!(first.assignment().is_empty());
    first.close().await;
    second.close().await;
}

/// The coordinator errors of the classic protocol, injected by the stub, are retried as the
/// Java client retries them: a group of two still reads every record once, and commits.
#[tokio::test]
async fn coordinator_errors_are_retried_without_losing_or_repeating_records() {
    use kfk_protocol::messages::ApiKey;
    use kfk_protocol::ErrorCode;
    let backend = Backend::stub(1).await;
    let stub = backend.stub_handle().expect("a stub backend").clone();
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("group-errors");
    create_topic(&mut conn, &topic, 4).await;
    let group = unique_topic("g-errors");
    let mut ledger = Ledger::default();
    produce(&backend.bootstrap, &topic, 1000, &mut ledger).await;

    let faults = stub.faults();
    faults.fail_next(ApiKey::FindCoordinator, 1, ErrorCode::COORDINATOR_NOT_AVAILABLE.0);
    faults.fail_next(ApiKey::JoinGroup, 2, ErrorCode::COORDINATOR_LOAD_IN_PROGRESS.0);
    faults.fail_next(ApiKey::SyncGroup, 1, ErrorCode::NOT_COORDINATOR.0);
    let before = |api| stub.request_count(api);
    let (joins, syncs) = (before(ApiKey::JoinGroup), before(ApiKey::SyncGroup));
    let (a, b) = (member(&backend, &group), member(&backend, &group));
    a.subscribe([&topic]).expect("subscribe a");
    b.subscribe([&topic]).expect("subscribe b");
    let mut seen = Vec::new();
    let mut per_member = HashMap::new();
    read_all(&[&a, &b], 500, &mut seen, &mut per_member).await;

    // Mid-stream: heartbeats say the coordinator moved and that a rebalance runs; a commit
    // meets a moved coordinator.
    faults.fail_next(ApiKey::Heartbeat, 2, ErrorCode::NOT_COORDINATOR.0);
    faults.fail_next(ApiKey::Heartbeat, 1, ErrorCode::REBALANCE_IN_PROGRESS.0);
    faults.fail_next(ApiKey::OffsetCommit, 1, ErrorCode::NOT_COORDINATOR.0);
    read_all(&[&a, &b], 1000, &mut seen, &mut per_member).await;
    let report = ledger.check(&as_reads(&seen));
    assert!(report.is_clean() && report.read == 1000, "{report}");
    assert!(before(ApiKey::JoinGroup) - joins > 2, "JoinGroup was retried");
    assert!(before(ApiKey::SyncGroup) - syncs > 1, "SyncGroup was retried");

    // Committing may meet the moved coordinator once more; it then succeeds.
    let commit = |c: &Consumer| {
        let c = c.clone();
        async move {
            for _ in 0..5 {
                match c.commit().await {
                    Ok(()) => return,
                    Err(e) if e.is_retriable() => tokio::time::sleep(Duration::from_millis(100)).await,
                    Err(e) => panic!("commit: {e}"),
                }
            }
            panic!("commit kept failing");
        }
    };
    commit(&a).await;
    commit(&b).await;
    let partitions: Vec<(&str, i32)> = (0..4).map(|p| (topic.as_str(), p)).collect();
    let committed = a.committed(&partitions).await.expect("committed");
    let mut ends = [0i64; 4];
    for r in &seen {
        ends[r.partition as usize] = ends[r.partition as usize].max(r.offset + 1);
    }
    assert_eq!(committed, ends.iter().map(|&e| Some(e)).collect::<Vec<_>>(), "commits reach the log end");
    a.close().await;
    b.close().await;
}

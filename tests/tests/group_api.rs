//! The group calls an application writes against: a rebalance listener built from async
//! closures, custom assignors, forcing a rebalance. Each test fails if its feature breaks, on
//! the stub and on real Kafka.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kfk_client::config::{ConsumerConfig, GroupProtocol, OffsetReset};
use kfk_client::consumer::{Consumer, TopicPartition};
use kfk_client::group::{Assignment, Assignor, MemberInfo, RebalanceCallbacks};
use kfk_client::{EnforceRebalanceError, Error};
use kfk_protocol::ErrorCode;
use tests::produce::produce_to;
use tests::read::poll_records;
use tests::topics::backend_with_topic;
use tests::wait::{ready_when, wait_until, NotYet, Ready};
use tests::{unique_topic, Backend, Conn};

/// Bounds every wait in these tests, so a broken call fails rather than hangs.
const PATIENCE: Duration = Duration::from_secs(30);

fn config(backend: &Backend, group: &str) -> ConsumerConfig {
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.auto_offset_reset = OffsetReset::Earliest;
    config.fetch_max_wait = Duration::from_millis(100);
    config.common.allow_auto_create_topics = false;
    config.group_id = Some(group.into());
    config.group.session_timeout = Duration::from_secs(10);
    config.group.heartbeat_interval = Duration::from_millis(500);
    config
}

type Seen = Arc<Mutex<BTreeSet<TopicPartition>>>;

fn seen(set: &Seen) -> BTreeSet<TopicPartition> {
    set.lock().expect("seen partitions").clone()
}

#[tokio::test]
async fn a_listener_from_closures_records_assignments_and_commits_on_revoke() {
    let (backend, topic) = backend_with_topic("callbacks", 2).await;
    produce_to(&backend.bootstrap, &topic, &[6, 4]).await;
    let group = unique_topic("callbacks-group");
    let mut no_auto_commit = config(&backend, &group);
    // Only the listener commits: an offset found afterwards was committed by the closure.
    no_auto_commit.group.enable_auto_commit = false;
    let consumer = Consumer::new(no_auto_commit).expect("consumer");

    let (assigned, revoked): (Seen, Seen) = Default::default();
    let listener = RebalanceCallbacks::new()
        .on_assigned({
            let assigned = assigned.clone();
            move |_consumer, partitions| {
                let assigned = assigned.clone();
                async move { assigned.lock().expect("assigned").extend(partitions) }
            }
        })
        .on_revoked({
            let revoked = revoked.clone();
            move |consumer, partitions| {
                let revoked = revoked.clone();
                async move {
                    consumer.commit().await.expect("commit in on_revoked");
                    revoked.lock().expect("revoked").extend(partitions);
                }
            }
        });
    consumer.subscribe_with_listener([&topic], listener).expect("subscribe");

    let all: BTreeSet<TopicPartition> = (0..2).map(|p| TopicPartition::new(&topic, p)).collect();
    poll_records(&consumer, 10, PATIENCE).await;
    assert_eq!(seen(&assigned), all, "on_assigned was told both partitions");
    assert!(seen(&revoked).is_empty(), "nothing revoked yet");
    assert_eq!(consumer.committed([(&topic, 0), (&topic, 1)]).await.expect("committed"), vec![None, None]);

    consumer.unsubscribe().await.expect("unsubscribe");
    assert_eq!(seen(&revoked), all, "on_revoked was told both partitions");
    let committed = consumer.committed([(&topic, 0), (&topic, 1)]).await.expect("committed");
    assert_eq!(committed, vec![Some(6), Some(4)], "on_revoked committed the positions");
    consumer.close().await;
}

/// Every partition to the member whose id sorts first: an assignment no built-in assignor
/// makes, so seeing it proves the leader ran this one.
struct FirstTakesAll;

impl Assignor for FirstTakesAll {
    fn name(&self) -> &'static str {
        "first-takes-all"
    }

    fn assign(&self, members: &[MemberInfo], partitions: &BTreeMap<String, i32>) -> Assignment {
        let mut out: Assignment = members.iter().map(|m| (m.member_id.clone(), Vec::new())).collect();
        if let Some(first) = members.iter().map(|m| &m.member_id).min() {
            let all = partitions.iter().flat_map(|(topic, &n)| (0..n).map(move |p| (topic.clone(), p)));
            out.insert(first.clone(), all.collect());
        }
        out
    }
}

fn with_assignors(backend: &Backend, group: &str, assignors: Vec<Arc<dyn Assignor>>) -> ConsumerConfig {
    let built = ConsumerConfig::builder()
        .bootstrap_servers(&backend.bootstrap)
        .group_id(group)
        .assignors(assignors)
        .build()
        .expect("config with assignors");
    // The test's timings, with what the builder set.
    let mut config = config(backend, group);
    config.group.assignment_strategies = built.group.assignment_strategies;
    config.group.custom_assignors = built.group.custom_assignors;
    config
}

#[tokio::test]
async fn a_custom_assignor_is_offered_and_run_by_the_leader() {
    let (backend, topic) = backend_with_topic("custom-assignor", 3).await;
    let group = unique_topic("custom-assignor-group");
    let make = || {
        let config = with_assignors(&backend, &group, vec![Arc::new(FirstTakesAll)]);
        Consumer::new(config).expect("consumer")
    };
    let (a, b) = (make(), make());
    a.subscribe([&topic]).expect("subscribe a");
    b.subscribe([&topic]).expect("subscribe b");

    let all: BTreeSet<TopicPartition> = (0..3).map(|p| TopicPartition::new(&topic, p)).collect();
    // Both members in one generation, and the one whose id sorts first holding everything.
    let settled = wait_until("both members in one generation, assigned", PATIENCE, async || {
        let (ma, mb) = (a.membership(), b.membership());
        let (aa, ab): (BTreeSet<_>, BTreeSet<_>) =
            (a.assignment().into_iter().collect(), b.assignment().into_iter().collect());
        let settled = !ma.member_id.is_empty()
            && !mb.member_id.is_empty()
            && ma.generation == mb.generation
            && aa.len() + ab.len() == 3;
        let seen = (ma.member_id, ma.generation, aa, mb.member_id, mb.generation, ab);
        ready_when(seen, |_| settled)
    })
    .await;
    let (ida, _, aa, idb, _, ab) = settled;
    let (first, second) = if ida < idb { (aa, ab) } else { (ab, aa) };
    assert_eq!(first, all, "the member whose id sorts first holds every partition");
    assert!(second.is_empty(), "the other holds none: {second:?}");
    assert_eq!(a.membership().protocol.as_deref(), Some("first-takes-all"));
    a.close().await;
    b.close().await;
}

#[tokio::test]
async fn members_sharing_no_assignor_get_inconsistent_group_protocol() {
    let (backend, topic) = backend_with_topic("no-common-assignor", 1).await;
    let group = unique_topic("no-common-assignor-group");
    let custom = Consumer::new(with_assignors(&backend, &group, vec![Arc::new(FirstTakesAll)])).expect("consumer");
    let mut roundrobin = config(&backend, &group);
    roundrobin.group.assignment_strategies = vec!["roundrobin".into()];
    let builtin = Consumer::new(roundrobin).expect("consumer");

    custom.subscribe([&topic]).expect("subscribe");
    wait_until("the first member in the group", PATIENCE, async || {
        ready_when(custom.membership().generation, |g| *g >= 0)
    })
    .await;
    builtin.subscribe([&topic]).expect("subscribe");
    let err = wait_until("the second member's poll failing", PATIENCE, async || {
        match builtin.poll(Duration::from_millis(300)).await {
            Err(e) => Ready(e),
            Ok(records) => NotYet(records.len()),
        }
    })
    .await;
    let message = err.to_string();
    assert_eq!(err.code(), Some(ErrorCode::INCONSISTENT_GROUP_PROTOCOL), "{message}");
    assert!(message.contains("INCONSISTENT_GROUP_PROTOCOL") && message.contains(&group), "{message}");
    assert!(message.contains("[roundrobin]"), "names what this member offers: {message}");
    assert!(builtin.assignment().is_empty(), "never joined");
    custom.close().await;
    builtin.close().await;
}

/// Counts the listener's calls: (assigned, revoked).
fn counting(counts: &Arc<Mutex<(usize, usize)>>) -> RebalanceCallbacks {
    let (on_assign, on_revoke) = (counts.clone(), counts.clone());
    RebalanceCallbacks::new()
        .on_assigned(move |_, _| {
            let counts = on_assign.clone();
            async move { counts.lock().expect("counts").0 += 1 }
        })
        .on_revoked(move |_, _| {
            let counts = on_revoke.clone();
            async move { counts.lock().expect("counts").1 += 1 }
        })
}

#[tokio::test]
async fn enforce_rebalance_moves_the_classic_group_to_a_new_generation() {
    let (backend, topic) = backend_with_topic("enforce-rebalance", 2).await;
    let group = unique_topic("enforce-rebalance-group");
    let (a, b) =
        (Consumer::new(config(&backend, &group)).expect("a"), Consumer::new(config(&backend, &group)).expect("b"));
    let err = b.enforce_rebalance("not yet subscribed").expect_err("no group yet");
    assert!(matches!(err, Error::EnforceRebalance(EnforceRebalanceError::NotSubscribed)), "{err}");

    let (counts_a, counts_b) = (Arc::new(Mutex::new((0, 0))), Arc::new(Mutex::new((0, 0))));
    a.subscribe_with_listener([&topic], counting(&counts_a)).expect("subscribe a");
    b.subscribe_with_listener([&topic], counting(&counts_b)).expect("subscribe b");
    let stable = || async {
        let (ga, gb) = (a.membership().generation, b.membership().generation);
        let held = a.assignment().len() + b.assignment().len();
        ready_when((ga, gb, held), |(ga, gb, held)| *ga >= 0 && ga == gb && *held == 2)
    };
    let (before, _, _) = wait_until("both members in one generation", PATIENCE, async || stable().await).await;

    // Asked by either member, the leader or a follower, the whole group rebalances: a new
    // generation for both, and under the eager protocol each revokes and is assigned again.
    let mut generation = before;
    for (asking, counts_other) in [(&b, &counts_a), (&a, &counts_b)] {
        let (assigned, revoked) = *counts_other.lock().expect("counts");
        asking.enforce_rebalance("test: forced").expect("enforce_rebalance");
        let (after, _, _) = wait_until("both members in a newer generation", PATIENCE, async || match stable().await {
            Ready(seen) if seen.0 > generation => Ready(seen),
            Ready(seen) | NotYet(seen) => NotYet(seen),
        })
        .await;
        let (assigned_after, revoked_after) = *counts_other.lock().expect("counts");
        assert!(
            revoked_after > revoked && assigned_after > assigned,
            "the other member rebalanced too: {:?}",
            (assigned_after, revoked_after)
        );
        generation = after;
    }
    assert!(generation >= before + 2, "two enforced rebalances: generation {before} -> {generation}");
    a.close().await;
    b.close().await;

    // Unsubscribed: no group to rebalance.
    let c = Consumer::new(config(&backend, &group)).expect("c");
    c.assign([(&topic, 0)]);
    assert!(matches!(
        c.enforce_rebalance("assigned"),
        Err(Error::EnforceRebalance(EnforceRebalanceError::NotSubscribed))
    ));
    c.close().await;
}

#[tokio::test]
async fn enforce_rebalance_under_the_consumer_protocol_says_it_is_not_supported() {
    let (backend, topic) = backend_with_topic("enforce-848", 1).await;
    let conn = Conn::connect(backend.first_address()).await.expect("connect");
    if !conn.offers_group_protocol("consumer") {
        kfk_stub::skip_test!("this broker does not offer the consumer group protocol");
        return;
    }
    let group = unique_topic("enforce-848-group");
    let mut kip848 = config(&backend, &group);
    kip848.group.protocol = GroupProtocol::Consumer;
    let consumer = Consumer::new(kip848).expect("consumer");
    consumer.subscribe([&topic]).expect("subscribe");
    // Reconciled: the epoch moves while the coordinator's assignment arrives, then stays.
    let tp = TopicPartition::new(&topic, 0);
    let before = wait_until("the partition assigned and reconciled", PATIENCE, async || {
        let seen = (consumer.membership().generation, consumer.assignment());
        ready_when(seen, |(epoch, assigned)| *epoch > 0 && assigned == std::slice::from_ref(&tp))
    })
    .await
    .0;
    let err = consumer.enforce_rebalance("test").expect_err("not supported under KIP-848");
    match &err {
        Error::EnforceRebalance(EnforceRebalanceError::ConsumerProtocol { group: named }) => assert_eq!(named, &group),
        other => panic!("expected ConsumerProtocol, got {other}"),
    }
    assert!(err.to_string().contains("group.protocol=consumer"), "{err}");
    // Nothing was asked of the group: the member epoch stays.
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(consumer.membership().generation, before);
    consumer.close().await;
}

//! Incremental cooperative rebalancing (KIP-429) against the eager protocol: when a third
//! member joins a settled group of two over 12 partitions, cooperative members give up only
//! the partitions that move (two each) and keep the rest without interruption, while eager
//! members give up everything and get a new set. And a member the group drops (its heartbeat
//! answered UNKNOWN_MEMBER_ID or ILLEGAL_GENERATION, injected in the stub) loses its partitions
//! without committing them, then rejoins.

use std::collections::BTreeMap;
use std::time::Duration;

use kfk_client::config::ConsumerConfig;
use kfk_protocol::messages::ApiKey;
use kfk_protocol::ErrorCode;
use tests::members::{Callbacks, Worker};
use tests::topics::create_topic;
use tests::{ready_when, unique_topic, wait_until, Backend, Conn, Wait};
use tokio::sync::mpsc;

const PARTITIONS: i32 = 12;

fn config(backend: &Backend, group: &str, strategy: &str) -> ConsumerConfig {
    ConsumerConfig::from_properties([
        ("bootstrap.servers", backend.bootstrap.as_str()),
        ("group.id", group),
        ("auto.offset.reset", "earliest"),
        ("partition.assignment.strategy", strategy),
        ("session.timeout.ms", "6000"),
        ("heartbeat.interval.ms", "300"),
        ("fetch.max.wait.ms", "100"),
    ])
    .expect("consumer config")
}

/// Waits (at most 30 s) until the members own every partition exactly once, each some.
async fn settle(members: &[&Worker]) {
    wait_until("the group settled", Duration::from_secs(30), async || {
        let owned: Vec<_> = members.iter().map(|w| w.owned.get()).collect();
        ready_when(owned, |owned| {
            let total: usize = owned.iter().map(|o| o.len()).sum();
            let union: std::collections::BTreeSet<_> = owned.iter().flatten().collect();
            // Settled also means the counts are balanced (a cooperative handover takes two rounds).
            let balanced = owned.iter().all(|o| o.len() == PARTITIONS as usize / members.len());
            total == PARTITIONS as usize && union.len() == total && balanced
        })
    })
    .await;
}

fn since(now: Callbacks, before: Callbacks) -> Callbacks {
    Callbacks {
        assigned: now.assigned - before.assigned,
        revoked: now.revoked - before.revoked,
        lost: now.lost - before.lost,
    }
}

/// Two members settle, a third joins; returns what each of the first two went through.
async fn third_member_joins(strategy: &str) -> Option<Vec<Callbacks>> {
    let backend = Backend::from_env().await;
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    if conn.version_for(ApiKey::JoinGroup).is_none() {
        kfk_stub::skip_test!("this broker does not offer the classic group protocol");
        return None;
    }
    let topic = unique_topic("coop");
    create_topic(&mut conn, &topic, PARTITIONS).await;
    let group = unique_topic("coop-g");
    let (tx, _rx) = mpsc::unbounded_channel();
    let a = Worker::start(0, config(&backend, &group, strategy), &[&topic], tx.clone());
    let b = Worker::start(1, config(&backend, &group, strategy), &[&topic], tx.clone());
    settle(&[&a, &b]).await;
    let before = [a.owned.callbacks(), b.owned.callbacks()];
    let kept_before = [a.owned.get(), b.owned.get()];
    let c = Worker::start(2, config(&backend, &group, strategy), &[&topic], tx.clone());
    settle(&[&a, &b, &c]).await;
    let deltas = vec![since(a.owned.callbacks(), before[0]), since(b.owned.callbacks(), before[1])];
    if strategy == "cooperative-sticky" {
        // Sticky: what a and b own now is a subset of what they had.
        assert!(a.owned.get().is_subset(&kept_before[0]), "a's partitions moved needlessly");
        assert!(b.owned.get().is_subset(&kept_before[1]), "b's partitions moved needlessly");
    }
    for w in [&a, &b, &c] {
        assert!(w.owned.violations().is_empty(), "{:?}", w.owned.violations());
    }
    a.leave().await;
    b.leave().await;
    c.leave().await;
    Some(deltas)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cooperative_members_give_up_only_what_moves() {
    let Some(deltas) = third_member_joins("cooperative-sticky").await else { return };
    for d in deltas {
        assert_eq!(d, Callbacks { assigned: 0, revoked: 2, lost: 0 }, "{d:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eager_members_give_up_everything() {
    let Some(deltas) = third_member_joins("range").await else { return };
    for d in deltas {
        assert_eq!(d, Callbacks { assigned: 4, revoked: 6, lost: 0 }, "{d:?}");
    }
}

/// Stub only (faults are injected): each error, under each protocol.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_dropped_by_the_group_loses_its_partitions_and_rejoins() {
    let backend = Backend::stub(1).await;
    let stub = backend.stub_handle().expect("the stub");
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    for (strategy, code) in [
        ("cooperative-sticky", ErrorCode::UNKNOWN_MEMBER_ID),
        ("cooperative-sticky", ErrorCode::ILLEGAL_GENERATION),
        ("range", ErrorCode::ILLEGAL_GENERATION),
    ] {
        let topic = unique_topic("dropped");
        create_topic(&mut conn, &topic, PARTITIONS).await;
        let group = unique_topic("dropped-g");
        let (tx, _rx) = mpsc::unbounded_channel();
        let a = Worker::start(0, config(&backend, &group, strategy), &[&topic], tx.clone());
        let b = Worker::start(1, config(&backend, &group, strategy), &[&topic], tx.clone());
        settle(&[&a, &b]).await;
        let before: BTreeMap<usize, Callbacks> = [(0, a.owned.callbacks()), (1, b.owned.callbacks())].into();
        stub.faults().fail_next(ApiKey::Heartbeat, 1, code.0);
        let lost = Wait::new(format!("{strategy}/{code:?}: a member lost its partitions"), Duration::from_secs(30))
            .every(Duration::from_millis(50))
            .until(async || {
                let lost: usize =
                    [(0, &a), (1, &b)].iter().map(|(i, w)| since(w.owned.callbacks(), before[i]).lost).sum();
                ready_when(lost, |&lost| lost > 0)
            })
            .await;
        assert_eq!(lost, PARTITIONS as usize / 2, "{strategy}/{code:?}: the dropped member loses all it had");
        settle(&[&a, &b]).await;
        for w in [&a, &b] {
            assert!(w.owned.violations().is_empty(), "{:?}", w.owned.violations());
        }
        a.leave().await;
        b.leave().await;
    }
}

/// Stub only: when the committed offsets of newly assigned partitions cannot be fetched, the
/// member does not pretend to own them; it rejoins and starts them once the fetch succeeds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partitions_whose_offsets_cannot_be_fetched_are_assigned_again() {
    let backend = Backend::stub(1).await;
    let stub = backend.stub_handle().expect("the stub");
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    for strategy in ["cooperative-sticky", "range"] {
        let topic = unique_topic("offsets-fail");
        create_topic(&mut conn, &topic, PARTITIONS).await;
        let group = unique_topic("offsets-fail-g");
        let (tx, _rx) = mpsc::unbounded_channel();
        stub.faults().fail_next(ApiKey::OffsetFetch, 2, ErrorCode::GROUP_AUTHORIZATION_FAILED.0);
        let a = Worker::start(0, config(&backend, &group, strategy), &[&topic], tx.clone());
        let b = Worker::start(1, config(&backend, &group, strategy), &[&topic], tx.clone());
        settle(&[&a, &b]).await;
        for w in [&a, &b] {
            assert!(w.owned.violations().is_empty(), "{strategy}: {:?}", w.owned.violations());
            assert_eq!(w.consumer().assignment().len(), PARTITIONS as usize / 2, "{strategy}: the fetcher has them");
        }
        a.leave().await;
        b.leave().await;
    }
}

/// Members listing different strategies agree on the first one all of them offer; a member
/// whose list includes an eager-only assignor rebalances eagerly (Java's upgrade path).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_with_different_strategy_lists_agree_on_a_common_one() {
    let backend = Backend::from_env().await;
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    if conn.version_for(ApiKey::JoinGroup).is_none() {
        kfk_stub::skip_test!("this broker does not offer the classic group protocol");
        return;
    }
    let topic = unique_topic("negotiate");
    create_topic(&mut conn, &topic, PARTITIONS).await;
    let group = unique_topic("negotiate-g");
    let (tx, _rx) = mpsc::unbounded_channel();
    let a = Worker::start(0, config(&backend, &group, "cooperative-sticky,range"), &[&topic], tx.clone());
    let b =
        Worker::start(1, config(&backend, &group, "org.apache.kafka.clients.consumer.RangeAssignor"), &[&topic], tx);
    settle(&[&a, &b]).await;
    for w in [&a, &b] {
        assert_eq!(w.consumer().membership().protocol.as_deref(), Some("range"));
    }
    // Range over one topic: contiguous halves.
    let halves: Vec<Vec<i32>> =
        [&a, &b].iter().map(|w| w.owned.get().iter().map(|tp| tp.partition).collect()).collect();
    assert!(halves.contains(&(0..6).collect()) && halves.contains(&(6..12).collect()), "{halves:?}");
    a.leave().await;
    b.leave().await;
}

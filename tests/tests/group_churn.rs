//! Consumer groups under churn: 100,000 records flow through a 12-partition topic while our
//! consumers join, leave cleanly and crash, under the eager protocol (`range`) and under
//! incremental cooperative rebalancing (`cooperative-sticky`). Nothing may be skipped, and
//! nothing may be read twice except what a crashed member had read but not yet committed
//! (its successor starts from the last commit): exactly that window is excused, nothing else.
//!
//! Also: a static member (KIP-345) that restarts within its session timeout gets its
//! partitions back without a rebalance.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::{Duration, Instant};

use kfk_client::config::{ConsumerConfig, OffsetReset, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::producer::Producer;
use tests::delivery::Ledger;
use tests::members::{MemberRead, Worker};
use tests::produce::send_all;
use tests::read::ReadRecord;
use tests::topics::create_topic;
use tests::{ready_when, unique_topic, wait_until, Backend, Conn, NotYet, Ready, Wait};
use tokio::sync::mpsc;

const PARTITIONS: i32 = 12;
const CHUNKS: usize = 20;
const PER_CHUNK: usize = 5_000;

/// A member's configuration; `strategy` is a classic assignor, or `consumer` for the KIP-848
/// protocol (whose coordinator decides assignment and session timing).
fn member_config(backend: &Backend, group: &str, strategy: &str) -> ConsumerConfig {
    let mut properties = vec![
        ("bootstrap.servers", backend.bootstrap.as_str()),
        ("group.id", group),
        ("auto.offset.reset", "earliest"),
        ("max.poll.interval.ms", "30000"),
        // Long enough that a crash usually leaves an uncommitted tail to account for.
        ("auto.commit.interval.ms", "3000"),
        ("fetch.max.wait.ms", "100"),
    ];
    if strategy == "consumer" {
        properties.push(("group.protocol", "consumer"));
    } else {
        properties.extend([
            ("partition.assignment.strategy", strategy),
            ("session.timeout.ms", "6000"),
            ("heartbeat.interval.ms", "500"),
        ]);
    }
    let mut config = ConsumerConfig::from_properties(properties).expect("consumer config");
    config.auto_offset_reset = OffsetReset::Earliest;
    config
}

async fn supports_groups(backend: &Backend, strategy: &str) -> bool {
    Conn::connect(backend.first_address()).await.expect("connect").offers_group_protocol(strategy)
}

/// The group's committed offsets of every partition (`0` when none: the successor starts from
/// the beginning with `auto.offset.reset=earliest`).
async fn committed(backend: &Backend, group: &str, topic: &str) -> HashMap<i32, i64> {
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.group_id = Some(group.into());
    let probe = Consumer::new(config).expect("consumer");
    let partitions: Vec<(&str, i32)> = (0..PARTITIONS).map(|p| (topic, p)).collect();
    let offsets = probe.committed(&partitions).await.expect("committed offsets");
    probe.close().await;
    (0..PARTITIONS).zip(offsets).map(|(p, o)| (p, o.unwrap_or(0))).collect()
}

/// Moves what arrived on `rx` into `reads` for up to `wait`.
async fn collect(rx: &mut mpsc::UnboundedReceiver<MemberRead>, reads: &mut Vec<MemberRead>, wait: Duration) {
    let deadline = tokio::time::Instant::now() + wait;
    while let Ok(Some(read)) = tokio::time::timeout_at(deadline, rx.recv()).await {
        reads.push(read);
    }
}

/// Waits (at most 60 s, collecting reads meanwhile) until every partition has exactly one
/// owner among `members` and each member owns some.
async fn settle(
    members: &BTreeMap<usize, Worker>,
    rx: &mut mpsc::UnboundedReceiver<MemberRead>,
    reads: &mut Vec<MemberRead>,
    events: &[String],
) {
    Wait::new(format!("the group settled after {events:?}"), Duration::from_secs(60))
        .every(Duration::ZERO)
        .until(async || {
            let owned: Vec<_> = members.values().map(|w| w.owned.get()).collect();
            let total: usize = owned.iter().map(|o| o.len()).sum();
            let union: HashSet<_> = owned.iter().flatten().collect();
            if total == PARTITIONS as usize && union.len() == total && owned.iter().all(|o| !o.is_empty()) {
                return Ready(());
            }
            collect(rx, reads, Duration::from_millis(100)).await;
            NotYet(owned)
        })
        .await;
}

async fn churn(strategy: &str) {
    let backend = Backend::from_env().await;
    if !supports_groups(&backend, strategy).await {
        kfk_stub::skip_test!("this broker does not offer the {strategy} group protocol");
        return;
    }
    let started = Instant::now();
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("churn");
    create_topic(&mut conn, &topic, PARTITIONS).await;
    let group = unique_topic("churn-g");
    let (tx, mut rx) = mpsc::unbounded_channel();
    let start = |id: usize| Worker::start(id, member_config(&backend, &group, strategy), &[&topic], tx.clone());

    let producer = Producer::new(
        ProducerConfig::builder()
            .bootstrap_servers(&backend.bootstrap)
            .enable_idempotence(true)
            .build()
            .expect("config"),
    )
    .expect("producer");
    let mut ledger = Ledger::default();
    let mut reads: Vec<MemberRead> = Vec::new();
    let mut members: BTreeMap<usize, Worker> = (0..3).map(|id| (id, start(id))).collect();
    let mut next_id = 3;
    // Per crashed member: the group's committed offsets once it was gone.
    let mut crashes: Vec<(usize, HashMap<i32, i64>)> = Vec::new();
    let mut events = Vec::new();

    for chunk in 0..CHUNKS {
        send_all(&producer, &topic, PER_CHUNK, &mut ledger).await;
        collect(&mut rx, &mut reads, Duration::from_millis(300)).await;
        if matches!(chunk, 3 | 6 | 9 | 12 | 15) {
            // Each change meets a settled group, so that every member gets to work.
            settle(&members, &mut rx, &mut reads, &events).await;
        }
        match chunk {
            3 | 12 => {
                members.insert(next_id, start(next_id));
                events.push(format!("{:.1}s chunk {chunk}: member {next_id} joins", started.elapsed().as_secs_f64()));
                next_id += 1;
            }
            6 | 15 => {
                let (&id, _) = members.iter().next().expect("a member");
                members.remove(&id).expect("member").leave().await;
                events.push(format!("{:.1}s chunk {chunk}: member {id} leaves", started.elapsed().as_secs_f64()));
            }
            9 => {
                let (&id, _) = members.iter().next().expect("a member");
                members.remove(&id).expect("member").crash().await;
                // Anything still in flight from it has landed once its tasks are gone.
                collect(&mut rx, &mut reads, Duration::from_millis(500)).await;
                let at_crash = committed(&backend, &group, &topic).await;
                let mut last_read: BTreeMap<i32, i64> = BTreeMap::new();
                for r in reads.iter().filter(|r| r.member == id) {
                    let last = last_read.entry(r.record.partition).or_default();
                    *last = (*last).max(r.record.offset + 1);
                }
                eprintln!("member {id} crashed: read up to {last_read:?}, committed {at_crash:?}");
                crashes.push((id, at_crash));
                events.push(format!("{:.1}s chunk {chunk}: member {id} crashes", started.elapsed().as_secs_f64()));
            }
            _ => {}
        }
    }
    producer.close(Duration::from_secs(10)).await.expect("producer close");
    let total: usize = (0..PARTITIONS).map(|p| ledger.acked_in(p)).sum();
    assert_eq!(total, CHUNKS * PER_CHUNK, "every record acknowledged");

    // The window a crash excuses: what the crashed member read at or after the offset its
    // successor started from.
    let excused: HashSet<(usize, i32, i64)> = crashes
        .iter()
        .flat_map(|(id, committed)| {
            reads
                .iter()
                .filter(move |r| r.member == *id && r.record.offset >= committed[&r.record.partition])
                .map(|r| (r.member, r.record.partition, r.record.offset))
        })
        .collect();
    let counted = |reads: &[MemberRead]| -> Vec<ReadRecord> {
        reads
            .iter()
            .filter(|r| !excused.contains(&(r.member, r.record.partition, r.record.offset)))
            .map(|r| r.record.clone())
            .collect()
    };
    Wait::new(format!("{total} records read after the last was produced ({events:?})"), Duration::from_secs(90))
        .every(Duration::ZERO)
        .until(async || {
            let read = counted(&reads);
            if read.len() >= total {
                return Ready(());
            }
            collect(&mut rx, &mut reads, Duration::from_millis(200)).await;
            // The report says which records are still missing.
            NotYet(ledger.check(&read).to_string())
        })
        .await;
    let mut violations = Vec::new();
    for (_, worker) in std::mem::take(&mut members) {
        violations.extend(worker.owned.violations());
        worker.leave().await;
    }
    collect(&mut rx, &mut reads, Duration::from_millis(200)).await;

    let report = ledger.check(&counted(&reads));
    let mut per_member: BTreeMap<usize, usize> = BTreeMap::new();
    for r in &reads {
        *per_member.entry(r.member).or_default() += 1;
    }
    eprintln!(
        "{strategy}: {} records, read per member {per_member:?}, crash window {} records, {:.1} s; {events:?}",
        total,
        excused.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(report.is_clean() && report.read == total, "{strategy}: {report}");
    assert!(violations.is_empty(), "listener saw inconsistent ownership: {violations:?}");
    assert!(per_member.len() >= 5, "every member read something: {per_member:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn churn_under_eager_range_loses_and_duplicates_nothing() {
    churn("range").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn churn_under_cooperative_sticky_loses_and_duplicates_nothing() {
    churn("cooperative-sticky").await;
}

/// KIP-848: the coordinator assigns; a crashed member is noticed after the broker's consumer
/// session timeout (`group.consumer.session.timeout.ms`, 45 s unless the broker sets less).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn churn_under_the_consumer_protocol_loses_and_duplicates_nothing() {
    churn("consumer").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_static_member_restarting_within_its_session_causes_no_rebalance() {
    static_restart("range").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_static_cooperative_member_restarting_within_its_session_causes_no_rebalance() {
    static_restart("cooperative-sticky").await;
}

/// KIP-848: a static member leaves with epoch -2 and its replacement takes its place.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_static_member_of_a_consumer_protocol_group_restarts_without_reassignment() {
    static_restart("consumer").await;
}

async fn static_restart(strategy: &str) {
    let backend = Backend::from_env().await;
    if !supports_groups(&backend, strategy).await {
        kfk_stub::skip_test!("this broker does not offer the {strategy} group protocol");
        return;
    }
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("static");
    create_topic(&mut conn, &topic, 6).await;
    let group = unique_topic("static-g");
    let config = |instance: &str| {
        let mut config = member_config(&backend, &group, strategy);
        config.group.instance_id = Some(instance.into());
        config.group.session_timeout = Duration::from_secs(20);
        config
    };
    let (tx, _rx) = mpsc::unbounded_channel();
    let a = Worker::start(0, config("static-a"), &[&topic], tx.clone());
    let b = Worker::start(1, config("static-b"), &[&topic], tx.clone());

    // Settled: both in one generation, all six partitions between them.
    let settled = |a: &Worker, b: &Worker| {
        let (ga, gb) = (a.consumer().membership().generation, b.consumer().membership().generation);
        let (pa, pb) = (a.owned.get(), b.owned.get());
        (ga >= 1 && ga == gb && pa.len() + pb.len() == 6 && pa.is_disjoint(&pb) && !pa.is_empty() && !pb.is_empty())
            .then_some((ga, pa, pb))
    };
    let (generation, owned_a, owned_b) =
        wait_until(format!("{strategy}: the static group settled"), Duration::from_secs(30), async || {
            match settled(&a, &b) {
                Some(s) => Ready(s),
                None => NotYet((a.owned.get(), b.owned.get())),
            }
        })
        .await;

    // What a gave up while the group formed (under KIP-848 the first member may get every
    // partition before the second joins, depending on when the coordinator computes the
    // assignment); the restart must add nothing to it.
    let revoked_before = a.owned.callbacks().revoked;

    // b restarts: closes (a static member does not leave the group for good) and comes back
    // with its instance id.
    b.leave().await;
    let b = Worker::start(2, config("static-b"), &[&topic], tx.clone());
    wait_until(
        format!("{strategy}: partitions for the restarted static member"),
        Duration::from_secs(15),
        async || ready_when(b.owned.get(), |owned| !owned.is_empty()),
    )
    .await;
    // Give a rebalance, if one was (wrongly) started, the time to show in a's heartbeats.
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(b.owned.get(), owned_b, "{strategy}: the restarted member gets its old partitions back");
    if strategy != "consumer" {
        // (Under KIP-848 a member's epoch is its own; the group's is not visible here.)
        assert_eq!(b.consumer().membership().generation, generation, "{strategy}: no new generation");
    }
    assert_eq!(a.consumer().membership().generation, generation, "{strategy}: a saw no rebalance");
    assert_eq!(a.owned.get(), owned_a, "{strategy}");
    assert_eq!(a.owned.callbacks().revoked, revoked_before, "{strategy}: a gave nothing up");
    a.leave().await;
    b.leave().await;
}

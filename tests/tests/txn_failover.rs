//! Exactly-once under failures, as Kafka's transactions system test checks it: three
//! transactional copiers, each a process of its own, move 100,000 records from a 6-partition
//! input topic to an output topic while copier processes are SIGKILLed and restarted (a
//! restart fences the zombie) and, on a real 3-broker
//! cluster, the transaction coordinator and a partition leader are killed with SIGKILL and
//! restarted, and so are the copiers' group coordinator and an input partition's leader. The
//! committed output must equal the input as a set, without duplicates, in input order per
//! partition; a concurrent read_committed reader must never see an aborted record.
//!
//! On the stub backend it runs with copier kills only (the stub runs no JVM to kill); on the
//! real backend it starts its own 3-node cluster on ports 9392-9394 (`TXN_FAILOVER_PORT` moves
//! them; `KAFKA_TEST_VERSION` picks the release).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kfk_client::cluster::CoordinatorType;
use kfk_client::config::{ConsumerConfig, IsolationLevel, OffsetReset, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::producer::{Producer, ProducerRecord};
use tests::copier::{self, CopierProcess, Topics};
use tests::delivery::Ledger;
use tests::read::ReadRecord;
use tests::topics::create_topic;
use tests::{ready_when, wait_until, Backend, BackendKind, Conn, NotYet, Ready, Wait};

const RECORDS: usize = 100_000;
const PARTITIONS: i32 = 6;
const COPIERS: usize = 3;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn copiers_move_every_record_exactly_once_through_crashes() {
    let backend = Backend::from_env().await;
    let mut running = None;
    let bootstrap = if backend.kind == BackendKind::Kafka {
        // `TXN_FAILOVER_PORT` moves the cluster, so that repeated runs can go beside the suite's.
        let base_port = std::env::var("TXN_FAILOVER_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(9392);
        let Some(cluster) = tests::cluster::start(
            "txn_failover",
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("txn-failover"),
            3,
            base_port,
            &[],
        )
        .await
        else {
            return;
        };
        let bootstrap = cluster.bootstrap();
        running = Some(cluster);
        bootstrap
    } else {
        backend.bootstrap.clone()
    };

    let run = tests::unique_topic("eos");
    // On the real cluster each broker restart takes seconds: the copiers pause after each
    // transaction so that every failure lands while the copy is still under way.
    let pause = if running.is_some() { Duration::from_millis(600) } else { Duration::ZERO };
    let topics =
        Topics { bootstrap: bootstrap.clone(), input: format!("{run}-in"), output: format!("{run}-out"), pause };
    let mut conn = Conn::connect(bootstrap.split(',').next().expect("an address")).await.expect("connect");
    create_topic(&mut conn, &topics.input, PARTITIONS).await;
    create_topic(&mut conn, &topics.output, PARTITIONS).await;

    // The input: keys spread over the partitions, values numbered in send order.
    let producer = Producer::new(ProducerConfig::builder().bootstrap_servers(&bootstrap).build().expect("config"))
        .expect("producer");
    let mut sent = Vec::with_capacity(RECORDS);
    let mut deliveries = Vec::with_capacity(RECORDS);
    for i in 0..RECORDS {
        let (key, value) = (format!("k{}", i % 997), format!("{i}"));
        let record = ProducerRecord::new(&topics.input).key(key.as_bytes()).value(value.as_bytes());
        deliveries.push(producer.enqueue(record).await.expect("enqueue"));
        sent.push(value.into_bytes());
    }
    // The copy is checked against the input: sent in input order, "acknowledged" at its input
    // partition (its offset in the output is not known in advance).
    let mut input = Ledger::identified_by(copier::untag);
    for (d, value) in deliveries.into_iter().zip(sent) {
        input.sent(&value);
        input.acked(d.await.expect("input delivered").partition, -1, &value);
    }

    let stop = Arc::new(AtomicBool::new(false));
    let logs = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{run}-copiers"));
    std::fs::create_dir_all(&logs).expect("log directory");
    let spawn = |slot: usize| {
        let log = logs.join(format!("copier-{slot}.log"));
        CopierProcess::spawn(std::path::Path::new(env!("CARGO_BIN_EXE_copier")), slot, &topics, &log)
            .expect("start a copier process")
    };
    let mut copiers: Vec<Option<CopierProcess>> = (0..COPIERS).map(|slot| Some(spawn(slot))).collect();
    let watched = Arc::new(Mutex::new(Vec::new()));
    let watcher = tokio::spawn(copier::watch(
        bootstrap.clone(),
        topics.output.clone(),
        PARTITIONS,
        stop.clone(),
        watched.clone(),
    ));

    let started = Instant::now();
    let copied = || watched.lock().unwrap_or_else(|p| p.into_inner()).len();
    // SIGKILL two copiers at different points; the restarted ones fence their zombies.
    for (slot, after) in [(0, RECORDS / 20), (2, RECORDS / 8)] {
        wait_for(&copied, after, started).await;
        eprintln!("SIGKILL copier {slot} after {} output records", copied());
        // Killed first, then restarted: a crash, not a zombie running beside its successor.
        if let Some(crashed) = copiers[slot].take() {
            tokio::task::spawn_blocking(move || crashed.kill()).await.expect("join");
        }
        copiers[slot] = Some(spawn(slot));
    }

    if let Some(cluster) = running.as_mut() {
        // Each broker dies while copying is under way: the transaction coordinator of one
        // copier, the leader of an output partition, then the group coordinator of the copiers
        // and the leader of an input partition.
        producer.cluster().track_topics([topics.input.as_str(), topics.output.as_str()]);
        let metadata = producer.cluster().refresh().await.expect("metadata");
        let roles = [
            (
                RECORDS / 5,
                "transaction coordinator of copier 1",
                producer
                    .cluster()
                    .find_coordinator(CoordinatorType::Transaction, &format!("{}-copier-1", topics.input))
                    .await
                    .expect("transaction coordinator"),
            ),
            (
                RECORDS * 7 / 20,
                "leader of output partition 0",
                metadata.partition(&topics.output, 0).expect("output partition 0").leader,
            ),
            (
                RECORDS / 2,
                "group coordinator of the copiers",
                producer
                    .cluster()
                    .find_coordinator(CoordinatorType::Group, &format!("{}-copiers", topics.input))
                    .await
                    .expect("group coordinator"),
            ),
            (
                RECORDS * 13 / 20,
                "leader of input partition 1",
                metadata.partition(&topics.input, 1).expect("input").leader,
            ),
        ];
        for (after, role, node) in roles {
            wait_for(&copied, after, started).await;
            let before = copied();
            assert!(before < RECORDS, "copying must still be under way when the {role} dies ({before} copied)");
            cluster.kill_and_restart(node, Duration::from_secs(3), role).await;
            eprintln!("{} output records after the restart of the {role} (node {node})", copied());
        }
    }

    // Wait until the committed output holds every input record once (or time runs out).
    let output = read_committed(&bootstrap, &topics.output, RECORDS, Duration::from_secs(240)).await;
    stop.store(true, Ordering::SeqCst);
    tokio::task::spawn_blocking(move || copiers.into_iter().flatten().for_each(CopierProcess::kill))
        .await
        .expect("join");
    let _ = tokio::time::timeout(Duration::from_secs(10), watcher).await;
    producer.close(Duration::from_secs(5)).await.expect("close");

    let watched = watched.lock().unwrap_or_else(|p| p.into_inner()).clone();
    let report = input.check_read_committed(&output, &watched);
    eprintln!(
        "{report}watcher saw {} records, {:.1} s; copier logs in {}",
        watched.len(),
        started.elapsed().as_secs_f64(),
        logs.display()
    );
    assert!(report.is_clean(), "{report}");
    assert_eq!(report.read, RECORDS, "{report}");
}

/// Waits until `progress()` reaches `target` (at most 400 s after `since`), saying every 10 s
/// how far it got.
async fn wait_for(progress: &impl Fn() -> usize, target: usize, since: Instant) {
    let mut said = Instant::now();
    let left = Duration::from_secs(400).saturating_sub(since.elapsed());
    wait_until(format!("{target} output records"), left, async || {
        if said.elapsed() > Duration::from_secs(10) {
            eprintln!("{:.0} s: {} of {target} output records", since.elapsed().as_secs_f64(), progress());
            said = Instant::now();
        }
        ready_when(progress(), |&copied| copied >= target)
    })
    .await;
}

/// Reads the committed output until `expected` records arrived and nothing more comes for
/// two seconds, or `limit` passes.
async fn read_committed(bootstrap: &str, topic: &str, expected: usize, limit: Duration) -> Vec<ReadRecord> {
    let mut config = ConsumerConfig::new(bootstrap);
    config.auto_offset_reset = OffsetReset::Earliest;
    config.isolation_level = IsolationLevel::ReadCommitted;
    config.max_poll_records = 5000;
    let consumer = Consumer::new(config).expect("consumer");
    consumer.assign((0..PARTITIONS).map(|p| (topic, p)));
    let mut quiet_since = Instant::now();
    let mut out = Vec::with_capacity(expected);
    // Running out of time is no failure of its own: the delivery check names what is missing.
    let _ = Wait::new("every record read committed, then quiet for 2 s", limit)
        .every(Duration::ZERO)
        .try_until(async || {
            match consumer.poll(Duration::from_millis(300)).await {
                Ok(records) if !records.is_empty() => {
                    quiet_since = Instant::now();
                    out.extend(records.iter().map(ReadRecord::from));
                }
                Ok(_) if out.len() >= expected && quiet_since.elapsed() > Duration::from_secs(2) => return Ready(()),
                Ok(_) => {}
                Err(e) => eprintln!("reader: {e}"),
            }
            NotYet(out.len())
        })
        .await;
    consumer.close().await;
    out
}

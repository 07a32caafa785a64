//! A real 3-broker cluster whose partition leader is killed (SIGKILL) and restarted while
//! 200,000 records are produced with `acks=all` and idempotence: every acknowledged record must
//! be read back exactly once and in order.
//!
//! Runs on its own cluster on ports 9292-9294 (see `tests::cluster` for when).

use std::time::{Duration, Instant};

use kfk_client::config::{ConsumerConfig, OffsetReset, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::producer::{Producer, ProducerRecord};
use tests::delivery::Ledger;
use tests::read::{as_reads, poll_until_quiet};
use tests::topics::create_topic;
use tests::Conn;

const RECORDS: usize = 200_000;
const PARTITIONS: i32 = 3;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killing_the_leader_loses_and_duplicates_nothing() {
    // `LEADER_FAILOVER_PORT` moves the cluster, so that repeated runs can go beside the suite's.
    let base_port = std::env::var("LEADER_FAILOVER_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(9292);
    let Some(mut running) = tests::cluster::start(
        "leader_failover",
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("leader-failover"),
        3,
        base_port,
        &[],
    )
    .await
    else {
        return;
    };
    let bootstrap = running.bootstrap();

    let mut conn = Conn::connect(bootstrap.split(',').next().expect("an address")).await.expect("connect");
    let topic = tests::unique_topic("failover");
    create_topic(&mut conn, &topic, PARTITIONS).await;

    let producer = Producer::new(
        ProducerConfig::builder()
            .bootstrap_servers(&bootstrap)
            .request_timeout(Duration::from_secs(10))
            .delivery_timeout(Duration::from_secs(180))
            .retry_backoff(Duration::from_millis(50), Duration::from_millis(500))
            .build()
            .expect("config"),
    )
    .expect("producer");

    // Produce in the background; kill the leader of partition 0 a quarter of the way through.
    let produce = {
        let producer = producer.clone();
        let topic = topic.clone();
        tokio::spawn(async move {
            let mut deliveries = Vec::with_capacity(RECORDS);
            for i in 0..RECORDS {
                let value = format!("{topic}-{i}");
                let partition = (i % PARTITIONS as usize) as i32;
                let d = producer
                    .enqueue(ProducerRecord::new(&topic).partition(partition).value(value.as_bytes()))
                    .await
                    .expect("enqueue");
                deliveries.push((value, d));
                // Spread the records over ~10 s so the leader dies mid-stream.
                if i % 1000 == 999 {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
            let mut ledger = Ledger::default();
            let mut failures = Vec::new();
            for (value, d) in deliveries {
                ledger.sent(value.as_bytes());
                match d.await {
                    Ok(meta) => ledger.acked(meta.partition, meta.offset, value.as_bytes()),
                    Err(e) => {
                        failures.push(e.to_string());
                        ledger.failed(value.as_bytes());
                    }
                }
            }
            (ledger, failures)
        })
    };
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(!produce.is_finished(), "producing must still be under way when the leader dies");
    let leader =
        producer.cluster().refresh().await.expect("metadata").partition(&topic, 0).expect("partition 0").leader;
    let killed_at = Instant::now();
    running.kill_and_restart(leader, Duration::from_secs(5), "leader of partition 0").await;
    let still_producing = !produce.is_finished();
    eprintln!(
        "killed and restarted node {leader} (leader of partition 0) in {:.1} s",
        killed_at.elapsed().as_secs_f64()
    );

    eprintln!("producing still under way after the restart: {still_producing}");
    let (ledger, failures) =
        tokio::time::timeout(Duration::from_secs(300), produce).await.expect("producing ends").expect("join");
    producer.close(Duration::from_secs(10)).await.expect("close");

    // Read everything back with our consumer (it follows leadership).
    let mut config = ConsumerConfig::new(&bootstrap);
    config.auto_offset_reset = OffsetReset::Earliest;
    config.max_poll_records = 5000;
    let consumer = Consumer::new(config).expect("consumer");
    consumer.assign((0..PARTITIONS).map(|p| (topic.as_str(), p)));
    let acked = RECORDS - failures.len();
    let reads = as_reads(&poll_until_quiet(&consumer, acked, Duration::from_secs(2), Duration::from_secs(120)).await);
    consumer.close().await;
    let report = ledger.check(&reads);
    eprintln!("{report}");
    if !failures.is_empty() {
        eprintln!("{} sends failed, e.g. {:?}", failures.len(), &failures[..failures.len().min(3)]);
    }
    assert!(
        report.lost.is_empty()
            && report.duplicate.is_empty()
            && report.reordered.is_empty()
            && report.phantom.is_empty(),
        "{report}"
    );
    // Retries within delivery.timeout.ms ride out a leader restart: no send may fail.
    assert!(failures.is_empty(), "{} sends failed, e.g. {:?}", failures.len(), failures.first());
}

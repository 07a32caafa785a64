//! `kfk producer-perf-test` and `kfk consumer-perf-test`, printing the summary lines of Java's
//! `ProducerPerformance` and `ConsumerPerformance`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use kfk_client::consumer::Consumer;
use kfk_client::producer::{Producer, ProducerRecord};
use tokio::sync::mpsc;

use crate::cli::{ConsumerPerfArgs, Global, ProducerPerfArgs};
use crate::props::{self, parse_pairs, Pairs};

const MB: f64 = 1024.0 * 1024.0;

/// Java's payload: random upper-case letters (here from a fixed-seed generator).
fn payload(size: usize) -> Vec<u8> {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    (0..size)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            b'A' + (x % 26) as u8
        })
        .collect()
}

/// Latencies of one reporting window and of the whole run.
#[derive(Debug, Default)]
struct Stats {
    count: u64,
    bytes: u64,
    total_latency: u128,
    max_latency: u128,
    latencies: Vec<u32>,
    window_start: Option<Instant>,
    window_count: u64,
    window_bytes: u64,
    window_latency: u128,
    window_max: u128,
}

impl Stats {
    fn record(&mut self, latency_ms: u128, bytes: usize) {
        self.count += 1;
        self.bytes += bytes as u64;
        self.total_latency += latency_ms;
        self.max_latency = self.max_latency.max(latency_ms);
        self.latencies.push(latency_ms.min(u32::MAX as u128) as u32);
        self.window_count += 1;
        self.window_bytes += bytes as u64;
        self.window_latency += latency_ms;
        self.window_max = self.window_max.max(latency_ms);
        let start = *self.window_start.get_or_insert_with(Instant::now);
        if start.elapsed() >= Duration::from_secs(5) {
            let secs = start.elapsed().as_secs_f64();
            println!(
                "{} records sent, {:.1} records/sec ({:.2} MB/sec), {:.1} ms avg latency, {:.1} ms max latency.",
                self.window_count,
                self.window_count as f64 / secs,
                self.window_bytes as f64 / MB / secs,
                self.window_latency as f64 / self.window_count.max(1) as f64,
                self.window_max as f64
            );
            self.window_start = Some(Instant::now());
            self.window_count = 0;
            self.window_bytes = 0;
            self.window_latency = 0;
            self.window_max = 0;
        }
    }

    fn percentile(sorted: &[u32], p: f64) -> u32 {
        if sorted.is_empty() {
            return 0;
        }
        sorted[((sorted.len() as f64 * p) as usize).min(sorted.len() - 1)]
    }
}

pub async fn producer(global: &Global, args: ProducerPerfArgs) -> Result<ExitCode> {
    let mut settings: Pairs = parse_pairs(&args.producer_props, "--producer-props")?;
    if let Some(id) = &args.transactional_id {
        settings.push(("transactional.id".into(), id.clone()));
    }
    let config = props::producer_config(global, &settings)?;
    crate::consume::check_topic(global, &args.topic).await?;
    let producer = Producer::new(config).context("cannot create the producer")?;
    let value = payload(args.record_size);
    let (tx, mut rx) = mpsc::unbounded_channel::<(Instant, kfk_client::producer::Delivery)>();
    let size = args.record_size;
    let collector = tokio::spawn(async move {
        let mut stats = Stats::default();
        let mut failed = 0u64;
        while let Some((sent_at, d)) = rx.recv().await {
            match d.await {
                Ok(_) => stats.record(sent_at.elapsed().as_millis(), size),
                Err(e) => {
                    failed += 1;
                    if failed <= 5 {
                        eprintln!("error: {e}");
                    }
                }
            }
        }
        (stats, failed)
    });
    let started = Instant::now();
    let per_record = (args.throughput > 0.0).then(|| Duration::from_secs_f64(1.0 / args.throughput));
    if args.transactional_id.is_some() {
        producer.init_transactions().await.context("init_transactions")?;
        producer.begin_transaction().context("begin_transaction")?;
    }
    let mut in_txn = Instant::now();
    let bar = crate::table::progress(args.num_records, "records");
    for i in 0..args.num_records {
        if let Some(bar) = &bar {
            bar.inc(1);
        }
        if let Some(per) = per_record {
            tokio::time::sleep_until((started + per.mul_f64(i as f64)).into()).await;
        }
        let d = producer.enqueue(ProducerRecord::new(&args.topic).value(&value)).await.context("enqueue")?;
        let _ = tx.send((Instant::now(), d));
        if args.transactional_id.is_some() && in_txn.elapsed() >= Duration::from_millis(args.transaction_duration_ms) {
            producer.commit_transaction().await.context("commit_transaction")?;
            producer.begin_transaction().context("begin_transaction")?;
            in_txn = Instant::now();
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if args.transactional_id.is_some() {
        producer.commit_transaction().await.context("commit_transaction")?;
    }
    drop(tx);
    let _ = producer.close(Duration::from_secs(60)).await;
    let (mut stats, failed) = collector.await.context("the acknowledgement task")?;
    let secs = started.elapsed().as_secs_f64().max(1e-3);
    stats.latencies.sort_unstable();
    let l = &stats.latencies;
    println!(
        "{} records sent, {:.1} records/sec ({:.2} MB/sec), {:.2} ms avg latency, {:.2} ms max latency, {} ms 50th, {} ms 95th, {} ms 99th, {} ms 99.9th.",
        stats.count,
        stats.count as f64 / secs,
        stats.bytes as f64 / MB / secs,
        stats.total_latency as f64 / stats.count.max(1) as f64,
        stats.max_latency as f64,
        Stats::percentile(l, 0.5),
        Stats::percentile(l, 0.95),
        Stats::percentile(l, 0.99),
        Stats::percentile(l, 0.999)
    );
    if failed > 0 {
        eprintln!("error: {failed} of {} records failed", args.num_records);
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn java_time(t: chrono::DateTime<chrono::Local>) -> String {
    t.format("%Y-%m-%d %H:%M:%S:%3f").to_string()
}

pub async fn consumer(global: &Global, args: ConsumerPerfArgs) -> Result<ExitCode> {
    if args.messages == 0 {
        bail!("--messages must be at least 1");
    }
    let group = args.group.clone().unwrap_or_else(|| format!("perf-consumer-{}", std::process::id()));
    let mut settings: Pairs = vec![
        ("group.id".into(), group),
        ("auto.offset.reset".into(), if args.from_latest { "latest".into() } else { "earliest".into() }),
        ("enable.auto.commit".into(), "false".into()),
    ];
    settings.extend(parse_pairs(&args.consumer_property, "--consumer-property")?);
    let config = props::consumer_config(global, &settings)?;
    crate::consume::check_topic(global, &args.topic).await?;
    let consumer = Consumer::new(config).context("cannot create the consumer")?;
    consumer.subscribe([args.topic.as_str()])?;
    let start_wall = chrono::Local::now();
    let started = Instant::now();
    let mut first_record: Option<Instant> = None;
    let mut last_record = Instant::now();
    let (mut count, mut bytes) = (0u64, 0u64);
    let timeout = Duration::from_millis(args.timeout);
    while count < args.messages && last_record.elapsed() < timeout {
        let records = consumer.poll(Duration::from_millis(100)).await?;
        if records.is_empty() {
            continue;
        }
        first_record.get_or_insert_with(Instant::now);
        last_record = Instant::now();
        for r in records {
            count += 1;
            bytes += r.value.as_ref().map(|v| v.len()).unwrap_or(0) as u64
                + r.key.as_ref().map(|k| k.len()).unwrap_or(0) as u64;
        }
    }
    let end_wall = chrono::Local::now();
    let elapsed = started.elapsed().as_secs_f64().max(1e-3);
    let rebalance = first_record.map(|f| f.duration_since(started)).unwrap_or_default();
    let fetch = (started.elapsed() - rebalance).as_secs_f64().max(1e-3);
    let mb = bytes as f64 / MB;
    if !args.hide_header {
        println!(
            "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec"
        );
    }
    println!(
        "{}, {}, {mb:.4}, {:.4}, {count}, {:.4}, {}, {}, {:.4}, {:.4}",
        java_time(start_wall),
        java_time(end_wall),
        mb / elapsed,
        count as f64 / elapsed,
        rebalance.as_millis(),
        (fetch * 1000.0) as u64,
        mb / fetch,
        count as f64 / fetch
    );
    consumer.close().await;
    if count < args.messages {
        eprintln!(
            "WARNING: Exiting before consuming the expected number of messages: timeout ({} ms) exceeded. You can use \
             the --timeout option to increase the timeout.",
            args.timeout
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_are_upper_case_letters_of_the_size_asked() {
        let p = payload(100);
        assert_eq!(p.len(), 100);
        assert!(p.iter().all(u8::is_ascii_uppercase));
    }

    #[test]
    fn percentiles_pick_from_sorted_latencies() {
        let l: Vec<u32> = (1..=100).collect();
        assert_eq!(Stats::percentile(&l, 0.5), 51);
        assert_eq!(Stats::percentile(&l, 0.999), 100);
        assert_eq!(Stats::percentile(&[], 0.5), 0);
    }
}

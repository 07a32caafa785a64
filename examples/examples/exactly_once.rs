//! Exactly-once consume-transform-produce: two copiers in one consumer group read an input
//! topic, upper-case each value, and write it to an output topic, each input run and its
//! offsets in one transaction.
//!
//! ```sh
//! cargo run -p examples --example exactly_once                                   # in-process stub
//! KAFKA_BOOTSTRAP_SERVERS=localhost:9092 cargo run -p examples --example exactly_once   # your cluster
//! ```
//!
//! It fills a 6-partition input topic with 10,000 records, runs the copiers until a
//! read_committed reader has seen 10,000 output records, then checks that the output holds
//! every input value exactly once, in input order per key, and prints a summary.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use examples::BoxError;
use kfk_admin::{Admin, AdminConfig};
use kfk_client::config::{ConsumerConfig, IsolationLevel, OffsetReset, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::exactly_once::ExactlyOnce;
use kfk_client::producer::{Producer, ProducerRecord};

const RECORDS: usize = 10_000;
const COPIERS: usize = 2;

#[derive(Default)]
struct Tally {
    committed: AtomicUsize,
    aborted: AtomicUsize,
    copied: [AtomicUsize; COPIERS],
}

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::from_default_env()).init();
    let (bootstrap, stub) = examples::broker().await?;
    println!("broker: {bootstrap}{}", if stub.is_some() { " (in-process stub)" } else { "" });
    let run = std::process::id();
    let (input, output) = (format!("eos-in-{run}"), format!("eos-out-{run}"));

    let admin = Admin::new(AdminConfig::builder().bootstrap_servers(&bootstrap).build()?)?;
    examples::create_topic(&admin, &input, 6).await?;
    examples::create_topic(&admin, &output, 6).await?;
    let producer = Producer::new(ProducerConfig::builder().bootstrap_servers(&bootstrap).build()?)?;
    let mut deliveries = Vec::with_capacity(RECORDS);
    for i in 0..RECORDS {
        let (key, value) = (format!("key-{}", i % 50), format!("value {i}"));
        deliveries
            .push(producer.enqueue(ProducerRecord::new(&input).key(key.as_bytes()).value(value.as_bytes())).await?);
    }
    for d in deliveries {
        d.await?;
    }
    println!("produced {RECORDS} records to {input}");

    let stop = Arc::new(AtomicBool::new(false));
    let tally = Arc::new(Tally::default());
    let mut copiers = Vec::new();
    for n in 0..COPIERS {
        let (bootstrap, input, output) = (bootstrap.clone(), input.clone(), output.clone());
        let (stop, tally) = (stop.clone(), tally.clone());
        copiers.push(tokio::spawn(async move { copier(n, &bootstrap, &input, &output, &stop, &tally).await }));
    }

    // Read the output as a downstream read_committed consumer would.
    let config = ConsumerConfig::builder()
        .bootstrap_servers(&bootstrap)
        .auto_offset_reset(OffsetReset::Earliest)
        .isolation_level(IsolationLevel::ReadCommitted)
        .build()?;
    let reader = Consumer::new(config)?;
    reader.assign((0..6).map(|p| (output.as_str(), p)));
    let started = Instant::now();
    let mut seen: Vec<(String, String)> = Vec::with_capacity(RECORDS);
    while seen.len() < RECORDS {
        if started.elapsed() > Duration::from_secs(120) {
            return Err(format!("only {} of {RECORDS} output records after 120 s", seen.len()).into());
        }
        for r in reader.poll(Duration::from_millis(200)).await? {
            let text =
                |b: &Option<bytes::Bytes>| String::from_utf8_lossy(b.as_deref().unwrap_or_default()).into_owned();
            seen.push((text(&r.key), text(&r.value)));
        }
    }
    // A little longer: a duplicate would show up now.
    let settle = Instant::now();
    while settle.elapsed() < Duration::from_secs(2) {
        for r in reader.poll(Duration::from_millis(200)).await? {
            seen.push((String::from_utf8_lossy(r.key.as_deref().unwrap_or_default()).into_owned(), String::new()));
        }
    }
    stop.store(true, Ordering::SeqCst);
    for c in copiers {
        c.await??;
    }
    reader.close().await;

    let distinct: HashSet<&str> = seen.iter().map(|(_, v)| v.as_str()).collect();
    let expected: HashSet<String> = (0..RECORDS).map(|i| format!("VALUE {i}")).collect();
    let missing = expected.iter().filter(|v| !distinct.contains(v.as_str())).count();
    let duplicates = seen.len() - distinct.len();
    // Per key, values must come in input order (keys map to one input and one output partition).
    let mut last: HashMap<&str, usize> = HashMap::new();
    let mut reordered = 0;
    for (key, value) in &seen {
        let Some(n) = value.strip_prefix("VALUE ").and_then(|n| n.parse::<usize>().ok()) else { continue };
        if last.insert(key.as_str(), n).is_some_and(|prev| prev > n) {
            reordered += 1;
        }
    }
    println!(
        "copied by copier 1: {}, copier 2: {}; transactions committed: {}, aborted: {}",
        tally.copied[0].load(Ordering::SeqCst),
        tally.copied[1].load(Ordering::SeqCst),
        tally.committed.load(Ordering::SeqCst),
        tally.aborted.load(Ordering::SeqCst)
    );
    println!(
        "output {}: read {} records, missing {missing}, duplicates {duplicates}, out of order {reordered}",
        output,
        seen.len()
    );
    examples::delete_topics(&admin, &[&input, &output]).await?;
    producer.close(Duration::from_secs(5)).await?;
    if missing + duplicates + reordered > 0 {
        return Err("the output is not exactly the input".into());
    }
    println!("exactly once: every input record is in the output once");
    Ok(())
}

/// One copier: poll, transform, produce, commit, until told to stop.
async fn copier(
    n: usize,
    bootstrap: &str,
    input: &str,
    output: &str,
    stop: &AtomicBool,
    tally: &Tally,
) -> Result<(), BoxError> {
    let consumer = ConsumerConfig::builder()
        .bootstrap_servers(bootstrap)
        .group_id(format!("{input}-copiers"))
        .auto_offset_reset(OffsetReset::Earliest)
        .heartbeat_interval(Duration::from_millis(500))
        .build()?;
    let producer = ProducerConfig::builder()
        .bootstrap_servers(bootstrap)
        .transactional_id(format!("{input}-copier-{n}"))
        .build()?;
    let eos = ExactlyOnce::new(consumer, producer).await?;
    eos.subscribe([input])?;
    while !stop.load(Ordering::SeqCst) {
        let records = eos.poll(Duration::from_millis(100)).await?;
        if records.is_empty() {
            continue;
        }
        let mut failed = None;
        for r in &records {
            let value = r.value.as_deref().unwrap_or_default().to_ascii_uppercase();
            let record = ProducerRecord::new(output).key(r.key.as_deref().unwrap_or_default()).value(&value);
            if let Err(e) = eos.producer().enqueue(record).await {
                failed = Some(e);
                break;
            }
        }
        let outcome = match failed {
            Some(e) => eos.abort().await.map(|()| Err(e)),
            None => Ok(eos.commit().await),
        };
        match outcome? {
            Ok(()) => {
                tally.committed.fetch_add(1, Ordering::SeqCst);
                tally.copied[n].fetch_add(records.len(), Ordering::SeqCst);
            }
            Err(e) => {
                tally.aborted.fetch_add(1, Ordering::SeqCst);
                eprintln!("copier {}: transaction aborted ({e}); its input is read again", n + 1);
            }
        }
    }
    eos.close(Duration::from_secs(5)).await?;
    Ok(())
}

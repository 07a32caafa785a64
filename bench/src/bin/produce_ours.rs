//! Load generator for `cargo xtask bench produce`: our producer (`kafka-client`).
//!
//! Arguments and output: see [`kafka_bench::produce`]. Records go through
//! [`Producer::enqueue`], the call an application producing as fast as it can makes: it waits
//! only when `buffer.memory` is full, and the returned `Delivery` is dropped (failures still
//! surface from `flush`, which this program calls at the end and counts). With
//! `--transaction-ms`, records go in transactions of that length and only committed ones count.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use kafka_bench::produce::{Args, Outcome, Values, ACKS, BATCH_SIZE, IDEMPOTENCE, LINGER_MS};
use kfk_client::config::ProducerConfig;
use kfk_client::producer::{Producer, ProducerRecord};

#[tokio::main]
async fn main() -> ExitCode {
    let args = match Args::from_env() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("produce_ours: {e}");
            return ExitCode::FAILURE;
        }
    };
    match run(&args).await {
        Ok(outcome) => {
            println!("{}", outcome.line());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("produce_ours: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: &Args) -> Result<Outcome, Box<dyn std::error::Error>> {
    let mut properties = vec![
        ("bootstrap.servers", args.bootstrap.clone()),
        ("acks", ACKS.into()),
        ("enable.idempotence", IDEMPOTENCE.into()),
        ("linger.ms", LINGER_MS.into()),
        ("batch.size", BATCH_SIZE.into()),
        ("compression.type", args.compression.clone()),
    ];
    if args.transaction_ms.is_some() {
        properties.push(("transactional.id", format!("produce-ours-{}", std::process::id())));
    }
    let producer = Producer::new(ProducerConfig::from_properties(properties)?)?;
    let values = Values::new(args.value_size);
    let topic = args.topic.as_str();

    let start = Instant::now();
    let (records, errors) = match args.transaction_ms {
        None => {
            let mut sent = 0u64;
            while !args.amount.done(sent, start) {
                producer.enqueue(ProducerRecord::new(topic).value(values.get(sent))).await?;
                sent += 1;
            }
            let errors = match producer.flush().await {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("produce_ours: {e}");
                    e.count as u64
                }
            };
            (sent - errors, errors)
        }
        Some(ms) => transactions(&producer, args, &values, Duration::from_millis(ms), start).await?,
    };
    let elapsed = start.elapsed();
    producer.close(Duration::from_secs(30)).await?;
    Ok(Outcome { records, bytes: records * args.value_size as u64, elapsed, errors })
}

/// Produces in transactions of `length` each (the last one possibly shorter); returns the
/// records committed and the records of transactions that failed.
async fn transactions(
    producer: &Producer,
    args: &Args,
    values: &Values,
    length: Duration,
    start: Instant,
) -> Result<(u64, u64), Box<dyn std::error::Error>> {
    producer.init_transactions().await?;
    let (mut sent, mut committed, mut failed) = (0u64, 0u64, 0u64);
    while !args.amount.done(sent, start) {
        producer.begin_transaction()?;
        let began = Instant::now();
        let first = sent;
        // The clock is read every 256 records, as Amount::done does.
        while !args.amount.done(sent, start) && (sent % 256 != 0 || began.elapsed() < length) {
            producer.enqueue(ProducerRecord::new(&args.topic).value(values.get(sent))).await?;
            sent += 1;
        }
        match producer.commit_transaction().await {
            Ok(()) => committed += sent - first,
            Err(e) => {
                eprintln!("produce_ours: transaction failed: {e}");
                failed += sent - first;
                producer.abort_transaction().await?;
            }
        }
    }
    Ok((committed, failed))
}

//! Load generator for `cargo xtask bench consume`: our consumer (`kafka-client`).
//!
//! Arguments and output: see [`kafka_bench::consume`]. The topic's partitions are assigned
//! (no group), positions start at the log start (`auto.offset.reset=earliest`), and records are
//! read with [`Consumer::poll`] until the topic's record count is reached. Every other setting
//! is the default (as the Java client's: `fetch.max.bytes` 50 MiB, `max.partition.fetch.bytes`
//! 1 MiB, `max.poll.records` 500, `check.crcs` true).

use std::process::ExitCode;
use std::time::{Duration, Instant};

use kafka_bench::consume::{Args, Outcome, Tally, IDLE_TIMEOUT};
use kafka_client::config::ConsumerConfig;
use kafka_client::consumer::Consumer;

#[tokio::main]
async fn main() -> ExitCode {
    let args = match Args::from_env() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("consume_ours: {e}");
            return ExitCode::FAILURE;
        }
    };
    match run(&args).await {
        Ok(outcome) => {
            println!("{}", outcome.line());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("consume_ours: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: &Args) -> Result<Outcome, Box<dyn std::error::Error>> {
    let start = Instant::now();
    let config = ConsumerConfig::from_properties([
        ("bootstrap.servers", args.bootstrap.as_str()),
        ("auto.offset.reset", "earliest"),
    ])?;
    let consumer = Consumer::new(config)?;
    consumer.assign((0..args.partitions).map(|p| (args.topic.as_str(), p)));
    let mut tally = Tally::new(args.partitions);
    let mut last = Instant::now();
    while tally.records < args.records {
        let records = consumer.poll(Duration::from_secs(1)).await?;
        if records.is_empty() {
            if last.elapsed() >= IDLE_TIMEOUT {
                return Err(format!(
                    "only {} of {} records after {IDLE_TIMEOUT:?} without any new one",
                    tally.records, args.records
                )
                .into());
            }
            continue;
        }
        last = Instant::now();
        for record in &records {
            tally.record(record.partition, record.offset, record.value.as_ref().map_or(0, |v| v.len()));
        }
    }
    let elapsed = start.elapsed();
    consumer.close().await;
    Ok(tally.outcome(elapsed))
}

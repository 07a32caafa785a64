//! Load generator for `cargo xtask bench produce`: our producer (`kafka-client`).
//!
//! Arguments and output: see [`kafka_bench::produce`]. Records go through
//! [`Producer::enqueue`], the call an application producing as fast as it can makes: it waits
//! only when `buffer.memory` is full, and the returned `Delivery` is dropped (failures still
//! surface from `flush`, which this program calls at the end and counts).

use std::process::ExitCode;
use std::time::{Duration, Instant};

use kafka_bench::produce::{Args, Outcome, Values, ACKS, BATCH_SIZE, IDEMPOTENCE, LINGER_MS};
use kafka_client::config::ProducerConfig;
use kafka_client::producer::{Producer, ProducerRecord};

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
    let config = ProducerConfig::from_properties([
        ("bootstrap.servers", args.bootstrap.as_str()),
        ("acks", ACKS),
        ("enable.idempotence", IDEMPOTENCE),
        ("linger.ms", LINGER_MS),
        ("batch.size", BATCH_SIZE),
        ("compression.type", args.compression.as_str()),
    ])?;
    let producer = Producer::new(config)?;
    let values = Values::new(args.value_size);
    let topic = args.topic.as_str();

    let start = Instant::now();
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
    let elapsed = start.elapsed();
    producer.close(Duration::from_secs(30)).await?;
    let records = sent - errors;
    Ok(Outcome { records, bytes: records * args.value_size as u64, elapsed, errors })
}

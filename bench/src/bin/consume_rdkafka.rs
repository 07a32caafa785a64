//! Load generator for `cargo xtask bench consume`: librdkafka through the `rdkafka` crate.
//!
//! Arguments and output: see [`kafka_bench::consume`]; `--variant` picks the consumer:
//!
//! - `base` (the default): [`BaseConsumer`], the thin synchronous wrapper, read with `poll`.
//! - `stream`: [`StreamConsumer`], rdkafka's async API, read through its `stream()`.
//!
//! Both assign every partition at `Offset::Beginning` (a throw-away `group.id`, which librdkafka
//! wants, and no commits) and keep librdkafka's defaults for everything else (note: its
//! `check.crcs` default is false, the Java client's and ours true).

use std::process::ExitCode;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use kafka_bench::consume::{Args, Outcome, Tally, IDLE_TIMEOUT};
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer, StreamConsumer};
use rdkafka::message::Message;
use rdkafka::{Offset, TopicPartitionList};

fn main() -> ExitCode {
    let args = match Args::from_env() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("consume_rdkafka: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = match args.variant.as_deref().unwrap_or("base") {
        "base" => base(&args),
        "stream" => match tokio::runtime::Runtime::new() {
            Ok(runtime) => runtime.block_on(stream(&args)),
            Err(e) => Err(e.into()),
        },
        other => Err(format!("--variant {other}: base or stream").into()),
    };
    match result {
        Ok(outcome) => {
            println!("{}", outcome.line());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("consume_rdkafka: {e}");
            ExitCode::FAILURE
        }
    }
}

fn config(args: &Args) -> ClientConfig {
    let mut config = ClientConfig::new();
    config
        .set("bootstrap.servers", &args.bootstrap)
        .set("group.id", format!("{}-rdkafka-{}", args.topic, std::process::id()))
        .set("enable.auto.commit", "false")
        .set("auto.offset.reset", "earliest");
    config
}

fn assignment(args: &Args) -> Result<TopicPartitionList, Box<dyn std::error::Error>> {
    let mut list = TopicPartitionList::new();
    for partition in 0..args.partitions {
        list.add_partition_offset(&args.topic, partition, Offset::Beginning)?;
    }
    Ok(list)
}

fn short(tally: &Tally, args: &Args) -> Box<dyn std::error::Error> {
    format!("only {} of {} records after {IDLE_TIMEOUT:?} without any new one", tally.records, args.records).into()
}

fn base(args: &Args) -> Result<Outcome, Box<dyn std::error::Error>> {
    let start = Instant::now();
    let consumer: BaseConsumer = config(args).create()?;
    consumer.assign(&assignment(args)?)?;
    let mut tally = Tally::new(args.partitions);
    let mut last = Instant::now();
    while tally.records < args.records {
        match consumer.poll(Duration::from_secs(1)) {
            Some(message) => {
                let message = message?;
                last = Instant::now();
                tally.record(message.partition(), message.offset(), message.payload_len());
            }
            None if last.elapsed() >= IDLE_TIMEOUT => return Err(short(&tally, args)),
            None => {}
        }
    }
    Ok(tally.outcome(start.elapsed()))
}

async fn stream(args: &Args) -> Result<Outcome, Box<dyn std::error::Error>> {
    let start = Instant::now();
    let consumer: StreamConsumer = config(args).create()?;
    consumer.assign(&assignment(args)?)?;
    let mut tally = Tally::new(args.partitions);
    let mut messages = consumer.stream();
    while tally.records < args.records {
        match tokio::time::timeout(IDLE_TIMEOUT, messages.next()).await {
            Ok(Some(message)) => {
                let message = message?;
                tally.record(message.partition(), message.offset(), message.payload_len());
            }
            Ok(None) => return Err("the message stream ended".into()),
            Err(_) => return Err(short(&tally, args)),
        }
    }
    Ok(tally.outcome(start.elapsed()))
}

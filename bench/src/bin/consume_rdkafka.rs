//! Load generator for `cargo xtask bench consume`: librdkafka through the `rdkafka` crate.
//!
//! Arguments and output: see [`kafka_bench::consume`]; `--variant` picks the consumer:
//!
//! - `base` (the default): [`BaseConsumer`], the thin synchronous wrapper, read with `poll`.
//! - `stream`: [`StreamConsumer`], rdkafka's async API, read through its `stream()`.
//!
//! - `commit`: [`BaseConsumer`] as the only member of a fresh consumer group
//!   ([`commit_group`], `enable.auto.commit=false`), subscribed to the topic, committing
//!   synchronously ([`Consumer::commit_consumer_state`] with [`CommitMode::Sync`]: the offsets
//!   librdkafka stored as it handed the messages out, `enable.auto.offset.store` being on by
//!   default) after each batch, and waiting for the commit before reading on. librdkafka has
//!   no batch poll, so a batch is defined as our `poll` is: a `poll` that waits (up to 1 s) for
//!   a first message, then every message that `poll(Duration::ZERO)` returns back-to-back
//!   (what librdkafka already holds in its local queue, as our `poll` hands out what the
//!   fetcher has buffered), capped at [`MAX_POLL_RECORDS`] (500, `max.poll.records` of ours
//!   and Java's). The clock stops after the commit that follows the last message; the group's
//!   committed offsets are then read back and must be the positions reached. It subscribes,
//!   as our `commit` variant does (see `consume_ours` for why).
//!
//! `base` and `stream` assign every partition at `Offset::Beginning` (a throw-away `group.id`,
//! which librdkafka wants, and no commits). All keep librdkafka's defaults for everything else
//! (note: its `check.crcs` default is false, the Java client's and ours true).

use std::process::ExitCode;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use kafka_bench::consume::{commit_group, Args, Outcome, Tally, IDLE_TIMEOUT, MAX_POLL_RECORDS};
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer, StreamConsumer};
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
        "commit" => commit(&args),
        other => Err(format!("--variant {other}: base, stream or commit").into()),
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

fn commit(args: &Args) -> Result<Outcome, Box<dyn std::error::Error>> {
    let start = Instant::now();
    let group = commit_group(&args.topic, "rdkafka");
    let consumer: BaseConsumer = config(args).set("group.id", &group).create()?;
    consumer.subscribe(&[args.topic.as_str()])?;
    let mut tally = Tally::new(args.partitions);
    let mut last = Instant::now();
    let mut commits = 0u64;
    while tally.records < args.records {
        // A batch: a first message, then what is already there, at most MAX_POLL_RECORDS.
        match consumer.poll(Duration::from_secs(1)) {
            Some(message) => {
                let message = message?;
                last = Instant::now();
                tally.record(message.partition(), message.offset(), message.payload_len());
            }
            None if last.elapsed() >= IDLE_TIMEOUT => return Err(short(&tally, args)),
            None => continue,
        }
        let mut batch = 1;
        while batch < MAX_POLL_RECORDS {
            let Some(message) = consumer.poll(Duration::ZERO) else { break };
            let message = message?;
            tally.record(message.partition(), message.offset(), message.payload_len());
            batch += 1;
        }
        consumer.commit_consumer_state(CommitMode::Sync)?;
        commits += 1;
    }
    let elapsed = start.elapsed();
    let mut partitions = TopicPartitionList::new();
    for partition in 0..args.partitions {
        partitions.add_partition(&args.topic, partition);
    }
    let committed = consumer.committed_offsets(partitions, Duration::from_secs(30))?;
    let committed: Vec<Option<i64>> = (0..args.partitions)
        .map(|p| match committed.find_partition(&args.topic, p).map(|e| e.offset()) {
            Some(Offset::Offset(offset)) => Some(offset),
            _ => None,
        })
        .collect();
    eprintln!("consume_rdkafka: {commits} commits in group {group}");
    tally.check_committed(&committed)?;
    Ok(tally.outcome(elapsed))
}

//! Load generator for `cargo xtask bench consume`: our consumer (`kafka-client`).
//!
//! Arguments and output: see [`kafka_bench::consume`]; `--variant` picks the workload:
//!
//! - `poll` (the default): the topic's partitions are assigned (no group), positions start at
//!   the log start (`auto.offset.reset=earliest`), and records are read with [`Consumer::poll`]
//!   until the topic's record count is reached.
//! - `commit`: the same reading, by the only member of a fresh consumer group
//!   ([`commit_group`], `enable.auto.commit=false`), with a synchronous
//!   [`Consumer::commit`] (every assigned partition's position) after each `poll` that returned
//!   records, awaited before the next `poll`: the loop of an application that wants
//!   at-least-once with as little to redo as possible. The clock stops after the commit that
//!   follows the last record. After the run (outside the clock), the group's committed offsets
//!   are read back and must be exactly the positions reached.
//!
//!   The consumer **subscribes** (a real member: JoinGroup/SyncGroup, heartbeats, the
//!   commits carrying its generation), rather than assigning the partitions with a `group.id`
//!   (commits as a non-member, generation -1): that is how users run this loop, and it is what
//!   the peers of the row do (`consume_rdkafka --variant commit` and the Java `CommitEveryPoll`
//!   subscribe too), so all three pay the same join and the same coordinator traffic. Being the
//!   only member, it gets every partition at once and no rebalance interrupts the run. The
//!   group join is inside the clock, as it is for the peers.
//!
//! Every other setting is the default (as the Java client's: `fetch.max.bytes` 50 MiB,
//! `max.partition.fetch.bytes` 1 MiB, `max.poll.records` 500, `check.crcs` true,
//! `group.protocol` classic).

use std::process::ExitCode;
use std::time::{Duration, Instant};

use kafka_bench::consume::{commit_group, Args, Outcome, Tally, IDLE_TIMEOUT};
use kfk_client::config::ConsumerConfig;
use kfk_client::consumer::Consumer;

#[tokio::main]
async fn main() -> ExitCode {
    let args = match Args::from_env() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("consume_ours: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = match args.variant.as_deref().unwrap_or("poll") {
        "poll" => run(&args).await,
        "commit" => commit(&args).await,
        other => Err(format!("--variant {other}: poll or commit").into()),
    };
    match result {
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

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

async fn run(args: &Args) -> Result<Outcome> {
    let start = Instant::now();
    let config = ConsumerConfig::from_properties([
        ("bootstrap.servers", args.bootstrap.as_str()),
        ("auto.offset.reset", "earliest"),
    ])?;
    let consumer = Consumer::new(config)?;
    consumer.assign((0..args.partitions).map(|p| (args.topic.as_str(), p)));
    let mut tally = Tally::new(args.partitions);
    read(&consumer, args, &mut tally, false).await?;
    let elapsed = start.elapsed();
    consumer.close().await;
    Ok(tally.outcome(elapsed))
}

async fn commit(args: &Args) -> Result<Outcome> {
    let start = Instant::now();
    let group = commit_group(&args.topic, "ours");
    let config = ConsumerConfig::from_properties([
        ("bootstrap.servers", args.bootstrap.as_str()),
        ("group.id", group.as_str()),
        ("enable.auto.commit", "false"),
        ("auto.offset.reset", "earliest"),
    ])?;
    let consumer = Consumer::new(config)?;
    consumer.subscribe([args.topic.as_str()])?;
    let mut tally = Tally::new(args.partitions);
    let commits = read(&consumer, args, &mut tally, true).await?;
    let elapsed = start.elapsed();
    let partitions: Vec<(&str, i32)> = (0..args.partitions).map(|p| (args.topic.as_str(), p)).collect();
    let committed = consumer.committed(&partitions).await?;
    consumer.close().await;
    eprintln!("consume_ours: {commits} commits in group {group}");
    tally.check_committed(&committed)?;
    Ok(tally.outcome(elapsed))
}

/// Polls until the topic's records are in `tally`, committing after each non-empty poll if
/// `commit`; returns the number of commits.
async fn read(consumer: &Consumer, args: &Args, tally: &mut Tally, commit: bool) -> Result<u64> {
    let mut last = Instant::now();
    let mut commits = 0;
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
        if commit {
            consumer.commit().await?;
            commits += 1;
        }
    }
    Ok(commits)
}

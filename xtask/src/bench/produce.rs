//! `cargo xtask bench produce`: our producer against librdkafka (`rdkafka`, FutureProducer and
//! BaseProducer) and the Java client (`ProducerPerformance`), one after another on one broker.
//!
//! 1. Builds the load generators (`kafka-bench`'s `produce_ours`, `produce_rdkafka`,
//!    `bench_topic`, release profile) and resolves `kafka-tools` [`TOOLS_VERSION`] with Maven.
//! 2. Starts one real Kafka node ([`KAFKA_VERSION`], KRaft) on its own port ([`DEFAULT_PORT`]) and
//!    in its own directory (`target/xtask/bench/kafka`), so it does not meet the cluster of
//!    `cargo xtask kafka start` or anyone's tests on 9092; it is stopped at the end whatever
//!    happens (a drop guard; Ctrl-C included).
//! 3. Per case (value size × compression): unless `--records` is given, a calibration run of our
//!    producer (also the broker's warm-up, not reported) sizes the record count so that a run
//!    takes about `--seconds` (20); then each client produces that many records into a fresh
//!    topic of 6 partitions, in its own process, measured from outside ([`super::measure`]),
//!    and the topic is deleted; the next run starts once its files are off the disk (the
//!    broker's `log.segment.delete.delay.ms` is set to 1 s for this).
//! 4. Prints the table and the closing comparison line ([`super::report`]).
//!
//! Every client gets the workload: acks=all, idempotence, linger.ms=5, batch.size=1 MiB,
//! the case's compression, null keys, random upper-case values; everything else at its defaults.

use std::process::Command;
use std::time::Duration;

use anyhow::{bail, Context, Result};

use super::measure::Measured;
use super::report::{self, Row};
use super::setup::{self, Case, Setup, JAVA_OPTS, KAFKA_VERSION, PARTITIONS, TOOLS_VERSION};

/// The broker's client port (controller: +10000).
const DEFAULT_PORT: u16 = 9192;

const USAGE: &str = "usage: cargo xtask bench produce [--quick] [--records N] [--seconds S] [--port P]\n\
    \x20 --quick      100 B values, no compression only (default: 100 B and 1 KiB, none and lz4)\n\
    \x20 --records N  records per client run (default: what our producer does in S seconds)\n\
    \x20 --seconds S  target length of a client run when sizing it (default 20)\n\
    \x20 --port P     the benchmark broker's port (default 9192; P+10000 for its controller)";

/// A client of the comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Client {
    Ours,
    RdkafkaFuture,
    RdkafkaBase,
    Java,
}

impl Client {
    const ALL: [Client; 4] = [Client::Ours, Client::RdkafkaFuture, Client::RdkafkaBase, Client::Java];

    fn names(self) -> (&'static str, &'static str) {
        match self {
            Client::Ours => ("ours", "enqueue"),
            Client::RdkafkaFuture => ("rdkafka", "future"),
            Client::RdkafkaBase => ("rdkafka", "base"),
            Client::Java => ("java", "ProducerPerformance"),
        }
    }
}

struct Flags {
    quick: bool,
    records: Option<u64>,
    seconds: f64,
    port: u16,
}

fn parse(args: &[String]) -> Result<Flags> {
    let mut flags = Flags { quick: false, records: None, seconds: 20.0, port: DEFAULT_PORT };
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let mut value = || args.next().with_context(|| format!("{flag} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--quick" => flags.quick = true,
            "--records" => flags.records = Some(value()?.parse().context("--records takes a count")?),
            "--seconds" => flags.seconds = value()?.parse().context("--seconds takes a number")?,
            "--port" => flags.port = value()?.parse().context("--port takes a port number")?,
            "-h" | "--help" => {
                eprintln!("{USAGE}");
                std::process::exit(0);
            }
            other => bail!("unknown option `{other}`\n{USAGE}"),
        }
    }
    if !(1.0..=600.0).contains(&flags.seconds) {
        bail!("--seconds must be between 1 and 600");
    }
    if flags.records == Some(0) {
        bail!("--records must be at least 1");
    }
    Ok(flags)
}

/// `cargo xtask bench produce ...`.
pub fn run(args: &[String]) -> Result<()> {
    let flags = parse(args)?;
    let cases = Case::matrix(flags.quick);
    let (mut setup, broker) = Setup::start("bench", flags.port)?;

    let mut rows = Vec::new();
    // A client that fails is reported at the end; the others still run (Ctrl-C stops all).
    let mut failures = Vec::new();
    for case in &cases {
        let records = match flags.records {
            Some(n) => n,
            None => calibrate(&mut setup, *case, flags.seconds)?,
        };
        for client in Client::ALL {
            let row = match run_client(&mut setup, client, *case, records, None) {
                Ok(row) => row,
                Err(e) if setup.interrupted() => return Err(e),
                Err(e) => {
                    let (name, variant) = client.names();
                    eprintln!("bench: {name} {variant} failed: {e:#}");
                    failures.push(format!("{name} {variant}, {} B {}: {e:#}", case.value_size, case.compression));
                    continue;
                }
            };
            eprintln!(
                "bench: {:<8} {:<20} {:>5} B {:<4}: {:>9.0} records/s, {:.2} CPU s/M records, {:.1} MiB peak RSS, \
                 {:.1} s in all",
                row.client,
                row.variant,
                row.value_size,
                row.compression,
                row.rate(),
                row.cpu_per_million(),
                row.peak_rss_kib as f64 / 1024.0,
                row.wall.as_secs_f64()
            );
            rows.push(row);
        }
    }
    broker.stop()?;

    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!();
    println!(
        "produce benchmark: Kafka {KAFKA_VERSION} broker (1 node, KRaft) on this machine, topic of {PARTITIONS} \
         partitions, acks=all, idempotence, linger.ms=5, batch.size=1048576; peers: rdkafka (librdkafka {}), \
         Java kafka-tools {TOOLS_VERSION}; {cpus} CPU(s) shared by broker, client and anything else running \
         (numbers are noisy)",
        setup::librdkafka_version()
    );
    println!("MB/s: value bytes (10^6) per second; CPU: user+system of the client process, whole run");
    println!();
    print!("{}", report::table(&rows));
    println!();
    let closing = report::closing_line("produce", &rows);
    if let Some(line) = &closing {
        println!("{line}");
    }
    if !failures.is_empty() {
        bail!("{} client run(s) failed:\n{}", failures.len(), failures.join("\n"));
    }
    if closing.is_none() {
        bail!("no 100 B uncompressed case with both our producer and rdkafka");
    }
    Ok(())
}

/// The transaction length of `cargo xtask bench txn` (as the workload asks).
const TRANSACTION_MS: u64 = 100;

/// `cargo xtask bench txn [--records N] [--port P]`: transactional throughput, 100 B records in
/// 100 ms transactions, ours against `ProducerPerformance --transactional-id` on one broker.
pub fn run_transactions(args: &[String]) -> Result<()> {
    let flags = parse(args)?;
    let case = Case::matrix(true)[0];
    let (mut setup, broker) = Setup::start("bench", flags.port)?;
    let records = match flags.records {
        Some(n) => n,
        None => calibrate(&mut setup, case, flags.seconds)?,
    };
    let mut rows = Vec::new();
    for client in [Client::Ours, Client::Java] {
        let row = run_client(&mut setup, client, case, records, Some(TRANSACTION_MS))?;
        eprintln!(
            "bench: {:<8} {:<24}: {:>9.0} records/s, {:.2} CPU s/M records, {:.1} MiB peak RSS",
            row.client,
            row.variant,
            row.rate(),
            row.cpu_per_million(),
            row.peak_rss_kib as f64 / 1024.0
        );
        rows.push(row);
    }
    broker.stop()?;
    println!();
    println!(
        "transactional produce benchmark: Kafka {KAFKA_VERSION} broker (1 node, KRaft), topic of {PARTITIONS} \
         partitions, 100 B values, {TRANSACTION_MS} ms transactions, acks=all, linger.ms=5, batch.size=1048576; \
         peer: Java kafka-tools {TOOLS_VERSION} ProducerPerformance --transactional-id (numbers are noisy)"
    );
    println!();
    print!("{}", report::table(&rows));
    println!();
    let line = report::ratio_line("transactions", "java", &rows[0], &rows[1]);
    println!("{line}");
    if rows.iter().any(|r| r.errors > 0) {
        bail!("some transactions failed");
    }
    Ok(())
}

/// Sizes a case: our producer runs for a few seconds (untimed: also the broker's warm-up) and
/// the record count is what it would do in `seconds`.
fn calibrate(setup: &mut Setup, case: Case, seconds: f64) -> Result<u64> {
    let probe = 5.0_f64.min(seconds);
    let topic = setup.topic("calibrate", case);
    setup.create_topic(&topic)?;
    let mut command = Command::new(setup.bin.join("produce_ours"));
    command.args(generator_args(setup, &topic, case)).args(["--duration", &probe.to_string()]);
    let measured = setup.measure(&mut command, &topic)?;
    setup.delete_topic(&topic)?;
    let outcome = setup::generator_outcome(&measured, "produce_ours (calibration)")?;
    let rate = outcome.records as f64 / outcome.elapsed.as_secs_f64().max(1e-3);
    let records = ((rate * seconds / 10_000.0).round() as u64 * 10_000).max(10_000);
    eprintln!(
        "bench: calibration, {} B {}: ours did {rate:.0} records/s; every client sends {records} records",
        case.value_size, case.compression
    );
    Ok(records)
}

fn run_client(setup: &mut Setup, client: Client, case: Case, records: u64, transaction_ms: Option<u64>) -> Result<Row> {
    let (name, variant) = match (client, transaction_ms) {
        (Client::Ours, Some(_)) => ("ours", "transactions"),
        (Client::Java, Some(_)) => ("java", "ProducerPerformance-txn"),
        _ => client.names(),
    };
    let topic = setup.topic(&format!("{name}-{variant}"), case);
    setup.create_topic(&topic)?;
    let records_arg = records.to_string();
    let mut command = match client {
        Client::Ours | Client::RdkafkaFuture | Client::RdkafkaBase => {
            let binary = if client == Client::Ours { "produce_ours" } else { "produce_rdkafka" };
            let mut command = Command::new(setup.bin.join(binary));
            command.args(generator_args(setup, &topic, case)).args(["--records", &records_arg]);
            if client != Client::Ours {
                command.args(["--variant", variant]);
            }
            if let Some(ms) = transaction_ms {
                command.args(["--transaction-ms", &ms.to_string()]);
            }
            command
        }
        Client::Java => {
            let mut command = Command::new("java");
            command
                .args(JAVA_OPTS)
                .arg("-cp")
                .arg(&setup.classpath)
                .arg("org.apache.kafka.tools.ProducerPerformance")
                .args(["--topic", &topic, "--num-records", &records_arg])
                .args(["--record-size", &case.value_size.to_string(), "--throughput", "-1", "--producer-props"])
                .arg(format!("bootstrap.servers={}", setup.bootstrap))
                .args(["acks=all", "enable.idempotence=true", "linger.ms=5", "batch.size=1048576"])
                .arg(format!("compression.type={}", case.compression));
            if let Some(ms) = transaction_ms {
                command
                    .args(["--transactional-id", &format!("{topic}-java")])
                    .args(["--transaction-duration-ms", &ms.to_string()]);
            }
            command
        }
    };
    let measured = setup.measure(&mut command, &topic)?;
    setup.delete_topic(&topic)?;
    let (acknowledged, errors, elapsed) = match client {
        Client::Java => {
            let (sent, rate) = java_summary(&measured)?;
            (sent, records.saturating_sub(sent), Duration::from_secs_f64(sent as f64 / rate.max(1e-9)))
        }
        _ => {
            let outcome = setup::generator_outcome(&measured, name)?;
            (outcome.records, outcome.errors, outcome.elapsed)
        }
    };
    if errors > 0 {
        eprintln!("bench: {name} {variant}: {errors} record(s) failed; see {}", setup.log(&topic).display());
    }
    Ok(Row {
        client: name,
        variant,
        value_size: case.value_size,
        compression: case.compression,
        records: acknowledged,
        errors,
        elapsed,
        cpu: measured.cpu,
        peak_rss_kib: measured.peak_rss_kib,
        wall: measured.wall,
    })
}

fn generator_args(setup: &Setup, topic: &str, case: Case) -> Vec<String> {
    [
        "--bootstrap",
        &setup.bootstrap,
        "--topic",
        topic,
        "--value-size",
        &case.value_size.to_string(),
        "--compression",
        case.compression,
    ]
    .map(String::from)
    .to_vec()
}

/// `ProducerPerformance`'s final summary: `N records sent, R records/sec (M MB/sec), ...`.
fn java_summary(measured: &Measured) -> Result<(u64, f64)> {
    if !measured.status.success() {
        bail!("ProducerPerformance failed ({}):\n{}", measured.status, setup::tail(&measured.stderr, 30));
    }
    let parse = |line: &str| -> Option<(u64, f64)> {
        let (sent, rest) = line.split_once(" records sent, ")?;
        let (rate, _) = rest.split_once(" records/sec")?;
        Some((sent.trim().parse().ok()?, rate.trim().parse().ok()?))
    };
    measured
        .stdout
        .lines()
        .rev()
        .find_map(parse)
        .with_context(|| format!("no summary line from ProducerPerformance:\n{}", setup::tail(&measured.stdout, 20)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn java_summaries_parse() {
        let measured = Measured {
            status: Command::new("true").status().unwrap(),
            stdout: "1000 records sent, 500.0 records/sec (0.05 MB/sec), 3.0 ms avg latency.\n\
                     2000 records sent, 1234.5 records/sec (0.12 MB/sec), 2.00 ms avg latency, 9.00 ms max latency, \
                     1 ms 50th, 5 ms 95th, 7 ms 99th, 9 ms 99.9th.\n"
                .into(),
            stderr: String::new(),
            cpu: Duration::ZERO,
            peak_rss_kib: 0,
            wall: Duration::ZERO,
        };
        assert_eq!(java_summary(&measured).unwrap(), (2000, 1234.5));
    }
}

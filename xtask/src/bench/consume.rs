//! `cargo xtask bench consume`: our consumer against librdkafka (`rdkafka`, BaseConsumer and
//! StreamConsumer) and the Java client (`ConsumerPerformance`), one after another on one broker,
//! each reading the same pre-filled topic from the beginning; and the same three committing
//! synchronously after every poll (the `commit` rows, below).
//!
//! 1. Builds the load generators (`kafka-bench`'s `consume_ours`, `consume_rdkafka`,
//!    `produce_ours`, `bench_topic`, release profile) and resolves `kafka-tools`
//!    [`TOOLS_VERSION`] with Maven (kafka-clients of the same release comes with it); compiles
//!    `bench/java/CommitEveryPoll.java` against that classpath when `java-commit` runs.
//! 2. Starts one real Kafka node ([`KAFKA_VERSION`], KRaft) on its own port ([`DEFAULT_PORT`]) and
//!    in its own directory (`target/xtask/bench-consume`); it is stopped at the end whatever
//!    happens (a drop guard; Ctrl-C included).
//! 3. Per case (value size × compression): creates a topic of [`PARTITIONS`] partitions and fills
//!    it once with `--records` records (2 million by default) with our producer (acks=all,
//!    idempotence, the case's compression; the filler's own figures are not reported). Each
//!    client then reads the whole topic in its own process, measured from outside
//!    ([`super::measure`]): ours and rdkafka with every partition assigned at the log start, the
//!    Java tool in a fresh group (its only mode); the commit rows (below) in fresh groups. A run
//!    that did not read exactly the topic's records (count, and for all but
//!    `ConsumerPerformance` each partition's offsets in sequence) fails. The topic is deleted
//!    after the case.
//! 4. Prints the table and the closing comparison line ([`super::report`]), then, if the
//!    commit rows ran, a second one for them (`consume commit-per-poll ours/rdkafka: ...`).
//!
//! Elapsed time: ours and rdkafka, from the consumer's creation to the last record (metadata
//! and offset lookups included); `ConsumerPerformance`, its `fetch.time.ms` (its run minus the
//! time spent joining the group, which the assigning clients do not pay). The page cache holds
//! the topic for every reader alike: the filler wrote it just before.
//!
//! **Commit after every poll** (`ours commit`, `rdkafka commit`, `java commitSync`; keys
//! `ours-commit`, `rdkafka-commit`, `java-commit`): the same topic read by the only member of a
//! fresh consumer group (subscribed, `enable.auto.commit=false`, `auto.offset.reset=earliest`),
//! which commits its positions synchronously after each poll that returned records and waits
//! for the commit before polling again. A poll is at most 500 records (`max.poll.records`,
//! ours and Java); for librdkafka, which has no batch poll, a batch is every message
//! `poll(Duration::ZERO)` returns back-to-back after a first one, capped at 500 (see
//! `consume_rdkafka`). Ours is `consume_ours --variant commit`, librdkafka
//! `consume_rdkafka --variant commit` (`commit_consumer_state(CommitMode::Sync)`), Java
//! `bench/java/CommitEveryPoll.java` (`KafkaConsumer.commitSync()`, kafka-clients
//! [`TOOLS_VERSION`]). For all three, elapsed runs from the consumer's creation (group join
//! included: each pays it) to the end of the commit that follows the last record, and each
//! checks, after the clock, that the group's committed offsets are the positions it reached.
//! These rows stay out of the first closing line, which keeps comparing the plain readers.

use std::process::Command;
use std::time::Duration;

use anyhow::{bail, Context, Result};

use super::measure::Measured;
use super::report::{self, Row};
use super::setup::{self, Case, Setup, JAVA_OPTS, KAFKA_VERSION, PARTITIONS, TOOLS_VERSION};

/// The broker's client port (controller: +10000); `bench produce` uses 9192.
const DEFAULT_PORT: u16 = 9193;
/// Records in each case's topic (the issue's workload).
const DEFAULT_RECORDS: u64 = 2_000_000;
/// `ConsumerPerformance --timeout`: the longest it waits for a next record, in ms.
const JAVA_IDLE_TIMEOUT_MS: u64 = 30_000;
/// The Java program of the `java commitSync` row, in `bench/java/`.
const JAVA_COMMIT_PROGRAM: &str = "CommitEveryPoll";
/// How the closing line of the commit-after-every-poll rows begins.
const COMMIT_CLOSING: &str = "consume commit-per-poll";

const USAGE: &str = "usage: cargo xtask bench consume [--quick] [--records N] [--port P] [--clients LIST]\n\
    \x20 --quick         100 B values, no compression only (default: 100 B and 1 KiB, none and lz4)\n\
    \x20 --records N     records in each case's topic (default 2000000)\n\
    \x20 --port P        the benchmark broker's port (default 9193; P+10000 for its controller)\n\
    \x20 --clients LIST  comma-separated subset of ours,rdkafka-base,rdkafka-stream,java,\n\
    \x20                 ours-commit,rdkafka-commit,java-commit (default all)";

/// A client of the comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Client {
    Ours,
    RdkafkaBase,
    RdkafkaStream,
    Java,
    /// Ours, committing synchronously after every poll.
    OursCommit,
    /// librdkafka, committing synchronously after every batch.
    RdkafkaCommit,
    /// The Java client, `commitSync()` after every poll.
    JavaCommit,
}

impl Client {
    const ALL: [Client; 7] = [
        Client::Ours,
        Client::RdkafkaBase,
        Client::RdkafkaStream,
        Client::Java,
        Client::OursCommit,
        Client::RdkafkaCommit,
        Client::JavaCommit,
    ];

    fn names(self) -> (&'static str, &'static str) {
        match self {
            Client::Ours => ("ours", "poll"),
            Client::RdkafkaBase => ("rdkafka", "base"),
            Client::RdkafkaStream => ("rdkafka", "stream"),
            Client::Java => ("java", "ConsumerPerformance"),
            Client::OursCommit => ("ours", "commit"),
            Client::RdkafkaCommit => ("rdkafka", "commit"),
            Client::JavaCommit => ("java", "commitSync"),
        }
    }

    fn key(self) -> &'static str {
        match self {
            Client::Ours => "ours",
            Client::RdkafkaBase => "rdkafka-base",
            Client::RdkafkaStream => "rdkafka-stream",
            Client::Java => "java",
            Client::OursCommit => "ours-commit",
            Client::RdkafkaCommit => "rdkafka-commit",
            Client::JavaCommit => "java-commit",
        }
    }

    /// Whether it commits after every poll (a row of the second closing line, not the first).
    fn commits(self) -> bool {
        matches!(self, Client::OursCommit | Client::RdkafkaCommit | Client::JavaCommit)
    }
}

/// Whether `row` is one of the commit-after-every-poll rows.
fn is_commit_row(row: &Row) -> bool {
    Client::ALL.into_iter().any(|c| c.commits() && c.names() == (row.client, row.variant))
}

struct Flags {
    quick: bool,
    records: u64,
    port: u16,
    clients: Vec<Client>,
}

fn parse(args: &[String]) -> Result<Flags> {
    let mut flags = Flags { quick: false, records: DEFAULT_RECORDS, port: DEFAULT_PORT, clients: Client::ALL.to_vec() };
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let mut value = || args.next().with_context(|| format!("{flag} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--quick" => flags.quick = true,
            "--records" => flags.records = value()?.parse().context("--records takes a count")?,
            "--port" => flags.port = value()?.parse().context("--port takes a port number")?,
            "--clients" => {
                flags.clients = value()?
                    .split(',')
                    .map(|name| {
                        Client::ALL
                            .into_iter()
                            .find(|c| c.key() == name.trim())
                            .with_context(|| format!("--clients: unknown client `{name}`\n{USAGE}"))
                    })
                    .collect::<Result<_>>()?
            }
            "-h" | "--help" => {
                eprintln!("{USAGE}");
                std::process::exit(0);
            }
            other => bail!("unknown option `{other}`\n{USAGE}"),
        }
    }
    if flags.records == 0 {
        bail!("--records must be at least 1");
    }
    Ok(flags)
}

/// `cargo xtask bench consume ...`.
pub fn run(args: &[String]) -> Result<()> {
    let flags = parse(args)?;
    let cases = Case::matrix(flags.quick);
    let (mut setup, broker) = Setup::start("bench-consume", flags.port)?;
    // The Java commit program, compiled once; a failure fails its rows only.
    let java_commit = flags
        .clients
        .contains(&Client::JavaCommit)
        .then(|| compile_java_commit(&setup.classpath).map_err(|e| format!("{e:#}")));

    let mut rows = Vec::new();
    // A client that fails is reported at the end; the others still run (Ctrl-C stops all).
    let mut failures = Vec::new();
    for case in &cases {
        let topic = setup.topic("consume", *case);
        fill(&mut setup, &topic, *case, flags.records)?;
        for client in &flags.clients {
            let (name, variant) = client.names();
            let row = match run_client(&setup, *client, java_commit.as_ref(), &topic, *case, flags.records) {
                Ok(row) => row,
                Err(e) if setup.interrupted() => return Err(e),
                Err(e) => {
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
        setup.delete_topic(&topic)?;
    }
    broker.stop()?;

    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!();
    println!(
        "consume benchmark: Kafka {KAFKA_VERSION} broker (1 node, KRaft) on this machine, topic of {PARTITIONS} \
         partitions filled with {} records per case, read from the beginning, client defaults otherwise \
         (check.crcs: ours and Java true, librdkafka false); peers: rdkafka (librdkafka {}), Java kafka-tools \
         {TOOLS_VERSION}; {cpus} CPU(s) shared by broker, client and anything else running (numbers are noisy)",
        flags.records,
        setup::librdkafka_version()
    );
    println!("MB/s: value bytes (10^6) per second; CPU: user+system of the client process, whole run");
    println!();
    print!("{}", report::table(&rows));
    println!();
    // The first line compares the plain readers only, as before the commit rows existed.
    let plain_rows: Vec<Row> = rows.iter().filter(|r| !is_commit_row(r)).cloned().collect();
    let closing = report::closing_line("consume", &plain_rows);
    if let Some(line) = &closing {
        println!("{line}");
    }
    let commit_closing = commit_closing_line(&rows);
    if let Some(line) = &commit_closing {
        println!("{line}");
    }
    if !failures.is_empty() {
        bail!("{} client run(s) failed:\n{}", failures.len(), failures.join("\n"));
    }
    if closing.is_none() && commit_closing.is_none() {
        bail!("no 100 B uncompressed case with both our consumer and rdkafka (plain or commit-per-poll)");
    }
    Ok(())
}

/// `consume commit-per-poll ours/rdkafka: throughput x<R>, cpu per record x<C>`, for the 100 B
/// uncompressed case of the commit rows among `rows`; `None` without both `ours commit` and
/// `rdkafka commit`.
fn commit_closing_line(rows: &[Row]) -> Option<String> {
    let case = |r: &&Row| r.value_size == 100 && r.compression == "none" && is_commit_row(r);
    let ours = rows.iter().filter(case).find(|r| r.client == "ours")?;
    let peer = rows.iter().filter(case).find(|r| r.client == "rdkafka")?;
    Some(report::ratio_line(COMMIT_CLOSING, "rdkafka", ours, peer))
}

/// Compiles `bench/java/CommitEveryPoll.java` against `classpath` (kafka-tools' and so
/// kafka-clients' jars) into `target/xtask/bench-consume/java`; returns the classpath to run it.
fn compile_java_commit(classpath: &str) -> Result<String> {
    let source = crate::paths::root().join("bench/java").join(format!("{JAVA_COMMIT_PROGRAM}.java"));
    let classes = crate::paths::scratch().join("bench-consume").join("java");
    std::fs::create_dir_all(&classes).with_context(|| format!("creating {}", classes.display()))?;
    eprintln!("bench: compiling {}", source.display());
    let output = Command::new("javac")
        .arg("-nowarn")
        .arg("-d")
        .arg(&classes)
        .arg("-cp")
        .arg(classpath)
        .arg(&source)
        .output()
        .context("running javac (is a JDK installed?)")?;
    if !output.status.success() {
        bail!("javac {} failed ({}):\n{}", source.display(), output.status, String::from_utf8_lossy(&output.stderr));
    }
    Ok(format!("{}:{classpath}", classes.display()))
}

/// Creates `topic` and writes `records` records of the case into it with our producer.
fn fill(setup: &mut Setup, topic: &str, case: Case, records: u64) -> Result<()> {
    setup.create_topic(topic)?;
    eprintln!("bench: filling {topic} with {records} records of {} B ({})", case.value_size, case.compression);
    let mut command = Command::new(setup.bin.join("produce_ours"));
    command
        .args(["--bootstrap", &setup.bootstrap, "--topic", topic])
        .args(["--value-size", &case.value_size.to_string(), "--compression", case.compression])
        .args(["--records", &records.to_string()]);
    let measured = setup.measure(&mut command, &format!("{topic}.fill"))?;
    let outcome = setup::generator_outcome(&measured, "produce_ours (filling the topic)")?;
    if outcome.records != records || outcome.errors > 0 {
        bail!(
            "filling {topic}: {} of {records} records acknowledged, {} failed; see {}",
            outcome.records,
            outcome.errors,
            setup.log(&format!("{topic}.fill")).display()
        );
    }
    Ok(())
}

fn run_client(
    setup: &Setup,
    client: Client,
    java_commit: Option<&std::result::Result<String, String>>,
    topic: &str,
    case: Case,
    records: u64,
) -> Result<Row> {
    let (name, variant) = client.names();
    let log = format!("{topic}.{}", client.key());
    let records_arg = records.to_string();
    let mut command = match client {
        Client::Ours | Client::RdkafkaBase | Client::RdkafkaStream | Client::OursCommit | Client::RdkafkaCommit => {
            let ours = matches!(client, Client::Ours | Client::OursCommit);
            let binary = if ours { "consume_ours" } else { "consume_rdkafka" };
            let mut command = Command::new(setup.bin.join(binary));
            command.args(["--bootstrap", &setup.bootstrap, "--topic", topic]).args([
                "--partitions",
                &PARTITIONS.to_string(),
                "--records",
                &records_arg,
            ]);
            if client != Client::Ours {
                command.args(["--variant", variant]);
            }
            command
        }
        Client::JavaCommit => {
            let classpath = match java_commit {
                Some(Ok(classpath)) => classpath,
                Some(Err(e)) => bail!("{e}"),
                None => bail!("{JAVA_COMMIT_PROGRAM} was not compiled"),
            };
            let mut command = Command::new("java");
            command
                .args(JAVA_OPTS)
                .arg("-cp")
                .arg(classpath)
                .arg(JAVA_COMMIT_PROGRAM)
                .args([&setup.bootstrap, topic, &format!("{topic}-java-commit")])
                .args([&PARTITIONS.to_string(), &records_arg]);
            command
        }
        Client::Java => {
            let mut command = Command::new("java");
            command
                .args(JAVA_OPTS)
                .arg("-cp")
                .arg(&setup.classpath)
                .arg("org.apache.kafka.tools.ConsumerPerformance")
                .args(["--bootstrap-server", &setup.bootstrap, "--topic", topic, "--messages", &records_arg])
                .args(["--group", &format!("{topic}-java"), "--timeout", &JAVA_IDLE_TIMEOUT_MS.to_string()]);
            command
        }
    };
    let measured = setup.measure(&mut command, &log)?;
    let outcome = match client {
        Client::Java => java_summary(&measured)?,
        _ => setup::generator_outcome(&measured, name)?,
    };
    let expected_bytes = records * case.value_size as u64;
    // The Java tool reports MiB with 4 decimals: its bytes are that exact only.
    let bytes_ok = match client {
        Client::Java => outcome.bytes.abs_diff(expected_bytes) <= 1024 * 1024 / 10_000 + 1,
        _ => outcome.bytes == expected_bytes,
    };
    if outcome.records != records || outcome.errors > 0 || !bytes_ok {
        bail!(
            "read {} records ({} value bytes, {} out of sequence) of the {records} ({expected_bytes} bytes) in the \
             topic; see {}",
            outcome.records,
            outcome.bytes,
            outcome.errors,
            setup.log(&log).display()
        );
    }
    Ok(Row {
        client: name,
        variant,
        value_size: case.value_size,
        compression: case.compression,
        records: outcome.records,
        errors: outcome.errors,
        elapsed: outcome.elapsed,
        cpu: measured.cpu,
        peak_rss_kib: measured.peak_rss_kib,
        wall: measured.wall,
    })
}

/// `ConsumerPerformance`'s summary line: `start, end, MiB, MiB/s, records, records/s,
/// rebalance.time.ms, fetch.time.ms, fetch MiB/s, fetch records/s`.
fn java_summary(measured: &Measured) -> Result<setup::Outcome> {
    if !measured.status.success() {
        bail!("ConsumerPerformance failed ({}):\n{}", measured.status, setup::tail(&measured.stderr, 30));
    }
    let parse = |line: &str| -> Option<setup::Outcome> {
        let fields: Vec<&str> = line.split(", ").collect();
        if fields.len() != 10 {
            return None;
        }
        let mib: f64 = fields[2].trim().parse().ok()?;
        let records: u64 = fields[4].trim().parse().ok()?;
        let fetch_ms: u64 = fields[7].trim().parse().ok()?;
        Some(setup::Outcome {
            records,
            bytes: (mib * 1024.0 * 1024.0).round() as u64,
            elapsed: Duration::from_millis(fetch_ms),
            errors: 0,
        })
    };
    if let Some(warning) = measured.stdout.lines().find(|l| l.starts_with("WARNING:")) {
        bail!("ConsumerPerformance: {warning}");
    }
    measured
        .stdout
        .lines()
        .rev()
        .find_map(parse)
        .with_context(|| format!("no summary line from ConsumerPerformance:\n{}", setup::tail(&measured.stdout, 20)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use super::*;

    fn measured(stdout: &str) -> Measured {
        Measured {
            status: Command::new("true").status().unwrap(),
            stdout: stdout.into(),
            stderr: String::new(),
            cpu: Duration::ZERO,
            peak_rss_kib: 0,
            wall: Duration::ZERO,
        }
    }

    #[test]
    fn java_summaries_parse() {
        let out = measured(
            "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, \
             fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec\n\
             2026-11-21 11:00:00:000, 2026-11-21 11:00:05:000, 190.7349, 38.1470, 2000000, 400000.0000, 3000, 2000, \
             95.3674, 1000000.0000\n",
        );
        let outcome = java_summary(&out).unwrap();
        assert_eq!(outcome.records, 2_000_000);
        assert_eq!(outcome.elapsed, Duration::from_secs(2));
        assert!(outcome.bytes.abs_diff(200_000_000) < 200, "{}", outcome.bytes);
        assert!(java_summary(&measured("WARNING: Exiting before consuming the expected number\n")).is_err());
    }

    #[test]
    fn clients_parse() {
        let flags = parse(&["--clients".into(), "ours,java".into(), "--quick".into()]).unwrap();
        assert_eq!(flags.clients, vec![Client::Ours, Client::Java]);
        assert!(flags.quick);
        assert!(parse(&["--clients".into(), "nobody".into()]).is_err());
        let flags = parse(&["--clients".into(), "ours,ours-commit, rdkafka-commit,java-commit".into()]).unwrap();
        assert_eq!(flags.clients, vec![Client::Ours, Client::OursCommit, Client::RdkafkaCommit, Client::JavaCommit]);
        // By default every client runs, the commit rows after the plain ones.
        let flags = parse(&[]).unwrap();
        assert_eq!(flags.clients, Client::ALL.to_vec());
        assert_eq!(&flags.clients[4..], &[Client::OursCommit, Client::RdkafkaCommit, Client::JavaCommit]);
    }

    #[test]
    fn client_keys_and_names_are_distinct() {
        for a in Client::ALL {
            for b in Client::ALL {
                if a != b {
                    assert_ne!(a.key(), b.key());
                    assert_ne!(a.names(), b.names());
                }
            }
        }
        assert_eq!(Client::OursCommit.names(), ("ours", "commit"));
        assert_eq!(Client::RdkafkaCommit.names(), ("rdkafka", "commit"));
        assert_eq!(Client::JavaCommit.names(), ("java", "commitSync"));
    }

    /// The line `bench/java/CommitEveryPoll.java` prints (`%.6f` under `Locale.ROOT`) is a
    /// generator `RESULT` line.
    #[test]
    fn the_java_commit_program_line_parses() {
        let out = measured("RESULT records=200000 bytes=20000000 elapsed_s=1.234567 errors=0\n");
        let outcome = setup::generator_outcome(&out, "java").unwrap();
        assert_eq!((outcome.records, outcome.bytes, outcome.errors), (200_000, 20_000_000, 0));
        assert_eq!(outcome.elapsed, Duration::from_micros(1_234_567));
        assert!(setup::generator_outcome(&measured("CommitEveryPoll: 400 commits\n"), "java").is_err());
        let source = std::fs::read_to_string(
            crate::paths::root().join("bench/java").join(format!("{JAVA_COMMIT_PROGRAM}.java")),
        )
        .unwrap();
        assert!(
            source.contains(r#"printf(Locale.ROOT, "RESULT records=%d bytes=%d elapsed_s=%.6f errors=%d%n""#),
            "the Java program's RESULT format changed"
        );
    }

    fn row(client: &'static str, variant: &'static str, secs: u64, cpu_secs: u64) -> Row {
        Row {
            client,
            variant,
            value_size: 100,
            compression: "none",
            records: 1_000_000,
            errors: 0,
            elapsed: Duration::from_secs(secs),
            cpu: Duration::from_secs(cpu_secs),
            peak_rss_kib: 1024,
            wall: Duration::from_secs(secs),
        }
    }

    #[test]
    fn the_commit_rows_have_their_own_closing_line() {
        let rows = [
            row("ours", "poll", 1, 1),
            row("rdkafka", "base", 2, 2),
            row("ours", "commit", 10, 4),
            row("rdkafka", "commit", 5, 2),
            row("java", "commitSync", 4, 4),
        ];
        let plain: Vec<Row> = rows.iter().filter(|r| !is_commit_row(r)).cloned().collect();
        assert_eq!(plain.len(), 2);
        // The first line is unchanged by the commit rows (the slow rdkafka commit is no peer).
        assert_eq!(
            report::closing_line("consume", &plain).unwrap(),
            "consume ours/rdkafka: throughput x2.00, cpu per record x0.50"
        );
        assert_eq!(
            commit_closing_line(&rows).unwrap(),
            "consume commit-per-poll ours/rdkafka: throughput x0.50, cpu per record x2.00"
        );
        assert_eq!(commit_closing_line(&plain), None);
        assert_eq!(commit_closing_line(&rows[..3]), None);
    }
}

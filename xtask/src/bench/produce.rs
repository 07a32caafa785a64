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

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context, Result};
use server_stub::testing::jvm;

use super::measure::{self, Measured};
use super::report::{self, Row};

/// The Kafka release of the broker (the one the project is pinned to).
const KAFKA_VERSION: &str = crate::maven::KAFKA_VERSION;
/// The release of `kafka-tools` for `ProducerPerformance`: 4.4.0 is not on Maven Central (404),
/// 4.3.1 is the newest that is. A 4.3 client speaks to a 4.4 broker like any other.
const TOOLS_VERSION: &str = "4.3.1";
/// The broker's client port (controller: +10000).
const DEFAULT_PORT: u16 = 9192;
/// Partitions of every benchmark topic.
const PARTITIONS: u32 = 6;
/// The JVM options of Kafka's `bin/kafka-producer-perf-test.sh` (via `kafka-run-class.sh`):
/// its default heap (512 MiB) and GC settings.
const JAVA_OPTS: &[&str] = &[
    "-Xmx512M",
    "-server",
    "-XX:+UseG1GC",
    "-XX:MaxGCPauseMillis=20",
    "-XX:InitiatingHeapOccupancyPercent=35",
    "-XX:+ExplicitGCInvokesConcurrent",
    "-Djava.awt.headless=true",
];
/// The longest one client run may take before it is killed.
const RUN_TIMEOUT: Duration = Duration::from_secs(600);
/// The longest `bench_topic` may take.
const TOPIC_TIMEOUT: Duration = Duration::from_secs(120);
/// The longest a deleted topic's files may take to leave the disk before the next run starts.
const DELETE_WAIT: Duration = Duration::from_secs(90);

const USAGE: &str = "usage: cargo xtask bench produce [--quick] [--records N] [--seconds S] [--port P]\n\
    \x20 --quick      100 B values, no compression only (default: 100 B and 1 KiB, none and lz4)\n\
    \x20 --records N  records per client run (default: what our producer does in S seconds)\n\
    \x20 --seconds S  target length of a client run when sizing it (default 20)\n\
    \x20 --port P     the benchmark broker's port (default 9192; P+10000 for its controller)";

/// One combination of the matrix.
#[derive(Debug, Clone, Copy)]
struct Case {
    value_size: usize,
    compression: &'static str,
}

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

/// Where the generators and the broker live.
struct Setup {
    bin: PathBuf,
    classpath: String,
    bootstrap: String,
    /// The broker's `log.dirs`.
    data_dir: Option<PathBuf>,
    logs: PathBuf,
    interrupted: Arc<AtomicBool>,
    run_id: String,
    runs: u32,
}

/// `cargo xtask bench produce ...`.
pub fn run(args: &[String]) -> Result<()> {
    let flags = parse(args)?;
    let interrupted = Arc::new(AtomicBool::new(false));
    {
        let interrupted = interrupted.clone();
        // Ctrl-C reaches the client processes too; we live on to stop the broker.
        ctrlc::set_handler(move || interrupted.store(true, Ordering::SeqCst))
            .context("installing the Ctrl-C handler")?;
    }
    let cases: Vec<Case> = if flags.quick {
        vec![Case { value_size: 100, compression: "none" }]
    } else {
        [100, 1024]
            .into_iter()
            .flat_map(|value_size| ["none", "lz4"].map(|compression| Case { value_size, compression }))
            .collect()
    };

    eprintln!("bench: building the load generators (release)");
    let bin = build_generators()?;
    eprintln!("bench: resolving org.apache.kafka:kafka-tools:{TOOLS_VERSION}");
    let classpath = crate::maven::classpath(&[&format!("org.apache.kafka:kafka-tools:{TOOLS_VERSION}")])?;

    let dir = crate::paths::scratch().join("bench");
    let broker = Broker::start(&dir.join("kafka"), flags.port)?;
    let run_id = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0).to_string();
    let mut setup = Setup {
        bin,
        classpath,
        bootstrap: broker.bootstrap(),
        data_dir: broker.data_dir(),
        logs: dir.join("logs").join(&run_id),
        interrupted,
        run_id,
        runs: 0,
    };
    eprintln!("bench: broker Kafka {KAFKA_VERSION} at {}; logs in {}", setup.bootstrap, setup.logs.display());
    // A deleted topic's files go 60 s later by default, in the middle of a later client's run;
    // after 1 s instead, and each run waits for them (see `delete_topic`).
    if let Err(e) = topic_command(&setup, &["broker-config", "--config", "log.segment.delete.delay.ms=1000"], "broker")
    {
        eprintln!("bench: could not shorten the broker's file deletion delay ({e:#}); runs wait up to 90 s each");
    }

    let mut rows = Vec::new();
    // A client that fails is reported at the end; the others still run (Ctrl-C stops all).
    let mut failures = Vec::new();
    for case in &cases {
        let records = match flags.records {
            Some(n) => n,
            None => calibrate(&mut setup, *case, flags.seconds)?,
        };
        for client in Client::ALL {
            let row = match run_client(&mut setup, client, *case, records) {
                Ok(row) => row,
                Err(e) if setup.interrupted.load(Ordering::SeqCst) => return Err(e),
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
        librdkafka_version()
    );
    println!("MB/s: value bytes (10^6) per second; CPU: user+system of the client process, whole run");
    println!();
    print!("{}", report::table(&rows));
    println!();
    let closing = report::closing_line(&rows);
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

/// Sizes a case: our producer runs for a few seconds (untimed: also the broker's warm-up) and
/// the record count is what it would do in `seconds`.
fn calibrate(setup: &mut Setup, case: Case, seconds: f64) -> Result<u64> {
    let probe = 5.0_f64.min(seconds);
    let topic = setup.topic("calibrate", case);
    create_topic(setup, &topic)?;
    let mut command = Command::new(setup.bin.join("produce_ours"));
    command.args(generator_args(setup, &topic, case)).args(["--duration", &probe.to_string()]);
    let measured = measure::run(&mut command, RUN_TIMEOUT, &setup.interrupted, &setup.log(&topic))?;
    delete_topic(setup, &topic)?;
    let outcome = generator_outcome(&measured, "produce_ours (calibration)")?;
    let rate = outcome.records as f64 / outcome.elapsed.as_secs_f64().max(1e-3);
    let records = ((rate * seconds / 10_000.0).round() as u64 * 10_000).max(10_000);
    eprintln!(
        "bench: calibration, {} B {}: ours did {rate:.0} records/s; every client sends {records} records",
        case.value_size, case.compression
    );
    Ok(records)
}

fn run_client(setup: &mut Setup, client: Client, case: Case, records: u64) -> Result<Row> {
    let (name, variant) = client.names();
    let topic = setup.topic(&format!("{name}-{variant}"), case);
    create_topic(setup, &topic)?;
    let records_arg = records.to_string();
    let mut command = match client {
        Client::Ours | Client::RdkafkaFuture | Client::RdkafkaBase => {
            let binary = if client == Client::Ours { "produce_ours" } else { "produce_rdkafka" };
            let mut command = Command::new(setup.bin.join(binary));
            command.args(generator_args(setup, &topic, case)).args(["--records", &records_arg]);
            if client != Client::Ours {
                command.args(["--variant", variant]);
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
            command
        }
    };
    let measured = measure::run(&mut command, RUN_TIMEOUT, &setup.interrupted, &setup.log(&topic))?;
    delete_topic(setup, &topic)?;
    let (acknowledged, errors, elapsed) = match client {
        Client::Java => {
            let (sent, rate) = java_summary(&measured)?;
            (sent, records.saturating_sub(sent), Duration::from_secs_f64(sent as f64 / rate.max(1e-9)))
        }
        _ => {
            let outcome = generator_outcome(&measured, name)?;
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

impl Setup {
    /// A fresh topic name for one run.
    fn topic(&mut self, what: &str, case: Case) -> String {
        self.runs += 1;
        format!("bench-{}-{}-{what}-{}b-{}", self.run_id, self.runs, case.value_size, case.compression)
    }

    fn log(&self, topic: &str) -> PathBuf {
        self.logs.join(format!("{topic}.log"))
    }
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

fn create_topic(setup: &Setup, topic: &str) -> Result<()> {
    topic_command(setup, &["create", "--topic", topic, "--partitions", &PARTITIONS.to_string()], topic)
}

/// Deletes `topic` and waits (at most [`DELETE_WAIT`]) until its files are gone, so that the
/// broker does not delete them during the next run.
fn delete_topic(setup: &Setup, topic: &str) -> Result<()> {
    topic_command(setup, &["delete", "--topic", topic], topic)?;
    let Some(data) = &setup.data_dir else { return Ok(()) };
    let prefix = format!("{topic}-");
    let deadline = Instant::now() + DELETE_WAIT;
    loop {
        let left = std::fs::read_dir(data)
            .map(|dir| dir.flatten().filter(|e| e.file_name().to_string_lossy().starts_with(&prefix)).count())
            .unwrap_or(0);
        if left == 0 {
            return Ok(());
        }
        if Instant::now() >= deadline {
            eprintln!("bench: {left} partition directories of {topic} still on disk after {DELETE_WAIT:?}; going on");
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Runs `bench_topic <args> --bootstrap <broker>`; `name` names its log.
fn topic_command(setup: &Setup, args: &[&str], name: &str) -> Result<()> {
    let mut cmd = Command::new(setup.bin.join("bench_topic"));
    cmd.args(args).args(["--bootstrap", &setup.bootstrap]);
    let log = setup.logs.join(format!("{name}.{}.log", args[0]));
    let measured = measure::run(&mut cmd, TOPIC_TIMEOUT, &setup.interrupted, &log)?;
    if !measured.status.success() {
        bail!("bench_topic {} failed ({}): {}", args.join(" "), measured.status, measured.stderr.trim());
    }
    Ok(())
}

/// The `RESULT` line of a generator that exited successfully.
fn generator_outcome(measured: &Measured, what: &str) -> Result<kafka_bench_outcome::Outcome> {
    if !measured.status.success() {
        bail!("{what} failed ({}):\n{}", measured.status, tail(&measured.stderr, 20));
    }
    measured
        .stdout
        .lines()
        .find_map(kafka_bench_outcome::Outcome::parse)
        .with_context(|| format!("{what} printed no RESULT line:\n{}", tail(&measured.stdout, 20)))
}

/// `ProducerPerformance`'s final summary: `N records sent, R records/sec (M MB/sec), ...`.
fn java_summary(measured: &Measured) -> Result<(u64, f64)> {
    if !measured.status.success() {
        bail!("ProducerPerformance failed ({}):\n{}", measured.status, tail(&measured.stderr, 30));
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
        .with_context(|| format!("no summary line from ProducerPerformance:\n{}", tail(&measured.stdout, 20)))
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// The librdkafka version `rdkafka-sys` bundles, from its crate version (`4.x.y+2.12.1`).
fn librdkafka_version() -> String {
    let lock = std::fs::read_to_string(crate::paths::root().join("Cargo.lock")).unwrap_or_default();
    lock.split("[[package]]")
        .find(|p| p.contains("name = \"rdkafka-sys\""))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")))
        .and_then(|v| v.trim_end_matches('"').split_once('+').map(|(_, lib)| lib.to_string()))
        .unwrap_or_else(|| "?".into())
}

/// Builds `kafka-bench`'s binaries (with the rdkafka peer) and returns their directory.
fn build_generators() -> Result<PathBuf> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(crate::paths::root())
        .args(["build", "--release", "-p", "kafka-bench", "--features", "rdkafka", "--bins"])
        .stdout(std::io::stderr())
        .status()
        .context("running cargo build")?;
    if !status.success() {
        bail!("building the load generators failed ({status})");
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .filter(|d| !d.is_empty())
        .map_or_else(|| crate::paths::root().join("target"), PathBuf::from);
    Ok(target.join("release"))
}

/// The benchmark's broker, stopped when dropped.
struct Broker(Option<jvm::Cluster>);

impl Broker {
    fn start(dir: &Path, port: u16) -> Result<Broker> {
        // A broker left behind by an interrupted run of this task (pid files in `dir`; only
        // processes verified to be those brokers are signalled).
        let stopped = jvm::stop(dir)?;
        if stopped > 0 {
            eprintln!("bench: stopped {stopped} broker(s) left over in {}", dir.display());
        }
        eprintln!("bench: starting Kafka {KAFKA_VERSION} on port {port}");
        let options = jvm::Options {
            brokers: 1,
            version: KAFKA_VERSION.to_string(),
            base_port: port,
            heap_mib: 768,
            ready_timeout: Duration::from_secs(120),
            dir: dir.to_path_buf(),
            maven_dir: crate::paths::scratch().join("maven"),
        };
        Ok(Broker(Some(jvm::Cluster::start(&options)?)))
    }

    fn bootstrap(&self) -> String {
        self.0.as_ref().map(jvm::Cluster::bootstrap).unwrap_or_default()
    }

    /// Its `log.dirs` (the launcher puts them in `node-0/data`).
    fn data_dir(&self) -> Option<PathBuf> {
        let dir = self.0.as_ref()?.nodes().first()?.dir.join("data");
        dir.is_dir().then_some(dir)
    }

    fn stop(mut self) -> Result<()> {
        match self.0.take() {
            Some(cluster) => Ok(cluster.stop()?),
            None => Ok(()),
        }
    }
}

impl Drop for Broker {
    fn drop(&mut self) {
        if let Some(cluster) = self.0.take() {
            eprintln!("bench: stopping the broker");
            if let Err(e) = cluster.stop() {
                eprintln!("bench: stopping the broker failed: {e}");
            }
        }
    }
}

/// The generators' `RESULT` line, parsed as `kafka_bench::produce::Outcome` does (xtask does not
/// depend on the bench crate, which pulls in librdkafka).
mod kafka_bench_outcome {
    use std::time::Duration;

    #[derive(Debug, Clone, Copy)]
    pub struct Outcome {
        pub records: u64,
        pub elapsed: Duration,
        pub errors: u64,
    }

    impl Outcome {
        pub fn parse(line: &str) -> Option<Outcome> {
            let rest = line.trim().strip_prefix("RESULT ")?;
            let (mut records, mut elapsed, mut errors) = (None, None, None);
            for field in rest.split_whitespace() {
                let (key, value) = field.split_once('=')?;
                match key {
                    "records" => records = value.parse().ok(),
                    "elapsed_s" => elapsed = value.parse::<f64>().ok().map(Duration::from_secs_f64),
                    "errors" => errors = value.parse().ok(),
                    _ => {}
                }
            }
            Some(Outcome { records: records?, elapsed: elapsed?, errors: errors? })
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn result_lines_parse() {
        let outcome =
            kafka_bench_outcome::Outcome::parse("RESULT records=10 bytes=1000 elapsed_s=1.500000 errors=2").unwrap();
        assert_eq!((outcome.records, outcome.errors), (10, 2));
        assert_eq!(outcome.elapsed, Duration::from_millis(1500));
    }

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

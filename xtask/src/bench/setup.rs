//! What `bench produce` and `bench consume` share: the benchmark broker, the load generators,
//! the matrix of cases, topics, and the generators' `RESULT` line.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context, Result};
use kfk_testkit::jvm;

use super::measure::{self, Measured};

/// The Kafka release of the broker (the one the project is pinned to).
pub const KAFKA_VERSION: &str = crate::maven::KAFKA_VERSION;
/// The release of `kafka-tools` for `ProducerPerformance` and `ConsumerPerformance`: 4.4.0 is
/// not on Maven Central (404), 4.3.1 is the newest that is. A 4.3 client speaks to a 4.4 broker
/// like any other.
pub const TOOLS_VERSION: &str = "4.3.1";
/// Partitions of every benchmark topic.
pub const PARTITIONS: u32 = 6;
/// The JVM options of Kafka's `bin/kafka-producer-perf-test.sh` and
/// `bin/kafka-consumer-perf-test.sh` (via `kafka-run-class.sh`): its default heap (512 MiB) and
/// GC settings.
pub const JAVA_OPTS: &[&str] = &[
    "-Xmx512M",
    "-server",
    "-XX:+UseG1GC",
    "-XX:MaxGCPauseMillis=20",
    "-XX:InitiatingHeapOccupancyPercent=35",
    "-XX:+ExplicitGCInvokesConcurrent",
    "-Djava.awt.headless=true",
];
/// The longest one client run may take before it is killed.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(600);
/// The longest `bench_topic` may take.
const TOPIC_TIMEOUT: Duration = Duration::from_secs(120);
/// The longest a deleted topic's files may take to leave the disk before the next run starts.
const DELETE_WAIT: Duration = Duration::from_secs(90);

/// One combination of the matrix.
#[derive(Debug, Clone, Copy)]
pub struct Case {
    pub value_size: usize,
    pub compression: &'static str,
}

impl Case {
    /// The matrix: 100 B and 1 KiB values, none and lz4; `quick`: 100 B, none.
    pub fn matrix(quick: bool) -> Vec<Case> {
        if quick {
            vec![Case { value_size: 100, compression: "none" }]
        } else {
            [100, 1024]
                .into_iter()
                .flat_map(|value_size| ["none", "lz4"].map(|compression| Case { value_size, compression }))
                .collect()
        }
    }
}

/// Where the generators and the broker live.
pub struct Setup {
    pub bin: PathBuf,
    pub classpath: String,
    pub bootstrap: String,
    /// The broker's `log.dirs`.
    data_dir: Option<PathBuf>,
    logs: PathBuf,
    pub interrupted: Arc<AtomicBool>,
    run_id: String,
    runs: u32,
}

impl Setup {
    /// Builds the generators, resolves `kafka-tools` and starts the broker on `port`, in
    /// `target/xtask/<name>` (its own directory per benchmark, so that two benchmarks never share
    /// or stop each other's broker). The broker stops when the returned [`Broker`] is dropped.
    pub fn start(name: &str, port: u16) -> Result<(Setup, Broker)> {
        let interrupted = Arc::new(AtomicBool::new(false));
        {
            let interrupted = interrupted.clone();
            // Ctrl-C reaches the client processes too; we live on to stop the broker.
            ctrlc::set_handler(move || interrupted.store(true, Ordering::SeqCst))
                .context("installing the Ctrl-C handler")?;
        }
        eprintln!("bench: building the load generators (release)");
        let bin = build_generators()?;
        eprintln!("bench: resolving org.apache.kafka:kafka-tools:{TOOLS_VERSION}");
        let classpath = crate::maven::classpath(&[&format!("org.apache.kafka:kafka-tools:{TOOLS_VERSION}")])?;

        let dir = crate::paths::scratch().join(name);
        let broker = Broker::start(&dir.join("kafka"), port)?;
        let run_id = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0).to_string();
        let setup = Setup {
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
        // A deleted topic's files go 60 s later by default, in the middle of a later client's
        // run; after 1 s instead, and each run waits for them (see `delete_topic`).
        if let Err(e) =
            setup.topic_command(&["broker-config", "--config", "log.segment.delete.delay.ms=1000"], "broker")
        {
            eprintln!("bench: could not shorten the broker's file deletion delay ({e:#}); runs wait up to 90 s each");
        }
        Ok((setup, broker))
    }

    /// A fresh topic name for one run.
    pub fn topic(&mut self, what: &str, case: Case) -> String {
        self.runs += 1;
        format!("bench-{}-{}-{what}-{}b-{}", self.run_id, self.runs, case.value_size, case.compression)
    }

    /// Where the output of the run named `name` goes.
    pub fn log(&self, name: &str) -> PathBuf {
        self.logs.join(format!("{name}.log"))
    }

    /// Runs `command`, measured, its output logged under `name`.
    pub fn measure(&self, command: &mut Command, name: &str) -> Result<Measured> {
        measure::run(command, RUN_TIMEOUT, &self.interrupted, &self.log(name))
    }

    pub fn interrupted(&self) -> bool {
        self.interrupted.load(Ordering::SeqCst)
    }

    /// Creates `topic` with [`PARTITIONS`] partitions.
    pub fn create_topic(&self, topic: &str) -> Result<()> {
        self.topic_command(&["create", "--topic", topic, "--partitions", &PARTITIONS.to_string()], topic)
    }

    /// Deletes `topic` and waits (at most [`DELETE_WAIT`]) until its files are gone, so that the
    /// broker does not delete them during the next run.
    pub fn delete_topic(&self, topic: &str) -> Result<()> {
        self.topic_command(&["delete", "--topic", topic], topic)?;
        let Some(data) = &self.data_dir else { return Ok(()) };
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
                eprintln!(
                    "bench: {left} partition directories of {topic} still on disk after {DELETE_WAIT:?}; going on"
                );
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Runs `bench_topic <args> --bootstrap <broker>`; `name` names its log.
    fn topic_command(&self, args: &[&str], name: &str) -> Result<()> {
        let mut cmd = Command::new(self.bin.join("bench_topic"));
        cmd.args(args).args(["--bootstrap", &self.bootstrap]);
        let log = self.logs.join(format!("{name}.{}.log", args[0]));
        let measured = measure::run(&mut cmd, TOPIC_TIMEOUT, &self.interrupted, &log)?;
        if !measured.status.success() {
            bail!("bench_topic {} failed ({}): {}", args.join(" "), measured.status, measured.stderr.trim());
        }
        Ok(())
    }
}

/// The `RESULT` line of a generator that exited successfully.
pub fn generator_outcome(measured: &Measured, what: &str) -> Result<Outcome> {
    if !measured.status.success() {
        bail!("{what} failed ({}):\n{}", measured.status, tail(&measured.stderr, 20));
    }
    measured
        .stdout
        .lines()
        .find_map(Outcome::parse)
        .with_context(|| format!("{what} printed no RESULT line:\n{}", tail(&measured.stdout, 20)))
}

/// The last `lines` lines of `text`.
pub fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// The librdkafka version `rdkafka-sys` bundles, from its crate version (`4.x.y+2.12.1`).
pub fn librdkafka_version() -> String {
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
    Ok(crate::paths::cargo_target().join("release"))
}

/// The benchmark's broker, stopped when dropped.
pub struct Broker(Option<jvm::Cluster>);

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
            security: None,
            extra_classpath: Vec::new(),
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

    pub fn stop(mut self) -> Result<()> {
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

/// A generator's `RESULT` line, parsed as `kafka_bench::produce::Outcome` does (xtask does not
/// depend on the bench crate, which pulls in librdkafka).
#[derive(Debug, Clone, Copy)]
pub struct Outcome {
    pub records: u64,
    pub bytes: u64,
    pub elapsed: Duration,
    pub errors: u64,
}

impl Outcome {
    pub fn parse(line: &str) -> Option<Outcome> {
        let rest = line.trim().strip_prefix("RESULT ")?;
        let (mut records, mut bytes, mut elapsed, mut errors) = (None, None, None, None);
        for field in rest.split_whitespace() {
            let (key, value) = field.split_once('=')?;
            match key {
                "records" => records = value.parse().ok(),
                "bytes" => bytes = value.parse().ok(),
                "elapsed_s" => elapsed = value.parse::<f64>().ok().map(Duration::from_secs_f64),
                "errors" => errors = value.parse().ok(),
                _ => {}
            }
        }
        Some(Outcome { records: records?, bytes: bytes?, elapsed: elapsed?, errors: errors? })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn result_lines_parse() {
        let outcome = Outcome::parse("RESULT records=10 bytes=1000 elapsed_s=1.500000 errors=2").unwrap();
        assert_eq!((outcome.records, outcome.bytes, outcome.errors), (10, 1000, 2));
        assert_eq!(outcome.elapsed, Duration::from_millis(1500));
        assert!(Outcome::parse("RESULT records=10").is_none());
    }
}

//! The command line over `server_stub::testing::jvm`, and the small API `cargo xtask test` uses.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use server_stub::testing::jvm;

pub use server_stub::testing::jvm::LATEST_3_9;

use super::{progress, Options};

const USAGE: &str =
    "usage: cargo xtask kafka start [--brokers 1|3] [--version V] [--port P] [--heap MIB] [--timeout SECS]\n\
                     \x20      cargo xtask kafka stop\n\
                     \x20      cargo xtask kafka status";

/// `target/xtask/kafka`: the cluster directory.
fn dir() -> PathBuf {
    crate::paths::scratch().join("kafka")
}

impl Options {
    /// The launcher's options: these, in xtask's directories.
    fn to_jvm(&self) -> jvm::Options {
        jvm::Options {
            brokers: self.brokers,
            version: self.version.clone(),
            base_port: self.base_port,
            heap_mib: self.heap_mib,
            ready_timeout: self.ready_timeout,
            dir: dir(),
            maven_dir: crate::paths::scratch().join("maven"),
        }
    }
}

/// A cluster started by xtask (in `target/xtask/kafka`), running in the background.
#[derive(Debug)]
pub struct Cluster(jvm::Cluster);

impl Cluster {
    /// Starts a fresh cluster and waits until it is ready, reporting progress on stderr.
    pub fn start(options: &Options) -> Result<Cluster> {
        progress::install();
        Ok(Cluster(jvm::Cluster::start(&options.to_jvm())?))
    }

    /// `127.0.0.1:9092[,127.0.0.1:9093,...]`.
    pub fn bootstrap(&self) -> String {
        self.0.bootstrap()
    }

    /// Stops every node (SIGTERM, SIGKILL after 30 s).
    pub fn stop(self) -> Result<()> {
        progress::install();
        Ok(self.0.stop()?)
    }
}

/// Stops whatever xtask started, as the pid files under `target/xtask/kafka/node-*/` tell.
/// Returns how many JVMs were stopped.
pub fn stop() -> Result<usize> {
    progress::install();
    Ok(jvm::stop(&dir())?)
}

/// `cargo xtask kafka ...`.
pub fn run(args: &[String]) -> Result<()> {
    progress::install();
    match args.split_first() {
        Some((command, rest)) if command == "start" => start(rest),
        Some((command, rest)) if command == "stop" && rest.is_empty() => {
            let stopped = stop()?;
            eprintln!("kafka: stopped {stopped} JVM(s)");
            Ok(())
        }
        Some((command, rest)) if command == "status" && rest.is_empty() => status(),
        _ => {
            eprintln!("{USAGE}");
            bail!("expected `kafka start|stop|status`");
        }
    }
}

fn start(args: &[String]) -> Result<()> {
    let mut options = Options::default();
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let mut value = || args.next().with_context(|| format!("{flag} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--brokers" => options.brokers = value()?.parse().context("--brokers takes 1 or 3")?,
            "--version" => options.version = value()?.clone(),
            "--port" => options.base_port = value()?.parse().context("--port takes a port number")?,
            "--heap" => options.heap_mib = value()?.parse().context("--heap takes MiB")?,
            "--timeout" => {
                options.ready_timeout = Duration::from_secs(value()?.parse().context("--timeout takes seconds")?)
            }
            other => bail!("unknown option `{other}`\n{USAGE}"),
        }
    }
    if options.heap_mib == 0 || options.heap_mib > 768 {
        bail!("--heap must be between 1 and 768 MiB");
    }
    let version = jvm::KafkaVersion::parse(&options.version)?;
    let options = options.to_jvm();
    let cluster = match jvm::Cluster::find(&options.dir)? {
        Some(running) => {
            let same = running.version() == version.as_str()
                && running.nodes().len() == options.brokers
                && running.node(0).ports.client == options.base_port;
            if !same {
                bail!(
                    "a different Kafka cluster started by xtask is running ({} node(s), Kafka {}, {}); \
                     run `cargo xtask kafka stop` first",
                    running.nodes().len(),
                    running.version(),
                    running.bootstrap()
                );
            }
            eprintln!(
                "kafka: already running (Kafka {}, {} node(s)); reusing it",
                running.version(),
                running.nodes().len()
            );
            jvm::Cluster::ensure(&options)?
        }
        None => jvm::Cluster::start(&options)?,
    };
    println!("KAFKA_BOOTSTRAP_SERVERS={}", cluster.bootstrap());
    Ok(())
}

fn status() -> Result<()> {
    let Some(cluster) = jvm::Cluster::find(&dir())? else {
        println!("kafka: not running");
        return Ok(());
    };
    println!("kafka {} ({} node(s)), bootstrap {}", cluster.version(), cluster.nodes().len(), cluster.bootstrap());
    for (i, node) in cluster.nodes().iter().enumerate() {
        match cluster.pid(i) {
            Some(pid) => {
                let rss = jvm::rss_kib(pid).map_or("?".to_string(), |kib| format!("{} MiB", kib / 1024));
                println!(
                    "node-{} pid {pid} running   port {} controller {} version {} rss {rss}",
                    node.id,
                    node.ports.client,
                    node.ports.controller,
                    cluster.version()
                );
            }
            None => println!(
                "node-{} -         stopped   port {} controller {} version {}",
                node.id,
                node.ports.client,
                node.ports.controller,
                cluster.version()
            ),
        }
    }
    Ok(())
}

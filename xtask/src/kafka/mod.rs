//! `cargo xtask kafka start|stop|status`: real Apache Kafka on the JVM, in KRaft mode, from the
//! jars on Maven Central (no Docker, no tarball).
//!
//! ```text
//! cargo xtask kafka start [--brokers 1|3] [--version V] [--port P] [--heap MIB] [--timeout SECS]
//! cargo xtask kafka stop
//! cargo xtask kafka status
//! ```
//!
//! `start` prints one line on stdout, `KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092[,...]`, everything
//! else on stderr, so `eval "$(cargo xtask kafka start)"` works. If a cluster started by xtask
//! already runs with the same version, node count and port, `start` reuses it: it says so on stderr,
//! prints the same line and exits 0. If a different one runs, it fails (stop it first).
//!
//! For tests, the same as a Rust API: [`Cluster::start`] / [`Cluster::ensure`], then
//! [`Cluster::bootstrap`], [`Cluster::kill_node`], [`Cluster::restart_node`], [`Cluster::stop`]
//! (or the free [`stop`]).

// The Rust API is for `cargo xtask test` and friends; not all of it is used by the CLI.
#![allow(dead_code)]

mod cluster;
mod config;
mod jars;
#[cfg(feature = "protocol-probe")]
mod probe;
mod process;
mod ready;

use std::time::Duration;

use anyhow::{bail, Context, Result};

// The API for other tasks (`cargo xtask test`), whether or not they use all of it yet.
#[allow(unused_imports)]
pub use cluster::{stop, Cluster, Node, Options, DEFAULT_PORT};
#[allow(unused_imports)]
pub use config::Ports;
#[allow(unused_imports)]
pub use jars::{KafkaVersion, LATEST_3_9};

const USAGE: &str = "usage: cargo xtask kafka start [--brokers 1|3] [--version V] [--port P] [--heap MIB] [--timeout SECS]\n\
                     \x20      cargo xtask kafka stop\n\
                     \x20      cargo xtask kafka status";

/// `cargo xtask kafka ...`.
pub fn run(args: &[String]) -> Result<()> {
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
        let mut value = || {
            args.next()
                .with_context(|| format!("{flag} needs a value\n{USAGE}"))
        };
        match flag.as_str() {
            "--brokers" => options.brokers = value()?.parse().context("--brokers takes 1 or 3")?,
            "--version" => options.version = value()?.clone(),
            "--port" => {
                options.base_port = value()?.parse().context("--port takes a port number")?
            }
            "--heap" => options.heap_mib = value()?.parse().context("--heap takes MiB")?,
            "--timeout" => {
                options.ready_timeout =
                    Duration::from_secs(value()?.parse().context("--timeout takes seconds")?)
            }
            other => bail!("unknown option `{other}`\n{USAGE}"),
        }
    }
    if options.heap_mib == 0 || options.heap_mib > 768 {
        bail!("--heap must be between 1 and 768 MiB");
    }
    let version = KafkaVersion::parse(&options.version)?;
    let cluster = match Cluster::find()? {
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
            Cluster::ensure(&options)?
        }
        None => Cluster::start(&options)?,
    };
    println!("KAFKA_BOOTSTRAP_SERVERS={}", cluster.bootstrap());
    Ok(())
}

fn status() -> Result<()> {
    let Some(cluster) = Cluster::find()? else {
        println!("kafka: not running");
        return Ok(());
    };
    println!(
        "kafka {} ({} node(s)), bootstrap {}",
        cluster.version(),
        cluster.nodes().len(),
        cluster.bootstrap()
    );
    for (i, node) in cluster.nodes().iter().enumerate() {
        match cluster.pid(i) {
            Some(pid) => {
                let rss = process::rss_kib(pid)
                    .map_or("?".to_string(), |kib| format!("{} MiB", kib / 1024));
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

//! The command line over `kfk_testkit::jvm`, and the small API `cargo xtask test` uses.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use kfk_testkit::jvm;
use kfk_testkit::{SaslMechanism, SecurityProtocol};

pub use kfk_testkit::jvm::LATEST_3_9;

use super::progress;

const USAGE: &str =
    "usage: cargo xtask kafka start [--brokers 1|3] [--version V] [--port P] [--heap MIB] [--timeout SECS]\n\
                     \x20                              [--security plaintext|ssl|sasl_plaintext|sasl_ssl]\n\
                     \x20                              [--mechanism PLAIN|SCRAM-SHA-256|SCRAM-SHA-512|OAUTHBEARER]\n\
                     \x20                              [--user admin|alice] [--reauth-ms MS]\n\
                     \x20      cargo xtask kafka stop\n\
                     \x20      cargo xtask kafka status";

/// `target/xtask/kafka`: the cluster directory.
fn dir() -> PathBuf {
    crate::paths::scratch().join("kafka")
}

/// The launcher's defaults (one node of the pinned release on port 9092) in xtask's
/// directories: the cluster in `target/xtask/kafka`, the Maven cache in `target/xtask/maven`.
pub fn options() -> jvm::Options {
    jvm::Options { maven_dir: crate::paths::scratch().join("maven"), ..jvm::Options::in_dir(dir()) }
}

/// A cluster started by xtask (in `target/xtask/kafka`), running in the background.
#[derive(Debug)]
pub struct Cluster(jvm::Cluster);

impl Cluster {
    /// Starts a fresh cluster and waits until it is ready, reporting progress on stderr.
    pub fn start(options: &jvm::Options) -> Result<Cluster> {
        progress::install();
        Ok(Cluster(jvm::Cluster::start(options)?))
    }

    /// `127.0.0.1:9092[,127.0.0.1:9093,...]`.
    pub fn bootstrap(&self) -> String {
        self.0.bootstrap()
    }

    /// A secured cluster's `security.json` (listeners, users, certificates), for the suite's
    /// `KAFKA_SECURITY_FILE`.
    pub fn security_file(&self) -> Option<std::path::PathBuf> {
        self.0.security().map(|s| s.file())
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
    let mut options = options();
    let mut protocol = None;
    let mut reauth_ms: Option<u64> = None;
    let mut mechanism = None;
    let mut user = jvm::security::ADMIN.to_string();
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
            "--security" => {
                let text = value()?;
                protocol = Some(SecurityProtocol::parse(text).with_context(|| {
                    format!("--security takes plaintext, ssl, sasl_plaintext or sasl_ssl, not `{text}`")
                })?);
                options.security = Some(jvm::SecurityOptions::default());
            }
            "--mechanism" => {
                let text = value()?;
                mechanism = Some(SaslMechanism::parse(text).with_context(|| {
                    format!("--mechanism takes PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER, not `{text}`")
                })?);
            }
            "--user" => user = value()?.clone(),
            "--reauth-ms" => reauth_ms = Some(value()?.parse().context("--reauth-ms takes milliseconds")?),
            other => bail!("unknown option `{other}`\n{USAGE}"),
        }
    }
    match protocol {
        None if mechanism.is_some() || reauth_ms.is_some() || user != jvm::security::ADMIN => {
            bail!("--mechanism, --user and --reauth-ms need --security\n{USAGE}")
        }
        Some(p) if mechanism.is_some() && !p.is_sasl() => bail!("--mechanism needs --security sasl_plaintext|sasl_ssl"),
        _ => {}
    }
    if ![jvm::security::ADMIN, jvm::security::RESTRICTED].contains(&user.as_str()) {
        bail!("--user takes {} or {}, not `{user}`", jvm::security::ADMIN, jvm::security::RESTRICTED);
    }
    if options.heap_mib == 0 || options.heap_mib > 768 {
        bail!("--heap must be between 1 and 768 MiB");
    }
    if let Some(security) = &mut options.security {
        security.reauth = reauth_ms.map(Duration::from_millis);
    }
    let version = jvm::KafkaVersion::parse(&options.version)?;
    let cluster = match jvm::Cluster::find(&options.dir)? {
        Some(running) => {
            let same = running.version() == version.as_str()
                && running.nodes().len() == options.brokers
                && running.node(0).ports.client == options.base_port
                && running.security_options() == options.security;
            if !same {
                bail!(
                    "a different Kafka cluster started by xtask is running ({} node(s), Kafka {}, {}{}); \
                     run `cargo xtask kafka stop` first",
                    running.nodes().len(),
                    running.version(),
                    running.bootstrap(),
                    if running.security().is_some() { ", secured" } else { "" }
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
    let Some(protocol) = protocol else {
        println!("KAFKA_BOOTSTRAP_SERVERS={}", cluster.bootstrap());
        return Ok(());
    };
    let security = cluster.security().context("the cluster started without security")?;
    let mechanism = protocol.is_sasl().then(|| mechanism.unwrap_or(SaslMechanism::ScramSha512));
    let properties = security.client_properties_file(protocol, mechanism, &user);
    let properties = std::path::absolute(&properties).unwrap_or(properties);
    eprintln!(
        "kafka: secured; listeners PLAINTEXT {}, SSL {}, SASL_PLAINTEXT {}, SASL_SSL {}, OIDC {} (SASL_PLAINTEXT, \
         OAUTHBEARER tokens signed by the key in {}, issuer {}); users and files in {}",
        security.bootstrap(SecurityProtocol::Plaintext),
        security.bootstrap(SecurityProtocol::Ssl),
        security.bootstrap(SecurityProtocol::SaslPlaintext),
        security.bootstrap(SecurityProtocol::SaslSsl),
        security.oidc_bootstrap(),
        security.oidc_key().display(),
        jvm::OIDC_ISSUER,
        security.file().display()
    );
    println!("KAFKA_BOOTSTRAP_SERVERS={}", security.bootstrap(protocol));
    println!("KAFKA_CLIENT_PROPERTIES={}", properties.display());
    Ok(())
}

fn status() -> Result<()> {
    let Some(cluster) = jvm::Cluster::find(&dir())? else {
        println!("kafka: not running");
        return Ok(());
    };
    println!("kafka {} ({} node(s)), bootstrap {}", cluster.version(), cluster.nodes().len(), cluster.bootstrap());
    if let Some(security) = cluster.security() {
        for protocol in [SecurityProtocol::Ssl, SecurityProtocol::SaslPlaintext, SecurityProtocol::SaslSsl] {
            println!("{protocol} listeners {}", security.bootstrap(protocol));
        }
        let reauth = security.reauth().map_or("off".to_string(), |d| format!("{} ms", d.as_millis()));
        println!("security {} (re-authentication {reauth})", security.file().display());
    }
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

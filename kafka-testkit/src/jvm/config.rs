//! What each node is told: `server.properties`, its logging configuration, the cluster id.

use std::fmt::Write as _;
use std::io::Read as _;
use std::path::Path;

use super::error::{io_error, JvmError};
use super::jars::KafkaVersion;
use super::security::Security;

/// Where one node listens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ports {
    /// The client (and inter-broker) listener, `PLAINTEXT`.
    pub client: u16,
    /// The KRaft controller listener, `CONTROLLER`.
    pub controller: u16,
}

/// Ports of node `id` in a cluster whose first client port is `base`: clients on `base + id`,
/// controllers on `base + 10000 + id` (9092 -> 19092).
pub fn ports(base: u16, id: usize) -> Ports {
    let id = id as u16;
    Ports { client: base + id, controller: base + 10_000 + id }
}

/// `server.properties` of node `id` of `count` (each node is broker and controller); with
/// `security`, its listeners, TLS, SASL and authorizer too.
pub fn server_properties(
    version: &KafkaVersion,
    id: usize,
    count: usize,
    base: u16,
    data_dir: &Path,
    security: Option<&Security>,
) -> String {
    let me = ports(base, id);
    let voters: Vec<String> = (0..count).map(|n| format!("{n}@127.0.0.1:{}", ports(base, n).controller)).collect();
    let replication = count.min(3);
    let min_isr = if count >= 3 { 2 } else { 1 };
    let mut p = format!(
        "# Written by the kafka-testkit JVM launcher (`cargo xtask kafka start`, the test harness): \
         Kafka {version}, node {id} of {count}.\n"
    );
    let mut set = |key: &str, value: &dyn std::fmt::Display| {
        let _ = writeln!(p, "{key}={value}");
    };
    set("process.roles", &"broker,controller");
    set("node.id", &id);
    set("controller.quorum.voters", &voters.join(","));
    let [listeners, advertised, protocols] = match security {
        Some(security) => security.listeners(id, me.controller),
        None => [
            format!("PLAINTEXT://127.0.0.1:{},CONTROLLER://127.0.0.1:{}", me.client, me.controller),
            format!("PLAINTEXT://127.0.0.1:{}", me.client),
            "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT".into(),
        ],
    };
    set("listeners", &listeners);
    set("advertised.listeners", &advertised);
    set("listener.security.protocol.map", &protocols);
    set("inter.broker.listener.name", &"PLAINTEXT");
    set("controller.listener.names", &"CONTROLLER");
    set("log.dirs", &data_dir.display());
    // Durability as the fault tests expect it: 3 replicas, 2 in sync, on the 3-node cluster.
    set("default.replication.factor", &replication);
    set("min.insync.replicas", &min_isr);
    set("offsets.topic.replication.factor", &replication);
    set("transaction.state.log.replication.factor", &replication);
    set("transaction.state.log.min.isr", &min_isr);
    if version.has_share_coordinator() {
        set("share.coordinator.state.topic.replication.factor", &replication);
        set("share.coordinator.state.topic.min.isr", &min_isr);
        set("share.coordinator.state.topic.num.partitions", &10);
    }
    // Fewer internal partitions than the default 50: quicker first group/transaction use.
    set("offsets.topic.num.partitions", &10);
    set("transaction.state.log.num.partitions", &10);
    // Test-friendly behaviour.
    set("auto.create.topics.enable", &true);
    set("delete.topic.enable", &true);
    set("num.partitions", &1);
    set("group.initial.rebalance.delay.ms", &0);
    // KIP-848 groups: notice a crashed member in seconds, not the default 45 s.
    set("group.consumer.min.session.timeout.ms", &6000);
    set("group.consumer.session.timeout.ms", &6000);
    set("group.consumer.min.heartbeat.interval.ms", &500);
    set("group.consumer.heartbeat.interval.ms", &500);
    set("log.segment.bytes", &(16 * 1024 * 1024));
    set("num.recovery.threads.per.data.dir", &1);
    set("num.network.threads", &2);
    set("num.io.threads", &4);
    if let Some(security) = security {
        p.push_str(&security.server_properties());
    }
    p
}

/// log4j2 configuration (Kafka 4.x): everything to `log_file`.
pub fn log4j2_xml(log_file: &Path) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="warn" shutdownHook="disable">
  <Appenders>
    <File name="server" fileName="{file}" append="true">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
    </File>
  </Appenders>
  <Loggers>
    <Root level="info"><AppenderRef ref="server"/></Root>
    <Logger name="kafka.request.logger" level="warn"/>
    <Logger name="org.apache.kafka.clients.NetworkClient" level="warn"/>
  </Loggers>
</Configuration>
"#,
        file = xml_escape(&log_file.display().to_string())
    )
}

/// log4j 1 configuration (Kafka 3.x, reload4j): everything to `log_file`.
pub fn log4j_properties(log_file: &Path) -> String {
    format!(
        "log4j.rootLogger=INFO, server\n\
         log4j.appender.server=org.apache.log4j.FileAppender\n\
         log4j.appender.server.File={}\n\
         log4j.appender.server.Append=true\n\
         log4j.appender.server.layout=org.apache.log4j.PatternLayout\n\
         log4j.appender.server.layout.ConversionPattern=[%d] %p %m (%c)%n\n\
         log4j.logger.kafka.request.logger=WARN\n\
         log4j.logger.org.apache.kafka.clients.NetworkClient=WARN\n",
        log_file.display()
    )
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A random cluster id as Kafka writes one (`Uuid.randomUuid()`): 16 random bytes in URL-safe
/// base64 without padding, never starting with `-`.
pub fn random_cluster_id() -> Result<String, JvmError> {
    let path = Path::new("/dev/urandom");
    let mut urandom = std::fs::File::open(path).map_err(io_error("opening", path))?;
    loop {
        let mut bytes = [0u8; 16];
        urandom.read_exact(&mut bytes).map_err(io_error("reading", path))?;
        let id = base64_url(&bytes);
        if !id.starts_with('-') && bytes.iter().any(|&b| b != 0) {
            return Ok(id);
        }
    }
}

fn base64_url(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_kafka() {
        // Uuid(0x0123456789abcdef, 0xfedcba9876543210).toString() in Java.
        let bytes = [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10];
        assert_eq!(base64_url(&bytes), "ASNFZ4mrze_-3LqYdlQyEA");
        assert_eq!(random_cluster_id().unwrap().len(), 22);
    }

    #[test]
    fn three_node_properties() {
        let version = KafkaVersion::parse("4.4.0").unwrap();
        let p = server_properties(&version, 1, 3, 9092, Path::new("/d"), None);
        assert!(p.contains("controller.quorum.voters=0@127.0.0.1:19092,1@127.0.0.1:19093,2@127.0.0.1:19094\n"));
        assert!(p.contains("listeners=PLAINTEXT://127.0.0.1:9093,CONTROLLER://127.0.0.1:19093\n"));
        assert!(p.contains("min.insync.replicas=2\n"));
        assert!(p.contains("offsets.topic.replication.factor=3\n"));
    }
}

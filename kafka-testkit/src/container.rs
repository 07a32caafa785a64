//! The container backend (feature `testcontainers`): the official `apache/kafka` image, pinned to
//! [`KAFKA_VERSION`], as a single KRaft node (broker and controller), through `testcontainers`.
//!
//! The client port 9092 is published on a random host port, which is only known once the
//! container runs, while Kafka must advertise it. So the container starts with a small shell
//! loop instead of Kafka; once it runs, the address (host and published port) is written into it
//! and the loop execs the image's own start script (`/etc/kafka/docker/run`) with
//! `KAFKA_ADVERTISED_LISTENERS` set. Ready means the broker logged "Kafka Server started".
//!
//! Each [`start`] is its own container, removed when its [`KafkaContainer`] is dropped (drop it
//! while the tokio runtime still runs, i.e. inside the test) or with `container.rm()`.
//! server-stub's `TestCluster` runs it when asked for the container backend.

use std::borrow::Cow;
use std::time::Duration;

use testcontainers::core::{ContainerPort, ContainerState, ExecCommand, WaitFor};
use testcontainers::runners::AsyncRunner;
use testcontainers::{ContainerAsync, Image, ImageExt, TestcontainersError};

use crate::maven::KAFKA_VERSION;

/// The image.
pub const IMAGE: &str = "apache/kafka";
/// The client listener inside the container.
const CLIENT_PORT: ContainerPort = ContainerPort::Tcp(9092);
/// Where the advertised listeners are handed to the waiting start loop.
const ADVERTISED_FILE: &str = "/tmp/kafka-test-advertised-listeners";
/// How long the container may take to be ready once created.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(120);
/// How long the whole start may take, image pull included.
pub const START_TIMEOUT: Duration = Duration::from_secs(600);

/// `apache/kafka:<KAFKA_VERSION>` configured as one KRaft node for tests.
#[derive(Debug, Clone)]
pub struct ApacheKafka {
    env: Vec<(&'static str, String)>,
    cmd: [String; 2],
}

impl ApacheKafka {
    fn new() -> ApacheKafka {
        let settings: [(&str, &str); 20] = [
            ("KAFKA_NODE_ID", "1"),
            ("KAFKA_PROCESS_ROLES", "broker,controller"),
            ("KAFKA_LISTENERS", "PLAINTEXT://0.0.0.0:9092,BROKER://0.0.0.0:9093,CONTROLLER://0.0.0.0:9094"),
            ("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "PLAINTEXT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT"),
            ("KAFKA_INTER_BROKER_LISTENER_NAME", "BROKER"),
            ("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
            ("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:9094"),
            // The same test-friendly settings as the local JVM's `server.properties`.
            ("KAFKA_DEFAULT_REPLICATION_FACTOR", "1"),
            ("KAFKA_MIN_INSYNC_REPLICAS", "1"),
            ("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1"),
            ("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "10"),
            ("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1"),
            ("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1"),
            ("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "10"),
            ("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1"),
            ("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1"),
            ("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true"),
            ("KAFKA_NUM_PARTITIONS", "1"),
            ("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0"),
            // 16 bytes (`server-stub-test`) in URL-safe base64, as Kafka writes cluster ids.
            ("CLUSTER_ID", "c2VydmVyLXN0dWItdGVzdA"),
        ];
        let start = format!(
            "while [ ! -f {ADVERTISED_FILE} ]; do sleep 0.1; done; \
             KAFKA_ADVERTISED_LISTENERS=$(cat {ADVERTISED_FILE}); \
             export KAFKA_ADVERTISED_LISTENERS; exec /etc/kafka/docker/run"
        );
        ApacheKafka {
            env: settings.iter().map(|&(key, value)| (key, value.to_string())).collect(),
            cmd: ["-c".to_string(), start],
        }
    }
}

impl Image for ApacheKafka {
    fn name(&self) -> &str {
        IMAGE
    }

    fn tag(&self) -> &str {
        KAFKA_VERSION
    }

    fn ready_conditions(&self) -> Vec<WaitFor> {
        vec![WaitFor::message_on_stdout("Kafka Server started")]
    }

    fn env_vars(&self) -> impl IntoIterator<Item = (impl Into<Cow<'_, str>>, impl Into<Cow<'_, str>>)> {
        self.env.iter().map(|(key, value)| (*key, value.as_str()))
    }

    fn entrypoint(&self) -> Option<&str> {
        Some("sh")
    }

    fn cmd(&self) -> impl IntoIterator<Item = impl Into<Cow<'_, str>>> {
        self.cmd.iter().map(String::as_str)
    }

    fn expose_ports(&self) -> &[ContainerPort] {
        &[CLIENT_PORT]
    }

    /// Hands the published address to the start loop, which then starts Kafka.
    fn exec_before_ready(&self, cs: ContainerState) -> Result<Vec<ExecCommand>, TestcontainersError> {
        let port = cs.host_port_ipv4(CLIENT_PORT)?;
        let host = advertised_host(&cs.host().to_string());
        let listeners = format!("PLAINTEXT://{host}:{port},BROKER://localhost:9093");
        let write =
            format!("printf '%s' '{listeners}' > {ADVERTISED_FILE}.tmp && mv {ADVERTISED_FILE}.tmp {ADVERTISED_FILE}");
        Ok(vec![ExecCommand::new(["sh".to_string(), "-c".to_string(), write])])
    }
}

/// The host clients should use: `127.0.0.1` for a local engine (the published port is bound on
/// IPv4; `localhost` might resolve to `::1` first), the engine's host otherwise.
fn advertised_host(engine_host: &str) -> String {
    match engine_host {
        "localhost" | "" => "127.0.0.1".to_string(),
        other => other.to_string(),
    }
}

/// A running `apache/kafka` container and its bootstrap address.
#[derive(Debug)]
pub struct KafkaContainer {
    /// The container; removed when dropped.
    pub container: ContainerAsync<ApacheKafka>,
    /// `host:port` of its client listener.
    pub bootstrap: String,
}

/// Why no container could be had.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ContainerError {
    /// The engine or testcontainers failed (no image, no engine, the container exited, ...).
    #[error("the apache/kafka container did not start: {0}")]
    Failed(String),
    /// The start, image pull included, took longer than [`START_TIMEOUT`].
    #[error("the apache/kafka container did not start within {} s", START_TIMEOUT.as_secs())]
    TimedOut,
}

/// Starts a container and waits until Kafka in it is ready (at most [`START_TIMEOUT`]).
pub async fn start() -> Result<KafkaContainer, ContainerError> {
    let failed = |e: TestcontainersError| ContainerError::Failed(e.to_string());
    let request = ApacheKafka::new().with_startup_timeout(STARTUP_TIMEOUT);
    let container = match tokio::time::timeout(START_TIMEOUT, request.start()).await {
        Ok(started) => started.map_err(failed)?,
        Err(_) => return Err(ContainerError::TimedOut),
    };
    let host = container.get_host().await.map_err(failed)?;
    let port = container.get_host_port_ipv4(CLIENT_PORT).await.map_err(failed)?;
    let bootstrap = format!("{}:{port}", advertised_host(&host.to_string()));
    Ok(KafkaContainer { container, bootstrap })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_image_is_pinned_and_configured_for_one_kraft_node() {
        let image = ApacheKafka::new();
        assert_eq!((image.name(), image.tag()), ("apache/kafka", KAFKA_VERSION));
        let env: Vec<(&str, &str)> = image.env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert!(env.contains(&("KAFKA_PROCESS_ROLES", "broker,controller")));
        assert!(env.contains(&("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")));
        assert!(image.cmd[1].ends_with("exec /etc/kafka/docker/run"));
        assert_eq!(advertised_host("localhost"), "127.0.0.1");
        assert_eq!(advertised_host("docker.internal"), "docker.internal");
    }
}

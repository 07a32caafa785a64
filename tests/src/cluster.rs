//! The suite's own multi-node JVM clusters, for the tests that kill and restart brokers.
//!
//! Such a test runs with the real-broker backend (`TEST_BACKEND=kafka`) when `java` and `mvn`
//! are present, starts its own cluster (of the release in `KAFKA_TEST_VERSION`, default the
//! pinned 4.x) in a directory of its own, and stops it however the test ends.
//! `KAFKA_TEST_MULTI_NODE=0` skips them: `cargo xtask test` runs them against the newest
//! release only, as they take minutes and exercise the client more than the broker version.

use std::time::Duration;

use kfk_stub::testing::jvm::{Cluster, JvmError, Options};

/// A running cluster, stopped when dropped.
#[derive(Debug)]
pub struct Running(Option<Cluster>);

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(cluster) = self.0.take() {
            let _ = cluster.stop();
        }
    }
}

/// Why a multi-node test cannot run here, or `None` when it can.
fn unavailable() -> Option<&'static str> {
    if std::env::var("TEST_BACKEND").map_or(true, |b| b != "kafka") {
        return Some("needs the real-broker backend (TEST_BACKEND=kafka)");
    }
    if std::env::var("KAFKA_TEST_MULTI_NODE").is_ok_and(|v| v == "0") {
        return Some("multi-node cluster tests are off for this run (KAFKA_TEST_MULTI_NODE=0)");
    }
    let tools = ["java", "mvn"].iter().all(|t| std::process::Command::new(t).arg("-version").output().is_ok());
    if !tools {
        return Some("needs java and mvn to start a cluster");
    }
    None
}

/// Starts `brokers` nodes on `base_port..` with their files in `dir` (a test's
/// `CARGO_TARGET_TMPDIR/<name>`), with extra broker properties, or records the skip (under
/// `test`) and returns `None`.
pub async fn start(
    test: &str,
    dir: std::path::PathBuf,
    brokers: usize,
    base_port: u16,
    extra: &'static [(&'static str, &'static str)],
) -> Option<Running> {
    if let Some(reason) = unavailable() {
        kfk_stub::testing::skip(test, reason);
        return None;
    }
    let version =
        std::env::var("KAFKA_TEST_VERSION").unwrap_or_else(|_| kfk_stub::testing::maven::KAFKA_VERSION.into());
    // A run killed before it could stop its cluster leaves it running: stop it first.
    let _ = kfk_stub::testing::jvm::stop(&dir);
    let options = Options { brokers, base_port, version, ..Options::in_dir(&dir) };
    let cluster = tokio::task::spawn_blocking(move || Cluster::start_with_properties(&options, extra))
        .await
        .expect("join")
        .unwrap_or_else(|e| panic!("starting a {brokers}-node cluster: {e}"));
    Some(Running(Some(cluster)))
}

impl Running {
    /// The cluster's bootstrap addresses.
    pub fn bootstrap(&self) -> String {
        self.cluster().bootstrap()
    }

    fn cluster(&self) -> &Cluster {
        self.0.as_ref().expect("the cluster is only taken while an operation runs")
    }

    /// Runs `op` on the cluster in a blocking task (starting and stopping JVMs blocks).
    pub async fn with(&mut self, what: &str, op: impl FnOnce(&mut Cluster) -> Result<(), JvmError> + Send + 'static) {
        let mut cluster = self.0.take().expect("the cluster runs");
        let cluster = tokio::task::spawn_blocking(move || op(&mut cluster).map(|()| cluster))
            .await
            .expect("join")
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        self.0 = Some(cluster);
    }

    /// SIGKILLs node `node`, waits `down`, and starts it again.
    pub async fn kill_and_restart(&mut self, node: i32, down: Duration, what: &str) {
        let index = usize::try_from(node).unwrap_or_else(|_| panic!("{what}: no node id ({node})"));
        eprintln!("SIGKILL node {index} ({what})");
        self.with(what, move |cluster| {
            cluster.kill_node(index)?;
            std::thread::sleep(down);
            cluster.restart_node(index)
        })
        .await;
    }
}

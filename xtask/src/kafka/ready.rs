//! When is a cluster ready: every starting node's process is alive, its client port accepts
//! connections and its log says "Kafka Server started" (3.9 and 4.x both print
//! `[KafkaRaftServer nodeId=N] Kafka Server started`, after the broker is unfenced).

use std::io::{Read as _, Seek as _, SeekFrom};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{bail, Result};

use super::cluster::Cluster;
use super::process;

/// The line both Kafka 3.9 and 4.x log (from `KafkaRaftServer`) once a node serves clients.
const STARTED: &str = "Kafka Server started";

/// A node being waited for, and where its log stood when it was started.
#[derive(Debug, Clone, Copy)]
pub struct Starting {
    /// Index of the node in the cluster.
    pub node: usize,
    /// Length of its `server.log` before it was started: only what follows counts.
    pub log_offset: u64,
}

/// Waits (at most `timeout`) until the `starting` nodes of `cluster` are ready; fails early if
/// one of them exits, and with the tail of its logs on time-out.
pub fn wait_ready(cluster: &mut Cluster, starting: &[Starting], timeout: Duration) -> Result<()> {
    let deadline = Instant::now() + timeout;
    let mut ready = vec![false; starting.len()];
    loop {
        cluster.reap();
        for (k, s) in starting.iter().enumerate() {
            if ready[k] {
                continue;
            }
            let node = cluster.node(s.node);
            if cluster.pid(s.node).is_none() {
                bail!(
                    "node-{} (Kafka {}) exited while starting\n{}",
                    node.id,
                    cluster.version(),
                    node.log_tails()
                );
            }
            ready[k] = port_accepts(node.ports.client)
                && log_contains(&node.server_log(), s.log_offset, STARTED);
        }
        if ready.iter().all(|&r| r) && cluster_agrees(cluster)? {
            return Ok(());
        }
        if Instant::now() >= deadline {
            let mut report = String::new();
            for (k, s) in starting.iter().enumerate() {
                if !ready[k] {
                    report.push_str(&cluster.node(s.node).log_tails());
                }
            }
            bail!(
                "Kafka {} not ready after {} s (waiting for port + \"{STARTED}\")\n{report}",
                cluster.version(),
                timeout.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The cluster-wide check once every starting node is up. With the log-line check above, a node
/// only logs "started" once its broker registered with the controller quorum and was unfenced,
/// so each live node is already in the cluster's metadata.
// TODO(kafka-protocol): once `kafka_protocol::messages` and `frame` are generated, send
// ApiVersions then Metadata to every live node and require every live node id to be listed.
fn cluster_agrees(_cluster: &Cluster) -> Result<bool> {
    Ok(true)
}

fn port_accepts(port: u16) -> bool {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    TcpStream::connect_timeout(&addr, Duration::from_millis(500)).is_ok()
}

/// Whether the file holds `needle` after byte `offset`.
fn log_contains(path: &Path, offset: u64, needle: &str) -> bool {
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let mut bytes = Vec::new();
    if file.seek(SeekFrom::Start(offset)).is_err() || file.read_to_end(&mut bytes).is_err() {
        return false;
    }
    let needle = needle.as_bytes();
    bytes.windows(needle.len()).any(|window| window == needle)
}

/// Offset to pass as [`Starting::log_offset`] for a node about to start.
pub fn log_offset(path: &Path) -> u64 {
    process::file_len(path)
}

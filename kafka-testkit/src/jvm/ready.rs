//! When is a cluster ready: every starting node's process is alive, its client port accepts
//! connections and its log says "Kafka Server started" (3.9 and 4.x both print
//! `[KafkaRaftServer nodeId=N] Kafka Server started`, after the broker is unfenced); then every
//! running node answers a Metadata request listing every running node ([`super::probe`]).

use std::io::{Read as _, Seek as _, SeekFrom};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};

use super::cluster::Cluster;
use super::error::JvmError;
use super::process;

/// The line both Kafka 3.9 and 4.x log (from `KafkaRaftServer`) once a node serves clients.
const STARTED: &str = "Kafka Server started";

/// A node being waited for, and where its log stood when it was started.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Starting {
    /// Index of the node in the cluster.
    pub node: usize,
    /// Length of its `server.log` before it was started: only what follows counts.
    pub log_offset: u64,
}

/// Waits (at most `timeout`) until the `starting` nodes of `cluster` are ready; fails early if
/// one of them exits, and with the tail of its logs on time-out.
pub(crate) fn wait_ready(cluster: &mut Cluster, starting: &[Starting], timeout: Duration) -> Result<(), JvmError> {
    let deadline = Instant::now() + timeout;
    let mut ready = vec![false; starting.len()];
    let mut waiting_for = String::from("port + \"Kafka Server started\"");
    loop {
        cluster.reap();
        for (k, s) in starting.iter().enumerate() {
            let node = cluster.node(s.node);
            if cluster.pid(s.node).is_none() {
                return Err(JvmError::NodeExited {
                    node: node.id,
                    version: cluster.version().to_string(),
                    logs: node.log_tails(),
                });
            }
            ready[k] = ready[k]
                || (port_accepts(node.ports.client) && log_contains(&node.server_log(), s.log_offset, STARTED));
        }
        if ready.iter().all(|&r| r) {
            match cluster_agrees(cluster) {
                Ok(()) => return Ok(()),
                Err(why) => waiting_for = why,
            }
        }
        if Instant::now() >= deadline {
            let mut logs = String::new();
            let all_ready = ready.iter().all(|&r| r);
            for (k, s) in starting.iter().enumerate() {
                if !ready[k] || all_ready {
                    logs.push_str(&cluster.node(s.node).log_tails());
                }
            }
            return Err(JvmError::NotReady { version: cluster.version().to_string(), timeout, waiting_for, logs });
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The cluster-wide check once every starting node is up: each running node answers a
/// Metadata request that lists every running node. `Err` says what is still missing.
fn cluster_agrees(cluster: &Cluster) -> Result<(), String> {
    let running: Vec<usize> = (0..cluster.nodes().len()).filter(|&i| cluster.pid(i).is_some()).collect();
    for &i in &running {
        let node = cluster.node(i);
        let addr = SocketAddr::from(([127, 0, 0, 1], node.ports.client));
        let listed = super::probe::broker_ids(addr, Duration::from_secs(5))
            .map_err(|e| format!("Metadata from node-{}: {e}", node.id))?;
        let missing: Vec<usize> = running
            .iter()
            .copied()
            .filter(|&j| !listed.iter().any(|&id| usize::try_from(id) == Ok(cluster.node(j).id)))
            .collect();
        if !missing.is_empty() {
            return Err(format!("node-{} to list node(s) {missing:?} in its Metadata (it lists {listed:?})", node.id));
        }
    }
    Ok(())
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
pub(crate) fn log_offset(path: &Path) -> u64 {
    process::file_len(path)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn only_what_follows_the_offset_counts() {
        let path = std::env::temp_dir().join(format!("kafka-testkit-ready-{}.log", std::process::id()));
        std::fs::write(&path, "old: Kafka Server started\n").unwrap();
        let offset = log_offset(&path);
        assert!(log_contains(&path, 0, STARTED));
        assert!(!log_contains(&path, offset, STARTED));
        std::fs::write(&path, "old: Kafka Server started\nnew: Kafka Server started\n").unwrap();
        assert!(log_contains(&path, offset, STARTED));
        std::fs::remove_file(&path).unwrap();
        assert!(!log_contains(&path, 0, STARTED));
    }
}

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
//! The launcher itself is `server_stub::testing::jvm` (feature `testing`), shared with the
//! integration-test harness; this module is its command line, with the cluster in
//! `target/xtask/kafka` and the Maven cache in `target/xtask/maven`. For other tasks
//! (`cargo xtask test`): [`Cluster::start`], [`Cluster::bootstrap`], [`Cluster::stop`], [`stop`].
//!
//! Built without feature `protocol-probe` (kafka-protocol, hence server-stub, does not build),
//! every command fails with a message saying so.

use std::time::Duration;

#[cfg(feature = "protocol-probe")]
mod cli;
#[cfg(feature = "protocol-probe")]
mod progress;
#[cfg(not(feature = "protocol-probe"))]
mod unavailable;

#[cfg(feature = "protocol-probe")]
pub use cli::{run, stop, Cluster, LATEST_3_9};
#[cfg(not(feature = "protocol-probe"))]
pub use unavailable::{run, stop, Cluster, LATEST_3_9};

/// First client port; node N listens on `9092 + N` (controllers on `19092 + N`).
pub const DEFAULT_PORT: u16 = 9092;

/// How to start a cluster: the launcher's options without its directories (always xtask's).
#[derive(Debug, Clone)]
// Without the launcher, nothing reads them.
#[cfg_attr(not(feature = "protocol-probe"), allow(dead_code))]
pub struct Options {
    /// Number of nodes, each broker and controller: 1, or 3 for replication and fault tests.
    pub brokers: usize,
    /// Kafka release (`4.4.0`, `3.9.2`, or a shorthand such as `3.9`).
    pub version: String,
    /// Client port of node 0.
    pub base_port: u16,
    /// Maximum heap of each JVM, in MiB.
    pub heap_mib: u32,
    /// How long to wait for the cluster to be ready.
    pub ready_timeout: Duration,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            brokers: 1,
            version: crate::maven::KAFKA_VERSION.to_string(),
            base_port: DEFAULT_PORT,
            heap_mib: 768,
            ready_timeout: Duration::from_secs(90),
        }
    }
}

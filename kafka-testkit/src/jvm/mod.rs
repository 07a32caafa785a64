//! Real Apache Kafka on the local JVM, in KRaft mode, from the jars on Maven Central (no Docker,
//! no tarball): what `cargo xtask kafka start|stop|status` runs, and the local-JVM backend of
//! server-stub's `TestCluster` (which re-exports this module as `kfk_stub::testing::jvm`).
//!
//! A [`Cluster`] is 1 or 3 nodes, each broker and controller, on `127.0.0.1`: node N takes client
//! port `base + N` and controller port `base + 10000 + N` (9092 and 19092 by default). A secured
//! cluster ([`Options::security`]) also opens `SSL` (mutual TLS), `SASL_PLAINTEXT` and `SASL_SSL`
//! listeners on `base + 1000 + N`, `base + 2000 + N` and `base + 3000 + N`, with users, ACLs and
//! certificates as [`security`] describes. Starting one:
//!
//! 1. resolves `org.apache.kafka:kafka_2.13:<version>` and a logging backend with `mvn`
//!    ([`crate::maven`], cached in [`Options::maven_dir`]);
//! 2. for a secured cluster, makes the CA, broker and client certificates and the client
//!    properties files in `<dir>/security/`; writes each node's `server.properties` and logging
//!    configuration under [`Options::dir`] (layout in [`Cluster`]'s module docs) and formats its
//!    storage with a fresh cluster id (and the SCRAM users of a secured cluster);
//! 3. starts each JVM with `setsid` (its own session: neither Ctrl-C nor the caller's exit stops
//!    it) and records its pid in `node-N/pid`;
//! 4. waits until every node is ready: its client port accepts connections, its log says
//!    "Kafka Server started", and it answers a Metadata request that lists every running node
//!    ([`broker_ids`]: ApiVersions v0 and Metadata v4, written and read in `probe.rs` so that
//!    this crate needs no `kfk-protocol`).
//!
//! The JVMs outlive the [`Cluster`] value: [`Cluster::stop`], or [`stop`] from any process, ends
//! them. Nothing is ever killed by name: a pid from a pid file is signalled only when
//! `/proc/<pid>/cmdline` shows it is `java ... kafka.Kafka <that node's server.properties>`.
//!
//! Everything here blocks (starting takes 5 to 20 s, a first Maven resolution longer); every wait
//! is bounded. Progress is reported through `tracing` at `INFO`; failures are [`JvmError`]s whose
//! message says what to do and carries the tails of the logs concerned.
//!
//! Linux only (`/proc`, `setsid`, `kill`).

mod cluster;
mod config;
mod error;
mod jars;
mod probe;
mod process;
mod ready;
pub mod security;

pub use cluster::{default_dir, stop, Cluster, Node, Options, DEFAULT_PORT};
pub use config::Ports;
pub use error::JvmError;
pub use jars::{KafkaVersion, LATEST_3_9};
pub use probe::{broker_ids, ProbeError};
pub use process::rss_kib;
pub use security::{
    SaslMechanism, Security, SecurityOptions, SecurityProtocol, User, OIDC_AUDIENCE, OIDC_ISSUER, OIDC_KEY_ID,
};

pub use process::{is_alive, start_time};

/// A fresh, empty directory for one test: `kafka-testkit-<name>-<pid>` in the temporary
/// directory (what an earlier run left there is removed).
#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("kafka-testkit-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

//! What can go wrong running Kafka on the JVM, each case saying what to do about it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::maven::MavenError;

/// Why a JVM cluster could not be started, found, changed or stopped.
///
/// Its `Display` is the whole story, meant to be printed as is: what failed, what to do, and for
/// a node that died or never became ready, the tails of its logs. `Debug` prints the same (what
/// `unwrap` and a test returning `Box<dyn Error>` show), not the variant's fields.
#[derive(thiserror::Error)]
#[non_exhaustive]
pub enum JvmError {
    /// `java` could not be run.
    #[error("`{java}` could not be run ({source}): install a JDK (17 or newer) or set JAVA_HOME")]
    JavaMissing {
        /// The `java` tried (`$JAVA_HOME/bin/java` or `java` on `PATH`).
        java: String,
        /// Why it could not be started.
        #[source]
        source: std::io::Error,
    },
    /// A helper program (`setsid`, `kill`) could not be run.
    #[error("`{program}` could not be run ({source}): it comes with util-linux / procps")]
    ToolMissing {
        /// The program.
        program: &'static str,
        /// Why it could not be started.
        #[source]
        source: std::io::Error,
    },
    /// Kafka's jars could not be resolved.
    #[error("resolving Kafka {version} from Maven Central: {source}")]
    Maven {
        /// The Kafka release.
        version: String,
        /// What Maven said.
        #[source]
        source: MavenError,
    },
    /// A jar Kafka needs was not on the resolved classpath.
    #[error("Kafka {version}'s classpath has no {artifact}")]
    IncompleteClasspath {
        /// The Kafka release.
        version: String,
        /// The artifact looked for.
        artifact: &'static str,
    },
    /// Not a Kafka version this launcher can run.
    #[error("Kafka version `{text}`: {reason}")]
    BadVersion {
        /// What was given.
        text: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The [`Options`](super::Options) contradict each other or are out of range.
    #[error("invalid options: {0}")]
    InvalidOptions(String),
    /// A cluster started from the same directory still runs.
    #[error(
        "a Kafka cluster started from {} is already running ({nodes} node(s), Kafka {version}, \
         {bootstrap}); stop it first (`cargo xtask kafka stop` for xtask's)",
        dir.display()
    )]
    AlreadyRunning {
        /// Its directory.
        dir: PathBuf,
        /// Its node count.
        nodes: usize,
        /// Its Kafka release.
        version: String,
        /// Its bootstrap servers.
        bootstrap: String,
    },
    /// The cluster directory is held by another process that still runs (the test harness's
    /// one-JVM-per-process rule).
    #[error(
        "the Kafka cluster in {} belongs to process {owner}, which still runs; run the tests in \
         one process, or start one broker for all (`cargo xtask kafka start`) and set \
         KAFKA_BOOTSTRAP_SERVERS",
        dir.display()
    )]
    InUse {
        /// The process holding it.
        owner: u32,
        /// The cluster directory.
        dir: PathBuf,
    },
    /// A port the cluster needs is in use by something else.
    #[error(
        "port {port} on 127.0.0.1 is taken by another process (not a cluster started from {}); \
         stop that process, choose another base port, or if it is a Kafka broker to use, set \
         KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:{port}",
        dir.display()
    )]
    PortTaken {
        /// The port.
        port: u16,
        /// The cluster directory (whose cluster, if any, is not the one on the port).
        dir: PathBuf,
    },
    /// `kafka-storage format` failed for a node.
    #[error("formatting the storage of node-{node} failed:\n{log_tail}")]
    FormatFailed {
        /// The node.
        node: usize,
        /// The end of the tool's output.
        log_tail: String,
    },
    /// A node's JVM exited while it was starting.
    #[error("node-{node} (Kafka {version}) exited while starting\n{logs}")]
    NodeExited {
        /// The node.
        node: usize,
        /// The Kafka release.
        version: String,
        /// The tails of its logs.
        logs: String,
    },
    /// The cluster did not become ready in time; its nodes were stopped.
    #[error(
        "Kafka {version} not ready after {} s (waiting for {waiting_for})\n{logs}",
        timeout.as_secs()
    )]
    NotReady {
        /// The Kafka release.
        version: String,
        /// How long it was given.
        timeout: Duration,
        /// What was still missing.
        waiting_for: String,
        /// The tails of the logs of the nodes concerned.
        logs: String,
    },
    /// The running cluster has stopped nodes, so it cannot be reused as is.
    #[error("the running Kafka cluster has stopped node(s) {}; stop it first", nodes.join(", "))]
    NodesDown {
        /// The stopped nodes (`node-N`).
        nodes: Vec<String>,
    },
    /// No node with that index.
    #[error("no node {index}: the cluster has {count} node(s)")]
    NoSuchNode {
        /// The index asked for.
        index: usize,
        /// How many there are.
        count: usize,
    },
    /// The node is not running.
    #[error("node-{0} is not running")]
    NotRunning(usize),
    /// JVMs did not exit after being signalled.
    #[error("pid(s) {pids:?} still running {} s after SIG{signal}", timeout.as_secs())]
    StillRunning {
        /// The survivors.
        pids: Vec<u32>,
        /// The last signal sent (`TERM`, `KILL`).
        signal: &'static str,
        /// How long they were given.
        timeout: Duration,
    },
    /// A signal could not be delivered to a JVM that is still alive.
    #[error("could not send SIG{signal} to pid {pid}")]
    Signal {
        /// The pid.
        pid: u32,
        /// The signal (`TERM`, `KILL`).
        signal: &'static str,
    },
    /// The TLS material of a secured cluster could not be made (`rcgen`).
    #[error("making the test certificates: {0}")]
    Certificates(String),
    /// `cluster.json` (or `security/security.json`) is not what this launcher writes.
    #[error("{} is not a cluster description: {reason}", path.display())]
    BadState {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// A file or directory could not be read or written.
    #[error("{action} {}: {source}", path.display())]
    Io {
        /// What was being done, e.g. `writing`.
        action: &'static str,
        /// Where.
        path: PathBuf,
        /// The failure.
        #[source]
        source: std::io::Error,
    },
}

impl std::fmt::Debug for JvmError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

/// `map_err` helper: an I/O failure while doing `action` on `path`.
pub(crate) fn io_error(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> JvmError {
    let path = path.to_path_buf();
    move |source| JvmError::Io { action, path, source }
}

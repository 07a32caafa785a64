//! The local-JVM backend: one Kafka JVM per test process, shared by all its tests, stopped when
//! the process ends.
//!
//! # Life cycle
//!
//! The first [`TestCluster`](super::TestCluster) that needs it starts a single-node cluster with
//! the [`jvm`] launcher's defaults ([`jvm::Options::default`]: Kafka
//! [`KAFKA_VERSION`](super::KAFKA_VERSION), files in [`jvm::default_dir`]) but not its port 9092,
//! where another broker may listen: a base port free at that moment in [`JVM_PORTS`] (tried
//! again on another if one of its ports is taken), so `127.0.0.1:2xxxx`, controller `3xxxx`.
//! Later ones, whatever their test and runtime, get the same one. A failed start is remembered
//! too: every later test gets the same error at once.
//!
//! The cluster directory is claimed with an `owner` file (pid and start time of this process),
//! so that two test processes cannot start clusters over each other: the second one gets
//! [`JvmError::InUse`] while the first one runs.
//!
//! # Stopping at exit
//!
//! Rust runs no destructor for statics, and `atexit` would need `unsafe`. Instead, once the JVM
//! is ready, a watchdog starts: a small `sh` script in a session of its own, whose stdin is a
//! pipe this process holds open and never writes to. When this process ends in any way (tests
//! done, a panic, Ctrl-C, even SIGKILL), the kernel closes the pipe; the watchdog reads end of
//! file and stops each node (SIGTERM, SIGKILL after 30 s), signalling a pid only if
//! `/proc/<pid>/cmdline` still shows that node's `kafka.Kafka` JVM.
//!
//! Should the watchdog be killed as well (say `kill -9` of it), the JVM keeps running; the next
//! start from the same directory finds the pid files, sees that the owner process is gone, and
//! stops the old JVM before starting a fresh one. `cargo xtask kafka stop` does not know this
//! directory; [`jvm::stop`] with [`jvm::default_dir`] does.
//!
//! # The secured JVM
//!
//! [`TestCluster::secured`](super::TestCluster::secured) gets a second process-wide JVM, with the
//! same life cycle: a secured cluster ([`jvm::security`]) in [`secured_dir`]
//! (`kafka-test-secured` beside [`jvm::default_dir`]) on base port [`SECURED_PORT`] (plaintext
//! 9500, SSL 10500, SASL_PLAINTEXT 11500, SASL_SSL 12500, controller 19500), without
//! re-authentication. The plain one stays as it is; a process that asks for both runs both.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

use tokio::sync::OnceCell;

use super::error::TestingError;
use super::jvm::{self, Cluster, JvmError, Options, Security, SecurityOptions};

/// Plaintext port of the shared secured JVM; its other listeners are 1000, 2000 and 3000 above.
pub const SECURED_PORT: u16 = 9500;

/// Where the plain shared JVM's base (client) port is picked. Below the kernel's ephemeral range
/// (32768 and up on Linux), controller ports (base + 10000) included, so that no outgoing
/// connection takes one between the check and the JVM's bind.
pub const JVM_PORTS: std::ops::Range<u16> = 20_000..22_000;
/// How many base ports a start tries before it gives up with the last `PortTaken`.
const PORT_ATTEMPTS: u64 = 20;

/// The shared secured JVM's directory: `kafka-test-secured` beside [`jvm::default_dir`].
pub fn secured_dir() -> PathBuf {
    jvm::default_dir().with_file_name("kafka-test-secured")
}

/// The process-wide JVM broker, once started.
#[derive(Debug)]
pub(crate) struct SharedJvm {
    /// `127.0.0.1:<port>`.
    pub bootstrap: String,
    /// `4.4.0`.
    pub version: String,
    /// The secured one's users, listeners and files.
    pub security: Option<Security>,
    /// Keeps the watchdog's stdin open for as long as this process lives.
    _watchdog: Mutex<Child>,
}

type Shared = Result<SharedJvm, Arc<JvmError>>;

static SHARED: OnceCell<Shared> = OnceCell::const_new();
static SHARED_SECURED: OnceCell<Shared> = OnceCell::const_new();

/// The process-wide JVM broker, started on first use (in a blocking task: at most the Maven,
/// format and readiness bounds of [`jvm::Cluster::start`]).
pub(crate) async fn shared() -> Result<&'static SharedJvm, TestingError> {
    shared_in(&SHARED, Options::default(), true).await
}

/// The process-wide secured JVM broker (see the module docs), started on first use.
pub(crate) async fn shared_secured() -> Result<&'static SharedJvm, TestingError> {
    let options = Options {
        base_port: SECURED_PORT,
        security: Some(SecurityOptions::default()),
        ..Options::in_dir(secured_dir())
    };
    shared_in(&SHARED_SECURED, options, false).await
}

/// The JVM of `cell`, started with `options` on first use; with `free_port`, on a base port
/// picked in [`JVM_PORTS`] instead of `options.base_port`.
async fn shared_in(
    cell: &'static OnceCell<Shared>,
    options: Options,
    free_port: bool,
) -> Result<&'static SharedJvm, TestingError> {
    let shared = cell
        .get_or_init(|| async move {
            match tokio::task::spawn_blocking(move || start(&options, free_port)).await {
                Ok(result) => result.map_err(Arc::new),
                // A panic in the launcher is a bug: let it reach the test that asked.
                Err(join) => std::panic::resume_unwind(join.into_panic()),
            }
        })
        .await;
    shared.as_ref().map_err(|e| TestingError::Jvm(Arc::clone(e)))
}

/// Claims `options.dir`, stops what an earlier, dead owner left running there, starts the
/// cluster (on a free base port in [`JVM_PORTS`] with `free_port`) and its watchdog.
fn start(options: &Options, free_port: bool) -> Result<SharedJvm, JvmError> {
    claim(&options.dir)?;
    if let Some(leftover) = Cluster::find(&options.dir)? {
        tracing::warn!(
            "stopping Kafka {} left running in {} by an earlier test process",
            leftover.version(),
            options.dir.display()
        );
        jvm::stop(&options.dir)?;
    }
    let cluster = if free_port { start_on_a_free_port(options)? } else { Cluster::start(options)? };
    let node_dirs: Vec<PathBuf> = cluster.nodes().iter().map(|node| node.dir.clone()).collect();
    let watchdog = match spawn_watchdog(&node_dirs) {
        Ok(watchdog) => watchdog,
        Err(e) => {
            // Without a watchdog the JVM would outlive us: do not leave it behind.
            let _ = cluster.stop();
            return Err(e);
        }
    };
    Ok(SharedJvm {
        bootstrap: cluster.bootstrap(),
        version: cluster.version().to_string(),
        security: cluster.security().cloned(),
        _watchdog: Mutex::new(watchdog),
    })
}

/// Starts `options`' cluster on a base port in [`JVM_PORTS`], another one while its ports are
/// taken (the launcher checks them all before it resolves or writes anything).
fn start_on_a_free_port(options: &Options) -> Result<Cluster, JvmError> {
    let span = u64::from(JVM_PORTS.end - JVM_PORTS.start);
    let mut taken = None;
    for attempt in 0..PORT_ATTEMPTS {
        let base_port = JVM_PORTS.start + (super::test_cluster::pseudo_random(attempt) % span) as u16;
        match Cluster::start(&Options { base_port, ..options.clone() }) {
            Err(e @ JvmError::PortTaken { .. }) => taken = Some(e),
            started => return started,
        }
    }
    Err(taken.unwrap_or_else(|| JvmError::InvalidOptions("no base port to try".into())))
}

/// Makes this process the owner of `dir`: writes `dir/owner` (`<pid> <start time>`) unless a
/// live process other than this one owns it already.
fn claim(dir: &Path) -> Result<(), JvmError> {
    std::fs::create_dir_all(dir).map_err(jvm_io("creating", dir))?;
    let me = std::process::id();
    let mine = format!("{me} {}\n", jvm::start_time(me).unwrap_or(0));
    let owner_file = dir.join("owner");
    // Written aside, then hard-linked into place: the link fails if the file exists, so two
    // processes cannot both claim the directory, and nobody ever reads a half-written file.
    let draft = dir.join(format!("owner.{me}"));
    std::fs::write(&draft, &mine).map_err(jvm_io("writing", &draft))?;
    let result = (|| {
        for _ in 0..3 {
            match std::fs::hard_link(&draft, &owner_file) {
                Ok(()) => return Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(jvm_io("creating", &owner_file)(e)),
            }
            if let Some(owner) = live_owner(&owner_file).filter(|&owner| owner != me) {
                return Err(JvmError::InUse { owner, dir: dir.to_path_buf() });
            }
            // Its owner is gone (or is us, after a failed start): the claim is stale.
            let _ = std::fs::remove_file(&owner_file);
        }
        Err(JvmError::InUse { owner: 0, dir: dir.to_path_buf() })
    })();
    let _ = std::fs::remove_file(&draft);
    result
}

/// The pid in an owner file, if that process still runs (same pid, same start time).
fn live_owner(owner_file: &Path) -> Option<u32> {
    let text = std::fs::read_to_string(owner_file).ok()?;
    let mut words = text.split_whitespace();
    let pid: u32 = words.next()?.parse().ok()?;
    let started: u64 = words.next()?.parse().ok()?;
    (jvm::is_alive(pid) && jvm::start_time(pid) == Some(started)).then_some(pid)
}

fn jvm_io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> JvmError {
    let path = path.to_path_buf();
    move |source| JvmError::Io { action, path, source }
}

/// Waits for end of file on stdin (this process is gone), then stops the JVM of each node
/// directory given as an argument, in parallel: SIGTERM, SIGKILL after 30 s, always checking
/// that the pid is still that node's `java ... kafka.Kafka <node>/server.properties`.
const WATCHDOG: &str = r#"
ours() {
    [ -r "/proc/$1/cmdline" ] || return 1
    args=$(tr '\0' '\n' < "/proc/$1/cmdline" 2>/dev/null) || return 1
    printf '%s\n' "$args" | head -n 1 | grep -Eq '(^|/)java$' &&
        printf '%s\n' "$args" | grep -qxF kafka.Kafka &&
        printf '%s\n' "$args" | grep -qxF "$2/server.properties"
}
stop_node() {
    pid=$(cat "$1/pid" 2>/dev/null) || return 0
    ours "$pid" "$1" || return 0
    kill -TERM "$pid" 2>/dev/null
    n=0
    while ours "$pid" "$1" && [ "$n" -lt 30 ]; do sleep 1; n=$((n + 1)); done
    if ours "$pid" "$1"; then kill -KILL "$pid" 2>/dev/null; fi
    if [ "$(cat "$1/pid" 2>/dev/null)" = "$pid" ]; then rm -f "$1/pid"; fi
}
cat > /dev/null
for node in "$@"; do stop_node "$node" & done
wait
"#;

/// Starts the watchdog for `node_dirs` in a session of its own; the returned child's stdin is
/// the pipe whose closing sets it off.
fn spawn_watchdog(node_dirs: &[PathBuf]) -> Result<Child, JvmError> {
    Command::new("setsid")
        .args(["sh", "-c", WATCHDOG, "kafka-test-watchdog"])
        .args(node_dirs)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|source| JvmError::ToolMissing { program: "setsid", source })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("server-stub-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_directory_is_claimed_once_and_stale_claims_are_taken_over() {
        let dir = scratch("claim");
        claim(&dir).unwrap();
        assert_eq!(live_owner(&dir.join("owner")), Some(std::process::id()));
        // Our own claim again (a retry after a failed start): fine.
        claim(&dir).unwrap();
        // A dead owner (Linux pids stay below 4194304).
        std::fs::write(dir.join("owner"), "4194304 1\n").unwrap();
        claim(&dir).unwrap();
        assert_eq!(live_owner(&dir.join("owner")), Some(std::process::id()));
        // A live owner other than us: our parent (cargo or a shell) still runs.
        let parent = std::fs::read_to_string("/proc/self/stat").unwrap();
        let ppid: u32 = parent.rsplit_once(')').unwrap().1.split_whitespace().nth(1).unwrap().parse().unwrap();
        let line = format!("{ppid} {}\n", jvm::start_time(ppid).unwrap());
        std::fs::write(dir.join("owner"), line).unwrap();
        let err = claim(&dir).unwrap_err();
        assert!(matches!(err, JvmError::InUse { owner, .. } if owner == ppid), "{err}");
        assert!(!dir.join(format!("owner.{}", std::process::id())).exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The watchdog leaves alone what is not a Kafka JVM (here: a `sleep`), and exits once its
    /// stdin closes.
    #[test]
    fn the_watchdog_only_stops_kafka_jvms() {
        let dir = scratch("watchdog");
        let node = dir.join("node-0");
        std::fs::create_dir_all(&node).unwrap();
        let mut sleeper = Command::new("sleep").arg("30").spawn().unwrap();
        std::fs::write(node.join("pid"), format!("{}\n", sleeper.id())).unwrap();
        let mut watchdog = spawn_watchdog(std::slice::from_ref(&node)).unwrap();
        drop(watchdog.stdin.take()); // as if this process had exited
        let deadline = Instant::now() + Duration::from_secs(10);
        while watchdog.try_wait().unwrap().is_none() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(watchdog.try_wait().unwrap().is_some(), "the watchdog exits after EOF");
        assert!(sleeper.try_wait().unwrap().is_none(), "a pid that is not Kafka survives");
        assert!(node.join("pid").exists(), "and its pid file stays");
        sleeper.kill().unwrap();
        sleeper.wait().unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

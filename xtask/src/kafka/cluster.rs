//! A cluster's life: format, start, find again from its files, kill or restart a node, stop.
//!
//! Everything lives under `target/xtask/kafka/`:
//!
//! ```text
//! cluster.json                 version, ports, and each node's command line (for restarts)
//! node-N/server.properties     node-N/log4j2.xml (4.x) or node-N/log4j.properties (3.x)
//! node-N/data/                 log.dirs (and the KRaft metadata log)
//! node-N/logs/server.log       everything Kafka logs; node-N/logs/stdout.log: the JVM's output
//! node-N/logs/format.log       output of `kafka-storage format`
//! node-N/pid                   the JVM's pid while it runs
//! ```

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};

use super::config::{self, Ports};
use super::jars::{self, KafkaVersion};
use super::process;
use super::ready::{self, Starting};

/// First client port; node N listens on `9092 + N` (controllers on `19092 + N`).
pub const DEFAULT_PORT: u16 = 9092;

/// How to start a cluster.
#[derive(Debug, Clone)]
pub struct Options {
    /// Number of nodes, each broker and controller: 1, or 3 for replication and fault tests.
    pub brokers: usize,
    /// Kafka release (`4.4.0`, `3.9.2`, or a shorthand such as `3.9`, see [`KafkaVersion::parse`]).
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

/// One node (broker + controller) of a cluster.
#[derive(Debug, Clone)]
pub struct Node {
    /// `node.id`.
    pub id: usize,
    /// Its listeners.
    pub ports: Ports,
    /// `target/xtask/kafka/node-N`.
    pub dir: PathBuf,
    /// The command line that runs it (`java ... kafka.Kafka <server.properties>`).
    argv: Vec<String>,
}

impl Node {
    /// Its `server.properties`.
    pub fn config(&self) -> PathBuf {
        self.dir.join("server.properties")
    }

    /// Everything Kafka logs.
    pub fn server_log(&self) -> PathBuf {
        self.dir.join("logs").join("server.log")
    }

    /// The JVM's own stdout and stderr.
    pub fn stdout_log(&self) -> PathBuf {
        self.dir.join("logs").join("stdout.log")
    }

    fn pid_file(&self) -> PathBuf {
        self.dir.join("pid")
    }

    /// The tails of its logs, for error messages.
    pub fn log_tails(&self) -> String {
        format!(
            "--- tail of {} ---\n{}\n--- tail of {} ---\n{}\n",
            self.server_log().display(),
            process::tail(&self.server_log(), 40),
            self.stdout_log().display(),
            process::tail(&self.stdout_log(), 15),
        )
    }
}

/// A cluster of real Kafka nodes started by xtask, running in the background.
///
/// Dropping it leaves the JVMs running (as `cargo xtask kafka start` does); call
/// [`Cluster::stop`] or the free function [`stop`] to end them.
#[derive(Debug)]
pub struct Cluster {
    version: KafkaVersion,
    base_port: u16,
    nodes: Vec<Node>,
    /// The JVMs this process started, to reap them; `None` for ones another process started.
    children: Vec<Option<Child>>,
}

/// `target/xtask/kafka`.
pub fn dir() -> PathBuf {
    crate::paths::scratch().join("kafka")
}

fn state_file() -> PathBuf {
    dir().join("cluster.json")
}

impl Cluster {
    /// Starts a fresh cluster (wiping `target/xtask/kafka`) and waits until it is ready.
    /// Fails if a cluster started by xtask still runs, or if a port is taken.
    pub fn start(options: &Options) -> Result<Cluster> {
        let version = KafkaVersion::parse(&options.version)?;
        if !matches!(options.brokers, 1 | 3) {
            bail!("--brokers must be 1 or 3, not {}", options.brokers);
        }
        if options.base_port == 0 || options.base_port > u16::MAX - 10_000 - options.brokers as u16
        {
            bail!(
                "port {} leaves no room for the controller ports (port + 10000)",
                options.base_port
            );
        }
        if let Some(running) = Cluster::find()? {
            bail!(
                "a Kafka cluster started by xtask is already running ({} node(s), Kafka {}, {}); \
                 run `cargo xtask kafka stop` first",
                running.nodes.len(),
                running.version,
                running.bootstrap()
            );
        }
        for id in 0..options.brokers {
            let ports = config::ports(options.base_port, id);
            for port in [ports.client, ports.controller] {
                if TcpListener::bind(("127.0.0.1", port)).is_err() {
                    bail!("port {port} on 127.0.0.1 is taken by another process (not a cluster started by xtask)");
                }
            }
        }

        let began = Instant::now();
        eprintln!("kafka: resolving Kafka {version} jars with Maven ...");
        let classpath = jars::classpath(&version)?;
        eprintln!(
            "kafka: classpath ready ({} jars) in {:.1} s",
            classpath.split(':').count(),
            began.elapsed().as_secs_f64()
        );

        let root = dir();
        if root.exists() {
            std::fs::remove_dir_all(&root).with_context(|| format!("wiping {}", root.display()))?;
        }
        let java = java();
        let mut nodes = Vec::new();
        for id in 0..options.brokers {
            let dir = root.join(format!("node-{id}"));
            std::fs::create_dir_all(dir.join("data"))?;
            std::fs::create_dir_all(dir.join("logs"))?;
            let ports = config::ports(options.base_port, id);
            let properties = config::server_properties(
                &version,
                id,
                options.brokers,
                options.base_port,
                &dir.join("data"),
            );
            std::fs::write(dir.join("server.properties"), properties)?;
            let log_config = write_log_config(&version, &dir)?;
            let mut argv = vec![
                java.clone(),
                format!("-Xmx{}m", options.heap_mib),
                format!("-Xms{}m", options.heap_mib.min(256)),
                "-XX:+UseG1GC".into(),
                "-XX:MaxGCPauseMillis=20".into(),
                "-XX:InitiatingHeapOccupancyPercent=35".into(),
                "-XX:+ExplicitGCInvokesConcurrent".into(),
                "-XX:+ExitOnOutOfMemoryError".into(),
                format!(
                    "-XX:ErrorFile={}",
                    dir.join("logs").join("hs_err_pid%p.log").display()
                ),
                "-Djava.awt.headless=true".into(),
                format!("-Dkafka.logs.dir={}", dir.join("logs").display()),
                log_config,
                "-cp".into(),
                classpath.clone(),
                "kafka.Kafka".into(),
            ];
            argv.push(dir.join("server.properties").display().to_string());
            nodes.push(Node {
                id,
                ports,
                dir,
                argv,
            });
        }

        let cluster_id = config::random_cluster_id()?;
        eprintln!(
            "kafka: formatting storage of {} node(s), cluster id {cluster_id} ...",
            nodes.len()
        );
        format_storage(&nodes, &cluster_id)?;

        let children = (0..nodes.len()).map(|_| None).collect();
        let mut cluster = Cluster {
            version,
            base_port: options.base_port,
            nodes,
            children,
        };
        cluster.save()?;
        let started = Instant::now();
        let spawned: Result<Vec<Starting>> =
            (0..cluster.nodes.len()).map(|i| cluster.spawn(i)).collect();
        let ready = spawned
            .and_then(|starting| ready::wait_ready(&mut cluster, &starting, options.ready_timeout));
        if let Err(e) = ready {
            // Leave nothing running behind a failed start; the logs stay for a look.
            let _ = cluster.stop_all();
            return Err(e);
        }
        eprintln!(
            "kafka: Kafka {} ready: {} node(s) in {:.1} s (JVM start to ready), {:.1} s in all",
            cluster.version,
            cluster.nodes.len(),
            started.elapsed().as_secs_f64(),
            began.elapsed().as_secs_f64()
        );
        Ok(cluster)
    }

    /// The running cluster if it matches `options` (same version, node count and port), else a
    /// fresh one. Fails if a different cluster runs.
    pub fn ensure(options: &Options) -> Result<Cluster> {
        let version = KafkaVersion::parse(&options.version)?;
        match Cluster::find()? {
            Some(running)
                if running.version == version
                    && running.nodes.len() == options.brokers
                    && running.base_port == options.base_port =>
            {
                let down: Vec<String> = (0..running.nodes.len())
                    .filter(|&i| running.pid(i).is_none())
                    .map(|i| format!("node-{i}"))
                    .collect();
                if !down.is_empty() {
                    bail!(
                        "the running Kafka cluster has stopped node(s) {}; run `cargo xtask kafka stop` first",
                        down.join(", ")
                    );
                }
                Ok(running)
            }
            _ => Cluster::start(options),
        }
    }

    /// The cluster described by `target/xtask/kafka/cluster.json` if at least one of its nodes runs.
    pub fn find() -> Result<Option<Cluster>> {
        let Ok(text) = std::fs::read_to_string(state_file()) else {
            return Ok(None);
        };
        let cluster = Cluster::from_json(&serde_json::from_str(&text)?)
            .with_context(|| format!("reading {}", state_file().display()))?;
        let any_running = (0..cluster.nodes.len()).any(|i| cluster.pid(i).is_some());
        Ok(any_running.then_some(cluster))
    }

    /// `127.0.0.1:9092[,127.0.0.1:9093,...]`.
    pub fn bootstrap(&self) -> String {
        self.nodes
            .iter()
            .map(|n| format!("127.0.0.1:{}", n.ports.client))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The Kafka release it runs, e.g. `4.4.0`.
    pub fn version(&self) -> &str {
        self.version.as_str()
    }

    /// Its nodes, by index (= `node.id`).
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// Node `i`.
    pub fn node(&self, i: usize) -> &Node {
        &self.nodes[i]
    }

    /// Pid of node `i` if it runs (and is the JVM xtask started for it).
    pub fn pid(&self, i: usize) -> Option<u32> {
        let node = &self.nodes[i];
        process::read_pid(&node.pid_file()).filter(|&pid| process::is_ours(pid, &node.config()))
    }

    /// Ends node `i` at once with SIGKILL (a crash, for fault tests) and waits until it is gone.
    pub fn kill_node(&mut self, i: usize) -> Result<()> {
        self.check_index(i)?;
        let Some(pid) = self.pid(i) else {
            bail!("node-{i} is not running");
        };
        process::signal(pid, "KILL")?;
        self.await_exit(&[i], Duration::from_secs(10))
    }

    /// Stops node `i` gracefully (SIGTERM: controlled shutdown), SIGKILL after 30 s.
    pub fn stop_node(&mut self, i: usize) -> Result<()> {
        self.check_index(i)?;
        self.stop_nodes(&[i])
    }

    /// Starts node `i` again on its existing data (stopping it first if it runs) and waits until
    /// it is ready.
    pub fn restart_node(&mut self, i: usize) -> Result<()> {
        self.check_index(i)?;
        if self.pid(i).is_some() {
            self.stop_nodes(&[i])?;
        }
        let began = Instant::now();
        let starting = self.spawn(i)?;
        ready::wait_ready(self, &[starting], Duration::from_secs(90))?;
        eprintln!(
            "kafka: node-{i} ready again in {:.1} s",
            began.elapsed().as_secs_f64()
        );
        Ok(())
    }

    /// Waits until every running node is ready (ports, logs, metadata), at most `timeout`.
    pub fn wait_ready(&mut self, timeout: Duration) -> Result<()> {
        let starting: Vec<Starting> = (0..self.nodes.len())
            .filter(|&i| self.pid(i).is_some())
            .map(|node| Starting {
                node,
                log_offset: 0,
            })
            .collect();
        ready::wait_ready(self, &starting, timeout)
    }

    /// Stops every node (SIGTERM, SIGKILL after 30 s) and removes the pid files.
    pub fn stop(mut self) -> Result<()> {
        self.stop_all()
    }

    fn stop_all(&mut self) -> Result<()> {
        let all: Vec<usize> = (0..self.nodes.len()).collect();
        self.stop_nodes(&all)
    }

    fn stop_nodes(&mut self, which: &[usize]) -> Result<()> {
        for &i in which {
            if let Some(pid) = self.pid(i) {
                process::signal(pid, "TERM")?;
            }
        }
        let graceful = self.await_exit(which, Duration::from_secs(30));
        if graceful.is_err() {
            for &i in which {
                if let Some(pid) = self.pid(i) {
                    eprintln!("kafka: node-{i} (pid {pid}) did not stop within 30 s: SIGKILL");
                    process::signal(pid, "KILL")?;
                }
            }
            self.await_exit(which, Duration::from_secs(10))?;
        }
        Ok(())
    }

    /// Waits until nodes `which` are gone, then removes their pid files.
    fn await_exit(&mut self, which: &[usize], timeout: Duration) -> Result<()> {
        let pids: Vec<u32> = which.iter().filter_map(|&i| self.pid(i)).collect();
        let children = &mut self.children;
        let alive = process::wait_gone(&pids, timeout, || reap(children));
        if !alive.is_empty() {
            bail!(
                "pid(s) {alive:?} still running after {} s",
                timeout.as_secs()
            );
        }
        for &i in which {
            let _ = std::fs::remove_file(self.nodes[i].pid_file());
            if let Some(mut child) = self.children[i].take() {
                let _ = child.wait();
            }
        }
        Ok(())
    }

    /// Collects the exit status of JVMs this process started that have ended.
    pub(super) fn reap(&mut self) {
        reap(&mut self.children);
    }

    /// Starts node `i`'s JVM in the background and records its pid.
    fn spawn(&mut self, i: usize) -> Result<Starting> {
        let node = &self.nodes[i];
        let log_offset = ready::log_offset(&node.server_log());
        let child = process::spawn_detached(&node.argv, &node.dir, &node.stdout_log())?;
        let pid = child.id();
        process::write_pid(&node.pid_file(), pid)?;
        eprintln!(
            "kafka: started node-{i} (pid {pid}), client port {}, log {}",
            node.ports.client,
            node.server_log().display()
        );
        self.children[i] = Some(child);
        // `setsid` execs java right away; until it has, /proc shows `setsid`.
        let deadline = Instant::now() + Duration::from_secs(5);
        while self.pid(i).is_none() && process::is_alive(pid) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        Ok(Starting {
            node: i,
            log_offset,
        })
    }

    fn check_index(&self, i: usize) -> Result<()> {
        if i >= self.nodes.len() {
            bail!("no node {i}: the cluster has {} node(s)", self.nodes.len());
        }
        Ok(())
    }

    fn save(&self) -> Result<()> {
        let nodes: Vec<Value> = self
            .nodes
            .iter()
            .map(|n| {
                json!({
                    "id": n.id,
                    "client_port": n.ports.client,
                    "controller_port": n.ports.controller,
                    "dir": n.dir.display().to_string(),
                    "argv": n.argv,
                })
            })
            .collect();
        let state = json!({ "version": self.version.as_str(), "base_port": self.base_port, "nodes": nodes });
        std::fs::write(state_file(), serde_json::to_string_pretty(&state)?)?;
        Ok(())
    }

    fn from_json(state: &Value) -> Result<Cluster> {
        let text = |v: &Value| v.as_str().map(str::to_string).context("expected a string");
        let number = |v: &Value| v.as_u64().context("expected a number");
        let version = KafkaVersion::parse(&text(&state["version"])?)?;
        let base_port = number(&state["base_port"])? as u16;
        let mut nodes = Vec::new();
        for n in state["nodes"].as_array().context("no nodes")? {
            nodes.push(Node {
                id: number(&n["id"])? as usize,
                ports: Ports {
                    client: number(&n["client_port"])? as u16,
                    controller: number(&n["controller_port"])? as u16,
                },
                dir: PathBuf::from(text(&n["dir"])?),
                argv: n["argv"]
                    .as_array()
                    .context("no argv")?
                    .iter()
                    .map(text)
                    .collect::<Result<_>>()?,
            });
        }
        let children = (0..nodes.len()).map(|_| None).collect();
        Ok(Cluster {
            version,
            base_port,
            nodes,
            children,
        })
    }
}

fn reap(children: &mut [Option<Child>]) {
    for slot in children.iter_mut() {
        if let Some(child) = slot {
            if matches!(child.try_wait(), Ok(Some(_))) {
                *slot = None;
            }
        }
    }
}

/// Stops whatever xtask started, as the pid files under `target/xtask/kafka/node-*/` tell,
/// signalling a pid only if it is a `java ... kafka.Kafka <that node's server.properties>`.
/// Returns how many JVMs were stopped.
pub fn stop() -> Result<usize> {
    if let Ok(text) = std::fs::read_to_string(state_file()) {
        if let Ok(mut cluster) = serde_json::from_str(&text)
            .map_err(anyhow::Error::from)
            .and_then(|v| Cluster::from_json(&v))
        {
            let running = (0..cluster.nodes.len())
                .filter(|&i| cluster.pid(i).is_some())
                .count();
            cluster.stop_all()?;
            return Ok(running);
        }
    }
    // No readable cluster.json: fall back to the pid files themselves.
    let Ok(entries) = std::fs::read_dir(dir()) else {
        return Ok(0);
    };
    let mut pid_files = Vec::new();
    let mut targets = Vec::new();
    for entry in entries.flatten() {
        let node_dir = entry.path();
        let pid_file = node_dir.join("pid");
        if let Some(pid) = process::read_pid(&pid_file) {
            if process::is_ours(pid, &node_dir.join("server.properties")) {
                process::signal(pid, "TERM")?;
                targets.push(pid);
            }
            pid_files.push(pid_file);
        }
    }
    let alive = process::wait_gone(&targets, Duration::from_secs(30), || {});
    for &pid in &alive {
        process::signal(pid, "KILL")?;
    }
    if !process::wait_gone(&alive, Duration::from_secs(10), || {}).is_empty() {
        bail!("pid(s) {alive:?} survived SIGKILL");
    }
    for pid_file in pid_files {
        let _ = std::fs::remove_file(pid_file);
    }
    Ok(targets.len())
}

/// `java` of `$JAVA_HOME` if set, else the one on `PATH`.
fn java() -> String {
    if let Some(home) = std::env::var_os("JAVA_HOME") {
        let java = Path::new(&home).join("bin").join("java");
        if java.exists() {
            return java.display().to_string();
        }
    }
    "java".to_string()
}

/// Writes the node's logging configuration; returns the JVM option that points at it.
fn write_log_config(version: &KafkaVersion, dir: &Path) -> Result<String> {
    let log_file = dir.join("logs").join("server.log");
    Ok(if version.uses_log4j2() {
        let path = dir.join("log4j2.xml");
        std::fs::write(&path, config::log4j2_xml(&log_file))?;
        format!("-Dlog4j2.configurationFile={}", path.display())
    } else {
        let path = dir.join("log4j.properties");
        std::fs::write(&path, config::log4j_properties(&log_file))?;
        format!("-Dlog4j.configuration=file:{}", path.display())
    })
}

/// `kafka-storage format -t <cluster id> -c <server.properties>` for every node, in parallel.
/// With static `controller.quorum.voters` neither 3.9 nor 4.x needs `--standalone` or
/// `--initial-controllers`.
fn format_storage(nodes: &[Node], cluster_id: &str) -> Result<()> {
    let mut running = Vec::new();
    for node in nodes {
        let log_path = node.dir.join("logs").join("format.log");
        let log = std::fs::File::create(&log_path)?;
        // The node's argv minus heap options and `kafka.Kafka <config>`: same JVM, same logging.
        let (java, rest) = node.argv.split_first().context("empty argv")?;
        let jvm_options = rest
            .iter()
            .take_while(|arg| *arg != "kafka.Kafka")
            .filter(|arg| !arg.starts_with("-Xm"));
        let child = Command::new(java)
            .arg("-Xmx256m")
            .args(jvm_options)
            .args(["kafka.tools.StorageTool", "format", "-t", cluster_id, "-c"])
            .arg(node.config())
            .stdin(Stdio::null())
            .stdout(Stdio::from(log.try_clone()?))
            .stderr(Stdio::from(log))
            .spawn()
            .context("running kafka.tools.StorageTool")?;
        running.push((node, log_path, child));
    }
    for (node, log_path, mut child) in running {
        if !child.wait()?.success() {
            bail!(
                "formatting node-{} failed:\n{}",
                node.id,
                process::tail(&log_path, 30)
            );
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The fault-test API against a real 3-node cluster (needs java, mvn, ports 9092-9094 and
    /// 19092-19094): `cargo test -p xtask -- --ignored kafka`.
    #[test]
    #[ignore]
    fn kafka_three_nodes_kill_and_restart() {
        let options = Options {
            brokers: 3,
            ..Options::default()
        };
        let mut cluster = Cluster::start(&options).unwrap();
        assert_eq!(
            cluster.bootstrap(),
            "127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094"
        );
        let pid = cluster.pid(1).unwrap();
        cluster.kill_node(1).unwrap();
        assert!(cluster.pid(1).is_none());
        assert!(!process::is_alive(pid), "killed JVM reaped");
        cluster.restart_node(1).unwrap();
        assert!(cluster.pid(1).is_some_and(|new| new != pid));
        cluster.restart_node(2).unwrap(); // graceful stop, then start
        assert_eq!(
            Cluster::find().unwrap().unwrap().version(),
            crate::maven::KAFKA_VERSION
        );
        cluster.stop().unwrap();
        assert!(Cluster::find().unwrap().is_none());
    }
}

//! Running the built `kfk` against a broker: the in-process stub, the real Kafka at
//! `KAFKA_BOOTSTRAP_SERVERS` when `TEST_BACKEND=kafka` (as `cargo xtask test` sets them), or a
//! secured Kafka ([`secured`]); and Kafka's own Java tools beside it ([`java`]).
//!
//! Each test binary compiles this module and uses part of it.

#![allow(dead_code, unused_imports, unused_macros)]

pub mod java;
pub mod secured;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use kfk_stub::testing::TestCluster;

/// A broker for one test.
#[derive(Debug)]
pub struct Broker {
    pub bootstrap: String,
    pub real: bool,
    /// The properties file every run gets as `--command-config` (TLS and SASL settings).
    pub command_config: Option<String>,
    _cluster: Option<TestCluster>,
}

impl Broker {
    /// `TEST_BACKEND=kafka`: the broker at `KAFKA_BOOTSTRAP_SERVERS`; otherwise a fresh stub.
    pub async fn from_env() -> Broker {
        if std::env::var("TEST_BACKEND").as_deref() == Ok("kafka") {
            let cluster = TestCluster::from_env().expect("TEST_BACKEND=kafka needs KAFKA_BOOTSTRAP_SERVERS");
            return Broker {
                bootstrap: cluster.bootstrap().to_string(),
                real: true,
                command_config: None,
                _cluster: Some(cluster),
            };
        }
        Broker::stub().await
    }

    /// Reads `topic` from the beginning with `console-consumer` until `messages` arrived (at
    /// most 20 s idle), with `more` arguments (formatter properties, `--format`).
    pub async fn read_from_beginning(&self, topic: &str, messages: usize, more: &[&str]) -> Run {
        let messages = messages.to_string();
        let mut args = vec![
            "console-consumer",
            "--topic",
            topic,
            "--from-beginning",
            "--max-messages",
            &messages,
            "--timeout-ms",
            "20000",
        ];
        args.extend(more);
        self.kfk(&args, "").await
    }

    /// A fresh in-process stub.
    pub async fn stub() -> Broker {
        let cluster = TestCluster::stub().await.expect("the stub starts");
        Broker {
            bootstrap: cluster.bootstrap().to_string(),
            real: false,
            command_config: None,
            _cluster: Some(cluster),
        }
    }

    /// The broker at `bootstrap`, reached with the client properties in `command_config`.
    pub fn reached_with(bootstrap: &str, command_config: &str, real: bool) -> Broker {
        Broker { bootstrap: bootstrap.into(), real, command_config: Some(command_config.into()), _cluster: None }
    }

    /// The in-process stub behind this broker, when it is one (for its faults).
    pub fn stub_cluster(&self) -> Option<&kfk_stub::StubCluster> {
        self._cluster.as_ref().and_then(|c| c.stub_cluster())
    }

    /// Runs `kfk` with `--bootstrap-server` (and `--command-config`) and `args`, feeding `stdin`.
    pub async fn kfk(&self, args: &[&str], stdin: &str) -> Run {
        let mut all = vec!["--bootstrap-server".to_string(), self.bootstrap.clone()];
        if let Some(config) = &self.command_config {
            all.extend(["--command-config".to_string(), config.clone()]);
        }
        all.extend(args.iter().map(|a| a.to_string()));
        kfk(all, stdin.to_string()).await
    }
}

/// A unique name per test and process (a real broker is shared between runs).
pub fn unique(name: &str) -> String {
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    format!("kfk-{name}-{}-{nanos}", std::process::id())
}

/// What a run of `kfk` did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Panics with both outputs unless the exit code is 0.
    pub fn ok(self) -> Run {
        assert_eq!(self.code, Some(0), "kfk failed\nstdout:\n{}\nstderr:\n{}", self.stdout, self.stderr);
        self
    }

    /// Panics unless the exit code is non-zero.
    pub fn failed(self) -> Run {
        assert_ne!(self.code, Some(0), "kfk should have failed\nstdout:\n{}\nstderr:\n{}", self.stdout, self.stderr);
        self
    }

    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }
}

/// The binary under test with `args`; the broker comes from the arguments only, never from
/// the environment the tests run in.
pub fn kfk_command<S: AsRef<std::ffi::OsStr>>(args: impl IntoIterator<Item = S>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kfk"));
    command.args(args).env_remove("KAFKA_BOOTSTRAP_SERVERS");
    command
}

/// Runs the binary under test with `args` (no bootstrap added).
pub async fn kfk(args: Vec<String>, stdin: String) -> Run {
    run(kfk_command(args), stdin).await
}

/// Runs `command` to its end, feeding it `stdin`: its exit code and what it printed.
pub async fn run(mut command: Command, stdin: String) -> Run {
    let program = command.get_program().to_string_lossy().into_owned();
    tokio::task::spawn_blocking(move || {
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{program} starts: {e}"));
        let mut input = child.stdin.take().expect("stdin is piped");
        input.write_all(stdin.as_bytes()).expect("stdin written");
        drop(input);
        let out = child.wait_with_output().unwrap_or_else(|e| panic!("{program} runs: {e}"));
        Run {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    })
    .await
    .expect("join")
}

/// A file in a fresh temporary directory with `text`.
pub fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(unique("files"));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("temp file");
    path
}

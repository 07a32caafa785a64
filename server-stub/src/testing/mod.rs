//! An integration-test harness (feature `testing`): one call gives a test a Kafka (the one
//! `KAFKA_BOOTSTRAP_SERVERS` names, else the in-process stub, or a real broker when asked for),
//! and says which one it picked.
//!
//! # Pick order
//!
//! [`TestCluster::start`] takes, by default:
//!
//! 1. **External** ([`ClusterKind::External`]): the broker or cluster at
//!    `KAFKA_BOOTSTRAP_SERVERS` (`host:port[,host:port...]`), for instance one started once with
//!    `cargo xtask kafka start`, or a CI service. Nothing is started or stopped.
//! 2. else the **Stub** ([`ClusterKind::Stub`]): the in-process [`StubCluster`](crate::StubCluster),
//!    one broker on an ephemeral port, fresh for each test. Always available, starts in
//!    milliseconds, safe in parallel threads and in a process per test (cargo-nextest).
//!
//! A real broker of its own runs only when asked for, with `KAFKA_TEST_BACKEND` or in code:
//!
//! - **Container** ([`ClusterKind::Container`], feature `testcontainers`,
//!   `KAFKA_TEST_BACKEND=container`): the official `apache/kafka` image pinned to
//!   [`KAFKA_VERSION`], one KRaft node, through `testcontainers` (`kfk_testkit::container`), on
//!   a port Docker publishes. Each test gets its own container, removed when its [`TestCluster`]
//!   goes.
//! - **Local JVM** ([`ClusterKind::LocalJvm`], `KAFKA_TEST_BACKEND=jvm`; needs `java` and `mvn`):
//!   Kafka [`KAFKA_VERSION`] on the JVM from Maven Central jars ([`jvm`]), on a free port in
//!   [`JVM_PORTS`] (never Kafka's 9092), files in [`jvm::default_dir`]. One JVM per test
//!   process, started by the first test that needs it and shared by all the others; it is
//!   stopped when the process exits, even if it is killed (see
//!   [Stopping the local JVM](#stopping-the-local-jvm)). A second test process asking for it
//!   meanwhile gets an error saying so (see below).
//!
//! Java, Maven or Docker being installed is no reason to start anything: a broker on fixed ports
//! would fail, or worse, meet another one there.
//!
//! [`TestCluster::secured`] gives a secured cluster instead (TLS, SASL, mutual TLS, ACLs; see
//! [`jvm::security`]): the one `KAFKA_SECURITY_FILE` or `KAFKA_CLIENT_PROPERTIES` describes,
//! else the secured stub ([`TestCluster::secured_stub`]: the same users, listeners, ACL rules and
//! files); a secured JVM of the process's own with `KAFKA_TEST_BACKEND=jvm`.
//!
//! `KAFKA_TEST_BACKEND=external|container|jvm|stub` forces one; if it cannot run here, that is an
//! error rather than a quiet fallback. [`TestCluster::stub`], [`TestCluster::from_env`],
//! [`TestCluster::local_jvm`] and (feature `testcontainers`) `TestCluster::container` choose
//! explicitly in code.
//!
//! The pick is reported once per [`TestCluster::start`]: a `tracing` event at `INFO`, and one line
//! on stderr (which the test harness shows for failing tests), e.g.
//!
//! ```text
//! kafka-test: the in-process stub at 127.0.0.1:40143 (no KAFKA_BOOTSTRAP_SERVERS; KAFKA_TEST_BACKEND=jvm or container starts a real broker)
//! ```
//!
//! # Example
//!
//! ```no_run
//! use kfk_stub::testing::{ClusterKind, TestCluster};
//!
//! #[tokio::test]
//! async fn produces_and_consumes() -> Result<(), Box<dyn std::error::Error>> {
//!     let kafka = TestCluster::start().await?;
//!     let bootstrap = kafka.bootstrap(); // "127.0.0.1:40143", or wherever it runs
//!     // ... point the client under test at `bootstrap` ...
//!     if kafka.kind() == ClusterKind::Stub {
//!         // The stub can also inject faults: kafka.stub_cluster()
//!     }
//!     kafka.shutdown().await;
//!     Ok(())
//! }
//! ```
//!
//! Every wait is bounded: the stub by 10 s, a container by 10 min (image pull included), the
//! local JVM by the launcher's bounds (Maven 10 min on a first run, readiness 90 s).
//!
//! # Stopping the local JVM
//!
//! Rust runs no destructor for statics, and `atexit` would need `unsafe`, so the shared JVM is
//! looked after by a watchdog process: a small `sh` script in a session of its own, reading a
//! pipe that this process holds open. When this process ends in any way (the tests are done, a
//! panic, Ctrl-C, even SIGKILL), the kernel closes the pipe and the watchdog stops the JVM
//! (SIGTERM, SIGKILL after 30 s), signalling a pid only if it still is that node's Kafka JVM.
//!
//! If the watchdog is killed too, the JVM keeps running; the next start from the same directory
//! finds its pid files, sees that the process that started it is gone, and stops it before
//! starting a fresh one. A second test process that wants the local JVM while the first still
//! runs gets [`JvmError::InUse`](jvm::JvmError::InUse): with test runners that use a process per
//! test, start one broker for all (`cargo xtask kafka start`) and set `KAFKA_BOOTSTRAP_SERVERS`.
//!
//! # The pieces
//!
//! Here: [`TestCluster`] (`test_cluster.rs`), the pick order (`pick.rs`), the process-wide JVM
//! and its watchdog (`local.rs`), the secured stub, and [`skip`] with
//! [`skip_test!`](crate::skip_test): a test that cannot run here says so in a way runners can
//! count (`TEST_SKIP_LOG`).
//!
//! In the `kfk-testkit` crate, re-exported here under the same names (it does not depend on
//! `kfk-protocol`, so `cargo xtask kafka` and codegen build without it):
//!
//! - [`jvm`]: the JVM launcher itself (what `cargo xtask kafka start|stop|status` runs):
//!   1 or 3 nodes, kill and restart nodes for fault tests, the secured set-up.
//! - [`oidc`]: a test identity provider (signed OAUTHBEARER tokens, a JWKS, a token endpoint).
//! - [`maven`]: resolving jars and classpaths from Maven Central with `mvn`.
//! - the container backend (feature `testcontainers`): `kfk_testkit::container`.

mod error;
mod pick;
mod skip;
mod test_cluster;

mod local;

pub use error::TestingError;
pub use kfk_testkit::{jvm, maven, oidc, KAFKA_VERSION};
pub use local::{secured_dir, JVM_PORTS, SECURED_PORT};
pub use skip::{skip, SKIP_LOG_VAR};
pub use test_cluster::{ClusterKind, TestCluster};

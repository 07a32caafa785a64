//! Which broker a test talks to: a thin layer over `kfk_stub::testing::TestCluster`, the
//! public harness, so that the suite picks its broker the way users' own tests do.

use kfk_stub::testing::{ClusterKind, TestCluster};
use kfk_stub::StubCluster;

/// The kind of broker behind a [`Backend`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendKind {
    /// The in-process reference broker.
    Stub,
    /// A real Apache Kafka broker or cluster (external, in Docker, or on the local JVM).
    Kafka,
}

/// A running broker for one test: its bootstrap address, and the stub's handle when the stub
/// runs it (dropping the backend stops the stub).
#[derive(Debug)]
pub struct Backend {
    /// What runs it.
    pub kind: BackendKind,
    /// `host:port[,host:port...]`.
    pub bootstrap: String,
    cluster: TestCluster,
}

impl Backend {
    /// The backend selected by `TEST_BACKEND`, as `cargo xtask test` sets it:
    ///
    /// - `stub`: a fresh in-process stub;
    /// - `kafka`: the broker at `KAFKA_BOOTSTRAP_SERVERS` (which must be set);
    /// - unset: [`TestCluster::start`]'s pick order (`KAFKA_TEST_BACKEND` if set, else
    ///   `KAFKA_BOOTSTRAP_SERVERS`, Docker, a local JVM, the stub), which says what it picked.
    ///
    /// Any other value means the stub, as it always did (with a warning on stderr).
    ///
    /// # Panics
    ///
    /// If the chosen backend cannot start: a test without a broker cannot run.
    pub async fn from_env() -> Backend {
        init_logging();
        let choice = std::env::var("TEST_BACKEND").unwrap_or_default();
        let cluster = match choice.trim() {
            "kafka" => match TestCluster::from_env() {
                Ok(cluster) => cluster,
                Err(_) => panic!("TEST_BACKEND=kafka needs KAFKA_BOOTSTRAP_SERVERS"),
            },
            "stub" => return Backend::stub(1).await,
            "" => TestCluster::start().await.unwrap_or_else(|e| panic!("no test cluster: {e}")),
            other => {
                eprintln!("TEST_BACKEND={other} is neither `stub` nor `kafka`: using the stub");
                return Backend::stub(1).await;
            }
        };
        Backend::from(cluster)
    }

    /// A fresh in-process stub with `brokers` brokers.
    ///
    /// # Panics
    ///
    /// If the stub does not start within 10 s.
    pub async fn stub(brokers: usize) -> Backend {
        let cluster =
            TestCluster::stub_with(brokers).await.unwrap_or_else(|e| panic!("the stub starts within 10 s: {e}"));
        Backend::from(cluster)
    }

    /// The first bootstrap address.
    pub fn first_address(&self) -> &str {
        self.bootstrap.split(',').next().unwrap_or_default()
    }

    /// The stub's handle, when the stub runs this backend (for fault injection).
    pub fn stub_handle(&self) -> Option<&StubCluster> {
        self.cluster.stub_cluster()
    }

    /// The harness's view of it: kind, description.
    pub fn cluster(&self) -> &TestCluster {
        &self.cluster
    }
}

impl From<TestCluster> for Backend {
    fn from(cluster: TestCluster) -> Backend {
        let kind = match cluster.kind() {
            ClusterKind::Stub => BackendKind::Stub,
            _ => BackendKind::Kafka,
        };
        Backend { kind, bootstrap: cluster.bootstrap().to_string(), cluster }
    }
}

/// Sends `tracing` output to the test's captured output, filtered by `RUST_LOG`.
fn init_logging() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_test_writer()
        .try_init();
}

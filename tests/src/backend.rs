//! Which broker a test talks to.

use std::time::Duration;

use server_stub::StubCluster;

/// The kind of broker behind a [`Backend`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendKind {
    /// The in-process reference broker.
    Stub,
    /// A real Apache Kafka broker or cluster.
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
    stub: Option<StubCluster>,
}

impl Backend {
    /// The backend selected by `TEST_BACKEND` (`stub` or `kafka`); without it, the broker at
    /// `KAFKA_BOOTSTRAP_SERVERS` if set, else a fresh in-process stub.
    pub async fn from_env() -> Backend {
        let real = std::env::var("KAFKA_BOOTSTRAP_SERVERS").ok().filter(|s| !s.is_empty());
        let choice = std::env::var("TEST_BACKEND").unwrap_or_default();
        match (choice.as_str(), real) {
            ("kafka", Some(bootstrap)) | ("", Some(bootstrap)) => {
                Backend { kind: BackendKind::Kafka, bootstrap, stub: None }
            }
            ("kafka", None) => panic!("TEST_BACKEND=kafka needs KAFKA_BOOTSTRAP_SERVERS"),
            _ => Backend::stub(1).await,
        }
    }

    /// A fresh in-process stub with `brokers` brokers.
    pub async fn stub(brokers: usize) -> Backend {
        let stub = tokio::time::timeout(Duration::from_secs(10), StubCluster::builder().brokers(brokers).start())
            .await
            .expect("the stub starts within 10 s")
            .expect("the stub starts");
        Backend { kind: BackendKind::Stub, bootstrap: stub.bootstrap(), stub: Some(stub) }
    }

    /// The first bootstrap address.
    pub fn first_address(&self) -> &str {
        self.bootstrap.split(',').next().unwrap_or_default()
    }

    /// The stub's handle, when the stub runs this backend (for fault injection).
    pub fn stub_handle(&self) -> Option<&StubCluster> {
        self.stub.as_ref()
    }
}

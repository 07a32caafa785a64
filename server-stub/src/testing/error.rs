//! Why a [`TestCluster`](super::TestCluster) could not be had.

use std::sync::Arc;
use std::time::Duration;

use super::jvm::JvmError;
use super::oidc::OidcError;
use super::ClusterKind;

/// Why no test cluster could be started, and what to do about it: its `Display` says both, and
/// so does its `Debug`, which is what a test returning `Result<(), Box<dyn Error>>` or an
/// `unwrap` prints.
#[derive(thiserror::Error)]
#[non_exhaustive]
pub enum TestingError {
    /// `KAFKA_TEST_BACKEND` names no backend.
    #[error("KAFKA_TEST_BACKEND={value} is not one of external, container, jvm, stub")]
    UnknownBackend {
        /// The value found.
        value: String,
    },
    /// An external cluster was asked for, but `KAFKA_BOOTSTRAP_SERVERS` is not set.
    #[error(
        "an external Kafka was asked for, but KAFKA_BOOTSTRAP_SERVERS is not set \
         (host:port[,host:port...]; `cargo xtask kafka start` prints one)"
    )]
    NoBootstrapServers,
    /// An external secured cluster was asked for, but neither `KAFKA_SECURITY_FILE` nor
    /// `KAFKA_CLIENT_PROPERTIES` leads to its `security.json`.
    #[error(
        "an external secured Kafka was asked for, but neither KAFKA_SECURITY_FILE nor \
         KAFKA_CLIENT_PROPERTIES names its security.json (`cargo xtask kafka start --security ...` \
         prints KAFKA_CLIENT_PROPERTIES; security.json is in the directory above that file's)"
    )]
    NoSecurityFile,
    /// The backend forced by `KAFKA_TEST_BACKEND` cannot run here.
    #[error("no {backend} backend: {reason}")]
    Unavailable {
        /// The backend asked for.
        backend: ClusterKind,
        /// Why it cannot run, and what was asked.
        reason: String,
    },
    /// The local JVM broker could not be started. Shared by every test of the process: once it
    /// failed, later calls get the same error rather than trying again.
    #[error(transparent)]
    Jvm(Arc<JvmError>),
    /// The in-process stub could not be started.
    #[error("the in-process stub did not start: {0}")]
    Stub(#[from] crate::Error),
    /// The Kafka container could not be started (feature `testcontainers`).
    #[error(
        "the apache/kafka container did not start: {0}\n(set KAFKA_TEST_BACKEND=jvm or stub to \
         use another backend)"
    )]
    Container(String),
    /// A start did not finish in time.
    #[error("{what} did not start within {} s", after.as_secs())]
    Timeout {
        /// What was being started.
        what: &'static str,
        /// How long it was given.
        after: Duration,
    },
    /// The test identity provider ([`oidc`](super::oidc)) failed: its key, a token, its endpoint.
    #[error(transparent)]
    Oidc(#[from] OidcError),
}

// The message, not the variant's fields (`Jvm(PortTaken { port: 19092, .. })`): it says what
// failed and what to do.
impl std::fmt::Debug for TestingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

impl From<JvmError> for TestingError {
    fn from(e: JvmError) -> TestingError {
        TestingError::Jvm(Arc::new(e))
    }
}

#[cfg(feature = "testcontainers")]
impl From<kfk_testkit::container::ContainerError> for TestingError {
    fn from(e: kfk_testkit::container::ContainerError) -> TestingError {
        use kfk_testkit::container::{ContainerError, START_TIMEOUT};
        match e {
            ContainerError::TimedOut => {
                TestingError::Timeout { what: "the apache/kafka container", after: START_TIMEOUT }
            }
            ContainerError::Failed(reason) => TestingError::Container(reason),
            other => TestingError::Container(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_the_readable_message() {
        let taken = TestingError::from(JvmError::PortTaken { port: 19092, dir: "/tmp/kafka-test".into() });
        let debug = format!("{taken:?}");
        assert_eq!(debug, taken.to_string());
        assert!(debug.starts_with("port 19092 on 127.0.0.1 is taken by another process"), "{debug}");
    }
}

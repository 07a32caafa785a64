//! [`TestCluster`]: a Kafka for one test, from whichever backend the pick order gives.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::error::TestingError;
use super::jvm::{SaslMechanism, Security, SecurityOptions, SecurityProtocol};
use super::local;
use super::pick::{self, Decision, Environment, Plan, BOOTSTRAP_VAR};
use crate::StubCluster;

/// How long the in-process stub may take to start.
const STUB_START_TIMEOUT: Duration = Duration::from_secs(10);

/// What runs a [`TestCluster`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ClusterKind {
    /// A broker or cluster that was already running, named by `KAFKA_BOOTSTRAP_SERVERS`.
    External,
    /// The `apache/kafka` image in Docker, through `testcontainers`.
    Container,
    /// Kafka on the local JVM, one per test process.
    LocalJvm,
    /// The in-process stub.
    Stub,
}

impl ClusterKind {
    /// `external`, `container`, `jvm` or `stub`: the `KAFKA_TEST_BACKEND` value that forces it.
    pub fn name(self) -> &'static str {
        match self {
            ClusterKind::External => "external",
            ClusterKind::Container => "container",
            ClusterKind::LocalJvm => "jvm",
            ClusterKind::Stub => "stub",
        }
    }

    /// Whether it is real Apache Kafka (anything but the stub).
    pub fn is_real_kafka(self) -> bool {
        self != ClusterKind::Stub
    }
}

impl fmt::Display for ClusterKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A Kafka cluster for a test: where it is ([`bootstrap`](TestCluster::bootstrap)), what it is
/// ([`kind`](TestCluster::kind), [`description`](TestCluster::description)).
///
/// Dropping it releases what is the test's own: the stub stops, the container is removed (drop
/// it inside the tokio runtime). The shared local JVM and an external cluster keep running.
///
/// # Which cluster
///
/// [`TestCluster::start`] picks (details in the [module docs](super)):
///
/// - `KAFKA_TEST_BACKEND=external|container|jvm|stub` set: that one, or an error if it cannot
///   run here (never a quiet fallback);
/// - else `KAFKA_BOOTSTRAP_SERVERS` set: that external cluster, as it is;
/// - else the in-process stub, one broker on an ephemeral port, fresh for each test: parallel
///   test threads and a process per test (cargo-nextest) each get their own.
///
/// A JVM broker or a container runs only when asked for (`KAFKA_TEST_BACKEND`,
/// [`TestCluster::local_jvm`], `TestCluster::container`); installed Java, Maven or Docker start
/// nothing. Errors print their message under `{:?}` too, so a test returning
/// `Result<(), Box<dyn Error>>` fails with what went wrong and what to do.
///
/// With neither variable set, this runs on the stub:
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use kfk_stub::testing::{ClusterKind, TestCluster};
///
/// let kafka = TestCluster::start().await?;
/// let nothing_asked = ["KAFKA_TEST_BACKEND", "KAFKA_BOOTSTRAP_SERVERS"]
///     .iter()
///     .all(|var| std::env::var(var).map_or(true, |value| value.trim().is_empty()));
/// if nothing_asked {
///     assert_eq!(kafka.kind(), ClusterKind::Stub);
///     assert!(kafka.bootstrap().starts_with("127.0.0.1:"));
///     assert!(kafka.stub_cluster().is_some(), "faults can be injected");
/// }
/// // ... point the client under test at kafka.bootstrap() ...
/// kafka.shutdown().await;
/// # Ok(())
/// # }
/// ```
pub struct TestCluster {
    kind: ClusterKind,
    bootstrap: String,
    description: String,
    backend: Backend,
    /// A secured cluster's listeners, users and TLS files.
    security: Option<Security>,
    /// A secured stub's security directory, removed on drop.
    _scratch: Option<ScratchDir>,
}

/// A directory of this process's own, removed when dropped.
struct ScratchDir(PathBuf);

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a [`TestCluster`] holds on to.
enum Backend {
    External,
    Stub(StubCluster),
    /// The process-wide JVM: nothing of this test's own to release.
    LocalJvm,
    #[cfg(feature = "testcontainers")]
    Container(Box<kfk_testkit::container::KafkaContainer>),
}

impl fmt::Debug for TestCluster {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TestCluster")
            .field("kind", &self.kind)
            .field("bootstrap", &self.bootstrap)
            .field("description", &self.description)
            .field("secured", &self.security.is_some())
            .finish_non_exhaustive()
    }
}

impl TestCluster {
    /// The backend `KAFKA_TEST_BACKEND` names, else the external cluster at
    /// `KAFKA_BOOTSTRAP_SERVERS`, else the in-process stub (see [Which cluster](TestCluster#which-cluster)),
    /// started and ready. Says which it picked: a `tracing` event and one line on stderr.
    ///
    /// Fails if the picked backend does not start; it does not fall back to the next one then,
    /// so that a broken Kafka set-up does not pass unnoticed as a stub run.
    pub async fn start() -> Result<TestCluster, TestingError> {
        // A TCP `DOCKER_HOST` is probed with a blocking connect (at most 500 ms).
        let env = tokio::task::spawn_blocking(Environment::detect)
            .await
            .unwrap_or_else(|join| std::panic::resume_unwind(join.into_panic()));
        let Decision { plan, why } = pick::decide(&env)?;
        tracing::debug!(kind = %plan.kind(), "picking {}: {why}", plan.kind());
        let cluster = match plan {
            Plan::External(bootstrap) => TestCluster::external(bootstrap),
            Plan::Container => TestCluster::start_container().await?,
            Plan::LocalJvm => TestCluster::local_jvm().await?,
            Plan::Stub => TestCluster::stub().await?,
            // Only `decide_secured` plans it; taken as asked all the same.
            Plan::SecuredExternal(file) => TestCluster::secured_external(file)?,
        };
        tracing::info!(
            kind = %cluster.kind,
            bootstrap = %cluster.bootstrap,
            "test cluster: {} ({why})",
            cluster.description
        );
        eprintln!("kafka-test: {} ({why})", cluster.description);
        Ok(cluster)
    }

    /// The broker or cluster at `KAFKA_BOOTSTRAP_SERVERS`; fails if it is not set.
    pub fn from_env() -> Result<TestCluster, TestingError> {
        std::env::var(BOOTSTRAP_VAR)
            .ok()
            .filter(|bootstrap| !bootstrap.trim().is_empty())
            .map(TestCluster::external)
            .ok_or(TestingError::NoBootstrapServers)
    }

    /// A broker or cluster that already runs at `bootstrap` (`host:port[,host:port...]`).
    pub fn external(bootstrap: impl Into<String>) -> TestCluster {
        let bootstrap = bootstrap.into().trim().to_string();
        TestCluster {
            kind: ClusterKind::External,
            description: format!("external Kafka at {bootstrap}"),
            bootstrap,
            backend: Backend::External,
            security: None,
            _scratch: None,
        }
    }

    /// A secured cluster (TLS, SASL, mutual TLS, ACLs: see [`jvm::security`](super::jvm::security))
    /// for tests of authentication and authorization, started and ready; says which it picked,
    /// as [`start`](TestCluster::start) does. Its [`security`](TestCluster::security) has the
    /// listeners per protocol, the users and their passwords, the CA and client certificates,
    /// and writes client properties; [`bootstrap`](TestCluster::bootstrap) is its plaintext
    /// listener, where `User:ANONYMOUS` is a super user (for a test's own set-up).
    ///
    /// The pick order: `KAFKA_TEST_BACKEND=external|jvm|stub` if set (`container` is an error:
    /// it is not secured; `jvm` is a process-wide secured JVM of its own, base port 9500, see
    /// [`SECURED_PORT`](super::SECURED_PORT), stopped when the process exits); else the running
    /// cluster whose `security.json` `KAFKA_SECURITY_FILE` names (or that
    /// `KAFKA_CLIENT_PROPERTIES`, as `cargo xtask kafka start --security ...` prints it, leads
    /// to); else the secured in-process stub ([`secured_stub`](TestCluster::secured_stub)), with
    /// the same users, listeners and files.
    ///
    /// ```no_run
    /// # async fn example() -> Result<(), kfk_stub::testing::TestingError> {
    /// use kfk_stub::testing::jvm::{SaslMechanism, SecurityProtocol};
    /// use kfk_stub::testing::TestCluster;
    ///
    /// let kafka = TestCluster::secured().await?;
    /// let security = kafka.security().expect("secured");
    /// let bootstrap = security.bootstrap(SecurityProtocol::SaslSsl);
    /// let admin = security.admin(); // name "admin", password "admin-secret", a super user
    /// let ca = security.ca_cert(); // PEM
    /// let properties = security.client_properties(SecurityProtocol::SaslSsl, Some(SaslMechanism::ScramSha512), "alice")?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn secured() -> Result<TestCluster, TestingError> {
        let env = tokio::task::spawn_blocking(Environment::detect)
            .await
            .unwrap_or_else(|join| std::panic::resume_unwind(join.into_panic()));
        let Decision { plan, why } = pick::decide_secured(&env)?;
        let cluster = match plan {
            Plan::SecuredExternal(file) => TestCluster::secured_external(file)?,
            Plan::Stub => TestCluster::secured_stub(&SecurityOptions::default()).await?,
            _ => TestCluster::local_jvm_secured().await?,
        };
        tracing::info!(kind = %cluster.kind, bootstrap = %cluster.bootstrap, "test cluster: {} ({why})", cluster.description);
        eprintln!("kafka-test: {} ({why})", cluster.description);
        Ok(cluster)
    }

    /// The running secured cluster described by `security_file` (its `security.json`).
    pub fn secured_external(security_file: impl AsRef<Path>) -> Result<TestCluster, TestingError> {
        let security = Security::load(security_file.as_ref())?;
        let bootstrap = security.bootstrap(SecurityProtocol::Plaintext);
        Ok(TestCluster {
            kind: ClusterKind::External,
            description: format!(
                "external secured Kafka at {bootstrap} (SASL_SSL {}, {})",
                security.bootstrap(SecurityProtocol::SaslSsl),
                security.file().display()
            ),
            bootstrap,
            backend: Backend::External,
            security: Some(security),
            _scratch: None,
        })
    }

    /// The process-wide secured Kafka on the local JVM (needs `java` and `mvn`), started by the
    /// first caller and shared with every later one, beside (not instead of) the plain one of
    /// [`local_jvm`](TestCluster::local_jvm).
    pub async fn local_jvm_secured() -> Result<TestCluster, TestingError> {
        let jvm = local::shared_secured().await?;
        let security = jvm.security.clone();
        let sasl_ssl = security.as_ref().map(|s| s.bootstrap(SecurityProtocol::SaslSsl)).unwrap_or_default();
        Ok(TestCluster {
            kind: ClusterKind::LocalJvm,
            bootstrap: jvm.bootstrap.clone(),
            description: format!(
                "secured Kafka {} on the local JVM at {} (SASL_SSL {sasl_ssl})",
                jvm.version, jvm.bootstrap
            ),
            backend: Backend::LocalJvm,
            security,
            _scratch: None,
        })
    }

    /// A fresh in-process stub secured as the JVM launcher's secured broker is (see
    /// [`jvm::security`](super::jvm::security)): the same listeners at the same offsets from
    /// its plaintext port (SSL +1000, SASL_PLAINTEXT +2000, SASL_SSL +3000), the same users on
    /// every mechanism (super user `admin`, `alice` without ACLs), the authorizer with super
    /// users `User:ANONYMOUS` and `User:admin` and `allow.everyone.if.no.acl.found=false`,
    /// client certificates `CN=<user>` mapped to `User:<user>`, and the same files (CA, broker
    /// and client certificates, client properties, `security.json`) in a directory of its own,
    /// removed when the cluster is dropped. `options.reauth` is `connections.max.reauth.ms`.
    /// Client certificates are required on SSL, not asked for on SASL_SSL, as there.
    pub async fn secured_stub(options: &SecurityOptions) -> Result<TestCluster, TestingError> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("server-stub-secured-{}-{n}", std::process::id()));
        let scratch = ScratchDir(dir.clone());
        let mut last_error = None;
        // Ports below the ephemeral range, so that SSL, SASL_PLAINTEXT and SASL_SSL can sit
        // 1000, 2000 and 3000 above the plaintext port; another process may hold one: retried.
        for attempt in 0..20u64 {
            let base = 20_000 + (pseudo_random(attempt) % 8_000) as u16;
            let security = super::jvm::security::create(&dir, options, &[base])?;
            match start_secured_stub(&security, options, base).await {
                Ok(stub) => {
                    let bootstrap = stub.bootstrap();
                    let description = format!(
                        "the secured in-process stub at {bootstrap} (SASL_SSL {})",
                        security.bootstrap(SecurityProtocol::SaslSsl)
                    );
                    return Ok(TestCluster {
                        kind: ClusterKind::Stub,
                        bootstrap,
                        description,
                        backend: Backend::Stub(stub),
                        security: Some(security),
                        _scratch: Some(scratch),
                    });
                }
                Err(e @ TestingError::Stub(crate::Error::Bind { .. })) => last_error = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last_error.unwrap_or(TestingError::Timeout { what: "the secured stub", after: STUB_START_TIMEOUT }))
    }

    /// A fresh in-process stub with one broker.
    pub async fn stub() -> Result<TestCluster, TestingError> {
        TestCluster::stub_with(1).await
    }

    /// A fresh in-process stub with `brokers` brokers (started within 10 s).
    pub async fn stub_with(brokers: usize) -> Result<TestCluster, TestingError> {
        // KIP-848 timing as the JVM test brokers have it: a crashed member is noticed in 6 s.
        let start = StubCluster::builder()
            .brokers(brokers)
            .consumer_group_session_timeout(Duration::from_secs(6))
            .consumer_group_heartbeat_interval(Duration::from_millis(500))
            .start();
        let stub = tokio::time::timeout(STUB_START_TIMEOUT, start)
            .await
            .map_err(|_| TestingError::Timeout { what: "the stub", after: STUB_START_TIMEOUT })??;
        let bootstrap = stub.bootstrap();
        let description = match brokers {
            1 => format!("the in-process stub at {bootstrap}"),
            n => format!("the in-process stub ({n} brokers) at {bootstrap}"),
        };
        Ok(TestCluster {
            kind: ClusterKind::Stub,
            bootstrap,
            description,
            backend: Backend::Stub(stub),
            security: None,
            _scratch: None,
        })
    }

    /// The process-wide Kafka on the local JVM (needs `java` and `mvn`), started by the first
    /// caller and shared with every later one. See the [module docs](super#stopping-the-local-jvm)
    /// for when it stops.
    pub async fn local_jvm() -> Result<TestCluster, TestingError> {
        let jvm = local::shared().await?;
        Ok(TestCluster {
            kind: ClusterKind::LocalJvm,
            bootstrap: jvm.bootstrap.clone(),
            description: format!("Kafka {} on the local JVM at {}", jvm.version, jvm.bootstrap),
            backend: Backend::LocalJvm,
            security: None,
            _scratch: None,
        })
    }

    /// A fresh `apache/kafka` container (needs a Docker engine), removed when this
    /// `TestCluster` is shut down or dropped.
    #[cfg(feature = "testcontainers")]
    pub async fn container() -> Result<TestCluster, TestingError> {
        let kafka = kfk_testkit::container::start().await?;
        Ok(TestCluster {
            kind: ClusterKind::Container,
            bootstrap: kafka.bootstrap.clone(),
            description: format!(
                "Kafka {} in Docker ({}:{}) at {}",
                super::KAFKA_VERSION,
                kfk_testkit::container::IMAGE,
                super::KAFKA_VERSION,
                kafka.bootstrap
            ),
            backend: Backend::Container(Box::new(kafka)),
            security: None,
            _scratch: None,
        })
    }

    #[cfg(feature = "testcontainers")]
    async fn start_container() -> Result<TestCluster, TestingError> {
        TestCluster::container().await
    }

    #[cfg(not(feature = "testcontainers"))]
    async fn start_container() -> Result<TestCluster, TestingError> {
        // `pick::decide` never plans a container without the feature.
        Err(TestingError::Unavailable {
            backend: ClusterKind::Container,
            reason: "kfk-stub was built without its `testcontainers` feature".into(),
        })
    }

    /// What runs it.
    pub fn kind(&self) -> ClusterKind {
        self.kind
    }

    /// Its bootstrap servers, `host:port[,host:port...]`.
    pub fn bootstrap(&self) -> &str {
        &self.bootstrap
    }

    /// The first bootstrap address.
    pub fn first_address(&self) -> &str {
        self.bootstrap.split(',').next().unwrap_or_default()
    }

    /// What it is, in words: "Kafka 4.4.0 on the local JVM at 127.0.0.1:20417", "the in-process
    /// stub at 127.0.0.1:41234", ...
    pub fn description(&self) -> &str {
        &self.description
    }

    /// A secured cluster's listeners, users, TLS files and client properties
    /// ([`TestCluster::secured`]); `None` for the others.
    pub fn security(&self) -> Option<&Security> {
        self.security.as_ref()
    }

    /// The listeners of `protocol`: [`bootstrap`](TestCluster::bootstrap) for `PLAINTEXT`, the
    /// secured ones on a secured cluster, else `None`.
    pub fn bootstrap_for(&self, protocol: SecurityProtocol) -> Option<String> {
        match (&self.security, protocol) {
            (_, SecurityProtocol::Plaintext) => Some(self.bootstrap.clone()),
            (Some(security), _) => Some(security.bootstrap(protocol)),
            (None, _) => None,
        }
    }

    /// The stub's handle (fault injection, leadership moves), when the stub runs it.
    pub fn stub_cluster(&self) -> Option<&StubCluster> {
        match &self.backend {
            Backend::Stub(stub) => Some(stub),
            _ => None,
        }
    }

    /// Releases it: stops the stub, removes the container; leaves the shared local JVM and an
    /// external cluster running.
    pub async fn shutdown(self) {
        match self.backend {
            Backend::Stub(stub) => stub.shutdown().await,
            #[cfg(feature = "testcontainers")]
            Backend::Container(kafka) => {
                if let Err(e) = kafka.container.rm().await {
                    tracing::warn!("removing the Kafka container: {e}");
                }
            }
            Backend::External | Backend::LocalJvm => {}
        }
    }
}

/// A number that differs between calls and processes (not for secrets).
pub(crate) fn pseudo_random(salt: u64) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(salt);
    h.write_u32(std::process::id());
    h.finish()
}

/// Starts the stub of [`TestCluster::secured_stub`] with `security`'s users and files, its
/// plaintext listener on `base`.
async fn start_secured_stub(
    security: &Security,
    options: &SecurityOptions,
    base: u16,
) -> Result<StubCluster, TestingError> {
    use super::jvm::security::port_offset;
    let read = |path: PathBuf| {
        std::fs::read_to_string(&path)
            .map_err(|e| TestingError::Stub(crate::Error::Config(format!("{}: {e}", path.display()))))
    };
    let keystore = read(security.broker_keystore())?;
    let ca = read(security.ca_cert())?;
    let mut builder = StubCluster::builder()
        .consumer_group_session_timeout(Duration::from_secs(6))
        .consumer_group_heartbeat_interval(Duration::from_millis(500))
        .tls_identity(keystore.clone(), keystore)
        .tls_client_ca(ca)
        .listener_ssl_client_auth(SecurityProtocol::Ssl, crate::SslClientAuth::Required)
        .ssl_principal_from_cn(true)
        .authorizer()
        .allow_everyone_if_no_acl_found(false);
    for protocol in SecurityProtocol::ALL {
        builder = builder.listener_port(protocol, base + port_offset(protocol));
    }
    for principal in security.super_users() {
        builder = builder.super_user(principal);
    }
    for user in security.users() {
        builder = builder
            .plain_user(&user.name, &user.password)
            .scram_user(SaslMechanism::ScramSha256, &user.name, &user.password)
            .scram_user(SaslMechanism::ScramSha512, &user.name, &user.password);
    }
    if let Some(lifetime) = options.reauth {
        builder = builder.connections_max_reauth(lifetime);
    }
    let stub = tokio::time::timeout(STUB_START_TIMEOUT, builder.start())
        .await
        .map_err(|_| TestingError::Timeout { what: "the secured stub", after: STUB_START_TIMEOUT })??;
    Ok(stub)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_named_as_kafka_test_backend_values() {
        let kinds = [ClusterKind::External, ClusterKind::Container, ClusterKind::LocalJvm, ClusterKind::Stub];
        let names: Vec<String> = kinds.iter().map(ToString::to_string).collect();
        assert_eq!(names, ["external", "container", "jvm", "stub"]);
        assert!(ClusterKind::LocalJvm.is_real_kafka());
        assert!(!ClusterKind::Stub.is_real_kafka());
    }

    #[test]
    fn an_external_cluster_is_taken_as_given() {
        let kafka = TestCluster::external(" 10.0.0.1:9092,10.0.0.2:9092 ");
        assert_eq!(kafka.kind(), ClusterKind::External);
        assert_eq!(kafka.first_address(), "10.0.0.1:9092");
        assert_eq!(kafka.description(), "external Kafka at 10.0.0.1:9092,10.0.0.2:9092");
        assert!(kafka.stub_cluster().is_none());
    }

    #[tokio::test]
    async fn the_stub_starts_and_says_so() {
        let kafka = TestCluster::stub().await.unwrap();
        assert_eq!(kafka.kind(), ClusterKind::Stub);
        assert!(kafka.description().starts_with("the in-process stub at 127.0.0.1:"));
        assert!(kafka.stub_cluster().is_some());
        kafka.shutdown().await;
    }

    /// The launcher's readiness probe writes ApiVersions and Metadata by hand (kafka-testkit has
    /// no kafka-protocol); the stub, which speaks through kafka-protocol, must understand it and
    /// be understood.
    #[tokio::test]
    async fn the_launchers_readiness_probe_reads_the_stubs_metadata() {
        let stub = StubCluster::builder().brokers(3).start().await.unwrap();
        let addr = stub.bootstrap().split(',').nth(1).unwrap().parse().unwrap();
        let ids = tokio::task::spawn_blocking(move || super::super::jvm::broker_ids(addr, Duration::from_secs(5)))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(ids, [0, 1, 2]);
        stub.shutdown().await;
    }

    /// Really starts Kafka on the local JVM through the harness, twice (the second one shares
    /// the first's JVM), then stops it as the watchdog would. Needs java and mvn:
    /// `cargo test -p kfk-stub --features testing -- --ignored local_jvm`.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    #[ignore]
    async fn local_jvm_starts_once_per_process_and_stops() {
        let first = TestCluster::local_jvm().await.unwrap();
        assert_eq!(first.kind(), ClusterKind::LocalJvm);
        let port: u16 = first.bootstrap().strip_prefix("127.0.0.1:").unwrap().parse().unwrap();
        assert!(super::super::JVM_PORTS.contains(&port), "{port}: a free port, not 9092");
        assert_eq!(first.description(), format!("Kafka 4.4.0 on the local JVM at 127.0.0.1:{port}"));
        let addr = ([127, 0, 0, 1], port).into();
        let ids = tokio::task::spawn_blocking(move || super::super::jvm::broker_ids(addr, Duration::from_secs(5)))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(ids, [0]);

        let dir = super::super::jvm::default_dir();
        let pid_before = super::super::jvm::Cluster::find(&dir).unwrap().unwrap().pid(0).unwrap();
        let second = TestCluster::local_jvm().await.unwrap();
        assert_eq!(second.bootstrap(), first.bootstrap());
        let pid_after = super::super::jvm::Cluster::find(&dir).unwrap().unwrap().pid(0).unwrap();
        assert_eq!(pid_before, pid_after, "one JVM per process");
        second.shutdown().await;
        first.shutdown().await;

        // What the watchdog does at exit, done here so that the test leaves nothing behind.
        let stopped = tokio::task::spawn_blocking(move || super::super::jvm::stop(&dir)).await.unwrap().unwrap();
        assert_eq!(stopped, 1);
        assert!(!super::super::jvm::is_alive(pid_before));
    }

    /// Really starts the shared secured JVM (needs java, mvn and ports 9500, 10500, 11500,
    /// 12500, 19500): `cargo test -p kfk-stub --features testing -- --ignored secured_jvm`.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    #[ignore]
    async fn secured_jvm_starts_once_per_process_and_stops() {
        let kafka = TestCluster::local_jvm_secured().await.unwrap();
        assert_eq!(kafka.kind(), ClusterKind::LocalJvm);
        assert_eq!(kafka.bootstrap(), "127.0.0.1:9500");
        assert_eq!(kafka.bootstrap_for(SecurityProtocol::SaslSsl).as_deref(), Some("127.0.0.1:12500"));
        let security = kafka.security().unwrap();
        assert_eq!(security.admin().password, "admin-secret");
        assert!(security.ca_cert().is_file());
        let again = TestCluster::local_jvm_secured().await.unwrap();
        assert_eq!(again.security(), kafka.security());
        let stopped = tokio::task::spawn_blocking(|| super::super::jvm::stop(&super::super::secured_dir()))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stopped, 1);
    }
}

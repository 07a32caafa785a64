//! TLS failures against a real TLS listener: the secured Kafka's (`TEST_BACKEND=kafka` with
//! `KAFKA_SECURITY_FILE`) or the stub's. Each is a typed [`TlsFailure`] naming the broker,
//! reported within `socket.connection.setup.timeout.ms`, never a hang: a CA the client does not
//! trust, a certificate for another host, a client certificate the broker refuses (none, or
//! one from a CA it does not trust), a TLS client on a plaintext port and a plaintext client
//! on a TLS port. (An expired broker certificate and a broker closing mid-handshake need a
//! broker that misbehaves on purpose: `kafka-client/tests/security.rs` covers them.)

use std::time::{Duration, Instant};

use kfk_admin::{Admin, ListTopicsOptions};
use kfk_client::config::{SecurityConfig, TlsConfig};
use kfk_client::net::{Connection, ConnectionConfig};
use kfk_client::{BrokerId, Error, TlsFailure};
use kfk_stub::testing::jvm::SecurityProtocol as JvmProtocol;
use kfk_stub::testing::TestCluster;
use kfk_stub::{SecurityProtocol, SslClientAuth, StubCluster};
use tokio::net::{TcpListener, TcpStream};

/// The setup timeout every failure must beat.
const SETUP_TIMEOUT: Duration = Duration::from_secs(5);

/// A broker with PLAINTEXT, SSL (client certificates required) and SASL_SSL listeners.
struct Target {
    plaintext: String,
    ssl: String,
    sasl_ssl: String,
    ca_pem: String,
    /// A client certificate and key (PEM) the broker trusts.
    client: (String, String),
    _keep: Keep,
}

enum Keep {
    Stub(#[allow(dead_code)] StubCluster),
    Kafka(#[allow(dead_code)] TestCluster),
}

impl Target {
    async fn from_env() -> Option<Target> {
        if std::env::var("TEST_BACKEND").as_deref() == Ok("kafka") {
            if std::env::var("KAFKA_SECURITY_FILE").is_err() {
                kfk_stub::skip_test!("no secured Kafka (KAFKA_SECURITY_FILE is not set)");
                return None;
            }
            let cluster = TestCluster::secured().await.expect("the secured Kafka");
            let security = cluster.security().expect("secured");
            let first = |bootstrap: String| bootstrap.split(',').next().expect("a node").to_string();
            return Some(Target {
                plaintext: first(security.bootstrap(JvmProtocol::Plaintext)),
                ssl: first(security.bootstrap(JvmProtocol::Ssl)),
                sasl_ssl: first(security.bootstrap(JvmProtocol::SaslSsl)),
                ca_pem: std::fs::read_to_string(security.ca_cert()).expect("CA"),
                client: (
                    std::fs::read_to_string(security.client_cert("admin")).expect("client certificate"),
                    std::fs::read_to_string(security.client_key("admin")).expect("client key"),
                ),
                _keep: Keep::Kafka(cluster),
            });
        }
        let stub = StubCluster::builder()
            .listener(SecurityProtocol::Ssl)
            .listener(SecurityProtocol::SaslSsl)
            .plain_user("admin", "admin-secret")
            .ssl_client_auth(SslClientAuth::Required)
            .start()
            .await
            .expect("stub");
        Some(Target {
            plaintext: stub.bootstrap(),
            ssl: stub.bootstrap_for(SecurityProtocol::Ssl).expect("SSL listener"),
            sasl_ssl: stub.bootstrap_for(SecurityProtocol::SaslSsl).expect("SASL_SSL listener"),
            ca_pem: stub.tls_ca_pem().expect("CA"),
            client: stub.tls_client_identity("admin").expect("client certificate"),
            _keep: Keep::Stub(stub),
        })
    }

    fn trusted(&self) -> TlsConfig {
        TlsConfig::default().with_ca_pem(self.ca_pem.clone())
    }

    fn with_client(&self) -> TlsConfig {
        self.trusted().with_client_pem(self.client.0.clone(), self.client.1.clone())
    }
}

async fn connect(addr: &str, security: SecurityConfig) -> Result<Connection, Error> {
    let mut config = ConnectionConfig::default();
    config.connect_timeout = SETUP_TIMEOUT;
    config.request_timeout = Duration::from_secs(10);
    config.security = security.resolve().expect("security");
    Connection::connect(BrokerId { node_id: -1, addr: addr.into() }, config).await
}

/// Connects, expecting a TLS failure within the setup timeout; returns it with its message.
async fn tls_failure(addr: &str, security: SecurityConfig) -> (TlsFailure, String) {
    let started = Instant::now();
    let result = tokio::time::timeout(SETUP_TIMEOUT * 3, connect(addr, security))
        .await
        .unwrap_or_else(|_| panic!("{addr}: connecting hung for {:?}", SETUP_TIMEOUT * 3));
    let elapsed = started.elapsed();
    let (failure, message) = match result {
        Err(e @ Error::Tls { failure, .. }) => (failure, e.to_string()),
        Err(other) => panic!("{addr}: expected a TLS error, got {other}"),
        Ok(_) => panic!("{addr}: connected"),
    };
    assert!(elapsed <= SETUP_TIMEOUT + Duration::from_secs(1), "{addr}: {elapsed:?} to report {message}");
    assert!(message.contains(addr), "the error does not name the broker {addr}: {message}");
    (failure, message)
}

#[tokio::test]
async fn the_trusted_ca_and_a_client_certificate_connect() {
    // The control: without it every failure below could be one misconfiguration.
    let Some(target) = Target::from_env().await else { return };
    connect(&target.ssl, SecurityConfig::ssl(target.with_client())).await.expect("mTLS with the right CA");
}

#[tokio::test]
async fn a_broker_certificate_from_an_unknown_ca_is_refused() {
    let Some(target) = Target::from_env().await else { return };
    // The operating system's roots do not hold the test CA.
    let (failure, message) = tls_failure(&target.sasl_ssl, SecurityConfig::ssl(TlsConfig::default())).await;
    assert_eq!(failure, TlsFailure::UnknownCa, "{message}");
    assert!(message.contains("ssl.truststore"), "no hint: {message}");

    // The same through the admin client: an error at once, not retries until its timeout.
    let admin = Admin::from_properties([
        ("bootstrap.servers", target.ssl.as_str()),
        ("security.protocol", "SSL"),
        ("default.api.timeout.ms", "30000"),
    ])
    .expect("admin");
    let started = Instant::now();
    let error = admin.list_topics(ListTopicsOptions::default()).await.expect_err("listed");
    assert!(error.to_string().contains("certificate"), "{error}");
    assert!(started.elapsed() < Duration::from_secs(15), "admin took {:?}: {error}", started.elapsed());
}

/// A relay on another loopback address: the broker's certificate names 127.0.0.1 and
/// localhost, not 127.0.0.2. `None` where 127.0.0.2 cannot be bound.
async fn relay_on_another_address(to: &str) -> Option<String> {
    let listener = TcpListener::bind("127.0.0.2:0").await.ok()?;
    let addr = listener.local_addr().ok()?.to_string();
    let to = to.to_string();
    tokio::spawn(async move {
        while let Ok((mut inbound, _)) = listener.accept().await {
            let to = to.clone();
            tokio::spawn(async move {
                if let Ok(mut outbound) = TcpStream::connect(&to).await {
                    let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                }
            });
        }
    });
    Some(addr)
}

#[tokio::test]
async fn a_broker_certificate_for_another_host_is_refused_unless_identification_is_off() {
    let Some(target) = Target::from_env().await else { return };
    let Some(relay) = relay_on_another_address(&target.ssl).await else {
        kfk_stub::skip_test!("127.0.0.2 cannot be bound here, so no address reaches the broker under another name");
        return;
    };
    let (failure, message) = tls_failure(&relay, SecurityConfig::ssl(target.with_client())).await;
    assert_eq!(failure, TlsFailure::HostnameMismatch, "{message}");
    assert!(message.contains("ssl.endpoint.identification.algorithm"), "no hint: {message}");
    // ssl.endpoint.identification.algorithm= (empty): the chain is still checked, the name not.
    connect(&relay, SecurityConfig::ssl(target.with_client().verify_hostname(false)))
        .await
        .expect("host name verification off");
}

#[tokio::test]
async fn a_client_certificate_the_broker_does_not_trust_is_refused() {
    let Some(target) = Target::from_env().await else { return };
    let (failure, message) = tls_failure(&target.ssl, SecurityConfig::ssl(target.trusted())).await;
    assert_eq!(failure, TlsFailure::ClientCertificateRejected, "no client certificate: {message}");

    let stranger = rcgen::generate_simple_self_signed(vec!["admin".to_string()]).expect("certificate");
    let tls = target.trusted().with_client_pem(stranger.cert.pem(), stranger.signing_key.serialize_pem());
    let (failure, message) = tls_failure(&target.ssl, SecurityConfig::ssl(tls)).await;
    assert_eq!(failure, TlsFailure::ClientCertificateRejected, "a certificate from another CA: {message}");
}

#[tokio::test]
async fn a_tls_client_on_a_plaintext_port_is_told_so() {
    let Some(target) = Target::from_env().await else { return };
    let (failure, message) = tls_failure(&target.plaintext, SecurityConfig::ssl(target.trusted())).await;
    assert!(matches!(failure, TlsFailure::ClosedDuringHandshake | TlsFailure::NotTls), "{message}");
    assert!(message.contains("PLAINTEXT"), "no hint: {message}");
}

#[tokio::test]
async fn a_plaintext_client_on_a_tls_port_is_told_so() {
    let Some(target) = Target::from_env().await else { return };
    let (failure, message) = tls_failure(&target.sasl_ssl, SecurityConfig::plaintext()).await;
    assert!(matches!(failure, TlsFailure::BrokerExpectsTls | TlsFailure::ClosedBeforeFirstAnswer), "{message}");
    assert!(message.contains("SSL or SASL_SSL"), "no hint: {message}");
}

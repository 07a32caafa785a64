//! TLS and SASL end to end against a tiny broker on loopback that speaks just enough Kafka
//! (ApiVersions, SaslHandshake, SaslAuthenticate, Metadata), over a tokio-rustls server:
//! certificates are made here with rcgen.
#![cfg(feature = "tls")]
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use kfk_client::config::{KeyStore, ProducerConfig, SecurityConfig, StoreType, TlsConfig, TrustStore};
use kfk_client::net::{Connection, ConnectionConfig};
use kfk_client::producer::{Producer, ProducerRecord};
use kfk_client::sasl::plain::Plain;
use kfk_client::{BrokerId, Error, TlsFailure};
use kfk_protocol::frame::{self, FrameDecoder};
use kfk_protocol::messages::api_versions::response::ApiVersion;
use kfk_protocol::messages::{
    ApiKey, ApiVersionsResponse, MetadataRequest, MetadataResponse, RequestBody, ResponseBody,
    SaslAuthenticateResponse, SaslHandshakeResponse,
};
use kfk_protocol::ErrorCode;
use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpListener;

// ---------------------------------------------------------------- certificates

struct Ca {
    issuer: CertifiedIssuer<'static, KeyPair>,
}

impl Ca {
    fn new(name: &str) -> Ca {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.distinguished_name.push(rcgen::DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        Ca { issuer: CertifiedIssuer::self_signed(params, KeyPair::generate().unwrap()).unwrap() }
    }

    fn pem(&self) -> String {
        self.issuer.pem()
    }

    /// A leaf certificate for `names`, valid now unless `expired`: (cert PEM, key PEM).
    fn leaf(&self, names: &[&str], expired: bool) -> (String, String) {
        let mut params = CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
        if expired {
            params.not_before = rcgen::date_time_ymd(2020, 1, 1);
            params.not_after = rcgen::date_time_ymd(2021, 1, 1);
        }
        let key = KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &self.issuer).unwrap();
        (cert.pem(), key.serialize_pem())
    }
}

fn certs(pem: &str) -> Vec<CertificateDer<'static>> {
    use rustls::pki_types::pem::PemObject;
    CertificateDer::pem_slice_iter(pem.as_bytes()).collect::<Result<_, _>>().unwrap()
}

fn key(pem: &str) -> PrivateKeyDer<'static> {
    use rustls::pki_types::pem::PemObject;
    PrivateKeyDer::from_pem_slice(pem.as_bytes()).unwrap()
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// A server configuration with `leaf`; with `client_ca`, client certificates it signed are
/// required.
fn server_tls(leaf: &(String, String), client_ca: Option<&Ca>) -> Arc<rustls::ServerConfig> {
    let builder =
        rustls::ServerConfig::builder_with_provider(provider()).with_safe_default_protocol_versions().unwrap();
    let builder = match client_ca {
        None => builder.with_no_client_auth(),
        Some(ca) => {
            let mut roots = rustls::RootCertStore::empty();
            roots.add(ca.issuer.der().clone()).unwrap();
            let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider())
                .build()
                .unwrap();
            builder.with_client_cert_verifier(verifier)
        }
    };
    Arc::new(builder.with_single_cert(certs(&leaf.0), key(&leaf.1)).unwrap())
}

// ---------------------------------------------------------------- the fake broker

#[derive(Clone, Default)]
struct Broker {
    tls: Option<Arc<rustls::ServerConfig>>,
    /// PLAIN user and password; SASL is required when set.
    sasl: Option<(String, String)>,
    /// The session lifetime answered (KIP-368); enforced: a request after expiry closes.
    lifetime_ms: i64,
    /// How long each Metadata answer takes.
    metadata_delay: Duration,
    /// Whether a failed TLS handshake is answered with an alert (as Kafka does) or a bare close.
    alert_on_plaintext: bool,
    /// Completed authentications, over all connections.
    authentications: Arc<AtomicUsize>,
    /// Requests other than SaslAuthenticate between a SaslHandshake and its SaslAuthenticate.
    violations: Arc<AtomicUsize>,
}

impl Broker {
    async fn start(self) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let broker = self.clone();
                tokio::spawn(async move {
                    match broker.tls.clone() {
                        Some(tls) => match tokio_rustls::TlsAcceptor::from(tls).accept(socket).into_fallible().await {
                            Ok(stream) => broker.serve(stream).await,
                            Err((_, mut socket)) => {
                                if broker.alert_on_plaintext {
                                    // As Kafka's SSL listener does: a fatal alert, then close.
                                    let _ = socket.write_all(&[0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x0a]).await;
                                }
                            }
                        },
                        None => broker.serve(socket).await,
                    }
                });
            }
        });
        addr
    }

    async fn serve<S: AsyncRead + AsyncWrite + Unpin>(&self, mut socket: S) {
        let decoder = FrameDecoder::new(1 << 20);
        let mut buf = BytesMut::new();
        let mut authenticated = self.sasl.is_none();
        let mut in_exchange = false;
        let mut expires: Option<Instant> = None;
        loop {
            let frame = loop {
                match decoder.next_frame(&mut buf) {
                    Ok(Some(f)) => break f,
                    Ok(None) => {}
                    Err(_) => return, // not Kafka (a TLS ClientHello on a plaintext port)
                }
                if socket.read_buf(&mut buf).await.unwrap_or(0) == 0 {
                    return;
                }
            };
            let (header, body) = frame::decode_request(frame).unwrap();
            let version = header.request_api_version;
            if in_exchange && !matches!(body, RequestBody::SaslAuthenticate(_)) {
                self.violations.fetch_add(1, Ordering::SeqCst);
                return;
            }
            if expires.is_some_and(|at| Instant::now() > at)
                && !matches!(body, RequestBody::SaslHandshake(_) | RequestBody::SaslAuthenticate(_))
            {
                return; // the session expired: a real broker closes the connection
            }
            let response: ResponseBody = match body {
                RequestBody::ApiVersions(_) => ApiVersionsResponse {
                    api_keys: [
                        (ApiKey::ApiVersions, 0, 4),
                        (ApiKey::Metadata, 0, 12),
                        (ApiKey::Produce, 3, 12),
                        (ApiKey::Fetch, 4, 17),
                        (ApiKey::SaslHandshake, 0, 1),
                        (ApiKey::SaslAuthenticate, 0, 2),
                    ]
                    .iter()
                    .map(|&(k, min, max)| ApiVersion {
                        api_key: k.key(),
                        min_version: min,
                        max_version: max,
                        ..Default::default()
                    })
                    .collect(),
                    ..Default::default()
                }
                .into(),
                RequestBody::SaslHandshake(h) => {
                    in_exchange = h.mechanism == "PLAIN";
                    let code = if in_exchange { ErrorCode::NONE } else { ErrorCode::UNSUPPORTED_SASL_MECHANISM };
                    SaslHandshakeResponse { error_code: code.0, mechanisms: vec!["PLAIN".into()], ..Default::default() }
                        .into()
                }
                RequestBody::SaslAuthenticate(a) => {
                    in_exchange = false;
                    let (user, password) = self.sasl.clone().unwrap();
                    let expected = format!("\0{user}\0{password}");
                    if a.auth_bytes.as_ref() == expected.as_bytes() {
                        authenticated = true;
                        self.authentications.fetch_add(1, Ordering::SeqCst);
                        if self.lifetime_ms > 0 {
                            expires = Some(Instant::now() + Duration::from_millis(self.lifetime_ms as u64));
                        }
                        SaslAuthenticateResponse {
                            session_lifetime_ms: self.lifetime_ms,
                            auth_bytes: Bytes::new(),
                            ..Default::default()
                        }
                        .into()
                    } else {
                        SaslAuthenticateResponse {
                            error_code: ErrorCode::SASL_AUTHENTICATION_FAILED.0,
                            error_message: Some("Authentication failed: Invalid username or password".to_string()),
                            ..Default::default()
                        }
                        .into()
                    }
                }
                RequestBody::Metadata(_) => {
                    if !authenticated {
                        return;
                    }
                    tokio::time::sleep(self.metadata_delay).await;
                    MetadataResponse { throttle_time_ms: header.correlation_id, ..Default::default() }.into()
                }
                other => panic!("unexpected request {:?}", other.api_key()),
            };
            let mut out = BytesMut::new();
            frame::encode_response(&mut out, header.correlation_id, &response, version).unwrap();
            if socket.write_all(&out).await.is_err() || socket.flush().await.is_err() {
                return;
            }
        }
    }
}

fn config(security: SecurityConfig) -> ConnectionConfig {
    let mut config = ConnectionConfig::default();
    config.request_timeout = Duration::from_secs(5);
    config.connect_timeout = Duration::from_secs(5);
    config.security = security.resolve().unwrap();
    config
}

fn broker(addr: &str) -> BrokerId {
    BrokerId { node_id: 0, addr: addr.into() }
}

async fn connect(addr: &str, security: SecurityConfig) -> Result<Connection, Error> {
    Connection::connect(broker(addr), config(security)).await
}

async fn metadata(conn: &Connection) -> Result<MetadataResponse, Error> {
    conn.send(&MetadataRequest { topics: Some(vec![]), ..Default::default() }).await
}

fn tls_failure(result: Result<Connection, Error>) -> (TlsFailure, String) {
    match result {
        Err(e @ Error::Tls { failure, .. }) => (failure, e.to_string()),
        other => panic!("expected a TLS error, got {other:?}"),
    }
}

// ---------------------------------------------------------------- TLS

#[tokio::test]
async fn tls_with_a_private_ca() {
    let ca = Ca::new("test CA");
    let addr =
        Broker { tls: Some(server_tls(&ca.leaf(&["127.0.0.1", "localhost"], false), None)), ..Default::default() }
            .start()
            .await;
    let conn = connect(&addr, SecurityConfig::ssl(TlsConfig::default().with_ca_pem(ca.pem()))).await.unwrap();
    metadata(&conn).await.unwrap();
    // By host name too (the server name is the advertised host).
    let port = addr.rsplit_once(':').unwrap().1;
    let conn = connect(&format!("localhost:{port}"), SecurityConfig::ssl(TlsConfig::default().with_ca_pem(ca.pem())))
        .await
        .unwrap();
    metadata(&conn).await.unwrap();
}

#[tokio::test]
async fn unknown_ca_is_named() {
    let ca = Ca::new("broker CA");
    let other = Ca::new("another CA");
    let addr =
        Broker { tls: Some(server_tls(&ca.leaf(&["127.0.0.1"], false), None)), ..Default::default() }.start().await;
    let (failure, message) =
        tls_failure(connect(&addr, SecurityConfig::ssl(TlsConfig::default().with_ca_pem(other.pem()))).await);
    assert_eq!(failure, TlsFailure::UnknownCa, "{message}");
    assert!(message.contains(&addr) && message.contains("ssl.truststore"), "{message}");
}

#[tokio::test]
async fn host_name_mismatch_unless_identification_is_off() {
    let ca = Ca::new("test CA");
    let addr = Broker { tls: Some(server_tls(&ca.leaf(&["kafka.example.com"], false), None)), ..Default::default() }
        .start()
        .await;
    let (failure, message) =
        tls_failure(connect(&addr, SecurityConfig::ssl(TlsConfig::default().with_ca_pem(ca.pem()))).await);
    assert_eq!(failure, TlsFailure::HostnameMismatch, "{message}");
    assert!(message.contains("ssl.endpoint.identification.algorithm"), "{message}");
    // ssl.endpoint.identification.algorithm= (empty): the chain is still checked, not the name.
    let tls = TlsConfig::default().with_ca_pem(ca.pem()).verify_hostname(false);
    let conn = connect(&addr, SecurityConfig::ssl(tls)).await.unwrap();
    metadata(&conn).await.unwrap();
    let other = Ca::new("another CA");
    let tls = TlsConfig::default().with_ca_pem(other.pem()).verify_hostname(false);
    assert_eq!(tls_failure(connect(&addr, SecurityConfig::ssl(tls)).await).0, TlsFailure::UnknownCa);
}

#[tokio::test]
async fn expired_certificate() {
    let ca = Ca::new("test CA");
    let addr =
        Broker { tls: Some(server_tls(&ca.leaf(&["127.0.0.1"], true), None)), ..Default::default() }.start().await;
    let (failure, message) =
        tls_failure(connect(&addr, SecurityConfig::ssl(TlsConfig::default().with_ca_pem(ca.pem()))).await);
    assert_eq!(failure, TlsFailure::Expired, "{message}");
}

#[tokio::test]
async fn mutual_tls() {
    let ca = Ca::new("test CA");
    let client_ca = Ca::new("client CA");
    let addr =
        Broker { tls: Some(server_tls(&ca.leaf(&["127.0.0.1"], false), Some(&client_ca))), ..Default::default() }
            .start()
            .await;
    // No client certificate.
    let result = connect(&addr, SecurityConfig::ssl(TlsConfig::default().with_ca_pem(ca.pem()))).await;
    let (failure, message) = tls_failure(result);
    assert_eq!(failure, TlsFailure::ClientCertificateRejected, "{message}");
    assert!(message.contains("ssl.keystore"), "{message}");
    // A certificate from a CA the broker does not trust.
    let (cert, key) = Ca::new("stranger").leaf(&["client"], false);
    let tls = TlsConfig::default().with_ca_pem(ca.pem()).with_client_pem(cert, key);
    assert_eq!(tls_failure(connect(&addr, SecurityConfig::ssl(tls)).await).0, TlsFailure::ClientCertificateRejected);
    // The right one, inline PEM.
    let (cert, key) = client_ca.leaf(&["client"], false);
    let tls = TlsConfig::default().with_ca_pem(ca.pem()).with_client_pem(cert.clone(), key.clone());
    metadata(&connect(&addr, SecurityConfig::ssl(tls)).await.unwrap()).await.unwrap();
    // The same from a PKCS#12 key store and trust store, and from a PEM file with an
    // encrypted PKCS#8 key.
    let dir = tempdir();
    let p12 = dir.join("client.p12");
    std::fs::write(&p12, pkcs12_keystore(&cert, &key, "store-pw")).unwrap();
    let trust = dir.join("trust.p12");
    std::fs::write(&trust, pkcs12_truststore(&ca.pem(), "trust-pw")).unwrap();
    let tls = TlsConfig::default()
        .with_trust(TrustStore::File {
            path: trust.clone(),
            store_type: Some(StoreType::Pkcs12),
            password: Some("trust-pw".into()),
        })
        .with_identity(KeyStore::File {
            path: p12.clone(),
            store_type: Some(StoreType::Pkcs12),
            password: Some("store-pw".into()),
            key_password: None,
        });
    metadata(&connect(&addr, SecurityConfig::ssl(tls)).await.unwrap()).await.unwrap();
    let pem = dir.join("client.pem");
    std::fs::write(&pem, format!("{}{}", encrypted_pkcs8_pem(&key, "key-pw"), cert)).unwrap();
    let tls = TlsConfig::default().with_ca_pem(ca.pem()).with_identity(KeyStore::File {
        path: pem,
        store_type: Some(StoreType::Pem),
        password: None,
        key_password: Some("key-pw".into()),
    });
    metadata(&connect(&addr, SecurityConfig::ssl(tls)).await.unwrap()).await.unwrap();
}

#[tokio::test]
async fn plaintext_client_on_a_tls_port() {
    let ca = Ca::new("test CA");
    let leaf = ca.leaf(&["127.0.0.1"], false);
    // As Kafka does: a TLS alert in answer to ApiVersions.
    let addr =
        Broker { tls: Some(server_tls(&leaf, None)), alert_on_plaintext: true, ..Default::default() }.start().await;
    let started = Instant::now();
    let (failure, message) = tls_failure(connect(&addr, SecurityConfig::plaintext()).await);
    assert_eq!(failure, TlsFailure::BrokerExpectsTls, "{message}");
    assert!(message.contains("SSL or SASL_SSL"), "{message}");
    assert!(started.elapsed() < Duration::from_secs(3));
    // A bare close before the first answer: the error says what may be wrong.
    let addr = Broker { tls: Some(server_tls(&leaf, None)), ..Default::default() }.start().await;
    let (failure, message) = tls_failure(connect(&addr, SecurityConfig::plaintext()).await);
    assert_eq!(failure, TlsFailure::ClosedBeforeFirstAnswer, "{message}");
    assert!(message.contains("SSL or SASL_SSL"), "{message}");
}

#[tokio::test]
async fn tls_client_on_a_plaintext_port() {
    let ca = Ca::new("test CA");
    let addr = Broker::default().start().await;
    let started = Instant::now();
    let (failure, message) =
        tls_failure(connect(&addr, SecurityConfig::ssl(TlsConfig::default().with_ca_pem(ca.pem()))).await);
    assert!(matches!(failure, TlsFailure::ClosedDuringHandshake | TlsFailure::NotTls), "{message}");
    assert!(message.contains("PLAINTEXT"), "{message}");
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn broker_closing_or_silent_during_the_handshake() {
    let ca = Ca::new("test CA");
    let tls = || SecurityConfig::ssl(TlsConfig::default().with_ca_pem(ca.pem()));
    // Reads the ClientHello, then closes.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut buf = [0u8; 16];
            let _ = socket.read(&mut buf).await;
        }
    });
    assert_eq!(tls_failure(connect(&addr, tls()).await).0, TlsFailure::ClosedDuringHandshake);
    // Accepts and says nothing: the setup timeout ends it.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    let mut config = config(tls());
    config.connect_timeout = Duration::from_millis(300);
    let started = Instant::now();
    let err = Connection::connect(broker(&addr), config).await.unwrap_err();
    assert!(matches!(err, Error::ConnectTimeout { .. }), "{err}");
    assert!(started.elapsed() < Duration::from_secs(2));
}

// ---------------------------------------------------------------- SASL

fn sasl_broker(tls: Option<Arc<rustls::ServerConfig>>) -> Broker {
    Broker { tls, sasl: Some(("alice".into(), "alice-secret".into())), ..Default::default() }
}

#[tokio::test]
async fn sasl_plain_over_plaintext_and_tls() {
    let addr = sasl_broker(None).start().await;
    let conn = connect(&addr, SecurityConfig::sasl_plaintext(Plain::new("alice", "alice-secret"))).await.unwrap();
    metadata(&conn).await.unwrap();

    let ca = Ca::new("test CA");
    let addr = sasl_broker(Some(server_tls(&ca.leaf(&["127.0.0.1"], false), None))).start().await;
    let security =
        SecurityConfig::sasl_ssl(Plain::new("alice", "alice-secret"), TlsConfig::default().with_ca_pem(ca.pem()));
    let conn = connect(&addr, security).await.unwrap();
    metadata(&conn).await.unwrap();
}

#[tokio::test]
async fn sasl_failure_and_unknown_mechanism() {
    let addr = sasl_broker(None).start().await;
    let err = connect(&addr, SecurityConfig::sasl_plaintext(Plain::new("alice", "wrong"))).await.unwrap_err();
    match &err {
        Error::SaslAuthenticationFailed { broker, mechanism, message } => {
            assert_eq!(broker.addr, addr);
            assert_eq!(mechanism, "PLAIN");
            assert!(message.as_deref().unwrap().contains("Invalid username or password"));
        }
        other => panic!("{other:?}"),
    }
    assert!(!err.is_retriable() && err.is_authentication());
    assert_eq!(err.code(), Some(ErrorCode::SASL_AUTHENTICATION_FAILED));
    assert!(!err.to_string().contains("wrong"), "{err}");

    #[derive(Debug)]
    struct Scram;
    impl kfk_client::sasl::Mechanism for Scram {
        fn name(&self) -> &str {
            "SCRAM-SHA-512"
        }
        fn begin<'a>(
            &'a self,
            _: &'a BrokerId,
        ) -> futures_util::future::BoxFuture<'a, Result<Box<dyn kfk_client::sasl::Exchange>, kfk_client::sasl::SaslError>>
        {
            unreachable!("the handshake fails first")
        }
    }
    let err = connect(&addr, SecurityConfig::sasl_plaintext(Scram)).await.unwrap_err();
    match &err {
        Error::SaslMechanismUnsupported { mechanism, offered, .. } => {
            assert_eq!(mechanism, "SCRAM-SHA-512");
            assert_eq!(offered, &vec!["PLAIN".to_string()]);
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn reauthentication_while_requests_are_in_flight() {
    let broker = Broker { lifetime_ms: 1000, metadata_delay: Duration::from_millis(2), ..sasl_broker(None) };
    let authentications = broker.authentications.clone();
    let violations = broker.violations.clone();
    let addr = broker.start().await;
    let conn = connect(&addr, SecurityConfig::sasl_plaintext(Plain::new("alice", "alice-secret"))).await.unwrap();
    // Eight callers keep requests pipelined on the connection for 3.5 s (four sessions).
    let until = Instant::now() + Duration::from_millis(3500);
    let mut callers = Vec::new();
    for _ in 0..8 {
        let conn = conn.clone();
        callers.push(tokio::spawn(async move {
            let mut n = 0;
            while Instant::now() < until {
                metadata(&conn).await.unwrap();
                n += 1;
            }
            n
        }));
    }
    let mut total = 0;
    for c in callers {
        total += c.await.unwrap();
    }
    assert!(total > 100, "{total} requests");
    assert!(authentications.load(Ordering::SeqCst) >= 4, "{} authentications", authentications.load(Ordering::SeqCst));
    assert_eq!(violations.load(Ordering::SeqCst), 0);
    assert!(!conn.is_closed());
}

#[tokio::test]
async fn producer_reports_an_authentication_failure_at_once() {
    let addr = sasl_broker(None).start().await;
    let config = ProducerConfig::builder()
        .bootstrap_servers(&addr)
        .sasl(Plain::new("alice", "wrong"))
        .max_block(Duration::from_secs(30))
        .build()
        .unwrap();
    let producer = Producer::new(config).unwrap();
    let started = Instant::now();
    let err = producer.send(ProducerRecord::new("t").value(b"v".as_slice())).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    assert!(err.to_string().contains("SASL authentication with PLAIN failed"), "{err}");
}

#[tokio::test]
async fn consumer_reports_an_authentication_failure_at_once() {
    let addr = sasl_broker(None).start().await;
    let config = kfk_client::config::ConsumerConfig::new(&addr)
        .with_security(SecurityConfig::sasl_plaintext(Plain::new("alice", "wrong")));
    let consumer = kfk_client::consumer::Consumer::new(config).unwrap();
    consumer.assign([("t", 0)]);
    let started = Instant::now();
    let err = loop {
        match consumer.poll(Duration::from_millis(500)).await {
            Err(e) => break e,
            Ok(_) => assert!(started.elapsed() < Duration::from_secs(5), "poll never reported the failure"),
        }
    };
    assert!(matches!(err, Error::SaslAuthenticationFailed { .. }), "{err}");
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
}

#[tokio::test]
async fn group_consumer_reports_an_authentication_failure_at_once() {
    let addr = sasl_broker(None).start().await;
    let mut config = kfk_client::config::ConsumerConfig::new(&addr)
        .with_security(SecurityConfig::sasl_plaintext(Plain::new("alice", "wrong")));
    config.group_id = Some("g".into());
    let consumer = kfk_client::consumer::Consumer::new(config).unwrap();
    consumer.subscribe(["t"]).unwrap();
    let started = Instant::now();
    let err = loop {
        match consumer.poll(Duration::from_millis(500)).await {
            Err(e) => break e,
            Ok(_) => assert!(started.elapsed() < Duration::from_secs(5), "poll never reported the failure"),
        }
    };
    assert!(matches!(err, Error::SaslAuthenticationFailed { .. }), "{err}");
}

// ---------------------------------------------------------------- secrets

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn no_secret_is_logged_or_shown() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let ca = Ca::new("test CA");
    let client_ca = Ca::new("client CA");
    let broker =
        Broker { lifetime_ms: 300, ..sasl_broker(Some(server_tls(&ca.leaf(&["127.0.0.1"], false), Some(&client_ca)))) };
    let addr = broker.start().await;
    let (cert, key) = client_ca.leaf(&["client"], false);
    let encrypted = encrypted_pkcs8_pem(&key, "key-password-123");
    let tls = TlsConfig::default().with_ca_pem(ca.pem()).with_identity(KeyStore::Pem {
        chain: cert,
        key: encrypted.clone().into(),
        key_password: Some("key-password-123".into()),
    });
    let security = SecurityConfig::sasl_ssl(Plain::new("alice", "alice-secret"), tls);
    let conn = connect(&addr, security.clone()).await.unwrap();
    for _ in 0..20 {
        metadata(&conn).await.unwrap();
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    // A failed authentication too.
    let wrong = SecurityConfig::sasl_ssl(Plain::new("alice", "wrong-secret"), security.tls.clone());
    let err = connect(&addr, wrong.clone()).await.unwrap_err();
    let shown = format!("{err} {err:?} {security:?} {wrong:?} {:?}", security.resolve().unwrap());
    let logged = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(logged.contains("authenticated"), "the capture works: {logged}");
    let key_body = encrypted.lines().nth(1).unwrap();
    for secret in ["alice-secret", "wrong-secret", "key-password-123", key_body] {
        assert!(!logged.contains(secret), "{secret} logged");
        assert!(!shown.contains(secret), "{secret} shown: {shown}");
    }
}

// ---------------------------------------------------------------- files

fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("kafka-client-security-{}-{}", std::process::id(), fastrand_u64()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fastrand_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(Instant::now().elapsed().as_nanos() as u64);
    h.finish()
}

fn pkcs12_keystore(cert_pem: &str, key_pem: &str, password: &str) -> Vec<u8> {
    let cert = p12_keystore::Certificate::from_der(certs(cert_pem)[0].as_ref()).unwrap();
    let PrivateKeyDer::Pkcs8(der) = key(key_pem) else { panic!("rcgen writes PKCS#8") };
    let key = p12_keystore::PrivateKey::from_der(der.secret_pkcs8_der()).unwrap();
    let chain = p12_keystore::PrivateKeyChain::new(vec![1u8, 2, 3, 4], key, [cert]);
    let mut store = p12_keystore::KeyStore::new();
    store.add_entry("client", p12_keystore::KeyStoreEntry::PrivateKeyChain(chain));
    store.writer(password).write().unwrap()
}

fn pkcs12_truststore(ca_pem: &str, password: &str) -> Vec<u8> {
    let cert = p12_keystore::Certificate::from_der(certs(ca_pem)[0].as_ref()).unwrap();
    let mut store = p12_keystore::KeyStore::new();
    store.add_entry("ca", p12_keystore::KeyStoreEntry::Certificate(cert));
    store.writer(password).write().unwrap()
}

fn encrypted_pkcs8_pem(key_pem: &str, password: &str) -> String {
    let PrivateKeyDer::Pkcs8(der) = key(key_pem) else { panic!("rcgen writes PKCS#8") };
    let params = pkcs8::pkcs5::pbes2::Parameters::pbkdf2_sha256_aes256cbc(2048, &[7u8; 16], &[9u8; 16]).unwrap();
    let info = pkcs8::PrivateKeyInfo::try_from(der.secret_pkcs8_der()).unwrap();
    let encrypted = info.encrypt_with_params(params, password).unwrap();
    pkcs8::der::pem::encode_string("ENCRYPTED PRIVATE KEY", pkcs8::LineEnding::LF, encrypted.as_bytes()).unwrap()
}

// ---------------------------------------------------------------- a real broker, if given

/// With `KAFKA_CLIENT_PROPERTIES` naming Java client properties files (comma-separated),
/// fetches metadata with each; skipped without it. Files whose `sasl.mechanism` this build
/// cannot configure are reported and skipped.
#[tokio::test]
async fn real_broker_from_properties_files() {
    let Ok(files) = std::env::var("KAFKA_CLIENT_PROPERTIES") else { return };
    let mut failed = Vec::new();
    for file in files.split(',').filter(|f| !f.is_empty()) {
        let text = std::fs::read_to_string(file).unwrap();
        let pairs: Vec<(String, String)> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('=').map(|(k, v)| (k.trim().to_string(), v.trim().to_string())))
            .collect();
        let config = match kfk_client::config::ConsumerConfig::from_properties(pairs) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{file}: not configurable here: {e}");
                continue;
            }
        };
        let cluster = kfk_client::cluster::Cluster::new(config.common.cluster_config().unwrap());
        match cluster.refresh().await {
            Ok(m) => eprintln!("{file}: ok, {} broker(s)", m.brokers.len()),
            Err(e) => {
                eprintln!("{file}: {e}");
                failed.push(file.to_string());
            }
        }
        cluster.close(Duration::from_millis(100)).await;
    }
    assert!(failed.is_empty(), "failed: {failed:?}");
}

//! Listener security over the raw protocol: SASL PLAIN, SCRAM-SHA-256/512 and OAUTHBEARER
//! (success, wrong credentials answered and closed as Kafka does), the requests allowed before
//! authentication, KIP-368 re-authentication and session expiry, metadata naming the
//! listener's ports, and (feature `tls`) TLS with the stub's CA, client certificates, and the
//! wrong protocol on either port.

use std::net::SocketAddr;
use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use bytes::{Bytes, BytesMut};
use hmac::{Hmac, KeyInit, Mac};
use kfk_protocol::frame::{self, FrameDecoder};
use kfk_protocol::messages::*;
use kfk_protocol::{ErrorCode, Request};
use kfk_stub::{SaslMechanism, SecurityProtocol, StubCluster};
use sha2::{Digest, Sha256, Sha512};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;

const TIMEOUT: Duration = Duration::from_secs(10);

/// One connection over any stream (TCP or TLS), speaking frames.
struct Wire<S> {
    stream: S,
    input: BytesMut,
    next_id: i32,
}

impl Wire<TcpStream> {
    async fn tcp(addr: SocketAddr) -> Wire<TcpStream> {
        Wire::new(TcpStream::connect(addr).await.expect("connect"))
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> Wire<S> {
    fn new(stream: S) -> Wire<S> {
        Wire { stream, input: BytesMut::new(), next_id: 1 }
    }

    async fn write<R: Request>(&mut self, request: &R, version: i16) -> i32 {
        let id = self.next_id;
        self.next_id += 1;
        let mut buf = BytesMut::new();
        frame::encode_request(&mut buf, id, Some("auth-test"), request, version).expect("encodable");
        self.stream.write_all(&buf).await.expect("write");
        self.stream.flush().await.expect("flush");
        id
    }

    async fn read_frame(&mut self) -> Option<Bytes> {
        let decoder = FrameDecoder::new(64 << 20);
        tokio::time::timeout(TIMEOUT, async {
            loop {
                if let Ok(Some(f)) = decoder.next_frame(&mut self.input) {
                    return Some(f);
                }
                match self.stream.read_buf(&mut self.input).await {
                    Ok(0) | Err(_) => return None,
                    Ok(_) => {}
                }
            }
        })
        .await
        .expect("answered or closed in time")
    }

    /// Sends a request and reads its answer (`None`: the stub closed the connection).
    async fn try_send<R: Request>(&mut self, request: &R, version: i16) -> Option<R::Response> {
        let id = self.write(request, version).await;
        let frame = self.read_frame().await?;
        let (correlation_id, response) = frame::decode_response::<R>(frame, version).expect("decodable");
        assert_eq!(correlation_id, id);
        Some(response)
    }

    async fn send<R: Request>(&mut self, request: &R, version: i16) -> R::Response {
        self.try_send(request, version).await.expect("an answer, not a closed connection")
    }

    async fn is_closed(&mut self) -> bool {
        self.read_frame().await.is_none()
    }

    async fn handshake(&mut self, mechanism: &str) -> SaslHandshakeResponse {
        self.send(&SaslHandshakeRequest { mechanism: mechanism.into(), ..Default::default() }, 1).await
    }

    async fn authenticate(&mut self, bytes: &[u8]) -> Option<SaslAuthenticateResponse> {
        self.try_send(&SaslAuthenticateRequest { auth_bytes: Bytes::copy_from_slice(bytes), ..Default::default() }, 2)
            .await
    }

    /// Writes one raw SASL token (after SaslHandshake v0): a length and the bytes, no header.
    async fn write_token(&mut self, token: &[u8]) {
        let mut buf = BytesMut::new();
        buf.extend_from_slice(&u32::try_from(token.len()).expect("small token").to_be_bytes());
        buf.extend_from_slice(token);
        self.stream.write_all(&buf).await.expect("write");
        self.stream.flush().await.expect("flush");
    }

    async fn metadata(&mut self) -> Option<MetadataResponse> {
        self.try_send(&MetadataRequest { topics: None, ..Default::default() }, 12).await
    }

    async fn plain(&mut self, user: &str, password: &str) -> SaslAuthenticateResponse {
        assert_eq!(self.handshake("PLAIN").await.error_code, 0);
        self.authenticate(format!("\0{user}\0{password}").as_bytes()).await.expect("an answer")
    }

    /// A SCRAM client (RFC 5802), checking the server's signature.
    async fn scram(&mut self, mechanism: SaslMechanism, user: &str, password: &str) -> SaslAuthenticateResponse {
        assert_eq!(self.handshake(mechanism.name()).await.error_code, 0);
        let client_nonce = "fyko+d2lbbFgONRv9qkxdawL";
        let bare = format!("n={user},r={client_nonce}");
        let first = self.authenticate(format!("n,,{bare}").as_bytes()).await.expect("server-first");
        if first.error_code != 0 {
            return first;
        }
        let server_first = String::from_utf8(first.auth_bytes.to_vec()).expect("UTF-8");
        let mut nonce = "";
        let mut salt = Vec::new();
        let mut iterations = 0;
        for field in server_first.split(',') {
            match field.split_at(2) {
                ("r=", v) => nonce = v,
                ("s=", v) => salt = STANDARD.decode(v).expect("salt"),
                ("i=", v) => iterations = v.parse().expect("iterations"),
                _ => {}
            }
        }
        assert!(nonce.starts_with(client_nonce) && nonce.len() > client_nonce.len(), "{server_first}");
        assert!(iterations >= 4096);
        let without_proof = format!("c=biws,r={nonce}");
        let auth_message = format!("{bare},{server_first},{without_proof}");
        let (proof, server_signature) = scram_proof(mechanism, password, &salt, iterations, &auth_message);
        let last = format!("{without_proof},p={}", STANDARD.encode(proof));
        let done = self.authenticate(last.as_bytes()).await.expect("server-final");
        if done.error_code == 0 {
            assert_eq!(done.auth_bytes, format!("v={}", STANDARD.encode(server_signature)).as_bytes());
        }
        done
    }
}

fn hmac_of(mechanism: SaslMechanism, key: &[u8], data: &[u8]) -> Vec<u8> {
    if mechanism == SaslMechanism::ScramSha512 {
        let mut m = <Hmac<Sha512> as KeyInit>::new_from_slice(key).expect("any key length");
        m.update(data);
        m.finalize().into_bytes().to_vec()
    } else {
        let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("any key length");
        m.update(data);
        m.finalize().into_bytes().to_vec()
    }
}

/// The client proof and the server signature the client expects.
fn scram_proof(mechanism: SaslMechanism, password: &str, salt: &[u8], i: u32, auth: &str) -> (Vec<u8>, Vec<u8>) {
    let salted = if mechanism == SaslMechanism::ScramSha512 {
        let mut out = [0u8; 64];
        pbkdf2::pbkdf2_hmac::<Sha512>(password.as_bytes(), salt, i, &mut out);
        out.to_vec()
    } else {
        let mut out = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<Sha256>(password.as_bytes(), salt, i, &mut out);
        out.to_vec()
    };
    let client_key = hmac_of(mechanism, &salted, b"Client Key");
    let stored_key = if mechanism == SaslMechanism::ScramSha512 {
        Sha512::digest(&client_key).to_vec()
    } else {
        Sha256::digest(&client_key).to_vec()
    };
    let signature = hmac_of(mechanism, &stored_key, auth.as_bytes());
    let proof = client_key.iter().zip(&signature).map(|(a, b)| a ^ b).collect();
    let server_key = hmac_of(mechanism, &salted, b"Server Key");
    (proof, hmac_of(mechanism, &server_key, auth.as_bytes()))
}

async fn sasl_cluster(brokers: usize) -> StubCluster {
    StubCluster::builder()
        .brokers(brokers)
        .listener(SecurityProtocol::SaslPlaintext)
        .plain_user("alice", "alice-secret")
        .plain_user("bob", "bob-secret")
        .scram_user(SaslMechanism::ScramSha256, "alice", "alice-256")
        .scram_user(SaslMechanism::ScramSha512, "alice", "alice-512")
        .start()
        .await
        .expect("stub starts")
}

fn sasl_addr(cluster: &StubCluster) -> SocketAddr {
    cluster.broker_addr_for(0, SecurityProtocol::SaslPlaintext).expect("SASL_PLAINTEXT listener")
}

#[tokio::test]
async fn only_api_versions_and_sasl_before_authentication() {
    let cluster = sasl_cluster(1).await;
    let mut c = Wire::tcp(sasl_addr(&cluster)).await;
    let request = ApiVersionsRequest {
        client_software_name: "auth-test".into(),
        client_software_version: "1.0".into(),
        ..Default::default()
    };
    let versions = c.send(&request, 3).await;
    assert_eq!(versions.error_code, 0);
    let handshake = versions.api_keys.iter().find(|k| k.api_key == ApiKey::SaslHandshake.key()).expect("advertised");
    assert_eq!((handshake.min_version, handshake.max_version), (0, 1), "v0 (raw tokens) and v1");
    assert!(c.metadata().await.is_none(), "Metadata before authentication closes the connection");

    let mut c = Wire::tcp(sasl_addr(&cluster)).await;
    let refused = c.authenticate(b"\0alice\0alice-secret").await;
    assert!(refused.is_none(), "SaslAuthenticate before SaslHandshake closes the connection");

    // The PLAINTEXT listener is untouched, and refuses SASL as Kafka's request handler does.
    let mut plain = Wire::tcp(cluster.broker_addr(0).expect("broker")).await;
    assert!(plain.metadata().await.is_some());
    assert_eq!(plain.handshake("PLAIN").await.error_code, ErrorCode::ILLEGAL_SASL_STATE.0);
}

#[tokio::test]
async fn unsupported_mechanism_lists_the_enabled_ones_and_closes() {
    let cluster = StubCluster::builder()
        .listener(SecurityProtocol::SaslPlaintext)
        .sasl_mechanisms([SaslMechanism::ScramSha512, SaslMechanism::Plain])
        .start()
        .await
        .expect("stub");
    let mut c = Wire::tcp(sasl_addr(&cluster)).await;
    let answer = c.handshake("GSSAPI").await;
    assert_eq!(answer.error_code, ErrorCode::UNSUPPORTED_SASL_MECHANISM.0);
    assert_eq!(answer.mechanisms, ["SCRAM-SHA-512", "PLAIN"]);
    assert!(c.is_closed().await);
}

#[tokio::test]
async fn plain_authenticates_and_metadata_names_the_sasl_ports() {
    let cluster = sasl_cluster(3).await;
    let mut c = Wire::tcp(sasl_addr(&cluster)).await;
    let handshake = c.handshake("PLAIN").await;
    assert_eq!(handshake.error_code, 0);
    assert_eq!(handshake.mechanisms, ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER"]);
    let done = c.authenticate(b"\0alice\0alice-secret").await.expect("answer");
    assert_eq!((done.error_code, done.session_lifetime_ms), (0, 0), "no re-authentication configured");
    let metadata = c.metadata().await.expect("metadata once authenticated");
    let bootstrap = cluster.bootstrap_for(SecurityProtocol::SaslPlaintext).expect("listener");
    let mut ports: Vec<String> = metadata.brokers.iter().map(|b| format!("{}:{}", b.host, b.port)).collect();
    ports.sort();
    let mut expected: Vec<String> = bootstrap.split(',').map(str::to_owned).collect();
    expected.sort();
    assert_eq!(ports, expected, "brokers on the SASL_PLAINTEXT listener, not PLAINTEXT");
    assert_ne!(bootstrap, cluster.bootstrap());
    // FindCoordinator too.
    let coordinator = c.send(&FindCoordinatorRequest { key: "g".into(), key_type: 0, ..Default::default() }, 3).await;
    assert!(expected.contains(&format!("127.0.0.1:{}", coordinator.port)), "{coordinator:?}");
}

#[tokio::test]
async fn plain_with_a_wrong_password_is_answered_then_closed() {
    let cluster = sasl_cluster(1).await;
    for (user, password) in [("alice", "wrong"), ("mallory", "alice-secret")] {
        let mut c = Wire::tcp(sasl_addr(&cluster)).await;
        let refused = c.plain(user, password).await;
        assert_eq!(refused.error_code, ErrorCode::SASL_AUTHENTICATION_FAILED.0);
        assert_eq!(refused.error_message.as_deref(), Some("Authentication failed: Invalid username or password"));
        assert!(c.is_closed().await);
    }
}

#[tokio::test]
async fn scram_sha_256_and_512_authenticate_and_refuse_wrong_passwords() {
    let cluster = sasl_cluster(1).await;
    for (mechanism, password) in [(SaslMechanism::ScramSha256, "alice-256"), (SaslMechanism::ScramSha512, "alice-512")]
    {
        let mut c = Wire::tcp(sasl_addr(&cluster)).await;
        let done = c.scram(mechanism, "alice", password).await;
        assert_eq!(done.error_code, 0, "{mechanism}: {done:?}");
        assert!(c.metadata().await.is_some());

        for (user, password) in [("alice", "wrong"), ("nobody", password)] {
            let mut c = Wire::tcp(sasl_addr(&cluster)).await;
            let refused = c.scram(mechanism, user, password).await;
            assert_eq!(refused.error_code, ErrorCode::SASL_AUTHENTICATION_FAILED.0, "{mechanism} {user}");
            let expected = format!(
                "Authentication failed during authentication due to invalid credentials with SASL mechanism {mechanism}"
            );
            assert_eq!(refused.error_message.as_deref(), Some(expected.as_str()));
            assert!(c.is_closed().await);
        }
    }
}

#[tokio::test]
async fn scram_users_from_alter_user_scram_credentials() {
    use kfk_protocol::messages::alter_user_scram_credentials::request::{
        ScramCredentialDeletion, ScramCredentialUpsertion,
    };
    use kfk_protocol::messages::describe_user_scram_credentials::request::UserName;

    let cluster = sasl_cluster(1).await;
    let mut admin = Wire::tcp(cluster.broker_addr(0).expect("broker")).await;
    let salt = b"0123456789abcdef".to_vec();
    let mut salted = [0u8; 64];
    pbkdf2::pbkdf2_hmac::<Sha512>(b"dave-secret", &salt, 8192, &mut salted);
    let upsert = AlterUserScramCredentialsRequest {
        upsertions: vec![
            ScramCredentialUpsertion {
                name: "dave".into(),
                mechanism: 2,
                iterations: 8192,
                salt: salt.clone().into(),
                salted_password: salted.to_vec().into(),
                ..Default::default()
            },
            ScramCredentialUpsertion {
                name: "weak".into(),
                mechanism: 1,
                iterations: 100,
                salt: salt.clone().into(),
                salted_password: salted[..32].to_vec().into(),
                ..Default::default()
            },
        ],
        ..Default::default()
    };
    let altered = admin.send(&upsert, 0).await;
    let codes: Vec<(String, i16)> = altered.results.iter().map(|r| (r.user.clone(), r.error_code)).collect();
    assert_eq!(codes, [("dave".to_owned(), 0), ("weak".to_owned(), ErrorCode::UNACCEPTABLE_CREDENTIAL.0)]);

    let described = admin
        .send(
            &DescribeUserScramCredentialsRequest {
                users: Some(vec![
                    UserName { name: "dave".into(), ..Default::default() },
                    UserName { name: "nobody".into(), ..Default::default() },
                ]),
                ..Default::default()
            },
            0,
        )
        .await;
    assert_eq!(described.results[0].credential_infos.len(), 1);
    assert_eq!(
        (described.results[0].credential_infos[0].mechanism, described.results[0].credential_infos[0].iterations),
        (2, 8192)
    );
    assert_eq!(described.results[1].error_code, ErrorCode::RESOURCE_NOT_FOUND.0);
    let all = admin.send(&DescribeUserScramCredentialsRequest { users: None, ..Default::default() }, 0).await;
    let users: Vec<&str> = all.results.iter().map(|r| r.user.as_str()).collect();
    assert_eq!(users, ["alice", "dave"]);

    let mut c = Wire::tcp(sasl_addr(&cluster)).await;
    assert_eq!(c.scram(SaslMechanism::ScramSha512, "dave", "dave-secret").await.error_code, 0);

    let delete = AlterUserScramCredentialsRequest {
        deletions: vec![ScramCredentialDeletion { name: "dave".into(), mechanism: 2, ..Default::default() }],
        ..Default::default()
    };
    assert_eq!(admin.send(&delete, 0).await.results[0].error_code, 0);
    assert_eq!(admin.send(&delete, 0).await.results[0].error_code, ErrorCode::RESOURCE_NOT_FOUND.0);
    let mut c = Wire::tcp(sasl_addr(&cluster)).await;
    let refused = c.scram(SaslMechanism::ScramSha512, "dave", "dave-secret").await;
    assert_eq!(refused.error_code, ErrorCode::SASL_AUTHENTICATION_FAILED.0);
}

/// A restarted broker listens on all its listeners again, on the same ports, and new
/// connections must authenticate anew.
#[tokio::test]
async fn restarted_brokers_reopen_every_listener() {
    let cluster = sasl_cluster(2).await;
    let addr = cluster.broker_addr_for(1, SecurityProtocol::SaslPlaintext).expect("listener");
    let mut c = Wire::tcp(addr).await;
    assert_eq!(c.plain("alice", "alice-secret").await.error_code, 0);
    cluster.faults().stop_broker(1).await.expect("stop");
    assert!(c.metadata().await.is_none(), "stopping closes the connection");
    assert!(TcpStream::connect(addr).await.is_err(), "the SASL port is closed");
    cluster.faults().restart_broker(1).await.expect("restart");
    let mut c = Wire::tcp(addr).await;
    assert!(c.metadata().await.is_none(), "a new connection is unauthenticated");
    let mut c = Wire::tcp(addr).await;
    assert_eq!(c.plain("alice", "alice-secret").await.error_code, 0);
    assert_eq!(c.metadata().await.expect("metadata").brokers.len(), 2);
}

/// The binary's security flags: a SASL_PLAINTEXT listener with a PLAIN user, printed as its
/// own bootstrap line.
#[tokio::test]
async fn binary_opens_a_sasl_listener() {
    use tokio::io::AsyncBufReadExt;
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_kfk-stub"))
        .args(["--port", "0", "--listener", "SASL_PLAINTEXT", "--plain-user", "bob:bob-pw"])
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("server-stub runs");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = tokio::io::BufReader::new(stdout).lines();
    let bootstrap = tokio::time::timeout(TIMEOUT, async {
        while let Ok(Some(line)) = lines.next_line().await {
            if let Some(b) = line.strip_prefix("KAFKA_BOOTSTRAP_SERVERS_SASL_PLAINTEXT=") {
                return b.to_owned();
            }
        }
        panic!("no SASL_PLAINTEXT bootstrap line");
    })
    .await
    .expect("started in time");
    let addr: SocketAddr = bootstrap.parse().expect("one broker");
    let mut c = Wire::tcp(addr).await;
    assert_eq!(c.plain("bob", "bob-pw").await.error_code, 0);
    assert!(c.metadata().await.is_some());
    child.kill().await.expect("stopped");
}

fn now_s() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

#[tokio::test]
async fn oauthbearer_unsecured_tokens() {
    let cluster = sasl_cluster(1).await;
    let mut c = Wire::tcp(sasl_addr(&cluster)).await;
    assert_eq!(c.handshake("OAUTHBEARER").await.error_code, 0);
    let token = kfk_stub::unsecured_token("carol", now_s(), now_s() + 3600);
    let done = c.authenticate(format!("n,,\x01auth=Bearer {token}\x01\x01").as_bytes()).await.expect("answer");
    assert_eq!(done.error_code, 0);
    let lifetime = done.session_lifetime_ms;
    assert!((3_590_000..=3_600_000).contains(&lifetime), "the token's exp bounds the session: {lifetime}");
    assert!(c.metadata().await.is_some());

    // An expired token: the JSON error as a challenge, the client's %x01, then the failure.
    let mut c = Wire::tcp(sasl_addr(&cluster)).await;
    assert_eq!(c.handshake("OAUTHBEARER").await.error_code, 0);
    let expired = kfk_stub::unsecured_token("carol", now_s() - 7200, now_s() - 3600);
    let challenge = c.authenticate(format!("n,,\x01auth=Bearer {expired}\x01\x01").as_bytes()).await.expect("answer");
    assert_eq!(challenge.error_code, 0);
    assert_eq!(challenge.auth_bytes, r#"{"status":"invalid_token"}"#.as_bytes());
    let refused = c.authenticate(b"\x01").await.expect("answer");
    assert_eq!(refused.error_code, ErrorCode::SASL_AUTHENTICATION_FAILED.0);
    assert_eq!(refused.error_message.as_deref(), Some(r#"{"status":"invalid_token"}"#));
    assert!(c.is_closed().await);
}

#[tokio::test]
async fn reauthentication_extends_the_session_and_expiry_closes() {
    let cluster = StubCluster::builder()
        .listener(SecurityProtocol::SaslPlaintext)
        .plain_user("alice", "alice-secret")
        .plain_user("bob", "bob-secret")
        .connections_max_reauth(Duration::from_millis(1500))
        .start()
        .await
        .expect("stub");
    let mut c = Wire::tcp(sasl_addr(&cluster)).await;
    let done = c.plain("alice", "alice-secret").await;
    assert_eq!((done.error_code, done.session_lifetime_ms), (0, 1500));
    tokio::time::sleep(Duration::from_millis(1100)).await;
    // Re-authenticate on the same connection before the session ends.
    let again = c.plain("alice", "alice-secret").await;
    assert_eq!((again.error_code, again.session_lifetime_ms), (0, 1500));
    // Kafka allows one re-authentication a second: a second one at once is refused by the
    // request handler (ILLEGAL_SASL_STATE), and the session goes on.
    assert_eq!(c.handshake("PLAIN").await.error_code, ErrorCode::ILLEGAL_SASL_STATE.0);
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert!(c.metadata().await.is_some(), "2.1 s after the first authentication, 1 s after the second");
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert!(c.metadata().await.is_none(), "the session expired: the next request closes the connection");

    // Re-authentication may not change the principal.
    let mut c = Wire::tcp(sasl_addr(&cluster)).await;
    assert_eq!(c.plain("alice", "alice-secret").await.error_code, 0);
    tokio::time::sleep(Duration::from_millis(1050)).await;
    let changed = c.plain("bob", "bob-secret").await;
    assert_eq!(changed.error_code, ErrorCode::SASL_AUTHENTICATION_FAILED.0);
    assert!(changed.error_message.unwrap_or_default().contains("Cannot change principals"));
    assert!(c.is_closed().await);

    // Without re-authentication configured, a second handshake is ILLEGAL_SASL_STATE.
    let forever = sasl_cluster(1).await;
    let mut c = Wire::tcp(sasl_addr(&forever)).await;
    assert_eq!(c.plain("alice", "alice-secret").await.error_code, 0);
    assert_eq!(c.handshake("PLAIN").await.error_code, ErrorCode::ILLEGAL_SASL_STATE.0);
}

/// Random and mangled SASL messages: every one is answered or closed, never a crash, and the
/// broker goes on serving.
#[tokio::test]
async fn hostile_sasl_messages_are_refused() {
    let cluster = sasl_cluster(1).await;
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let valid: [&[u8]; 3] = [b"n,,n=alice,r=abcdef", b"\0alice\0alice-secret", b"n,,\x01auth=Bearer a.b.\x01\x01"];
    for round in 0..60 {
        let mechanism = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER"][round % 4];
        let mut message = valid[round % 3].to_vec();
        match next() % 3 {
            0 => message = (0..next() % 200).map(|_| next() as u8).collect(),
            1 => {
                for _ in 0..1 + next() % 4 {
                    let len = message.len().max(1);
                    let i = (next() as usize) % len;
                    if i < message.len() {
                        message[i] = next() as u8;
                    }
                }
            }
            _ => message.truncate((next() as usize) % (message.len() + 1)),
        }
        let mut c = Wire::tcp(sasl_addr(&cluster)).await;
        assert_eq!(c.handshake(mechanism).await.error_code, 0);
        for _ in 0..3 {
            match c.authenticate(&message).await {
                None => break,
                Some(r) if r.error_code != 0 => {
                    assert_eq!(r.error_code, ErrorCode::SASL_AUTHENTICATION_FAILED.0);
                    assert!(c.is_closed().await);
                    break;
                }
                Some(_) => message = (0..next() % 100).map(|_| next() as u8).collect(),
            }
        }
    }
    let mut c = Wire::tcp(sasl_addr(&cluster)).await;
    assert_eq!(c.plain("alice", "alice-secret").await.error_code, 0, "still serving");
}

#[cfg(feature = "tls")]
mod tls {
    use std::sync::Arc;

    use kfk_stub::SslClientAuth;
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
    use rustls::{ClientConfig, RootCertStore};
    use tokio_rustls::client::TlsStream;
    use tokio_rustls::TlsConnector;

    use super::*;

    fn connector(ca_pem: &str, identity: Option<(String, String)>) -> TlsConnector {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut roots = RootCertStore::empty();
        for cert in CertificateDer::pem_slice_iter(ca_pem.as_bytes()) {
            roots.add(cert.expect("CA PEM")).expect("CA");
        }
        let builder = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("versions")
            .with_root_certificates(roots);
        let config = match identity {
            None => builder.with_no_client_auth(),
            Some((cert, key)) => builder
                .with_client_auth_cert(
                    CertificateDer::pem_slice_iter(cert.as_bytes()).collect::<Result<Vec<_>, _>>().expect("cert"),
                    PrivateKeyDer::from_pem_slice(key.as_bytes()).expect("key"),
                )
                .expect("client identity"),
        };
        TlsConnector::from(Arc::new(config))
    }

    async fn tls(addr: SocketAddr, connector: &TlsConnector) -> std::io::Result<Wire<TlsStream<TcpStream>>> {
        let tcp = TcpStream::connect(addr).await?;
        let name = ServerName::try_from("127.0.0.1").expect("IP name");
        let stream = tokio::time::timeout(TIMEOUT, connector.connect(name, tcp)).await.expect("handshake in time")?;
        Ok(Wire::new(stream))
    }

    #[tokio::test]
    async fn ssl_listener_with_the_stubs_ca() {
        let cluster = StubCluster::builder().brokers(2).listener(SecurityProtocol::Ssl).start().await.expect("stub");
        let ca = cluster.tls_ca_pem().expect("CA");
        let addr = cluster.broker_addr_for(0, SecurityProtocol::Ssl).expect("SSL listener");
        let mut c = tls(addr, &connector(&ca, None)).await.expect("TLS handshake");
        let metadata = c.metadata().await.expect("SSL needs no SASL");
        let bootstrap = cluster.bootstrap_for(SecurityProtocol::Ssl).expect("listener");
        for b in &metadata.brokers {
            assert!(bootstrap.contains(&format!("127.0.0.1:{}", b.port)), "{b:?} on the SSL listener");
        }

        // Plaintext Kafka on the TLS port: closed at once, no answer.
        let mut plain = Wire::tcp(addr).await;
        let started = std::time::Instant::now();
        assert!(plain.metadata().await.is_none());
        assert!(started.elapsed() < Duration::from_secs(2));

        // TLS on the plaintext port: the ClientHello is no sane frame, the stub closes.
        let refused = tls(cluster.broker_addr(0).expect("broker"), &connector(&ca, None)).await;
        assert!(refused.is_err());

        // A CA the client does not trust.
        let other = StubCluster::builder().listener(SecurityProtocol::Ssl).start().await.expect("stub");
        assert!(tls(addr, &connector(&other.tls_ca_pem().expect("CA"), None)).await.is_err());
    }

    #[tokio::test]
    async fn sasl_ssl_with_scram() {
        let cluster = StubCluster::builder()
            .listener(SecurityProtocol::SaslSsl)
            .scram_user(SaslMechanism::ScramSha512, "alice", "alice-512")
            .start()
            .await
            .expect("stub");
        let ca = cluster.tls_ca_pem().expect("CA");
        let addr = cluster.broker_addr_for(0, SecurityProtocol::SaslSsl).expect("listener");
        let mut c = tls(addr, &connector(&ca, None)).await.expect("TLS");
        assert!(c.metadata().await.is_none(), "SASL_SSL still needs SASL");
        let mut c = tls(addr, &connector(&ca, None)).await.expect("TLS");
        assert_eq!(c.scram(SaslMechanism::ScramSha512, "alice", "alice-512").await.error_code, 0);
        assert!(c.metadata().await.is_some());
        let mut c = tls(addr, &connector(&ca, None)).await.expect("TLS");
        let refused = c.scram(SaslMechanism::ScramSha512, "alice", "nope").await;
        assert_eq!(refused.error_code, ErrorCode::SASL_AUTHENTICATION_FAILED.0);
        assert!(c.is_closed().await);
    }

    #[tokio::test]
    async fn required_client_certificates() {
        let cluster = StubCluster::builder()
            .listener(SecurityProtocol::Ssl)
            .ssl_client_auth(SslClientAuth::Required)
            .start()
            .await
            .expect("stub");
        let ca = cluster.tls_ca_pem().expect("CA");
        let addr = cluster.broker_addr_for(0, SecurityProtocol::Ssl).expect("listener");
        // TLS 1.3 clients learn of a refused certificate at their first read.
        let anonymous = match tls(addr, &connector(&ca, None)).await {
            Err(_) => true,
            Ok(mut c) => c.metadata().await.is_none(),
        };
        assert!(anonymous, "no client certificate: refused");
        let identity = cluster.tls_client_identity("alice").expect("client certificate");
        let mut c = tls(addr, &connector(&ca, Some(identity))).await.expect("mTLS");
        assert!(c.metadata().await.is_some());
    }

    #[tokio::test]
    async fn client_certificates_required_on_one_listener_only() {
        let cluster = StubCluster::builder()
            .listener(SecurityProtocol::Ssl)
            .listener(SecurityProtocol::SaslSsl)
            .plain_user("alice", "alice-secret")
            .listener_ssl_client_auth(SecurityProtocol::Ssl, SslClientAuth::Required)
            .start()
            .await
            .expect("stub");
        let ca = cluster.tls_ca_pem().expect("CA");
        let ssl = cluster.broker_addr_for(0, SecurityProtocol::Ssl).expect("SSL listener");
        let refused = match tls(ssl, &connector(&ca, None)).await {
            Err(_) => true,
            Ok(mut c) => c.metadata().await.is_none(),
        };
        assert!(refused, "SSL without a client certificate: refused");
        let sasl_ssl = cluster.broker_addr_for(0, SecurityProtocol::SaslSsl).expect("SASL_SSL listener");
        let mut c = tls(sasl_ssl, &connector(&ca, None)).await.expect("SASL_SSL asks for no certificate");
        assert_eq!(c.plain("alice", "alice-secret").await.error_code, 0);
        assert!(c.metadata().await.is_some());
    }
}

#[tokio::test]
async fn sasl_handshake_v0_is_followed_by_raw_tokens() {
    let cluster = sasl_cluster(1).await;
    // PLAIN: one token, answered by an empty one; then Kafka requests.
    let mut c = Wire::tcp(sasl_addr(&cluster)).await;
    let handshake: SaslHandshakeResponse =
        c.send(&SaslHandshakeRequest { mechanism: "PLAIN".into(), ..Default::default() }, 0).await;
    assert_eq!(handshake.error_code, 0);
    c.write_token(b"\0alice\0alice-secret").await;
    assert_eq!(c.read_frame().await.expect("the token answer").len(), 0, "PLAIN's answer is an empty token");
    assert!(c.metadata().await.is_some(), "authenticated: requests are served");

    // SCRAM: the server-first message comes back raw.
    let mut c = Wire::tcp(sasl_addr(&cluster)).await;
    let handshake: SaslHandshakeResponse =
        c.send(&SaslHandshakeRequest { mechanism: "SCRAM-SHA-256".into(), ..Default::default() }, 0).await;
    assert_eq!(handshake.error_code, 0);
    c.write_token(b"n,,n=alice,r=abcdefgh").await;
    let first = c.read_frame().await.expect("server-first");
    assert!(first.starts_with(b"r=abcdefgh"), "{first:?}");

    // A wrong password has no error field to be told in: the connection closes.
    let mut c = Wire::tcp(sasl_addr(&cluster)).await;
    let _: SaslHandshakeResponse =
        c.send(&SaslHandshakeRequest { mechanism: "PLAIN".into(), ..Default::default() }, 0).await;
    c.write_token(b"\0alice\0wrong").await;
    assert!(c.is_closed().await);
    // Garbage as a token, too.
    let mut c = Wire::tcp(sasl_addr(&cluster)).await;
    let _: SaslHandshakeResponse =
        c.send(&SaslHandshakeRequest { mechanism: "SCRAM-SHA-512".into(), ..Default::default() }, 0).await;
    c.write_token(&[0xff; 40]).await;
    assert!(c.is_closed().await);
}

#[tokio::test]
async fn a_failed_authentication_is_answered_after_the_configured_delay() {
    let delay = Duration::from_millis(400);
    let cluster = StubCluster::builder()
        .listener(SecurityProtocol::SaslPlaintext)
        .plain_user("alice", "alice-secret")
        .connection_failed_authentication_delay(delay)
        .start()
        .await
        .expect("stub");
    let mut c = Wire::tcp(sasl_addr(&cluster)).await;
    assert_eq!(c.handshake("PLAIN").await.error_code, 0);
    let started = std::time::Instant::now();
    let refused = c.authenticate(b"\0alice\0wrong").await.expect("an answer");
    assert_eq!(refused.error_code, ErrorCode::SASL_AUTHENTICATION_FAILED.0);
    assert!(started.elapsed() >= delay, "answered after {:?}", started.elapsed());
    assert!(c.is_closed().await);
    // A good password is not delayed.
    let mut c = Wire::tcp(sasl_addr(&cluster)).await;
    let started = std::time::Instant::now();
    assert_eq!(c.plain("alice", "alice-secret").await.error_code, 0);
    assert!(started.elapsed() < delay, "took {:?}", started.elapsed());

    // Kafka's default is 100 ms.
    let default = sasl_cluster(1).await;
    let mut c = Wire::tcp(sasl_addr(&default)).await;
    assert_eq!(c.handshake("PLAIN").await.error_code, 0);
    let started = std::time::Instant::now();
    assert!(c.authenticate(b"\0alice\0wrong").await.is_some());
    assert!(started.elapsed() >= Duration::from_millis(100), "answered after {:?}", started.elapsed());
}

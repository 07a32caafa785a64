//! An OAuth 2 identity provider for tests of SASL/OAUTHBEARER with signed tokens (KIP-768): an
//! [`Issuer`] that signs JWTs (ES256) and publishes its key as a JWKS document, and a
//! [`TokenEndpoint`] on loopback that hands its tokens to clients with the client-credentials
//! grant, over HTTP or HTTPS.
//!
//! A secured JVM cluster ([`jvm::security`](super::jvm::security)) makes an issuer at each
//! start and has its `OIDC` listener validate tokens against the issuer's JWKS
//! ([`Security::oidc_issuer`](super::jvm::security::Security::oidc_issuer)); a test then starts
//! a token endpoint with that issuer and points a client's
//! `sasl.oauthbearer.token.endpoint.url` at it:
//!
//! ```no_run
//! # async fn demo(security: &kfk_testkit::jvm::Security) -> Result<(), Box<dyn std::error::Error>> {
//! use kfk_testkit::oidc::{Client, TokenEndpoint};
//!
//! let endpoint = TokenEndpoint::start(security.oidc_issuer()?, [Client::new("app", "app-secret", "admin")]).await?;
//! let jaas = "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required \
//!             clientId=\"app\" clientSecret=\"app-secret\" scope=\"kafka\";";
//! // sasl.oauthbearer.token.endpoint.url = endpoint.url(), sasl.jaas.config = jaas
//! # let _ = (endpoint, jaas); Ok(()) }
//! ```
//!
//! The endpoint checks the client's id and secret (HTTP Basic, as KIP-768 sends them) and the
//! grant type, and answers RFC 6749's JSON: `access_token`, `token_type`, `expires_in`, `scope`;
//! a wrong secret gets `401` with `{"error":"invalid_client"}`. It counts the tokens it issued,
//! so a test can see a client refresh its token.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use rcgen::KeyPair;
use ring::rand::SystemRandom;
use ring::signature::{EcdsaKeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};
use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use serde_json::{json, Value};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_rustls::TlsAcceptor;

/// The most bytes of one request the endpoint reads (a token request is a few hundred).
const MAX_REQUEST: usize = 64 * 1024;
/// How long the endpoint waits for a request to arrive in full.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Why the identity provider failed: its key, a token, its endpoint.
#[derive(Debug, thiserror::Error)]
#[error("the test OAuth identity provider failed: {0}")]
pub struct OidcError(String);

impl OidcError {
    pub(crate) fn new(what: impl Into<String>) -> OidcError {
        OidcError(what.into())
    }
}

fn failed(what: impl Into<String>) -> OidcError {
    OidcError::new(what)
}

/// Signs JWTs with an ECDSA P-256 key (JWS `ES256`) and names it `kid` in a JWKS document.
/// Its tokens carry `iss` and `aud`, so a validator configured with
/// `sasl.oauthbearer.expected.issuer` and `.audience` checks them too.
pub struct Issuer {
    key: EcdsaKeyPair,
    key_pem: String,
    kid: String,
    issuer: String,
    audience: String,
}

impl std::fmt::Debug for Issuer {
    // The private key stays out of logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Issuer")
            .field("kid", &self.kid)
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .finish_non_exhaustive()
    }
}

impl Issuer {
    /// A fresh key.
    pub fn generate(kid: &str, issuer: &str, audience: &str) -> Result<Issuer, OidcError> {
        let key = KeyPair::generate().map_err(|e| failed(format!("generating a signing key: {e}")))?;
        Issuer::from_pem(&key.serialize_pem(), kid, issuer, audience)
    }

    /// The key of a PKCS#8 PEM file's text (an ECDSA P-256 key, as [`Issuer::key_pem`] gives).
    pub fn from_pem(pem: &str, kid: &str, issuer: &str, audience: &str) -> Result<Issuer, OidcError> {
        let pair = KeyPair::from_pem(pem).map_err(|e| failed(format!("reading the signing key: {e}")))?;
        let key =
            EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &pair.serialize_der(), &SystemRandom::new())
                .map_err(|e| failed(format!("the signing key is not an ECDSA P-256 key: {e}")))?;
        Ok(Issuer {
            key,
            key_pem: pem.to_string(),
            kid: kid.to_string(),
            issuer: issuer.to_string(),
            audience: audience.to_string(),
        })
    }

    /// The private key, PKCS#8 PEM.
    pub fn key_pem(&self) -> &str {
        &self.key_pem
    }

    /// The key id (`kid`) in the tokens' header and the JWKS.
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The `iss` claim of the tokens.
    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// The `aud` claim of the tokens.
    pub fn audience(&self) -> &str {
        &self.audience
    }

    /// The public key as a JWKS document (RFC 7517): `{"keys":[{"kty":"EC","crv":"P-256",...}]}`.
    pub fn jwks(&self) -> Value {
        use ring::signature::KeyPair as _;
        // An uncompressed point: 0x04, then X and Y, 32 bytes each.
        let point = self.key.public_key().as_ref();
        let (x, y) = point[1..].split_at(32);
        json!({"keys": [{
            "kty": "EC",
            "crv": "P-256",
            "x": URL_SAFE_NO_PAD.encode(x),
            "y": URL_SAFE_NO_PAD.encode(y),
            "kid": self.kid,
            "use": "sig",
            "alg": "ES256",
        }]})
    }

    /// A signed token for `subject`, valid for `lifetime` from now, with `scope` (space
    /// separated) if not empty.
    pub fn token(&self, subject: &str, lifetime: Duration, scope: &str) -> Result<String, OidcError> {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        let mut claims = json!({
            "iss": self.issuer,
            "aud": self.audience,
            "sub": subject,
            "iat": now,
            "exp": now + lifetime.as_secs().max(1),
        });
        if !scope.is_empty() {
            claims["scope"] = json!(scope);
        }
        self.sign(&claims)
    }

    /// `claims` signed as a compact JWS (`ES256`, this key's `kid`).
    pub fn sign(&self, claims: &Value) -> Result<String, OidcError> {
        let header = json!({"alg": "ES256", "typ": "JWT", "kid": self.kid});
        let signing_input =
            format!("{}.{}", URL_SAFE_NO_PAD.encode(header.to_string()), URL_SAFE_NO_PAD.encode(claims.to_string()));
        let signature = self
            .key
            .sign(&SystemRandom::new(), signing_input.as_bytes())
            .map_err(|e| failed(format!("signing a token: {e}")))?;
        Ok(format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature.as_ref())))
    }
}

/// A client the [`TokenEndpoint`] knows: its id, its secret, and the `sub` of its tokens.
#[derive(Clone)]
pub struct Client {
    id: String,
    secret: String,
    subject: String,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("id", &self.id).field("subject", &self.subject).finish_non_exhaustive()
    }
}

impl Client {
    /// Client `id` with `secret`, whose tokens name `subject` (the Kafka principal
    /// `User:<subject>`).
    pub fn new(id: &str, secret: &str, subject: &str) -> Client {
        Client { id: id.into(), secret: secret.into(), subject: subject.into() }
    }
}

struct Shared {
    issuer: Issuer,
    clients: Vec<Client>,
    lifetime: Duration,
    issued: AtomicUsize,
    refused: AtomicUsize,
}

/// A token endpoint on `127.0.0.1`, serving until dropped.
pub struct TokenEndpoint {
    url: String,
    ca_pem: Option<String>,
    shared: Arc<Shared>,
    task: JoinHandle<()>,
}

impl std::fmt::Debug for TokenEndpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenEndpoint").field("url", &self.url).finish_non_exhaustive()
    }
}

impl Drop for TokenEndpoint {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl TokenEndpoint {
    /// Serves `http://127.0.0.1:<port>/oauth2/token`, tokens valid for an hour.
    pub async fn start(issuer: Issuer, clients: impl IntoIterator<Item = Client>) -> Result<TokenEndpoint, OidcError> {
        TokenEndpoint::start_with(issuer, clients, Duration::from_secs(3600)).await
    }

    /// Serves plain HTTP, tokens valid for `lifetime`.
    pub async fn start_with(
        issuer: Issuer,
        clients: impl IntoIterator<Item = Client>,
        lifetime: Duration,
    ) -> Result<TokenEndpoint, OidcError> {
        TokenEndpoint::serve(issuer, clients, lifetime, None).await
    }

    /// Serves `https://127.0.0.1:<port>/oauth2/token`, tokens valid for `lifetime`, with a
    /// certificate for `127.0.0.1` and `localhost` from a CA made here ([`TokenEndpoint::ca_pem`]
    /// is what a client must trust).
    pub async fn start_https(
        issuer: Issuer,
        clients: impl IntoIterator<Item = Client>,
        lifetime: Duration,
    ) -> Result<TokenEndpoint, OidcError> {
        let tls = https_identity().map_err(|e| failed(format!("making the token endpoint's certificate: {e}")))?;
        TokenEndpoint::serve(issuer, clients, lifetime, Some(tls)).await
    }

    async fn serve(
        issuer: Issuer,
        clients: impl IntoIterator<Item = Client>,
        lifetime: Duration,
        tls: Option<(TlsAcceptor, String)>,
    ) -> Result<TokenEndpoint, OidcError> {
        let listener = TcpListener::bind(("127.0.0.1", 0))
            .await
            .map_err(|e| failed(format!("binding the token endpoint: {e}")))?;
        let port = listener.local_addr().map_err(|e| failed(e.to_string()))?.port();
        let scheme = if tls.is_some() { "https" } else { "http" };
        let shared = Arc::new(Shared {
            issuer,
            clients: clients.into_iter().collect(),
            lifetime,
            issued: AtomicUsize::new(0),
            refused: AtomicUsize::new(0),
        });
        let (acceptor, ca_pem) = tls.unzip();
        let serving = Arc::clone(&shared);
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (shared, acceptor) = (Arc::clone(&serving), acceptor.clone());
                tokio::spawn(async move {
                    let served = tokio::time::timeout(REQUEST_TIMEOUT, async {
                        match acceptor {
                            Some(acceptor) => match acceptor.accept(stream).await {
                                Ok(tls) => serve(tls, &shared).await,
                                Err(e) => tracing::debug!("token endpoint: TLS handshake failed: {e}"),
                            },
                            None => serve(stream, &shared).await,
                        }
                    });
                    let _ = served.await;
                });
            }
        });
        Ok(TokenEndpoint { url: format!("{scheme}://127.0.0.1:{port}/oauth2/token"), ca_pem, shared, task })
    }

    /// The CA certificate (PEM) of an https endpoint.
    pub fn ca_pem(&self) -> Option<&str> {
        self.ca_pem.as_deref()
    }

    /// The URL to give as `sasl.oauthbearer.token.endpoint.url`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// How many tokens it has issued.
    pub fn issued(&self) -> usize {
        self.shared.issued.load(Ordering::SeqCst)
    }

    /// How many requests it refused (unknown client, wrong secret, bad grant).
    pub fn refused(&self) -> usize {
        self.shared.refused.load(Ordering::SeqCst)
    }
}

/// The endpoint's TLS: a certificate for `127.0.0.1` and `localhost` from a fresh test CA (made
/// as a secured cluster's are), and that CA's certificate (PEM) for clients to trust.
fn https_identity() -> Result<(TlsAcceptor, String), String> {
    let pki = crate::jvm::security::certificates::generate(&[]).map_err(|e| e.to_string())?;
    let chain = CertificateDer::pem_slice_iter(pki.broker.cert.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    let key = PrivateKeyDer::from_pem_slice(pki.broker.key.as_bytes()).map_err(|e| e.to_string())?;
    // The provider is passed explicitly: installing a process default would clash with the
    // test's own choice.
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .map_err(|e| e.to_string())?;
    Ok((TlsAcceptor::from(Arc::new(config)), pki.ca_cert))
}

/// Reads one request, answers it, closes.
async fn serve<S: AsyncRead + AsyncWrite + Unpin>(mut stream: S, shared: &Shared) {
    let (status, body) = match read_request(&mut stream).await {
        Ok((head, body)) => answer(&head, &body, shared),
        Err(reason) => (400, json!({"error": "invalid_request", "error_description": reason})),
    };
    if status != 200 {
        shared.refused.fetch_add(1, Ordering::SeqCst);
    }
    let body = body.to_string();
    let reason = if status == 200 { "OK" } else { "Error" };
    let response = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: \
         close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(response.as_bytes()).await;
    let _ = stream.shutdown().await;
}

/// The request's head (request line and headers) and its body (by `Content-Length`).
async fn read_request<S: AsyncRead + Unpin>(stream: &mut S) -> Result<(String, Vec<u8>), String> {
    let mut data = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).into_owned();
            let length = head
                .lines()
                .filter_map(|l| l.split_once(':'))
                .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
                .map(|(_, v)| v.trim().parse::<usize>().map_err(|_| "a bad Content-Length".to_string()))
                .transpose()?
                .unwrap_or(0);
            if end + 4 + length > MAX_REQUEST {
                return Err("the request is too large".into());
            }
            if data.len() >= end + 4 + length {
                return Ok((head, data[end + 4..end + 4 + length].to_vec()));
            }
        }
        if data.len() > MAX_REQUEST {
            return Err("the request is too large".into());
        }
        let n = stream.read(&mut chunk).await.map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("the request ended early".into());
        }
        data.extend_from_slice(&chunk[..n]);
    }
}

/// The status and JSON body for a token request.
fn answer(head: &str, body: &[u8], shared: &Shared) -> (u16, Value) {
    let refuse = |status: u16, error: &str, description: &str| {
        (status, json!({"error": error, "error_description": description}))
    };
    if !head.starts_with("POST ") {
        return refuse(405, "invalid_request", "POST a client-credentials request");
    }
    let basic = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("authorization"))
        .and_then(|(_, v)| v.trim().strip_prefix("Basic "))
        .and_then(|b64| STANDARD.decode(b64.trim()).ok())
        .and_then(|raw| String::from_utf8(raw).ok());
    let Some((id, secret)) = basic.as_deref().and_then(|b| b.split_once(':')) else {
        return refuse(401, "invalid_client", "no HTTP Basic client credentials");
    };
    let (id, secret) = (form_decode(id), form_decode(secret));
    let Some(client) = shared.clients.iter().find(|c| c.id == id && c.secret == secret) else {
        return refuse(401, "invalid_client", "unknown client or wrong secret");
    };
    let form: Vec<(String, String)> = String::from_utf8_lossy(body)
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (form_decode(k), form_decode(v)))
        .collect();
    let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    if field("grant_type") != Some("client_credentials") {
        return refuse(400, "unsupported_grant_type", "only client_credentials");
    }
    let scope = field("scope").unwrap_or("");
    match shared.issuer.token(&client.subject, shared.lifetime, scope) {
        Ok(token) => {
            shared.issued.fetch_add(1, Ordering::SeqCst);
            (
                200,
                json!({
                    "access_token": token,
                    "token_type": "Bearer",
                    "expires_in": shared.lifetime.as_secs(),
                    "scope": scope,
                }),
            )
        }
        Err(e) => refuse(500, "server_error", &e.to_string()),
    }
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte.
fn form_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn tokens_verify_against_the_jwks_key() {
        let issuer = Issuer::generate("k1", "https://idp.test", "kafka").unwrap();
        let token = issuer.token("admin", Duration::from_secs(60), "kafka").unwrap();
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3);
        let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[0]).unwrap()).unwrap();
        assert_eq!(header["kid"], "k1");
        assert_eq!(header["alg"], "ES256");
        let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
        assert_eq!((claims["sub"].as_str(), claims["aud"].as_str()), (Some("admin"), Some("kafka")));

        // The JWKS point verifies the signature; a changed claim does not.
        let jwks = issuer.jwks();
        let key = &jwks["keys"][0];
        let mut point = vec![4u8];
        point.extend(URL_SAFE_NO_PAD.decode(key["x"].as_str().unwrap()).unwrap());
        point.extend(URL_SAFE_NO_PAD.decode(key["y"].as_str().unwrap()).unwrap());
        let public = ring::signature::UnparsedPublicKey::new(&ring::signature::ECDSA_P256_SHA256_FIXED, &point);
        let signature = URL_SAFE_NO_PAD.decode(parts[2]).unwrap();
        let input = format!("{}.{}", parts[0], parts[1]);
        public.verify(input.as_bytes(), &signature).unwrap();
        let forged = format!("{}.{}", parts[0], URL_SAFE_NO_PAD.encode(br#"{"sub":"root"}"#));
        assert!(public.verify(forged.as_bytes(), &signature).is_err());

        let again = Issuer::from_pem(issuer.key_pem(), "k1", "https://idp.test", "kafka").unwrap();
        assert_eq!(again.jwks(), jwks);
        assert!(!format!("{again:?}").contains("PRIVATE"));
    }

    #[tokio::test]
    async fn the_endpoint_checks_credentials() {
        let issuer = Issuer::generate("k1", "https://idp.test", "kafka").unwrap();
        let endpoint = TokenEndpoint::start(issuer, [Client::new("app", "s3cr:t", "admin")]).await.unwrap();
        let port: u16 = endpoint.url().split(':').nth(2).unwrap().split('/').next().unwrap().parse().unwrap();
        let post = |auth: String| async move {
            let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port)).await.unwrap();
            let body = "grant_type=client_credentials&scope=kafka";
            let request = format!(
                "POST /oauth2/token HTTP/1.1\r\nAuthorization: Basic {}\r\nContent-Length: {}\r\n\r\n{body}",
                STANDARD.encode(auth),
                body.len()
            );
            stream.write_all(request.as_bytes()).await.unwrap();
            let mut answer = String::new();
            stream.read_to_string(&mut answer).await.unwrap();
            answer
        };
        let ok = post("app:s3cr%3At".into()).await;
        assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
        assert!(ok.contains("\"access_token\""), "{ok}");
        let wrong = post("app:nope".into()).await;
        assert!(wrong.starts_with("HTTP/1.1 401"), "{wrong}");
        assert!(wrong.contains("invalid_client"), "{wrong}");
        assert_eq!((endpoint.issued(), endpoint.refused()), (1, 1));
    }

    #[test]
    fn form_decoding() {
        assert_eq!(form_decode("a+b%3Ac%zz%4"), "a b:c%zz%4");
    }
}

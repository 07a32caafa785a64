//! OAUTHBEARER tokens from an OAuth 2 token endpoint with the client-credentials grant
//! (KIP-768; cargo feature `oauth-oidc`): what the Java client's `OAuthBearerLoginCallbackHandler`
//! does with `sasl.oauthbearer.token.endpoint.url` and the JAAS options `clientId`,
//! `clientSecret` and `scope`.
//!
//! The request is `POST <endpoint>` with `Authorization: Basic base64(urlencode(id) ":"
//! urlencode(secret))` and the form body `grant_type=client_credentials[&scope=...]`; the answer
//! is JSON with `access_token`, a JWT whose claims ([`OAuthToken::from_jwt`]) give its expiry
//! and principal.
//!
//! The HTTP exchange goes through a [`TokenEndpointTransport`]. The built-in [`HttpTransport`]
//! speaks HTTP/1.1 over TCP to `http://` endpoints (a local identity provider, tests) and, with
//! the cargo feature `tls`, over rustls to `https://` ones; another transport (a proxy, an HTTP
//! client the application already has) plugs in with [`ClientCredentialsProvider::transport`].

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use futures_util::future::BoxFuture;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::oauthbearer::{OAuthToken, TokenProvider};
use super::SaslError;
use crate::secret::Secret;

/// The most bytes read from a token endpoint's answer.
const MAX_RESPONSE: usize = 1 << 20;

fn credentials(detail: impl Into<String>) -> SaslError {
    SaslError::Credentials { mechanism: "OAUTHBEARER".into(), detail: detail.into() }
}

/// One `POST` of a form to a token endpoint. Header values are [`Secret`]s (one carries the
/// client secret).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct TokenRequest {
    /// The endpoint URL.
    pub url: String,
    /// Headers, in order.
    pub headers: Vec<(String, Secret)>,
    /// The form body (`grant_type=client_credentials&scope=...`; no secret).
    pub body: String,
}

/// An HTTP status and body.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TokenResponse {
    /// The HTTP status code.
    pub status: u16,
    /// The body.
    pub body: Vec<u8>,
}

impl TokenResponse {
    /// An answer of `status` with `body`, as a [`TokenEndpointTransport`] of one's own
    /// returns it.
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        TokenResponse { status, body: body.into() }
    }
}

/// Sends a [`TokenRequest`] ([`HttpTransport`] is the built-in one).
pub trait TokenEndpointTransport: Send + Sync + fmt::Debug {
    /// Posts `request`; an error says what failed without showing header values.
    fn post<'a>(&'a self, request: &'a TokenRequest) -> BoxFuture<'a, Result<TokenResponse, String>>;
}

/// HTTP/1.1 to the token endpoint: over TCP for `http://`, over TLS for `https://` (with the
/// cargo feature `tls`, verified against the operating system's roots unless a rustls
/// configuration is given).
#[derive(Clone)]
pub struct HttpTransport {
    timeout: Duration,
    #[cfg(feature = "tls")]
    tls: Option<Arc<rustls::ClientConfig>>,
}

impl fmt::Debug for HttpTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpTransport").field("timeout", &self.timeout).finish_non_exhaustive()
    }
}

impl Default for HttpTransport {
    fn default() -> HttpTransport {
        HttpTransport::new(Duration::from_secs(20))
    }
}

impl HttpTransport {
    /// A transport whose exchanges (connect, TLS handshake, send, read) end within `timeout`
    /// (`sasl.login.connect.timeout.ms` plus `sasl.login.read.timeout.ms`; 20 s by default).
    pub fn new(timeout: Duration) -> HttpTransport {
        HttpTransport {
            timeout,
            #[cfg(feature = "tls")]
            tls: None,
        }
    }

    /// The TLS configuration for `https://` endpoints (what `ssl.*` options in the JAAS
    /// configuration build, as Java's login module reads them); without it the operating
    /// system's root certificates are trusted.
    #[cfg(feature = "tls")]
    pub fn with_tls(mut self, config: Arc<rustls::ClientConfig>) -> HttpTransport {
        self.tls = Some(config);
        self
    }

    async fn over<S>(
        &self,
        mut stream: S,
        authority: &str,
        path: &str,
        request: &TokenRequest,
    ) -> Result<TokenResponse, String>
    where
        S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
    {
        let mut message = format!(
            "POST {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\nContent-Length: {}\r\n",
            request.body.len()
        )
        .into_bytes();
        for (name, value) in &request.headers {
            message.extend_from_slice(name.as_bytes());
            message.extend_from_slice(b": ");
            message.extend_from_slice(value.expose().as_bytes());
            message.extend_from_slice(b"\r\n");
        }
        message.extend_from_slice(b"\r\n");
        message.extend_from_slice(request.body.as_bytes());
        stream.write_all(&message).await.map_err(|e| format!("cannot send to the token endpoint: {e}"))?;
        stream.flush().await.map_err(|e| format!("cannot send to the token endpoint: {e}"))?;
        let mut answer = Vec::new();
        let read = (&mut stream).take(MAX_RESPONSE as u64 + 1).read_to_end(&mut answer).await;
        if answer.len() > MAX_RESPONSE {
            return Err("the token endpoint's answer is over 1 MiB".to_string());
        }
        match read {
            Ok(_) => parse_http_response(&answer),
            // Many HTTPS servers close without TLS's close_notify; an answer whose length its
            // headers give is whole all the same.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => match parse_http_response(&answer) {
                Ok(response) if framed(&answer) => Ok(response),
                _ => Err(format!("the token endpoint closed the connection mid-answer: {e}")),
            },
            Err(e) => Err(format!("cannot read the token endpoint's answer: {e}")),
        }
    }

    #[cfg(feature = "tls")]
    async fn over_tls(
        &self,
        tcp: tokio::net::TcpStream,
        url: &EndpointUrl<'_>,
        request: &TokenRequest,
    ) -> Result<TokenResponse, String> {
        let config = match &self.tls {
            Some(config) => config.clone(),
            None => crate::net::tls::client_config(&crate::config::TlsConfig::default())
                .map_err(|e| format!("cannot load the system's root certificates: {e}"))?,
        };
        let name = rustls::pki_types::ServerName::try_from(url.host.trim_matches(['[', ']']).to_string())
            .map_err(|_| format!("`{}` is not a valid TLS server name", url.host))?;
        let stream = tokio_rustls::TlsConnector::from(config)
            .connect(name, tcp)
            .await
            .map_err(|e| format!("TLS handshake with the token endpoint failed: {e}"))?;
        self.over(stream, &url.authority(), url.path, request).await
    }
}

/// Whether an HTTP answer says where it ends (`Content-Length` or chunked), so one cut short
/// by a close is told apart from a whole one.
fn framed(answer: &[u8]) -> bool {
    let Some(end) = answer.windows(4).position(|w| w == b"\r\n\r\n") else { return false };
    String::from_utf8_lossy(&answer[..end]).lines().any(|line| {
        let lower = line.to_ascii_lowercase();
        lower.starts_with("content-length:") || (lower.starts_with("transfer-encoding:") && lower.contains("chunked"))
    })
}

/// A token endpoint URL taken apart.
#[derive(Debug, PartialEq, Eq)]
struct EndpointUrl<'a> {
    tls: bool,
    /// The host; an IPv6 address stays in brackets.
    host: &'a str,
    port: u16,
    path: &'a str,
}

impl EndpointUrl<'_> {
    /// `http(s)://host[:port]/path`, `None` for anything else (user info included).
    fn parse(url: &str) -> Option<EndpointUrl<'_>> {
        let (tls, rest) = match url.strip_prefix("https://") {
            Some(rest) => (true, rest),
            None => (false, url.strip_prefix("http://")?),
        };
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        if authority.is_empty() || authority.contains('@') {
            return None;
        }
        let host_end = if authority.starts_with('[') {
            authority.find(']')? + 1
        } else {
            authority.find(':').unwrap_or(authority.len())
        };
        let (host, port) = authority.split_at(host_end);
        let port = match port.strip_prefix(':') {
            Some(port) => port.parse().ok()?,
            None if port.is_empty() => {
                if tls {
                    443
                } else {
                    80
                }
            }
            None => return None,
        };
        Some(EndpointUrl { tls, host, port, path })
    }

    fn authority(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}

impl TokenEndpointTransport for HttpTransport {
    fn post<'a>(&'a self, request: &'a TokenRequest) -> BoxFuture<'a, Result<TokenResponse, String>> {
        Box::pin(async move {
            let url = EndpointUrl::parse(&request.url)
                .ok_or_else(|| "the token endpoint is not an http(s)://host[:port]/path URL".to_string())?;
            #[cfg(not(feature = "tls"))]
            if url.tls {
                return Err("an https:// token endpoint needs kafka-client's cargo feature `tls`".to_string());
            }
            let exchange = async {
                let tcp = tokio::net::TcpStream::connect((url.host.trim_matches(['[', ']']), url.port))
                    .await
                    .map_err(|e| format!("cannot connect to the token endpoint: {e}"))?;
                #[cfg(feature = "tls")]
                if url.tls {
                    return self.over_tls(tcp, &url, request).await;
                }
                self.over(tcp, &url.authority(), url.path, request).await
            };
            tokio::time::timeout(self.timeout, exchange)
                .await
                .map_err(|_| format!("the token endpoint did not answer within {:?}", self.timeout))?
        })
    }
}

/// An HTTP/1.1 answer read to the end of the connection: status, then the body (by
/// `Content-Length`, chunked, or to the end).
fn parse_http_response(answer: &[u8]) -> Result<TokenResponse, String> {
    let malformed = || "the token endpoint's answer is not HTTP/1.x".to_string();
    let end = answer.windows(4).position(|w| w == b"\r\n\r\n").ok_or_else(malformed)?;
    let head = std::str::from_utf8(&answer[..end]).map_err(|_| malformed())?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.splitn(3, ' ');
    if !parts.next().unwrap_or_default().starts_with("HTTP/1.") {
        return Err(malformed());
    }
    let status: u16 = parts.next().and_then(|s| s.parse().ok()).ok_or_else(malformed)?;
    let mut chunked = false;
    let mut length = None;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else { continue };
        let value = value.trim();
        if name.eq_ignore_ascii_case("transfer-encoding") && value.to_ascii_lowercase().contains("chunked") {
            chunked = true;
        } else if name.eq_ignore_ascii_case("content-length") {
            length = Some(value.parse::<usize>().map_err(|_| malformed())?);
        }
    }
    let rest = &answer[end + 4..];
    let body = if chunked {
        dechunk(rest).ok_or_else(|| "the token endpoint's chunked answer is malformed".to_string())?
    } else {
        match length {
            Some(n) if n <= rest.len() => rest[..n].to_vec(),
            Some(_) => return Err("the token endpoint's answer is shorter than its Content-Length".into()),
            None => rest.to_vec(),
        }
    };
    Ok(TokenResponse { status, body })
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(body);
        }
        if data.len() < size + 2 {
            return None;
        }
        body.extend_from_slice(&data[..size]);
        data = &data[size + 2..];
    }
}

/// `application/x-www-form-urlencoded` (as Java's `URLEncoder`): letters, digits and `.-*_`
/// stay, space becomes `+`, every other byte `%XX`.
fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'*' | b'_' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Tokens from a token endpoint with the client-credentials grant.
///
/// ```
/// use kfk_client::sasl::oidc::ClientCredentialsProvider;
///
/// let provider = ClientCredentialsProvider::new("http://localhost:8080/token", "my-client", "my-secret")
///     .scope("kafka");
/// assert!(!format!("{provider:?}").contains("my-secret"));
/// ```
#[derive(Clone)]
pub struct ClientCredentialsProvider {
    url: String,
    client_id: String,
    client_secret: Secret,
    scope: Option<String>,
    principal_claim: String,
    extensions: BTreeMap<String, String>,
    transport: Arc<dyn TokenEndpointTransport>,
}

impl fmt::Debug for ClientCredentialsProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientCredentialsProvider")
            .field("url", &self.url)
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .field("scope", &self.scope)
            .field("principal_claim", &self.principal_claim)
            .field("transport", &self.transport)
            .finish_non_exhaustive()
    }
}

impl ClientCredentialsProvider {
    /// Tokens for `client_id`/`client_secret` from the token endpoint `url`, over
    /// [`HttpTransport`] until [`ClientCredentialsProvider::transport`] gives another.
    pub fn new(
        url: impl Into<String>,
        client_id: impl Into<String>,
        client_secret: impl Into<Secret>,
    ) -> ClientCredentialsProvider {
        ClientCredentialsProvider {
            url: url.into(),
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            scope: None,
            principal_claim: "sub".into(),
            extensions: BTreeMap::new(),
            transport: Arc::new(HttpTransport::default()),
        }
    }

    /// The scope to ask for (JAAS option `scope`).
    pub fn scope(mut self, scope: impl Into<String>) -> ClientCredentialsProvider {
        self.scope = Some(scope.into()).filter(|s| !s.is_empty());
        self
    }

    /// The claim naming the principal (`sasl.oauthbearer.sub.claim.name`, default `sub`).
    pub fn principal_claim(mut self, name: impl Into<String>) -> ClientCredentialsProvider {
        self.principal_claim = name.into();
        self
    }

    /// A SASL extension sent with the token (JAAS option `extension_<key>`).
    pub fn extension(mut self, key: impl Into<String>, value: impl Into<String>) -> ClientCredentialsProvider {
        self.extensions.insert(key.into(), value.into());
        self
    }

    /// The transport (one over TLS for `https://`).
    pub fn transport(mut self, transport: Arc<dyn TokenEndpointTransport>) -> ClientCredentialsProvider {
        self.transport = transport;
        self
    }

    /// The request this provider posts.
    pub fn request(&self) -> TokenRequest {
        let basic = format!("{}:{}", form_encode(&self.client_id), form_encode(self.client_secret.expose()));
        let mut body = "grant_type=client_credentials".to_string();
        if let Some(scope) = &self.scope {
            body.push_str("&scope=");
            body.push_str(&form_encode(scope));
        }
        TokenRequest {
            url: self.url.clone(),
            headers: vec![
                ("Accept".into(), Secret::new("application/json")),
                ("Authorization".into(), Secret::new(format!("Basic {}", STANDARD.encode(basic)))),
                ("Cache-Control".into(), Secret::new("no-cache")),
                ("Content-Type".into(), Secret::new("application/x-www-form-urlencoded")),
            ],
            body,
        }
    }

    /// The token in a token endpoint's answer.
    pub fn token_from_response(&self, response: &TokenResponse) -> Result<OAuthToken, SaslError> {
        let json: Option<serde_json::Map<String, serde_json::Value>> = serde_json::from_slice(&response.body).ok();
        let text = |key: &str| json.as_ref().and_then(|m| m.get(key)).and_then(|v| v.as_str()).map(str::to_string);
        if !(200..300).contains(&response.status) {
            // The endpoint's own error words (RFC 6749 section 5.2), never our secret.
            let error = [text("error"), text("error_description")].into_iter().flatten().collect::<Vec<_>>();
            return Err(credentials(format!(
                "the token endpoint answered HTTP {}{}",
                response.status,
                if error.is_empty() { String::new() } else { format!(": {}", error.join(": ")) }
            )));
        }
        let access_token = text("access_token")
            .filter(|t| !t.is_empty())
            .ok_or_else(|| credentials("the token endpoint's answer has no access_token"))?;
        let mut token = OAuthToken::from_jwt(Secret::new(access_token), &self.principal_claim)?;
        token.extensions = self.extensions.clone();
        Ok(token)
    }
}

impl TokenProvider for ClientCredentialsProvider {
    fn token(&self) -> BoxFuture<'_, Result<OAuthToken, SaslError>> {
        Box::pin(async move {
            let request = self.request();
            let response = self.transport.post(&request).await.map_err(credentials)?;
            self.token_from_response(&response)
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use std::time::{SystemTime, UNIX_EPOCH};

    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use tokio::net::TcpListener;

    use super::*;

    fn jwt(sub: &str, exp: u64) -> String {
        let claims = URL_SAFE_NO_PAD.encode(format!(r#"{{"sub":"{sub}","exp":{exp},"scope":"kafka"}}"#));
        format!("eyJhbGciOiJSUzI1NiJ9.{claims}.c2ln")
    }

    #[test]
    fn the_request_is_kip768s() {
        let provider = ClientCredentialsProvider::new("http://idp/token", "my client", "s3cr:et&").scope("kafka write");
        let request = provider.request();
        assert_eq!(request.body, "grant_type=client_credentials&scope=kafka+write");
        let auth = request.headers.iter().find(|(n, _)| n == "Authorization").unwrap().1.expose().to_string();
        let decoded = String::from_utf8(STANDARD.decode(auth.strip_prefix("Basic ").unwrap()).unwrap()).unwrap();
        assert_eq!(decoded, "my+client:s3cr%3Aet%26");
        assert!(!format!("{request:?} {provider:?}").contains("s3cr"));
    }

    #[test]
    fn answers_become_tokens_or_errors_without_secrets() {
        let provider = ClientCredentialsProvider::new("http://idp/token", "c", "s3cret").extension("tenant", "blue");
        let body =
            format!(r#"{{"access_token":"{}","token_type":"Bearer","expires_in":3600}}"#, jwt("svc", 2_000_000_000));
        let token = provider.token_from_response(&TokenResponse { status: 200, body: body.into_bytes() }).unwrap();
        assert_eq!(token.principal, "svc");
        assert_eq!(token.expires_at, UNIX_EPOCH + Duration::from_secs(2_000_000_000));
        assert_eq!(token.extensions.get("tenant").map(String::as_str), Some("blue"));

        let denied = br#"{"error":"invalid_client","error_description":"bad secret"}"#.to_vec();
        let err = provider.token_from_response(&TokenResponse { status: 401, body: denied }).unwrap_err();
        assert_eq!(err.to_string(), "OAUTHBEARER: the token endpoint answered HTTP 401: invalid_client: bad secret");
        for body in [&b"not json"[..], br#"{"token_type":"Bearer"}"#, br#"{"access_token":"opaque"}"#] {
            let err = provider.token_from_response(&TokenResponse { status: 200, body: body.to_vec() }).unwrap_err();
            assert!(matches!(err, SaslError::Credentials { .. }), "{err}");
        }
    }

    #[test]
    fn http_answers_are_parsed() {
        let plain = parse_http_response(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}extra").unwrap();
        assert_eq!(plain, TokenResponse { status: 200, body: b"{}".to_vec() });
        let chunked = parse_http_response(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{\"a\r\n2;x\r\n\"}\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!(chunked.body, b"{\"a\"}");
        let to_end = parse_http_response(b"HTTP/1.0 404 Not Found\r\n\r\nnope").unwrap();
        assert_eq!(to_end, TokenResponse { status: 404, body: b"nope".to_vec() });
        for bad in
            [&b""[..], b"garbage\r\n\r\n", b"HTTP/1.1 abc\r\n\r\n", b"HTTP/1.1 200\r\nContent-Length: 9\r\n\r\n{}"]
        {
            assert!(parse_http_response(bad).is_err(), "{:?}", String::from_utf8_lossy(bad));
        }
        let url = |tls, host, port, path| Some(EndpointUrl { tls, host, port, path });
        assert_eq!(EndpointUrl::parse("http://h:8080/t"), url(false, "h", 8080, "/t"));
        assert_eq!(EndpointUrl::parse("http://h"), url(false, "h", 80, "/"));
        assert_eq!(EndpointUrl::parse("http://[::1]:9/t"), url(false, "[::1]", 9, "/t"));
        assert_eq!(EndpointUrl::parse("http://[::1]/"), url(false, "[::1]", 80, "/"));
        assert_eq!(EndpointUrl::parse("https://h/t"), url(true, "h", 443, "/t"));
        assert_eq!(
            EndpointUrl::parse("https://idp.example:8443/oauth2/token"),
            url(true, "idp.example", 8443, "/oauth2/token")
        );
        assert_eq!(EndpointUrl::parse("http://h:x/"), None);
        assert_eq!(EndpointUrl::parse("http://user@h/"), None);
        assert_eq!(EndpointUrl::parse("ftp://h/t"), None);
        assert!(framed(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));
        assert!(!framed(b"HTTP/1.1 200 OK\r\n\r\n{}"));
    }

    /// A one-shot token endpoint on loopback: checks the request and answers with a token.
    #[tokio::test]
    async fn fetches_a_token_over_http() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let exp = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() + 600;
        let token = jwt("svc", exp);
        let answer = token.clone();
        let server = tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut request = Vec::new();
            let mut buf = [0u8; 4096];
            while !request.ends_with(b"grant_type=client_credentials&scope=kafka") {
                let n = socket.read(&mut buf).await.unwrap();
                assert!(n > 0, "request cut short: {}", String::from_utf8_lossy(&request));
                request.extend_from_slice(&buf[..n]);
            }
            let body = format!(r#"{{"access_token":"{answer}","expires_in":600}}"#);
            let reply = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            );
            socket.write_all(reply.as_bytes()).await.unwrap();
            String::from_utf8(request).unwrap()
        });
        let provider =
            ClientCredentialsProvider::new(format!("http://127.0.0.1:{port}/oauth/token"), "c", "s").scope("kafka");
        let fetched = provider.token().await.unwrap();
        assert_eq!(fetched.value.expose(), token);
        assert_eq!(fetched.principal, "svc");
        let request = server.await.unwrap();
        assert!(request.starts_with("POST /oauth/token HTTP/1.1\r\n"), "{request}");
        assert!(request.contains("\r\nAuthorization: Basic Yzpz\r\n"), "{request}");
        assert!(request.contains("Content-Type: application/x-www-form-urlencoded\r\n"));
    }

    /// An https:// endpoint is spoken to over TLS: a plaintext HTTP server there is a failed
    /// handshake, not an answer (and without the `tls` feature, a refusal naming it).
    #[tokio::test]
    async fn https_endpoints_are_spoken_to_over_tls() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let _ = socket.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}").await;
            }
        });
        let https = ClientCredentialsProvider::new(format!("https://127.0.0.1:{port}/token"), "c", "s3cret");
        let err = https.token().await.unwrap_err().to_string();
        #[cfg(feature = "tls")]
        assert!(err.contains("TLS handshake with the token endpoint failed"), "{err}");
        #[cfg(not(feature = "tls"))]
        assert!(err.contains("feature `tls`"), "{err}");
        assert!(!err.contains("s3cret"), "{err}");
    }
}

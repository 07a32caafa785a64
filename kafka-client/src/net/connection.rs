//! One connection to one broker.
//!
//! Requests are pipelined: [`Connection::send`] frames a request, hands the frame to the
//! connection's writer task and waits for the response with the same correlation id, which the
//! reader task routes back. Because whole frames go through a channel to a single writer, a
//! caller that gives up (drops its future, or times out) can never leave half a frame on the
//! socket: the connection stays usable, and a late response is discarded.
//!
//! A request that times out closes the connection, as the Java client does: Kafka answers
//! requests on a connection in order, so once one is lost the ones behind it are suspect, and
//! the caller's retry goes over a fresh connection.
//!
//! The stream is a `TcpStream` (split into owned halves) or, for SSL and SASL_SSL, a rustls
//! stream over it (split with `tokio::io::split`); the reader and writer are generic over the
//! halves. Setting up (TCP, TLS, ApiVersions, SASL) is described in [`crate::net`]; the SASL
//! step and re-authentication in `net/authenticate.rs`.
//!
//! The reader checks each response from its first 8 bytes (size and correlation id) before it
//! buffers the body. A correlation id no request waits for means the stream is out of step: every
//! request on the connection fails at once with [`Error::CorrelationMismatch`] and the
//! connection closes. A frame larger than its API may cost ([`ConnectionConfig::response_cap`])
//! fails its request with [`Error::ResponseTooLarge`] and closes the connection, without being
//! read or decoded.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use kfk_protocol::frame::{self, FrameDecoder, FrameSizeError};
use kfk_protocol::messages::{ApiKey, ApiVersionsRequest, ApiVersionsResponse};
use kfk_protocol::{Decode, ErrorCode, Message, Request};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;
use tracing::field::{display, Empty};
use tracing::{debug, warn, Instrument, Span};

use super::authenticate::{self, Route};
use super::versions::ApiVersions;
use crate::error::{BrokerId, Error, Result, TlsFailure};
use crate::metrics::{ConnectionMeter, Registry};
use crate::sasl::Mechanism;

/// Settings of a connection.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ConnectionConfig {
    /// `client.id`, sent in every request header.
    pub client_id: Option<String>,
    /// `request.timeout.ms`: how long to wait for a response.
    pub request_timeout: Duration,
    /// `socket.connection.setup.timeout.ms`: how long setting a connection up may take: TCP,
    /// the TLS handshake, ApiVersions and the SASL exchange, all together.
    pub connect_timeout: Duration,
    /// `receive.message.max.bytes`: the largest response frame accepted, for the APIs that
    /// carry records (Fetch, ShareFetch, FetchSnapshot). Every other API (Metadata, the group
    /// and admin APIs, Produce acknowledgements...) gets [`NON_RECORD_FRACTION`] of it: their
    /// answers grow with the number of partitions, never with record data, and decoding one
    /// costs several times its size in memory (a 13-byte array element becomes a struct of
    /// about 100 bytes), so they get a far smaller cap than Fetch ([`Self::response_cap`]).
    pub max_response_size: usize,
    /// TLS and SASL (`security.protocol` and what it needs), resolved from
    /// [`crate::config::SecurityConfig`].
    pub security: ConnectionSecurity,
    /// `send.buffer.bytes` and `receive.buffer.bytes` (default: the operating system's).
    pub socket_buffers: crate::config::SocketBuffers,
}

/// What secures a connection: TLS (with a ready rustls configuration) and a SASL mechanism.
/// The default is neither (PLAINTEXT).
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct ConnectionSecurity {
    /// TLS: the rustls client configuration to use (feature `tls`).
    #[cfg(feature = "tls")]
    pub tls: Option<Arc<rustls::ClientConfig>>,
    /// SASL: the mechanism to authenticate with after ApiVersions.
    pub sasl: Option<Arc<dyn Mechanism>>,
}

impl ConnectionSecurity {
    /// Whether connections use TLS.
    pub fn uses_tls(&self) -> bool {
        #[cfg(feature = "tls")]
        {
            self.tls.is_some()
        }
        #[cfg(not(feature = "tls"))]
        {
            false
        }
    }
}

impl std::fmt::Debug for ConnectionSecurity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnectionSecurity")
            .field("tls", &self.uses_tls())
            .field("sasl", &self.sasl.as_ref().map(|m| m.name().to_string()))
            .finish()
    }
}

/// The share of `receive.message.max.bytes` that an answer without records may use: 1/8, so
/// 32 MiB by default. A Metadata answer costs about 45 bytes per partition, so 32 MiB is a
/// cluster of some 700,000 partitions asked for in one request, well past what real clusters
/// reach; a hostile or broken broker can then make the client decode at most that much
/// (a few hundred MB of structs) instead of the whole frame limit.
pub const NON_RECORD_FRACTION: usize = 8;

/// Connects to `addr` (every address its name resolves to, in turn, until one answers), with
/// the socket buffer sizes `buffers` fixes; without any, as `TcpStream::connect` does.
async fn connect_tcp(addr: &str, buffers: crate::config::SocketBuffers) -> std::io::Result<TcpStream> {
    if buffers == crate::config::SocketBuffers::default() {
        return TcpStream::connect(addr).await;
    }
    let mut last = None;
    for address in tokio::net::lookup_host(addr).await? {
        let socket =
            if address.is_ipv4() { tokio::net::TcpSocket::new_v4()? } else { tokio::net::TcpSocket::new_v6()? };
        // Set before connecting: the receive window is negotiated in the handshake.
        if let Some(size) = buffers.send {
            socket.set_send_buffer_size(size)?;
        }
        if let Some(size) = buffers.receive {
            socket.set_recv_buffer_size(size)?;
        }
        match socket.connect(address).await {
            Ok(stream) => return Ok(stream),
            Err(e) => last = Some(e),
        }
    }
    Err(last
        .unwrap_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, format!("{addr} resolves to no address"))))
}

/// The default `receive.message.max.bytes`: 256 MiB.
pub const DEFAULT_MAX_RESPONSE_SIZE: usize = 256 * 1024 * 1024;

impl Default for ConnectionConfig {
    fn default() -> Self {
        ConnectionConfig {
            client_id: Some("kafka-rs".into()),
            request_timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_response_size: DEFAULT_MAX_RESPONSE_SIZE,
            security: ConnectionSecurity::default(),
            socket_buffers: crate::config::SocketBuffers::default(),
        }
    }
}

impl ConnectionConfig {
    /// The largest response accepted for `api`, and the setting that decides it.
    pub fn response_cap(&self, api: ApiKey) -> (usize, &'static str) {
        match api {
            ApiKey::Fetch | ApiKey::ShareFetch | ApiKey::FetchSnapshot => {
                (self.max_response_size, "receive.message.max.bytes")
            }
            _ => (
                self.max_response_size / NON_RECORD_FRACTION,
                "receive.message.max.bytes (answers without records may use 1/8 of it)",
            ),
        }
    }
}

type Waiter = oneshot::Sender<Result<Bytes>>;

struct Pending {
    api: ApiKey,
    waiter: Waiter,
}

struct Shared {
    broker: BrokerId,
    config: ConnectionConfig,
    pending: Mutex<HashMap<i32, Pending>>,
    next_correlation: AtomicI32,
    closed: AtomicBool,
    /// When the connection was set up, and the last request sent or answered, in ms after it:
    /// what `connections.max.idle.ms` measures.
    born: Instant,
    last_active_ms: AtomicU64,
    /// Whether the stream is TLS (a plaintext stream whose first answer looks like TLS is a
    /// client speaking plain Kafka to a TLS port).
    tls: bool,
    /// The client's connection metrics, when the connection belongs to a client (a
    /// [`crate::cluster::Cluster`]); a connection made alone records nothing.
    meter: Option<ConnectionMeter>,
}

impl Shared {
    /// Marks the connection closed and fails every waiting request.
    fn fail_all(&self) {
        self.fail_all_with(|_, api| Error::Disconnected { broker: self.broker.clone(), api: Some(api.into()) });
    }

    /// Marks the connection closed and fails every waiting request with the error `error`
    /// makes from its correlation id and API.
    fn fail_all_with(&self, error: impl Fn(i32, ApiKey) -> Error) {
        self.closed.store(true, Ordering::SeqCst);
        if let Some(meter) = &self.meter {
            meter.closed();
        }
        let drained: Vec<(i32, Pending)> = self.lock_pending().drain().collect();
        for (correlation, p) in drained {
            let _ = p.waiter.send(Err(error(correlation, p.api)));
        }
    }

    fn sent(&self, bytes: usize) {
        if let Some(meter) = &self.meter {
            meter.sent(bytes);
        }
    }

    fn touch(&self) {
        self.last_active_ms.store(self.born.elapsed().as_millis() as u64, Ordering::Relaxed);
    }

    fn lock_pending(&self) -> std::sync::MutexGuard<'_, HashMap<i32, Pending>> {
        // A panic while holding this lock cannot leave the map inconsistent (single inserts and
        // removes), so a poisoned lock is still safe to use.
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A connection to one broker. Cloning gives another handle to the same connection.
#[derive(Clone)]
pub struct Connection {
    link: Link,
    versions: Arc<ApiVersions>,
    _tasks: Arc<Tasks>,
}

/// What the writer task is handed: ordinary frames on one channel, the frames of a
/// re-authentication on another (see [`AuthFrame`]).
#[derive(Clone)]
pub(crate) struct Link {
    shared: Arc<Shared>,
    frames: mpsc::UnboundedSender<Bytes>,
    auth: mpsc::UnboundedSender<AuthFrame>,
}

/// A frame of a re-authentication. From the first `Frame` until `End`, the writer writes
/// nothing else: the broker expects SaslHandshake and SaslAuthenticate as the next requests
/// (KIP-368), and ordinary requests wait in their channel meanwhile. No `Debug`: a frame may
/// hold credentials (PLAIN's password).
pub(crate) enum AuthFrame {
    Frame(Bytes),
    End,
}

struct Tasks {
    /// Counts the connection closed when its last handle goes (if it did not fail first).
    shared: Arc<Shared>,
    reader: JoinHandle<()>,
    writer: JoinHandle<()>,
    reauth: Mutex<Option<JoinHandle<()>>>,
}

impl Drop for Tasks {
    fn drop(&mut self) {
        if let Some(meter) = &self.shared.meter {
            meter.closed();
        }
        self.reader.abort();
        self.writer.abort();
        if let Some(reauth) = self.reauth.lock().unwrap_or_else(|p| p.into_inner()).take() {
            reauth.abort();
        }
    }
}

impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection")
            .field("broker", &self.link.shared.broker)
            .field("closed", &self.is_closed())
            .finish()
    }
}

impl Connection {
    /// Sets a connection up to `broker`: TCP, TLS when configured, ApiVersions, then the SASL
    /// exchange when configured, all within `connect_timeout`
    /// (`socket.connection.setup.timeout.ms`). Each step fails with its own typed error naming
    /// the broker ([`Error::Io`], [`Error::Tls`], [`Error::SaslMechanismUnsupported`],
    /// [`Error::SaslAuthenticationFailed`], [`Error::ConnectTimeout`]...).
    pub async fn connect(broker: BrokerId, config: ConnectionConfig) -> Result<Connection> {
        Self::connect_metered(broker, config, None).await
    }

    /// [`Connection::connect`], recording into a client's metrics: the connection's creation,
    /// close, requests, responses and latency, or its failed authentication.
    pub(crate) async fn connect_metered(
        broker: BrokerId,
        config: ConnectionConfig,
        metrics: Option<Arc<Registry>>,
    ) -> Result<Connection> {
        let failed_auth = metrics.as_ref().map(|m| m.connections.failed_auth.clone());
        let result = Self::connect_timed(broker, config, metrics).await;
        if let (Err(e), Some(failed_auth)) = (&result, failed_auth) {
            if e.is_authentication() {
                failed_auth.record(1.0);
            }
        }
        result
    }

    async fn connect_timed(
        broker: BrokerId,
        config: ConnectionConfig,
        metrics: Option<Arc<Registry>>,
    ) -> Result<Connection> {
        let span = tracing::info_span!("kafka.connection", node = broker.node_id, addr = %broker.addr);
        let connect_timeout = config.connect_timeout;
        let started = Instant::now();
        let conn = tokio::time::timeout(connect_timeout, Self::setup(broker.clone(), config, metrics, span.clone()))
            .instrument(span.clone())
            .await
            .map_err(|_| Error::ConnectTimeout { broker: broker.clone(), after: connect_timeout })??;
        span.in_scope(|| debug!(elapsed_ms = started.elapsed().as_millis() as u64, "connected"));
        Ok(conn)
    }

    async fn setup(
        broker: BrokerId,
        config: ConnectionConfig,
        metrics: Option<Arc<Registry>>,
        span: tracing::Span,
    ) -> Result<Connection> {
        let stream = connect_tcp(&broker.addr, config.socket_buffers)
            .await
            .map_err(|source| Error::Io { broker: broker.clone(), source })?;
        stream.set_nodelay(true).map_err(|source| Error::Io { broker: broker.clone(), source })?;
        let sasl = config.security.sasl.clone();
        #[cfg(feature = "tls")]
        let mut conn = match config.security.tls.clone() {
            Some(tls) => {
                let stream = super::tls::handshake(stream, tls, &broker).await?;
                let (read, write) = tokio::io::split(stream);
                Connection::start(broker.clone(), config, metrics, read, write, true, &span)
            }
            None => {
                let (read, write) = stream.into_split();
                Connection::start(broker.clone(), config, metrics, read, write, false, &span)
            }
        };
        #[cfg(not(feature = "tls"))]
        let mut conn = {
            let (read, write) = stream.into_split();
            Connection::start(broker.clone(), config, metrics, read, write, false, &span)
        };
        let versions = match conn.negotiate_versions().await {
            Err(Error::Disconnected { .. }) if !conn.link.shared.tls => {
                // Nothing in answer to ApiVersions: a TLS listener closes a connection whose
                // first bytes are not TLS.
                return Err(Error::Tls {
                    broker,
                    failure: TlsFailure::ClosedBeforeFirstAnswer,
                    detail: "connection closed before the answer to ApiVersions".into(),
                });
            }
            other => other?,
        };
        versions.check_baseline(&broker)?;
        conn.versions = Arc::new(versions);
        if let Some(mechanism) = sasl {
            let lifetime = authenticate::authenticate(&conn.link, &conn.versions, &*mechanism, Route::Ordinary).await?;
            if let Some(lifetime) = lifetime {
                let task = tokio::spawn(
                    authenticate::reauthenticate(conn.link.clone(), conn.versions.clone(), mechanism, lifetime)
                        .instrument(span.clone()),
                );
                *conn._tasks.reauth.lock().unwrap_or_else(|p| p.into_inner()) = Some(task);
            }
        }
        Ok(conn)
    }

    /// Starts the reader and writer tasks over the two halves of a stream.
    fn start<R, W>(
        broker: BrokerId,
        config: ConnectionConfig,
        metrics: Option<Arc<Registry>>,
        read: R,
        write: W,
        tls: bool,
        span: &tracing::Span,
    ) -> Connection
    where
        R: AsyncRead + Unpin + Send + 'static,
        W: AsyncWrite + Unpin + Send + 'static,
    {
        let meter = metrics.map(|registry| ConnectionMeter::opened(registry, broker.node_id));
        let shared = Arc::new(Shared {
            broker,
            config,
            pending: Mutex::new(HashMap::new()),
            next_correlation: AtomicI32::new(0),
            closed: AtomicBool::new(false),
            born: Instant::now(),
            last_active_ms: AtomicU64::new(0),
            tls,
            meter,
        });
        let (frames, frames_rx) = mpsc::unbounded_channel();
        let (auth, auth_rx) = mpsc::unbounded_channel();
        let reader = tokio::spawn(read_loop(shared.clone(), read).instrument(span.clone()));
        let writer = tokio::spawn(write_loop(shared.clone(), write, frames_rx, auth_rx).instrument(span.clone()));
        let tasks_shared = shared.clone();
        Connection {
            link: Link { shared, frames, auth },
            versions: Arc::new(ApiVersions::default()),
            _tasks: Arc::new(Tasks { shared: tasks_shared, reader, writer, reauth: Mutex::new(None) }),
        }
    }

    /// Asks the broker which versions it supports, starting at ApiVersions v3 and falling back to
    /// what the broker says it speaks when it is older.
    async fn negotiate_versions(&self) -> Result<ApiVersions> {
        let request = ApiVersionsRequest {
            client_software_name: "kafka-rs".into(),
            client_software_version: env!("CARGO_PKG_VERSION").into(),
            ..Default::default()
        };
        let timeout = self.link.shared.config.request_timeout;
        let span = self.link.request_span(ApiKey::ApiVersions, 3);
        let frame = self.link.round_trip(&request, 3, timeout, Route::Ordinary, &span).await?;
        let response = match decode_api_versions(frame.clone(), 3) {
            Ok(r) if r.error_code != ErrorCode::UNSUPPORTED_VERSION.0 => r,
            // An older broker answers a version it does not know at v0, with its ranges.
            _ => {
                let v0 = decode_api_versions(frame, 0)
                    .map_err(|source| Error::Decode { broker: self.link.shared.broker.clone(), source })?;
                let theirs = v0.api_keys.iter().find(|k| k.api_key == ApiKey::ApiVersions.key());
                let version = theirs.map(|k| k.max_version.min(3)).unwrap_or(0);
                let span = self.link.request_span(ApiKey::ApiVersions, version);
                let frame = self.link.round_trip(&request, version, timeout, Route::Ordinary, &span).await?;
                decode_api_versions(frame, version)
                    .map_err(|source| Error::Decode { broker: self.link.shared.broker.clone(), source })?
            }
        };
        if let Some(code) = ErrorCode(response.error_code).err() {
            span.record("error_code", display(code));
            return Err(Error::kafka(code, None, format!("ApiVersions on {}", self.link.shared.broker)));
        }
        Ok(ApiVersions::from_response(&response))
    }

    /// The broker this connection is to.
    pub fn broker(&self) -> &BrokerId {
        &self.link.shared.broker
    }

    /// The API versions the broker advertised.
    pub fn versions(&self) -> &ApiVersions {
        &self.versions
    }

    /// Whether the connection is closed (by either side, a timeout, or [`Connection::close`]).
    pub fn is_closed(&self) -> bool {
        self.link.shared.closed.load(Ordering::SeqCst)
    }

    /// The version of `api` this connection uses: the highest both sides support.
    pub fn version_for(&self, api: ApiKey) -> Result<i16> {
        self.versions.negotiate(api).map_err(|theirs| Error::UnsupportedVersion {
            broker: self.link.shared.broker.clone(),
            api: api.into(),
            ours: format!("{}..={}", api.versions().min, api.versions().max),
            theirs,
        })
    }

    /// Sends `request` at the negotiated version and waits for its response.
    pub async fn send<R: Request>(&self, request: &R) -> Result<R::Response> {
        let version = self.version_for(R::API_KEY)?;
        self.send_at(request, version).await
    }

    /// Sends `request` at `version` and waits for its response.
    pub async fn send_at<R: Request>(&self, request: &R, version: i16) -> Result<R::Response> {
        self.send_at_with_timeout(request, version, self.link.shared.config.request_timeout).await
    }

    /// Sends `request` at the negotiated version, waiting up to `timeout` instead of
    /// `request.timeout.ms` (for requests the broker holds on purpose, such as JoinGroup,
    /// which waits up to the group's rebalance timeout).
    pub async fn send_with_timeout<R: Request>(&self, request: &R, timeout: Duration) -> Result<R::Response> {
        let version = self.version_for(R::API_KEY)?;
        self.send_at_with_timeout(request, version, timeout).await
    }

    /// Sends `request` at `version`, waiting up to `timeout` (the shorter of
    /// `request.timeout.ms` and the time left before a caller's deadline). A timeout closes
    /// the connection, as `request.timeout.ms` does.
    pub async fn send_at_with_timeout<R: Request>(
        &self,
        request: &R,
        version: i16,
        timeout: Duration,
    ) -> Result<R::Response> {
        self.link.request(request, version, timeout, Route::Ordinary).await
    }

    /// Sends a request the broker does not answer (Produce with `acks=0`).
    pub fn send_without_response<R: Request>(&self, request: &R, version: i16) -> Result<()> {
        let correlation = self.link.shared.next_correlation.fetch_add(1, Ordering::Relaxed);
        let frame = self.link.encode(request, version, correlation)?;
        self.link.shared.touch();
        self.link.shared.sent(frame.len());
        self.link
            .frames
            .send(frame)
            .map_err(|_| Error::Disconnected { broker: self.link.shared.broker.clone(), api: Some(R::API_KEY.into()) })
    }

    /// Counts as activity for `connections.max.idle.ms`: the connection was just handed to a
    /// caller about to use it.
    pub(crate) fn mark_used(&self) {
        self.link.shared.touch();
    }

    /// How long no request has been sent or answered; `None` while one waits for its answer.
    pub(crate) fn idle_for(&self) -> Option<Duration> {
        let shared = &self.link.shared;
        if !shared.lock_pending().is_empty() {
            return None;
        }
        let last = Duration::from_millis(shared.last_active_ms.load(Ordering::Relaxed));
        Some(shared.born.elapsed().saturating_sub(last))
    }

    /// Closes the connection after the requests in flight got their responses (or `grace`
    /// elapsed); new requests fail at once.
    pub async fn close(&self, grace: Duration) {
        let deadline = Instant::now() + grace;
        self.link.shared.closed.store(true, Ordering::SeqCst);
        while !self.link.shared.lock_pending().is_empty() && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        self.link.shared.fail_all();
        self._tasks.reader.abort();
        self._tasks.writer.abort();
    }
}

impl Link {
    pub(crate) fn broker(&self) -> &BrokerId {
        &self.shared.broker
    }

    pub(crate) fn request_timeout(&self) -> Duration {
        self.shared.config.request_timeout
    }

    /// Ends a re-authentication: the writer goes back to ordinary frames.
    pub(crate) fn end_reauth(&self) {
        let _ = self.auth.send(AuthFrame::End);
    }

    /// Closes the connection, failing every waiting request.
    pub(crate) fn fail(&self) {
        self.shared.fail_all();
    }

    pub(crate) fn is_closed(&self) -> bool {
        self.shared.closed.load(Ordering::SeqCst)
    }

    fn encode<R: Request>(&self, request: &R, version: i16, correlation: i32) -> Result<Bytes> {
        let mut buf = BytesMut::with_capacity(64 + request.encoded_len(version));
        frame::encode_request(&mut buf, correlation, self.shared.config.client_id.as_deref(), request, version)
            .map_err(|source| Error::Encode { broker: self.shared.broker.clone(), source })?;
        Ok(buf.freeze())
    }

    /// The span of one request (`kafka.request`): the API, version and broker now; the
    /// correlation id, sizes, latency and outcome as they become known. At debug level, so
    /// that a service logging at info pays one cached level check per request.
    pub(crate) fn request_span(&self, api: ApiKey, version: i16) -> Span {
        tracing::debug_span!(
            "kafka.request",
            api = ?api,
            version,
            node = self.shared.broker.node_id,
            addr = %self.shared.broker.addr,
            correlation = Empty,
            request_bytes = Empty,
            response_bytes = Empty,
            latency_us = Empty,
            error_code = Empty,
            error = Empty,
        )
    }

    /// Sends `request` and decodes its response, recorded in a request span with the
    /// response's top-level error code.
    pub(crate) async fn request<R: Request>(
        &self,
        request: &R,
        version: i16,
        timeout: Duration,
        route: Route,
    ) -> Result<R::Response> {
        let span = self.request_span(R::API_KEY, version);
        let frame = self.round_trip(request, version, timeout, route, &span).await?;
        let (_, response) = frame::decode_response::<R>(frame, version).map_err(|source| {
            span.record("error", display(&source));
            Error::Decode { broker: self.shared.broker.clone(), source }
        })?;
        if let Some(code) = response.top_level_error() {
            span.record("error_code", display(code));
        }
        Ok(response)
    }

    /// Writes the request and waits for the raw response frame, recording what it can in
    /// `span` (see [`Link::request_span`]).
    pub(crate) async fn round_trip<R: Request>(
        &self,
        request: &R,
        version: i16,
        timeout: Duration,
        route: Route,
        span: &Span,
    ) -> Result<Bytes> {
        if self.shared.closed.load(Ordering::SeqCst) {
            return Err(Error::Disconnected { broker: self.shared.broker.clone(), api: Some(R::API_KEY.into()) });
        }
        let correlation = self.shared.next_correlation.fetch_add(1, Ordering::Relaxed);
        let frame = self.encode(request, version, correlation)?;
        span.record("correlation", correlation);
        span.record("request_bytes", frame.len());
        let (tx, rx) = oneshot::channel();
        self.shared.lock_pending().insert(correlation, Pending { api: R::API_KEY, waiter: tx });
        // The reader may have failed everything between the check above and the insert.
        if self.shared.closed.load(Ordering::SeqCst) {
            self.shared.lock_pending().remove(&correlation);
            return Err(Error::Disconnected { broker: self.shared.broker.clone(), api: Some(R::API_KEY.into()) });
        }
        let started = Instant::now();
        self.shared.touch();
        self.shared.sent(frame.len());
        let sent = match route {
            Route::Ordinary => self.frames.send(frame).is_ok(),
            Route::Reauth => self.auth.send(AuthFrame::Frame(frame)).is_ok(),
        };
        if !sent {
            self.shared.lock_pending().remove(&correlation);
            return Err(Error::Disconnected { broker: self.shared.broker.clone(), api: Some(R::API_KEY.into()) });
        }
        let outcome = tokio::time::timeout(timeout, rx).await;
        self.shared.touch();
        let result = match outcome {
            Ok(Ok(result)) => {
                if let Some(meter) = &self.shared.meter {
                    meter.answered(started.elapsed());
                }
                result
            }
            Ok(Err(_)) => Err(Error::Disconnected { broker: self.shared.broker.clone(), api: Some(R::API_KEY.into()) }),
            Err(_) => {
                self.shared.lock_pending().remove(&correlation);
                span.in_scope(|| warn!(?timeout, "request timed out; closing the connection"));
                self.shared.fail_all();
                Err(Error::RequestTimeout {
                    broker: self.shared.broker.clone(),
                    api: R::API_KEY.into(),
                    after: timeout,
                })
            }
        };
        let latency_us = started.elapsed().as_micros() as u64;
        span.record("latency_us", latency_us);
        match &result {
            Ok(frame) => span.record("response_bytes", frame.len()),
            Err(e) => span.record("error", display(e)),
        };
        // The event repeats the span's identity, for logs read without span context.
        span.in_scope(|| debug!(api = ?R::API_KEY, version, correlation, latency_us, ok = result.is_ok(), "request"));
        result
    }
}

fn decode_api_versions(
    frame: Bytes,
    version: i16,
) -> std::result::Result<ApiVersionsResponse, kfk_protocol::DecodeError> {
    let mut frame = frame;
    // ApiVersions responses always use header v0: just the correlation id.
    let _header = kfk_protocol::messages::ResponseHeader::decode(&mut frame, 0)?;
    ApiVersionsResponse::decode(&mut frame, version)
}

async fn read_loop<R: AsyncRead + Unpin>(shared: Arc<Shared>, mut read: R) {
    let decoder = FrameDecoder::new(shared.config.max_response_size);
    let mut buf = BytesMut::with_capacity(64 * 1024);
    // Whether the header of the frame at the front of `buf` passed `check_header`.
    let mut checked = false;
    loop {
        // A frame is at least its size and a correlation id: with fewer bytes, read more.
        while buf.len() >= 8 {
            if !checked && !shared.tls && looks_like_tls(&buf) {
                // A plaintext client on a TLS port: the broker answered with a TLS record
                // (an alert or a ServerHello), whose first bytes read as a huge frame size.
                warn!("the broker answered with TLS; closing the connection");
                let broker = shared.broker.clone();
                shared.fail_all_with(|_, _| Error::Tls {
                    broker: broker.clone(),
                    failure: TlsFailure::BrokerExpectsTls,
                    detail: "the answer to the first request is a TLS record".into(),
                });
                return;
            }
            if !checked {
                // Before the body is buffered (the decoder reserves room for the whole frame),
                // check who the frame is for and whether that API may be this large.
                if let Err(refusal) = check_header(&shared, &buf) {
                    refuse(&shared, refusal);
                    return;
                }
                checked = true;
            }
            match decoder.next_frame(&mut buf) {
                Ok(Some(frame)) => {
                    checked = false;
                    if let Some(meter) = &shared.meter {
                        // The frame's size prefix is read too.
                        meter.received(frame.len() + 4);
                    }
                    let Some(correlation) = frame::peek_correlation_id(&frame) else { continue };
                    let pending = shared.lock_pending().remove(&correlation);
                    match pending {
                        Some(p) => {
                            let _ = p.waiter.send(Ok(frame));
                        }
                        // Only a closed connection forgets a request before its answer (a
                        // timeout closes it): the late answer has nobody to go to.
                        None => debug!(correlation, "response after the connection was closed; dropped"),
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    // `check_header` refuses every size the decoder would: this is a backstop.
                    warn!(error = %e, "invalid response frame size; closing");
                    let broker = shared.broker.clone();
                    shared.fail_all_with(|_, _| Error::Frame { broker: broker.clone(), source: e.clone() });
                    return;
                }
            }
        }
        match read.read_buf(&mut buf).await {
            Ok(0) => {
                debug!("broker closed the connection");
                shared.fail_all();
                return;
            }
            Ok(_) => {}
            Err(e) => {
                debug!(error = %e, "read failed");
                #[cfg(feature = "tls")]
                if let Some((failure, detail)) = super::tls::classify_after_handshake(&e) {
                    // A TLS 1.3 server checks the client's certificate after the client
                    // considers the handshake done: its refusal arrives as an alert here.
                    let broker = shared.broker.clone();
                    shared.fail_all_with(|_, _| Error::Tls { broker: broker.clone(), failure, detail: detail.clone() });
                    return;
                }
                shared.fail_all();
                return;
            }
        }
    }
}

/// Whether `buf` starts with a TLS record header (content type alert or handshake, version
/// 3.x), which no Kafka response starts with: that would be a frame of over 350 MB.
fn looks_like_tls(buf: &[u8]) -> bool {
    buf.len() >= 3 && matches!(buf[0], 0x15 | 0x16) && buf[1] == 0x03 && buf[2] <= 0x04
}

/// Why the reader refuses the frame at the front of its buffer.
enum Refusal {
    /// The connection was closed and the frame's request is gone.
    Closed,
    /// A size that cannot hold a response header.
    Invalid(FrameSizeError),
    /// A correlation id no request waits for.
    UnknownCorrelation(i32),
    /// Larger than the cap of the request's API.
    TooLarge { api: ApiKey, correlation: i32, size: i32, max: usize, setting: &'static str },
}

/// Checks the size and correlation id at the front of `buf` (at least 8 bytes) against the
/// requests waiting on the connection.
fn check_header(shared: &Shared, buf: &[u8]) -> std::result::Result<(), Refusal> {
    let size = i32::from_be_bytes([buf[0], buf[1], buf[2], buf[3]]);
    if size < 4 {
        return Err(Refusal::Invalid(FrameSizeError { size: size as i64, max: shared.config.max_response_size }));
    }
    let correlation = i32::from_be_bytes([buf[4], buf[5], buf[6], buf[7]]);
    let api = shared.lock_pending().get(&correlation).map(|p| p.api);
    let Some(api) = api else {
        if shared.closed.load(Ordering::SeqCst) {
            // Closed (a request timed out, or `close`) and the answer's request is gone:
            // nothing to match it with, and nothing left to fail.
            return Err(Refusal::Closed);
        }
        // Kafka answers every request it gets, and a request stays registered until its answer
        // arrives or the connection closes: an id nobody registered means the stream is out
        // of step, and no later answer on it can be trusted.
        return Err(Refusal::UnknownCorrelation(correlation));
    };
    let (max, setting) = shared.config.response_cap(api);
    if size as usize > max {
        return Err(Refusal::TooLarge { api, correlation, size, max, setting });
    }
    Ok(())
}

/// Closes the connection, failing its requests with the reason for `refusal`.
fn refuse(shared: &Shared, refusal: Refusal) {
    let broker = &shared.broker;
    match refusal {
        Refusal::Closed => debug!("response after the connection was closed; stopping the reader"),
        Refusal::Invalid(e) => {
            warn!(error = %e, "invalid response frame size; closing the connection");
            shared.fail_all_with(|_, _| Error::Frame { broker: broker.clone(), source: e.clone() });
        }
        Refusal::UnknownCorrelation(got) => {
            warn!(correlation = got, "response with a correlation id no request waits for; closing the connection");
            shared.fail_all_with(|expected, api| Error::CorrelationMismatch {
                broker: broker.clone(),
                api: api.into(),
                expected,
                got,
            });
        }
        Refusal::TooLarge { api, correlation, size, max, setting } => {
            warn!(
                ?api,
                correlation, size, max, "response frame larger than accepted for its API; closing the connection"
            );
            shared.fail_all_with(|c, other| {
                if c == correlation {
                    Error::ResponseTooLarge { broker: broker.clone(), api: api.into(), size: size as i64, max, setting }
                } else {
                    // The stream cannot be skipped past the refused frame.
                    Error::Disconnected { broker: broker.clone(), api: Some(other.into()) }
                }
            });
        }
    }
}

async fn write_loop<W: AsyncWrite + Unpin>(
    shared: Arc<Shared>,
    write: W,
    mut frames: mpsc::UnboundedReceiver<Bytes>,
    mut auth: mpsc::UnboundedReceiver<AuthFrame>,
) {
    // Frames queued together go out in as few syscalls as the buffer allows; the buffer is
    // flushed as soon as the queue is empty, so a lone request is never held back.
    let mut write = tokio::io::BufWriter::with_capacity(64 * 1024, write);
    loop {
        // Ordinary frames, until a re-authentication begins (`biased`: its frame goes out
        // before ordinary frames queued behind it).
        let first = tokio::select! {
            biased;
            message = auth.recv() => match message {
                Some(AuthFrame::Frame(frame)) => {
                    if !write_reauth(&shared, &mut write, frame, &mut auth).await {
                        return;
                    }
                    continue;
                }
                Some(AuthFrame::End) => continue,
                None => return,
            },
            frame = frames.recv() => match frame {
                Some(frame) => frame,
                None => break,
            },
        };
        let mut frame = first;
        loop {
            if let Err(e) = write.write_all(&frame).await {
                debug!(error = %e, "write failed");
                shared.fail_all();
                return;
            }
            match frames.try_recv() {
                Ok(next) => frame = next,
                Err(_) => break,
            }
        }
        if let Err(e) = write.flush().await {
            debug!(error = %e, "flush failed");
            shared.fail_all();
            return;
        }
    }
    let _ = write.shutdown().await;
}

/// Writes the frames of one re-authentication, and nothing else, until it ends. Ordinary
/// frames wait in their channel meanwhile. Returns false when the connection is gone.
async fn write_reauth<W: AsyncWrite + Unpin>(
    shared: &Shared,
    write: &mut tokio::io::BufWriter<W>,
    first: Bytes,
    auth: &mut mpsc::UnboundedReceiver<AuthFrame>,
) -> bool {
    let mut next = Some(first);
    while let Some(frame) = next.take() {
        if let Err(e) = async {
            write.write_all(&frame).await?;
            write.flush().await
        }
        .await
        {
            debug!(error = %e, "write failed");
            shared.fail_all();
            return false;
        }
        match auth.recv().await {
            Some(AuthFrame::Frame(frame)) => next = Some(frame),
            Some(AuthFrame::End) => return true,
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::SocketBuffers;

    /// `receive.buffer.bytes` and `send.buffer.bytes` reach the socket (Linux reports twice
    /// the size asked for, its bookkeeping included); unset, the sizes stay the system's.
    #[tokio::test]
    async fn socket_buffers_are_set_before_connecting() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("address").to_string();
        let asked = 96 * 1024;
        let stream = connect_tcp(&addr, SocketBuffers::new(Some(asked), Some(asked))).await.expect("connect");
        let socket = socket2::SockRef::from(&stream);
        let (send, receive) =
            (socket.send_buffer_size().expect("SO_SNDBUF"), socket.recv_buffer_size().expect("SO_RCVBUF"));
        assert!(send >= asked as usize && receive >= asked as usize, "{send} {receive}");

        let default = connect_tcp(&addr, SocketBuffers::default()).await.expect("connect");
        let receive_default = socket2::SockRef::from(&default).recv_buffer_size().expect("SO_RCVBUF");
        assert_ne!(receive_default, receive, "an unset size is left to the system");
    }
}

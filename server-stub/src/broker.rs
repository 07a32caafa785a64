//! One broker's network side: a listener task that accepts connections, and a task per
//! connection that reads frames, hands them to [`crate::dispatch`] one at a time, and writes the
//! responses in request order.
//!
//! Kafka reads one request per connection, answers it, then reads the next, so responses are
//! in request order and a parked Fetch holds back the requests behind it on that connection;
//! this loop does the same. A connection ends when the peer closes it, on a framing or decoding
//! error (never a panic), when [`BrokerSlot::drop_connections`] fires, when the listener
//! task is aborted (stop, shutdown, last handle dropped): it owns the connection tasks in a
//! `JoinSet`, so aborting it aborts them. It also ends when it sat idle (no request) for
//! `connections_max_idle`, as Kafka closes connections idle for `connections.max.idle.ms`, or
//! when a request's bytes took longer than `request_read_timeout` to arrive (a client sending
//! a byte now and then would otherwise hold its task and buffer forever). Neither clock runs
//! while the broker serves a request, so a parked Fetch or JoinGroup is never cut.
//!
//! A broker has one listener per security protocol the cluster opens (PLAINTEXT first); the
//! connection task of a TLS listener runs the TLS handshake first, and every connection keeps
//! its authentication state ([`Session`]), which [`crate::dispatch`] consults before serving.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use bytes::BytesMut;
use kfk_protocol::frame::FrameDecoder;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::{JoinHandle, JoinSet};
use tokio::time::Instant;
use tracing::{debug, warn, Instrument};

use crate::dispatch::{self, Outcome};
use crate::security::{SecurityProtocol, Session};
use crate::state::Shared;

/// Largest request frame accepted (Kafka's `socket.request.max.bytes` default).
pub(crate) const MAX_FRAME_BYTES: usize = 100 * 1024 * 1024;

/// The runtime of one broker: its ports and its listener task.
#[derive(Debug)]
pub(crate) struct BrokerSlot {
    pub id: i32,
    /// Its port on each listener (index = listener; 0 is PLAINTEXT).
    pub ports: Vec<u16>,
    /// Bumped to close every open connection of the broker.
    kill: watch::Sender<u64>,
    task: Mutex<Option<JoinHandle<()>>>,
}

impl BrokerSlot {
    pub(crate) fn new(id: i32, ports: Vec<u16>) -> Self {
        BrokerSlot { id, ports, kill: watch::Sender::new(0), task: Mutex::new(None) }
    }

    fn task(&self) -> std::sync::MutexGuard<'_, Option<JoinHandle<()>>> {
        self.task.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether the listener runs.
    pub(crate) fn is_running(&self) -> bool {
        self.task().as_ref().is_some_and(|t| !t.is_finished())
    }

    /// Starts serving on `listeners` (one per listener of the cluster, in its order).
    pub(crate) fn start(&self, shared: Arc<Shared>, listeners: Vec<TcpListener>) {
        let kill = self.kill.subscribe();
        let span = tracing::info_span!("broker", id = self.id, port = self.ports.first().copied().unwrap_or(0));
        let task = tokio::spawn(run_listeners(shared, self.id, listeners, kill).instrument(span));
        if let Some(old) = self.task().replace(task) {
            old.abort();
        }
    }

    /// Aborts the listener and its connections without waiting.
    pub(crate) fn abort(&self) {
        if let Some(task) = self.task().take() {
            task.abort();
        }
    }

    /// Aborts the listener and its connections and waits until they are gone (the port is
    /// free again afterwards).
    pub(crate) async fn stop(&self) {
        let task = self.task().take();
        if let Some(task) = task {
            task.abort();
            let _ = task.await;
        }
    }

    /// Closes every open connection; the listener keeps accepting new ones.
    pub(crate) fn drop_connections(&self) {
        self.kill.send_modify(|generation| *generation += 1);
    }
}

/// Runs one task per listener; aborting this task drops the set, which aborts them and their
/// connections.
async fn run_listeners(shared: Arc<Shared>, broker: i32, listeners: Vec<TcpListener>, kill: watch::Receiver<u64>) {
    let mut tasks = JoinSet::new();
    for (index, listener) in listeners.into_iter().enumerate() {
        let protocol = shared.listeners.get(index).map_or(SecurityProtocol::Plaintext, |l| l.protocol);
        let span = tracing::info_span!("listener", %protocol);
        tasks.spawn(run_listener(shared.clone(), broker, index, listener, kill.clone()).instrument(span));
    }
    while tasks.join_next().await.is_some() {}
}

async fn run_listener(
    shared: Arc<Shared>,
    broker: i32,
    index: usize,
    listener: TcpListener,
    kill: watch::Receiver<u64>,
) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    let _ = stream.set_nodelay(true);
                    let mut kill = kill.clone();
                    kill.borrow_and_update();
                    let span = tracing::debug_span!("connection", %peer);
                    connections.spawn(accept(shared.clone(), broker, index, stream, peer, kill).instrument(span));
                }
                Err(e) => {
                    warn!(error = %e, "accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

/// Runs the TLS handshake on a TLS listener, then serves the connection.
async fn accept(
    shared: Arc<Shared>,
    broker: i32,
    listener: usize,
    stream: TcpStream,
    peer: SocketAddr,
    mut kill: watch::Receiver<u64>,
) {
    debug!("connected");
    let protocol = shared.listeners.get(listener).map_or(SecurityProtocol::Plaintext, |l| l.protocol);
    if !protocol.is_tls() {
        let session = Session::new(protocol, None);
        return serve(shared, broker, listener, session, stream, peer, kill).await;
    }
    #[cfg(feature = "tls")]
    {
        let Some(tls) = shared.tls.as_ref() else {
            warn!("TLS listener without TLS settings, closing");
            return;
        };
        let timeout = shared.config.limits.request_read_timeout;
        let handshake = tokio::select! {
            done = tokio::time::timeout(timeout, tls.acceptor(protocol).accept(stream)) => done,
            _ = kill.changed() => { debug!("connection dropped by fault"); return; }
        };
        let stream = match handshake {
            Ok(Ok(s)) => s,
            Ok(Err(e)) => {
                debug!(error = %e, "TLS handshake failed, closing");
                return;
            }
            Err(_) => {
                debug!(?timeout, "TLS handshake not done in time, closing");
                return;
            }
        };
        // Kafka's default principal of a TLS connection: the client certificate's subject,
        // else ANONYMOUS (SASL_SSL: the SASL user, once authenticated).
        let subject = stream
            .get_ref()
            .1
            .peer_certificates()
            .and_then(|chain| chain.first())
            .and_then(|cert| crate::security::x509::subject_name(cert.as_ref()))
            .map(|name| crate::security::ssl_principal(&name, shared.config.security.ssl_principal_from_cn));
        let session = Session::new(protocol, if protocol.is_sasl() { None } else { subject });
        debug!(principal = %session.principal, "TLS established");
        serve(shared, broker, listener, session, stream, peer, kill).await
    }
    #[cfg(not(feature = "tls"))]
    {
        // `start` refuses TLS listeners without the feature; never reached.
        let _ = (&mut kill, broker, peer, stream);
        warn!("TLS listener in a build without the `tls` feature, closing");
    }
}

/// Serves one connection until it ends.
async fn serve<S>(
    shared: Arc<Shared>,
    broker: i32,
    listener: usize,
    mut session: Session,
    mut stream: S,
    peer: SocketAddr,
    mut kill: watch::Receiver<u64>,
) where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let decoder = FrameDecoder::new(MAX_FRAME_BYTES);
    let mut input = BytesMut::with_capacity(64 * 1024);
    let mut output = BytesMut::new();
    let limits = &shared.config.limits;
    // Idle from the last answer (or the connection's start) until the next request's first
    // byte; the request being served is not idle time, however long the broker holds it.
    let mut idle_since = Instant::now();
    // When the first byte of the request being read was seen.
    let mut request_started: Option<Instant> = None;
    loop {
        let frame = loop {
            match decoder.next_frame(&mut input) {
                Ok(Some(frame)) => break frame,
                Ok(None) => {}
                Err(e) => {
                    debug!(error = %e, "bad frame size, closing");
                    return;
                }
            }
            let (deadline, timeout) = if input.is_empty() {
                (idle_since + limits.connections_max_idle, Timeout::Idle)
            } else {
                (*request_started.get_or_insert_with(Instant::now) + limits.request_read_timeout, Timeout::Read)
            };
            tokio::select! {
                read = stream.read_buf(&mut input) => match read {
                    Ok(0) => { debug!("peer closed"); return; }
                    Ok(_) => {}
                    Err(e) => { debug!(error = %e, "read failed"); return; }
                },
                _ = kill.changed() => { debug!("connection dropped by fault"); return; }
                () = tokio::time::sleep_until(deadline) => {
                    match timeout {
                        Timeout::Idle => debug!(idle = ?limits.connections_max_idle, "idle connection, closing"),
                        Timeout::Read => debug!(
                            timeout = ?limits.request_read_timeout,
                            buffered = input.len(),
                            "request not received in time, closing"
                        ),
                    }
                    return;
                }
            }
        };
        request_started = None;
        output.clear();
        let outcome = tokio::select! {
            outcome = dispatch::handle(&shared, broker, peer, &mut session, listener, frame, &mut output) => outcome,
            _ = kill.changed() => { debug!("connection dropped by fault"); return; }
        };
        if matches!(outcome, Outcome::ReplyThenClose | Outcome::CloseAfterDelay) {
            // Kafka's `connection.failed.authentication.delay.ms`: a failed authentication is
            // answered (and closed) only after the delay, which slows down password guessing.
            let delay = shared.config.security.failed_authentication_delay;
            tokio::select! {
                () = tokio::time::sleep(delay) => {}
                _ = kill.changed() => { debug!("connection dropped by fault"); return; }
            }
        }
        match outcome {
            Outcome::Reply | Outcome::ReplyThenClose => {
                tokio::select! {
                    written = write_flushed(&mut stream, &output) => if let Err(e) = written {
                        debug!(error = %e, "write failed");
                        return;
                    },
                    _ = kill.changed() => { debug!("connection dropped by fault"); return; }
                }
                if outcome == Outcome::ReplyThenClose {
                    debug!("closing connection after the answer");
                    // A TLS close_notify (or FIN) after the answer, so the client reads it.
                    let _ = tokio::time::timeout(std::time::Duration::from_secs(1), stream.shutdown()).await;
                    return;
                }
            }
            Outcome::NoReply => {}
            Outcome::Close | Outcome::CloseAfterDelay => {
                debug!(%peer, "closing connection");
                return;
            }
        }
        idle_since = Instant::now();
    }
}

/// Writes a response; TLS buffers inside its stream, so flush too.
async fn write_flushed<S: AsyncWrite + Unpin>(stream: &mut S, bytes: &[u8]) -> std::io::Result<()> {
    stream.write_all(bytes).await?;
    stream.flush().await
}

/// Which wait of a connection ran out.
#[derive(Debug, Clone, Copy)]
enum Timeout {
    /// No request for `connections_max_idle`.
    Idle,
    /// A request's bytes did not all arrive within `request_read_timeout`.
    Read,
}

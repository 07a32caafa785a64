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

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use bytes::BytesMut;
use kafka_protocol::frame::FrameDecoder;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::{JoinHandle, JoinSet};
use tokio::time::Instant;
use tracing::{debug, warn, Instrument};

use crate::dispatch::{self, Outcome};
use crate::state::Shared;

/// Largest request frame accepted (Kafka's `socket.request.max.bytes` default).
pub(crate) const MAX_FRAME_BYTES: usize = 100 * 1024 * 1024;

/// The runtime of one broker: its port and its listener task.
#[derive(Debug)]
pub(crate) struct BrokerSlot {
    pub id: i32,
    pub port: u16,
    /// Bumped to close every open connection of the broker.
    kill: watch::Sender<u64>,
    task: Mutex<Option<JoinHandle<()>>>,
}

impl BrokerSlot {
    pub(crate) fn new(id: i32, port: u16) -> Self {
        BrokerSlot { id, port, kill: watch::Sender::new(0), task: Mutex::new(None) }
    }

    fn task(&self) -> std::sync::MutexGuard<'_, Option<JoinHandle<()>>> {
        self.task.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether the listener runs.
    pub(crate) fn is_running(&self) -> bool {
        self.task().as_ref().is_some_and(|t| !t.is_finished())
    }

    /// Starts serving on `listener`.
    pub(crate) fn start(&self, shared: Arc<Shared>, listener: TcpListener) {
        let kill = self.kill.subscribe();
        let span = tracing::info_span!("broker", id = self.id, port = self.port);
        let task = tokio::spawn(run_listener(shared, self.id, listener, kill).instrument(span));
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

async fn run_listener(shared: Arc<Shared>, broker: i32, listener: TcpListener, kill: watch::Receiver<u64>) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    let _ = stream.set_nodelay(true);
                    let mut kill = kill.clone();
                    kill.borrow_and_update();
                    let span = tracing::debug_span!("connection", %peer);
                    connections.spawn(serve(shared.clone(), broker, stream, peer, kill).instrument(span));
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

/// Serves one connection until it ends.
async fn serve(shared: Arc<Shared>, broker: i32, stream: TcpStream, peer: SocketAddr, mut kill: watch::Receiver<u64>) {
    debug!("connected");
    let (mut reader, mut writer) = stream.into_split();
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
                read = reader.read_buf(&mut input) => match read {
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
            outcome = dispatch::handle(&shared, broker, peer, frame, &mut output) => outcome,
            _ = kill.changed() => { debug!("connection dropped by fault"); return; }
        };
        match outcome {
            Outcome::Reply => {
                tokio::select! {
                    written = writer.write_all(&output) => if let Err(e) = written {
                        debug!(error = %e, "write failed");
                        return;
                    },
                    _ = kill.changed() => { debug!("connection dropped by fault"); return; }
                }
            }
            Outcome::NoReply => {}
            Outcome::Close => {
                debug!(%peer, "closing connection");
                return;
            }
        }
        idle_since = Instant::now();
    }
}

/// Which wait of a connection ran out.
#[derive(Debug, Clone, Copy)]
enum Timeout {
    /// No request for `connections_max_idle`.
    Idle,
    /// A request's bytes did not all arrive within `request_read_timeout`.
    Read,
}

//! Asking a broker which brokers it knows: ApiVersions v0, then Metadata v4, over a blocking
//! `TcpStream` with timeouts.
//!
//! The few bytes are written and read here rather than with `kfk-protocol`, so that the
//! launcher (and `cargo xtask`) builds when that generated crate does not. Both requests are
//! the oldest shape every broker this launcher runs (Kafka 3.3 and newer) still serves: request
//! header v1, response header v0, no tagged fields. server-stub's tests check this probe against
//! the stub, which speaks through `kfk-protocol`.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

const CLIENT_ID: &str = "kafka-testkit-probe";
const API_VERSIONS_KEY: i16 = 18;
const METADATA_KEY: i16 = 3;
/// Metadata v4 (KIP-204's `allow_auto_topic_creation`): served by Kafka 1.0 up to 4.x, still
/// without flexible encoding; its broker entries are all this probe reads.
const METADATA_VERSION: i16 = 4;
const MAX_FRAME: usize = 16 << 20;

/// Why a broker did not answer the probe.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProbeError {
    /// Connecting, writing or reading failed (a read or write time-out included).
    #[error("{what} with {addr}: {source}")]
    Io {
        /// The broker.
        addr: SocketAddr,
        /// What was being done.
        what: &'static str,
        /// The failure.
        #[source]
        source: std::io::Error,
    },
    /// The broker answered ApiVersions with an error code.
    #[error("ApiVersions to {addr}: error code {code}")]
    ApiVersions {
        /// The broker.
        addr: SocketAddr,
        /// The Kafka error code.
        code: i16,
    },
    /// The broker does not serve the Metadata version this probe speaks.
    #[error("{addr} speaks Metadata v{broker_min}..=v{broker_max}, the probe v{METADATA_VERSION}")]
    NoCommonVersion {
        /// The broker.
        addr: SocketAddr,
        /// Oldest version the broker speaks.
        broker_min: i16,
        /// Newest version the broker speaks.
        broker_max: i16,
    },
    /// The broker does not offer Metadata at all.
    #[error("{addr} does not offer Metadata")]
    NoMetadata {
        /// The broker.
        addr: SocketAddr,
    },
    /// A response ended early or held an impossible length.
    #[error("{addr} sent a malformed {api} response: {what}")]
    Malformed {
        /// The broker.
        addr: SocketAddr,
        /// The request answered.
        api: &'static str,
        /// What was wrong.
        what: &'static str,
    },
    /// A response frame had an impossible size.
    #[error("{addr} sent a response frame of {size} bytes")]
    FrameSize {
        /// The broker.
        addr: SocketAddr,
        /// The size announced.
        size: i32,
    },
    /// A response answered another request.
    #[error("{addr} answered with correlation id {got}, expected {expected}")]
    Correlation {
        /// The broker.
        addr: SocketAddr,
        /// The id sent.
        expected: i32,
        /// The id received.
        got: i32,
    },
}

/// The node ids of the brokers the broker at `addr` lists in its metadata. Every connect, read
/// and write is bounded by `timeout`.
///
/// ```no_run
/// use std::time::Duration;
///
/// let ids = kfk_testkit::jvm::broker_ids(([127, 0, 0, 1], 9092).into(), Duration::from_secs(5))?;
/// assert!(ids.contains(&0));
/// # Ok::<(), kfk_testkit::jvm::ProbeError>(())
/// ```
pub fn broker_ids(addr: SocketAddr, timeout: Duration) -> Result<Vec<i32>, ProbeError> {
    let io = |what| move |source| ProbeError::Io { addr, what, source };
    let mut stream = TcpStream::connect_timeout(&addr, timeout).map_err(io("connecting"))?;
    stream.set_read_timeout(Some(timeout)).map_err(io("setting a read time-out"))?;
    stream.set_write_timeout(Some(timeout)).map_err(io("setting a write time-out"))?;

    // ApiVersions v0: no body; the answer is an error code and (key, min, max) triples.
    let body = call(&mut stream, addr, 1, (API_VERSIONS_KEY, 0), &[])?;
    let mut r = Reader { bytes: &body, addr, api: "ApiVersions" };
    let code = r.i16()?;
    if code != 0 {
        return Err(ProbeError::ApiVersions { addr, code });
    }
    let mut metadata = None;
    for _ in 0..r.count()? {
        let (key, min, max) = (r.i16()?, r.i16()?, r.i16()?);
        if key == METADATA_KEY {
            metadata = Some((min, max));
        }
    }
    let (broker_min, broker_max) = metadata.ok_or(ProbeError::NoMetadata { addr })?;
    if !(broker_min..=broker_max).contains(&METADATA_VERSION) {
        return Err(ProbeError::NoCommonVersion { addr, broker_min, broker_max });
    }

    // Metadata v4 for no topics (an empty array, not null, which would mean every topic), no
    // auto-creation; the answer starts with the throttle time, then the brokers.
    let request = [0, 0, 0, 0, 0];
    let body = call(&mut stream, addr, 2, (METADATA_KEY, METADATA_VERSION), &request)?;
    let mut r = Reader { bytes: &body, addr, api: "Metadata" };
    r.skip(4)?;
    let mut ids = Vec::new();
    for _ in 0..r.count()? {
        ids.push(r.i32()?);
        r.string()?; // host
        r.skip(4)?; // port
        r.string()?; // rack
    }
    Ok(ids)
}

/// Sends one request (header v1: key, version, correlation id, client id; then `body`) and
/// returns the body of its response (after the header v0: the correlation id).
fn call(
    stream: &mut TcpStream,
    addr: SocketAddr,
    correlation_id: i32,
    (key, version): (i16, i16),
    body: &[u8],
) -> Result<Vec<u8>, ProbeError> {
    let io = |what| move |source| ProbeError::Io { addr, what, source };
    let mut frame = Vec::with_capacity(64);
    frame.extend_from_slice(&[0; 4]); // the size, once known
    frame.extend_from_slice(&key.to_be_bytes());
    frame.extend_from_slice(&version.to_be_bytes());
    frame.extend_from_slice(&correlation_id.to_be_bytes());
    frame.extend_from_slice(&(CLIENT_ID.len() as i16).to_be_bytes());
    frame.extend_from_slice(CLIENT_ID.as_bytes());
    frame.extend_from_slice(body);
    let size = (frame.len() - 4) as i32;
    frame[..4].copy_from_slice(&size.to_be_bytes());
    stream.write_all(&frame).map_err(io("writing a request"))?;

    let mut size = [0u8; 4];
    stream.read_exact(&mut size).map_err(io("reading a response"))?;
    let size = i32::from_be_bytes(size);
    let Some(len) = usize::try_from(size).ok().filter(|&len| (4..=MAX_FRAME).contains(&len)) else {
        return Err(ProbeError::FrameSize { addr, size });
    };
    let mut response = vec![0u8; len];
    stream.read_exact(&mut response).map_err(io("reading a response"))?;
    let got = i32::from_be_bytes([response[0], response[1], response[2], response[3]]);
    if got != correlation_id {
        return Err(ProbeError::Correlation { addr, expected: correlation_id, got });
    }
    response.drain(..4);
    Ok(response)
}

/// Big-endian reads from a response body; running past its end is [`ProbeError::Malformed`].
struct Reader<'a> {
    bytes: &'a [u8],
    addr: SocketAddr,
    api: &'static str,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ProbeError> {
        if self.bytes.len() < n {
            return Err(ProbeError::Malformed { addr: self.addr, api: self.api, what: "it ends early" });
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn skip(&mut self, n: usize) -> Result<(), ProbeError> {
        self.take(n).map(drop)
    }

    fn i16(&mut self) -> Result<i16, ProbeError> {
        let b = self.take(2)?;
        Ok(i16::from_be_bytes([b[0], b[1]]))
    }

    fn i32(&mut self) -> Result<i32, ProbeError> {
        let b = self.take(4)?;
        Ok(i32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// An array's length; a null array (-1) counts as empty.
    fn count(&mut self) -> Result<usize, ProbeError> {
        let n = self.i32()?;
        if n > (self.bytes.len() as i32) {
            return Err(ProbeError::Malformed {
                addr: self.addr,
                api: self.api,
                what: "an array longer than the frame",
            });
        }
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Skips a (nullable) string: an `i16` length, -1 for null, then the bytes.
    fn string(&mut self) -> Result<(), ProbeError> {
        let len = self.i16()?;
        self.skip(usize::try_from(len).unwrap_or(0))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    /// Needs a running broker on 127.0.0.1:9092 (`cargo xtask kafka start`):
    /// `cargo test -p kfk-testkit -- --ignored probe`.
    #[test]
    #[ignore]
    fn probe_lists_running_brokers() {
        let addr = ([127, 0, 0, 1], super::super::DEFAULT_PORT).into();
        let ids = super::broker_ids(addr, std::time::Duration::from_secs(5)).unwrap();
        eprintln!("brokers: {ids:?}");
        assert!(ids.contains(&0));
    }

    /// A broker that answers ApiVersions with its correlation id and error code, then nothing.
    #[test]
    fn a_truncated_answer_is_malformed_not_a_panic() {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let broker = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let mut size = [0u8; 4];
            stream.read_exact(&mut size).unwrap();
            let mut request = vec![0u8; i32::from_be_bytes(size) as usize];
            stream.read_exact(&mut request).unwrap();
            assert_eq!(request[..4], [0, 18, 0, 0], "ApiVersions v0");
            let mut answer = 6i32.to_be_bytes().to_vec();
            answer.extend_from_slice(&request[4..8]); // the correlation id
            answer.extend_from_slice(&[0, 0]); // error code, and no api_keys array
            stream.write_all(&answer).unwrap();
        });
        let err = super::broker_ids(addr, std::time::Duration::from_secs(5)).unwrap_err();
        broker.join().unwrap();
        assert!(matches!(err, super::ProbeError::Malformed { api: "ApiVersions", .. }), "{err}");
    }

    #[test]
    fn a_closed_port_is_an_io_error_naming_the_address() {
        // Bind then drop: nothing listens there afterwards (barring a race with another test).
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let addr = ([127, 0, 0, 1], port).into();
        let err = super::broker_ids(addr, std::time::Duration::from_secs(1)).unwrap_err();
        assert!(err.to_string().contains(&format!("127.0.0.1:{port}")), "{err}");
    }
}

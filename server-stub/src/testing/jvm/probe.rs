//! Asking a broker over the Kafka protocol which brokers it knows: ApiVersions, then Metadata at
//! the highest version both sides speak, over a blocking `TcpStream` with timeouts.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use kafka_protocol::frame;
use kafka_protocol::messages::{ApiKey, ApiVersionsRequest, MetadataRequest};
use kafka_protocol::{DecodeError, EncodeError, Message, Request};

const CLIENT_ID: &str = "server-stub-kafka-probe";
/// ApiVersions v3 (the first flexible version) is understood by every KRaft-era broker.
const API_VERSIONS_VERSION: i16 = 3;
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
    /// The broker and this crate have no Metadata version in common.
    #[error("{addr} speaks Metadata v{broker_min}..=v{broker_max}, we v{ours_min}..=v{ours_max}")]
    NoCommonVersion {
        /// The broker.
        addr: SocketAddr,
        /// Oldest version the broker speaks.
        broker_min: i16,
        /// Newest version the broker speaks.
        broker_max: i16,
        /// Oldest version we speak.
        ours_min: i16,
        /// Newest version we speak.
        ours_max: i16,
    },
    /// The broker does not offer Metadata at all.
    #[error("{addr} does not offer Metadata")]
    NoMetadata {
        /// The broker.
        addr: SocketAddr,
    },
    /// A request could not be encoded.
    #[error(transparent)]
    Encode(#[from] EncodeError),
    /// A response could not be decoded.
    #[error(transparent)]
    Decode(#[from] DecodeError),
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
/// let ids = server_stub::testing::jvm::broker_ids(([127, 0, 0, 1], 9092).into(), Duration::from_secs(5))?;
/// assert!(ids.contains(&0));
/// # Ok::<(), server_stub::testing::jvm::ProbeError>(())
/// ```
pub fn broker_ids(addr: SocketAddr, timeout: Duration) -> Result<Vec<i32>, ProbeError> {
    let io = |what| move |source| ProbeError::Io { addr, what, source };
    let mut stream = TcpStream::connect_timeout(&addr, timeout).map_err(io("connecting"))?;
    stream.set_read_timeout(Some(timeout)).map_err(io("setting a read time-out"))?;
    stream.set_write_timeout(Some(timeout)).map_err(io("setting a write time-out"))?;

    let request = ApiVersionsRequest {
        client_software_name: CLIENT_ID.into(),
        client_software_version: env!("CARGO_PKG_VERSION").into(),
        ..Default::default()
    };
    let versions = call(&mut stream, addr, 1, &request, API_VERSIONS_VERSION)?;
    if versions.error_code != 0 {
        return Err(ProbeError::ApiVersions { addr, code: versions.error_code });
    }
    let metadata = versions
        .api_keys
        .iter()
        .find(|api| api.api_key == ApiKey::Metadata.key())
        .ok_or(ProbeError::NoMetadata { addr })?;
    let ours = MetadataRequest::VERSIONS;
    let version = metadata.max_version.min(ours.max);
    if version < metadata.min_version.max(ours.min) {
        return Err(ProbeError::NoCommonVersion {
            addr,
            broker_min: metadata.min_version,
            broker_max: metadata.max_version,
            ours_min: ours.min,
            ours_max: ours.max,
        });
    }

    // No topics: just the brokers (an empty list, not null, which would mean every topic).
    let request = MetadataRequest { topics: Some(Vec::new()), ..Default::default() };
    let response = call(&mut stream, addr, 2, &request, version)?;
    Ok(response.brokers.iter().map(|b| b.node_id).collect())
}

/// Sends one request and reads its response.
fn call<R: Request>(
    stream: &mut TcpStream,
    addr: SocketAddr,
    correlation_id: i32,
    request: &R,
    version: i16,
) -> Result<R::Response, ProbeError> {
    let io = |what| move |source| ProbeError::Io { addr, what, source };
    let mut out = BytesMut::new();
    frame::encode_request(&mut out, correlation_id, Some(CLIENT_ID), request, version)?;
    stream.write_all(&out).map_err(io("writing a request"))?;
    let mut size = [0u8; 4];
    stream.read_exact(&mut size).map_err(io("reading a response"))?;
    let size = i32::from_be_bytes(size);
    let len = usize::try_from(size).ok().filter(|&len| len <= MAX_FRAME);
    let Some(len) = len else {
        return Err(ProbeError::FrameSize { addr, size });
    };
    let mut body = vec![0u8; len];
    stream.read_exact(&mut body).map_err(io("reading a response"))?;
    let (id, response) = frame::decode_response::<R>(Bytes::from(body), version)?;
    if id != correlation_id {
        return Err(ProbeError::Correlation { addr, expected: correlation_id, got: id });
    }
    Ok(response)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    /// Needs a running broker on 127.0.0.1:9092 (`cargo xtask kafka start`):
    /// `cargo test -p server-stub --features testing -- --ignored probe`.
    #[test]
    #[ignore]
    fn probe_lists_running_brokers() {
        let addr = ([127, 0, 0, 1], super::super::DEFAULT_PORT).into();
        let ids = super::broker_ids(addr, std::time::Duration::from_secs(5)).unwrap();
        eprintln!("brokers: {ids:?}");
        assert!(ids.contains(&0));
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

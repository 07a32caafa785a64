//! A minimal request/response connection built only on `kfk-protocol`, for tests that check the
//! wire format against a broker without the client crate in between.

use std::collections::HashMap;
use std::time::Duration;

use bytes::BytesMut;
use kfk_protocol::frame::{self, FrameDecoder};
use kfk_protocol::messages::{ApiKey, ApiVersionsRequest};
use kfk_protocol::{DecodeError, EncodeError, Request};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Every network wait in these tests is bounded by this.
pub const IO_TIMEOUT: Duration = Duration::from_secs(30);

/// What can go wrong talking to a broker.
#[derive(Debug, thiserror::Error)]
pub enum WireError {
    /// Connecting, reading or writing failed.
    #[error("i/o with {addr}: {source}")]
    Io {
        /// The broker.
        addr: String,
        /// The failure.
        source: std::io::Error,
    },
    /// No answer in time.
    #[error("{addr} did not answer within {IO_TIMEOUT:?}")]
    Timeout {
        /// The broker.
        addr: String,
    },
    /// The broker closed the connection.
    #[error("{addr} closed the connection")]
    Closed {
        /// The broker.
        addr: String,
    },
    /// A request could not be encoded.
    #[error(transparent)]
    Encode(#[from] EncodeError),
    /// A response could not be decoded.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// A frame was oversized.
    #[error(transparent)]
    Frame(#[from] frame::FrameSizeError),
    /// The response answered another request.
    #[error("expected correlation id {expected}, got {got}")]
    Correlation {
        /// The id sent.
        expected: i32,
        /// The id received.
        got: i32,
    },
    /// The broker does not support the API.
    #[error("{addr} does not support {api:?}")]
    Unsupported {
        /// The broker.
        addr: String,
        /// The API.
        api: ApiKey,
    },
}

/// One connection to one broker, with the API versions it advertised.
#[derive(Debug)]
pub struct Conn {
    addr: String,
    stream: TcpStream,
    read_buf: BytesMut,
    write_buf: BytesMut,
    next_correlation: i32,
    /// The broker's advertised range per API key.
    pub broker_versions: HashMap<i16, (i16, i16)>,
    /// The cluster's finalized feature levels (`group.version`, `transaction.version`, ...).
    pub features: HashMap<String, i16>,
}

impl Conn {
    /// Connects and asks the broker which versions it supports.
    pub async fn connect(addr: &str) -> Result<Conn, WireError> {
        let io = |source| WireError::Io { addr: addr.to_string(), source };
        let stream = tokio::time::timeout(IO_TIMEOUT, TcpStream::connect(addr))
            .await
            .map_err(|_| WireError::Timeout { addr: addr.to_string() })?
            .map_err(io)?;
        stream.set_nodelay(true).map_err(io)?;
        let mut conn = Conn {
            addr: addr.to_string(),
            stream,
            read_buf: BytesMut::with_capacity(64 * 1024),
            write_buf: BytesMut::new(),
            next_correlation: 1,
            broker_versions: HashMap::new(),
            features: HashMap::new(),
        };
        let request = ApiVersionsRequest {
            client_software_name: "kafka-rs-tests".into(),
            client_software_version: env!("CARGO_PKG_VERSION").into(),
            ..Default::default()
        };
        let response = conn.send_at(&request, 3).await?;
        conn.broker_versions = response.api_keys.iter().map(|k| (k.api_key, (k.min_version, k.max_version))).collect();
        conn.features = response.finalized_features.iter().map(|f| (f.name.clone(), f.max_version_level)).collect();
        Ok(conn)
    }

    /// Whether the cluster runs the group protocol `protocol` (`consumer`: KIP-848, which also
    /// needs the `group.version` feature finalized, as Kafka 4.x does and 3.9 does not by
    /// default; anything else: the classic protocol).
    pub fn offers_group_protocol(&self, protocol: &str) -> bool {
        if protocol == "consumer" {
            self.version_for(ApiKey::ConsumerGroupHeartbeat).is_some()
                && self.features.get("group.version").is_some_and(|&level| level >= 1)
        } else {
            self.version_for(ApiKey::JoinGroup).is_some()
        }
    }

    /// The broker this connection talks to.
    pub fn addr(&self) -> &str {
        &self.addr
    }

    /// The highest version of `api` both sides support.
    pub fn version_for(&self, api: ApiKey) -> Option<i16> {
        let (bmin, bmax) = *self.broker_versions.get(&api.key())?;
        let ours = api.versions();
        let v = bmax.min(ours.max);
        (v >= bmin.max(ours.min)).then_some(v)
    }

    /// Sends `request` at the highest version both sides support and waits for the response.
    pub async fn send<R: Request>(&mut self, request: &R) -> Result<R::Response, WireError> {
        let version = self
            .version_for(R::API_KEY)
            .ok_or_else(|| WireError::Unsupported { addr: self.addr.clone(), api: R::API_KEY })?;
        self.send_at(request, version).await
    }

    /// Sends `request` at `version` and waits for the response.
    pub async fn send_at<R: Request>(&mut self, request: &R, version: i16) -> Result<R::Response, WireError> {
        let correlation = self.next_correlation;
        self.next_correlation = self.next_correlation.wrapping_add(1);
        self.write_buf.clear();
        frame::encode_request(&mut self.write_buf, correlation, Some("kafka-rs-tests"), request, version)?;
        let addr = self.addr.clone();
        let io = |source| WireError::Io { addr: addr.clone(), source };
        tokio::time::timeout(IO_TIMEOUT, self.stream.write_all(&self.write_buf))
            .await
            .map_err(|_| WireError::Timeout { addr: self.addr.clone() })?
            .map_err(io)?;
        let decoder = FrameDecoder::new(256 * 1024 * 1024);
        let frame = loop {
            if let Some(frame) = decoder.next_frame(&mut self.read_buf)? {
                break frame;
            }
            let n = tokio::time::timeout(IO_TIMEOUT, self.stream.read_buf(&mut self.read_buf))
                .await
                .map_err(|_| WireError::Timeout { addr: self.addr.clone() })?
                .map_err(io)?;
            if n == 0 {
                return Err(WireError::Closed { addr: self.addr.clone() });
            }
        };
        let (got, response) = frame::decode_response::<R>(frame, version)?;
        if got != correlation {
            return Err(WireError::Correlation { expected: correlation, got });
        }
        Ok(response)
    }
}

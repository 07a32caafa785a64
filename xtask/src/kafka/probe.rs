//! Asking a broker over the Kafka protocol which brokers it knows: ApiVersions, then Metadata at
//! the highest version both sides speak, over a blocking `TcpStream` with timeouts.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use anyhow::{bail, Context, Result};
use bytes::{Bytes, BytesMut};
use kafka_protocol::frame;
use kafka_protocol::messages::{ApiKey, ApiVersionsRequest, MetadataRequest};
use kafka_protocol::{Message, Request};

const CLIENT_ID: &str = "xtask-kafka-probe";
/// ApiVersions v3 (the first flexible version) is understood by every KRaft-era broker.
const API_VERSIONS_VERSION: i16 = 3;
const MAX_FRAME: usize = 16 << 20;

/// The node ids of the brokers the broker at `127.0.0.1:port` lists in its metadata.
pub fn broker_ids(port: u16, timeout: Duration) -> Result<Vec<i32>> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let mut stream = TcpStream::connect_timeout(&addr, timeout)
        .with_context(|| format!("connecting to {addr}"))?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;

    let request = ApiVersionsRequest {
        client_software_name: CLIENT_ID.into(),
        client_software_version: env!("CARGO_PKG_VERSION").into(),
        ..Default::default()
    };
    let versions = call(&mut stream, 1, &request, API_VERSIONS_VERSION)
        .with_context(|| format!("ApiVersions to {addr}"))?;
    if versions.error_code != 0 {
        bail!("ApiVersions to {addr}: error code {}", versions.error_code);
    }
    let metadata = versions
        .api_keys
        .iter()
        .find(|api| api.api_key == ApiKey::Metadata.key())
        .with_context(|| format!("{addr} does not offer Metadata"))?;
    let ours = MetadataRequest::VERSIONS;
    let version = metadata.max_version.min(ours.max);
    if version < metadata.min_version.max(ours.min) {
        bail!(
            "{addr} speaks Metadata v{}..=v{}, we v{}..=v{}",
            metadata.min_version,
            metadata.max_version,
            ours.min,
            ours.max
        );
    }

    // No topics: just the brokers (an empty list, not null, which would mean every topic).
    let request = MetadataRequest {
        topics: Some(Vec::new()),
        ..Default::default()
    };
    let response = call(&mut stream, 2, &request, version)
        .with_context(|| format!("Metadata v{version} to {addr}"))?;
    Ok(response.brokers.iter().map(|b| b.node_id).collect())
}

/// Sends one request and reads its response.
fn call<R: Request>(
    stream: &mut TcpStream,
    correlation_id: i32,
    request: &R,
    version: i16,
) -> Result<R::Response> {
    let mut out = BytesMut::new();
    frame::encode_request(&mut out, correlation_id, Some(CLIENT_ID), request, version)?;
    stream.write_all(&out)?;
    let mut size = [0u8; 4];
    stream.read_exact(&mut size)?;
    let size = i32::from_be_bytes(size);
    if size < 0 || size as usize > MAX_FRAME {
        bail!("response frame of {size} bytes");
    }
    let mut body = vec![0u8; size as usize];
    stream.read_exact(&mut body)?;
    let (id, response) = frame::decode_response::<R>(Bytes::from(body), version)?;
    if id != correlation_id {
        bail!("response has correlation id {id}, expected {correlation_id}");
    }
    Ok(response)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    /// Needs a running `cargo xtask kafka start`: `cargo test -p xtask -- --ignored probe`.
    #[test]
    #[ignore]
    fn probe_lists_running_brokers() {
        let ids = super::broker_ids(
            super::super::DEFAULT_PORT,
            std::time::Duration::from_secs(5),
        )
        .unwrap();
        eprintln!("brokers: {ids:?}");
        assert!(ids.contains(&0));
    }
}

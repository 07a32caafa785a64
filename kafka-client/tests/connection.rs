//! `Connection` against a scripted broker on loopback: the handshake, pipelining, timeouts,
//! cancellation and disconnects.

use std::time::Duration;

use bytes::BytesMut;
use kafka_client::net::{Connection, ConnectionConfig};
use kafka_client::{BrokerId, Error};
use kafka_protocol::frame::{self, FrameDecoder};
use kafka_protocol::messages::api_versions::response::ApiVersion;
use kafka_protocol::messages::{
    ApiKey, ApiVersionsResponse, MetadataRequest, MetadataResponse, RequestBody, ResponseBody,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// How the scripted broker treats Metadata requests.
#[derive(Clone, Copy)]
enum Script {
    /// Answer each with `throttle_time_ms` = correlation id.
    Answer,
    /// Never answer Metadata.
    Silent,
    /// Close the connection on the first Metadata.
    Hangup,
    /// Advertise a pre-2.1 broker.
    Ancient,
}

async fn serve(script: Script) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr").to_string();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            tokio::spawn(handle(socket, script));
        }
    });
    addr
}

async fn handle(mut socket: TcpStream, script: Script) {
    let decoder = FrameDecoder::new(1 << 20);
    let mut buf = BytesMut::new();
    loop {
        let frame = loop {
            if let Some(f) = decoder.next_frame(&mut buf).expect("frame") {
                break f;
            }
            if socket.read_buf(&mut buf).await.unwrap_or(0) == 0 {
                return;
            }
        };
        let (header, body) = frame::decode_request(frame).expect("decode request");
        let version = header.request_api_version;
        let response: ResponseBody = match body {
            RequestBody::ApiVersions(_) => {
                let (produce, fetch) = if matches!(script, Script::Ancient) { (5, 8) } else { (12, 17) };
                ApiVersionsResponse {
                    api_keys: [
                        (ApiKey::ApiVersions, 0, 4),
                        (ApiKey::Metadata, 0, 12),
                        (ApiKey::Produce, 3, produce),
                        (ApiKey::Fetch, 4, fetch),
                    ]
                    .iter()
                    .map(|&(k, min, max)| ApiVersion {
                        api_key: k.key(),
                        min_version: min,
                        max_version: max,
                        ..Default::default()
                    })
                    .collect(),
                    ..Default::default()
                }
                .into()
            }
            RequestBody::Metadata(_) => match script {
                Script::Silent => continue,
                Script::Hangup => return,
                _ => MetadataResponse { throttle_time_ms: header.correlation_id, ..Default::default() }.into(),
            },
            other => panic!("unexpected request {:?}", other.api_key()),
        };
        let mut out = BytesMut::new();
        frame::encode_response(&mut out, header.correlation_id, &response, version).expect("encode response");
        if socket.write_all(&out).await.is_err() {
            return;
        }
    }
}

fn config() -> ConnectionConfig {
    ConnectionConfig { request_timeout: Duration::from_millis(300), ..Default::default() }
}

async fn connect(script: Script) -> Result<Connection, Error> {
    let addr = serve(script).await;
    Connection::connect(BrokerId { node_id: 0, addr }, config()).await
}

#[tokio::test]
async fn negotiates_versions_and_round_trips() {
    let conn = connect(Script::Answer).await.expect("connect");
    assert_eq!(conn.version_for(ApiKey::Metadata).expect("metadata version"), 12);
    assert!(conn.version_for(ApiKey::CreateTopics).is_err(), "not advertised");
    let response = conn.send(&MetadataRequest::default()).await.expect("metadata");
    assert!(response.throttle_time_ms > 0, "the correlation id came back");
}

#[tokio::test]
async fn pipelined_requests_each_get_their_own_response() {
    let conn = connect(Script::Answer).await.expect("connect");
    let tasks: Vec<_> = (0..64)
        .map(|_| {
            let conn = conn.clone();
            tokio::spawn(async move { conn.send(&MetadataRequest::default()).await.map(|r| r.throttle_time_ms) })
        })
        .collect();
    let mut ids = Vec::new();
    for t in tasks {
        ids.push(t.await.expect("task").expect("response"));
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 64, "every request got a distinct response");
}

#[tokio::test]
async fn a_timeout_closes_the_connection_and_fails_fast_afterwards() {
    let conn = connect(Script::Silent).await.expect("connect");
    let err = conn.send(&MetadataRequest::default()).await.unwrap_err();
    assert!(matches!(err, Error::RequestTimeout { api: ApiKey::Metadata, .. }), "{err}");
    assert!(err.is_retriable());
    assert!(conn.is_closed());
    let err = conn.send(&MetadataRequest::default()).await.unwrap_err();
    assert!(matches!(err, Error::Disconnected { .. }), "{err}");
}

#[tokio::test]
async fn a_cancelled_request_leaves_the_connection_usable() {
    let conn = connect(Script::Answer).await.expect("connect");
    // Give up on a request right away; its response arrives later and is discarded.
    let abandoned = tokio::time::timeout(Duration::from_micros(1), conn.send(&MetadataRequest::default())).await;
    drop(abandoned);
    for _ in 0..5 {
        conn.send(&MetadataRequest::default()).await.expect("later requests still work");
    }
}

#[tokio::test]
async fn a_hangup_fails_the_request_in_flight() {
    let conn = connect(Script::Hangup).await.expect("connect");
    let err = conn.send(&MetadataRequest::default()).await.unwrap_err();
    assert!(matches!(err, Error::Disconnected { api: Some(ApiKey::Metadata), .. }), "{err}");
    assert!(conn.is_closed());
}

#[tokio::test]
async fn brokers_older_than_2_1_are_refused() {
    let err = connect(Script::Ancient).await.unwrap_err();
    assert!(matches!(err, Error::BrokerTooOld { .. }), "{err}");
    assert!(err.to_string().contains("upgrade the broker"), "{err}");
}

#[tokio::test]
async fn connecting_to_a_closed_port_is_an_io_error() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr").to_string();
    drop(listener);
    let err = Connection::connect(BrokerId { node_id: 3, addr: addr.clone() }, config()).await.unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err}");
    assert!(err.to_string().contains(&addr), "the error names the broker: {err}");
}

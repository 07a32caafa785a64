//! `Connection` against a scripted broker on loopback: the handshake, pipelining, timeouts,
//! cancellation and disconnects.

use std::time::Duration;

use bytes::BytesMut;
use kfk_client::net::{Connection, ConnectionConfig};
use kfk_client::{BrokerId, Error};
use kfk_protocol::frame::{self, FrameDecoder};
use kfk_protocol::messages::api_versions::response::ApiVersion;
use kfk_protocol::messages::{
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
    /// Answer Metadata with a correlation id nobody asked for.
    WrongCorrelation,
    /// Announce a Metadata answer of this many bytes (only its header is sent).
    Announce(i32),
    /// Answer Metadata with a valid v12 answer of about this many bytes: an array of
    /// 11-byte brokers, streamed so the fake broker itself holds none of it.
    Hostile(usize),
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
                Script::WrongCorrelation => {
                    let response: ResponseBody = MetadataResponse::default().into();
                    let mut out = BytesMut::new();
                    frame::encode_response(&mut out, header.correlation_id + 1000, &response, version)
                        .expect("encode response");
                    if socket.write_all(&out).await.is_err() {
                        return;
                    }
                    continue;
                }
                Script::Announce(size) => {
                    let mut out = BytesMut::new();
                    out.extend_from_slice(&size.to_be_bytes());
                    out.extend_from_slice(&header.correlation_id.to_be_bytes());
                    let _ = socket.write_all(&out).await;
                    continue;
                }
                Script::Hostile(bytes) => {
                    assert_eq!(version, 12, "the hostile answer is written for Metadata v12");
                    write_hostile_metadata(&mut socket, header.correlation_id, bytes).await;
                    continue;
                }
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

/// A Metadata v12 answer listing `bytes / 11` brokers with empty hosts and no racks: each
/// 11 bytes on the wire, a `MetadataResponseBroker` of several times that once decoded.
async fn write_hostile_metadata(socket: &mut TcpStream, correlation_id: i32, bytes: usize) {
    const BROKER: usize = 11;
    let count = bytes / BROKER;
    let mut varint = Vec::new();
    let mut n = count as u32 + 1;
    while n >= 0x80 {
        varint.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    varint.push(n as u8);
    // header: correlation id, no tagged fields; body: throttle, brokers, null cluster id,
    // controller id, no topics, no tagged fields.
    let size = 4 + 1 + 4 + varint.len() + count * BROKER + 1 + 4 + 1 + 1;
    let mut head = BytesMut::new();
    head.extend_from_slice(&(size as i32).to_be_bytes());
    head.extend_from_slice(&correlation_id.to_be_bytes());
    head.extend_from_slice(&[0, 0, 0, 0, 0]);
    head.extend_from_slice(&varint);
    if socket.write_all(&head).await.is_err() {
        return;
    }
    // node id 1, host "", port 9092, rack null, no tagged fields.
    let broker: [u8; BROKER] = [0, 0, 0, 1, 1, 0, 0, 0x23, 0x84, 0, 0];
    let chunk: Vec<u8> = broker.iter().copied().cycle().take(BROKER * 64 * 1024).collect();
    let mut left = count;
    while left > 0 {
        let n = left.min(64 * 1024);
        if socket.write_all(&chunk[..n * BROKER]).await.is_err() {
            // The client refused the answer and closed the connection.
            return;
        }
        left -= n;
    }
    let _ = socket.write_all(&[0, 0xff, 0xff, 0xff, 0xff, 1, 0]).await;
}

fn config() -> ConnectionConfig {
    let mut config = ConnectionConfig::default();
    config.request_timeout = Duration::from_millis(300);
    config
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
    assert!(matches!(err, Error::RequestTimeout { api, .. } if api.name() == "Metadata"), "{err}");
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
    assert!(matches!(err, Error::Disconnected { api: Some(api), .. } if api.name() == "Metadata"), "{err}");
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

/// A response whose correlation id no request waits for: the stream is out of step, so the
/// request fails at once (not at its timeout) with an error naming broker, API and both ids,
/// and the connection is closed, as the Java client does.
#[tokio::test]
async fn a_wrong_correlation_id_fails_the_request_at_once_and_closes_the_connection() {
    let addr = serve(Script::WrongCorrelation).await;
    let mut config = ConnectionConfig::default();
    config.request_timeout = Duration::from_secs(5);
    let conn = Connection::connect(BrokerId { node_id: 4, addr }, config).await.expect("connect");
    let started = std::time::Instant::now();
    let err = conn.send(&MetadataRequest::default()).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(1), "failed at once, not at the timeout: {err}");
    match &err {
        Error::CorrelationMismatch { broker, api, expected, got } if api.name() == "Metadata" => {
            assert_eq!(broker.node_id, 4);
            assert_eq!(*got, *expected + 1000);
        }
        other => panic!("expected a correlation mismatch, got {other}"),
    }
    let message = err.to_string();
    assert!(message.contains("broker 4") && message.contains("correlation id"), "{message}");
    assert!(err.is_retriable(), "a new connection may do better");
    assert!(conn.is_closed());
    let err = conn.send(&MetadataRequest::default()).await.unwrap_err();
    assert!(matches!(err, Error::Disconnected { .. }), "{err}");
}

/// A frame above the limit: the caller learns its size, the limit and the setting to raise,
/// not just that the connection closed.
#[tokio::test]
async fn an_oversized_frame_reaches_the_caller_with_its_size_and_limit() {
    let addr = serve(Script::Announce(2 << 20)).await;
    let mut config = config();
    config.max_response_size = 1 << 20;
    let conn = Connection::connect(BrokerId { node_id: 0, addr }, config).await.expect("connect");
    let err = conn.send(&MetadataRequest::default()).await.unwrap_err();
    match &err {
        Error::ResponseTooLarge { api, size, max, setting, .. } if api.name() == "Metadata" => {
            assert_eq!(*size, 2 << 20);
            // Metadata carries no records: 1/8 of receive.message.max.bytes.
            assert_eq!(*max, (1 << 20) / 8);
            assert!(setting.contains("receive.message.max.bytes"), "{setting}");
        }
        other => panic!("expected ResponseTooLarge, got {other}"),
    }
    let message = err.to_string();
    assert!(message.contains("2097152") && message.contains("131072"), "{message}");
    assert!(!err.is_retriable(), "the same answer would come again");
    assert!(conn.is_closed());
}

/// A hostile Metadata answer of 40 MiB (3.8 million 11-byte brokers, some 400 MB once decoded)
/// is within the default `receive.message.max.bytes` (256 MiB) but far above what Metadata may
/// cost (1/8 of it): it is refused from its header, before its body is buffered or decoded.
#[tokio::test]
async fn a_hostile_metadata_answer_is_refused_before_it_is_decoded() {
    let bytes = 40 << 20;
    let addr = serve(Script::Hostile(bytes)).await;
    let conn = Connection::connect(BrokerId { node_id: 0, addr }, ConnectionConfig::default()).await.expect("connect");
    let err = conn.send(&MetadataRequest::default()).await.unwrap_err();
    match &err {
        Error::ResponseTooLarge { api, size, max, .. } if api.name() == "Metadata" => {
            assert!(*size >= bytes as i64 - 16, "{size}");
            assert_eq!(*max, 32 << 20);
        }
        other => panic!("expected ResponseTooLarge, got {other}"),
    }
    assert!(conn.is_closed());

    // The same answer, small enough for Metadata's cap, is well formed: it decodes.
    let addr = serve(Script::Hostile(1 << 20)).await;
    let conn = Connection::connect(BrokerId { node_id: 0, addr }, ConnectionConfig::default()).await.expect("connect");
    let response = conn.send(&MetadataRequest::default()).await.expect("a valid answer");
    assert_eq!(response.brokers.len(), (1 << 20) / 11);
    assert_eq!(response.controller_id, -1);
}

//! Test-side client: sends one request over a TcpStream and reads its response, with nothing
//! but `kfk-protocol` (the stub is tested without the client crate).
#![allow(dead_code)]

use std::net::SocketAddr;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use kfk_protocol::compression::Compression;
use kfk_protocol::frame::{self, FrameDecoder};
use kfk_protocol::messages::produce::request::{PartitionProduceData, TopicProduceData};
use kfk_protocol::messages::{ApiKey, ProduceRequest};
use kfk_protocol::records::RecordBatchBuilder;
use kfk_protocol::Request;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Every wait in these tests is bounded by this.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// One connection to one broker.
pub struct Conn {
    stream: TcpStream,
    input: BytesMut,
    next_correlation_id: i32,
}

impl Conn {
    pub async fn connect(addr: SocketAddr) -> std::io::Result<Conn> {
        let stream = tokio::time::timeout(TIMEOUT, TcpStream::connect(addr))
            .await
            .map_err(|_| std::io::Error::other("connect timed out"))??;
        Ok(Conn { stream, input: BytesMut::new(), next_correlation_id: 1 })
    }

    /// Writes a request; returns its correlation id.
    pub async fn write<R: Request>(&mut self, request: &R, version: i16) -> i32 {
        let id = self.next_correlation_id;
        self.next_correlation_id += 1;
        let mut buf = BytesMut::new();
        frame::encode_request(&mut buf, id, Some("stub-test"), request, version).expect("encodable request");
        self.write_raw(&buf).await;
        id
    }

    pub async fn write_raw(&mut self, bytes: &[u8]) {
        self.stream.write_all(bytes).await.expect("write to the stub");
    }

    /// The next response frame, or `None` if the connection closed.
    pub async fn read_frame(&mut self) -> Option<Bytes> {
        let decoder = FrameDecoder::new(256 << 20);
        tokio::time::timeout(TIMEOUT, async {
            loop {
                if let Some(frame) = decoder.next_frame(&mut self.input).expect("sane frame size") {
                    return Some(frame);
                }
                match self.stream.read_buf(&mut self.input).await {
                    Ok(0) | Err(_) => return None,
                    Ok(_) => {}
                }
            }
        })
        .await
        .expect("the stub answered or closed in time")
    }

    /// Reads the response to the request `id` of type `R` at `version`.
    pub async fn read<R: Request>(&mut self, id: i32, version: i16) -> R::Response {
        let frame = self.read_frame().await.expect("a response, not a closed connection");
        let (correlation_id, response) = frame::decode_response::<R>(frame, version).expect("decodable response");
        assert_eq!(correlation_id, id, "responses come in request order");
        response
    }

    /// Sends a request and waits for its response.
    pub async fn send<R: Request>(&mut self, request: &R, version: i16) -> R::Response {
        let id = self.write(request, version).await;
        self.read::<R>(id, version).await
    }

    /// Whether a frame arrives within `within` (it stays buffered for the next read): a parked
    /// request's response must not.
    pub async fn has_response_within(&mut self, within: Duration) -> bool {
        let decoder = FrameDecoder::new(256 << 20);
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let mut peek = self.input.clone();
            if decoder.next_frame(&mut peek).expect("sane frame size").is_some() {
                return true;
            }
            match tokio::time::timeout_at(deadline, self.stream.read_buf(&mut self.input)).await {
                Err(_) => return false,
                Ok(Ok(0)) | Ok(Err(_)) => return true,
                Ok(Ok(_)) => {}
            }
        }
    }

    /// Whether the stub has closed the connection already (a response is not a close).
    pub async fn is_closed_now(&mut self) -> bool {
        let mut probe = [0u8; 1];
        match tokio::time::timeout(Duration::from_millis(1), self.stream.peek(&mut probe)).await {
            Ok(Ok(0)) | Ok(Err(_)) => true,
            Ok(Ok(_)) | Err(_) => false,
        }
    }

    /// Whether the stub closed the connection (within the timeout).
    pub async fn is_closed(&mut self) -> bool {
        self.read_frame().await.is_none()
    }
}

/// A batch of `n` records `value-0..` with timestamps from `ts`.
pub fn batch(codec: Compression, n: usize, ts: i64) -> Bytes {
    let mut b = RecordBatchBuilder::new(codec);
    for i in 0..n {
        b.append(ts + i as i64, Some(format!("key-{i}").as_bytes()), Some(format!("value-{i}").as_bytes()))
            .expect("append");
    }
    b.build().expect("build")
}

/// An idempotent batch of `n` records starting at sequence `seq`.
pub fn idempotent_batch(pid: i64, epoch: i16, seq: i32, n: usize) -> Bytes {
    let mut b = RecordBatchBuilder::new(Compression::None).with_producer(pid, epoch, seq);
    for i in 0..n {
        b.append(1_700_000_000_000 + i as i64, None, Some(b"v")).expect("append");
    }
    b.build().expect("build")
}

/// A Produce request of one batch to `topic`-`partition`.
pub fn produce(topic: &str, partition: i32, acks: i16, records: Bytes) -> ProduceRequest {
    ProduceRequest {
        acks,
        timeout_ms: 5000,
        topic_data: vec![TopicProduceData {
            name: topic.to_owned(),
            partition_data: vec![PartitionProduceData {
                index: partition,
                records: Some(records),
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    }
}

pub const PRODUCE_V: i16 = 12;
pub const FETCH_V: i16 = 12;

/// The newest version of an API the crate knows.
pub fn newest(api: ApiKey) -> i16 {
    api.versions().max
}

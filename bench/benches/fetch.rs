//! Decoding a 1 MiB Fetch response (v16: one topic, eight partitions of uncompressed batches of
//! 100-byte records) and reading every record: this crate against `kafka-protocol` 0.18.
//!
//! Both sides decode the message, then every partition's record set, touching each key and
//! value; both verify CRCs. Throughput is in bytes of response.

use std::hint::black_box;

use bytes::{Bytes, BytesMut};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kafka_protocol_peer::protocol::Decodable as _;
use kfk_protocol::compression::Compression;
use kfk_protocol::messages::fetch::response::{FetchableTopicResponse, PartitionData};
use kfk_protocol::messages::FetchResponse;
use kfk_protocol::records::{BatchRecords, Batches, RecordBatchBuilder};
use kfk_protocol::{Decode, Encode};

const VERSION: i16 = 16;
const PARTITIONS: i32 = 8;
const PARTITION_BYTES: usize = 128 * 1024;

/// A Fetch response of about 1 MiB, encoded by this crate.
fn response() -> Bytes {
    let partition_data = (0..PARTITIONS)
        .map(|p| {
            let mut records = BytesMut::new();
            let mut offset = 0i64;
            while records.len() < PARTITION_BYTES {
                let mut batch = RecordBatchBuilder::new(Compression::None).with_base_offset(offset);
                for i in 0..100 {
                    let key = format!("key-{p}-{i}");
                    let value = vec![b'v'; 100];
                    batch.append(1_700_000_000_000 + i, Some(key.as_bytes()), Some(&value)).expect("append");
                }
                offset += 100;
                records.extend_from_slice(&batch.build().expect("build"));
            }
            PartitionData {
                partition_index: p,
                high_watermark: offset,
                records: Some(records.freeze()),
                ..Default::default()
            }
        })
        .collect();
    let response = FetchResponse {
        responses: vec![FetchableTopicResponse {
            topic_id: kfk_protocol::Uuid::from_u128(7),
            partitions: partition_data,
            ..Default::default()
        }],
        ..Default::default()
    };
    let mut buf = BytesMut::new();
    response.encode(&mut buf, VERSION).expect("encode");
    buf.freeze()
}

fn ours(bytes: &Bytes) -> usize {
    let response = FetchResponse::decode(&mut bytes.clone(), VERSION).expect("decode");
    let mut seen = 0;
    for topic in &response.responses {
        for p in &topic.partitions {
            let Some(records) = p.records.clone() else { continue };
            for batch in Batches::new(records) {
                let batch = batch.expect("batch");
                if let Ok(BatchRecords::V2(v2)) = batch.records() {
                    for record in v2 {
                        let record = record.expect("record");
                        seen += record.key.map_or(0, |k| k.len()) + record.value.map_or(0, |v| v.len());
                    }
                }
            }
        }
    }
    seen
}

fn peer(bytes: &Bytes) -> usize {
    let response = kafka_protocol_peer::messages::FetchResponse::decode(&mut bytes.clone(), VERSION).expect("decode");
    let mut seen = 0;
    for topic in &response.responses {
        for p in &topic.partitions {
            let Some(mut records) = p.records.clone() else { continue };
            for set in kafka_protocol_peer::records::RecordBatchDecoder::decode_all(&mut records).expect("records") {
                for record in set.records {
                    seen += record.key.map_or(0, |k| k.len()) + record.value.map_or(0, |v| v.len());
                }
            }
        }
    }
    seen
}

fn fetch(c: &mut Criterion) {
    let bytes = response();
    assert_eq!(ours(&bytes), peer(&bytes), "both read the same records");
    let mut group = c.benchmark_group("fetch_decode_1mib");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("ours", |b| b.iter(|| black_box(ours(black_box(&bytes)))));
    group.bench_function("kafka-protocol-0.18", |b| b.iter(|| black_box(peer(black_box(&bytes)))));
    group.finish();
}

criterion_group!(benches, fetch);
criterion_main!(benches);

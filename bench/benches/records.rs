//! RecordBatch build and parse: this crate against `kafka-protocol` 0.18 from crates.io.
//!
//! Workload: one batch of 1,000 records, 10-byte keys, 100-byte values, no headers; uncompressed
//! and lz4. Throughput is reported in records per second. Both readers verify the CRC and
//! decompress; both builders compress and compute the CRC.
//!
//! `parse/*/ours` reads owned records (key and value as `Bytes` handles, like the peer's);
//! `parse/*/ours-borrowed` reads the same records as borrowed slices (`Records::iter_ref`).

use std::hint::black_box;

use bytes::{Bytes, BytesMut};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kafka_bench::{workload, RECORDS};
use kafka_protocol_peer::indexmap::IndexMap;
use kafka_protocol_peer::records as peer;
use kfk_protocol::compression::Compression;
use kfk_protocol::records::{BatchRecords, Batches, RecordBatchBuilder};

type Workload = Vec<(i64, Vec<u8>, Vec<u8>)>;

fn ours_build(records: &Workload, codec: Compression) -> Bytes {
    let mut builder = RecordBatchBuilder::with_capacity(codec, RECORDS * 128);
    for (ts, key, value) in records {
        builder.append(*ts, Some(key), Some(value)).unwrap_or_default();
    }
    builder.build().unwrap_or_default()
}

fn peer_records(records: &Workload) -> Vec<peer::Record> {
    records
        .iter()
        .enumerate()
        .map(|(i, (ts, key, value))| peer::Record {
            transactional: false,
            control: false,
            delete_horizon: false,
            partition_leader_epoch: -1,
            producer_id: -1,
            producer_epoch: -1,
            timestamp_type: peer::TimestampType::Creation,
            offset: i as i64,
            // The peer starts a new batch whenever offset - sequence changes: keep it constant.
            sequence: i as i32,
            timestamp: *ts,
            key: Some(Bytes::copy_from_slice(key)),
            value: Some(Bytes::copy_from_slice(value)),
            headers: IndexMap::new(),
        })
        .collect()
}

fn peer_build(records: &[peer::Record], codec: peer::Compression) -> Bytes {
    let mut buf = BytesMut::with_capacity(RECORDS * 128);
    let options = peer::RecordEncodeOptions { version: 2, compression: codec };
    peer::RecordBatchEncoder::encode(&mut buf, records, &options).unwrap_or_default();
    buf.freeze()
}

/// Reads every record, touching key and value; returns the bytes seen.
fn ours_parse(bytes: &Bytes) -> usize {
    let mut total = 0;
    for batch in Batches::new(bytes.clone()) {
        let Ok(batch) = batch else { return 0 };
        let Ok(records) = batch.records() else { return 0 };
        for record in records.flatten() {
            total += record.key.map_or(0, |k| k.len()) + record.value.map_or(0, |v| v.len());
        }
    }
    total
}

/// As `ours_parse`, with borrowed record views (no `Bytes` handles, no reference counting).
fn ours_parse_ref(bytes: &Bytes) -> usize {
    let mut total = 0;
    for batch in Batches::new(bytes.clone()) {
        let Ok(batch) = batch else { return 0 };
        let Ok(BatchRecords::V2(records)) = batch.records() else { return 0 };
        for record in records.iter_ref().flatten() {
            total += record.key.map_or(0, <[u8]>::len) + record.value.map_or(0, <[u8]>::len);
        }
    }
    total
}

fn peer_parse(bytes: &Bytes) -> usize {
    let mut buf = bytes.clone();
    let Ok(set) = peer::RecordBatchDecoder::decode(&mut buf) else { return 0 };
    set.records.iter().map(|r| r.key.as_ref().map_or(0, |k| k.len()) + r.value.as_ref().map_or(0, |v| v.len())).sum()
}

fn records(c: &mut Criterion) {
    let work = workload();
    let peer_work = peer_records(&work);
    for (name, ours, theirs) in
        [("none", Compression::None, peer::Compression::None), ("lz4", Compression::Lz4, peer::Compression::Lz4)]
    {
        // Both sides must produce batches both sides read, or the comparison means nothing.
        let a = ours_build(&work, ours);
        let b = peer_build(&peer_work, theirs);
        let expected = RECORDS * (kafka_bench::KEY_LEN + kafka_bench::VALUE_LEN);
        assert_eq!((ours_parse(&a), ours_parse(&b)), (expected, expected), "{name}");
        assert_eq!((peer_parse(&a), peer_parse(&b)), (expected, expected), "{name}");
        assert_eq!(ours_parse_ref(&a), expected, "{name}");

        let mut group = c.benchmark_group(format!("records/build/{name}"));
        group.throughput(Throughput::Elements(RECORDS as u64));
        group.bench_function("ours", |bench| bench.iter(|| ours_build(black_box(&work), ours)));
        group.bench_function("kafka-protocol-0.18", |bench| bench.iter(|| peer_build(black_box(&peer_work), theirs)));
        group.finish();

        let mut group = c.benchmark_group(format!("records/parse/{name}"));
        group.throughput(Throughput::Elements(RECORDS as u64));
        group.bench_function("ours", |bench| bench.iter(|| ours_parse(black_box(&a))));
        group.bench_function("ours-borrowed", |bench| bench.iter(|| ours_parse_ref(black_box(&a))));
        group.bench_function("kafka-protocol-0.18", |bench| bench.iter(|| peer_parse(black_box(&a))));
        group.finish();
    }
}

// Fetch-response decoding (a 1 MiB FetchResponse: message decode plus every partition's record
// set) goes here, as `fn fetch(c: &mut Criterion)` added to the group below, once the generated
// messages are in place.

criterion_group!(benches, records);
criterion_main!(benches);

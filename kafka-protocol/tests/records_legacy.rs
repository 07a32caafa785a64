//! Legacy MessageSet v0/v1 (read only): plain messages, compressed wrappers, offsets and
//! timestamps as the Java client reports them, and malformed sets. The messages are written
//! here by hand; `golden_records` checks the same against sets the Java client wrote.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use bytes::Bytes;
use kfk_protocol::compression::Compression;
use kfk_protocol::records::{
    Batch, Batches, EndTxnMarker, ParseOptions, Record, RecordBatchBuilder, RecordsError, TimestampType,
    TransactionResult,
};

/// One legacy message with its log overhead; `attributes` holds codec and timestamp-type bits.
fn message(
    offset: i64,
    magic: i8,
    attributes: i8,
    timestamp: i64,
    key: Option<&[u8]>,
    value: Option<&[u8]>,
) -> Vec<u8> {
    let mut body = vec![magic as u8, attributes as u8];
    if magic == 1 {
        body.extend_from_slice(&timestamp.to_be_bytes());
    }
    for field in [key, value] {
        match field {
            Some(b) => {
                body.extend_from_slice(&(b.len() as i32).to_be_bytes());
                body.extend_from_slice(b);
            }
            None => body.extend_from_slice(&(-1i32).to_be_bytes()),
        }
    }
    let mut crc = flate2::Crc::new();
    crc.update(&body);
    let mut out = offset.to_be_bytes().to_vec();
    out.extend_from_slice(&(body.len() as i32 + 4).to_be_bytes());
    out.extend_from_slice(&crc.sum().to_be_bytes());
    out.extend_from_slice(&body);
    out
}

/// A compressed wrapper around `inner` (a message set).
fn wrapper(offset: i64, magic: i8, codec: Compression, attributes: i8, timestamp: i64, inner: &[u8]) -> Vec<u8> {
    let mut compressed = Vec::new();
    codec.compress(inner, &mut compressed).unwrap();
    message(offset, magic, attributes | codec.code() as i8, timestamp, None, Some(&compressed))
}

fn read_all(set: Vec<u8>) -> Result<Vec<(Batch, Vec<Record>)>, RecordsError> {
    let mut out = Vec::new();
    for batch in Batches::new(Bytes::from(set)) {
        let batch = batch?;
        let records = batch.records()?.collect::<Result<Vec<_>, _>>()?;
        out.push((batch, records));
    }
    Ok(out)
}

fn inner_set(magic: i8, first_offset: i64) -> Vec<u8> {
    let mut inner = Vec::new();
    for i in 0..5 {
        let value = format!("value {i}");
        let key = (i != 1).then_some(&b"key"[..]);
        inner.extend(message(first_offset + i, magic, 0, 100 + i, key, Some(value.as_bytes())));
    }
    inner
}

#[test]
fn plain_messages_v0_and_v1() {
    let mut set = message(10, 0, 0, -1, Some(b"k0"), None);
    set.extend(message(11, 1, 0, 555, None, Some(b"v1")));
    set.extend(message(12, 1, 0x08, 777, Some(b""), Some(b"")));
    let read = read_all(set).unwrap();
    assert_eq!(read.len(), 3);
    let (b0, r0) = &read[0];
    assert_eq!((b0.magic(), b0.timestamp_type(), b0.max_timestamp()), (0, TimestampType::NoTimestampType, -1));
    assert_eq!((r0[0].offset, r0[0].timestamp), (10, -1));
    assert_eq!((r0[0].key.as_deref(), r0[0].value.as_deref()), (Some(&b"k0"[..]), None));
    let (b1, r1) = &read[1];
    assert_eq!((b1.magic(), b1.timestamp_type()), (1, TimestampType::CreateTime));
    assert_eq!((r1[0].offset, r1[0].timestamp, r1[0].key.as_deref()), (11, 555, None));
    let (b2, r2) = &read[2];
    assert_eq!(b2.timestamp_type(), TimestampType::LogAppendTime);
    assert_eq!((r2[0].timestamp, r2[0].key.as_deref()), (777, Some(&b""[..])));
    assert!(r2[0].headers.is_empty());
    assert!(!b2.is_control() && !b2.is_transactional() && b2.producer_id() == -1);
}

#[test]
fn compressed_wrappers_in_every_legacy_codec() {
    for codec in [Compression::Gzip, Compression::Snappy, Compression::Lz4] {
        // v0: inner offsets are absolute.
        let read = read_all(wrapper(24, 0, codec, 0, -1, &inner_set(0, 20))).unwrap();
        let offsets: Vec<i64> = read[0].1.iter().map(|r| r.offset).collect();
        assert_eq!(offsets, [20, 21, 22, 23, 24], "{codec}");
        assert!(read[0].1.iter().all(|r| r.timestamp == -1));
        assert_eq!(read[0].0.compression(), codec);
        // v1: inner offsets are relative; the wrapper holds the last absolute offset.
        let read = read_all(wrapper(104, 1, codec, 0, 999, &inner_set(1, 0))).unwrap();
        let records = &read[0].1;
        let offsets: Vec<i64> = records.iter().map(|r| r.offset).collect();
        assert_eq!(offsets, [100, 101, 102, 103, 104], "{codec}");
        let ts: Vec<i64> = records.iter().map(|r| r.timestamp).collect();
        assert_eq!(ts, [100, 101, 102, 103, 104]);
        assert_eq!(records[1].key, None);
        assert_eq!(records[4].value.as_deref(), Some(&b"value 4"[..]));
        assert_eq!(read[0].0.last_offset(), 104);
        // v1 log-append time: the wrapper's timestamp for every inner message.
        let read = read_all(wrapper(4, 1, codec, 0x08, 999, &inner_set(1, 0))).unwrap();
        assert!(read[0].1.iter().all(|r| r.timestamp == 999));
        assert_eq!(read[0].0.timestamp_type(), TimestampType::LogAppendTime);
    }
}

#[test]
fn v1_wrapper_offset_zero_and_too_small() {
    // Some old producers leave the wrapper offset 0: inner offsets are then taken as is.
    let read = read_all(wrapper(0, 1, Compression::Gzip, 0, 1, &inner_set(1, 0))).unwrap();
    assert_eq!(read[0].1.iter().map(|r| r.offset).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
    let err = read_all(wrapper(3, 1, Compression::Gzip, 0, 1, &inner_set(1, 0))).unwrap_err();
    assert!(matches!(err, RecordsError::InvalidLegacy(_)), "{err}");
}

#[test]
fn v0_lz4_with_kafka_08_header_checksum() {
    // Kafka 0.8 clients computed the LZ4 frame descriptor checksum over the magic too; Kafka
    // ignores that checksum for magic 0, and so must we.
    let mut frame = Vec::new();
    Compression::Lz4.compress(&inner_set(0, 0), &mut frame).unwrap();
    frame[6] ^= 0x5a;
    let set = message(4, 0, Compression::Lz4.code() as i8, -1, None, Some(&frame));
    assert_eq!(read_all(set).unwrap()[0].1.len(), 5);
    // The same checksum in a v1 wrapper is corruption.
    let set = message(4, 1, Compression::Lz4.code() as i8, 0, None, Some(&frame));
    assert!(matches!(read_all(set), Err(RecordsError::Compression(_))));
}

#[test]
fn malformed_wrappers() {
    let nested = wrapper(4, 1, Compression::Gzip, 0, 0, &wrapper(4, 1, Compression::Gzip, 0, 0, &inner_set(1, 0)));
    assert!(matches!(read_all(nested), Err(RecordsError::InvalidLegacy(_))));
    let zstd = wrapper(4, 1, Compression::Zstd, 0, 0, &inner_set(1, 0));
    assert!(matches!(read_all(zstd), Err(RecordsError::InvalidLegacy(_))));
    let empty = wrapper(4, 1, Compression::Gzip, 0, 0, &[]);
    assert!(matches!(read_all(empty), Err(RecordsError::InvalidLegacy(_))));
    let null = message(4, 1, Compression::Gzip.code() as i8, 0, None, None);
    assert!(matches!(read_all(null), Err(RecordsError::InvalidLegacy(_))));
    let garbage = message(4, 1, Compression::Snappy.code() as i8, 0, None, Some(b"not snappy"));
    assert!(matches!(read_all(garbage), Err(RecordsError::Compression(_))));
    // An inner message below the minimum size.
    let mut inner = inner_set(1, 0);
    inner.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 3, 1, 2, 3]);
    assert!(matches!(
        read_all(wrapper(5, 1, Compression::Gzip, 0, 0, &inner)),
        Err(RecordsError::InvalidBatchLength(3))
    ));
}

#[test]
fn truncated_inner_message_is_ignored_like_java() {
    let mut inner = inner_set(1, 0);
    let extra = message(5, 1, 0, 0, None, Some(b"cut short"));
    inner.extend_from_slice(&extra[..extra.len() - 3]);
    let read = read_all(wrapper(4, 1, Compression::Snappy, 0, 0, &inner)).unwrap();
    assert_eq!(read[0].1.len(), 5);
}

#[test]
fn crc_errors_and_skipping_them() {
    let mut set = message(1, 1, 0, 5, Some(b"k"), Some(b"v"));
    let last = set.len() - 1;
    set[last] ^= 1;
    assert!(matches!(read_all(set.clone()), Err(RecordsError::CrcMismatch { offset: 1, .. })));
    let batch = Batches::new(Bytes::from(set)).next().unwrap().unwrap();
    let lenient = ParseOptions { verify_crc: false, ..Default::default() };
    assert_eq!(batch.records_with(&lenient).unwrap().count(), 1);
    // A corrupt inner message is caught when CRCs are checked.
    let mut inner = inner_set(1, 0);
    let last = inner.len() - 1;
    inner[last] ^= 1;
    let set = wrapper(4, 1, Compression::Gzip, 0, 0, &inner);
    assert!(matches!(read_all(set.clone()), Err(RecordsError::CrcMismatch { offset: 4, .. })));
    let batch = Batches::new(Bytes::from(set)).next().unwrap().unwrap();
    assert_eq!(batch.records_with(&lenient).unwrap().count(), 5);
}

#[test]
fn structural_errors() {
    let good = message(1, 1, 0, 5, Some(b"k"), Some(b"v"));
    // Key length beyond the message.
    let mut b = good.clone();
    b[26..30].copy_from_slice(&100i32.to_be_bytes());
    assert!(matches!(read_all(b), Err(RecordsError::Decode { field: "key", .. })));
    // Key length -2.
    let mut b = good.clone();
    b[26..30].copy_from_slice(&(-2i32).to_be_bytes());
    assert!(matches!(read_all(b), Err(RecordsError::InvalidLength { field: "key", len: -2 })));
    // Size below the minimum.
    let mut b = good.clone();
    b[8..12].copy_from_slice(&13i32.to_be_bytes());
    assert!(matches!(read_all(b), Err(RecordsError::InvalidBatchLength(13))));
    // Unknown codec bits.
    assert!(read_all(message(1, 1, 0x05, 0, None, None)).is_err());
    // Truncation at every byte: never a panic, never a batch.
    for cut in 0..good.len() {
        assert!(read_all(good[..cut].to_vec()).unwrap().is_empty());
    }
}

#[test]
fn legacy_then_v2_in_one_set() {
    let mut set = message(0, 0, 0, -1, None, Some(b"old"));
    set.extend(wrapper(5, 1, Compression::Gzip, 0, 7, &inner_set(1, 0)[..]));
    let mut b = RecordBatchBuilder::new(Compression::Lz4).with_base_offset(8);
    b.append(9, None, Some(b"new")).unwrap();
    set.extend_from_slice(&b.build().unwrap());
    let read = read_all(set).unwrap();
    let magics: Vec<i8> = read.iter().map(|(b, _)| b.magic()).collect();
    assert_eq!(magics, [0, 1, 2]);
    let offsets: Vec<i64> = read.iter().flat_map(|(_, r)| r.iter().map(|r| r.offset)).collect();
    assert_eq!(offsets, [0, 1, 2, 3, 4, 5, 8]);
}

/// Writes the fuzz seed corpus (`kafka-protocol/fuzz/corpus/record_batch/`) when
/// `RECORDS_FUZZ_SEEDS` names a directory: small valid record sets in every codec and format.
#[test]
fn fuzz_seed_corpus() {
    let Some(dir) = std::env::var_os("RECORDS_FUZZ_SEEDS") else { return };
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir).unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    let v2 = |codec: Compression| {
        let mut b = RecordBatchBuilder::new(codec).with_base_offset(3);
        b.append_with_headers(1000, Some(b"key"), Some(b"value value value"), [("h", Some(b"v"))]).unwrap();
        b.append(1001, None, Some(b"value value value")).unwrap();
        b.append_with_headers(999, Some(b""), None, [("n", None::<&[u8]>), ("e", Some(b""))]).unwrap();
        b.build().unwrap()
    };
    for codec in Compression::ALL {
        write(&format!("v2_{codec}"), &v2(codec));
    }
    let mut multi = v2(Compression::Lz4).to_vec();
    multi.extend_from_slice(&v2(Compression::Snappy));
    multi.extend_from_slice(&v2(Compression::None)[..40]);
    write("v2_multi_truncated", &multi);
    let mut t = RecordBatchBuilder::new(Compression::Zstd)
        .with_producer(7, 1, 5)
        .with_transactional(true)
        .with_log_append_time(5000);
    t.append(1, Some(b"k"), Some(b"v")).unwrap();
    write("v2_transactional_log_append", &t.build().unwrap());
    for (name, result) in [("control_commit", TransactionResult::Commit), ("control_abort", TransactionResult::Abort)] {
        let marker = EndTxnMarker { result, coordinator_epoch: 3 };
        write(name, &marker.batch_builder(7, 1, 10).unwrap().with_base_offset(9).build().unwrap());
    }
    let mut plain = message(0, 0, 0, -1, Some(b"k"), Some(b"v0"));
    plain.extend(message(1, 1, 0x08, 77, None, Some(b"v1")));
    write("legacy_plain", &plain);
    for codec in [Compression::Gzip, Compression::Snappy, Compression::Lz4] {
        write(&format!("legacy_v0_{codec}"), &wrapper(4, 0, codec, 0, -1, &inner_set(0, 0)));
        write(&format!("legacy_v1_{codec}"), &wrapper(4, 1, codec, 0, 9, &inner_set(1, 0)));
    }
}

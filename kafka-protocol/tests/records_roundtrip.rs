//! Round trips through `RecordBatchBuilder` and the readers, in every codec.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use bytes::Bytes;
use kfk_protocol::compression::{Codec, Compression};
use kfk_protocol::records::{
    Batch, Batches, BuildError, ControlRecordKey, ControlRecordType, EndTxnMarker, ParseOptions, RecordBatch,
    RecordBatchBuilder, TimestampType, TransactionResult,
};
use proptest::prelude::*;

/// What a test record holds: (timestamp, key, value, headers).
type Input = (i64, Option<Vec<u8>>, Option<Vec<u8>>, Vec<(String, Option<Vec<u8>>)>);

fn build(codec: Compression, base_offset: i64, records: &[Input]) -> Bytes {
    let mut builder = RecordBatchBuilder::new(codec).with_base_offset(base_offset);
    for (ts, key, value, headers) in records {
        builder.append_with_headers(*ts, key.as_deref(), value.as_deref(), headers).unwrap();
    }
    builder.build().unwrap()
}

fn check(bytes: Bytes, codec: Compression, base_offset: i64, records: &[Input]) {
    let batch = RecordBatch::parse(bytes.clone()).unwrap();
    let h = batch.header();
    assert_eq!(h.compression(), codec);
    assert_eq!(h.base_offset, base_offset);
    assert_eq!(h.record_count as usize, records.len());
    assert_eq!(h.last_offset(), base_offset + records.len() as i64 - 1);
    assert_eq!(h.max_timestamp, records.iter().map(|r| r.0).max().unwrap());
    assert_eq!(h.base_timestamp, records[0].0);
    batch.verify_crc().unwrap();
    let owned = batch.records().unwrap();
    // The borrowed view reads the same records as the owned one.
    for (r, o) in owned.iter_ref().zip(owned.clone()) {
        let (r, o) = (r.unwrap(), o.unwrap());
        assert_eq!(
            (r.offset, r.timestamp, r.key, r.value),
            (o.offset, o.timestamp, o.key.as_deref(), o.value.as_deref())
        );
        let hs: Vec<_> = r.headers.iter().collect();
        let ho: Vec<_> = o.headers.iter().map(|h| (h.key, h.value)).collect();
        assert_eq!(hs.len(), ho.len());
        for ((rk, rv), (ok, ov)) in hs.iter().zip(&ho) {
            assert_eq!((*rk, *rv), (&ok[..], ov.as_deref()));
        }
        assert_eq!(r.to_record(), o);
    }
    let read: Vec<_> = owned.collect::<Result<_, _>>().unwrap();
    assert_eq!(read.len(), records.len());
    for (i, (record, (ts, key, value, headers))) in read.iter().zip(records).enumerate() {
        assert_eq!(record.offset, base_offset + i as i64);
        assert_eq!(record.timestamp, *ts);
        assert_eq!(record.key.as_deref(), key.as_deref());
        assert_eq!(record.value.as_deref(), value.as_deref());
        assert_eq!(record.headers.len(), headers.len());
        for (h, (k, v)) in record.headers.iter().zip(headers) {
            assert_eq!(h.key_str().unwrap(), k);
            assert_eq!(h.value.as_deref(), v.as_deref());
        }
    }
}

fn sample() -> Vec<Input> {
    (0..200)
        .map(|i| {
            let key = (i % 7 != 0).then(|| format!("key-{i}").into_bytes());
            let value = (i % 11 != 0).then(|| format!("value {i} ").repeat(i % 13).into_bytes());
            let headers = (0..i % 4).map(|h| (format!("h{h}"), (h % 2 == 0).then(|| vec![h as u8; h]))).collect();
            (1_700_000_000_000 + (i as i64 * 37) % 1000, key, value, headers)
        })
        .collect()
}

#[test]
fn every_codec_round_trips() {
    let records = sample();
    for codec in Compression::ALL {
        let bytes = build(codec, 1234, &records);
        check(bytes, codec, 1234, &records);
    }
}

#[test]
fn every_codec_and_level_round_trips() {
    let records = sample();
    for codec in [Compression::Gzip, Compression::Lz4, Compression::Zstd] {
        let (min, max) = codec.level_range().unwrap();
        for level in [min.max(-5), codec.default_level(), max] {
            let mut builder = RecordBatchBuilder::new(Codec::with_level(codec, level).unwrap());
            for (ts, k, v, h) in &records {
                builder.append_with_headers(*ts, k.as_deref(), v.as_deref(), h).unwrap();
            }
            check(builder.build().unwrap(), codec, 0, &records);
        }
    }
}

#[test]
fn header_fields_and_flags() {
    let mut builder = RecordBatchBuilder::new(Compression::Snappy)
        .with_base_offset(10)
        .with_partition_leader_epoch(7)
        .with_producer(99, 3, 1000)
        .with_transactional(true);
    builder.append(5, Some(b"a"), Some(b"b")).unwrap();
    builder.append(3, None, None).unwrap();
    let batch = RecordBatch::parse(builder.build().unwrap()).unwrap();
    let h = batch.header();
    assert_eq!((h.partition_leader_epoch, h.producer_id, h.producer_epoch, h.base_sequence), (7, 99, 3, 1000));
    assert_eq!(h.last_sequence(), 1001);
    assert!(h.is_transactional() && !h.is_control());
    assert_eq!(h.timestamp_type(), TimestampType::CreateTime);
    assert_eq!((h.base_timestamp, h.max_timestamp), (5, 5));
    let ts: Vec<i64> = batch.records().unwrap().map(|r| r.unwrap().timestamp).collect();
    assert_eq!(ts, [5, 3]);
}

#[test]
fn log_append_time_overrides_record_timestamps() {
    let mut builder = RecordBatchBuilder::new(Compression::None).with_log_append_time(42_000);
    builder.append(1, Some(b"a"), None).unwrap();
    builder.append(2, Some(b"b"), None).unwrap();
    let batch = RecordBatch::parse(builder.build().unwrap()).unwrap();
    assert_eq!(batch.header().timestamp_type(), TimestampType::LogAppendTime);
    assert_eq!(batch.header().max_timestamp, 42_000);
    for r in batch.records().unwrap() {
        assert_eq!(r.unwrap().timestamp, 42_000);
    }
}

#[test]
fn explicit_offsets_with_gaps() {
    let mut builder = RecordBatchBuilder::new(Compression::None).with_base_offset(100);
    builder.append_with_offset(100, 1, None, Some(b"x"), [("k", Some("v"))]).unwrap();
    builder.append_with_offset(105, 1, None, Some(b"y"), [("k", None::<&[u8]>)]).unwrap();
    let err = builder.append_with_offset(105, 1, None, None, [("k", Some("v"))]).unwrap_err();
    assert_eq!(err, BuildError::OffsetNotIncreasing { offset: 105, previous: 105 });
    assert_eq!(builder.append(1, None, None).unwrap(), 106);
    let batch = RecordBatch::parse(builder.build().unwrap()).unwrap();
    let offsets: Vec<i64> = batch.records().unwrap().map(|r| r.unwrap().offset).collect();
    assert_eq!(offsets, [100, 105, 106]);
    assert_eq!(batch.header().last_offset_delta, 6);
}

#[test]
fn builder_errors() {
    assert_eq!(RecordBatchBuilder::new(Compression::None).build().unwrap_err(), BuildError::Empty);
    let mut b = RecordBatchBuilder::new(Compression::None);
    assert_eq!(b.append(-5, None, None).unwrap_err(), BuildError::InvalidTimestamp(-5));
    b.append(-1, None, None).unwrap();
    let mut t = RecordBatchBuilder::new(Compression::None).with_transactional(true);
    t.append(1, None, None).unwrap();
    assert!(matches!(t.build(), Err(BuildError::InvalidProducerState(_))));
    let mut s = RecordBatchBuilder::new(Compression::None).with_producer(1, 0, -1);
    s.append(1, None, None).unwrap();
    assert!(matches!(s.build(), Err(BuildError::InvalidProducerState(_))));
}

#[test]
fn end_txn_markers() {
    for (result, epoch) in [(TransactionResult::Commit, 7), (TransactionResult::Abort, -1)] {
        let marker = EndTxnMarker { result, coordinator_epoch: epoch };
        let bytes = marker
            .batch_builder(4000, 2, 1_000)
            .unwrap()
            .with_base_offset(77)
            .with_partition_leader_epoch(3)
            .build()
            .unwrap();
        let batch = RecordBatch::parse(bytes).unwrap();
        let h = batch.header();
        assert!(h.is_control() && h.is_transactional());
        assert_eq!((h.producer_id, h.producer_epoch, h.base_sequence), (4000, 2, -1));
        let records: Vec<_> = batch.records().unwrap().map(Result::unwrap).collect();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].offset, 77);
        let key = ControlRecordKey::parse(records[0].key.as_ref().unwrap()).unwrap();
        assert_eq!(key.record_type, marker.record_type());
        assert_eq!(EndTxnMarker::from_record(&records[0]).unwrap(), Some(marker));
    }
    assert_eq!(ControlRecordType::from_id(6), ControlRecordType::KraftVoters);
    assert_eq!(ControlRecordType::from_id(99).id(), 99);
}

#[test]
fn record_set_of_several_batches_with_truncated_tail() {
    let records = sample();
    let mut set = Vec::new();
    let mut offset = 0;
    for codec in Compression::ALL {
        set.extend_from_slice(&build(codec, offset, &records[..20]));
        offset += 20;
    }
    let full = set.len();
    // A fetch cut in the middle of a sixth batch.
    let extra = build(Compression::None, offset, &records[..3]);
    set.extend_from_slice(&extra[..extra.len() - 9]);
    let mut batches = Batches::new(Bytes::from(set));
    let mut n = 0;
    let mut expected = 0;
    for batch in &mut batches {
        let batch = batch.unwrap();
        assert_eq!(batch.magic(), 2);
        for r in batch.records().unwrap() {
            assert_eq!(r.unwrap().offset, expected);
            expected += 1;
        }
        n += 1;
    }
    assert_eq!(n, 5);
    assert_eq!(batches.truncated_bytes(), extra.len() - 9);
    assert_eq!(batches.remaining().len() + full, full + extra.len() - 9);
}

#[test]
fn crc_check_can_be_skipped() {
    let mut bytes = build(Compression::None, 0, &sample()[..5]).to_vec();
    bytes[17] ^= 0xff;
    let batch = RecordBatch::parse(Bytes::from(bytes)).unwrap();
    assert!(batch.records().is_err());
    let lenient = ParseOptions { verify_crc: false, ..Default::default() };
    assert_eq!(batch.records_with(&lenient).unwrap().count(), 5);
}

#[test]
fn batch_accessors_agree() {
    let bytes = build(Compression::Gzip, 5, &sample()[..3]);
    let batch = Batches::new(bytes).next().unwrap().unwrap();
    let Batch::V2(v2) = &batch else { panic!("expected v2") };
    assert_eq!(batch.last_offset(), v2.header().last_offset());
    assert_eq!(batch.next_offset(), 8);
    assert_eq!(batch.compression(), Compression::Gzip);
    assert_eq!(batch.producer_id(), -1);
    assert_eq!(batch.size_in_bytes(), v2.size_in_bytes());
}

fn arb_bytes() -> impl Strategy<Value = Option<Vec<u8>>> {
    prop::option::of(prop::collection::vec(any::<u8>(), 0..64))
}

fn arb_record() -> impl Strategy<Value = Input> {
    (
        prop_oneof![Just(-1i64), 0i64..i64::MAX / 2],
        arb_bytes(),
        arb_bytes(),
        prop::collection::vec(("[a-z]{0,8}", arb_bytes()), 0..4),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_records_round_trip(
        records in prop::collection::vec(arb_record(), 1..40),
        codec in prop::sample::select(Compression::ALL.to_vec()),
        base_offset in 0i64..i64::MAX / 2,
    ) {
        let bytes = build(codec, base_offset, &records);
        check(bytes, codec, base_offset, &records);
    }
}

//! Hostile inputs: truncation at every byte, corrupted bytes (with and without a valid CRC),
//! bogus lengths and counts, decompression bombs. Nothing may panic, hang or allocate without
//! bound; everything malformed is a typed error.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use bytes::Bytes;
use kfk_protocol::compression::{Compression, CompressionError};
use kfk_protocol::records::{BatchRecords, Batches, ParseOptions, RecordBatch, RecordBatchBuilder, RecordsError};

const NO_CRC: ParseOptions = ParseOptions { verify_crc: false, max_decompressed_size: 1 << 20 };

fn valid(codec: Compression) -> Vec<u8> {
    let mut b = RecordBatchBuilder::new(codec).with_base_offset(7);
    for i in 0..6u8 {
        let key = [i; 3];
        let value = vec![b'v'; i as usize * 9];
        let hv = [i];
        let headers = [("h", Some(&hv[..])), ("n", None)];
        b.append_with_headers(1000 + i as i64, (i != 2).then_some(&key[..]), Some(&value), &headers[..i as usize % 3])
            .unwrap();
    }
    b.build().unwrap().to_vec()
}

/// Reads everything in `data` (as a record set), returning how many records were read and
/// whether an error was met.
fn drain(data: &[u8], options: &ParseOptions) -> (usize, bool) {
    let mut n = 0;
    let mut failed = false;
    for batch in Batches::new(Bytes::copy_from_slice(data)) {
        let Ok(batch) = batch else {
            failed = true;
            break;
        };
        if let Ok(BatchRecords::V2(records)) = batch.records_with(options) {
            for r in records.iter_ref().flatten() {
                for (k, v) in r.headers {
                    let _ = (k.len(), v.map(<[u8]>::len));
                }
            }
        }
        match batch.records_with(options) {
            Ok(records) => {
                for r in records {
                    match r {
                        Ok(r) => {
                            n += 1;
                            for h in &r.headers {
                                let _ = (h.key.len(), h.value.map(|v| v.len()));
                            }
                        }
                        Err(_) => failed = true,
                    }
                }
            }
            Err(_) => failed = true,
        }
    }
    (n, failed)
}

/// Rewrites a v2 batch's CRC so that corruption elsewhere reaches the record parser.
fn fix_crc(batch: &mut [u8]) {
    if batch.len() >= 61 {
        let crc = crc32c::crc32c(&batch[21..]);
        batch[17..21].copy_from_slice(&crc.to_be_bytes());
    }
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn truncation_at_every_offset() {
    for codec in Compression::ALL {
        let full = valid(codec);
        for cut in 0..full.len() {
            let prefix = &full[..cut];
            assert!(RecordBatch::parse(Bytes::copy_from_slice(prefix)).is_err(), "{codec} cut {cut}");
            // In a record set, a truncated batch is the end of a fetch: no batch, no error.
            let mut batches = Batches::new(Bytes::copy_from_slice(prefix));
            assert!(batches.next().is_none(), "{codec} cut {cut}");
            assert_eq!(batches.truncated_bytes(), cut);
        }
        assert_eq!(drain(&full, &ParseOptions::default()), (6, false));
    }
}

#[test]
fn truncated_records_section_with_valid_crc() {
    // Shrink the batch (fixing length and CRC) so the record parser meets the end of input.
    for codec in Compression::ALL {
        let full = valid(codec);
        for cut in 61..full.len() {
            let mut b = full[..cut].to_vec();
            b[8..12].copy_from_slice(&((cut - 12) as i32).to_be_bytes());
            fix_crc(&mut b);
            let (n, failed) = drain(&b, &ParseOptions::default());
            assert!(failed, "{codec} cut {cut} read {n} records without error");
        }
    }
}

#[test]
fn corrupted_crc_is_detected() {
    for codec in Compression::ALL {
        let full = valid(codec);
        for i in 21..full.len() {
            let mut b = full.clone();
            b[i] ^= 0x40;
            let batch = RecordBatch::parse(Bytes::from(b)).unwrap();
            assert!(matches!(batch.records(), Err(RecordsError::CrcMismatch { .. })), "{codec} byte {i}");
        }
    }
}

#[test]
fn every_byte_flipped_with_and_without_crc() {
    for codec in Compression::ALL {
        let full = valid(codec);
        for i in 0..full.len() {
            for mask in [0x01, 0x80, 0xff] {
                let mut b = full.clone();
                b[i] ^= mask;
                drain(&b, &ParseOptions::default());
                drain(&b, &NO_CRC);
                fix_crc(&mut b);
                drain(&b, &ParseOptions::default());
            }
        }
    }
}

#[test]
fn random_mutations_with_fixed_crc() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for codec in Compression::ALL {
        let full = valid(codec);
        for _ in 0..3000 {
            let mut b = full.clone();
            for _ in 0..1 + rng.next() % 4 {
                let i = 12 + (rng.next() as usize) % (b.len() - 12);
                b[i] = rng.next() as u8;
            }
            if rng.next().is_multiple_of(4) {
                let cut = 61 + (rng.next() as usize) % (b.len() - 61);
                b.truncate(cut);
                b[8..12].copy_from_slice(&((cut - 12) as i32).to_be_bytes());
            }
            fix_crc(&mut b);
            drain(&b, &ParseOptions::default());
        }
    }
}

/// A v2 batch around an arbitrary records section (uncompressed), with a valid CRC.
fn batch_with_records(count: i32, records: &[u8]) -> Vec<u8> {
    let mut b = valid(Compression::None)[..61].to_vec();
    b.extend_from_slice(records);
    let len = (b.len() - 12) as i32;
    b[8..12].copy_from_slice(&len.to_be_bytes());
    b[57..61].copy_from_slice(&count.to_be_bytes());
    fix_crc(&mut b);
    b
}

fn first_error(b: &[u8]) -> RecordsError {
    let batch = RecordBatch::parse(Bytes::copy_from_slice(b)).unwrap();
    match batch.records() {
        Err(e) => e,
        Ok(mut records) => records.find_map(Result::err).expect("an error"),
    }
}

#[test]
fn bogus_lengths_and_counts() {
    // zig-zag varints: 0x01 = -1, 0x03 = -2, 0xfe 0xff 0xff 0xff 0x0f = i32::MAX.
    let huge = [0xfe, 0xff, 0xff, 0xff, 0x0f];
    // A record claiming i32::MAX bytes.
    let e = first_error(&batch_with_records(1, &huge));
    assert!(matches!(e, RecordsError::Decode { field: "record", .. }), "{e}");
    // A negative record length.
    let e = first_error(&batch_with_records(1, &[0x03]));
    assert!(matches!(e, RecordsError::InvalidLength { field: "record", len: -2 }), "{e}");
    // A key longer than the record.
    let e = first_error(&batch_with_records(1, &[0x0e, 0, 0, 0, 0xfe, 0xff, 0xff, 0xff, 0x0f]));
    assert!(matches!(e, RecordsError::Decode { field: "key", .. } | RecordsError::Decode { .. }), "{e}");
    // Key length -2.
    let e = first_error(&batch_with_records(1, &[0x0a, 0, 0, 0, 0x03, 0x01]));
    assert!(matches!(e, RecordsError::InvalidLength { field: "key", len: -2 }), "{e}");
    // Header count -1 and i32::MAX.
    let e = first_error(&batch_with_records(1, &[0x0c, 0, 0, 0, 0x01, 0x01, 0x01]));
    assert!(matches!(e, RecordsError::InvalidLength { field: "headers", .. }), "{e}");
    let mut rec = vec![0x14, 0, 0, 0, 0x01, 0x01];
    rec.extend_from_slice(&huge);
    let e = first_error(&batch_with_records(1, &rec));
    assert!(matches!(e, RecordsError::Decode { field: "header key", .. }), "{e}");
    // A null header key.
    let e = first_error(&batch_with_records(1, &[0x10, 0, 0, 0, 0x01, 0x01, 0x02, 0x01, 0x01]));
    assert!(matches!(e, RecordsError::InvalidLength { field: "header key", len: -1 }), "{e}");
    // Fields shorter than the declared record length.
    let e = first_error(&batch_with_records(1, &[0x0e, 0, 0, 0, 0x01, 0x01, 0, 0, 0]));
    assert!(matches!(e, RecordsError::RecordSizeMismatch { declared: 7, read: 6 }), "{e}");
    // Record count i32::MAX over one record: an error at the second, no hang.
    let one = &valid(Compression::None)[61..];
    let e = first_error(&batch_with_records(i32::MAX, one));
    assert!(matches!(e, RecordsError::Decode { .. }), "{e}");
    // Negative record count.
    let e = first_error(&batch_with_records(-1, one));
    assert_eq!(e, RecordsError::InvalidRecordCount(-1));
    // Fewer records declared than present.
    let e = first_error(&batch_with_records(1, one));
    assert!(matches!(e, RecordsError::TrailingBytes(_)), "{e}");
    // Batch length below the header size, and a length larger than any input.
    let mut b = valid(Compression::None);
    b[8..12].copy_from_slice(&48i32.to_be_bytes());
    assert_eq!(RecordBatch::parse(Bytes::from(b.clone())).unwrap_err(), RecordsError::InvalidBatchLength(48));
    assert!(matches!(Batches::new(Bytes::from(b.clone())).next(), Some(Err(RecordsError::InvalidBatchLength(48)))));
    b[8..12].copy_from_slice(&i32::MAX.to_be_bytes());
    assert!(matches!(RecordBatch::parse(Bytes::from(b.clone())), Err(RecordsError::Truncated { .. })));
    assert!(Batches::new(Bytes::from(b.clone())).next().is_none());
    b[8..12].copy_from_slice(&(-5i32).to_be_bytes());
    assert!(matches!(Batches::new(Bytes::from(b.clone())).next(), Some(Err(_))));
    // Unknown magic and codec.
    let mut b = valid(Compression::None);
    b[16] = 3;
    assert!(matches!(Batches::new(Bytes::from(b)).next(), Some(Err(RecordsError::UnsupportedMagic(3)))));
    let mut b = valid(Compression::None);
    b[22] |= 0x07;
    let e = RecordBatch::parse(Bytes::from(b)).unwrap_err();
    assert_eq!(e, RecordsError::Compression(CompressionError::UnknownCode(7)));
}

#[test]
fn decompression_bombs_are_refused() {
    // 70 MiB of zeros compresses to a few hundred KiB: over the default 64 MiB limit. (The
    // compression unit tests cover every codec with smaller bombs; these two are fast enough
    // in debug builds to try at the default limit.)
    let zeros = vec![0u8; 70 << 20];
    for codec in [Compression::Lz4, Compression::Zstd] {
        let mut b = RecordBatchBuilder::new(codec);
        b.append(0, None, Some(&zeros)).unwrap();
        let bytes = b.build().unwrap();
        assert!(bytes.len() < zeros.len() / 20, "{codec}: {}", bytes.len());
        let batch = RecordBatch::parse(bytes).unwrap();
        let e = batch.records().unwrap_err();
        assert!(matches!(e, RecordsError::Compression(CompressionError::TooLarge { .. })), "{codec}: {e}");
        let small = ParseOptions { max_decompressed_size: 1 << 20, ..Default::default() };
        assert!(batch.records_with(&small).is_err());
        let big = ParseOptions { max_decompressed_size: 80 << 20, ..Default::default() };
        let record = batch.records_with(&big).unwrap().next().unwrap().unwrap();
        assert_eq!(record.value.map(|v| v.len()), Some(zeros.len()));
    }
}

#[test]
fn random_garbage_record_sets() {
    let mut rng = Rng(42);
    for len in 0..2000 {
        let mut b: Vec<u8> = (0..len % 300).map(|_| rng.next() as u8).collect();
        if b.len() >= 17 && rng.next().is_multiple_of(2) {
            // Plausible framing, so the parsers get past the first checks.
            let size = (b.len() - 12) as i32;
            b[8..12].copy_from_slice(&size.to_be_bytes());
            b[16] = (rng.next() % 3) as u8;
            if b[16] == 2 {
                fix_crc(&mut b);
            }
        }
        drain(&b, &NO_CRC);
        drain(&b, &ParseOptions::default());
    }
}

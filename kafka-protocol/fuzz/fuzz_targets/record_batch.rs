//! Arbitrary bytes as the record set of a Fetch partition: nothing may panic, hang or allocate
//! without bound. The first byte picks the options (CRC check on or off: off lets the fuzzer
//! reach the record parser and the decompressors past the checksum).

#![no_main]

use bytes::Bytes;
use kfk_protocol::records::{Batch, BatchRecords, Batches, EndTxnMarker, ParseOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, data)) = data.split_first() else { return };
    let options = ParseOptions {
        verify_crc: flags & 1 != 0,
        // Well above what a few KiB of input may legitimately expand to, far below memory.
        max_decompressed_size: 4 << 20,
    };
    let mut batches = Batches::new(Bytes::copy_from_slice(data));
    for batch in &mut batches {
        let Ok(batch) = batch else { break };
        let _ = batch.verify_crc();
        let _ =
            (batch.last_offset(), batch.next_offset(), batch.compression(), batch.timestamp_type());
        if let Batch::V2(b) = &batch {
            let h = b.header();
            let _ = (h.last_sequence(), h.is_control(), h.has_delete_horizon());
        }
        let Ok(records) = batch.records_with(&options) else { continue };
        if let BatchRecords::V2(v2) = &records {
            for record in v2.iter_ref() {
                let Ok(record) = record else { break };
                for (key, value) in record.headers {
                    std::hint::black_box((key, value));
                }
            }
        }
        for record in records {
            let Ok(record) = record else { break };
            for header in &record.headers {
                std::hint::black_box(header.key_str().is_ok());
            }
            if batch.is_control() {
                let _ = EndTxnMarker::from_record(&record);
            }
            std::hint::black_box(&record);
        }
    }
    std::hint::black_box(batches.truncated_bytes());
});

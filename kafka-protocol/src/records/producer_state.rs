//! Rewriting a built batch's producer id, epoch and base sequence.
//!
//! An idempotent producer that bumps its epoch (KIP-360) must resend batches it already built
//! under the new epoch and with new sequence numbers. Those fields sit in the part of the header
//! the CRC covers, so the CRC is computed again; the records themselves are not touched.

use bytes::{Bytes, BytesMut};

use super::batch::{ATTRIBUTES_OFFSET, CRC_OFFSET, MAGIC_OFFSET};
use super::RecordsError;

const PRODUCER_ID_OFFSET: usize = 43;
const HEADER_LEN: usize = 61;

/// A copy of the v2 batch `batch` with its producer state replaced and its CRC recomputed.
pub fn with_producer_state(
    batch: &[u8],
    producer_id: i64,
    producer_epoch: i16,
    base_sequence: i32,
) -> Result<Bytes, RecordsError> {
    if batch.len() < HEADER_LEN {
        return Err(RecordsError::Truncated { needed: HEADER_LEN, available: batch.len() });
    }
    if batch[MAGIC_OFFSET] != 2 {
        return Err(RecordsError::UnsupportedMagic(batch[MAGIC_OFFSET] as i8));
    }
    let mut out = BytesMut::from(batch);
    out[PRODUCER_ID_OFFSET..PRODUCER_ID_OFFSET + 8].copy_from_slice(&producer_id.to_be_bytes());
    out[PRODUCER_ID_OFFSET + 8..PRODUCER_ID_OFFSET + 10].copy_from_slice(&producer_epoch.to_be_bytes());
    out[PRODUCER_ID_OFFSET + 10..PRODUCER_ID_OFFSET + 14].copy_from_slice(&base_sequence.to_be_bytes());
    let crc = crc32c::crc32c(&out[ATTRIBUTES_OFFSET..]);
    out[CRC_OFFSET..ATTRIBUTES_OFFSET].copy_from_slice(&crc.to_be_bytes());
    Ok(out.freeze())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compression::Compression;
    use crate::records::{RecordBatch, RecordBatchBuilder};

    #[test]
    fn rewritten_batches_stay_valid() {
        let mut b = RecordBatchBuilder::new(Compression::Lz4).with_producer(7, 1, 100);
        b.append(1, Some(b"k"), Some(b"v")).unwrap();
        let built = b.build().unwrap();
        let rewritten = with_producer_state(&built, 7, 2, 0).unwrap();
        let batch = RecordBatch::parse(rewritten).unwrap();
        batch.verify_crc().unwrap();
        assert_eq!(
            (batch.header().producer_id, batch.header().producer_epoch, batch.header().base_sequence),
            (7, 2, 0)
        );
        assert_eq!(batch.records().unwrap().count(), 1);
        assert!(with_producer_state(&built[..20], 1, 1, 1).is_err());
    }
}

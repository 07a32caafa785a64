//! Reading one RecordBatch v2: its header, CRC and records.

use bytes::Bytes;

use super::record::BatchContext;
use super::{
    attr, ParseOptions, Records, RecordsError, TimestampType, LOG_OVERHEAD, MAGIC_V2, NO_SEQUENCE,
    RECORD_BATCH_OVERHEAD,
};
use crate::compression::Compression;
use crate::primitives::{read_i16, read_i32, read_i64, read_i8, read_u32};
use crate::DecodeErrorKind;

/// Offset of the CRC field in a batch.
pub(crate) const CRC_OFFSET: usize = 17;
/// Offset of the attributes field, where the CRC's coverage starts.
pub(crate) const ATTRIBUTES_OFFSET: usize = 21;
/// Offset of the magic byte (the same in every format).
pub(crate) const MAGIC_OFFSET: usize = 16;

/// The 61-byte header of a RecordBatch v2, decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BatchHeader {
    /// Offset of the batch's first record (as the producer or broker assigned it).
    pub base_offset: i64,
    /// Bytes after the length field: the batch is `batch_length + 12` bytes long.
    pub batch_length: i32,
    /// Epoch of the leader that appended the batch (-1 from producers).
    pub partition_leader_epoch: i32,
    /// Always 2 for this format.
    pub magic: i8,
    /// CRC-32C of the bytes from `attributes` to the end.
    pub crc: u32,
    /// Codec, timestamp type, transactional, control and delete-horizon bits.
    pub attributes: i16,
    /// Offset of the last record relative to `base_offset`.
    pub last_offset_delta: i32,
    /// Timestamp of the first record (or the delete horizon, when that flag is set).
    pub base_timestamp: i64,
    /// The largest record timestamp, or the log-append time.
    pub max_timestamp: i64,
    /// The idempotent/transactional producer's id, or -1.
    pub producer_id: i64,
    /// The producer's epoch, or -1.
    pub producer_epoch: i16,
    /// Sequence number of the first record, or -1.
    pub base_sequence: i32,
    /// Number of records in the batch.
    pub record_count: i32,
}

impl BatchHeader {
    /// Decodes a header from the first 61 bytes of `buf`.
    fn read(mut buf: &[u8]) -> Result<Self, DecodeErrorKind> {
        let b = &mut buf;
        Ok(BatchHeader {
            base_offset: read_i64(b)?,
            batch_length: read_i32(b)?,
            partition_leader_epoch: read_i32(b)?,
            magic: read_i8(b)?,
            crc: read_u32(b)?,
            attributes: read_i16(b)?,
            last_offset_delta: read_i32(b)?,
            base_timestamp: read_i64(b)?,
            max_timestamp: read_i64(b)?,
            producer_id: read_i64(b)?,
            producer_epoch: read_i16(b)?,
            base_sequence: read_i32(b)?,
            record_count: read_i32(b)?,
        })
    }

    /// The codec of the records section (checked when the batch was read).
    pub fn compression(&self) -> Compression {
        Compression::from_attributes(self.attributes).unwrap_or(Compression::None)
    }

    /// What the record timestamps mean.
    pub fn timestamp_type(&self) -> TimestampType {
        if self.attributes & attr::TIMESTAMP_TYPE != 0 {
            TimestampType::LogAppendTime
        } else {
            TimestampType::CreateTime
        }
    }

    /// Whether the batch belongs to a transaction.
    pub fn is_transactional(&self) -> bool {
        self.attributes & attr::TRANSACTIONAL != 0
    }

    /// Whether the batch holds control records (transaction markers) rather than user data.
    pub fn is_control(&self) -> bool {
        self.attributes & attr::CONTROL != 0
    }

    /// Whether `base_timestamp` holds the delete horizon set by log compaction.
    pub fn has_delete_horizon(&self) -> bool {
        self.attributes & attr::DELETE_HORIZON != 0
    }

    /// Offset of the batch's last record.
    pub fn last_offset(&self) -> i64 {
        self.base_offset.wrapping_add(self.last_offset_delta as i64)
    }

    /// The offset after the batch: where the next fetch continues.
    pub fn next_offset(&self) -> i64 {
        self.last_offset().wrapping_add(1)
    }

    /// Sequence number of the last record, or -1 (wrapping at `i32::MAX` as Kafka does).
    pub fn last_sequence(&self) -> i32 {
        if self.base_sequence == NO_SEQUENCE {
            return NO_SEQUENCE;
        }
        let last = self.base_sequence as i64 + self.last_offset_delta as i64;
        (last % (i32::MAX as i64 + 1)) as i32
    }

    /// Whether an idempotent or transactional producer wrote the batch.
    pub fn has_producer_id(&self) -> bool {
        self.producer_id >= 0
    }
}

/// One RecordBatch v2, read from bytes: a header view plus the raw batch. Records are decoded
/// on demand by [`RecordBatch::records`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordBatch {
    header: BatchHeader,
    data: Bytes,
}

impl RecordBatch {
    /// Reads the batch that fills `data` exactly.
    ///
    /// Checks the length, magic and codec; the CRC is checked when records are read (or by
    /// [`RecordBatch::verify_crc`]).
    pub fn parse(data: Bytes) -> Result<Self, RecordsError> {
        // Length and magic first: they decide how the rest is read.
        if data.len() <= MAGIC_OFFSET {
            return Err(RecordsError::Truncated { needed: RECORD_BATCH_OVERHEAD, available: data.len() });
        }
        let batch_length = i32::from_be_bytes([data[8], data[9], data[10], data[11]]);
        let magic = data[MAGIC_OFFSET] as i8;
        if magic != MAGIC_V2 {
            return Err(RecordsError::UnsupportedMagic(magic));
        }
        if batch_length < (RECORD_BATCH_OVERHEAD - LOG_OVERHEAD) as i32 {
            return Err(RecordsError::InvalidBatchLength(batch_length));
        }
        let needed = LOG_OVERHEAD + batch_length as usize;
        if needed != data.len() {
            if needed > data.len() {
                return Err(RecordsError::Truncated { needed, available: data.len() });
            }
            return Err(RecordsError::TrailingBytes(data.len() - needed));
        }
        let header = BatchHeader::read(&data).map_err(|k| RecordsError::decode("batch header", k))?;
        Compression::from_attributes(header.attributes)?;
        Ok(RecordBatch { header, data })
    }

    /// The decoded header.
    pub fn header(&self) -> &BatchHeader {
        &self.header
    }

    /// The whole batch, as it was read (e.g. to forward it without re-encoding).
    pub fn as_bytes(&self) -> &Bytes {
        &self.data
    }

    /// The batch's size in bytes, log overhead included.
    pub fn size_in_bytes(&self) -> usize {
        self.data.len()
    }

    /// CRC-32C of the bytes the CRC covers.
    pub fn compute_crc(&self) -> u32 {
        crc32c::crc32c(&self.data[ATTRIBUTES_OFFSET..])
    }

    /// Checks the stored CRC against the data.
    pub fn verify_crc(&self) -> Result<(), RecordsError> {
        let computed = self.compute_crc();
        if computed != self.header.crc {
            return Err(RecordsError::CrcMismatch {
                offset: self.header.base_offset,
                stored: self.header.crc,
                computed,
            });
        }
        Ok(())
    }

    /// The records, with the default [`ParseOptions`] (CRC verified, decompression bounded).
    pub fn records(&self) -> Result<Records, RecordsError> {
        self.records_with(&ParseOptions::default())
    }

    /// The records. A compressed batch is decompressed here, once, into one buffer that every
    /// record's key, value and headers then slice.
    pub fn records_with(&self, options: &ParseOptions) -> Result<Records, RecordsError> {
        if options.verify_crc {
            self.verify_crc()?;
        }
        let h = &self.header;
        if h.record_count < 0 {
            return Err(RecordsError::InvalidRecordCount(h.record_count));
        }
        let section = self.data.slice(RECORD_BATCH_OVERHEAD..);
        let section = match h.compression() {
            Compression::None => section,
            codec => Bytes::from(codec.decompress(&section, options.max_decompressed_size)?),
        };
        let ctx = BatchContext {
            base_offset: h.base_offset,
            base_timestamp: h.base_timestamp,
            log_append_time: (h.timestamp_type() == TimestampType::LogAppendTime).then_some(h.max_timestamp),
        };
        Ok(Records::new(section, h.record_count as u32, ctx))
    }
}

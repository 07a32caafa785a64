//! Walking a record set: the `records` bytes of one partition in a Fetch response (or a log
//! segment), which holds batches back to back.

use bytes::Bytes;

use super::batch::MAGIC_OFFSET;
use super::{
    LegacyBatch, LegacyRecords, ParseOptions, Record, RecordBatch, Records, RecordsError, TimestampType, LOG_OVERHEAD,
    MAGIC_V2, NO_PARTITION_LEADER_EPOCH, NO_PRODUCER_EPOCH, NO_PRODUCER_ID, NO_SEQUENCE,
};
use crate::compression::Compression;

/// One entry of a record set: a v2 batch, or a legacy (magic 0/1) message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Batch {
    /// A RecordBatch v2.
    V2(RecordBatch),
    /// A legacy message or compressed wrapper.
    Legacy(LegacyBatch),
}

impl Batch {
    /// The magic byte: 0, 1 or 2.
    pub fn magic(&self) -> i8 {
        match self {
            Batch::V2(_) => MAGIC_V2,
            Batch::Legacy(m) => m.magic(),
        }
    }

    /// Offset of the last record (known without decompressing, in both formats).
    pub fn last_offset(&self) -> i64 {
        match self {
            Batch::V2(b) => b.header().last_offset(),
            Batch::Legacy(m) => m.offset(),
        }
    }

    /// The offset after this batch: where fetching continues.
    pub fn next_offset(&self) -> i64 {
        self.last_offset().wrapping_add(1)
    }

    /// The codec of the records.
    pub fn compression(&self) -> Compression {
        match self {
            Batch::V2(b) => b.header().compression(),
            Batch::Legacy(m) => m.compression(),
        }
    }

    /// What the record timestamps mean.
    pub fn timestamp_type(&self) -> TimestampType {
        match self {
            Batch::V2(b) => b.header().timestamp_type(),
            Batch::Legacy(m) => m.timestamp_type(),
        }
    }

    /// The largest timestamp (v2), or the message timestamp (legacy; -1 for magic 0).
    pub fn max_timestamp(&self) -> i64 {
        match self {
            Batch::V2(b) => b.header().max_timestamp,
            Batch::Legacy(m) => m.timestamp(),
        }
    }

    /// Whether the batch belongs to a transaction (never, for legacy messages).
    pub fn is_transactional(&self) -> bool {
        matches!(self, Batch::V2(b) if b.header().is_transactional())
    }

    /// Whether the batch holds control records (never, for legacy messages).
    pub fn is_control(&self) -> bool {
        matches!(self, Batch::V2(b) if b.header().is_control())
    }

    /// The producer id, or -1.
    pub fn producer_id(&self) -> i64 {
        match self {
            Batch::V2(b) => b.header().producer_id,
            Batch::Legacy(_) => NO_PRODUCER_ID,
        }
    }

    /// The producer epoch, or -1.
    pub fn producer_epoch(&self) -> i16 {
        match self {
            Batch::V2(b) => b.header().producer_epoch,
            Batch::Legacy(_) => NO_PRODUCER_EPOCH,
        }
    }

    /// The first sequence number, or -1.
    pub fn base_sequence(&self) -> i32 {
        match self {
            Batch::V2(b) => b.header().base_sequence,
            Batch::Legacy(_) => NO_SEQUENCE,
        }
    }

    /// The partition leader epoch, or -1.
    pub fn partition_leader_epoch(&self) -> i32 {
        match self {
            Batch::V2(b) => b.header().partition_leader_epoch,
            Batch::Legacy(_) => NO_PARTITION_LEADER_EPOCH,
        }
    }

    /// Size in bytes, log overhead included.
    pub fn size_in_bytes(&self) -> usize {
        match self {
            Batch::V2(b) => b.size_in_bytes(),
            Batch::Legacy(m) => m.size_in_bytes(),
        }
    }

    /// Checks the batch CRC (CRC-32C for v2, CRC-32 for legacy).
    pub fn verify_crc(&self) -> Result<(), RecordsError> {
        match self {
            Batch::V2(b) => b.verify_crc(),
            Batch::Legacy(m) => m.verify_crc(),
        }
    }

    /// The records, with the default [`ParseOptions`].
    pub fn records(&self) -> Result<BatchRecords, RecordsError> {
        self.records_with(&ParseOptions::default())
    }

    /// The records, in the same shape whatever the format.
    pub fn records_with(&self, options: &ParseOptions) -> Result<BatchRecords, RecordsError> {
        Ok(match self {
            Batch::V2(b) => BatchRecords::V2(b.records_with(options)?),
            Batch::Legacy(m) => BatchRecords::Legacy(m.records_with(options)?),
        })
    }
}

/// Iterator over the records of a [`Batch`].
#[derive(Debug, Clone)]
pub enum BatchRecords {
    /// Records of a v2 batch.
    V2(Records),
    /// Records of a legacy message.
    Legacy(LegacyRecords),
}

impl Iterator for BatchRecords {
    type Item = Result<Record, RecordsError>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            BatchRecords::V2(r) => r.next(),
            BatchRecords::Legacy(r) => r.next(),
        }
    }
}

impl std::iter::FusedIterator for BatchRecords {}

/// Iterator over the batches of a record set.
///
/// A broker fills a Fetch response up to its byte limit, so the last batch may be cut short:
/// like the Java client, the iterator then stops without an error, and
/// [`Batches::truncated_bytes`] tells how many bytes were left over. A malformed batch is an
/// error, after which the iteration ends. The batches are slices of the input: nothing is
/// copied.
///
/// ```
/// use bytes::Bytes;
/// use kfk_protocol::compression::Compression;
/// use kfk_protocol::records::{Batches, RecordBatchBuilder};
///
/// let mut set = Vec::new();
/// for base in [0, 1] {
///     let mut b = RecordBatchBuilder::new(Compression::None).with_base_offset(base);
///     b.append(0, None, Some(b"value")).unwrap();
///     set.extend_from_slice(&b.build().unwrap());
/// }
/// set.truncate(set.len() - 5); // the broker's size limit cut the second batch
/// let mut batches = Batches::new(Bytes::from(set));
/// assert_eq!(batches.next().unwrap().unwrap().next_offset(), 1);
/// assert!(batches.next().is_none());
/// assert!(batches.truncated_bytes() > 0);
/// ```
#[derive(Debug, Clone)]
pub struct Batches {
    data: Bytes,
    pos: usize,
    done: bool,
}

impl Batches {
    /// Iterates the batches in `data`.
    pub fn new(data: Bytes) -> Self {
        Batches { data, pos: 0, done: false }
    }

    /// Bytes after the last complete batch that could not be read (a partial batch at the end
    /// of a fetch); 0 while iterating or when the set ended cleanly.
    pub fn truncated_bytes(&self) -> usize {
        if self.done {
            self.data.len() - self.pos
        } else {
            0
        }
    }

    /// The unread part of the input.
    pub fn remaining(&self) -> &[u8] {
        &self.data[self.pos..]
    }

    fn read_next(&mut self) -> Result<Option<Batch>, RecordsError> {
        let rest = &self.data[self.pos..];
        if rest.len() < LOG_OVERHEAD {
            return Ok(None);
        }
        let size = i32::from_be_bytes([rest[8], rest[9], rest[10], rest[11]]);
        // The smallest legacy message; v2 batches are checked against their own minimum below.
        if size < 14 {
            return Err(RecordsError::InvalidBatchLength(size));
        }
        if rest.len() <= MAGIC_OFFSET {
            return Ok(None);
        }
        let magic = rest[MAGIC_OFFSET] as i8;
        if !(0..=MAGIC_V2).contains(&magic) {
            return Err(RecordsError::UnsupportedMagic(magic));
        }
        let len = LOG_OVERHEAD + size as usize;
        if rest.len() < len {
            return Ok(None);
        }
        let slice = self.data.slice(self.pos..self.pos + len);
        let batch = if magic == MAGIC_V2 {
            Batch::V2(RecordBatch::parse(slice)?)
        } else {
            Batch::Legacy(LegacyBatch::parse(slice)?)
        };
        self.pos += len;
        Ok(Some(batch))
    }
}

impl Iterator for Batches {
    type Item = Result<Batch, RecordsError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.read_next() {
            Ok(Some(batch)) => Some(Ok(batch)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                self.pos = self.data.len();
                Some(Err(e))
            }
        }
    }
}

impl std::iter::FusedIterator for Batches {}

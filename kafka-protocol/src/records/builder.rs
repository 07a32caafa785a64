//! Writing a RecordBatch v2: [`RecordBatchBuilder`].

use bytes::Bytes;

use super::batch::{ATTRIBUTES_OFFSET, CRC_OFFSET};
use super::{
    attr, BuildError, Header, TimestampType, LOG_OVERHEAD, MAGIC_V2, NO_PARTITION_LEADER_EPOCH, NO_PRODUCER_EPOCH,
    NO_PRODUCER_ID, NO_SEQUENCE, NO_TIMESTAMP, RECORD_BATCH_OVERHEAD,
};
use crate::compression::Codec;
use crate::primitives::{
    varint_len, varlong_len, write_i16, write_i32, write_i64, write_i8, write_u32, write_varint, write_varlong,
};

/// Something that can be written as a record header: a key and a nullable value.
///
/// Implemented for `(key, Option<value>)` tuples of anything byte-like (`&str`, `String`,
/// `&[u8]`, `Vec<u8>`, [`Bytes`], byte arrays), for a read [`Header`], and for references to
/// these, so a producer can pass its own header type without converting (or allocating).
pub trait AsHeader {
    /// The header key (UTF-8 for Kafka's Java API, which reads keys as strings).
    fn key(&self) -> &[u8];
    /// The header value, `None` for null.
    fn value(&self) -> Option<&[u8]>;
}

impl<K: AsRef<[u8]>, V: AsRef<[u8]>> AsHeader for (K, Option<V>) {
    fn key(&self) -> &[u8] {
        self.0.as_ref()
    }
    fn value(&self) -> Option<&[u8]> {
        self.1.as_ref().map(AsRef::as_ref)
    }
}

impl AsHeader for Header {
    fn key(&self) -> &[u8] {
        &self.key
    }
    fn value(&self) -> Option<&[u8]> {
        self.value.as_deref()
    }
}

impl<T: AsHeader + ?Sized> AsHeader for &T {
    fn key(&self) -> &[u8] {
        (**self).key()
    }
    fn value(&self) -> Option<&[u8]> {
        (**self).value()
    }
}

/// Encoded size of a nullable byte field with a varint length.
#[inline]
fn field_len(b: Option<&[u8]>) -> usize {
    match b {
        Some(b) => varint_len(b.len() as i32) + b.len(),
        None => 1,
    }
}

#[inline]
fn write_field(buf: &mut Vec<u8>, b: Option<&[u8]>) {
    match b {
        Some(b) => {
            write_varint(buf, b.len() as i32);
            buf.extend_from_slice(b);
        }
        None => buf.push(1), // zig-zag -1
    }
}

/// Builds one RecordBatch v2.
///
/// Each appended record is encoded straight into the batch buffer (no per-record allocation
/// beyond that buffer's growth; none at all after [`RecordBatchBuilder::reserve`]). The batch
/// is closed once by [`RecordBatchBuilder::build`], which compresses the records section,
/// fills in the header and the CRC, and returns the bytes ready for a Produce request.
///
/// ```
/// use kfk_protocol::compression::{Codec, Compression};
/// use kfk_protocol::records::{RecordBatch, RecordBatchBuilder};
///
/// let mut builder = RecordBatchBuilder::new(Codec::with_level(Compression::Zstd, 3).unwrap())
///     .with_producer(42, 0, 7);
/// builder.append(1_700_000_000_000, Some(b"k"), Some(b"v")).unwrap();
/// let batch = RecordBatch::parse(builder.build().unwrap()).unwrap();
/// assert_eq!(batch.header().base_sequence, 7);
/// assert_eq!(batch.records().unwrap().count(), 1);
/// ```
#[derive(Debug, Clone)]
pub struct RecordBatchBuilder {
    /// The header's 61 bytes (filled by `build`), then the uncompressed records.
    buf: Vec<u8>,
    codec: Codec,
    base_offset: i64,
    partition_leader_epoch: i32,
    timestamp_type: TimestampType,
    log_append_time: i64,
    transactional: bool,
    control: bool,
    producer_id: i64,
    producer_epoch: i16,
    base_sequence: i32,
    count: i32,
    last_offset_delta: i32,
    base_timestamp: i64,
    max_timestamp: i64,
}

impl RecordBatchBuilder {
    /// A builder for a batch compressed with `codec` (a [`Codec`] or a bare
    /// [`Compression`](crate::compression::Compression) at its default level), base offset 0,
    /// create-time timestamps, no producer id.
    pub fn new(codec: impl Into<Codec>) -> Self {
        Self::with_capacity(codec, 0)
    }

    /// As [`RecordBatchBuilder::new`], with room for `records_bytes` of encoded records.
    pub fn with_capacity(codec: impl Into<Codec>, records_bytes: usize) -> Self {
        let mut buf = Vec::with_capacity(RECORD_BATCH_OVERHEAD + records_bytes);
        buf.resize(RECORD_BATCH_OVERHEAD, 0);
        RecordBatchBuilder {
            buf,
            codec: codec.into(),
            base_offset: 0,
            partition_leader_epoch: NO_PARTITION_LEADER_EPOCH,
            timestamp_type: TimestampType::CreateTime,
            log_append_time: NO_TIMESTAMP,
            transactional: false,
            control: false,
            producer_id: NO_PRODUCER_ID,
            producer_epoch: NO_PRODUCER_EPOCH,
            base_sequence: NO_SEQUENCE,
            count: 0,
            last_offset_delta: -1,
            base_timestamp: NO_TIMESTAMP,
            max_timestamp: NO_TIMESTAMP,
        }
    }

    /// Sets the offset of the first record (producers use 0; the broker assigns real offsets).
    /// Set it before appending: deltas are relative to it.
    pub fn with_base_offset(mut self, base_offset: i64) -> Self {
        self.base_offset = base_offset;
        self
    }

    /// Sets the partition leader epoch (brokers set it; producers leave -1).
    pub fn with_partition_leader_epoch(mut self, epoch: i32) -> Self {
        self.partition_leader_epoch = epoch;
        self
    }

    /// Marks the batch as using log-append time: the header's max timestamp becomes
    /// `log_append_time`, which readers report as every record's timestamp.
    pub fn with_log_append_time(mut self, log_append_time: i64) -> Self {
        self.timestamp_type = TimestampType::LogAppendTime;
        self.log_append_time = log_append_time;
        self
    }

    /// Sets the idempotent producer's id, epoch and the first record's sequence number.
    pub fn with_producer(mut self, producer_id: i64, producer_epoch: i16, base_sequence: i32) -> Self {
        self.set_producer_state(producer_id, producer_epoch, base_sequence);
        self
    }

    /// Marks the batch as part of a transaction (requires a producer id).
    pub fn with_transactional(mut self, transactional: bool) -> Self {
        self.transactional = transactional;
        self
    }

    /// Marks the batch as a control batch (its records are markers, not user data); see
    /// [`EndTxnMarker::batch_builder`](super::EndTxnMarker::batch_builder).
    pub fn with_control(mut self, control: bool) -> Self {
        self.control = control;
        self
    }

    /// Sets producer id, epoch and base sequence on an open builder: a producer assigns
    /// sequence numbers when it drains the batch, after the records were appended.
    pub fn set_producer_state(&mut self, producer_id: i64, producer_epoch: i16, base_sequence: i32) {
        self.producer_id = producer_id;
        self.producer_epoch = producer_epoch;
        self.base_sequence = base_sequence;
    }

    /// Reserves room for `additional` more bytes of encoded records.
    pub fn reserve(&mut self, additional: usize) {
        self.buf.reserve(additional);
    }

    /// Number of records appended.
    pub fn record_count(&self) -> usize {
        self.count as usize
    }

    /// Whether no record was appended yet.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Size of the batch so far, uncompressed, header included (what `batch.size` is
    /// compared against before compression).
    pub fn uncompressed_size(&self) -> usize {
        self.buf.len()
    }

    /// The offset the next [`RecordBatchBuilder::append`] assigns.
    pub fn next_offset(&self) -> i64 {
        self.base_offset.wrapping_add(self.last_offset_delta as i64 + 1)
    }

    /// An upper bound on the bytes one record adds to the batch before compression (deltas
    /// counted at their widest), for checking `batch.size` before appending.
    pub fn max_record_size<I, H>(key: Option<&[u8]>, value: Option<&[u8]>, headers: I) -> usize
    where
        I: IntoIterator<Item = H>,
        H: AsHeader,
    {
        let (count, size) = headers_len(headers);
        let body = 1 + 10 + 5 + field_len(key) + field_len(value) + varint_len(count as i32) + size;
        5 + body
    }

    /// Appends a record without headers at the next offset; returns the offset.
    #[inline]
    pub fn append(&mut self, timestamp: i64, key: Option<&[u8]>, value: Option<&[u8]>) -> Result<i64, BuildError> {
        let offset = self.next_offset();
        self.push(offset, timestamp, key, value, std::iter::empty::<Header>())?;
        Ok(offset)
    }

    /// Appends a record with headers at the next offset; returns the offset.
    ///
    /// `headers` is iterated twice (size, then bytes), hence the `Clone` bound: slices,
    /// arrays and [`Headers`](super::Headers) all qualify.
    #[inline]
    pub fn append_with_headers<I, H>(
        &mut self,
        timestamp: i64,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: I,
    ) -> Result<i64, BuildError>
    where
        I: IntoIterator<Item = H>,
        I::IntoIter: Clone,
        H: AsHeader,
    {
        let offset = self.next_offset();
        self.push(offset, timestamp, key, value, headers)?;
        Ok(offset)
    }

    /// Appends a record at an explicit offset (offsets must increase, gaps are allowed: a
    /// compacted batch has them).
    pub fn append_with_offset<I, H>(
        &mut self,
        offset: i64,
        timestamp: i64,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: I,
    ) -> Result<(), BuildError>
    where
        I: IntoIterator<Item = H>,
        I::IntoIter: Clone,
        H: AsHeader,
    {
        self.push(offset, timestamp, key, value, headers)
    }

    #[inline]
    fn push<I, H>(
        &mut self,
        offset: i64,
        timestamp: i64,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: I,
    ) -> Result<(), BuildError>
    where
        I: IntoIterator<Item = H>,
        I::IntoIter: Clone,
        H: AsHeader,
    {
        let previous = self.base_offset.wrapping_add(self.last_offset_delta as i64);
        if offset <= previous {
            return Err(BuildError::OffsetNotIncreasing { offset, previous });
        }
        let offset_delta = offset.wrapping_sub(self.base_offset);
        if offset_delta > i32::MAX as i64 || offset_delta < 0 {
            return Err(BuildError::OffsetDeltaOverflow(offset_delta));
        }
        let offset_delta = offset_delta as i32;
        if timestamp < 0 && timestamp != NO_TIMESTAMP {
            return Err(BuildError::InvalidTimestamp(timestamp));
        }
        let base_timestamp = if self.count == 0 { timestamp } else { self.base_timestamp };
        let timestamp_delta = timestamp.wrapping_sub(base_timestamp);

        let headers = headers.into_iter();
        let (header_count, headers_size) = headers_len(headers.clone());
        let body = 1
            + varlong_len(timestamp_delta)
            + varint_len(offset_delta)
            + field_len(key)
            + field_len(value)
            + varint_len(header_count as i32)
            + headers_size;
        if body > i32::MAX as usize - 5 || header_count > i32::MAX as usize {
            return Err(BuildError::TooLarge { what: "record", len: body });
        }
        self.buf.reserve(body + 5);
        let buf = &mut self.buf;
        write_varint(buf, body as i32);
        buf.push(0); // record attributes: unused
        write_varlong(buf, timestamp_delta);
        write_varint(buf, offset_delta);
        write_field(buf, key);
        write_field(buf, value);
        write_varint(buf, header_count as i32);
        for h in headers {
            write_field(buf, Some(h.key()));
            write_field(buf, h.value());
        }

        self.count += 1;
        self.last_offset_delta = offset_delta;
        self.base_timestamp = base_timestamp;
        self.max_timestamp = self.max_timestamp.max(timestamp);
        Ok(())
    }

    /// Closes the batch: compresses the records section, writes the header and the CRC.
    pub fn build(self) -> Result<Bytes, BuildError> {
        if self.count == 0 {
            return Err(BuildError::Empty);
        }
        if self.producer_id == NO_PRODUCER_ID {
            if self.transactional {
                return Err(BuildError::InvalidProducerState("transactional batches need a producer id"));
            }
        } else if self.producer_epoch < 0 {
            return Err(BuildError::InvalidProducerState("negative producer epoch"));
        } else if self.base_sequence < 0 && !self.control {
            return Err(BuildError::InvalidProducerState("negative base sequence"));
        }
        let mut out = match self.codec.compression() {
            crate::compression::Compression::None => self.buf,
            _ => {
                let records = &self.buf[RECORD_BATCH_OVERHEAD..];
                let mut out = Vec::with_capacity(RECORD_BATCH_OVERHEAD + records.len() / 2 + 64);
                out.resize(RECORD_BATCH_OVERHEAD, 0);
                self.codec.compress(records, &mut out)?;
                out
            }
        };
        let batch_length = out.len() - LOG_OVERHEAD;
        if batch_length > i32::MAX as usize {
            return Err(BuildError::TooLarge { what: "batch", len: out.len() });
        }
        let mut attributes = self.codec.compression().code();
        if self.timestamp_type == TimestampType::LogAppendTime {
            attributes |= attr::TIMESTAMP_TYPE;
        }
        if self.transactional {
            attributes |= attr::TRANSACTIONAL;
        }
        if self.control {
            attributes |= attr::CONTROL;
        }
        let max_timestamp = match self.timestamp_type {
            TimestampType::LogAppendTime => self.log_append_time,
            _ => self.max_timestamp,
        };
        let mut header = &mut out[..RECORD_BATCH_OVERHEAD];
        let h = &mut header;
        write_i64(h, self.base_offset);
        write_i32(h, batch_length as i32);
        write_i32(h, self.partition_leader_epoch);
        write_i8(h, MAGIC_V2);
        write_u32(h, 0); // CRC, below
        write_i16(h, attributes);
        write_i32(h, self.last_offset_delta);
        write_i64(h, self.base_timestamp);
        write_i64(h, max_timestamp);
        write_i64(h, self.producer_id);
        write_i16(h, self.producer_epoch);
        write_i32(h, self.base_sequence);
        write_i32(h, self.count);
        let crc = crc32c::crc32c(&out[ATTRIBUTES_OFFSET..]);
        out[CRC_OFFSET..ATTRIBUTES_OFFSET].copy_from_slice(&crc.to_be_bytes());
        Ok(Bytes::from(out))
    }
}

/// Number of headers and their encoded size.
#[inline]
fn headers_len<I, H>(headers: I) -> (usize, usize)
where
    I: IntoIterator<Item = H>,
    H: AsHeader,
{
    headers.into_iter().fold((0, 0), |(n, size), h| (n + 1, size + field_len(Some(h.key())) + field_len(h.value())))
}

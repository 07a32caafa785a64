//! Legacy MessageSet v0/v1 (magic 0 and 1), read only.
//!
//! Before RecordBatch v2, a log held messages one by one:
//!
//! ```text
//! offset i64 | size i32 | crc u32 | magic i8 | attributes i8 | [timestamp i64, v1 only]
//! | key (i32 length, -1 null) | value (i32 length, -1 null)
//! ```
//!
//! The CRC is CRC-32 (IEEE) over magic..end. A compressed set is one *wrapper* message whose
//! value is the compressed bytes of an inner message set. Inner offsets are absolute in v0;
//! in v1 they are relative (0, 1, ...) and the wrapper carries the absolute offset of the last
//! inner message. A v1 wrapper using log-append time gives its timestamp to every inner message.
//! Brokers still return such messages from logs written before 0.11, so consumers must read them.

use bytes::Bytes;

use super::{ParseOptions, Record, RecordsError, TimestampType, LOG_OVERHEAD, NO_TIMESTAMP};
use crate::compression::Compression;
use crate::primitives::{read_i32, read_i64, read_i8, read_u32};
use crate::DecodeErrorKind;

/// Smallest legacy message: crc, magic, attributes, key and value lengths.
const MIN_MESSAGE_SIZE: i32 = 14;
/// Offset of the magic byte; the CRC covers from here to the end.
const MAGIC_OFFSET: usize = 16;
/// Timestamp-type bit of v1 attributes.
const TIMESTAMP_TYPE_BIT: i8 = 0x08;

/// One legacy message (magic 0 or 1) as it appears in a record set: either a plain message or a
/// compressed wrapper around an inner message set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegacyBatch {
    data: Bytes,
    offset: i64,
    crc: u32,
    magic: i8,
    attributes: i8,
    timestamp: i64,
    key: Option<Bytes>,
    value: Option<Bytes>,
}

/// Reads an i32-length-prefixed nullable byte field; returns its bounds in `data`.
fn read_field(cur: &mut &[u8], total: usize, field: &'static str) -> Result<Option<(usize, usize)>, RecordsError> {
    let len = read_i32(cur).map_err(|k| RecordsError::decode(field, k))?;
    if len < 0 {
        if len == -1 {
            return Ok(None);
        }
        return Err(RecordsError::InvalidLength { field, len: len as i64 });
    }
    let len = len as usize;
    if len > cur.len() {
        return Err(RecordsError::decode(field, DecodeErrorKind::LengthExceedsInput { len, remaining: cur.len() }));
    }
    let start = total - cur.len();
    *cur = &cur[len..];
    Ok(Some((start, start + len)))
}

impl LegacyBatch {
    /// Reads the message that fills `data` exactly (log overhead included).
    pub fn parse(data: Bytes) -> Result<Self, RecordsError> {
        let total = data.len();
        let mut cur: &[u8] = &data;
        let c = &mut cur;
        let offset = read_i64(c).map_err(|k| RecordsError::decode("offset", k))?;
        let size = read_i32(c).map_err(|k| RecordsError::decode("message size", k))?;
        if size < MIN_MESSAGE_SIZE {
            return Err(RecordsError::InvalidBatchLength(size));
        }
        let needed = LOG_OVERHEAD + size as usize;
        if needed != total {
            if needed > total {
                return Err(RecordsError::Truncated { needed, available: total });
            }
            return Err(RecordsError::TrailingBytes(total - needed));
        }
        let crc = read_u32(c).map_err(|k| RecordsError::decode("crc", k))?;
        let magic = read_i8(c).map_err(|k| RecordsError::decode("magic", k))?;
        if magic != 0 && magic != 1 {
            return Err(RecordsError::UnsupportedMagic(magic));
        }
        let attributes = read_i8(c).map_err(|k| RecordsError::decode("attributes", k))?;
        Compression::from_attributes(attributes as i16)?;
        let timestamp =
            if magic == 1 { read_i64(c).map_err(|k| RecordsError::decode("timestamp", k))? } else { NO_TIMESTAMP };
        let key = read_field(c, total, "key")?;
        let value = read_field(c, total, "value")?;
        if !cur.is_empty() {
            let size = size as usize;
            return Err(RecordsError::RecordSizeMismatch { declared: size, read: size - cur.len() });
        }
        let key = key.map(|(s, e)| data.slice(s..e));
        let value = value.map(|(s, e)| data.slice(s..e));
        Ok(LegacyBatch { data, offset, crc, magic, attributes, timestamp, key, value })
    }

    /// The message's offset: for a wrapper, the offset of its last inner message.
    pub fn offset(&self) -> i64 {
        self.offset
    }

    /// The magic byte, 0 or 1.
    pub fn magic(&self) -> i8 {
        self.magic
    }

    /// The raw attributes byte.
    pub fn attributes(&self) -> i8 {
        self.attributes
    }

    /// The codec of a wrapper's inner message set, `None` for a plain message.
    pub fn compression(&self) -> Compression {
        Compression::from_attributes(self.attributes as i16).unwrap_or(Compression::None)
    }

    /// What the timestamp means (`NoTimestampType` for magic 0).
    pub fn timestamp_type(&self) -> TimestampType {
        match (self.magic, self.attributes & TIMESTAMP_TYPE_BIT != 0) {
            (0, _) => TimestampType::NoTimestampType,
            (_, true) => TimestampType::LogAppendTime,
            (_, false) => TimestampType::CreateTime,
        }
    }

    /// The message timestamp (-1 for magic 0).
    pub fn timestamp(&self) -> i64 {
        self.timestamp
    }

    /// The message key (a wrapper has none).
    pub fn key(&self) -> Option<&Bytes> {
        self.key.as_ref()
    }

    /// The message value (for a wrapper, the compressed inner message set).
    pub fn value(&self) -> Option<&Bytes> {
        self.value.as_ref()
    }

    /// The stored CRC.
    pub fn crc(&self) -> u32 {
        self.crc
    }

    /// The whole message, as read.
    pub fn as_bytes(&self) -> &Bytes {
        &self.data
    }

    /// Size in bytes, log overhead included.
    pub fn size_in_bytes(&self) -> usize {
        self.data.len()
    }

    /// CRC-32 (IEEE) of the bytes the CRC covers.
    pub fn compute_crc(&self) -> u32 {
        let mut crc = flate2::Crc::new();
        crc.update(&self.data[MAGIC_OFFSET..]);
        crc.sum()
    }

    /// Checks the stored CRC against the data.
    pub fn verify_crc(&self) -> Result<(), RecordsError> {
        let computed = self.compute_crc();
        if computed != self.crc {
            return Err(RecordsError::CrcMismatch { offset: self.offset, stored: self.crc, computed });
        }
        Ok(())
    }

    /// The records, with the default [`ParseOptions`].
    pub fn records(&self) -> Result<LegacyRecords, RecordsError> {
        self.records_with(&ParseOptions::default())
    }

    /// The records: the message itself, or a wrapper's inner messages with absolute offsets.
    ///
    /// A wrapper's inner set is decompressed and checked here, in full (v1 offsets can only be
    /// made absolute once the last inner offset is known), so iterating cannot fail.
    pub fn records_with(&self, options: &ParseOptions) -> Result<LegacyRecords, RecordsError> {
        if options.verify_crc {
            self.verify_crc()?;
        }
        let codec = self.compression();
        if codec == Compression::None {
            let record = Record {
                offset: self.offset,
                timestamp: self.timestamp,
                key: self.key.clone(),
                value: self.value.clone(),
                headers: Default::default(),
            };
            return Ok(LegacyRecords { state: State::Single(Some(record)) });
        }
        if codec == Compression::Zstd {
            return Err(RecordsError::InvalidLegacy("zstd is not allowed before magic 2"));
        }
        let Some(value) = &self.value else {
            return Err(RecordsError::InvalidLegacy("compressed wrapper with a null value"));
        };
        let inner = codec.decompress_with(value, options.max_decompressed_size, self.magic == 0)?;
        let inner = Bytes::from(inner);

        let mut pos = 0;
        let mut last_inner = None;
        while let Some((message, next)) = next_inner(&inner, pos)? {
            if message.compression() != Compression::None {
                return Err(RecordsError::InvalidLegacy("inner messages must not be compressed"));
            }
            if options.verify_crc {
                message.verify_crc()?;
            }
            last_inner = Some(message.offset);
            pos = next;
        }
        let Some(last_inner) = last_inner else {
            return Err(RecordsError::InvalidLegacy("compressed wrapper with no inner messages"));
        };
        // v0 inner offsets are absolute; so are v1 ones under a wrapper offset of 0, which some
        // producers (old librdkafka) leave unset. Otherwise v1 inner offsets are relative.
        let base = if self.magic == 0 || self.offset == 0 {
            0
        } else if self.offset < last_inner {
            return Err(RecordsError::InvalidLegacy("wrapper offset below its last inner offset"));
        } else {
            self.offset - last_inner
        };
        let log_append_time = (self.timestamp_type() == TimestampType::LogAppendTime).then_some(self.timestamp);
        Ok(LegacyRecords { state: State::Deep { inner, pos: 0, base, log_append_time } })
    }
}

/// The inner message starting at `pos`, and where the next one starts; `None` at the end,
/// including a truncated last message (which Kafka's reader ignores as well).
fn next_inner(inner: &Bytes, pos: usize) -> Result<Option<(LegacyBatch, usize)>, RecordsError> {
    let rest = &inner[pos..];
    if rest.len() < LOG_OVERHEAD {
        return Ok(None);
    }
    let size = i32::from_be_bytes([rest[8], rest[9], rest[10], rest[11]]);
    if size < MIN_MESSAGE_SIZE {
        return Err(RecordsError::InvalidBatchLength(size));
    }
    let end = LOG_OVERHEAD + size as usize;
    if rest.len() < end {
        return Ok(None);
    }
    let message = LegacyBatch::parse(inner.slice(pos..pos + end))?;
    Ok(Some((message, pos + end)))
}

/// Iterator over the records of a [`LegacyBatch`], in the same [`Record`] shape as v2 records
/// (without headers, which legacy messages do not have).
#[derive(Debug, Clone)]
pub struct LegacyRecords {
    state: State,
}

#[derive(Debug, Clone)]
enum State {
    Single(Option<Record>),
    Deep { inner: Bytes, pos: usize, base: i64, log_append_time: Option<i64> },
}

impl Iterator for LegacyRecords {
    type Item = Result<Record, RecordsError>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.state {
            State::Single(record) => record.take().map(Ok),
            State::Deep { inner, pos, base, log_append_time } => {
                let (message, next) = match next_inner(inner, *pos) {
                    Ok(Some(found)) => found,
                    Ok(None) => return None,
                    Err(e) => {
                        *pos = inner.len();
                        return Some(Err(e));
                    }
                };
                *pos = next;
                let timestamp = match (message.magic, *log_append_time) {
                    (0, _) => NO_TIMESTAMP,
                    (_, Some(t)) => t,
                    (_, None) => message.timestamp,
                };
                Some(Ok(Record {
                    offset: base.wrapping_add(message.offset),
                    timestamp,
                    key: message.key,
                    value: message.value,
                    headers: Default::default(),
                }))
            }
        }
    }
}

impl std::iter::FusedIterator for LegacyRecords {}

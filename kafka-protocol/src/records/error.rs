//! Errors of reading and building record batches.

use crate::compression::CompressionError;
use crate::DecodeErrorKind;

/// Why bytes could not be read as records. Every variant is about the data, never a bug of
/// the caller: a consumer typically reports it with the topic-partition and fetch offset.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordsError {
    /// A field could not be read (input ended early, an overlong varint, ...).
    #[error("cannot read {field}: {kind}")]
    Decode {
        /// The field being read.
        field: &'static str,
        /// What went wrong.
        kind: DecodeErrorKind,
    },
    /// The batch (or message) length field is below the minimum for its format.
    #[error("batch length {0} is below the minimum for its format")]
    InvalidBatchLength(i32),
    /// The input holds fewer bytes than the batch says it has.
    #[error("batch of {needed} bytes but only {available} available")]
    Truncated {
        /// Bytes the batch declares (including the 12-byte log overhead).
        needed: usize,
        /// Bytes the input holds.
        available: usize,
    },
    /// A magic byte this crate does not read (only 0, 1 and 2 exist).
    #[error("unsupported magic {0}")]
    UnsupportedMagic(i8),
    /// The stored CRC does not match the data.
    #[error("CRC mismatch in batch at offset {offset}: stored {stored:#010x}, computed {computed:#010x}")]
    CrcMismatch {
        /// The batch's base offset (legacy: the message offset).
        offset: i64,
        /// The CRC in the batch.
        stored: u32,
        /// The CRC of the bytes.
        computed: u32,
    },
    /// The records could not be decompressed (corrupt data, unknown codec, or more than the
    /// allowed decompressed size).
    #[error(transparent)]
    Compression(#[from] CompressionError),
    /// A negative record count.
    #[error("invalid record count {0}")]
    InvalidRecordCount(i32),
    /// A negative length where only -1 (null) or a size may appear.
    #[error("invalid {field} length {len}")]
    InvalidLength {
        /// The field whose length it is.
        field: &'static str,
        /// The length read.
        len: i64,
    },
    /// A record's fields do not add up to its declared length.
    #[error("record declares {declared} bytes but its fields take {read}")]
    RecordSizeMismatch {
        /// Bytes the length prefix declares.
        declared: usize,
        /// Bytes the fields took.
        read: usize,
    },
    /// Bytes remain in the records section after the declared number of records.
    #[error("{0} bytes remain after the batch's last record")]
    TrailingBytes(usize),
    /// A legacy message set that breaks the format's rules.
    #[error("invalid legacy message set: {0}")]
    InvalidLegacy(&'static str),
    /// A control record whose key or value cannot be read.
    #[error("invalid control record: {0}")]
    InvalidControlRecord(&'static str),
}

impl RecordsError {
    #[cold]
    pub(crate) fn decode(field: &'static str, kind: DecodeErrorKind) -> Self {
        RecordsError::Decode { field, kind }
    }
}

/// Why a batch could not be built. These are caller errors (invalid arguments), reported as
/// values instead of panics.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    /// `build` was called on a builder without records.
    #[error("a record batch needs at least one record")]
    Empty,
    /// Offsets must increase strictly within a batch and not precede the base offset.
    #[error("offset {offset} does not follow the previous offset {previous}")]
    OffsetNotIncreasing {
        /// The offset given.
        offset: i64,
        /// The batch's previous offset (or base offset - 1).
        previous: i64,
    },
    /// The offset is more than `i32::MAX` past the base offset.
    #[error("offset delta {0} does not fit the batch format")]
    OffsetDeltaOverflow(i64),
    /// A negative timestamp other than -1 ([`NO_TIMESTAMP`](super::NO_TIMESTAMP)).
    #[error("invalid negative timestamp {0}")]
    InvalidTimestamp(i64),
    /// A record, or the batch, larger than an int32 length can describe.
    #[error("{what} of {len} bytes exceeds the format's limit")]
    TooLarge {
        /// What was too large (`record`, `batch`).
        what: &'static str,
        /// Its size.
        len: usize,
    },
    /// Producer id, epoch, sequence and transactional flag are inconsistent.
    #[error("invalid producer state: {0}")]
    InvalidProducerState(&'static str),
    /// Compressing the records failed.
    #[error(transparent)]
    Compression(#[from] CompressionError),
}

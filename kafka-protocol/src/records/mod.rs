//! Record batches: the payload of Produce requests and Fetch responses.
//!
//! Since Kafka 0.11 records travel in **RecordBatch v2** ("magic 2"): a 61-byte header followed
//! by the records, all of them compressed together when the batch names a codec.
//!
//! ```text
//! baseOffset i64 | batchLength i32 | partitionLeaderEpoch i32 | magic i8 (2) | crc u32
//! | attributes i16 | lastOffsetDelta i32 | baseTimestamp i64 | maxTimestamp i64
//! | producerId i64 | producerEpoch i16 | baseSequence i32 | recordCount i32 | records...
//! ```
//!
//! `batchLength` counts the bytes after itself; the CRC (CRC-32C) covers everything from
//! `attributes` to the end, so a broker can rewrite the base offset and leader epoch without
//! recomputing it. The attributes hold the codec (bits 0-2, see [`Compression`]), the timestamp
//! type (bit 3), the transactional flag (bit 4), the control flag (bit 5) and the
//! delete-horizon flag (bit 6). Each record is varint-framed and stores its offset and
//! timestamp as deltas from the batch's base:
//!
//! ```text
//! length varint | attributes i8 | timestampDelta varlong | offsetDelta varint
//! | keyLength varint | key | valueLength varint | value            (length -1: null)
//! | headerCount varint | (keyLength varint | key | valueLength varint | value)*
//! ```
//!
//! This module writes batches with [`RecordBatchBuilder`] (each record encoded straight into
//! the batch buffer, the batch closed once) and reads them with [`RecordBatch`] (a header view)
//! and [`Records`] (an iterator whose keys, values and headers are zero-copy [`Bytes`] slices
//! of the input, or of the one buffer a compressed batch decompresses into; [`Records::iter_ref`]
//! reads the same records as borrowed [`RecordRef`]s, without even reference counting). [`Batches`] walks
//! the record set of a Fetch partition, which may end in a truncated batch and may hold legacy
//! **MessageSet** v0/v1 messages from old logs (read only, see [`LegacyBatch`]). Control
//! batches carry transaction markers, see [`EndTxnMarker`].
//!
//! Nothing read from the input is trusted: every length and count is checked against what
//! remains before it is used, decompression is bounded (see [`ParseOptions`]), and malformed
//! input is a typed [`RecordsError`], never a panic.
//!
//! ```
//! use bytes::Bytes;
//! use kfk_protocol::compression::Compression;
//! use kfk_protocol::records::{Batches, RecordBatchBuilder};
//!
//! let mut builder = RecordBatchBuilder::new(Compression::Lz4).with_base_offset(100);
//! builder.append(1_700_000_000_000, Some(b"key"), Some(b"value")).unwrap();
//! builder
//!     .append_with_headers(1_700_000_000_001, None, Some(b"v2"), [("trace", Some(b"abc"))])
//!     .unwrap();
//! let bytes: Bytes = builder.build().unwrap();
//!
//! for batch in Batches::new(bytes) {
//!     let batch = batch.unwrap();
//!     for record in batch.records().unwrap() {
//!         let record = record.unwrap();
//!         println!("{} {:?} {:?}", record.offset, record.key, record.value);
//!         for header in &record.headers {
//!             println!("  {:?}={:?}", header.key, header.value);
//!         }
//!     }
//! }
//! ```
//!
//! [`Compression`]: crate::compression::Compression
//! [`Bytes`]: bytes::Bytes

mod batch;
mod builder;
mod control;
mod error;
mod legacy;
mod producer_state;
mod record;
mod record_ref;
mod set;

pub use batch::{BatchHeader, RecordBatch};
pub use builder::{AsHeader, RecordBatchBuilder};
pub use control::{ControlRecordKey, ControlRecordType, EndTxnMarker, TransactionResult};
pub use error::{BuildError, RecordsError};
pub use legacy::{LegacyBatch, LegacyRecords};
pub use producer_state::with_producer_state;
pub use record::{Header, HeaderIter, Headers, Record, Records};
pub use record_ref::{HeaderRefIter, HeadersRef, RecordRef, RecordRefs};
pub use set::{Batch, BatchRecords, Batches};

use crate::compression::DEFAULT_MAX_DECOMPRESSED_SIZE;

/// The magic byte of RecordBatch v2.
pub const MAGIC_V2: i8 = 2;
/// Bytes before a batch's (or legacy message's) content: base offset i64 and length i32.
pub const LOG_OVERHEAD: usize = 12;
/// Size of the RecordBatch v2 header, the smallest possible batch.
pub const RECORD_BATCH_OVERHEAD: usize = 61;
/// "No producer id": the batch is neither idempotent nor transactional.
pub const NO_PRODUCER_ID: i64 = -1;
/// "No producer epoch".
pub const NO_PRODUCER_EPOCH: i16 = -1;
/// "No sequence number".
pub const NO_SEQUENCE: i32 = -1;
/// "No partition leader epoch" (what producers write; the broker fills it in).
pub const NO_PARTITION_LEADER_EPOCH: i32 = -1;
/// "No timestamp" (a record without one, or every record of a magic-0 message).
pub const NO_TIMESTAMP: i64 = -1;

/// What a record's timestamp means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TimestampType {
    /// Legacy magic-0 messages carry no timestamp.
    NoTimestampType,
    /// The producer's timestamp (when the record was created).
    #[default]
    CreateTime,
    /// The broker's timestamp (when the batch was appended to the log); every record of such a
    /// batch reads as the batch's max timestamp.
    LogAppendTime,
}

impl TimestampType {
    /// The name the Java client prints (`CreateTime`, `LogAppendTime`, `NoTimestampType`).
    pub const fn name(self) -> &'static str {
        match self {
            TimestampType::NoTimestampType => "NoTimestampType",
            TimestampType::CreateTime => "CreateTime",
            TimestampType::LogAppendTime => "LogAppendTime",
        }
    }
}

impl std::fmt::Display for TimestampType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How records are read from a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseOptions {
    /// Verify the batch CRC before reading records (`check.crcs`, on by default).
    pub verify_crc: bool,
    /// The most bytes a compressed batch may decompress to; more is an error, so a small
    /// hostile batch cannot exhaust memory. Defaults to [`DEFAULT_MAX_DECOMPRESSED_SIZE`].
    pub max_decompressed_size: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions { verify_crc: true, max_decompressed_size: DEFAULT_MAX_DECOMPRESSED_SIZE }
    }
}

/// Batch attribute bits (RecordBatch v2).
pub(crate) mod attr {
    pub const TIMESTAMP_TYPE: i16 = 0x08;
    pub const TRANSACTIONAL: i16 = 0x10;
    pub const CONTROL: i16 = 0x20;
    pub const DELETE_HORIZON: i16 = 0x40;
}

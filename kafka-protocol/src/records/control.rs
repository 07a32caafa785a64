//! Control records: markers a broker writes into the log, in batches flagged as control.
//!
//! A control record's key is `version i16 (0) | type i16`. Type 0 (abort) and 1 (commit) are
//! transaction markers, written when a transaction ends (EndTxn / WriteTxnMarkers); their value
//! is `version i16 (0) | coordinator epoch i32`. Other types belong to KRaft's metadata log.
//! A read-committed consumer uses the markers to drop aborted records; no consumer hands a
//! control record to the application.

use super::{BuildError, Record, RecordBatchBuilder, RecordsError};
use crate::compression::Compression;

/// The type of a control record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ControlRecordType {
    /// A transaction was aborted (type 0).
    Abort,
    /// A transaction was committed (type 1).
    Commit,
    /// KRaft: the quorum leader changed (type 2).
    LeaderChange,
    /// KRaft: start of a snapshot (type 3).
    SnapshotHeader,
    /// KRaft: end of a snapshot (type 4).
    SnapshotFooter,
    /// KRaft: the kraft.version feature level (type 5).
    KraftVersion,
    /// KRaft: the set of voters (type 6).
    KraftVoters,
    /// A type this crate does not know; kept so newer logs still read.
    Unknown(i16),
}

impl ControlRecordType {
    /// The type for a wire id.
    pub fn from_id(id: i16) -> Self {
        match id {
            0 => ControlRecordType::Abort,
            1 => ControlRecordType::Commit,
            2 => ControlRecordType::LeaderChange,
            3 => ControlRecordType::SnapshotHeader,
            4 => ControlRecordType::SnapshotFooter,
            5 => ControlRecordType::KraftVersion,
            6 => ControlRecordType::KraftVoters,
            other => ControlRecordType::Unknown(other),
        }
    }

    /// The wire id.
    pub fn id(self) -> i16 {
        match self {
            ControlRecordType::Abort => 0,
            ControlRecordType::Commit => 1,
            ControlRecordType::LeaderChange => 2,
            ControlRecordType::SnapshotHeader => 3,
            ControlRecordType::SnapshotFooter => 4,
            ControlRecordType::KraftVersion => 5,
            ControlRecordType::KraftVoters => 6,
            ControlRecordType::Unknown(id) => id,
        }
    }
}

/// The key of a control record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ControlRecordKey {
    /// Key schema version (0; later versions are read as 0, as Kafka does).
    pub version: i16,
    /// What the record is.
    pub record_type: ControlRecordType,
}

impl ControlRecordKey {
    /// Reads a control record key.
    pub fn parse(key: &[u8]) -> Result<Self, RecordsError> {
        let [v0, v1, t0, t1, ..] = *key else {
            return Err(RecordsError::InvalidControlRecord("key shorter than 4 bytes"));
        };
        let version = i16::from_be_bytes([v0, v1]);
        if version < 0 {
            return Err(RecordsError::InvalidControlRecord("negative key version"));
        }
        Ok(ControlRecordKey { version, record_type: ControlRecordType::from_id(i16::from_be_bytes([t0, t1])) })
    }

    /// The key for `record_type`, at version 0.
    pub fn encode(record_type: ControlRecordType) -> [u8; 4] {
        let [t0, t1] = record_type.id().to_be_bytes();
        [0, 0, t0, t1]
    }
}

/// How a transaction ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TransactionResult {
    /// Aborted: consumers in read-committed mode skip the transaction's records.
    Abort,
    /// Committed.
    Commit,
}

/// A transaction marker: the control record ending a transaction on one partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EndTxnMarker {
    /// Commit or abort.
    pub result: TransactionResult,
    /// Epoch of the transaction coordinator that wrote the marker (fences zombie coordinators).
    pub coordinator_epoch: i32,
}

impl EndTxnMarker {
    /// Reads the marker in a record of a control batch; `Ok(None)` if the record is a control
    /// record of another type.
    pub fn from_record(record: &Record) -> Result<Option<Self>, RecordsError> {
        let Some(key) = &record.key else {
            return Err(RecordsError::InvalidControlRecord("null key"));
        };
        let result = match ControlRecordKey::parse(key)?.record_type {
            ControlRecordType::Abort => TransactionResult::Abort,
            ControlRecordType::Commit => TransactionResult::Commit,
            _ => return Ok(None),
        };
        let Some(value) = &record.value else {
            return Err(RecordsError::InvalidControlRecord("marker with a null value"));
        };
        let [v0, v1, e0, e1, e2, e3, ..] = value[..] else {
            return Err(RecordsError::InvalidControlRecord("marker value shorter than 6 bytes"));
        };
        if i16::from_be_bytes([v0, v1]) < 0 {
            return Err(RecordsError::InvalidControlRecord("negative marker version"));
        }
        Ok(Some(EndTxnMarker { result, coordinator_epoch: i32::from_be_bytes([e0, e1, e2, e3]) }))
    }

    /// The control record type of this marker.
    pub fn record_type(&self) -> ControlRecordType {
        match self.result {
            TransactionResult::Abort => ControlRecordType::Abort,
            TransactionResult::Commit => ControlRecordType::Commit,
        }
    }

    /// The marker's record key.
    pub fn key(&self) -> [u8; 4] {
        ControlRecordKey::encode(self.record_type())
    }

    /// The marker's record value (version 0).
    pub fn value(&self) -> [u8; 6] {
        let [e0, e1, e2, e3] = self.coordinator_epoch.to_be_bytes();
        [0, 0, e0, e1, e2, e3]
    }

    /// A builder holding this marker as its only record, configured as Kafka writes markers:
    /// control and transactional, uncompressed, no sequence number. Set the base offset and
    /// partition leader epoch on it (`with_base_offset`, `with_partition_leader_epoch`) before
    /// `build`.
    ///
    /// ```
    /// use kfk_protocol::records::{Batches, EndTxnMarker, TransactionResult};
    ///
    /// let marker = EndTxnMarker { result: TransactionResult::Commit, coordinator_epoch: 5 };
    /// let bytes = marker.batch_builder(1000, 3, 1_700_000_000_000).unwrap()
    ///     .with_base_offset(42).build().unwrap();
    /// let batch = Batches::new(bytes).next().unwrap().unwrap();
    /// assert!(batch.is_control());
    /// let record = batch.records().unwrap().next().unwrap().unwrap();
    /// assert_eq!(EndTxnMarker::from_record(&record).unwrap(), Some(marker));
    /// ```
    pub fn batch_builder(
        &self,
        producer_id: i64,
        producer_epoch: i16,
        timestamp: i64,
    ) -> Result<RecordBatchBuilder, BuildError> {
        let mut builder = RecordBatchBuilder::with_capacity(Compression::None, 32)
            .with_producer(producer_id, producer_epoch, super::NO_SEQUENCE)
            .with_transactional(true)
            .with_control(true);
        builder.append(timestamp, Some(&self.key()), Some(&self.value()))?;
        Ok(builder)
    }
}

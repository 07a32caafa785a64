//! One partition's log: record batches in offset order, the log start and end offsets, a byte
//! bound (retention), the leader epoch cache, and the fetch requests waiting for data.
//!
//! Batches are stored as the producer sent them, as `Bytes`, with only the base offset and the
//! partition leader epoch rewritten (the CRC does not cover them) -- or, for a topic with
//! `message.timestamp.type=LogAppendTime`, also the timestamp type and max timestamp, with the
//! CRC recomputed, as Kafka does. All replicas are in memory and always in sync, so the high
//! watermark is the log end offset.
//!
//! Transactions: the log knows which producers have a transaction open on it (the offset of
//! each one's first transactional batch) and the aborted transactions (producer id, first
//! offset, offset of the ABORT marker) -- Kafka's producer state and transaction index. The
//! last stable offset is the first offset of the earliest open transaction, else the high
//! watermark; read_committed fetches stop there.

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Weak};

use bytes::{Bytes, BytesMut};
use kfk_protocol::records::{EndTxnMarker, RecordBatch, TimestampType};
use tokio::sync::Notify;

/// Byte offsets inside a RecordBatch v2 header.
mod layout {
    pub const BASE_OFFSET: usize = 0;
    pub const LEADER_EPOCH: usize = 12;
    pub const CRC: usize = 17;
    pub const ATTRIBUTES: usize = 21;
    pub const MAX_TIMESTAMP: usize = 35;
    /// Attribute bit: timestamps are log append time.
    pub const LOG_APPEND_TIME_BIT: i16 = 0x08;
}

/// A batch in the log.
#[derive(Debug, Clone)]
pub(crate) struct StoredBatch {
    pub base_offset: i64,
    pub last_offset: i64,
    pub max_timestamp: i64,
    pub bytes: Bytes,
}

/// Where an appended batch landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Appended {
    pub base_offset: i64,
    pub last_offset: i64,
    /// The log append time given to the batch, or -1 (create time).
    pub log_append_time: i64,
}

/// An aborted transaction, as Kafka's transaction index keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AbortedTxn {
    pub producer_id: i64,
    /// The offset of the transaction's first batch in this partition.
    pub first_offset: i64,
    /// The offset of its ABORT marker.
    pub last_offset: i64,
}

/// The fetch offset is before the log start or after the log end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OffsetOutOfRange;

/// One partition's log.
#[derive(Debug)]
pub(crate) struct PartitionLog {
    batches: VecDeque<StoredBatch>,
    start_offset: i64,
    end_offset: i64,
    size_bytes: usize,
    retention_bytes: usize,
    /// Leader epoch cache: (epoch, first offset written in it), ascending.
    epochs: Vec<(i32, i64)>,
    /// Fetch requests parked on this partition; woken on append, leader change or deletion.
    waiters: Vec<Weak<Notify>>,
    /// Open transactions: producer id -> offset of its first transactional batch.
    open_txns: BTreeMap<i64, i64>,
    /// Aborted transactions, by marker offset (ascending).
    aborted: VecDeque<AbortedTxn>,
}

impl PartitionLog {
    /// An empty log whose first leader has `leader_epoch`.
    pub(crate) fn new(retention_bytes: usize, leader_epoch: i32) -> Self {
        PartitionLog {
            batches: VecDeque::new(),
            start_offset: 0,
            end_offset: 0,
            size_bytes: 0,
            retention_bytes,
            epochs: vec![(leader_epoch, 0)],
            waiters: Vec::new(),
            open_txns: BTreeMap::new(),
            aborted: VecDeque::new(),
        }
    }

    pub(crate) fn start_offset(&self) -> i64 {
        self.start_offset
    }

    /// The log end offset, which is also the high watermark.
    pub(crate) fn end_offset(&self) -> i64 {
        self.end_offset
    }

    /// The last stable offset: the first offset of the earliest open transaction, else the high
    /// watermark (never below the log start).
    pub(crate) fn last_stable_offset(&self) -> i64 {
        self.open_txns.values().copied().min().map_or(self.end_offset, |first| first.max(self.start_offset))
    }

    /// Whether producer `pid` has a transaction open in this partition.
    pub(crate) fn has_open_txn(&self, pid: i64) -> bool {
        self.open_txns.contains_key(&pid)
    }

    /// The offset of the first batch of `pid`'s open transaction in this partition.
    pub(crate) fn open_txn_start(&self, pid: i64) -> Option<i64> {
        self.open_txns.get(&pid).copied()
    }

    /// The max timestamp of the batch holding `offset`, if it is still in the log.
    pub(crate) fn batch_max_timestamp(&self, offset: i64) -> Option<i64> {
        let i = self.batches.partition_point(|b| b.last_offset < offset);
        self.batches.get(i).filter(|b| b.base_offset <= offset).map(|b| b.max_timestamp)
    }

    /// Records that a transactional batch of `pid` landed at `offset` (opens its transaction
    /// here unless one is open already).
    pub(crate) fn txn_batch_appended(&mut self, pid: i64, offset: i64) {
        self.open_txns.entry(pid).or_insert(offset);
    }

    /// Appends the control batch ending `pid`'s transaction (COMMIT or ABORT marker, written
    /// at the coordinator's `epoch` for the producer) and closes the transaction; an aborted one
    /// goes to the aborted-transactions index. Returns the marker's offset.
    pub(crate) fn append_marker(
        &mut self,
        pid: i64,
        epoch: i16,
        marker: EndTxnMarker,
        leader_epoch: i32,
        now: i64,
    ) -> i64 {
        let built = marker.batch_builder(pid, epoch, now).and_then(|b| b.build());
        let batch =
            match built.map_err(|e| e.to_string()).and_then(|b| RecordBatch::parse(b).map_err(|e| e.to_string())) {
                Ok(b) => b,
                Err(e) => {
                    // A marker is a fixed, tiny batch: failing to build one is a stub bug.
                    tracing::error!(error = %e, "cannot build a transaction marker");
                    return -1;
                }
            };
        let offset = self.append(&batch, leader_epoch, None).base_offset;
        let first = self.open_txns.remove(&pid);
        if marker.result == kfk_protocol::records::TransactionResult::Abort {
            self.aborted.push_back(AbortedTxn {
                producer_id: pid,
                first_offset: first.unwrap_or(offset),
                last_offset: offset,
            });
        }
        offset
    }

    /// The aborted transactions a fetch of `[from, to)` must be told about: those whose range
    /// overlaps it.
    pub(crate) fn aborted_between(&self, from: i64, to: i64) -> Vec<AbortedTxn> {
        self.aborted.iter().filter(|a| a.last_offset >= from && a.first_offset < to).copied().collect()
    }

    /// A fetch's read: up to the high watermark (read_uncommitted) or the last stable offset
    /// (read_committed), with the aborted transactions overlapping what was read for
    /// read_committed (a consumer drops their records).
    pub(crate) fn read_isolated(
        &self,
        offset: i64,
        max_bytes: usize,
        min_one: bool,
        read_committed: bool,
    ) -> Result<(Bytes, Vec<AbortedTxn>), OffsetOutOfRange> {
        if !read_committed {
            return self.read(offset, max_bytes, min_one).map(|r| (r, Vec::new()));
        }
        let lso = self.last_stable_offset();
        let records = self.read_below(offset, max_bytes, min_one, lso)?;
        let aborted = if records.is_empty() { Vec::new() } else { self.aborted_between(offset, lso) };
        Ok((records, aborted))
    }

    /// Appends a validated batch at the log end. `record_count` is the batch's
    /// `last_offset_delta + 1`. Returns where it landed; drops the oldest batches past the
    /// retention bound afterwards.
    pub(crate) fn append(&mut self, batch: &RecordBatch, leader_epoch: i32, log_append_time: Option<i64>) -> Appended {
        let header = batch.header();
        let base_offset = self.end_offset;
        let last_offset = base_offset + header.last_offset_delta as i64;
        let mut bytes = BytesMut::from(batch.as_bytes().as_ref());
        bytes[layout::BASE_OFFSET..layout::BASE_OFFSET + 8].copy_from_slice(&base_offset.to_be_bytes());
        bytes[layout::LEADER_EPOCH..layout::LEADER_EPOCH + 4].copy_from_slice(&leader_epoch.to_be_bytes());
        let mut max_timestamp = header.max_timestamp;
        if let Some(now) = log_append_time {
            let attributes = header.attributes | layout::LOG_APPEND_TIME_BIT;
            bytes[layout::ATTRIBUTES..layout::ATTRIBUTES + 2].copy_from_slice(&attributes.to_be_bytes());
            bytes[layout::MAX_TIMESTAMP..layout::MAX_TIMESTAMP + 8].copy_from_slice(&now.to_be_bytes());
            let crc = crc32c_of(&bytes[layout::ATTRIBUTES..]);
            bytes[layout::CRC..layout::CRC + 4].copy_from_slice(&crc.to_be_bytes());
            max_timestamp = now;
        }
        let bytes = bytes.freeze();
        self.size_bytes += bytes.len();
        self.batches.push_back(StoredBatch { base_offset, last_offset, max_timestamp, bytes });
        self.end_offset = last_offset + 1;
        if self.epochs.last().is_none_or(|&(e, _)| e < leader_epoch) {
            self.epochs.push((leader_epoch, base_offset));
        }
        self.enforce_retention();
        self.wake_waiters();
        Appended { base_offset, last_offset, log_append_time: log_append_time.unwrap_or(-1) }
    }

    /// Changes the byte bound (an altered `retention.bytes`), dropping old batches at once if
    /// the log is over it.
    pub(crate) fn set_retention(&mut self, retention_bytes: usize) {
        self.retention_bytes = retention_bytes;
        self.enforce_retention();
    }

    /// Drops the oldest batches while the log exceeds its byte bound, always keeping the newest.
    fn enforce_retention(&mut self) {
        while self.size_bytes > self.retention_bytes && self.batches.len() > 1 {
            if let Some(old) = self.batches.pop_front() {
                self.size_bytes -= old.bytes.len();
            }
            if let Some(front) = self.batches.front() {
                self.start_offset = front.base_offset;
            }
        }
        while self.aborted.front().is_some_and(|a| a.last_offset < self.start_offset) {
            self.aborted.pop_front();
        }
    }

    /// Moves the log start to `offset` (DeleteRecords): records before it are gone for good;
    /// batches wholly before it are dropped. A start already past `offset` stays. The caller
    /// checks `offset <= end_offset()`.
    pub(crate) fn delete_before(&mut self, offset: i64) -> i64 {
        if offset > self.start_offset {
            while self.batches.front().is_some_and(|b| b.last_offset < offset) {
                if let Some(old) = self.batches.pop_front() {
                    self.size_bytes -= old.bytes.len();
                }
            }
            self.start_offset = offset;
            while self.aborted.front().is_some_and(|a| a.last_offset < self.start_offset) {
                self.aborted.pop_front();
            }
            self.wake_waiters();
        }
        self.start_offset
    }

    /// Cuts the log back to `offset`, rounded down to the start of the batch holding it, as a
    /// replica that becomes leader in an unclean election loses what it never got. Epochs,
    /// transactions and parked fetches follow; returns the new log end.
    pub(crate) fn truncate_to(&mut self, offset: i64) -> i64 {
        while self.batches.back().is_some_and(|b| b.last_offset >= offset) {
            if let Some(gone) = self.batches.pop_back() {
                self.size_bytes -= gone.bytes.len();
            }
        }
        let end = self.batches.back().map_or(self.start_offset.min(offset), |b| b.last_offset + 1);
        if end < self.end_offset {
            self.end_offset = end;
            // An epoch that started at or after the new end has no records left; the first
            // one stays, so the cache is never empty.
            while self.epochs.len() > 1 && self.epochs.last().is_some_and(|&(_, start)| start >= end) {
                self.epochs.pop();
            }
            self.open_txns.retain(|_, first| *first < end);
            self.aborted.retain(|a| a.last_offset < end);
            self.wake_waiters();
        }
        self.end_offset
    }

    /// Index of the batch holding `offset` (the first whose last offset is >= it).
    fn batch_index(&self, offset: i64) -> usize {
        self.batches.partition_point(|b| b.last_offset < offset)
    }

    /// Reads from the batch holding `offset`, as Kafka's log read does: up to `max_bytes` of the
    /// log's bytes from that batch's start, so the last batch may be cut short; with
    /// `min_one`, at least the whole first batch even if it is larger than `max_bytes`.
    pub(crate) fn read(&self, offset: i64, max_bytes: usize, min_one: bool) -> Result<Bytes, OffsetOutOfRange> {
        self.read_below(offset, max_bytes, min_one, self.end_offset)
    }

    /// [`read`](Self::read), but only batches that start below `upper` (the last stable offset
    /// for read_committed, which is always a batch boundary).
    pub(crate) fn read_below(
        &self,
        offset: i64,
        max_bytes: usize,
        min_one: bool,
        upper: i64,
    ) -> Result<Bytes, OffsetOutOfRange> {
        if offset < self.start_offset || offset > self.end_offset {
            return Err(OffsetOutOfRange);
        }
        let first = self.batch_index(offset);
        let end = self.batches.partition_point(|b| b.base_offset < upper);
        let Some(first_batch) = self.batches.get(first).filter(|_| first < end) else {
            return Ok(Bytes::new());
        };
        let limit = if min_one { max_bytes.max(first_batch.bytes.len()) } else { max_bytes };
        if first_batch.bytes.len() >= limit {
            return Ok(first_batch.bytes.slice(..limit));
        }
        let mut out = BytesMut::new();
        for batch in self.batches.range(first..end) {
            let room = limit - out.len();
            if room == 0 {
                break;
            }
            let take = batch.bytes.len().min(room);
            out.extend_from_slice(&batch.bytes[..take]);
        }
        Ok(out.freeze())
    }

    /// The first offset whose record timestamp is >= `timestamp`, with that record's timestamp.
    #[cfg(test)]
    pub(crate) fn offset_for_timestamp(&self, timestamp: i64) -> Option<(i64, i64)> {
        self.timestamp_lookup(Some(timestamp))?.resolve().map(|(ts, offset, _)| (offset, ts))
    }

    /// The offset and timestamp of the (first) record with the largest timestamp.
    #[cfg(test)]
    pub(crate) fn max_timestamp(&self) -> Option<(i64, i64)> {
        self.timestamp_lookup(None)?.resolve().map(|(ts, offset, _)| (offset, ts))
    }

    /// What finding the first record at or after `timestamp` (`None`: the record with the
    /// largest timestamp) needs from the log, to finish without the cluster lock: the one
    /// batch to read. `None` when no batch qualifies.
    pub(crate) fn timestamp_lookup(&self, timestamp: Option<i64>) -> Option<TimestampLookup> {
        let batch = match timestamp {
            Some(ts) => self.batches.iter().find(|b| b.max_timestamp >= ts)?,
            None => {
                let mut best: Option<&StoredBatch> = None;
                for b in &self.batches {
                    if best.is_none_or(|x| b.max_timestamp > x.max_timestamp) {
                        best = Some(b);
                    }
                }
                best?
            }
        };
        Some(TimestampLookup {
            batch: batch.clone(),
            timestamp,
            start_offset: self.start_offset,
            epochs: self.epochs.clone(),
        })
    }

    /// The newest leader epoch in the cache.
    pub(crate) fn latest_epoch(&self) -> i32 {
        self.epochs.last().map_or(-1, |&(e, _)| e)
    }

    /// The leader epoch `offset` was written in.
    pub(crate) fn epoch_for_offset(&self, offset: i64) -> i32 {
        epoch_for_offset(&self.epochs, offset)
    }

    /// OffsetForLeaderEpoch: the largest epoch <= `requested` and the offset where it ended.
    pub(crate) fn end_offset_for_epoch(&self, requested: i32) -> (i32, i64) {
        if requested < 0 || self.epochs.is_empty() {
            return (-1, -1);
        }
        if requested == self.latest_epoch() {
            return (requested, self.end_offset);
        }
        let Some(&(_, higher_start)) = self.epochs.iter().find(|&&(e, _)| e > requested) else {
            return (-1, -1);
        };
        match self.epochs.iter().rev().find(|&&(e, _)| e <= requested) {
            Some(&(floor, _)) => (floor, higher_start),
            None => (requested, higher_start),
        }
    }

    /// Records that a new leader took over at `epoch`, starting at the log end.
    pub(crate) fn new_leader_epoch(&mut self, epoch: i32) {
        let start = self.end_offset;
        while self.epochs.last().is_some_and(|&(e, s)| e >= epoch || s >= start) {
            self.epochs.pop();
        }
        self.epochs.push((epoch, start));
        self.wake_waiters();
    }

    /// Parks a fetch on this partition until its next change.
    pub(crate) fn add_waiter(&mut self, waiter: &Arc<Notify>) {
        self.waiters.retain(|w| w.strong_count() > 0);
        self.waiters.push(Arc::downgrade(waiter));
    }

    /// Wakes every fetch parked on this partition.
    pub(crate) fn wake_waiters(&mut self) {
        for w in self.waiters.drain(..) {
            if let Some(n) = w.upgrade() {
                n.notify_one();
            }
        }
    }
}

/// The leader epoch `offset` was written in, by a leader epoch cache.
fn epoch_for_offset(epochs: &[(i32, i64)], offset: i64) -> i32 {
    epochs.iter().rev().find(|&&(_, start)| start <= offset).map_or(-1, |&(e, _)| e)
}

/// Whether a record set's first batch names a codec (its attributes, read without parsing).
pub(crate) fn is_compressed(data: &[u8]) -> bool {
    data.get(layout::ATTRIBUTES..layout::ATTRIBUTES + 2).is_some_and(|a| a[1] & 0x07 != 0)
}

/// A ListOffsets timestamp lookup taken from a log (the batch holding the answer, the log
/// start, the leader epoch cache) and finished without the cluster lock, because reading a
/// batch's record timestamps means decompressing it (up to 64 MiB).
#[derive(Debug)]
pub(crate) struct TimestampLookup {
    batch: StoredBatch,
    /// `None`: the largest timestamp.
    timestamp: Option<i64>,
    start_offset: i64,
    epochs: Vec<(i32, i64)>,
}

impl TimestampLookup {
    /// Whether resolving it decompresses a batch.
    pub(crate) fn is_heavy(&self) -> bool {
        is_compressed(&self.batch.bytes)
    }

    /// (timestamp, offset, leader epoch) of the record found.
    pub(crate) fn resolve(&self) -> Option<(i64, i64, i32)> {
        let batch = &self.batch;
        let found = match self.timestamp {
            Some(wanted) => {
                find_record(batch, |ts| ts >= wanted).map(|(offset, ts)| (offset.max(self.start_offset), ts))
            }
            None => {
                find_record(batch, |ts| ts == batch.max_timestamp).or(Some((batch.last_offset, batch.max_timestamp)))
            }
        };
        found.map(|(offset, ts)| (ts, offset, epoch_for_offset(&self.epochs, offset)))
    }
}

/// CRC-32C, as RecordBatch v2 uses.
fn crc32c_of(data: &[u8]) -> u32 {
    crc32c::crc32c(data)
}

/// The first record (offset, timestamp) of a stored batch whose timestamp `wanted` accepts,
/// read one at a time (a batch can hold millions); `None` if there is none or the batch cannot
/// be read (it was validated on append, so that does not happen).
fn find_record(batch: &StoredBatch, wanted: impl Fn(i64) -> bool) -> Option<(i64, i64)> {
    let parsed = RecordBatch::parse(batch.bytes.clone()).ok()?;
    if parsed.header().timestamp_type() == TimestampType::LogAppendTime {
        return wanted(batch.max_timestamp).then_some((batch.base_offset, batch.max_timestamp));
    }
    parsed.records().ok()?.filter_map(|r| r.ok()).map(|r| (r.offset, r.timestamp)).find(|&(_, ts)| wanted(ts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kfk_protocol::compression::Compression;
    use kfk_protocol::records::RecordBatchBuilder;

    fn batch(records: usize, ts: i64) -> RecordBatch {
        let mut b = RecordBatchBuilder::new(Compression::None);
        for i in 0..records {
            b.append(ts + i as i64, None, Some(b"value")).expect("append to a fresh builder");
        }
        RecordBatch::parse(b.build().expect("build a small batch")).expect("parse a built batch")
    }

    #[test]
    fn appends_assign_offsets_and_reads_return_whole_batches() {
        let mut log = PartitionLog::new(1 << 20, 0);
        let a = log.append(&batch(3, 100), 0, None);
        let b = log.append(&batch(2, 200), 0, None);
        assert_eq!((a.base_offset, a.last_offset, b.base_offset), (0, 2, 3));
        assert_eq!(log.end_offset(), 5);
        let first = log.read(1, 1 << 20, true).expect("in range");
        assert_eq!(first.len(), batch(3, 100).size_in_bytes() + batch(2, 200).size_in_bytes());
        assert_eq!(log.read(5, 100, true).expect("at the end"), Bytes::new());
        assert_eq!(log.read(6, 100, true), Err(OffsetOutOfRange));
    }

    #[test]
    fn reads_cut_the_last_batch_and_keep_one_whole_batch_when_asked() {
        let mut log = PartitionLog::new(1 << 20, 0);
        log.append(&batch(3, 100), 0, None);
        log.append(&batch(3, 100), 0, None);
        let one = batch(3, 100).size_in_bytes();
        assert_eq!(log.read(0, one + 10, false).expect("in range").len(), one + 10);
        assert_eq!(log.read(0, 10, true).expect("in range").len(), one);
        assert_eq!(log.read(0, 10, false).expect("in range").len(), 10);
    }

    #[test]
    fn retention_drops_oldest_batches_and_moves_the_start() {
        let one = batch(1, 0).size_in_bytes();
        let mut log = PartitionLog::new(one * 2, 0);
        for _ in 0..5 {
            log.append(&batch(1, 0), 0, None);
        }
        assert_eq!(log.start_offset(), 3);
        assert_eq!(log.read(0, 100, true), Err(OffsetOutOfRange));
    }

    #[test]
    fn timestamps_and_epochs() {
        let mut log = PartitionLog::new(1 << 20, 0);
        log.append(&batch(3, 100), 0, None);
        log.new_leader_epoch(2);
        log.append(&batch(3, 50), 2, None);
        assert_eq!(log.offset_for_timestamp(101), Some((1, 101)));
        assert_eq!(log.offset_for_timestamp(1000), None);
        assert_eq!(log.max_timestamp(), Some((2, 102)));
        assert_eq!(log.end_offset_for_epoch(0), (0, 3));
        assert_eq!(log.end_offset_for_epoch(1), (0, 3));
        assert_eq!(log.end_offset_for_epoch(2), (2, 6));
        assert_eq!(log.end_offset_for_epoch(3), (-1, -1));
        assert_eq!(log.epoch_for_offset(4), 2);
    }

    #[test]
    fn truncation_drops_whole_batches_and_the_epochs_past_the_new_end() {
        let mut log = PartitionLog::new(1 << 20, 0);
        log.append(&batch(3, 100), 0, None);
        log.new_leader_epoch(1);
        log.append(&batch(3, 100), 1, None);
        log.append(&batch(3, 100), 1, None);
        assert_eq!(log.end_offset(), 9);
        // Offset 4 lies in the batch 3..=5: the cut goes to its start.
        assert_eq!(log.truncate_to(4), 3);
        assert_eq!(log.end_offset_for_epoch(0), (0, 3));
        assert_eq!(log.latest_epoch(), 0, "epoch 1 has no records left");
        assert!(log.read(3, 1 << 20, true).is_ok_and(|b| b.is_empty()));
        assert!(log.read(4, 1 << 20, true).is_err(), "past the new end");
        log.new_leader_epoch(2);
        log.append(&batch(2, 100), 2, None);
        assert_eq!((log.end_offset_for_epoch(1), log.end_offset()), ((0, 3), 5));
        assert_eq!(log.truncate_to(10), 5, "nothing past the end to cut");
    }

    fn txn_batch(pid: i64, records: usize) -> RecordBatch {
        let mut b = RecordBatchBuilder::new(Compression::None).with_producer(pid, 0, 0).with_transactional(true);
        for _ in 0..records {
            b.append(1, None, Some(b"v")).expect("append to a fresh builder");
        }
        RecordBatch::parse(b.build().expect("build")).expect("parse")
    }

    fn append_txn(log: &mut PartitionLog, pid: i64, records: usize) -> i64 {
        let at = log.append(&txn_batch(pid, records), 0, None).base_offset;
        log.txn_batch_appended(pid, at);
        at
    }

    fn marker(result: kfk_protocol::records::TransactionResult) -> EndTxnMarker {
        EndTxnMarker { result, coordinator_epoch: 0 }
    }

    #[test]
    fn the_last_stable_offset_stops_at_the_earliest_open_transaction() {
        use kfk_protocol::records::TransactionResult::{Abort, Commit};
        let mut log = PartitionLog::new(1 << 20, 0);
        log.append(&batch(2, 0), 0, None); // 0-1
        assert_eq!(log.last_stable_offset(), 2, "no transaction: the high watermark");
        append_txn(&mut log, 7, 2); // 2-3, producer 7 opens
        append_txn(&mut log, 8, 1); // 4, producer 8 opens
        append_txn(&mut log, 7, 1); // 5, same transaction of 7
        assert_eq!(log.last_stable_offset(), 2);
        assert!(log.has_open_txn(7) && log.has_open_txn(8));
        assert_eq!(log.append_marker(7, 0, marker(Commit), 0, 1), 6);
        assert_eq!(log.last_stable_offset(), 4, "8 is still open");
        assert_eq!(log.append_marker(8, 0, marker(Abort), 0, 1), 7);
        assert_eq!(log.last_stable_offset(), 8);
        assert_eq!(log.end_offset(), 8);
        assert_eq!(log.aborted_between(0, 8), vec![AbortedTxn { producer_id: 8, first_offset: 4, last_offset: 7 }]);
        assert!(log.aborted_between(8, 100).is_empty(), "ended before the fetch");
        assert!(log.aborted_between(0, 4).is_empty(), "starts after the fetch");
        // The marker is a control batch carrying the producer and the result.
        let bytes = log.read(7, 1 << 20, true).expect("in range");
        let parsed = RecordBatch::parse(bytes).expect("a whole batch");
        assert!(parsed.header().is_control() && parsed.header().is_transactional());
        assert_eq!(parsed.header().producer_id, 8);
        let record = parsed.records().expect("records").next().expect("one").expect("readable");
        assert_eq!(EndTxnMarker::from_record(&record).expect("marker"), Some(marker(Abort)));
    }

    #[test]
    fn read_committed_reads_only_below_the_last_stable_offset() {
        use kfk_protocol::records::TransactionResult::Abort;
        let mut log = PartitionLog::new(1 << 20, 0);
        log.append(&batch(2, 0), 0, None); // 0-1
        append_txn(&mut log, 7, 2); // 2-3 open
        log.append(&batch(1, 0), 0, None); // 4, after the open transaction
        let one = batch(2, 0).size_in_bytes();
        let (committed, aborted) = log.read_isolated(0, 1 << 20, true, true).expect("in range");
        assert_eq!(committed.len(), one, "only the batch below the LSO");
        assert!(aborted.is_empty());
        let (at_lso, _) = log.read_isolated(2, 1 << 20, true, true).expect("in range");
        assert!(at_lso.is_empty(), "nothing stable at the LSO yet");
        let (all, _) = log.read_isolated(0, 1 << 20, true, false).expect("in range");
        assert_eq!(all.len(), one + txn_batch(7, 2).size_in_bytes() + batch(1, 0).size_in_bytes());
        log.append_marker(7, 0, marker(Abort), 0, 1);
        let (committed, aborted) = log.read_isolated(0, 1 << 20, true, true).expect("in range");
        assert_eq!(committed.len(), all.len() + log.read(5, 1 << 20, true).expect("marker").len());
        assert_eq!(aborted, vec![AbortedTxn { producer_id: 7, first_offset: 2, last_offset: 5 }]);
    }

    #[test]
    fn retention_drops_aborted_transactions_before_the_log_start() {
        use kfk_protocol::records::TransactionResult::Abort;
        let one = txn_batch(7, 1).size_in_bytes();
        let mut log = PartitionLog::new(one * 3, 0);
        append_txn(&mut log, 7, 1);
        log.append_marker(7, 0, marker(Abort), 0, 1);
        assert_eq!(log.aborted_between(0, 10).len(), 1);
        for _ in 0..4 {
            log.append(&batch(1, 0), 0, None);
        }
        assert!(log.start_offset() > 1);
        assert!(log.aborted_between(0, 10).is_empty());
    }

    #[test]
    fn log_append_time_rewrites_timestamp_and_keeps_the_crc_valid() {
        let mut log = PartitionLog::new(1 << 20, 0);
        log.append(&batch(2, 100), 0, Some(999));
        let bytes = log.read(0, 1 << 20, true).expect("in range");
        let parsed = RecordBatch::parse(bytes).expect("a whole batch");
        parsed.verify_crc().expect("CRC recomputed");
        assert_eq!(parsed.header().timestamp_type(), TimestampType::LogAppendTime);
        assert_eq!(parsed.header().max_timestamp, 999);
    }
}

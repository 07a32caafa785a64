//! Idempotent producer state of one partition, as Kafka's `ProducerStateManager` keeps it.
//!
//! Per producer id the partition remembers the producer's epoch and the metadata of its last
//! [`CACHED_BATCHES`] batches (first/last sequence, first/last offset). A new batch is checked
//! against it before it is appended:
//!
//! - an epoch older than the remembered one is fenced: `INVALID_PRODUCER_EPOCH`;
//! - a batch whose sequence range equals one of the cached batches (same epoch) is a retry of
//!   something already in the log: it is acknowledged with the original offsets, not appended;
//! - a newer epoch must start at sequence 0, else `OUT_OF_ORDER_SEQUENCE_NUMBER`;
//! - the same epoch must continue right after the last sequence (wrapping at `i32::MAX`), else
//!   `OUT_OF_ORDER_SEQUENCE_NUMBER`;
//! - a producer id the partition does not know (never seen, or all its batches removed by
//!   retention) is accepted at any sequence: Kafka stopped answering `UNKNOWN_PRODUCER_ID`
//!   here with KIP-360 (2.5).
//!
//! A transaction marker written by the coordinator moves the producer to the marker's epoch
//! (forgetting the cached batches when the epoch grows, as a fencing abort does), so batches of
//! the fenced epoch are refused afterwards.

use std::collections::{HashMap, VecDeque};

use kfk_protocol::ErrorCode;

/// How many batches per producer Kafka remembers for duplicate detection
/// (`max.in.flight.requests.per.connection` may not exceed it with idempotence).
pub(crate) const CACHED_BATCHES: usize = 5;

/// Where one appended batch of a producer landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BatchMeta {
    pub first_seq: i32,
    pub last_seq: i32,
    pub first_offset: i64,
    pub last_offset: i64,
    /// The batch's log append time, or -1 for create time.
    pub log_append_time: i64,
}

/// The verdict on a batch about to be appended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SequenceCheck {
    /// In sequence: append it, then [`ProducerStates::record`] it.
    Append,
    /// A retry of a batch already in the log: acknowledge it with these offsets.
    Duplicate(BatchMeta),
    /// Refused with this error code.
    Reject(i16),
}

/// What a partition remembers about one producer id.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ProducerEntry {
    epoch: i16,
    batches: VecDeque<BatchMeta>,
    /// The coordinator epoch of the last marker written for the producer, or -1.
    coordinator_epoch: i32,
}

impl ProducerEntry {
    fn new(epoch: i16) -> Self {
        ProducerEntry { epoch, batches: VecDeque::new(), coordinator_epoch: -1 }
    }
}

/// One producer of a partition as DescribeProducers reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ActiveProducer {
    pub producer_id: i64,
    pub epoch: i16,
    /// The last sequence of its last remembered batch, or -1.
    pub last_sequence: i32,
    /// The last offset of its last remembered batch.
    pub last_offset: Option<i64>,
    pub coordinator_epoch: i32,
}

/// The idempotent producers of one partition.
#[derive(Debug, Default)]
pub(crate) struct ProducerStates {
    entries: HashMap<i64, ProducerEntry>,
}

/// Whether `next` directly follows `last` (sequences wrap from `i32::MAX` to 0).
fn in_sequence(last: i32, next: i32) -> bool {
    next == last.wrapping_add(1) || (next == 0 && last == i32::MAX)
}

impl ProducerStates {
    /// Checks a batch of producer `pid` at `epoch` with sequences `first_seq..=last_seq`.
    pub(crate) fn check(&self, pid: i64, epoch: i16, first_seq: i32, last_seq: i32) -> SequenceCheck {
        let Some(entry) = self.entries.get(&pid) else {
            return SequenceCheck::Append;
        };
        if epoch < entry.epoch {
            return SequenceCheck::Reject(ErrorCode::INVALID_PRODUCER_EPOCH.0);
        }
        if epoch == entry.epoch {
            if let Some(dup) = entry.batches.iter().find(|b| b.first_seq == first_seq && b.last_seq == last_seq) {
                return SequenceCheck::Duplicate(*dup);
            }
            let last = entry.batches.back().map_or(-1, |b| b.last_seq);
            if in_sequence(last, first_seq) {
                SequenceCheck::Append
            } else {
                SequenceCheck::Reject(ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER.0)
            }
        } else if first_seq == 0 {
            SequenceCheck::Append
        } else {
            SequenceCheck::Reject(ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER.0)
        }
    }

    /// Remembers an appended batch (after [`SequenceCheck::Append`]).
    pub(crate) fn record(&mut self, pid: i64, epoch: i16, meta: BatchMeta) {
        let entry = self.entries.entry(pid).or_insert_with(|| ProducerEntry::new(epoch));
        if epoch != entry.epoch {
            entry.epoch = epoch;
            entry.batches.clear();
        }
        entry.batches.push_back(meta);
        while entry.batches.len() > CACHED_BATCHES {
            entry.batches.pop_front();
        }
    }

    /// Whether a marker of `pid` at `epoch` from coordinator epoch `coordinator_epoch` may be
    /// written, as Kafka checks a marker it is asked to write: not from an older producer epoch
    /// than the partition knows, nor from an older coordinator than the producer's last marker.
    pub(crate) fn check_marker(&self, pid: i64, epoch: i16, coordinator_epoch: i32) -> Result<(), ErrorCode> {
        let Some(entry) = self.entries.get(&pid) else { return Ok(()) };
        if epoch < entry.epoch {
            return Err(ErrorCode::INVALID_PRODUCER_EPOCH);
        }
        if coordinator_epoch < entry.coordinator_epoch {
            return Err(ErrorCode::TRANSACTION_COORDINATOR_FENCED);
        }
        Ok(())
    }

    /// A transaction marker of `pid` at `epoch` was appended (see the module docs).
    pub(crate) fn end_txn(&mut self, pid: i64, epoch: i16, coordinator_epoch: i32) {
        let entry = self.entries.entry(pid).or_insert_with(|| ProducerEntry::new(epoch));
        entry.coordinator_epoch = coordinator_epoch;
        if epoch > entry.epoch {
            entry.epoch = epoch;
            entry.batches.clear();
        }
    }

    /// Forgets producers whose every remembered batch lies before `log_start_offset` (their
    /// batches were removed by retention), as Kafka does when the log start moves.
    pub(crate) fn truncate_head(&mut self, log_start_offset: i64) {
        // An entry without batches (only a marker was written) stays: it carries a fencing epoch.
        self.entries.retain(|_, e| e.batches.back().is_none_or(|b| b.last_offset >= log_start_offset));
    }

    /// Every producer the partition remembers, by producer id.
    pub(crate) fn active(&self) -> Vec<ActiveProducer> {
        let mut all: Vec<ActiveProducer> = self
            .entries
            .iter()
            .map(|(&producer_id, e)| ActiveProducer {
                producer_id,
                epoch: e.epoch,
                last_sequence: e.batches.back().map_or(-1, |b| b.last_seq),
                last_offset: e.batches.back().map(|b| b.last_offset),
                coordinator_epoch: e.coordinator_epoch,
            })
            .collect();
        all.sort_by_key(|p| p.producer_id);
        all
    }

    /// The producer's epoch as this partition knows it.
    #[cfg(test)]
    fn epoch(&self, pid: i64) -> Option<i16> {
        self.entries.get(&pid).map(|e| e.epoch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(first_seq: i32, last_seq: i32, first_offset: i64) -> BatchMeta {
        BatchMeta {
            first_seq,
            last_seq,
            first_offset,
            last_offset: first_offset + (last_seq - first_seq) as i64,
            log_append_time: -1,
        }
    }

    fn appended(states: &mut ProducerStates, pid: i64, epoch: i16, m: BatchMeta) {
        assert_eq!(states.check(pid, epoch, m.first_seq, m.last_seq), SequenceCheck::Append);
        states.record(pid, epoch, m);
    }

    #[test]
    fn unknown_producer_is_accepted_at_any_sequence() {
        let states = ProducerStates::default();
        assert_eq!(states.check(7, 0, 0, 4), SequenceCheck::Append);
        assert_eq!(states.check(7, 0, 42, 50), SequenceCheck::Append);
    }

    #[test]
    fn in_sequence_batches_append() {
        let mut s = ProducerStates::default();
        appended(&mut s, 1, 0, meta(0, 4, 0));
        appended(&mut s, 1, 0, meta(5, 9, 5));
        assert_eq!(s.check(1, 0, 10, 10), SequenceCheck::Append);
    }

    #[test]
    fn retry_of_a_cached_batch_is_a_duplicate_with_original_offsets() {
        let mut s = ProducerStates::default();
        appended(&mut s, 1, 0, meta(0, 4, 100));
        appended(&mut s, 1, 0, meta(5, 9, 105));
        assert_eq!(s.check(1, 0, 0, 4), SequenceCheck::Duplicate(meta(0, 4, 100)));
        assert_eq!(s.check(1, 0, 5, 9), SequenceCheck::Duplicate(meta(5, 9, 105)));
    }

    #[test]
    fn only_the_last_five_batches_are_remembered() {
        let mut s = ProducerStates::default();
        for i in 0..6 {
            appended(&mut s, 1, 0, meta(i, i, i as i64));
        }
        assert_eq!(s.check(1, 0, 0, 0), SequenceCheck::Reject(ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER.0));
        assert!(matches!(s.check(1, 0, 1, 1), SequenceCheck::Duplicate(_)));
    }

    #[test]
    fn gap_is_out_of_order() {
        let mut s = ProducerStates::default();
        appended(&mut s, 1, 0, meta(0, 4, 0));
        assert_eq!(s.check(1, 0, 6, 6), SequenceCheck::Reject(ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER.0));
        // A partially overlapping range is not a duplicate either.
        assert_eq!(s.check(1, 0, 2, 6), SequenceCheck::Reject(ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER.0));
    }

    #[test]
    fn older_epoch_is_fenced_and_newer_epoch_restarts_at_zero() {
        let mut s = ProducerStates::default();
        appended(&mut s, 1, 3, meta(0, 4, 0));
        assert_eq!(s.check(1, 2, 5, 5), SequenceCheck::Reject(ErrorCode::INVALID_PRODUCER_EPOCH.0));
        assert_eq!(s.check(1, 4, 5, 5), SequenceCheck::Reject(ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER.0));
        appended(&mut s, 1, 4, meta(0, 0, 5));
        assert_eq!(s.epoch(1), Some(4));
        // The old epoch's batches are forgotten: its retry is fenced, not a duplicate.
        assert_eq!(s.check(1, 3, 0, 4), SequenceCheck::Reject(ErrorCode::INVALID_PRODUCER_EPOCH.0));
    }

    #[test]
    fn a_marker_at_a_newer_epoch_fences_the_old_one() {
        let mut s = ProducerStates::default();
        appended(&mut s, 1, 0, meta(0, 4, 0));
        s.end_txn(1, 0, 0);
        assert_eq!(s.check(1, 0, 5, 5), SequenceCheck::Append, "same epoch: the next transaction continues");
        s.end_txn(1, 1, 0);
        assert_eq!(s.check(1, 0, 5, 5), SequenceCheck::Reject(ErrorCode::INVALID_PRODUCER_EPOCH.0));
        assert_eq!(s.check(1, 2, 0, 0), SequenceCheck::Append);
        s.truncate_head(100);
        assert_eq!(s.epoch(1), Some(1), "a marker-only entry survives retention");
    }

    #[test]
    fn a_marker_needs_the_current_epochs() {
        let mut states = ProducerStates::default();
        assert_eq!(states.check_marker(7, 0, -1), Ok(()), "an unknown producer");
        appended(&mut states, 7, 2, meta(0, 0, 0));
        assert_eq!(states.check_marker(7, 1, 0), Err(ErrorCode::INVALID_PRODUCER_EPOCH));
        assert_eq!(states.check_marker(7, 2, 0), Ok(()));
        states.end_txn(7, 2, 5);
        assert_eq!(states.check_marker(7, 2, 4), Err(ErrorCode::TRANSACTION_COORDINATOR_FENCED));
        assert_eq!(states.check_marker(7, 3, 5), Ok(()));
    }

    #[test]
    fn sequence_wraps_at_i32_max() {
        let mut s = ProducerStates::default();
        appended(&mut s, 1, 0, meta(i32::MAX - 1, i32::MAX, 0));
        assert_eq!(s.check(1, 0, 0, 3), SequenceCheck::Append);
    }

    #[test]
    fn retention_forgets_producers_whose_batches_are_gone() {
        let mut s = ProducerStates::default();
        appended(&mut s, 1, 0, meta(0, 4, 0));
        appended(&mut s, 2, 0, meta(0, 4, 5));
        s.truncate_head(5);
        assert_eq!(s.epoch(1), None);
        assert_eq!(s.epoch(2), Some(0));
        assert_eq!(s.check(1, 0, 17, 17), SequenceCheck::Append);
    }
}

//! What the consumer knows about its partitions, and the fetched data waiting to be polled.
//!
//! One `Mutex<State>` holds both, shared by the consumer handle (poll, seek, pause...) and the
//! fetcher task; it is held for bookkeeping only, never across an `.await`. Positions live here
//! and move only when records are handed to the caller (or on seek/reset), so a fetch that
//! raced with a seek is recognised by its offset and dropped.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use bytes::Bytes;
use kafka_protocol::records::{Batch, BatchRecords, Batches, EndTxnMarker, ParseOptions, TransactionResult};
use kafka_protocol::Uuid;

use super::record::ConsumerRecord;
use crate::config::OffsetReset;
use crate::error::Error;

/// A topic and a partition.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TopicPartition {
    /// The topic.
    pub topic: Arc<str>,
    /// The partition.
    pub partition: i32,
}

impl TopicPartition {
    /// `topic`-`partition`.
    pub fn new(topic: impl AsRef<str>, partition: i32) -> Self {
        TopicPartition { topic: Arc::from(topic.as_ref()), partition }
    }
}

impl std::fmt::Display for TopicPartition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.topic, self.partition)
    }
}

/// One assigned partition.
#[derive(Debug, Clone, Default)]
pub(crate) struct PartitionState {
    /// The next offset to hand out; `None` until reset or seek.
    pub(crate) position: Option<i64>,
    /// How to find a position when there is none.
    pub(crate) reset: Option<OffsetReset>,
    pub(crate) paused: bool,
    /// A Fetch or ListOffsets for it is in flight.
    pub(crate) busy: bool,
    /// Where the next fetch starts when data is buffered: the end of the buffered data (the
    /// fetcher pipelines); `None`: at the position.
    pub(crate) next_fetch: Option<i64>,
    pub(crate) high_watermark: i64,
    pub(crate) last_stable_offset: i64,
    pub(crate) log_start_offset: i64,
    pub(crate) topic_id: Uuid,
}

/// A partition's fetched record set, not yet (fully) handed out.
#[derive(Debug)]
pub(crate) struct CompletedFetch {
    pub(crate) tp: TopicPartition,
    /// The position this data continues from.
    pub(crate) next_offset: i64,
    pub(crate) records: Bytes,
    /// Aborted transactions (producer id, first offset), for read_committed.
    pub(crate) aborted: Vec<(i64, i64)>,
    pub(crate) read_committed: bool,
}

/// The consumer's partitions and buffered data.
#[derive(Debug, Default)]
pub(crate) struct State {
    pub(crate) partitions: HashMap<TopicPartition, PartitionState>,
    pub(crate) completed: VecDeque<CompletedFetch>,
    pub(crate) buffered_bytes: usize,
    /// Errors to surface from the next poll.
    pub(crate) errors: VecDeque<Error>,
}

impl State {
    /// Removes buffered data of `tp` (after seek, pause or unassignment).
    pub(crate) fn drop_buffered(&mut self, tp: &TopicPartition) {
        let mut freed = 0;
        self.completed.retain(|f| {
            let keep = &f.tp != tp;
            if !keep {
                freed += f.records.len();
            }
            keep
        });
        self.buffered_bytes -= freed.min(self.buffered_bytes);
        if let Some(p) = self.partitions.get_mut(tp) {
            p.next_fetch = None;
        }
    }

    /// Hands out up to `max` records from the buffer, moving positions past them.
    pub(crate) fn drain(&mut self, max: usize, options: &ParseOptions, out: &mut Vec<ConsumerRecord>) {
        while out.len() < max {
            let Some(mut fetch) = self.completed.pop_front() else { break };
            self.buffered_bytes -= fetch.records.len().min(self.buffered_bytes);
            let Some(state) = self.partitions.get_mut(&fetch.tp) else { continue };
            if state.paused || state.position != Some(fetch.next_offset) {
                // Stale (a seek or pause happened since it was fetched): so is whatever was
                // fetched after it.
                self.drop_buffered(&fetch.tp);
                continue;
            }
            let (position, rest, error) = read_fetch(&mut fetch, max - out.len(), options, out);
            state.position = Some(position);
            match (rest, error) {
                (_, Some(e)) => {
                    // The next fetch starts again at the position, where the error is.
                    self.drop_buffered(&fetch.tp);
                    self.errors.push_back(e);
                }
                (Some(rest), None) => {
                    fetch.next_offset = position;
                    fetch.records = rest;
                    self.buffered_bytes += fetch.records.len();
                    self.completed.push_front(fetch);
                }
                (None, None) => {}
            }
        }
    }
}

/// Reads records of `fetch` from its `next_offset` into `out`, at most `room` of them. Returns
/// the new position, the undelivered rest (from the batch where reading stopped), and a
/// decoding error if the data is corrupt.
fn read_fetch(
    fetch: &mut CompletedFetch,
    room: usize,
    options: &ParseOptions,
    out: &mut Vec<ConsumerRecord>,
) -> (i64, Option<Bytes>, Option<Error>) {
    let mut position = fetch.next_offset;
    let mut consumed = 0usize;
    let mut taken = 0usize;
    // read_committed: producers whose transaction is currently aborted, and the aborted list
    // sorted by first offset (consumed as batches pass it).
    let mut aborted_pids: Vec<i64> = Vec::new();
    fetch.aborted.sort_by_key(|(_, first)| *first);
    let mut next_abort = 0usize;
    let corrupt = |e: &dyn std::fmt::Display, tp: &TopicPartition, offset: i64| {
        Error::kafka(
            kafka_protocol::ErrorCode::CORRUPT_MESSAGE,
            Some(e.to_string()),
            format!("records of {tp} at offset {offset}"),
        )
    };
    for batch in Batches::new(fetch.records.clone()) {
        let batch = match batch {
            Ok(b) => b,
            Err(e) => return (position, None, Some(corrupt(&e, &fetch.tp, position))),
        };
        let batch_start = consumed;
        consumed += batch.size_in_bytes();
        if batch.next_offset() <= position {
            continue;
        }
        if fetch.read_committed {
            while let Some(&(pid, first)) = fetch.aborted.get(next_abort) {
                if first > batch.last_offset() {
                    break;
                }
                aborted_pids.push(pid);
                next_abort += 1;
            }
            if batch.is_control() {
                if let Ok(BatchRecords::V2(records)) = batch.records_with(options) {
                    for record in records.flatten() {
                        if let Ok(Some(EndTxnMarker { result: TransactionResult::Abort, .. })) =
                            EndTxnMarker::from_record(&record)
                        {
                            aborted_pids.retain(|p| *p != batch.producer_id());
                        }
                    }
                }
            }
            if batch.is_transactional() && !batch.is_control() && aborted_pids.contains(&batch.producer_id()) {
                position = batch.next_offset();
                continue;
            }
        }
        if batch.is_control() {
            position = batch.next_offset();
            continue;
        }
        let records = match batch.records_with(options) {
            Ok(r) => r,
            Err(e) => return (position, None, Some(corrupt(&e, &fetch.tp, position))),
        };
        let epoch = match &batch {
            Batch::V2(b) => Some(b.header().partition_leader_epoch).filter(|e| *e >= 0),
            Batch::Legacy(_) => None,
        };
        let timestamp_type = batch.timestamp_type();
        for record in records {
            let record = match record {
                Ok(r) => r,
                Err(e) => return (position, None, Some(corrupt(&e, &fetch.tp, position))),
            };
            if record.offset < position {
                continue;
            }
            if taken == room {
                return (position, Some(fetch.records.slice(batch_start..)), None);
            }
            position = record.offset + 1;
            taken += 1;
            out.push(ConsumerRecord {
                topic: fetch.tp.topic.clone(),
                partition: fetch.tp.partition,
                offset: record.offset,
                timestamp: record.timestamp,
                timestamp_type,
                key: record.key,
                value: record.value,
                headers: record.headers,
                leader_epoch: epoch,
            });
        }
        // Offsets a compacted batch skipped at its end still count as consumed.
        position = position.max(batch.next_offset());
    }
    (position, None, None)
}

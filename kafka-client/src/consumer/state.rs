//! What the consumer knows about its partitions, and the fetched data waiting to be polled.
//!
//! One `Mutex<State>` holds both, shared by the consumer handle (poll, seek, pause...) and the
//! fetcher task; it is held for bookkeeping only, never across an `.await`. Positions live here
//! and move only when records are handed to the caller (or on seek/reset), so a fetch that
//! raced with a seek is recognised by its offset and dropped.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use bytes::Bytes;
use kfk_protocol::records::{Batch, BatchRecords, Batches, EndTxnMarker, ParseOptions, TransactionResult};
use kfk_protocol::Uuid;

use super::fetch_state::{FetchState, Step};
use super::record::ConsumerRecord;
use crate::config::OffsetReset;
use crate::error::{Error, ErrorContext};
use crate::metrics::{ConsumerSensors, PartitionSensors};
use crate::types::TopicPartition;

/// One assigned partition.
#[derive(Debug, Clone, Default)]
pub(crate) struct PartitionState {
    /// The next offset to hand out; `None` until reset or seek.
    pub(crate) position: Option<i64>,
    /// How to find a position when there is none.
    pub(crate) reset: Option<OffsetReset>,
    /// Its standing with the fetcher: the request in flight, paused, backoff, validated epoch.
    pub(crate) fetch: FetchState,
    /// Where the next fetch starts when data is buffered: the end of the buffered data (the
    /// fetcher pipelines); `None`: at the position.
    pub(crate) next_fetch: Option<i64>,
    /// The leader epoch of the last buffered batch (the record before `next_fetch`), sent as
    /// the fetch's `last_fetched_epoch` (KIP-320); with nothing buffered, `offset_epoch` is.
    pub(crate) next_fetch_epoch: Option<i32>,
    /// When records for it last arrived. A full fetch request names the partitions that got
    /// records least recently first: the broker fills its response in request order up to
    /// `fetch.max.bytes`, so each partition gets its turn at the front (as the Java client
    /// rotates its partitions).
    pub(crate) last_data: Option<std::time::Instant>,
    /// The leader epoch of the record before the position (the last one handed out), when
    /// known: what a leader change validates the position with (KIP-320).
    pub(crate) offset_epoch: Option<i32>,
    /// The log's end, last stable offset and start as of the last fetch (`None` before one).
    pub(crate) high_watermark: Option<i64>,
    pub(crate) last_stable_offset: Option<i64>,
    pub(crate) log_start_offset: Option<i64>,
    pub(crate) topic_id: Uuid,
    /// The replica to fetch from instead of the leader (KIP-392), as the leader named it for
    /// `client.rack`, until when: the leader is asked again after `metadata.max.age.ms`.
    pub(crate) preferred_read_replica: Option<PreferredReplica>,
    /// The [`PartitionStream`](super::PartitionStream) its records go to instead of `poll`,
    /// by the token it was split with. A partition assigned anew starts with `None`, so a
    /// stream of an earlier assignment never sees its records.
    pub(crate) split: Option<u64>,
    /// Its windowed lag and lead sensors, fetched from the consumer's sensors when its first
    /// records are handed out.
    pub(crate) sensors: Option<Arc<PartitionSensors>>,
}

/// A follower the leader told the consumer to fetch a partition from (KIP-392).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PreferredReplica {
    pub(crate) node: i32,
    pub(crate) until: std::time::Instant,
}

impl PartitionState {
    /// The broker to fetch from at `now`: the preferred read replica while it has not expired
    /// and `usable` says it is still a live replica of the partition, otherwise the leader (and
    /// the preference is dropped, as the Java client's `SubscriptionState` does).
    pub(crate) fn read_replica(&mut self, leader: i32, now: std::time::Instant, usable: impl Fn(i32) -> bool) -> i32 {
        match self.preferred_read_replica {
            Some(r) if now < r.until && usable(r.node) => r.node,
            Some(_) => {
                self.preferred_read_replica = None;
                leader
            }
            None => leader,
        }
    }

    /// What the fetcher does next for it under a leader at `leader_epoch` (see
    /// [`FetchState::next_step`]).
    pub(crate) fn next_step(&mut self, leader_epoch: i32) -> Step {
        self.fetch.next_step(self.position, self.offset_epoch, self.reset, leader_epoch)
    }

    /// Forgets the preferred read replica; returns whether there was one (the last fetch then
    /// went to a follower).
    pub(crate) fn clear_read_replica(&mut self) -> bool {
        self.preferred_read_replica.take().is_some()
    }
}

/// A partition's fetched record set, not yet (fully) handed out.
///
/// Reading resumes where the last poll stopped, inside a batch if need be: the batch being read
/// keeps its records iterator (its CRC checked and its records decompressed once), so a batch
/// larger than `max.poll.records` is neither verified nor parsed again by the next poll.
#[derive(Debug)]
pub(crate) struct CompletedFetch {
    pub(crate) tp: TopicPartition,
    /// The position this data continues from.
    pub(crate) next_offset: i64,
    /// The batches not yet started.
    batches: Batches,
    /// The batch being read, if a poll stopped inside one.
    current: Option<CurrentBatch>,
    /// Bytes of the fetched record set, counted in the buffer until the fetch is used up.
    pub(crate) size: usize,
    /// Aborted transactions (producer id, first offset) sorted by first offset, for
    /// read_committed; `next_abort` indexes the first one no batch has reached yet.
    aborted: Vec<(i64, i64)>,
    next_abort: usize,
    /// Producers whose transaction, as read so far, is aborted.
    aborted_pids: Vec<i64>,
    read_committed: bool,
    /// The leader epoch of the last record handed out from it.
    last_epoch: Option<i32>,
}

/// The batch a read stopped in.
#[derive(Debug)]
struct CurrentBatch {
    records: BatchRecords,
    epoch: Option<i32>,
    timestamp_type: kfk_protocol::records::TimestampType,
    /// The offset after the batch (compaction may have removed its last records).
    next_offset: i64,
}

impl CompletedFetch {
    /// Fetched `records` of `tp`, continuing from `next_offset`.
    pub(crate) fn new(
        tp: TopicPartition,
        next_offset: i64,
        records: Bytes,
        mut aborted: Vec<(i64, i64)>,
        read_committed: bool,
    ) -> Self {
        aborted.sort_by_key(|(_, first)| *first);
        CompletedFetch {
            tp,
            next_offset,
            size: records.len(),
            batches: Batches::new(records),
            current: None,
            aborted,
            next_abort: 0,
            aborted_pids: Vec::new(),
            read_committed,
            last_epoch: None,
        }
    }
}

/// The consumer's partitions and buffered data.
#[derive(Debug, Default)]
pub(crate) struct State {
    pub(crate) partitions: HashMap<TopicPartition, PartitionState>,
    pub(crate) completed: VecDeque<CompletedFetch>,
    pub(crate) buffered_bytes: usize,
    /// Errors to surface from the next poll.
    pub(crate) errors: VecDeque<Error>,
    /// Room for one record, kept between calls so [`State::drain_one`] does not allocate.
    one: Vec<ConsumerRecord>,
    /// Where handed-out records are counted (`records-consumed-*`, `bytes-consumed-*`); set by
    /// the fetcher when it starts, before any record can be buffered.
    pub(crate) sensors: Option<Arc<ConsumerSensors>>,
    /// The token of the last partition split (`PartitionState::split`).
    pub(crate) last_split: u64,
}

/// Records and bytes (keys and values) one drain handed out.
#[derive(Debug, Default, Clone, Copy)]
struct Consumed {
    records: usize,
    bytes: usize,
}

/// What a split partition's stream finds.
#[derive(Debug)]
pub(crate) enum SplitDrain {
    /// Its next record.
    Record(ConsumerRecord),
    /// Reading its data failed (corrupt data); the next fetch starts again at the position.
    Failed(Error),
    /// Nothing buffered yet.
    Empty,
    /// The partition is no longer assigned, or no longer split to this stream.
    Ended,
}

impl State {
    /// Removes buffered data of `tp` (after seek, pause or unassignment).
    pub(crate) fn drop_buffered(&mut self, tp: &TopicPartition) {
        let mut freed = 0;
        self.completed.retain(|f| {
            let keep = &f.tp != tp;
            if !keep {
                freed += f.size;
            }
            keep
        });
        self.buffered_bytes -= freed.min(self.buffered_bytes);
        if let Some(p) = self.partitions.get_mut(tp) {
            p.next_fetch = None;
        }
    }

    /// Hands out the next record, if one is buffered, moving its partition's position past it.
    pub(crate) fn drain_one(&mut self, options: &ParseOptions) -> Option<ConsumerRecord> {
        let mut one = std::mem::take(&mut self.one);
        self.drain(1, options, &mut one);
        let record = one.pop();
        self.one = one;
        record
    }

    /// Hands out up to `max` records from the buffer, moving positions past them; records of
    /// split partitions stay for their streams.
    pub(crate) fn drain(&mut self, max: usize, options: &ParseOptions, out: &mut Vec<ConsumerRecord>) {
        let mut errors = std::mem::take(&mut self.errors);
        let consumed = self.drain_into(max, options, out, &mut errors, |_, p| p.split.is_none());
        self.errors = errors;
        self.count_consumed(consumed);
    }

    /// Hands out the next buffered record of `tp`, split with `token`.
    pub(crate) fn drain_split(&mut self, tp: &TopicPartition, token: u64, options: &ParseOptions) -> SplitDrain {
        match self.partitions.get(tp) {
            Some(p) if p.split == Some(token) => {}
            _ => return SplitDrain::Ended,
        }
        let mut one = std::mem::take(&mut self.one);
        // Errors of this partition go to its stream, not to `poll`.
        let mut errors = VecDeque::new();
        let consumed = self.drain_into(1, options, &mut one, &mut errors, |t, _| t == tp);
        self.count_consumed(consumed);
        let drained = match (one.pop(), errors.pop_front()) {
            (Some(record), _) => SplitDrain::Record(record),
            (None, Some(e)) => SplitDrain::Failed(e),
            (None, None) => SplitDrain::Empty,
        };
        self.one = one;
        drained
    }

    fn count_consumed(&self, consumed: Consumed) {
        if let (Some(sensors), true) = (&self.sensors, consumed.records > 0) {
            sensors.consumed(consumed.records, consumed.bytes);
        }
    }

    /// Drains the buffered fetches of the partitions `pick` takes, in buffer order, leaving the
    /// others in place (no allocation: the buffer is walked by index).
    fn drain_into(
        &mut self,
        max: usize,
        options: &ParseOptions,
        out: &mut Vec<ConsumerRecord>,
        errors: &mut VecDeque<Error>,
        pick: impl Fn(&TopicPartition, &PartitionState) -> bool,
    ) -> Consumed {
        let mut consumed = Consumed::default();
        // Fetches before `at` belong to partitions `pick` leaves alone.
        let mut at = 0;
        while out.len() < max && at < self.completed.len() {
            let tp = &self.completed[at].tp;
            if self.partitions.get(tp).is_some_and(|p| !pick(tp, p)) {
                at += 1;
                continue;
            }
            let Some(mut fetch) = self.completed.remove(at) else { break };
            self.buffered_bytes -= fetch.size.min(self.buffered_bytes);
            let Some(state) = self.partitions.get_mut(&fetch.tp) else { continue };
            if state.fetch.is_paused() || state.position != Some(fetch.next_offset) {
                // Stale (a seek or pause happened since it was fetched): so is whatever was
                // fetched after it.
                self.drop_buffered(&fetch.tp);
                continue;
            }
            let handed = out.len();
            let (more, error) = read_fetch(&mut fetch, max - out.len(), options, out);
            state.position = Some(fetch.next_offset);
            if let (Some(sensors), true) = (&self.sensors, out.len() > handed) {
                // Bytes as Java counts them for the user: keys and values (one pass over what
                // was handed out, no allocation).
                let chunk = Consumed {
                    records: out.len() - handed,
                    bytes: out[handed..]
                        .iter()
                        .map(|r| r.key.as_ref().map_or(0, |k| k.len()) + r.value.as_ref().map_or(0, |v| v.len()))
                        .sum(),
                };
                consumed.records += chunk.records;
                consumed.bytes += chunk.bytes;
                let partition = state.sensors.get_or_insert_with(|| sensors.partition(&fetch.tp));
                let end = if fetch.read_committed { state.last_stable_offset } else { state.high_watermark };
                let lag = end.map(|end| (end - fetch.next_offset).max(0));
                let lead = state.log_start_offset.map(|start| fetch.next_offset - start);
                sensors.handed_out(partition, chunk.records, chunk.bytes, lag, lead);
            }
            if fetch.last_epoch.is_some() {
                state.offset_epoch = fetch.last_epoch;
            }
            match (more, error) {
                (_, Some(e)) => {
                    // The next fetch starts again at the position, where the error is.
                    self.drop_buffered(&fetch.tp);
                    errors.push_back(e);
                }
                (true, None) => {
                    self.buffered_bytes += fetch.size;
                    self.completed.insert(at, fetch);
                }
                (false, None) => {}
            }
        }
        consumed
    }
}

/// Reads records of `fetch` from its `next_offset` into `out`, at most `room` of them, moving
/// `next_offset` past what it hands out (and past skipped control records, aborted
/// transactions and compacted-away offsets). Returns whether records may remain, and a
/// decoding error if the data is corrupt.
fn read_fetch(
    fetch: &mut CompletedFetch,
    room: usize,
    options: &ParseOptions,
    out: &mut Vec<ConsumerRecord>,
) -> (bool, Option<Error>) {
    let corrupt = |e: &dyn std::fmt::Display, tp: &TopicPartition, offset: i64| {
        Error::kafka(
            kfk_protocol::ErrorCode::CORRUPT_MESSAGE,
            Some(e.to_string()),
            ErrorContext::for_partition(tp).with_detail(format!("records at offset {offset}")),
        )
    };
    let mut taken = 0usize;
    loop {
        if let Some(current) = &mut fetch.current {
            while taken < room {
                let record = match current.records.next() {
                    Some(Ok(r)) => r,
                    Some(Err(e)) => return (false, Some(corrupt(&e, &fetch.tp, fetch.next_offset))),
                    None => break,
                };
                if record.offset < fetch.next_offset {
                    continue;
                }
                fetch.next_offset = record.offset + 1;
                fetch.last_epoch = current.epoch;
                taken += 1;
                out.push(ConsumerRecord {
                    topic: fetch.tp.topic.clone(),
                    partition: fetch.tp.partition,
                    offset: record.offset,
                    timestamp: record.timestamp,
                    timestamp_type: current.timestamp_type,
                    key: record.key,
                    value: record.value,
                    headers: record.headers,
                    leader_epoch: current.epoch,
                });
            }
            if taken == room {
                return (true, None);
            }
            // Offsets a compacted batch skipped at its end still count as consumed.
            fetch.next_offset = fetch.next_offset.max(current.next_offset);
            fetch.current = None;
        }
        let batch = match fetch.batches.next() {
            None => return (false, None),
            Some(Err(e)) => return (false, Some(corrupt(&e, &fetch.tp, fetch.next_offset))),
            Some(Ok(b)) => b,
        };
        if batch.next_offset() <= fetch.next_offset {
            continue;
        }
        if fetch.read_committed {
            while let Some(&(pid, first)) = fetch.aborted.get(fetch.next_abort) {
                if first > batch.last_offset() {
                    break;
                }
                fetch.aborted_pids.push(pid);
                fetch.next_abort += 1;
            }
            if batch.is_control() {
                if let Ok(BatchRecords::V2(records)) = batch.records_with(options) {
                    for record in records.flatten() {
                        if let Ok(Some(EndTxnMarker { result: TransactionResult::Abort, .. })) =
                            EndTxnMarker::from_record(&record)
                        {
                            fetch.aborted_pids.retain(|p| *p != batch.producer_id());
                        }
                    }
                }
            }
            if batch.is_transactional() && !batch.is_control() && fetch.aborted_pids.contains(&batch.producer_id()) {
                fetch.next_offset = batch.next_offset();
                continue;
            }
        }
        if batch.is_control() {
            fetch.next_offset = batch.next_offset();
            continue;
        }
        let records = match batch.records_with(options) {
            Ok(r) => r,
            Err(e) => return (false, Some(corrupt(&e, &fetch.tp, fetch.next_offset))),
        };
        fetch.current = Some(CurrentBatch {
            records,
            epoch: match &batch {
                Batch::V2(b) => Some(b.header().partition_leader_epoch).filter(|e| *e >= 0),
                Batch::Legacy(_) => None,
            },
            timestamp_type: batch.timestamp_type(),
            next_offset: batch.next_offset(),
        });
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use kfk_protocol::compression::Compression;
    use kfk_protocol::records::RecordBatchBuilder;

    use super::*;

    fn batch(codec: Compression, base: i64, count: usize) -> Vec<u8> {
        let mut b = RecordBatchBuilder::new(codec).with_base_offset(base);
        for i in 0..count {
            b.append(0, None, Some(format!("v{}", base + i as i64).as_bytes())).unwrap();
        }
        b.build().unwrap().to_vec()
    }

    fn state_with(records: Vec<u8>, from: i64) -> (State, TopicPartition) {
        let tp = TopicPartition::new("t", 0);
        let mut state = State::default();
        state.partitions.insert(tp.clone(), PartitionState { position: Some(from), ..Default::default() });
        state.buffered_bytes = records.len();
        state.completed.push_back(CompletedFetch::new(tp.clone(), from, Bytes::from(records), Vec::new(), false));
        (state, tp)
    }

    fn drain(state: &mut State, max: usize) -> Vec<i64> {
        let mut out = Vec::new();
        state.drain(max, &ParseOptions::default(), &mut out);
        for r in &out {
            assert_eq!(r.value.as_deref(), Some(format!("v{}", r.offset).as_bytes()));
        }
        out.iter().map(|r| r.offset).collect()
    }

    #[test]
    fn a_split_partition_is_drained_only_by_its_stream_and_poll_keeps_the_rest_in_order() {
        let (mut state, split) = state_with(batch(Compression::None, 0, 3), 0);
        let other = TopicPartition::new("t", 1);
        state.partitions.insert(other.clone(), PartitionState { position: Some(10), ..Default::default() });
        let records = batch(Compression::None, 10, 2);
        state.buffered_bytes += records.len();
        state.completed.push_back(CompletedFetch::new(other, 10, Bytes::from(records), Vec::new(), false));
        state.partitions.get_mut(&split).unwrap().split = Some(7);

        assert_eq!(drain(&mut state, 10), [10, 11], "poll skips the split partition's fetch");
        assert_eq!(state.completed.len(), 1, "and leaves it buffered");
        let options = ParseOptions::default();
        let mut offsets = Vec::new();
        while let SplitDrain::Record(r) = state.drain_split(&split, 7, &options) {
            offsets.push(r.offset);
        }
        assert_eq!(offsets, [0, 1, 2]);
        assert_eq!(state.partitions[&split].position, Some(3), "the stream moves the position");
        assert!(matches!(state.drain_split(&split, 8, &options), SplitDrain::Ended), "another token's stream ends");
        state.partitions.remove(&split);
        assert!(matches!(state.drain_split(&split, 7, &options), SplitDrain::Ended), "unassigned: the stream ends");
    }

    #[test]
    fn polls_resume_inside_a_batch_and_across_batches() {
        for codec in [Compression::None, Compression::Lz4] {
            let mut set = batch(codec, 0, 1200);
            set.extend(batch(codec, 1200, 300));
            // The fetch started at offset 7, inside the first batch.
            let (mut state, tp) = state_with(set, 7);
            let mut offsets = Vec::new();
            loop {
                let got = drain(&mut state, 500);
                if got.is_empty() {
                    break;
                }
                assert!(got.len() <= 500);
                offsets.extend(got);
            }
            assert_eq!(offsets, (7..1500).collect::<Vec<i64>>(), "{codec:?}");
            assert_eq!(state.partitions[&tp].position, Some(1500));
            assert_eq!(state.buffered_bytes, 0);
            assert!(state.completed.is_empty());
        }
    }

    #[test]
    fn a_corrupt_batch_stops_at_its_offset() {
        let mut set = batch(Compression::None, 0, 10);
        let mut second = batch(Compression::None, 10, 10);
        let last = second.len() - 1;
        second[last] ^= 0xff; // the CRC no longer matches
        set.extend(second);
        let (mut state, tp) = state_with(set, 0);
        assert_eq!(drain(&mut state, 500), (0..10).collect::<Vec<i64>>());
        let error = state.errors.pop_front().expect("a CRC error");
        assert_eq!(error.code(), Some(kfk_protocol::ErrorCode::CORRUPT_MESSAGE), "{error}");
        assert_eq!(state.partitions[&tp].position, Some(10));
        assert!(state.completed.is_empty());
    }

    #[test]
    fn a_seek_makes_buffered_data_stale() {
        let (mut state, tp) = state_with(batch(Compression::None, 0, 100), 0);
        assert_eq!(drain(&mut state, 10), (0..10).collect::<Vec<i64>>());
        state.partitions.get_mut(&tp).unwrap().position = Some(50);
        assert!(drain(&mut state, 10).is_empty());
        assert!(state.completed.is_empty());
        assert_eq!(state.buffered_bytes, 0);
    }

    fn txn_batch(base: i64, pid: i64, n: usize) -> Vec<u8> {
        let mut b = RecordBatchBuilder::new(Compression::None)
            .with_base_offset(base)
            .with_producer(pid, 0, base as i32)
            .with_transactional(true);
        for i in 0..n {
            b.append(0, None, Some(format!("v{}", base + i as i64).as_bytes())).expect("append");
        }
        b.build().expect("build").to_vec()
    }

    fn marker(offset: i64, pid: i64, result: TransactionResult) -> Vec<u8> {
        let m = EndTxnMarker { result, coordinator_epoch: 0 };
        let mut b = RecordBatchBuilder::new(Compression::None)
            .with_base_offset(offset)
            .with_producer(pid, 0, -1)
            .with_transactional(true)
            .with_control(true);
        b.append(0, Some(&m.key()), Some(&m.value())).expect("append");
        b.build().expect("build").to_vec()
    }

    /// An aborted transaction, its marker, then a committed transaction of the same producer,
    /// then another aborted one, handed out one record per poll: the committed records all
    /// come out once (an abort's state must survive a poll that stops mid-fetch).
    #[test]
    fn read_committed_resumes_after_an_abort_marker() {
        let mut set = txn_batch(0, 7, 5);
        set.extend(marker(5, 7, TransactionResult::Abort));
        set.extend(txn_batch(6, 7, 4));
        set.extend(marker(10, 7, TransactionResult::Commit));
        set.extend(txn_batch(11, 7, 3));
        set.extend(marker(14, 7, TransactionResult::Abort));
        let tp = TopicPartition::new("t", 0);
        let mut state = State::default();
        state.partitions.insert(tp.clone(), PartitionState { position: Some(0), ..Default::default() });
        state.buffered_bytes = set.len();
        state.completed.push_back(CompletedFetch::new(tp.clone(), 0, Bytes::from(set), vec![(7, 0), (7, 11)], true));
        let mut offsets = Vec::new();
        for _ in 0..20 {
            offsets.extend(drain(&mut state, 1));
        }
        assert_eq!(offsets, vec![6, 7, 8, 9]);
        assert_eq!(state.partitions[&tp].position, Some(15));
    }

    #[test]
    fn the_preferred_read_replica_holds_until_it_expires_or_is_unusable() {
        let now = std::time::Instant::now();
        let mut p = PartitionState::default();
        assert_eq!(p.read_replica(0, now, |_| true), 0, "no preference: the leader");
        let until = now + std::time::Duration::from_secs(10);
        p.preferred_read_replica = Some(PreferredReplica { node: 2, until });
        assert_eq!(p.read_replica(0, now, |_| true), 2);
        assert_eq!(p.read_replica(0, until, |_| true), 0, "expired: the leader again");
        assert_eq!(p.preferred_read_replica, None);

        p.preferred_read_replica = Some(PreferredReplica { node: 2, until });
        assert_eq!(p.read_replica(0, now, |id| id != 2), 0, "gone from metadata: the leader");
        assert_eq!(p.preferred_read_replica, None);

        p.preferred_read_replica = Some(PreferredReplica { node: 2, until });
        assert!(p.clear_read_replica());
        assert!(!p.clear_read_replica());
    }
}

//! The transaction coordinator: transactional ids, their producer ids and epochs, and the state
//! machine of their transactions, as Kafka's `TransactionCoordinator` runs them, in both
//! transaction protocol versions (KIP-890), chosen per request by its version as in Kafka:
//!
//! - version 1: the client adds partitions with AddPartitionsToTxn and its group with
//!   AddOffsetsToTxn (the writes are verified against them), EndTxn up to v4, and the epoch
//!   stays the same from one transaction to the next;
//! - version 2: a transactional Produce v12+ adds its partition and a TxnOffsetCommit v5+ its
//!   group implicitly, and every EndTxn v5+ bumps the epoch (a new producer id when the epoch
//!   is exhausted), answering the producer id and epoch of the next transaction.
//!
//! # Placement and locks
//!
//! A transactional id's coordinator is the leader of its `__transaction_state` partition
//! (`abs(javaHash(id)) % 50`, see [`crate::state::ClusterState::coordinator`]); requests at
//! another broker get NOT_COORDINATOR. The [`TxnCoordinator`] itself lives in the cluster state,
//! behind the state lock, so that adding a partition, verifying a produced batch against the
//! transaction and writing the end markers into partition logs see one consistent state. Since
//! the stub keeps one copy of everything, a coordinator move keeps every transaction, as a new
//! Kafka coordinator loading `__transaction_state` would.
//!
//! # Ending a transaction
//!
//! [`TxnCoordinator::end_txn`] (EndTxn), an InitProducerId that fences an ongoing transaction,
//! and the timeout ([`timer`]) move the transaction to `PrepareCommit`/`PrepareAbort` and hand
//! back a [`TxnEnd`]. Under the same state lock the caller writes its markers
//! ([`write_markers`]); then, without the state lock, [`finish`] settles the pending offsets of
//! its groups (the groups lock) and completes it (`CompleteCommit`/`CompleteAbort`, the state
//! lock again). Between the steps other requests see the `Prepare*` state and get
//! CONCURRENT_TRANSACTIONS, as from Kafka while its markers are in flight. All of it runs in
//! one synchronous call: no `.await`, so a dropped connection cannot leave it half done.

pub(crate) mod metadata;
#[cfg(test)]
mod tests;
pub(crate) mod timer;

use std::collections::HashMap;

use kfk_protocol::records::{EndTxnMarker, TransactionResult};
use kfk_protocol::ErrorCode;

use crate::state::{now_ms, ClusterState, Shared};
use metadata::{is_epoch_exhausted, TxnMetadata, TxnState};

/// Kafka's default `transaction.max.timeout.ms`.
pub(crate) const MAX_TIMEOUT_MS: i32 = 900_000;

/// How many timed-out transactions one timer turn aborts at most.
const TIMEOUTS_PER_TURN: usize = 1_000;

/// A producer id with its epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ProducerIdAndEpoch {
    pub id: i64,
    pub epoch: i16,
}

/// A transaction being completed: the markers to write and the offsets to settle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TxnEnd {
    pub transactional_id: String,
    pub producer_id: i64,
    /// The epoch the markers carry (bumped when the coordinator fences the producer).
    pub producer_epoch: i16,
    pub result: TransactionResult,
    pub partitions: Vec<(String, i32)>,
    pub groups: Vec<String>,
    pub txn_number: u64,
}

/// What InitProducerId leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum InitOutcome {
    /// The producer id and (bumped) epoch to answer with.
    Ready(ProducerIdAndEpoch),
    /// An ongoing transaction of the previous epoch must be aborted first; the client gets
    /// CONCURRENT_TRANSACTIONS and retries, as from Kafka.
    FenceOngoing(TxnEnd),
}

/// What EndTxn leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EndOutcome {
    /// Already completed this way (a retry): answer NONE.
    Done(ProducerIdAndEpoch),
    /// Write the markers and complete.
    Complete(TxnEnd),
}

/// Every transactional id of the cluster.
#[derive(Debug)]
pub(crate) struct TxnCoordinator {
    txns: HashMap<String, TxnMetadata>,
    max_timeout_ms: i32,
    /// Whether the timeout task runs (it is started with the first transactional id).
    pub timer_started: bool,
}

impl Default for TxnCoordinator {
    fn default() -> Self {
        TxnCoordinator { txns: HashMap::new(), max_timeout_ms: MAX_TIMEOUT_MS, timer_started: false }
    }
}

impl TxnCoordinator {
    /// Every transactional id's metadata (ListTransactions), in no particular order.
    pub(crate) fn all(&self) -> impl Iterator<Item = &TxnMetadata> {
        self.txns.values()
    }

    /// A transactional id's metadata.
    pub(crate) fn get(&self, transactional_id: &str) -> Option<&TxnMetadata> {
        self.txns.get(transactional_id)
    }

    /// InitProducerId with a (non-empty) transactional id. `expected` is the producer id and
    /// epoch of a KIP-360 epoch bump; `allocate` hands out fresh producer ids.
    pub(crate) fn init_producer_id(
        &mut self,
        transactional_id: &str,
        timeout_ms: i32,
        expected: Option<ProducerIdAndEpoch>,
        now_ms: i64,
        allocate: &mut dyn FnMut() -> i64,
    ) -> Result<InitOutcome, ErrorCode> {
        if timeout_ms <= 0 || timeout_ms > self.max_timeout_ms {
            return Err(ErrorCode::INVALID_TRANSACTION_TIMEOUT);
        }
        let m = self
            .txns
            .entry(transactional_id.to_owned())
            .or_insert_with(|| TxnMetadata::new(transactional_id, allocate(), timeout_ms, now_ms));
        if m.state.is_preparing() {
            return Err(ErrorCode::CONCURRENT_TRANSACTIONS);
        }
        if let Some(e) = expected {
            let valid = m.producer_epoch == -1
                || e.id == m.producer_id
                || (e.id == m.previous_producer_id && is_epoch_exhausted(e.epoch));
            if !valid {
                return Err(ErrorCode::PRODUCER_FENCED);
            }
        }
        match m.state {
            TxnState::Ongoing => Ok(InitOutcome::FenceOngoing(fence_and_abort(m, now_ms))),
            TxnState::Empty | TxnState::CompleteCommit | TxnState::CompleteAbort => {
                if is_epoch_exhausted(m.producer_epoch) && expected.is_none_or(|e| e.epoch == m.producer_epoch) {
                    m.last_producer_epoch = if expected.is_some() { m.producer_epoch } else { -1 };
                    m.previous_producer_id = m.producer_id;
                    m.producer_id = allocate();
                    m.producer_epoch = 0;
                } else {
                    let bumped = m.producer_epoch + 1;
                    let (epoch, last) = match expected {
                        None => (bumped, -1),
                        Some(e) if m.producer_epoch == -1 || e.epoch == m.producer_epoch => (bumped, m.producer_epoch),
                        // A retry of a bump whose answer was lost: the same answer again.
                        Some(e) if e.epoch == m.last_producer_epoch => (m.producer_epoch, m.last_producer_epoch),
                        Some(_) => return Err(ErrorCode::PRODUCER_FENCED),
                    };
                    m.producer_epoch = epoch;
                    m.last_producer_epoch = last;
                }
                m.timeout_ms = timeout_ms;
                m.partitions.clear();
                m.groups.clear();
                m.start_ms = -1;
                m.transition(TxnState::Empty, now_ms);
                Ok(InitOutcome::Ready(ProducerIdAndEpoch { id: m.producer_id, epoch: m.producer_epoch }))
            }
            // Answered above.
            TxnState::PrepareCommit | TxnState::PrepareAbort | TxnState::PrepareEpochFence => {
                Err(ErrorCode::CONCURRENT_TRANSACTIONS)
            }
        }
    }

    /// The metadata of a transactional id addressed by a client with `producer`, checked as
    /// Kafka checks AddPartitionsToTxn/AddOffsetsToTxn.
    fn for_producer(
        &mut self,
        transactional_id: &str,
        producer: ProducerIdAndEpoch,
    ) -> Result<&mut TxnMetadata, ErrorCode> {
        let m = self.txns.get_mut(transactional_id).ok_or(ErrorCode::INVALID_PRODUCER_ID_MAPPING)?;
        if m.producer_id != producer.id {
            return Err(ErrorCode::INVALID_PRODUCER_ID_MAPPING);
        }
        if m.producer_epoch != producer.epoch {
            return Err(ErrorCode::PRODUCER_FENCED);
        }
        if m.state.is_preparing() {
            return Err(ErrorCode::CONCURRENT_TRANSACTIONS);
        }
        Ok(m)
    }

    /// AddPartitionsToTxn (partitions already checked to exist), or the implicit add of a
    /// transaction version 2 Produce.
    pub(crate) fn add_partitions(
        &mut self,
        transactional_id: &str,
        producer: ProducerIdAndEpoch,
        partitions: &[(String, i32)],
        now_ms: i64,
    ) -> Result<(), ErrorCode> {
        let m = self.for_producer(transactional_id, producer)?;
        if m.state == TxnState::Ongoing && partitions.iter().all(|p| m.partitions.contains(p)) {
            return Ok(());
        }
        m.partitions.extend(partitions.iter().cloned());
        m.transition(TxnState::Ongoing, now_ms);
        Ok(())
    }

    /// AddOffsetsToTxn, or the implicit add of a transaction version 2 TxnOffsetCommit: the
    /// group's offsets partition joins the transaction. Returns the transaction's number.
    pub(crate) fn add_offsets(
        &mut self,
        transactional_id: &str,
        producer: ProducerIdAndEpoch,
        group: &str,
        now_ms: i64,
    ) -> Result<u64, ErrorCode> {
        let m = self.for_producer(transactional_id, producer)?;
        if m.state == TxnState::Ongoing && m.groups.contains(group) {
            return Ok(m.txn_number);
        }
        m.groups.insert(group.to_owned());
        m.transition(TxnState::Ongoing, now_ms);
        Ok(m.txn_number)
    }

    /// KIP-890 verification of a write into the transaction: the producer owns the id at this
    /// epoch and the transaction is ongoing and holds the target (`contains`). Kafka's
    /// coordinator answers; the caller maps the codes as the writing broker does.
    fn verify(
        &self,
        transactional_id: &str,
        producer: ProducerIdAndEpoch,
        contains: impl FnOnce(&TxnMetadata) -> bool,
    ) -> Result<&TxnMetadata, ErrorCode> {
        let m = self.txns.get(transactional_id).ok_or(ErrorCode::INVALID_PRODUCER_ID_MAPPING)?;
        if m.producer_id != producer.id {
            return Err(ErrorCode::INVALID_PRODUCER_ID_MAPPING);
        }
        if m.producer_epoch != producer.epoch {
            return Err(ErrorCode::PRODUCER_FENCED);
        }
        if matches!(m.state, TxnState::PrepareCommit | TxnState::PrepareAbort) {
            return Err(ErrorCode::CONCURRENT_TRANSACTIONS);
        }
        if m.state != TxnState::Ongoing || !contains(m) {
            return Err(ErrorCode::TRANSACTION_ABORTABLE);
        }
        Ok(m)
    }

    /// Verifies a transactional batch for `topic`-`partition`.
    pub(crate) fn verify_partition(
        &self,
        transactional_id: &str,
        producer: ProducerIdAndEpoch,
        topic: &str,
        partition: i32,
    ) -> Result<(), ErrorCode> {
        self.verify(transactional_id, producer, |m| m.partitions.iter().any(|(t, p)| t == topic && *p == partition))
            .map(|_| ())
    }

    /// Verifies a transaction version 1 TxnOffsetCommit for `group`; returns the transaction's
    /// number.
    pub(crate) fn verify_group(
        &self,
        transactional_id: &str,
        producer: ProducerIdAndEpoch,
        group: &str,
    ) -> Result<u64, ErrorCode> {
        self.verify(transactional_id, producer, |m| m.groups.contains(group)).map(|m| m.txn_number)
    }

    /// EndTxn from a client, by Kafka's tables for the request's transaction version. Version 1
    /// (`tv2` false: EndTxn up to v4): the epoch must be the current one and stays; a repeated
    /// end of a completed transaction is answered NONE. Version 2 (EndTxn v5+): preparing bumps
    /// the epoch (a new producer id once it is exhausted); a retry is recognized by its epoch
    /// being one behind; an abort without a transaction ("empty abort") still bumps the epoch.
    pub(crate) fn end_txn(
        &mut self,
        transactional_id: &str,
        producer: ProducerIdAndEpoch,
        commit: bool,
        tv2: bool,
        now_ms: i64,
        allocate: &mut dyn FnMut() -> i64,
    ) -> Result<EndOutcome, ErrorCode> {
        use TxnState::*;
        let m = self.txns.get_mut(transactional_id).ok_or(ErrorCode::INVALID_PRODUCER_ID_MAPPING)?;
        let current = ProducerIdAndEpoch { id: m.producer_id, epoch: m.producer_epoch };
        if !tv2 {
            if m.producer_id != producer.id {
                return Err(ErrorCode::INVALID_PRODUCER_ID_MAPPING);
            }
            if m.producer_epoch != producer.epoch {
                return Err(ErrorCode::PRODUCER_FENCED);
            }
            return match (m.state, commit) {
                (Ongoing, _) => Ok(EndOutcome::Complete(prepare_end(m, commit, false, now_ms, allocate))),
                (CompleteCommit, true) | (CompleteAbort, false) => Ok(EndOutcome::Done(current)),
                (PrepareCommit, true) | (PrepareAbort, false) | (PrepareEpochFence, _) => {
                    Err(ErrorCode::CONCURRENT_TRANSACTIONS)
                }
                _ => Err(ErrorCode::INVALID_TXN_STATE),
            };
        }
        let bumped_retry = i32::from(m.producer_epoch) == i32::from(producer.epoch) + 1;
        let overflow_retry =
            m.previous_producer_id == producer.id && producer.epoch == i16::MAX - 1 && m.producer_epoch == 0;
        let retry = bumped_retry || overflow_retry;
        if m.producer_id != producer.id && !overflow_retry {
            return Err(ErrorCode::INVALID_PRODUCER_ID_MAPPING);
        }
        let valid_epoch = match m.state {
            Ongoing | Empty | PrepareEpochFence => producer.epoch == m.producer_epoch,
            PrepareCommit | PrepareAbort => bumped_retry,
            CompleteCommit | CompleteAbort => retry || producer.epoch == m.producer_epoch,
        };
        if !valid_epoch {
            return Err(ErrorCode::PRODUCER_FENCED);
        }
        match (m.state, commit) {
            (Ongoing, _) => Ok(EndOutcome::Complete(prepare_end(m, commit, true, now_ms, allocate))),
            (CompleteCommit, true) | (CompleteAbort, false) if retry => Ok(EndOutcome::Done(current)),
            (Empty | CompleteCommit | CompleteAbort, false) if !retry => {
                // An abort that added nothing: no marker, but the epoch moves on.
                m.partitions.clear();
                m.groups.clear();
                m.start_ms = now_ms;
                Ok(EndOutcome::Complete(prepare_end(m, false, true, now_ms, allocate)))
            }
            (PrepareCommit, true) | (PrepareAbort, false) | (PrepareEpochFence, _) => {
                Err(ErrorCode::CONCURRENT_TRANSACTIONS)
            }
            _ => Err(ErrorCode::INVALID_TXN_STATE),
        }
    }

    /// The producer id and epoch the next transaction of `transactional_id` uses.
    pub(crate) fn current_producer(&self, transactional_id: &str) -> Option<ProducerIdAndEpoch> {
        self.txns.get(transactional_id).map(|m| ProducerIdAndEpoch { id: m.producer_id, epoch: m.producer_epoch })
    }

    /// The markers of `end` are written and its offsets settled: `PrepareCommit` ->
    /// `CompleteCommit`, `PrepareAbort` -> `CompleteAbort`.
    pub(crate) fn complete(&mut self, end: &TxnEnd, now_ms: i64) {
        let Some(m) = self.txns.get_mut(&end.transactional_id) else {
            return;
        };
        let to = match m.state {
            TxnState::PrepareCommit => TxnState::CompleteCommit,
            TxnState::PrepareAbort => TxnState::CompleteAbort,
            other => {
                tracing::error!(transactional_id = %end.transactional_id, state = other.name(), "completing a transaction that is not being prepared");
                return;
            }
        };
        m.partitions.clear();
        m.groups.clear();
        if m.next_producer_id != -1 {
            // The epoch was exhausted: the next transaction runs under a new producer id.
            m.previous_producer_id = m.producer_id;
            m.producer_id = m.next_producer_id;
            m.next_producer_id = -1;
            m.producer_epoch = 0;
            m.last_producer_epoch = -1;
        }
        m.transition(to, now_ms);
    }

    /// Ongoing transactions past their timeout at `now_ms` (at most `limit`), fenced and moved
    /// to `PrepareAbort`, as Kafka's periodic abort of timed-out transactions does.
    pub(crate) fn abort_timed_out(&mut self, now_ms: i64, limit: usize) -> Vec<TxnEnd> {
        self.txns
            .values_mut()
            .filter(|m| m.has_timed_out(now_ms))
            .take(limit)
            .map(|m| {
                tracing::info!(transactional_id = %m.transactional_id, timeout_ms = m.timeout_ms, "aborting a timed-out transaction");
                fence_and_abort(m, now_ms)
            })
            .collect()
    }

    /// Moves the start of `transactional_id`'s transaction `ms` into the past (tests of the
    /// timeout without waiting for it).
    #[cfg(test)]
    pub(crate) fn backdate(&mut self, transactional_id: &str, ms: i64) {
        if let Some(m) = self.txns.get_mut(transactional_id) {
            m.start_ms -= ms;
        }
    }

    /// When the earliest ongoing transaction times out.
    pub(crate) fn next_deadline_ms(&self) -> Option<i64> {
        self.txns.values().filter_map(TxnMetadata::deadline_ms).min()
    }
}

/// Moves the transaction to `PrepareCommit`/`PrepareAbort`, bumping the epoch for transaction
/// version 2 (with the next producer id when the epoch is exhausted).
fn prepare_end(
    m: &mut TxnMetadata,
    commit: bool,
    bump: bool,
    now_ms: i64,
    allocate: &mut dyn FnMut() -> i64,
) -> TxnEnd {
    if bump {
        if is_epoch_exhausted(m.producer_epoch) {
            m.next_producer_id = allocate();
        }
        m.last_producer_epoch = m.producer_epoch;
        m.producer_epoch = m.producer_epoch.saturating_add(1);
    }
    m.transition(if commit { TxnState::PrepareCommit } else { TxnState::PrepareAbort }, now_ms);
    txn_end(m, commit)
}

/// Bumps the epoch of an ongoing transaction (fencing its producer) and prepares its abort.
fn fence_and_abort(m: &mut TxnMetadata, now_ms: i64) -> TxnEnd {
    m.transition(TxnState::PrepareEpochFence, now_ms);
    m.producer_epoch = m.producer_epoch.saturating_add(1);
    m.last_producer_epoch = -1;
    m.transition(TxnState::PrepareAbort, now_ms);
    txn_end(m, false)
}

fn txn_end(m: &TxnMetadata, commit: bool) -> TxnEnd {
    TxnEnd {
        transactional_id: m.transactional_id.clone(),
        producer_id: m.producer_id,
        producer_epoch: m.producer_epoch,
        result: if commit { TransactionResult::Commit } else { TransactionResult::Abort },
        partitions: m.partitions.iter().cloned().collect(),
        groups: m.groups.iter().cloned().collect(),
        txn_number: m.txn_number,
    }
}

/// Writes the COMMIT or ABORT marker of `end` into each of its partitions that still exists
/// (a deleted topic has no log left to mark).
pub(crate) fn write_markers(state: &mut ClusterState, end: &TxnEnd) {
    let marker = EndTxnMarker { result: end.result, coordinator_epoch: 0 };
    let now = now_ms();
    for (topic, index) in &end.partitions {
        let Some(p) =
            state.topic_mut(topic).and_then(|t| usize::try_from(*index).ok().and_then(|i| t.partitions.get_mut(i)))
        else {
            continue;
        };
        let offset = p.log.append_marker(end.producer_id, end.producer_epoch, marker, p.leader_epoch, now);
        p.producers.end_txn(end.producer_id, end.producer_epoch, marker.coordinator_epoch);
        tracing::debug!(%topic, partition = index, offset, result = ?end.result, producer_id = end.producer_id, "transaction marker written");
    }
}

/// Settles the groups' pending offsets of `end` (committed or dropped) and completes the
/// transaction. Takes the groups lock, then the state lock, one after the other.
pub(crate) fn finish(shared: &Shared, end: &TxnEnd) {
    if !end.groups.is_empty() {
        let mut groups = shared.groups();
        let commit = end.result == TransactionResult::Commit;
        for g in &end.groups {
            groups.settle_txn_offsets(g, end.producer_id, end.txn_number, commit);
        }
    }
    shared.state().txns.complete(end, now_ms());
}

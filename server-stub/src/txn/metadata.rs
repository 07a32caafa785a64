//! One transactional id's state, as Kafka's `TransactionMetadata` keeps it: its producer id and
//! epoch, the state of its current transaction, the partitions and groups in it, its timeout.

use std::collections::BTreeSet;

/// Kafka's `TransactionState`. `PrepareCommit`/`PrepareAbort` last while markers are written;
/// `PrepareEpochFence` while an InitProducerId (or the timeout) fences an ongoing transaction.
/// Kafka's `Dead` (an expired transactional id) is missing: the stub never expires ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum TxnState {
    Empty,
    Ongoing,
    PrepareCommit,
    PrepareAbort,
    CompleteCommit,
    CompleteAbort,
    PrepareEpochFence,
}

impl TxnState {
    /// Kafka's state name (DescribeTransactions, logs).
    pub(crate) fn name(self) -> &'static str {
        match self {
            TxnState::Empty => "Empty",
            TxnState::Ongoing => "Ongoing",
            TxnState::PrepareCommit => "PrepareCommit",
            TxnState::PrepareAbort => "PrepareAbort",
            TxnState::CompleteCommit => "CompleteCommit",
            TxnState::CompleteAbort => "CompleteAbort",
            TxnState::PrepareEpochFence => "PrepareEpochFence",
        }
    }

    /// The state named `name`, as ListTransactions filters name them.
    pub(crate) fn from_name(name: &str) -> Option<TxnState> {
        use TxnState::*;
        [Empty, Ongoing, PrepareCommit, PrepareAbort, CompleteCommit, CompleteAbort, PrepareEpochFence]
            .into_iter()
            .find(|s| s.name() == name)
    }

    /// Kafka's `validPreviousStates`: whether `self` may follow `from`.
    pub(crate) fn valid_after(self, from: TxnState) -> bool {
        use TxnState::*;
        match self {
            Empty => matches!(from, Empty | CompleteCommit | CompleteAbort),
            Ongoing => matches!(from, Ongoing | Empty | CompleteCommit | CompleteAbort),
            PrepareCommit => from == Ongoing,
            // Transaction version 2 aborts without a transaction too ("empty abort").
            PrepareAbort => matches!(from, Ongoing | PrepareEpochFence | Empty | CompleteCommit | CompleteAbort),
            CompleteCommit => from == PrepareCommit,
            CompleteAbort => from == PrepareAbort,
            PrepareEpochFence => from == Ongoing,
        }
    }

    /// A commit or abort is being completed.
    pub(crate) fn is_preparing(self) -> bool {
        matches!(self, TxnState::PrepareCommit | TxnState::PrepareAbort | TxnState::PrepareEpochFence)
    }
}

/// Kafka never hands out an epoch at `i16::MAX - 1` or above, so that it can always fence.
pub(crate) fn is_epoch_exhausted(epoch: i16) -> bool {
    epoch >= i16::MAX - 1
}

/// A transactional id's metadata.
#[derive(Debug, Clone)]
pub(crate) struct TxnMetadata {
    pub transactional_id: String,
    pub producer_id: i64,
    /// The producer id before the last rotation (epoch exhaustion), or -1.
    pub previous_producer_id: i64,
    /// The producer id to switch to when the transaction being ended completes (transaction
    /// version 2 exhausted the epoch), or -1.
    pub next_producer_id: i64,
    /// -1 before the first InitProducerId.
    pub producer_epoch: i16,
    /// The epoch before the last bump, for KIP-360 retries; -1 after a fresh InitProducerId.
    pub last_producer_epoch: i16,
    pub timeout_ms: i32,
    pub state: TxnState,
    /// Partitions in the current transaction.
    pub partitions: BTreeSet<(String, i32)>,
    /// Groups whose offsets the current transaction commits (AddOffsetsToTxn).
    pub groups: BTreeSet<String>,
    /// When the current transaction started (its first AddPartitions/AddOffsets), or -1.
    pub start_ms: i64,
    pub last_update_ms: i64,
    /// Counts the transactions of this id; pending offsets are tagged with it.
    pub txn_number: u64,
}

impl TxnMetadata {
    pub(crate) fn new(transactional_id: &str, producer_id: i64, timeout_ms: i32, now_ms: i64) -> Self {
        TxnMetadata {
            transactional_id: transactional_id.to_owned(),
            producer_id,
            previous_producer_id: -1,
            next_producer_id: -1,
            producer_epoch: -1,
            last_producer_epoch: -1,
            timeout_ms,
            state: TxnState::Empty,
            partitions: BTreeSet::new(),
            groups: BTreeSet::new(),
            start_ms: -1,
            last_update_ms: now_ms,
            txn_number: 0,
        }
    }

    /// Moves to `to`; a transition Kafka forbids is a stub bug, refused and logged.
    pub(crate) fn transition(&mut self, to: TxnState, now_ms: i64) -> bool {
        if !to.valid_after(self.state) {
            tracing::error!(
                transactional_id = %self.transactional_id,
                from = self.state.name(),
                to = to.name(),
                "illegal transaction state transition"
            );
            return false;
        }
        if to == TxnState::Ongoing && self.state != TxnState::Ongoing {
            self.start_ms = now_ms;
            self.txn_number += 1;
        }
        self.state = to;
        self.last_update_ms = now_ms;
        true
    }

    /// Whether the current transaction has outlived its timeout at `now_ms`.
    pub(crate) fn has_timed_out(&self, now_ms: i64) -> bool {
        self.state == TxnState::Ongoing && self.start_ms + i64::from(self.timeout_ms) < now_ms
    }

    /// When the current transaction times out, if one is ongoing.
    pub(crate) fn deadline_ms(&self) -> Option<i64> {
        (self.state == TxnState::Ongoing).then(|| self.start_ms + i64::from(self.timeout_ms))
    }
}

//! Transactions: the state machine of a transactional producer and its conversation with the
//! transaction coordinator.
//!
//! The handle drives the coordinator requests that users wait on (InitProducerId, AddOffsetsToTxn,
//! TxnOffsetCommit, EndTxn); the sender registers partitions (AddPartitionsToTxn) before it
//! sends their first batch in a transaction, and reports failures here. A failed batch makes
//! the transaction abortable: it can no longer commit, and `abort_transaction` makes the producer
//! usable again. Fencing and authorization failures are fatal: the producer must be recreated.
//!
//! Two transaction protocols are spoken, chosen at `init_transactions` from what the
//! coordinator advertises:
//! - version 2 (KIP-890 part 2) when the cluster finalized `transaction.version` 2 and the
//!   broker serves Produce v12 and EndTxn v5: partitions and groups join the transaction
//!   implicitly with the Produce and TxnOffsetCommit requests, and every EndTxn gives the
//!   producer a new epoch (sequences restart), which closes the window for late writes of a
//!   finished transaction;
//! - version 1 (KIP-98, with the KIP-890 part 1 broker-side verification) otherwise: partitions
//!   and groups are added explicitly (AddPartitionsToTxn, AddOffsetsToTxn) and the epoch stays
//!   the same from one transaction to the next. Requests are then capped at that protocol's last
//!   versions (Produce v11, AddPartitionsToTxn v3, TxnOffsetCommit v4, EndTxn v4).
//!
//! The code is split by job:
//! - `state.rs`: the state machine, [`TransactionState`](crate::types::TransactionState)'s
//!   transition table;
//! - `manager.rs`: [`Transactions`], the shared state the sender consults on every batch;
//! - `api.rs`: the public calls on [`crate::producer::Producer`] and their coordinator requests.

mod api;
mod manager;
mod state;

pub(crate) use manager::{add_partitions_error, AddPartitions, Transactions, ADD_PARTITIONS_MAX_V1};

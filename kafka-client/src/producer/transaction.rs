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

use std::collections::{BTreeSet, HashSet};
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use kafka_protocol::messages::add_partitions_to_txn::request::AddPartitionsToTxnTopic;
use kafka_protocol::messages::txn_offset_commit::request::{
    TxnOffsetCommitRequestPartition, TxnOffsetCommitRequestTopic,
};
use kafka_protocol::messages::{
    AddOffsetsToTxnRequest, AddPartitionsToTxnRequest, AddPartitionsToTxnResponse, ApiKey, EndTxnRequest,
    InitProducerIdRequest, TxnOffsetCommitRequest,
};
use kafka_protocol::{ErrorCode, Request};
use tracing::{debug, info, warn};

use super::Producer;
use crate::backoff::{Decision, GaveUp, Retry};
use crate::cluster::{Cluster, CoordinatorType, Lane};
use crate::error::{Error, Result, TransactionError};
use crate::types::{Membership, TopicPartition, TransactionState};

/// Highest request versions of transaction protocol version 1.
pub(crate) const PRODUCE_MAX_V1: i16 = 11;
pub(crate) const ADD_PARTITIONS_MAX_V1: i16 = 3;
const TXN_OFFSET_COMMIT_MAX_V1: i16 = 4;
/// The last TxnOffsetCommit version that names topics (6 uses topic ids).
const TXN_OFFSET_COMMIT_MAX_NAMES: i16 = 5;
const END_TXN_MAX_V1: i16 = 4;

/// Error codes after which a transactional producer cannot go on.
pub(crate) fn is_fatal(code: ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::PRODUCER_FENCED
            | ErrorCode::INVALID_PRODUCER_EPOCH
            | ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED
            | ErrorCode::CLUSTER_AUTHORIZATION_FAILED
            | ErrorCode::UNSUPPORTED_VERSION
            | ErrorCode::UNSUPPORTED_FOR_MESSAGE_FORMAT
            | ErrorCode::INVALID_TRANSACTION_TIMEOUT
    )
}

/// The transactional state shared by the producer handles and the sender.
#[derive(Debug)]
pub(crate) struct Transactions {
    pub(crate) id: String,
    timeout_ms: i32,
    /// Mirror of `inner.state`, read on every send without taking the lock.
    state: AtomicU8,
    /// The number of the transaction records may join now (0: none). Each `begin_transaction`
    /// takes the next number, and every batch carries the number its records were added under.
    accepting: AtomicU64,
    /// The number of the transaction whose batches may still be sent (0: none). It trails
    /// `accepting` while a commit sends what was batched, and is cleared before EndTxn goes
    /// out: a record that raced with the end of its transaction must never be written after
    /// the marker, where it would join the next transaction.
    sending: AtomicU64,
    inner: Mutex<Inner>,
}

#[derive(Debug)]
struct Inner {
    state: TransactionState,
    /// The number of the last transaction begun.
    number: u64,
    producer: Option<(i64, i16)>,
    /// Partitions registered with the coordinator in this transaction.
    added: HashSet<(Arc<str>, i32)>,
    /// Partitions with data waiting to be registered.
    pending: BTreeSet<(Arc<str>, i32)>,
    adding: bool,
    add_failures: u32,
    add_retry_at: Option<Instant>,
    /// Whether the coordinator knows of this transaction (a partition or group was added).
    started: bool,
    /// What made the transaction abortable, or the producer fatal.
    error: Option<Arc<Error>>,
    /// Sequence numbers are out of step with the broker: the abort must start a new epoch.
    bump_epoch: bool,
    /// Transaction protocol version 2 (KIP-890 part 2) is in use.
    v2: bool,
}

/// An AddPartitionsToTxn request the sender should send, and for which partitions.
pub(crate) struct AddPartitions {
    pub(crate) request: AddPartitionsToTxnRequest,
    pub(crate) partitions: Vec<(Arc<str>, i32)>,
}

impl Transactions {
    pub(crate) fn new(id: String, timeout: Duration) -> Self {
        Transactions {
            id,
            timeout_ms: timeout.as_millis().min(i32::MAX as u128) as i32,
            state: AtomicU8::new(TransactionState::Uninitialized as u8),
            accepting: AtomicU64::new(0),
            sending: AtomicU64::new(0),
            inner: Mutex::new(Inner {
                state: TransactionState::Uninitialized,
                number: 0,
                producer: None,
                added: HashSet::new(),
                pending: BTreeSet::new(),
                adding: false,
                add_failures: 0,
                add_retry_at: None,
                started: false,
                error: None,
                bump_epoch: false,
                v2: false,
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn state(&self) -> TransactionState {
        TransactionState::from_u8(self.state.load(Ordering::Acquire))
    }

    fn set(&self, inner: &mut Inner, to: TransactionState, operation: &'static str) -> Result<()> {
        if !inner.state.can_become(to) {
            return Err(self.refusal(inner, operation));
        }
        debug!(transactional_id = %self.id, from = ?inner.state, to = ?to, "transaction state");
        inner.state = to;
        self.state.store(to as u8, Ordering::Release);
        if to != TransactionState::InTransaction {
            self.accepting.store(0, Ordering::SeqCst);
        }
        if !matches!(to, TransactionState::InTransaction | TransactionState::Committing) {
            self.sending.store(0, Ordering::SeqCst);
        }
        Ok(())
    }

    /// Opens transaction number `inner.number + 1` to records and to the sender.
    fn open_next(&self, inner: &mut Inner) {
        inner.number += 1;
        self.sending.store(inner.number, Ordering::SeqCst);
        self.accepting.store(inner.number, Ordering::SeqCst);
    }

    /// The transaction whose batches may be sent now (0: none); a batch of any other is stale.
    pub(crate) fn sending(&self) -> u64 {
        self.sending.load(Ordering::SeqCst)
    }

    /// A committing transaction sent what was batched: nothing more of it goes out.
    fn stop_sending(&self) {
        self.sending.store(0, Ordering::SeqCst);
    }

    /// The error for an operation the current state does not allow.
    fn refusal(&self, inner: &Inner, operation: &'static str) -> Error {
        let cause = || inner.error.clone().unwrap_or_else(|| Arc::new(Error::Closed));
        Error::Transaction(match inner.state {
            TransactionState::FatalError => TransactionError::Fatal { cause: cause() },
            TransactionState::AbortableError if operation != "abort_transaction" => {
                TransactionError::Abortable { cause: cause() }
            }
            state => TransactionError::InvalidState { operation, state },
        })
    }

    /// Checked on every send: records may only be added inside a transaction. Returns the
    /// transaction's number, which the record's batch carries.
    pub(crate) fn check_send(&self) -> Result<u64> {
        let number = self.accepting.load(Ordering::SeqCst);
        if number != 0 {
            return Ok(number);
        }
        let inner = self.lock();
        match self.accepting.load(Ordering::SeqCst) {
            0 => Err(self.refusal(&inner, "send")),
            number => Ok(number),
        }
    }

    /// Checked again just before a record joins its batch (a send may have waited for memory
    /// or metadata meanwhile): its transaction must still be open.
    pub(crate) fn check_still_open(&self, number: u64) -> Result<()> {
        if self.accepting.load(Ordering::SeqCst) == number {
            Ok(())
        } else {
            Err(Error::Transaction(TransactionError::Ended))
        }
    }

    /// The producer id and epoch batches are written with, while batches may be sent.
    pub(crate) fn producer_for_send(&self) -> Option<(i64, i16)> {
        match self.state() {
            TransactionState::InTransaction | TransactionState::Committing => self.lock().producer,
            _ => None,
        }
    }

    /// Why batches not yet sent must fail now (the transaction is being aborted or failed).
    pub(crate) fn undrained_failure(&self) -> Option<Arc<Error>> {
        match self.state() {
            TransactionState::Aborting | TransactionState::AbortableError | TransactionState::FatalError => {
                let inner = self.lock();
                Some(inner.error.clone().unwrap_or_else(|| {
                    Arc::new(Error::kafka(
                        ErrorCode::TRANSACTION_ABORTABLE,
                        Some("the transaction is being aborted".into()),
                        format!("transaction {}", self.id),
                    ))
                }))
            }
            _ => None,
        }
    }

    /// Whether the partition is registered in the transaction; if not, it is queued for
    /// registration and its batches wait.
    pub(crate) fn ready_to_send(&self, topic: &Arc<str>, partition: i32) -> bool {
        let mut inner = self.lock();
        if inner.v2 {
            // The Produce request itself adds the partition.
            inner.started = true;
            return true;
        }
        let key = (topic.clone(), partition);
        if inner.added.contains(&key) {
            return true;
        }
        inner.pending.insert(key);
        false
    }

    /// The highest Produce version the transaction protocol in use allows.
    pub(crate) fn produce_version_cap(&self) -> i16 {
        if self.lock().v2 {
            i16::MAX
        } else {
            PRODUCE_MAX_V1
        }
    }

    /// The AddPartitionsToTxn request due now, if any.
    pub(crate) fn take_add_request(&self, now: Instant) -> Option<AddPartitions> {
        let mut inner = self.lock();
        if inner.adding || inner.pending.is_empty() || inner.add_retry_at.is_some_and(|t| t > now) {
            return None;
        }
        let (producer_id, producer_epoch) = inner.producer?;
        if !matches!(inner.state, TransactionState::InTransaction | TransactionState::Committing) {
            return None;
        }
        inner.adding = true;
        let partitions: Vec<(Arc<str>, i32)> = inner.pending.iter().cloned().collect();
        let mut topics: Vec<AddPartitionsToTxnTopic> = Vec::new();
        for (topic, partition) in &partitions {
            match topics.last_mut() {
                Some(t) if t.name == **topic => t.partitions.push(*partition),
                _ => topics.push(AddPartitionsToTxnTopic {
                    name: topic.to_string(),
                    partitions: vec![*partition],
                    ..Default::default()
                }),
            }
        }
        let request = AddPartitionsToTxnRequest {
            v3_and_below_transactional_id: self.id.clone(),
            v3_and_below_producer_id: producer_id,
            v3_and_below_producer_epoch: producer_epoch,
            v3_and_below_topics: topics,
            ..Default::default()
        };
        Some(AddPartitions { request, partitions })
    }

    /// The retry delay after the n-th failed attempt, when a registration must wait.
    pub(crate) fn next_add_at(&self) -> Option<Instant> {
        let inner = self.lock();
        if inner.pending.is_empty() || inner.adding {
            None
        } else {
            inner.add_retry_at
        }
    }

    /// Records the answer to an AddPartitionsToTxn request.
    pub(crate) fn on_added(
        &self,
        partitions: Vec<(Arc<str>, i32)>,
        result: Result<AddPartitionsToTxnResponse>,
        backoff: &crate::backoff::Backoff,
    ) {
        let mut inner = self.lock();
        inner.adding = false;
        let code = match &result {
            Ok(response) => add_partitions_error(response),
            Err(_) => None,
        };
        match (result, code) {
            (Ok(_), None) => {
                for key in partitions {
                    inner.pending.remove(&key);
                    inner.added.insert(key);
                }
                inner.started = true;
                inner.add_failures = 0;
                inner.add_retry_at = None;
            }
            (result, code) => {
                let error = match (result, code) {
                    (Err(e), _) => e,
                    (Ok(_), Some((code, what))) => Error::kafka(code, None, format!("AddPartitionsToTxn ({what})")),
                    (Ok(_), None) => unreachable!("handled above"),
                };
                let retriable = error.is_retriable() || error.code() == Some(ErrorCode::CONCURRENT_TRANSACTIONS);
                if retriable {
                    // CONCURRENT_TRANSACTIONS means the previous transaction is still completing:
                    // it will be done within milliseconds, so retry quickly, as Java does.
                    let delay = if error.code() == Some(ErrorCode::CONCURRENT_TRANSACTIONS) {
                        Duration::from_millis(20)
                    } else {
                        backoff.delay(inner.add_failures)
                    };
                    inner.add_failures += 1;
                    inner.add_retry_at = Some(Instant::now() + delay);
                    debug!(transactional_id = %self.id, error = %error, "AddPartitionsToTxn will be retried");
                } else {
                    let code = error.code();
                    let bump = matches!(
                        code,
                        Some(ErrorCode::UNKNOWN_PRODUCER_ID) | Some(ErrorCode::INVALID_PRODUCER_ID_MAPPING)
                    );
                    self.fail_locked(&mut inner, Arc::new(error), code.is_some_and(is_fatal), bump);
                }
            }
        }
    }

    /// A batch of the transaction failed: the transaction can no longer commit.
    pub(crate) fn on_batch_failed(&self, error: &Arc<Error>) {
        let code = error.code();
        let fatal = code.is_some_and(is_fatal);
        let bump = matches!(
            code,
            Some(ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER)
                | Some(ErrorCode::UNKNOWN_PRODUCER_ID)
                | Some(ErrorCode::INVALID_PRODUCER_ID_MAPPING)
        );
        let mut inner = self.lock();
        self.fail_locked(&mut inner, error.clone(), fatal, bump);
    }

    fn fail_locked(&self, inner: &mut Inner, error: Arc<Error>, fatal: bool, bump_epoch: bool) {
        inner.bump_epoch |= bump_epoch;
        if fatal {
            warn!(transactional_id = %self.id, error = %error, "transactional producer failed fatally");
            inner.error = Some(error);
            let _ = self.set(inner, TransactionState::FatalError, "fail");
        } else if inner.state.can_become(TransactionState::AbortableError) {
            warn!(transactional_id = %self.id, error = %error, "transaction must be aborted");
            inner.error.get_or_insert(error);
            let _ = self.set(inner, TransactionState::AbortableError, "fail");
        }
    }

    fn fatal(&self, error: Error) -> Error {
        let error = Arc::new(error);
        let mut inner = self.lock();
        self.fail_locked(&mut inner, error.clone(), true, false);
        Error::Transaction(TransactionError::Fatal { cause: error })
    }

    fn abortable(&self, error: Error) -> Error {
        let error = Arc::new(error);
        let mut inner = self.lock();
        self.fail_locked(&mut inner, error.clone(), false, false);
        Error::Transaction(TransactionError::Abortable { cause: error })
    }

    /// Classifies a failed coordinator call: fatal codes make the producer fatal, a timeout
    /// leaves the state as it is (the call may be repeated), the rest make the transaction
    /// abortable when `abortable` (else they are returned as they are).
    fn classify(&self, error: Error, abortable: bool) -> Error {
        match error.code() {
            Some(code) if is_fatal(code) => self.fatal(error),
            _ if matches!(error, Error::Timeout { .. }) => error,
            _ if abortable => self.abortable(error),
            _ => error,
        }
    }

    /// Classifies a failed EndTxn as the Java client does: a timeout leaves the state as it is
    /// (the call must be repeated: its outcome is unknown), TRANSACTION_ABORTABLE and a lost
    /// producer id make the transaction abortable (the latter with a new epoch), and every other
    /// error is fatal, so a commit can never stay stuck half-way.
    fn end_txn_failure(&self, error: Error) -> Error {
        if matches!(error, Error::Timeout { .. }) {
            return error;
        }
        match error.code() {
            Some(ErrorCode::TRANSACTION_ABORTABLE) => self.abortable(error),
            Some(ErrorCode::UNKNOWN_PRODUCER_ID | ErrorCode::INVALID_PRODUCER_ID_MAPPING) => {
                self.lock().bump_epoch = true;
                self.abortable(error)
            }
            _ => self.fatal(error),
        }
    }
}

/// The first error in an AddPartitionsToTxn response, with the partition it is about.
pub(crate) fn add_partitions_error(response: &AddPartitionsToTxnResponse) -> Option<(ErrorCode, String)> {
    if let Some(code) = ErrorCode(response.error_code).err() {
        return Some((code, "request".into()));
    }
    let mut first: Option<(ErrorCode, String)> = None;
    for topic in &response.results_by_topic_v3_and_below {
        for p in &topic.results_by_partition {
            if let Some(code) = ErrorCode(p.partition_error_code).err() {
                // OPERATION_NOT_ATTEMPTED only says another partition failed: report that one.
                if first.is_none() || first.as_ref().is_some_and(|f| f.0 == ErrorCode::OPERATION_NOT_ATTEMPTED) {
                    first = Some((code, format!("{}-{}", topic.name, p.partition_index)));
                }
            }
        }
    }
    first
}

/// How a coordinator answered, for the retry loop.
enum Answer<T> {
    Done(T),
    Failed(ErrorCode, Option<String>),
}

impl Producer {
    fn transactions(&self, operation: &'static str) -> Result<&Transactions> {
        self.shared.txn.as_ref().ok_or(Error::Transaction(TransactionError::NotTransactional { operation }))
    }

    /// The transactional state, for a producer with a `transactional.id`.
    pub fn transaction_state(&self) -> Option<TransactionState> {
        self.shared.txn.as_ref().map(Transactions::state)
    }

    /// Registers the `transactional.id` with its coordinator and obtains the producer id and
    /// epoch. Fences every earlier producer with the same id (their next transactional
    /// operation fails with a fatal error) and aborts a transaction they left open. Call it once,
    /// before the first transaction; after a timeout it may be called again.
    ///
    /// ```no_run
    /// use kafka_client::config::ProducerConfig;
    /// use kafka_client::producer::{Producer, ProducerRecord};
    ///
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// let config = ProducerConfig::from_properties([
    ///     ("bootstrap.servers", "localhost:9092"),
    ///     ("transactional.id", "order-copier-1"),
    /// ])?;
    /// let producer = Producer::new(config)?;
    /// producer.init_transactions().await?;
    /// producer.begin_transaction()?;
    /// producer.enqueue(ProducerRecord::new("orders").key("k").value("v")).await?;
    /// producer.commit_transaction().await?; // all or nothing
    /// # Ok(()) }
    /// ```
    pub async fn init_transactions(&self) -> Result<()> {
        let txn = self.transactions("init_transactions")?;
        {
            let mut inner = txn.lock();
            txn.set(&mut inner, TransactionState::Initializing, "init_transactions")?;
        }
        let deadline = Instant::now() + self.shared.config.max_block;
        let (producer_id, producer_epoch) = self.init_producer_id(txn, (-1, -1), deadline).await?;
        let v2 = self.coordinator_speaks_v2(txn).await;
        info!(transactional_id = %txn.id, producer_id, producer_epoch, protocol = if v2 { 2 } else { 1 }, "transactions initialised");
        self.shared.accumulator.reset_sequences();
        let mut inner = txn.lock();
        inner.producer = Some((producer_id, producer_epoch));
        inner.v2 = v2;
        txn.set(&mut inner, TransactionState::Ready, "init_transactions")
    }

    /// Whether the coordinator (just found by InitProducerId) offers transaction protocol 2.
    async fn coordinator_speaks_v2(&self, txn: &Transactions) -> bool {
        let Some(node) = self.shared.cluster.cached_coordinator(CoordinatorType::Transaction, &txn.id) else {
            return false;
        };
        let Ok(conn) = self.shared.cluster.connection_on(node, Lane::Coordinator).await else { return false };
        let versions = conn.versions();
        let max = |api: ApiKey| versions.range(api).map_or(-1, |r| r.1);
        versions.feature_level("transaction.version").unwrap_or(0) >= 2
            && max(ApiKey::EndTxn) >= 5
            && max(ApiKey::Produce) >= 12
            && ApiKey::EndTxn.versions().max >= 5
    }

    /// Whether transaction protocol 2 is in use (decided by `init_transactions`).
    pub fn transaction_protocol_v2(&self) -> bool {
        self.shared.txn.as_ref().is_some_and(|t| t.lock().v2)
    }

    async fn init_producer_id(&self, txn: &Transactions, current: (i64, i16), deadline: Instant) -> Result<(i64, i16)> {
        let request = InitProducerIdRequest {
            transactional_id: Some(txn.id.clone()),
            transaction_timeout_ms: txn.timeout_ms,
            producer_id: current.0,
            producer_epoch: current.1,
            ..Default::default()
        };
        let response = self
            .coordinator_call(txn, &request, None, deadline, |r| match ErrorCode(r.error_code).err() {
                None => Answer::Done((r.producer_id, r.producer_epoch)),
                Some(code) => Answer::Failed(code, None),
            })
            .await;
        response.map_err(|e| match e.code() {
            Some(code) if is_fatal(code) => txn.fatal(e),
            _ => e,
        })
    }

    /// Starts a transaction: records sent from now on are committed or aborted together.
    pub fn begin_transaction(&self) -> Result<()> {
        let txn = self.transactions("begin_transaction")?;
        let mut inner = txn.lock();
        txn.set(&mut inner, TransactionState::InTransaction, "begin_transaction")?;
        txn.open_next(&mut inner);
        inner.added.clear();
        inner.pending.clear();
        inner.started = false;
        inner.error = None;
        Ok(())
    }

    /// Commits consumer offsets as part of the transaction: they take effect if and only if it
    /// commits. `offsets` are the next offsets to read; `group` is the consuming member's
    /// group metadata ([`Consumer::membership`](crate::consumer::Consumer::membership)), which lets
    /// the group coordinator reject a commit from a member that was fenced out (KIP-447).
    pub async fn send_offsets_to_transaction(
        &self,
        offsets: &[(TopicPartition, i64)],
        group: &Membership,
    ) -> Result<()> {
        let txn = self.transactions("send_offsets_to_transaction")?;
        let (producer_id, producer_epoch, v2) = {
            let inner = txn.lock();
            if inner.state != TransactionState::InTransaction {
                return Err(txn.refusal(&inner, "send_offsets_to_transaction"));
            }
            let (id, epoch) = inner.producer.ok_or_else(|| txn.refusal(&inner, "send_offsets_to_transaction"))?;
            (id, epoch, inner.v2)
        };
        if offsets.is_empty() {
            return Ok(());
        }
        let deadline = Instant::now() + self.shared.config.max_block;
        let add = AddOffsetsToTxnRequest {
            transactional_id: txn.id.clone(),
            producer_id,
            producer_epoch,
            group_id: group.group_id.clone(),
            ..Default::default()
        };
        if !v2 {
            // Version 2 adds the group with the TxnOffsetCommit itself.
            self.coordinator_call(txn, &add, None, deadline, |r| match ErrorCode(r.error_code).err() {
                None => Answer::Done(()),
                Some(code) => Answer::Failed(code, None),
            })
            .await
            .map_err(|e| txn.classify(e, true))?;
        }
        txn.lock().started = true;

        let metadata = self.shared.cluster.metadata();
        let mut topics: Vec<TxnOffsetCommitRequestTopic> = Vec::new();
        for (tp, offset) in offsets {
            let partition = TxnOffsetCommitRequestPartition {
                partition_index: tp.partition,
                committed_offset: *offset,
                committed_leader_epoch: -1,
                committed_metadata: Some(String::new()),
                ..Default::default()
            };
            match topics.iter_mut().find(|t| t.name == *tp.topic) {
                Some(t) => t.partitions.push(partition),
                None => topics.push(TxnOffsetCommitRequestTopic {
                    name: tp.topic.to_string(),
                    topic_id: metadata.topic(&tp.topic).map(|t| t.id).unwrap_or_default(),
                    partitions: vec![partition],
                    ..Default::default()
                }),
            }
        }
        let commit = TxnOffsetCommitRequest {
            transactional_id: txn.id.clone(),
            group_id: group.group_id.clone(),
            producer_id,
            producer_epoch,
            generation_id_or_member_epoch: group.generation,
            member_id: group.member_id.clone(),
            group_instance_id: group.instance_id.clone(),
            topics,
            ..Default::default()
        };
        // Version 6 names topics by id only: use it when every topic's id is known.
        let ids_known = commit.topics.iter().all(|t| t.topic_id != kafka_protocol::Uuid::ZERO);
        let cap = match (v2, ids_known) {
            (false, _) => TXN_OFFSET_COMMIT_MAX_V1,
            (true, true) => i16::MAX,
            (true, false) => TXN_OFFSET_COMMIT_MAX_NAMES,
        };
        self.group_call(txn, &group.group_id, &commit, cap, deadline).await.map_err(|e| txn.classify(e, true))
    }

    /// Sends TxnOffsetCommit to the group coordinator, retrying coordinator moves and loads.
    async fn group_call(
        &self,
        txn: &Transactions,
        group_id: &str,
        request: &TxnOffsetCommitRequest,
        version_cap: i16,
        deadline: Instant,
    ) -> Result<()> {
        let cluster = &self.shared.cluster;
        let what = || format!("TxnOffsetCommit for transaction {}", txn.id);
        let attempt = || async {
            let outcome = async {
                let (_, conn) = cluster.coordinator(CoordinatorType::Group, group_id).await?;
                let version = conn.version_for(ApiKey::TxnOffsetCommit)?.min(version_cap);
                let response = conn.send_at(request, version).await?;
                let failed =
                    response.topics.iter().flat_map(|t| t.partitions.iter().map(move |p| (t, p))).find_map(|(t, p)| {
                        ErrorCode(p.error_code).err().map(|c| (c, format!("{}-{}", t.name, p.partition_index)))
                    });
                match failed {
                    None => Ok(()),
                    Some((code, partition)) => {
                        Err(Error::kafka(code, None, format!("TxnOffsetCommit for group {group_id} ({partition})")))
                    }
                }
            }
            .await;
            if let Err(e) = &outcome {
                cluster.coordinator_failed(CoordinatorType::Group, group_id, e);
            }
            outcome
        };
        // Each attempt (lookup, connection, request) and each backoff ends by the deadline.
        Retry::new(self.shared.config.common.retry_backoff, deadline)
            .run_with(
                attempt,
                |e| if e.is_retriable() { Decision::Retry } else { Decision::Stop },
                |e| {
                    debug!(group_id, error = %e, "TxnOffsetCommit will be retried");
                    async move { e }
                },
            )
            .await
            .map_err(|gave_up| match gave_up {
                GaveUp::Failed(e) => e,
                GaveUp::NoAnswer { .. } => {
                    timeout(format!("{}: no answer before the deadline", what()), self, deadline)
                }
                GaveUp::OutOfTime { last } => timeout(format!("{}: {last}", what()), self, deadline),
            })
    }

    /// Commits the transaction: sends what is batched, waits for every record of the
    /// transaction to be acknowledged, then asks the coordinator to commit. If a record failed,
    /// the transaction is abortable and this returns that failure: abort it. On a timeout the
    /// outcome is unknown and the producer stays committing: call `commit_transaction` again
    /// (it is never reported as committed until the coordinator says so).
    pub async fn commit_transaction(&self) -> Result<()> {
        self.end_transaction(true).await
    }

    /// Aborts the transaction: records not yet sent are dropped (their deliveries fail),
    /// records sent are marked aborted for read_committed consumers, and offsets sent with
    /// the transaction are discarded. Afterwards the producer is ready for the next transaction.
    pub async fn abort_transaction(&self) -> Result<()> {
        self.end_transaction(false).await
    }

    async fn end_transaction(&self, commit: bool) -> Result<()> {
        let operation = if commit { "commit_transaction" } else { "abort_transaction" };
        let txn = self.transactions(operation)?;
        let target = if commit { TransactionState::Committing } else { TransactionState::Aborting };
        {
            let mut inner = txn.lock();
            txn.set(&mut inner, target, operation)?;
        }
        // Committing sends everything batched; aborting fails what was not sent (the sender
        // does so when it sees the state) and waits for requests in flight.
        self.shared.accumulator.wake.notify_one();
        let mut flushed = self.flush().await;
        if commit {
            // Batches the sender took before this are waited for by the second flush; any
            // later one is stale and failed, so nothing of this transaction follows its EndTxn.
            txn.stop_sending();
            let late = self.flush().await;
            flushed = flushed.and(late);
        }
        if commit {
            if let Err(failure) = flushed {
                let inner = txn.lock();
                let cause = inner.error.clone().unwrap_or_else(|| {
                    Arc::new(Error::kafka(
                        ErrorCode::UNKNOWN_SERVER_ERROR,
                        Some(failure.to_string()),
                        format!("transaction {}", txn.id),
                    ))
                });
                return Err(Error::Transaction(TransactionError::Abortable { cause }));
            }
            let inner = txn.lock();
            if inner.state != TransactionState::Committing {
                return Err(txn.refusal(&inner, operation));
            }
        } else if txn.state() == TransactionState::FatalError {
            return Err(txn.refusal(&txn.lock(), operation));
        }
        let (started, producer, bump, v2) = {
            let inner = txn.lock();
            (inner.started, inner.producer, inner.bump_epoch, inner.v2)
        };
        let Some((producer_id, producer_epoch)) = producer else {
            return Err(txn.refusal(&txn.lock(), operation));
        };
        let deadline = Instant::now() + self.shared.config.max_block;
        let mut producer = (producer_id, producer_epoch);
        if started {
            let request = EndTxnRequest {
                transactional_id: txn.id.clone(),
                producer_id,
                producer_epoch,
                committed: commit,
                ..Default::default()
            };
            let cap = if v2 { None } else { Some(END_TXN_MAX_V1) };
            let next = self
                .coordinator_call(txn, &request, cap, deadline, |r| match ErrorCode(r.error_code).err() {
                    None => Answer::Done((r.producer_id, r.producer_epoch)),
                    Some(code) => Answer::Failed(code, None),
                })
                .await
                .map_err(|e| txn.end_txn_failure(e))?;
            if v2 && next.0 >= 0 && next.1 >= 0 {
                // Version 2: every transaction ends with a new epoch; sequences restart.
                producer = next;
                self.shared.accumulator.reset_sequences();
            }
        }
        if bump && !commit && !(v2 && started) {
            // Sequences went out of step: a new epoch (KIP-360) restarts them at zero.
            producer = self.init_producer_id(txn, producer, deadline).await?;
            self.shared.accumulator.reset_sequences();
            info!(transactional_id = %txn.id, producer_id = producer.0, epoch = producer.1, "producer epoch bumped");
        }
        let mut inner = txn.lock();
        inner.producer = Some(producer);
        inner.bump_epoch = false;
        inner.added.clear();
        inner.pending.clear();
        inner.started = false;
        inner.error = None;
        inner.add_retry_at = None;
        inner.add_failures = 0;
        drop(inner);
        if !commit {
            // Deliveries failed by the abort are expected; they are not the next flush's news.
            self.shared.take_failures();
        }
        let mut inner = txn.lock();
        txn.set(&mut inner, TransactionState::Ready, operation)?;
        debug!(transactional_id = %txn.id, committed = commit, "transaction ended");
        Ok(())
    }

    /// Sends `request` to the transaction coordinator until it answers without a retriable
    /// error or `deadline` passes.
    async fn coordinator_call<R, T>(
        &self,
        txn: &Transactions,
        request: &R,
        version_cap: Option<i16>,
        deadline: Instant,
        answer: impl Fn(&R::Response) -> Answer<T>,
    ) -> Result<T>
    where
        R: Request,
    {
        let cluster: &Cluster = &self.shared.cluster;
        let what = || format!("{:?} for transaction {}", R::API_KEY, txn.id);
        let answer = &answer;
        let attempt = || async {
            let outcome = async {
                let (_, conn) = cluster.coordinator(CoordinatorType::Transaction, &txn.id).await?;
                let mut version = conn.version_for(R::API_KEY)?;
                if let Some(cap) = version_cap {
                    version = version.min(cap);
                }
                let response = conn.send_at(request, version).await?;
                match answer(&response) {
                    Answer::Done(value) => Ok(value),
                    Answer::Failed(code, message) => Err(Error::kafka(code, message, what())),
                }
            }
            .await;
            if let Err(e) = &outcome {
                cluster.coordinator_failed(CoordinatorType::Transaction, &txn.id, e);
            }
            outcome
        };
        // CONCURRENT_TRANSACTIONS: the previous transaction is still completing; it is done
        // within milliseconds, so retry quickly, as Java does. Each attempt (lookup,
        // connection, request) and each backoff ends by the deadline.
        let decide = |e: &Error| match e.code() {
            Some(ErrorCode::CONCURRENT_TRANSACTIONS) => Decision::RetryAfter(Duration::from_millis(20)),
            _ if e.is_retriable() => Decision::Retry,
            _ => Decision::Stop,
        };
        Retry::new(self.shared.config.common.retry_backoff, deadline)
            .run_with(attempt, decide, |e| {
                debug!(transactional_id = %txn.id, api = ?R::API_KEY, error = %e, "coordinator request will be retried");
                async move { e }
            })
            .await
            .map_err(|gave_up| match gave_up {
                GaveUp::Failed(e) => e,
                GaveUp::NoAnswer { .. } => {
                    timeout(format!("{}: no answer before the deadline", what()), self, deadline)
                }
                GaveUp::OutOfTime { last } => timeout(format!("{}: {last}", what()), self, deadline),
            })
    }
}

/// A `max.block.ms` timeout of a call whose `deadline` was `max.block.ms` after it started: it
/// reports the time the call actually took.
fn timeout(what: String, producer: &Producer, deadline: Instant) -> Error {
    let max_block = producer.shared.config.max_block;
    let waited = max_block.saturating_sub(deadline.saturating_duration_since(Instant::now()))
        + Instant::now().saturating_duration_since(deadline);
    Error::Timeout { what: format!("{what} (max.block.ms = {max_block:?})"), after: waited }
}

#[cfg(test)]
mod tests {
    use super::TransactionState::*;
    use super::*;

    #[test]
    fn the_happy_path_is_allowed() {
        let path =
            [Uninitialized, Initializing, Ready, InTransaction, Committing, Ready, InTransaction, Aborting, Ready];
        for pair in path.windows(2) {
            assert!(pair[0].can_become(pair[1]), "{:?} -> {:?}", pair[0], pair[1]);
        }
    }

    #[test]
    fn a_timed_out_commit_can_only_be_retried() {
        assert!(Committing.can_become(Committing));
        assert!(!Committing.can_become(Aborting));
        assert!(!Committing.can_become(InTransaction));
    }

    #[test]
    fn an_abortable_error_only_leads_to_abort_or_fatal() {
        for to in TransactionState::ALL {
            let allowed = AbortableError.can_become(to);
            assert_eq!(allowed, matches!(to, Aborting | AbortableError | FatalError), "{to:?}");
        }
    }

    #[test]
    fn fatal_is_final() {
        for to in TransactionState::ALL {
            assert_eq!(FatalError.can_become(to), to == FatalError, "{to:?}");
        }
    }

    #[test]
    fn sending_needs_a_transaction() {
        for from in [Uninitialized, Ready, Committing, Aborting] {
            assert!(!from.can_become(Committing) || from == Committing || from == InTransaction);
        }
        assert!(!Ready.can_become(Committing));
        assert!(!Uninitialized.can_become(InTransaction));
    }

    fn txn() -> Transactions {
        let t = Transactions::new("t".into(), Duration::from_secs(60));
        {
            let mut inner = t.lock();
            t.set(&mut inner, Initializing, "init").unwrap();
            inner.producer = Some((7, 0));
            t.set(&mut inner, Ready, "init").unwrap();
            t.set(&mut inner, InTransaction, "begin").unwrap();
            t.open_next(&mut inner);
        }
        t
    }

    #[test]
    fn send_outside_a_transaction_is_refused_with_the_state() {
        let t = Transactions::new("t".into(), Duration::from_secs(60));
        let err = t.check_send().unwrap_err();
        assert!(
            matches!(err, Error::Transaction(TransactionError::InvalidState { state: Uninitialized, .. })),
            "{err}"
        );
        assert!(txn().check_send().is_ok());
    }

    #[test]
    fn a_failed_batch_makes_the_transaction_abortable_and_refuses_sends() {
        let t = txn();
        t.on_batch_failed(&Arc::new(Error::kafka(ErrorCode::REQUEST_TIMED_OUT, None, "x")));
        assert_eq!(t.state(), AbortableError);
        let err = t.check_send().unwrap_err();
        assert!(matches!(err, Error::Transaction(TransactionError::Abortable { .. })), "{err}");
        assert!(t.undrained_failure().is_some());
    }

    #[test]
    fn transaction_numbers_gate_records_and_batches() {
        let t = txn();
        let first = t.check_send().unwrap();
        assert_eq!(t.sending(), first);
        {
            let mut inner = t.lock();
            t.set(&mut inner, Committing, "commit").unwrap();
        }
        // A commit still sends what its transaction batched, but takes no new record.
        assert!(t.check_send().is_err());
        assert!(t.check_still_open(first).is_err());
        assert_eq!(t.sending(), first);
        t.stop_sending();
        assert_eq!(t.sending(), 0);
        {
            let mut inner = t.lock();
            t.set(&mut inner, Ready, "commit").unwrap();
            t.set(&mut inner, InTransaction, "begin").unwrap();
            t.open_next(&mut inner);
        }
        let second = t.check_send().unwrap();
        assert_ne!(first, second);
        assert!(t.check_still_open(first).is_err());
        assert!(t.check_still_open(second).is_ok());
        {
            let mut inner = t.lock();
            t.set(&mut inner, Aborting, "abort").unwrap();
        }
        // An abort sends nothing more.
        assert_eq!(t.sending(), 0);
        assert!(t.check_send().is_err());
    }

    #[test]
    fn fencing_is_fatal() {
        let t = txn();
        t.on_batch_failed(&Arc::new(Error::kafka(ErrorCode::PRODUCER_FENCED, None, "x")));
        assert_eq!(t.state(), FatalError);
        let err = t.check_send().unwrap_err();
        assert!(matches!(&err, Error::Transaction(e) if e.is_fatal()), "{err}");
        assert_eq!(err.code(), Some(ErrorCode::PRODUCER_FENCED));
    }

    #[test]
    fn sequence_errors_ask_for_an_epoch_bump() {
        let t = txn();
        t.on_batch_failed(&Arc::new(Error::kafka(ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER, None, "x")));
        assert_eq!(t.state(), AbortableError);
        assert!(t.lock().bump_epoch);
    }

    #[test]
    fn partitions_wait_for_registration() {
        let t = txn();
        let topic: Arc<str> = Arc::from("a");
        assert!(!t.ready_to_send(&topic, 0));
        assert!(!t.ready_to_send(&topic, 1));
        let add = t.take_add_request(Instant::now()).expect("a request");
        assert_eq!(add.partitions.len(), 2);
        assert!(t.take_add_request(Instant::now()).is_none(), "one request at a time");
        let backoff = crate::backoff::Backoff::new(Duration::from_millis(10), Duration::from_millis(100));
        t.on_added(add.partitions, Ok(AddPartitionsToTxnResponse::default()), &backoff);
        assert!(t.ready_to_send(&topic, 0));
        assert!(t.lock().started);
    }

    #[test]
    fn concurrent_transactions_is_retried_not_failed() {
        let t = txn();
        let topic: Arc<str> = Arc::from("a");
        t.ready_to_send(&topic, 0);
        let add = t.take_add_request(Instant::now()).expect("a request");
        let backoff = crate::backoff::Backoff::new(Duration::from_millis(10), Duration::from_millis(100));
        let response =
            AddPartitionsToTxnResponse { error_code: ErrorCode::CONCURRENT_TRANSACTIONS.0, ..Default::default() };
        t.on_added(add.partitions, Ok(response), &backoff);
        assert_eq!(t.state(), InTransaction);
        assert!(t.next_add_at().is_some());
        assert!(!t.ready_to_send(&topic, 0));
    }
}

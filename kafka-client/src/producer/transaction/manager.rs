//! The transaction manager: the state the producer handle and the sender share, and the
//! decisions the sender consults it for (may this record join, may this batch go out, with
//! which producer id and epoch, is its partition registered, what a failure does to the
//! transaction). The public calls that drive the coordinator are in `api.rs`; which state may
//! follow which is in `state.rs`.

use std::collections::{BTreeSet, HashSet};
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use kfk_protocol::messages::add_partitions_to_txn::request::AddPartitionsToTxnTopic;
use kfk_protocol::messages::ApiKey;
use kfk_protocol::messages::{AddPartitionsToTxnRequest, AddPartitionsToTxnResponse};
use kfk_protocol::ErrorCode;
use tracing::{debug, warn};

use crate::error::{Error, ErrorContext, Result, TransactionError};
use crate::types::TransactionState;

/// Highest request versions of transaction protocol version 1.
const PRODUCE_MAX_V1: i16 = 11;
pub(crate) const ADD_PARTITIONS_MAX_V1: i16 = 3;
pub(super) const TXN_OFFSET_COMMIT_MAX_V1: i16 = 4;
/// The last TxnOffsetCommit version that names topics (6 uses topic ids).
pub(super) const TXN_OFFSET_COMMIT_MAX_NAMES: i16 = 5;
pub(super) const END_TXN_MAX_V1: i16 = 4;

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
    pub(super) timeout_ms: i32,
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
    /// Woken when an AddPartitionsToTxn answer is recorded: the end of a transaction waits for
    /// the one in flight, which may start the transaction at the coordinator.
    add_settled: tokio::sync::Notify,
}

#[derive(Debug)]
pub(super) struct Inner {
    pub(super) state: TransactionState,
    /// The number of the last transaction begun.
    pub(super) number: u64,
    pub(super) producer: Option<(i64, i16)>,
    /// Partitions registered with the coordinator in this transaction.
    pub(super) added: HashSet<(Arc<str>, i32)>,
    /// Partitions with data waiting to be registered.
    pub(super) pending: BTreeSet<(Arc<str>, i32)>,
    pub(super) adding: bool,
    pub(super) add_failures: u32,
    pub(super) add_retry_at: Option<Instant>,
    /// Whether the coordinator knows of this transaction (a partition or group was added).
    pub(super) started: bool,
    /// What made the transaction abortable, or the producer fatal.
    pub(super) error: Option<Arc<Error>>,
    /// Sequence numbers are out of step with the broker: the abort must start a new epoch.
    pub(super) bump_epoch: bool,
    /// Transaction protocol version 2 (KIP-890 part 2) is in use.
    pub(super) v2: bool,
    /// The open transaction's `kafka.transaction` span (none between transactions).
    pub(super) span: tracing::Span,
}

/// An AddPartitionsToTxn request the sender should send, and for which partitions.
pub(crate) struct AddPartitions {
    pub(crate) request: AddPartitionsToTxnRequest,
    pub(crate) partitions: Vec<(Arc<str>, i32)>,
    /// The transaction the partitions are added to: an answer that arrives after it ended
    /// must not register them in the next one.
    pub(crate) number: u64,
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
                span: tracing::Span::none(),
            }),
            add_settled: tokio::sync::Notify::new(),
        }
    }

    pub(super) fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn state(&self) -> TransactionState {
        TransactionState::from_u8(self.state.load(Ordering::Acquire))
    }

    pub(super) fn set(&self, inner: &mut Inner, to: TransactionState, operation: &'static str) -> Result<()> {
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
    pub(super) fn open_next(&self, inner: &mut Inner) {
        inner.number += 1;
        self.sending.store(inner.number, Ordering::SeqCst);
        self.accepting.store(inner.number, Ordering::SeqCst);
    }

    /// The transaction whose batches may be sent now (0: none); a batch of any other is stale.
    pub(crate) fn sending(&self) -> u64 {
        self.sending.load(Ordering::SeqCst)
    }

    /// A committing transaction sent what was batched: nothing more of it goes out.
    pub(super) fn stop_sending(&self) {
        self.sending.store(0, Ordering::SeqCst);
    }

    /// The error for an operation the current state does not allow.
    pub(super) fn refusal(&self, inner: &Inner, operation: &'static str) -> Error {
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
                        ErrorContext::default().with_transactional_id(&*self.id),
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
        Some(AddPartitions { request, partitions, number: inner.number })
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
        number: u64,
        partitions: Vec<(Arc<str>, i32)>,
        result: Result<AddPartitionsToTxnResponse>,
        backoff: &crate::backoff::Backoff,
    ) {
        let mut inner = self.lock();
        inner.adding = false;
        self.add_settled.notify_waiters();
        if number != inner.number {
            // The transaction ended while the request was in flight (an abort does not wait
            // for it to be sent): registering its partitions now would let the next
            // transaction write to them unregistered, which the broker refuses with
            // TRANSACTION_ABORTABLE, and its failure must not fail the next transaction.
            debug!(transactional_id = %self.id, number, "AddPartitionsToTxn answer for an ended transaction ignored");
            return;
        }
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
                    (Ok(_), Some((code, what))) => Error::kafka(
                        code,
                        None,
                        ErrorContext::request(ApiKey::AddPartitionsToTxn)
                            .with_transactional_id(&*self.id)
                            .with_detail(format!("({what})")),
                    ),
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

    /// Waits (until `deadline`) for an AddPartitionsToTxn request in flight to be answered: it
    /// may have started the transaction at the coordinator, which then must be ended there.
    pub(super) async fn adds_settled(&self, deadline: Instant) {
        loop {
            let settled = self.add_settled.notified();
            if !self.lock().adding {
                return;
            }
            if tokio::time::timeout_at(deadline.into(), settled).await.is_err() {
                return;
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

    pub(super) fn fatal(&self, error: Error) -> Error {
        let error = Arc::new(error);
        let mut inner = self.lock();
        self.fail_locked(&mut inner, error.clone(), true, false);
        Error::Transaction(TransactionError::Fatal { cause: error })
    }

    pub(super) fn abortable(&self, error: Error) -> Error {
        let error = Arc::new(error);
        let mut inner = self.lock();
        self.fail_locked(&mut inner, error.clone(), false, false);
        Error::Transaction(TransactionError::Abortable { cause: error })
    }

    /// Classifies a failed coordinator call: fatal codes make the producer fatal, a timeout
    /// leaves the state as it is (the call may be repeated), the rest make the transaction
    /// abortable when `abortable` (else they are returned as they are).
    pub(super) fn classify(&self, error: Error, abortable: bool) -> Error {
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
    pub(super) fn end_txn_failure(&self, error: Error) -> Error {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::TransactionState::*;

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
        t.on_added(add.number, add.partitions, Ok(AddPartitionsToTxnResponse::default()), &backoff);
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
        t.on_added(add.number, add.partitions, Ok(response), &backoff);
        assert_eq!(t.state(), InTransaction);
        assert!(t.next_add_at().is_some());
        assert!(!t.ready_to_send(&topic, 0));
    }

    /// An abort does not wait for AddPartitionsToTxn to be sent; its answer, arriving in the
    /// next transaction, must neither register the partition there (the broker would refuse
    /// the unregistered writes) nor fail it.
    #[test]
    fn an_answer_for_an_ended_transaction_is_ignored() {
        let t = txn();
        let topic: Arc<str> = Arc::from("a");
        let backoff = crate::backoff::Backoff::new(Duration::from_millis(10), Duration::from_millis(100));
        assert!(!t.ready_to_send(&topic, 0));
        let first = t.take_add_request(Instant::now()).expect("a request");
        {
            let mut inner = t.lock();
            t.set(&mut inner, Aborting, "abort").unwrap();
            inner.added.clear();
            inner.pending.clear();
            t.set(&mut inner, Ready, "abort").unwrap();
            t.set(&mut inner, InTransaction, "begin").unwrap();
            t.open_next(&mut inner);
        }
        t.on_added(first.number, first.partitions, Ok(AddPartitionsToTxnResponse::default()), &backoff);
        assert!(!t.ready_to_send(&topic, 0), "the partition must be registered again in this transaction");
        assert!(!t.lock().started);

        let second = t.take_add_request(Instant::now()).expect("the new transaction registers it");
        assert_eq!(second.number, first.number + 1);
        let refused = AddPartitionsToTxnResponse { error_code: ErrorCode::INVALID_TXN_STATE.0, ..Default::default() };
        t.on_added(first.number, vec![(topic.clone(), 0)], Ok(refused), &backoff);
        assert_eq!(t.state(), InTransaction, "a stale refusal does not fail the new transaction");
    }
}

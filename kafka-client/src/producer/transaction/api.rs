//! The transactional producer's public calls (`init_transactions`, `begin_transaction`,
//! `send_offsets_to_transaction`, `commit_transaction`, `abort_transaction`) and the
//! coordinator requests they wait on (InitProducerId, AddOffsetsToTxn, TxnOffsetCommit,
//! EndTxn), each retried by [`Retry`] within `max.block.ms`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use kfk_protocol::messages::txn_offset_commit::request::{
    TxnOffsetCommitRequestPartition, TxnOffsetCommitRequestTopic,
};
use kfk_protocol::messages::{
    AddOffsetsToTxnRequest, ApiKey, EndTxnRequest, InitProducerIdRequest, TxnOffsetCommitRequest,
};
use kfk_protocol::{ErrorCode, Request};
use tracing::field::{display, Empty};
use tracing::{debug, info, Instrument};

use super::manager::{is_fatal, Transactions, END_TXN_MAX_V1, TXN_OFFSET_COMMIT_MAX_NAMES, TXN_OFFSET_COMMIT_MAX_V1};
use crate::backoff::{Decision, GaveUp, Retry};
use crate::cluster::{Cluster, CoordinatorType, Lane};
use crate::error::{Error, ErrorContext, Result, TransactionError};
use crate::producer::sensors::TxnCall;
use crate::producer::Producer;
use crate::types::{Membership, TopicPartition, TransactionState};

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
    /// ```
    /// use kfk_client::config::ProducerConfig;
    /// use kfk_client::producer::{Producer, ProducerRecord};
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # stub.create_topic("orders", 1)?;
    /// # let bootstrap = stub.bootstrap();
    /// let config = ProducerConfig::from_properties([
    ///     ("bootstrap.servers", bootstrap.as_str()),
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
        let started = Instant::now();
        let txn = self.transactions("init_transactions")?;
        {
            let mut inner = txn.lock();
            txn.set(&mut inner, TransactionState::Initializing, "init_transactions")?;
        }
        let deadline = Instant::now() + self.shared.config.max_block;
        let (producer_id, producer_epoch) = self.init_producer_id(txn, (-1, -1), deadline).await?;
        let v2 = self.coordinator_speaks_v2(txn).await;
        info!(transactional_id = %txn.id, producer_id, producer_epoch, protocol = if v2 { 2 } else { 1 }, "transactions initialised");
        self.shared.accumulator.restart_sequences();
        let mut inner = txn.lock();
        inner.producer = Some((producer_id, producer_epoch));
        inner.v2 = v2;
        txn.set(&mut inner, TransactionState::Ready, "init_transactions")?;
        self.shared.sensors.transaction_call(TxnCall::Init, started.elapsed());
        Ok(())
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
        let started = Instant::now();
        let txn = self.transactions("begin_transaction")?;
        let mut inner = txn.lock();
        txn.set(&mut inner, TransactionState::InTransaction, "begin_transaction")?;
        txn.open_next(&mut inner);
        inner.added.clear();
        inner.pending.clear();
        inner.started = false;
        inner.error = None;
        let (producer_id, epoch) = inner.producer.unwrap_or((-1, -1));
        // Open until the transaction ends: the coordinator calls of its end run inside it.
        inner.span = tracing::info_span!(
            "kafka.transaction",
            transactional_id = %txn.id,
            number = inner.number,
            producer_id,
            epoch,
            outcome = Empty,
            error = Empty,
        );
        drop(inner);
        self.shared.sensors.transaction_call(TxnCall::Begin, started.elapsed());
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
        let started = Instant::now();
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
        let ids_known = commit.topics.iter().all(|t| t.topic_id != kfk_protocol::Uuid::ZERO);
        let cap = match (v2, ids_known) {
            (false, _) => TXN_OFFSET_COMMIT_MAX_V1,
            (true, true) => i16::MAX,
            (true, false) => TXN_OFFSET_COMMIT_MAX_NAMES,
        };
        let span = txn.lock().span.clone();
        self.group_call(txn, &group.group_id, &commit, cap, deadline)
            .instrument(span)
            .await
            .map_err(|e| txn.classify(e, true))?;
        self.shared.sensors.transaction_call(TxnCall::SendOffsets, started.elapsed());
        Ok(())
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
                        ErrorCode(p.error_code).err().map(|c| (c, (t.name.as_str(), p.partition_index)))
                    });
                match failed {
                    None => Ok(()),
                    Some((code, (topic, partition))) => Err(Error::kafka(
                        code,
                        None,
                        ErrorContext::request(ApiKey::TxnOffsetCommit)
                            .with_partition(topic, partition)
                            .with_group(group_id)
                            .with_transactional_id(&*txn.id),
                    )),
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

    /// Ends the transaction, in its span, which closes when it has ended.
    async fn end_transaction(&self, commit: bool) -> Result<()> {
        let started = Instant::now();
        let txn = self.transactions(if commit { "commit_transaction" } else { "abort_transaction" })?;
        let span = txn.lock().span.clone();
        let result = self.finish_transaction(commit).instrument(span.clone()).await;
        match &result {
            Ok(()) => {
                span.record("outcome", if commit { "committed" } else { "aborted" });
                txn.lock().span = tracing::Span::none();
                let call = if commit { TxnCall::Commit } else { TxnCall::Abort };
                self.shared.sensors.transaction_call(call, started.elapsed());
            }
            Err(e) => {
                span.record("error", display(e));
            }
        }
        result
    }

    async fn finish_transaction(&self, commit: bool) -> Result<()> {
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
                        ErrorContext::default().with_transactional_id(&*txn.id),
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
        // An AddPartitionsToTxn in flight (an abort fails the batches it was for without
        // waiting) may yet start the transaction at the coordinator: only its answer says
        // whether EndTxn is needed.
        txn.adds_settled(Instant::now() + self.shared.config.max_block).await;
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
                self.shared.accumulator.restart_sequences();
            }
        }
        if bump && !commit && !(v2 && started) {
            // Sequences went out of step: a new epoch (KIP-360) restarts them at zero.
            producer = self.init_producer_id(txn, producer, deadline).await?;
            self.shared.accumulator.restart_sequences();
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

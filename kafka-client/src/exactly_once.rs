//! Consume-transform-produce with exactly-once semantics: a consumer group member tied to a
//! transactional producer.
//!
//! Each transaction holds the records produced from a run of polled input records and the
//! input offsets after them (committed to the group inside the transaction, KIP-447), so the
//! output and the consumed position move together or not at all. When partitions are revoked
//! or lost the open transaction is aborted; after any abort the consumer goes back to the first
//! input record of the aborted transaction, so those records are read and processed again.
//!
//! ```no_run
//! use std::time::Duration;
//! use kfk_client::config::{ConsumerConfig, ProducerConfig};
//! use kfk_client::exactly_once::ExactlyOnce;
//! use kfk_client::producer::ProducerRecord;
//!
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let consumer = ConsumerConfig::from_properties([("bootstrap.servers", "localhost:9092"), ("group.id", "copier")])?;
//! let producer = ProducerConfig::from_properties([
//!     ("bootstrap.servers", "localhost:9092"),
//!     ("transactional.id", "copier-1"),
//! ])?;
//! let eos = ExactlyOnce::new(consumer, producer).await?;
//! eos.subscribe(["input"])?;
//! loop {
//!     let records = eos.poll(Duration::from_millis(100)).await?;
//!     let mut ok = Ok(());
//!     for r in &records {
//!         let record = ProducerRecord::new("output").key(r.key.as_deref().unwrap_or_default());
//!         if let Err(e) = eos.producer().enqueue(record.value(r.value.as_deref().unwrap_or_default())).await {
//!             ok = Err(e);
//!             break;
//!         }
//!     }
//!     match ok {
//!         Ok(()) => {
//!             if let Err(e) = eos.commit().await {
//!                 eprintln!("transaction not committed ({e}); its input is read again");
//!             }
//!         }
//!         Err(e) => {
//!             eprintln!("send failed ({e}); aborting");
//!             eos.abort().await?;
//!         }
//!     }
//! }
//! # }
//! ```

use std::collections::HashMap;
use std::sync::{Arc, Weak};
use std::time::Duration;

use tracing::{debug, info, warn};

use crate::config::{ConsumerConfig, IsolationLevel, ProducerConfig};
use crate::consumer::{Consumer, ConsumerRecord};
use crate::error::{Error, Result};
use crate::group::RebalanceListener;
use crate::producer::Producer;
use crate::types::{BoxFuture, Membership, TopicPartition, TransactionState};

/// The open transaction's bookkeeping.
#[derive(Debug, Default)]
struct Txn {
    open: bool,
    /// Incremented by every abort, so a poll that raced with one can tell.
    aborts: u64,
    /// Per input partition: the first offset read in this transaction (where an abort
    /// rewinds to) and the next offset to read (what a commit commits).
    ranges: HashMap<TopicPartition, (i64, i64)>,
    /// The group membership when the transaction read its first record: a commit under an
    /// older generation than the group's is refused by the coordinator (KIP-447).
    member: Option<Membership>,
}

struct Inner {
    consumer: Consumer,
    producer: Producer,
    txn: tokio::sync::Mutex<Txn>,
}

impl Inner {
    /// Aborts the open transaction (if any) and rewinds the partitions it read that are still
    /// assigned to their first offset in it.
    async fn abort_locked(&self, txn: &mut Txn, why: &str) -> Result<()> {
        if !txn.open {
            return Ok(());
        }
        if self.producer.transaction_state() == Some(TransactionState::Committing) {
            // A commit timed out: its outcome must be known before anything is rewound (a
            // committed transaction rewound would be copied twice).
            match self.producer.commit_transaction().await {
                Ok(()) => {
                    info!(reason = why, "a pending commit completed");
                    txn.open = false;
                    txn.ranges.clear();
                    txn.member = None;
                    return Ok(());
                }
                // Still unknown: the transaction stays open for `commit` to ask again.
                Err(e) if matches!(e, Error::Timeout { .. }) => return Err(e),
                Err(e) => warn!(error = %e, "the pending commit failed; aborting"),
            }
        }
        info!(reason = why, partitions = txn.ranges.len(), "aborting the transaction");
        txn.aborts += 1;
        let result = match self.producer.transaction_state() {
            Some(TransactionState::InTransaction)
            | Some(TransactionState::AbortableError)
            | Some(TransactionState::Aborting) => self.producer.abort_transaction().await,
            _ => Ok(()),
        };
        let assigned = self.consumer.assignment();
        for (tp, (first, _)) in txn.ranges.drain() {
            if assigned.contains(&tp) {
                if let Err(e) = self.consumer.seek(&tp.topic, tp.partition, first) {
                    warn!(topic = %tp.topic, partition = tp.partition, error = %e, "rewind after abort failed");
                }
            }
        }
        txn.open = false;
        txn.member = None;
        result
    }
}

/// A consumer group member and a transactional producer, moved forward together.
pub struct ExactlyOnce {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for ExactlyOnce {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExactlyOnce").field("producer", &self.inner.producer).finish()
    }
}

impl ExactlyOnce {
    /// Creates the consumer (auto-commit off, read_committed) and the producer (which must have
    /// a `transactional.id`), and initialises transactions (fencing earlier instances).
    pub async fn new(mut consumer: ConsumerConfig, producer: ProducerConfig) -> Result<ExactlyOnce> {
        if consumer.group_id.is_none() {
            return Err(Error::Config(crate::error::ConfigError::Missing { key: "group.id".into() }));
        }
        consumer.group.enable_auto_commit = false;
        consumer.isolation_level = IsolationLevel::ReadCommitted;
        let producer = Producer::new(producer)?;
        producer.init_transactions().await?;
        let consumer = Consumer::new(consumer)?;
        Ok(ExactlyOnce { inner: Arc::new(Inner { consumer, producer, txn: tokio::sync::Mutex::new(Txn::default()) }) })
    }

    /// Joins the group for `topics`; revocations and losses abort the open transaction.
    pub fn subscribe<T: AsRef<str>>(&self, topics: impl IntoIterator<Item = T>) -> Result<()> {
        let listener = AbortOnRevoke { inner: Arc::downgrade(&self.inner) };
        self.inner.consumer.subscribe_with_listener(topics, listener)
    }

    /// The consumer (for assignment, positions, metrics; do not commit through it).
    pub fn consumer(&self) -> &Consumer {
        &self.inner.consumer
    }

    /// The transactional producer: send the output records with it between `poll` and `commit`.
    pub fn producer(&self) -> &Producer {
        &self.inner.producer
    }

    /// Polls input records, opening a transaction first if none is open. The records returned
    /// belong to that transaction: what is produced from them is committed with their offsets.
    pub async fn poll(&self, timeout: Duration) -> Result<Vec<ConsumerRecord>> {
        let aborts = {
            let mut txn = self.inner.txn.lock().await;
            if self.inner.producer.transaction_state() == Some(TransactionState::Aborting) {
                // An earlier abort timed out (e.g. the coordinator was moving): finish it first.
                self.inner.producer.abort_transaction().await?;
            }
            if !txn.open {
                self.inner.producer.begin_transaction()?;
                txn.open = true;
            }
            txn.aborts
        };
        let records = self.inner.consumer.poll(timeout).await?;
        if records.is_empty() {
            return Ok(records);
        }
        let mut txn = self.inner.txn.lock().await;
        if txn.aborts != aborts || !txn.open {
            // A rebalance aborted the transaction while we polled: these records are read
            // again, from the first of each partition.
            let mut firsts: HashMap<TopicPartition, i64> = HashMap::new();
            for r in &records {
                let tp = TopicPartition { topic: r.topic.clone(), partition: r.partition };
                firsts.entry(tp).or_insert(r.offset);
            }
            let assigned = self.inner.consumer.assignment();
            for (tp, first) in firsts {
                if assigned.contains(&tp) {
                    let _ = self.inner.consumer.seek(&tp.topic, tp.partition, first);
                }
            }
            debug!(records = records.len(), "records polled during an abort are read again");
            return Ok(Vec::new());
        }
        if txn.member.is_none() {
            txn.member = Some(self.inner.consumer.membership());
        }
        for r in &records {
            let tp = TopicPartition { topic: r.topic.clone(), partition: r.partition };
            let range = txn.ranges.entry(tp).or_insert((r.offset, r.offset + 1));
            range.1 = range.1.max(r.offset + 1);
        }
        Ok(records)
    }

    /// Commits the open transaction: the records produced since it began and the offsets after
    /// the input records polled in it. On failure the transaction is aborted, its input will be
    /// read again, and the error is returned; a timeout is returned as it is (call `commit`
    /// again: the outcome is not known yet).
    pub async fn commit(&self) -> Result<()> {
        let mut txn = self.inner.txn.lock().await;
        if !txn.open {
            return Ok(());
        }
        let offsets: Vec<(TopicPartition, i64)> =
            txn.ranges.iter().map(|(tp, &(_, next))| (tp.clone(), next)).collect();
        let member = txn.member.clone().unwrap_or_else(|| self.inner.consumer.membership());
        let mut result = self.inner.producer.send_offsets_to_transaction(&offsets, &member).await;
        if result.is_ok() {
            result = self.inner.producer.commit_transaction().await;
        }
        match result {
            Ok(()) => {
                txn.open = false;
                txn.ranges.clear();
                txn.member = None;
                Ok(())
            }
            Err(e) if matches!(e, Error::Timeout { .. }) => Err(e),
            Err(e) => {
                if let Err(abort) = self.inner.abort_locked(&mut txn, "commit failed").await {
                    warn!(error = %abort, "abort after a failed commit failed");
                }
                Err(e)
            }
        }
    }

    /// Aborts the open transaction; its input records are read again. After a commit that
    /// timed out, the commit is asked again first: if it went through, nothing is aborted or
    /// read again (a timeout again is returned as it is, the transaction still open).
    pub async fn abort(&self) -> Result<()> {
        let mut txn = self.inner.txn.lock().await;
        self.inner.abort_locked(&mut txn, "requested").await
    }

    /// Aborts an open transaction, leaves the group and closes both clients.
    pub async fn close(&self, timeout: Duration) -> Result<()> {
        {
            let mut txn = self.inner.txn.lock().await;
            let _ = self.inner.abort_locked(&mut txn, "closing").await;
        }
        self.inner.consumer.close().await;
        self.inner
            .producer
            .close(timeout)
            .await
            .map_err(|e| Error::Timeout { what: format!("closing the producer: {e}"), after: timeout })
    }
}

/// Aborts the open transaction before partitions go.
struct AbortOnRevoke {
    inner: Weak<Inner>,
}

impl AbortOnRevoke {
    async fn abort(&self, why: &str) {
        let Some(inner) = self.inner.upgrade() else { return };
        let mut txn = inner.txn.lock().await;
        if let Err(e) = inner.abort_locked(&mut txn, why).await {
            warn!(error = %e, "aborting on rebalance failed");
        }
    }
}

impl RebalanceListener for AbortOnRevoke {
    fn on_partitions_revoked<'a>(&'a self, _: &'a Consumer, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        Box::pin(async move {
            if !partitions.is_empty() {
                self.abort("partitions revoked").await;
            }
        })
    }

    fn on_partitions_lost<'a>(&'a self, _: &'a Consumer, _: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        Box::pin(self.abort("partitions lost"))
    }
}

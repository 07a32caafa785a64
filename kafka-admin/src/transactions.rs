//! Transactions: list, describe, describe a partition's producers, and abort a hanging
//! transaction (what `kafka-transactions` does, KIP-664).
//!
//! A hanging transaction is one whose producer went away after writing to a partition without
//! its coordinator knowing (so no marker will ever come): it holds the partition's last stable
//! offset back and read_committed consumers stall. [`Admin::describe_producers`] shows the
//! open transaction's producer id, epoch and coordinator epoch; [`Admin::abort_transaction`]
//! writes the abort marker the coordinator never wrote.

use std::collections::BTreeMap;
use std::time::Duration;

use futures_util::future::join_all;
use kfk_client::consumer::TopicPartition;
use kfk_protocol::ErrorCode;
use kfk_protocol::messages::describe_producers::request::TopicRequest;
use kfk_protocol::messages::write_txn_markers::request::{WritableTxnMarker, WritableTxnMarkerTopic};
use kfk_protocol::messages::{
    ApiKey, DescribeProducersRequest, DescribeTransactionsRequest, ListTransactionsRequest, WriteTxnMarkersRequest,
};

use crate::client::{Admin, Target};
use crate::error::{AdminError, ResourceKind, Result, check};
use crate::routing::{CoordinatorKind, by_topic};

/// Options of [`Admin::list_transactions`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ListTransactionsOptions {
    /// Only transactions in these states (`Ongoing`, `PrepareCommit`, `CompleteAbort`...).
    pub states: Vec<String>,
    /// Only these producer ids.
    pub producer_ids: Vec<i64>,
    /// Only transactions running longer than this (Kafka 3.8+).
    pub longer_than: Option<Duration>,
    /// Only transactional ids matching this regular expression (Kafka 4.1+).
    pub transactional_id_pattern: Option<String>,
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// A transaction in a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TransactionListing {
    /// The transactional id.
    pub transactional_id: String,
    /// The producer id.
    pub producer_id: i64,
    /// The state.
    pub state: String,
    /// The coordinator that listed it.
    pub coordinator: i32,
}

/// A transaction as its coordinator describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TransactionDescription {
    /// The coordinator's broker id.
    pub coordinator: i32,
    /// The state.
    pub state: String,
    /// The producer id.
    pub producer_id: i64,
    /// The producer epoch.
    pub producer_epoch: i16,
    /// `transaction.timeout.ms`.
    pub timeout_ms: i32,
    /// When the ongoing transaction started (ms since the epoch), if one is ongoing.
    pub start_time_ms: Option<i64>,
    /// The partitions in the transaction.
    pub partitions: Vec<TopicPartition>,
}

/// A producer active on a partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ProducerState {
    /// The producer id.
    pub producer_id: i64,
    /// The producer epoch.
    pub producer_epoch: i32,
    /// The last sequence number written.
    pub last_sequence: i32,
    /// The timestamp of its last write.
    pub last_timestamp: i64,
    /// The epoch of the coordinator of its open transaction, if known.
    pub coordinator_epoch: Option<i32>,
    /// The first offset of its open transaction, if one is open.
    pub current_transaction_start_offset: Option<i64>,
}

/// Options of [`Admin::describe_producers`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct DescribeProducersOptions {
    /// Ask this broker (a follower, say) instead of the partition's leader.
    pub broker: Option<i32>,
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// What [`Admin::abort_transaction`] aborts: one partition's open transaction, as
/// [`Admin::describe_producers`] shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AbortTransactionSpec {
    /// The partition.
    pub partition: TopicPartition,
    /// The producer id of the transaction.
    pub producer_id: i64,
    /// Its producer epoch.
    pub producer_epoch: i16,
    /// Its coordinator epoch.
    pub coordinator_epoch: i32,
}

impl AbortTransactionSpec {
    /// Aborts the transaction of `producer_id` at `producer_epoch` on `partition`, with the
    /// marker written under `coordinator_epoch` (Java's `new AbortTransactionSpec(..)`);
    /// [`AbortTransactionSpec::for_producer`] takes them from [`Admin::describe_producers`].
    pub fn new(partition: TopicPartition, producer_id: i64, producer_epoch: i16, coordinator_epoch: i32) -> Self {
        AbortTransactionSpec { partition, producer_id, producer_epoch, coordinator_epoch }
    }

    /// The spec aborting `producer`'s open transaction on `partition`, as
    /// `kafka-transactions abort` builds it: a producer whose transaction never had a marker
    /// reports no coordinator epoch, and 0 is then used.
    pub fn for_producer(partition: TopicPartition, producer: &ProducerState) -> AbortTransactionSpec {
        AbortTransactionSpec {
            partition,
            producer_id: producer.producer_id,
            producer_epoch: producer.producer_epoch as i16,
            coordinator_epoch: producer.coordinator_epoch.unwrap_or(0),
        }
    }
}

/// Options of the transaction operations without specific settings.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct TransactionOptions {
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

options!(ListTransactionsOptions);

impl ListTransactionsOptions {
    /// Lists only transactions in these states (`Ongoing`, `PrepareCommit`, ...).
    pub fn states<S: Into<String>>(mut self, states: impl IntoIterator<Item = S>) -> Self {
        self.states = states.into_iter().map(Into::into).collect();
        self
    }

    /// Lists only these producer ids.
    pub fn producer_ids(mut self, producer_ids: impl IntoIterator<Item = i64>) -> Self {
        self.producer_ids = producer_ids.into_iter().collect();
        self
    }

    /// Lists only transactions running longer than `duration` (Kafka 3.8+).
    pub fn longer_than(mut self, duration: std::time::Duration) -> Self {
        self.longer_than = Some(duration);
        self
    }

    /// Lists only transactional ids matching this regular expression (Kafka 4.1+).
    pub fn transactional_id_pattern(mut self, pattern: impl Into<String>) -> Self {
        self.transactional_id_pattern = Some(pattern.into());
        self
    }
}

options!(DescribeProducersOptions);

impl DescribeProducersOptions {
    /// Asks this broker (a follower, say) instead of the partition's leader.
    pub fn broker(mut self, broker: i32) -> Self {
        self.broker = Some(broker);
        self
    }
}

options!(TransactionOptions);

impl Admin {
    /// Lists the transactions of every broker's coordinator.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("orders", 1)?;
    /// # let producer = kfk_client::producer::Producer::new(
    /// #     kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).transactional_id("payments-1").build()?,
    /// # )?;
    /// # producer.init_transactions().await?;
    /// # producer.begin_transaction()?;
    /// # producer.send(kfk_client::producer::ProducerRecord::new("orders").value("v")).await?;
    /// let options = kfk_admin::ListTransactionsOptions::default().states(["Ongoing"]);
    /// for t in admin.list_transactions(options).await? {
    ///     println!("{} (producer {}) {}", t.transactional_id, t.producer_id, t.state);
    /// }
    /// # let ongoing = kfk_admin::ListTransactionsOptions::default().states(["Ongoing"]);
    /// # assert_eq!(admin.list_transactions(ongoing).await?.len(), 1);
    /// # Ok(()) }
    /// ```
    pub async fn list_transactions(&self, options: ListTransactionsOptions) -> Result<Vec<TransactionListing>> {
        let deadline = self.deadline(options.timeout);
        let metadata = self.fresh_metadata_by("ListTransactions", deadline).await?;
        let mut nodes: Vec<i32> = metadata.brokers.keys().copied().collect();
        nodes.sort();
        let options = &options;
        let per_broker = self
            .retry_batch_by("ListTransactions", deadline, nodes, |pending| async move {
                let sends = pending.into_iter().map(|node| async move {
                    let result = async {
                        let conn = self.inner.cluster.connection(node).await?;
                        let version = conn.version_for(ApiKey::ListTransactions)?;
                        if options.longer_than.is_some() && version < 1 {
                            return Err(AdminError::InvalidRequest(format!(
                                "filtering transactions by duration needs ListTransactions v1 (Kafka 3.8+); broker {node} offers v0"
                            )));
                        }
                        if options.transactional_id_pattern.is_some() && version < 2 {
                            return Err(AdminError::InvalidRequest(format!(
                                "filtering transactions by id pattern needs ListTransactions v2 (Kafka 4.1+); broker {node} offers v{version}"
                            )));
                        }
                        let request = ListTransactionsRequest {
                            state_filters: options.states.clone(),
                            producer_id_filters: options.producer_ids.clone(),
                            duration_filter: options.longer_than.map_or(-1, |d| d.as_millis().min(i64::MAX as u128) as i64),
                            transactional_id_pattern: options.transactional_id_pattern.clone(),
                            ..Default::default()
                        };
                        let response = conn.send_at(&request, version).await?;
                        if let Some(code) = ErrorCode(response.error_code).err() {
                            return Err(AdminError::request(code, None, &format!("ListTransactions on broker {node}")));
                        }
                        Ok(response
                            .transaction_states
                            .into_iter()
                            .map(|t| TransactionListing {
                                transactional_id: t.transactional_id,
                                producer_id: t.producer_id,
                                state: t.transaction_state,
                                coordinator: node,
                            })
                            .collect::<Vec<_>>())
                    }
                    .await;
                    (node, result)
                });
                Ok(join_all(sends).await)
            })
            .await;
        let mut out = Vec::new();
        for (_, result) in per_broker {
            out.extend(result?);
        }
        out.sort_by(|a, b| a.transactional_id.cmp(&b.transactional_id));
        Ok(out)
    }

    /// Describes transactions (each at its coordinator). An unknown transactional id gives
    /// [`AdminError::NotFound`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # let producer = kfk_client::producer::Producer::new(
    /// #     kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).transactional_id("payments-1").build()?,
    /// # )?;
    /// # producer.init_transactions().await?;
    /// let described = admin.describe_transactions(["payments-1"], kfk_admin::TransactionOptions::default()).await;
    /// println!("{:?}", described["payments-1"]);
    /// # assert!(described["payments-1"].is_ok());
    /// # Ok(()) }
    /// ```
    pub async fn describe_transactions(
        &self,
        transactional_ids: impl IntoIterator<Item = impl Into<String>>,
        options: TransactionOptions,
    ) -> BTreeMap<String, Result<TransactionDescription>> {
        let ids: Vec<String> = transactional_ids.into_iter().map(Into::into).collect();
        self.retry_batch("DescribeTransactions", options.timeout, ids, |pending| async move {
            let sends = pending.into_iter().map(|id| async move {
                let result = async {
                    let conn = self.coordinator(CoordinatorKind::Transaction, &id).await?;
                    let coordinator = conn.broker().node_id;
                    let request =
                        DescribeTransactionsRequest { transactional_ids: vec![id.clone()], ..Default::default() };
                    let response = conn.send(&request).await?;
                    let t = response.transaction_states.into_iter().find(|t| t.transactional_id == id).ok_or_else(
                        || AdminError::MissingResult { context: format!("DescribeTransactions for {id}") },
                    )?;
                    check(t.error_code, None, ResourceKind::TransactionalId, &id, "DescribeTransactions")?;
                    Ok(TransactionDescription {
                        coordinator,
                        state: t.transaction_state,
                        producer_id: t.producer_id,
                        producer_epoch: t.producer_epoch,
                        timeout_ms: t.transaction_timeout_ms,
                        start_time_ms: (t.transaction_start_time_ms >= 0).then_some(t.transaction_start_time_ms),
                        partitions: t
                            .topics
                            .into_iter()
                            .flat_map(|d| d.partitions.into_iter().map(move |p| TopicPartition::new(&d.topic, p)))
                            .collect(),
                    })
                }
                .await;
                (id, result)
            });
            Ok(join_all(sends).await)
        })
        .await
    }

    /// The producers active on partitions (DescribeProducers to each leader, or to
    /// `options.broker`), with their open transactions.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("orders", 1)?;
    /// # let producer = kfk_client::producer::Producer::new(
    /// #     kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).transactional_id("payments-1").build()?,
    /// # )?;
    /// # producer.init_transactions().await?;
    /// # producer.begin_transaction()?;
    /// # producer.send(kfk_client::producer::ProducerRecord::new("orders").value("v")).await?;
    /// use kfk_admin::{DescribeProducersOptions, TopicPartition};
    /// let tp = TopicPartition::new("orders", 0);
    /// let producers = admin.describe_producers([tp.clone()], DescribeProducersOptions::default()).await;
    /// for p in producers[&tp].as_ref().map_err(Clone::clone)? {
    ///     println!("producer {} open transaction at {:?}", p.producer_id, p.current_transaction_start_offset);
    /// }
    /// # assert_eq!(producers[&tp].as_ref().map(Vec::len).ok(), Some(1));
    /// # Ok(()) }
    /// ```
    pub async fn describe_producers(
        &self,
        partitions: impl IntoIterator<Item = TopicPartition>,
        options: DescribeProducersOptions,
    ) -> BTreeMap<TopicPartition, Result<Vec<ProducerState>>> {
        let keys: Vec<TopicPartition> = partitions.into_iter().collect();
        let broker = options.broker;
        self.retry_batch("DescribeProducers", options.timeout, keys, |pending| async move {
            let send = |conn: kfk_client::net::Connection, tps: Vec<TopicPartition>| async move {
                let request = DescribeProducersRequest {
                    topics: by_topic(&tps)
                        .into_iter()
                        .map(|(name, partition_indexes)| TopicRequest { name, partition_indexes, ..Default::default() })
                        .collect(),
                    ..Default::default()
                };
                let response = conn.send(&request).await?;
                Ok(response
                    .topics
                    .into_iter()
                    .flat_map(|t| {
                        t.partitions.into_iter().map(move |p| {
                            let tp = TopicPartition::new(&t.name, p.partition_index);
                            let result = check(
                                p.error_code,
                                p.error_message.as_ref(),
                                ResourceKind::Topic,
                                &tp.to_string(),
                                "DescribeProducers",
                            )
                            .map(|()| {
                                p.active_producers
                                    .into_iter()
                                    .map(|s| ProducerState {
                                        producer_id: s.producer_id,
                                        producer_epoch: s.producer_epoch,
                                        last_sequence: s.last_sequence,
                                        last_timestamp: s.last_timestamp,
                                        coordinator_epoch: (s.coordinator_epoch >= 0).then_some(s.coordinator_epoch),
                                        current_transaction_start_offset: (s.current_txn_start_offset >= 0)
                                            .then_some(s.current_txn_start_offset),
                                    })
                                    .collect()
                            });
                            (tp, result)
                        })
                    })
                    .collect())
            };
            match broker {
                Some(node) => {
                    let conn = self.connection_for(&Target::Broker(node)).await?;
                    send(conn, pending).await
                }
                None => self.per_leader(&pending, send).await,
            }
        })
        .await
    }

    /// Aborts a hanging transaction on one partition: writes the abort marker (WriteTxnMarkers
    /// to the partition's leader) for the producer id, epoch and coordinator epoch that
    /// [`Admin::describe_producers`] reports. Use only on transactions whose coordinator has
    /// lost track of them.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("orders", 1)?;
    /// # let producer = kfk_client::producer::Producer::new(
    /// #     kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).transactional_id("payments-1").build()?,
    /// # )?;
    /// # producer.init_transactions().await?;
    /// # producer.begin_transaction()?;
    /// # producer.send(kfk_client::producer::ProducerRecord::new("orders").value("v")).await?;
    /// use kfk_admin::{AbortTransactionSpec, DescribeProducersOptions, TopicPartition, TransactionOptions};
    /// let tp = TopicPartition::new("orders", 0);
    /// let producers = admin.describe_producers([tp.clone()], DescribeProducersOptions::default()).await;
    /// for p in producers[&tp].as_ref().map_err(Clone::clone)? {
    ///     if p.current_transaction_start_offset.is_some() {
    ///         admin.abort_transaction(AbortTransactionSpec::for_producer(tp.clone(), p), TransactionOptions::default()).await?;
    ///     }
    /// }
    /// # let after = admin.describe_producers([tp.clone()], DescribeProducersOptions::default()).await;
    /// # assert!(after[&tp].as_ref().is_ok_and(|ps| ps.iter().all(|p| p.current_transaction_start_offset.is_none())));
    /// # Ok(()) }
    /// ```
    pub async fn abort_transaction(&self, spec: AbortTransactionSpec, options: TransactionOptions) -> Result<()> {
        let request = WriteTxnMarkersRequest {
            markers: vec![WritableTxnMarker {
                producer_id: spec.producer_id,
                producer_epoch: spec.producer_epoch,
                transaction_result: false,
                topics: vec![WritableTxnMarkerTopic {
                    name: spec.partition.topic.to_string(),
                    partition_indexes: vec![spec.partition.partition],
                    ..Default::default()
                }],
                coordinator_epoch: spec.coordinator_epoch,
                ..Default::default()
            }],
            ..Default::default()
        };
        let tp = &spec.partition;
        self.retry("AbortTransaction", options.timeout, || async {
            let conn = self.connection_for(&Target::PartitionLeader(tp.topic.to_string(), tp.partition)).await?;
            let response = conn.send(&request).await?;
            let code = response
                .markers
                .iter()
                .flat_map(|m| m.topics.iter())
                .flat_map(|t| t.partitions.iter().filter(|p| t.name == *tp.topic && p.partition_index == tp.partition))
                .map(|p| p.error_code)
                .next()
                .ok_or_else(|| AdminError::MissingResult { context: format!("WriteTxnMarkers for {tp}") })?;
            check(code, None, ResourceKind::Topic, &tp.to_string(), "WriteTxnMarkers")
        })
        .await
    }
}

//! Listing offsets: a partition's earliest, latest, max-timestamp offset, or the first offset
//! at or after a timestamp (what `kafka-get-offsets` does).

use std::collections::BTreeMap;
use std::time::Duration;

use kfk_client::config::IsolationLevel;
use kfk_client::consumer::TopicPartition;
use kfk_protocol::messages::list_offsets::request::{ListOffsetsPartition, ListOffsetsTopic};
use kfk_protocol::messages::{ApiKey, ListOffsetsRequest};

use crate::client::Admin;
use crate::error::{AdminError, ResourceKind, Result, check};
use crate::routing::by_topic;
use crate::topics::duration_ms;

/// Which offset [`Admin::list_offsets`] asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum OffsetSpec {
    /// The log start offset.
    Earliest,
    /// The log end offset (the high watermark, or the last stable offset with read_committed).
    Latest,
    /// The offset of the record with the highest timestamp (Kafka 3.0+).
    MaxTimestamp,
    /// The first offset whose timestamp is at or after this one (ms since the epoch).
    Timestamp(i64),
}

impl OffsetSpec {
    fn wire(self) -> i64 {
        match self {
            OffsetSpec::Earliest => -2,
            OffsetSpec::Latest => -1,
            OffsetSpec::MaxTimestamp => -3,
            OffsetSpec::Timestamp(ts) => ts,
        }
    }
}

/// Options of [`Admin::list_offsets`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ListOffsetsOptions {
    /// Whether `Latest` means the high watermark or the last stable offset.
    pub isolation_level: IsolationLevel,
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

impl Default for ListOffsetsOptions {
    fn default() -> Self {
        ListOffsetsOptions { isolation_level: IsolationLevel::ReadUncommitted, timeout: None }
    }
}

/// An offset as ListOffsets found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListedOffset {
    /// The offset; -1 when no record matches a timestamp.
    pub offset: i64,
    /// The timestamp of the record at `offset` (-1 for earliest/latest).
    pub timestamp: i64,
    /// The leader epoch of that record, if known.
    pub leader_epoch: Option<i32>,
}

options!(ListOffsetsOptions);

impl ListOffsetsOptions {
    /// Whether `Latest` means the high watermark (`ReadUncommitted`, the default) or the last
    /// stable offset (`ReadCommitted`).
    pub fn isolation_level(mut self, isolation_level: IsolationLevel) -> Self {
        self.isolation_level = isolation_level;
        self
    }
}

impl Admin {
    /// The offsets of partitions at each [`OffsetSpec`] (ListOffsets to each leader).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("orders", 1)?;
    /// # let producer = kfk_client::producer::Producer::new(kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).build()?)?;
    /// # for _ in 0..2 {
    /// #     producer.send(kfk_client::producer::ProducerRecord::new("orders").value("v")).await?;
    /// # }
    /// use kfk_admin::{ListOffsetsOptions, OffsetSpec, TopicPartition};
    /// let tp = TopicPartition::new("orders", 0);
    /// let latest = admin.list_offsets([(tp.clone(), OffsetSpec::Latest)], ListOffsetsOptions::default()).await;
    /// println!("end of {tp}: {:?}", latest[&tp]);
    /// # assert_eq!(latest[&tp].as_ref().map(|o| o.offset).ok(), Some(2));
    /// # Ok(()) }
    /// ```
    pub async fn list_offsets(
        &self,
        specs: impl IntoIterator<Item = (TopicPartition, OffsetSpec)>,
        options: ListOffsetsOptions,
    ) -> BTreeMap<TopicPartition, Result<ListedOffset>> {
        let specs: BTreeMap<TopicPartition, OffsetSpec> = specs.into_iter().collect();
        let specs = &specs;
        let isolation = options.isolation_level.wire();
        let timeout_ms = duration_ms(self.timeout(options.timeout));
        let keys: Vec<TopicPartition> = specs.keys().cloned().collect();
        self.retry_batch("ListOffsets", options.timeout, keys, |pending| async move {
            self.per_leader(&pending, |conn, tps| async move {
                let version = conn.version_for(ApiKey::ListOffsets)?;
                if version < 7 && tps.iter().any(|tp| specs[tp] == OffsetSpec::MaxTimestamp) {
                    return Err(AdminError::InvalidRequest(format!(
                        "the max-timestamp offset needs ListOffsets v7 (Kafka 3.0+); {} offers v{version}",
                        conn.broker()
                    )));
                }
                let request = ListOffsetsRequest {
                    replica_id: -1,
                    isolation_level: isolation,
                    topics: by_topic(&tps)
                        .into_iter()
                        .map(|(name, partitions)| ListOffsetsTopic {
                            partitions: partitions
                                .into_iter()
                                .map(|p| ListOffsetsPartition {
                                    partition_index: p,
                                    current_leader_epoch: -1,
                                    timestamp: specs[&TopicPartition::new(&name, p)].wire(),
                                    ..Default::default()
                                })
                                .collect(),
                            name,
                            ..Default::default()
                        })
                        .collect(),
                    timeout_ms,
                    ..Default::default()
                };
                let response = conn.send_at(&request, version).await?;
                Ok(response
                    .topics
                    .into_iter()
                    .flat_map(|t| {
                        t.partitions.into_iter().map(move |p| {
                            let tp = TopicPartition::new(&t.name, p.partition_index);
                            let result = check(p.error_code, None, ResourceKind::Topic, &tp.to_string(), "ListOffsets")
                                .map(|()| ListedOffset {
                                    offset: p.offset,
                                    timestamp: p.timestamp,
                                    leader_epoch: (p.leader_epoch >= 0).then_some(p.leader_epoch),
                                });
                            (tp, result)
                        })
                    })
                    .collect())
            })
            .await
        })
        .await
    }
}

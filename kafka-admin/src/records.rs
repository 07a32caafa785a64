//! Deleting records: moving partitions' log start offsets forward (what
//! `kafka-delete-records` does).

use std::collections::BTreeMap;
use std::time::Duration;

use kfk_client::consumer::TopicPartition;
use kfk_protocol::messages::DeleteRecordsRequest;
use kfk_protocol::messages::delete_records::request::{DeleteRecordsPartition, DeleteRecordsTopic};

use crate::client::Admin;
use crate::error::{ResourceKind, Result, check};
use crate::routing::by_topic;
use crate::topics::duration_ms;

/// Options of [`Admin::delete_records`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct DeleteRecordsOptions {
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// Delete every record before this offset; [`RecordsToDelete::HIGH_WATERMARK`] deletes
/// everything written so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordsToDelete {
    /// The first offset to keep.
    pub before_offset: i64,
}

impl RecordsToDelete {
    /// Everything up to the high watermark.
    pub const HIGH_WATERMARK: RecordsToDelete = RecordsToDelete { before_offset: -1 };

    /// Records before `offset`.
    pub fn before(offset: i64) -> RecordsToDelete {
        RecordsToDelete { before_offset: offset }
    }
}

options!(DeleteRecordsOptions);

impl Admin {
    /// Deletes the records of partitions before the given offsets (DeleteRecords to each
    /// partition's leader). Each partition's result is its new low watermark (log start
    /// offset).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("orders", 1)?;
    /// # let producer = kfk_client::producer::Producer::new(kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).build()?)?;
    /// # for _ in 0..100 {
    /// #     producer.enqueue(kfk_client::producer::ProducerRecord::new("orders").value("v")).await?;
    /// # }
    /// # producer.flush().await?;
    /// use kfk_admin::{DeleteRecordsOptions, RecordsToDelete, TopicPartition};
    /// let results = admin
    ///     .delete_records([(TopicPartition::new("orders", 0), RecordsToDelete::before(100))], DeleteRecordsOptions::default())
    ///     .await;
    /// println!("{:?}", results[&TopicPartition::new("orders", 0)]);
    /// # assert_eq!(results[&TopicPartition::new("orders", 0)].as_ref().ok(), Some(&100));
    /// # Ok(()) }
    /// ```
    pub async fn delete_records(
        &self,
        records: impl IntoIterator<Item = (TopicPartition, RecordsToDelete)>,
        options: DeleteRecordsOptions,
    ) -> BTreeMap<TopicPartition, Result<i64>> {
        let offsets: BTreeMap<TopicPartition, RecordsToDelete> = records.into_iter().collect();
        let offsets = &offsets;
        let timeout_ms = duration_ms(self.timeout(options.timeout));
        let keys: Vec<TopicPartition> = offsets.keys().cloned().collect();
        self.retry_batch("DeleteRecords", options.timeout, keys, |pending| async move {
            self.per_leader(&pending, |conn, tps| async move {
                let request = DeleteRecordsRequest {
                    topics: by_topic(&tps)
                        .into_iter()
                        .map(|(name, partitions)| DeleteRecordsTopic {
                            partitions: partitions
                                .into_iter()
                                .map(|p| DeleteRecordsPartition {
                                    partition_index: p,
                                    offset: offsets[&TopicPartition::new(&name, p)].before_offset,
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
                let response = conn.send(&request).await?;
                Ok(response
                    .topics
                    .into_iter()
                    .flat_map(|t| {
                        t.partitions.into_iter().map(move |p| {
                            let tp = TopicPartition::new(&t.name, p.partition_index);
                            let result =
                                check(p.error_code, None, ResourceKind::Topic, &tp.to_string(), "DeleteRecords")
                                    .map(|()| p.low_watermark);
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

//! A consumer group's committed offsets: list, alter, delete, and the lag per partition (what
//! `kafka-consumer-groups --describe`, `--reset-offsets` and `--delete-offsets` do).
//!
//! Offsets are read and written by topic name (OffsetFetch and OffsetCommit up to v9), which
//! every broker since 2.1 accepts; requests go to the group's coordinator.

use std::collections::BTreeMap;
use std::time::Duration;

use kfk_client::consumer::TopicPartition;
use kfk_protocol::messages::offset_commit::request::{OffsetCommitRequestPartition, OffsetCommitRequestTopic};
use kfk_protocol::messages::offset_delete::request::{OffsetDeleteRequestPartition, OffsetDeleteRequestTopic};
use kfk_protocol::messages::offset_fetch::request::{
    OffsetFetchRequestGroup, OffsetFetchRequestTopic, OffsetFetchRequestTopics,
};
use kfk_protocol::messages::{ApiKey, OffsetCommitRequest, OffsetDeleteRequest, OffsetFetchRequest};

use crate::client::Admin;
use crate::error::{AdminError, ResourceKind, Result, check};
use crate::groups::{DescribeGroupsOptions, GroupOptions, MemberDescription};
use crate::offsets::{ListOffsetsOptions, OffsetSpec};
use crate::routing::{CoordinatorKind, by_topic};

/// The highest OffsetFetch / OffsetCommit version used: v10 identifies topics by id only.
const MAX_OFFSETS_VERSION: i16 = 9;

/// A committed offset: the one type the consumer commits and reads, re-exported so that the
/// admin client and the consumer speak of offsets alike (as Java's one `OffsetAndMetadata`).
pub use kfk_client::types::OffsetAndMetadata;

/// Options of [`Admin::list_group_offsets`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ListGroupOffsetsOptions {
    /// Only these partitions (default: every partition the group committed).
    pub partitions: Option<Vec<TopicPartition>>,
    /// Wait for pending transactional commits to settle (Kafka 2.5+).
    pub require_stable: bool,
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// One partition's lag, as `kafka-consumer-groups --describe` prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PartitionLag {
    /// The partition.
    pub partition: TopicPartition,
    /// The committed offset (`None`: nothing committed).
    pub committed: Option<i64>,
    /// The log end offset.
    pub log_end: i64,
    /// `log_end - committed` (`None` when nothing is committed).
    pub lag: Option<i64>,
    /// The member the partition is assigned to, if any.
    pub member_id: Option<String>,
    /// That member's host.
    pub host: Option<String>,
    /// That member's `client.id`.
    pub client_id: Option<String>,
}

options!(
    ListGroupOffsetsOptions,
    /// Waits for pending transactional commits to settle (Kafka 2.5+).
    require_stable,
);

impl ListGroupOffsetsOptions {
    /// Lists only these partitions.
    pub fn partitions<P: Into<TopicPartition>>(mut self, partitions: impl IntoIterator<Item = P>) -> Self {
        self.partitions = Some(partitions.into_iter().map(Into::into).collect());
        self
    }
}

impl Admin {
    /// The offsets a group committed (OffsetFetch to its coordinator): of `partitions`, or of
    /// every partition it committed. A partition without a commit is left out.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("orders", 1)?;
    /// # let offsets = [(kfk_admin::TopicPartition::new("orders", 0), kfk_admin::OffsetAndMetadata::new(1))];
    /// # let committed = admin.alter_group_offsets("my-group", offsets, kfk_admin::GroupOptions::default()).await;
    /// # assert!(committed.values().all(Result::is_ok), "{committed:?}");
    /// let offsets = admin.list_group_offsets("my-group", kfk_admin::ListGroupOffsetsOptions::default()).await?;
    /// for (tp, o) in offsets {
    ///     println!("{tp}: {}", o.offset);
    /// }
    /// # assert_eq!(admin.list_group_offsets("my-group", Default::default()).await?.len(), 1);
    /// # Ok(()) }
    /// ```
    pub async fn list_group_offsets(
        &self,
        group: &str,
        options: ListGroupOffsetsOptions,
    ) -> Result<BTreeMap<TopicPartition, OffsetAndMetadata>> {
        self.retry("OffsetFetch", options.timeout, || async {
            let conn = self.coordinator(CoordinatorKind::Group, group).await?;
            let version = conn.version_for(ApiKey::OffsetFetch)?.min(MAX_OFFSETS_VERSION);
            let topics = options.partitions.as_ref().map(|ps| by_topic(ps));
            let request = if version >= 8 {
                OffsetFetchRequest {
                    groups: vec![OffsetFetchRequestGroup {
                        group_id: group.into(),
                        topics: topics.map(|ts| {
                            ts.into_iter()
                                .map(|(name, partition_indexes)| OffsetFetchRequestTopics {
                                    name,
                                    partition_indexes,
                                    ..Default::default()
                                })
                                .collect()
                        }),
                        ..Default::default()
                    }],
                    require_stable: options.require_stable,
                    ..Default::default()
                }
            } else {
                OffsetFetchRequest {
                    group_id: group.into(),
                    topics: topics.map(|ts| {
                        ts.into_iter()
                            .map(|(name, partition_indexes)| OffsetFetchRequestTopic {
                                name,
                                partition_indexes,
                                ..Default::default()
                            })
                            .collect()
                    }),
                    require_stable: options.require_stable && version >= 7,
                    ..Default::default()
                }
            };
            let response = conn.send_at(&request, version).await?;
            let mut out = BTreeMap::new();
            let mut add =
                |topic: &str, partition: i32, code: i16, offset: i64, epoch: i32, metadata: Option<String>| {
                    let tp = TopicPartition::new(topic, partition);
                    check(code, None, ResourceKind::Topic, &tp.to_string(), "OffsetFetch")?;
                    if offset >= 0 {
                        out.insert(
                            tp,
                            OffsetAndMetadata::new(offset)
                                .with_leader_epoch(epoch)
                                .with_metadata(metadata.unwrap_or_default()),
                        );
                    }
                    Ok::<(), AdminError>(())
                };
            if version >= 8 {
                for g in response.groups {
                    check(g.error_code, None, ResourceKind::Group, group, "OffsetFetch")?;
                    for t in g.topics {
                        for p in t.partitions {
                            add(
                                &t.name,
                                p.partition_index,
                                p.error_code,
                                p.committed_offset,
                                p.committed_leader_epoch,
                                p.metadata,
                            )?;
                        }
                    }
                }
            } else {
                check(response.error_code, None, ResourceKind::Group, group, "OffsetFetch")?;
                for t in response.topics {
                    for p in t.partitions {
                        add(
                            &t.name,
                            p.partition_index,
                            p.error_code,
                            p.committed_offset,
                            p.committed_leader_epoch,
                            p.metadata,
                        )?;
                    }
                }
            }
            Ok(out)
        })
        .await
    }

    /// Sets a group's committed offsets (`kafka-consumer-groups --reset-offsets --execute`).
    /// The group must have no active members (`UNKNOWN_MEMBER_ID` otherwise, as Kafka
    /// answers a commit from outside the group).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("orders", 1)?;
    /// use kfk_admin::{GroupOptions, OffsetAndMetadata, TopicPartition};
    /// let reset = [(TopicPartition::new("orders", 0), OffsetAndMetadata::new(0))];
    /// for (tp, result) in admin.alter_group_offsets("my-group", reset, GroupOptions::default()).await {
    ///     println!("{tp}: {result:?}");
    /// }
    /// # let offsets = admin.list_group_offsets("my-group", Default::default()).await?;
    /// # assert_eq!(offsets[&TopicPartition::new("orders", 0)].offset, 0);
    /// # Ok(()) }
    /// ```
    pub async fn alter_group_offsets(
        &self,
        group: &str,
        offsets: impl IntoIterator<Item = (TopicPartition, OffsetAndMetadata)>,
        options: GroupOptions,
    ) -> BTreeMap<TopicPartition, Result<()>> {
        let offsets: BTreeMap<TopicPartition, OffsetAndMetadata> = offsets.into_iter().collect();
        let offsets = &offsets;
        let keys: Vec<TopicPartition> = offsets.keys().cloned().collect();
        self.retry_batch("OffsetCommit", options.timeout, keys, |pending| async move {
            let conn = self.coordinator(CoordinatorKind::Group, group).await?;
            let version = conn.version_for(ApiKey::OffsetCommit)?.min(MAX_OFFSETS_VERSION);
            let request = OffsetCommitRequest {
                group_id: group.into(),
                generation_id_or_member_epoch: -1,
                member_id: String::new(),
                retention_time_ms: -1,
                topics: by_topic(&pending)
                    .into_iter()
                    .map(|(name, partitions)| OffsetCommitRequestTopic {
                        partitions: partitions
                            .into_iter()
                            .map(|p| {
                                let o = &offsets[&TopicPartition::new(&name, p)];
                                OffsetCommitRequestPartition {
                                    partition_index: p,
                                    committed_offset: o.offset,
                                    committed_leader_epoch: o.leader_epoch.unwrap_or(-1),
                                    committed_metadata: Some(o.metadata.clone()),
                                    ..Default::default()
                                }
                            })
                            .collect(),
                        name,
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            };
            let response = conn.send_at(&request, version).await?;
            Ok(response
                .topics
                .into_iter()
                .flat_map(|t| {
                    t.partitions.into_iter().map(move |p| {
                        let tp = TopicPartition::new(&t.name, p.partition_index);
                        (tp, check(p.error_code, None, ResourceKind::Group, group, "OffsetCommit"))
                    })
                })
                .collect())
        })
        .await
    }

    /// Deletes a group's committed offsets of partitions no member is subscribed to
    /// (`kafka-consumer-groups --delete-offsets`).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("old-topic", 1)?;
    /// # let offsets = [(kfk_admin::TopicPartition::new("old-topic", 0), kfk_admin::OffsetAndMetadata::new(1))];
    /// # let committed = admin.alter_group_offsets("my-group", offsets, kfk_admin::GroupOptions::default()).await;
    /// # assert!(committed.values().all(Result::is_ok), "{committed:?}");
    /// use kfk_admin::{GroupOptions, TopicPartition};
    /// let results = admin.delete_group_offsets("my-group", [TopicPartition::new("old-topic", 0)], GroupOptions::default()).await;
    /// println!("{results:?}");
    /// # assert!(admin.list_group_offsets("my-group", Default::default()).await?.is_empty());
    /// # Ok(()) }
    /// ```
    pub async fn delete_group_offsets(
        &self,
        group: &str,
        partitions: impl IntoIterator<Item = TopicPartition>,
        options: GroupOptions,
    ) -> BTreeMap<TopicPartition, Result<()>> {
        let keys: Vec<TopicPartition> = partitions.into_iter().collect();
        self.retry_batch("OffsetDelete", options.timeout, keys, |pending| async move {
            let conn = self.coordinator(CoordinatorKind::Group, group).await?;
            let request = OffsetDeleteRequest {
                group_id: group.into(),
                topics: by_topic(&pending)
                    .into_iter()
                    .map(|(name, partitions)| OffsetDeleteRequestTopic {
                        name,
                        partitions: partitions
                            .into_iter()
                            .map(|p| OffsetDeleteRequestPartition { partition_index: p, ..Default::default() })
                            .collect(),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            };
            let response = conn.send(&request).await?;
            check(response.error_code, None, ResourceKind::Group, group, "OffsetDelete")?;
            Ok(response
                .topics
                .into_iter()
                .flat_map(|t| {
                    t.partitions.into_iter().map(move |p| {
                        let tp = TopicPartition::new(&t.name, p.partition_index);
                        let name = tp.to_string();
                        (tp, check(p.error_code, None, ResourceKind::Topic, &name, "OffsetDelete"))
                    })
                })
                .collect())
        })
        .await
    }

    /// The lag of a group per partition, as `kafka-consumer-groups --describe` prints it:
    /// committed offset, log end offset, their difference, and the member consuming it.
    /// Partitions assigned to a member but never committed are listed with no lag.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("orders", 1)?;
    /// # let producer = kfk_client::producer::Producer::new(kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).build()?)?;
    /// # for _ in 0..3 {
    /// #     producer.send(kfk_client::producer::ProducerRecord::new("orders").value("v")).await?;
    /// # }
    /// # let offsets = [(kfk_admin::TopicPartition::new("orders", 0), kfk_admin::OffsetAndMetadata::new(1))];
    /// # let committed = admin.alter_group_offsets("my-group", offsets, kfk_admin::GroupOptions::default()).await;
    /// # assert!(committed.values().all(Result::is_ok), "{committed:?}");
    /// for lag in admin.group_lag("my-group", kfk_admin::GroupOptions::default()).await? {
    ///     println!("{} committed {:?} end {} lag {:?}", lag.partition, lag.committed, lag.log_end, lag.lag);
    /// }
    /// # assert_eq!(admin.group_lag("my-group", kfk_admin::GroupOptions::default()).await?[0].lag, Some(2));
    /// # Ok(()) }
    /// ```
    pub async fn group_lag(&self, group: &str, options: GroupOptions) -> Result<Vec<PartitionLag>> {
        let description = self
            .describe_groups([group], DescribeGroupsOptions { timeout: options.timeout, ..Default::default() })
            .await
            .remove(group)
            .unwrap_or_else(|| Err(AdminError::MissingResult { context: format!("DescribeGroups for {group}") }))?;
        let committed = self
            .list_group_offsets(group, ListGroupOffsetsOptions { timeout: options.timeout, ..Default::default() })
            .await?;
        let mut owners: BTreeMap<TopicPartition, &MemberDescription> = BTreeMap::new();
        for m in &description.members {
            for tp in &m.assignment {
                owners.insert(tp.clone(), m);
            }
        }
        let partitions: Vec<TopicPartition> = committed.keys().chain(owners.keys()).cloned().collect();
        let ends = self
            .list_offsets(
                partitions.iter().map(|tp| (tp.clone(), OffsetSpec::Latest)),
                ListOffsetsOptions { timeout: options.timeout, ..Default::default() },
            )
            .await;
        let mut out = Vec::new();
        for (tp, end) in ends {
            let log_end = end?.offset;
            let committed = committed.get(&tp).map(|o| o.offset);
            let owner = owners.get(&tp);
            out.push(PartitionLag {
                lag: committed.map(|c| (log_end - c).max(0)),
                committed,
                log_end,
                member_id: owner.map(|m| m.member_id.clone()),
                host: owner.map(|m| m.host.clone()),
                client_id: owner.map(|m| m.client_id.clone()),
                partition: tp,
            });
        }
        Ok(out)
    }
}

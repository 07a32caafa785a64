//! Topics: create, delete, list, describe, and raise the partition count (what `kafka-topics`
//! does).

use std::collections::BTreeMap;
use std::time::Duration;

use kfk_protocol::messages::create_partitions::request::{CreatePartitionsAssignment, CreatePartitionsTopic};
use kfk_protocol::messages::create_topics::request::{
    CreatableReplicaAssignment, CreatableTopic, CreatableTopicConfig,
};
use kfk_protocol::messages::delete_topics::request::DeleteTopicState;
use kfk_protocol::messages::metadata::request::MetadataRequestTopic;
use kfk_protocol::messages::{CreatePartitionsRequest, CreateTopicsRequest, DeleteTopicsRequest, MetadataRequest};
use kfk_protocol::{ErrorCode, Uuid};

use crate::acls::AclOperation;
use crate::client::Admin;
use crate::configs::{ConfigEntry, ConfigSource};
use crate::error::{AdminError, ResourceKind, Result, check};

/// A topic to create.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct NewTopic {
    /// The name.
    pub name: String,
    /// Partition count, or -1 for the broker's `num.partitions` (ignored with `assignment`).
    pub partitions: i32,
    /// Replication factor, or -1 for the broker's `default.replication.factor` (ignored with
    /// `assignment`).
    pub replication_factor: i16,
    /// An explicit replica assignment: the broker ids of each partition's replicas, by
    /// partition index (the first is the preferred leader).
    pub assignment: Option<BTreeMap<i32, Vec<i32>>>,
    /// Topic configs (`cleanup.policy`, `retention.ms`, ...).
    pub configs: BTreeMap<String, String>,
}

impl NewTopic {
    /// A topic with `partitions` partitions of `replication_factor` replicas each (-1 for the
    /// broker defaults).
    pub fn new(name: impl Into<String>, partitions: i32, replication_factor: i16) -> NewTopic {
        NewTopic { name: name.into(), partitions, replication_factor, assignment: None, configs: BTreeMap::new() }
    }

    /// A topic with an explicit assignment: `replicas[i]` are partition `i`'s replicas.
    ///
    /// ```
    /// let topic = kfk_admin::NewTopic::with_assignment("t", vec![vec![1, 2], vec![2, 3]]);
    /// assert_eq!(topic.assignment.unwrap()[&1], vec![2, 3]);
    /// ```
    pub fn with_assignment(name: impl Into<String>, replicas: Vec<Vec<i32>>) -> NewTopic {
        let assignment = replicas.into_iter().enumerate().map(|(i, r)| (i as i32, r)).collect();
        NewTopic {
            name: name.into(),
            partitions: -1,
            replication_factor: -1,
            assignment: Some(assignment),
            configs: BTreeMap::new(),
        }
    }

    /// Adds a topic config.
    pub fn config(mut self, key: impl Into<String>, value: impl Into<String>) -> NewTopic {
        self.configs.insert(key.into(), value.into());
        self
    }

    /// Places the replicas explicitly, `replicas[i]` for partition `i`, as
    /// [`NewTopic::with_assignment`]; the partition count and replication factor then come
    /// from the assignment.
    ///
    /// ```
    /// let topic = kfk_admin::NewTopic::new("t", -1, -1).replica_assignment(vec![vec![1, 2], vec![2, 3]]);
    /// assert_eq!(topic.assignment.unwrap()[&0], vec![1, 2]);
    /// ```
    pub fn replica_assignment(self, replicas: Vec<Vec<i32>>) -> NewTopic {
        NewTopic { configs: self.configs, ..NewTopic::with_assignment(self.name, replicas) }
    }
}

/// Options of [`Admin::create_topics`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct CreateTopicsOptions {
    /// Only check that the topics could be created (`validateOnly`).
    pub validate_only: bool,
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// A topic as CreateTopics created it (or would, with `validate_only`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CreatedTopic {
    /// The topic id (zero for validate-only or brokers before 2.8).
    pub topic_id: Uuid,
    /// Partition count (-1 when the broker does not say).
    pub partitions: i32,
    /// Replication factor (-1 when the broker does not say).
    pub replication_factor: i16,
    /// The topic's configs as created (empty when the broker does not say).
    pub configs: Vec<ConfigEntry>,
}

/// Options of [`Admin::delete_topics`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct DeleteTopicsOptions {
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// A topic to delete: by name, or by id (Kafka 2.8+).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TopicRef {
    /// By name.
    Name(String),
    /// By id.
    Id(Uuid),
}

impl std::fmt::Display for TopicRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TopicRef::Name(n) => f.write_str(n),
            TopicRef::Id(id) => write!(f, "{id}"),
        }
    }
}

impl From<&str> for TopicRef {
    fn from(name: &str) -> Self {
        TopicRef::Name(name.into())
    }
}

impl From<String> for TopicRef {
    fn from(name: String) -> Self {
        TopicRef::Name(name)
    }
}

impl From<Uuid> for TopicRef {
    fn from(id: Uuid) -> Self {
        TopicRef::Id(id)
    }
}

/// Options of [`Admin::list_topics`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ListTopicsOptions {
    /// Include internal topics (`__consumer_offsets`, `__transaction_state`).
    pub include_internal: bool,
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// A topic in a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TopicListing {
    /// The name.
    pub name: String,
    /// The id.
    pub topic_id: Uuid,
    /// Whether it is internal.
    pub internal: bool,
}

/// Options of [`Admin::describe_topics`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct DescribeTopicsOptions {
    /// Ask for the operations the caller may perform on each topic.
    pub include_authorized_operations: bool,
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// A topic as `kafka-topics --describe` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TopicDescription {
    /// The name.
    pub name: String,
    /// The id.
    pub topic_id: Uuid,
    /// Whether it is internal.
    pub internal: bool,
    /// Partitions by index.
    pub partitions: Vec<PartitionInfo>,
    /// What the caller may do with it, when asked for and known.
    pub authorized_operations: Option<Vec<AclOperation>>,
}

/// One partition of a [`TopicDescription`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PartitionInfo {
    /// Its index.
    pub partition: i32,
    /// The leader's broker id, or `None` when it has none.
    pub leader: Option<i32>,
    /// The leader epoch.
    pub leader_epoch: i32,
    /// Replica broker ids (the first is the preferred leader).
    pub replicas: Vec<i32>,
    /// In-sync replica broker ids.
    pub isr: Vec<i32>,
    /// Replicas whose log dir is offline.
    pub offline_replicas: Vec<i32>,
}

/// Options of [`Admin::create_partitions`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct CreatePartitionsOptions {
    /// Only check that the partitions could be created.
    pub validate_only: bool,
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// The new partition count of a topic, and optionally where the new partitions' replicas go.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NewPartitions {
    /// The total partition count after the change.
    pub total_count: i32,
    /// Replicas of each new partition, in order (one entry per added partition).
    pub assignment: Option<Vec<Vec<i32>>>,
}

impl NewPartitions {
    /// Raise the count to `total_count`, replicas placed by the cluster.
    pub fn increase_to(total_count: i32) -> NewPartitions {
        NewPartitions { total_count, assignment: None }
    }

    /// Raise the count to `total_count`, placing the replicas of each new partition (in order,
    /// one list of broker ids per added partition; the first is the preferred leader).
    ///
    /// ```
    /// use kfk_admin::NewPartitions;
    /// // From 3 to 5 partitions: partition 3 on brokers 1 and 2, partition 4 on 2 and 0.
    /// let grow = NewPartitions::with_assignment(5, vec![vec![1, 2], vec![2, 0]]);
    /// assert_eq!(grow.assignment.as_ref().map(Vec::len), Some(2));
    /// ```
    pub fn with_assignment(total_count: i32, assignment: Vec<Vec<i32>>) -> NewPartitions {
        NewPartitions { total_count, assignment: Some(assignment) }
    }
}

/// Decodes the `authorized_operations` bit field (`i32::MIN`: not asked for or unknown).
pub(crate) fn authorized_operations(bits: i32) -> Option<Vec<AclOperation>> {
    (bits != i32::MIN).then(|| AclOperation::from_bits(bits))
}

options!(
    CreateTopicsOptions,
    /// Only checks that the topics could be created (`validateOnly`).
    validate_only,
);
options!(DeleteTopicsOptions);
options!(
    ListTopicsOptions,
    /// Includes internal topics (`__consumer_offsets`, `__transaction_state`).
    include_internal,
);
options!(
    DescribeTopicsOptions,
    /// Asks for the operations the caller may perform on each topic.
    include_authorized_operations,
);
options!(
    CreatePartitionsOptions,
    /// Only checks that the partitions could be created.
    validate_only,
);

impl Admin {
    /// Creates topics (routed to the controller). Each topic's result says whether it was
    /// created: an existing one gives [`AdminError::TopicAlreadyExists`], an invalid config
    /// the broker's reason.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// use kfk_admin::{CreateTopicsOptions, NewTopic};
    /// let results = admin.create_topics([NewTopic::new("events", 3, -1)], CreateTopicsOptions::default()).await;
    /// if let Err(kfk_admin::AdminError::TopicAlreadyExists { .. }) = &results["events"] {
    ///     println!("already there");
    /// }
    /// # assert!(results["events"].is_ok(), "{results:?}");
    /// # Ok(()) }
    /// ```
    pub async fn create_topics(
        &self,
        topics: impl IntoIterator<Item = NewTopic>,
        options: CreateTopicsOptions,
    ) -> BTreeMap<String, Result<CreatedTopic>> {
        let topics: BTreeMap<String, NewTopic> = topics.into_iter().map(|t| (t.name.clone(), t)).collect();
        let timeout_ms = duration_ms(self.timeout(options.timeout));
        let names: Vec<String> = topics.keys().cloned().collect();
        self.retry_batch("CreateTopics", options.timeout, names, |pending| {
            let request = CreateTopicsRequest {
                topics: pending.iter().map(|name| creatable(&topics[name])).collect(),
                timeout_ms,
                validate_only: options.validate_only,
                ..Default::default()
            };
            async move {
                let response = self.controller().await?.send(&request).await?;
                Ok(response
                    .topics
                    .into_iter()
                    .map(|t| {
                        let result =
                            check(t.error_code, t.error_message.as_ref(), ResourceKind::Topic, &t.name, "CreateTopics")
                                .map(|()| CreatedTopic {
                                    topic_id: t.topic_id,
                                    partitions: t.num_partitions,
                                    replication_factor: t.replication_factor,
                                    configs: t
                                        .configs
                                        .unwrap_or_default()
                                        .into_iter()
                                        .map(|c| ConfigEntry {
                                            name: c.name,
                                            value: c.value,
                                            source: ConfigSource::from_wire(c.config_source),
                                            read_only: c.read_only,
                                            sensitive: c.is_sensitive,
                                            synonyms: Vec::new(),
                                            config_type: None,
                                            documentation: None,
                                        })
                                        .collect(),
                                });
                        (t.name, result)
                    })
                    .collect())
            }
        })
        .await
    }

    /// Deletes topics by name or id (routed to the controller). An unknown topic gives
    /// [`AdminError::NotFound`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("old-topic", 1)?;
    /// for (topic, result) in admin.delete_topics(["old-topic"], kfk_admin::DeleteTopicsOptions::default()).await {
    ///     println!("{topic}: {result:?}");
    /// }
    /// # assert!(stub.leader("old-topic", 0).is_err());
    /// # Ok(()) }
    /// ```
    pub async fn delete_topics(
        &self,
        topics: impl IntoIterator<Item = impl Into<TopicRef>>,
        options: DeleteTopicsOptions,
    ) -> BTreeMap<TopicRef, Result<()>> {
        let refs: Vec<TopicRef> = topics.into_iter().map(Into::into).collect();
        let timeout_ms = duration_ms(self.timeout(options.timeout));
        self.retry_batch("DeleteTopics", options.timeout, refs, |pending| async move {
            let conn = self.controller().await?;
            let version = conn.version_for(kfk_protocol::messages::ApiKey::DeleteTopics)?;
            let by_id = pending.iter().any(|r| matches!(r, TopicRef::Id(_)));
            if by_id && version < 6 {
                return Err(AdminError::InvalidRequest(format!(
                    "deleting topics by id needs DeleteTopics v6 (Kafka 2.8+); the broker offers v{version}"
                )));
            }
            let request = if version >= 6 {
                DeleteTopicsRequest {
                    topics: pending
                        .iter()
                        .map(|r| match r {
                            TopicRef::Name(n) => DeleteTopicState { name: Some(n.clone()), ..Default::default() },
                            TopicRef::Id(id) => DeleteTopicState { name: None, topic_id: *id, ..Default::default() },
                        })
                        .collect(),
                    timeout_ms,
                    ..Default::default()
                }
            } else {
                DeleteTopicsRequest {
                    topic_names: pending.iter().map(ToString::to_string).collect(),
                    timeout_ms,
                    ..Default::default()
                }
            };
            let response = conn.send_at(&request, version).await?;
            Ok(response
                .responses
                .into_iter()
                .filter_map(|r| {
                    let key = pending.iter().find(|p| match p {
                        TopicRef::Name(n) => r.name.as_deref() == Some(n.as_str()),
                        TopicRef::Id(id) => r.topic_id == *id && *id != Uuid::ZERO,
                    })?;
                    let result = check(
                        r.error_code,
                        r.error_message.as_ref(),
                        ResourceKind::Topic,
                        &key.to_string(),
                        "DeleteTopics",
                    );
                    Some((key.clone(), result))
                })
                .collect())
        })
        .await
    }

    /// Lists topics (all of them: a Metadata request for every topic).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("orders", 1)?;
    /// let options = kfk_admin::ListTopicsOptions::default().include_internal(true);
    /// for topic in admin.list_topics(options).await? {
    ///     println!("{} {}", topic.name, topic.topic_id);
    /// }
    /// # assert!(admin.list_topics(Default::default()).await?.iter().any(|t| t.name == "orders"));
    /// # Ok(()) }
    /// ```
    pub async fn list_topics(&self, options: ListTopicsOptions) -> Result<Vec<TopicListing>> {
        let request = MetadataRequest { topics: None, allow_auto_topic_creation: false, ..Default::default() };
        self.retry("ListTopics", options.timeout, || async {
            let response = self.inner.cluster.send_any(&request).await?;
            let mut topics: Vec<TopicListing> = response
                .topics
                .into_iter()
                .filter(|t| options.include_internal || !t.is_internal)
                .filter_map(|t| Some(TopicListing { name: t.name?, topic_id: t.topic_id, internal: t.is_internal }))
                .collect();
            topics.sort_by(|a, b| a.name.cmp(&b.name));
            Ok(topics)
        })
        .await
    }

    /// Describes topics: partitions, leaders, replicas, ISR, offline replicas, topic id and,
    /// when asked, the caller's authorized operations. An unknown topic gives
    /// [`AdminError::NotFound`].
    ///
    /// ```
    /// # use kfk_admin::BatchResults;
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("orders", 3)?;
    /// let described = admin.describe_topics(["orders"], kfk_admin::DescribeTopicsOptions::default()).await;
    /// for p in &described.into_one("orders")?.partitions {
    ///     println!("{}: leader {:?} isr {:?}", p.partition, p.leader, p.isr);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn describe_topics(
        &self,
        topics: impl IntoIterator<Item = impl Into<String>>,
        options: DescribeTopicsOptions,
    ) -> BTreeMap<String, Result<TopicDescription>> {
        let names: Vec<String> = topics.into_iter().map(Into::into).collect();
        self.retry_batch("DescribeTopics", options.timeout, names, |pending| async move {
            let request = MetadataRequest {
                topics: Some(
                    pending
                        .iter()
                        .map(|n| MetadataRequestTopic { name: Some(n.clone()), ..Default::default() })
                        .collect(),
                ),
                allow_auto_topic_creation: false,
                include_topic_authorized_operations: options.include_authorized_operations,
                ..Default::default()
            };
            let response = self.inner.cluster.send_any(&request).await?;
            Ok(response
                .topics
                .into_iter()
                .filter_map(|t| {
                    let name = t.name?;
                    let code = ErrorCode(t.error_code);
                    // A partition still without a leader right after creation is retriable.
                    let result = if let Some(code) = code.err() {
                        Err(match code {
                            ErrorCode::LEADER_NOT_AVAILABLE => {
                                AdminError::request(code, None, &format!("Metadata for {name}"))
                            }
                            _ => AdminError::from_code(code, None, ResourceKind::Topic, &name, "Metadata"),
                        })
                    } else {
                        let mut partitions: Vec<PartitionInfo> = t
                            .partitions
                            .into_iter()
                            .map(|p| PartitionInfo {
                                partition: p.partition_index,
                                leader: (p.leader_id >= 0).then_some(p.leader_id),
                                leader_epoch: p.leader_epoch,
                                replicas: p.replica_nodes,
                                isr: p.isr_nodes,
                                offline_replicas: p.offline_replicas,
                            })
                            .collect();
                        partitions.sort_by_key(|p| p.partition);
                        Ok(TopicDescription {
                            name: name.clone(),
                            topic_id: t.topic_id,
                            internal: t.is_internal,
                            partitions,
                            authorized_operations: if options.include_authorized_operations {
                                authorized_operations(t.topic_authorized_operations)
                            } else {
                                None
                            },
                        })
                    };
                    Some((name, result))
                })
                .collect())
        })
        .await
    }

    /// Raises the partition count of topics (routed to the controller).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("orders", 6)?;
    /// use kfk_admin::{CreatePartitionsOptions, NewPartitions};
    /// let grown = admin.create_partitions([("orders", NewPartitions::increase_to(12))], CreatePartitionsOptions::default()).await;
    /// println!("{grown:?}");
    /// # assert!(stub.leader("orders", 11).is_ok(), "{grown:?}");
    /// # Ok(()) }
    /// ```
    pub async fn create_partitions(
        &self,
        topics: impl IntoIterator<Item = (impl Into<String>, NewPartitions)>,
        options: CreatePartitionsOptions,
    ) -> BTreeMap<String, Result<()>> {
        let topics: BTreeMap<String, NewPartitions> = topics.into_iter().map(|(n, p)| (n.into(), p)).collect();
        let timeout_ms = duration_ms(self.timeout(options.timeout));
        let names: Vec<String> = topics.keys().cloned().collect();
        self.retry_batch("CreatePartitions", options.timeout, names, |pending| {
            let request = CreatePartitionsRequest {
                topics: pending
                    .iter()
                    .map(|name| {
                        let p = &topics[name];
                        CreatePartitionsTopic {
                            name: name.clone(),
                            count: p.total_count,
                            assignments: p.assignment.as_ref().map(|a| {
                                a.iter()
                                    .map(|ids| CreatePartitionsAssignment {
                                        broker_ids: ids.clone(),
                                        ..Default::default()
                                    })
                                    .collect()
                            }),
                            ..Default::default()
                        }
                    })
                    .collect(),
                timeout_ms,
                validate_only: options.validate_only,
                ..Default::default()
            };
            async move {
                let response = self.controller().await?.send(&request).await?;
                Ok(response
                    .results
                    .into_iter()
                    .map(|r| {
                        let result = check(
                            r.error_code,
                            r.error_message.as_ref(),
                            ResourceKind::Topic,
                            &r.name,
                            "CreatePartitions",
                        );
                        (r.name, result)
                    })
                    .collect())
            }
        })
        .await
    }
}

fn creatable(topic: &NewTopic) -> CreatableTopic {
    let (partitions, replication, assignments) = match &topic.assignment {
        Some(a) => (
            -1,
            -1,
            a.iter()
                .map(|(p, ids)| CreatableReplicaAssignment {
                    partition_index: *p,
                    broker_ids: ids.clone(),
                    ..Default::default()
                })
                .collect(),
        ),
        None => (topic.partitions, topic.replication_factor, Vec::new()),
    };
    CreatableTopic {
        name: topic.name.clone(),
        num_partitions: partitions,
        replication_factor: replication,
        assignments,
        configs: topic
            .configs
            .iter()
            .map(|(k, v)| CreatableTopicConfig { name: k.clone(), value: Some(v.clone()), ..Default::default() })
            .collect(),
        ..Default::default()
    }
}

/// A timeout as the `timeout_ms` of a request.
pub(crate) fn duration_ms(d: Duration) -> i32 {
    d.as_millis().min(i32::MAX as u128) as i32
}

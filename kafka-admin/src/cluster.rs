//! The cluster: brokers and controller, features, API versions per broker, log dirs, leader
//! elections and partition reassignments (what `kafka-broker-api-versions`,
//! `kafka-features`, `kafka-log-dirs`, `kafka-leader-election` and `kafka-reassign-partitions`
//! do).

use std::collections::BTreeMap;
use std::time::Duration;

use futures_util::future::join_all;
use kfk_client::consumer::TopicPartition;
use kfk_protocol::ErrorCode;
use kfk_protocol::messages::alter_partition_reassignments::request::{ReassignablePartition, ReassignableTopic};
use kfk_protocol::messages::elect_leaders::request::TopicPartitions;
use kfk_protocol::messages::list_partition_reassignments::request::ListPartitionReassignmentsTopics;
use kfk_protocol::messages::{
    AlterPartitionReassignmentsRequest, ApiKey, ApiVersionsRequest, DescribeClusterRequest, DescribeLogDirsRequest,
    ElectLeadersRequest, ListPartitionReassignmentsRequest, MetadataRequest,
};

use crate::acls::AclOperation;
use crate::client::{Admin, Target};
use crate::error::{AdminError, ResourceKind, Result, check};
use crate::routing::by_topic;
use crate::topics::{authorized_operations, duration_ms};

/// A broker as DescribeCluster (or Metadata) lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Node {
    /// `node.id`.
    pub id: i32,
    /// Advertised host.
    pub host: String,
    /// Advertised port.
    pub port: i32,
    /// `broker.rack`.
    pub rack: Option<String>,
    /// Whether the broker is fenced (only listed when asked for).
    pub fenced: bool,
}

/// The cluster as `describe_cluster` sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ClusterDescription {
    /// The cluster id.
    pub cluster_id: String,
    /// The controller's node id as brokers report it (in KRaft, a broker chosen to take
    /// controller-bound requests), if any.
    pub controller: Option<i32>,
    /// The brokers, by id.
    pub nodes: Vec<Node>,
    /// What the caller may do with the cluster, when asked for.
    pub authorized_operations: Option<Vec<AclOperation>>,
}

/// Options of [`Admin::describe_cluster`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct DescribeClusterOptions {
    /// Ask for the operations the caller may perform on the cluster.
    pub include_authorized_operations: bool,
    /// List fenced brokers too (Kafka 3.7+).
    pub include_fenced_brokers: bool,
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// A feature's range of versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionRange {
    /// Lowest.
    pub min: i16,
    /// Highest.
    pub max: i16,
}

/// The features the cluster supports and has finalized (KIP-584).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct FeatureMetadata {
    /// Finalized feature levels, by name.
    pub finalized: BTreeMap<String, VersionRange>,
    /// The epoch of the finalized features, if known.
    pub finalized_epoch: Option<i64>,
    /// Versions the answering broker supports, by name.
    pub supported: BTreeMap<String, VersionRange>,
}

/// One API a broker supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiVersionRange {
    /// The API key (its number; see [`ApiKey`]).
    pub api_key: i16,
    /// Lowest version.
    pub min: i16,
    /// Highest version.
    pub max: i16,
    /// The version this client uses with that broker, when it speaks any.
    pub usable: Option<i16>,
}

impl ApiVersionRange {
    /// The API's name, when this client knows it.
    pub fn name(&self) -> Option<&'static str> {
        ApiKey::from_i16(self.api_key).map(|k| k.name())
    }
}

/// One log dir of a broker.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LogDirDescription {
    /// The error of this dir (`KAFKA_STORAGE_ERROR` when offline), if any.
    pub error: Option<ErrorCode>,
    /// Replicas in it.
    pub replicas: BTreeMap<TopicPartition, ReplicaInfo>,
    /// Total bytes of the volume, if known.
    pub total_bytes: Option<i64>,
    /// Usable bytes of the volume, if known.
    pub usable_bytes: Option<i64>,
}

/// One replica in a log dir.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReplicaInfo {
    /// Size in bytes.
    pub size: i64,
    /// How far it lags behind the leader's log end (or the current replica, for a future one).
    pub offset_lag: i64,
    /// Whether it is a future replica (being moved between dirs).
    pub is_future: bool,
}

/// Options of the cluster operations without specific settings.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ClusterOptions {
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// Which leader an election picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElectionType {
    /// The preferred (first) replica, if in sync.
    Preferred,
    /// Any live replica, in sync or not, when no in-sync one is left (may lose data).
    Unclean,
}

/// A reassignment in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PartitionReassignment {
    /// The replicas now (target plus those being removed).
    pub replicas: Vec<i32>,
    /// Replicas being added.
    pub adding: Vec<i32>,
    /// Replicas being removed.
    pub removing: Vec<i32>,
}

options!(
    DescribeClusterOptions,
    /// Asks for the operations the caller may perform on the cluster.
    include_authorized_operations,
    /// Lists fenced brokers too (Kafka 3.7+).
    include_fenced_brokers,
);
options!(ClusterOptions);

impl Admin {
    /// The cluster id, the controller and the brokers (DescribeCluster, or Metadata on brokers
    /// before 2.8).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().brokers(3).start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// let cluster = admin.describe_cluster(kfk_admin::DescribeClusterOptions::default()).await?;
    /// println!("{} brokers, controller {:?}", cluster.nodes.len(), cluster.controller);
    /// # assert_eq!(cluster.nodes.len(), 3);
    /// # Ok(()) }
    /// ```
    pub async fn describe_cluster(&self, options: DescribeClusterOptions) -> Result<ClusterDescription> {
        self.retry("DescribeCluster", options.timeout, || async {
            let conn = self.inner.cluster.any_connection().await?;
            if conn.versions().range(ApiKey::DescribeCluster).is_none() {
                let request = MetadataRequest {
                    topics: Some(Vec::new()),
                    include_cluster_authorized_operations: options.include_authorized_operations,
                    ..Default::default()
                };
                let response = conn.send(&request).await?;
                return Ok(ClusterDescription {
                    cluster_id: response.cluster_id.unwrap_or_default(),
                    controller: (response.controller_id >= 0).then_some(response.controller_id),
                    nodes: response
                        .brokers
                        .into_iter()
                        .map(|b| Node { id: b.node_id, host: b.host, port: b.port, rack: b.rack, fenced: false })
                        .collect(),
                    authorized_operations: options
                        .include_authorized_operations
                        .then(|| authorized_operations(response.cluster_authorized_operations))
                        .flatten(),
                });
            }
            let request = DescribeClusterRequest {
                include_cluster_authorized_operations: options.include_authorized_operations,
                include_fenced_brokers: options.include_fenced_brokers,
                ..Default::default()
            };
            let response = conn.send(&request).await?;
            if let Some(code) = ErrorCode(response.error_code).err() {
                return Err(AdminError::request(code, response.error_message, "DescribeCluster"));
            }
            let mut nodes: Vec<Node> = response
                .brokers
                .into_iter()
                .map(|b| Node { id: b.broker_id, host: b.host, port: b.port, rack: b.rack, fenced: b.is_fenced })
                .collect();
            nodes.sort_by_key(|n| n.id);
            Ok(ClusterDescription {
                cluster_id: response.cluster_id,
                controller: (response.controller_id >= 0).then_some(response.controller_id),
                nodes,
                authorized_operations: options
                    .include_authorized_operations
                    .then(|| authorized_operations(response.cluster_authorized_operations))
                    .flatten(),
            })
        })
        .await
    }

    /// The cluster's finalized features and the versions a broker supports (from ApiVersions).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// let features = admin.describe_features(kfk_admin::ClusterOptions::default()).await?;
    /// println!("metadata.version level {:?}", features.finalized.get("metadata.version"));
    /// # assert!(features.supported.contains_key("transaction.version"), "{features:?}");
    /// # Ok(()) }
    /// ```
    pub async fn describe_features(&self, options: ClusterOptions) -> Result<FeatureMetadata> {
        self.retry("DescribeFeatures", options.timeout, || async {
            let conn = self.controller().await?;
            let response = conn.send(&api_versions_request()).await?;
            if let Some(code) = ErrorCode(response.error_code).err() {
                return Err(AdminError::request(code, None, "ApiVersions"));
            }
            Ok(FeatureMetadata {
                finalized: response
                    .finalized_features
                    .into_iter()
                    .map(|f| (f.name, VersionRange { min: f.min_version_level, max: f.max_version_level }))
                    .collect(),
                finalized_epoch: (response.finalized_features_epoch >= 0).then_some(response.finalized_features_epoch),
                supported: response
                    .supported_features
                    .into_iter()
                    .map(|f| (f.name, VersionRange { min: f.min_version, max: f.max_version }))
                    .collect(),
            })
        })
        .await
    }

    /// The API versions each broker supports, as `kafka-broker-api-versions` prints them, and
    /// the version this client uses for each.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// for (broker, apis) in admin.api_versions(kfk_admin::ClusterOptions::default()).await? {
    ///     for api in apis? {
    ///         println!("broker {broker}: {:?} {}..={} (we use {:?})", api.name(), api.min, api.max, api.usable);
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn api_versions(&self, options: ClusterOptions) -> Result<BTreeMap<i32, Result<Vec<ApiVersionRange>>>> {
        let deadline = self.deadline(options.timeout);
        let metadata = self.fresh_metadata_by("ApiVersions", deadline).await?;
        let mut nodes: Vec<i32> = metadata.brokers.keys().copied().collect();
        nodes.sort();
        let results = self
            .retry_batch_by("ApiVersions", deadline, nodes, |pending| async move {
                let sends = pending.into_iter().map(|node| async move {
                    let result = async {
                        let conn = self.inner.cluster.connection(node).await?;
                        let response = conn.send(&api_versions_request()).await?;
                        if let Some(code) = ErrorCode(response.error_code).err() {
                            return Err(AdminError::request(code, None, &format!("ApiVersions to broker {node}")));
                        }
                        Ok(response
                            .api_keys
                            .into_iter()
                            .map(|k| ApiVersionRange {
                                api_key: k.api_key,
                                min: k.min_version,
                                max: k.max_version,
                                usable: ApiKey::from_i16(k.api_key).and_then(|key| conn.version_for(key).ok()),
                            })
                            .collect())
                    }
                    .await;
                    (node, result)
                });
                Ok(join_all(sends).await)
            })
            .await;
        Ok(results)
    }

    /// The log dirs of brokers and the replicas in them.
    ///
    // no_run: kfk-stub does not serve DescribeLogDirs, so this example cannot run against it.
    /// ```no_run
    /// # async fn run(admin: kfk_admin::Admin) -> Result<(), kfk_admin::AdminError> {
    /// for (broker, dirs) in admin.describe_log_dirs([0, 1, 2], kfk_admin::ClusterOptions::default()).await {
    ///     for (dir, d) in dirs? {
    ///         println!("broker {broker} {dir}: {} replicas", d.replicas.len());
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn describe_log_dirs(
        &self,
        brokers: impl IntoIterator<Item = i32>,
        options: ClusterOptions,
    ) -> BTreeMap<i32, Result<BTreeMap<String, LogDirDescription>>> {
        let brokers: Vec<i32> = brokers.into_iter().collect();
        self.retry_batch("DescribeLogDirs", options.timeout, brokers, |pending| async move {
            let sends = pending.into_iter().map(|node| async move {
                let result = async {
                    let conn = self.inner.cluster.connection(node).await?;
                    let response = conn.send(&DescribeLogDirsRequest { topics: None, ..Default::default() }).await?;
                    if let Some(code) = ErrorCode(response.error_code).err() {
                        return Err(AdminError::request(code, None, &format!("DescribeLogDirs on broker {node}")));
                    }
                    Ok(response
                        .results
                        .into_iter()
                        .map(|dir| {
                            let replicas = dir
                                .topics
                                .into_iter()
                                .flat_map(|t| {
                                    t.partitions.into_iter().map(move |p| {
                                        (
                                            TopicPartition::new(&t.name, p.partition_index),
                                            ReplicaInfo {
                                                size: p.partition_size,
                                                offset_lag: p.offset_lag,
                                                is_future: p.is_future_key,
                                            },
                                        )
                                    })
                                })
                                .collect();
                            (
                                dir.log_dir,
                                LogDirDescription {
                                    error: ErrorCode(dir.error_code).err(),
                                    replicas,
                                    total_bytes: (dir.total_bytes >= 0).then_some(dir.total_bytes),
                                    usable_bytes: (dir.usable_bytes >= 0).then_some(dir.usable_bytes),
                                },
                            )
                        })
                        .collect())
                }
                .await;
                (node, result)
            });
            Ok(join_all(sends).await)
        })
        .await
    }

    /// Elects leaders (routed to the controller): the preferred replica, or any live one when
    /// no in-sync replica is left (unclean). `None` means every partition (the result then
    /// lists the partitions whose leader changed or failed to).
    ///
    /// A partition whose preferred replica already leads reports `ELECTION_NOT_NEEDED` as an
    /// error, as Kafka does.
    ///
    // no_run: kfk-stub does not serve ElectLeaders, so this example cannot run against it.
    /// ```no_run
    /// # async fn run(admin: kfk_admin::Admin) -> Result<(), kfk_admin::AdminError> {
    /// use kfk_admin::{ClusterOptions, ElectionType, TopicPartition};
    /// let partitions = vec![TopicPartition::new("orders", 0)];
    /// let results = admin.elect_leaders(ElectionType::Preferred, Some(partitions), ClusterOptions::default()).await?;
    /// println!("{results:?}");
    /// # Ok(()) }
    /// ```
    pub async fn elect_leaders(
        &self,
        election: ElectionType,
        partitions: Option<Vec<TopicPartition>>,
        options: ClusterOptions,
    ) -> Result<BTreeMap<TopicPartition, Result<()>>> {
        let timeout_ms = duration_ms(self.timeout(options.timeout));
        let request = ElectLeadersRequest {
            election_type: match election {
                ElectionType::Preferred => 0,
                ElectionType::Unclean => 1,
            },
            topic_partitions: partitions.as_ref().map(|ps| {
                by_topic(ps)
                    .into_iter()
                    .map(|(topic, partitions)| TopicPartitions { topic, partitions, ..Default::default() })
                    .collect()
            }),
            timeout_ms,
            ..Default::default()
        };
        if election == ElectionType::Unclean && partitions.is_none() {
            return Err(AdminError::InvalidRequest("an unclean election needs explicit partitions".into()));
        }
        let response = self.send(&request).await?;
        if let Some(code) = ErrorCode(response.error_code).err() {
            return Err(AdminError::request(code, None, "ElectLeaders"));
        }
        Ok(response
            .replica_election_results
            .into_iter()
            .flat_map(|t| {
                t.partition_result.into_iter().map(move |p| {
                    let tp = TopicPartition::new(&t.topic, p.partition_id);
                    let result = check(
                        p.error_code,
                        p.error_message.as_ref(),
                        ResourceKind::Topic,
                        &tp.to_string(),
                        "ElectLeaders",
                    );
                    (tp, result)
                })
            })
            .collect())
    }

    /// Starts (`Some(replicas)`) or cancels (`None`) partition reassignments (routed to the
    /// controller).
    ///
    // no_run: kfk-stub does not serve AlterPartitionReassignments, so this example cannot run against it.
    /// ```no_run
    /// # async fn run(admin: kfk_admin::Admin) -> Result<(), kfk_admin::AdminError> {
    /// use kfk_admin::{ClusterOptions, TopicPartition};
    /// let moves = [(TopicPartition::new("orders", 0), Some(vec![1, 2, 3]))];
    /// for (tp, result) in admin.alter_partition_reassignments(moves, ClusterOptions::default()).await {
    ///     println!("{tp}: {result:?}");
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn alter_partition_reassignments(
        &self,
        reassignments: impl IntoIterator<Item = (TopicPartition, Option<Vec<i32>>)>,
        options: ClusterOptions,
    ) -> BTreeMap<TopicPartition, Result<()>> {
        let targets: BTreeMap<TopicPartition, Option<Vec<i32>>> = reassignments.into_iter().collect();
        let targets = &targets;
        let timeout_ms = duration_ms(self.timeout(options.timeout));
        let keys: Vec<TopicPartition> = targets.keys().cloned().collect();
        self.retry_batch("AlterPartitionReassignments", options.timeout, keys, |pending| async move {
            let request = AlterPartitionReassignmentsRequest {
                timeout_ms,
                topics: by_topic(&pending)
                    .into_iter()
                    .map(|(name, partitions)| ReassignableTopic {
                        partitions: partitions
                            .into_iter()
                            .map(|p| ReassignablePartition {
                                partition_index: p,
                                replicas: targets[&TopicPartition::new(&name, p)].clone(),
                                ..Default::default()
                            })
                            .collect(),
                        name,
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            };
            let response = self.controller().await?.send(&request).await?;
            if let Some(code) = ErrorCode(response.error_code).err() {
                return Err(AdminError::request(code, response.error_message, "AlterPartitionReassignments"));
            }
            Ok(response
                .responses
                .into_iter()
                .flat_map(|t| {
                    t.partitions.into_iter().map(move |p| {
                        let tp = TopicPartition::new(&t.name, p.partition_index);
                        let result = check(
                            p.error_code,
                            p.error_message.as_ref(),
                            ResourceKind::Topic,
                            &tp.to_string(),
                            "AlterPartitionReassignments",
                        );
                        (tp, result)
                    })
                })
                .collect())
        })
        .await
    }

    /// The reassignments in progress (of `partitions`, or all).
    ///
    // no_run: kfk-stub does not serve ListPartitionReassignments, so this example cannot run against it.
    /// ```no_run
    /// # async fn run(admin: kfk_admin::Admin) -> Result<(), kfk_admin::AdminError> {
    /// for (tp, r) in admin.list_partition_reassignments(None, kfk_admin::ClusterOptions::default()).await? {
    ///     println!("{tp}: adding {:?}, removing {:?}", r.adding, r.removing);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn list_partition_reassignments(
        &self,
        partitions: Option<Vec<TopicPartition>>,
        options: ClusterOptions,
    ) -> Result<BTreeMap<TopicPartition, PartitionReassignment>> {
        let request = ListPartitionReassignmentsRequest {
            timeout_ms: duration_ms(self.timeout(options.timeout)),
            topics: partitions.as_ref().map(|ps| {
                by_topic(ps)
                    .into_iter()
                    .map(|(name, partition_indexes)| ListPartitionReassignmentsTopics {
                        name,
                        partition_indexes,
                        ..Default::default()
                    })
                    .collect()
            }),
            ..Default::default()
        };
        self.retry("ListPartitionReassignments", options.timeout, || async {
            let response = self.connection_for(&Target::Controller).await?.send(&request).await?;
            if let Some(code) = ErrorCode(response.error_code).err() {
                return Err(AdminError::request(code, response.error_message, "ListPartitionReassignments"));
            }
            Ok(response
                .topics
                .into_iter()
                .flat_map(|t| {
                    t.partitions.into_iter().map(move |p| {
                        (
                            TopicPartition::new(&t.name, p.partition_index),
                            PartitionReassignment {
                                replicas: p.replicas,
                                adding: p.adding_replicas,
                                removing: p.removing_replicas,
                            },
                        )
                    })
                })
                .collect())
        })
        .await
    }
}

fn api_versions_request() -> ApiVersionsRequest {
    ApiVersionsRequest {
        client_software_name: "kafka-rs".into(),
        client_software_version: env!("CARGO_PKG_VERSION").into(),
        ..Default::default()
    }
}

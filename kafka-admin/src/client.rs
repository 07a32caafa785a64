//! The [`Admin`] handle: construction, the raw [`Admin::send`] escape hatch, and closing.

use std::sync::Arc;
use std::time::Duration;

use kfk_client::cluster::Cluster;
use kfk_client::telemetry::{Collected, Telemetry};
use kfk_protocol::Request;
use kfk_protocol::messages::ApiKey;

use crate::config::AdminConfig;
use crate::error::{AdminError, Result};

/// The admin client. Cheap to clone; clones share connections and metadata.
///
/// Each operation is one method taking a typed options struct (`Default` gives the Java
/// client's defaults) and returning typed results. Batch operations return one `Result` per
/// item: a call can partly succeed, and each item says how.
///
/// ```
/// use kfk_admin::{Admin, AdminConfig, NewTopic, CreateTopicsOptions};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let stub = kfk_stub::StubCluster::builder().brokers(3).start().await?;
/// # let bootstrap = stub.bootstrap();
/// let admin = Admin::new(AdminConfig::new(&bootstrap))?;
/// let results = admin
///     .create_topics([NewTopic::new("orders", 6, 3).config("retention.ms", "86400000")], CreateTopicsOptions::default())
///     .await;
/// for (topic, result) in results {
///     match result {
///         Ok(created) => println!("{topic}: created with id {}", created.topic_id),
///         Err(e) => println!("{topic}: {e}"),
///     }
/// }
/// # assert!(stub.leader("orders", 5).is_ok());
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Admin {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) cluster: Cluster,
    pub(crate) config: AdminConfig,
    /// The KIP-714 metrics push task (`enable.metrics.push`).
    pub(crate) telemetry: Telemetry,
}

impl std::fmt::Debug for Admin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Admin").field("bootstrap", &self.inner.config.common.bootstrap_servers).finish()
    }
}

/// Where [`Admin::send_to`] sends a request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Target {
    /// Any broker.
    Any,
    /// The controller as Metadata names it (in KRaft, a broker that forwards to the quorum).
    Controller,
    /// One broker by node id.
    Broker(i32),
    /// The coordinator of a consumer group.
    GroupCoordinator(String),
    /// The coordinator of a transactional id.
    TransactionCoordinator(String),
    /// The leader of a topic partition.
    PartitionLeader(String, i32),
}

impl Target {
    /// Where the Java admin client sends `api` when no key is needed: the controller for the
    /// APIs that change cluster metadata, any broker otherwise.
    pub fn for_api(api: ApiKey) -> Target {
        match api {
            ApiKey::CreateTopics
            | ApiKey::DeleteTopics
            | ApiKey::CreatePartitions
            | ApiKey::ElectLeaders
            | ApiKey::AlterPartitionReassignments
            | ApiKey::ListPartitionReassignments
            | ApiKey::CreateAcls
            | ApiKey::DeleteAcls
            | ApiKey::AlterClientQuotas
            | ApiKey::AlterUserScramCredentials
            | ApiKey::UpdateFeatures => Target::Controller,
            _ => Target::Any,
        }
    }
}

impl Admin {
    /// An admin client; nothing is contacted until the first operation.
    pub fn new(config: AdminConfig) -> Result<Admin> {
        if config.common.bootstrap_servers.is_empty() {
            return Err(AdminError::InvalidRequest("bootstrap.servers is empty".into()));
        }
        let cluster = Cluster::new(config.common.cluster_config()?);
        cluster.metrics().set_kind(kfk_client::metrics::ClientKind::Admin);
        // The registry, not the cluster: the task must not keep the admin client's connections.
        let registry = cluster.metrics().clone();
        let telemetry = Telemetry::start(&cluster, config.common.enable_metrics_push, move || {
            Some(Collected::new(registry.snapshot()))
        });
        Ok(Admin { inner: Arc::new(Inner { cluster, config, telemetry }) })
    }

    /// An admin client from Java `AdminClient` properties (`bootstrap.servers`, `client.id`,
    /// `request.timeout.ms`, `default.api.timeout.ms`, `retry.backoff.ms`, ...).
    ///
    /// ```
    /// let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", "127.0.0.1:9092")]).unwrap();
    /// # drop(admin);
    /// ```
    pub fn from_properties<K: AsRef<str>, V: AsRef<str>>(pairs: impl IntoIterator<Item = (K, V)>) -> Result<Admin> {
        Admin::new(AdminConfig::from_properties(pairs)?)
    }

    /// The configuration.
    pub fn config(&self) -> &AdminConfig {
        &self.inner.config
    }

    /// The admin client's metrics, with the Java client's names (`admin-client-metrics`,
    /// `admin-client-node-metrics`): connections, requests, responses, bytes and request
    /// latency, in total and per broker. See [`kfk_client::metrics`] for their semantics.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # admin.describe_cluster(kfk_admin::DescribeClusterOptions::default()).await?;
    /// let snapshot = admin.metrics();
    /// let open = snapshot.value("connection-count", "admin-client-metrics");
    /// # assert!(open.is_some_and(|n| n >= 1.0), "{open:?}");
    /// # Ok(()) }
    /// ```
    pub fn metrics(&self) -> kfk_client::metrics::MetricsSnapshot {
        self.inner.cluster.metrics().snapshot()
    }

    /// The id the cluster assigned this admin client instance for its metrics (KIP-714, Java's
    /// `clientInstanceId`), waiting up to `timeout` for it. `None` with
    /// `enable.metrics.push=false`, when the brokers do not serve client telemetry, or when
    /// none came in time.
    pub async fn client_instance_id(&self, timeout: Duration) -> Option<kfk_protocol::Uuid> {
        self.inner.telemetry.client_instance_id(timeout).await
    }

    /// The cluster layer underneath (metadata, connections).
    pub fn cluster(&self) -> &Cluster {
        &self.inner.cluster
    }

    /// Sends any generated request where the Java client would ([`Target::for_api`]), retrying
    /// failures to reach a broker within `default.api.timeout.ms`. Error codes in the response
    /// are the caller's to read. APIs that go to a coordinator or a partition leader need
    /// [`Admin::send_to`].
    ///
    /// ```
    /// use kfk_protocol::messages::DescribeClusterRequest;
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// let response = admin.send(&DescribeClusterRequest::default()).await?;
    /// println!("cluster {}", response.cluster_id);
    /// # assert_eq!(response.cluster_id, stub.cluster_id());
    /// # Ok(()) }
    /// ```
    pub async fn send<R: Request>(&self, request: &R) -> Result<R::Response> {
        self.send_to(Target::for_api(R::API_KEY), request).await
    }

    /// Sends any generated request to `target`, retrying failures to reach it (and a new
    /// coordinator lookup) within `default.api.timeout.ms`.
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
    /// use kfk_admin::Target;
    /// use kfk_protocol::messages::DescribeGroupsRequest;
    /// let request = DescribeGroupsRequest { groups: vec!["my-group".into()], ..Default::default() };
    /// let response = admin.send_to(Target::GroupCoordinator("my-group".into()), &request).await?;
    /// println!("{:?}", response.groups[0].group_state);
    /// # assert_eq!(response.groups[0].group_state, "Empty");
    /// # Ok(()) }
    /// ```
    pub async fn send_to<R: Request>(&self, target: Target, request: &R) -> Result<R::Response> {
        let what = format!("{:?} to {target:?}", R::API_KEY);
        self.retry(&what, None, || async {
            let conn = self.connection_for(&target).await?;
            Ok(conn.send(request).await?)
        })
        .await
    }

    /// Closes every connection, letting requests in flight finish within `grace`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # admin.describe_cluster(kfk_admin::DescribeClusterOptions::default()).await?;
    /// admin.close(std::time::Duration::from_secs(1)).await;
    /// # assert_eq!(admin.metrics().value("connection-count", "admin-client-metrics"), Some(0.0));
    /// # Ok(()) }
    /// ```
    pub async fn close(&self, grace: Duration) {
        // The terminating metrics push (KIP-714) first, within `grace`.
        let started = std::time::Instant::now();
        self.inner.telemetry.close(grace).await;
        self.inner.cluster.close(grace.saturating_sub(started.elapsed())).await;
    }
}

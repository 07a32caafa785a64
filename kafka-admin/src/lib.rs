//! An async Apache Kafka admin client: what `kafka-topics`, `kafka-configs`,
//! `kafka-consumer-groups`, `kafka-delete-records`, `kafka-acls`, `kafka-transactions` and
//! `kafka-broker-api-versions` do, as a typed API.
//!
//! One [`Admin`] handle routes each request where Kafka wants it (the controller, a given
//! broker, a partition's leader, a group's or transaction's coordinator: the crate's
//! `DESIGN.md` has the table), retries retriable errors within the operation's timeout
//! (`default.api.timeout.ms`, or the options' `timeout`), and reports batch results per item:
//! a call can partly succeed, and each item says how; [`BatchResults`] gives one item's result or
//! all items' values as an ordinary `Result`.
//!
//! ```
//! use kfk_admin::{Admin, BatchResults, CreateTopicsOptions, DescribeTopicsOptions, NewTopic};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let stub = kfk_stub::StubCluster::builder().start().await?;
//! # let bootstrap = stub.bootstrap();
//! let admin = Admin::from_properties([("bootstrap.servers", bootstrap.as_str())])?;
//! let created = admin.create_topics([NewTopic::new("orders", 3, 1)], CreateTopicsOptions::default()).await;
//! created.into_one("orders")?;
//! let described = admin.describe_topics(["orders"], DescribeTopicsOptions::default()).await;
//! for p in &described.into_one("orders")?.partitions {
//!     println!("partition {} leader {:?} replicas {:?} isr {:?}", p.partition, p.leader, p.replicas, p.isr);
//! }
//! # Ok(()) }
//! ```
//!
//! Modules by domain: topics and records, configs, cluster (brokers, features, log dirs,
//! elections, reassignments), groups, offsets, ACLs, quotas, SCRAM, transactions. Anything
//! else: [`Admin::send`] / [`Admin::send_to`] with a generated request.

/// The setters every options struct shares: `timeout`, and one per flag named after its
/// field. Options structs are `#[non_exhaustive]` (a new option must not break callers), so
/// outside this crate they are built from `Default` through these setters, never a literal.
macro_rules! options {
    ($ty:ident $(, $(#[$doc:meta])* $flag:ident)* $(,)?) => {
        impl $ty {
            /// Bounds the whole operation, retries included (default `default.api.timeout.ms`).
            pub fn timeout(mut self, timeout: std::time::Duration) -> Self {
                self.timeout = Some(timeout);
                self
            }
            $(
                $(#[$doc])*
                pub fn $flag(mut self, $flag: bool) -> Self {
                    self.$flag = $flag;
                    self
                }
            )*
        }
    };
}

mod acls;
mod batch;
mod client;
mod cluster;
mod config;
mod configs;
mod error;
mod group_offsets;
mod groups;
mod offsets;
mod quotas;
mod records;
mod routing;
mod scram;
mod topics;
mod transactions;

pub use acls::{
    AclBinding, AclBindingFilter, AclOperation, AclOptions, AclPermissionType, AclResourceType, PatternType,
};
pub use batch::BatchResults;
pub use client::{Admin, Target};
pub use cluster::{
    ApiVersionRange, ClusterDescription, ClusterOptions, DescribeClusterOptions, ElectionType, FeatureMetadata,
    LogDirDescription, Node, PartitionReassignment, ReplicaInfo, VersionRange,
};
pub use config::{ADMIN_KEYS, AdminConfig, AdminConfigBuilder};
pub use configs::{
    AlterConfigOp, AlterConfigOpType, AlterConfigsOptions, Config, ConfigEntry, ConfigResource, ConfigResourceType,
    ConfigSource, ConfigSynonym, ConfigType, DescribeConfigsOptions,
};
pub use error::{AdminError, ResourceKind, Result};
pub use group_offsets::{ListGroupOffsetsOptions, OffsetAndMetadata, PartitionLag};
pub use groups::{
    DescribeGroupsOptions, GroupDescription, GroupListing, GroupOptions, GroupType, ListGroupsOptions,
    MemberDescription, MembersToRemove,
};
pub use kfk_client::config::IsolationLevel;
pub use kfk_client::consumer::TopicPartition;
pub use offsets::{ListOffsetsOptions, ListedOffset, OffsetSpec};
pub use quotas::{
    AlterClientQuotasOptions, DescribeClientQuotasOptions, QuotaAlteration, QuotaEntity, QuotaFilterComponent,
    QuotaMatch,
};
pub use records::{DeleteRecordsOptions, RecordsToDelete};
pub use scram::{ScramAlteration, ScramCredentialInfo, ScramMechanism, ScramOptions};
pub use topics::{
    CreatePartitionsOptions, CreateTopicsOptions, CreatedTopic, DeleteTopicsOptions, DescribeTopicsOptions,
    ListTopicsOptions, NewPartitions, NewTopic, PartitionInfo, TopicDescription, TopicListing, TopicRef,
};
pub use transactions::{
    AbortTransactionSpec, DescribeProducersOptions, ListTransactionsOptions, ProducerState, TransactionDescription,
    TransactionListing, TransactionOptions,
};

/// The README's examples, compiled with the doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;

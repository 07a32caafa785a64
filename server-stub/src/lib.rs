//! An in-memory Kafka cluster for tests: N brokers on loopback ports, started in milliseconds,
//! speaking the real wire protocol, and breakable on purpose.
//!
//! The stub shares only `kfk-protocol` with the client crate; its broker logic is its own, so
//! the two cannot hide each other's mistakes. It validates what a real broker validates (API
//! versions, batch CRCs, idempotent sequence numbers and producer epochs, leader epochs) and
//! answers with the error codes Kafka 4.x answers with, so client bugs surface here first.
//!
//! # Concepts
//!
//! - A [`StubCluster`] is a set of brokers (ids `0..n`) that share one in-memory state: topics,
//!   partitions with their leaders and leader epochs, and one log per partition. Every broker
//!   serves metadata; only a partition's leader accepts Produce and Fetch for it, as in Kafka.
//! - The cluster lives as long as a handle to it: dropping the last [`StubCluster`] (or calling
//!   [`StubCluster::shutdown`]) closes the listeners and every connection.
//! - Consumer groups (the classic protocol: JoinGroup, SyncGroup, Heartbeat, LeaveGroup; and
//!   KIP-848's: ConsumerGroupHeartbeat) and committed offsets live with their coordinator, the
//!   broker leading the group's `__consumer_offsets` partition (FindCoordinator says which);
//!   rebalances and session timeouts run on real timers, with Kafka's defaults unless the
//!   builder changes them.
//! - [`Faults`] breaks it on purpose: error codes for the next N requests, delayed responses,
//!   cut connections, stopped and restarted brokers, moved leadership.
//!
//! # Example
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), kfk_stub::Error> {
//! use kfk_stub::StubCluster;
//!
//! let cluster = StubCluster::builder().brokers(3).default_partitions(6).start().await?;
//! let bootstrap = cluster.bootstrap(); // "127.0.0.1:p0,127.0.0.1:p1,127.0.0.1:p2"
//! assert_eq!(bootstrap.split(',').count(), 3);
//! // ... point a client at `bootstrap` ...
//! cluster.shutdown().await;
//! # Ok(())
//! # }
//! ```
//!
//! See `DESIGN.md` next to this crate for which task owns which state and the lock rules.

mod broker;
mod cluster;
mod dispatch;
mod faults;
mod fetch_session;
mod groups;
mod handlers;
mod idempotence;
mod limits;
mod log;
mod security;
mod state;
mod telemetry;
#[cfg(feature = "testing")]
pub mod testing;
mod txn;

pub use cluster::{StubCluster, StubClusterBuilder};
pub use faults::{DropMode, ErrorFault, Faults};
pub use security::acl;
pub use security::oauthbearer::unsecured_token;
#[cfg(feature = "tls")]
pub use security::tls::SslClientAuth;
pub use security::{SaslMechanism, SecurityProtocol};
pub use telemetry::{TelemetryPush, TelemetrySubscription};

/// Why the stub could not do what it was asked.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A broker could not listen on its port.
    #[error("broker {broker}: cannot listen on 127.0.0.1:{port}: {source}")]
    Bind {
        /// The broker id.
        broker: i32,
        /// The port asked for (0: an ephemeral one).
        port: u16,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// No broker has this id.
    #[error("no broker with id {0}")]
    UnknownBroker(i32),
    /// No such topic partition.
    #[error("no partition {topic}-{partition}")]
    UnknownPartition {
        /// The topic.
        topic: String,
        /// The partition.
        partition: i32,
    },
    /// Leadership can only move to a live replica of the partition.
    #[error("broker {broker} is not a live replica of {topic}-{partition}")]
    NotAReplica {
        /// The broker asked to lead.
        broker: i32,
        /// The topic.
        topic: String,
        /// The partition.
        partition: i32,
    },
    /// The builder's settings contradict each other or are out of range.
    #[error("invalid stub configuration: {0}")]
    Config(String),
}

/// Result with the stub's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

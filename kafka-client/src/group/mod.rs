//! Consumer groups: membership, partition assignment, committed offsets, and the rebalance
//! callbacks.
//!
//! A consumer joins a group with [`Consumer::subscribe`](crate::consumer::Consumer::subscribe)
//! (or [`subscribe_pattern`](crate::consumer::Consumer::subscribe_pattern)); one background
//! task per consumer runs the membership. Two protocols, chosen by `group.protocol`:
//!
//! - **classic** (`member.rs`): JoinGroup/SyncGroup/Heartbeat; the leader member runs an
//!   assignor. `range`, `roundrobin` and `sticky` use the eager protocol: on every rebalance
//!   each member gives up all its partitions and receives a new set. `cooperative-sticky` uses
//!   incremental cooperative rebalancing (KIP-429): members keep their partitions through a
//!   rebalance and give up only those that move to another member.
//! - **consumer** (KIP-848, `consumer_protocol.rs`): ConsumerGroupHeartbeat; the coordinator
//!   assigns and each member reconciles incrementally.
//!
//! Either way, what happens to partitions is one state machine (`rebalance.rs`), and the
//! [`RebalanceListener`] hears assigned, revoked (commit allowed) and lost partitions.

pub mod assignor;
pub(crate) mod consumer_protocol;
pub(crate) mod coordinator;
mod handover;
pub(crate) mod member;
pub(crate) mod rebalance;
mod sticky;
pub(crate) mod subscription;

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

pub use assignor::{
    Assignor, CooperativeStickyAssignor, MemberInfo, RangeAssignor, RebalanceProtocol, RoundRobinAssignor,
    StickyAssignor,
};
pub use coordinator::Membership;

use crate::consumer::{Consumer, TopicPartition};

/// A boxed future, for the listener's async callbacks.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Told about partitions coming and going. The callbacks run on the group task, before the
/// group moves on: committing in `on_partitions_revoked` makes the next owner start exactly
/// where this consumer stopped.
pub trait RebalanceListener: Send + Sync + 'static {
    /// Partitions now assigned to this consumer (positions already set from committed offsets).
    fn on_partitions_assigned<'a>(
        &'a self,
        consumer: &'a Consumer,
        partitions: &'a [TopicPartition],
    ) -> BoxFuture<'a, ()> {
        let _ = (consumer, partitions);
        Box::pin(async {})
    }

    /// Partitions this consumer gives up in a rebalance; they are still owned during the call.
    fn on_partitions_revoked<'a>(
        &'a self,
        consumer: &'a Consumer,
        partitions: &'a [TopicPartition],
    ) -> BoxFuture<'a, ()> {
        let _ = (consumer, partitions);
        Box::pin(async {})
    }

    /// Partitions taken away without a clean handover (the group dropped this member): they
    /// may already belong to another member, so committing them is pointless.
    fn on_partitions_lost<'a>(&'a self, consumer: &'a Consumer, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        let _ = (consumer, partitions);
        Box::pin(async {})
    }
}

/// Which group protocol a consumer speaks (`group.protocol`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum GroupProtocol {
    /// The classic protocol: JoinGroup/SyncGroup, the leader member assigns.
    #[default]
    Classic,
    /// KIP-848: ConsumerGroupHeartbeat, the coordinator assigns and members reconcile.
    Consumer,
}

/// Group settings of a consumer.
#[derive(Debug, Clone)]
pub struct GroupConfig {
    /// `group.protocol` (default classic).
    pub protocol: GroupProtocol,
    /// `group.remote.assignor`: the coordinator's assignor under the consumer protocol
    /// (`uniform`, `range`; default: the broker's choice).
    pub remote_assignor: Option<String>,
    /// `group.instance.id`: a static member id (KIP-345).
    pub instance_id: Option<String>,
    /// `session.timeout.ms` (default 45 s).
    pub session_timeout: Duration,
    /// `heartbeat.interval.ms` (default 3 s).
    pub heartbeat_interval: Duration,
    /// `max.poll.interval.ms` (default 5 min), also the rebalance timeout sent in JoinGroup.
    pub max_poll_interval: Duration,
    /// The rebalance timeout sent in JoinGroup (= `max.poll.interval.ms`, as in Java).
    pub rebalance_timeout: Duration,
    /// `enable.auto.commit` (default true).
    pub enable_auto_commit: bool,
    /// `auto.commit.interval.ms` (default 5 s).
    pub auto_commit_interval: Duration,
    /// `partition.assignment.strategy`, in preference order (default `range`, then
    /// `cooperative-sticky`, as in Java: the eager protocol, with an upgrade path to
    /// cooperative rebalancing). The coordinator picks the first one every member offers; the
    /// rebalance protocol is the most advanced one all of them support.
    pub assignment_strategies: Vec<String>,
}

impl Default for GroupConfig {
    fn default() -> Self {
        GroupConfig {
            protocol: GroupProtocol::Classic,
            remote_assignor: None,
            instance_id: None,
            session_timeout: Duration::from_secs(45),
            heartbeat_interval: Duration::from_secs(3),
            max_poll_interval: Duration::from_secs(300),
            rebalance_timeout: Duration::from_secs(300),
            enable_auto_commit: true,
            auto_commit_interval: Duration::from_secs(5),
            assignment_strategies: vec!["range".into(), "cooperative-sticky".into()],
        }
    }
}

/// A shared listener (for callers that keep a handle to inspect it).
impl<T: RebalanceListener> RebalanceListener for std::sync::Arc<T> {
    fn on_partitions_assigned<'a>(
        &'a self,
        consumer: &'a Consumer,
        partitions: &'a [TopicPartition],
    ) -> BoxFuture<'a, ()> {
        (**self).on_partitions_assigned(consumer, partitions)
    }

    fn on_partitions_revoked<'a>(
        &'a self,
        consumer: &'a Consumer,
        partitions: &'a [TopicPartition],
    ) -> BoxFuture<'a, ()> {
        (**self).on_partitions_revoked(consumer, partitions)
    }

    fn on_partitions_lost<'a>(&'a self, consumer: &'a Consumer, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        (**self).on_partitions_lost(consumer, partitions)
    }
}

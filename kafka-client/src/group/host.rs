//! What a group task needs from the consumer it runs for, and nothing more.
//!
//! The group tasks (`member.rs`, `consumer_protocol.rs`, `handover.rs`) drive the membership;
//! the consumer owns the assignment, positions and the rebalance listener. [`GroupHost`] is the
//! whole of their conversation: read the configuration and the cluster, keep the
//! [`Membership`], hand partitions over (freeze, commit, change the assignment, tell the
//! listener), report an error to the next poll, and learn when the consumer closes or stops
//! polling. The consumer implements it (`consumer/group_view.rs`); nothing in `group/` names
//! the `Consumer` type.

use std::time::Duration;

use crate::cluster::Cluster;
use crate::config::ConsumerConfig;
use crate::error::{Error, Result};
use crate::types::{BoxFuture, Membership, OffsetAndMetadata, TopicPartition};

/// The consumer as a group task sees it.
pub(crate) trait GroupHost: Send + Sync + 'static {
    /// The consumer's cluster layer (metadata, connections, coordinators).
    fn cluster(&self) -> &Cluster;

    /// The consumer's configuration.
    fn config(&self) -> &ConsumerConfig;

    /// Who the consumer is in its group.
    fn membership(&self) -> Membership;

    /// Changes the membership (after a join, a new epoch, a leave).
    fn update_membership(&self, f: &mut dyn FnMut(&mut Membership));

    /// Whether the group task must stop: the consumer closed (or its last user handle went),
    /// or `unsubscribe` ended this subscription. Either way the member leaves the group.
    fn is_closed(&self) -> bool;

    /// Completes when the task must stop (at once if it already must).
    fn closed(&self) -> BoxFuture<'_, ()>;

    /// Time since the application last polled (`max.poll.interval.ms` is measured on it).
    fn since_last_poll(&self) -> Duration;

    /// Stops handing out records of `partitions`, before their positions are committed for
    /// the next owner.
    fn freeze(&self, partitions: &[TopicPartition]);

    /// Commits the positions of every assigned partition.
    fn commit(&self) -> BoxFuture<'_, Result<()>>;

    /// Drops `gone` from the assignment and adds `added` at their committed offsets (or per
    /// `auto.offset.reset`).
    fn change_assignment(&self, gone: &[TopicPartition], added: Vec<(TopicPartition, Option<OffsetAndMetadata>)>);

    /// Surfaces an error from the next poll.
    fn report(&self, error: Error);

    /// The reason of the application's pending `enforce_rebalance`, if any, clearing it.
    fn take_rejoin_request(&self) -> Option<String>;

    /// Completes when the application asks for a rebalance (`enforce_rebalance`).
    fn rejoin_requested(&self) -> BoxFuture<'_, ()>;

    /// Tells the listener, if any, that `partitions` are assigned.
    fn assigned<'a>(&'a self, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()>;

    /// Tells the listener, if any, that `partitions` are revoked (still owned during the call).
    fn revoked<'a>(&'a self, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()>;

    /// Tells the listener, if any, that `partitions` were lost.
    fn lost<'a>(&'a self, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()>;
}

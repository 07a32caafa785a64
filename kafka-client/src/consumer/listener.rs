//! The rebalance callbacks a subscribing application may pass (re-exported as
//! [`crate::group::RebalanceListener`]). They take the [`Consumer`], so they live with it; the
//! group tasks reach them only through [`crate::group::host::GroupHost`].

use super::Consumer;
use crate::types::{BoxFuture, TopicPartition};

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

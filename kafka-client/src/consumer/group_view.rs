//! The consumer as its group task sees it: the one implementation of
//! [`GroupHost`], over the consumer's shared state and the application's rebalance listener.

use std::sync::Arc;
use std::time::Duration;

use super::rejoin::RejoinRequest;
use super::state::PartitionState;
use super::{Consumer, RebalanceListener, Stop};
use crate::cluster::Cluster;
use crate::config::{ConsumerConfig, OffsetReset};
use crate::error::{Error, Result};
use crate::group::host::GroupHost;
use crate::types::{BoxFuture, Membership, OffsetAndMetadata, TopicPartition};

/// A view of a consumer for its group task. It does not keep the consumer alive (its handle
/// is not counted), so the consumer closes when the application's last handle goes.
pub(crate) struct GroupView {
    pub(super) consumer: Consumer,
    pub(super) listener: Option<Arc<dyn RebalanceListener>>,
    /// Set by `unsubscribe`: the group task leaves the group as if the consumer closed.
    pub(super) stop: Arc<Stop>,
    /// Set by `enforce_rebalance`.
    pub(super) rejoin: Arc<RejoinRequest>,
}

impl GroupHost for GroupView {
    fn cluster(&self) -> &Cluster {
        &self.consumer.shared.cluster
    }

    fn config(&self) -> &ConsumerConfig {
        &self.consumer.shared.config
    }

    fn membership(&self) -> Membership {
        self.consumer.membership()
    }

    fn update_membership(&self, f: &mut dyn FnMut(&mut Membership)) {
        self.consumer.shared.update_membership(f);
    }

    fn is_closed(&self) -> bool {
        self.consumer.shared.is_closed() || self.stop.is_set()
    }

    fn closed(&self) -> BoxFuture<'_, ()> {
        Box::pin(async move {
            tokio::select! {
                _ = self.consumer.shared.closed_signal() => {}
                _ = self.stop.signal() => {}
            }
        })
    }

    fn since_last_poll(&self) -> Duration {
        self.consumer.shared.last_poll.lock().unwrap_or_else(|p| p.into_inner()).elapsed()
    }

    fn freeze(&self, partitions: &[TopicPartition]) {
        let mut state = self.consumer.shared.lock();
        for tp in partitions {
            state.drop_buffered(tp);
            if let Some(p) = state.partitions.get_mut(tp) {
                p.fetch.set_paused(true);
            }
        }
    }

    fn commit(&self) -> BoxFuture<'_, Result<()>> {
        Box::pin(self.consumer.commit_positions_once())
    }

    fn change_assignment(&self, gone: &[TopicPartition], added: Vec<(TopicPartition, Option<OffsetAndMetadata>)>) {
        let shared = &self.consumer.shared;
        let reset = shared.config.auto_offset_reset;
        let reset = (reset != OffsetReset::None).then_some(reset);
        let mut state = shared.lock();
        for tp in gone {
            state.drop_buffered(tp);
            state.partitions.remove(tp);
        }
        for (tp, committed) in added {
            state.drop_buffered(&tp);
            // A committed leader epoch makes the fetcher validate the position against the
            // leader's log before reading on (KIP-320), as after a leader change.
            let (position, offset_epoch) = committed.map_or((None, None), |c| (Some(c.offset), c.leader_epoch));
            state.partitions.insert(tp, PartitionState { position, offset_epoch, reset, ..Default::default() });
        }
        drop(state);
        if !gone.is_empty() {
            // Their partition streams end.
            shared.data.notify_waiters();
        }
        shared.cluster_needs_refresh();
    }

    fn report(&self, error: Error) {
        self.consumer.shared.lock().errors.push_back(error);
        self.consumer.shared.data.notify_waiters();
    }

    fn take_rejoin_request(&self) -> Option<String> {
        self.rejoin.take()
    }

    fn rejoin_requested(&self) -> BoxFuture<'_, ()> {
        Box::pin(self.rejoin.requested())
    }

    fn assigned<'a>(&'a self, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        match &self.listener {
            Some(l) => l.on_partitions_assigned(&self.consumer, partitions),
            None => Box::pin(async {}),
        }
    }

    fn revoked<'a>(&'a self, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        match &self.listener {
            Some(l) => l.on_partitions_revoked(&self.consumer, partitions),
            None => Box::pin(async {}),
        }
    }

    fn lost<'a>(&'a self, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        match &self.listener {
            Some(l) => l.on_partitions_lost(&self.consumer, partitions),
            None => Box::pin(async {}),
        }
    }
}

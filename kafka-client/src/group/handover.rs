//! Carrying out an ownership [`Step`] on a consumer, for either group protocol: revoke
//! (freeze, commit, listener), lose (listener), then add (committed offsets, fetcher, listener).

use tracing::{info, warn};

use super::coordinator;
use super::rebalance::Step;
use super::RebalanceListener;
use crate::consumer::Consumer;
use crate::error::Result;
use crate::net::Connection;

/// Performs `step`. `conn` is the coordinator to fetch committed offsets from; without it the
/// step adds nothing (it only gives partitions up).
pub(crate) async fn perform(
    consumer: &Consumer,
    listener: Option<&dyn RebalanceListener>,
    step: Step,
    conn: Option<&Connection>,
) -> Result<()> {
    if !step.revoke.is_empty() {
        // From here on poll returns nothing of these partitions: the positions committed
        // below are final.
        consumer.freeze_partitions(&step.revoke);
        if consumer.config().group.enable_auto_commit {
            if let Err(e) = consumer.commit().await {
                warn!(error = %e, "commit before revoking failed");
            }
        }
        if let Some(listener) = listener {
            listener.on_partitions_revoked(consumer, &step.revoke).await;
        }
        consumer.change_assignment(&step.revoke, std::iter::empty());
        info!(partitions = step.revoke.len(), "revoked");
    }
    if !step.lose.is_empty() {
        consumer.freeze_partitions(&step.lose);
        if let Some(listener) = listener {
            listener.on_partitions_lost(consumer, &step.lose).await;
        }
        consumer.change_assignment(&step.lose, std::iter::empty());
        info!(partitions = step.lose.len(), "lost");
    }
    if let Some(conn) = conn {
        let group = consumer.membership().group_id;
        let committed = if step.add.is_empty() {
            Default::default()
        } else {
            coordinator::fetch(conn, consumer.cluster(), &group, &step.add).await?
        };
        consumer.change_assignment(&[], step.add.iter().map(|tp| (tp.clone(), committed.get(tp).cloned().flatten())));
        info!(partitions = step.add.len(), "assigned");
        if let Some(listener) = listener {
            listener.on_partitions_assigned(consumer, &step.add).await;
        }
    }
    Ok(())
}

//! Carrying out an ownership [`Step`] on a consumer, for either group protocol: revoke
//! (freeze, commit, listener), lose (listener), then add (committed offsets, fetcher, listener).

use tracing::{info, warn};

use super::host::GroupHost;
use super::offsets;
use super::rebalance::Step;
use crate::error::Result;
use crate::net::Connection;

/// Performs `step`. `conn` is the coordinator to fetch committed offsets from; without it the
/// step adds nothing (it only gives partitions up).
pub(crate) async fn perform(consumer: &dyn GroupHost, step: Step, conn: Option<&Connection>) -> Result<()> {
    if !step.revoke.is_empty() {
        // From here on poll returns nothing of these partitions: the positions committed
        // below are final.
        consumer.freeze(&step.revoke);
        if consumer.config().group.enable_auto_commit {
            if let Err(e) = consumer.commit().await {
                warn!(error = %e, "commit before revoking failed");
            }
        }
        consumer.revoked(&step.revoke).await;
        consumer.change_assignment(&step.revoke, Vec::new());
        info!(partitions = step.revoke.len(), "revoked");
    }
    if !step.lose.is_empty() {
        consumer.freeze(&step.lose);
        consumer.lost(&step.lose).await;
        consumer.change_assignment(&step.lose, Vec::new());
        info!(partitions = step.lose.len(), "lost");
    }
    if let Some(conn) = conn {
        let group = consumer.membership().group_id;
        let committed = if step.add.is_empty() {
            Default::default()
        } else {
            offsets::fetch(conn, consumer.cluster(), &group, &step.add).await?
        };
        consumer.change_assignment(
            &[],
            step.add.iter().map(|tp| (tp.clone(), committed.get(tp).cloned().flatten())).collect(),
        );
        info!(partitions = step.add.len(), "assigned");
        consumer.assigned(&step.add).await;
    }
    Ok(())
}

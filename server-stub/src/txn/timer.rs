//! The transaction timeout: one task per cluster aborts ongoing transactions older than their
//! `transaction.timeout.ms`, bumping the producer's epoch first (the producer is fenced), as
//! Kafka's coordinator does every `transaction.abort.timed.out.transaction.cleanup.interval.ms`.
//!
//! The task starts with the first InitProducerId that names a transactional id, holds only a
//! `Weak<Shared>`, and sleeps until the earliest deadline but never longer than [`MAX_SLEEP`],
//! so it ends within that time once the cluster is gone (the runtime's shutdown ends it too).
//! Each turn aborts at most [`super::TIMEOUTS_PER_TURN`] transactions.

use std::sync::{Arc, Weak};
use std::time::Duration;

use crate::state::{now_ms, Shared};

/// The longest the task sleeps between two looks at the deadlines.
const MAX_SLEEP: Duration = Duration::from_millis(500);

/// Starts the cluster's timeout task unless it runs already.
pub(crate) fn ensure_started(shared: &Arc<Shared>) {
    {
        let mut state = shared.state();
        if state.txns.timer_started {
            return;
        }
        state.txns.timer_started = true;
    }
    tokio::spawn(run(Arc::downgrade(shared)));
}

async fn run(shared: Weak<Shared>) {
    loop {
        let sleep = {
            let Some(shared) = shared.upgrade() else {
                return;
            };
            abort_timed_out(&shared);
            let next = shared.state().txns.next_deadline_ms();
            next.map_or(MAX_SLEEP, |at| {
                // One millisecond past the deadline: a transaction times out strictly after it.
                let ms = u64::try_from(at + 1 - now_ms()).unwrap_or(0);
                Duration::from_millis(ms).min(MAX_SLEEP)
            })
        };
        tokio::time::sleep(sleep).await;
    }
}

/// Aborts what has timed out now; returns how many.
pub(crate) fn abort_timed_out(shared: &Shared) -> usize {
    let ends = {
        let mut state = shared.state();
        let ends = state.txns.abort_timed_out(now_ms(), super::TIMEOUTS_PER_TURN);
        for end in &ends {
            super::write_markers(&mut state, end);
        }
        ends
    };
    for end in &ends {
        super::finish(shared, end);
    }
    ends.len()
}

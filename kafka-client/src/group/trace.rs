//! The `kafka.rebalance` span: one per rebalance this member takes part in, under either
//! protocol, from the join (classic) or the start of reconciliation (KIP-848) until the
//! partitions have changed hands, so a subscriber sees how long the group stood still and what
//! moved. The listener's callbacks and the commits of the handover run inside it.

use std::time::Instant;

use tracing::field::{display, Empty};
use tracing::Span;

use super::rebalance::Step;
use crate::types::TopicPartition;

/// A rebalance's span; `generation` is the classic generation or the KIP-848 member epoch.
pub(super) fn rebalance_span(protocol: &'static str) -> Span {
    tracing::info_span!(
        "kafka.rebalance",
        protocol,
        generation = Empty,
        leader = Empty,
        assignor = Empty,
        assigned = Empty,
        revoked = Empty,
        lost = Empty,
        duration_ms = Empty,
        error = Empty,
    )
}

/// What the rebalance moves, as partition lists (`orders-0, orders-3`).
pub(super) fn record_step(span: &Span, step: &Step) {
    if span.is_disabled() {
        return;
    }
    span.record("assigned", display(List(&step.add)));
    span.record("revoked", display(List(&step.revoke)));
    span.record("lost", display(List(&step.lose)));
}

/// How the rebalance ended.
pub(super) fn record_end<T>(span: &Span, started: Instant, result: &crate::Result<T>) {
    span.record("duration_ms", started.elapsed().as_millis() as u64);
    if let Err(e) = result {
        span.record("error", display(e));
    }
}

struct List<'a>(&'a [TopicPartition]);

impl std::fmt::Display for List<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, tp) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{tp}")?;
        }
        Ok(())
    }
}

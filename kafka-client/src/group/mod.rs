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
//! [`RebalanceListener`] (or a [`RebalanceCallbacks`] built from async closures) hears
//! assigned, revoked (commit allowed) and lost partitions.
//!
//! Under the classic protocol an application may plug in its own [`Assignor`]
//! (`ConsumerConfigBuilder::assignors`) and ask for a rebalance
//! ([`Consumer::enforce_rebalance`](crate::consumer::Consumer::enforce_rebalance)); under
//! KIP-848 the coordinator assigns (`group.remote.assignor`) and decides when to.

pub mod assignor;
pub(crate) mod consumer_protocol;
mod handover;
pub(crate) mod host;
pub(crate) mod member;
pub(crate) mod offsets;
pub(crate) mod rebalance;
mod sticky;
pub(crate) mod subscription;
mod trace;

pub use crate::config::{GroupConfig, GroupProtocol};
pub use crate::consumer::listener::{RebalanceCallbacks, RebalanceListener};
pub use crate::types::{BoxFuture, Membership};
pub use assignor::{
    Assignment, Assignor, CooperativeStickyAssignor, MemberInfo, RangeAssignor, RebalanceProtocol, RoundRobinAssignor,
    StickyAssignor,
};

//! What a member does with its partitions around a rebalance: the state machine of the classic
//! protocol's ownership, for both rebalance protocols, without any I/O (the member task
//! performs each [`Step`]: commits, listener callbacks, fetcher changes).
//!
//! ```text
//!            join + sync (assignment A)
//!  Unjoined ───────────────────────────────► Stable{generation}
//!     ▲  ▲                                     │  │
//!     │  │ lost (UNKNOWN_MEMBER_ID,            │  │ rebalance (REBALANCE_IN_PROGRESS, subscription
//!     │  │ ILLEGAL_GENERATION, fenced):        │  │ or metadata changed, a coordinator move):
//!     │  │ lose everything                     │  ▼
//!     │  └─────────────────────────────────────┤  Rejoining{generation}
//!     │                                        │    eager: revoke everything first;
//!     │                                        │    cooperative: revoke only partitions of topics
//!     └──── close: revoke (or lose) all ───────┘    no longer subscribed, keep the rest
//! ```
//!
//! After each SyncGroup ([`Ownership::complete`]) the member revokes what it owned but was not
//! assigned, starts what it was assigned but did not own, and keeps the rest untouched. Under
//! the cooperative protocol a member that revoked anything rejoins at once, so that the group
//! can hand those partitions to their new owner in the next generation (KIP-429).

use std::collections::BTreeSet;

use super::assignor::RebalanceProtocol;
use crate::types::TopicPartition;

/// Where the member stands in the group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MemberState {
    /// Not in any generation (before the first join, or after losing its membership).
    Unjoined,
    /// Member of `generation`, owning its assignment.
    Stable { generation: i32 },
    /// Rejoining after `generation`; under the cooperative protocol it still owns partitions.
    Rejoining { generation: i32 },
}

/// Why the member rejoins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rejoin {
    /// A rebalance: partitions that go are revoked cleanly (commit, `on_partitions_revoked`).
    Revoke,
    /// Dropped by the group: its partitions may already be someone else's (`on_partitions_lost`).
    Lost,
}

/// What the member task must do after a transition, in this order: revoke, lose, add.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Step {
    /// Partitions to give up cleanly: stop handing out their records, commit, then tell the
    /// listener (`on_partitions_revoked`).
    pub revoke: Vec<TopicPartition>,
    /// Partitions gone without a handover (`on_partitions_lost`, no commit).
    pub lose: Vec<TopicPartition>,
    /// Partitions newly assigned: fetch their committed offsets, start them, tell the listener
    /// (`on_partitions_assigned`).
    pub add: Vec<TopicPartition>,
    /// Rejoin at once instead of heartbeating (cooperative: partitions were revoked).
    pub rejoin: bool,
}

/// The partitions a member owns and the state it is in.
#[derive(Debug)]
pub(crate) struct Ownership {
    protocol: RebalanceProtocol,
    state: MemberState,
    owned: BTreeSet<TopicPartition>,
    /// The last assignment received and its generation, for the sticky assignors' user data
    /// (kept across eager revocations and losses, as Java's assignors keep theirs).
    last_assignment: Vec<TopicPartition>,
    last_generation: i32,
}

impl Ownership {
    pub(crate) fn new(protocol: RebalanceProtocol) -> Self {
        Ownership {
            protocol,
            state: MemberState::Unjoined,
            owned: BTreeSet::new(),
            last_assignment: Vec::new(),
            last_generation: -1,
        }
    }

    pub(crate) fn protocol(&self) -> RebalanceProtocol {
        self.protocol
    }

    pub(crate) fn state(&self) -> MemberState {
        self.state
    }

    /// The partitions owned now (sent as `owned_partitions` in the subscription).
    pub(crate) fn owned(&self) -> Vec<TopicPartition> {
        self.owned.iter().cloned().collect()
    }

    /// The last assignment and its generation.
    pub(crate) fn last_assignment(&self) -> (&[TopicPartition], i32) {
        (&self.last_assignment, self.last_generation)
    }

    /// Before (re)joining: what to give up. `subscribed` says whether a topic is still wanted.
    pub(crate) fn prepare_join(&mut self, reason: Rejoin, subscribed: impl Fn(&str) -> bool) -> Step {
        let mut step = Step::default();
        match (reason, self.protocol) {
            (Rejoin::Lost, _) => {
                step.lose = std::mem::take(&mut self.owned).into_iter().collect();
                self.state = MemberState::Unjoined;
                return step;
            }
            (Rejoin::Revoke, RebalanceProtocol::Eager) => {
                step.revoke = std::mem::take(&mut self.owned).into_iter().collect();
            }
            (Rejoin::Revoke, RebalanceProtocol::Cooperative) => {
                let (keep, drop): (BTreeSet<_>, BTreeSet<_>) =
                    std::mem::take(&mut self.owned).into_iter().partition(|tp| subscribed(&tp.topic));
                self.owned = keep;
                step.revoke = drop.into_iter().collect();
            }
        }
        if let MemberState::Stable { generation } = self.state {
            self.state = MemberState::Rejoining { generation };
        }
        step
    }

    /// After SyncGroup gave this member `assigned` in `generation`.
    pub(crate) fn complete(&mut self, generation: i32, assigned: Vec<TopicPartition>) -> Step {
        let assigned_set: BTreeSet<TopicPartition> = assigned.iter().cloned().collect();
        let revoke: Vec<TopicPartition> = self.owned.difference(&assigned_set).cloned().collect();
        let add: Vec<TopicPartition> = assigned_set.difference(&self.owned).cloned().collect();
        self.owned = assigned_set;
        self.last_assignment = assigned;
        self.last_generation = generation;
        self.state = MemberState::Stable { generation };
        let rejoin = self.protocol == RebalanceProtocol::Cooperative && !revoke.is_empty();
        if rejoin {
            self.state = MemberState::Rejoining { generation };
        }
        Step { revoke, lose: Vec::new(), add, rejoin }
    }

    /// Partitions of the last [`Ownership::complete`] that could not be started (their
    /// committed offsets were not available): not owned after all, so the member neither
    /// claims them nor believes it consumes them; the next assignment offers them again.
    pub(crate) fn abandon(&mut self, partitions: &[TopicPartition]) {
        for tp in partitions {
            self.owned.remove(tp);
        }
    }

    /// Leaving the group (close): everything goes, cleanly if the membership is still valid.
    pub(crate) fn leave(&mut self, membership_valid: bool) -> Step {
        let all: Vec<TopicPartition> = std::mem::take(&mut self.owned).into_iter().collect();
        self.state = MemberState::Unjoined;
        if membership_valid {
            Step { revoke: all, ..Step::default() }
        } else {
            Step { lose: all, ..Step::default() }
        }
    }
}

/// The protocol a consumer with these assignors uses: the most advanced one all of them
/// support (Java's rule), eager if they share none.
pub(crate) fn negotiate(supported: &[&[RebalanceProtocol]]) -> RebalanceProtocol {
    let all = |p: RebalanceProtocol| !supported.is_empty() && supported.iter().all(|s| s.contains(&p));
    if all(RebalanceProtocol::Cooperative) {
        RebalanceProtocol::Cooperative
    } else {
        RebalanceProtocol::Eager
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tps(list: &[(&str, i32)]) -> Vec<TopicPartition> {
        list.iter().map(|(t, p)| TopicPartition::new(t, *p)).collect()
    }

    #[test]
    fn eager_revokes_everything_before_rejoining() {
        let mut o = Ownership::new(RebalanceProtocol::Eager);
        let step = o.complete(1, tps(&[("t", 0), ("t", 1)]));
        assert_eq!(step.add, tps(&[("t", 0), ("t", 1)]));
        assert!(!step.rejoin);
        assert_eq!(o.state(), MemberState::Stable { generation: 1 });
        let step = o.prepare_join(Rejoin::Revoke, |_| true);
        assert_eq!(step.revoke, tps(&[("t", 0), ("t", 1)]));
        assert!(o.owned().is_empty());
        assert_eq!(o.state(), MemberState::Rejoining { generation: 1 });
        // The same partition back: assigned again (the eager member gave it up).
        let step = o.complete(2, tps(&[("t", 1)]));
        assert_eq!(step.add, tps(&[("t", 1)]));
        assert!(step.revoke.is_empty());
        assert_eq!(o.last_assignment(), (&tps(&[("t", 1)])[..], 2));
    }

    #[test]
    fn cooperative_keeps_partitions_through_the_rebalance() {
        let mut o = Ownership::new(RebalanceProtocol::Cooperative);
        o.complete(1, tps(&[("t", 0), ("t", 1), ("t", 2)]));
        let step = o.prepare_join(Rejoin::Revoke, |_| true);
        assert_eq!(step, Step::default());
        assert_eq!(o.owned(), tps(&[("t", 0), ("t", 1), ("t", 2)]));
        // Kept partitions are neither revoked nor re-added; only what moved away is revoked,
        // and the member rejoins so that the group can hand it over.
        let step = o.complete(2, tps(&[("t", 0), ("t", 2)]));
        assert_eq!(step.revoke, tps(&[("t", 1)]));
        assert!(step.add.is_empty());
        assert!(step.rejoin);
        assert_eq!(o.state(), MemberState::Rejoining { generation: 2 });
        // Next generation: nothing revoked, a new partition added, no further rejoin.
        o.prepare_join(Rejoin::Revoke, |_| true);
        let step = o.complete(3, tps(&[("t", 0), ("t", 2), ("u", 0)]));
        assert_eq!(step.add, tps(&[("u", 0)]));
        assert!(step.revoke.is_empty() && !step.rejoin);
        assert_eq!(o.state(), MemberState::Stable { generation: 3 });
    }

    #[test]
    fn cooperative_revokes_unsubscribed_topics_before_joining() {
        let mut o = Ownership::new(RebalanceProtocol::Cooperative);
        o.complete(1, tps(&[("a", 0), ("b", 0)]));
        let step = o.prepare_join(Rejoin::Revoke, |t| t == "a");
        assert_eq!(step.revoke, tps(&[("b", 0)]));
        assert_eq!(o.owned(), tps(&[("a", 0)]));
    }

    #[test]
    fn losing_the_membership_loses_everything_under_both_protocols() {
        for protocol in [RebalanceProtocol::Eager, RebalanceProtocol::Cooperative] {
            let mut o = Ownership::new(protocol);
            o.complete(4, tps(&[("t", 0)]));
            let step = o.prepare_join(Rejoin::Lost, |_| true);
            assert_eq!(step.lose, tps(&[("t", 0)]));
            assert!(step.revoke.is_empty());
            assert!(o.owned().is_empty());
            assert_eq!(o.state(), MemberState::Unjoined);
            // The sticky assignors still remember it.
            assert_eq!(o.last_assignment().1, 4);
        }
    }

    #[test]
    fn partitions_that_could_not_start_are_not_owned() {
        let mut o = Ownership::new(RebalanceProtocol::Cooperative);
        o.complete(1, tps(&[("t", 0)]));
        let step = o.complete(2, tps(&[("t", 0), ("t", 1)]));
        o.abandon(&step.add);
        assert_eq!(o.owned(), tps(&[("t", 0)]));
        // Offered again, they are added again.
        assert_eq!(o.complete(2, tps(&[("t", 0), ("t", 1)])).add, tps(&[("t", 1)]));
    }

    #[test]
    fn leaving_revokes_or_loses_all() {
        let mut o = Ownership::new(RebalanceProtocol::Cooperative);
        o.complete(1, tps(&[("t", 0)]));
        assert_eq!(o.leave(true).revoke, tps(&[("t", 0)]));
        o.complete(2, tps(&[("t", 1)]));
        assert_eq!(o.leave(false).lose, tps(&[("t", 1)]));
    }

    #[test]
    fn the_protocol_is_the_best_all_assignors_support() {
        use RebalanceProtocol::*;
        assert_eq!(negotiate(&[&[Eager, Cooperative]]), Cooperative);
        assert_eq!(negotiate(&[&[Eager, Cooperative], &[Eager]]), Eager);
        assert_eq!(negotiate(&[&[Eager]]), Eager);
        assert_eq!(negotiate(&[]), Eager);
    }
}

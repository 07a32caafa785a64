//! Keyed deadlines of the group coordinator, and the one task that fires them.
//!
//! Kafka's coordinator schedules its timeouts by key ("heartbeat of member m of group g", "join
//! phase of g", "sync phase of g"): scheduling a key again replaces its deadline, cancelling it
//! forgets it. [`Timers`] is that, as plain data: a queue ordered by deadline and a map by key. It
//! lives inside the coordinator, behind the same lock as the groups, so a timer and the request
//! that reschedules it never race.
//!
//! [`run`] is the cluster's one timer task: it takes the coordinator lock, fires what is due
//! ([`GroupCoordinator::fire_expired`]), releases the lock and sleeps until the next deadline or
//! until a new, earlier deadline is scheduled (a [`Notify`] permit, so a wake-up between the
//! release and the sleep is not lost). Unit tests skip the task and call `fire_expired` with an
//! instant of their choosing.
//!
//! [`GroupCoordinator::fire_expired`]: super::GroupCoordinator::fire_expired

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Weak};

use tokio::sync::Notify;
use tokio::time::Instant;

use crate::state::{now_ms, Shared};

/// What a deadline is about; scheduling the same key again replaces the previous deadline.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum TimerKey {
    /// A member's session (or a pending member's time to rejoin).
    Heartbeat { group: String, member: String },
    /// A group's join phase.
    Join { group: String },
    /// A group's sync phase.
    Sync { group: String },
    /// A consumer group member's time to confirm a revocation (its rebalance timeout).
    Revocation { group: String, member: String },
    /// The periodic offset expiration.
    Cleanup,
}

/// What to do when a deadline passes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TimerOp {
    /// The member's session expired, or a pending member did not rejoin in time.
    ExpireHeartbeat { group: String, member: String },
    /// The join phase's deadline: complete it with the members that rejoined.
    CompleteJoin { group: String },
    /// The initial rebalance delay of a group that was empty elapsed.
    InitialRebalance { group: String, delay_ms: i64, remaining_ms: i64 },
    /// Members of `generation` that have not sent SyncGroup by now are removed.
    ExpireSync { group: String, generation: i32 },
    /// Expire committed offsets past their retention, and empty groups left without offsets.
    Cleanup,
    /// A consumer group member still owes the revocation it was asked for at `epoch`: it is
    /// fenced (removed from the group).
    ExpireRevocation { group: String, member: String, epoch: i32 },
}

impl TimerOp {
    pub(crate) fn key(&self) -> TimerKey {
        match self {
            TimerOp::ExpireHeartbeat { group, member } => {
                TimerKey::Heartbeat { group: group.clone(), member: member.clone() }
            }
            TimerOp::CompleteJoin { group } | TimerOp::InitialRebalance { group, .. } => {
                TimerKey::Join { group: group.clone() }
            }
            TimerOp::ExpireSync { group, .. } => TimerKey::Sync { group: group.clone() },
            TimerOp::Cleanup => TimerKey::Cleanup,
            TimerOp::ExpireRevocation { group, member, .. } => {
                TimerKey::Revocation { group: group.clone(), member: member.clone() }
            }
        }
    }
}

impl TimerKey {
    fn group(&self) -> Option<&str> {
        match self {
            TimerKey::Heartbeat { group, .. }
            | TimerKey::Join { group }
            | TimerKey::Sync { group }
            | TimerKey::Revocation { group, .. } => Some(group),
            TimerKey::Cleanup => None,
        }
    }
}

/// Deadlines by key, in deadline order.
#[derive(Debug)]
pub(crate) struct Timers {
    queue: BTreeMap<(Instant, u64), TimerKey>,
    entries: HashMap<TimerKey, (Instant, u64, TimerOp)>,
    seq: u64,
    /// Wakes [`run`] when a deadline earlier than every other one is scheduled.
    wake: Arc<Notify>,
}

impl Timers {
    pub(crate) fn new(wake: Arc<Notify>) -> Self {
        Timers { queue: BTreeMap::new(), entries: HashMap::new(), seq: 0, wake }
    }

    /// Schedules `op` at `at`, replacing any deadline of the same key.
    pub(crate) fn schedule(&mut self, at: Instant, op: TimerOp) {
        let key = op.key();
        self.cancel(&key);
        let earliest = self.next_deadline().is_none_or(|next| at < next);
        self.seq += 1;
        self.queue.insert((at, self.seq), key.clone());
        self.entries.insert(key, (at, self.seq, op));
        if earliest {
            self.wake.notify_one();
        }
    }

    pub(crate) fn cancel(&mut self, key: &TimerKey) {
        if let Some((at, seq, _)) = self.entries.remove(key) {
            self.queue.remove(&(at, seq));
        }
    }

    /// Cancels every deadline of `group`.
    pub(crate) fn cancel_group(&mut self, group: &str) {
        let keys: Vec<TimerKey> = self.entries.keys().filter(|k| k.group() == Some(group)).cloned().collect();
        for key in keys {
            self.cancel(&key);
        }
    }

    pub(crate) fn is_scheduled(&self, key: &TimerKey) -> bool {
        self.entries.contains_key(key)
    }

    pub(crate) fn next_deadline(&self) -> Option<Instant> {
        self.queue.keys().next().map(|(at, _)| *at)
    }

    /// The deadline of `key`, if scheduled.
    #[cfg(test)]
    pub(crate) fn deadline(&self, key: &TimerKey) -> Option<Instant> {
        self.entries.get(key).map(|(at, _, _)| *at)
    }

    /// The earliest operation due at `now`, removed from the queue.
    pub(crate) fn pop_expired(&mut self, now: Instant) -> Option<TimerOp> {
        let (&(at, seq), _) = self.queue.iter().next()?;
        if at > now {
            return None;
        }
        let key = self.queue.remove(&(at, seq))?;
        self.entries.remove(&key).map(|(_, _, op)| op)
    }
}

/// The coordinator's timer task: fires due deadlines until the cluster is gone (the cluster
/// handle also aborts it when its last clone drops).
pub(crate) async fn run(shared: Weak<Shared>, wake: Arc<Notify>) {
    loop {
        let next = {
            let Some(shared) = shared.upgrade() else {
                return;
            };
            let mut groups = shared.groups();
            groups.fire_expired(Instant::now(), now_ms());
            groups.next_deadline()
        };
        match next {
            Some(at) => {
                tokio::select! {
                    _ = tokio::time::sleep_until(at) => {}
                    _ = wake.notified() => {}
                }
            }
            None => wake.notified().await,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn hb(member: &str) -> TimerOp {
        TimerOp::ExpireHeartbeat { group: "g".into(), member: member.into() }
    }

    #[test]
    fn rescheduling_a_key_replaces_its_deadline_and_expiry_comes_in_order() {
        let mut t = Timers::new(Arc::new(Notify::new()));
        let now = Instant::now();
        t.schedule(now + Duration::from_millis(30), hb("a"));
        t.schedule(now + Duration::from_millis(10), hb("b"));
        t.schedule(now + Duration::from_millis(50), hb("a"));
        t.schedule(now + Duration::from_millis(20), TimerOp::CompleteJoin { group: "g".into() });
        assert_eq!(t.next_deadline(), Some(now + Duration::from_millis(10)));
        assert_eq!(t.pop_expired(now + Duration::from_millis(5)), None);
        let due = now + Duration::from_millis(40);
        assert_eq!(t.pop_expired(due), Some(hb("b")));
        assert_eq!(t.pop_expired(due), Some(TimerOp::CompleteJoin { group: "g".into() }));
        assert_eq!(t.pop_expired(due), None, "a was moved to 50 ms");
        t.schedule(now, TimerOp::ExpireSync { group: "g".into(), generation: 1 });
        t.cancel_group("g");
        assert_eq!(t.next_deadline(), None);
    }
}

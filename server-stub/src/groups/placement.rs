//! Where a group lives: the partition of `__consumer_offsets` that holds it (Kafka's rule, also
//! used for transactional ids and `__transaction_state`), and what happens to its groups when
//! that partition's leader, the coordinator, changes.

use kfk_protocol::ErrorCode;
use tokio::time::Instant;

use super::classic::GroupState;
use super::rebalance;
use super::timers::TimerOp;
use super::GroupCoordinator;

/// Java's `String.hashCode` (over UTF-16 code units).
fn java_hash(s: &str) -> i32 {
    s.encode_utf16().fold(0i32, |h, c| h.wrapping_mul(31).wrapping_add(i32::from(c)))
}

/// The internal-topic partition of a group id or transactional id, as Kafka computes it
/// (`Utils.abs(key.hashCode()) % partitions`).
pub(crate) fn partition_for(key: &str, partitions: i32) -> i32 {
    let h = java_hash(key);
    let abs = if h == i32::MIN { 0 } else { h.abs() };
    abs % partitions.max(1)
}

impl GroupCoordinator {
    /// Leaders of `__consumer_offsets` partitions changed (`(partition, new leader or -1)`):
    /// their groups are unloaded from the old coordinator and, if there is a new one, loaded
    /// from their persisted image with fresh session timers.
    pub(crate) fn coordinators_moved(&mut self, moved: &[(i32, i32)], now: Instant, now_ms: i64) {
        let partitions = self.config.offsets_partitions;
        let affected: Vec<(String, bool)> = self
            .groups
            .keys()
            .filter_map(|id| {
                let p = partition_for(id, partitions);
                moved.iter().find(|(q, _)| *q == p).map(|(_, leader)| (id.clone(), *leader >= 0))
            })
            .collect();
        // Consumer groups are persisted whole: the new coordinator has them as they were and
        // gives every member a fresh session.
        for (id, g) in &self.consumer {
            let p = partition_for(id, partitions);
            if moved.iter().any(|(q, _)| *q == p) {
                let session =
                    std::time::Duration::from_millis(u64::try_from(self.consumer_session_timeout_ms(id)).unwrap_or(0));
                self.timers.cancel_group(id);
                for member in g.members.keys() {
                    self.timers.schedule(
                        now + session,
                        TimerOp::ExpireHeartbeat { group: id.clone(), member: member.clone() },
                    );
                }
            }
        }
        for (id, has_leader) in affected {
            self.timers.cancel_group(&id);
            let Some(mut group) = self.groups.remove(&id) else {
                continue;
            };
            group.fail_all_waiters(ErrorCode::NOT_COORDINATOR.0);
            let mut loaded = group.loaded();
            if let Some(image) = loaded.as_mut().filter(|_| !has_leader) {
                // Nobody coordinates it for now: it waits, Dead, until a leader loads it.
                image.transition(GroupState::Dead, now_ms);
            }
            if let Some(image) = loaded {
                tracing::debug!(group = %id, state = image.state().name(), "group reloaded by its new coordinator");
                self.groups.insert(id.clone(), image);
                if has_leader {
                    self.with_group(&id, now, now_ms, |g, env| {
                        for member in g.member_ids() {
                            rebalance::reschedule_heartbeat(g, env, &member);
                        }
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition_for_is_javas_hash_modulo() {
        assert_eq!(partition_for("", 50), 0);
        assert_eq!(partition_for("hello", 50), 99_162_322 % 50);
        // "polygenelubricants".hashCode() == Integer.MIN_VALUE, which Utils.abs maps to 0.
        assert_eq!(java_hash("polygenelubricants"), i32::MIN);
        assert_eq!(partition_for("polygenelubricants", 50), 0);
        // A negative hash counts by its absolute value.
        assert_eq!(java_hash("analytics-group"), -609_982_088);
        assert_eq!(partition_for("analytics-group", 50), 38);
        assert_eq!(partition_for("my-consumer-group", 50), 13);
    }
}

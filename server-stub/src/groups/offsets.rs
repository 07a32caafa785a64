//! Committed offsets, by group, topic name and partition (what Kafka keeps in
//! `__consumer_offsets`), and their expiration.
//!
//! The store does not care which protocol the group uses: classic groups and KIP-848 consumer
//! groups commit to the same store. The coordinator's commits (OffsetCommit, TxnOffsetCommit and
//! the end of transactions, OffsetDelete, the periodic expiration) are here too, below the
//! store, each checking the group before it touches the store.
//!
//! Transactional offset commits (TxnOffsetCommit) are held pending per group and producer id,
//! tagged with the transaction's number, invisible to OffsetFetch; the transaction's end
//! commits them (COMMIT marker) or drops them (ABORT), as Kafka's coordinator does when the
//! marker reaches `__consumer_offsets`.

use std::collections::{BTreeMap, HashMap};

use kfk_protocol::ErrorCode;

use tokio::time::Instant;

use super::classic::GroupState;
use super::{rebalance, GroupCoordinator};

/// Per topic, an error code per partition.
pub(crate) type PartitionCodes = Vec<(String, Vec<(i32, ErrorCode)>)>;

/// One offset to commit.
#[derive(Debug, Clone)]
pub(crate) struct OffsetToCommit {
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    pub leader_epoch: i32,
    pub metadata: Option<String>,
}

/// An OffsetCommit's group fields.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CommitFrom<'a> {
    pub group_id: &'a str,
    pub generation: i32,
    pub member_id: &'a str,
    pub instance_id: Option<&'a str>,
    /// -1: the broker's retention.
    pub retention_ms: i64,
    pub version: i16,
}

/// One committed offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CommittedOffset {
    pub offset: i64,
    /// -1: unknown.
    pub leader_epoch: i32,
    pub metadata: String,
    /// Wall-clock commit time (ms).
    pub commit_ms: i64,
    /// An explicit expiration time (OffsetCommit v2-4 with a retention time), else the
    /// broker's retention applies.
    pub expire_ms: Option<i64>,
}

impl CommittedOffset {
    /// Kafka's `isOffsetExpired`: past the explicit expiration, or `retention_ms` after `base_ms`.
    pub(crate) fn is_expired(&self, now_ms: i64, base_ms: i64, retention_ms: i64) -> bool {
        match self.expire_ms {
            Some(at) => now_ms >= at,
            None => now_ms - base_ms >= retention_ms,
        }
    }
}

type TopicOffsets = BTreeMap<i32, CommittedOffset>;

/// The offsets one transaction commits to one group.
#[derive(Debug, Default)]
struct PendingTxnOffsets {
    txn_number: u64,
    offsets: BTreeMap<(String, i32), CommittedOffset>,
}

/// Offsets of every group.
#[derive(Debug, Default)]
pub(crate) struct OffsetStore {
    by_group: HashMap<String, BTreeMap<String, TopicOffsets>>,
    /// Transactional offsets not yet committed: group -> producer id -> offsets.
    pending: HashMap<String, HashMap<i64, PendingTxnOffsets>>,
}

impl OffsetStore {
    pub(crate) fn commit(&mut self, group: &str, topic: &str, partition: i32, offset: CommittedOffset) {
        self.by_group
            .entry(group.to_owned())
            .or_default()
            .entry(topic.to_owned())
            .or_default()
            .insert(partition, offset);
    }

    pub(crate) fn get(&self, group: &str, topic: &str, partition: i32) -> Option<&CommittedOffset> {
        self.by_group.get(group)?.get(topic)?.get(&partition)
    }

    /// Every offset of `group`, by topic (sorted) and partition.
    pub(crate) fn group(&self, group: &str) -> impl Iterator<Item = (&str, &TopicOffsets)> {
        self.by_group.get(group).into_iter().flatten().map(|(t, p)| (t.as_str(), p))
    }

    pub(crate) fn has_offsets(&self, group: &str) -> bool {
        self.by_group.get(group).is_some_and(|topics| topics.values().any(|p| !p.is_empty()))
    }

    /// Removes one offset; whether there was one.
    pub(crate) fn delete(&mut self, group: &str, topic: &str, partition: i32) -> bool {
        let Some(topics) = self.by_group.get_mut(group) else {
            return false;
        };
        let removed = topics.get_mut(topic).and_then(|p| p.remove(&partition)).is_some();
        topics.retain(|_, p| !p.is_empty());
        if topics.is_empty() {
            self.by_group.remove(group);
        }
        removed
    }

    /// Holds `offset` pending in transaction `txn_number` of `producer_id`. A leftover of an
    /// earlier transaction of the producer (a commit that raced its end) is dropped.
    pub(crate) fn add_pending(
        &mut self,
        group: &str,
        producer_id: i64,
        txn_number: u64,
        topic: &str,
        partition: i32,
        offset: CommittedOffset,
    ) {
        let pending = self.pending.entry(group.to_owned()).or_default().entry(producer_id).or_default();
        if pending.txn_number != txn_number {
            *pending = PendingTxnOffsets { txn_number, offsets: BTreeMap::new() };
        }
        pending.offsets.insert((topic.to_owned(), partition), offset);
    }

    /// Ends transaction `txn_number` of `producer_id` for `group`: its pending offsets are
    /// committed (`commit`) or dropped. Returns how many were committed.
    pub(crate) fn settle_pending(&mut self, group: &str, producer_id: i64, txn_number: u64, commit: bool) -> usize {
        let Some(by_producer) = self.pending.get_mut(group) else {
            return 0;
        };
        let settled = by_producer.remove(&producer_id);
        if by_producer.is_empty() {
            self.pending.remove(group);
        }
        let Some(settled) = settled.filter(|p| commit && p.txn_number == txn_number) else {
            return 0;
        };
        let n = settled.offsets.len();
        for ((topic, partition), offset) in settled.offsets {
            self.commit(group, &topic, partition, offset);
        }
        n
    }

    /// Whether a transaction holds an offset of `group` for `topic`-`partition` pending (Kafka
    /// answers an OffsetFetch with `require_stable` UNSTABLE_OFFSET_COMMIT for it).
    pub(crate) fn has_pending(&self, group: &str, topic: &str, partition: i32) -> bool {
        self.pending.get(group).is_some_and(|by_producer| {
            by_producer.values().any(|p| p.offsets.keys().any(|(t, i)| t == topic && *i == partition))
        })
    }

    /// Removes every offset of `group`; how many there were.
    pub(crate) fn delete_group(&mut self, group: &str) -> usize {
        self.pending.remove(group);
        self.by_group.remove(group).map_or(0, |topics| topics.values().map(BTreeMap::len).sum())
    }

    /// Removes every group's offsets of a deleted topic.
    pub(crate) fn delete_topic(&mut self, topic: &str) {
        for by_producer in self.pending.values_mut() {
            for p in by_producer.values_mut() {
                p.offsets.retain(|(t, _), _| t != topic);
            }
        }
        for topics in self.by_group.values_mut() {
            topics.remove(topic);
        }
        self.by_group.retain(|_, topics| !topics.is_empty());
    }

    /// Removes the offsets of `group` for which `expired(topic, offset)` holds.
    pub(crate) fn expire(&mut self, group: &str, mut expired: impl FnMut(&str, &CommittedOffset) -> bool) -> usize {
        let Some(topics) = self.by_group.get_mut(group) else {
            return 0;
        };
        let mut removed = 0;
        for (topic, partitions) in topics.iter_mut() {
            let before = partitions.len();
            partitions.retain(|_, o| !expired(topic, o));
            removed += before - partitions.len();
        }
        topics.retain(|_, p| !p.is_empty());
        if topics.is_empty() {
            self.by_group.remove(group);
        }
        removed
    }
}

/// Commits and their kin, on the coordinator (its fields are visible to this child module; the
/// offsets' own logic stays in the store).
impl GroupCoordinator {
    /// OffsetCommit of `offsets` (topics and partitions already checked to exist): one error
    /// code per offset, in order.
    pub(crate) fn commit(
        &mut self,
        from: CommitFrom<'_>,
        offsets: &[OffsetToCommit],
        now: Instant,
        now_ms: i64,
    ) -> Vec<ErrorCode> {
        let all = |code: ErrorCode| vec![code; offsets.len()];
        if let Some(cg) = self.consumer.get(from.group_id) {
            if let Err(code) = cg.validate_offsets(from.member_id, from.generation) {
                return all(code);
            }
            if from.version < 9 && !from.member_id.is_empty() {
                // Members of consumer groups commit with v9+ (member epochs).
                return all(ErrorCode::UNSUPPORTED_VERSION);
            }
        } else if !self.groups.contains_key(from.group_id) {
            if from.generation >= 0 {
                // v9+ say the group is unknown; older versions keep the historical answer.
                return all(if from.version >= 9 {
                    ErrorCode::GROUP_ID_NOT_FOUND
                } else {
                    ErrorCode::ILLEGAL_GENERATION
                });
            }
            // A simple group: committed to by a consumer that assigns partitions itself.
            self.create_group(from.group_id, now_ms);
        }
        let checked = self.with_group(from.group_id, now, now_ms, |g, env| {
            // (A consumer group was checked above: `with_group` finds no classic group.)
            rebalance::validate_offset_commit(g, env, from.member_id, from.instance_id, from.generation)
        });
        if let Some(Err(code)) = checked {
            return all(code);
        }
        let expire_ms = (from.retention_ms != -1).then(|| now_ms.saturating_add(from.retention_ms));
        offsets
            .iter()
            .map(|o| match self.checked(o, now_ms, expire_ms) {
                Ok(committed) => {
                    self.offsets.commit(from.group_id, &o.topic, o.partition, committed);
                    ErrorCode::NONE
                }
                Err(code) => code,
            })
            .collect()
    }

    /// A committed offset; `None` if there is none (or no such group).
    /// Whether an open transaction holds an offset of the partition for the group.
    pub(crate) fn has_pending_offset(&self, group: &str, topic: &str, partition: i32) -> bool {
        self.offsets.has_pending(group, topic, partition)
    }

    pub(crate) fn committed(&self, group: &str, topic: &str, partition: i32) -> Option<&CommittedOffset> {
        if !self.has_group(group) {
            return None;
        }
        self.offsets.get(group, topic, partition)
    }

    /// Every committed offset of a group, by topic and partition.
    pub(crate) fn all_committed(&self, group: &str) -> Vec<(String, Vec<(i32, CommittedOffset)>)> {
        if !self.has_group(group) {
            return Vec::new();
        }
        self.offsets
            .group(group)
            .map(|(t, p)| (t.to_owned(), p.iter().map(|(i, o)| (*i, o.clone())).collect()))
            .collect()
    }

    /// OffsetDelete (topics and partitions already checked to exist): per topic, per partition
    /// error codes, or a group-level error.
    pub(crate) fn delete_offsets(
        &mut self,
        group: &str,
        topics: &[(String, Vec<i32>)],
    ) -> Result<PartitionCodes, ErrorCode> {
        let subscribed: Vec<bool> = if let Some(cg) = self.consumer.get(group) {
            topics.iter().map(|(t, _)| cg.is_subscribed_to(t)).collect()
        } else {
            let g = self.groups.get(group).filter(|g| !g.is(GroupState::Dead)).ok_or(ErrorCode::GROUP_ID_NOT_FOUND)?;
            if !g.is(GroupState::Empty) && !g.uses_consumer_protocol() {
                return Err(ErrorCode::NON_EMPTY_GROUP);
            }
            topics.iter().map(|(t, _)| g.is_subscribed_to(t)).collect()
        };
        Ok(topics
            .iter()
            .zip(subscribed)
            .map(|((topic, partitions), subscribed)| {
                let codes = partitions
                    .iter()
                    .map(|&p| {
                        if subscribed {
                            (p, ErrorCode::GROUP_SUBSCRIBED_TO_TOPIC)
                        } else {
                            self.offsets.delete(group, topic, p);
                            (p, ErrorCode::NONE)
                        }
                    })
                    .collect();
                (topic.clone(), codes)
            })
            .collect())
    }

    /// Topics were deleted: their committed offsets go too (as Kafka's coordinator does).
    pub(crate) fn topics_deleted(&mut self, topics: &[String]) {
        for t in topics {
            self.offsets.delete_topic(t);
        }
    }

    /// Expires offsets as Kafka's periodic cleanup does, and deletes empty groups left
    /// without offsets.
    pub(super) fn cleanup(&mut self, now_ms: i64) {
        let retention = self.config.offsets_retention_ms;
        let mut dead = Vec::new();
        for g in self.groups.values() {
            // Simple groups count from each commit; consumer groups once empty; active groups never.
            let base_is_commit = g.protocol_type.is_none();
            if !base_is_commit && !g.is(GroupState::Empty) {
                continue;
            }
            let since = g.state_since_ms;
            self.offsets.expire(&g.id, |topic, o| {
                !g.is_subscribed_to(topic)
                    && o.is_expired(now_ms, if base_is_commit { o.commit_ms } else { since }, retention)
            });
            if g.is(GroupState::Empty) && !self.offsets.has_offsets(&g.id) {
                dead.push(g.id.clone());
            }
        }
        for id in dead {
            let _ = self.delete_group(&id, now_ms);
        }
    }
    /// TxnOffsetCommit of `offsets` (topics and partitions already checked to exist, the
    /// transaction already verified) for transaction `txn_number` of `producer_id`: one error
    /// code per offset, or the group's refusal of the whole request. The group checks are Kafka's for transactional commits: an unknown
    /// group is created as a simple group only for generation -1; members and generations are
    /// checked when given (v3+); neither an old request without them nor a rebalance in
    /// progress is refused.
    pub(crate) fn txn_offset_commit(
        &mut self,
        from: CommitFrom<'_>,
        producer_id: i64,
        txn_number: u64,
        offsets: &[OffsetToCommit],
        now_ms: i64,
    ) -> Result<Vec<ErrorCode>, ErrorCode> {
        if !self.groups.contains_key(from.group_id) {
            if from.generation >= 0 {
                return Err(ErrorCode::ILLEGAL_GENERATION);
            }
            self.create_group(from.group_id, now_ms);
        }
        let g = self.groups.get(from.group_id).ok_or(ErrorCode::UNKNOWN_SERVER_ERROR)?;
        if g.is(GroupState::Dead) {
            return Err(ErrorCode::COORDINATOR_NOT_AVAILABLE);
        }
        let simple = from.generation < 0 && g.is(GroupState::Empty);
        if !simple && (from.generation >= 0 || !from.member_id.is_empty() || from.instance_id.is_some()) {
            g.validate_member(from.member_id, from.instance_id).map_err(|e| ErrorCode(e.code()))?;
            if from.generation != g.generation {
                return Err(ErrorCode::ILLEGAL_GENERATION);
            }
        }
        Ok(offsets
            .iter()
            .map(|o| match self.checked(o, now_ms, None) {
                Ok(pending) => {
                    self.offsets.add_pending(from.group_id, producer_id, txn_number, &o.topic, o.partition, pending);
                    ErrorCode::NONE
                }
                Err(code) => code,
            })
            .collect())
    }

    /// The offset to store for `o` committed at `now_ms`, or OFFSET_METADATA_TOO_LARGE.
    fn checked(&self, o: &OffsetToCommit, now_ms: i64, expire_ms: Option<i64>) -> Result<CommittedOffset, ErrorCode> {
        if o.metadata.as_ref().is_some_and(|m| m.len() > self.config.offset_metadata_max_bytes) {
            return Err(ErrorCode::OFFSET_METADATA_TOO_LARGE);
        }
        Ok(CommittedOffset {
            offset: o.offset,
            leader_epoch: o.leader_epoch,
            metadata: o.metadata.clone().unwrap_or_default(),
            commit_ms: now_ms,
            expire_ms,
        })
    }

    /// A transaction of `producer_id` that committed offsets to `group` ended.
    pub(crate) fn settle_txn_offsets(&mut self, group: &str, producer_id: i64, txn_number: u64, commit: bool) {
        let n = self.offsets.settle_pending(group, producer_id, txn_number, commit);
        if n > 0 {
            tracing::debug!(group, producer_id, offsets = n, "transactional offsets committed");
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use tokio::sync::Notify;

    use super::*;
    use crate::groups::GroupConfig;

    fn offset(n: i64) -> OffsetToCommit {
        OffsetToCommit { topic: "t".into(), partition: 0, offset: n, leader_epoch: -1, metadata: None }
    }

    fn simple(group: &str) -> CommitFrom<'_> {
        CommitFrom { group_id: group, generation: -1, member_id: "", instance_id: None, retention_ms: -1, version: 3 }
    }

    #[test]
    fn transactional_offsets_stay_pending_until_the_transaction_commits() {
        let mut c = GroupCoordinator::new(GroupConfig::default(), Arc::new(Notify::new()));
        assert_eq!(c.txn_offset_commit(simple("g"), 7, 1, &[offset(5)], 0), Ok(vec![ErrorCode::NONE]));
        assert!(c.offsets.has_pending("g", "t", 0));
        assert_eq!(c.committed("g", "t", 0), None, "invisible while pending");
        c.settle_txn_offsets("g", 7, 1, true);
        assert_eq!(c.committed("g", "t", 0).map(|o| o.offset), Some(5));
        assert!(!c.offsets.has_pending("g", "t", 0));
    }

    #[test]
    fn an_abort_drops_them_and_a_stale_transaction_commits_nothing() {
        let mut c = GroupCoordinator::new(GroupConfig::default(), Arc::new(Notify::new()));
        c.txn_offset_commit(simple("g"), 7, 1, &[offset(5)], 0).expect("accepted");
        c.settle_txn_offsets("g", 7, 1, false);
        assert_eq!(c.committed("g", "t", 0), None);
        // Pending from transaction 2; the end of transaction 3 must not commit them.
        c.txn_offset_commit(simple("g"), 7, 2, &[offset(6)], 0).expect("accepted");
        c.settle_txn_offsets("g", 7, 3, true);
        assert_eq!(c.committed("g", "t", 0), None);
    }

    #[test]
    fn an_unknown_group_with_a_generation_is_illegal_generation() {
        let mut c = GroupCoordinator::new(GroupConfig::default(), Arc::new(Notify::new()));
        let from = CommitFrom { generation: 3, member_id: "m", ..simple("g") };
        assert_eq!(c.txn_offset_commit(from, 7, 1, &[offset(5)], 0), Err(ErrorCode::ILLEGAL_GENERATION));
        assert!(c.group("g").is_none());
    }
}

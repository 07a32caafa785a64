//! Committed offsets, by group, topic name and partition (what Kafka keeps in
//! `__consumer_offsets`), and their expiration.
//!
//! The store does not care which protocol the group uses: the classic protocol commits here
//! today, and KIP-848 consumer groups will commit to the same store.

use std::collections::{BTreeMap, HashMap};

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

/// Offsets of every group.
#[derive(Debug, Default)]
pub(crate) struct OffsetStore {
    by_group: HashMap<String, BTreeMap<String, TopicOffsets>>,
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

    /// Removes every offset of `group`; how many there were.
    pub(crate) fn delete_group(&mut self, group: &str) -> usize {
        self.by_group.remove(group).map_or(0, |topics| topics.values().map(BTreeMap::len).sum())
    }

    /// Removes every group's offsets of a deleted topic.
    pub(crate) fn delete_topic(&mut self, topic: &str) {
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

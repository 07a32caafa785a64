//! Position validation after a leader change (KIP-320).
//!
//! A partition's position remembers the leader epoch of the record before it (the last one
//! handed out). When the metadata shows a newer leader epoch, the position is checked before
//! fetching on: OffsetForLeaderEpoch asks the new leader where that epoch ends in its log. An
//! end before the position means the log was truncated under the consumer (an unclean leader
//! election): records it already returned are gone, and records written since at those offsets
//! are different ones. As the Java client does, the consumer then continues from the end of the
//! epoch when `auto.offset.reset` is `earliest` or `latest`, and fails the next poll when it is
//! `none` (the application decides where to go with `seek`).

use kfk_protocol::messages::offset_for_leader_epoch::request::{OffsetForLeaderPartition, OffsetForLeaderTopic};
use kfk_protocol::messages::OffsetForLeaderEpochRequest;

use crate::config::OffsetReset;
use crate::types::TopicPartition;

/// One partition to validate: its position and the epoch of the record before it, against the
/// leader epoch the metadata now shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Check {
    pub(crate) tp: TopicPartition,
    pub(crate) position: i64,
    pub(crate) offset_epoch: i32,
    pub(crate) current_leader_epoch: i32,
}

/// What a validation answer means for the position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The log holds the position's epoch up to the position or beyond: go on.
    Valid,
    /// The log was truncated: continue from `offset` (the end of the position's epoch).
    Truncated { offset: i64 },
    /// The log was truncated and `auto.offset.reset=none`: the application must seek.
    TruncatedFail { offset: i64 },
    /// The leader knows nothing of the epoch: find a position per `auto.offset.reset`.
    Reset(OffsetReset),
    /// As `Reset`, but `auto.offset.reset=none`.
    ResetFail,
}

/// Decides from the leader's answer (`end_offset` of the largest epoch up to the asked one).
pub(crate) fn outcome(position: i64, end_offset: i64, reset: OffsetReset) -> Outcome {
    match (end_offset, reset) {
        (e, OffsetReset::None) if e < 0 => Outcome::ResetFail,
        (e, reset) if e < 0 => Outcome::Reset(reset),
        (e, OffsetReset::None) if e < position => Outcome::TruncatedFail { offset: e },
        (e, _) if e < position => Outcome::Truncated { offset: e },
        _ => Outcome::Valid,
    }
}

/// The OffsetForLeaderEpoch request (as a consumer: replica id -2) for `checks`.
pub(crate) fn request(checks: &[Check]) -> OffsetForLeaderEpochRequest {
    let mut topics: Vec<OffsetForLeaderTopic> = Vec::new();
    for check in checks {
        let partition = OffsetForLeaderPartition {
            partition: check.tp.partition,
            current_leader_epoch: check.current_leader_epoch,
            leader_epoch: check.offset_epoch,
            ..Default::default()
        };
        match topics.iter_mut().find(|t| t.topic.as_str() == &*check.tp.topic) {
            Some(t) => t.partitions.push(partition),
            None => topics.push(OffsetForLeaderTopic {
                topic: check.tp.topic.to_string(),
                partitions: vec![partition],
                ..Default::default()
            }),
        }
    }
    OffsetForLeaderEpochRequest { replica_id: -2, topics, ..Default::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_is_an_end_before_the_position() {
        assert_eq!(outcome(100, 100, OffsetReset::Earliest), Outcome::Valid);
        assert_eq!(outcome(100, 250, OffsetReset::None), Outcome::Valid);
        assert_eq!(outcome(100, 60, OffsetReset::Latest), Outcome::Truncated { offset: 60 });
        assert_eq!(outcome(100, 60, OffsetReset::None), Outcome::TruncatedFail { offset: 60 });
        assert_eq!(outcome(100, -1, OffsetReset::Earliest), Outcome::Reset(OffsetReset::Earliest));
        assert_eq!(outcome(100, -1, OffsetReset::None), Outcome::ResetFail);
    }

    #[test]
    fn requests_group_by_topic() {
        let check = |t: &str, p: i32| Check {
            tp: TopicPartition::new(t, p),
            position: 10,
            offset_epoch: 3,
            current_leader_epoch: 5,
        };
        let r = request(&[check("a", 0), check("b", 0), check("a", 1)]);
        assert_eq!(r.replica_id, -2);
        assert_eq!(r.topics.len(), 2);
        assert_eq!(r.topics[0].partitions.len(), 2);
        assert_eq!((r.topics[0].partitions[1].leader_epoch, r.topics[0].partitions[1].current_leader_epoch), (3, 5));
    }
}

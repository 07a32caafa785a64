//! TxnOffsetCommit: offsets committed inside a transaction, served by the group's coordinator and
//! held pending until the transaction ends (see [`crate::groups::offsets`]).
//!
//! In Kafka's order: an empty group id is INVALID_GROUP_ID; unknown topics and partitions get
//! UNKNOWN_TOPIC_OR_PARTITION (v6+ name topics by id: UNKNOWN_TOPIC_ID); if anything is left, the rest of the checks answer for every
//! partition of the request: NOT_COORDINATOR at the wrong broker, then the check against the
//! transaction (KIP-890): up to v4 (transaction version 1) the group must have been added with
//! AddOffsetsToTxn (else TRANSACTION_ABORTABLE, INVALID_TXN_STATE before v4); from v5
//! (transaction version 2) this request adds it. Either way the producer id and its current
//! epoch must match (INVALID_PRODUCER_ID_MAPPING, INVALID_PRODUCER_EPOCH). Then the group's
//! member and generation (v3+).

use kfk_protocol::messages::txn_offset_commit::response::{
    TxnOffsetCommitResponsePartition, TxnOffsetCommitResponseTopic,
};
use kfk_protocol::messages::{TxnOffsetCommitRequest, TxnOffsetCommitResponse};
use kfk_protocol::ErrorCode;

use crate::groups::{CommitFrom, OffsetToCommit};
use crate::handlers::Ctx;
use crate::state::{now_ms, CoordinatorKind, Shared};
use crate::txn::ProducerIdAndEpoch;

/// How the partition leader (here, the group coordinator) reports a failed verification to a
/// client of this version.
fn verification_error(code: ErrorCode, version: i16) -> ErrorCode {
    match code {
        ErrorCode::PRODUCER_FENCED => ErrorCode::INVALID_PRODUCER_EPOCH,
        ErrorCode::TRANSACTION_ABORTABLE if version < 4 => ErrorCode::INVALID_TXN_STATE,
        other => other,
    }
}

fn answer_all(request: &TxnOffsetCommitRequest, code: ErrorCode) -> TxnOffsetCommitResponse {
    let topics = request
        .topics
        .iter()
        .map(|t| TxnOffsetCommitResponseTopic {
            name: t.name.clone(),
            topic_id: t.topic_id,
            partitions: t
                .partitions
                .iter()
                .map(|p| TxnOffsetCommitResponsePartition {
                    partition_index: p.partition_index,
                    error_code: code.0,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    TxnOffsetCommitResponse { topics, ..Default::default() }
}

pub(crate) fn txn_offset_commit(
    shared: &Shared,
    ctx: &Ctx,
    request: TxnOffsetCommitRequest,
) -> TxnOffsetCommitResponse {
    let v = ctx.version;
    if request.group_id.is_empty() {
        return answer_all(&request, ErrorCode::INVALID_GROUP_ID);
    }
    let producer = ProducerIdAndEpoch { id: request.producer_id, epoch: request.producer_epoch };
    // Per request partition: its fixed error, or the index of its offset in `to_commit`.
    let mut slots: Vec<Vec<Result<usize, ErrorCode>>> = Vec::with_capacity(request.topics.len());
    let mut to_commit = Vec::new();
    let verified = {
        let mut state = shared.state();
        for t in &request.topics {
            let name = if v >= 6 { state.topic_name(t.topic_id).map(str::to_owned) } else { Some(t.name.clone()) };
            let unknown =
                if name.is_some() { ErrorCode::UNKNOWN_TOPIC_OR_PARTITION } else { ErrorCode::UNKNOWN_TOPIC_ID };
            let partitions = name.as_deref().and_then(|n| state.topic(n)).map_or(0, |topic| topic.partitions.len());
            slots.push(
                t.partitions
                    .iter()
                    .map(|p| {
                        if usize::try_from(p.partition_index).is_ok_and(|i| i < partitions) {
                            to_commit.push(OffsetToCommit {
                                topic: name.clone().unwrap_or_default(),
                                partition: p.partition_index,
                                offset: p.committed_offset,
                                leader_epoch: p.committed_leader_epoch,
                                metadata: p.committed_metadata.clone(),
                            });
                            Ok(to_commit.len() - 1)
                        } else {
                            Err(unknown)
                        }
                    })
                    .collect(),
            );
        }
        if to_commit.is_empty() {
            Ok(None)
        } else if state.coordinator(CoordinatorKind::Group, &request.group_id) != ctx.broker {
            Err(ErrorCode::NOT_COORDINATOR)
        } else if v >= 5 {
            state
                .txns
                .add_offsets(&request.transactional_id, producer, &request.group_id, now_ms())
                .map(Some)
                .map_err(|c| verification_error(c, v))
        } else {
            state
                .txns
                .verify_group(&request.transactional_id, producer, &request.group_id)
                .map(Some)
                .map_err(|c| verification_error(c, v))
        }
    };
    let codes = match verified {
        Err(code) => return answer_all(&request, code),
        Ok(None) => Vec::new(),
        Ok(Some(txn_number)) => {
            let from = CommitFrom {
                group_id: &request.group_id,
                generation: request.generation_id_or_member_epoch,
                member_id: &request.member_id,
                instance_id: request.group_instance_id.as_deref(),
                retention_ms: -1,
                version: v,
            };
            let committed =
                shared.groups().txn_offset_commit(from, request.producer_id, txn_number, &to_commit, now_ms());
            match committed {
                Ok(codes) => codes,
                // A group-level refusal answers the whole request, as Kafka's failed write does.
                Err(code) => return answer_all(&request, code),
            }
        }
    };
    let topics = request
        .topics
        .iter()
        .zip(slots)
        .map(|(t, topic_slots)| TxnOffsetCommitResponseTopic {
            name: t.name.clone(),
            topic_id: t.topic_id,
            partitions: t
                .partitions
                .iter()
                .zip(topic_slots)
                .map(|(p, slot)| TxnOffsetCommitResponsePartition {
                    partition_index: p.partition_index,
                    error_code: match slot {
                        Ok(i) => codes.get(i).copied().unwrap_or(ErrorCode::UNKNOWN_SERVER_ERROR).0,
                        Err(code) => code.0,
                    },
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    TxnOffsetCommitResponse { topics, ..Default::default() }
}

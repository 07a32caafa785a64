//! ListOffsets (earliest -2, latest -1, max timestamp -3, earliest local -4, by timestamp) and
//! OffsetForLeaderEpoch, both answered from the partition's log and leader epoch cache. With
//! isolation level read_committed, latest is the last stable offset and a timestamp lookup does
//! not look past it, as in Kafka.
//!
//! A timestamp lookup (by timestamp, max timestamp) reads the records of one batch, which
//! means decompressing it (up to 64 MiB): the batch is taken under the cluster lock and read
//! after releasing it, on the decompression pool when compressed, as Produce's checks are.

use kfk_protocol::messages::list_offsets::response::{ListOffsetsPartitionResponse, ListOffsetsTopicResponse};
use kfk_protocol::messages::offset_for_leader_epoch::response::{EpochEndOffset, OffsetForLeaderTopicResult};
use kfk_protocol::messages::{
    ListOffsetsRequest, ListOffsetsResponse, OffsetForLeaderEpochRequest, OffsetForLeaderEpochResponse,
};

use crate::handlers::{Ctx, Served};
use crate::log::TimestampLookup;
use crate::state::{ClusterState, Partition, Shared};
use kfk_protocol::ErrorCode;

const LATEST: i64 = -1;
const EARLIEST: i64 = -2;
const MAX_TIMESTAMP: i64 = -3;
const EARLIEST_LOCAL: i64 = -4;
/// Isolation level READ_COMMITTED.
const READ_COMMITTED: i8 = 1;

/// The partition if this broker leads it and the client's leader epoch (if any) matches.
fn led_partition<'a>(
    state: &'a ClusterState,
    ctx: &Ctx,
    topic: &str,
    partition: i32,
    current_leader_epoch: i32,
) -> Result<&'a Partition, i16> {
    if let Some(code) = ctx.partition_fault(topic, partition) {
        return Err(code);
    }
    let p = usize::try_from(partition)
        .ok()
        .and_then(|i| state.topic(topic).and_then(|t| t.partitions.get(i)))
        .ok_or(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0)?;
    if p.leader != ctx.broker {
        return Err(ErrorCode::NOT_LEADER_OR_FOLLOWER.0);
    }
    if current_leader_epoch >= 0 && current_leader_epoch < p.leader_epoch {
        return Err(ErrorCode::FENCED_LEADER_EPOCH.0);
    }
    if current_leader_epoch > p.leader_epoch {
        return Err(ErrorCode::UNKNOWN_LEADER_EPOCH.0);
    }
    Ok(p)
}

pub(crate) async fn handle(shared: &Shared, ctx: &Ctx, request: ListOffsetsRequest) -> Served {
    let v = ctx.version;
    let mut response = ListOffsetsResponse::default();
    // Timestamp lookups to finish without the lock: (topic, partition) in the response, the
    // lookup, the highest offset the answer may have.
    let mut lookups: Vec<(usize, usize, TimestampLookup, i64)> = Vec::new();
    {
        let state = shared.state();
        for t in &request.topics {
            let mut topic = ListOffsetsTopicResponse { name: t.name.clone(), ..Default::default() };
            for p in &t.partitions {
                let mut r = ListOffsetsPartitionResponse {
                    partition_index: p.partition_index,
                    timestamp: -1,
                    offset: -1,
                    leader_epoch: -1,
                    ..Default::default()
                };
                let epoch = if v >= 4 { p.current_leader_epoch } else { -1 };
                match led_partition(&state, ctx, &t.name, p.partition_index, epoch) {
                    Err(code) => r.error_code = code,
                    Ok(partition) => {
                        let log = &partition.log;
                        // read_committed (v2+) sees only up to the last stable offset.
                        let upper = if v >= 2 && request.isolation_level == READ_COMMITTED {
                            log.last_stable_offset()
                        } else {
                            log.end_offset()
                        };
                        let found = match p.timestamp {
                            LATEST => Some((-1, upper, log.latest_epoch())),
                            EARLIEST | EARLIEST_LOCAL => {
                                Some((-1, log.start_offset(), log.epoch_for_offset(log.start_offset())))
                            }
                            MAX_TIMESTAMP | 0.. => {
                                let wanted = (p.timestamp != MAX_TIMESTAMP).then_some(p.timestamp);
                                if let Some(lookup) = log.timestamp_lookup(wanted) {
                                    let limit = if wanted.is_some() { upper } else { i64::MAX };
                                    lookups.push((response.topics.len(), topic.partitions.len(), lookup, limit));
                                }
                                None
                            }
                            _ => None,
                        };
                        if let Some(found) = found {
                            answer(&mut r, found, v);
                        }
                    }
                }
                topic.partitions.push(r);
            }
            response.topics.push(topic);
        }
    }
    if lookups.is_empty() {
        return response.into();
    }
    let resolve = move |lookups: Vec<(usize, usize, TimestampLookup, i64)>| {
        lookups
            .into_iter()
            .map(|(t, p, lookup, limit)| (t, p, lookup.resolve().filter(|&(_, offset, _)| offset < limit)))
            .collect::<Vec<_>>()
    };
    let found = if lookups.iter().any(|(_, _, l, _)| l.is_heavy()) {
        match crate::limits::decompress(&shared.decompression, move || resolve(lookups)).await {
            Some(found) => found,
            None => return Served::Close,
        }
    } else {
        resolve(lookups)
    };
    for (t, p, found) in found {
        if let (Some(r), Some(found)) = (response.topics.get_mut(t).and_then(|t| t.partitions.get_mut(p)), found) {
            answer(r, found, v);
        }
    }
    response.into()
}

/// Fills in a found (timestamp, offset, leader epoch).
fn answer(r: &mut ListOffsetsPartitionResponse, (timestamp, offset, leader_epoch): (i64, i64, i32), v: i16) {
    r.timestamp = timestamp;
    r.offset = offset;
    if v >= 4 {
        r.leader_epoch = leader_epoch;
    }
}

pub(crate) fn offset_for_leader_epoch(
    shared: &Shared,
    ctx: &Ctx,
    request: OffsetForLeaderEpochRequest,
) -> OffsetForLeaderEpochResponse {
    let state = shared.state();
    let mut response = OffsetForLeaderEpochResponse::default();
    for t in &request.topics {
        let mut topic = OffsetForLeaderTopicResult { topic: t.topic.clone(), ..Default::default() };
        for p in &t.partitions {
            let mut r =
                EpochEndOffset { partition: p.partition, leader_epoch: -1, end_offset: -1, ..Default::default() };
            match led_partition(&state, ctx, &t.topic, p.partition, p.current_leader_epoch) {
                Err(code) => r.error_code = code,
                Ok(partition) => {
                    let (epoch, end) = partition.log.end_offset_for_epoch(p.leader_epoch);
                    r.leader_epoch = epoch;
                    r.end_offset = end;
                }
            }
            topic.partitions.push(r);
        }
        response.topics.push(topic);
    }
    response
}

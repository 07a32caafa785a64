//! ListOffsets (earliest -2, latest -1, max timestamp -3, earliest local -4, by timestamp) and
//! OffsetForLeaderEpoch, both answered from the partition's log and leader epoch cache. With
//! isolation level read_committed, latest is the last stable offset and a timestamp lookup does
//! not look past it, as in Kafka.

use kafka_protocol::messages::list_offsets::response::{ListOffsetsPartitionResponse, ListOffsetsTopicResponse};
use kafka_protocol::messages::offset_for_leader_epoch::response::{EpochEndOffset, OffsetForLeaderTopicResult};
use kafka_protocol::messages::{
    ListOffsetsRequest, ListOffsetsResponse, OffsetForLeaderEpochRequest, OffsetForLeaderEpochResponse,
};

use crate::dispatch::Ctx;
use crate::state::{ClusterState, Partition, Shared};
use kafka_protocol::ErrorCode;

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

pub(crate) fn handle(shared: &Shared, ctx: &Ctx, request: ListOffsetsRequest) -> ListOffsetsResponse {
    let v = ctx.version;
    let state = shared.state();
    let mut response = ListOffsetsResponse::default();
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
                        MAX_TIMESTAMP => log.max_timestamp().map(|(o, ts)| (ts, o, log.epoch_for_offset(o))),
                        ts if ts >= 0 => log
                            .offset_for_timestamp(ts)
                            .filter(|&(o, _)| o < upper)
                            .map(|(o, ts)| (ts, o, log.epoch_for_offset(o))),
                        _ => None,
                    };
                    if let Some((ts, offset, leader_epoch)) = found {
                        r.timestamp = ts;
                        r.offset = offset;
                        if v >= 4 {
                            r.leader_epoch = leader_epoch;
                        }
                    }
                }
            }
            topic.partitions.push(r);
        }
        response.topics.push(topic);
    }
    response
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

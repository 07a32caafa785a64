//! DeleteRecords: moves a partition's log start forward, on its leader, as
//! `kafka-delete-records` asks. An offset of -1 means the high watermark; one past the high
//! watermark is OFFSET_OUT_OF_RANGE; the answer carries the new low watermark (log start).

use kfk_protocol::messages::delete_records::response::{DeleteRecordsPartitionResult, DeleteRecordsTopicResult};
use kfk_protocol::messages::{DeleteRecordsRequest, DeleteRecordsResponse};
use kfk_protocol::ErrorCode;

use crate::handlers::Ctx;
use crate::state::Shared;

/// The request's "up to the high watermark".
const HIGH_WATERMARK: i64 = -1;

pub(crate) fn handle(shared: &Shared, ctx: &Ctx, request: DeleteRecordsRequest) -> DeleteRecordsResponse {
    let mut state = shared.state();
    let topics = request
        .topics
        .iter()
        .map(|t| DeleteRecordsTopicResult {
            name: t.name.clone(),
            partitions: t
                .partitions
                .iter()
                .map(|p| {
                    let mut r = DeleteRecordsPartitionResult {
                        partition_index: p.partition_index,
                        low_watermark: -1,
                        ..Default::default()
                    };
                    if let Some(code) = ctx.partition_fault(&t.name, p.partition_index) {
                        r.error_code = code;
                        return r;
                    }
                    let partition = usize::try_from(p.partition_index)
                        .ok()
                        .and_then(|i| state.topic_mut(&t.name).and_then(|topic| topic.partitions.get_mut(i)));
                    let Some(partition) = partition else {
                        r.error_code = ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0;
                        return r;
                    };
                    if partition.leader != ctx.broker {
                        r.error_code = ErrorCode::NOT_LEADER_OR_FOLLOWER.0;
                        return r;
                    }
                    let end = partition.log.end_offset();
                    let target = if p.offset == HIGH_WATERMARK { end } else { p.offset };
                    if target < 0 || target > end {
                        r.error_code = ErrorCode::OFFSET_OUT_OF_RANGE.0;
                        return r;
                    }
                    r.low_watermark = partition.log.delete_before(target);
                    partition.producers.truncate_head(r.low_watermark);
                    r
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    DeleteRecordsResponse { topics, ..Default::default() }
}

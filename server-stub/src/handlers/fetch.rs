//! Fetch: whole batches from the one holding the fetch offset, within `partition_max_bytes`
//! and `max_bytes` (Kafka's log read: the last batch may be cut short; the first batch of the
//! first partition with data is returned whole even when larger than the limits), with the
//! high watermark, last stable offset and log start offset. A read_committed fetch reads only
//! below the last stable offset and lists the aborted transactions in what it read.
//!
//! When less than `min_bytes` is available the request is parked, up to `max_wait_ms` (capped
//! at [`MAX_WAIT`]): it registers a `Notify` with every partition it reads and re-reads when
//! one of them changes. An error in any partition answers at once, as in Kafka.
//!
//! Fetch sessions (KIP-227): [`crate::fetch_session`] decides whether a request is sessionless,
//! full or incremental (and which partitions an incremental one reads); the response of a full
//! request opens a session, that of an incremental one carries only the partitions with news.
//! From v12 a partition's `last_fetched_epoch` is checked against the leader epoch cache, as
//! Kafka does (KIP-320): when that epoch ends before the fetch offset in this log (after a
//! truncation, see [`crate::Faults::truncate_log`]), the answer names the diverging epoch and
//! where it ends, with no records.
//!
//! Follower fetching (KIP-392): from v11 a consumer may fetch a partition from any of its
//! replicas (all in sync here, so a follower serves the same data). With
//! [`crate::StubClusterBuilder::rack_aware_replica_selector`], a leader answering a consumer
//! with a `rack_id` names a live follower in that rack as `preferred_read_replica` and returns
//! no records, as Kafka's `RackAwareReplicaSelector` does.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use kfk_protocol::messages::fetch::request::{FetchPartition, FetchTopic};
use kfk_protocol::messages::fetch::response::{
    AbortedTransaction, EpochEndOffset, FetchableTopicResponse, LeaderIdAndEpoch, NodeEndpoint, PartitionData,
};
use kfk_protocol::messages::{FetchRequest, FetchResponse};
use kfk_protocol::Uuid;
use tokio::sync::Notify;
use tokio::time::Instant;

use crate::handlers::Ctx;
use crate::state::{ClusterState, Shared};
use kfk_protocol::ErrorCode;

/// The longest a fetch waits for `min_bytes`, whatever its `max_wait_ms`.
pub(crate) const MAX_WAIT: Duration = Duration::from_secs(60);

/// Isolation level READ_COMMITTED.
const READ_COMMITTED: i8 = 1;

/// One pass over the request's partitions.
struct Pass {
    response: FetchResponse,
    bytes: usize,
    /// An error or a diverging epoch: the answer goes out at once, as in Kafka.
    answer_now: bool,
    /// Partitions read, to park on: (topic, partition index).
    read: Vec<(String, usize)>,
}

pub(crate) async fn handle(shared: &Shared, ctx: &Ctx, request: FetchRequest) -> FetchResponse {
    let v = ctx.version;
    let begun = shared.state().fetch_sessions.begin(ctx.broker, &request, v);
    let (context, topics) = match begun {
        Ok(begun) => begun,
        Err(code) => {
            return FetchResponse { error_code: code.0, session_id: request.session_id, ..Default::default() };
        }
    };
    let wait = Duration::from_millis(u64::try_from(request.max_wait_ms).unwrap_or(0)).min(MAX_WAIT);
    let deadline = Instant::now() + wait;
    let waiter = Arc::new(Notify::new());
    // Read before the state lock: the stub never holds two locks at once.
    let replaced = shared.faults().replaced_records();
    loop {
        let expired = Instant::now() >= deadline;
        let pass = {
            let mut state = shared.state();
            let pass = read_once(shared, &state, ctx, &request, &topics, &replaced);
            let ready =
                expired || request.min_bytes <= 0 || pass.bytes >= request.min_bytes as usize || pass.answer_now;
            if ready {
                let mut response = pass.response;
                response.session_id =
                    state.fetch_sessions.finish(ctx.broker, &context, v, &topics, &mut response.responses);
                return response;
            }
            for (topic, index) in &pass.read {
                if let Some(p) = state.topic_mut(topic).and_then(|t| t.partitions.get_mut(*index)) {
                    p.log.add_waiter(&waiter);
                }
            }
            pass
        };
        drop(pass);
        let _ = tokio::time::timeout_at(deadline, waiter.notified()).await;
    }
}

/// Reads `topics` (the request's, or an incremental request's whole session).
/// `replaced`: bytes a fault puts in place of a partition's records (by topic and partition).
fn read_once(
    shared: &Shared,
    state: &ClusterState,
    ctx: &Ctx,
    request: &FetchRequest,
    topics: &[FetchTopic],
    replaced: &HashMap<(String, i32), Bytes>,
) -> Pass {
    let v = ctx.version;
    let mut pass = Pass { response: FetchResponse::default(), bytes: 0, answer_now: false, read: Vec::new() };
    let mut limit = usize::try_from(request.max_bytes).unwrap_or(0);
    let mut min_one = true;
    let mut leaders_elsewhere = BTreeSet::new();
    for t in topics {
        let name = if v >= 13 { state.topic_name(t.topic_id).map(str::to_owned) } else { Some(t.topic.clone()) };
        let mut topic_response = FetchableTopicResponse {
            topic: if v >= 13 { String::new() } else { t.topic.clone() },
            topic_id: if v >= 13 { t.topic_id } else { Uuid::ZERO },
            ..Default::default()
        };
        for p in &t.partitions {
            let mut data = PartitionData {
                partition_index: p.partition,
                high_watermark: -1,
                last_stable_offset: -1,
                log_start_offset: -1,
                records: Some(Bytes::new()),
                ..Default::default()
            };
            let error = match &name {
                None => Some(ErrorCode::UNKNOWN_TOPIC_ID.0),
                Some(name) => {
                    let error = read_partition(
                        shared,
                        state,
                        ctx,
                        request,
                        name,
                        p,
                        &mut data,
                        &mut limit,
                        &mut min_one,
                        &mut pass,
                    );
                    let read_any = data.records.as_ref().is_some_and(|r| !r.is_empty());
                    if let Some(bytes) = replaced.get(&(name.clone(), p.partition)).filter(|_| read_any) {
                        data.records = Some(bytes.clone());
                    }
                    error
                }
            };
            if let Some(code) = error {
                data.error_code = code;
                pass.answer_now = true;
                if code == ErrorCode::NOT_LEADER_OR_FOLLOWER.0 && data.current_leader.leader_id >= 0 {
                    leaders_elsewhere.insert(data.current_leader.leader_id);
                }
            }
            topic_response.partitions.push(data);
        }
        pass.response.responses.push(topic_response);
    }
    if v >= 16 {
        pass.response.node_endpoints = leaders_elsewhere
            .into_iter()
            .map(|id| NodeEndpoint {
                node_id: id,
                host: "127.0.0.1".to_owned(),
                port: i32::from(shared.port(ctx.listener, id)),
                rack: shared.config.rack(id).map(str::to_owned),
                ..Default::default()
            })
            .collect();
    }
    pass
}

/// The replica a consumer in `request.rack_id` should read `partition` from instead of this
/// leader, when the cluster has the rack-aware selector: the first live follower in that rack
/// which holds `fetch_offset` (the stub's followers are always caught up). `None` when the
/// leader is in the consumer's rack, as Kafka's `RackAwareReplicaSelector` then keeps it.
fn preferred_read_replica(
    shared: &Shared,
    state: &ClusterState,
    request: &FetchRequest,
    partition: &crate::state::Partition,
    fetch_offset: i64,
) -> Option<i32> {
    let config = &shared.config;
    let rack = request.rack_id.as_str();
    if !config.rack_aware_replica_selector || rack.is_empty() || request.replica_id >= 0 {
        return None;
    }
    if config.rack(partition.leader) == Some(rack) {
        return None;
    }
    let log = &partition.log;
    if fetch_offset < log.start_offset() || fetch_offset > log.end_offset() {
        return None; // the leader answers out of range itself
    }
    partition
        .replicas
        .iter()
        .copied()
        .find(|&r| r != partition.leader && state.is_live(r) && config.rack(r) == Some(rack))
}

/// Reads one partition into `data`; returns its error code, if any.
#[allow(clippy::too_many_arguments)]
fn read_partition(
    shared: &Shared,
    state: &ClusterState,
    ctx: &Ctx,
    request: &FetchRequest,
    name: &str,
    p: &FetchPartition,
    data: &mut PartitionData,
    limit: &mut usize,
    min_one: &mut bool,
    pass: &mut Pass,
) -> Option<i16> {
    let v = ctx.version;
    if let Some(code) = ctx.partition_fault(name, p.partition) {
        return Some(code);
    }
    let index = usize::try_from(p.partition).ok()?;
    let Some(partition) = state.topic(name).and_then(|t| t.partitions.get(index)) else {
        return Some(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0);
    };
    // Consumers may fetch from any replica since v11 (KIP-392); a follower here is always in
    // sync and serves up to the high watermark, which is the stub's log end.
    let from_follower = v >= 11 && request.replica_id < 0 && partition.replicas.contains(&ctx.broker);
    if partition.leader != ctx.broker && !from_follower {
        if v >= 12 {
            data.current_leader = LeaderIdAndEpoch {
                leader_id: partition.leader,
                leader_epoch: partition.leader_epoch,
                ..Default::default()
            };
        }
        return Some(ErrorCode::NOT_LEADER_OR_FOLLOWER.0);
    }
    if v >= 9 && p.current_leader_epoch >= 0 {
        if p.current_leader_epoch < partition.leader_epoch {
            return Some(ErrorCode::FENCED_LEADER_EPOCH.0);
        }
        if p.current_leader_epoch > partition.leader_epoch {
            return Some(ErrorCode::UNKNOWN_LEADER_EPOCH.0);
        }
    }
    let log = &partition.log;
    if v >= 12 && p.last_fetched_epoch >= 0 {
        // KIP-320: the fetcher's last epoch must end at or after the fetch offset in this
        // log; otherwise the log diverged (truncated) and the fetcher learns where.
        let (epoch, end_offset) = log.end_offset_for_epoch(p.last_fetched_epoch);
        if epoch < p.last_fetched_epoch || end_offset < p.fetch_offset {
            data.diverging_epoch = EpochEndOffset { epoch, end_offset, ..Default::default() };
            data.high_watermark = log.end_offset();
            data.last_stable_offset = log.last_stable_offset();
            data.log_start_offset = log.start_offset();
            pass.answer_now = true;
            return None;
        }
    }
    if partition.leader == ctx.broker {
        if let Some(replica) = preferred_read_replica(shared, state, request, partition, p.fetch_offset) {
            // As Kafka's leader does: name the replica and skip the read.
            data.preferred_read_replica = replica;
            data.high_watermark = log.end_offset();
            data.last_stable_offset = log.last_stable_offset();
            data.log_start_offset = log.start_offset();
            return None;
        }
    }
    let max = usize::try_from(p.partition_max_bytes).unwrap_or(0).min(*limit);
    let read_committed = request.isolation_level == READ_COMMITTED;
    let (records, aborted) = match log.read_isolated(p.fetch_offset, max, *min_one, read_committed) {
        Ok(r) => r,
        Err(_) => return Some(ErrorCode::OFFSET_OUT_OF_RANGE.0),
    };
    data.high_watermark = log.end_offset();
    data.last_stable_offset = log.last_stable_offset();
    if v >= 5 {
        data.log_start_offset = log.start_offset();
    }
    // Kafka sends the list (possibly empty) to read_committed fetches only, null otherwise.
    data.aborted_transactions = read_committed.then(|| {
        aborted
            .iter()
            .map(|a| AbortedTransaction {
                producer_id: a.producer_id,
                first_offset: a.first_offset,
                ..Default::default()
            })
            .collect()
    });
    *limit = limit.saturating_sub(records.len());
    if !records.is_empty() {
        *min_one = false;
    }
    pass.bytes += records.len();
    pass.read.push((name.to_owned(), index));
    data.records = Some(records);
    None
}

//! The fetcher task: keeps one Fetch in flight per broker, every broker at once, through a
//! fetch session per broker ([`super::session`]); finds positions for partitions without one
//! (ListOffsets, following `auto.offset.reset`); and turns broker errors into metadata
//! refreshes, resets or errors for the next poll.
//!
//! **Pipelining.** A partition is fetched again as soon as the previous response for it is
//! parsed, from the end of what is buffered (`PartitionState::next_fetch`), while the
//! application drains the buffer: the broker works on the next response while the caller reads
//! the last one. The buffer is bounded: no fetch starts while it holds `fetch.max.bytes` or
//! more. A seek, pause or unassignment drops the partition's buffered data and its next fetch
//! starts from the position again; a response answering an older fetch offset is dropped.
//!
//! **Sessions.** With an incremental session the request names only partitions whose fetch
//! offset changed (or that joined), and forgets those that are no longer fetched (paused,
//! unassigned, waiting for a position, led elsewhere); the response carries only partitions
//! with news. Idle partitions then cost nothing per round trip.
//!
//! **Follower fetching (KIP-392).** With `client.rack` set, a leader (Fetch v11+, a broker with
//! a `replica.selector.class`) may answer a partition with a `preferred_read_replica` in the
//! consumer's rack. The partition's next fetches go to that broker, in its own fetch session,
//! until it answers the partition with any error, cannot be reached, leaves the partition's
//! online replicas in metadata, or `metadata.max.age.ms` passes; then the leader is asked
//! again. Positions are still found and validated through the leader, and an out-of-range
//! offset on a follower goes back to the leader rather than resetting.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures_util::stream::{FuturesUnordered, StreamExt};
use kfk_protocol::messages::fetch::response::PartitionData;
use kfk_protocol::messages::list_offsets::request::{ListOffsetsPartition, ListOffsetsTopic};
use kfk_protocol::messages::{
    ApiKey, FetchRequest, FetchResponse, ListOffsetsRequest, ListOffsetsResponse, OffsetForLeaderEpochResponse,
};
use kfk_protocol::records::Batches;
use kfk_protocol::{ErrorCode, Uuid};
use tracing::{debug, trace, warn};

use super::fetch_state::{Blocked, InFlight, Step};
use super::session::{FetchSession, Plan, Wanted, TOPIC_IDS_SINCE};
use super::state::{CompletedFetch, PartitionState, PreferredReplica, State};
use super::validation::{self, Check};
use super::Shared;
use crate::cluster::Lane;
use crate::config::{IsolationLevel, OffsetReset};
use crate::error::{Error, ErrorContext};
use crate::types::TopicPartition;

enum Event {
    Fetched {
        node: i32,
        /// The broker's session, back from the request that used it.
        session: FetchSession,
        /// What the request asked: the partitions and their fetch offsets.
        asked: Vec<(TopicPartition, i64)>,
        result: Result<(Plan, FetchResponse), Error>,
    },
    Listed {
        asked: Vec<(TopicPartition, OffsetReset)>,
        result: Result<ListOffsetsResponse, Error>,
    },
    Validated {
        checks: Vec<Check>,
        result: Result<OffsetForLeaderEpochResponse, Error>,
    },
    Refreshed,
}

type EventFuture = Pin<Box<dyn Future<Output = Event> + Send>>;

/// Per broker: its fetch session, or `None` while a Fetch to it is in flight (the request
/// holds the session).
type Sessions = HashMap<i32, Option<FetchSession>>;

pub(crate) async fn run(shared: Arc<Shared>) {
    let metrics = shared.cluster.metrics();
    metrics.set_kind(crate::metrics::ClientKind::Consumer);
    let sensors = metrics.consumer().clone();
    shared.lock().sensors = Some(sensors.clone());
    let mut in_flight: FuturesUnordered<EventFuture> = FuturesUnordered::new();
    let mut sessions: Sessions = HashMap::new();
    let mut refreshing = false;
    let mut next_refresh = Instant::now();
    let mut need_refresh = false;
    loop {
        if shared.closed.load(Ordering::SeqCst) {
            return;
        }
        let now = Instant::now();
        let mut retry_at = None;
        need_refresh |= schedule(&shared, &mut in_flight, &mut sessions, &mut retry_at) | shared.take_refresh_wanted();
        if need_refresh && !refreshing && now >= next_refresh {
            refreshing = true;
            need_refresh = false;
            let cluster = shared.cluster.clone();
            let reporter = shared.clone();
            in_flight.push(Box::pin(async move {
                if let Err(e) = cluster.refresh().await {
                    debug!(error = %e, "metadata refresh failed");
                    reporter.note_failure(format_args!("metadata refresh: {e}"));
                    // Wrong credentials or certificates fail every retry alike: poll reports
                    // them (once while queued) instead of waiting in silence.
                    if e.is_authentication() {
                        let mut state = reporter.lock();
                        if !state.errors.iter().any(|q| std::mem::discriminant(q) == std::mem::discriminant(&e)) {
                            warn!(error = %e, "metadata refresh failed; reported to poll");
                            state.errors.push_back(e);
                            drop(state);
                            reporter.data.notify_waiters();
                        }
                    }
                }
                Event::Refreshed
            }));
        }
        let refresh_at = if need_refresh && !refreshing { next_refresh } else { now + Duration::from_secs(3600) };
        let wake_at = retry_at.map_or(refresh_at, |t: Instant| t.min(refresh_at));
        tokio::select! {
            _ = shared.wake.notified() => {}
            _ = tokio::time::sleep_until(wake_at.into()) => {}
            Some(event) = in_flight.next(), if !in_flight.is_empty() => match event {
                Event::Refreshed => {
                    refreshing = false;
                    next_refresh = Instant::now() + shared.config.common.retry_backoff.delay(0);
                }
                Event::Fetched { node, mut session, asked, result } => {
                    on_fetch(&shared, node, &mut session, asked, result);
                    sessions.insert(node, Some(session));
                }
                Event::Listed { asked, result } => on_list(&shared, asked, result),
                Event::Validated { checks, result } => on_validate(&shared, checks, result),
            },
        }
    }
}

/// Starts the ListOffsets and Fetch requests that are due. Returns whether metadata is needed;
/// `retry_at` becomes the earliest time a partition backing off may be fetched again.
fn schedule(
    shared: &Arc<Shared>,
    in_flight: &mut FuturesUnordered<EventFuture>,
    sessions: &mut Sessions,
    retry_at: &mut Option<Instant>,
) -> bool {
    let config = &shared.config;
    let metadata = shared.cluster.metadata();
    let mut need_refresh = false;
    let mut resets: HashMap<i32, Vec<(TopicPartition, OffsetReset)>> = HashMap::new();
    let mut fetches: HashMap<i32, Vec<(Option<Instant>, Wanted)>> = HashMap::new();
    let mut validations: HashMap<i32, Vec<Check>> = HashMap::new();
    let mut invalidated: Vec<TopicPartition> = Vec::new();
    let now = Instant::now();
    {
        let mut state = shared.lock();
        let room = state.buffered_bytes < config.fetch_max_bytes.max(1) as usize;
        for (tp, p) in state.partitions.iter_mut() {
            match p.fetch.blocked(now) {
                Some(Blocked::Busy) => continue,
                Some(Blocked::Until(at)) => {
                    *retry_at = Some(retry_at.map_or(at, |t: Instant| t.min(at)));
                    continue;
                }
                None => {}
            }
            let Some((leader, epoch)) = metadata
                .partition(&tp.topic, tp.partition)
                .filter(|m| m.leader >= 0)
                .map(|m| (m.leader, m.leader_epoch))
            else {
                need_refresh = true;
                continue;
            };
            p.topic_id = metadata.topic(&tp.topic).map(|t| t.id).unwrap_or_default();
            match p.next_step(epoch) {
                Step::Validate { position, offset_epoch } => {
                    // A new leader epoch: check the position before fetching on from it.
                    p.fetch.start(InFlight::Validation);
                    invalidated.push(tp.clone());
                    validations.entry(leader).or_default().push(Check {
                        tp: tp.clone(),
                        position,
                        offset_epoch,
                        current_leader_epoch: epoch,
                    });
                }
                Step::Reset(reset) => {
                    p.fetch.start(InFlight::ListOffsets);
                    resets.entry(leader).or_default().push((tp.clone(), reset));
                }
                Step::Fetch { position } => {
                    // Follower fetching (KIP-392): data may come from the replica the leader
                    // named; positions, resets and validation stay with the leader.
                    let node = p.read_replica(leader, now, |id| is_live_replica(&metadata, tp, id));
                    if !room || matches!(sessions.get(&node), Some(None)) {
                        continue;
                    }
                    p.fetch.start(InFlight::Fetch);
                    if node != leader {
                        shared.fetch_counters.follower_fetches.fetch_add(1, Ordering::Relaxed);
                    }
                    fetches.entry(node).or_default().push((
                        p.last_data,
                        Wanted {
                            tp: tp.clone(),
                            topic_id: p.topic_id,
                            fetch_offset: p.next_fetch.unwrap_or(position),
                            current_leader_epoch: epoch,
                            // KIP-320: the broker checks this epoch against its log and
                            // names a diverging epoch if the log was truncated under it.
                            last_fetched_epoch: if p.next_fetch.is_some() {
                                p.next_fetch_epoch
                            } else {
                                p.offset_epoch
                            }
                            .unwrap_or(-1),
                            partition_max_bytes: config.max_partition_fetch_bytes,
                        },
                    ));
                }
                Step::AwaitSeek => {}
            }
        }
        // Data fetched under the old leader may be truncated away: fetch again once validated.
        for tp in &invalidated {
            state.drop_buffered(tp);
        }
    }
    send_validations(shared, in_flight, validations);
    send_resets(shared, in_flight, resets);
    send_fetches(shared, in_flight, sessions, fetches);
    need_refresh
}

/// Sends one OffsetForLeaderEpoch per leader for the positions to check (KIP-320).
fn send_validations(
    shared: &Arc<Shared>,
    in_flight: &mut FuturesUnordered<EventFuture>,
    validations: HashMap<i32, Vec<Check>>,
) {
    for (node, checks) in validations {
        let request = validation::request(&checks);
        let cluster = shared.cluster.clone();
        in_flight.push(Box::pin(async move {
            let result = async { cluster.connection(node).await?.send(&request).await }.await;
            Event::Validated { checks, result }
        }));
    }
}

/// Sends one ListOffsets per leader for the partitions to find a position for.
fn send_resets(
    shared: &Arc<Shared>,
    in_flight: &mut FuturesUnordered<EventFuture>,
    resets: HashMap<i32, Vec<(TopicPartition, OffsetReset)>>,
) {
    let config = &shared.config;
    for (node, asked) in resets {
        let request = ListOffsetsRequest {
            replica_id: -1,
            isolation_level: config.isolation_level.wire(),
            topics: group(&asked, |(tp, reset)| {
                (
                    tp,
                    ListOffsetsPartition {
                        partition_index: tp.partition,
                        current_leader_epoch: -1,
                        timestamp: if *reset == OffsetReset::Earliest { -2 } else { -1 },
                        ..Default::default()
                    },
                )
            })
            .into_iter()
            .map(|(name, partitions)| ListOffsetsTopic { name, partitions, ..Default::default() })
            .collect(),
            timeout_ms: config.common.request_timeout.as_millis().min(i32::MAX as u128) as i32,
            ..Default::default()
        };
        let cluster = shared.cluster.clone();
        in_flight.push(Box::pin(async move {
            let result = async { cluster.connection(node).await?.send(&request).await }.await;
            Event::Listed { asked, result }
        }));
    }
}

/// Sends one Fetch per broker, in its fetch session (KIP-227), for the partitions to fetch.
fn send_fetches(
    shared: &Arc<Shared>,
    in_flight: &mut FuturesUnordered<EventFuture>,
    sessions: &mut Sessions,
    fetches: HashMap<i32, Vec<(Option<Instant>, Wanted)>>,
) {
    let config = &shared.config;
    for (node, mut wanted) in fetches {
        let mut session = sessions.insert(node, None).flatten().unwrap_or_default();
        // Least recently served first (see `PartitionState::last_data`), then by name: requests
        // do not depend on hash order.
        wanted.sort_by(|(a_data, a), (b_data, b)| a_data.cmp(b_data).then_with(|| a.tp.cmp(&b.tp)));
        let wanted: Vec<Wanted> = wanted.into_iter().map(|(_, w)| w).collect();
        let asked: Vec<(TopicPartition, i64)> = wanted.iter().map(|w| (w.tp.clone(), w.fetch_offset)).collect();
        let all_ids = wanted.iter().all(|w| w.topic_id != Uuid::ZERO);
        let template = FetchRequest {
            replica_id: -1,
            max_wait_ms: config.fetch_max_wait.as_millis().min(i32::MAX as u128) as i32,
            min_bytes: config.fetch_min_bytes,
            max_bytes: config.fetch_max_bytes,
            isolation_level: config.isolation_level.wire(),
            rack_id: config.client_rack.clone(),
            ..Default::default()
        };
        let shared = shared.clone();
        let sensors = shared.cluster.metrics().consumer().clone();
        in_flight.push(Box::pin(async move {
            let result = async {
                let conn = shared.cluster.connection_on(node, Lane::Fetch).await?;
                let mut version = conn.version_for(ApiKey::Fetch)?;
                if !all_ids {
                    // A topic without a known id can only be named: stay below v13.
                    version = version.min(TOPIC_IDS_SINCE - 1);
                }
                let mut plan = session.build(wanted, version);
                let counters = &shared.fetch_counters;
                counters.requests.fetch_add(1, Ordering::Relaxed);
                if !plan.full {
                    counters.incremental.fetch_add(1, Ordering::Relaxed);
                }
                let request = FetchRequest {
                    session_id: plan.session_id,
                    session_epoch: plan.session_epoch,
                    topics: std::mem::take(&mut plan.topics),
                    forgotten_topics_data: std::mem::take(&mut plan.forgotten),
                    ..template
                };
                trace!(
                    node,
                    session = plan.session_id,
                    epoch = plan.session_epoch,
                    full = plan.full,
                    partitions = request.topics.iter().map(|t| t.partitions.len()).sum::<usize>(),
                    "fetch"
                );
                let started = Instant::now();
                let response = conn.send_at(&request, version).await?;
                sensors.fetched(started.elapsed(), record_bytes(&response), response.throttle_time_ms);
                Ok((plan, response))
            }
            .await;
            Event::Fetched { node, session, asked, result }
        }));
    }
}

/// Whether broker `id` is known to the metadata and an online replica of `tp`: only then is it
/// worth fetching from as a preferred read replica.
fn is_live_replica(metadata: &crate::cluster::Metadata, tp: &TopicPartition, id: i32) -> bool {
    metadata.brokers.contains_key(&id)
        && metadata
            .partition(&tp.topic, tp.partition)
            .is_some_and(|m| m.replicas.contains(&id) && !m.offline.contains(&id))
}

/// Groups per-partition request entries by topic name, keeping order.
pub(super) fn group<T, P>(items: &[T], f: impl Fn(&T) -> (&TopicPartition, P)) -> Vec<(String, Vec<P>)> {
    let mut out: Vec<(String, Vec<P>)> = Vec::new();
    for item in items {
        let (tp, p) = f(item);
        match out.iter_mut().find(|(name, _)| name.as_str() == &*tp.topic) {
            Some((_, list)) => list.push(p),
            None => out.push((tp.topic.to_string(), vec![p])),
        }
    }
    out
}

/// Marks the asked partitions fetchable again.
fn release(state: &mut State, asked: &[(TopicPartition, i64)]) {
    for (tp, _) in asked {
        if let Some(p) = state.partitions.get_mut(tp) {
            p.fetch.finish();
        }
    }
}

fn on_fetch(
    shared: &Arc<Shared>,
    node: i32,
    session: &mut FetchSession,
    asked: Vec<(TopicPartition, i64)>,
    result: Result<(Plan, FetchResponse), Error>,
) {
    let mut state = shared.lock();
    let (plan, response) = match result {
        Ok((plan, response)) => (plan, response),
        Err(e) => {
            debug!(node, error = %e, "fetch failed");
            shared.note_failure(format_args!("Fetch from broker {node}: {e}"));
            if session.id() != 0 {
                shared.fetch_counters.session_resets.fetch_add(1, Ordering::Relaxed);
            }
            session.on_error();
            // An unreachable follower: fetch from the leader again (the Java client skips a
            // preferred replica its network client marks unavailable). Otherwise the partitions
            // wait out a backoff, so a broker that fails at once is not asked again at once.
            let now = Instant::now();
            for (tp, _) in &asked {
                if let Some(p) = state.partitions.get_mut(tp) {
                    if p.preferred_read_replica.is_some_and(|r| r.node == node) {
                        p.clear_read_replica();
                    } else {
                        p.fetch.failed(&shared.config.common.retry_backoff, now);
                    }
                }
            }
            release(&mut state, &asked);
            // An error no retry can cure by itself (an answer over `receive.message.max.bytes`,
            // a version the broker lacks) is the application's to see; the partitions are still
            // fetched again, with backoff, in case the cause goes away.
            let report = !e.is_retriable()
                && !state.errors.iter().any(|queued| std::mem::discriminant(queued) == std::mem::discriminant(&e));
            if report {
                warn!(node, error = %e, "fetch failed; reported to poll");
                state.errors.push_back(e);
            }
            drop(state);
            if report {
                shared.data.notify_waiters();
            }
            shared.cluster_needs_refresh();
            return;
        }
    };
    let code = ErrorCode(response.error_code);
    if !session.on_response(&plan, code, response.session_id) {
        debug!(%code, session = plan.session_id, epoch = plan.session_epoch, "fetch session reset");
        shared.fetch_counters.session_resets.fetch_add(1, Ordering::Relaxed);
        release(&mut state, &asked);
        drop(state);
        shared.wake.notify_one();
        return;
    }
    let mut refresh = false;
    let mut arrived = false;
    for topic in response.responses {
        let name: Arc<str> = if topic.topic.is_empty() {
            match plan.names.get(&topic.topic_id) {
                Some(name) => name.clone(),
                None => continue,
            }
        } else {
            Arc::from(topic.topic.as_str())
        };
        for data in topic.partitions {
            let tp = TopicPartition { topic: name.clone(), partition: data.partition_index };
            let Some(fetch_offset) = asked.iter().find(|(t, _)| *t == tp).map(|(_, o)| *o) else { continue };
            let Some(p) = state.partitions.get_mut(&tp) else { continue };
            let Some(position) = p.position else { continue };
            if p.fetch.is_paused() || p.next_fetch.unwrap_or(position) != fetch_offset {
                continue; // a seek or pause happened meanwhile
            }
            let handled = on_partition(shared, &mut state, node, tp, fetch_offset, position, data);
            refresh |= handled.refresh;
            arrived |= handled.arrived;
        }
    }
    // Partitions the broker left out of its answer (nothing new) can be fetched again.
    release(&mut state, &asked);
    drop(state);
    if refresh {
        shared.cluster_needs_refresh();
    }
    if arrived {
        shared.data.notify_waiters();
    }
}

/// What handling one partition's part of a Fetch answer asks of the caller.
#[derive(Debug, Default)]
struct Handled {
    /// Metadata is stale (a retriable partition error).
    refresh: bool,
    /// Something for poll: records or an error.
    arrived: bool,
}

/// The record data a Fetch answer carries (`fetch-size-*`).
fn record_bytes(response: &FetchResponse) -> usize {
    response.responses.iter().flat_map(|t| &t.partitions).map(|p| p.records.as_ref().map_or(0, |r| r.len())).sum()
}

/// Handles one partition's part of a Fetch answer from `node`: the fetch asked for
/// `fetch_offset` while the partition was at `position` (both still current).
fn on_partition(
    shared: &Shared,
    state: &mut State,
    node: i32,
    tp: TopicPartition,
    fetch_offset: i64,
    position: i64,
    data: PartitionData,
) -> Handled {
    let Some(p) = state.partitions.get_mut(&tp) else { return Handled::default() };
    let code = ErrorCode(data.error_code);
    if code != ErrorCode::NONE && p.preferred_read_replica.is_some_and(|r| r.node == node) {
        // Any error on a follower (not a replica any more, fenced or unknown epoch, offset not
        // available there yet, out of range...) sends the partition back to the leader, which
        // decides (Java's FetchCollector does the same).
        debug!(%tp, node, %code, "fetch from the preferred read replica failed; back to the leader");
        p.clear_read_replica();
        return Handled { refresh: code.is_retriable(), ..Handled::default() };
    }
    let diverging = &data.diverging_epoch;
    match code {
        ErrorCode::NONE if diverging.epoch >= 0 || diverging.end_offset >= 0 => {
            on_diverging_epoch(shared, state, &tp, position, diverging.epoch, diverging.end_offset)
        }
        ErrorCode::NONE => on_records(shared, state, node, tp, fetch_offset, data),
        ErrorCode::OFFSET_OUT_OF_RANGE => on_out_of_range(shared, state, &tp, fetch_offset, position),
        c if c.is_retriable() => {
            debug!(%tp, code = %c, "fetch: partition error; refreshing metadata");
            p.fetch.failed(&shared.config.common.retry_backoff, Instant::now());
            Handled { refresh: true, ..Handled::default() }
        }
        c => {
            state.errors.push_back(Error::kafka(
                c,
                None,
                ErrorContext::request(ApiKey::Fetch).with_partition(&*tp.topic, tp.partition),
            ));
            Handled { arrived: true, ..Handled::default() }
        }
    }
}

/// The log diverged from what was fetched (KIP-320): whatever is buffered may be gone, and the
/// position is checked against where leader epoch `epoch` now ends.
fn on_diverging_epoch(
    shared: &Shared,
    state: &mut State,
    tp: &TopicPartition,
    position: i64,
    epoch: i32,
    end_offset: i64,
) -> Handled {
    let Some(p) = state.partitions.get_mut(tp) else { return Handled::default() };
    debug!(%tp, epoch, end_offset, "diverging epoch");
    let error = apply_epoch_end(p, tp, position, epoch, end_offset, shared.config.auto_offset_reset);
    state.drop_buffered(tp);
    let arrived = error.is_some();
    state.errors.extend(error);
    Handled { arrived, ..Handled::default() }
}

/// Records (or nothing new) for the partition: they are buffered for poll as one completed
/// fetch, and the next fetch starts after the last complete batch.
fn on_records(
    shared: &Shared,
    state: &mut State,
    node: i32,
    tp: TopicPartition,
    fetch_offset: i64,
    data: PartitionData,
) -> Handled {
    let Some(p) = state.partitions.get_mut(&tp) else { return Handled::default() };
    if data.preferred_read_replica >= 0 && data.preferred_read_replica != node {
        let until = Instant::now() + shared.config.common.metadata_max_age;
        debug!(%tp, leader = node, replica = data.preferred_read_replica, "fetching from the preferred read replica");
        p.preferred_read_replica = Some(PreferredReplica { node: data.preferred_read_replica, until });
    }
    p.high_watermark = Some(data.high_watermark);
    p.last_stable_offset = (data.last_stable_offset >= 0).then_some(data.last_stable_offset);
    p.log_start_offset = (data.log_start_offset >= 0).then_some(data.log_start_offset);
    let records = data.records.unwrap_or_default();
    let (end, end_epoch) = match scan(&records, fetch_offset) {
        Scan::Empty => {
            p.fetch.progressed();
            return Handled::default();
        }
        Scan::Data { end, epoch } => (end, epoch),
        Scan::Stuck(detail) => return on_stuck(shared, state, node, &tp, fetch_offset, detail),
    };
    p.fetch.progressed();
    p.next_fetch = Some(end);
    p.next_fetch_epoch = Some(end_epoch).filter(|e| *e >= 0);
    p.last_data = Some(Instant::now());
    state.buffered_bytes += records.len();
    let aborted = data.aborted_transactions.iter().flatten().map(|a| (a.producer_id, a.first_offset)).collect();
    let read_committed = shared.config.isolation_level == IsolationLevel::ReadCommitted;
    state.completed.push_back(CompletedFetch::new(tp, fetch_offset, records, aborted, read_committed));
    Handled { arrived: true, ..Handled::default() }
}

/// Fetched bytes that allow no progress. Refetching at once would spin on the same bytes (Java
/// raises "no complete records were found" here): the partition backs off, and the application
/// is told if it persists. A partial first batch alone can be an answer cut by
/// `fetch.max.bytes`, so it is given a few tries.
fn on_stuck(
    shared: &Shared,
    state: &mut State,
    node: i32,
    tp: &TopicPartition,
    fetch_offset: i64,
    detail: Stuck,
) -> Handled {
    let Some(p) = state.partitions.get_mut(tp) else { return Handled::default() };
    p.fetch.failed(&shared.config.common.retry_backoff, Instant::now());
    let malformed = !matches!(detail, Stuck::Partial { .. });
    if !malformed && p.fetch.failures() < STUCK_REPORT_AFTER {
        debug!(%tp, node, offset = fetch_offset, %detail, "fetch made no progress; backing off");
        return Handled::default();
    }
    let error = Error::FetchNoProgress {
        topic: tp.topic.to_string(),
        partition: tp.partition,
        offset: fetch_offset,
        node,
        detail: detail.to_string(),
    };
    warn!(%tp, node, offset = fetch_offset, failures = p.fetch.failures(), "{error}");
    let reported = state.errors.iter().any(|e| {
        matches!(e, Error::FetchNoProgress { topic, partition, .. } if **topic == *tp.topic && *partition == tp.partition)
    });
    if reported {
        return Handled::default();
    }
    state.errors.push_back(error);
    Handled { arrived: true, ..Handled::default() }
}

/// OFFSET_OUT_OF_RANGE for a fetch at `fetch_offset` while the partition is at `position`.
fn on_out_of_range(
    shared: &Shared,
    state: &mut State,
    tp: &TopicPartition,
    fetch_offset: i64,
    position: i64,
) -> Handled {
    if fetch_offset != position {
        // Out of range past buffered data: the position decides, once reached.
        state.drop_buffered(tp);
        return Handled::default();
    }
    let Some(p) = state.partitions.get_mut(tp) else { return Handled::default() };
    p.position = None;
    match shared.config.auto_offset_reset {
        OffsetReset::None => {
            p.reset = None;
            state.errors.push_back(Error::kafka(
                ErrorCode::OFFSET_OUT_OF_RANGE,
                Some(format!("offset {fetch_offset} is out of range and auto.offset.reset=none; seek to continue")),
                ErrorContext::request(ApiKey::Fetch).with_partition(&*tp.topic, tp.partition),
            ));
            Handled { arrived: true, ..Handled::default() }
        }
        reset => {
            debug!(%tp, fetch_offset, ?reset, "offset out of range; resetting");
            p.reset = Some(reset);
            Handled::default()
        }
    }
}

/// Partial answers in a row after which a partition that makes no progress is reported.
const STUCK_REPORT_AFTER: u32 = 3;

/// What a partition's fetched bytes allow.
#[derive(Debug, PartialEq)]
enum Scan {
    /// No bytes: nothing new.
    Empty,
    /// Complete batches up to `end` (the offset after the last one), the last one written
    /// under leader epoch `epoch`.
    Data { end: i64, epoch: i32 },
    /// Bytes, but nothing to read past the fetch offset.
    Stuck(Stuck),
}

/// Why fetched bytes allow no progress.
#[derive(Debug, PartialEq)]
enum Stuck {
    /// The first batch is cut short: no whole batch in `bytes` bytes.
    Partial { bytes: usize },
    /// The first batch cannot be read.
    Malformed(String),
    /// The batches end at `end`, not past the fetch offset (a base offset near `i64::MAX`
    /// wraps around).
    Behind { end: i64 },
}

impl std::fmt::Display for Stuck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stuck::Partial { bytes } => write!(f, "{bytes} bytes hold no complete record batch"),
            Stuck::Malformed(e) => write!(f, "the first record batch is malformed: {e}"),
            Stuck::Behind { end } => write!(f, "the record batches end at offset {end}, not past the fetch offset"),
        }
    }
}

/// Where the complete batches of a partition's fetched `records` end (a broker may cut the
/// last one short), or why they allow no progress past `fetch_offset`.
fn scan(records: &Bytes, fetch_offset: i64) -> Scan {
    if records.is_empty() {
        return Scan::Empty;
    }
    let mut end = None;
    // A malformed batch after complete ones ends the walk; the data up to it is buffered and
    // the error surfaces when the caller reaches it.
    for batch in Batches::new(records.clone()) {
        match batch {
            Ok(batch) => end = Some((batch.next_offset(), batch.partition_leader_epoch())),
            Err(e) if end.is_none() => return Scan::Stuck(Stuck::Malformed(e.to_string())),
            Err(_) => break,
        }
    }
    match end {
        Some((end, epoch)) if end > fetch_offset => Scan::Data { end, epoch },
        Some((end, _)) => Scan::Stuck(Stuck::Behind { end }),
        None => Scan::Stuck(Stuck::Partial { bytes: records.len() }),
    }
}

/// Applies what a leader says of the epoch of the record before `position` (KIP-320): that
/// epoch ends at `end_offset` in its log (under `epoch`, the largest it has up to the one
/// asked). Returns the error the next poll reports when the application must seek.
fn apply_epoch_end(
    p: &mut PartitionState,
    tp: &TopicPartition,
    position: i64,
    epoch: i32,
    end_offset: i64,
    reset: OffsetReset,
) -> Option<Error> {
    match validation::outcome(position, end_offset, reset) {
        validation::Outcome::Valid => None,
        validation::Outcome::Truncated { offset } => {
            warn!(%tp, position, offset, "log truncation detected; continuing from the end of the epoch");
            p.position = Some(offset);
            p.offset_epoch = Some(epoch).filter(|e| *e >= 0);
            None
        }
        validation::Outcome::TruncatedFail { offset } => {
            // No position until the application seeks (poll says so too).
            p.position = None;
            p.offset_epoch = None;
            p.reset = None;
            Some(Error::kafka(
                ErrorCode::OFFSET_OUT_OF_RANGE,
                Some(format!(
                    "log truncation detected: the log now ends at {offset} for the epoch of position {position} \
                     (auto.offset.reset=none); seek to continue"
                )),
                tp.to_string(),
            ))
        }
        validation::Outcome::Reset(reset) => {
            debug!(%tp, position, "the leader knows no end for the position's epoch; resetting");
            p.position = None;
            p.offset_epoch = None;
            p.reset = Some(reset);
            None
        }
        validation::Outcome::ResetFail => {
            p.position = None;
            p.offset_epoch = None;
            p.reset = None;
            None
        }
    }
}

fn on_validate(shared: &Arc<Shared>, checks: Vec<Check>, result: Result<OffsetForLeaderEpochResponse, Error>) {
    let mut state = shared.lock();
    let mut refresh = false;
    let mut arrived = false;
    match &result {
        Ok(response) => {
            for topic in &response.topics {
                for r in &topic.partitions {
                    let tp = TopicPartition::new(&topic.topic, r.partition);
                    let Some(check) = checks.iter().find(|c| c.tp == tp) else { continue };
                    let Some(p) = state.partitions.get_mut(&tp) else { continue };
                    if p.position != Some(check.position) || p.offset_epoch != Some(check.offset_epoch) {
                        continue; // a seek won the race; the new position is checked on its own
                    }
                    let code = ErrorCode(r.error_code);
                    if code != ErrorCode::NONE {
                        if code.is_retriable() {
                            refresh = true;
                        } else {
                            state.errors.push_back(Error::kafka(
                                code,
                                None,
                                ErrorContext::request(ApiKey::OffsetForLeaderEpoch)
                                    .with_partition(&*tp.topic, tp.partition),
                            ));
                            arrived = true;
                        }
                        continue;
                    }
                    p.fetch.validated(check.current_leader_epoch);
                    let reset = shared.config.auto_offset_reset;
                    if let Some(e) = apply_epoch_end(p, &tp, check.position, r.leader_epoch, r.end_offset, reset) {
                        state.errors.push_back(e);
                        arrived = true;
                    }
                }
            }
        }
        Err(e) => {
            debug!(error = %e, "position validation failed");
            shared.note_failure(format_args!("OffsetForLeaderEpoch: {e}"));
            refresh = true;
        }
    }
    for check in &checks {
        if let Some(p) = state.partitions.get_mut(&check.tp) {
            p.fetch.finish();
        }
    }
    drop(state);
    if refresh {
        shared.cluster_needs_refresh();
    }
    if arrived {
        shared.data.notify_waiters();
    }
}

fn on_list(
    shared: &Arc<Shared>,
    asked: Vec<(TopicPartition, OffsetReset)>,
    result: Result<ListOffsetsResponse, Error>,
) {
    let mut state = shared.lock();
    let mut refresh = false;
    if let Ok(response) = &result {
        for topic in &response.topics {
            for r in &topic.partitions {
                let tp = TopicPartition::new(&topic.name, r.partition_index);
                let Some(p) = state.partitions.get_mut(&tp) else { continue };
                if p.position.is_some() {
                    continue; // a seek won the race
                }
                match ErrorCode(r.error_code) {
                    ErrorCode::NONE => {
                        debug!(%tp, offset = r.offset, "position reset");
                        p.position = Some(r.offset);
                        p.offset_epoch = None;
                        p.next_fetch = None;
                        p.reset = None;
                    }
                    c if c.is_retriable() => {
                        shared.note_failure(format_args!("ListOffsets {tp}: {c}"));
                        refresh = true;
                    }
                    c => state.errors.push_back(Error::kafka(
                        c,
                        None,
                        ErrorContext::request(ApiKey::ListOffsets).with_partition(&*tp.topic, tp.partition),
                    )),
                }
            }
        }
    } else if let Err(e) = &result {
        shared.note_failure(format_args!("ListOffsets: {e}"));
        refresh = true;
    }
    for (tp, _) in &asked {
        if let Some(p) = state.partitions.get_mut(tp) {
            p.fetch.finish();
        }
    }
    drop(state);
    if refresh {
        shared.cluster_needs_refresh();
    }
    shared.data.notify_waiters();
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use super::*;
    use kfk_protocol::compression::Compression;
    use kfk_protocol::records::RecordBatchBuilder;

    fn batch(base: i64, count: usize) -> Vec<u8> {
        // The leader epoch follows the base offset, so each batch's epoch is told apart.
        let mut b = RecordBatchBuilder::new(Compression::None)
            .with_base_offset(base)
            .with_partition_leader_epoch(base as i32 / 10);
        for _ in 0..count {
            b.append(0, None, Some(b"v")).unwrap();
        }
        b.build().unwrap().to_vec()
    }

    #[test]
    fn the_end_is_after_the_last_complete_batch_with_its_epoch() {
        let mut set = batch(10, 3);
        set.extend(batch(23, 2));
        assert_eq!(scan(&Bytes::from(set.clone()), 10), Scan::Data { end: 25, epoch: 2 });
        set.extend(&batch(35, 4)[..20]); // cut short by the broker's limit
        assert_eq!(scan(&Bytes::from(set.clone()), 10), Scan::Data { end: 25, epoch: 2 });
        // A malformed batch after complete ones: they are read, the error comes with the rest.
        set.extend([0xff; 12]);
        assert_eq!(scan(&Bytes::from(set), 12), Scan::Data { end: 25, epoch: 2 });
        assert_eq!(scan(&Bytes::new(), 0), Scan::Empty);
    }

    #[test]
    fn bytes_that_allow_no_progress_say_why() {
        let partial = batch(0, 1)[..30].to_vec();
        assert_eq!(scan(&Bytes::from(partial), 0), Scan::Stuck(Stuck::Partial { bytes: 30 }));
        let mut negative_length = batch(0, 1);
        negative_length[8..12].copy_from_slice(&(-1i32).to_be_bytes());
        assert!(matches!(scan(&Bytes::from(negative_length), 0), Scan::Stuck(Stuck::Malformed(_))));
        // Offsets that wrap past i64::MAX end before any fetch offset.
        let wrapping = batch(i64::MAX, 1);
        assert!(matches!(scan(&Bytes::from(wrapping), 5), Scan::Stuck(Stuck::Behind { .. })));
        // Complete batches wholly before the fetch offset do not move it either.
        assert_eq!(scan(&Bytes::from(batch(0, 3)), 3), Scan::Stuck(Stuck::Behind { end: 3 }));
    }
}

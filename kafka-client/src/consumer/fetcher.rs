//! The fetcher task: keeps one Fetch in flight per broker, for the assigned partitions that
//! have a position, are not paused and have nothing buffered, while the buffer holds less than
//! `fetch.max.bytes`; finds positions for partitions without one (ListOffsets, following
//! `auto.offset.reset`); and turns broker errors into metadata refreshes, resets or errors for
//! the next poll.
//!
//! Fetches are sessionless (full fetch requests, KIP-227 sessions not yet used).

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::stream::{FuturesUnordered, StreamExt};
use kafka_protocol::messages::fetch::request::{FetchPartition, FetchTopic};
use kafka_protocol::messages::list_offsets::request::{ListOffsetsPartition, ListOffsetsTopic};
use kafka_protocol::messages::{FetchRequest, FetchResponse, ListOffsetsRequest, ListOffsetsResponse};
use kafka_protocol::ErrorCode;
use tracing::debug;

use super::state::{CompletedFetch, TopicPartition};
use super::Shared;
use crate::config::OffsetReset;
use crate::error::Error;

enum Event {
    Fetched { node: i32, asked: Vec<(TopicPartition, i64)>, result: Result<FetchResponse, Error> },
    Listed { asked: Vec<(TopicPartition, OffsetReset)>, result: Result<ListOffsetsResponse, Error> },
    Refreshed,
}

type EventFuture = Pin<Box<dyn Future<Output = Event> + Send>>;

pub(crate) async fn run(shared: Arc<Shared>) {
    let mut in_flight: FuturesUnordered<EventFuture> = FuturesUnordered::new();
    let mut fetching: HashSet<i32> = HashSet::new();
    let mut refreshing = false;
    let mut next_refresh = Instant::now();
    let mut need_refresh = false;
    loop {
        if shared.closed.load(Ordering::SeqCst) {
            return;
        }
        let now = Instant::now();
        need_refresh |= schedule(&shared, &mut in_flight, &mut fetching) | shared.take_refresh_wanted();
        if need_refresh && !refreshing && now >= next_refresh {
            refreshing = true;
            need_refresh = false;
            let cluster = shared.cluster.clone();
            in_flight.push(Box::pin(async move {
                if let Err(e) = cluster.refresh().await {
                    debug!(error = %e, "metadata refresh failed");
                }
                Event::Refreshed
            }));
        }
        let wake_at = if need_refresh && !refreshing { next_refresh } else { now + Duration::from_secs(3600) };
        tokio::select! {
            _ = shared.wake.notified() => {}
            _ = tokio::time::sleep_until(wake_at.into()) => {}
            Some(event) = in_flight.next(), if !in_flight.is_empty() => match event {
                Event::Refreshed => {
                    refreshing = false;
                    next_refresh = Instant::now() + shared.config.common.retry_backoff.delay(0);
                }
                Event::Fetched { node, asked, result } => {
                    fetching.remove(&node);
                    on_fetch(&shared, asked, result);
                }
                Event::Listed { asked, result } => on_list(&shared, asked, result),
            },
        }
    }
}

/// Starts the ListOffsets and Fetch requests that are due. Returns whether metadata is needed.
fn schedule(shared: &Arc<Shared>, in_flight: &mut FuturesUnordered<EventFuture>, fetching: &mut HashSet<i32>) -> bool {
    let config = &shared.config;
    let metadata = shared.cluster.metadata();
    let mut need_refresh = false;
    let mut resets: HashMap<i32, Vec<(TopicPartition, OffsetReset)>> = HashMap::new();
    let mut fetches: HashMap<i32, Vec<(TopicPartition, i64, kafka_protocol::Uuid)>> = HashMap::new();
    {
        let mut state = shared.lock();
        let room = state.buffered_bytes < config.fetch_max_bytes.max(1) as usize;
        for (tp, p) in state.partitions.iter_mut() {
            if p.busy || p.paused {
                continue;
            }
            let leader = match metadata.partition(&tp.topic, tp.partition) {
                Some(m) if m.leader >= 0 => m.leader,
                _ => {
                    need_refresh = true;
                    continue;
                }
            };
            p.topic_id = metadata.topic(&tp.topic).map(|t| t.id).unwrap_or_default();
            match (p.position, p.reset) {
                (None, Some(reset)) if reset != OffsetReset::None => {
                    p.busy = true;
                    resets.entry(leader).or_default().push((tp.clone(), reset));
                }
                (Some(position), _) if room && !p.buffered && !fetching.contains(&leader) => {
                    p.busy = true;
                    fetches.entry(leader).or_default().push((tp.clone(), position, p.topic_id));
                }
                _ => {}
            }
        }
    }
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
    for (node, asked) in fetches {
        fetching.insert(node);
        let ids: HashMap<Arc<str>, kafka_protocol::Uuid> =
            asked.iter().map(|(tp, _, id)| (tp.topic.clone(), *id)).collect();
        let request = FetchRequest {
            replica_id: -1,
            max_wait_ms: config.fetch_max_wait.as_millis().min(i32::MAX as u128) as i32,
            min_bytes: config.fetch_min_bytes,
            max_bytes: config.fetch_max_bytes,
            isolation_level: config.isolation_level.wire(),
            session_id: 0,
            session_epoch: -1,
            topics: group(&asked, |(tp, position, _)| {
                (
                    tp,
                    FetchPartition {
                        partition: tp.partition,
                        fetch_offset: *position,
                        current_leader_epoch: -1,
                        last_fetched_epoch: -1,
                        log_start_offset: -1,
                        partition_max_bytes: config.max_partition_fetch_bytes,
                        ..Default::default()
                    },
                )
            })
            .into_iter()
            .map(|(topic, partitions)| FetchTopic {
                topic_id: ids.get(topic.as_str()).copied().unwrap_or_default(),
                topic,
                partitions,
                ..Default::default()
            })
            .collect(),
            rack_id: config.client_rack.clone(),
            ..Default::default()
        };
        let asked: Vec<(TopicPartition, i64)> = asked.into_iter().map(|(tp, pos, _)| (tp, pos)).collect();
        let cluster = shared.cluster.clone();
        in_flight.push(Box::pin(async move {
            let result = async { cluster.connection(node).await?.send(&request).await }.await;
            Event::Fetched { node, asked, result }
        }));
    }
    need_refresh
}

/// Groups per-partition request entries by topic name, keeping order.
fn group<T, P>(items: &[T], f: impl Fn(&T) -> (&TopicPartition, P)) -> Vec<(String, Vec<P>)> {
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

fn on_fetch(shared: &Arc<Shared>, asked: Vec<(TopicPartition, i64)>, result: Result<FetchResponse, Error>) {
    let mut state = shared.lock();
    let response = match result {
        Ok(r) if r.error_code == 0 => r,
        Ok(r) => {
            debug!(code = %ErrorCode(r.error_code), "fetch failed");
            for (tp, _) in &asked {
                if let Some(p) = state.partitions.get_mut(tp) {
                    p.busy = false;
                }
            }
            return;
        }
        Err(e) => {
            debug!(error = %e, "fetch failed");
            for (tp, _) in &asked {
                if let Some(p) = state.partitions.get_mut(tp) {
                    p.busy = false;
                }
            }
            drop(state);
            shared.cluster_needs_refresh();
            return;
        }
    };
    let metadata = shared.cluster.metadata();
    let mut refresh = false;
    let mut arrived = false;
    for topic in &response.responses {
        let name: Arc<str> = if topic.topic.is_empty() {
            match metadata.topics.values().find(|t| t.id == topic.topic_id) {
                Some(t) => Arc::from(t.name.as_str()),
                None => continue,
            }
        } else {
            Arc::from(topic.topic.as_str())
        };
        for data in &topic.partitions {
            let tp = TopicPartition { topic: name.clone(), partition: data.partition_index };
            let Some(fetch_offset) = asked.iter().find(|(t, _)| *t == tp).map(|(_, o)| *o) else { continue };
            let Some(p) = state.partitions.get_mut(&tp) else { continue };
            p.busy = false;
            if p.position != Some(fetch_offset) {
                continue; // a seek happened meanwhile
            }
            let code = ErrorCode(data.error_code);
            match code {
                ErrorCode::NONE => {
                    p.high_watermark = data.high_watermark;
                    p.last_stable_offset = data.last_stable_offset;
                    p.log_start_offset = data.log_start_offset;
                    let records = data.records.clone().unwrap_or_default();
                    if !records.is_empty() {
                        p.buffered = true;
                        state.buffered_bytes += records.len();
                        state.completed.push_back(CompletedFetch {
                            tp,
                            next_offset: fetch_offset,
                            records,
                            aborted: data
                                .aborted_transactions
                                .iter()
                                .flatten()
                                .map(|a| (a.producer_id, a.first_offset))
                                .collect(),
                            read_committed: shared.config.isolation_level
                                == crate::config::IsolationLevel::ReadCommitted,
                        });
                        arrived = true;
                    }
                }
                ErrorCode::OFFSET_OUT_OF_RANGE => {
                    match shared.config.auto_offset_reset {
                        OffsetReset::None => {
                            p.position = None;
                            p.reset = None;
                            state.errors.push_back(Error::kafka(
                            code,
                            Some(format!("offset {fetch_offset} is out of range and auto.offset.reset=none; seek to continue")),
                            tp.to_string(),
                        ));
                            arrived = true;
                        }
                        reset => {
                            debug!(%tp, fetch_offset, ?reset, "offset out of range; resetting");
                            p.position = None;
                            p.reset = Some(reset);
                        }
                    }
                }
                c if c.is_retriable() => refresh = true,
                c => {
                    state.errors.push_back(Error::kafka(c, None, format!("Fetch {tp}")));
                    arrived = true;
                }
            }
        }
    }
    // Partitions the broker left out of its answer can be fetched again.
    for (tp, _) in &asked {
        if let Some(p) = state.partitions.get_mut(tp) {
            p.busy = false;
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
                        p.reset = None;
                    }
                    c if c.is_retriable() => refresh = true,
                    c => state.errors.push_back(Error::kafka(c, None, format!("ListOffsets {tp}"))),
                }
            }
        }
    } else {
        refresh = true;
    }
    for (tp, _) in &asked {
        if let Some(p) = state.partitions.get_mut(tp) {
            p.busy = false;
        }
    }
    drop(state);
    if refresh {
        shared.cluster_needs_refresh();
    }
    shared.data.notify_waiters();
}

//! Asking partitions' leaders where their logs start and end, or which offset a time falls at
//! (ListOffsets), for any partitions, assigned or not.
//!
//! One request goes to each leader. Partitions whose answer is retriable (the leader moved, an
//! offset is not yet available after a leader change, the topic is still being created) are
//! asked again after a metadata refresh and a backoff, until the caller's deadline; the
//! timeout error then names the partitions still missing and the last error seen.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use futures_util::future::join_all;
use kfk_protocol::messages::list_offsets::request::{ListOffsetsPartition, ListOffsetsTopic};
use kfk_protocol::messages::ApiKey;
use kfk_protocol::messages::ListOffsetsRequest;
use kfk_protocol::ErrorCode;

use super::fetcher::group;
use super::Shared;
use crate::backoff::{Decision, Retry};
use crate::error::{Error, ErrorContext, Result};
use crate::types::TopicPartition;

/// Which offset to ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Spec {
    /// The log start offset.
    Earliest,
    /// The log end: the high watermark, or the last stable offset under `read_committed`.
    Latest,
    /// The first offset whose timestamp is at or after this many ms since the epoch.
    Time(i64),
}

impl Spec {
    fn wire(self) -> i64 {
        match self {
            Spec::Earliest => -2,
            Spec::Latest => -1,
            Spec::Time(ms) => ms,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Spec::Earliest => "beginning offsets",
            Spec::Latest => "end offsets",
            Spec::Time(_) => "offsets for times",
        }
    }
}

/// Per partition, the offset found and its record's timestamp (-1 for the log start and end);
/// `None` when the log holds no record at or after the time asked.
pub(crate) type Found = HashMap<TopicPartition, Option<(i64, i64)>>;

/// Looks `spec` up for every partition in `wanted`, within `timeout`.
pub(crate) async fn list(shared: &Shared, wanted: &[TopicPartition], spec: Spec, timeout: Duration) -> Result<Found> {
    let cluster = &shared.cluster;
    cluster.track_topics(wanted.iter().map(|tp| &*tp.topic));
    let mut pending: Vec<TopicPartition> = wanted.to_vec();
    pending.sort();
    pending.dedup();
    let mut found = Found::with_capacity(pending.len());
    let mut retry = Retry::new(shared.config.common.retry_backoff, Instant::now() + timeout);
    let mut last: Option<Error> = None;
    loop {
        let round = retry.attempt(ask_leaders(shared, &pending, spec)).await;
        let (answers, failed) = match round {
            Some(Ok(round)) => round,
            Some(Err(e)) if e.is_retriable() => (Vec::new(), vec![e]),
            Some(Err(e)) => return Err(e),
            None => break,
        };
        for e in failed {
            if !e.is_retriable() {
                return Err(e);
            }
            last = Some(e);
        }
        for (tp, answer) in answers {
            match answer {
                Ok(offset) => {
                    pending.retain(|p| p != &tp);
                    found.insert(tp, offset);
                }
                Err(e) if e.is_retriable() => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        if pending.is_empty() {
            return Ok(found);
        }
        cluster.track_topics(pending.iter().map(|tp| &*tp.topic));
        if !retry.wait(Decision::Retry).await {
            break;
        }
        let _ = retry.attempt(cluster.refresh()).await;
    }
    let names: Vec<String> = pending.iter().map(ToString::to_string).collect();
    let last = last.map(|e| format!("; last error: {e}")).unwrap_or_default();
    Err(Error::Timeout { what: format!("the {} of {}{last}", spec.describe(), names.join(", ")), after: timeout })
}

/// One round: a request to the leader of each partition, concurrently. Returns each answered
/// partition's result, and the errors of requests that failed as a whole.
async fn ask_leaders(
    shared: &Shared,
    partitions: &[TopicPartition],
    spec: Spec,
) -> Result<(Vec<(TopicPartition, Result<Option<(i64, i64)>>)>, Vec<Error>)> {
    let cluster = &shared.cluster;
    let metadata = cluster.fresh_metadata().await?;
    let mut by_leader: HashMap<i32, Vec<TopicPartition>> = HashMap::new();
    let mut out = Vec::new();
    for tp in partitions {
        match metadata.leader(&tp.topic, tp.partition) {
            Some(broker) => by_leader.entry(broker.node_id).or_default().push(tp.clone()),
            None => {
                let code = metadata
                    .topic(&tp.topic)
                    .map(|t| t.error)
                    .filter(|c| !c.is_ok())
                    .unwrap_or(ErrorCode::LEADER_NOT_AVAILABLE);
                out.push((tp.clone(), Err(Error::kafka(code, None, list_offsets(tp)))));
            }
        }
    }
    let asks = by_leader.into_iter().map(|(node, tps)| async move {
        let request = ListOffsetsRequest {
            replica_id: -1,
            isolation_level: shared.config.isolation_level.wire(),
            topics: group(&tps, |tp| {
                (
                    tp,
                    ListOffsetsPartition {
                        partition_index: tp.partition,
                        current_leader_epoch: -1,
                        timestamp: spec.wire(),
                        ..Default::default()
                    },
                )
            })
            .into_iter()
            .map(|(name, partitions)| ListOffsetsTopic { name, partitions, ..Default::default() })
            .collect(),
            timeout_ms: shared.config.common.request_timeout.as_millis().min(i32::MAX as u128) as i32,
            ..Default::default()
        };
        let response = async { cluster.connection(node).await?.send(&request).await }.await;
        (tps, response)
    });
    let mut failed = Vec::new();
    for (tps, response) in join_all(asks).await {
        // A request that failed as a whole (connection, timeout) leaves its partitions pending.
        let response = match response {
            Ok(response) => response,
            Err(e) => {
                failed.push(e);
                continue;
            }
        };
        for tp in tps {
            let answer = response
                .topics
                .iter()
                .filter(|t| t.name == *tp.topic)
                .flat_map(|t| t.partitions.iter())
                .find(|p| p.partition_index == tp.partition);
            let result = match answer {
                None => Err(Error::kafka(
                    ErrorCode::UNKNOWN_SERVER_ERROR,
                    Some("the broker's answer leaves this partition out".into()),
                    list_offsets(&tp),
                )),
                Some(p) if p.error_code != 0 => Err(Error::kafka(ErrorCode(p.error_code), None, list_offsets(&tp))),
                Some(p) => Ok((p.offset >= 0).then_some((p.offset, p.timestamp))),
            };
            out.push((tp, result));
        }
    }
    Ok((out, failed))
}

/// The context of a ListOffsets error about `tp`.
fn list_offsets(tp: &TopicPartition) -> ErrorContext {
    ErrorContext::request(ApiKey::ListOffsets).with_partition(&*tp.topic, tp.partition)
}

//! The transactions admin APIs: ListTransactions and DescribeTransactions (answered by the
//! transaction coordinator from its state, for the transactional ids this broker coordinates),
//! DescribeProducers (answered by a partition's leader from its producer state) and
//! WriteTxnMarkers (the admin client's abort of a hanging transaction, KIP-664: the partition's
//! leader appends the marker).
//!
//! ListTransactions is served up to v1 (the duration filter); v2's transactional id pattern is
//! a Java regular expression, which the stub does not evaluate.

use std::collections::{BTreeMap, HashSet};

use kfk_protocol::messages::describe_producers::response::{PartitionResponse, ProducerState, TopicResponse};
use kfk_protocol::messages::describe_transactions::response as dt;
use kfk_protocol::messages::list_transactions::response as lt;
use kfk_protocol::messages::write_txn_markers::request::WritableTxnMarker;
use kfk_protocol::messages::write_txn_markers::response as wtm;
use kfk_protocol::messages::{
    DescribeProducersRequest, DescribeProducersResponse, DescribeTransactionsRequest, DescribeTransactionsResponse,
    ListTransactionsRequest, ListTransactionsResponse, WriteTxnMarkersRequest, WriteTxnMarkersResponse,
};
use kfk_protocol::records::{EndTxnMarker, TransactionResult};
use kfk_protocol::ErrorCode;

use crate::handlers::Ctx;
use crate::state::{now_ms, CoordinatorKind, Shared};
use crate::txn::metadata::{TxnMetadata, TxnState};

/// The last ListTransactions version the stub serves.
pub(crate) const LIST_TRANSACTIONS_MAX: i16 = 1;

/// Kafka's state of an expired transactional id: a valid filter that matches nothing here, as
/// the stub never expires ids.
const DEAD: &str = "Dead";

/// ListTransactions: the transactions this broker coordinates, filtered as Kafka filters them.
/// Every filter that is given must match; an unknown state name is echoed back in
/// `unknown_state_filters` (and matches nothing).
pub(crate) fn list_transactions(
    shared: &Shared,
    ctx: &Ctx,
    request: ListTransactionsRequest,
) -> ListTransactionsResponse {
    let mut unknown_state_filters = Vec::new();
    let mut states = HashSet::new();
    for name in &request.state_filters {
        match TxnState::from_name(name) {
            Some(s) => {
                states.insert(s);
            }
            None if name == DEAD => {}
            None => unknown_state_filters.push(name.clone()),
        }
    }
    let producer_ids: HashSet<i64> = request.producer_id_filters.iter().copied().collect();
    let duration = if ctx.version >= 1 { request.duration_filter } else { -1 };
    let now = now_ms();
    let included = |m: &TxnMetadata| {
        (producer_ids.is_empty() || producer_ids.contains(&m.producer_id))
            && (request.state_filters.is_empty() || states.contains(&m.state))
            // Kafka compares against the start of the last transaction, -1 before the first.
            && (duration < 0 || now - m.start_ms > duration)
    };
    let state = shared.state();
    let mut transaction_states: Vec<lt::TransactionState> = state
        .txns
        .all()
        .filter(|m| state.coordinator(CoordinatorKind::Transaction, &m.transactional_id) == ctx.broker)
        .filter(|m| included(m))
        .map(|m| lt::TransactionState {
            transactional_id: m.transactional_id.clone(),
            producer_id: m.producer_id,
            transaction_state: m.state.name().to_owned(),
            ..Default::default()
        })
        .collect();
    transaction_states.sort_by(|a, b| a.transactional_id.cmp(&b.transactional_id));
    ListTransactionsResponse { unknown_state_filters, transaction_states, ..Default::default() }
}

/// DescribeTransactions: each id's state, producer, timeout, start and partitions; an id this
/// broker does not coordinate is NOT_COORDINATOR, an unknown one TRANSACTIONAL_ID_NOT_FOUND.
pub(crate) fn describe_transactions(
    shared: &Shared,
    ctx: &Ctx,
    request: DescribeTransactionsRequest,
) -> DescribeTransactionsResponse {
    let state = shared.state();
    let transaction_states = request
        .transactional_ids
        .iter()
        .map(|id| {
            let error = |code: ErrorCode| dt::TransactionState {
                error_code: code.0,
                transactional_id: id.clone(),
                ..Default::default()
            };
            if state.coordinator(CoordinatorKind::Transaction, id) != ctx.broker {
                return error(ErrorCode::NOT_COORDINATOR);
            }
            let Some(m) = state.txns.get(id) else {
                return error(ErrorCode::TRANSACTIONAL_ID_NOT_FOUND);
            };
            let mut topics: BTreeMap<&str, Vec<i32>> = BTreeMap::new();
            for (topic, partition) in &m.partitions {
                topics.entry(topic).or_default().push(*partition);
            }
            dt::TransactionState {
                transactional_id: id.clone(),
                transaction_state: m.state.name().to_owned(),
                transaction_timeout_ms: m.timeout_ms,
                transaction_start_time_ms: m.start_ms,
                producer_id: m.producer_id,
                producer_epoch: m.producer_epoch,
                topics: topics
                    .into_iter()
                    .map(|(topic, partitions)| dt::TopicData {
                        topic: topic.to_owned(),
                        partitions,
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            }
        })
        .collect();
    DescribeTransactionsResponse { transaction_states, ..Default::default() }
}

/// DescribeProducers: the producers a partition's leader remembers, with the start offset of
/// their open transaction there (-1 for none).
pub(crate) fn describe_producers(
    shared: &Shared,
    ctx: &Ctx,
    request: DescribeProducersRequest,
) -> DescribeProducersResponse {
    let state = shared.state();
    let topics = request
        .topics
        .iter()
        .map(|t| TopicResponse {
            name: t.name.clone(),
            partitions: t
                .partition_indexes
                .iter()
                .map(|&index| {
                    let mut r = PartitionResponse { partition_index: index, ..Default::default() };
                    if let Some(code) = ctx.partition_fault(&t.name, index) {
                        r.error_code = code;
                        return r;
                    }
                    let partition = usize::try_from(index)
                        .ok()
                        .and_then(|i| state.topic(&t.name).and_then(|topic| topic.partitions.get(i)));
                    let Some(partition) = partition else {
                        r.error_code = ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0;
                        return r;
                    };
                    if partition.leader != ctx.broker {
                        r.error_code = ErrorCode::NOT_LEADER_OR_FOLLOWER.0;
                        return r;
                    }
                    r.active_producers = partition
                        .producers
                        .active()
                        .into_iter()
                        .map(|p| ProducerState {
                            producer_id: p.producer_id,
                            producer_epoch: i32::from(p.epoch),
                            last_sequence: p.last_sequence,
                            last_timestamp: p
                                .last_offset
                                .and_then(|o| partition.log.batch_max_timestamp(o))
                                .unwrap_or(-1),
                            coordinator_epoch: p.coordinator_epoch,
                            current_txn_start_offset: partition.log.open_txn_start(p.producer_id).unwrap_or(-1),
                            ..Default::default()
                        })
                        .collect();
                    r
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    DescribeProducersResponse { topics, ..Default::default() }
}

/// WriteTxnMarkers: appends each marker to the partitions this broker leads. As in Kafka, a
/// marker from an older producer epoch than the partition knows is refused
/// (INVALID_PRODUCER_EPOCH), and so is one from an older coordinator epoch than the last marker
/// of that producer (TRANSACTION_COORDINATOR_FENCED). The transaction coordinator is not told:
/// it aborts the transaction again when it times out, which writes a second, harmless marker.
pub(crate) fn write_txn_markers(
    shared: &Shared,
    ctx: &Ctx,
    request: WriteTxnMarkersRequest,
) -> WriteTxnMarkersResponse {
    let mut state = shared.state();
    let now = now_ms();
    let mut write = |m: &WritableTxnMarker, topic: &str, index: i32| -> ErrorCode {
        let partition =
            usize::try_from(index).ok().and_then(|i| state.topic_mut(topic).and_then(|t| t.partitions.get_mut(i)));
        let Some(p) = partition else { return ErrorCode::UNKNOWN_TOPIC_OR_PARTITION };
        if p.leader != ctx.broker {
            return ErrorCode::NOT_LEADER_OR_FOLLOWER;
        }
        if let Err(code) = p.producers.check_marker(m.producer_id, m.producer_epoch, m.coordinator_epoch) {
            return code;
        }
        let result = if m.transaction_result { TransactionResult::Commit } else { TransactionResult::Abort };
        let marker = EndTxnMarker { result, coordinator_epoch: m.coordinator_epoch };
        let offset = p.log.append_marker(m.producer_id, m.producer_epoch, marker, p.leader_epoch, now);
        p.producers.end_txn(m.producer_id, m.producer_epoch, m.coordinator_epoch);
        tracing::debug!(%topic, partition = index, offset, ?result, producer_id = m.producer_id, "marker written on request");
        ErrorCode::NONE
    };
    marker_results(&request.markers, |m, topic, index| write(m, topic, index).0)
}

/// The WriteTxnMarkers answer: `code` for each partition of each marker.
pub(crate) fn marker_results(
    markers: &[WritableTxnMarker],
    mut code: impl FnMut(&WritableTxnMarker, &str, i32) -> i16,
) -> WriteTxnMarkersResponse {
    let markers = markers
        .iter()
        .map(|m| wtm::WritableTxnMarkerResult {
            producer_id: m.producer_id,
            topics: m
                .topics
                .iter()
                .map(|t| wtm::WritableTxnMarkerTopicResult {
                    name: t.name.clone(),
                    partitions: t
                        .partition_indexes
                        .iter()
                        .map(|&index| wtm::WritableTxnMarkerPartitionResult {
                            partition_index: index,
                            error_code: code(m, &t.name, index),
                            ..Default::default()
                        })
                        .collect(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    WriteTxnMarkersResponse { markers, ..Default::default() }
}

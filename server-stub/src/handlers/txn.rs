//! The transaction coordinator's APIs: InitProducerId with a transactional id,
//! AddPartitionsToTxn (v0-3, the client form), AddOffsetsToTxn and EndTxn (v5+: transaction
//! version 2, answering the next transaction's producer id and epoch; see [`crate::txn`]).
//!
//! Each starts as Kafka's does: an empty transactional id is INVALID_REQUEST, a broker that does
//! not coordinate the id answers NOT_COORDINATOR. PRODUCER_FENCED is answered as
//! INVALID_PRODUCER_EPOCH to the versions that predate it (InitProducerId < 4, the others < 2).

use std::sync::Arc;

use kfk_protocol::messages::add_partitions_to_txn::response::{
    AddPartitionsToTxnPartitionResult, AddPartitionsToTxnTopicResult,
};
use kfk_protocol::messages::{
    AddOffsetsToTxnRequest, AddOffsetsToTxnResponse, AddPartitionsToTxnRequest, AddPartitionsToTxnResponse,
    EndTxnRequest, EndTxnResponse, InitProducerIdRequest, InitProducerIdResponse,
};
use kfk_protocol::ErrorCode;

use crate::handlers::Ctx;
use crate::state::{now_ms, ClusterState, CoordinatorKind, Shared};
use crate::txn::{self, EndOutcome, InitOutcome, ProducerIdAndEpoch};

/// PRODUCER_FENCED as a client of this version understands it.
fn fenced_for(code: ErrorCode, version: i16, first_version_with_fenced: i16) -> ErrorCode {
    if code == ErrorCode::PRODUCER_FENCED && version < first_version_with_fenced {
        ErrorCode::INVALID_PRODUCER_EPOCH
    } else {
        code
    }
}

/// NOT_COORDINATOR unless this broker coordinates `transactional_id`.
fn check_coordinator(state: &ClusterState, ctx: &Ctx, transactional_id: &str) -> Result<(), ErrorCode> {
    if state.coordinator(CoordinatorKind::Transaction, transactional_id) == ctx.broker {
        Ok(())
    } else {
        Err(ErrorCode::NOT_COORDINATOR)
    }
}

fn init_error(code: ErrorCode) -> InitProducerIdResponse {
    InitProducerIdResponse { error_code: code.0, producer_id: -1, producer_epoch: -1, ..Default::default() }
}

/// InitProducerId for a non-empty transactional id.
pub(crate) fn init_producer_id(
    shared: &Arc<Shared>,
    ctx: &Ctx,
    transactional_id: &str,
    request: &InitProducerIdRequest,
    expected: Option<ProducerIdAndEpoch>,
) -> InitProducerIdResponse {
    txn::timer::ensure_started(shared);
    let outcome = {
        let mut state = shared.state();
        let outcome = check_coordinator(&state, ctx, transactional_id).and_then(|()| {
            state.with_txns(|txns, allocate| {
                txns.init_producer_id(transactional_id, request.transaction_timeout_ms, expected, now_ms(), allocate)
            })
        });
        if let Ok(InitOutcome::FenceOngoing(end)) = &outcome {
            txn::write_markers(&mut state, end);
        }
        outcome
    };
    match outcome {
        Ok(InitOutcome::Ready(p)) => {
            tracing::info!(transactional_id, producer_id = p.id, epoch = p.epoch, "transactional producer initialized");
            InitProducerIdResponse { producer_id: p.id, producer_epoch: p.epoch, ..Default::default() }
        }
        Ok(InitOutcome::FenceOngoing(end)) => {
            tracing::info!(
                transactional_id,
                producer_id = end.producer_id,
                "fencing the previous producer: aborting its transaction"
            );
            txn::finish(shared, &end);
            init_error(ErrorCode::CONCURRENT_TRANSACTIONS)
        }
        Err(code) => init_error(fenced_for(code, ctx.version, 4)),
    }
}

pub(crate) fn add_partitions_to_txn(
    shared: &Shared,
    ctx: &Ctx,
    request: AddPartitionsToTxnRequest,
) -> AddPartitionsToTxnResponse {
    let v = ctx.version;
    let tid = &request.v3_and_below_transactional_id;
    let producer =
        ProducerIdAndEpoch { id: request.v3_and_below_producer_id, epoch: request.v3_and_below_producer_epoch };
    let requested: Vec<(String, i32)> = request
        .v3_and_below_topics
        .iter()
        .flat_map(|t| t.partitions.iter().map(move |&p| (t.name.clone(), p)))
        .collect();
    let codes: Vec<ErrorCode> = {
        let mut state = shared.state();
        let known: Vec<bool> = requested
            .iter()
            .map(|(t, p)| state.topic(t).is_some_and(|t| usize::try_from(*p).is_ok_and(|i| i < t.partitions.len())))
            .collect();
        if known.iter().any(|k| !k) {
            // Any unknown partition fails the whole request; the others were not attempted.
            known
                .iter()
                .map(|&k| if k { ErrorCode::OPERATION_NOT_ATTEMPTED } else { ErrorCode::UNKNOWN_TOPIC_OR_PARTITION })
                .collect()
        } else {
            let result = if tid.is_empty() {
                Err(ErrorCode::INVALID_REQUEST)
            } else {
                check_coordinator(&state, ctx, tid)
                    .and_then(|()| state.txns.add_partitions(tid, producer, &requested, now_ms()))
            };
            let code = result.err().map_or(ErrorCode::NONE, |c| fenced_for(c, v, 2));
            vec![code; requested.len()]
        }
    };
    let mut results: Vec<AddPartitionsToTxnTopicResult> = Vec::new();
    for ((topic, partition), code) in requested.into_iter().zip(codes) {
        let result = AddPartitionsToTxnPartitionResult {
            partition_index: partition,
            partition_error_code: code.0,
            ..Default::default()
        };
        match results.iter_mut().find(|r| r.name == topic) {
            Some(r) => r.results_by_partition.push(result),
            None => results.push(AddPartitionsToTxnTopicResult {
                name: topic,
                results_by_partition: vec![result],
                ..Default::default()
            }),
        }
    }
    AddPartitionsToTxnResponse { results_by_topic_v3_and_below: results, ..Default::default() }
}

pub(crate) fn add_offsets_to_txn(
    shared: &Shared,
    ctx: &Ctx,
    request: AddOffsetsToTxnRequest,
) -> AddOffsetsToTxnResponse {
    let tid = &request.transactional_id;
    let producer = ProducerIdAndEpoch { id: request.producer_id, epoch: request.producer_epoch };
    let result = if tid.is_empty() {
        Err(ErrorCode::INVALID_REQUEST)
    } else {
        let mut state = shared.state();
        check_coordinator(&state, ctx, tid)
            .and_then(|()| state.txns.add_offsets(tid, producer, &request.group_id, now_ms()))
            .map(|_| ())
    };
    let code = result.err().map_or(ErrorCode::NONE, |c| fenced_for(c, ctx.version, 2));
    AddOffsetsToTxnResponse { error_code: code.0, ..Default::default() }
}

pub(crate) fn end_txn(shared: &Shared, ctx: &Ctx, request: EndTxnRequest) -> EndTxnResponse {
    let tid = &request.transactional_id;
    let producer = ProducerIdAndEpoch { id: request.producer_id, epoch: request.producer_epoch };
    let tv2 = ctx.version >= 5;
    let outcome = if tid.is_empty() {
        Err(ErrorCode::INVALID_REQUEST)
    } else {
        let mut state = shared.state();
        let outcome = check_coordinator(&state, ctx, tid).and_then(|()| {
            state.with_txns(|txns, allocate| txns.end_txn(tid, producer, request.committed, tv2, now_ms(), allocate))
        });
        if let Ok(EndOutcome::Complete(end)) = &outcome {
            txn::write_markers(&mut state, end);
        }
        outcome
    };
    let result = match outcome {
        Ok(EndOutcome::Complete(end)) => {
            txn::finish(shared, &end);
            tracing::debug!(transactional_id = %tid, committed = request.committed, partitions = end.partitions.len(), "transaction ended");
            shared.state().txns.current_producer(tid).ok_or(ErrorCode::UNKNOWN_SERVER_ERROR)
        }
        Ok(EndOutcome::Done(next)) => Ok(next),
        Err(code) => Err(fenced_for(code, ctx.version, 2)),
    };
    match result {
        // v5+ carries the producer id and epoch of the next transaction.
        Ok(next) if tv2 => EndTxnResponse { producer_id: next.id, producer_epoch: next.epoch, ..Default::default() },
        Ok(_) => EndTxnResponse::default(),
        Err(code) => EndTxnResponse { error_code: code.0, ..Default::default() },
    }
}

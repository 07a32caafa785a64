//! Produce: validate each partition's batch as Kafka does, check idempotent sequence numbers
//! and producer epochs, and append it to the partition's log.
//!
//! Per partition, in Kafka's order: topic and partition known (UNKNOWN_TOPIC_OR_PARTITION,
//! UNKNOWN_TOPIC_ID for v13+), this broker leads it (NOT_LEADER_OR_FOLLOWER, with the current
//! leader for v10+), the records are exactly one RecordBatch v2 (INVALID_RECORD), within
//! `max.message.bytes` (MESSAGE_TOO_LARGE), with a valid CRC and readable records
//! (CORRUPT_MESSAGE), a codec allowed at this version (zstd needs v7+:
//! UNSUPPORTED_COMPRESSION_TYPE), not a control batch, timestamps at most one hour ahead
//! (INVALID_TIMESTAMP, Kafka 4's `message.timestamp.after.max.ms`), then transactions, then the
//! producer state (see [`crate::idempotence`]). With acks=0 nothing is answered, and any error
//! closes the connection instead, as Kafka does, so the producer notices.
//!
//! Transactions (KIP-890): the first transactional batch of a producer in a partition is
//! checked with the transaction coordinator. Up to v11 (transaction version 1) it is verified:
//! the partition must be in the producer's ongoing transaction (AddPartitionsToTxn) at the
//! producer's current epoch, else TRANSACTION_ABORTABLE (v11) or INVALID_TXN_STATE. From v12
//! (transaction version 2) the partition is added to the transaction there and then. Either
//! way a stale epoch gets INVALID_PRODUCER_EPOCH, an unknown producer
//! INVALID_PRODUCER_ID_MAPPING, a transaction being completed NOT_ENOUGH_REPLICAS (retriable for
//! every client, as Kafka maps the coordinator's CONCURRENT_TRANSACTIONS), and a request
//! without a transactional id carrying transactional batches
//! TRANSACTIONAL_ID_AUTHORIZATION_FAILED. A non-transactional batch of a producer with a
//! transaction open in the partition is INVALID_TXN_STATE. The partition's log then tracks the
//! open transaction (see [`crate::log`]).
//!
//! The records checks (parsing, CRC, decompression of up to 64 MiB, every record) run before
//! the cluster lock is taken, and for compressed or large batches on a blocking thread of a
//! bounded pool (`Limits::decompression_threads`), so a flood of decompression bombs
//! delays neither the other connections' tasks nor anyone waiting for the lock. Their outcome
//! is reported in Kafka's order all the same: under the lock, a partition that is unknown or
//! led elsewhere is refused for that first, and the producer state is checked and the batch
//! appended there, atomically.

use std::collections::BTreeSet;

use bytes::Bytes;
use kfk_protocol::compression::Compression;
use kfk_protocol::messages::produce::request::PartitionProduceData;
use kfk_protocol::messages::produce::response::{
    LeaderIdAndEpoch, NodeEndpoint, PartitionProduceResponse, TopicProduceResponse,
};
use kfk_protocol::messages::{ProduceRequest, ProduceResponse};
use kfk_protocol::records::{RecordBatch, RecordsError, TimestampType, LOG_OVERHEAD};
use kfk_protocol::Uuid;

use crate::handlers::{Ctx, Served};
use crate::idempotence::{BatchMeta, SequenceCheck};
use crate::state::{now_ms, ClusterState, Shared};
use crate::txn::{ProducerIdAndEpoch, TxnCoordinator};
use kfk_protocol::ErrorCode;

/// Kafka 4's default `message.timestamp.after.max.ms`.
const MAX_TIMESTAMP_AHEAD_MS: i64 = 60 * 60 * 1000;

type Refusal = (i16, String);

/// Batches up to this size, uncompressed, are checked on the connection's task: cheaper than
/// a hand-off to the pool, and no expansion can make them expensive.
const INLINE_CHECK_BYTES: usize = 64 * 1024;

/// The outcome of [`check_records`] for each partition of a request, in request order.
type Checked = Vec<Result<RecordBatch, Refusal>>;

pub(crate) async fn handle(shared: &Shared, ctx: &Ctx, request: ProduceRequest) -> Served {
    let v = ctx.version;
    let now = now_ms();
    let Some(checked) = check_all(shared, &request, v, now).await else {
        return Served::Close;
    };
    serve_checked(shared, ctx, request, checked)
}

/// [`handle`] with the records checked on the calling thread (unit tests without a runtime).
#[cfg(test)]
pub(crate) fn handle_inline(shared: &Shared, ctx: &Ctx, request: ProduceRequest) -> Served {
    let records = request.topic_data.iter().flat_map(|t| t.partition_data.iter().map(|p| p.records.as_ref()));
    let checked = records.map(|r| check_records(r, ctx.version, now_ms())).collect();
    serve_checked(shared, ctx, request, checked)
}

/// Serves a request whose records are checked, under the cluster lock.
fn serve_checked(shared: &Shared, ctx: &Ctx, request: ProduceRequest, checked: Checked) -> Served {
    let v = ctx.version;
    let mut checked = checked.into_iter();
    let acks = request.acks;
    let mut response = ProduceResponse::default();
    let mut any_error = false;
    let mut leaders_elsewhere = BTreeSet::new();
    {
        let mut state = shared.state();
        for t in &request.topic_data {
            let name = if v >= 13 { state.topic_name(t.topic_id).map(str::to_owned) } else { Some(t.name.clone()) };
            let mut topic_response = TopicProduceResponse {
                name: if v >= 13 { String::new() } else { t.name.clone() },
                topic_id: if v >= 13 { t.topic_id } else { Uuid::ZERO },
                ..Default::default()
            };
            for p in &t.partition_data {
                let batch = checked.next().unwrap_or_else(|| Err(one_batch(v)));
                let r = produce_partition(&mut state, ctx, name.as_deref(), p, batch, &request);
                if r.error_code != ErrorCode::NONE.0 {
                    any_error = true;
                    if r.error_code == ErrorCode::NOT_LEADER_OR_FOLLOWER.0 && r.current_leader.leader_id >= 0 {
                        leaders_elsewhere.insert(r.current_leader.leader_id);
                    }
                }
                topic_response.partition_responses.push(r);
            }
            response.responses.push(topic_response);
        }
    }
    if acks == 0 {
        return if any_error { Served::Close } else { Served::NoReply };
    }
    if v >= 10 {
        response.node_endpoints = leaders_elsewhere
            .into_iter()
            .map(|id| NodeEndpoint {
                node_id: id,
                host: "127.0.0.1".to_owned(),
                port: i32::from(shared.port(ctx.listener, id)),
                rack: None,
                ..Default::default()
            })
            .collect();
    }
    Served::Reply(response.into())
}

/// Runs [`check_records`] on every partition's records, outside the cluster lock: inline when
/// all are small and uncompressed, else on the decompression pool. `None` if the pool's thread
/// died (a stub bug: the connection is closed rather than the batches appended unchecked).
async fn check_all(shared: &Shared, request: &ProduceRequest, v: i16, now: i64) -> Option<Checked> {
    // Cheap clones (reference-counted) that the blocking thread can own.
    let records: Vec<Option<Bytes>> =
        request.topic_data.iter().flat_map(|t| t.partition_data.iter().map(|p| p.records.clone())).collect();
    let heavy = records.iter().flatten().any(|data| data.len() > INLINE_CHECK_BYTES || crate::log::is_compressed(data));
    if !heavy {
        return Some(records.iter().map(|r| check_records(r.as_ref(), v, now)).collect());
    }
    crate::limits::decompress(&shared.decompression, move || {
        records.iter().map(|r| check_records(r.as_ref(), v, now)).collect::<Checked>()
    })
    .await
}

/// Serves one partition under the cluster lock; `checked` is what [`check_records`] made of
/// its records.
fn produce_partition(
    state: &mut ClusterState,
    ctx: &Ctx,
    topic: Option<&str>,
    p: &PartitionProduceData,
    checked: Result<RecordBatch, Refusal>,
    request: &ProduceRequest,
) -> PartitionProduceResponse {
    let v = ctx.version;
    let acks = request.acks;
    let mut r = PartitionProduceResponse {
        index: p.index,
        base_offset: -1,
        log_append_time_ms: -1,
        log_start_offset: -1,
        ..Default::default()
    };
    let fail = |r: &mut PartitionProduceResponse, (code, message): Refusal| {
        r.error_code = code;
        if v >= 8 {
            r.error_message = Some(message);
        }
    };
    if !matches!(acks, -1..=1) {
        fail(&mut r, (ErrorCode::INVALID_REQUIRED_ACKS.0, "Invalid required acks.".into()));
        return r;
    }
    let Some(name) = topic else {
        fail(&mut r, (ErrorCode::UNKNOWN_TOPIC_ID.0, "This server does not host this topic ID.".into()));
        return r;
    };
    if let Some(code) = ctx.partition_fault(name, p.index) {
        fail(&mut r, (code, "Injected fault.".into()));
        return r;
    }
    let unknown = (ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0, "This server does not host this topic-partition.".into());
    let (topic, txns) = state.topic_mut_and_txns(name);
    let Some(topic) = topic else {
        fail(&mut r, unknown);
        return r;
    };
    let log_append_time = topic.log_append_time();
    let max_message_bytes = topic.max_message_bytes();
    let Some(partition) = usize::try_from(p.index).ok().and_then(|i| topic.partitions.get_mut(i)) else {
        fail(&mut r, unknown);
        return r;
    };
    if partition.leader != ctx.broker {
        fail(
            &mut r,
            (ErrorCode::NOT_LEADER_OR_FOLLOWER.0, "This is not the correct leader for this partition.".into()),
        );
        if v >= 10 {
            r.current_leader = LeaderIdAndEpoch {
                leader_id: partition.leader,
                leader_epoch: partition.leader_epoch,
                ..Default::default()
            };
        }
        return r;
    }
    let now = now_ms();
    let batch = match check_size(p.records.as_ref(), v, max_message_bytes).and(checked) {
        Ok(b) => b,
        Err(refusal) => {
            fail(&mut r, refusal);
            return r;
        }
    };
    let h = *batch.header();
    let tid = request.transactional_id.as_deref();
    if let Err(refusal) = check_transaction(txns, tid, name, p.index, &partition.log, &h, v, now) {
        fail(&mut r, refusal);
        return r;
    }
    if h.has_producer_id() {
        match partition.producers.check(h.producer_id, h.producer_epoch, h.base_sequence, h.last_sequence()) {
            SequenceCheck::Append => {}
            SequenceCheck::Duplicate(meta) => {
                tracing::debug!(producer_id = h.producer_id, seq = h.base_sequence, "duplicate batch acknowledged");
                r.base_offset = meta.first_offset;
                r.log_append_time_ms = meta.log_append_time;
                if v >= 5 {
                    r.log_start_offset = partition.log.start_offset();
                }
                return r;
            }
            SequenceCheck::Reject(code) => {
                let message = format!(
                    "Producer {} epoch {} sequence {} rejected.",
                    h.producer_id, h.producer_epoch, h.base_sequence
                );
                fail(&mut r, (code, message));
                return r;
            }
        }
    }
    let appended = partition.log.append(&batch, partition.leader_epoch, log_append_time.then_some(now));
    if h.is_transactional() {
        partition.log.txn_batch_appended(h.producer_id, appended.base_offset);
    }
    if h.has_producer_id() {
        partition.producers.record(
            h.producer_id,
            h.producer_epoch,
            BatchMeta {
                first_seq: h.base_sequence,
                last_seq: h.last_sequence(),
                first_offset: appended.base_offset,
                last_offset: appended.last_offset,
                log_append_time: appended.log_append_time,
            },
        );
    }
    partition.producers.truncate_head(partition.log.start_offset());
    r.base_offset = appended.base_offset;
    r.log_append_time_ms = appended.log_append_time;
    if v >= 5 {
        r.log_start_offset = partition.log.start_offset();
    }
    r
}

/// The transactional checks of a batch about to be appended (see the module docs).
#[allow(clippy::too_many_arguments)]
fn check_transaction(
    txns: &mut TxnCoordinator,
    transactional_id: Option<&str>,
    topic: &str,
    partition: i32,
    log: &crate::log::PartitionLog,
    h: &kfk_protocol::records::BatchHeader,
    v: i16,
    now: i64,
) -> Result<(), Refusal> {
    if !h.is_transactional() {
        if h.has_producer_id() && log.has_open_txn(h.producer_id) {
            return Err((
                ErrorCode::INVALID_TXN_STATE.0,
                format!("Expected a transactional write from producer {}: it has a transaction open.", h.producer_id),
            ));
        }
        return Ok(());
    }
    let Some(tid) = transactional_id else {
        return Err((
            ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED.0,
            "Transactional records need the request's transactional id.".into(),
        ));
    };
    if log.has_open_txn(h.producer_id) {
        // Checked when the transaction's first batch came; the producer state checks the epoch.
        return Ok(());
    }
    let producer = ProducerIdAndEpoch { id: h.producer_id, epoch: h.producer_epoch };
    let checked = if v >= 12 {
        txns.add_partitions(tid, producer, &[(topic.to_owned(), partition)], now)
    } else {
        txns.verify_partition(tid, producer, topic, partition)
    };
    checked.map_err(|code| {
        let code = match code {
            ErrorCode::PRODUCER_FENCED => ErrorCode::INVALID_PRODUCER_EPOCH,
            ErrorCode::TRANSACTION_ABORTABLE if v <= 10 => ErrorCode::INVALID_TXN_STATE,
            ErrorCode::CONCURRENT_TRANSACTIONS => ErrorCode::NOT_ENOUGH_REPLICAS,
            other => other,
        };
        let message = if code == ErrorCode::TRANSACTION_ABORTABLE || code == ErrorCode::INVALID_TXN_STATE {
            format!("Partition {topic}-{partition} was not added to the transaction of {tid}.")
        } else {
            format!("Transaction check of {tid} failed: {}.", code.name())
        };
        (code.0, message)
    })
}

/// The refusal of a record set that is not exactly one batch.
fn one_batch(v: i16) -> Refusal {
    (
        ErrorCode::INVALID_RECORD.0,
        format!(
            "Produce requests with version {v} are only allowed to contain exactly one record batch per partition."
        ),
    )
}

/// Kafka's first checks on a produced record set, cheap and needing the topic's config: one
/// batch, within `max.message.bytes`. They come before [`check_records`]'s in Kafka's order.
fn check_size(records: Option<&Bytes>, v: i16, max_message_bytes: usize) -> Result<(), Refusal> {
    let data = match records {
        Some(d) if !d.is_empty() => d,
        _ => return Err(one_batch(v)),
    };
    if data.len() > LOG_OVERHEAD {
        let length = i32::from_be_bytes([data[8], data[9], data[10], data[11]]);
        if length >= 0 && LOG_OVERHEAD + (length as usize) < data.len() {
            return Err(one_batch(v));
        }
    }
    if data.len() > max_message_bytes {
        return Err((
            ErrorCode::MESSAGE_TOO_LARGE.0,
            format!("The batch size {} exceeds max.message.bytes {max_message_bytes}.", data.len()),
        ));
    }
    Ok(())
}

/// Kafka's checks on the batch of a produced record set, which need no cluster state (and so
/// no lock): magic, CRC, codec, records. Returns the one batch the set holds. Decompressing
/// is bounded (64 MiB) but can take long: see [`check_all`].
fn check_records(records: Option<&Bytes>, v: i16, now: i64) -> Result<RecordBatch, Refusal> {
    let corrupt = |e: &dyn std::fmt::Display| (ErrorCode::CORRUPT_MESSAGE.0, format!("Corrupt record batch: {e}"));
    let data = match records {
        Some(d) if !d.is_empty() => d.clone(),
        _ => return Err(one_batch(v)),
    };
    let batch = match RecordBatch::parse(data) {
        Ok(b) => b,
        Err(RecordsError::UnsupportedMagic(m)) => {
            return Err((
                ErrorCode::INVALID_RECORD.0,
                format!("Produce requests with version {v} are only allowed to contain record batches with magic version 2, not {m}."),
            ))
        }
        Err(e) => return Err(corrupt(&e)),
    };
    batch.verify_crc().map_err(|e| corrupt(&e))?;
    let h = batch.header();
    if h.compression() == Compression::Zstd && v < 7 {
        return Err((
            ErrorCode::UNSUPPORTED_COMPRESSION_TYPE.0,
            format!("Produce requests with version {v} cannot use zstd compression."),
        ));
    }
    if h.is_control() {
        return Err((ErrorCode::INVALID_RECORD.0, "Clients may not write control batches.".into()));
    }
    if h.record_count <= 0 || h.last_offset_delta != h.record_count - 1 {
        return Err((
            ErrorCode::INVALID_RECORD.0,
            format!("Batch holds {} records but its last offset delta is {}.", h.record_count, h.last_offset_delta),
        ));
    }
    let records = batch.records().map_err(|e| corrupt(&e))?;
    let mut count = 0i32;
    for record in records {
        let record = record.map_err(|e| corrupt(&e))?;
        if record.offset != h.base_offset + count as i64 {
            return Err((ErrorCode::INVALID_RECORD.0, "Record offsets are not consecutive.".into()));
        }
        if h.timestamp_type() == TimestampType::CreateTime && record.timestamp > now + MAX_TIMESTAMP_AHEAD_MS {
            return Err((
                ErrorCode::INVALID_TIMESTAMP.0,
                format!("Timestamp {} of a record is more than one hour ahead of the broker's time.", record.timestamp),
            ));
        }
        count += 1;
    }
    if count != h.record_count {
        return Err((
            ErrorCode::INVALID_RECORD.0,
            format!("Batch claims {} records but holds {count}.", h.record_count),
        ));
    }
    Ok(batch)
}

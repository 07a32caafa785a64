//! Transactions through the handlers the dispatcher calls (no sockets): routing, produce
//! verification, markers, the last stable offset in Fetch and ListOffsets, TxnOffsetCommit,
//! fencing and the timeout, with the error codes each request version gets.

use std::collections::HashMap;
use std::sync::Arc;

use bytes::Bytes;
use kfk_protocol::compression::Compression;
use kfk_protocol::messages::add_partitions_to_txn::request::AddPartitionsToTxnTopic;
use kfk_protocol::messages::fetch::request::{FetchPartition, FetchTopic};
use kfk_protocol::messages::list_offsets::request::{ListOffsetsPartition, ListOffsetsTopic};
use kfk_protocol::messages::produce::request::{PartitionProduceData, TopicProduceData};
use kfk_protocol::messages::txn_offset_commit::request::{
    TxnOffsetCommitRequestPartition, TxnOffsetCommitRequestTopic,
};
use kfk_protocol::messages::{
    describe_producers, describe_transactions, DescribeProducersRequest, DescribeTransactionsRequest,
    ListTransactionsRequest, ListTransactionsResponse,
};
use kfk_protocol::messages::{
    AddOffsetsToTxnRequest, AddPartitionsToTxnRequest, ApiKey, ApiVersionsRequest, EndTxnRequest, FetchRequest,
    FindCoordinatorRequest, InitProducerIdRequest, ListOffsetsRequest, ProduceRequest, ProduceResponse, ResponseBody,
    TxnOffsetCommitRequest,
};
use kfk_protocol::records::{Batches, EndTxnMarker, RecordBatchBuilder};
use kfk_protocol::ErrorCode;

use super::{api_versions, coordinator, fetch, list_offsets, produce, producer_id, txn, txn_admin, txn_offsets};
use crate::handlers::{Ctx, Served};
use crate::state::{Config, CoordinatorKind, Shared};

const TID: &str = "tid";
const GROUP: &str = "g";

fn shared(brokers: usize) -> Arc<Shared> {
    let config = Config { auto_create_topics: true, default_partitions: 2, ..Config::for_tests(brokers) };
    let shared = Arc::new(Shared::new(config, vec![0; brokers]));
    {
        let mut state = shared.state();
        let assignment = state.default_assignment(0, 2, 1);
        state.create_topic("t", assignment, Default::default(), 1 << 20);
    }
    shared
}

fn ctx(broker: i32, version: i16) -> Ctx {
    Ctx {
        broker,
        version,
        client_id: String::new(),
        client_host: String::new(),
        client_port: 0,
        client_software: None,
        listener: 0,
        principal: String::new(),
        acls: None,
        partition_faults: HashMap::new(),
    }
}

/// The broker coordinating the transactional id, and the one coordinating the group.
fn coordinators(s: &Shared) -> (i32, i32) {
    let state = s.state();
    (state.coordinator(CoordinatorKind::Transaction, TID), state.coordinator(CoordinatorKind::Group, GROUP))
}

fn init(s: &Arc<Shared>, broker: i32, version: i16) -> kfk_protocol::messages::InitProducerIdResponse {
    let request = InitProducerIdRequest {
        transactional_id: Some(TID.into()),
        transaction_timeout_ms: 60_000,
        producer_id: -1,
        producer_epoch: -1,
        ..Default::default()
    };
    producer_id::handle(s, &ctx(broker, version), request)
}

fn add_partition(s: &Shared, broker: i32, pid: i64, epoch: i16, partition: i32, version: i16) -> i16 {
    let request = AddPartitionsToTxnRequest {
        v3_and_below_transactional_id: TID.into(),
        v3_and_below_producer_id: pid,
        v3_and_below_producer_epoch: epoch,
        v3_and_below_topics: vec![AddPartitionsToTxnTopic {
            name: "t".into(),
            partitions: vec![partition],
            ..Default::default()
        }],
        ..Default::default()
    };
    let r = txn::add_partitions_to_txn(s, &ctx(broker, version), request);
    r.results_by_topic_v3_and_below[0].results_by_partition[0].partition_error_code
}

fn end(s: &Shared, broker: i32, pid: i64, epoch: i16, commit: bool, version: i16) -> i16 {
    let request = EndTxnRequest {
        transactional_id: TID.into(),
        producer_id: pid,
        producer_epoch: epoch,
        committed: commit,
        ..Default::default()
    };
    txn::end_txn(s, &ctx(broker, version), request).error_code
}

fn batch(pid: i64, epoch: i16, seq: i32, transactional: bool, value: &str) -> Bytes {
    let mut b =
        RecordBatchBuilder::new(Compression::None).with_producer(pid, epoch, seq).with_transactional(transactional);
    b.append(1, None, Some(value.as_bytes())).expect("append");
    b.build().expect("build")
}

fn produce_to(s: &Shared, partition: i32, records: Bytes, tid: Option<&str>, version: i16) -> (i16, i64) {
    let leader = s.state().topic("t").map(|t| t.partitions[partition as usize].leader).expect("topic");
    let request = ProduceRequest {
        transactional_id: tid.map(str::to_owned),
        acks: -1,
        timeout_ms: 1000,
        topic_data: vec![TopicProduceData {
            name: "t".into(),
            partition_data: vec![PartitionProduceData {
                index: partition,
                records: Some(records),
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let Served::Reply(ResponseBody::Produce(ProduceResponse { responses, .. })) =
        produce::handle_inline(s, &ctx(leader, version), request)
    else {
        panic!("a produce response")
    };
    let p = &responses[0].partition_responses[0];
    (p.error_code, p.base_offset)
}

async fn fetch_from(
    s: &Shared,
    partition: i32,
    isolation_level: i8,
) -> kfk_protocol::messages::fetch::response::PartitionData {
    let leader = s.state().topic("t").map(|t| t.partitions[partition as usize].leader).expect("topic");
    let request = FetchRequest {
        replica_id: -1,
        max_wait_ms: 0,
        max_bytes: 1 << 20,
        isolation_level,
        session_epoch: -1,
        topics: vec![FetchTopic {
            topic: "t".into(),
            partitions: vec![FetchPartition {
                partition,
                fetch_offset: 0,
                partition_max_bytes: 1 << 20,
                current_leader_epoch: -1,
                log_start_offset: -1,
                last_fetched_epoch: -1,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let mut r = fetch::handle(s, &ctx(leader, 12), request).await;
    r.responses.remove(0).partitions.remove(0)
}

async fn latest(s: &Shared, partition: i32, isolation_level: i8) -> i64 {
    let leader = s.state().topic("t").map(|t| t.partitions[partition as usize].leader).expect("topic");
    let request = ListOffsetsRequest {
        replica_id: -1,
        isolation_level,
        topics: vec![ListOffsetsTopic {
            name: "t".into(),
            partitions: vec![ListOffsetsPartition {
                partition_index: partition,
                current_leader_epoch: -1,
                timestamp: -1,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let Served::Reply(ResponseBody::ListOffsets(r)) = list_offsets::handle(s, &ctx(leader, 7), request).await else {
        panic!("a ListOffsets response")
    };
    r.topics[0].partitions[0].offset
}

/// The values and control markers of a fetched record set, in offset order.
fn contents(records: &Bytes) -> Vec<String> {
    let mut out = Vec::new();
    for batch in Batches::new(records.clone()) {
        let batch = batch.expect("a batch");
        for record in batch.records().expect("records") {
            let record = record.expect("a record");
            if batch.is_control() {
                let marker = EndTxnMarker::from_record(&record).expect("marker").expect("a marker");
                out.push(format!("{:?}", marker.result));
            } else {
                out.push(String::from_utf8_lossy(record.value.as_deref().unwrap_or_default()).into_owned());
            }
        }
    }
    out
}

#[tokio::test]
async fn find_coordinator_locates_transactional_ids_and_other_brokers_say_not_coordinator() {
    let s = shared(3);
    let (coordinator, _) = coordinators(&s);
    let v3 = coordinator::find_coordinator(
        &s,
        &ctx(0, 3),
        FindCoordinatorRequest { key: TID.into(), key_type: 1, ..Default::default() },
    );
    assert_eq!((v3.error_code, v3.node_id), (0, coordinator));
    let v4 = coordinator::find_coordinator(
        &s,
        &ctx(0, 4),
        FindCoordinatorRequest {
            key_type: 1,
            coordinator_keys: vec![TID.into(), "other".into()],
            ..Default::default()
        },
    );
    assert_eq!(v4.coordinators.len(), 2);
    assert_eq!((v4.coordinators[0].error_code, v4.coordinators[0].node_id), (0, coordinator));
    let elsewhere = (coordinator + 1) % 3;
    assert_eq!(init(&s, elsewhere, 4).error_code, ErrorCode::NOT_COORDINATOR.0);
    let p = init(&s, coordinator, 4);
    assert_eq!(p.error_code, 0);
    assert_eq!(add_partition(&s, elsewhere, p.producer_id, p.producer_epoch, 0, 3), ErrorCode::NOT_COORDINATOR.0);
    assert_eq!(end(&s, elsewhere, p.producer_id, p.producer_epoch, true, 3), ErrorCode::NOT_COORDINATOR.0);
}

#[tokio::test]
async fn an_aborted_transaction_is_hidden_from_read_committed_and_listed_as_aborted() {
    let s = shared(1);
    let p = init(&s, 0, 4);
    let (pid, epoch) = (p.producer_id, p.producer_epoch);
    assert_eq!(produce_to(&s, 0, batch(-1, -1, -1, false, "plain"), None, 11), (0, 0));
    assert_eq!(add_partition(&s, 0, pid, epoch, 0, 3), 0);
    assert_eq!(produce_to(&s, 0, batch(pid, epoch, 0, true, "t1"), Some(TID), 11), (0, 1));
    assert_eq!(produce_to(&s, 0, batch(pid, epoch, 1, true, "t2"), Some(TID), 11), (0, 2));

    // Open: read_committed stops at the transaction's first offset.
    let rc = fetch_from(&s, 0, 1).await;
    assert_eq!((rc.high_watermark, rc.last_stable_offset), (3, 1));
    assert_eq!(contents(rc.records.as_ref().expect("records")), ["plain"]);
    assert_eq!(contents(fetch_from(&s, 0, 0).await.records.as_ref().expect("records")), ["plain", "t1", "t2"]);
    assert_eq!((latest(&s, 0, 1).await, latest(&s, 0, 0).await), (1, 3));
    // A non-transactional batch of the same producer while its transaction is open.
    assert_eq!(produce_to(&s, 0, batch(pid, epoch, 2, false, "x"), Some(TID), 11).0, ErrorCode::INVALID_TXN_STATE.0);

    assert_eq!(end(&s, 0, pid, epoch, false, 3), 0);
    let rc = fetch_from(&s, 0, 1).await;
    assert_eq!((rc.high_watermark, rc.last_stable_offset), (4, 4));
    assert_eq!(contents(rc.records.as_ref().expect("records")), ["plain", "t1", "t2", "Abort"]);
    let aborted = rc.aborted_transactions.expect("read_committed lists aborted transactions");
    assert_eq!(aborted.iter().map(|a| (a.producer_id, a.first_offset)).collect::<Vec<_>>(), [(pid, 1)]);
    assert_eq!(fetch_from(&s, 0, 0).await.aborted_transactions, None, "read_uncommitted: no list");
    assert_eq!(latest(&s, 0, 1).await, 4);

    // The next transaction commits; a retried EndTxn is fine, an abort of it is not.
    assert_eq!(add_partition(&s, 0, pid, epoch, 0, 3), 0);
    assert_eq!(produce_to(&s, 0, batch(pid, epoch, 2, true, "t3"), Some(TID), 11), (0, 4));
    assert_eq!(end(&s, 0, pid, epoch, true, 3), 0);
    assert_eq!(end(&s, 0, pid, epoch, true, 3), 0);
    assert_eq!(end(&s, 0, pid, epoch, false, 3), ErrorCode::INVALID_TXN_STATE.0);
    let rc = fetch_from(&s, 0, 1).await;
    assert_eq!(contents(rc.records.as_ref().expect("records")), ["plain", "t1", "t2", "Abort", "t3", "Commit"]);
    assert_eq!(rc.aborted_transactions.map(|a| a.len()), Some(1));
}

#[tokio::test]
async fn produce_verifies_the_partition_is_in_the_transaction() {
    let s = shared(1);
    let p = init(&s, 0, 4);
    let (pid, epoch) = (p.producer_id, p.producer_epoch);
    let txn_batch = || batch(pid, epoch, 0, true, "v");
    // No transaction at all, then partition 1 not added: by version.
    assert_eq!(produce_to(&s, 0, txn_batch(), Some(TID), 10).0, ErrorCode::INVALID_TXN_STATE.0);
    assert_eq!(produce_to(&s, 0, txn_batch(), Some(TID), 11).0, ErrorCode::TRANSACTION_ABORTABLE.0);
    assert_eq!(add_partition(&s, 0, pid, epoch, 0, 3), 0);
    assert_eq!(produce_to(&s, 1, txn_batch(), Some(TID), 11).0, ErrorCode::TRANSACTION_ABORTABLE.0);
    assert_eq!(produce_to(&s, 0, txn_batch(), None, 11).0, ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED.0);
    assert_eq!(produce_to(&s, 0, txn_batch(), Some("unknown"), 11).0, ErrorCode::INVALID_PRODUCER_ID_MAPPING.0);
    assert_eq!(latest(&s, 1, 0).await, 0, "nothing was written to partition 1");
    assert_eq!(produce_to(&s, 0, txn_batch(), Some(TID), 11).0, 0);
    // Transaction version 2: Produce v12 adds the partition itself.
    assert_eq!(produce_to(&s, 1, txn_batch(), Some(TID), 12), (0, 0), "implicit add");
    assert_eq!((latest(&s, 1, 0).await, latest(&s, 1, 1).await), (1, 0), "written, in the open transaction");
}

#[tokio::test]
async fn a_second_instance_fences_the_first_and_aborts_its_transaction() {
    let s = shared(1);
    let first = init(&s, 0, 4);
    let (pid, epoch) = (first.producer_id, first.producer_epoch);
    assert_eq!(add_partition(&s, 0, pid, epoch, 0, 3), 0);
    assert_eq!(produce_to(&s, 0, batch(pid, epoch, 0, true, "zombie"), Some(TID), 11).0, 0);
    // The second instance: first CONCURRENT_TRANSACTIONS while the old transaction is aborted.
    assert_eq!(init(&s, 0, 4).error_code, ErrorCode::CONCURRENT_TRANSACTIONS.0);
    let rc = fetch_from(&s, 0, 1).await;
    assert_eq!(contents(rc.records.as_ref().expect("records")), ["zombie", "Abort"]);
    assert_eq!(rc.last_stable_offset, 2);
    let second = init(&s, 0, 4);
    assert_eq!((second.error_code, second.producer_id, second.producer_epoch), (0, pid, epoch + 2));
    // The first instance is fenced everywhere, with the code its version knows.
    assert_eq!(end(&s, 0, pid, epoch, true, 2), ErrorCode::PRODUCER_FENCED.0);
    assert_eq!(end(&s, 0, pid, epoch, true, 1), ErrorCode::INVALID_PRODUCER_EPOCH.0);
    assert_eq!(add_partition(&s, 0, pid, epoch, 1, 3), ErrorCode::PRODUCER_FENCED.0);
    assert_eq!(add_partition(&s, 0, pid, epoch, 1, 1), ErrorCode::INVALID_PRODUCER_EPOCH.0);
    assert_eq!(
        produce_to(&s, 0, batch(pid, epoch, 1, true, "late"), Some(TID), 11).0,
        ErrorCode::INVALID_PRODUCER_EPOCH.0
    );
}

#[tokio::test]
async fn transactional_offsets_need_add_offsets_and_apply_only_on_commit() {
    let s = shared(3);
    let (tc, gc) = coordinators(&s);
    let p = init(&s, tc, 4);
    let (pid, epoch) = (p.producer_id, p.producer_epoch);
    let commit = |offset: i64, version: i16, broker: i32| {
        let request = TxnOffsetCommitRequest {
            transactional_id: TID.into(),
            group_id: GROUP.into(),
            producer_id: pid,
            producer_epoch: epoch,
            topics: vec![TxnOffsetCommitRequestTopic {
                name: "t".into(),
                partitions: vec![TxnOffsetCommitRequestPartition {
                    partition_index: 0,
                    committed_offset: offset,
                    committed_leader_epoch: -1,
                    ..Default::default()
                }],
                ..Default::default()
            }],
            ..Default::default()
        };
        txn_offsets::txn_offset_commit(&s, &ctx(broker, version), request).topics[0].partitions[0].error_code
    };
    let add_offsets = || {
        let request = AddOffsetsToTxnRequest {
            transactional_id: TID.into(),
            producer_id: pid,
            producer_epoch: epoch,
            group_id: GROUP.into(),
            ..Default::default()
        };
        txn::add_offsets_to_txn(&s, &ctx(tc, 3), request).error_code
    };
    let committed = || s.groups().committed(GROUP, "t", 0).map(|o| o.offset);
    assert_eq!(commit(5, 3, gc), ErrorCode::INVALID_TXN_STATE.0, "not added with AddOffsetsToTxn");
    assert_eq!(commit(5, 4, gc), ErrorCode::TRANSACTION_ABORTABLE.0);
    assert_eq!(add_offsets(), 0);
    assert_eq!(commit(5, 3, (gc + 1) % 3), ErrorCode::NOT_COORDINATOR.0);
    assert_eq!(commit(5, 3, gc), 0);
    assert_eq!(committed(), None, "pending until the transaction commits");
    assert_eq!(end(&s, tc, pid, epoch, false, 3), 0);
    assert_eq!(committed(), None, "dropped by the abort");
    assert_eq!(add_offsets(), 0);
    assert_eq!(commit(7, 3, gc), 0);
    assert_eq!(end(&s, tc, pid, epoch, true, 3), 0);
    assert_eq!(committed(), Some(7));
}

#[tokio::test]
async fn a_timed_out_transaction_is_aborted_and_its_producer_fenced() {
    let s = shared(1);
    let p = init(&s, 0, 4);
    let (pid, epoch) = (p.producer_id, p.producer_epoch);
    assert_eq!(add_partition(&s, 0, pid, epoch, 0, 3), 0);
    assert_eq!(produce_to(&s, 0, batch(pid, epoch, 0, true, "slow"), Some(TID), 11).0, 0);
    assert_eq!(crate::txn::timer::abort_timed_out(&s), 0, "60 s have not passed");
    s.state().txns.backdate(TID, 61_000);
    assert_eq!(crate::txn::timer::abort_timed_out(&s), 1);
    let rc = fetch_from(&s, 0, 1).await;
    assert_eq!(contents(rc.records.as_ref().expect("records")), ["slow", "Abort"]);
    assert_eq!(rc.aborted_transactions.map(|a| a.len()), Some(1));
    assert_eq!(end(&s, 0, pid, epoch, true, 3), ErrorCode::PRODUCER_FENCED.0);
    let next = init(&s, 0, 4);
    assert_eq!((next.error_code, next.producer_epoch), (0, epoch + 2));
}

#[tokio::test]
async fn init_producer_id_validates_the_timeout_and_the_id() {
    let s = shared(1);
    let request = |tid: &str, timeout: i32| InitProducerIdRequest {
        transactional_id: Some(tid.into()),
        transaction_timeout_ms: timeout,
        producer_id: -1,
        producer_epoch: -1,
        ..Default::default()
    };
    let r = producer_id::handle(&s, &ctx(0, 4), request(TID, 900_001));
    assert_eq!(r.error_code, ErrorCode::INVALID_TRANSACTION_TIMEOUT.0);
    assert_eq!(producer_id::handle(&s, &ctx(0, 4), request("", 1000)).error_code, ErrorCode::INVALID_REQUEST.0);
    let half = InitProducerIdRequest { producer_id: 5, ..request(TID, 1000) };
    assert_eq!(producer_id::handle(&s, &ctx(0, 4), half).error_code, ErrorCode::INVALID_REQUEST.0);
}

fn finalized_transaction_version(s: &Shared) -> Vec<(String, i16, i16)> {
    let request = ApiVersionsRequest {
        client_software_name: "test".into(),
        client_software_version: "1".into(),
        ..Default::default()
    };
    let r = api_versions::handle(s, &ctx(0, 3), request);
    r.finalized_features
        .iter()
        .filter(|f| f.name == "transaction.version")
        .map(|f| (f.name.clone(), f.min_version_level, f.max_version_level))
        .collect()
}

#[test]
fn api_versions_finalize_transaction_version_2_unless_capped() {
    let s = shared(1);
    let max = |api: ApiKey| api_versions::supported(&s.config, api).map(|r| r.max);
    assert_eq!(max(ApiKey::EndTxn), Some(5));
    assert_eq!(max(ApiKey::TxnOffsetCommit), Some(6));
    assert_eq!(max(ApiKey::AddPartitionsToTxn), Some(3), "the clients' form only");
    assert_eq!(max(ApiKey::AddOffsetsToTxn), Some(4));
    assert_eq!(max(ApiKey::InitProducerId), Some(5), "v6 is unstable");
    assert_eq!(finalized_transaction_version(&s), [("transaction.version".to_owned(), 2, 2)]);
    let mut config = s.config.clone();
    config.max_versions.insert(ApiKey::EndTxn, 4);
    let older = Shared::new(config, vec![0]);
    assert_eq!(finalized_transaction_version(&older), [("transaction.version".to_owned(), 1, 1)]);
}

#[test]
fn api_versions_finalize_group_version_1_while_kip_848_is_served() {
    let group_version = |s: &Shared| {
        let request = ApiVersionsRequest {
            client_software_name: "test".into(),
            client_software_version: "1".into(),
            ..Default::default()
        };
        let r = api_versions::handle(s, &ctx(0, 3), request);
        r.finalized_features.iter().find(|f| f.name == "group.version").map(|f| f.max_version_level)
    };
    let s = shared(1);
    assert_eq!(group_version(&s), Some(1));
    let mut config = s.config.clone();
    config.max_versions.insert(ApiKey::ConsumerGroupHeartbeat, -1);
    let without = Shared::new(config, vec![0]);
    assert_eq!(group_version(&without), None, "not listed when ConsumerGroupHeartbeat is not served");
}

#[tokio::test]
async fn transaction_version_2_end_txn_answers_the_next_epoch() {
    let s = shared(1);
    let p = init(&s, 0, 5);
    let (pid, epoch) = (p.producer_id, p.producer_epoch);
    assert_eq!(produce_to(&s, 0, batch(pid, epoch, 0, true, "t1"), Some(TID), 12).0, 0);
    let commit = |epoch: i16| {
        let request = EndTxnRequest {
            transactional_id: TID.into(),
            producer_id: pid,
            producer_epoch: epoch,
            committed: true,
            ..Default::default()
        };
        txn::end_txn(&s, &ctx(0, 5), request)
    };
    let r = commit(epoch);
    assert_eq!((r.error_code, r.producer_id, r.producer_epoch), (0, pid, epoch + 1));
    let retry = commit(epoch);
    assert_eq!((retry.error_code, retry.producer_id, retry.producer_epoch), (0, pid, epoch + 1));
    // The marker carries the new epoch: the old one is fenced in the partition.
    let rc = fetch_from(&s, 0, 1).await;
    assert_eq!(contents(rc.records.as_ref().expect("records")), ["t1", "Commit"]);
    let old = batch(pid, epoch, 1, true, "old");
    assert_eq!(produce_to(&s, 0, old, Some(TID), 12).0, ErrorCode::INVALID_PRODUCER_EPOCH.0);
    // The next transaction starts at the new epoch with sequence 0.
    assert_eq!(produce_to(&s, 0, batch(pid, epoch + 1, 0, true, "t2"), Some(TID), 12), (0, 2));
    assert_eq!(end(&s, 0, pid, epoch + 1, false, 4), 0, "a v4 EndTxn in between is version 1: no bump");
}

#[tokio::test]
async fn transaction_version_2_txn_offset_commit_adds_the_group_and_names_topics_by_id() {
    let s = shared(1);
    let p = init(&s, 0, 5);
    let topic_id = s.state().topic("t").map(|t| t.id).expect("topic");
    let request = |topic_id| TxnOffsetCommitRequest {
        transactional_id: TID.into(),
        group_id: GROUP.into(),
        producer_id: p.producer_id,
        producer_epoch: p.producer_epoch,
        topics: vec![TxnOffsetCommitRequestTopic {
            topic_id,
            partitions: vec![TxnOffsetCommitRequestPartition {
                partition_index: 1,
                committed_offset: 9,
                committed_leader_epoch: -1,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let unknown = txn_offsets::txn_offset_commit(&s, &ctx(0, 6), request(kfk_protocol::Uuid::from_u128(7)));
    assert_eq!(unknown.topics[0].partitions[0].error_code, ErrorCode::UNKNOWN_TOPIC_ID.0);
    let r = txn_offsets::txn_offset_commit(&s, &ctx(0, 6), request(topic_id));
    assert_eq!((r.topics[0].topic_id, r.topics[0].partitions[0].error_code), (topic_id, 0));
    let end_request = EndTxnRequest {
        transactional_id: TID.into(),
        producer_id: p.producer_id,
        producer_epoch: p.producer_epoch,
        committed: true,
        ..Default::default()
    };
    assert_eq!(txn::end_txn(&s, &ctx(0, 5), end_request).error_code, 0);
    assert_eq!(s.groups().committed(GROUP, "t", 1).map(|o| o.offset), Some(9));
}

#[tokio::test]
async fn the_timer_task_aborts_a_transaction_past_its_timeout() {
    let s = shared(1);
    let request = InitProducerIdRequest {
        transactional_id: Some(TID.into()),
        transaction_timeout_ms: 1,
        producer_id: -1,
        producer_epoch: -1,
        ..Default::default()
    };
    let p = producer_id::handle(&s, &ctx(0, 4), request);
    assert_eq!(p.error_code, 0);
    assert_eq!(add_partition(&s, 0, p.producer_id, p.producer_epoch, 0, 3), 0);
    // The task started with the InitProducerId; wait (bounded) until it has aborted.
    let aborted = async {
        loop {
            if s.state().txns.get(TID).is_some_and(|m| m.state == crate::txn::metadata::TxnState::CompleteAbort) {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    };
    tokio::time::timeout(std::time::Duration::from_secs(10), aborted).await.expect("aborted by the timer task");
    assert_eq!(s.state().txns.get(TID).map(|m| m.producer_epoch), Some(p.producer_epoch + 1), "fenced");
    assert_eq!(latest(&s, 0, 0).await, 1, "the abort marker was written");
}

fn list(s: &Shared, broker: i32, version: i16, request: ListTransactionsRequest) -> ListTransactionsResponse {
    txn_admin::list_transactions(s, &ctx(broker, version), request)
}

fn listed_ids(r: &ListTransactionsResponse) -> Vec<(String, i64, String)> {
    r.transaction_states
        .iter()
        .map(|t| (t.transactional_id.clone(), t.producer_id, t.transaction_state.clone()))
        .collect()
}

fn describe_txn(s: &Shared, broker: i32, id: &str) -> describe_transactions::response::TransactionState {
    let request = DescribeTransactionsRequest { transactional_ids: vec![id.into()], ..Default::default() };
    txn_admin::describe_transactions(s, &ctx(broker, 0), request).transaction_states.remove(0)
}

fn producers(s: &Shared, broker: i32, partition: i32) -> describe_producers::response::PartitionResponse {
    let request = DescribeProducersRequest {
        topics: vec![describe_producers::request::TopicRequest {
            name: "t".into(),
            partition_indexes: vec![partition],
            ..Default::default()
        }],
        ..Default::default()
    };
    txn_admin::describe_producers(s, &ctx(broker, 0), request).topics.remove(0).partitions.remove(0)
}

#[tokio::test]
async fn list_and_describe_transactions_follow_the_coordinator_state() {
    let s = shared(3);
    let (tc, _) = coordinators(&s);
    let other = (tc + 1) % 3;
    assert!(listed_ids(&list(&s, tc, 1, ListTransactionsRequest::default())).is_empty());
    let p = init(&s, tc, 4);
    let (pid, epoch) = (p.producer_id, p.producer_epoch);
    let all = ListTransactionsRequest { duration_filter: -1, ..Default::default() };
    assert_eq!(listed_ids(&list(&s, tc, 1, all.clone())), [(TID.to_owned(), pid, "Empty".to_owned())]);
    assert!(listed_ids(&list(&s, other, 1, all.clone())).is_empty(), "only the coordinator lists it");

    let d = describe_txn(&s, tc, TID);
    assert_eq!((d.error_code, d.transaction_state.as_str(), d.producer_id, d.producer_epoch), (0, "Empty", pid, epoch));
    assert_eq!((d.transaction_timeout_ms, d.transaction_start_time_ms), (60_000, -1));
    assert!(d.topics.is_empty());
    assert_eq!(describe_txn(&s, other, TID).error_code, ErrorCode::NOT_COORDINATOR.0);
    let unknown =
        (0..100).map(|i| format!("none-{i}")).find(|id| s.state().coordinator(CoordinatorKind::Transaction, id) == tc);
    let unknown = unknown.expect("an id coordinated by the same broker");
    let d = describe_txn(&s, tc, &unknown);
    assert_eq!(
        (d.error_code, d.transactional_id.as_str()),
        (ErrorCode::TRANSACTIONAL_ID_NOT_FOUND.0, unknown.as_str())
    );

    assert_eq!(add_partition(&s, tc, pid, epoch, 1, 3), 0);
    assert_eq!(add_partition(&s, tc, pid, epoch, 0, 3), 0);
    let d = describe_txn(&s, tc, TID);
    assert_eq!(d.transaction_state, "Ongoing");
    assert!(d.transaction_start_time_ms > 0);
    assert_eq!(
        d.topics.iter().map(|t| (t.topic.as_str(), t.partitions.clone())).collect::<Vec<_>>(),
        [("t", vec![0, 1])]
    );

    // Filters: every one given must match.
    let by_state = |states: &[&str]| ListTransactionsRequest {
        state_filters: states.iter().map(|s| (*s).to_owned()).collect(),
        duration_filter: -1,
        ..Default::default()
    };
    assert_eq!(listed_ids(&list(&s, tc, 1, by_state(&["Ongoing"]))).len(), 1);
    assert!(listed_ids(&list(&s, tc, 1, by_state(&["CompleteCommit", "Dead"]))).is_empty());
    let r = list(&s, tc, 1, by_state(&["Ongoing", "Bogus"]));
    assert_eq!((listed_ids(&r).len(), r.unknown_state_filters.clone()), (1, vec!["Bogus".to_owned()]));
    let by_pid =
        |ids: Vec<i64>| ListTransactionsRequest { producer_id_filters: ids, duration_filter: -1, ..Default::default() };
    assert_eq!(listed_ids(&list(&s, tc, 1, by_pid(vec![pid]))).len(), 1);
    assert!(listed_ids(&list(&s, tc, 1, by_pid(vec![pid + 1]))).is_empty());
    // The duration filter (v1): only transactions running longer than it.
    let longer = |ms: i64| ListTransactionsRequest { duration_filter: ms, ..Default::default() };
    assert!(listed_ids(&list(&s, tc, 1, longer(60_000))).is_empty());
    s.state().txns.backdate(TID, 120_000);
    assert_eq!(listed_ids(&list(&s, tc, 1, longer(60_000))).len(), 1);
    assert_eq!(listed_ids(&list(&s, tc, 0, longer(600_000))).len(), 1, "v0 has no duration filter");
    assert!(listed_ids(&list(&s, tc, 1, longer(600_000))).is_empty());

    assert_eq!(end(&s, tc, pid, epoch, true, 3), 0);
    assert_eq!(describe_txn(&s, tc, TID).transaction_state, "CompleteCommit");
    assert_eq!(listed_ids(&list(&s, tc, 1, by_state(&["CompleteCommit"]))).len(), 1);
}

#[tokio::test]
async fn describe_producers_shows_open_transactions_on_the_leader() {
    let s = shared(3);
    let (tc, _) = coordinators(&s);
    let leader = s.state().topic("t").map(|t| t.partitions[0].leader).expect("topic");
    let follower = (leader + 1) % 3;
    let r = producers(&s, leader, 0);
    assert_eq!((r.error_code, r.active_producers.len()), (0, 0));
    assert_eq!(producers(&s, follower, 0).error_code, ErrorCode::NOT_LEADER_OR_FOLLOWER.0);
    assert_eq!(producers(&s, leader, 9).error_code, ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0);

    let p = init(&s, tc, 4);
    let (pid, epoch) = (p.producer_id, p.producer_epoch);
    assert_eq!(produce_to(&s, 0, batch(-1, -1, -1, false, "plain"), None, 11), (0, 0));
    assert_eq!(add_partition(&s, tc, pid, epoch, 0, 3), 0);
    assert_eq!(produce_to(&s, 0, batch(pid, epoch, 0, true, "a"), Some(TID), 11), (0, 1));
    assert_eq!(produce_to(&s, 0, batch(pid, epoch, 1, true, "b"), Some(TID), 11), (0, 2));
    let r = producers(&s, leader, 0);
    assert_eq!(r.error_code, 0);
    let [open] = r.active_producers.as_slice() else { panic!("one producer: {r:?}") };
    assert_eq!((open.producer_id, open.producer_epoch, open.last_sequence), (pid, i32::from(epoch), 1));
    assert_eq!((open.current_txn_start_offset, open.coordinator_epoch), (1, -1));
    assert_eq!(open.last_timestamp, 1, "the max timestamp of its last batch");

    assert_eq!(end(&s, tc, pid, epoch, false, 3), 0);
    let r = producers(&s, leader, 0);
    let [closed] = r.active_producers.as_slice() else { panic!("one producer: {r:?}") };
    assert_eq!((closed.producer_id, closed.current_txn_start_offset, closed.coordinator_epoch), (pid, -1, 0));
}

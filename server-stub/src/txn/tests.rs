//! The coordinator's state machine without a network: Kafka's transitions, fencing, KIP-360
//! bumps, verification answers and timeouts, with synthetic clocks.

use kfk_protocol::records::TransactionResult;
use kfk_protocol::ErrorCode;

use super::metadata::TxnState;
use super::*;

const T: &str = "txn-a";

fn ids() -> impl FnMut() -> i64 {
    let mut next = 1000;
    move || {
        next += 1;
        next - 1
    }
}

fn init(c: &mut TxnCoordinator, now: i64) -> ProducerIdAndEpoch {
    match c.init_producer_id(T, 60_000, None, now, &mut ids()) {
        Ok(InitOutcome::Ready(p)) => p,
        other => panic!("init: {other:?}"),
    }
}

fn state(c: &TxnCoordinator) -> TxnState {
    c.get(T).expect("known id").state
}

fn tp(t: &str, p: i32) -> (String, i32) {
    (t.to_owned(), p)
}

#[test]
fn transitions_follow_kafkas_table() {
    use TxnState::*;
    assert!(Ongoing.valid_after(Empty) && Ongoing.valid_after(CompleteAbort) && Ongoing.valid_after(Ongoing));
    assert!(PrepareCommit.valid_after(Ongoing) && !PrepareCommit.valid_after(Empty));
    assert!(PrepareAbort.valid_after(PrepareEpochFence) && PrepareAbort.valid_after(CompleteAbort));
    assert!(!PrepareAbort.valid_after(PrepareCommit));
    assert!(CompleteCommit.valid_after(PrepareCommit) && !CompleteCommit.valid_after(PrepareAbort));
    assert!(Empty.valid_after(CompleteCommit) && !Empty.valid_after(Ongoing));
    assert!(PrepareEpochFence.valid_after(Ongoing) && !PrepareEpochFence.valid_after(Empty));
}

#[test]
fn a_transaction_goes_empty_ongoing_prepare_complete() {
    let mut c = TxnCoordinator::default();
    let p = init(&mut c, 0);
    assert_eq!((p.id, p.epoch), (1000, 0));
    assert_eq!(state(&c), TxnState::Empty);
    c.add_partitions(T, p, &[tp("t", 0), tp("t", 1)], 10).expect("add");
    c.add_offsets(T, p, "g", 11).expect("add offsets");
    assert_eq!(state(&c), TxnState::Ongoing);
    assert_eq!(c.get(T).map(|m| m.start_ms), Some(10));
    let Ok(EndOutcome::Complete(end)) = c.end_txn(T, p, true, false, 20, &mut ids()) else { panic!("commit") };
    assert_eq!(end.result, TransactionResult::Commit);
    assert_eq!(end.partitions, vec![tp("t", 0), tp("t", 1)]);
    assert_eq!(end.groups, vec!["g".to_owned()]);
    assert_eq!(state(&c), TxnState::PrepareCommit);
    // While the markers are written, the client's retry and new work must wait.
    assert_eq!(c.end_txn(T, p, true, false, 21, &mut ids()), Err(ErrorCode::CONCURRENT_TRANSACTIONS));
    assert_eq!(c.end_txn(T, p, false, false, 21, &mut ids()), Err(ErrorCode::INVALID_TXN_STATE));
    assert_eq!(c.add_partitions(T, p, &[tp("t", 2)], 21), Err(ErrorCode::CONCURRENT_TRANSACTIONS));
    c.complete(&end, 22);
    assert_eq!(state(&c), TxnState::CompleteCommit);
    assert!(c.get(T).is_some_and(|m| m.partitions.is_empty() && m.groups.is_empty()));
    // A retried commit is answered NONE; an abort of a committed transaction is refused.
    assert_eq!(c.end_txn(T, p, true, false, 23, &mut ids()), Ok(EndOutcome::Done(p)));
    assert_eq!(c.end_txn(T, p, false, false, 23, &mut ids()), Err(ErrorCode::INVALID_TXN_STATE));
    // TV1: the next transaction keeps the epoch.
    c.add_partitions(T, p, &[tp("t", 0)], 30).expect("next transaction");
    assert_eq!(c.get(T).map(|m| m.txn_number), Some(2));
}

#[test]
fn end_txn_without_a_transaction_is_invalid_txn_state() {
    let mut c = TxnCoordinator::default();
    let p = init(&mut c, 0);
    assert_eq!(c.end_txn(T, p, true, false, 1, &mut ids()), Err(ErrorCode::INVALID_TXN_STATE));
    assert_eq!(c.end_txn(T, p, false, false, 1, &mut ids()), Err(ErrorCode::INVALID_TXN_STATE));
    assert_eq!(c.end_txn("other", p, true, false, 1, &mut ids()), Err(ErrorCode::INVALID_PRODUCER_ID_MAPPING));
    let wrong_id = ProducerIdAndEpoch { id: p.id + 1, epoch: p.epoch };
    assert_eq!(c.end_txn(T, wrong_id, true, false, 1, &mut ids()), Err(ErrorCode::INVALID_PRODUCER_ID_MAPPING));
}

#[test]
fn a_new_instance_fences_the_old_one_and_aborts_its_transaction() {
    let mut c = TxnCoordinator::default();
    let old = init(&mut c, 0);
    c.add_partitions(T, old, &[tp("t", 0)], 1).expect("add");
    // The new instance's InitProducerId fences: epoch + 1, abort prepared, CONCURRENT for now.
    let Ok(InitOutcome::FenceOngoing(end)) = c.init_producer_id(T, 60_000, None, 2, &mut ids()) else {
        panic!("fence")
    };
    assert_eq!((end.producer_id, end.producer_epoch, end.result), (old.id, 1, TransactionResult::Abort));
    assert_eq!(end.partitions, vec![tp("t", 0)]);
    assert_eq!(state(&c), TxnState::PrepareAbort);
    assert_eq!(
        c.init_producer_id(T, 60_000, None, 3, &mut ids()),
        Err(ErrorCode::CONCURRENT_TRANSACTIONS),
        "the abort is not complete yet"
    );
    c.complete(&end, 4);
    assert_eq!(state(&c), TxnState::CompleteAbort);
    // The retry bumps again: the new instance gets epoch 2.
    let new = init(&mut c, 5);
    assert_eq!((new.id, new.epoch), (old.id, 2));
    // Everything the old instance sends is fenced.
    assert_eq!(c.end_txn(T, old, true, false, 6, &mut ids()), Err(ErrorCode::PRODUCER_FENCED));
    assert_eq!(c.add_partitions(T, old, &[tp("t", 0)], 6), Err(ErrorCode::PRODUCER_FENCED));
    assert_eq!(c.add_offsets(T, old, "g", 6), Err(ErrorCode::PRODUCER_FENCED));
    assert_eq!(c.verify_partition(T, old, "t", 0), Err(ErrorCode::PRODUCER_FENCED));
}

#[test]
fn kip_360_bumps_retries_and_fences_stale_epochs() {
    let mut c = TxnCoordinator::default();
    let p = init(&mut c, 0);
    let bump = |c: &mut TxnCoordinator, e: ProducerIdAndEpoch| c.init_producer_id(T, 60_000, Some(e), 1, &mut ids());
    assert_eq!(bump(&mut c, p), Ok(InitOutcome::Ready(ProducerIdAndEpoch { id: p.id, epoch: 1 })));
    // The same request again (its answer was lost): the same answer.
    assert_eq!(bump(&mut c, p), Ok(InitOutcome::Ready(ProducerIdAndEpoch { id: p.id, epoch: 1 })));
    // A fresh InitProducerId forgets the last epoch: the old one is now fenced.
    init(&mut c, 2);
    assert_eq!(bump(&mut c, p), Err(ErrorCode::PRODUCER_FENCED));
    let other = ProducerIdAndEpoch { id: 42, epoch: 0 };
    assert_eq!(bump(&mut c, other), Err(ErrorCode::PRODUCER_FENCED));
}

#[test]
fn an_exhausted_epoch_rotates_the_producer_id() {
    let mut c = TxnCoordinator::default();
    let mut allocate = ids();
    let Ok(InitOutcome::Ready(first)) = c.init_producer_id(T, 60_000, None, 0, &mut allocate) else { panic!("init") };
    if let Some(m) = c.txns.get_mut(T) {
        m.producer_epoch = i16::MAX - 1;
    }
    let Ok(InitOutcome::Ready(p)) = c.init_producer_id(T, 60_000, None, 1, &mut allocate) else { panic!("init") };
    assert_eq!((first.id, p.id, p.epoch), (1000, 1001, 0), "a new id, epoch 0");
    assert_eq!(c.get(T).map(|m| m.previous_producer_id), Some(1000));
}

#[test]
fn transaction_timeouts_are_validated() {
    let mut c = TxnCoordinator::default();
    for bad in [0, -1, MAX_TIMEOUT_MS + 1] {
        assert_eq!(c.init_producer_id(T, bad, None, 0, &mut ids()), Err(ErrorCode::INVALID_TRANSACTION_TIMEOUT));
    }
    assert!(c.get(T).is_none(), "nothing created for a refused request");
    assert!(c.init_producer_id(T, MAX_TIMEOUT_MS, None, 0, &mut ids()).is_ok());
}

#[test]
fn verification_answers_as_kafkas_coordinator() {
    let mut c = TxnCoordinator::default();
    let p = init(&mut c, 0);
    assert_eq!(c.verify_partition(T, p, "t", 0), Err(ErrorCode::TRANSACTION_ABORTABLE), "no transaction");
    c.add_partitions(T, p, &[tp("t", 0)], 1).expect("add");
    assert_eq!(c.verify_partition(T, p, "t", 0), Ok(()));
    assert_eq!(c.verify_partition(T, p, "t", 1), Err(ErrorCode::TRANSACTION_ABORTABLE), "not added");
    assert_eq!(c.verify_group(T, p, "g"), Err(ErrorCode::TRANSACTION_ABORTABLE), "offsets not added");
    c.add_offsets(T, p, "g", 2).expect("add offsets");
    assert_eq!(c.verify_group(T, p, "g"), Ok(1));
    assert_eq!(c.verify_partition("nope", p, "t", 0), Err(ErrorCode::INVALID_PRODUCER_ID_MAPPING));
    let stale = ProducerIdAndEpoch { id: p.id, epoch: p.epoch - 1 };
    assert_eq!(c.verify_partition(T, stale, "t", 0), Err(ErrorCode::PRODUCER_FENCED));
}

#[test]
fn timed_out_transactions_are_fenced_and_aborted() {
    let mut c = TxnCoordinator::default();
    let p = match c.init_producer_id(T, 1_000, None, 0, &mut ids()) {
        Ok(InitOutcome::Ready(p)) => p,
        other => panic!("init: {other:?}"),
    };
    assert_eq!(c.next_deadline_ms(), None, "no transaction, no deadline");
    c.add_partitions(T, p, &[tp("t", 0)], 100).expect("add");
    assert_eq!(c.next_deadline_ms(), Some(1_100));
    assert!(c.abort_timed_out(1_100, 10).is_empty(), "not past the timeout yet");
    let ends = c.abort_timed_out(1_101, 10);
    assert_eq!(ends.len(), 1);
    assert_eq!((ends[0].result, ends[0].producer_epoch), (TransactionResult::Abort, p.epoch + 1));
    assert_eq!(state(&c), TxnState::PrepareAbort);
    c.complete(&ends[0], 1_102);
    assert_eq!(state(&c), TxnState::CompleteAbort);
    assert_eq!(c.next_deadline_ms(), None);
    // The producer learns it was fenced on its next request.
    assert_eq!(c.end_txn(T, p, true, false, 1_200, &mut ids()), Err(ErrorCode::PRODUCER_FENCED));
}

#[test]
fn the_timeout_pass_is_bounded() {
    let mut c = TxnCoordinator::default();
    let mut allocate = ids();
    for i in 0..5 {
        let id = format!("t{i}");
        let Ok(InitOutcome::Ready(p)) = c.init_producer_id(&id, 10, None, 0, &mut allocate) else { panic!("init") };
        c.add_partitions(&id, p, &[tp("t", 0)], 0).expect("add");
    }
    assert_eq!(c.abort_timed_out(100, 3).len(), 3);
    assert_eq!(c.abort_timed_out(100, 3).len(), 2, "the rest on the next turn");
}

#[test]
fn transaction_version_2_adds_implicitly_and_bumps_the_epoch_on_every_end() {
    let mut c = TxnCoordinator::default();
    let mut allocate = ids();
    let p = init(&mut c, 0);
    // The first Produce v12 adds its partition; the TxnOffsetCommit v5 its group.
    c.add_partitions(T, p, &[tp("t", 0)], 1).expect("implicit add");
    assert_eq!(c.add_offsets(T, p, "g", 2), Ok(1));
    let Ok(EndOutcome::Complete(end)) = c.end_txn(T, p, true, true, 3, &mut allocate) else { panic!("commit") };
    assert_eq!((end.producer_id, end.producer_epoch), (p.id, p.epoch + 1), "markers carry the bumped epoch");
    // While the markers are written, a retry (the old epoch) must wait.
    assert_eq!(c.end_txn(T, p, true, true, 4, &mut allocate), Err(ErrorCode::CONCURRENT_TRANSACTIONS));
    c.complete(&end, 5);
    let next = ProducerIdAndEpoch { id: p.id, epoch: p.epoch + 1 };
    assert_eq!(c.current_producer(T), Some(next));
    // A retry of the EndTxn whose answer was lost: the next epoch again.
    assert_eq!(c.end_txn(T, p, true, true, 6, &mut allocate), Ok(EndOutcome::Done(next)));
    assert_eq!(c.end_txn(T, p, false, true, 6, &mut allocate), Err(ErrorCode::INVALID_TXN_STATE));
    // The old epoch cannot start the next transaction; the new one can.
    assert_eq!(c.add_partitions(T, p, &[tp("t", 0)], 7), Err(ErrorCode::PRODUCER_FENCED));
    c.add_partitions(T, next, &[tp("t", 0)], 7).expect("next transaction");
    let Ok(EndOutcome::Complete(end)) = c.end_txn(T, next, false, true, 8, &mut allocate) else { panic!("abort") };
    assert_eq!(end.producer_epoch, p.epoch + 2);
    c.complete(&end, 9);
}

#[test]
fn transaction_version_2_moves_to_a_new_producer_id_when_the_epoch_runs_out() {
    let mut c = TxnCoordinator::default();
    let mut allocate = ids();
    let Ok(InitOutcome::Ready(first)) = c.init_producer_id(T, 60_000, None, 0, &mut allocate) else { panic!("init") };
    if let Some(m) = c.txns.get_mut(T) {
        m.producer_epoch = i16::MAX - 1;
    }
    let p = ProducerIdAndEpoch { id: first.id, epoch: i16::MAX - 1 };
    c.add_partitions(T, p, &[tp("t", 0)], 1).expect("add");
    let Ok(EndOutcome::Complete(end)) = c.end_txn(T, p, true, true, 2, &mut allocate) else { panic!("commit") };
    assert_eq!((end.producer_id, end.producer_epoch), (first.id, i16::MAX), "the last epoch marks the end");
    c.complete(&end, 3);
    let next = c.current_producer(T).expect("known id");
    assert_eq!((next.id, next.epoch), (first.id + 1, 0));
    // The retry of that EndTxn is recognized across the new id.
    assert_eq!(c.end_txn(T, p, true, true, 4, &mut allocate), Ok(EndOutcome::Done(next)));
}

#[test]
fn transaction_version_2_end_txn_follows_kafkas_table() {
    let mut c = TxnCoordinator::default();
    let mut allocate = ids();
    let p = init(&mut c, 0);
    let mut end_v2 =
        |c: &mut TxnCoordinator, e: ProducerIdAndEpoch, commit: bool| c.end_txn(T, e, commit, true, 1, &mut allocate);
    // Empty: a commit is invalid, an abort is an "empty abort" that still bumps the epoch.
    assert_eq!(end_v2(&mut c, p, true), Err(ErrorCode::INVALID_TXN_STATE));
    let Ok(EndOutcome::Complete(end)) = end_v2(&mut c, p, false) else { panic!("empty abort") };
    assert!(end.partitions.is_empty() && end.groups.is_empty(), "nothing to mark");
    assert_eq!(end.producer_epoch, p.epoch + 1);
    c.complete(&end, 2);
    let e1 = ProducerIdAndEpoch { id: p.id, epoch: p.epoch + 1 };
    // CompleteAbort: the retry is NONE, a commit invalid, an abort at the current epoch bumps again.
    assert_eq!(end_v2(&mut c, p, false), Ok(EndOutcome::Done(e1)));
    assert_eq!(end_v2(&mut c, p, true), Err(ErrorCode::INVALID_TXN_STATE));
    assert_eq!(end_v2(&mut c, e1, true), Err(ErrorCode::INVALID_TXN_STATE));
    let Ok(EndOutcome::Complete(end)) = end_v2(&mut c, e1, false) else { panic!("empty abort") };
    c.complete(&end, 3);
    // Two epochs behind is fenced.
    assert_eq!(end_v2(&mut c, p, false), Err(ErrorCode::PRODUCER_FENCED));
    // Version 1 has no retries: the old epoch is fenced.
    assert_eq!(c.end_txn(T, e1, false, false, 4, &mut ids()), Err(ErrorCode::PRODUCER_FENCED));
}

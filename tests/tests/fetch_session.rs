//! Fetch sessions (KIP-227) seen from the consumer: after the first full fetch, fetches are
//! incremental, and records keep flowing exactly once and in order through pause, resume, seek
//! and a lost session (the broker forgetting it, which the stub injects).

use std::time::Duration;

use kfk_client::config::{ConsumerConfig, OffsetReset};
use kfk_client::consumer::Consumer;
use kfk_protocol::messages::ApiKey;
use kfk_protocol::ErrorCode;
use tests::delivery::Ledger;
use tests::produce::produce;
use tests::read::{as_reads, poll_exactly};
use tests::topics::create_topic;
use tests::{unique_topic, Backend, BackendKind, Conn};

async fn setup(partitions: i32) -> (Backend, String, Consumer) {
    let backend = Backend::from_env().await;
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("fetch-session");
    create_topic(&mut conn, &topic, partitions).await;
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.auto_offset_reset = OffsetReset::Earliest;
    config.max_poll_records = 200;
    config.fetch_max_wait = Duration::from_millis(100);
    let consumer = Consumer::new(config).expect("consumer");
    consumer.assign((0..partitions).map(|p| (topic.as_str(), p)));
    (backend, topic, consumer)
}

#[tokio::test]
async fn incremental_fetches_carry_every_record_through_pause_resume_and_seek() {
    let (backend, topic, consumer) = setup(3).await;

    let mut first = Ledger::default();
    produce(&backend.bootstrap, &topic, 900, &mut first).await;
    let records = poll_exactly(&consumer, 900).await;
    let report = first.check(&as_reads(&records));
    assert!(report.is_clean() && report.read == 900, "{report}");
    let stats = consumer.fetch_stats();
    assert!(stats.incremental > 0, "no incremental fetch after the first full one: {stats:?}");
    assert!(stats.requests > stats.incremental, "the session starts with a full fetch: {stats:?}");

    // Partition 1 paused (forgotten by the session): only 0 and 2 come back; resumed, 1 follows.
    consumer.pause([(&topic, 1)]).expect("pause");
    let mut second = Ledger::default();
    produce(&backend.bootstrap, &topic, 900, &mut second).await;
    let others = poll_exactly(&consumer, second.acked_in(0) + second.acked_in(2)).await;
    assert!(others.iter().all(|r| r.partition != 1), "a paused partition returned records");
    consumer.resume([(&topic, 1)]).expect("resume");
    let resumed = poll_exactly(&consumer, second.acked_in(1)).await;
    assert!(resumed.iter().all(|r| r.partition == 1));
    let mut both = as_reads(&others);
    both.extend(as_reads(&resumed));
    let report = second.check(&both);
    assert!(report.is_clean() && report.read == 900, "{report}");

    // Seek partition 0 back to where the second round started: the same records again.
    let start = first.acked_in(0) as i64;
    consumer.seek(&topic, 0, start).expect("seek");
    let again = poll_exactly(&consumer, second.acked_in(0)).await;
    let expected: Vec<(i64, Option<bytes::Bytes>)> =
        others.iter().filter(|r| r.partition == 0).map(|r| (r.offset, r.value.clone())).collect();
    let got: Vec<(i64, Option<bytes::Bytes>)> = again.iter().map(|r| (r.offset, r.value.clone())).collect();
    assert_eq!(got, expected);
    assert_eq!(got.first().map(|(o, _)| *o), Some(start));

    let after = consumer.fetch_stats();
    assert!(after.incremental > stats.incremental, "{stats:?} then {after:?}");
    assert_eq!(after.session_resets, 0, "{after:?}");
    consumer.close().await;
}

#[tokio::test]
async fn a_lost_session_falls_back_to_a_full_fetch_without_losing_records() {
    let (backend, topic, consumer) = setup(2).await;
    let Some(stub) = backend.stub_handle() else {
        kfk_stub::skip_test!("fault injection needs the stub backend");
        return;
    };
    assert_eq!(backend.kind, BackendKind::Stub);
    let mut ledger = Ledger::default();
    produce(&backend.bootstrap, &topic, 200, &mut ledger).await;
    let report = ledger.check(&as_reads(&poll_exactly(&consumer, 200).await));
    assert!(report.is_clean(), "{report}");

    for (round, code) in
        [ErrorCode::FETCH_SESSION_ID_NOT_FOUND, ErrorCode::INVALID_FETCH_SESSION_EPOCH].into_iter().enumerate()
    {
        let before = consumer.fetch_stats();
        let fetches = stub.request_count(ApiKey::Fetch);
        stub.faults().fail_next(ApiKey::Fetch, 1, code.0);
        let mut ledger = Ledger::default();
        produce(&backend.bootstrap, &topic, 200, &mut ledger).await;
        let report = ledger.check(&as_reads(&poll_exactly(&consumer, 200).await));
        assert!(report.is_clean() && report.read == 200, "after {code}: {report}");
        let after = consumer.fetch_stats();
        assert_eq!(after.session_resets, before.session_resets + 1, "round {round}, {code}: {after:?}");
        assert!(stub.request_count(ApiKey::Fetch) > fetches);
        // The new session is used incrementally again.
        consumer.poll(Duration::from_millis(300)).await.expect("poll");
        let later = consumer.fetch_stats();
        assert!(later.incremental > after.incremental, "{after:?} then {later:?}");
    }
    consumer.close().await;
}

/// The consumer sends the leader epoch it knows (KIP-320's `current_leader_epoch`): when the
/// leader moves away and back, the same broker answers FENCED_LEADER_EPOCH until the consumer's
/// metadata catches up; the position is then validated under the new epoch (OffsetForLeaderEpoch)
/// and the records keep coming. (Its own 3-broker stub, replication factor 3, whatever the
/// backend: the stub's log cannot be truncated, so this checks validation happens and finds no
/// truncation; the truncation decision itself is unit-tested in `consumer::validation`.)
#[tokio::test]
async fn leader_moves_are_followed_with_the_new_leader_epoch() {
    let stub = kfk_stub::StubCluster::builder()
        .brokers(3)
        .default_replication_factor(3)
        .start()
        .await
        .expect("the stub starts");
    let topic = unique_topic("fetch-epoch");
    stub.create_topic(&topic, 2).expect("topic created");
    let mut config = ConsumerConfig::new(stub.bootstrap());
    config.auto_offset_reset = OffsetReset::Earliest;
    config.fetch_max_wait = Duration::from_millis(100);
    let consumer = Consumer::new(config).expect("consumer");
    consumer.assign([(topic.as_str(), 0), (topic.as_str(), 1)]);

    let mut ledger = Ledger::default();
    produce(&stub.bootstrap(), &topic, 300, &mut ledger).await;
    let report = ledger.check(&as_reads(&poll_exactly(&consumer, 300).await));
    assert!(report.is_clean(), "{report}");
    let before = consumer.cluster().metadata().partition(&topic, 0).expect("partition 0 is known").clone();
    let validations = stub.request_count(ApiKey::OffsetForLeaderEpoch);

    // Away and back: the leader is the same broker, two epochs later.
    let other = (before.leader + 1) % 3;
    stub.faults().move_leader(&topic, 0, other).expect("moved");
    stub.faults().move_leader(&topic, 0, before.leader).expect("moved back");
    let mut ledger = Ledger::default();
    produce(&stub.bootstrap(), &topic, 300, &mut ledger).await;
    let report = ledger.check(&as_reads(&poll_exactly(&consumer, 300).await));
    assert!(report.is_clean() && report.read == 300, "{report}");
    let after = consumer.cluster().metadata().partition(&topic, 0).expect("partition 0 is known").clone();
    assert_eq!(after.leader, before.leader);
    assert_eq!(after.leader_epoch, before.leader_epoch + 2, "the consumer's metadata caught up");
    assert!(
        stub.request_count(ApiKey::OffsetForLeaderEpoch) > validations,
        "the position was validated (OffsetForLeaderEpoch) under the new leader epoch"
    );
    consumer.close().await;
}

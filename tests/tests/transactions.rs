//! Transactions against a broker: committed records are visible to read_committed consumers
//! and aborted ones never are; a second producer with the same transactional id fences the
//! first; offsets sent with a transaction count only if it commits; misuse is a typed error.

use std::time::Duration;

use bytes::Bytes;
use kfk_client::config::{ConsumerConfig, IsolationLevel, OffsetReset, ProducerConfig};
use kfk_client::consumer::{Consumer, ConsumerRecord, TopicPartition};
use kfk_client::group::Membership;
use kfk_client::producer::{Producer, ProducerRecord, TransactionError, TransactionState};
use kfk_client::Error;
use kfk_protocol::messages::ApiKey;
use kfk_protocol::ErrorCode;
use tests::delivery::Ledger;
use tests::java::{self, JavaProgram};
use tests::read::{as_reads, poll_until_quiet};
use tests::topics::create_topic;
use tests::{unique_topic, Backend, BackendKind, Conn, NotYet, Ready, Wait};

async fn setup(partitions: i32) -> (Backend, String) {
    let backend = Backend::from_env().await;
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("txn");
    create_topic(&mut conn, &topic, partitions).await;
    (backend, topic)
}

fn transactional(backend: &Backend, id: &str) -> Producer {
    transactional_with(backend, id, &[])
}

/// A transactional producer; `settings` override the defaults given here.
fn transactional_with(backend: &Backend, id: &str, settings: &[(&str, &str)]) -> Producer {
    let mut properties = vec![
        ("bootstrap.servers", backend.bootstrap.as_str()),
        ("transactional.id", id),
        ("linger.ms", "5"),
        ("max.block.ms", "30000"),
    ];
    properties.extend_from_slice(settings);
    Producer::new(ProducerConfig::from_properties(properties).expect("config")).expect("producer")
}

/// Sends `<prefix>-0` .. `<prefix>-<n-1>`, each noted in `ledger` as sent and acknowledged;
/// returns the values, for a test to mark aborted if their transaction aborts.
async fn send_values(producer: &Producer, topic: &str, prefix: &str, n: usize, ledger: &mut Ledger) -> Vec<String> {
    let mut deliveries = Vec::with_capacity(n);
    for i in 0..n {
        let value = format!("{prefix}-{i}");
        let key = format!("k{i}");
        let record = ProducerRecord::new(topic).key(key.as_bytes()).value(value.as_bytes());
        ledger.sent(value.as_bytes());
        deliveries.push((producer.enqueue(record).await.expect("enqueue"), value));
    }
    producer.flush().await.expect("flush");
    let mut values = Vec::with_capacity(n);
    for (d, value) in deliveries {
        let meta = d.await.expect("delivered");
        ledger.acked(meta.partition, meta.offset, value.as_bytes());
        values.push(value);
    }
    values
}

/// Marks every value in `values` as sent in a transaction that aborted.
fn aborted(ledger: &mut Ledger, values: &[String]) {
    for v in values {
        ledger.aborted(v.as_bytes());
    }
}

/// Checks that `read` holds exactly the records `ledger` expects, each once, in order per
/// partition, and none of an aborted transaction.
fn assert_delivered(ledger: &Ledger, read: &[ConsumerRecord], expected: usize) {
    let report = ledger.check(&as_reads(read));
    assert!(report.is_clean(), "{report}");
    assert_eq!(report.read, expected, "{report}");
}

/// Reads every record of `topic` with `isolation` until nothing new arrives for a second
/// (after at least `expected` records, or 30 s).
async fn read_all(
    backend: &Backend,
    topic: &str,
    partitions: i32,
    isolation: IsolationLevel,
    expected: usize,
) -> Vec<ConsumerRecord> {
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.auto_offset_reset = OffsetReset::Earliest;
    config.isolation_level = isolation;
    config.fetch_max_wait = Duration::from_millis(100);
    let consumer = Consumer::new(config).expect("consumer");
    consumer.assign((0..partitions).map(|p| (topic, p)));
    let out = poll_until_quiet(&consumer, expected, Duration::from_secs(1), Duration::from_secs(30)).await;
    assert!(out.len() >= expected, "read {} of {expected} records in 30 s", out.len());
    consumer.close().await;
    out
}

#[tokio::test]
async fn read_committed_sees_committed_records_only() {
    let (backend, topic) = setup(3).await;
    let producer = transactional(&backend, &unique_topic("txn-id"));
    producer.init_transactions().await.expect("init_transactions");
    assert_eq!(producer.transaction_state(), Some(TransactionState::Ready));
    // Kafka 4.x clusters finalize transaction protocol 2 (KIP-890); 3.x ones speak version 1:
    // the suite's two real-broker runs cover both.
    if let (BackendKind::Kafka, Ok(version)) = (backend.kind, std::env::var("KAFKA_TEST_VERSION")) {
        assert_eq!(producer.transaction_protocol_v2(), version.starts_with('4'), "Kafka {version}");
    }

    let mut ledger = Ledger::default();
    producer.begin_transaction().expect("begin");
    send_values(&producer, &topic, "first", 300, &mut ledger).await;
    producer.commit_transaction().await.expect("commit");

    producer.begin_transaction().expect("begin");
    let sent = send_values(&producer, &topic, "aborted", 200, &mut ledger).await;
    producer.abort_transaction().await.expect("abort");
    aborted(&mut ledger, &sent);

    producer.begin_transaction().expect("begin");
    send_values(&producer, &topic, "second", 100, &mut ledger).await;
    producer.commit_transaction().await.expect("commit");
    producer.close(Duration::from_secs(5)).await.expect("close");

    // Every committed record once, at the offset acknowledged, in send order per partition;
    // none of the aborted ones.
    let committed = read_all(&backend, &topic, 3, IsolationLevel::ReadCommitted, 400).await;
    assert_delivered(&ledger, &committed, 400);

    // read_uncommitted sees the aborted records too, but never the transaction markers.
    let everything = read_all(&backend, &topic, 3, IsolationLevel::ReadUncommitted, 600).await;
    assert_eq!(everything.len(), 600, "read_uncommitted read {} records", everything.len());
}

#[tokio::test]
async fn a_second_producer_with_the_same_id_fences_the_first() {
    let (backend, topic) = setup(2).await;
    let id = unique_topic("txn-zombie");
    let zombie = transactional(&backend, &id);
    zombie.init_transactions().await.expect("init zombie");
    zombie.begin_transaction().expect("begin");
    let mut ledger = Ledger::default();
    let sent = send_values(&zombie, &topic, "zombie", 50, &mut ledger).await;

    let successor = transactional(&backend, &id);
    successor.init_transactions().await.expect("init successor");

    let err = zombie.commit_transaction().await.expect_err("the fenced producer cannot commit");
    assert!(matches!(&err, Error::Transaction(e) if e.is_fatal()), "not fatal: {err}");
    assert!(matches!(err.code(), Some(ErrorCode::PRODUCER_FENCED) | Some(ErrorCode::INVALID_PRODUCER_EPOCH)), "{err}");
    assert_eq!(zombie.transaction_state(), Some(TransactionState::FatalError));
    let again = zombie.begin_transaction().expect_err("fatal is final");
    assert!(matches!(&again, Error::Transaction(e) if e.is_fatal()), "{again}");

    successor.begin_transaction().expect("begin");
    send_values(&successor, &topic, "successor", 20, &mut ledger).await;
    successor.commit_transaction().await.expect("commit");

    // The zombie's open transaction was aborted by the successor's init.
    aborted(&mut ledger, &sent);
    assert_delivered(&ledger, &read_all(&backend, &topic, 2, IsolationLevel::ReadCommitted, 20).await, 20);
}

#[tokio::test]
async fn offsets_sent_with_a_transaction_count_only_if_it_commits() {
    let (backend, topic) = setup(1).await;
    let group = unique_topic("txn-group");
    let producer = transactional(&backend, &unique_topic("txn-offsets"));
    producer.init_transactions().await.expect("init");
    let member = Membership::new(group.clone());
    let tp = TopicPartition { topic: topic.as_str().into(), partition: 0 };

    producer.begin_transaction().expect("begin");
    send_values(&producer, &topic, "x", 5, &mut Ledger::default()).await;
    producer.send_offsets_to_transaction(&[(tp.clone(), 17)], &member).await.expect("offsets");
    producer.abort_transaction().await.expect("abort");

    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.group_id = Some(group.clone());
    let reader = Consumer::new(config).expect("consumer");
    let committed = reader.committed(&[(&topic, 0)]).await.expect("committed");
    assert_eq!(committed, vec![None], "an aborted transaction's offsets were committed");

    // A producer that never wrote to the topic (its metadata has no topic id for it) commits
    // the offsets: they must reach the group all the same.
    let fresh = transactional(&backend, &unique_topic("txn-offsets-fresh"));
    fresh.init_transactions().await.expect("init");
    fresh.begin_transaction().expect("begin");
    fresh.send_offsets_to_transaction(&[(tp, 42)], &member).await.expect("offsets");
    fresh.commit_transaction().await.expect("commit");
    let committed = reader.committed(&[(&topic, 0)]).await.expect("committed");
    assert_eq!(committed, vec![Some(42)]);
    reader.close().await;
}

#[tokio::test]
async fn misuse_is_a_typed_error() {
    let (backend, topic) = setup(1).await;
    let producer = transactional(&backend, &unique_topic("txn-misuse"));
    let err = producer.begin_transaction().expect_err("begin before init");
    assert!(
        matches!(
            err,
            Error::Transaction(TransactionError::InvalidState { state: TransactionState::Uninitialized, .. })
        ),
        "{err}"
    );
    producer.init_transactions().await.expect("init");
    let err = producer.enqueue(ProducerRecord::new(&topic).value("v")).await.expect_err("send outside a transaction");
    assert!(matches!(err, Error::Transaction(TransactionError::InvalidState { .. })), "{err}");
    let err = producer.commit_transaction().await.expect_err("commit outside a transaction");
    assert!(matches!(err, Error::Transaction(TransactionError::InvalidState { .. })), "{err}");

    // An empty transaction commits without bothering the coordinator.
    producer.begin_transaction().expect("begin");
    producer.commit_transaction().await.expect("empty commit");

    let plain = Producer::new(ProducerConfig::builder().bootstrap_servers(&backend.bootstrap).build().expect("config"))
        .expect("producer");
    let err = plain.init_transactions().await.expect_err("not transactional");
    assert!(matches!(err, Error::Transaction(TransactionError::NotTransactional { .. })), "{err}");
}

/// Java's transactional producer writes committed and aborted transactions: our read_committed
/// consumer reads exactly the committed ones. Ours writes the same: Java's read_committed
/// consumer reads exactly ours. Needs a real broker and a JDK.
#[tokio::test]
async fn interoperates_with_the_java_client() {
    let (backend, topic) = setup(3).await;
    if backend.kind != BackendKind::Kafka || !java::available() {
        kfk_stub::skip_test!("needs a real broker and a JDK");
        return;
    }
    let program = JavaProgram::compile("TxnInterop").await;
    let n = 500;
    let java_id = unique_topic("java-txn");
    program.run("TxnInterop", &["produce", &backend.bootstrap, &topic, &java_id, &n.to_string()]).await;
    // What Java sent, as it documents it: n committed, n aborted, n committed.
    let mut java = Ledger::default();
    for i in 0..2 * n {
        java.sent(format!("java-committed-{i}").as_bytes());
    }
    for i in 0..n {
        let value = format!("java-aborted-{i}");
        java.sent(value.as_bytes());
        java.aborted(value.as_bytes());
    }
    let ours = read_all(&backend, &topic, 3, IsolationLevel::ReadCommitted, 2 * n).await;
    // Java's acknowledgements are not seen here: the ledger checks duplicates and aborted
    // reads, and the count stands for the lost ones.
    assert_delivered(&java, &ours, 2 * n);

    // The other way round.
    let (_, ours_topic) = setup(3).await;
    let producer = transactional(&backend, &unique_topic("rust-txn"));
    producer.init_transactions().await.expect("init");
    for (prefix, commit) in [("rust-committed-a", true), ("rust-aborted", false), ("rust-committed-b", true)] {
        producer.begin_transaction().expect("begin");
        send_values(&producer, &ours_topic, prefix, n, &mut Ledger::default()).await;
        if commit {
            producer.commit_transaction().await.expect("commit");
        } else {
            producer.abort_transaction().await.expect("abort");
        }
    }
    producer.close(Duration::from_secs(5)).await.expect("close");
    let stdout =
        program.run("TxnInterop", &["consume", &backend.bootstrap, &ours_topic, "3", &(2 * n).to_string()]).await;
    let theirs: Vec<&str> = stdout.lines().collect();
    assert_eq!(theirs.len(), 2 * n, "Java's read_committed consumer read {} of {}", theirs.len(), 2 * n);
    assert!(theirs.iter().all(|v| v.starts_with("rust-committed-")), "Java read one of our aborted records");
}

/// While a transaction holds a group's offsets, reading them with `require_stable` (what
/// `committed` does) waits for the transaction to end instead of returning the old offset.
#[tokio::test]
async fn committed_waits_for_an_open_transactions_offsets() {
    let (backend, topic) = setup(1).await;
    let group = unique_topic("txn-stable");
    let producer = transactional(&backend, &unique_topic("txn-stable"));
    producer.init_transactions().await.expect("init");
    let member = Membership::new(group.clone());
    let tp = TopicPartition { topic: topic.as_str().into(), partition: 0 };
    producer.begin_transaction().expect("begin");
    producer.send_offsets_to_transaction(&[(tp, 7)], &member).await.expect("offsets");

    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.group_id = Some(group);
    let reader = Consumer::new(config).expect("consumer");
    let lookup = {
        let topic = topic.clone();
        tokio::spawn(async move {
            let found = reader.committed(&[(&topic, 0)]).await;
            reader.close().await;
            found
        })
    };
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(!lookup.is_finished(), "committed returned while the transaction was open");
    producer.commit_transaction().await.expect("commit");
    let found = tokio::time::timeout(Duration::from_secs(30), lookup).await.expect("answer").expect("join");
    assert_eq!(found.expect("committed"), vec![Some(7)]);
}

/// The coordinator's transient answers (loading, a transaction still completing, moved) are
/// retried; a fenced answer is fatal. Stub only: it injects the errors.
#[tokio::test]
async fn coordinator_errors_are_retried_or_fatal_as_kafka_means_them() {
    let backend = Backend::stub(1).await;
    let Some(stub) = backend.stub_handle() else { return };
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("txn-faults");
    create_topic(&mut conn, &topic, 2).await;
    let producer = transactional(&backend, &unique_topic("txn-faults"));
    let faults = stub.faults();
    faults.fail_next(ApiKey::InitProducerId, 2, ErrorCode::COORDINATOR_LOAD_IN_PROGRESS.0);
    producer.init_transactions().await.expect("init after retries");

    producer.begin_transaction().expect("begin");
    let mut ledger = Ledger::default();
    send_values(&producer, &topic, "x", 10, &mut ledger).await;
    faults.fail_next(ApiKey::EndTxn, 1, ErrorCode::CONCURRENT_TRANSACTIONS.0);
    faults.fail_next(ApiKey::EndTxn, 1, ErrorCode::NOT_COORDINATOR.0);
    let before = stub.request_count(ApiKey::EndTxn);
    producer.commit_transaction().await.expect("commit after retries");
    assert!(stub.request_count(ApiKey::EndTxn) - before >= 3, "EndTxn was retried");
    assert_delivered(&ledger, &read_all(&backend, &topic, 2, IsolationLevel::ReadCommitted, 10).await, 10);

    producer.begin_transaction().expect("begin");
    send_values(&producer, &topic, "y", 5, &mut ledger).await;
    faults.fail_next(ApiKey::EndTxn, 1, ErrorCode::PRODUCER_FENCED.0);
    let err = producer.commit_transaction().await.expect_err("fenced");
    assert!(matches!(&err, Error::Transaction(e) if e.is_fatal()), "{err}");
    assert_eq!(producer.transaction_state(), Some(TransactionState::FatalError));
}

#[tokio::test]
async fn transaction_abortable_is_recovered_by_an_abort() {
    let backend = Backend::stub(1).await;
    let Some(stub) = backend.stub_handle() else { return };
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("txn-abortable");
    create_topic(&mut conn, &topic, 2).await;
    let producer = transactional(&backend, &unique_topic("txn-abortable"));
    producer.init_transactions().await.expect("init");
    let faults = stub.faults();

    // The coordinator refuses the commit as abortable (KIP-890): the transaction must be
    // aborted, its records stay invisible, and the producer goes on.
    producer.begin_transaction().expect("begin");
    let mut ledger = Ledger::default();
    let refused = send_values(&producer, &topic, "refused", 10, &mut ledger).await;
    aborted(&mut ledger, &refused);
    faults.fail_next(ApiKey::EndTxn, 1, ErrorCode::TRANSACTION_ABORTABLE.0);
    let err = producer.commit_transaction().await.expect_err("commit refused");
    assert!(matches!(&err, Error::Transaction(TransactionError::Abortable { .. })), "{err}");
    assert_eq!(producer.transaction_state(), Some(TransactionState::AbortableError));
    producer.abort_transaction().await.expect("abort");

    // A produce answered TRANSACTION_ABORTABLE makes the transaction abortable too.
    producer.begin_transaction().expect("begin");
    faults.fail_next(ApiKey::Produce, 1, ErrorCode::TRANSACTION_ABORTABLE.0);
    ledger.sent(b"failed");
    let delivery =
        producer.enqueue(ProducerRecord::new(&topic).partition(0).value(&b"failed"[..])).await.expect("enqueue");
    let failed = delivery.await.expect_err("the refused batch fails");
    assert_eq!((&*failed.topic, failed.partition), (topic.as_str(), 0), "{failed}");
    assert_eq!(failed.error.code(), Some(ErrorCode::TRANSACTION_ABORTABLE), "{failed}");
    ledger.failed(b"failed");
    assert_eq!(producer.transaction_state(), Some(TransactionState::AbortableError));
    let err = producer.commit_transaction().await.expect_err("cannot commit");
    assert!(matches!(&err, Error::Transaction(TransactionError::Abortable { .. })), "{err}");
    producer.abort_transaction().await.expect("abort");

    producer.begin_transaction().expect("begin");
    send_values(&producer, &topic, "kept", 10, &mut ledger).await;
    producer.commit_transaction().await.expect("commit");
    // Only the committed transaction is visible.
    assert_delivered(&ledger, &read_all(&backend, &topic, 2, IsolationLevel::ReadCommitted, 10).await, 10);
}

#[tokio::test]
async fn a_commit_refused_for_good_is_fatal_not_stuck() {
    let backend = Backend::stub(1).await;
    let Some(stub) = backend.stub_handle() else { return };
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("txn-stuck");
    create_topic(&mut conn, &topic, 1).await;
    let producer = transactional(&backend, &unique_topic("txn-stuck"));
    producer.init_transactions().await.expect("init");
    producer.begin_transaction().expect("begin");
    send_values(&producer, &topic, "x", 3, &mut Ledger::default()).await;
    stub.faults().fail_next(ApiKey::EndTxn, 1, ErrorCode::INVALID_TXN_STATE.0);
    let err = producer.commit_transaction().await.expect_err("refused");
    assert!(matches!(&err, Error::Transaction(e) if e.is_fatal()), "{err}");
    assert_eq!(producer.transaction_state(), Some(TransactionState::FatalError));
}

/// A commit whose answer is lost or late took effect anyway: the producer retries EndTxn (the
/// coordinator answers a repeated commit of a completed transaction with success), and while
/// no answer comes in time `commit_transaction` says it timed out, never that it committed, and
/// the producer refuses new records until a repeated call learns the outcome. Stub only: it
/// injects the faults.
#[tokio::test]
async fn a_commit_whose_answer_is_lost_or_late_is_reported_only_once_known() {
    let backend = Backend::stub(1).await;
    let Some(stub) = backend.stub_handle() else { return };
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("txn-late");
    create_topic(&mut conn, &topic, 2).await;
    let producer = transactional_with(
        &backend,
        &unique_topic("txn-late"),
        &[("request.timeout.ms", "500"), ("max.block.ms", "2000")],
    );
    producer.init_transactions().await.expect("init");

    producer.begin_transaction().expect("begin");
    let mut ledger = Ledger::default();
    send_values(&producer, &topic, "lost", 3, &mut ledger).await;
    stub.faults().drop_after_next(ApiKey::EndTxn, None, kfk_stub::DropMode::AfterHandling);
    producer.commit_transaction().await.expect("a commit whose answer was lost is retried");

    producer.begin_transaction().expect("begin");
    send_values(&producer, &topic, "late", 3, &mut ledger).await;
    stub.faults().delay_answers(ApiKey::EndTxn, Duration::from_secs(3));
    let err = producer.commit_transaction().await.expect_err("no answer within max.block.ms");
    assert!(matches!(err, Error::Timeout { .. }), "{err}");
    assert_eq!(producer.transaction_state(), Some(TransactionState::Committing));
    let refused = producer.enqueue(ProducerRecord::new(&topic).value(b"between")).await.expect_err("refused");
    assert!(matches!(refused, Error::Transaction(TransactionError::InvalidState { .. })), "{refused}");
    stub.faults().delay_answers(ApiKey::EndTxn, Duration::ZERO);
    producer.commit_transaction().await.expect("the repeated commit learns the outcome");

    producer.begin_transaction().expect("begin");
    send_values(&producer, &topic, "after", 3, &mut ledger).await;
    producer.commit_transaction().await.expect("commit");
    assert_delivered(&ledger, &read_all(&backend, &topic, 2, IsolationLevel::ReadCommitted, 9).await, 9);
    producer.close(Duration::from_secs(5)).await.expect("close");
}

/// `ExactlyOnce`: a commit that timed out is settled before anything is rewound. An abort (as
/// a rebalance's revocation does) first repeats the commit; when it turns out committed, the
/// input it covered is not read again. Stub only: it delays the EndTxn answers.
#[tokio::test]
async fn exactly_once_settles_a_timed_out_commit_before_rewinding() {
    use kfk_client::exactly_once::ExactlyOnce;

    let backend = Backend::stub(1).await;
    let Some(stub) = backend.stub_handle() else { return };
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let (input, output) = (unique_topic("eos-late-in"), unique_topic("eos-late-out"));
    create_topic(&mut conn, &input, 1).await;
    create_topic(&mut conn, &output, 1).await;
    let plain = Producer::new(ProducerConfig::builder().bootstrap_servers(&backend.bootstrap).build().expect("config"))
        .expect("producer");
    // The copy lands at offsets of its own: it is checked for loss, duplicates and order only.
    let mut input_ledger = Ledger::default();
    let sent = send_values(&plain, &input, "in", 10, &mut input_ledger).await;
    let mut copied = Ledger::default();
    for value in &sent {
        copied.sent(value.as_bytes());
        copied.acked(0, -1, value.as_bytes());
    }

    let mut consumer = ConsumerConfig::new(&backend.bootstrap);
    consumer.group_id = Some(unique_topic("eos-late"));
    consumer.auto_offset_reset = OffsetReset::Earliest;
    consumer.max_poll_records = 4;
    let producer = ProducerConfig::from_properties([
        ("bootstrap.servers", backend.bootstrap.as_str()),
        ("transactional.id", unique_topic("eos-late").as_str()),
        ("request.timeout.ms", "500"),
        ("max.block.ms", "2000"),
    ])
    .expect("config");
    let eos = ExactlyOnce::new(consumer, producer).await.expect("exactly once");
    eos.subscribe([input.as_str()]).expect("subscribe");
    let poll = |timeout: Duration| {
        let eos = &eos;
        async move {
            // Nothing within `timeout` is an answer too: no records.
            Wait::new("records", timeout)
                .every(Duration::ZERO)
                .try_until(async || {
                    let records = eos.poll(Duration::from_millis(100)).await.expect("poll");
                    if records.is_empty() {
                        NotYet(())
                    } else {
                        Ready(records)
                    }
                })
                .await
                .unwrap_or_default()
        }
    };
    let copy = |records: &[ConsumerRecord]| {
        let eos = &eos;
        let values: Vec<Bytes> = records.iter().map(|r| r.value.clone().unwrap_or_default()).collect();
        let output = output.clone();
        async move {
            for v in values {
                eos.producer().enqueue(ProducerRecord::new(&output).value(&v)).await.expect("enqueue");
            }
        }
    };

    let first = poll(Duration::from_secs(20)).await;
    assert!(!first.is_empty(), "the input is read");
    copy(&first).await;
    stub.faults().delay_answers(ApiKey::EndTxn, Duration::from_secs(3));
    let err = eos.commit().await.expect_err("no answer within max.block.ms");
    assert!(matches!(err, Error::Timeout { .. }), "{err}");
    stub.faults().delay_answers(ApiKey::EndTxn, Duration::ZERO);
    eos.abort().await.expect("the pending commit is settled");

    // The rest of the input comes next, not the records the settled commit covered.
    let mut rest = Vec::new();
    while first.len() + rest.len() < 10 {
        let records = poll(Duration::from_secs(5)).await;
        assert!(!records.is_empty(), "the rest of the input is read");
        let first_offsets: Vec<i64> = first.iter().map(|r| r.offset).collect();
        assert!(records.iter().all(|r| !first_offsets.contains(&r.offset)), "committed input read again");
        copy(&records).await;
        eos.commit().await.expect("commit");
        rest.extend(records);
    }
    eos.close(Duration::from_secs(5)).await.expect("close");
    // Every input record copied once.
    assert_delivered(&copied, &read_all(&backend, &output, 1, IsolationLevel::ReadCommitted, 10).await, 10);
    plain.close(Duration::from_secs(5)).await.expect("close");
}

/// Sends racing with the end of their transaction, as when a rebalance listener aborts on the
/// group task while the application sends: a task sends without pause (into little buffer
/// memory, so sends wait for memory that the end of the transaction frees) while another
/// commits and aborts transactions in turn. A record whose send began and returned while
/// transaction `i` was open belongs to `i` or fails: never read committed if `i` aborted, always
/// if `i` committed and its delivery succeeded.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sends_racing_with_the_end_of_their_transaction_stay_in_it() {
    use std::collections::HashSet;
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use std::sync::Arc;

    let (backend, topic) = setup(3).await;
    let transactions: u64 = if backend.kind == BackendKind::Stub { 120 } else { 30 };
    let producer = transactional_with(
        &backend,
        &unique_topic("txn-race"),
        &[("linger.ms", "1"), ("batch.size", "1024"), ("buffer.memory", "8192")],
    );
    producer.init_transactions().await.expect("init");

    // 2i+1 from the start of transaction i until its end returns, 2i+2 afterwards.
    let phase = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let sender = {
        let (producer, phase, stop, topic) = (producer.clone(), phase.clone(), stop.clone(), topic.clone());
        tokio::spawn(async move {
            let mut sent = Vec::new();
            let mut refused = 0u64;
            while !stop.load(Ordering::SeqCst) {
                let before = phase.load(Ordering::SeqCst);
                let value = sent.len().to_string();
                match producer.enqueue(ProducerRecord::new(&topic).value(value.as_bytes())).await {
                    Ok(delivery) => sent.push((before, phase.load(Ordering::SeqCst), delivery)),
                    Err(_) => {
                        refused += 1;
                        tokio::task::yield_now().await;
                    }
                }
            }
            (sent, refused)
        })
    };
    let mut committed = HashSet::new();
    for i in 0..transactions {
        producer.begin_transaction().expect("begin");
        phase.store(2 * i + 1, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(2)).await;
        if i % 2 == 0 {
            producer.commit_transaction().await.expect("commit");
            committed.insert(i);
        } else {
            producer.abort_transaction().await.expect("abort");
        }
        phase.store(2 * i + 2, Ordering::SeqCst);
    }
    stop.store(true, Ordering::SeqCst);
    let (sent, refused) = sender.await.expect("sender");

    // Every send is in the ledger (anything else read is a phantom); a send that straddled the
    // end of a transaction may have joined it or not, so it is neither expected nor forbidden.
    let mut ledger = Ledger::default();
    let (mut expected, mut forbidden, mut ended) = (0usize, 0usize, 0usize);
    for (id, (before, after, delivery)) in sent.into_iter().enumerate() {
        let value = id.to_string();
        ledger.sent(value.as_bytes());
        let outcome = delivery.await;
        if matches!(&outcome, Err(e) if matches!(*e.error, Error::Transaction(TransactionError::Ended))) {
            ended += 1;
        }
        if before != after || before % 2 == 0 {
            continue; // not sent within one transaction
        }
        if !committed.contains(&(before / 2)) {
            ledger.aborted(value.as_bytes());
            forbidden += 1;
        } else if let Ok(meta) = &outcome {
            ledger.acked(meta.partition, meta.offset, value.as_bytes());
            expected += 1;
        }
    }
    let read = read_all(&backend, &topic, 3, IsolationLevel::ReadCommitted, expected).await;
    let report = ledger.check(&as_reads(&read));
    eprintln!(
        "{transactions} transactions; sends refused between transactions: {refused}; records that joined an ending \
         transaction: {ended}; committed: {expected}; aborted: {forbidden}; read: {}",
        read.len()
    );
    assert!(report.is_clean(), "{report}");
    assert!(expected > 0 && forbidden > 0, "both kinds of transaction held records");
}

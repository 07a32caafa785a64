//! Interceptors (Java's `interceptor.classes`) against a broker: a producer interceptor's
//! header reaches the log and it hears of every record's outcome, failures included; a
//! consumer interceptor decides what `poll` and `recv` return and hears of every commit.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use kfk_client::config::{ConsumerConfig, ConsumerConfigBuilder, OffsetReset, ProducerConfig};
use kfk_client::consumer::{Consumer, ConsumerRecord, OffsetAndMetadata, TopicPartition};
use kfk_client::interceptor::{ConsumerInterceptor, EditableRecord, HookResult, ProducerInterceptor};
use kfk_client::producer::{Producer, ProducerRecord, RecordMetadata};
use kfk_client::Error;
use kfk_protocol::messages::ApiKey;
use kfk_protocol::ErrorCode;
use tests::read::poll_records;
use tests::topics::{backend_with_topic, create_topic};
use tests::{unique_topic, Backend, Conn};

/// Bounds every wait in these tests, so a broken hook fails rather than hangs.
const PATIENCE: Duration = Duration::from_secs(30);

/// Adds a `trace-id` header to every record and counts the outcomes it hears of.
#[derive(Default)]
struct Tracer {
    acked: Mutex<Vec<RecordMetadata>>,
    failed: Mutex<Vec<(RecordMetadata, String)>>,
    /// How many acknowledgements it had heard of when `on_close` ran, once per call.
    closed_after: Mutex<Vec<usize>>,
}

impl ProducerInterceptor for Tracer {
    fn on_send(&self, record: &mut EditableRecord<'_>) -> HookResult {
        record.add_header("trace-id", Some(b"t-1".as_slice()));
        Ok(())
    }

    fn on_acknowledgement(&self, metadata: &RecordMetadata, error: Option<&Error>) {
        match error {
            None => self.acked.lock().unwrap_or_else(PoisonError::into_inner).push(metadata.clone()),
            Some(e) => {
                self.failed.lock().unwrap_or_else(PoisonError::into_inner).push((metadata.clone(), e.to_string()))
            }
        }
    }

    fn on_close(&self) {
        let heard = self.acked.lock().unwrap_or_else(PoisonError::into_inner).len();
        self.closed_after.lock().unwrap_or_else(PoisonError::into_inner).push(heard);
    }
}

/// Runs after [`Tracer`] (and [`Broken`]): says in a header whether it saw the tracer's.
struct SecondInChain;

impl ProducerInterceptor for SecondInChain {
    fn on_send(&self, record: &mut EditableRecord<'_>) -> HookResult {
        let saw = record.headers.iter().any(|(k, _)| k == "trace-id");
        record.add_header("chain", Some(if saw { b"after-trace".as_slice() } else { b"first".as_slice() }));
        Ok(())
    }
}

/// Panics in every call: the producer must go on as if it were not installed, and the record
/// must leave it as it came in (as Java keeps the record a failed interceptor received).
struct Broken;

impl ProducerInterceptor for Broken {
    fn on_send(&self, record: &mut EditableRecord<'_>) -> HookResult {
        record.topic = "nowhere".into();
        panic!("a bug in an interceptor")
    }

    fn on_acknowledgement(&self, _: &RecordMetadata, _: Option<&Error>) {
        panic!("another bug")
    }
}

fn producer(backend: &Backend, tracer: &Arc<Tracer>) -> Producer {
    let config = ProducerConfig::builder()
        .bootstrap_servers(&backend.bootstrap)
        .linger(Duration::ZERO)
        .interceptor(tracer.clone())
        .interceptor(Broken)
        .interceptor(SecondInChain)
        .build()
        .expect("producer config");
    Producer::new(config).expect("producer")
}

fn consumer_config(backend: &Backend) -> ConsumerConfigBuilder {
    ConsumerConfig::builder()
        .bootstrap_servers(&backend.bootstrap)
        .auto_offset_reset(OffsetReset::Earliest)
        .fetch_max_wait(Duration::from_millis(100))
        .allow_auto_create_topics(false)
}

#[tokio::test]
async fn a_producer_interceptor_adds_headers_and_hears_every_outcome() {
    let (backend, topic) = backend_with_topic("intercept-produce", 1).await;
    let tracer = Arc::new(Tracer::default());
    let producer = producer(&backend, &tracer);

    let mut offsets = Vec::new();
    for i in 0..20 {
        let value = format!("v{i}");
        let meta = producer.send(ProducerRecord::new(&topic).value(value.as_bytes())).await.expect("send");
        offsets.push(meta.offset);
    }
    // The interceptors hear before the sender is woken, so the count is already complete.
    let acked: Vec<i64> =
        tracer.acked.lock().unwrap_or_else(PoisonError::into_inner).iter().map(|m| m.offset).collect();
    assert_eq!(acked, offsets, "one acknowledgement per record, with its offset");
    assert!(tracer
        .acked
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .all(|m| *m.topic == *topic && m.partition == 0));

    // A record refused before it reaches a batch is reported too, with the partition it named.
    let err = producer.send(ProducerRecord::new(&topic).partition(7).value("x")).await.expect_err("the send fails");
    assert_eq!(err.error.code(), Some(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION), "{err}");
    {
        let failed = tracer.failed.lock().unwrap_or_else(PoisonError::into_inner);
        assert_eq!(failed.len(), 1, "{failed:?}");
        let (meta, why) = &failed[0];
        assert_eq!((meta.partition, meta.offset), (7, -1));
        assert!(why.contains("partition 7"), "{why}");
    }
    assert_eq!(tracer.acked.lock().unwrap_or_else(PoisonError::into_inner).len(), 20);
    producer.close(Duration::from_secs(5)).await.expect("close");
    producer.close(Duration::from_secs(5)).await.expect("a second close");
    // Once, after every acknowledgement.
    assert_eq!(*tracer.closed_after.lock().unwrap_or_else(PoisonError::into_inner), [20]);

    let consumer = Consumer::new(consumer_config(&backend).build().expect("consumer config")).expect("consumer");
    consumer.assign([(topic.as_str(), 0)]);
    let records = poll_records(&consumer, 20, PATIENCE).await;
    assert_eq!(records.len(), 20);
    for record in &records {
        assert_eq!(record.headers.get_str("trace-id").as_deref(), Some("t-1"), "{record:?}");
        assert_eq!(record.headers.get_str("chain").as_deref(), Some("after-trace"), "{record:?}");
        assert_eq!(record.headers.len(), 2, "the panicking interceptor's changes were dropped: {record:?}");
    }
    consumer.close().await;
}

/// The stub's fault injection makes the broker refuse a batch, so this runs on the stub
/// whatever `TEST_BACKEND` says (a real broker cannot be told to refuse on cue).
#[tokio::test]
async fn a_batch_the_broker_refuses_reaches_on_acknowledgement_as_an_error() {
    let backend = Backend::stub(1).await;
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("intercept-refused");
    create_topic(&mut conn, &topic, 1).await;
    let tracer = Arc::new(Tracer::default());
    let producer = producer(&backend, &tracer);
    producer.send(ProducerRecord::new(&topic).value("warm-up")).await.expect("send");

    let stub = backend.stub_handle().expect("the stub runs this backend");
    stub.faults().fail_next(ApiKey::Produce, 1, ErrorCode::INVALID_RECORD.0);
    let err = producer.send(ProducerRecord::new(&topic).value("refused")).await.expect_err("the send fails");
    assert_eq!(err.error.code(), Some(ErrorCode::INVALID_RECORD), "{err}");

    let failed = tracer.failed.lock().unwrap_or_else(PoisonError::into_inner);
    assert_eq!(failed.len(), 1, "{failed:?}");
    let (meta, why) = &failed[0];
    assert_eq!((&*meta.topic, meta.partition, meta.offset), (topic.as_str(), 0, -1));
    assert!(why.contains("INVALID_RECORD"), "{why}");
    assert_eq!(
        tracer.acked.lock().unwrap_or_else(PoisonError::into_inner).len(),
        1,
        "only the warm-up record was acknowledged"
    );
}

/// Hides records at odd offsets, and remembers every commit it hears of.
#[derive(Default)]
struct EvenOnly {
    consumed_calls: AtomicUsize,
    commits: Mutex<Vec<Vec<(TopicPartition, OffsetAndMetadata)>>>,
    closed: AtomicUsize,
}

impl ConsumerInterceptor for EvenOnly {
    fn on_consume(&self, records: &mut Vec<ConsumerRecord>) -> HookResult {
        self.consumed_calls.fetch_add(1, Ordering::Relaxed);
        records.retain(|r| r.offset % 2 == 0);
        Ok(())
    }

    fn on_commit(&self, offsets: &[(TopicPartition, OffsetAndMetadata)]) {
        self.commits.lock().unwrap_or_else(PoisonError::into_inner).push(offsets.to_vec());
    }

    fn on_close(&self) {
        self.closed.fetch_add(1, Ordering::Relaxed);
    }
}

/// Errs on every call after emptying the records: its change must be undone.
struct Failing;

impl ConsumerInterceptor for Failing {
    fn on_consume(&self, records: &mut Vec<ConsumerRecord>) -> HookResult {
        records.clear();
        Err("cannot".into())
    }
}

#[tokio::test]
async fn a_consumer_interceptor_filters_what_poll_and_recv_return_and_hears_commits() {
    let (backend, topic) = backend_with_topic("intercept-consume", 1).await;
    {
        let config = ProducerConfig::builder().bootstrap_servers(&backend.bootstrap).linger(Duration::ZERO).build();
        let producer = Producer::new(config.expect("producer config")).expect("producer");
        for i in 0..10 {
            producer.send(ProducerRecord::new(&topic).value(format!("{i}").as_bytes())).await.expect("send");
        }
        producer.close(Duration::from_secs(5)).await.expect("close");
    }
    let tp = TopicPartition::new(&topic, 0);

    let even = Arc::new(EvenOnly::default());
    let group = unique_topic("intercept-group");
    let config = consumer_config(&backend)
        .group_id(group)
        .enable_auto_commit(false)
        .interceptor(Failing)
        .interceptor(even.clone());
    let consumer = Consumer::new(config.build().expect("consumer config")).expect("consumer");
    consumer.assign([tp.clone()]);
    let records = poll_records(&consumer, 5, PATIENCE).await;
    let offsets: Vec<i64> = records.iter().map(|r| r.offset).collect();
    assert_eq!(offsets, [0, 2, 4, 6, 8]);
    assert!(even.consumed_calls.load(Ordering::Relaxed) >= 1);

    // Filtered records still count as consumed: the commit is past all ten.
    consumer.commit().await.expect("commit");
    let commits = even.commits.lock().unwrap_or_else(PoisonError::into_inner).clone();
    assert_eq!(commits.len(), 1, "{commits:?}");
    assert_eq!(commits[0].iter().map(|(tp, o)| (tp.clone(), o.offset)).collect::<Vec<_>>(), [(tp.clone(), 10)]);
    consumer.commit_offsets(&[(topic.as_str(), 0, 4)]).await.expect("commit offsets");
    assert_eq!(even.commits.lock().unwrap_or_else(PoisonError::into_inner).len(), 2);
    assert_eq!(even.commits.lock().unwrap_or_else(PoisonError::into_inner)[1][0].1.offset, 4);
    assert_eq!(even.closed.load(Ordering::Relaxed), 0);
    consumer.close().await;
    consumer.close().await;
    assert_eq!(even.closed.load(Ordering::Relaxed), 1, "on_close runs once");

    // `recv` goes through the same hooks, one record at a time.
    let even = Arc::new(EvenOnly::default());
    let config = consumer_config(&backend).interceptor(even.clone());
    let reader = Consumer::new(config.build().expect("consumer config")).expect("consumer");
    reader.assign([tp.clone()]);
    let mut seen = Vec::new();
    for _ in 0..3 {
        let record = tokio::time::timeout(PATIENCE, reader.recv()).await.expect("a record in time").expect("recv");
        seen.push(record.offset);
    }
    assert_eq!(seen, [0, 2, 4]);
    assert!(even.commits.lock().unwrap_or_else(PoisonError::into_inner).is_empty(), "nothing was committed");
    reader.close().await;
}

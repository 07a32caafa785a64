//! librdkafka against the stub: the admin API creates a topic, an idempotent producer writes
//! in every codec, two consumers in one group read everything and commit, and the committed
//! offsets are the log end offsets.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use foreign_clients::{check_once_in_order, Read};
use kfk_stub::StubCluster;
use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{CommitMode, Consumer, StreamConsumer};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::{Message, Offset, TopicPartitionList};

const PARTITIONS: i32 = 4;
const PER_CODEC: usize = 1000;
const CODECS: [&str; 5] = ["none", "gzip", "snappy", "lz4", "zstd"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rdkafka_produces_and_consumes_in_a_group() {
    let stub = StubCluster::builder().brokers(3).start().await.expect("stub");
    let bootstrap = stub.bootstrap();
    let topic = "rdkafka-roundtrip";

    let admin: AdminClient<DefaultClientContext> =
        ClientConfig::new().set("bootstrap.servers", &bootstrap).create().expect("admin client");
    let created = admin
        .create_topics(&[NewTopic::new(topic, PARTITIONS, TopicReplication::Fixed(3))], &AdminOptions::new())
        .await
        .expect("CreateTopics");
    assert!(created.iter().all(Result::is_ok), "{created:?}");

    // Every codec, idempotent, keyed.
    let mut sent: HashMap<String, usize> = HashMap::new();
    for (c, codec) in CODECS.iter().enumerate() {
        let producer: FutureProducer = ClientConfig::new()
            .set("bootstrap.servers", &bootstrap)
            .set("enable.idempotence", "true")
            .set("compression.type", *codec)
            .set("linger.ms", "5")
            .create()
            .expect("producer");
        let mut deliveries = Vec::with_capacity(PER_CODEC);
        for i in 0..PER_CODEC {
            let n = c * PER_CODEC + i;
            let (key, value) = (format!("key-{}", n % 37), format!("{codec}-{n}"));
            let record = FutureRecord::to(topic).key(&key).payload(&value);
            deliveries.push(producer.send_result(record).expect("queued"));
            sent.insert(value, n);
        }
        for d in deliveries {
            d.await.expect("delivery future").unwrap_or_else(|(e, _)| panic!("{codec}: delivery failed: {e}"));
        }
    }

    // Two consumers in one group.
    let group = "rdkafka-group";
    let consumers: Vec<StreamConsumer> = (0..2)
        .map(|_| {
            ClientConfig::new()
                .set("bootstrap.servers", &bootstrap)
                .set("group.id", group)
                .set("auto.offset.reset", "earliest")
                // Auto-commit also commits on revocation, so a rebalance while the second member
                // joins hands partitions over without re-reading.
                .set("enable.auto.commit", "true")
                .set("auto.commit.interval.ms", "200")
                .set("session.timeout.ms", "6000")
                .create()
                .expect("consumer")
        })
        .collect();
    for c in &consumers {
        c.subscribe(&[topic]).expect("subscribe");
    }
    let total = CODECS.len() * PER_CODEC;
    let mut reads: Vec<Read> = Vec::with_capacity(total);
    let mut per_consumer = [0usize; 2];
    let started = Instant::now();
    let mut distinct = std::collections::HashSet::new();
    while distinct.len() < total {
        assert!(started.elapsed() < Duration::from_secs(60), "read {} of {total} in 60 s", distinct.len());
        for (i, c) in consumers.iter().enumerate() {
            if let Ok(Ok(m)) = tokio::time::timeout(Duration::from_millis(100), c.recv()).await {
                let value = String::from_utf8_lossy(m.payload().unwrap_or_default()).into_owned();
                distinct.insert(value.clone());
                reads.push(Read { partition: m.partition(), offset: m.offset(), value });
                per_consumer[i] += 1;
            }
        }
    }
    for c in &consumers {
        if c.assignment().map(|a| a.count()).unwrap_or(0) > 0 {
            match c.commit_consumer_state(CommitMode::Sync) {
                // Auto-commit got there first: nothing new to commit.
                Ok(()) | Err(KafkaError::ConsumerCommit(RDKafkaErrorCode::NoOffset)) => {}
                Err(e) => panic!("commit: {e}"),
            }
        }
    }
    let problems = check_once_in_order(&sent, &reads);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(per_consumer.iter().all(|&n| n > 0), "both group members read records: {per_consumer:?}");

    // The group's committed offsets are where each partition ends.
    let mut wanted = TopicPartitionList::new();
    for p in 0..PARTITIONS {
        wanted.add_partition(topic, p);
    }
    let committed = consumers[0].committed_offsets(wanted, Duration::from_secs(10)).expect("committed");
    for p in 0..PARTITIONS {
        let (_, high) = consumers[0].fetch_watermarks(topic, p, Duration::from_secs(10)).expect("watermarks");
        let offset = committed.find_partition(topic, p).map(|e| e.offset());
        assert_eq!(offset, Some(Offset::Offset(high)), "partition {p}");
    }
}

//! The consume path, per record: a partition's fetched batches handed out by `poll`, from the
//! in-process reference broker (`kfk-stub`).
//!
//! Setup (untimed): a topic of one partition holding [`RECORDS`] records of 100 B values in
//! batches of up to 1 MiB (as the consume benchmark's producer writes them). Each timed round
//! seeks to offset 0 and polls until every record came back, so it measures the whole
//! consumer path: Fetch requests and their decoding, pipelining, the buffer, CRC checks
//! (`check.crcs` is on), record parsing and the `ConsumerRecord`s handed out (and dropped).
//! The stub's Fetch serves slices of its in-memory log, so the broker side is cheap, though
//! not free: compare rounds of this bench with each other, not with `cargo xtask bench
//! consume`. A round starts with up to `fetch.max.wait.ms` (5 ms here) of waiting for the fetch
//! parked at the log end since the last round.
//!
//! ```sh
//! cargo bench -p kfk-client --bench consume
//! ```

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kfk_client::config::{ConsumerConfig, OffsetReset, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::producer::{Producer, ProducerRecord};
use kfk_stub::StubCluster;
use tokio::runtime::Runtime;

const TOPIC: &str = "bench-consume";
/// Records in the topic, read by each timed round.
const RECORDS: u64 = 500_000;

struct Setup {
    runtime: Runtime,
    consumer: Consumer,
    _stub: StubCluster,
}

fn setup() -> Setup {
    let runtime =
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("a tokio runtime");
    let (stub, consumer) = runtime.block_on(async {
        let stub = StubCluster::builder().brokers(1).start().await.expect("the stub broker starts");
        stub.create_topic(TOPIC, 1).expect("topic created");
        let config = ProducerConfig::builder()
            .bootstrap_servers(stub.bootstrap())
            .linger(Duration::from_millis(5))
            .batch_size(1 << 20)
            .build()
            .expect("a valid producer configuration");
        let producer = Producer::new(config).expect("a producer");
        let value = [b'v'; 100];
        for _ in 0..RECORDS {
            producer.enqueue(ProducerRecord::new(TOPIC).value(&value)).await.expect("queued");
        }
        producer.flush().await.expect("delivered");
        producer.close(Duration::from_secs(5)).await.expect("closed");
        let mut config = ConsumerConfig::new(stub.bootstrap());
        config.auto_offset_reset = OffsetReset::Earliest;
        // Between rounds the consumer sits at the log end with a fetch parked at the broker; the
        // next round's seek waits for that fetch to come back (one fetch per broker in flight),
        // so the wait is kept short.
        config.fetch_max_wait = Duration::from_millis(5);
        let consumer = Consumer::new(config).expect("a consumer");
        consumer.assign([(TOPIC, 0)]);
        (stub, consumer)
    });
    Setup { runtime, consumer, _stub: stub }
}

impl Setup {
    /// Reads the whole topic once; returns how long it took.
    fn round(&self) -> Duration {
        self.consumer.seek(TOPIC, 0, 0).expect("seek");
        self.runtime.block_on(async {
            let start = Instant::now();
            let mut read = 0u64;
            while read < RECORDS {
                let records = self.consumer.poll(Duration::from_secs(10)).await.expect("poll");
                assert!(!records.is_empty(), "no record within 10 s");
                read += records.len() as u64;
            }
            assert_eq!(read, RECORDS);
            start.elapsed()
        })
    }
}

fn consume(c: &mut Criterion) {
    let setup = setup();
    let mut group = c.benchmark_group("consume");
    group.throughput(Throughput::Elements(RECORDS));
    group.sample_size(20);
    group.bench_function("poll/100B/1 partition", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| setup.round()).sum());
    });
    group.finish();
    setup.runtime.block_on(setup.consumer.close());
}

criterion_group!(benches, consume);
criterion_main!(benches);
